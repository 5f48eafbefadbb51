#!/bin/sh
# hearsay.sh: the table-driven CLI tests of the front end (hearsay.table).
. "$top_srcdir/tests/cli/lib.sh"
run_table "$top_srcdir/tests/cli/hearsay.table" "$top_srcdir/tests/data/split"
finish
