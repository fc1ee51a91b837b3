/* inputs.h: the raw profile files a report reads: the files named, and
 * the raw profiles in the directories named, each once. */
#ifndef CPROF_INPUTS_H
#define CPROF_INPUTS_H

#include <stddef.h>
#include <sys/types.h>

struct input {
	char *path;
	dev_t dev;
	ino_t ino;
};

struct inputs {
	struct input *files; /* in the order named; a directory's by name */
	size_t n, cap;
	struct input *dirs;  /* the directories named */
	size_t ndirs, dcap;
	size_t nfailed;      /* processes that said they could not write theirs */
};

/* Adds the files paths name.  A file or directory named twice (as d, d/,
 * ./d or a link to it) is read once, and a warning says so; a missing one
 * is said, as prog, on stderr. */
void inputs_gather(struct inputs *in, const char *prog, char *const paths[], int npaths);

/* The input that path is (the same file, by device and inode), or NULL. */
const struct input *inputs_find(const struct inputs *in, const char *path);

void inputs_free(struct inputs *in);

#endif
