# libcprof.so: the runtime that cprof preloads into every process.
pkglib_LTLIBRARIES += preload/libcprof.la
preload_libcprof_la_SOURCES = \
	preload/runtime.c preload/runtime-int.h \
	preload/components.c preload/component.h \
	preload/thread.c preload/thread.h preload/thread-life.c \
	preload/trace.c preload/trace.h \
	preload/cct.c preload/cct.h preload/frame.h \
	preload/sample.c preload/sample-int.h preload/offcpu.c \
	preload/unwind.c preload/unwind.h \
	preload/coderange.c preload/coderange.h \
	preload/fds.c \
	preload/block.c \
	preload/writer.c \
	preload/modules.c \
	preload/publish.c preload/publish.h \
	preload/rawbuf.c preload/rawbuf.h \
	preload/maps.c preload/maps.h \
	preload/proc.c preload/proc.h \
	preload/nodefile.c \
	preload/settings.c \
	preload/sigmask.c \
	preload/service.c \
	preload/dump.c \
	preload/signals.c \
	preload/exec.c \
	preload/clock.c preload/clock.h \
	preload/fmt.c preload/fmt.h \
	preload/count.c \
	common/countspec.c common/countspec.h \
	preload/python.c preload/python-int.h \
	preload/pytrace.c \
	preload/pysample.c \
	preload/pyprogram.c \
	preload/pystack.c \
	preload/named.c \
	preload/api.c \
	common/uprobe.c common/uprobe.h
# Hidden by default: only the hooks and the interposed libc functions, marked
# CPROF_EXPORT, are seen.  Never instrumented, never sanitized: it runs inside
# the programs it profiles.
preload_libcprof_la_CFLAGS = $(AM_CFLAGS) $(LIBUNWIND_CFLAGS) -fvisibility=hidden -fno-instrument-functions -O2
preload_libcprof_la_LDFLAGS = -module -avoid-version -shared -Wl,--no-undefined -Wl,-z,nodelete
preload_libcprof_la_LIBADD = $(LIBUNWIND_LIBS) -ldl -lrt

# The runtime's pure code built once more, as a library for its unit tests
# (tests/unit/check_fmt and the rest): no constructor, no LD_PRELOAD,
# nothing that reaches the rest of the runtime; built with the sanitizers
# when they are on, as the runtime never is.
check_LTLIBRARIES += preload/libcprof-units.la
preload_libcprof_units_la_SOURCES = \
	preload/fmt.c preload/fmt.h \
	preload/rawbuf.c preload/rawbuf.h \
	preload/maps.c preload/maps.h \
	preload/proc.c preload/proc.h \
	preload/cct.c preload/cct.h preload/frame.h \
	common/countspec.c common/countspec.h
preload_libcprof_units_la_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
