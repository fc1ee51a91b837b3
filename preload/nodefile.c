/* nodefile.c: what the MPI wrappers (mpi_wrap/gather.c) ask of the runtime
 * when a node's ranks gather their profiles at MPI_Finalize (docs/MPI.md):
 * this process's profile so far, in a file of theirs; a node file in the
 * run's directory (docs/FORMAT.md), made of the ranks' profiles, named and
 * published as a process's profile is (publish.c: a new .partial name,
 * then a link to a free final one); and the job's mark that the ranks'
 * profiles are gathered.  Not for signal handlers: it runs in MPI_Finalize, and may
 * allocate.  One node file at a time: a process writes one at most. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cprof-api.h"
#include "cprof-format.h"
#include "fmt.h"
#include "publish.h"
#include "runtime-int.h"

static struct {
	int dirfd, fd;
	char base[PATH_MAX], tmp[PATH_MAX];
	struct cprof_set_entry *index;
	uint32_t count, cap;
	uint64_t end; /* where the next profile goes */
} set = {.dirfd = -1, .fd = -1};

CPROF_EXPORT int cprof_profile_into(int fd)
{
	return rt.active ? writer_write_into(fd) : -ENODEV;
}

CPROF_EXPORT void cprof_profile_gathered(void)
{
	writer_taken();
}

static int write_all(int fd, const void *p, size_t n, off_t at)
{
	const char *s = p;

	while (n) {
		ssize_t k = pwrite(fd, s, n, at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 ? -errno : -EIO;
		s += k;
		n -= (size_t)k;
		at += k;
	}
	return 0;
}

CPROF_EXPORT int cprof_set_open(void)
{
	struct cprof_set_header h = {.version = CPROF_SET_VERSION, .byte_order = CPROF_BYTE_ORDER_MARK};

	if (!rt.active || set.fd >= 0)
		return -EBUSY;
	set.dirfd = open(rt.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (set.dirfd < 0)
		return -errno;
	fmt_format(set.base, sizeof set.base, "%s%s-%d", CPROF_SET_PREFIX, rt.host, rt.pid);
	set.fd = publish_open_partial(set.dirfd, set.base, CPROF_PARTIAL_SUFFIX, set.tmp, sizeof set.tmp);
	if (set.fd < 0) {
		int ret = set.fd;
		close(set.dirfd);
		set.dirfd = -1;
		return ret;
	}
	memcpy(h.magic, CPROF_SET_MAGIC, sizeof h.magic);
	set.count = 0;
	set.end = sizeof h; /* the header is written whole when the index is */
	return 0;
}

/* Where a profile's PROCESS record starts: it is the first */
#define PROCESS_AT (sizeof(struct cprof_file_header) + sizeof(struct cprof_record))

CPROF_EXPORT int cprof_set_add(int rank, int pid, const void *data, uint64_t size)
{
	static const char zeros[8];
	struct cprof_rec_process p;
	uint64_t at = set.end;
	int ret;

	if (set.fd < 0)
		return -EBADF;
	if (set.count == set.cap) {
		uint32_t cap = set.cap ? 2 * set.cap : 64;
		struct cprof_set_entry *v = realloc(set.index, cap * sizeof *v);
		if (!v)
			return -ENOMEM;
		set.index = v;
		set.cap = cap;
	}
	ret = write_all(set.fd, data, size, (off_t)at);
	if (!ret && CPROF_ALIGN(size) > size)
		ret = write_all(set.fd, zeros, CPROF_ALIGN(size) - size, (off_t)(at + size));
	if (ret)
		return ret;
	set.index[set.count] = (struct cprof_set_entry){.rank = rank, .pid = pid, .offset = at, .size = size};
	if (size >= PROCESS_AT + sizeof p) { /* (its start: the analysis orders by it) */
		memcpy(&p, (const char *)data + PROCESS_AT, sizeof p);
		set.index[set.count].start_ns = p.start_ns;
	}
	set.count++;
	set.end = at + CPROF_ALIGN(size);
	return 0;
}

CPROF_EXPORT int cprof_set_close(int keep, char *name, size_t size)
{
	struct cprof_set_header h = {.version = CPROF_SET_VERSION,
				     .byte_order = CPROF_BYTE_ORDER_MARK,
				     .count = set.count,
				     .index_offset = set.end};
	int ret = 0;

	if (set.fd < 0)
		return -EBADF;
	memcpy(h.magic, CPROF_SET_MAGIC, sizeof h.magic);
	if (keep) {
		ret = write_all(set.fd, set.index, (size_t)set.count * sizeof *set.index, (off_t)set.end);
		if (!ret)
			ret = write_all(set.fd, &h, sizeof h, 0);
	}
	if (close(set.fd) < 0 && !ret)
		ret = -errno;
	set.fd = -1;
	name[0] = '\0';
	if (keep && !ret)
		ret = publish_name(set.dirfd, set.tmp, set.base, CPROF_SET_SUFFIX, name, size);
	if (!keep || ret)
		unlinkat(set.dirfd, set.tmp, 0);
	close(set.dirfd);
	set.dirfd = -1;
	free(set.index);
	set.index = NULL;
	set.cap = set.count = 0;
	return ret;
}

CPROF_EXPORT int cprof_put_mark(const char *name, const char *text)
{
	char tmp[PATH_MAX];
	size_t len = strlen(text);
	int dirfd, fd = -1, ret;

	if (!rt.active)
		return -ENODEV;
	dirfd = open(rt.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dirfd < 0)
		return -errno;
	/* (a dot file's name, as the mark's: not a profile's) */
	fmt_format(tmp, sizeof tmp, "%s.%d.tmp", name, rt.pid);
	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	ret = fd < 0 ? -errno : write_all(fd, text, len, 0);
	if (fd >= 0 && close(fd) < 0 && !ret)
		ret = -errno;
	if (!ret && renameat(dirfd, tmp, dirfd, name) < 0)
		ret = -errno;
	if (ret && fd >= 0)
		unlinkat(dirfd, tmp, 0);
	close(dirfd);
	return ret;
}
