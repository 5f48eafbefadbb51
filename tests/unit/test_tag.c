/* test_tag.c: unit tests of lib/hs_tag.c: the names, places, bodies, dates and amounts
 * that short invented articles mention, with the canonical names hearsay-tag(1) promises,
 * the user's -e rules, the type mask, and random articles that must not break it. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "helpers.h"
#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_tag.h"
#include "suites.h"

/* The article dates of the cases: a Wednesday late in December (as in the manual), and
 * none at all. */
#define DEC22	"2021-12-22"
#define NODATE	"-"

#define MAX_PIECES	6
#define MAX_WANT	14

/*
 * An invented article, one sentence a piece (a headline is a piece in title case), and
 * its mentions in text order as "TYPE|name|mention". types is the `want` mask (0: every
 * type). A case whose right answer, by the manual, is not what the tagger gives is kept
 * with known_bug set: only its soundness is checked, unless TAG_KNOWN_BUGS is set in
 * the environment (CK_RUN_SUITE=tag TAG_KNOWN_BUGS=1 shows what the tagger says).
 */
struct tag_case {
	const char		*date;
	const char		*pieces[MAX_PIECES + 1];
	const char		*want[MAX_WANT + 1];
	unsigned long long	 types;
	bool			 known_bug;
};

/* The tables' shorthand: the pieces, the mentions wanted (NONE: not one), a case
 * with a type mask, and a case that the tagger gets wrong. */
#define P(...)			{ __VA_ARGS__ }
#define W(...)			{ __VA_ARGS__ }
#define NONE			{ NULL }
#define CASE(date, p, w)	{ date, p, w, 0, false }
#define MASK(date, p, w, types)	{ date, p, w, types, false }
#define BUG(date, p, w)		{ date, p, w, 0, true }
#define T(t)			(1ULL << (t))

/* Set while a rule of a built-in type is in force: its matches may overlap the
 * tool's own mentions of that type, so the overlap check is off. */
static bool	rule_overlaps;

/* 1. People: canonical names across an article. */
static const struct tag_case people[] = {
	/* full name, then the surname alone */
	CASE(DEC22, P("Mirela Tornberg, the governor of the central bank, spoke on Monday.",
	    "Tornberg said that rates would stay where they are for now."),
	    W("PERSON|Mirela Tornberg|Mirela Tornberg", "DATE|2021-12-20|Monday",
	    "PERSON|Mirela Tornberg|Tornberg")),
	CASE(DEC22, P("Antony Blinken arrived in the region for a short visit.",
	    "On the second day, Blinken said that the talks had gone well."),
	    W("PERSON|Antony Blinken|Antony Blinken", "PERSON|Antony Blinken|Blinken")),
	/* the surname in a title-case headline, the full name only in the body */
	CASE(DEC22, P("Tornberg Warns Of Slower Growth",
	    "The governor of the central bank, Mirela Tornberg, said on Monday that growth "
	    "would slow."),
	    W("PERSON|Mirela Tornberg|Tornberg", "PERSON|Mirela Tornberg|Mirela Tornberg",
	    "DATE|2021-12-20|Monday")),
	CASE(DEC22, P("Eikeland Boats Face New Rules",
	    "The boats of Lars Eikeland must now carry a second radio."),
	    W("PERSON|Lars Eikeland|Eikeland", "PERSON|Lars Eikeland|Lars Eikeland")),
	/* the surname first in the body too */
	CASE(DEC22, P("Tornberg said the bank would hold its rates for now.",
	    "The governor, Mirela Tornberg, spoke to reporters in the morning."),
	    W("PERSON|Mirela Tornberg|Tornberg", "PERSON|Mirela Tornberg|Mirela Tornberg")),
	/* a possessive surname, with a straight and a curly apostrophe */
	CASE(DEC22, P("Tornberg's plan was approved, and Tornberg\xE2\x80\x99s aides were "
	    "pleased.",
	    "The plan was drafted by Mirela Tornberg over the summer."),
	    W("PERSON|Mirela Tornberg|Tornberg", "PERSON|Mirela Tornberg|Tornberg",
	    "PERSON|Mirela Tornberg|Mirela Tornberg")),
	CASE(DEC22, P("Greta Lindqvist's boat sank, and Lindqvist's crew was rescued."),
	    W("PERSON|Greta Lindqvist|Greta Lindqvist", "PERSON|Greta Lindqvist|Lindqvist")),
	/* a hyphenated surname */
	CASE(DEC22, P("Mirela Vasquez-Tornberg spoke to the committee on Monday.",
	    "Vasquez-Tornberg said the plan would pass."),
	    W("PERSON|Mirela Vasquez-Tornberg|Mirela Vasquez-Tornberg",
	    "DATE|2021-12-20|Monday", "PERSON|Mirela Vasquez-Tornberg|Vasquez-Tornberg")),
	/* the given name alone, when one person of the article has it */
	CASE(DEC22, P("Hillary Clinton arrived in Ohio on a campaign swing.",
	    "Later that day, supporters cheered as Hillary waved from the stage."),
	    W("PERSON|Hillary Clinton|Hillary Clinton", "GPE|Ohio|Ohio",
	    "PERSON|Hillary Clinton|Hillary")),
	CASE(DEC22, P("Zdenka Velkova runs the harbour with her brother.",
	    "Everyone in town knows that Zdenka works long hours."),
	    W("PERSON|Zdenka Velkova|Zdenka Velkova", "PERSON|Zdenka Velkova|Zdenka")),
	/* ... and not when two have it: it stays as it is */
	CASE(DEC22, P("Zdenka Velkova and Zdenka Horakova run the harbour together.",
	    "Everyone in town knows that Zdenka works long hours."),
	    W("PERSON|Zdenka Velkova|Zdenka Velkova", "PERSON|Zdenka Horakova|Zdenka Horakova",
	    "PERSON|Zdenka|Zdenka")),
	/* two people of one surname: the one written in full last before it */
	CASE(DEC22, P("Greta Lindqvist met with Oskar Lindqvist in the old harbour.",
	    "Lindqvist said the meeting was useful."),
	    W("PERSON|Greta Lindqvist|Greta Lindqvist", "PERSON|Oskar Lindqvist|Oskar Lindqvist",
	    "PERSON|Oskar Lindqvist|Lindqvist")),
	CASE(DEC22, P("Oskar Lindqvist spoke first at the meeting.",
	    "Greta Lindqvist spoke next, after the break.",
	    "Lindqvist said the meeting was useful."),
	    W("PERSON|Oskar Lindqvist|Oskar Lindqvist", "PERSON|Greta Lindqvist|Greta Lindqvist",
	    "PERSON|Greta Lindqvist|Lindqvist")),
	CASE(DEC22, P("The plan was backed by Greta Lindqvist in the morning.",
	    "Oskar Lindqvist opposed it in the afternoon.",
	    "Greta Lindqvist spoke again, and then Lindqvist left the hall."),
	    W("PERSON|Greta Lindqvist|Greta Lindqvist", "PERSON|Oskar Lindqvist|Oskar Lindqvist",
	    "PERSON|Greta Lindqvist|Greta Lindqvist", "PERSON|Greta Lindqvist|Lindqvist")),
	/* titles and roles are no part of the name */
	CASE(DEC22, P("Sen. Dolores Pemberton voted against the measure.",
	    "Mrs. Pemberton said she had doubts about it."),
	    W("PERSON|Dolores Pemberton|Dolores Pemberton",
	    "PERSON|Dolores Pemberton|Pemberton")),
	CASE(DEC22, P("The speech was given by former President Harold Quistgaard in the "
	    "evening."),
	    W("PERSON|Harold Quistgaard|Harold Quistgaard")),
	CASE(DEC22, P("Former Sen. Dolores Pemberton, a Democrat, said she would run again."),
	    W("PERSON|Dolores Pemberton|Dolores Pemberton", "NORP|Democrat|Democrat")),
	CASE(DEC22, P("The talks were led by Secretary of State Maren Ostrova on the second day."),
	    W("PERSON|Maren Ostrova|Maren Ostrova")),
	CASE(DEC22, P("US Secretary of State Antony Blinken flew to the region on Tuesday."),
	    W("GPE|United States|US", "PERSON|Antony Blinken|Antony Blinken",
	    "DATE|2021-12-21|Tuesday")),
	/* a surname the article never writes in full stays as it is */
	CASE(DEC22, P("Mrs. Pemberton said she had doubts about it."),
	    W("PERSON|Pemberton|Pemberton")),
	/* initials, particles and suffixes */
	CASE(DEC22, P("George W. Bush spoke at the ranch in the morning.",
	    "Bush said the visit was private."),
	    W("PERSON|George W. Bush|George W. Bush", "PERSON|George W. Bush|Bush")),
	CASE(DEC22, P("The company was founded by Cassius T. Wrenfield Jr. in the old mill.",
	    "Wrenfield said the mill was cheap."),
	    W("PERSON|Cassius T. Wrenfield Jr.|Cassius T. Wrenfield Jr.",
	    "PERSON|Cassius T. Wrenfield Jr.|Wrenfield")),
	CASE(DEC22, P("A statue of Martin Luther King Jr. was unveiled in the square."),
	    W("PERSON|Martin Luther King Jr.|Martin Luther King Jr.")),
	CASE(DEC22, P("A statue of Martin Luther King Jr. was unveiled in the square.",
	    "Crowds said that King had spoken there in the summer."),
	    W("PERSON|Martin Luther King Jr.|Martin Luther King Jr.",
	    "PERSON|Martin Luther King Jr.|King")),
	CASE(DEC22, P("The general, Charles de Gaulle, admired the Bank of England for its "
	    "calm."),
	    W("PERSON|Charles de Gaulle|Charles de Gaulle",
	    "ORG|Bank of England|Bank of England")),
	/* a line break inside a name is one space in the name */
	CASE(DEC22, P("The ship was owned by Ingrid\nSolberg-Haug and her brother."),
	    W("PERSON|Ingrid Solberg-Haug|Ingrid\nSolberg-Haug")),
	/* the full name written most often, the first on a tie */
	CASE(DEC22, P("The report was written by Harold T. Quistgaard in the spring.",
	    "Later on, the author Harold Quistgaard said it was done.",
	    "Then Quistgaard added that Harold T. Quistgaard was his pen name."),
	    W("PERSON|Harold T. Quistgaard|Harold T. Quistgaard",
	    "PERSON|Harold T. Quistgaard|Harold Quistgaard",
	    "PERSON|Harold T. Quistgaard|Quistgaard",
	    "PERSON|Harold T. Quistgaard|Harold T. Quistgaard")),
	CASE(DEC22, P("The report was written by Harold Quistgaard in the spring.",
	    "Later on, the author Harold T. Quistgaard said it was done."),
	    W("PERSON|Harold Quistgaard|Harold Quistgaard",
	    "PERSON|Harold Quistgaard|Harold T. Quistgaard")),
	CASE(DEC22, P("The report was written by Harold T. Quistgaard in the spring.",
	    "Later on, the author Harold Quistgaard said it was done."),
	    W("PERSON|Harold T. Quistgaard|Harold T. Quistgaard",
	    "PERSON|Harold T. Quistgaard|Harold Quistgaard")),
	/* a person of the lexicon, and the article's own full name over it */
	CASE(DEC22, P("Obama said the economy had grown faster than expected."),
	    W("PERSON|Barack Obama|Obama")),
	CASE(DEC22, P("Michelle Obama visited a school in the morning.",
	    "Obama said that children need more books."),
	    W("PERSON|Michelle Obama|Michelle Obama", "PERSON|Michelle Obama|Obama")),
	CASE(DEC22, P("Michelle Obama and Barack Obama visited a school in the morning.",
	    "Obama said that children need more books."),
	    W("PERSON|Michelle Obama|Michelle Obama", "PERSON|Barack Obama|Barack Obama",
	    "PERSON|Barack Obama|Obama")),
	/* a place or a given name inside a person's name is the name's */
	CASE(DEC22, P("Jesse Jackson spoke in the church on Sunday.",
	    "Jackson said the march would go on."),
	    W("PERSON|Jesse Jackson|Jesse Jackson", "DATE|2021-12-19|Sunday",
	    "PERSON|Jesse Jackson|Jackson")),
	CASE(DEC22, P("Jordan Peterson gave a lecture in the hall."),
	    W("PERSON|Jordan Peterson|Jordan Peterson")),
	CASE(DEC22, P("Joost van der Wiel said the dike would hold."),
	    W("PERSON|Joost van der Wiel|Joost van der Wiel")),
	/* a dash inside a name is a hyphen in the name */
	BUG(DEC22, P("The ship was owned by Ingrid Solberg\xE2\x80\x93Haug and her brother."),
	    W("PERSON|Ingrid Solberg-Haug|Ingrid Solberg\xE2\x80\x93Haug")),
};

/* 2. Organisations and places. */
static const struct tag_case places[] = {
	/* the aliases of one country; a leading "the" is not in the mention */
	CASE(DEC22, P("Trade between the US and its allies grew, and U.S. officials were glad.",
	    "America and the United States are one, and so is the USA."),
	    W("GPE|United States|US", "GPE|United States|U.S.", "GPE|United States|America",
	    "GPE|United States|United States", "GPE|United States|USA")),
	CASE(DEC22, P("He praised the United States of America in his speech."),
	    W("GPE|United States|United States of America")),
	/* possessives, with both apostrophes */
	CASE(DEC22, P("Moscow's response was swift, and Moscow\xE2\x80\x99s envoy left the city "
	    "on foot."),
	    W("GPE|Moscow|Moscow", "GPE|Moscow|Moscow")),
	/* an acronym defined in brackets: the form the article uses more, the words on a tie */
	CASE(DEC22, P("The Council on Foreign Relations (CFR) published a report on the issue, "
	    "and the CFR said it would hold a debate."),
	    W("ORG|CFR|Council on Foreign Relations", "ORG|CFR|CFR", "ORG|CFR|CFR")),
	CASE(DEC22, P("The Council on Foreign Relations (CFR) published a report on the issue.",
	    "The report of the Council on Foreign Relations was long."),
	    W("ORG|Council on Foreign Relations|Council on Foreign Relations",
	    "ORG|Council on Foreign Relations|CFR",
	    "ORG|Council on Foreign Relations|Council on Foreign Relations")),
	CASE(DEC22, P("Frank Hallworth, a fellow at the Institute for Arctic Policy (IAP), wrote "
	    "the report.",
	    "The IAP paid for it, and the Institute for Arctic Policy will publish it.",
	    "Copies are kept in the library of the Institute for Arctic Policy."),
	    W("PERSON|Frank Hallworth|Frank Hallworth",
	    "ORG|Institute for Arctic Policy|Institute for Arctic Policy",
	    "ORG|Institute for Arctic Policy|IAP", "ORG|Institute for Arctic Policy|IAP",
	    "ORG|Institute for Arctic Policy|Institute for Arctic Policy",
	    "ORG|Institute for Arctic Policy|Institute for Arctic Policy")),
	CASE(DEC22, P("Frank Hallworth, a fellow at the Institute for Arctic Policy (IAP), wrote "
	    "the report.",
	    "The IAP paid for it, and the Institute for Arctic Policy will publish it."),
	    W("PERSON|Frank Hallworth|Frank Hallworth",
	    "ORG|Institute for Arctic Policy|Institute for Arctic Policy",
	    "ORG|Institute for Arctic Policy|IAP", "ORG|Institute for Arctic Policy|IAP",
	    "ORG|Institute for Arctic Policy|Institute for Arctic Policy")),
	CASE(DEC22, P("The board of the Institute for Arctic Policy (IAP) met last week."),
	    W("ORG|Institute for Arctic Policy|Institute for Arctic Policy",
	    "ORG|Institute for Arctic Policy|IAP", "DATE|2021-W50|last week")),
	CASE(DEC22, P("The board of the Council on Foreign Relations (CFR) met last week.",
	    "The Council on Foreign Relations said nothing, and the CFR left."),
	    W("ORG|Council on Foreign Relations|Council on Foreign Relations",
	    "ORG|Council on Foreign Relations|CFR", "DATE|2021-W50|last week",
	    "ORG|Council on Foreign Relations|Council on Foreign Relations",
	    "ORG|Council on Foreign Relations|CFR")),
	/* an acronym the article defines means what the article says */
	CASE(DEC22, P("The CBC aired the interview on its evening news program."),
	    W("ORG|CBC|CBC")),
	CASE(DEC22, P("The Congressional Black Caucus (CBC) met on Tuesday to discuss the budget.",
	    "The caucus, the Congressional Black Caucus, said it wanted a vote."),
	    W("ORG|Congressional Black Caucus|Congressional Black Caucus",
	    "ORG|Congressional Black Caucus|CBC", "DATE|2021-12-21|Tuesday",
	    "ORG|Congressional Black Caucus|Congressional Black Caucus")),
	CASE(DEC22, P("The Congressional Black Caucus (CBC) met on Tuesday to discuss the budget.",
	    "The caucus said that the CBC wanted a vote, and the CBC will get one."),
	    W("ORG|CBC|Congressional Black Caucus", "ORG|CBC|CBC", "DATE|2021-12-21|Tuesday",
	    "ORG|CBC|CBC", "ORG|CBC|CBC")),
	/* bodies known to the lexicon, by acronym or by words */
	CASE(DEC22, P("NATO and the FBI met the WHO and the G7 in the capital while the Kremlin "
	    "waited."),
	    W("ORG|NATO|NATO", "ORG|FBI|FBI", "ORG|WHO|WHO", "ORG|G7|G7",
	    "ORG|Kremlin|Kremlin")),
	CASE(DEC22, P("The North Atlantic Treaty Organization met in the capital."),
	    W("ORG|NATO|North Atlantic Treaty Organization")),
	CASE(DEC22, P("Agents of the Federal Bureau of Investigation met officials from the EU "
	    "and the Department of State."),
	    W("ORG|FBI|Federal Bureau of Investigation", "ORG|European Union|EU",
	    "ORG|State Department|Department of State")),
	/* a place that stands for its government */
	CASE(DEC22, P("Moscow said the talks had failed, and Washington agreed."),
	    W("GPE|Moscow|Moscow", "GPE|Washington|Washington")),
	/* the shape of an organisation's name */
	CASE(DEC22, P("The Norwegian Fishermen's Association protested against the new quotas."),
	    W("ORG|Norwegian Fishermen's Association|Norwegian Fishermen's Association")),
	CASE(DEC22, P("The Norwegian Fishermen\xE2\x80\x99s Association protested against the new "
	    "quotas."),
	    W("ORG|Norwegian Fishermen's Association|Norwegian Fishermen\xE2\x80\x99s "
	    "Association")),
	CASE(DEC22, P("She studied at the University of Skarvik before joining the Fisheries "
	    "Ministry in the capital."),
	    W("ORG|University of Skarvik|University of Skarvik",
	    "ORG|Fisheries Ministry|Fisheries Ministry")),
	CASE(DEC22, P("She spoke of the Vermont Democratic Party and its long list of donors."),
	    W("ORG|Vermont Democratic Party|Vermont Democratic Party")),
	CASE(DEC22, P("The boats were built by Skarvik Marine Inc. over many decades."),
	    W("ORG|Skarvik Marine Inc.|Skarvik Marine Inc.")),
	CASE(DEC22, P("The money came from Citizens for Harbour Renewal Action Fund and other "
	    "donors."),
	    W("ORG|Citizens for Harbour Renewal Action Fund|"
	    "Citizens for Harbour Renewal Action Fund")),
	CASE(DEC22, P("The fee was set last year by the Skarvik Harbour Board, which meets "
	    "monthly."),
	    W("DATE|2020|last year", "ORG|Skarvik Harbour Board|Skarvik Harbour Board")),
	CASE(DEC22, P("The merger of AT&T and the cable firm was approved by regulators."),
	    W("ORG|AT&T|AT&T")),
	/* a sentence is no headline for having few long words in lower case */
	CASE(DEC22, P("The fee was set by the Skarvik Harbour Board in May."),
	    W("ORG|Skarvik Harbour Board|Skarvik Harbour Board", "DATE|2022-05|May")),
	/* a national prefix before a known body */
	CASE(DEC22, P("A spokesman for the U.S. State Department declined to comment on it."),
	    W("ORG|State Department|U.S. State Department")),
	/* places by their shape, and by their context */
	CASE(DEC22, P("The fire spread across Harlan County and into the hills."),
	    W("GPE|Harlan County|Harlan County")),
	CASE(DEC22, P("The town lies on the Vestra River, close to the Narrow Sea and its "
	    "islands."),
	    W("LOC|Vestra River|Vestra River", "LOC|Narrow Sea|Narrow Sea")),
	CASE(DEC22, P("The mayor of Skarvik City said the pier would be rebuilt next year."),
	    W("GPE|Skarvik City|Skarvik City", "DATE|2022|next year")),
	CASE(DEC22, P("Ships crossed the Black Sea toward Eastern Europe while the rest waited."),
	    W("LOC|Black Sea|Black Sea", "LOC|Eastern Europe|Eastern Europe")),
	CASE(DEC22, P("Protests continued in Ferguson for a week."),
	    W("GPE|Ferguson|Ferguson")),
	CASE(DEC22, P("The fleet sails from Skarvik each spring and returns in the autumn."),
	    W("GPE|Skarvik|Skarvik")),
	/* ... and once the article has made a place of the word, it stays one */
	CASE(DEC22, P("The fleet sails from Skarvik each spring.",
	    "The mayor said that Skarvik would need a new pier."),
	    W("GPE|Skarvik|Skarvik", "GPE|Skarvik|Skarvik")),
	CASE(DEC22, P("The protests in the city of Ferguson, Missouri, went on for days."),
	    W("GPE|Ferguson|Ferguson", "GPE|Missouri|Missouri")),
	/* a party label's state */
	CASE(DEC22, P("Sen. Edward Markey (D-Mass.) said he would oppose the bill."),
	    W("PERSON|Edward Markey|Edward Markey", "GPE|Massachusetts|Mass.")),
	/* things named after people or places are no person */
	CASE(DEC22, P("The Marshall Plan helped to rebuild the continent after the war."),
	    NONE),
	CASE(DEC22, P("The concert at Madison Square Garden sold out within hours."),
	    NONE),
	CASE(DEC22, P("The Clean Harbour Act passed, and the game at Skarvik Stadium was "
	    "cancelled."),
	    NONE),
	CASE(DEC22, P("When Hurricane Ida struck the coast, the power failed."),
	    NONE),
	CASE(DEC22, P("The money went to the Clinton Foundation and a lawyer at Trump Tower."),
	    W("ORG|Clinton Foundation|Clinton Foundation")),
	/* groups, in the singular */
	CASE(DEC22, P("Uyghurs and Muslims were among those the report said had fled."),
	    W("NORP|Uyghur|Uyghurs", "NORP|Muslim|Muslims")),
	CASE(DEC22, P("Russians voted on Sunday, and the Russian team won."),
	    W("NORP|Russian|Russians", "DATE|2021-12-19|Sunday", "NORP|Russian|Russian")),
	/* a title-case headline: known names, and the names the body finds */
	CASE(DEC22, P("Storm Hits Skarvik As Fleet Waits",
	    "The storm reached the coast near Oslo at dawn."),
	    W("GPE|Oslo|Oslo")),
	CASE(DEC22, P("Storm Hits Skarvik As Fleet Waits",
	    "The storm reached the harbour in Skarvik at dawn."),
	    W("GPE|Skarvik|Skarvik", "GPE|Skarvik|Skarvik")),
	CASE(DEC22, P("Turkey Closes Strait To Ships",
	    "The strait was closed by the navy at dawn."),
	    W("GPE|Turkey|Turkey")),
	CASE(DEC22, P("Kremlin Denies Report",
	    "The Kremlin denied the report on Monday."),
	    W("ORG|Kremlin|Kremlin", "ORG|Kremlin|Kremlin", "DATE|2021-12-20|Monday")),
};

/* 3. People no lexicon knows, found by the words around them. */
static const struct tag_case context[] = {
	CASE(DEC22, P("Ingrid Solberg-Haug said the quota was too low for the small boats."),
	    W("PERSON|Ingrid Solberg-Haug|Ingrid Solberg-Haug")),
	CASE(DEC22, P("Solberg-Haug said the quota was too low for the small boats."),
	    W("PERSON|Solberg-Haug|Solberg-Haug")),
	CASE(DEC22, P("The quota was too low, Solberg-Haug said on the radio."),
	    W("PERSON|Solberg-Haug|Solberg-Haug")),
	CASE(DEC22, P("Mateo Arancibia, Chile's minister, said the mines would stay open."),
	    W("PERSON|Mateo Arancibia|Mateo Arancibia", "GPE|Chile|Chile")),
	CASE(DEC22, P("The mines would stay open, said Quintero, who runs the largest of them."),
	    W("PERSON|Quintero|Quintero")),
	CASE(DEC22, P("The mines would stay open, according to Quintero, who runs one of them."),
	    W("PERSON|Quintero|Quintero")),
	CASE(DEC22, P("The mines would stay open, according to Baltasar Quintero, who runs one "
	    "of them.",
	    "Quintero bought his first mine in the north."),
	    W("PERSON|Baltasar Quintero|Baltasar Quintero",
	    "PERSON|Baltasar Quintero|Quintero")),
	CASE(DEC22, P("Velkova told reporters that the harbour was closed for the winter."),
	    W("PERSON|Velkova|Velkova")),
	CASE(DEC22, P("Velkova, 59, runs the harbour with her brother."),
	    W("PERSON|Velkova|Velkova")),
	/* a role before the name, a lower-case role after a body */
	CASE(DEC22, P("White House national security adviser Jake Sullivan spoke to reporters "
	    "on Friday."),
	    W("ORG|White House|White House", "PERSON|Jake Sullivan|Jake Sullivan",
	    "DATE|2021-12-17|Friday")),
	CASE(DEC22, P("The budget was presented by finance minister Tarjei Brekkestad in the "
	    "chamber."),
	    W("PERSON|Tarjei Brekkestad|Tarjei Brekkestad")),
	/* a given name and a surname, or two capitalised words that are no ordinary words */
	CASE(DEC22, P("The harbour is run by Tarrant Osgood and his brother."),
	    W("PERSON|Tarrant Osgood|Tarrant Osgood")),
	CASE(DEC22, P("The ship's captain, Lars Eikeland, said the crew was safe."),
	    W("PERSON|Lars Eikeland|Lars Eikeland")),
	/* a name at the start of a quotation is still a name */
	CASE(DEC22, P("\xE2\x80\x9CGreta Lindqvist knew about the leak,\xE2\x80\x9D said a "
	    "member of the board."),
	    W("PERSON|Greta Lindqvist|Greta Lindqvist")),
};

/* 4. Words that look like names and are not, or are only sometimes. */
static const struct tag_case hard[] = {
	/* ordinary words capitalised by a sentence or quotation start */
	CASE(DEC22, P("Former officials said the plan was doomed from the start."),
	    NONE),
	CASE(DEC22, P("Officials said the plan was doomed from the start."),
	    NONE),
	CASE(DEC22, P("He said the vote was close.",
	    "\xE2\x80\x9C" "Despite the rain, turnout was high,\xE2\x80\x9D he added."),
	    NONE),
	CASE(DEC22, P("\xE2\x80\x9COfficials knew about the leak,\xE2\x80\x9D said a member of "
	    "the board."),
	    NONE),
	/* May, Will, Bill: names only beside another name */
	CASE(DEC22, P("May said the deal was dead, but the party did not agree."),
	    NONE),
	CASE(DEC22, P("Theresa May said the deal was dead, but the party did not agree."),
	    W("PERSON|Theresa May|Theresa May")),
	CASE(DEC22, P("Will the deal survive the winter, asked one of the delegates."),
	    NONE),
	CASE(DEC22, P("Will Ferrell starred in the film that opened on Friday."),
	    W("PERSON|Will Ferrell|Will Ferrell", "DATE|2021-12-17|Friday")),
	CASE(DEC22, P("Bill Clinton spoke, and the bill passed by a wide margin."),
	    W("PERSON|Bill Clinton|Bill Clinton")),
	CASE(DEC22, P("The new Bill was sent to the committee for a second reading."),
	    NONE),
	/* Turkey is the country wherever it is capitalised */
	CASE(DEC22, P("Turkey closed the strait, and the price of turkey rose before the "
	    "holiday."),
	    W("GPE|Turkey|Turkey")),
	CASE(DEC22, P("The talks between Greece and Turkey resumed in the spring."),
	    W("GPE|Greece|Greece", "GPE|Turkey|Turkey")),
	/* an ordinary word at a sentence start that begins a known name */
	CASE(DEC22, P("New York officials said the subway would close early."),
	    W("GPE|New York|New York")),
	/* a group's name that is a common word, at a sentence start */
	CASE(DEC22, P("Conservative groups opposed the plan, while Democrats backed it."),
	    W("NORP|Democrat|Democrats")),
	CASE(DEC22, P("Democrats backed the plan after a long debate."),
	    W("NORP|Democrat|Democrats")),
	/* title-case headlines: only what is known or found in the body */
	CASE(DEC22, P("Shadows Fall On Harbour Town As Fleet Leaves"),
	    NONE),
	CASE(DEC22, P("Quotas Cut As Greta Lindqvist Faces Fleet",
	    "Greta Lindqvist said the fleet would survive the cuts."),
	    W("PERSON|Greta Lindqvist|Greta Lindqvist", "PERSON|Greta Lindqvist|Greta Lindqvist")),
	/* all capitals */
	CASE(DEC22, P("WASHINGTON \xE2\x80\x94 The Senate voted on the measure late at night."),
	    W("GPE|Washington|WASHINGTON", "ORG|Senate|Senate")),
	CASE(DEC22, P("OSLO \xE2\x80\x94 The harbour was closed after the storm on Monday."),
	    W("GPE|Oslo|OSLO", "DATE|2021-12-20|Monday")),
	CASE(DEC22, P("BREAKING NEWS: the harbour was closed after the storm."),
	    NONE),
	/* hyphenated prefixes, and a particle before a hyphen */
	CASE(DEC22, P("The anti-Trump protest and the Pro-Russian rally were held in Kyiv."),
	    W("PERSON|Donald Trump|Trump", "NORP|Russian|Russian", "GPE|Kyiv|Kyiv")),
	CASE(DEC22, P("Post-Soviet states joined the talks in the autumn."),
	    W("NORP|Soviet|Soviet")),
	CASE(DEC22, P("Analysts at the Paris-based bank said the rate would rise."),
	    W("GPE|Paris|Paris")),
	CASE(DEC22, P("The rebels fought the forces of Bashar al-Assad for years.",
	    "Critics said that al-Assad had lost control of the north."),
	    W("PERSON|Bashar al-Assad|Bashar al-Assad", "PERSON|Bashar al-Assad|al-Assad")),
	CASE(DEC22, P("Critics said that al-Assad had lost control of the north."),
	    W("PERSON|Bashar al-Assad|al-Assad")),
};

/* 5. Dates and amounts come through, and a date beats a name it overlaps. */
static const struct tag_case amounts[] = {
	CASE(DEC22, P("The vote was held on May 5, and turnout rose 5% to a record."),
	    W("DATE|2022-05-05|May 5", "PERCENT|5%|5%")),
	CASE(DEC22, P("The firm lost $1.5 billion last year and shipped 2,000 barrels a day."),
	    W("MONEY|1500000000 USD|$1.5 billion", "DATE|2020|last year",
	    "QUANTITY|2000 bbl|2,000 barrels")),
	CASE(NODATE, P("The vote was held on Dec. 21 in the capital, and on Tuesday again."),
	    W("DATE|XXXX-12-21|Dec. 21", "DATE|XXXX-WXX-2|Tuesday")),
	CASE(DEC22, P("The contract that Nadia Orlova signed on May 5 runs for three years."),
	    W("PERSON|Nadia Orlova|Nadia Orlova", "DATE|2022-05-05|May 5",
	    "DATE|P3Y|three years")),
	CASE(DEC22, P("The letter reached Theresa May 5 days before the vote."),
	    W("DATE|2022-05-05|May 5")),
	CASE(DEC22, P("In May, the committee met Greta Lindqvist to discuss the plan."),
	    W("DATE|2022-05|May", "PERSON|Greta Lindqvist|Greta Lindqvist")),
};

/* 6. The type mask: types not asked for are not reported, and names still join. */
static const struct tag_case masked[] = {
	MASK(DEC22, P("Mirela Tornberg, the governor of the central bank, spoke in Oslo on "
	    "Monday.", "Tornberg said that the NATO summit cost $5 million."),
	    W("PERSON|Mirela Tornberg|Mirela Tornberg", "PERSON|Mirela Tornberg|Tornberg"),
	    T(HS_ENT_PERSON)),
	MASK(DEC22, P("Mirela Tornberg, the governor of the central bank, spoke in Oslo on "
	    "Monday.", "Tornberg said that the NATO summit cost $5 million."),
	    W("GPE|Oslo|Oslo", "DATE|2021-12-20|Monday", "ORG|NATO|NATO",
	    "MONEY|5000000 USD|$5 million"),
	    T(HS_ENT_GPE) | T(HS_ENT_ORG) | T(HS_ENT_DATE) | T(HS_ENT_MONEY)),
	MASK(DEC22, P("Mirela Tornberg, the governor of the central bank, spoke in Oslo on "
	    "Monday.", "Tornberg said that the NATO summit cost $5 million."),
	    W("DATE|2021-12-20|Monday"), T(HS_ENT_DATE)),
	/* without dates asked for, no date beats the name */
	MASK(DEC22, P("The letter reached Theresa May 5 days before the vote."),
	    W("PERSON|Theresa May|Theresa May"), T(HS_ENT_PERSON)),
	MASK(DEC22, P("The letter reached Theresa May 5 days before the vote."),
	    W("DATE|2022-05-05|May 5"), T(HS_ENT_DATE)),
	MASK(DEC22, P("Mirela Tornberg spoke in Oslo on Monday."),
	    NONE, T(HS_ENT_NBUILTIN)),
};

static const struct {
	const char		*name;
	const struct tag_case	*cases;
	size_t			 n;
} tables[] = {
	{ "people", people, TH_NELEM(people) },
	{ "places", places, TH_NELEM(places) },
	{ "context", context, TH_NELEM(context) },
	{ "hard", hard, TH_NELEM(hard) },
	{ "amounts", amounts, TH_NELEM(amounts) },
	{ "masked", masked, TH_NELEM(masked) },
};

/* ------------------------------------------------------------------------------ */
/* Articles built by hand, and what the tagger says of them */

/* An article and the memory it owns: the text is allocated to its exact size, so that
 * the address sanitizer sees a read past the last piece's NUL. */
struct built {
	struct hs_article	 a;
	struct hs_piece		*pieces;
	char			*text;
};

/* Whether s[0..n) is what hs_input calls clean: UTF-8 by the textbook rule (no
 * overlong forms, surrogates or code points past U+10FFFF), and no NUL. */
static bool
clean_text(const unsigned char *s, size_t n)
{
	size_t		i = 0, k, l;
	uint32_t	cp, min;

	while (i < n) {
		if (s[i] == 0)
			return false;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF) {
			l = 2;
			cp = s[i] & 0x1F;
			min = 0x80;
		} else if (s[i] >= 0xE0 && s[i] <= 0xEF) {
			l = 3;
			cp = s[i] & 0x0F;
			min = 0x800;
		} else if (s[i] >= 0xF0 && s[i] <= 0xF4) {
			l = 4;
			cp = s[i] & 0x07;
			min = 0x10000;
		} else
			return false;
		if (n - i < l)
			return false;
		for (k = 1; k < l; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += l;
	}
	return true;
}

/* Build an article of n pieces of the given bytes: each piece's text with a NUL after
 * it, at input offsets as if the pieces were lines of a file. */
static void
build(struct built *b, const char *date, const char *const *piece, const size_t *len,
    size_t n)
{
	size_t i, total = 0, off = 0;

	for (i = 0; i < n; i++)
		total += len[i] + 1;
	memset(b, 0, sizeof(*b));
	ck_assert_ptr_nonnull(b->text = malloc(total > 0 ? total : 1));
	ck_assert_ptr_nonnull(b->pieces = calloc(n > 0 ? n : 1, sizeof(*b->pieces)));
	for (i = 0; i < n; i++) {
		memcpy(b->text + off, piece[i], len[i]);
		b->text[off + len[i]] = '\0';
		b->pieces[i].par = 1;
		b->pieces[i].sent = i + 1;
		b->pieces[i].start = 1000 + off;
		b->pieces[i].off = off;
		b->pieces[i].len = len[i];
		b->pieces[i].clean = clean_text((const unsigned char *)piece[i], len[i]);
		off += len[i] + 1;
	}
	b->a.doc = "test";
	b->a.date = date;
	b->a.text = b->text;
	b->a.pieces = b->pieces;
	b->a.npieces = n;
}

/* The same from NUL-terminated pieces, up to a NULL. */
static void
build_strings(struct built *b, const char *date, const char *const *piece)
{
	size_t len[MAX_PIECES], n;

	for (n = 0; n < MAX_PIECES && piece[n] != NULL; n++)
		len[n] = strlen(piece[n]);
	build(b, date, piece, len, n);
}

static void
unbuild(struct built *b)
{
	free(b->text);
	free(b->pieces);
}

/*
 * Whether what the tagger said of an article keeps its promises: mentions in text
 * order, each inside its piece and not empty, with a type the tagger knows and a
 * name; the built-in ones apart from each other. Returns NULL, or what went wrong.
 */
static const char *
unsound(const struct hs_tagger *tg, const struct hs_article *a,
    const struct hs_mention *m, size_t n)
{
	size_t	i, last_piece = SIZE_MAX, last_end = 0;

	for (i = 0; i < n; i++) {
		if (m[i].piece >= a->npieces)
			return "a mention outside the article";
		if (m[i].start >= m[i].end || m[i].end > a->pieces[m[i].piece].len)
			return "a mention outside its piece, or empty";
		if (i > 0 && (m[i].piece < m[i - 1].piece || (m[i].piece == m[i - 1].piece &&
		    m[i].start < m[i - 1].start)))
			return "mentions out of order";
		if (m[i].type < 0 || m[i].type >= hs_tagger_ntypes(tg))
			return "a mention of no type";
		if (m[i].name == NULL || m[i].name[0] == '\0')
			return "a mention with no name";
		if (m[i].type >= HS_ENT_NBUILTIN || rule_overlaps)
			continue;
		if (m[i].piece == last_piece && m[i].start < last_end)
			return "built-in mentions that overlap";
		last_piece = m[i].piece;
		last_end = m[i].end;
	}
	return NULL;
}

/* The mentions as "TYPE|name|mention" lines, each after "\n    ", in a new string;
 * with `where`, each line says the piece and bytes too, for a failure's message. */
static char *
describe_where(const struct hs_tagger *tg, const struct hs_article *a,
    const struct hs_mention *m, size_t n, bool where)
{
	char	*out = NULL;
	size_t	 size = 0, i;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	for (i = 0; i < n; i++) {
		fprintf(fp, "\n    %s|%s|%.*s", hs_tagger_type_name(tg, m[i].type), m[i].name,
		    (int)(m[i].end - m[i].start),
		    a->text + a->pieces[m[i].piece].off + m[i].start);
		if (where)
			fprintf(fp, "    (piece %zu, bytes %zu-%zu)", m[i].piece, m[i].start,
			    m[i].end);
	}
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

static char *
describe(const struct hs_tagger *tg, const struct hs_article *a,
    const struct hs_mention *m, size_t n)
{
	return describe_where(tg, a, m, n, false);
}

/* The expected lines in the same form. */
static char *
describe_want(const char *const *want)
{
	char	*out = NULL;
	size_t	 size = 0, i;
	FILE	*fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&out, &size));
	for (i = 0; i < MAX_WANT && want[i] != NULL; i++)
		fprintf(fp, "\n    %s", want[i]);
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

static struct hs_lexicon	*lex;
static struct hs_tagger		*tg;

static void
setup(void)
{
	lex = hs_lexicon_new();
	tg = hs_tagger_new(lex);
}

static void
teardown(void)
{
	hs_tagger_free(tg);
	hs_lexicon_free(lex);
}

static void
run_case(const char *table, int i, const struct tag_case *c)
{
	const struct hs_mention	*m;
	struct built		 b;
	const char		*why;
	char			*got, *want;
	size_t			 n;

	build_strings(&b, c->date, c->pieces);
	n = hs_tag_article(tg, &b.a, c->types != 0 ? c->types : ~0ULL, &m);
	why = unsound(tg, &b.a, m, n);
	ck_assert_msg(why == NULL, "%s case %d (\"%s\"): %s", table, i, c->pieces[0], why);
	/* a known bug's answer is wrong, but its spans must be sound all the same */
	if (c->known_bug && getenv("TAG_KNOWN_BUGS") == NULL) {
		unbuild(&b);
		return;
	}
	got = describe(tg, &b.a, m, n);
	want = describe_want(c->want);
	ck_assert_msg(strcmp(got, want) == 0, "%s case %d%s (\"%s\")\n  got:%s\n want:%s",
	    table, i, c->known_bug ? " (a known bug)" : "", c->pieces[0],
	    describe_where(tg, &b.a, m, n, true), want);
	free(got);
	free(want);
	unbuild(&b);
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
/* Types and rules */

START_TEST(test_type_names)
{
	static const char *const names[HS_ENT_NBUILTIN] = {
		"PERSON", "NORP", "ORG", "GPE", "LOC", "DATE", "MONEY", "PERCENT", "QUANTITY",
	};
	int t;

	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_NBUILTIN);
	for (t = 0; t < HS_ENT_NBUILTIN; t++) {
		ck_assert_str_eq(hs_tagger_type_name(tg, t), names[t]);
		ck_assert_int_eq(hs_tagger_type(tg, names[t]), t);
	}
	ck_assert_int_eq(hs_tagger_type(tg, "person"), -1);
	ck_assert_int_eq(hs_tagger_type(tg, "TOPIC"), -1);
	ck_assert_int_eq(hs_tagger_type(tg, ""), -1);
	ck_assert_str_eq(hs_tagger_type_name(tg, -1), "?");
	ck_assert_str_eq(hs_tagger_type_name(tg, HS_ENT_NBUILTIN), "?");
	ck_assert_str_eq(hs_tagger_type_name(tg, HS_ENT_MAX), "?");
}
END_TEST

/* Tag one sentence with the tagger's rules; the mentions as in describe(). */
static char *
tag_sentence(const char *text, unsigned long long want)
{
	const char		*piece[1] = { text };
	size_t			 len[1] = { strlen(text) }, n;
	const struct hs_mention	*m;
	struct built		 b;
	const char		*why;
	char			*got;

	build(&b, DEC22, piece, len, 1);
	n = hs_tag_article(tg, &b.a, want, &m);
	why = unsound(tg, &b.a, m, n);
	ck_assert_msg(why == NULL, "\"%s\": %s", text, why);
	got = describe(tg, &b.a, m, n);
	unbuild(&b);
	return got;
}

#define CHECK_TAGS(text, want, ...) do {					\
	const char *const w_[] = { __VA_ARGS__, NULL };				\
	char *got_ = tag_sentence((text), (want)), *want_ = describe_want(w_);	\
	ck_assert_msg(strcmp(got_, want_) == 0, "\"%s\"\n  got:%s\n want:%s",	\
	    (text), got_, want_);						\
	free(got_);								\
	free(want_);								\
} while (0)

START_TEST(test_rule_new_type)
{
	const char	*text = "Officials discussed sanctions and an embargo against Moscow "
	    "on Tuesday.";
	char		 err[256] = "";
	int		 topic;

	ck_assert_int_eq(hs_tagger_add_rule(tg, "TOPIC", "(?i)\\bsanctions?\\b|\\bembargo\\b",
	    err, sizeof(err)), 0);
	topic = hs_tagger_type(tg, "TOPIC");
	ck_assert_int_eq(topic, HS_ENT_NBUILTIN);
	ck_assert_str_eq(hs_tagger_type_name(tg, topic), "TOPIC");
	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_NBUILTIN + 1);
	CHECK_TAGS(text, ~0ULL, "TOPIC|sanctions|sanctions", "TOPIC|embargo|embargo",
	    "GPE|Moscow|Moscow", "DATE|2021-12-21|Tuesday");
	/* a second rule of the type adds no type; its match overlaps a built-in one */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "TOPIC", "Mosc\\w+ on", err, sizeof(err)), 0);
	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_NBUILTIN + 1);
	CHECK_TAGS(text, ~0ULL, "TOPIC|sanctions|sanctions", "TOPIC|embargo|embargo",
	    "TOPIC|Moscow on|Moscow on", "GPE|Moscow|Moscow", "DATE|2021-12-21|Tuesday");
	/* \w is a letter of any script (PCRE2_UCP) */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "CITY", "\\bM\\w+\\b", err, sizeof(err)), 0);
	ck_assert_int_eq(hs_tagger_type(tg, "CITY"), HS_ENT_NBUILTIN + 1);
	CHECK_TAGS("Ships left M\xC3\xA5rvik and Moscow.", ~0ULL,
	    "CITY|M\xC3\xA5rvik|M\xC3\xA5rvik", "GPE|Moscow|Moscow", "CITY|Moscow|Moscow");
	/* the mask: a rule's type is looked for only when asked for */
	CHECK_TAGS(text, T(topic), "TOPIC|sanctions|sanctions", "TOPIC|embargo|embargo",
	    "TOPIC|Moscow on|Moscow on");
	CHECK_TAGS(text, T(HS_ENT_GPE) | T(HS_ENT_DATE), "GPE|Moscow|Moscow",
	    "DATE|2021-12-21|Tuesday");
	/* an empty match tags nothing, and the scan goes on past it */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "EMPTY", "x*", err, sizeof(err)), 0);
	CHECK_TAGS("an axxe\xE2\x80\x99s edge", T(hs_tagger_type(tg, "EMPTY")),
	    "EMPTY|xx|xx");
}
END_TEST

/* A rule sees one piece at a time: ^ is each piece's start, and no match spans two. */
START_TEST(test_rule_per_piece)
{
	static const char *const pieces[] = {
		"Ships left at dawn.", "The fleet came back at noon.", NULL,
	};
	const struct hs_mention	*m;
	struct built		 b;
	char			 err[256], *got;
	size_t			 n;

	ck_assert_int_eq(hs_tagger_add_rule(tg, "FIRST", "^\\w+", err, sizeof(err)), 0);
	ck_assert_int_eq(hs_tagger_add_rule(tg, "SPAN", "dawn\\.\\s*The", err, sizeof(err)),
	    0);
	ck_assert_int_eq(hs_tagger_add_rule(tg, "LAST", "\\w+\\.$", err, sizeof(err)), 0);
	build_strings(&b, DEC22, pieces);
	n = hs_tag_article(tg, &b.a, ~0ULL, &m);
	got = describe(tg, &b.a, m, n);
	ck_assert_str_eq(got, "\n    FIRST|Ships|Ships\n    LAST|dawn.|dawn."
	    "\n    FIRST|The|The\n    LAST|noon.|noon.");
	ck_assert_uint_eq(m[0].piece, 0);
	ck_assert_uint_eq(m[2].piece, 1);
	ck_assert_uint_eq(m[3].start, strlen("The fleet came back at "));
	free(got);
	unbuild(&b);
}
END_TEST

/* A rule of a built-in type: its matches are of that type, and may overlap other
 * mentions, the built-in ones too ("Matches of a rule may overlap other mentions"). */
START_TEST(test_rule_builtin_type)
{
	char err[256] = "";

	ck_assert_int_eq(hs_tagger_add_rule(tg, "ORG", "\\bharbour board\\b", err,
	    sizeof(err)), 0);
	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_NBUILTIN);
	CHECK_TAGS("The harbour board met in Oslo.", ~0ULL,
	    "ORG|harbour board|harbour board", "GPE|Oslo|Oslo");
	/* a rule's match overlaps the tool's own mentions, of its type or not */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "ORG", "rally in Moscow", err,
	    sizeof(err)), 0);
	rule_overlaps = true;
	CHECK_TAGS("The rally in Moscow drew crowds.", ~0ULL,
	    "ORG|rally in Moscow|rally in Moscow", "GPE|Moscow|Moscow");
	rule_overlaps = false;
}
END_TEST

/* A pattern that does not compile: -1, and PCRE2's own message with the offset, as
 * PCRE2 itself gives them. */
START_TEST(test_rule_bad_pattern)
{
	static const char *const bad[] = {
		"(ab", "ab)", "[z-a]", "a{2,1}", "x\\", "(?<n>a)(?<n>b)", "*x", "(?P<1>a)",
		"\\p{Nope}", "\xC3",
	};
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	pcre2_code	*code;
	char		 err[512], want[512];
	int		 code_err;
	size_t		 i;

	for (i = 0; i < TH_NELEM(bad); i++) {
		code = pcre2_compile((PCRE2_SPTR)bad[i], PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP, &code_err, &off, NULL);
		ck_assert_msg(code == NULL, "\"%s\" compiles", bad[i]);
		pcre2_get_error_message(code_err, msg, sizeof(msg));
		snprintf(want, sizeof(want), "%s at offset %zu", (char *)msg, (size_t)off);
		err[0] = '\0';
		ck_assert_int_eq(hs_tagger_add_rule(tg, "TOPIC", bad[i], err, sizeof(err)), -1);
		ck_assert_msg(strcmp(err, want) == 0, "\"%s\": \"%s\", want \"%s\"", bad[i], err,
		    want);
	}
	/* as the manual shows it: "message at offset N" */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "TOPIC", "(ab", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "missing closing parenthesis at offset 3");
	/* a message cut to a small buffer is still a string */
	memset(err, 'z', sizeof(err));
	ck_assert_int_eq(hs_tagger_add_rule(tg, "TOPIC", "(ab", err, 8), -1);
	ck_assert_str_eq(err, "missing");
	/* nothing was added that tags */
	CHECK_TAGS("The (ab and ab) of Oslo.", ~0ULL, "GPE|Oslo|Oslo");
}
END_TEST

START_TEST(test_rule_bad_type)
{
	static const char *const bad[] = {
		"topic", "Topic", "1TOPIC", "_TOPIC", "TO-PIC", "TOPIC ", "T\xC3\x96PIC", "",
	};
	char	err[256], want[256];
	size_t	i;

	for (i = 0; i < TH_NELEM(bad); i++) {
		snprintf(want, sizeof(want), "a type is upper-case letters, digits and _, "
		    "starting with a letter: '%s'", bad[i]);
		err[0] = '\0';
		ck_assert_int_eq(hs_tagger_add_rule(tg, bad[i], "x", err, sizeof(err)), -1);
		ck_assert_msg(strcmp(err, want) == 0, "type \"%s\": \"%s\"", bad[i], err);
		ck_assert_int_eq(hs_tagger_type(tg, bad[i]), -1);
	}
	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_NBUILTIN);
	/* digits and _ after the first letter are fine, and so are 31 characters */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "T_2", "x", err, sizeof(err)), 0);
	ck_assert_int_eq(hs_tagger_type(tg, "T_2"), HS_ENT_NBUILTIN);
	ck_assert_int_eq(hs_tagger_add_rule(tg, "A_LONG_TYPE_NAME_OF_31_LETTERS_",
	    "x", err, sizeof(err)), 0);
	ck_assert_str_eq(hs_tagger_type_name(tg, HS_ENT_NBUILTIN + 1),
	    "A_LONG_TYPE_NAME_OF_31_LETTERS_");
}
END_TEST

/* At most HS_ENT_MAX types in all, built-in ones included. */
START_TEST(test_rule_too_many_types)
{
	char	name[16], err[256];
	int	t;

	for (t = HS_ENT_NBUILTIN; t < HS_ENT_MAX; t++) {
		snprintf(name, sizeof(name), "T%d", t);
		ck_assert_int_eq(hs_tagger_add_rule(tg, name, "q", err, sizeof(err)), 0);
		ck_assert_int_eq(hs_tagger_type(tg, name), t);
	}
	ck_assert_int_eq(hs_tagger_ntypes(tg), HS_ENT_MAX);
	ck_assert_int_eq(hs_tagger_add_rule(tg, "ONE_MORE", "q", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "too many types (at most 64)");
	/* an existing type still takes rules; the last type's bit is bit 63 */
	ck_assert_int_eq(hs_tagger_add_rule(tg, "T63", "z", err, sizeof(err)), 0);
	CHECK_TAGS("quiz", T(63), "T63|q|q", "T63|z|z");
	CHECK_TAGS("quiz", T(HS_ENT_NBUILTIN), "T9|q|q");
}
END_TEST

/* ------------------------------------------------------------------------------ */
/* Articles of every shape */

START_TEST(test_empty)
{
	const struct hs_mention	*m = NULL;
	const char		*pieces[3] = { "", "   ", "\n" };
	size_t			 len[3] = { 0, 3, 1 };
	struct built		 b;

	build(&b, NODATE, pieces, len, 0);
	ck_assert_uint_eq(hs_tag_article(tg, &b.a, ~0ULL, &m), 0);
	unbuild(&b);
	build(&b, NODATE, pieces, len, 3);
	ck_assert_uint_eq(hs_tag_article(tg, &b.a, ~0ULL, &m), 0);
	ck_assert_uint_eq(hs_tag_article(tg, &b.a, 0, &m), 0);
	unbuild(&b);
}
END_TEST

/* The mentions of an article copied out of the tagger, which reuses its memory. */
struct copy {
	size_t	 n;
	char	*text;
};

static void
copy_out(struct copy *c, const struct hs_tagger *t, const struct hs_article *a,
    const struct hs_mention *m, size_t n)
{
	char *d = describe(t, a, m, n);
	size_t i, size = strlen(d) + 64 * n + 1;

	/* describe() plus the piece and offsets, which it leaves out */
	ck_assert_ptr_nonnull(c->text = malloc(size));
	c->text[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(c->text + strlen(c->text), size - strlen(c->text), "%zu:%zu-%zu,",
		    m[i].piece, m[i].start, m[i].end);
	strlcat(c->text, d, size);
	c->n = n;
	free(d);
}

/*
 * Random articles of words from a small vocabulary, known names and words that look
 * like names, punctuation, quotes, line breaks, NUL and invalid bytes: the mentions
 * are sound, and one article gives the same mentions tagged twice, after others, or by a
 * new tagger (no state leaks from one article into the next).
 */
START_TEST(test_random_articles)
{
	/* capitalised words, and the ones that make or break names */
	static const char *const caps[] = {
		"Harbour", "Greta", "Lindqvist", "Oskar", "Tornberg", "Mirela", "Velkova",
		"Council", "Ministry", "University", "Association", "County", "River", "Sea",
		"Plan", "Garden", "Square", "Foreign", "Relations", "Fishermen's", "Jr.", "W.",
		"G.K.", "de", "al-Assad", "anti-Trump", "Pro-Russian", "D-Mass.", "Sen.",
		"Mrs.", "Secretary of State", "President", "Former", "Officials", "The",
		"May", "Will", "Bill", "Turkey", "Conservative", "WASHINGTON", "CFR", "IAP",
		"CBC", "I", "I'm", "Zdenka", "King", "Hillary", "United States", "U.S.", "US",
		"America", "NATO", "Barack Obama", "Obama", "Michelle Obama", "Moscow's",
		"Moscow\xE2\x80\x99s", "Oslo", "Kremlin", "State Department", "Black Sea",
		"Russians", "Democrats", "Missouri", "M\xC3\xA5rvik", "\xC3\x89mile",
		"AT&T", "FactCheck.org",
	};
	/* everything else: the words around names, dates and amounts, punctuation,
	 * white space, and bytes that are not text */
	static const char *const other[] = {
		"said", "told", "according to", "the", "in", "from", "of", "for", "on", "and",
		"national security adviser", "minister", "former", "a", "59", "met", "was",
		"5", "$5", "5%", "2019", "Dec. 21", "Tuesday", "last year", "300 miles",
		",", ",", ".", ".", "(", ")", ":", "-", "&", "\xE2\x80\x94", "\xE2\x80\x9C",
		"\xE2\x80\x9D", "\"", "'", "\xE2\x80\x99", "\n", "\n\n", "\t",
		"\xC2\xA0", "\xFF", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80",
	};
	static const char rule[] = "(?i)\\bsaid\\b|Mosc|\\w+ of";
	enum { MAX_WORDS = 40, MAX_WORD = 32 };
	static char	 buf[MAX_PIECES][MAX_WORDS * (MAX_WORD + 1)];
	const char	*piece[MAX_PIECES], *word, *why;
	size_t		 len[MAX_PIECES], np, k, nw, w, wl;
	uint64_t	 seed = 0xC0FFEE1234567ULL, r;
	struct hs_tagger *fresh;
	const struct hs_mention *m;
	struct built	 b;
	struct copy	 first, again, alone;
	char		 err[256], onebyte[1];
	int		 round, capshare;

	ck_assert_int_eq(hs_tagger_add_rule(tg, "ZZ", rule, err, sizeof(err)), 0);
	for (round = 0; round < 3000; round++) {
		np = 1 + th_next_random(&seed) % MAX_PIECES;
		for (k = 0; k < np; k++) {
			/* some pieces are nearly all capitals, as headlines are */
			capshare = (int)(th_next_random(&seed) % 4);
			nw = th_next_random(&seed) % MAX_WORDS;
			len[k] = 0;
			for (w = 0; w < nw; w++) {
				r = th_next_random(&seed);
				if (r % 29 == 0) {
					onebyte[0] = r % 2 ? '\0' : (char)(r >> 8);
					word = onebyte;
					wl = 1;
				} else {
					if ((int)(r % 4) < capshare || capshare == 3)
						word = caps[(r >> 5) % TH_NELEM(caps)];
					else
						word = other[(r >> 5) % TH_NELEM(other)];
					wl = strlen(word);
				}
				ck_assert_uint_le(wl, MAX_WORD);
				memcpy(buf[k] + len[k], word, wl);
				len[k] += wl;
				if ((r >> 20) % 5 != 0)
					buf[k][len[k]++] = ' ';
			}
			piece[k] = buf[k];
		}
		build(&b, round % 3 ? DEC22 : NODATE, piece, len, np);
		k = hs_tag_article(tg, &b.a, ~0ULL, &m);
		why = unsound(tg, &b.a, m, k);
		TH_REQUIRE(why == NULL, "round %d: %s", round, why);
		copy_out(&first, tg, &b.a, m, k);
		k = hs_tag_article(tg, &b.a, ~0ULL, &m);
		copy_out(&again, tg, &b.a, m, k);
		TH_REQUIRE(strcmp(first.text, again.text) == 0,
		    "round %d: tagged twice:\n%s\n%s", round, first.text, again.text);
		/* a new tagger, with the same rule, that has seen no other article */
		fresh = hs_tagger_new(lex);
		ck_assert_int_eq(hs_tagger_add_rule(fresh, "ZZ", rule, err, sizeof(err)), 0);
		k = hs_tag_article(fresh, &b.a, ~0ULL, &m);
		copy_out(&alone, fresh, &b.a, m, k);
		TH_REQUIRE(strcmp(first.text, alone.text) == 0,
		    "round %d: after other articles:\n%s\nalone:\n%s", round, first.text,
		    alone.text);
		hs_tagger_free(fresh);
		free(first.text);
		free(again.text);
		free(alone.text);
		unbuild(&b);
	}
}
END_TEST

/* Tagging article a, then b, then a again gives the same as the first time: nothing of
 * a's people, acronyms or headline stays in the tagger for b. */
START_TEST(test_no_leaks_between_articles)
{
	static const char *const a_pieces[] = {
		"Tornberg Warns Of Slower Growth",
		"The Institute for Arctic Policy (IAP) said Mirela Tornberg would speak.",
		"Tornberg said the IAP was wrong.", NULL,
	};
	static const char *const b_pieces[] = {
		"The IAP and Tornberg were mentioned by nobody in the harbour.",
		"Mirela said that Lindqvist was away.", NULL,
	};
	const struct hs_mention	*m;
	struct built		 a, b;
	struct copy		 first, again;
	size_t			 n;
	char			*got;

	build_strings(&a, DEC22, a_pieces);
	build_strings(&b, NODATE, b_pieces);
	n = hs_tag_article(tg, &a.a, ~0ULL, &m);
	copy_out(&first, tg, &a.a, m, n);
	n = hs_tag_article(tg, &b.a, ~0ULL, &m);
	got = describe(tg, &b.a, m, n);
	/* b names no one in full and defines no acronym: only the given name that a
	 * reporting verb vouches for is left, as it stands */
	ck_assert_msg(strcmp(got, "\n    PERSON|Mirela|Mirela") == 0, "b after a:%s", got);
	free(got);
	n = hs_tag_article(tg, &a.a, ~0ULL, &m);
	copy_out(&again, tg, &a.a, m, n);
	ck_assert_str_eq(first.text, again.text);
	free(first.text);
	free(again.text);
	unbuild(&a);
	unbuild(&b);
}
END_TEST

/* A user's lexicon (-L, or the file --learn writes): its people resolve lone surnames
 * unless the article names someone else of that surname in full, and its entries add
 * to the built-in ones or correct them. */
START_TEST(test_user_lexicon)
{
	static const char entries[] =
	    "person\tGreta Lindqvist\tLindqvist\n"
	    "org\tSkarvik Harbour Board\tSHB\n"
	    "gpe\tSkarvik\n"
	    "org\tCanadian Broadcasting Corporation\tCBC\n";
	static const char *const one[] = {
		"Lindqvist said the SHB would meet at Skarvik, and the CBC filmed it.", NULL,
	};
	static const char *const two[] = {
		"Oskar Lindqvist runs the yard near the old harbour.",
		"Lindqvist said the yard was busy.", NULL,
	};
	struct hs_lexicon	*mine;
	struct hs_tagger	*mtg;
	const struct hs_mention	*m;
	struct built		 b;
	char			*got;
	size_t			 n;

	mine = hs_lexicon_new();
	ck_assert_int_eq(hs_lexicon_load_text(mine, "people.tsv", entries,
	    sizeof(entries) - 1), 0);
	mtg = hs_tagger_new(mine);
	build_strings(&b, DEC22, one);
	n = hs_tag_article(mtg, &b.a, ~0ULL, &m);
	got = describe(mtg, &b.a, m, n);
	ck_assert_str_eq(got, "\n    PERSON|Greta Lindqvist|Lindqvist"
	    "\n    ORG|Skarvik Harbour Board|SHB\n    GPE|Skarvik|Skarvik"
	    "\n    ORG|Canadian Broadcasting Corporation|CBC");
	free(got);
	unbuild(&b);
	build_strings(&b, DEC22, two);
	n = hs_tag_article(mtg, &b.a, ~0ULL, &m);
	got = describe(mtg, &b.a, m, n);
	ck_assert_str_eq(got, "\n    PERSON|Oskar Lindqvist|Oskar Lindqvist"
	    "\n    PERSON|Oskar Lindqvist|Lindqvist");
	free(got);
	unbuild(&b);
	/* the built-in lexicon knows none of it: the reporting verb makes a person of
	 * the surname, as it stands, and nothing vouches for SHB or Skarvik */
	build_strings(&b, DEC22, one);
	n = hs_tag_article(tg, &b.a, ~0ULL, &m);
	got = describe(tg, &b.a, m, n);
	ck_assert_str_eq(got, "\n    PERSON|Lindqvist|Lindqvist\n    ORG|CBC|CBC");
	free(got);
	unbuild(&b);
	hs_tagger_free(mtg);
	hs_lexicon_free(mine);
}
END_TEST

/* Long articles and long runs of capitals: sound, and in time. */
START_TEST(test_long_articles)
{
	static const char *const units[] = {
		"Greta Lindqvist ", "Lindqvist ", "Council of ", "Harbour ", "U.S. ",
		"Sen. ", "NATO (NATO) ", "May 5 ", "de ", "Moscow's ", "\xE2\x80\x9C",
	};
	const size_t		 size = 60 << 10, npieces = 4000;
	const struct hs_mention	*m;
	const char		*piece[1], **many;
	size_t			 len[1], *lens, u, i, ulen, n;
	struct built		 b;
	char			*text;
	const char		*why;

	ck_assert_ptr_nonnull(text = malloc(size));
	for (u = 0; u < TH_NELEM(units); u++) {
		ulen = strlen(units[u]);
		for (i = 0; i + ulen <= size; i += ulen)
			memcpy(text + i, units[u], ulen);
		piece[0] = text;
		len[0] = i;
		build(&b, DEC22, piece, len, 1);
		n = hs_tag_article(tg, &b.a, ~0ULL, &m);
		why = unsound(tg, &b.a, m, n);
		ck_assert_msg(why == NULL, "a piece of \"%s\": %s", units[u], why);
		unbuild(&b);
	}
	free(text);
	/* many pieces, many people: the names still join */
	ck_assert_ptr_nonnull(many = calloc(npieces, sizeof(*many)));
	ck_assert_ptr_nonnull(lens = calloc(npieces, sizeof(*lens)));
	for (i = 0; i < npieces; i++) {
		many[i] = i % 2 ? "Lindqvist said that the harbour was busy." :
		    "The yard of Greta Lindqvist was busy, Greta said.";
		lens[i] = strlen(many[i]);
	}
	build(&b, DEC22, many, lens, npieces);
	n = hs_tag_article(tg, &b.a, T(HS_ENT_PERSON), &m);
	ck_assert_ptr_null(unsound(tg, &b.a, m, n));
	ck_assert_uint_eq(n, npieces / 2 * 3);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(m[i].name, "Greta Lindqvist");
	unbuild(&b);
	free(many);
	free(lens);
}
END_TEST

/* An acronym's expansion is a string of the tagger's arena copied into the arena again:
 * when that copy makes the arena grow, it must not read the old block (found by ASan
 * on a news article). A fresh tagger for each length of a name before it brings the
 * arena to the edge of its capacity at some length. */
START_TEST(test_acronym_arena_growth)
{
	const struct hs_mention	*m;
	struct hs_tagger	*fresh;
	const char		*piece[1];
	size_t			 len[1], l, i, n;
	struct built		 b;
	char			 text[1024];
	int			 at;
	bool			 found;

	for (l = 1; l < 600; l++) {
		at = snprintf(text, sizeof(text), "Mr. A");
		for (i = 0; i < l && at < 700; i++)
			text[at++] = 'b';
		snprintf(text + at, sizeof(text) - (size_t)at,
		    " met the Council on Foreign Relations (CFR) today.");
		piece[0] = text;
		len[0] = strlen(text);
		ck_assert_ptr_nonnull(fresh = hs_tagger_new(lex));
		build(&b, DEC22, piece, len, 1);
		n = hs_tag_article(fresh, &b.a, T(HS_ENT_ORG), &m);
		for (found = false, i = 0; i < n; i++)
			found |= strcmp(m[i].name, "CFR") == 0 ||
			    strcmp(m[i].name, "Council on Foreign Relations") == 0;
		ck_assert_msg(found, "no Council on Foreign Relations at length %zu", l);
		unbuild(&b);
		hs_tagger_free(fresh);
	}
}
END_TEST

Suite *
hs_tag_suite(void)
{
	Suite	*s = suite_create("tag");
	TCase	*tc;

	tc = tcase_create("cases");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_cases, 0, (int)ncases());
	tcase_add_test(tc, test_type_names);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_no_leaks_between_articles);
	tcase_add_test(tc, test_user_lexicon);
	suite_add_tcase(s, tc);

	tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rule_new_type);
	tcase_add_test(tc, test_rule_per_piece);
	tcase_add_test(tc, test_rule_builtin_type);
	tcase_add_test(tc, test_rule_bad_pattern);
	tcase_add_test(tc, test_rule_bad_type);
	tcase_add_test(tc, test_rule_too_many_types);
	suite_add_tcase(s, tc);

	tc = tcase_create("random");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_random_articles);
	tcase_add_test(tc, test_long_articles);
	tcase_add_test(tc, test_acronym_arena_growth);
	suite_add_tcase(s, tc);
	return s;
}
