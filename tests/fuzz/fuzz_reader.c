/* fuzz_reader.c: libFuzzer target for lib/hs_reader.c: reads the input in both units
 * with a small max_block, checks every block against the bytes, and checks that reading
 * in ranges gives exactly what one whole read gives.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Ilib -I$BUILDDIR \
 *     tests/fuzz/fuzz_reader.c lib/hs_reader.c lib/hs_utf8.c \
 *     $(pkg-config --cflags --libs libbsd-overlay)
 */
#define _GNU_SOURCE
#include <sys/mman.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_reader.h"
#include "hs_util.h"

#define CONTEXT		(HS_HEADER_LOOKBACK + 64)
#define NONE		UINT64_MAX

struct fblock {
	char		 doc[64];
	char		 date[11];
	unsigned long	 par;
	uint64_t	 start;
	size_t		 len;
	bool		 article_start, cut;
};

struct flist {
	struct fblock	*v;
	size_t		 n, cap;
};

/* lib/hs_reader.c: the size of each read, for tests only */
extern size_t			 hs_reader_read_size;

static const unsigned char	*data;
static size_t			 size;
static char			 path[64];

#define CHECK(cond)	do { if (!(cond)) { \
	fprintf(stdout, "violation at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	fflush(stdout); abort(); } } while (0)

/* An independent and slow statement of the header rules of hs_reader.h. */
static bool
ref_header(size_t p)
{
	static const char shape[] = "date 0000-00-00";
	size_t i, k, run, lo;

	if (size - p < 15)
		return false;
	for (i = 0; i < 15; i++)
		if (shape[i] == '0' ? data[p + i] < '0' || data[p + i] > '9' :
		    data[p + i] != (unsigned char)shape[i])
			return false;
	if (p + 15 < size && hs_space_len(data + p + 15, size - p - 15) == 0)
		return false;
	lo = p > CONTEXT ? p - CONTEXT : 0;
	/* (1) white space back to a line start, or a long run of it */
	for (i = p, run = 0;;) {
		if (i == 0 || data[i - 1] == '\n')
			return true;
		for (k = 1; k <= 3 && k <= i - lo; k++)
			if (hs_space_len(data + i - k, k) == k)
				break;
		if (k > 3 || k > i - lo)
			break;
		i -= k;
		if ((run += k) > HS_HEADER_LOOKBACK)
			return true;
	}
	/* (2) */
	for (i = p; i > lo && (data[i - 1] == ' ' || data[i - 1] == '\t'); i--)
		continue;
	for (;;) {
		if (i - lo >= 1 && strchr("\"')]", data[i - 1]) != NULL && data[i - 1] != 0)
			i--;
		else if (i - lo >= 3 && (memcmp(data + i - 3, "\xe2\x80\x9d", 3) == 0 ||
		    memcmp(data + i - 3, "\xe2\x80\x99", 3) == 0))
			i -= 3;
		else if (i - lo >= 2 && memcmp(data + i - 2, "\xc2\xbb", 2) == 0)
			i -= 2;
		else
			break;
	}
	if (i - lo >= 1 && (data[i - 1] == '.' || data[i - 1] == '!' || data[i - 1] == '?'))
		return true;
	return i - lo >= 3 && memcmp(data + i - 3, "\xe2\x80\xa6", 3) == 0;
}

/* Read [from, to); unread_div > 0 hands back len / unread_div bytes of each cut block,
 * as sentence splitting does. Appends to l and checks each block against the bytes. */
static void
collect(struct flist *l, enum hs_unit unit, size_t maxb, uint64_t from, uint64_t to,
    unsigned unread_div)
{
	struct hs_reader_opts	 o = {
		.unit = unit, .max_block = maxb, .from = from, .to = to,
	};
	struct hs_reader	*r;
	struct hs_block		 b;
	struct fblock		*f;
	uint64_t		 expect = NONE, prev_end = 0;
	size_t			 n, k;
	int			 rv;

	CHECK((r = hs_reader_open(path, &o)) != NULL);
	while ((rv = hs_reader_next(r, &b)) == 1) {
		CHECK(b.len >= 1 && b.len <= maxb);
		CHECK(b.start <= size && b.len <= size - b.start);
		CHECK(memcmp(b.text, data + b.start, b.len) == 0);
		CHECK(hs_space_len((const unsigned char *)b.text, b.len) == 0);
		for (k = 1; k <= 3 && k <= b.len; k++)
			CHECK(hs_space_len((const unsigned char *)b.text + b.len - k, k) != k);
		CHECK(strlen(b.date) == 10 || strcmp(b.date, "-") == 0);
		if (expect != NONE && !((b.start == expect && b.start + b.len > prev_end) ||
		    b.start >= prev_end))
			fprintf(stdout, "unread: expected %llu, prev_end %llu, got %llu+%zu\n",
			    (unsigned long long)expect, (unsigned long long)prev_end,
			    (unsigned long long)b.start, b.len);
		if (expect != NONE)	/* after an unread, unless it could not be kept */
			CHECK((b.start == expect && b.start + b.len > prev_end) ||
			    b.start >= prev_end);
		expect = NONE;
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			CHECK((l->v = reallocarray(l->v, l->cap, sizeof(*l->v))) != NULL);
		}
		f = &l->v[l->n++];
		CHECK(strlen(b.doc) < sizeof(f->doc));
		strlcpy(f->doc, b.doc, sizeof(f->doc));
		strlcpy(f->date, b.date, sizeof(f->date));
		f->par = b.par;
		f->start = b.start;
		f->len = b.len;
		f->article_start = b.article_start;
		f->cut = b.cut;
		prev_end = b.start + b.len;
		if (b.cut && unread_div > 0 && (n = b.len / unread_div) > 0) {
			hs_reader_unread(r, n);
			expect = b.start + b.len - n;
			while (hs_space_len(data + expect, size - expect) > 0)
				expect += hs_space_len(data + expect, size - expect);
		}
	}
	CHECK(rv == 0);
	hs_reader_close(r);
}

static bool
same_block(const struct fblock *a, const struct fblock *b)
{
	return strcmp(a->doc, b->doc) == 0 && strcmp(a->date, b->date) == 0 &&
	    a->par == b->par && a->start == b->start && a->len == b->len &&
	    a->article_start == b->article_start && a->cut == b->cut;
}

/* Blocks follow each other, and paragraph numbers and article starts add up. */
static void
check_order(const struct flist *l, bool unread)
{
	const struct fblock *a, *b;
	size_t i;

	for (i = 0; i < l->n; i++) {
		b = &l->v[i];
		if (i == 0) {
			CHECK(b->article_start && b->par == 1);
			continue;
		}
		a = &l->v[i - 1];
		if (unread && a->cut)	/* bytes handed back come again */
			CHECK(a->start < b->start &&
			    a->start + a->len < b->start + b->len);
		else
			CHECK(a->start + a->len <= b->start);
		if (a->cut)
			CHECK(!b->article_start && b->par == a->par &&
			    strcmp(a->doc, b->doc) == 0);
		else if (b->article_start)
			CHECK(b->par == 1);
		else
			CHECK(b->par == a->par + 1 && strcmp(a->doc, b->doc) == 0);
	}
}

/* Paragraph mode: every byte is in one block, in a header, or white space. */
static void
check_cover(const struct flist *l)
{
	unsigned char *mark;
	size_t i, j, k;

	CHECK((mark = calloc(size + 1, 1)) != NULL);
	for (i = 0; i < l->n; i++)
		for (j = 0; j < l->v[i].len; j++) {
			CHECK(mark[l->v[i].start + j] == 0);
			mark[l->v[i].start + j] = 1;
		}
	for (i = 0; i < size; i++)
		if (ref_header(i)) {
			for (j = 0; j < 15; j++) {
				CHECK(mark[i + j] != 1);
				mark[i + j] = 2;
			}
		}
	for (i = 0; i < size; i += k) {
		if (mark[i] != 0) {
			k = 1;
			continue;
		}
		k = hs_space_len(data + i, size - i);
		CHECK(k > 0);
	}
	free(mark);
}

static void
check_ranges(const struct flist *whole, enum hs_unit unit, size_t maxb,
    unsigned unread_div, uint64_t c1, uint64_t c2)
{
	struct flist parts = { NULL, 0, 0 };
	size_t i;

	collect(&parts, unit, maxb, 0, c1, unread_div);
	if (c1 < c2)
		collect(&parts, unit, maxb, c1, c2, unread_div);
	if (c2 < UINT64_MAX)
		collect(&parts, unit, maxb, c2, UINT64_MAX, unread_div);
	for (i = 0; i < parts.n && i < whole->n; i++)
		if (!same_block(&parts.v[i], &whole->v[i]))
			break;
	if (i < parts.n || i < whole->n)	/* say where, for the one who debugs */
		fprintf(stdout, "ranges [0,%llu,%llu) unit %d max %zu read %zu unread %u: "
		    "block %zu differs\n", (unsigned long long)c1,
		    (unsigned long long)c2, unit, maxb, hs_reader_read_size,
		    unread_div, i);
	CHECK(parts.n == whole->n);
	for (i = 0; i < parts.n; i++)
		CHECK(same_block(&parts.v[i], &whole->v[i]));
	free(parts.v);
}

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	/* The reader warns about the bad data the fuzzer feeds it; libFuzzer and the
	 * sanitizers keep the real standard error. */
	stderr = fopen("/dev/null", "w");
	if ((fd = memfd_create("fuzz_reader", 0)) == -1)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t n)
{
	struct flist whole = { NULL, 0, 0 };
	uint64_t h = 1469598103934665603ULL, c1, c2, t;
	static const enum hs_unit unit[] = { HS_UNIT_PARAGRAPH, HS_UNIT_ARTICLE,
	    HS_UNIT_PARAGRAPH };
	static const bool udiv[] = { false, false, true };
	size_t maxb, i, small;
	int fd, pass;
	unsigned div;

	data = buf;
	size = n;
	CHECK((fd = open(path, O_RDWR | O_TRUNC)) != -1);
	CHECK(write(fd, buf, n) == (ssize_t)n);
	close(fd);
	for (i = 0; i < n; i++)
		h = (h ^ buf[i]) * 1099511628211ULL;
	maxb = 4 + h % 61;
	c1 = (h >> 8) % (n + 1);
	c2 = (h >> 24) % (n + 1);
	if (c1 > c2) {
		t = c1;
		c1 = c2;
		c2 = t;
	}

	div = 2 + (unsigned)(h >> 40) % 3;
	small = 1 + (size_t)(h >> 48) % 23;
	for (pass = 0; pass < 3; pass++) {
		hs_reader_read_size = 256 << 10;
		collect(&whole, unit[pass], maxb, 0, UINT64_MAX, udiv[pass] ? div : 0);
		check_order(&whole, udiv[pass]);
		if (unit[pass] == HS_UNIT_PARAGRAPH && udiv[pass] == 0)
			check_cover(&whole);
		/* chunk ends anywhere, and ranges, change nothing */
		hs_reader_read_size = small;
		check_ranges(&whole, unit[pass], maxb, udiv[pass] ? div : 0, 0, UINT64_MAX);
		check_ranges(&whole, unit[pass], maxb, udiv[pass] ? div : 0, c1, c2);
		whole.n = 0;
	}
	hs_reader_read_size = 256 << 10;

	/* with a large limit, an article block runs from its first paragraph to its last */
	{
		struct flist paras = { NULL, 0, 0 };
		size_t j = 0;

		collect(&paras, HS_UNIT_PARAGRAPH, HS_MAX_BLOCK, 0, UINT64_MAX, 0);
		collect(&whole, HS_UNIT_ARTICLE, HS_MAX_BLOCK, 0, UINT64_MAX, 0);
		for (i = 0; i < whole.n; i++) {
			CHECK(j < paras.n && paras.v[j].article_start);
			CHECK(paras.v[j].start == whole.v[i].start);
			CHECK(strcmp(paras.v[j].doc, whole.v[i].doc) == 0);
			for (j++; j < paras.n && !paras.v[j].article_start; j++)
				continue;
			CHECK(paras.v[j - 1].start + paras.v[j - 1].len ==
			    whole.v[i].start + whole.v[i].len);
		}
		CHECK(j == paras.n);
		free(paras.v);
	}
	free(whole.v);
	return 0;
}
