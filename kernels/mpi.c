/* mpi: the seed's MPI example in C: every rank says hello, passes a token
 * around a ring ROUNDS times, and sums a vector with MPI_Allreduce ROUNDS
 * times.  The calls each rank makes are known:
 *
 *   MPI_Init 1, MPI_Comm_rank 1, MPI_Comm_size 1, MPI_Finalize 1,
 *   MPI_Send ROUNDS and MPI_Recv ROUNDS (none with one rank),
 *   MPI_Allreduce ROUNDS, MPI_Barrier 1.
 *
 *   mpiexec -np 4 cprof-mpi ./mpi [ROUNDS]   (default 10) */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000

static void hello(int rank, int size)
{
	char host[MPI_MAX_PROCESSOR_NAME];
	int len;

	MPI_Get_processor_name(host, &len);
	printf("Hello from rank %d of %d on %s\n", rank, size, host);
	fflush(stdout);
}

/* The token goes from rank to rank + 1, each adding one. */
static int ring(int rank, int size, int rounds)
{
	int token = 0, right = (rank + 1) % size, left = (rank + size - 1) % size;

	if (size == 1)
		return rounds;
	for (int r = 0; r < rounds; r++) {
		if (rank == 0) {
			token++;
			MPI_Send(&token, 1, MPI_INT, right, 0, MPI_COMM_WORLD);
			MPI_Recv(&token, 1, MPI_INT, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
		} else {
			MPI_Recv(&token, 1, MPI_INT, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
			token++;
			MPI_Send(&token, 1, MPI_INT, right, 0, MPI_COMM_WORLD);
		}
	}
	return token;
}

static double allreduce(int rank, int rounds)
{
	static double local[N], total[N];

	for (int i = 0; i < N; i++)
		local[i] = rank;
	for (int r = 0; r < rounds; r++)
		MPI_Allreduce(local, total, N, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
	return total[0];
}

int main(int argc, char **argv)
{
	int rank, size, rounds = argc > 1 ? atoi(argv[1]) : 10, token;
	double sum;

	MPI_Init(&argc, &argv);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
	hello(rank, size);
	token = ring(rank, size, rounds);
	sum = allreduce(rank, rounds);
	MPI_Barrier(MPI_COMM_WORLD);
	if (rank == 0)
		printf("ring token %d, allreduce sum %g\n", token, sum);
	MPI_Finalize();
	return 0;
}
