/* test_chart.c: unit tests of lib/hs_chart.c. */
#include <check.h>

#include "suites.h"

Suite *
hs_chart_suite(void)
{
	return suite_create("chart");
}
