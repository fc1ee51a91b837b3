/* reload A B: main -> run_a -> run, which loads library A, runs its work()
 * for 0.3 s of CPU and unloads it; then main -> run_b -> run the same with
 * library B, which the loader puts where A was: the addresses sampled in
 * A hold B's code, with other unwind rules (tests/reload.sh).  Prints
 * "same address" or "other address", where B's work() was against A's. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef void work_fn(double);

static uintptr_t __attribute__((noinline)) run(const char *path)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	work_fn *work = h ? (work_fn *)(uintptr_t)dlsym(h, "work") : NULL;

	if (!work) {
		fprintf(stderr, "reload: %s\n", dlerror());
		exit(1);
	}
	work(0.3);
	dlclose(h);
	return (uintptr_t)work;
}

/* (not tail calls: each stays on the stack; and not one function folded
 * into the other) */
static volatile int which;

static uintptr_t __attribute__((noinline)) run_a(const char *path)
{
	uintptr_t w = run(path);

	which = 1;
	return w;
}

static uintptr_t __attribute__((noinline)) run_b(const char *path)
{
	uintptr_t w = run(path);

	which = 2;
	return w;
}

int main(int argc, char **argv)
{
	uintptr_t a, b;

	if (argc != 3) {
		fprintf(stderr, "usage: reload LIBRARY-A LIBRARY-B\n");
		return 2;
	}
	a = run_a(argv[1]);
	b = run_b(argv[2]);
	puts(a == b ? "same address" : "other address");
	return 0;
}
