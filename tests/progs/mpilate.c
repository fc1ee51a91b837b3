/* mpilate LIB [ARGS]: loads LIB, an MPI program built as a library whose
 * main is kernel_main, after this program has started and RTLD_LOCAL, as
 * Python loads mpi4py's extension module (and with it libmpi), then runs
 * it with ARGS. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	int (*run)(int, char **);
	void *h;

	if (argc < 2) {
		fprintf(stderr, "usage: mpilate LIB [ARGS]\n");
		return 2;
	}
	h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h || !(*(void **)&run = dlsym(h, "kernel_main"))) {
		fprintf(stderr, "mpilate: %s\n", dlerror());
		return 1;
	}
	return run(argc - 1, argv + 1);
}
