/* hs_escape.h: the field escaping of hearsay(7), both ways, and JSON string escaping.
 * TSV fields: TAB, LF, CR and backslash become \t \n \r \\; NUL and every byte that is
 * not part of valid UTF-8 become \xHH (lower-case hex); nothing else changes. */
#ifndef HS_ESCAPE_H
#define HS_ESCAPE_H

#include <stddef.h>

#include "hs_buf.h"

/* Append s[0..n) to b, escaped as a hearsay(7) TSV field. */
void	hs_escape_tsv(struct hs_buf *b, const char *s, size_t n);
/* The same for text known to be valid UTF-8 without NUL (a reader checked it):
 * faster, since multibyte characters need no second look. */
void	hs_escape_tsv_clean(struct hs_buf *b, const char *s, size_t n);
/* Append s[0..n) to b as the inside of a JSON string (no quotes): ", \ and control
 * characters escaped, and a byte that is not valid UTF-8 replaced by U+FFFD. */
void	hs_escape_json(struct hs_buf *b, const char *s, size_t n);
/* Append the bytes that the TSV field s[0..n) stands for to b. Returns 0, or -1 when
 * the field holds a malformed escape (a lone backslash, \x without two hex digits,
 * an unknown letter); b then holds what was decoded up to it. */
int	hs_unescape_tsv(struct hs_buf *b, const char *s, size_t n);

#endif
