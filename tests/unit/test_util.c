/* test_util.c: unit tests of lib/hs_util.h and hs_util.c: the white space hearsay knows
 * (hs_space_len) and the --version text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "hs_util.h"
#include "suites.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define REQUIRE(cond, ...)	do { if (!(cond)) ck_abort_msg(__VA_ARGS__); } while (0)

struct bytes {
	const char	*s;
	size_t		 n;
};
#define B(lit)	{ lit, sizeof(lit) - 1 }

static const struct {
	struct bytes	 in;
	size_t		 len;
} space_cases[] = {
	/* one byte */
	{ B(" "), 1 }, { B("\t"), 1 }, { B("\n"), 1 }, { B("\v"), 1 }, { B("\f"), 1 },
	{ B("\r"), 1 }, { B(" x"), 1 }, { B("\r\n"), 1 },
	{ B("x"), 0 }, { B("\0"), 0 }, { B("\b"), 0 }, { B("\x0e"), 0 }, { B("\x1c"), 0 },
	{ B("\x1f"), 0 }, { B("\x7f"), 0 }, { B("_"), 0 }, { B("\xA0"), 0 },
	/* U+00A0 */
	{ B("\xC2\xA0"), 2 }, { B("\xC2\xA0x"), 2 },
	{ B("\xC2\x85"), 0 },			/* U+0085 NEL is not one */
	{ B("\xC2\xA1"), 0 }, { B("\xC3\xA0"), 0 },
	/* U+2000..U+200A */
	{ B("\xE2\x80\x80"), 3 }, { B("\xE2\x80\x81"), 3 }, { B("\xE2\x80\x82"), 3 },
	{ B("\xE2\x80\x83"), 3 }, { B("\xE2\x80\x84"), 3 }, { B("\xE2\x80\x85"), 3 },
	{ B("\xE2\x80\x86"), 3 }, { B("\xE2\x80\x87"), 3 }, { B("\xE2\x80\x88"), 3 },
	{ B("\xE2\x80\x89"), 3 }, { B("\xE2\x80\x8A"), 3 }, { B("\xE2\x80\x8Ax"), 3 },
	{ B("\xE2\x80\x8B"), 0 },		/* U+200B ZERO WIDTH SPACE */
	{ B("\xE2\x80\xA8"), 0 }, { B("\xE2\x80\xA9"), 0 },	/* line, para separators */
	/* U+202F, U+205F, U+3000, U+FEFF */
	{ B("\xE2\x80\xAF"), 3 }, { B("\xE2\x81\x9F"), 3 }, { B("\xE3\x80\x80"), 3 },
	{ B("\xEF\xBB\xBF"), 3 },
	{ B("\xE2\x80\xAE"), 0 }, { B("\xE2\x81\x9E"), 0 }, { B("\xE2\x81\xA0"), 0 },
	{ B("\xE3\x80\x81"), 0 }, { B("\xEF\xBB\xBE"), 0 }, { B("\xEF\xBF\xBD"), 0 },
	/* truncated multibyte input */
	{ B("\xC2"), 0 }, { B("\xE2"), 0 }, { B("\xE2\x80"), 0 }, { B("\xE2\x81"), 0 },
	{ B("\xE3\x80"), 0 }, { B("\xEF\xBB"), 0 },
	/* not UTF-8: the third byte is no continuation byte */
	{ B("\xE2\x80\x41"), 0 }, { B("\xE2\x80\0"), 0 }, { B("\xE2\x80 "), 0 },
	{ B("\xE2\x80\x7F"), 0 },
};

START_TEST(test_space_len)
{
	size_t i, got;

	for (i = 0; i < NELEM(space_cases); i++) {
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
	static const struct bytes full[] = {
		B("\xC2\xA0"), B("\xE2\x80\x80"), B("\xE2\x80\xAF"), B("\xE2\x81\x9F"),
		B("\xE3\x80\x80"), B("\xEF\xBB\xBF"),
	};
	size_t i, n;

	for (i = 0; i < NELEM(full); i++) {
		for (n = 1; n < full[i].n; n++)
			ck_assert_msg(hs_space_len((const unsigned char *)full[i].s, n) == 0,
			    "case %zu, n %zu", i, n);
	}
}
END_TEST

static size_t
encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = 0xC0 | cp >> 6;
		out[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = 0xE0 | cp >> 12;
		out[1] = 0x80 | (cp >> 6 & 0x3F);
		out[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	out[0] = 0xF0 | cp >> 18;
	out[1] = 0x80 | (cp >> 12 & 0x3F);
	out[2] = 0x80 | (cp >> 6 & 0x3F);
	out[3] = 0x80 | (cp & 0x3F);
	return 4;
}

/* Over every code point: exactly the listed ones are white space, at their length. */
START_TEST(test_space_len_every_code_point)
{
	unsigned char	 buf[8] = { 0 };
	uint32_t	 cp;
	size_t		 n, got;
	bool		 space;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		n = encode(cp, buf);
		buf[n] = 'x';
		space = cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
		    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
		    cp == 0x3000 || cp == 0xFEFF;
		got = hs_space_len(buf, n + 1);
		REQUIRE(got == (space ? n : 0), "U+%04X: %zu", (unsigned)cp, got);
	}
}
END_TEST

/* A lead byte of a space followed by any two bytes: a length only for the real thing. */
START_TEST(test_space_len_all_tails)
{
	static const unsigned char leads[] = { 0xC2, 0xE2, 0xE3, 0xEF };
	unsigned char	 s[3];
	size_t		 l, a, b, got, want;

	for (l = 0; l < NELEM(leads); l++) {
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
				REQUIRE(got == want, "%02x %02zx %02zx: %zu, want %zu",
				    s[0], a, b, got, want);
			}
		}
	}
}
END_TEST

START_TEST(test_print_version)
{
	FILE	*out;
	char	 text[256], want[256];
	int	 saved;
	size_t	 n;

	fflush(stdout);
	ck_assert_ptr_nonnull(out = tmpfile());
	ck_assert_int_ne(saved = dup(STDOUT_FILENO), -1);
	ck_assert_int_ne(dup2(fileno(out), STDOUT_FILENO), -1);
	hs_print_version();
	fflush(stdout);
	ck_assert_int_ne(dup2(saved, STDOUT_FILENO), -1);
	close(saved);
	rewind(out);
	n = fread(text, 1, sizeof(text) - 1, out);
	text[n] = '\0';
	fclose(out);
	snprintf(want, sizeof(want), "%s (hearsay) %s\n", getprogname(), PACKAGE_VERSION);
	ck_assert_str_eq(text, want);
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
