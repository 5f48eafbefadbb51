/* hs_lexicon.h: word lists (abbreviations, titles, names, ...) as one table of typed
 * entries: the lists built into the binary, and the user's own files given with -L.
 * Line format (hearsay(7), LEXICON FILES): TYPE<TAB>NAME[<TAB>ALIAS]...; # starts a comment. */
#ifndef HS_LEXICON_H
#define HS_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

/* Every type any hearsay tool knows; a file naming another type is rejected, so that
 * a misspelt type is an error and not a silently unused line. */
enum hs_lex_type {
	HS_LEX_ABBREV,		/* "Inc.", "U.S.": a period that may not end a sentence */
	HS_LEX_NUMABBREV,	/* "No.", "p.": an abbreviation only before a number */
	HS_LEX_TITLE,		/* "Sen.", "Dr.", "President": goes before a name */
	HS_LEX_STARTER,		/* "The", "He": a word that often starts a sentence */
	/* Names, for hearsay-tag: the canonical name, then its aliases. */
	HS_LEX_PERSON,		/* "Vladimir Putin", alias "Putin" (hearsay-tag --learn) */
	HS_LEX_NORP,		/* "Russian", aliases "Russians" */
	HS_LEX_ORG,		/* "NATO", alias "North Atlantic Treaty Organization" */
	HS_LEX_GPE,		/* "United States", aliases "US", "U.S.", "America" */
	HS_LEX_LOC,		/* "Black Sea" */
	/* Words that tell what a name is. */
	HS_LEX_GIVEN,		/* "Ingrid": a given name, so "Ingrid X" is a person */
	HS_LEX_ROLE,		/* "secretary of state": a role before a person's name */
	HS_LEX_ORGWORD,		/* "Ministry", "Inc.": ends (or heads) an organisation */
	HS_LEX_GPEWORD,		/* "County", "Province" */
	HS_LEX_LOCWORD,		/* "Sea", "River" */
	HS_LEX_THINGWORD,	/* "Plan", "Stadium": ends a name that is no person's */
	HS_LEX_CUE,		/* "said", "according to": a reporting verb */
	HS_LEX_COMMON,		/* "former", "despite": an ordinary word, not a name */
	HS_LEX_NFILETYPES,	/* the types a file may name are those above */
	/* Derived, never in a file: the last word of a role ("adviser" of "national
	 * security adviser"), so that a tool looks a role up only where one can end. */
	HS_LEX_ROLE_END = HS_LEX_NFILETYPES,
	/* Derived: the first word of a name of several words ("White" of "White
	 * House"): only after such a word is a longer name looked up. */
	HS_LEX_MULTI_START,
	HS_LEX_NTYPES
};

struct hs_lexicon;

/* The built-in lists. Never fails (allocation failure is fatal). */
struct hs_lexicon	*hs_lexicon_new(void);
/* The same, keeping only the entries of the types in `want`, a mask of
 * (1u << type) bits, built-in or loaded later: a tool that needs four types does not
 * pay for the others. Lines of other types are still checked. */
struct hs_lexicon	*hs_lexicon_new_types(unsigned want);
void			 hs_lexicon_free(struct hs_lexicon *);
/* Add the entries of a lexicon file. On a file that cannot be read or a malformed line,
 * warns "file:line: message" (warnx) and returns -1; entries before it are kept. */
int			 hs_lexicon_load_file(struct hs_lexicon *, const char *path);
/* Add the entries of lexicon text s[0..n); `name` is used in messages. */
int			 hs_lexicon_load_text(struct hs_lexicon *, const char *name,
			    const char *s, size_t n);
/* Whether s[0..n) is a name or alias of an entry of that type (exact bytes). */
bool			 hs_lexicon_has(const struct hs_lexicon *, enum hs_lex_type,
			    const char *s, size_t n);
/* The types that have s[0..n) as a name or alias, as a mask of (1u << type) bits:
 * one hash of the bytes for every type, where a tool asks about several. */
unsigned		 hs_lexicon_types(const struct hs_lexicon *, const char *s, size_t n);
/* The canonical name of the entry that has s[0..n) as name or alias, or NULL. */
const char		*hs_lexicon_canonical(const struct hs_lexicon *, enum hs_lex_type,
			    const char *s, size_t n);
/* The type named `name` ("abbrev"), or -1. */
int			 hs_lex_type_from_name(const char *name, size_t n);
const char		*hs_lex_type_name(enum hs_lex_type);

/* The built-in lexicon files, generated from lib/lexicon/ at build time. */
struct hs_lexicon_source {
	const char	*name;		/* the file's base name, for messages */
	const char	*text;		/* its contents; NULL ends the array */
};
extern const struct hs_lexicon_source hs_lexicon_builtin[];

#endif
