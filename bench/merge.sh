#!/bin/sh
# bench/merge.sh BUILDDIR: how cprof-report's time and memory grow with the
# ranks of a job.  A 4-rank job of the Python MPI kernel (numpy and mpi4py,
# kernels/python/mpi.py) under cprof-mpi, its rank files (some 680 KB each)
# copied into FILES ranks each (default "128 256 512 1024 2048 4096"; the
# rank and pid of each copy rewritten), and `cprof-report` on each set:
# seconds, seconds per 1000 files, its CPU seconds (user + system: what
# other work on a shared machine changes least) and its peak memory (GNU
# time's maximum resident set).  The copies are made and removed one set
# at a time.  RUNS=K (default 1) runs it K times on each set and keeps the
# fastest, the least disturbed.  BASE=BUILDDIR runs that build's
# cprof-report too, taking turns, and gives its figures and the ratio of
# the CPU seconds (this build's over BASE's).
#
# Needs: OpenMPI, python3 with numpy and mpi4py, /usr/bin/time.
set -eu
B=$(cd "${1:?usage: merge.sh BUILDDIR}" && pwd)
FILES=${FILES:-128 256 512 1024 2048 4096}
RUNS=${RUNS:-1}
BASE=${BASE:+$(cd "$BASE" && pwd)}
PYTHON=${PYTHON:-/usr/bin/python3}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
. "$(dirname "$0")/lib.sh"
cd "$WORK"

mpiexec --oversubscribe -np 4 "$B/src/cprof-mpi" --gather=rank -d job "$PYTHON" "$B/kernels/python/mpi.py" > /dev/null 2>&1
echo "cprof-report on N rank files (copies of a 4-rank job of kernels/python/mpi.py, $(du -k job | cut -f1) KiB for 4); $(nproc) CPUs, $(uname -r)"
printf '%8s %10s %16s %8s %12s%s\n' files seconds "s per 1000 files" "CPU s" "peak MiB" \
	"${BASE:+   BASE: seconds, CPU s, peak MiB; CPU ratio}"
for n in $FILES; do
	rm -rf many && mkdir many
	"$PYTHON" - "$n" job many << 'PY'
import os, struct, sys
n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
files = sorted(f for f in os.listdir(src) if f.endswith(".cprof"))
blobs = [open(os.path.join(src, f), "rb").read() for f in files]
for r in range(n):
    data = bytearray(blobs[r % len(blobs)])
    # PROCESS is the first record: header 16 bytes, record header 8; pid, ppid, rank, size
    struct.pack_into("iiii", data, 24, 100000 + r, 1, r, n)
    open(os.path.join(dst, "rank%05d-bench-%d.cprof" % (r, 100000 + r)), "wb").write(data)
PY
	rm -f new.times base.times
	for r in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %U %S %M' -a -o new.times "$B/src/cprof-report" many > /dev/null
		[ -z "$BASE" ] || /usr/bin/time -f '%e %U %S %M' -a -o base.times "$BASE/src/cprof-report" many > /dev/null
	done
	# each build's fastest run: seconds, CPU seconds, peak MiB
	sort -n new.times | head -1 > new.best
	[ -z "$BASE" ] || sort -n base.times | head -1 > base.best
	awk -v n="$n" -v base="${BASE:+base.best}" 'BEGIN {
		getline l < "new.best"; split(l, a, " ")
		printf "%8d %10.2f %16.2f %8.2f %12.0f", n, a[1], a[1] / n * 1000, a[2] + a[3], a[4] / 1024
		if (base != "") {
			getline l < base; split(l, b, " ")
			printf "   %6.2f %6.2f %5.0f   %5.2f", b[1], b[2] + b[3], b[4] / 1024, (a[2] + a[3]) / (b[2] + b[3])
		}
		printf "\n" }'
done
rm -rf many
