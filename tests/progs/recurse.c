/* recurse: recursion as cProfile counts it.  fib(N) calls itself; ping and
 * pong call each other.  `recurse N deep`: only ping(N), N calls deep;
 * `recurse N spin`: the same, computing a while at the bottom. */
#include <stdio.h>
#include <stdlib.h>

static int __attribute__((noinline)) fib(int n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int pong(int n);
static volatile double sink;
static int spin;

static int __attribute__((noinline)) bottom(void)
{
	double x = 1.0;

	for (long i = 0; i < 300000000; i++)
		x = x * 1.0000001 + 1e-9;
	sink = x;
	return 0;
}

static int __attribute__((noinline)) ping(int n)
{
	return n <= 0 ? (spin ? bottom() : 0) : 1 + pong(n - 1);
}

static int __attribute__((noinline)) pong(int n)
{
	return n <= 0 ? (spin ? bottom() : 0) : 1 + ping(n - 1);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 10;

	if (argc > 2) {
		spin = argv[2][0] == 's';
		printf("%d\n", ping(n));
		return 0;
	}
	printf("%d %d\n", fib(n), ping(n));
	return 0;
}
