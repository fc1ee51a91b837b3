/* front.c: libcprof-mpi.so, which cprof-mpi preloads into every process of
 * a job (docs/MPI.md).  It exports the spec's MPI functions, C's and
 * Fortran's, each a trampoline through a slot (trampoline.h; slots.c,
 * written by gen.py).  At the first call of one, the slots are set for the
 * MPI library the process has loaded: to the wrappers built for its ABI,
 * libcprof-mpi-<abi>.so, loaded then; else to the library's own functions,
 * untimed.
 *
 * The ABI is the library's, not the launcher's nor the program file's: the
 * object that defines PMPI_Init is asked for a symbol that the mpi.h of an
 * ABI makes every program refer to.  A libmpi linked with the program and
 * one loaded later with RTLD_LOCAL (mpi4py's) are found alike.
 */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "cprof-format.h"
#include "front.h"
#include "lookup.h"
#include "trampoline.h"

TRAMPOLINE_LAZY(mpi_front_resolve)

/* The MPI ABIs cprof knows: a library of one defines `marker`, which every
 * program built with that ABI's mpi.h refers to.  The wrappers for one are
 * libcprof-mpi-<name>.so, where configure found its MPI. */
static const struct abi {
	const char *name, *title, *marker;
} abis[] = {
	/* OpenMPI's MPI_COMM_WORLD is &ompi_mpi_comm_world */
	{"openmpi", "OpenMPI", "ompi_mpi_comm_world"},
	/* MPICH's MPI_DUP_FN is MPIR_Dup_fn; Intel MPI, MVAPICH and Cray MPICH
	 * have MPICH's ABI */
	{"mpich", "MPICH", "MPIR_Dup_fn"},
};

/* The slots are set once, under the lock, by the first MPI call (which
 * comes before the program's other threads make theirs: MPI_Init first),
 * and never change after. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int resolved;

/* What a slot holds whose function no loaded object has: a program cannot
 * be linked so, but a library may refer to MPI weakly. */
static int missing(void)
{
	return MPI_WRAPPERS_ERR;
}

/* The MPI library the process loaded (the object that defines PMPI_Init),
 * its path into lib ("" if there is none yet), and its ABI (NULL if cprof
 * knows none of it). */
static const struct abi *abi_of_mpi(char *lib, size_t size)
{
	void *init = lookup_symbol("PMPI_Init"), *h;
	const struct abi *found = NULL;
	Dl_info info;

	lib[0] = '\0';
	if (!init || !dladdr(init, &info) || !info.dli_fname)
		return NULL;
	snprintf(lib, size, "%s", info.dli_fname);
	h = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
	for (size_t i = 0; h && !found && i < sizeof abis / sizeof abis[0]; i++)
		if (dlsym(h, abis[i].marker))
			found = &abis[i];
	if (h)
		dlclose(h);
	return found;
}

/* Whether the wrappers' table is the one this library's slots were
 * written for (from the same spec). */
static int wrappers_match(const struct mpi_wrappers *w)
{
	if (!w || w->version != MPI_WRAPPERS_VERSION || w->nfuncs != mpi_front_nfuncs)
		return 0;
	for (unsigned i = 0; i < mpi_nslots; i++)
		if (!mpi_slot_defs[i].fortran && strcmp(w->names[mpi_slot_defs[i].func], mpi_slot_defs[i].symbol) != 0)
			return 0;
	return 1;
}

/* The wrappers for abi, from libcprof-mpi-<name>.so beside this library;
 * NULL, said, if there are none. */
static const struct mpi_wrappers *load_wrappers(const struct abi *abi, const char *lib)
{
	char path[PATH_MAX];
	const struct mpi_wrappers *w;
	const char *slash;
	Dl_info self;
	void *h;

	if (!dladdr((const void *)abis, &self) || !self.dli_fname || !(slash = strrchr(self.dli_fname, '/')))
		return NULL;
	snprintf(path, sizeof path, "%.*s/%s-%s.so", (int)(slash - self.dli_fname), self.dli_fname,
		 CPROF_MPI_LIBRARY, abi->name);
	if (access(path, F_OK) != 0) {
		fprintf(stderr,
			"cprof-mpi: the program's MPI library, %s, has %s's ABI, and cprof was built without %s "
			"(no %s): the program's MPI calls are not timed\n",
			lib, abi->title, abi->title, path);
		return NULL;
	}
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	w = h ? dlsym(h, MPI_WRAPPERS_SYMBOL) : NULL;
	if (!wrappers_match(w)) {
		fprintf(stderr, "cprof-mpi: cannot use %s (%s): the program's MPI calls are not timed\n", path,
			h ? "another cprof's, not this one's" : dlerror());
		return NULL;
	}
	return w;
}

/* Where slot s jumps: to its wrapper in w, else to the function of the
 * program's MPI. */
static void *target_of(const struct mpi_slot *s, const struct mpi_wrappers *w)
{
	mpi_fn *fn = NULL;
	void *real;

	if (w)
		fn = s->fortran ? w->fortran[s->func] : w->c[s->func];
	if (fn)
		return (void *)fn;
	real = lookup_symbol(s->symbol);
	return real ? real : (void *)missing;
}

/* Sets the slots, once an MPI library is loaded. */
static void resolve_slots(void)
{
	const struct mpi_wrappers *w = NULL;
	const struct abi *abi;
	char lib[PATH_MAX];

	abi = abi_of_mpi(lib, sizeof lib);
	if (!lib[0])
		return; /* none yet: the slots wait for one */
	if (abi)
		w = load_wrappers(abi, lib);
	else
		fprintf(stderr,
			"cprof-mpi: the program's MPI library, %s, has an ABI cprof does not know (only OpenMPI's "
			"and MPICH's): its MPI calls are not timed\n",
			lib);
	for (unsigned i = 0; i < mpi_nslots; i++)
		__atomic_store_n(&mpi_slots[i], target_of(&mpi_slot_defs[i], w), __ATOMIC_RELEASE);
	resolved = 1;
}

/* mpi_lazy's: where the first call of slot goes (and every call, while no
 * MPI library is loaded). */
void *mpi_front_resolve(unsigned slot)
{
	void *to;

	pthread_mutex_lock(&lock);
	if (!resolved)
		resolve_slots();
	to = resolved ? __atomic_load_n(&mpi_slots[slot], __ATOMIC_ACQUIRE) : (void *)missing;
	pthread_mutex_unlock(&lock);
	return to;
}
