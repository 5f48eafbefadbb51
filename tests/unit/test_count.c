/* test_count.c: unit tests of lib/hs_count.c, the exact counter of byte-string keys.
 * Keys are made by rule, so every count and number is known; lookups are checked after
 * the table has grown many times. */
#include <sys/wait.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "hs_count.h"
#include "suites.h"

#define MANY_KEYS	300000

/*
 * Key i: its number in decimal, a mark, then (i * 7) % 37 bytes that run through all 256
 * values, NUL included. The mark's place tells the number's length, so keys of different
 * numbers differ. Returns the length.
 */
static size_t
make_key(uint32_t i, char mark, unsigned char *out)
{
	size_t n, j, pad = (size_t)(i * 7u % 37u);

	n = (size_t)snprintf((char *)out, 16, "%u", (unsigned)i);
	out[n++] = (unsigned char)mark;
	for (j = 0; j < pad; j++)
		out[n++] = (unsigned char)(i + j * 31u);
	return n;
}

/* How many times key i is added in the second pass, and the count it then has. */
static uint64_t
first_n(uint32_t i)
{
	return 1 + i % 5;
}

static uint64_t
second_n(uint32_t i)
{
	return i % 3 == 0 ? 1000 : 0;
}

/* 300,000 keys through eight doublings of the slots: every key has its first-added
 * number, its bytes, its length and the sum of what was added; keys never added are
 * not found, before and after the table grew. */
START_TEST(test_many_keys)
{
	struct hs_counter	 c;
	unsigned char		 key[64];
	size_t			 len;
	uint32_t		 i, num;
	bool			 isnew;

	hs_counter_init(&c);
	ck_assert_uint_eq(hs_counter_size(&c), 0);
	len = make_key(0, ':', key);
	ck_assert_uint_eq(hs_counter_find(&c, key, len), UINT32_MAX);
	for (i = 0; i < MANY_KEYS; i++) {
		len = make_key(i, ':', key);
		isnew = false;
		num = hs_counter_add(&c, key, len, first_n(i), &isnew);
		TH_REQUIRE(num == i && isnew, "first add of key %u: number %u, new %d",
		    i, num, isnew);
		/* keys added earlier are still found as the table grows under them */
		if (i % 997 == 0) {
			uint32_t j = i / 2;

			len = make_key(j, ':', key);
			TH_REQUIRE(hs_counter_find(&c, key, len) == j,
			    "key %u lost after %u keys", j, i + 1);
		}
	}
	ck_assert_uint_eq(hs_counter_size(&c), MANY_KEYS);
	/* the second pass walks the keys backwards */
	for (i = MANY_KEYS; i-- > 0; ) {
		len = make_key(i, ':', key);
		isnew = true;
		num = hs_counter_add(&c, key, len, second_n(i), &isnew);
		TH_REQUIRE(num == i && !isnew, "second add of key %u: number %u, new %d",
		    i, num, isnew);
	}
	ck_assert_uint_eq(hs_counter_size(&c), MANY_KEYS);
	for (i = 0; i < MANY_KEYS; i++) {
		len = make_key(i, ':', key);
		TH_REQUIRE(hs_counter_find(&c, key, len) == i, "find of key %u", i);
		TH_REQUIRE(hs_counter_len(&c, i) == len, "length of key %u: %zu, not %zu",
		    i, hs_counter_len(&c, i), len);
		TH_REQUIRE(memcmp(hs_counter_key(&c, i), key, len) == 0, "bytes of key %u", i);
		TH_REQUIRE(hs_counter_count(&c, i) == first_n(i) + second_n(i),
		    "count of key %u: %llu", i, (unsigned long long)hs_counter_count(&c, i));
		TH_REQUIRE(hs_counter_rec(&c, i)->num == i, "record number of key %u", i);
		/* the same number with another mark */
		len = make_key(i, ';', key);
		TH_REQUIRE(hs_counter_find(&c, key, len) == UINT32_MAX, "absent key %u found",
		    i);
		/* a key cut by one byte: its number and a shorter tail, or no mark */
		len = make_key(i, ':', key);
		TH_REQUIRE(hs_counter_find(&c, key, len - 1) == UINT32_MAX,
		    "key %u cut short found", i);
	}
	ck_assert_uint_ge(hs_counter_memory(&c), (size_t)MANY_KEYS * 2 * 8);
	hs_counter_free(&c);
}
END_TEST

/* Keys that are easy to confuse: empty, all NUL, differing only in the last byte or
 * in length, and at the eight-byte word boundaries of the hash. */
static const struct th_bytes tricky[] = {
	TH_B(""),
	TH_B("\0"),
	TH_B("\0\0"),
	TH_B("\0\0\0\0\0\0\0"),
	TH_B("\0\0\0\0\0\0\0\0"),
	TH_B("\0\0\0\0\0\0\0\0\0"),
	TH_B("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
	TH_B("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
	TH_B("a"),
	TH_B("a\0"),
	TH_B("\0a"),
	TH_B("a\0b"),
	TH_B("a\0c"),
	TH_B("abcdefg"),
	TH_B("abcdefgh"),
	TH_B("abcdefgi"),
	TH_B("abcdefgh\0"),
	TH_B("abcdefghi"),
	TH_B("bbcdefgh"),
	TH_B("abcdefghijklmnop"),
	TH_B("abcdefghijklmnoq"),
	TH_B("bbcdefghijklmnop"),
	TH_B("abcdefghijklmnopq"),
	TH_B("abcdefghijklmnopqrstuvwxyz0123456789"),
	TH_B("abcdefghijklmnopqrstuvwxyz0123456788"),
	TH_B("abcdefghijklmnopqrstuvwxyz012345678"),
	TH_B("\xff\xff\xff\xff\xff\xff\xff\xff"),
	TH_B("\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
	TH_B("2031-03-01\tAnna"),
	TH_B("2031-03-01\tAnnb"),
	TH_B("2031-03-01\tAnna\t"),
};

START_TEST(test_tricky_keys)
{
	struct hs_counter	 c;
	size_t			 i, j;
	uint32_t		 num;
	bool			 isnew;

	hs_counter_init(&c);
	for (i = 0; i < TH_NELEM(tricky); i++) {
		num = hs_counter_add(&c, tricky[i].s, tricky[i].n, i + 1, &isnew);
		ck_assert_msg(num == i && isnew, "key %zu: number %u, new %d", i, num, isnew);
	}
	/* each again, in the other order: none is taken for another */
	for (i = TH_NELEM(tricky); i-- > 0; ) {
		num = hs_counter_add(&c, tricky[i].s, tricky[i].n, 100, &isnew);
		ck_assert_msg(num == i && !isnew, "key %zu again: number %u", i, num);
	}
	ck_assert_uint_eq(hs_counter_size(&c), TH_NELEM(tricky));
	for (i = 0; i < TH_NELEM(tricky); i++) {
		ck_assert_uint_eq(hs_counter_find(&c, tricky[i].s, tricky[i].n), i);
		ck_assert_uint_eq(hs_counter_len(&c, (uint32_t)i), tricky[i].n);
		ck_assert(memcmp(hs_counter_key(&c, (uint32_t)i), tricky[i].s,
		    tricky[i].n) == 0);
		ck_assert_uint_eq(hs_counter_count(&c, (uint32_t)i), i + 101);
	}
	/* the hashes of these keys all differ (they would still count right if not) */
	for (i = 0; i < TH_NELEM(tricky); i++)
		for (j = i + 1; j < TH_NELEM(tricky); j++)
			ck_assert_msg(hs_count_hash(tricky[i].s, tricky[i].n) !=
			    hs_count_hash(tricky[j].s, tricky[j].n), "keys %zu and %zu", i, j);
	hs_counter_free(&c);
}
END_TEST

/* Equal keys hash equal wherever they lie in memory (the hash reads unaligned words). */
START_TEST(test_hash_of_equal_keys)
{
	static const char	 text[] = "Ein Satz, der lang genug ist f\xC3\xBCr alle L\xC3\xA4ngen.";
	char			 copy[sizeof(text) + 16];
	size_t			 len, shift;
	uint64_t		 h;

	for (len = 0; len < sizeof(text); len++) {
		h = hs_count_hash(text, len);
		for (shift = 1; shift < 16; shift++) {
			memset(copy, 'x', sizeof(copy));
			memcpy(copy + shift, text, len);
			ck_assert_msg(hs_count_hash(copy + shift, len) == h,
			    "length %zu at offset %zu", len, shift);
		}
		/* the bytes after the key play no part */
		memcpy(copy, text, len);
		copy[len] = '#';
		ck_assert_uint_eq(hs_count_hash(copy, len), h);
	}
}
END_TEST

/* n is added to the count; a new key added with 0 exists with count 0; 64-bit counts. */
START_TEST(test_counts_summed)
{
	struct hs_counter	 c;
	bool			 isnew;

	hs_counter_init(&c);
	ck_assert_uint_eq(hs_counter_add(&c, "zero", 4, 0, &isnew), 0);
	ck_assert(isnew);
	ck_assert_uint_eq(hs_counter_count(&c, 0), 0);
	ck_assert_uint_eq(hs_counter_add(&c, "big", 3, 3, &isnew), 1);
	ck_assert(isnew);
	ck_assert_uint_eq(hs_counter_add(&c, "big", 3, 0, &isnew), 1);
	ck_assert(!isnew);
	ck_assert_uint_eq(hs_counter_count(&c, 1), 3);
	ck_assert_uint_eq(hs_counter_add(&c, "big", 3, UINT64_C(0xFFFFFFFF), &isnew), 1);
	ck_assert_uint_eq(hs_counter_count(&c, 1), UINT64_C(0x100000002));
	ck_assert_uint_eq(hs_counter_add(&c, "big", 3, UINT64_MAX - UINT64_C(0x100000002),
	    &isnew), 1);
	ck_assert_uint_eq(hs_counter_count(&c, 1), UINT64_MAX);
	ck_assert_uint_eq(hs_counter_add(&c, "zero", 4, 7, &isnew), 0);
	ck_assert_uint_eq(hs_counter_count(&c, 0), 7);
	/* the count can also be changed in place through the record */
	hs_counter_rec(&c, 0)->count += 5;
	ck_assert_uint_eq(hs_counter_count(&c, 0), 12);
	hs_counter_add(&c, "zero", 4, 1, &isnew);
	ck_assert_uint_eq(hs_counter_count(&c, 0), 13);
	hs_counter_free(&c);
}
END_TEST

/* A count that would pass UINT64_MAX is fatal (exit 1), not wrapped. */
static void
add_past_max(void *arg)
{
	struct hs_counter	 c;
	bool			 isnew;

	(void)arg;
	hs_counter_init(&c);
	hs_counter_add(&c, "k", 1, UINT64_MAX - 1, &isnew);
	hs_counter_add(&c, "k", 1, 1, &isnew);
	hs_counter_add(&c, "k", 1, 0, &isnew);
	if (hs_counter_count(&c, 0) != UINT64_MAX)
		_exit(3);
	hs_counter_add(&c, "k", 1, 1, &isnew);
	_exit(4);
}

START_TEST(test_count_overflow)
{
	static const char	 tail[] = ": a count above 18446744073709551615\n";
	char			 err[512];
	size_t			 n;
	int			 status;

	status = th_run_in_child(add_past_max, NULL, err, sizeof(err));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %#x: %s",
	    status, err);
	n = strlen(err);
	ck_assert_msg(n > sizeof(tail) - 1 && strcmp(err + n - (sizeof(tail) - 1), tail) == 0 &&
	    strchr(err, '\n') == err + n - 1, "stderr: %s", err);
}
END_TEST

/* hs_counter_add_hashed given the key's hs_count_hash is hs_counter_add, prefetch or
 * not; the two kinds of call mix on one table. */
START_TEST(test_add_hashed)
{
	struct hs_counter	 a, b;
	unsigned char		 key[64];
	size_t			 len;
	uint64_t		 h;
	uint32_t		 i, na, nb;
	bool			 newa, newb;

	hs_counter_init(&a);
	hs_counter_init(&b);
	for (i = 0; i < 20000; i++) {
		/* every third key is added a second time */
		uint32_t k = i % 3 == 2 ? i / 3 : i;

		len = make_key(k, ':', key);
		h = hs_count_hash(key, len);
		hs_counter_prefetch(&b, h);
		na = hs_counter_add(&a, key, len, k + 1, &newa);
		if (i % 2 == 0)
			nb = hs_counter_add_hashed(&b, key, len, h, k + 1, &newb);
		else
			nb = hs_counter_add(&b, key, len, k + 1, &newb);
		TH_REQUIRE(na == nb && newa == newb, "add %u: %u %d, hashed %u %d", i, na,
		    newa, nb, newb);
	}
	ck_assert_uint_eq(hs_counter_size(&a), hs_counter_size(&b));
	for (i = 0; i < hs_counter_size(&a); i++) {
		TH_REQUIRE(hs_counter_len(&a, i) == hs_counter_len(&b, i) &&
		    memcmp(hs_counter_key(&a, i), hs_counter_key(&b, i),
		    hs_counter_len(&a, i)) == 0, "key %u", i);
		TH_REQUIRE(hs_counter_count(&a, i) == hs_counter_count(&b, i), "count %u", i);
		TH_REQUIRE(hs_counter_find(&b, hs_counter_key(&a, i), hs_counter_len(&a, i)) ==
		    i, "find %u", i);
	}
	hs_counter_free(&a);
	hs_counter_free(&b);
}
END_TEST

/* Numbers are given in first-added order, whatever comes between, and a key that is
 * added again keeps its number. */
START_TEST(test_numbering)
{
	static const char *const adds[] = {
		"pear", "apple", "pear", "fig", "apple", "", "fig", "kiwi", "", "pear"
	};
	static const char *const want[] = { "pear", "apple", "fig", "", "kiwi" };
	static const uint64_t counts[] = { 3, 2, 2, 2, 1 };
	static const uint32_t nums[] = { 0, 1, 0, 2, 1, 3, 2, 4, 3, 0 };
	struct hs_counter	 c;
	size_t			 i;
	bool			 isnew;

	hs_counter_init(&c);
	for (i = 0; i < TH_NELEM(adds); i++)
		ck_assert_uint_eq(hs_counter_add(&c, adds[i], strlen(adds[i]), 1, &isnew),
		    nums[i]);
	ck_assert_uint_eq(hs_counter_size(&c), TH_NELEM(want));
	for (i = 0; i < TH_NELEM(want); i++) {
		ck_assert_uint_eq(hs_counter_len(&c, (uint32_t)i), strlen(want[i]));
		ck_assert(memcmp(hs_counter_key(&c, (uint32_t)i), want[i],
		    strlen(want[i])) == 0);
		ck_assert_uint_eq(hs_counter_count(&c, (uint32_t)i), counts[i]);
	}
	ck_assert_uint_eq(hs_counter_find(&c, "pea", 3), UINT32_MAX);
	ck_assert_uint_eq(hs_counter_find(&c, "pears", 5), UINT32_MAX);
	hs_counter_free(&c);
}
END_TEST

/* Long keys (a record header and the key share 8-byte aligned room in the arena):
 * lengths from 0 to 300 bytes, each one byte longer than the last, all kept whole. */
START_TEST(test_key_lengths)
{
	struct hs_counter	 c;
	char			 key[301];
	size_t			 len;
	bool			 isnew;

	for (len = 0; len < sizeof(key); len++)
		key[len] = (char)('a' + len % 26);
	hs_counter_init(&c);
	for (len = 0; len < sizeof(key); len++)
		ck_assert_uint_eq(hs_counter_add(&c, key, len, len, &isnew), len);
	for (len = 0; len < sizeof(key); len++) {
		ck_assert_uint_eq(hs_counter_find(&c, key, len), len);
		ck_assert_uint_eq(hs_counter_len(&c, (uint32_t)len), len);
		ck_assert(memcmp(hs_counter_key(&c, (uint32_t)len), key, len) == 0);
		ck_assert_uint_eq(hs_counter_count(&c, (uint32_t)len), len);
		ck_assert_uint_eq((uintptr_t)hs_counter_rec(&c, (uint32_t)len) % 8, 0);
	}
	hs_counter_free(&c);
}
END_TEST

/* A counter freed and made again is empty; one with no keys frees cleanly. */
START_TEST(test_reuse)
{
	struct hs_counter	 c;
	bool			 isnew;

	hs_counter_init(&c);
	hs_counter_free(&c);
	hs_counter_init(&c);
	hs_counter_add(&c, "x", 1, 1, &isnew);
	hs_counter_free(&c);
	hs_counter_init(&c);
	ck_assert_uint_eq(hs_counter_size(&c), 0);
	ck_assert_uint_eq(hs_counter_find(&c, "x", 1), UINT32_MAX);
	hs_counter_free(&c);
}
END_TEST

Suite *
hs_count_suite(void)
{
	Suite	*s = suite_create("count");
	TCase	*tc;

	tc = tcase_create("keys");
	tcase_add_test(tc, test_tricky_keys);
	tcase_add_test(tc, test_hash_of_equal_keys);
	tcase_add_test(tc, test_counts_summed);
	tcase_add_test(tc, test_numbering);
	tcase_add_test(tc, test_key_lengths);
	tcase_add_test(tc, test_reuse);
	tcase_add_test(tc, test_count_overflow);
	tcase_add_test(tc, test_add_hashed);
	suite_add_tcase(s, tc);

	tc = tcase_create("growth");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_many_keys);
	suite_add_tcase(s, tc);
	return s;
}
