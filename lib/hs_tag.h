/* hs_tag.h: named entities in news text, with canonical names: people, groups,
 * organisations, places, and dates and amounts (hs_numex), one article at a time,
 * since a name's canonical form depends on the rest of its article. */
#ifndef HS_TAG_H
#define HS_TAG_H

#include <stdbool.h>
#include <stddef.h>

#include "hs_input.h"
#include "hs_lexicon.h"

/* The built-in types, with their OntoNotes names; a user's -e rule adds types after
 * them (HS_ENT_NBUILTIN, HS_ENT_NBUILTIN + 1, ...). */
enum hs_ent_type {
	HS_ENT_PERSON,
	HS_ENT_NORP,
	HS_ENT_ORG,
	HS_ENT_GPE,
	HS_ENT_LOC,
	HS_ENT_DATE,
	HS_ENT_MONEY,
	HS_ENT_PERCENT,
	HS_ENT_QUANTITY,
	HS_ENT_NBUILTIN
};

/* The most types there can be, user rules included: a type set is a bit mask. */
#define HS_ENT_MAX	64

struct hs_mention {
	size_t		 piece;		/* index of the article piece it is in */
	size_t		 start, end;	/* its bytes in that piece's text */
	int		 type;
	const char	*name;		/* canonical name */
};

struct hs_tagger;

/* A tagger that takes its knowledge from lex, which must outlive it. */
struct hs_tagger	*hs_tagger_new(const struct hs_lexicon *lex);
void			 hs_tagger_free(struct hs_tagger *);
/* Add a user rule: text matching the PCRE2 pattern is tagged `type` (upper-case
 * letters, digits and '_', starting with a letter). Returns 0, or -1 with a message
 * in err (PCRE2's own, with the offset in the pattern). */
int			 hs_tagger_add_rule(struct hs_tagger *, const char *type,
			    const char *pattern, char *err, size_t errsize);
/* The type called `name`, built-in or a rule's, or -1. */
int			 hs_tagger_type(const struct hs_tagger *, const char *name);
const char		*hs_tagger_type_name(const struct hs_tagger *, int type);
int			 hs_tagger_ntypes(const struct hs_tagger *);
/* Tag one article (or window of one): its mentions in text order, in *out, valid
 * until the next call. Types whose bit is clear in `want` are not looked for. */
size_t			 hs_tag_article(struct hs_tagger *, const struct hs_article *,
			    unsigned long long want, const struct hs_mention **out);

#endif
