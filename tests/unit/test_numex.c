/* test_numex.c: unit tests of lib/hs_numex.c: dates, sums of money, percentages and
 * quantities found in sentences, with and without the article's date, and inputs that
 * must not break the scan. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_numex.h"
#include "suites.h"

/* The article dates the cases are read against: a Wednesday late in December, and a
 * Monday early in January (the weeks and months that cross a year). */
static const struct hs_civil_date dec22 = { 2021, 12, 22 };
static const struct hs_civil_date jan03 = { 2022, 1, 3 };
static const struct hs_civil_date feb30 = { 2021, 2, 30 };	/* not a day: no anchor */

/* A text, its anchor, and what the scan finds: TYPE[span]=name, joined by " | ". */
struct numex_case {
	const char			*in;
	const struct hs_civil_date	*anchor;
	const char			*want;
};

static const struct numex_case cases[] = {
	/* weekdays: the nearest on or before the anchor; next after; last before that */
	{ "The vote is on Tuesday.", &dec22, "DATE[Tuesday]=2021-12-21" },
	{ "It happened Tuesday night.", &dec22, "DATE[Tuesday night]=2021-12-21" },
	{ "They meet next Tuesday.", &dec22, "DATE[next Tuesday]=2021-12-28" },
	{ "They met last Tuesday.", &dec22, "DATE[last Tuesday]=2021-12-14" },
	{ "The court rules this Friday.", &dec22, "DATE[this Friday]=2021-12-24" },
	{ "It ended Wednesday.", &dec22, "DATE[Wednesday]=2021-12-22" },
	{ "It ended Tuesday.", &jan03, "DATE[Tuesday]=2021-12-28" },
	{ "The vote is on Tuesday.", NULL, "DATE[Tuesday]=XXXX-WXX-2" },
	{ "Sunday's game", NULL, "DATE[Sunday]=XXXX-WXX-7" },
	/* month and day: the year nearest the anchor */
	{ "on Dec. 21 at noon", &dec22, "DATE[Dec. 21]=2021-12-21" },
	{ "on December 21 at noon", &dec22, "DATE[December 21]=2021-12-21" },
	{ "on 21 December at noon", &dec22, "DATE[21 December]=2021-12-21" },
	{ "on Dec 21st at noon", &dec22, "DATE[Dec 21st]=2021-12-21" },
	{ "the 21st of December", &dec22, "DATE[21st of December]=2021-12-21" },
	{ "due Jan. 4, officials said", &dec22, "DATE[Jan. 4]=2022-01-04" },
	{ "since Dec. 28", &jan03, "DATE[Dec. 28]=2021-12-28" },
	{ "on Dec. 21", NULL, "DATE[Dec. 21]=XXXX-12-21" },
	{ "on Feb. 29", &dec22, "DATE[Feb. 29]=2020-02-29" },
	{ "on Feb. 30", &dec22, "" },
	{ "on Dec. 21-22", &dec22, "DATE[Dec. 21-22]=2021-12-21" },
	{ "Sept. 11 attacks", NULL, "DATE[Sept. 11]=XXXX-09-11" },
	/* full dates */
	{ "on December 21, 2021, he", &dec22, "DATE[December 21, 2021]=2021-12-21" },
	{ "on 21 December 2021 he", NULL, "DATE[21 December 2021]=2021-12-21" },
	{ "dated 2021-12-21.", NULL, "DATE[2021-12-21]=2021-12-21" },
	{ "dated 12/21/2021 and 21/12/2021", NULL,
	  "DATE[12/21/2021]=2021-12-21 | DATE[21/12/2021]=2021-12-21" },
	{ "not 2021-02-29 nor 2021-13-01", NULL, "" },
	{ "Tuesday, Dec. 21, 2021, was cold.", NULL,
	  "DATE[Tuesday, Dec. 21, 2021]=2021-12-21" },
	{ "Feb 29, 2020 and Feb 29, 2021", NULL, "DATE[Feb 29, 2020]=2020-02-29" },
	/* months */
	{ "in December 2021", NULL, "DATE[December 2021]=2021-12" },
	{ "in December", &dec22, "DATE[December]=2021-12" },
	{ "in December", &jan03, "DATE[December]=2021-12" },
	{ "in December", NULL, "DATE[December]=XXXX-12" },
	{ "since March, prices rose", &dec22, "DATE[March]=2021-03" },
	{ "until March", &dec22, "DATE[March]=2022-03" },
	{ "last May and next March", &dec22,
	  "DATE[last May]=2021-05 | DATE[next March]=2022-03" },
	{ "last December", &dec22, "DATE[last December]=2020-12" },
	{ "by mid-December", &dec22, "DATE[December]=2021-12" },
	{ "June was hot.", &dec22, "DATE[June]=2021-06" },
	/* May and March: months only with a day, a year or a word asking for a time */
	{ "May said the deal was dead.", &dec22, "" },
	{ "Theresa May said so.", &dec22, "" },
	{ "In May, the deal died.", NULL, "DATE[May]=XXXX-05" },
	{ "May 5 is the day.", NULL, "DATE[May 5]=XXXX-05-05" },
	{ "the May 2020 lockdown", &dec22, "DATE[May 2020]=2020-05" },
	{ "the March on Washington", &dec22, "" },
	{ "March on Washington", &dec22, "" },
	{ "They march in March.", NULL, "DATE[March]=XXXX-03" },
	{ "April Ryan asked; in April Trump said no.", &dec22, "DATE[April]=2022-04" },
	{ "Mar-a-Lago", &dec22, "" },
	{ "Will Smith and Will Ferrell", &dec22, "" },
	/* years */
	{ "in 2019, since 2019, by 2030", &dec22,
	  "DATE[2019]=2019 | DATE[2019]=2019 | DATE[2030]=2030" },
	{ "the 2016 election", &dec22, "DATE[2016]=2016" },
	{ "Trump's 2016 campaign and Clinton\xE2\x80\x99s 2008 one", NULL,
	  "DATE[2016]=2016 | DATE[2008]=2008" },
	{ "by mid-2019", NULL, "DATE[2019]=2019" },
	{ "2019 was a hard year.", NULL, "DATE[2019]=2019" },
	{ "as Smith (2019) wrote", NULL, "DATE[2019]=2019" },
	{ "in 1865 and the 1865 law", NULL, "DATE[1865]=1865" },
	/* numbers that are not years */
	{ "He scored 2010 points in Room 2019.", NULL, "" },
	{ "It cost $2019.", NULL, "MONEY[$2019]=2019 USD" },
	{ "a 2019 percent rise", NULL, "PERCENT[2019 percent]=2019%" },
	{ "in 2019 million", NULL, "" },
	{ "the 2019-20 season, call 555-2019", NULL, "" },
	{ "ticket #2019", NULL, "" },
	/* relative dates */
	{ "today, yesterday and tomorrow", &dec22,
	  "DATE[today]=2021-12-22 | DATE[yesterday]=2021-12-21 | DATE[tomorrow]=2021-12-23" },
	{ "today", NULL, "DATE[today]=XXXX-XX-XX" },
	{ "Today, the vote. USA Today said so.", &dec22, "DATE[Today]=2021-12-22" },
	{ "yesterday afternoon", &dec22, "DATE[yesterday afternoon]=2021-12-21" },
	{ "last night", &dec22, "DATE[last night]=2021-12-21" },
	{ "this year, last year, next year", &dec22,
	  "DATE[this year]=2021 | DATE[last year]=2020 | DATE[next year]=2022" },
	{ "Last year's budget", NULL, "DATE[Last year]=XXXX" },
	{ "this month, last month, next month", &dec22,
	  "DATE[this month]=2021-12 | DATE[last month]=2021-11 | DATE[next month]=2022-01" },
	{ "this week, last week, next week", &dec22,
	  "DATE[this week]=2021-W51 | DATE[last week]=2021-W50 | DATE[next week]=2021-W52" },
	{ "this week and last week", &jan03,
	  "DATE[this week]=2022-W01 | DATE[last week]=2021-W52" },
	{ "last week", NULL, "DATE[last week]=XXXX-WXX" },
	{ "this weekend", &dec22, "DATE[this weekend]=2021-W51-WE" },
	{ "ABC's This Week", &dec22, "" },
	/* decades and centuries */
	{ "in the 1990s", NULL, "DATE[1990s]=199X" },
	{ "in the '90s", &dec22, "DATE['90s]=199X" },
	{ "in the \xE2\x80\x99" "20s", &dec22, "DATE[\xE2\x80\x99" "20s]=202X" },
	{ "the 1800s and the 2000s", NULL, "DATE[1800s]=18 | DATE[2000s]=200X" },
	{ "the 21st century and 19th-century houses", NULL,
	  "DATE[21st century]=20 | DATE[19th-century]=18" },
	/* durations, and times ago */
	{ "three years, six months, two weeks, 10 days", NULL,
	  "DATE[three years]=P3Y | DATE[six months]=P6M | DATE[two weeks]=P2W | "
	  "DATE[10 days]=P10D" },
	{ "24 hours, 30 minutes and 20 seconds", NULL,
	  "DATE[24 hours]=PT24H | DATE[30 minutes]=PT30M | DATE[20 seconds]=PT20S" },
	{ "two decades and 1.5 years", NULL, "DATE[two decades]=P20Y | DATE[1.5 years]=P1.5Y" },
	{ "two and a half years", NULL, "DATE[two and a half years]=P2.5Y" },
	{ "a 10-year plan", NULL, "DATE[10-year]=P10Y" },
	{ "three years ago", &dec22, "DATE[three years ago]=2018" },
	{ "three years ago", NULL, "DATE[three years ago]=XXXX" },
	{ "a year ago, six months ago", &dec22,
	  "DATE[a year ago]=2020 | DATE[six months ago]=2021-06" },
	{ "two weeks ago, 10 days ago", &dec22,
	  "DATE[two weeks ago]=2021-W49 | DATE[10 days ago]=2021-12-12" },
	{ "two decades ago", &dec22, "DATE[two decades ago]=2001" },
	{ "a 45-year-old man, 45 years old", NULL, "" },
	{ "I hope one day to win; with one day to go", NULL, "DATE[one day]=P1D" },
	{ "over the last year and the next week", &dec22,
	  "DATE[last year]=P1Y | DATE[next week]=P1W" },
	{ "a year", NULL, "" },
	/* money */
	{ "$1.5 billion", NULL, "MONEY[$1.5 billion]=1500000000 USD" },
	{ "It costs $20.", NULL, "MONEY[$20]=20 USD" },
	{ "US$5 and C$20 and HK$3", NULL,
	  "MONEY[US$5]=5 USD | MONEY[C$20]=20 CAD | MONEY[HK$3]=3 HKD" },
	{ "\xE2\x82\xAC" "20 or 20 euros", NULL,
	  "MONEY[\xE2\x82\xAC" "20]=20 EUR | MONEY[20 euros]=20 EUR" },
	{ "\xC2\xA3" "3m or \xC2\xA3" "3 million", NULL,
	  "MONEY[\xC2\xA3" "3m]=3000000 GBP | MONEY[\xC2\xA3" "3 million]=3000000 GBP" },
	{ "10 million dollars", NULL, "MONEY[10 million dollars]=10000000 USD" },
	{ "50 cents", NULL, "MONEY[50 cents]=0.5 USD" },
	{ "\xC2\xA5" "100 and 100 yuan", NULL,
	  "MONEY[\xC2\xA5" "100]=100 JPY | MONEY[100 yuan]=100 CNY" },
	{ "5 rubles, 5 roubles, 100 rupees", NULL,
	  "MONEY[5 rubles]=5 RUB | MONEY[5 roubles]=5 RUB | MONEY[100 rupees]=100 INR" },
	{ "$4.6 trillion", NULL, "MONEY[$4.6 trillion]=4600000000000 USD" },
	{ "$0.50, $1,000,000 and $5bn", NULL,
	  "MONEY[$0.50]=0.5 USD | MONEY[$1,000,000]=1000000 USD | MONEY[$5bn]=5000000000 USD" },
	{ "half a million dollars", NULL, "MONEY[half a million dollars]=500000 USD" },
	{ "\xC2\xA3" "10 or 10 pounds", NULL,
	  "MONEY[\xC2\xA3" "10]=10 GBP | QUANTITY[10 pounds]=10 lb" },
	{ "$5,00 and $.50 and R$5 and $5abc", NULL, "" },
	/* percentages */
	{ "5%, 5 percent, 5 per cent, five percent", NULL,
	  "PERCENT[5%]=5% | PERCENT[5 percent]=5% | PERCENT[5 per cent]=5% | "
	  "PERCENT[five percent]=5%" },
	{ "5.5 percent and 3 percentage points", NULL,
	  "PERCENT[5.5 percent]=5.5% | PERCENT[3 percentage points]=3 pp" },
	{ "5-10 percent", NULL, "PERCENT[10 percent]=10%" },
	{ "0.50 percent", NULL, "PERCENT[0.50 percent]=0.5%" },
	/* quantities */
	{ "300 miles, 5 km, five kilometres, 5 kilometers", NULL,
	  "QUANTITY[300 miles]=300 mi | QUANTITY[5 km]=5 km | "
	  "QUANTITY[five kilometres]=5 km | QUANTITY[5 kilometers]=5 km" },
	{ "10 tons, 10 tonnes, 2,000 barrels, 3 feet, 40 acres", NULL,
	  "QUANTITY[10 tons]=10 t | QUANTITY[10 tonnes]=10 t | "
	  "QUANTITY[2,000 barrels]=2000 bbl | QUANTITY[3 feet]=3 ft | "
	  "QUANTITY[40 acres]=40 acre" },
	{ "70 kilograms, 5 gallons, 20 degrees", NULL,
	  "QUANTITY[70 kilograms]=70 kg | QUANTITY[5 gallons]=5 gal | "
	  "QUANTITY[20 degrees]=20 deg" },
	{ "20\xC2\xB0" "C, 68 \xC2\xB0" "F, 30 degrees Celsius", NULL,
	  "QUANTITY[20\xC2\xB0" "C]=20 degC | QUANTITY[68 \xC2\xB0" "F]=68 degF | "
	  "QUANTITY[30 degrees Celsius]=30 degC" },
	{ "50 square miles at 60 miles per hour", NULL,
	  "QUANTITY[50 square miles]=50 mi2 | QUANTITY[60 miles per hour]=60 mph" },
	{ "10kg, 5km, 50MW", NULL,
	  "QUANTITY[10kg]=10 kg | QUANTITY[5km]=5 km | QUANTITY[50MW]=50 MW" },
	{ "a 100m sprint on a 5g network", NULL, "" },
	/* numbers in words */
	{ "twenty-five miles", NULL, "QUANTITY[twenty-five miles]=25 mi" },
	{ "Twenty-Five Miles", NULL, "QUANTITY[Twenty-Five Miles]=25 mi" },
	{ "a dozen acres and two dozen acres", NULL,
	  "QUANTITY[a dozen acres]=12 acre | QUANTITY[two dozen acres]=24 acre" },
	{ "three hundred and twelve miles", NULL,
	  "QUANTITY[three hundred and twelve miles]=312 mi" },
	{ "1.5 million barrels", NULL, "QUANTITY[1.5 million barrels]=1500000 bbl" },
	{ "two million three hundred thousand tons", NULL,
	  "QUANTITY[two million three hundred thousand tons]=2300000 t" },
	{ "fifteen hundred feet", NULL, "QUANTITY[fifteen hundred feet]=1500 ft" },
	/* bare numbers are not tagged */
	{ "He counted 2,000 people, 37 cars and a dozen eggs.", NULL, "" },
	{ "One of five said one thing.", NULL, "" },
	{ "Boeing 737, COVID-19 cases, at 10:30, version 1.2.3 km", NULL, "" },
	/* several in one sentence */
	{ "The firm, which lost $4.6 trillion in 2008, expects a 5% rise next year.", &dec22,
	  "MONEY[$4.6 trillion]=4600000000000 USD | DATE[2008]=2008 | PERCENT[5%]=5% | "
	  "DATE[next year]=2022" },
	/* an anchor that is no day is no anchor */
	{ "today", &feb30, "DATE[today]=XXXX-XX-XX" },
	/* the very end of the text */
	{ "It cost $5", NULL, "MONEY[$5]=5 USD" },
	{ "rose 5%", NULL, "PERCENT[5%]=5%" },
	{ "on Tuesday", &dec22, "DATE[Tuesday]=2021-12-21" },
	{ "in 2019", NULL, "DATE[2019]=2019" },
	{ "on Dec. 21", NULL, "DATE[Dec. 21]=XXXX-12-21" },
	{ "5 km", NULL, "QUANTITY[5 km]=5 km" },
	{ "Dec.", NULL, "" },
	{ "$", NULL, "" },
	{ "", NULL, "" },
};

/* Text and bytes that are not text: the spans must still be sound. */
static const struct {
	struct th_bytes	 in;
	const char	*want;
} odd[] = {
	{ TH_B("\xFF\xFE$5 \xC2 5 km \xE2\x82"), "MONEY[$5]=5 USD | QUANTITY[5 km]=5 km" },
	{ TH_B("\xE2\x82" "20 \xC2" "20"), "" },
	{ TH_B("in 2019\0 and $5\0"), "DATE[2019]=2019 | MONEY[$5]=5 USD" },
	{ TH_B("\xC3\xA9t\xC3\xA9 2019 May 5\xC2\xA0km"), "DATE[May 5]=XXXX-05-05" },
	{ TH_B("5\xC2\xA0km and 5\n%"), "QUANTITY[5\xC2\xA0km]=5 km | PERCENT[5\n%]=5%" },
	{ TH_B("5\n\n%"), "" },
	{ TH_B("\xE2\x82\xAC"), "" },
	{ TH_B("99999999999999999999 km and 1.0000000000000000001 km"), "" },
};

/* What a scan found, as TYPE[span]=name joined by " | ", and whether what the scan
 * promises of its spans and names held. */
struct found {
	const char	*text;
	size_t		 len;
	char		 out[2048];
	size_t		 n, last_end;
	bool		 sound;
};

static int
collect(const struct hs_numex *x, void *arg)
{
	struct found	*f = arg;
	size_t		 used = strlen(f->out);

	if (x->start >= x->end || x->end > f->len || x->start < f->last_end ||
	    x->name[0] == '\0' || memchr(x->name, '\0', sizeof(x->name)) == NULL ||
	    (unsigned)x->type > HS_NUMEX_QUANTITY)
		f->sound = false;
	if (f->sound)
		snprintf(f->out + used, sizeof(f->out) - used, "%s%s[%.*s]=%s",
		    used > 0 ? " | " : "", hs_numex_type_name(x->type),
		    (int)(x->end - x->start), f->text + x->start, x->name);
	f->last_end = x->end;
	f->n++;
	return 0;
}

/* Scans a copy of text[0..len) in a buffer of exactly len bytes, so that the address
 * sanitizer sees any read past its end. */
static void
scan_copy(struct found *f, const char *text, size_t len, const struct hs_civil_date *anchor)
{
	char *copy = malloc(len > 0 ? len : 1);

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, text, len);
	memset(f, 0, sizeof(*f));
	f->text = copy;
	f->len = len;
	f->sound = true;
	ck_assert_int_eq(hs_numex_scan(copy, len, anchor, collect, f), 0);
	free(copy);
	f->text = NULL;
}

START_TEST(test_cases)
{
	const struct numex_case	*c = &cases[_i];
	struct found		 f;

	scan_copy(&f, c->in, strlen(c->in), c->anchor);
	ck_assert_msg(f.sound, "case %d: \"%s\": unsound spans or names", _i, c->in);
	ck_assert_msg(strcmp(f.out, c->want) == 0, "case %d: \"%s\"\n got: \"%s\"\nwant: \"%s\"",
	    _i, c->in, f.out, c->want);
}
END_TEST

START_TEST(test_odd_inputs)
{
	struct found f;

	scan_copy(&f, odd[_i].in.s, odd[_i].in.n, &dec22);
	ck_assert_msg(f.sound, "odd input %d: unsound spans or names", _i);
	scan_copy(&f, odd[_i].in.s, odd[_i].in.n, NULL);
	ck_assert_msg(f.sound, "odd input %d: unsound spans or names", _i);
	ck_assert_msg(strcmp(f.out, odd[_i].want) == 0, "odd input %d\n got: \"%s\"\nwant: \"%s\"",
	    _i, f.out, odd[_i].want);
}
END_TEST

/* Every word of the module's tables, in the forms that reach each: a lookup that missed
 * one (a table or its filter out of step) would show here. */
START_TEST(test_every_word)
{
	static const struct {
		const char	*word;
		const char	*value;
	} numbers[] = {
		{ "one", "1" }, { "two", "2" }, { "three", "3" }, { "four", "4" },
		{ "five", "5" }, { "six", "6" }, { "seven", "7" }, { "eight", "8" },
		{ "nine", "9" }, { "ten", "10" }, { "eleven", "11" }, { "twelve", "12" },
		{ "thirteen", "13" }, { "fourteen", "14" }, { "fifteen", "15" },
		{ "sixteen", "16" }, { "seventeen", "17" }, { "eighteen", "18" },
		{ "nineteen", "19" }, { "twenty", "20" }, { "thirty", "30" }, { "forty", "40" },
		{ "fifty", "50" }, { "sixty", "60" }, { "seventy", "70" }, { "eighty", "80" },
		{ "ninety", "90" }, { "a hundred", "100" }, { "a thousand", "1000" },
		{ "a million", "1000000" }, { "a billion", "1000000000" },
		{ "a trillion", "1000000000000" }, { "a dozen", "12" }, { "half a dozen", "6" },
		{ "Seven", "7" }, { "SEVEN", NULL },
	};
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"
	};
	static const char *const abbrs[] = {
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
		"Nov.", "Dec.", "Jan", "Dec"
	};
	static const int abbr_month[] = { 1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12, 1, 12 };
	static const char *const days[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
	};
	char		 text[64], want[128];
	struct found	 f;
	size_t		 k;

	for (k = 0; k < TH_NELEM(numbers); k++) {
		snprintf(text, sizeof(text), "%s miles", numbers[k].word);
		if (numbers[k].value != NULL)
			snprintf(want, sizeof(want), "QUANTITY[%s]=%s mi", text, numbers[k].value);
		else
			want[0] = '\0';
		scan_copy(&f, text, strlen(text), NULL);
		ck_assert_msg(strcmp(f.out, want) == 0, "\"%s\": got \"%s\"", text, f.out);
	}
	for (k = 0; k < TH_NELEM(months); k++) {
		snprintf(text, sizeof(text), "%s 5, 2020", months[k]);
		snprintf(want, sizeof(want), "DATE[%s]=2020-%02zu-05", text, k + 1);
		scan_copy(&f, text, strlen(text), NULL);
		ck_assert_msg(strcmp(f.out, want) == 0, "\"%s\": got \"%s\"", text, f.out);
	}
	for (k = 0; k < TH_NELEM(abbrs); k++) {
		snprintf(text, sizeof(text), "%s 5, 2020", abbrs[k]);
		snprintf(want, sizeof(want), "DATE[%s]=2020-%02d-05", text, abbr_month[k]);
		scan_copy(&f, text, strlen(text), NULL);
		ck_assert_msg(strcmp(f.out, want) == 0, "\"%s\": got \"%s\"", text, f.out);
	}
	for (k = 0; k < TH_NELEM(days); k++) {
		snprintf(text, sizeof(text), "on %s", days[k]);
		snprintf(want, sizeof(want), "DATE[%s]=XXXX-WXX-%zu", days[k], k + 1);
		scan_copy(&f, text, strlen(text), NULL);
		ck_assert_msg(strcmp(f.out, want) == 0, "\"%s\": got \"%s\"", text, f.out);
	}
}
END_TEST

/*
 * The same expressions wherever they stand: after 0 to 150 bytes of words that start
 * nothing (short ones, and one long word), with text after them or none.  The scan
 * reads the text in windows of fixed size, so this puts each expression, and the words
 * that tell whether an article starts one, across every place of a window's edge.
 */
START_TEST(test_every_offset)
{
	static const struct {
		const char			*in;
		const struct hs_civil_date	*anchor;
		const char			*want;
	} phrases[] = {
		{ "a million dollars", NULL, "MONEY[a million dollars]=1000000 USD" },
		{ "a\n dozen miles", NULL, "QUANTITY[a\n dozen miles]=12 mi" },
		{ "a year ago", &dec22, "DATE[a year ago]=2020" },
		{ "A year ago", &dec22, "DATE[A year ago]=2020" },
		{ "an item ago", NULL, "" },
		{ "a year agog", &dec22, "" },
		{ "a millionaire", NULL, "" },
		/* the longest white space between words (16 bytes) */
		{ "a                million dollars", NULL,
		  "MONEY[a                million dollars]=1000000 USD" },
		{ "a                year                ago", &dec22,
		  "DATE[a                year                ago]=2020" },
		{ "US$5", NULL, "MONEY[US$5]=5 USD" },
		{ "$1.5 billion", NULL, "MONEY[$1.5 billion]=1500000000 USD" },
		{ "\xE2\x82\xB9" "20, \xE2\x82\xBD" "20, \xE2\x82\xA9" "20, \xC2\xA5" "20", NULL,
		  "MONEY[\xE2\x82\xB9" "20]=20 INR | MONEY[\xE2\x82\xBD" "20]=20 RUB | "
		  "MONEY[\xE2\x82\xA9" "20]=20 KRW | MONEY[\xC2\xA5" "20]=20 JPY" },
		{ "\xE2\x82\xA4" "20 \xE2\x80\x9C" "20\xE2\x80\x9D", NULL, "" },
		{ "in September 2019", NULL, "DATE[September 2019]=2019-09" },
		{ "on Wednesday", NULL, "DATE[Wednesday]=XXXX-WXX-3" },
		{ "yesterday", &dec22, "DATE[yesterday]=2021-12-21" },
		{ "seventeen percent", NULL, "PERCENT[seventeen percent]=17%" },
		{ "last week", &dec22, "DATE[last week]=2021-W50" },
		{ "5%", NULL, "PERCENT[5%]=5%" },
		{ "Feb2019 and May5 and a1 million", NULL, "" },
		{ "in 2019", NULL, "DATE[2019]=2019" },
	};
	static const char *const tails[] = { "", ".", ". zq zq zq zq zq zq zq zq zq zq" };
	char		 text[512];
	struct found	 f;
	size_t		 k, pre, t, len, style;

	for (k = 0; k < TH_NELEM(phrases); k++)
		for (pre = 0; pre <= 150; pre++)
			for (style = 0; style < 2 * TH_NELEM(tails); style++) {
				t = style / 2;
				for (len = 0; len < pre; len++)
					text[len] = style % 2 == 0 ? "zq "[len % 3] : 'k';
				if (pre > 0)
					text[pre - 1] = ' ';
				len = pre + (size_t)snprintf(text + pre, sizeof(text) - pre,
				    "%s%s", phrases[k].in, tails[t]);
				scan_copy(&f, text, len, phrases[k].anchor);
				TH_REQUIRE(f.sound && strcmp(f.out, phrases[k].want) == 0,
				    "\"%s\" after %zu bytes (style %zu):\n got: \"%s\"\n"
				    "want: \"%s\"", phrases[k].in, pre, style, f.out,
				    phrases[k].want);
			}
}
END_TEST

struct stop_after {
	int	calls;
	int	stop_at;
};

static int
stop_after(const struct hs_numex *x, void *arg)
{
	struct stop_after *st = arg;

	(void)x;
	return ++st->calls == st->stop_at ? 7 : 0;
}

START_TEST(test_stop)
{
	const char		*text = "$5, 6%, 7 km and in 2019.";
	struct stop_after	 st = { 0, 2 };

	ck_assert_int_eq(hs_numex_scan(text, strlen(text), NULL, stop_after, &st), 7);
	ck_assert_int_eq(st.calls, 2);
	st.calls = 0;
	st.stop_at = 99;
	ck_assert_int_eq(hs_numex_scan(text, strlen(text), NULL, stop_after, &st), 0);
	ck_assert_int_eq(st.calls, 4);
	ck_assert_int_eq(hs_numex_scan(NULL, 0, NULL, stop_after, &st), 0);
}
END_TEST

START_TEST(test_type_names)
{
	ck_assert_str_eq(hs_numex_type_name(HS_NUMEX_DATE), "DATE");
	ck_assert_str_eq(hs_numex_type_name(HS_NUMEX_MONEY), "MONEY");
	ck_assert_str_eq(hs_numex_type_name(HS_NUMEX_PERCENT), "PERCENT");
	ck_assert_str_eq(hs_numex_type_name(HS_NUMEX_QUANTITY), "QUANTITY");
	ck_assert_str_eq(hs_numex_type_name((enum hs_numex_type)42), "?");
}
END_TEST

/*
 * Random texts, of pieces that start expressions and of random bytes, cut anywhere:
 * every span in order, apart, inside the text, with a name; and (under the address
 * sanitizer) no read outside it.
 */
START_TEST(test_random_texts)
{
	static const char *const pieces[] = {
		" ", " ", " ", ",", ".", "-", "/", "'", "\n", "\xC2\xA0", "$", "US$",
		"\xE2\x82\xAC", "\xC2\xA3", "\xC2\xB0", "\xE2\x80\x99", "%", "5", "21", "2019",
		"1990s", "1,000", "3.5", "0", "st", "Dec.", "December", "May", "March",
		"Tuesday", "today", "last", "next", "this", "year", "week", "weekend", "month",
		"ago", "old", "a", "half", "and", "dozen", "million", "twenty", "-five",
		"hundred", "percent", "per cent", "percentage points", "miles", "square",
		"km", "dollars", "cents", "in", "since", "the", "of", "night", "century",
		"The", "Will", "x",
	};
	uint64_t	 seed = 0x9E3779B97F4A7C15ULL;
	char		 buf[600];
	size_t		 len, n, k, r;
	struct found	 f;
	int		 round;

	for (round = 0; round < 20000; round++) {
		len = 0;
		n = th_next_random(&seed) % 40;
		for (k = 0; k < n; k++) {
			r = th_next_random(&seed);
			if (r % 8 == 0) {
				buf[len++] = (char)(r >> 8);
				continue;
			}
			r = (r >> 3) % TH_NELEM(pieces);
			memcpy(buf + len, pieces[r], strlen(pieces[r]));
			len += strlen(pieces[r]);
		}
		/* cut the last piece anywhere, sequences of UTF-8 included */
		if (len > 0)
			len -= th_next_random(&seed) % (len < 4 ? len : 4);
		scan_copy(&f, buf, len, round % 2 ? &dec22 : NULL);
		TH_REQUIRE(f.sound, "round %d: unsound spans for \"%.*s\"", round, (int)len, buf);
	}
}
END_TEST

/* Long runs of what starts expressions must take linear time. */
START_TEST(test_long_inputs)
{
	static const char *const units[] = {
		"1", "1,000,", "a ", "twenty ", "$", "Tuesday, ", "last ", "May ", "5 ",
		"and a ", "\xE2\x82", "Dec. 21-", "'", "0.", "- ",
	};
	const size_t	 size = 1 << 20;
	char		*text;
	size_t		 u, i, ulen;
	struct found	 f;

	text = malloc(size);
	ck_assert_ptr_nonnull(text);
	for (u = 0; u < TH_NELEM(units); u++) {
		ulen = strlen(units[u]);
		for (i = 0; i + ulen <= size; i += ulen)
			memcpy(text + i, units[u], ulen);
		scan_copy(&f, text, i, &dec22);
		ck_assert_msg(f.sound, "long input of \"%s\"", units[u]);
	}
	free(text);
}
END_TEST

Suite *
hs_numex_suite(void)
{
	Suite	*s = suite_create("numex");
	TCase	*tc;

	tc = tcase_create("cases");
	tcase_add_loop_test(tc, test_cases, 0, (int)TH_NELEM(cases));
	tcase_add_loop_test(tc, test_odd_inputs, 0, (int)TH_NELEM(odd));
	tcase_add_test(tc, test_every_word);
	tcase_add_test(tc, test_every_offset);
	tcase_add_test(tc, test_stop);
	tcase_add_test(tc, test_type_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("random");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_random_texts);
	tcase_add_test(tc, test_long_inputs);
	suite_add_tcase(s, tc);
	return s;
}
