/* hs_util.h: small pieces every tool shares: the white space hearsay knows, the
 * version text, and the exit codes of hearsay(7).
 * (No compat.h: libbsd's overlay, pkg-config libbsd-overlay, gives strtonum,
 * strlcpy and getprogname under <stdlib.h> and <string.h>, as on a BSD.) */
#ifndef HS_UTIL_H
#define HS_UTIL_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HS_EXIT_OK	0
#define HS_EXIT_DATA	1	/* bad data, or an I/O error */
#define HS_EXIT_USAGE	2	/* bad usage or a bad pattern */

/* Length of the white-space character at s[0..n): 1 for space, TAB, LF, VT, FF, CR;
 * 2 for U+00A0; 3 for U+2000..U+200A, U+202F, U+205F, U+3000, U+FEFF; else 0. */
static inline size_t
hs_space_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c < 0xC2)
		return 0;
	if (c == 0xC2)
		return n >= 2 && s[1] == 0xA0 ? 2 : 0;
	if (n < 3)
		return 0;
	if (c == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) ||
	    s[2] == 0xAF))
		return 3;
	if (c == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
		return 3;
	if (c == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (c == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* read(2) once into buf[0..n), again after EINTR. When fd is not a regular file and
 * nothing is there to read yet, before_wait(arg) is called first (when not NULL): a
 * tool flushes its output there, so a slow producer's records come out as they are
 * made. Returns what read(2) returns. */
ssize_t	hs_read_once(int fd, void *buf, size_t n, bool regular,
	    void (*before_wait)(void *), void *arg);

/* Print "prog (hearsay) VERSION" to standard output. */
void	hs_print_version(void);

#endif
