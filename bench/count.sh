#!/bin/sh
# bench/count.sh BUILDDIR: what an exact call count with a uprobe costs, for
# cprof --count and for its peer, perf stat on the same probes, in one run:
# bench/calls-plain N (3N calls of mid and leaf), plain, under
# `cprof -F 0 --count=mid,leaf`, and under `perf stat -e` two perf-probe
# events on the same functions.  Each runs RUNS times (default 3), the
# variants taking turns; the median wall time is kept.  Prints the time each
# counted call added, and checks the counts.
#
# Needs: root (uprobes), linux-perf (perf).
set -eu
B=${1:?usage: count.sh BUILDDIR}
RUNS=${RUNS:-3}
N=${N:-100000}
PROG="$B/bench/calls-plain"
CALLS=$((3 * N))
. "$(dirname "$0")/lib.sh"
trap 'perf probe -q -d "probe_calls:*" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cp "$PROG" "$WORK/calls" # perf probe names its group after the file
perf probe -q -x "$WORK/calls" mid && perf probe -q -x "$WORK/calls" leaf
for i in $(seq "$RUNS"); do
	timed plain "$WORK/calls" "$N"
	timed cprof "$B/src/cprof" -F 0 --count=mid,leaf "$WORK/calls" "$N"
	timed perf perf stat -x, -e probe_calls:mid -e probe_calls:leaf "$WORK/calls" "$N"
done
got_cprof=$(awk '/\((mid|leaf)\)$/ { n += $1 } END { print n + 0 }' "$WORK/cprof.out")
got_perf=$(awk -F, '/probe_calls:/ { n += $1 } END { print n + 0 }' "$WORK/perf.out")

echo "calls-plain $N ($CALLS counted calls of mid and leaf); median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-34s %8s %8s %10s\n' variant seconds counted us/call
plain=$(median plain)
printf '%-34s %8.3f %8s %10s\n' plain "$plain" - -
for v in cprof perf; do
	case $v in
	cprof) label="cprof -F 0 --count=mid,leaf" got=$got_cprof ;;
	perf) label="perf stat -e probe_calls:{mid,leaf}" got=$got_perf ;;
	esac
	printf '%-34s %8.3f %8s %10.2f\n' "$label" "$(median $v)" "$got" \
		"$(awk -v t="$(median $v)" -v p="$plain" -v c="$CALLS" 'BEGIN { print (t - p) / c * 1e6 }')"
done
