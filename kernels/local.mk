# The reference kernels: the seed's examples in C, built with tracing hooks
# (-finstrument-functions) so cprof counts every call.  Installed as
# profiling targets in $(pkglibexecdir)/kernels.
kerneldir = $(pkglibexecdir)/kernels
kernel_PROGRAMS = kernels/faster
KERNEL_FLAGS = -g -O2 -finstrument-functions
kernels_faster_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS)
