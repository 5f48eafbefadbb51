/* hs_segment.h: sentence segmentation of one paragraph of news text, with the
 * boundary decisions of a careful copy editor (abbreviations, initials, numbers,
 * URLs, ellipses, quotes and brackets, headings, list items). */
#ifndef HS_SEGMENT_H
#define HS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "hs_lexicon.h"

/* Offsets into one block, which is at most HS_MAX_BLOCK bytes: 32 bits keep the
 * spans of a block of three-byte sentences well inside hearsay's memory bound. */
struct hs_span {
	uint32_t	start;
	uint32_t	end;		/* exclusive */
};

struct hs_segmenter;

/* A segmenter that takes its abbreviations, titles and sentence starters from lex,
 * which must outlive it. */
struct hs_segmenter	*hs_segmenter_new(const struct hs_lexicon *lex);
void			 hs_segmenter_free(struct hs_segmenter *);
/* Split text[0..len), len < 2^32, one paragraph (soft line breaks inside it are part of it), into
 * sentences: spans in order, each without surrounding white space, that together hold
 * every byte of text that is not white space. Any bytes are accepted (invalid UTF-8
 * and NUL included). The spans are stored in *spans, grown as needed (*cap entries);
 * returns their count. */
size_t			 hs_segment_sentences(const struct hs_segmenter *,
			    const char *text, size_t len, struct hs_span **spans, size_t *cap);

#endif
