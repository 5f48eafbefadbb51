/* hs_count.h: exact counting of byte-string keys. A hash table with open addressing
 * whose keys are kept in one arena; entries are numbered in the order they were made,
 * and their numbers stay valid as the table grows. */
#ifndef HS_COUNT_H
#define HS_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hs_buf.h"

/* The most keys a table holds (numbers are 32-bit): far more than fit in memory. */
#define HS_COUNT_MAX_KEYS	((uint32_t)0xFFFFFFFE)

struct hs_count_entry {
	uint64_t	 count;
	uint64_t	 off;		/* the key is arena.data + off ... */
	uint32_t	 len;		/* ... for len bytes */
	uint32_t	 hash;		/* low half of the key's hash: its home slot */
};

struct hs_counter {
	/* A slot is empty (0) or holds the high half of its key's hash, shifted up 32,
	 * ORed with the entry's number plus 1: most probes that miss are settled
	 * without reading the entry or its key. */
	uint64_t		*slots;
	size_t			 mask;		/* slots - 1; the slot count is a power of 2 */
	struct hs_count_entry	*entries;
	size_t			 nentries;
	size_t			 capentries;
	struct hs_buf		 arena;
};

void	hs_counter_init(struct hs_counter *);
void	hs_counter_free(struct hs_counter *);
uint64_t hs_count_hash(const void *, size_t);
/* The number of key's entry, made with a count of 0 when the key is new (*isnew is
 * then true). Keys longer than 4 GiB, or more than HS_COUNT_MAX_KEYS keys, are fatal. */
uint32_t hs_counter_intern(struct hs_counter *, const void *key, size_t len, bool *isnew);
/* The number of key's entry, or UINT32_MAX when there is none. */
uint32_t hs_counter_find(const struct hs_counter *, const void *key, size_t len);

static inline const char *
hs_counter_key(const struct hs_counter *c, uint32_t i)
{
	return c->arena.data + c->entries[i].off;
}

/* Bytes held by the table, for reports. */
size_t	hs_counter_memory(const struct hs_counter *);

#endif
