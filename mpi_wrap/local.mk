# libcprof-mpi.so: PMPI wrappers, written at build time by gen.py from one
# spec, preloaded by cprof-mpi with the runtime.  Built where OpenMPI is.
if HAVE_MPI
pkglib_LTLIBRARIES += mpi_wrap/libcprof-mpi.la
mpi_wrap_libcprof_mpi_la_SOURCES = mpi_wrap/core.c mpi_wrap/core.h common/cprof-api.h
nodist_mpi_wrap_libcprof_mpi_la_SOURCES = mpi_wrap/wrappers.c
mpi_wrap_libcprof_mpi_la_CPPFLAGS = $(AM_CPPFLAGS) $(MPI_CFLAGS) -I$(top_srcdir)/mpi_wrap
# Hidden but the wrappers; never instrumented: it runs inside the programs
# it profiles.  No libmpi at link time: everything MPI is looked up when
# called, so that programs without MPI can load it.
mpi_wrap_libcprof_mpi_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden -fno-instrument-functions -O2
mpi_wrap_libcprof_mpi_la_LDFLAGS = -module -avoid-version -shared -Wl,--no-undefined -Wl,-z,nodelete
mpi_wrap_libcprof_mpi_la_LIBADD = -ldl
BUILT_SOURCES += mpi_wrap/wrappers.c
CLEANFILES += mpi_wrap/wrappers.c
mpi_wrap/wrappers.c: $(srcdir)/mpi_wrap/mpi.spec $(srcdir)/mpi_wrap/gen.py
	$(AM_V_GEN)$(MKDIR_P) mpi_wrap && $(PYTHON3) $(srcdir)/mpi_wrap/gen.py $(srcdir)/mpi_wrap/mpi.spec $@
endif
EXTRA_DIST += mpi_wrap/mpi.spec mpi_wrap/gen.py
