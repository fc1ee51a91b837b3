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
/* Before the addresses of process p are named: its named functions are
 * its own. */
void symbolizer_begin(struct symbolizer *s, const struct raw_process *p);

/* Names the function whose code holds `addr` in process p (the function
 * that was compiled, not one inlined into it):
 *   DWARF:        (source file, declaration line, function name)
 *   symbols only: (module path, 0, symbol name)
 *   nothing:      (module path, 0, "0x<link-time address of the function's
 *                 start>", from .eh_frame; of addr itself where no FDE holds it)
 *   no module:    ("[unknown]", 0, "0x<address>")
 * C++ names are demangled: "shapes::Grid::relax(long)", with DWARF too.
 * Problems reading a module are reported once on stderr. */
struct func_name symbolize(struct symbolizer *s, const struct raw_process *p, uint64_t addr);

/* A frame of cprof's runtime: if it is in one of the libc functions the
 * runtime wraps (sleep, poll, pthread_join...: its exported functions but
 * the tracing hooks), names it as that function of the process's libc,
 * (libc's path, 0, name), and returns 1; else returns 0. */
int symbolize_wrapper(struct symbolizer *s, const struct raw_process *p, uint64_t addr, struct func_name *out);

/* The frames at `addr`, outermost first: that function, then the ones
 * inlined into it, down to the one whose code holds addr.  *frames points
 * into the symbolizer's memory, good until its next call. */
int symbolize_frames(struct symbolizer *s, const struct raw_process *p, uint64_t addr, const struct func_name **frames);

#endif
