/* mpihang: a job that hangs as jobs do: rank 0 waits in MPI_Recv for a
 * message rank 1 never sends, while the other ranks wait in MPI_Barrier
 * for rank 0 (tests/dump.sh).  The launcher's kill ends it. */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	int rank, x;

	MPI_Init(&argc, &argv);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	printf("rank %d waiting\n", rank);
	fflush(stdout);
	if (rank == 0)
		MPI_Recv(&x, 1, MPI_INT, 1, 99, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
	else
		MPI_Barrier(MPI_COMM_WORLD);
	MPI_Finalize();
	return 0;
}
