#!/bin/sh
# count.sh: the table-driven CLI tests of hearsay-count (count.table).
. "$top_srcdir/tests/cli/lib.sh"
run_table "$top_srcdir/tests/cli/count.table" "$top_srcdir/tests/data/count"
finish
