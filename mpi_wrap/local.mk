# cprof-mpi's MPI wrappers (docs/MPI.md), written at build time by gen.py
# from one spec:
# - libcprof-mpi.so, which cprof-mpi preloads with the runtime: a
#   trampoline for each MPI function of the spec (slots.c), and front.c,
#   which sets them for the ABI of the MPI library the process loaded;
# - libcprof-mpi-<abi>.so for each MPI ABI configure found, which front.c
#   loads: the same wrappers (wrappers.c) and bookkeeping (core.c), compiled
#   against that ABI's mpi.h, and abi-<abi>.c.
# All hidden but the exported functions; never instrumented: they run
# inside the programs they profile.  No libmpi at link time: everything MPI
# is looked up when called, so that programs without MPI can load them.
# No SLP vectorizing (gcc and clang take the flag): it packs a call's four
# counts into vector adds, eleven instructions where four adds do.
if HAVE_MPI
MPI_WRAP_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden -fno-instrument-functions -O2 -fno-tree-slp-vectorize
MPI_WRAP_LDFLAGS = -module -avoid-version -shared -Wl,--no-undefined -Wl,-z,nodelete
MPI_WRAP_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/mpi_wrap

pkglib_LTLIBRARIES += mpi_wrap/libcprof-mpi.la
mpi_wrap_libcprof_mpi_la_SOURCES = mpi_wrap/front.c mpi_wrap/front.h mpi_wrap/trampoline.h mpi_wrap/abi.h \
	mpi_wrap/lookup.c mpi_wrap/lookup.h
nodist_mpi_wrap_libcprof_mpi_la_SOURCES = mpi_wrap/slots.c
mpi_wrap_libcprof_mpi_la_CPPFLAGS = $(MPI_WRAP_CPPFLAGS)
mpi_wrap_libcprof_mpi_la_CFLAGS = $(MPI_WRAP_CFLAGS)
mpi_wrap_libcprof_mpi_la_LDFLAGS = $(MPI_WRAP_LDFLAGS)
mpi_wrap_libcprof_mpi_la_LIBADD = -ldl -lpthread

# An ABI's library exports its wrappers under the MPI functions' names (the
# analysis names their frames so); -Bsymbolic binds its table of them to its
# own, not to libcprof-mpi.so's trampolines of the same names.
MPI_ABI_SOURCES = mpi_wrap/core.c mpi_wrap/core.h mpi_wrap/gather.c mpi_wrap/abi.h mpi_wrap/lookup.c mpi_wrap/lookup.h \
	common/cprof-api.h
MPI_ABI_LDFLAGS = $(MPI_WRAP_LDFLAGS) -Wl,-Bsymbolic
if HAVE_OPENMPI
pkglib_LTLIBRARIES += mpi_wrap/libcprof-mpi-openmpi.la
mpi_wrap_libcprof_mpi_openmpi_la_SOURCES = $(MPI_ABI_SOURCES) mpi_wrap/abi-openmpi.c
nodist_mpi_wrap_libcprof_mpi_openmpi_la_SOURCES = mpi_wrap/wrappers.c
mpi_wrap_libcprof_mpi_openmpi_la_CPPFLAGS = $(MPI_WRAP_CPPFLAGS) $(OPENMPI_CFLAGS)
mpi_wrap_libcprof_mpi_openmpi_la_CFLAGS = $(MPI_WRAP_CFLAGS)
mpi_wrap_libcprof_mpi_openmpi_la_LDFLAGS = $(MPI_ABI_LDFLAGS)
mpi_wrap_libcprof_mpi_openmpi_la_LIBADD = -ldl
endif
if HAVE_MPICH
pkglib_LTLIBRARIES += mpi_wrap/libcprof-mpi-mpich.la
mpi_wrap_libcprof_mpi_mpich_la_SOURCES = $(MPI_ABI_SOURCES) mpi_wrap/abi-mpich.c
nodist_mpi_wrap_libcprof_mpi_mpich_la_SOURCES = mpi_wrap/wrappers.c
mpi_wrap_libcprof_mpi_mpich_la_CPPFLAGS = $(MPI_WRAP_CPPFLAGS) $(MPICH_CFLAGS)
mpi_wrap_libcprof_mpi_mpich_la_CFLAGS = $(MPI_WRAP_CFLAGS)
mpi_wrap_libcprof_mpi_mpich_la_LDFLAGS = $(MPI_ABI_LDFLAGS)
mpi_wrap_libcprof_mpi_mpich_la_LIBADD = -ldl
endif

BUILT_SOURCES += mpi_wrap/wrappers.c mpi_wrap/slots.c
CLEANFILES += mpi_wrap/wrappers.c mpi_wrap/slots.c
mpi_wrap/wrappers.c: $(srcdir)/mpi_wrap/mpi.spec $(srcdir)/mpi_wrap/gen.py
	$(AM_V_GEN)$(MKDIR_P) mpi_wrap && $(PYTHON3) $(srcdir)/mpi_wrap/gen.py wrappers $(srcdir)/mpi_wrap/mpi.spec $@
mpi_wrap/slots.c: $(srcdir)/mpi_wrap/mpi.spec $(srcdir)/mpi_wrap/gen.py
	$(AM_V_GEN)$(MKDIR_P) mpi_wrap && $(PYTHON3) $(srcdir)/mpi_wrap/gen.py slots $(srcdir)/mpi_wrap/mpi.spec $@
endif
EXTRA_DIST += mpi_wrap/mpi.spec mpi_wrap/gen.py mpi_wrap/abi-openmpi.c mpi_wrap/abi-mpich.c
