/* hs_tag.c: the named-entity tagger: capitalised runs of words, read with the
 * lexicons and the context around them, then canonical names for a whole article. */
#include <err.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "config.h"
#include "hs_buf.h"
#include "hs_lexicon.h"
#include "hs_numex.h"
#include "hs_tag.h"
#include "hs_utf8.h"
#include "hs_util.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * How it works.  Each piece (sentence) is cut into tokens: words, and punctuation
 * that matters (sentence ends, quotes, brackets, commas).  A run of capitalised words,
 * joined across "of" and the like where a name continues ("Bank of England",
 * "Charles de Gaulle"), is a candidate.  A candidate is read left to right against the
 * lexicons, longest match first: known names (United States, NATO), titles and roles
 * (Sen., Secretary of State) that say a person follows, and between them chunks of
 * unknown words, which are judged by their shape (ends in "Ministry": ORG; starts
 * with a given name: PERSON) and their context (a reporting verb after, a role
 * before).  Capitals that only mark a sentence start, or a headline's style, are not
 * evidence: such words are kept only when a lexicon or the rest of the article
 * vouches for them.
 *
 * Then the article as a whole: full person names are gathered, and a lone surname
 * (Blinken) or given name (Hillary) joins the full name it belongs to; an acronym
 * defined in brackets joins its expansion; a single unknown word that nothing vouches
 * for is dropped.  Headlines are read last, so that their names can be checked
 * against the body's.
 */

/* Token flags. */
#define F_WORD		0x0001
#define F_CAP		0x0002	/* starts with an upper-case letter */
#define F_ALLCAPS	0x0004	/* two or more letters, none lower case */
#define F_LOWER		0x0008	/* starts with a lower-case letter */
#define F_DIGIT		0x0010	/* starts with a digit */
#define F_POSS		0x0020	/* a possessive 's or ' followed (not in the span) */
#define F_ABBR		0x0040	/* ends in a full stop of its own: U.S., J., Sen. */
#define F_INITIAL	0x0080	/* where any word is capitalised: sentence start ... */
#define F_TYPES		0x0100	/* types is computed */
#define F_LCTYPES	0x0200	/* lc_types is computed */
#define F_TAKEN		0x0400	/* already read as part of a mention */
#define F_LK		0x0800	/* lk_b, lk_end and lk_type are set */

/* The most people of one surname a lone surname is compared with. */
#define MAX_NAMESAKES	64
/* The most tokens a known multi-word name or role spans. */
#define MAX_NAME_TOKENS	8
/* A longer candidate is no name; it is read in slices of this many tokens. */
#define MAX_RUN		24

struct tok {
	uint32_t	start, end;	/* bytes in the piece */
	uint16_t	flags;
	char		punct;		/* punctuation: '.', ',', ':', 'q' (open quote),
					 * 'Q' (close quote), '(', ')', '-', '&', 'x' */
	unsigned	types;		/* lexicon types of the word as written */
	unsigned	lc_types;	/* ... and of its lower-case form */
	/* longest_known(i, lk_b) remembered: a run asks it several times */
	uint32_t	lk_b, lk_end;
	int		lk_type;	/* LK_NONE, -1 (a role or title), or a type */
};
#define LK_NONE		(-2)

/* A mention before the article is resolved. */
enum {
	M_UNKNOWN = HS_ENT_MAX,		/* one capitalised word nothing vouches for yet */
};
#define MF_FULL		0x01	/* a person's name of two words or more */
#define MF_LEXICON	0x02	/* the name came from a lexicon */
#define MF_ACRONYM	0x04	/* all capitals */
#define MF_GIVEN	0x08	/* a lone word that is a given name */
#define MF_DROP		0x10
#define MF_PLACE	0x20	/* after "in", "from": a place if nothing else */
#define MF_FIRSTNAME	0x40	/* a given name, not an ordinary word, mid-sentence */
#define MF_RULE		0x80	/* made by a user's -e rule */

struct rmention {
	uint32_t	piece, start, end;
	int		type;
	uint32_t	name;		/* offset of its name in the article arena */
	uint32_t	text;		/* ... and of the words as written (folded) */
	uint32_t	first, last;	/* person: arena offsets of the first and last name word */
	uint32_t	order;		/* reading order: body first, headlines last */
	uint8_t		flags;
};

struct acronym {
	uint32_t	acr;		/* arena offsets */
	uint32_t	expansion;
};

struct rule {
	int			 type;
	pcre2_code		*code;
	pcre2_match_data	*md;
};

struct hs_tagger {
	const struct hs_lexicon	*lex;
	char			 type_names[HS_ENT_MAX][32];
	int			 ntypes;
	struct rule		*rules;
	size_t			 nrules;

	/* Per article. */
	const struct hs_article	*art;
	struct hs_buf		 arena;		/* NUL-terminated names */
	struct rmention		*rm;
	size_t			 nrm, caprm;
	struct acronym		*acr;
	size_t			 nacr, capacr;
	struct hs_mention	*out;
	size_t			 capout;
	bool			*titles;	/* per piece: a title-case headline */
	size_t			 captitles;
	uint32_t		 order;

	/* Per piece. */
	const char		*text;
	size_t			 len;
	uint32_t		 piece;
	struct tok		*toks;
	size_t			 ntoks, captoks;
	/* Gathered while tokenizing: the capitalised words, where names start, and
	 * the counts that tell a title-case headline. */
	uint32_t		*caps;
	size_t			 ncaps, capcaps;
	size_t			 title_words, title_caps;
	struct hs_buf		 key;		/* scratch: a name being looked up */
};

static const char *const builtin_names[HS_ENT_NBUILTIN] = {
	"PERSON", "NORP", "ORG", "GPE", "LOC", "DATE", "MONEY", "PERCENT", "QUANTITY",
};

/* Lexicon type of each entity type, and back. */
static const enum hs_lex_type ent_lex[] = {
	[HS_ENT_PERSON] = HS_LEX_PERSON, [HS_ENT_NORP] = HS_LEX_NORP,
	[HS_ENT_ORG] = HS_LEX_ORG, [HS_ENT_GPE] = HS_LEX_GPE, [HS_ENT_LOC] = HS_LEX_LOC,
};
/* The order in which a key's types are tried: [1] for one word, [0] for more. */
static const int ent_order[2][5] = {
	{ HS_ENT_PERSON, HS_ENT_NORP, HS_ENT_ORG, HS_ENT_GPE, HS_ENT_LOC },
	{ HS_ENT_NORP, HS_ENT_ORG, HS_ENT_GPE, HS_ENT_LOC, HS_ENT_PERSON },
};
#define ENTITY_LEX_MASK	((1u << HS_LEX_PERSON) | (1u << HS_LEX_NORP) | \
			 (1u << HS_LEX_ORG) | (1u << HS_LEX_GPE) | (1u << HS_LEX_LOC))
#define LEXBIT(t)	(1u << (t))
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static bool	is_initials(const struct hs_tagger *, size_t);
static bool	is_minor_word(const char *, size_t);
static void	judge_unknown(struct hs_tagger *, size_t, size_t, bool, size_t, size_t);

/* ------------------------------------------------------------------------------ */
/* Characters */

/* ASCII classes, for the loops that see every byte. */
#define C_ALNUM		0x01
#define C_UPPER		0x02
#define C_LOWER		0x04
#define C_SPACE		0x08
static uint8_t	ascii_class[256];

static void
init_classes(void)
{
	int c;

	for (c = 0; c < 128; c++) {
		if (c >= 'A' && c <= 'Z')
			ascii_class[c] = C_ALNUM | C_UPPER;
		else if (c >= 'a' && c <= 'z')
			ascii_class[c] = C_ALNUM | C_LOWER;
		else if (c >= '0' && c <= '9')
			ascii_class[c] = C_ALNUM;
		else if (c == ' ' || (c >= '\t' && c <= '\r'))
			ascii_class[c] = C_SPACE;
	}
}

static inline bool
ascii_alnum(unsigned char c)
{
	return (ascii_class[c] & C_ALNUM) != 0;
}

/* Whether a word starts (or goes on) at s[0..n): the length of its first character, or
 * 0. */
static size_t
word_char(const unsigned char *s, size_t n)
{
	uint32_t	c;
	size_t		l;

	if (s[0] < 0x80)
		return ascii_class[s[0]] & C_ALNUM;
	c = hs_utf8_decode(s, n, &l);
	return c != HS_UTF8_INVALID && hs_cp_wordchar(c) ? l : 0;
}

/* An apostrophe: ' or U+2019; its length, or 0. */
static size_t
apostrophe(const unsigned char *s, size_t n)
{
	if (s[0] == '\'')
		return 1;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99)
		return 3;
	return 0;
}

/* ------------------------------------------------------------------------------ */
/* Tokens */

/* The slow paths of push_tok(), kept out of the loop every word goes through. */
static void __attribute__((noinline))
grow_toks(struct hs_tagger *tg)
{
	struct tok	*t;
	size_t		 ncap = tg->captoks ? tg->captoks * 2 : 256;

	if ((t = reallocarray(tg->toks, ncap, sizeof(*t))) == NULL)
		err(HS_EXIT_DATA, NULL);
	tg->toks = t;
	tg->captoks = ncap;
}

static void __attribute__((noinline))
grow_caps(struct hs_tagger *tg)
{
	uint32_t	*c;
	size_t		 ncap = tg->capcaps ? tg->capcaps * 2 : 64;

	if ((c = reallocarray(tg->caps, ncap, sizeof(*c))) == NULL)
		err(HS_EXIT_DATA, NULL);
	tg->caps = c;
	tg->capcaps = ncap;
}

static inline void
push_tok(struct hs_tagger *tg, size_t start, size_t end, uint16_t flags, char punct)
{
	struct tok *t;

	if (tg->ntoks == tg->captoks)
		grow_toks(tg);
	if (flags & F_WORD) {
		/* title_case() counts the words but the ones a headline leaves in
		 * lower case (of, a, in) */
		if (!(flags & F_DIGIT) && !((flags & F_LOWER) && end - start <= 3 &&
		    is_minor_word(tg->text + start, end - start))) {
			tg->title_words++;
			tg->title_caps += (flags & (F_CAP | F_ALLCAPS)) != 0;
		}
		if (flags & (F_CAP | F_ALLCAPS)) {
			if (tg->ncaps == tg->capcaps)
				grow_caps(tg);
			tg->caps[tg->ncaps++] = (uint32_t)tg->ntoks;
		}
	}
	t = &tg->toks[tg->ntoks++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->flags = flags;
	t->punct = punct;
	t->types = 0;
}

/* The case flags of the word s[0..n). */
static uint16_t
case_flags(const unsigned char *s, size_t n)
{
	uint16_t	f = F_WORD;
	size_t		i, l, letters = 0, uppers = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		if (s[i] < 0x80) {
			/* the common case: an ASCII letter, digit or mark */
			uint8_t k = ascii_class[s[i]];

			l = 1;
			if (k & (C_UPPER | C_LOWER)) {
				letters++;
				if (k & C_UPPER)
					uppers++;
				if (letters == 1 && i == 0)
					f |= (k & C_UPPER) ? F_CAP : F_LOWER;
			} else if (i == 0 && (k & C_ALNUM))
				f |= F_DIGIT;
			continue;
		}
		if ((c = hs_utf8_decode(s + i, n - i, &l)) == HS_UTF8_INVALID)
			continue;
		if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			if (i == 0 && c >= '0' && c <= '9')
				f |= F_DIGIT;
			continue;
		}
		letters++;
		if (hs_cp_upper(c)) {
			uppers++;
			if (letters == 1 && i == 0)
				f |= F_CAP;
		} else if (letters == 1 && i == 0)
			f |= F_LOWER;
	}
	if (letters >= 2 && uppers == letters)
		f |= F_ALLCAPS;
	return f;
}

static bool
lex_has_key(const struct hs_tagger *tg, enum hs_lex_type t, const char *s, size_t n)
{
	return hs_lexicon_has(tg->lex, t, s, n);
}

/* Name particles that may stand in lower case inside a person's name, or begin one
 * hyphenated (al-Assad). Asked of most lower-case words near a name: no strlen. */
static bool
is_particle(const char *s, size_t n)
{
	static const char two[][2] = {
		{'d','e'}, {'d','u'}, {'l','a'}, {'l','e'}, {'d','a'}, {'d','i'},
		{'a','l'}, {'e','l'}, {'z','u'},
	};
	static const char three[][3] = {
		{'d','e','s'}, {'v','a','n'}, {'v','o','n'}, {'d','e','r'}, {'d','e','n'},
		{'d','e','l'}, {'d','o','s'}, {'d','a','s'}, {'b','i','n'}, {'i','b','n'},
		{'t','e','r'}, {'t','e','n'}, {'a','b','u'}, {'b','e','n'},
	};
	size_t i;

	switch (n) {
	case 1:
		return s[0] == 'y';
	case 2:
		for (i = 0; i < NELEM(two); i++)
			if (s[0] == two[i][0] && s[1] == two[i][1])
				return true;
		return false;
	case 3:
		for (i = 0; i < NELEM(three); i++)
			if (s[0] == three[i][0] && s[1] == three[i][1] && s[2] == three[i][2])
				return true;
		return false;
	case 5:
		return memcmp(s, "della", 5) == 0;
	default:
		return false;
	}
}

/* The end of the run of ASCII letters and digits at s[j], with the classes seen
 * added to *seen: the loop every byte of text goes through, kept small so that its
 * state stays in registers. */
static inline size_t
ascii_run(const unsigned char *s, size_t j, size_t n, uint8_t *seen)
{
	uint8_t acc = 0, c;

#ifdef __SSE2__
	/* Sixteen bytes at a time: the masks of letters of each case and of digits,
	 * and the word ends at the first byte that is none of them. */
	while (j + 16 <= n) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(s + j));
		__m128i	 up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
			    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
		__m128i	 lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
			    _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
		__m128i	 dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
		unsigned mu = (unsigned)_mm_movemask_epi8(up);
		unsigned ml = (unsigned)_mm_movemask_epi8(lo);
		unsigned md = (unsigned)_mm_movemask_epi8(dg);
		unsigned stop = ~(mu | ml | md) & 0xFFFF, in;

		in = stop ? (1u << __builtin_ctz(stop)) - 1 : 0xFFFF;
		acc |= (mu & in ? C_ALNUM | C_UPPER : 0) | (ml & in ? C_ALNUM | C_LOWER : 0) |
		    (md & in ? C_ALNUM : 0);
		if (stop) {
			*seen |= acc;
			return j + (size_t)__builtin_ctz(stop);
		}
		j += 16;
	}
#endif
	while (j < n && ((c = ascii_class[s[j]]) & C_ALNUM)) {
		acc |= c;
		j++;
	}
	*seen |= acc;
	return j;
}

/* The short words a headline in title case leaves in lower case: articles,
 * conjunctions and prepositions of up to three letters (AP style). */
static bool
is_minor_word(const char *s, size_t n)
{
#define W2(a, b)	((uint32_t)(a) << 8 | (uint32_t)(b))
#define W3(a, b, c)	((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
	switch (n) {
	case 1:
		return s[0] == 'a';
	case 2:
		switch (W2(s[0], s[1])) {
		case W2('a', 'n'): case W2('o', 'f'): case W2('i', 'n'): case W2('o', 'n'):
		case W2('a', 't'): case W2('t', 'o'): case W2('b', 'y'): case W2('o', 'r'):
		case W2('a', 's'): case W2('v', 's'):
			return true;
		}
		return false;
	case 3:
		switch (W3(s[0], s[1], s[2])) {
		case W3('t', 'h', 'e'): case W3('f', 'o', 'r'): case W3('a', 'n', 'd'):
		case W3('b', 'u', 't'): case W3('n', 'o', 'r'): case W3('p', 'e', 'r'):
		case W3('v', 'i', 'a'): case W3('v', 's', '.'):
			return true;
		}
		return false;
	default:
		return false;
	}
#undef W2
#undef W3
}

/* Prefixes that make an adjective of a name: Anti-Trump, Pro-Russian. */
static bool
is_prefix(const char *s, size_t n)
{
	static const char *const words[] = {
		"anti", "pro", "ex", "post", "pre", "non", "neo", "mid", "un",
	};
	size_t i, k;

	for (i = 0; i < NELEM(words); i++) {
		if (strlen(words[i]) != n)
			continue;
		for (k = 0; k < n && (s[k] | 0x20) == words[i][k]; k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

/* A word: letters and digits, with inner apostrophes, hyphens, and full stops of
 * abbreviations (U.S., e.g.). Adds one token, or several for a hyphenated word whose
 * parts differ in case (anti-Trump, U.S.-led), and returns the offset after it. */
static size_t
scan_word(struct hs_tagger *tg, size_t i)
{
	const unsigned char	*s = (const unsigned char *)tg->text;
	size_t			 n = tg->len, j = i, l, a, start = i, parts[16];
	size_t			 nparts = 0, k, pend, letters = 0;
	bool			 dotted = false, high = false, particle_name = false;
	uint16_t		 f;
	uint8_t			 cls, seen = 0;

	while (j < n) {
		if (ascii_class[s[j]] & C_ALNUM) {
			j = ascii_run(s, j, n, &seen);
			continue;
		}
		if (s[j] >= 0x80 && (l = word_char(s + j, n - j)) > 0) {
			high = true;
			j += l;
			continue;
		}
		if ((a = apostrophe(s + j, n - j)) > 0 && j + a < n &&
		    word_char(s + j + a, n - j - a) > 0) {
			j += a;
			continue;
		}
		if (s[j] == '-' && j + 1 < n && word_char(s + j + 1, n - j - 1) > 0) {
			if (nparts < 15)
				parts[nparts++] = j;
			j++;
			continue;
		}
		if (s[j] == '.' && j + 1 < n && ascii_alnum(s[j + 1]) &&
		    (j + 2 >= n || !ascii_alnum(s[j + 2]) || s[j + 2] == '.') &&
		    j - start <= 3) {
			/* U.S., e.g., U.N.: one or two letters between full stops */
			dotted = true;
			j++;
			continue;
		}
		if (s[j] == '&' && j + 1 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z' &&
		    j > start && s[j - 1] >= 'A' && s[j - 1] <= 'Z') {
			j++;	/* AT&T */
			continue;
		}
		break;
	}
	/* A web site: FactCheck.org, Breitbart.com. */
	if (j + 4 <= n && s[j] == '.' && (memcmp(s + j + 1, "com", 3) == 0 ||
	    memcmp(s + j + 1, "org", 3) == 0 || memcmp(s + j + 1, "net", 3) == 0 ||
	    memcmp(s + j + 1, "gov", 3) == 0) && (j + 4 == n ||
	    word_char(s + j + 4, n - j - 4) == 0))
		j += 4;
	/* A full stop that belongs to the word: an initial (J.), a dotted abbreviation
	 * (U.S.), or a known abbreviation or title (Sen., Inc., Calif.). */
	k = nparts > 0 ? parts[nparts - 1] + 1 : start;	/* the last part */
	if (j < n && s[j] == '.' && (dotted || j - start == 1 ||
	    (j - start == 2 && (memcmp(s + start, "Jr", 2) == 0 ||
	    memcmp(s + start, "Sr", 2) == 0)) ||
	    (hs_lexicon_types(tg->lex, tg->text + start, j + 1 - start) &
	    (LEXBIT(HS_LEX_ABBREV) | LEXBIT(HS_LEX_TITLE) | LEXBIT(HS_LEX_GPE))) ||
	    (k > start && lex_has_key(tg, HS_LEX_GPE, tg->text + k, j + 1 - k))))
		j++;
	parts[nparts] = j;

	/* Hyphenated: split where a part starts in lower case and another in upper case
	 * (anti-Trump, Reagan-like), but keep name particles (al-Assad) and party
	 * labels' states apart ((D-Mass.) gives Mass.). */
	pend = start;
	if (nparts > 0) {
		bool mixed = false, first_lower = false;

		for (k = 0; k <= nparts; k++) {
			size_t ps = k == 0 ? start : parts[k - 1] + 1;
			f = case_flags(s + ps, parts[k] - ps);
			if (k == 0)
				first_lower = (f & F_LOWER) != 0;
			else if (((f & F_LOWER) != 0) != first_lower)
				mixed = true;
		}
		if (first_lower && is_particle(tg->text + start, parts[0] - start)) {
			mixed = false;
			particle_name = (case_flags(s + parts[0] + 1,
			    parts[1 < nparts ? 1 : nparts] - parts[0] - 1) & F_CAP) != 0;
		}
		if (!first_lower && is_prefix(tg->text + start, parts[0] - start))
			mixed = true;	/* Pro-Russian, Anti-Trump */
		if (parts[0] - start == 1 && (s[start] == 'D' || s[start] == 'R' ||
		    s[start] == 'I') && nparts == 1) {
			/* (D-Mass.): the party letter is no name */
			push_tok(tg, start, parts[0], F_WORD | F_LOWER, 0);
			pend = parts[0] + 1;
			mixed = false;
		}
		if (mixed) {
			for (k = 0; k <= nparts; k++) {
				size_t ps = k == 0 ? start : parts[k - 1] + 1;

				f = case_flags(s + ps, parts[k] - ps);
				if (k == 0 && is_prefix(tg->text + ps, parts[k] - ps))
					f = F_WORD | F_LOWER;
				push_tok(tg, ps, parts[k], f |
				    (s[parts[k] - 1] == '.' ? F_ABBR : 0), 0);
			}
			return j;
		}
	}
	if (high || pend != start)
		f = case_flags(s + pend, j - pend);
	else {
		/* ASCII: the flags from what the scan saw */
		cls = ascii_class[s[start]];
		f = F_WORD | ((cls & C_UPPER) ? F_CAP : (cls & C_LOWER) ? F_LOWER : F_DIGIT);
		if ((seen & (C_UPPER | C_LOWER)) == C_UPPER) {
			/* all capitals: ALLCAPS when two letters or more (not "I") */
			for (k = start; k < j && letters < 2; k++)
				letters += (ascii_class[s[k]] & C_UPPER) != 0;
			if (letters >= 2)
				f |= F_ALLCAPS;
		}
	}
	if (s[j - 1] == '.')
		f |= F_ABBR;
	if (particle_name)
		f = (uint16_t)((f & ~F_LOWER) | F_CAP);	/* al-Assad */
	/* A possessive is no part of the name: Moscow's, Moscow’s, the Joneses'. */
	if (j - pend > 2 && s[j - 1] == 's' && (a = apostrophe(s + j - 2, 2)) == 1) {
		push_tok(tg, pend, j - 2, f | F_POSS, 0);
		return j;
	}
	if (j - pend > 4 && s[j - 1] == 's' && s[j - 4] == 0xE2 && s[j - 3] == 0x80 &&
	    s[j - 2] == 0x99) {
		push_tok(tg, pend, j - 4, f | F_POSS, 0);
		return j;
	}
	if (j < n && s[j - 1] == 's' && (a = apostrophe(s + j, n - j)) > 0 &&
	    (j + a >= n || word_char(s + j + a, n - j - a) == 0)) {
		push_tok(tg, pend, j, f | F_POSS, 0);
		return j + a;
	}
	push_tok(tg, pend, j, f, 0);
	return j;
}

/* Whether the newline at s[i] ends a line followed by a blank one. */
static bool
blank_line_after(const unsigned char *s, size_t i, size_t n)
{
	for (i++; i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'); i++)
		;
	return i < n && s[i] == '\n';
}

static void
tokenize(struct hs_tagger *tg)
{
	const unsigned char	*s = (const unsigned char *)tg->text;
	size_t			 n = tg->len, i = 0, l;
	uint32_t		 c;
	char			 p;
	bool			 initial = true;

	tg->ntoks = tg->ncaps = 0;
	tg->title_words = tg->title_caps = 0;
	while (i < n) {
		if (s[i] == '\n' && blank_line_after(s, i, n)) {
			/* a paragraph break inside a piece (a record of a whole article)
			 * ends a sentence as a full stop does: no name runs across it */
			push_tok(tg, i, i + 1, 0, '.');
			initial = true;
			i++;
			continue;
		}
		if (s[i] == ' ') {
			/* runs of spaces eight at a time (blanked text is long runs) */
			for (i++; i + 8 <= n && memcmp(s + i, "        ", 8) == 0; i += 8)
				;
			continue;
		}
		if (ascii_class[s[i]] & C_SPACE) {
			i++;
			continue;
		}
		if (s[i] >= 0x80 && (l = hs_space_len(s + i, n - i)) > 0) {
			i += l;
			continue;
		}
		if ((ascii_class[s[i]] & C_ALNUM) || (s[i] >= 0x80 &&
		    word_char(s + i, n - i) > 0)) {
			size_t first = tg->ntoks;

			i = scan_word(tg, i);
			if (initial && first < tg->ntoks)
				tg->toks[first].flags |= F_INITIAL;
			initial = false;
			continue;
		}
		if (s[i] < 0x80) {
			c = s[i];
			l = 1;
		} else
			c = hs_utf8_decode(s + i, n - i, &l);
		switch (c) {
		case '.': case '!': case '?': case 0x2026:
			p = '.';
			break;
		case ',':
			p = ',';
			break;
		case ':': case ';':
			p = ':';
			break;
		case '(': case '[':
			p = '(';
			break;
		case ')': case ']':
			p = ')';
			break;
		case 0x201C: case 0x2018: case 0xAB:
			p = 'q';
			break;
		case 0x201D: case 0x2019: case 0xBB:
			p = 'Q';
			break;
		case '"': case '\'':
			/* Straight marks open after a space or a bracket, else close. */
			p = tg->ntoks == 0 || (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' ||
			    s[i - 1] == '(' || s[i - 1] == '\t')) ? 'q' : 'Q';
			break;
		case '-': case 0x2013: case 0x2014: case 0x2015:
			p = '-';
			break;
		case '&':
			p = '&';
			break;
		default:
			p = 'x';
			break;
		}
		push_tok(tg, i, i + l, 0, p);
		initial = p == '.' || p == ':' || p == 'q' || (initial && p != 'x') ||
		    p == '(' || p == '-';
		i += l;
	}
}

/* ------------------------------------------------------------------------------ */
/* Keys: the text of a span of tokens as the lexicons spell it */

/* Append text[s..e) to b, with curly apostrophes straight, dashes as hyphens and
 * every run of white space as one space. */
static void
append_folded(struct hs_buf *b, const char *text, size_t s, size_t e)
{
	const unsigned char	*p = (const unsigned char *)text;
	size_t			 i = s, l;
	bool			 space = false;

	while (i < e) {
		if (p[i] < 0x80 && p[i] != ' ' && p[i] != '\n' && p[i] != '\t' &&
		    p[i] != '\r') {
			if (space)
				hs_buf_putc(b, ' ');
			space = false;
			hs_buf_putc(b, (char)p[i++]);
			continue;
		}
		if ((l = hs_space_len(p + i, e - i)) > 0) {
			space = b->len > 0;
			i += l;
			continue;
		}
		if (space)
			hs_buf_putc(b, ' ');
		space = false;
		if (e - i >= 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x99 || p[i + 2] == 0x98)) {
			hs_buf_putc(b, '\'');
			i += 3;
		} else if (e - i >= 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x93 || p[i + 2] == 0x94)) {
			hs_buf_putc(b, '-');
			i += 3;
		} else
			hs_buf_putc(b, (char)p[i++]);
	}
}

/* The key of tokens [a, b], in tg->key (NUL-terminated). */
static const char *
key_of(struct hs_tagger *tg, size_t a, size_t b)
{
	tg->key.len = 0;
	append_folded(&tg->key, tg->text, tg->toks[a].start, tg->toks[b].end);
	hs_buf_putc(&tg->key, '\0');
	tg->key.len--;
	return tg->key.data;
}

/* The same in lower case (ASCII letters only: roles and common words are ASCII). */
static const char *
lc_key_of(struct hs_tagger *tg, size_t a, size_t b)
{
	size_t i;

	key_of(tg, a, b);
	for (i = 0; i < tg->key.len; i++)
		if (tg->key.data[i] >= 'A' && tg->key.data[i] <= 'Z')
			tg->key.data[i] |= 0x20;
	return tg->key.data;
}

/* The lexicon types of token i as written, and of its lower-case form. An all-capital
 * word (WASHINGTON) is also looked up as Washington. */
static void
tok_types(struct hs_tagger *tg, size_t i)
{
	struct tok	*t = &tg->toks[i];
	const char	*w = tg->text + t->start;
	size_t		 n = t->end - t->start, k;
	char		 lc[64];

	if (t->flags & F_TYPES)
		return;
	t->flags |= F_TYPES;
	if (!(t->flags & F_WORD))
		return;
	/* Most words are short ASCII: looked up where they stand. */
	if (n < sizeof(lc) && memchr(w, 0xE2, n) == NULL) {
		t->types = hs_lexicon_types(tg->lex, w, n);
		if ((t->flags & F_ALLCAPS) && n >= 4 && !(t->types & ENTITY_LEX_MASK)) {
			lc[0] = w[0];
			for (k = 1; k < n; k++)
				lc[k] = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] | 0x20) : w[k];
			t->types |= hs_lexicon_types(tg->lex, lc, n) & ENTITY_LEX_MASK;
		}
		return;
	}
	key_of(tg, i, i);
	t->types = hs_lexicon_types(tg->lex, tg->key.data, tg->key.len);
	if ((t->flags & F_ALLCAPS) && tg->key.len >= 4 && !(t->types & ENTITY_LEX_MASK)) {
		for (k = 1; k < tg->key.len; k++)
			if (tg->key.data[k] >= 'A' && tg->key.data[k] <= 'Z')
				tg->key.data[k] |= 0x20;
		t->types |= hs_lexicon_types(tg->lex, tg->key.data, tg->key.len) &
		    ENTITY_LEX_MASK;
	}
}

/* The lexicon types of token i in lower case, looked up only when asked: most
 * capitalised words are settled by their own types. */
static unsigned
tok_lc_types(struct hs_tagger *tg, size_t i)
{
	struct tok	*t = &tg->toks[i];
	const char	*w = tg->text + t->start;
	size_t		 n = t->end - t->start, k;
	char		 lc[64];
	bool		 upper = false;

	tok_types(tg, i);
	if (!(t->flags & F_WORD))
		return 0;
	if (t->flags & F_LCTYPES)
		return t->lc_types;
	t->flags |= F_LCTYPES;
	if (n < sizeof(lc) && memchr(w, 0xE2, n) == NULL) {
		for (k = 0; k < n; k++) {
			lc[k] = w[k];
			if (w[k] >= 'A' && w[k] <= 'Z') {
				lc[k] |= 0x20;
				upper = true;
			}
		}
		t->lc_types = upper ? hs_lexicon_types(tg->lex, lc, n) : t->types;
		return t->lc_types;
	}
	lc_key_of(tg, i, i);
	t->lc_types = hs_lexicon_types(tg->lex, tg->key.data, tg->key.len);
	return t->lc_types;
}

static bool
tok_is(struct hs_tagger *tg, size_t i, enum hs_lex_type type)
{
	tok_types(tg, i);
	return (tg->toks[i].types & LEXBIT(type)) != 0;
}

static bool
tok_lc_is(struct hs_tagger *tg, size_t i, enum hs_lex_type type)
{
	tok_types(tg, i);
	return (tok_lc_types(tg, i) & LEXBIT(type)) != 0;
}

/* A word that is an ordinary English word in lower case, or begins sentences. */
static bool
tok_common(struct hs_tagger *tg, size_t i)
{
	tok_types(tg, i);
	return (tok_lc_types(tg, i) & LEXBIT(HS_LEX_COMMON)) != 0 ||
	    (tg->toks[i].types & LEXBIT(HS_LEX_STARTER)) != 0;
}

static bool
tok_text_is(const struct hs_tagger *tg, size_t i, const char *w)
{
	const struct tok *t = &tg->toks[i];
	size_t n = strlen(w);

	return t->end - t->start == n && memcmp(tg->text + t->start, w, n) == 0;
}

static inline bool
is_word(const struct hs_tagger *tg, size_t i)
{
	return i < tg->ntoks && (tg->toks[i].flags & F_WORD);
}

/* A capitalised word that can be part of a name ("I" and "I'm" cannot). */
static inline bool
is_cap(const struct hs_tagger *tg, size_t i)
{
	const struct tok *t;

	if (!is_word(tg, i))
		return false;
	t = &tg->toks[i];
	if (!(t->flags & (F_CAP | F_ALLCAPS)))
		return false;
	if (tg->text[t->start] == 'I' && (t->end - t->start == 1 ||
	    apostrophe((const unsigned char *)tg->text + t->start + 1,
	    t->end - t->start - 1) > 0))
		return false;
	return true;
}

static bool
is_suffix(const struct hs_tagger *tg, size_t i)
{
	const struct tok *t = &tg->toks[i];

	if (t->end - t->start < 2 || t->end - t->start > 3 ||
	    (tg->text[t->start] != 'J' && tg->text[t->start] != 'S' &&
	    tg->text[t->start] != 'I'))
		return false;
	return tok_text_is(tg, i, "Jr.") || tok_text_is(tg, i, "Sr.") ||
	    tok_text_is(tg, i, "Jr") || tok_text_is(tg, i, "II") ||
	    tok_text_is(tg, i, "III") || tok_text_is(tg, i, "IV");
}

/* Month and weekday names: dates, not names (hs_numex reads them). */
static bool
is_calendar(const struct hs_tagger *tg, size_t i)
{
	static const char *const words[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December", "Jan.",
		"Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
		"Nov.", "Dec.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday",
	};
	const struct tok	*t = &tg->toks[i];
	size_t			 k;

	if (t->end - t->start < 3 || t->end - t->start > 9 ||
	    strchr("JFMASONDTW", tg->text[t->start]) == NULL)
		return false;
	for (k = 0; k < NELEM(words); k++)
		if (tok_text_is(tg, i, words[k]))
			return true;
	return false;
}

/* ------------------------------------------------------------------------------ */
/* Mentions */

/* Copy s[0..n) into the arena. s may be a string of the arena itself (a name copied
 * for an acronym): it is found again after the arena grows, which may move it. */
static uint32_t
arena_add(struct hs_tagger *tg, const char *s, size_t n)
{
	uint32_t	 off = (uint32_t)tg->arena.len;
	uintptr_t	 from = (uintptr_t)s, base = (uintptr_t)tg->arena.data;

	if (tg->arena.data != NULL && from >= base && from < base + tg->arena.len) {
		hs_buf_reserve(&tg->arena, n + 1);
		s = tg->arena.data + (from - base);
	}
	hs_buf_append(&tg->arena, s, n);
	hs_buf_putc(&tg->arena, '\0');
	return off;
}

static const char *
arena_str(const struct hs_tagger *tg, uint32_t off)
{
	return tg->arena.data + off;
}

static struct rmention *
add_mention(struct hs_tagger *tg, size_t a, size_t b, int type, const char *name,
    size_t namelen, uint8_t flags)
{
	struct rmention *m;

	if (tg->nrm == tg->caprm) {
		size_t ncap = tg->caprm ? tg->caprm * 2 : 256;

		if ((m = reallocarray(tg->rm, ncap, sizeof(*m))) == NULL)
			err(HS_EXIT_DATA, NULL);
		tg->rm = m;
		tg->caprm = ncap;
	}
	m = &tg->rm[tg->nrm++];
	m->piece = tg->piece;
	m->start = tg->toks[a].start;
	m->end = tg->toks[b].end;
	m->type = type;
	m->name = arena_add(tg, name, namelen);
	m->text = m->first = m->last = m->name;
	m->order = tg->order++;
	m->flags = flags;
	return m;
}

/* A person's name from tokens [a, b]: its first and last words are kept apart so
 * that a later "Blinken" or "Hillary" can find it. */
static void
add_person(struct hs_tagger *tg, size_t a, size_t b)
{
	struct rmention	*m;
	size_t		 last = b;

	key_of(tg, a, b);
	m = add_mention(tg, a, b, HS_ENT_PERSON, tg->key.data, tg->key.len,
	    a < b ? MF_FULL : 0);
	while (last > a && is_suffix(tg, last))
		last--;
	if (a < b) {
		key_of(tg, a, a);
		m->first = arena_add(tg, tg->key.data, tg->key.len);
		key_of(tg, last, last);
		m->last = arena_add(tg, tg->key.data, tg->key.len);
	} else if (tok_is(tg, a, HS_LEX_GIVEN))
		m->flags |= MF_GIVEN;
}

/* The first and last words of a person's full name from a lexicon: "George W.
 * Bush" is George ... Bush, "Martin Luther King Jr." Martin ... King. */
static void
name_parts(struct hs_tagger *tg, struct rmention *m, const char *name)
{
	const char	*sp = strchr(name, ' '), *end = name + strlen(name), *ls;
	size_t		 n;

	m->first = arena_add(tg, name, sp ? (size_t)(sp - name) : strlen(name));
	for (;;) {
		for (ls = end; ls > name && ls[-1] != ' '; ls--)
			;
		n = (size_t)(end - ls);
		if (ls > name && ((n == 3 && (memcmp(ls, "Jr.", 3) == 0 ||
		    memcmp(ls, "Sr.", 3) == 0 || memcmp(ls, "III", 3) == 0)) ||
		    (n == 2 && (memcmp(ls, "Jr", 2) == 0 || memcmp(ls, "II", 2) == 0)))) {
			end = ls - 1;
			while (end > name && end[-1] == ',')
				end--;
			continue;
		}
		break;
	}
	m->last = arena_add(tg, ls, (size_t)(end - ls));
}

/* The longest known entity, role or title starting at token i and ending by token
 * b: its last token in *end, its kind in *lextype (an entity type, or -1 for a role
 * or title). */
static bool
longest_known(struct hs_tagger *tg, size_t i, size_t b, size_t *end, int *lextype)
{
	size_t		 j, k, n, last = i + MAX_NAME_TOKENS - 1, lens[MAX_NAME_TOKENS];
	char		 lc[256];
	unsigned	 types;
	int		 t;
	bool		 role;

	if (last > b)
		last = b;
	if ((tg->toks[i].flags & F_LK) && tg->toks[i].lk_b == b) {
		*end = tg->toks[i].lk_end;
		*lextype = tg->toks[i].lk_type;
		return *lextype != LK_NONE;
	}
	tg->toks[i].flags |= F_LK;
	tg->toks[i].lk_b = (uint32_t)b;
	tg->toks[i].lk_type = LK_NONE;
	tok_types(tg, i);
	/* No known name or role of several words starts with this word. */
	if (!(tg->toks[i].types & LEXBIT(HS_LEX_MULTI_START)) &&
	    !(tok_lc_types(tg, i) & LEXBIT(HS_LEX_MULTI_START)))
		last = i;
	/* The key of [i, j] is a prefix of the key of [i, last]: fold once. */
	if (last > i) {
		tg->key.len = 0;
		append_folded(&tg->key, tg->text, tg->toks[i].start, tg->toks[i].end);
		lens[0] = tg->key.len;
		for (j = i + 1; j <= last; j++) {
			append_folded(&tg->key, tg->text, tg->toks[j - 1].end, tg->toks[j].end);
			lens[j - i] = tg->key.len;
		}
		n = tg->key.len < sizeof(lc) ? tg->key.len : sizeof(lc);
		for (k = 0; k < n; k++)
			lc[k] = tg->key.data[k] >= 'A' && tg->key.data[k] <= 'Z' ?
			    (char)(tg->key.data[k] | 0x20) : tg->key.data[k];
	}
	for (j = last + 1; j-- > i;) {
		if (!is_word(tg, j))
			continue;
		if (j == i)
			types = tg->toks[i].types;
		else
			types = hs_lexicon_types(tg->lex, tg->key.data, lens[j - i]);
		/* One word that is a known place, body or group and also a person's
		 * alias (a learned Washington) is the place; a longer span is
		 * whichever it is, a person first. */
		for (k = 0; k < NELEM(ent_order[0]); k++) {
			t = ent_order[j == i][k];
			if (types & LEXBIT(ent_lex[t]))
				goto found;
		}
		if (types & LEXBIT(HS_LEX_TITLE)) {
			t = -1;
			goto found;
		}
		if (j == i)
			role = (tok_lc_types(tg, i) & LEXBIT(HS_LEX_ROLE)) != 0;
		else
			role = lens[j - i] <= sizeof(lc) &&
			    tok_lc_is(tg, j, HS_LEX_ROLE_END) &&
			    hs_lexicon_has(tg->lex, HS_LEX_ROLE, lc, lens[j - i]);
		if (role) {
			/* "FBI Director": the FBI is named, the director is a role */
			if (j > i && (tg->toks[i].types & ENTITY_LEX_MASK) &&
			    !(tok_lc_types(tg, i) & LEXBIT(HS_LEX_ROLE)))
				continue;
			t = -1;
			goto found;
		}
	}
	return false;

found:
	tg->toks[i].lk_end = (uint32_t)j;
	tg->toks[i].lk_type = t;
	*end = j;
	*lextype = t;
	return true;
}

/* The canonical name of the known entity tokens [a, b] as type t. */
static void
add_known(struct hs_tagger *tg, size_t a, size_t b, int t)
{
	struct rmention	*m;
	const char	*canon;
	size_t		 k;

	key_of(tg, a, b);
	canon = hs_lexicon_canonical(tg->lex, ent_lex[t], tg->key.data, tg->key.len);
	if (canon == NULL && a == b && (tg->toks[a].flags & F_ALLCAPS)) {
		for (k = 1; k < tg->key.len; k++)
			if (tg->key.data[k] >= 'A' && tg->key.data[k] <= 'Z')
				tg->key.data[k] |= 0x20;
		canon = hs_lexicon_canonical(tg->lex, ent_lex[t], tg->key.data,
		    tg->key.len);
	}
	if (canon == NULL)
		canon = tg->key.data;
	if (t == HS_ENT_PERSON) {
		/* A known person (people.tsv, or -L from --learn): a full name is one;
		 * a lone surname is still open to the article's own full names. */
		m = add_mention(tg, a, b, t, canon, strlen(canon),
		    MF_LEXICON | (a < b ? MF_FULL : 0));
		if (a < b)
			name_parts(tg, m, canon);
	} else
		m = add_mention(tg, a, b, t, canon, strlen(canon), MF_LEXICON |
		    ((tg->toks[a].flags & F_ALLCAPS) && a == b ? MF_ACRONYM : 0));
	if (a == b) {
		/* The word as written, for the article to check against its people. */
		key_of(tg, a, a);
		if (strcmp(tg->key.data, arena_str(tg, m->name)) != 0)
			m->text = arena_add(tg, tg->key.data, tg->key.len);
	}
}

/* Whether a role (lower case: "national security adviser") ends just before token a. */
static bool
role_before(struct hs_tagger *tg, size_t a)
{
	char		 buf[128];
	size_t		 n, len = 0, w, k;
	const struct tok *t;

	/* The words before a, lower case, joined by single spaces, built backwards:
	 * "adviser", "security adviser", "national security adviser". Only after a
	 * word that ends some role. */
	if (a == 0 || !is_word(tg, a - 1) || !tok_lc_is(tg, a - 1, HS_LEX_ROLE_END))
		return false;
	for (n = 1; n <= 4 && n <= a; n++) {
		t = &tg->toks[a - n];
		if (!is_word(tg, a - n) || (t->flags & F_CAP))
			return false;
		w = t->end - t->start;
		if (w + 1 + len > sizeof(buf))
			return false;
		if (len > 0) {
			memmove(buf + w + 1, buf, len);
			buf[w] = ' ';
			len++;
		}
		for (k = 0; k < w; k++)
			buf[k] = tg->text[t->start + k] >= 'A' && tg->text[t->start + k] <= 'Z' ?
			    (char)(tg->text[t->start + k] | 0x20) : tg->text[t->start + k];
		len += w;
		if (hs_lexicon_has(tg->lex, HS_LEX_ROLE, buf, len))
			return true;
	}
	return false;
}

/* A reporting verb right after token b (Blinken said), or right before token a
 * (said Blinken, according to Blinken). */
static bool
cue_around(struct hs_tagger *tg, size_t a, size_t b)
{
	size_t j = b + 1;

	if (j < tg->ntoks && tg->toks[j].punct == ',' && is_word(tg, j + 1) &&
	    (tg->toks[j + 1].flags & F_DIGIT) && j + 2 < tg->ntoks &&
	    tg->toks[j + 2].punct == ',')
		return true;		/* Blinken, 59, */
	if (is_word(tg, j) && (tg->toks[j].flags & F_LOWER) && tok_lc_is(tg, j, HS_LEX_CUE))
		return true;
	if (a >= 1 && is_word(tg, a - 1) && (tg->toks[a - 1].flags & F_LOWER) &&
	    tok_lc_is(tg, a - 1, HS_LEX_CUE))
		return true;
	if (a >= 2 && is_word(tg, a - 2) && is_word(tg, a - 1) &&
	    tok_lc_is(tg, a - 2, HS_LEX_MULTI_START)) {
		lc_key_of(tg, a - 2, a - 1);
		if (hs_lexicon_has(tg->lex, HS_LEX_CUE, tg->key.data, tg->key.len))
			return true;
	}
	return false;
}

/* "G.K.", "J.": initials before a surname. */
static bool
is_initials(const struct hs_tagger *tg, size_t i)
{
	const struct tok	*t = &tg->toks[i];
	const char		*s = tg->text + t->start;
	size_t			 n = t->end - t->start, k;

	if (!(t->flags & F_ABBR) || n < 2 || n > 6)
		return false;
	for (k = 0; k < n; k += 2)
		if (!(s[k] >= 'A' && s[k] <= 'Z') || k + 1 >= n || s[k + 1] != '.')
			return false;
	return true;
}

/* Tokens [a, b] look like the words of a person's name: capitalised, not all
 * capitals, not the words of bodies, places or dates. Before a given name they must
 * not be ordinary words either; after one they may (Charlie Black, Billie Jean
 * King), but a role only as the last word (Paul Singer; not "Paul Senator Ryan"). */
static bool
name_words(struct hs_tagger *tg, size_t a, size_t b, bool after_given)
{
	size_t i;

	if (b - a > 3)
		return false;
	for (i = a; i <= b; i++) {
		if (!is_word(tg, i))
			return false;
		if (is_particle(tg->text + tg->toks[i].start,
		    tg->toks[i].end - tg->toks[i].start) || is_suffix(tg, i) ||
		    is_initials(tg, i))
			continue;
		if (!(tg->toks[i].flags & F_CAP) || (tg->toks[i].flags & F_ALLCAPS))
			return false;
		if (tok_is(tg, i, HS_LEX_ORGWORD) || tok_is(tg, i, HS_LEX_GPEWORD) ||
		    tok_is(tg, i, HS_LEX_LOCWORD) || is_calendar(tg, i))
			return false;
		if (after_given ? i < b && tok_lc_is(tg, i, HS_LEX_ROLE) :
		    tok_common(tg, i) && !tok_is(tg, i, HS_LEX_GIVEN))
			return false;
	}
	return true;
}

static bool
name_shaped(struct hs_tagger *tg, size_t a, size_t b)
{
	return name_words(tg, a, b, false);
}

static bool
surname_shaped(struct hs_tagger *tg, size_t a, size_t b)
{
	return name_words(tg, a, b, true);
}

/* The first given name (or initials) in [a, b] that can open a name: an ordinary
 * word that is also a given name (Bill, Will) only as the first word. */
static size_t
first_given(struct hs_tagger *tg, size_t a, size_t b)
{
	size_t i;

	for (i = a; i <= b; i++)
		if (is_cap(tg, i) && ((tok_is(tg, i, HS_LEX_GIVEN) &&
		    (i == a || !tok_common(tg, i))) || is_initials(tg, i)))
			return i;
	return SIZE_MAX;
}

/* Drop connecting words ("of", "and", particles) at either end of [*a, *b]. */
static bool
trim_chunk(struct hs_tagger *tg, size_t *a, size_t *b)
{
	while (*a <= *b && !is_cap(tg, *a))
		(*a)++;
	while (*b > *a && !is_cap(tg, *b) && !is_suffix(tg, *b))
		(*b)--;
	return *a <= *b && is_cap(tg, *a);
}

/* Tokens [a, b] that no lexicon knows: judge them by shape and context. */
static void
judge_unknown(struct hs_tagger *tg, size_t a, size_t b, bool person_cue, size_t ra,
    size_t rb)
{
	size_t	i, g;
	bool	all_common = true;

	if (!trim_chunk(tg, &a, &b))
		return;
	for (i = a; i <= b; i++)
		if (is_cap(tg, i) && (!tok_common(tg, i) || tok_is(tg, i, HS_LEX_GIVEN)))
			all_common = false;
	if (a < b && tok_is(tg, b, HS_LEX_ORGWORD)) {
		key_of(tg, a, b);
		add_mention(tg, a, b, HS_ENT_ORG, tg->key.data, tg->key.len, 0);
		return;
	}
	if (a < b && tok_is(tg, a, HS_LEX_ORGWORD) && b > a + 1 &&
	    (tok_text_is(tg, a + 1, "of") || tok_text_is(tg, a + 1, "on") ||
	    tok_text_is(tg, a + 1, "for"))) {
		key_of(tg, a, b);
		add_mention(tg, a, b, HS_ENT_ORG, tg->key.data, tg->key.len, 0);
		return;
	}
	if (a < b && tok_is(tg, b, HS_LEX_GPEWORD)) {
		key_of(tg, a, b);
		add_mention(tg, a, b, HS_ENT_GPE, tg->key.data, tg->key.len, 0);
		return;
	}
	if (a < b && (tok_is(tg, b, HS_LEX_LOCWORD) || tok_is(tg, a, HS_LEX_LOCWORD))) {
		key_of(tg, a, b);
		add_mention(tg, a, b, HS_ENT_LOC, tg->key.data, tg->key.len, 0);
		return;
	}
	if (all_common)
		return;
	/* Laws, plans, buildings and events named after people are not people:
	 * Marshall Plan, Madison Square Garden, Hurricane Katrina. */
	if (tok_is(tg, b, HS_LEX_THINGWORD) || (a < b && tok_is(tg, a, HS_LEX_THINGWORD)))
		return;
	if (a < b && is_calendar(tg, a))
		a++;
	/* A given name makes a person of the words around it: before it, words
	 * shaped like names (a given name we do not know: Billie Jean King, Cassius
	 * Clay Sr.); after it, any capitalised words but those of bodies, places and
	 * dates (Charlie Black, Paul Singer). Other words before it are not the
	 * name's: "Hall of Fame trainer Angelo Dundee". */
	if (a < b && (g = first_given(tg, a, b)) != SIZE_MAX &&
	    (g < b ? surname_shaped(tg, g + 1, b) : g > a)) {
		if (g == a || (g - a == 1 && name_shaped(tg, a, a))) {
			add_person(tg, a, b);
			return;
		}
		if (g < b && !is_suffix(tg, g + 1)) {
			judge_unknown(tg, a, g - 1, false, ra, g - 1);
			add_person(tg, g, b);
			return;
		}
	}
	if ((person_cue || cue_around(tg, ra, rb)) && (name_shaped(tg, a, b) ||
	    (a < b && surname_shaped(tg, a, b)))) {
		add_person(tg, a, b);
		return;
	}
	if (a < b && name_shaped(tg, a, b)) {
		add_person(tg, a, b);
		return;
	}
	if (a == b && is_calendar(tg, a))
		return;
	if (a == b) {
		/* One word: kept for the article to decide (a surname, an acronym). */
		bool place = ra == a && !(tg->toks[a].flags & F_POSS) &&
		    !tok_common(tg, a) && !(tg->toks[a].flags & F_ALLCAPS) &&
		    ((a > 0 && is_word(tg, a - 1) && (tok_text_is(tg, a - 1, "in") ||
		    tok_text_is(tg, a - 1, "from") || tok_text_is(tg, a - 1, "near"))) ||
		    (a + 2 < tg->ntoks && tg->toks[a + 1].punct == ',' &&
		    is_cap(tg, a + 2) && tok_is(tg, a + 2, HS_LEX_GPE)));

		key_of(tg, a, a);
		add_mention(tg, a, a, M_UNKNOWN, tg->key.data, tg->key.len,
		    ((tg->toks[a].flags & F_ALLCAPS) ? MF_ACRONYM :
		    tok_is(tg, a, HS_LEX_GIVEN) ? MF_GIVEN : 0) | (place ? MF_PLACE : 0) |
		    (tok_is(tg, a, HS_LEX_GIVEN) && !tok_common(tg, a) &&
		    !(tg->toks[a].flags & F_INITIAL) ? MF_FIRSTNAME : 0));
		return;
	}
	/* Several capitalised words of no known shape: each may still be a surname. */
	for (i = a; i <= b; i++)
		if (is_cap(tg, i) && !tok_common(tg, i)) {
			key_of(tg, i, i);
			add_mention(tg, i, i, M_UNKNOWN, tg->key.data, tg->key.len,
			    (tg->toks[i].flags & F_ALLCAPS) ? MF_ACRONYM : 0);
		}
}

/* An acronym defined in brackets right after tokens [a, b]: "Council on Foreign
 * Relations (CFR)". Its letters must be the initials of the capitalised words. */
static void
acronym_after(struct hs_tagger *tg, size_t a, size_t b, uint32_t expansion)
{
	const struct tok	*t;
	const char		*acr;
	size_t			 i, k = 0, n;
	struct acronym		*x;

	if (b + 3 >= tg->ntoks || tg->toks[b + 1].punct != '(' || !is_word(tg, b + 2) ||
	    tg->toks[b + 3].punct != ')')
		return;
	t = &tg->toks[b + 2];
	if (!(t->flags & F_ALLCAPS))
		return;
	acr = tg->text + t->start;
	n = t->end - t->start;
	for (i = a; i <= b && k < n; i++) {
		if (!is_cap(tg, i))
			continue;
		if (tg->text[tg->toks[i].start] != acr[k])
			return;
		k++;
	}
	if (k != n || i <= b)
		return;
	if (tg->nacr == tg->capacr) {
		size_t ncap = tg->capacr ? tg->capacr * 2 : 16;

		if ((x = reallocarray(tg->acr, ncap, sizeof(*x))) == NULL)
			err(HS_EXIT_DATA, NULL);
		tg->acr = x;
		tg->capacr = ncap;
	}
	x = &tg->acr[tg->nacr++];
	tg->toks[b + 2].flags |= F_TAKEN;	/* read_piece must not read it again */
	x->acr = arena_add(tg, acr, n);
	/* The expansion is a string of the arena, which each add may move: it is
	 * reached by its offset, never by a pointer kept across an add. */
	x->expansion = arena_add(tg, arena_str(tg, expansion),
	    strlen(arena_str(tg, expansion)));
	add_mention(tg, b + 2, b + 2, HS_ENT_ORG, arena_str(tg, x->expansion),
	    strlen(arena_str(tg, x->expansion)), MF_ACRONYM);
}

/* Read a run of capitalised words [a, b] (connectors included) in running text. */
static void
read_run(struct hs_tagger *tg, size_t a, size_t b)
{
	size_t		i, end, chunk = SIZE_MAX, p, nbefore;
	int		t;
	bool		person_cue;

	/* A capital that only marks the sentence start: "Former", "The", "Officials". */
	if (tg->toks[a].flags & F_INITIAL) {
		bool known = longest_known(tg, a, b, &end, &t);

		/* "Conservative groups": a common word that is a group's name too */
		if (known && end == a && t == HS_ENT_NORP && tok_common(tg, a))
			known = false;
		bool shaped = a < b && (tok_is(tg, b, HS_LEX_ORGWORD) ||
		    tok_is(tg, b, HS_LEX_GPEWORD) || tok_is(tg, b, HS_LEX_LOCWORD) ||
		    (tok_is(tg, a, HS_LEX_ORGWORD) && (tok_text_is(tg, a + 1, "of") ||
		    tok_text_is(tg, a + 1, "for") || tok_text_is(tg, a + 1, "on"))));

		if (tok_is(tg, a, HS_LEX_STARTER))
			shaped = false;		/* "A U.S. Senate panel": not the name's */
		if (!known && !shaped && tok_common(tg, a) &&
		    !(tok_is(tg, a, HS_LEX_GIVEN) && a < b && !tok_common(tg, a + 1)))
			a++;
		if (a > b || !trim_chunk(tg, &a, &b))
			return;
	}
	/* "The New York Times": the article is no part of the name. */
	if (a < b && (tok_text_is(tg, a, "The") || tok_text_is(tg, a, "THE")))
		a++;
	/* A possessive ends a name, except inside one that ends like an organisation's
	 * (the Norwegian Fishermen's Association). */
	for (p = a; p < b; p++) {
		if (!(tg->toks[p].flags & F_POSS))
			continue;
		if (tok_is(tg, b, HS_LEX_ORGWORD) && !is_calendar(tg, a) &&
		    !(longest_known(tg, a, p, &end, &t) && end == p) &&
		    !(longest_known(tg, p + 1, b, &end, &t) && t >= 0))
			break;
		read_run(tg, a, p);
		if (p + 1 <= b)
			read_run(tg, p + 1, b);
		return;
	}
	nbefore = tg->nrm;
	/* Known whole: the lexicons name it. */
	if (a < b && longest_known(tg, a, b, &end, &t) && end == b && t >= 0) {
		add_known(tg, a, b, t);
		goto acronym;
	}
	/* The whole run is shaped like an organisation ("Vermont Democratic Party"),
	 * unless a national prefix stands before a known body ("U.S. State
	 * Department": the State Department). */
	if (a < b && tok_is(tg, b, HS_LEX_ORGWORD) && !role_before(tg, a) &&
	    !(longest_known(tg, a, b, &end, &t) && t < 0)) {
		if ((tg->toks[a].flags & (F_ALLCAPS | F_ABBR)) && tok_is(tg, a, HS_LEX_GPE) &&
		    longest_known(tg, a + 1, b, &end, &t) && end == b &&
		    t == HS_ENT_ORG) {
			add_known(tg, a + 1, b, t);
			goto acronym;
		}
		if (tok_is(tg, a, HS_LEX_NORP) && longest_known(tg, a + 1, b, &end, &t) &&
		    end == b && t == HS_ENT_ORG) {
			add_known(tg, a, a, HS_ENT_NORP);
			add_known(tg, a + 1, b, t);
			goto acronym;
		}
		if (!tok_is(tg, a, HS_LEX_GIVEN) || tok_is(tg, a + 1, HS_LEX_ORGWORD) ||
		    a + 1 == b) {
			key_of(tg, a, b);
			add_mention(tg, a, b, HS_ENT_ORG, tg->key.data, tg->key.len, 0);
			goto acronym;
		}
	}

	/* "University of Tennessee", "Columbia Graduate School of Journalism". */
	for (p = a; p + 2 <= b; p++) {
		if (tok_is(tg, p, HS_LEX_ORGWORD) && (tok_text_is(tg, p + 1, "of") ||
		    tok_text_is(tg, p + 1, "for") || tok_text_is(tg, p + 1, "on")) &&
		    !(longest_known(tg, a, b, &end, &t) && t < 0 && end > p)) {
			key_of(tg, a, b);
			add_mention(tg, a, b, HS_ENT_ORG, tg->key.data, tg->key.len, 0);
			goto acronym;
		}
	}

	person_cue = role_before(tg, a) ||
	    (a > 0 && is_word(tg, a - 1) && tok_is(tg, a - 1, HS_LEX_TITLE));
	for (i = a; i <= b;) {
		if (longest_known(tg, i, b, &end, &t)) {
			/* A one-word place or body inside a name that began with a given
			 * name is the name's: Jesse Jackson, Mark Warner. */
			if ((t >= 0 ? t != HS_ENT_NORP : end == b) && end == i &&
			    chunk != SIZE_MAX && tok_is(tg, chunk, HS_LEX_GIVEN) &&
			    !tok_common(tg, chunk)) {
				i++;
				continue;
			}
			/* And a one-word place that is also a given name, before a name:
			 * Jordan Peterson. */
			if (end == i && i < b && (t == HS_ENT_PERSON || (t >= 0 &&
			    t != HS_ENT_ORG && tok_is(tg, i, HS_LEX_GIVEN))) &&
			    is_cap(tg, i + 1) && !longest_known(tg, i + 1, b, &p, &t)) {
				if (chunk == SIZE_MAX)
					chunk = i;
				i++;
				continue;
			}
			if (chunk != SIZE_MAX)
				judge_unknown(tg, chunk, i - 1, person_cue, a, b);
			chunk = SIZE_MAX;
			if (t < 0 && a == b && !(tg->toks[a].flags &
			    (F_INITIAL | F_ABBR))) {
				/* A lone capitalised role word may be a surname the
				 * article has written in full (King, after Martin
				 * Luther King Jr.): the article decides. */
				key_of(tg, a, a);
				add_mention(tg, a, a, M_UNKNOWN, tg->key.data,
				    tg->key.len, 0);
			} else if (t < 0)
				person_cue = true;
			else {
				add_known(tg, i, end, t);
				person_cue = false;
			}
			i = end + 1;
			continue;
		}
		if (chunk == SIZE_MAX)
			chunk = i;
		i++;
	}
	if (chunk != SIZE_MAX)
		judge_unknown(tg, chunk, b, person_cue, a, b);

acronym:
	if (tg->nrm > nbefore && b + 3 < tg->ntoks) {
		struct rmention *m = &tg->rm[tg->nrm - 1];

		if (m->type == HS_ENT_ORG || m->type == M_UNKNOWN || m->type == HS_ENT_GPE ||
		    m->type == HS_ENT_LOC)
			acronym_after(tg, a, b, m->name);
	}
}

/* Whether the piece is a headline in title case (every word capitalised), where
 * capitals say nothing. */
static bool
title_case(struct hs_tagger *tg)
{
	/* the counts are kept by push_tok() */
	return tg->title_words >= 3 && tg->title_caps * 10 >= tg->title_words * 8;
}

/* A headline: names the lexicons know, given name + surname, and single words left
 * for the article to vouch for. */
static void
read_title(struct hs_tagger *tg)
{
	size_t	i, end;
	int	t;

	for (i = 0; i < tg->ntoks;) {
		if (!is_cap(tg, i)) {
			i++;
			continue;
		}
		if (longest_known(tg, i, tg->ntoks - 1, &end, &t)) {
			if (t >= 0)
				add_known(tg, i, end, t);
			i = end + 1;
			continue;
		}
		if (tok_is(tg, i, HS_LEX_GIVEN) && is_cap(tg, i + 1) &&
		    name_shaped(tg, i + 1, i + 1) && !(tg->toks[i].flags & F_POSS)) {
			add_person(tg, i, i + 1);
			i += 2;
			continue;
		}
		if (!tok_common(tg, i) && !is_calendar(tg, i)) {
			key_of(tg, i, i);
			add_mention(tg, i, i, M_UNKNOWN, tg->key.data, tg->key.len,
			    (tg->toks[i].flags & F_ALLCAPS) ? MF_ACRONYM : 0);
		}
		i++;
	}
}

/* Whether connector token k (of, on, for, and, the, a particle) continues the run
 * [a, k - 1] into the capitalised word after it. */
static bool
joins(struct hs_tagger *tg, size_t a, size_t k)
{
	const struct tok	*t = &tg->toks[k];
	const char		*w = tg->text + t->start;
	size_t			 n = t->end - t->start, j;

	if (!is_cap(tg, k + 1) || is_calendar(tg, k + 1))
		return false;
	if (is_particle(w, n))
		return (tg->toks[k - 1].flags & F_CAP) && !(tg->toks[k - 1].flags & F_ALLCAPS);
	if (!((n == 2 && (memcmp(w, "of", 2) == 0 || memcmp(w, "on", 2) == 0)) ||
	    (n == 3 && (memcmp(w, "for", 3) == 0 || memcmp(w, "and", 3) == 0))))
		return false;
	if (n == 3 && memcmp(w, "and", 3) == 0) {
		/* only inside an "X of Y and Z" name */
		for (j = a; j < k; j++)
			if (tok_text_is(tg, j, "of") || tok_text_is(tg, j, "for"))
				return true;
		return false;
	}
	if (tok_is(tg, k - 1, HS_LEX_ORGWORD) || tok_is(tg, k - 1, HS_LEX_GPEWORD) ||
	    tok_is(tg, k - 1, HS_LEX_LOCWORD))
		return true;
	/* An organisation's name goes on after it: "Citizens for Community
	 * Improvement Action Fund". */
	for (j = k + 1; j + 1 < tg->ntoks && j <= k + 6 && is_cap(tg, j + 1) &&
	    !(tg->toks[j].flags & F_POSS); j++)
		;
	if (j > k + 1 && tok_is(tg, j, HS_LEX_ORGWORD))
		return true;
	/* A known name or role goes on: United States of America, Secretary of State. */
	for (j = k + 1; j < tg->ntoks && j <= k + 3 && is_cap(tg, j); j++) {
		size_t s = a + MAX_NAME_TOKENS > j ? a : j + 1 - MAX_NAME_TOKENS;
		unsigned types;

		for (; s < k; s++) {
			key_of(tg, s, j);
			types = hs_lexicon_types(tg->lex, tg->key.data, tg->key.len);
			if (types & ENTITY_LEX_MASK)
				return true;
			lc_key_of(tg, s, j);
			if (hs_lexicon_has(tg->lex, HS_LEX_ROLE, tg->key.data, tg->key.len))
				return true;
		}
	}
	return false;
}

static void
read_piece(struct hs_tagger *tg, bool title)
{
	size_t c, i, j, next = 0;

	if (title) {
		read_title(tg);
		return;
	}
	/* Only where a capitalised word stands can a name begin. */
	for (c = 0; c < tg->ncaps; c++) {
		i = tg->caps[c];
		if (i < next || !is_cap(tg, i) || (tg->toks[i].flags & F_TAKEN))
			continue;
		j = i;
		while (j + 1 < tg->ntoks && j + 1 - i < MAX_RUN) {
			if (tg->toks[j].flags & F_POSS) {
				/* may go on only into an organisation's name */
				if (!is_cap(tg, j + 1))
					break;
			}
			if (is_cap(tg, j + 1)) {
				j++;
				continue;
			}
			if (is_word(tg, j + 1) && (tg->toks[j + 1].flags & F_LOWER) &&
			    j + 2 < tg->ntoks && joins(tg, i, j + 1)) {
				j += 2;
				continue;
			}
			if (is_word(tg, j + 1) && j + 3 < tg->ntoks &&
			    is_particle(tg->text + tg->toks[j + 1].start,
			    tg->toks[j + 1].end - tg->toks[j + 1].start) &&
			    is_particle(tg->text + tg->toks[j + 2].start,
			    tg->toks[j + 2].end - tg->toks[j + 2].start) &&
			    is_cap(tg, j + 3)) {
				j += 3;		/* von der Leyen */
				continue;
			}
			if (tg->toks[j + 1].punct == '&' && is_cap(tg, j + 2)) {
				j += 2;
				continue;
			}
			break;
		}
		read_run(tg, i, j);
		next = j + 1;
	}
}

/* ------------------------------------------------------------------------------ */
/* The article as a whole */

/* The full names of people, to which lone surnames and given names join. */
struct person {
	uint32_t	first, last;	/* arena offsets */
	uint32_t	canon;		/* the form written most often */
	uint32_t	count;
	uint32_t	first_order;	/* reading order of its first full mention */
	uint32_t	last_order;	/* ... and of its last */
};

static int
cmp_mention(const void *a, const void *b)
{
	const struct rmention *x = a, *y = b;

	if (x->piece != y->piece)
		return x->piece < y->piece ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;	/* longer first */
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Mentions come nearly in order (a headline's and the dates' come late): insertion
 * sort, unless that moves too much, then qsort. */
static void
sort_mentions(struct rmention *rm, size_t n)
{
	struct rmention	 m;
	size_t		 i, j, moves = 0, budget = 8 * n + 1024;

	for (i = 1; i < n; i++) {
		if (cmp_mention(&rm[i - 1], &rm[i]) <= 0)
			continue;
		m = rm[i];
		for (j = i; j > 0 && cmp_mention(&rm[j - 1], &m) > 0; j--)
			rm[j] = rm[j - 1];
		rm[j] = m;
		if ((moves += i - j) > budget) {
			qsort(rm, n, sizeof(*rm), cmp_mention);
			return;
		}
	}
}

/* qsort has no argument: the tagger whose arena the comparisons read. */
static const struct hs_tagger *sort_tg;

static int
cmp_full(const void *a, const void *b)
{
	const struct rmention	*x = &sort_tg->rm[*(const size_t *)a];
	const struct rmention	*y = &sort_tg->rm[*(const size_t *)b];
	int			 c;

	if ((c = strcmp(arena_str(sort_tg, x->first), arena_str(sort_tg, y->first))) != 0)
		return c;
	if ((c = strcmp(arena_str(sort_tg, x->last), arena_str(sort_tg, y->last))) != 0)
		return c;
	if ((c = strcmp(arena_str(sort_tg, x->name), arena_str(sort_tg, y->name))) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static const struct person *sort_people;

static int
cmp_person_first(const void *a, const void *b)
{
	const struct person *x = &sort_people[*(const size_t *)a];
	const struct person *y = &sort_people[*(const size_t *)b];

	return strcmp(arena_str(sort_tg, x->first), arena_str(sort_tg, y->first));
}

static int
cmp_person_last(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = strcmp(arena_str(sort_tg, x->last), arena_str(sort_tg, y->last));

	return c != 0 ? c : strcmp(arena_str(sort_tg, x->first),
	    arena_str(sort_tg, y->first));
}

/* The people of the article, one for each (given name, surname), sorted by surname;
 * a person's canonical name is the full form written most often, the first on a tie.
 * Sorting keeps this O(n log n) however many names a window holds. */
static size_t
gather_people(struct hs_tagger *tg, struct person **pp)
{
	struct person	*p;
	size_t		*idx, n = 0, np = 0, i, j, k, best;
	uint32_t	 best_seen;
	struct rmention	*m;

	for (i = 0; i < tg->nrm; i++)
		if (tg->rm[i].type == HS_ENT_PERSON && (tg->rm[i].flags & MF_FULL))
			n++;
	if ((idx = reallocarray(NULL, n + 1, sizeof(*idx))) == NULL ||
	    (p = reallocarray(NULL, n + 1, sizeof(*p))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0, n = 0; i < tg->nrm; i++)
		if (tg->rm[i].type == HS_ENT_PERSON && (tg->rm[i].flags & MF_FULL))
			idx[n++] = i;
	sort_tg = tg;
	qsort(idx, n, sizeof(*idx), cmp_full);
	for (i = 0; i < n; i = j) {
		m = &tg->rm[idx[i]];
		for (j = i; j < n && strcmp(arena_str(tg, tg->rm[idx[j]].first),
		    arena_str(tg, m->first)) == 0 && strcmp(arena_str(tg,
		    tg->rm[idx[j]].last), arena_str(tg, m->last)) == 0; j++)
			;
		p[np].first = m->first;
		p[np].last = m->last;
		p[np].count = (uint32_t)(j - i);
		p[np].first_order = UINT32_MAX;
		p[np].last_order = 0;
		/* Runs of one form within [i, j): the longest run wins, then the
		 * form that came first. */
		best = 0;
		best_seen = UINT32_MAX;
		for (k = i; k < j;) {
			size_t	 e = k;
			uint32_t first_seen = UINT32_MAX;

			for (; e < j && strcmp(arena_str(tg, tg->rm[idx[e]].name),
			    arena_str(tg, tg->rm[idx[k]].name)) == 0; e++) {
				uint32_t o = tg->rm[idx[e]].order;

				if (o < first_seen)
					first_seen = o;
				if (o < p[np].first_order)
					p[np].first_order = o;
				if (o > p[np].last_order)
					p[np].last_order = o;
			}
			if (e - k > best || (e - k == best && first_seen < best_seen)) {
				best = e - k;
				best_seen = first_seen;
				p[np].canon = tg->rm[idx[k]].name;
			}
			k = e;
		}
		for (k = i; k < j; k++)
			tg->rm[idx[k]].name = p[np].canon;
		np++;
	}
	free(idx);
	qsort(p, np, sizeof(*p), cmp_person_last);
	*pp = p;
	return np;
}

/* The person a lone word stands for: the one with that surname whose full name was
 * written last before it (or the most written, when none was before); else the one
 * person with that given name. -1 when there is none. */
static long
find_person(const struct hs_tagger *tg, const struct person *p, const size_t *byfirst,
    size_t n, const char *word, uint32_t order, bool by_given)
{
	long	best = -1;
	size_t	lo = 0, hi = n, mid, k;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(arena_str(tg, p[mid].last), word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Among at most MAX_NAMESAKES people of one surname: a window of invented
	 * text can hold thousands, and a lone surname must not scan them all. */
	for (k = lo; k < n && k < lo + MAX_NAMESAKES &&
	    strcmp(arena_str(tg, p[k].last), word) == 0; k++) {
		if (best == -1)
			best = (long)k;
		else if (p[k].first_order < order && (p[best].first_order > order ||
		    p[k].last_order > p[best].last_order))
			best = (long)k;
		else if (p[best].first_order > order && p[k].first_order > order &&
		    p[k].count > p[best].count)
			best = (long)k;
	}
	if (best != -1 || !by_given)
		return best;
	/* By given name, in byfirst (the people sorted by given name): only when
	 * exactly one person has it. */
	for (lo = 0, hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(arena_str(tg, p[byfirst[mid]].first), word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && strcmp(arena_str(tg, p[byfirst[lo]].first), word) == 0 &&
	    (lo + 1 == n || strcmp(arena_str(tg, p[byfirst[lo + 1]].first), word) != 0))
		return (long)byfirst[lo];
	return -1;
}

/* The length of the first word of s. */
static size_t
first_word_len(const char *s)
{
	const char *sp = strchr(s, ' ');

	return sp != NULL ? (size_t)(sp - s) : strlen(s);
}

static int
cmp_first_word(const void *a, const void *b)
{
	const char	*x = arena_str(sort_tg, sort_tg->rm[*(const size_t *)a].text);
	const char	*y = arena_str(sort_tg, sort_tg->rm[*(const size_t *)b].text);
	size_t		 nx = first_word_len(x), ny = first_word_len(y);
	int		 c = memcmp(x, y, nx < ny ? nx : ny);

	if (c != 0)
		return c;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 :
	    *(const size_t *)a > *(const size_t *)b;
}

/* The organisations of several words the article names, sorted by first word, for
 * find_org(); not named after someone ("Clinton Foundation" leaves a lone Clinton a
 * person). Sorted so that a window of any size costs n log n. */
static size_t
index_orgs(struct hs_tagger *tg, size_t **out)
{
	size_t		*idx, n = 0, i, w;
	struct rmention	*m;
	const char	*text, *second, *sp;

	if ((idx = reallocarray(NULL, tg->nrm + 1, sizeof(*idx))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0; i < tg->nrm; i++) {
		m = &tg->rm[i];
		if (m->type != HS_ENT_ORG || (m->flags & MF_ACRONYM))
			continue;
		text = arena_str(tg, m->text);
		if ((sp = strchr(text, ' ')) == NULL)
			continue;
		second = sp + 1;
		w = first_word_len(second);
		if (!hs_lexicon_has(tg->lex, HS_LEX_ORGWORD, second, w))
			idx[n++] = i;
	}
	sort_tg = tg;
	if (n > 1)
		qsort(idx, n, sizeof(*idx), cmp_first_word);
	*out = idx;
	return n;
}

/* An organisation of several words that the article names and whose first word is
 * `word` (Meridian Terminals Inc.), or NULL. */
static struct rmention *
find_org(struct hs_tagger *tg, const size_t *idx, size_t n, const char *word)
{
	size_t		 lo = 0, hi = n, mid, wn = strlen(word), fn;
	const char	*text;
	int		 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		text = arena_str(tg, tg->rm[idx[mid]].text);
		fn = first_word_len(text);
		c = memcmp(text, word, fn < wn ? fn : wn);
		if (c == 0 && fn != wn)
			c = fn < wn ? -1 : 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n) {
		text = arena_str(tg, tg->rm[idx[lo]].text);
		if (first_word_len(text) == wn && memcmp(text, word, wn) == 0)
			return &tg->rm[idx[lo]];
	}
	return NULL;
}

static int
cmp_acronym(const void *a, const void *b)
{
	const struct acronym *x = a, *y = b;
	int c = strcmp(arena_str(sort_tg, x->acr), arena_str(sort_tg, y->acr));

	/* the first definition first: the arena grows as the text is read */
	return c != 0 ? c : (x->acr < y->acr ? -1 : x->acr > y->acr);
}

/* The expansion of an acronym the article defines (the first definition), or
 * NULL; tg->acr is sorted by then. */
static const struct acronym *
find_acronym(const struct hs_tagger *tg, const char *s, size_t n)
{
	size_t		 lo = 0, hi = tg->nacr, mid;
	const char	*a;
	int		 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		a = arena_str(tg, tg->acr[mid].acr);
		c = strncmp(a, s, n);
		if (c == 0 && a[n] != '\0')
			c = 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < tg->nacr) {
		a = arena_str(tg, tg->acr[lo].acr);
		if (strncmp(a, s, n) == 0 && a[n] == '\0')
			return &tg->acr[lo];
	}
	return NULL;
}

static int
cmp_expansion(const void *a, const void *b)
{
	const struct acronym *x = a, *y = b;
	int c = strcmp(arena_str(sort_tg, x->expansion), arena_str(sort_tg, y->expansion));

	/* of two acronyms of one expansion, the first defined */
	return c != 0 ? c : (x->acr < y->acr ? -1 : x->acr > y->acr);
}

static int
cmp_name(const void *a, const void *b)
{
	const struct rmention *x = &sort_tg->rm[*(const size_t *)a];
	const struct rmention *y = &sort_tg->rm[*(const size_t *)b];

	return strcmp(arena_str(sort_tg, x->name), arena_str(sort_tg, y->name));
}

/* An acronym and its expansion are one name: the form written more often, the
 * words on a tie. The organisations are grouped by name once, not once for each
 * acronym. */
static void
choose_acronym_forms(struct hs_tagger *tg)
{
	size_t			*idx, n = 0, i, j, k, acr_uses, lo, hi, a;
	struct acronym		*exps;
	const struct acronym	*x;
	const char		*name;

	if (tg->nacr == 0)
		return;
	if ((idx = reallocarray(NULL, tg->nrm + 1, sizeof(*idx))) == NULL ||
	    (exps = reallocarray(NULL, tg->nacr, sizeof(*exps))) == NULL)
		err(HS_EXIT_DATA, NULL);
	memcpy(exps, tg->acr, tg->nacr * sizeof(*exps));
	sort_tg = tg;
	qsort(exps, tg->nacr, sizeof(*exps), cmp_expansion);
	for (i = 0; i < tg->nrm; i++)
		if (tg->rm[i].type == HS_ENT_ORG && !(tg->rm[i].flags & MF_DROP))
			idx[n++] = i;
	sort_tg = tg;
	if (n > 1)
		qsort(idx, n, sizeof(*idx), cmp_name);
	for (i = 0; i < n; i = j) {
		name = arena_str(tg, tg->rm[idx[i]].name);
		acr_uses = 0;
		for (j = i; j < n && strcmp(arena_str(tg, tg->rm[idx[j]].name), name) == 0;
		    j++)
			acr_uses += (tg->rm[idx[j]].flags & MF_ACRONYM) != 0;
		if (acr_uses * 2 <= j - i)
			continue;	/* the words are written as often or more */
		/* Is this name the expansion of a defined acronym? */
		for (lo = 0, hi = tg->nacr; lo < hi;) {
			a = lo + (hi - lo) / 2;
			if (strcmp(arena_str(tg, exps[a].expansion), name) < 0)
				lo = a + 1;
			else
				hi = a;
		}
		if (lo == tg->nacr || strcmp(arena_str(tg, exps[lo].expansion), name) != 0)
			continue;
		x = &exps[lo];
		for (k = i; k < j; k++)
			tg->rm[idx[k]].name = x->acr;
	}
	free(idx);
	free(exps);
}


static int
cmp_text(const void *a, const void *b)
{
	const struct rmention *x = &sort_tg->rm[*(const size_t *)a];
	const struct rmention *y = &sort_tg->rm[*(const size_t *)b];

	return strcmp(arena_str(sort_tg, x->text), arena_str(sort_tg, y->text));
}

/* A lone word nothing else vouched for, written elsewhere in the article as a
 * place, body or group (Skarvik, after "in Skarvik"), is that again: in a
 * headline, or after "that". Sorted, so any number of words costs n log n. */
static void
vouch_by_article(struct hs_tagger *tg)
{
	size_t		*idx, n = 0, i, lo, hi, mid;
	struct rmention	*m, *k;
	int		 c;

	if ((idx = reallocarray(NULL, tg->nrm + 1, sizeof(*idx))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0; i < tg->nrm; i++) {
		m = &tg->rm[i];
		if ((m->type == HS_ENT_GPE || m->type == HS_ENT_ORG || m->type ==
		    HS_ENT_LOC || m->type == HS_ENT_NORP) && !(m->flags & MF_DROP) &&
		    strchr(arena_str(tg, m->text), ' ') == NULL)
			idx[n++] = i;
	}
	sort_tg = tg;
	if (n > 1)
		qsort(idx, n, sizeof(*idx), cmp_text);
	for (i = 0; i < tg->nrm && n > 0; i++) {
		m = &tg->rm[i];
		if (m->type != M_UNKNOWN || !(m->flags & MF_DROP))
			continue;
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			c = strcmp(arena_str(tg, tg->rm[idx[mid]].text), arena_str(tg, m->text));
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && strcmp(arena_str(tg, (k = &tg->rm[idx[lo]])->text),
		    arena_str(tg, m->text)) == 0) {
			m->type = k->type;
			m->name = k->name;
			m->flags &= (uint8_t)~MF_DROP;
		}
	}
	free(idx);
}

static void
resolve_article(struct hs_tagger *tg)
{
	struct person		*people;
	size_t			 npeople, norgs, *orgs, *byfirst, i;
	struct rmention		*m, *org;
	const struct acronym	*x;
	const char	*name, *canon;
	long		 who;

	npeople = gather_people(tg, &people);
	if ((byfirst = reallocarray(NULL, npeople + 1, sizeof(*byfirst))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0; i < npeople; i++)
		byfirst[i] = i;
	sort_people = people;
	sort_tg = tg;
	if (npeople > 1)
		qsort(byfirst, npeople, sizeof(*byfirst), cmp_person_first);
	norgs = index_orgs(tg, &orgs);
	sort_tg = tg;
	if (tg->nacr > 1)
		qsort(tg->acr, tg->nacr, sizeof(*tg->acr), cmp_acronym);
	/* An acronym the article defines means what the article says, whatever the
	 * lexicon thinks (CBC: the Congressional Black Caucus, not the broadcaster). */
	for (i = 0; i < tg->nrm && tg->nacr > 0; i++) {
		const struct hs_piece *pc;

		m = &tg->rm[i];
		if (m->type != HS_ENT_ORG || !(m->flags & MF_LEXICON) ||
		    !(m->flags & MF_ACRONYM))
			continue;
		pc = &tg->art->pieces[m->piece];
		if ((x = find_acronym(tg, tg->art->text + pc->off + m->start,
		    m->end - m->start)) != NULL) {
			m->name = x->expansion;
			m->flags &= (uint8_t)~MF_LEXICON;
		}
	}
	for (i = 0; i < tg->nrm; i++) {
		m = &tg->rm[i];
		name = arena_str(tg, m->text);
		if (m->type == HS_ENT_PERSON && (m->flags & MF_FULL))
			continue;	/* gather_people named it */
		/* Persons and unknown words; and a one-word place that is the
		 * surname of someone the article names (Jesse Jackson ... Jackson). */
		if (m->type != HS_ENT_PERSON && m->type != M_UNKNOWN &&
		    !((m->flags & MF_LEXICON) && (m->type == HS_ENT_GPE ||
		    m->type == HS_ENT_LOC) && strchr(name, ' ') == NULL))
			continue;
		/* A lone word: a surname (or given name) of someone the article names
		 * in full; a learned person; a defined acronym; or nothing. */
		who = find_person(tg, people, byfirst, npeople, name, m->order,
		    m->type == HS_ENT_PERSON || (m->flags & MF_GIVEN));
		if (who != -1) {
			m->type = HS_ENT_PERSON;
			m->name = people[who].canon;
			continue;
		}
		if (m->type != HS_ENT_PERSON && m->type != M_UNKNOWN)
			continue;
		/* "Meridian said", after "Meridian Terminals Inc.": the body, short. */
		if (!(m->flags & MF_LEXICON) &&
		    (org = find_org(tg, orgs, norgs, name)) != NULL) {
			m->type = HS_ENT_ORG;
			m->name = org->name;
			continue;
		}
		if ((canon = hs_lexicon_canonical(tg->lex, HS_LEX_PERSON, name,
		    strlen(name))) != NULL) {
			m->type = HS_ENT_PERSON;
			m->name = arena_add(tg, canon, strlen(canon));
			continue;
		}
		if (m->type == M_UNKNOWN) {
			if ((x = find_acronym(tg, name, strlen(name))) != NULL) {
				m->type = HS_ENT_ORG;
				m->name = x->expansion;
			}
			if (m->type == M_UNKNOWN && (m->flags & MF_PLACE))
				m->type = HS_ENT_GPE;
			/* A given name alone, in running text: someone known by it. */
			if (m->type == M_UNKNOWN && (m->flags & MF_FIRSTNAME))
				m->type = HS_ENT_PERSON;
			if (m->type == M_UNKNOWN)
				m->flags |= MF_DROP;
		}
	}
	vouch_by_article(tg);
	choose_acronym_forms(tg);
	free(people);
	free(byfirst);
	free(orgs);
}

/* ------------------------------------------------------------------------------ */
/* Dates and amounts, and the user's rules */

static int
on_numex(const struct hs_numex *x, void *arg)
{
	struct hs_tagger	*tg = arg;
	size_t			 save = tg->ntoks;

	/* add_mention takes token indexes: lend it a token of the span. */
	push_tok(tg, x->start, x->end, 0, 'x');
	add_mention(tg, tg->ntoks - 1, tg->ntoks - 1, HS_ENT_DATE + (int)x->type,
	    x->name, strlen(x->name), 0);
	tg->ntoks = save;
	return 0;
}

static void
run_rules(struct hs_tagger *tg, unsigned long long want)
{
	size_t		 r, start, end, off;
	PCRE2_SIZE	*ov;
	int		 rc;
	struct rule	*ru;

	for (r = 0; r < tg->nrules; r++) {
		ru = &tg->rules[r];
		if (!(want & (1ULL << ru->type)))
			continue;
		off = 0;
		while (off <= tg->len) {
			rc = pcre2_match(ru->code, (PCRE2_SPTR)tg->text, tg->len, off, 0,
			    ru->md, NULL);
			if (rc < 0)
				break;
			ov = pcre2_get_ovector_pointer(ru->md);
			start = ov[0];
			end = ov[1];
			if (end > start) {
				size_t save = tg->ntoks;

				push_tok(tg, start, end, 0, 'x');
				tg->key.len = 0;
				append_folded(&tg->key, tg->text, start, end);
				add_mention(tg, tg->ntoks - 1, tg->ntoks - 1, ru->type,
				    tg->key.data, tg->key.len, MF_RULE);
				tg->ntoks = save;
				off = end;
			} else {
				/* an empty match: step over one character */
				size_t l = hs_utf8_seqlen((const unsigned char *)tg->text +
				    end, tg->len - end);
				off = end + (l ? l : 1);
			}
		}
	}
}

/* ------------------------------------------------------------------------------ */

struct hs_tagger *
hs_tagger_new(const struct hs_lexicon *lex)
{
	struct hs_tagger	*tg;
	int			 t;

	if ((tg = calloc(1, sizeof(*tg))) == NULL)
		err(HS_EXIT_DATA, NULL);
	if (ascii_class['a'] == 0)
		init_classes();
	tg->lex = lex;
	for (t = 0; t < HS_ENT_NBUILTIN; t++)
		strlcpy(tg->type_names[t], builtin_names[t], sizeof(tg->type_names[t]));
	tg->ntypes = HS_ENT_NBUILTIN;
	hs_buf_init(&tg->arena);
	hs_buf_init(&tg->key);
	return tg;
}

void
hs_tagger_free(struct hs_tagger *tg)
{
	size_t r;

	if (tg == NULL)
		return;
	for (r = 0; r < tg->nrules; r++) {
		pcre2_match_data_free(tg->rules[r].md);
		pcre2_code_free(tg->rules[r].code);
	}
	free(tg->rules);
	free(tg->rm);
	free(tg->acr);
	free(tg->out);
	free(tg->toks);
	free(tg->caps);
	free(tg->titles);
	hs_buf_free(&tg->arena);
	hs_buf_free(&tg->key);
	free(tg);
}

int
hs_tagger_type(const struct hs_tagger *tg, const char *name)
{
	int t;

	for (t = 0; t < tg->ntypes; t++)
		if (strcmp(tg->type_names[t], name) == 0)
			return t;
	return -1;
}

const char *
hs_tagger_type_name(const struct hs_tagger *tg, int type)
{
	return type >= 0 && type < tg->ntypes ? tg->type_names[type] : "?";
}

int
hs_tagger_ntypes(const struct hs_tagger *tg)
{
	return tg->ntypes;
}

int
hs_tagger_add_rule(struct hs_tagger *tg, const char *type, const char *pattern,
    char *errbuf, size_t errsize)
{
	struct rule	*ru;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 erroff;
	int		 errcode, t;
	size_t		 i, n = strlen(type);

	if (n >= sizeof(tg->type_names[0])) {
		snprintf(errbuf, errsize, "a type has at most %zu characters: '%s'",
		    sizeof(tg->type_names[0]) - 1, type);
		return -1;
	}
	if (n == 0 || !(type[0] >= 'A' && type[0] <= 'Z')) {
		snprintf(errbuf, errsize, "a type is upper-case letters, digits and _, "
		    "starting with a letter: '%s'", type);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= '0' && type[i] <= '9') ||
		    type[i] == '_')) {
			snprintf(errbuf, errsize, "a type is upper-case letters, digits "
			    "and _, starting with a letter: '%s'", type);
			return -1;
		}
	if ((t = hs_tagger_type(tg, type)) == -1 && tg->ntypes == HS_ENT_MAX) {
		snprintf(errbuf, errsize, "too many types (at most %d)", HS_ENT_MAX);
		return -1;
	}
	if ((ru = reallocarray(tg->rules, tg->nrules + 1, sizeof(*ru))) == NULL)
		err(HS_EXIT_DATA, NULL);
	tg->rules = ru;
	ru = &tg->rules[tg->nrules];
	ru->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errcode, &erroff, NULL);
	if (ru->code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		snprintf(errbuf, errsize, "%s at offset %zu", (char *)msg, (size_t)erroff);
		return -1;
	}
	/* The type exists once its first rule does. */
	if (t == -1) {
		t = tg->ntypes++;
		strlcpy(tg->type_names[t], type, sizeof(tg->type_names[t]));
	}
	ru->type = t;
	/* JIT where the platform has it; the interpreter otherwise. */
	(void)pcre2_jit_compile(ru->code, PCRE2_JIT_COMPLETE);
	if ((ru->md = pcre2_match_data_create_from_pattern(ru->code, NULL)) == NULL)
		err(HS_EXIT_DATA, NULL);
	tg->nrules++;
	return 0;
}

/* The article's date for hs_numex, or NULL. */
static const struct hs_civil_date *
article_date(const char *date, struct hs_civil_date *d)
{
	if (strlen(date) != 10)
		return NULL;
	d->year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 +
	    (date[3] - '0');
	d->month = (date[5] - '0') * 10 + (date[6] - '0');
	d->day = (date[8] - '0') * 10 + (date[9] - '0');
	return d;
}

#define NAME_TYPES	((1ULL << HS_ENT_PERSON) | (1ULL << HS_ENT_NORP) | \
			 (1ULL << HS_ENT_ORG) | (1ULL << HS_ENT_GPE) | (1ULL << HS_ENT_LOC))
#define NUMEX_TYPES	((1ULL << HS_ENT_DATE) | (1ULL << HS_ENT_MONEY) | \
			 (1ULL << HS_ENT_PERCENT) | (1ULL << HS_ENT_QUANTITY))

size_t
hs_tag_article(struct hs_tagger *tg, const struct hs_article *art,
    unsigned long long want, const struct hs_mention **out)
{
	struct hs_civil_date	 d;
	const struct hs_civil_date *anchor = article_date(art->date, &d);
	size_t			 i, k, n, pass, last_end, last_out = 0;
	uint32_t		 last_piece;
	bool			*titles;

	tg->art = art;
	tg->arena.len = 0;
	tg->nrm = tg->nacr = 0;
	tg->order = 0;
	/* Which pieces are title-case headlines: the array is kept for the next
	 * article, and every entry is set in the first pass before it is read. */
	if (tg->captitles < art->npieces) {
		free(tg->titles);
		tg->captitles = art->npieces;
		if ((tg->titles = calloc(tg->captitles, sizeof(*tg->titles))) == NULL)
			err(HS_EXIT_DATA, NULL);
	}
	titles = tg->titles;

	/* Body first, headlines after, so that a headline's words can be checked
	 * against the names of the body. */
	for (pass = 0; pass < 2 && (want & NAME_TYPES); pass++) {
		for (i = 0; i < art->npieces; i++) {
			tg->piece = (uint32_t)i;
			tg->text = art->text + art->pieces[i].off;
			tg->len = art->pieces[i].len;
			if (pass == 0) {
				tokenize(tg);
				titles[i] = title_case(tg);
				if (!titles[i])
					read_piece(tg, false);
			} else if (titles[i]) {
				tokenize(tg);
				read_piece(tg, true);
			}
		}
	}
	if (want & NAME_TYPES)
		resolve_article(tg);
	for (i = 0; i < art->npieces; i++) {
		tg->piece = (uint32_t)i;
		tg->text = art->text + art->pieces[i].off;
		tg->len = art->pieces[i].len;
		tg->ntoks = 0;
		if (want & NUMEX_TYPES)
			hs_numex_scan(tg->text, tg->len, anchor, on_numex, tg);
		run_rules(tg, want);
	}

	sort_mentions(tg->rm, tg->nrm);
	if (tg->capout < tg->nrm) {
		free(tg->out);
		tg->capout = tg->nrm;
		if ((tg->out = reallocarray(NULL, tg->capout, sizeof(*tg->out))) == NULL)
			err(HS_EXIT_DATA, NULL);
	}
	/* Built-in mentions do not overlap: the first (longest) at a place wins, and
	 * a date or amount over a name ("May 5") wins too. User rules overlap freely. */
	n = 0;
	last_piece = UINT32_MAX;
	last_end = 0;
	for (i = 0; i < tg->nrm; i++) {
		struct rmention *m = &tg->rm[i];

		if ((m->flags & MF_DROP) || m->type >= M_UNKNOWN ||
		    !(want & (1ULL << m->type)))
			continue;
		if (m->flags & MF_RULE) {
			/* free to overlap, but not to repeat a built-in mention */
			if (n > 0 && tg->out[n - 1].piece == m->piece &&
			    tg->out[n - 1].start == m->start && tg->out[n - 1].end == m->end &&
			    tg->out[n - 1].type == m->type)
				continue;
		} else if (m->type < HS_ENT_NBUILTIN) {
			if (m->piece == last_piece && m->start < last_end) {
				/* overlaps the one before: a date beats a name */
				if (m->type >= HS_ENT_DATE &&
				    tg->out[last_out].type < HS_ENT_DATE)
					tg->out[last_out].type = -1;	/* dropped */
				else
					continue;
			}
			last_piece = m->piece;
			last_end = m->end;
			last_out = n;
		}
		tg->out[n].piece = m->piece;
		tg->out[n].start = m->start;
		tg->out[n].end = m->end;
		tg->out[n].type = m->type;
		tg->out[n].name = arena_str(tg, m->name);
		n++;
	}
	/* Close the gaps of dropped names. */
	for (i = k = 0; i < n; i++)
		if (tg->out[i].type >= 0)
			tg->out[k++] = tg->out[i];
	*out = tg->out;
	return k;
}
