#!/bin/sh
# quotes-polnear.sh: hearsay-extract-quotes against the quotations of the PolNeAR
# attributions (scripts/eval-quotes): quote F1 and speaker accuracy must stay at 0.92
# or more, on the tuning set and on the held-out one. Skipped (77) without python3 or
# without ../shared/corpus beside the checkout.
. "$top_srcdir/tests/cli/scorer.sh"
score_sets eval-quotes --min 0.92 --min-speaker 0.92 \
    --tool "$top_builddir/hearsay-extract-quotes"
