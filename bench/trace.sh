#!/bin/sh
# bench/trace.sh BUILDDIR: what exact tracing costs per call, for cprof and
# its peers, on bench/calls (3N small calls) in one run.  Each variant runs
# RUNS times (default 5); the median wall time is kept.  Overhead per call =
# (median - median of the plain build) / calls.
#
#   plain       gcc -O2, no instrumentation
#   hooks only  -finstrument-functions, glibc's empty hooks (no profiler)
#   cprof       -finstrument-functions under cprof's runtime (recording only)
#   cprof+report  the whole `cprof -o FILE` command, report written
#   gprof       gcc -pg: mcount and the profil histogram, gmon.out written
#   uftrace     `uftrace record` of the -finstrument-functions build
#   uftrace -pg `uftrace record` of the -pg build
set -eu
B=${1:?usage: trace.sh BUILDDIR}
N=${N:-3000000}
RUNS=${RUNS:-5}
CALLS=$((3 * N + 1))
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RUNTIME="$B/preload/.libs/libcprof.so"

now() { date +%s.%N; }

# median_time COMMAND...: the median wall time of RUNS runs, in seconds
median_time() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf "$WORK/out" && mkdir "$WORK/out"
		t0=$(now)
		(cd "$WORK/out" && "$@") > /dev/null 2>&1
		t1=$(now)
		echo "$t0 $t1" | awk '{ printf "%.6f\n", $2 - $1 }'
		i=$((i + 1))
	done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

echo "bench/calls $N: $CALLS calls; median of $RUNS runs; $(nproc) CPUs, $(uname -r)"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
plain=$(median_time "$B/bench/calls-plain" "$N")
printf '%-14s %9s %14s %10s\n' variant seconds "ns/call added" "vs cprof"
row() { # NAME SECONDS
	awk -v name="$1" -v t="$2" -v plain="$plain" -v calls="$CALLS" -v ref="${cprof_ns:-}" 'BEGIN {
		ns = (t - plain) / calls * 1e9
		ratio = (name != "plain" && ref > 0) ? sprintf("%.1fx", ns / ref) : "-"
		printf "%-14s %9.3f %14.1f %10s\n", name, t, ns, ratio }'
}
t=$(median_time env CPROF_DIR="$WORK/out" LD_PRELOAD="$RUNTIME" "$B/bench/calls-trace" "$N")
cprof_ns=$(echo "$t $plain $CALLS" | awk '{ printf "%.3f", ($1 - $2) / $3 * 1e9 }')
row plain "$plain"
row "hooks only" "$(median_time "$B/bench/calls-trace" "$N")"
row cprof "$t"
row "cprof+report" "$(median_time "$B/src/cprof" -o "$WORK/out/p.pstats" "$B/bench/calls-trace" "$N")"
row gprof "$(median_time "$B/bench/calls-pg" "$N")"
if command -v uftrace > /dev/null; then
	row uftrace "$(median_time uftrace record -d "$WORK/out/u" "$B/bench/calls-trace" "$N")"
	row "uftrace -pg" "$(median_time uftrace record -d "$WORK/out/u" "$B/bench/calls-pg" "$N")"
else
	echo "uftrace: not installed (apt-get install uftrace)"
fi
