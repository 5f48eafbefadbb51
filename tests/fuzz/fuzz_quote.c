/* fuzz_quote.c: libFuzzer target for hs_quote_article(): any bytes, made into the pieces
 * of one article as hs_input would give them, must give the same quotations on a second
 * call, in text order, apart, inside their pieces and well formed; abort() if not. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_quote.h"
#include "hs_utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The first byte says how the rest is cut; the rest is the article's text, at input
 * offset 0. Its bits:
 *   0-1  how:   0 sentences of paragraphs (raw input, or sentence records),
 *               1 paragraphs (paragraph records),
 *               2 one record of the whole article, cut into adjacent pieces,
 *               3 paragraph records, each cut into adjacent pieces;
 *   2    the article has no date ("-");
 *   3    the article is a window after its first;
 *   4-7  the longest piece of a cut record, from cut_limits[].
 * A paragraph ends at a blank line. A sentence ends at white space after . ? or !
 * (closing marks between them allowed), or at a 0x1F byte, which the fuzzer may put
 * anywhere to cut where no rule would.
 */
enum cut_how { CUT_SENTENCES, CUT_PARAGRAPHS, CUT_RECORD, CUT_PARAGRAPH_RECORDS };

static const size_t	 cut_limits[16] = { 4, 5, 7, 10, 16, 24, 32, 48, 64, 96, 128,
			    256, 512, 1024, 4096, HS_INPUT_PIECE };

/* A quotation of the first call, its strings copied: they are valid only until the
 * next call. */
struct kept {
	struct hs_quote	 q;
	char		*speaker, *cue, *text;
};

struct builder {
	const uint8_t	*s;		/* the article's text, input offset 0 */
	size_t		 len;
	struct hs_piece	*pieces;
	size_t		 npieces;
	unsigned long	 sent;		/* sentences so far, counted across paragraphs */
};

static struct hs_lexicon	*lex;
static struct hs_quoter		*qr;
static size_t			 input_len;

static void
fail(const char *why, size_t k)
{
	fprintf(stderr, "fuzz_quote: %s (quotation %zu, input of %zu bytes)\n", why, k,
	    input_len);
	abort();
}

/* A bug of this file, not of hs_quote: the pieces are not as hs_input makes them. */
static void
fail_harness(const char *why, size_t k)
{
	fprintf(stderr, "fuzz_quote: harness: %s (piece %zu, input of %zu bytes)\n", why, k,
	    input_len);
	abort();
}

static bool
is_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static void
add_piece(struct builder *b, unsigned long par, unsigned long sent, size_t from,
    size_t n, bool clean)
{
	struct hs_piece	*p = &b->pieces[b->npieces++];

	p->par = par;
	p->sent = sent;
	p->start = from;
	p->off = 0;		/* set when the text is laid out */
	p->len = n;
	p->clean = clean;
}

/* Cut s[from, to) into adjacent pieces of at most limit bytes, as hs_input does a
 * record longer than HS_INPUT_PIECE: after the last white space in the second half
 * of the limit, else at a character boundary. An empty text is one empty piece. */
static void
cut_record(struct builder *b, unsigned long par, unsigned long sent, size_t from,
    size_t to, size_t limit, bool clean)
{
	size_t	 off = from, n, k;

	do {
		n = to - off;
		if (n > limit) {
			n = limit;
			for (k = n; k > n / 2; k--)
				if (b->s[off + k - 1] == ' ' || b->s[off + k - 1] == '\n')
					break;
			if (k > n / 2)
				n = k;
			else
				n = hs_utf8_complete_prefix(b->s + off, n);
			if (n == 0) {
				/* a small limit inside one character: take it whole */
				n = hs_utf8_seqlen(b->s + off, to - off);
				if (n == 0)
					n = limit;
			}
		}
		add_piece(b, par, sent, off, n, clean);
		off += n;
	} while (off < to);
}

/* Whether the sentence ends before the white space or 0x1F at i. */
static bool
sentence_ends(const struct builder *b, size_t from, size_t i)
{
	size_t	 j = i;

	if (b->s[i] == 0x1F)
		return true;
	/* look through closing marks: ." .' .” .’ .) .» */
	while (j > from) {
		uint8_t c = b->s[j - 1];

		if (c == '"' || c == '\'' || c == ')')
			j--;
		else if (j - from >= 3 && b->s[j - 3] == 0xE2 && b->s[j - 2] == 0x80 &&
		    (c == 0x9D || c == 0x99))
			j -= 3;
		else if (j - from >= 2 && b->s[j - 2] == 0xC2 && c == 0xBB)
			j -= 2;
		else
			break;
	}
	return j > from && (b->s[j - 1] == '.' || b->s[j - 1] == '?' || b->s[j - 1] == '!');
}

/* The sentences of the paragraph s[from, to), which starts and ends with no white
 * space, each a piece. */
static void
add_sentences(struct builder *b, unsigned long par, size_t from, size_t to, bool clean)
{
	size_t	 s = from, i = from;

	while (i < to) {
		if (!(is_blank(b->s[i]) || b->s[i] == 0x1F) || !sentence_ends(b, s, i)) {
			i++;
			continue;
		}
		if (i > s)
			add_piece(b, par, ++b->sent, s, i - s, clean);
		while (i < to && (is_blank(b->s[i]) || b->s[i] == 0x1F))
			i++;
		s = i;
	}
	if (to > s)
		add_piece(b, par, ++b->sent, s, to - s, clean);
}

/* The paragraphs of the text, each given to a piece maker as hs_input would. */
static void
add_paragraphs(struct builder *b, enum cut_how how, size_t limit)
{
	size_t		 i = 0, from, to, j;
	unsigned long	 par = 0;
	bool		 clean;

	for (;;) {
		while (i < b->len && is_blank(b->s[i]))
			i++;
		if (i >= b->len)
			break;
		/* the paragraph runs to a line with nothing but white space on it */
		from = i;
		to = b->len;
		for (; i < b->len; i++) {
			if (b->s[i] != '\n')
				continue;
			for (j = i + 1; j < b->len && is_blank(b->s[j]) && b->s[j] != '\n';
			    j++)
				;
			if (j < b->len && b->s[j] == '\n') {
				to = i;
				break;
			}
		}
		while (to > from && is_blank(b->s[to - 1]))
			to--;
		par++;
		clean = hs_utf8_find_bad(b->s + from, to - from) == to - from;
		switch (how) {
		case CUT_SENTENCES:
			add_sentences(b, par, from, to, clean);
			break;
		case CUT_PARAGRAPHS:
			add_piece(b, par, 0, from, to - from, clean);
			break;
		default:
			cut_record(b, par, 0, from, to, limit, clean);
			break;
		}
	}
}

static char *
copy_bytes(const char *s, size_t n)
{
	char	*c;

	if (s == NULL)
		return NULL;
	if ((c = malloc(n + 1)) == NULL)
		abort();
	memcpy(c, s, n);
	return c;
}

static void
keep_results(struct kept *kept, const struct hs_quote *q, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++) {
		kept[k].q = q[k];
		kept[k].speaker = copy_bytes(q[k].speaker, q[k].speaker_len);
		kept[k].cue = copy_bytes(q[k].cue, q[k].cue_len);
		kept[k].text = copy_bytes(q[k].text, q[k].len);
	}
}

static bool
same_string(const char *kept, const char *s, size_t n)
{
	if ((kept == NULL) != (s == NULL))
		return false;
	return kept == NULL || memcmp(kept, s, n) == 0;
}

/* What the second call gave is what the first did: the quoter carries no state from
 * one call to the next. */
static void
check_same(const struct kept *kept, size_t n1, const struct hs_quote *q, size_t n2)
{
	size_t	 k;

	if (n1 != n2)
		fail("a second call gave another number of quotations",
		    n1 < n2 ? n1 : n2);
	for (k = 0; k < n1; k++) {
		const struct hs_quote *a = &kept[k].q, *b = &q[k];

		if (a->kind != b->kind)
			fail("a second call gave another kind", k);
		if (a->piece != b->piece || a->start != b->start ||
		    a->end_piece != b->end_piece || a->end != b->end)
			fail("a second call gave another span", k);
		if (a->len != b->len || !same_string(kept[k].text, b->text, b->len))
			fail("a second call gave another text", k);
		if (a->cue_len != b->cue_len || !same_string(kept[k].cue, b->cue, b->cue_len))
			fail("a second call gave another cue", k);
		if (a->speaker_len != b->speaker_len ||
		    !same_string(kept[k].speaker, b->speaker, b->speaker_len))
			fail("a second call gave another speaker", k);
	}
}

/* The harness's own promise: pieces in input order, apart unless they are cuts of
 * one record, which are exactly adjacent and non-empty. */
static void
check_pieces(const struct builder *b)
{
	const struct hs_piece	*p, *prev;
	size_t			 k;

	for (k = 1; k < b->npieces; k++) {
		p = &b->pieces[k];
		prev = &b->pieces[k - 1];
		if (p->start < prev->start + prev->len || p->start <= prev->start)
			fail_harness("pieces overlap or go back", k);
		if (p->start == prev->start + prev->len && (p->par != prev->par ||
		    p->sent != prev->sent || p->len == 0 || prev->len == 0))
			fail_harness("adjacent pieces not of one record", k);
	}
}

static void
check_quotes(const struct hs_article *a, const struct hs_quote *q, size_t n)
{
	size_t	 k, i;
	bool	 clean;

	for (k = 0; k < n; k++) {
		const struct hs_quote *o = &q[k];

		if (o->piece >= a->npieces || o->end_piece >= a->npieces)
			fail("piece index out of range", k);
		/* the first quoted byte is in piece, the last in end_piece */
		if (o->start >= a->pieces[o->piece].len)
			fail("start outside its piece", k);
		if (o->end == 0 || o->end > a->pieces[o->end_piece].len)
			fail("end outside its piece", k);
		if (o->piece > o->end_piece || (o->piece == o->end_piece &&
		    o->start >= o->end))
			fail("quotation ends before it starts", k);
		if (k > 0 && (o->piece < q[k - 1].end_piece ||
		    (o->piece == q[k - 1].end_piece && o->start < q[k - 1].end)))
			fail("quotation out of order or overlapping the one before", k);
		if (o->kind != HS_QUOTE_DIRECT && o->kind != HS_QUOTE_PARTIAL &&
		    o->kind != HS_QUOTE_MENTION)
			fail("kind out of range", k);
		if (o->text == NULL || o->len == 0)
			fail("no text", k);
		clean = true;
		for (i = o->piece; i <= o->end_piece; i++)
			clean = clean && a->pieces[i].clean;
		if (clean && memchr(o->text, '\0', o->len) != NULL)
			fail("NUL in the text of clean pieces", k);
		if ((o->cue == NULL) != (o->cue_len == 0))
			fail("cue NULL but not empty, or empty but not NULL", k);
		if ((o->speaker == NULL) != (o->speaker_len == 0))
			fail("speaker NULL but not empty, or empty but not NULL", k);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct hs_article	 a;
	struct builder		 b;
	const struct hs_quote	*q;
	struct kept		*kept;
	char			*text;
	enum cut_how		 how;
	size_t			 n1, n2, k, limit, off;
	uint8_t			 sel;

	if (lex == NULL) {
		if ((lex = hs_lexicon_new()) == NULL ||
		    (qr = hs_quoter_new(lex)) == NULL)
			abort();
	}
	if (len == 0)
		return 0;
	sel = data[0];
	data++;
	len--;
	input_len = len;
	how = (enum cut_how)(sel & 3);
	limit = cut_limits[sel >> 4];

	/* The pieces' texts one after the other, each followed by a NUL, as hs_input
	 * gives them; off is where a piece is in there, start where it was in the input. */
	if ((b.pieces = calloc(len + 1, sizeof(*b.pieces))) == NULL)
		abort();
	b.s = data;
	b.len = len;
	b.npieces = 0;
	b.sent = 0;
	if (how == CUT_RECORD)
		cut_record(&b, 0, 0, 0, len, limit,
		    hs_utf8_find_bad(data, len) == len);
	else
		add_paragraphs(&b, how, limit);
	check_pieces(&b);
	if ((text = malloc(len + b.npieces + 1)) == NULL)
		abort();
	for (k = 0, off = 0; k < b.npieces; k++) {
		memcpy(text + off, data + b.pieces[k].start, b.pieces[k].len);
		b.pieces[k].off = off;
		off += b.pieces[k].len;
		text[off++] = '\0';
	}

	a.doc = "fuzz";
	a.date = sel & 4 ? "-" : "2031-04-02";
	a.text = text;
	a.pieces = b.pieces;
	a.npieces = b.npieces;
	a.continued = (sel & 8) != 0;

	n1 = hs_quote_article(qr, &a, &q);
	if (n1 > 0 && q == NULL)
		fail("quotations but no array", 0);
	check_quotes(&a, q, n1);
	if ((kept = calloc(n1 + 1, sizeof(*kept))) == NULL)
		abort();
	keep_results(kept, q, n1);
	n2 = hs_quote_article(qr, &a, &q);
	check_same(kept, n1, q, n2);

	for (k = 0; k < n1; k++) {
		free(kept[k].speaker);
		free(kept[k].cue);
		free(kept[k].text);
	}
	free(kept);
	free(text);
	free(b.pieces);
	return 0;
}
