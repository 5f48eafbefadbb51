/* test_count.c: unit tests of lib/hs_count.c. */
#include <check.h>

#include "suites.h"

Suite *
hs_count_suite(void)
{
	return suite_create("count");
}
