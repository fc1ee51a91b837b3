# The inspector: looking at a running process from outside.  cprof-dump
# stops it for as long as its stacks take to copy (ptrace) and names them
# after it has gone on; cprof -p samples it with perf_event, never stopping
# it, into a raw profile.  It uses the analysis for naming (demangling) and
# for merging the stacks.
noinst_LTLIBRARIES += dump/libcprof-dump.la
dump_libcprof_dump_la_SOURCES = dump/freeze.c dump/freeze.h \
	dump/native.c dump/native.h \
	dump/pyframes.c dump/pyframes.h \
	dump/attach.c dump/attach.h \
	dump/rawout.c dump/rawout.h \
	dump/proc.c dump/proc.h \
	dump/askrun.c dump/askrun.h
dump_libcprof_dump_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis $(LIBDW_CFLAGS)
dump_libcprof_dump_la_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
dump_libcprof_dump_la_LIBADD = analysis/libcprof-analysis.la $(LIBDW_LIBS)
bin_PROGRAMS += src/cprof-dump
src_cprof_dump_SOURCES = src/cprof-dump.c
src_cprof_dump_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis -I$(top_srcdir)/dump
src_cprof_dump_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
src_cprof_dump_LDFLAGS = $(SAN_CFLAGS)
src_cprof_dump_LDADD = dump/libcprof-dump.la
