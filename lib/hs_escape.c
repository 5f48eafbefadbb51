/* hs_escape.c: the field escaping of hearsay(7), and JSON string escaping.
 * Escaping runs over every output byte, so plain runs are found with a table and
 * copied whole into room reserved once for the worst case. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hs_escape.h"
#include "hs_utf8.h"

static const char hexdigits[] = "0123456789abcdef";

/* Bytes that the TSV escaping must look at: NUL, TAB, LF, CR, backslash, non-ASCII. */
static const unsigned char tsv_special[256] = {
	[0] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\\'] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

/* Whether one of the eight bytes of w may need escaping: a byte below 14 (NUL, TAB,
 * LF, CR and a few harmless others), a backslash, and unless the text is known to be
 * clean UTF-8, a byte with the high bit set. A false alarm only sends those bytes
 * through the byte-wise check. */
static inline int
word_may_need_escape(uint64_t w, int clean)
{
	uint64_t below14 = (w - 14 * ONES) & ~w;
	uint64_t bs = w ^ ('\\' * ONES);
	uint64_t hits = below14 | ((bs - ONES) & ~bs);

	if (!clean)
		hits |= w;
	return (hits & HIGHS) != 0;
}

/* The end of the run of bytes from i on that need no escaping. News text is mostly
 * such bytes, so they are passed over many at a time. */
static inline size_t
plain_run_end(const unsigned char *s, size_t i, size_t n, int clean)
{
	uint64_t w;

#ifdef __SSE2__
	const __m128i	thirteen = _mm_set1_epi8(13);
	const __m128i	backslash = _mm_set1_epi8('\\');
	__m128i		x, hits;
	unsigned	mask;

	while (i + 16 <= n) {
		x = _mm_loadu_si128((const __m128i *)(s + i));
		/* x <= 13 unsigned, or x == '\\' */
		hits = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, thirteen), x),
		    _mm_cmpeq_epi8(x, backslash));
		if (!clean)
			hits = _mm_or_si128(hits, x);
		if ((mask = (unsigned)_mm_movemask_epi8(hits)) != 0)
			return i + (size_t)__builtin_ctz(mask);
		i += 16;
	}
#endif
	while (i + 8 <= n) {
		memcpy(&w, s + i, 8);
		if (word_may_need_escape(w, clean))
			break;
		i += 8;
	}
	while (i < n && (clean ? s[i] >= 0x80 || !tsv_special[s[i]] : !tsv_special[s[i]]))
		i++;
	return i;
}

static void
escape_tsv(struct hs_buf *b, const char *str, size_t n, int clean)
{
	const unsigned char	*s = (const unsigned char *)str;
	char			*out;
	size_t			 i = 0, run, k;

	/* An empty field appends nothing; this also keeps NULL + 0 off a fresh buffer. */
	if (n == 0)
		return;
	if (n > (SIZE_MAX - b->len) / 4)
		hs_buf_reserve(b, SIZE_MAX);	/* fails with the overflow message */
	hs_buf_reserve(b, 4 * n);		/* \xHH is the longest form of a byte */
	out = b->data + b->len;
	while (i < n) {
		run = plain_run_end(s, i, n, clean);
		memcpy(out, s + i, run - i);
		out += run - i;
		if ((i = run) == n)
			break;
		switch (s[i]) {
		case '\t':
			*out++ = '\\', *out++ = 't', i++;
			continue;
		case '\n':
			*out++ = '\\', *out++ = 'n', i++;
			continue;
		case '\r':
			*out++ = '\\', *out++ = 'r', i++;
			continue;
		case '\\':
			*out++ = '\\', *out++ = '\\', i++;
			continue;
		}
		if (s[i] != 0 && (k = hs_utf8_seqlen(s + i, n - i)) != 0) {
			memcpy(out, s + i, k);
			out += k;
			i += k;
			continue;
		}
		*out++ = '\\', *out++ = 'x';
		*out++ = hexdigits[s[i] >> 4];
		*out++ = hexdigits[s[i] & 15];
		i++;
	}
	b->len = out - b->data;
}

void
hs_escape_tsv(struct hs_buf *b, const char *s, size_t n)
{
	escape_tsv(b, s, n, 0);
}

void
hs_escape_tsv_clean(struct hs_buf *b, const char *s, size_t n)
{
	escape_tsv(b, s, n, 1);
}

void
hs_escape_json(struct hs_buf *b, const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, k;
	unsigned char		 c;

	hs_buf_reserve(b, n + 16);
	while (i < n) {
		c = s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			hs_buf_putc(b, c);
			i++;
			continue;
		}
		if (c >= 0x80) {
			if ((k = hs_utf8_seqlen(s + i, n - i)) != 0)
				hs_buf_append(b, s + i, k);
			else {
				hs_buf_append(b, "\xEF\xBF\xBD", 3);	/* U+FFFD */
				k = 1;
			}
			i += k;
			continue;
		}
		hs_buf_putc(b, '\\');
		switch (c) {
		case '"':
		case '\\':
			hs_buf_putc(b, c);
			break;
		case '\n':
			hs_buf_putc(b, 'n');
			break;
		case '\r':
			hs_buf_putc(b, 'r');
			break;
		case '\t':
			hs_buf_putc(b, 't');
			break;
		default:
			hs_buf_append(b, "u00", 3);
			hs_buf_putc(b, hexdigits[c >> 4]);
			hs_buf_putc(b, hexdigits[c & 15]);
			break;
		}
		i++;
	}
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
hs_unescape_tsv(struct hs_buf *b, const char *s, size_t n)
{
	const char	*bs;
	size_t		 i = 0;
	int		 hi, lo;

	while (i < n) {
		if ((bs = memchr(s + i, '\\', n - i)) == NULL) {
			hs_buf_append(b, s + i, n - i);
			return 0;
		}
		hs_buf_append(b, s + i, bs - (s + i));
		i = bs - s;
		if (i + 1 >= n)
			return -1;
		switch (s[i + 1]) {
		case 't':
			hs_buf_putc(b, '\t');
			break;
		case 'n':
			hs_buf_putc(b, '\n');
			break;
		case 'r':
			hs_buf_putc(b, '\r');
			break;
		case '\\':
			hs_buf_putc(b, '\\');
			break;
		case 'x':
			if (i + 3 >= n || (hi = hexval(s[i + 2])) == -1 ||
			    (lo = hexval(s[i + 3])) == -1)
				return -1;
			hs_buf_putc(b, (char)(hi << 4 | lo));
			i += 4;
			continue;
		default:
			return -1;
		}
		i += 2;
	}
	return 0;
}
