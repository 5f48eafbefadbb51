/* test_record.c: unit tests of lib/hs_record.c (stub, being written). */
#include "suites.h"

Suite *
hs_record_suite(void)
{
	return suite_create("record");
}
