#!/bin/sh
# shards.sh: a corpus counted in shards with GNU parallel, each shard's quotes counted
# with hearsay-count -p and the partials merged with -m in whatever order they come,
# gives the same summary, byte for byte, as one process. The shards are cut two ways:
# hearsay-split --part K/N over one stream, and lists of whole files (parallel -X).
# The corpus is made by tests/data/shards/articles.awk. Skipped without GNU parallel.
. "${top_srcdir:?}/tests/cli/lib.sh"

gen=$top_srcdir/tests/data/shards/articles.awk
stream=$scratch/stream.txt
filedir=$scratch/files
mkdir "$filedir" "$scratch/parallel" "$scratch/parts" || exit 99
LC_ALL=C awk -v dir="$filedir" -f "$gen" >"$stream" || exit 99

if ! parallel --version </dev/null 2>/dev/null | grep -q '^GNU parallel'; then
	echo "shards.sh: skipped: GNU parallel is not installed" >&2
	exit 77
fi
# parallel keeps its settings and its citation notice here, never in $HOME
PARALLEL_HOME=$scratch/parallel
export PARALLEL_HOME scratch stream

# Each case collects what went wrong in $why and ends with one verdict.
# problem TEXT: note one thing that went wrong
problem() {
	why="${why:+$why; }$1"
}

# verdict NAME: ok, or FAIL with the reasons, and a diff of the summaries if they differ
verdict() {
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok - $1"
		return
	fi
	failed=$((failed + 1))
	echo "FAIL - $1: $why"
	[ -s "$scratch/err" ] && sed 's/^/  stderr: /' "$scratch/err" | head -10
	[ -f "$scratch/sharded" ] && ! cmp -s "$scratch/whole" "$scratch/sharded" &&
		diff -u "$scratch/whole" "$scratch/sharded" | head -40 | sed 's/^/  /'
}

# compare N: the merged shards must be the one-process summary, every run silent on
# stderr, and none of the partials (at least N) in $scratch/parts the whole on its own (which a
# merge that kept only one shard would get away with)
compare() {
	[ -s "$scratch/whole" ] || problem "one process counted nothing"
	cmp -s "$scratch/whole" "$scratch/sharded" ||
		problem "the merged shards differ from one process"
	[ -s "$scratch/err" ] && problem "messages on stderr"
	jobs=0
	for p in "$scratch/parts"/*; do
		[ -f "$p" ] || continue
		jobs=$((jobs + 1))
		if [ "$(wc -l <"$p")" -lt 2 ]; then
			problem "partial ${p##*/} counts nothing"
		elif hearsay-count -m "$p" 2>/dev/null | cmp -s - "$scratch/whole"; then
			problem "partial ${p##*/} alone is already the whole"
		fi
	done
	[ "$jobs" -ge "$1" ] || problem "$jobs partials, want $1 or more"
}

# --- the corpus is what the test needs ---------------------------------------------
why=
hearsay-extract-quotes "$stream" >"$scratch/quotes" 2>"$scratch/err" ||
	problem "hearsay-extract-quotes exits $?"
hearsay-count -f speaker "$scratch/quotes" >"$scratch/speakers" 2>>"$scratch/err" ||
	problem "hearsay-count exits $?"
[ -s "$scratch/err" ] && problem "messages on stderr"
headers=$(grep -o 'date 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "$stream" | wc -l)
articles=$(hearsay-split -l article "$stream" | wc -l)
quotes=$(wc -l <"$scratch/quotes")
speakers=$(awk -F '\t' '$2 != "-"' "$scratch/speakers" | wc -l)
# quotes dated in the last days of 2030 and of 2031, in weeks 2031-W01 and 2032-W01
late2030=$(cut -f2 "$scratch/quotes" | grep -c '^2030-12-3[01]$')
late2031=$(cut -f2 "$scratch/quotes" | grep -c -e '^2031-12-29$' -e '^2031-12-3[01]$')
nfiles=0
unended=0
for f in "$filedir"/*.txt; do
	nfiles=$((nfiles + 1))
	[ -z "$(tail -c 1 "$f")" ] || unended=$((unended + 1))
done
echo "# $articles articles, $quotes quotes, $speakers speakers;" \
    "$late2030 and $late2031 quotes in weeks of the next year"
echo "# $nfiles files, $unended without a final newline"
# every header was found, glued and indented ones too; one more for the preamble
[ "$headers" -ge 240 ] && [ "$articles" -eq $((headers + 1)) ] ||
	problem "$headers headers but $articles articles"
[ "$quotes" -gt 300 ] || problem "only $quotes quotes"
[ "$speakers" -ge 15 ] || problem "only $speakers speakers"
[ "$late2030" -gt 0 ] && [ "$late2031" -gt 0 ] ||
	problem "no quotes in a week that wraps into 2031 and into 2032"
[ "$unended" -gt 0 ] && [ "$unended" -lt "$nfiles" ] ||
	problem "$unended of $nfiles files without a final newline"
rm -f "$scratch/sharded"
verdict corpus

# --- hearsay-split --part K/N, N processes -----------------------------------------
# part N NAME ARGS...: the recipe of hearsay-count(1), each partial also kept in
# $scratch/parts/K
part() {
	n=$1 name=$2
	shift 2
	args=$*
	why=
	rm -f "$scratch/parts"/*
	{ hearsay-extract-quotes "$stream" | hearsay-count $args; } >"$scratch/whole" \
	    2>"$scratch/err"
	{ parallel --will-cite -j2 "hearsay-split --part {}/$n \"\$stream\" |
	    hearsay-extract-quotes | hearsay-count -p $args | tee \"\$scratch/parts/{}\"" \
	    ::: $(seq 1 "$n") | hearsay-count -m; } >"$scratch/sharded" 2>>"$scratch/err" ||
		problem "hearsay-count -m exits $?"
	compare "$n"
	verdict "$name"
}

for n in 4 7; do
	part "$n" "part-$n-speaker" -f speaker
	part "$n" "part-$n-distinct-doc" -u doc -f speaker
	part "$n" "part-$n-week" -g date -b week -f speaker
done

# --- lists of whole files ----------------------------------------------------------
# files NAME JOBS PARALLEL-OPTIONS ARGS...: each job takes a share of the files, as
# parallel -X hands them out (with -j2 alone, half of them), and at least JOBS jobs run
files() {
	name=$1 jobs=$2 opts=$3
	shift 3
	args=$*
	why=
	rm -f "$scratch/parts"/*
	{ hearsay-extract-quotes "$filedir"/*.txt | hearsay-count $args; } >"$scratch/whole" \
	    2>"$scratch/err"
	{ find "$filedir" -name '*.txt' | sort | parallel --will-cite -X $opts \
	    "hearsay-extract-quotes {} | hearsay-count -p $args |
	    tee \"\$(mktemp \"\$scratch/parts/XXXXXX\")\"" | hearsay-count -m; } \
	    >"$scratch/sharded" 2>>"$scratch/err" || problem "hearsay-count -m exits $?"
	compare "$jobs"
	verdict "$name"
}

files files-speaker 2 -j2 -f speaker
files files-distinct-doc 2 -j2 -u doc -f speaker
files files-by-25-distinct-doc $((nfiles / 25)) "-j2 -n 25" -u doc -f speaker

finish
