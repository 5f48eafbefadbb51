/* hs_chart.h: a count summary drawn in the terminal (hearsay-count --chart): a
 * horizontal bar for each key, or, when the summary is grouped by date alone, one
 * sparkline for each key over time. */
#ifndef HS_CHART_H
#define HS_CHART_H

#include <stddef.h>

#include "hs_record.h"
#include "hs_summary.h"

/* The width charts are drawn to: $COLUMNS when it is a positive number, else the
 * width of the terminal on standard output, else 80. */
size_t	hs_chart_width(void);
/* Draw the summary, at most top keys per group (bars) or in all (sparklines; 0: all),
 * width columns wide, into the writer's buffer. */
void	hs_chart_write(const struct hs_summary *, struct hs_writer *, size_t top,
	    size_t width);

#endif
