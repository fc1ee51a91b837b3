#!/bin/sh
# bench/dump.sh BUILDDIR: what `cprof-dump DIR` costs (docs/DUMP.md).
#
# 1. A hung 4-rank job (tests/progs/mpihang) under cprof-mpi --dump-poll=0.2
#    and CPROF_DEBUG=3, dumped RUNS times (default 5): how long each
#    process took to answer, from its request seen to its answer written
#    (the runtime's log), and how each thread's stack was taken.
# 2. Reading many answers: the job's 4 answers copied into N ranks' (rank
#    and pid rewritten), written as the request appears, and cprof-dump's
#    seconds and memory from its request to its printed tree.
# Needs OpenMPI (mpiexec.openmpi), python3 and /usr/bin/time.
set -eu
B=$(cd "${1:?usage: dump.sh BUILDDIR}" && pwd)
RUNS=${RUNS:-5}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-bench.XXXXXX")
trap 'pkill -KILL -f "^$B/tests/progs/mpihang\$" 2> /dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"

if [ ! -x "$B/tests/progs/mpihang" ]; then
	echo "dump.sh: $B/tests/progs/mpihang is not built: run make check, or make tests/progs/mpihang" >&2
	exit 1
fi
CPROF_DEBUG=3 mpiexec.openmpi --oversubscribe -np 4 -x CPROF_DEBUG "$B/src/cprof-mpi" --dump-poll=0.2 -d job \
	"$B/tests/progs/mpihang" > job.out 2> job.err &
i=0
while [ "$(grep -c waiting job.out)" -lt 4 ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
for r in $(seq "$RUNS"); do
	"$B/src/cprof-dump" job > "dump$r.txt"
done
pkill -KILL -f "^$B/tests/progs/mpihang\$" || true
sleep 0.5
echo "cprof-dump of a hung 4-rank job, $RUNS times: each process's answer, request seen to answer written; $(nproc) CPUs"
sed -n 's/.*dump [0-9]* written in \([0-9]*\) us$/\1/p' job.err | sort -n |
	awk '{ t[NR] = $1 } END { printf "answers %d, ms: min %.1f, median %.1f, max %.1f\n", NR, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }'
echo "how the threads' stacks were taken (answers):"
sed -n 's/^cprof\[[0-9]*\]: dump: //p' job.err | sort | uniq -c

# many answers: written, as the runtimes would, once the request is made
echo
echo "cprof-dump reading N answers (copies of the job's 4, $(du -k job/dump-* | head -n 1 | cut -f1) KiB for 4)"
printf '%8s %10s %10s\n' answers seconds "max KiB"
src=$(ls -d job/dump-* | head -n 1)
for n in 128 256 512 1024; do
	rm -rf "run$n" && mkdir "run$n"
	python3 - "$src" "run$n" "$n" <<'PY' &
import glob, struct, sys, time
src, run, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
datas = [bytearray(open(f, "rb").read()) for f in sorted(glob.glob(src + "/*.cprof"))]
while not glob.glob(run + "/dump-*"):
    time.sleep(0.005)
d = glob.glob(run + "/dump-*")[0]
for r in range(n):
    data = bytearray(datas[r % len(datas)])
    # PROCESS is the first record: header 16 bytes, record header 8; pid, ppid, rank, size
    struct.pack_into("iiii", data, 24, 100000 + r, 1, r, n)
    open("%s/rank%05d-bench-%d.cprof" % (d, r, 100000 + r), "wb").write(data)
PY
	/usr/bin/time -f "%e %M" -o "time$n" "$B/src/cprof-dump" -t 60 "run$n" > "tree$n.txt"
	wait
	read -r secs kib < "time$n"
	printf '%8d %10s %10s\n' "$n" "$secs" "$kib"
done
