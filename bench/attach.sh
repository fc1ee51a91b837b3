#!/bin/sh
# bench/attach.sh BUILDDIR: what sampling a running process from outside
# costs it: computepi-plain (one thread, CPU-bound), plain, under `cprof -p`
# (perf_event, 16 KiB of stack a sample, unwound by cprof afterwards),
# under `perf record -F 1000 --call-graph dwarf -p` (the same mechanism: 8
# KiB a sample, unwound when perf report runs) and `perf record -F 1000 -g
# -p` (frame pointers, which these binaries lack: its stacks stop short).
# Each attaches as the kernel starts and ends with it; RUNS runs (default
# 5), the variants taking turns, the median wall time kept, with the CPU
# time the profiler itself used (user + system, its report included).
#
# Needs: linux-perf (perf) for its rows.
set -eu
B=${1:?usage: attach.sh BUILDDIR}
RUNS=${RUNS:-5}
TRIALS=${TRIALS:-1000000000}
KERNEL="$B/kernels/computepi-plain"
. "$(dirname "$0")/lib.sh"

# under PROFILER...: the kernel started, the profiler attached to it, both
# waited for; the profiler's CPU time appended to $OUT/cpu
under() {
	"$KERNEL" "$TRIALS" > /dev/null &
	pid=$!
	/usr/bin/time -f '%U %S' -a -o "$OUT/../$name.cpu" "$@" -p "$pid" > /dev/null 2>&1 || true
	wait "$pid"
}
r=0
while [ $r -lt "$RUNS" ]; do
	timed plain "$KERNEL" "$TRIALS"
	name=cprof timed cprof under "$B/src/cprof" -o "$WORK/cprof.pstats"
	if command -v perf > /dev/null; then
		name=perf-dwarf timed perf-dwarf under perf record -q -F 1000 --call-graph dwarf -o "$WORK/perf-dwarf.data"
		name=perf-fp timed perf-fp under perf record -q -F 1000 -g -o "$WORK/perf-fp.data"
	fi
	r=$((r + 1))
done
plain=$(median plain)
cpu() { awk '{ print $1 + $2 }' "$WORK/$1.cpu" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] + 0 }'; }
echo "computepi-plain $TRIALS (single thread), a profiler attached from its start; median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-40s %8s %9s %14s\n' variant seconds slowdown "profiler CPU s"
printf '%-40s %8.3f %9s %14s\n' plain "$plain" - -
for v in cprof perf-dwarf perf-fp; do
	[ -f "$WORK/$v.times" ] || continue
	case $v in
	cprof) label="cprof -p (perf_event, 16 KiB stacks)" ;;
	perf-dwarf) label="perf record --call-graph dwarf -p" ;;
	perf-fp) label="perf record -g -p" ;;
	esac
	awk -v l="$label" -v t="$(median $v)" -v p="$plain" -v c="$(cpu $v)" \
		'BEGIN { printf "%-40s %8.3f %8.2f%% %14.3f\n", l, t, (t / p - 1) * 100, c }'
done
