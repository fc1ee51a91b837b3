/* ehframe.h: the function that holds an address, for code no symbol names. */
#ifndef CPROF_EHFRAME_H
#define CPROF_EHFRAME_H

#include <stdint.h>

#include <elfutils/libdwfl.h>

/* The start of the function whose code holds addr (an address of mod),
 * from the call-frame information: an FDE of .eh_frame covers each
 * function that can be unwound through, stripped or not, from its first
 * instruction to its last.  Returns 0 and sets *start, or -ENOENT where no
 * FDE holds addr, -ENOTSUP where mod has no .eh_frame_hdr table that can be
 * read. */
int ehframe_func_start(Dwfl_Module *mod, uint64_t addr, uint64_t *start);

#endif
