# articles.awk: invented news articles for tests/cli/shards.sh, written as one stream to
# stdout and, with -v dir=DIR, also as files of one to three articles in DIR.
#
#   awk [-v seed=N] [-v n=ARTICLES] [-v dir=DIR] -f articles.awk >stream.txt
#
# The output is the same in mawk, gawk, busybox awk and the one true awk, in any locale:
# the randomness is our own generator in integers whose products stay below 2^53, so
# exact in a double; no rand(), no for-in loop, no length() or substr() on text (gawk
# counts characters), no split() of text with newlines. Operands of a concatenation
# are evaluated left to right by all four, though POSIX does not say so.
#
# What the stream holds, for the merge to have something to get wrong: a preamble with
# no header (date "-"); dates a day or a few apart from late November 2030 over two
# year-ends, several articles on some days; headers indented with spaces and tabs,
# after a single newline, or glued onto the last sentence of the article before (a full
# stop and no newline, as `cat` of files without a final newline gives); quotations in
# the said/told/asked/according to forms, split by their attribution, partial, after a
# colon, with a pronoun, in curly marks, and AP-style over several paragraphs; speakers
# from a pool of 21 invented people with titles; and some articles with no quotation.

function rnd(k) {
	# Park and Miller's minimal standard: 16807 * state < 2^46
	state = (state * 16807) % 2147483647
	return state % k
}

function pick(list, size) {
	return list[rnd(size) + 1]
}

function days_in(y, m) {
	if (m == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}

function advance(days) {
	while (days-- > 0) {
		if (++dd > days_in(yy, mm)) {
			dd = 1
			if (++mm > 12) {
				mm = 1
				yy++
			}
		}
	}
}

# the name of speaker s as the article writes it: in full the first time, then short
function ref(s) {
	if (!named[s]) {
		named[s] = 1
		return title[s] " " first[s] " " last[s]
	}
	if (title[s] == "Mr." || title[s] == "Ms." || title[s] == "Mrs." || rnd(5) == 0)
		return title[s] " " last[s]
	return last[s]
}

function pronoun(s) {
	return female[s] ? "she" : "he"
}

# a quoted clause with no final punctuation
function clause() {
	return pick(qsubj, nqsubj) " " pick(qverb, nqverb) " " pick(qobj, nqobj) pick(qtail, nqtail)
}

# quoted words ending in a full stop: one sentence or two
function sentences() {
	if (rnd(3) == 0)
		return clause() ". " clause() "."
	return clause() "."
}

function narrative(k) {
	k = rnd(9)
	if (k == 0)
		return "The " pick(body, nbody) " met on " pick(wday, nwday) " to discuss " pick(topic, ntopic) "."
	if (k == 1)
		return "Officials in " pick(place, nplace) " said the work would cost $" (2 + rnd(40)) "." rnd(10) " million."
	if (k == 2)
		return "Rain closed the coast road near " pick(place, nplace) " for a " pick(ordinal, nordinal) " day."
	if (k == 3)
		return "The vote is set for " (1 + rnd(11)) " a.m. on " pick(wday, nwday) "."
	if (k == 4)
		return "Traffic on the " pick(road, nroad) " fell " (1 + rnd(30)) " percent in " pick(month, nmonth) "."
	if (k == 5)
		return "About " (20 + rnd(900)) " people came to the meeting at St. " pick(saint, nsaint) "'s Hall."
	if (k == 6)
		return "A spokesman for the U.S. Coast Guard declined to comment."
	if (k == 7)
		return "Questions about " pick(topic, ntopic) " have divided " pick(place, nplace) " for years."
	return "The " pick(body, nbody) " will publish its report on " pick(month, nmonth) " " (1 + rnd(28)) "."
}

function narrative_paragraph(n, text) {
	text = narrative()
	n = rnd(3)
	while (n-- > 0)
		text = text (rnd(4) == 0 ? "\n" : " ") narrative()
	return text
}

# a paragraph quoting speaker s; some forms run over several paragraphs
function quote_paragraph(s, k, o, c) {
	o = "\""
	c = "\""
	if (rnd(8) == 0) {
		o = "\342\200\234"
		c = "\342\200\235"
	}
	k = rnd(15)
	if (k == 0)
		return o clause() "," c " said " ref(s) "."
	if (k == 1)
		return o clause() "," c " " ref(s) " said " pick(when, nwhen) "."
	if (k == 2)
		return ref(s) " said: " o sentences() c
	if (k == 3)
		return o clause() "," c " " ref(s) " told the " pick(paper, npaper) "."
	if (k == 4)
		return "According to " ref(s) ", " o sentences() c
	if (k == 5)
		return o clause() "," c " according to " ref(s) "."
	if (k == 6)
		return ref(s) " said the plan was " o pick(phrase, nphrase) "." c " " narrative()
	if (k == 7)
		return o clause() "," c " said " ref(s) ", " pick(role, nrole) ". " o sentences() c
	if (k == 8)
		return ref(s) " spoke to reporters after the meeting. " o clause() "," c " " pronoun(s) " said."
	if (k == 9)
		return o sentences() "\n\n" o sentences() "\n\n" o clause() "," c " " ref(s) " said."
	if (k == 10)
		return ref(s) " told the " pick(paper, npaper) ":\n\n" o sentences() "\n\n" o sentences() c
	if (k == 11)
		return o "Who will pay for " pick(topic, ntopic) "?" c " asked " ref(s) "."
	if (k == 12)
		return ref(s) " called the decision " o pick(phrase, nphrase) "." c
	if (k == 13)
		return o clause() "," c " " ref(s) " told reporters. " o sentences() c
	return narrative() " " o clause() "," c " " ref(s) " added."
}

function article(i, text, np, p, s, nsp, quotes) {
	text = "date " adate[i] " " pick(place, nplace) " " pick(hnoun, nhnoun) " " pick(hevent, nhevent)
	text = text (rnd(4) == 0 ? "\n" : "\n\n")
	# one to three speakers, not necessarily different
	nsp = 1 + rnd(3)
	for (s = 1; s <= nsp; s++) {
		sp[s] = 1 + rnd(nname)
		named[sp[s]] = 0
	}
	quotes = rnd(9) != 0
	np = 2 + rnd(4)
	for (p = 1; p <= np; p++) {
		if (quotes && rnd(4) != 0)
			text = text quote_paragraph(sp[1 + rnd(nsp)])
		else
			text = text narrative_paragraph()
		text = text pick(parbreak, nparbreak)
	}
	# every article ends in a full stop, so that a header may be glued onto it
	return text narrative()
}

# what goes between two articles: mostly a blank line, sometimes white space before
# the header, a single newline, or nothing at all but spaces or tabs
function between(k) {
	k = rnd(14)
	if (k < 3)
		return pick(glue, nglue)
	if (k == 3)
		return "\n"
	if (k == 4)
		return "\n\n  "
	if (k == 5)
		return "\n\n\t"
	if (k == 6)
		return "\n \t"
	return "\n\n"
}

BEGIN {
	state = seed ? seed : 7
	if (!n)
		n = 300
	nname = split("Mayor|Dr.|Sen.|Gen.|Gov.|Prof.|Capt.|Judge|Inspector|Councillor|Mr.|Ms.|Rep.|Chief|Rev.|Minister|Sheriff|Commissioner|Director|Mrs.|Coach", title, "|")
	split("Ingrid|Tomas|Marta|Piet|Elena|Aiko|Olav|Celia|Ravi|Nadia|Bruno|Lotte|Sami|Hanna|Jonas|Farah|Dale|Yara|Emil|Greta|Tariq", first, "|")
	split("Voss|Lindqvist|Okonkwo|Hanssen|Rusk|Brandt|Renner|Marsh|Quillan|Ferrand|Kessel|Varga|Oduya|Strand|Abely|Delacroix|Morrow|Tessel|Sarkis|Holmqvist|Benhalla", last, "|")
	split("1|0|1|0|1|1|0|1|0|1|0|1|0|1|0|1|0|1|0|1|0", female, "|")
	nqsubj = split("We|The crews|Our families|The council|Nobody here|The union|Every school in the district|The harbour board|Our drivers|This town|The ferry company|I", qsubj, "|")
	nqverb = split("will not accept|cannot wait for|had asked for|could live with|will vote on|did not expect|will keep pushing for|never wanted|will pay for|must plan for", qverb, "|")
	nqobj = split("another delay|a fair deal|the new timetable|a second inquiry|the harbour plan|more nurses|a week of rain like this|the old ferry|a lower fare|the repairs", qobj, "|")
	nqtail = split("| this winter| before the spring| in this town| again| at any price|||", qtail, "|")
	nphrase = split("a betrayal of the crews|long overdue|a step in the right direction|far too slow|the worst flood in living memory|a gift to the developers|reckless|a fair compromise", phrase, "|")
	nrole = split("a former ferry captain|the head of the port union|who has led the campaign since 2029|a member of the board|who chairs the inquiry|a spokesperson for the county", role, "|")
	npaper = split("Wexmouth Courier|Evening Ledger|Lindale Post|county radio station|Harbour Gazette", paper, "|")
	nwhen = split("on Monday|on Tuesday|late on Friday|in a statement|at a news conference|in an interview", when, "|")
	nplace = split("Tarnby|Wexmouth|Lindale|Port Orrin|Haskett|Brae Falls|Kelloway|Dunmere", place, "|")
	nhnoun = split("Ferry|Council|School|Bridge|Harbour|Water|Bus|Library", hnoun, "|")
	nhevent = split("Talks Stall|Vote Delayed|Plan Approved|Strike Ends|Costs Rise|Inquiry Opens|Deal Reached|Closure Feared", hevent, "|")
	nbody = split("council|harbour board|school board|water authority|transit committee", body, "|")
	ntopic = split("the ferry timetable|the new bridge|the flood barrier|the school budget|the bus depot|rents in the old town|the night trains|the fishing quota", topic, "|")
	nwday = split("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", wday, "|")
	nordinal = split("second|third|fourth|fifth", ordinal, "|")
	nroad = split("coast road|ring road|A40|old toll bridge", road, "|")
	nmonth = split("January|March|June|September|October|December", month, "|")
	nsaint = split("Anne|Brendan|Olaf|Columba", saint, "|")
	# not by split(): the one true awk also splits at newlines
	nparbreak = 6
	parbreak[1] = parbreak[2] = parbreak[3] = "\n\n"
	parbreak[4] = "\n \n"
	parbreak[5] = "\n\n\n"
	parbreak[6] = "\n\t\n"
	nglue = split("| |  |\t", glue, "|")

	yy = 2030
	mm = 11
	dd = 25
	for (i = 1; i <= n; i++) {
		k = rnd(10)
		advance(k < 3 ? 0 : k < 5 ? 1 : k < 7 ? 2 : k < 9 ? 3 : 5)
		adate[i] = sprintf("%04d-%02d-%02d", yy, mm, dd)
		art[i] = article(i)
	}

	# the stream: a preamble with no header, then the articles
	printf "%s", "Notes from the news desk\n\n\"We regret the error in the tide tables,\" the editors said.\n\n"
	for (i = 1; i <= n; i++)
		printf "%s%s", (i > 1 ? between() : ""), art[i]
	printf "\n"

	if (dir == "")
		exit
	# the files: one to three articles each, named by the date of the first
	f = 0
	for (i = 1; i <= n; i += k) {
		k = rnd(4)
		k = k < 2 ? 1 : k
		if (i + k > n + 1)
			k = n + 1 - i
		name = sprintf("%s/%s-%03d.txt", dir, adate[i], ++f)
		text = art[i]
		for (j = i + 1; j < i + k; j++)
			text = text between() art[j]
		if (rnd(3) != 0)
			text = text "\n"
		printf "%s", text >name
		close(name)
	}
}
