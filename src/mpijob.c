/* mpijob.c: cprof-mpi's part of the launcher: which rank this is, the job's
 * directory all ranks write into, and rank 0 waiting for the others
 * (docs/MPI.md). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cprof-format.h"
#include "launcher.h"
#include "mpijob.h"

/* cprof-mpi: the first of these variables that is set. */
static const char *first_env(const char *const *names)
{
	for (; *names; names++) {
		const char *v = getenv(*names);
		if (v && *v)
			return v;
	}
	return NULL;
}

/* The rank this process is and the job's number of ranks, from what the
 * launcher (mpiexec, mpirun, srun) tells it before MPI_Init. */
int mpi_identity(int *rank, int *size)
{
	static const char *const ranks[] = {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK", "SLURM_PROCID", NULL};
	static const char *const sizes[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "SLURM_NTASKS", NULL};
	const char *r = first_env(ranks), *n = first_env(sizes);

	if (!r) {
		fprintf(stderr,
			"%s: no MPI rank in the environment: start it with an MPI launcher, as in "
			"mpiexec -np 4 cprof-mpi PROG (or use cprof for a program that is not MPI)\n",
			prog);
		return -1;
	}
	*rank = atoi(r);
	*size = n ? atoi(n) : -1;
	return 0;
}

/* The job's id, for its directory: the batch system's (Slurm's first: its
 * PBS wrappers set both), else the MPI launcher's.  Made safe for a file
 * name. */
static int job_id(char *buf, size_t size)
{
	static const char *const ids[] = {"SLURM_JOB_ID", "PBS_JOBID", "OMPI_MCA_ess_base_jobid", "PMIX_NAMESPACE",
					  NULL};
	const char *v = first_env(ids);
	size_t n = 0;

	if (!v)
		return -1;
	for (; *v && n + 1 < size; v++)
		buf[n++] = (isalnum((unsigned char)*v) || *v == '.' || *v == '-' || *v == '_') ? *v : '_';
	buf[n] = '\0';
	return 0;
}

/* The job's directory, which every rank writes into: -d, else cprof-<job id>
 * in the working directory.  A rank's profiles of an earlier run would be
 * merged with this one's: refused. */
int prepare_job_dir(const char *named, int rank, char *jobid, size_t idsize, char *dir, size_t size)
{
	char made[PATH_MAX], tag[CPROF_RANK_TAG_MAX], marker[PATH_MAX + 64];

	if (job_id(jobid, idsize) < 0)
		jobid[0] = '\0';
	if (named)
		snprintf(dir, size, "%s", named);
	else if (jobid[0])
		snprintf(dir, size, "cprof-%s", jobid);
	else {
		fprintf(stderr,
			"%s: cannot tell the job's id (none of SLURM_JOB_ID, PBS_JOBID or the launcher's is set): "
			"name its directory with -d DIR\n",
			prog);
		return -1;
	}
	if (make_dirs(dir) < 0 || !realpath(dir, made) || access(made, W_OK | X_OK) < 0) {
		fprintf(stderr, "%s: cannot write into %s: %s (choose another with -d)\n", prog, dir, strerror(errno));
		return -1;
	}
	snprintf(dir, size, "%s", made);
	cprof_rank_tag(tag, rank);
	if (dir_has_profiles(dir, tag)) {
		fprintf(stderr,
			"%s: %s already holds rank %d's profile of an earlier run, which would be merged with this "
			"one's: remove it or choose another directory with -d\n",
			prog, dir, rank);
		return -1;
	}
	snprintf(marker, sizeof marker, "%s/.%sdone", dir, tag);
	unlink(marker);
	return 0;
}

/* Tells rank 0 that this rank is done: its processes have all ended. */
void mark_done(const char *dir, int rank, int status)
{
	char tag[CPROF_RANK_TAG_MAX], tmp[PATH_MAX + 64], marker[PATH_MAX + 64];
	FILE *f;

	cprof_rank_tag(tag, rank);
	snprintf(tmp, sizeof tmp, "%s/.%sdone.%d", dir, tag, (int)getpid());
	snprintf(marker, sizeof marker, "%s/.%sdone", dir, tag);
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "%d\n", status) < 0 || fclose(f) != 0 || rename(tmp, marker) < 0)
		fprintf(stderr, "%s: cannot write %s: %s (rank 0 will wait for rank %d)\n", prog, marker,
			strerror(errno), rank);
}

/* Rank 0 waits, `seconds` at most, for every rank to be done; for none
 * when the launcher did not say how many ranks there are (size -1). */
void wait_ranks(const char *dir, int size, int seconds)
{
	char tag[CPROF_RANK_TAG_MAX], marker[PATH_MAX + 64];
	int done = 0, tick = 0;

	if (size < 1)
		return;
	for (; tick <= seconds * 10; tick++) {
		for (done = 0; done < size; done++) {
			cprof_rank_tag(tag, done);
			snprintf(marker, sizeof marker, "%s/.%sdone", dir, tag);
			if (access(marker, F_OK) < 0)
				break;
		}
		if (done == size)
			return;
		if (tick == 20)
			fprintf(stderr, "%s: waiting for rank %d and the others (%d s at most; --wait)\n", prog, done,
				seconds);
		usleep(100000);
	}
	fprintf(stderr, "%s: waited %d s: reporting without the ranks that are not done\n", prog, seconds);
}
