/* nodefile.c: read a node file's index (docs/FORMAT.md), trusting nothing
 * in it.  Only the header and the index are read here; each profile is read
 * where the index says, when its turn comes (rawfile_read_at). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nodefile.h"
#include "util.h"

static int cmp_offset(const void *a, const void *b)
{
	const struct cprof_set_entry *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* The header in h, of a file of size bytes: its index's size, or -1. */
static int check_header(const char *name, const struct cprof_set_header *h, uint64_t size, char *err, size_t errsize)
{
	if (memcmp(h->magic, CPROF_SET_MAGIC, sizeof h->magic) != 0) {
		snprintf(err, errsize, "%s: not a cprof node file", name);
		return -1;
	}
	if (h->byte_order != CPROF_BYTE_ORDER_MARK) {
		snprintf(err, errsize, "%s: written on a machine of the other byte order; read it there", name);
		return -1;
	}
	if (h->version != CPROF_SET_VERSION) {
		snprintf(err, errsize, "%s: node file version %u; this cprof reads version %u", name, h->version,
			 CPROF_SET_VERSION);
		return -1;
	}
	if (h->index_offset < sizeof *h || h->index_offset > size ||
	    (size - h->index_offset) / sizeof(struct cprof_set_entry) < h->count) {
		snprintf(err, errsize, "%s: offset %zu: an index of %u entries at %llu, past the file's end (%llu bytes)",
			 name, offsetof(struct cprof_set_header, count), h->count, (unsigned long long)h->index_offset,
			 (unsigned long long)size);
		return -1;
	}
	return 0;
}

/* The entries, each within [header, index) and apart: sorted by offset. */
static int check_entries(const char *name, const struct cprof_set_header *h, struct cprof_set_entry *v, char *err,
			 size_t errsize)
{
	uint64_t end = sizeof *h;

	if (h->count)
		qsort(v, h->count, sizeof *v, cmp_offset);
	for (uint32_t i = 0; i < h->count; i++) {
		if (v[i].offset < end || v[i].offset > h->index_offset || v[i].size == 0 ||
		    v[i].size > h->index_offset - v[i].offset) {
			snprintf(err, errsize,
				 "%s: offset %llu: the index's entry for rank %d, at %llu, overlaps another or runs "
				 "past the index",
				 name, (unsigned long long)h->index_offset, v[i].rank, (unsigned long long)v[i].offset);
			return -1;
		}
		end = v[i].offset + v[i].size;
	}
	return 0;
}

struct cprof_set_entry *nodefile_parse(const char *name, const unsigned char *data, size_t size, uint32_t *count,
				       char *err, size_t errsize)
{
	struct cprof_set_header h;
	struct cprof_set_entry *v;

	err[0] = '\0';
	*count = 0;
	if (size < sizeof h) {
		snprintf(err, errsize, "%s: shorter than a node file's header", name);
		return NULL;
	}
	memcpy(&h, data, sizeof h);
	if (check_header(name, &h, size, err, errsize) < 0)
		return NULL;
	v = xcalloc(h.count + 1, sizeof *v);
	memcpy(v, data + h.index_offset, h.count * sizeof *v);
	if (check_entries(name, &h, v, err, errsize) < 0) {
		free(v);
		return NULL;
	}
	*count = h.count;
	return v;
}

static int read_at(int fd, void *p, size_t n, uint64_t at)
{
	while (n) {
		ssize_t k = pread(fd, p, n, (off_t)at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p = (char *)p + k;
		n -= (size_t)k;
		at += (uint64_t)k;
	}
	return 0;
}

struct cprof_set_entry *nodefile_index(const char *path, uint32_t *count, char *err, size_t errsize)
{
	struct cprof_set_entry *v = NULL;
	struct cprof_set_header h;
	struct stat sb;
	int fd;

	err[0] = '\0';
	*count = 0;
	if ((fd = open_regular(path, &sb, err, errsize)) < 0)
		goto out;
	if (read_at(fd, &h, sizeof h, 0) < 0) {
		snprintf(err, errsize, "%s: shorter than a node file's header", path);
		goto out;
	}
	if (check_header(path, &h, (uint64_t)sb.st_size, err, errsize) < 0)
		goto out;
	v = xcalloc(h.count + 1, sizeof *v);
	if (read_at(fd, v, h.count * sizeof *v, h.index_offset) < 0) {
		snprintf(err, errsize, "%s: cannot read its index: %s", path, strerror(errno ? errno : EIO));
		free(v);
		v = NULL;
		goto out;
	}
	if (check_entries(path, &h, v, err, errsize) < 0) {
		free(v);
		v = NULL;
		goto out;
	}
	*count = h.count;
out:
	if (fd >= 0)
		close(fd);
	return v;
}
