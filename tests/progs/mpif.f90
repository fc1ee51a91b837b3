! mpif: the MPI kernel's ring and allreduce in Fortran (mpif.h): each rank
! calls MPI_SEND and MPI_RECV 3 times (with more than one rank),
! MPI_ALLREDUCE 3 times, MPI_BARRIER once.  For cprof-mpi's Fortran wrappers.
program mpif
  implicit none
  include 'mpif.h'
  integer :: ierr, rank, nranks, token, i, left, right
  integer :: status(MPI_STATUS_SIZE)
  double precision :: x, total

  call MPI_INIT(ierr)
  call MPI_COMM_RANK(MPI_COMM_WORLD, rank, ierr)
  call MPI_COMM_SIZE(MPI_COMM_WORLD, nranks, ierr)
  right = mod(rank + 1, nranks)
  left = mod(rank + nranks - 1, nranks)
  token = 0
  do i = 1, 3
    if (nranks > 1) then
      if (rank == 0) then
        token = token + 1
        call MPI_SEND(token, 1, MPI_INTEGER, right, 0, MPI_COMM_WORLD, ierr)
        call MPI_RECV(token, 1, MPI_INTEGER, left, 0, MPI_COMM_WORLD, status, ierr)
      else
        call MPI_RECV(token, 1, MPI_INTEGER, left, 0, MPI_COMM_WORLD, status, ierr)
        token = token + 1
        call MPI_SEND(token, 1, MPI_INTEGER, right, 0, MPI_COMM_WORLD, ierr)
      end if
    end if
    x = rank
    call MPI_ALLREDUCE(x, total, 1, MPI_DOUBLE_PRECISION, MPI_SUM, MPI_COMM_WORLD, ierr)
  end do
  call MPI_BARRIER(MPI_COMM_WORLD, ierr)
  if (rank == 0) print '(a,i0,a,f4.1)', 'ring token ', token, ', allreduce sum ', total
  call MPI_FINALIZE(ierr)
end program mpif
