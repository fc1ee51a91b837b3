/* jump: main -> parse -> fail, which longjmps back to main; then main calls
 * work().  work's caller is main, and parse and fail end at the jump. */
#include <setjmp.h>
#include <stdio.h>
#include <unistd.h>

static jmp_buf env;

static void __attribute__((noinline)) fail(void)
{
	longjmp(env, 1);
}

static void __attribute__((noinline)) parse(void)
{
	fail();
}

static void __attribute__((noinline)) work(void)
{
	usleep(200000);
}

int main(void)
{
	if (!setjmp(env))
		parse();
	work();
	puts("done");
	return 0;
}
