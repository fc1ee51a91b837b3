#!/bin/sh
# bench/finalize.sh BUILDDIR: what a job's end costs in the job directory,
# the ranks' profiles gathered into node files at MPI_Finalize (cprof-mpi's
# default) against a file per rank (--gather=rank), at NP ranks (default 64,
# oversubscribed) of bench/finalize under OpenMPI's mpiexec.
#
# For each way, and plain (no cprof):
# - seconds from the barrier before MPI_Finalize (rank 0's time stamp) to
#   mpiexec's end, rank 0's report included: the median of RUNS runs
#   (default 3), the ways taking turns; and cprof-report's seconds on the
#   job directory after, the share of it that is the report;
# - the files the job directory holds at the end (profiles and marks), and
#   their bytes;
# - the metadata operations in the job directory, from one run under
#   strace -f: names made there (creat, link, rename, symlink), names
#   removed (unlink), and names looked up (open, stat, access, readlink,
#   and the calls above that failed: an unlink of a mark not there).
#   KEEP=1 keeps the work directory, with the traces.
set -eu
B=$(cd "${1:?usage: finalize.sh BUILDDIR}" && pwd)
NP=${NP:-64}
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-10}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
. "$(dirname "$0")/lib.sh"
[ -z "${KEEP:-}" ] || trap - EXIT # KEEP=1: the work directory stays, for a look at the traces
cd "$WORK"
MPIEXEC="$(command -v mpiexec.openmpi || echo mpiexec) --oversubscribe --mca odls_base_sigkill_timeout 30"
PROG="$B/bench/finalize"

# job WAY [WRAPPER...]: one run of the job, the way's directory job-WAY
job() {
	way=$1
	shift
	rm -rf "job-$way"
	if [ "$way" = plain ]; then
		"$@" $MPIEXEC -np "$NP" "$PROG" "$ROUNDS" > "$way.out" 2> "$way.err"
	else
		"$@" $MPIEXEC -np "$NP" "$B/src/cprof-mpi" --gather="$way" -d "job-$way" "$PROG" "$ROUNDS" \
			> "$way.out" 2> "$way.err"
	fi
}

for i in $(seq "$RUNS"); do
	for way in plain node rank; do
		job $way
		end=$(date +%s%N)
		awk -v e="$end" '/^finalize / { printf "%.3f\n", (e - $2) / 1e9 }' $way.out >> "$WORK/$way.times"
		[ $way = plain ] && continue
		timed "$way-report" "$B/src/cprof-report" "job-$way"
	done
done

# the metadata operations on the job directory's names, in one traced run
for way in node rank; do
	# (-ff: a file per process, each call on one line)
	mkdir "trace-$way"
	job $way strace -ff -qq -o "trace-$way/t" -e trace=mkdir,mkdirat,open,openat,creat,link,linkat,unlink,unlinkat,rename,renameat,renameat2,symlinkat,stat,lstat,newfstatat,statx,access,faccessat,faccessat2,readlinkat
	cat "trace-$way"/t.* | grep -E "job-$way|\"(\.?rank[0-9]{5}|node-|\.gathered|\.job-end-said)|^openat\([0-9]+, \"\.\"" \
		> "ops-$way" || true
	awk -v w=$way '
		/= -1 / { looked++; next } # (a name that was not there: looked up)
		/^(link|linkat|rename|renameat|renameat2|symlinkat|creat)\(/ || /O_CREAT/ { made++; next }
		/^(unlink|unlinkat)\(/ { removed++; next }
		{ looked++ }
		END { printf "%s %d %d %d\n", w, made, removed, looked }' "ops-$way" > "ops-$way.sum"
done

echo "bench/finalize $ROUNDS at $NP ranks, oversubscribed, OpenMPI; median of $RUNS runs, the ways taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-18s %11s %9s %6s %10s %8s %8s %8s\n' way "to end s" "report s" files "bytes" made removed "looked up"
for way in plain node rank; do
	if [ $way = plain ]; then
		printf '%-18s %11s %9s %6s %10s %8s %8s %8s\n' plain "$(median $way)" - - - - - -
		continue
	fi
	files=$(ls -A "job-$way" | wc -l)
	bytes=$(find "job-$way" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
	read -r w made removed looked < "ops-$way.sum"
	printf '%-18s %11s %9.3f %6d %10d %8d %8d %8d\n' "--gather=$way" "$(median $way)" "$(median $way-report)" \
		"$files" "$bytes" "$made" "$removed" "$looked"
done
