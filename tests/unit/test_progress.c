/* test_progress.c: unit tests of lib/hs_progress.c (stub, being written). */
#include "suites.h"

Suite *
hs_progress_suite(void)
{
	return suite_create("progress");
}
