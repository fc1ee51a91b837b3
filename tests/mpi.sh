# MPI: cprof-mpi under OpenMPI's mpiexec, exact MPI counts, one merged
# report, and ranks that end badly (MPICH's: mpich.sh).
. "$top_srcdir/tests/tap.sh"

if [ ! -x "$CPROF_MPI" ] || [ ! -x "$KERNELS/mpi" ] || [ -z "$OPENMPI_MPIEXEC" ]; then
	skip "OpenMPI (mpiexec.openmpi, mpicc.openmpi) is not installed: no cprof-mpi for it"
	done_testing
fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# no batch job here: the job directory is named from the launcher's job id
unset SLURM_JOB_ID PBS_JOBID
MPIEXEC="$OPENMPI_MPIEXEC --oversubscribe"
cd "$WORK" || exit 1

# the kernel at 1, 2 and 4 ranks: every MPI call counted, exactly
rounds=5
for np in 1 2 4; do
	mkdir "np$np" && cd "np$np" || exit 1
	$MPIEXEC -np $np "$CPROF_MPI" "$KERNELS/mpi" $rounds > stdout 2> out
	expect_eq "-np $np: status 0" 0 $?
	expect_eq "-np $np: the report is on stderr, not in the program's output" "" "$(grep 'function calls' stdout)"
	dirs=$(ls -d cprof-* 2> /dev/null | wc -l)
	expect_eq "-np $np: one job directory, cprof-<launcher's job id>" 1 "$dirs"
	expect_eq "-np $np: one node file (gathered at MPI_Finalize), no file per rank" "node-$(hostname)-*.cprofs" \
		"$(ls cprof-*/ | sed "s/-[0-9]*\.cprofs$/-*.cprofs/")"
	expect_eq "-np $np: the job's mark names every rank, and no rank left a done mark" \
		"$(basename cprof-* | sed "s/^cprof-//") $(if [ $np -gt 1 ]; then echo 0-$((np - 1)); else echo 0; fi)|" \
		"$(cat cprof-*/.gathered)|$(ls -a cprof-*/ | grep done)"
	if [ $np -gt 1 ]; then p2p=$((np * rounds)); else p2p=""; fi
	expect_eq "-np $np: MPI_Init, MPI_Finalize, MPI_Barrier, MPI_Comm_rank once per rank" "$np $np $np $np" \
		"$(ncalls out MPI_Init) $(ncalls out MPI_Finalize) $(ncalls out MPI_Barrier) $(ncalls out MPI_Comm_rank)"
	expect_eq "-np $np: MPI_Send and MPI_Recv $rounds times per rank" "$p2p $p2p" "$(ncalls out MPI_Send) $(ncalls out MPI_Recv)"
	expect_eq "-np $np: MPI_Allreduce $rounds times per rank" $((np * rounds)) "$(ncalls out MPI_Allreduce)"
	expect_eq "-np $np: the traced functions once per rank" "$np $np $np" \
		"$(ncalls out main) $(ncalls out ring) $(ncalls out allreduce)"
	matches "-np $np: the MPI section counts the ranks" "^MPI: $np ranks of $np; " "$(cat out)"
	expect_eq "-np $np: a line per rank, none flagged" "$(seq 0 $((np - 1)) | tr '\n' '|')" "$(rank_endings out)"
	expect_eq "-np $np: MPI_Allreduce's calls and bytes (1000 doubles each way)" \
		"$((np * rounds)) $((np * rounds * 8000)) $((np * rounds * 8000))" \
		"$(awk '$1 == "MPI_Allreduce" && NF == 10 { print $2, $9, $10 }' out)"
	if [ $np -gt 1 ]; then
		expect_eq "-np $np: MPI_Recv's call site is ring" "mpi.c:27(ring)" \
			"$(awk '$1 == "MPI_Recv" && NF == 8 { print $8 }' out)"
	fi
	matches "-np $np: rank 0 says where the raw profiles are" "^cprof-mpi: the raw profiles are in .*/cprof-" "$(cat out)"
	cd "$WORK" || exit 1
done

# bytes through derived types freed and made again, the new one maybe given
# the freed one's handle (MPI_Type_free): each type's own size (a size kept
# by handle would be the freed type's), as for a predefined type
$MPIEXEC -np 1 "$CPROF_MPI" -d types "$PROGS/mpitypes" > types.out 2> types.err
expect_eq "types: status 0" 0 $?
expect_eq "types: MPI_Sendrecv's calls and bytes, each type's own" "9 156 156" \
	"$(awk '$1 == "MPI_Sendrecv" && NF == 10 { print $2, $9, $10 }' types.err)"
[ "$(cat types.out)" = reused ] || diag "OpenMPI gave the new type a handle of its own: the test did not reuse one"

# per-rank files (--gather=rank): a profile per rank, named by rank, and the
# same report as from the node file
mkdir rank4 && cd rank4 || exit 1
$MPIEXEC -np 4 "$CPROF_MPI" --gather=rank "$KERNELS/mpi" $rounds > /dev/null 2> out
expect_eq "--gather=rank: status 0" 0 $?
expect_eq "--gather=rank: a profile per rank, named by rank" "$(seq 0 3 | xargs printf 'rank%05d\n')" \
	"$(ls cprof-*/ | sed -n 's/^\(rank[0-9]*\)-.*\.cprof$/\1/p' | sort -u)"
expect_eq "--gather=rank: no node file, no job mark" "" "$(ls -a cprof-*/ | grep 'cprofs$\|gathered')"
expect_eq "--gather=rank: the counted functions' calls, as from the node file" "$(counted_ncalls ../np4/out)" \
	"$(counted_ncalls out)"
expect_eq "--gather=rank: the MPI functions' and call sites' calls and bytes, as from the node file" \
	"$(mpi_counts ../np4/out)" "$(mpi_counts out)"
expect_eq "--gather=rank: the rank lines, as from the node file" "$(rank_endings ../np4/out)" "$(rank_endings out)"
cd "$WORK" || exit 1
"$CPROF_MPI" --gather=all true > /dev/null 2> gather.err
expect_eq "--gather=all: status 2" 2 $?
matches "--gather=all: says what it takes" "gather must be node or rank, not 'all'" "$(cat gather.err)"

# a rank's profile in the node file and in a file of its own (it wrote
# one at exit, the gathering having gone wrong for it after the node file
# was written): counted once
job=$(ls -d np4/cprof-*)
cp -r "$job" twice
node=$(ls twice/node-*.cprofs)
/usr/bin/python3 - "$node" twice/rank00002-copy.cprof << 'EOF2'
import struct, sys
data = open(sys.argv[1], "rb").read()
count, index = struct.unpack_from("=I4xQ", data, 16)
for i in range(count):
    rank, pid, off, size, start = struct.unpack_from("=iiQQQ", data, index + 32 * i)
    if rank == 2:
        open(sys.argv[2], "wb").write(data[off:off + size])
EOF2
"$CPROF_REPORT" twice > twice.out 2> twice.err
expect_eq "a rank in the node file and in a file of its own: counted once" "4 4" \
	"$(ncalls twice.out MPI_Init) $(ncalls twice.out main)"
matches "a rank in the node file and in a file of its own: a line per rank" "^MPI: 4 ranks of 4; " "$(cat twice.out)"

# a node file cut short (its index lost): a warning naming it, and the
# report of the other files
head -c 4000 "$node" > twice/node-cut-1.cprofs
rm "$node"
"$CPROF_REPORT" twice > cut.out 2> cut.err
matches "a node file cut short: a warning naming it" "node-cut-1.cprofs: offset 16: an index of 4 entries .* past the file's end" \
	"$(cat cut.err)"
matches "a node file cut short: its ranks missing" "^Missing: 3 of 4 ranks wrote no profile: 0-1, 3$" "$(cat cut.out)"

# an unfinished node file (its writer stopped before the rename): named,
# and not read
cp "$(ls "$job"/node-*.cprofs)" twice/node-gone-9.1a2b.partial
"$CPROF_REPORT" twice > partial.out 2> partial.err
matches "an unfinished node file: a warning naming it" \
	"node-gone-9.1a2b.partial: an unfinished node file, whose writer stopped: its ranks wrote their own files" \
	"$(cat partial.err)"
expect_eq "an unfinished node file: not read" "$(grep '^Missing' cut.out)" "$(grep '^Missing' partial.out)"

# cprof-report on the job directory: the same counts; --rank, --per-rank
"$CPROF_REPORT" "$job" > report.out
expect_eq "cprof-report DIR: the merged counts" "$(ncalls np4/out MPI_Send)" "$(ncalls report.out MPI_Send)"
"$CPROF_REPORT" --rank 0,2-3 "$job" > ranks.out
expect_eq "--rank 0,2-3: three ranks' calls" $((3 * rounds)) "$(ncalls ranks.out MPI_Allreduce)"
matches "--rank 0,2-3: and three in the MPI section" "^MPI: 3 ranks of 4; " "$(cat ranks.out)"
"$CPROF_REPORT" --per-rank "$job" > perrank.out
expect_eq "--per-rank: a table per rank" "Rank 0 Rank 1 Rank 2 Rank 3" \
	"$(awk '/^Rank [0-9]+ on / { printf "%s%s %s", sep, $1, $2; sep = " " }' perrank.out)"
"$CPROF_REPORT" --rank 7 "$job" > /dev/null 2> rank7.err
expect_eq "--rank with no such rank: status 1" 1 $?
"$CPROF_REPORT" --rank 1-x "$job" > /dev/null 2> bad.err
expect_eq "--rank with a bad list: status 2" 2 $?
matches "--rank with a bad list: says how to write one" "takes ranks and ranges of ranks" "$(cat bad.err)"

# a missing and a corrupt rank file: a warning naming the file, and the rest
cp -r rank4/cprof-* damaged
rm damaged/rank00002-*
f=$(ls damaged/rank00001-*.cprof)
printf 'garbage' | dd of="$f" bs=1 seek=0 conv=notrunc 2> /dev/null
"$CPROF_REPORT" damaged > damaged.out 2> damaged.err
expect_eq "damaged job: cprof-report still reports" 0 $?
matches "damaged job: the corrupt file is named" "$(basename "$f").*not a cprof raw profile" "$(cat damaged.err)"
matches "damaged job: the missing ranks are named" "^Missing: 2 of 4 ranks wrote no profile: 1-2$" "$(cat damaged.out)"
expect_eq "damaged job: the other ranks' calls" $((2 * rounds)) "$(ncalls damaged.out MPI_Allreduce)"

# -d names the directory; an earlier run's profiles of a rank are refused
$MPIEXEC -np 2 "$CPROF_MPI" -d named "$KERNELS/mpi" 1 > /dev/null 2>&1
expect_eq "-d DIR: the ranks write there" 1 "$(ls named/node-*.cprofs | wc -l)"
$MPIEXEC -np 2 "$CPROF_MPI" -d named "$KERNELS/mpi" 1 > again.out 2> again.err
check "-d DIR again: refused" test $? -ne 0
matches "-d DIR again: says why" "already holds rank [01]'s profile of an earlier run" "$(cat again.err)"

# not under a launcher
"$CPROF_MPI" "$KERNELS/mpi" > /dev/null 2> nolauncher.err
expect_eq "cprof-mpi without a launcher: status 2" 2 $?
matches "cprof-mpi without a launcher: says how to run it" "no MPI rank in the environment: start it with an MPI launcher" \
	"$(cat nolauncher.err)"

# a launcher that gives the rank but not the number of ranks: rank 0 has
# none to wait for
(unset OMPI_COMM_WORLD_SIZE PMI_SIZE SLURM_NTASKS; SLURM_PROCID=0 "$CPROF_MPI" -d nosize "$KERNELS/basic" \
	> nosize.out 2> nosize.err)
expect_eq "a rank but no number of ranks: status 0" 0 $?
expect_eq "a rank but no number of ranks: no waiting for others" "" "$(grep waiting nosize.err)"

# a done mark an earlier run left (rm DIR/* spares dot files): rank 0 waits
# for this job's rank 1, not for that mark
mkdir stale && printf '554 0\n' > stale/.rank00001-done
(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE
	SLURM_JOB_ID=555 SLURM_PROCID=0 SLURM_NTASKS=2 "$CPROF_MPI" --wait 1 -d stale "$KERNELS/basic" \
	> stale.out 2> stale.err)
matches "an earlier run's done mark: rank 0 waits for this job's rank 1 all the same" \
	"waited 1 s: reporting without the ranks that are not done" "$(cat stale.err)"

# a rank whose program leaves a process running: waited for, --wait
# seconds at most, then the job goes on
start=$(date +%s)
$MPIEXEC -np 2 "$CPROF_MPI" --wait 2 -d daemon sh -c 'sleep 37 > /dev/null 2>&1 & exec "$1" 1' sh "$KERNELS/mpi" \
	> daemon.out 2> daemon.err
expect_eq "a process left running: the job ends, status 0" 0 $?
check "a process left running: waited for 2 s, not 37" test $(($(date +%s) - start)) -lt 20
matches "a process left running: cprof-mpi says it waited, then went on" \
	"waiting for the processes the program left running \(2 s at most; --wait\).*stopped waiting" \
	"$(grep '^cprof-mpi: ' daemon.err | tr '\n' ' ')"
expect_eq "a process left running: both ranks reported" 2 "$(ncalls daemon.err allreduce)"
pkill -x -f 'sleep 37' # (no other test sleeps 37 s)

# a batch job's id names the directory (Slurm's first, then PBS's, sanitised)
(PBS_JOBID='42.server/x' $MPIEXEC -np 1 "$CPROF_MPI" "$KERNELS/mpi" 1 > /dev/null 2>&1)
check "PBS_JOBID 42.server/x: cprof-42.server_x" test -d cprof-42.server_x
(SLURM_JOB_ID=77 PBS_JOBID=42 $MPIEXEC -np 1 "$CPROF_MPI" "$KERNELS/mpi" 1 > /dev/null 2>&1)
check "SLURM_JOB_ID before PBS_JOBID: cprof-77" test -d cprof-77

# ranks that end badly: their data is kept, the report says how they ended,
# and, rank 0's report cut short by the job's end, one rank says where the
# profiles are
# (mpiexec kills the others: SIGCONT, SIGTERM a second later, SIGKILL a
# second after that, unless told to wait longer, as a busy machine needs;
# each wait costs the test its length)
# (skip: rank 1 exits without MPI_Finalize while the others wait for it in
# theirs, where they would gather their profiles)
for mode in abort term exit skip; do
	$MPIEXEC --mca odls_base_sigkill_timeout 4 -np 3 "$CPROF_MPI" -d "end-$mode" "$PROGS/mpiend" $mode \
		> "end-$mode.job" 2> "end-$mode.err"
	"$CPROF_REPORT" "end-$mode" > "end-$mode.out" 2> /dev/null
	expect_eq "$mode: every rank wrote its profile" 3 "$(ls "end-$mode" | grep -c '\.cprof$')"
	case $mode in
	abort) how="called MPI_Abort (error code 3), no MPI_Finalize" status=3 ;;
	term) how="killed by signal 15 (Terminated), no MPI_Finalize" status=143 ;;
	exit) how="no MPI_Finalize" status=4 ;;
	skip) how="no MPI_Finalize" status=0 ;;
	esac
	killed="killed by signal 15 (Terminated), no MPI_Finalize"
	[ $mode = skip ] && killed="killed by signal 15 (Terminated)" # (in MPI_Finalize)
	expect_eq "$mode: each rank's line says how it ended" "0 $killed|1 $how|2 $killed|" "$(rank_endings "end-$mode.out")"
	expect_eq "$mode: the barrier every rank passed" 3 "$(ncalls "end-$mode.out" MPI_Init)"
	expect_eq "$mode: rank 0, stopped by the job's end, does not report" "" "$(grep 'function calls' "end-$mode.job")"
	dir=$(cd "end-$mode" && pwd -P)
	expect_eq "$mode: where the profiles are, said once" 1 "$(grep -c 'profiles are in' "end-$mode.err")"
	matches "$mode: said by rank 1, whose program failed, or by a rank the job's end stopped" \
		"^cprof-mpi: rank (1: its program ended with status $status, which may end the job before rank 0 can report|0: the job ended before this rank could report|2: the job ended before rank 0 could report): the ranks' profiles are in $dir \\(run cprof-report $dir\\)$" \
		"$(grep 'profiles are in' "end-$mode.err")"
done

# a rank that comes to MPI_Finalize after the others gave up waiting for it
# there (--wait 2): each rank writes a file of its own, and the job ends well
$MPIEXEC -np 3 "$CPROF_MPI" --wait 2 -d late-rank "$PROGS/mpiend" late > late-rank.job 2> late-rank.err
expect_eq "late rank: status 0" 0 $?
expect_eq "late rank: a file per rank, no node file" "3 0" \
	"$(ls late-rank | grep -c '\.cprof$') $(ls late-rank | grep -c '\.cprofs$')"
expect_eq "late rank: every rank reported, none flagged" "0|1|2|" "$(rank_endings late-rank.err)"
expect_eq "late rank: said once" 1 "$(grep -c '^cprof-mpi: rank 0: not every rank came to MPI_Finalize within 2 s' late-rank.err)"

# the job ended (SIGTERM to each cprof-mpi) while rank 0 waits for rank 1:
# rank 0 says where the profiles are, and does not report
(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE
	SLURM_PROCID=0 SLURM_NTASKS=2 exec "$CPROF_MPI" -d stopped "$KERNELS/basic" > stopped.out 2> stopped.err) &
pid=$!
for _ in $(seq 150); do
	grep -q 'waiting for rank 1' stopped.err && break
	sleep 0.2
done
kill -TERM $pid
wait $pid
expect_eq "rank 0 stopped while it waits: status 0, its program's" 0 $?
expect_eq "rank 0 stopped while it waits: no report" "" "$(grep 'function calls' stopped.out)"
dir=$(cd stopped && pwd -P)
expect_eq "rank 0 stopped while it waits: says where the profiles are" \
	"cprof-mpi: rank 0: the job ended before this rank could report: the ranks' profiles are in $dir (run cprof-report $dir)" \
	"$(grep -v 'waiting for rank 1' stopped.err)"

# the job ended while rank 0 reports (its report, into a pipe, held up
# because the pipe is full): rank 0 says where the profiles are, should the
# report be cut short
mkfifo held
exec 3<> held               # a reader, so that opening it to write does not wait
head -c 65536 /dev/zero >&3 # a pipe holds 64 KiB: the report's first write waits
(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE
	SLURM_PROCID=0 SLURM_NTASKS=1 exec "$CPROF_MPI" -d held-job --report held sh -c '"$0" > /dev/null' \
	"$KERNELS/basic" > /dev/null 2> held.err) &
pid=$!
for _ in $(seq 150); do
	[ "$(cut -d ' ' -f 1 /proc/$pid/syscall 2> /dev/null)" = 1 ] && break # in write()
	sleep 0.2
done
kill -TERM $pid
exec 3<&- # no reader left: the report's writes fail, and it ends
wait $pid
dir=$(cd held-job && pwd -P)
expect_eq "rank 0 stopped while it reports: says where the profiles are, should the report be cut short" \
	"cprof-mpi: rank 0: the job is ending while this rank reports: if the report is cut short, the ranks' profiles are in $dir (run cprof-report $dir)" \
	"$(grep 'profiles are in' held.err | grep -v '^cprof-mpi: the raw profiles are in')"

# two ranks whose programs fail, which may end the job: the first says
# where the profiles are, the second does not say it again
(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE
	SLURM_PROCID=1 SLURM_NTASKS=3 "$CPROF_MPI" -d failed sh -c 'exit 3' 2> failed1.err
	echo $? > failed1.status
	SLURM_PROCID=2 SLURM_NTASKS=3 "$CPROF_MPI" -d failed sh -c 'exit 4' 2> failed2.err
	echo $? > failed2.status)
dir=$(cd failed && pwd -P)
expect_eq "failed rank: its program's status" 3 "$(cat failed1.status)"
expect_eq "failed rank: says where the profiles are" \
	"cprof-mpi: rank 1: its program ended with status 3, which may end the job before rank 0 can report: the ranks' profiles are in $dir (run cprof-report $dir)" \
	"$(cat failed1.err)"
expect_eq "second failed rank: its program's status, and nothing said again" "4 " \
	"$(cat failed2.status) $(cat failed2.err)"

# Fortran (mpif.h): OpenMPI's Fortran bindings call PMPI_ directly; the
# Fortran names are wrapped themselves
mpifort=$(command -v mpifort.openmpi || command -v mpifort)
if [ -n "$mpifort" ] && "$mpifort" -g -o mpif "$top_srcdir/tests/progs/mpif.f90" 2> fortran.err; then
	$MPIEXEC -np 2 "$CPROF_MPI" -d fortran ./mpif > fortran.out 2>&1
	expect_eq "Fortran: status 0" 0 $?
	expect_eq "Fortran: MPI_INIT, MPI_SEND, MPI_RECV, MPI_ALLREDUCE, MPI_BARRIER counted" "2 6 6 6 2" \
		"$(ncalls fortran.out MPI_Init) $(ncalls fortran.out MPI_Send) $(ncalls fortran.out MPI_Recv) $(ncalls fortran.out MPI_Allreduce) $(ncalls fortran.out MPI_Barrier)"
	expect_eq "Fortran: MPI_SEND's bytes (3 integers per rank) and call site" "24 mpif.f90:4(mpif)" \
		"$(awk '$1 == "MPI_Send" && NF == 8 { print $6, $8 }' fortran.out)"
else
	skip "Fortran: no mpifort to build tests/progs/mpif.f90"
fi

# mpi4py: Python functions, and MPI calls under them
if /usr/bin/python3 -c 'import mpi4py' 2> /dev/null; then
	$MPIEXEC -np 2 "$CPROF_MPI" -d py /usr/bin/python3 "$top_srcdir/kernels/python/mpi.py" 3 > py.out 2>&1
	expect_eq "mpi4py: status 0" 0 $?
	expect_eq "mpi4py: ring and allreduce in each rank" "2 2" "$(ncalls py.out ring) $(ncalls py.out allreduce)"
	expect_eq "mpi4py: MPI_Allreduce, 3 per rank" 6 "$(ncalls py.out MPI_Allreduce)"
	expect_eq "mpi4py: MPI_Allreduce's call site is the Python function" "kernels/python/mpi.py" \
		"$(awk '$1 == "MPI_Allreduce" && NF == 8 { print $8 }' py.out | sed 's/:.*//; s|^|kernels/python/|')"
else
	skip "mpi4py: Debian's python3-mpi4py is not installed"
fi

# OpenMPI loaded after the program started, RTLD_LOCAL, as mpi4py loads
# it: the same counts as the kernel linked with it (whose main is
# kernel_main in the library)
$MPIEXEC -np 2 "$CPROF_MPI" -d late "$PROGS/mpilate" "$PROGS/.libs/libmpilate-openmpi.so" 3 > /dev/null 2> late.out
expect_eq "OpenMPI loaded late: status 0" 0 $?
expect_eq "OpenMPI loaded late: MPI_Init, MPI_Send, MPI_Recv, MPI_Allreduce counted" "2 6 6 6" \
	"$(ncalls late.out MPI_Init) $(ncalls late.out MPI_Send) $(ncalls late.out MPI_Recv) $(ncalls late.out MPI_Allreduce)"
expect_eq "OpenMPI loaded late: MPI_Recv's call site is ring" "mpi.c:27(ring)" \
	"$(awk '$1 == "MPI_Recv" && NF == 8 { print $8 }' late.out)"
done_testing
