/* launcher.c: what the launcher's files share (launcher.h), defined once:
 * cprof.c, mpijob.c and outdir.c each take it from here, not from one
 * another. */
#include "config.h"

#include "launcher.h"

const char *const prog = CPROF_MPI ? "cprof-mpi" : "cprof";
