/* test_buf.c: unit tests of lib/hs_buf.c (stub, being written). */
#include "suites.h"

Suite *
hs_buf_suite(void)
{
	return suite_create("buf");
}
