/* cprof: run a program with the runtime preloaded and print cProfile's table
 * of it and of every process it starts, when all of them are done.
 *
 * Built a second time as cprof-mpi (CPROF_MPI 1), the same under an MPI
 * launcher, for each rank: it preloads the MPI wrappers too, names the rank
 * and the job for the runtime, writes into the job's directory, and rank 0
 * prints the report of all ranks once they are done (docs/MPI.md). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analysis.h"
#include "attach.h"
#include "countspec.h"
#include "cprof-env.h"
#include "cprof-format.h"
#include "perf-events.h"
#include "launcher.h"
#include "mpijob.h"
#include "outdir.h"
#include "paths.h"
#include "uprobe.h"

/* --dump-poll's default: a hung job's ranks answer cprof-dump DIR within
 * seconds; a single program needs it asked for (a thread of the runtime's
 * runs in each process that looks: docs/DUMP.md). */
#if CPROF_MPI
#define DUMP_POLL_DEFAULT "2"
#define DUMP_POLL_DEFAULT_TEXT "2 under cprof-mpi"
#else
#define DUMP_POLL_DEFAULT "0"
#define DUMP_POLL_DEFAULT_TEXT "0 under cprof"
#endif

struct settings {
	const char *sort;
	const char *out;   /* -o: the report's file, in the format its name says */
	const char *format; /* --format: the report's format */
	const char *report; /* --report: the report's file, else standard error */
	const char *dir;   /* -d: keep raw profiles here */
	int per_process;
	const char *hz;    /* -F: samples per second, "0" for none */
	const char *clock; /* --clock: wall or cpu */
	const char *mode;  /* --mode: auto, trace or sample */
	const char *event; /* -e: what samples count */
	char count[4096];  /* --count: patterns, comma-separated */
	int native;        /* --native (1, the default) or --no-native (0) */
	const char *snapshot; /* --snapshot: seconds between snapshots */
	const char *dump_poll; /* --dump-poll: seconds between looks for cprof-dump's requests */
	int per_rank;      /* cprof-mpi --per-rank */
	const char *gather; /* cprof-mpi --gather: node (default) or rank */
	int wait;          /* cprof-mpi --wait: seconds rank 0 waits for the others, and a
			    * rank for the processes its program left running */
	char **argv;       /* PROG ARGS... */
	pid_t pid;         /* -p: a running process to sample instead */
	double seconds;    /* -t: for how long, 0 until stopped */
};

enum { OPT_PER_PROCESS = 256, OPT_VERSION, OPT_CLOCK, OPT_MODE, OPT_COUNT, OPT_NATIVE, OPT_NO_NATIVE,
       OPT_PER_RANK, OPT_WAIT, OPT_GATHER, OPT_REPORT, OPT_FORMAT, OPT_SNAPSHOT, OPT_DUMP_POLL };

static const struct option options[] = {
	{"output", required_argument, NULL, 'o'},
	{"report", required_argument, NULL, OPT_REPORT},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"sort", required_argument, NULL, 's'},
	{"dir", required_argument, NULL, 'd'},
	{"frequency", required_argument, NULL, 'F'},
	{"event", required_argument, NULL, 'e'},
	{"clock", required_argument, NULL, OPT_CLOCK},
	{"mode", required_argument, NULL, OPT_MODE},
	{"count", required_argument, NULL, OPT_COUNT},
	{"native", no_argument, NULL, OPT_NATIVE},
	{"no-native", no_argument, NULL, OPT_NO_NATIVE},
	{"snapshot", required_argument, NULL, OPT_SNAPSHOT},
	{"dump-poll", required_argument, NULL, OPT_DUMP_POLL},
	{"per-rank", no_argument, NULL, OPT_PER_RANK},
	{"wait", required_argument, NULL, OPT_WAIT},
	{"gather", required_argument, NULL, OPT_GATHER},
	{"per-process", no_argument, NULL, OPT_PER_PROCESS},
	{"pid", required_argument, NULL, 'p'},
	{"time", required_argument, NULL, 't'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

/* The long name of option c. */
static const char *option_name(int c)
{
	const struct option *o = options;

	while (o->name && o->val != c)
		o++;
	return o->name ? o->name : "?";
}

/* -e's line of the help: the events (perf-events.h), the default first,
 * as many a line as fit. */
static void print_events(FILE *f)
{
	int col = fprintf(f, "  -e, --event EVENT   sample on a perf event:");

	for (const struct cprof_event *e = cprof_events(); e->name; e++) {
		int len = (int)strlen(e->name) + (e == cprof_events() ? 10 : 0) + 2;
		if (col + len > 79)
			col = fprintf(f, "\n                     ");
		col += fprintf(f, " %s%s,", e->name, e == cprof_events() ? " (default)" : "");
	}
	fprintf(f, "\n                      or %s (a POSIX CPU-time timer, no perf_event)\n", CPROF_EVENT_TIMER);
}

/* -e EVENT: one of perf-events.h's, or the timer; or -1, said. */
static int check_event(const char *name)
{
	if (strcmp(name, CPROF_EVENT_TIMER) == 0 || cprof_event_named(name))
		return 0;
	fprintf(stderr, "%s: -e takes one of these events, not '%s':", prog, name);
	for (const struct cprof_event *e = cprof_events(); e->name; e++)
		fprintf(stderr, " %s", e->name);
	fprintf(stderr, " %s\n", CPROF_EVENT_TIMER);
	return -1;
}

/* The lines of the help that differ: the program's, and its own options. */
#if CPROF_MPI
#define USAGE_HEAD                                                                        \
	"usage: mpiexec [mpiexec options] cprof-mpi [options] [--] PROG [ARGS...]\n"     \
	"Run as each rank of an MPI job: profile the rank's PROG as cprof does, its MPI\n" \
	"calls timed through PMPI; when every rank is done, rank 0 prints the merged\n"   \
	"table of all ranks and the MPI report on standard error.\n"
#define USAGE_OWN                                                                         \
	"      --gather=WAY    node (default): the ranks of a node gather their\n"        \
	"                      profiles into one file at MPI_Finalize (every rank\n"      \
	"                      under cprof-mpi, with the same WAY); rank: a file per\n"   \
	"                      rank\n"                                                     \
	"      --per-rank      print one table per rank instead of the merged one\n"      \
	"      --wait SECONDS  how long rank 0 waits for the other ranks, and the ranks\n" \
	"                      for one another in MPI_Finalize (default 60)\n"
#else
#define USAGE_HEAD                                                                        \
	"usage: cprof [options] [--] PROG [ARGS...]\n"                                   \
	"       cprof -p PID [-t SECONDS] [options]\n"                                   \
	"Run PROG and print cProfile's table of it and of every process it starts,\n"    \
	"on standard error (PROG's output stays its own).  With -p, sample the\n"        \
	"running process PID from outside instead, until SECONDS pass, Ctrl-C, or\n"     \
	"it ends, and print the table of what its threads ran meanwhile.\n"
#define USAGE_OWN                                                                         \
	"  -p, --pid PID       sample the running process PID (perf_event: it is never\n" \
	"                      stopped), each thread's CPU time at -F per second\n"       \
	"  -t, --time SECONDS  with -p, stop after SECONDS (default: at Ctrl-C, or when\n" \
	"                      the process ends)\n"
#endif
#define USAGE_STATUS                                                                      \
	"Exit status: PROG's; if PROG died of signal N, the same signal ends this\n"    \
	"command after the report (128+N to a shell); 127 if PROG was not found,\n"     \
	"126 if it could not be run, 2 for a bad option; 125 if PROG succeeded but\n"   \
	"its report could not be made or written.\n"

static void usage(FILE *f)
{
	fputs(USAGE_HEAD
	      "\n"
	      "  -o, --output FILE   write the report into FILE instead of printing it, in the\n"
	      "                      format FILE's name says: .html a web page, .folded\n"
	      "                      collapsed stacks, .speedscope.json speedscope's;\n"
	      "                      else a pstats file (as cProfile -o)\n"
	      "      --format=NAME   text, pstats, html, speedscope or folded, whatever\n"
	      "                      FILE's name (but text: with -o or --report)\n"
	      "      --report FILE   print the report into FILE instead of standard error\n"
	      "  -s, --sort KEY      sort by KEY (pstats' keys: calls, cumulative, filename,\n"
	      "                      line, module, name, nfl, pcalls, stdname, time, ...);\n"
	      "                      default cumulative (standard name for Python before\n"
	      "                      3.11, as cProfile)\n"
	      "  -d, --dir DIR       keep the raw per-process profiles in DIR\n"
	      "  -F, --frequency HZ  samples per second of each thread's time (default 1000;\n"
	      "                      0 turns sampling off)\n"
	      "      --clock=CLOCK   what samples measure: wall (default) or cpu\n",
	      f);
	print_events(f);
	fputs("      --mode=MODE     auto (default: exact tracing where the code is built with\n"
	      "                      -finstrument-functions, sampling for the rest), trace,\n"
	      "                      or sample\n"
	      "      --count=PATTERN count the calls of the functions PATTERN names, exactly,\n"
	      "                      with uprobes (root only): [LIBRARY:]GLOB, comma-\n"
	      "                      separated, repeatable (--count='work_*,libm:sin')\n"
	      "      --native        in Python, sample the native code under the program's\n"
	      "                      calls (C extensions, numpy, libm) (the default)\n"
	      "      --no-native     in Python, only the interpreter's calls: cProfile's table\n"
	      "      --snapshot=SECS write each process's profile so far every SECS seconds,\n"
	      "                      in place of the last: a process killed (SIGKILL, the\n"
	      "                      OOM killer) keeps its last, and cprof-report reads a\n"
	      "                      running job's directory (-d)\n"
	      "      --dump-poll=SECS look for cprof-dump's requests every SECS seconds, so\n"
	      "                      that `cprof-dump DIR` prints every thread's stack of\n"
	      "                      the run in DIR (-d), with no ptrace\n"
	      "                      (default: " DUMP_POLL_DEFAULT_TEXT "; 0: never)\n"
	      "      --per-process   print one table per process instead of the merged one\n"
	      USAGE_OWN
	      "  -h, --help          show this help\n"
	      "      --version       show the version\n"
	      "\n"
	      USAGE_STATUS,
	      f);
}

static int one_of(const char *what, const char *value, const char *const *choices)
{
	for (; *choices; choices++)
		if (strcmp(value, *choices) == 0)
			return 0;
	fprintf(stderr, "%s: %s must be %s, not '%s'\n", prog, what,
		strcmp(what, "--clock") == 0 ? "wall or cpu" : "auto, trace or sample", value);
	return -1;
}

static int check_choices(struct settings *s)
{
	static const char *const clocks[] = {"wall", "cpu", NULL}, *const modes[] = {"auto", "trace", "sample", NULL};
	char *end;
	long hz;

	if (s->clock && one_of("--clock", s->clock, clocks) < 0)
		return -1;
	if (s->mode && one_of("--mode", s->mode, modes) < 0)
		return -1;
	if (s->hz) {
		hz = strtol(s->hz, &end, 10);
		if (*end || end == s->hz || hz < 0 || hz > 100000) {
			fprintf(stderr, "%s: -F takes samples per second, 0 to 100000, not '%s'\n", prog, s->hz);
			return -1;
		}
	}
	if (s->snapshot && cprof_snapshot_parse(s->snapshot) < 0) {
		fprintf(stderr, "%s: --snapshot takes %s, not '%s'\n", prog,
			CPROF_SNAPSHOT_GRAMMAR, s->snapshot);
		return -1;
	}
	if (s->event && check_event(s->event) < 0)
		return -1;
	if (s->dump_poll && cprof_seconds_ms(s->dump_poll, CPROF_DUMP_POLL_MAX) < 0) {
		fprintf(stderr, "%s: --dump-poll takes %s, not '%s'\n", prog, CPROF_DUMP_POLL_GRAMMAR, s->dump_poll);
		return -1;
	}
	if (s->mode && strcmp(s->mode, "sample") == 0 && s->hz && strcmp(s->hz, "0") == 0) {
		fprintf(stderr, "%s: --mode=sample with -F 0 would record nothing\n", prog);
		return -1;
	}
	return 0;
}

/* Adds --count's patterns: [LIBRARY:]GLOB, separated by commas
 * (countspec.h); the runtime takes at most COUNTSPEC_MAX. */
static int add_count(struct settings *s, const char *arg)
{
	size_t used = strlen(s->count);
	int n = countspec_parse(arg, NULL, 0);

	if (n <= 0) {
		fprintf(stderr,
			"%s: --count takes function names or globs, [LIBRARY:]GLOB separated by commas "
			"(work_*,libm:sin), not '%s'\n",
			prog, arg);
		return -1;
	}
	if (n + countspec_parse(s->count, NULL, 0) > COUNTSPEC_MAX || used + strlen(arg) + 2 > sizeof s->count) {
		fprintf(stderr, "%s: --count takes at most %d patterns\n", prog, COUNTSPEC_MAX);
		return -1;
	}
	if (used)
		strcat(s->count, ",");
	strcat(s->count, arg);
	return 0;
}

static int first_module(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(struct dl_phdr_info *)data = *info;
	return 1;
}

/* Can --count count?  A probe on cprof's own code, counted, tells. */
static int check_count(void)
{
	char fs[64], group[UPROBE_NAME_MAX], exe[PATH_MAX];
	struct dl_phdr_info self;
	uint64_t offset;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	long probe;
	int ret = uprobe_tracefs(fs, sizeof fs);

	if (ret == -ENOENT && geteuid() == 0 && uprobe_mount_tracefs() == 0) {
		fprintf(stderr, "%s: --count: mounted tracefs at /sys/kernel/tracing\n", prog);
		ret = uprobe_tracefs(fs, sizeof fs);
	}
	if (ret == 0) {
		exe[n > 0 ? n : 0] = '\0';
		dl_iterate_phdr(first_module, &self);
		if (uprobe_file_offset(self.dlpi_phdr, self.dlpi_phnum, (uintptr_t)check_count - self.dlpi_addr,
				       &offset) < 0)
			offset = 0;
		uprobe_group(group, sizeof group, (int)getpid(), 0);
		probe = uprobe_define(fs, group, "check", exe, offset);
		ret = probe < 0 ? (int)probe : uprobe_count(probe);
		if (ret >= 0)
			close(ret);
		if (probe >= 0)
			uprobe_undefine(fs, group, "check");
	}
	if (ret < 0) {
		fprintf(stderr, "%s: --count: cannot count calls: %s\n", prog, uprobe_advice(-ret));
		return -1;
	}
	return 0;
}

/* The probes of processes killed before they could remove theirs. */
static void sweep_probes(void)
{
	char fs[64];

	if (uprobe_tracefs(fs, sizeof fs) == 0)
		uprobe_sweep(fs);
}

/* -p PID and -t SECONDS (cprof's, not cprof-mpi's) */
static int parse_attach(struct settings *s, int c, const char *arg)
{
	char *end;

	if (CPROF_MPI) {
		fprintf(stderr, "%s: -%c is cprof's option: cprof -p PID samples a running process\n", prog, c);
		return -1;
	}
	errno = 0;
	if (c == 'p') {
		long pid = strtol(arg, &end, 10);
		if (end == arg || *end || pid <= 0 || pid > 0x3fffffff || errno) {
			fprintf(stderr, "%s: -p takes a process id, not '%s' (pgrep -f NAME finds it)\n", prog, arg);
			return -1;
		}
		s->pid = (pid_t)pid;
	} else {
		s->seconds = strtod(arg, &end);
		if (end == arg || *end || !(s->seconds > 0) || s->seconds > 1e7 || errno) {
			fprintf(stderr, "%s: -t takes seconds, more than 0, not '%s'\n", prog, arg);
			return -1;
		}
	}
	return 0;
}

/* What -p cannot do: it samples each thread's CPU time, from outside. */
static int check_attach(const struct settings *s, int nargs)
{
	const char *why = NULL;

	if (nargs)
		why = "cprof -p PID samples a running process: give no program";
	else if (s->mode && strcmp(s->mode, "sample") != 0)
		why = "-p samples: tracing (--mode) needs the program started under cprof";
	else if (s->count[0])
		why = "--count needs the program started under cprof";
	else if (s->event && strcmp(s->event, cprof_events()->name) != 0)
		why = "-p samples the task clock (each thread's CPU time); -e needs the program started under cprof";
	else if (s->clock && strcmp(s->clock, "cpu") != 0)
		why = "-p samples CPU time (--clock=cpu): wall time needs the program started under cprof";
	else if (s->hz && strcmp(s->hz, "0") == 0)
		why = "-p samples: -F 0 would take none";
	else if (s->snapshot)
		why = "--snapshot is the runtime's, in a program started under cprof";
	else if (s->dump_poll)
		why = "--dump-poll is the runtime's, in a program started under cprof (cprof-dump PID reads any process)";
	if (why)
		fprintf(stderr, "%s: %s\n", prog, why);
	return why ? -1 : 0;
}

static int parse_args(int argc, char **argv, struct settings *s, struct sort_spec *sort)
{
	char err[512];
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:o:s:d:F:e:p:t:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': s->out = optarg; break;
		case OPT_REPORT: s->report = optarg; break;
		case OPT_FORMAT: s->format = optarg; break;
		case 's': s->sort = optarg; break;
		case 'd': s->dir = optarg; break;
		case 'F': s->hz = optarg; break;
		case 'e': s->event = optarg; break;
		case OPT_CLOCK: s->clock = optarg; break;
		case OPT_MODE: s->mode = optarg; break;
		case OPT_SNAPSHOT: s->snapshot = optarg; break;
		case OPT_DUMP_POLL: s->dump_poll = optarg; break;
		case OPT_COUNT:
			if (add_count(s, optarg) < 0)
				return -1;
			break;
		case OPT_PER_PROCESS: s->per_process = 1; break;
		case 'p':
		case 't':
			if (parse_attach(s, c, optarg) < 0)
				return -1;
			break;
		case OPT_NATIVE: s->native = 1; break;
		case OPT_PER_RANK:
		case OPT_WAIT:
		case OPT_GATHER:
			if (!CPROF_MPI) {
				fprintf(stderr, "%s: --%s is cprof-mpi's option\n", prog, option_name(c));
				return -1;
			}
			if (c == OPT_PER_RANK) {
				s->per_rank = 1;
			} else if (c == OPT_GATHER) {
				s->gather = optarg;
				if (strcmp(optarg, CPROF_GATHER_NODE) != 0 && strcmp(optarg, "rank") != 0) {
					fprintf(stderr, "%s: --gather must be node or rank, not '%s'\n", prog, optarg);
					return -1;
				}
			} else if ((s->wait = atoi(optarg)) <= 0) {
				fprintf(stderr, "%s: --wait takes seconds, not '%s'\n", prog, optarg);
				return -1;
			}
			break;
		case OPT_NO_NATIVE: s->native = 0; break;
		case 'h': usage(stdout); exit(0);
		case OPT_VERSION: printf("cprof %s\n", PACKAGE_VERSION); exit(0);
		case ':':
			fprintf(stderr, "%s: option '%s' needs an argument\n", prog, argv[optind - 1]);
			usage(stderr);
			return -1;
		default:
			if (optopt)
				fprintf(stderr, "%s: unknown option '-%c'\n", prog, optopt);
			else
				fprintf(stderr, "%s: unknown option '%s'\n", prog, argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	if (s->pid && check_attach(s, argc - optind) < 0)
		return -1;
	if (s->seconds > 0 && !s->pid) {
		fprintf(stderr, "%s: -t is for -p: cprof -p PID -t SECONDS\n", prog);
		return -1;
	}
	if (optind == argc && !s->pid) {
		fprintf(stderr, "%s: no program given\n", prog);
		usage(stderr);
		return -1;
	}
	if (s->sort && sort_parse(s->sort, sort, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		return -1;
	}
	if (check_choices(s) < 0)
		return -1;
	if (s->out && s->report) {
		fprintf(stderr, "%s: -o writes the report into a file instead of printing it: drop --report, or -o\n",
			prog);
		return -1;
	}
	if (!analysis_format(prog, s->format, s->out))
		return -1;
	/* standard error is the program's too: a file format goes to a file */
	if (s->format && strcmp(s->format, "text") != 0 && !s->out && !s->report) {
		fprintf(stderr, "%s: --format=%s writes a file: give -o FILE (or --report FILE)\n", prog, s->format);
		return -1;
	}
	s->argv = argv + optind;
	return 0;
}

/* A library cprof preloads, lib in the build tree's folder (run from
 * there) or where make install put it. */
static int find_library(const char *folder, const char *lib, char *path, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		exe[n] = '\0';
		char rel[PATH_MAX];
		snprintf(rel, sizeof rel, "%s/../%s/.libs/%s", dirname(exe), folder, lib);
		if (access(rel, R_OK) == 0 && realpath(rel, path))
			return 0;
	}
	snprintf(path, size, "%s/%s", PKGLIBDIR, lib);
	if (access(path, R_OK) == 0)
		return 0;
	fprintf(stderr, "%s: cannot find %s: %s (is cprof installed?)\n", prog, path, strerror(errno));
	return -1;
}

/* What goes into LD_PRELOAD: the runtime, and under MPI the wrappers. */
static int find_preload(char *preload, size_t size)
{
	char runtime[PATH_MAX], wrappers[PATH_MAX];

	if (find_library("preload", "libcprof.so", runtime, sizeof runtime) < 0)
		return -1;
	if (!CPROF_MPI) {
		snprintf(preload, size, "%s", runtime);
		return 0;
	}
	if (find_library("mpi_wrap", CPROF_MPI_LIBRARY ".so", wrappers, sizeof wrappers) < 0)
		return -1;
	snprintf(preload, size, "%s:%s", runtime, wrappers);
	return 0;
}

/* The directory for raw profiles: -d (created if missing, and it must not
 * hold an earlier run's profiles, which would be merged in), else a new
 * temporary one. */
static int prepare_dir(const struct settings *s, char *dir, size_t size)
{
	int fd;

	if (!s->dir) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, size, "%s/cprof.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			fprintf(stderr, "%s: cannot create a temporary directory %s: %s (set TMPDIR)\n", prog, dir,
				strerror(errno));
			return -1;
		}
	}
	fd = outdir_open(s->dir ? s->dir : dir, dir, size);
	if (fd < 0)
		return -1;
	if (s->dir && outdir_has_profiles(fd, "")) {
		fprintf(stderr, "%s: %s already holds raw profiles, which would be merged with this run's: "
				"remove them or choose another -d\n", prog,
			dir);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* -o's file is written after the run: find out now if it cannot be. */
static int check_output(const char *out)
{
	return out ? analysis_check_output(prog, out) : 0;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[PATH_MAX];

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static pid_t child; /* the program, while it runs; -1 after */
static int child_signal; /* the signal that ended the program, or 0 */
static volatile sig_atomic_t stop_waiting;

/* Whether sig came from sender a moment ago and was passed on then: sent
 * twice at once, to cprof and to its process group (timeout does), it
 * reaches cprof twice when cprof's handler runs between the two, where the
 * program, for which the second comes while the first is pending, gets
 * one.  Runs in a signal handler (every signal is blocked in it). */
static int passed_on_just_now(int sig, pid_t sender)
{
	static struct {
		int sig;
		pid_t sender;
		struct timespec at;
	} last;
	struct timespec now;
	int again;

	clock_gettime(CLOCK_MONOTONIC, &now);
	again = last.sig == sig && last.sender == sender &&
		(now.tv_sec - last.at.tv_sec) * 1000000000L + (now.tv_nsec - last.at.tv_nsec) <
			(long)CPROF_FORWARD_AGAIN_MS * 1000000L;
	last.sig = sig;
	last.sender = sender;
	last.at = now;
	return again;
}

/* While the program runs, signals sent to cprof alone are passed on to it;
 * the terminal's Ctrl-C and Ctrl-\ (si_code SI_KERNEL) reach it by
 * themselves.  Once it has ended, any of them stops the waiting for the
 * processes it left running.  Under cprof-mpi, one that ends jobs also
 * says where the job's profiles are. */
static void on_signal(int sig, siginfo_t *si, void *uc)
{
	if (CPROF_MPI)
		job_stopping(sig);
	if (child <= 0) {
		stop_waiting = 1;
		return;
	}
	if ((sig != SIGINT && sig != SIGQUIT) || si->si_code == SI_USER || si->si_code == SI_QUEUE) {
		/* tagged with its sender: the program may have it already */
		union sigval v = {.sival_ptr = (void *)(uintptr_t)((uint64_t)CPROF_FORWARD_TAG << 32 | (uint32_t)si->si_pid)};
		if (!passed_on_just_now(sig, si->si_pid))
			sigqueue(child, sig, v);
	}
}

static void handle_signals(void)
{
	static const int sigs[] = {CPROF_FORWARDED_SIGNALS};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO; /* no SA_RESTART: waitpid must see them */
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;
		/* one ignored when cprof started (a background job's SIGINT)
		 * stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
	/* a closed standard output fails the report's writes, not cprof */
	signal(SIGPIPE, SIG_IGN);
}

/* The one place the launcher sets the runtime's CPROF_* variables
 * (common/cprof-env.h): value, or unset for the runtime's default. */
static void pass_env(enum cprof_env v, const char *value)
{
	if (value && *value)
		setenv(cprof_env_row(v)->name, value, 1);
	else
		unsetenv(cprof_env_row(v)->name);
}

static void child_exec(const struct settings *s, const char *libs, const char *dir, int report_fd)
{
	char **argv = s->argv;
	const char *old = getenv("LD_PRELOAD");
	char preload[4 * PATH_MAX];
	char poll[32];
	int e;

	if (old && *old)
		snprintf(preload, sizeof preload, "%s:%s", libs, old);
	else
		snprintf(preload, sizeof preload, "%s", libs);
	setenv("LD_PRELOAD", preload, 1);
	/* the options say it all, not what the caller's environment held */
	pass_env(CPROF_ENV_DIR, dir);
	pass_env(CPROF_ENV_HZ, s->hz);
	pass_env(CPROF_ENV_CLOCK, s->clock);
	pass_env(CPROF_ENV_MODE, s->mode);
	pass_env(CPROF_ENV_EVENT, s->event);
	pass_env(CPROF_ENV_NATIVE, s->native ? NULL : "0");
	pass_env(CPROF_ENV_COUNT, s->count);
	pass_env(CPROF_ENV_SNAPSHOT, s->snapshot);
	snprintf(poll, sizeof poll, "%ld", cprof_seconds_ms(s->dump_poll ? s->dump_poll : DUMP_POLL_DEFAULT, CPROF_DUMP_POLL_MAX));
	pass_env(CPROF_ENV_DUMP_POLL, poll);
	execvp(argv[0], argv);
	e = errno;
	if (write(report_fd, &e, sizeof e) != sizeof e)
		e = 0;
	_exit(127);
}

static int find_program(const char *name, char *path, size_t size);

/* ENOENT from exec of a file that is there: what the file names to run
 * it is not.  Says which, as the shell does; 0, or -1 if the file is not
 * there after all. */
static int explain_missing_interpreter(const char *name)
{
	char path[PATH_MAX], line[256];
	ssize_t n = -1;
	int fd;

	if (find_program(name, path, sizeof path) < 0)
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		n = read(fd, line, sizeof line - 1);
		close(fd);
	}
	if (n > 2 && line[0] == '#' && line[1] == '!') {
		char *interp = line + 2 + strspn(line + 2, " \t");
		interp[strcspn(interp, " \t\r\n")] = '\0';
		fprintf(stderr, "%s: %s: bad interpreter %s: No such file or directory\n", prog, name, interp);
	} else {
		fprintf(stderr, "%s: %s: cannot execute: the loader it names (its ELF interpreter) is not on this system\n",
			prog, name);
	}
	return 0;
}

static void explain_exec_error(const char *name, int e)
{
	if (e == ENOENT && explain_missing_interpreter(name) == 0)
		return;
	if (e == ENOENT && !strchr(name, '/'))
		fprintf(stderr, "%s: %s: command not found\n", prog, name);
	else if (e == ENOEXEC)
		fprintf(stderr, "%s: %s: cannot execute: not a program or script this system can run\n", prog, name);
	else
		fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(e));
}

/* Waits for the program and then for every process it left behind, which
 * come to cprof as their subreaper: until they end or a signal stops the
 * waiting, or `bound` seconds (cprof-mpi: a rank left with a daemon must
 * not hold up its job; 0 for no bound).  Returns the program's wait
 * status. */
static int wait_all(int bound)
{
	int status = 0, st;
	pid_t pid;

	for (;;) {
		pid = waitpid(-1, &st, 0);
		if (pid > 0 && pid == child) {
			status = st;
			child = -1;
			if (bound) { /* on_signal, the program ended: stops the waiting */
				struct sigaction sa = {.sa_sigaction = on_signal, .sa_flags = SA_SIGINFO};
				sigaction(SIGALRM, &sa, NULL);
				alarm((unsigned)bound);
			}
			if (waitpid(-1, &st, WNOHANG) != 0)
				continue;
			if (bound)
				fprintf(stderr, "%s: waiting for the processes the program left running (%d s at most; "
					"--wait)\n", prog, bound);
			else
				fprintf(stderr, "%s: waiting for the processes the program left running (Ctrl-C stops "
					"waiting)\n", prog);
			continue;
		}
		if (pid > 0)
			continue;
		if (errno == ECHILD)
			break;
		if (stop_waiting && child < 0) {
			fprintf(stderr, "%s: stopped waiting: processes still running are not in the report\n", prog);
			break;
		}
	}
	alarm(0);
	return status;
}

/* Runs argv under the runtime and sets *code to its exit status as a shell
 * reports it.  Returns -1 (and 126 or 127 in *code) when it could not start. */
static int run(const struct settings *s, const char *preload, const char *dir, int *code)
{
	char **argv = s->argv;
	int pipefd[2], e, status;
	ssize_t n;

	*code = 126;

	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		struct rlimit nofile;
		if (errno == EMFILE && getrlimit(RLIMIT_NOFILE, &nofile) == 0)
			fprintf(stderr,
				"%s: cannot start %s: its limit of %lu descriptors (ulimit -n) leaves cprof too few: "
				"raise the limit\n",
				prog, argv[0], (unsigned long)nofile.rlim_cur);
		else
			fprintf(stderr, "%s: cannot start %s: pipe: %s\n", prog, argv[0], strerror(errno));
		return -1;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	fflush(NULL);
	child = fork();
	if (child < 0) {
		fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
		return -1;
	}
	if (child == 0) {
		close(pipefd[0]);
		child_exec(s, preload, dir, pipefd[1]);
	}
	close(pipefd[1]);
	handle_signals();
	do
		n = read(pipefd[0], &e, sizeof e);
	while (n < 0 && errno == EINTR);
	close(pipefd[0]);
	if (n == sizeof e) {
		waitpid(child, NULL, 0);
		explain_exec_error(argv[0], e);
		*code = e == ENOENT ? 127 : 126;
		return -1;
	}
	status = wait_all(CPROF_MPI ? s->wait : 0);
	child_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	*code = child_signal ? 128 + child_signal : WEXITSTATUS(status);
	return 0;
}

/* cprof's exit status is code, the program's as a shell reports it; but
 * when the program died of a signal, cprof ends by the same signal, as the
 * program would have ended its parent's wait: a shell stops its script at
 * Ctrl-C only if the command died of SIGINT, not if it exited with 130,
 * and mpiexec says a rank "exited on signal N" only if it did.  The core,
 * if any, is the program's: cprof dumps none. */
static int end_as_program(int code)
{
	struct rlimit none = {0, 0};
	sigset_t one;

	if (!child_signal || code != 128 + child_signal)
		return code;
	fflush(NULL);
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0);
	signal(child_signal, SIG_DFL);
	sigemptyset(&one);
	sigaddset(&one, child_signal);
	sigprocmask(SIG_UNBLOCK, &one, NULL);
	raise(child_signal);
	return code; /* (one that does not end a process) */
}

/* The file execvp runs for name, into path; -1 if none. */
static int find_program(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH");

	if (strchr(name, '/')) {
		snprintf(path, size, "%s", name);
		return access(path, X_OK);
	}
	for (const char *d = dirs ? dirs : "/usr/bin:/bin"; *d;) {
		size_t n = strcspn(d, ":");
		snprintf(path, size, "%.*s%s%s", (int)n, d, n ? "/" : "", name);
		if (access(path, X_OK) == 0)
			return 0;
		d += n + (d[n] == ':');
	}
	return -1;
}

/* Whether the ELF program at path names no dynamic loader: statically
 * linked. */
static int is_static(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ElfW(Ehdr) eh;
	ElfW(Phdr) ph;
	int interp = 0, elf;

	if (fd < 0)
		return 0;
	elf = pread(fd, &eh, sizeof eh, 0) == sizeof eh && memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 &&
	      eh.e_phentsize == sizeof ph;
	for (int i = 0; elf && i < eh.e_phnum; i++)
		if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)i * sizeof ph)) == sizeof ph)
			interp |= ph.p_type == PT_INTERP;
	close(fd);
	return elf && !interp;
}

/* No process wrote a profile, and none said why (the analysis says what
 * those that could not write theirs said): why, as far as cprof can tell
 * from what ran and how it ended. */
static void explain_no_profile(const char *name, int status)
{
	char path[PATH_MAX];
	struct stat st;
	int found = find_program(name, path, sizeof path) == 0 && stat(path, &st) == 0;

	if (status == 128 + SIGKILL)
		fprintf(stderr,
			"%s: no profile was written: %s was killed by SIGKILL, which ends a process before it can write "
			"anything (kill -9, or the kernel out of memory): end it with SIGTERM or SIGINT instead\n",
			prog, name);
	else if (found && is_static(path))
		fprintf(stderr,
			"%s: no profile was written: %s is statically linked, and takes no library from LD_PRELOAD: "
			"profile a dynamically linked build of it\n",
			prog, path);
	else if (found && (st.st_mode & (S_ISUID | S_ISGID)))
		fprintf(stderr,
			"%s: no profile was written: %s is set-user-ID or set-group-ID, and the loader ignores "
			"LD_PRELOAD for it: profile a copy without the bit\n",
			prog, path);
	else
		fprintf(stderr,
			"%s: no profile was written: %s ended before cprof's runtime started in it, or it ignores "
			"LD_PRELOAD (a statically linked program it ran?)\n",
			prog, name);
}

/* Where the report goes: --report's file, opened before the program runs
 * (an error is found then, not after) and emptied only when the report is
 * written into it (report_begin: what it held is kept when cprof stops
 * before, at a bad option or a program not found), else standard error,
 * taken once the program has ended (no descriptor of the program's is
 * taken meanwhile), through a stream of its own, line-buffered: a write
 * that fails is seen, and the warnings the analysis prints on standard
 * error stay in their place among the lines.  NULL when it cannot be:
 * standard error closed, or the file refused. */
static FILE *open_report(const char *path)
{
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666)
		      : fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f && path)
		fprintf(stderr, "%s: cannot write the report into %s: %s\n", prog, path, strerror(errno));
	if (!f && fd >= 0)
		close(fd);
	if (f && !path)
		setvbuf(f, NULL, _IOLBF, 0);
	return f;
}

/* The report is about to be written into f, --report's file path (NULL:
 * standard error): what the file held goes. */
static void report_begin(FILE *f, const char *path)
{
	if (f && path && ftruncate(fileno(f), 0) < 0 && errno != EINVAL)
		fprintf(stderr, "%s: cannot empty %s for the report: %s\n", prog, path, strerror(errno));
}

/* The report is out: 0, or -1 when it could not be written (a reader that
 * went away, as head does, is not an error). */
static int close_report(FILE *f, const char *path)
{
	int ret = !f || ((fflush(f) != 0 || ferror(f)) && errno != EPIPE) ? -1 : 0;

	if (ret < 0)
		fprintf(stderr, "%s: cannot write the report into %s: %s\n", prog, path ? path : "standard error",
			strerror(f ? errno : EBADF));
	if (f && fclose(f) != 0 && errno != EPIPE && ret == 0) {
		fprintf(stderr, "%s: cannot write the report into %s: %s\n", prog, path ? path : "standard error",
			strerror(errno));
		ret = -1;
	}
	return ret;
}

/* cprof -p PID: the process sampled from outside into a run directory,
 * then reported as a run's. */
static int attach(const struct settings *s, struct analysis_options *opt)
{
	struct attach_options o = {.pid = s->pid, .seconds = s->seconds, .hz = s->hz ? (unsigned)atoi(s->hz) : 1000};
	char dir[PATH_MAX], err[1024];
	FILE *report = NULL;
	int ret;

	if (check_output(s->out) < 0 || (s->report && !(report = open_report(s->report))) ||
	    prepare_dir(s, dir, sizeof dir) < 0)
		return 2;
	o.dir = dir;
	child = -1; /* Ctrl-C stops the sampling */
	handle_signals();
	if (attach_profile(&o, &stop_waiting, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		if (!s->dir)
			remove_dir(dir);
		return 1;
	}
	if (!report && !s->out)
		report = open_report(NULL);
	opt->sort_chosen = s->sort != NULL;
	opt->output = s->out;
	opt->format = s->format;
	opt->per_process = s->per_process;
	report_begin(report, s->report);
	{
		char *paths[] = {dir};
		ret = analysis_report(opt, paths, 1, report);
	}
	if (!s->out && close_report(report, s->report) < 0)
		ret = ANALYSIS_FAILED;
	else if (s->out && report && report != stderr)
		fclose(report);
	if (!s->dir && ret != ANALYSIS_FAILED)
		remove_dir(dir);
	else if (ret == ANALYSIS_FAILED)
		fprintf(stderr, "%s: the raw profile is in %s (cprof-report %s)\n", prog, dir, dir);
	return ret == ANALYSIS_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct settings s = {.native = 1, .wait = 60, .gather = CPROF_GATHER_NODE};
	struct analysis_options opt = {.prog = prog, .top = -1};
	char preload[2 * PATH_MAX + 2], dir[PATH_MAX], jobid[128], num[16];
	int status, ret, rank = -1, size = -1;
	FILE *report = NULL;

	if (parse_args(argc, argv, &s, &opt.sort) < 0)
		return 2;
	if (s.pid)
		return attach(&s, &opt);
	if (find_preload(preload, sizeof preload) < 0 || check_output(s.out) < 0 ||
	    (s.count[0] && check_count() < 0))
		return 2;
	if (CPROF_MPI && mpi_identity(&rank, &size) < 0)
		return 2;
	/* (rank 0 reports for all) */
	if (s.report && (!CPROF_MPI || rank == 0) && !(report = open_report(s.report)))
		return 2;
	if (CPROF_MPI) {
		if (prepare_job_dir(s.dir, rank, jobid, sizeof jobid, dir, sizeof dir) < 0)
			return 2;
		snprintf(num, sizeof num, "%d", rank);
		pass_env(CPROF_ENV_RANK, num);
		snprintf(num, sizeof num, "%d", size);
		pass_env(CPROF_ENV_SIZE, num);
		pass_env(CPROF_ENV_JOBID, jobid);
		pass_env(CPROF_ENV_GATHER, s.gather);
		snprintf(num, sizeof num, "%d", s.wait);
		pass_env(CPROF_ENV_WAIT, num);
	} else if (prepare_dir(&s, dir, sizeof dir) < 0) {
		return 2;
	}
	ret = run(&s, preload, dir, &status);
	if (s.count[0])
		sweep_probes();
	if (CPROF_MPI) {
		if (job_finish(status, size, s.wait) < 0) /* rank 0 reports for all, unless the job is stopped */
			return end_as_program(status);
	} else if (ret < 0) {
		if (!s.dir)
			remove_dir(dir);
		return status;
	}
	if (!s.report)
		report = open_report(NULL);
	opt.sort_chosen = s.sort != NULL;
	opt.output = s.out;
	opt.format = s.format;
	opt.per_process = s.per_process;
	opt.per_rank = s.per_rank;
	report_begin(report, s.report);
	{
		char *paths[] = {dir};
		/* (a file needs no report) */
		ret = report || s.out ? analysis_report(&opt, paths, 1, report) : ANALYSIS_FAILED;
	}
	if (ret == ANALYSIS_EMPTY)
		explain_no_profile(s.argv[0], status);
	if (!s.out && close_report(report, s.report) < 0)
		ret = ANALYSIS_FAILED;
	else if (s.out && report && report != stderr)
		fclose(report);
	if (!CPROF_MPI && !s.dir && ret != ANALYSIS_FAILED)
		remove_dir(dir);
	else if (CPROF_MPI || ret == ANALYSIS_FAILED) /* nothing is lost */
		fprintf(stderr, "%s: the raw profiles are in %s (cprof-report %s)\n", prog, dir, dir);
	/* the program's status, unless it succeeded and its report was lost */
	return end_as_program(ret != ANALYSIS_OK && status == 0 ? 125 : status);
}
