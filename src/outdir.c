/* outdir.c: the directory raw profiles go into.  Everything cprof and the
 * runtime write there is created anew (O_EXCL) and never through a link;
 * what remains is the directory itself: someone else's, or one anyone may
 * write into, would let another user replace, remove or read what is
 * written (as in a shared scratch directory where cprof-<jobid> was made
 * first by someone else), so it is refused. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cprof-format.h"
#include "launcher.h"
#include "outdir.h"

/* mkdir -p */
static int make_dirs(const char *path)
{
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path);
	for (char *slash = strchr(p + 1, '/');; slash = strchr(slash + 1, '/')) {
		if (slash)
			*slash = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			return -errno;
		if (!slash)
			return 0;
		*slash = '/';
	}
}

/* Says why path cannot be opened as a directory. */
static void explain_open(const char *path, int e)
{
	struct stat st;

	if (e == ENOTDIR && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		fprintf(stderr,
			"%s: %s is a symbolic link, which cprof does not follow (another user may have put it "
			"there): name the directory it leads to, or choose another directory with -d\n",
			prog, path);
	else if (e == ENOTDIR)
		fprintf(stderr, "%s: %s is not a directory (choose another directory with -d)\n", prog, path);
	else
		fprintf(stderr, "%s: cannot open %s: %s (choose another directory with -d)\n", prog, path, strerror(e));
}

/* Whether the directory is this user's alone to write into. */
static int check_owner(const char *path, const struct stat *st)
{
	if (st->st_uid != geteuid()) {
		fprintf(stderr, "%s: %s is owned by another user (uid %u): remove it or choose another directory with -d\n",
			prog, path, (unsigned)st->st_uid);
		return -EPERM;
	}
	if ((st->st_mode & S_IWOTH) && !(st->st_mode & S_ISVTX)) {
		fprintf(stderr,
			"%s: %s can be written by every user and has no sticky bit (mode %04o): anyone could replace "
			"the profiles in it: chmod o-w %s, or choose another directory with -d\n",
			prog, path, (unsigned)(st->st_mode & 07777), path);
		return -EPERM;
	}
	return 0;
}

/* The absolute path of the directory open at fd, into real. */
static int real_path(const char *path, int fd, char *real, size_t size)
{
	char buf[PATH_MAX];
	struct stat at, named;

	if (!realpath(path, buf) || stat(buf, &named) < 0 || fstat(fd, &at) < 0) {
		fprintf(stderr, "%s: %s: %s (choose another directory with -d)\n", prog, path, strerror(errno));
		return -errno;
	}
	if (at.st_dev != named.st_dev || at.st_ino != named.st_ino) {
		fprintf(stderr, "%s: %s was replaced while cprof opened it (choose another directory with -d)\n", prog,
			path);
		return -ESTALE;
	}
	snprintf(real, size, "%s", buf);
	return 0;
}

int outdir_open(const char *named, char *real, size_t size)
{
	char path[PATH_MAX];
	size_t n = strlen(named);
	struct stat st;
	int fd, ret;

	/* "link/" would have the kernel follow the link, O_NOFOLLOW or not */
	while (n > 1 && named[n - 1] == '/')
		n--;
	snprintf(path, sizeof path, "%.*s", (int)n, named);
	ret = make_dirs(path);
	if (ret < 0) {
		fprintf(stderr, "%s: cannot create %s: %s (choose another directory with -d)\n", prog, path,
			strerror(-ret));
		return ret;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		explain_open(path, -ret);
		return ret;
	}
	if (fstat(fd, &st) < 0) {
		ret = -errno;
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(-ret));
		goto out;
	}
	ret = check_owner(path, &st);
	if (ret < 0)
		goto out;
	if (faccessat(fd, ".", W_OK | X_OK, 0) < 0) {
		ret = -errno;
		fprintf(stderr, "%s: cannot write into %s: %s (choose another directory with -d)\n", prog, path,
			strerror(-ret));
		goto out;
	}
	ret = real_path(path, fd, real, size);
out:
	if (ret < 0)
		close(fd);
	return ret < 0 ? ret : fd;
}

int outdir_has_profiles(int dirfd, const char *prefix)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *de;
	int found = 0;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	while (!found && (de = readdir(d)))
		found = (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && cprof_is_run_file(de->d_name)) ||
			cprof_has_suffix(de->d_name, CPROF_SET_SUFFIX);
	closedir(d);
	return found;
}
