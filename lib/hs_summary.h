/* hs_summary.h: count summaries (hearsay(7), kind count): counting keys within groups,
 * counting distinct values (-u), ordering, and writing them as TSV, JSON or a partial
 * summary that a later merge reads back exactly.
 *
 * A summary counts composite keys: the group fields and then the key fields of a
 * record, joined by tabs, exactly as they are written after the count. Fields never
 * hold a tab, so the composite splits back into its fields. Fields are hearsay(7)
 * fields, UTF-8 without NUL: a caller escapes other bytes first (hearsay-count does),
 * so that a key is counted as what it is written as. */
#ifndef HS_SUMMARY_H
#define HS_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hs_buf.h"
#include "hs_count.h"
#include "hs_record.h"

/* The first field of a partial summary's header line. */
#define HS_PARTIAL_MAGIC	"#hearsay-count-partial-1"

enum hs_period {
	HS_PERIOD_NONE,
	HS_PERIOD_DAY,
	HS_PERIOD_WEEK,
	HS_PERIOD_MONTH,
	HS_PERIOD_YEAR
};

/* What a summary counts: its column names and options, all that a partial's header
 * line carries. */
struct hs_summary_spec {
	size_t		 ngroups;
	size_t		 nkeys;		/* 0 with variable: any number of key fields */
	bool		 variable;	/* a merged summary without header: keys only */
	char		**names;	/* ngroups + nkeys output column names */
	char		*distinct;	/* the -u field's name, or NULL */
	enum hs_period	 period;	/* what the date group was bucketed by */
};

struct hs_summary {
	struct hs_summary_spec	 spec;
	struct hs_counter	 keys;	/* composite key -> lines, or distinct values */
	/* With -u: a key's number (4 bytes) and a value -> lines with both. */
	struct hs_counter	 pairs;
	struct hs_buf		 scratch;
};

/* Parse "day", "week", "month" or "year"; HS_PERIOD_NONE when it is none of them. */
enum hs_period	hs_period_parse(const char *);
const char	*hs_period_name(enum hs_period);
/* Write the period of a YYYY-MM-DD date to out (room for 11 bytes) and return its
 * length; 0 when s[0..n) is not a valid date, which is then kept as it is. Weeks are
 * ISO 8601 weeks, "2031-W07", of the ISO week-numbering year. */
size_t		hs_period_of(enum hs_period, const char *s, size_t n, char *out);
/* Whether s[0..n) is a period as hs_period_of writes them (a date for DAY). */
bool		hs_period_valid(enum hs_period, const char *s, size_t n);
/* The period after the one in s[0..n) (as hs_period_of writes them), written to out;
 * 0 when s is not a period of that kind. For gap filling in charts. */
size_t		hs_period_next(enum hs_period, const char *s, size_t n, char *out);

/* Copies the spec (names and all). */
void	hs_summary_init(struct hs_summary *, const struct hs_summary_spec *);
void	hs_summary_free(struct hs_summary *);
void	hs_summary_spec_free(struct hs_summary_spec *);

/* Count n more records of a composite key; whether the key is new. */
bool	hs_summary_add(struct hs_summary *, const char *key, size_t len, uint64_t n);
/* Count n more records of a composite key with one value of the distinct field;
 * whether the pair of key and value is new. */
bool	hs_summary_add_distinct(struct hs_summary *, const char *key, size_t len,
	    const char *value, size_t vlen, uint64_t n);

/* The header line of a partial of this spec, without the newline, appended to b. */
void	hs_summary_header(const struct hs_summary_spec *, struct hs_buf *b);
/* Parse a header line (without its newline) into spec; -1 when it is not one. */
int	hs_summary_parse_header(const char *line, size_t n, struct hs_summary_spec *);
/* Whether the partials of two specs merge: the same fields and options, and the same
 * names, except where one side has a placeholder ("f8": a shard that had no records
 * to learn its column names from) and the other a real name. The names of `have`
 * are completed from `other`. */
bool	hs_summary_spec_adopt(struct hs_summary_spec *have,
	    const struct hs_summary_spec *other);
/* Add one line (without its newline) of a partial or an ordinary summary; -1 when it
 * is not a line of this spec (no count first, or the wrong number of fields), -2 when
 * its count would take the key's count above UINT64_MAX. */
int	hs_summary_merge_line(struct hs_summary *, const char *line, size_t n);

/* The entries in output order: groups in byte order, most frequent first within a
 * group, ties in byte order of the key; at most top (0: all) of each group. Returns
 * an allocated array of entry numbers and sets *n. */
uint32_t *hs_summary_order(const struct hs_summary *, size_t top, size_t *n);
/* Length of the group part of entry i's composite key (without its tab). */
size_t	hs_summary_group_len(const struct hs_summary *, uint32_t i);
/* Compare two field lists as hearsay-count orders them: field by field, in byte
 * order, a shorter field first. */
int	hs_fields_cmp(const char *, size_t, const char *, size_t);

/* Write the summary, at most top lines per group, as TSV or JSON. */
void	hs_summary_write(const struct hs_summary *, struct hs_writer *, size_t top);
/* Write it as a partial summary: the header line, then the lines a merge needs. A
 * merge of summaries without header (spec.variable) is written without one. */
void	hs_summary_write_partial(const struct hs_summary *, struct hs_writer *);

#endif
