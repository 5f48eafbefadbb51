/* test_util.c: unit tests of lib/hs_util.c (stub, being written). */
#include "suites.h"

Suite *
hs_util_suite(void)
{
	return suite_create("util");
}
