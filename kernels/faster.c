#include <stdio.h>
#include <unistd.h>
static void waithere(void) /* the seed's faster.py in C: cprof ./faster */
{
	printf("waiting for 1 second\n");
	fflush(stdout);
	sleep(1);
}

static int add2(int a, int b)
{
	printf("adding  %d and %d\n", a, b);
	return a + b;
}

int main(void)
{
	printf("Hello, try timing some parts of this code!\n");
	waithere();
	add2(4, 7);
	add2(3, 1);
	return 0;
}
