# The analysis: read raw profiles, symbolize, aggregate, report.  A library
# of its own, used by the commands and by the unit tests.
noinst_LTLIBRARIES += analysis/libcprof-analysis.la
analysis_libcprof_analysis_la_SOURCES = \
	analysis/analysis.c analysis/analysis.h \
	analysis/inputs.c analysis/inputs.h \
	analysis/rawfile.c analysis/rawfile.h \
	analysis/nodefile.c analysis/nodefile.h \
	analysis/symbols.c analysis/symbols.h \
	analysis/symindex.c analysis/symindex.h \
	analysis/demangle.c analysis/demangle.h \
	analysis/ehframe.c analysis/ehframe.h \
	analysis/stats.c analysis/stats.h \
	analysis/profile.c analysis/profile.h \
	analysis/tree.c analysis/tree.h \
	analysis/model.c analysis/model.h \
	analysis/notes.c analysis/notes.h \
	analysis/output.c analysis/output.h \
	analysis/out_text.c analysis/out_pstats.c analysis/out_folded.c \
	analysis/out_speedscope.c analysis/out_html.c \
	analysis/json.c analysis/json.h \
	analysis/ranks.c analysis/ranks.h \
	analysis/stacks.c analysis/stacks.h \
	analysis/report.c analysis/report.h \
	analysis/pstats.c analysis/pstatsread.c analysis/pstats.h \
	analysis/diff.c analysis/diff.h \
	analysis/compare.c analysis/compare.h \
	analysis/mpi.c analysis/mpi.h \
	analysis/text.c analysis/text.h \
	analysis/util.c analysis/util.h
analysis_libcprof_analysis_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(builddir)/analysis
analysis_libcprof_analysis_la_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS) $(LIBDW_CFLAGS) $(LIBELF_CFLAGS)
analysis_libcprof_analysis_la_LIBADD = $(LIBDW_LIBS) $(LIBELF_LIBS) $(DEMANGLE_LIBS)

# the HTML report's viewer, built into the analysis
nodist_analysis_libcprof_analysis_la_SOURCES = analysis/viewer.inc
BUILT_SOURCES += analysis/viewer.inc
CLEANFILES += analysis/viewer.inc
EXTRA_DIST += analysis/viewer/viewer.html analysis/embed.sh
analysis/viewer.inc: $(srcdir)/analysis/viewer/viewer.html $(srcdir)/analysis/embed.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/analysis/embed.sh $(srcdir)/analysis/viewer/viewer.html >$@.tmp && mv $@.tmp $@
