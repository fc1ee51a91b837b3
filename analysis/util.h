/* util.h: memory, a hash map, a string table and reading files for the
 * analysis. */
#ifndef CPROF_UTIL_H
#define CPROF_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* Grows *p (of *cap elements of size elem) to hold at least need. */
void grow(void **p, size_t *cap, size_t need, size_t elem);
#define GROW(p, cap, need) grow((void **)&(p), &(cap), (need), sizeof *(p))

/* An open-addressing map from 64-bit keys to 64-bit values.  A slot holds
 * its key and its value side by side, so that a look-up reads one cache
 * line; a free slot's key is U64MAP_FREE, and that key itself, if added,
 * is kept aside (free_val). */
#define U64MAP_FREE 0
struct u64slot {
	uint64_t key, val;
};
struct u64map {
	struct u64slot *slots;
	size_t cap; /* power of two */
	size_t len; /* keys in slots */
	int has_free;
	uint64_t free_val;
};
void u64map_init(struct u64map *m);
void u64map_free(struct u64map *m);
/* Returns the value slot for key, inserting `dflt` if missing.  The
 * pointer is good until the next insertion. */
uint64_t *u64map_get(struct u64map *m, uint64_t key, uint64_t dflt);
/* Returns the value slot for key, or NULL. */
uint64_t *u64map_find(const struct u64map *m, uint64_t key);
/* Every key and its value, in no order: from *at = 0, each call gives the
 * next one and returns 1, then 0 when there are no more. */
int u64map_next(const struct u64map *m, size_t *at, uint64_t *key, uint64_t *val);

/* Interned strings: equal strings get equal ids; id 0 is "". */
struct strtab;
struct strtab *strtab_new(void);
void strtab_free(struct strtab *t);
uint32_t strtab_intern(struct strtab *t, const char *s);
uint32_t strtab_intern_len(struct strtab *t, const char *s, size_t len);
const char *strtab_str(const struct strtab *t, uint32_t id);

uint64_t hash_bytes(const void *p, size_t len);

/* The length of the valid UTF-8 sequence at s (1 to 4), or 0: a bad lead
 * byte, an overlong form, a surrogate, above U+10FFFF, or cut short (by a
 * byte that does not continue it, the terminating NUL included). */
int utf8_len(const unsigned char *s);

/* s as valid UTF-8, as CPython's strict decoder sees it: every byte of an
 * invalid sequence (bad lead byte, overlong form, surrogate, above
 * U+10FFFF, cut short) becomes U+FFFD.  Returns a new string. */
char *utf8_valid(const char *s);

/* The whole regular file at path into *data (NUL-terminated, *len bytes,
 * freed by the caller, also on error): 0, or -1 with "PATH: why" in err.
 * A FIFO or a device is refused before it is read. */
int read_file(const char *path, unsigned char **data, size_t *len, char *err, size_t errsize);
/* path opened for reading, a regular file (its status in sb): the
 * descriptor, or -1 with why in err (a FIFO, a directory, none). */
struct stat;
int open_regular(const char *path, struct stat *sb, char *err, size_t errsize);

#endif
