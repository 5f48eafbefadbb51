#!/bin/sh
# sentence-boundaries.sh: hearsay-split's sentence boundaries inside paragraphs
# against the hand-marked gold of tests/eval (scripts/eval-sentences): F1 must stay
# at 0.99 or more. Skipped (77) without ../shared/corpus beside the checkout.
: "${top_srcdir:?}" "${top_builddir:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
out=$(python3 "$top_srcdir/scripts/eval-sentences" --split "$top_builddir/hearsay-split")
status=$?
printf '%s\n' "$out"
[ "$status" -eq 77 ] && { echo "0 passed, 0 failed (skipped: no corpus)"; exit 77; }
[ "$status" -eq 0 ] || { echo "0 passed, 1 failed"; exit 1; }
f1=$(printf '%s\n' "$out" | sed -n 's/^boundaries: .* f1 \([0-9.]*\)$/\1/p')
if [ -n "$f1" ] && awk -v f="$f1" 'BEGIN { exit !(f >= 0.99) }'; then
	echo "1 passed, 0 failed"
else
	echo "boundary F1 '$f1' is below 0.99"
	echo "0 passed, 1 failed"
	exit 1
fi
