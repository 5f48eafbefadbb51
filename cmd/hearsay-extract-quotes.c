/* hearsay-extract-quotes: the quotations in raw articles or text records, each with
 * its kind, its speaker's canonical name and its reporting verb, as quote records. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_progress.h"
#include "hs_quote.h"
#include "hs_record.h"
#include "hs_util.h"

enum {
	OPT_MENTIONS = 256,
	OPT_PROGRESS,
	OPT_VERSION
};

struct quoterun {
	struct hs_quoter	*quoter;
	struct hs_writer	 out;
	bool			 mentions;
	struct hs_progress	 progress;
	uint64_t		 bytes_before;
};

/* At file scope, so that an early exit leaves them reachable (LeakSanitizer). */
static struct hs_lexicon	*lex;
static struct quoterun		 run;

static const struct option longopts[] = {
	{ "help",	no_argument,		NULL,	'h' },
	{ "json",	no_argument,		NULL,	'j' },
	{ "lexicon",	required_argument,	NULL,	'L' },
	{ "mentions",	no_argument,		NULL,	OPT_MENTIONS },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

static void	usage(FILE *, int) __attribute__((noreturn));
static void	write_quotes(struct quoterun *, const struct hs_article *,
		    const struct hs_quote *, size_t);
static int	quote_input(struct quoterun *, const char *);

int
main(int argc, char *argv[])
{
	char	*stdin_only[] = { "-", NULL };
	char	**paths;
	bool	 json = false, progress = false;
	int	 ch, i, nops, rval = HS_EXIT_OK;

	setlocale(LC_ALL, "");
	lex = hs_lexicon_new();
	if ((run.quoter = hs_quoter_new(lex)) == NULL)
		err(HS_EXIT_DATA, NULL);

	while ((ch = getopt_long(argc, argv, "hjL:", longopts, NULL)) != -1) {
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
		case OPT_MENTIONS:
			run.mentions = true;
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

	if (argc == 0 && isatty(STDIN_FILENO))
		usage(stderr, HS_EXIT_USAGE);
	nops = argc > 0 ? argc : 1;
	paths = argc > 0 ? argv : stdin_only;

	hs_writer_init(&run.out, stdout, json ? HS_FORMAT_JSON : HS_FORMAT_TSV);
	hs_progress_init(&run.progress, progress, argc > 0 ?
	    hs_progress_total(paths, nops) : 0);
	for (i = 0; i < nops; i++)
		if (quote_input(&run, paths[i]) == -1)
			rval = HS_EXIT_DATA;
	hs_progress_finish(&run.progress);
	if (hs_writer_close(&run.out) == -1)
		hs_writer_fail();

	hs_quoter_free(run.quoter);
	hs_lexicon_free(lex);
	return rval;
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-hj] [-L file] [--mentions] [--progress] [--version] "
	    "[file ...]\n", getprogname());
	exit(status);
}

static void
write_quotes(struct quoterun *r, const struct hs_article *a, const struct hs_quote *q,
    size_t n)
{
	const struct hs_piece	*p;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (q[i].kind == HS_QUOTE_MENTION && !r->mentions)
			continue;
		p = &a->pieces[q[i].piece];
		struct hs_place pl = {
			.doc = a->doc,
			.date = a->date,
			.par = p->par,
			.sent = p->sent,
			.start = p->start + q[i].start,
			.end = a->pieces[q[i].end_piece].start + q[i].end,
		};
		hs_writer_begin(&r->out);
		hs_writer_place(&r->out, &pl);
		hs_writer_cstr(&r->out, "kind", hs_quote_kind_name(q[i].kind));
		if (q[i].speaker != NULL)
			hs_writer_str(&r->out, "speaker", q[i].speaker, q[i].speaker_len);
		else
			hs_writer_optstr(&r->out, "speaker", "-");
		if (q[i].cue != NULL)
			hs_writer_str(&r->out, "cue", q[i].cue, q[i].cue_len);
		else
			hs_writer_optstr(&r->out, "cue", "-");
		hs_writer_str(&r->out, "quote", q[i].text, q[i].len);
		hs_writer_end(&r->out);
	}
}

/* Find the quotations of one input; -1 when anything about it was wrong (already
 * warned). */
static int
quote_input(struct quoterun *r, const char *path)
{
	struct hs_input_opts	 opts = {
		.lex = lex,
		.before_wait = hs_writer_flush_hook,
		.wait_arg = &r->out,
	};
	struct hs_input		*in;
	struct hs_article	 a;
	const struct hs_quote	*q;
	size_t			 n;
	int			 got, rv;

	if ((in = hs_input_open(path, &opts)) == NULL)
		return -1;
	while ((got = hs_input_next(in, &a)) == 1) {
		n = hs_quote_article(r->quoter, &a, &q);
		write_quotes(r, &a, q, n);
		hs_progress_update(&r->progress, r->bytes_before + hs_input_bytes_read(in));
	}
	r->bytes_before += hs_input_bytes_read(in);
	rv = got == -1 || hs_input_failed(in) ? -1 : 0;
	hs_input_close(in);
	return rv;
}
