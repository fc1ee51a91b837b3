# The reference kernels: the seed's examples in C, built with tracing hooks
# (-finstrument-functions) so cprof counts every call, and each built again
# without them (NAME-plain), as most programs are, for sampling.  shares
# burns CPU in known shares.  Installed as profiling targets in
# $(pkglibexecdir)/kernels.
kerneldir = $(pkglibexecdir)/kernels
kernel_PROGRAMS = \
	kernels/faster kernels/vector kernels/computepi kernels/basic kernels/shares \
	kernels/faster-plain kernels/vector-plain kernels/computepi-plain kernels/basic-plain kernels/shares-plain
KERNEL_FLAGS = -g -O2 -finstrument-functions
PLAIN_FLAGS = -g -O2
SUPPORT = kernels/support.c kernels/support.h

kernels_faster_SOURCES = kernels/faster.c
kernels_faster_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_vector_SOURCES = kernels/vector.c $(SUPPORT)
kernels_vector_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_computepi_SOURCES = kernels/computepi.c $(SUPPORT)
kernels_computepi_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_basic_SOURCES = kernels/basic.c $(SUPPORT)
kernels_basic_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_shares_SOURCES = kernels/shares.c $(SUPPORT)
kernels_shares_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)

kernels_faster_plain_SOURCES = kernels/faster.c
kernels_faster_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)
kernels_vector_plain_SOURCES = kernels/vector.c $(SUPPORT)
kernels_vector_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)
kernels_computepi_plain_SOURCES = kernels/computepi.c $(SUPPORT)
kernels_computepi_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)
kernels_basic_plain_SOURCES = kernels/basic.c $(SUPPORT)
kernels_basic_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)
kernels_shares_plain_SOURCES = kernels/shares.c $(SUPPORT)
kernels_shares_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)

# The seed's examples in Python, run as they are: cprof python3 faster.py
pykerneldir = $(kerneldir)/python
dist_pykernel_DATA = kernels/python/faster.py kernels/python/basic.py kernels/python/computepi.py \
	kernels/python/vector.py kernels/python/mpi.py

# The seed's MPI example, where OpenMPI is: traced, and plain; and built
# with MPICH (its ABI), where it is: mpi-mpich, traced.
if HAVE_OPENMPI
kernel_PROGRAMS += kernels/mpi kernels/mpi-plain
kernels_mpi_SOURCES = kernels/mpi.c
kernels_mpi_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
kernels_mpi_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_mpi_LDADD = $(OPENMPI_LIBS)
kernels_mpi_plain_SOURCES = kernels/mpi.c
kernels_mpi_plain_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
kernels_mpi_plain_CFLAGS = $(AM_CFLAGS) $(PLAIN_FLAGS)
kernels_mpi_plain_LDADD = $(OPENMPI_LIBS)
endif
if HAVE_MPICH
kernel_PROGRAMS += kernels/mpi-mpich
kernels_mpi_mpich_SOURCES = kernels/mpi.c
kernels_mpi_mpich_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS)
kernels_mpi_mpich_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_mpi_mpich_LDADD = $(MPICH_LIBS)
endif
