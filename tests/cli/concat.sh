#!/bin/sh
# concat.sh: `cat FILES | hearsay-split` and `hearsay-split FILES` give the same
# sentences (paragraph and sentence numbers and text; ids and offsets differ, being
# per stream and per file), at every level, over the samples and the specimen-like
# fixtures whose articles end in sentence punctuation.
: "${top_srcdir:?}" "${top_builddir:?}"
split=$top_builddir/hearsay-split
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-concat.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
d=$top_srcdir/tests/data/split

set -- "$top_srcdir"/samples/*.txt "$d/specimen.txt" "$d/glued-a.txt" "$d/glued-b.txt" \
    "$d/segment.txt" "$d/crlf-bom.txt"
for level in sentence paragraph article; do
	"$split" -l "$level" "$@" | cut -f2,3,4,7 >"$tmp/files"
	cat "$@" | "$split" -l "$level" | cut -f2,3,4,7 >"$tmp/stream"
	if [ -s "$tmp/files" ] && cmp -s "$tmp/files" "$tmp/stream"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL - $level: the stream's records differ from the files'"
		diff "$tmp/files" "$tmp/stream" | head -10
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
