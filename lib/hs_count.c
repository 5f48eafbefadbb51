/* hs_count.c: the hash table of hs_count.h.
 * Linear probing over a slot array of 8-byte words kept at most half full: a probe
 * that misses reads one cache line and usually stops at the first empty slot, and a
 * probe that hits reads one record, count and key together. The table doubles when
 * half full; growing hashes the keys again, reading the arena in order. */
#include <sys/mman.h>

#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hs_count.h"

#define MIN_SLOTS	1024
#define TAG_SHIFT	40	/* a slot: tag << 40 | (offset / 8 + 1) */
#define OFF_MASK	((UINT64_C(1) << TAG_SHIFT) - 1)
#define REC_ALIGN	8

static void	grow_slots(struct hs_counter *);
static void	ask_huge_pages(void *, size_t);

void
hs_counter_init(struct hs_counter *c)
{
	memset(c, 0, sizeof(*c));
	hs_buf_init(&c->arena);
	hs_buf_reserve(&c->arena, 4096);
	if ((c->slots = calloc(MIN_SLOTS, sizeof(*c->slots))) == NULL)
		err(1, NULL);
	c->mask = MIN_SLOTS - 1;
}

void
hs_counter_free(struct hs_counter *c)
{
	free(c->slots);
	free(c->offs);
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

/* A large table is read at random: ask for huge pages, so that its lookups do not also
 * miss the TLB. Only the 2 MiB-aligned inside of the block can have them; an advice
 * the kernel does not take costs nothing. */
static void
ask_huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t	 huge = (uintptr_t)2 << 20;
	uintptr_t	 start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t	 end = ((uintptr_t)p + n) & ~(huge - 1);

	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

static inline uint64_t
slot_of(uint64_t h, uint64_t off)
{
	return (h >> TAG_SHIFT << TAG_SHIFT) | (off / REC_ALIGN + 1);
}

static void
grow_slots(struct hs_counter *c)
{
	size_t		 nold = c->mask + 1, i, s;
	uint64_t	 h;

	if (nold > SIZE_MAX / 2 / sizeof(*c->slots))
		errx(1, "too many keys to count");
	free(c->slots);
	if ((c->slots = calloc(nold * 2, sizeof(*c->slots))) == NULL)
		err(1, NULL);
	c->mask = nold * 2 - 1;
	ask_huge_pages(c->slots, nold * 2 * sizeof(*c->slots));
	for (i = 0; i < c->nkeys; i++) {
		h = hs_count_hash(hs_counter_key(c, (uint32_t)i),
		    hs_counter_len(c, (uint32_t)i));
		for (s = h & c->mask; c->slots[s] != 0; s = (s + 1) & c->mask)
			continue;
		c->slots[s] = slot_of(h, c->offs[i]);
	}
}

static inline const struct hs_count_rec *
slot_rec(const struct hs_counter *c, uint64_t v)
{
	return (const struct hs_count_rec *)(const void *)(c->arena.data +
	    ((v & OFF_MASK) - 1) * REC_ALIGN);
}

uint32_t
hs_counter_find(const struct hs_counter *c, const void *key, size_t len)
{
	uint64_t			 h = hs_count_hash(key, len), v;
	const struct hs_count_rec	*r;
	size_t				 s;

	for (s = h & c->mask; (v = c->slots[s]) != 0; s = (s + 1) & c->mask) {
		if ((v ^ h) >> TAG_SHIFT != 0)
			continue;
		r = slot_rec(c, v);
		if (r->len == len && memcmp(r + 1, key, len) == 0)
			return r->num;
	}
	return UINT32_MAX;
}

uint32_t
hs_counter_add(struct hs_counter *c, const void *key, size_t len, uint64_t n,
    bool *isnew)
{
	return hs_counter_add_hashed(c, key, len, hs_count_hash(key, len), n, isnew);
}

uint32_t
hs_counter_add_hashed(struct hs_counter *c, const void *key, size_t len, uint64_t h,
    uint64_t n, bool *isnew)
{
	uint64_t		 v, off;
	struct hs_count_rec	*r;
	size_t			 s, size;

	for (s = h & c->mask; (v = c->slots[s]) != 0; s = (s + 1) & c->mask) {
		if ((v ^ h) >> TAG_SHIFT != 0)
			continue;
		r = (struct hs_count_rec *)(void *)(c->arena.data +
		    ((v & OFF_MASK) - 1) * REC_ALIGN);
		if (r->len == len && memcmp(r + 1, key, len) == 0) {
			if (r->count > UINT64_MAX - n)
				errx(1, "a count above %llu", (unsigned long long)UINT64_MAX);
			r->count += n;
			*isnew = false;
			return r->num;
		}
	}

	if (len > UINT32_MAX)
		errx(1, "a key longer than 4 GiB");
	if (c->nkeys >= HS_COUNT_MAX_KEYS)
		errx(1, "more than %lu distinct keys", (unsigned long)HS_COUNT_MAX_KEYS);
	if (c->nkeys == c->capkeys) {
		size_t		 cap = c->capkeys ? c->capkeys * 2 : 1024;
		uint64_t	*p;

		if ((p = reallocarray(c->offs, cap, sizeof(*p))) == NULL)
			err(1, NULL);
		c->offs = p;
		c->capkeys = cap;
	}
	off = c->arena.len;
	if (off / REC_ALIGN + 1 > OFF_MASK)
		errx(1, "more than %llu bytes of keys", (unsigned long long)OFF_MASK);
	size = (sizeof(*r) + len + REC_ALIGN - 1) / REC_ALIGN * REC_ALIGN;
	if (c->arena.cap - c->arena.len < size) {
		hs_buf_reserve(&c->arena, size);
		ask_huge_pages(c->arena.data, c->arena.cap);
	}
	r = (struct hs_count_rec *)(void *)(c->arena.data + off);
	r->count = n;
	r->len = (uint32_t)len;
	r->num = (uint32_t)c->nkeys;
	memcpy(r + 1, key, len);
	c->arena.len += size;
	c->offs[c->nkeys] = off;
	c->slots[s] = slot_of(h, off);
	if (++c->nkeys > (c->mask + 1) / 2)
		grow_slots(c);
	*isnew = true;
	return r->num;
}

size_t
hs_counter_memory(const struct hs_counter *c)
{
	return (c->mask + 1) * sizeof(*c->slots) + c->capkeys * sizeof(*c->offs) +
	    c->arena.cap;
}
