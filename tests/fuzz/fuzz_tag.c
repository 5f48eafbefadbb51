/* fuzz_tag.c: libFuzzer target for hs_tag_article(): any bytes, cut into pieces at
 * newlines, must give mentions inside their pieces, in order, the built-in ones apart,
 * each with a name; abort() when they do not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_tag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct hs_lexicon	*lex;
static struct hs_tagger		*tg;

static void
fail(const char *why, size_t k, size_t len)
{
	fprintf(stderr, "fuzz_tag: %s (mention %zu, input of %zu bytes)\n", why, k, len);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct hs_article	 a;
	struct hs_piece		*pieces;
	const struct hs_mention	*m;
	char			 err[512], *text;
	size_t			 npieces = 0, i, k, n, start = 0, prev_end = 0, prev_piece = 0;

	if (lex == NULL) {
		lex = hs_lexicon_new();
		tg = hs_tagger_new(lex);
		if (hs_tagger_add_rule(tg, "TOPIC", "(?i)talks?|\\bsanction", err,
		    sizeof(err)) == -1)
			abort();
	}
	/* One piece per line, each followed by a NUL, as hs_input gives them. */
	if ((text = malloc(len + 1)) == NULL ||
	    (pieces = calloc(len + 1, sizeof(*pieces))) == NULL)
		abort();
	memcpy(text, data, len);
	text[len] = '\0';
	for (i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		text[i] = '\0';
		pieces[npieces].par = npieces + 1;
		pieces[npieces].sent = npieces + 1;
		pieces[npieces].start = start;
		pieces[npieces].off = start;
		pieces[npieces].len = i - start;
		pieces[npieces].clean = false;
		npieces++;
		start = i + 1;
	}
	a.doc = "fuzz";
	a.date = len > 0 && data[0] == '-' ? "-" : "2021-12-22";
	a.text = text;
	a.pieces = pieces;
	a.npieces = npieces;
	a.continued = false;

	n = hs_tag_article(tg, &a, ~0ULL, &m);
	for (k = 0; k < n; k++) {
		if (m[k].piece >= npieces)
			fail("piece out of range", k, len);
		if (m[k].start >= m[k].end || m[k].end > pieces[m[k].piece].len)
			fail("span empty or outside its piece", k, len);
		if (m[k].name == NULL || m[k].name[0] == '\0')
			fail("no name", k, len);
		if (m[k].type < 0 || m[k].type >= hs_tagger_ntypes(tg))
			fail("type out of range", k, len);
		if (k > 0 && (m[k].piece < m[k - 1].piece || (m[k].piece ==
		    m[k - 1].piece && m[k].start < m[k - 1].start)))
			fail("mentions out of order", k, len);
		if (m[k].type < HS_ENT_NBUILTIN) {
			if (m[k].piece == prev_piece && m[k].start < prev_end)
				fail("built-in mentions overlap", k, len);
			prev_piece = m[k].piece;
			prev_end = m[k].end;
		}
	}
	free(text);
	free(pieces);
	return 0;
}
