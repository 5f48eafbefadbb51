#!/bin/sh
# man.sh: checks that every manual page in man/ passes mandoc's lint with no warning.
# Run by `make check` with top_srcdir and MANDOC set; skipped (77) without mandoc.

: "${top_srcdir:=$(dirname "$0")/../..}"

if [ -z "${MANDOC:-}" ]; then
	echo "man.sh: mandoc not found by configure: skipped"
	exit 77
fi

pass=0
fail=0
for page in "$top_srcdir"/man/*.[17]; do
	if [ ! -f "$page" ]; then
		echo "FAIL: no manual pages in $top_srcdir/man"
		fail=$((fail + 1))
		continue
	fi
	# mandoc exits non-zero on a warning, but an empty output is the real test.
	out=$("$MANDOC" -Tlint -Wwarning "$page" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
		echo "ok: ${page##*/}"
		pass=$((pass + 1))
	else
		echo "FAIL: ${page##*/} (mandoc exit $rc)"
		printf '%s\n' "$out"
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] || exit 1
exit 0
