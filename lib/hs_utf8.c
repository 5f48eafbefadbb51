/* hs_utf8.c: strict UTF-8 decoding and validation.
 * The validator runs over every input byte, so ASCII is skipped eight bytes at a time. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hs_utf8.h"

size_t
hs_utf8_seqlen(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;		/* continuation byte, or overlong 2-byte lead */
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;	/* above U+10FFFF */
		return 4;
	}
	return 0;
}

uint32_t
hs_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	size_t k = hs_utf8_seqlen(s, n);

	*len = k ? k : 1;
	switch (k) {
	case 1:
		return s[0];
	case 2:
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	case 3:
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
	case 4:
		return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	default:
		return HS_UTF8_INVALID;
	}
}

uint32_t
hs_utf8_decode_prev(const unsigned char *s, size_t pos, size_t *len)
{
	size_t	 back, k;
	uint32_t cp;

	/* Step back over at most three continuation bytes to a lead byte. */
	for (back = 1; back <= 4 && back <= pos; back++) {
		if ((s[pos - back] & 0xC0) != 0x80)
			break;
	}
	if (back > 4 || back > pos) {
		*len = 1;
		return HS_UTF8_INVALID;
	}
	cp = hs_utf8_decode(s + pos - back, back, &k);
	if (cp == HS_UTF8_INVALID || k != back) {
		*len = 1;
		return HS_UTF8_INVALID;
	}
	*len = back;
	return cp;
}

/* Whether any of the eight bytes at s is NUL or has its high bit set. */
static inline int
word_needs_look(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return ((w & UINT64_C(0x8080808080808080)) |
	    ((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080))) != 0;
}

#ifdef __SSE2__
/* A bit for each of the sixteen bytes at s that is NUL or has its high bit set. */
static inline unsigned
block_look_mask(const unsigned char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)s);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(x,
	    _mm_cmpeq_epi8(x, _mm_setzero_si128())));
}
#endif

size_t
hs_utf8_find_bad(const unsigned char *s, size_t n)
{
	size_t		i = 0, k;
#ifdef __SSE2__
	unsigned	mask;
#endif

	while (i < n) {
#ifdef __SSE2__
		/* Jump straight to the first byte that needs a look: a curly quote
		 * in a block must not cost a retry for each ASCII byte before it. */
		if (i + 16 <= n) {
			if ((mask = block_look_mask(s + i)) == 0) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz(mask);
		}
#endif
		if (i + 8 <= n && !word_needs_look(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] == 0)
			return i;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = hs_utf8_seqlen(s + i, n - i)) == 0)
			return i;
		i += k;
	}
	return n;
}

size_t
hs_utf8_complete_prefix(const unsigned char *s, size_t n)
{
	size_t	back, need;
	unsigned char c;

	/* Look at the last lead byte within three bytes of the end. */
	for (back = 1; back <= 4 && back <= n; back++) {
		c = s[n - back];
		if ((c & 0xC0) == 0x80)
			continue;
		if (c < 0xC0)
			return n;	/* ASCII, or an invalid byte: nothing to wait for */
		need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
		/* An unfinished sequence, valid or not, is left for the next chunk. */
		return back < need ? n - back : n;
	}
	return n;
}

bool
hs_cp_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14A && c <= 0x177)
		return (c & 1) == 0;
	if (c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D)
		return true;
	if (c >= 0x391 && c <= 0x3AB)
		return true;
	return c >= 0x400 && c <= 0x42F;
}

/* Whether a code point of two bytes or more is part of a word: letters of any script,
 * not the punctuation, spaces and symbols of the ranges below. */
bool
hs_cp_wordchar(uint32_t c)
{
	if (c < 0xC0)
		return false;
	if (c == 0xD7 || c == 0xF7)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF)
		return false;
	if (c >= 0x3000 && c <= 0x303F)
		return false;
	if (c >= 0xFE00 && c <= 0xFEFF)
		return false;
	if (c >= 0xFF00 && c <= 0xFF20)
		return false;
	return c < 0x1F000;
}
