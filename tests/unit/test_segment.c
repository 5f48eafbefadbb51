/* test_segment.c: unit tests of lib/hs_segment.c (stub, being written). */
#include "suites.h"

Suite *
hs_segment_suite(void)
{
	return suite_create("segment");
}
