/* hs_numex.h: the numeric expressions of English news text for hearsay-tag: dates (DATE),
 * sums of money (MONEY), percentages (PERCENT) and measured quantities (QUANTITY), each
 * with its value in one normal form, so that equal values compare equal as strings. */
#ifndef HS_NUMEX_H
#define HS_NUMEX_H

#include <stddef.h>

enum hs_numex_type { HS_NUMEX_DATE, HS_NUMEX_MONEY, HS_NUMEX_PERCENT, HS_NUMEX_QUANTITY };

/* A day of the Gregorian calendar: here, the day the article was published. */
struct hs_civil_date {
	int	year, month, day;
};

/*
 * One expression and its normal form (name):
 *
 * DATE		TIMEX3 values, ISO 8601 where ISO has a form:
 *		2021-12-21 (a day), 2021-12 (a month), 2021 (a year), 199X (a decade),
 *		19 (a century: 1900 to 1999), 2021-W51 (an ISO week), 2021-W51-WE (its
 *		weekend); a part the text leaves open and the anchor cannot give is X:
 *		XXXX-12-21, XXXX-WXX-2 (a Tuesday), XXXX. Durations: P3Y, P6M, P2W,
 *		P10D, PT5H, PT30M, PT20S (decades and centuries as years: P20Y).
 * MONEY	the amount in the currency's units, then its ISO 4217 code:
 *		"1500000000 USD", "0.5 USD" (50 cents), "3000000 GBP".
 * PERCENT	"5%", "5.5%"; percentage points as "3 pp".
 * QUANTITY	the number, then the unit's symbol: "300 mi", "2000 bbl", "20 degC"
 *		(the units are listed in hs_numex.c).
 *
 * Numbers are written in plain decimal: no exponent, no grouping, no trailing zeros
 * after a decimal point, no point without a fraction.
 */
struct hs_numex {
	size_t			start, end;	/* byte span of the expression in the text */
	enum hs_numex_type	type;
	char			name[64];	/* normalised value, NUL-terminated */
};

/* Called for each expression; a nonzero return stops the scan. */
typedef int hs_numex_fn(const struct hs_numex *, void *arg);

/* Call fn for each expression in text[0..len), in text order, spans not overlapping.
 * text: UTF-8 (may hold invalid bytes, NUL and newlines; never read outside [0,len)).
 * anchor: the article's date, or NULL when unknown (a date outside the years 1000 to
 * 9000, or not in the calendar, counts as unknown). fn returning nonzero stops the
 * scan, and that value is returned; otherwise 0. Allocates nothing. */
int		 hs_numex_scan(const char *text, size_t len, const struct hs_civil_date *anchor,
		    hs_numex_fn *fn, void *arg);
/* "DATE", "MONEY", "PERCENT", "QUANTITY"; "?" for any other value. */
const char	*hs_numex_type_name(enum hs_numex_type);

#endif
