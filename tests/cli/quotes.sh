#!/bin/sh
# quotes.sh: the table-driven CLI tests of hearsay-extract-quotes (quotes.table).
. "$top_srcdir/tests/cli/lib.sh"
run_table "$top_srcdir/tests/cli/quotes.table" "$top_srcdir/tests/data/quotes"
finish
