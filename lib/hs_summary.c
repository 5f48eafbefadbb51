/* hs_summary.c: count summaries; see hs_summary.h and hearsay-count(1).
 * Everything is exact: counts are 64-bit, distinct values are kept, not estimated,
 * and a partial summary carries all that its merge needs. */
#include "config.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_summary.h"

static const char *const period_names[] = { "", "day", "week", "month", "year" };

/* ---- dates and periods ------------------------------------------------------------ */

static bool
is_leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int
month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

static bool
digits(const char *s, size_t n)
{
	while (n-- > 0)
		if (s[n] < '0' || s[n] > '9')
			return false;
	return true;
}

static int
number_at(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Parse a valid "YYYY-MM-DD". */
static bool
parse_date(const char *s, size_t n, int *y, int *m, int *d)
{
	if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	*y = number_at(s, 4);
	*m = number_at(s + 5, 2);
	*d = number_at(s + 8, 2);
	return *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= month_days(*y, *m);
}

/* Days since 0001-01-01 (day 0), proleptic Gregorian. */
static long
day_number(int y, int m, int d)
{
	static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	long yy = y - 1;

	return yy * 365 + yy / 4 - yy / 100 + yy / 400 + before[m - 1] +
	    (m > 2 && is_leap(y)) + d - 1;
}

/* 1 for Monday to 7 for Sunday; 0001-01-01 was a Monday. */
static int
iso_weekday(long day)
{
	return (int)(day % 7) + 1;
}

/* The number of ISO weeks of year y: 53 when it has 53 Thursdays. */
static int
iso_weeks(int y)
{
	int jan1 = iso_weekday(day_number(y, 1, 1));

	return jan1 == 4 || (jan1 == 3 && is_leap(y)) ? 53 : 52;
}

enum hs_period
hs_period_parse(const char *s)
{
	int p;

	for (p = HS_PERIOD_DAY; p <= HS_PERIOD_YEAR; p++)
		if (strcmp(s, period_names[p]) == 0)
			return (enum hs_period)p;
	return HS_PERIOD_NONE;
}

const char *
hs_period_name(enum hs_period p)
{
	return period_names[p];
}

size_t
hs_period_of(enum hs_period p, const char *s, size_t n, char *out)
{
	long	 day, thursday;
	int	 y, m, d, wy;

	if (!parse_date(s, n, &y, &m, &d))
		return 0;
	switch (p) {
	case HS_PERIOD_NONE:
	case HS_PERIOD_DAY:
		memcpy(out, s, 10);
		out[10] = '\0';
		return 10;
	case HS_PERIOD_WEEK:
		/* A week belongs to the year that holds its Thursday. */
		day = day_number(y, m, d);
		thursday = day - iso_weekday(day) + 4;
		wy = y;
		if (thursday < day_number(y, 1, 1))
			wy = y - 1;
		else if (y < 9999 && thursday >= day_number(y + 1, 1, 1))
			wy = y + 1;
		return (size_t)snprintf(out, 11, "%04d-W%02ld", wy,
		    (thursday - day_number(wy, 1, 1)) / 7 + 1);
	case HS_PERIOD_MONTH:
		memcpy(out, s, 7);
		out[7] = '\0';
		return 7;
	case HS_PERIOD_YEAR:
		memcpy(out, s, 4);
		out[4] = '\0';
		return 4;
	}
	return 0;
}

/* Parse a period as hs_period_of writes them: its year, and its day, week or month
 * where it has one (*a, *b: month and day; week; month). */
static bool
parse_period(enum hs_period p, const char *s, size_t n, int *y, int *a, int *b)
{
	switch (p) {
	case HS_PERIOD_NONE:
	case HS_PERIOD_DAY:
		return parse_date(s, n, y, a, b);
	case HS_PERIOD_WEEK:
		if (n != 8 || s[4] != '-' || s[5] != 'W' || !digits(s, 4) ||
		    !digits(s + 6, 2))
			return false;
		*y = number_at(s, 4);
		*a = number_at(s + 6, 2);
		return *y >= 1 && *a >= 1 && *a <= iso_weeks(*y);
	case HS_PERIOD_MONTH:
		if (n != 7 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 2))
			return false;
		*y = number_at(s, 4);
		*a = number_at(s + 5, 2);
		return *y >= 1 && *a >= 1 && *a <= 12;
	case HS_PERIOD_YEAR:
		if (n != 4 || !digits(s, 4))
			return false;
		*y = number_at(s, 4);
		return *y >= 1;
	}
	return false;
}

bool
hs_period_valid(enum hs_period p, const char *s, size_t n)
{
	int y, a, b;

	return parse_period(p, s, n, &y, &a, &b);
}

size_t
hs_period_next(enum hs_period p, const char *s, size_t n, char *out)
{
	int y, a = 0, b = 0;

	if (!parse_period(p, s, n, &y, &a, &b))
		return 0;
	switch (p) {
	case HS_PERIOD_NONE:
	case HS_PERIOD_DAY:
		if (++b > month_days(y, a)) {
			b = 1;
			if (++a > 12) {
				a = 1;
				y++;
			}
		}
		return y > 9999 ? 0 : (size_t)snprintf(out, 11, "%04d-%02d-%02d", y, a, b);
	case HS_PERIOD_WEEK:
		if (++a > iso_weeks(y)) {
			a = 1;
			y++;
		}
		return y > 9999 ? 0 : (size_t)snprintf(out, 11, "%04d-W%02d", y, a);
	case HS_PERIOD_MONTH:
		if (++a > 12) {
			a = 1;
			y++;
		}
		return y > 9999 ? 0 : (size_t)snprintf(out, 11, "%04d-%02d", y, a);
	case HS_PERIOD_YEAR:
		return y >= 9999 ? 0 : (size_t)snprintf(out, 11, "%04d", y + 1);
	}
	return 0;
}

/* ---- the summary ------------------------------------------------------------------- */

static char *
xstrdup(const char *s)
{
	char *t;

	if ((t = strdup(s)) == NULL)
		err(1, NULL);
	return t;
}

void
hs_summary_init(struct hs_summary *s, const struct hs_summary_spec *spec)
{
	size_t i, n = spec->ngroups + spec->nkeys;

	memset(s, 0, sizeof(*s));
	s->spec = *spec;
	if ((s->spec.names = reallocarray(NULL, n + 1, sizeof(char *))) == NULL)
		err(1, NULL);
	for (i = 0; i < n; i++)
		s->spec.names[i] = xstrdup(spec->names[i]);
	s->spec.distinct = spec->distinct != NULL ? xstrdup(spec->distinct) : NULL;
	hs_counter_init(&s->keys);
	hs_counter_init(&s->pairs);
	hs_buf_init(&s->scratch);
}

void
hs_summary_spec_free(struct hs_summary_spec *spec)
{
	size_t i;

	if (spec->names != NULL)
		for (i = 0; i < spec->ngroups + spec->nkeys; i++)
			free(spec->names[i]);
	free(spec->names);
	free(spec->distinct);
	memset(spec, 0, sizeof(*spec));
}

void
hs_summary_free(struct hs_summary *s)
{
	hs_summary_spec_free(&s->spec);
	hs_counter_free(&s->keys);
	hs_counter_free(&s->pairs);
	hs_buf_free(&s->scratch);
}

bool
hs_summary_add(struct hs_summary *s, const char *key, size_t len, uint64_t n)
{
	bool isnew;

	hs_counter_add(&s->keys, key, len, n, &isnew);
	return isnew;
}

bool
hs_summary_add_distinct(struct hs_summary *s, const char *key, size_t len,
    const char *value, size_t vlen, uint64_t n)
{
	uint32_t	 k;
	bool		 isnew;

	k = hs_counter_add(&s->keys, key, len, 0, &isnew);
	s->scratch.len = 0;
	hs_buf_append(&s->scratch, &k, sizeof(k));
	hs_buf_append(&s->scratch, value, vlen);
	hs_counter_add(&s->pairs, s->scratch.data, s->scratch.len, n, &isnew);
	if (isnew)
		hs_counter_rec(&s->keys, k)->count++;
	return isnew;
}

/* ---- partial summaries -------------------------------------------------------------- */

static void
put_names(struct hs_buf *b, char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			hs_buf_putc(b, ',');
		hs_buf_puts(b, names[i]);
	}
}

void
hs_summary_header(const struct hs_summary_spec *spec, struct hs_buf *b)
{
	hs_buf_puts(b, HS_PARTIAL_MAGIC "\tgroup=");
	put_names(b, spec->names, spec->ngroups);
	hs_buf_puts(b, "\tkey=");
	put_names(b, spec->names + spec->ngroups, spec->nkeys);
	hs_buf_puts(b, "\tdistinct=");
	if (spec->distinct != NULL)
		hs_buf_puts(b, spec->distinct);
	hs_buf_puts(b, "\tbucket=");
	hs_buf_puts(b, period_names[spec->period]);
}

/* Whether s[0..n) may be a column name: letters, digits, '_' and '-'. */
static bool
name_ok(const char *s, size_t n)
{
	if (n == 0)
		return false;
	while (n-- > 0) {
		unsigned char c = (unsigned char)s[n];

		if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		    !(c >= '0' && c <= '9') && c != '_' && c != '-')
			return false;
	}
	return true;
}

/* Split "name=a,b,c" (after checking name=) into names appended to *names. */
static int
parse_names(const char *f, size_t n, const char *label, char ***names, size_t *nnames)
{
	size_t		 ll = strlen(label), i, start;
	char		**p;

	if (n < ll || memcmp(f, label, ll) != 0)
		return -1;
	f += ll;
	n -= ll;
	if (n == 0)
		return 0;
	for (start = 0, i = 0; i <= n; i++) {
		if (i < n && f[i] != ',')
			continue;
		if (!name_ok(f + start, i - start))
			return -1;
		if ((p = reallocarray(*names, *nnames + 2, sizeof(char *))) == NULL)
			err(1, NULL);
		*names = p;
		if ((p[*nnames] = strndup(f + start, i - start)) == NULL)
			err(1, NULL);
		(*nnames)++;
		start = i + 1;
	}
	return 0;
}

int
hs_summary_parse_header(const char *line, size_t n, struct hs_summary_spec *spec)
{
	const char	*f[5], *end = line + n, *tab;
	size_t		 len[5], ngroups = 0, nkeys = 0, i;
	char		**groups = NULL, **keys = NULL, *period;

	for (i = 0; i < 5; i++) {
		tab = memchr(line, '\t', (size_t)(end - line));
		if ((tab == NULL) != (i == 4))
			return -1;
		if (tab == NULL)
			tab = end;
		f[i] = line;
		len[i] = (size_t)(tab - line);
		line = tab + 1;
	}
	memset(spec, 0, sizeof(*spec));
	if (len[0] != strlen(HS_PARTIAL_MAGIC) || memcmp(f[0], HS_PARTIAL_MAGIC, len[0]) ||
	    len[3] < 9 || memcmp(f[3], "distinct=", 9) != 0 ||
	    len[4] < 7 || memcmp(f[4], "bucket=", 7) != 0)
		return -1;
	if (parse_names(f[1], len[1], "group=", &groups, &ngroups) == -1 ||
	    parse_names(f[2], len[2], "key=", &keys, &nkeys) == -1 || nkeys == 0)
		goto bad;
	if ((period = strndup(f[4] + 7, len[4] - 7)) == NULL)
		err(1, NULL);
	spec->period = hs_period_parse(period);
	if ((spec->period == HS_PERIOD_NONE && *period != '\0') ||
	    strlen(period) != len[4] - 7) {
		free(period);
		goto bad;
	}
	free(period);
	if (len[3] > 9 && !name_ok(f[3] + 9, len[3] - 9))
		goto bad;
	if (len[3] > 9 && (spec->distinct = strndup(f[3] + 9, len[3] - 9)) == NULL)
		err(1, NULL);
	spec->ngroups = ngroups;
	spec->nkeys = nkeys;
	if ((spec->names = reallocarray(NULL, ngroups + nkeys + 1, sizeof(char *))) == NULL)
		err(1, NULL);
	for (i = 0; i < ngroups; i++)
		spec->names[i] = groups[i];
	for (i = 0; i < nkeys; i++)
		spec->names[ngroups + i] = keys[i];
	free(groups);
	free(keys);
	return 0;
bad:
	for (i = 0; i < ngroups; i++)
		free(groups[i]);
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(groups);
	free(keys);
	return -1;
}

/* A name made without knowing the input's kind: "f8" for a field given by number.
 * A shard with no records has only such names for its numbered fields. */
static bool
placeholder(const char *name)
{
	if (*name++ != 'f' || *name == '\0')
		return false;
	while (*name >= '0' && *name <= '9')
		name++;
	return *name == '\0';
}

bool
hs_summary_spec_adopt(struct hs_summary_spec *have, const struct hs_summary_spec *other)
{
	size_t i;

	if (have->ngroups != other->ngroups || have->nkeys != other->nkeys ||
	    have->variable != other->variable || have->period != other->period ||
	    (have->distinct == NULL) != (other->distinct == NULL))
		return false;
	for (i = 0; i <= have->ngroups + have->nkeys; i++) {
		char		**mine = i < have->ngroups + have->nkeys ?
				    &have->names[i] : &have->distinct;
		const char	*theirs = i < have->ngroups + have->nkeys ?
				    other->names[i] : other->distinct;

		if (*mine == NULL || strcmp(*mine, theirs) == 0)
			continue;
		/* A placeholder stands for a column of some kind, never for another
		 * column number. */
		if (placeholder(*mine) == placeholder(theirs))
			return false;
	}
	/* Compatible: take the real names where this spec had placeholders. */
	for (i = 0; i <= have->ngroups + have->nkeys; i++) {
		char		**mine = i < have->ngroups + have->nkeys ?
				    &have->names[i] : &have->distinct;
		const char	*theirs = i < have->ngroups + have->nkeys ?
				    other->names[i] : other->distinct;

		if (*mine != NULL && placeholder(*mine) && !placeholder(theirs)) {
			free(*mine);
			if ((*mine = strdup(theirs)) == NULL)
				err(1, NULL);
		}
	}
	return true;
}

static size_t
count_tabs(const char *s, size_t n)
{
	const char	*end = s + n;
	size_t		 k = 0;

	while ((s = memchr(s, '\t', (size_t)(end - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

static bool
would_overflow(const struct hs_counter *c, const char *key, size_t len, uint64_t n)
{
	uint32_t i = hs_counter_find(c, key, len);

	return i != UINT32_MAX && hs_counter_count(c, i) > UINT64_MAX - n;
}

static bool
would_overflow_pair(struct hs_summary *s, const char *key, size_t len,
    const char *value, size_t vlen, uint64_t n)
{
	uint32_t k = hs_counter_find(&s->keys, key, len);

	if (k == UINT32_MAX)
		return false;
	s->scratch.len = 0;
	hs_buf_append(&s->scratch, &k, sizeof(k));
	hs_buf_append(&s->scratch, value, vlen);
	return would_overflow(&s->pairs, s->scratch.data, s->scratch.len, n);
}

int
hs_summary_merge_line(struct hs_summary *s, const char *line, size_t n)
{
	const char	*tab, *value;
	uint64_t	 count = 0;
	size_t		 i, nfields;

	if ((tab = memchr(line, '\t', n)) == NULL || tab == line || tab - line > 20)
		return -1;
	for (i = 0; line + i < tab; i++) {
		unsigned d = (unsigned char)line[i] - '0';

		if (d > 9 || count > (UINT64_MAX - d) / 10)
			return -1;
		count = count * 10 + d;
	}
	line = tab + 1;
	n -= i + 1;
	if (s->spec.variable) {
		if (would_overflow(&s->keys, line, n, count))
			return -2;
		hs_summary_add(s, line, n, count);
		return 0;
	}
	nfields = s->spec.ngroups + s->spec.nkeys + (s->spec.distinct != NULL);
	if (count_tabs(line, n) != nfields - 1)
		return -1;
	if (s->spec.distinct == NULL) {
		if (would_overflow(&s->keys, line, n, count))
			return -2;
		hs_summary_add(s, line, n, count);
		return 0;
	}
	value = memrchr(line, '\t', n);
	if (would_overflow_pair(s, line, (size_t)(value - line), value + 1,
	    n - (size_t)(value - line) - 1, count))
		return -2;
	hs_summary_add_distinct(s, line, (size_t)(value - line), value + 1,
	    n - (size_t)(value - line) - 1, count);
	return 0;
}

/* ---- order ---------------------------------------------------------------------------- */

int
hs_fields_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	 n = alen < blen ? alen : blen, i;
	int	 ca, cb;

	for (i = 0; i < n; i++)
		if (a[i] != b[i]) {
			/* A field that ends comes before any longer one. */
			ca = a[i] == '\t' ? -1 : (unsigned char)a[i];
			cb = b[i] == '\t' ? -1 : (unsigned char)b[i];
			return ca < cb ? -1 : 1;
		}
	return alen < blen ? -1 : alen > blen;
}

size_t
hs_summary_group_len(const struct hs_summary *s, uint32_t i)
{
	const char	*k = hs_counter_key(&s->keys, i), *p = k;
	size_t		 len = hs_counter_len(&s->keys, i), g;

	if (s->spec.ngroups == 0)
		return 0;
	for (g = 0; g < s->spec.ngroups; g++) {
		p = memchr(p, '\t', len - (size_t)(p - k));
		if (p == NULL)
			return len;
		p++;
	}
	return (size_t)(p - k) - 1;
}

/* qsort has no argument for its comparison; the order is made by one thread. What a
 * comparison needs first is copied into dense arrays: the counts, and the first 8
 * bytes of the group and of the key as big-endian numbers with a tab as 0, an image
 * that keeps hs_fields_cmp's order. Most comparisons end there, without reading the
 * records of a large table; equal prefixes fall back to the fields themselves. */
static const struct hs_summary	*order_summary;
static const uint32_t		*order_glen;
static const uint64_t		*order_count;
static const uint64_t		*order_gprefix;
static const uint64_t		*order_kprefix;

static uint64_t
order_prefix(const char *s, size_t n)
{
	uint64_t	 v = 0;
	size_t		 i;

	for (i = 0; i < 8; i++) {
		unsigned char c = i < n ? (unsigned char)s[i] : 0;

		v = v << 8 | (c == '\t' ? 0 : c);
	}
	return v;
}

static int
order_cmp(const void *pa, const void *pb)
{
	const struct hs_counter	*c = &order_summary->keys;
	uint32_t		 a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const char		*ka, *kb;
	size_t			 ga = 0, gb = 0;
	int			 r;

	if (order_glen != NULL) {
		if (order_gprefix[a] != order_gprefix[b])
			return order_gprefix[a] < order_gprefix[b] ? -1 : 1;
		ka = hs_counter_key(c, a);
		kb = hs_counter_key(c, b);
		if ((r = hs_fields_cmp(ka, order_glen[a], kb, order_glen[b])) != 0)
			return r;
		ga = order_glen[a] + 1;
		gb = order_glen[b] + 1;
	}
	if (order_count[a] != order_count[b])
		return order_count[a] > order_count[b] ? -1 : 1;
	if (order_kprefix[a] != order_kprefix[b])
		return order_kprefix[a] < order_kprefix[b] ? -1 : 1;
	ka = hs_counter_key(c, a);
	kb = hs_counter_key(c, b);
	return hs_fields_cmp(ka + ga, hs_counter_len(c, a) - ga, kb + gb,
	    hs_counter_len(c, b) - gb);
}

uint32_t *
hs_summary_order(const struct hs_summary *s, size_t top, size_t *n)
{
	const struct hs_counter	*c = &s->keys;
	size_t			 total = hs_counter_size(c), i, kept, ingroup, g, len;
	uint32_t		*order, *glen = NULL, prev = 0;
	uint64_t		*count, *kprefix, *gprefix = NULL;
	const char		*k;

	if ((order = reallocarray(NULL, total + 1, sizeof(*order))) == NULL ||
	    (count = reallocarray(NULL, total + 1, sizeof(*count))) == NULL ||
	    (kprefix = reallocarray(NULL, total + 1, sizeof(*kprefix))) == NULL)
		err(1, NULL);
	if (s->spec.ngroups > 0 &&
	    ((glen = reallocarray(NULL, total + 1, sizeof(*glen))) == NULL ||
	    (gprefix = reallocarray(NULL, total + 1, sizeof(*gprefix))) == NULL))
		err(1, NULL);
	for (i = 0; i < total; i++) {
		order[i] = (uint32_t)i;
		count[i] = hs_counter_count(c, (uint32_t)i);
		k = hs_counter_key(c, (uint32_t)i);
		len = hs_counter_len(c, (uint32_t)i);
		g = 0;
		if (glen != NULL) {
			g = hs_summary_group_len(s, (uint32_t)i);
			glen[i] = (uint32_t)g;
			gprefix[i] = order_prefix(k, g);
			g = g < len ? g + 1 : len;
		}
		kprefix[i] = order_prefix(k + g, len - g);
	}
	order_summary = s;
	order_glen = glen;
	order_count = count;
	order_gprefix = gprefix;
	order_kprefix = kprefix;
	qsort(order, total, sizeof(*order), order_cmp);
	order_summary = NULL;
	order_glen = NULL;
	order_count = order_gprefix = order_kprefix = NULL;

	for (kept = 0, ingroup = 0, i = 0; i < total; i++) {
		uint32_t cur = order[i];

		if (i > 0 && glen != NULL && (glen[cur] != glen[prev] ||
		    memcmp(hs_counter_key(c, cur), hs_counter_key(c, prev), glen[cur]) != 0))
			ingroup = 0;
		if (top == 0 || ingroup++ < top)
			order[kept++] = cur;
		prev = cur;
	}
	free(glen);
	free(count);
	free(gprefix);
	free(kprefix);
	*n = kept;
	return order;
}

/* ---- output ----------------------------------------------------------------------- */

/* A field named date, speaker or cue whose value "-" means "none" is null in JSON. */
static bool
optional_name(const char *name)
{
	return strcmp(name, "date") == 0 || strcmp(name, "speaker") == 0 ||
	    strcmp(name, "cue") == 0;
}

/* The columns of hearsay(7) that hold numbers, which JSON writes as numbers. */
static bool
numeric_name(const char *name)
{
	return strcmp(name, "par") == 0 || strcmp(name, "sent") == 0 ||
	    strcmp(name, "start") == 0 || strcmp(name, "end") == 0;
}

static void
put_json_number(struct hs_writer *w, const char *name, const char *s, size_t n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v * 10 + (uint64_t)(*s++ - '0');
	hs_writer_uint(w, name, v);
}

/* The fields of a composite key (and value), named for JSON. */
static void
write_fields(struct hs_writer *w, const struct hs_summary_spec *spec, const char *k,
    size_t len)
{
	const char	*end = k + len, *tab;
	size_t		 i;
	char		 fallback[32];
	const char	*name;

	for (i = 0;; i++) {
		if ((tab = memchr(k, '\t', (size_t)(end - k))) == NULL)
			tab = end;
		if (i < spec->ngroups + spec->nkeys)
			name = spec->names[i];
		else {
			snprintf(fallback, sizeof(fallback), "f%zu", i + 2);
			name = fallback;
		}
		if (w->format == HS_FORMAT_JSON && tab - k == 1 && *k == '-' &&
		    optional_name(name))
			hs_writer_optstr(w, name, "-");
		else if (w->format == HS_FORMAT_JSON && numeric_name(name) &&
		    tab - k > 0 && tab - k <= 19 && digits(k, (size_t)(tab - k)))
			put_json_number(w, name, k, (size_t)(tab - k));
		else
			hs_writer_escaped(w, name, k, (size_t)(tab - k));
		if (tab == end)
			break;
		k = tab + 1;
	}
}

void
hs_summary_write(const struct hs_summary *s, struct hs_writer *w, size_t top)
{
	uint32_t	*order;
	size_t		 n, i;

	order = hs_summary_order(s, top, &n);
	for (i = 0; i < n; i++) {
		const struct hs_count_rec *e = hs_counter_rec(&s->keys, order[i]);

		hs_writer_begin(w);
		hs_writer_uint(w, "count", e->count);
		/* In TSV the composite key is the rest of the line as it stands. */
		if (w->format == HS_FORMAT_TSV)
			hs_writer_escaped(w, NULL, hs_counter_key(&s->keys, order[i]),
			    e->len);
		else
			write_fields(w, &s->spec, hs_counter_key(&s->keys, order[i]),
			    e->len);
		hs_writer_end(w);
	}
	free(order);
}

/* qsort's comparison for the pairs of -u: by key, then by value. */
static const struct hs_summary *pair_summary;

static int
pair_cmp(const void *pa, const void *pb)
{
	const struct hs_counter	*p = &pair_summary->pairs, *c = &pair_summary->keys;
	uint32_t		 a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	uint32_t		 ka, kb;
	int			 r;

	memcpy(&ka, hs_counter_key(p, a), sizeof(ka));
	memcpy(&kb, hs_counter_key(p, b), sizeof(kb));
	if (ka != kb && (r = hs_fields_cmp(hs_counter_key(c, ka), hs_counter_len(c, ka),
	    hs_counter_key(c, kb), hs_counter_len(c, kb))) != 0)
		return r;
	return hs_fields_cmp(hs_counter_key(p, a) + sizeof(ka), hs_counter_len(p, a) -
	    sizeof(ka), hs_counter_key(p, b) + sizeof(kb), hs_counter_len(p, b) - sizeof(kb));
}

void
hs_summary_write_partial(const struct hs_summary *s, struct hs_writer *w)
{
	const struct hs_counter	*p = &s->pairs, *c = &s->keys;
	uint32_t		*order, k;
	size_t			 n, i;

	/* A merge of summaries without header gives one without header again. */
	if (!s->spec.variable) {
		hs_summary_header(&s->spec, &w->buf);
		hs_buf_putc(&w->buf, '\n');
	}
	if (s->spec.distinct == NULL) {
		hs_summary_write(s, w, 0);
		return;
	}
	n = hs_counter_size(p);
	if ((order = reallocarray(NULL, n + 1, sizeof(*order))) == NULL)
		err(1, NULL);
	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	pair_summary = s;
	qsort(order, n, sizeof(*order), pair_cmp);
	pair_summary = NULL;
	for (i = 0; i < n; i++) {
		const char *pk = hs_counter_key(p, order[i]);

		memcpy(&k, pk, sizeof(k));
		hs_writer_begin(w);
		hs_writer_uint(w, "count", hs_counter_count(p, order[i]));
		hs_writer_escaped(w, "key", hs_counter_key(c, k), hs_counter_len(c, k));
		hs_writer_escaped(w, "value", pk + sizeof(k), hs_counter_len(p, order[i]) -
		    sizeof(k));
		hs_writer_end(w);
	}
	free(order);
}
