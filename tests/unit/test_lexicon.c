/* test_lexicon.c: unit tests of lib/hs_lexicon.c, the typed word lists and their file format.
 * Loads text and files, checks lookups by exact bytes, and the exact warnings on bad lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_buf.h"
#include "hs_lexicon.h"
#include "suites.h"

static int
load(struct hs_lexicon *lex, const char *name, const char *text)
{
	return hs_lexicon_load_text(lex, name, text, strlen(text));
}

static bool
has(const struct hs_lexicon *lex, enum hs_lex_type t, const char *s)
{
	return hs_lexicon_has(lex, t, s, strlen(s));
}

static const char *
canon(const struct hs_lexicon *lex, enum hs_lex_type t, const char *s)
{
	return hs_lexicon_canonical(lex, t, s, strlen(s));
}

static const struct {
	const char	*name;
	size_t		 n;
	int		 type;
} type_cases[] = {
	{ "abbrev", 6, HS_LEX_ABBREV },
	{ "numabbrev", 9, HS_LEX_NUMABBREV },
	{ "title", 5, HS_LEX_TITLE },
	{ "starter", 7, HS_LEX_STARTER },
	{ "titles", 5, HS_LEX_TITLE },		/* only the first n bytes count */
	{ "abbrev", 5, -1 },
	{ "abbrevs", 7, -1 },
	{ "Abbrev", 6, -1 },
	{ "ABBREV", 6, -1 },
	{ "num", 3, -1 },
	{ "", 0, -1 },
	{ "foo", 3, -1 },
	{ " title", 6, -1 },
};

START_TEST(test_type_names)
{
	size_t	 i;
	int	 t;

	for (i = 0; i < TH_NELEM(type_cases); i++) {
		t = hs_lex_type_from_name(type_cases[i].name, type_cases[i].n);
		ck_assert_msg(t == type_cases[i].type, "case %zu: %d", i, t);
	}
	ck_assert_str_eq(hs_lex_type_name(HS_LEX_ABBREV), "abbrev");
	ck_assert_str_eq(hs_lex_type_name(HS_LEX_NUMABBREV), "numabbrev");
	ck_assert_str_eq(hs_lex_type_name(HS_LEX_TITLE), "title");
	ck_assert_str_eq(hs_lex_type_name(HS_LEX_STARTER), "starter");
	for (t = 0; t < HS_LEX_NFILETYPES; t++) {
		const char *name = hs_lex_type_name(t);

		ck_assert_int_eq(hs_lex_type_from_name(name, strlen(name)), t);
	}
}
END_TEST

/* The built-in lists load without a word on standard error. */
START_TEST(test_builtin)
{
	struct hs_lexicon	*lex;
	struct th_capture	 c;

	th_capture_start(&c, stderr);
	lex = hs_lexicon_new();
	ck_assert_str_eq(th_capture_end(&c), "");
	ck_assert_ptr_nonnull(lex);
	ck_assert(!has(lex, HS_LEX_ABBREV, "zzqx."));
	ck_assert(!hs_lexicon_has(lex, HS_LEX_TITLE, "", 0));
	ck_assert_ptr_null(canon(lex, HS_LEX_STARTER, "zzqx"));
	/* built-in lists are text in the lexicon format, one per file */
	ck_assert_ptr_nonnull(hs_lexicon_builtin[0].name);
	hs_lexicon_free(lex);
	hs_lexicon_free(NULL);
}
END_TEST

static const char sample[] =
    "# A comment line\n"
    "\n"
    "abbrev\tQnc.\r\n"
    "  # an indented comment\n"
    " \t \n"
    "\r\n"
    "numabbrev\tNq.\n"
    "title\tZenator\tZen.\tZen\r\n"
    "title\tZoctor\t\tZr.\t\n"
    "abbrev\t#hash\n"
    "starter\tZhe";		/* no final newline */

START_TEST(test_load_text)
{
	struct hs_lexicon	*lex;
	struct th_capture	 c;

	lex = hs_lexicon_new();
	th_capture_start(&c, stderr);
	ck_assert_int_eq(load(lex, "sample", sample), 0);
	ck_assert_str_eq(th_capture_end(&c), "");

	ck_assert(has(lex, HS_LEX_ABBREV, "Qnc."));
	ck_assert(!has(lex, HS_LEX_ABBREV, "Qnc.\r"));
	ck_assert(!has(lex, HS_LEX_ABBREV, "Qnc"));
	ck_assert(!has(lex, HS_LEX_ABBREV, "qnc."));
	ck_assert(!hs_lexicon_has(lex, HS_LEX_ABBREV, "Qnc.", 3));
	ck_assert(has(lex, HS_LEX_NUMABBREV, "Nq."));
	/* types are apart */
	ck_assert(!has(lex, HS_LEX_ABBREV, "Nq."));
	ck_assert(!has(lex, HS_LEX_STARTER, "Qnc."));
	/* names and aliases */
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zenator"), "Zenator");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zen."), "Zenator");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zen"), "Zenator");
	ck_assert_ptr_null(canon(lex, HS_LEX_TITLE, "Zen\r"));
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zr."), "Zoctor");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zoctor"), "Zoctor");
	ck_assert_str_eq(canon(lex, HS_LEX_ABBREV, "Qnc."), "Qnc.");
	ck_assert_ptr_null(canon(lex, HS_LEX_ABBREV, "Zenator"));
	/* empty alias fields add nothing */
	ck_assert(!hs_lexicon_has(lex, HS_LEX_TITLE, "", 0));
	/* a # inside a line is part of the name; comment lines add nothing */
	ck_assert(has(lex, HS_LEX_ABBREV, "#hash"));
	ck_assert(!has(lex, HS_LEX_ABBREV, "# A comment line"));
	ck_assert(!has(lex, HS_LEX_ABBREV, "an indented comment"));
	ck_assert(has(lex, HS_LEX_STARTER, "Zhe"));
	ck_assert(!has(lex, HS_LEX_STARTER, "zhe"));
	hs_lexicon_free(lex);
}
END_TEST

/* Names hold any bytes but TAB, LF and a final CR: spaces and UTF-8 included. */
START_TEST(test_names_are_exact_bytes)
{
	struct hs_lexicon *lex;

	lex = hs_lexicon_new();
	ck_assert_int_eq(load(lex, "t", "title\tZrime Zinister\tZM \n"
	    "abbrev\tS.\xC3\xA0r.l.\n"), 0);
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "ZM "), "Zrime Zinister");
	ck_assert_ptr_null(canon(lex, HS_LEX_TITLE, "ZM"));
	ck_assert(has(lex, HS_LEX_TITLE, "Zrime Zinister"));
	ck_assert(has(lex, HS_LEX_ABBREV, "S.\xC3\xA0r.l."));
	hs_lexicon_free(lex);
}
END_TEST

/* A later entry for the same key wins, in the same text or in a later load. */
START_TEST(test_later_entry_wins)
{
	struct hs_lexicon *lex;

	lex = hs_lexicon_new();
	ck_assert_int_eq(load(lex, "a", "title\tZenator\tZen.\n"
	    "title\tZenior\tZen.\n"), 0);
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zen."), "Zenior");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zenator"), "Zenator");
	ck_assert_int_eq(load(lex, "b", "title\tZen.\n"), 0);
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zen."), "Zen.");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zenior"), "Zenior");
	/* a name that was an alias can itself get aliases */
	ck_assert_int_eq(load(lex, "c", "title\tZenator\tZenior\n"), 0);
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zenior"), "Zenator");
	/* the same key in another type is another entry */
	ck_assert_int_eq(load(lex, "d", "abbrev\tZen.\n"), 0);
	ck_assert_str_eq(canon(lex, HS_LEX_ABBREV, "Zen."), "Zen.");
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zenior"), "Zenator");
	hs_lexicon_free(lex);
}
END_TEST

/* hs_lexicon_types: every type a key has, in one mask; none for a stranger. */
START_TEST(test_types_mask)
{
	struct hs_lexicon *lex = hs_lexicon_new();

	ck_assert_int_eq(load(lex, "t.tsv", "abbrev\tQzx.\ntitle\tQzx.\n"
	    "numabbrev\tQzy.\nstarter\tQzz\talias-of-qzz\n"), 0);
	ck_assert_uint_eq(hs_lexicon_types(lex, "Qzx.", 4),
	    1u << HS_LEX_ABBREV | 1u << HS_LEX_TITLE);
	ck_assert_uint_eq(hs_lexicon_types(lex, "Qzy.", 4), 1u << HS_LEX_NUMABBREV);
	ck_assert_uint_eq(hs_lexicon_types(lex, "alias-of-qzz", 12), 1u << HS_LEX_STARTER);
	ck_assert_uint_eq(hs_lexicon_types(lex, "Qzw.", 4), 0);
	ck_assert_uint_eq(hs_lexicon_types(lex, "Qzx", 3), 0);
	hs_lexicon_free(lex);
}
END_TEST

static const struct {
	const char	*text;
	const char	*message;	/* after "prog: " */
	const char	*kept;		/* an abbrev loaded before the bad line, or NULL */
} error_cases[] = {
	{ "foo\tbar\n", "my.tsv:1: unknown lexicon type 'foo'\n", NULL },
	{ "abbrev\tok\n\nfoo\tbar\n", "my.tsv:3: unknown lexicon type 'foo'\n", "ok" },
	{ "# c\r\nabbrev\tok\r\nAbbrev\tX\r\n",
	  "my.tsv:3: unknown lexicon type 'Abbrev'\n", "ok" },
	{ "abbrevs\tX", "my.tsv:1: unknown lexicon type 'abbrevs'\n", NULL },
	{ "\tInc.\n", "my.tsv:1: unknown lexicon type ''\n", NULL },
	{ "abbrev Inc.\n", "my.tsv:1: missing TAB and name after the type\n", NULL },
	{ "abbrev\tok\nabbrev\n", "my.tsv:2: missing TAB and name after the type\n",
	  "ok" },
	{ "abbrev\r\n", "my.tsv:1: missing TAB and name after the type\n", NULL },
	{ "abbrev\t\n", "my.tsv:1: empty name\n", NULL },
	{ "abbrev\t", "my.tsv:1: empty name\n", NULL },
	{ "abbrev\t\r\n", "my.tsv:1: empty name\n", NULL },
	{ "abbrev\tok\n#\n\nabbrev\t\tZalias\n", "my.tsv:4: empty name\n", "ok" },
};

START_TEST(test_errors)
{
	struct hs_lexicon	*lex;
	struct th_capture	 c;
	char			 want[256];
	size_t			 i;
	int			 rv;

	for (i = 0; i < TH_NELEM(error_cases); i++) {
		lex = hs_lexicon_new();
		th_capture_start(&c, stderr);
		rv = load(lex, "my.tsv", error_cases[i].text);
		th_capture_end(&c);
		ck_assert_msg(rv == -1, "case %zu: returned %d", i, rv);
		snprintf(want, sizeof(want), "%s: %s", getprogname(),
		    error_cases[i].message);
		ck_assert_msg(strcmp(c.text, want) == 0, "case %zu: '%s'", i, c.text);
		if (error_cases[i].kept != NULL)
			ck_assert_msg(has(lex, HS_LEX_ABBREV, error_cases[i].kept),
			    "case %zu: earlier entry lost", i);
		ck_assert_msg(!has(lex, HS_LEX_ABBREV, "Zalias"), "case %zu", i);
		hs_lexicon_free(lex);
	}
}
END_TEST

/* Write text to a new temporary file; its name goes into path. */
static void
write_temp(char *path, size_t size, const char *text)
{
	int fd;

	snprintf(path, size, "%s/hs-lexicon-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_int_ne(fd = mkstemp(path), -1);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	ck_assert_int_eq(close(fd), 0);
}

START_TEST(test_load_file)
{
	struct hs_lexicon	*lex;
	struct th_capture	 c;
	char			 path[1024], want[1200];

	lex = hs_lexicon_new();
	write_temp(path, sizeof(path), sample);
	th_capture_start(&c, stderr);
	ck_assert_int_eq(hs_lexicon_load_file(lex, path), 0);
	ck_assert_str_eq(th_capture_end(&c), "");
	unlink(path);
	ck_assert_str_eq(canon(lex, HS_LEX_TITLE, "Zen."), "Zenator");
	ck_assert(has(lex, HS_LEX_STARTER, "Zhe"));

	/* an empty file adds nothing and is no error */
	write_temp(path, sizeof(path), "");
	th_capture_start(&c, stderr);
	ck_assert_int_eq(hs_lexicon_load_file(lex, path), 0);
	ck_assert_str_eq(th_capture_end(&c), "");
	unlink(path);

	/* a bad line is reported with the file's path and the line */
	write_temp(path, sizeof(path), "abbrev\tQorp.\npersons\tJane Doe\n");
	th_capture_start(&c, stderr);
	ck_assert_int_eq(hs_lexicon_load_file(lex, path), -1);
	th_capture_end(&c);
	unlink(path);
	snprintf(want, sizeof(want), "%s: %s:2: unknown lexicon type 'persons'\n",
	    getprogname(), path);
	ck_assert_str_eq(c.text, want);
	ck_assert(has(lex, HS_LEX_ABBREV, "Qorp."));
	hs_lexicon_free(lex);
}
END_TEST

START_TEST(test_load_file_errors)
{
	struct hs_lexicon	*lex;
	struct th_capture	 c;
	char			 want[1200];

	lex = hs_lexicon_new();
	th_capture_start(&c, stderr);
	ck_assert_int_eq(hs_lexicon_load_file(lex, "/nonexistent/words.tsv"), -1);
	th_capture_end(&c);
	snprintf(want, sizeof(want), "%s: /nonexistent/words.tsv: %s\n",
	    getprogname(), strerror(ENOENT));
	ck_assert_str_eq(c.text, want);

	th_capture_start(&c, stderr);
	ck_assert_int_eq(hs_lexicon_load_file(lex, "/"), -1);
	th_capture_end(&c);
	snprintf(want, sizeof(want), "%s: /: %s\n", getprogname(), strerror(EISDIR));
	ck_assert_str_eq(c.text, want);
	hs_lexicon_free(lex);
}
END_TEST

/* Thousands of entries force the table to grow many times; all stay reachable, and a
 * canonical name looked up early stays valid. */
START_TEST(test_many_entries)
{
	struct hs_lexicon	*lex;
	struct hs_buf		 text;
	const char		*early, *got;
	char			 line[128], key[64], want[64];
	size_t			 i, n = 20000;

	lex = hs_lexicon_new();
	ck_assert_int_eq(load(lex, "first", "title\tZearly\tZe.\n"), 0);
	early = canon(lex, HS_LEX_TITLE, "Ze.");
	ck_assert_str_eq(early, "Zearly");
	hs_buf_init(&text);
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%s\tname%zu\talias%zu\tx%zu.\n",
		    hs_lex_type_name(i % HS_LEX_NFILETYPES), i, i, i);
		hs_buf_puts(&text, line);
	}
	ck_assert_int_eq(hs_lexicon_load_text(lex, "many", text.data, text.len), 0);
	hs_buf_free(&text);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof(want), "name%zu", i);
		snprintf(key, sizeof(key), "alias%zu", i);
		got = canon(lex, i % HS_LEX_NFILETYPES, key);
		TH_REQUIRE(got != NULL && strcmp(got, want) == 0, "entry %zu: %s", i,
		    got ? got : "(null)");
		snprintf(key, sizeof(key), "x%zu.", i);
		got = canon(lex, i % HS_LEX_NFILETYPES, key);
		TH_REQUIRE(got != NULL && strcmp(got, want) == 0, "entry %zu: %s", i,
		    got ? got : "(null)");
		got = canon(lex, i % HS_LEX_NFILETYPES, want);
		TH_REQUIRE(got != NULL && strcmp(got, want) == 0, "entry %zu", i);
		/* and in no other type */
		TH_REQUIRE(!has(lex, (i + 1) % HS_LEX_NFILETYPES, want), "entry %zu", i);
		snprintf(key, sizeof(key), "name%zu", i + n);
		TH_REQUIRE(!has(lex, i % HS_LEX_NFILETYPES, key), "entry %zu", i);
	}
	ck_assert_ptr_eq(canon(lex, HS_LEX_TITLE, "Ze."), early);
	ck_assert_str_eq(early, "Zearly");
	hs_lexicon_free(lex);
}
END_TEST

Suite *
hs_lexicon_suite(void)
{
	Suite	*s = suite_create("lexicon");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_type_names);
	tcase_add_test(tc, test_builtin);
	tcase_add_test(tc, test_load_text);
	tcase_add_test(tc, test_names_are_exact_bytes);
	tcase_add_test(tc, test_later_entry_wins);
	tcase_add_test(tc, test_types_mask);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_load_file);
	tcase_add_test(tc, test_load_file_errors);
	tcase_add_test(tc, test_many_entries);
	suite_add_tcase(s, tc);
	return s;
}
