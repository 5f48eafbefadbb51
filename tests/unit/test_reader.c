/* test_reader.c: unit tests of lib/hs_reader.c, the article reader: the exact blocks for
 * each rule of the input format, the warnings word for word, cuts and unread, streaming,
 * and the promise that reading a file in ranges gives what one whole read gives. */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_reader.h"
#include "hs_utf8.h"
#include "suites.h"

/* lib/hs_reader.c: the size of each read, lowered here to put chunk ends anywhere */
extern size_t	hs_reader_read_size;

struct got_block {
	char		 doc[64];
	char		 date[11];
	unsigned long	 par;
	uint64_t	 start;
	size_t		 len;
	char		*text;
	bool		 article_start, cut;
};

/* Everything one reader gave: blocks, return value, failure flag, standard error. */
struct got {
	struct got_block *b;
	size_t		  n, cap;
	int		  rv;
	bool		  failed;
	uint64_t	  bytes_read;
	char		  err[4096];
};

/* What a block should be; start is found as the next place of text in the input when
 * it is NOSTART. */
struct want {
	const char	*doc;
	const char	*date;
	unsigned long	 par;
	uint64_t	 start;
	const char	*text;
	bool		 cut;
};
#define NOSTART	UINT64_MAX

static char	dir[64];
static char	path[128];	/* dir/news.txt: its articles are "news" */

static void
setup(void)
{
	strlcpy(dir, "/tmp/hs-reader-XXXXXX", sizeof(dir));
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/news.txt", dir);
	hs_reader_read_size = 256 << 10;
}

static void
teardown(void)
{
	unlink(path);
	rmdir(dir);
}

static void
put(const char *s, size_t n)
{
	FILE *f;

	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_uint_eq(fwrite(s, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

#define PUT(lit)	put(lit, sizeof(lit) - 1)

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->b[i].text);
	free(g->b);
	free(g);
}

static void
add_block(struct got *g, const struct hs_block *b)
{
	struct got_block *gb;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		ck_assert_ptr_nonnull(g->b = reallocarray(g->b, g->cap, sizeof(*g->b)));
	}
	gb = &g->b[g->n++];
	ck_assert_uint_lt(strlen(b->doc), sizeof(gb->doc));
	strlcpy(gb->doc, b->doc, sizeof(gb->doc));
	strlcpy(gb->date, b->date, sizeof(gb->date));
	gb->par = b->par;
	gb->start = b->start;
	gb->len = b->len;
	ck_assert_ptr_nonnull(gb->text = malloc(b->len + 1));
	memcpy(gb->text, b->text, b->len);
	gb->text[b->len] = '\0';
	gb->article_start = b->article_start;
	gb->cut = b->cut;
	/* every block's clean flag tells the truth */
	ck_assert(b->clean == (hs_utf8_find_bad((const unsigned char *)b->text,
	    b->len) == b->len));
}

/* Read p (NULL: standard input) with these options, appending to g if not NULL. */
static struct got *
read_more(struct got *g, const char *p, enum hs_unit unit, size_t maxb, uint64_t from,
    uint64_t to)
{
	struct hs_reader_opts	 o = {
		.unit = unit, .max_block = maxb, .from = from, .to = to,
	};
	struct hs_reader	*r;
	struct hs_block		 b;
	struct th_capture	 c;

	if (g == NULL)
		ck_assert_ptr_nonnull(g = calloc(1, sizeof(*g)));
	th_capture_start(&c, stderr);
	r = hs_reader_open(p, &o);
	if (r != NULL) {
		while ((g->rv = hs_reader_next(r, &b)) == 1)
			add_block(g, &b);
		g->failed = hs_reader_failed(r);
		g->bytes_read = hs_reader_bytes_read(r);
		hs_reader_close(r);
	} else
		g->rv = -2;
	strlcpy(g->err, th_capture_end(&c), sizeof(g->err));
	return g;
}

static struct got *
read_all(enum hs_unit unit, size_t maxb)
{
	return read_more(NULL, path, unit, maxb, 0, UINT64_MAX);
}

/* The blocks of g are exactly w; input is the file's text for finding starts. */
static void
expect(const struct got *g, const char *input, size_t inlen, const struct want *w,
    size_t nw)
{
	const char *at;
	uint64_t from = 0, start;
	size_t i, len;

	ck_assert_int_eq(g->rv, 0);
	ck_assert_uint_eq(g->n, nw);
	for (i = 0; i < nw; i++) {
		len = strlen(w[i].text);
		start = w[i].start;
		if (start == NOSTART) {
			at = memmem(input + from, inlen - from, w[i].text, len);
			ck_assert_msg(at != NULL, "block %zu: no \"%s\" in input", i, w[i].text);
			start = (uint64_t)(at - input);
		}
		ck_assert_msg(strcmp(g->b[i].doc, w[i].doc) == 0, "block %zu: doc %s, not %s",
		    i, g->b[i].doc, w[i].doc);
		ck_assert_msg(strcmp(g->b[i].date, w[i].date) == 0,
		    "block %zu: date %s, not %s", i, g->b[i].date, w[i].date);
		ck_assert_msg(g->b[i].par == w[i].par, "block %zu: par %lu, not %lu", i,
		    g->b[i].par, w[i].par);
		ck_assert_msg(g->b[i].len == len && memcmp(g->b[i].text, w[i].text, len) == 0,
		    "block %zu: text \"%s\", not \"%s\"", i, g->b[i].text, w[i].text);
		ck_assert_msg(g->b[i].start == start, "block %zu: start %llu, not %llu", i,
		    (unsigned long long)g->b[i].start, (unsigned long long)start);
		ck_assert_msg(g->b[i].cut == w[i].cut, "block %zu: cut %d", i, g->b[i].cut);
		ck_assert_msg(g->b[i].article_start == (i == 0 ||
		    strcmp(g->b[i - 1].doc, g->b[i].doc) != 0),
		    "block %zu: article_start %d", i, g->b[i].article_start);
		from = start + len;
	}
}

/* "prog: " followed by the message, as warnx writes it. */
static void
expect_err(const struct got *g, const char *fmt_msgs)
{
	char want[4096], *line, *save, copy[4096];
	size_t n = 0;

	strlcpy(copy, fmt_msgs, sizeof(copy));
	want[0] = '\0';
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		n += (size_t)snprintf(want + n, sizeof(want) - n, "%s: %s\n",
		    getprogname(), line);
	ck_assert_str_eq(g->err, want);
}

/* Replace every "@" in s by the path, for expected messages. */
static const char *
with_path(const char *s)
{
	static char out[4096];
	size_t n = 0;

	for (; *s != '\0' && n + sizeof(path) < sizeof(out); s++) {
		if (*s == '@')
			n += strlcpy(out + n, path, sizeof(out) - n);
		else
			out[n++] = *s;
	}
	out[n] = '\0';
	return out;
}

START_TEST(test_doc_name)
{
	static const struct {
		const char	*path, *id;
	} t[] = {
		{ "news.txt", "news" },
		{ "a/b/2031-03-14-harbour-talks.txt", "2031-03-14-harbour-talks" },
		{ "archive.tar.gz", "archive.tar" },
		{ ".hidden", ".hidden" },
		{ "dir/.hidden.txt", ".hidden" },
		{ "noext", "noext" },
		{ "dot.dir/noext", "noext" },
		{ "dir/", "dir" },
		{ "-", "stdin" },
		{ NULL, "stdin" },
	};
	char id[64], small[4];
	size_t i;

	for (i = 0; i < TH_NELEM(t); i++) {
		hs_doc_name(t[i].path, id, sizeof(id));
		ck_assert_msg(strcmp(id, t[i].id) == 0, "%s: %s", t[i].path, id);
	}
	hs_doc_name("longname.txt", small, sizeof(small));
	ck_assert_str_eq(small, "lon");
}
END_TEST

START_TEST(test_paragraphs)
{
	static const char in[] = " date 2031-03-14 First line\nsecond line.\n\n"
	    "  Second para.  \n \t \n\n\nThird.\nFourth line.\n\n\n";
	static const struct want w[] = {
		{ "news", "2031-03-14", 1, 17, "First line\nsecond line.", false },
		{ "news", "2031-03-14", 2, 44, "Second para.", false },
		{ "news", "2031-03-14", 3, 65, "Third.\nFourth line.", false },
	};
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_PARAGRAPH, 0);
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	ck_assert_str_eq(g->err, "");
	ck_assert(!g->failed);
	ck_assert_uint_eq(g->bytes_read, sizeof(in) - 1);
	got_free(g);
}
END_TEST

/* An input and the blocks a paragraph-mode read of it gives (unused ones NULL). */
struct read_case {
	const char	*in;
	struct want	 w[3];
};

static void
expect_cases(const struct read_case *t, size_t ncases)
{
	struct got *g;
	size_t i, n;

	for (i = 0; i < ncases; i++) {
		put(t[i].in, strlen(t[i].in));
		g = read_all(HS_UNIT_PARAGRAPH, 0);
		for (n = 0; n < TH_NELEM(t[i].w) && t[i].w[n].doc != NULL; n++)
			continue;
		expect(g, t[i].in, strlen(t[i].in), t[i].w, n);
		got_free(g);
	}
}

/* Headers by rule (1) and (2); each input gives the blocks listed. */
START_TEST(test_headers)
{
	static const struct read_case t[] = {
		{ "Intro.\ndate 2020-01-01 A.", {
		    { "news", "-", 1, 0, "Intro.", false },
		    { "news@7", "2020-01-01", 1, 23, "A.", false } } },
		{ "x. date 2020-01-02 B", {
		    { "news", "-", 1, 0, "x.", false },
		    { "news@3", "2020-01-02", 1, 19, "B", false } } },
		{ "Said.\" date 2020-01-03 C", {
		    { "news", "-", 1, 0, "Said.\"", false },
		    { "news@7", "2020-01-03", 1, 23, "C", false } } },
		{ "Said.\xe2\x80\x9d\xe2\x80\x99 date 2020-01-04 D", {
		    { "news", "-", 1, 0, "Said.\xe2\x80\x9d\xe2\x80\x99", false },
		    { "news@12", "2020-01-04", 1, 28, "D", false } } },
		{ "Why?)] date 2020-01-05 E", {
		    { "news", "-", 1, 0, "Why?)]", false },
		    { "news@7", "2020-01-05", 1, 23, "E", false } } },
		{ "Wait\xe2\x80\xa6\xc2\xbb\t \tdate 2020-01-06 F", {
		    { "news", "-", 1, 0, "Wait\xe2\x80\xa6\xc2\xbb", false },
		    { "news@12", "2020-01-06", 1, 28, "F", false } } },
		{ "Yes!' date 2020-01-07 G", {
		    { "news", "-", 1, 0, "Yes!'", false },
		    { "news@6", "2020-01-07", 1, 22, "G", false } } },
		{ "   date 2020-01-08 Indented", {
		    { "news", "2020-01-08", 1, 19, "Indented", false } } },
		{ "\r\n \r\n\tdate 2020-01-09\xc2\xa0NBSP", {
		    { "news", "2020-01-09", 1, 23, "NBSP", false } } },
		{ "A.\n  date 2020-01-10", {	/* at the end of input */
		    { "news", "-", 1, 0, "A.", false } } },
		{ "Q.\n\xe3\x80\x80" "date 2020-01-11 R", {	/* U+3000 before */
		    { "news", "-", 1, 0, "Q.", false },
		    { "news@6", "2020-01-11", 1, 22, "R", false } } },
		/* files joined by cat, the first without a final newline */
		{ "too.\xe2\x80\x9d" "date 2020-01-12 S", {
		    { "news", "-", 1, 0, "too.\xe2\x80\x9d", false },
		    { "news@7", "2020-01-12", 1, 23, "S", false } } },
		{ "x.date 2020-01-13 T", {
		    { "news", "-", 1, 0, "x.", false },
		    { "news@2", "2020-01-13", 1, 18, "T", false } } },
	};
	expect_cases(t, TH_NELEM(t));
}
END_TEST

/* Things that look like headers and are not: the text is one block. */
START_TEST(test_false_headers)
{
	static const char *const t[] = {
		"He went on date 2020-01-01 with her.",
		"Updated date 2020-1-1 and more",
		"x. date 2020-01-01x",
		"x. ) date 2020-01-01 y",
		"x, date 2020-01-01 y",
		"update 2020-01-01 x",
		("x.\xc2\xa0" "date 2020-01-01 y"),
		"x. date  2020-01-01 y",
		"x. DATE 2020-01-01 y",
		"x. date 2020-01-01-02 y",
		"x. date 20200-01-01 y",
		"x.\n\nzdate 2020-01-01 y",
	};
	struct want w[2] = { { "news", "-", 1, 0, NULL, false } };
	struct got *g;
	size_t i;

	for (i = 0; i < TH_NELEM(t); i++) {
		put(t[i], strlen(t[i]));
		g = read_all(HS_UNIT_ARTICLE, 0);
		w[0].text = t[i];
		expect(g, t[i], strlen(t[i]), w, 1);
		got_free(g);
	}
}
END_TEST

START_TEST(test_dates)
{
	static const char in[] = "date 2021-13-45 A\n\ndate 2021-02-29 B\n\n"
	    "date 2020-02-29 C\n\ndate 0000-01-01 D\n\ndate 1900-02-29 E\n\n"
	    "date 2000-02-29 F\ndate 2021-04-31 G\ndate 9999-12-31 H\n"
	    "date 2021-00-10 I\ndate 2021-01-00 J\ndate 2021-01-31 K";
	static const struct want w[] = {
		{ "news", "-", 1, NOSTART, "A", false },
		{ "news@19", "-", 1, NOSTART, "B", false },
		{ "news@38", "2020-02-29", 1, NOSTART, "C", false },
		{ "news@57", "-", 1, NOSTART, "D", false },
		{ "news@76", "-", 1, NOSTART, "E", false },
		{ "news@95", "2000-02-29", 1, NOSTART, "F", false },
		{ "news@113", "-", 1, NOSTART, "G", false },
		{ "news@131", "9999-12-31", 1, NOSTART, "H", false },
		{ "news@149", "-", 1, NOSTART, "I", false },
		{ "news@167", "-", 1, NOSTART, "J", false },
		{ "news@185", "2021-01-31", 1, NOSTART, "K", false },
	};
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_PARAGRAPH, 0);
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	expect_err(g, with_path("@:1: impossible date '2021-13-45'"));
	ck_assert(g->failed);
	got_free(g);
}
END_TEST

/* More than HS_HEADER_LOOKBACK spaces and tabs before "date" make a header. */
START_TEST(test_lookback)
{
	static const struct {
		const char	*head;
		size_t		 spaces;
		bool		 header;
	} t[] = {
		{ "word", 1000, false },
		{ "word", HS_HEADER_LOOKBACK, false },
		{ "word", HS_HEADER_LOOKBACK + 1, true },
		{ "word", 3000, true },
		{ "word.", 1000, true },
	};
	char in[4096], doc[32], text[4096];
	struct want w[2];
	struct got *g;
	size_t i, n, h;

	for (i = 0; i < TH_NELEM(t); i++) {
		n = strlcpy(in, t[i].head, sizeof(in));
		memset(in + n, i % 2 ? '\t' : ' ', t[i].spaces);
		h = n + t[i].spaces;
		n = h + strlcpy(in + h, "date 2020-01-01 X", sizeof(in) - h);
		put(in, n);
		g = read_all(HS_UNIT_PARAGRAPH, 0);
		w[0] = (struct want){ "news", "-", 1, 0, t[i].head, false };
		if (t[i].header) {
			snprintf(doc, sizeof(doc), "news@%zu", h);
			w[1] = (struct want){ doc, "2020-01-01", 1, h + 16, "X", false };
			expect(g, in, n, w, 2);
		} else {
			memcpy(text, in, n);
			text[n] = '\0';
			w[0].text = text;
			expect(g, in, n, w, 1);
		}
		got_free(g);
	}
}
END_TEST

/* The first article is named after the file when only white space is before it. */
START_TEST(test_first_article)
{
	static const struct read_case t[] = {
		{ "\n\n  \t\ndate 2020-01-01 A", {
		    { "news", "2020-01-01", 1, 22, "A", false } } },
		{ "\xef\xbb\xbf" "date 2020-01-02 B", {
		    { "news", "2020-01-02", 1, 19, "B", false } } },
		{ "\xef\xbb\xbf" "Text", {
		    { "news", "-", 1, 3, "Text", false } } },
		{ "\xef\xbb\xbf \r\n" "Text\r\n\r\n", {
		    { "news", "-", 1, 6, "Text", false } } },
		{ "x\ndate 2020-01-03 C", {
		    { "news", "-", 1, 0, "x", false },
		    { "news@2", "2020-01-03", 1, 18, "C", false } } },
		{ "date 2020-01-04\ndate 2020-01-05 D", {	/* an empty article */
		    { "news@16", "2020-01-05", 1, 32, "D", false } } },
	};
	expect_cases(t, TH_NELEM(t));
}
END_TEST

START_TEST(test_blank_lines)
{
	static const char in[] = "date 2020-01-01 One\r\ntwo\r\n\r\nThree \r\n"
	    "\xc2\xa0\nFour\n\xe3\x80\x80\xe2\x80\x8a\t\nFive\xe3\x80\x80\n\n"
	    "Six. date 2020-01-02 Seven\n\nEight";
	static const struct want w[] = {
		{ "news", "2020-01-01", 1, NOSTART, "One\r\ntwo", false },
		{ "news", "2020-01-01", 2, NOSTART, "Three", false },
		{ "news", "2020-01-01", 3, NOSTART, "Four", false },
		{ "news", "2020-01-01", 4, NOSTART, "Five", false },
		{ "news", "2020-01-01", 5, NOSTART, "Six.", false },
		{ "news@66", "2020-01-02", 1, NOSTART, "Seven", false },
		{ "news@66", "2020-01-02", 2, NOSTART, "Eight", false },
	};
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_PARAGRAPH, 0);
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	got_free(g);
}
END_TEST

START_TEST(test_article_unit)
{
	static const char in[] = "Before.\n\n date 2020-01-01 One.\n\n  Two.\n\n\n"
	    "Three. date 2020-01-02 Four\n\nFive.\n \n";
	static const struct want w[] = {
		{ "news", "-", 1, 0, "Before.", false },
		{ "news@10", "2020-01-01", 1, 26, "One.\n\n  Two.\n\n\nThree.", false },
		{ "news@48", "2020-01-02", 1, 64, "Four\n\nFive.", false },
	};
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_ARTICLE, 0);
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	got_free(g);
}
END_TEST

START_TEST(test_bad_bytes)
{
	static const char in[] = "date 2020-01-01 Fine.\n\nStill fine.\nA\xff" "b\xc3\n\n"
	    "nul\0here and \xed\xa0\x80 there\0\n";
	static const struct want w[] = {
		{ "news", "2020-01-01", 1, 16, "Fine.", false },
		{ "news", "2020-01-01", 2, 23, "Still fine.\nA\xff" "b\xc3", false },
	};
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_PARAGRAPH, 0);
	ck_assert_uint_eq(g->n, 3);
	g->n = 2;	/* the third holds NULs: compared as bytes below */
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	g->n = 3;
	ck_assert_uint_eq(g->b[2].start, 41);
	ck_assert_uint_eq(g->b[2].len, sizeof(in) - 1 - 41 - 1);
	ck_assert(memcmp(g->b[2].text, in + 41, g->b[2].len) == 0);
	expect_err(g, with_path("@:4: invalid UTF-8\n@:6: NUL byte"));
	ck_assert(g->failed);
	got_free(g);

	/* once per kind per input, in the order met */
	PUT("a\0b\n\nc\xff\n\nd\0e\xfe");
	g = read_all(HS_UNIT_PARAGRAPH, 0);
	ck_assert_uint_eq(g->n, 3);
	expect_err(g, with_path("@:1: NUL byte\n@:3: invalid UTF-8"));
	got_free(g);
}
END_TEST

START_TEST(test_cut)
{
	static const char in[] = "date 2020-01-01 aaaa bbbb cccc\ndddd eeee\n\n"
	    "abcdefghijklmnopqrstuvwxyz\n\n"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n\nshort";
	static const struct want w[] = {
		{ "news", "2020-01-01", 1, NOSTART, "aaaa bbbb", true },
		{ "news", "2020-01-01", 1, NOSTART, "cccc\ndddd", true },
		{ "news", "2020-01-01", 1, NOSTART, "eeee", false },
		{ "news", "2020-01-01", 2, NOSTART, "abcdefghij", true },
		{ "news", "2020-01-01", 2, NOSTART, "klmnopqrst", true },
		{ "news", "2020-01-01", 2, NOSTART, "uvwxyz", false },
		{ "news", "2020-01-01", 3, NOSTART, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true },
		{ "news", "2020-01-01", 3, NOSTART, "\xc3\xa9\xc3\xa9", false },
		{ "news", "2020-01-01", 4, NOSTART, "short", false },
	};
	static const struct want wa[] = {
		{ "news", "-", 1, 0, "One two", true },
		{ "news", "-", 1, 8, "three.", false },
		{ "news@15", "2020-01-01", 1, 31, "Four five", true },
		{ "news@15", "2020-01-01", 1, 42, "six", false },
	};
	static const char ina[] = "One two three. date 2020-01-01 Four five\n\nsix";
	struct got *g;

	PUT(in);
	g = read_all(HS_UNIT_PARAGRAPH, 10);
	expect(g, in, sizeof(in) - 1, w, TH_NELEM(w));
	expect_err(g, with_path("@:1: paragraph longer than 10 bytes cut"));
	ck_assert(g->failed);
	got_free(g);

	PUT(ina);
	g = read_all(HS_UNIT_ARTICLE, 10);
	expect(g, ina, sizeof(ina) - 1, wa, TH_NELEM(wa));
	expect_err(g, with_path("@:1: article longer than 10 bytes cut"));
	got_free(g);
}
END_TEST

START_TEST(test_unread)
{
	static const char in[] = "aaaa bbbb cccc dddd eeee. ffff\n\nNext.";
	struct hs_reader_opts o = {
		.unit = HS_UNIT_PARAGRAPH, .max_block = 10, .from = 0, .to = UINT64_MAX,
	};
	struct hs_reader *r;
	struct hs_block b;
	struct th_capture c;

	PUT(in);
	th_capture_start(&c, stderr);
	ck_assert_ptr_nonnull(r = hs_reader_open(path, &o));
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.cut && b.start == 0 && b.len == 9);
	hs_reader_unread(r, 4);		/* "bbbb" comes again */
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.cut && !b.article_start && b.par == 1);
	ck_assert_uint_eq(b.start, 5);
	ck_assert_uint_eq(b.len, 9);
	ck_assert(memcmp(b.text, "bbbb cccc", 9) == 0);
	hs_reader_unread(r, 5);		/* " cccc": the white space is not given again */
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert_uint_eq(b.start, 10);
	ck_assert(b.len == 9 && memcmp(b.text, "cccc dddd", 9) == 0);
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.start == 20 && b.len == 10 && memcmp(b.text, "eeee. ffff", 10) == 0);
	ck_assert(!b.cut);
	hs_reader_unread(r, 4);		/* not after a block that was not cut */
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.start == 32 && b.par == 2 && b.len == 5);
	ck_assert_int_eq(hs_reader_next(r, &b), 0);
	hs_reader_close(r);
	th_capture_end(&c);
}
END_TEST

/* A block comes out as soon as its end is seen, before the writer is done. */
START_TEST(test_streaming)
{
	struct hs_reader *r;
	struct hs_block b;
	int fds[2], saved_in;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_ne(saved_in = dup(STDIN_FILENO), -1);
	ck_assert_int_ne(dup2(fds[0], STDIN_FILENO), -1);
	close(fds[0]);
	ck_assert_ptr_nonnull(r = hs_reader_open("-", NULL));
	ck_assert_int_eq(write(fds[1], "date 2020-01-01 One.\n\n", 22), 22);
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.len == 4 && memcmp(b.text, "One.", 4) == 0);
	ck_assert_str_eq(b.doc, "stdin");
	ck_assert_int_eq(write(fds[1], "Two \xc2\xa0\n\xe3\x80\x80\n", 11), 11);
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.len == 3 && memcmp(b.text, "Two", 3) == 0 && b.par == 2);
	ck_assert_int_eq(write(fds[1], "Three. date 2020-01-02 Four", 27), 27);
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.len == 6 && memcmp(b.text, "Three.", 6) == 0);
	close(fds[1]);
	ck_assert_int_eq(hs_reader_next(r, &b), 1);
	ck_assert(b.len == 4 && memcmp(b.text, "Four", 4) == 0);
	ck_assert_str_eq(b.doc, "stdin@40");
	ck_assert_int_eq(hs_reader_next(r, &b), 0);
	ck_assert_uint_eq(hs_reader_bytes_read(r), 60);
	hs_reader_close(r);
	dup2(saved_in, STDIN_FILENO);
	close(saved_in);
}
END_TEST

START_TEST(test_open_errors)
{
	char missing[192], want[512];
	struct got *g;
	int fds[2], saved_in;

	snprintf(missing, sizeof(missing), "%s/missing.txt", dir);
	g = read_more(NULL, missing, HS_UNIT_PARAGRAPH, 0, 0, UINT64_MAX);
	ck_assert_int_eq(g->rv, -2);
	snprintf(want, sizeof(want), "%s: %s: No such file or directory\n",
	    getprogname(), missing);
	ck_assert_str_eq(g->err, want);
	got_free(g);

	g = read_more(NULL, dir, HS_UNIT_PARAGRAPH, 0, 0, UINT64_MAX);
	ck_assert_int_eq(g->rv, -2);
	snprintf(want, sizeof(want), "%s: %s: Is a directory\n", getprogname(), dir);
	ck_assert_str_eq(g->err, want);
	got_free(g);

	/* a range needs a file it can seek in */
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_ne(saved_in = dup(STDIN_FILENO), -1);
	ck_assert_int_ne(dup2(fds[0], STDIN_FILENO), -1);
	g = read_more(NULL, NULL, HS_UNIT_PARAGRAPH, 0, 5, 10);
	ck_assert_int_eq(g->rv, -2);
	snprintf(want, sizeof(want), "%s: stdin: cannot seek\n", getprogname());
	ck_assert_str_eq(g->err, want);
	got_free(g);
	dup2(saved_in, STDIN_FILENO);
	close(saved_in);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(test_range_basics)
{
	static const char in[] = "Pre.\ndate 2020-01-01 A\n\nA2\ndate 2020-01-02 B\n\n"
	    "B2. date 2020-01-03 C";
	struct got *g;

	PUT(in);
	/* [1, 6): the article at 5 only, given whole */
	g = read_more(NULL, path, HS_UNIT_PARAGRAPH, 0, 1, 6);
	ck_assert_msg(g->n == 2, "%zu blocks, rv %d, err %s", g->n, g->rv, g->err);
	ck_assert_str_eq(g->b[0].doc, "news@5");
	ck_assert_str_eq(g->b[0].text, "A");
	ck_assert_str_eq(g->b[1].text, "A2");
	ck_assert(g->b[0].article_start && !g->b[1].article_start);
	got_free(g);
	/* [6, 28): nothing starts there but B at 27 */
	g = read_more(NULL, path, HS_UNIT_PARAGRAPH, 0, 6, 28);
	ck_assert_uint_eq(g->n, 2);
	ck_assert_str_eq(g->b[0].doc, "news@27");
	ck_assert_str_eq(g->b[1].text, "B2.");
	got_free(g);
	/* [28, 29): nothing starts there */
	g = read_more(NULL, path, HS_UNIT_PARAGRAPH, 0, 28, 29);
	ck_assert(g->rv == 0 && g->n == 0);
	got_free(g);
	/* [0, 1): the text before the first header */
	g = read_more(NULL, path, HS_UNIT_ARTICLE, 0, 0, 1);
	ck_assert_uint_eq(g->n, 1);
	ck_assert_str_eq(g->b[0].doc, "news");
	ck_assert_str_eq(g->b[0].text, "Pre.");
	got_free(g);
	/* past the end, and empty */
	g = read_more(NULL, path, HS_UNIT_ARTICLE, 0, 1000, 2000);
	ck_assert_int_eq(g->rv, 0);
	ck_assert_uint_eq(g->n, 0);
	got_free(g);
	g = read_more(NULL, path, HS_UNIT_ARTICLE, 0, 0, 0);
	ck_assert_uint_eq(g->n, 0);
	got_free(g);
}
END_TEST

/* In a range, line numbers in messages count from the start of the file. */
START_TEST(test_range_lines)
{
	static const char in[] = "One.\n\nTwo.\ndate 2021-02-30 x\n\ny\xff\n";
	struct got *g;

	PUT(in);
	g = read_more(NULL, path, HS_UNIT_PARAGRAPH, 0, 3, UINT64_MAX);
	ck_assert_uint_eq(g->n, 2);
	ck_assert_str_eq(g->b[0].doc, "news@11");
	ck_assert_str_eq(g->b[0].date, "-");
	expect_err(g, with_path("@:4: impossible date '2021-02-30'\n@:6: invalid UTF-8"));
	got_free(g);
}
END_TEST

/* Files that try the header rules, for the range property. */
static const char *const range_files[] = {
	"Lead text before any header.\n\n \xef\xbb\xbf  date 2020-01-01 One. Two.\n"
	"On date 2020-01-01 she left; date 2020-1-1 is not one.\n\n\n"
	"Three.\" date 2021-13-45 Bad date.\r\n\r\n  Four\xe2\x80\x9d date 2020-02-02 "
	"Five?) date 2020-03-03\n\nSix\n \t\n\nSeven\xe2\x80\xa6 date 2020-04-04",
	"\xef\xbb\xbf\r\n\r\ndate 2019-12-31 First paragraph\r\nstill first.\r\n\r\n"
	"Second\xc2\xa0paragraph.\xc2\xa0\n\xe3\x80\x80\n\nThird. date 2019-12-30\n"
	"date 2019-12-29 x\n\n\n\n\n\ny z. date 2019-12-28 end",
	"no header at all, just a paragraph\nthat goes on\n\nand another one",
	"date 2020-01-01 a b c d e f g h i j k l m n o p q r s t u v w x y z "
	"abcdefghijklmnopqrstuvwxyzabcdefghij. date 2020-01-02 \xc3\xa9\xc3\xa9\xc3\xa9"
	"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n\n   \n",
};

static bool
same(const struct got_block *a, const struct got_block *b)
{
	return strcmp(a->doc, b->doc) == 0 && strcmp(a->date, b->date) == 0 &&
	    a->par == b->par && a->start == b->start && a->len == b->len &&
	    memcmp(a->text, b->text, a->len) == 0 && a->article_start == b->article_start &&
	    a->cut == b->cut;
}

/* Reading [0, c1), [c1, c2), [c2, end) gives the blocks of one whole read. */
static void
check_split(const struct got *whole, enum hs_unit unit, size_t maxb, uint64_t c1,
    uint64_t c2)
{
	struct got *g;
	size_t i;

	g = read_more(NULL, path, unit, maxb, 0, c1);
	if (c1 < c2)
		read_more(g, path, unit, maxb, c1, c2);
	read_more(g, path, unit, maxb, c2, UINT64_MAX);
	TH_REQUIRE(g->n == whole->n, "cuts %llu %llu unit %d max %zu read %zu: %zu blocks, "
	    "not %zu", (unsigned long long)c1, (unsigned long long)c2, unit, maxb,
	    hs_reader_read_size, g->n, whole->n);
	for (i = 0; i < g->n; i++)
		TH_REQUIRE(same(&g->b[i], &whole->b[i]), "cuts %llu %llu unit %d max %zu: "
		    "block %zu differs", (unsigned long long)c1, (unsigned long long)c2,
		    unit, maxb, i);
	got_free(g);
}

static void
check_all_splits(size_t size, size_t step)
{
	static const enum hs_unit units[] = { HS_UNIT_PARAGRAPH, HS_UNIT_ARTICLE };
	static const size_t maxbs[] = { 0, 13 };
	static const size_t reads[] = { 256 << 10, 3 };
	struct got *whole, *g;
	size_t u, m, rs, c, i;

	for (u = 0; u < TH_NELEM(units); u++)
		for (m = 0; m < TH_NELEM(maxbs); m++) {
			hs_reader_read_size = reads[0];
			whole = read_all(units[u], maxbs[m]);
			TH_REQUIRE(whole->rv == 0, "read failed");
			for (rs = 0; rs < TH_NELEM(reads); rs++) {
				hs_reader_read_size = reads[rs];
				/* chunk ends alone change nothing */
				g = read_all(units[u], maxbs[m]);
				TH_REQUIRE(g->n == whole->n, "read size %zu", reads[rs]);
				for (i = 0; i < g->n; i++)
					TH_REQUIRE(same(&g->b[i], &whole->b[i]),
					    "read size %zu: block %zu", reads[rs], i);
				got_free(g);
				for (c = 0; c <= size; c += step)
					check_split(whole, units[u], maxbs[m], c, c);
				for (c = 0; c + 11 <= size; c += 5 * step)
					check_split(whole, units[u], maxbs[m], c, c + 11);
			}
			got_free(whole);
		}
	hs_reader_read_size = reads[0];
}

START_TEST(test_range_property)
{
	size_t i, n;

	for (i = 0; i < TH_NELEM(range_files); i++) {
		n = strlen(range_files[i]);
		put(range_files[i], n);
		check_all_splits(n, 1);
	}
}
END_TEST

/* A file longer than the header look-back, so a range reader starts mid-file. */
START_TEST(test_range_property_long)
{
	char *in;
	size_t n = 0, i;

	ck_assert_ptr_nonnull(in = malloc(16384));
	n += (size_t)snprintf(in + n, 16384 - n, "Lead.\n");
	for (i = 0; i < 30; i++)
		n += (size_t)snprintf(in + n, 16384 - n, "%s date 2020-%02zu-%02zu Text %zu "
		    "goes on for a while, so that the file is long.%s", i % 3 ? "" : "\n",
		    1 + i % 12, 1 + i % 28, i, i % 4 ? "\n\nMore. " : " ");
	memset(in + n, ' ', 1100);
	n += 1100;
	n += (size_t)snprintf(in + n, 16384 - n, "date 2020-05-05 after a long run");
	memset(in + n, '\t', 1500);
	n += 1500;
	n += (size_t)snprintf(in + n, 16384 - n, "x\n\nend.");
	put(in, n);
	check_all_splits(n, 37);
	free(in);
}
END_TEST

/* Long runs: blocks stay within max_block, and white space past the limit is not kept. */
START_TEST(test_long_runs)
{
	static const size_t big = 3 << 20;
	struct got *g;
	char *in;
	size_t i;

	ck_assert_ptr_nonnull(in = malloc(big + 64));
	/* one word, then white space much longer than max_block and a read */
	in[0] = 'x';
	memset(in + 1, ' ', big);
	memcpy(in + 1 + big, "y\n\nz", 4);
	put(in, big + 5);
	g = read_all(HS_UNIT_PARAGRAPH, 1000);
	ck_assert_uint_eq(g->n, 3);
	ck_assert(g->b[0].len == 1 && g->b[0].cut && g->b[0].par == 1);
	ck_assert(g->b[1].start == big + 1 && g->b[1].len == 1 && !g->b[1].cut);
	ck_assert(g->b[1].par == 1 && g->b[2].par == 2);
	got_free(g);

	/* the same ended by a blank line, then by a header, then by the end */
	in[big / 2] = '\n';
	in[big / 2 + 7] = '\n';
	put(in, big + 5);
	g = read_all(HS_UNIT_PARAGRAPH, 1000);
	ck_assert_uint_eq(g->n, 3);
	ck_assert(!g->b[0].cut && g->b[1].par == 2 && g->b[2].par == 3);
	got_free(g);
	memset(in + 1, ' ', big);
	memcpy(in + 1 + big, "date 2020-01-01 y", 17);
	put(in, big + 18);
	g = read_all(HS_UNIT_ARTICLE, 1000);
	ck_assert_uint_eq(g->n, 2);
	ck_assert(!g->b[0].cut && g->b[0].len == 1);
	ck_assert_uint_eq(g->b[1].start, big + 17);
	got_free(g);
	put(in, big + 1);
	g = read_all(HS_UNIT_ARTICLE, 1000);
	ck_assert(g->n == 1 && !g->b[0].cut);
	got_free(g);

	/* no white space at all: cut at max_block, every byte given once */
	for (i = 0; i < big; i++)
		in[i] = 'a' + i % 26;
	put(in, big);
	g = read_all(HS_UNIT_PARAGRAPH, 100000);
	ck_assert_uint_eq(g->n, (big + 99999) / 100000);
	for (i = 0; i < g->n; i++)
		ck_assert(g->b[i].start == i * 100000 && g->b[i].par == 1 &&
		    g->b[i].cut == (i + 1 < g->n));
	got_free(g);
	free(in);
}
END_TEST

Suite *
hs_reader_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("reader");
	tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_doc_name);
	tcase_add_test(tc, test_paragraphs);
	tcase_add_test(tc, test_headers);
	tcase_add_test(tc, test_false_headers);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_lookback);
	tcase_add_test(tc, test_first_article);
	tcase_add_test(tc, test_blank_lines);
	tcase_add_test(tc, test_article_unit);
	tcase_add_test(tc, test_bad_bytes);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_unread);
	tcase_add_test(tc, test_streaming);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_range_basics);
	tcase_add_test(tc, test_range_lines);
	tcase_add_test(tc, test_range_property);
	tcase_add_test(tc, test_range_property_long);
	tcase_add_test(tc, test_long_runs);
	suite_add_tcase(s, tc);
	return s;
}
