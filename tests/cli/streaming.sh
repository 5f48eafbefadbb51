#!/bin/sh
# streaming.sh: records come out while the input is still coming. A producer
# writes one paragraph and waits until a record of it has come out of
# hearsay-split before it writes the next; a tool that held its output until
# the end of input would leave both waiting, and the timeout fails the test.
: "${top_srcdir:?}" "${top_builddir:?}"
command -v timeout >/dev/null 2>&1 || { echo "timeout not found: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-stream.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/in" "$tmp/ack" || exit 99
export split="$top_builddir/hearsay-split" tmp

for level in sentence paragraph; do
	out=$(timeout 20 sh -c '
		{ printf "date 2030-01-01 First paragraph.\n\n"; read x <"$tmp/ack"
		  printf "Second paragraph.\n"; } >"$tmp/in" &
		"$split" -l "$1" <"$tmp/in" | {
			IFS= read -r first && printf "%s\n" "$first"; echo >"$tmp/ack"; cat; }
		wait' sh "$level" | cut -f7)
	want=$(printf 'First paragraph.\nSecond paragraph.')
	if [ "$out" = "$want" ]; then
		passed=$((${passed:-0} + 1))
	else
		failed=$((${failed:-0} + 1))
		echo "FAIL - $level: got '$out'"
	fi
done
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-0}" -eq 0 ]
