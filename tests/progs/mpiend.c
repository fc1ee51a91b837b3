/* mpiend MODE: ranks that end badly.  Every rank calls MPI_Barrier once;
 * then rank 1 calls MPI_Abort with error code 3 (MODE abort), is killed by
 * SIGTERM (MODE term) or exits with status 4 without MPI_Finalize (MODE
 * exit), while the other ranks wait in a second barrier, until the launcher
 * kills them.  MODE skip: rank 1 exits with status 0 without MPI_Finalize,
 * while the others call MPI_Finalize, where they gather their profiles
 * (docs/MPI.md) and wait for rank 1, until the launcher kills them.  MODE
 * late: rank 1 calls MPI_Finalize 5 s after the others. */
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int rank;

	MPI_Init(&argc, &argv);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Barrier(MPI_COMM_WORLD);
	if (rank == 1) {
		sleep(1); /* the others are in the second barrier by now */
		if (argc > 1 && strcmp(argv[1], "abort") == 0)
			MPI_Abort(MPI_COMM_WORLD, 3);
		if (argc > 1 && strcmp(argv[1], "exit") == 0)
			exit(4);
		if (argc > 1 && strcmp(argv[1], "skip") == 0)
			exit(0);
		if (argc > 1 && strcmp(argv[1], "late") == 0) {
			sleep(4);
			MPI_Finalize();
			return 0;
		}
		raise(SIGTERM);
	}
	if (argc < 2 || (strcmp(argv[1], "skip") != 0 && strcmp(argv[1], "late") != 0))
		MPI_Barrier(MPI_COMM_WORLD);
	MPI_Finalize();
	return 0;
}
