# MPICH: cprof-mpi under MPICH's mpiexec (hydra), where libcprof-mpi.so
# gives the program the wrappers for MPICH's ABI: the same exact counts and
# merged report as the same kernel under OpenMPI, the job's directory named
# from hydra, a rank that is killed, Fortran, an MPI loaded late (as mpi4py
# loads it: Debian's mpi4py is built for OpenMPI only), and an MPI for
# whose ABI there are no wrappers.
. "$top_srcdir/tests/tap.sh"

if [ ! -x "$CPROF_MPI" ] || [ ! -x "$KERNELS/mpi-mpich" ] || ! command -v mpiexec.mpich > /dev/null; then
	skip_all "cprof was built without MPICH (configure looks for mpicc.mpich: Debian's mpich and libmpich-dev)"
fi
# no batch job here: the job directory is named from hydra
unset SLURM_JOB_ID PBS_JOBID
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cd "$WORK" || exit 1

# the kernel at 2 and 4 ranks: every MPI call counted, exactly, as under
# OpenMPI
rounds=5
for np in 2 4; do
	mkdir "np$np" && cd "np$np" || exit 1
	mpiexec.mpich -np $np "$CPROF_MPI" "$KERNELS/mpi-mpich" $rounds > stdout 2> out
	expect_eq "-np $np: status 0" 0 $?
	expect_eq "-np $np: the report is on stderr, not in the program's output" "" "$(grep 'function calls' stdout)"
	matches "-np $np: one job directory, named from hydra's proxy (where mpiexec listens)" \
		'^cprof-hydra-[A-Za-z0-9.-]+_[0-9]+$' "$(ls -d cprof-* 2> /dev/null)"
	expect_eq "-np $np: one node file (gathered at MPI_Finalize), no file per rank, no done mark" \
		"node-$(hostname)-*.cprofs|0-$((np - 1))" \
		"$(ls -a cprof-*/ | grep -v '^\.*$' | sed "s/-[0-9]*\.cprofs$/-*.cprofs/; s/^\.gathered$//" | tr -d '\n')|$(sed 's/.* //' cprof-*/.gathered)"
	p2p=$((np * rounds))
	expect_eq "-np $np: MPI_Init, MPI_Finalize, MPI_Barrier, MPI_Comm_rank once per rank" "$np $np $np $np" \
		"$(ncalls out MPI_Init) $(ncalls out MPI_Finalize) $(ncalls out MPI_Barrier) $(ncalls out MPI_Comm_rank)"
	expect_eq "-np $np: MPI_Send and MPI_Recv $rounds times per rank" "$p2p $p2p" \
		"$(ncalls out MPI_Send) $(ncalls out MPI_Recv)"
	expect_eq "-np $np: MPI_Allreduce $rounds times per rank" $((np * rounds)) "$(ncalls out MPI_Allreduce)"
	expect_eq "-np $np: the traced functions once per rank" "$np $np $np" \
		"$(ncalls out main) $(ncalls out ring) $(ncalls out allreduce)"
	matches "-np $np: the MPI section counts the ranks (PMI_SIZE)" "^MPI: $np ranks of $np; " "$(cat out)"
	expect_eq "-np $np: a line per rank, none flagged" "$(seq 0 $((np - 1)) | tr '\n' '|')" "$(rank_endings out)"
	expect_eq "-np $np: MPI_Allreduce's calls and bytes (1000 doubles each way)" \
		"$((np * rounds)) $((np * rounds * 8000)) $((np * rounds * 8000))" \
		"$(awk '$1 == "MPI_Allreduce" && NF == 10 { print $2, $9, $10 }' out)"
	expect_eq "-np $np: MPI_Recv's bytes, as its status says (MPICH's MPI_Status)" "$((np * rounds * 4))" \
		"$(awk '$1 == "MPI_Recv" && NF == 10 { print $10 }' out)"
	expect_eq "-np $np: MPI_Recv's call site is ring" "mpi.c:27(ring)" \
		"$(awk '$1 == "MPI_Recv" && NF == 8 { print $8 }' out)"
	matches "-np $np: rank 0 says where the raw profiles are" "^cprof-mpi: the raw profiles are in .*/cprof-hydra-" \
		"$(cat out)"
	job=$(ls -d cprof-*)
	"$CPROF_REPORT" "$job" > report.out
	expect_eq "-np $np: cprof-report DIR: the same MPI counts" "$(mpi_counts out)" "$(mpi_counts report.out)"
	if [ -x "$KERNELS/mpi" ] && command -v mpiexec.openmpi > /dev/null; then
		mpiexec.openmpi --oversubscribe -np $np "$CPROF_MPI" -d openmpi "$KERNELS/mpi" $rounds \
			> /dev/null 2> openmpi.out
		expect_eq "-np $np: under OpenMPI, the same MPI functions, calls and bytes, call site by call site" \
			"$(mpi_counts openmpi.out)" "$(mpi_counts out)"
		expect_eq "-np $np: under OpenMPI, the same calls of the MPI functions in the table" \
			"$(mpi_ncalls openmpi.out)" "$(mpi_ncalls out)"
	else
		skip "-np $np: no OpenMPI run to compare with (cprof was built without OpenMPI)"
		skip "-np $np: no OpenMPI run to compare with (cprof was built without OpenMPI)"
	fi
	# per-rank files: a profile per rank, named by rank, and the same report
	mpiexec.mpich -np $np "$CPROF_MPI" --gather=rank -d per-rank "$KERNELS/mpi-mpich" $rounds > /dev/null 2> rank.out
	expect_eq "-np $np: --gather=rank: a profile per rank, named by rank (PMI_RANK)" \
		"$(seq 0 $((np - 1)) | xargs printf 'rank%05d\n')" \
		"$(ls per-rank/ | sed -n 's/^\(rank[0-9]*\)-.*\.cprof$/\1/p' | sort -u)"
	expect_eq "-np $np: --gather=rank: the same counted calls as from the node file" "$(counted_ncalls out)" \
		"$(counted_ncalls rank.out)"
	expect_eq "-np $np: --gather=rank: the same MPI calls and bytes as from the node file" "$(mpi_counts out)" \
		"$(mpi_counts rank.out)"
	cd "$WORK" || exit 1
done

# bytes through derived types freed and made again, the new one maybe given
# the freed one's handle (MPI_Type_free): each type's own size (a size kept
# by handle would be the freed type's), as for a predefined type
mpiexec.mpich -np 1 "$CPROF_MPI" -d types "$PROGS/mpitypes-mpich" > types.out 2> types.err
expect_eq "types: status 0" 0 $?
expect_eq "types: MPI_Sendrecv's calls and bytes, each type's own" "9 156 156" \
	"$(awk '$1 == "MPI_Sendrecv" && NF == 10 { print $2, $9, $10 }' types.err)"
[ "$(cat types.out)" = reused ] || diag "MPICH gave the new type a handle of its own: the test did not reuse one"

# a rank that ends badly: hydra kills the others with SIGKILL at once, and
# only that rank's profile is left, saying how it ended (skip: rank 1 exits
# without MPI_Finalize while the others wait for it in theirs)
for mode in term abort skip; do
	mpiexec.mpich -np 3 "$CPROF_MPI" -d "end-$mode" "$PROGS/mpiend-mpich" $mode > "end-$mode.job" 2> "end-$mode.err"
	echo $? > "end-$mode.status"
	"$CPROF_REPORT" "end-$mode" > "end-$mode.out" 2> /dev/null
	case $mode in
	abort) how="called MPI_Abort (error code 3), no MPI_Finalize" ;;
	term) how="killed by signal 15 (Terminated), no MPI_Finalize" ;;
	skip) how="no MPI_Finalize" ;;
	esac
	expect_eq "$mode: rank 1 wrote its profile; hydra killed the others with SIGKILL" "rank00001" \
		"$(ls "end-$mode" | sed -n 's/^\(rank[0-9]*\)-.*\.cprof$/\1/p')"
	expect_eq "$mode: rank 1's line says how it ended" "1 $how|" "$(rank_endings "end-$mode.out")"
	matches "$mode: the others are missing" "^Missing: 2 of 3 ranks wrote no profile: 0, 2$" "$(cat "end-$mode.out")"
	expect_eq "$mode: rank 1's MPI calls: MPI_Init, MPI_Barrier" "1 1" \
		"$(ncalls "end-$mode.out" MPI_Init) $(ncalls "end-$mode.out" MPI_Barrier)"
done
mpiexec.mpich -np 3 "$PROGS/mpiend-mpich" term > /dev/null 2>&1
expect_eq "term: hydra's status as without cprof-mpi (the rank ends by its program's signal)" $? "$(cat end-term.status)"
dir=$(cd end-term && pwd -P)
expect_eq "term: rank 1, whose program was killed, says where the profiles are" \
	"cprof-mpi: rank 1: its program ended with status 143, which may end the job before rank 0 can report: the ranks' profiles are in $dir (run cprof-report $dir)" \
	"$(grep 'profiles are in' end-term.err)"

# a rank that comes to MPI_Finalize after the others gave up waiting for it
# there (--wait 2): each rank writes a file of its own, and the job ends well
mpiexec.mpich -np 3 "$CPROF_MPI" --wait 2 -d late-rank "$PROGS/mpiend-mpich" late > late-rank.job 2> late-rank.err
expect_eq "late rank: status 0" 0 $?
expect_eq "late rank: a file per rank, no node file" "3 0" \
	"$(ls late-rank | grep -c '\.cprof$') $(ls late-rank | grep -c '\.cprofs$')"
expect_eq "late rank: every rank reported, none flagged" "0|1|2|" "$(rank_endings late-rank.err)"
expect_eq "late rank: said once" 1 "$(grep -c '^cprof-mpi: rank 0: not every rank came to MPI_Finalize within 2 s' late-rank.err)"

# Fortran (mpif.h): MPICH's bindings call the C functions; each call is
# timed once, by its Fortran wrapper, at the Fortran caller
if command -v mpifort.mpich > /dev/null && mpifort.mpich -g -o mpif "$top_srcdir/tests/progs/mpif.f90" 2> fortran.err; then
	mpiexec.mpich -np 2 "$CPROF_MPI" -d fortran ./mpif > fortran.out 2>&1
	expect_eq "Fortran: status 0" 0 $?
	expect_eq "Fortran: MPI_INIT, MPI_SEND, MPI_RECV, MPI_ALLREDUCE, MPI_BARRIER counted once each" "2 6 6 6 2" \
		"$(ncalls fortran.out MPI_Init) $(ncalls fortran.out MPI_Send) $(ncalls fortran.out MPI_Recv) $(ncalls fortran.out MPI_Allreduce) $(ncalls fortran.out MPI_Barrier)"
	expect_eq "Fortran: MPI_SEND's bytes (3 integers per rank) and call site" "24 mpif.f90:4(mpif)" \
		"$(awk '$1 == "MPI_Send" && NF == 8 { print $6, $8 }' fortran.out)"
else
	skip "Fortran: no mpifort.mpich (gfortran) to build tests/progs/mpif.f90"
fi

# an MPI loaded after the program started, RTLD_LOCAL, as mpi4py loads it:
# the same counts as the kernel linked with it (whose main is kernel_main
# in the library)
mpiexec.mpich -np 2 "$CPROF_MPI" -d late "$PROGS/mpilate" "$PROGS/.libs/libmpilate-mpich.so" $rounds \
	> late.stdout 2> late.out
expect_eq "MPICH loaded late: status 0" 0 $?
mpiexec.mpich -np 2 "$CPROF_MPI" -d linked "$KERNELS/mpi-mpich" $rounds > /dev/null 2> linked.out
expect_eq "MPICH loaded late: the same MPI calls and bytes as linked, call site by call site" \
	"$(mpi_counts linked.out)" "$(mpi_counts late.out | sed 's/(kernel_main)$/(main)/')"

# libcprof-mpi.so alone, without the wrappers for MPICH's ABI (as where
# cprof was built without MPICH): the program runs as without it, and the
# process says why its calls are not timed
mkdir alone && cp "$top_builddir/mpi_wrap/.libs/libcprof-mpi.so" alone/
mpiexec.mpich -np 2 env LD_PRELOAD="$WORK/alone/libcprof-mpi.so" "$KERNELS/mpi-mpich" 2 > alone.out 2> alone.err
expect_eq "no wrappers for MPICH's ABI: the program runs, status 0" 0 $?
matches "no wrappers for MPICH's ABI: its output" "^ring token 4, allreduce sum 1$" "$(cat alone.out)"
matches "no wrappers for MPICH's ABI: says why its calls are not timed" \
	"^cprof-mpi: the program's MPI library, .*libmpich\.so[.0-9]*, has MPICH's ABI, and cprof was built without MPICH \(no .*/alone/libcprof-mpi-mpich\.so\): the program's MPI calls are not timed$" \
	"$(sort -u alone.err)"
done_testing
