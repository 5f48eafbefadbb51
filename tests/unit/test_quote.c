/* test_quote.c: unit tests of lib/hs_quote.c: the quotations of short invented articles,
 * with their kind, speaker, cue and exact bytes, the same whether the article comes as
 * paragraphs, sentences or one record, and random articles that must not break it. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_quote.h"
#include "hs_segment.h"
#include "suites.h"

/*
 * The cases are written in UTF-8 as they would be read, curly marks and all, since the
 * marks are what is tested; a paragraph break is PB. Each wanted quotation is a line
 * "kind|speaker|cue|text", "-" for no speaker or no cue, in text order.
 */
#define PB		"\n\n"
#define MAX_WANT	8

/*
 * An invented article and what the issue says its quotations are. A case that
 * hs_quote gets wrong is kept with known_bug set: it is run, but its answer (and its
 * soundness) is checked only when QUOTE_KNOWN_BUGS is set in the environment
 * (CK_RUN_SUITE=quote QUOTE_KNOWN_BUGS=1 shows each one's input, wanted and got, and
 * names the known bugs that are fixed). A case that crashes the quoter is run only
 * then.
 */
struct quote_case {
	const char	*text;
	const char	*want[MAX_WANT + 1];
	bool		 known_bug;
	bool		 crashes;
};

#define W(...)		{ __VA_ARGS__ }
#define NONE		{ NULL }
#define CASE(text, w)	{ text, w, false, false }
#define BUG(text, w)	{ text, w, true, false }
#define CRASH(text, w)	{ text, w, true, true }

/* 1. Every kind of mark, paired, mismatched and nested. */
static const struct quote_case marks[] = {
	CASE("“We are ready to talk,” Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("\"We are ready to talk,\" Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	/* single marks as the outer ones, British style */
	CASE("‘We are ready to talk,’ Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("'We are ready to talk,' Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	/* guillemets both ways round, with and without the French spaces */
	CASE("«We are ready to talk,» Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("« We are ready to talk », Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk")),
	CASE("»We are ready to talk,« Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("‹We are ready to talk,› Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	/* the low opening mark, closed German style and English style */
	CASE("„We are ready to talk,“ Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("„We are ready to talk,” Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	/* a curly mark closed by a straight one, and the other way round */
	CASE("“We are ready to talk,\" Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("\"We are ready to talk,” Blinken said.",
	    W("direct|Antony Blinken|said|We are ready to talk,")),
	CASE("Blinken said the deal was “a first step\" and no more.",
	    W("partial|Antony Blinken|said|a first step")),
	/* single marks inside double ones belong to the outer quotation */
	CASE("“They told us ‘wait and see,’ and we waited,” Blinken said.",
	    W("direct|Antony Blinken|said|They told us ‘wait and see,’ and we waited,")),
	CASE("\"They told us 'wait and see,' and we waited,\" Blinken said.",
	    W("direct|Antony Blinken|said|They told us 'wait and see,' and we waited,")),
	CASE("“The minister told me, ‘We will wait,’” Blinken said.",
	    W("direct|Antony Blinken|said|The minister told me, ‘We will wait,’")),
	CASE("\"The minister told me, 'We will wait,'\" Blinken said.",
	    W("direct|Antony Blinken|said|The minister told me, 'We will wait,'")),
	/* ... and so do double marks inside single ones */
	CASE("‘They told us “wait and see,” and we waited,’ Blinken said.",
	    W("direct|Antony Blinken|said|They told us “wait and see,” and we waited,")),
	/* single outer marks in headlines */
	CASE("Blinken: ‘We will not back down’" PB
	    "Antony Blinken spoke in Kyiv on Monday.",
	    W("direct|Antony Blinken|-|We will not back down")),
	CASE("‘We will not back down,’ says Blinken" PB
	    "Antony Blinken spoke in Kyiv on Monday.",
	    W("direct|Antony Blinken|says|We will not back down,")),
	CASE("Russia faces ‘massive consequences’, warns Blinken" PB
	    "Antony Blinken spoke in Kyiv on Monday.",
	    W("partial|Antony Blinken|warns|massive consequences")),
	CASE("'We will not back down,' says Blinken" PB
	    "Antony Blinken spoke in Kyiv on Monday.",
	    W("direct|Antony Blinken|says|We will not back down,")),
	/* two quotations of one paragraph, in two kinds of mark */
	CASE("“Yes,” Blinken said, and Mirela Tornberg said: \"No.\"",
	    W("direct|Antony Blinken|said|Yes,", "direct|Mirela Tornberg|said|No.")),
	/* a quotation that runs over sentences is one */
	CASE("“We came to talk. We did not come to fight. We leave tomorrow,” Blinken said.",
	    W("direct|Antony Blinken|said|We came to talk. We did not come to fight. "
	    "We leave tomorrow,")),
	CASE("Blinken said: “We came to talk. We did not come to fight.” He left at noon.",
	    W("direct|Antony Blinken|said|We came to talk. We did not come to fight.")),
	/* a soft line break inside a quotation is a space */
	CASE("“We came to talk\nand we will talk,” Blinken said.",
	    W("direct|Antony Blinken|said|We came to talk and we will talk,")),
};

/* 2. Apostrophes are never quote marks. */
static const struct quote_case apostrophes[] = {
	CASE("We’re sure that Moscow’s plan will fail, the minister said.", NONE),
	CASE("We're sure that Moscow's plan will fail, the minister said.", NONE),
	CASE("The music of the ’90s filled the hall until midnight.", NONE),
	CASE("The music of the '90s filled the hall until midnight.", NONE),
	CASE("They played rock ’n’ roll until the lights went out.", NONE),
	CASE("They played rock 'n' roll until the lights went out.", NONE),
	/* the form autocorrect makes of it (though "the letter ‘n’" is a mention) */
	CASE("They played rock ‘n’ roll until the lights went out.", NONE),
	CASE("The Joneses’ house stood next to the Smiths’ barn.", NONE),
	CASE("The Joneses' house stood next to the Smiths' barn.", NONE),
	CASE("Let ’em talk, and wait ’til the spring comes.", NONE),
	CASE("Let 'em talk, and wait 'til the spring comes.", NONE),
	CASE("’Tis the season, and the ’90s are back in the Joneses’ shop.", NONE),
	/* all of them in one paragraph, and no quotation made of them */
	CASE("In the ’90s the Joneses’ band played rock ’n’ roll, and we’re still fans." PB
	    "The Smiths’ band played the ’80s hits of Moscow’s clubs.", NONE),
	/* apostrophes inside and around a real quotation */
	CASE("“We’re not going back to the ’90s,” Blinken said.",
	    W("direct|Antony Blinken|said|We’re not going back to the ’90s,")),
	CASE("‘We’re not going back to the ’90s,’ Blinken said.",
	    W("direct|Antony Blinken|said|We’re not going back to the ’90s,")),
	CASE("'We're not going back to the '90s,' Blinken said.",
	    W("direct|Antony Blinken|said|We're not going back to the '90s,")),
	CASE("The ’90s band and the Joneses’ dog met ‘by chance’ on Monday.",
	    W("mention|-|-|by chance")),
	CASE("“It was the Joneses’ idea,” Blinken said.",
	    W("direct|Antony Blinken|said|It was the Joneses’ idea,")),
	CASE("“They played rock ’n’ roll all night,” Blinken said.",
	    W("direct|Antony Blinken|said|They played rock ’n’ roll all night,")),
	/* a plural possessive inside single outer marks */
	CASE("‘It was the Joneses’ idea,’ Blinken said.",
	    W("direct|Antony Blinken|said|It was the Joneses’ idea,")),
	CASE("'It was the Joneses' idea,' Blinken said.",
	    W("direct|Antony Blinken|said|It was the Joneses' idea,")),
	/* an elision inside single outer marks */
	CASE("‘Let ’em talk,’ Blinken said.",
	    W("direct|Antony Blinken|said|Let ’em talk,")),
};

/* 3. Direct, partial or a mere mention. */
static const struct quote_case kinds[] = {
	/* a paragraph that is only a quotation */
	CASE("“We will be back next year.”", W("direct|-|-|We will be back next year.")),
	CASE("The talks ended early." PB "“We will be back next year.”",
	    W("direct|-|-|We will be back next year.")),
	/* a quotation after a colon stands as speech */
	CASE("The message was short: “We are leaving.”", W("direct|-|-|We are leaving.")),
	/* quoted words in the writer's sentence */
	CASE("Blinken warned of “massive consequences” for Russia.",
	    W("partial|Antony Blinken|warned|massive consequences")),
	CASE("Blinken said the talks had been “frank, useful and long overdue” on Monday.",
	    W("partial|Antony Blinken|said|frank, useful and long overdue")),
	CASE("The plan to “build back stronger” was dropped.",
	    W("partial|-|-|build back stronger")),
	/* scare quotes, nicknames and titles with no speech near */
	CASE("The so-called “peace plan” was never published.", W("mention|-|-|peace plan")),
	CASE("The “experts” were nowhere to be seen.", W("mention|-|-|experts")),
	CASE("The striker known as “Big Sam” scored twice.", W("mention|-|-|Big Sam")),
	CASE("Dwayne “The Rock” Johnson opened the new gym.", W("mention|-|-|The Rock")),
	CASE("Mirela Tornberg has read “The Old Man and the Sea” three times.",
	    W("mention|-|-|The Old Man and the Sea")),
	CASE("The \"experts\" were nowhere to be seen.", W("mention|-|-|experts")),
	CASE("The ‘experts’ were nowhere to be seen.", W("mention|-|-|experts")),
	/* a mention next to speech is still a mention, and the speech keeps its speaker */
	CASE("The “experts” were nowhere to be seen." PB
	    "“We waited all day,” Blinken said.",
	    W("mention|-|-|experts", "direct|Antony Blinken|said|We waited all day,")),
	/* a scare quote after a speaker's quotation does not end the speaker's turn */
	CASE("“We waited all day,” Blinken said. The “experts” never came." PB
	    "“Nobody told us why.”",
	    W("direct|Antony Blinken|said|We waited all day,", "mention|-|-|experts",
	    "direct|Antony Blinken|-|Nobody told us why.")),
};

/* 4. Who said it, and with which verb. */
static const struct quote_case speakers[] = {
	/* the name after the cue, or before it */
	CASE("“The door is open,” said Blinken.",
	    W("direct|Antony Blinken|said|The door is open,")),
	CASE("“The door is open,” Blinken said.",
	    W("direct|Antony Blinken|said|The door is open,")),
	CASE("Blinken told reporters: “The door is open.”",
	    W("direct|Antony Blinken|told|The door is open.")),
	CASE("Blinken said the door was “still open” to talks.",
	    W("partial|Antony Blinken|said|still open")),
	CASE("Blinken said, “The door is open.”",
	    W("direct|Antony Blinken|said|The door is open.")),
	CASE("“The door is open,” Blinken told reporters in Kyiv.",
	    W("direct|Antony Blinken|told|The door is open,")),
	CASE("Blinken has also said the plan is “a first step.”",
	    W("partial|Antony Blinken|said|a first step.")),
	CASE("“The door is open,” Blinken said, as Lavrov looked on.",
	    W("direct|Antony Blinken|said|The door is open,")),
	/* with a title or a role before the name */
	CASE("“The door is open,” said US Secretary of State Antony Blinken.",
	    W("direct|Antony Blinken|said|The door is open,")),
	CASE("White House national security adviser Jake Sullivan said the talks were "
	    "“frank and useful.”",
	    W("partial|Jake Sullivan|said|frank and useful.")),
	/* with an apposition */
	CASE("Mateo Arancibia, Chile's water minister, said the plan was “ready to go.”",
	    W("partial|Mateo Arancibia|said|ready to go.")),
	CASE("“The plan is ready,” Mateo Arancibia, Chile's water minister, said.",
	    W("direct|Mateo Arancibia|said|The plan is ready,")),
	/* a pronoun: the last person named outside quotations, over a paragraph */
	CASE("Antony Blinken landed in Kyiv. “We are here to listen,” he stressed.",
	    W("direct|Antony Blinken|stressed|We are here to listen,")),
	CASE("Antony Blinken landed in Kyiv on Monday." PB "“We are here to listen,” he said.",
	    W("direct|Antony Blinken|said|We are here to listen,")),
	CASE("Antony Blinken spoke after the meeting. “Putin knows what we want,” he said.",
	    W("direct|Antony Blinken|said|Putin knows what we want,")),
	/* ... and one whose title agrees with the pronoun */
	CASE("Ms. Mirela Tornberg met Mr. Lars Eikeland in Oslo on Monday." PB
	    "“We agreed on very little,” she added.",
	    W("direct|Mirela Tornberg|added|We agreed on very little,")),
	CASE("Mr. Lars Eikeland met Ms. Mirela Tornberg in Oslo on Monday." PB
	    "“We agreed on very little,” he added.",
	    W("direct|Lars Eikeland|added|We agreed on very little,")),
	/* a role: the person who holds it in the article */
	CASE("Secretary of State Antony Blinken met the press in Kyiv." PB
	    "“The door is open,” the secretary said.",
	    W("direct|Antony Blinken|said|The door is open,")),
	CASE("Mirela Tornberg, the governor of the central bank, spoke on Monday." PB
	    "“Rates will stay where they are,” the governor said.",
	    W("direct|Mirela Tornberg|said|Rates will stay where they are,")),
	/* "it": the last body named */
	CASE("The Kremlin issued a statement on Monday." PB "“The talks are over,” it said.",
	    W("direct|Kremlin|said|The talks are over,")),
	CASE("Mateo Arancibia, Chile's water minister, spoke on Monday." PB
	    "“The water will come,” the minister said.",
	    W("direct|Mateo Arancibia|said|The water will come,")),
	/* an organisation or a place */
	CASE("“The talks are over,” the Kremlin said.",
	    W("direct|Kremlin|said|The talks are over,")),
	CASE("“The talks are over,” Moscow said.", W("direct|Moscow|said|The talks are over,")),
	CASE("The Kyiv Post, a newspaper founded in 1995, printed the letter." PB
	    "“The port will open in May,” the newspaper wrote.",
	    W("direct|Kyiv Post|wrote|The port will open in May,")),
	/* according to, after the quotation or at the start of its sentence */
	CASE("The plan is “dead in the water,” according to Blinken.",
	    W("partial|Antony Blinken|according to|dead in the water,")),
	CASE("According to Blinken, the plan is “dead in the water.”",
	    W("partial|Antony Blinken|According to|dead in the water.")),
	/* ... with the comma outside the marks (once read as "…, adding", whose rule
	 * looked at the output of quotations not yet made, and crashed) */
	CASE("“The plan is dead”, according to Blinken.",
	    W("direct|Antony Blinken|according to|The plan is dead")),
	CASE("The plan is “dead in the water”, according to Blinken.",
	    W("partial|Antony Blinken|according to|dead in the water")),
	CASE("“We are ready,” Blinken said." PB "“The plan is dead”, according to Lavrov.",
	    W("direct|Antony Blinken|said|We are ready,",
	    "direct|Sergei Lavrov|according to|The plan is dead")),
	/* a colon introduction */
	CASE("Blinken said: “We will not back down.”",
	    W("direct|Antony Blinken|said|We will not back down.")),
	CASE("Antony Blinken posted a message on Monday night, writing: "
	    "“We will not back down.”",
	    W("direct|Antony Blinken|writing|We will not back down.")),
	/* a dash attribution */
	CASE("“We will not back down.” — Antony Blinken",
	    W("direct|Antony Blinken|-|We will not back down.")),
	CASE("\"We will not back down.\" -- Antony Blinken",
	    W("direct|Antony Blinken|-|We will not back down.")),
	/* a quotation with no cue, in the paragraph after its speaker's last one */
	CASE("“We are ready,” Blinken said." PB "“We have been ready for weeks.”",
	    W("direct|Antony Blinken|said|We are ready,",
	    "direct|Antony Blinken|-|We have been ready for weeks.")),
	CASE("“We are ready,” Blinken said." PB
	    "The talks began an hour later in the old hall." PB
	    "Officials left early, and the hall was closed." PB
	    "“Nobody wanted to stay.”",
	    W("direct|Antony Blinken|said|We are ready,", "direct|-|-|Nobody wanted to stay.")),
	/* a quotation split by its attribution */
	CASE("Mirela Tornberg spoke after the vote." PB
	    "“We did not get everything,” she said. “But we got a text.”",
	    W("direct|Mirela Tornberg|said|We did not get everything,",
	    "direct|Mirela Tornberg|-|But we got a text.")),
	CASE("Mirela Tornberg spoke after the vote." PB
	    "“We did not get everything,” Tornberg said, “but we got a text.”",
	    W("direct|Mirela Tornberg|said|We did not get everything,",
	    "direct|Mirela Tornberg|said|but we got a text.")),
	/* "according to him" */
	CASE("Mateo Arancibia spoke on Monday. According to him, the plan is "
	    "“the best we have had.”",
	    W("partial|Mateo Arancibia|According to|the best we have had.")),
	/* cues of several words */
	CASE("“The border is open,” Blinken pointed out.",
	    W("direct|Antony Blinken|pointed out|The border is open,")),
	CASE("Antony Blinken spoke in Kyiv. “And we will stay,” he went on.",
	    W("direct|Antony Blinken|went on|And we will stay,")),
	CASE("Blinken was quoted as saying that the deal was “a good start.”",
	    W("partial|Antony Blinken|quoted as saying|a good start.")),
	CASE("Blinken hit back: “That is simply not true.”",
	    W("direct|Antony Blinken|hit back|That is simply not true.")),
	/* an attribution that ends the writer's sentence attributes all of it */
	CASE("The deal was “a first step” and no more, Blinken said.",
	    W("partial|Antony Blinken|said|a first step")),
	CASE("“Massive consequences” await Russia, Blinken warned.",
	    W("partial|Antony Blinken|warned|Massive consequences")),
	/* a question, with its cue after it */
	CASE("“Why would we leave?” Blinken asked.",
	    W("direct|Antony Blinken|asked|Why would we leave?")),
	/* two speakers, one after the other */
	CASE("“We are close,” Blinken said." PB "“We are not close at all,” Lavrov replied.",
	    W("direct|Antony Blinken|said|We are close,",
	    "direct|Sergei Lavrov|replied|We are not close at all,")),
};

/* 5. AP style: a quotation over paragraphs, each opening a mark, the last closing it. */
static const struct quote_case ap_style[] = {
	CASE("Blinken said: “We came here to talk about peace." PB
	    "“We did not come to fight, and we will not fight." PB
	    "“We will leave tomorrow.”",
	    W("direct|Antony Blinken|said|We came here to talk about peace.\n"
	    "We did not come to fight, and we will not fight.\nWe will leave tomorrow.")),
	CASE("Blinken said: \"We came here to talk about peace." PB
	    "\"We did not come to fight, and we will not fight." PB
	    "\"We will leave tomorrow.\"",
	    W("direct|Antony Blinken|said|We came here to talk about peace.\n"
	    "We did not come to fight, and we will not fight.\nWe will leave tomorrow.")),
	/* the attribution in the first paragraph, a split quote going on as AP */
	CASE("“We came here to talk,” Blinken said. “Nothing else." PB
	    "“We did not come to fight." PB
	    "“We will leave tomorrow.”",
	    W("direct|Antony Blinken|said|We came here to talk,",
	    "direct|Antony Blinken|-|Nothing else.\nWe did not come to fight.\n"
	    "We will leave tomorrow.")),
	/* and the article goes on as before after it */
	CASE("Blinken said: “We came here to talk about peace." PB
	    "“We did not come to fight." PB
	    "“We will leave tomorrow.”" PB
	    "The Kremlin called the visit “a show.”" PB
	    "“We are not impressed,” Lavrov said.",
	    W("direct|Antony Blinken|said|We came here to talk about peace.\n"
	    "We did not come to fight.\nWe will leave tomorrow.",
	    "partial|Kremlin|called|a show.",
	    "direct|Sergei Lavrov|said|We are not impressed,")),
};

/* ... and with a paragraph that holds a mark and nothing else */
static const struct quote_case ap_empty[] = {
	CASE("Blinken said: “We came." PB "“" PB "“We left.”",
	    W("direct|Antony Blinken|said|We came.\nWe left.")),
	CASE("Blinken said: “We came." PB "“”",
	    W("direct|Antony Blinken|said|We came.")),
	CASE("\"" PB "“We will try again,” Blinken said.",
	    W("direct|Antony Blinken|said|We will try again,")),
};

/* 6. Marks that pair with nothing cost their paragraph at most. */
static const struct quote_case unbalanced[] = {
	CASE("The plan was a failure” by all accounts." PB
	    "Blinken said the plan was “a good start” for both sides.",
	    W("partial|Antony Blinken|said|a good start")),
	CASE("The plan ‘was late." PB
	    "Blinken said the plan was ‘a good start’ for both sides.",
	    W("partial|Antony Blinken|said|a good start")),
	CASE("“We are ready,” Blinken said." PB "The plan was a failure” by all accounts." PB
	    "“We are not,” Lavrov said.",
	    W("direct|Antony Blinken|said|We are ready,",
	    "direct|Sergei Lavrov|said|We are not,")),
	CASE("It was a 12\" record on a 6' shelf." PB
	    "“We are ready,” Blinken said.",
	    W("direct|Antony Blinken|said|We are ready,")),
};

/* 7. Line breaks and white space: a soft line break is a space, and an indented
 * paragraph is a paragraph. */
static const struct quote_case layout[] = {
	CASE("“We are ready,”\nBlinken said.", W("direct|Antony Blinken|said|We are ready,")),
	CASE("“Why would we leave?”\nBlinken asked.",
	    W("direct|Antony Blinken|asked|Why would we leave?")),
	CASE("Blinken said\nthe plan was “a good start”\nfor both sides.",
	    W("partial|Antony Blinken|said|a good start")),
	CASE("“We are not leaving.”\n\n  Lavrov said the talks were over.",
	    W("direct|-|-|We are not leaving.")),
	CASE("“We are not leaving,”\n\n  Lavrov said the talks were over.",
	    W("direct|-|-|We are not leaving,")),
	CASE("  “We are ready,” Blinken said.\n\n  “We have been ready for weeks.”",
	    W("direct|Antony Blinken|said|We are ready,",
	    "direct|Antony Blinken|-|We have been ready for weeks.")),
	/* two spaces between sentences, and none inside a quotation */
	CASE("The talks ended.  “We are leaving,” Blinken said.",
	    W("direct|Antony Blinken|said|We are leaving,")),
	/* a dash attribution on a line of its own */
	CASE("“We will not back down.”" PB "— Volodymyr Zelensky",
	    W("direct|Volodymyr Zelensky|-|We will not back down.")),
};

static const struct {
	const char		*name;
	const struct quote_case	*cases;
	size_t			 n;
} tables[] = {
	{ "marks", marks, TH_NELEM(marks) },
	{ "apostrophes", apostrophes, TH_NELEM(apostrophes) },
	{ "kinds", kinds, TH_NELEM(kinds) },
	{ "speakers", speakers, TH_NELEM(speakers) },
	{ "ap_style", ap_style, TH_NELEM(ap_style) },
	{ "ap_empty", ap_empty, TH_NELEM(ap_empty) },
	{ "unbalanced", unbalanced, TH_NELEM(unbalanced) },
	{ "layout", layout, TH_NELEM(layout) },
};

/* ------------------------------------------------------------------------------ */
/* Articles built from text, and what the quoter says of them */

/* How an article's text is handed to the quoter: a record per paragraph, a piece per
 * sentence (as raw input is), or the whole article as one record. */
enum level { LV_PARA, LV_SENT, LV_ARTICLE };

static const char *const level_names[] = { "paragraphs", "sentences", "one record" };

#define MAX_PIECES	512

/* An article and the memory it owns: the text is allocated to its exact size, so that
 * the address sanitizer sees a read past the last piece's NUL. */
struct built {
	struct hs_article	 a;
	struct hs_piece		*pieces;
	char			*text;
	const char		*src;		/* the text it was built from */
	enum level		 lv;
};

static struct hs_lexicon	*lex;
static struct hs_quoter		*qr;
static struct hs_segmenter	*seg;

static void
setup(void)
{
	lex = hs_lexicon_new();
	ck_assert_ptr_nonnull(qr = hs_quoter_new(lex));
	ck_assert_ptr_nonnull(seg = hs_segmenter_new(lex));
}

static void
teardown(void)
{
	hs_segmenter_free(seg);
	hs_quoter_free(qr);
	hs_lexicon_free(lex);
}

static bool
blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The pieces of an article, before they are copied: src[off .. off + len). */
struct plan {
	size_t		 off[MAX_PIECES], len[MAX_PIECES];
	unsigned long	 par[MAX_PIECES], sent[MAX_PIECES];
	size_t		 n;
};

static void
plan_piece(struct plan *p, size_t off, size_t len, unsigned long par, unsigned long sent)
{
	ck_assert_uint_lt(p->n, MAX_PIECES);
	p->off[p->n] = off;
	p->len[p->n] = len;
	p->par[p->n] = par;
	p->sent[p->n] = sent;
	p->n++;
}

/*
 * Build an article of text (paragraphs apart by blank lines) at the given level, each
 * piece's text followed by a NUL, at input offsets that are its offsets in text. With
 * cut > 0, the piece holding byte `cut` is cut there in two contiguous pieces, as
 * hs_input cuts a record that is too long.
 */
static void
build_cut(struct built *b, const char *text, enum level lv, size_t cut)
{
	static struct hs_span	*spans;
	static size_t		 cap;
	struct plan		 plan = { .n = 0 };
	size_t			 n = strlen(text), i, ps, pe, k, ns, total = 0, off = 0;
	unsigned long		 par = 0;

	if (lv == LV_ARTICLE) {
		for (ps = 0; ps < n && blank(text[ps]); ps++)
			;
		for (pe = n; pe > ps && blank(text[pe - 1]); pe--)
			;
		if (pe > ps)
			plan_piece(&plan, ps, pe - ps, 0, 0);
	} else {
		for (i = 0; i < n;) {
			/* a paragraph runs to a line with nothing on it */
			for (ps = i; ps < n && blank(text[ps]); ps++)
				;
			for (pe = ps; pe < n; pe++) {
				if (text[pe] != '\n')
					continue;
				for (k = pe + 1; k < n && (text[k] == ' ' || text[k] == '\t'); k++)
					;
				if (k >= n || text[k] == '\n')
					break;
			}
			i = pe;
			while (pe > ps && blank(text[pe - 1]))
				pe--;
			if (pe == ps)
				continue;
			par++;
			if (lv == LV_PARA) {
				plan_piece(&plan, ps, pe - ps, par, 0);
				continue;
			}
			ns = hs_segment_sentences(seg, text + ps, pe - ps, &spans, &cap);
			for (k = 0; k < ns; k++)
				plan_piece(&plan, ps + spans[k].start,
				    spans[k].end - spans[k].start, par, k + 1);
		}
	}
	if (cut > 0)
		for (k = 0; k < plan.n; k++)
			if (plan.off[k] < cut && cut < plan.off[k] + plan.len[k]) {
				ck_assert_uint_lt(plan.n, MAX_PIECES);
				memmove(&plan.off[k + 1], &plan.off[k],
				    (plan.n - k) * sizeof(plan.off[0]));
				memmove(&plan.len[k + 1], &plan.len[k],
				    (plan.n - k) * sizeof(plan.len[0]));
				memmove(&plan.par[k + 1], &plan.par[k],
				    (plan.n - k) * sizeof(plan.par[0]));
				memmove(&plan.sent[k + 1], &plan.sent[k],
				    (plan.n - k) * sizeof(plan.sent[0]));
				plan.n++;
				plan.len[k] = cut - plan.off[k];
				plan.off[k + 1] = cut;
				plan.len[k + 1] -= plan.len[k];
				break;
			}
	for (k = 0; k < plan.n; k++)
		total += plan.len[k] + 1;
	memset(b, 0, sizeof(*b));
	b->src = text;
	b->lv = lv;
	ck_assert_ptr_nonnull(b->text = malloc(total > 0 ? total : 1));
	ck_assert_ptr_nonnull(b->pieces = calloc(plan.n > 0 ? plan.n : 1,
	    sizeof(*b->pieces)));
	for (k = 0; k < plan.n; k++) {
		memcpy(b->text + off, text + plan.off[k], plan.len[k]);
		b->text[off + plan.len[k]] = '\0';
		b->pieces[k] = (struct hs_piece){ .par = plan.par[k], .sent = plan.sent[k],
		    .start = 500 + plan.off[k], .off = off, .len = plan.len[k],
		    .clean = true };
		off += plan.len[k] + 1;
	}
	b->a.doc = "test";
	b->a.date = "2022-02-11";
	b->a.text = b->text;
	b->a.pieces = b->pieces;
	b->a.npieces = plan.n;
}

static void
build(struct built *b, const char *text, enum level lv)
{
	build_cut(b, text, lv, 0);
}

static void
unbuild(struct built *b)
{
	free(b->text);
	free(b->pieces);
}

/* The byte at offset i of piece p. */
static char
piece_byte(const struct hs_article *a, size_t p, size_t i)
{
	return a->text[a->pieces[p].off + i];
}

/*
 * Whether the quotations keep hs_quote.h's promises: each inside the article and not
 * empty, in text order and apart; a kind, and a cue with its length; text that begins
 * and ends with the bytes its span does, and is those very bytes (pieces of one
 * paragraph joined as the quoter joins them) when it holds no line break. Returns
 * NULL, or what went wrong with quotation bad_quote.
 */
static size_t	bad_quote;

static const char *
unsound(const struct hs_article *a, const struct hs_quote *q, size_t n)
{
	size_t		 i, p, lo, hi, k, m;
	const char	*t;
	bool		 plain;

	for (i = 0; i < n; i++) {
#define FAIL(msg)	return bad_quote = i, (msg)
		if (q[i].piece >= a->npieces || q[i].end_piece >= a->npieces)
			FAIL("a piece outside the article");
		if (q[i].start > a->pieces[q[i].piece].len ||
		    q[i].end > a->pieces[q[i].end_piece].len)
			FAIL("an offset outside its piece");
		if (q[i].end_piece < q[i].piece || (q[i].end_piece == q[i].piece &&
		    q[i].end <= q[i].start))
			FAIL("ends before it starts, or empty");
		if (i > 0 && (q[i].piece < q[i - 1].end_piece || (q[i].piece ==
		    q[i - 1].end_piece && q[i].start < q[i - 1].end)))
			FAIL("out of order with the one before, or overlapping it");
		if (q[i].kind != HS_QUOTE_DIRECT && q[i].kind != HS_QUOTE_PARTIAL &&
		    q[i].kind != HS_QUOTE_MENTION)
			FAIL("no kind");
		if ((q[i].cue == NULL) != (q[i].cue_len == 0))
			FAIL("a cue and its length disagree");
		if ((q[i].speaker == NULL) != (q[i].speaker_len == 0))
			FAIL("a speaker and its length disagree");
		if (q[i].text == NULL || q[i].len == 0)
			FAIL("no text");
		t = q[i].text;
		if (t[q[i].len - 1] == '\n')
			FAIL("a paragraph break at the end of the text");
		if (blank(t[0]) || blank(t[q[i].len - 1]))
			FAIL("white space at an end of the text");
		if (memchr(t, '\0', q[i].len) != NULL)
			FAIL("a NUL in the text");
		if (t[0] != piece_byte(a, q[i].piece, q[i].start) ||
		    t[q[i].len - 1] != piece_byte(a, q[i].end_piece, q[i].end - 1))
			FAIL("the text does not begin and end where its span does");
		/* the bytes of the span, when they are plain text of one paragraph */
		plain = memchr(t, '\n', q[i].len) == NULL;
		for (p = q[i].piece; plain && p < q[i].end_piece; p++)
			plain = a->pieces[p + 1].par == a->pieces[p].par;
		for (p = q[i].piece, k = 0; plain && p <= q[i].end_piece; p++) {
			lo = p == q[i].piece ? q[i].start : 0;
			hi = p == q[i].end_piece ? q[i].end : a->pieces[p].len;
			if (p > q[i].piece && a->pieces[p].start != a->pieces[p - 1].start +
			    a->pieces[p - 1].len) {
				if (k >= q[i].len || t[k++] != ' ')
					FAIL("no space where pieces join");
			}
			for (m = lo; m < hi; m++) {
				char c = piece_byte(a, p, m);

				if (c == '\n' || c == '\t' || c == '\r') {
					plain = false;
					break;
				}
				if (k >= q[i].len || t[k++] != c)
					FAIL("the text is not the bytes of its span");
			}
		}
		if (plain && k != q[i].len)
			FAIL("the text is longer than its span");
#undef FAIL
	}
	return NULL;
}

/* Append s[0..n) to fp, a line break as \n. */
static void
put_escaped(FILE *fp, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			fputs("\\n", fp);
		else
			fputc(s[i], fp);
}

/* The quotations as "kind|speaker|cue|text" lines, each after "\n    ", in a new
 * string; with `where`, each line says its span too, for a failure's message. */
static char *
describe_where(const struct hs_quote *q, size_t n, bool where)
{
	char	*out = NULL;
	size_t	 size = 0, i;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	for (i = 0; i < n; i++) {
		fprintf(fp, "\n    %s|", hs_quote_kind_name(q[i].kind));
		if (q[i].speaker != NULL)
			fwrite(q[i].speaker, 1, q[i].speaker_len, fp);
		else
			fputc('-', fp);
		fputc('|', fp);
		if (q[i].cue != NULL)
			fwrite(q[i].cue, 1, q[i].cue_len, fp);
		else
			fputc('-', fp);
		fputc('|', fp);
		put_escaped(fp, q[i].text, q[i].len);
		if (where)
			fprintf(fp, "    (piece %zu byte %zu to piece %zu byte %zu)",
			    q[i].piece, q[i].start, q[i].end_piece, q[i].end);
	}
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

static char *
describe(const struct hs_quote *q, size_t n)
{
	return describe_where(q, n, false);
}

static char *
describe_want(const char *const *want)
{
	char	*out = NULL;
	size_t	 size = 0, i;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	for (i = 0; i < MAX_WANT && want[i] != NULL; i++) {
		fputs("\n    ", fp);
		put_escaped(fp, want[i], strlen(want[i]));
	}
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

/* A new string made by printf. */
static char *
format(const char *fmt, ...)
{
	char	*out = NULL;
	size_t	 size = 0;
	va_list	 ap;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

/* The input of a failure's message: line breaks shown. */
static char *
show(const char *text)
{
	char	*out = NULL;
	size_t	 size = 0;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	put_escaped(fp, text, strlen(text));
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

/* Quote text built at level lv: checked for soundness if `strict`, described in a new
 * string. */
static char *
quote_text_as(struct hs_quoter *quoter, const char *text, enum level lv, bool where,
    bool strict)
{
	const struct hs_quote	*q;
	struct built		 b;
	const char		*why;
	char			*in, *d;
	size_t			 n;

	build(&b, text, lv);
	n = hs_quote_article(quoter, &b.a, &q);
	why = unsound(&b.a, q, n);
	if (why != NULL && strict) {
		in = show(text);
		ck_abort_msg("\"%s\" as %s: quote %zu: %s%s", in, level_names[lv],
		    bad_quote, why, describe_where(q, n, true));
	}
	d = describe_where(q, n, where);
	unbuild(&b);
	return d;
}

static char *
quote_text_at(struct hs_quoter *quoter, const char *text, enum level lv, bool where)
{
	return quote_text_as(quoter, text, lv, where, true);
}

static void
run_case(const char *table, int i, const struct quote_case *c)
{
	char		*got[LV_ARTICLE + 1], *want, *in;
	enum level	 lv;
	bool		 strict = !c->known_bug || getenv("QUOTE_KNOWN_BUGS") != NULL;
	bool		 right;

	if (c->crashes && !strict)
		return;
	/* a known bug is run, but its answer is checked only on demand */
	for (lv = LV_PARA; lv <= LV_ARTICLE; lv++)
		got[lv] = quote_text_as(qr, c->text, lv, false, strict);
	want = describe_want(c->want);
	in = show(c->text);
	right = strcmp(got[LV_PARA], want) == 0;
	ck_assert_msg(!strict || right,
	    "%s case %d%s:\n  input: %s\n   want:%s\n    got:%s", table, i,
	    c->known_bug ? " (a known bug)" : "", in, want,
	    quote_text_at(qr, c->text, LV_PARA, true));
	/* the same quotations from sentences and from one record */
	for (lv = LV_SENT; lv <= LV_ARTICLE; lv++) {
		ck_assert_msg(!strict || strcmp(got[LV_PARA], got[lv]) == 0,
		    "%s case %d%s: input: %s\n  as paragraphs:%s\n  as %s:%s", table, i,
		    c->known_bug ? " (a known bug)" : "", in, got[LV_PARA],
		    level_names[lv], got[lv]);
		right = right && strcmp(got[LV_PARA], got[lv]) == 0;
	}
	/* on demand, a known bug that is fixed says so, to be made a CASE */
	ck_assert_msg(!c->known_bug || !strict || !right,
	    "%s case %d: a known bug that is fixed: %s", table, i, in);
	for (lv = LV_PARA; lv <= LV_ARTICLE; lv++)
		free(got[lv]);
	free(in);
	free(want);
}

/* Every case, as a loop test over the tables one after the other. */
static size_t
ncases(void)
{
	size_t t, n = 0;

	for (t = 0; t < TH_NELEM(tables); t++)
		n += tables[t].n;
	return n;
}

START_TEST(test_cases)
{
	size_t t, i = (size_t)_i;

	for (t = 0; i >= tables[t].n; t++)
		i -= tables[t].n;
	run_case(tables[t].name, (int)i, &tables[t].cases[i]);
}
END_TEST

/* ------------------------------------------------------------------------------ */
/* Exact spans */

/* A quotation's span: its first and last piece and bytes, at a level. */
static const struct {
	const char	*text;
	enum level	 lv;
	size_t		 nquotes, which;
	size_t		 piece, start, end_piece, end;
} spans[] = {
	/* “ is three bytes: the words begin at byte 3 and end before the ” at 24 */
	{ "“We are ready to talk,” Blinken said.", LV_PARA, 1, 0, 0, 3, 0, 24 },
	{ "\"We are ready to talk,\" Blinken said.", LV_PARA, 1, 0, 0, 1, 0, 22 },
	{ "« We are ready to talk », Blinken said.", LV_PARA, 1, 0, 0, 3, 0, 23 },
	/* the second paragraph, and the second sentence of the first */
	{ "The talks ended." PB "Blinken warned of “massive consequences” for Russia.",
	    LV_PARA, 1, 0, 1, 21, 1, 41 },
	{ "The talks ended. Blinken warned of “massive consequences” for Russia.",
	    LV_SENT, 1, 0, 1, 21, 1, 41 },
	{ "The talks ended. Blinken warned of “massive consequences” for Russia.",
	    LV_ARTICLE, 1, 0, 0, 38, 0, 58 },
	/* AP style: from the first paragraph's words to the last one's closing mark */
	{ "Blinken said: “We came." PB "“We saw." PB "“We left.”", LV_PARA, 1, 0,
	    0, 17, 2, 11 },
	{ "Blinken said: “We came." PB "“We saw." PB "“We left.”", LV_ARTICLE, 1, 0,
	    0, 17, 0, 50 },
	/* a quotation over sentences, as sentences */
	{ "“We came to talk. We did not come to fight,” Blinken said.", LV_SENT, 1, 0,
	    0, 3, 1, 25 },
	/* a split quote: its two halves */
	{ "“We did not get everything,” Tornberg said, “but we got a text.”", LV_PARA,
	    2, 0, 0, 3, 0, 29 },
	{ "“We did not get everything,” Tornberg said, “but we got a text.”", LV_PARA,
	    2, 1, 0, 51, 0, 69 },
	/* an unclosed mark: its words to the paragraph's end */
	{ "The plan was called “a failure." PB "Nothing more was said.", LV_PARA, 1, 0,
	    0, 23, 0, 33 },
};

START_TEST(test_spans)
{
	const struct hs_quote	*q;
	struct built		 b;
	size_t			 n, w;
	char			*in;

	build(&b, spans[_i].text, spans[_i].lv);
	n = hs_quote_article(qr, &b.a, &q);
	in = show(spans[_i].text);
	ck_assert_msg(n == spans[_i].nquotes, "\"%s\" as %s: %zu quotes:%s", in,
	    level_names[spans[_i].lv], n, describe_where(q, n, true));
	w = spans[_i].which;
	ck_assert_msg(q[w].piece == spans[_i].piece && q[w].start == spans[_i].start &&
	    q[w].end_piece == spans[_i].end_piece && q[w].end == spans[_i].end,
	    "\"%s\" as %s, quote %zu: want piece %zu byte %zu to piece %zu byte %zu:%s",
	    in, level_names[spans[_i].lv], w, spans[_i].piece, spans[_i].start,
	    spans[_i].end_piece, spans[_i].end, describe_where(q, n, true));
	ck_assert_ptr_null(unsound(&b.a, q, n));
	free(in);
	unbuild(&b);
}
END_TEST

/* ------------------------------------------------------------------------------ */
/* Articles of every shape */

START_TEST(test_kind_names)
{
	ck_assert_str_eq(hs_quote_kind_name(HS_QUOTE_DIRECT), "direct");
	ck_assert_str_eq(hs_quote_kind_name(HS_QUOTE_PARTIAL), "partial");
	ck_assert_str_eq(hs_quote_kind_name(HS_QUOTE_MENTION), "mention");
}
END_TEST

/* No pieces, empty pieces, white space, and text without a mark: no quotation. */
START_TEST(test_empty)
{
	static const char *const texts[] = {
		"", "   ", "\n\n\n",
		"Blinken said the talks went well." PB "Lavrov did not agree with him.",
		"We’re sure the ’90s are back, he said.",
	};
	const struct hs_quote	*q = NULL;
	struct hs_piece		 pieces[3];
	struct hs_article	 a = { .doc = "test", .date = "-", .text = "\0 \0",
				    .pieces = pieces };
	struct built		 b;
	size_t			 t;
	enum level		 lv;

	a.npieces = 0;
	ck_assert_uint_eq(hs_quote_article(qr, &a, &q), 0);
	/* pieces with nothing in them */
	pieces[0] = (struct hs_piece){ .par = 1, .start = 0, .off = 0, .len = 0,
	    .clean = true };
	pieces[1] = (struct hs_piece){ .par = 2, .start = 2, .off = 1, .len = 1,
	    .clean = true };
	pieces[2] = (struct hs_piece){ .par = 2, .start = 3, .off = 3, .len = 0,
	    .clean = true };
	a.npieces = 3;
	ck_assert_uint_eq(hs_quote_article(qr, &a, &q), 0);
	for (t = 0; t < TH_NELEM(texts); t++)
		for (lv = LV_PARA; lv <= LV_ARTICLE; lv++) {
			build(&b, texts[t], lv);
			ck_assert_msg(hs_quote_article(qr, &b.a, &q) == 0, "\"%s\" as %s",
			    texts[t], level_names[lv]);
			unbuild(&b);
		}
}
END_TEST

/*
 * A stray mark in one paragraph changes nothing in the paragraphs after it: the
 * quotations of an article after a paragraph with one are those of the article alone.
 * A stray opening mark may be read as the start of an AP-style quotation, which the
 * next paragraph would go on if it opened with a mark: such strays are tried only
 * before articles whose first paragraph does not.
 */
static const struct {
	const char	*par;
	bool		 opens;
	bool		 known_bug;
} strays[] = {
	{ "The plan was called “a failure by the minister.", true, false },
	{ "The plan was called \"a failure by the minister.", true, false },
	{ "The plan was called ‘a failure by the minister.", true, false },
	{ "The plan was called «a failure by the minister.", true, false },
	{ "“The plan was a failure by all accounts.", true, false },
	{ "The plan was a failure” by all accounts.", false, false },
	{ "The plan was a failure\" by all accounts.", false, false },
	{ "The plan was a failure by all accounts.”", false, false },
	{ "The plan was a failure by all accounts.\"", false, false },
	{ "The plan was a failure’ by all accounts.", false, false },
	{ "The plan was a failure» by all accounts.", false, false },
	/* a mark with space either side: its way unknown, it opens a quotation that
	 * the next paragraph goes on, AP style */
	{ "The plan \" was a failure by all accounts.", false, true },
	{ "The plan ” was a failure by all accounts.", false, true },
	{ "It was a 12\" record on a 6' shelf.", false, false },
	{ "\"", false, true },
	{ "” “ ” “ \" ' ‘", false, false },
	{ "“We won,” he said, “and we", true, false },
};

static const char *const after_strays[] = {
	"Blinken said the plan was “a good start” for both sides." PB
	    "\"We are close,\" said Mirela Tornberg.",
	"Antony Blinken spoke on Monday." PB
	    "“We came to talk,” he said. “We did not come to fight.”",
	"Officials met in Oslo." PB "Blinken said: “We came here to talk about peace." PB
	    "“We did not come to fight." PB "“We will leave tomorrow.”",
	/* these open with a mark */
	"“We will try again,” Blinken said." PB "He added that the talks would go on." PB
	    "“Nobody is leaving,” Mirela Tornberg said.",
	"'We will try again,' Blinken said." PB "The “experts” said nothing.",
};

/* The quotations that begin in piece `from` or after it, described. */
static char *
describe_from(const struct hs_quote *q, size_t n, size_t from)
{
	size_t i;

	for (i = 0; i < n && q[i].piece < from; i++)
		;
	return describe(q + i, n - i);
}

START_TEST(test_stray_marks)
{
	const struct hs_quote	*q;
	struct built		 b;
	size_t			 s, t, n, skip, nfail = 0, sizemsg = 0;
	char			*alone, *after, *in, *where, *msg = NULL, text[1024];
	enum level		 lv;
	FILE			*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&msg, &sizemsg));
	for (s = 0; s < TH_NELEM(strays); s++)
		for (t = 0; t < TH_NELEM(after_strays); t++) {
			if (strays[s].opens && (after_strays[t][0] == '"' ||
			    after_strays[t][0] == '\'' || (unsigned char)after_strays[t][0] ==
			    0xE2))
				continue;
			ck_assert_int_lt(snprintf(text, sizeof(text), "%s" PB "%s",
			    strays[s].par, after_strays[t]), (int)sizeof(text));
			for (lv = LV_PARA; lv <= LV_SENT; lv++) {
				alone = quote_text_at(qr, after_strays[t], lv, false);
				build(&b, text, lv);
				n = hs_quote_article(qr, &b.a, &q);
				ck_assert_ptr_null(unsound(&b.a, q, n));
				for (skip = 0; skip < b.a.npieces && b.a.pieces[skip].par == 1;
				    skip++)
					;
				after = describe_from(q, n, skip);
				if (strcmp(alone, after) != 0 && (!strays[s].known_bug ||
				    getenv("QUOTE_KNOWN_BUGS") != NULL)) {
					in = show(text);
					where = describe_where(q, n, true);
					fprintf(fp, "\nstray %zu%s, article %zu as %s:\n"
					    "  input: %s\n  alone:%s\n  after the stray:%s\n", s,
					    strays[s].known_bug ? " (a known bug)" : "", t,
					    level_names[lv], in, alone, where);
					free(in);
					free(where);
					nfail++;
				}
				free(alone);
				free(after);
				unbuild(&b);
			}
		}
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_msg(nfail == 0, "%zu articles changed by a stray mark:%s", nfail, msg);
	free(msg);
}
END_TEST

/* A long record cut in two contiguous pieces, at any white space, as hs_input cuts one
 * past HS_INPUT_PIECE: the same quotations as the record whole. A known bug is
 * compared only with QUOTE_KNOWN_BUGS set. */
static const struct {
	const char	*text;
	size_t		 bad_cut;	/* a cut that is a known bug, or 0 */
} cut_texts[] = {
	{ "Antony Blinken spoke on Monday." PB
	    "“We did not get everything,” he said, “but we got a text, "
	    "and that is more than we had,” and he left the hall.", 0 },
	{ "Blinken said: “We came here to talk about peace." PB
	    "“We did not come to fight." PB "“We will leave tomorrow.”", 0 },
	{ "Mateo Arancibia, Chile's water minister, said the plan was “ready to go” "
	    "and ‘well funded’ after the vote. According to him, it is “the best "
	    "plan we have had in years.”", 6 },	/* Mateo | Arancibia */
};

START_TEST(test_cut_records)
{
	const struct hs_quote	*q;
	struct built		 b;
	size_t			 t, cut, n, nfail = 0, sizemsg = 0;
	char			*whole, *got, *in, *where, *msg = NULL;
	enum level		 lv;
	FILE			*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&msg, &sizemsg));
	for (t = 0; t < TH_NELEM(cut_texts); t++)
		for (lv = LV_PARA; lv <= LV_SENT; lv++) {
			whole = quote_text_at(qr, cut_texts[t].text, lv, false);
			for (cut = 1; cut_texts[t].text[cut] != '\0'; cut++) {
				if (cut_texts[t].text[cut - 1] != ' ')
					continue;
				build_cut(&b, cut_texts[t].text, lv, cut);
				n = hs_quote_article(qr, &b.a, &q);
				ck_assert_ptr_null(unsound(&b.a, q, n));
				got = describe(q, n);
				if (strcmp(whole, got) != 0 && (cut != cut_texts[t].bad_cut ||
				    getenv("QUOTE_KNOWN_BUGS") != NULL)) {
					in = show(cut_texts[t].text);
					where = describe_where(q, n, true);
					fprintf(fp, "\n\"%s\"%s as %s, cut at byte %zu:\n"
					    "  whole:%s\n    cut:%s\n", in,
					    cut == cut_texts[t].bad_cut ? " (a known bug)" : "",
					    level_names[lv], cut, whole, where);
					free(in);
					free(where);
					nfail++;
				}
				free(got);
				unbuild(&b);
			}
			free(whole);
		}
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_msg(nfail == 0, "%zu cuts changed the quotations:%s", nfail, msg);
	free(msg);
}
END_TEST

/* Quoting a, then b, then a again gives a's quotations both times, and a new quoter
 * gives them too: no speaker, open mark or cue of one article stays for the next. */
START_TEST(test_no_leaks_between_articles)
{
	static const char *const a =
	    "Antony Blinken landed in Kyiv." PB "“We are ready,” he said." PB
	    "“We have been ready for weeks.”";
	static const char *const b =
	    "“We came to talk." PB "“And we talked,” Lavrov said.";
	static const char *const c = "“Nobody is leaving.”" PB "He said “nothing” more.";
	struct hs_quoter	*fresh;
	char			*first, *got, *alone;
	enum level		 lv;

	for (lv = LV_PARA; lv <= LV_ARTICLE; lv++) {
		first = quote_text_at(qr, a, lv, true);
		free(quote_text_at(qr, b, lv, true));
		got = quote_text_at(qr, a, lv, true);
		ck_assert_str_eq(first, got);
		free(got);
		/* c opens with a cue-less quotation: no speaker of a or b goes on */
		got = quote_text_at(qr, c, lv, false);
		ck_assert_str_eq(got, "\n    direct|-|-|Nobody is leaving.\n    "
		    "partial|-|said|nothing");
		free(got);
		ck_assert_ptr_nonnull(fresh = hs_quoter_new(lex));
		alone = quote_text_at(fresh, c, lv, false);
		ck_assert_str_eq(alone, "\n    direct|-|-|Nobody is leaving.\n    "
		    "partial|-|said|nothing");
		free(alone);
		alone = quote_text_at(fresh, a, lv, true);
		ck_assert_str_eq(first, alone);
		free(alone);
		hs_quoter_free(fresh);
		free(first);
	}
}
END_TEST

/* ------------------------------------------------------------------------------ */
/* Random articles */

/*
 * What went wrong with random articles, each kind of fault counted with its first
 * example. A fault on the known list is a known bug: it is shown, but fails the test
 * only when QUOTE_KNOWN_BUGS is set.
 */
static const char *const known_faults[] = {
	"a paragraph break at the end of the text",
	NULL,
};

struct fault {
	const char	*why;
	size_t		 count;
	char		*example;
};

struct faults {
	struct fault	 f[16];
	size_t		 n;
};

static void
note_fault(struct faults *fs, const char *why, int round, const struct built *b,
    const char *detail)
{
	struct fault	*f;
	char		*in;
	size_t		 i;

	for (i = 0; i < fs->n && strcmp(fs->f[i].why, why) != 0; i++)
		;
	if (i == fs->n) {
		ck_assert_uint_lt(fs->n, TH_NELEM(fs->f));
		f = &fs->f[fs->n++];
		f->why = why;
		f->count = 0;
		in = show(b->src);
		f->example = format("round %d (%s): %s%s", round, level_names[b->lv], in,
		    detail);
		free(in);
	}
	fs->f[i].count++;
}

static bool
known_fault(const char *why)
{
	size_t i;

	if (getenv("QUOTE_KNOWN_BUGS") != NULL)
		return false;
	for (i = 0; known_faults[i] != NULL; i++)
		if (strcmp(known_faults[i], why) == 0)
			return true;
	return false;
}

/* One article's quotations, checked and copied out of the quoter, which reuses its
 * memory; NULL if they are not sound. */
static char *
copy_out(struct faults *fs, const struct built *b, const struct hs_quote *q, size_t n,
    int round)
{
	const char	*why = unsound(&b->a, q, n);
	char		*d = describe_where(q, n, true), *detail;

	if (why == NULL)
		return d;
	detail = format("\n  quote %zu: %s", bad_quote, d);
	note_fault(fs, why, round, b, detail);
	free(detail);
	free(d);
	return NULL;
}

/* The kind, cue and words of each quotation, each run of spaces one space: what
 * should not change with the level an article is given at (a speaker may, when the
 * tagger reads names out of random text differently by piece). */
static char *
describe_words(const struct hs_quote *q, size_t n)
{
	char	*out = NULL;
	size_t	 size = 0, i, k;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	for (i = 0; i < n; i++) {
		fprintf(fp, "\n    %s|%.*s|", hs_quote_kind_name(q[i].kind),
		    q[i].cue != NULL ? (int)q[i].cue_len : 1, q[i].cue != NULL ? q[i].cue :
		    "-");
		for (k = 0; k < q[i].len; k++)
			if (q[i].text[k] != ' ' || k == 0 || q[i].text[k - 1] != ' ')
				put_escaped(fp, q[i].text + k, 1);
	}
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

/* dst: src with each run of white space that holds a blank line made "\n\n", and
 * each that holds a line break made a space. */
static void
plain_breaks(char *dst, const char *src)
{
	size_t	 k, nl;

	while (*src != '\0') {
		if (!blank(*src)) {
			*dst++ = *src++;
			continue;
		}
		for (k = 0, nl = 0; blank(src[k]); k++)
			nl += src[k] == '\n';
		if (nl >= 2)
			*dst++ = '\n', *dst++ = '\n';
		else if (nl == 1)
			*dst++ = ' ';
		else
			memcpy(dst, src, k), dst += k;
		src += k;
	}
	*dst = '\0';
}

/* Whether two outputs of one article are the same; a fault noted if not. */
static void
same(struct faults *fs, const char *why, const char *a, const char *b, int round,
    const struct built *art)
{
	char *detail;

	if (a == NULL || b == NULL || strcmp(a, b) == 0)
		return;
	detail = format("\n  first:%s\n  then:%s", a, b);
	note_fault(fs, why, round, art, detail);
	free(detail);
}

/*
 * Random articles of quote marks, apostrophes, words (some of them names and cues),
 * punctuation, spaces and line and paragraph breaks, at every level: the quotations are
 * sound, and an article gives the same quotations quoted twice, after another article
 * and by a new quoter.
 */
START_TEST(test_random_articles)
{
	static const char *const units[] = {
		"“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›", "‟",
		"“", "”", "\"", "’",
		"We", "we", "are", "a", "ready", "Blinken", "said", "he", "she", "the",
		"according to", "pointed out", "Kremlin", "Mirela Tornberg", "90s", "n",
		"secretary", "Jones", "I",
		" ", " ", " ", " ", " ", " ", ",", ".", ":", "?", "—", "-", "(", ")",
		"\n", "\n\n", "\n\n", " \n \n ",
	};
	enum { ROUNDS = 3000, MAX_UNITS = 80, BUF = MAX_UNITS * 16 };
	static char		 text[BUF];
	struct faults		 fs = { .n = 0 };
	const struct hs_quote	*q;
	struct hs_quoter	*fresh = NULL;
	struct built		 cur, prev, other;
	static char		 plain[BUF];
	char			*levels[LV_ARTICLE + 1];
	uint64_t		 seed = 0x5EED0F1A7E57ULL, r;
	enum level		 lv;
	size_t			 nu, u, len, n, i, nbad = 0, sizemsg = 0;
	char			*first, *again, *between, *alone, *msg = NULL;
	const char		*unit;
	int			 round;
	FILE			*fp;

	ck_assert_ptr_nonnull(fresh = hs_quoter_new(lex));
	build(&prev, "", LV_PARA);
	for (round = 0; round < ROUNDS; round++) {
		nu = th_next_random(&seed) % MAX_UNITS;
		len = 0;
		for (u = 0; u < nu; u++) {
			r = th_next_random(&seed);
			unit = units[r % TH_NELEM(units)];
			memcpy(text + len, unit, strlen(unit));
			len += strlen(unit);
		}
		text[len] = '\0';
		build(&cur, text, (enum level)(round % 3));
		n = hs_quote_article(qr, &cur.a, &q);
		first = copy_out(&fs, &cur, q, n, round);
		n = hs_quote_article(qr, &cur.a, &q);
		again = copy_out(&fs, &cur, q, n, round);
		same(&fs, "quoted twice, not the same", first, again, round, &cur);
		/* the last article in between */
		hs_quote_article(qr, &prev.a, &q);
		n = hs_quote_article(qr, &cur.a, &q);
		between = copy_out(&fs, &cur, q, n, round);
		same(&fs, "not the same after another article", first, between, round, &cur);
		/* a quoter that has seen only every tenth article */
		if (round % 10 == 0) {
			n = hs_quote_article(fresh, &cur.a, &q);
			alone = copy_out(&fs, &cur, q, n, round);
			same(&fs, "not the same by a new quoter", alone, first, round, &cur);
			free(alone);
		}
		/* the same quotations at every level, from the text with its paragraph
		 * breaks made plain and no soft line breaks (an indented paragraph and a
		 * line break after a quotation are known bugs, in the tables) */
		plain_breaks(plain, text);
		for (lv = LV_PARA; lv <= LV_ARTICLE; lv++) {
			build(&other, plain, lv);
			n = hs_quote_article(qr, &other.a, &q);
			alone = copy_out(&fs, &other, q, n, round);
			levels[lv] = alone != NULL ? describe_words(q, n) : NULL;
			if (lv > LV_PARA)
				same(&fs, "not the same at another level", levels[LV_PARA],
				    levels[lv], round, &other);
			free(alone);
			unbuild(&other);
		}
		for (lv = LV_PARA; lv <= LV_ARTICLE; lv++)
			free(levels[lv]);
		free(first);
		free(again);
		free(between);
		unbuild(&prev);
		prev = cur;
	}
	unbuild(&prev);
	hs_quoter_free(fresh);
	ck_assert_ptr_nonnull(fp = open_memstream(&msg, &sizemsg));
	for (i = 0; i < fs.n; i++) {
		fprintf(fp, "\n%s%s: %zu times, first in %s\n", fs.f[i].why,
		    known_fault(fs.f[i].why) ? " (a known bug)" : "", fs.f[i].count,
		    fs.f[i].example);
		if (!known_fault(fs.f[i].why))
			nbad++;
		free(fs.f[i].example);
	}
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_msg(nbad == 0, "%d random articles:%s", ROUNDS, msg);
	free(msg);
}
END_TEST

/* Long articles: a paragraph of nothing but marks, thousands of AP paragraphs, and a
 * record of many quotations, all sound and in time. */
START_TEST(test_long_articles)
{
	static const char *const units[] = {
		"“", "\"", "' ", "“a” ", "\" ", "“We are ready,” Blinken said. ",
		"\"a ", "‘", "« ",
	};
	const size_t		 size = 60 << 10;
	const struct hs_quote	*q;
	struct built		 b;
	char			*text;
	size_t			 u, i, l, n;
	const char		*why;

	ck_assert_ptr_nonnull(text = malloc(size + 1));
	for (u = 0; u < TH_NELEM(units); u++) {
		l = strlen(units[u]);
		for (i = 0; i + l <= size; i += l)
			memcpy(text + i, units[u], l);
		text[i] = '\0';
		build(&b, text, LV_PARA);
		n = hs_quote_article(qr, &b.a, &q);
		why = unsound(&b.a, q, n);
		ck_assert_msg(why == NULL, "a paragraph of \"%s\": %s", units[u], why);
		unbuild(&b);
	}
	/* 400 paragraphs of one AP-style quotation */
	l = 0;
	l += (size_t)snprintf(text, size, "Blinken said:");
	for (i = 0; i < 400; i++)
		l += (size_t)snprintf(text + l, size - l, " “Paragraph %zu goes on.\n\n", i);
	snprintf(text + l, size - l, "“And ends.”");
	build(&b, text, LV_PARA);
	n = hs_quote_article(qr, &b.a, &q);
	ck_assert_ptr_null(unsound(&b.a, q, n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(q[0].end_piece, 400);
	unbuild(&b);
	free(text);
}
END_TEST

Suite *
hs_quote_suite(void)
{
	Suite	*s = suite_create("quote");
	TCase	*tc;

	tc = tcase_create("cases");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_cases, 0, (int)ncases());
	tcase_add_loop_test(tc, test_spans, 0, (int)TH_NELEM(spans));
	tcase_add_test(tc, test_kind_names);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_no_leaks_between_articles);
	suite_add_tcase(s, tc);

	tc = tcase_create("robust");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_stray_marks);
	tcase_add_test(tc, test_cut_records);
	tcase_add_test(tc, test_random_articles);
	tcase_add_test(tc, test_long_articles);
	suite_add_tcase(s, tc);
	return s;
}
