/* hs_numex.c: dates, sums of money, percentages and measured quantities in English news
 * text, found in one forward pass and written in the normal forms of hs_numex.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hs_numex.h"

/*
 * The scan stops only where an expression may start: at a digit, a currency sign, or a
 * word whose first letter may begin a number word, a month, a weekday, or one of today,
 * tomorrow, yesterday, tonight, this, last, next (the class table).  Any other word is
 * skipped whole, and so are the words of those letters that no table has (next_start
 * finds the places that are left, 48 bytes at a time).  From a start, a reader looks a
 * bounded distance ahead and returns one expression or none; the scan goes on after the
 * expression, or after the word or number that started nothing.  The leftmost
 * expression wins, so spans come in order and apart.
 *
 * The units of QUANTITY, by the symbol each is written as:
 *	length		mi, km, m, cm, mm, ft, in, yd, nmi (nautical miles), ly (light-years)
 *	area		mi2, km2, m2, ft2, acre, ha
 *	mass		kg, g, mg, lb, oz, t (tons and tonnes alike: news seldom tells them apart)
 *	volume		gal, L, bbl (barrels), m3, ft3
 *	temperature	deg, degC, degF
 *	speed		mph, km/h, kn
 *	power, energy	W, kW, MW, GW, kWh, MWh, GWh
 *	data		MB, GB, TB
 * Metres and grams count only spelt out: a bare "100m" or "5g" is as often a sum of
 * money, a race or a phone network.
 */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define MANT_MAX	UINT64_C(100000000000000000)	/* 10^17: keeps mant * 10 in range */
#define NUM_CHARS	40	/* the longest number written out; longer is not tagged */
#define GAP_MAX		16	/* white space between two words of one expression */
#define YEAR_MIN	1000	/* years written in a date, a decade or a month and year */
#define YEAR_MAX	2099
#define BARE_YEAR_MIN	1900	/* a year standing alone, after any of the year words */
#define OLD_YEAR_MIN	1500	/* ... and down to here after a preposition only */

/* What a byte may start. */
enum {
	C_NONE,		/* white space, punctuation, bytes of UTF-8 sequences */
	C_WORD,		/* a letter that starts no expression: its word is skipped */
	C_TRIG,		/* a letter that may start one */
	C_DIGIT,
	C_SIGN		/* '$', and the lead bytes of £ ¥ (C2) and € ₹ ₽ ₩ (E2) */
};

#define _	C_NONE
#define W	C_WORD
#define T	C_TRIG
#define D	C_DIGIT
#define G	C_SIGN
/* The trigger letters are the first letters of the words in the word tables below, and
 * the U, C, A, N, H, S of the currency prefixes US$, C$, A$, NZ$, HK$, S$. */
static const unsigned char byte_class[256] = {
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,		/* 0x00 */
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,		/* 0x10 */
	_, _, _, _, G, _, _, _, _, _, _, _, _, _, _, _,		/*  !"#$%&'()*+,-./ */
	D, D, D, D, D, D, D, D, D, D, _, _, _, _, _, _,		/* 0-9 :;<=>? */
	_, T, W, T, T, T, T, W, T, W, T, W, T, T, T, T,		/* @A-O */
	W, W, W, T, T, T, W, T, W, T, W, _, _, _, _, _,		/* P-Z [\]^_ */
	_, T, W, W, W, T, T, W, T, W, W, W, T, W, T, T,		/* `a-o */
	W, W, W, T, T, W, W, W, W, T, W, _, _, _, _, _,		/* p-z {|}~ DEL */
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,		/* 0x80 */
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
	_, _, G, _, _, _, _, _, _, _, _, _, _, _, _, _,		/* 0xC0 */
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
	_, _, G, _, _, _, _, _, _, _, _, _, _, _, _, _,		/* 0xE0 */
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
};
#undef _
#undef W
#undef T
#undef D
#undef G

/* The text, and the anchor when it is a real day. */
struct scan {
	const unsigned char	*s;
	size_t			 len;
	bool			 anchored;
	int			 ay, am;	/* the anchor's year and month */
	int64_t			 aday;		/* its day, as a day number (day_number) */
};

static inline unsigned
at(const struct scan *sc, size_t i)
{
	return i < sc->len ? sc->s[i] : 0;
}

static inline bool
is_digit(unsigned c)
{
	return c - '0' < 10;
}

static inline bool
is_alpha(unsigned c)
{
	return (c | 0x20) - 'a' < 26;
}

static inline bool
is_alnum(unsigned c)
{
	return is_digit(c) || is_alpha(c);
}

static inline bool
is_upper(unsigned c)
{
	return c - 'A' < 26;
}

static size_t
alpha_end(const struct scan *sc, size_t i)
{
	while (i < sc->len && (byte_class[sc->s[i]] == C_WORD ||
	    byte_class[sc->s[i]] == C_TRIG))
		i++;
	return i;
}

static size_t
alnum_end(const struct scan *sc, size_t i)
{
	while (i < sc->len && (unsigned)(byte_class[sc->s[i]] - C_WORD) <= C_DIGIT - C_WORD)
		i++;
	return i;
}

/* Whether a number goes on at i ("1.2.3", "10:30", "1,2", "3/4", "2019-20"): then what
 * came before it is a piece of something else, not a number of its own. */
static bool
number_goes_on(const struct scan *sc, size_t i)
{
	unsigned c = at(sc, i);

	return (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') &&
	    is_digit(at(sc, i + 1));
}

/* The end of the white space at i that may part two words of one expression: blanks, tabs,
 * no-break spaces and at most one line break (a blank line ends a paragraph); i itself if
 * there is none. */
static size_t
gap_end(const struct scan *sc, size_t i)
{
	size_t	 j = i;
	bool	 newline = false;
	unsigned c;

	while (j - i < GAP_MAX) {
		c = at(sc, j);
		if (c == ' ' || c == '\t' || c == '\r')
			j++;
		else if (c == '\n' && !newline) {
			newline = true;
			j++;
		} else if (c == 0xC2 && at(sc, j + 1) == 0xA0)
			j += 2;
		else
			break;
	}
	return j;
}

/*
 * Whether the text at i spells key, as a whole word: the key's bytes as written, its first
 * letter in either case when fold is set; a space in the key stands for white space
 * (gap_end).  Returns the end, or 0 when the key is not there.
 */
static size_t
key_at(const struct scan *sc, size_t i, const char *key, bool fold)
{
	const unsigned char	*k = (const unsigned char *)key;
	size_t			 j = i, g;
	unsigned		 c = at(sc, j);

	if (c != k[0] && !(fold && is_alpha(c) && (c ^ 0x20) == k[0]))
		return 0;
	for (j++, k++; *k != '\0'; k++) {
		if (*k == ' ') {
			if ((g = gap_end(sc, j)) == j)
				return 0;
			j = g;
		} else if (at(sc, j++) != *k)
			return 0;
	}
	/* A key that ends in a letter or digit must end a word there too. */
	if (is_alnum(k[-1]) && is_alnum(at(sc, j)))
		return 0;
	return j;
}

/* Whether text[ws..we) is one of the lowercase words of list, in any case. */
static bool
word_in(const struct scan *sc, size_t ws, size_t we, const char *const *list)
{
	size_t	n = we - ws, k;

	for (; *list != NULL; list++) {
		for (k = 0; k < n && (*list)[k] != '\0'; k++)
			if ((sc->s[ws + k] | 0x20) != (unsigned char)(*list)[k])
				break;
		if (k == n && (*list)[k] == '\0')
			return true;
	}
	return false;
}

/*
 * The word before i, across white space or one hyphen ("mid-2019"), as [*ws, *we).  A
 * possessive "'s" or "’s" is returned as the word "s".  False when there is none, or when
 * a digit or a long word is in the way.  Reads only text[0..i).
 */
static bool
word_before(const struct scan *sc, size_t i, size_t *ws, size_t *we)
{
	const unsigned char	*s = sc->s;
	size_t			 j = i;
	unsigned		 c;

	while (j > 0 && i - j < GAP_MAX) {
		c = s[j - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			j--;
		else if (c == 0xA0 && j >= 2 && s[j - 2] == 0xC2)
			j -= 2;
		else
			break;
	}
	if (j == i && j > 0 && s[j - 1] == '-')
		j--;
	*we = j;
	while (j > 0 && is_alpha(s[j - 1]) && *we - j < 12)
		j--;
	*ws = j;
	return *ws < *we && (j == 0 || !is_alnum(s[j - 1]));
}

/* Whether the word before i is a possessive's "s": "Trump's 2016 campaign". */
static bool
after_possessive(const struct scan *sc, size_t ws, size_t we)
{
	const unsigned char *s = sc->s;

	if (we - ws != 1 || (s[ws] != 's' && s[ws] != 'S') || ws == 0)
		return false;
	return s[ws - 1] == '\'' || (ws >= 3 && s[ws - 3] == 0xE2 && s[ws - 2] == 0x80 &&
	    s[ws - 1] == 0x99);
}

/*
 * Whether i starts a sentence, a line or a quotation: only white space, opening quotes or
 * brackets between it and the start of the text, a line break, or . ! ? : ;.  Capitalised
 * "Today" or "This" elsewhere is a name ("USA Today", "This Week").
 */
static bool
starts_sentence(const struct scan *sc, size_t i)
{
	const unsigned char	*s = sc->s;
	size_t			 j = i;
	unsigned		 c;

	while (j > 0 && i - j < GAP_MAX) {
		c = s[j - 1];
		if (c == '\n')
			return true;
		if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '(' ||
		    c == '[')
			j--;
		else if (j >= 2 && s[j - 2] == 0xC2 && c == 0xA0)
			j -= 2;
		else if (j >= 3 && s[j - 3] == 0xE2 && s[j - 2] == 0x80 &&
		    (c == 0x9C || c == 0x98))
			j -= 3;		/* “ ‘ */
		else
			break;
	}
	if (j == 0)
		return true;
	c = s[j - 1];
	return j < i && (c == '.' || c == '!' || c == '?' || c == ':' || c == ';');
}

/* ------------------------------------------------------------------------------------ */
/* The calendar */

static bool
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

/* Days since the proleptic Gregorian 0000-12-31, so that 0001-01-01, a Monday, is day 1. */
static int64_t
day_number(int y, int m, int d)
{
	static const short before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	int64_t	p = y - 1;

	return 365 * p + p / 4 - p / 100 + p / 400 + before[m - 1] + d +
	    (m > 2 && leap_year(y));
}

static void
civil_date(int64_t n, int *y, int *m, int *d)
{
	int yy, mm;

	yy = (int)(n * 400 / 146097) + 1;
	while (yy > 1 && day_number(yy, 1, 1) > n)
		yy--;
	while (day_number(yy + 1, 1, 1) <= n)
		yy++;
	for (mm = 1; mm < 12 && day_number(yy, mm + 1, 1) <= n; mm++)
		continue;
	*y = yy;
	*m = mm;
	*d = (int)(n - day_number(yy, mm, 1)) + 1;
}

/* 1 for Monday to 7 for Sunday, as ISO 8601 numbers them. */
static int
weekday(int64_t n)
{
	return (int)((n - 1) % 7) + 1;
}

/* The ISO 8601 week of day n: the week's year is that of its Thursday. */
static void
iso_week(int64_t n, int *wy, int *w)
{
	int64_t	thu = n + 4 - weekday(n);
	int	m, d;

	civil_date(thu, wy, &m, &d);
	*w = (int)((thu - day_number(*wy, 1, 1)) / 7) + 1;
}

/* The year a month and day without one most likely fall in: the occurrence nearest the
 * anchor (in late December, "Jan. 4" is next year's); on a tie, the earlier one. */
static int
nearest_year_of_day(const struct scan *sc, int m, int d)
{
	int64_t	dist, best = INT64_MAX;
	int	y, year = sc->ay;

	for (y = sc->ay - 1; y <= sc->ay + 1; y++) {
		if (d > month_days(y, m))
			continue;
		dist = day_number(y, m, d) - sc->aday;
		if (dist < 0)
			dist = -dist;
		if (dist < best) {
			best = dist;
			year = y;
		}
	}
	return year;
}

/* The same for a month alone: "in December", "in March". */
static int
nearest_year_of_month(const struct scan *sc, int m)
{
	int d = sc->am - m;

	/* within six months either way, the past winning the tie */
	if (d > 6)
		return sc->ay + 1;
	if (d <= -6)
		return sc->ay - 1;
	return sc->ay;
}

/* ------------------------------------------------------------------------------------ */
/* Words that start expressions, or build numbers */

enum word_kind {
	K_UNIT = 1,	/* one to nine */
	K_TEEN,		/* ten to nineteen */
	K_TENS,		/* twenty to ninety */
	K_HUNDRED,
	K_SCALE,	/* thousand, million, billion, trillion: val is the power of ten */
	K_DOZEN,
	K_AND,
	K_A,		/* "a dozen", "a million", "a year ago" */
	K_HALF,		/* "half a million" */
	K_MONTH,
	K_MONTH_ABBR,
	K_WEEKDAY,	/* val 1 for Monday to 7 for Sunday */
	K_DAYREL,	/* today, tomorrow, yesterday, tonight: val the days from the anchor */
	K_MOD		/* this, last, next: val 0, -1, +1 */
};

struct word {
	const char	*w;
	unsigned char	 len;
	unsigned char	 kind;
	signed char	 val;
	bool		 fold;	/* the first letter in either case; else exactly as written */
};

#define WD(s, k, v, f)	{ s, sizeof(s) - 1, k, v, f }

static const struct word words_a[] = {
	WD("a", K_A, 1, true), WD("an", K_A, 1, true), WD("and", K_AND, 0, false),
	WD("April", K_MONTH, 4, false), WD("Apr", K_MONTH_ABBR, 4, false),
	WD("August", K_MONTH, 8, false), WD("Aug", K_MONTH_ABBR, 8, false),
};
static const struct word words_b[] = {
	WD("billion", K_SCALE, 9, true),
};
static const struct word words_d[] = {
	WD("dozen", K_DOZEN, 12, true), WD("December", K_MONTH, 12, false),
	WD("Dec", K_MONTH_ABBR, 12, false),
};
static const struct word words_e[] = {
	WD("eight", K_UNIT, 8, true), WD("eleven", K_TEEN, 11, true),
	WD("eighteen", K_TEEN, 18, true), WD("eighty", K_TENS, 80, true),
};
static const struct word words_f[] = {
	WD("four", K_UNIT, 4, true), WD("five", K_UNIT, 5, true),
	WD("fourteen", K_TEEN, 14, true), WD("fifteen", K_TEEN, 15, true),
	WD("forty", K_TENS, 40, true), WD("fifty", K_TENS, 50, true),
	WD("February", K_MONTH, 2, false), WD("Feb", K_MONTH_ABBR, 2, false),
	WD("Friday", K_WEEKDAY, 5, false),
};
static const struct word words_h[] = {
	WD("half", K_HALF, 0, true), WD("hundred", K_HUNDRED, 2, true),
};
static const struct word words_j[] = {
	WD("January", K_MONTH, 1, false), WD("Jan", K_MONTH_ABBR, 1, false),
	WD("June", K_MONTH, 6, false), WD("Jun", K_MONTH_ABBR, 6, false),
	WD("July", K_MONTH, 7, false), WD("Jul", K_MONTH_ABBR, 7, false),
};
static const struct word words_l[] = {
	WD("last", K_MOD, -1, true),
};
static const struct word words_m[] = {
	WD("million", K_SCALE, 6, true), WD("March", K_MONTH, 3, false),
	WD("Mar", K_MONTH_ABBR, 3, false), WD("May", K_MONTH, 5, false),
	WD("Monday", K_WEEKDAY, 1, false),
};
static const struct word words_n[] = {
	WD("nine", K_UNIT, 9, true), WD("nineteen", K_TEEN, 19, true),
	WD("ninety", K_TENS, 90, true), WD("next", K_MOD, 1, true),
	WD("November", K_MONTH, 11, false), WD("Nov", K_MONTH_ABBR, 11, false),
};
static const struct word words_o[] = {
	WD("one", K_UNIT, 1, true), WD("October", K_MONTH, 10, false),
	WD("Oct", K_MONTH_ABBR, 10, false),
};
static const struct word words_s[] = {
	WD("six", K_UNIT, 6, true), WD("seven", K_UNIT, 7, true),
	WD("sixteen", K_TEEN, 16, true), WD("seventeen", K_TEEN, 17, true),
	WD("sixty", K_TENS, 60, true), WD("seventy", K_TENS, 70, true),
	WD("September", K_MONTH, 9, false), WD("Sep", K_MONTH_ABBR, 9, false),
	WD("Sept", K_MONTH_ABBR, 9, false), WD("Saturday", K_WEEKDAY, 6, false),
	WD("Sunday", K_WEEKDAY, 7, false),
};
static const struct word words_t[] = {
	WD("two", K_UNIT, 2, true), WD("three", K_UNIT, 3, true),
	WD("ten", K_TEEN, 10, true), WD("twelve", K_TEEN, 12, true),
	WD("thirteen", K_TEEN, 13, true), WD("twenty", K_TENS, 20, true),
	WD("thirty", K_TENS, 30, true), WD("thousand", K_SCALE, 3, true),
	WD("trillion", K_SCALE, 12, true), WD("this", K_MOD, 0, true),
	WD("today", K_DAYREL, 0, true), WD("tomorrow", K_DAYREL, 1, true),
	WD("tonight", K_DAYREL, 0, true), WD("Tuesday", K_WEEKDAY, 2, false),
	WD("Thursday", K_WEEKDAY, 4, false),
};
static const struct word words_w[] = {
	WD("Wednesday", K_WEEKDAY, 3, false),
};
static const struct word words_y[] = {
	WD("yesterday", K_DAYREL, -1, true),
};

static const struct {
	const struct word	*w;
	size_t			 n;
} word_bucket[26] = {
#define B(c, ch)	[ch - 'a'] = { words_##c, NELEM(words_##c) }
	B(a, 'a'), B(b, 'b'), B(d, 'd'), B(e, 'e'), B(f, 'f'), B(h, 'h'), B(j, 'j'),
	B(l, 'l'), B(m, 'm'), B(n, 'n'), B(o, 'o'), B(s, 's'), B(t, 't'), B(w, 'w'),
	B(y, 'y'),
#undef B
};

#define WORD_LEN_MAX	9	/* "September", "Wednesday", "seventeen", "yesterday" */

/*
 * A filter that turns most words of the text away before any comparison ("the" and
 * "that" start like "three" and "this"): for each first letter and length, the second
 * letters that words of the tables have (bit 26 for a word of one letter).  It is made
 * from the tables on the first scan.  Two threads may make it at once: each only ORs
 * the same bits in, and the flag is set after.
 */
static atomic_uint	word_filter[26][WORD_LEN_MAX + 1];
static atomic_bool	word_filter_made;

/*
 * A second, narrower filter for the scan's fast path (next_start): the words that may
 * start an expression, by their first byte as written (c & 0x3F, so that upper and lower
 * case have rows of their own) and their length (WORD_LEN_MAX + 1 for any longer, a
 * column that stays empty).  [0] holds the second letters the words have, [1] their
 * third, each letter as a bit at its low five bits (either case); for a word too short
 * to have the letter, all 32 bits, as the byte there may be anything.  "and",
 * "hundred", "million", "dozen" are in word_filter but not here: they build numbers but
 * start none.  Only the first bytes of class C_TRIG have bits, so that the fast path
 * stops at no word that the scan would have skipped; it may stop at some it then skips
 * ("thus", "Marco").
 *
 * article_cols: the lengths, by first byte, at which every word of the filter is "a" or
 * "an".  These start something only before a scale word ("a million") or a word and
 * "ago" ("a year ago").  scale_seconds: the second letters of the scale words, by their
 * first letter and length, all letters as their low five bits.
 */
#define SF_COLS		16
static atomic_uint	start_filter[64][SF_COLS][2];
static atomic_uint	article_cols[64];
static atomic_uint	scale_seconds[32][SF_COLS];

static void
make_word_filter(void)
{
	const unsigned		 all = 0xFFFFFFFF;
	unsigned		 sf[64][SF_COLS][2], articles[64], others[64];
	const struct word	*w;
	size_t			 b, k, r, f;
	unsigned		 bit, c;

	memset(sf, 0, sizeof(sf));
	memset(articles, 0, sizeof(articles));
	memset(others, 0, sizeof(others));
	for (b = 0; b < NELEM(word_bucket); b++)
		for (k = 0, w = word_bucket[b].w; k < word_bucket[b].n; k++, w++) {
			bit = w->len > 1 ? (unsigned)((w->w[1] | 0x20) - 'a') : 26;
			atomic_fetch_or_explicit(&word_filter[b][w->len], 1u << bit,
			    memory_order_relaxed);
			switch (w->kind) {
			case K_HUNDRED:
			case K_SCALE:
			case K_DOZEN:
				atomic_fetch_or_explicit(&scale_seconds[w->w[0] & 31][w->len],
				    1u << (w->w[1] & 31), memory_order_relaxed);
				continue;
			case K_AND:
				continue;	/* word_expr does nothing with these */
			default:
				break;
			}
			for (f = 0; f < (w->fold ? 2 : 1); f++) {
				c = (unsigned char)w->w[0] ^ (f ? 0x20 : 0);
				if (byte_class[c] != C_TRIG)
					continue;
				r = c & 0x3F;
				sf[r][w->len][0] |= w->len > 1 ? 1u << (w->w[1] & 31) : all;
				sf[r][w->len][1] |= w->len > 2 ? 1u << (w->w[2] & 31) : all;
				if (w->kind == K_A)
					articles[r] |= 1u << w->len;
				else
					others[r] |= 1u << w->len;
			}
		}
	for (r = 0; r < 64; r++) {
		for (k = 0; k < SF_COLS; k++)
			for (f = 0; f < 2; f++)
				atomic_fetch_or_explicit(&start_filter[r][k][f], sf[r][k][f],
				    memory_order_relaxed);
		atomic_fetch_or_explicit(&article_cols[r], articles[r] & ~others[r],
		    memory_order_relaxed);
	}
	atomic_store_explicit(&word_filter_made, true, memory_order_release);
}

/* Whether t[0..n), letters, may be a word of the tables. */
static inline bool
word_may_be_known(const unsigned char *t, size_t n)
{
	unsigned bit;

	if (n > WORD_LEN_MAX)
		return false;
	bit = n > 1 ? (unsigned)((t[1] | 0x20) - 'a') : 26;
	return atomic_load_explicit(&word_filter[(t[0] | 0x20) - 'a'][n],
	    memory_order_relaxed) >> bit & 1;
}

/* The table's entry for text[i..e), a run of letters; NULL if it has none. */
static const struct word *
word_lookup(const struct scan *sc, size_t i, size_t e)
{
	const unsigned char	*t = sc->s + i;
	const struct word	*w;
	size_t			 n = e - i, k, nb, j, b = (t[0] | 0x20) - 'a';

	if (!word_may_be_known(t, n))
		return NULL;
	w = word_bucket[b].w;
	nb = word_bucket[b].n;
	for (k = 0; k < nb; k++, w++) {
		if (w->len != n || (n > 1 && (unsigned char)w->w[1] != t[1]))
			continue;
		if (t[0] != (unsigned char)w->w[0] &&
		    !(w->fold && (t[0] ^ 0x20) == (unsigned char)w->w[0]))
			continue;
		for (j = 2; j < n && (unsigned char)w->w[j] == t[j]; j++)
			continue;
		if (j >= n)
			return w;
	}
	return NULL;
}

/* The table's word at i, ending a word at *endp; NULL if none. */
static const struct word *
word_at(const struct scan *sc, size_t i, size_t *endp)
{
	size_t e;

	if (!is_alpha(at(sc, i)))
		return NULL;
	e = alpha_end(sc, i);
	if (is_digit(at(sc, e)))
		return NULL;
	*endp = e;
	return word_lookup(sc, i, e);
}

/* ------------------------------------------------------------------------------------ */
/* Numbers */

/* A number read from the text: its value is mant * 10^exp. */
struct num {
	size_t		 start, end;
	uint64_t	 mant;
	int		 exp;
	int		 ndig;		/* digits before the point as written; 0 for words */
	bool		 plain;		/* digits only: no grouping, point, scale or half */
};

static bool
num_mul(struct num *n, uint64_t k)
{
	if (n->mant > MANT_MAX / k)
		return false;
	n->mant *= k;
	return true;
}

/* Adds one written digit; false when the number has more digits than mant can hold. */
static bool
num_digit(struct num *n, unsigned c)
{
	if (n->mant >= MANT_MAX)
		return false;
	n->mant = n->mant * 10 + (c - '0');
	return true;
}

/*
 * A number in digits at i: "20", "2,000", "1,234,567", "3.25".  Commas group thousands
 * only after a first group of one to three digits and before exactly three more.  Sets
 * n->end after it even when it fails, which it does when it has too many digits.
 */
static bool
read_digits(const struct scan *sc, size_t i, struct num *n)
{
	size_t	j = i;
	bool	ok = true, grouped = false, point = false;

	memset(n, 0, sizeof(*n));
	n->start = i;
	while (is_digit(at(sc, j)))
		ok &= num_digit(n, at(sc, j++));
	n->ndig = j - i < 99 ? (int)(j - i) : 99;	/* only 1, 2 and 4 matter */
	if (j - i <= 3) {
		while (at(sc, j) == ',' && is_digit(at(sc, j + 1)) &&
		    is_digit(at(sc, j + 2)) && is_digit(at(sc, j + 3)) &&
		    !is_digit(at(sc, j + 4))) {
			ok &= num_digit(n, at(sc, j + 1));
			ok &= num_digit(n, at(sc, j + 2));
			ok &= num_digit(n, at(sc, j + 3));
			n->ndig += 3;
			grouped = true;
			j += 4;
		}
	}
	if (at(sc, j) == '.' && is_digit(at(sc, j + 1))) {
		point = true;
		for (j++; is_digit(at(sc, j)); j++) {
			ok &= num_digit(n, at(sc, j));
			n->exp--;
		}
	}
	n->end = j;
	n->plain = !grouped && !point;
	return ok;
}

/* Whether w may follow a number word of kind last in one number. */
static bool
number_word_fits(const struct word *w, int last, uint64_t cur)
{
	switch (w->kind) {
	case K_UNIT:
		return last == 0 || last == K_HUNDRED || last == K_SCALE || last == K_AND ||
		    (last == K_TENS && cur % 10 == 0);
	case K_TEEN:
	case K_TENS:
		return last == 0 || last == K_HUNDRED || last == K_SCALE || last == K_AND;
	case K_HUNDRED:
		return (last == K_UNIT || last == K_TEEN || last == K_TENS) && cur < 100;
	case K_SCALE:
	case K_DOZEN:
		return last == K_UNIT || last == K_TEEN || last == K_TENS || last == K_HUNDRED;
	default:
		return false;
	}
}

/*
 * A number in words at i: "five", "twenty-five", "twenty five", "three hundred and
 * twelve", "two million", "a dozen", "a million", "half a million".  Sets n->end after
 * the last word that belongs to it; false when there is no number.
 */
static bool
read_words(const struct scan *sc, size_t i, struct num *n)
{
	const struct word	*w, *next;
	uint64_t		 total = 0, cur = 0;
	size_t			 j = i, e, g, e2;
	int			 last = 0, scale = 99;

	memset(n, 0, sizeof(*n));
	n->start = n->end = i;
	if ((w = word_at(sc, i, &e)) == NULL)
		return false;
	if (w->kind == K_A || w->kind == K_HALF) {
		/* "a" counts one, and "half" half, of the scale word after it */
		bool half = w->kind == K_HALF;

		if (half) {
			g = gap_end(sc, e);
			if (g == e || (w = word_at(sc, g, &e)) == NULL || w->kind != K_A ||
			    w->len != 1)
				return false;
		}
		g = gap_end(sc, e);
		if (g == e || (w = word_at(sc, g, &e2)) == NULL ||
		    (w->kind != K_HUNDRED && w->kind != K_SCALE && w->kind != K_DOZEN))
			return false;
		if (half) {
			n->mant = w->kind == K_DOZEN ? 6 : 5;
			n->exp = w->kind == K_DOZEN ? 0 : w->val - 1;
			n->end = e2;
			return true;
		}
		cur = 1;
		last = K_UNIT;
		j = g;
	}
	for (;;) {
		if ((w = word_at(sc, j, &e)) == NULL)
			break;
		if (w->kind == K_AND) {
			/* only inside a number: "three hundred and twelve" */
			g = gap_end(sc, e);
			if ((last != K_HUNDRED && last != K_SCALE) || g == e ||
			    (next = word_at(sc, g, &e2)) == NULL || (next->kind != K_UNIT &&
			    next->kind != K_TEEN && next->kind != K_TENS))
				break;
			last = K_AND;
			j = g;
			continue;
		}
		if (!number_word_fits(w, last, cur))
			break;
		switch (w->kind) {
		case K_HUNDRED:
			cur *= 100;
			break;
		case K_SCALE:
			if (w->val >= scale)
				goto done;
			scale = w->val;
			total += cur * (w->val == 3 ? UINT64_C(1000) : w->val == 6 ?
			    UINT64_C(1000000) : w->val == 9 ? UINT64_C(1000000000) :
			    UINT64_C(1000000000000));
			cur = 0;
			break;
		case K_DOZEN:
			cur *= 12;
			break;
		default:
			cur += (uint64_t)w->val;
			break;
		}
		last = w->kind;
		n->end = e;
		if (w->kind == K_DOZEN)
			break;
		/* the next word: after a hyphen only in "twenty-five" */
		if (at(sc, e) == '-' && last == K_TENS) {
			if ((next = word_at(sc, e + 1, &e2)) == NULL || next->kind != K_UNIT)
				break;
			j = e + 1;
			continue;
		}
		if ((g = gap_end(sc, e)) == e)
			break;
		j = g;
	}
done:
	if (last == 0 || total + cur == 0)
		return false;
	n->mant = total + cur;
	return true;
}

/* "two and a half", "1 and a half": a half more, on a whole number. */
static void
read_and_a_half(const struct scan *sc, struct num *n)
{
	size_t g = gap_end(sc, n->end), e;

	if (g == n->end || n->exp != 0 || (e = key_at(sc, g, "and a half", false)) == 0 ||
	    !num_mul(n, 10))
		return;
	n->mant += 5;
	n->exp = -1;
	n->end = e;
	n->plain = false;
}

/* Scale words after a number: "1.5 million", "two dozen", "300 thousand". */
static void
read_scales(const struct scan *sc, struct num *n)
{
	const struct word	*w;
	size_t			 g, e;
	int			 k;

	for (k = 0; k < 2; k++) {
		if ((g = gap_end(sc, n->end)) == n->end || (w = word_at(sc, g, &e)) == NULL)
			return;
		if (w->kind == K_SCALE || w->kind == K_HUNDRED)
			n->exp += w->val;
		else if (w->kind == K_DOZEN && n->exp == 0 && num_mul(n, 12))
			;
		else
			return;
		n->end = e;
		n->plain = false;
	}
}

/*
 * mant * 10^exp in plain decimal into buf (at least NUM_CHARS + 1 bytes): no exponent,
 * no trailing zeros after the point, no point without a fraction.  False when it would
 * take more than NUM_CHARS characters.
 */
static bool
format_number(uint64_t mant, int exp, char *buf)
{
	char	dig[24];
	int	nd, frac;

	while (exp < 0 && mant != 0 && mant % 10 == 0) {
		mant /= 10;
		exp++;
	}
	if (mant == 0)
		exp = 0;
	nd = snprintf(dig, sizeof(dig), "%" PRIu64, mant);
	if (exp >= 0) {
		if (nd + exp > NUM_CHARS)
			return false;
		memcpy(buf, dig, (size_t)nd);
		memset(buf + nd, '0', (size_t)exp);
		buf[nd + exp] = '\0';
		return true;
	}
	frac = -exp;
	if (frac > NUM_CHARS - 2 || nd + 2 > NUM_CHARS)
		return false;
	if (nd > frac) {
		memcpy(buf, dig, (size_t)(nd - frac));
		buf[nd - frac] = '.';
		memcpy(buf + nd - frac + 1, dig + nd - frac, (size_t)frac + 1);
	} else {
		buf[0] = '0';
		buf[1] = '.';
		memset(buf + 2, '0', (size_t)(frac - nd));
		memcpy(buf + 2 + frac - nd, dig, (size_t)nd + 1);
	}
	return true;
}

/* The number as a whole number, if it is one no larger than max. */
static bool
num_whole(const struct num *n, int exp, uint64_t max, uint64_t *v)
{
	uint64_t	m = n->mant;
	int		e = n->exp + exp;

	for (; e < 0; e++) {
		if (m % 10 != 0)
			return false;
		m /= 10;
	}
	for (; e > 0; e--) {
		if (m > max / 10)
			return false;
		m *= 10;
	}
	if (m > max)
		return false;
	*v = m;
	return true;
}

/* ------------------------------------------------------------------------------------ */
/* Units: what a number counts */

enum unit_kind { U_QTY, U_MONEY, U_PCT, U_PP, U_TIME };

#define U_FOLD	1	/* the first letter in either case ("Miles" in a headline) */
#define U_GLUE	2	/* may follow the number with no space: "5km", "5%" */
#define U_HYPH	4	/* may follow it after a hyphen: "a 10-year plan", "a 30-mile drive" */
#define U_WORD	(U_FOLD | U_HYPH)

struct unit {
	const char	*key;	/* as written; a space stands for white space */
	const char	*sym;	/* symbol, ISO 4217 code, or TIMEX3 designator ("TH": a time) */
	unsigned char	 kind;
	signed char	 exp;	/* the unit in powers of ten of sym: -2 cents, 1 decades */
	unsigned char	 flags;
};

static const struct unit units_other[] = {
	{ "%", "", U_PCT, 0, U_GLUE },
	{ "\xC2\xB0", "deg", U_QTY, 0, U_GLUE },		/* ° */
	{ "\xC2\xB0" "C", "degC", U_QTY, 0, U_GLUE },
	{ "\xC2\xB0" "F", "degF", U_QTY, 0, U_GLUE },
};

static const struct unit units_a[] = {
	{ "Australian dollars", "AUD", U_MONEY, 0, 0 },
	{ "AUD", "AUD", U_MONEY, 0, 0 },
	{ "acres", "acre", U_QTY, 0, U_WORD },
	{ "acre", "acre", U_QTY, 0, U_WORD },
};

static const struct unit units_b[] = {
	{ "barrels", "bbl", U_QTY, 0, U_WORD },
	{ "barrel", "bbl", U_QTY, 0, U_WORD },
};

static const struct unit units_c[] = {
	{ "Canadian dollars", "CAD", U_MONEY, 0, 0 },
	{ "cents", "USD", U_MONEY, -2, U_FOLD },
	{ "cent", "USD", U_MONEY, -2, U_WORD },
	{ "CNY", "CNY", U_MONEY, 0, 0 },
	{ "CAD", "CAD", U_MONEY, 0, 0 },
	{ "CHF", "CHF", U_MONEY, 0, 0 },
	{ "centuries", "Y", U_TIME, 2, U_WORD },
	{ "century", "Y", U_TIME, 2, U_WORD },
	{ "centimetres", "cm", U_QTY, 0, U_WORD },
	{ "centimeters", "cm", U_QTY, 0, U_WORD },
	{ "cm", "cm", U_QTY, 0, U_GLUE },
	{ "cubic metres", "m3", U_QTY, 0, U_FOLD },
	{ "cubic meters", "m3", U_QTY, 0, U_FOLD },
	{ "cubic feet", "ft3", U_QTY, 0, U_FOLD },
};

static const struct unit units_d[] = {
	{ "dollars", "USD", U_MONEY, 0, U_FOLD },
	{ "dollar", "USD", U_MONEY, 0, U_WORD },
	{ "days", "D", U_TIME, 0, U_WORD },
	{ "day", "D", U_TIME, 0, U_WORD },
	{ "decades", "Y", U_TIME, 1, U_WORD },
	{ "decade", "Y", U_TIME, 1, U_WORD },
	{ "degrees", "deg", U_QTY, 0, U_WORD },
	{ "degree", "deg", U_QTY, 0, U_WORD },
	{ "degrees Celsius", "degC", U_QTY, 0, U_FOLD },
	{ "degrees Fahrenheit", "degF", U_QTY, 0, U_FOLD },
	{ "degrees C", "degC", U_QTY, 0, U_FOLD },
	{ "degrees F", "degF", U_QTY, 0, U_FOLD },
};

static const struct unit units_e[] = {
	{ "euros", "EUR", U_MONEY, 0, U_FOLD },
	{ "euro", "EUR", U_MONEY, 0, U_WORD },
	{ "euro cents", "EUR", U_MONEY, -2, U_FOLD },
	{ "EUR", "EUR", U_MONEY, 0, 0 },
};

static const struct unit units_f[] = {
	{ "feet", "ft", U_QTY, 0, U_WORD },
	{ "foot", "ft", U_QTY, 0, U_WORD },
	{ "ft", "ft", U_QTY, 0, U_GLUE },
};

static const struct unit units_g[] = {
	{ "GBP", "GBP", U_MONEY, 0, 0 },
	{ "grams", "g", U_QTY, 0, U_WORD },
	{ "gram", "g", U_QTY, 0, U_WORD },
	{ "gallons", "gal", U_QTY, 0, U_WORD },
	{ "gallon", "gal", U_QTY, 0, U_WORD },
	{ "gigawatts", "GW", U_QTY, 0, U_WORD },
	{ "gigawatt", "GW", U_QTY, 0, U_WORD },
	{ "GW", "GW", U_QTY, 0, U_GLUE },
	{ "gigawatt-hours", "GWh", U_QTY, 0, U_WORD },
	{ "GWh", "GWh", U_QTY, 0, U_GLUE },
	{ "gigabytes", "GB", U_QTY, 0, U_WORD },
	{ "GB", "GB", U_QTY, 0, U_GLUE },
};

static const struct unit units_h[] = {
	{ "Hong Kong dollars", "HKD", U_MONEY, 0, 0 },
	{ "hours", "TH", U_TIME, 0, U_WORD },
	{ "hour", "TH", U_TIME, 0, U_WORD },
	{ "hectares", "ha", U_QTY, 0, U_WORD },
	{ "hectare", "ha", U_QTY, 0, U_WORD },
};

static const struct unit units_i[] = {
	{ "INR", "INR", U_MONEY, 0, 0 },
	{ "inches", "in", U_QTY, 0, U_WORD },
	{ "inch", "in", U_QTY, 0, U_WORD },
};

static const struct unit units_j[] = {
	{ "JPY", "JPY", U_MONEY, 0, 0 },
};

static const struct unit units_k[] = {
	{ "kilometres", "km", U_QTY, 0, U_WORD },
	{ "kilometre", "km", U_QTY, 0, U_WORD },
	{ "kilometers", "km", U_QTY, 0, U_WORD },
	{ "kilometer", "km", U_QTY, 0, U_WORD },
	{ "km", "km", U_QTY, 0, U_GLUE },
	{ "kilograms", "kg", U_QTY, 0, U_WORD },
	{ "kilogram", "kg", U_QTY, 0, U_WORD },
	{ "kilos", "kg", U_QTY, 0, U_WORD },
	{ "kilo", "kg", U_QTY, 0, U_WORD },
	{ "kg", "kg", U_QTY, 0, U_GLUE },
	{ "km/h", "km/h", U_QTY, 0, U_GLUE },
	{ "kph", "km/h", U_QTY, 0, U_GLUE },
	{ "kilometres per hour", "km/h", U_QTY, 0, U_FOLD },
	{ "kilometers per hour", "km/h", U_QTY, 0, U_FOLD },
	{ "kilometres an hour", "km/h", U_QTY, 0, U_FOLD },
	{ "kilometers an hour", "km/h", U_QTY, 0, U_FOLD },
	{ "knots", "kn", U_QTY, 0, U_WORD },
	{ "kilowatts", "kW", U_QTY, 0, U_WORD },
	{ "kW", "kW", U_QTY, 0, U_GLUE },
	{ "kilowatt-hours", "kWh", U_QTY, 0, U_WORD },
	{ "kilowatt hours", "kWh", U_QTY, 0, U_FOLD },
	{ "kWh", "kWh", U_QTY, 0, U_GLUE },
};

static const struct unit units_l[] = {
	{ "light-years", "ly", U_QTY, 0, U_WORD },
	{ "light-year", "ly", U_QTY, 0, U_WORD },
	{ "light years", "ly", U_QTY, 0, U_FOLD },
	{ "lbs", "lb", U_QTY, 0, U_GLUE },
	{ "lb", "lb", U_QTY, 0, U_GLUE },
	{ "litres", "L", U_QTY, 0, U_WORD },
	{ "litre", "L", U_QTY, 0, U_WORD },
	{ "liters", "L", U_QTY, 0, U_WORD },
	{ "liter", "L", U_QTY, 0, U_WORD },
};

static const struct unit units_m[] = {
	{ "months", "M", U_TIME, 0, U_WORD },
	{ "month", "M", U_TIME, 0, U_WORD },
	{ "minutes", "TM", U_TIME, 0, U_WORD },
	{ "minute", "TM", U_TIME, 0, U_WORD },
	{ "miles", "mi", U_QTY, 0, U_WORD },
	{ "mile", "mi", U_QTY, 0, U_WORD },
	{ "metres", "m", U_QTY, 0, U_WORD },
	{ "metre", "m", U_QTY, 0, U_WORD },
	{ "meters", "m", U_QTY, 0, U_WORD },
	{ "meter", "m", U_QTY, 0, U_WORD },
	{ "millimetres", "mm", U_QTY, 0, U_WORD },
	{ "millimeters", "mm", U_QTY, 0, U_WORD },
	{ "mm", "mm", U_QTY, 0, U_GLUE },
	{ "milligrams", "mg", U_QTY, 0, U_WORD },
	{ "milligram", "mg", U_QTY, 0, U_WORD },
	{ "mg", "mg", U_QTY, 0, U_GLUE },
	{ "metric tons", "t", U_QTY, 0, U_FOLD },
	{ "metric tonnes", "t", U_QTY, 0, U_FOLD },
	{ "mph", "mph", U_QTY, 0, U_GLUE },
	{ "miles per hour", "mph", U_QTY, 0, U_FOLD },
	{ "miles an hour", "mph", U_QTY, 0, U_FOLD },
	{ "megawatts", "MW", U_QTY, 0, U_WORD },
	{ "megawatt", "MW", U_QTY, 0, U_WORD },
	{ "MW", "MW", U_QTY, 0, U_GLUE },
	{ "megawatt-hours", "MWh", U_QTY, 0, U_WORD },
	{ "megawatt hours", "MWh", U_QTY, 0, U_FOLD },
	{ "MWh", "MWh", U_QTY, 0, U_GLUE },
	{ "megabytes", "MB", U_QTY, 0, U_WORD },
};

static const struct unit units_n[] = {
	{ "New Zealand dollars", "NZD", U_MONEY, 0, 0 },
	{ "nautical miles", "nmi", U_QTY, 0, U_FOLD },
	{ "nautical mile", "nmi", U_QTY, 0, U_FOLD },
};

static const struct unit units_o[] = {
	{ "ounces", "oz", U_QTY, 0, U_WORD },
	{ "ounce", "oz", U_QTY, 0, U_WORD },
	{ "oz", "oz", U_QTY, 0, U_GLUE },
};

static const struct unit units_p[] = {
	{ "percent", "", U_PCT, 0, U_WORD },
	{ "per cent", "", U_PCT, 0, U_FOLD },
	{ "pct", "", U_PCT, 0, 0 },
	{ "percentage points", "pp", U_PP, 0, U_FOLD },
	{ "percentage point", "pp", U_PP, 0, U_WORD },
	{ "pounds sterling", "GBP", U_MONEY, 0, U_FOLD },
	{ "pence", "GBP", U_MONEY, -2, U_FOLD },
	{ "pesos", "MXN", U_MONEY, 0, U_FOLD },
	{ "peso", "MXN", U_MONEY, 0, U_FOLD },
	{ "pounds", "lb", U_QTY, 0, U_WORD },
	{ "pound", "lb", U_QTY, 0, U_WORD },
};

static const struct unit units_r[] = {
	{ "renminbi", "CNY", U_MONEY, 0, U_FOLD },
	{ "rubles", "RUB", U_MONEY, 0, U_FOLD },
	{ "ruble", "RUB", U_MONEY, 0, U_FOLD },
	{ "roubles", "RUB", U_MONEY, 0, U_FOLD },
	{ "rouble", "RUB", U_MONEY, 0, U_FOLD },
	{ "rupees", "INR", U_MONEY, 0, U_FOLD },
	{ "rupee", "INR", U_MONEY, 0, U_FOLD },
	{ "RUB", "RUB", U_MONEY, 0, 0 },
};

static const struct unit units_s[] = {
	{ "Singapore dollars", "SGD", U_MONEY, 0, 0 },
	{ "Swiss francs", "CHF", U_MONEY, 0, 0 },
	{ "shekels", "ILS", U_MONEY, 0, U_FOLD },
	{ "seconds", "TS", U_TIME, 0, U_WORD },
	{ "second", "TS", U_TIME, 0, U_WORD },
	{ "square miles", "mi2", U_QTY, 0, U_FOLD },
	{ "square mile", "mi2", U_QTY, 0, U_WORD },
	{ "square kilometres", "km2", U_QTY, 0, U_FOLD },
	{ "square kilometers", "km2", U_QTY, 0, U_FOLD },
	{ "sq km", "km2", U_QTY, 0, 0 },
	{ "square metres", "m2", U_QTY, 0, U_FOLD },
	{ "square meters", "m2", U_QTY, 0, U_FOLD },
	{ "square feet", "ft2", U_QTY, 0, U_FOLD },
	{ "square foot", "ft2", U_QTY, 0, U_WORD },
	{ "sq ft", "ft2", U_QTY, 0, 0 },
};

static const struct unit units_t[] = {
	{ "tons", "t", U_QTY, 0, U_WORD },
	{ "ton", "t", U_QTY, 0, U_WORD },
	{ "tonnes", "t", U_QTY, 0, U_WORD },
	{ "tonne", "t", U_QTY, 0, U_WORD },
	{ "terabytes", "TB", U_QTY, 0, U_WORD },
	{ "TB", "TB", U_QTY, 0, U_GLUE },
};

static const struct unit units_u[] = {
	{ "US dollars", "USD", U_MONEY, 0, 0 },
	{ "U.S. dollars", "USD", U_MONEY, 0, 0 },
	{ "USD", "USD", U_MONEY, 0, 0 },
};

static const struct unit units_w[] = {
	{ "weeks", "W", U_TIME, 0, U_WORD },
	{ "week", "W", U_TIME, 0, U_WORD },
	{ "watts", "W", U_QTY, 0, U_WORD },
};

static const struct unit units_y[] = {
	{ "yen", "JPY", U_MONEY, 0, U_FOLD },
	{ "yuan", "CNY", U_MONEY, 0, U_FOLD },
	{ "years", "Y", U_TIME, 0, U_WORD },
	{ "year", "Y", U_TIME, 0, U_WORD },
	{ "yards", "yd", U_QTY, 0, U_WORD },
	{ "yard", "yd", U_QTY, 0, U_WORD },
};

/* The units by the first letter of their keys, in lower case; the others last. */
static const struct {
	const struct unit	*u;
	size_t			 n;
} unit_bucket[27] = {
#define B(c, ch)	[ch - 'a'] = { units_##c, NELEM(units_##c) }
	B(a, 'a'), B(b, 'b'), B(c, 'c'), B(d, 'd'), B(e, 'e'), B(f, 'f'), B(g, 'g'),
	B(h, 'h'), B(i, 'i'), B(j, 'j'), B(k, 'k'), B(l, 'l'), B(m, 'm'), B(n, 'n'),
	B(o, 'o'), B(p, 'p'), B(r, 'r'), B(s, 's'), B(t, 't'), B(u, 'u'), B(w, 'w'),
	B(y, 'y'),
#undef B
	[26] = { units_other, NELEM(units_other) },
};

/* The longest unit at i that may stand there (need: U_GLUE right after the number,
 * U_HYPH after a hyphen, 0 after white space); NULL if none. */
static const struct unit *
unit_at(const struct scan *sc, size_t i, unsigned need, size_t *endp)
{
	const struct unit	*u, *best = NULL;
	size_t			 e, best_end = 0, k, nb, b;
	unsigned		 c = at(sc, i), k0;

	b = is_alpha(c) ? (c | 0x20) - 'a' : 26;
	u = unit_bucket[b].u;
	nb = unit_bucket[b].n;
	for (k = 0; k < nb; k++, u++) {
		k0 = (unsigned char)u->key[0];
		if (k0 != c && !((u->flags & U_FOLD) && (c ^ 0x20) == k0))
			continue;
		if ((u->flags & need) != need)
			continue;
		if ((e = key_at(sc, i, u->key, u->flags & U_FOLD)) > best_end) {
			best = u;
			best_end = e;
		}
	}
	*endp = best_end;
	return best;
}

/* The unit of a number that ends at e: glued to it, after a hyphen, or after a space. */
static const struct unit *
unit_after(const struct scan *sc, size_t e, size_t *endp)
{
	const struct unit	*u;
	size_t			 g;

	if ((u = unit_at(sc, e, U_GLUE, endp)) != NULL)
		return u;
	if (at(sc, e) == '-' && (u = unit_at(sc, e + 1, U_HYPH, endp)) != NULL)
		return u;
	if ((g = gap_end(sc, e)) > e)
		return unit_at(sc, g, 0, endp);
	return NULL;
}

/* ------------------------------------------------------------------------------------ */
/* Expressions */

#define NO_MOD	9	/* a month or weekday without this, last or next */

/* The printf checks of the names' formats, where the compiler has them. */
#if defined(__GNUC__)
#define PRINTF_LIKE(f, a)	__attribute__((__format__(__printf__, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/*
 * Writes the name as snprintf would, and the span and type; false when the name does not
 * fit or the span is empty.  The names' formats use only %s, %d, %0Nd and %%, which are
 * written here, as vsnprintf took longer than finding most expressions.  Any other
 * conversion goes to vsnprintf.
 */
static bool PRINTF_LIKE(5, 6)
put(struct hs_numex *x, size_t start, size_t end, enum hs_numex_type type,
    const char *fmt, ...)
{
	char		*o = x->name, *const last = x->name + sizeof(x->name) - 1;
	const char	*f, *str;
	char		 dig[3 * sizeof(int)];
	unsigned	 u, width, nd, lead;
	int		 v;
	va_list		 ap, ap2;
	bool		 ok = true;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	for (f = fmt; *f != '\0' && ok; f++) {
		if (f[0] != '%' || f[1] == '%') {
			f += f[0] == '%';
			ok = o < last;
			if (ok)
				*o++ = *f;
		} else if (f[1] == 's') {
			f++;
			for (str = va_arg(ap, const char *); *str != '\0' && ok; str++) {
				ok = o < last;
				if (ok)
					*o++ = *str;
			}
		} else if (f[1] == 'd' || (f[1] == '0' && (unsigned)(f[2] - '1') < 9 &&
		    f[3] == 'd')) {
			width = f[1] == '0' ? (unsigned)(f[2] - '0') : 0;
			f += f[1] == '0' ? 3 : 1;
			v = va_arg(ap, int);
			u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
			nd = 0;
			do {
				dig[nd++] = (char)('0' + u % 10);
				u /= 10;
			} while (u != 0);
			/* printf's zeros go between the sign and the digits */
			lead = (v < 0) + nd < width ? width - nd - (v < 0) : 0;
			ok = (size_t)(last - o) >= (v < 0) + lead + nd;
			if (ok && v < 0)
				*o++ = '-';
			for (; ok && lead > 0; lead--)
				*o++ = '0';
			while (ok && nd > 0)
				*o++ = dig[--nd];
		} else {
			/* not one of ours: let the library write it all */
			v = vsnprintf(x->name, sizeof(x->name), fmt, ap2);
			ok = v >= 0 && (size_t)v < sizeof(x->name);
			o = NULL;
			break;
		}
	}
	va_end(ap2);
	va_end(ap);
	if (!ok || end <= start)
		return false;
	if (o != NULL)
		*o = '\0';
	x->start = start;
	x->end = end;
	x->type = type;
	return true;
}

static bool
put_day(struct hs_numex *x, size_t start, size_t end, int64_t n)
{
	int y, m, d;

	civil_date(n, &y, &m, &d);
	return put(x, start, end, HS_NUMEX_DATE, "%04d-%02d-%02d", y, m, d);
}

/* A date of month and day, with its year or not. */
static bool
put_month_day(const struct scan *sc, struct hs_numex *x, size_t start, size_t end, int y,
    int m, int d)
{
	if (y == 0 && !sc->anchored)
		return put(x, start, end, HS_NUMEX_DATE, "XXXX-%02d-%02d", m, d);
	if (y == 0)
		y = nearest_year_of_day(sc, m, d);
	return put(x, start, end, HS_NUMEX_DATE, "%04d-%02d-%02d", y, m, d);
}

/* A month's name at i, as a whole word: "December", "May", "Dec", "Dec.", "Sept.".  Its
 * number, or 0; *abbr tells an abbreviation. */
static int
month_at(const struct scan *sc, size_t i, size_t *endp, bool *abbr)
{
	const struct word	*w;
	size_t			 e;

	if (!is_upper(at(sc, i)) || (w = word_at(sc, i, &e)) == NULL ||
	    (w->kind != K_MONTH && w->kind != K_MONTH_ABBR))
		return 0;
	*abbr = w->kind == K_MONTH_ABBR;
	if (*abbr && at(sc, e) == '.')
		e++;
	*endp = e;
	return w->val;
}

/* A day of the month at i: "21", "21st", "3rd", or the first of a range ("21-23"); 0 if
 * none. */
static int
day_at(const struct scan *sc, size_t i, size_t *endp)
{
	size_t		j = i;
	int		d = 0;
	unsigned	a, b;

	while (is_digit(at(sc, j)) && j - i < 3)
		d = d * 10 + (int)(at(sc, j++) - '0');
	if (j == i || j - i > 2 || d < 1 || d > 31)
		return 0;
	a = at(sc, j);
	b = at(sc, j + 1);
	if (((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
	    (a == 't' && b == 'h')) && !is_alnum(at(sc, j + 2)))
		j += 2;
	else if (a == '-' && is_digit(b) && (!is_digit(at(sc, j + 2)) ||
	    !is_digit(at(sc, j + 3))))
		j = is_digit(at(sc, j + 2)) ? j + 3 : j + 2;
	if (is_alnum(at(sc, j)) || number_goes_on(sc, j))
		return 0;
	*endp = j;
	return d;
}

/* A year of four digits at i, standing alone: 1000 to 2099; 0 if none. */
static int
year_at(const struct scan *sc, size_t i, size_t *endp)
{
	int	y = 0;
	size_t	j;

	for (j = i; j < i + 4; j++) {
		if (!is_digit(at(sc, j)))
			return 0;
		y = y * 10 + (int)(at(sc, j) - '0');
	}
	if (is_alnum(at(sc, j)) || number_goes_on(sc, j) || y < YEAR_MIN || y > YEAR_MAX)
		return 0;
	*endp = j;
	return y;
}

/*
 * A day named by its month and day, at i: "Dec. 21", "December 21st, 2021", "Dec 21 2021",
 * "21 December", "21st of December 2021".  Sets *y (0 when no year is written), *m, *d;
 * returns the end, or 0.
 */
static size_t
month_day_at(const struct scan *sc, size_t i, int *y, int *m, int *d)
{
	size_t	e, g, j, k;
	bool	abbr;

	*y = 0;
	if ((*m = month_at(sc, i, &e, &abbr)) != 0) {
		if ((g = gap_end(sc, e)) == e || (*d = day_at(sc, g, &j)) == 0)
			return 0;
	} else if ((*d = day_at(sc, i, &e)) != 0) {
		if ((g = gap_end(sc, e)) == e)
			return 0;
		if ((k = key_at(sc, g, "of", false)) != 0 && (g = gap_end(sc, k)) == k)
			return 0;
		if ((*m = month_at(sc, g, &j, &abbr)) == 0)
			return 0;
	} else
		return 0;
	k = at(sc, j) == ',' ? j + 1 : j;
	if ((g = gap_end(sc, k)) > k && (*y = year_at(sc, g, &e)) != 0)
		j = e;
	/* 2000 was a leap year: with no year written, February 29 stands */
	if (*d > month_days(*y != 0 ? *y : 2000, *m))
		return 0;
	return j;
}

/* "night", "morning", "afternoon" or "evening" after a day's name: part of its span. */
static size_t
day_part_end(const struct scan *sc, size_t e)
{
	static const char *const parts[] = { "night", "morning", "afternoon", "evening" };
	size_t	g = gap_end(sc, e), k;
	size_t	p;

	if (g == e)
		return e;
	for (p = 0; p < NELEM(parts); p++)
		if ((k = key_at(sc, g, parts[p], false)) != 0)
			return k;
	return e;
}

/*
 * A weekday at i (val wd), after this, last or next (mod) at start, or alone.  Alone,
 * it is the nearest such day on or before the anchor; "next" the first after it; "last"
 * the one before the nearest; "this" the one in the anchor's week.  A date after it
 * ("Tuesday, Dec. 21") says which day it is.
 */
static bool
weekday_expr(const struct scan *sc, size_t start, size_t i, int wd, int mod,
    struct hs_numex *x)
{
	size_t	e = alpha_end(sc, i), j, g, end;
	int	y, m, d, now;
	int64_t	n;

	if (mod == NO_MOD) {
		j = at(sc, e) == ',' ? e + 1 : e;
		if ((g = gap_end(sc, j)) > j && (end = month_day_at(sc, g, &y, &m, &d)) != 0)
			return put_month_day(sc, x, start, end, y, m, d);
	}
	end = day_part_end(sc, e);
	if (!sc->anchored)
		return put(x, start, end, HS_NUMEX_DATE, "XXXX-WXX-%d", wd);
	now = weekday(sc->aday);
	switch (mod) {
	case -1:
		n = sc->aday - (now - wd + 7) % 7 - 7;
		break;
	case 0:
		n = sc->aday - now + wd;
		break;
	case 1:
		n = sc->aday + (wd - now + 6) % 7 + 1;
		break;
	default:
		n = sc->aday - (now - wd + 7) % 7;
		break;
	}
	return put_day(x, start, end, n);
}

/*
 * A month's name at i, after this, last or next (mod) at start, or alone: with a day
 * (a date), with a year ("December 2021"), or by itself ("in December": the nearest such
 * month; after "since" the last one up to the anchor's, after "until" the next one from
 * it).  Alone, "May" and "March" are months only after a word that asks for a time ("in
 * May", "since March"): otherwise they are a name, a verb, a march.  Other names are
 * months unless a capitalised word follows ("April Ryan").
 */
static bool
month_expr(const struct scan *sc, size_t start, size_t i, int mod, struct hs_numex *x)
{
	static const char *const lead[] = {
		"in", "of", "since", "until", "till", "during", "early", "late", "mid",
		"last", "next", "this", NULL
	};
	static const char *const since[] = { "since", NULL };
	static const char *const until[] = { "until", "till", NULL };
	size_t	e, end, g, ws, we;
	int	m, y, d, mm;
	bool	abbr, asked;

	if ((m = month_at(sc, i, &e, &abbr)) == 0)
		return false;
	if (mod == NO_MOD) {
		if ((end = month_day_at(sc, i, &y, &mm, &d)) != 0)
			return put_month_day(sc, x, start, end, y, mm, d);
		if ((g = gap_end(sc, e)) > e && (y = year_at(sc, g, &end)) != 0)
			return put(x, start, end, HS_NUMEX_DATE, "%04d-%02d", y, m);
	}
	if (abbr)
		return false;
	if (mod == NO_MOD) {
		asked = word_before(sc, i, &ws, &we) && word_in(sc, ws, we, lead);
		if (!asked && (m == 3 || m == 5))
			return false;
		if (!asked && (g = gap_end(sc, e)) > e && is_upper(at(sc, g)))
			return false;
		/* "since March" is the last March up to now, "until March" the next */
		if (asked && word_in(sc, ws, we, since))
			mod = -2;
		else if (asked && word_in(sc, ws, we, until))
			mod = 2;
	}
	if (!sc->anchored)
		return put(x, start, e, HS_NUMEX_DATE, "XXXX-%02d", m);
	switch (mod) {
	case -2:
		y = m > sc->am ? sc->ay - 1 : sc->ay;
		break;
	case -1:
		y = m >= sc->am ? sc->ay - 1 : sc->ay;
		break;
	case 1:
		y = m <= sc->am ? sc->ay + 1 : sc->ay;
		break;
	case 2:
		y = m < sc->am ? sc->ay + 1 : sc->ay;
		break;
	default:
		y = nearest_year_of_month(sc, m);
		break;
	}
	return put(x, start, e, HS_NUMEX_DATE, "%04d-%02d", y, m);
}

/*
 * "this year", "last month", "next week", "this weekend", "last night", "last Tuesday",
 * "next May": mod at i, whose word ends at e.  After "the", "last year" and "next week"
 * are a length of time back or ahead ("over the last year": P1Y).
 */
static bool
modifier_expr(const struct scan *sc, size_t i, size_t e, int mod, struct hs_numex *x)
{
	static const char *const the[] = { "the", NULL };
	static const struct {
		const char	*unit;
		const char	*duration;
	} spans[] = { { "year", "P1Y" }, { "month", "P1M" }, { "week", "P1W" } };
	const struct word	*w;
	size_t			 g = gap_end(sc, e), k, ws, we;
	int			 y, mo, wk;
	bool			 weekend;

	if (g == e || (is_upper(at(sc, i)) && !starts_sentence(sc, i)))
		return false;
	if (mod != 0 && word_before(sc, i, &ws, &we) && word_in(sc, ws, we, the)) {
		for (k = 0; k < NELEM(spans); k++)
			if ((e = key_at(sc, g, spans[k].unit, false)) != 0)
				return put(x, i, e, HS_NUMEX_DATE, "%s", spans[k].duration);
	}
	if ((k = key_at(sc, g, "year", false)) != 0) {
		if (!sc->anchored)
			return put(x, i, k, HS_NUMEX_DATE, "XXXX");
		return put(x, i, k, HS_NUMEX_DATE, "%04d", sc->ay + mod);
	}
	if ((k = key_at(sc, g, "month", false)) != 0) {
		if (!sc->anchored)
			return put(x, i, k, HS_NUMEX_DATE, "XXXX-XX");
		mo = sc->ay * 12 + sc->am - 1 + mod;
		return put(x, i, k, HS_NUMEX_DATE, "%04d-%02d", mo / 12, mo % 12 + 1);
	}
	k = key_at(sc, g, "weekend", false);
	weekend = k != 0;
	if (weekend || (k = key_at(sc, g, "week", false)) != 0) {
		if (!sc->anchored)
			return put(x, i, k, HS_NUMEX_DATE, "XXXX-WXX%s", weekend ? "-WE" : "");
		iso_week(sc->aday + 7 * mod, &y, &wk);
		return put(x, i, k, HS_NUMEX_DATE, "%04d-W%02d%s", y, wk,
		    weekend ? "-WE" : "");
	}
	if (mod == -1 && (k = key_at(sc, g, "night", false)) != 0) {
		if (!sc->anchored)
			return put(x, i, k, HS_NUMEX_DATE, "XXXX-XX-XX");
		return put_day(x, i, k, sc->aday - 1);
	}
	if ((w = word_at(sc, g, &k)) != NULL && w->kind == K_WEEKDAY)
		return weekday_expr(sc, i, g, w->val, mod, x);
	if (w != NULL && w->kind == K_MONTH)
		return month_expr(sc, i, g, mod, x);
	return false;
}

/* today, tonight, tomorrow, yesterday: val days from the anchor. */
static bool
day_word_expr(const struct scan *sc, size_t i, size_t e, int val, struct hs_numex *x)
{
	if (is_upper(at(sc, i)) && !starts_sentence(sc, i))
		return false;
	if (val != 0)
		e = day_part_end(sc, e);
	if (!sc->anchored)
		return put(x, i, e, HS_NUMEX_DATE, "XXXX-XX-XX");
	return put_day(x, i, e, sc->aday + val);
}

/* The time v years, months, weeks or days (unit Y, M, W, D) before the anchor. */
static bool
put_time_ago(const struct scan *sc, struct hs_numex *x, size_t start, size_t end,
    char unit, uint64_t v)
{
	int y, w, mo;

	switch (unit) {
	case 'Y':
		if (!sc->anchored)
			return put(x, start, end, HS_NUMEX_DATE, "XXXX");
		return v < (uint64_t)sc->ay &&
		    put(x, start, end, HS_NUMEX_DATE, "%04d", sc->ay - (int)v);
	case 'M':
		if (!sc->anchored)
			return put(x, start, end, HS_NUMEX_DATE, "XXXX-XX");
		mo = sc->ay * 12 + sc->am - 1 - (int)v;
		return mo >= 12 &&
		    put(x, start, end, HS_NUMEX_DATE, "%04d-%02d", mo / 12, mo % 12 + 1);
	case 'W':
		if (!sc->anchored)
			return put(x, start, end, HS_NUMEX_DATE, "XXXX-WXX");
		if ((int64_t)v * 7 >= sc->aday - 366)
			return false;
		iso_week(sc->aday - 7 * (int64_t)v, &y, &w);
		return put(x, start, end, HS_NUMEX_DATE, "%04d-W%02d", y, w);
	default:
		if (!sc->anchored)
			return put(x, start, end, HS_NUMEX_DATE, "XXXX-XX-XX");
		return (int64_t)v < sc->aday - 366 && put_day(x, start, end, sc->aday - (int64_t)v);
	}
}

/*
 * A number n with a unit of time u that ends at e: a duration ("three years", "a 10-year
 * plan": P3Y, P10Y), or with "ago" the time that far back from the anchor ("three years
 * ago": 2018).  An age ("45 years old", "a 45-year-old") is neither.  With only_ago, the
 * number was "a" and counts only before "ago" ("a year ago").
 */
static bool
time_expr(const struct scan *sc, const struct num *n, const struct unit *u, size_t e,
    bool only_ago, struct hs_numex *x)
{
	static const char *const for_a_day[] = {
		"just", "only", "for", "in", "within", "with", "than", "after", "about",
		"nearly", "almost", "least", "every", "per", "first", "last", "one", NULL
	};
	char		num[NUM_CHARS + 1];
	size_t		g = gap_end(sc, e), ago, ws, we;
	uint64_t	v;

	if ((at(sc, e) == '-' && (key_at(sc, e + 1, "old", false) != 0 ||
	    key_at(sc, e + 1, "olds", false) != 0)) ||
	    (g > e && key_at(sc, g, "old", false) != 0))
		return false;
	ago = g > e ? key_at(sc, g, "ago", false) : 0;
	/* "One day, she hoped" is no length of time; "with one day to go" is */
	if (ago == 0 && n->ndig == 0 && n->mant == 1 && n->exp == 0 && u->sym[0] == 'D' &&
	    at(sc, n->end) != '-' && (!word_before(sc, n->start, &ws, &we) ||
	    !word_in(sc, ws, we, for_a_day)))
		return false;
	if (ago != 0 && u->sym[0] != 'T' && num_whole(n, u->exp, 100000, &v) && v > 0 &&
	    put_time_ago(sc, x, n->start, ago, u->sym[0], v))
		return true;
	if (only_ago || !format_number(n->mant, n->exp + u->exp, num))
		return false;
	if (u->sym[0] == 'T')
		return put(x, n->start, e, HS_NUMEX_DATE, "PT%s%s", num, u->sym + 1);
	return put(x, n->start, e, HS_NUMEX_DATE, "P%s%s", num, u->sym);
}

/* The expression a number n starts, if a unit follows it: MONEY, PERCENT, QUANTITY, or a
 * DATE of a duration or of a time ago. */
static bool
unit_expr(const struct scan *sc, const struct num *n, bool only_ago, struct hs_numex *x)
{
	const struct unit	*u;
	size_t			 e;
	char			 num[NUM_CHARS + 1];

	if ((u = unit_after(sc, n->end, &e)) == NULL)
		return false;
	if (u->kind == U_TIME)
		return time_expr(sc, n, u, e, only_ago, x);
	if (only_ago || !format_number(n->mant, n->exp + u->exp, num))
		return false;
	switch (u->kind) {
	case U_PCT:
		return put(x, n->start, e, HS_NUMEX_PERCENT, "%s%%", num);
	case U_PP:
		return put(x, n->start, e, HS_NUMEX_PERCENT, "%s pp", num);
	case U_MONEY:
		return put(x, n->start, e, HS_NUMEX_MONEY, "%s %s", num, u->sym);
	default:
		return put(x, n->start, e, HS_NUMEX_QUANTITY, "%s %s", num, u->sym);
	}
}

/* Currency signs, in UTF-8. */
static const struct {
	const char	*sign;
	const char	*code;
} signs[] = {
	{ "$", "USD" },
	{ "\xC2\xA3", "GBP" },		/* £ */
	{ "\xC2\xA5", "JPY" },		/* ¥ */
	{ "\xE2\x82\xAC", "EUR" },	/* € */
	{ "\xE2\x82\xB9", "INR" },	/* ₹ */
	{ "\xE2\x82\xBD", "RUB" },	/* ₽ */
	{ "\xE2\x82\xA9", "KRW" },	/* ₩ */
};

/* Letters before a dollar sign that say whose dollar it is: "US$5", "C$20". */
static const struct {
	const char	*prefix;
	const char	*code;
} dollar_prefixes[] = {
	{ "US", "USD" }, { "C", "CAD" }, { "CA", "CAD" }, { "A", "AUD" }, { "AU", "AUD" },
	{ "NZ", "NZD" }, { "HK", "HKD" }, { "S", "SGD" },
};

/* Letters glued to a sum that scale it: "$3m", "£2.5bn", "$50K". */
static const struct {
	const char	*suffix;
	int		 exp;
} money_suffixes[] = {
	{ "k", 3 }, { "K", 3 }, { "m", 6 }, { "M", 6 }, { "mn", 6 }, { "mln", 6 },
	{ "b", 9 }, { "B", 9 }, { "bn", 9 }, { "bln", 9 }, { "tn", 12 }, { "trn", 12 },
};

/*
 * A sum after a currency sign that ends at i; the expression starts at start (at the sign,
 * or at a prefix such as "US"): "$20", "$1.5 billion", "£3m", "€ 20".
 */
static bool
money_expr(const struct scan *sc, size_t start, size_t i, const char *code,
    struct hs_numex *x)
{
	struct num	 n;
	size_t		 j = i, e, k;
	char		 num[NUM_CHARS + 1];

	if (at(sc, j) == ' ' && is_digit(at(sc, j + 1)))
		j++;
	if (!is_digit(at(sc, j)) || !read_digits(sc, j, &n))
		return false;
	if (is_alpha(at(sc, n.end))) {
		e = alpha_end(sc, n.end);
		if (is_digit(at(sc, e)))
			return false;
		for (k = 0; k < NELEM(money_suffixes); k++)
			if (strlen(money_suffixes[k].suffix) == e - n.end &&
			    memcmp(sc->s + n.end, money_suffixes[k].suffix, e - n.end) == 0)
				break;
		if (k == NELEM(money_suffixes))
			return false;
		n.exp += money_suffixes[k].exp;
		n.end = e;
	} else if (number_goes_on(sc, n.end))
		return false;
	else
		read_scales(sc, &n);
	if (!format_number(n.mant, n.exp, num))
		return false;
	return put(x, start, n.end, HS_NUMEX_MONEY, "%s %s", num, code);
}

/* The currency whose sign is at i, with the sign's length; NULL if none. */
static const char *
sign_at(const struct scan *sc, size_t i, size_t *lenp)
{
	size_t k, n;

	for (k = 0; k < NELEM(signs); k++) {
		n = strlen(signs[k].sign);
		if (i + n <= sc->len && memcmp(sc->s + i, signs[k].sign, n) == 0) {
			*lenp = n;
			return signs[k].code;
		}
	}
	return NULL;
}

/* "2021-12-21": n is the year, a hyphen after it. */
static bool
iso_date_expr(const struct scan *sc, const struct num *n, struct hs_numex *x)
{
	size_t		j = n->end;
	int		y = (int)n->mant, m, d;
	unsigned	c;

	if (!is_digit(at(sc, j + 1)) || !is_digit(at(sc, j + 2)) || at(sc, j + 3) != '-' ||
	    !is_digit(at(sc, j + 4)) || !is_digit(at(sc, j + 5)))
		return false;
	m = (int)(at(sc, j + 1) - '0') * 10 + (int)(at(sc, j + 2) - '0');
	d = (int)(at(sc, j + 4) - '0') * 10 + (int)(at(sc, j + 5) - '0');
	j += 6;
	/* a time may follow: 2021-12-21T10:00 */
	c = at(sc, j);
	if ((is_alnum(c) && !(c == 'T' && is_digit(at(sc, j + 1)))) || number_goes_on(sc, j))
		return false;
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	return put(x, n->start, j, HS_NUMEX_DATE, "%04d-%02d-%02d", y, m, d);
}

/* "12/21/2021", month first as in American news, unless the first number cannot be a
 * month ("21/12/2021"): n is the first number, a slash after it. */
static bool
slash_date_expr(const struct scan *sc, const struct num *n, struct hs_numex *x)
{
	size_t	j = n->end + 1, k;
	int	a = (int)n->mant, b = 0, y = 0, m, d;

	for (k = j; is_digit(at(sc, k)) && k - j < 3; k++)
		b = b * 10 + (int)(at(sc, k) - '0');
	if (k == j || k - j > 2 || at(sc, k) != '/')
		return false;
	for (j = ++k; is_digit(at(sc, k)) && k - j < 5; k++)
		y = y * 10 + (int)(at(sc, k) - '0');
	if (k - j != 4 || is_alnum(at(sc, k)) || number_goes_on(sc, k))
		return false;
	m = a > 12 ? b : a;
	d = a > 12 ? a : b;
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	return put(x, n->start, k, HS_NUMEX_DATE, "%04d-%02d-%02d", y, m, d);
}

/* "the 21st century" (20: the years 2000 to 2099), "19th-century": n a number of one or
 * two digits with an ordinal suffix glued on. */
static bool
century_expr(const struct scan *sc, const struct num *n, struct hs_numex *x)
{
	size_t		j = n->end, g, e;
	unsigned	a = at(sc, j), b = at(sc, j + 1);

	if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
	    (a == 't' && b == 'h')) || is_alnum(at(sc, j + 2)))
		return false;
	j += 2;
	g = at(sc, j) == '-' ? j + 1 : gap_end(sc, j);
	if (g == j || (e = key_at(sc, g, "century", true)) == 0 || n->mant < 1 || n->mant > 30)
		return false;
	return put(x, n->start, e, HS_NUMEX_DATE, "%02d", (int)n->mant - 1);
}

/*
 * Decades: "1990s" (199X), "'90s" (the century the anchor makes likely), and centuries
 * written as the first year's hundreds: "the 1800s" (18).  "2000s" is the decade 200X.
 */
static bool
decade_expr(const struct scan *sc, const struct num *n, struct hs_numex *x)
{
	const unsigned char	*s = sc->s;
	size_t			 start = n->start, j = n->end;
	int			 v = (int)n->mant, now;

	if (at(sc, j) != 's' || is_alnum(at(sc, j + 1)) || v % 10 != 0)
		return false;
	if (n->ndig == 4) {
		if (v < YEAR_MIN || v > YEAR_MAX)
			return false;
		if (v % 100 == 0 && v < 2000)
			return put(x, start, j + 1, HS_NUMEX_DATE, "%02d", v / 100);
		return put(x, start, j + 1, HS_NUMEX_DATE, "%03dX", v / 10);
	}
	if (n->ndig != 2)
		return false;
	if (start >= 1 && s[start - 1] == '\'')
		start -= 1;
	else if (start >= 3 && s[start - 3] == 0xE2 && s[start - 2] == 0x80 &&
	    s[start - 1] == 0x99)
		start -= 3;		/* ’ */
	else
		return false;
	/* the latest such decade that has begun by the anchor (by 2029 without one) */
	now = sc->anchored ? sc->ay : 2029;
	return put(x, start, j + 1, HS_NUMEX_DATE, "%03dX",
	    (2000 + v <= now ? 2000 + v : 1900 + v) / 10);
}

/*
 * A four-digit number standing as a year: 1900 to 2099 after a word that takes a year
 * ("in 2019", "the 2016 election", "Trump's 2016 campaign", "mid-2019") or at the start
 * of a sentence, in brackets; 1500 to 1899 only after a preposition ("in 1865").  A
 * number that has a unit or a currency, or is part of something longer, is not a year.
 */
static bool
year_expr(const struct scan *sc, const struct num *n, struct hs_numex *x)
{
	static const char *const prepositions[] = {
		"in", "since", "until", "till", "from", "during", "before", "after",
		"between", "through", "of", "by", "circa", "around", "to", "and", "or", NULL
	};
	static const char *const others[] = {
		"the", "a", "mid", "pre", "post", "early", "late", "fiscal", "year", "spring",
		"summer", "fall", "autumn", "winter", "its", "his", "her", "their", "our",
		NULL
	};
	const unsigned char	*s = sc->s;
	size_t			 start = n->start, ws, we;
	int			 v = (int)n->mant;
	bool			 strong = false, weak = false;
	unsigned		 p = start > 0 ? s[start - 1] : 0;

	if (v < OLD_YEAR_MIN || v > YEAR_MAX || is_alnum(at(sc, n->end)) ||
	    number_goes_on(sc, n->end))
		return false;
	/* "#2019", "$2019", "£2019", "€2019", "No. 2019" */
	if (p == '#' || p == '$' || p == 0xA3 || p == 0xA5 || p == 0xAC)
		return false;
	if (word_before(sc, start, &ws, &we)) {
		strong = word_in(sc, ws, we, prepositions);
		weak = strong || word_in(sc, ws, we, others) || after_possessive(sc, ws, we);
	}
	if (!weak)
		weak = (p == '(' && at(sc, n->end) == ')') || starts_sentence(sc, start);
	if (!strong && !(weak && v >= BARE_YEAR_MIN))
		return false;
	return put(x, start, n->end, HS_NUMEX_DATE, "%04d", v);
}

/* A date that starts with its day, at i: "21 December", "21st of December 2021". */
static bool
day_month_expr(const struct scan *sc, size_t i, struct hs_numex *x)
{
	size_t	end;
	int	y, m, d;

	if ((end = month_day_at(sc, i, &y, &m, &d)) == 0)
		return false;
	return put_month_day(sc, x, i, end, y, m, d);
}

/* What starts at the digit i; on failure *skip is where the scan goes on. */
static bool
digits_expr(const struct scan *sc, size_t i, struct hs_numex *x, size_t *skip)
{
	const unsigned char	*s = sc->s;
	struct num		 n;
	unsigned		 p = i > 0 ? s[i - 1] : 0;
	bool			 ok, range;

	ok = read_digits(sc, i, &n);
	*skip = is_alpha(at(sc, n.end)) ? alnum_end(sc, n.end) : n.end;
	/* a piece of "1.2.3", "10:30", "3/4" */
	if (i >= 2 && (p == '.' || p == ',' || p == ':' || p == '/') && is_digit(s[i - 2]))
		return false;
	if (!ok)
		return false;
	/* the second number of "5-10 percent" may have a unit, but is no date */
	range = i >= 2 && p == '-' && is_digit(s[i - 2]);
	if (n.plain && !range) {
		if (n.ndig == 4 && at(sc, n.end) == '-' && iso_date_expr(sc, &n, x))
			return true;
		if (n.ndig <= 2 && at(sc, n.end) == '/' && slash_date_expr(sc, &n, x))
			return true;
		if (n.ndig <= 2 && day_month_expr(sc, i, x))
			return true;
		if (n.ndig <= 2 && century_expr(sc, &n, x))
			return true;
		if (decade_expr(sc, &n, x))
			return true;
	}
	if (!number_goes_on(sc, n.end)) {
		read_and_a_half(sc, &n);
		read_scales(sc, &n);
		if (unit_expr(sc, &n, false, x))
			return true;
		if (n.end > *skip)
			*skip = n.end;
	}
	return n.plain && n.ndig == 4 && !range && year_expr(sc, &n, x);
}

/* What starts at the word text[i..e), a word of the table. */
static bool
word_expr(const struct scan *sc, size_t i, size_t e, const struct word *w,
    struct hs_numex *x)
{
	struct num	n;
	size_t		g, e2, g2;

	switch (w->kind) {
	case K_UNIT:
	case K_TEEN:
	case K_TENS:
	case K_A:
	case K_HALF:
		if (read_words(sc, i, &n)) {
			read_and_a_half(sc, &n);
			read_scales(sc, &n);
			return unit_expr(sc, &n, false, x);
		}
		/* "a year ago": "a" is one only before "ago" */
		if (w->kind != K_A || (g = gap_end(sc, e)) == e || !is_alpha(at(sc, g)))
			return false;
		e2 = alpha_end(sc, g);
		if ((g2 = gap_end(sc, e2)) == e2 || key_at(sc, g2, "ago", false) == 0)
			return false;
		memset(&n, 0, sizeof(n));
		n.start = i;
		n.end = e;
		n.mant = 1;
		return unit_expr(sc, &n, true, x);
	case K_MONTH:
	case K_MONTH_ABBR:
		return month_expr(sc, i, i, NO_MOD, x);
	case K_WEEKDAY:
		return weekday_expr(sc, i, i, w->val, NO_MOD, x);
	case K_DAYREL:
		return day_word_expr(sc, i, e, w->val, x);
	case K_MOD:
		return modifier_expr(sc, i, e, w->val, x);
	default:
		return false;
	}
}

/* A dollar with whose it is before it, at the word text[i..e) and a '$' at e: "US$5". */
static bool
prefixed_money_expr(const struct scan *sc, size_t i, size_t e, struct hs_numex *x)
{
	size_t k;

	for (k = 0; k < NELEM(dollar_prefixes); k++)
		if (strlen(dollar_prefixes[k].prefix) == e - i &&
		    memcmp(sc->s + i, dollar_prefixes[k].prefix, e - i) == 0)
			return money_expr(sc, i, e + 1, dollar_prefixes[k].code, x);
	return false;
}

/* ------------------------------------------------------------------------------------ */
/* The fast path: from one place where an expression may start to the next */

/*
 * The scan spends nearly all its time on words that start nothing, so it finds the next
 * start a window of text at a time: 64 bytes, of which the first WIN_STEP are searched
 * and the rest only read, so that the first WIN_STEP bytes have their words (up to
 * WORD_LEN_MAX + 1 letters) and the bytes after them whole in the window.  Per window,
 * bit k of four masks tells whether byte k is a letter, a digit, a byte of class C_SIGN
 * or '$'; from them come the starts of runs of letters and digits, and each start is
 * judged without a branch until one passes.  The window is read in place, or from a
 * copy with zeros after the text's end, so that nothing outside [0,len) is read.
 * HS_NUMEX_PORTABLE, defined, makes the masks without SSE2, as on other machines.
 */
#define WIN		64
#define WIN_STEP	48

#if defined(__SSE2__) && !defined(HS_NUMEX_PORTABLE)
#include <emmintrin.h>

static inline void
window_masks(const unsigned char *w, uint64_t *letters, uint64_t *digits,
    uint64_t *sign_bytes, uint64_t *dollars)
{
	/* Shifted so that the wanted range lands at the bottom of the signed bytes:
	 * SSE2 compares bytes as signed only. */
	const __m128i	 to_a = _mm_set1_epi8((char)(0x80 - 'a'));
	const __m128i	 to_0 = _mm_set1_epi8((char)(0x80 - '0'));
	const __m128i	 top_a = _mm_set1_epi8(-128 + 26);
	const __m128i	 top_0 = _mm_set1_epi8(-128 + 10);
	const __m128i	 case_bit = _mm_set1_epi8(0x20);
	const __m128i	 dollar = _mm_set1_epi8('$');
	const __m128i	 c2 = _mm_set1_epi8((char)0xC2);
	const __m128i	 e2 = _mm_set1_epi8((char)0xE2);
	__m128i		 v, t, u;
	uint64_t	 l = 0, d = 0, g = 0, s = 0;
	int		 q;

	for (q = 0; q < WIN / 16; q++) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(w + 16 * q));
		t = _mm_add_epi8(_mm_or_si128(v, case_bit), to_a);
		l |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(t, top_a)) << 16 * q;
		t = _mm_add_epi8(v, to_0);
		d |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(t, top_0)) << 16 * q;
		u = _mm_cmpeq_epi8(v, dollar);
		s |= (uint64_t)(unsigned)_mm_movemask_epi8(u) << 16 * q;
		t = _mm_or_si128(u,
		    _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
		g |= (uint64_t)(unsigned)_mm_movemask_epi8(t) << 16 * q;
	}
	*letters = l;
	*digits = d;
	*sign_bytes = g;
	*dollars = s;
}
#else
/* Eight bytes at a time in a 64-bit word (SWAR), for machines without SSE2: each test
 * sets the high bit of the bytes that pass, with no carry from one byte to the next,
 * and bytes_mask gathers those bits. */
#define SWAR_ONES	UINT64_C(0x0101010101010101)
#define SWAR_HIGH	(SWAR_ONES * 0x80)
#define SWAR_LOW	(SWAR_ONES * 0x7F)

/* The high bits of bytes of x that are in [lo, hi], where hi < 0x80. */
static inline uint64_t
bytes_between(uint64_t x, unsigned lo, unsigned hi)
{
	uint64_t m = x & SWAR_LOW;

	return (m + SWAR_ONES * (0x80 - lo)) & ~(m + SWAR_ONES * (0x7F - hi)) & ~x &
	    SWAR_HIGH;
}

/* The high bits of bytes of x that are c. */
static inline uint64_t
bytes_equal(uint64_t x, unsigned c)
{
	uint64_t z = x ^ SWAR_ONES * c;

	return ~(((z & SWAR_LOW) + SWAR_LOW) | z) & SWAR_HIGH;
}

/* Bit k for the high bit of byte k. */
static inline unsigned
bytes_mask(uint64_t high)
{
	return (unsigned)(((high >> 7) * UINT64_C(0x0102040810204080)) >> 56);
}

static inline void
window_masks(const unsigned char *w, uint64_t *letters, uint64_t *digits,
    uint64_t *sign_bytes, uint64_t *dollars)
{
	uint64_t	x, dollar, l = 0, d = 0, g = 0, s = 0;
	unsigned	q, k;

	for (q = 0; q < WIN; q += 8) {
		/* byte k of the text is byte k of x, whatever the machine's order */
		for (x = 0, k = 0; k < 8; k++)
			x |= (uint64_t)w[q + k] << 8 * k;
		dollar = bytes_equal(x, '$');
		l |= (uint64_t)bytes_mask(bytes_between(x | SWAR_ONES * 0x20, 'a', 'z')) << q;
		d |= (uint64_t)bytes_mask(bytes_between(x, '0', '9')) << q;
		g |= (uint64_t)bytes_mask(dollar | bytes_equal(x, 0xC2) |
		    bytes_equal(x, 0xE2)) << q;
		s |= (uint64_t)bytes_mask(dollar) << q;
	}
	*letters = l;
	*digits = d;
	*sign_bytes = g;
	*dollars = s;
}
#endif

static inline unsigned
lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned k = 0;

	while (!(m & 1)) {
		m >>= 1;
		k++;
	}
	return k;
#endif
}

/* Whether p starts one of the signs of signs[] (p[1] and p[2] readable): the byte tests
 * that sign_at would make, for the bytes of class C_SIGN, most of which are quotation
 * marks and dashes (E2 80 xx) or no-break spaces (C2 A0). */
static inline bool
currency_sign(const unsigned char *p)
{
	switch (p[0]) {
	case '$':
		return true;
	case 0xC2:
		return p[1] == 0xA3 || p[1] == 0xA5;
	case 0xE2:
		return p[1] == 0x82 && (p[2] == 0xAC || p[2] == 0xB9 || p[2] == 0xBD ||
		    p[2] == 0xA9);
	default:
		return false;
	}
}

/* A window of the text, as next_start last read it. */
struct window {
	size_t			 base;	/* its place in the text; SIZE_MAX: none yet */
	const unsigned char	*w;	/* its WIN bytes, in the text or in pad */
	uint64_t		 letters;
	uint64_t		 starts;	/* where runs of letters start */
	uint64_t		 stops;		/* see read_window; first WIN_STEP bytes */
	uint64_t		 carry;		/* 1: byte WIN_STEP - 1 is a letter or digit */
	unsigned char		 pad[2 * WIN];	/* the end of the text, then zeros */
};

/*
 * Reads the window at b; prev is 1 when the byte before b is a letter or digit.  The
 * stops are the digits and currency signs that no letter or digit comes before, and the
 * trigger words of one or two letters with a dollar sign glued on ("US$5"): the words
 * that next_start judges by their letters are all the other runs of letters.
 */
static void
read_window(const struct scan *sc, struct window *wn, size_t b, uint64_t prev)
{
	const uint64_t	step = (UINT64_C(1) << WIN_STEP) - 1;
	uint64_t	letters, digits, sign_bytes, dollars, alnum, starts, last, m;
	unsigned	k, off;

	wn->base = b;
	if (sc->len - b >= WIN) {
		wn->w = sc->s + b;
		window_masks(wn->w, &letters, &digits, &sign_bytes, &dollars);
	} else if (sc->len >= WIN) {
		/* The text's last WIN bytes, read in place for the masks (which the shift
		 * fills with zeros past the end) and copied for the bytes, with zeros after
		 * them. */
		off = WIN - (sc->len - b);
		memcpy(wn->pad, sc->s + sc->len - WIN, WIN);
		memset(wn->pad + WIN, 0, WIN);
		wn->w = wn->pad + off;
		window_masks(sc->s + sc->len - WIN, &letters, &digits, &sign_bytes, &dollars);
		letters >>= off;
		digits >>= off;
		sign_bytes >>= off;
		dollars >>= off;
	} else {
		memset(wn->pad, 0, sizeof(wn->pad));
		memcpy(wn->pad, sc->s + b, sc->len - b);
		wn->w = wn->pad;
		window_masks(wn->w, &letters, &digits, &sign_bytes, &dollars);
	}
	alnum = letters | digits;
	starts = (alnum | sign_bytes) & ~(alnum << 1 | prev);
	wn->letters = letters;
	wn->starts = starts & letters;
	wn->carry = alnum >> (WIN_STEP - 1) & 1;
	wn->stops = starts & digits & step;
	for (m = starts & sign_bytes & step; m != 0; m &= m - 1)
		if (currency_sign(wn->w + lowest_bit(m)))
			wn->stops |= m & -m;
	/* the last letters of words with '$' after them, and where those words start if
	 * they have one or two letters */
	last = letters & dollars >> 1;
	for (m = starts & letters & (last | last >> 1) & step; m != 0; m &= m - 1) {
		k = lowest_bit(m);
		if (byte_class[wn->w[k]] == C_TRIG)
			wn->stops |= m & -m;
	}
}

/*
 * Whether the article at bit k of the window surely starts nothing (see article_cols).
 * Between it and a scale word after it, or between the two words before "ago", there
 * may be only white space, so each is where the next run of letters starts; when that
 * word may go on past the window, the article may start something.
 */
static inline bool
article_starts_nothing(const struct window *wn, unsigned k)
{
	const unsigned char	*w = wn->w;
	uint64_t		 later = wn->starts & ~((UINT64_C(2) << k) - 1);
	unsigned		 j, n;

	if (later == 0 || (j = lowest_bit(later)) > WIN - 2 - WORD_LEN_MAX)
		return false;
	n = lowest_bit(~(wn->letters >> j) | UINT64_C(1) << (WORD_LEN_MAX + 1));
	if (atomic_load_explicit(&scale_seconds[w[j] & 31][n], memory_order_relaxed) >>
	    (w[j + 1] & 31) & 1)
		return false;
	later &= later - 1;
	if (later == 0 || (j = lowest_bit(later)) > WIN - 3)
		return false;
	return w[j] != 'a' || w[j + 1] != 'g' || w[j + 2] != 'o';
}

/*
 * The first place after i where the scan has more to do than skip: a stop of the window
 * (read_window) or a word of start_filter that starts a run of letters and digits; len
 * if none.  The byte at i is of class C_NONE or C_WORD: the scan would skip from there to
 * the end of its run of letters and digits, and then everything up to the next such run.
 * Where runs start after i does not depend on i, so the window of the last call serves
 * again when i is in its first WIN_STEP bytes.
 */
static size_t
next_start(const struct scan *sc, struct window *wn, size_t i)
{
	const uint64_t		 step = (UINT64_C(1) << WIN_STEP) - 1;
	const unsigned char	*w;
	atomic_uint		*f;
	uint64_t		 after, stops, words;
	size_t			 b;
	unsigned		 k, n, second, third;

	if (wn->base == SIZE_MAX || i < wn->base || i - wn->base >= WIN_STEP)
		read_window(sc, wn, i, 0);	/* the byte at i starts nothing */
	after = ~((UINT64_C(2) << (i - wn->base)) - 1);
	for (;;) {
		b = wn->base;
		w = wn->w;
		stops = wn->stops & after;
		/* the words before the first stop, each judged with no branch but one */
		words = wn->starts & step & after;
		if (stops != 0)
			words &= (stops & -stops) - 1;
		for (; words != 0; words &= words - 1) {
			k = lowest_bit(words);
			n = lowest_bit(~(wn->letters >> k) | UINT64_C(1) << (WORD_LEN_MAX + 1));
			f = start_filter[w[k] & 0x3F][n];
			second = atomic_load_explicit(&f[0], memory_order_relaxed);
			third = atomic_load_explicit(&f[1], memory_order_relaxed);
			if ((second >> (w[k + 1] & 31) & third >> (w[k + 2] & 31) & 1) == 0)
				continue;
			if ((atomic_load_explicit(&article_cols[w[k] & 0x3F],
			    memory_order_relaxed) >> n & 1) && article_starts_nothing(wn, k))
				continue;
			return b + k;
		}
		if (stops != 0)
			return b + lowest_bit(stops);
		if (sc->len - b <= WIN_STEP)
			return sc->len;
		read_window(sc, wn, b + WIN_STEP, wn->carry);
		after = ~UINT64_C(0);
	}
}

/* Whether the anchor is a day of the calendar in the years it may be. */
static bool
anchor_valid(const struct hs_civil_date *a)
{
	return a != NULL && a->year >= 1000 && a->year <= 9000 && a->month >= 1 &&
	    a->month <= 12 && a->day >= 1 && a->day <= month_days(a->year, a->month);
}

int
hs_numex_scan(const char *text, size_t len, const struct hs_civil_date *anchor,
    hs_numex_fn *fn, void *arg)
{
	struct scan		 sc;
	struct window		 wn;
	struct hs_numex		 x;
	const struct word	*w;
	const unsigned char	*s = (const unsigned char *)text;
	const char		*code;
	size_t			 i = 0, e, skip, n, last_end = 0;
	unsigned		 k;
	bool			 found;
	int			 rc;

	if (!atomic_load_explicit(&word_filter_made, memory_order_acquire))
		make_word_filter();
	if (text == NULL)
		len = 0;
	memset(&sc, 0, sizeof(sc));
	wn.base = SIZE_MAX;
	sc.s = s;
	sc.len = len;
	if ((sc.anchored = anchor_valid(anchor))) {
		sc.ay = anchor->year;
		sc.am = anchor->month;
		sc.aday = day_number(sc.ay, sc.am, anchor->day);
	}
	while (i < len) {
		/* The hot path: next_start passes over what starts nothing. */
		if ((k = byte_class[s[i]]) == C_NONE || k == C_WORD) {
			if ((i = next_start(&sc, &wn, i)) == len)
				return 0;
			k = byte_class[s[i]];
		}
		if (k == C_DIGIT) {
			if (!digits_expr(&sc, i, &x, &skip)) {
				i = skip > i ? skip : i + 1;
				continue;
			}
		} else if (k == C_TRIG) {
			for (e = i + 1; e < len && (byte_class[s[e]] == C_WORD ||
			    byte_class[s[e]] == C_TRIG); e++)
				continue;
			if (e < len && byte_class[s[e]] == C_DIGIT) {
				i = alnum_end(&sc, e);
				continue;
			}
			if (e < len && s[e] == '$')
				found = prefixed_money_expr(&sc, i, e, &x);
			else if (!word_may_be_known(s + i, e - i))
				found = false;	/* most words end here */
			else
				found = (w = word_lookup(&sc, i, e)) != NULL &&
				    word_expr(&sc, i, e, w, &x);
			if (!found) {
				i = e;
				continue;
			}
		} else if ((i > 0 && is_alnum(s[i - 1])) ||
		    (code = sign_at(&sc, i, &n)) == NULL ||
		    !money_expr(&sc, i, i + n, code, &x)) {
			i++;
			continue;
		}
		/* Only the apostrophe of "'90s" reaches back before i; never into the
		 * expression before. */
		if (x.start < last_end)
			x.start = i;
		if ((rc = fn(&x, arg)) != 0)
			return rc;
		i = last_end = x.end;
	}
	return 0;
}

const char *
hs_numex_type_name(enum hs_numex_type type)
{
	switch (type) {
	case HS_NUMEX_DATE:
		return "DATE";
	case HS_NUMEX_MONEY:
		return "MONEY";
	case HS_NUMEX_PERCENT:
		return "PERCENT";
	case HS_NUMEX_QUANTITY:
		return "QUANTITY";
	default:
		return "?";
	}
}
