/* fuzz_segment.c: libFuzzer target for hs_segment_sentences(): any bytes must give
 * spans that partition the paragraph's non-blank bytes; abort() when they do not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_lexicon.h"
#include "hs_segment.h"
#include "hs_util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct hs_lexicon	*lex;
static struct hs_segmenter	*sg;
static struct hs_span		*spans;
static size_t			 cap;

static void
fail(const char *why, size_t k, size_t len)
{
	fprintf(stderr, "fuzz_segment: %s (span %zu, input of %zu bytes)\n", why, k, len);
	abort();
}

/* Spans in order, apart, within [0,len), with no white space at either end, and
 * every byte that is not white space inside one of them. */
static void
check_partition(const uint8_t *s, size_t len, size_t n)
{
	uint8_t	*space;
	size_t	 i, k, j;

	if ((space = calloc(len + 1, 1)) == NULL)
		abort();
	for (i = 0; i < len; i += k ? k : 1) {
		if ((k = hs_space_len(s + i, len - i)) > 0)
			memset(space + i, 1, k);
	}
	for (k = 0; k < n; k++) {
		if (spans[k].start >= spans[k].end)
			fail("empty or reversed span", k, len);
		if (spans[k].end > len)
			fail("span past the end", k, len);
		if (k > 0 && spans[k].start < spans[k - 1].end)
			fail("spans overlap or are out of order", k, len);
		if (space[spans[k].start])
			fail("span starts with white space", k, len);
		if (space[spans[k].end - 1])
			fail("span ends with white space", k, len);
	}
	for (i = 0, j = 0; i < len; i++) {
		while (j < n && spans[j].end <= i)
			j++;
		if (!space[i] && (j == n || spans[j].start > i))
			fail("a byte that is not white space is in no span", j, len);
	}
	free(space);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n;

	if (lex == NULL) {
		lex = hs_lexicon_new();
		sg = hs_segmenter_new(lex);
	}
	n = hs_segment_sentences(sg, (const char *)data, size, &spans, &cap);
	check_partition(data, size, n);
	return 0;
}
