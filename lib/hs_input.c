/* hs_input.c: raw articles, text records or quote records in, whole articles (or
 * windows of long ones) out, as pieces of text with their places; see hs_input.h. */
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
#include <unistd.h>

#include "config.h"
#include "hs_buf.h"
#include "hs_escape.h"
#include "hs_input.h"
#include "hs_reader.h"
#include "hs_segment.h"
#include "hs_utf8.h"
#include "hs_util.h"

/* How much of the input is looked at to tell records from raw text: a text record's
 * first six columns fit easily (a doc id is a file name). */
#define SNIFF		((size_t)4096)
#define READ_SIZE	((size_t)256 << 10)
/* A text record holds at most HS_MAX_BLOCK bytes, at most 4 bytes each escaped. */
#define MAX_LINE	((size_t)64 << 20)
/* The most sentence spans kept between blocks, as in hearsay-split. */
#define SPANS_KEPT	4096

/* One text or quote record, its fields pointing into the line buffer. */
struct record {
	const char	*doc;
	size_t		 doclen;
	char		 date[11];
	unsigned long	 par, sent;
	uint64_t	 start, end;
	const char	*text;		/* escaped; of a quote record, its quote */
	size_t		 textlen;
	const char	*speaker;	/* escaped; quote records only */
	size_t		 speakerlen;
};

/* The kind of the records of an input: decided by the first line that is a record of
 * a kind the tool takes. */
enum records {
	RECORDS_UNDECIDED,	/* no record yet, and quote records are welcome */
	RECORDS_TEXT,
	RECORDS_QUOTES
};

struct hs_input {
	enum hs_input_kind	 kind;
	char			*name;
	size_t			 window;
	bool			 failed;

	/* Raw input. */
	struct hs_reader	*reader;
	struct hs_segmenter	*seg;
	struct hs_span		*spans;
	size_t			 nspans_cap;
	struct hs_block		 blk;		/* read but not yet taken */
	bool			 have_blk;
	bool			 segmented;	/* its sentences are in spans */
	size_t			 span_next;	/* the first not yet taken */
	size_t			 span_count;

	/* Records, read a line at a time. */
	int			 fd;
	bool			 own_fd, regular, eof, skipping;
	char			*buf;
	size_t			 cap, len, pos;
	uint64_t		 nread;
	unsigned long long	 lineno;
	unsigned long long	 bad_lines;
	bool			 warned_escape;
	enum records		 records;
	struct record		 rec;		/* read but not yet taken */
	bool			 have_rec;
	struct hs_buf		 rectext;	/* its text, unescaped */
	struct hs_buf		 speaker;	/* its speaker, unescaped (checked only) */

	/* A sentence or record being cut into pieces of at most HS_INPUT_PIECE
	 * bytes; it may span windows. */
	struct {
		const char	*text;
		size_t		 len, off;
		unsigned long	 par, sent;
		uint64_t	 start;
		bool		 clean;
		bool		 active;
		bool		 quote;		/* a quotation: the rest is set */
		uint64_t	 end;
		const char	*speaker;	/* escaped, in the line buffer */
		size_t		 speaker_len;
	} pend;
	void			(*before_wait)(void *);
	void			*wait_arg;

	/* The article being gathered, and whether it was handed out (and is to be
	 * cleared at the next call). */
	struct hs_buf		 doc;
	char			 date[11];
	struct hs_buf		 text;
	struct hs_piece		*pieces;
	size_t			 npieces, pieces_cap;
	unsigned long		 sent;		/* sentences so far in the article (raw) */
	bool			 handed_out;
	bool			 next_continues;	/* the next window is of the same article */
	bool			 continued;
};

static int	sniff(struct hs_input *);
static bool	looks_like_record(const char *, size_t);
static int	read_more(struct hs_input *);
static int	read_line(struct hs_input *, char **, size_t *);
static const char *records_wanted(const struct hs_input *, bool);
static bool	parse_place(const char *, size_t, struct record *, const char **);
static bool	parse_record(const char *, size_t, struct record *);
static bool	parse_quote(const char *, size_t, struct record *);
static bool	parse_line(struct hs_input *, const char *, size_t, struct record *);
static void	add_piece(struct hs_input *, unsigned long, unsigned long, uint64_t,
		    const char *, size_t, bool);
static void	begin_article(struct hs_input *, const char *, size_t, const char *);
static int	next_raw(struct hs_input *);
static void	pend_text(struct hs_input *, unsigned long, unsigned long, uint64_t,
		    const char *, size_t, bool);
static bool	drain(struct hs_input *);
static void	warn_escape(struct hs_input *, const char *);
static int	next_records(struct hs_input *);

struct hs_input *
hs_input_open(const char *path, const struct hs_input_opts *opts)
{
	struct hs_reader_opts	 ropts = {
		.unit = HS_UNIT_PARAGRAPH,
		.from = 0,
		.to = UINT64_MAX,
		.before_wait = opts->before_wait,
		.wait_arg = opts->wait_arg,
	};
	struct hs_input		*in;
	struct stat		 st;
	bool			 use_stdin = path == NULL || strcmp(path, "-") == 0;

	if ((in = calloc(1, sizeof(*in))) == NULL)
		err(HS_EXIT_DATA, NULL);
	if ((in->name = strdup(use_stdin ? "stdin" : path)) == NULL)
		err(HS_EXIT_DATA, NULL);
	in->window = opts->window > 0 ? opts->window : HS_INPUT_WINDOW;
	in->before_wait = opts->before_wait;
	in->wait_arg = opts->wait_arg;
	hs_buf_init(&in->doc);
	hs_buf_init(&in->text);
	hs_buf_init(&in->rectext);
	hs_buf_init(&in->speaker);
	in->records = opts->quotes ? RECORDS_UNDECIDED : RECORDS_TEXT;
	strlcpy(in->date, "-", sizeof(in->date));

	if (use_stdin)
		in->fd = STDIN_FILENO;
	else if ((in->fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		goto fail;
	in->own_fd = !use_stdin;
	if (fstat(in->fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	in->regular = S_ISREG(st.st_mode);
	in->cap = READ_SIZE;
	if ((in->buf = malloc(in->cap)) == NULL)
		err(HS_EXIT_DATA, NULL);
	if (sniff(in) == -1) {
		hs_input_close(in);
		return NULL;
	}
	if (in->kind == HS_INPUT_RAW) {
		/* Hand the descriptor and the bytes already read to an article reader;
		 * it sees the input from its first byte, as if it had opened it. */
		in->reader = hs_reader_open_fd(in->fd, path, &ropts, in->buf, in->len);
		in->own_fd = false;
		free(in->buf);
		in->buf = NULL;
		if (in->reader == NULL) {
			hs_input_close(in);
			return NULL;
		}
		in->seg = hs_segmenter_new(opts->lex);
	}
	return in;

fail:
	warn("%s", in->name);
	in->own_fd = in->own_fd && in->fd != -1;
	hs_input_close(in);
	return NULL;
}

void
hs_input_close(struct hs_input *in)
{
	if (in == NULL)
		return;
	if (in->bad_lines > 1)
		warnx("%s: %llu lines in all were not %s", in->name, in->bad_lines,
		    records_wanted(in, true));
	if (in->reader != NULL)
		hs_reader_close(in->reader);
	if (in->own_fd)
		close(in->fd);
	hs_segmenter_free(in->seg);
	free(in->spans);
	free(in->buf);
	free(in->name);
	free(in->pieces);
	hs_buf_free(&in->doc);
	hs_buf_free(&in->text);
	hs_buf_free(&in->rectext);
	hs_buf_free(&in->speaker);
	free(in);
}

enum hs_input_kind
hs_input_kind(const struct hs_input *in)
{
	return in->kind;
}

uint64_t
hs_input_bytes_read(const struct hs_input *in)
{
	return in->reader != NULL ? hs_reader_bytes_read(in->reader) : in->nread;
}

bool
hs_input_failed(const struct hs_input *in)
{
	return in->failed || (in->reader != NULL && hs_reader_failed(in->reader));
}

int
hs_input_next(struct hs_input *in, struct hs_article *a)
{
	size_t	i;
	int	got;

	if (in->handed_out) {
		in->handed_out = false;
		in->npieces = 0;
		in->text.len = 0;
		in->continued = in->next_continues;
		in->next_continues = false;
	}
	switch (in->kind) {
	case HS_INPUT_RAW:
		got = next_raw(in);
		break;
	case HS_INPUT_RECORDS:
		got = next_records(in);
		break;
	default:
		return 0;
	}
	if (got != 1)
		return got;
	/* A quotation's speaker follows its text in the article's buffer, which may
	 * have moved while the article grew. */
	if (in->records == RECORDS_QUOTES)
		for (i = 0; i < in->npieces; i++)
			in->pieces[i].speaker = in->text.data + in->pieces[i].off +
			    in->pieces[i].len + 1;
	a->doc = in->doc.data;
	a->date = in->date;
	a->text = in->text.data;
	a->pieces = in->pieces;
	a->npieces = in->npieces;
	a->continued = in->continued;
	in->handed_out = true;
	return 1;
}

/* Read into the free end of the buffer, once; flush the tool's output first if
 * the read would wait (hs_input_opts.before_wait). -1 after a warned error. */
static int
read_more(struct hs_input *in)
{
	ssize_t got;

	got = hs_read_once(in->fd, in->buf + in->len, in->cap - in->len, in->regular,
	    in->before_wait, in->wait_arg);
	if (got == -1) {
		warn("%s", in->name);
		return -1;
	}
	if (got == 0)
		in->eof = true;
	in->len += (size_t)got;
	in->nread += (uint64_t)got;
	return 0;
}

/* Read the start of the input and decide what it is: text records when its first line
 * begins as one does, raw articles otherwise. */
static int
sniff(struct hs_input *in)
{
	while (in->len < SNIFF && memchr(in->buf, '\n', in->len) == NULL && !in->eof)
		if (read_more(in) == -1)
			return -1;
	if (in->len == 0)
		in->kind = HS_INPUT_UNKNOWN;
	else if (looks_like_record(in->buf, in->len))
		in->kind = HS_INPUT_RECORDS;
	else
		in->kind = HS_INPUT_RAW;
	return 0;
}

static bool
is_date(const char *s, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (n == 1 && s[0] == '-')
		return true;
	if (n != 10)
		return false;
	for (i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return false;
	return true;
}

static bool
is_number(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 19)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Whether s (the start of a line) begins as a place record does (hearsay(7), "Telling
 * the kinds apart"): doc, a date or "-", then four integers, each column ended by a
 * tab. Raw news text never has a tab after "date 2021-12-22". */
static bool
looks_like_record(const char *s, size_t n)
{
	const char	*end = s + n, *tab;
	int		 col;

	for (col = 0; col < 6; col++) {
		if ((tab = memchr(s, '\t', (size_t)(end - s))) == NULL ||
		    memchr(s, '\n', (size_t)(tab - s)) != NULL)
			return false;
		if ((col == 0 && tab == s) ||
		    (col == 1 && !is_date(s, (size_t)(tab - s))) ||
		    (col >= 2 && !is_number(s, (size_t)(tab - s))))
			return false;
		s = tab + 1;
	}
	return true;
}

static uint64_t
number(const char *s, size_t n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v * 10 + (uint64_t)(*s++ - '0');
	return v;
}

/* What the lines of the input should be, for the messages about those that are not:
 * "a text record", or in the plural "text records". */
static const char *
records_wanted(const struct hs_input *in, bool plural)
{
	switch (in->records) {
	case RECORDS_QUOTES:
		return plural ? "quote records" : "a quote record";
	case RECORDS_UNDECIDED:
		return plural ? "text or quote records" : "a text or quote record";
	default:
		return plural ? "text records" : "a text record";
	}
}

/* The first six columns of a record, as looks_like_record wants them, each ended by
 * a tab; *rest is what follows the sixth tab, up to the line's end. */
static bool
parse_place(const char *line, size_t n, struct record *r, const char **rest)
{
	const char	*f[6], *end = line + n, *tab;
	size_t		 len[6];
	int		 col;

	for (col = 0; col < 6; col++) {
		if ((tab = memchr(line, '\t', (size_t)(end - line))) == NULL)
			return false;
		f[col] = line;
		len[col] = (size_t)(tab - line);
		line = tab + 1;
	}
	if (len[0] == 0 || !is_date(f[1], len[1]))
		return false;
	for (col = 2; col < 6; col++)
		if (!is_number(f[col], len[col]))
			return false;
	r->doc = f[0];
	r->doclen = len[0];
	memcpy(r->date, f[1], len[1]);
	r->date[len[1]] = '\0';
	r->par = (unsigned long)number(f[2], len[2]);
	r->sent = (unsigned long)number(f[3], len[3]);
	r->start = number(f[4], len[4]);
	r->end = number(f[5], len[5]);
	*rest = line;
	return true;
}

/* A text record: exactly seven columns. */
static bool
parse_record(const char *line, size_t n, struct record *r)
{
	const char *text, *end = line + n;

	if (!parse_place(line, n, r, &text) ||
	    memchr(text, '\t', (size_t)(end - text)) != NULL)
		return false;
	r->text = text;
	r->textlen = (size_t)(end - text);
	return true;
}

/* A quote record: exactly ten columns, the seventh direct, partial or mention. */
static bool
parse_quote(const char *line, size_t n, struct record *r)
{
	const char	*f[4], *end = line + n, *tab, *s;
	size_t		 len[4];
	int		 col;

	if (!parse_place(line, n, r, &s))
		return false;
	for (col = 0; col < 3; col++) {
		if ((tab = memchr(s, '\t', (size_t)(end - s))) == NULL)
			return false;
		f[col] = s;
		len[col] = (size_t)(tab - s);
		s = tab + 1;
	}
	f[3] = s;
	len[3] = (size_t)(end - s);
	if (memchr(f[3], '\t', len[3]) != NULL)
		return false;
	if (!(len[0] == 6 && memcmp(f[0], "direct", 6) == 0) &&
	    !(len[0] == 7 && memcmp(f[0], "partial", 7) == 0) &&
	    !(len[0] == 7 && memcmp(f[0], "mention", 7) == 0))
		return false;
	r->speaker = f[1];
	r->speakerlen = len[1];
	r->text = f[3];
	r->textlen = len[3];
	return true;
}

/* A record of the input's kind; the first record of either kind, when quote records
 * are welcome, decides which that is. */
static bool
parse_line(struct hs_input *in, const char *line, size_t n, struct record *r)
{
	switch (in->records) {
	case RECORDS_TEXT:
		return parse_record(line, n, r);
	case RECORDS_QUOTES:
		return parse_quote(line, n, r);
	case RECORDS_UNDECIDED:
		if (parse_record(line, n, r))
			in->records = RECORDS_TEXT;
		else if (parse_quote(line, n, r))
			in->records = RECORDS_QUOTES;
		else
			return false;
		return true;
	}
	return false;
}

/* The next line, without its newline (a last line may lack one): 1, 0 at the end,
 * -1 on a read error. A line longer than MAX_LINE is warned about and skipped. */
static int
read_line(struct hs_input *in, char **line, size_t *n)
{
	char	*nl, *nbuf;

	for (;;) {
		nl = memchr(in->buf + in->pos, '\n', in->len - in->pos);
		if (nl != NULL || (in->eof && in->pos < in->len)) {
			if (nl == NULL)
				nl = in->buf + in->len;
			*line = in->buf + in->pos;
			*n = (size_t)(nl - *line);
			in->pos = nl < in->buf + in->len ? (size_t)(nl - in->buf) + 1 : in->len;
			in->lineno++;
			if (in->skipping) {
				in->skipping = false;
				continue;
			}
			return 1;
		}
		if (in->eof)
			return 0;
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
		if (in->len >= MAX_LINE) {
			if (!in->skipping)
				warnx("%s:%llu: a line longer than %zu MiB: not %s",
				    in->name, in->lineno + 1, MAX_LINE >> 20,
				    records_wanted(in, false));
			in->failed = in->skipping = true;
			in->len = 0;
		}
		if (in->cap - in->len < READ_SIZE) {
			if ((nbuf = realloc(in->buf, in->cap * 2)) == NULL)
				err(HS_EXIT_DATA, NULL);
			in->buf = nbuf;
			in->cap *= 2;
		}
		if (read_more(in) == -1)
			return -1;
	}
}

static void
begin_article(struct hs_input *in, const char *doc, size_t doclen, const char *date)
{
	in->doc.len = 0;
	hs_buf_append(&in->doc, doc, doclen);
	hs_buf_putc(&in->doc, '\0');
	strlcpy(in->date, date, sizeof(in->date));
	in->sent = 0;
	in->continued = false;
}

static void
add_piece(struct hs_input *in, unsigned long par, unsigned long sent, uint64_t start,
    const char *text, size_t len, bool clean)
{
	struct hs_piece *p;

	if (in->npieces == in->pieces_cap) {
		size_t ncap = in->pieces_cap ? in->pieces_cap * 2 : 64;

		if ((p = reallocarray(in->pieces, ncap, sizeof(*p))) == NULL)
			err(HS_EXIT_DATA, NULL);
		in->pieces = p;
		in->pieces_cap = ncap;
	}
	p = &in->pieces[in->npieces++];
	p->par = par;
	p->sent = sent;
	p->start = start;
	p->off = in->text.len;
	p->len = len;
	p->clean = clean;
	p->end = 0;
	p->speaker = NULL;
	p->speaker_len = 0;
	hs_buf_append(&in->text, text, len);
	hs_buf_putc(&in->text, '\0');
}

/* A sentence or record's text, to be taken as pieces by drain(). */
static void
pend_text(struct hs_input *in, unsigned long par, unsigned long sent, uint64_t start,
    const char *text, size_t len, bool clean)
{
	in->pend.text = text;
	in->pend.len = len;
	in->pend.off = 0;
	in->pend.par = par;
	in->pend.sent = sent;
	in->pend.start = start;
	in->pend.clean = clean;
	in->pend.active = true;
	in->pend.quote = false;
}

/* Take the pending text as pieces, each at most HS_INPUT_PIECE bytes (cut after the
 * last white space before the limit, else at a character boundary), while the window
 * has room; a quotation also at each newline, which the newline is not part of.
 * false: the window is full and the rest waits for the next one. */
static bool
drain(struct hs_input *in)
{
	const unsigned char	*s = (const unsigned char *)in->pend.text, *nl;
	size_t			 off, n, k, skip;

	/* An empty text is one empty piece: a record with nothing in it is still
	 * given. */
	do {
		off = in->pend.off;
		n = in->pend.len - off;
		skip = 0;
		/* The quote column writes a paragraph break as one newline, which
		 * would read as a line break inside a sentence: each paragraph of a
		 * quotation is a piece, so that no name runs across the break. (The
		 * look is bounded, so a long quotation is read once.) */
		if (in->pend.quote && (nl = memchr(s + off, '\n', n < HS_INPUT_PIECE ?
		    n : HS_INPUT_PIECE)) != NULL) {
			n = (size_t)(nl - (s + off));
			skip = 1;
		}
		if (n > HS_INPUT_PIECE) {
			n = HS_INPUT_PIECE;
			for (k = n; k > n / 2; k--)
				if (s[off + k - 1] == ' ' || s[off + k - 1] == '\n')
					break;
			if (k > n / 2)
				n = k;
			else
				n = hs_utf8_complete_prefix(s + off, n);
			if (n == 0)
				n = HS_INPUT_PIECE;	/* not UTF-8 at all */
		}
		if (in->npieces > 0 && in->text.len + n > in->window) {
			in->next_continues = true;
			return false;
		}
		add_piece(in, in->pend.par, in->pend.sent, in->pend.quote ?
		    in->pend.start : in->pend.start + off, in->pend.text + off, n,
		    in->pend.clean);
		if (in->pend.quote) {
			/* every piece of a quotation has its place and its speaker,
			 * which follows its text (see hs_input_next) */
			in->pieces[in->npieces - 1].end = in->pend.end;
			in->pieces[in->npieces - 1].speaker_len = in->pend.speaker_len;
			hs_buf_append(&in->text, in->pend.speaker, in->pend.speaker_len);
			hs_buf_putc(&in->text, '\0');
		}
		in->pend.off += n + skip;
	} while (in->pend.off < in->pend.len);
	in->pend.active = false;
	return true;
}

/* Gather the sentences of raw paragraphs until the article (or the window) ends. A
 * window may end inside a paragraph: the rest of its sentences wait in spans. */
static int
next_raw(struct hs_input *in)
{
	struct hs_block	*b = &in->blk;
	struct hs_span	*sp;
	size_t		 n;
	int		 got;

	for (;;) {
		if (!in->have_blk) {
			if ((got = hs_reader_next(in->reader, b)) != 1)
				return got == 0 && in->npieces > 0 ? 1 : got;
			in->have_blk = true;
			in->span_next = in->span_count = 0;
			in->segmented = false;
		}
		if (!in->segmented) {
			if (in->npieces > 0 && b->article_start)
				return 1;
			if (b->article_start)
				begin_article(in, b->doc, strlen(b->doc), b->date);
			n = hs_segment_sentences(in->seg, b->text, b->len, &in->spans,
			    &in->nspans_cap);
			/* As hearsay-split does: a block cut for length ends in a
			 * sentence the cut interrupted, which the reader gives again at
			 * the next block. */
			if (b->cut && n > 1) {
				hs_reader_unread(in->reader, b->len - in->spans[n - 1].start);
				n--;
			}
			in->span_count = n;
			in->segmented = true;
		}
		if (in->pend.active && !drain(in))
			return 1;
		while (in->span_next < in->span_count) {
			sp = &in->spans[in->span_next++];
			pend_text(in, b->par, ++in->sent, b->start + sp->start,
			    b->text + sp->start, sp->end - sp->start, b->clean);
			if (!drain(in))
				return 1;
		}
		if (in->nspans_cap > SPANS_KEPT) {
			free(in->spans);
			in->spans = NULL;
			in->nspans_cap = 0;
		}
		in->have_blk = false;
	}
}

/* A malformed escape in a column of a record: warned about once per input. */
static void
warn_escape(struct hs_input *in, const char *column)
{
	if (!in->warned_escape)
		warnx("%s:%llu: a malformed escape in the %s column", in->name, in->lineno,
		    column);
	in->warned_escape = in->failed = true;
}

/* Gather text or quote records until the doc changes (or the window is full). */
static int
next_records(struct hs_input *in)
{
	struct record	*r = &in->rec;
	char		*line;
	size_t		 n, bad;
	int		 got;

	for (;;) {
		if (in->pend.active && !drain(in))
			return 1;
		if (!in->have_rec) {
			if ((got = read_line(in, &line, &n)) != 1)
				return got == 0 && in->npieces > 0 ? 1 : got;
			if (!parse_line(in, line, n, r)) {
				if (in->bad_lines++ == 0)
					warnx("%s:%llu: not %s", in->name, in->lineno,
					    records_wanted(in, false));
				in->failed = true;
				continue;
			}
			in->have_rec = true;
		}
		if (in->npieces > 0 && (r->doclen + 1 != in->doc.len ||
		    memcmp(r->doc, in->doc.data, r->doclen) != 0))
			return 1;
		if (in->npieces == 0 && !in->continued)
			begin_article(in, r->doc, r->doclen, r->date);
		in->rectext.len = 0;
		hs_buf_reserve(&in->rectext, r->textlen + 1);	/* data is never NULL */
		if (hs_unescape_tsv(&in->rectext, r->text, r->textlen) == -1)
			warn_escape(in, in->records == RECORDS_QUOTES ? "quote" : "text");
		n = in->rectext.len;
		bad = hs_utf8_find_bad((const unsigned char *)in->rectext.data, n);
		pend_text(in, r->par, r->sent, r->start, in->rectext.data, n, bad == n);
		if (in->records == RECORDS_QUOTES) {
			/* The speaker is handed out as written; only checked here. */
			in->speaker.len = 0;
			if (memchr(r->speaker, '\\', r->speakerlen) != NULL &&
			    hs_unescape_tsv(&in->speaker, r->speaker, r->speakerlen) == -1)
				warn_escape(in, "speaker");
			in->pend.quote = true;
			in->pend.end = r->end;
			in->pend.speaker = r->speaker;
			in->pend.speaker_len = r->speakerlen;
		}
		in->have_rec = false;
	}
}
