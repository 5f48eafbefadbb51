/* test_segment.c: unit tests of lib/hs_segment.c: paragraphs and the sentences a
 * careful copy editor would cut them into, and inputs that must not break it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_lexicon.h"
#include "hs_segment.h"
#include "hs_util.h"
#include "suites.h"

/* A paragraph and its sentences, joined by " | ". */
struct seg_case {
	const char	*in;
	const char	*want;
};

static const struct seg_case cases[] = {
	/* plain terminal punctuation */
	{ "The vote is Tuesday. Polls open at 7.", "The vote is Tuesday. | Polls open at 7." },
	{ "Did she win? Nobody knows yet.", "Did she win? | Nobody knows yet." },
	{ "We won! The crowd cheered.", "We won! | The crowd cheered." },
	{ "Hello!! Who is there??? Me?! Yes.", "Hello!! | Who is there??? | Me?! | Yes." },
	{ "No final period", "No final period" },
	{ "  Leading and trailing space.  ", "Leading and trailing space." },
	/* titles never end a sentence before a name */
	{ "Mr. Lopez met Dr. Chen and Sen. Ward in the capital.",
	  "Mr. Lopez met Dr. Chen and Sen. Ward in the capital." },
	{ "Gen. Ann Burke and Gov. Tim Bell spoke. Rep. Lee did not.",
	  "Gen. Ann Burke and Gov. Tim Bell spoke. | Rep. Lee did not." },
	{ "Lt. Gov. Ann Ray and Mrs. Ray arrived.", "Lt. Gov. Ann Ray and Mrs. Ray arrived." },
	{ "The court ruled in Roe v. Wade. It was 1973.",
	  "The court ruled in Roe v. Wade. | It was 1973." },
	/* abbreviations end a sentence only before a sentence starter */
	{ "She moved to the U.S. The move was hard.",
	  "She moved to the U.S. | The move was hard." },
	{ "She joined the U.S. Senate staff in May.",
	  "She joined the U.S. Senate staff in May." },
	{ "He worked for the U.N. and the U.K. government.",
	  "He worked for the U.N. and the U.K. government." },
	{ "He sold the shares to Acme Corp. The deal closed Monday.",
	  "He sold the shares to Acme Corp. | The deal closed Monday." },
	{ "Acme Corp. Chief Executive Dana Ruiz said so.",
	  "Acme Corp. Chief Executive Dana Ruiz said so." },
	{ "Jane and co. left early.", "Jane and co. left early." },
	{ "Ask Jane and co. They know.", "Ask Jane and co. | They know." },
	{ "It is based in Fresno, Calif. It's growing.",
	  "It is based in Fresno, Calif. | It's growing." },
	{ "Sen. Ted Cruz (R-Texas) and Rep. Ann Wu (D-Calif.) spoke. Both left.",
	  "Sen. Ted Cruz (R-Texas) and Rep. Ann Wu (D-Calif.) spoke. | Both left." },
	{ "Martin Luther King Jr. Day is a holiday.", "Martin Luther King Jr. Day is a holiday." },
	{ "Ask for Sam Jr. He knows.", "Ask for Sam Jr. | He knows." },
	{ "He lives on Elm St. near the park.", "He lives on Elm St. near the park." },
	{ "Prices rose, e.g. for milk, i.e. a staple, etc. and so on.",
	  "Prices rose, e.g. for milk, i.e. a staple, etc. and so on." },
	{ "It was Smith vs. Jones. Smith won.", "It was Smith vs. Jones. | Smith won." },
	{ "They met on Jan. 5 and Sept. 12 in St. Louis.",
	  "They met on Jan. 5 and Sept. 12 in St. Louis." },
	{ "The deal was signed in May. The rest followed.",
	  "The deal was signed in May. | The rest followed." },
	/* numabbrev: only before a number */
	{ "The bill, No. 5, passed. No. That is wrong.",
	  "The bill, No. 5, passed. | No. | That is wrong." },
	{ "See p. 12 and Vol. 3 of the report.", "See p. 12 and Vol. 3 of the report." },
	{ "He bought a stake in the Museum of Modern Art. It paid off.",
	  "He bought a stake in the Museum of Modern Art. | It paid off." },
	/* times, decimals, money */
	{ "The meeting starts at 4:30 p.m. Tuesday in Room 5.",
	  "The meeting starts at 4:30 p.m. Tuesday in Room 5." },
	{ "The meeting ended at 4:30 p.m. The mayor left.",
	  "The meeting ended at 4:30 p.m. | The mayor left." },
	{ "At 9 a.m. on Friday it opened.", "At 9 a.m. on Friday it opened." },
	{ "It rose 3.5 percent to $3.2 billion. Costs fell 0.4 percent.",
	  "It rose 3.5 percent to $3.2 billion. | Costs fell 0.4 percent." },
	{ "He paid $12.50. She paid more.", "He paid $12.50. | She paid more." },
	{ "The count was 1,204.5 votes in 2016. In 2020 it grew.",
	  "The count was 1,204.5 votes in 2016. | In 2020 it grew." },
	/* initials */
	{ "J. R. Smith scored. George W. Bush spoke.",
	  "J. R. Smith scored. | George W. Bush spoke." },
	{ "The poet A. B. Cole and E. E. Marsh read.", "The poet A. B. Cole and E. E. Marsh read." },
	{ "We voted for Plan B. The rest abstained.", "We voted for Plan B. | The rest abstained." },
	{ "The F.B.I. Director spoke. The F.B.I. It acted.",
	  "The F.B.I. Director spoke. | The F.B.I. | It acted." },
	/* URLs and e-mail addresses */
	{ "Visit https://example.org/news/a.html for more. Or write to press@example.com. "
	  "Someone will answer.",
	  "Visit https://example.org/news/a.html for more. | Or write to press@example.com. | "
	  "Someone will answer." },
	{ "See www.example.com/x?a=1. Then reload.", "See www.example.com/x?a=1. | Then reload." },
	/* ellipses */
	{ "He paused... Then he spoke.", "He paused... | Then he spoke." },
	{ "He paused ... and then spoke.", "He paused ... and then spoke." },
	{ "He paused \xE2\x80\xA6 Then he went on.", "He paused \xE2\x80\xA6 | Then he went on." },
	{ "It was . . . odd. Very odd.", "It was . . . odd. | Very odd." },
	{ "It was . . . I mean, odd.", "It was . . . I mean, odd." },
	{ "The law is clear. . . . Nobody disputes it.",
	  "The law is clear. | . . . Nobody disputes it." },
	{ "So it ends . . . . Next came the vote.", "So it ends . . . . | Next came the vote." },
	{ "They said it \xE2\x80\x9C[...] would fail\xE2\x80\x9D and left.",
	  "They said it \xE2\x80\x9C[...] would fail\xE2\x80\x9D and left." },
	{ "Who knew...?", "Who knew...?" },
	{ "It was bold...For example, taxes.", "It was bold... | For example, taxes." },
	{ "It was bold...for example, taxes.", "It was bold...for example, taxes." },
	/* terminal punctuation inside closing quotes and brackets */
	{ "He said, \xE2\x80\x9CIt is over.\xE2\x80\x9D Then he left.",
	  "He said, \xE2\x80\x9CIt is over.\xE2\x80\x9D | Then he left." },
	{ "\xE2\x80\x9CWe will win,\xE2\x80\x9D he said. \xE2\x80\x9CThe polls are wrong.\xE2\x80\x9D",
	  "\xE2\x80\x9CWe will win,\xE2\x80\x9D he said. | \xE2\x80\x9CThe polls are wrong.\xE2\x80\x9D" },
	{ "She was blunt (\xE2\x80\x9CIt failed.\xE2\x80\x9D) and left. Aides agreed.",
	  "She was blunt (\xE2\x80\x9CIt failed.\xE2\x80\x9D) and left. | Aides agreed." },
	{ "The plan (which failed!) was costly. (It ended.) Then came another.",
	  "The plan (which failed!) was costly. | (It ended.) | Then came another." },
	{ "He asked \xE2\x80\x98why?\xE2\x80\x99 Nobody knew.",
	  "He asked \xE2\x80\x98why?\xE2\x80\x99 | Nobody knew." },
	{ "He said \"it's done.\" She said 'no.' They left.",
	  "He said \"it's done.\" | She said 'no.' | They left." },
	{ "It is the \xE2\x80\x9C""best\xE2\x80\x9D"". The rest is not.",
	  "It is the \xE2\x80\x9C""best\xE2\x80\x9D"". | The rest is not." },
	/* a ? or ! inside quotes before its attribution */
	{ "\"Ready?\" she asked. \"Yes.\"", "\"Ready?\" she asked. | \"Yes.\"" },
	{ "\xE2\x80\x9CWhy now?\xE2\x80\x9D Smith asked reporters. He got no answer.",
	  "\xE2\x80\x9CWhy now?\xE2\x80\x9D Smith asked reporters. | He got no answer." },
	{ "\xE2\x80\x9CWho knows?\xE2\x80\x9D Sen. Ted Cruz said on Monday.",
	  "\xE2\x80\x9CWho knows?\xE2\x80\x9D Sen. Ted Cruz said on Monday." },
	{ "\xE2\x80\x9CWhy now?\xE2\x80\x9D He shrugged.",
	  "\xE2\x80\x9CWhy now?\xE2\x80\x9D | He shrugged." },
	{ "He shouted Bingo! and sat down.", "He shouted Bingo! and sat down." },
	/* headings and soft line breaks */
	{ "Storm Hits Coast\nThe storm made landfall Sunday.",
	  "Storm Hits Coast | The storm made landfall Sunday." },
	{ "TOP STORIES\nMarkets fell.", "TOP STORIES | Markets fell." },
	{ "The storm made landfall on Sunday near the town of Port Ames and\nknocked out power.",
	  "The storm made landfall on Sunday near the town of Port Ames and\nknocked out power." },
	{ "The governor said on Sunday that the state would ask for help from\n"
	  "President Obama and the Congress.",
	  "The governor said on Sunday that the state would ask for help from\n"
	  "President Obama and the Congress." },
	{ "Officials said the storm, which hit the coast overnight, had weakened by dawn and\r\n"
	  "The roads reopened at noon after crews cleared them of fallen trees and debris.",
	  "Officials said the storm, which hit the coast overnight, had weakened by dawn and | "
	  "The roads reopened at noon after crews cleared them of fallen trees and debris." },
	{ "Ana Ruiz, 62\nRuiz was a teacher.", "Ana Ruiz, 62 | Ruiz was a teacher." },
	{ "Jobs report lifts stocks;\nGains were broad.",
	  "Jobs report lifts stocks; | Gains were broad." },
	{ "It was in the U.S.\nThe end.", "It was in the U.S. | The end." },
	{ "Her reply was short,\nTerse even.", "Her reply was short,\nTerse even." },
	{ "HOUSE PASSES BUDGET The House passed the budget on Friday.",
	  "HOUSE PASSES BUDGET | The House passed the budget on Friday." },
	{ "SALT LAKE CITY, Utah \xE2\x80\x94 The governor spoke.",
	  "SALT LAKE CITY, Utah \xE2\x80\x94 The governor spoke." },
	{ "NEW YORK (AP) \xE2\x80\x94 The index fell.", "NEW YORK (AP) \xE2\x80\x94 The index fell." },
	{ "Trump leads in Ohio. [Poll]\nClinton leads in Iowa. [Survey]",
	  "Trump leads in Ohio. [Poll] | Clinton leads in Iowa. [Survey]" },
	/* lists */
	{ "1. Buy milk 2. Call Ann 3. Pay rent", "1. Buy milk | 2. Call Ann | 3. Pay rent" },
	{ "1) Buy milk. 2) Call Ann.", "1) Buy milk. | 2) Call Ann." },
	{ "1.) Buy milk 2.) Call Ann", "1.) Buy milk | 2.) Call Ann" },
	{ "a. The first b. The second", "a. The first | b. The second" },
	{ "\xE2\x80\xA2 Lower taxes \xE2\x80\xA2 Fewer rules",
	  "\xE2\x80\xA2 Lower taxes | \xE2\x80\xA2 Fewer rules" },
	{ "\xE2\x80\xA2 4. The fourth \xE2\x80\xA2 5. The fifth",
	  "\xE2\x80\xA2 4. The fourth | \xE2\x80\xA2 5. The fifth" },
	{ "Key points:\n- Taxes fall\n- Rules ease", "Key points: | - Taxes fall | - Rules ease" },
	{ "1\nAna Ruiz Wins The Prize.", "1\nAna Ruiz Wins The Prize." },
	{ "12. The twelfth item.", "12. The twelfth item." },
	{ "The list has 2. Items follow.", "The list has 2. | Items follow." },
	/* punctuation alone never makes a sentence of its own */
	{ "...", "..." },
	{ "?!? Why?", "?!? Why?" },
	{ "\xE2\x80\x9C\xE2\x80\x9D\"'", "\xE2\x80\x9C\xE2\x80\x9D\"'" },
	{ "Mr.", "Mr." },
	{ "U.S.", "U.S." },
};

static struct hs_lexicon	*lex;
static struct hs_segmenter	*sg;

static void
setup(void)
{
	lex = hs_lexicon_new();
	sg = hs_segmenter_new(lex);
}

static void
teardown(void)
{
	hs_segmenter_free(sg);
	hs_lexicon_free(lex);
}

/* Whether spans[0..n) partition the non-blank bytes of text[0..len): in order,
 * apart, inside the text, trimmed, and covering every byte that is not white space. */
static bool
is_partition(const char *text, size_t len, const struct hs_span *sp, size_t n)
{
	const unsigned char	*s = (const unsigned char *)text;
	unsigned char		*space;
	size_t			 i, k, j = 0;
	bool			 ok = true;

	if ((space = calloc(len + 1, 1)) == NULL)
		return false;
	for (i = 0; i < len; i += k ? k : 1) {
		if ((k = hs_space_len(s + i, len - i)) > 0)
			memset(space + i, 1, k);
	}
	for (k = 0; k < n && ok; k++) {
		if (sp[k].start >= sp[k].end || sp[k].end > len ||
		    (k > 0 && sp[k].start < sp[k - 1].end) ||
		    space[sp[k].start] || space[sp[k].end - 1])
			ok = false;
	}
	for (i = 0; i < len && ok; i++) {
		while (j < n && sp[j].end <= i)
			j++;
		if (!space[i] && (j == n || sp[j].start > i))
			ok = false;
	}
	free(space);
	return ok;
}

/* The sentences of text[0..len) joined by " | ", after checking the partition. */
static char *
segment(const char *text, size_t len)
{
	struct hs_span	*sp = NULL;
	size_t		 cap = 0, n, i, total = 1;
	char		*out;

	n = hs_segment_sentences(sg, text, len, &sp, &cap);
	ck_assert_msg(is_partition(text, len, sp, n), "not a partition: \"%s\"", text);
	for (i = 0; i < n; i++)
		total += sp[i].end - sp[i].start + 3;
	out = malloc(total);
	ck_assert_ptr_nonnull(out);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(out, " | ");
		strncat(out, text + sp[i].start, sp[i].end - sp[i].start);
	}
	free(sp);
	return out;
}

START_TEST(test_cases)
{
	const struct seg_case	*c = &cases[_i];
	char			*got;

	got = segment(c->in, strlen(c->in));
	ck_assert_msg(strcmp(got, c->want) == 0, "case %d: \"%s\"\n got: \"%s\"\nwant: \"%s\"",
	    _i, c->in, got, c->want);
	free(got);
}
END_TEST

/* Inputs that are not text: the spans must still be a partition, and nothing may
 * crash or hang. */
static const struct {
	const char	*in;
	size_t		 len;
	size_t		 nsent;
} odd[] = {
	{ "", 0, 0 },
	{ "   \t ", 5, 0 },
	{ "\n\n\n", 3, 0 },
	{ "\xC2\xA0\xE3\x80\x80", 5, 0 },
	{ ".", 1, 1 },
	{ "?!?!", 4, 1 },
	{ ". . . . . .", 11, 1 },
	{ "\"\"\"''\xE2\x80\x9D\xE2\x80\x9D", 11, 1 },
	{ "\xFF\xFE. \xC0\xAF. Z", 10, 1 },
	{ "Done.\xE2\x80", 7, 1 },
	{ "Done. \xE2", 7, 2 },
	{ "A\0B. C\0D. E", 11, 3 },
	{ "Line\n\nBreak.", 12, 2 },
	{ "\xE2\x80\xA2", 3, 1 },
	{ "1.", 2, 1 },
	{ "a) b) c)", 8, 2 },
	{ "xy.\xC2\xA0Y", 6, 2 },
	{ "x.\xC2\xA0Y", 5, 1 },
};

START_TEST(test_odd_inputs)
{
	struct hs_span	*sp = NULL;
	size_t		 cap = 0, n;

	n = hs_segment_sentences(sg, odd[_i].in, odd[_i].len, &sp, &cap);
	ck_assert_msg(is_partition(odd[_i].in, odd[_i].len, sp, n), "odd input %d", _i);
	ck_assert_msg(n == odd[_i].nsent, "odd input %d: %zu sentences, want %zu", _i, n,
	    odd[_i].nsent);
	free(sp);
}
END_TEST

/* Long inputs must take linear time: each of these would take minutes if any step
 * looked back over the paragraph or forward to its end at every candidate. */
START_TEST(test_long_inputs)
{
	static const char *const units[] = {
		"word ", ". ", "a. ", "? ", "\n", "U.S. ", "\xE2\x80\x9C", ". . . ",
		"1. ", "\xE2\x80\xA2 ", "AB ", "x\n\n"
	};
	const size_t	 size = 4 << 20;
	struct hs_span	*sp = NULL;
	size_t		 cap = 0, n, u, i, ulen;
	char		*text;

	text = malloc(size);
	ck_assert_ptr_nonnull(text);
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		ulen = strlen(units[u]);
		for (i = 0; i + ulen <= size; i += ulen)
			memcpy(text + i, units[u], ulen);
		n = hs_segment_sentences(sg, text, i, &sp, &cap);
		ck_assert_msg(is_partition(text, i, sp, n), "long input of \"%s\"", units[u]);
	}
	free(sp);
	free(text);
}
END_TEST

/* The scan looks at blocks of bytes at a time: a sentence end must be found at any
 * offset, inside a block, across two, or in the short rest at the end, and curly
 * quotes and dashes (0xE2 too) near it must not hide it nor end a sentence. */
START_TEST(test_every_offset)
{
	static const char *const ends[] = {
		".", "?", "!", "\xE2\x80\xA6", "\xE2\x80\xBC", "\xE2\x81\x88", ".\xE2\x80\x9D"
	};
	char		 word[100], text[256], want[sizeof(text) + 32], *got;
	size_t		 pad, e, n;

	memset(word, 'b', sizeof(word));
	for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
		for (pad = 2; pad < 82; pad++) {
			n = (size_t)snprintf(text, sizeof(text), "\xE2\x80\x9CSo\xE2\x80\x9D"
			    " it\xE2\x80\x94went %.*s%s", (int)pad, word, ends[e]);
			/* At the end of the paragraph: one sentence, all of it. */
			got = segment(text, n);
			ck_assert_msg(strcmp(got, text) == 0, "end %zu, pad %zu: \"%s\"", e, pad,
			    got);
			free(got);
			/* Before a capital: two. */
			snprintf(want, sizeof(want), "%s | Then it ended.", text);
			strcat(text, " Then it ended.");
			got = segment(text, strlen(text));
			ck_assert_msg(strcmp(got, want) == 0, "end %zu, pad %zu: \"%s\"", e, pad,
			    got);
			free(got);
		}
	}
}
END_TEST

START_TEST(test_spans_reused)
{
	struct hs_span	*sp = NULL;
	size_t		 cap = 0, n;
	const char	*a = "One. Two. Three.", *b = "Four.";

	n = hs_segment_sentences(sg, a, strlen(a), &sp, &cap);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_ge(cap, 3);
	n = hs_segment_sentences(sg, b, strlen(b), &sp, &cap);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(sp[0].start, 0);
	ck_assert_uint_eq(sp[0].end, 5);
	free(sp);
}
END_TEST

START_TEST(test_user_lexicon)
{
	struct hs_lexicon	*mine;
	struct hs_segmenter	*msg;
	struct hs_span		*sp = NULL;
	size_t			 cap = 0;
	const char		*text = "He met Insp. Gadget and Supt. Ray. They talked.";
	const char		*entries = "title\tSupt.\nabbrev\tRay.\n";

	mine = hs_lexicon_new();
	ck_assert_int_eq(hs_lexicon_load_text(mine, "test", entries, strlen(entries)), 0);
	msg = hs_segmenter_new(mine);
	/* Ray. is now an abbreviation, but "They" starts a sentence. */
	ck_assert_uint_eq(hs_segment_sentences(msg, text, strlen(text), &sp, &cap), 2);
	ck_assert_uint_eq(sp[0].end, strlen("He met Insp. Gadget and Supt. Ray."));
	hs_segmenter_free(msg);
	hs_lexicon_free(mine);
	free(sp);
}
END_TEST

Suite *
hs_segment_suite(void)
{
	Suite	*s = suite_create("segment");
	TCase	*tc;

	tc = tcase_create("cases");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_loop_test(tc, test_odd_inputs, 0, (int)(sizeof(odd) / sizeof(odd[0])));
	tcase_add_test(tc, test_every_offset);
	tcase_add_test(tc, test_spans_reused);
	tcase_add_test(tc, test_user_lexicon);
	suite_add_tcase(s, tc);

	tc = tcase_create("long");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_long_inputs);
	suite_add_tcase(s, tc);
	return s;
}
