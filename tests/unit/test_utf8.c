/* test_utf8.c: unit tests of lib/hs_utf8.c (stub, being written). */
#include "suites.h"

Suite *
hs_utf8_suite(void)
{
	return suite_create("utf8");
}
