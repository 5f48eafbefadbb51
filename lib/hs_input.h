/* hs_input.h: the input of the tools that analyse text (hearsay-tag,
 * hearsay-extract-quotes): raw articles, or the text records of hearsay-split at any
 * level (or, where a tool welcomes them, the quote records of hearsay-extract-quotes),
 * told apart by the first line, and handed out one article at a time.
 *
 * Raw input is split into sentences exactly as `hearsay-split -l sentence` would, so
 * a tool gives the same records for `tool a.txt` and `hearsay-split a.txt | tool`.
 * Records are taken as they are, each record a piece (of a quote record, its quotation,
 * a piece for each of its paragraphs); consecutive records with the same doc make one
 * article. Whether records are text or quote records is decided by the first line
 * that is either; a line of the other kind is then warned about and skipped. */
#ifndef HS_INPUT_H
#define HS_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hs_lexicon.h"

/* The most text an article is handed out with at once: a longer one comes in windows
 * of at most this size, each ending at a piece boundary, so memory stays bounded. */
#define HS_INPUT_WINDOW		((size_t)1 << 20)
/* The longest piece: a longer sentence or record (no news sentence is this long) is
 * given as several pieces with the same par and sent, cut after white space. */
#define HS_INPUT_PIECE		((size_t)64 << 10)

/* One sentence of raw input, or one text record, or a paragraph of the quotation of one
 * quote record (or a part of one of these that is longer than HS_INPUT_PIECE). */
struct hs_piece {
	unsigned long	 par;		/* as in the record; 0 for a whole article */
	unsigned long	 sent;		/* 0 for a whole paragraph or article */
	uint64_t	 start;		/* input offset of text[off]; of a quotation,
					 * the quote record's start (the quote column
					 * is no byte image of the input) */
	size_t		 off;		/* the text is hs_article.text + off ... */
	size_t		 len;		/* ... for len bytes, and a NUL follows */
	bool		 clean;		/* valid UTF-8 without NUL */
	/* Quote input only; 0 and NULL for raw text and text records. */
	uint64_t	 end;		/* the quote record's end */
	const char	*speaker;	/* its speaker column as written, escaped, */
	size_t		 speaker_len;	/* valid as long as the article */
};

struct hs_article {
	const char		*doc;
	const char		*date;		/* "YYYY-MM-DD" or "-" */
	const char		*text;
	const struct hs_piece	*pieces;
	size_t			 npieces;
	bool			 continued;	/* a window after the article's first */
};

enum hs_input_kind {
	HS_INPUT_UNKNOWN,	/* nothing read yet, or an empty input */
	HS_INPUT_RAW,
	HS_INPUT_RECORDS	/* text records, or quote records (hs_piece.speaker) */
};

struct hs_input_opts {
	const struct hs_lexicon	*lex;		/* for sentence splitting; must outlive */
	size_t			 window;	/* 0: HS_INPUT_WINDOW */
	bool			 quotes;	/* quote records are welcome; otherwise
						 * each is "not a text record" */
	void			(*before_wait)(void *);	/* as in hs_reader_opts */
	void			*wait_arg;
};

struct hs_input;

/* Open path ("-" or NULL: standard input). Warns and returns NULL on failure. */
struct hs_input		*hs_input_open(const char *path, const struct hs_input_opts *);
/* The next article (or window of one), valid until the next call: 1, or 0 at the end,
 * or -1 after an I/O error (warned). Bad data (invalid UTF-8, a line that is not a
 * record of the input's kind) is warned about as "name:line: message" and does not
 * stop the input. */
int			 hs_input_next(struct hs_input *, struct hs_article *);
enum hs_input_kind	 hs_input_kind(const struct hs_input *);
uint64_t		 hs_input_bytes_read(const struct hs_input *);
/* Whether anything was warned about: the tool's exit status is then 1. */
bool			 hs_input_failed(const struct hs_input *);
void			 hs_input_close(struct hs_input *);

#endif
