/* mpicalls: what an MPI call costs, for measuring what a profiler adds to
 * each: N ping-pongs of one int between ranks 0 and 1 (2N calls each), then
 * N MPI_Allreduce of one double over all ranks, then 4N over MPI_COMM_SELF
 * (no other rank to wait for: the steadiest measure of a call's cost), in
 * STRETCHES stretches timed each.  Rank 0 prints the ns per call of each
 * loop, and of the self loop's fastest stretch (a few milliseconds: on a
 * shared host, the one least slowed by other work).  A rank alone has
 * no ping-pong: 0 is printed for it.
 *
 *   mpiexec -np 2 mpicalls [N]   (default 200000) */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define STRETCHES 16

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;
	int rank, size, v = 0;
	double x = 1, y, t0, t1, t2, t3, fastest = 1e30;

	MPI_Init(&argc, &argv);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
	MPI_Barrier(MPI_COMM_WORLD);
	t0 = MPI_Wtime();
	for (long i = 0; i < n && size > 1; i++) {
		if (rank == 0) {
			MPI_Send(&v, 1, MPI_INT, 1, 0, MPI_COMM_WORLD);
			MPI_Recv(&v, 1, MPI_INT, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
		} else if (rank == 1) {
			MPI_Recv(&v, 1, MPI_INT, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
			MPI_Send(&v, 1, MPI_INT, 0, 0, MPI_COMM_WORLD);
		}
	}
	t1 = MPI_Wtime();
	for (long i = 0; i < n; i++)
		MPI_Allreduce(&x, &y, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
	t2 = MPI_Wtime();
	t3 = t2;
	for (int s = 0; s < STRETCHES; s++) {
		double start = t3;
		long calls = 4 * n / STRETCHES;

		for (long i = 0; i < calls; i++)
			MPI_Allreduce(&x, &y, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_SELF);
		t3 = MPI_Wtime();
		if ((t3 - start) / calls < fastest)
			fastest = (t3 - start) / calls;
	}
	if (rank == 0)
		printf("pingpong %.1f allreduce %.1f self %.1f fastest %.1f\n", (t1 - t0) / (2.0 * n) * 1e9,
		       (t2 - t1) / n * 1e9, (t3 - t2) / (4 * n / STRETCHES * STRETCHES) * 1e9, fastest * 1e9);
	MPI_Finalize();
	return 0;
}
