# scorer.sh: sourced by the CLI tests that hold a tool to its accuracy on the corpus
# beside the checkout. score_sets SCRIPT ARGS... runs scripts/SCRIPT on the tuning set
# and on the held-out one (--dev), each run failing the test when the scorer exits
# non-zero, and ends the test; a scorer's 77 (no corpus) skips it.
: "${top_srcdir:?}" "${top_builddir:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }

score_sets() {
	script=$1
	shift
	passed=0 failed=0
	for flag in "" --dev; do
		out=$(python3 "$top_srcdir/scripts/$script" $flag "$@" 2>&1)
		status=$?
		printf '%s\n' "$out"
		if [ "$status" -eq 77 ]; then
			echo "0 passed, 0 failed (skipped: no corpus)"
			exit 77
		fi
		if [ "$status" -eq 0 ]; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	done
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
