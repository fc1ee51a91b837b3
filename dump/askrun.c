/* askrun.c: a run's stacks, asked of its processes (askrun.h).
 *
 * The request is a directory for the answers, dump-<n>, then the file
 * .dump-request holding n, renamed into place so that a process never
 * reads half of it.  Each process under cprof looks at that file every
 * CPROF_DUMP_POLL ms and answers with a raw profile of its threads' stacks
 * (preload/dump.c); here the answers are read as any raw profile, named by
 * the analysis (its symbols, Python's and MPI's names), and each thread's
 * one path added to the merged tree. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "askrun.h"
#include "cprof-format.h"
#include "profile.h"
#include "report.h"
#include "symbols.h"
#include "tree.h"
#include "util.h"

#define LOOK_MS 50     /* how often the answers are counted */
#define SLACK_MS 1500  /* beyond the slowest poll, for a process to answer */

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Writes the request for answers into sub: 0, or -1 with why in err. */
static int request(const char *dir, const char *sub, unsigned long long seq, char *err, size_t errsize)
{
	char path[4096], tmp[4096], text[32];
	int fd, len = snprintf(text, sizeof text, "%llu\n", seq);

	snprintf(path, sizeof path, "%s/%s", dir, sub);
	if (mkdir(path, 0755) < 0) {
		snprintf(err, errsize, "cannot make %s: %s: cprof-dump asks the run's processes through its "
			 "directory, and must be able to write there (run it as the run's user)", path, strerror(errno));
		return -1;
	}
	snprintf(tmp, sizeof tmp, "%s/%s.%d", dir, CPROF_DUMP_REQUEST, (int)getpid());
	snprintf(path, sizeof path, "%s/%s", dir, CPROF_DUMP_REQUEST);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, text, (size_t)len) != len || close(fd) < 0 || rename(tmp, path) < 0) {
		snprintf(err, errsize, "cannot write the request %s: %s", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
		return -1;
	}
	return 0;
}

struct answer {
	char *path;
	struct cprof_rec_process info;
};

struct answers {
	struct answer *a;
	size_t n, cap;
	struct strtab *names; /* of the files looked at ... */
	struct u64map seen;   /* ... by their ids: each is peeked at once */
};

/* Whether the file called name was looked at already; it is now. */
static int known(struct answers *as, const char *name)
{
	uint64_t *seen = u64map_get(&as->seen, strtab_intern(as->names, name), 0);

	return (*seen)++ != 0;
}

static void answers_free(struct answers *as)
{
	for (size_t i = 0; i < as->n; i++)
		free(as->a[i].path);
	free(as->a);
	u64map_free(&as->seen);
	strtab_free(as->names);
}

/* Whether the answers are of ranks of one job, each once: then the members
 * are ranks, else pids. */
static int distinct_ranks(const struct answers *as)
{
	struct u64map ranks;
	int distinct = 1;

	u64map_init(&ranks);
	for (size_t i = 0; i < as->n && distinct; i++)
		distinct = as->a[i].info.rank >= 0 && (*u64map_get(&ranks, (uint64_t)as->a[i].info.rank, 0))++ == 0;
	u64map_free(&ranks);
	return distinct;
}

/* Whether the answer of pid is wanted. */
static int wanted(const struct askrun_ask *a, int pid)
{
	for (size_t i = 0; i < a->nonly; i++)
		if (a->only[i] == pid)
			return 1;
	return !a->only;
}

/* The answers in dir that are new since the last look, and wanted. */
static void look(const char *dir, const struct askrun_ask *a, struct answers *as)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char path[8192];
		struct cprof_rec_process info;
		if (!cprof_has_suffix(e->d_name, CPROF_SUFFIX))
			continue;
		if (known(as, e->d_name))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (rawfile_peek(path, &info) < 0 || info.end_reason != CPROF_END_DUMP || !wanted(a, info.pid))
			continue;
		GROW(as->a, as->cap, as->n + 1);
		as->a[as->n++] = (struct answer){xstrdup(path), info};
	}
	if (d)
		closedir(d);
}

/* Whether every process wanted answered: each pid asked for, or every
 * rank of an MPI job. */
static int all_in(const struct askrun_ask *a, const struct answers *as)
{
	size_t ranks = 0;

	if (a->only)
		return as->n >= a->nonly;
	if (!as->n || as->a[0].info.size <= 0)
		return 0;
	for (size_t i = 0; i < as->n; i++)
		ranks += as->a[i].info.rank >= 0;
	return ranks >= (size_t)as->a[0].info.size;
}

/* The slowest poll of the processes that answered, in ms. */
static long slowest_poll(const struct answers *as)
{
	long most = 0;

	for (size_t i = 0; i < as->n; i++)
		if (as->a[i].info.end_value > most)
			most = as->a[i].info.end_value;
	return most;
}

struct leaf {
	struct stacks *all;
	long member;
	const struct stats *funcs;
};

/* What naming the answers needs, made once for all of them: the objects'
 * symbols are read once, whatever the number of ranks that map them. */
struct naming {
	struct strtab *strings;
	struct symbolizer *sym;
	struct stats *funcs;
};

/* A frame as cprof-dump PID names it: a Python function as cProfile does,
 * a built-in or a row of cprof's in braces, a native function by its name
 * alone (its file and line are the profile's to show). */
static char *frame_name(const struct stats *funcs, uint32_t func)
{
	struct func_name k = funcs->entries[func].key;
	const char *file = strtab_str(funcs->strings, k.file);

	if (strcmp(file, "~") == 0 || cprof_has_suffix(file, ".py"))
		return report_name(funcs->strings, k, 0);
	return xstrdup(strtab_str(funcs->strings, k.name));
}

/* A thread's one path (its node with time of its own), into the tree. */
static void add_path(void *ctx, const struct call_tree *t, const uint32_t *path, uint32_t depth)
{
	struct leaf *l = ctx;
	char **frames;

	if (!(t->nodes[path[depth - 1]].self > 0))
		return;
	frames = xmalloc(depth * sizeof *frames);
	for (uint32_t d = 0; d < depth; d++)
		frames[d] = frame_name(l->funcs, t->nodes[path[d]].func);
	stacks_add(l->all, l->member, (const char *const *)frames, (int)depth);
	for (uint32_t d = 0; d < depth; d++)
		free(frames[d]);
	free(frames);
}

/* Adds every thread of the answer at path: 0, or -1 with why in err. */
static int add_answer(struct naming *nm, const char *path, long member, struct stacks *all, char *err,
		      size_t errsize)
{
	struct raw_process *p = rawfile_read(path, err, errsize);
	struct call_tree *trees;
	struct tables t;

	if (!p)
		return -1;
	trees = xcalloc(p->nthreads + 1, sizeof *trees);
	profile_process(nm->strings, nm->sym, p, &t, nm->funcs, trees);
	for (size_t i = 0; i < p->nthreads; i++) {
		struct leaf l = {all, member, nm->funcs};
		tree_walk(&trees[i], add_path, &l);
		tree_free(&trees[i]);
	}
	free(trees);
	tables_free(&t);
	rawfile_free(p);
	return 0;
}

/* The ranks of 0..size-1 that did not answer, as "3,5-7". */
static void missing_ranks(const struct answers *as, int size, char *buf, size_t bufsize)
{
	long *m = xmalloc(((size_t)size + 1) * sizeof *m);
	char *seen = xcalloc((size_t)size + 1, 1);
	size_t n = 0;

	for (size_t i = 0; i < as->n; i++)
		if (as->a[i].info.rank >= 0 && as->a[i].info.rank < size)
			seen[as->a[i].info.rank] = 1;
	for (int r = 0; r < size; r++)
		if (!seen[r])
			m[n++] = r;
	buf[0] = '\0';
	if (n)
		stacks_format_set(m, n, buf, bufsize);
	free(seen);
	free(m);
}

int askrun(const struct askrun_ask *a, struct stacks *all, struct askrun *out, char *err, size_t errsize)
{
	const char *dir = a->dir;
	struct answers as = {0};
	struct naming nm;
	struct timespec ts;
	struct stat st;
	unsigned long long seq;
	char sub[64];
	long t0, poll;
	int ret = 0;

	memset(out, 0, sizeof *out);
	out->size = -1;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errsize, "%s is not a directory: cprof-dump DIR takes the run's directory (cprof -d DIR, "
			 "cprof-mpi's cprof-<jobid>)", dir);
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	seq = (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
	snprintf(sub, sizeof sub, "%s%llu", CPROF_DUMP_PREFIX, seq);
	if (request(dir, sub, seq, err, errsize) < 0)
		return -1;
	snprintf(out->answers, sizeof out->answers, "%s/%s", dir, sub);
	as.names = strtab_new();
	u64map_init(&as.seen);
	t0 = now_ms();
	for (;;) {
		long waited = now_ms() - t0;
		look(out->answers, a, &as);
		poll = slowest_poll(&as);
		if (all_in(a, &as) || (as.n && waited > poll + SLACK_MS) || waited > a->timeout_ms)
			break;
		struct timespec pause = {0, LOOK_MS * 1000000L};
		nanosleep(&pause, NULL);
	}
	out->waited_ms = now_ms() - t0;
	out->answered = (int)as.n;
	if (!as.n) {
		snprintf(err, errsize, "no process of the run in %s answered in %.1f s: is it still running, started "
			 "with --dump-poll (cprof-mpi looks every 2 s unless told otherwise; cprof only when given it)? "
			 "cprof-dump PID reads a process of this node with ptrace", dir, (double)out->waited_ms / 1000);
		rmdir(out->answers);
		answers_free(&as);
		return -1;
	}
	out->by_rank = a->members < 0 ? distinct_ranks(&as) : a->members;
	if (out->by_rank && as.a[0].info.size > 0 && !a->only) {
		out->size = as.a[0].info.size;
		missing_ranks(&as, out->size, out->missing, sizeof out->missing);
	}
	nm.strings = strtab_new();
	nm.sym = symbolizer_new(nm.strings);
	nm.funcs = stats_new(nm.strings);
	for (size_t i = 0; i < as.n; i++) {
		char why[1024];
		long member = out->by_rank ? as.a[i].info.rank : as.a[i].info.pid;
		if (add_answer(&nm, as.a[i].path, member, all, why, sizeof why) < 0) {
			fprintf(stderr, "cprof-dump: %s\n", why);
			ret = -1;
		}
	}
	stats_free(nm.funcs);
	symbolizer_free(nm.sym);
	strtab_free(nm.strings);
	answers_free(&as);
	if (ret < 0)
		snprintf(err, errsize, "some answers in %s could not be read", out->answers);
	return ret;
}
