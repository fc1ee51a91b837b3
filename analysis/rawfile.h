/* rawfile.h: read a raw profile (docs/FORMAT.md) into memory.  Every file is
 * treated as untrusted: bad input gives an error naming the file and the
 * offset, never a crash. */
#ifndef CPROF_RAWFILE_H
#define CPROF_RAWFILE_H

#include <stddef.h>
#include <stdint.h>

#include "cprof-format.h"

struct raw_module {
	uint64_t start, end, bias;
	uint32_t flags;
	uint32_t build_id_len;
	uint8_t build_id[CPROF_BUILD_ID_MAX];
	char *path;
};

struct raw_node {
	uint64_t func;
	uint32_t parent;
	uint64_t calls;
	uint64_t ticks;
};

struct raw_thread {
	uint32_t index;
	int tid;
	char name[17];
	uint64_t events_lost;
	uint64_t masked_ns; /* CPU time run with the sampling signal blocked */
	uint64_t py_displaced; /* the program set a Python profile function of its own */
	uint64_t nnodes; /* nodes present: fewer than declared if truncated */
	struct raw_node *nodes;
	/* sampled stacks (STACKS): func is a program counter, calls the
	 * samples ending at the node, ticks their nanoseconds (the node's own) */
	uint64_t nstacks;
	struct raw_node *stacks;
};

struct raw_named {
	uint32_t line;
	char *file, *name;
};

struct raw_process {
	char *file;
	int truncated;  /* ends before its END record */
	struct cprof_rec_process info;
	double sec_per_tick;
	char *host, *jobid, *exe;
	char **argv; /* info.argc entries */
	struct raw_module *modules; /* sorted by start */
	size_t nmodules;
	struct raw_thread *threads; /* in index order */
	size_t nthreads;
	int sampled;                /* a SAMPLING record was read */
	struct cprof_rec_sampling sampling;
	int sampling_split;         /* its kernel_ns and offcpu_ns were written */
	int counted;                /* a COUNTS record was read */
	char count_note[160];
	struct cprof_count *counts; /* ncounts */
	size_t ncounts;
	char *count_unmatched;      /* patterns, each NUL-terminated, then "" */
	int mpi;                    /* an MPI record was read */
	struct cprof_rec_mpi mpi_info;
	struct cprof_mpi_site *mpi_sites; /* mpi_info.nsites */
	uint32_t pyversion;         /* the Python interpreter's (0x030b), 0 if none */
	struct raw_named *named; /* nnamed: func CPROF_NAMED_BIT | i is named[i] */
	size_t nnamed;
	char *named_text;        /* their strings */
};

/* Reads `path`.  On error returns NULL and writes a message to err.  A
 * truncated file is returned with truncated set and a message in err. */
struct raw_process *rawfile_read(const char *path, char *err, size_t errsize);
/* The same, of the size bytes at offset in the file open at fd (a profile
 * of a node file), called `name` in messages. */
struct raw_process *rawfile_read_at(int fd, const char *name, uint64_t offset, uint64_t size, char *err,
				    size_t errsize);
/* The same, from memory (the fuzzer's entry). */
struct raw_process *rawfile_parse(const char *name, const unsigned char *data, size_t size, char *err,
				  size_t errsize);
void rawfile_free(struct raw_process *p);
/* The PROCESS record of the file at path (its first), read alone: 0, or -1
 * if it cannot be (reading the whole file will say why). */
int rawfile_peek(const char *path, struct cprof_rec_process *out);
/* Frees what only the figures need (call trees, stacks, modules, names,
 * counts, MPI call sites), once they are taken: what stays is what the
 * report says of the process itself (its identity, how it ended, its
 * threads' names and blocked time, its sampling, MPI and counting notes). */
void rawfile_lighten(struct raw_process *p);

/* The MPI rank of process p: as the launcher named it (cprof-mpi), else as
 * MPI_Comm_rank told the wrappers; -1 if it is not a rank. */
int raw_rank(const struct raw_process *p);

/* The module holding addr, or NULL. */
const struct raw_module *raw_module_of(const struct raw_process *p, uint64_t addr);

#endif
