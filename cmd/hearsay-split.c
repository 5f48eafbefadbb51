/* hearsay-split: raw news articles to article, paragraph or sentence records, each
 * with its article id, date, numbers and the byte offsets of its text (hearsay(7)). */
#include <sys/stat.h>

#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_lexicon.h"
#include "hs_progress.h"
#include "hs_reader.h"
#include "hs_record.h"
#include "hs_segment.h"
#include "hs_util.h"

/* The most sentence spans kept between blocks (a news paragraph has a handful). */
#define SPANS_KEPT	4096

enum level {
	LEVEL_ARTICLE,
	LEVEL_PARAGRAPH,
	LEVEL_SENTENCE
};

/* Everything one run needs while it turns blocks into records. */
struct splitter {
	enum level		 level;
	struct hs_writer	 out;
	struct hs_segmenter	*seg;
	struct hs_span		*spans;
	size_t			 nspans_cap;
	unsigned long		 sent;		/* sentences so far in the article */
	struct hs_progress	 progress;
	uint64_t		 bytes_before;	/* input read before the current file */
};

/* An operand and where its bytes sit in the stream of all operands (--part). */
struct operand {
	const char	*path;
	uint64_t	 offset;
	uint64_t	 size;
	bool		 ok;
};

enum {
	OPT_PART = 256,
	OPT_PROGRESS,
	OPT_VERSION
};

/* Held at file scope so that an early exit (usage, --version) leaves them reachable:
 * LeakSanitizer then has nothing to report, and the normal end frees them. */
static struct hs_lexicon	*lex;
static struct operand		*ops;

static const struct option longopts[] = {
	{ "help",	no_argument,		NULL,	'h' },
	{ "json",	no_argument,		NULL,	'j' },
	{ "lexicon",	required_argument,	NULL,	'L' },
	{ "level",	required_argument,	NULL,	'l' },
	{ "part",	required_argument,	NULL,	OPT_PART },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

static void	usage(FILE *, int) __attribute__((noreturn));
static int	parse_level(const char *, enum level *);
static int	parse_part(const char *, unsigned *, unsigned *);
static int	measure_operands(const char **, int, bool, uint64_t *);
static void	part_range(uint64_t, unsigned, unsigned, uint64_t *, uint64_t *);
static void	write_span(struct splitter *, const struct hs_block *, size_t, size_t,
		    unsigned long, unsigned long);
static void	split_block(struct splitter *, struct hs_reader *, const struct hs_block *);
static int	split_input(struct splitter *, const char *, uint64_t, uint64_t);

int
main(int argc, char *argv[])
{
	struct splitter		 sp;
	const char		*stdin_only[] = { "-" };
	const char		**paths;
	uint64_t		 total = 0, lo = 0, hi = UINT64_MAX, from, to;
	unsigned		 part_k = 0, part_n = 0;
	bool			 json = false, progress = false;
	int			 ch, i, nops, rval = HS_EXIT_OK;

	setlocale(LC_ALL, "");
	memset(&sp, 0, sizeof(sp));
	sp.level = LEVEL_SENTENCE;
	/* The sentence splitter's types only: the tagger's names are most of the
	 * built-in entries, and loading them would cost every run. */
	lex = hs_lexicon_new_types(1u << HS_LEX_ABBREV | 1u << HS_LEX_NUMABBREV |
	    1u << HS_LEX_TITLE | 1u << HS_LEX_STARTER);

	while ((ch = getopt_long(argc, argv, "hjL:l:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout, HS_EXIT_OK);
		case 'j':
			json = true;
			break;
		case 'L':
			if (hs_lexicon_load_file(lex, optarg) == -1)
				exit(HS_EXIT_DATA);
			break;
		case 'l':
			if (parse_level(optarg, &sp.level) == -1) {
				warnx("unknown level '%s': use article, paragraph or "
				    "sentence", optarg);
				usage(stderr, HS_EXIT_USAGE);
			}
			break;
		case OPT_PART:
			if (parse_part(optarg, &part_k, &part_n) == -1) {
				warnx("--part wants K/N with 1 <= K <= N: '%s'", optarg);
				usage(stderr, HS_EXIT_USAGE);
			}
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

	if (argc == 0 && part_n > 0) {
		warnx("--part needs named files");
		usage(stderr, HS_EXIT_USAGE);
	}
	if (argc == 0 && isatty(STDIN_FILENO))
		usage(stderr, HS_EXIT_USAGE);
	nops = argc > 0 ? argc : 1;
	paths = argc > 0 ? (const char **)argv : stdin_only;

	if ((ops = calloc(nops, sizeof(*ops))) == NULL)
		err(HS_EXIT_DATA, NULL);
	if (measure_operands(paths, nops, part_n > 0, &total) == -1)
		rval = HS_EXIT_DATA;
	if (part_n > 0)
		part_range(total, part_k, part_n, &lo, &hi);

	sp.seg = hs_segmenter_new(lex);
	hs_writer_init(&sp.out, stdout, json ? HS_FORMAT_JSON : HS_FORMAT_TSV);
	hs_progress_init(&sp.progress, progress, part_n > 0 ? hi - lo : total);

	for (i = 0; i < nops; i++) {
		if (!ops[i].ok)
			continue;
		from = 0;
		to = UINT64_MAX;
		if (part_n > 0) {
			/* Only the articles that start in [lo, hi) of the whole stream. */
			if (ops[i].size == 0 || ops[i].offset >= hi ||
			    ops[i].offset + ops[i].size <= lo)
				continue;
			from = lo > ops[i].offset ? lo - ops[i].offset : 0;
			to = hi - ops[i].offset;
		}
		if (split_input(&sp, ops[i].path, from, to) == -1)
			rval = HS_EXIT_DATA;
	}

	hs_progress_finish(&sp.progress);
	if (hs_writer_close(&sp.out) == -1)
		hs_writer_fail();
	hs_segmenter_free(sp.seg);
	hs_lexicon_free(lex);
	free(sp.spans);
	free(ops);
	return rval;
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-hj] [-L file] [-l article|paragraph|sentence] "
	    "[--part K/N] [--progress] [--version] [file ...]\n", getprogname());
	exit(status);
}

static int
parse_level(const char *s, enum level *level)
{
	if (strcmp(s, "sentence") == 0)
		*level = LEVEL_SENTENCE;
	else if (strcmp(s, "paragraph") == 0)
		*level = LEVEL_PARAGRAPH;
	else if (strcmp(s, "article") == 0)
		*level = LEVEL_ARTICLE;
	else
		return -1;
	return 0;
}

static int
parse_part(const char *s, unsigned *k, unsigned *n)
{
	const char	*slash, *errstr;
	char		 num[16];

	if ((slash = strchr(s, '/')) == NULL || (size_t)(slash - s) >= sizeof(num))
		return -1;
	memcpy(num, s, slash - s);
	num[slash - s] = '\0';
	*k = strtonum(num, 1, 1000000, &errstr);
	if (errstr != NULL)
		return -1;
	*n = strtonum(slash + 1, 1, 1000000, &errstr);
	if (errstr != NULL || *k > *n)
		return -1;
	return 0;
}

/* Fill ops[] with the operands and their sizes: the progress total, and for --part
 * the one stream in which the parts are cut. -1 when a file could not be looked
 * at for --part (warned; it is skipped). */
static int
measure_operands(const char **paths, int nops, bool parts, uint64_t *total)
{
	struct stat	st;
	int		i, rv = 0;

	*total = 0;
	for (i = 0; i < nops; i++) {
		ops[i].path = paths[i];
		ops[i].offset = *total;
		ops[i].ok = true;
		if (strcmp(paths[i], "-") == 0) {
			if (parts) {
				warnx("--part needs named files, not standard input");
				usage(stderr, HS_EXIT_USAGE);
			}
			continue;
		}
		if (stat(paths[i], &st) == -1) {
			/* Without --part the open fails later and says why. */
			if (parts) {
				warn("%s", paths[i]);
				ops[i].ok = false;
				rv = -1;
			}
			continue;
		}
		if (parts && !S_ISREG(st.st_mode)) {
			warnx("%s: --part needs regular files", paths[i]);
			usage(stderr, HS_EXIT_USAGE);
		}
		if (S_ISREG(st.st_mode)) {
			ops[i].size = st.st_size;
			*total += ops[i].size;
		}
	}
	return rv;
}

/* Part k of n of a stream of total bytes: [floor((k-1) total / n), floor(k total / n)),
 * computed as total = q n + r so that nothing overflows. */
static void
part_range(uint64_t total, unsigned k, unsigned n, uint64_t *lo, uint64_t *hi)
{
	uint64_t q = total / n, r = total % n;

	*lo = (uint64_t)(k - 1) * q + (uint64_t)(k - 1) * r / n;
	*hi = (uint64_t)k * q + (uint64_t)k * r / n;
}

/* One record for text[from..to) of the block. */
static void
write_span(struct splitter *sp, const struct hs_block *b, size_t from, size_t to,
    unsigned long par, unsigned long sent)
{
	struct hs_place pl = {
		.doc = b->doc,
		.date = b->date,
		.par = par,
		.sent = sent,
		.start = b->start + from,
		.end = b->start + to,
	};

	hs_writer_begin(&sp->out);
	hs_writer_place(&sp->out, &pl);
	if (b->clean)
		hs_writer_str_clean(&sp->out, "text", b->text + from, to - from);
	else
		hs_writer_str(&sp->out, "text", b->text + from, to - from);
	hs_writer_end(&sp->out);
}

static void
split_block(struct splitter *sp, struct hs_reader *r, const struct hs_block *b)
{
	size_t n, i;

	if (b->article_start)
		sp->sent = 0;
	switch (sp->level) {
	case LEVEL_ARTICLE:
		write_span(sp, b, 0, b->len, 0, 0);
		return;
	case LEVEL_PARAGRAPH:
		write_span(sp, b, 0, b->len, b->par, 0);
		return;
	case LEVEL_SENTENCE:
		break;
	}
	n = hs_segment_sentences(sp->seg, b->text, b->len, &sp->spans, &sp->nspans_cap);
	/* A block cut for length ends in a sentence the cut interrupted: hand it back,
	 * so that only a single sentence longer than the limit is ever cut. */
	if (b->cut && n > 1) {
		hs_reader_unread(r, b->len - sp->spans[n - 1].start);
		n--;
	}
	for (i = 0; i < n; i++)
		write_span(sp, b, sp->spans[i].start, sp->spans[i].end, b->par, ++sp->sent);
	/* A block of very short sentences grows the array far past what news needs;
	 * give that back rather than keep it for the rest of the run. */
	if (sp->nspans_cap > SPANS_KEPT) {
		free(sp->spans);
		sp->spans = NULL;
		sp->nspans_cap = 0;
	}
}

/* Split one input; -1 when anything about it was wrong (already warned). */
static int
split_input(struct splitter *sp, const char *path, uint64_t from, uint64_t to)
{
	struct hs_reader_opts	 opts = {
		.unit = sp->level == LEVEL_ARTICLE ? HS_UNIT_ARTICLE : HS_UNIT_PARAGRAPH,
		.from = from,
		.to = to,
		.before_wait = hs_writer_flush_hook,
		.wait_arg = &sp->out,
	};
	struct hs_reader	*r;
	struct hs_block		 b;
	int			 got, rv;

	if ((r = hs_reader_open(path, &opts)) == NULL)
		return -1;
	while ((got = hs_reader_next(r, &b)) == 1) {
		split_block(sp, r, &b);
		hs_progress_update(&sp->progress,
		    sp->bytes_before + hs_reader_bytes_read(r));
	}
	sp->bytes_before += hs_reader_bytes_read(r);
	rv = got == -1 || hs_reader_failed(r) ? -1 : 0;
	hs_reader_close(r);
	return rv;
}
