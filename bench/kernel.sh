#!/bin/sh
# bench/kernel.sh BUILDDIR: what sampling costs a program that spends its
# time in the kernel, where each sample is a kernel sample, taken as the
# system call returns (docs/SAMPLING.md): `dd if=/dev/zero of=/dev/null
# bs=1M count=COUNT` (default 30000), plain, under cprof's runtime at
# -F 1000 (sampling only), and under `perf record -F 1000 -g`.  Each runs
# RUNS times (default 5), the variants taking turns; the median wall time
# is kept.  Prints each one's slowdown, the samples it took, and of
# cprof's, those in the kernel.
#
# Needs: linux-perf (perf) for its row.
set -eu
B=${1:?usage: kernel.sh BUILDDIR}
RUNS=${RUNS:-5}
COUNT=${COUNT:-30000}
RUNTIME="$B/preload/.libs/libcprof.so"
. "$(dirname "$0")/lib.sh"

dd_run() { dd if=/dev/zero of=/dev/null bs=1M count="$COUNT"; }
cprof_env() { env CPROF_DIR="$OUT" CPROF_MODE=sample CPROF_HZ=1000 LD_PRELOAD="$RUNTIME" "$@"; }
perf_run() { perf record -q -F 1000 -g -o "$OUT/perf.data" "$@"; }

r=0
while [ $r -lt "$RUNS" ]; do
	timed plain dd_run
	timed cprof cprof_env dd if=/dev/zero of=/dev/null bs=1M count="$COUNT"
	command -v perf > /dev/null && timed perf perf_run dd if=/dev/zero of=/dev/null bs=1M count="$COUNT"
	r=$((r + 1))
done

echo "dd if=/dev/zero of=/dev/null bs=1M count=$COUNT; median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-24s %8s %9s %9s %10s\n' variant seconds slowdown samples "in kernel"
plain=$(median plain)
printf '%-24s %8.3f %9s %9s %10s\n' plain "$plain" - - -
header=$("$B/src/cprof-report" "$WORK/cprof.dir" 2> /dev/null | sed -n 1p)
n=$(echo "$header" | sed -n 's/^[^:]*: \([0-9]*\) samples.*/\1/p')
k=$(echo "$header" | sed -n 's/.* samples[a-zA-Z ]* (\([0-9]*\) in the kernel).*/\1/p')
awk -v t="$(median cprof)" -v p="$plain" -v n="${n:-0}" -v k="${k:-0}" 'BEGIN {
	printf "%-24s %8.3f %8.2f%% %9d %10d\n", "cprof -F 1000", t, (t / p - 1) * 100, n, k }'
if command -v perf > /dev/null; then
	awk -v t="$(median perf)" -v p="$plain" -v n="$(perf script -i "$WORK/perf.dir/perf.data" -F period 2> /dev/null | grep -c .)" \
		'BEGIN { printf "%-24s %8.3f %8.2f%% %9d %10s\n", "perf record -F 1000 -g", t, (t / p - 1) * 100, n, "-" }'
else
	echo "perf: not installed (apt-get install linux-perf)"
fi
