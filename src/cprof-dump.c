/* cprof-dump: the current stack of every thread of running processes, native
 * and Python frames together, merged into one tree labelled by process (or
 * MPI rank) sets, as a hung job needs it (docs/DUMP.md).  Each process is
 * held still only while its registers, stacks and Python frames are copied;
 * the unwinding and naming come after it has gone on. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "askrun.h"
#include "freeze.h"
#include "native.h"
#include "proc.h"
#include "pyframes.h"
#include "cprof-format.h"
#include "stacks.h"

#define NAME_MAX_LEN 1024

static const struct option options[] = {
	{"output", required_argument, NULL, 'o'},
	{"timeout", required_argument, NULL, 't'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
	fputs("usage: cprof-dump [options] PID...\n"
	      "       cprof-dump [options] DIR\n"
	      "Print the current stack of every thread of the processes PID..., native\n"
	      "and Python frames together, merged into one tree: each frame shows the\n"
	      "processes with a thread in it, as MPI ranks where each has one, else as\n"
	      "pids (\"[0,2-3]\"), and the processes whose stacks are all the same form a\n"
	      "class.  Each process is stopped while its stacks are copied (ptrace), a few\n"
	      "milliseconds, and goes on as before.\n"
	      "With DIR, the directory of a run under cprof or cprof-mpi (-d DIR,\n"
	      "cprof-<jobid>), the processes of the run write their own stacks, asked\n"
	      "through DIR: no ptrace, and ranks on every node that shares DIR answer\n"
	      "(they look every --dump-poll seconds, 2 under cprof-mpi).\n"
	      "\n"
	      "  -o, --output FILE   write the tree into FILE instead of printing it; a\n"
	      "                      web page if its name ends in .html\n"
	      "  -t, --timeout SECS  with DIR, wait at most SECS for the answers (default 10)\n"
	      "  -h, --help          print this help\n"
	      "      --version       print cprof's version\n",
	      f);
}

struct target {
	pid_t pid;
	long rank;      /* its MPI rank, or -1 */
	char dir[4096]; /* its run's directory if it runs under cprof and looks for dump requests */
	int asked;      /* it could not be stopped: it is asked through dir */
};

/* What pid's environment says of it: its MPI rank, and its run's
 * directory under cprof where its runtime looks for dump requests. */
static void read_environ(struct target *tg)
{
	static const char *const keys[] = { "OMPI_COMM_WORLD_RANK=", "PMI_RANK=", "PMIX_RANK=" };
	char path[64], buf[1 << 16];
	size_t len;
	int polls = 0;
	FILE *fp;

	tg->rank = -1;
	snprintf(path, sizeof path, "/proc/%d/environ", (int)tg->pid);
	if (!(fp = fopen(path, "r")))
		return;
	len = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[len] = 0;
	for (size_t at = 0; at < len; at += strlen(buf + at) + 1) {
		const char *v = strchr(buf + at, '=');
		if (!v++)
			continue;
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (!strncmp(buf + at, keys[k], strlen(keys[k])) && tg->rank < 0) {
				char *end;
				long r = strtol(v, &end, 10);
				if (end != v && !*end && r >= 0)
					tg->rank = r;
			}
		if (!strncmp(buf + at, "CPROF_DIR=", 10))
			snprintf(tg->dir, sizeof tg->dir, "%s", v);
		if (!strncmp(buf + at, "CPROF_DUMP_POLL=", 16))
			polls = atol(v) > 0;
	}
	if (!polls)
		tg->dir[0] = '\0';
}

/* A thread's stack as the program sees it, outermost first, into frames:
 * in a Python thread, its Python calls in place of the interpreter's frames
 * that run them, and inside the innermost, the native frames it is in (a
 * built-in, an extension, the MPI library, the C library's wait). */
static int thread_stack(struct native *n, const struct frozen *f, size_t i, const struct pythread *pt, char **frames,
			int max)
{
	uint64_t pcs[NATIVE_MAX_FRAMES];
	int npc = native_unwind(n, f, i, pcs, NATIVE_MAX_FRAMES), m = 0;
	int eval = pt && pt->ncall ? pyframes_split(n, pcs, npc) : -1;
	char name[NAME_MAX_LEN];

	if (npc == NATIVE_MAX_FRAMES || (pt && pt->truncated))
		frames[m++] = strdup("(outer frames not read: the stack is deeper than cprof-dump reads)");
	if (pt && pt->ncall && (eval >= 0 || npc == 0)) {
		for (int k = pt->ncall - 1; k >= 0 && m < max; k--) {
			const struct pycall *c = &pt->call[k];
			size_t size = strlen(c->file) + strlen(c->name) + 16;
			if ((frames[m] = malloc(size)))
				snprintf(frames[m++], size, "%s:%u(%s)", c->file, c->line, c->name);
		}
		npc = eval >= 0 ? eval : 0;
	}
	for (int k = npc - 1; k >= 0 && m < max; k--)
		frames[m++] = strdup(native_name(n, pcs[k], name, sizeof name));
	return m;
}

/* Stops, copies and lets go one process, and adds its threads' stacks:
 * 0, or -1 with the cause in err. */
static int dump_one(const struct target *tg, int by_rank, struct stacks *all, int64_t *paused, char *err,
		    size_t errsize)
{
	struct native *n;
	uint64_t runtime, code_type;
	int version = 0;
	struct pyprocess py = { 0 };
	struct frozen f;
	char **frames;

	if (kill(tg->pid, 0) < 0 && errno == ESRCH) {
		snprintf(err, errsize, "no process %d", (int)tg->pid);
		return -1;
	}
	if (proc_kernel_thread(tg->pid)) {
		snprintf(err, errsize, "process %d is a thread of the kernel's: it has no stack of a program",
			 (int)tg->pid);
		return -1;
	}
	if (!(n = native_open(tg->pid, err, errsize)))
		return -1;
	/* what the symbols say, before the process is stopped: a search of
	 * every symbol table can take long */
	runtime = native_symbol(n, "_PyRuntime");
	code_type = native_symbol(n, "PyCode_Type");
	if (runtime && code_type) {
		struct frozen running = {.pid = tg->pid};
		version = pyframes_version(n, &running);
	}
	if (freeze(tg->pid, &f, err, errsize) < 0) {
		native_close(n);
		return -1;
	}
	if (runtime && code_type) {
		char why[512];
		if (pyframes_read(&f, version, runtime, code_type, &py, why, sizeof why) < 0)
			fprintf(stderr, "cprof-dump: %s: its Python calls are left out\n", why);
		else if (!py.version)
			fprintf(stderr, "cprof-dump: process %d runs Python %d.%d: cprof reads the calls of 3.8 to 3.13 "
				"only\n", (int)tg->pid, version >> 8, version & 0xff);
	}
	thaw(&f);
	*paused = f.paused_ns;
	frames = malloc((NATIVE_MAX_FRAMES + PY_MAX_CALLS) * sizeof *frames);
	for (size_t i = 0; frames && i < f.nthread; i++) {
		int m = thread_stack(n, &f, i, pyframes_thread(&py, &f.thread[i]), frames,
				     NATIVE_MAX_FRAMES + PY_MAX_CALLS);
		stacks_add(all, by_rank ? tg->rank : tg->pid, (const char *const *)frames, m);
		for (int k = 0; k < m; k++)
			free(frames[k]);
	}
	free(frames);
	pyframes_free(&py);
	frozen_free(&f);
	native_close(n);
	return 0;
}

/* The tree into output (standard output if NULL), with `trailer` after
 * it as text: 0, or 1 with why on standard error. */
static int write_tree(const struct stacks *all, const char *output, const char *kind, const char *trailer)
{
	FILE *out = stdout;

	if (output && !(out = fopen(output, "w"))) {
		fprintf(stderr, "cprof-dump: cannot write %s: %s\n", output, strerror(errno));
		return 1;
	}
	if (output && cprof_has_suffix(output, ".html")) {
		stacks_html(all, out, kind);
	} else {
		stacks_print(all, out, kind);
		fprintf(out, "\n%s", trailer);
	}
	if (out != stdout && fclose(out) != 0) {
		fprintf(stderr, "cprof-dump: cannot write %s: %s\n", output, strerror(errno));
		return 1;
	}
	return 0;
}

/* cprof-dump DIR: the stacks the run's processes write when asked. */
static int dump_run(const char *dir, long timeout_ms, const char *output)
{
	struct stacks *all = stacks_new();
	struct askrun_ask a = {dir, timeout_ms, NULL, 0, -1};
	struct askrun r;
	char err[1024], trailer[4096 + 256];
	int ret = askrun(&a, all, &r, err, sizeof err);

	if (ret < 0 && !r.answered) {
		fprintf(stderr, "cprof-dump: %s\n", err);
		stacks_free(all);
		return 1;
	}
	if (ret < 0)
		fprintf(stderr, "cprof-dump: %s\n", err);
	if (r.missing[0])
		fprintf(stderr, "cprof-dump: rank%s %s of %d did not answer in %.1f s: ended, stopped, or on a node "
			"that does not see %s\n", strchr(r.missing, ',') || strchr(r.missing, '-') ? "s" : "",
			r.missing, r.size, (double)r.waited_ms / 1000, dir);
	snprintf(trailer, sizeof trailer,
		 "%d process%s answered in %.1f s, no process stopped (their answers: %s)\n", r.answered,
		 r.answered == 1 ? "" : "es", (double)r.waited_ms / 1000, r.answers);
	ret = write_tree(all, output, r.by_rank ? "rank" : "pid", trailer) || ret < 0;
	stacks_free(all);
	return ret;
}

/* The targets that could not be stopped but run under cprof, asked
 * through their run's directory, one request a directory: how many
 * answered; those that did not add to *failed. */
static int ask_runs(struct target *tg, int n, int by_rank, long timeout_ms, struct stacks *all, int *failed)
{
	int *pids = calloc((size_t)n, sizeof *pids), answered = 0;

	for (int i = 0; i < n && pids; i++) {
		struct askrun_ask a = {tg[i].dir, timeout_ms, pids, 0, by_rank};
		struct askrun r;
		char err[1024];
		if (!tg[i].asked)
			continue;
		for (int k = i; k < n; k++)
			if (tg[k].asked && strcmp(tg[k].dir, tg[i].dir) == 0) {
				pids[a.nonly++] = tg[k].pid;
				tg[k].asked = k == i; /* (asked once, with i) */
			}
		if (askrun(&a, all, &r, err, sizeof err) < 0)
			fprintf(stderr, "cprof-dump: %s\n", err);
		answered += r.answered;
		*failed += (int)a.nonly - r.answered;
	}
	free(pids);
	return answered;
}

int main(int argc, char **argv)
{
	const char *output = NULL;
	struct target *tg;
	struct stacks *all;
	int c, ntarget, by_rank = 1, failed = 0, dumped = 0, asked;
	int64_t most = 0;
	long timeout_ms = 10000;

	while ((c = getopt_long(argc, argv, "o:t:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 't':
			timeout_ms = cprof_seconds_ms(optarg, 86400000L);
			if (timeout_ms <= 0) {
				fprintf(stderr, "cprof-dump: -t takes seconds, more than 0 (2.5), not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			puts("cprof-dump " PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind == argc) {
		fputs("cprof-dump: no process given: cprof-dump PID... (pgrep -f NAME finds the pids)\n", stderr);
		return 2;
	}
	if (argc - optind == 1 && strspn(argv[optind], "0123456789") != strlen(argv[optind])) {
		struct stat st;
		if (stat(argv[optind], &st) == 0 && S_ISDIR(st.st_mode))
			return dump_run(argv[optind], timeout_ms, output);
		fprintf(stderr, "cprof-dump: '%s' is neither a process id nor a directory: cprof-dump PID..., or "
			"cprof-dump DIR (a run's directory: cprof -d DIR, cprof-mpi's cprof-<jobid>)\n", argv[optind]);
		return 2;
	}
	ntarget = argc - optind;
	tg = calloc((size_t)ntarget, sizeof *tg);
	for (int i = 0; i < ntarget; i++) {
		char *end;
		long pid;
		errno = 0;
		pid = strtol(argv[optind + i], &end, 10);
		if (end == argv[optind + i] || *end || pid <= 0 || pid > 0x3fffffff || errno) {
			fprintf(stderr, "cprof-dump: '%s' is not a process id: cprof-dump PID...\n", argv[optind + i]);
			return 2;
		}
		tg[i].pid = (pid_t)pid;
		read_environ(&tg[i]);
		by_rank &= tg[i].rank >= 0;
		for (int k = 0; k < i && by_rank; k++)
			by_rank = tg[k].rank != tg[i].rank; /* ranks of one job: each once */
	}
	all = stacks_new();
	for (int i = 0; i < ntarget; i++) {
		int64_t paused = 0;
		char err[1024];
		if (dump_one(&tg[i], by_rank, all, &paused, err, sizeof err) < 0) {
			tg[i].asked = tg[i].dir[0] != '\0';
			fprintf(stderr, "cprof-dump: %s%s%s\n", err, tg[i].asked ? "; it runs under cprof: asked through "
				"its run's directory " : "", tg[i].asked ? tg[i].dir : "");
			failed += !tg[i].asked;
			continue;
		}
		dumped++;
		if (paused > most)
			most = paused;
	}
	asked = ask_runs(tg, ntarget, by_rank, timeout_ms, all, &failed);
	if (dumped || asked) {
		char trailer[256];
		int len = 0;
		if (dumped)
			len = snprintf(trailer, sizeof trailer, "each process was stopped for at most %.1f ms\n",
				       (double)most / 1e6);
		if (asked)
			snprintf(trailer + len, sizeof trailer - (size_t)len,
				 "%d process%s answered through its run's directory, not stopped\n", asked,
				 asked == 1 ? "" : "es");
		if (write_tree(all, output, by_rank ? "rank" : "pid", trailer))
			return 1;
	}
	stacks_free(all);
	free(tg);
	return failed ? 1 : 0;
}
