/* hs_reader.c: the article reader: finds article headers and paragraphs in one input
 * and hands them out as blocks, streaming through a sliding window of bounded size. */
#include <sys/types.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unistd.h>

#include "config.h"
#include "hs_reader.h"
#include "hs_utf8.h"
#include "hs_util.h"

/*
 * How it works.  The input is read with read(2), a chunk at a time, into a window
 * buf[0..len) that holds the input bytes [base, base + len).  All positions below are
 * input offsets (uint64_t); AT() turns one into a pointer into the window.
 *
 * Headers are found by looking for the '-' that stands 9 bytes after the 'd' of
 * "date YYYY-MM-DD" (memchr is fast and '-' is rare enough in prose); each hit is
 * checked for the full shape and then for its context, which next_header() looks up no
 * more than CONTEXT bytes back.  The window always keeps CONTEXT bytes before the
 * place where the next header could be, so a candidate is judged on the same bytes
 * however the input was cut into chunks, and a reader that starts CONTEXT bytes before
 * opts.from judges it the same as a reader that started at 0.
 *
 * Paragraphs are found with memchr for newlines: after each newline the next line is
 * checked for being blank.  A block is given as a pointer into the window; only when a
 * block's text is followed by a run of white space too long for the window (detach())
 * is the text copied aside, so memory stays bounded by max_block plus a few chunks.
 *
 * No decision depends on where a chunk ended: wherever the window ends in the middle
 * of something that more bytes could change (a header, a blank line, a multibyte white
 * space), the reader reads more before deciding.
 */

#define CHUNK		((size_t)256 << 10)
#define CONTEXT		((uint64_t)HS_HEADER_LOOKBACK + 64)
#define HEADER_LEN	15		/* "date YYYY-MM-DD" */
#define NONE		UINT64_MAX

/* The size of each read.  Not in hs_reader.h: only the tests change it, to put chunk
 * ends at every place of their inputs. */
size_t	hs_reader_read_size = CHUNK;

enum hs_state {
	RS_SEEK,	/* range mode: looking for the first header at or after opts.from */
	RS_GAP,		/* looking for the next paragraph or header from pos */
	RS_PARA,	/* in a paragraph (or article) that starts at s, scanned up to q */
	RS_DETACHED,	/* the text [d_start, +d_len) is in side; scanning white space at pos */
	RS_DONE,
	RS_ERROR
};

enum { STEP_AGAIN, STEP_MORE, STEP_BLOCK };
enum { HDR_NO, HDR_YES, HDR_MAYBE };

struct hs_reader {
	int		 fd;
	bool		 own_fd;
	bool		 regular;	/* a regular file: reads never wait */
	void		(*before_wait)(void *);
	void		*wait_arg;
	char		*name;		/* in messages */
	char		*docname;	/* hs_doc_name() of the input */
	char		*doc;		/* id of the current article */
	size_t		 doccap;
	char		 date[11];

	enum hs_unit	 unit;
	size_t		 max_block;
	uint64_t	 from, to;
	size_t		 chunk;		/* hs_reader_read_size when opened */

	unsigned char	*buf;		/* the window: input bytes [base, base + len) */
	size_t		 cap, len;
	uint64_t	 base;
	bool		 eof;
	uint64_t	 nread;

	/* Headers: none in [search start, hdr_upto) but hdr_pos, if not NONE. */
	uint64_t	 hdr_pos, hdr_upto;
	uint64_t	 hdr_seen_end;	/* window end at the last search */
	bool		 hdr_seen_eof;

	enum hs_state	 state;
	uint64_t	 pos;		/* RS_SEEK, RS_GAP, RS_DETACHED: scan position */
	uint64_t	 s, q;		/* RS_PARA: block start; scanned up to q */
	bool		 q_blank;	/* q is in white space after the newline at q_nl */
	uint64_t	 q_nl;
	uint64_t	 tail_q, tail_e;/* [s, tail_q) has its last non-white byte at tail_e - 1 */
	bool		 article_open;
	bool		 first_taken;	/* the input's first article has been seen */
	bool		 fresh;		/* no block of the current article given yet */
	unsigned long	 par;

	/* The last block, for hs_reader_unread. */
	bool		 last_cut;
	uint64_t	 last_start;
	size_t		 last_len;
	uint64_t	 must_pass;	/* after an unread: the next block must reach this */

	unsigned char	*side;		/* RS_DETACHED: the pending block's text */
	size_t		 side_cap;
	uint64_t	 d_start;
	size_t		 d_len;
	unsigned	 d_nl;		/* newlines seen since the text */

	uint64_t	 v_off;		/* bytes before this have been checked for UTF-8 */
	bool		 warned_utf8, warned_nul, warned_date, warned_cut;
	bool		 failed;

	/* Line numbers: nl_count newlines in [nl_base, nl_off); nl_base_lines (computed
	 * only when a message needs it, in range mode) newlines before nl_base. */
	bool		 nl_on;
	uint64_t	 nl_base, nl_off, nl_count;
	bool		 nl_base_known;
	uint64_t	 nl_base_lines;
};

#define AT(r, off)	((r)->buf + (size_t)((off) - (r)->base))
#define OFF(r, p)	((r)->base + (uint64_t)((p) - (r)->buf))
#define WIN_END(r)	((r)->base + (r)->len)

static bool	maybe_space_prefix(const unsigned char *, size_t);
static size_t	space_before(const unsigned char *, const unsigned char *);
static const unsigned char *trim_back(const unsigned char *, const unsigned char *);
static uint64_t	count_newlines(const unsigned char *, size_t);
static bool	valid_date(const unsigned char *);
static int	header_shape(const unsigned char *, size_t);
static bool	header_context(struct hs_reader *, uint64_t);
static int	header_at(struct hs_reader *, uint64_t);
static uint64_t	next_header(struct hs_reader *, uint64_t);
static unsigned long long line_of(struct hs_reader *, uint64_t);
static bool	check_text(struct hs_reader *, uint64_t, const unsigned char *, size_t);
static bool	blank_before(struct hs_reader *, uint64_t);
static int	fill(struct hs_reader *);
static int	open_article(struct hs_reader *, uint64_t, bool);
static void	give(struct hs_reader *, struct hs_block *, uint64_t,
		    const unsigned char *, size_t, uint64_t);
static uint64_t	block_end_so_far(struct hs_reader *);
static int	cut(struct hs_reader *, uint64_t, struct hs_block *);
static int	detach(struct hs_reader *, uint64_t);
static int	step_seek(struct hs_reader *);
static int	step_gap(struct hs_reader *);
static int	step_para(struct hs_reader *, struct hs_block *);
static int	step_detached(struct hs_reader *, struct hs_block *);

void
hs_doc_name(const char *path, char *id, size_t idsize)
{
	const char *b, *e, *dot;
	size_t n;

	if (idsize == 0)
		return;
	if (path == NULL || strcmp(path, "-") == 0) {
		strlcpy(id, "stdin", idsize);
		return;
	}
	e = path + strlen(path);
	while (e > path + 1 && e[-1] == '/')	/* "dir/" names dir */
		e--;
	for (b = e; b > path && b[-1] != '/'; b--)
		continue;
	for (dot = e; dot > b && *dot != '.'; dot--)
		continue;
	if (dot > b)	/* a leading dot starts a name, not an extension */
		e = dot;
	n = (size_t)(e - b);
	if (n >= idsize)
		n = idsize - 1;
	memcpy(id, b, n);
	id[n] = '\0';
}

struct hs_reader *
hs_reader_open(const char *path, const struct hs_reader_opts *opts)
{
	bool	use_stdin = path == NULL || strcmp(path, "-") == 0;
	int	fd;

	if (use_stdin)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		warn("%s", path);
		return NULL;
	}
	return hs_reader_open_fd(fd, path, opts, NULL, 0);
}

struct hs_reader *
hs_reader_open_fd(int fd, const char *path, const struct hs_reader_opts *opts,
    const void *head, size_t nhead)
{
	static const struct hs_reader_opts whole = {
		.unit = HS_UNIT_PARAGRAPH, .from = 0, .to = UINT64_MAX,
	};
	struct hs_reader	*r;
	struct stat		 st;
	const char		*name;
	char			*docname;
	size_t			 dlen;
	bool			 use_stdin;

	if (opts == NULL)
		opts = &whole;
	use_stdin = path == NULL || strcmp(path, "-") == 0;
	name = use_stdin ? "stdin" : path;
	if (nhead > 0 && opts->from > 0) {
		warnx("%s: cannot seek", name);
		goto fail;
	}
	if (fstat(fd, &st) == -1) {
		warn("%s", name);
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		warn("%s", name);
		goto fail;
	}
	if (opts->from > 0 && (!S_ISREG(st.st_mode) ||
	    lseek(fd, opts->from > CONTEXT ? (off_t)(opts->from - CONTEXT) : 0,
	    SEEK_SET) == -1)) {
		warnx("%s: cannot seek", name);
		goto fail;
	}

	if ((r = calloc(1, sizeof(*r))) == NULL)
		err(HS_EXIT_DATA, NULL);
	dlen = strlen(name) + 1;
	if ((r->name = strdup(name)) == NULL || (docname = malloc(dlen)) == NULL)
		err(HS_EXIT_DATA, NULL);
	hs_doc_name(use_stdin ? NULL : path, docname, dlen);
	r->docname = docname;
	r->doccap = strlen(docname) + 24;	/* "@" and 20 digits */
	if ((r->doc = malloc(r->doccap)) == NULL)
		err(HS_EXIT_DATA, NULL);
	r->doc[0] = '\0';
	strlcpy(r->date, "-", sizeof(r->date));
	r->fd = fd;
	r->own_fd = !use_stdin;
	r->regular = S_ISREG(st.st_mode);
	r->before_wait = opts->before_wait;
	r->wait_arg = opts->wait_arg;
	r->unit = opts->unit;
	r->max_block = opts->max_block == 0 ? HS_MAX_BLOCK : opts->max_block;
	r->from = opts->from;
	r->to = opts->to;
	r->chunk = hs_reader_read_size > 0 ? hs_reader_read_size : CHUNK;
	r->cap = 4 * r->chunk;
	if (r->cap < nhead)
		r->cap = nhead;
	if ((r->buf = malloc(r->cap)) == NULL)
		err(HS_EXIT_DATA, NULL);
	if (nhead > 0) {
		memcpy(r->buf, head, nhead);
		r->len = nhead;
		r->nread = nhead;
	}
	r->hdr_pos = NONE;
	r->hdr_seen_end = NONE;
	r->must_pass = NONE;
	if (opts->from > 0) {
		r->base = opts->from > CONTEXT ? opts->from - CONTEXT : 0;
		r->state = RS_SEEK;
		r->pos = opts->from;
	} else {
		r->state = RS_GAP;
		r->nl_on = true;
		r->nl_base_known = true;
	}
	r->hdr_upto = r->pos;
	r->v_off = r->base;
	return r;

fail:
	if (!use_stdin)
		close(fd);
	return NULL;
}

void
hs_reader_close(struct hs_reader *r)
{
	if (r == NULL)
		return;
	if (r->own_fd)
		close(r->fd);
	free(r->name);
	free(r->docname);
	free(r->doc);
	free(r->buf);
	free(r->side);
	free(r);
}

uint64_t
hs_reader_bytes_read(const struct hs_reader *r)
{
	return r->nread;
}

bool
hs_reader_failed(const struct hs_reader *r)
{
	return r->failed;
}

int
hs_reader_next(struct hs_reader *r, struct hs_block *blk)
{
	int step;

	for (;;) {
		switch (r->state) {
		case RS_SEEK:
			step = step_seek(r);
			break;
		case RS_GAP:
			step = step_gap(r);
			break;
		case RS_PARA:
			step = step_para(r, blk);
			break;
		case RS_DETACHED:
			step = step_detached(r, blk);
			break;
		case RS_DONE:
			return 0;
		default:
			return -1;
		}
		if (step == STEP_BLOCK)
			return 1;
		if (step == STEP_MORE && fill(r) == -1) {
			r->state = RS_ERROR;
			r->failed = true;
			return -1;
		}
	}
}

void
hs_reader_unread(struct hs_reader *r, size_t n)
{
	const unsigned char *p, *end;
	uint64_t at;
	size_t k;

	/* Only the rest of a cut paragraph can take the bytes back, and only while
	 * they are still in the window (not after a detached block). */
	if (!r->last_cut || n == 0 || r->state != RS_PARA)
		return;
	if (n > r->last_len)
		n = r->last_len;
	at = r->last_start + r->last_len - n;
	if (at < r->base)
		return;
	p = AT(r, at);
	end = AT(r, r->last_start + r->last_len);
	while (p < end && (k = hs_space_len(p, (size_t)(end - p))) > 0)
		p += k;
	r->must_pass = r->s;
	r->s = OFF(r, p);
	r->last_cut = false;
}

/* Whether the n (< 3) bytes at p could begin a white-space character. */
static bool
maybe_space_prefix(const unsigned char *p, size_t n)
{
	switch (p[0]) {
	case 0xC2:
		return n == 1;
	case 0xE2:
		return n == 1 || p[1] == 0x80 || p[1] == 0x81;
	case 0xE3:
		return n == 1 || p[1] == 0x80;
	case 0xEF:
		return n == 1 || p[1] == 0xBB;
	default:
		return false;
	}
}

/* Length of the white-space character (newline included) that ends just before p,
 * looking no further back than lo; 0 when there is none. */
static size_t
space_before(const unsigned char *lo, const unsigned char *p)
{
	unsigned char c = p[-1];

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c < 0x80)
		return 0;
	if (c == 0xA0 && p - lo >= 2 && p[-2] == 0xC2)
		return 2;
	if (p - lo >= 3 && hs_space_len(p - 3, 3) == 3)
		return 3;
	return 0;
}

static const unsigned char *
trim_back(const unsigned char *lo, const unsigned char *p)
{
	size_t k;

	while (p > lo && (k = space_before(lo, p)) > 0)
		p -= k;
	return p;
}

/* Every input byte passes through here once (line numbers for messages), and news
 * has a newline every hundred bytes or so: counted sixteen bytes at a time rather
 * than found one memchr call each. */
static uint64_t
count_newlines(const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;
	uint64_t count = 0;

#ifdef __SSE2__
	const __m128i	nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i		acc, sums;
	int		k;

	while (end - p >= 16) {
		/* each byte lane counts up to 255 newlines, then the lanes are summed */
		acc = zero;
		for (k = 0; k < 255 && end - p >= 16; k++, p += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(
			    _mm_loadu_si128((const __m128i *)(const void *)p), nl));
		sums = _mm_sad_epu8(acc, zero);
		count += (uint64_t)_mm_cvtsi128_si32(sums) +
		    (uint64_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
	}
#endif
	for (; p < end; p++)
		count += *p == '\n';
	return count;
}

/* s is "YYYY-MM-DD" with digits in place: whether it names a real day. */
static bool
valid_date(const unsigned char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

/* Whether the n bytes at p match "date DDDD-DD-DD" (HDR_YES), could still do with more
 * bytes (HDR_MAYBE), or not. */
static int
header_shape(const unsigned char *p, size_t n)
{
	static const char shape[] = "date 0000-00-00";
	size_t i;

	if (n > HEADER_LEN)
		n = HEADER_LEN;
	for (i = 0; i < n; i++) {
		if (shape[i] == '0') {
			if (p[i] < '0' || p[i] > '9')
				return HDR_NO;
		} else if (p[i] != (unsigned char)shape[i])
			return HDR_NO;
	}
	return n == HEADER_LEN ? HDR_YES : HDR_MAYBE;
}

/* Whether what stands before the "date" at h makes it a header (rules 1 and 2 of
 * hs_reader.h).  Looks at no byte before h - CONTEXT, so the answer is the same in a
 * reader that started reading CONTEXT bytes before h. */
static bool
header_context(struct hs_reader *r, uint64_t h)
{
	const unsigned char *lo, *p, *start;
	uint64_t lo_off;
	size_t k, run;

	lo_off = h > CONTEXT ? h - CONTEXT : 0;
	if (lo_off < r->base)	/* cannot happen: the window keeps the context */
		lo_off = r->base;
	lo = AT(r, lo_off);
	start = AT(r, h);

	/* (1) only white space since the line start (or the input start) */
	for (p = start, run = 0;;) {
		if (OFF(r, p) == 0 || p[-1] == '\n')
			return true;
		if (p == lo || (k = space_before(lo, p)) == 0)
			break;
		p -= k;
		if ((run += k) > HS_HEADER_LOOKBACK)
			return true;
	}

	/* (2) a sentence end, closing marks, then any spaces or tabs: none at all
	 * where cat joined a file without a final newline to one starting "date" */
	for (p = start; p > lo && (p[-1] == ' ' || p[-1] == '\t'); p--)
		continue;
	for (;;) {
		if (p - lo >= 1 && (p[-1] == '"' || p[-1] == '\'' || p[-1] == ')' ||
		    p[-1] == ']'))
			p--;
		else if (p - lo >= 3 && p[-3] == 0xE2 && p[-2] == 0x80 &&
		    (p[-1] == 0x9D || p[-1] == 0x99))	/* U+201D, U+2019 */
			p -= 3;
		else if (p - lo >= 2 && p[-2] == 0xC2 && p[-1] == 0xBB)	/* U+00BB */
			p -= 2;
		else
			break;
	}
	if (p - lo >= 1 && (p[-1] == '.' || p[-1] == '!' || p[-1] == '?'))
		return true;
	if (p - lo >= 3 && p[-3] == 0xE2 && p[-2] == 0x80 && p[-1] == 0xA6)	/* U+2026 */
		return true;
	return false;
}

/* Whether a header starts at h, which is in the window. */
static int
header_at(struct hs_reader *r, uint64_t h)
{
	const unsigned char *p = AT(r, h);
	size_t avail = (size_t)(WIN_END(r) - h);
	int shape;

	if ((shape = header_shape(p, avail)) == HDR_NO)
		return HDR_NO;
	if (shape == HDR_MAYBE)
		return r->eof ? HDR_NO : HDR_MAYBE;
	if (avail == HEADER_LEN) {
		if (!r->eof)
			return HDR_MAYBE;
	} else if (hs_space_len(p + HEADER_LEN, avail - HEADER_LEN) == 0) {
		if (!r->eof && avail - HEADER_LEN < 3 &&
		    maybe_space_prefix(p + HEADER_LEN, avail - HEADER_LEN))
			return HDR_MAYBE;
		return HDR_NO;
	}
	return header_context(r, h) ? HDR_YES : HDR_NO;
}

/* The first header at or after from, or NONE; then nothing in [from, hdr_upto) is one
 * and the window must grow before anything at hdr_upto can be told. */
static uint64_t
next_header(struct hs_reader *r, uint64_t from)
{
	const unsigned char *hit;
	uint64_t end = WIN_END(r), p;
	int v;

	if (r->hdr_pos != NONE) {
		if (r->hdr_pos >= from)
			return r->hdr_pos;
		r->hdr_pos = NONE;
	}
	if (from < r->hdr_upto && r->hdr_seen_end == end && r->hdr_seen_eof == r->eof)
		return NONE;
	r->hdr_seen_end = end;
	r->hdr_seen_eof = r->eof;
	p = from > r->hdr_upto ? from : r->hdr_upto;
	if (p < r->base)
		p = r->base;
	while (p + 9 < end) {
		hit = memchr(AT(r, p + 9), '-', (size_t)(end - p - 9));
		if (hit == NULL) {
			p = end - 9;
			break;
		}
		p = OFF(r, hit) - 9;
		if ((v = header_at(r, p)) == HDR_YES) {
			r->hdr_pos = r->hdr_upto = p;
			return p;
		}
		if (v == HDR_MAYBE) {
			r->hdr_upto = p;
			return NONE;
		}
		p++;
	}
	/* Too near the end for a '-' to show: undecided if the shape may yet come. */
	if (!r->eof)
		for (; p < end; p++)
			if (header_shape(AT(r, p), (size_t)(end - p)) != HDR_NO) {
				r->hdr_upto = p;
				return NONE;
			}
	r->hdr_upto = end > p ? end : p;
	return NONE;
}

/* The 1-based line of input offset x, which is in the window. */
static unsigned long long
line_of(struct hs_reader *r, uint64_t x)
{
	unsigned char *tmp;
	uint64_t lines, off;
	ssize_t got;

	if (!r->nl_base_known) {
		/* Range mode: count the lines before the first article, once. */
		r->nl_base_known = true;
		if ((tmp = malloc(r->chunk)) == NULL)
			err(HS_EXIT_DATA, NULL);
		for (off = 0; off < r->nl_base; off += (uint64_t)got) {
			got = pread(r->fd, tmp, r->nl_base - off < r->chunk ?
			    (size_t)(r->nl_base - off) : r->chunk, (off_t)off);
			if (got <= 0)
				break;
			r->nl_base_lines += count_newlines(tmp, (size_t)got);
		}
		free(tmp);
	}
	if (x < r->base)
		x = r->base;
	if (x > WIN_END(r))
		x = WIN_END(r);
	lines = r->nl_base_lines + r->nl_count;
	if (x >= r->nl_off)
		lines += count_newlines(AT(r, r->nl_off), (size_t)(x - r->nl_off));
	else
		lines -= count_newlines(AT(r, x), (size_t)(r->nl_off - x));
	return (unsigned long long)lines + 1;
}

/* Whether a block's text is clean (valid UTF-8 without NUL); if not, warn about the
 * first invalid UTF-8 and the first NUL in it. Bytes given before (a block handed
 * back by hs_reader_unread) are not warned about again. */
static bool
check_text(struct hs_reader *r, uint64_t start, const unsigned char *text, size_t n)
{
	const unsigned char *p = text, *end = text + n, *bad;

	/* Most text is clean: one pass tells, and lets the writer skip its own check. */
	if (hs_utf8_find_bad(text, n) == n) {
		if (start + n > r->v_off)
			r->v_off = start + n;
		return true;
	}
	if (start + n <= r->v_off)
		return false;
	if (start < r->v_off)
		p += r->v_off - start;
	r->v_off = start + n;
	while (p < end && !(r->warned_utf8 && r->warned_nul)) {
		if (r->warned_utf8) {
			if ((bad = memchr(p, '\0', (size_t)(end - p))) == NULL)
				break;
		} else if ((bad = p + hs_utf8_find_bad(p, (size_t)(end - p))) == end)
			break;
		if (*bad == '\0') {
			if (!r->warned_nul) {
				warnx("%s:%llu: NUL byte", r->name,
				    line_of(r, start + (uint64_t)(bad - text)));
				r->warned_nul = r->failed = true;
			}
			for (p = bad; p < end && *p == '\0'; p++)
				continue;
		} else {
			warnx("%s:%llu: invalid UTF-8", r->name,
			    line_of(r, start + (uint64_t)(bad - text)));
			r->warned_utf8 = r->failed = true;
			p = bad + 1;
		}
	}
	return false;
}

/* Whether the input bytes [0, h) are all white space: then the article at h is the
 * input's first.  The window may not hold them (range mode), so they are pread. */
static bool
blank_before(struct hs_reader *r, uint64_t h)
{
	unsigned char *tmp;
	uint64_t off;
	size_t i, k, want;
	ssize_t got;
	bool blank = true;

	if (r->base == 0) {
		for (i = 0; i < h; i += k)
			if ((k = hs_space_len(r->buf + i, (size_t)(h - i))) == 0)
				return false;
		return true;
	}
	if ((tmp = malloc(r->chunk)) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (off = 0; blank && off < h; off += i) {
		want = h - off < r->chunk ? (size_t)(h - off) : r->chunk;
		if ((got = pread(r->fd, tmp, want, (off_t)off)) <= 0) {
			blank = false;
			break;
		}
		for (i = 0; i < (size_t)got; i += k)
			if ((k = hs_space_len(tmp + i, (size_t)got - i)) == 0)
				break;
		if (i < (size_t)got) {
			/* a character cut by the chunk end is read again */
			if (!((size_t)got - i < 3 && off + (uint64_t)got < h && i > 0))
				blank = false;
		}
	}
	free(tmp);
	return blank;
}

/* Make room and read once more.  Keeps what the state still needs: the block being
 * built and CONTEXT bytes before the scan position for header checks. */
static int
fill(struct hs_reader *r)
{
	unsigned char *nbuf;
	uint64_t keep;
	size_t drop, ncap;
	ssize_t got;

	if (r->eof) {	/* a state asked for more than there is: a bug */
		warnx("%s: internal error in the reader", r->name);
		return -1;
	}
	switch (r->state) {
	case RS_PARA:
		keep = r->q > CONTEXT ? r->q - CONTEXT : 0;
		if (r->s < keep)
			keep = r->s;
		break;
	default:
		keep = r->pos > CONTEXT ? r->pos - CONTEXT : 0;
		break;
	}
	if (keep < r->base)
		keep = r->base;
	if (keep > WIN_END(r))
		keep = WIN_END(r);
	if (r->cap - r->len < r->chunk && keep > r->base) {
		if (r->nl_on && r->nl_off < keep) {
			r->nl_count += count_newlines(AT(r, r->nl_off),
			    (size_t)(keep - r->nl_off));
			r->nl_off = keep;
		}
		drop = (size_t)(keep - r->base);
		memmove(r->buf, r->buf + drop, r->len - drop);
		r->len -= drop;
		r->base = keep;
	}
	if (r->cap - r->len < r->chunk) {
		ncap = r->len + r->chunk;
		if (ncap < r->cap + r->cap / 2)
			ncap = r->cap + r->cap / 2;
		if ((nbuf = realloc(r->buf, ncap)) == NULL)
			err(HS_EXIT_DATA, NULL);
		r->buf = nbuf;
		r->cap = ncap;
	}
	got = hs_read_once(r->fd, r->buf + r->len, r->chunk, r->regular, r->before_wait,
	    r->wait_arg);
	if (got == -1) {
		warn("%s", r->name);
		return -1;
	}
	if (got == 0)
		r->eof = true;
	r->len += (size_t)got;
	r->nread += (uint64_t)got;
	return 0;
}

/* An article starts at header h (or, with h == NONE, before the first header). */
static int
open_article(struct hs_reader *r, uint64_t h, bool first)
{
	const unsigned char *d;

	if ((h == NONE ? 0 : h) >= r->to) {
		r->state = RS_DONE;
		return STEP_AGAIN;
	}
	r->first_taken = true;
	r->article_open = true;
	r->fresh = true;
	r->par = 0;
	if (h == NONE) {
		strlcpy(r->doc, r->docname, r->doccap);
		strlcpy(r->date, "-", sizeof(r->date));
		return STEP_AGAIN;
	}
	if (first)
		strlcpy(r->doc, r->docname, r->doccap);
	else
		snprintf(r->doc, r->doccap, "%s@%llu", r->docname,
		    (unsigned long long)h);
	d = AT(r, h) + 5;
	if (valid_date(d)) {
		memcpy(r->date, d, 10);
		r->date[10] = '\0';
	} else {
		strlcpy(r->date, "-", sizeof(r->date));
		if (!r->warned_date) {
			warnx("%s:%llu: impossible date '%.10s'", r->name,
			    line_of(r, h), (const char *)d);
			r->warned_date = true;
		}
		r->failed = true;
	}
	r->hdr_pos = NONE;
	r->hdr_upto = h + 1;
	r->pos = h + HEADER_LEN;
	r->state = RS_GAP;
	return STEP_AGAIN;
}

/* Hand out a block; rest is where a cut block's paragraph goes on, or NONE. */
static void
give(struct hs_reader *r, struct hs_block *blk, uint64_t start,
    const unsigned char *text, size_t len, uint64_t rest)
{
	bool was_cut = rest != NONE;

	blk->clean = check_text(r, start, text, len);
	blk->doc = r->doc;
	blk->date = r->date;
	blk->par = r->par;
	blk->start = start;
	blk->text = (const char *)text;
	blk->len = len;
	blk->article_start = r->fresh;
	blk->cut = was_cut;
	r->fresh = false;
	r->last_cut = was_cut;
	r->last_start = start;
	r->last_len = len;
	r->must_pass = NONE;
	if (was_cut && !r->warned_cut) {
		warnx("%s:%llu: %s longer than %zu bytes cut", r->name,
		    line_of(r, rest), r->unit == HS_UNIT_ARTICLE ? "article" :
		    "paragraph", r->max_block);
		r->warned_cut = true;
	}
	if (was_cut)
		r->failed = true;
}

/* The end of the text seen so far in the paragraph at s: [s, q) without its trailing
 * white space, counting bytes at q that may yet become white space as such. */
static uint64_t
block_end_so_far(struct hs_reader *r)
{
	const unsigned char *lo, *p, *stop;
	uint64_t q = r->q, e;
	size_t avail = 0;

	p = AT(r, q);
	lo = AT(r, r->s);
	/* an unfinished character at the window end */
	if (!r->eof) {
		if (p - lo > 2 && maybe_space_prefix(p - 2, 2))
			avail = 2;
		else if (p - lo > 1 && maybe_space_prefix(p - 1, 1))
			avail = 1;
	}
	p -= avail;
	if (r->tail_q < r->s || r->tail_q > OFF(r, p) || r->tail_e < r->s) {
		r->tail_q = r->tail_e = r->s;
	}
	stop = AT(r, r->tail_q);
	p = trim_back(stop > lo ? stop : lo, p);
	e = OFF(r, p);
	if (p == stop && r->tail_q > r->s)
		e = r->tail_e;
	r->tail_q = q - avail;
	r->tail_e = e;
	return e;
}

/* Give the first part of the too long block [s, e) (e - s > max_block): up to the last
 * white space before the limit, else up to a character boundary. */
static int
cut(struct hs_reader *r, uint64_t e, struct hs_block *blk)
{
	const unsigned char *lo, *lim, *c, *wend, *t, *text;
	uint64_t rest;
	size_t k;

	for (;;) {
		/* after an unread, the block must at least reach the bytes not given yet */
		lo = AT(r, r->must_pass != NONE ? r->must_pass + 1 : r->s + 1);
		lim = AT(r, r->s + r->max_block);
		wend = r->buf + r->len;
		for (c = lim; c >= lo; c--)
			if ((*c == ' ' || (*c >= '\t' && *c <= '\r')) ||
			    (*c >= 0xC2 && hs_space_len(c, (size_t)(wend - c)) > 0))
				break;
		text = AT(r, r->s);
		if (c >= lo) {
			t = c;
			while ((k = hs_space_len(t, (size_t)(wend - t))) > 0)
				t += k;
			rest = OFF(r, t);
			c = trim_back(text, c);
			break;
		}
		c = text + hs_utf8_complete_prefix(text, r->max_block);
		if (c >= lo) {
			rest = OFF(r, c);
			break;
		}
		if (r->must_pass != NONE) {
			/* no way forward with the bytes handed back: drop them */
			r->s = r->must_pass;
			r->must_pass = NONE;
			if (e - r->s <= r->max_block)
				return STEP_AGAIN;
			continue;
		}
		c = lim;	/* max_block is smaller than one character */
		rest = OFF(r, c);
		break;
	}
	give(r, blk, r->s, text, (size_t)(c - text), rest);
	r->s = rest;
	if (r->q < rest)
		r->q = rest;
	return STEP_BLOCK;
}

/* The text [s, e) is followed by more white space than the window should hold: copy it
 * aside and go on scanning the white space alone. */
static int
detach(struct hs_reader *r, uint64_t e)
{
	size_t n = (size_t)(e - r->s);

	check_text(r, r->s, AT(r, r->s), n);
	if (n > r->side_cap) {
		free(r->side);
		if ((r->side = malloc(n)) == NULL)
			err(HS_EXIT_DATA, NULL);
		r->side_cap = n;
	}
	memcpy(r->side, AT(r, r->s), n);
	r->d_start = r->s;
	r->d_len = n;
	r->d_nl = (unsigned)count_newlines(AT(r, e), (size_t)(r->tail_q - e));
	r->pos = r->tail_q;
	r->state = RS_DETACHED;
	return STEP_MORE;
}

static int
step_seek(struct hs_reader *r)
{
	uint64_t h;

	if ((h = next_header(r, r->pos)) != NONE) {
		if (h >= r->to) {
			r->state = RS_DONE;
			return STEP_AGAIN;
		}
		r->nl_on = true;
		r->nl_base = r->nl_off = h;
		return open_article(r, h, blank_before(r, h));
	}
	if (r->hdr_upto > r->pos)
		r->pos = r->hdr_upto;
	if (r->pos >= r->to || r->eof) {
		r->state = RS_DONE;
		return STEP_AGAIN;
	}
	return STEP_MORE;
}

/* How a run of white space ended (white_run). */
enum {
	RUN_END,	/* at a byte that is not white space, or the window end */
	RUN_MORE,	/* at an unfinished character that may yet be white space */
	RUN_BLANK	/* just after the newline that makes *newlines two: a blank line */
};

/* Move *pp past the white space that starts there. With newlines not NULL, newlines
 * are counted in it, and the second ends the run. */
static int
white_run(struct hs_reader *r, const unsigned char **pp, const unsigned char *end,
    unsigned *newlines)
{
	const unsigned char *p = *pp;
	size_t k;
	int how = RUN_END;

	while (p < end) {
		if (*p == '\n' && newlines != NULL && ++*newlines >= 2) {
			p++;
			how = RUN_BLANK;
			break;
		}
		if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
			p++;
			continue;
		}
		if (*p < 0xC2)
			break;
		if ((k = hs_space_len(p, (size_t)(end - p))) == 0) {
			if (!r->eof && end - p < 3 && maybe_space_prefix(p, (size_t)(end - p)))
				how = RUN_MORE;
			break;
		}
		p += k;
	}
	*pp = p;
	return how;
}

static int
step_gap(struct hs_reader *r)
{
	const unsigned char *p = AT(r, r->pos), *end = r->buf + r->len;
	uint64_t t, h;

	if (white_run(r, &p, end, NULL) == RUN_MORE) {
		r->pos = OFF(r, p);
		return STEP_MORE;
	}
	r->pos = t = OFF(r, p);
	if (p == end) {
		if (!r->eof)
			return STEP_MORE;
		r->state = RS_DONE;
		return STEP_AGAIN;
	}
	h = next_header(r, t);
	if (h == t)
		return open_article(r, h, !r->first_taken);
	if (h == NONE && t >= r->hdr_upto)
		return STEP_MORE;
	if (!r->article_open) {
		open_article(r, NONE, true);
		if (r->state == RS_DONE)
			return STEP_AGAIN;
	}
	r->par = r->unit == HS_UNIT_ARTICLE ? 1 : r->par + 1;
	r->s = r->q = t;
	r->q_blank = false;
	r->tail_q = r->tail_e = t;
	r->state = RS_PARA;
	return STEP_AGAIN;
}

static int
step_para(struct hs_reader *r, struct hs_block *blk)
{
	const unsigned char *p, *lp, *nl, *t, *wend;
	uint64_t h, lim, end = NONE, e;
	size_t k;
	bool partial;

	h = next_header(r, r->q);
	lim = h != NONE ? h : r->hdr_upto;
	if (lim < r->q)
		lim = r->q;
	wend = r->buf + r->len;
	lp = AT(r, lim);
	p = AT(r, r->q);

	if (r->unit == HS_UNIT_ARTICLE) {
		if (h != NONE)
			end = h;
		else if (r->eof && lim == WIN_END(r))
			end = lim;
		else
			r->q = lim;
	} else {
		nl = NULL;
		if (r->q_blank) {
			nl = AT(r, r->q_nl);
			t = p;
			goto blank_check;
		}
		for (;;) {
			if ((nl = memchr(p, '\n', (size_t)(lp - p))) == NULL) {
				if (h != NONE)
					end = h;
				else if (r->eof && lim == WIN_END(r))
					end = lim;
				else {
					r->q = lim;
					r->q_blank = false;
				}
				break;
			}
			t = nl + 1;
blank_check:
			/* is the line after the newline blank? */
			partial = false;
			while (t < lp) {
				if (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\v' ||
				    *t == '\f') {
					t++;
					continue;
				}
				if (*t < 0xC2)
					break;
				if ((k = hs_space_len(t, (size_t)(wend - t))) == 0) {
					partial = !r->eof && wend - t < 3 &&
					    maybe_space_prefix(t, (size_t)(wend - t));
					break;
				}
				t += k;
			}
			if (t == lp && h != NONE) {
				end = OFF(r, nl);	/* a header on the next line */
				break;
			}
			if (t == lp || partial) {
				if (t == lp && r->eof && lim == WIN_END(r)) {
					end = OFF(r, nl);
					break;
				}
				r->q = OFF(r, t);
				r->q_blank = true;
				r->q_nl = OFF(r, nl);
				break;
			}
			if (*t == '\n') {
				end = OFF(r, nl);
				break;
			}
			p = t;
			r->q = OFF(r, p);
			r->q_blank = false;
		}
	}

	if (end != NONE) {
		if (r->q < end && r->unit == HS_UNIT_ARTICLE)
			r->q = end;
		e = OFF(r, trim_back(AT(r, r->s), AT(r, end)));
		if (e - r->s > r->max_block) {
			/* resume the scan where it stood, to find the same end again */
			return cut(r, e, blk);
		}
		give(r, blk, r->s, AT(r, r->s), (size_t)(e - r->s), NONE);
		r->pos = end;
		r->state = RS_GAP;
		return STEP_BLOCK;
	}

	e = block_end_so_far(r);
	if (e - r->s > r->max_block)
		return cut(r, e, blk);
	/* Detach only past the limit: the cut, if any, then falls in the white space. */
	if (r->q - r->s > r->max_block + r->chunk && r->tail_q > r->s + r->max_block)
		return detach(r, e);
	return STEP_MORE;
}

static int
step_detached(struct hs_reader *r, struct hs_block *blk)
{
	const unsigned char *p = AT(r, r->pos), *end = r->buf + r->len;
	uint64_t t, h;
	bool ended = false;

	switch (white_run(r, &p, end,
	    r->unit == HS_UNIT_PARAGRAPH ? &r->d_nl : NULL)) {
	case RUN_MORE:
		r->pos = OFF(r, p);
		return STEP_MORE;
	case RUN_BLANK:
		ended = true;
		break;
	}
	r->pos = t = OFF(r, p);
	if (!ended && p == end) {
		if (!r->eof)
			return STEP_MORE;
		ended = true;
	}
	if (!ended) {
		h = next_header(r, t);
		if (h == NONE && t >= r->hdr_upto)
			return STEP_MORE;
		ended = h == t;
	}
	if (ended) {
		give(r, blk, r->d_start, r->side, r->d_len, NONE);
		r->state = RS_GAP;
		return STEP_BLOCK;
	}
	/* more text: the paragraph goes on, so its first part was cut */
	r->s = t;
	give(r, blk, r->d_start, r->side, r->d_len, t);
	r->q = r->tail_q = r->tail_e = t;
	r->q_blank = false;
	r->state = RS_PARA;
	return STEP_BLOCK;
}
