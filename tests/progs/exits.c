/* exits: leaves the process in the way its argument names, after calling
 * work() three times, so the tests can check that every way out keeps the
 * profile and the program's own behaviour.
 *
 *   exits MODE [ARG]
 */
#define _GNU_SOURCE
#include <errno.h>
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
#include <unistd.h>

extern char **environ;

static volatile int sink;
static volatile sig_atomic_t handled;

static void __attribute__((noinline)) work(int i)
{
	sink += i;
}

static void __attribute__((noinline)) in_child(void)
{
	work(10);
	work(11);
}

static void on_term(int sig)
{
	static const char msg[] = "handler ran\n";
	if (write(STDOUT_FILENO, msg, sizeof msg - 1) < 0)
		_exit(99);
	handled = sig;
}

static void on_term_exit(int sig)
{
	on_term(sig);
	exit(3);
}

static volatile sig_atomic_t terms;

static void count_term(int sig)
{
	terms++;
}

/* count-term: how many SIGTERMs come in 3 seconds */
static int count_terms(void)
{
	struct sigaction sa = {.sa_handler = count_term};
	struct timespec t0, t, nap = {0, 10000000};

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		nanosleep(&nap, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < 3);
	printf("SIGTERM %d times\n", (int)terms);
	return 0;
}

static void *exit_from_thread(void *arg)
{
	work(4);
	exit(5);
}

static void crash(void)
{
	volatile int *volatile p = NULL;

	*p = 1;
}

static int finish(const char *mode, const char *self)
{
	if (strcmp(mode, "return") == 0)
		return 0;
	if (strcmp(mode, "exit") == 0)
		exit(7);
	if (strcmp(mode, "thread-exit") == 0) {
		pthread_t t;
		pthread_create(&t, NULL, exit_from_thread, NULL);
		pthread_join(t, NULL);
		return 1; /* not reached */
	}
	if (strcmp(mode, "_exit") == 0)
		_exit(8);
	if (strcmp(mode, "_Exit") == 0)
		_Exit(9);
	if (strcmp(mode, "abort") == 0)
		abort();
	if (strcmp(mode, "segv") == 0)
		crash();
	if (strcmp(mode, "term") == 0 || strcmp(mode, "int") == 0 || strcmp(mode, "hup") == 0) {
		int sig = mode[0] == 't' ? SIGTERM : mode[0] == 'i' ? SIGINT : SIGHUP;
		signal(sig, SIG_DFL); /* a batch shell may have left it ignored */
		kill(getpid(), sig);
		pause();
	}
	if (strcmp(mode, "handler-exit") == 0) {
		signal(SIGTERM, on_term_exit);
		kill(getpid(), SIGTERM);
		pause();
	}
	if (strcmp(mode, "handler-continue") == 0) {
		struct sigaction sa = {.sa_handler = on_term}, old;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGTERM, NULL, &old);
		if (old.sa_handler != on_term)
			return 20; /* the program must see its own handler */
		raise(SIGTERM);
		return handled == SIGTERM ? 0 : 21;
	}
	if (strcmp(mode, "default-again") == 0) {
		/* Python's way out after an unhandled KeyboardInterrupt */
		signal(SIGINT, on_term);
		signal(SIGINT, SIG_DFL);
		kill(getpid(), SIGINT);
		pause();
	}
	if (strcmp(mode, "ignored") == 0) {
		signal(SIGTERM, SIG_IGN);
		raise(SIGTERM);
		return 0;
	}
	if (strcmp(mode, "exec") == 0) {
		execl(self, self, "return", (char *)NULL);
		return 30;
	}
	if (strcmp(mode, "exec-fail") == 0) {
		execl("/nonexistent/program", "x", (char *)NULL);
		return 0;
	}
	if (strcmp(mode, "fork") == 0) {
		pid_t pid = fork();
		int st;
		if (pid == 0) {
			in_child();
			_exit(0);
		}
		waitpid(pid, &st, 0);
		return WEXITSTATUS(st);
	}
	if (strcmp(mode, "vfork") == 0) {
		pid_t pid = vfork();
		int st;
		if (pid == 0) {
			execl(self, self, "return", (char *)NULL);
			_exit(40);
		}
		waitpid(pid, &st, 0);
		return WEXITSTATUS(st);
	}
	if (strcmp(mode, "spawn") == 0) {
		char *args[] = {(char *)self, "return", NULL};
		char *empty_env[] = {"PATH=/usr/bin:/bin", NULL};
		pid_t pid;
		int st;
		if (posix_spawn(&pid, self, NULL, NULL, args, empty_env) != 0)
			return 50;
		waitpid(pid, &st, 0);
		return WEXITSTATUS(st);
	}
	if (strcmp(mode, "vfork-signal") == 0) {
		/* the child's signal() must not change the parent's handler */
		signal(SIGINT, on_term);
		pid_t pid = vfork();
		if (pid == 0) {
			signal(SIGINT, SIG_DFL);
			execl("/bin/true", "true", (char *)NULL);
			_exit(40);
		}
		waitpid(pid, NULL, 0);
		raise(SIGINT);
		return handled == SIGINT ? 0 : 41;
	}
	if (strcmp(mode, "siginterrupt") == 0) {
		/* read() must be interrupted, not restarted */
		int fds[2];
		char c;
		struct itimerval it = {{0, 0}, {0, 200000}};
		if (pipe(fds) < 0)
			return 60;
		siginterrupt(SIGALRM, 1);
		signal(SIGALRM, on_term);
		setitimer(ITIMER_REAL, &it, NULL);
		return read(fds[0], &c, 1) < 0 && errno == EINTR ? 0 : 61;
	}
	if (strcmp(mode, "sigset") == 0) {
		__sighandler_t old;
		sigset(SIGINT, on_term);
		old = signal(SIGINT, SIG_IGN);
		signal(SIGINT, old);
		raise(SIGINT);
		return handled == SIGINT && old == on_term ? 0 : 62;
	}
	if (strcmp(mode, "altstack") == 0) {
		/* a small alternate stack with a guard page below it */
		size_t page = (size_t)sysconf(_SC_PAGESIZE), size = 8192;
		char *m = mmap(NULL, size + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		stack_t ss = {.ss_sp = m + page, .ss_size = size};
		if (m == MAP_FAILED || mprotect(m, page, PROT_NONE) < 0 || sigaltstack(&ss, NULL) < 0)
			return 70;
		raise(SIGTERM);
		return 71;
	}
	if (strcmp(mode, "chdir") == 0)
		return chdir("/");
	if (strcmp(mode, "count-term") == 0)
		return count_terms();
	fprintf(stderr, "exits: unknown mode %s\n", mode);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: exits MODE\n");
		return 2;
	}
	alarm(20); /* never hang a test run */
	for (int i = 0; i < 3; i++)
		work(i);
	return finish(argv[1], argv[0]);
}
