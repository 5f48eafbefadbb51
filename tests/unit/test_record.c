/* test_record.c: unit tests of lib/hs_record.c, the TSV and JSON Lines record writer.
 * Records go to memory streams and temporary files and are compared byte for byte. */
#include <sys/wait.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_escape.h"
#include "hs_record.h"
#include "suites.h"

/* A writer on a memory stream, and the stream's contents. */
struct sink {
	FILE	*fp;
	char	*data;
	size_t	 len;
};

static void
sink_open(struct sink *k)
{
	k->data = NULL;
	k->len = 0;
	ck_assert_ptr_nonnull(k->fp = open_memstream(&k->data, &k->len));
}

static void
sink_close(struct sink *k)
{
	ck_assert_int_eq(fclose(k->fp), 0);
	free(k->data);
}

/* The contents so far, as a string (open_memstream keeps a NUL after them). */
static const char *
sink_text(struct sink *k)
{
	ck_assert_int_eq(fflush(k->fp), 0);
	return k->data ? k->data : "";
}

static const struct {
	struct hs_place	 pl;
	const char	*text;
	const char	*tsv;
	const char	*json;
} place_cases[] = {
	{ { "a", "2021-03-04", 1, 2, 10, 20 }, "He said\t\"hi\".",
	  "a\t2021-03-04\t1\t2\t10\t20\tHe said\\t\"hi\".\n",
	  "{\"doc\":\"a\",\"date\":\"2021-03-04\",\"par\":1,\"sent\":2,\"start\":10,"
	  "\"end\":20,\"text\":\"He said\\t\\\"hi\\\".\"}\n" },
	/* no date: "-" in TSV, null in JSON */
	{ { "stdin", "-", 0, 0, 0, 0 }, "",
	  "stdin\t-\t0\t0\t0\t0\t\n",
	  "{\"doc\":\"stdin\",\"date\":null,\"par\":0,\"sent\":0,\"start\":0,\"end\":0,"
	  "\"text\":\"\"}\n" },
	/* large numbers, an id with an offset, text with bytes to escape */
	{ { "news@123456", "1999-12-31", 4294967295UL, 9, UINT64_MAX - 1, UINT64_MAX },
	  "caf\xC3\xA9\\\n\xFF",
	  "news@123456\t1999-12-31\t4294967295\t9\t18446744073709551614\t"
	  "18446744073709551615\tcaf\xC3\xA9\\\\\\n\\xff\n",
	  "{\"doc\":\"news@123456\",\"date\":\"1999-12-31\",\"par\":4294967295,"
	  "\"sent\":9,\"start\":18446744073709551614,\"end\":18446744073709551615,"
	  "\"text\":\"caf\xC3\xA9\\\\\\n\xEF\xBF\xBD\"}\n" },
	/* a doc name with bytes to escape is escaped too */
	{ { "we\"ird\tname", "-", 1, 1, 5, 6 }, "x",
	  "we\"ird\\tname\t-\t1\t1\t5\t6\tx\n",
	  "{\"doc\":\"we\\\"ird\\tname\",\"date\":null,\"par\":1,\"sent\":1,\"start\":5,"
	  "\"end\":6,\"text\":\"x\"}\n" },
};

/* One record of each case, alone on a fresh writer, in both formats. */
START_TEST(test_place_records)
{
	struct hs_writer	 w;
	struct sink		 k;
	size_t			 i, f;
	const char		*want;

	for (i = 0; i < TH_NELEM(place_cases); i++) {
		for (f = 0; f < 2; f++) {
			sink_open(&k);
			hs_writer_init(&w, k.fp, f ? HS_FORMAT_JSON : HS_FORMAT_TSV);
			hs_writer_begin(&w);
			hs_writer_place(&w, &place_cases[i].pl);
			hs_writer_cstr(&w, "text", place_cases[i].text);
			hs_writer_end(&w);
			ck_assert_int_eq(hs_writer_close(&w), 0);
			want = f ? place_cases[i].json : place_cases[i].tsv;
			ck_assert_msg(strcmp(sink_text(&k), want) == 0,
			    "case %zu %s: '%s'", i, f ? "json" : "tsv", k.data);
			sink_close(&k);
		}
	}
}
END_TEST

/* The place columns' numbers at every length, on one writer (the doc and date
 * prefix is reused from record to record), against printf's digits. */
START_TEST(test_place_numbers)
{
	struct hs_writer	 w;
	struct sink		 k;
	struct hs_place		 pl = { "d", "-", 0, 0, 0, 0 };
	char			 want[128], *line;
	uint64_t		 v = 0;
	size_t			 i, nvals = 0;
	uint64_t		 vals[64];

	for (i = 0, v = 1; i < 20; i++, v *= 10) {
		vals[nvals++] = v - 1;
		vals[nvals++] = v;
	}
	vals[nvals++] = UINT64_MAX;
	sink_open(&k);
	hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
	for (i = 0; i < nvals; i++) {
		pl.par = pl.sent = pl.start = pl.end = vals[i];
		hs_writer_begin(&w);
		hs_writer_place(&w, &pl);
		hs_writer_end(&w);
	}
	ck_assert_int_eq(hs_writer_close(&w), 0);
	line = strtok((char *)sink_text(&k), "\n");
	for (i = 0; i < nvals; i++, line = strtok(NULL, "\n")) {
		snprintf(want, sizeof(want), "d\t-\t%llu\t%llu\t%llu\t%llu",
		    (unsigned long long)vals[i], (unsigned long long)vals[i],
		    (unsigned long long)vals[i], (unsigned long long)vals[i]);
		ck_assert_ptr_nonnull(line);
		ck_assert_msg(strcmp(line, want) == 0, "value %zu: '%s'", i, line);
	}
	sink_close(&k);
}
END_TEST

/* A field far longer than the writer's pieces: multibyte characters that straddle
 * a piece boundary stay whole, and the output equals one escaping of the field. */
START_TEST(test_long_field_in_pieces)
{
	static const char *const chars[] = {
		"\xc3\xa9", "\xe2\x80\xa6", "\xf0\x9f\x98\x80", "a", "\t", "\xff"
	};
	struct hs_writer	 w;
	struct hs_buf		 text, want;
	struct sink		 k;
	size_t			 i, f;

	for (f = 0; f < 2; f++) {
		hs_buf_init(&text);
		hs_buf_init(&want);
		/* 1.3 MB of mixed widths, so pieces end inside every kind of sequence */
		for (i = 0; text.len < 1300000; i++)
			hs_buf_puts(&text, chars[(i * 7 + i / 3) % (f ? 6 : 5)]);
		hs_escape_tsv(&want, text.data, text.len);
		hs_buf_putc(&want, '\n');
		sink_open(&k);
		hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
		hs_writer_begin(&w);
		if (f)
			hs_writer_str(&w, "text", text.data, text.len);
		else
			hs_writer_str_clean(&w, "text", text.data, text.len);
		hs_writer_end(&w);
		ck_assert_int_eq(hs_writer_close(&w), 0);
		sink_text(&k);
		ck_assert_uint_eq(k.len, want.len);
		ck_assert(memcmp(k.data, want.data, want.len) == 0);
		sink_close(&k);
		hs_buf_free(&text);
		hs_buf_free(&want);
	}
}
END_TEST

/* Several records on one writer: fields restart at each record. */
START_TEST(test_several_records)
{
	static const char tsv[] =
	    "d\t-\t1\t0\t0\t3\tOne\n"
	    "d\t-\t1\t0\t4\t7\tTwo\n"
	    "\n"
	    "7\tx\t-\n";
	static const char json[] =
	    "{\"doc\":\"d\",\"date\":null,\"par\":1,\"sent\":0,\"start\":0,\"end\":3,"
	    "\"text\":\"One\"}\n"
	    "{\"doc\":\"d\",\"date\":null,\"par\":1,\"sent\":0,\"start\":4,\"end\":7,"
	    "\"text\":\"Two\"}\n"
	    "{}\n"
	    "{\"count\":7,\"speaker\":\"x\",\"cue\":null}\n";
	struct hs_place		 pl = { "d", "-", 1, 0, 0, 3 };
	struct hs_writer	 w;
	struct sink		 k;
	int			 f;

	for (f = 0; f < 2; f++) {
		sink_open(&k);
		hs_writer_init(&w, k.fp, f ? HS_FORMAT_JSON : HS_FORMAT_TSV);
		hs_writer_begin(&w);
		hs_writer_place(&w, &pl);
		hs_writer_str(&w, "text", "One more", 3);
		hs_writer_end(&w);
		pl.start = 4, pl.end = 7;
		hs_writer_begin(&w);
		hs_writer_place(&w, &pl);
		hs_writer_cstr(&w, "text", "Two");
		hs_writer_end(&w);
		pl.start = 0, pl.end = 3;
		/* a record with no fields */
		hs_writer_begin(&w);
		hs_writer_end(&w);
		/* a record of other fields, as a count summary or quote would write */
		hs_writer_begin(&w);
		hs_writer_uint(&w, "count", 7);
		hs_writer_optstr(&w, "speaker", "x");
		hs_writer_optstr(&w, "cue", "-");
		hs_writer_end(&w);
		ck_assert_int_eq(hs_writer_flush(&w), 0);
		ck_assert_str_eq(sink_text(&k), f ? json : tsv);
		ck_assert_int_eq(hs_writer_close(&w), 0);
		sink_close(&k);
	}
}
END_TEST

static const struct {
	uint64_t	 v;
	const char	*digits;
} uint_cases[] = {
	{ 0, "0" }, { 1, "1" }, { 9, "9" }, { 10, "10" }, { 99, "99" }, { 100, "100" },
	{ 8388608, "8388608" }, { UINT64_C(4294967296), "4294967296" },
	{ UINT64_C(10000000000000000000), "10000000000000000000" },
	{ UINT64_MAX, "18446744073709551615" },
};

START_TEST(test_uint)
{
	struct hs_writer	 w;
	struct sink		 k;
	char			 want[64];
	size_t			 i;

	for (i = 0; i < TH_NELEM(uint_cases); i++) {
		sink_open(&k);
		hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
		hs_writer_begin(&w);
		hs_writer_uint(&w, "n", uint_cases[i].v);
		hs_writer_uint(&w, "n", uint_cases[i].v);
		hs_writer_end(&w);
		ck_assert_int_eq(hs_writer_close(&w), 0);
		snprintf(want, sizeof(want), "%s\t%s\n", uint_cases[i].digits,
		    uint_cases[i].digits);
		ck_assert_msg(strcmp(sink_text(&k), want) == 0, "case %zu: '%s'", i,
		    k.data);
		sink_close(&k);
	}
}
END_TEST

/* optstr: "-" is null only in JSON, and only "-" itself. */
START_TEST(test_optstr)
{
	static const struct {
		const char	*in;
		const char	*tsv;
		const char	*json;
	} cases[] = {
		{ "-", "-\n", "{\"v\":null}\n" },
		{ "--", "--\n", "{\"v\":\"--\"}\n" },
		{ "", "\n", "{\"v\":\"\"}\n" },
		{ "2020-01-01", "2020-01-01\n", "{\"v\":\"2020-01-01\"}\n" },
		{ "a\tb", "a\\tb\n", "{\"v\":\"a\\tb\"}\n" },
	};
	struct hs_writer	 w;
	struct sink		 k;
	size_t			 i;
	int			 f;

	for (i = 0; i < TH_NELEM(cases); i++) {
		for (f = 0; f < 2; f++) {
			sink_open(&k);
			hs_writer_init(&w, k.fp, f ? HS_FORMAT_JSON : HS_FORMAT_TSV);
			hs_writer_begin(&w);
			hs_writer_optstr(&w, "v", cases[i].in);
			hs_writer_end(&w);
			ck_assert_int_eq(hs_writer_close(&w), 0);
			ck_assert_msg(strcmp(sink_text(&k),
			    f ? cases[i].json : cases[i].tsv) == 0,
			    "case %zu %s: '%s'", i, f ? "json" : "tsv", k.data);
			sink_close(&k);
		}
	}
}
END_TEST

/* Text with a NUL inside it is written in full: str takes a length, not a C string. */
START_TEST(test_str_with_nul)
{
	struct hs_writer	 w;
	struct sink		 k;

	sink_open(&k);
	hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
	hs_writer_begin(&w);
	hs_writer_str(&w, "text", "a\0b", 3);
	hs_writer_end(&w);
	ck_assert_int_eq(hs_writer_close(&w), 0);
	ck_assert_str_eq(sink_text(&k), "a\\x00b\n");
	sink_close(&k);

	sink_open(&k);
	hs_writer_init(&w, k.fp, HS_FORMAT_JSON);
	hs_writer_begin(&w);
	hs_writer_str(&w, "text", "a\0b", 3);
	hs_writer_end(&w);
	ck_assert_int_eq(hs_writer_close(&w), 0);
	ck_assert_str_eq(sink_text(&k), "{\"text\":\"a\\u0000b\"}\n");
	sink_close(&k);
}
END_TEST

/* Records wait in the writer's buffer and go out in large blocks of whole records,
 * everything by flush; a file gets the same bytes as a memory stream. */
START_TEST(test_buffered_in_blocks)
{
	struct hs_writer	 w;
	struct sink		 k;
	struct hs_place		 pl = { "doc", "2020-02-29", 1, 1, 0, 0 };
	FILE			*tf;
	char			*all, *back;
	size_t			 i, n = 20000, total;
	int			 f;

	for (f = 0; f < 2; f++) {
		sink_open(&k);
		hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
		hs_writer_begin(&w);
		hs_writer_place(&w, &pl);
		hs_writer_end(&w);
		ck_assert_uint_eq(strlen(sink_text(&k)), 0);
		for (i = 1; i < n; i++) {
			pl.sent = i + 1, pl.start = 100 * i, pl.end = 100 * i + 99;
			hs_writer_begin(&w);
			hs_writer_place(&w, &pl);
			hs_writer_cstr(&w, "text", f ? "short" : "a somewhat longer "
			    "sentence that fills the buffer faster than the other.");
			hs_writer_end(&w);
		}
		/* some blocks went out, each ending with a whole record */
		ck_assert_uint_gt(strlen(sink_text(&k)), 0);
		ck_assert_int_eq(k.data[k.len - 1], '\n');
		total = k.len;
		ck_assert_int_eq(hs_writer_flush(&w), 0);
		ck_assert_uint_gt(strlen(sink_text(&k)), total);
		ck_assert_int_eq(hs_writer_close(&w), 0);
		ck_assert_ptr_null(w.buf.data);
		ck_assert_ptr_nonnull(all = strdup(sink_text(&k)));
		total = strlen(all);
		sink_close(&k);

		/* the same records through a temporary file */
		ck_assert_ptr_nonnull(tf = tmpfile());
		hs_writer_init(&w, tf, HS_FORMAT_TSV);
		pl.sent = 1, pl.start = 0, pl.end = 0;
		hs_writer_begin(&w);
		hs_writer_place(&w, &pl);
		hs_writer_end(&w);
		for (i = 1; i < n; i++) {
			pl.sent = i + 1, pl.start = 100 * i, pl.end = 100 * i + 99;
			hs_writer_begin(&w);
			hs_writer_place(&w, &pl);
			hs_writer_cstr(&w, "text", f ? "short" : "a somewhat longer "
			    "sentence that fills the buffer faster than the other.");
			hs_writer_end(&w);
		}
		ck_assert_int_eq(hs_writer_close(&w), 0);
		ck_assert_ptr_nonnull(back = malloc(total + 2));
		rewind(tf);
		ck_assert_uint_eq(fread(back, 1, total + 2, tf), total);
		ck_assert(memcmp(back, all, total) == 0);
		fclose(tf);
		free(back);
		free(all);
		pl.sent = 1, pl.start = 0, pl.end = 0;
	}
}
END_TEST

/* A writer for a terminal hands over each record as it ends. */
START_TEST(test_line_buffered)
{
	struct hs_writer	 w;
	struct sink		 k;

	sink_open(&k);
	hs_writer_init(&w, k.fp, HS_FORMAT_TSV);
	ck_assert(!w.line_buffered);		/* a memory stream is no terminal */
	w.line_buffered = true;
	hs_writer_begin(&w);
	hs_writer_cstr(&w, "a", "one");
	hs_writer_end(&w);
	ck_assert_uint_eq(k.len, 4);
	ck_assert_str_eq(k.data, "one\n");
	hs_writer_begin(&w);
	hs_writer_cstr(&w, "a", "two");
	hs_writer_end(&w);
	ck_assert_uint_eq(k.len, 8);
	ck_assert_str_eq(k.data, "one\ntwo\n");
	ck_assert_int_eq(hs_writer_close(&w), 0);
	sink_close(&k);
}
END_TEST

/* A device that is always full: flush and close report the error with errno. */
START_TEST(test_write_error)
{
	struct hs_writer	 w;
	FILE			*fp;

	if ((fp = fopen("/dev/full", "w")) == NULL)
		return;		/* no /dev/full here: nothing to test */
	hs_writer_init(&w, fp, HS_FORMAT_TSV);
	hs_writer_begin(&w);
	hs_writer_cstr(&w, "text", "lost");
	hs_writer_end(&w);
	errno = 0;
	ck_assert_int_eq(hs_writer_close(&w), -1);
	ck_assert_int_eq(errno, ENOSPC);
	fclose(fp);

	ck_assert_ptr_nonnull(fp = fopen("/dev/full", "w"));
	hs_writer_init(&w, fp, HS_FORMAT_JSON);
	hs_writer_begin(&w);
	hs_writer_cstr(&w, "text", "lost");
	hs_writer_end(&w);
	ck_assert_int_eq(hs_writer_flush(&w), -1);
	/* the error sticks: a later close fails too */
	ck_assert_int_eq(hs_writer_close(&w), -1);
	fclose(fp);
}
END_TEST

/* In the child of test_write_error_at_end_exits: a line-buffered record to a full
 * device, which must end the process. */
static void
write_to_full(void *unused)
{
	struct hs_writer	 w;
	FILE			*fp;

	if ((fp = fopen("/dev/full", "w")) == NULL)
		_exit(98);
	hs_writer_init(&w, fp, HS_FORMAT_TSV);
	w.line_buffered = true;
	hs_writer_begin(&w);
	hs_writer_cstr(&w, "text", "lost");
	hs_writer_end(&w);
}

/* A record that cannot be written when it ends is fatal: err(1, "stdout"). Run in a
 * child whose standard error goes to a file. */
START_TEST(test_write_error_at_end_exits)
{
	char	 msg[256], want[256];
	int	 status;

	if (access("/dev/full", W_OK) == -1)
		return;
	status = th_run_in_child(write_to_full, NULL, msg, sizeof(msg));
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 1);
	snprintf(want, sizeof(want), "%s: stdout: %s\n", getprogname(),
	    strerror(ENOSPC));
	ck_assert_str_eq(msg, want);
}
END_TEST

Suite *
hs_record_suite(void)
{
	Suite	*s = suite_create("record");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_place_records);
	tcase_add_test(tc, test_several_records);
	tcase_add_test(tc, test_place_numbers);
	tcase_add_test(tc, test_long_field_in_pieces);
	tcase_add_test(tc, test_uint);
	tcase_add_test(tc, test_optstr);
	tcase_add_test(tc, test_str_with_nul);
	tcase_add_test(tc, test_buffered_in_blocks);
	tcase_add_test(tc, test_line_buffered);
	tcase_add_test(tc, test_write_error);
	tcase_add_test(tc, test_write_error_at_end_exits);
	suite_add_tcase(s, tc);
	return s;
}
