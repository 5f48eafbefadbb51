/* hearsay-count: count hearsay(7) records, or any tab-separated lines, by key fields
 * within groups, exactly; write, merge and chart count summaries. */
#include "config.h"

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_chart.h"
#include "hs_progress.h"
#include "hs_record.h"
#include "hs_summary.h"
#include "hs_utf8.h"
#include "hs_util.h"

enum {
	OPT_CHART = 256,
	OPT_PROGRESS,
	OPT_VERSION
};

/* The first read of an input, and the least room the buffer keeps for a read. */
#define READ_SIZE	((size_t)1 << 20)

/* The record kinds of hearsay(7) and their column names, for fields given by name. */
struct kind {
	const char	*name;		/* as messages say it */
	const char	*cols[10];
};

enum {
	KIND_TEXT,
	KIND_ENTITY,
	KIND_QUOTE,
	KIND_QUOTED,
	KIND_PLACE,
	KIND_COUNT
};

static const struct kind kinds[] = {
	[KIND_TEXT] = { "a text record",
	    { "doc", "date", "par", "sent", "start", "end", "text" } },
	[KIND_ENTITY] = { "an entity record",
	    { "doc", "date", "par", "sent", "start", "end", "type", "name", "mention" } },
	[KIND_QUOTE] = { "a quote record",
	    { "doc", "date", "par", "sent", "start", "end", "kind", "speaker", "cue",
	    "quote" } },
	[KIND_QUOTED] = { "a quoted record",
	    { "doc", "date", "par", "sent", "start", "end", "type", "name", "mention",
	    "speaker" } },
	/* A place record of no other kind: only the common columns have names. */
	[KIND_PLACE] = { "a place record",
	    { "doc", "date", "par", "sent", "start", "end" } },
	/* Its columns are named only by the header of a partial. */
	[KIND_COUNT] = { "a count summary", { NULL } },
};

/* A field as given to -f, -g or -u: a column number, or a name to be resolved. */
struct field {
	char	*name;		/* NULL when given by number */
	size_t	 col;		/* from 0, once known; LAST_FIELD: each line's last */
};
#define LAST_FIELD	SIZE_MAX

struct fieldlist {
	struct field	*f;
	size_t		 n;
};

/* One input, read line by line. */
struct lines {
	const char		*name;
	int			 fd;
	bool			 regular;
	bool			 eof;
	char			*buf;
	size_t			 cap, pos, len;
	unsigned long long	 lineno;
	uint64_t		 bytes;
	bool			 warned_utf8;
	const char		*block;		/* lines_next's lines not yet given */
	size_t			 blocklen;
};

struct countrun {
	struct fieldlist	 keys, groups, distinct;
	enum hs_period		 period;
	size_t			 date_group;	/* which group -b rewrites */
	size_t			 top;
	bool			 partial, merge, chart, json;
	bool			 resolved;	/* fields are columns now */
	const struct kind	*kind;		/* of the first line; NULL: any TSV */
	size_t			 maxcol;	/* the highest column a line must have */
	bool			 split_all;	/* a field is each line's last */
	bool			 single;	/* one key field, no group, no -u */
	struct hs_summary	 sum;
	bool			 started;	/* sum is initialised */
	char			*spec_from;	/* -m: where the header was first read */
	/* Per line: the fields, and the composite key made of them. */
	const char		**fstart;
	size_t			*flen;
	size_t			 fcap;
	struct hs_buf		 key;
	struct hs_buf		 clean;		/* a line with its bad bytes escaped */
	struct hs_progress	 progress;
	uint64_t		 bytes_before;
};

/* At file scope, so that an early exit leaves it reachable (LeakSanitizer). */
static struct countrun	 run;

static const struct option longopts[] = {
	{ "chart",	no_argument,		NULL,	OPT_CHART },
	{ "help",	no_argument,		NULL,	'h' },
	{ "json",	no_argument,		NULL,	'j' },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

static void	usage(FILE *, int) __attribute__((noreturn));
static void	parse_fields(struct fieldlist *, const char *, const char *);
static bool	known_name(const char *);
static int	lines_open(struct lines *, const char *);
static int	lines_next(struct lines *, const char **, size_t *);
static void	lines_close(struct lines *);
static const struct kind *kind_of(const char *, size_t);
static int	resolve(struct countrun *, const char *);
static void	start_summary(struct countrun *);
static int	count_line(struct countrun *, struct lines *, const char *, size_t,
		    bool *);
static int	count_input(struct countrun *, const char *);
static int	merge_input(struct countrun *, const char *);
static void	write_result(struct countrun *);

int
main(int argc, char *argv[])
{
	char		*stdin_only[] = { "-", NULL };
	char		**paths;
	const char	*errstr;
	bool		 progress = false;
	int		 ch, i, nops, rval = HS_EXIT_OK;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "b:f:g:hjmn:pu:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			if ((run.period = hs_period_parse(optarg)) == HS_PERIOD_NONE) {
				warnx("-b: '%s' is not day, week, month or year", optarg);
				usage(stderr, HS_EXIT_USAGE);
			}
			break;
		case 'f':
			parse_fields(&run.keys, optarg, "-f");
			break;
		case 'g':
			parse_fields(&run.groups, optarg, "-g");
			break;
		case 'h':
			usage(stdout, HS_EXIT_OK);
		case 'j':
			run.json = true;
			break;
		case 'm':
			run.merge = true;
			break;
		case 'n':
			run.top = (size_t)strtonum(optarg, 1, LLONG_MAX, &errstr);
			if (errstr != NULL) {
				warnx("-n: '%s' is %s", optarg, errstr);
				usage(stderr, HS_EXIT_USAGE);
			}
			break;
		case 'p':
			run.partial = true;
			break;
		case 'u':
			parse_fields(&run.distinct, optarg, "-u");
			if (run.distinct.n != 1) {
				warnx("-u takes one field");
				usage(stderr, HS_EXIT_USAGE);
			}
			break;
		case OPT_CHART:
			run.chart = true;
			break;
		case OPT_PROGRESS:
			progress = true;
			break;
		case OPT_VERSION:
			hs_print_version();
			return HS_EXIT_OK;
		default:
			usage(stderr, HS_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (run.merge && (run.keys.n > 0 || run.groups.n > 0 || run.distinct.n > 0 ||
	    run.period != HS_PERIOD_NONE)) {
		warnx("-m takes no -f, -g, -u or -b: partial summaries describe themselves");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (run.period != HS_PERIOD_NONE && run.groups.n == 0) {
		warnx("-b needs -g: it buckets the date field of the groups");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (run.partial && run.top > 0) {
		warnx("-n with -p would make the merge inexact: give -n to the merge");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (run.partial && (run.json || run.chart)) {
		warnx("-p writes a partial summary: no -j or --chart with it");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (run.json && run.chart) {
		warnx("--chart draws, -j writes JSON: choose one");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (argc == 0 && isatty(STDIN_FILENO))
		usage(stderr, HS_EXIT_USAGE);
	nops = argc > 0 ? argc : 1;
	paths = argc > 0 ? argv : stdin_only;

	hs_buf_init(&run.key);
	hs_buf_init(&run.clean);
	hs_progress_init(&run.progress, progress, argc > 0 ?
	    hs_progress_total(paths, nops) : 0);
	for (i = 0; i < nops; i++)
		if ((run.merge ? merge_input(&run, paths[i]) :
		    count_input(&run, paths[i])) == -1)
			rval = HS_EXIT_DATA;
	hs_progress_finish(&run.progress);
	write_result(&run);
	return rval;
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-hjmp] [-b day|week|month|year] [-f fields] "
	    "[-g fields] [-n N]\n"
	    "       [-u field] [--chart] [--progress] [--version] [file ...]\n",
	    getprogname());
	exit(status);
}

/* A comma-separated list of column numbers (from 1) and names. */
static void
parse_fields(struct fieldlist *l, const char *arg, const char *opt)
{
	const char	*errstr;
	char		*copy, *p, *tok;
	struct field	*f;
	long long	 v;

	if ((copy = strdup(arg)) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (p = copy; (tok = strsep(&p, ",")) != NULL;) {
		if ((f = reallocarray(l->f, l->n + 1, sizeof(*f))) == NULL)
			err(HS_EXIT_DATA, NULL);
		l->f = f;
		f = &l->f[l->n];
		f->name = NULL;
		if (*tok >= '0' && *tok <= '9') {
			v = strtonum(tok, 1, 1000000, &errstr);
			if (errstr != NULL) {
				warnx("%s: field '%s' is %s", opt, tok, errstr);
				usage(stderr, HS_EXIT_USAGE);
			}
			f->col = (size_t)v - 1;
		} else if (known_name(tok)) {
			if ((f->name = strdup(tok)) == NULL)
				err(HS_EXIT_DATA, NULL);
		} else {
			warnx("%s: '%s' is no column of any hearsay record", opt, tok);
			usage(stderr, HS_EXIT_USAGE);
		}
		l->n++;
	}
	free(copy);
}

static bool
known_name(const char *s)
{
	size_t k, c;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (c = 0; c < 10 && kinds[k].cols[c] != NULL; c++)
			if (strcmp(s, kinds[k].cols[c]) == 0)
				return true;
	return false;
}

/* ---- reading lines ------------------------------------------------------------------- */

static int
lines_open(struct lines *in, const char *path)
{
	struct stat st;

	memset(in, 0, sizeof(*in));
	if (path == NULL || strcmp(path, "-") == 0) {
		in->name = "stdin";
		in->fd = STDIN_FILENO;
	} else {
		in->name = path;
		if ((in->fd = open(path, O_RDONLY)) == -1) {
			warn("%s", path);
			return -1;
		}
	}
	if (fstat(in->fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			warn("%s", in->name);
			lines_close(in);
			return -1;
		}
		in->regular = S_ISREG(st.st_mode);
	}
	in->cap = READ_SIZE * 2;
	if ((in->buf = malloc(in->cap)) == NULL)
		err(HS_EXIT_DATA, NULL);
	return 0;
}

/* The next block of whole lines, newlines and all, taken from the buffer (at the end
 * of input the last line may lack its newline): 1, 0 at the end, -1 after a read
 * error (warned). Valid until the next call. */
static int
lines_block(struct lines *in, const char **block, size_t *n)
{
	char	*nl, *p;
	ssize_t	 got;

	for (;;) {
		nl = memrchr(in->buf + in->pos, '\n', in->len - in->pos);
		if (nl != NULL || (in->eof && in->pos < in->len)) {
			*block = in->buf + in->pos;
			if (nl == NULL)
				nl = in->buf + in->len - 1;
			*n = (size_t)(nl + 1 - *block);
			in->pos += *n;
			return 1;
		}
		if (in->eof)
			return 0;
		/* Keep the unfinished line; make room for a whole read after it. */
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
		if (in->cap - in->len < READ_SIZE) {
			if (in->cap > SIZE_MAX / 2)
				errx(HS_EXIT_DATA, "%s: a line too long", in->name);
			if ((p = realloc(in->buf, in->cap * 2)) == NULL)
				err(HS_EXIT_DATA, NULL);
			in->buf = p;
			in->cap *= 2;
		}
		got = hs_read_once(in->fd, in->buf + in->len, in->cap - in->len,
		    in->regular, NULL, NULL);
		if (got == -1) {
			warn("%s", in->name);
			return -1;
		}
		if (got == 0)
			in->eof = true;
		in->len += (size_t)got;
		in->bytes += (uint64_t)got;
	}
}

/* Cut the first line off block[0..*n), without its newline and a CR before it. */
static const char *
cut_line(const char **block, size_t *n, size_t *len)
{
	const char	*line = *block, *nl = memchr(line, '\n', *n);
	size_t		 taken = nl != NULL ? (size_t)(nl - line) + 1 : *n;

	*len = nl != NULL ? (size_t)(nl - line) : *n;
	if (*len > 0 && line[*len - 1] == '\r')
		(*len)--;
	*block += taken;
	*n -= taken;
	return line;
}

/* The next line, as cut_line gives it: 1, 0 at the end, -1 after a read error. */
static int
lines_next(struct lines *in, const char **line, size_t *n)
{
	int got;

	if (in->blocklen == 0 && (got = lines_block(in, &in->block, &in->blocklen)) != 1)
		return got;
	*line = cut_line(&in->block, &in->blocklen, n);
	in->lineno++;
	return 1;
}

static void
lines_close(struct lines *in)
{
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->buf);
	in->buf = NULL;
}

/* ---- fields ----------------------------------------------------------------------- */

static bool
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	while (n-- > 0)
		if (s[n] < '0' || s[n] > '9')
			return false;
	return true;
}

/* The kind of a line, as hearsay(7) tells them apart; NULL for any other TSV. */
static const struct kind *
kind_of(const char *line, size_t n)
{
	static const char *const quote_kinds[] = { "direct", "partial", "mention" };
	const char	*f[11], *end = line + n, *tab;
	size_t		 len[11], ncols, i;

	for (ncols = 0; ncols < 11; ncols++) {
		f[ncols] = line;
		tab = memchr(line, '\t', (size_t)(end - line));
		len[ncols] = (size_t)((tab != NULL ? tab : end) - line);
		if (tab == NULL) {
			ncols++;
			break;
		}
		line = tab + 1;
	}
	if (ncols >= 7 && len[0] > 0 && (len[1] == 1 ? f[1][0] == '-' :
	    len[1] == 10 && f[1][4] == '-' && f[1][7] == '-') &&
	    all_digits(f[2], len[2]) && all_digits(f[3], len[3]) &&
	    all_digits(f[4], len[4]) && all_digits(f[5], len[5])) {
		bool upper = len[6] > 0 && f[6][0] >= 'A' && f[6][0] <= 'Z';

		if (ncols == 7)
			return &kinds[KIND_TEXT];
		if (ncols == 9 && upper)
			return &kinds[KIND_ENTITY];
		if (ncols == 10 && upper)
			return &kinds[KIND_QUOTED];
		if (ncols == 10)
			for (i = 0; i < sizeof(quote_kinds) / sizeof(quote_kinds[0]); i++)
				if (len[6] == strlen(quote_kinds[i]) &&
				    memcmp(f[6], quote_kinds[i], len[6]) == 0)
					return &kinds[KIND_QUOTE];
		return &kinds[KIND_PLACE];
	}
	if (all_digits(f[0], len[0]))
		return &kinds[KIND_COUNT];
	return NULL;
}

static int
resolve_list(struct countrun *r, struct fieldlist *l, const char *where)
{
	const struct kind	*k = r->kind;
	size_t			 i, c;

	for (i = 0; i < l->n; i++) {
		struct field *f = &l->f[i];

		if (f->name == NULL)
			continue;
		for (c = 0; k != NULL && c < 10 && k->cols[c] != NULL; c++)
			if (strcmp(f->name, k->cols[c]) == 0)
				break;
		if (k == NULL || c == 10 || k->cols[c] == NULL) {
			warnx("%s: %s has no column '%s'", where, k == NULL ?
			    "a line of no hearsay record kind" : k->name, f->name);
			return -1;
		}
		f->col = c;
	}
	return 0;
}

/* The output name of a field: its column name where the kind has one. */
static char *
field_name(const struct countrun *r, const struct field *f)
{
	char *s;

	if (f->name != NULL)
		s = strdup(f->name);
	else if (f->col == LAST_FIELD)
		s = strdup("key");
	else if (r->kind != NULL && f->col < 10 && r->kind->cols[f->col] != NULL)
		s = strdup(r->kind->cols[f->col]);
	else if (asprintf(&s, "f%zu", f->col + 1) == -1)
		s = NULL;
	if (s == NULL)
		err(HS_EXIT_DATA, NULL);
	return s;
}

/* Without -f the key is each line's last field. */
static void
default_key(struct countrun *r)
{
	if (r->keys.n > 0)
		return;
	if ((r->keys.f = malloc(sizeof(*r->keys.f))) == NULL)
		err(HS_EXIT_DATA, NULL);
	r->keys.f[0].name = NULL;
	r->keys.f[0].col = LAST_FIELD;
	r->keys.n = 1;
}

/* Note a field's column in maxcol or split_all. */
static void
need_column(struct countrun *r, const struct field *f)
{
	if (f->col == LAST_FIELD)
		r->split_all = true;
	else if (f->col + 1 > r->maxcol)
		r->maxcol = f->col + 1;
}

/* Turn the names of -f, -g and -u into columns, by the kind of the first line (at
 * where, "file:line"). */
static int
resolve(struct countrun *r, const char *where)
{
	size_t i;

	default_key(r);
	if (resolve_list(r, &r->keys, where) == -1 ||
	    resolve_list(r, &r->groups, where) == -1 ||
	    resolve_list(r, &r->distinct, where) == -1)
		return -1;
	/* -b rewrites the date column, or with no kind the first group field. */
	r->date_group = 0;
	if (r->period != HS_PERIOD_NONE && r->kind != NULL) {
		for (i = 0; i < r->groups.n; i++)
			if (r->groups.f[i].col == 1)
				break;
		if (i == r->groups.n) {
			warnx("%s: -b: no date column among the fields of -g", where);
			return -1;
		}
		r->date_group = i;
	}
	r->maxcol = 0;
	r->split_all = false;
	for (i = 0; i < r->keys.n; i++)
		need_column(r, &r->keys.f[i]);
	for (i = 0; i < r->groups.n; i++)
		need_column(r, &r->groups.f[i]);
	if (r->distinct.n > 0)
		need_column(r, &r->distinct.f[0]);
	r->resolved = true;
	return 0;
}

/* The summary's spec: names of the resolved fields. Without input, fields given by
 * number are named "fN" (see hs_summary_spec_adopt). */
static void
start_summary(struct countrun *r)
{
	struct hs_summary_spec	 spec = { 0 };
	size_t			 i;

	default_key(r);
	spec.ngroups = r->groups.n;
	spec.nkeys = r->keys.n;
	if ((spec.names = reallocarray(NULL, spec.ngroups + spec.nkeys,
	    sizeof(char *))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0; i < r->groups.n; i++)
		spec.names[i] = field_name(r, &r->groups.f[i]);
	for (i = 0; i < r->keys.n; i++)
		spec.names[r->groups.n + i] = field_name(r, &r->keys.f[i]);
	if (r->distinct.n > 0)
		spec.distinct = field_name(r, &r->distinct.f[0]);
	spec.period = r->period;
	hs_summary_init(&r->sum, &spec);
	hs_summary_spec_free(&spec);
	r->single = r->groups.n == 0 && r->keys.n == 1 && r->distinct.n == 0;
	r->started = true;
}

/* Split line into its first max fields (all, for max 0); returns the count. */
static size_t
split_fields(struct countrun *r, const char *line, size_t n, size_t max)
{
	const char	*end = line + n, *tab;
	size_t		 k = 0;

	for (;;) {
		if (k == r->fcap) {
			size_t cap = r->fcap ? r->fcap * 2 : 16;

			if ((r->fstart = reallocarray(r->fstart, cap, sizeof(char *))) ==
			    NULL || (r->flen = reallocarray(r->flen, cap, sizeof(size_t))) ==
			    NULL)
				err(HS_EXIT_DATA, NULL);
			r->fcap = cap;
		}
		r->fstart[k] = line;
		tab = memchr(line, '\t', (size_t)(end - line));
		r->flen[k] = (size_t)((tab != NULL ? tab : end) - line);
		k++;
		if (tab == NULL || (max > 0 && k == max))
			return k;
		line = tab + 1;
	}
}

static void
add_field(struct countrun *r, size_t nf, const struct field *f, bool bucket)
{
	size_t	 c = f->col == LAST_FIELD ? nf - 1 : f->col, n;
	char	 period[16];

	if (r->key.len > 0)
		hs_buf_putc(&r->key, '\t');
	if (bucket && (n = hs_period_of(r->period, r->fstart[c], r->flen[c], period)) > 0)
		hs_buf_append(&r->key, period, n);
	else
		hs_buf_append(&r->key, r->fstart[c], r->flen[c]);
}

/* A line with too few fields: warned once per input (*warned), not counted. */
static void
warn_short(struct countrun *r, const struct lines *in, const char *line, size_t n,
    bool *warned)
{
	size_t nf, need;

	if (*warned)
		return;
	nf = split_fields(r, line, n, 0);
	need = r->maxcol > 0 ? r->maxcol : r->keys.f[0].col + 1;
	warnx("%s:%llu: %zu field%s, too few for field %zu", in->name, in->lineno, nf,
	    nf == 1 ? "" : "s", need);
	*warned = true;
}

/* Lines of one key field and nothing else, the commonest count, in batches: each key
 * is hashed and its slot prefetched, then the batch is counted, so the cache misses
 * of a large table overlap instead of coming one after another. */
#define BATCH	16

static int
count_lines_single(struct countrun *r, struct lines *in, const char *block,
    size_t blen, bool *warned)
{
	struct {
		const char	*key;
		size_t		 len;
		uint64_t	 hash;
	}			 batch[BATCH];
	struct hs_counter	*keys = &r->sum.keys;
	size_t			 col = r->keys.f[0].col, nb, i, n;
	const char		*line, *p, *end, *tab;
	bool			 isnew;
	int			 rv = 0;

	while (blen > 0) {
		for (nb = 0; nb < BATCH && blen > 0;) {
			line = cut_line(&block, &blen, &n);
			in->lineno++;
			end = line + n;
			if (col == LAST_FIELD) {
				p = memrchr(line, '\t', n);
				p = p != NULL ? p + 1 : line;
				tab = end;
			} else {
				for (p = line, i = 0; i < col && p != NULL; i++)
					if ((p = memchr(p, '\t', (size_t)(end - p))) != NULL)
						p++;
				if (p == NULL) {
					warn_short(r, in, line, n, warned);
					rv = -1;
					continue;
				}
				if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
					tab = end;
			}
			batch[nb].key = p;
			batch[nb].len = (size_t)(tab - p);
			batch[nb].hash = hs_count_hash(p, batch[nb].len);
			hs_counter_prefetch(keys, batch[nb].hash);
			nb++;
		}
		for (i = 0; i < nb; i++)
			hs_counter_add_hashed(keys, batch[i].key, batch[i].len,
			    batch[i].hash, 1, &isnew);
	}
	return rv;
}

/* Count one line; -1 when it has too few fields (warned once per input, in *warned). */
static int
count_line(struct countrun *r, struct lines *in, const char *line, size_t n,
    bool *warned)
{
	size_t		 nf, i, col;

	nf = split_fields(r, line, n, r->split_all ? 0 : r->maxcol);
	if (nf < r->maxcol)
		goto short_line;
	r->key.len = 0;
	for (i = 0; i < r->groups.n; i++)
		add_field(r, nf, &r->groups.f[i], r->period != HS_PERIOD_NONE &&
		    i == r->date_group);
	for (i = 0; i < r->keys.n; i++)
		add_field(r, nf, &r->keys.f[i], false);
	if (r->distinct.n == 0)
		hs_summary_add(&r->sum, r->key.data, r->key.len, 1);
	else {
		col = r->distinct.f[0].col == LAST_FIELD ? nf - 1 : r->distinct.f[0].col;
		hs_summary_add_distinct(&r->sum, r->key.data, r->key.len, r->fstart[col],
		    r->flen[col], 1);
	}
	return 0;

short_line:
	warn_short(r, in, line, n, warned);
	return -1;
}

/* Append s[0..n) to b with every NUL and every byte that is not part of valid UTF-8
 * written \xHH, as hearsay(7) escapes them; the rest, escapes included, as it is. */
static void
escape_bad_bytes(struct hs_buf *b, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 bad;
	char			 hex[5];

	while ((bad = hs_utf8_find_bad(u, n)) < n) {
		hs_buf_append(b, u, bad);
		snprintf(hex, sizeof(hex), "\\x%02x", u[bad]);
		hs_buf_append(b, hex, 4);
		u += bad + 1;
		n -= bad + 1;
	}
	hs_buf_append(b, u, n);
}

/* A block that holds bytes that are not UTF-8 (any TSV): each line is counted as
 * hearsay(7) would have escaped it, so a key is the same whether its bytes came raw or
 * escaped, and the summary is UTF-8. Warned once per input. */
static int
count_unclean(struct countrun *r, struct lines *in, const char *block, size_t blen,
    bool *warned)
{
	const char	*line;
	size_t		 n;
	int		 rv = 0;

	while (blen > 0) {
		line = cut_line(&block, &blen, &n);
		in->lineno++;
		if (hs_utf8_find_bad((const unsigned char *)line, n) < n) {
			if (!in->warned_utf8)
				warnx("%s:%llu: invalid UTF-8", in->name, in->lineno);
			in->warned_utf8 = true;
			rv = -1;
			r->clean.len = 0;
			escape_bad_bytes(&r->clean, line, n);
			line = r->clean.data;
			n = r->clean.len;
		}
		if (count_line(r, in, line, n, warned) == -1)
			rv = -1;
	}
	return rv;
}

/* Close an input whose lines are all read; rv, the input's result, is returned. */
static int
finish_input(struct countrun *r, struct lines *in, int rv)
{
	r->bytes_before += in->bytes;
	hs_progress_update(&r->progress, r->bytes_before);
	lines_close(in);
	return rv;
}

static int
count_input(struct countrun *r, const char *path)
{
	struct lines	 in;
	const char	*block, *line;
	char		*where;
	size_t		 blen, n;
	bool		 warned = false;
	int		 got, rv = 0;

	if (lines_open(&in, path) == -1)
		return -1;
	while ((got = lines_block(&in, &block, &blen)) == 1) {
		if (!r->resolved) {
			const char *first = block;
			size_t rest = blen;

			line = cut_line(&first, &rest, &n);
			r->kind = kind_of(line, n);
			if (asprintf(&where, "%s:%llu", in.name, in.lineno + 1) == -1)
				err(HS_EXIT_DATA, NULL);
			if (resolve(r, where) == -1) {
				free(where);
				lines_close(&in);
				exit(HS_EXIT_DATA);
			}
			free(where);
			start_summary(r);
		}
		if (hs_utf8_find_bad((const unsigned char *)block, blen) < blen) {
			if (count_unclean(r, &in, block, blen, &warned) == -1)
				rv = -1;
		} else if (r->single) {
			if (count_lines_single(r, &in, block, blen, &warned) == -1)
				rv = -1;
		} else
			while (blen > 0) {
				line = cut_line(&block, &blen, &n);
				in.lineno++;
				if (count_line(r, &in, line, n, &warned) == -1)
					rv = -1;
			}
		hs_progress_update(&r->progress, r->bytes_before + in.bytes);
	}
	return finish_input(r, &in, got == -1 ? -1 : rv);
}

/* ---- merging ---------------------------------------------------------------------- */

static int
merge_input(struct countrun *r, const char *path)
{
	struct hs_summary_spec	 spec;
	struct lines		 in;
	const char		*line;
	size_t			 n;
	bool			 warned = false;
	int			 got, merged, rv = 0;

	if (lines_open(&in, path) == -1)
		return -1;
	while ((got = lines_next(&in, &line, &n)) == 1) {
		if (n > 0 && line[0] == '#') {
			if (hs_summary_parse_header(line, n, &spec) == -1) {
				warnx("%s:%llu: not the header of a partial summary", in.name,
				    in.lineno);
				rv = -1;
				continue;
			}
			if (!r->started) {
				hs_summary_init(&r->sum, &spec);
				r->started = true;
				if (asprintf(&r->spec_from, "%s:%llu", in.name, in.lineno) == -1)
					err(HS_EXIT_DATA, NULL);
			} else if (!hs_summary_spec_adopt(&r->sum.spec, &spec)) {
				warnx("%s:%llu: partial summary of other fields than %s",
				    in.name, in.lineno, r->spec_from != NULL ? r->spec_from :
				    "the lines before it");
				hs_summary_spec_free(&spec);
				lines_close(&in);
				exit(HS_EXIT_DATA);
			}
			hs_summary_spec_free(&spec);
			continue;
		}
		if (hs_utf8_find_bad((const unsigned char *)line, n) < n) {
			if (!in.warned_utf8)
				warnx("%s:%llu: invalid UTF-8", in.name, in.lineno);
			in.warned_utf8 = true;
			rv = -1;
			r->clean.len = 0;
			escape_bad_bytes(&r->clean, line, n);
			line = r->clean.data;
			n = r->clean.len;
		}
		if (!r->started) {
			/* An ordinary summary: a count, then key fields. */
			memset(&spec, 0, sizeof(spec));
			spec.variable = true;
			hs_summary_init(&r->sum, &spec);
			r->started = true;
		}
		if ((merged = hs_summary_merge_line(&r->sum, line, n)) == -2) {
			warnx("%s:%llu: a count above %llu", in.name, in.lineno,
			    (unsigned long long)UINT64_MAX);
			lines_close(&in);
			exit(HS_EXIT_DATA);
		}
		if (merged == -1) {
			if (!warned)
				warnx("%s:%llu: not a line of %s", in.name, in.lineno,
				    r->sum.spec.variable ? "a count summary" :
				    "this partial summary");
			warned = true;
			rv = -1;
		}
		if ((in.lineno & 0xFFFF) == 0)
			hs_progress_update(&r->progress, r->bytes_before + in.bytes);
	}
	return finish_input(r, &in, got == -1 ? -1 : rv);
}

static void
free_fields(struct fieldlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->f[i].name);
	free(l->f);
	l->f = NULL;
	l->n = 0;
}

/* ---- output ----------------------------------------------------------------------- */

static void
write_result(struct countrun *r)
{
	struct hs_writer w;

	if (!r->started) {
		/* No input at all: a partial still says what it counts, so that a shard
		 * with no records merges with the others. */
		if (r->merge)
			return;
		start_summary(r);
	}
	hs_writer_init(&w, stdout, r->json ? HS_FORMAT_JSON : HS_FORMAT_TSV);
	if (r->chart)
		hs_chart_write(&r->sum, &w, r->top, hs_chart_width());
	else if (r->partial)
		hs_summary_write_partial(&r->sum, &w);
	else
		hs_summary_write(&r->sum, &w, r->top);
	if (hs_writer_close(&w) == -1)
		hs_writer_fail();
	hs_summary_free(&r->sum);
	free_fields(&r->keys);
	free_fields(&r->groups);
	free_fields(&r->distinct);
	hs_buf_free(&r->key);
	hs_buf_free(&r->clean);
	free(r->fstart);
	free(r->flen);
	free(r->spec_from);
}
