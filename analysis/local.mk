# The analysis: read raw profiles, symbolize, aggregate, report.  A library
# of its own, used by the commands and by the unit tests.
noinst_LTLIBRARIES += analysis/libcprof-analysis.la
analysis_libcprof_analysis_la_SOURCES = \
	analysis/analysis.c analysis/analysis.h \
	analysis/inputs.c analysis/inputs.h \
	analysis/rawfile.c analysis/rawfile.h \
	analysis/symbols.c analysis/symbols.h \
	analysis/symindex.c analysis/symindex.h \
	analysis/demangle.c analysis/demangle.h \
	analysis/ehframe.c analysis/ehframe.h \
	analysis/stats.c analysis/stats.h \
	analysis/profile.c analysis/profile.h \
	analysis/report.c analysis/report.h \
	analysis/pstats.c analysis/pstats.h \
	analysis/mpi.c analysis/mpi.h \
	analysis/text.c analysis/text.h \
	analysis/util.c analysis/util.h
analysis_libcprof_analysis_la_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS) $(LIBDW_CFLAGS) $(LIBELF_CFLAGS)
analysis_libcprof_analysis_la_LIBADD = $(LIBDW_LIBS) $(LIBELF_LIBS) $(DEMANGLE_LIBS)
# The HTML report's viewer: the template that the report writer fills
EXTRA_DIST += analysis/viewer/viewer.html
