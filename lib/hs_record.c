/* hs_record.c: writes hearsay(7) records as TSV or JSON Lines.
 * Records collect in one buffer that goes out in large writes; a terminal gets each
 * record at once, so an interactive pipeline shows its output as it comes. */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hs_escape.h"
#include "hs_record.h"

#define FLUSH_AT	(256 * 1024)

void
hs_writer_init(struct hs_writer *w, FILE *fp, enum hs_format format)
{
	w->fp = fp;
	w->format = format;
	hs_buf_init(&w->buf);
	hs_buf_reserve(&w->buf, FLUSH_AT + 4096);
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

void
hs_writer_str(struct hs_writer *w, const char *name, const char *s, size_t n)
{
	field_prefix(w, name);
	if (w->format == HS_FORMAT_TSV) {
		hs_escape_tsv(&w->buf, s, n);
		return;
	}
	hs_buf_putc(&w->buf, '"');
	hs_escape_json(&w->buf, s, n);
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

void
hs_writer_uint(struct hs_writer *w, const char *name, uint64_t v)
{
	char	 digits[24], *p = digits + sizeof(digits);

	field_prefix(w, name);
	do {
		*--p = '0' + v % 10;
		v /= 10;
	} while (v > 0);
	hs_buf_append(&w->buf, p, digits + sizeof(digits) - p);
}

void
hs_writer_place(struct hs_writer *w, const struct hs_place *pl)
{
	hs_writer_cstr(w, "doc", pl->doc);
	hs_writer_optstr(w, "date", pl->date);
	hs_writer_uint(w, "par", pl->par);
	hs_writer_uint(w, "sent", pl->sent);
	hs_writer_uint(w, "start", pl->start);
	hs_writer_uint(w, "end", pl->end);
}

void
hs_writer_end(struct hs_writer *w)
{
	if (w->format == HS_FORMAT_JSON)
		hs_buf_putc(&w->buf, '}');
	hs_buf_putc(&w->buf, '\n');
	/* Output that cannot be written makes every later record pointless. */
	if ((w->buf.len >= FLUSH_AT || w->line_buffered) && hs_writer_flush(w) == -1)
		err(1, "stdout");
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

int
hs_writer_close(struct hs_writer *w)
{
	int rv = hs_writer_flush(w);

	hs_buf_free(&w->buf);
	return rv;
}
