/* hearsay-tag: the names of people, groups, organisations and places, and dates and
 * amounts, in raw articles or text records, as entity records with canonical names;
 * in the quotations of quote records, as quoted records that keep the speaker. */
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_buf.h"
#include "hs_escape.h"
#include "hs_input.h"
#include "hs_lexicon.h"
#include "hs_progress.h"
#include "hs_record.h"
#include "hs_tag.h"
#include "hs_util.h"

/* --learn: a full name is written to the lexicon when this many articles give it. */
#define LEARN_MIN_ARTICLES	2
/* ... and its surname becomes its alias when it has at least this share (percent)
 * of the articles that give a full name with that surname. */
#define LEARN_SURNAME_SHARE	80

enum {
	OPT_LEARN = 256,
	OPT_PROGRESS,
	OPT_VERSION
};

/* A full name seen by --learn, and in how many articles. */
struct learned {
	char		*name;
	const char	*surname;	/* inside name */
	uint64_t	 articles;
	uint64_t	 last_article;	/* the article that counted it last */
	bool		 alias;		/* its surname is written as its alias */
};

struct tagrun {
	struct hs_tagger	*tg;
	struct hs_writer	 out;
	struct hs_buf		 speaker;	/* a quotation's speaker, unescaped */
	unsigned long long	 want;
	bool			 learn;
	struct hs_progress	 progress;
	uint64_t		 bytes_before;
	/* --learn: open addressing on the name */
	struct learned		*names;
	size_t			 nnames, capnames;
	uint64_t		 article_no;
};

/* At file scope, so that an early exit leaves them reachable (LeakSanitizer). */
static struct hs_lexicon	*lex;
static struct tagrun		 run;

static const struct option longopts[] = {
	{ "help",	no_argument,		NULL,	'h' },
	{ "json",	no_argument,		NULL,	'j' },
	{ "lexicon",	required_argument,	NULL,	'L' },
	{ "learn",	no_argument,		NULL,	OPT_LEARN },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "rule",	required_argument,	NULL,	'e' },
	{ "types",	required_argument,	NULL,	't' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

static void	usage(FILE *, int) __attribute__((noreturn));
static void	add_rule(const char *);
static unsigned long long parse_types(const char *);
static void	write_mentions(struct tagrun *, const struct hs_article *,
		    const struct hs_mention *, size_t);
static void	write_speaker(struct tagrun *, const struct hs_piece *);
static void	learn_mentions(struct tagrun *, const struct hs_mention *, size_t);
static void	write_learned(struct tagrun *);
static int	tag_input(struct tagrun *, const char *);

int
main(int argc, char *argv[])
{
	char	*stdin_only[] = { "-", NULL };
	char	**paths;
	char	*types = NULL;
	bool	 json = false, progress = false;
	int	 ch, i, nops, rval = HS_EXIT_OK;

	setlocale(LC_ALL, "");
	lex = hs_lexicon_new();
	run.tg = hs_tagger_new(lex);

	while ((ch = getopt_long(argc, argv, "e:hjL:t:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			add_rule(optarg);
			break;
		case 'h':
			usage(stdout, HS_EXIT_OK);
		case 'j':
			json = true;
			break;
		case 'L':
			if (hs_lexicon_load_file(lex, optarg) == -1)
				exit(HS_EXIT_DATA);
			break;
		case 't':
			types = optarg;
			break;
		case OPT_LEARN:
			run.learn = true;
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

	/* Types are read after the rules, which may name new ones. */
	run.want = types != NULL ? parse_types(types) : ~0ULL;
	if (run.learn)
		run.want = 1ULL << HS_ENT_PERSON;
	if (argc == 0 && isatty(STDIN_FILENO))
		usage(stderr, HS_EXIT_USAGE);
	nops = argc > 0 ? argc : 1;
	paths = argc > 0 ? argv : stdin_only;

	hs_writer_init(&run.out, stdout, json ? HS_FORMAT_JSON : HS_FORMAT_TSV);
	hs_buf_init(&run.speaker);
	hs_progress_init(&run.progress, progress, argc > 0 ? hs_progress_total(paths, nops) : 0);
	for (i = 0; i < nops; i++)
		if (tag_input(&run, paths[i]) == -1)
			rval = HS_EXIT_DATA;
	hs_progress_finish(&run.progress);
	if (run.learn)
		write_learned(&run);
	if (hs_writer_close(&run.out) == -1)
		hs_writer_fail();

	for (i = 0; (size_t)i < run.capnames; i++)
		free(run.names[i].name);
	free(run.names);
	hs_buf_free(&run.speaker);
	hs_tagger_free(run.tg);
	hs_lexicon_free(lex);
	return rval;
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-hj] [-e TYPE=pattern] [-L file] [-t types] [--learn] "
	    "[--progress] [--version] [file ...]\n", getprogname());
	exit(status);
}

/* -e TYPE=PATTERN: a bad pattern is a usage error, with PCRE2's own message. */
static void
add_rule(const char *arg)
{
	const char	*eq = strchr(arg, '=');
	char		 type[64], msg[512];

	if (eq == NULL || eq == arg || (size_t)(eq - arg) >= sizeof(type)) {
		warnx("-e wants TYPE=PATTERN: '%s'", arg);
		usage(stderr, HS_EXIT_USAGE);
	}
	memcpy(type, arg, (size_t)(eq - arg));
	type[eq - arg] = '\0';
	if (hs_tagger_add_rule(run.tg, type, eq + 1, msg, sizeof(msg)) == -1) {
		warnx("-e '%s': %s", arg, msg);
		exit(HS_EXIT_USAGE);
	}
}

/* -t PERSON,ORG: the set of types to report. */
static unsigned long long
parse_types(const char *list)
{
	unsigned long long	 want = 0;
	char			*copy, *p, *name;
	int			 t;

	if ((copy = strdup(list)) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (p = copy; (name = strsep(&p, ",")) != NULL;) {
		if (*name == '\0')
			continue;
		if ((t = hs_tagger_type(run.tg, name)) == -1) {
			warnx("unknown type '%s'", name);
			free(copy);
			usage(stderr, HS_EXIT_USAGE);
		}
		want |= 1ULL << t;
	}
	free(copy);
	if (want == 0) {
		warnx("-t names no type");
		usage(stderr, HS_EXIT_USAGE);
	}
	return want;
}

/* An entity record for each mention; a mention in a quotation gives a quoted record,
 * with the quote record's place (the quotation is no byte image of the input, so the
 * mention has no offsets of its own) and its speaker. */
static void
write_mentions(struct tagrun *r, const struct hs_article *a, const struct hs_mention *m,
    size_t n)
{
	const struct hs_piece	*p;
	size_t			 i;

	for (i = 0; i < n; i++) {
		p = &a->pieces[m[i].piece];
		struct hs_place pl = {
			.doc = a->doc,
			.date = a->date,
			.par = p->par,
			.sent = p->sent,
			.start = p->start + m[i].start,
			.end = p->start + m[i].end,
		};
		if (p->speaker != NULL) {
			pl.start = p->start;
			pl.end = p->end;
		}
		hs_writer_begin(&r->out);
		hs_writer_place(&r->out, &pl);
		hs_writer_cstr(&r->out, "type", hs_tagger_type_name(r->tg, m[i].type));
		hs_writer_str(&r->out, "name", m[i].name, strlen(m[i].name));
		if (p->clean)
			hs_writer_str_clean(&r->out, "mention", a->text + p->off + m[i].start,
			    m[i].end - m[i].start);
		else
			hs_writer_str(&r->out, "mention", a->text + p->off + m[i].start,
			    m[i].end - m[i].start);
		if (p->speaker != NULL)
			write_speaker(r, p);
		hs_writer_end(&r->out);
	}
}

/* The speaker as the quote record gave it. It is unescaped and escaped again, which
 * gives back the bytes of any record a hearsay tool wrote (they escape one way only)
 * and keeps the output valid whatever the input; "-" is null in JSON. A malformed
 * escape was warned about by hs_input: what it decoded up to there is written. */
static void
write_speaker(struct tagrun *r, const struct hs_piece *p)
{
	r->speaker.len = 0;
	hs_buf_reserve(&r->speaker, p->speaker_len + 1);
	(void)hs_unescape_tsv(&r->speaker, p->speaker, p->speaker_len);
	if (r->speaker.len == 1 && r->speaker.data[0] == '-')
		hs_writer_optstr(&r->out, "speaker", "-");
	else
		hs_writer_str(&r->out, "speaker", r->speaker.data, r->speaker.len);
}

static uint64_t
hash_name(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static struct learned *
learned_slot(struct tagrun *r, const char *name)
{
	size_t		 mask, i;
	struct learned	*old, *sl;
	size_t		 oldcap, k;

	if (r->nnames * 2 >= r->capnames) {
		old = r->names;
		oldcap = r->capnames;
		r->capnames = oldcap ? oldcap * 2 : 1024;
		if ((r->names = calloc(r->capnames, sizeof(*r->names))) == NULL)
			err(HS_EXIT_DATA, NULL);
		for (k = 0; k < oldcap; k++) {
			if (old[k].name == NULL)
				continue;
			mask = r->capnames - 1;
			for (i = hash_name(old[k].name) & mask; r->names[i].name != NULL;
			    i = (i + 1) & mask)
				;
			r->names[i] = old[k];
		}
		free(old);
	}
	mask = r->capnames - 1;
	for (i = hash_name(name) & mask;; i = (i + 1) & mask) {
		sl = &r->names[i];
		if (sl->name == NULL || strcmp(sl->name, name) == 0)
			return sl;
	}
}

/* --learn: count, for each full name, the articles that give it. */
static void
learn_mentions(struct tagrun *r, const struct hs_mention *m, size_t n)
{
	struct learned	*sl;
	const char	*sp;
	size_t		 i;

	r->article_no++;
	for (i = 0; i < n; i++) {
		if (m[i].type != HS_ENT_PERSON || (sp = strrchr(m[i].name, ' ')) == NULL)
			continue;
		sl = learned_slot(r, m[i].name);
		if (sl->name == NULL) {
			if ((sl->name = strdup(m[i].name)) == NULL)
				err(HS_EXIT_DATA, NULL);
			sl->surname = sl->name + (sp - m[i].name) + 1;
			r->nnames++;
		}
		if (sl->last_article != r->article_no) {
			sl->last_article = r->article_no;
			sl->articles++;
		}
	}
}

static int
cmp_learned(const void *a, const void *b)
{
	const struct learned *x = a, *y = b;

	if (x->name == NULL || y->name == NULL)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

static int
cmp_by_surname(const void *a, const void *b)
{
	const struct learned *const *x = a, *const *y = b;

	return strcmp((*x)->surname, (*y)->surname);
}

/* Whether a full name is worth learning: two to four words, the first not an
 * ordinary word unless it is a given name ("Crooked Hillary"), none a word of
 * bodies, places, things or roles ("World War II", "Fort Pierce"). The tagger's
 * guesses that are no one's name stay out of the file. */
static bool
learnable(const char *name)
{
	const char	*w = name, *sp;
	size_t		 n, words = 0;
	unsigned	 types, lc_types;
	char		 lc[64];

	for (; *w != '\0'; w = sp != NULL ? sp + 1 : w + n) {
		sp = strchr(w, ' ');
		n = sp != NULL ? (size_t)(sp - w) : strlen(w);
		if (++words > 4 || n >= sizeof(lc))
			return false;
		types = hs_lexicon_types(lex, w, n);
		for (size_t k = 0; k < n; k++)
			lc[k] = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] | 0x20) : w[k];
		lc_types = hs_lexicon_types(lex, lc, n);
		if (types & ((1u << HS_LEX_ORGWORD) | (1u << HS_LEX_GPEWORD) |
		    (1u << HS_LEX_LOCWORD) | (1u << HS_LEX_THINGWORD)))
			return false;
		if (lc_types & (1u << HS_LEX_ROLE))
			return false;
		if (words == 1 && (lc_types & (1u << HS_LEX_COMMON)) &&
		    !(types & (1u << HS_LEX_GIVEN)))
			return false;
	}
	return words >= 2;
}

/* Whether a surname may stand for a learned person: not an ordinary word (West),
 * and not a name of another kind (Washington, Bloomberg). */
static bool
alias_ok(const char *surname)
{
	char	 lc[64];
	size_t	 n = strlen(surname), k;

	if (n >= sizeof(lc))
		return false;
	for (k = 0; k < n; k++)
		lc[k] = surname[k] >= 'A' && surname[k] <= 'Z' ? (char)(surname[k] | 0x20) :
		    surname[k];
	if (hs_lexicon_types(lex, lc, n) & (1u << HS_LEX_COMMON))
		return false;
	return (hs_lexicon_types(lex, surname, n) & ((1u << HS_LEX_NORP) |
	    (1u << HS_LEX_ORG) | (1u << HS_LEX_GPE) | (1u << HS_LEX_LOC))) == 0;
}

/* The learned lexicon: each full name given by enough articles, with its surname as
 * an alias when that surname mostly means this person. */
static void
write_learned(struct tagrun *r)
{
	struct learned	**by;
	size_t		 i, j, k, n = 0;
	uint64_t	 total;
	char		 line[64];

	if (r->capnames > 0)
		qsort(r->names, r->capnames, sizeof(*r->names), cmp_learned);
	if ((by = calloc(r->nnames + 1, sizeof(*by))) == NULL)
		err(HS_EXIT_DATA, NULL);
	for (i = 0; i < r->nnames; i++) {
		if (r->names[i].articles >= LEARN_MIN_ARTICLES &&
		    learnable(r->names[i].name))
			by[n++] = &r->names[i];
		else
			r->names[i].articles = 0;	/* not written */
	}
	/* The surname alias: decided among the names that share it. */
	qsort(by, n, sizeof(*by), cmp_by_surname);
	for (i = 0; i < n; i = j) {
		total = 0;
		for (j = i; j < n && strcmp(by[j]->surname, by[i]->surname) == 0; j++)
			total += by[j]->articles;
		for (k = i; k < j; k++)
			by[k]->alias = by[k]->articles * 100 >=
			    total * LEARN_SURNAME_SHARE && alias_ok(by[k]->surname);
	}
	free(by);

	snprintf(line, sizeof(line), "# learned by hearsay-tag --learn from %llu articles\n",
	    (unsigned long long)r->article_no);
	hs_buf_puts(&r->out.buf, line);
	for (i = 0; i < r->nnames; i++) {
		struct learned *l = &r->names[i];

		if (l->articles < LEARN_MIN_ARTICLES)
			continue;
		hs_buf_puts(&r->out.buf, "person\t");
		hs_buf_puts(&r->out.buf, l->name);
		if (l->alias) {
			hs_buf_putc(&r->out.buf, '\t');
			hs_buf_puts(&r->out.buf, l->surname);
		}
		hs_buf_putc(&r->out.buf, '\n');
	}
}

/* Tag one input; -1 when anything about it was wrong (already warned). */
static int
tag_input(struct tagrun *r, const char *path)
{
	struct hs_input_opts	 opts = {
		.lex = lex,
		.quotes = true,
		.before_wait = r->learn ? NULL : hs_writer_flush_hook,
		.wait_arg = &r->out,
	};
	struct hs_input		*in;
	struct hs_article	 a;
	const struct hs_mention	*m;
	size_t			 n;
	int			 got, rv;

	if ((in = hs_input_open(path, &opts)) == NULL)
		return -1;
	while ((got = hs_input_next(in, &a)) == 1) {
		n = hs_tag_article(r->tg, &a, r->want, &m);
		if (r->learn)
			learn_mentions(r, m, n);
		else
			write_mentions(r, &a, m, n);
		hs_progress_update(&r->progress, r->bytes_before + hs_input_bytes_read(in));
	}
	r->bytes_before += hs_input_bytes_read(in);
	rv = got == -1 || hs_input_failed(in) ? -1 : 0;
	hs_input_close(in);
	return rv;
}
