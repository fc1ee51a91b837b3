/* calls: a kernel of many small calls, for measuring what tracing costs per
 * call.  Each of N iterations calls mid(), which calls leaf() twice: 3N
 * calls, plus main.
 *
 *   calls [N]   (default 3000000) */
#include <stdio.h>
#include <stdlib.h>

static int __attribute__((noinline)) leaf(int x)
{
	__asm__ volatile("");
	return x * 3 + 1;
}

static int __attribute__((noinline)) mid(int x)
{
	return leaf(x) + leaf(x + 1);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 3000000;
	long sum = 0;

	for (long i = 0; i < n; i++)
		sum += mid((int)i);
	printf("%ld\n", sum);
	return 0;
}
