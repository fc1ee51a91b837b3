/* util.c: memory, a hash map, a string table and reading files for the
 * analysis. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "cprof-hash.h"
#include "util.h"

static void out_of_memory(size_t size)
{
	fprintf(stderr, "cprof: out of memory (asked for %zu bytes)\n", size);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap;

	if (need <= c)
		return;
	while (c < need)
		c = c ? c * 2 : 16;
	*p = xrealloc(*p, c * elem);
	*cap = c;
}

uint64_t hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = len * CPROF_HASH_GOLDEN, w = 0;

	/* eight bytes a step (names are long paths), the rest zero-padded;
	 * u64map mixes the result further */
	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xff51afd7ed558ccdull;
	return h ^ h >> 29;
}

static inline uint64_t mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ull;
	k ^= k >> 33;
	return k;
}

void u64map_init(struct u64map *m)
{
	memset(m, 0, sizeof *m);
}

void u64map_free(struct u64map *m)
{
	free(m->slots);
	u64map_init(m);
}

/* The slot of key (not U64MAP_FREE): where it is, or the free one where it
 * would go. */
static struct u64slot *slot_of(const struct u64map *m, uint64_t key)
{
	size_t mask = m->cap - 1, i = mix64(key) & mask;

	while (m->slots[i].key != key && m->slots[i].key != U64MAP_FREE)
		i = (i + 1) & mask;
	return &m->slots[i];
}

uint64_t *u64map_find(const struct u64map *m, uint64_t key)
{
	struct u64slot *s;

	if (key == U64MAP_FREE)
		return m->has_free ? (uint64_t *)&m->free_val : NULL;
	if (!m->cap)
		return NULL;
	s = slot_of(m, key);
	return s->key == key ? &s->val : NULL;
}

static void rehash(struct u64map *m, size_t cap)
{
	struct u64slot *old = m->slots;
	size_t n = m->cap;

	m->slots = xcalloc(cap, sizeof *m->slots); /* every key U64MAP_FREE */
	m->cap = cap;
	for (size_t i = 0; i < n; i++)
		if (old[i].key != U64MAP_FREE)
			*slot_of(m, old[i].key) = old[i];
	free(old);
}

uint64_t *u64map_get(struct u64map *m, uint64_t key, uint64_t dflt)
{
	struct u64slot *s;

	if (key == U64MAP_FREE) {
		if (!m->has_free)
			m->free_val = dflt;
		m->has_free = 1;
		return &m->free_val;
	}
	if ((m->len + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 64);
	s = slot_of(m, key);
	if (s->key == U64MAP_FREE) {
		*s = (struct u64slot){key, dflt};
		m->len++;
	}
	return &s->val;
}

int u64map_next(const struct u64map *m, size_t *at, uint64_t *key, uint64_t *val)
{
	for (; *at < m->cap; ++*at)
		if (m->slots[*at].key != U64MAP_FREE) {
			*key = m->slots[*at].key;
			*val = m->slots[(*at)++].val;
			return 1;
		}
	if (*at == m->cap && m->has_free) {
		++*at;
		*key = U64MAP_FREE;
		*val = m->free_val;
		return 1;
	}
	return 0;
}

struct strtab {
	char **strs;
	size_t len, cap;
	struct u64map index; /* hash -> first id with it; chained through next */
	uint32_t *next;
	size_t next_cap;
};

struct strtab *strtab_new(void)
{
	struct strtab *t = xcalloc(1, sizeof *t);

	strtab_intern(t, "");
	return t;
}

void strtab_free(struct strtab *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->len; i++)
		free(t->strs[i]);
	free(t->strs);
	free(t->next);
	u64map_free(&t->index);
	free(t);
}

uint32_t strtab_intern_len(struct strtab *t, const char *s, size_t len)
{
	uint64_t h = hash_bytes(s, len);
	uint64_t *head = u64map_get(&t->index, h, UINT32_MAX);
	uint32_t id;

	for (id = (uint32_t)*head; id != UINT32_MAX; id = t->next[id])
		if (strncmp(t->strs[id], s, len) == 0 && t->strs[id][len] == '\0')
			return id;
	id = (uint32_t)t->len;
	GROW(t->strs, t->cap, t->len + 1);
	GROW(t->next, t->next_cap, t->len + 1);
	t->strs[id] = xmalloc(len + 1);
	memcpy(t->strs[id], s, len);
	t->strs[id][len] = '\0';
	t->next[id] = (uint32_t)*head;
	*head = id;
	t->len++;
	return id;
}

uint32_t strtab_intern(struct strtab *t, const char *s)
{
	return strtab_intern_len(t, s, strlen(s));
}

const char *strtab_str(const struct strtab *t, uint32_t id)
{
	return t->strs[id];
}

int utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	int n;
	unsigned lo = 0x80, hi = 0xbf; /* the second byte's range */

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0; /* overlong */
	else if (c == 0xed)
		hi = 0x9f; /* surrogates */
	else if (c == 0xf0)
		lo = 0x90; /* overlong */
	else if (c == 0xf4)
		hi = 0x8f; /* above U+10FFFF */
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (int i = 2; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

char *utf8_valid(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = 0, k = 0;
	char *out;

	for (size_t i = 0; s[i];) {
		int n = utf8_len(s + i);
		len += n ? (size_t)n : 3;
		i += n ? (size_t)n : 1;
	}
	out = xmalloc(len + 1);
	for (size_t i = 0; s[i];) {
		int n = utf8_len(s + i);
		if (n) {
			memcpy(out + k, s + i, (size_t)n);
			k += (size_t)n;
			i += (size_t)n;
		} else {
			memcpy(out + k, "\xef\xbf\xbd", 3);
			k += 3;
			i++;
		}
	}
	out[k] = '\0';
	return out;
}

int open_regular(const char *path, struct stat *sb, char *err, size_t errsize)
{
	/* O_NONBLOCK: a FIFO must not stop the analysis before fstat tells */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0 || fstat(fd, sb) < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
	} else if (!S_ISREG(sb->st_mode)) {
		snprintf(err, errsize, "%s: not a regular file", path);
	} else {
		return fd;
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

int read_file(const char *path, unsigned char **data, size_t *len, char *err, size_t errsize)
{
	struct stat sb;
	int fd = open_regular(path, &sb, err, errsize), ret = -1;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		goto out;
	*data = xmalloc((size_t)sb.st_size + 1);
	while (*len < (size_t)sb.st_size) {
		ssize_t n = read(fd, *data + *len, (size_t)sb.st_size - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errsize, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		*len += (size_t)n;
	}
	(*data)[*len] = '\0';
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	return ret;
}
