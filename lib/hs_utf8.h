/* hs_utf8.h: UTF-8 decoding and validation, strict (RFC 3629): no overlong forms,
 * no surrogates, nothing above U+10FFFF. Every text decision in hearsay goes through here. */
#ifndef HS_UTF8_H
#define HS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HS_UTF8_INVALID	UINT32_C(0xFFFFFFFF)

/* Length (1 to 4) of the valid sequence at s[0..n), or 0 when s does not start one. */
size_t		hs_utf8_seqlen(const unsigned char *s, size_t n);
/* The code point at s[0..n) and its length in *len; HS_UTF8_INVALID with *len = 1
 * for a byte that does not start a valid sequence. n must be at least 1. */
uint32_t	hs_utf8_decode(const unsigned char *s, size_t n, size_t *len);
/* The code point that ends just before s[pos], and its length in *len; HS_UTF8_INVALID
 * with *len = 1 when the byte before pos does not end a valid sequence. pos >= 1. */
uint32_t	hs_utf8_decode_prev(const unsigned char *s, size_t pos, size_t *len);
/* Offset of the first byte in s[0..n) that is NUL or not part of valid UTF-8, or n. */
size_t		hs_utf8_find_bad(const unsigned char *s, size_t n);
/* Offset of the first byte of the incomplete sequence at the end of s[0..n), or n when
 * s does not end in the middle of a valid sequence: where a reader may cut a chunk. */
size_t		hs_utf8_complete_prefix(const unsigned char *s, size_t n);

/* Whether code point c is an upper-case letter (Latin, Greek, Cyrillic). */
bool		hs_cp_upper(uint32_t c);
/* Whether a code point of two bytes or more is part of a word: letters of any script,
 * not punctuation, spaces or symbols. */
bool		hs_cp_wordchar(uint32_t c);

#endif
