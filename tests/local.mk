# make check: Check unit tests of the analysis and of the runtime's pure
# code, and integration tests that run real programs under cprof.  Every
# test program speaks TAP.
TEST_PROG_FLAGS = -g -O2 -finstrument-functions
check_PROGRAMS += tests/progs/exits tests/progs/threads tests/progs/recurse tests/progs/io \
	tests/progs/race tests/progs/jump tests/progs/early \
	tests/progs/blocking tests/progs/ownsig tests/progs/forks tests/progs/counts tests/progs/loader \
	tests/progs/fds tests/progs/kernel tests/progs/masks tests/progs/reload tests/progs/dumpee tests/progs/snapshot
tests_progs_exits_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_race_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_jump_CFLAGS = $(AM_CFLAGS) -g -O0 -finstrument-functions
# early links a shared library that starts programs from its constructor
check_LTLIBRARIES += tests/progs/libearly.la tests/progs/libreload-a.la tests/progs/libreload-b.la
tests_progs_libreload_a_la_SOURCES = tests/progs/libreload.c
tests_progs_libreload_a_la_CFLAGS = $(AM_CFLAGS) -O2 -DFRAME=8192
tests_progs_libreload_a_la_LDFLAGS = -rpath /nowhere -avoid-version -module
tests_progs_libreload_b_la_SOURCES = tests/progs/libreload.c
tests_progs_libreload_b_la_CFLAGS = $(AM_CFLAGS) -O2 -DFRAME=256
tests_progs_libreload_b_la_LDFLAGS = -rpath /nowhere -avoid-version -module
tests_progs_reload_LDADD = -ldl
tests_progs_libearly_la_SOURCES = tests/progs/libearly.c
tests_progs_libearly_la_LDFLAGS = -rpath /nowhere -avoid-version
tests_progs_early_LDADD = tests/progs/libearly.la
tests_progs_early_LDFLAGS = -no-install
tests_progs_threads_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_recurse_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_io_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
# counts is not instrumented: uprobes count its calls
tests_progs_counts_CFLAGS = $(AM_CFLAGS) -g -Wno-missing-prototypes
tests_progs_counts_LDADD = -lpthread
tests_progs_loader_LDADD = -lpthread -ldl
tests_progs_masks_LDADD = -lpthread -ldl
tests_progs_fds_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_dumpee_CFLAGS = $(AM_CFLAGS) -g
tests_progs_snapshot_CFLAGS = $(AM_CFLAGS) $(TEST_PROG_FLAGS)
tests_progs_snapshot_LDADD = -lpthread

# MPI: mpiend and mpitypes, built with each MPI; the MPI kernel built as a
# library (its main renamed), which mpilate loads after it has started,
# RTLD_LOCAL, as Python loads mpi4py
if HAVE_MPI
check_PROGRAMS += tests/progs/mpilate
tests_progs_mpilate_LDADD = -ldl
MPILATE_CFLAGS = $(AM_CFLAGS) $(KERNEL_FLAGS) -Wno-missing-prototypes
MPILATE_LDFLAGS = -rpath /nowhere -module -avoid-version -shared
endif
if HAVE_OPENMPI
check_PROGRAMS += tests/progs/mpiend tests/progs/mpihang tests/progs/mpitypes
tests_progs_mpitypes_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
tests_progs_mpitypes_LDADD = $(OPENMPI_LIBS)
tests_progs_mpihang_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
tests_progs_mpihang_CFLAGS = $(AM_CFLAGS) -g
tests_progs_mpihang_LDADD = $(OPENMPI_LIBS)
tests_progs_mpiend_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS)
tests_progs_mpiend_CFLAGS = $(AM_CFLAGS) -g
tests_progs_mpiend_LDADD = $(OPENMPI_LIBS)
check_LTLIBRARIES += tests/progs/libmpilate-openmpi.la
tests_progs_libmpilate_openmpi_la_SOURCES = kernels/mpi.c
tests_progs_libmpilate_openmpi_la_CPPFLAGS = $(AM_CPPFLAGS) $(OPENMPI_CFLAGS) -Dmain=kernel_main
tests_progs_libmpilate_openmpi_la_CFLAGS = $(MPILATE_CFLAGS)
tests_progs_libmpilate_openmpi_la_LDFLAGS = $(MPILATE_LDFLAGS)
tests_progs_libmpilate_openmpi_la_LIBADD = $(OPENMPI_LIBS)
endif
if HAVE_MPICH
check_PROGRAMS += tests/progs/mpiend-mpich tests/progs/mpihang-mpich tests/progs/mpitypes-mpich
tests_progs_mpitypes_mpich_SOURCES = tests/progs/mpitypes.c
tests_progs_mpitypes_mpich_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS)
tests_progs_mpitypes_mpich_LDADD = $(MPICH_LIBS)
tests_progs_mpihang_mpich_SOURCES = tests/progs/mpihang.c
tests_progs_mpihang_mpich_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS)
tests_progs_mpihang_mpich_CFLAGS = $(AM_CFLAGS) -g
tests_progs_mpihang_mpich_LDADD = $(MPICH_LIBS)
tests_progs_mpiend_mpich_SOURCES = tests/progs/mpiend.c
tests_progs_mpiend_mpich_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS)
tests_progs_mpiend_mpich_CFLAGS = $(AM_CFLAGS) -g
tests_progs_mpiend_mpich_LDADD = $(MPICH_LIBS)
check_LTLIBRARIES += tests/progs/libmpilate-mpich.la
tests_progs_libmpilate_mpich_la_SOURCES = kernels/mpi.c
tests_progs_libmpilate_mpich_la_CPPFLAGS = $(AM_CPPFLAGS) $(MPICH_CFLAGS) -Dmain=kernel_main
tests_progs_libmpilate_mpich_la_CFLAGS = $(MPILATE_CFLAGS)
tests_progs_libmpilate_mpich_la_LDFLAGS = $(MPILATE_LDFLAGS)
tests_progs_libmpilate_mpich_la_LIBADD = $(MPICH_LIBS)
endif

INTEGRATION_TESTS = \
	tests/kernels.sh \
	tests/launcher.sh \
	tests/files.sh \
	tests/exits.sh \
	tests/threads.sh \
	tests/recursion.sh \
	tests/longjmp.sh \
	tests/reload.sh \
	tests/layers.sh \
	tests/sampling.sh \
	tests/fds.sh \
	tests/messages.sh \
	tests/count.sh \
	tests/python.sh \
	tests/mpi.sh \
	tests/mpich.sh \
	tests/batch.sh \
	tests/pstats.sh \
	tests/compilers.sh \
	tests/names.sh \
	tests/bad-input.sh \
	tests/terminal.sh \
	tests/outputs.sh \
	tests/snapshot.sh \
	tests/diff.sh \
	tests/dump.sh \
	tests/dumprun.sh \
	tests/attach.sh \
	tests/pylayout.sh \
	tests/browser.sh
TESTS += $(INTEGRATION_TESTS)
EXTRA_DIST += $(INTEGRATION_TESTS) tests/layers.py tests/browser/speedscope-schema.js tests/progs/mpif.f90 tests/progs/shapes.cc tests/tap.sh tests/pstats_print.py tests/share.py tests/pstats_compare.py \
	tests/python/cases.py tests/python/threads.py tests/python/ends.py \
	tests/python/native.py tests/python/shares.py tests/python/imports.py tests/python/escapes.py \
	tests/python/forked.py tests/python/wide.py tests/python/reused.py tests/python/hang.py tests/python/snapshot.py tests/python/audited.py tests/python/own_profiler.py tests/pylayout.c \
	tests/browser/package.json tests/browser/package-lock.json tests/browser/make-sample.js tests/browser/viewer.test.js \
	tests/browser/open-time.js

if HAVE_CHECK
UNIT_TESTS = tests/unit/check_stats tests/unit/check_report tests/unit/check_rawfile tests/unit/check_pstats \
	tests/unit/check_text tests/unit/check_fuzz tests/unit/check_names tests/unit/check_profile \
	tests/unit/check_symindex tests/unit/check_tree tests/unit/check_pstatsread tests/unit/check_diff
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
UNIT_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/analysis -I$(top_srcdir)/tests/unit
UNIT_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = analysis/libcprof-analysis.la $(CHECK_LIBS)
tests_unit_check_stats_SOURCES = tests/unit/check_stats.c tests/unit/lookup.h tests/unit/tap.c tests/unit/tap.h
tests_unit_check_stats_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_stats_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_stats_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_stats_LDADD = $(UNIT_LDADD)
tests_unit_check_report_SOURCES = tests/unit/check_report.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_report_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_report_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_report_LDADD = $(UNIT_LDADD)
tests_unit_check_rawfile_SOURCES = tests/unit/check_rawfile.c tests/unit/rawbuild.c tests/unit/rawbuild.h \
	tests/unit/tap.c tests/unit/tap.h
tests_unit_check_rawfile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_rawfile_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_rawfile_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_rawfile_LDADD = $(UNIT_LDADD)
tests_unit_check_pstats_SOURCES = tests/unit/check_pstats.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_pstats_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_pstats_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_pstats_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_pstats_LDADD = $(UNIT_LDADD)
tests_unit_check_pstatsread_SOURCES = tests/unit/check_pstatsread.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_pstatsread_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_pstatsread_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_pstatsread_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_pstatsread_LDADD = $(UNIT_LDADD)
tests_unit_check_diff_SOURCES = tests/unit/check_diff.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_diff_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_diff_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_diff_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_diff_LDADD = $(UNIT_LDADD)
tests_unit_check_text_SOURCES = tests/unit/check_text.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_text_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_text_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_text_LDADD = $(UNIT_LDADD)
tests_unit_check_names_SOURCES = tests/unit/check_names.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_names_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_names_CFLAGS = $(UNIT_CFLAGS) $(LIBDW_CFLAGS)
tests_unit_check_names_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_names_LDADD = $(UNIT_LDADD) $(LIBDW_LIBS)
tests_unit_check_symindex_SOURCES = tests/unit/check_symindex.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_symindex_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_symindex_CFLAGS = $(UNIT_CFLAGS) $(LIBDW_CFLAGS)
tests_unit_check_symindex_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_symindex_LDADD = $(UNIT_LDADD) $(LIBDW_LIBS) $(LIBELF_LIBS)
tests_unit_check_tree_SOURCES = tests/unit/check_tree.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_tree_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_tree_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tree_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_tree_LDADD = $(UNIT_LDADD)
tests_unit_check_profile_SOURCES = tests/unit/check_profile.c tests/unit/lookup.h tests/unit/rawbuild.c tests/unit/rawbuild.h \
	tests/unit/tap.c tests/unit/tap.h
tests_unit_check_profile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_profile_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_profile_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_profile_LDADD = $(UNIT_LDADD)
# the fuzzer: make check runs it on the profiles it builds; bad-input.sh
# on one the runtime wrote
tests_unit_check_fuzz_SOURCES = tests/unit/check_fuzz.c tests/unit/rawbuild.c tests/unit/rawbuild.h \
	tests/unit/tap.c tests/unit/tap.h
tests_unit_check_fuzz_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_check_fuzz_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_fuzz_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_fuzz_LDADD = $(UNIT_LDADD)
# The runtime's pure code, from preload/libcprof-units.la
PRELOAD_UNIT_TESTS = tests/unit/check_fmt tests/unit/check_maps tests/unit/check_countspec \
	tests/unit/check_cct tests/unit/check_rawbuf tests/unit/check_proc
check_PROGRAMS += $(PRELOAD_UNIT_TESTS)
TESTS += $(PRELOAD_UNIT_TESTS)
PRELOAD_UNIT_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/preload -I$(top_srcdir)/tests/unit
PRELOAD_UNIT_LDADD = preload/libcprof-units.la $(CHECK_LIBS)
tests_unit_check_fmt_SOURCES = tests/unit/check_fmt.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_fmt_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_fmt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_fmt_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_fmt_LDADD = $(PRELOAD_UNIT_LDADD)
tests_unit_check_maps_SOURCES = tests/unit/check_maps.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_maps_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_maps_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_maps_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_maps_LDADD = $(PRELOAD_UNIT_LDADD)
tests_unit_check_countspec_SOURCES = tests/unit/check_countspec.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_countspec_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_countspec_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_countspec_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_countspec_LDADD = $(PRELOAD_UNIT_LDADD)
tests_unit_check_cct_SOURCES = tests/unit/check_cct.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_cct_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_cct_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_cct_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_cct_LDADD = $(PRELOAD_UNIT_LDADD)
tests_unit_check_rawbuf_SOURCES = tests/unit/check_rawbuf.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_rawbuf_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_rawbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_rawbuf_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_rawbuf_LDADD = $(PRELOAD_UNIT_LDADD)
tests_unit_check_proc_SOURCES = tests/unit/check_proc.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_proc_CPPFLAGS = $(PRELOAD_UNIT_CPPFLAGS)
tests_unit_check_proc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_proc_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_proc_LDADD = $(PRELOAD_UNIT_LDADD)
# libcprof-mpi.so's trampolines, where they are built
if HAVE_MPI
check_PROGRAMS += tests/unit/check_trampoline
TESTS += tests/unit/check_trampoline
tests_unit_check_trampoline_SOURCES = tests/unit/check_trampoline.c tests/unit/tap.c tests/unit/tap.h
tests_unit_check_trampoline_CPPFLAGS = $(UNIT_CPPFLAGS) -I$(top_srcdir)/mpi_wrap
tests_unit_check_trampoline_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_trampoline_LDFLAGS = $(SAN_CFLAGS)
tests_unit_check_trampoline_LDADD = $(CHECK_LIBS)
endif
endif

LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_EXTENSIONS = .sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = top_builddir='$(abs_top_builddir)' top_srcdir='$(abs_top_srcdir)' TEST_SHELL='$(SHELL)'; \
	CXX='$(CXX)'; export top_builddir top_srcdir TEST_SHELL CXX; $(SAN_TESTS_ENVIRONMENT)
# Built with the sanitizers, a test fails at the first finding, and
# tap.sh fails a script whose commands found anything: UBSan stops the
# process as ASan does (it would go on otherwise) and, as GCC's UBSan
# writes its reports to stderr whatever log_path says, aborts, which ASan
# reports with the finding's stack where log_path says.
if SANITIZERS
SAN_TESTS_ENVIRONMENT = ASAN_OPTIONS='detect_leaks=1:handle_abort=1:strict_string_checks=1'; \
	UBSAN_OPTIONS='halt_on_error=1:abort_on_error=1:print_stacktrace=1'; export ASAN_OPTIONS UBSAN_OPTIONS;
endif
