/* test_summary.c: unit tests of lib/hs_summary.c: periods of dates, the order of fields,
 * partial headers, summary output in TSV and JSON, and merges that equal the whole. */
#include <sys/wait.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_record.h"
#include "hs_summary.h"
#include "suites.h"

/* ---- plumbing ------------------------------------------------------------------------ */

enum render_as {
	AS_TSV,
	AS_JSON,
	AS_PARTIAL
};

struct render_job {
	const struct hs_summary	*s;
	enum render_as		 as;
	size_t			 top;
};

static void
render_to(struct hs_writer *w, void *arg)
{
	const struct render_job *j = arg;

	if (j->as == AS_PARTIAL)
		hs_summary_write_partial(j->s, w);
	else
		hs_summary_write(j->s, w, j->top);
}

/* The summary written through a writer on a memory stream; an allocated string. */
static char *
render(const struct hs_summary *s, enum render_as as, size_t top)
{
	struct render_job j = { s, as, top };

	return th_written(as == AS_JSON ? HS_FORMAT_JSON : HS_FORMAT_TSV, render_to, &j);
}

static void
assert_render(const struct hs_summary *s, enum render_as as, size_t top,
    const char *want)
{
	char *got = render(s, as, top);

	ck_assert_msg(strcmp(got, want) == 0, "as %d, top %zu:\n%s\nwanted:\n%s", (int)as,
	    top, got, want);
	free(got);
}

/* A spec of n names (groups first), with distinct and period; names are not copied. */
static struct hs_summary_spec
make_spec(size_t ngroups, size_t nkeys, const char **names, const char *distinct,
    enum hs_period period)
{
	struct hs_summary_spec spec;

	memset(&spec, 0, sizeof(spec));
	spec.ngroups = ngroups;
	spec.nkeys = nkeys;
	spec.names = (char **)names;
	spec.distinct = (char *)distinct;
	spec.period = period;
	return spec;
}

static void
add_str(struct hs_summary *s, const char *key, uint64_t n)
{
	hs_summary_add(s, key, strlen(key), n);
}

/* ---- periods ----------------------------------------------------------------------- */

static const struct {
	enum hs_period	 p;
	const char	*date;
	const char	*want;		/* "" when the date is not valid */
} period_cases[] = {
	{ HS_PERIOD_WEEK, "2020-12-31", "2020-W53" },
	{ HS_PERIOD_WEEK, "2021-01-01", "2020-W53" },
	{ HS_PERIOD_WEEK, "2021-01-03", "2020-W53" },
	{ HS_PERIOD_WEEK, "2021-01-04", "2021-W01" },
	{ HS_PERIOD_WEEK, "2024-12-29", "2024-W52" },
	{ HS_PERIOD_WEEK, "2024-12-30", "2025-W01" },
	{ HS_PERIOD_WEEK, "2025-01-01", "2025-W01" },
	{ HS_PERIOD_WEEK, "2026-12-31", "2026-W53" },
	{ HS_PERIOD_WEEK, "2027-01-01", "2026-W53" },
	{ HS_PERIOD_WEEK, "2027-01-03", "2026-W53" },
	{ HS_PERIOD_WEEK, "2027-01-04", "2027-W01" },
	{ HS_PERIOD_WEEK, "2031-03-14", "2031-W11" },
	{ HS_PERIOD_WEEK, "2000-02-29", "2000-W09" },
	{ HS_PERIOD_WEEK, "2008-12-29", "2009-W01" },
	{ HS_PERIOD_WEEK, "2010-01-03", "2009-W53" },
	{ HS_PERIOD_WEEK, "0001-01-01", "0001-W01" },
	{ HS_PERIOD_WEEK, "9999-12-31", "9999-W52" },
	{ HS_PERIOD_DAY, "2031-03-14", "2031-03-14" },
	{ HS_PERIOD_DAY, "2000-02-29", "2000-02-29" },
	{ HS_PERIOD_NONE, "2031-03-14", "2031-03-14" },
	{ HS_PERIOD_MONTH, "2031-03-14", "2031-03" },
	{ HS_PERIOD_MONTH, "2031-12-31", "2031-12" },
	{ HS_PERIOD_YEAR, "2031-03-14", "2031" },
	{ HS_PERIOD_YEAR, "0001-01-01", "0001" },
	/* not valid dates: kept as they are by the caller */
	{ HS_PERIOD_WEEK, "2031-02-30", "" },
	{ HS_PERIOD_DAY, "2031-02-29", "" },
	{ HS_PERIOD_MONTH, "2100-02-29", "" },
	{ HS_PERIOD_YEAR, "2031-04-31", "" },
	{ HS_PERIOD_DAY, "2031-13-01", "" },
	{ HS_PERIOD_MONTH, "2031-00-01", "" },
	{ HS_PERIOD_YEAR, "2031-01-00", "" },
	{ HS_PERIOD_YEAR, "2031-01-32", "" },
	{ HS_PERIOD_WEEK, "0000-01-01", "" },
	{ HS_PERIOD_DAY, "-", "" },
	{ HS_PERIOD_WEEK, "-", "" },
	{ HS_PERIOD_MONTH, "", "" },
	{ HS_PERIOD_YEAR, "2031", "" },
	{ HS_PERIOD_MONTH, "2031-03", "" },
	{ HS_PERIOD_WEEK, "2031-03-1", "" },
	{ HS_PERIOD_WEEK, "2031-3-14", "" },
	{ HS_PERIOD_DAY, "2031-03-14 ", "" },
	{ HS_PERIOD_DAY, "2031-03-140", "" },
	{ HS_PERIOD_DAY, "2031/03/14", "" },
	{ HS_PERIOD_DAY, "20310314", "" },
	{ HS_PERIOD_DAY, "2031-0a-14", "" },
	{ HS_PERIOD_DAY, "2031-03-1a", "" },
	{ HS_PERIOD_DAY, " 031-03-14", "" },
	{ HS_PERIOD_DAY, "+031-03-14", "" },
	{ HS_PERIOD_WEEK, "2031-W11", "" },
};

START_TEST(test_period_of)
{
	char	 out[16];
	size_t	 i, n;

	for (i = 0; i < TH_NELEM(period_cases); i++) {
		memset(out, '#', sizeof(out));
		n = hs_period_of(period_cases[i].p, period_cases[i].date,
		    strlen(period_cases[i].date), out);
		ck_assert_msg(n == strlen(period_cases[i].want),
		    "case %zu (%s): length %zu", i, period_cases[i].date, n);
		if (n > 0)
			ck_assert_msg(strcmp(out, period_cases[i].want) == 0,
			    "case %zu (%s): '%s'", i, period_cases[i].date, out);
	}
	/* only n bytes are read: a valid date followed by more text */
	ck_assert_uint_eq(hs_period_of(HS_PERIOD_WEEK, "2021-01-03x", 10, out), 8);
	ck_assert_str_eq(out, "2020-W53");
	ck_assert_uint_eq(hs_period_of(HS_PERIOD_DAY, "2021-01-03", 9, out), 0);
}
END_TEST

/*
 * Every day from 1600 to 2400 against the C library's calendar (strftime's %G-W%V is
 * the ISO week), and hs_period_next against the next period met walking day by day.
 */
START_TEST(test_periods_against_libc)
{
	static const struct {
		enum hs_period	 p;
		const char	*fmt;
	} kinds[] = {
		{ HS_PERIOD_DAY, "%Y-%m-%d" },
		{ HS_PERIOD_WEEK, "%G-W%V" },
		{ HS_PERIOD_MONTH, "%Y-%m" },
		{ HS_PERIOD_YEAR, "%Y" },
	};
	char		 date[16], want[16], got[16], prev[4][16], next[16];
	struct tm	 tm;
	time_t		 t;
	size_t		 k, n;
	long		 days = 0;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 1600 - 1900;
	tm.tm_mday = 1;
	t = timegm(&tm);
	memset(prev, 0, sizeof(prev));
	for (;; t += 86400, days++) {
		ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
		if (tm.tm_year + 1900 > 2400)
			break;
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		for (k = 0; k < TH_NELEM(kinds); k++) {
			strftime(want, sizeof(want), kinds[k].fmt, &tm);
			n = hs_period_of(kinds[k].p, date, 10, got);
			TH_REQUIRE(n == strlen(want) && strcmp(got, want) == 0,
			    "%s as %s: '%s', not '%s'", date, hs_period_name(kinds[k].p),
			    n ? got : "", want);
			if (prev[k][0] != '\0' && strcmp(prev[k], want) != 0) {
				n = hs_period_next(kinds[k].p, prev[k], strlen(prev[k]), next);
				TH_REQUIRE(n == strlen(want) && strcmp(next, want) == 0,
				    "%s after %s: '%s', not '%s'", hs_period_name(kinds[k].p),
				    prev[k], n ? next : "", want);
			}
			strcpy(prev[k], want);
		}
	}
	ck_assert_int_eq(days, 292560);		/* 801 years, 195 of them leap years */
}
END_TEST

static const struct {
	enum hs_period	 p;
	const char	*from;
	const char	*want;		/* "" when from is not a period of that kind */
} next_cases[] = {
	{ HS_PERIOD_DAY, "2031-03-14", "2031-03-15" },
	{ HS_PERIOD_DAY, "2031-02-28", "2031-03-01" },
	{ HS_PERIOD_DAY, "2032-02-28", "2032-02-29" },
	{ HS_PERIOD_DAY, "2100-02-28", "2100-03-01" },
	{ HS_PERIOD_DAY, "2031-12-31", "2032-01-01" },
	{ HS_PERIOD_DAY, "2031-04-30", "2031-05-01" },
	{ HS_PERIOD_NONE, "2031-12-31", "2032-01-01" },
	{ HS_PERIOD_DAY, "9999-12-30", "9999-12-31" },
	{ HS_PERIOD_DAY, "9999-12-31", "" },
	{ HS_PERIOD_DAY, "2031-02-29", "" },
	{ HS_PERIOD_DAY, "2031-02-30", "" },
	{ HS_PERIOD_DAY, "2031-13-01", "" },
	{ HS_PERIOD_DAY, "-", "" },
	{ HS_PERIOD_DAY, "", "" },
	{ HS_PERIOD_DAY, "2031-03", "" },
	{ HS_PERIOD_WEEK, "2031-W11", "2031-W12" },
	{ HS_PERIOD_WEEK, "2026-W52", "2026-W53" },
	{ HS_PERIOD_WEEK, "2026-W53", "2027-W01" },
	{ HS_PERIOD_WEEK, "2020-W53", "2021-W01" },
	{ HS_PERIOD_WEEK, "2025-W52", "2026-W01" },
	{ HS_PERIOD_WEEK, "2024-W09", "2024-W10" },
	{ HS_PERIOD_WEEK, "9998-W52", "9998-W53" },
	{ HS_PERIOD_WEEK, "9998-W53", "9999-W01" },
	{ HS_PERIOD_WEEK, "2015-W53", "2016-W01" },
	{ HS_PERIOD_WEEK, "9999-W52", "" },
	{ HS_PERIOD_WEEK, "2025-W53", "" },
	{ HS_PERIOD_WEEK, "2031-W00", "" },
	{ HS_PERIOD_WEEK, "2031-W54", "" },
	{ HS_PERIOD_WEEK, "2031-w11", "" },
	{ HS_PERIOD_WEEK, "2031-W1", "" },
	{ HS_PERIOD_WEEK, "2031-W011", "" },
	{ HS_PERIOD_WEEK, "0000-W10", "" },
	{ HS_PERIOD_WEEK, "2031-03-14", "" },
	{ HS_PERIOD_WEEK, "-", "" },
	{ HS_PERIOD_MONTH, "2031-03", "2031-04" },
	{ HS_PERIOD_MONTH, "2031-12", "2032-01" },
	{ HS_PERIOD_MONTH, "9999-11", "9999-12" },
	{ HS_PERIOD_MONTH, "9999-12", "" },
	{ HS_PERIOD_MONTH, "2031-13", "" },
	{ HS_PERIOD_MONTH, "2031-00", "" },
	{ HS_PERIOD_MONTH, "0000-05", "" },
	{ HS_PERIOD_MONTH, "2031-3", "" },
	{ HS_PERIOD_MONTH, "2031/03", "" },
	{ HS_PERIOD_MONTH, "2031-03-14", "" },
	{ HS_PERIOD_YEAR, "2031", "2032" },
	{ HS_PERIOD_YEAR, "0999", "1000" },
	{ HS_PERIOD_YEAR, "9998", "9999" },
	{ HS_PERIOD_YEAR, "9999", "" },
	{ HS_PERIOD_YEAR, "0000", "" },
	{ HS_PERIOD_YEAR, "203", "" },
	{ HS_PERIOD_YEAR, "20311", "" },
	{ HS_PERIOD_YEAR, "20a1", "" },
	{ HS_PERIOD_YEAR, "-", "" },
};

START_TEST(test_period_next)
{
	char	 out[16];
	size_t	 i, n;

	for (i = 0; i < TH_NELEM(next_cases); i++) {
		memset(out, '#', sizeof(out));
		n = hs_period_next(next_cases[i].p, next_cases[i].from,
		    strlen(next_cases[i].from), out);
		ck_assert_msg(n == strlen(next_cases[i].want), "case %zu (%s): length %zu",
		    i, next_cases[i].from, n);
		if (n > 0)
			ck_assert_msg(strcmp(out, next_cases[i].want) == 0,
			    "case %zu (%s): '%s'", i, next_cases[i].from, out);
	}
}
END_TEST

static const struct {
	enum hs_period	 p;
	const char	*s;
	bool		 valid;
} valid_cases[] = {
	{ HS_PERIOD_NONE, "2031-03-14", true },
	{ HS_PERIOD_DAY, "2000-02-29", true },
	{ HS_PERIOD_DAY, "2100-02-29", false },
	{ HS_PERIOD_DAY, "2031-02-30", false },
	{ HS_PERIOD_DAY, "-", false },
	{ HS_PERIOD_DAY, "", false },
	{ HS_PERIOD_DAY, "2031-03", false },
	{ HS_PERIOD_WEEK, "2026-W53", true },
	{ HS_PERIOD_WEEK, "2025-W53", false },
	{ HS_PERIOD_WEEK, "2031-W01", true },
	{ HS_PERIOD_WEEK, "2031-W00", false },
	{ HS_PERIOD_WEEK, "2031-W1", false },
	{ HS_PERIOD_WEEK, "2031-03-14", false },
	{ HS_PERIOD_WEEK, "0000-W01", false },
	{ HS_PERIOD_MONTH, "2031-12", true },
	{ HS_PERIOD_MONTH, "2031-13", false },
	{ HS_PERIOD_MONTH, "2031-00", false },
	{ HS_PERIOD_MONTH, "2031-03-14", false },
	{ HS_PERIOD_YEAR, "2031", true },
	{ HS_PERIOD_YEAR, "9999", true },
	{ HS_PERIOD_YEAR, "0000", false },
	{ HS_PERIOD_YEAR, "203", false },
	{ HS_PERIOD_YEAR, "2031-03", false },
	{ HS_PERIOD_YEAR, "-", false },
};

START_TEST(test_period_valid)
{
	size_t i;

	for (i = 0; i < TH_NELEM(valid_cases); i++)
		ck_assert_msg(hs_period_valid(valid_cases[i].p, valid_cases[i].s,
		    strlen(valid_cases[i].s)) == valid_cases[i].valid, "case %zu (%s)", i,
		    valid_cases[i].s);
	/* only n bytes are read */
	ck_assert(hs_period_valid(HS_PERIOD_YEAR, "2031-03", 4));
	ck_assert(!hs_period_valid(HS_PERIOD_YEAR, "2031", 3));
}
END_TEST

START_TEST(test_period_names)
{
	static const char *const names[] = { "day", "week", "month", "year" };
	size_t i;

	for (i = 0; i < TH_NELEM(names); i++) {
		ck_assert_int_eq(hs_period_parse(names[i]), HS_PERIOD_DAY + (int)i);
		ck_assert_str_eq(hs_period_name(HS_PERIOD_DAY + (int)i), names[i]);
	}
	ck_assert_str_eq(hs_period_name(HS_PERIOD_NONE), "");
	ck_assert_int_eq(hs_period_parse(""), HS_PERIOD_NONE);
	ck_assert_int_eq(hs_period_parse("Week"), HS_PERIOD_NONE);
	ck_assert_int_eq(hs_period_parse("weeks"), HS_PERIOD_NONE);
	ck_assert_int_eq(hs_period_parse("da"), HS_PERIOD_NONE);
}
END_TEST

/* ---- order of fields ------------------------------------------------------------------ */

static const struct {
	struct th_bytes	 a, b;
	int		 sign;
} cmp_cases[] = {
	{ TH_B(""), TH_B(""), 0 },
	{ TH_B("a"), TH_B("a"), 0 },
	{ TH_B("a\tb"), TH_B("a\tb"), 0 },
	{ TH_B("a"), TH_B("b"), -1 },
	{ TH_B("a"), TH_B("ab"), -1 },
	{ TH_B(""), TH_B("a"), -1 },
	/* a field that ends sorts before a longer one, whatever byte follows */
	{ TH_B("a\x01"), TH_B("a\tb"), 1 },
	{ TH_B("a\x01"), TH_B("a"), 1 },
	{ TH_B("a\tz"), TH_B("a\x01\ta"), -1 },
	{ TH_B("a\tb\x01"), TH_B("a\tb\tc"), 1 },
	{ TH_B(" "), TH_B("\tz"), 1 },
	{ TH_B("\tb"), TH_B("a"), -1 },
	{ TH_B("\t"), TH_B(""), 1 },
	{ TH_B("\t"), TH_B("\t"), 0 },
	/* more fields after equal ones come later */
	{ TH_B("a\tb"), TH_B("a"), 1 },
	{ TH_B("a\t"), TH_B("a"), 1 },
	{ TH_B("a\t\t"), TH_B("a\t"), 1 },
	/* bytes compare unsigned */
	{ TH_B("\xC3\xA9"), TH_B("z"), 1 },
	{ TH_B("\x7F"), TH_B("\x80"), -1 },
	{ TH_B("\xFF\tb"), TH_B("\xFF\ta"), 1 },
	/* NUL is a byte like another */
	{ TH_B("a\0b"), TH_B("a\0c"), -1 },
	{ TH_B("a\0"), TH_B("a\tb"), 1 },
	/* dates and periods sort by time */
	{ TH_B("2031-03-09\tx"), TH_B("2031-03-10\ta"), -1 },
	{ TH_B("2030-W53\tx"), TH_B("2031-W01\ta"), -1 },
	{ TH_B("-\tx"), TH_B("2031-03-10\ta"), -1 },
};

static int
sign_of(int v)
{
	return v < 0 ? -1 : v > 0;
}

START_TEST(test_fields_cmp)
{
	size_t i;

	for (i = 0; i < TH_NELEM(cmp_cases); i++) {
		ck_assert_msg(sign_of(hs_fields_cmp(cmp_cases[i].a.s, cmp_cases[i].a.n,
		    cmp_cases[i].b.s, cmp_cases[i].b.n)) == cmp_cases[i].sign,
		    "case %zu", i);
		ck_assert_msg(sign_of(hs_fields_cmp(cmp_cases[i].b.s, cmp_cases[i].b.n,
		    cmp_cases[i].a.s, cmp_cases[i].a.n)) == -cmp_cases[i].sign,
		    "case %zu reversed", i);
	}
}
END_TEST

/* ---- headers --------------------------------------------------------------------------- */

static const char *names_date_speaker[] = { "date", "speaker" };
static const char *names_key[] = { "key" };
static const char *names_four[] = { "doc", "date", "type", "name" };
static const char *names_f8[] = { "date", "f8" };

static const struct {
	size_t		 ngroups, nkeys;
	const char	**names;
	const char	*distinct;
	enum hs_period	 period;
	const char	*header;
} header_cases[] = {
	{ 1, 1, names_date_speaker, NULL, HS_PERIOD_WEEK,
	  "#hearsay-count-partial-1\tgroup=date\tkey=speaker\tdistinct=\tbucket=week" },
	{ 0, 1, names_key, NULL, HS_PERIOD_NONE,
	  "#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=" },
	{ 2, 2, names_four, "doc", HS_PERIOD_NONE,
	  "#hearsay-count-partial-1\tgroup=doc,date\tkey=type,name\tdistinct=doc\tbucket=" },
	{ 1, 1, names_f8, "f3", HS_PERIOD_YEAR,
	  "#hearsay-count-partial-1\tgroup=date\tkey=f8\tdistinct=f3\tbucket=year" },
	{ 0, 4, names_four, NULL, HS_PERIOD_MONTH,
	  "#hearsay-count-partial-1\tgroup=\tkey=doc,date,type,name\tdistinct=\t"
	  "bucket=month" },
	{ 1, 1, names_date_speaker, "doc", HS_PERIOD_DAY,
	  "#hearsay-count-partial-1\tgroup=date\tkey=speaker\tdistinct=doc\tbucket=day" },
};

START_TEST(test_header_round_trip)
{
	struct hs_summary_spec	 spec, back;
	struct hs_buf		 b;
	size_t			 i, j;

	for (i = 0; i < TH_NELEM(header_cases); i++) {
		spec = make_spec(header_cases[i].ngroups, header_cases[i].nkeys,
		    header_cases[i].names, header_cases[i].distinct, header_cases[i].period);
		hs_buf_init(&b);
		hs_summary_header(&spec, &b);
		ck_assert_msg(b.len == strlen(header_cases[i].header) &&
		    memcmp(b.data, header_cases[i].header, b.len) == 0,
		    "case %zu: '%.*s'", i, (int)b.len, b.data);
		memset(&back, 0xA5, sizeof(back));
		ck_assert_int_eq(hs_summary_parse_header(b.data, b.len, &back), 0);
		ck_assert_uint_eq(back.ngroups, spec.ngroups);
		ck_assert_uint_eq(back.nkeys, spec.nkeys);
		ck_assert(!back.variable);
		ck_assert_int_eq(back.period, spec.period);
		for (j = 0; j < spec.ngroups + spec.nkeys; j++)
			ck_assert_str_eq(back.names[j], spec.names[j]);
		if (spec.distinct == NULL)
			ck_assert_ptr_null(back.distinct);
		else
			ck_assert_str_eq(back.distinct, spec.distinct);
		hs_summary_spec_free(&back);
		ck_assert_ptr_null(back.names);
		hs_buf_free(&b);
	}
}
END_TEST

static const char *const bad_headers[] = {
	"",
	"#hearsay-count-partial-1",
	"#hearsay-count-partial-2\tgroup=\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-\tgroup=\tkey=key\tdistinct=\tbucket=",
	"hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=\t",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=\tx=y",
	"#hearsay-count-partial-1\tgroup=\tkey=\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroups=\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkeys=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=weekly",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=Week",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=week\n",
	"#hearsay-count-partial-1\tgroup=date,\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=,date\tkey=key\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=a,,b\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=,\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tkey=key\tgroup=\tdistinct=\tbucket=",
	"#hearsay-count-partial-1\tgroup=\tkey=key\tbucket=\tdistinct=",
	"#hearsay-count-partial-1 group= key=key distinct= bucket=",
};

START_TEST(test_bad_headers)
{
	struct hs_summary_spec	 spec;
	size_t			 i;

	for (i = 0; i < TH_NELEM(bad_headers); i++)
		ck_assert_msg(hs_summary_parse_header(bad_headers[i], strlen(bad_headers[i]),
		    &spec) == -1, "case %zu accepted: %s", i, bad_headers[i]);
	/* the length given is what counts: a good header cut short is bad */
	ck_assert_int_eq(hs_summary_parse_header(header_cases[0].header,
	    strlen(header_cases[0].header) - 5, &spec), -1);
	ck_assert_int_eq(hs_summary_parse_header(header_cases[0].header,
	    strlen(header_cases[0].header) - 4, &spec), 0);
	ck_assert_int_eq(spec.period, HS_PERIOD_NONE);
	hs_summary_spec_free(&spec);
}
END_TEST

/* Adopt one header into a spec parsed from another; on success the names that result. */
static void
check_adopt(const char *have_h, const char *other_h, bool ok, const char *want_names,
    const char *want_distinct)
{
	struct hs_summary_spec	 have, other;
	struct hs_buf		 b;
	size_t			 i;

	ck_assert_int_eq(hs_summary_parse_header(have_h, strlen(have_h), &have), 0);
	ck_assert_int_eq(hs_summary_parse_header(other_h, strlen(other_h), &other), 0);
	ck_assert_msg(hs_summary_spec_adopt(&have, &other) == ok, "%s\nwith\n%s", have_h,
	    other_h);
	if (ok) {
		hs_buf_init(&b);
		for (i = 0; i < have.ngroups + have.nkeys; i++) {
			if (i > 0)
				hs_buf_putc(&b, ',');
			hs_buf_puts(&b, have.names[i]);
		}
		hs_buf_putc(&b, '\0');
		ck_assert_str_eq(b.data, want_names);
		if (want_distinct == NULL)
			ck_assert_ptr_null(have.distinct);
		else
			ck_assert_str_eq(have.distinct, want_distinct);
		hs_buf_free(&b);
	}
	hs_summary_spec_free(&have);
	hs_summary_spec_free(&other);
}

#define H(g, k, d, b)	"#hearsay-count-partial-1\tgroup=" g "\tkey=" k "\tdistinct=" d \
			"\tbucket=" b

START_TEST(test_spec_adopt)
{
	/* the same spec */
	check_adopt(H("date", "speaker", "", "week"), H("date", "speaker", "", "week"), true,
	    "date,speaker", NULL);
	/* "key", each line's last field, is a name like any other: every shard,
	 * empty or not, writes it for the same options */
	check_adopt(H("date", "key", "", ""), H("date", "key", "", ""), true,
	    "date,key", NULL);
	check_adopt(H("date", "key", "", ""), H("date", "speaker", "", ""), false, NULL,
	    NULL);
	check_adopt(H("date", "speaker", "", ""), H("date", "key", "", ""), false, NULL,
	    NULL);
	/* placeholders take the real names, on either side */
	check_adopt(H("f2", "f8,f9", "f1", ""), H("date", "type,name", "doc", ""), true,
	    "date,type,name", "doc");
	check_adopt(H("date", "f8,name", "doc", ""), H("f2", "type,f9", "f1", ""), true,
	    "date,type,name", "doc");
	check_adopt(H("", "f12", "", ""), H("", "speaker", "", ""), true, "speaker", NULL);
	/* placeholders on both sides must be the same column */
	check_adopt(H("", "f3", "", ""), H("", "f3", "", ""), true, "f3", NULL);
	check_adopt(H("", "f3", "", ""), H("", "f4", "", ""), false, NULL, NULL);
	/* a placeholder stands for whatever the column is called elsewhere */
	check_adopt(H("", "key", "", ""), H("", "f3", "", ""), true, "key", NULL);
	/* real conflicts */
	check_adopt(H("date", "speaker", "", ""), H("date", "name", "", ""), false, NULL,
	    NULL);
	check_adopt(H("date", "speaker", "", ""), H("doc", "speaker", "", ""), false, NULL,
	    NULL);
	check_adopt(H("date", "speaker", "", ""), H("", "date,speaker", "", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "", ""), H("date", "speaker,cue", "", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "", "week"), H("date", "speaker", "", "month"),
	    false, NULL, NULL);
	check_adopt(H("date", "speaker", "", "week"), H("date", "speaker", "", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "doc", ""), H("date", "speaker", "", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "", ""), H("date", "speaker", "doc", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "doc", ""), H("date", "speaker", "cue", ""), false,
	    NULL, NULL);
	check_adopt(H("date", "speaker", "f1", ""), H("date", "speaker", "cue", ""), true,
	    "date,speaker", "cue");
	/* names that only look like placeholders */
	check_adopt(H("", "f", "", ""), H("", "g", "", ""), false, NULL, NULL);
	check_adopt(H("", "f1x", "", ""), H("", "name", "", ""), false, NULL, NULL);
	check_adopt(H("", "keys", "", ""), H("", "name", "", ""), false, NULL, NULL);
	check_adopt(H("", "Key", "", ""), H("", "name", "", ""), false, NULL, NULL);
}
END_TEST

/* ---- order and output ------------------------------------------------------------------ */

static void
fill_dated(struct hs_summary *s)
{
	add_str(s, "2031-03-02\tAnna", 3);
	add_str(s, "2031-03-01\tBob", 2);
	add_str(s, "2031-03-01\tAnna", 1);
	add_str(s, "2031-03-01\tCarl", 5);
	add_str(s, "-\tAnna", 1);
	add_str(s, "2031-03-02\t-", 3);
	add_str(s, "2031-03-01\tAnna", 1);
	add_str(s, "2031-03-02\tZed", 1);
	add_str(s, "2031-03-02\tAnna\\tB", 1);
}

START_TEST(test_write_groups)
{
	const char		*names[] = { "date", "speaker" };
	struct hs_summary_spec	 spec = make_spec(1, 1, names, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;
	char			*all;

	hs_summary_init(&s, &spec);
	fill_dated(&s);
	assert_render(&s, AS_TSV, 0,
	    "1\t-\tAnna\n"
	    "5\t2031-03-01\tCarl\n"
	    "2\t2031-03-01\tAnna\n"
	    "2\t2031-03-01\tBob\n"
	    "3\t2031-03-02\t-\n"
	    "3\t2031-03-02\tAnna\n"
	    "1\t2031-03-02\tAnna\\tB\n"
	    "1\t2031-03-02\tZed\n");
	all = render(&s, AS_TSV, 0);
	assert_render(&s, AS_TSV, 100, all);
	free(all);
	assert_render(&s, AS_TSV, 2,
	    "1\t-\tAnna\n"
	    "5\t2031-03-01\tCarl\n"
	    "2\t2031-03-01\tAnna\n"
	    "3\t2031-03-02\t-\n"
	    "3\t2031-03-02\tAnna\n");
	assert_render(&s, AS_TSV, 1,
	    "1\t-\tAnna\n"
	    "5\t2031-03-01\tCarl\n"
	    "3\t2031-03-02\t-\n");
	assert_render(&s, AS_JSON, 0,
	    "{\"count\":1,\"date\":null,\"speaker\":\"Anna\"}\n"
	    "{\"count\":5,\"date\":\"2031-03-01\",\"speaker\":\"Carl\"}\n"
	    "{\"count\":2,\"date\":\"2031-03-01\",\"speaker\":\"Anna\"}\n"
	    "{\"count\":2,\"date\":\"2031-03-01\",\"speaker\":\"Bob\"}\n"
	    "{\"count\":3,\"date\":\"2031-03-02\",\"speaker\":null}\n"
	    "{\"count\":3,\"date\":\"2031-03-02\",\"speaker\":\"Anna\"}\n"
	    "{\"count\":1,\"date\":\"2031-03-02\",\"speaker\":\"Anna\\tB\"}\n"
	    "{\"count\":1,\"date\":\"2031-03-02\",\"speaker\":\"Zed\"}\n");
	assert_render(&s, AS_JSON, 1,
	    "{\"count\":1,\"date\":null,\"speaker\":\"Anna\"}\n"
	    "{\"count\":5,\"date\":\"2031-03-01\",\"speaker\":\"Carl\"}\n"
	    "{\"count\":3,\"date\":\"2031-03-02\",\"speaker\":null}\n");
	/* a partial without -u: the header, then the summary's own lines */
	assert_render(&s, AS_PARTIAL, 0,
	    "#hearsay-count-partial-1\tgroup=date\tkey=speaker\tdistinct=\tbucket=\n"
	    "1\t-\tAnna\n"
	    "5\t2031-03-01\tCarl\n"
	    "2\t2031-03-01\tAnna\n"
	    "2\t2031-03-01\tBob\n"
	    "3\t2031-03-02\t-\n"
	    "3\t2031-03-02\tAnna\n"
	    "1\t2031-03-02\tAnna\\tB\n"
	    "1\t2031-03-02\tZed\n");
	hs_summary_free(&s);
}
END_TEST

/* Groups and keys of several fields are ordered field by field: a byte below TAB in a
 * field does not sort it before the shorter field. */
START_TEST(test_order_field_by_field)
{
	const char		*names[] = { "doc", "date", "type", "name" };
	struct hs_summary_spec	 spec = make_spec(2, 2, names, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;
	uint32_t		*order;
	size_t			 n;

	hs_summary_init(&s, &spec);
	add_str(&s, "ab\t-\tLOC\tL", 1);
	add_str(&s, "a\x01\t" "2031\tPER\tX", 1);
	add_str(&s, "a\t2031\tPER\x01\tY", 1);
	add_str(&s, "a\t2031x\tORG\tQ", 1);
	add_str(&s, "a\t2031\tPER\tZ", 1);
	add_str(&s, "a\t2031\tPER\tX", 1);
	add_str(&s, "a\t2031\tPE\tZ", 1);
	assert_render(&s, AS_TSV, 0,
	    "1\ta\t2031\tPE\tZ\n"
	    "1\ta\t2031\tPER\tX\n"
	    "1\ta\t2031\tPER\tZ\n"
	    "1\ta\t2031\tPER\x01\tY\n"
	    "1\ta\t2031x\tORG\tQ\n"
	    "1\ta\x01\t2031\tPER\tX\n"
	    "1\tab\t-\tLOC\tL\n");
	assert_render(&s, AS_TSV, 2,
	    "1\ta\t2031\tPE\tZ\n"
	    "1\ta\t2031\tPER\tX\n"
	    "1\ta\t2031x\tORG\tQ\n"
	    "1\ta\x01\t2031\tPER\tX\n"
	    "1\tab\t-\tLOC\tL\n");
	/* the entry numbers, and the group part of each */
	order = hs_summary_order(&s, 0, &n);
	ck_assert_uint_eq(n, 7);
	ck_assert_uint_eq(order[0], 6);
	ck_assert_uint_eq(order[1], 5);
	ck_assert_uint_eq(order[2], 4);
	ck_assert_uint_eq(order[3], 2);
	ck_assert_uint_eq(order[4], 3);
	ck_assert_uint_eq(order[5], 1);
	ck_assert_uint_eq(order[6], 0);
	free(order);
	ck_assert_uint_eq(hs_summary_group_len(&s, 0), 4);
	ck_assert_uint_eq(hs_summary_group_len(&s, 1), 7);
	ck_assert_uint_eq(hs_summary_group_len(&s, 3), 7);
	order = hs_summary_order(&s, 1, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(order[0], 6);
	ck_assert_uint_eq(order[1], 3);
	ck_assert_uint_eq(order[2], 1);
	ck_assert_uint_eq(order[3], 0);
	free(order);
	hs_summary_free(&s);
}
END_TEST

/* Without groups: most frequent first, ties in byte order, -n cuts the whole list. */
START_TEST(test_order_no_groups)
{
	const char		*names[] = { "key" };
	struct hs_summary_spec	 spec = make_spec(0, 1, names, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;
	uint32_t		*order;
	size_t			 n;

	hs_summary_init(&s, &spec);
	order = hs_summary_order(&s, 0, &n);
	ck_assert_uint_eq(n, 0);
	free(order);
	assert_render(&s, AS_TSV, 0, "");
	assert_render(&s, AS_JSON, 3, "");
	assert_render(&s, AS_PARTIAL, 0,
	    "#hearsay-count-partial-1\tgroup=\tkey=key\tdistinct=\tbucket=\n");
	ck_assert(hs_summary_add(&s, "zeta", 4, 1));
	ck_assert(!hs_summary_add(&s, "zeta", 4, 1));
	add_str(&s, "", 2);
	add_str(&s, "\xC3\xA9t\xC3\xA9", 2);
	add_str(&s, "alpha", 1);
	add_str(&s, "Zeta", 2);
	add_str(&s, "beta", 7);
	add_str(&s, "alpha", 1);
	add_str(&s, "alph", 2);
	ck_assert_uint_eq(hs_summary_group_len(&s, 0), 0);
	assert_render(&s, AS_TSV, 0,
	    "7\tbeta\n"
	    "2\t\n"
	    "2\tZeta\n"
	    "2\talph\n"
	    "2\talpha\n"
	    "2\tzeta\n"
	    "2\t\xC3\xA9t\xC3\xA9\n");
	assert_render(&s, AS_TSV, 3,
	    "7\tbeta\n"
	    "2\t\n"
	    "2\tZeta\n");
	assert_render(&s, AS_JSON, 2,
	    "{\"count\":7,\"key\":\"beta\"}\n"
	    "{\"count\":2,\"key\":\"\"}\n");
	order = hs_summary_order(&s, 1, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(order[0], 5);
	free(order);
	hs_summary_free(&s);
}
END_TEST

/* Columns named par, sent, start and end are JSON numbers when they are digits (up to
 * 19 of them); "-" in date, speaker and cue is null; fields are unescaped for JSON. */
START_TEST(test_json_values)
{
	const char		*names1[] = { "par", "start", "cue" };
	const char		*names2[] = { "doc", "sent", "end", "speaker", "date" };
	struct hs_summary_spec	 spec = make_spec(0, 3, names1, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;

	hs_summary_init(&s, &spec);
	add_str(&s, "12\t0\t-", 4);
	add_str(&s, "x\t-\tsaid", 3);
	add_str(&s, "\t1234567890123456789\t-x", 2);
	add_str(&s, "007\t12345678901234567890\t", 1);
	assert_render(&s, AS_JSON, 0,
	    "{\"count\":4,\"par\":12,\"start\":0,\"cue\":null}\n"
	    "{\"count\":3,\"par\":\"x\",\"start\":\"-\",\"cue\":\"said\"}\n"
	    "{\"count\":2,\"par\":\"\",\"start\":1234567890123456789,\"cue\":\"-x\"}\n"
	    "{\"count\":1,\"par\":7,\"start\":\"12345678901234567890\",\"cue\":\"\"}\n");
	assert_render(&s, AS_TSV, 0,
	    "4\t12\t0\t-\n"
	    "3\tx\t-\tsaid\n"
	    "2\t\t1234567890123456789\t-x\n"
	    "1\t007\t12345678901234567890\t\n");
	hs_summary_free(&s);

	spec = make_spec(0, 5, names2, NULL, HS_PERIOD_NONE);
	hs_summary_init(&s, &spec);
	add_str(&s, "9\t3\t4\t-\t-", 3);
	add_str(&s, "caf\xC3\xA9 \\n\t-\t\t--\t2031-03-01", 2);
	add_str(&s, "a\\\\b\t1\t2\tAnna \"A\"\tnone", 1);
	assert_render(&s, AS_JSON, 0,
	    "{\"count\":3,\"doc\":\"9\",\"sent\":3,\"end\":4,\"speaker\":null,"
	    "\"date\":null}\n"
	    "{\"count\":2,\"doc\":\"caf\xC3\xA9 \\n\",\"sent\":\"-\",\"end\":\"\","
	    "\"speaker\":\"--\",\"date\":\"2031-03-01\"}\n"
	    "{\"count\":1,\"doc\":\"a\\\\b\",\"sent\":1,\"end\":2,"
	    "\"speaker\":\"Anna \\\"A\\\"\",\"date\":\"none\"}\n");
	hs_summary_free(&s);
}
END_TEST

/* -u: the count is the number of distinct values; the partial lists each (group, key,
 * value) with its lines, in byte order field by field. */
START_TEST(test_distinct)
{
	const char		*names1[] = { "speaker" };
	const char		*names2[] = { "date", "speaker" };
	struct hs_summary_spec	 spec = make_spec(0, 1, names1, "doc", HS_PERIOD_NONE);
	struct hs_summary	 s;

	hs_summary_init(&s, &spec);
	ck_assert(hs_summary_add_distinct(&s, "Anna", 4, "d1", 2, 1));
	ck_assert(hs_summary_add_distinct(&s, "Bob", 3, "d1", 2, 1));
	ck_assert(!hs_summary_add_distinct(&s, "Anna", 4, "d1", 2, 1));
	hs_summary_add_distinct(&s, "Carl", 4, "d2", 2, 1);
	hs_summary_add_distinct(&s, "Anna", 4, "d2", 2, 1);
	hs_summary_add_distinct(&s, "Bob", 3, "d1", 2, 2);
	hs_summary_add_distinct(&s, "Carl", 4, "d10", 3, 1);
	assert_render(&s, AS_TSV, 0, "2\tAnna\n2\tCarl\n1\tBob\n");
	assert_render(&s, AS_TSV, 1, "2\tAnna\n");
	assert_render(&s, AS_JSON, 0,
	    "{\"count\":2,\"speaker\":\"Anna\"}\n"
	    "{\"count\":2,\"speaker\":\"Carl\"}\n"
	    "{\"count\":1,\"speaker\":\"Bob\"}\n");
	assert_render(&s, AS_PARTIAL, 0,
	    "#hearsay-count-partial-1\tgroup=\tkey=speaker\tdistinct=doc\tbucket=\n"
	    "2\tAnna\td1\n"
	    "1\tAnna\td2\n"
	    "3\tBob\td1\n"
	    "1\tCarl\td10\n"
	    "1\tCarl\td2\n");
	hs_summary_free(&s);

	spec = make_spec(1, 1, names2, "doc", HS_PERIOD_WEEK);
	hs_summary_init(&s, &spec);
	hs_summary_add_distinct(&s, "2031-W10\tAnna", 13, "d1", 2, 1);
	hs_summary_add_distinct(&s, "2031-W10\tAnna", 13, "d1", 2, 1);
	hs_summary_add_distinct(&s, "2031-W09\tAnna", 13, "d1", 2, 1);
	hs_summary_add_distinct(&s, "-\tAnna", 6, "d\\t2", 4, 1);
	hs_summary_add_distinct(&s, "2031-W10\tAnna\x01", 14, "", 0, 1);
	hs_summary_add_distinct(&s, "2031-W10\tAnn", 12, "d1", 2, 1);
	hs_summary_add_distinct(&s, "2031-W10\tAnn", 12, "d", 1, 1);
	assert_render(&s, AS_TSV, 0,
	    "1\t-\tAnna\n"
	    "1\t2031-W09\tAnna\n"
	    "2\t2031-W10\tAnn\n"
	    "1\t2031-W10\tAnna\n"
	    "1\t2031-W10\tAnna\x01\n");
	assert_render(&s, AS_PARTIAL, 0,
	    "#hearsay-count-partial-1\tgroup=date\tkey=speaker\tdistinct=doc\t"
	    "bucket=week\n"
	    "1\t-\tAnna\td\\t2\n"
	    "1\t2031-W09\tAnna\td1\n"
	    "1\t2031-W10\tAnn\td\n"
	    "1\t2031-W10\tAnn\td1\n"
	    "2\t2031-W10\tAnna\td1\n"
	    "1\t2031-W10\tAnna\x01\t\n");
	hs_summary_free(&s);
}
END_TEST

static const char *const bad_lines[] = {
	"", "abc", "\ta\tb", "1x\ta\tb", "-1\ta\tb", "+1\ta\tb", " 1\ta\tb", "1 \ta\tb",
	"0x1\ta\tb", "1.0\ta\tb", "\xD9\xA1\ta\tb",
	"18446744073709551616\ta\tb",		/* UINT64_MAX + 1 */
	"18446744073709551620\ta\tb",
	"99999999999999999999\ta\tb",
	"184467440737095516150\ta\tb",
	"000000000000000000001\ta\tb",		/* 21 digits */
	"1\ta", "1\ta\tb\tc", "1\t", "1", "1\ta\tb\t",
};

/* A line of a partial: a count of digits that fits 64 bits, a tab, then exactly the
 * fields of the spec. */
START_TEST(test_merge_line)
{
	const char		*names[] = { "date", "speaker" };
	const char		*dnames[] = { "speaker" };
	struct hs_summary_spec	 spec = make_spec(1, 1, names, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;
	size_t			 i;

	hs_summary_init(&s, &spec);
	for (i = 0; i < TH_NELEM(bad_lines); i++)
		ck_assert_msg(hs_summary_merge_line(&s, bad_lines[i], strlen(bad_lines[i])) ==
		    -1, "line %zu taken: %s", i, bad_lines[i]);
	ck_assert_uint_eq(hs_counter_size(&s.keys), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "18446744073709551615\tmax\tb", 26), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\ta\tb", 5), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "0\tzero\tz", 8), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\t\t", 3), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "00000000000000000007\tseven\ts", 28), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "2\ta\tb", 5), 0);
	/* only n bytes are read */
	ck_assert_int_eq(hs_summary_merge_line(&s, "3\ta\tbc", 5), 0);
	assert_render(&s, AS_TSV, 0,
	    "1\t\t\n"
	    "6\ta\tb\n"
	    "18446744073709551615\tmax\tb\n"
	    "7\tseven\ts\n"
	    "0\tzero\tz\n");
	hs_summary_free(&s);

	/* with -u the value is one more field */
	spec = make_spec(0, 1, dnames, "doc", HS_PERIOD_NONE);
	hs_summary_init(&s, &spec);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\tAnna", 6), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\tAnna\td1\tx", 11), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1", 1), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "2\tAnna\td1", 9), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\tAnna\td2", 9), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "5\tBob\t", 6), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "3\tAnna\td1", 9), 0);
	assert_render(&s, AS_TSV, 0, "2\tAnna\n1\tBob\n");
	assert_render(&s, AS_PARTIAL, 0,
	    "#hearsay-count-partial-1\tgroup=\tkey=speaker\tdistinct=doc\tbucket=\n"
	    "5\tAnna\td1\n"
	    "1\tAnna\td2\n"
	    "5\tBob\t\n");
	hs_summary_free(&s);
}
END_TEST

/* A summary without header (an ordinary summary given to -m) takes any number of key
 * fields; JSON names them f2, f3, ... after their columns. */
START_TEST(test_merge_variable)
{
	struct hs_summary_spec	 spec;
	struct hs_summary	 s;

	memset(&spec, 0, sizeof(spec));
	spec.variable = true;
	hs_summary_init(&s, &spec);
	ck_assert_int_eq(hs_summary_merge_line(&s, "3\ta\tb", 5), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "4\tsolo", 6), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "5\t", 2), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "2\ta\tb\tc\td", 9), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "1\ta\tb", 5), 0);
	ck_assert_int_eq(hs_summary_merge_line(&s, "x\ta", 3), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "7", 1), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "\ta", 2), -1);
	ck_assert_int_eq(hs_summary_merge_line(&s, "18446744073709551616\ta", 22), -1);
	assert_render(&s, AS_TSV, 0, "5\t\n4\ta\tb\n4\tsolo\n2\ta\tb\tc\td\n");
	/* a merged partial of them (-m -p) has no header either, and merges back */
	assert_render(&s, AS_PARTIAL, 0, "5\t\n4\ta\tb\n4\tsolo\n2\ta\tb\tc\td\n");
	assert_render(&s, AS_JSON, 0,
	    "{\"count\":5,\"f2\":\"\"}\n"
	    "{\"count\":4,\"f2\":\"a\",\"f3\":\"b\"}\n"
	    "{\"count\":4,\"f2\":\"solo\"}\n"
	    "{\"count\":2,\"f2\":\"a\",\"f3\":\"b\",\"f4\":\"c\",\"f5\":\"d\"}\n");
	hs_summary_free(&s);
}
END_TEST

/* A merge whose count would pass UINT64_MAX refuses the line (-2) and keeps the count
 * it had, with a spec and without one. */
START_TEST(test_merge_count_overflow)
{
	const char		*names[] = { "key" };
	struct hs_summary_spec	 spec = make_spec(0, 1, names, NULL, HS_PERIOD_NONE);
	struct hs_summary	 s;
	int			 v;

	for (v = 0; v < 2; v++) {
		spec.variable = v;
		hs_summary_init(&s, &spec);
		ck_assert_int_eq(hs_summary_merge_line(&s, "18446744073709551614	x", 22), 0);
		ck_assert_int_eq(hs_summary_merge_line(&s, "2	x", 3), -2);
		ck_assert_int_eq(hs_summary_merge_line(&s, "1	x", 3), 0);
		ck_assert_int_eq(hs_summary_merge_line(&s, "1	x", 3), -2);
		ck_assert_int_eq(hs_summary_merge_line(&s, "18446744073709551615	y", 22), 0);
		ck_assert_int_eq(hs_summary_merge_line(&s, "0	x", 3), 0);
		ck_assert_int_eq(hs_summary_merge_line(&s, "0	y", 3), 0);
		assert_render(&s, AS_TSV, 0,
		    "18446744073709551615\tx\n18446744073709551615\ty\n");
		hs_summary_free(&s);
	}
}
END_TEST

/*
 * With -u the same overflow, of a pair's count, is -2 too, so that hearsay-count names
 * the file and line (it was once fatal inside hs_counter_add): the lines
 * "18446744073709551615<TAB>Anna<TAB>d1" and "1<TAB>Anna<TAB>d1" of a partial with
 * distinct=doc. Run in a child, in case the library exits.
 */
static void
merge_distinct_past_max(void *arg)
{
	const char		*names[] = { "speaker" };
	struct hs_summary_spec	 spec = make_spec(0, 1, names, "doc", HS_PERIOD_NONE);
	struct hs_summary	 s;

	(void)arg;
	hs_summary_init(&s, &spec);
	if (hs_summary_merge_line(&s, "18446744073709551615\tAnna\td1", 29) != 0)
		_exit(3);
	_exit(hs_summary_merge_line(&s, "1\tAnna\td1", 10) == -2 ? 0 : 4);
}

START_TEST(test_merge_distinct_overflow)
{
	char	err[512];
	int	status;

	status = th_run_in_child(merge_distinct_past_max, NULL, err, sizeof(err));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x: %s",
	    status, err);
}
END_TEST


/* ---- merge equals whole ------------------------------------------------------------- */

enum merge_mode {
	MODE_PLAIN,
	MODE_GROUPS,
	MODE_DISTINCT
};

#define MAX_RECORDS	400
#define MAX_SHARDS	8
#define ROUNDS		60

static const char *const dates[] = {
	"2031-03-01", "2031-03-02", "2031-02-28", "-", "2030-12-31", "2031-03-10",
};
static const char *const types[] = { "PER", "ORG", "LOC" };
/* A small vocabulary, most frequent first; among them near twins that sort apart
 * only field by field, escaped fields and the empty field. */
static const char *const words[] = {
	"Anna", "Bob", "-", "Carl", "x", "\xC3\x89mile", "xy", "x\x01y", "", "Dora",
	"a\\tb", "Merkel", "merkel", "M", "Ma", "\xCE\x9F \xCE\xA0\xCE\xB1\xCF\x80\xCE\xAC",
	"Zo\xC3\xAB", "Z\\\\", "q", "Mb", "a", "a b", "ab", "Smith", "Smith Jr.",
};
static const char *const docs[] = {
	"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "",
};

struct rec {
	char		 key[96];
	size_t		 klen;
	const char	*val;
	uint64_t	 n;
	size_t		 shard;
};

/* An index below n, small ones much more often (roughly Zipf-like). */
static size_t
pick(uint64_t *rng, size_t n)
{
	double u = (double)(th_next_random(rng) >> 11) / 9007199254740992.0;

	return (size_t)((double)n * u * u);
}

static size_t
uniform(uint64_t *rng, size_t n)
{
	return (size_t)(th_next_random(rng) % n);
}

/* The spec of a mode and round: real names, or the placeholders a shard without
 * records writes. names has room for 3. */
static struct hs_summary_spec
round_spec(enum merge_mode mode, int round, bool placeholders, const char **names,
    char fnames[][24])
{
	struct hs_summary_spec	 spec;
	size_t			 i;

	memset(&spec, 0, sizeof(spec));
	spec.names = (char **)names;
	switch (mode) {
	case MODE_PLAIN:
		spec.nkeys = 1;
		names[0] = "name";
		break;
	case MODE_GROUPS:
		if (round % 2 == 0) {
			spec.ngroups = 1;
			spec.nkeys = 2;
			names[0] = "date";
			names[1] = "type";
			names[2] = "name";
		} else {
			spec.ngroups = 2;
			spec.nkeys = 1;
			names[0] = "doc";
			names[1] = "date";
			names[2] = "name";
		}
		break;
	case MODE_DISTINCT:
		spec.ngroups = round % 2;
		spec.nkeys = 1;
		names[0] = "date";
		names[spec.ngroups] = "speaker";
		spec.distinct = (char *)"doc";
		break;
	}
	if (round % 3 == 0)
		spec.period = HS_PERIOD_DAY;
	if (placeholders) {
		for (i = 0; i < spec.ngroups + spec.nkeys; i++) {
			snprintf(fnames[i], 24, "f%zu", i + 2);
			names[i] = fnames[i];
		}
		if (spec.distinct != NULL)
			spec.distinct = (char *)"f1";
	}
	return spec;
}

static void
make_record(struct rec *r, enum merge_mode mode, int round, uint64_t *rng)
{
	const char	*date = dates[pick(rng, TH_NELEM(dates))];
	const char	*word = words[pick(rng, TH_NELEM(words))];
	const char	*doc = docs[pick(rng, TH_NELEM(docs))];
	int		 n = 0;

	switch (mode) {
	case MODE_PLAIN:
		n = snprintf(r->key, sizeof(r->key), "%s", word);
		break;
	case MODE_GROUPS:
		if (round % 2 == 0)
			n = snprintf(r->key, sizeof(r->key), "%s\t%s\t%s", date,
			    types[uniform(rng, TH_NELEM(types))], word);
		else
			n = snprintf(r->key, sizeof(r->key), "%s\t%s\t%s", doc, date, word);
		break;
	case MODE_DISTINCT:
		if (round % 2 == 1)
			n = snprintf(r->key, sizeof(r->key), "%s\t%s", date, word);
		else
			n = snprintf(r->key, sizeof(r->key), "%s", word);
		break;
	}
	r->klen = (size_t)n;
	r->val = doc;
	r->n = uniform(rng, 8) == 0 ? 2 + uniform(rng, 3) : 1;
}

static void
count_record(struct hs_summary *s, const struct rec *r)
{
	if (s->spec.distinct != NULL)
		hs_summary_add_distinct(s, r->key, r->klen, r->val, strlen(r->val), r->n);
	else
		hs_summary_add(s, r->key, r->klen, r->n);
}

/* The order of fields, written apart from hs_fields_cmp: split, then compare. */
static int
naive_fields_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t	 i = 0, j = 0, ie, je, fa, fb;
	int	 r;

	for (;;) {
		for (ie = i; ie < an && a[ie] != '\t'; ie++)
			continue;
		for (je = j; je < bn && b[je] != '\t'; je++)
			continue;
		fa = ie - i;
		fb = je - j;
		if ((r = memcmp(a + i, b + j, fa < fb ? fa : fb)) != 0)
			return r;
		if (fa != fb)
			return fa < fb ? -1 : 1;
		if (ie == an || je == bn)
			return (ie == an) == (je == bn) ? 0 : ie == an ? -1 : 1;
		i = ie + 1;
		j = je + 1;
	}
}

/* The whole, counted the slow way: each key with its lines and its distinct values. */
struct tally {
	const char	*key;
	size_t		 klen, glen;
	uint64_t	 lines;
	const char	*vals[TH_NELEM(docs)];
	size_t		 nvals;
	uint64_t	 count;
};

static int
tally_cmp(const void *pa, const void *pb)
{
	const struct tally	*a = pa, *b = pb;
	int			 r;

	if ((r = naive_fields_cmp(a->key, a->glen, b->key, b->glen)) != 0)
		return r;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return naive_fields_cmp(a->key + a->glen, a->klen - a->glen, b->key + b->glen,
	    b->klen - b->glen);
}

/* The TSV a summary of the records must be, at most top per group. */
static char *
expected_tsv(const struct rec *recs, size_t nrec, size_t ngroups, bool distinct,
    size_t top)
{
	struct tally	*t;
	struct hs_buf	 b;
	size_t		 nt = 0, i, j, g, ingroup = 0;
	char		 num[32];

	ck_assert_ptr_nonnull(t = calloc(nrec + 1, sizeof(*t)));
	for (i = 0; i < nrec; i++) {
		for (j = 0; j < nt; j++)
			if (t[j].klen == recs[i].klen &&
			    memcmp(t[j].key, recs[i].key, recs[i].klen) == 0)
				break;
		if (j == nt) {
			t[nt].key = recs[i].key;
			t[nt].klen = recs[i].klen;
			for (g = 0, t[nt].glen = 0; g < ngroups; g++) {
				while (recs[i].key[t[nt].glen] != '\t')
					t[nt].glen++;
				t[nt].glen++;
			}
			nt++;
		}
		t[j].lines += recs[i].n;
		for (g = 0; g < t[j].nvals; g++)
			if (strcmp(t[j].vals[g], recs[i].val) == 0)
				break;
		if (g == t[j].nvals)
			t[j].vals[t[j].nvals++] = recs[i].val;
	}
	for (j = 0; j < nt; j++) {
		t[j].count = distinct ? t[j].nvals : t[j].lines;
		/* the group without its tab; a group of no fields is empty */
		if (t[j].glen > 0)
			t[j].glen--;
	}
	qsort(t, nt, sizeof(*t), tally_cmp);
	hs_buf_init(&b);
	for (j = 0; j < nt; j++) {
		if (j == 0 || t[j].glen != t[j - 1].glen ||
		    memcmp(t[j].key, t[j - 1].key, t[j].glen) != 0)
			ingroup = 0;
		if (top > 0 && ingroup++ >= top)
			continue;
		snprintf(num, sizeof(num), "%llu\t", (unsigned long long)t[j].count);
		hs_buf_puts(&b, num);
		hs_buf_append(&b, t[j].key, t[j].klen);
		hs_buf_putc(&b, '\n');
	}
	hs_buf_putc(&b, '\0');
	free(t);
	return b.data;
}

/* Read concatenated partials into out, as hearsay-count -m does: a header (any number
 * of times, all of one spec) and count lines. */
static void
merge_partials(char *const *texts, size_t n, struct hs_summary *out)
{
	struct hs_summary_spec	 spec;
	const char		*line, *nl;
	bool			 started = false;
	size_t			 i;

	for (i = 0; i < n; i++) {
		for (line = texts[i]; *line != '\0'; line = nl + 1) {
			ck_assert_ptr_nonnull(nl = strchr(line, '\n'));
			if (*line == '#') {
				ck_assert_int_eq(hs_summary_parse_header(line, (size_t)(nl - line),
				    &spec), 0);
				if (!started)
					hs_summary_init(out, &spec);
				else
					ck_assert(hs_summary_spec_adopt(&out->spec, &spec));
				started = true;
				hs_summary_spec_free(&spec);
				continue;
			}
			ck_assert(started);
			TH_REQUIRE(hs_summary_merge_line(out, line, (size_t)(nl - line)) == 0,
			    "line not merged: %.*s", (int)(nl - line), line);
		}
	}
	ck_assert(started);
}

static void
assert_same(const struct hs_summary *whole, const struct hs_summary *merged,
    enum render_as as, size_t top, enum merge_mode mode, int round)
{
	char *a = render(whole, as, top), *b = render(merged, as, top);

	ck_assert_msg(strcmp(a, b) == 0, "mode %d round %d as %d top %zu:\nwhole:\n%s\n"
	    "merged:\n%s", (int)mode, round, (int)as, top, a, b);
	free(a);
	free(b);
}

static void
merge_round(enum merge_mode mode, int round, uint64_t *rng, size_t *nempty)
{
	const char		*names[3], *pnames[3];
	char			 fnames[3][24];
	struct hs_summary_spec	 spec, pspec;
	struct hs_summary	 whole, shard, mid, merged;
	struct rec		*recs;
	char			*texts[MAX_SHARDS + 1], *parts[MAX_SHARDS + 1], *tmp, *want;
	size_t			 nrec, nshards, used, i, k, h, nparts, top;
	bool			 any;

	ck_assert_ptr_nonnull(recs = calloc(MAX_RECORDS, sizeof(*recs)));
	nrec = round == 0 ? 0 : round == 1 ? 1 : uniform(rng, MAX_RECORDS);
	for (i = 0; i < nrec; i++)
		make_record(&recs[i], mode, round, rng);
	spec = round_spec(mode, round, false, names, NULL);
	pspec = round_spec(mode, round, true, pnames, fnames);

	hs_summary_init(&whole, &spec);
	for (i = 0; i < nrec; i++)
		count_record(&whole, &recs[i]);
	/* the whole is right, by the slow count */
	for (top = 0; top <= 2; top++) {
		want = expected_tsv(recs, nrec, spec.ngroups, spec.distinct != NULL, top);
		assert_render(&whole, AS_TSV, top, want);
		free(want);
	}

	/* shards, some of them empty in every other round */
	nshards = 2 + uniform(rng, MAX_SHARDS - 1);
	used = round % 2 == 1 ? nshards - 1 : nshards;
	for (i = 0; i < nrec; i++)
		recs[i].shard = uniform(rng, used);
	for (k = 0; k < nshards; k++) {
		for (any = false, i = 0; i < nrec && !any; i++)
			any = recs[i].shard == k;
		*nempty += !any;
		hs_summary_init(&shard, any ? &spec : &pspec);
		for (i = 0; i < nrec; i++)
			if (recs[i].shard == k)
				count_record(&shard, &recs[i]);
		texts[k] = render(&shard, AS_PARTIAL, 0);
		hs_summary_free(&shard);
	}
	/* a tree: the first half merged to a partial of its own, then merged with the rest */
	nparts = 0;
	if (nshards >= 3) {
		h = nshards / 2;
		merge_partials(texts, h, &mid);
		parts[nparts++] = render(&mid, AS_PARTIAL, 0);
		hs_summary_free(&mid);
	} else
		h = 0;
	for (k = h; k < nshards; k++)
		ck_assert_ptr_nonnull(parts[nparts++] = strdup(texts[k]));
	for (k = nparts; k > 1; k--) {
		i = uniform(rng, k);
		tmp = parts[i];
		parts[i] = parts[k - 1];
		parts[k - 1] = tmp;
	}
	merge_partials(parts, nparts, &merged);

	for (top = 0; top <= 3; top++)
		assert_same(&whole, &merged, AS_TSV, top, mode, round);
	/* with no records at all there are no real names to learn */
	if (nrec > 0) {
		assert_same(&whole, &merged, AS_JSON, 0, mode, round);
		assert_same(&whole, &merged, AS_JSON, 2, mode, round);
		assert_same(&whole, &merged, AS_PARTIAL, 0, mode, round);
	}
	for (k = 0; k < nshards; k++)
		free(texts[k]);
	for (k = 0; k < nparts; k++)
		free(parts[k]);
	hs_summary_free(&merged);
	hs_summary_free(&whole);
	free(recs);
}

/* The loop index is the mode. */
START_TEST(test_merge_equals_whole)
{
	uint64_t	rng = UINT64_C(0x9E3779B97F4A7C15) + (uint64_t)_i;
	size_t		nempty = 0;
	int		round;

	for (round = 0; round < ROUNDS; round++)
		merge_round((enum merge_mode)_i, round, &rng, &nempty);
	ck_assert_uint_ge(nempty, ROUNDS / 2);
}
END_TEST

Suite *
hs_summary_suite(void)
{
	Suite	*s = suite_create("summary");
	TCase	*tc;

	tc = tcase_create("periods");
	tcase_add_test(tc, test_period_of);
	tcase_add_test(tc, test_period_next);
	tcase_add_test(tc, test_period_names);
	tcase_add_test(tc, test_period_valid);
	tcase_add_test(tc, test_periods_against_libc);
	suite_add_tcase(s, tc);

	tc = tcase_create("headers");
	tcase_add_test(tc, test_header_round_trip);
	tcase_add_test(tc, test_bad_headers);
	tcase_add_test(tc, test_spec_adopt);
	suite_add_tcase(s, tc);

	tc = tcase_create("output");
	tcase_add_test(tc, test_fields_cmp);
	tcase_add_test(tc, test_write_groups);
	tcase_add_test(tc, test_order_field_by_field);
	tcase_add_test(tc, test_order_no_groups);
	tcase_add_test(tc, test_json_values);
	tcase_add_test(tc, test_distinct);
	suite_add_tcase(s, tc);

	tc = tcase_create("merge");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_merge_line);
	tcase_add_test(tc, test_merge_variable);
	tcase_add_test(tc, test_merge_count_overflow);
	tcase_add_test(tc, test_merge_distinct_overflow);
	tcase_add_loop_test(tc, test_merge_equals_whole, MODE_PLAIN, MODE_DISTINCT + 1);
	suite_add_tcase(s, tc);

	return s;
}
