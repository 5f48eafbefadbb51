/* zipf-lines.c: the input maker of the counting section of scripts/bench. It writes
 * word-like keys, one record a line, from a fixed seed, so every run counts the same file.
 *
 * Usage: zipf-lines [-s seed] zipf LINES VALUES
 *        zipf-lines [-s seed] distinct KEYS
 * Build: cc -O2 zipf-lines.c
 *
 * zipf: LINES lines of one key each, drawn from VALUES keys with a Zipf law of exponent 1
 * (the key of rank r comes with a weight of 1/r), as names and words are in news text.
 * distinct: KEYS keys that are all different, each on a line of its own and about half of
 * them once more at the end; every line is "speaker<TAB>key", the speaker drawn with the
 * same law from 1,000 names, so that `-f 1 -u 2` meets a new pair on almost every line.
 *
 * A key is three to five syllables (CV or CVC) with at most one '-' or '_' between two
 * of them, lower case, Capitalized or in capitals: 6 to 16 bytes. The last three
 * syllables spell a number in base 640, and a string of such syllables can be cut into
 * syllables in only one way (a consonant before a vowel always starts a syllable), so
 * different numbers give different keys whatever the case and the separator. */

#define _POSIX_C_SOURCE 200809L	/* getopt */

#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SYLLABLES	640			/* 80 CV + 560 CVC */
#define SPACE		((uint64_t)SYLLABLES * SYLLABLES * SYLLABLES)
#define KEY_MAX		24			/* longest key (16) and room to spare */
#define SPEAKERS	1000

static const char consonants[] = "bcdfghklmnprstvz";	/* 16 */
static const char vowels[] = "aeiou";			/* 5 */
static const char finals[] = "klmnrst";			/* 7 */

static uint64_t	 next_random(uint64_t *);
static uint64_t	 mix(uint64_t);
static size_t	 put_syllable(char *, unsigned);
static size_t	 make_key(uint64_t, char *);
static double	*zipf_table(size_t);
static size_t	 zipf_draw(const double *, size_t, uint64_t *);
static uint64_t	 parse_count(const char *, const char *, uint64_t);
static void	 write_zipf(uint64_t, uint64_t, uint64_t);
static void	 write_distinct(uint64_t, uint64_t);
static void	 usage(void) __attribute__((noreturn));

/* splitmix64: small, fast, and good enough to draw keys. */
static uint64_t
next_random(uint64_t *state)
{
	return mix(*state += 0x9e3779b97f4a7c15ULL);
}

static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t
put_syllable(char *out, unsigned s)
{
	if (s < 80) {
		out[0] = consonants[s / 5];
		out[1] = vowels[s % 5];
		return 2;
	}
	s -= 80;
	out[0] = consonants[s / 35];
	out[1] = vowels[s / 7 % 5];
	out[2] = finals[s % 7];
	return 3;
}

/* Write the key of number v (< SPACE) to out, unterminated; return its length. The
 * number is spread over the whole space first, so that keys of near numbers (and of
 * near ranks) share no syllables. */
static size_t
make_key(uint64_t v, char *out)
{
	uint64_t h = mix(v + 0x5eed), n = (v * 2654435761ULL + 12345) % SPACE;
	unsigned digits[5];
	size_t k = 3 + h % 3, sep_at, len = 0, w, i;
	int sep, style;

	h /= 3;
	for (i = k; i-- > k - 3;) {
		digits[i] = (unsigned)(n % SYLLABLES);
		n /= SYLLABLES;
	}
	for (i = 0; i < k - 3; i++) {	/* decoration: spells nothing */
		digits[i] = (unsigned)(h % SYLLABLES);
		h /= SYLLABLES;
	}
	sep = h % 20 < 2 ? '-' : h % 20 < 3 ? '_' : 0;
	h /= 20;
	sep_at = 1 + h % (k - 1);
	h /= k - 1;
	style = (int)(h % 20);			/* 0..9 Capitalized, 10 CAPITALS, else lower */
	for (i = 0; i < k; i++) {
		if (sep && i == sep_at)
			out[len++] = (char)sep;
		/* a name: each part starts with a capital, as in "Kovan-Dires" */
		w = put_syllable(out + len, digits[i]);
		if (style < 10 && (i == 0 || (sep && i == sep_at)))
			out[len] = (char)(out[len] - 'a' + 'A');
		len += w;
	}
	if (style == 10) {
		for (i = 0; i < len; i++)
			if (out[i] >= 'a' && out[i] <= 'z')
				out[i] = (char)(out[i] - 'a' + 'A');
	}
	return len;
}

/* The cumulative weights of ranks 1..n under Zipf's law of exponent 1. */
static double *
zipf_table(size_t n)
{
	double *cdf, sum = 0;
	size_t i;

	if ((cdf = calloc(n, sizeof(*cdf))) == NULL)
		err(1, NULL);
	for (i = 0; i < n; i++) {
		sum += 1.0 / (double)(i + 1);
		cdf[i] = sum;
	}
	return cdf;
}

/* Draw a rank from 0 to n - 1: the first whose cumulative weight passes a uniform draw. */
static size_t
zipf_draw(const double *cdf, size_t n, uint64_t *state)
{
	double u = (double)(next_random(state) >> 11) * 0x1p-53 * cdf[n - 1];
	size_t lo = 0, hi = n - 1, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cdf[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static uint64_t
parse_count(const char *what, const char *s, uint64_t max)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || n < 1 || n > max)
		errx(2, "%s: '%s' is not a number from 1 to %llu", what, s,
		    (unsigned long long)max);
	return n;
}

static void
write_zipf(uint64_t lines, uint64_t values, uint64_t seed)
{
	double *cdf = zipf_table(values);
	char *keys, *p;
	uint32_t *start;
	uint64_t state = seed, i;
	size_t v;

	/* every key made once, then copied: the draws are the only work per line */
	if ((start = calloc(values + 1, sizeof(*start))) == NULL ||
	    (keys = malloc(values * (KEY_MAX + 1))) == NULL)
		err(1, NULL);
	for (p = keys, v = 0; v < values; v++) {
		start[v] = (uint32_t)(p - keys);
		p += make_key(v, p);
		*p++ = '\n';
	}
	start[values] = (uint32_t)(p - keys);
	for (i = 0; i < lines; i++) {
		v = zipf_draw(cdf, values, &state);
		fwrite(keys + start[v], 1, start[v + 1] - start[v], stdout);
	}
	free(start);
	free(keys);
	free(cdf);
}

static void
write_distinct(uint64_t nkeys, uint64_t seed)
{
	double *cdf = zipf_table(SPEAKERS);
	char speakers[SPEAKERS][KEY_MAX + 1], key[KEY_MAX + 1];
	uint64_t state = seed, i;
	size_t len;
	int pass;

	for (i = 0; i < SPEAKERS; i++) {	/* numbers no key of a small run uses */
		len = make_key(SPACE - 1 - i, speakers[i]);
		speakers[i][len] = '\0';
	}
	/* all keys once, then about half of them again, backwards */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < nkeys; i++) {
			uint64_t v = pass == 0 ? i : nkeys - 1 - i;

			if (pass == 1 && (mix(v ^ seed) & 1) == 0)
				continue;
			len = make_key(v, key);
			fputs(speakers[zipf_draw(cdf, SPEAKERS, &state)], stdout);
			putchar('\t');
			fwrite(key, 1, len, stdout);
			putchar('\n');
		}
	}
	free(cdf);
}

static void
usage(void)
{
	fprintf(stderr, "usage: zipf-lines [-s seed] zipf LINES VALUES\n"
	    "       zipf-lines [-s seed] distinct KEYS\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 20];
	uint64_t seed = 20240601;
	int ch;

	while ((ch = getopt(argc, argv, "s:")) != -1) {
		switch (ch) {
		case 's':
			seed = parse_count("seed", optarg, UINT64_MAX);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	if (argc == 3 && strcmp(argv[0], "zipf") == 0)
		/* the key table is indexed by uint32_t offsets: 2^32 / 25 keys at most */
		write_zipf(parse_count("LINES", argv[1], UINT64_MAX),
		    parse_count("VALUES", argv[2], 100000000), seed);
	else if (argc == 2 && strcmp(argv[0], "distinct") == 0)
		write_distinct(parse_count("KEYS", argv[1], SPACE - SPEAKERS), seed);
	else
		usage();
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "stdout");
	return 0;
}
