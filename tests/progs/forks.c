/* forks: forks N children (default 300) one after the other, each doing a
 * little work and leaving with _exit, while the parent spins between forks.
 * Prints the number of children that exited 0. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile double sink;

static void __attribute__((noinline)) spin(long n)
{
	double x = 1;

	for (long i = 0; i < n; i++)
		x = x * 1.000001 + 1e-9;
	sink = x;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 300, ok = 0;

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		int st;
		if (pid == 0) {
			spin(10000);
			_exit(0);
		}
		spin(100000);
		if (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			ok++;
	}
	printf("%d\n", ok);
	return 0;
}
