/* fuzz_summary.c: libFuzzer target for the parsers of count summaries. Any bytes, cut
 * into lines, are merged as hearsay-count -m merges them: header lines and count
 * lines, leaving out the lines that are not UTF-8, which hearsay-count would escape.
 * The result is written as TSV, JSON, a chart and a partial, and the partial read back
 * must give the same summary again, byte for byte. Dates in the lines go through
 * every period. abort() when anything disagrees. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_chart.h"
#include "hs_record.h"
#include "hs_summary.h"
#include "hs_utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fail(const char *why)
{
	fprintf(stderr, "fuzz_summary: %s\n", why);
	abort();
}

/* Write s in the given way into a string the caller frees. */
static char *
render(const struct hs_summary *s, int how, size_t *len)
{
	struct hs_writer	 w;
	char			*out = NULL;
	FILE			*fp;

	if ((fp = open_memstream(&out, len)) == NULL)
		abort();
	hs_writer_init(&w, fp, how == 1 ? HS_FORMAT_JSON : HS_FORMAT_TSV);
	if (how == 2)
		hs_summary_write_partial(s, &w);
	else if (how == 3)
		hs_chart_write(s, &w, 3, 40);
	else
		hs_summary_write(s, &w, how == 4 ? 2 : 0);
	if (hs_writer_close(&w) == -1 || fclose(fp) != 0)
		abort();
	return out;
}

/* Merge the lines of text[0..n) into s, which is initialised by the first header or
 * the first line; false when nothing initialised it. */
static bool
merge_text(struct hs_summary *s, const char *text, size_t n)
{
	struct hs_summary_spec	 spec;
	const char		*line = text, *end = text + n, *nl;
	bool			 started = false;

	for (; line < end; line = nl + 1) {
		size_t len;

		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		len = (size_t)(nl - line);
		/* Summaries hold hearsay fields: hearsay-count escapes bad bytes first. */
		if (hs_utf8_find_bad((const unsigned char *)line, len) < len)
			continue;
		if (len > 0 && line[0] == '#') {
			if (hs_summary_parse_header(line, len, &spec) == -1)
				continue;
			if (!started) {
				hs_summary_init(s, &spec);
				started = true;
			} else
				(void)hs_summary_spec_adopt(&s->spec, &spec);
			hs_summary_spec_free(&spec);
			continue;
		}
		if (!started) {
			memset(&spec, 0, sizeof(spec));
			spec.variable = true;
			hs_summary_init(s, &spec);
			started = true;
		}
		(void)hs_summary_merge_line(s, line, len);
	}
	return started;
}

static void
periods(const char *text, size_t n)
{
	char	 out[16], next[16];
	size_t	 i, k, m;
	int	 p;

	for (i = 0; i + 10 <= n && i < 4096; i++)
		for (p = HS_PERIOD_DAY; p <= HS_PERIOD_YEAR; p++) {
			if ((k = hs_period_of((enum hs_period)p, text + i, 10, out)) == 0)
				continue;
			if (k > 10 || out[k] != '\0')
				fail("period too long");
			m = hs_period_next((enum hs_period)p, out, k, next);
			if (m > 0 && hs_fields_cmp(out, k, next, m) >= 0)
				fail("the next period does not sort after its period");
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct hs_summary	 s, again;
	char			*tsv, *json, *chart, *partial, *top, *tsv2;
	size_t			 ntsv, njson, nchart, npartial, ntop, ntsv2;

	periods((const char *)data, len);
	if (!merge_text(&s, (const char *)data, len))
		return 0;
	tsv = render(&s, 0, &ntsv);
	json = render(&s, 1, &njson);
	chart = render(&s, 3, &nchart);
	top = render(&s, 4, &ntop);
	if (ntop > ntsv)
		fail("a top-2 summary longer than the whole");
	/* A header-less summary has no partial form of its own. */
	if (!s.spec.variable) {
		partial = render(&s, 2, &npartial);
		if (!merge_text(&again, partial, npartial))
			fail("a partial that does not merge");
		if (!hs_summary_spec_adopt(&again.spec, &s.spec))
			fail("a partial whose header changed");
		tsv2 = render(&again, 0, &ntsv2);
		if (ntsv2 != ntsv || memcmp(tsv, tsv2, ntsv) != 0)
			fail("a merged partial that differs from its summary");
		free(tsv2);
		free(partial);
		hs_summary_free(&again);
	}
	free(tsv);
	free(json);
	free(chart);
	free(top);
	hs_summary_free(&s);
	return 0;
}
