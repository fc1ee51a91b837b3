/* symbols.h: turn native addresses into cProfile's function names
 * (file, line, name), with elfutils' libdw. */
#ifndef CPROF_SYMBOLS_H
#define CPROF_SYMBOLS_H

#include <stdint.h>

#include "rawfile.h"
#include "util.h"

/* A function as pstats names it; the strings are ids in a strtab. */
struct func_name {
	uint32_t file;
	uint32_t line;
	uint32_t name;
};

struct symbolizer;

struct symbolizer *symbolizer_new(struct strtab *strings);
void symbolizer_free(struct symbolizer *s);

/* Names the function whose entry is at `addr` in process p:
 *   DWARF:        (source file, declaration line, function name)
 *   symbols only: (module path, 0, symbol name)
 *   nothing:      (module path, 0, "0x<offset in the module>")
 *   no module:    ("[unknown]", 0, "0x<address>")
 * Problems reading a module are reported once on stderr. */
struct func_name symbolize(struct symbolizer *s, const struct raw_process *p, uint64_t addr);

#endif
