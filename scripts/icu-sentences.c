/* icu-sentences.c: the yardstick for scripts/bench. It splits text into sentences with
 * ICU's sentence BreakIterator and writes each one, trimmed, on a line of its own.
 *
 * Usage: icu-sentences [file]    (no operand, or "-": standard input)
 * Build: cc -O2 icu-sentences.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 *
 * The locale "en@ss=standard" makes ICU wrap its rule-based iterator in the filter
 * that suppresses breaks after the standard English abbreviations (Mr., Dr., ...), the
 * fairest ICU counterpart of hearsay-split's abbreviation lists.
 *
 * ICU always ends a sentence after a line feed (rule SB4: ParaSep ÷), so the input can
 * be cut after any LF without changing a single boundary. We read big pieces, hand
 * ICU everything up to the last LF of each, and carry the rest over: memory stays
 * bounded whatever the input size, and ICU reads the UTF-8 bytes in place through
 * utext_openUTF8 instead of a UTF-16 copy. */

#define _GNU_SOURCE		/* memrchr */

#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#ifndef PIECE				/* -D for testing the seams */
#define PIECE		((size_t)4 << 20)	/* bytes read per round */
#endif
#define MAX_PIECE	((size_t)64 << 20)	/* a longer line is cut anyway */

static int	 is_space_at(const char *, size_t, size_t *);
static void	 write_sentence(const char *, size_t);
static void	 split_piece(UBreakIterator *, const char *, size_t);
static size_t	 utf8_cut(const char *, size_t);
static void	 usage(void) __attribute__((noreturn));

/* Return nonzero when s[0..n) starts with white space; *w gets its byte length.
 * ASCII white space and U+00A0, the spaces that surround sentences in news text. */
static int
is_space_at(const char *s, size_t n, size_t *w)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ' || (c >= '\t' && c <= '\r')) {
		*w = 1;
		return 1;
	}
	if (n >= 2 && c == 0xc2 && (unsigned char)s[1] == 0xa0) {
		*w = 2;
		return 1;
	}
	return 0;
}

static void
write_sentence(const char *s, size_t n)
{
	size_t w;

	while (n > 0 && is_space_at(s, n, &w)) {
		s += w;
		n -= w;
	}
	/* From the end: only ASCII, plus the two bytes of U+00A0. */
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' ||
		    (s[n - 1] >= '\t' && s[n - 1] <= '\r')))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 &&
		    (unsigned char)s[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	if (n == 0)
		return;
	if (fwrite(s, 1, n, stdout) != n || putchar('\n') == EOF)
		err(1, "stdout");
}

/* Write the sentences of text[0..len). The UText's native indexes are byte offsets. */
static void
split_piece(UBreakIterator *bi, const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	UText *ut;
	int32_t from, to;

	ut = utext_openUTF8(NULL, text, (int64_t)len, &status);
	if (U_FAILURE(status))
		errx(1, "utext_openUTF8: %s", u_errorName(status));
	ubrk_setUText(bi, ut, &status);
	if (U_FAILURE(status))
		errx(1, "ubrk_setUText: %s", u_errorName(status));
	from = ubrk_first(bi);
	while ((to = ubrk_next(bi)) != UBRK_DONE) {
		write_sentence(text + from, (size_t)(to - from));
		from = to;
	}
	utext_close(ut);
}

/* The largest n' <= n that does not fall inside a UTF-8 sequence. */
static size_t
utf8_cut(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && i + 4 > n && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i > 0 ? i : n;
}

static void
usage(void)
{
	fprintf(stderr, "usage: icu-sentences [file]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi;
	FILE *fp = stdin;
	char *buf, *nl;
	size_t cap = 2 * PIECE, len = 0, got, cut;
	int eof = 0;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1] != '\0'))
		usage();
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (fp = fopen(argv[1], "rb")) == NULL)
		err(1, "%s", argv[1]);

	bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
	if (U_FAILURE(status))
		errx(1, "ubrk_open: %s", u_errorName(status));
	if ((buf = malloc(cap)) == NULL)
		err(1, NULL);
	/* Output is the bulk of the work for both tools: buffer it the same way. */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);

	while (!eof || len > 0) {
		if (!eof) {
			got = fread(buf + len, 1, cap - len, fp);
			if (got < cap - len) {
				if (ferror(fp))
					err(1, "%s", argc == 2 ? argv[1] : "stdin");
				eof = 1;
			}
			len += got;
		}
		if (eof)
			cut = len;
		else if ((nl = memrchr(buf, '\n', len)) != NULL)
			cut = (size_t)(nl - buf) + 1;
		else if (cap < MAX_PIECE) {
			/* One long line: read more of it before splitting. */
			cap *= 2;
			if ((buf = realloc(buf, cap)) == NULL)
				err(1, NULL);
			continue;
		} else
			cut = utf8_cut(buf, len);
		split_piece(bi, buf, cut);
		memmove(buf, buf + cut, len - cut);
		len -= cut;
	}

	ubrk_close(bi);
	free(buf);
	if (fp != stdin)
		fclose(fp);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
	return 0;
}
