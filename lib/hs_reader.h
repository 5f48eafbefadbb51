/* hs_reader.h: the article reader. It turns the raw bytes of one input (a file or
 * standard input) into articles and their paragraphs, streaming in bounded memory,
 * and gives each block of text with its article id, date and byte offset.
 *
 * The input format (hearsay(7), INPUT): an article starts with a header, the text
 * `date YYYY-MM-DD` followed by white space or the end of input, where it stands
 *  (1) at the start of a line, after nothing but white space on that line (a byte
 *      order mark at the start of the input counts as white space), or
 *  (2) after a sentence end on the same line: one of . ! ? U+2026, then any number of
 *      closing marks " U+201D U+2019 ' ) ] U+00BB, then any number of spaces and
 *      tabs, none included (`cat` joins a file that lacks its final newline to the
 *      next file's first line).
 * A run of more than HS_HEADER_LOOKBACK spaces and tabs before `date` counts as (1).
 * Whether a header stands at an offset is thus a function of nearby bytes alone, so a
 * reader that starts in the middle of a file (hs_reader_opts.from) finds the same
 * headers as one that reads it whole. Text before the first header is an article with
 * date "-". Paragraphs are separated by one or more blank lines (lines of nothing but
 * white space); a header also ends the paragraph before it. */
#ifndef HS_READER_H
#define HS_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HS_HEADER_LOOKBACK	1024
/* The longest block (and so the longest record) a reader gives: a longer paragraph or
 * article is cut, at the last white space before the limit when there is one, else at
 * a UTF-8 character boundary, with a warning. */
#define HS_MAX_BLOCK		((size_t)8 << 20)

enum hs_unit {
	HS_UNIT_PARAGRAPH,	/* a block is one paragraph */
	HS_UNIT_ARTICLE		/* a block is one whole article, blank lines and all */
};

struct hs_reader_opts {
	enum hs_unit	 unit;
	size_t		 max_block;	/* 0: HS_MAX_BLOCK */
	/* Give only the articles that start at an offset in [from, to): an article starts
	 * at its header's first byte, or at offset 0 for text before the first header.
	 * {0, UINT64_MAX} reads everything; from > 0 needs a regular file. */
	uint64_t	 from;
	uint64_t	 to;
	/* Called before a read that would wait (a pipe or terminal with nothing to
	 * give yet): a tool flushes its output there, so the records of a slow
	 * producer (tail -f) come out as they are made. NULL: nothing is called. */
	void		(*before_wait)(void *);
	void		*wait_arg;
};

struct hs_block {
	const char	*doc;		/* article id; valid until the next article starts */
	const char	*date;		/* "YYYY-MM-DD", or "-" when unknown or impossible */
	unsigned long	 par;		/* paragraph number (from 1) of text[0] */
	uint64_t	 start;		/* offset of text[0] in the input */
	const char	*text;		/* the raw bytes, without surrounding white space */
	size_t		 len;		/* valid until the next call of hs_reader_next */
	bool		 article_start;	/* the first block of its article */
	bool		 cut;		/* ended by max_block, not by a paragraph end */
	bool		 clean;		/* text is valid UTF-8 without NUL */
};

struct hs_reader;

/* Open path ("-" or NULL: standard input, named "stdin" in ids and messages). On
 * failure warns "path: reason" and returns NULL. */
struct hs_reader	*hs_reader_open(const char *path, const struct hs_reader_opts *);
/* The same on an open descriptor, which the reader closes unless it is standard input,
 * and from which the first nhead bytes, given in head, were already read (a tool that
 * looked at the input to decide how to read it). nhead > 0 needs opts->from == 0. */
struct hs_reader	*hs_reader_open_fd(int fd, const char *path,
			    const struct hs_reader_opts *, const void *head, size_t nhead);
/* The next block: 1, or 0 at the end of input, or -1 after an I/O error (warned).
 * Problems in the data (invalid UTF-8, NUL, an impossible date, a cut) are warned
 * once per kind per input, as "name:line: message", and do not stop the reader. */
int			 hs_reader_next(struct hs_reader *, struct hs_block *);
/* After a cut block: give its last n bytes again, at the head of the next block
 * (sentence splitting hands back the sentence that the cut left unfinished). */
void			 hs_reader_unread(struct hs_reader *, size_t n);
/* Bytes of input read so far (for --progress). */
uint64_t		 hs_reader_bytes_read(const struct hs_reader *);
/* Whether anything was warned about: the tool's exit status is then 1. */
bool			 hs_reader_failed(const struct hs_reader *);
void			 hs_reader_close(struct hs_reader *);

/* The article id for an input path: its base name without the extension, "stdin"
 * for standard input; written to id, which has room for idsize bytes. */
void			 hs_doc_name(const char *path, char *id, size_t idsize);

#endif
