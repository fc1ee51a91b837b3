/* notes.c: what a report says of the processes beside its tables: how
 * each ended, which figures are estimates and from how many samples, what
 * --count could count, the calls lost, and why a table is empty. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "notes.h"
#include "text.h"

/* Whether the process of a snapshot still runs: 1 yes, 0 no, -1 cannot be
 * told (another host).  The pid must be the process's: taken by a process
 * that started before the snapshot was (the start time /proc gives, in
 * clock ticks after boot, rounded). */
static int snapshot_running(const struct raw_process *p)
{
	char host[256] = "", path[64], buf[1024], *at;
	unsigned long long start_ticks = 0, boot = 0;
	FILE *f;
	int field = 2;

	if (gethostname(host, sizeof host - 1) < 0 || strcmp(host, p->host) != 0)
		return -1;
	snprintf(path, sizeof path, "/proc/%d/stat", p->info.pid);
	if (!(f = fopen(path, "r")))
		return 0;
	at = fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;
	fclose(f);
	for (; at && *at && field < 22; at++)
		field += *at == ' ';
	if (!at || sscanf(at, "%llu", &start_ticks) != 1 || !(f = fopen("/proc/stat", "r")))
		return -1;
	while (fgets(buf, sizeof buf, f) && sscanf(buf, "btime %llu", &boot) != 1)
		;
	fclose(f);
	if (!boot)
		return -1;
	return (boot + start_ticks / (unsigned long long)sysconf(_SC_CLK_TCK)) * 1000000000ull <= p->info.end_ns;
}

const char *notes_snapshot(const struct raw_process *p, char *buf, size_t size)
{
	time_t at = (time_t)(p->info.end_ns / 1000000000u);
	char when[32];
	struct tm tm;
	int running;

	buf[0] = '\0';
	if (p->info.end_reason != CPROF_END_SNAPSHOT)
		return buf;
	running = snapshot_running(p);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime_r(&at, &tm));
	snprintf(buf, size, "snapshot at %s, %.1f s after its start; %s", when,
		 p->info.end_ns > p->info.start_ns ? (double)(p->info.end_ns - p->info.start_ns) * 1e-9 : 0.0,
		 running > 0	? "still running"
		 : running == 0 ? "gone since, with no profile of its end (killed: SIGKILL, the OOM killer?)"
				: "running then");
	return buf;
}

void notes_heading(FILE *out, const struct raw_process *p)
{
	char snapshot[256];

	fprintf(out, "Process %d (parent %d) on ", p->info.pid, p->info.ppid);
	text_print(out, p->host, 0);
	fputc(':', out);
	for (uint32_t i = 0; i < p->info.argc; i++) {
		fputc(' ', out);
		text_print(out, p->argv[i], 0);
	}
	if (p->info.end_reason == CPROF_END_SIGNAL)
		fprintf(out, " [killed by signal %d: %s]", p->info.end_value, strsignal(p->info.end_value));
	else if (p->info.end_reason == CPROF_END_EXEC)
		fputs(" [replaced by exec]", out);
	else if (p->info.end_reason == CPROF_END_ATTACHED)
		fputs(p->info.end_value ? " [sampled from outside until it ended]" : " [sampled from outside, still running]",
		      out);
	else if (*notes_snapshot(p, snapshot, sizeof snapshot))
		fprintf(out, " [%s]", snapshot);
	if (p->truncated)
		fputs(" [profile truncated]", out);
	fputs("\n\n", out);
}

/* Calls the runtime had to drop (see docs/FORMAT.md) make counts low. */
void notes_lost(const char *prog, struct raw_process *const *procs, size_t n)
{
	uint64_t lost = 0;

	for (size_t i = 0; i < n; i++)
		lost += procs[i]->info.events_lost;
	if (lost)
		fprintf(stderr,
			"%s: warning: %" PRIu64 " calls could not be recorded (calls nested deeper than %u, out of "
			"memory, or a signal handler during bookkeeping): the counts above are short by that many\n",
			prog, lost, CPROF_TRACE_DEPTH);
}

/* The CPU time the processes' threads ran with the sampling signal blocked
 * by the program (liblzma's workers; a program blocking every signal),
 * which no sample saw; and how many threads did so for a sample period or
 * more. */
static uint64_t masked_time(struct raw_process *const *procs, size_t n, uint32_t *threads)
{
	uint64_t ns = 0;

	*threads = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; procs[i]->sampled && k < procs[i]->nthreads; k++) {
			const struct raw_thread *t = &procs[i]->threads[k];
			ns += t->masked_ns;
			*threads += t->masked_ns >= procs[i]->sampling.period;
		}
	return ns;
}

/* Why the table is empty, and what to do: the report is all rows. */
void notes_empty(const char *prog, struct raw_process *const *procs, size_t n)
{
	const struct cprof_rec_sampling *s = NULL;
	uint64_t cpu = 0, dropped = 0, masked;
	uint32_t threads;
	size_t truncated = 0;

	for (size_t i = 0; i < n; i++) {
		truncated += procs[i]->truncated;
		if (procs[i]->sampled) {
			s = &procs[i]->sampling;
			cpu += s->cpu_ns;
			dropped += s->dropped;
		}
	}
	masked = masked_time(procs, n, &threads);
	if (truncated)
		fprintf(stderr,
			"%s: nothing to report: %zu of the %zu profiles read are truncated, before their calls and "
			"samples (a process killed while it wrote, a disk that filled, a file cut short)\n",
			prog, truncated, n);
	else if (!s)
		fprintf(stderr,
			"%s: nothing was traced, and sampling was off (-F 0 or --mode=trace): build the program with "
			"-finstrument-functions (gcc or clang) to have its calls counted, or let cprof sample it\n",
			prog);
	else if (threads)
		fprintf(stderr,
			"%s: nothing was sampled: the program blocked the sampling signal in the threads that ran "
			"(%.3f s of CPU), which keeps samples out: build it with -finstrument-functions (gcc or "
			"clang) to trace its calls instead\n",
			prog, (double)masked * 1e-9);
	else if (dropped)
		fprintf(stderr, "%s: nothing was sampled: the %" PRIu64 " samples taken were all dropped (see "
				"docs/SAMPLING.md)\n", prog, dropped);
	else if (s->clock != CPROF_SAMPLE_EVENT && cpu < 2 * s->period)
		fprintf(stderr,
			"%s: nothing was sampled: the program ran %.3f ms of CPU in all, hardly more than the %.3f ms "
			"between samples: raise -F (up to 100000), or build it with -finstrument-functions (gcc or "
			"clang) to trace every call\n",
			prog, (double)cpu * 1e-6, (double)s->period * 1e-6);
	else
		fprintf(stderr, "%s: nothing was sampled, though the program ran %.3f s of CPU\n", prog,
			(double)cpu * 1e-9);
}

/* "Note: WHAT NOTE": a note the runtime wrote in the raw profile. */
static void print_note(FILE *out, const char *what, const char *note)
{
	fprintf(out, "Note: %s", what);
	text_print(out, note, 0);
	fputc('\n', out);
}

/* "thread 123 (name) of pid 120", or for the exited threads' record
 * "threads that ended, of pid 120". */
static void print_thread(FILE *out, const struct raw_process *p, const struct raw_thread *t)
{
	if (t->tid) {
		fprintf(out, "thread %d (", t->tid);
		text_print(out, t->name, 0);
		fprintf(out, ") of pid %d", p->info.pid);
	} else {
		fprintf(out, "threads that ended, of pid %d", p->info.pid);
	}
}

/* Threads the program kept samples out of: how many, and how much of
 * their time is missing. */
#define MASKED_NAMED 4 /* threads named in the note, at most */

static void print_masked(FILE *out, struct raw_process *const *procs, size_t n)
{
	uint32_t threads, named = 0;
	uint64_t ns = masked_time(procs, n, &threads);

	if (!threads)
		return;
	fprintf(out,
		"Note: the program blocked the sampling signal in %u thread%s, which ran %.3f s of CPU so: "
		"no sample saw that time (",
		threads, threads == 1 ? "" : "s", (double)ns * 1e-9);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; procs[i]->sampled && k < procs[i]->nthreads; k++) {
			const struct raw_thread *t = &procs[i]->threads[k];
			if (t->masked_ns < procs[i]->sampling.period || named++ >= MASKED_NAMED)
				continue;
			fputs(named > 1 ? ", " : "", out);
			print_thread(out, procs[i], t);
			fprintf(out, ": %.3f s", (double)t->masked_ns * 1e-9);
		}
	fputs(named > MASKED_NAMED ? ", ...)\n" : ")\n", out);
}

/* What the processes' samples add up to. */
struct sampled_sums {
	uint64_t samples, dropped;
	uint64_t kernel_samples; /* of the samples, those taken in the kernel */
	uint64_t unsampled; /* files of cprof 0.1.0: off the CPU or in the kernel */
	uint64_t kernel, offcpu;
	int split; /* every file told the kernel's time from the time off the CPU */
};

/* The header's first words: the clock, the samples, and where the time
 * they could not see went. */
static void print_sampled_time(FILE *out, const struct cprof_rec_sampling *any, const struct sampled_sums *s)
{
	char in_kernel[48] = "";

	if (s->kernel_samples)
		snprintf(in_kernel, sizeof in_kernel, " (%" PRIu64 " in the kernel)", s->kernel_samples);
	if (any->clock == CPROF_SAMPLE_CPU && s->split)
		fprintf(out, "Sampled CPU time at %u Hz: %" PRIu64 " samples%s, %.3f s in the kernel, %" PRIu64 " dropped. ",
			any->hz, s->samples, in_kernel, (double)s->kernel * 1e-9, s->dropped);
	else if (any->clock == CPROF_SAMPLE_CPU)
		fprintf(out, "Sampled CPU time at %u Hz: %" PRIu64 " samples, %" PRIu64 " dropped. ", any->hz, s->samples,
			s->dropped);
	else if (s->split)
		fprintf(out,
			"Sampled wall time at %u Hz: %" PRIu64 " samples on CPU%s, %.3f s in the kernel, %.3f s off "
			"the CPU, %" PRIu64 " dropped. ",
			any->hz, s->samples, in_kernel, (double)s->kernel * 1e-9, (double)s->offcpu * 1e-9, s->dropped);
	else
		fprintf(out,
			"Sampled wall time at %u Hz: %" PRIu64 " samples on CPU, %.3f s off it or in the kernel, %" PRIu64
			" dropped. ",
			any->hz, s->samples, (double)s->unsampled * 1e-9, s->dropped);
}

/* Says which rows are estimates, and from how many samples: the table
 * itself is pstats' to the character, and cannot. */
static int print_sampling(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	struct sampled_sums sums = {.split = 1};
	uint32_t estimated = 0;
	const struct cprof_rec_sampling *any = NULL;

	for (size_t i = 0; i < n; i++)
		if (procs[i]->sampled) {
			any = &procs[i]->sampling;
			sums.samples += any->samples;
			sums.dropped += any->dropped;
			sums.unsampled += any->unsampled_ns;
			sums.kernel += any->kernel_ns;
			sums.offcpu += any->offcpu_ns;
			sums.kernel_samples += any->kernel_samples;
			sums.split &= procs[i]->sampling_split;
		}
	if (!any)
		return 0;
	for (uint32_t e = 0; e < t->table->n; e++)
		estimated += stats_find(t->traced, t->table->entries[e].key) == STATS_NONE;
	print_sampled_time(out, any, &sums);
	if (estimated == t->table->n)
		fprintf(out, "All %u functions are estimates from them", estimated);
	else
		fprintf(out, "%u of %zu functions are estimates from them", estimated, t->table->n);
	if (t->counted->n)
		fprintf(out, " (ncalls 0 but for the %zu whose calls uprobes counted)", t->counted->n);
	else
		fputs(" (ncalls 0)", out);
	fputs(estimated == t->table->n ? ".\n" : "; the others were traced, exactly.\n", out);
	for (size_t i = 0; i < n; i++)
		if (procs[i]->sampled && procs[i]->sampling.note[0]) {
			print_note(out, "", procs[i]->sampling.note);
			break;
		}
	print_masked(out, procs, n);
	return 1;
}

/* A pattern of --count that matched nothing in any of the processes. */
static int unmatched_everywhere(struct raw_process *const *procs, size_t n, const char *pattern)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = procs[i]->count_unmatched;
		if (!procs[i]->counted)
			continue;
		while (*s && strcmp(s, pattern) != 0)
			s += strlen(s) + 1;
		if (!*s)
			return 0;
	}
	return 1;
}

/* What --count could and could not count. */
static int print_counting(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	const struct raw_process *first = NULL;
	int sampled = 0;

	for (size_t i = 0; i < n; i++) {
		sampled |= procs[i]->sampled;
		if (procs[i]->counted && !first)
			first = procs[i];
	}
	if (!first)
		return 0;
	if (!sampled)
		fprintf(out, "Counted the calls of %zu functions with uprobes; sampling was off, so their times are 0.\n",
			t->counted->n);
	for (size_t i = 0; i < n; i++)
		if (procs[i]->counted && procs[i]->count_note[0]) {
			print_note(out, "--count: ", procs[i]->count_note);
			break;
		}
	for (const char *s = first->count_unmatched; *s; s += strlen(s) + 1) {
		char *pattern;
		if (!unmatched_everywhere(procs, n, s))
			continue;
		pattern = text_escape(s);
		if (strchr(s, ':'))
			fprintf(out, "Note: --count: no function matched '%s' (only libraries loaded at start are searched)\n",
				pattern);
		else
			fprintf(out, "Note: --count: no function matched '%s' (a library's functions need LIBRARY:%s)\n",
				pattern, pattern);
		free(pattern);
	}
	return 1;
}

/* Which processes are snapshots (--snapshot), and of when: their figures
 * stop there. */
#define SNAPSHOTS_NAMED 4 /* processes named in the note, at most */

static int print_snapshots(FILE *out, struct raw_process *const *procs, size_t n)
{
	size_t snapshots = 0, named = 0;
	char what[256];

	for (size_t i = 0; i < n; i++)
		snapshots += procs[i]->info.end_reason == CPROF_END_SNAPSHOT;
	if (!snapshots)
		return 0;
	if (n == 1)
		fputs("Note: the figures are a snapshot's, of the process so far: ", out);
	else
		fprintf(out, "Note: %zu of the %zu processes %s, %s figures so far: ", snapshots, n,
			snapshots == 1 ? "is a snapshot" : "are snapshots", snapshots == 1 ? "its" : "their");
	for (size_t i = 0; i < n; i++) {
		if (procs[i]->info.end_reason != CPROF_END_SNAPSHOT || named++ >= SNAPSHOTS_NAMED)
			continue;
		fprintf(out, "%spid %d (", named > 1 ? "; " : "", procs[i]->info.pid);
		text_print(out, procs[i]->info.argc ? procs[i]->argv[0] : procs[i]->exe, 0);
		fprintf(out, "), %s", notes_snapshot(procs[i], what, sizeof what));
	}
	fputs(named > SNAPSHOTS_NAMED ? "; ...\n" : "\n", out);
	return 1;
}

/* Threads in which the program set a Python profile function of its own,
 * which took the place of cprof's (before Python 3.12 a thread has one):
 * their Python calls after it are missing. */
#define DISPLACED_NAMED 4 /* threads named in the note, at most */

static int print_displaced(FILE *out, struct raw_process *const *procs, size_t n)
{
	size_t threads = 0, named = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < procs[i]->nthreads; k++)
			threads += procs[i]->threads[k].py_displaced != 0;
	if (!threads)
		return 0;
	fputs("Note: the program set a Python profile function of its own (sys.setprofile, cProfile, a "
	      "debugger) in ",
	      out);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < procs[i]->nthreads; k++) {
			const struct raw_thread *th = &procs[i]->threads[k];
			if (!th->py_displaced || named++ >= DISPLACED_NAMED)
				continue;
			fputs(named > 1 ? ", " : "", out);
			print_thread(out, procs[i], th);
		}
	fprintf(out, "%s: it took the place of cprof's, and the Python calls made after it there are missing "
		     "from the table\n",
		named > DISPLACED_NAMED ? ", ..." : "");
	return 1;
}

/* The lines above the table: which processes are snapshots, which figures
 * are estimates, which counted, which threads' Python calls are missing. */
void notes_preamble(FILE *out, struct raw_process *const *procs, size_t n, const struct tables *t)
{
	int any = print_snapshots(out, procs, n);

	any |= print_sampling(out, procs, n, t);
	any |= print_displaced(out, procs, n);

	if (print_counting(out, procs, n, t) || any)
		fputc('\n', out);
}
