#!/bin/sh
# quotes-polnear.sh: hearsay-extract-quotes against the quotations of the PolNeAR
# attributions (scripts/eval-quotes): quote F1 and speaker accuracy must stay at 0.92
# or more, on the tuning set and on the held-out one. Skipped (77) without python3 or
# without ../shared/corpus beside the checkout.
: "${top_srcdir:?}" "${top_builddir:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
passed=0 failed=0
for set in train dev; do
	flag=
	[ "$set" = dev ] && flag=--dev
	out=$(python3 "$top_srcdir/scripts/eval-quotes" $flag --min 0.92 --min-speaker 0.92 \
	    --tool "$top_builddir/hearsay-extract-quotes" 2>&1)
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
