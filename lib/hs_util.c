/* hs_util.c: pieces every tool shares. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "hs_util.h"

ssize_t
hs_read_once(int fd, void *buf, size_t n, bool regular, void (*before_wait)(void *),
    void *arg)
{
	struct pollfd	pfd = { .fd = fd, .events = POLLIN };
	ssize_t		got;

	if (before_wait != NULL && !regular && poll(&pfd, 1, 0) == 0)
		before_wait(arg);
	do
		got = read(fd, buf, n);
	while (got == -1 && errno == EINTR);
	return got;
}

void
hs_print_version(void)
{
	printf("%s (hearsay) %s\n", getprogname(), PACKAGE_VERSION);
}
