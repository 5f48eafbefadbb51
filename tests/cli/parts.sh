#!/bin/sh
# parts.sh: hearsay-split --part K/N for every K, concatenated, equals one whole run
# byte for byte, for N from 1 to 9, at every level, over the samples and fixtures
# together (so the cuts fall inside files, between them and on empty files).
: "${top_srcdir:?}" "${top_builddir:?}"
split=$top_builddir/hearsay-split
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-parts.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

set -- "$top_srcdir"/samples/*.txt "$top_srcdir"/tests/data/split/*.txt
for level in sentence paragraph article; do
	# the fixtures hold bad bytes on purpose: exit status 1 is expected
	"$split" -l "$level" "$@" >"$tmp/whole" 2>/dev/null
	[ $? -le 1 ] || { echo "FAIL - $level: the whole run failed"; failed=$((failed + 1)); }
	n=1
	while [ "$n" -le 9 ]; do
		: >"$tmp/parts"
		k=1
		while [ "$k" -le "$n" ]; do
			"$split" -l "$level" --part "$k/$n" "$@" >>"$tmp/parts" 2>/dev/null
			[ $? -le 1 ] || echo "part $k/$n failed" >>"$tmp/parts"
			k=$((k + 1))
		done
		if cmp -s "$tmp/whole" "$tmp/parts"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL - $level in $n parts differs from the whole run"
			diff "$tmp/whole" "$tmp/parts" | head -10
		fi
		n=$((n + 1))
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
