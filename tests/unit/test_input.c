/* test_input.c: unit tests of lib/hs_input.c, the input of the tools that analyse text:
 * which kind an input is, the exact articles and sentences of raw text, text records
 * taken as they are and the warnings about bad ones word for word, the promise that raw
 * text and the records hearsay-split makes of it read the same, windows, pipes, and
 * quote records with their speakers where a tool welcomes them. */
#include "config.h"

#include <sys/wait.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_buf.h"
#include "hs_escape.h"
#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_reader.h"
#include "hs_utf8.h"
#include "suites.h"

/* lib/hs_reader.c: the size of each read, lowered here to put chunk ends anywhere */
extern size_t	hs_reader_read_size;

struct got_piece {
	unsigned long	 par, sent;
	uint64_t	 start;
	size_t		 len;
	char		*text;		/* len bytes and a NUL */
	bool		 clean;
	uint64_t	 end;		/* quote input */
	char		*speaker;	/* quote input: speaker_len bytes and a NUL */
	size_t		 speaker_len;
};

/* One article, or one window of one, as hs_input_next handed it out. */
struct got_art {
	char		 doc[64];
	char		 date[11];
	bool		 continued;
	size_t		 first, n;	/* its pieces: got.p[first .. first + n) */
};

/* Everything one read gave: articles, their pieces in order, and how it ended. */
struct got {
	struct got_art	 *a;
	size_t		  na, acap;
	struct got_piece *p;
	size_t		  np, pcap;
	int		  rv;		/* the last hs_input_next; -2 when open failed */
	enum hs_input_kind kind_at_open, kind;
	bool		  failed;
	uint64_t	  bytes_read;
	unsigned	  waits;	/* calls of before_wait */
	bool		  quotes;	/* quote records were welcome */
	char		  err[4096];
};

/* What a piece should be. art tells where it stands: 'A' first of a new article, 'W'
 * first of a window continuing one, 0 inside; doc and date are given with 'A' and 'W'.
 * A text of NULL is not compared (the test compares it as bytes itself). */
struct want {
	char		 art;
	const char	*doc;
	const char	*date;
	unsigned long	 par, sent;
	uint64_t	 start;
	const char	*text;
};

static char			 dir[64];
static char			 path[128];	/* dir/news.txt: its articles are "news" */
static char			 rpath[128];	/* dir/recs.tsv, for records made in tests */
static char			 spath[128];	/* dir/stdin.txt, named like standard input */
static struct hs_lexicon	*lex;

static void
setup(void)
{
	strlcpy(dir, "/tmp/hs-input-XXXXXX", sizeof(dir));
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/news.txt", dir);
	snprintf(rpath, sizeof(rpath), "%s/recs.tsv", dir);
	snprintf(spath, sizeof(spath), "%s/stdin.txt", dir);
	hs_reader_read_size = 256 << 10;
	lex = hs_lexicon_new();
}

static void
teardown(void)
{
	hs_lexicon_free(lex);
	unlink(path);
	unlink(rpath);
	unlink(spath);
	rmdir(dir);
}

static void
put_file(const char *file, const char *s, size_t n)
{
	FILE *f;

	ck_assert_ptr_nonnull(f = fopen(file, "w"));
	ck_assert_uint_eq(fwrite(s, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

static void
put(const char *s, size_t n)
{
	put_file(path, s, n);
}

static void
puts_file(const char *s)
{
	put_file(path, s, strlen(s));
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->np; i++) {
		free(g->p[i].text);
		free(g->p[i].speaker);
	}
	free(g->p);
	free(g->a);
	free(g);
}

static void
count_wait(void *arg)
{
	(*(unsigned *)arg)++;
}

/* Keep a copy of what hs_input_next handed out, checking on the way what must hold of
 * every article: it has pieces, each piece's text lies in the article's text apart
 * from the others and is followed by a NUL, a piece said to be clean is, and only
 * a piece of quote input has a speaker and an end. */
static void
add_article(struct got *g, const struct hs_article *a)
{
	struct got_art		*ga;
	struct got_piece	*gp;
	const struct hs_piece	*p;
	size_t			 i, end = 0;

	TH_REQUIRE(a->npieces > 0, "article %zu (%s) without pieces", g->na, a->doc);
	if (g->na == g->acap) {
		g->acap = g->acap ? 2 * g->acap : 16;
		ck_assert_ptr_nonnull(g->a = reallocarray(g->a, g->acap, sizeof(*g->a)));
	}
	ga = &g->a[g->na++];
	TH_REQUIRE(strlen(a->doc) < sizeof(ga->doc), "doc %s too long", a->doc);
	strlcpy(ga->doc, a->doc, sizeof(ga->doc));
	TH_REQUIRE(strlen(a->date) < sizeof(ga->date), "date %s too long", a->date);
	strlcpy(ga->date, a->date, sizeof(ga->date));
	ga->continued = a->continued;
	ga->first = g->np;
	ga->n = a->npieces;
	for (i = 0; i < a->npieces; i++) {
		p = &a->pieces[i];
		TH_REQUIRE(i == 0 || p->off >= end, "%s: piece %zu overlaps the one before",
		    a->doc, i);
		TH_REQUIRE(a->text[p->off + p->len] == '\0', "%s: piece %zu: no NUL after it",
		    a->doc, i);
		TH_REQUIRE(!p->clean || hs_utf8_find_bad((const unsigned char *)a->text +
		    p->off, p->len) == p->len, "%s: piece %zu called clean", a->doc, i);
		TH_REQUIRE(p->speaker != NULL || (p->end == 0 && p->speaker_len == 0),
		    "%s: piece %zu: an end or a speaker length without a speaker", a->doc,
		    i);
		TH_REQUIRE(g->quotes || p->speaker == NULL, "%s: piece %zu: a speaker",
		    a->doc, i);
		end = p->off + p->len + 1;
		if (g->np == g->pcap) {
			g->pcap = g->pcap ? 2 * g->pcap : 64;
			ck_assert_ptr_nonnull(g->p = reallocarray(g->p, g->pcap,
			    sizeof(*g->p)));
		}
		gp = &g->p[g->np++];
		gp->par = p->par;
		gp->sent = p->sent;
		gp->start = p->start;
		gp->len = p->len;
		gp->clean = p->clean;
		ck_assert_ptr_nonnull(gp->text = malloc(p->len + 1));
		memcpy(gp->text, a->text + p->off, p->len + 1);
		gp->end = p->end;
		gp->speaker = NULL;
		gp->speaker_len = p->speaker_len;
		if (p->speaker != NULL) {
			ck_assert_ptr_nonnull(gp->speaker = malloc(p->speaker_len + 1));
			memcpy(gp->speaker, p->speaker, p->speaker_len);
			gp->speaker[p->speaker_len] = '\0';
		}
	}
}

/* Read file (NULL or "-": standard input) whole, with this window (0: the default),
 * quote records welcome or not. */
static struct got *
read_input_with(const char *file, size_t window, bool quotes)
{
	struct got		*g;
	struct hs_input_opts	 o = { .lex = lex, .window = window, .quotes = quotes,
				    .before_wait = count_wait };
	struct hs_input		*in;
	struct hs_article	 a;
	struct th_capture	 c;

	ck_assert_ptr_nonnull(g = calloc(1, sizeof(*g)));
	g->quotes = quotes;
	o.wait_arg = &g->waits;
	th_capture_start(&c, stderr);
	if ((in = hs_input_open(file, &o)) != NULL) {
		g->kind_at_open = hs_input_kind(in);
		while ((g->rv = hs_input_next(in, &a)) == 1)
			add_article(g, &a);
		/* the end stays the end */
		if (g->rv == 0)
			TH_REQUIRE(hs_input_next(in, &a) == 0, "a second end is not 0");
		g->kind = hs_input_kind(in);
		g->failed = hs_input_failed(in);
		g->bytes_read = hs_input_bytes_read(in);
		hs_input_close(in);
	} else
		g->rv = -2;
	strlcpy(g->err, th_capture_end(&c), sizeof(g->err));
	return g;
}

static struct got *
read_input(const char *file, size_t window)
{
	return read_input_with(file, window, false);
}

/* Every piece of g is exactly w, in articles and windows as w says. */
static void
expect(const struct got *g, const struct want *w, size_t nw)
{
	const struct got_art	*a;
	const struct got_piece	*p;
	size_t			 i, j, k = 0;

	ck_assert_int_eq(g->rv, 0);
	for (i = 0; i < g->na; i++) {
		a = &g->a[i];
		ck_assert_msg(k < nw, "article %zu (%s): more than wanted", i, a->doc);
		ck_assert_msg(w[k].art == (a->continued ? 'W' : 'A'),
		    "piece %zu: first of %s, continued %d, not '%c'", k, a->doc,
		    a->continued, w[k].art ? w[k].art : '0');
		ck_assert_msg(strcmp(a->doc, w[k].doc) == 0, "piece %zu: doc %s, not %s", k,
		    a->doc, w[k].doc);
		ck_assert_msg(strcmp(a->date, w[k].date) == 0, "piece %zu: date %s, not %s",
		    k, a->date, w[k].date);
		for (j = 0; j < a->n; j++, k++) {
			p = &g->p[a->first + j];
			ck_assert_msg(k < nw, "piece %zu (%s): more than wanted", k, p->text);
			ck_assert_msg(j == 0 || w[k].art == 0,
			    "piece %zu: wanted first of an article or window", k);
			ck_assert_msg(p->par == w[k].par && p->sent == w[k].sent,
			    "piece %zu: par %lu sent %lu, not %lu %lu", k, p->par, p->sent,
			    w[k].par, w[k].sent);
			ck_assert_msg(p->start == w[k].start, "piece %zu: start %llu, not %llu",
			    k, (unsigned long long)p->start,
			    (unsigned long long)w[k].start);
			ck_assert_msg(w[k].text == NULL || (p->len == strlen(w[k].text) &&
			    memcmp(p->text, w[k].text, p->len) == 0),
			    "piece %zu: text \"%s\", not \"%s\"", k, p->text, w[k].text);
		}
	}
	ck_assert_msg(k == nw, "%zu pieces, not %zu", k, nw);
}

/* Each piece of a raw read is the input's bytes at its start. */
static void
expect_places(const struct got *g, const char *in, size_t n)
{
	const struct got_piece *p;
	size_t i;

	for (i = 0; i < g->np; i++) {
		p = &g->p[i];
		TH_REQUIRE(p->start <= n && p->len <= n - p->start &&
		    memcmp(in + p->start, p->text, p->len) == 0,
		    "piece %zu (%s): not the input at %llu", i, p->text,
		    (unsigned long long)p->start);
	}
}

/* msgs, one a line with every "@" standing for name, as warnx writes them. */
static void
expect_err(const struct got *g, const char *name, const char *msgs)
{
	char		 want[4096];
	const char	*s;
	size_t		 n = 0;
	bool		 bol = true;

	for (s = msgs; *s != '\0' && n + 256 < sizeof(want); s++) {
		if (bol)
			n += strlcpy(want + n, getprogname(), sizeof(want) - n);
		if (bol)
			n += strlcpy(want + n, ": ", sizeof(want) - n);
		bol = *s == '\n';
		if (*s == '@')
			n += strlcpy(want + n, name, sizeof(want) - n);
		else
			want[n++] = *s;
	}
	if (!bol)
		want[n++] = '\n';
	want[n] = '\0';
	ck_assert_str_eq(g->err, want);
}

/*
 * Merge each window into the article it continues: out gets g's articles as whole
 * ones. A window must follow its article, with the same doc and date. Returns the
 * number of articles.
 */
static size_t
merge_windows(const struct got *g, struct got_art *out)
{
	size_t i, n = 0;

	for (i = 0; i < g->na; i++) {
		if (!g->a[i].continued) {
			out[n++] = g->a[i];
			continue;
		}
		TH_REQUIRE(n > 0, "article %zu: a window that continues nothing", i);
		TH_REQUIRE(strcmp(out[n - 1].doc, g->a[i].doc) == 0 &&
		    strcmp(out[n - 1].date, g->a[i].date) == 0,
		    "article %zu: window of %s %s after %s %s", i, g->a[i].doc,
		    g->a[i].date, out[n - 1].doc, out[n - 1].date);
		out[n - 1].n += g->a[i].n;
	}
	return n;
}

/* How exactly two reads must agree. */
#define SAME_WINDOWS	0x1	/* the same windows; otherwise only the same articles */
#define SAME_CLEAN	0x2	/* the same clean flags; otherwise x clean -> y clean */

static void
expect_same(const struct got *x, const struct got *y, int how, const char *what)
{
	const struct got_piece	*p, *q;
	struct got_art		*ax, *ay;
	size_t			 nx, ny, i;

	TH_REQUIRE(x->rv == 0 && y->rv == 0, "%s: rv %d and %d", what, x->rv, y->rv);
	ck_assert_ptr_nonnull(ax = calloc(x->na + 1, sizeof(*ax)));
	ck_assert_ptr_nonnull(ay = calloc(y->na + 1, sizeof(*ay)));
	if (how & SAME_WINDOWS) {
		if (x->na > 0)
			memcpy(ax, x->a, x->na * sizeof(*ax));
		if (y->na > 0)
			memcpy(ay, y->a, y->na * sizeof(*ay));
		nx = x->na;
		ny = y->na;
	} else {
		nx = merge_windows(x, ax);
		ny = merge_windows(y, ay);
	}
	TH_REQUIRE(nx == ny, "%s: %zu articles and %zu", what, nx, ny);
	for (i = 0; i < nx; i++)
		TH_REQUIRE(strcmp(ax[i].doc, ay[i].doc) == 0 &&
		    strcmp(ax[i].date, ay[i].date) == 0 && ax[i].n == ay[i].n &&
		    ax[i].first == ay[i].first && ax[i].continued == ay[i].continued,
		    "%s: article %zu: %s %s %zu pieces, and %s %s %zu", what, i, ax[i].doc,
		    ax[i].date, ax[i].n, ay[i].doc, ay[i].date, ay[i].n);
	free(ax);
	free(ay);
	TH_REQUIRE(x->np == y->np, "%s: %zu pieces and %zu", what, x->np, y->np);
	for (i = 0; i < x->np; i++) {
		p = &x->p[i];
		q = &y->p[i];
		TH_REQUIRE(p->par == q->par && p->sent == q->sent && p->start == q->start &&
		    p->len == q->len && memcmp(p->text, q->text, p->len) == 0,
		    "%s: piece %zu: %lu %lu %llu \"%s\", and %lu %lu %llu \"%s\"", what, i,
		    p->par, p->sent, (unsigned long long)p->start, p->text, q->par, q->sent,
		    (unsigned long long)q->start, q->text);
		TH_REQUIRE((how & SAME_CLEAN) ? p->clean == q->clean : !p->clean || q->clean,
		    "%s: piece %zu: clean %d and %d", what, i, p->clean, q->clean);
	}
}

/*
 * The text records `hearsay-split -l sentence` writes for the articles of g: doc, date,
 * par, sent, start, end, and the escaped text, a line each; the doc of a window is
 * that of its article, so windows do not show.
 */
static void
make_records(const struct got *g, struct hs_buf *b)
{
	const struct got_piece	*p;
	char			 place[256];
	size_t			 i, j;
	int			 n;

	for (i = 0; i < g->na; i++)
		for (j = 0; j < g->a[i].n; j++) {
			p = &g->p[g->a[i].first + j];
			n = snprintf(place, sizeof(place), "%s\t%s\t%lu\t%lu\t%llu\t%llu\t",
			    g->a[i].doc, g->a[i].date, p->par, p->sent,
			    (unsigned long long)p->start,
			    (unsigned long long)(p->start + p->len));
			ck_assert(n > 0 && (size_t)n < sizeof(place));
			hs_buf_append(b, place, (size_t)n);
			hs_escape_tsv(b, p->text, p->len);
			hs_buf_putc(b, '\n');
		}
}

static void
put_records(const struct got *g)
{
	struct hs_buf b;

	hs_buf_init(&b);
	make_records(g, &b);
	put_file(rpath, b.data, b.len);
	hs_buf_free(&b);
}

/*
 * Which kind each input is, told by its first line alone, and how many pieces it
 * gives. A record's first six columns are doc, a date or "-", and four integers, each
 * ended by a tab; anything else is raw text.
 */
START_TEST(test_kinds)
{
	static const struct {
		struct th_bytes		 in;
		enum hs_input_kind	 kind;
		size_t			 npieces;
	} t[] = {
		{ TH_B(""), HS_INPUT_UNKNOWN, 0 },
		{ TH_B("\n \n\t\n"), HS_INPUT_RAW, 0 },
		{ TH_B("Just text."), HS_INPUT_RAW, 1 },
		{ TH_B("Just text. More text.\n"), HS_INPUT_RAW, 2 },
		{ TH_B("date 2031-03-14 One. Two.\n"), HS_INPUT_RAW, 2 },
		{ TH_B("date 2031-03-14\tOne. Two.\n"), HS_INPUT_RAW, 2 },
		{ TH_B("\xef\xbb\xbf" "date 2031-03-14 One."), HS_INPUT_RAW, 1 },
		{ TH_B("\xef\xbb\xbf" "One.\n\nTwo."), HS_INPUT_RAW, 2 },
		{ TH_B("news\t2031-03-14\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RECORDS, 1 },
		{ TH_B("news\t-\t0\t0\t0\t4\tOne."), HS_INPUT_RECORDS, 1 },
		/* an empty first text once computed NULL + 0 (UBSan stopped there) */
		{ TH_B("news\t-\t0\t0\t0\t0\t\n"), HS_INPUT_RECORDS, 1 },
		{ TH_B("news@9\t-\t1\t1\t0\t4\tOne.\nnews@9\t-\t1\t2\t5\t9\tTwo.\n"),
		    HS_INPUT_RECORDS, 2 },
		/* raw text never has a tab after "date 2031-03-14", so this is a record */
		{ TH_B("date\t2031-03-14\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RECORDS, 1 },
		/* not records: a column missing or wrong in the first line */
		{ TH_B("news\t-\t1\t1\t0\t4\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t-\t1\t1\t0\t4"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t2031-3-14\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t-\t1\tx\t0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t-\t1\t1\t-0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t-\t1\t1\t0\t12345678901234567890\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("\t-\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
		{ TH_B("news\t-\t1\n1\t0\t4\tOne.\n"), HS_INPUT_RAW, 2 },
		/* only the first line counts */
		{ TH_B("Intro.\nnews\t-\t1\t1\t0\t4\tOne.\n"), HS_INPUT_RAW, 1 },
	};
	struct got *g;
	size_t i;

	for (i = 0; i < TH_NELEM(t); i++) {
		put(t[i].in.s, t[i].in.n);
		g = read_input(path, 0);
		ck_assert_msg(g->rv == 0, "case %zu: rv %d", i, g->rv);
		ck_assert_msg(g->kind_at_open == t[i].kind && g->kind == t[i].kind,
		    "case %zu: kind %d then %d, not %d", i, g->kind_at_open, g->kind,
		    t[i].kind);
		ck_assert_msg(g->np == t[i].npieces, "case %zu: %zu pieces, not %zu", i,
		    g->np, t[i].npieces);
		ck_assert_msg(g->err[0] == '\0', "case %zu: %s", i, g->err);
		ck_assert_msg(!g->failed, "case %zu: failed", i);
		ck_assert_msg(g->bytes_read == t[i].in.n, "case %zu: %llu bytes read", i,
		    (unsigned long long)g->bytes_read);
		if (t[i].kind == HS_INPUT_RAW)
			expect_places(g, t[i].in.s, t[i].in.n);
		got_free(g);
	}
}
END_TEST

START_TEST(test_open_errors)
{
	char	 missing[192], want[512];
	struct got *g;

	snprintf(missing, sizeof(missing), "%s/missing.txt", dir);
	g = read_input(missing, 0);
	ck_assert_int_eq(g->rv, -2);
	snprintf(want, sizeof(want), "%s: %s: No such file or directory\n",
	    getprogname(), missing);
	ck_assert_str_eq(g->err, want);
	got_free(g);

	g = read_input(dir, 0);
	ck_assert_int_eq(g->rv, -2);
	snprintf(want, sizeof(want), "%s: %s: Is a directory\n", getprogname(), dir);
	ck_assert_str_eq(g->err, want);
	got_free(g);
}
END_TEST

/* A raw input, the messages and failure it gives ("@" for the path), its pieces. */
struct raw_case {
	const char	*in;
	const char	*err;
	struct want	 w[9];
};

/* Articles and sentences as `hearsay-split -l sentence` gives them for each input. */
START_TEST(test_raw)
{
	static const struct raw_case t[] = {
		{ "Lead. Second one.\n\ndate 2031-03-14 First para. Dr. Smith came.\n"
		  "Still.\n\nNext para! Yes? date 2031-03-15 Two.", "", {
		    { 'A', "news", "-", 1, 1, 0, "Lead." },
		    { 0, NULL, NULL, 1, 2, 6, "Second one." },
		    { 'A', "news@19", "2031-03-14", 1, 1, 35, "First para." },
		    { 0, NULL, NULL, 1, 2, 47, "Dr. Smith came." },
		    { 0, NULL, NULL, 1, 3, 63, "Still." },
		    { 0, NULL, NULL, 2, 4, 71, "Next para!" },
		    { 0, NULL, NULL, 2, 5, 82, "Yes?" },
		    { 'A', "news@87", "2031-03-15", 1, 1, 103, "Two." } } },
		{ "\xef\xbb\xbf" "date 2031-03-14 One. Two.\r\n\r\nThree.", "", {
		    { 'A', "news", "2031-03-14", 1, 1, 19, "One." },
		    { 0, NULL, NULL, 1, 2, 24, "Two." },
		    { 0, NULL, NULL, 2, 3, 32, "Three." } } },
		{ "\xef\xbb\xbf" "One. Two.", "", {
		    { 'A', "news", "-", 1, 1, 3, "One." },
		    { 0, NULL, NULL, 1, 2, 8, "Two." } } },
		/* an article without text gives nothing */
		{ "date 2031-03-14\ndate 2031-03-15 Only.\n", "", {
		    { 'A', "news@16", "2031-03-15", 1, 1, 32, "Only." } } },
		{ "He said: \"Go.\" Then he left.\n\nU.S. officials met at 3 p.m. on "
		  "Friday. The end", "", {
		    { 'A', "news", "-", 1, 1, 0, "He said: \"Go.\"" },
		    { 0, NULL, NULL, 1, 2, 15, "Then he left." },
		    { 0, NULL, NULL, 2, 3, 30, "U.S. officials met at 3 p.m. on Friday." },
		    { 0, NULL, NULL, 2, 4, 70, "The end" } } },
		/* sentences are numbered in the article, paragraphs too */
		{ "Aa. Bb.\n\nCc. date 2031-03-14 Dd.\n\nEe. Ff.\n\n\n\nGg.", "", {
		    { 'A', "news", "-", 1, 1, 0, "Aa." },
		    { 0, NULL, NULL, 1, 2, 4, "Bb." },
		    { 0, NULL, NULL, 2, 3, 9, "Cc." },
		    { 'A', "news@13", "2031-03-14", 1, 1, 29, "Dd." },
		    { 0, NULL, NULL, 2, 2, 34, "Ee." },
		    { 0, NULL, NULL, 2, 3, 38, "Ff." },
		    { 0, NULL, NULL, 3, 4, 45, "Gg." } } },
		/* the reader's messages come through, and make the input fail */
		{ "date 2031-02-30 Text.\n\ndate 2031-02-28 More.", "@:1: impossible date "
		  "'2031-02-30'", {
		    { 'A', "news", "-", 1, 1, 16, "Text." },
		    { 'A', "news@23", "2031-02-28", 1, 1, 39, "More." } } },
	};
	struct got *g;
	size_t i, n;

	for (i = 0; i < TH_NELEM(t); i++) {
		put(t[i].in, strlen(t[i].in));
		g = read_input(path, 0);
		for (n = 0; n < TH_NELEM(t[i].w) && t[i].w[n].text != NULL; n++)
			continue;
		ck_assert_int_eq(g->kind, HS_INPUT_RAW);
		expect(g, t[i].w, n);
		expect_places(g, t[i].in, strlen(t[i].in));
		expect_err(g, path, t[i].err);
		ck_assert(g->failed == (t[i].err[0] != '\0'));
		ck_assert_uint_eq(g->bytes_read, strlen(t[i].in));
		got_free(g);
	}
}
END_TEST

/* Invalid UTF-8 and NUL: pieces are given as they are, and not called clean. */
START_TEST(test_raw_bad_bytes)
{
	static const char in[] = "date 2031-03-14 Bad \xff byte. Good one.\n\n"
	    "Clean para.\n\nNUL\0 here. And more.";
	static const struct {
		unsigned long	 par, sent;
		uint64_t	 start;
		struct th_bytes	 text;
		int		 clean;		/* -1: either */
	} w[] = {
		{ 1, 1, 16, TH_B("Bad \xff byte."), 0 },
		/* valid, but in a paragraph the reader found unclean: it may say so,
		 * which only costs a slower path in a tool */
		{ 1, 2, 28, TH_B("Good one."), -1 },
		{ 2, 3, 39, TH_B("Clean para."), 1 },
		{ 3, 4, 52, TH_B("NUL\0 here."), 0 },
		{ 3, 5, 63, TH_B("And more."), -1 },
	};
	struct got *g;
	size_t i;

	put(in, sizeof(in) - 1);
	g = read_input(path, 0);
	ck_assert_int_eq(g->rv, 0);
	ck_assert_uint_eq(g->na, 1);
	ck_assert_str_eq(g->a[0].doc, "news");
	ck_assert_uint_eq(g->np, TH_NELEM(w));
	for (i = 0; i < TH_NELEM(w); i++) {
		ck_assert_msg(g->p[i].par == w[i].par && g->p[i].sent == w[i].sent &&
		    g->p[i].start == w[i].start, "piece %zu: place", i);
		ck_assert_msg(g->p[i].len == w[i].text.n &&
		    memcmp(g->p[i].text, w[i].text.s, w[i].text.n) == 0, "piece %zu: text", i);
		ck_assert_msg(w[i].clean == -1 || g->p[i].clean == (w[i].clean == 1),
		    "piece %zu: clean %d", i, g->p[i].clean);
	}
	expect_places(g, in, sizeof(in) - 1);
	expect_err(g, path, "@:1: invalid UTF-8\n@:5: NUL byte");
	ck_assert(g->failed);
	got_free(g);
}
END_TEST

/* Records taken as they are: grouped by doc, places from the columns, text unescaped. */
START_TEST(test_records)
{
	static const char in[] =
	    "a\t2031-03-14\t1\t1\t0\t4\tOne.\n"
	    "a\t2031-03-14\t1\t2\t5\t9\tTwo.\n"
	    "b\t-\t0\t0\t100\t110\tTab\\there\n"
	    "b\t-\t7\t3\t1234567890123456789\t9\tx\\ny\\\\z\\x41\\r\\x00\\xc3\\xa9\n"
	    "b@12\t2031-01-01\t2\t1\t20\t30\tNext doc.\n"
	    "a\t2031-03-15\t1\t1\t0\t4\tAgain, \xc3\xa9t\xc3\xa9.\n"
	    "a\t2031-03-16\t1\t2\t5\t5\t\n"
	    "c\t-\t1\t1\t0\t1\t\\xff\n"
	    "c\t-\t1\t2\t1\t2\tbad \xfe raw\n";
	static const struct {
		struct want	 w;
		struct th_bytes	 text;
		bool		 clean;
	} t[] = {
		{ { 'A', "a", "2031-03-14", 1, 1, 0, "" }, TH_B("One."), true },
		{ { 0, NULL, NULL, 1, 2, 5, "" }, TH_B("Two."), true },
		{ { 'A', "b", "-", 0, 0, 100, "" }, TH_B("Tab\there"), true },
		{ { 0, NULL, NULL, 7, 3, 1234567890123456789ULL, "" },
		    TH_B("x\ny\\zA\r\0\xc3\xa9"), false },
		{ { 'A', "b@12", "2031-01-01", 2, 1, 20, "" }, TH_B("Next doc."), true },
		/* the same doc again, after another: a new article; the date of a
		 * later record of the same doc does not change the article's */
		{ { 'A', "a", "2031-03-15", 1, 1, 0, "" }, TH_B("Again, \xc3\xa9t\xc3\xa9."),
		    true },
		{ { 0, NULL, NULL, 1, 2, 5, "" }, TH_B(""), true },
		{ { 'A', "c", "-", 1, 1, 0, "" }, TH_B("\xff"), false },
		{ { 0, NULL, NULL, 1, 2, 1, "" }, TH_B("bad \xfe raw"), false },
	};
	struct want w[TH_NELEM(t)];
	struct got *g;
	size_t i;

	put(in, sizeof(in) - 1);
	g = read_input(path, 0);
	ck_assert_int_eq(g->kind, HS_INPUT_RECORDS);
	ck_assert_uint_eq(g->np, TH_NELEM(t));
	/* the texts are compared as bytes here, NULs and all; the rest by expect() */
	for (i = 0; i < TH_NELEM(t); i++) {
		w[i] = t[i].w;
		w[i].text = NULL;
		ck_assert_msg(g->p[i].len == t[i].text.n &&
		    memcmp(g->p[i].text, t[i].text.s, t[i].text.n) == 0, "piece %zu: text", i);
		ck_assert_msg(g->p[i].clean == t[i].clean, "piece %zu: clean %d", i,
		    g->p[i].clean);
	}
	expect(g, w, TH_NELEM(w));
	expect_err(g, path, "");
	ck_assert(!g->failed);
	ck_assert_uint_eq(g->bytes_read, sizeof(in) - 1);
	got_free(g);
}
END_TEST

/* A record line, then (at line 2) what is not one, then another record. */
START_TEST(test_record_bad_lines)
{
	static const char *const bad[] = {
		"a\t-\t1\t2\t5\t9",			/* six columns */
		"a\t-\t1\t2\t5\t9\t",			/* six and an empty text: good */
		"a\t-\t1\t2\t5\t9\tTwo.\tmore",	/* eight */
		"a\t2031-3-14\t1\t2\t5\t9\tTwo.",
		"a\t2031-03-14x\t1\t2\t5\t9\tTwo.",
		"a\t20310314\t1\t2\t5\t9\tTwo.",
		"a\t--\t1\t2\t5\t9\tTwo.",
		"a\t\t1\t2\t5\t9\tTwo.",
		"a\t-\tx\t2\t5\t9\tTwo.",
		"a\t-\t1\t2.0\t5\t9\tTwo.",
		"a\t-\t1\t2\t-5\t9\tTwo.",
		"a\t-\t1\t2\t+5\t9\tTwo.",
		"a\t-\t1\t2\t5\t\tTwo.",
		"a\t-\t1\t2\t5\t12345678901234567890\tTwo.",
		"a\t-\t1\t2\t 5\t9\tTwo.",
		"\t-\t1\t2\t5\t9\tTwo.",
		"",
		"Just a line of text.",
		"a\r",
	};
	static const struct want w[] = {
		{ 'A', "a", "-", 1, 1, 0, "One." },
		{ 0, NULL, NULL, 1, 3, 10, "Three." },
	};
	static const struct want w_good[] = {
		{ 'A', "a", "-", 1, 1, 0, "One." },
		{ 0, NULL, NULL, 1, 2, 5, "" },
		{ 0, NULL, NULL, 1, 3, 10, "Three." },
	};
	char in[512];
	struct got *g;
	size_t i;
	int n;

	for (i = 0; i < TH_NELEM(bad); i++) {
		n = snprintf(in, sizeof(in), "a\t-\t1\t1\t0\t4\tOne.\n%s\n"
		    "a\t-\t1\t3\t10\t16\tThree.\n", bad[i]);
		put(in, (size_t)n);
		g = read_input(path, 0);
		ck_assert_int_eq(g->kind, HS_INPUT_RECORDS);
		if (i == 1) {
			expect(g, w_good, TH_NELEM(w_good));
			expect_err(g, path, "");
			ck_assert(!g->failed);
		} else {
			expect(g, w, TH_NELEM(w));
			expect_err(g, path, "@:2: not a text record");
			ck_assert_msg(g->failed, "case %zu: not failed", i);
		}
		ck_assert_uint_eq(g->bytes_read, (size_t)n);
		got_free(g);
	}
}
END_TEST

/* The first line that is not a record is named; the count of all comes at the end. */
START_TEST(test_record_bad_counts)
{
	static const struct {
		const char	*in;
		const char	*err;
		size_t		 npieces;
	} t[] = {
		{ "a\t-\t1\t1\t0\t4\tOne.\nx\ny\n", "@:2: not a text record\n"
		  "@: 2 lines in all were not text records", 1 },
		{ "a\t-\t1\t1\t0\t4\tOne.\nx\na\t-\t1\t2\t5\t9\tTwo.\n\n\n"
		  "a\t-\t1\t3\t10\t16\tThree.\nlast", "@:2: not a text record\n"
		  "@: 4 lines in all were not text records", 3 },
		/* an empty last line is a line that is not a record */
		{ "a\t-\t1\t1\t0\t4\tOne.\n\n", "@:2: not a text record", 1 },
		/* with a malformed escape: each warned where met, in order */
		{ "a\t-\t1\t1\t0\t4\tOne.\na\t-\t1\t2\t5\t9\tT\\wo.\nx\nb\t-\t1\t1\t0\t1\t\\\n"
		  "y\n", "@:2: a malformed escape in the text column\n"
		  "@:3: not a text record\n@: 2 lines in all were not text records", 3 },
	};
	struct got *g;
	size_t i;

	for (i = 0; i < TH_NELEM(t); i++) {
		put(t[i].in, strlen(t[i].in));
		g = read_input(path, 0);
		ck_assert_int_eq(g->rv, 0);
		ck_assert_msg(g->np == t[i].npieces, "case %zu: %zu pieces", i, g->np);
		expect_err(g, path, t[i].err);
		ck_assert(g->failed);
		got_free(g);
	}
}
END_TEST

/* A malformed escape is warned once per input; the piece holds what came before it. */
START_TEST(test_record_escapes)
{
	static const struct {
		const char	*text;		/* the text column of line 2 */
		const char	*piece;		/* what the piece holds */
	} t[] = {
		{ "ab\\q", "ab" },
		{ "ab\\", "ab" },
		{ "ab\\x4", "ab" },
		{ "ab\\xg1", "ab" },
		{ "ab\\x4g", "ab" },
		{ "a\\tb\\X41", "a\tb" },
		{ "\\N", "" },
	};
	struct want w[] = {
		{ 'A', "a", "-", 1, 1, 0, "One." },
		{ 0, NULL, NULL, 1, 2, 5, NULL },
		{ 0, NULL, NULL, 1, 3, 10, "Th" },
		{ 0, NULL, NULL, 1, 4, 20, "ok" },
	};
	char in[512];
	struct got *g;
	size_t i;
	int n;

	for (i = 0; i < TH_NELEM(t); i++) {
		/* line 3 is malformed too, and not warned about again */
		n = snprintf(in, sizeof(in), "a\t-\t1\t1\t0\t4\tOne.\n"
		    "a\t-\t1\t2\t5\t9\t%s\na\t-\t1\t3\t10\t16\tTh\\qree.\n"
		    "a\t-\t1\t4\t20\t22\tok\n", t[i].text);
		put(in, (size_t)n);
		g = read_input(path, 0);
		w[1].text = t[i].piece;
		expect(g, w, TH_NELEM(w));
		expect_err(g, path, "@:2: a malformed escape in the text column");
		ck_assert(g->failed);
		got_free(g);
	}
}
END_TEST

/* Line ends: a last line without a newline, a first line longer than a look. */
START_TEST(test_record_lines)
{
	static const struct want w1[] = {
		{ 'A', "a", "-", 1, 1, 0, "One." },
		{ 0, NULL, NULL, 1, 2, 5, "Two." },
	};
	static const struct want w2[] = {
		{ 'A', "only", "2031-03-14", 0, 0, 0, "Whole\narticle" },
	};
	static const struct want w3[] = {
		{ 'A', "only", "-", 0, 0, 0, "" },
	};
	struct want w4[2] = {
		{ 'A', "long", "-", 1, 1, 0, NULL },
		{ 0, NULL, NULL, 1, 2, 20001, "Short." },
	};
	struct hs_buf b;
	char *text;
	struct got *g;

	puts_file("a\t-\t1\t1\t0\t4\tOne.\na\t-\t1\t2\t5\t9\tTwo.");
	g = read_input(path, 0);
	expect(g, w1, TH_NELEM(w1));
	expect_err(g, path, "");
	ck_assert_uint_eq(g->bytes_read, 33);
	got_free(g);

	puts_file("only\t2031-03-14\t0\t0\t0\t14\tWhole\\narticle");
	g = read_input(path, 0);
	expect(g, w2, TH_NELEM(w2));
	expect_err(g, path, "");
	got_free(g);

	/* an empty text at the very start, as in test_kinds */
	puts_file("only\t-\t0\t0\t0\t0\t");
	g = read_input(path, 0);
	expect(g, w3, TH_NELEM(w3));
	got_free(g);

	/* 20000 bytes of text in the first line, five looks' worth */
	ck_assert_ptr_nonnull(text = malloc(20001));
	memset(text, 'x', 20000);
	text[20000] = '\0';
	hs_buf_init(&b);
	hs_buf_puts(&b, "long\t-\t1\t1\t0\t20000\t");
	hs_buf_append(&b, text, 20000);
	hs_buf_puts(&b, "\nlong\t-\t1\t2\t20001\t20007\tShort.\n");
	put(b.data, b.len);
	g = read_input(path, 0);
	ck_assert_int_eq(g->kind, HS_INPUT_RECORDS);
	w4[0].text = text;
	expect(g, w4, TH_NELEM(w4));
	expect_err(g, path, "");
	ck_assert_uint_eq(g->bytes_read, b.len);
	got_free(g);
	hs_buf_free(&b);
	free(text);
}
END_TEST

/* A line longer than the 64 MiB a record can take is warned about and skipped. */
START_TEST(test_record_long_line)
{
	static const size_t	 big = ((size_t)64 << 20) + 4096;
	static const struct want w[] = {
		{ 'A', "a", "-", 1, 1, 0, "One." },
		{ 0, NULL, NULL, 1, 3, 10, "Three." },
		{ 0, NULL, NULL, 1, 4, 20, "F" },
	};
	struct hs_buf		 b;
	struct got		*g;

	hs_buf_init(&b);
	hs_buf_puts(&b, "a\t-\t1\t1\t0\t4\tOne.\na\t-\t1\t2\t5\t9\t");
	hs_buf_reserve(&b, big + 256);
	memset(b.data + b.len, 'x', big);
	b.len += big;
	/* line 4 tells that the long line counted as one */
	hs_buf_puts(&b, "\na\t-\t1\t3\t10\t16\tThree.\na\t-\t1\t4\t20\t24\tF\\our\n");
	put(b.data, b.len);
	g = read_input(path, 0);
	expect(g, w, TH_NELEM(w));
	expect_err(g, path, "@:2: a line longer than 64 MiB: not a text record\n"
	    "@:4: a malformed escape in the text column");
	ck_assert(g->failed);
	ck_assert_uint_eq(g->bytes_read, b.len);
	got_free(g);
	hs_buf_free(&b);
}
END_TEST

/* What a piece of quote input should be, beyond struct want. */
struct want_quote {
	struct want	 w;
	uint64_t	 end;
	const char	*speaker;	/* escaped, as in the record */
	struct th_bytes	 text;		/* unescaped */
	bool		 clean;
};

/* Every piece of g is exactly t[0 .. n): places by expect(), then ends, speakers and
 * texts as bytes. */
static void
expect_quotes(const struct got *g, const struct want_quote *t, size_t n)
{
	struct want	 w[16];
	size_t		 i;

	ck_assert_uint_le(n, TH_NELEM(w));
	ck_assert_uint_eq(g->np, n);
	for (i = 0; i < n; i++) {
		w[i] = t[i].w;
		w[i].text = NULL;
		ck_assert_msg(g->p[i].end == t[i].end, "piece %zu: end %llu", i,
		    (unsigned long long)g->p[i].end);
		ck_assert_msg(g->p[i].speaker != NULL &&
		    g->p[i].speaker_len == strlen(t[i].speaker) &&
		    strcmp(g->p[i].speaker, t[i].speaker) == 0, "piece %zu: speaker %s", i,
		    g->p[i].speaker != NULL ? g->p[i].speaker : "(none)");
		ck_assert_msg(g->p[i].len == t[i].text.n &&
		    memcmp(g->p[i].text, t[i].text.s, t[i].text.n) == 0,
		    "piece %zu: text \"%s\"", i, g->p[i].text);
		ck_assert_msg(g->p[i].clean == t[i].clean, "piece %zu: clean %d", i,
		    g->p[i].clean);
	}
	expect(g, w, n);
}

/*
 * Quote records, where they are welcome: each quotation a piece with the record's place,
 * end and speaker (escaped, as written), its text unescaped, and a piece for each of its
 * paragraphs (a newline in the quote column); consecutive records of one doc make one
 * article, as text records do.
 */
START_TEST(test_quote_records)
{
	static const char in[] =
	    "q\t2031-03-14\t1\t2\t10\t30\tdirect\tIngrid Berg\tsaid\tWe will sail,\n"
	    "q\t2031-03-14\t2\t4\t50\t95\tpartial\t-\t-\tTab\\there, a break\\nthere\n"
	    "q\t2031-03-15\t3\t7\t120\t140\tmention\tO\\\\Brien\\tX\ttold\t\n"
	    "r\t-\t1\t1\t5\t25\tdirect\tSofie Dahl\tsaid\tOslo \\xff waits.\n"
	    "q\t2031-03-16\t1\t1\t0\t9\tdirect\tBerg\t-\tAgain, \xc3\xa9t\xc3\xa9.\n";
	static const struct want_quote t[] = {
		{ { 'A', "q", "2031-03-14", 1, 2, 10, NULL }, 30, "Ingrid Berg",
		    TH_B("We will sail,"), true },
		{ { 0, NULL, NULL, 2, 4, 50, NULL }, 95, "-", TH_B("Tab\there, a break"),
		    true },
		{ { 0, NULL, NULL, 2, 4, 50, NULL }, 95, "-", TH_B("there"), true },
		/* an empty quotation is still a piece; the speaker is not unescaped */
		{ { 0, NULL, NULL, 3, 7, 120, NULL }, 140, "O\\\\Brien\\tX", TH_B(""),
		    true },
		{ { 'A', "r", "-", 1, 1, 5, NULL }, 25, "Sofie Dahl",
		    TH_B("Oslo \xff waits."), false },
		/* the same doc after another: a new article */
		{ { 'A', "q", "2031-03-16", 1, 1, 0, NULL }, 9, "Berg",
		    TH_B("Again, \xc3\xa9t\xc3\xa9."), true },
	};
	struct got *g;

	put(in, sizeof(in) - 1);
	g = read_input_with(path, 0, true);
	ck_assert_int_eq(g->kind_at_open, HS_INPUT_RECORDS);
	ck_assert_int_eq(g->kind, HS_INPUT_RECORDS);
	ck_assert_uint_eq(g->na, 3);
	expect_quotes(g, t, TH_NELEM(t));
	expect_err(g, path, "");
	ck_assert(!g->failed);
	ck_assert_uint_eq(g->bytes_read, sizeof(in) - 1);
	got_free(g);

	/* where they are not welcome (hearsay-extract-quotes), none is read */
	g = read_input_with(path, 0, false);
	ck_assert_int_eq(g->rv, 0);
	ck_assert_uint_eq(g->np, 0);
	expect_err(g, path, "@:1: not a text record\n"
	    "@: 5 lines in all were not text records");
	ck_assert(g->failed);
	got_free(g);
}
END_TEST

/*
 * A quotation longer than HS_INPUT_PIECE comes in pieces that all have the record's
 * place and speaker; in small windows, every speaker stays right however the article's
 * buffer moves, and the windows hold what one read holds.
 */
START_TEST(test_quote_pieces)
{
	struct hs_buf	 b;
	struct got	*g, *win;
	char		 s[128];
	size_t		 i, k, from, len;

	hs_buf_init(&b);
	hs_buf_puts(&b, "long\t-\t1\t1\t7\t99999\tdirect\tAnna \\\\ Lund\tsaid\t");
	from = b.len;
	for (k = 0; b.len - from < HS_INPUT_PIECE * 2 + 100; k++) {
		snprintf(s, sizeof(s), "word%zu ", k);
		hs_buf_puts(&b, s);
	}
	hs_buf_puts(&b, "end");
	len = b.len - from;
	hs_buf_putc(&b, '\n');
	for (k = 0; k < 40; k++) {
		snprintf(s, sizeof(s), "w\t-\t%zu\t%zu\t%zu\t%zu\tdirect\tSpeaker %zu\tsaid\t"
		    "Quote number %zu.\n", k + 1, k + 1, 100 * k, 100 * k + 50, k, k);
		hs_buf_puts(&b, s);
	}
	put(b.data, b.len);
	g = read_input_with(path, 0, true);
	ck_assert_int_eq(g->rv, 0);
	expect_err(g, path, "");
	ck_assert_uint_eq(g->na, 2);
	ck_assert_uint_eq(g->a[0].n, 3);
	/* the pieces, one after the other, are the quotation */
	for (i = 0, k = from; i < 3; k += g->p[i].len, i++) {
		ck_assert(g->p[i].par == 1 && g->p[i].sent == 1 && g->p[i].start == 7 &&
		    g->p[i].end == 99999);
		ck_assert_str_eq(g->p[i].speaker, "Anna \\\\ Lund");
		ck_assert_uint_le(g->p[i].len, HS_INPUT_PIECE);
		ck_assert_uint_le(k - from + g->p[i].len, len);
		ck_assert(memcmp(g->p[i].text, b.data + k, g->p[i].len) == 0);
	}
	ck_assert_uint_eq(k - from, len);
	for (k = 0; k < 40; k++) {
		snprintf(s, sizeof(s), "Speaker %zu", k);
		ck_assert_str_eq(g->p[3 + k].speaker, s);
		ck_assert_uint_eq(g->p[3 + k].end, 100 * k + 50);
	}
	win = read_input_with(path, 64, true);
	expect_err(win, path, "");
	expect_same(g, win, SAME_CLEAN, "quote windows");
	ck_assert_uint_gt(win->na, 10);
	for (i = 0; i < win->np; i++)
		ck_assert_msg(win->p[i].speaker_len == g->p[i].speaker_len &&
		    strcmp(win->p[i].speaker, g->p[i].speaker) == 0 &&
		    win->p[i].end == g->p[i].end, "piece %zu: speaker %s", i,
		    win->p[i].speaker);
	got_free(g);
	got_free(win);
	hs_buf_free(&b);
}
END_TEST

/*
 * Text and quote records in one input, where quote records are welcome: the first line
 * that is either decides, and a line of the other kind, or of neither, is warned about
 * by what the input holds, and skipped.
 */
START_TEST(test_quote_mixed)
{
	static const char quote1[] = "a\t-\t1\t1\t0\t4\tdirect\tBerg\tsaid\tOne.";
	static const char quote3[] = "a\t-\t1\t3\t10\t16\tdirect\t-\t-\tThree.";
	static const char text1[] = "a\t-\t1\t1\t0\t4\tOne.";
	static const char text3[] = "a\t-\t1\t3\t10\t16\tThree.";
	/* the quoted record of hearsay-tag, and its entity record */
	static const char quoted[] = "a\t-\t1\t2\t5\t9\tPERSON\tIngrid Berg\tBerg\tDahl";
	static const char entity[] = "a\t-\t1\t2\t5\t9\tPERSON\tIngrid Berg\tBerg";
	static const struct {
		const char	*line[3];
		const char	*err;
		size_t		 npieces;
		bool		 quotes;	/* the pieces are quotations */
	} t[] = {
		{ { quote1, text3, quote3 }, "@:2: not a quote record", 2, true },
		{ { text1, quote3, text3 }, "@:2: not a text record", 2, false },
		{ { quote1, quoted, quote3 }, "@:2: not a quote record", 2, true },
		{ { text1, entity, text3 }, "@:2: not a text record", 2, false },
		/* the first line decides nothing: the first record does */
		{ { quoted, quoted, quoted }, "@:1: not a text or quote record\n"
		  "@: 3 lines in all were not text or quote records", 0, false },
		{ { entity, quote3, text3 }, "@:1: not a text or quote record\n"
		  "@: 2 lines in all were not quote records", 1, true },
		{ { quoted, text3, quote1 }, "@:1: not a text or quote record\n"
		  "@: 2 lines in all were not text records", 1, false },
	};
	struct got	*g;
	char		 in[512];
	size_t		 i, k;
	int		 n;

	for (i = 0; i < TH_NELEM(t); i++) {
		n = snprintf(in, sizeof(in), "%s\n%s\n%s\n", t[i].line[0], t[i].line[1],
		    t[i].line[2]);
		put(in, (size_t)n);
		g = read_input_with(path, 0, true);
		ck_assert_msg(g->rv == 0 && g->kind == HS_INPUT_RECORDS, "case %zu", i);
		ck_assert_msg(g->np == t[i].npieces, "case %zu: %zu pieces", i, g->np);
		for (k = 0; k < g->np; k++)
			ck_assert_msg((g->p[k].speaker != NULL) == t[i].quotes,
			    "case %zu: piece %zu", i, k);
		expect_err(g, path, t[i].err);
		ck_assert_msg(g->failed, "case %zu: not failed", i);
		got_free(g);
	}
}
END_TEST

/* A quote record, then (at line 2) a line that is not one, or one with a malformed
 * escape, then another quote record. */
START_TEST(test_quote_bad_lines)
{
	static const struct {
		const char	*line;
		const char	*err;
	} t[] = {
		{ "a\t-\t1\t2\t5\t9\tdirect\tBerg\tsaid", "@:2: not a quote record" },
		{ "a\t-\t1\t2\t5\t9\tdirect\tBerg\tsaid\tTwo.\tmore",
		  "@:2: not a quote record" },
		{ "a\t-\t1\t2\t5\t9\tDirect\tBerg\tsaid\tTwo.", "@:2: not a quote record" },
		{ "a\t-\t1\t2\t5\t9\tquote\tBerg\tsaid\tTwo.", "@:2: not a quote record" },
		{ "a\t-\t1\t2\t5\t9\t\tBerg\tsaid\tTwo.", "@:2: not a quote record" },
		{ "a\t-\t1\tx\t5\t9\tdirect\tBerg\tsaid\tTwo.", "@:2: not a quote record" },
		{ "a\t2031-3-14\t1\t2\t5\t9\tdirect\tBerg\tsaid\tTwo.",
		  "@:2: not a quote record" },
		{ "Just a line of text.", "@:2: not a quote record" },
		/* good, with empty columns */
		{ "a\t-\t1\t2\t5\t9\tpartial\t\t\t", "" },
		{ "a\t-\t1\t2\t5\t9\tmention\tBerg\t-\tTw\\o.",
		  "@:2: a malformed escape in the quote column" },
		{ "a\t-\t1\t2\t5\t9\tdirect\tBe\\rg\\\tsaid\tTwo.",
		  "@:2: a malformed escape in the speaker column" },
		/* the cue is not looked at */
		{ "a\t-\t1\t2\t5\t9\tdirect\tBerg\ts\\aid\tTwo.", "" },
	};
	struct got	*g;
	char		 in[512];
	size_t		 i;
	int		 n;

	for (i = 0; i < TH_NELEM(t); i++) {
		n = snprintf(in, sizeof(in), "a\t-\t1\t1\t0\t4\tdirect\tBerg\tsaid\tOne.\n"
		    "%s\na\t-\t1\t3\t10\t16\tdirect\t-\t-\tThree.\n", t[i].line);
		put(in, (size_t)n);
		g = read_input_with(path, 0, true);
		ck_assert_int_eq(g->rv, 0);
		expect_err(g, path, t[i].err);
		ck_assert_msg(g->failed == (t[i].err[0] != '\0'), "case %zu: failed %d", i,
		    g->failed);
		ck_assert_msg(g->na == 1 && g->np == (strstr(t[i].err, "not a") ? 2 : 3),
		    "case %zu: %zu articles, %zu pieces", i, g->na, g->np);
		ck_assert_str_eq(g->p[g->np - 1].text, "Three.");
		ck_assert_str_eq(g->p[g->np - 1].speaker, "-");
		got_free(g);
	}
}
END_TEST

/* Sentences to make news of: abbreviations, quotes, tabs, backslashes, line breaks,
 * invalid UTF-8 and NUL, so that records need every escape. */
static const struct th_bytes news_sentences[] = {
	TH_B("The minister said the talks would resume."),
	TH_B("\"We are ready,\" Dr. Ana Silva told reporters."),
	TH_B("Prices rose 3.5% in the U.S. last year."),
	TH_B("Tabs\tand a back\\slash stay in the text."),
	TH_B("A bad byte \xff sits here."),
	TH_B("Short!"),
	TH_B("Is it over?"),
	TH_B("Line one\nand line two of one paragraph."),
	TH_B("Caf\xc3\xa9 owners met at 9 a.m. on Jan. 5 in St. Louis."),
	TH_B("(He left.)"),
	TH_B("A NUL \0 in the middle."),
	TH_B("Carriage\rreturn alone."),
};

static const char *const news_par_breaks[] = { "\n\n", "\r\n\r\n", "\n \t\n", "\n\n\n" };

/* Raw news of narts articles of up to maxpars paragraphs, the same for the same seed;
 * headers stand at the start of a line or after a sentence's end. */
static void
make_news(struct hs_buf *b, unsigned narts, unsigned maxpars, uint64_t seed)
{
	const struct th_bytes	*s;
	uint64_t		 st = seed;
	unsigned		 a, p, k, np, ns;
	char			 head[32];

	for (a = 0; a < narts; a++) {
		if (a > 0 || th_next_random(&st) % 2 == 0) {
			if (a > 0)
				hs_buf_puts(b, th_next_random(&st) % 3 == 0 ? " " : "\n");
			snprintf(head, sizeof(head), "date 2031-%02u-%02u ", 1 + a % 12,
			    1 + a % 28);
			hs_buf_puts(b, head);
		}
		np = 1 + th_next_random(&st) % maxpars;
		for (p = 0; p < np; p++) {
			if (p > 0)
				hs_buf_puts(b, news_par_breaks[th_next_random(&st) %
				    TH_NELEM(news_par_breaks)]);
			ns = 1 + th_next_random(&st) % 5;
			for (k = 0; k < ns; k++) {
				if (k > 0)
					hs_buf_puts(b, th_next_random(&st) % 4 ? " " : "\n");
				s = &news_sentences[th_next_random(&st) %
				    TH_NELEM(news_sentences)];
				hs_buf_append(b, s->s, s->n);
			}
		}
	}
}

/* Read raw news, and the records hearsay-split would make of it: both the same. */
static void
check_equivalence(const char *in, size_t n, const char *what)
{
	struct got	*raw, *raw7, *rec, *recq;
	size_t		 i;

	put(in, n);
	raw = read_input(path, 0);
	TH_REQUIRE(raw->rv == 0 && raw->kind == HS_INPUT_RAW, "%s: rv %d kind %d", what,
	    raw->rv, raw->kind);
	TH_REQUIRE(raw->np > 0, "%s: nothing read", what);
	expect_places(raw, in, n);
	put_records(raw);
	rec = read_input(rpath, 0);
	TH_REQUIRE(rec->kind == HS_INPUT_RECORDS, "%s: records of kind %d", what,
	    rec->kind);
	TH_REQUIRE(rec->err[0] == '\0' && !rec->failed, "%s: records: %s", what, rec->err);
	expect_same(raw, rec, SAME_WINDOWS, what);
	/* text records read the same where quote records are welcome too */
	recq = read_input_with(rpath, 0, true);
	TH_REQUIRE(recq->err[0] == '\0' && !recq->failed, "%s: records: %s", what,
	    recq->err);
	expect_same(rec, recq, SAME_WINDOWS | SAME_CLEAN, what);
	got_free(recq);
	/* the records' clean flags are exact */
	for (i = 0; i < rec->np; i++)
		TH_REQUIRE(rec->p[i].clean == (hs_utf8_find_bad((const unsigned char *)
		    rec->p[i].text, rec->p[i].len) == rec->p[i].len),
		    "%s: record piece %zu: clean %d", what, i, rec->p[i].clean);
	/* where the reader's reads end changes nothing */
	hs_reader_read_size = 7;
	raw7 = read_input(path, 0);
	hs_reader_read_size = 256 << 10;
	expect_same(raw, raw7, SAME_WINDOWS | SAME_CLEAN, what);
	TH_REQUIRE(strcmp(raw->err, raw7->err) == 0, "%s: %s, then %s", what, raw->err,
	    raw7->err);
	got_free(raw);
	got_free(raw7);
	got_free(rec);
}

START_TEST(test_equivalence)
{
	static const struct th_bytes t[] = {
		TH_B("Lead. Second one.\n\ndate 2031-03-14 First para. Dr. Smith came.\n"
		    "Still.\n\nNext para! Yes? date 2031-03-15 Two."),
		TH_B("\xef\xbb\xbf\r\n" "date 2031-03-14 Tabs\tand\\back\\slashes. \"Quoted.\" "
		    "Next one.\r\nSame para.\r\n\r\nSecond\xc2\xa0para. date 2031-03-15 Bad "
		    "\xff\xfe bytes. NUL \0 too.\n\ndate 2031-13-01 Impossible date. Ends"),
		TH_B("date 2031-03-14\n\n\ndate 2031-03-15 A.\ndate 2031-03-16 B. C.\n\n"
		    "D. date 2031-03-17 E."),
	};
	struct hs_buf b;
	char what[32];
	size_t i;

	for (i = 0; i < TH_NELEM(t); i++) {
		snprintf(what, sizeof(what), "input %zu", i);
		check_equivalence(t[i].s, t[i].n, what);
	}
	for (i = 0; i < 8; i++) {
		hs_buf_init(&b);
		make_news(&b, 2 + (unsigned)i * 5, 1 + (unsigned)i, 0x9e3779b97f4a7c15ULL + i);
		snprintf(what, sizeof(what), "news %zu", i);
		check_equivalence(b.data, b.len, what);
		hs_buf_free(&b);
	}
}
END_TEST

/* Bytes handed out with a window: its texts, each with its NUL. */
static size_t
window_size(const struct got *g, size_t i)
{
	size_t j, n = 0;

	for (j = 0; j < g->a[i].n; j++)
		n += g->p[g->a[i].first + j].len + 1;
	return n;
}

/* A long article in windows of 64 bytes, then a short one. */
static void
make_long_article(struct hs_buf *b)
{
	char s[64];
	unsigned k;

	hs_buf_puts(b, "date 2031-03-14 ");
	for (k = 1; k <= 14; k++) {
		snprintf(s, sizeof(s), "Para %u one. Two.\n\n", k);
		hs_buf_puts(b, s);
		if (k == 6)
			hs_buf_puts(b, "This paragraph is one sentence that is longer "
			    "than the window of sixty-four bytes. Two.\n\n");
	}
	hs_buf_puts(b, "date 2031-03-15 Short one. Two.");
}

START_TEST(test_windows_raw)
{
	struct hs_buf	 b;
	struct got	*whole, *win;
	const char	*at;
	char		 doc2[32];
	size_t		 i, j, nlong = 0;

	hs_buf_init(&b);
	make_long_article(&b);
	put(b.data, b.len);
	ck_assert_ptr_nonnull(at = memmem(b.data, b.len, "date 2031-03-15", 15));
	snprintf(doc2, sizeof(doc2), "news@%zu", (size_t)(at - b.data));
	whole = read_input(path, 0);
	ck_assert_uint_eq(whole->na, 2);
	ck_assert(!whole->a[0].continued && !whole->a[1].continued);
	win = read_input(path, 64);
	expect_err(win, path, "");
	expect_same(whole, win, SAME_CLEAN, "raw windows");
	expect_places(win, b.data, b.len);
	ck_assert_uint_gt(win->na, 4);
	for (i = 0; i < win->na; i++) {
		/* the first of each article is not continued, the others are */
		ck_assert_msg(win->a[i].continued == (i > 0 && i + 1 < win->na),
		    "window %zu: continued %d", i, win->a[i].continued);
		ck_assert_str_eq(win->a[i].doc, i + 1 < win->na ? "news" : doc2);
		/* a window of more than one piece keeps to the size (with its NULs) */
		if (win->a[i].n > 1)
			ck_assert_msg(window_size(win, i) <= 64,
			    "window %zu: %zu bytes", i, window_size(win, i));
		else if (window_size(win, i) > 64)
			nlong++;
		if (i + 1 < win->na && win->a[i + 1].continued) {
			/* it ends between sentences, and the next would not fit */
			j = win->a[i + 1].first;
			ck_assert_msg(window_size(win, i) + win->p[j].len + 1 > 64,
			    "window %zu: %zu bytes and the next sentence %zu", i,
			    window_size(win, i), win->p[j].len);
		}
	}
	/* the sentence longer than the window comes whole, alone */
	ck_assert_uint_eq(nlong, 1);
	got_free(whole);
	got_free(win);
	hs_buf_free(&b);
}
END_TEST

START_TEST(test_windows_records)
{
	struct hs_buf	 b;
	struct got	*whole, *rec, *win;
	size_t		 i, j, n;

	hs_buf_init(&b);
	make_long_article(&b);
	put(b.data, b.len);
	whole = read_input(path, 0);
	put_records(whole);
	rec = read_input(rpath, 0);
	expect_same(whole, rec, SAME_WINDOWS, "records whole");
	win = read_input(rpath, 64);
	expect_err(win, rpath, "");
	expect_same(whole, win, 0, "record windows");
	ck_assert_uint_gt(win->na, 6);
	for (i = 0; i < win->na; i++) {
		ck_assert_msg(win->a[i].continued == (i > 0 && i + 1 < win->na),
		    "window %zu: continued %d", i, win->a[i].continued);
		n = window_size(win, i);
		/* windows of more than one record keep to the size (its NULs aside:
		 * a record's text is weighed escaped, without one) */
		ck_assert_msg(win->a[i].n == 1 || n <= 64 + 1, "window %zu: %zu bytes", i, n);
		/* nothing here needs escaping, so a record weighs its length */
		if (i + 1 < win->na && win->a[i + 1].continued) {
			j = win->a[i + 1].first;
			ck_assert_msg(n - 1 + win->p[j].len + 1 > 64,
			    "window %zu: %zu bytes, and the next record %zu", i, n,
			    win->p[j].len);
		}
	}
	got_free(whole);
	got_free(rec);
	got_free(win);
	hs_buf_free(&b);
}
END_TEST

/*
 * A paragraph longer than the reader's block: it is cut, the sentence the cut
 * interrupted is read again whole, and every sentence comes once, in order, with
 * the article handed out in windows.
 */
START_TEST(test_long_paragraph)
{
	static const size_t	 nsent = (HS_MAX_BLOCK + HS_MAX_BLOCK / 8) / 19;
	struct hs_buf		 b;
	struct got		*g;
	char			 s[32];
	size_t			 k, head;

	hs_buf_init(&b);
	hs_buf_puts(&b, "date 2031-03-14 ");
	head = b.len;
	for (k = 1; k <= nsent; k++) {
		snprintf(s, sizeof(s), "Word %07zu here.%s", k, k < nsent ? " " : "");
		hs_buf_puts(&b, s);
	}
	hs_buf_puts(&b, "\n\nNext paragraph.");
	put(b.data, b.len);
	g = read_input(path, 0);
	ck_assert_int_eq(g->rv, 0);
	expect_err(g, path, "@:1: paragraph longer than 8388608 bytes cut");
	ck_assert(g->failed);
	ck_assert_uint_eq(g->np, nsent + 1);
	ck_assert_uint_ge(g->na, 2);
	for (k = 0; k < g->na; k++)
		ck_assert_msg(g->a[k].continued == (k > 0) &&
		    strcmp(g->a[k].doc, "news") == 0, "window %zu", k);
	for (k = 0; k < nsent; k++) {
		snprintf(s, sizeof(s), "Word %07zu here.", k + 1);
		TH_REQUIRE(g->p[k].par == 1 && g->p[k].sent == k + 1 &&
		    g->p[k].start == head + 19 * k && strcmp(g->p[k].text, s) == 0,
		    "piece %zu: %lu %lu %llu %s", k, g->p[k].par, g->p[k].sent,
		    (unsigned long long)g->p[k].start, g->p[k].text);
	}
	ck_assert(g->p[nsent].par == 2 && g->p[nsent].sent == nsent + 1);
	ck_assert_str_eq(g->p[nsent].text, "Next paragraph.");
	got_free(g);
	hs_buf_free(&b);
}
END_TEST

/* Write s[0..n) to fd in pieces of a few sizes with pauses, as a slow producer does. */
static void
write_slowly(int fd, const char *s, size_t n)
{
	static const size_t	steps[] = { 1, 2, 5, 1, 64, 3, 700 };
	size_t			i = 0, k = 0, m;

	usleep(20000);
	while (i < n) {
		m = steps[k++ % TH_NELEM(steps)];
		if (m > n - i)
			m = n - i;
		if (write(fd, s + i, m) != (ssize_t)m)
			_exit(1);
		i += m;
		usleep(300);
	}
}

/* Read s[0..n) from standard input, a pipe that a child process writes slowly. */
static struct got *
read_pipe(const char *s, size_t n, size_t window)
{
	struct got	*g;
	pid_t		 pid;
	int		 fds[2], saved, status;

	ck_assert_int_eq(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		write_slowly(fds[1], s, n);
		_exit(0);
	}
	ck_assert_int_ne(pid, -1);
	close(fds[1]);
	ck_assert_int_ne(saved = dup(STDIN_FILENO), -1);
	ck_assert_int_ne(dup2(fds[0], STDIN_FILENO), -1);
	close(fds[0]);
	/* both names of standard input */
	g = read_input(window == 0 ? "-" : NULL, window);
	ck_assert_int_ne(dup2(saved, STDIN_FILENO), -1);
	close(saved);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return g;
}

/* s with every from replaced by to. */
static const char *
replace_all(const char *s, const char *from, const char *to)
{
	static char	 out[4096];
	const char	*at;
	size_t		 n = 0, fl = strlen(from);

	while ((at = strstr(s, from)) != NULL) {
		TH_REQUIRE(n + (size_t)(at - s) + strlen(to) < sizeof(out), "too long");
		memcpy(out + n, s, (size_t)(at - s));
		n += (size_t)(at - s);
		n += strlcpy(out + n, to, sizeof(out) - n);
		s = at + fl;
	}
	TH_REQUIRE(n + strlen(s) < sizeof(out), "too long");
	strlcpy(out + n, s, sizeof(out) - n);
	return out;
}

/* Reading through a pipe, in small pieces with pauses, gives what the file gives. */
START_TEST(test_pipe)
{
	static const size_t	 windows[] = { 0, 64 };
	struct hs_buf		 ins[7];
	struct got		*f, *p;
	char			 s[64], what[64];
	size_t			 i, w, k;

	for (i = 0; i < TH_NELEM(ins); i++)
		hs_buf_init(&ins[i]);
	/* raw, its first line longer than hs_input looks at to tell the kind */
	hs_buf_puts(&ins[0], "date 2031-03-14 ");
	for (k = 1; k <= 300; k++) {
		snprintf(s, sizeof(s), "Sentence %zu is here. ", k);
		hs_buf_puts(&ins[0], s);
	}
	hs_buf_puts(&ins[0], "\n\nSecond para.\nLast. date 2031-03-15 Another article.");
	/* the records of that, with a line that is not one */
	put_file(spath, ins[0].data, ins[0].len);
	f = read_input(spath, 0);
	make_records(f, &ins[1]);
	hs_buf_puts(&ins[1], "oops\nz\t-\t1\t1\t0\t4\tEnd.");
	got_free(f);
	hs_buf_puts(&ins[2], "");
	hs_buf_puts(&ins[3], "One.");
	hs_buf_puts(&ins[4], "a\t-\t1\t1\t0\t4\tOne.");
	make_news(&ins[5], 12, 4, 42);
	/* a record whose first line is longer than the look, then another */
	hs_buf_puts(&ins[6], "long\t-\t1\t1\t0\t6000\t");
	for (k = 0; k < 6000; k++)
		hs_buf_putc(&ins[6], 'a' + k % 26);
	hs_buf_puts(&ins[6], "\nlong\t-\t1\t2\t6001\t6007\tShort.\n");

	for (i = 0; i < TH_NELEM(ins); i++)
		for (w = 0; w < TH_NELEM(windows); w++) {
			snprintf(what, sizeof(what), "input %zu window %zu", i, windows[w]);
			put_file(spath, ins[i].data != NULL ? ins[i].data : "", ins[i].len);
			f = read_input(spath, windows[w]);
			p = read_pipe(ins[i].data, ins[i].len, windows[w]);
			ck_assert_msg(f->kind == p->kind, "%s: kind %d and %d", what, f->kind,
			    p->kind);
			ck_assert_msg(f->kind == (i == 2 ? HS_INPUT_UNKNOWN :
			    i == 1 || i == 4 || i == 6 ? HS_INPUT_RECORDS : HS_INPUT_RAW),
			    "%s: kind %d", what, f->kind);
			ck_assert_msg(i != 6 || (f->np == 2 && f->p[0].len == 6000),
			    "%s: %zu pieces", what, f->np);
			expect_same(f, p, SAME_WINDOWS | SAME_CLEAN, what);
			ck_assert_msg(f->failed == p->failed, "%s: failed", what);
			ck_assert_msg(f->bytes_read == ins[i].len &&
			    p->bytes_read == ins[i].len, "%s: %llu and %llu bytes read", what,
			    (unsigned long long)f->bytes_read,
			    (unsigned long long)p->bytes_read);
			ck_assert_str_eq(p->err, replace_all(f->err, spath, "stdin"));
			if (i == 1) {
				snprintf(s, sizeof(s), "@:%zu: not a text record", f->np);
				expect_err(f, spath, s);
			} else if (i != 5)	/* made news: the reader's messages */
				expect_err(f, spath, "");
			/* a file never waits; a slow pipe does */
			ck_assert_uint_eq(f->waits, 0);
			if (ins[i].len > 1000)
				ck_assert_msg(p->waits > 0, "%s: no wait", what);
			got_free(f);
			got_free(p);
		}
	for (i = 0; i < TH_NELEM(ins); i++)
		hs_buf_free(&ins[i]);
}
END_TEST

Suite *
hs_input_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("input");
	tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_kinds);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_raw);
	tcase_add_test(tc, test_raw_bad_bytes);
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_record_bad_lines);
	tcase_add_test(tc, test_record_bad_counts);
	tcase_add_test(tc, test_record_escapes);
	tcase_add_test(tc, test_record_lines);
	tcase_add_test(tc, test_record_long_line);
	tcase_add_test(tc, test_quote_records);
	tcase_add_test(tc, test_quote_pieces);
	tcase_add_test(tc, test_quote_mixed);
	tcase_add_test(tc, test_quote_bad_lines);
	tcase_add_test(tc, test_equivalence);
	tcase_add_test(tc, test_windows_raw);
	tcase_add_test(tc, test_windows_records);
	tcase_add_test(tc, test_long_paragraph);
	tcase_add_test(tc, test_pipe);
	suite_add_tcase(s, tc);
	return s;
}
