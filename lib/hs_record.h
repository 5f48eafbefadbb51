/* hs_record.h: writing hearsay(7) records, as TSV lines or as JSON Lines (-j).
 * A record is begun, given its fields in column order, and ended; records are
 * gathered in a buffer and written in large blocks. */
#ifndef HS_RECORD_H
#define HS_RECORD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hs_buf.h"

enum hs_format {
	HS_FORMAT_TSV,
	HS_FORMAT_JSON
};

struct hs_writer {
	FILE		*fp;
	enum hs_format	 format;
	struct hs_buf	 buf;
	unsigned	 nfields;	/* fields written in the open record */
	bool		 line_buffered;	/* flush at every record (a terminal) */
	/* The escaped "doc<TAB>date<TAB>" of the last record: one article gives many
	 * records in a row, so it is made once for them all. */
	struct hs_buf	 place_prefix;
	struct hs_buf	 place_doc;	/* the doc and date it was made from */
	struct hs_buf	 place_date;
	struct hs_buf	 decoded;	/* hs_writer_escaped's decoded field */
};

/* The columns every record about a place in an article starts with. */
struct hs_place {
	const char	*doc;
	const char	*date;		/* "YYYY-MM-DD" or "-" */
	unsigned long	 par;
	unsigned long	 sent;
	uint64_t	 start;
	uint64_t	 end;
};

void	hs_writer_init(struct hs_writer *, FILE *, enum hs_format);
void	hs_writer_begin(struct hs_writer *);
/* A text field; in JSON, named `name`. */
void	hs_writer_str(struct hs_writer *, const char *name, const char *s, size_t n);
/* The same for text known to be valid UTF-8 without NUL (hs_block.clean). */
void	hs_writer_str_clean(struct hs_writer *, const char *name, const char *s,
	    size_t n);
/* A field that is already escaped as hearsay(7) TSV (a field read from a record):
 * written as it is in TSV, decoded and then written as a JSON string in JSON. A
 * malformed escape is decoded as far as it goes and the rest kept as it is. */
void	hs_writer_escaped(struct hs_writer *, const char *name, const char *s, size_t n);
void	hs_writer_cstr(struct hs_writer *, const char *name, const char *s);
/* A text field whose value "-" means "none": null in JSON. */
void	hs_writer_optstr(struct hs_writer *, const char *name, const char *s);
void	hs_writer_uint(struct hs_writer *, const char *name, uint64_t v);
/* The six common columns doc, date, par, sent, start, end. */
void	hs_writer_place(struct hs_writer *, const struct hs_place *);
/* End the record; a failed write of the buffer is fatal (hs_writer_fail). */
void	hs_writer_end(struct hs_writer *);
/* Write out what is buffered and flush the stream; -1 with errno on a write error. */
int	hs_writer_flush(struct hs_writer *);
/* hs_writer_flush() for a reader's before_wait hook (arg is the writer): records
 * reach a slow pipe's reader before the tool waits for more input; a failed write
 * is fatal (hs_writer_fail). */
void	hs_writer_flush_hook(void *);
/* Flush and release the buffer; -1 with errno on a write error. */
int	hs_writer_close(struct hs_writer *);
/* After a failed write to standard output: end quietly by SIGPIPE when the reader
 * went away (EPIPE), else err(1, "stdout"). Does not return. */
void	hs_writer_fail(void) __attribute__((noreturn));

#endif
