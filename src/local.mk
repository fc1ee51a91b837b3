# The commands.
bin_PROGRAMS += src/cprof src/cprof-report
src_cprof_SOURCES = src/cprof.c src/launcher.c src/launcher.h src/mpijob.c src/mpijob.h src/outdir.c src/outdir.h common/uprobe.c common/uprobe.h \
	common/countspec.c common/countspec.h
nodist_src_cprof_SOURCES = src/paths.h
src_cprof_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis -I$(top_srcdir)/dump -I$(top_builddir)/src
src_cprof_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
src_cprof_LDFLAGS = $(SAN_CFLAGS)
src_cprof_LDADD = dump/libcprof-dump.la
src_cprof_report_SOURCES = src/cprof-report.c
src_cprof_report_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis
src_cprof_report_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
src_cprof_report_LDFLAGS = $(SAN_CFLAGS)
src_cprof_report_LDADD = analysis/libcprof-analysis.la

# Where make install puts the runtime, for cprof to find it; made anew when
# configure changes the prefix.
BUILT_SOURCES += src/paths.h
CLEANFILES += src/paths.h
src/paths.h: Makefile
	$(AM_V_GEN)$(MKDIR_P) src && echo '#define PKGLIBDIR "$(pkglibdir)"' > $@

# cprof-mpi: the same launcher, for each rank under an MPI launcher.
if HAVE_MPI
bin_PROGRAMS += src/cprof-mpi
src_cprof_mpi_SOURCES = $(src_cprof_SOURCES)
nodist_src_cprof_mpi_SOURCES = src/paths.h
src_cprof_mpi_CPPFLAGS = $(src_cprof_CPPFLAGS) -DCPROF_MPI=1
src_cprof_mpi_CFLAGS = $(src_cprof_CFLAGS)
src_cprof_mpi_LDFLAGS = $(src_cprof_LDFLAGS)
src_cprof_mpi_LDADD = $(src_cprof_LDADD)
endif
