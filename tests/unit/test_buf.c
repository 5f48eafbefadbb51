/* test_buf.c: unit tests of lib/hs_buf.c, the growable byte buffer.
 * Checks contents byte for byte after every kind of change, and growth past many doublings. */
#include <sys/wait.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_buf.h"
#include "suites.h"

START_TEST(test_init_is_empty)
{
	struct hs_buf b;

	memset(&b, 0xA5, sizeof(b));
	hs_buf_init(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	hs_buf_free(&b);
	/* freeing again, or freeing an empty buffer, is harmless */
	hs_buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_append_puts_putc)
{
	struct hs_buf b;

	hs_buf_init(&b);
	hs_buf_append(&b, "ab", 2);
	hs_buf_append(&b, "", 0);
	hs_buf_append(&b, NULL, 0);
	hs_buf_puts(&b, "cd");
	hs_buf_puts(&b, "");
	hs_buf_putc(&b, 'e');
	hs_buf_putc(&b, '\0');
	hs_buf_append(&b, "f\0g", 3);
	ck_assert_uint_eq(b.len, 9);
	ck_assert(memcmp(b.data, "abcde\0f\0g", 9) == 0);
	ck_assert_uint_ge(b.cap, b.len);
	hs_buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
}
END_TEST

/* An empty buffer's first putc must allocate: len == cap == 0 at the start. */
START_TEST(test_putc_on_empty)
{
	struct hs_buf b;

	hs_buf_init(&b);
	hs_buf_putc(&b, 'x');
	ck_assert_uint_eq(b.len, 1);
	ck_assert_uint_ge(b.cap, 1);
	ck_assert_int_eq(b.data[0], 'x');
	hs_buf_free(&b);
}
END_TEST

START_TEST(test_reserve)
{
	struct hs_buf	 b;
	char		*before;

	hs_buf_init(&b);
	hs_buf_reserve(&b, 0);
	ck_assert_uint_eq(b.len, 0);
	hs_buf_reserve(&b, 1000);
	ck_assert_uint_ge(b.cap, 1000);
	ck_assert_uint_eq(b.len, 0);
	/* after a reserve, appends up to that size do not move the data */
	before = b.data;
	memset(b.data, 'z', 1000);
	b.len = 10;
	hs_buf_reserve(&b, 990);
	ck_assert_ptr_eq(b.data, before);
	hs_buf_append(&b, "0123456789", 10);
	ck_assert_uint_eq(b.len, 20);
	ck_assert(memcmp(b.data, "zzzzzzzzzz0123456789", 20) == 0);
	/* reserve counts from len, not from zero */
	hs_buf_reserve(&b, b.cap);
	ck_assert_uint_ge(b.cap, 20 + 1000);
	ck_assert(memcmp(b.data, "zzzzzzzzzz0123456789", 20) == 0);
	hs_buf_free(&b);
}
END_TEST

/* Growth through many doublings keeps every byte; one byte at a time and in odd sizes. */
START_TEST(test_growth_keeps_bytes)
{
	struct hs_buf	 b;
	size_t		 i, n = 1 << 20;
	char		 chunk[37];

	hs_buf_init(&b);
	for (i = 0; i < n; i++)
		hs_buf_putc(&b, (char)(i * 7 + i / 256));
	ck_assert_uint_eq(b.len, n);
	ck_assert_uint_ge(b.cap, n);
	for (i = 0; i < n; i++) {
		if (b.data[i] != (char)(i * 7 + i / 256))
			ck_abort_msg("byte %zu changed", i);
	}
	hs_buf_free(&b);

	for (i = 0; i < sizeof(chunk); i++)
		chunk[i] = 'A' + i % 26;
	for (i = 0; i < 10000; i++)
		hs_buf_append(&b, chunk, 1 + i % sizeof(chunk));
	ck_assert_uint_eq(b.len, 10000 / 37 * (37 * 38 / 2) + (10000 % 37) *
	    (10000 % 37 + 1) / 2);
	/* every append starts a new copy of the chunk: 'A' follows each chunk end */
	for (i = 0, n = 0; i < 10000; n += 1 + i % sizeof(chunk), i++) {
		if (memcmp(b.data + n, chunk, 1 + i % sizeof(chunk)) != 0)
			ck_abort_msg("append %zu changed", i);
	}
	hs_buf_free(&b);
}
END_TEST

static const struct {
	size_t	 consume;
	size_t	 len;
	char	 rest[12];
} consume_cases[] = {
	{ 0, 10, "0123456789" },
	{ 1, 9, "123456789" },
	{ 4, 6, "456789" },
	{ 9, 1, "9" },
	{ 10, 0, "" },
	{ 11, 0, "" },
	{ SIZE_MAX, 0, "" },
};

START_TEST(test_consume)
{
	struct hs_buf	 b;
	size_t		 i;

	for (i = 0; i < sizeof(consume_cases) / sizeof(consume_cases[0]); i++) {
		hs_buf_init(&b);
		hs_buf_puts(&b, "0123456789");
		hs_buf_consume(&b, consume_cases[i].consume);
		ck_assert_msg(b.len == consume_cases[i].len, "case %zu: len %zu", i,
		    b.len);
		ck_assert_msg(memcmp(b.data, consume_cases[i].rest, b.len) == 0,
		    "case %zu: '%.*s'", i, (int)b.len, b.data);
		/* the buffer goes on working after a consume */
		hs_buf_puts(&b, "ab");
		ck_assert_msg(b.len == consume_cases[i].len + 2 &&
		    memcmp(b.data + consume_cases[i].len, "ab", 2) == 0, "case %zu", i);
		hs_buf_free(&b);
	}
	/* consuming from an empty buffer */
	hs_buf_init(&b);
	hs_buf_consume(&b, 0);
	hs_buf_consume(&b, 5);
	ck_assert_uint_eq(b.len, 0);
	hs_buf_free(&b);
}
END_TEST

/* Used as a queue: append, consume part, append again, many times. */
START_TEST(test_consume_as_queue)
{
	struct hs_buf	 b;
	size_t		 round, head = 0, tail = 0, i;
	char		 c[100];

	hs_buf_init(&b);
	for (round = 0; round < 500; round++) {
		for (i = 0; i < 1 + round % 100; i++)
			c[i] = (char)(tail + i);
		hs_buf_append(&b, c, i);
		tail += i;
		hs_buf_consume(&b, round % 70);
		head = round % 70 > tail - head ? tail : head + round % 70;
		ck_assert_msg(b.len == tail - head, "round %zu", round);
		for (i = 0; i < b.len; i++) {
			if (b.data[i] != (char)(head + i))
				ck_abort_msg("round %zu byte %zu", round, i);
		}
	}
	hs_buf_free(&b);
}
END_TEST

/* In the child of test_reserve_overflow_exits: a reserve that must end the process. */
static void
reserve_too_much(void *unused)
{
	struct hs_buf b;

	hs_buf_init(&b);
	hs_buf_putc(&b, 'x');
	hs_buf_reserve(&b, SIZE_MAX);
}

/* Reserving more than can ever fit is fatal, with a message rather than a wrap-around:
 * run it in a child whose standard error goes to a file, and read the file. */
START_TEST(test_reserve_overflow_exits)
{
	char	 msg[256], want[256];
	int	 status;

	status = th_run_in_child(reserve_too_much, NULL, msg, sizeof(msg));
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 1);
	snprintf(want, sizeof(want), "%s: buffer size overflow\n", getprogname());
	ck_assert_str_eq(msg, want);
}
END_TEST

Suite *
hs_buf_suite(void)
{
	Suite	*s = suite_create("buf");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_init_is_empty);
	tcase_add_test(tc, test_append_puts_putc);
	tcase_add_test(tc, test_putc_on_empty);
	tcase_add_test(tc, test_reserve);
	tcase_add_test(tc, test_growth_keeps_bytes);
	tcase_add_test(tc, test_consume);
	tcase_add_test(tc, test_consume_as_queue);
	tcase_add_test(tc, test_reserve_overflow_exits);
	suite_add_tcase(s, tc);
	return s;
}
