/* test_progress.c: unit tests of lib/hs_progress.c, the --progress report on standard error.
 * Standard error goes to a file; the start time is moved back so that rates are exact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_progress.h"
#include "suites.h"

/* Long enough that a slow machine cannot move the printed rate by a tenth. */
#define AGO	100

/* Pretend the run started `secs` seconds ago, and (if `shown`) that the last report
 * was then too. */
static void
backdate(struct hs_progress *p, time_t secs, bool shown)
{
	p->started.tv_sec -= secs;
	if (shown)
		p->shown.tv_sec -= secs;
}

/* Expected text: the program's name, then the rest. */
static const char *
line(const char *pre, const char *rest)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "%s%s: %s", pre, getprogname(), rest);
	return buf;
}

START_TEST(test_disabled_is_silent)
{
	struct hs_progress	 p;
	struct th_capture	 c;

	th_capture_start(&c, stderr);
	hs_progress_init(&p, false, 1000000000);
	backdate(&p, AGO, true);
	hs_progress_update(&p, 500000000);
	hs_progress_update(&p, 1000000000);
	hs_progress_finish(&p);
	ck_assert_str_eq(th_capture_end(&c), "");
}
END_TEST

static const struct {
	uint64_t	 total;
	uint64_t	 done;
	const char	*rest;
} finish_cases[] = {
	{ 1000000000, 1000000000, "1000.0 of 1000.0 MB (100%), 10.0 MB/s\n" },
	{ 1000000000, 500000000, "500.0 of 1000.0 MB (50%), 5.0 MB/s\n" },
	{ 3000000, 1000000, "1.0 of 3.0 MB (33%), 0.0 MB/s\n" },
	{ 3000000, 2000000, "2.0 of 3.0 MB (67%), 0.0 MB/s\n" },
	{ 123456789, 0, "0.0 of 123.5 MB (0%), 0.0 MB/s\n" },
	{ 0, 250000000, "250.0 MB, 2.5 MB/s\n" },	/* total unknown */
	{ 0, 0, "0.0 MB, 0.0 MB/s\n" },
};

/* Not a terminal: finish prints one line of the final state. */
START_TEST(test_finish_line)
{
	struct hs_progress	 p;
	struct th_capture	 c;
	size_t			 i;

	for (i = 0; i < sizeof(finish_cases) / sizeof(finish_cases[0]); i++) {
		th_capture_start(&c, stderr);
		hs_progress_init(&p, true, finish_cases[i].total);
		ck_assert(!p.tty);
		backdate(&p, AGO, false);
		hs_progress_update(&p, finish_cases[i].done);
		hs_progress_finish(&p);
		th_capture_end(&c);
		ck_assert_msg(strcmp(c.text, line("", finish_cases[i].rest)) == 0,
		    "case %zu: '%s'", i, c.text);
	}
}
END_TEST

/* While running, a line at most once a second, and the clock is read only every few
 * megabytes. */
START_TEST(test_update_lines)
{
	struct hs_progress	 p;
	struct th_capture	 c;
	char			 want[1024];

	th_capture_start(&c, stderr);
	hs_progress_init(&p, true, 1000000000);
	backdate(&p, AGO, true);
	hs_progress_update(&p, 200000000);	/* shown: the last report is old */
	hs_progress_update(&p, 300000000);	/* not: one was just shown */
	p.shown.tv_sec -= 5;
	hs_progress_update(&p, 300000001);	/* not: too few bytes since the last look */
	hs_progress_update(&p, 400000000);	/* shown */
	hs_progress_finish(&p);
	th_capture_end(&c);
	snprintf(want, sizeof(want), "%s", line("", "200.0 of 1000.0 MB (20%), 2.0 MB/s\n"));
	strlcat(want, line("", "400.0 of 1000.0 MB (40%), 4.0 MB/s\n"), sizeof(want));
	strlcat(want, line("", "400.0 of 1000.0 MB (40%), 4.0 MB/s\n"), sizeof(want));
	ck_assert_str_eq(c.text, want);
}
END_TEST

/* On a terminal one line is redrawn with a carriage return, and finish ends it. */
START_TEST(test_terminal_redraws)
{
	struct hs_progress	 p;
	struct th_capture	 c;
	char			 want[1024];

	th_capture_start(&c, stderr);
	hs_progress_init(&p, true, 0);
	p.tty = true;
	backdate(&p, AGO, true);
	hs_progress_update(&p, 100000000);
	p.shown.tv_sec -= 1;
	hs_progress_update(&p, 200000000);
	hs_progress_finish(&p);
	th_capture_end(&c);
	snprintf(want, sizeof(want), "%s", line("\r", "100.0 MB, 1.0 MB/s"));
	strlcat(want, line("\r", "200.0 MB, 2.0 MB/s"), sizeof(want));
	strlcat(want, line("\r", "200.0 MB, 2.0 MB/s\n"), sizeof(want));
	ck_assert_str_eq(c.text, want);
}
END_TEST

/* A terminal is redrawn at most four times a second: not at once after the start. */
START_TEST(test_terminal_rate_limit)
{
	struct hs_progress	 p;
	struct th_capture	 c;

	th_capture_start(&c, stderr);
	hs_progress_init(&p, true, 0);
	p.tty = true;
	backdate(&p, AGO, false);
	hs_progress_update(&p, 100000000);
	hs_progress_update(&p, 200000000);
	th_capture_end(&c);
	ck_assert_str_eq(c.text, "");
}
END_TEST

Suite *
hs_progress_suite(void)
{
	Suite	*s = suite_create("progress");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_disabled_is_silent);
	tcase_add_test(tc, test_finish_line);
	tcase_add_test(tc, test_update_lines);
	tcase_add_test(tc, test_terminal_redraws);
	tcase_add_test(tc, test_terminal_rate_limit);
	suite_add_tcase(s, tc);
	return s;
}
