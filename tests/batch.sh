# A real batch system: a single-node Slurm cluster on loopback
# (scripts/slurm), Slurm's qsub, and the pbs/ job scripts as a user submits
# them; then the merged reports they left.
. "$top_srcdir/tests/tap.sh"

if [ "$(id -u)" != 0 ] || ! command -v slurmctld > /dev/null || ! command -v qsub > /dev/null ||
	! command -v munged > /dev/null || [ ! -x "$CPROF_MPI" ] || [ ! -x "$KERNELS/mpi" ]; then
	skip "no Slurm here (root, slurm-wlm, slurm-wlm-torque, munge and OpenMPI; scripts/setup installs them)"
	done_testing
fi
cluster="$WORK/slurm"
at_exit '"$top_srcdir/scripts/slurm" stop "$cluster"'
if ! "$top_srcdir/scripts/slurm" start "$cluster" > "$WORK/start.log" 2>&1; then
	not_ok "the Slurm cluster starts"
	diag "$(cat "$WORK/start.log")"
	done_testing
fi
ok "the Slurm cluster starts"

# what a user's job sees: cprof and cprof-mpi in PATH, the kernels, Debian's
# python3 (with numpy and mpi4py), root allowed to run mpiexec
export SLURM_CONF="$cluster/slurm.conf" PATH="$top_builddir/src:$PATH" KERNELS="$top_srcdir/kernels"
export PYTHON=/usr/bin/python3 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cd "$WORK" || exit 1
pi=$(qsub "$top_srcdir/pbs/run_pi.pbs")
mpi=$(qsub "$top_srcdir/pbs/mpi.pbs")
matches "qsub prints job ids" "^[0-9]+ [0-9]+$" "$pi $mpi"
for _ in $(seq 240); do
	[ -z "$(squeue -h 2> /dev/null)" ] && break
	sleep 0.5
done
expect_eq "both jobs ended within 2 minutes" "" "$(squeue -h 2> /dev/null)"
for job in $pi $mpi; do
	expect_eq "job $job: exit code 0" "ExitCode=0:0" "$(scontrol show job "$job" | grep -o 'ExitCode=[0-9:]*')"
done

# run_pi.pbs: the serial and the pool run, each reported (on standard
# error: the job's error file) and kept
out="run_pi.pbs.e$pi"
expect_eq "run_pi: two reports in the job's error file" 2 "$(grep -c 'function calls' "$out")"
expect_eq "run_pi: none in its output" 0 "$(grep -c 'function calls' "run_pi.pbs.o$pi")"
expect_eq "run_pi: pi_run 6 times in each (10 to 10^6 darts)" "6 6" \
	"$(awk '/\(pi_run\)$/ { printf "%s%s", sep, $1; sep = " " }' "$out")"
check "run_pi: the serial run's raw profiles kept" test -n "$(ls "cprof-pi-serial-$pi"/*.cprof 2> /dev/null)"
check "run_pi: the pool's workers each wrote theirs (3 processes at least)" \
	test "$(ls "cprof-pi-pool-$pi"/*.cprof 2> /dev/null | wc -l)" -ge 3

# mpi.pbs: every rank, one merged report, and cprof-report after the job
out="mpi.pbs.o$mpi"
# (the ranks' lines may interleave: the set is compared, not the lines)
expect_eq "mpi: every rank said hello" "0 1 2 3" \
	"$(grep -o 'Hello from rank [0-9]* of 4' "$out" | awk '{ print $4 }' | sort -n | tr '\n' ' ' | sed 's/ $//')"
matches "mpi: rank 0 printed the merged report into the job's error file" "^MPI: 4 ranks of 4; " \
	"$(cat "mpi.pbs.e$mpi")"
check "mpi: the job's directory is cprof-<job id>" test -d "cprof-$mpi"
"$CPROF_REPORT" "cprof-$mpi" > report.out 2> report.err
expect_eq "mpi: cprof-report on the job's directory" 0 $?
expect_eq "mpi: every rank present, none missing" "0 1 2 3 " \
	"$(awk '/^ +rank +host/ { on = 1; next } on && NF == 0 { exit } on { printf "%s ", $1 }' report.out)"
expect_eq "mpi: no rank missing" "" "$(grep '^Missing' report.out)"
expect_eq "mpi: MPI_Allreduce, 10 per rank" 40 "$(ncalls report.out MPI_Allreduce)"
expect_eq "mpi: MPI_Send and the matched MPI_Mrecv of the ring, 10 per rank" "40 40" \
	"$(ncalls report.out MPI_Send) $(ncalls report.out MPI_Mrecv)"
expect_eq "mpi: ring and allreduce once per rank" "4 4" "$(ncalls report.out ring) $(ncalls report.out allreduce)"

# a job the batch system kills, as it does at the job's walltime: SIGTERM
# to every process of the job (scancel; Slurm's time limits are whole
# minutes), SIGKILL 10 s later (KillWait); mpiexec, SIGTERM'd too, would
# SIGKILL the ranks a second after, before a busy machine let them say
# where their profiles are (docs/MPI.md)
cat > long.pbs <<JOB
#!/bin/sh
mpiexec --oversubscribe --mca odls_base_sigkill_timeout 10 -np 2 cprof-mpi "$top_builddir/kernels/mpi" 1000000000
JOB
long=$(qsub long.pbs)
for _ in $(seq 120); do
	[ "$(grep -c '^Hello from rank' "long.pbs.o$long" 2> /dev/null)" = 2 ] && break
	sleep 0.5
done
scancel "$long"
for _ in $(seq 120); do
	[ -z "$(squeue -h -j "$long" 2> /dev/null)" ] && break
	sleep 0.5
done
"$CPROF_REPORT" "cprof-$long" > long.out 2> long.err
expect_eq "killed job: every rank's profile, each saying how it ended" \
	"0 killed by signal 15 (Terminated), no MPI_Finalize|1 killed by signal 15 (Terminated), no MPI_Finalize|" \
	"$(rank_endings long.out)"
expect_eq "killed job: MPI_Init in each rank" 2 "$(ncalls long.out MPI_Init)"
dir=$(cd "cprof-$long" && pwd -P)
# (one rank says it; mpiexec, ending too, may not pass it on in time: at
# most one line of it, then, and the mark of the rank that said it)
said=$(cat "long.pbs.o$long" "long.pbs.e$long" 2> /dev/null |
	grep -Ec "^cprof-mpi: rank [01]: the job ended before (this rank|rank 0) could report: the ranks' profiles are in $dir \(run cprof-report $dir\)$")
check "killed job: one rank says where the profiles are (said $said times)" test -e "$dir/.job-end-said" -a "$said" -le 1

# srun as the MPI launcher (Slurm's PMIx): the ranks from SLURM_PROCID
if srun --mpi=list 2>&1 | grep -q pmix; then
	srun -n 2 --mpi=pmix "$CPROF_MPI" -d srun-job "$top_builddir/kernels/mpi" 2 > srun.out 2>&1
	expect_eq "srun -n 2: status 0" 0 $?
	expect_eq "srun -n 2: the ranks' profiles in one node file, which the job's mark says" "1 0-1" \
		"$(ls srun-job/node-*.cprofs | wc -l) $(sed 's/.* //' srun-job/.gathered)"
	matches "srun -n 2: rank 0's report counts both" "^MPI: 2 ranks of 2; " "$(cat srun.out)"
	expect_eq "srun -n 2: MPI_Allreduce 2 times per rank" 4 "$(ncalls srun.out MPI_Allreduce)"
else
	skip "srun: Slurm's PMIx plugin is not installed"
fi
done_testing
