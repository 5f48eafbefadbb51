/* hs_progress.c: --progress on standard error. The clock is read only every few
 * megabytes, so a tool pays nothing measurable for asking. */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_progress.h"

#define CHECK_EVERY	(4u << 20)	/* bytes between looks at the clock */

static double
seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

void
hs_progress_init(struct hs_progress *p, bool enabled, uint64_t total)
{
	p->enabled = enabled;
	p->tty = isatty(STDERR_FILENO);
	p->total = total;
	p->done = 0;
	p->checked = 0;
	clock_gettime(CLOCK_MONOTONIC, &p->started);
	p->shown = p->started;
}

static void
show(struct hs_progress *p, const struct timespec *now, bool last)
{
	double	 secs = seconds_between(&p->started, now);
	double	 mb = p->done / 1e6;
	double	 rate = secs > 0 ? mb / secs : 0;

	if (p->total > 0)
		fprintf(stderr, "%s%s: %.1f of %.1f MB (%.0f%%), %.1f MB/s%s",
		    p->tty ? "\r" : "", getprogname(), mb, p->total / 1e6,
		    100.0 * p->done / p->total, rate, p->tty && !last ? "" : "\n");
	else
		fprintf(stderr, "%s%s: %.1f MB, %.1f MB/s%s", p->tty ? "\r" : "",
		    getprogname(), mb, rate, p->tty && !last ? "" : "\n");
	p->shown = *now;
}

void
hs_progress_update(struct hs_progress *p, uint64_t done)
{
	struct timespec now;

	p->done = done;
	if (!p->enabled || done - p->checked < CHECK_EVERY)
		return;
	p->checked = done;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (seconds_between(&p->shown, &now) >= (p->tty ? 0.25 : 1.0))
		show(p, &now, false);
}

void
hs_progress_finish(struct hs_progress *p)
{
	struct timespec now;

	if (!p->enabled)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	show(p, &now, true);
}

uint64_t
hs_progress_total(char *const *paths, int n)
{
	struct stat	st;
	uint64_t	total = 0;
	int		i;

	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	return total;
}
