#!/bin/sh
# split.sh: the table-driven CLI tests of hearsay-split (split.table).
. "$top_srcdir/tests/cli/lib.sh"
run_table "$top_srcdir/tests/cli/split.table" "$top_srcdir/tests/data/split"
finish
