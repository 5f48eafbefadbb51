/* hs_progress.h: --progress, bytes done of total and the rate, on standard error,
 * at most a few times a second. */
#ifndef HS_PROGRESS_H
#define HS_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct hs_progress {
	bool		 enabled;
	bool		 tty;		/* redraw one line with \r, else print lines */
	uint64_t	 total;		/* bytes of all named files, 0 when unknown */
	uint64_t	 done;
	uint64_t	 checked;	/* done when the clock was last read */
	struct timespec	 started;
	struct timespec	 shown;
};

void	hs_progress_init(struct hs_progress *, bool enabled, uint64_t total);
/* Report that `done` bytes in all are processed. Cheap when nothing is shown. */
void	hs_progress_update(struct hs_progress *, uint64_t done);
void	hs_progress_finish(struct hs_progress *);
/* The total size of the regular files among paths ("-" is standard input), for
 * the total of hs_progress_init. */
uint64_t hs_progress_total(char *const *paths, int n);

#endif
