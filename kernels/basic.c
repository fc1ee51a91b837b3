/* basic: the seed's basic.py in C: addit(4), then a pool of two workers
 * mapping addit over [1, 2, 3].  Prints 5, then [2, 3, 4]. */
#include <stdio.h>

#include "support.h"

static int addit(int x)
{
	return x + 1;
}

/* what Pool.map calls in a worker */
static double addit_task(long x)
{
	return addit((int)x);
}

int main(void)
{
	const long args[] = {1, 2, 3};
	double results[3];

	printf("%d\n", addit(4));
	fflush(stdout);
	if (pool_map(2, addit_task, args, 3, results) < 0) {
		perror("basic: pool");
		return 1;
	}
	printf("[%d, %d, %d]\n", (int)results[0], (int)results[1], (int)results[2]);
	return 0;
}
