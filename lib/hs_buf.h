/* hs_buf.h: a growable byte buffer, the one way hearsay holds text of unknown length.
 * Allocation failure is fatal (err(1)): every tool would have to give up anyway. */
#ifndef HS_BUF_H
#define HS_BUF_H

#include <stddef.h>

struct hs_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	hs_buf_init(struct hs_buf *);
void	hs_buf_free(struct hs_buf *);
/* Make room for at least `extra` more bytes past len. */
void	hs_buf_reserve(struct hs_buf *, size_t extra);
void	hs_buf_append(struct hs_buf *, const void *, size_t);
void	hs_buf_puts(struct hs_buf *, const char *);
/* Drop the first n bytes, moving the rest to the front. */
void	hs_buf_consume(struct hs_buf *, size_t n);

static inline void
hs_buf_putc(struct hs_buf *b, char c)
{
	if (b->len == b->cap)
		hs_buf_reserve(b, 1);
	b->data[b->len++] = c;
}

#endif
