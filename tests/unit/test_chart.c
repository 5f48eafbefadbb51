/* test_chart.c: unit tests of lib/hs_chart.c, bar charts and sparklines of count
 * summaries. Charts are drawn into memory and compared byte for byte; the expected
 * block characters are written here as their UTF-8 bytes. */
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_chart.h"
#include "hs_record.h"
#include "hs_summary.h"
#include "suites.h"

/* U+2588 FULL BLOCK, U+258F..U+2589 one to seven eighths of it, U+2581..U+2588 the eight
 * levels of a sparkline, U+2026 the ellipsis. */
#define FULL		"\xE2\x96\x88"
#define ELLIPSIS	"\xE2\x80\xA6"
static const char *const eighth[8] = {
	"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C", "\xE2\x96\x8B",
	"\xE2\x96\x8A", "\xE2\x96\x89"
};
#define L1	"\xE2\x96\x81"
#define L2	"\xE2\x96\x82"
#define L3	"\xE2\x96\x83"
#define L4	"\xE2\x96\x84"
#define L8	"\xE2\x96\x88"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN	1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(UNDER_ASAN)
#define UNDER_ASAN	1
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN	0
#endif

struct draw_job {
	const struct hs_summary	*s;
	size_t			 top, width;
};

static void
draw_to(struct hs_writer *w, void *arg)
{
	const struct draw_job *j = arg;

	hs_chart_write(j->s, w, j->top, j->width);
}

/* The chart of s, as an allocated string. */
static char *
draw(const struct hs_summary *s, size_t top, size_t width)
{
	struct draw_job j = { s, top, width };

	return th_written(HS_FORMAT_TSV, draw_to, &j);
}

static void
assert_chart(const struct hs_summary *s, size_t top, size_t width, const char *want)
{
	char *got = draw(s, top, width);

	ck_assert_msg(strcmp(got, want) == 0, "top %zu, width %zu:\n%s\nwanted:\n%s", top,
	    width, got, want);
	free(got);
}

/* Expected text, built piece by piece. */
static void
put(struct hs_buf *b, const char *s)
{
	hs_buf_puts(b, s);
}

/* A bar of full blocks and an eighth, then the newline. */
static void
put_bar(struct hs_buf *b, size_t full, size_t eighths)
{
	while (full-- > 0)
		hs_buf_puts(b, FULL);
	hs_buf_puts(b, eighth[eighths]);
	hs_buf_putc(b, '\n');
}

static const char *
text(struct hs_buf *b)
{
	hs_buf_putc(b, '\0');
	b->len--;
	return b->data;
}

static void
init_summary(struct hs_summary *s, size_t ngroups, size_t nkeys, const char **names,
    enum hs_period period)
{
	struct hs_summary_spec spec;

	memset(&spec, 0, sizeof(spec));
	spec.ngroups = ngroups;
	spec.nkeys = nkeys;
	spec.names = (char **)names;
	spec.period = period;
	hs_summary_init(s, &spec);
}

static void
add(struct hs_summary *s, const char *key, uint64_t n)
{
	hs_summary_add(s, key, strlen(key), n);
}

/* ---- bars --------------------------------------------------------------------------- */

/*
 * Width 30, one-letter labels, a largest count of 176 (three digits): 22 columns of
 * bar, 176 eighths, so a count of c is exactly c eighths and every eighth is seen.
 */
START_TEST(test_bar_eighths)
{
	static const char	*const keys = "abcdefgh";
	const char		*names[] = { "name" };
	struct hs_summary	 s;
	struct hs_buf		 want;
	char			 key[2] = "", line[32];
	size_t			 i;

	init_summary(&s, 0, 1, names, HS_PERIOD_NONE);
	add(&s, "a", 176);
	add(&s, "i", 9);
	for (i = 1; i < 8; i++) {
		key[0] = keys[i];
		add(&s, key, 8 - i);
	}
	hs_buf_init(&want);
	put(&want, "a  176  ");
	put_bar(&want, 22, 0);
	put(&want, "i    9  ");
	put_bar(&want, 1, 1);
	for (i = 1; i < 8; i++) {
		snprintf(line, sizeof(line), "%c    %zu  ", keys[i], 8 - i);
		put(&want, line);
		put_bar(&want, 0, 8 - i);
	}
	assert_chart(&s, 0, 30, text(&want));
	hs_buf_free(&want);

	/* -n 2 keeps the two largest; the scale stays that of the largest */
	hs_buf_init(&want);
	put(&want, "a  176  ");
	put_bar(&want, 22, 0);
	put(&want, "i    9  ");
	put_bar(&want, 1, 1);
	assert_chart(&s, 2, 30, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);
}
END_TEST

/* Bars round to the nearest eighth, and a count above zero shows at least one. */
START_TEST(test_bar_rounding)
{
	const char		*names[] = { "name" };
	struct hs_summary	 s;
	struct hs_buf		 want;

	init_summary(&s, 0, 1, names, HS_PERIOD_NONE);
	add(&s, "x", 1000);
	add(&s, "w", 16);	/* 16 * 248 / 1000 = 3.968 eighths */
	add(&s, "y", 3);	/* 0.744 */
	add(&s, "z", 1);	/* 0.248, shown as one */
	hs_buf_init(&want);
	put(&want, "x  1000  ");
	put_bar(&want, 31, 0);
	put(&want, "w    16  ");
	put_bar(&want, 0, 4);
	put(&want, "y     3  ");
	put_bar(&want, 0, 1);
	put(&want, "z     1  ");
	put_bar(&want, 0, 1);
	assert_chart(&s, 0, 40, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);
}
END_TEST

/* Labels are the key fields joined by a space, as escaped, padded to the widest and
 * cut with an ellipsis at 40% of the width, counting code points. */
START_TEST(test_bar_labels)
{
	const char		*names[] = { "type", "name" };
	struct hs_summary	 s;
	struct hs_buf		 want;

	init_summary(&s, 0, 2, names, HS_PERIOD_NONE);
	add(&s, "ORG\tEurop\xC3\xA4ische Zentralbank in Frankfurt", 12);
	add(&s, "PER\tAngela Merkel", 3);
	add(&s, "LOC\tNew\\tYork", 1);
	/* width 50: labels of 20, the count 2 wide, 24 columns of bar */
	hs_buf_init(&want);
	put(&want, "ORG Europ\xC3\xA4ische Zen" ELLIPSIS "  12  ");
	put_bar(&want, 24, 0);
	put(&want, "PER Angela Merkel      3  ");
	put_bar(&want, 6, 0);
	put(&want, "LOC New\\tYork          1  ");
	put_bar(&want, 2, 0);
	assert_chart(&s, 0, 50, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);

	/* below 20 columns the chart is drawn 20 wide: labels of 8, and a bar of at
	 * least 10 columns even when the line then runs past the width */
	names[0] = "name";
	init_summary(&s, 0, 1, names, HS_PERIOD_NONE);
	add(&s, "Konstantinopel", 2);
	add(&s, "Rom", 1);
	hs_buf_init(&want);
	put(&want, "Konstan" ELLIPSIS "  2  ");
	put_bar(&want, 10, 0);
	put(&want, "Rom       1  ");
	put_bar(&want, 5, 0);
	assert_chart(&s, 0, 20, text(&want));
	assert_chart(&s, 0, 5, text(&want));
	assert_chart(&s, 0, 0, text(&want));
	hs_buf_free(&want);
	/* a label exactly as wide as its room is not cut */
	hs_summary_free(&s);
	init_summary(&s, 0, 1, names, HS_PERIOD_NONE);
	add(&s, "Konstant", 1);
	hs_buf_init(&want);
	put(&want, "Konstant  1  ");
	put_bar(&want, 10, 0);
	assert_chart(&s, 0, 20, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);
}
END_TEST

/* With groups: a heading of the group fields before each group, a blank line between
 * groups, -n per group, one scale and one label width for all. */
START_TEST(test_bar_groups)
{
	const char		*names1[] = { "doc", "speaker" };
	const char		*names2[] = { "doc", "date", "speaker" };
	struct hs_summary	 s;
	struct hs_buf		 want;

	init_summary(&s, 1, 1, names1, HS_PERIOD_NONE);
	add(&s, "b2\tCarl", 8);
	add(&s, "a1\tAnna", 4);
	add(&s, "b2\tAnna", 1);
	add(&s, "a1\tBob", 2);
	/* width 30: labels of 4, counts of 1, 21 columns of bar */
	hs_buf_init(&want);
	put(&want, "a1\n");
	put(&want, "Anna  4  ");
	put_bar(&want, 10, 4);
	put(&want, "Bob   2  ");
	put_bar(&want, 5, 2);
	put(&want, "\nb2\n");
	put(&want, "Carl  8  ");
	put_bar(&want, 21, 0);
	put(&want, "Anna  1  ");
	put_bar(&want, 2, 5);
	assert_chart(&s, 0, 30, text(&want));
	hs_buf_free(&want);
	hs_buf_init(&want);
	put(&want, "a1\n");
	put(&want, "Anna  4  ");
	put_bar(&want, 10, 4);
	put(&want, "\nb2\n");
	put(&want, "Carl  8  ");
	put_bar(&want, 21, 0);
	assert_chart(&s, 1, 30, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);

	/* two group fields: the heading joins them with a space; a date among the
	 * groups but not alone still draws bars */
	init_summary(&s, 2, 1, names2, HS_PERIOD_NONE);
	add(&s, "a1\t2031-03-01\tAnna", 2);
	add(&s, "a1\t-\tAnna", 1);
	hs_buf_init(&want);
	put(&want, "a1 -\n");
	put(&want, "Anna  1  ");
	put_bar(&want, 10, 4);
	put(&want, "\na1 2031-03-01\n");
	put(&want, "Anna  2  ");
	put_bar(&want, 21, 0);
	assert_chart(&s, 0, 30, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);
}
END_TEST

START_TEST(test_empty_charts)
{
	const char		*names[] = { "date", "speaker" };
	struct hs_summary	 s;

	init_summary(&s, 0, 1, names + 1, HS_PERIOD_NONE);
	assert_chart(&s, 0, 80, "");
	hs_summary_free(&s);
	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	assert_chart(&s, 0, 80, "");
	hs_summary_free(&s);
}
END_TEST

/*
 * Counts of 0 (a merge takes the line "0<TAB>x"): no bar, and no 0/0 in the scale.
 * (That division once made a NaN whose conversion gave a bar of some 2^60 blocks, so
 * this runs in a child whose memory is limited.)
 */
static void
draw_zero_count(void *arg)
{
	const char		*names[] = { "name" };
	struct hs_summary	 s;
	struct rlimit		 rl = { (rlim_t)1 << 30, (rlim_t)1 << 30 };
	struct hs_buf		 want;
	char			*got;

	(void)arg;
	/* AddressSanitizer maps terabytes of shadow: no limit there (UBSan, built with
	 * it, stops at the conversion) */
	if (!UNDER_ASAN)
		setrlimit(RLIMIT_AS, &rl);
	alarm(10);
	init_summary(&s, 0, 1, names, HS_PERIOD_NONE);
	add(&s, "y", 0);
	add(&s, "x", 0);
	got = draw(&s, 0, 40);
	if (strcmp(got, "x  0\ny  0\n") != 0)
		_exit(1);
	free(got);
	add(&s, "z", 1);
	/* width 20: 14 columns of bar */
	got = draw(&s, 0, 20);
	hs_buf_init(&want);
	put(&want, "z  1  ");
	put_bar(&want, 14, 0);
	put(&want, "x  0\ny  0\n");
	_exit(strcmp(got, text(&want)) == 0 ? 0 : 2);
}

START_TEST(test_zero_counts)
{
	char	err[512];
	int	status;

	status = th_run_in_child(draw_zero_count, NULL, err, sizeof(err));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x, stderr: %s", status, err);
}
END_TEST

/* ---- sparklines ---------------------------------------------------------------------- */

/* Days with a gap; an undated record counts in its key's total (and so in the order)
 * but not in the line. */
START_TEST(test_spark_gaps)
{
	const char		*names[] = { "date", "speaker" };
	struct hs_summary	 s;

	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	add(&s, "2031-03-01\tAnna", 4);
	add(&s, "2031-03-02\tAnna", 8);
	add(&s, "2031-03-04\tAnna", 2);
	add(&s, "2031-03-01\tBob", 1);
	add(&s, "-\tBob", 20);
	add(&s, "2031-03-04\tBob", 1);
	assert_chart(&s, 0, 40,
	    "      2031-03-01 " ELLIPSIS " 2031-03-04\n"
	    "Bob   " L8 "  " L8 "  22\n"
	    "Anna  " L4 L8 " " L2 "  14\n");
	assert_chart(&s, 1, 40,
	    "     2031-03-01 " ELLIPSIS " 2031-03-04\n"
	    "Bob  " L8 "  " L8 "  22\n");
	assert_chart(&s, 5, 40,
	    "      2031-03-01 " ELLIPSIS " 2031-03-04\n"
	    "Bob   " L8 "  " L8 "  22\n"
	    "Anna  " L4 L8 " " L2 "  14\n");
	hs_summary_free(&s);
}
END_TEST

/* Thirty days in 14 columns: runs of three days a column, summed. Keys of equal total
 * in byte order. */
START_TEST(test_spark_runs)
{
	const char		*names[] = { "date", "key" };
	struct hs_summary	 s;

	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	add(&s, "2031-01-01\ta", 1);
	add(&s, "2031-01-02\ta", 1);
	add(&s, "2031-01-15\ta", 6);
	add(&s, "2031-01-30\ta", 1);
	add(&s, "2031-01-30\tb", 9);
	assert_chart(&s, 0, 20,
	    "   2031-01-01 " ELLIPSIS " 2031-01-30\n"
	    "a  " L3 "   " L8 "    " L2 "  9\n"
	    "b           " L8 "  9\n");
	assert_chart(&s, 0, 1,
	    "   2031-01-01 " ELLIPSIS " 2031-01-30\n"
	    "a  " L3 "   " L8 "    " L2 "  9\n"
	    "b           " L8 "  9\n");
	hs_summary_free(&s);
}
END_TEST

/* One column a day when there is room; the heading then puts the last period over the
 * last column. */
START_TEST(test_spark_wide)
{
	const char		*names[] = { "date", "key" };
	struct hs_summary	 s;
	struct hs_buf		 want;
	char			 key[32];
	int			 day;

	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	for (day = 1; day <= 40; day++) {
		if (day == 20)
			continue;
		snprintf(key, sizeof(key), "2031-%02d-%02d\tk", day > 31 ? 2 : 1,
		    day > 31 ? day - 31 : day);
		add(&s, key, 1);
	}
	hs_buf_init(&want);
	put(&want, "   2031-01-01                    2031-02-09\n");
	put(&want, "k  ");
	for (day = 1; day <= 40; day++)
		put(&want, day == 20 ? " " : L8);
	put(&want, "  39\n");
	assert_chart(&s, 0, 80, text(&want));
	hs_buf_free(&want);
	hs_summary_free(&s);
}
END_TEST

/* Bucketed periods: the gap filled across week 53 and across a year of months; -b
 * makes sparklines whatever the group column is named. */
START_TEST(test_spark_periods)
{
	const char		*names[] = { "f2", "key" };
	struct hs_summary	 s;

	init_summary(&s, 1, 1, names, HS_PERIOD_WEEK);
	add(&s, "2026-W52\ta", 2);
	add(&s, "2027-W01\ta", 1);
	assert_chart(&s, 0, 20,
	    "   2026-W52 " ELLIPSIS " 2027-W01\n"
	    "a  " L8 " " L4 "  3\n");
	hs_summary_free(&s);

	init_summary(&s, 1, 1, names, HS_PERIOD_MONTH);
	add(&s, "2031-11\tx", 1);
	add(&s, "2032-02\tx", 1);
	assert_chart(&s, 0, 20,
	    "   2031-11 " ELLIPSIS " 2032-02\n"
	    "x  " L8 "  " L8 "  2\n");
	hs_summary_free(&s);

	init_summary(&s, 1, 1, names, HS_PERIOD_YEAR);
	add(&s, "2029\tx", 1);
	add(&s, "2031\tx", 7);
	add(&s, "2031\ty", 1);
	assert_chart(&s, 0, 20,
	    "   2029 " ELLIPSIS " 2031\n"
	    "x  " L2 " " L8 "  8\n"
	    "y    " L8 "  1\n");
	hs_summary_free(&s);
}
END_TEST

/* A group that is no period of the summary's kind ("-", an impossible date, a word)
 * counts in the key's total only; a summary with only such groups has totals and no
 * heading. */
START_TEST(test_spark_undated)
{
	const char		*names[] = { "date", "key" };
	struct hs_summary	 s;

	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	add(&s, "-	a", 3);
	add(&s, "-	bb", 12);
	add(&s, "late	bb", 1);
	assert_chart(&s, 0, 20,
	    "bb     13\n"
	    "a       3\n");
	hs_summary_free(&s);

	/* one period: the heading names it once */
	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	add(&s, "2031-03-01\tKonstantinopel", 3);
	add(&s, "-\tKonstantinopel", 1);
	add(&s, "2031-02-30\tKonstantinopel", 1);
	add(&s, "early\tKonstantinopel", 1);
	assert_chart(&s, 0, 20,
	    "          2031-03-01\n"
	    "Konstan" ELLIPSIS "  " L8 "  6\n");
	hs_summary_free(&s);

	/* -b week keeps a date that is not valid as it is: not a week */
	names[0] = "f2";
	init_summary(&s, 1, 1, names, HS_PERIOD_WEEK);
	add(&s, "2031-02-30\ta", 4);
	add(&s, "2031-03-01\ta", 4);
	add(&s, "2031-W10\ta", 1);
	add(&s, "2031-W12\ta", 2);
	assert_chart(&s, 0, 20,
	    "   2031-W10 " ELLIPSIS " 2031-W12\n"
	    "a  " L4 " " L8 "  11\n");
	hs_summary_free(&s);
}
END_TEST

/* Periods too far apart to fill (more than a million between them) are shown side by
 * side, in order. */
START_TEST(test_spark_far_apart)
{
	const char		*names[] = { "date", "key" };
	struct hs_summary	 s;

	init_summary(&s, 1, 1, names, HS_PERIOD_NONE);
	add(&s, "9999-12-31\ta", 2);
	add(&s, "0001-01-01\ta", 1);
	assert_chart(&s, 0, 20,
	    "   0001-01-01 " ELLIPSIS " 9999-12-31\n"
	    "a  " L4 L8 "  3\n");
	hs_summary_free(&s);
}
END_TEST

/* ---- width ---------------------------------------------------------------------------- */

START_TEST(test_width)
{
	static const struct {
		const char	*columns;	/* NULL: unset */
		size_t		 width;
	} cases[] = {
		{ NULL, 80 }, { "", 80 }, { "120", 120 }, { "1", 1 }, { "100000", 100000 },
		{ "0", 80 }, { "-3", 80 }, { "abc", 80 }, { "12x", 80 }, { "100001", 80 },
		{ "99999999999999999999", 80 }, { "132", 132 },
	};
	size_t i;

	for (i = 0; i < TH_NELEM(cases); i++) {
		if (cases[i].columns == NULL)
			ck_assert_int_eq(unsetenv("COLUMNS"), 0);
		else
			ck_assert_int_eq(setenv("COLUMNS", cases[i].columns, 1), 0);
		ck_assert_msg(hs_chart_width() == cases[i].width, "COLUMNS=%s: %zu",
		    cases[i].columns ? cases[i].columns : "(unset)", hs_chart_width());
	}
	unsetenv("COLUMNS");
}
END_TEST

Suite *
hs_chart_suite(void)
{
	Suite	*s = suite_create("chart");
	TCase	*tc;

	tc = tcase_create("bars");
	tcase_add_test(tc, test_bar_eighths);
	tcase_add_test(tc, test_bar_rounding);
	tcase_add_test(tc, test_bar_labels);
	tcase_add_test(tc, test_bar_groups);
	tcase_add_test(tc, test_empty_charts);
	tcase_add_test(tc, test_zero_counts);
	suite_add_tcase(s, tc);

	tc = tcase_create("sparklines");
	tcase_add_test(tc, test_spark_gaps);
	tcase_add_test(tc, test_spark_runs);
	tcase_add_test(tc, test_spark_wide);
	tcase_add_test(tc, test_spark_periods);
	tcase_add_test(tc, test_spark_undated);
	tcase_add_test(tc, test_spark_far_apart);
	suite_add_tcase(s, tc);

	tc = tcase_create("width");
	tcase_add_test(tc, test_width);
	suite_add_tcase(s, tc);
	return s;
}
