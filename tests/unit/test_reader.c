/* test_reader.c: unit tests of lib/hs_reader.c (stub, being written). */
#include "suites.h"

Suite *
hs_reader_suite(void)
{
	return suite_create("reader");
}
