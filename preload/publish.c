/* publish.c: naming the files a process leaves in the run's directory
 * (docs/FORMAT.md): its profile, its dumps, a node file, and the word that
 * a profile could not be written.  Each is written under a name of its own
 * and given its final one when whole, never through a link planted at
 * either.  May run in a signal handler: no malloc, no stdio. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h> /* renameat */
#include <unistd.h>

#include "cprof-format.h"
#include "fmt.h"
#include "publish.h"
#include "runtime-int.h"

void publish_base(char *base, size_t size)
{
	char tag[CPROF_RANK_TAG_MAX] = "";

	if (rt.rank >= 0) /* rank00003-host-pid: ranks sort in order */
		cprof_rank_tag(tag, rt.rank);
	fmt_format(base, size, "%s%s-%d", tag, rt.host, rt.pid);
}

/* Gives the file tmp its final name in the directory dirfd, into name: the
 * name already there if it holds one (this image's profile, written before
 * an exec that failed), else the first of <base><suffix>, <base>.1<suffix>,
 * ... that is free (an earlier image of this pid, before an exec, may hold
 * one; so may a process of another pid namespace writing into the same
 * directory).  link() never replaces a name, nor follows a link planted at
 * it; where the file system has no hard links, the name is reserved with
 * O_EXCL and renamed onto. */
int publish_name(int dirfd, const char *tmp, const char *base, const char *suffix, char *name, size_t size)
{
	if (name[0])
		return renameat(dirfd, tmp, dirfd, name) < 0 ? -errno : 0;
	for (int n = 0; n < 1000; n++) {
		if (n == 0)
			fmt_format(name, size, "%s%s", base, suffix);
		else
			fmt_format(name, size, "%s.%d%s", base, n, suffix);
		if (linkat(dirfd, tmp, dirfd, name, 0) == 0) {
			unlinkat(dirfd, tmp, 0);
			return 0;
		}
		if (errno == EEXIST)
			continue;
		if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
			break;
		int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno == EEXIST)
			continue;
		if (fd < 0)
			break;
		close(fd);
		return renameat(dirfd, tmp, dirfd, name) < 0 ? -errno : 0;
	}
	name[0] = '\0';
	return -errno;
}

/* Creates the file to write in dirfd, <base>.<x><suffix>, under a name no
 * other writer uses, never through a link planted at it (O_EXCL): a
 * .partial, or a .next where it will replace a file this image published
 * (a snapshot). */
int publish_open_partial(int dirfd, const char *base, const char *suffix, char *tmp, size_t size)
{
	for (int n = 0; n < 1000; n++) {
		int fd;
		fmt_format(tmp, size, "%s.%x%s", base, (unsigned)(rt.start_ns + (uint64_t)n), suffix);
		fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd >= 0 || errno != EEXIST)
			return fd < 0 ? -errno : fd;
	}
	return -EEXIST;
}

/* The profile could not be written: a NAME.failed link says why, for the
 * report (docs/FORMAT.md).  In the directory opened, or by path where it
 * could not be (a process out of descriptors).  (The path is static, as
 * the writer's names are: the writer runs on a program's alternate signal
 * stack, which may be small.) */
void __attribute__((noinline)) publish_failure(int dirfd, const char *base, int err)
{
	static char path[PATH_MAX];
	char target[16];

	fmt_format(path, sizeof path, "%s%s%s%s", dirfd >= 0 ? "" : rt.dir, dirfd >= 0 ? "" : "/", base,
		   CPROF_FAILED_SUFFIX);
	fmt_format(target, sizeof target, "%d", err);
	if (symlinkat(target, dirfd >= 0 ? dirfd : AT_FDCWD, path) < 0 && errno != EEXIST)
		log_warn("cannot leave word of it in %s either: %s", rt.dir, strerrordesc_np(errno));
}
