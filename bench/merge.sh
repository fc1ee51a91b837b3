#!/bin/sh
# bench/merge.sh BUILDDIR: how cprof-report's time and memory grow with the
# ranks of a job.  A 4-rank job of the Python MPI kernel (numpy and mpi4py,
# kernels/python/mpi.py) under cprof-mpi, its rank files (some 680 KB each)
# copied into FILES ranks each (default "128 256 512 1024 2048 4096"; the
# rank and pid of each copy rewritten), and `cprof-report` on each set:
# seconds, seconds per 1000 files, and its peak memory (GNU time's maximum
# resident set).  The copies are made and removed one set at a time.
#
# Needs: OpenMPI, python3 with numpy and mpi4py, /usr/bin/time.
set -eu
B=$(cd "${1:?usage: merge.sh BUILDDIR}" && pwd)
FILES=${FILES:-128 256 512 1024 2048 4096}
PYTHON=${PYTHON:-/usr/bin/python3}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
. "$(dirname "$0")/lib.sh"
cd "$WORK"

mpiexec --oversubscribe -np 4 "$B/src/cprof-mpi" --gather=rank -d job "$PYTHON" "$B/kernels/python/mpi.py" > /dev/null 2>&1
echo "cprof-report on N rank files (copies of a 4-rank job of kernels/python/mpi.py, $(du -k job | cut -f1) KiB for 4); $(nproc) CPUs, $(uname -r)"
printf '%8s %10s %16s %12s\n' files seconds "s per 1000 files" "peak MiB"
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
	/usr/bin/time -f '%e %M' -o time.out "$B/src/cprof-report" many > /dev/null
	read -r secs kib < time.out
	awk -v n="$n" -v s="$secs" -v k="$kib" 'BEGIN { printf "%8d %10.2f %16.2f %12.0f\n", n, s, s / n * 1000, k / 1024 }'
done
rm -rf many
