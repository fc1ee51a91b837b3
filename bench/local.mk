# bench/: side-by-side measurements against the peers; `make bench` builds
# the kernels in each form and runs them.  Figures go in docs/PERFORMANCE.md.
EXTRA_PROGRAMS = bench/calls-plain bench/calls-trace bench/calls-pg
bench_calls_plain_SOURCES = bench/calls.c
bench_calls_plain_CFLAGS = -g -O2
bench_calls_trace_SOURCES = bench/calls.c
bench_calls_trace_CFLAGS = -g -O2 -finstrument-functions
bench_calls_pg_SOURCES = bench/calls.c
bench_calls_pg_CFLAGS = -g -O2 -pg
bench_calls_pg_LDFLAGS = -pg
CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/trace.sh

bench: all $(EXTRA_PROGRAMS)
	$(SHELL) $(srcdir)/bench/trace.sh $(abs_top_builddir)
.PHONY: bench
