/* counts: functions called a known number of times, for cprof --count.
 * Not instrumented: uprobes count its calls.  tick runs 10 times in main,
 * 1000 in a thread and 100 in a forked child (1110 in all, 1010 in the
 * parent); depth recurses to make 6 calls; unused is never called; libc's
 * strverscmp is called 7 times through a pointer. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile long sink;

void __attribute__((noinline)) tick(void)
{
	sink++;
}

int __attribute__((noinline)) depth(int n)
{
	int (*volatile self)(int) = depth; /* a real call at any optimisation */

	return n ? 1 + self(n - 1) : 0;
}

void __attribute__((noinline)) unused(void)
{
	sink--;
}

static void *thread_main(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++)
		tick();
	return NULL;
}

int main(void)
{
	int (*volatile cmp)(const char *, const char *) = strverscmp;
	pthread_t th;
	pid_t pid;
	int st = 0;

	for (int i = 0; i < 10; i++)
		tick();
	if (pthread_create(&th, NULL, thread_main, NULL) != 0 || pthread_join(th, NULL) != 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 100; i++)
			tick();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
		return 1;
	for (int i = 0; i < 7; i++)
		sink += cmp("a1", "a10");
	printf("depth %d\n", depth(5));
	return 0;
}
