#!/bin/sh
# bench/snapshot.sh BUILDDIR: what --snapshot costs a call-heavy program:
# bench/calls-trace N (3N calls, default N 50000000: some seconds) under
# cprof's runtime, sampling off, without snapshots and with one every
# second (CPROF_SNAPSHOT=1), the variants taking turns, RUNS times (default
# 5); the median of each, of its wall time and of its CPU time (user and
# system, the runtime's thread's too: /usr/bin/time), which the load of a
# shared machine disturbs less.  Prints the time a snapshot adds, how
# long the runtime's thread took to write one, and how long it held the
# program's thread (which waits, at its next traced call, while its tree is
# written).  BASE=BUILDDIR
# adds another build's runtime, without snapshots, to each round: what the
# hooks' part in snapshots (thread.h's edits) costs per call.
set -eu
B=${1:?usage: snapshot.sh BUILDDIR}
N=${N:-50000000}
RUNS=${RUNS:-5}
BASE=${BASE:-}
CALLS=$((3 * N + 1))
. "$(dirname "$0")/lib.sh"

run() { # NAME RUNTIME [VAR=VALUE...]: bench/calls-trace under it, its CPU time to NAME.cpu
	cpu="$WORK/$1.cpu" lib=$2
	shift 2
	/usr/bin/time -a -o "$cpu" -f '%U %S' env CPROF_DIR="$OUT" CPROF_HZ=0 LD_PRELOAD="$lib" "$@" \
		"$B/bench/calls-trace" "$N"
}
# cpu NAME: the median of NAME's CPU times
cpu() { awk '{ print $1 + $2 }' "$WORK/$1.cpu" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

i=0
while [ $i -lt "$RUNS" ]; do
	[ -z "$BASE" ] || timed base run base "$BASE/preload/.libs/libcprof.so"
	timed none run none "$B/preload/.libs/libcprof.so"
	timed snapshot run snapshot "$B/preload/.libs/libcprof.so" CPROF_SNAPSHOT=1 CPROF_DEBUG=2
	sed -n 's/.*snapshot taken in \([0-9]*\) us.*/\1/p' "$WORK/snapshot.out" >> "$WORK/snapshot.us"
	sed -n 's/.*snapshot taken in .* held \([0-9]*\) us.*/\1/p' "$WORK/snapshot.out" >> "$WORK/held.us"
	{ grep -c 'snapshot taken in' "$WORK/snapshot.out" || :; } >> "$WORK/snapshot.count"
	i=$((i + 1))
done

echo "bench/calls-trace $N: $CALLS calls, sampling off; median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-22s %9s %10s %9s %10s\n' variant seconds "vs none" "CPU s" "vs none"
none=$(median none)
row() { # NAME SECONDS CPU
	awk -v name="$1" -v t="$2" -v none="$none" -v c="$3" -v cnone="$(cpu none)" \
		'BEGIN { printf "%-22s %9.3f %+9.2f%% %9.3f %+9.2f%%\n", name, t, (t - none) / none * 100, c, (c - cnone) / cnone * 100 }'
}
[ -z "$BASE" ] || row "base (no edits)" "$(median base)" "$(cpu base)"
row "none" "$none" "$(cpu none)"
row "--snapshot=1" "$(median snapshot)" "$(cpu snapshot)"
snaps=$(awk '{ n += $1 } END { printf "%.1f", n / NR }' "$WORK/snapshot.count")
spread() { sort -n "$WORK/$1" | awk '{ t[NR] = $1 } END { printf "%d us (median; %d to %d)", t[int((NR + 1) / 2)], t[1], t[NR] }'; }
echo "snapshots per run: $snaps; each added $(awk -v t="$(median snapshot)" -v n="$none" -v s="$snaps" \
	'BEGIN { printf "%.2f ms", (s > 0 ? (t - n) / s * 1e3 : 0) }') to the run's wall time, $(awk -v t="$(cpu snapshot)" \
	-v n="$(cpu none)" -v s="$snaps" 'BEGIN { printf "%.2f ms", (s > 0 ? (t - n) / s * 1e3 : 0) }') to its CPU time"
echo "a snapshot took the runtime's thread $(spread snapshot.us), and held the program's $(spread held.us)"
[ -z "$BASE" ] || awk -v b="$(median base)" -v n="$none" -v cb="$(cpu base)" -v cn="$(cpu none)" -v c="$CALLS" \
	'BEGIN { printf "the hooks'"'"' edits: %+.2f ns per call (wall), %+.2f (CPU)\n", (n - b) / c * 1e9, (cn - cb) / c * 1e9 }'
