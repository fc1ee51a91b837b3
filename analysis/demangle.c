/* demangle.c: C++ names through libstdc++'s demangler, the one g++'s
 * c++filt, perf and gdb use (libiberty's, built into libstdc++), so that
 * cprof's names are theirs. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "demangle.h"

#ifdef HAVE_CXA_DEMANGLE
/* <cxxabi.h> is C++: its declaration, with C linkage, as the ABI gives it */
extern char *__cxa_demangle(const char *mangled, char *out, size_t *len, int *status);
#endif

char *demangle_cxx(const char *symbol)
{
#ifdef HAVE_CXA_DEMANGLE
	int status = 0;

	/* __cxa_demangle also reads bare types ("i" is "int"): a C function
	 * named i must stay i */
	if (strncmp(symbol, "_Z", 2) != 0)
		return NULL;
	return __cxa_demangle(symbol, NULL, NULL, &status);
#else
	(void)symbol;
	return NULL;
#endif
}
