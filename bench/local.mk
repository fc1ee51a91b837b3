# bench/: side-by-side measurements against the peers; `make bench` builds
# the kernels in each form and runs them.  Figures go in docs/PERFORMANCE.md.
EXTRA_PROGRAMS = bench/calls-plain bench/calls-trace bench/calls-pg bench/sigfloor.so bench/clockcost
bench_calls_plain_SOURCES = bench/calls.c
bench_calls_plain_CFLAGS = -g -O2
bench_calls_trace_SOURCES = bench/calls.c
bench_calls_trace_CFLAGS = -g -O2 -finstrument-functions
bench_calls_pg_SOURCES = bench/calls.c
bench_calls_pg_CFLAGS = -g -O2 -pg
bench_calls_pg_LDFLAGS = -pg
bench_sigfloor_so_SOURCES = bench/sigfloor.c
bench_sigfloor_so_CFLAGS = -O2 -fPIC
bench_sigfloor_so_LDFLAGS = -XCClinker -shared
bench_clockcost_SOURCES = bench/clockcost.c
bench_clockcost_CFLAGS = -O2
CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/lib.sh bench/trace.sh bench/sample.sh bench/kernel.sh bench/build.sh bench/merge.sh bench/count.sh bench/python.sh bench/calls.py bench/pyfloor.c bench/mpi.sh bench/html.sh bench/finalize.sh bench/attach.sh bench/snapshot.sh bench/dump.sh

# the benchmarks that run MPI jobs (OpenMPI's mpiexec)
BENCH_MPI_RUNS = bench/mpi.sh bench/merge.sh bench/html.sh bench/finalize.sh bench/dump.sh
if HAVE_OPENMPI
EXTRA_PROGRAMS += bench/mpicalls
bench_mpicalls_SOURCES = bench/mpicalls.c
bench_mpicalls_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
bench_mpicalls_CFLAGS = -O2
bench_mpicalls_LDADD = $(OPENMPI_LIBS)
EXTRA_PROGRAMS += bench/finalize
bench_finalize_SOURCES = bench/finalize.c
bench_finalize_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
bench_finalize_CFLAGS = -g -O2
bench_finalize_LDADD = $(OPENMPI_LIBS)
BENCH_MPI = for b in $(BENCH_MPI_RUNS); do $(SHELL) $(srcdir)/$$b $(abs_top_builddir) || exit 1; done
if HAVE_MPICH
EXTRA_PROGRAMS += bench/mpicalls-mpich
bench_mpicalls_mpich_SOURCES = bench/mpicalls.c
bench_mpicalls_mpich_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS)
bench_mpicalls_mpich_CFLAGS = -O2
bench_mpicalls_mpich_LDADD = $(MPICH_LIBS)
endif
else
BENCH_MPI = @echo "bench: no OpenMPI: $(BENCH_MPI_RUNS) skipped"
endif

# one benchmark at a time: the machine has two cores
bench: all $(EXTRA_PROGRAMS)
	$(SHELL) $(srcdir)/bench/trace.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/sample.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/attach.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/kernel.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/build.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/count.sh $(abs_top_builddir)
	$(SHELL) $(srcdir)/bench/python.sh $(abs_top_builddir)
	$(BENCH_MPI)
.PHONY: bench
