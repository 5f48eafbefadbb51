/* hs_record.c: writes hearsay(7) records as TSV or JSON Lines.
 * Records collect in one buffer that goes out in large writes; a terminal gets each
 * record at once, so an interactive pipeline shows its output as it comes. */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hs_escape.h"
#include "hs_record.h"
#include "hs_utf8.h"

#define FLUSH_AT	(256 * 1024)
#define PIECE		(64 * 1024)	/* text escaped between looks at FLUSH_AT */

void
hs_writer_init(struct hs_writer *w, FILE *fp, enum hs_format format)
{
	w->fp = fp;
	w->format = format;
	hs_buf_init(&w->buf);
	hs_buf_reserve(&w->buf, FLUSH_AT + 4096);
	hs_buf_init(&w->place_prefix);
	hs_buf_init(&w->place_doc);
	hs_buf_init(&w->place_date);
	hs_buf_init(&w->decoded);
	w->nfields = 0;
	w->line_buffered = isatty(fileno(fp));
}

void
hs_writer_begin(struct hs_writer *w)
{
	w->nfields = 0;
	if (w->format == HS_FORMAT_JSON)
		hs_buf_putc(&w->buf, '{');
}

/* The separator and, in JSON, the name before a field. */
static void
field_prefix(struct hs_writer *w, const char *name)
{
	if (w->format == HS_FORMAT_TSV) {
		if (w->nfields++ > 0)
			hs_buf_putc(&w->buf, '\t');
		return;
	}
	if (w->nfields++ > 0)
		hs_buf_putc(&w->buf, ',');
	hs_buf_putc(&w->buf, '"');
	hs_buf_puts(&w->buf, name);
	hs_buf_append(&w->buf, "\":", 2);
}

/* How a text field is escaped. */
enum text_escape {
	ESCAPE_TSV,
	ESCAPE_TSV_CLEAN,
	ESCAPE_JSON
};

/* Append s[0..n) escaped, a piece at a time, writing out the buffer between pieces:
 * an 8 MiB field of invalid bytes escapes to 32 MiB, which must not all sit in
 * memory at once. Pieces end on a character boundary, so no valid sequence is
 * split and taken for invalid bytes. */
static void
put_text(struct hs_writer *w, const char *s, size_t n, enum text_escape how)
{
	size_t k;

	while (n > 0) {
		k = n;
		if (k > PIECE) {
			k = hs_utf8_complete_prefix((const unsigned char *)s, PIECE);
			if (k == 0)
				k = PIECE;
		}
		switch (how) {
		case ESCAPE_TSV:
			hs_escape_tsv(&w->buf, s, k);
			break;
		case ESCAPE_TSV_CLEAN:
			hs_escape_tsv_clean(&w->buf, s, k);
			break;
		case ESCAPE_JSON:
			hs_escape_json(&w->buf, s, k);
			break;
		}
		s += k;
		n -= k;
		if (n > 0 && w->buf.len >= FLUSH_AT && hs_writer_flush(w) == -1)
			hs_writer_fail();
	}
}

void
hs_writer_str(struct hs_writer *w, const char *name, const char *s, size_t n)
{
	field_prefix(w, name);
	if (w->format == HS_FORMAT_TSV) {
		put_text(w, s, n, ESCAPE_TSV);
		return;
	}
	hs_buf_putc(&w->buf, '"');
	put_text(w, s, n, ESCAPE_JSON);
	hs_buf_putc(&w->buf, '"');
}

void
hs_writer_str_clean(struct hs_writer *w, const char *name, const char *s, size_t n)
{
	if (w->format == HS_FORMAT_JSON) {
		hs_writer_str(w, name, s, n);
		return;
	}
	field_prefix(w, name);
	put_text(w, s, n, ESCAPE_TSV_CLEAN);
}

void
hs_writer_escaped(struct hs_writer *w, const char *name, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 bad;
	char			 hex[5];

	field_prefix(w, name);
	if (w->format == HS_FORMAT_TSV) {
		/* Escaped already; only bytes that are not UTF-8 (any TSV) need it. */
		while ((bad = hs_utf8_find_bad(u, n)) < n) {
			hs_buf_append(&w->buf, u, bad);
			snprintf(hex, sizeof(hex), "\\x%02x", u[bad]);
			hs_buf_append(&w->buf, hex, 4);
			u += bad + 1;
			n -= bad + 1;
		}
		hs_buf_append(&w->buf, u, n);
		return;
	}
	w->decoded.len = 0;
	if (hs_unescape_tsv(&w->decoded, s, n) == -1) {
		w->decoded.len = 0;
		hs_buf_append(&w->decoded, s, n);
	}
	hs_buf_putc(&w->buf, '"');
	put_text(w, w->decoded.data, w->decoded.len, ESCAPE_JSON);
	hs_buf_putc(&w->buf, '"');
}

void
hs_writer_cstr(struct hs_writer *w, const char *name, const char *s)
{
	hs_writer_str(w, name, s, strlen(s));
}

void
hs_writer_optstr(struct hs_writer *w, const char *name, const char *s)
{
	if (w->format == HS_FORMAT_JSON && strcmp(s, "-") == 0) {
		field_prefix(w, name);
		hs_buf_append(&w->buf, "null", 4);
		return;
	}
	hs_writer_cstr(w, name, s);
}

/* Write v in decimal at out, two digits a step, and return the end: offsets run to
 * many digits, and every record has four numbers. */
static inline char *
format_uint(char *out, uint64_t v)
{
	static const char pairs[201] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	static const uint64_t powers[20] = {
		UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000),
		UINT64_C(100000), UINT64_C(1000000), UINT64_C(10000000),
		UINT64_C(100000000), UINT64_C(1000000000), UINT64_C(10000000000),
		UINT64_C(100000000000), UINT64_C(1000000000000),
		UINT64_C(10000000000000), UINT64_C(100000000000000),
		UINT64_C(1000000000000000), UINT64_C(10000000000000000),
		UINT64_C(100000000000000000), UINT64_C(1000000000000000000),
		UINT64_C(10000000000000000000),
	};
	size_t		 ndigits;
	char		*p;

	/* log10 from the bit length (1233/4096 is just over log10(2)), then one
	 * comparison to correct it */
	ndigits = (size_t)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
	ndigits += ndigits < 20 && v >= powers[ndigits];
	if (ndigits == 0)
		ndigits = 1;
	p = out + ndigits;
	while (v >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(p - 2, pairs + 2 * v, 2);
	else
		p[-1] = '0' + v;
	return out + ndigits;
}

static inline void
put_uint(struct hs_buf *b, uint64_t v)
{
	hs_buf_reserve(b, 24);
	b->len = format_uint(b->data + b->len, v) - b->data;
}

void
hs_writer_uint(struct hs_writer *w, const char *name, uint64_t v)
{
	field_prefix(w, name);
	put_uint(&w->buf, v);
}

/* Whether b holds the NUL-terminated string s (b is kept NUL-terminated). */
static bool
same_string(const struct hs_buf *b, const char *s)
{
	return b->len > 0 && strcmp(b->data, s) == 0;
}

/* Keep a NUL-terminated copy of s in b. */
static void
keep_string(struct hs_buf *b, const char *s, size_t n)
{
	b->len = 0;
	hs_buf_append(b, s, n + 1);
}

void
hs_writer_place(struct hs_writer *w, const struct hs_place *pl)
{
	size_t	 ndoc, ndate;
	char	*out;

	if (w->format == HS_FORMAT_JSON || w->nfields != 0) {
		hs_writer_cstr(w, "doc", pl->doc);
		hs_writer_optstr(w, "date", pl->date);
		hs_writer_uint(w, "par", pl->par);
		hs_writer_uint(w, "sent", pl->sent);
		hs_writer_uint(w, "start", pl->start);
		hs_writer_uint(w, "end", pl->end);
		return;
	}
	/* TSV at the start of a record, the common case, in one go. */
	if (!same_string(&w->place_doc, pl->doc) ||
	    !same_string(&w->place_date, pl->date)) {
		ndoc = strlen(pl->doc);
		ndate = strlen(pl->date);
		keep_string(&w->place_doc, pl->doc, ndoc);
		keep_string(&w->place_date, pl->date, ndate);
		w->place_prefix.len = 0;
		hs_escape_tsv(&w->place_prefix, pl->doc, ndoc);
		hs_buf_putc(&w->place_prefix, '\t');
		hs_escape_tsv(&w->place_prefix, pl->date, ndate);
		hs_buf_putc(&w->place_prefix, '\t');
	}
	hs_buf_reserve(&w->buf, w->place_prefix.len + 4 * 24);
	out = w->buf.data + w->buf.len;
	memcpy(out, w->place_prefix.data, w->place_prefix.len);
	out += w->place_prefix.len;
	out = format_uint(out, pl->par);
	*out++ = '\t';
	out = format_uint(out, pl->sent);
	*out++ = '\t';
	out = format_uint(out, pl->start);
	*out++ = '\t';
	out = format_uint(out, pl->end);
	w->buf.len = out - w->buf.data;
	w->nfields = 6;
}

void
hs_writer_end(struct hs_writer *w)
{
	if (w->format == HS_FORMAT_JSON)
		hs_buf_putc(&w->buf, '}');
	hs_buf_putc(&w->buf, '\n');
	/* Output that cannot be written makes every later record pointless. */
	if ((w->buf.len >= FLUSH_AT || w->line_buffered) && hs_writer_flush(w) == -1)
		hs_writer_fail();
}

int
hs_writer_flush(struct hs_writer *w)
{
	if (w->buf.len > 0) {
		if (fwrite(w->buf.data, 1, w->buf.len, w->fp) != w->buf.len) {
			w->buf.len = 0;
			return -1;
		}
		w->buf.len = 0;
	}
	return fflush(w->fp) == EOF || ferror(w->fp) ? -1 : 0;
}

void
hs_writer_fail(void)
{
	/* A reader that went away (| head) is no error of ours: end as the default
	 * SIGPIPE would, even when the parent left the signal ignored. */
	if (errno == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	err(1, "stdout");
}

int
hs_writer_close(struct hs_writer *w)
{
	int rv = hs_writer_flush(w);

	hs_buf_free(&w->buf);
	hs_buf_free(&w->place_prefix);
	hs_buf_free(&w->place_doc);
	hs_buf_free(&w->place_date);
	hs_buf_free(&w->decoded);
	return rv;
}

void
hs_writer_flush_hook(void *arg)
{
	if (hs_writer_flush(arg) == -1)
		hs_writer_fail();
}
