/* hs_lexicon.c: typed word lists in one open-addressing hash table, filled from the
 * built-in lists and from the user's -L files. Lookups are by exact bytes. */
#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_buf.h"
#include "hs_lexicon.h"

static const char *const type_names[HS_LEX_NTYPES] = {
	[HS_LEX_ABBREV] = "abbrev",
	[HS_LEX_NUMABBREV] = "numabbrev",
	[HS_LEX_TITLE] = "title",
	[HS_LEX_STARTER] = "starter",
	[HS_LEX_PERSON] = "person",
	[HS_LEX_NORP] = "norp",
	[HS_LEX_ORG] = "org",
	[HS_LEX_GPE] = "gpe",
	[HS_LEX_LOC] = "loc",
	[HS_LEX_GIVEN] = "given",
	[HS_LEX_ROLE] = "role",
	[HS_LEX_ORGWORD] = "orgword",
	[HS_LEX_GPEWORD] = "gpeword",
	[HS_LEX_LOCWORD] = "locword",
	[HS_LEX_THINGWORD] = "thingword",
	[HS_LEX_CUE] = "cue",
	[HS_LEX_COMMON] = "common",
	[HS_LEX_ROLE_END] = NULL,	/* derived from role entries */
	[HS_LEX_MULTI_START] = NULL,	/* derived from keys of several words */
};

#define FILTER_BITS	(1u << 18)

struct slot {
	char		*key;		/* NULL: empty */
	size_t		 keylen;
	uint64_t	 hash;
	int		 type;
	const char	*canonical;	/* points at the entry's own key slot's string */
};

/* The types of a key, whatever they are: one probe answers hs_lexicon_types. */
struct kslot {
	const char	*key;		/* NULL: empty; the string of a typed slot */
	uint32_t	 types;
	uint16_t	 keylen;
	uint16_t	 tag;		/* the hash's top bits: most probes stop here */
};
/* 16 bytes a slot keeps the table of 30,000 keys in about 1 MB, near the cache:
 * a tagger looks up every capitalised word and most hits miss the cache otherwise.
 * A key longer than this is only in the typed table. */
#define KSLOT_MAXKEY	UINT16_MAX

struct hs_lexicon {
	unsigned	 want;		/* the types kept: (1u << type) bits */
	struct slot	*slots;
	size_t		 nslots;	/* a power of two */
	size_t		 used;
	struct kslot	*kslots;
	size_t		 nkslots;	/* a power of two */
	size_t		 kused;
	char		**names;	/* canonical names, owned */
	/* One bit per hash of a key's bytes, of any type: most words a tool looks up
	 * are in no list, and the filter says so with one memory access. */
	uint64_t	 filter[FILTER_BITS / 64];
	size_t		 nnames, capnames;
};

/* FNV-1a over the bytes: short keys, few of them; simple beats clever. */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* The table's hash of (type, bytes), from the hash of the bytes alone. */
static inline uint64_t
hash_typed(uint64_t hbytes, int type)
{
	uint64_t h = hbytes ^ ((uint64_t)(type + 1) * UINT64_C(0x9e3779b97f4a7c15));

	return (h ^ (h >> 29)) * UINT64_C(0xbf58476d1ce4e5b9);
}

/* The bit of the prefilter for a key's bytes. */
static inline size_t
filter_bit(uint64_t hbytes)
{
	return (size_t)(hbytes >> 40) & (FILTER_BITS - 1);
}

static struct slot *
find_slot(const struct hs_lexicon *lex, int type, const char *s, size_t n, uint64_t h)
{
	size_t		 mask = lex->nslots - 1, i;
	struct slot	*sl;

	for (i = h & mask;; i = (i + 1) & mask) {
		sl = &lex->slots[i];
		if (sl->key == NULL)
			return sl;
		if (sl->hash == h && sl->type == type && sl->keylen == n &&
		    memcmp(sl->key, s, n) == 0)
			return sl;
	}
}

/* memcmp for the short keys a lexicon holds, without the call. */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	while (n > 0 && *a == *b) {
		a++;
		b++;
		n--;
	}
	return n == 0;
}

static struct kslot *
find_kslot(const struct hs_lexicon *lex, const char *s, size_t n, uint64_t h)
{
	size_t		 mask = lex->nkslots - 1, i;
	struct kslot	*sl;

	for (i = h & mask;; i = (i + 1) & mask) {
		sl = &lex->kslots[i];
		if (sl->key == NULL)
			return sl;
		if (sl->tag == (uint16_t)(h >> 48) && sl->keylen == n &&
		    same_bytes(sl->key, s, n))
			return sl;
	}
}

static void
grow_keys(struct hs_lexicon *lex)
{
	struct kslot	*old = lex->kslots, *sl;
	size_t		 oldn = lex->nkslots, i;

	lex->nkslots = oldn ? oldn * 2 : 1024;
	if ((lex->kslots = calloc(lex->nkslots, sizeof(*lex->kslots))) == NULL)
		err(1, NULL);
	for (i = 0; i < oldn; i++) {
		if (old[i].key == NULL)
			continue;
		sl = find_kslot(lex, old[i].key, old[i].keylen,
		    hash_bytes(old[i].key, old[i].keylen));
		*sl = old[i];
	}
	free(old);
}

static void
grow(struct hs_lexicon *lex)
{
	struct slot	*old = lex->slots, *sl;
	size_t		 oldn = lex->nslots, i;

	lex->nslots = oldn ? oldn * 2 : 1024;
	if ((lex->slots = calloc(lex->nslots, sizeof(*lex->slots))) == NULL)
		err(1, NULL);
	for (i = 0; i < oldn; i++) {
		if (old[i].key == NULL)
			continue;
		sl = find_slot(lex, old[i].type, old[i].key, old[i].keylen, old[i].hash);
		*sl = old[i];
	}
	free(old);
}

static const char *
keep_name(struct hs_lexicon *lex, const char *s, size_t n)
{
	char	**p, *name;

	if (lex->nnames == lex->capnames) {
		lex->capnames = lex->capnames ? lex->capnames * 2 : 256;
		p = reallocarray(lex->names, lex->capnames, sizeof(*p));
		if (p == NULL)
			err(1, NULL);
		lex->names = p;
	}
	if ((name = strndup(s, n)) == NULL)
		err(1, NULL);
	lex->names[lex->nnames++] = name;
	return name;
}

/* Map s[0..n) of that type to canonical; a later entry for the same key wins, so a
 * user's file can correct a built-in one. */
static void
add_key(struct hs_lexicon *lex, int type, const char *s, size_t n, const char *canonical)
{
	struct slot	*sl;
	struct kslot	*ks;
	uint64_t	 hb = hash_bytes(s, n), h = hash_typed(hb, type);

	lex->filter[filter_bit(hb) / 64] |= UINT64_C(1) << (filter_bit(hb) % 64);
	if ((lex->used + 1) * 2 > lex->nslots)
		grow(lex);
	sl = find_slot(lex, type, s, n, h);
	if (sl->key == NULL) {
		if ((sl->key = strndup(s, n)) == NULL)
			err(1, NULL);
		sl->keylen = n;
		sl->hash = h;
		sl->type = type;
		lex->used++;
	}
	sl->canonical = canonical;

	if (n <= KSLOT_MAXKEY) {
		if ((lex->kused + 1) * 2 > lex->nkslots)
			grow_keys(lex);
		ks = find_kslot(lex, s, n, hb);
		if (ks->key == NULL) {
			ks->key = sl->key;
			ks->keylen = (uint16_t)n;
			ks->tag = (uint16_t)(hb >> 48);
			lex->kused++;
		}
		ks->types |= 1u << type;
	}

	if (type != HS_LEX_MULTI_START && type != HS_LEX_ROLE_END) {
		const char *sp = memchr(s, ' ', n);

		if (sp != NULL)
			add_key(lex, HS_LEX_MULTI_START, s, (size_t)(sp - s), canonical);
	}
	if (type == HS_LEX_ROLE) {
		size_t last = n;

		while (last > 0 && s[last - 1] != ' ')
			last--;
		add_key(lex, HS_LEX_ROLE_END, s + last, n - last, canonical);
	}
}

int
hs_lex_type_from_name(const char *name, size_t n)
{
	int t;

	for (t = 0; t < HS_LEX_NTYPES; t++) {
		if (type_names[t] != NULL && strlen(type_names[t]) == n &&
		    memcmp(type_names[t], name, n) == 0)
			return t;
	}
	return -1;
}

const char *
hs_lex_type_name(enum hs_lex_type t)
{
	return (unsigned)t < HS_LEX_NTYPES && type_names[t] != NULL ? type_names[t] : "?";
}

/* One line, without its newline: TYPE<TAB>NAME[<TAB>ALIAS]... */
static int
load_line(struct hs_lexicon *lex, const char *name, unsigned long lineno,
    const char *s, size_t n)
{
	const char	*field, *tab, *end = s + n, *canonical;
	int		 type;

	if (n > 0 && s[n - 1] == '\r')
		end--;
	field = s;
	while (field < end && (*field == ' ' || *field == '\t'))
		field++;
	if (field == end || *field == '#')
		return 0;
	if ((tab = memchr(s, '\t', end - s)) == NULL) {
		warnx("%s:%lu: missing TAB and name after the type", name, lineno);
		return -1;
	}
	if ((type = hs_lex_type_from_name(s, tab - s)) == -1) {
		warnx("%s:%lu: unknown lexicon type '%.*s'", name, lineno,
		    (int)(tab - s), s);
		return -1;
	}
	field = tab + 1;
	if ((tab = memchr(field, '\t', end - field)) == NULL)
		tab = end;
	if (tab == field) {
		warnx("%s:%lu: empty name", name, lineno);
		return -1;
	}
	if (!(lex->want & (1u << type)))
		return 0;	/* a type this tool does not use: checked, not kept */
	canonical = keep_name(lex, field, tab - field);
	add_key(lex, type, field, tab - field, canonical);
	while (tab < end) {
		field = tab + 1;
		if ((tab = memchr(field, '\t', end - field)) == NULL)
			tab = end;
		if (tab > field)
			add_key(lex, type, field, tab - field, canonical);
	}
	return 0;
}

int
hs_lexicon_load_text(struct hs_lexicon *lex, const char *name, const char *s, size_t n)
{
	const char	*nl, *end = s + n;
	unsigned long	 lineno = 0;

	while (s < end) {
		lineno++;
		if ((nl = memchr(s, '\n', end - s)) == NULL)
			nl = end;
		if (load_line(lex, name, lineno, s, nl - s) == -1)
			return -1;
		s = nl + 1;
	}
	return 0;
}

int
hs_lexicon_load_file(struct hs_lexicon *lex, const char *path)
{
	FILE		*fp;
	struct hs_buf	 text;
	char		 chunk[65536];
	size_t		 n;
	int		 rv;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	hs_buf_init(&text);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		hs_buf_append(&text, chunk, n);
	if (ferror(fp)) {
		warn("%s", path);
		fclose(fp);
		hs_buf_free(&text);
		return -1;
	}
	fclose(fp);
	rv = hs_lexicon_load_text(lex, path, text.data ? text.data : "", text.len);
	hs_buf_free(&text);
	return rv;
}

struct hs_lexicon *
hs_lexicon_new(void)
{
	return hs_lexicon_new_types(~0u);
}

struct hs_lexicon *
hs_lexicon_new_types(unsigned want)
{
	struct hs_lexicon		*lex;
	const struct hs_lexicon_source	*src;

	if ((lex = calloc(1, sizeof(*lex))) == NULL)
		err(1, NULL);
	lex->want = want;
	grow(lex);
	grow_keys(lex);
	for (src = hs_lexicon_builtin; src->text != NULL; src++) {
		if (hs_lexicon_load_text(lex, src->name, src->text,
		    strlen(src->text)) == -1)
			errx(1, "built-in lexicon %s is malformed", src->name);
	}
	return lex;
}

void
hs_lexicon_free(struct hs_lexicon *lex)
{
	size_t i;

	if (lex == NULL)
		return;
	for (i = 0; i < lex->nslots; i++)
		free(lex->slots[i].key);
	for (i = 0; i < lex->nnames; i++)
		free(lex->names[i]);
	free(lex->slots);
	free(lex->kslots);
	free(lex->names);
	free(lex);
}

const char *
hs_lexicon_canonical(const struct hs_lexicon *lex, enum hs_lex_type type,
    const char *s, size_t n)
{
	struct slot	*sl;
	uint64_t	 hb = hash_bytes(s, n);
	size_t		 bit = filter_bit(hb);

	if ((lex->filter[bit / 64] & (UINT64_C(1) << (bit % 64))) == 0)
		return NULL;
	sl = find_slot(lex, type, s, n, hash_typed(hb, type));
	return sl->key != NULL ? sl->canonical : NULL;
}

unsigned
hs_lexicon_types(const struct hs_lexicon *lex, const char *s, size_t n)
{
	uint64_t	 hb = hash_bytes(s, n);
	size_t		 bit = filter_bit(hb);

	if ((lex->filter[bit / 64] & (UINT64_C(1) << (bit % 64))) == 0 || n > KSLOT_MAXKEY)
		return 0;
	return find_kslot(lex, s, n, hb)->types;
}

bool
hs_lexicon_has(const struct hs_lexicon *lex, enum hs_lex_type type,
    const char *s, size_t n)
{
	return (hs_lexicon_types(lex, s, n) & (1u << type)) != 0;
}
