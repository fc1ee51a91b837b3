/* mpijob.c: cprof-mpi's part of the launcher: which rank this is, the job's
 * directory all ranks write into, and rank 0 waiting for the others
 * (docs/MPI.md). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cprof-format.h"
#include "launcher.h"
#include "mpijob.h"
#include "outdir.h"
#include "ranks.h"

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

/* The parent of process pid, from /proc/PID/stat (whose command name, in
 * parentheses, may hold anything); -1 if it cannot be read. */
static pid_t parent_of(pid_t pid)
{
	char path[64], stat[512], *end;
	int fd, ppid = -1;
	ssize_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, stat, sizeof stat - 1);
	close(fd);
	if (n <= 0)
		return -1;
	stat[n] = '\0';
	if (!(end = strrchr(stat, ')')) || sscanf(end + 1, " %*c %d", &ppid) != 1)
		return -1;
	return ppid;
}

/* Hydra, the launcher of MPICH (and of Intel MPI), puts no job id in the
 * environment, but starts the ranks of each node under a proxy told where
 * mpiexec listens (--control-port HOST:PORT), which no other running job
 * shares, and which process group of the job it runs (--pgid, 0 but for
 * MPI_Comm_spawn's): "HOST:PORT" or "HOST:PORT.PGID" from the nearest
 * ancestor with them. */
static int hydra_job_id(char *buf, size_t size)
{
	char path[64], args[4096];
	pid_t pid = getppid();

	for (int depth = 0; depth < 8 && pid > 1; depth++, pid = parent_of(pid)) {
		const char *port = NULL, *pgid = NULL;
		ssize_t n;
		int fd;

		snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			continue;
		n = read(fd, args, sizeof args - 1);
		close(fd);
		if (n <= 0)
			continue;
		args[n] = '\0';
		for (const char *a = args; a < args + n; a += strlen(a) + 1) {
			const char *next = a + strlen(a) + 1;
			if (next < args + n && strcmp(a, "--control-port") == 0)
				port = next;
			if (next < args + n && strcmp(a, "--pgid") == 0)
				pgid = next;
		}
		if (port) {
			snprintf(buf, size, "hydra-%s%s%s", port, pgid && strcmp(pgid, "0") != 0 ? "." : "",
				 pgid && strcmp(pgid, "0") != 0 ? pgid : "");
			return 0;
		}
	}
	return -1;
}

/* The job's id, for its directory: the batch system's (Slurm's first: its
 * PBS wrappers set both), else the MPI launcher's.  Made safe for a file
 * name. */
static int job_id(char *buf, size_t size)
{
	static const char *const ids[] = {"SLURM_JOB_ID", "PBS_JOBID", "OMPI_MCA_ess_base_jobid", "PMIX_NAMESPACE",
					  NULL};
	const char *v = first_env(ids);
	char hydra[256];
	size_t n = 0;

	if (!v && getenv("PMI_RANK") && hydra_job_id(hydra, sizeof hydra) == 0)
		v = hydra;
	if (!v)
		return -1;
	for (; *v && n + 1 < size; v++)
		buf[n++] = (isalnum((unsigned char)*v) || *v == '.' || *v == '-' || *v == '_') ? *v : '_';
	buf[n] = '\0';
	return 0;
}

/* This rank's part of the job, for the end of the job and for a signal
 * handler: the job directory, open. */
static struct {
	int rank;
	int dirfd;
	char jobid[128];                 /* the launcher's, in the done marks */
	char dir[PATH_MAX];
	volatile sig_atomic_t stopped;   /* the launcher is ending the job */
	volatile sig_atomic_t reporting; /* rank 0 has begun its report */
	char where[PATH_MAX * 2 + 64];   /* "the ranks' profiles are in DIR (...)" */
	char ended[PATH_MAX * 2 + 192];  /* what a stopped rank says, made ahead */
	char ended_reporting[PATH_MAX * 2 + 192];
} job = {.dirfd = -1};

/* The mark that one rank has said where the profiles are. */
#define SAID_MARK ".job-end-said"

/* The name of rank's done mark, ".rank00003-done". */
static void done_mark(char *buf, size_t size, int rank)
{
	char tag[CPROF_RANK_TAG_MAX];

	cprof_rank_tag(tag, rank);
	snprintf(buf, size, ".%sdone", tag);
}

/* What this rank says if the job is stopped before rank 0 has reported
 * (made ahead, for the signal handler). */
static void make_messages(void)
{
	snprintf(job.where, sizeof job.where, "the ranks' profiles are in %s (run cprof-report %s)", job.dir, job.dir);
	snprintf(job.ended, sizeof job.ended, "%s: rank %d: the job ended before %s could report: %s\n", prog,
		 job.rank, job.rank == 0 ? "this rank" : "rank 0", job.where);
	snprintf(job.ended_reporting, sizeof job.ended_reporting,
		 "%s: rank %d: the job is ending while this rank reports: if the report is cut short, %s\n", prog,
		 job.rank, job.where);
}

/* The job's directory, which every rank writes into: -d, else cprof-<job id>
 * in the working directory.  A rank's profiles of an earlier run would be
 * merged with this one's: refused. */
int prepare_job_dir(const char *named, int rank, char *jobid, size_t idsize, char *dir, size_t size)
{
	char tag[CPROF_RANK_TAG_MAX], marker[64];

	if (job_id(jobid, idsize) < 0)
		jobid[0] = '\0';
	if (named)
		snprintf(dir, size, "%s", named);
	else if (jobid[0])
		snprintf(dir, size, "cprof-%s", jobid);
	else {
		fprintf(stderr,
			"%s: cannot tell the job's id (none of SLURM_JOB_ID, PBS_JOBID or the launcher's is set, nor "
			"is this rank under hydra's proxy): "
			"name its directory with -d DIR\n",
			prog);
		return -1;
	}
	job.dirfd = outdir_open(dir, dir, size);
	if (job.dirfd < 0)
		return -1;
	cprof_rank_tag(tag, rank);
	/* (a node file is made in MPI_Finalize, which waits for every
	 * rank: none of this run's can be there yet) */
	if (outdir_has_profiles(job.dirfd, tag)) {
		fprintf(stderr,
			"%s: %s already holds rank %d's profile of an earlier run, or a node file of one, which would "
			"be merged with this one's: remove it or choose another directory with -d\n",
			prog, dir, rank);
		close(job.dirfd);
		job.dirfd = -1;
		return -1;
	}
	/* the marks of an earlier run */
	done_mark(marker, sizeof marker, rank);
	unlinkat(job.dirfd, marker, 0);
	if (rank == 0) {
		unlinkat(job.dirfd, SAID_MARK, 0);
		unlinkat(job.dirfd, CPROF_GATHERED_MARK, 0);
	}
	job.rank = rank;
	snprintf(job.jobid, sizeof job.jobid, "%s", jobid);
	snprintf(job.dir, sizeof job.dir, "%s", dir);
	make_messages();
	return 0;
}

/* Writes text into the job's directory as name: into a new file, renamed
 * onto name when complete; never through a link put at either name. */
static int write_mark(const char *name, const char *text)
{
	char tmp[128];
	size_t len = strlen(text);
	int fd = -1, ret = 0;

	for (int n = 0; n < 100 && fd < 0; n++) {
		snprintf(tmp, sizeof tmp, "%s.%d.%d", name, (int)getpid(), n);
		fd = openat(job.dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		return -errno;
	if (write(fd, text, len) != (ssize_t)len)
		ret = errno ? -errno : -EIO;
	if (close(fd) < 0 && !ret)
		ret = -errno;
	if (!ret && renameat(job.dirfd, tmp, job.dirfd, name) < 0)
		ret = -errno;
	if (ret)
		unlinkat(job.dirfd, tmp, 0);
	return ret;
}

/* Tells rank 0 that this rank is done: its processes have all ended. */
static void mark_done(int status)
{
	char marker[64], text[sizeof job.jobid + 16];
	int ret;

	done_mark(marker, sizeof marker, job.rank);
	snprintf(text, sizeof text, "%s %d\n", job.jobid, status);
	ret = write_mark(marker, text);
	if (ret < 0)
		fprintf(stderr, "%s: cannot write %s/%s: %s (rank 0 will wait for rank %d)\n", prog, job.dir, marker,
			strerror(-ret), job.rank);
}

/* Says msg unless a rank of the job has said where its profiles are: the
 * first to make the job's mark does.  Async-signal-safe. */
static void say_once(const char *msg)
{
	int fd = openat(job.dirfd, SAID_MARK, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	ssize_t n;

	if (fd < 0 && errno == EEXIST)
		return;
	if (fd >= 0)
		close(fd);
	n = write(STDERR_FILENO, msg, strlen(msg)); /* and if the mark could not be made: better twice than never */
	(void)n;
}

void job_stopping(int sig)
{
	int e = errno;

	if ((sig == SIGTERM || sig == SIGINT || sig == SIGHUP || sig == SIGQUIT) && !job.stopped && job.dirfd >= 0) {
		job.stopped = 1;
		say_once(job.reporting ? job.ended_reporting : job.ended);
	}
	errno = e;
}

/* The text of a mark, if it is there and this job's: one an earlier run
 * left in the same directory (-d, its dot files not removed) names
 * another launcher's job, and is not taken any more than a missing one.
 * Marks of a job whose id is unknown are taken as they are.  What follows
 * the job id, into rest (size bytes). */
static int read_mark(const char *marker, char *rest, size_t size)
{
	char text[sizeof job.jobid + 64 * 1024];
	int fd = openat(job.dirfd, marker, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
	size_t k = strlen(job.jobid);
	char *space;

	if (fd >= 0)
		close(fd);
	if (n < 0)
		return 0;
	text[n] = '\0';
	if (!(space = strchr(text, ' ')) || (job.jobid[0] && (strncmp(text, job.jobid, k) != 0 || text[k] != ' ')))
		return 0;
	snprintf(rest, size, "%s", space + 1);
	rest[strcspn(rest, "\n")] = '\0';
	return 1;
}

static int mark_of_this_job(const char *marker)
{
	char rest[16];

	return read_mark(marker, rest, sizeof rest);
}

/* The ranks whose profiles went into node files at MPI_Finalize, as the
 * job's mark names them (CPROF_GATHERED_MARK, which rank 0's MPI_Finalize
 * writes before any rank's returns), or NULL. */
static struct ranks *gathered_ranks(void)
{
	static char list[64 * 1024];
	char err[256];

	return read_mark(CPROF_GATHERED_MARK, list, sizeof list) && list[0] ? ranks_parse(list, err, sizeof err)
									      : NULL;
}

/* Rank 0 waits, `seconds` at most, for every rank to be done (but those
 * whose profiles are in node files: `gathered`); for none when the
 * launcher did not say how many ranks there are (size -1).  -EINTR if the
 * job is stopped meanwhile. */
static int wait_ranks(int size, int seconds, const struct ranks *gathered)
{
	char marker[64];
	int done = 0, tick = 0;

	if (size < 1)
		return 0;
	for (; tick <= seconds * 10 && !job.stopped; tick++) {
		for (; done < size; done++) { /* (a rank done stays done) */
			if (gathered && ranks_has(gathered, done))
				continue;
			done_mark(marker, sizeof marker, done);
			if (!mark_of_this_job(marker))
				break;
		}
		if (done == size)
			return 0;
		if (tick == 20)
			fprintf(stderr, "%s: waiting for rank %d and the others (%d s at most; --wait)\n", prog, done,
				seconds);
		usleep(100000);
	}
	if (job.stopped)
		return -EINTR;
	fprintf(stderr, "%s: waited %d s: reporting without the ranks that are not done\n", prog, seconds);
	return 0;
}

int job_finish(int status, int size, int seconds)
{
	char msg[sizeof job.where + 192];
	struct ranks *gathered = gathered_ranks();
	int ret;

	/* a rank whose profile is in a node file is not waited for: no mark */
	if (!gathered || !ranks_has(gathered, job.rank))
		mark_done(status);
	if (job.stopped) {
		ranks_free(gathered);
		return -EINTR; /* said by job_stopping */
	}
	if (job.rank != 0) {
		/* a failed rank may end the job, and rank 0 with it */
		if (status != 0) {
			snprintf(msg, sizeof msg,
				 "%s: rank %d: its program ended with status %d, which may end the job before rank 0 "
				 "can report: %s\n",
				 prog, job.rank, status, job.where);
			say_once(msg);
		}
		ranks_free(gathered);
		return -EAGAIN;
	}
	ret = wait_ranks(size, seconds, gathered);
	ranks_free(gathered);
	if (ret < 0)
		return -EINTR;
	job.reporting = 1;
	return 0;
}
