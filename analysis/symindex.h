/* symindex.h: the symbol that holds an address, as dwfl_module_addrinfo
 * names it, found in a module's symbols sorted by address (symindex.c). */
#ifndef CPROF_SYMINDEX_H
#define CPROF_SYMINDEX_H

#include <elfutils/libdwfl.h>
#include <stdint.h>

struct symindex;

/* The index of mod's symbol table; NULL if it has none.  Its names are
 * mod's: good while mod is. */
struct symindex *symindex_new(Dwfl_Module *mod);
void symindex_free(struct symindex *x);

/* The name dwfl_module_addrinfo gives addr (an address of the module), or
 * NULL where it gives none, with *decided 1; or *decided 0 where its rules
 * for assembly labels decide, and the caller asks it. */
const char *symindex_find(const struct symindex *x, uint64_t addr, int *decided);

#endif
