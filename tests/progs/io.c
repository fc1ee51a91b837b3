/* io: echoes stdin to stdout, writes a line to stderr, prints its working
 * directory and one environment variable, and exits with the status given. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void __attribute__((noinline)) copy(void)
{
	int c;

	while ((c = getchar()) != EOF)
		putchar(c);
}

int main(int argc, char **argv)
{
	char cwd[4096];
	const char *v = getenv("CPROF_TEST_VAR");

	copy();
	fputs("to stderr\n", stderr);
	printf("cwd=%s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
	printf("var=%s\n", v ? v : "(unset)");
	printf("preload=%s\n", getenv("LD_PRELOAD") ? "set" : "unset");
	return argc > 1 ? atoi(argv[1]) : 0;
}
