/* hs_util.c: pieces every tool shares. */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "hs_util.h"

void
hs_print_version(void)
{
	printf("%s (hearsay) %s\n", getprogname(), PACKAGE_VERSION);
}
