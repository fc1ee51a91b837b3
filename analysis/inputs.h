/* inputs.h: the raw profile files a report reads: the files named, and
 * the raw profiles in the directories named, each once. */
#ifndef CPROF_INPUTS_H
#define CPROF_INPUTS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* A raw profile: a file of its own, or one of a node file's. */
struct input {
	char *path;
	dev_t dev;
	ino_t ino;
	char *name;      /* in messages: path, or "path[rank R]" for a node file's */
	uint64_t offset; /* where the profile starts in the file */
	uint64_t size;   /* its bytes; 0: the whole file */
	int rank, pid;   /* a node file's profile: as its index says ... */
	uint64_t start_ns; /* ... (a file's: read from it) */
};

struct inputs {
	struct input *files; /* in the order named; a directory's by name; a
			      * node file's profiles in the order of its index */
	size_t n, cap;
	struct input *dirs;  /* the directories named */
	size_t ndirs, dcap;
	size_t nfailed;      /* processes that said they could not write theirs */
};

/* Adds the files paths name, and the profiles of the node files among
 * them.  A file or directory named twice (as d, d/,
 * ./d or a link to it) is read once, and a warning says so; a missing one
 * is said, as prog, on stderr. */
void inputs_gather(struct inputs *in, const char *prog, char *const paths[], int npaths);

/* The input that path is (the same file, by device and inode), or NULL. */
const struct input *inputs_find(const struct inputs *in, const char *path);

void inputs_free(struct inputs *in);

#endif
