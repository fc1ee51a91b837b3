/* runtime.c: the life of the runtime in a process: startup from the CPROF_*
 * variables, the identity of the process, fork, and every way out of it.
 *
 * The launcher and the runtime talk only through the environment
 * (docs/FORMAT.md lists the variables):
 *   CPROF_DIR    where the raw profiles go; without it the runtime stays idle
 *   CPROF_JOBID  the job the process belongs to, recorded in its profile
 *   CPROF_RANK, CPROF_SIZE  its MPI rank and the job's number of ranks,
 *                as the MPI launcher set them (cprof-mpi passes them on)
 *   CPROF_DEBUG  log level, 0 (warnings only) to 3
 *   CPROF_TSC    0 makes the tracing clock CLOCK_MONOTONIC instead of the TSC
 *   CPROF_MODE   auto (trace and sample), trace, or sample
 *   CPROF_HZ     samples per second of CPU time, 0 for none (sample.c)
 *   CPROF_CLOCK  wall or cpu: what samples measure (sample.c)
 *   CPROF_SIGNAL the sampler's signal number, SIGPROF by default
 *   CPROF_EVENT  the perf event samples come from (sample.c)
 *   CPROF_COUNT  functions whose calls uprobes count (count.c)
 *   CPROF_SNAPSHOT  seconds between snapshots of the profile (service.c)
 */
#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "clock.h"
#include "component.h"
#include "cprof-format.h"
#include "fmt.h"
#include "runtime-int.h"
#include "thread.h"

static void identity_take(void)
{
	rt.pid = (int)getpid();
	rt.ppid = (int)getppid();
	rt.start_ns = clock_ns(CLOCK_REALTIME);
	rt.mono_ns0 = clock_ns(CLOCK_MONOTONIC);
	rt.ticks0 = clock_ticks();
}

/* Signals are held in the thread that forks from before fork() until the
 * child has become a process of its own, with its own identity and a tree
 * holding none of the parent's calls.  A signal that ends the child earlier
 * (a pool's SIGTERM to a worker that has not yet run) would find the
 * parent's pid and write nothing, or the child's pid and the parent's
 * calls, written as the child's.  Held too: the sampling signal, which
 * arriving every millisecond can keep fork() restarting forever.  Faults
 * stay deliverable; so do glibc's own signals, which pthread_sigmask leaves
 * alone (a set*id() in another thread waits for every thread to take
 * one).  (The runtime's masking, sigmask_own: not taken for the
 * program's.) */
static __thread sigset_t fork_mask __attribute__((tls_model("initial-exec")));

static void fork_prepare(void)
{
	sigset_t all;

	sigmask_fill_but_faults(&all);
	sigmask_own(SIG_BLOCK, &all, &fork_mask);
}

static void fork_parent(void)
{
	sigmask_own(SIG_SETMASK, &fork_mask, NULL);
}

/* The child's signals, held since fork_prepare, arrive as it returns. */
static void fork_child(void)
{
	if (rt.active) {
		identity_take();
		components_call(fork_child);
	}
	sigmask_own(SIG_SETMASK, &fork_mask, NULL);
}

void runtime_startup(void)
{
	struct utsname u;
	Dl_info self;

	settings_init();
	log_init(atoi(setting(CPROF_ENV_DEBUG)));
	components_call(setup); /* even when idle */
	fmt_format(rt.dir, sizeof rt.dir, "%s", setting(CPROF_ENV_DIR));
	if (!rt.dir[0]) {
		log_debug("CPROF_DIR is not set: not profiling (run the program under cprof)");
		return;
	}
	if (rt.dir[0] != '/') {
		/* relative to where we start, not to where the program goes */
		char cwd[PATH_MAX], rel[PATH_MAX];
		memcpy(rel, rt.dir, sizeof rel);
		if (getcwd(cwd, sizeof cwd)) {
			fmt_format(rt.dir, sizeof rt.dir, "%s/%s", cwd, rel);
			setenv("CPROF_DIR", rt.dir, 1); /* for children that start elsewhere */
		}
	}
	fmt_format(rt.jobid, sizeof rt.jobid, "%s", setting(CPROF_ENV_JOBID));
	rt.rank = atoi(setting(CPROF_ENV_RANK));
	rt.size = atoi(setting(CPROF_ENV_SIZE));
	if (uname(&u) == 0)
		fmt_format(rt.host, sizeof rt.host, "%s", u.nodename);
	/* as /proc/self/maps names it, for the writer to recognise */
	if (dladdr((void *)runtime_startup, &self) && self.dli_fname && !realpath(self.dli_fname, rt.self_path))
		fmt_format(rt.self_path, sizeof rt.self_path, "%s", self.dli_fname);
	clock_init(strcmp(setting(CPROF_ENV_TSC), "0") != 0);
	identity_take();
	rt.active = 1;
	components_call(init);
	pthread_atfork(fork_prepare, fork_parent, fork_child);
	thread_self(); /* the main thread's record, and its sampling timer */
	components_call(start);
	log_info("profiling into %s", rt.dir);
}

/* Writes this image's profile, unless this is not the process that started
 * the runtime: a vfork child shares our memory but is not us. */
void runtime_finish(int reason, int value)
{
	if (!rt.active || (int)getpid() != rt.pid)
		return;
	writer_write_profile(reason, value);
	if (reason == CPROF_END_EXEC)
		components_call(exec_prepare);
	else /* (not before an exec: a failed one goes on as before) */
		components_call(finish);
}

void runtime_exec_failed(void)
{
	if (rt.active && (int)getpid() == rt.pid)
		components_call(exec_failed);
}

__attribute__((constructor)) static void runtime_init(void)
{
	runtime_startup();
}

/* Runs after the program's atexit handlers, from exit() in any thread. */
__attribute__((destructor)) static void runtime_fini(void)
{
	runtime_finish(CPROF_END_EXIT, 0);
}

/* _exit skips atexit and destructors: multiprocessing's fork workers leave
 * through it.  It must stay async-signal-safe, so it ends with the system
 * call itself rather than looking up libc's. */
CPROF_EXPORT void _exit(int status)
{
	runtime_finish(CPROF_END_UNDERSCORE_EXIT, status);
	for (;;)
		syscall(SYS_exit_group, status);
}

CPROF_EXPORT void _Exit(int status)
{
	_exit(status);
}
