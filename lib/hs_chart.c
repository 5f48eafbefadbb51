/* hs_chart.c: charts of count summaries; see hs_chart.h and hearsay-count(1).
 * Widths are counted in code points: right for the Latin, Greek and Cyrillic names
 * of news text, too narrow for wide (East Asian) characters. */
#include <sys/ioctl.h>

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_chart.h"

#define MIN_WIDTH	20
#define LABEL_SHARE	40	/* percent of the width a label may take */

/* U+2588 FULL BLOCK; U+2589..U+258F are seven to one eighths of it. */
static const char *const eighths[8] = {
	"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"
};
#define FULL_BLOCK	"\u2588"
/* U+2581..U+2588: a sparkline's eight levels. */
static const char *const levels[9] = {
	" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"
};

size_t
hs_chart_width(void)
{
	const char	*s = getenv("COLUMNS"), *errstr;
	struct winsize	 ws;
	long long	 v;

	if (s != NULL && *s != '\0') {
		v = strtonum(s, 1, 100000, &errstr);
		if (errstr == NULL)
			return (size_t)v;
	}
	/* Shells keep COLUMNS to themselves unless told to export it. */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Code points in s[0..n). */
static size_t
text_width(const char *s, size_t n)
{
	size_t w = 0;

	while (n-- > 0)
		w += ((unsigned char)*s++ & 0xC0) != 0x80;
	return w;
}

/* The bytes of s[0..n) that make its first w code points. */
static size_t
prefix_bytes(const char *s, size_t n, size_t w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && w-- == 0)
			break;
	return i;
}

/* A key's label: its fields with spaces between them, in b. */
static void
make_label(struct hs_buf *b, const char *k, size_t n)
{
	size_t i;

	b->len = 0;
	hs_buf_append(b, k, n);
	for (i = 0; i < b->len; i++)
		if (b->data[i] == '\t')
			b->data[i] = ' ';
}

/* Append label, cut to width code points with an ellipsis, then padded to width. */
static void
put_label(struct hs_buf *out, const char *s, size_t n, size_t width)
{
	size_t w = text_width(s, n);

	if (w > width) {
		hs_buf_append(out, s, prefix_bytes(s, n, width - 1));
		hs_buf_puts(out, "\u2026");
		return;
	}
	hs_buf_append(out, s, n);
	while (w++ < width)
		hs_buf_putc(out, ' ');
}

static size_t
digits_of(uint64_t v)
{
	size_t d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

static void
flush_some(struct hs_writer *w)
{
	if (w->buf.len >= (1 << 16) && hs_writer_flush(w) == -1)
		hs_writer_fail();
}

/* The label column: as wide as the widest label, within its share of the width. */
static size_t
label_width(const struct hs_summary *s, const uint32_t *order, size_t n, size_t gskip,
    size_t width)
{
	size_t i, w, most = 1, limit = width * LABEL_SHARE / 100;

	for (i = 0; i < n; i++) {
		const struct hs_count_rec *e = hs_counter_rec(&s->keys, order[i]);
		size_t g = gskip ? hs_summary_group_len(s, order[i]) + 1 : 0;

		if (g > e->len)
			g = e->len;
		w = text_width(hs_counter_key(&s->keys, order[i]) + g, e->len - g);
		if (w > most)
			most = w;
	}
	return most < limit ? most : limit > 1 ? limit : 1;
}

static void
write_bars(const struct hs_summary *s, struct hs_writer *w, size_t top, size_t width)
{
	struct hs_buf	 label;
	uint32_t	*order;
	uint64_t	 most = 0;
	size_t		 n, i, lw, cw, room, glen = 0, prevglen = 0, g;
	const char	*k, *prev = NULL;

	order = hs_summary_order(s, top, &n);
	for (i = 0; i < n; i++)
		if (hs_counter_count(&s->keys, order[i]) > most)
			most = hs_counter_count(&s->keys, order[i]);
	lw = label_width(s, order, n, s->spec.ngroups, width);
	cw = digits_of(most);
	room = width > lw + cw + 4 + 10 ? width - lw - cw - 4 : 10;
	hs_buf_init(&label);
	for (i = 0; i < n; i++) {
		const struct hs_count_rec *e = hs_counter_rec(&s->keys, order[i]);
		unsigned long long len8;

		k = hs_counter_key(&s->keys, order[i]);
		g = 0;
		if (s->spec.ngroups > 0) {
			glen = hs_summary_group_len(s, order[i]);
			if (prev == NULL || glen != prevglen || memcmp(k, prev, glen) != 0) {
				if (prev != NULL)
					hs_buf_putc(&w->buf, '\n');
				make_label(&label, k, glen);
				hs_buf_append(&w->buf, label.data, label.len);
				hs_buf_putc(&w->buf, '\n');
			}
			prev = k;
			prevglen = glen;
			g = glen < e->len ? glen + 1 : e->len;
		}
		make_label(&label, k + g, e->len - g);
		put_label(&w->buf, label.data, label.len, lw);
		{
			char num[32];

			snprintf(num, sizeof(num), "  %*llu", (int)cw,
			    (unsigned long long)e->count);
			hs_buf_puts(&w->buf, num);
		}
		/* Eighths of a column, rounded; a count above zero shows at least one. */
		len8 = most == 0 ? 0 :
		    (unsigned long long)((long double)e->count * room * 8 / most + 0.5L);
		if (len8 == 0 && e->count > 0)
			len8 = 1;
		if (len8 > room * 8)
			len8 = room * 8;
		if (len8 > 0)
			hs_buf_puts(&w->buf, "  ");
		while (len8 >= 8) {
			hs_buf_puts(&w->buf, FULL_BLOCK);
			len8 -= 8;
		}
		hs_buf_puts(&w->buf, eighths[len8]);
		hs_buf_putc(&w->buf, '\n');
		flush_some(w);
	}
	hs_buf_free(&label);
	free(order);
}

/* ---- sparklines ------------------------------------------------------------------- */

struct spark {
	const struct hs_summary	*s;
	struct hs_counter	 periods;	/* a period -> its number */
	size_t			*pos;		/* period number -> place in the series */
	size_t			 nseries;	/* periods from the first to the last */
	char			*first, *last;
	struct hs_counter	 keys;		/* a key part -> its total */
};

static const struct spark *spark_sort;

static int
period_cmp(const void *a, const void *b)
{
	const struct hs_counter *c = &spark_sort->periods;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return hs_fields_cmp(hs_counter_key(c, x), hs_counter_len(c, x),
	    hs_counter_key(c, y), hs_counter_len(c, y));
}

static int
key_cmp(const void *a, const void *b)
{
	const struct hs_counter *c = &spark_sort->keys;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (hs_counter_count(c, x) != hs_counter_count(c, y))
		return hs_counter_count(c, x) > hs_counter_count(c, y) ? -1 : 1;
	return hs_fields_cmp(hs_counter_key(c, x), hs_counter_len(c, x),
	    hs_counter_key(c, y), hs_counter_len(c, y));
}

/* A group that is no period of the summary's kind ("-", an impossible date) has no
 * place on the time line: it counts in the key's total only. */
static bool
undated(const struct hs_summary *s, const char *g, size_t n)
{
	return !hs_period_valid(s->spec.period, g, n);
}

/* Number the periods in time order, with the gaps between them filled when they are
 * periods hs_period_next knows (and not absurdly many). */
static void
number_periods(struct spark *sp)
{
	const struct hs_counter	*c = &sp->periods;
	enum hs_period		 kind = sp->s->spec.period;
	uint32_t		*order;
	size_t			 n = hs_counter_size(c), i, p;
	char			 cur[16], next[16];
	size_t			 curlen, nextlen;
	bool			 fill = true;

	if ((order = reallocarray(NULL, n + 1, sizeof(*order))) == NULL ||
	    (sp->pos = reallocarray(NULL, n + 1, sizeof(*sp->pos))) == NULL)
		err(1, NULL);
	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	spark_sort = sp;
	qsort(order, n, sizeof(*order), period_cmp);
	spark_sort = NULL;
	sp->nseries = n;
	if (n == 0) {
		free(order);
		return;
	}
	sp->first = strndup(hs_counter_key(c, order[0]), hs_counter_len(c, order[0]));
	sp->last = strndup(hs_counter_key(c, order[n - 1]), hs_counter_len(c, order[n - 1]));
	if (sp->first == NULL || sp->last == NULL)
		err(1, NULL);

	/* Walk the series from the first period; every period met must be the next in
	 * order, else the labels are not periods and are shown as they are. */
	p = 0;
	curlen = hs_counter_len(c, order[0]);
	if (curlen >= sizeof(cur))
		fill = false;
	else
		memcpy(cur, hs_counter_key(c, order[0]), curlen);
	for (i = 0; fill && i < n; ) {
		const char *k = hs_counter_key(c, order[i]);

		if (curlen == hs_counter_len(c, order[i]) && memcmp(cur, k, curlen) == 0) {
			sp->pos[order[i]] = p;
			i++;
		}
		if (i == n)
			break;
		if ((nextlen = hs_period_next(kind, cur, curlen, next)) == 0 ||
		    hs_fields_cmp(next, nextlen, hs_counter_key(c, order[i]),
		    hs_counter_len(c, order[i])) > 0 || p > 1000000) {
			fill = false;
			break;
		}
		memcpy(cur, next, nextlen);
		curlen = nextlen;
		p++;
	}
	if (fill)
		sp->nseries = p + 1;
	else
		for (i = 0; i < n; i++)
			sp->pos[order[i]] = i;
	free(order);
}

static void
write_sparklines(const struct hs_summary *s, struct hs_writer *w, size_t top,
    size_t width)
{
	struct spark	 sp = { .s = s };
	struct hs_buf	 label;
	uint32_t	*korder, *row, pnum;
	uint64_t	*cells, most;
	size_t		 i, nk, nshow, cols, run, lw = 1, cw, room, c, limit;
	bool		 isnew;

	hs_counter_init(&sp.periods);
	hs_counter_init(&sp.keys);
	/* Each entry is "period<TAB>key": number the periods, and count each key's
	 * total over them all. */
	for (i = 0; i < hs_counter_size(&s->keys); i++) {
		const char	*k = hs_counter_key(&s->keys, (uint32_t)i);
		size_t		 g = hs_summary_group_len(s, (uint32_t)i), len;

		len = hs_counter_len(&s->keys, i);
		if (!undated(s, k, g))
			hs_counter_add(&sp.periods, k, g, 0, &isnew);
		g = g < len ? g + 1 : len;
		hs_counter_add(&sp.keys, k + g, len - g, hs_counter_count(&s->keys,
		    (uint32_t)i), &isnew);
	}
	number_periods(&sp);
	nk = hs_counter_size(&sp.keys);
	if ((korder = reallocarray(NULL, nk + 1, sizeof(*korder))) == NULL ||
	    (row = reallocarray(NULL, nk + 1, sizeof(*row))) == NULL)
		err(1, NULL);
	for (i = 0; i < nk; i++)
		korder[i] = (uint32_t)i;
	spark_sort = &sp;
	qsort(korder, nk, sizeof(*korder), key_cmp);
	spark_sort = NULL;
	nshow = top > 0 && top < nk ? top : nk;
	for (i = 0; i < nk; i++)
		row[i] = UINT32_MAX;
	for (i = 0; i < nshow; i++)
		row[korder[i]] = (uint32_t)i;

	/* Columns: label, two spaces, the sparkline, two spaces, the total. */
	limit = width * LABEL_SHARE / 100;
	for (i = 0; i < nshow; i++) {
		size_t tw = text_width(hs_counter_key(&sp.keys, korder[i]),
		    hs_counter_len(&sp.keys, korder[i]));

		if (tw > lw)
			lw = tw;
	}
	if (lw > limit)
		lw = limit > 1 ? limit : 1;
	cw = digits_of(nshow > 0 ? hs_counter_count(&sp.keys, korder[0]) : 0);
	room = width > lw + cw + 4 + 10 ? width - lw - cw - 4 : 10;
	/* Equal runs of periods make one column: the fewest that fit the room. */
	run = sp.nseries > room ? (sp.nseries + room - 1) / room : 1;
	cols = sp.nseries > 0 ? (sp.nseries + run - 1) / run : 1;
	if ((cells = calloc(nshow * cols + 1, sizeof(*cells))) == NULL)
		err(1, NULL);
	for (i = 0; i < hs_counter_size(&s->keys); i++) {
		const char	*k = hs_counter_key(&s->keys, (uint32_t)i);
		size_t		 g = hs_summary_group_len(s, (uint32_t)i);
		size_t		 len = hs_counter_len(&s->keys, i), kg;
		uint32_t	 r;

		kg = g < len ? g + 1 : len;
		r = row[hs_counter_find(&sp.keys, k + kg, len - kg)];
		if (r == UINT32_MAX || undated(s, k, g))
			continue;
		pnum = hs_counter_find(&sp.periods, k, g);
		c = sp.pos[pnum] / run;
		cells[(size_t)r * cols + c] += hs_counter_count(&s->keys, (uint32_t)i);
	}

	hs_buf_init(&label);
	if (sp.nseries > 0) {
		size_t fw = text_width(sp.first, strlen(sp.first));

		put_label(&w->buf, "", 0, lw + 2);
		hs_buf_puts(&w->buf, sp.first);
		if (cols > fw + 1 + strlen(sp.last) && sp.nseries > 1) {
			size_t gap = cols - fw - strlen(sp.last);

			put_label(&w->buf, "", 0, gap);
			hs_buf_puts(&w->buf, sp.last);
		} else if (sp.nseries > 1) {
			hs_buf_puts(&w->buf, " \u2026 ");
			hs_buf_puts(&w->buf, sp.last);
		}
		hs_buf_putc(&w->buf, '\n');
	}
	for (i = 0; i < nshow; i++) {
		uint32_t	 kn = korder[i];
		char		 num[32];

		make_label(&label, hs_counter_key(&sp.keys, kn), hs_counter_len(&sp.keys, kn));
		put_label(&w->buf, label.data, label.len, lw);
		hs_buf_puts(&w->buf, "  ");
		for (most = 0, c = 0; c < cols; c++)
			if (cells[i * cols + c] > most)
				most = cells[i * cols + c];
		for (c = 0; c < cols; c++) {
			uint64_t v = cells[i * cols + c];

			hs_buf_puts(&w->buf, levels[v == 0 ? 0 :
			    (size_t)(((long double)v * 8 + most - 1) / most)]);
		}
		snprintf(num, sizeof(num), "  %*llu\n", (int)cw,
		    (unsigned long long)hs_counter_count(&sp.keys, kn));
		hs_buf_puts(&w->buf, num);
		flush_some(w);
	}
	hs_buf_free(&label);
	free(cells);
	free(row);
	free(korder);
	free(sp.pos);
	free(sp.first);
	free(sp.last);
	hs_counter_free(&sp.periods);
	hs_counter_free(&sp.keys);
}

void
hs_chart_write(const struct hs_summary *s, struct hs_writer *w, size_t top,
    size_t width)
{
	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	if (s->spec.ngroups == 1 && (s->spec.period != HS_PERIOD_NONE ||
	    strcmp(s->spec.names[0], "date") == 0))
		write_sparklines(s, w, top, width);
	else
		write_bars(s, w, top, width);
}
