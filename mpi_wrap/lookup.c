/* lookup.c: finding the program's MPI functions (lookup.h). */
#include "config.h"

#include <dlfcn.h>
#include <link.h>

#include "cprof-format.h"
#include "lookup.h"

/* Whether addr is in one of cprof's MPI libraries: libcprof-mpi.so
 * exports every MPI function's name. */
static int ours(const void *addr)
{
	Dl_info info;

	return dladdr(addr, &info) && info.dli_fname && cprof_is_mpi_library(info.dli_fname);
}

struct lookup {
	const char *name;
	void *found;
};

static int lookup_in(struct dl_phdr_info *info, size_t size, void *data)
{
	struct lookup *l = data;
	void *h, *found;

	(void)size;
	if (!info->dlpi_name || !info->dlpi_name[0] || cprof_is_mpi_library(info->dlpi_name) ||
	    !(h = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD)))
		return 0;
	found = dlsym(h, l->name);
	dlclose(h);
	if (!found || ours(found))
		return 0;
	l->found = found;
	return 1;
}

void *lookup_symbol(const char *name)
{
	struct lookup l = {name, dlsym(RTLD_DEFAULT, name)};

	if (l.found && ours(l.found))
		l.found = NULL;
	if (!l.found)
		dl_iterate_phdr(lookup_in, &l);
	return l.found;
}
