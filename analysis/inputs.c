/* inputs.c: which files a report reads, and the profiles of node files.  Files are told apart by device
 * and inode, not by name: the same directory given as d, d/, ./d or a link
 * to it would otherwise be added in twice, and -o could name an input. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cprof-format.h"
#include "inputs.h"
#include "nodefile.h"
#include "text.h"
#include "util.h"

static const struct input *find(const struct input *v, size_t n, const struct stat *sb)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].dev == sb->st_dev && v[i].ino == sb->st_ino)
			return &v[i];
	return NULL;
}

/* Adds path, of sb, to v unless it is there; returns what was there. */
static const struct input *add(struct input **v, size_t *n, size_t *cap, const char *path, const struct stat *sb)
{
	const struct input *seen = find(*v, *n, sb);

	if (seen)
		return seen;
	GROW(*v, *cap, *n + 1);
	(*v)[(*n)++] = (struct input){.path = xstrdup(path), .dev = sb->st_dev, .ino = sb->st_ino, .name = xstrdup(path)};
	return NULL;
}

static void add_file(struct inputs *in, const char *prog, const char *path, const struct stat *sb)
{
	const struct input *seen = add(&in->files, &in->n, &in->cap, path, sb);

	char *a, *b;

	if (!seen)
		return;
	/* (names found in a directory may hold anything) */
	a = text_escape(seen->path);
	b = text_escape(path);
	if (strcmp(seen->path, path) == 0)
		fprintf(stderr, "%s: warning: %s is given twice: it is read once\n", prog, b);
	else
		fprintf(stderr, "%s: warning: %s and %s are the same file: it is read once\n", prog, a, b);
	free(a);
	free(b);
}

/* A node file: each profile its index names (the first, in place of the
 * file itself, which may have been named twice). */
static void add_node_file(struct inputs *in, const char *prog, const char *path, const struct stat *sb)
{
	char err[1024];
	uint32_t count;
	struct cprof_set_entry *v;
	size_t first = in->n;

	if (find(in->files, in->n, sb)) {
		add_file(in, prog, path, sb); /* (says so) */
		return;
	}
	if (!(v = nodefile_index(path, &count, err, sizeof err))) {
		text_say(prog, "warning: ", err, NULL);
		return;
	}
	for (uint32_t i = 0; i < count; i++) {
		char name[64];
		if (i == 0)
			add(&in->files, &in->n, &in->cap, path, sb);
		else {
			GROW(in->files, in->cap, in->n + 1);
			in->files[in->n++] = (struct input){.path = xstrdup(path), .dev = sb->st_dev, .ino = sb->st_ino};
		}
		snprintf(name, sizeof name, "[rank %d]", v[i].rank);
		free(in->files[first + i].name);
		in->files[first + i].name = xmalloc(strlen(path) + strlen(name) + 1);
		sprintf(in->files[first + i].name, "%s%s", path, name);
		in->files[first + i].offset = v[i].offset;
		in->files[first + i].size = v[i].size;
		in->files[first + i].rank = v[i].rank;
		in->files[first + i].pid = v[i].pid;
		in->files[first + i].start_ns = v[i].start_ns;
	}
	free(v);
}

/* A file named, or found in a directory named. */
static void add_any(struct inputs *in, const char *prog, const char *path, const struct stat *sb)
{
	if (cprof_has_suffix(path, CPROF_SET_SUFFIX))
		add_node_file(in, prog, path, sb);
	else
		add_file(in, prog, path, sb);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What to do about a profile that could not be written for err. */
static const char *failure_advice(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return "free some space where the profiles go, or choose another directory with -d";
	case EMFILE:
	case ENFILE:
		return "the process ended with every descriptor its limit allows open: raise the limit (ulimit -n)";
	case EFBIG:
		return "a limit on the size of files (ulimit -f) stopped it";
	case EACCES:
	case EPERM:
	case EROFS:
		return "it may not write there: choose another directory with -d";
	default:
		return "";
	}
}

/* A process's word that it could not write its profile (a NAME.failed
 * link, docs/FORMAT.md): said. */
static void add_failure(struct inputs *in, const char *prog, const char *path)
{
	char target[16], why[256], *name = xstrdup(path);
	ssize_t n = readlink(path, target, sizeof target - 1);
	int err = 0;

	if (n > 0) {
		target[n] = '\0';
		err = atoi(target);
	}
	name[strlen(name) - strlen(CPROF_FAILED_SUFFIX)] = '\0';
	snprintf(why, sizeof why, "%s%s%s", err > 0 ? strerror(err) : "an error it could not tell",
		 *failure_advice(err) ? ": " : "", failure_advice(err));
	text_say(prog, "warning: no profile from ", name, why);
	free(name);
	in->nfailed++;
}

/* The raw profiles in dir, by name; the word of those that could not be
 * written. */
static void add_dir(struct inputs *in, const char *prog, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct stat sb;

	if (!d) {
		fprintf(stderr, "%s: %s: %s\n", prog, dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)))
		if (cprof_is_run_file(de->d_name) || cprof_has_suffix(de->d_name, CPROF_SET_SUFFIX)) {
			GROW(names, cap, n + 1);
			names[n] = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
			sprintf(names[n++], "%s/%s", dir, de->d_name);
		}
	closedir(d);
	if (n) /* qsort's array must not be NULL, even empty */
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		const char *base = names[i] + strlen(dir) + 1;
		if (cprof_has_suffix(names[i], CPROF_FAILED_SUFFIX))
			add_failure(in, prog, names[i]);
		else if (strncmp(base, CPROF_SET_PREFIX, strlen(CPROF_SET_PREFIX)) == 0 &&
			 cprof_has_suffix(base, CPROF_PARTIAL_SUFFIX))
			text_say(prog, "warning: ", names[i],
				 "an unfinished node file, whose writer stopped: its ranks wrote their own files");
		else if (stat(names[i], &sb) < 0)
			text_say(prog, "", names[i], strerror(errno));
		else
			add_any(in, prog, names[i], &sb);
		free(names[i]);
	}
	free(names);
}

void inputs_gather(struct inputs *in, const char *prog, char *const paths[], int npaths)
{
	for (int i = 0; i < npaths; i++) {
		struct stat sb;
		const struct input *seen;
		if (stat(paths[i], &sb) < 0) {
			fprintf(stderr, "%s: %s: %s\n", prog, paths[i], strerror(errno));
		} else if (!S_ISDIR(sb.st_mode)) {
			add_any(in, prog, paths[i], &sb);
		} else if ((seen = add(&in->dirs, &in->ndirs, &in->dcap, paths[i], &sb))) {
			fprintf(stderr, "%s: warning: %s and %s are the same directory: its profiles are read once\n", prog,
				seen->path, paths[i]);
		} else {
			add_dir(in, prog, paths[i]);
		}
	}
}

const struct input *inputs_find(const struct inputs *in, const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? find(in->files, in->n, &sb) : NULL;
}

void inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->files[i].path);
		free(in->files[i].name);
	}
	for (size_t i = 0; i < in->ndirs; i++) {
		free(in->dirs[i].path);
		free(in->dirs[i].name);
	}
	free(in->files);
	free(in->dirs);
}
