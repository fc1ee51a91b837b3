/* masks: what a program blocks, and sees blocked, of the signals cprof
 * samples with (SIGPROF, SIGTRAP).  Each mode prints what it saw, the same
 * with cprof as without.
 *
 *   masks [SECONDS]  a worker started the way liblzma starts its own, with
 *                    every signal blocked (the starting thread blocks them
 *                    all, starts it, and restores its mask), spins SECONDS
 *                    (default 0.3) of its CPU time in worker_spin; then,
 *                    still with every signal blocked, it reads its mask
 *                    back, raises SIGPROF (which it does not handle: its
 *                    default action would end the process), finds it
 *                    pending, and takes it with sigwait.  Prints
 *                    "view V pending P waited W", each 1 if it went as the
 *                    program asked for.
 *   masks unblock    blocks SIGPROF, raises it, unblocks it: ends by it.
 *   masks sigwait    the main thread blocks SIGPROF, a worker that blocks
 *                    it waits for it, the main thread kill()s the process:
 *                    prints "got 27".
 *   masks nodefer    blocks SIGPROF, then handles it with SA_NODEFER and
 *                    raises it: pending, not run, until it is unblocked.
 *   masks children   blocks SIGPROF, then starts itself with posix_spawn,
 *                    vfork and exec, fork and exec, and system(): each
 *                    child says whether it starts with SIGPROF blocked.
 *   masks context    a SIGALRM every 50 us while it reads /dev/zero: how
 *                    many of its handler's contexts were in cprof's code.
 *   masks altstack   an 8 KiB alternate stack (as Rust sets one up on
 *                    every thread), a SIGUSR1 handler on it that computes,
 *                    raised 50 times, then 0.3 s of CPU in worker_spin on
 *                    the thread's own stack: prints "handled 50". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

extern char **environ;

static double seconds = 0.3;
static int view, pending, waited;

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void __attribute__((noinline)) worker_spin(void)
{
	volatile double x = 0;
	double end = cpu_now() + seconds;

	while (cpu_now() < end)
		for (int i = 0; i < 10000; i++)
			x += i;
}

static void *worker(void *arg)
{
	sigset_t mask, one;
	int sig = 0;

	(void)arg;
	worker_spin();
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	view = sigismember(&mask, SIGPROF) == 1 && sigismember(&mask, SIGTRAP) == 1 && sigismember(&mask, SIGUSR1) == 1;
	raise(SIGPROF);
	sigpending(&mask);
	pending = sigismember(&mask, SIGPROF) == 1;
	sigemptyset(&one);
	sigaddset(&one, SIGPROF);
	waited = sigwait(&one, &sig) == 0 && sig == SIGPROF;
	return NULL;
}

static sigset_t prof_only(void)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGPROF);
	return s;
}

static void *waiter(void *arg)
{
	sigset_t s = prof_only();
	int sig = 0;

	(void)arg;
	sigwait(&s, &sig);
	printf("got %d\n", sig);
	return NULL;
}

static volatile int ran;

static void on_prof(int sig)
{
	(void)sig;
	ran++;
}

static int blocked_prof(void)
{
	sigset_t o;

	sigprocmask(SIG_BLOCK, NULL, &o);
	return sigismember(&o, SIGPROF) == 1;
}

static volatile long alarms, in_cprof, handled;

static void on_usr1(int sig)
{
	volatile double x = 0;

	(void)sig;
	for (int i = 0; i < 200000; i++)
		x += i;
	handled++;
}

static void on_alarm(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;
	Dl_info d;

	(void)sig;
	(void)si;
	alarms++;
	if (dladdr((void *)uc->uc_mcontext.gregs[REG_RIP], &d) && d.dli_fname && strstr(d.dli_fname, "libcprof"))
		in_cprof++;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	sigset_t all, old, prof = prof_only(), none;
	pthread_t t;

	sigemptyset(&none);
	if (strcmp(mode, "unblock") == 0) {
		sigprocmask(SIG_BLOCK, &prof, NULL);
		raise(SIGPROF);
		sigprocmask(SIG_UNBLOCK, &prof, NULL);
		return 0;
	}
	if (strcmp(mode, "sigwait") == 0) {
		pthread_sigmask(SIG_BLOCK, &prof, NULL);
		pthread_create(&t, NULL, waiter, NULL);
		usleep(100000);
		kill(getpid(), SIGPROF);
		pthread_join(t, NULL);
		return 0;
	}
	if (strcmp(mode, "nodefer") == 0) {
		struct sigaction sa;
		sigset_t p;
		sigprocmask(SIG_BLOCK, &prof, NULL);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_prof;
		sa.sa_flags = SA_NODEFER;
		sigaction(SIGPROF, &sa, NULL);
		raise(SIGPROF);
		sigpending(&p);
		printf("ran %d pending %d", ran, sigismember(&p, SIGPROF) == 1);
		sigprocmask(SIG_UNBLOCK, &prof, NULL);
		printf(", unblocked: ran %d\n", ran);
		return 0;
	}
	if (strcmp(mode, "child") == 0) {
		printf("%s: starts with SIGPROF blocked %d\n", argv[2], blocked_prof());
		return 0;
	}
	if (strcmp(mode, "children") == 0) {
		char *spawn[] = {argv[0], "child", "posix_spawn", NULL};
		char *vf[] = {argv[0], "child", "vfork+exec", NULL};
		char *fk[] = {argv[0], "child", "fork+exec", NULL};
		char cmd[4096];
		pid_t pid;
		sigprocmask(SIG_BLOCK, &prof, NULL);
		fflush(stdout);
		if (posix_spawn(&pid, argv[0], NULL, NULL, spawn, environ) == 0)
			waitpid(pid, NULL, 0);
		if ((pid = vfork()) == 0) {
			execv(argv[0], vf);
			_exit(1);
		}
		waitpid(pid, NULL, 0);
		if ((pid = fork()) == 0) {
			execv(argv[0], fk);
			_exit(1);
		}
		waitpid(pid, NULL, 0);
		if ((pid = vfork()) == 0) {
			sigprocmask(SIG_SETMASK, &none, NULL);
			_exit(0);
		}
		waitpid(pid, NULL, 0);
		printf("after a vfork child unblocked it, still blocked %d\n", blocked_prof());
		fflush(stdout);
		snprintf(cmd, sizeof cmd, "%s child system", argv[0]);
		return system(cmd) != 0;
	}
	if (strcmp(mode, "context") == 0) {
		struct sigaction sa;
		struct itimerval it = {{0, 50}, {0, 50}}, off = {{0, 0}, {0, 0}};
		static char buf[65536];
		int fd = open("/dev/zero", O_RDONLY);
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_alarm;
		sa.sa_flags = SA_SIGINFO | SA_RESTART;
		sigaction(SIGALRM, &sa, NULL);
		setitimer(ITIMER_REAL, &it, NULL);
		for (int i = 0; i < 100000; i++)
			if (read(fd, buf, sizeof buf) < 0) /* (short, when a signal comes) */
				return 1;
		setitimer(ITIMER_REAL, &off, NULL);
		printf("alarms %s, in cprof's code %ld\n", alarms > 100 ? "many" : "few", in_cprof);
		return 0;
	}
	if (strcmp(mode, "altstack") == 0) {
		size_t page = (size_t)sysconf(_SC_PAGESIZE), size = 8192;
		char *m = mmap(NULL, size + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		stack_t ss = {.ss_sp = m + page, .ss_size = size};
		struct sigaction sa;
		if (m == MAP_FAILED || mprotect(m, page, PROT_NONE) < 0 || sigaltstack(&ss, NULL) < 0)
			return 70;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		sa.sa_flags = SA_ONSTACK;
		sigaction(SIGUSR1, &sa, NULL);
		for (int i = 0; i < 50; i++)
			raise(SIGUSR1);
		worker_spin();
		printf("handled %ld\n", handled);
		return 0;
	}
	if (argc > 1)
		seconds = atof(argv[1]);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&t, NULL, worker, NULL) != 0)
		return 1;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_join(t, NULL);
	printf("view %d pending %d waited %d\n", view, pending, waited);
	return 0;
}
