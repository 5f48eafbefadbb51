#!/bin/sh
# tag.sh: the table-driven CLI tests of hearsay-tag (tag.table).
. "$top_srcdir/tests/cli/lib.sh"
run_table "$top_srcdir/tests/cli/tag.table" "$top_srcdir/tests/data/tag"
finish
