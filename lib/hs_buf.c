/* hs_buf.c: a growable byte buffer.
 * Capacity doubles, so appending n bytes one at a time costs O(n). */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "hs_buf.h"

void
hs_buf_init(struct hs_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
hs_buf_free(struct hs_buf *b)
{
	free(b->data);
	hs_buf_init(b);
}

void
hs_buf_reserve(struct hs_buf *b, size_t extra)
{
	size_t	 need, cap;
	char	*p;

	if (extra > SIZE_MAX - b->len)
		errx(1, "buffer size overflow");
	need = b->len + extra;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		err(1, NULL);
	b->data = p;
	b->cap = cap;
}

void
hs_buf_append(struct hs_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	hs_buf_reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
hs_buf_puts(struct hs_buf *b, const char *s)
{
	hs_buf_append(b, s, strlen(s));
}

void
hs_buf_consume(struct hs_buf *b, size_t n)
{
	if (n >= b->len) {
		b->len = 0;
		return;
	}
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}
