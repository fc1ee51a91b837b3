/* finalize: a job's end, for measuring what writing its profiles costs
 * there: every rank makes ROUNDS MPI_Allreduce of 1000 doubles (a profile
 * of the kernel's size), passes a barrier, and rank 0 prints the time of
 * day then, in nanoseconds ("finalize NS"), just before every rank calls
 * MPI_Finalize: what follows, to the job's end, is MPI_Finalize, the
 * processes' exits and cprof-mpi's writing and waiting.
 *
 *   mpiexec -np 64 finalize [ROUNDS]   (default 10) */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 1000

int main(int argc, char **argv)
{
	static double local[N], total[N];
	int rank, rounds = argc > 1 ? atoi(argv[1]) : 10;
	struct timespec now;

	MPI_Init(&argc, &argv);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	for (int r = 0; r < rounds; r++)
		MPI_Allreduce(local, total, N, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
	MPI_Barrier(MPI_COMM_WORLD);
	if (rank == 0) {
		clock_gettime(CLOCK_REALTIME, &now);
		printf("finalize %lld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec);
		fflush(stdout);
	}
	MPI_Finalize();
	return 0;
}
