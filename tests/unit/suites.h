/* suites.h: one Check suite per lib/ module, run together by check_hearsay. */
#ifndef HS_TEST_SUITES_H
#define HS_TEST_SUITES_H

#include <check.h>

Suite	*hs_buf_suite(void);
Suite	*hs_chart_suite(void);
Suite	*hs_count_suite(void);
Suite	*hs_escape_suite(void);
Suite	*hs_input_suite(void);
Suite	*hs_lexicon_suite(void);
Suite	*hs_numex_suite(void);
Suite	*hs_progress_suite(void);
Suite	*hs_quote_suite(void);
Suite	*hs_reader_suite(void);
Suite	*hs_record_suite(void);
Suite	*hs_segment_suite(void);
Suite	*hs_summary_suite(void);
Suite	*hs_tag_suite(void);
Suite	*hs_utf8_suite(void);
Suite	*hs_util_suite(void);

#endif
