/* test_utf8.c: unit tests of lib/hs_utf8.c, the strict UTF-8 decoder and validator.
 * Tables of byte strings with exact answers, plus a brute-force check against a plain reference. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_utf8.h"
#include "suites.h"

static const unsigned char *
u(const char *s)
{
	return (const unsigned char *)s;
}

/* A deliberately naive decoder, written apart from the one under test: decode by the
 * lead byte's pattern, then reject by value. Returns the length, 0 if invalid. */
static size_t
ref_seqlen(const unsigned char *s, size_t n, uint32_t *cpp)
{
	static const uint32_t	 least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t			 len, i;
	uint32_t		 cp;

	if (s[0] < 0x80) {
		*cpp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	*cpp = cp;
	return len;
}

static const struct {
	struct th_bytes	 in;
	size_t		 len;		/* hs_utf8_seqlen */
	uint32_t	 cp;		/* hs_utf8_decode */
} decode_cases[] = {
	/* one byte */
	{ TH_B("A"), 1, 0x41 },
	{ TH_B("\0"), 1, 0 },
	{ TH_B("\x7F"), 1, 0x7F },
	{ TH_B("Az"), 1, 0x41 },
	/* two bytes */
	{ TH_B("\xC2\x80"), 2, 0x80 },
	{ TH_B("\xC2\xA0"), 2, 0xA0 },
	{ TH_B("\xC3\xA9"), 2, 0xE9 },
	{ TH_B("\xDF\xBF"), 2, 0x7FF },
	{ TH_B("\xC3\xA9Z"), 2, 0xE9 },
	/* three bytes */
	{ TH_B("\xE0\xA0\x80"), 3, 0x800 },
	{ TH_B("\xE2\x80\x94"), 3, 0x2014 },
	{ TH_B("\xE2\x82\xAC"), 3, 0x20AC },
	{ TH_B("\xED\x9F\xBF"), 3, 0xD7FF },
	{ TH_B("\xEE\x80\x80"), 3, 0xE000 },
	{ TH_B("\xEF\xBB\xBF"), 3, 0xFEFF },
	{ TH_B("\xEF\xBF\xBF"), 3, 0xFFFF },
	/* four bytes */
	{ TH_B("\xF0\x90\x80\x80"), 4, 0x10000 },
	{ TH_B("\xF0\x9F\x98\x80"), 4, 0x1F600 },
	{ TH_B("\xF3\xBF\xBF\xBF"), 4, 0xFFFFF },
	{ TH_B("\xF4\x8F\xBF\xBF"), 4, 0x10FFFF },
	/* overlong forms */
	{ TH_B("\xC0\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xC0\xAF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xC1\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE0\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE0\x9F\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x80\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x8F\xBF\xBF"), 0, HS_UTF8_INVALID },
	/* surrogates */
	{ TH_B("\xED\xA0\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xED\xAF\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xED\xB0\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xED\xBF\xBF"), 0, HS_UTF8_INVALID },
	/* above U+10FFFF, and bytes that never occur */
	{ TH_B("\xF4\x90\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF4\xBF\xBF\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF5\x80\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF7\xBF\xBF\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF8\x88\x80\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xFC\x84\x80\x80\x80\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xFE"), 0, HS_UTF8_INVALID },
	{ TH_B("\xFF"), 0, HS_UTF8_INVALID },
	/* lone continuation bytes */
	{ TH_B("\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xBF"), 0, HS_UTF8_INVALID },
	{ TH_B("\x80\x80"), 0, HS_UTF8_INVALID },
	/* truncated sequences */
	{ TH_B("\xC3"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE2"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE2\x82"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x9F"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x9F\x98"), 0, HS_UTF8_INVALID },
	/* a non-continuation byte where a continuation must be */
	{ TH_B("\xC3\x41"), 0, HS_UTF8_INVALID },
	{ TH_B("\xC3\xC3\xA9"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE2\x41\xAC"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE2\x82\x41"), 0, HS_UTF8_INVALID },
	{ TH_B("\xE2\x82\0"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x9F\x41\x80"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x9F\x98\xC0"), 0, HS_UTF8_INVALID },
	{ TH_B("\xF0\x9F\x98\x41"), 0, HS_UTF8_INVALID },
};

START_TEST(test_seqlen_and_decode)
{
	size_t		 i, len, k;
	uint32_t	 cp;

	for (i = 0; i < TH_NELEM(decode_cases); i++) {
		const struct th_bytes *in = &decode_cases[i].in;

		k = hs_utf8_seqlen(u(in->s), in->n);
		ck_assert_msg(k == decode_cases[i].len,
		    "case %zu: seqlen %zu, want %zu", i, k, decode_cases[i].len);
		cp = hs_utf8_decode(u(in->s), in->n, &len);
		ck_assert_msg(cp == decode_cases[i].cp,
		    "case %zu: decode U+%04X, want U+%04X", i, (unsigned)cp,
		    (unsigned)decode_cases[i].cp);
		ck_assert_msg(len == (decode_cases[i].len ? decode_cases[i].len : 1),
		    "case %zu: decode length %zu", i, len);
	}
}
END_TEST

/* A valid sequence whose length n is smaller than the sequence is truncated. */
START_TEST(test_seqlen_respects_n)
{
	static const struct th_bytes full[] = {
		TH_B("\xC3\xA9"), TH_B("\xE2\x82\xAC"), TH_B("\xF0\x9F\x98\x80"),
	};
	size_t	 i, n, len;

	for (i = 0; i < TH_NELEM(full); i++) {
		for (n = 1; n < full[i].n; n++) {
			ck_assert_msg(hs_utf8_seqlen(u(full[i].s), n) == 0,
			    "case %zu, n %zu", i, n);
			ck_assert_msg(hs_utf8_decode(u(full[i].s), n, &len) ==
			    HS_UTF8_INVALID && len == 1, "case %zu, n %zu", i, n);
		}
		ck_assert_msg(hs_utf8_seqlen(u(full[i].s), full[i].n) == full[i].n,
		    "case %zu", i);
	}
}
END_TEST

/* Every code point round-trips; every encoded surrogate is rejected. */
START_TEST(test_every_code_point)
{
	unsigned char	 buf[4];
	uint32_t	 cp, got;
	size_t		 n, len;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		n = th_utf8_encode(cp, buf);
		got = hs_utf8_decode(buf, n, &len);
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			TH_REQUIRE(got == HS_UTF8_INVALID && len == 1,
			    "surrogate U+%04X accepted", (unsigned)cp);
			continue;
		}
		TH_REQUIRE(got == cp && len == n, "U+%04X: got U+%04X len %zu",
		    (unsigned)cp, (unsigned)got, len);
	}
}
END_TEST

/* Brute force against the reference: all two-byte inputs, all three-byte inputs with a
 * three-byte lead, and four-byte inputs with a spread of trailing bytes. */
START_TEST(test_against_reference)
{
	static const unsigned char tails[] = {
		0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF,
	};
	unsigned char	 s[4];
	uint32_t	 want = 0, got;
	size_t		 a, b, c, d, k, ref, len;

	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			s[0] = a, s[1] = b;
			ref = ref_seqlen(s, 2, &want);
			k = hs_utf8_seqlen(s, 2);
			TH_REQUIRE(k == ref, "%02zx %02zx: %zu, want %zu", a, b, k, ref);
			got = hs_utf8_decode(s, 2, &len);
			if (ref)
				TH_REQUIRE(got == want && len == ref, "%02zx %02zx", a, b);
			else
				TH_REQUIRE(got == HS_UTF8_INVALID && len == 1,
				    "%02zx %02zx", a, b);
		}
	}
	for (a = 0xE0; a < 0xF0; a++) {
		for (b = 0; b < 256; b++) {
			for (c = 0; c < 256; c++) {
				s[0] = a, s[1] = b, s[2] = c;
				ref = ref_seqlen(s, 3, &want);
				k = hs_utf8_seqlen(s, 3);
				TH_REQUIRE(k == ref, "%02zx %02zx %02zx: %zu, want %zu",
				    a, b, c, k, ref);
			}
		}
	}
	for (a = 0xF0; a < 0x100; a++) {
		for (b = 0; b < 256; b++) {
			for (c = 0; c < TH_NELEM(tails); c++) {
				for (d = 0; d < TH_NELEM(tails); d++) {
					s[0] = a, s[1] = b, s[2] = tails[c];
					s[3] = tails[d];
					ref = ref_seqlen(s, 4, &want);
					k = hs_utf8_seqlen(s, 4);
					TH_REQUIRE(k == ref, "%02x %02x %02x %02x: %zu, "
					    "want %zu", s[0], s[1], s[2], s[3], k, ref);
					got = hs_utf8_decode(s, 4, &len);
					TH_REQUIRE(!ref || (got == want && len == 4),
					    "%02x %02x %02x %02x: U+%04X", s[0], s[1],
					    s[2], s[3], (unsigned)got);
				}
			}
		}
	}
}
END_TEST

/* "a" U+00E9 U+20AC U+1F600 "z": a character of every length. */
static const char mixed[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";

static const struct {
	struct th_bytes	 in;
	size_t		 pos;
	uint32_t	 cp;
	size_t		 len;
} prev_cases[] = {
	{ TH_B(mixed), 1, 0x61, 1 },
	{ TH_B(mixed), 2, HS_UTF8_INVALID, 1 },	/* just after a lead byte */
	{ TH_B(mixed), 3, 0xE9, 2 },
	{ TH_B(mixed), 4, HS_UTF8_INVALID, 1 },
	{ TH_B(mixed), 5, HS_UTF8_INVALID, 1 },
	{ TH_B(mixed), 6, 0x20AC, 3 },
	{ TH_B(mixed), 7, HS_UTF8_INVALID, 1 },
	{ TH_B(mixed), 8, HS_UTF8_INVALID, 1 },
	{ TH_B(mixed), 9, HS_UTF8_INVALID, 1 },
	{ TH_B(mixed), 10, 0x1F600, 4 },
	{ TH_B(mixed), 11, 0x7A, 1 },
	/* the sequence starts at offset 0 */
	{ TH_B("\xC3\xA9"), 2, 0xE9, 2 },
	{ TH_B("\xE2\x82\xAC"), 3, 0x20AC, 3 },
	{ TH_B("\xF4\x8F\xBF\xBF"), 4, 0x10FFFF, 4 },
	{ TH_B("\0"), 1, 0, 1 },
	/* continuation bytes running past the start of the string */
	{ TH_B("\x80"), 1, HS_UTF8_INVALID, 1 },
	{ TH_B("\x82\xAC"), 2, HS_UTF8_INVALID, 1 },
	{ TH_B("\x9F\x98\x80"), 3, HS_UTF8_INVALID, 1 },
	/* too many continuation bytes */
	{ TH_B("\xF0\x9F\x98\x80\x80"), 5, HS_UTF8_INVALID, 1 },
	{ TH_B("a\x80\x80\x80\x80"), 5, HS_UTF8_INVALID, 1 },
	{ TH_B("\xC3\xA9\xA9"), 3, HS_UTF8_INVALID, 1 },
	{ TH_B("a\x80"), 2, HS_UTF8_INVALID, 1 },
	/* invalid sequences of the right shape */
	{ TH_B("\xC0\x80"), 2, HS_UTF8_INVALID, 1 },
	{ TH_B("\xE0\x80\x80"), 3, HS_UTF8_INVALID, 1 },
	{ TH_B("\xF0\x80\x80\x80"), 4, HS_UTF8_INVALID, 1 },
	{ TH_B("\xED\xA0\x80"), 3, HS_UTF8_INVALID, 1 },
	{ TH_B("\xF4\x90\x80\x80"), 4, HS_UTF8_INVALID, 1 },
	{ TH_B("\xFF\x80"), 2, HS_UTF8_INVALID, 1 },
	{ TH_B("x\xFF"), 2, HS_UTF8_INVALID, 1 },
	{ TH_B("\xE2\x82\xAC\xC3"), 4, HS_UTF8_INVALID, 1 },
};

START_TEST(test_decode_prev)
{
	size_t		 i, len;
	uint32_t	 cp;

	for (i = 0; i < TH_NELEM(prev_cases); i++) {
		cp = hs_utf8_decode_prev(u(prev_cases[i].in.s), prev_cases[i].pos, &len);
		ck_assert_msg(cp == prev_cases[i].cp, "case %zu: U+%04X, want U+%04X",
		    i, (unsigned)cp, (unsigned)prev_cases[i].cp);
		ck_assert_msg(len == prev_cases[i].len, "case %zu: len %zu, want %zu",
		    i, len, prev_cases[i].len);
	}
}
END_TEST

/* Walking back through random valid text meets the same characters as walking forward. */
START_TEST(test_decode_prev_mirrors_decode)
{
	unsigned char	 text[4 * 200];
	uint32_t	 cps[200], cp;
	uint64_t	 seed = 0x9E3779B97F4A7C15ULL;
	size_t		 n, i, len, pos, round;

	for (round = 0; round < 200; round++) {
		n = 0;
		for (i = 0; i < 200; i++) {
			do {
				switch (th_next_random(&seed) % 4) {
				case 0:
					cp = th_next_random(&seed) % 0x80;
					break;
				case 1:
					cp = 0x80 + th_next_random(&seed) % 0x780;
					break;
				case 2:
					cp = 0x800 + th_next_random(&seed) % 0xF800;
					break;
				default:
					cp = 0x10000 + th_next_random(&seed) % 0x100000;
					break;
				}
			} while (cp >= 0xD800 && cp <= 0xDFFF);
			cps[i] = cp;
			n += th_utf8_encode(cp, text + n);
		}
		ck_assert_uint_eq(hs_utf8_find_bad(text, n),
		    memchr(text, 0, n) ? (size_t)((unsigned char *)memchr(text, 0, n) - text)
		    : n);
		for (pos = n, i = 200; i-- > 0; pos -= len) {
			cp = hs_utf8_decode_prev(text, pos, &len);
			ck_assert_msg(cp == cps[i], "round %zu char %zu: U+%04X, want U+%04X",
			    round, i, (unsigned)cp, (unsigned)cps[i]);
		}
		ck_assert_uint_eq(pos, 0);
	}
}
END_TEST

static const struct {
	struct th_bytes	 in;
	size_t		 bad;
} find_bad_cases[] = {
	{ TH_B(""), 0 },
	{ TH_B("abc"), 3 },
	{ TH_B("\0"), 0 },
	{ TH_B("ab\0c"), 2 },
	{ TH_B("\x01\x7F"), 2 },
	{ TH_B(mixed), sizeof(mixed) - 1 },
	{ TH_B("\xC3\xA9\xC3"), 2 },
	{ TH_B("a\xC3"), 1 },
	{ TH_B("a\xE2\x82"), 1 },
	{ TH_B("a\xF0\x9F\x98"), 1 },
	{ TH_B("a\xC3z"), 1 },
	{ TH_B("\xE2\x82\xAC\x80"), 3 },
	{ TH_B("abc\xED\xA0\x80"), 3 },
	{ TH_B("\xC0\x80"), 0 },
	{ TH_B("x\xE0\x80\x80"), 1 },
	{ TH_B("xy\xF0\x80\x80\x80"), 2 },
	{ TH_B("\xF4\x90\x80\x80"), 0 },
	{ TH_B("\xF0\x9F\x98\x80\xFF"), 4 },
	{ TH_B("\xF0\x9F\x98\x80\0"), 4 },
	{ TH_B("\xC3\xA9\xE2\x82\xAC\xF5"), 5 },
};

START_TEST(test_find_bad)
{
	size_t i, got;

	for (i = 0; i < TH_NELEM(find_bad_cases); i++) {
		got = hs_utf8_find_bad(u(find_bad_cases[i].in.s), find_bad_cases[i].in.n);
		ck_assert_msg(got == find_bad_cases[i].bad, "case %zu: %zu, want %zu",
		    i, got, find_bad_cases[i].bad);
	}
}
END_TEST

/* find_bad on a heap copy of exactly n bytes, so that a sanitizer build catches the
 * word-at-a-time path reading past the end. */
static size_t
find_bad_exact(const unsigned char *s, size_t n)
{
	unsigned char	*copy;
	size_t		 r;

	ck_assert_ptr_nonnull(copy = malloc(n ? n : 1));
	memcpy(copy, s, n);
	r = hs_utf8_find_bad(copy, n);
	free(copy);
	return r;
}

/* The fast path skips eight ASCII bytes at a time: put each kind of bad byte at every
 * offset 0..20 after an ASCII run, with ASCII tails of several lengths after it. */
START_TEST(test_find_bad_after_ascii_runs)
{
	static const struct th_bytes bad[] = {
		TH_B("\0"), TH_B("\x80"), TH_B("\xBF"), TH_B("\xFF"), TH_B("\xC0\x80"),
		TH_B("\xC3"), TH_B("\xC3z"), TH_B("\xE2\x82z"), TH_B("\xED\xA0\x80"),
		TH_B("\xF4\x90\x80\x80"),
	};
	static const size_t tails[] = { 0, 1, 7, 8, 9, 16, 17 };
	unsigned char	 buf[64];
	size_t		 b, off, t, n, got;

	for (b = 0; b < TH_NELEM(bad); b++) {
		for (off = 0; off <= 20; off++) {
			for (t = 0; t < TH_NELEM(tails); t++) {
				memset(buf, 'a' + off % 26, off);
				memcpy(buf + off, bad[b].s, bad[b].n);
				n = off + bad[b].n;
				memset(buf + n, 'q', tails[t]);
				n += tails[t];
				got = find_bad_exact(buf, n);
				ck_assert_msg(got == off, "bad %zu at %zu, tail %zu: %zu",
				    b, off, tails[t], got);
			}
		}
	}
}
END_TEST

/* Valid text at every offset is never reported, whatever the ASCII bytes are. */
START_TEST(test_find_bad_valid_at_every_offset)
{
	static const struct th_bytes good[] = {
		TH_B("\x01"), TH_B("\x7F"), TH_B("\xC2\x80"), TH_B("\xE2\x82\xAC"),
		TH_B("\xF0\x9F\x98\x80"), TH_B("\xF4\x8F\xBF\xBF"), TH_B("\xEF\xBB\xBF"),
	};
	unsigned char	 buf[64];
	size_t		 g, off, t, n, i;

	for (g = 0; g < TH_NELEM(good); g++) {
		for (off = 0; off <= 20; off++) {
			for (t = 0; t <= 17; t++) {
				for (i = 0; i < off; i++)
					buf[i] = 1 + (i * 37) % 127;
				memcpy(buf + off, good[g].s, good[g].n);
				n = off + good[g].n;
				memset(buf + n, '\x7F', t);
				n += t;
				ck_assert_msg(find_bad_exact(buf, n) == n,
				    "good %zu at %zu, tail %zu", g, off, t);
			}
		}
	}
}
END_TEST

static const struct {
	struct th_bytes	 in;
	size_t		 cut;
} prefix_cases[] = {
	{ TH_B(""), 0 },
	{ TH_B("abc"), 3 },
	{ TH_B("ab\0"), 3 },
	/* cut inside a two-byte sequence */
	{ TH_B("a\xC3"), 1 },
	{ TH_B("a\xC3\xA9"), 3 },
	/* inside a three-byte sequence */
	{ TH_B("a\xE2"), 1 },
	{ TH_B("a\xE2\x82"), 1 },
	{ TH_B("a\xE2\x82\xAC"), 4 },
	/* inside a four-byte sequence */
	{ TH_B("a\xF0"), 1 },
	{ TH_B("a\xF0\x9F"), 1 },
	{ TH_B("a\xF0\x9F\x98"), 1 },
	{ TH_B("a\xF0\x9F\x98\x80"), 5 },
	/* the unfinished sequence is the whole string */
	{ TH_B("\xC3"), 0 },
	{ TH_B("\xE2\x82"), 0 },
	{ TH_B("\xF0\x9F\x98"), 0 },
	/* after complete multibyte characters */
	{ TH_B("\xC3\xA9\xE2\x82\xAC\xF0\x9F"), 5 },
	{ TH_B("\xF0\x9F\x98\x80\xC3"), 4 },
	/* nothing to wait for: stray bytes that no later byte can complete */
	{ TH_B("\x80"), 1 },
	{ TH_B("a\x80"), 2 },
	{ TH_B("\x80\x80\x80\x80\x80"), 5 },
	{ TH_B("\xC3\xA9\x80"), 3 },
	{ TH_B("\xE2\x82\xAC\x80"), 4 },
	{ TH_B("a\xFF"), 2 },
	{ TH_B("a\xF8\x88"), 3 },
};

START_TEST(test_complete_prefix)
{
	size_t i, got;

	for (i = 0; i < TH_NELEM(prefix_cases); i++) {
		got = hs_utf8_complete_prefix(u(prefix_cases[i].in.s),
		    prefix_cases[i].in.n);
		ck_assert_msg(got == prefix_cases[i].cut, "case %zu: %zu, want %zu",
		    i, got, prefix_cases[i].cut);
	}
}
END_TEST

/* Cutting valid text at every length: the cut is on a character boundary within three
 * bytes of the end, what is kept is valid, and what is held back is the start of the
 * character that runs past the end. */
START_TEST(test_complete_prefix_every_cut)
{
	unsigned char	 text[4 * 64];
	uint64_t	 seed = 42;
	uint32_t	 cp;
	size_t		 n = 0, k, cut, i, bounds[65], nb = 0;

	for (i = 0; i < 64; i++) {
		do
			cp = 1 + th_next_random(&seed) % 0x10FFFF;
		while (cp >= 0xD800 && cp <= 0xDFFF);
		if (i % 3 == 0)
			cp %= 0x800;
		if (cp == 0)
			cp = 'x';
		bounds[nb++] = n;
		n += th_utf8_encode(cp, text + n);
	}
	bounds[nb] = n;
	for (k = 0; k <= n; k++) {
		cut = hs_utf8_complete_prefix(text, k);
		ck_assert_msg(cut <= k && k - cut <= 3, "k %zu: cut %zu", k, cut);
		for (i = 0; i <= nb && bounds[i] < cut; i++)
			;
		ck_assert_msg(i <= nb && bounds[i] == cut, "k %zu: cut %zu mid-char",
		    k, cut);
		/* the cut is the last boundary at or before k */
		ck_assert_msg(i == nb || bounds[i + 1] > k, "k %zu: cut %zu too early",
		    k, cut);
		ck_assert_msg(hs_utf8_find_bad(text, cut) == cut, "k %zu", k);
	}
}
END_TEST

Suite *
hs_utf8_suite(void)
{
	Suite	*s = suite_create("utf8");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_seqlen_and_decode);
	tcase_add_test(tc, test_seqlen_respects_n);
	tcase_add_test(tc, test_every_code_point);
	tcase_add_test(tc, test_against_reference);
	tcase_add_test(tc, test_decode_prev);
	tcase_add_test(tc, test_decode_prev_mirrors_decode);
	tcase_add_test(tc, test_find_bad);
	tcase_add_test(tc, test_find_bad_after_ascii_runs);
	tcase_add_test(tc, test_find_bad_valid_at_every_offset);
	tcase_add_test(tc, test_complete_prefix);
	tcase_add_test(tc, test_complete_prefix_every_cut);
	suite_add_tcase(s, tc);
	return s;
}
