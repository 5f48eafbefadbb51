/* hs_count.h: exact counting of byte-string keys. A hash table with open addressing
 * whose keys and counts live together in one arena; keys are numbered in the order
 * they were first added, and their numbers stay valid as the table grows. */
#ifndef HS_COUNT_H
#define HS_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hs_buf.h"

/* The most keys a table holds (numbers are 32-bit): far more than fit in memory. */
#define HS_COUNT_MAX_KEYS	((uint32_t)0xFFFFFFFE)

/* A key's record in the arena, 8-byte aligned, its key bytes right after it: a
 * lookup that finds its key finds the count in the same cache line. */
struct hs_count_rec {
	uint64_t	 count;
	uint32_t	 len;
	uint32_t	 num;
};

struct hs_counter {
	/* A slot is empty (0) or holds the top 24 bits of its key's hash over the
	 * record's offset in 8-byte units plus 1: most probes that miss are settled
	 * without reading the record. */
	uint64_t	*slots;
	size_t		 mask;		/* slots - 1; the slot count is a power of 2 */
	uint64_t	*offs;		/* a key's number -> its record's offset */
	size_t		 nkeys;
	size_t		 capkeys;
	struct hs_buf	 arena;
};

void	 hs_counter_init(struct hs_counter *);
void	 hs_counter_free(struct hs_counter *);
uint64_t hs_count_hash(const void *, size_t);
/* Add n to the count of key, which is made with a count of 0 when it is new (*isnew
 * then true), and return its number. Keys longer than 4 GiB, more than
 * HS_COUNT_MAX_KEYS keys, or a count above UINT64_MAX are fatal. */
uint32_t hs_counter_add(struct hs_counter *, const void *key, size_t len, uint64_t n,
	     bool *isnew);
/* hs_counter_add for a key whose hs_count_hash is known: a caller that hashes a
 * batch of keys and prefetches their slots first (hs_counter_prefetch) overlaps the
 * cache misses of a large table. */
uint32_t hs_counter_add_hashed(struct hs_counter *, const void *key, size_t len,
	     uint64_t hash, uint64_t n, bool *isnew);
/* The number of key, or UINT32_MAX when it was never added. */
uint32_t hs_counter_find(const struct hs_counter *, const void *key, size_t len);
/* Bytes held by the table, for reports. */
size_t	 hs_counter_memory(const struct hs_counter *);

static inline void
hs_counter_prefetch(const struct hs_counter *c, uint64_t hash)
{
	__builtin_prefetch(&c->slots[hash & c->mask]);
}

static inline size_t
hs_counter_size(const struct hs_counter *c)
{
	return c->nkeys;
}

static inline struct hs_count_rec *
hs_counter_rec(const struct hs_counter *c, uint32_t i)
{
	return (struct hs_count_rec *)(void *)(c->arena.data + c->offs[i]);
}

static inline const char *
hs_counter_key(const struct hs_counter *c, uint32_t i)
{
	return c->arena.data + c->offs[i] + sizeof(struct hs_count_rec);
}

static inline size_t
hs_counter_len(const struct hs_counter *c, uint32_t i)
{
	return hs_counter_rec(c, i)->len;
}

static inline uint64_t
hs_counter_count(const struct hs_counter *c, uint32_t i)
{
	return hs_counter_rec(c, i)->count;
}

#endif
