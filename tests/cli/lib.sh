# lib.sh: the table-driven test harness of the CLI tests. A table has one case a line,
#   NAME  STATUS  COMMAND...
# COMMAND runs under sh in the table's data directory with the built tools first in
# PATH, standard input from NAME.in when that file exists (else /dev/null), and must
# write exactly NAME.out to stdout and NAME.err to stderr (a missing file means
# nothing) and exit with STATUS. UPDATE=1 rewrites the expected files instead, for
# review with git diff. Blank lines and lines starting with # are skipped.

: "${top_srcdir:?}" "${top_builddir:?}"
PATH="$top_builddir:$PATH"
export PATH LC_ALL=C.UTF-8

passed=0
failed=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-test.XXXXXX") || exit 99
trap 'rm -rf "$scratch"' EXIT

# run_table TABLE DATADIR
run_table() {
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		name=${line%%[ 	]*}
		rest=${line#"$name"}
		rest=${rest#"${rest%%[! 	]*}"}
		want_status=${rest%%[ 	]*}
		cmd=${rest#"$want_status"}
		cmd=${cmd#"${cmd%%[! 	]*}"}
		run_case "$2" "$name" "$want_status" "$cmd"
	done <"$1"
}

run_case() {
	dir=$1 name=$2 want_status=$3 cmd=$4
	input=/dev/null
	[ -f "$dir/$name.in" ] && input="$dir/$name.in"
	status=0
	(cd "$dir" && sh -c "$cmd") <"$input" >"$scratch/out" 2>"$scratch/err" || status=$?
	if [ -n "${UPDATE:-}" ]; then
		update_expected "$dir/$name.out" "$scratch/out"
		update_expected "$dir/$name.err" "$scratch/err"
		[ "$status" = "$want_status" ] ||
			echo "note: $name exits $status, the table says $want_status"
		return
	fi
	why=
	: >"$scratch/diff"
	[ "$status" = "$want_status" ] || why="exit status $status, want $want_status"
	compare "$dir/$name.out" "$scratch/out" stdout || why="${why:+$why; }stdout differs"
	compare "$dir/$name.err" "$scratch/err" stderr || why="${why:+$why; }stderr differs"
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok - $name"
	else
		failed=$((failed + 1))
		echo "FAIL - $name: $why"
		echo "  command: $cmd"
		[ -s "$scratch/diff" ] && sed 's/^/  /' "$scratch/diff" | head -40
	fi
}

# compare EXPECTED ACTUAL LABEL: an absent expected file means empty output.
compare() {
	if [ -f "$1" ]; then
		diff -u "$1" "$2" >"$scratch/diff.one" && return 0
	else
		[ -s "$2" ] || return 0
		diff -u /dev/null "$2" >"$scratch/diff.one"
	fi
	{ echo "$3:"; cat "$scratch/diff.one"; } >>"$scratch/diff"
	return 1
}

update_expected() {
	if [ -s "$2" ]; then
		cp "$2" "$1"
	else
		rm -f "$1"
	fi
}

# finish: the summary line, and the exit status of the test script.
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
