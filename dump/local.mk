# The inspector: cprof-dump stops a running process for as long as its
# stacks take to copy (ptrace), and names them after it has gone on.  It
# uses the analysis for naming (demangling) and for merging the stacks.
bin_PROGRAMS += src/cprof-dump
src_cprof_dump_SOURCES = src/cprof-dump.c \
	dump/freeze.c dump/freeze.h \
	dump/native.c dump/native.h \
	dump/pyframes.c dump/pyframes.h
src_cprof_dump_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis -I$(top_srcdir)/dump $(LIBDW_CFLAGS)
src_cprof_dump_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
src_cprof_dump_LDFLAGS = $(SAN_CFLAGS)
src_cprof_dump_LDADD = analysis/libcprof-analysis.la $(LIBDW_LIBS)
