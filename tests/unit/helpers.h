/* helpers.h: plumbing shared by the Check unit tests: standard error or output caught in a
 * file, a forked child's exit and messages, a plain UTF-8 encoder, a fixed-seed generator,
 * and a writer's output caught in a string. */
#ifndef HS_TEST_HELPERS_H
#define HS_TEST_HELPERS_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hs_record.h"

#define TH_NELEM(a)	(sizeof(a) / sizeof((a)[0]))
/* For loops of millions of checks: ck_assert records its place on every pass, which is
 * slow when the test runs in a child process, so only a failure goes through Check. */
#define TH_REQUIRE(cond, ...)	do { if (!(cond)) ck_abort_msg(__VA_ARGS__); } while (0)

/* A byte string with its length, so that NUL and cut-off sequences can be written. */
struct th_bytes {
	const char	*s;
	size_t		 n;
};
#define TH_B(lit)	{ lit, sizeof(lit) - 1 }

/* A standard stream sent to a temporary file while a test runs, then restored; what was
 * written is in text, cut to its size. */
struct th_capture {
	FILE	*stream;
	FILE	*file;
	int	 saved;
	char	 text[4096];
};

void		 th_capture_start(struct th_capture *, FILE *);
const char	*th_capture_end(struct th_capture *);
int		 th_run_in_child(void (*)(void *), void *, char *, size_t);
size_t		 th_utf8_encode(uint32_t, unsigned char *);
uint64_t	 th_next_random(uint64_t *);
/* What write(w, arg) writes through a writer of the format, as an allocated string. */
char		*th_written(enum hs_format, void (*write)(struct hs_writer *, void *),
		    void *arg);

#endif
