/* hs_quote.h: quotations in news text and who said them, one article at a time: quote
 * marks paired across sentences and paragraphs, each quotation classed as direct speech,
 * a partial quote or a mere mention, with its reporting verb and its speaker's
 * canonical name (as hs_tag names people). */
#ifndef HS_QUOTE_H
#define HS_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "hs_input.h"
#include "hs_lexicon.h"

enum hs_quote_kind {
	HS_QUOTE_DIRECT,	/* speech of its own: "We are close," Berg said. */
	HS_QUOTE_PARTIAL,	/* quoted words in the writer's sentence */
	HS_QUOTE_MENTION	/* a scare quote, title or nickname with no speech near */
};

struct hs_quote {
	enum hs_quote_kind	 kind;
	/* The quoted words, without the marks: from byte `start` of piece `piece` to
	 * byte `end` (exclusive) of piece `end_piece` of the article. */
	size_t			 piece, start;
	size_t			 end_piece, end;
	/* The speaker's canonical name and the reporting verb as written, each of
	 * its _len bytes and not NUL-terminated; NULL (length 0) when there is none. */
	const char		*speaker;
	size_t			 speaker_len;
	const char		*cue;
	size_t			 cue_len;
	/* The quoted words, a paragraph break inside them as '\n', a soft line wrap
	 * as a space, the opening marks of AP-style paragraphs left out. */
	const char		*text;
	size_t			 len;
};

struct hs_quoter;

/* A quote finder that takes its knowledge (reporting verbs, names) from lex, which
 * must outlive it. */
struct hs_quoter	*hs_quoter_new(const struct hs_lexicon *lex);
void			 hs_quoter_free(struct hs_quoter *);
/* The quotations of one article (or window of one), in text order, in *out, valid
 * until the next call. Quotes do not cross windows. */
size_t			 hs_quote_article(struct hs_quoter *, const struct hs_article *,
			    const struct hs_quote **out);
const char		*hs_quote_kind_name(enum hs_quote_kind);

#endif
