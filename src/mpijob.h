/* mpijob.h: cprof-mpi's rank, job directory and end of job. */
#ifndef CPROF_MPIJOB_H
#define CPROF_MPIJOB_H

#include <stddef.h>

/* The rank and the job's number of ranks, from the MPI launcher's
 * environment; -1, said, if there is none. */
int mpi_identity(int *rank, int *size);

/* The job's directory, into dir: `named` (-d), else cprof-<job id>; the
 * job id into jobid ("" if none).  -1, said, if it cannot be used. */
int prepare_job_dir(const char *named, int rank, char *jobid, size_t idsize, char *dir, size_t size);

/* This rank is done: its program and every process it left have ended,
 * with status (as a shell reports it).  Rank 0 then waits, `seconds` at
 * most, for the `size` ranks to be done, and returns 0: it reports.  The
 * others return -EAGAIN; and any rank -EINTR once the job is being ended
 * (job_stopping).  A rank other than 0 whose program failed, which may end
 * the job, says where the profiles are (one rank of the job says it). */
int job_finish(int status, int size, int seconds);

/* Signal sig came to cprof-mpi: if it is one that ends jobs (SIGTERM,
 * SIGINT, SIGHUP, SIGQUIT), the launcher or the batch system is ending
 * this one, and rank 0's report will not come, or not whole: one rank says
 * where the profiles are.  Async-signal-safe, for the handler. */
void job_stopping(int sig);

#endif
