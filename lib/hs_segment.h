/* hs_segment.h: sentence segmentation of one paragraph of news text, with the
 * boundary decisions of a careful copy editor (abbreviations, initials, numbers,
 * URLs, ellipses, quotes and brackets, headings, list items). */
#ifndef HS_SEGMENT_H
#define HS_SEGMENT_H

#include <stddef.h>

#include "hs_lexicon.h"

struct hs_span {
	size_t	start;
	size_t	end;		/* exclusive */
};

struct hs_segmenter;

/* A segmenter that takes its abbreviations, titles and sentence starters from lex,
 * which must outlive it. */
struct hs_segmenter	*hs_segmenter_new(const struct hs_lexicon *lex);
void			 hs_segmenter_free(struct hs_segmenter *);
/* Split text[0..len), one paragraph (soft line breaks inside it are part of it), into
 * sentences: spans in order, each without surrounding white space, that together hold
 * every byte of text that is not white space. Any bytes are accepted (invalid UTF-8
 * and NUL included). The spans are stored in *spans, grown as needed (*cap entries);
 * returns their count. */
size_t			 hs_segment_sentences(const struct hs_segmenter *,
			    const char *text, size_t len, struct hs_span **spans, size_t *cap);

#endif
