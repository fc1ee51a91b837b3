/* mpitypes: bytes counted through datatypes freed and made again.  One
 * rank, 3 rounds of MPI_Sendrecv to itself on MPI_COMM_SELF: one element
 * of a contiguous type of 2 ints (8 bytes each way), freed; one of 5 ints
 * (20 bytes), made next, which MPI may give the freed type's handle (the
 * program says "reused" if it did); 3 MPI_DOUBLE (24 bytes).  In all, 9
 * calls, 156 bytes sent and 156 received. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

static void sendrecv_once(int count, MPI_Datatype type)
{
	double out[8] = {0}, in[8];

	MPI_Sendrecv(out, count, type, 0, 0, in, count, type, 0, 0, MPI_COMM_SELF, MPI_STATUS_IGNORE);
}

/* A new contiguous type of n ints, used once and freed; its handle into was. */
static void contiguous_once(int n, MPI_Datatype *was)
{
	MPI_Datatype t;

	MPI_Type_contiguous(n, MPI_INT, &t);
	MPI_Type_commit(&t);
	sendrecv_once(1, t);
	*was = t;
	MPI_Type_free(&t);
}

int main(int argc, char **argv)
{
	MPI_Datatype first, second;
	int reused = 0;

	MPI_Init(&argc, &argv);
	for (int round = 0; round < 3; round++) {
		contiguous_once(2, &first);
		contiguous_once(5, &second);
		reused |= memcmp(&first, &second, sizeof first) == 0;
		sendrecv_once(3, MPI_DOUBLE);
	}
	MPI_Finalize();
	puts(reused ? "reused" : "not reused");
	return 0;
}
