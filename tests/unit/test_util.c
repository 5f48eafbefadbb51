/* test_util.c: unit tests of lib/hs_util.h and hs_util.c: the white space hearsay knows
 * (hs_space_len) and the --version text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "helpers.h"
#include "hs_util.h"
#include "suites.h"

static const struct {
	struct th_bytes	 in;
	size_t		 len;
} space_cases[] = {
	/* one byte */
	{ TH_B(" "), 1 }, { TH_B("\t"), 1 }, { TH_B("\n"), 1 }, { TH_B("\v"), 1 },
	{ TH_B("\f"), 1 }, { TH_B("\r"), 1 }, { TH_B(" x"), 1 }, { TH_B("\r\n"), 1 },
	{ TH_B("x"), 0 }, { TH_B("\0"), 0 }, { TH_B("\b"), 0 }, { TH_B("\x0e"), 0 },
	{ TH_B("\x1c"), 0 }, { TH_B("\x1f"), 0 }, { TH_B("\x7f"), 0 }, { TH_B("_"), 0 },
	{ TH_B("\xA0"), 0 },
	/* U+00A0 */
	{ TH_B("\xC2\xA0"), 2 }, { TH_B("\xC2\xA0x"), 2 },
	{ TH_B("\xC2\x85"), 0 },			/* U+0085 NEL is not one */
	{ TH_B("\xC2\xA1"), 0 }, { TH_B("\xC3\xA0"), 0 },
	/* U+2000..U+200A */
	{ TH_B("\xE2\x80\x80"), 3 }, { TH_B("\xE2\x80\x81"), 3 }, { TH_B("\xE2\x80\x82"), 3 },
	{ TH_B("\xE2\x80\x83"), 3 }, { TH_B("\xE2\x80\x84"), 3 }, { TH_B("\xE2\x80\x85"), 3 },
	{ TH_B("\xE2\x80\x86"), 3 }, { TH_B("\xE2\x80\x87"), 3 }, { TH_B("\xE2\x80\x88"), 3 },
	{ TH_B("\xE2\x80\x89"), 3 }, { TH_B("\xE2\x80\x8A"), 3 }, { TH_B("\xE2\x80\x8Ax"), 3 },
	{ TH_B("\xE2\x80\x8B"), 0 },		/* U+200B ZERO WIDTH SPACE */
	/* line, para separators */
	{ TH_B("\xE2\x80\xA8"), 0 }, { TH_B("\xE2\x80\xA9"), 0 },
	/* U+202F, U+205F, U+3000, U+FEFF */
	{ TH_B("\xE2\x80\xAF"), 3 }, { TH_B("\xE2\x81\x9F"), 3 }, { TH_B("\xE3\x80\x80"), 3 },
	{ TH_B("\xEF\xBB\xBF"), 3 },
	{ TH_B("\xE2\x80\xAE"), 0 }, { TH_B("\xE2\x81\x9E"), 0 }, { TH_B("\xE2\x81\xA0"), 0 },
	{ TH_B("\xE3\x80\x81"), 0 }, { TH_B("\xEF\xBB\xBE"), 0 }, { TH_B("\xEF\xBF\xBD"), 0 },
	/* truncated multibyte input */
	{ TH_B("\xC2"), 0 }, { TH_B("\xE2"), 0 }, { TH_B("\xE2\x80"), 0 },
	{ TH_B("\xE2\x81"), 0 }, { TH_B("\xE3\x80"), 0 }, { TH_B("\xEF\xBB"), 0 },
	/* not UTF-8: the third byte is no continuation byte */
	{ TH_B("\xE2\x80\x41"), 0 }, { TH_B("\xE2\x80\0"), 0 }, { TH_B("\xE2\x80 "), 0 },
	{ TH_B("\xE2\x80\x7F"), 0 },
};

START_TEST(test_space_len)
{
	size_t i, got;

	for (i = 0; i < TH_NELEM(space_cases); i++) {
		got = hs_space_len((const unsigned char *)space_cases[i].in.s,
		    space_cases[i].in.n);
		ck_assert_msg(got == space_cases[i].len, "case %zu: %zu, want %zu", i,
		    got, space_cases[i].len);
	}
}
END_TEST

/* The length n is respected: a space cut short by n is no space. */
START_TEST(test_space_len_respects_n)
{
	static const struct th_bytes full[] = {
		TH_B("\xC2\xA0"), TH_B("\xE2\x80\x80"), TH_B("\xE2\x80\xAF"),
		TH_B("\xE2\x81\x9F"), TH_B("\xE3\x80\x80"), TH_B("\xEF\xBB\xBF"),
	};
	size_t i, n;

	for (i = 0; i < TH_NELEM(full); i++) {
		for (n = 1; n < full[i].n; n++)
			ck_assert_msg(hs_space_len((const unsigned char *)full[i].s, n) == 0,
			    "case %zu, n %zu", i, n);
	}
}
END_TEST

/* Over every code point: exactly the listed ones are white space, at their length. */
START_TEST(test_space_len_every_code_point)
{
	unsigned char	 buf[8] = { 0 };
	uint32_t	 cp;
	size_t		 n, got;
	bool		 space;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		n = th_utf8_encode(cp, buf);
		buf[n] = 'x';
		space = cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
		    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
		    cp == 0x3000 || cp == 0xFEFF;
		got = hs_space_len(buf, n + 1);
		TH_REQUIRE(got == (space ? n : 0), "U+%04X: %zu", (unsigned)cp, got);
	}
}
END_TEST

/* A lead byte of a space followed by any two bytes: a length only for the real thing. */
START_TEST(test_space_len_all_tails)
{
	static const unsigned char leads[] = { 0xC2, 0xE2, 0xE3, 0xEF };
	unsigned char	 s[3];
	size_t		 l, a, b, got, want;

	for (l = 0; l < TH_NELEM(leads); l++) {
		for (a = 0; a < 256; a++) {
			for (b = 0; b < 256; b++) {
				s[0] = leads[l], s[1] = a, s[2] = b;
				want = 0;
				if (s[0] == 0xC2 && a == 0xA0)
					want = 2;
				else if ((s[0] == 0xE2 && a == 0x80 &&
				    ((b >= 0x80 && b <= 0x8A) || b == 0xAF)) ||
				    (s[0] == 0xE2 && a == 0x81 && b == 0x9F) ||
				    (s[0] == 0xE3 && a == 0x80 && b == 0x80) ||
				    (s[0] == 0xEF && a == 0xBB && b == 0xBF))
					want = 3;
				got = hs_space_len(s, 3);
				TH_REQUIRE(got == want, "%02x %02zx %02zx: %zu, want %zu",
				    s[0], a, b, got, want);
			}
		}
	}
}
END_TEST

START_TEST(test_print_version)
{
	struct th_capture	 c;
	char			 want[256];

	th_capture_start(&c, stdout);
	hs_print_version();
	th_capture_end(&c);
	snprintf(want, sizeof(want), "%s (hearsay) %s\n", getprogname(), PACKAGE_VERSION);
	ck_assert_str_eq(c.text, want);
	ck_assert_str_eq(PACKAGE_VERSION, "0.1.0");
}
END_TEST

START_TEST(test_exit_codes)
{
	ck_assert_int_eq(HS_EXIT_OK, 0);
	ck_assert_int_eq(HS_EXIT_DATA, 1);
	ck_assert_int_eq(HS_EXIT_USAGE, 2);
}
END_TEST

Suite *
hs_util_suite(void)
{
	Suite	*s = suite_create("util");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_space_len);
	tcase_add_test(tc, test_space_len_respects_n);
	tcase_add_test(tc, test_space_len_every_code_point);
	tcase_add_test(tc, test_space_len_all_tails);
	tcase_add_test(tc, test_print_version);
	tcase_add_test(tc, test_exit_codes);
	suite_add_tcase(s, tc);
	return s;
}
