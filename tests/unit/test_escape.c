/* test_escape.c: unit tests of lib/hs_escape.c, the hearsay(7) field escaping and JSON strings.
 * Exact outputs for every kind of byte, failures of unescaping, and random round trips. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_buf.h"
#include "hs_escape.h"
#include "hs_utf8.h"
#include "suites.h"

/* Whether the buffer holds exactly s[0..n); an empty buffer may have no data at all. */
static bool
same(const struct hs_buf *b, const char *s, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->data, s, n) == 0);
}

/* Random bytes that favour what escaping cares about: specials, fragments and whole
 * multibyte characters, next to plain ASCII. */
static size_t
random_bytes(uint64_t *seed, char *out, size_t max)
{
	static const struct th_bytes pieces[] = {
		TH_B("\t"), TH_B("\n"), TH_B("\r"), TH_B("\\"), TH_B("\0"), TH_B("\""),
		TH_B("\x01"), TH_B("\x1f"), TH_B("\x7f"), TH_B("\\x41"), TH_B("\\t"),
		TH_B("\xC3\xA9"), TH_B("\xC3"), TH_B("\xA9"), TH_B("\xE2\x82\xAC"),
		TH_B("\xE2\x82"), TH_B("\xF0\x9F\x98\x80"), TH_B("\xF0\x9F"),
		TH_B("\xC0\x80"), TH_B("\xED\xA0\x80"), TH_B("\xF4\x90\x80\x80"),
		TH_B("\xFF"), TH_B("\xFE"), TH_B("\xEF\xBB\xBF"), TH_B("\xC2\xA0"),
		TH_B("word "),
	};
	size_t	 n = 0, want = th_next_random(seed) % (max - 4), k;
	uint64_t r;

	while (n < want) {
		r = th_next_random(seed);
		if (r % 3 == 0) {
			out[n++] = (char)(r >> 8);	/* any byte at all */
			continue;
		}
		k = (r >> 8) % TH_NELEM(pieces);
		if (n + pieces[k].n > max)
			break;
		memcpy(out + n, pieces[k].s, pieces[k].n);
		n += pieces[k].n;
	}
	return n;
}

static const struct {
	struct th_bytes	 in;
	const char	*out;
} tsv_cases[] = {
	{ TH_B(""), "" },
	{ TH_B("plain text."), "plain text." },
	{ TH_B("a\tb"), "a\\tb" },
	{ TH_B("line\nnext"), "line\\nnext" },
	{ TH_B("\r\n"), "\\r\\n" },
	{ TH_B("\\"), "\\\\" },
	{ TH_B("C:\\x41\\t"), "C:\\\\x41\\\\t" },
	{ TH_B("\t\t\n\n"), "\\t\\t\\n\\n" },
	{ TH_B("\0"), "\\x00" },
	{ TH_B("a\0b\0"), "a\\x00b\\x00" },
	/* other control characters pass as they are */
	{ TH_B("\x01\x08\x0b\x0c\x1b\x1f\x7f"), "\x01\x08\x0b\x0c\x1b\x1f\x7f" },
	/* bytes that are not valid UTF-8, in lower-case hex */
	{ TH_B("\x80"), "\\x80" },
	{ TH_B("\xAB"), "\\xab" },
	{ TH_B("\xFF"), "\\xff" },
	{ TH_B("\xFE\xFF"), "\\xfe\\xff" },
	{ TH_B("\xC3"), "\\xc3" },
	{ TH_B("\xC3("), "\\xc3(" },
	{ TH_B("x\xE2\x82"), "x\\xe2\\x82" },
	{ TH_B("\xF0\x9F\x98"), "\\xf0\\x9f\\x98" },
	{ TH_B("\xC0\x80"), "\\xc0\\x80" },
	{ TH_B("\xE0\x80\x80"), "\\xe0\\x80\\x80" },
	{ TH_B("\xED\xA0\x80"), "\\xed\\xa0\\x80" },
	{ TH_B("\xF4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80" },
	{ TH_B("\xF8\x88\x80\x80\x80"), "\\xf8\\x88\\x80\\x80\\x80" },
	/* valid multibyte characters are left alone */
	{ TH_B("caf\xC3\xA9"), "caf\xC3\xA9" },
	{ TH_B("\xC2\xA0\xE2\x80\x94\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF"),
	  "\xC2\xA0\xE2\x80\x94\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF" },
	{ TH_B("\xEF\xBB\xBF" "date"), "\xEF\xBB\xBF" "date" },
	/* all together */
	{ TH_B("\xC3\xA9\t\xFF\xE2\x82\xAC\\\xC3\0\n"),
	  "\xC3\xA9\\t\\xff\xE2\x82\xAC\\\\\\xc3\\x00\\n" },
};

START_TEST(test_escape_tsv)
{
	struct hs_buf	 b;
	size_t		 i, want;

	for (i = 0; i < TH_NELEM(tsv_cases); i++) {
		hs_buf_init(&b);
		hs_escape_tsv(&b, tsv_cases[i].in.s, tsv_cases[i].in.n);
		want = strlen(tsv_cases[i].out);
		ck_assert_msg(same(&b, tsv_cases[i].out, want),
		    "case %zu: '%.*s', want '%s'", i, (int)b.len, b.data,
		    tsv_cases[i].out);
		hs_buf_free(&b);
	}
}
END_TEST

/* Escaping appends: what is in the buffer stays. */
START_TEST(test_escape_appends)
{
	struct hs_buf b;

	hs_buf_init(&b);
	hs_buf_puts(&b, "doc\t");
	hs_escape_tsv(&b, "a\tb", 3);
	hs_buf_putc(&b, '\t');
	hs_escape_json(&b, "\"q\"", 3);
	hs_buf_putc(&b, '\t');
	ck_assert_int_eq(hs_unescape_tsv(&b, "x\\ty", 4), 0);
	ck_assert_uint_eq(b.len, strlen("doc\ta\\tb\t\\\"q\\\"\tx\ty"));
	ck_assert(memcmp(b.data, "doc\ta\\tb\t\\\"q\\\"\tx\ty", b.len) == 0);
	hs_buf_free(&b);
}
END_TEST

/* A long field of bytes that each need the longest form, and a long plain one. */
START_TEST(test_escape_tsv_long)
{
	struct hs_buf	 b;
	char		*in;
	size_t		 n = 300000, i;

	ck_assert_ptr_nonnull(in = malloc(n));
	memset(in, 0xFF, n);
	hs_buf_init(&b);
	hs_buf_putc(&b, '>');
	hs_escape_tsv(&b, in, n);
	ck_assert_uint_eq(b.len, 1 + 4 * n);
	for (i = 0; i < n; i++)
		TH_REQUIRE(memcmp(b.data + 1 + 4 * i, "\\xff", 4) == 0, "byte %zu", i);
	b.len = 0;
	memset(in, 'a', n);
	hs_escape_tsv(&b, in, n);
	ck_assert_uint_eq(b.len, n);
	ck_assert(memcmp(b.data, in, n) == 0);
	hs_buf_free(&b);
	free(in);
}
END_TEST

static const struct {
	struct th_bytes	 in;
	struct th_bytes	 out;
} unescape_cases[] = {
	{ TH_B(""), TH_B("") },
	{ TH_B("plain"), TH_B("plain") },
	{ TH_B("a\\tb"), TH_B("a\tb") },
	{ TH_B("\\n\\r\\t\\\\"), TH_B("\n\r\t\\") },
	{ TH_B("\\\\t"), TH_B("\\t") },
	{ TH_B("\\x00"), TH_B("\0") },
	{ TH_B("\\x41\\x7a"), TH_B("Az") },
	{ TH_B("\\xff\\xFF\\xAb"), TH_B("\xFF\xFF\xAB") },
	{ TH_B("\\xc3\\xa9"), TH_B("\xC3\xA9") },
	{ TH_B("caf\xC3\xA9\\x80"), TH_B("caf\xC3\xA9\x80") },
	/* raw control bytes are taken as they are */
	{ TH_B("\x01\t"), TH_B("\x01\t") },
};

START_TEST(test_unescape_tsv)
{
	struct hs_buf	 b;
	size_t		 i;
	int		 rv;

	for (i = 0; i < TH_NELEM(unescape_cases); i++) {
		hs_buf_init(&b);
		rv = hs_unescape_tsv(&b, unescape_cases[i].in.s, unescape_cases[i].in.n);
		ck_assert_msg(rv == 0, "case %zu: returned %d", i, rv);
		ck_assert_msg(same(&b, unescape_cases[i].out.s, unescape_cases[i].out.n),
		    "case %zu: '%.*s'", i, (int)b.len, b.data);
		hs_buf_free(&b);
	}
}
END_TEST

static const struct {
	struct th_bytes	 in;
	struct th_bytes	 done;		/* what the buffer holds after the failure */
} unescape_errors[] = {
	{ TH_B("\\"), TH_B("") },
	{ TH_B("ab\\"), TH_B("ab") },
	{ TH_B("a\\tb\\"), TH_B("a\tb") },
	{ TH_B("\\x"), TH_B("") },
	{ TH_B("\\x1"), TH_B("") },
	{ TH_B("ok\\x4"), TH_B("ok") },
	{ TH_B("\\xZZ"), TH_B("") },
	{ TH_B("\\x1g"), TH_B("") },
	{ TH_B("\\xg1"), TH_B("") },
	{ TH_B("\\x 1"), TH_B("") },
	{ TH_B("\\q"), TH_B("") },
	{ TH_B("ok\\q"), TH_B("ok") },
	{ TH_B("\\T"), TH_B("") },
	{ TH_B("\\0"), TH_B("") },
	{ TH_B("\\u0041"), TH_B("") },
	{ TH_B("\\\"x"), TH_B("") },
	{ TH_B("\\\\\\"), TH_B("\\") },
};

START_TEST(test_unescape_errors)
{
	struct hs_buf	 b;
	size_t		 i;
	int		 rv;

	for (i = 0; i < TH_NELEM(unescape_errors); i++) {
		hs_buf_init(&b);
		rv = hs_unescape_tsv(&b, unescape_errors[i].in.s, unescape_errors[i].in.n);
		ck_assert_msg(rv == -1, "case %zu: returned %d", i, rv);
		ck_assert_msg(same(&b, unescape_errors[i].done.s, unescape_errors[i].done.n),
		    "case %zu: decoded '%.*s'", i, (int)b.len, b.data);
		hs_buf_free(&b);
	}
}
END_TEST

/* A field cut short in the middle of an escape is an error, not a read past its end:
 * the bytes after n would make it valid. */
START_TEST(test_unescape_stops_at_n)
{
	struct hs_buf b;

	hs_buf_init(&b);
	ck_assert_int_eq(hs_unescape_tsv(&b, "\\x41", 3), -1);
	ck_assert_int_eq(hs_unescape_tsv(&b, "\\t", 1), -1);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_int_eq(hs_unescape_tsv(&b, "a\\x41b", 5), 0);
	ck_assert_uint_eq(b.len, 2);
	ck_assert(memcmp(b.data, "aA", 2) == 0);
	hs_buf_free(&b);
}
END_TEST

/* Escaped fields are valid UTF-8 with no NUL, TAB, LF or CR, and unescape to the bytes
 * they came from. */
START_TEST(test_tsv_round_trip)
{
	struct hs_buf	 esc, back;
	char		 in[512];
	uint64_t	 seed = UINT64_C(0x2545F4914F6CDD1D);
	size_t		 round, n, i, clean_rounds = 0;

	hs_buf_init(&esc);
	hs_buf_init(&back);
	for (round = 0; round < 20000; round++) {
		n = random_bytes(&seed, in, sizeof(in));
		esc.len = back.len = 0;
		hs_escape_tsv(&esc, in, n);
		TH_REQUIRE(hs_utf8_find_bad((unsigned char *)esc.data, esc.len) == esc.len,
		    "round %zu: escaped field is not clean UTF-8", round);
		for (i = 0; i < esc.len; i++)
			TH_REQUIRE(esc.data[i] != '\t' && esc.data[i] != '\n' &&
			    esc.data[i] != '\r', "round %zu: raw byte at %zu", round, i);
		TH_REQUIRE(hs_unescape_tsv(&back, esc.data, esc.len) == 0,
		    "round %zu: unescape failed", round);
		TH_REQUIRE(same(&back, in, n),
		    "round %zu: round trip changed %zu bytes", round, n);
		/* text known to be clean escapes the same by the fast path */
		if (hs_utf8_find_bad((unsigned char *)in, n) == n) {
			back.len = 0;
			hs_escape_tsv_clean(&back, in, n);
			TH_REQUIRE(back.len == esc.len &&
			    memcmp(back.data, esc.data, esc.len) == 0,
			    "round %zu: clean escaping differs", round);
			clean_rounds++;
		}
	}
	TH_REQUIRE(clean_rounds > 100, "only %zu clean rounds", clean_rounds);
	hs_buf_free(&esc);
	hs_buf_free(&back);
}
END_TEST

START_TEST(test_escape_tsv_clean)
{
	/* long enough for the sixteen-byte path, specials at odd places */
	static const char *const cases[][2] = {
		{ "", "" },
		{ "plain ascii text, thirty-two by", "plain ascii text, thirty-two by" },
		{ "\xe2\x80\x9cQuoted,\xe2\x80\x9d she said.\tTab\\slash\r\nend",
		  "\xe2\x80\x9cQuoted,\xe2\x80\x9d she said.\\tTab\\\\slash\\r\\nend" },
		{ "0123456789abcde\tcaf\xc3\xa9 0123456789abcdef\\",
		  "0123456789abcde\\tcaf\xc3\xa9 0123456789abcdef\\\\" },
		{ "\x01\x0b\x0c\x7f controls other than TAB LF CR stay",
		  "\x01\x0b\x0c\x7f controls other than TAB LF CR stay" },
	};
	struct hs_buf	 b;
	size_t		 i;

	hs_buf_init(&b);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		b.len = 0;
		hs_escape_tsv_clean(&b, cases[i][0], strlen(cases[i][0]));
		TH_REQUIRE(b.len == strlen(cases[i][1]) &&
		    memcmp(b.data ? b.data : "", cases[i][1], b.len) == 0,
		    "case %zu: got '%.*s'", i, (int)b.len, b.data ? b.data : "");
	}
	hs_buf_free(&b);
}
END_TEST

static const struct {
	struct th_bytes	 in;
	const char	*out;
} json_cases[] = {
	{ TH_B(""), "" },
	{ TH_B("plain"), "plain" },
	{ TH_B("say \"hi\""), "say \\\"hi\\\"" },
	{ TH_B("a\\b"), "a\\\\b" },
	{ TH_B("\n\r\t"), "\\n\\r\\t" },
	{ TH_B("\0"), "\\u0000" },
	{ TH_B("\x01"), "\\u0001" },
	{ TH_B("\b\f\v"), "\\u0008\\u000c\\u000b" },
	{ TH_B("\x1b[0m"), "\\u001b[0m" },
	{ TH_B("\x1f "), "\\u001f " },
	/* needs no escape in JSON */
	{ TH_B("\x7f/'<>"), "\x7f/'<>" },
	{ TH_B("caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80"),
	  "caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80" },
	/* a byte that is not valid UTF-8 becomes U+FFFD, one per byte */
	{ TH_B("\xFF"), "\xEF\xBF\xBD" },
	{ TH_B("a\xC3"), "a\xEF\xBF\xBD" },
	{ TH_B("\xC3("), "\xEF\xBF\xBD(" },
	{ TH_B("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD" },
	{ TH_B("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
	{ TH_B("\xF4\x90\x80\x80!"),
	  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!" },
	{ TH_B("\xE2\x82\"\xC3\xA9"), "\xEF\xBF\xBD\xEF\xBF\xBD\\\"\xC3\xA9" },
};

START_TEST(test_escape_json)
{
	struct hs_buf	 b;
	size_t		 i, want;

	for (i = 0; i < TH_NELEM(json_cases); i++) {
		hs_buf_init(&b);
		hs_escape_json(&b, json_cases[i].in.s, json_cases[i].in.n);
		want = strlen(json_cases[i].out);
		ck_assert_msg(same(&b, json_cases[i].out, want),
		    "case %zu: '%.*s', want '%s'", i, (int)b.len, b.data,
		    json_cases[i].out);
		hs_buf_free(&b);
	}
}
END_TEST

static int
hex4(const char *s)
{
	int	 v = 0, i;
	char	 c;

	for (i = 0; i < 4; i++) {
		c = s[i];
		if (c >= '0' && c <= '9')
			v = v * 16 + c - '0';
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + c - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/* Decode the inside of a JSON string as a strict reader would: -1 on anything that a
 * JSON parser would reject (a raw control character, a raw quote, an unknown escape). */
static int
json_decode(struct hs_buf *out, const char *s, size_t n)
{
	size_t	 i;
	int	 v;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == '"')
			return -1;
		if (s[i] != '\\') {
			hs_buf_putc(out, s[i]);
			continue;
		}
		if (++i == n)
			return -1;
		switch (s[i]) {
		case '"':
		case '\\':
			hs_buf_putc(out, s[i]);
			break;
		case 'n':
			hs_buf_putc(out, '\n');
			break;
		case 'r':
			hs_buf_putc(out, '\r');
			break;
		case 't':
			hs_buf_putc(out, '\t');
			break;
		case 'u':
			/* the escaper writes \u only for the C0 controls */
			if (n - i < 5 || (v = hex4(s + i + 1)) < 0 || v >= 0x20)
				return -1;
			hs_buf_putc(out, (char)v);
			i += 4;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* A JSON reader gets back the input, with each byte that is not valid UTF-8 as U+FFFD. */
START_TEST(test_json_round_trip)
{
	struct hs_buf	 esc, back, want;
	char		 in[512];
	uint64_t	 seed = 7;
	size_t		 round, n, i, k;

	hs_buf_init(&esc);
	hs_buf_init(&back);
	hs_buf_init(&want);
	for (round = 0; round < 20000; round++) {
		n = random_bytes(&seed, in, sizeof(in));
		esc.len = back.len = want.len = 0;
		for (i = 0; i < n; i += k) {
			if ((k = hs_utf8_seqlen((unsigned char *)in + i, n - i)) == 0) {
				hs_buf_append(&want, "\xEF\xBF\xBD", 3);
				k = 1;
			} else
				hs_buf_append(&want, in + i, k);
		}
		hs_escape_json(&esc, in, n);
		TH_REQUIRE(hs_utf8_find_bad((unsigned char *)esc.data, esc.len) == esc.len,
		    "round %zu: not valid UTF-8", round);
		TH_REQUIRE(json_decode(&back, esc.data, esc.len) == 0,
		    "round %zu: not a valid JSON string: '%.*s'", round,
		    (int)esc.len, esc.data);
		TH_REQUIRE(same(&back, want.data, want.len),
		    "round %zu: JSON string decodes to other text", round);
	}
	hs_buf_free(&esc);
	hs_buf_free(&back);
	hs_buf_free(&want);
}
END_TEST

Suite *
hs_escape_suite(void)
{
	Suite	*s = suite_create("escape");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_escape_tsv);
	tcase_add_test(tc, test_escape_appends);
	tcase_add_test(tc, test_escape_tsv_long);
	tcase_add_test(tc, test_escape_tsv_clean);
	tcase_add_test(tc, test_unescape_tsv);
	tcase_add_test(tc, test_unescape_errors);
	tcase_add_test(tc, test_unescape_stops_at_n);
	tcase_add_test(tc, test_tsv_round_trip);
	tcase_add_test(tc, test_escape_json);
	tcase_add_test(tc, test_json_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
