/* test_lexicon.c: unit tests of lib/hs_lexicon.c (stub, being written). */
#include "suites.h"

Suite *
hs_lexicon_suite(void)
{
	return suite_create("lexicon");
}
