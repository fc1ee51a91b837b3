# The reference kernels: the seed's examples in C, built with tracing hooks
# (-finstrument-functions) so cprof counts every call.  Installed as
# profiling targets in $(pkglibexecdir)/kernels.
kerneldir = $(pkglibexecdir)/kernels
kernel_PROGRAMS = kernels/faster kernels/vector kernels/computepi kernels/basic
KERNEL_FLAGS = -g -O2 -finstrument-functions
kernels_faster_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_vector_SOURCES = kernels/vector.c kernels/support.c kernels/support.h
kernels_vector_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_computepi_SOURCES = kernels/computepi.c kernels/support.c kernels/support.h
kernels_computepi_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
kernels_basic_SOURCES = kernels/basic.c kernels/support.c kernels/support.h
kernels_basic_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
