/* fuzz_numex.c: libFuzzer target for hs_numex_scan(): on any bytes, with the article's
 * date or without, spans in order, apart, inside the input, each with a name of its
 * type; abort() when they are not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_numex.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct check {
	size_t	len;
	size_t	last_end;
	size_t	n;
};

static void
fail(const char *why, size_t k, size_t len)
{
	fprintf(stderr, "fuzz_numex: %s (expression %zu, input of %zu bytes)\n", why, k, len);
	abort();
}

static int
check_one(const struct hs_numex *x, void *arg)
{
	struct check	*c = arg;
	const char	*nul;

	if (x->start >= x->end)
		fail("empty or reversed span", c->n, c->len);
	if (x->end > c->len)
		fail("span past the end", c->n, c->len);
	if (x->start < c->last_end)
		fail("spans overlap or are out of order", c->n, c->len);
	if ((nul = memchr(x->name, '\0', sizeof(x->name))) == NULL)
		fail("name not terminated", c->n, c->len);
	if (nul == x->name)
		fail("empty name", c->n, c->len);
	if (strcmp(hs_numex_type_name(x->type), "?") == 0)
		fail("no such type", c->n, c->len);
	c->last_end = x->end;
	c->n++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A late-December Wednesday, where weeks and nearest dates cross the year. */
	static const struct hs_civil_date	 anchor = { 2021, 12, 22 };
	struct check				 c;

	memset(&c, 0, sizeof(c));
	c.len = size;
	hs_numex_scan((const char *)data, size, &anchor, check_one, &c);
	memset(&c, 0, sizeof(c));
	c.len = size;
	hs_numex_scan((const char *)data, size, NULL, check_one, &c);
	return 0;
}
