/* test_summary.c: unit tests of lib/hs_summary.c. */
#include <check.h>

#include "suites.h"

Suite *
hs_summary_suite(void)
{
	return suite_create("summary");
}
