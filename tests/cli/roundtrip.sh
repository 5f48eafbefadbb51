#!/bin/sh
# roundtrip.sh: hearsay-split's records, put back at their offsets, rebuild every
# non-blank byte of their input (roundtrip.py), on the fixtures, samples and
# random article streams.
: "${top_srcdir:?}" "${top_builddir:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
exec python3 "$top_srcdir/tests/cli/roundtrip.py" "$top_builddir/hearsay-split" \
    "$top_srcdir"/tests/data/split/*.txt "$top_srcdir"/samples/*.txt
