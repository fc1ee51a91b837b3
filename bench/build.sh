#!/bin/sh
# bench/build.sh BUILDDIR: what cprof costs a parallel build, report
# included (many short processes, each of whose functions the report
# names): FILES (default 80) C files of a few functions each, including
# the C library's headers, compiled with `make -j2`, plain, under cprof
# (the report on standard error, made before cprof ends), and under
# `perf record -g` followed by `perf report`.  Each runs RUNS times
# (default 5), the variants taking turns; the median wall time is kept.
#
# Needs: gcc, make; linux-perf (perf) for its row.
set -eu
B=${1:?usage: build.sh BUILDDIR}
RUNS=${RUNS:-5}
FILES=${FILES:-80}
. "$(dirname "$0")/lib.sh"

PROJ="$WORK/proj"
mkdir "$PROJ"
i=1
objs=
while [ $i -le "$FILES" ]; do
	cat > "$PROJ/f$i.c" << EOF
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct s$i { int a[16]; double d; char name[32]; };
static int cmp$i(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
double work$i(int n)
{
	struct s$i *v = calloc((size_t)n, sizeof *v);
	double t = 0;
	for (int k = 0; k < n; k++) {
		v[k].d = sqrt((double)k * $i);
		snprintf(v[k].name, sizeof v[k].name, "n%d", k);
		qsort(v[k].a, 16, sizeof(int), cmp$i);
		t += v[k].d + (double)strlen(v[k].name);
	}
	free(v);
	return t;
}
EOF
	objs="$objs f$i.o"
	i=$((i + 1))
done
printf 'all:%s\n%%.o: %%.c\n\tgcc -O2 -c $< -o $@\n' "$objs" > "$PROJ/Makefile"

build() { rm -f "$PROJ"/*.o && make -s -C "$PROJ" -j2; }
cprof_build() { rm -f "$PROJ"/*.o && "$B/src/cprof" make -s -C "$PROJ" -j2; }
perf_build() {
	rm -f "$PROJ"/*.o && perf record -q -g -o "$OUT/perf.data" make -s -C "$PROJ" -j2 &&
		perf report -i "$OUT/perf.data" --stdio > /dev/null 2>&1
}

r=0
while [ $r -lt "$RUNS" ]; do
	timed plain build
	timed cprof cprof_build
	command -v perf > /dev/null && timed perf perf_build
	r=$((r + 1))
done

echo "make -j2 of $FILES C files; median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-28s %8s %8s\n' variant seconds ratio
plain=$(median plain)
for v in plain cprof perf; do
	[ -f "$WORK/$v.times" ] || continue
	case $v in
	cprof) name="cprof make -j2 (report)" ;;
	perf) name="perf record -g + report" ;;
	*) name=plain ;;
	esac
	awk -v n="$name" -v t="$(median $v)" -v p="$plain" 'BEGIN { printf "%-28s %8.3f %7.2fx\n", n, t, t / p }'
done
