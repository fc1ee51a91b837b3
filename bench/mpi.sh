#!/bin/sh
# bench/mpi.sh BUILDDIR: what cprof-mpi adds to each MPI call, and how fast
# cprof-report merges a big job's rank files.
#
# 1. bench/mpicalls N at NP ranks (2 by default) (ping-pong of one int, MPI_Allreduce of one
#    double, N each, then 4N MPI_Allreduce on MPI_COMM_SELF), plain, under `cprof-mpi -F 0` (the wrappers and the
#    call trees, no sampling) and under `cprof-mpi` (sampling too); RUNS runs
#    (default 5) taking turns, the median kept.  Prints ns per call and the ns
#    each variant adds.  With OpenMPI (mpiexec.openmpi), and with MPICH
#    (bench/mpicalls-mpich under mpiexec.mpich) where cprof was built with it.
#    Then the MPI_COMM_SELF loop's fastest stretch (of 16 in a run; of all
#    the runs) of each variant: a shared host's slowdowns stretch what the
#    wrappers add with the rest; the fastest stretch is the least slowed.
#    Then what a clock reading costs (bench/clockcost: the TSC, and
#    clock_gettime), of which each wrapped call makes two.  NP=1 runs one
#    rank alone (no ping-pong, nothing to wait for: the self loop only).
# 2. A job of 4 ranks of the MPI kernel under cprof-mpi, its rank files copied
#    into 128, 256, 512 and 1024 ranks (rank and pid rewritten), and
#    `cprof-report` on each: seconds, and seconds per 1000 files.
set -eu
B=$(cd "${1:?usage: mpi.sh BUILDDIR}" && pwd)
RUNS=${RUNS:-5}
N=${N:-200000}
NP=${NP:-2}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
median() { sort -n "$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
fastest() { sort -n "$1" | head -n 1; }

if [ ! -x "$B/bench/mpicalls" ]; then
	echo "mpi.sh: $B/bench/mpicalls is not built: run make bench, or make bench/mpicalls" >&2
	exit 1
fi
OPENMPI="$(command -v mpiexec.openmpi || echo mpiexec) --oversubscribe"
MPICH=
if [ -x "$B/bench/mpicalls-mpich" ] && command -v mpiexec.mpich > /dev/null; then
	MPICH=mpiexec.mpich
fi
run() { # NAME MPIEXEC PROGRAM [CPROF-MPI AND ITS OPTIONS]
	name=$1 launcher=$2 prog=$3
	shift 3
	$launcher -np "$NP" "$@" "$prog" "$N" 2> /dev/null | awk -v n="$name" \
		'/^pingpong/ { print $2 >> (n ".pp"); print $4 >> (n ".ar"); print $6 >> (n ".se"); print $8 >> (n ".fa") }'
}
for i in $(seq "$RUNS"); do
	run plain "$OPENMPI" "$B/bench/mpicalls"
	rm -rf d0 && run nosample "$OPENMPI" "$B/bench/mpicalls" "$B/src/cprof-mpi" -F 0 -d d0
	rm -rf d1 && run sample "$OPENMPI" "$B/bench/mpicalls" "$B/src/cprof-mpi" -d d1
	[ -n "$MPICH" ] || continue
	run mpich-plain "$MPICH" "$B/bench/mpicalls-mpich"
	rm -rf d2 && run mpich-nosample "$MPICH" "$B/bench/mpicalls-mpich" "$B/src/cprof-mpi" -F 0 -d d2
	rm -rf d3 && run mpich-sample "$MPICH" "$B/bench/mpicalls-mpich" "$B/src/cprof-mpi" -d d3
done
label() { # VARIANT: sets label and base, the plain variant it is measured against
	case $1 in
	plain) label=plain base=plain ;;
	nosample) label="cprof-mpi -F 0" base=plain ;;
	sample) label="cprof-mpi" base=plain ;;
	mpich-plain) label="MPICH plain" base=mpich-plain ;;
	mpich-nosample) label="MPICH cprof-mpi -F 0" base=mpich-plain ;;
	mpich-sample) label="MPICH cprof-mpi" base=mpich-plain ;;
	esac
}
VARIANTS="plain nosample sample ${MPICH:+mpich-plain mpich-nosample mpich-sample}"
echo "bench/mpicalls $N, $NP rank$([ "$NP" = 1 ] || echo s) on one host; median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-24s %13s %7s %13s %7s %13s %7s\n' variant "ping-pong ns" added "allreduce ns" added "self ns" added
for v in $VARIANTS; do
	label $v
	awk -v l="$label" -v pp="$(median $v.pp)" -v ar="$(median $v.ar)" -v se="$(median $v.se)" \
		-v ppp="$(median $base.pp)" -v arp="$(median $base.ar)" -v sep="$(median $base.se)" \
		'BEGIN { printf "%-24s %13.1f %7.1f %13.1f %7.1f %13.1f %7.1f\n", l, pp, pp - ppp, ar, ar - arp, se, se - sep }'
done
echo
echo "MPI_COMM_SELF, the fastest stretch of the $RUNS runs (16 stretches each)"
printf '%-24s %13s %7s\n' variant "self ns" added
for v in $VARIANTS; do
	label $v
	awk -v l="$label" -v se="$(fastest $v.fa)" -v sep="$(fastest $base.fa)" \
		'BEGIN { printf "%-24s %13.1f %7.1f\n", l, se, se - sep }'
done

# rank files of a realistic size: a real job's, copied into many ranks
$OPENMPI -np 4 "$B/src/cprof-mpi" --gather=rank -d job "$B/kernels/mpi" 20 > /dev/null 2>&1
# (each wrapped call reads the clock twice: what a reading costs here)
[ -x "$B/bench/clockcost" ] && "$B/bench/clockcost"
echo
echo "cprof-report on N rank files (copies of a 4-rank job of kernels/mpi, $(du -k job | cut -f1) KiB for 4)"
printf '%8s %10s %16s\n' files seconds "s per 1000 files"
for n in 128 256 512 1024; do
	rm -rf "many$n" && mkdir "many$n"
	python3 - "$n" job "many$n" <<'PY'
import os, struct, sys
n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
files = sorted(f for f in os.listdir(src) if f.endswith(".cprof"))
for r in range(n):
    data = bytearray(open(os.path.join(src, files[r % len(files)]), "rb").read())
    # PROCESS is the first record: header 16 bytes, record header 8; pid, ppid, rank, size
    struct.pack_into("iiii", data, 24, 100000 + r, 1, r, n)
    open(os.path.join(dst, "rank%05d-bench-%d.cprof" % (r, 100000 + r)), "wb").write(data)
PY
	t0=$(date +%s.%N)
	"$B/src/cprof-report" "many$n" > /dev/null
	t1=$(date +%s.%N)
	awk -v n=$n -v a="$t0" -v b="$t1" 'BEGIN { printf "%8d %10.3f %16.3f\n", n, b - a, (b - a) / n * 1000 }'
done
