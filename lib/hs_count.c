/* hs_count.c: the hash table of hs_count.h.
 * Linear probing over a slot array of 8-byte words kept at most half full: a probe
 * that misses reads one cache line and usually stops at the first empty slot. The
 * table doubles when half full; an entry records the low half of its hash, so growing
 * moves slots without hashing a key again or reading it. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "hs_count.h"

#define MIN_SLOTS	1024

static void	grow_slots(struct hs_counter *);

void
hs_counter_init(struct hs_counter *c)
{
	memset(c, 0, sizeof(*c));
	hs_buf_init(&c->arena);
	/* Never NULL, so that an empty key still points somewhere. */
	hs_buf_reserve(&c->arena, 4096);
	if ((c->slots = calloc(MIN_SLOTS, sizeof(*c->slots))) == NULL)
		err(1, NULL);
	c->mask = MIN_SLOTS - 1;
}

void
hs_counter_free(struct hs_counter *c)
{
	free(c->slots);
	free(c->entries);
	hs_buf_free(&c->arena);
	memset(c, 0, sizeof(*c));
}

static inline uint64_t
load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64_t
mix(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= UINT64_C(0x9E3779B97F4A7C15);	/* 2^64 divided by the golden ratio */
	return h ^ (h >> 32);
}

/* Eight bytes at a time; the last partial word is read as whole words that overlap
 * (or byte by byte below eight bytes), and the length goes in last, so keys that differ
 * only by trailing bytes or length still hash apart. */
uint64_t
hs_count_hash(const void *key, size_t len)
{
	const unsigned char	*p = key;
	uint64_t		 h = UINT64_C(0x243F6A8885A308D3), w;
	size_t			 n = len;

	while (n > 8) {
		h = mix(h, load64(p));
		p += 8;
		n -= 8;
	}
	if (len >= 8)
		w = load64((const unsigned char *)key + len - 8);
	else {
		w = 0;
		while (n > 0)
			w = w << 8 | p[--n];
	}
	h = mix(h, w);
	h = mix(h, (uint64_t)len);
	h ^= h >> 29;
	h *= UINT64_C(0xBF58476D1CE4E5B9);
	return h ^ (h >> 31);
}

static void
grow_slots(struct hs_counter *c)
{
	uint64_t	*old = c->slots;
	size_t		 nold = c->mask + 1, s;

	if (nold > SIZE_MAX / 2 / sizeof(*c->slots))
		errx(1, "too many keys to count");
	if ((c->slots = calloc(nold * 2, sizeof(*c->slots))) == NULL)
		err(1, NULL);
	c->mask = nold * 2 - 1;
	for (s = 0; s < nold; s++) {
		uint64_t	 v = old[s];
		size_t		 t;

		if (v == 0)
			continue;
		/* The home slot comes from the entry's stored low half. */
		for (t = c->entries[(uint32_t)v - 1].hash & c->mask; c->slots[t] != 0;
		    t = (t + 1) & c->mask)
			continue;
		c->slots[t] = v;
	}
	free(old);
}

uint32_t
hs_counter_find(const struct hs_counter *c, const void *key, size_t len)
{
	uint64_t	 h = hs_count_hash(key, len), tag = h >> 32 << 32, v;
	size_t		 s;

	for (s = (uint32_t)h & c->mask; (v = c->slots[s]) != 0; s = (s + 1) & c->mask) {
		const struct hs_count_entry *e;

		if ((v & ~UINT64_C(0xFFFFFFFF)) != tag)
			continue;
		e = &c->entries[(uint32_t)v - 1];
		if (e->len == len && memcmp(c->arena.data + e->off, key, len) == 0)
			return (uint32_t)v - 1;
	}
	return UINT32_MAX;
}

uint32_t
hs_counter_intern(struct hs_counter *c, const void *key, size_t len, bool *isnew)
{
	uint64_t		 h = hs_count_hash(key, len), tag = h >> 32 << 32, v;
	struct hs_count_entry	*e;
	size_t			 s;
	uint32_t		 i;

	for (s = (uint32_t)h & c->mask; (v = c->slots[s]) != 0; s = (s + 1) & c->mask) {
		if ((v & ~UINT64_C(0xFFFFFFFF)) != tag)
			continue;
		e = &c->entries[(uint32_t)v - 1];
		if (e->len == len && memcmp(c->arena.data + e->off, key, len) == 0) {
			*isnew = false;
			return (uint32_t)v - 1;
		}
	}

	if (len > UINT32_MAX)
		errx(1, "a key longer than 4 GiB");
	if (c->nentries >= HS_COUNT_MAX_KEYS)
		errx(1, "more than %lu distinct keys", (unsigned long)HS_COUNT_MAX_KEYS);
	if (c->nentries == c->capentries) {
		size_t			 cap = c->capentries ? c->capentries * 2 : 1024;
		struct hs_count_entry	*p;

		if ((p = reallocarray(c->entries, cap, sizeof(*p))) == NULL)
			err(1, NULL);
		c->entries = p;
		c->capentries = cap;
	}
	i = (uint32_t)c->nentries++;
	e = &c->entries[i];
	e->count = 0;
	e->off = c->arena.len;
	e->len = (uint32_t)len;
	e->hash = (uint32_t)h;
	hs_buf_append(&c->arena, key, len);
	c->slots[s] = tag | ((uint64_t)i + 1);
	if (c->nentries > (c->mask + 1) / 2)
		grow_slots(c);
	*isnew = true;
	return i;
}

size_t
hs_counter_memory(const struct hs_counter *c)
{
	return (c->mask + 1) * sizeof(*c->slots) +
	    c->capentries * sizeof(*c->entries) + c->arena.cap;
}
