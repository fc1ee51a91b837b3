/* gather.c: at MPI_Finalize, the ranks of each node gather their profiles
 * into one node file, which the node's first rank writes (docs/MPI.md):
 * one file created per node instead of one per rank, and one mark for the
 * job that rank 0's cprof-mpi reads instead of a mark per rank.
 *
 * Everything goes through PMPI, on communicators of cprof's own, split from
 * MPI_COMM_WORLD after MPI_Init (a split copies none of the program's
 * attributes, whose copy callbacks a dup would run) and returning errors
 * rather than calling an error handler: the program's communicators, tags
 * and handlers are not touched.  Every rank takes every collective step
 * whatever befell it before (a profile it could not write, a message
 * lost), so that none waits for one that gave up; a rank whose profile is
 * not in a node file when it is over writes its own file at exit, as
 * without gathering.  A rank that never comes to MPI_Finalize (it crashed,
 * it exited without) must not hold the others there: they wait for it
 * CPROF_WAIT seconds at most (60 by default), in a nonblocking barrier, agree on whether it
 * came (all_here), and if not each goes on to write its own file. */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "cprof-api.h"
#include "cprof-env.h"
#include "cprof-format.h"
#include "lookup.h"

#define CHUNK (1 << 30)	 /* bytes per message: a count is an int */

/* A rank's profile, as it goes to its node's first rank. */
struct hello {
	uint64_t size; /* 0: none (it could not be written) */
	int32_t rank;  /* in MPI_COMM_WORLD */
	int32_t pid;
};

static struct {
	int (*split)(MPI_Comm, int, int, MPI_Comm *);
	int (*split_type)(MPI_Comm, int, int, MPI_Info, MPI_Comm *);
	int (*set_errhandler)(MPI_Comm, MPI_Errhandler);
	int (*rank)(MPI_Comm, int *);
	int (*size)(MPI_Comm, int *);
	int (*send)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
	int (*recv)(void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Status *);
	int (*gather)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm);
	int (*bcast)(void *, int, MPI_Datatype, int, MPI_Comm);
	int (*free)(MPI_Comm *);
	int (*ibarrier)(MPI_Comm, MPI_Request *);
	int (*iallreduce)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	int (*test)(MPI_Request *, int *, MPI_Status *);
	cprof_profile_into_fn *profile_into;
	cprof_profile_gathered_fn *gathered;
	cprof_set_open_fn *set_open;
	cprof_set_add_fn *set_add;
	cprof_set_close_fn *set_close;
	cprof_put_mark_fn *put_mark;
	struct mpi_handles h;
	MPI_Comm job, node; /* all ranks, and those of this node */
	long wait;          /* seconds for every rank to come to MPI_Finalize */
	int ready;	    /* made at MPI_Init, for MPI_Finalize */
} g;

/* Everything needed, found: 0, else -ENOENT (then no rank gathers: each
 * has the same libraries and the same environment).  The MPI library's
 * functions wherever it was loaded; the runtime's in the global scope. */
static int find_all(void)
{
	const struct {
		const char *name;
		void **at;
	} fns[] = {
		{"PMPI_Comm_split", (void **)&g.split},
		{"PMPI_Comm_split_type", (void **)&g.split_type},
		{"PMPI_Comm_set_errhandler", (void **)&g.set_errhandler},
		{"PMPI_Comm_rank", (void **)&g.rank},
		{"PMPI_Comm_size", (void **)&g.size},
		{"PMPI_Send", (void **)&g.send},
		{"PMPI_Recv", (void **)&g.recv},
		{"PMPI_Gather", (void **)&g.gather},
		{"PMPI_Bcast", (void **)&g.bcast},
		{"PMPI_Ibarrier", (void **)&g.ibarrier},
		{"PMPI_Iallreduce", (void **)&g.iallreduce},
		{"PMPI_Test", (void **)&g.test},
		{"PMPI_Comm_free", (void **)&g.free},
	}, api[] = {
		{"cprof_profile_into", (void **)&g.profile_into},
		{"cprof_profile_gathered", (void **)&g.gathered},
		{"cprof_set_open", (void **)&g.set_open},
		{"cprof_set_add", (void **)&g.set_add},
		{"cprof_set_close", (void **)&g.set_close},
		{"cprof_put_mark", (void **)&g.put_mark},
	};

	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (!(*fns[i].at = lookup_symbol(fns[i].name)))
			return -ENOENT;
	for (size_t i = 0; i < sizeof api / sizeof api[0]; i++)
		if (!(*api[i].at = dlsym(RTLD_DEFAULT, api[i].name)))
			return -ENOENT;
	return mpi_handles(&g.h);
}

/* This process's profile so far, in memory: *size bytes at the address
 * returned, NULL (and size 0) if it could not be had. */
static void *own_profile(uint64_t *size)
{
	int fd = memfd_create("cprof-profile", MFD_CLOEXEC);
	void *p = MAP_FAILED;
	off_t end;

	*size = 0;
	if (fd < 0)
		return NULL;
	if (g.profile_into(fd) == 0 && (end = lseek(fd, 0, SEEK_END)) > 0) {
		p = mmap(NULL, (size_t)end, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED)
			*size = (uint64_t)end;
	}
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

static int send_bytes(const char *p, uint64_t size, MPI_Comm comm)
{
	for (uint64_t at = 0; at < size; at += CHUNK) {
		int n = size - at < CHUNK ? (int)(size - at) : CHUNK;
		if (g.send(p + at, n, g.h.byte, 0, 1, comm) != MPI_SUCCESS)
			return -EIO;
	}
	return 0;
}

/* Receives size bytes from `from` into p; into a scrap of memory, and
 * thrown away, if p is NULL (there was none to be had for them). */
static int recv_bytes(char *p, uint64_t size, int from, MPI_Comm comm)
{
	static char scrap[1 << 16];

	for (uint64_t at = 0; at < size;) {
		uint64_t cap = p ? CHUNK : sizeof scrap;
		int n = size - at < cap ? (int)(size - at) : (int)cap;
		if (g.recv(p ? p + at : scrap, n, g.h.byte, from, 1, comm, MPI_STATUS_IGNORE) != MPI_SUCCESS)
			return -EIO;
		at += (uint64_t)n;
	}
	return 0;
}

/* The node's first rank: its own profile and each other rank's into the
 * node file; 1 if it holds them all (but those that had none to give),
 * else 0 and there is no node file. */
static int write_node_file(MPI_Comm node, int n, const struct hello *own, const void *data)
{
	int opened = g.set_open(), ok = opened == 0, ret;
	char name[256];

	if (opened < 0)
		fprintf(stderr, "cprof-mpi: rank %d: cannot make a node file: %s (the node's ranks write a file each)\n",
			own->rank, strerror(-opened));

	if (ok && own->size)
		ok = g.set_add(own->rank, own->pid, data, own->size) == 0;
	for (int r = 1; r < n; r++) {
		struct hello h = {0};
		char *buf;
		if (g.recv(&h, sizeof h, g.h.byte, r, 0, node, MPI_STATUS_IGNORE) != MPI_SUCCESS) {
			ok = 0;
			continue;
		}
		buf = ok && h.size <= SIZE_MAX ? malloc((size_t)h.size) : NULL;
		if (recv_bytes(buf, h.size, r, node) < 0 || (h.size && !buf))
			ok = 0;
		if (ok && h.size)
			ok = g.set_add(h.rank, h.pid, buf, h.size) == 0;
		free(buf);
	}
	if (opened < 0)
		return 0;
	ret = g.set_close(ok, name, sizeof name);
	if (ok && ret < 0)
		fprintf(stderr, "cprof-mpi: rank %d: cannot write the node file: %s (the node's ranks write a file each)\n",
			own->rank, strerror(-ret));
	return ok && ret == 0;
}

/* "0-3,5", the ranks whose byte in `in` is set, into a new string. */
static char *rank_list(const char *in, int n)
{
	char *s = malloc((size_t)n * 24 + 1), *at = s;

	if (!s)
		return NULL;
	*at = '\0';
	for (int r = 0; r < n; r++) {
		int last = r;
		if (!in[r])
			continue;
		while (last + 1 < n && in[last + 1])
			last++;
		at += sprintf(at, "%s%d", at == s ? "" : ",", r);
		if (last > r)
			at += sprintf(at, "-%d", last);
		r = last;
	}
	return s;
}

/* Rank 0: the job's mark, naming the ranks whose profiles are in node
 * files (cprof-mpi's rank 0 need not wait for them). */
static void mark_job(const char *in, int n)
{
	const char *jobid = cprof_env_get(CPROF_ENV_JOBID);
	char *list = rank_list(in, n), *text;

	if (!list)
		return;
	text = malloc(strlen(list) + strlen(jobid) + 3);
	if (text) {
		sprintf(text, "%s %s\n", jobid, list);
		if (g.put_mark(CPROF_GATHERED_MARK, text) < 0)
			fprintf(stderr, "cprof-mpi: cannot write the job's mark %s: rank 0 waits for every rank\n",
				CPROF_GATHERED_MARK);
	}
	free(text);
	free(list);
}

void mpi_gather_prepare(void)
{
	const char *how = cprof_env_get(CPROF_ENV_GATHER);
	MPI_Comm world;

	g.wait = atol(cprof_env_get(CPROF_ENV_WAIT));
	if (g.wait <= 0)
		g.wait = atol(cprof_env_row(CPROF_ENV_WAIT)->dflt);
	if (strcmp(how, CPROF_GATHER_NODE) != 0 || mpi_comm_world(&world) < 0 || find_all() < 0)
		return;
	if (g.split(world, 0, 0, &g.job) != MPI_SUCCESS)
		return; /* (the key 0: ranks keep their order in world) */
	g.set_errhandler(g.job, g.h.errors_return);
	if (g.split_type(g.job, MPI_COMM_TYPE_SHARED, 0, g.h.info_null, &g.node) != MPI_SUCCESS) {
		g.free(&g.job);
		return;
	}
	g.set_errhandler(g.node, g.h.errors_return);
	g.ready = 1;
}

/* Whether request r completed within g.wait seconds. */
static int completes(MPI_Request *r)
{
	struct timespec ms = {0, 1000000};
	int done = 0;

	for (long i = 0; i <= g.wait * 1000L && !done; i++)
		if (g.test(r, &done, MPI_STATUS_IGNORE) != MPI_SUCCESS)
			return 0;
		else if (!done)
			nanosleep(&ms, NULL);
	return done;
}

/* Whether every rank has come to MPI_Finalize, and every rank knows it:
 * a nonblocking barrier, waited for g.wait seconds at most, then a vote,
 * for a rank may see the barrier over after another gave up on it (a rank
 * late by more than that, or just at the end of it).  A rank that gave up
 * votes no at once and goes (its requests stay, never to be waited for);
 * one that saw the barrier over votes yes and waits for the vote, which
 * every rank then has cast, or is casting. */
static int all_here(void)
{
	MPI_Request barrier, vote;
	unsigned char here, all = 0;

	if (g.ibarrier(g.job, &barrier) != MPI_SUCCESS)
		return 0;
	here = (unsigned char)completes(&barrier);
	if (g.iallreduce(&here, &all, 1, g.h.byte, g.h.band, g.job, &vote) != MPI_SUCCESS)
		return 0;
	return here && completes(&vote) && all;
}

void mpi_gather_profiles(void)
{
	static char all[1 << 20]; /* rank 0: which ranks' profiles are in node files */
	struct hello own = {.pid = getpid()};
	int jrank = -1, jsize = 0, nrank = -1, nsize = 0;
	char kept = 0, mine, done = 0;
	void *data;

	if (!g.ready)
		return;
	g.ready = 0;
	g.rank(g.job, &jrank);
	g.size(g.job, &jsize);
	g.rank(g.node, &nrank);
	g.size(g.node, &nsize);
	if (!all_here()) {
		/* (said once a node, not by every rank; its communicators stay:
		 * a barrier on them is not over) */
		if (nrank == 0)
			fprintf(stderr,
				"cprof-mpi: rank %d: not every rank came to MPI_Finalize within %ld s (--wait): each "
				"rank of this node writes a file of its own\n",
				jrank, g.wait);
		return;
	}
	own.rank = jrank;
	data = own_profile(&own.size);
	if (nrank == 0)
		kept = (char)write_node_file(g.node, nsize, &own, data);
	else if (g.send(&own, sizeof own, g.h.byte, 0, 0, g.node) == MPI_SUCCESS)
		send_bytes(data, own.size, g.node);
	if (data)
		munmap(data, (size_t)own.size);
	/* whether the node file was written, from its writer; then which
	 * ranks are in node files, at rank 0, which marks it before any rank
	 * goes on (a job too big for `all` has no mark: rank 0 waits for
	 * every rank's) */
	if (g.bcast(&kept, 1, g.h.byte, 0, g.node) != MPI_SUCCESS)
		kept = 0;
	mine = kept && own.size;
	if (jsize <= (int)sizeof all && g.gather(&mine, 1, g.h.byte, all, 1, g.h.byte, 0, g.job) == MPI_SUCCESS &&
	    jrank == 0)
		mark_job(all, jsize);
	if (g.bcast(&done, 1, g.h.byte, 0, g.job) == MPI_SUCCESS && mine)
		g.gathered();
	g.free(&g.node);
	g.free(&g.job);
}
