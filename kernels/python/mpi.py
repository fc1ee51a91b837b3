"""MPI with mpi4py: every rank says hello, passes a token around a ring
(ROUNDS times), and sums a vector with allreduce (ROUNDS times).

    mpiexec -np 4 cprof-mpi python3 mpi.py [ROUNDS]   (default 10)

Per rank and round: one send and one receive in the ring, one allreduce."""
import sys

import numpy as np
from mpi4py import MPI


def hello(comm):
    print("Hello from rank %d of %d on %s" % (comm.rank, comm.size, MPI.Get_processor_name()), flush=True)


def ring(comm, rounds):
    token = 0
    right, left = (comm.rank + 1) % comm.size, (comm.rank - 1) % comm.size
    for _ in range(rounds):
        if comm.rank == 0:
            comm.send(token + 1, dest=right)
            token = comm.recv(source=left)
        else:
            token = comm.recv(source=left)
            comm.send(token + 1, dest=right)
    return token


def allreduce(comm, rounds):
    local = np.full(1000, comm.rank, dtype="d")
    total = np.empty_like(local)
    for _ in range(rounds):
        comm.Allreduce(local, total, op=MPI.SUM)
    return total[0]


def main():
    comm = MPI.COMM_WORLD
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    hello(comm)
    token = ring(comm, rounds)
    total = allreduce(comm, rounds)
    if comm.rank == 0:
        print("ring token %d, allreduce sum %d" % (token, total))


if __name__ == "__main__":
    main()
