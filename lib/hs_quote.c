/* hs_quote.c: quotations and their speakers. An article's pieces are joined into one
 * flat text; its quote marks are classed by what stands either side of them and paired
 * in one pass; each quotation's sentence, quotes inside it skipped, is read for a
 * reporting verb and the speaker next to it, whose canonical name comes from hs_tag. */
#include <err.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hs_buf.h"
#include "hs_quote.h"
#include "hs_segment.h"
#include "hs_tag.h"
#include "hs_utf8.h"
#include "hs_util.h"

/* The most bytes read either side of a quotation for its attribution: no sentence of
 * news needs more, and the bound keeps a paragraph of nothing but quote marks linear. */
#define REGION_MAX	600
/* ... and the most quotations a sentence is read over either side of one: a list of
 * quotes needs no more, and it keeps a paragraph of short quotes linear too. */
#define REGION_QUOTES	6
/* The most mentions looked back at to resolve a pronoun or a role. */
#define LOOKBACK_MAX	200
/* The table of the short word lists: the slots, and the longest word. */
#define WORD_SLOTS	512
#define WORD_MAX	12
/* The longest cue, in words ("quoted as saying"). */
#define CUE_WORDS_MAX	4
/* A quote after a full stop is still attributed by a cue this many words on. */
#define LATE_CUE_WORDS	6

enum mark_dir { DIR_NONE, DIR_OPEN, DIR_CLOSE, DIR_EITHER };

/* What stands beside a quote mark. */
enum ctx { CTX_SPACE, CTX_WORD, CTX_OPEN, CTX_PUNCT, CTX_MARK };

/* A quote mark, or a paragraph break (len is then the break's length). */
struct mark {
	size_t		 pos;
	uint8_t		 len;
	bool		 dbl;		/* a double mark */
	bool		 para;		/* a paragraph break, not a mark */
	uint8_t		 dir;
};

/* A paired quotation in the flat text. */
struct span {
	size_t		 open;		/* the opening mark */
	size_t		 from, to;	/* the quoted words */
	size_t		 close_end;	/* just past the closing mark or the quote's end */
	char		 last;		/* its final punctuation: , . ? ! - or 0 */
	bool		 closed;	/* by a mark, not by a paragraph's end */
	unsigned	 words;
	bool		 title_case;	/* every word capitalised but minor ones */
};

/* A name hs_tag found, in flat offsets. */
struct ment {
	size_t		 start, end;
	int		 type;
	const char	*name;
	bool		 in_quote;
	char		 gender;	/* 'm' or 'f' from a title before it, or 0 */
};

enum tok_kind { T_WORD, T_COMMA, T_COLON, T_DASH, T_QUOTE, T_PUNCT };

struct tok {
	size_t		 start, end;
	uint8_t		 kind;
	uint8_t		 cue_words;	/* a cue of this many words starts here, or 0 */
	bool		 cue_known;	/* cue_words is computed (on demand: most words
					 * are never asked about) */
	bool		 cap, lower;
	bool		 class_known;	/* word_class is computed (on demand) */
	uint16_t	 word_class;	/* the word lists it is in (tok_class) */
	long		 ment;		/* the mention it is in, or the span of T_QUOTE */
};

/* Where a quote's speaker, cue and text begin in hs_quoter.strings, which may move as
 * it grows: the pointers are made when the article is done. */
struct quote_strings {
	size_t		 speaker;	/* SIZE_MAX: none */
	size_t		 speaker_len;
	size_t		 cue;
	size_t		 text;
};

struct hs_quoter {
	const struct hs_lexicon	*lex;
	struct hs_tagger	*tg;
	struct hs_buf		 flat;
	size_t			*pflat;		/* flat offset of each piece */
	size_t			 cappflat;
	/* the article as hs_tag reads it: the flat text, pieces joined where the
	 * input was cut, each followed by a NUL */
	struct hs_buf		 tagtext;
	struct hs_piece		*tpieces;
	size_t			 captpieces;
	struct mark		*marks;
	size_t			 nmarks, capmarks;
	struct span		*spans;
	size_t			 nspans, capspans;
	/* flat offsets where a sentence starts whose sentence before ends without . ? !
	 * (after a heading on a line of its own): no quotation's sentence runs across
	 * them, though the scans for . ? ! would */
	size_t			*line_starts;
	size_t			 nline_starts, capline_starts;
	struct hs_segmenter	*seg;
	struct hs_span		*segspans;
	size_t			 capsegspans;
	size_t			*paras;		/* flat offset where each paragraph starts */
	size_t			*breaks;	/* ... and where the break before it starts */
	size_t			 nparas, capparas;
	struct ment		*ments;
	size_t			 nments, capments;
	struct tok		*toks;
	size_t			 ntoks, captoks;
	/* the text the tokens are of, when they are just as tokenize_sentence() left
	 * them */
	size_t			 toks_from, toks_to;
	bool			 toks_valid;
	struct hs_quote		*out;
	size_t			 nout, capout;
	/* where each quote's text and cue begin in strings, which may move as it
	 * grows: the pointers are made at the end */
	struct quote_strings	*offs;
	size_t			 capoffs;
	struct hs_buf		 strings;	/* speakers, cues and quote texts */
	/* the words of the short lists below (pronouns, determiners, ...) */
	struct {
		char		 w[WORD_MAX];
		uint8_t		 n;
		uint16_t	 mask;
	}			 words[WORD_SLOTS];
	struct hs_buf		 key;
	const struct hs_article	*art;
};

static size_t	sentence_start_from(struct hs_quoter *, size_t, size_t);
static const struct wordlist *const word_lists[];
static bool	noun_use(struct hs_quoter *, size_t);
static bool	calendar_word(const struct hs_quoter *, size_t);

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	 ncap = *cap ? *cap : 64;

	if (need <= *cap)
		return p;
	while (ncap < need)
		ncap *= 2;
	if ((p = reallocarray(p, ncap, size)) == NULL)
		err(HS_EXIT_DATA, NULL);
	*cap = ncap;
	return p;
}

#define GROW(arr, n, cap)	do {						\
	if ((n) + 1 > (cap))							\
		(arr) = grow((arr), &(cap), (n) + 1, sizeof(*(arr)));		\
} while (0)

/* ------------------------------------------------------------------------------ */
/* Characters */

static bool
is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 ||
	    (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool
is_mark_cp(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || c == 0x2018 ||
	    c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
	    c == 0x2039 || c == 0x203A;
}

static bool
is_dash_cp(uint32_t c)
{
	return c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

static enum ctx
classify(uint32_t c)
{
	if (c == HS_UTF8_INVALID)
		return CTX_WORD;
	if (is_space_cp(c))
		return CTX_SPACE;
	if (is_mark_cp(c))
		return CTX_MARK;
	if (c == '(' || c == '[' || c == '{' || c == '/' || is_dash_cp(c))
		return CTX_OPEN;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ?
		    CTX_WORD : CTX_PUNCT;
	return hs_cp_wordchar(c) ? CTX_WORD : CTX_PUNCT;
}

static uint32_t
cp_at(const struct hs_quoter *q, size_t pos, size_t *len)
{
	return hs_utf8_decode((const unsigned char *)q->flat.data + pos, q->flat.len - pos,
	    len);
}

static uint32_t
cp_before(const struct hs_quoter *q, size_t pos, size_t *len)
{
	return hs_utf8_decode_prev((const unsigned char *)q->flat.data, pos, len);
}

static inline bool
ascii_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Length of the word character at pos, or 0. */
static inline size_t
word_char_at(const struct hs_quoter *q, size_t pos)
{
	unsigned char	 c = (unsigned char)q->flat.data[pos];
	uint32_t	 cp;
	size_t		 l;

	if (c < 0x80)
		return ascii_word(c);
	cp = cp_at(q, pos, &l);
	return cp != HS_UTF8_INVALID && hs_cp_wordchar(cp) ? l : 0;
}

/* ------------------------------------------------------------------------------ */
/* The flat text */

/* Join the pieces: a paragraph break between paragraphs, a space between sentences,
 * nothing where a long record was cut. */
static void
flatten(struct hs_quoter *q, const struct hs_article *a)
{
	const struct hs_piece	*p, *prev;
	size_t			 i;

	q->flat.len = 0;
	q->pflat = grow(q->pflat, &q->cappflat, a->npieces + 1, sizeof(*q->pflat));
	for (i = 0; i < a->npieces; i++) {
		p = &a->pieces[i];
		if (i > 0) {
			prev = &a->pieces[i - 1];
			if (p->start != prev->start + prev->len)
				hs_buf_append(&q->flat, p->par != prev->par ? "\n\n" : " ",
				    p->par != prev->par ? 2 : 1);
		}
		q->pflat[i] = q->flat.len;
		hs_buf_append(&q->flat, a->text + p->off, p->len);
	}
	hs_buf_reserve(&q->flat, 1);
	q->flat.data[q->flat.len] = '\0';
}

/* The index of the last of the n ascending offsets in a (a[0] = 0) that is at most
 * pos: the piece or paragraph holding flat offset pos. */
static size_t
last_at_most(const size_t *a, size_t n, size_t pos)
{
	size_t	 lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The piece holding flat offset pos (for an end offset, ask for pos - 1). */
static size_t
piece_of(const struct hs_quoter *q, size_t pos)
{
	return last_at_most(q->pflat, q->art->npieces, pos);
}

/* The paragraph holding pos: the index in paras. */
static size_t
para_of(const struct hs_quoter *q, size_t pos)
{
	return last_at_most(q->paras, q->nparas, pos);
}

/* Whether a paragraph break begins at pos. */
static bool
at_break(const struct hs_quoter *q, size_t pos)
{
	size_t	 p = para_of(q, pos) + 1;

	return p < q->nparas && q->breaks[p] == pos;
}

/* Whether a paragraph begins at pos (the first paragraph excepted). */
static bool
para_start(const struct hs_quoter *q, size_t pos)
{
	size_t	 p = para_of(q, pos);

	return p > 0 && q->paras[p] == pos;
}

/* ------------------------------------------------------------------------------ */
/* Quote marks */

/* Whether the text at pos begins a contraction that starts with an apostrophe: 'n',
 * 'em, 'til, 'cause, 'tis, 'twas. */
static bool
elision_at(const struct hs_quoter *q, size_t pos)
{
	static const char *const words[] = { "n", "em", "til", "cause", "tis", "twas",
	    "bout", "round", "cos" };
	const char	*s = q->flat.data + pos;
	size_t		 i, n;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i]);
		if ((size_t)(q->flat.len - pos) >= n && strncasecmp(s, words[i], n) == 0 &&
		    (pos + n == q->flat.len || !ascii_word((unsigned char)s[n])))
			return true;
	}
	return false;
}

/* Which way the mark at pos (code point c, len bytes) faces, from its neighbours. */
static uint8_t
mark_dir(const struct hs_quoter *q, size_t pos, size_t len, uint32_t c)
{
	enum ctx	 left = CTX_SPACE, right = CTX_SPACE;
	bool		 digit_after = false;
	size_t		 l;

	if (pos > 0)
		left = classify(cp_before(q, pos, &l));
	if (pos + len < q->flat.len) {
		right = classify(cp_at(q, pos + len, &l));
		digit_after = q->flat.data[pos + len] >= '0' && q->flat.data[pos + len] <= '9';
	}
	switch (c) {
	case 0x201C: case 0x201E: case 0x201F: case 0xAB:	/* “ „ ‟ « */
		return (left == CTX_WORD || left == CTX_PUNCT) && right != CTX_WORD ?
		    DIR_CLOSE : DIR_OPEN;
	case 0x201D: case 0xBB:					/* ” » */
		if ((left == CTX_SPACE || left == CTX_OPEN) && right == CTX_WORD)
			return DIR_OPEN;
		return left == CTX_SPACE && right == CTX_SPACE ? DIR_EITHER : DIR_CLOSE;
	case '"':
		if (left == CTX_SPACE || left == CTX_OPEN)
			return right == CTX_SPACE ? DIR_EITHER : DIR_OPEN;
		if (left == CTX_WORD || left == CTX_PUNCT)
			return right == CTX_WORD ? DIR_EITHER : DIR_CLOSE;
		return right == CTX_SPACE || right == CTX_PUNCT ? DIR_CLOSE : DIR_OPEN;
	case 0x2039:						/* ‹ */
		return DIR_OPEN;
	case 0x203A:						/* › */
		return DIR_CLOSE;
	default:						/* ‘ ’ ' */
		if (left == CTX_WORD && right == CTX_WORD)
			return DIR_NONE;		/* we're, rock'n'roll */
		if (left == CTX_WORD || left == CTX_PUNCT ||
		    (left == CTX_MARK && right != CTX_WORD))
			return right == CTX_WORD ? DIR_NONE : DIR_CLOSE;
		if (right != CTX_WORD && right != CTX_MARK)
			return DIR_NONE;
		if (digit_after || (c != 0x2018 && elision_at(q, pos + len)))
			return DIR_NONE;		/* '90s, 'n', 'em */
		if (pos + len + 1 < q->flat.len && q->flat.data[pos + len] == 'n' &&
		    is_mark_cp(cp_at(q, pos + len + 1, &l)))
			return DIR_NONE;		/* rock ‘n’ roll */
		return DIR_OPEN;
	}
}

static void
add_mark(struct hs_quoter *q, size_t pos, size_t len, bool dbl, bool para, uint8_t dir)
{
	GROW(q->marks, q->nmarks, q->capmarks);
	q->marks[q->nmarks++] = (struct mark){ pos, (uint8_t)len, dbl, para, dir };
}

static void
add_para(struct hs_quoter *q, size_t brk, size_t start)
{
	size_t	 cap = q->capparas;

	GROW(q->paras, q->nparas, q->capparas);
	q->breaks = grow(q->breaks, &cap, q->nparas + 1, sizeof(*q->breaks));
	q->breaks[q->nparas] = brk;
	q->paras[q->nparas++] = start;
}

/* The first byte at or after i that may start a quote mark or a paragraph break:
 * " ' LF, or the lead byte of « » (C2) or of the curly marks (E2). News text is
 * mostly without them, so this skips 16 bytes at a time where it can. */
static size_t
next_interesting(const unsigned char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i	 dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''),
			 lf = _mm_set1_epi8('\n'), c2 = _mm_set1_epi8((char)0xC2),
			 e2 = _mm_set1_epi8((char)0xE2);

	for (; i + 16 <= n; i += 16) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i	 hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dq),
			    _mm_cmpeq_epi8(v, sq)), _mm_or_si128(_mm_cmpeq_epi8(v, lf),
			    _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2))));
		int	 mask = _mm_movemask_epi8(hit);

		if (mask != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < n; i++)
		if (s[i] == '"' || s[i] == '\'' || s[i] == '\n' || s[i] == 0xC2 ||
		    s[i] == 0xE2)
			return i;
	return n;
}

/* Whether the sentence s[0..n) ends as a heading does: in a letter or digit, maybe
 * inside closing marks, with no punctuation at all. */
static bool
ends_bare(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (;;) {
		while (n > 0 && (u[n - 1] == '"' || u[n - 1] == '\''))
			n--;
		/* U+201D and U+2019, closing marks */
		if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
		    (u[n - 1] == 0x9D || u[n - 1] == 0x99)) {
			n -= 3;
			continue;
		}
		break;
	}
	if (n == 0)
		return false;
	if (u[n - 1] >= 0x80) {
		size_t		 l;
		uint32_t	 c = hs_utf8_decode_prev(u, n, &l);

		return c != HS_UTF8_INVALID && hs_cp_wordchar(c);
	}
	return (u[n - 1] >= '0' && u[n - 1] <= '9') ||
	    ((u[n - 1] | 0x20) >= 'a' && (u[n - 1] | 0x20) <= 'z');
}

static void
add_line_start(struct hs_quoter *q, size_t pos)
{
	GROW(q->line_starts, q->nline_starts, q->capline_starts);
	q->line_starts[q->nline_starts++] = pos;
}

/* Segment the flat text [from, to) of one paragraph for find_line_starts. */
static void
segment_line_starts(struct hs_quoter *q, size_t from, size_t to)
{
	const char	*t = q->flat.data + from;
	size_t		 n, k;

	n = hs_segment_sentences(q->seg, t, to - from, &q->segspans, &q->capsegspans);
	for (k = 1; k < n; k++)
		if (ends_bare(t + q->segspans[k - 1].start, q->segspans[k - 1].end -
		    q->segspans[k - 1].start))
			add_line_start(q, from + q->segspans[k].start);
}

/* The sentence starts that follow a heading, a sentence with no punctuation at its
 * end (hs_quoter.line_starts): where the input came in sentences, from the pieces;
 * where it came in paragraphs or articles, from segmenting each paragraph as hs_input
 * segments raw text, so that every level of input gives the same starts. Needs the
 * paragraphs (find_marks). */
static void
find_line_starts(struct hs_quoter *q, const struct hs_article *a)
{
	const struct hs_piece	*p, *prev;
	size_t			 i, par, from, to, end;

	q->nline_starts = 0;
	for (i = 0; i < a->npieces; i++) {
		p = &a->pieces[i];
		if (p->sent != 0) {
			prev = i > 0 ? &a->pieces[i - 1] : NULL;
			if (prev != NULL && prev->par == p->par && prev->sent != p->sent &&
			    ends_bare(a->text + prev->off, prev->len))
				add_line_start(q, q->pflat[i]);
			continue;
		}
		end = q->pflat[i] + p->len;
		for (par = para_of(q, q->pflat[i]); par < q->nparas && q->paras[par] < end;
		    par++) {
			from = q->paras[par] > q->pflat[i] ? q->paras[par] : q->pflat[i];
			to = par + 1 < q->nparas && q->breaks[par + 1] < end ?
			    q->breaks[par + 1] : end;
			if (to > from)
				segment_line_starts(q, from, to);
		}
	}
}

/* Every quote mark and paragraph break of the flat text, in order. */
static void
find_marks(struct hs_quoter *q)
{
	const unsigned char	*s = (const unsigned char *)q->flat.data;
	size_t			 n = q->flat.len, i, j, len;
	uint32_t		 c;
	uint8_t			 dir;

	q->nmarks = 0;
	q->nparas = 0;
	add_para(q, 0, 0);
	for (i = 0; i < n; i++) {
		i = next_interesting(s, i, n);
		if (i >= n)
			break;
		switch (s[i]) {
		case '\n':
			for (j = i + 1; j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' ||
			    s[j] == '\v' || s[j] == '\f'); j++)
				;
			if (j < n && s[j] == '\n') {
				while (j < n && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t' ||
				    s[j] == '\r'))
					j++;
				add_mark(q, i, j - i > 255 ? 255 : j - i, false, true, DIR_NONE);
				add_para(q, i, j);
				i = j - 1;
			}
			continue;
		case '"':
			c = '"';
			len = 1;
			break;
		case '\'':
			/* two apostrophes make a double mark, as some papers write it */
			if (i + 1 < n && s[i + 1] == '\'') {
				c = '"';
				len = 2;
			} else {
				c = '\'';
				len = 1;
			}
			break;
		case 0xC2:
			if (i + 1 >= n || (s[i + 1] != 0xAB && s[i + 1] != 0xBB))
				continue;
			c = s[i + 1];
			len = 2;
			break;
		case 0xE2:
			if (i + 2 >= n || s[i + 1] != 0x80)
				continue;
			c = 0x2000 + (s[i + 2] & 0x3F);
			if (!((c >= 0x2018 && c <= 0x2019) || (c >= 0x201C && c <= 0x201F) ||
			    c == 0x2039 || c == 0x203A))
				continue;
			len = 3;
			break;
		default:
			continue;
		}
		dir = mark_dir(q, i, len, c);
		if (dir != DIR_NONE)
			add_mark(q, i, len, c != '\'' && c != 0x2018 && c != 0x2019 &&
			    c != 0x2039 && c != 0x203A, false, dir);
		i += len - 1;
	}
}

static bool
is_minor(const char *s, size_t n)
{
	static const char *const minor[] = { "a", "an", "and", "as", "at", "but", "by",
	    "for", "from", "in", "into", "of", "on", "or", "the", "to", "with" };
	size_t	 i;

	for (i = 0; i < sizeof(minor) / sizeof(minor[0]); i++)
		if (strlen(minor[i]) == n && memcmp(minor[i], s, n) == 0)
			return true;
	return false;
}

/* Record a quotation whose opening mark is om and whose words end before `to`. */
static void
add_span(struct hs_quoter *q, const struct mark *om, size_t to, size_t close_end,
    bool closed)
{
	const char	*s = q->flat.data;
	struct span	*sp;
	size_t		 from = om->pos + om->len, i, l, w;
	uint32_t	 c;
	bool		 title = true;
	unsigned	 words = 0;

	/* the words only: no white space at either end, nor an AP-style mark that
	 * opens an empty paragraph at the end (“We came.¶“”) */
	for (;;) {
		while (from < to && (l = hs_space_len((const unsigned char *)s + from,
		    to - from)))
			from += l;
		if (from < to && para_start(q, from) && is_mark_cp(cp_at(q, from, &l))) {
			from += l;
			continue;
		}
		break;
	}
	for (;;) {
		while (to > from && is_space_cp(c = cp_before(q, to, &l)))
			to -= l;
		if (to > from && is_mark_cp(cp_before(q, to, &l)) && para_start(q, to - l)) {
			to -= l;
			continue;
		}
		if (to >= from + 2 && s[to - 1] == '\'' && s[to - 2] == '\'' &&
		    para_start(q, to - 2)) {
			to -= 2;
			continue;
		}
		break;
	}
	if (from >= to)
		return;
	GROW(q->spans, q->nspans, q->capspans);
	sp = &q->spans[q->nspans++];
	*sp = (struct span){ .open = om->pos, .from = from, .to = to,
	    .close_end = close_end, .closed = closed };
	/* the last punctuation, looking through closing single marks: …,’” */
	for (i = to; i > from;) {
		c = cp_before(q, i, &l);
		if (c == '\'' || c == 0x2019 || c == 0x203A || c == '"' || c == 0x201D) {
			i -= l;
			continue;
		}
		if (c == ',' || c == '.' || c == '?' || c == '!')
			sp->last = (char)c;
		else if (c == 0x2026)
			sp->last = '.';
		else if (is_dash_cp(c))
			sp->last = '-';
		break;
	}
	for (i = from; i < to;) {
		if ((w = word_char_at(q, i)) == 0) {
			i++;
			continue;
		}
		size_t ws = i;
		while (i < to && (w = word_char_at(q, i)) > 0)
			i += w;
		words++;
		c = cp_at(q, ws, &l);
		if (title && !hs_cp_upper(c) && !(c >= '0' && c <= '9'))
			title = is_minor(s + ws, i - ws);
		if (words > 2 && !title)
			break;		/* all that the kinds ask about is known */
	}
	if (words == 0) {
		q->nspans--;		/* marks and punctuation only: no quotation */
		return;
	}
	sp->words = words;
	sp->title_case = title;
}

/* Whether the closing-shaped single mark i, inside an open single quotation, is an
 * apostrophe of the quoted words instead ("rock ’n’ roll on deck,’", "the Joneses’
 * generator runs,’"): it ends "n" or a plural, the words go on in lower case, and a
 * closing mark comes later in the paragraph. */
static bool
apostrophe_inside(const struct hs_quoter *q, size_t i)
{
	const struct mark	*m = &q->marks[i];
	const char		*s = q->flat.data;
	size_t			 e = m->pos + m->len, k;
	bool			 elided;

	if (m->pos == 0 || e + 1 >= q->flat.len || s[e] != ' ' ||
	    !(s[e + 1] >= 'a' && s[e + 1] <= 'z'))
		return false;
	elided = s[m->pos - 1] == 'n' && m->pos >= 2 && !ascii_word((unsigned char)s[m->pos - 2]);
	if (!elided && s[m->pos - 1] != 's')
		return false;
	for (k = i + 1; k < q->nmarks && !q->marks[k].para; k++)
		if (!q->marks[k].dbl && q->marks[k].dir == DIR_CLOSE)
			return true;
	return false;
}

/* Pair the marks: a double quotation runs to its closing mark, or over paragraphs
 * that each open a mark (AP style), or to the end of its paragraph when nothing closes
 * it, so one stray mark costs one paragraph at most. Single marks pair only outside
 * double quotations, within a paragraph. */
static void
pair_marks(struct hs_quoter *q)
{
	const struct mark	*m, *dopen = NULL, *sopen = NULL;
	size_t			 i, k, sopen_i = 0, replayed = 0;
	size_t			 end;
	bool			 nested = false;	/* doubles inside a single */

	q->nspans = 0;
	/* marks[nmarks] stands for the end of the text, a paragraph's end */
	for (i = 0; i <= q->nmarks; i++) {
		m = i < q->nmarks ? &q->marks[i] : NULL;
		if (m == NULL || m->para) {
			if (sopen != NULL && nested && i > replayed) {
				/* the single mark never closed, so it was none: read the
				 * double marks it hid again */
				replayed = i;
				i = sopen_i;
				sopen = NULL;
				nested = false;
				continue;
			}
			sopen = NULL;
			nested = false;
			if (dopen == NULL)
				continue;
			end = m != NULL ? m->pos : q->flat.len;
			k = i + 1;
			if (m != NULL && k < q->nmarks && !q->marks[k].para && q->marks[k].dbl &&
			    q->marks[k].pos == m->pos + m->len && q->marks[k].dir == DIR_OPEN) {
				i = k;		/* AP style: the quotation goes on */
				continue;
			}
			add_span(q, dopen, end, end, false);
			dopen = NULL;
			continue;
		}
		if (m->dbl) {
			if (nested)
				continue;
			if (dopen == NULL) {
				/* a mark that may face either way opens nothing */
				if (m->dir != DIR_OPEN)
					continue;
				if (sopen != NULL && i > replayed) {
					nested = true;	/* ‘They told us “wait,” and…’ */
					continue;
				}
				dopen = m;
				sopen = NULL;
			} else if (m->dir != DIR_OPEN) {
				add_span(q, dopen, m->pos, m->pos + m->len, true);
				dopen = NULL;
			} else {
				/* an opening mark inside a quotation: the last one was
				 * never closed */
				add_span(q, dopen, m->pos, m->pos, false);
				dopen = m;
			}
			continue;
		}
		if (dopen != NULL)
			continue;
		if (sopen != NULL && m->dir != DIR_OPEN) {
			if (apostrophe_inside(q, i))
				continue;
			add_span(q, sopen, m->pos, m->pos + m->len, true);
			sopen = NULL;
			nested = false;
		} else if (m->dir == DIR_OPEN) {
			sopen = m;
			sopen_i = i;
			nested = false;
		}
	}
}

/* ------------------------------------------------------------------------------ */
/* Names */

/* 'm' after "Mr.", 'f' after "Mrs.", "Ms." or "Miss", else 0. */
static char
title_gender(const struct hs_quoter *q, size_t start)
{
	static const struct { const char *title; char gender; } titles[] = {
		{ "Mr. ", 'm' }, { "Mr ", 'm' }, { "Mrs. ", 'f' }, { "Mrs ", 'f' },
		{ "Ms. ", 'f' }, { "Ms ", 'f' }, { "Miss ", 'f' }
	};
	size_t	 i, n;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		n = strlen(titles[i].title);
		if (start >= n && memcmp(q->flat.data + start - n, titles[i].title, n) == 0 &&
		    (start == n || !ascii_word((unsigned char)q->flat.data[start - n - 1])))
			return titles[i].gender;
	}
	return 0;
}

/* The names hs_tag finds that can speak, in flat offsets, each flagged when it is
 * inside a quotation. */
static void
find_names(struct hs_quoter *q, const struct hs_article *a)
{
	const struct hs_mention	*m;
	size_t			 n, i, k = 0;
	struct ment		*x;

	struct hs_article	 t = *a;
	size_t			 r;

	/* hs_tag reads the flat text cut at its separators, so that a record cut in
	 * two (hs_input's long pieces) is one piece again: "Mateo | Arancibia" */
	q->tagtext.len = 0;
	hs_buf_append(&q->tagtext, q->flat.data, q->flat.len + 1);
	q->tpieces = grow(q->tpieces, &q->captpieces, a->npieces + 1, sizeof(*q->tpieces));
	for (i = 0, r = 0; i < a->npieces; i++) {
		const struct hs_piece *p = &a->pieces[i];

		if (i > 0 && p->start == a->pieces[i - 1].start + a->pieces[i - 1].len) {
			q->tpieces[r - 1].len += p->len;
			q->tpieces[r - 1].clean &= p->clean;
			continue;
		}
		q->tpieces[r] = *p;
		q->tpieces[r].off = q->pflat[i];
		r++;
	}
	for (i = 0; i < r; i++)
		q->tagtext.data[q->tpieces[i].off + q->tpieces[i].len] = '\0';
	t.text = q->tagtext.data;
	t.pieces = q->tpieces;
	t.npieces = r;
	n = hs_tag_article(q->tg, &t, (1ULL << HS_ENT_PERSON) |
	    (1ULL << HS_ENT_ORG) | (1ULL << HS_ENT_GPE), &m);
	q->nments = 0;
	for (i = 0; i < n; i++) {
		GROW(q->ments, q->nments, q->capments);
		x = &q->ments[q->nments++];
		x->start = q->tpieces[m[i].piece].off + m[i].start;
		x->end = q->tpieces[m[i].piece].off + m[i].end;
		x->type = m[i].type;
		x->name = m[i].name;
		while (k < q->nspans && q->spans[k].to <= x->start)
			k++;
		x->in_quote = k < q->nspans && q->spans[k].from <= x->start;
		x->gender = x->type == HS_ENT_PERSON ? title_gender(q, x->start) : 0;
	}
}

/* The gender a person's mentions show by their titles (Mr., Mrs.), or 0. */
static char
gender_of(const struct hs_quoter *q, const char *name, size_t before)
{
	size_t	 i, looked = 0;

	for (i = before; i > 0 && looked < LOOKBACK_MAX; i--, looked++)
		if (q->ments[i - 1].gender != 0 && strcmp(q->ments[i - 1].name, name) == 0)
			return q->ments[i - 1].gender;
	for (i = before; i < q->nments && looked < 2 * LOOKBACK_MAX; i++, looked++)
		if (q->ments[i].gender != 0 && strcmp(q->ments[i].name, name) == 0)
			return q->ments[i].gender;
	return 0;
}

/* The index of the first mention that starts at or after pos. */
static size_t
ment_from(const struct hs_quoter *q, size_t pos)
{
	size_t	 lo = 0, hi = q->nments;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (q->ments[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ------------------------------------------------------------------------------ */
/* Sentences */

/* The lexicon types of s[0..n) in lower case (ASCII). */
static unsigned
lex_types_lower(struct hs_quoter *q, const char *s, size_t n)
{
	size_t	 i;

	q->key.len = 0;
	hs_buf_reserve(&q->key, n);
	for (i = 0; i < n; i++)
		q->key.data[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
	q->key.len = n;
	return hs_lexicon_types(q->lex, q->key.data, n);
}

/* Whether the full stop, question or exclamation mark at pos ends a sentence: white
 * space follows, then a capital, a digit, a quote mark or the paragraph's end, and a
 * full stop does not end an abbreviation or an initial. */
static bool
ends_sentence(struct hs_quoter *q, size_t pos)
{
	const char	*s = q->flat.data;
	size_t		 j = pos + 1, l, w;
	uint32_t	 c;

	while (j < q->flat.len && (s[j] == ')' || s[j] == ']'))
		j++;
	if (j < q->flat.len && !is_space_cp(cp_at(q, j, &l)))
		return false;
	while (j < q->flat.len && is_space_cp(c = cp_at(q, j, &l))) {
		if (c == '\n' && j + 1 < q->flat.len && s[j + 1] == '\n')
			break;
		j += l;
	}
	if (j < q->flat.len && s[j] != '\n') {
		c = cp_at(q, j, &l);
		if (!hs_cp_upper(c) && !(c >= '0' && c <= '9') && !is_mark_cp(c))
			return false;
	}
	if (s[pos] != '.')
		return true;
	for (w = pos; w > 0 && (ascii_word((unsigned char)s[w - 1]) || s[w - 1] == '.');)
		w--;
	if (pos - w == 1 && s[w] >= 'A' && s[w] <= 'Z')
		return false;			/* an initial: J. Smith */
	if (pos > w && pos - w < 16) {
		unsigned t = hs_lexicon_types(q->lex, s + w, pos + 1 - w);

		if (t & ((1u << HS_LEX_ABBREV) | (1u << HS_LEX_TITLE)))
			return false;
		if ((t & (1u << HS_LEX_NUMABBREV)) && j < q->flat.len && s[j] >= '0' &&
		    s[j] <= '9')
			return false;		/* No. 2 */
	}
	return true;
}

/* Whether the byte at pos is a sentence's last. */
static bool
sentence_end_at(struct hs_quoter *q, size_t pos)
{
	char	 c = q->flat.data[pos];

	return (c == '.' || c == '?' || c == '!') && ends_sentence(q, pos);
}

/* ------------------------------------------------------------------------------ */
/* Tokens of a quotation's sentence */

static void
add_tok(struct hs_quoter *q, size_t s, size_t e, enum tok_kind kind, long ment)
{
	struct tok	*t;

	q->toks_valid = false;

	GROW(q->toks, q->ntoks, q->captoks);
	t = &q->toks[q->ntoks++];
	*t = (struct tok){ .start = s, .end = e, .kind = (uint8_t)kind, .ment = ment };
}

/* The cue of up to CUE_WORDS_MAX words starting at word token i: its length in
 * words, or 0. */
static unsigned
cue_at(struct hs_quoter *q, size_t i)
{
	const struct tok	*t = &q->toks[i];
	unsigned		 best = 0, k, types;
	size_t			 j;

	/* a capital where a sentence begins ("Said Comey, …"), in a headline, or by a
	 * slip ("Murphy, the head of the PAC, Tweeted"), but never inside a name */
	if (t->kind != T_WORD || (t->cap && i > 0))
		return 0;
	types = lex_types_lower(q, q->flat.data + t->start, t->end - t->start);
	if (types & (1u << HS_LEX_CUE))
		best = 1;
	if (!(types & (1u << HS_LEX_MULTI_START)))
		return best;
	for (k = 2, j = i + 1; k <= CUE_WORDS_MAX && j < q->ntoks; k++, j++) {
		if (q->toks[j].kind != T_WORD)
			break;
		if (lex_types_lower(q, q->flat.data + t->start, q->toks[j].end - t->start) &
		    (1u << HS_LEX_CUE))
			best = k;
	}
	return best;
}

/* The length in words of the cue that starts at token i, or 0. */
static unsigned
cue_len(struct hs_quoter *q, size_t i)
{
	struct tok	*t = &q->toks[i];

	if (!t->cue_known) {
		t->cue_words = (uint8_t)cue_at(q, i);
		t->cue_known = true;
	}
	return t->cue_words;
}

/* Cut [from, to) of the flat text into tokens; quotations in it become one token. */
static void
tokenize_sentence(struct hs_quoter *q, size_t from, size_t to, size_t first_span)
{
	const char	*s = q->flat.data;
	size_t		 i = from, k = first_span, w, l, mi;
	uint32_t	 c;

	/* the same sentence as the last quotation's: its tokens, cues found, stand */
	if (q->toks_valid && q->toks_from == from && q->toks_to == to)
		return;
	q->ntoks = 0;
	mi = ment_from(q, from);
	while (i < to) {
		while (k < q->nspans && q->spans[k].open < i)
			k++;
		if (k < q->nspans && q->spans[k].open == i) {
			add_tok(q, i, q->spans[k].close_end, T_QUOTE, (long)k);
			i = q->spans[k].close_end > i ? q->spans[k].close_end : i + 1;
			continue;
		}
		if ((w = word_char_at(q, i)) > 0) {
			size_t ws = i;

			for (;;) {
				while (i < to && (w = word_char_at(q, i)) > 0)
					i += w;
				/* inner apostrophes, hyphens and dots: U.S., Moscow's */
				if (i + 1 < to && (s[i] == '\'' || s[i] == '-' || s[i] == '.') &&
				    word_char_at(q, i + 1)) {
					i++;
					continue;
				}
				if (i + 3 < to && (unsigned char)s[i] == 0xE2 &&
				    (unsigned char)s[i + 1] == 0x80 &&
				    (unsigned char)s[i + 2] == 0x99 && word_char_at(q, i + 3)) {
					i += 3;
					continue;
				}
				break;
			}
			while (mi < q->nments && q->ments[mi].end <= ws)
				mi++;
			add_tok(q, ws, i, T_WORD, mi < q->nments && q->ments[mi].start <= ws ?
			    (long)mi : -1);
			c = cp_at(q, ws, &l);
			q->toks[q->ntoks - 1].cap = hs_cp_upper(c);
			q->toks[q->ntoks - 1].lower = c < 0x80 ? (c >= 'a' && c <= 'z') :
			    !hs_cp_upper(c);
			continue;
		}
		c = cp_at(q, i, &l);
		if (c == ',')
			add_tok(q, i, i + l, T_COMMA, -1);
		else if (c == ':')
			add_tok(q, i, i + l, T_COLON, -1);
		else if (is_dash_cp(c) && (c != '-' || (i + 1 < to && s[i + 1] == '-') ||
		    (i > from && s[i - 1] == ' ')))
			add_tok(q, i, i + l, T_DASH, -1);
		else if (!is_space_cp(c))
			add_tok(q, i, i + l, T_PUNCT, -1);
		while (c == '-' && i + l < to && s[i + l] == '-')
			i++;
		i += l;
	}
	q->toks_valid = true;
	q->toks_from = from;
	q->toks_to = to;
}

static bool
tok_is(const struct hs_quoter *q, size_t i, const char *w)
{
	const struct tok	*t = &q->toks[i];
	size_t			 n = strlen(w);

	return t->kind == T_WORD && t->end - t->start == n &&
	    strncasecmp(q->flat.data + t->start, w, n) == 0;
}

/* A list of short lower-case words, each with its length. */
struct wordlist {
	const char	*w;
	uint8_t		 n;
};
#define W(s)	{ s, sizeof(s) - 1 }

/* The hash of a word in lower case, for the table of the lists' words. */
static size_t
word_hash(const char *s, size_t n)
{
	uint32_t	 h = 0x811c9dc5u;
	size_t		 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i])) *
		    0x01000193u;
	return (h ^ (h >> 15)) & (WORD_SLOTS - 1);
}

/* The lists (bits of word_lists) that the word of token i is in: looked up once. */
static unsigned
tok_class(struct hs_quoter *q, size_t i)
{
	struct tok	*t = &q->toks[i];
	size_t		 n = t->end - t->start, h, k;
	const char	*w = q->flat.data + t->start;

	if (t->class_known)
		return t->word_class;
	t->class_known = true;
	t->word_class = 0;
	if (t->kind != T_WORD || n > WORD_MAX)
		return 0;
	for (h = word_hash(w, n); q->words[h].n != 0; h = (h + 1) & (WORD_SLOTS - 1)) {
		if (q->words[h].n != n)
			continue;
		for (k = 0; k < n && (w[k] >= 'A' && w[k] <= 'Z' ? w[k] | 0x20 : w[k]) ==
		    q->words[h].w[k]; k++)
			;
		if (k == n) {
			t->word_class = q->words[h].mask;
			break;
		}
	}
	return t->word_class;
}

/* Whether the word of token i is in the list, one of word_lists. */
static bool
tok_in(const struct hs_quoter *q, size_t i, const struct wordlist *list)
{
	size_t	 l;

	for (l = 0; word_lists[l] != list; l++)
		;
	return (tok_class((struct hs_quoter *)q, i) & (1u << l)) != 0;
}

static const struct wordlist pronouns[] = { W("he"), W("she"), W("they"), W("it"),
	W("we"), W("i"), W("you"), W("him"), W("her"), { NULL, 0 } };

/* Words that may stand between a speaker and the cue: "Smith has also said". */
static const struct wordlist between_words[] = {
	W("has"), W("had"), W("have"), W("also"), W("later"), W("then"), W("once"),
	W("again"), W("previously"), W("repeatedly"), W("recently"), W("earlier"),
	W("would"), W("will"), W("could"), W("might"), W("may"), W("did"), W("does"),
	W("do"), W("was"), W("is"), W("reportedly"), W("quickly"), W("simply"),
	W("publicly"), W("privately"), W("often"), W("never"), W("even"), W("still"),
	W("just"), W("first"), W("last"), W("further"), W("frequently"), W("flatly"),
	W("bluntly"), W("openly"), W("finally"), W("subsequently"), W("famously"),
	W("went"), W("on"), W("not"), { NULL, 0 } };

/* Words that begin a clause of their own: a cue after one is not the quotation's. */
static const struct wordlist clause_words[] = { W("and"), W("but"), W("while"),
	W("because"), W("although"), W("though"), W("since"), W("so"), W("or"),
	W("as"), W("after"), W("before"), W("when"), W("where"), W("which"),
	W("that"), W("who"), W("if"), W("until"), W("whether"), { NULL, 0 } };

/* Words that open a relative clause, which an apposition may hold. */
static const struct wordlist relatives[] = { W("who"), W("which"), W("that"),
	{ NULL, 0 } };

/* Words that open a sentence with a phrase before its subject. */
static const struct wordlist openers[] = { W("in"), W("after"), W("on"), W("at"),
	W("during"), W("before"), W("while"), W("when"), W("although"), W("despite"),
	W("following"), W("asked"), W("speaking"), W("since"), W("as"), W("for"),
	W("with"), W("without"), W("unlike"), W("like"), W("if"), W("still"),
	W("instead"), W("meanwhile"), W("later"), W("earlier"), { NULL, 0 } };

/* Cues that are nouns as often as verbs: a verb only right after its subject
 * ("Trump tweeted" is found by "tweeted"; "Clinton tweets" needs this). */
static const struct wordlist noun_cues[] = { W("email"), W("emails"), W("text"),
	W("texts"), W("post"), W("posts"), W("tweet"), W("tweets"), W("statement"),
	W("comment"), W("comments"), W("remark"), W("remarks"), W("protest"),
	W("protests"), W("charge"), W("charges"), W("claim"), W("claims"),
	W("call"), W("calls"), W("word"), W("words"), W("quote"), W("quotes"),
	{ NULL, 0 } };

/* Forms of "be" that make a cue passive: "was asked by". */
static const struct wordlist be_words[] = { W("was"), W("were"), W("is"), W("are"),
	W("been"), W("being"), W("be"), { NULL, 0 } };

/* Words before the title of a work or a slogan in quotation marks. */
static const struct wordlist title_words[] = { W("on"), W("in"), W("of"),
	W("from"), W("the"), W("a"), W("an"), W("his"), W("her"), W("their"),
	W("titled"), W("entitled"), W("book"), W("show"), W("film"), W("song"),
	W("slogan"), { NULL, 0 } };

/* Words before a noun: a cue after one is a noun ("the statement"). */
static const struct wordlist determiners[] = { W("the"), W("a"), W("an"), W("his"),
	W("her"), W("their"), W("its"), W("our"), W("my"), W("your"), W("this"),
	W("that"), W("these"), W("those"), W("whose"), { NULL, 0 } };

/* Days and months, and words of time: "on Tuesday said" names no one. */
static const struct wordlist days[] = { W("monday"), W("tuesday"),
	W("wednesday"), W("thursday"), W("friday"), W("saturday"), W("sunday"),
	W("january"), W("february"), W("march"), W("april"), W("june"), W("july"),
	W("august"), W("september"), W("october"), W("november"), W("december"),
	W("today"), W("yesterday"), W("night"), W("morning"), W("evening"),
	{ NULL, 0 } };

/* Every list above, each with its bit in a token's word class. */
static const struct wordlist *const word_lists[] = { pronouns, between_words,
	clause_words, relatives, openers, noun_cues, be_words, determiners, days,
	title_words };

/* Build the table of the lists' words, each with the bits of its lists. */
static void
init_word_table(struct hs_quoter *q)
{
	const struct wordlist	*w;
	size_t			 l, h;

	for (l = 0; l < sizeof(word_lists) / sizeof(word_lists[0]); l++)
		for (w = word_lists[l]; w->w != NULL; w++) {
			if (w->n > WORD_MAX)
				continue;		/* none is */
			for (h = word_hash(w->w, w->n);; h = (h + 1) & (WORD_SLOTS - 1))
				if (q->words[h].n == 0 || (q->words[h].n == w->n &&
				    memcmp(q->words[h].w, w->w, w->n) == 0))
					break;
			memcpy(q->words[h].w, w->w, w->n);
			q->words[h].n = w->n;
			q->words[h].mask |= (uint16_t)(1u << l);
		}
}

/* Where the sentence holding span k begins: back to a sentence end, the paragraph's
 * start or REGION_MAX bytes, over the quotations before it. */
static size_t
sentence_start(struct hs_quoter *q, size_t k)
{
	return sentence_start_from(q, q->spans[k].open, k);
}

/* The same for any position pos, before which j spans begin. */
static size_t
sentence_start_from(struct hs_quoter *q, size_t pos, size_t j)
{
	size_t	 stop, par, crossed = 0;

	par = q->paras[para_of(q, pos)];
	stop = pos > par + REGION_MAX ? pos - REGION_MAX : par;
	if (q->nline_starts > 0) {
		size_t ls = q->line_starts[last_at_most(q->line_starts, q->nline_starts,
		    pos)];

		if (ls <= pos && ls > stop)
			stop = ls;
	}
	while (pos > stop) {
		size_t	 lim = stop;
		char	 ch;

		/* down to the next full stop, question or exclamation mark, or the end
		 * of the quotation before, whichever comes first */
		if (j > 0 && q->spans[j - 1].close_end > lim && q->spans[j - 1].close_end <= pos)
			lim = q->spans[j - 1].close_end;
		while (pos > lim && (ch = q->flat.data[pos - 1]) != '.' && ch != '?' &&
		    ch != '!')
			pos--;
		if (pos == stop)
			break;
		if (j > 0 && q->spans[j - 1].close_end == pos && q->spans[j - 1].open >= stop) {
			if (++crossed > REGION_QUOTES)
				return pos;
			j--;
			if (q->spans[j].last == '.' || q->spans[j].last == '?' ||
			    q->spans[j].last == '!') {
				size_t l;
				uint32_t c = cp_at(q, pos, &l);

				while (is_space_cp(c) && pos + l < q->flat.len) {
					pos += l;
					c = cp_at(q, pos, &l);
				}
				if (hs_cp_upper(c) || is_mark_cp(c))
					return pos;
			}
			pos = q->spans[j].open;
			continue;
		}
		if (sentence_end_at(q, pos - 1))
			return pos;
		pos--;
	}
	return pos;
}

/* Whether a cue comes within LATE_CUE_WORDS words after pos, before a sentence
 * ends: "Why?" Smith asked. With cue_ends, the cue must end that sentence (after a
 * full stop inside the marks, as in "… missing." Trump said.). */
static bool
late_cue(struct hs_quoter *q, size_t pos, bool cue_ends)
{
	size_t	 end = pos, stop = pos + 120 < q->flat.len ? pos + 120 : q->flat.len, i;
	size_t	 words = 0, saved = q->ntoks;

	while (end < stop && !(q->flat.data[end] == '\n' && at_break(q, end)) &&
	    !sentence_end_at(q, end))
		end++;
	tokenize_sentence(q, pos, end, q->nspans);
	/* a subject of capitalised words or a pronoun, maybe an apposition in commas,
	 * and then the cue: "Why?" Miller, a retired worker, asked. */
	for (i = 0; i < q->ntoks && words < LATE_CUE_WORDS; i++) {
		if (q->toks[i].kind == T_COMMA && i > 0) {
			size_t k;

			for (k = i + 1; k < q->ntoks && k - i < 16; k++)
				if (q->toks[k].kind == T_COMMA)
					break;
			if (k == q->ntoks || q->toks[k].kind != T_COMMA)
				break;
			i = k;
			continue;
		}
		if (q->toks[i].kind == T_PUNCT)
			continue;		/* Rep. Glenn Thompson (R-Pa.) */
		if (q->toks[i].kind != T_WORD)
			break;
		words++;
		if (i > 0 && cue_len(q, i) && (!cue_ends || i + cue_len(q, i) + 1 >= q->ntoks))
			return q->ntoks = saved, q->toks_valid = false, true;
		if (!q->toks[i].cap && !tok_in(q, i, pronouns) &&
		    !tok_in(q, i, between_words))
			break;
	}
	q->ntoks = saved;
	q->toks_valid = false;
	return false;
}

/* Where the sentence holding span k ends. */
static size_t
sentence_end(struct hs_quoter *q, size_t k)
{
	const struct span	*sp = &q->spans[k];
	size_t			 pos = sp->close_end, stop, j = k + 1, l, crossed = 0;
	uint32_t		 c;

	if (!sp->closed)
		return pos;
	stop = pos + REGION_MAX < q->flat.len ? pos + REGION_MAX : q->flat.len;
	if (sp->last == '.' || sp->last == '?' || sp->last == '!') {
		size_t w = pos;

		while (w < q->flat.len && is_space_cp(c = cp_at(q, w, &l)))
			w += l;
		if (w >= q->flat.len || para_of(q, w) != para_of(q, pos - 1))
			return pos;
		if (hs_cp_upper(cp_at(q, w, &l)) && !late_cue(q, pos, sp->last == '.'))
			return pos;
	}
	while (pos < stop) {
		size_t	 lim = j < q->nspans && q->spans[j].open < stop ?
			    q->spans[j].open : stop;
		char	 ch;

		/* on to the next full stop, question or exclamation mark, newline or
		 * quotation */
		while (pos < lim && (ch = q->flat.data[pos]) != '.' && ch != '?' &&
		    ch != '!' && ch != '\n')
			pos++;
		if (pos == stop)
			break;
		if (j < q->nspans && q->spans[j].open == pos) {
			if (q->spans[j].close_end > stop || ++crossed > REGION_QUOTES)
				return pos;
			pos = q->spans[j].close_end;
			j++;
			continue;
		}
		if (q->flat.data[pos] == '\n' && at_break(q, pos))
			return pos;
		if (sentence_end_at(q, pos))
			return pos + 1;
		pos++;
	}
	return pos;
}

/* ------------------------------------------------------------------------------ */
/* Speakers */


enum speaker_how {
	SP_NONE,
	SP_NAME,	/* a name hs_tag found */
	SP_PRONOUN,
	SP_ROLE,	/* "the secretary" */
	SP_WORDS,	/* capitalised words hs_tag did not take for a name */
	SP_QUOTE	/* the speaker of an earlier quotation in the sentence */
};

struct speaker {
	enum speaker_how	 how;
	long			 ment;		/* SP_NAME; SP_QUOTE: the span */
	size_t			 tok;		/* SP_PRONOUN, SP_ROLE, SP_WORDS: the word */
	size_t			 tok_end;	/* SP_WORDS: just past the last word */
};

/* The person (or, for "it", the organisation) a pronoun at flat offset pos stands
 * for: the last one named before it outside quotations. */
static const char *
resolve_pronoun(struct hs_quoter *q, size_t tok)
{
	size_t		 pos = q->toks[tok].start, i, looked = 0;
	int		 want;
	char		 gender = 0, g;

	if (tok_is(q, tok, "he") || tok_is(q, tok, "him")) {
		want = HS_ENT_PERSON;
		gender = 'm';
	} else if (tok_is(q, tok, "she") || tok_is(q, tok, "her")) {
		want = HS_ENT_PERSON;
		gender = 'f';
	}
	else if (tok_is(q, tok, "it"))
		want = HS_ENT_ORG;
	else
		return NULL;
	/* "Clinton said … she called": a person named earlier in the same sentence */
	for (i = 0; i < tok; i++) {
		const struct tok *t = &q->toks[i];

		if (t->kind == T_WORD && t->ment >= 0 && q->ments[t->ment].type == want &&
		    !q->ments[t->ment].in_quote && (gender == 0 ||
		    (g = gender_of(q, q->ments[t->ment].name, (size_t)t->ment)) == 0 ||
		    g == gender))
			return q->ments[t->ment].name;
	}
	for (i = ment_from(q, pos); i > 0 && looked < LOOKBACK_MAX; i--, looked++) {
		const struct ment *m = &q->ments[i - 1];

		if (m->type != want || m->in_quote)
			continue;
		/* the last person named, unless their title says otherwise */
		if (gender != 0 && (g = gender_of(q, m->name, i)) != 0 && g != gender)
			continue;
		return m->name;
	}
	return NULL;
}

/* Whether word w (lower case, n bytes) stands within `span` bytes of [s, e) in the
 * same paragraph: "Secretary of State Antony Blinken", "Blinken, the secretary". */
static bool
word_near(struct hs_quoter *q, const char *w, size_t n, size_t s, size_t e, size_t limit)
{
	const char	*t = q->flat.data;
	size_t		 lo = s > 60 ? s - 60 : 0, hi = e + 60 < limit ? e + 60 : limit, i;

	/* within the name's sentence */
	for (i = s; i > lo; i--)
		if (t[i - 1] == '\n' || sentence_end_at(q, i - 1)) {
			lo = i;
			break;
		}
	for (i = e; i < hi; i++)
		if (t[i] == '\n' || sentence_end_at(q, i)) {
			hi = i;
			break;
		}
	for (i = lo; i + n <= hi; i++) {
		if ((t[i] | 0x20) != (w[0] | 0x20) || (i + n > s && i < e))
			continue;
		if (strncasecmp(t + i, w, n) == 0 && (i == 0 || !ascii_word(
		    (unsigned char)t[i - 1])) && (i + n == q->flat.len ||
		    !ascii_word((unsigned char)t[i + n])))
			return true;
	}
	return false;
}

/* Whether name holds the word w[0..n), in any case: "the party" ~ Republican Party. */
static bool
name_has_word(const char *name, const char *w, size_t n)
{
	const char	*p;

	for (p = name; *p != '\0'; p++)
		if ((p == name || p[-1] == ' ') && strncasecmp(p, w, n) == 0 &&
		    (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

/* "the secretary": the person the article names with that word beside the name, the
 * last before the word; failing that, a body or place with it in or beside its name
 * ("the party", "the newspaper"). */
static const char *
resolve_role(struct hs_quoter *q, size_t tok)
{
	const struct tok	*t = &q->toks[tok];
	const char		*w = q->flat.data + t->start;
	size_t			 n = t->end - t->start, i, looked, first;
	int			 pass;

	if (n < 3 || n > 30)
		return NULL;
	first = ment_from(q, t->start);
	for (pass = 0; pass < 2; pass++)
		for (i = first, looked = 0; i > 0 && looked < LOOKBACK_MAX; i--, looked++) {
			const struct ment *m = &q->ments[i - 1];

			if (m->in_quote || (m->type == HS_ENT_PERSON) != (pass == 0))
				continue;
			if (word_near(q, w, n, m->start, m->end, t->start) ||
			    name_has_word(m->name, w, n))
				return m->name;
		}
	/* a role the article never writes beside a name: like a pronoun, the last
	 * person named ("The Vermont senator emailed supporters") */
	if (!(hs_lexicon_types(q->lex, w, n) & ((1u << HS_LEX_ROLE) | (1u << HS_LEX_ROLE_END))))
		return NULL;
	for (i = first, looked = 0; i > 0 && looked < LOOKBACK_MAX; i--, looked++)
		if (q->ments[i - 1].type == HS_ENT_PERSON && !q->ments[i - 1].in_quote)
			return q->ments[i - 1].name;
	return NULL;
}

/* Append the words of the flat text [s, e) to q->strings, white space as one space:
 * a cue, or a speaker's name as written. */
static void
append_words(struct hs_quoter *q, size_t s, size_t e)
{
	size_t	 i;
	bool	 space = false;

	for (i = s; i < e; i++) {
		if (q->flat.data[i] == ' ' || q->flat.data[i] == '\n' ||
		    q->flat.data[i] == '\t' || q->flat.data[i] == '\r') {
			space = true;
			continue;
		}
		if (space)
			hs_buf_putc(&q->strings, ' ');
		space = false;
		hs_buf_putc(&q->strings, q->flat.data[i]);
	}
}

/* Append the speaker's name to q->strings as quote k's; SIZE_MAX when there is none. */
static void
write_speaker(struct hs_quoter *q, const struct speaker *sp, size_t k)
{
	struct quote_strings	*o = &q->offs[k];
	const char		*name = NULL;

	o->speaker = SIZE_MAX;
	o->speaker_len = 0;
	switch (sp->how) {
	case SP_NAME:
		name = q->ments[sp->ment].name;
		break;
	case SP_PRONOUN:
		name = resolve_pronoun(q, sp->tok);
		break;
	case SP_ROLE:
		name = resolve_role(q, sp->tok);
		break;
	case SP_WORDS:
		o->speaker = q->strings.len;
		append_words(q, q->toks[sp->tok].start, q->toks[sp->tok_end - 1].end);
		o->speaker_len = q->strings.len - o->speaker;
		return;
	case SP_QUOTE:
		if ((size_t)sp->ment < k) {
			o->speaker = q->offs[sp->ment].speaker;
			o->speaker_len = q->offs[sp->ment].speaker_len;
		}
		return;
	default:
		return;
	}
	if (name != NULL) {
		o->speaker = q->strings.len;
		hs_buf_puts(&q->strings, name);
		o->speaker_len = q->strings.len - o->speaker;
	}
}

/* The person the article names in full whose surname is the word of token i, which
 * hs_tag left alone ("Waters tweeted" after "David Waters"): a mention, or -1. */
static long
person_by_surname(struct hs_quoter *q, size_t i)
{
	const struct tok	*t = &q->toks[i];
	size_t			 n = t->end - t->start, k, looked, len;
	const char		*name;

	for (k = ment_from(q, t->start), looked = 0; k > 0 && looked < LOOKBACK_MAX;
	    k--, looked++) {
		if (q->ments[k - 1].type != HS_ENT_PERSON)
			continue;
		name = q->ments[k - 1].name;
		len = strlen(name);
		if (len > n && name[len - n - 1] == ' ' &&
		    memcmp(name + len - n, q->flat.data + t->start, n) == 0)
			return (long)(k - 1);
	}
	return -1;
}

/* Whether the word of token t is a title written without its full stop: Mr, Dr. */
static bool
is_title_word(struct hs_quoter *q, const struct tok *t)
{
	size_t	 n = t->end - t->start;

	if (n > 6)
		return false;
	q->key.len = 0;
	hs_buf_append(&q->key, q->flat.data + t->start, n);
	hs_buf_putc(&q->key, '.');
	return hs_lexicon_has(q->lex, HS_LEX_TITLE, q->key.data, n + 1);
}

/* Whether the capitalised word at token i, which hs_tag did not take for a name, is
 * one all the same: not a word that starts sentences ("The", "Officials"), unless it
 * stands inside its sentence. */
static bool
unknown_name(struct hs_quoter *q, size_t i, size_t lo, bool after_quote)
{
	const struct tok	*t = &q->toks[i];
	unsigned		 types;

	types = lex_types_lower(q, q->flat.data + t->start, t->end - t->start);
	if ((types & (1u << HS_LEX_CUE)) && i == lo)
		return false;			/* Said Comey */
	if (tok_in(q, i, pronouns) || tok_in(q, i, determiners))
		return false;
	if (hs_lexicon_types(q->lex, q->flat.data + t->start, t->end - t->start) &
	    ((1u << HS_LEX_STARTER) | (1u << HS_LEX_TITLE)))
		return false;
	if (is_title_word(q, t) || calendar_word(q, i))
		return false;			/* Mr Farage, Tuesday */
	/* after a title ("Mr. Singer"), or right after a quotation and before its cue
	 * ("…," Ban recalled), a capitalised word is a name even when it is a word too */
	if (after_quote || (i >= 2 && q->toks[i - 1].kind == T_PUNCT &&
	    q->flat.data[q->toks[i - 1].start] == '.' && q->toks[i - 2].kind == T_WORD &&
	    (hs_lexicon_types(q->lex, q->flat.data + q->toks[i - 2].start,
	    q->toks[i - 1].end - q->toks[i - 2].start) & (1u << HS_LEX_TITLE))))
		return true;
	if (types & ((1u << HS_LEX_ROLE) | (1u << HS_LEX_ROLE_END)))
		return false;
	if (i == lo || q->toks[i - 1].kind == T_QUOTE || q->toks[i - 1].kind == T_COLON ||
	    q->toks[i - 1].kind == T_DASH)
		return !(types & (1u << HS_LEX_COMMON));
	return true;
}

/* The speaker among tokens [a, b): the first person named, else the first name of any
 * kind, else a pronoun, else "the" and a noun. */
static struct speaker
speaker_in(struct hs_quoter *q, size_t a, size_t b)
{
	struct speaker	 sp = { SP_NONE, -1, 0, 0 }, other = { SP_NONE, -1, 0, 0 };
	size_t		 i;

	for (i = a; i < b; i++) {
		const struct tok *t = &q->toks[i];

		if (t->kind != T_WORD)
			continue;
		if (t->ment >= 0) {
			if (q->ments[t->ment].type == HS_ENT_PERSON)
				return (struct speaker){ SP_NAME, t->ment, i, 0 };
			if (other.how != SP_NAME)
				other = (struct speaker){ SP_NAME, t->ment, i, 0 };
			continue;
		}
		if (sp.how == SP_NONE && tok_in(q, i, pronouns))
			sp = (struct speaker){ SP_PRONOUN, -1, i, 0 };
		else if (sp.how == SP_NONE && t->lower && i > a && tok_is(q, i - 1, "the") &&
		    (i + 1 >= b || q->toks[i + 1].kind != T_WORD || cue_len(q, i + 1)))
			sp = (struct speaker){ SP_ROLE, -1, i, 0 };
		else if (sp.how == SP_NONE && t->cap && person_by_surname(q, i) >= 0)
			sp = (struct speaker){ SP_NAME, person_by_surname(q, i), i, 0 };
		else if (sp.how == SP_NONE && t->cap && unknown_name(q, i, a, true)) {
			size_t e = i + 1;

			while (e < b && e - i < 3 && q->toks[e].kind == T_WORD &&
			    q->toks[e].cap && q->toks[e].ment < 0)
				e++;
			sp = (struct speaker){ SP_WORDS, -1, i, e };
			i = e - 1;
		}
	}
	return other.how == SP_NAME ? other : sp;
}


/* The speaker of a cue at token c that comes before its quotation: the subject just
 * before it, over adverbs and an apposition ("Arancibia, Chile's minister, said"). */
/* The last quotation among tokens [lo, c) that is already attributed (an earlier one
 * in the article, not a mention), as a speaker to share: "…," he said, adding, "…". */
static struct speaker
earlier_quote(struct hs_quoter *q, size_t lo, size_t c)
{
	size_t	 k;

	for (k = c; k > lo; k--) {
		const struct tok *t = &q->toks[k - 1];

		if (t->kind == T_QUOTE && (size_t)t->ment < q->nout &&
		    q->out[t->ment].kind != HS_QUOTE_MENTION)
			return (struct speaker){ SP_QUOTE, t->ment, 0, 0 };
	}
	return (struct speaker){ SP_NONE, -1, 0, 0 };
}

/* Whether the noun at token i ends a description that begins with "the" within five
 * words ("the secretary", "the Senate Democratic leader"): the token after "the", or
 * 0. */
static size_t
role_phrase(struct hs_quoter *q, size_t i, size_t lo)
{
	size_t	 k;

	if (tok_in(q, i, clause_words) || tok_in(q, i, determiners))
		return 0;
	for (k = i; k > lo && i - k < 5; k--) {
		const struct tok *t = &q->toks[k - 1];

		if (t->kind != T_WORD)
			return 0;
		if (tok_is(q, k - 1, "the"))
			return k;
		/* "the Grand Hotel in Baltimore and": no description holds a
		 * preposition */
		if (t->lower && t->end - t->start <= 3)
			return 0;
	}
	return 0;
}

/* A day or month name: "Tuesday" is when, not who. */
static bool
calendar_word(const struct hs_quoter *q, size_t i)
{


	return q->toks[i].kind == T_WORD && tok_in(q, i, days);
}

/* An adverb by its ending: "initially", "angrily". */
static bool
adverb(const struct hs_quoter *q, size_t i)
{
	const struct tok	*t = &q->toks[i];

	return t->end - t->start > 4 && q->flat.data[t->end - 2] == 'l' &&
	    q->flat.data[t->end - 1] == 'y';
}

/* A name that opens the clause at token a ("The State Department less than two
 * weeks ago said", "The Post responded with"), before b. */
static struct speaker
clause_subject(struct hs_quoter *q, size_t a, size_t b)
{
	size_t	 i = a, k, other = SIZE_MAX;

	if (i < b && q->toks[i].kind == T_COMMA) {
		i++;
		/* "in Salem, New Hampshire, Trump went after Bush" */
		while (i < b && q->toks[i].kind == T_WORD && q->toks[i].ment >= 0 &&
		    q->ments[q->toks[i].ment].type == HS_ENT_GPE) {
			long m = q->toks[i].ment;

			while (i < b && q->toks[i].ment == m)
				i++;
			if (i >= b || q->toks[i].kind != T_COMMA)
				return (struct speaker){ SP_NONE, -1, 0, 0 };
			i++;
		}
	}
	/* the noun phrase that opens the clause: "Republican presidential front-runner
	 * Donald Trump", "Sen. Susan Collins", "The Democratic National Committee" */
	for (k = i; k < b && k - i < 8; k++) {
		const struct tok *t = &q->toks[k];

		if (t->kind == T_PUNCT && q->flat.data[t->start] == '.')
			continue;
		if (t->kind != T_WORD || cue_len(q, k) || tok_in(q, k, clause_words))
			break;
		if (t->ment >= 0 && q->ments[t->ment].type == HS_ENT_PERSON)
			return (struct speaker){ SP_NAME, t->ment, k, 0 };
		if (t->ment >= 0 && other == SIZE_MAX &&
		    q->ments[t->ment].type != HS_ENT_NORP)
			other = k;
		if (!t->cap && !tok_is(q, k, "the") && t->ment < 0 && k > i &&
		    !q->toks[k - 1].cap && !(k + 1 < b && q->toks[k + 1].cap))
			break;		/* past the noun phrase */
	}
	if (other != SIZE_MAX)
		return (struct speaker){ SP_NAME, q->toks[other].ment, other, 0 };
	/* "Carson took the stage … and called": a capitalised subject the tagger
	 * left alone */
	if (i < b && q->toks[i].kind == T_WORD && q->toks[i].cap) {
		long m = person_by_surname(q, i);

		if (m >= 0)
			return (struct speaker){ SP_NAME, m, i, 0 };
		if (unknown_name(q, i, a, false) && i + 1 < b &&
		    q->toks[i + 1].kind == T_WORD && !q->toks[i + 1].cap)
			return (struct speaker){ SP_WORDS, -1, i, i + 1 };
	}
	return (struct speaker){ SP_NONE, -1, 0, 0 };
}

/* The subject of the clause in tokens [lo, c): the name that opens it, else the
 * first person it names. With skip_opener, past an opening phrase such as "In
 * response to Trump's proposal," (up to its comma). */
static struct speaker
main_subject(struct hs_quoter *q, size_t lo, size_t c, bool skip_opener)
{
	struct speaker	 who;
	size_t		 k = lo;

	if (skip_opener && q->toks[lo].kind == T_WORD && q->toks[lo].cap &&
	    tok_in(q, lo, openers))
		for (; k < c && q->toks[k].kind != T_COMMA; k++)
			;
	if ((who = clause_subject(q, k, c)).how != SP_NONE)
		return who;
	for (; k < c; k++) {
		const struct tok *t = &q->toks[k];

		if (t->kind == T_WORD && t->ment >= 0 &&
		    q->ments[t->ment].type == HS_ENT_PERSON)
			return (struct speaker){ SP_NAME, t->ment, k, 0 };
	}
	return (struct speaker){ SP_NONE, -1, 0, 0 };
}

static struct speaker
subject_before(struct hs_quoter *q, size_t c, size_t lo)
{
	struct speaker	 who;
	size_t		 j = c, k;

	for (;;) {
		while (j > lo && q->toks[j - 1].kind == T_WORD && q->toks[j - 1].lower &&
		    (tok_in(q, j - 1, between_words) || adverb(q, j - 1)))
			j--;
		/* "Rep. Paul Ryan (R-WI) said" */
		k = j > lo + 1 && q->toks[j - 1].kind == T_COMMA ? j - 1 : j;
		if (k > lo && q->toks[k - 1].kind == T_PUNCT &&
		    q->flat.data[q->toks[k - 1].start] == ')') {
			size_t close = k;

			for (k = close - 1; k > lo && close - k < 8 && !(q->toks[k - 1].kind ==
			    T_PUNCT && q->flat.data[q->toks[k - 1].start] == '('); k--)
				;
			if (k > lo && close - k < 8) {
				j = k - 1;	/* "Kasich (R-OH), said" */
				continue;
			}
		}
		/* "on Tuesday called" */
		if (j > lo && calendar_word(q, j - 1)) {
			j--;
			if (j > lo && (tok_is(q, j - 1, "on") || tok_is(q, j - 1, "last") ||
			    tok_is(q, j - 1, "this")))
				j--;
			continue;
		}
		break;
	}
	/* "Lapp, director of the House Majority PAC, a super PAC, said": back over up
	 * to three appositions to the name before them, a person's if there is one */
	if (j > lo && q->toks[j - 1].kind == T_COMMA) {
		size_t	 at = j - 1, best = 0, n;

		for (n = 0; n < 3; n++) {
			/* at is a comma; find the one before it */
			for (k = at; k > lo && at - k < 16; k--)
				if (q->toks[k - 1].kind == T_COMMA || cue_len(q, k - 1))
					break;
			if (k == lo || q->toks[k - 1].kind != T_COMMA ||
			    (q->toks[k].ment >= 0 &&
			    q->ments[q->toks[k].ment].type == HS_ENT_PERSON))
				break;
			at = k - 1;	/* the comma before the apposition */
			if (at > lo && q->toks[at - 1].kind == T_WORD &&
			    (q->toks[at - 1].ment >= 0 || tok_in(q, at - 1, pronouns) ||
			    q->toks[at - 1].cap)) {
				if (best == 0 || (q->toks[at - 1].ment >= 0 &&
				    q->ments[q->toks[at - 1].ment].type == HS_ENT_PERSON))
					best = at + 1;
				if (q->toks[at - 1].ment < 0 || q->ments[q->toks[at - 1].ment].type ==
				    HS_ENT_PERSON)
					break;
			}
		}
		if (best != 0)
			j = best - 1;
	}
	if (j > lo && q->toks[j - 1].kind == T_WORD) {
		const struct tok *t = &q->toks[j - 1];

		if (t->ment >= 0)
			return (struct speaker){ SP_NAME, t->ment, j - 1, 0 };
		if (tok_in(q, j - 1, pronouns))
			return (struct speaker){ SP_PRONOUN, -1, j - 1, 0 };
		if (t->lower && !tok_in(q, j - 1, clause_words)) {
			/* "Border Patrol agents described", "The Rove ad hits" */
			for (k = j - 1; k > lo && j - 1 - k < 3 &&
			    q->toks[k - 1].kind == T_WORD && q->toks[k - 1].cap; k--)
				if (q->toks[k - 1].ment >= 0)
					return (struct speaker){ SP_NAME, q->toks[k - 1].ment,
					    k - 1, 0 };
		}
		if (t->lower && (k = role_phrase(q, j - 1, lo)) != 0) {
			/* "the Heritage Foundation website": the name inside */
			for (; k < j - 1; k++)
				if (q->toks[k].ment >= 0)
					return (struct speaker){ SP_NAME, q->toks[k].ment, k, 0 };
			return (struct speaker){ SP_ROLE, -1, j - 1, 0 };
		}
		if (t->cap && (k = (size_t)person_by_surname(q, j - 1)) != (size_t)-1)
			return (struct speaker){ SP_NAME, (long)k, j - 1, 0 };
		if (t->cap && unknown_name(q, j - 1, lo, false)) {
			for (k = j - 1; k > lo && q->toks[k - 1].kind == T_WORD &&
			    q->toks[k - 1].cap && j - k < 3; k--)
				;
			return (struct speaker){ SP_WORDS, -1, k, j };
		}
	}
	/* "…, adding": the speaker of the sentence's earlier quotation, else the first
	 * person it names */
	if (j > lo && q->toks[j - 1].kind == T_COMMA) {
		if ((who = earlier_quote(q, lo, c)).how != SP_NONE)
			return who;
		return main_subject(q, lo, c, true);
	}
	/* otherwise the name that opens the sentence, or its first person */
	return main_subject(q, lo, c, false);
}

/* Cues that name their speaker after them: "according to Blinken". */
static bool
speaker_follows(struct hs_quoter *q, size_t c)
{
	/* "according to", "in the words of", and any cue a user's lexicon starts
	 * with "per" ("per a spokesman") */
	return tok_is(q, c, "according") || tok_is(q, c, "in") || tok_is(q, c, "per");
}

/* The end of the words after cue c that may hold its speaker: up to the next
 * quotation, colon or cue. */
static size_t
after_cue_end(struct hs_quoter *q, size_t c)
{
	size_t	 i = c + cue_len(q, c), n = 0;

	for (; i < q->ntoks && n < 10; i++, n++)
		if (q->toks[i].kind == T_QUOTE || q->toks[i].kind == T_COLON ||
		    cue_len(q, i))
			break;
	return i;
}

/* ------------------------------------------------------------------------------ */
/* Quotations */

struct found {
	enum hs_quote_kind	 kind;
	struct speaker		 who;
	long			 cue;		/* token of the cue, or -1 */
	size_t			 cue_start, cue_end;
	bool			 starts;	/* the quotation begins its sentence */
};

/* Whether a comma stands between tokens a and b. */
static bool
after_comma(const struct hs_quoter *q, size_t a, size_t b)
{
	for (; b > a; b--)
		if (q->toks[b - 1].kind == T_COMMA)
			return true;
	return false;
}

/* Whether the cue at token c is a participle ("adding", "telling reporters"), whose
 * speaker is its sentence's subject. */
static bool
participle(const struct hs_quoter *q, size_t c)
{
	const struct tok	*t = &q->toks[c];

	if (tok_is(q, c, "according"))
		return false;
	/* "taking to Twitter to call Fields …": an infinitive is the same */
	if (c > 0 && tok_is(q, c - 1, "to") && !(c > 1 && (tok_is(q, c - 2, "went") ||
	    tok_is(q, c - 2, "goes") || tok_is(q, c - 2, "go") || tok_is(q, c - 2, "going"))))
		return true;
	return t->end - t->start > 4 && memcmp(q->flat.data + t->end - 3, "ing", 3) == 0;
}

/* The speaker of a participle or infinitive cue: the speaker of an earlier quotation
 * in the sentence, else the subject that opens the main clause, else its first
 * person. */
static struct speaker
participle_subject(struct hs_quoter *q, size_t c)
{
	struct speaker	 who;
	size_t		 k;

	if ((who = earlier_quote(q, 0, c)).how != SP_NONE)
		return who;
	/* "… report “wasn't good.” Adding, “…”": the last quotation's speaker */
	if (c == 0 && q->nout > 0 && q->out[q->nout - 1].kind != HS_QUOTE_MENTION)
		return (struct speaker){ SP_QUOTE, (long)(q->nout - 1), 0, 0 };
	/* "Cruz said that …, adding": the subject of an earlier cue */
	for (k = c; k > 0; k--)
		if (cue_len(q, k - 1) && !participle(q, k - 1) && !noun_use(q, k - 1) &&
		    (who = subject_before(q, k - 1, 0)).how != SP_NONE)
			return who;
	return q->ntoks > 0 ? main_subject(q, 0, c, true) :
	    (struct speaker){ SP_NONE, -1, 0, 0 };
}

/* Whether the cue at token c, after the quotation at qt, is inverted after a comma
 * ("…" that Sanders can catch Clinton, said Steve Elmendorf), its speaker after it;
 * not when the comma closes an apposition to a name ("…," Graham, a former
 * candidate, told CBS). */
static bool
inverted_after_comma(const struct hs_quoter *q, size_t qt, size_t c)
{
	size_t	 i = c + cue_len((struct hs_quoter *)q, c), k;

	if (c <= qt + 1 || q->toks[c - 1].kind != T_COMMA || i >= q->ntoks ||
	    q->toks[i].kind != T_WORD || (q->toks[i].ment < 0 && !q->toks[i].cap))
		return false;
	for (k = c - 1; k > qt + 1 && c - k < 16; k--)
		if (q->toks[k - 1].kind == T_COMMA)
			return !(k >= 2 && q->toks[k - 2].kind == T_WORD &&
			    (q->toks[k - 2].ment >= 0 || q->toks[k - 2].cap));
	return true;
}

/* "…" in comparison to Obama, Gingrich said.": the token after the comma that sets
 * off the subject of a cue at c, which ends the sentence, or 0. */
static size_t
subject_after_comma(const struct hs_quoter *q, size_t qt, size_t c)
{
	size_t	 k, after = c + cue_len((struct hs_quoter *)q, c);

	if (after < q->ntoks && q->toks[after].kind != T_PUNCT)
		return 0;
	for (k = c; k > qt + 1 && c - k < 8 && (q->toks[k - 1].kind == T_WORD ||
	    (q->toks[k - 1].kind == T_PUNCT && q->flat.data[q->toks[k - 1].start] == '.'));
	    k--)
		;
	return k > qt + 1 && k < c && q->toks[k - 1].kind == T_COMMA ? k : 0;
}

/* Whether the cue at token c after the quotation at qt attributes it: between them at
 * most a short subject, and appositions set off by commas ("“…,” Arancibia, Chile's
 * minister, said"), but no new clause ("… for instance, and Trump vowed"). */
static bool
attribution_after(struct hs_quoter *q, size_t qt, size_t c)
{
	const struct span	*sp;
	size_t			 i, k, words = 0, after = c + cue_len(q, c);

	/* "the ultimate crisis" and "stunt growth," Dean proclaimed: a list of
	 * quotations shares the attribution after its last */
	for (i = qt + 1; i + 1 < c && (q->toks[i].kind == T_COMMA || tok_is(q, i, "and") ||
	    tok_is(q, i, "or")); i++)
		if (q->toks[i + 1].kind == T_QUOTE) {
			qt = i + 1;
			i = qt;
		}
	sp = &q->spans[q->toks[qt].ment];

	/* ", said David Wasserman, an analyst": inverted after a comma, always */
	if (c > qt + 1 && q->toks[c - 1].kind == T_COMMA && after < q->ntoks &&
	    q->toks[after].kind == T_WORD && (q->toks[after].ment >= 0 ||
	    q->toks[after].cap))
		return true;
	/* "“…” and against the law, Clinton said.": a subject and a cue after a comma
	 * end the sentence */
	if ((after == q->ntoks || q->toks[after].kind == T_PUNCT) && c >= 2 &&
	    (q->toks[c - 1].ment >= 0 || q->toks[c - 1].cap || tok_in(q, c - 1, pronouns))) {
		for (k = c - 1; k > qt + 1 && c - k <= 8 && (q->toks[k - 1].kind == T_WORD ||
		    (q->toks[k - 1].kind == T_PUNCT && q->flat.data[q->toks[k - 1].start] ==
		    '.')) && !tok_in(q, k - 1, clause_words); k--)
			;
		if (q->toks[k - 1].kind == T_COMMA)
			return true;
	}
	/* "… anonymity" said Nick Merrill: inverted right after the quotation */
	if (c == qt + 1 && after < q->ntoks && q->toks[after].kind == T_WORD &&
	    (q->toks[after].ment >= 0 || q->toks[after].cap))
		return true;
	/* a quotation that runs on into the writer's words ("more radical" protest
	 * suggestions, in "his" comments) is attributed by a verb after it only when
	 * a subject stands between */
	if (sp->last == 0 && q->toks[qt + 1].kind == T_WORD && (c == qt + 1 ||
	    (q->toks[c - 1].ment < 0 && !tok_in(q, c - 1, pronouns))))
		return false;
	for (i = qt + 1; i < c; i++) {
		const struct tok *t = &q->toks[i];

		if (t->kind == T_COMMA) {
			for (k = i + 1; k < c && k - i < 24; k++)
				if (q->toks[k].kind == T_COMMA || q->toks[k].kind == T_QUOTE)
					break;
			if (k < c && q->toks[k].kind == T_COMMA) {
				i = k;		/* an apposition */
				continue;
			}
			continue;
		}
		if (t->kind == T_QUOTE || t->kind == T_DASH || t->kind == T_COLON)
			return false;
		/* "…," as Cruz said */
		if (t->kind == T_WORD && tok_is(q, i, "as") && c - i <= 4 &&
		    (q->toks[i - 1].kind == T_COMMA || i == qt + 1))
			continue;
		if (t->kind != T_WORD)
			continue;
		/* "Silver, the polling guru who founded the site, tweeted" */
		if (tok_in(q, i, relatives) && after_comma(q, qt, i))
			continue;
		if (tok_in(q, i, clause_words))
			return false;
		if ((t->ment < 0 || i == qt + 1 || q->toks[i - 1].ment != t->ment) &&
		    ++words > 10)
			return false;
	}
	return true;
}


/* Whether token i is a word in the possessive: "ABC's", "Trump’s". */
static bool
possessive(const struct hs_quoter *q, size_t i)
{
	const struct tok	*t = &q->toks[i];

	return t->kind == T_WORD && t->end - t->start > 2 &&
	    (q->flat.data[t->end - 1] == 's' || q->flat.data[t->end - 1] == 'S') &&
	    (q->flat.data[t->end - 2] == '\'' || (t->end - t->start > 4 &&
	    memcmp(q->flat.data + t->end - 4, "\xE2\x80\x99", 3) == 0));
}

/* Whether the cue at token c is a noun where it stands ("his comments", "the
 * statement", "“more radical” protest suggestions"), or no verb of speech
 * ("continued to"). */
static bool
noun_use(struct hs_quoter *q, size_t c)
{
	const struct tok	*t;

	if (c > 0 && tok_in(q, c - 1, determiners))
		return true;
	/* "continued to press": no speech */
	if (c + 1 < q->ntoks && tok_is(q, c + 1, "to") && (tok_is(q, c, "continue") ||
	    tok_is(q, c, "continues") || tok_is(q, c, "continued") ||
	    tok_is(q, c, "continuing")))
		return true;
	t = c > 0 ? &q->toks[c - 1] : NULL;
	if (t != NULL && possessive(q, c - 1))
		return true;			/* Trump's charge */
	/* a verb after a person or a pronoun ("Clinton tweets"), a noun after
	 * anything else ("a Twitter comment", "the White House statement") */
	if (tok_in(q, c, noun_cues))
		return t == NULL || !(t->kind == T_WORD && ((t->ment >= 0 &&
		    q->ments[t->ment].type == HS_ENT_PERSON) || (t->ment < 0 && t->cap) ||
		    tok_in(q, c - 1, pronouns)));
	if (c == 0)
		return false;
	return q->toks[c - 1].kind == T_QUOTE && q->spans[q->toks[c - 1].ment].last == 0;
}

/* In a passive ("was asked by Maher", "has been called “strategic ambiguity” by
 * Hendrick"), the token after the "by" that names the speaker, or 0. */
static size_t
by_after(const struct hs_quoter *q, size_t i)
{
	size_t	 n;

	for (n = 0; i < q->ntoks && n < 8; i++, n++) {
		if (tok_is(q, i, "by"))
			return i + 1 < q->ntoks ? i + 1 : 0;
		if (q->toks[i].kind == T_COMMA)
			return 0;
	}
	return 0;
}


/* Class the quotation at token qt and find its cue and speaker. */
static struct found
attribute(struct hs_quoter *q, size_t k, size_t qt)
{
	const struct span	*sp = &q->spans[k];
	struct found		 f = { HS_QUOTE_PARTIAL, { SP_NONE, -1, 0, 0 }, -1, 0, 0, false };
	struct speaker		 who = { SP_NONE, -1, 0, 0 };
	size_t			 i, j, pre = SIZE_MAX, post = SIZE_MAX;
	bool			 begins, complete, post_first;

	for (i = qt + 1; i < q->ntoks; i++)
		if (cue_len(q, i) && !noun_use(q, i)) {
			post = i;
			break;
		}
	for (i = qt; i > 0; i--)
		if (cue_len(q, i - 1) && !noun_use(q, i - 1)) {
			pre = i - 1;
			/* "quoted as saying": a longer cue that ends here */
			for (j = pre; j > 0 && pre - j < CUE_WORDS_MAX - 1; j--)
				if (cue_len(q, j - 1) > pre - (j - 1))
					pre = j - 1;
			break;
		}
	/* A quotation that begins its sentence (or follows a colon, a dash, or a cue and
	 * a comma) and ends in punctuation or its sentence is speech of its own. */
	begins = qt == 0 || q->toks[qt - 1].kind == T_COLON ||
	    q->toks[qt - 1].kind == T_DASH ||
	    (q->toks[qt - 1].kind == T_COMMA && qt >= 2 && (cue_len(q, qt - 2) ||
	    q->toks[qt - 2].kind == T_QUOTE || (pre != SIZE_MAX && qt - pre <= 5) ||
	    (q->toks[0].kind == T_QUOTE && pre != SIZE_MAX))) ||
	    (q->toks[qt - 1].kind == T_WORD && pre == qt - 1);
	complete = sp->last != 0 || qt + 1 == q->ntoks ||
	    q->toks[qt + 1].kind == T_COMMA || q->toks[qt + 1].kind == T_DASH ||
	    (q->toks[qt + 1].kind == T_PUNCT && qt + 2 == q->ntoks) ||
	    post == qt + 1 || (post != SIZE_MAX && post <= qt + 4 &&
	    q->toks[qt + 1].kind == T_WORD);
	if (begins && complete)
		f.kind = HS_QUOTE_DIRECT;

	post_first = sp->last == ',' || sp->last == '?' || sp->last == '!' ||
	    sp->last == '-' || (post != SIZE_MAX && post <= qt + 4) ||
	    (qt + 1 < q->ntoks && q->toks[qt + 1].kind == T_COMMA);
	if (post != SIZE_MAX && !attribution_after(q, qt, post))
		post = SIZE_MAX;
	if (post != SIZE_MAX && (post_first || pre == SIZE_MAX)) {
		f.cue = (long)post;
		/* "…, said Steve Elmendorf": after a comma the speaker follows */
		i = post + cue_len(q, post);
		if (participle(q, post))
			who = participle_subject(q, post);	/* …,” adding */
		else if (inverted_after_comma(q, qt, post))
			who = speaker_in(q, i, after_cue_end(q, post));
		else if ((j = subject_after_comma(q, qt, post)) != 0)
			who = speaker_in(q, j, post);	/* …” in X, Gingrich said. */
		if (who.how == SP_NONE)
			who = speaker_in(q, qt + 1, post);
		if (who.how == SP_NONE)
			who = speaker_in(q, post + cue_len(q, post),
			    after_cue_end(q, post));
	} else if (pre != SIZE_MAX) {
		f.cue = (long)pre;
		i = pre + cue_len(q, pre);
		if (speaker_follows(q, pre))
			who = speaker_in(q, i, after_cue_end(q, pre));
		else if (pre > 0 && tok_in(q, pre - 1, be_words) &&
		    (j = by_after(q, i)) != 0)
			who = speaker_in(q, j, j + 6 < q->ntoks ? j + 6 : q->ntoks);
		else if (participle(q, pre) && !(pre > 0 && q->toks[pre - 1].kind == T_WORD &&
		    (q->toks[pre - 1].ment >= 0 || tok_in(q, pre - 1, pronouns))))
			who = participle_subject(q, pre);
		else {
			who = subject_before(q, pre, 0);
			/* "Yepez said Perez was right to urge": the cue before it */
			for (j = pre; who.how == SP_NONE && j > 0; j--)
				if (cue_len(q, j - 1) && !noun_use(q, j - 1) &&
				    !participle(q, j - 1) && (who = subject_before(q, j - 1,
				    0)).how != SP_NONE) {
					f.cue = (long)(j - 1);
					break;
				}
			if (who.how == SP_NONE)
				who = speaker_in(q, i, after_cue_end(q, pre));
		}
	} else if (qt + 2 < q->ntoks && q->toks[qt + 1].kind == T_DASH) {
		who = speaker_in(q, qt + 2, q->ntoks);	/* "…" — Blinken */
	} else if (qt >= 2 && q->toks[qt - 1].kind == T_COLON) {
		/* "Pollsters agree - Carl Bialik: "…"", else the clause's subject:
		 * "McConnell delivered a message to Trump: "…"" */
		if (q->toks[qt - 2].kind == T_WORD && (q->toks[qt - 2].ment >= 0 ||
		    q->toks[qt - 2].cap))
			who = speaker_in(q, qt > 5 ? qt - 5 : 0, qt - 1);
		if (who.how == SP_NONE)
			who = clause_subject(q, 0, qt - 1);
		if (who.how == SP_NONE)
			who = speaker_in(q, 0, qt - 1);
		f.kind = HS_QUOTE_DIRECT;
	}
	if (f.cue >= 0) {
		const struct tok *c = &q->toks[f.cue];

		f.cue_start = c->start;
		f.cue_end = q->toks[f.cue + cue_len(q, f.cue) - 1].end;
	}
	f.who = who;
	/* Scare quotes, titles and nicknames: a word or two, or a title, with no
	 * reporting verb in the sentence. */
	if (f.kind == HS_QUOTE_PARTIAL && f.cue < 0 && (sp->words <= 2 || sp->title_case))
		f.kind = HS_QUOTE_MENTION;
	/* the title of a show, book or slogan, cue or not: ABC's "This Week", on
	 * "Meet the Press", the "Make America Great Again" hats */
	if (f.kind == HS_QUOTE_PARTIAL && sp->title_case && qt > 0 &&
	    (tok_in(q, qt - 1, title_words) || possessive(q, qt - 1)))
		f.kind = HS_QUOTE_MENTION;
	return f;
}

/* The sentence that ends a paragraph with a colon just before span k's paragraph
 * ("Cruz continued:" and then the quotation), tokenized with a token for span k at
 * its end; false when there is none. */
static bool
colon_before_paragraph(struct hs_quoter *q, size_t k)
{
	const struct span	*sp = &q->spans[k];
	size_t			 p = para_of(q, sp->open), e, start, i;

	if (p == 0 || q->paras[p] != sp->open)
		return false;
	for (e = q->breaks[p]; e > q->paras[p - 1] &&
	    is_space_cp((unsigned char)q->flat.data[e - 1]); e--)
		;
	if (e == q->paras[p - 1] || q->flat.data[e - 1] != ':')
		return false;
	start = e > q->paras[p - 1] + REGION_MAX ? e - REGION_MAX : q->paras[p - 1];
	for (i = e - 1; i > start; i--)
		if (sentence_end_at(q, i - 1)) {
			start = i;
			break;
		}
	for (i = k; i > 0 && q->spans[i - 1].open >= start; i--)
		;
	tokenize_sentence(q, start, e, i);
	add_tok(q, sp->open, sp->close_end, T_QUOTE, (long)k);
	return true;
}

/* "Bystrom agreed." or "Howard went on.", and then span k, with no cue of its own:
 * the sentence before it, when it holds a cue and no quotation, tokenized with a token
 * for span k at its end; false when there is none. */
static bool
cue_sentence_before(struct hs_quoter *q, size_t k, size_t start)
{
	const struct span	*sp = &q->spans[k];
	size_t			 e = start, from, i, j;

	while (e > 0 && is_space_cp((unsigned char)q->flat.data[e - 1]))
		e--;
	if (e == 0 || para_of(q, e - 1) + 1 < para_of(q, sp->open))
		return false;
	for (j = k; j > 0 && q->spans[j - 1].open >= e; j--)
		;
	if (j > 0 && q->spans[j - 1].close_end + REGION_MAX > e &&
	    q->spans[j - 1].close_end >= q->paras[para_of(q, e - 1)])
		return false;			/* it quotes: its speaker goes on */
	from = sentence_start_from(q, e - 1, j);
	tokenize_sentence(q, from, e, j);
	for (i = 0; i < q->ntoks; i++)
		if (q->toks[i].kind == T_QUOTE)
			return false;
	add_tok(q, sp->open, sp->close_end, T_QUOTE, (long)k);
	return true;
}

/* A speaker named in the paragraph after span k, when that paragraph begins with a
 * dash: the quotation, and then "- Clinton." on a line of its own. */
static struct speaker
dash_after_paragraph(struct hs_quoter *q, size_t k)
{
	const struct span	*sp = &q->spans[k];
	size_t			 p = para_of(q, sp->open) + 1, e, l;
	uint32_t		 c;

	if (p >= q->nparas || q->breaks[p] < sp->close_end ||
	    q->breaks[p] - sp->close_end > 2)
		return (struct speaker){ SP_NONE, -1, 0, 0 };
	c = cp_at(q, q->paras[p], &l);
	if (!is_dash_cp(c))
		return (struct speaker){ SP_NONE, -1, 0, 0 };
	e = p + 1 < q->nparas ? q->breaks[p + 1] : q->flat.len;
	if (e > q->paras[p] + 120)
		e = q->paras[p] + 120;
	tokenize_sentence(q, q->paras[p], e, q->nspans);
	return speaker_in(q, 0, q->ntoks);
}

/* Find span k's sentence, class the quotation and find its cue and speaker. */
static struct found
find_attribution(struct hs_quoter *q, size_t k)
{
	const struct span	*sp = &q->spans[k];
	struct found		 f;
	size_t			 start, end, i, qt;

	start = sentence_start(q, k);
	end = sentence_end(q, k);
	for (i = k; i > 0 && q->spans[i - 1].open >= start; i--)
		;
	tokenize_sentence(q, start, end, i);
	for (qt = 0; qt < q->ntoks; qt++)
		if (q->toks[qt].kind == T_QUOTE && (size_t)q->toks[qt].ment == k)
			break;
	if (qt == q->ntoks) {
		add_tok(q, sp->open, sp->close_end, T_QUOTE, (long)k);
		qt = q->ntoks - 1;
	}
	f = attribute(q, k, qt);
	f.starts = qt == 0;
	if (f.cue >= 0 || f.who.how != SP_NONE || qt != 0)
		return f;
	if (colon_before_paragraph(q, k)) {
		struct found g = attribute(q, k, q->ntoks - 1);

		if (g.who.how != SP_NONE) {
			g.kind = HS_QUOTE_DIRECT;
			return g;
		}
	}
	if ((f.kind == HS_QUOTE_DIRECT || f.starts) && cue_sentence_before(q, k, start)) {
		struct found g = attribute(q, k, q->ntoks - 1);

		if (g.cue >= 0 && g.who.how != SP_NONE) {
			g.kind = HS_QUOTE_DIRECT;
			return g;
		}
	}
	if (f.kind == HS_QUOTE_DIRECT && sp->closed)
		f.who = dash_after_paragraph(q, k);
	return f;
}

/* Append the quoted words of span sp to q->strings: soft line wraps as spaces, a
 * paragraph break as '\n' with the next paragraph's opening mark left out. */
static void
quote_text(struct hs_quoter *q, const struct span *sp)
{
	const char	*s = q->flat.data;
	size_t		 i = sp->from, pi = para_of(q, sp->from) + 1, l;
	size_t		 start = q->strings.len;

	while (i < sp->to) {
		if (pi < q->nparas && i == q->breaks[pi]) {
			/* a paragraph break: skip it and the mark that reopens */
			i = q->paras[pi++];
			while (q->strings.len > 0 && q->strings.data[q->strings.len - 1] == ' ')
				q->strings.len--;
			/* one break however many empty paragraphs there are */
			if (q->strings.len > 0 && q->strings.data[q->strings.len - 1] != '\n')
				hs_buf_putc(&q->strings, '\n');
			if (i + 1 < sp->to && s[i] == '\'' && s[i + 1] == '\'')
				i += 2;
			else if (i < sp->to && is_mark_cp(cp_at(q, i, &l)))
				i += l;
			while (i < sp->to && !(pi < q->nparas && i == q->breaks[pi]) &&
			    (l = hs_space_len((const unsigned char *)s + i, sp->to - i)) > 0)
				i += l;
			continue;
		}
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			hs_buf_putc(&q->strings, ' ');
			while (i + 1 < sp->to && (s[i + 1] == '\n' || s[i + 1] == '\r' ||
			    s[i + 1] == ' ') && !(pi < q->nparas && i + 1 == q->breaks[pi]))
				i++;
			i++;
			continue;
		}
		/* a run of ordinary bytes at once */
		l = i + 1;
		while (l < sp->to && s[l] != '\n' && s[l] != '\r' && s[l] != '\t')
			l++;
		hs_buf_append(&q->strings, s + i, l - i);
		i = l;
	}
	while (q->strings.len > start && (q->strings.data[q->strings.len - 1] == '\n' ||
	    q->strings.data[q->strings.len - 1] == ' '))
		q->strings.len--;
}


struct hs_quoter *
hs_quoter_new(const struct hs_lexicon *lex)
{
	struct hs_quoter	*q;

	if ((q = calloc(1, sizeof(*q))) == NULL)
		return NULL;
	q->lex = lex;
	if ((q->tg = hs_tagger_new(lex)) == NULL) {
		free(q);
		return NULL;
	}
	if ((q->seg = hs_segmenter_new(lex)) == NULL) {
		hs_tagger_free(q->tg);
		free(q);
		return NULL;
	}
	hs_buf_init(&q->flat);
	hs_buf_init(&q->tagtext);
	hs_buf_init(&q->strings);
	hs_buf_init(&q->key);
	init_word_table(q);
	return q;
}

void
hs_quoter_free(struct hs_quoter *q)
{
	if (q == NULL)
		return;
	hs_tagger_free(q->tg);
	hs_segmenter_free(q->seg);
	free(q->segspans);
	free(q->line_starts);
	hs_buf_free(&q->flat);
	hs_buf_free(&q->tagtext);
	free(q->tpieces);
	hs_buf_free(&q->strings);
	hs_buf_free(&q->key);
	free(q->pflat);
	free(q->marks);
	free(q->spans);
	free(q->paras);
	free(q->breaks);
	free(q->ments);
	free(q->toks);
	free(q->out);
	free(q->offs);
	free(q);
}

const char *
hs_quote_kind_name(enum hs_quote_kind kind)
{
	switch (kind) {
	case HS_QUOTE_DIRECT:
		return "direct";
	case HS_QUOTE_PARTIAL:
		return "partial";
	default:
		return "mention";
	}
}

/* Whether two spans are in the same or neighbouring paragraphs, a before b. */
static bool
follows_closely(const struct hs_quoter *q, const struct span *a, const struct span *b)
{
	return para_of(q, b->open) <= para_of(q, a->to) + 1;
}

size_t
hs_quote_article(struct hs_quoter *q, const struct hs_article *a,
    const struct hs_quote **out)
{
	struct hs_quote		*o;
	struct quote_strings	*os;
	long			 last_span = -1;
	size_t			 k;

	q->art = a;
	q->toks_valid = false;
	q->nout = 0;
	q->strings.len = 0;
	*out = NULL;
	if (a->npieces == 0)
		return 0;
	flatten(q, a);
	find_marks(q);
	find_line_starts(q, a);
	pair_marks(q);
	if (q->nspans == 0)
		return 0;
	find_names(q, a);
	if (q->nspans > q->capoffs) {
		q->capoffs = q->nspans;
		q->offs = reallocarray(q->offs, q->capoffs, sizeof(*q->offs));
		if (q->offs == NULL)
			err(HS_EXIT_DATA, NULL);
	}
	for (k = 0; k < q->nspans; k++) {
		const struct span *sp = &q->spans[k];
		struct found f = find_attribution(q, k);

		os = &q->offs[k];
		write_speaker(q, &f.who, k);
		if (os->speaker == SIZE_MAX && f.cue < 0 && f.kind != HS_QUOTE_MENTION &&
		    (f.kind == HS_QUOTE_DIRECT || f.starts || (last_span >= 0 &&
		    para_of(q, q->spans[last_span].open) == para_of(q, sp->open))) &&
		    last_span >= 0 && follows_closely(q, &q->spans[last_span], sp)) {
			/* the speaker goes on */
			os->speaker = q->offs[last_span].speaker;
			os->speaker_len = q->offs[last_span].speaker_len;
		}
		if (f.kind != HS_QUOTE_MENTION)
			last_span = (long)k;
		GROW(q->out, q->nout, q->capout);
		o = &q->out[q->nout++];
		o->kind = f.kind;
		o->piece = piece_of(q, sp->from);
		o->start = sp->from - q->pflat[o->piece];
		o->end_piece = piece_of(q, sp->to - 1);
		o->end = sp->to - q->pflat[o->end_piece];
		os->cue = q->strings.len;
		if (f.cue >= 0)
			append_words(q, f.cue_start, f.cue_end);
		o->cue_len = q->strings.len - os->cue;
		os->text = q->strings.len;
		quote_text(q, sp);
		o->len = q->strings.len - os->text;
	}
	for (k = 0; k < q->nout; k++) {
		o = &q->out[k];
		os = &q->offs[k];
		o->text = q->strings.data + os->text;
		o->cue = o->cue_len > 0 ? q->strings.data + os->cue : NULL;
		o->speaker = os->speaker != SIZE_MAX ? q->strings.data + os->speaker : NULL;
		o->speaker_len = os->speaker_len;
	}
	*out = q->out;
	return q->nout;
}
