/* hs_segment.c: the sentence splitter: one forward pass over a paragraph that stops
 * only at bytes that may end a sentence (. ? ! … and line breaks) and decides there. */
#include <err.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define HS_SEGMENT_SSE2 1
#endif

#include "hs_segment.h"
#include "hs_utf8.h"
#include "hs_util.h"

/* For a rare path: inlined, it would make its caller save registers on every call. */
#if defined(__GNUC__)
#define HS_NOINLINE	__attribute__((__noinline__))
#else
#define HS_NOINLINE
#endif

#define NONE		SIZE_MAX
#define WORD_MAX	40	/* longer tokens are never looked up as abbreviations */
#define LOOK_MAX	100	/* how far the bounded look-aheads may read */
#define LINE_LONG	100	/* a line longer than this was not wrapped by hand */
#define LINE_SHORT	40	/* a line shorter than this and not ending a sentence is a heading */

struct hs_segmenter {
	const struct hs_lexicon	*lex;
};

/* What the bytes at a position are, as far as sentence boundaries care. */
enum cclass {
	CC_END,			/* end of the paragraph */
	CC_UPPER,
	CC_LOWER,
	CC_DIGIT,
	CC_CONT,		/* , ; : ) ] } %: the sentence goes on */
	CC_OTHER
};

/* What ends at a candidate: a period, an ellipsis, or a run with ? or !. */
enum term {
	T_PERIOD,
	T_ELLIPSIS,
	T_QUESTION
};

/* How a word with a final period behaves. */
enum wclass {
	W_PLAIN,		/* an ordinary word: the period ends the sentence */
	W_TITLE,		/* never ends a sentence before a name */
	W_ABBREV,		/* ends one only before a sentence starter */
	W_NUMABBREV		/* an abbreviation only before a number */
};

enum list {
	LIST_NONE,
	LIST_BULLET,		/* "• one • two" */
	LIST_NUMBER,		/* "1) one 2) two", "1. one 2. two", "1.) one 2.) two" */
	LIST_LETTER		/* "a. one b. two" */
};

struct seg {
	const struct hs_lexicon	*lex;
	const unsigned char	*s;
	size_t			 len;
	struct hs_span		**spans;
	size_t			*cap;
	size_t			 n;
	size_t			 sent;		/* first byte of the current sentence, or NONE */
	size_t			 line;		/* first byte of the current line */
	size_t			 checked;	/* [sent, checked) holds no word character */
	bool			 word;		/* the current sentence has a word character */
	size_t			 caps;		/* where a run-in capitalised heading ends, or NONE */
	/* A list that opens the paragraph and goes on inside it: where its next
	 * item starts, which number or letter that item has, and its mark (the
	 * bullet itself, or what follows the number: "." ")" ".)"). */
	enum list		 list;
	size_t			 list_at;
	unsigned		 list_next;
	const unsigned char	*list_mark;
	size_t			 list_marklen;
};

struct next {
	size_t		 at;		/* the first byte after any opening marks */
	enum cclass	 cls;
};

/* The bytes the scan stops at: . ? ! newline, and the lead byte of … ‼ ⁇ ⁈ ⁉. */
static const unsigned char candidate[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [0xE2] = 1
};

#ifdef HS_SEGMENT_SSE2
/* The bytes of the sixteen at s that are . ? ! newline or 0xE2, as 0xFF. */
static inline __m128i
rough_candidates(const unsigned char *s)
{
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)s);

	return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('.')),
	    _mm_cmpeq_epi8(b, _mm_set1_epi8('?'))),
	    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('!')),
	    _mm_cmpeq_epi8(b, _mm_set1_epi8('\n'))),
	    _mm_cmpeq_epi8(b, _mm_set1_epi8((char)0xE2))));
}

/* The candidates among the sixteen bytes at s, as a bit mask; reads s[0..18).
 * 0xE2 leads every curly quote and dash too; it is a candidate only when its
 * third byte can end …, ‼ or ⁇ ⁈ ⁉ (A6, BC, 87 to 89), so the scan does not stop
 * at each quote mark. */
static inline unsigned
candidate_mask(const unsigned char *s)
{
	const __m128i	e2 = _mm_set1_epi8((char)0xE2);
	__m128i		b, b2, t, third;

	b = _mm_loadu_si128((const __m128i *)(const void *)s);
	b2 = _mm_loadu_si128((const __m128i *)(const void *)(s + 2));
	t = _mm_xor_si128(b2, _mm_set1_epi8((char)0x80));  /* 0x87..0x89: 0x07..0x09 */
	third = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b2, _mm_set1_epi8((char)0xA6)),
	    _mm_cmpeq_epi8(b2, _mm_set1_epi8((char)0xBC))),
	    _mm_and_si128(_mm_cmpgt_epi8(t, _mm_set1_epi8(0x06)),
	    _mm_cmplt_epi8(t, _mm_set1_epi8(0x0A))));
	/* The 0xE2 bytes whose third byte does not end a sentence are dropped. */
	return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
	    _mm_andnot_si128(third, _mm_cmpeq_epi8(b, e2)), rough_candidates(s)));
}
#endif

/* The first candidate byte in s[i..lim), or lim. Ordinary text is most of every
 * paragraph, so with SSE2 it is skipped 32 bytes at a time: one branch for two
 * blocks, as a mispredicted one costs more than the few more instructions. */
static size_t
next_candidate(const unsigned char *s, size_t i, size_t lim)
{
#ifdef HS_SEGMENT_SSE2
	uint32_t	mask;

	while (i + 34 <= lim) {
		mask = candidate_mask(s + i) | candidate_mask(s + i + 16) << 16;
		if (mask != 0)
			return i + (size_t)__builtin_ctz(mask);
		i += 32;
	}
	if (i + 18 <= lim) {
		mask = candidate_mask(s + i);
		if (mask != 0)
			return i + (size_t)__builtin_ctz(mask);
		i += 16;
	}
	/* The last bytes: one block that ends at lim, less the bytes before i, where
	 * any 0xE2 is a stop, as in the loop below (on_terminal() steps over one
	 * that ends no sentence). */
	if (i < lim && lim - i == 17 && !candidate[s[i]])
		i++;
	if (i < lim && lim - i <= 16 && lim >= 16) {
		mask = (uint32_t)_mm_movemask_epi8(rough_candidates(s + lim - 16)) >>
		    (16 - (lim - i));
		return mask != 0 ? i + (size_t)__builtin_ctz(mask) : lim;
	}
#endif
	while (i < lim && !candidate[s[i]])
		i++;
	return i;
}

static const char *const speech_verbs[] = {
	"added", "adds", "answered", "argued", "asked", "asks", "begged", "chanted",
	"claimed", "concluded", "continued", "cried", "declared", "demanded",
	"exclaimed", "explained", "insisted", "interjected", "joked", "laughed",
	"muttered", "noted", "offered", "pleaded", "quipped", "recalled", "remarked",
	"replied", "responded", "said", "says", "screamed", "shouted", "snapped",
	"stated", "tells", "told", "tweeted", "urged", "warned", "whispered",
	"wondered", "wrote", "writes", "yelled"
};

/* Words that stay in lower case in a headline in title case. */
static const char *const small_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "nor", "of",
	"on", "or", "the", "to", "via", "vs.", "with"
};

/* Words before n't whose contraction starts a sentence ("Don't", "Can't"). */
static const char *const negatives[] = {
	"Ain", "Aren", "Can", "Couldn", "Didn", "Doesn", "Don", "Hadn", "Hasn",
	"Haven", "Isn", "Mustn", "Shouldn", "Wasn", "Weren", "Won", "Wouldn"
};

static bool
in_list(const char *const *list, size_t n, const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	}
	return false;
}

/* --- characters ------------------------------------------------------------------ */

static bool
is_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
has3(const unsigned char *s, size_t n, unsigned char b1, unsigned char b2)
{
	return n >= 3 && s[0] == 0xE2 && s[1] == b1 && s[2] == b2;
}

/* Length of the terminal punctuation at s (…, ‼, ⁇, ⁈, ⁉ besides . ? !), else 0;
 * *question says whether it asks or exclaims. */
static size_t
terminal_len(const unsigned char *s, size_t n, bool *question)
{
	*question = false;
	if (s[0] == '.')
		return 1;
	if (s[0] == '?' || s[0] == '!') {
		*question = true;
		return 1;
	}
	if (s[0] != 0xE2)
		return 0;
	if (has3(s, n, 0x80, 0xA6))
		return 3;
	if (has3(s, n, 0x80, 0xBC) || (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 &&
	    s[2] >= 0x87 && s[2] <= 0x89)) {
		*question = true;
		return 3;
	}
	return 0;
}

/* Length of a closing mark at s: " ' ) ] } ” ’ › », and “ as some sites misuse it. */
static size_t
closer_len(const unsigned char *s, size_t n, bool *quote)
{
	switch (s[0]) {
	case '"':
	case '\'':
		*quote = true;
		return 1;
	case ')':
	case ']':
	case '}':
		return 1;
	}
	if (s[0] < 0xC2)
		return 0;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xBB) {
		*quote = true;
		return 2;
	}
	if (has3(s, n, 0x80, 0x9D) || has3(s, n, 0x80, 0x99) ||
	    has3(s, n, 0x80, 0x9C) || has3(s, n, 0x80, 0xBA)) {
		*quote = true;
		return 3;
	}
	return 0;
}

/* Length of an opening mark at s: " ' ( [ { “ ‘ ‹ « ¿ ¡. */
static size_t
opener_len(const unsigned char *s, size_t n)
{
	switch (s[0]) {
	case '"':
	case '\'':
	case '(':
	case '[':
	case '{':
		return 1;
	}
	if (s[0] < 0xC2)
		return 0;
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBF || s[1] == 0xA1))
		return 2;
	if (has3(s, n, 0x80, 0x9C) || has3(s, n, 0x80, 0x98) || has3(s, n, 0x80, 0xB9))
		return 3;
	return 0;
}

/* Length of a bullet at s: • ‣ ⁃ ◦ ▪ ● ■ ·, and with dashes when `dashes`: - * – — ―. */
static size_t
bullet_len(const unsigned char *s, size_t n, bool dashes)
{
	if (dashes && (s[0] == '-' || s[0] == '*'))
		return 1;
	if (s[0] < 0xC2)
		return 0;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xB7)
		return 2;
	if (n < 3 || s[0] != 0xE2)
		return 0;
	if ((s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0xA3)) ||
	    (s[1] == 0x81 && s[2] == 0x83) ||
	    (s[1] == 0x97 && (s[2] == 0xA6 || s[2] == 0x8F)) ||
	    (s[1] == 0x96 && (s[2] == 0xAA || s[2] == 0xA0)))
		return 3;
	if (dashes && s[1] == 0x80 && s[2] >= 0x93 && s[2] <= 0x95)
		return 3;
	return 0;
}

/* What may come before a word and is not part of it: opening marks, bullets, dashes. */
static size_t
lead_len(const unsigned char *s, size_t n)
{
	size_t k;

	if (is_alpha(s[0]) || is_digit(s[0]))
		return 0;	/* the usual case, answered at once */
	if ((k = opener_len(s, n)) > 0)
		return k;
	return bullet_len(s, n, true);
}

static enum cclass
codepoint_class(uint32_t cp)
{
	if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
		return cp <= 0xDE ? CC_UPPER : CC_LOWER;
	if (cp >= 0x100 && cp <= 0x17F)
		return cp % 2 == 0 ? CC_UPPER : CC_LOWER;	/* near enough */
	if (cp >= 0x391 && cp <= 0x3A9)
		return CC_UPPER;
	if (cp >= 0x3AC && cp <= 0x3CE)
		return CC_LOWER;
	if (cp >= 0x400 && cp <= 0x42F)
		return CC_UPPER;
	if (cp >= 0x430 && cp <= 0x45F)
		return CC_LOWER;
	return CC_OTHER;
}

static enum cclass
char_class(const unsigned char *s, size_t n, size_t *clen)
{
	unsigned char	c;
	uint32_t	cp;

	*clen = 1;
	if (n == 0)
		return CC_END;
	c = s[0];
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return CC_UPPER;
		if (c >= 'a' && c <= 'z')
			return CC_LOWER;
		if (c >= '0' && c <= '9')
			return CC_DIGIT;
		switch (c) {
		case ',':
		case ';':
		case ':':
		case ')':
		case ']':
		case '}':
		case '%':
			return CC_CONT;
		}
		return CC_OTHER;
	}
	cp = hs_utf8_decode(s, n, clen);
	return cp == HS_UTF8_INVALID ? CC_OTHER : codepoint_class(cp);
}

/* Whether a byte shows that a sentence has words in it, not only punctuation: ASCII
 * letters and digits, and the lead bytes of letters past ASCII (not of U+0080..U+00BF,
 * nor of the punctuation block U+2000..U+2FFF). */
static bool
is_word_byte(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || (c >= 0xC3 && c != 0xE2 && c < 0xF5);
}

/* --- white space ----------------------------------------------------------------- */

/* Length of the white-space character that ends just before s[pos], or 0. */
static size_t
space_before(const unsigned char *s, size_t pos)
{
	unsigned char c;

	if (pos == 0)
		return 0;
	c = s[pos - 1];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c < 0x80 || c > 0xBF)
		return 0;
	if (pos >= 2 && hs_space_len(s + pos - 2, 2) == 2)
		return 2;
	if (pos >= 3 && hs_space_len(s + pos - 3, 3) == 3)
		return 3;
	return 0;
}

/* Whether no white space ends just before s[pos], pos >= 1: space_before() == 0,
 * answered at once for the printable ASCII that most words are made of. */
static bool
word_before(const unsigned char *s, size_t pos)
{
	unsigned char c = s[pos - 1];

	if (c > ' ' && c < 0x80)
		return true;
	if (c == ' ')
		return false;
	return space_before(s, pos) == 0;
}

/* Length of the white space at s[pos] that is not a line break, or 0. */
static size_t
inline_space(const struct seg *st, size_t pos)
{
	if (pos >= st->len || st->s[pos] == '\n')
		return 0;
	return hs_space_len(st->s + pos, st->len - pos);
}

/* The first byte at or after pos that is not white space; notes line starts. */
static size_t
skip_space(struct seg *st, size_t pos, unsigned *newlines)
{
	size_t		k;
	unsigned char	c;

	while (pos < st->len) {
		/* Mostly one space, then a word: no need to ask hs_space_len(). */
		if ((c = st->s[pos]) == ' ') {
			pos++;
			continue;
		}
		if (c > ' ' && c < 0xC2)
			break;
		if ((k = hs_space_len(st->s + pos, st->len - pos)) == 0)
			break;
		if (c == '\n') {
			st->line = pos + 1;
			if (newlines != NULL)
				(*newlines)++;
		}
		pos += k;
	}
	return pos;
}

/* pos moved back over white space, not below floor. */
static size_t
trim_back(const struct seg *st, size_t pos, size_t floor)
{
	size_t k;

	while (pos > floor && (k = space_before(st->s, pos)) > 0)
		pos -= k;
	return pos;
}

/* --- sentences ------------------------------------------------------------------- */

static size_t	caps_heading(const struct seg *, size_t) HS_NOINLINE;

static void
start_sentence(struct seg *st, size_t pos)
{
	if (pos >= st->len) {
		st->sent = NONE;
		return;
	}
	st->sent = pos;
	st->checked = pos;
	st->word = false;
	/* A run-in heading opens with two capitals; few sentences do. */
	if (pos + 1 < st->len && st->s[pos] >= 'A' && st->s[pos] <= 'Z' &&
	    st->s[pos + 1] >= 'A' && st->s[pos + 1] <= 'Z')
		st->caps = caps_heading(st, pos);
	else
		st->caps = NONE;
}

/* End the current sentence at end (just past its last byte) and start the next at
 * next, the first byte after the white space that follows. */
static void
boundary(struct seg *st, size_t end, size_t next)
{
	struct hs_span	*p;
	size_t		 ncap;

	if (st->sent == NONE || end <= st->sent)
		return;
	if (st->n == *st->cap) {
		ncap = *st->cap ? *st->cap * 2 : 16;
		if ((p = reallocarray(*st->spans, ncap, sizeof(*p))) == NULL)
			err(1, NULL);
		*st->spans = p;
		*st->cap = ncap;
	}
	(*st->spans)[st->n].start = st->sent;
	(*st->spans)[st->n].end = end;
	st->n++;
	start_sentence(st, next);
}

/* A break before pos, the first byte of something that starts a sentence. */
static void
force_break(struct seg *st, size_t pos)
{
	if (st->sent != NONE && pos > st->sent)
		boundary(st, trim_back(st, pos, st->sent), pos);
}

/* Whether the current sentence has a word character before upto; each byte is
 * examined once per sentence, so runs of bare punctuation stay linear. */
static bool
sentence_has_word(struct seg *st, size_t upto)
{
	size_t i;

	if (st->word)
		return true;
	for (i = st->checked; i < upto; i++) {
		if (is_word_byte(st->s[i])) {
			st->word = true;
			break;
		}
	}
	if (upto > st->checked)
		st->checked = upto;
	return st->word;
}

/* --- words ----------------------------------------------------------------------- */

/* Whether a capitalised word starts at s[p]: a capital, then a small letter. */
static bool
titlecase_at(const struct seg *st, size_t p)
{
	size_t k, k2;

	return char_class(st->s + p, st->len - p, &k) == CC_UPPER && p + k < st->len &&
	    char_class(st->s + p + k, st->len - p - k, &k2) == CC_LOWER;
}

/* The token at q: skip opening marks, then classify its first character. */
static void
look_next(const struct seg *st, size_t q, struct next *nx)
{
	size_t	k, nmarks = 0, clen;

	nx->at = q;
	/* Most tokens open with a letter: no mark to skip. */
	if (q < st->len && is_alpha(st->s[q])) {
		nx->cls = st->s[q] <= 'Z' ? CC_UPPER : CC_LOWER;
		return;
	}
	while (q < st->len && nmarks < 8 && (k = opener_len(st->s + q, st->len - q)) > 0) {
		q += k;
		nmarks++;
	}
	nx->at = q;
	nx->cls = char_class(st->s + q, st->len - q, &clen);
	if (nx->cls == CC_CONT && nmarks > 0)
		nx->cls = CC_OTHER;
}

/* How many ASCII letters the word at nx has, up to WORD_MAX. */
static size_t
next_wordlen(const struct seg *st, const struct next *nx)
{
	size_t k;

	for (k = nx->at; k < st->len && k - nx->at < WORD_MAX && is_alpha(st->s[k]); k++)
		;
	return k - nx->at;
}

static bool
is_apostrophe(const unsigned char *s, size_t n, size_t *k)
{
	if (n >= 1 && s[0] == '\'') {
		*k = 1;
		return true;
	}
	if (has3(s, n, 0x80, 0x99)) {
		*k = 3;
		return true;
	}
	return false;
}

/* Whether the word at nx usually starts a sentence ("The", "It's", "Don't"). */
static bool
is_starter(const struct seg *st, const struct next *nx)
{
	const unsigned char	*w = st->s + nx->at;
	size_t			 n, after, k;

	if (nx->cls != CC_UPPER || (n = next_wordlen(st, nx)) == 0)
		return false;
	after = nx->at + n;
	if (after < st->len && is_apostrophe(st->s + after, st->len - after, &k)) {
		if (after + k < st->len && st->s[after + k] == 't' && w[n - 1] == 'n')
			return in_list(negatives, sizeof(negatives) / sizeof(negatives[0]),
			    w, n);
	} else if (after < st->len && hs_space_len(st->s + after, st->len - after) == 0 &&
	    (st->s[after] >= 0x80 || is_digit(st->s[after])))
		return false;	/* the word goes on past ASCII letters */
	return hs_lexicon_has(st->lex, HS_LEX_STARTER, (const char *)w, n);
}

/* Whether w[0..n) (the final period included) has the shape of initials: "J.",
 * "U.S.", "a.m.", "F.B.I.". */
static bool
is_initialism(const unsigned char *w, size_t n)
{
	size_t i;

	if (n < 2 || n % 2 != 0)
		return false;
	for (i = 0; i < n; i += 2) {
		if (!is_alpha(w[i]) || w[i + 1] != '.')
			return false;
	}
	return true;
}

static enum wclass
lookup_class(const struct seg *st, const unsigned char *w, size_t n)
{
	unsigned types = hs_lexicon_types(st->lex, (const char *)w, n);

	if (types & 1u << HS_LEX_TITLE)
		return W_TITLE;
	if (types & 1u << HS_LEX_ABBREV)
		return W_ABBREV;
	if (types & 1u << HS_LEX_NUMABBREV)
		return W_NUMABBREV;
	if (is_initialism(w, n))
		return W_ABBREV;
	return W_PLAIN;
}

/* The class of the word w[0..n) that ends in a period; "D-Calif." and "km/h." are
 * looked up by their last part as well. */
static enum wclass
word_class(const struct seg *st, const unsigned char *w, size_t n)
{
	enum wclass	c;
	size_t		i;

	if ((c = lookup_class(st, w, n)) != W_PLAIN)
		return c;
	for (i = n - 1; i > 0; i--) {
		if (w[i - 1] == '-' || w[i - 1] == '/')
			break;
	}
	if (i > 0 && n - i >= 2)
		return lookup_class(st, w + i, n - i);
	return W_PLAIN;
}

/* Whether w[0..n) (without its period) can be a list item's number or letter. */
static bool
is_marker_word(const unsigned char *w, size_t n)
{
	size_t i;

	if (n == 1 && is_alpha(w[0]))
		return true;
	if (n < 1 || n > 3)
		return false;
	for (i = 0; i < n; i++) {
		if (!is_digit(w[i]))
			return false;
	}
	return true;
}

/* Whether s[a..b) holds only white space, bullets and opening marks. */
static bool
only_lead(const struct seg *st, size_t a, size_t b)
{
	size_t k;

	if (b - a > 16)
		return false;
	while (a < b) {
		if ((k = hs_space_len(st->s + a, b - a)) == 0 &&
		    (k = lead_len(st->s + a, b - a)) == 0)
			return false;
		a += k;
	}
	return true;
}

/* Whether s[a..b) is a headline in title case: three capitalised words or more, more
 * of them than of words in lower case, and those only short function words. */
static bool
title_case(const struct seg *st, size_t a, size_t b)
{
	const unsigned char	*s = st->s;
	unsigned		 ncap = 0, nlow = 0;
	size_t			 k;

	if (b - a > 2 * LOOK_MAX)
		return false;
	while (a < b) {
		while (a < b && (k = hs_space_len(s + a, b - a)) > 0)
			a += k;
		if (a >= b)
			break;
		for (k = a; k < b && hs_space_len(s + k, b - k) == 0; k++)
			;
		if (s[a] >= 'a' && s[a] <= 'z') {
			if (!in_list(small_words, sizeof(small_words) /
			    sizeof(small_words[0]), s + a, k - a))
				return false;
			nlow++;
		} else if (s[a] >= 'A' && s[a] <= 'Z')
			ncap++;
		a = k;
	}
	return ncap >= 3 && ncap > nlow;
}

/* Whether the period at s[i] ends the sentence, given the token that follows. */
static bool
period_ends(struct seg *st, size_t i, const struct next *nx, bool line_break)
{
	const unsigned char	*s = st->s;
	size_t			 ws, raw, floor, k;

	if (nx->cls == CC_LOWER || nx->cls == CC_CONT || nx->cls == CC_END)
		return false;
	/* The word before the period, back to white space. */
	floor = i > st->sent + WORD_MAX ? i - WORD_MAX : st->sent;
	for (ws = i; ws > floor && word_before(s, ws); ws--)
		;
	if (ws > st->sent && word_before(s, ws))
		return true;	/* too long for an abbreviation: a URL, a number */
	raw = ws;
	while (ws < i && (k = lead_len(s + ws, i - ws)) > 0)
		ws += k;
	if (ws == i)
		return true;	/* a period on its own */
	if (is_marker_word(s + ws, i - ws) && only_lead(st, st->sent, raw))
		return false;	/* "1. The first item", "a. The first item" */
	switch (word_class(st, s + ws, i + 1 - ws)) {
	case W_TITLE:
		return false;
	case W_ABBREV:
		/* In a headline in title case, "From The U.S. And Iran", a capitalised
		 * starter says nothing. */
		return line_break || (is_starter(st, nx) && !title_case(st, st->sent, raw));
	case W_NUMABBREV:
		if (nx->cls == CC_DIGIT || (s[nx->at] == '#'))
			return false;
		return true;
	case W_PLAIN:
		break;
	}
	return true;
}

/* Whether a quoted question or exclamation is followed by its attribution: up to
 * five capitalised words and a speech verb ("Why not?" Trump asked). */
static bool
attribution_follows(const struct seg *st, size_t q)
{
	const unsigned char	*s = st->s;
	size_t			 a, b, end = q + LOOK_MAX < st->len ? q + LOOK_MAX : st->len;
	int			 nwords;

	size_t			 k;

	for (a = q, nwords = 0; a < end && nwords < 6; nwords++) {
		for (b = a; b < end && is_alpha(s[b]); b++)
			;
		if (b == a)
			return false;
		if (s[a] >= 'a' && s[a] <= 'z')
			return nwords > 0 && in_list(speech_verbs,
			    sizeof(speech_verbs) / sizeof(speech_verbs[0]), s + a, b - a);
		/* "She replied that ..." after a quote is a sentence of its own. */
		if (nwords == 0 && hs_lexicon_has(st->lex, HS_LEX_STARTER,
		    (const char *)s + a, b - a))
			return false;
		if (b < end && s[b] == '.')
			b++;	/* "Sen. Ted Cruz said" */
		if ((k = inline_space(st, b)) == 0)
			return false;
		a = b + k;
	}
	return false;
}

/* Whether the text at q is a short bracketed note that closes the line, as in
 * "Trump leads in Indiana. [HuffPost]": it belongs to the sentence before it. */
static bool
bracket_tail(const struct seg *st, size_t q)
{
	const unsigned char	*s = st->s;
	unsigned char		 close;
	size_t			 k, n;

	if (s[q] != '[' && s[q] != '(')
		return false;
	close = s[q] == '[' ? ']' : ')';
	for (k = q + 1; k < st->len && k - q < LOOK_MAX; k++) {
		if (s[k] == close)
			break;
		if (s[k] == '.' || s[k] == '?' || s[k] == '!' || s[k] == '\n' ||
		    s[k] == '[' || s[k] == '(')
			return false;
	}
	if (k >= st->len || s[k] != close)
		return false;
	for (k++; (n = inline_space(st, k)) > 0; k += n)
		;
	return k == st->len || s[k] == '\n';
}

/* The terminal punctuation s[i..j) has been read: take the closing marks after it,
 * decide whether the sentence ends there, and return where the scan goes on. */
static size_t
decide(struct seg *st, size_t i, size_t j, enum term kind)
{
	const unsigned char	*s = st->s;
	struct next		 nx;
	size_t			 e, q, k, ls = st->line;
	unsigned		 newlines = 0;
	bool			 quote = false, ends;

	for (e = j; e < st->len && s[e] != ' ' &&
	    (k = closer_len(s + e, st->len - e, &quote)) > 0; )
		e += k;
	if (e >= st->len)
		return st->len;
	if (s[e] != ' ' && hs_space_len(s + e, st->len - e) == 0) {
		/* "U.S.-led", "Jr.'s", "Yahoo!,", but "courageous...For example" */
		if (kind == T_ELLIPSIS && titlecase_at(st, e) && sentence_has_word(st, i))
			boundary(st, e, e);
		return e;
	}
	q = skip_space(st, e, &newlines);
	if (q >= st->len)
		return st->len;
	if (!sentence_has_word(st, i))
		return q;
	look_next(st, q, &nx);
	switch (kind) {
	case T_QUESTION:
		ends = nx.cls != CC_LOWER && nx.cls != CC_CONT;
		if (ends && quote && newlines == 0 && nx.cls == CC_UPPER &&
		    attribution_follows(st, q))
			ends = false;
		break;
	case T_ELLIPSIS:
		ends = nx.cls == CC_UPPER;
		break;
	default:
		/* After a long line that was not wrapped by hand, a line break before
		 * a capital ends even an abbreviation's sentence ("the U.S.\nChris"). */
		ends = period_ends(st, i, &nx,
		    newlines > 0 && e - ls > LINE_LONG && nx.cls == CC_UPPER);
		break;
	}
	if (ends && bracket_tail(st, q))
		ends = false;
	if (ends)
		boundary(st, e, q);
	return q;
}

/* A spaced ellipsis: the period at s[i], then `pairs` more " ." pairs. */
static size_t
spaced_ellipsis(struct seg *st, size_t i, size_t pairs)
{
	const unsigned char	*s = st->s;
	size_t			 k = i + 1 + 2 * pairs, e, q, m;
	bool			 attached, quote = false;
	struct next		 nx;

	attached = i > st->sent && space_before(s, i) == 0 &&
	    s[i - 1] != '[' && s[i - 1] != '(';
	if (attached && pairs >= 3) {
		/* "compounds. . . . The": the word's period ends the sentence and the
		 * ellipsis opens the next one, when a capital follows. */
		for (e = k; e < st->len && (m = closer_len(s + e, st->len - e, &quote)) > 0; )
			e += m;
		if (e >= st->len)
			return st->len;
		if (hs_space_len(s + e, st->len - e) == 0)
			return e;
		q = skip_space(st, e, NULL);
		if (q >= st->len)
			return st->len;
		look_next(st, q, &nx);
		if (nx.cls == CC_UPPER && sentence_has_word(st, i))
			boundary(st, i + 1, skip_space(st, i + 1, NULL));
		return q;
	}
	if (attached || pairs >= 3)
		return decide(st, i, k, T_ELLIPSIS);
	return k;	/* " . . . " in the middle of a sentence */
}

/* The terminal punctuation that starts at s[i]. */
static size_t
on_terminal(struct seg *st, size_t i)
{
	const unsigned char	*s = st->s;
	size_t			 j = i, k, ndots = 0, nell = 0, nq = 0, pairs;
	bool			 question;

	if (st->sent == NONE)
		return st->len;
	/* ". ? !" inside a token ("U.S", "3.5", "example.com", "Yahoo!s") end no
	 * sentence, as decide() would find after longer work: a letter or a digit
	 * next is neither more terminal punctuation nor a closing mark nor space. */
	if (s[i] < 0x80 && i + 1 < st->len && (is_alpha(s[i + 1]) || is_digit(s[i + 1])))
		return i + 1;
	while (j < st->len && (k = terminal_len(s + j, st->len - j, &question)) > 0) {
		if (question)
			nq++;
		else if (k == 1)
			ndots++;
		else
			nell++;
		j += k;
	}
	if (j == i)
		return i + 1;	/* a lead byte 0xE2 of something else */
	if (nq == 0 && nell == 0 && ndots == 1) {
		for (pairs = 0, k = j; k + 1 < st->len && s[k] == ' ' && s[k + 1] == '.';
		    k += 2)
			pairs++;
		if (pairs >= 2)
			return spaced_ellipsis(st, i, pairs);
		return decide(st, i, j, T_PERIOD);
	}
	if (nq > 0)
		return decide(st, i, j, T_QUESTION);
	if (i > 0 && (s[i - 1] == '[' || s[i - 1] == '('))
		return j;	/* "[...]": words left out of a quotation */
	return decide(st, i, j, T_ELLIPSIS);
}

/* --- lines, headings and lists --------------------------------------------------- */

/* Whether s[a..b) is a list item's number or bullet alone: "1", "12.", "b)", "•". */
static bool
marker_only(const struct seg *st, size_t a, size_t b)
{
	const unsigned char	*s = st->s;
	size_t			 n = b - a, d;

	if (n == 0 || n > 4)
		return false;
	if (bullet_len(s + a, n, true) == n)
		return true;
	if (s[b - 1] == '.' || s[b - 1] == ')')
		n--;
	for (d = 0; d < n && is_digit(s[a + d]); d++)
		;
	return n > 0 && (d == n || (n == 1 && is_alpha(s[a])));
}

/* Whether a line that starts at s[q] opens a list item: a bullet or dash, or a
 * number with "." or ")" and a space. */
static bool
item_start(const struct seg *st, size_t q)
{
	const unsigned char	*s = st->s;
	size_t			 k;

	if (bullet_len(s + q, st->len - q, true) > 0)
		return true;
	for (k = q; k < st->len && k - q < 3 && is_digit(s[k]); k++)
		;
	if (k == q || k >= st->len || (s[k] != '.' && s[k] != ')'))
		return false;
	k++;
	if (k < st->len && s[k] == ')')
		k++;
	return k < st->len && hs_space_len(s + k, st->len - k) > 0;
}

/* Whether the line s[a..b) looks like a heading: mostly capitalised words. */
static bool
heading_like(const struct seg *st, size_t a, size_t b)
{
	const unsigned char	*s = st->s;
	size_t			 w, k, clen;
	unsigned		 ncap = 0, nlow = 0;
	enum cclass		 c;

	if (b - a > 2 * LINE_LONG)
		b = a + 2 * LINE_LONG;
	for (w = a; w < b; ) {
		while (w < b && (k = hs_space_len(s + w, b - w)) > 0)
			w += k;
		if (w >= b)
			break;
		for (k = w; k < b && hs_space_len(s + k, b - k) == 0; k++)
			;
		while (w < k && opener_len(s + w, k - w) > 0)
			w += opener_len(s + w, k - w);
		c = char_class(s + w, k - w, &clen);
		if (c == CC_UPPER || c == CC_DIGIT)
			ncap++;
		else if (c == CC_LOWER && k - w >= 4)
			nlow++;
		w = k;
	}
	return ncap > 0 && ncap >= 3 * nlow;
}

/* Whether the text before s[p] (not below a) ends in terminal punctuation and
 * closing marks. */
static bool
ends_terminal(const struct seg *st, size_t a, size_t p)
{
	const unsigned char	*s = st->s;
	size_t			 k;
	bool			 quote, question;

	for (;;) {
		if (p > a && (s[p - 1] == '"' || s[p - 1] == '\'' || s[p - 1] == ')' ||
		    s[p - 1] == ']'))
			k = 1;
		else if (p - a >= 3 && closer_len(s + p - 3, 3, &quote) == 3)
			k = 3;
		else
			break;
		p -= k;
	}
	return p > a && (terminal_len(s + p - 1, 1, &question) > 0 ||
	    (p - a >= 3 && terminal_len(s + p - 3, 3, &question) == 3));
}

/* Whether the line s[a..le) ends in a bracketed note after a sentence's end, as in
 * "Trump leads in Indiana. [HuffPost]" (bracket_tail() kept the note). */
static bool
ends_with_note(const struct seg *st, size_t a, size_t le)
{
	const unsigned char	*s = st->s;
	unsigned char		 open;
	size_t			 k;

	if (s[le - 1] != ']' && s[le - 1] != ')')
		return false;
	open = s[le - 1] == ']' ? '[' : '(';
	for (k = le - 1; k > a && le - k < LOOK_MAX && s[k - 1] != open; k--)
		;
	if (k <= a || s[k - 1] != open)
		return false;
	return ends_terminal(st, a, trim_back(st, k - 1, a));
}

/* Whether the line break after s[ls..le) ends the sentence, the next line starting
 * at s[q]: after a heading, before a list item, or after a long line that was not
 * wrapped by hand; not inside a wrapped sentence. */
static bool
line_ends_sentence(struct seg *st, size_t ls, size_t le, size_t q)
{
	const unsigned char	*s = st->s;
	size_t			 a = ls > st->sent ? ls : st->sent;
	struct next		 nx;
	unsigned char		 c;

	if (a >= le)
		return false;
	/* Terminal punctuation at the end of the line was decided on already. */
	if (ends_terminal(st, a, le))
		return false;
	c = s[le - 1];
	if (c == ',' || c == '(' || c == '[' || c == '&' || c == '/' ||
	    (c == '-' && le - 1 > a && is_alpha(s[le - 2])) ||
	    (le - a >= 3 && opener_len(s + le - 3, 3) == 3))
		return false;
	if (marker_only(st, a, le))
		return false;
	if (item_start(st, q))
		return true;
	look_next(st, q, &nx);
	if (nx.cls == CC_LOWER || nx.cls == CC_CONT)
		return false;
	if (c == ';' || c == ':' || ends_with_note(st, a, le))
		return true;
	if (le - ls > LINE_LONG || le - ls < LINE_SHORT)
		return true;
	if (heading_like(st, a, le))
		return true;
	return is_starter(st, &nx);
}

static size_t
on_newline(struct seg *st, size_t i)
{
	size_t		ls = st->line, le, q;
	unsigned	newlines = 0;

	q = skip_space(st, i, &newlines);
	if (q >= st->len || st->sent == NONE)
		return q;
	le = trim_back(st, i, st->sent);
	if (le <= st->sent)
		return q;
	if (newlines > 1 || line_ends_sentence(st, ls, le, q))
		boundary(st, le, q);
	return q;
}

/* Where a run-in heading in capitals ends, when the sentence at p opens with one:
 * "VERIZON TO BUY YAHOO FOR $4.83 BILLION The sale is ..." (three or more words in
 * capitals, then a capitalised word); else NONE. A dateline ("SALT LAKE CITY,
 * Utah —") ends in a comma and is left alone. */
static size_t
caps_heading(const struct seg *st, size_t p)
{
	const unsigned char	*s = st->s;
	size_t			 end, a, b, k, clen;
	unsigned		 nwords = 0, nlong = 0, nup, nlow, ndig;
	bool			 comma = false;
	enum cclass		 c, c2;

	if (p + 1 >= st->len || s[p] < 'A' || s[p] > 'Z' || s[p + 1] < 'A' ||
	    s[p + 1] > 'Z')
		return NONE;
	end = p + 2 * LOOK_MAX < st->len ? p + 2 * LOOK_MAX : st->len;
	for (a = p; a < end; ) {
		for (b = a; b < end && hs_space_len(s + b, st->len - b) == 0; b++)
			;
		if (b >= end)
			return NONE;
		nup = nlow = ndig = 0;
		for (k = a; k < b; k += clen) {
			c = char_class(s + k, b - k, &clen);
			if (c == CC_UPPER)
				nup++;
			else if (c == CC_LOWER)
				nlow++;
			else if (c == CC_DIGIT)
				ndig++;
		}
		if (nlow > 0) {
			c = char_class(s + a, b - a, &clen);
			c2 = a + clen < b ? char_class(s + a + clen, b - a - clen, &k) :
			    CC_END;
			if (nwords >= 3 && nlong >= 2 && !comma && c == CC_UPPER &&
			    c2 == CC_LOWER)
				return a;
			return NONE;
		}
		if (nup == 0 && ndig == 0 && !(b - a == 1 && s[a] == '&'))
			return NONE;
		if ((s[b - 1] != '\0' && strchr(".?!:;", s[b - 1]) != NULL) ||
		    s[b - 1] == 0xA6)
			return NONE;
		comma = s[b - 1] == ',';
		nwords++;
		if (nup >= 2)
			nlong++;
		if (inline_space(st, b) == 0)
			return NONE;
		for (a = b; (k = inline_space(st, a)) > 0; a += k)
			;
	}
	return NONE;
}

/* Look for the next item of the list that opens the paragraph, from `from` on. */
static void
list_find(struct seg *st, size_t from)
{
	const unsigned char	*s = st->s, *p;
	char			 want[8];
	size_t			 wlen, k;

	if (st->list == LIST_BULLET) {
		memcpy(want, st->list_mark, st->list_marklen);
		wlen = st->list_marklen;
	} else if (st->list == LIST_NUMBER) {
		if (st->list_next > 999)
			goto none;
		wlen = (size_t)snprintf(want, sizeof(want), "%u", st->list_next);
	} else if (st->list == LIST_LETTER) {
		if (st->list_next > 'z')
			goto none;
		want[0] = (char)st->list_next;
		wlen = 1;
	} else
		goto none;
	while (from < st->len &&
	    (p = memchr(s + from, want[0], st->len - from)) != NULL) {
		k = (size_t)(p - s);
		from = k + 1;
		if (k + wlen > st->len || memcmp(s + k, want, wlen) != 0 ||
		    space_before(s, k) == 0)
			continue;
		k += wlen;
		if (st->list != LIST_BULLET) {
			if (k + st->list_marklen >= st->len ||
			    memcmp(s + k, st->list_mark, st->list_marklen) != 0)
				continue;
			k += st->list_marklen;
			if (hs_space_len(s + k, st->len - k) == 0)
				continue;
		}
		st->list_at = (size_t)(p - s);
		return;
	}
none:
	st->list = LIST_NONE;
	st->list_at = NONE;
}

/* A paragraph that opens with "1)", "1.", "1.)", "a." or a bullet and holds more items
 * on the same line: note where the next one starts. */
static void
list_open(struct seg *st, size_t p)
{
	static const unsigned char	 suffixes[][3] = { ".)", ".", ")" };
	const unsigned char		*s = st->s;
	size_t				 k, i, n;
	unsigned			 v = 0;

	st->list = LIST_NONE;
	st->list_at = NONE;
	if ((n = bullet_len(s + p, st->len - p, false)) > 0) {
		st->list = LIST_BULLET;
		st->list_mark = s + p;
		st->list_marklen = n;
		list_find(st, p + n);
		return;
	}
	for (k = p; k < st->len && k - p < 3 && is_digit(s[k]); k++)
		v = v * 10 + (unsigned)(s[k] - '0');
	if (k == p) {
		if (s[p] < 'a' || s[p] > 'z')
			return;
		v = s[p];
		k++;
	}
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		n = strlen((const char *)suffixes[i]);
		if (k + n < st->len && memcmp(s + k, suffixes[i], n) == 0 &&
		    hs_space_len(s + k + n, st->len - k - n) > 0)
			break;
	}
	if (i == sizeof(suffixes) / sizeof(suffixes[0]))
		return;
	st->list = is_digit(s[p]) ? LIST_NUMBER : LIST_LETTER;
	st->list_next = v + 1;
	st->list_mark = suffixes[i];
	st->list_marklen = n;
	list_find(st, k + n);
}

/* --- the segmenter --------------------------------------------------------------- */

struct hs_segmenter *
hs_segmenter_new(const struct hs_lexicon *lex)
{
	struct hs_segmenter *sg;

	if ((sg = calloc(1, sizeof(*sg))) == NULL)
		err(1, NULL);
	sg->lex = lex;
	return sg;
}

void
hs_segmenter_free(struct hs_segmenter *sg)
{
	free(sg);
}

size_t
hs_segment_sentences(const struct hs_segmenter *sg, const char *text, size_t len,
    struct hs_span **spans, size_t *cap)
{
	struct seg	 st;
	const unsigned char *s = (const unsigned char *)text;
	size_t		 i, lim;

	/* Field by field, not memset(): a paragraph is often short, and clearing
	 * the whole struct cost more than setting what is read. */
	st.lex = sg->lex;
	st.s = s;
	st.len = len;
	st.spans = spans;
	st.cap = cap;
	st.n = 0;
	st.sent = NONE;
	st.line = 0;
	st.checked = 0;
	st.word = false;
	st.caps = NONE;
	st.list = LIST_NONE;
	st.list_at = NONE;
	st.list_next = 0;
	st.list_mark = NULL;
	st.list_marklen = 0;
	i = skip_space(&st, 0, NULL);
	if (i >= len)
		return 0;
	start_sentence(&st, i);
	list_open(&st, i);
	while (i < len) {
		if (st.caps != NONE && st.caps < i)
			st.caps = NONE;
		if (st.list_at != NONE && st.list_at < i)
			list_find(&st, i);
		lim = len;
		if (st.list_at < lim)
			lim = st.list_at;
		if (st.caps < lim)
			lim = st.caps;
		i = next_candidate(s, i, lim);
		if (i == lim && lim < len) {
			/* A run-in heading ends, or the next list item starts. */
			if (i == st.caps) {
				st.caps = NONE;
				force_break(&st, i);
			}
			if (i == st.list_at) {
				force_break(&st, i);
				st.list_next++;
				list_find(&st, i + 1);
			}
			continue;
		}
		if (i >= len)
			break;
		if (s[i] == '\n')
			i = on_newline(&st, i);
		else
			i = on_terminal(&st, i);
	}
	if (st.sent != NONE)
		boundary(&st, trim_back(&st, len, st.sent), len);
	return st.n;
}
