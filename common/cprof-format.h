/* cprof-format.h: the raw-profile format, shared by the runtime (the writer)
 * and the analysis (the reader).  docs/FORMAT.md describes it in prose; this
 * header is the definition.
 *
 * A raw profile is one file per process: a file header, then records.  Every
 * record starts with struct cprof_record and is padded to 8 bytes, so a reader
 * can skip types it does not know and can use a truncated file up to its last
 * complete record.  Integers are in the writer's byte order, which the header
 * states; the fixed part of a record may grow at its end in later versions
 * (readers take the size from the record, not from sizeof).
 */
#ifndef CPROF_FORMAT_H
#define CPROF_FORMAT_H

#include <stdint.h>
#include <string.h>

#define CPROF_MAGIC "CPROFRAW"
#define CPROF_FORMAT_VERSION 1
#define CPROF_BYTE_ORDER_MARK 0x01020304u

/* File names: [rank<R>-]<host>-<pid>[.<n>].cprof, written first as
 * [rank<R>-]<host>-<pid>.<x>.partial (x makes the name unique) and renamed
 * when complete; <R> is the MPI rank, five digits at least; <n> tells apart
 * images of one pid (exec) and processes of other pid namespaces. */
#define CPROF_SUFFIX ".cprof"
#define CPROF_PARTIAL_SUFFIX ".partial"
/* A process that published a snapshot (--snapshot) writes the next one, and
 * its final profile, as <host>-<pid>.<x>.next, renamed over the published
 * file when complete: a reader never sees a half snapshot, and never reads
 * a .next (one left behind is a write that died). */
#define CPROF_NEXT_SUFFIX ".next"
/* A process that could not write its profile leaves NAME.failed in the
 * run's directory, NAME as its profile's: a symbolic link whose target is
 * the error number, in decimal ("28": ENOSPC).  A link needs no
 * descriptor, which a process that ran out of them has none of, and no
 * data block where the disk is full; it is never followed. */
#define CPROF_FAILED_SUFFIX ".failed"

/* A node file: the raw profiles of several MPI ranks of one node, which
 * gathered them at MPI_Finalize (docs/MPI.md), named
 * node-<host>-<pid>[.<n>].cprofs (the pid its writer's, the node's first
 * rank), written first as node-<host>-<pid>.<x>.partial.  Layout: struct
 * cprof_set_header, then each rank's raw profile whole (a file of its own
 * would hold the same bytes), each at a multiple of 8, then the index at
 * index_offset: count struct cprof_set_entry. */
#define CPROF_SET_PREFIX "node-"
#define CPROF_SET_SUFFIX ".cprofs"
#define CPROF_SET_MAGIC "CPROFSET"
#define CPROF_SET_VERSION 1

/* The mark a job's rank 0 leaves in the directory once every rank's profile
 * it names is in a node file (docs/FORMAT.md): its text is the job id and
 * a space, then the ranks in --rank's grammar ("0-63"), then a newline.
 * The ranks it names need not be waited for by cprof-mpi. */
#define CPROF_GATHERED_MARK ".gathered"

/* CPROF_GATHER's value for gathering at MPI_Finalize (else: per-rank files) */
#define CPROF_GATHER_NODE "node"

static inline int cprof_has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}

/* Whether a file of a run's directory is a raw profile, complete or not,
 * by its name. */
static inline int cprof_is_profile_name(const char *name)
{
	return cprof_has_suffix(name, CPROF_SUFFIX) || cprof_has_suffix(name, CPROF_PARTIAL_SUFFIX);
}

/* Whether a file of a run's directory is a process's: its profile, or its
 * word that it could not write one. */
static inline int cprof_is_run_file(const char *name)
{
	return cprof_is_profile_name(name) || cprof_has_suffix(name, CPROF_FAILED_SUFFIX);
}

/* "rank00003-", the start of the names of rank 3's files (its profiles, and
 * cprof-mpi's marks), into buf: the rank in five digits at least, so that
 * ranks sort in order.  Async-signal-safe: the writer names files in
 * signal handlers. */
#define CPROF_RANK_TAG_MAX 17 /* "rank" + 10 digits + "-" + NUL, and a spare */
static inline void cprof_rank_tag(char buf[CPROF_RANK_TAG_MAX], int rank)
{
	char digits[10];
	unsigned v = rank < 0 ? 0 : (unsigned)rank;
	int n = 0, at = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (const char *p = "rank"; *p; p++)
		buf[at++] = *p;
	for (int pad = n; pad < 5; pad++)
		buf[at++] = '0';
	while (n)
		buf[at++] = digits[--n];
	buf[at++] = '-';
	buf[at] = '\0';
}

struct cprof_file_header {
	char magic[8];       /* CPROF_MAGIC, no NUL */
	uint32_t version;    /* CPROF_FORMAT_VERSION */
	uint32_t byte_order; /* CPROF_BYTE_ORDER_MARK as the writer stores it */
};

struct cprof_record {
	uint32_t type; /* enum cprof_record_type */
	uint32_t size; /* payload bytes after this header, before padding */
};

#define CPROF_ALIGN(n) (((n) + 7u) & ~(uint64_t)7u)

enum cprof_record_type {
	CPROF_REC_PROCESS = 1, /* exactly one, first */
	CPROF_REC_MODULE = 2,  /* one per mapped ELF object */
	CPROF_REC_THREAD = 3,  /* one per thread, before its NODES */
	CPROF_REC_NODES = 4,   /* a run of one thread's call-tree nodes */
	CPROF_REC_STACKS = 5,  /* a run of one thread's sampled-stack nodes */
	CPROF_REC_SAMPLING = 6, /* how the process was sampled; at most one */
	CPROF_REC_COUNTS = 7,  /* calls counted by uprobes (--count); at most one */
	CPROF_REC_NAMED = 8,   /* functions the runtime names: Python's, MPI's; at most one */
	CPROF_REC_MPI = 9,     /* the MPI calls, per function and call site; at most one */
	CPROF_REC_END = 15,    /* last: the file is complete */
};

/* How the process's profile came to be written. */
enum cprof_end_reason {
	CPROF_END_EXIT = 1,    /* exit() or return from main */
	CPROF_END_UNDERSCORE_EXIT = 2, /* _exit() or _Exit(), atexit skipped */
	CPROF_END_SIGNAL = 3,  /* killed by end_value, the signal number */
	CPROF_END_EXEC = 4,    /* replaced its image with exec */
	CPROF_END_MPI_ABORT = 5, /* called MPI_Abort (end_value: its error code) */
	CPROF_END_FINALIZE = 6, /* written in MPI_Finalize, for a node file */
	CPROF_END_ATTACHED = 7, /* sampled from outside (cprof -p) for a while; end_value 1 if
				 * it ended meanwhile, 0 if it was still running */
	CPROF_END_SNAPSHOT = 8, /* a snapshot: running at end_ns (end_value: the period, in seconds) */
	CPROF_END_DUMP = 9,     /* a dump: each thread's stack at end_ns, one path of STACKS a
				 * thread (end_value: how often the process looks for requests, ms) */
};

/* CPROF_SNAPSHOT, cprof's --snapshot=SECS: the seconds between two
 * snapshots of each process's profile, a whole number from 1 to
 * CPROF_SNAPSHOT_MAX.  Returns it, or -1 for anything else. */
#define CPROF_SNAPSHOT_MAX 86400
#define CPROF_SNAPSHOT_GRAMMAR "whole seconds between snapshots, 1 to 86400"
static inline int cprof_snapshot_parse(const char *s)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > CPROF_SNAPSHOT_MAX)
			return -1;
	}
	return v >= 1 ? (int)v : -1;
}

/* Dumps (docs/DUMP.md): cprof-dump DIR asks the processes of a run for
 * their threads' stacks by writing CPROF_DUMP_REQUEST in the run's
 * directory, whose text is the request's number (decimal digits, then a
 * newline), after making the directory CPROF_DUMP_PREFIX<number>.  Each
 * process that looks for requests (CPROF_DUMP_POLL) answers each new
 * number once, with a raw profile of end reason CPROF_END_DUMP in that
 * directory, named as its profile would be. */
#define CPROF_DUMP_REQUEST ".dump-request"
#define CPROF_DUMP_PREFIX "dump-"
/* CPROF_DUMP_POLL: how often each process looks for a request, in
 * milliseconds, 0 (never) to CPROF_DUMP_POLL_MAX.  The launchers' option
 * --dump-poll takes seconds (CPROF_DUMP_POLL_GRAMMAR). */
#define CPROF_DUMP_POLL_MAX 3600000
#define CPROF_DUMP_POLL_GRAMMAR "seconds, 0 (never) to 3600, to the millisecond (0.2)"

/* "2.5" seconds (at most three decimals) as milliseconds, or -1. */
static inline long cprof_seconds_ms(const char *s, long max_ms)
{
	long ms = 0, scale = 1000;
	int digits = 0, point = 0;

	for (; *s; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (*s < '0' || *s > '9' || (point && scale == 1))
			return -1;
		if (point) {
			scale /= 10;
			ms += (*s - '0') * scale;
		} else {
			ms = ms * 10 + (*s - '0') * 1000;
		}
		digits++;
		if (ms > max_ms)
			return -1;
	}
	return digits ? ms : -1;
}

/* What a tick is. */
enum cprof_clock {
	CPROF_CLOCK_MONOTONIC = 1, /* ticks are CLOCK_MONOTONIC nanoseconds */
	CPROF_CLOCK_TSC = 2,       /* ticks are x86 TSC cycles; see the calibration */
};

/* PROCESS: who ran, when, and how ticks convert to seconds.  Followed by
 * NUL-terminated strings: host, job id (may be empty), executable path, then
 * argc arguments. */
struct cprof_rec_process {
	int32_t pid;
	int32_t ppid;
	int32_t rank;        /* MPI rank, -1 if not known */
	int32_t size;        /* MPI world size, -1 if not known */
	uint32_t end_reason; /* enum cprof_end_reason */
	int32_t end_value;   /* signal number for CPROF_END_SIGNAL */
	uint32_t clock;      /* enum cprof_clock */
	uint32_t argc;
	uint64_t start_ns;   /* CLOCK_REALTIME at start (fork for a child) */
	uint64_t end_ns;     /* CLOCK_REALTIME when written */
	/* Two readings of (ticks, CLOCK_MONOTONIC ns), at start and at the
	 * write: seconds per tick = (ns1 - ns0) / (ticks1 - ticks0) / 1e9. */
	uint64_t ticks0, mono_ns0;
	uint64_t ticks1, mono_ns1;
	uint64_t events_lost; /* trace events dropped in all threads */
};

/* How deep the runtime traces a thread's calls; the calls deeper than this
 * are not recorded, and counted in events_lost. */
#define CPROF_TRACE_DEPTH (1u << 20)

#define CPROF_BUILD_ID_MAX 32

/* MODULE: an ELF object mapped in the process.  Followed by its path,
 * NUL-terminated.  A native address A belongs to the module whose
 * [start, end) holds it; its link-time address is A - bias. */
struct cprof_rec_module {
	uint64_t start;
	uint64_t end;
	uint64_t bias;
	uint32_t build_id_len; /* 0 when the build-id could not be read */
	uint8_t build_id[CPROF_BUILD_ID_MAX];
	uint32_t flags; /* CPROF_MODULE_* */
};

/* The module is cprof's runtime: its frames in sampled stacks are cprof's
 * own (the wrappers of blocking calls), not the program's. */
#define CPROF_MODULE_RUNTIME 1u
/* The module is one of cprof's MPI libraries (set with
 * CPROF_MODULE_RUNTIME): its wrappers' frames stand for the MPI functions
 * they wrap. */
#define CPROF_MODULE_MPI 2u

/* cprof's MPI libraries, by file name: libcprof-mpi.so, which cprof-mpi
 * preloads, and libcprof-mpi-<abi>.so, the wrappers for one MPI ABI, which
 * libcprof-mpi.so loads (docs/MPI.md). */
#define CPROF_MPI_LIBRARY "libcprof-mpi"
static inline int cprof_is_mpi_library(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t k = sizeof CPROF_MPI_LIBRARY - 1;

	base = base ? base + 1 : path;
	return strncmp(base, CPROF_MPI_LIBRARY, k) == 0 && (base[k] == '.' || base[k] == '-') &&
	       cprof_has_suffix(base, ".so");
}

/* THREAD: a thread of the process.  Its call tree follows in NODES records
 * whose ids run from 0 to nodes - 1; node 0 is the root, with func 0. */
struct cprof_rec_thread {
	uint32_t index; /* 0 for the first thread seen, in order of start */
	int32_t tid;
	uint64_t nodes;
	uint64_t events_lost;
	char name[16]; /* the thread's comm, NUL-padded */
	/* CPU time the thread ran with the sampler's signal blocked by the
	 * program, which no sample saw (not in files of cprof 0.1.0, whose
	 * records end before it: read as 0) */
	uint64_t masked_ns;
	/* 1 if the program set a Python profile function of its own in the
	 * thread (sys.setprofile, cProfile), which took the place of cprof's:
	 * the thread's Python calls after it are not traced; for the exited
	 * threads' record, how many did so.  0 where cprof traces through
	 * sys.monitoring (3.12 and later); read as 0 from older files, whose
	 * records end before it. */
	uint64_t py_displaced;
};

/* One node of a thread's calling-context tree: one distinct call path.
 * calls counts the calls that completed on this path (or were still open
 * when the profile was written, as cProfile counts them); ticks is the time
 * inside them, callees included. */
struct cprof_node {
	uint64_t func;   /* native: the function's entry address */
	uint32_t parent; /* node id; parent < id except for the root */
	uint32_t flags;  /* none yet */
	uint64_t calls;
	uint64_t ticks;
};

/* NODES: count nodes of thread `thread`, with ids first .. first+count-1.
 *
 * STACKS has the same layout, for the tree of the thread's sampled stacks:
 * node 0 is the root, every other node one program counter on a sampled
 * path from the outermost frame (func is the address of the instruction
 * that was interrupted for a path's last frame, and a return address minus
 * one for the frames that called it; in a Python process, the outer frames
 * may be the interpreter's calls, CPROF_NAMED_BIT set); calls counts the
 * samples whose stack ends at the node, and ticks the nanoseconds they stand
 * for (the node's own, not its children's). */
struct cprof_rec_nodes {
	uint32_t thread; /* index of the THREAD */
	uint32_t first;
	uint32_t count;
	uint32_t pad;
	/* struct cprof_node nodes[count]; */
};

/* What samples measure. */
enum cprof_sample_clock {
	CPROF_SAMPLE_WALL = 1,  /* wall clock: CPU-time samples, plus the rest */
	CPROF_SAMPLE_CPU = 2,   /* CPU time of each thread */
	CPROF_SAMPLE_EVENT = 3, /* a perf event: period and ticks count events */
};

/* SAMPLING: how the process was sampled, and how it went. */
struct cprof_rec_sampling {
	uint32_t clock;       /* enum cprof_sample_clock */
	uint32_t hz;          /* samples per second asked for (0 for an event) */
	uint64_t period;      /* ns of CPU time between samples, or events */
	uint64_t samples;     /* taken */
	uint64_t dropped;     /* taken but not recorded */
	uint64_t unsampled_ns; /* time not sampled (off the CPU, in the kernel),
				* charged to the stacks threads were in */
	char event[32];       /* what samples came from, NUL-padded */
	char note[160];       /* why a fallback was used, or empty */
	uint64_t events;      /* CPROF_SAMPLE_EVENT: the events counted in all */
	uint64_t cpu_ns;      /* the process's CPU time when written */
	/* (not in files of cprof 0.1.0, whose records end before them) */
	uint64_t kernel_ns;   /* the process's system time since sampling began */
	uint64_t offcpu_ns;   /* the sampled threads' time off the CPU: their
				* wall time less their CPU time */
	/* (files of earlier builds end the record before it) */
	uint64_t kernel_samples; /* of the samples, those taken in the kernel */
};

/* COUNTS: the calls of functions counted with uprobes, in all threads of
 * the process (not its children, which write their own).  Followed by
 * struct cprof_count[n], then the patterns that matched no function in this
 * process, each NUL-terminated, then an empty string. */
struct cprof_rec_counts {
	uint32_t n;
	uint32_t pad;
	char note[160]; /* why some or all could not be counted, or empty */
};

struct cprof_count {
	uint64_t func;  /* the function's entry address */
	uint64_t calls;
};

/* A node's func with this bit set is not an address but the function
 * number func & CPROF_NAMED_INDEX of NAMED: a Python function, or a call
 * the runtime names (an MPI function).  CPROF_NAMED_C is set too for a
 * function of C (a Python built-in, an MPI function). */
#define CPROF_NAMED_BIT (1ull << 63)
#define CPROF_NAMED_C (1ull << 62)
#define CPROF_NAMED_INDEX (CPROF_NAMED_C - 1)

/* NAMED: the functions the runtime names, as cProfile keys them: those
 * CPython reported calls of, and the MPI functions.  Followed by `count`
 * entries: u32 line, then the file and the name, each NUL-terminated (a
 * built-in: file "~", line 0, name "<built-in method time.sleep>"; an MPI
 * function: "~", 0, "<MPI_Send>").  Entries are not aligned. */
struct cprof_rec_named {
	uint32_t count;
	uint32_t version; /* the Python interpreter's: 0x030b for 3.11; 0 if none */
};

/* MPI: what cprof's MPI wrappers timed.  Followed by nsites
 * struct cprof_mpi_site. */
struct cprof_rec_mpi {
	int32_t rank;          /* in MPI_COMM_WORLD; -1 if MPI was not started */
	int32_t size;
	uint32_t nsites;
	uint32_t thread_level; /* as provided: 0 MPI_THREAD_SINGLE, 1 FUNNELED,
				* 2 SERIALIZED, 3 MULTIPLE (every ABI's values) */
	uint64_t init_ticks;   /* when MPI_Init returned; 0 if it did not */
	uint64_t finalize_ticks; /* when MPI_Finalize was called; 0 if it was not */
	uint64_t calls_lost;   /* calls not counted: more call sites than fit */
};

/* The (function, call site) pairs the MPI wrappers keep per process, a
 * power of two: the calls of the pairs beyond are in calls_lost. */
#define CPROF_MPI_SITES 8192

/* The calls of one MPI function from one call site. */
struct cprof_mpi_site {
	uint64_t func;  /* the MPI function, a function of NAMED */
	uint64_t site;  /* the calling function: of NAMED (a Python function) or
			 * a traced native function's entry; else, CPROF_SITE_PC
			 * set, the return address into the caller */
	uint64_t calls;
	uint64_t ticks; /* in all the calls */
	uint64_t min_ticks, max_ticks;
	uint64_t bytes_sent, bytes_received;
};
#define CPROF_SITE_PC (1ull << 62) /* never set in an address of user space */

/* The header of a node file (CPROF_SET_SUFFIX). */
struct cprof_set_header {
	char magic[8];         /* CPROF_SET_MAGIC, no NUL */
	uint32_t version;      /* CPROF_SET_VERSION */
	uint32_t byte_order;   /* CPROF_BYTE_ORDER_MARK as the writer stores it */
	uint32_t count;        /* entries in the index */
	uint32_t pad;
	uint64_t index_offset; /* where the index starts */
};

/* One raw profile in a node file: its bytes are [offset, offset + size).
 * rank, pid and start_ns are its PROCESS record's: a reader orders and
 * matches the profiles without reading each. */
struct cprof_set_entry {
	int32_t rank;
	int32_t pid;
	uint64_t offset;
	uint64_t size;
	uint64_t start_ns;
};

/* END: the writer finished; records counts every record before this one. */
struct cprof_rec_end {
	uint64_t records;
};

#endif /* CPROF_FORMAT_H */
