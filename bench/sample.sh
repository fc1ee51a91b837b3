#!/bin/sh
# bench/sample.sh BUILDDIR: what sampling costs, for cprof and its peers, on
# one CPU-bound kernel in one run: computepi-plain (no instrumentation),
# plain, under cprof's runtime at -F 1000 (sampling only; and with its
# CPU-time timer instead of perf_event), under `perf record -F 1000 -g`, and
# under gperftools' CPU profiler (CPUPROFILE_FREQUENCY=1000).  Each runs RUNS
# times (default 5); the median wall time is kept, and the median CPU time
# (user and system, to the clock tick), which the load of a shared host
# disturbs less: another process's time on the same CPU is not the run's.
# Prints each one's slowdown, the samples per second it actually took, and
# the time each sample cost, on both clocks.
#
# "signal floor" is the same program with cprof's signal source (a perf
# task-clock event at 1000 Hz, its ring, the handler installed as cprof's)
# and an empty handler, bench/sigfloor.so preloaded: what the machine
# charges for the signals alone, whoever takes them.  Its event counts user
# mode only and sends SIGPROF (cprof's before Linux 6.11); "trap", user mode
# and the kernel, its SIGTRAP sent as the thread returns to user mode
# (cprof's since); "two events", the user-mode one and another for the
# kernel's time, as cprof had before it had one per thread.
#
# Needs: linux-perf (perf), libgoogle-perftools4 (libprofiler.so.0).
set -eu
B=${1:?usage: sample.sh BUILDDIR}
RUNS=${RUNS:-5}
TRIALS=${TRIALS:-1000000000}
KERNEL="$B/kernels/computepi-plain"
RUNTIME="$B/preload/.libs/libcprof.so"
PROFILER=$(ls /usr/lib/*/libprofiler.so.0 2>/dev/null | head -n 1 || true)
. "$(dirname "$0")/lib.sh"
samples_of_cprof() {
	"$B/src/cprof-report" "$WORK/$1.dir" 2> /dev/null | sed -n 's/^Sampled [a-zA-Z ]* at [0-9]* Hz: \([0-9]*\) samples.*/\1/p'
}

# row NAME VARIANT SAMPLES: VARIANT's medians against plain's
row() {
	awk -v name="$1" -v t="$(median "$2")" -v t0="$(median plain)" -v c="$(median "$2" cpu)" \
		-v c0="$(median plain cpu)" -v n="$3" 'BEGIN {
		if (n == "-") printf "%-26s %8.3f %9s %8.2f %9s %9s %10s %9s %9s\n", name, t, "-", c, "-", "-", "-", "-", "-"
		else printf "%-26s %8.3f %8.2f%% %8.2f %8.2f%% %9d %10.0f %9.1f %9.1f\n", name, t, (t / t0 - 1) * 100, c,
			(c / c0 - 1) * 100, n, n / t, n ? (t - t0) / n * 1e6 : 0, n ? (c - c0) / n * 1e6 : 0 }'
}

echo "computepi-plain $TRIALS (single thread); median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
echo "(us/sample: what each sample cost, on the wall clock and in CPU time)"
printf '%-26s %8s %9s %8s %9s %9s %10s %9s %9s\n' variant seconds slowdown "cpu s" "cpu slow" samples samples/s \
	"us/sample" "cpu us/s"
floor_env() { env SIGFLOOR_HZ=1000 SIGFLOOR_EVENT="$1" LD_PRELOAD="$B/bench/sigfloor.so" "$KERNEL" "$TRIALS"; }
signals_of_floor() { sed -n 's/^sigfloor: \([0-9]*\) signals$/\1/p' "$WORK/$1.out"; }
cprof_env() { env CPROF_DIR="$OUT" CPROF_MODE=sample CPROF_HZ=1000 LD_PRELOAD="$RUNTIME" "$@"; }
perf_run() { perf record -q -F 1000 -g -o "$OUT/perf.data" "$@"; }
gperf_run() { env LD_PRELOAD="$PROFILER" CPUPROFILE="$OUT/cpu.prof" CPUPROFILE_FREQUENCY=1000 "$@"; }
r=0
while [ $r -lt "$RUNS" ]; do
	timed plain "$KERNEL" "$TRIALS"
	timed floor floor_env user
	timed floor-trap floor_env trap
	timed floor-two floor_env two
	timed cprof cprof_env "$KERNEL" "$TRIALS"
	timed cprof-timer cprof_env env CPROF_EVENT=cpu-timer "$KERNEL" "$TRIALS"
	command -v perf > /dev/null && timed perf perf_run "$KERNEL" "$TRIALS"
	[ -n "$PROFILER" ] && timed gperf gperf_run "$KERNEL" "$TRIALS"
	r=$((r + 1))
done

row plain plain -
row "signal floor (empty)" floor "$(signals_of_floor floor)"
row "  trap" floor-trap "$(signals_of_floor floor-trap)"
row "  two events" floor-two "$(signals_of_floor floor-two)"
row "cprof -F 1000" cprof "$(samples_of_cprof cprof)"
row "cprof -F 1000 -e cpu-timer" cprof-timer "$(samples_of_cprof cprof-timer)"
if command -v perf > /dev/null; then
	row "perf record -F 1000 -g" perf "$(perf script -i "$WORK/perf.dir/perf.data" -F period 2> /dev/null | grep -c .)"
else
	echo "perf: not installed (apt-get install linux-perf)"
fi
if [ -n "$PROFILER" ]; then
	# the profile: 64-bit words, a 5-word header, then [count, depth, pcs...]
	row "gperftools 1000 Hz" gperf "$(od -A n -t u8 -v -w8 "$WORK/gperf.dir/cpu.prof" | awk '
		{ w[NR] = $1 } END {
			for (i = 6; i + 1 <= NR; i += 2 + w[i + 1]) {
				if (w[i] == 0 && w[i + 1] == 1 && w[i + 2] == 0) break
				n += w[i]
			}
			print n + 0 }')"
else
	echo "gperftools: not installed (apt-get install libgoogle-perftools4)"
fi
