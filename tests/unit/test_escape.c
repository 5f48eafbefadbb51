/* test_escape.c: unit tests of lib/hs_escape.c (stub, being written). */
#include "suites.h"

Suite *
hs_escape_suite(void)
{
	return suite_create("escape");
}
