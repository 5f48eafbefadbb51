/* check_hearsay.c: the Check runner for the unit tests of every lib/ module.
 * Run with CK_RUN_SUITE=name to run one suite. */
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner	*sr;
	int	 nfailed;

	sr = srunner_create(hs_buf_suite());
	srunner_add_suite(sr, hs_chart_suite());
	srunner_add_suite(sr, hs_count_suite());
	srunner_add_suite(sr, hs_escape_suite());
	srunner_add_suite(sr, hs_input_suite());
	srunner_add_suite(sr, hs_lexicon_suite());
	srunner_add_suite(sr, hs_numex_suite());
	srunner_add_suite(sr, hs_progress_suite());
	srunner_add_suite(sr, hs_quote_suite());
	srunner_add_suite(sr, hs_reader_suite());
	srunner_add_suite(sr, hs_record_suite());
	srunner_add_suite(sr, hs_segment_suite());
	srunner_add_suite(sr, hs_summary_suite());
	srunner_add_suite(sr, hs_tag_suite());
	srunner_add_suite(sr, hs_utf8_suite());
	srunner_add_suite(sr, hs_util_suite());
	srunner_run_all(sr, CK_NORMAL);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
