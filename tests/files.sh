# cprof's files: what cprof and cprof-mpi create is never written through
# a link someone put at its name, nor into a directory someone else
# controls; -o writes only a regular file, and cprof-report reads each
# input once and never replaces one.
. "$top_srcdir/tests/tap.sh"
cd "$WORK" || exit 1
echo precious > victim
unchanged() { [ "$(cat "$WORK/victim")" = precious ]; }
host=$(uname -n)
# expect_eq, for cprof-mpi: skipped where it was not built (no MPI)
mpi_expect() { if [ -x "$CPROF_MPI" ]; then expect_eq "$@"; else skip "$1: no cprof-mpi (no MPI)"; fi; }
# cprof-mpi as one rank of a job of `size` (a launcher's variables, no launcher)
rank() { # RANK SIZE CPROF-MPI-ARGS...
	local r=$1 n=$2
	shift 2
	(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE PBS_JOBID
		SLURM_JOB_ID=${JOB:-} SLURM_PROCID=$r SLURM_NTASKS=$n exec "$CPROF_MPI" "$@")
}

# cprof-mpi's done mark: links at every name it uses (its pid is the
# shell's, which execs it), the old one and the new
if [ -x "$CPROF_MPI" ]; then
	mkdir marks
	(unset OMPI_COMM_WORLD_RANK OMPI_COMM_WORLD_SIZE PMIX_RANK PMI_RANK PMI_SIZE
		SLURM_PROCID=0 SLURM_NTASKS=1 sh -c 'for n in "" .0 .1; do ln -s "$PWD/victim" "marks/.rank00000-done.$$$n"; done
		exec "$0" -d marks "$1"' "$CPROF_MPI" "$KERNELS/basic" > marks.out 2> marks.err)
	expect_eq "cprof-mpi, links at the done mark's names: status 0" 0 $?
	check "cprof-mpi, links at the done mark's names: not written through" unchanged
	check "cprof-mpi, links at the done mark's names: the mark is a file of its own" \
		test -f marks/.rank00000-done -a ! -L marks/.rank00000-done
	expect_eq "cprof-mpi, links at the done mark's names: rank 0 reported" 4 "$(ncalls marks.err addit)"
else
	skip "no cprof-mpi (neither OpenMPI nor MPICH is installed)"
fi

# the runtime's profile: the program puts links at its own profile's names
"$CPROF" -d prof sh -c 'for n in "" .1; do ln -s "$PWD/victim" "prof/$0-$$$n.cprof"; done' "$host" \
	> prof.out 2> prof.err
expect_eq "links at the profile's names: status 0" 0 $?
check "links at the profile's names: not written through" unchanged
expect_eq "links at the profile's names: the profile took the next free name" 1 \
	"$(find prof -type f -name "$host-*.2.cprof" | wc -l)"

# directories: someone else's, anyone's, a link
if [ "$(id -u)" = 0 ]; then
	mkdir cprof-77 && chown nobody cprof-77
	uid=$(stat -c %u cprof-77)
	JOB=77 rank 0 1 "$KERNELS/basic" > /dev/null 2> other.err
	mpi_expect "cprof-mpi, a job directory another user made: status 2" 2 $?
	mpi_expect "cprof-mpi, a job directory another user made: says why and what to do" \
		"cprof-mpi: cprof-77 is owned by another user (uid $uid): remove it or choose another directory with -d" \
		"$(cat other.err)"
	mpi_expect "cprof-mpi, a job directory another user made: nothing written into it" "" "$(ls -A cprof-77)"
	"$CPROF" -d cprof-77 "$KERNELS/basic" > /dev/null 2> other-d.err
	expect_eq "cprof -d, a directory another user owns: status 2" 2 $?
	matches "cprof -d, a directory another user owns: says why" "^cprof: cprof-77 is owned by another user" \
		"$(cat other-d.err)"
else
	skip "a directory of another user's: only root can make one (chown)"
fi
mkdir cprof-78 && chmod 777 cprof-78
JOB=78 rank 0 1 "$KERNELS/basic" > /dev/null 2> open.err
mpi_expect "cprof-mpi, a job directory anyone may write into: status 2" 2 $?
mpi_expect "cprof-mpi, a job directory anyone may write into: says why and what to do" \
	"cprof-mpi: cprof-78 can be written by every user and has no sticky bit (mode 0777): anyone could replace the profiles in it: chmod o-w cprof-78, or choose another directory with -d" \
	"$(cat open.err)"
mkdir sticky && chmod 1777 sticky
"$CPROF" -d sticky "$KERNELS/basic" > sticky.out 2>&1
expect_eq "cprof -d, a directory anyone may write into, with the sticky bit: taken" 4 "$(ncalls sticky.out addit)"
mkdir elsewhere && ln -s elsewhere cprof-79
JOB=79 rank 0 1 "$KERNELS/basic" > /dev/null 2> link.err
mpi_expect "cprof-mpi, a link at the job directory's name: status 2" 2 $?
mpi_expect "cprof-mpi, a link at the job directory's name: says why and what to do" \
	"cprof-mpi: cprof-79 is a symbolic link, which cprof does not follow (another user may have put it there): name the directory it leads to, or choose another directory with -d" \
	"$(cat link.err)"
mpi_expect "cprof-mpi, a link at the job directory's name: nothing written where it leads" "" "$(ls -A elsewhere)"
"$CPROF" -d cprof-79/ "$KERNELS/basic" > /dev/null 2> slash.err
expect_eq "cprof -d LINK/ (a slash, which has the kernel follow a link): refused all the same" \
	"2 cprof: cprof-79 is a symbolic link" "$? $(cut -d, -f1 slash.err)"
expect_eq "cprof -d LINK/: nothing written where it leads" "" "$(ls -A elsewhere)"

# -o: a regular file or a new one
mkfifo fifo
start=$(date +%s)
timeout 60 "$CPROF" -o fifo sh -c 'touch ran' > /dev/null 2> fifo.err
expect_eq "-o FIFO: refused before the program runs, status 2" "2 no" "$? $(test -e ran && echo yes || echo no)"
expect_eq "-o FIFO: says why" "cprof: cannot write fifo: not a regular file (-o writes a new file or replaces a regular one)" \
	"$(cat fifo.err)"
check "-o FIFO: no waiting" test $(($(date +%s) - start)) -lt 30
"$CPROF" -d keep -o keep.pstats "$KERNELS/basic" > /dev/null
timeout 60 "$CPROF_REPORT" -o fifo keep > /dev/null 2> fifo-report.err
expect_eq "cprof-report -o FIFO: status 2" 2 $?
expect_eq "cprof-report -o FIFO: says why" \
	"cprof-report: cannot write fifo: not a regular file (-o writes a new file or replaces a regular one)" \
	"$(cat fifo-report.err)"
ln -s "$WORK/victim" linked.pstats
"$CPROF" -o linked.pstats "$KERNELS/basic" > /dev/null
expect_eq "-o naming a link: status 0" 0 $?
check "-o naming a link: the link is replaced, not written through" unchanged
check "-o naming a link: a pstats file in its place" test -f linked.pstats -a ! -L linked.pstats -a -s linked.pstats

# cprof-report -o naming one of its inputs
input=$(ls keep/*.cprof | head -n 1)
cp "$input" input.copy
"$CPROF_REPORT" -o "$input" keep > /dev/null 2> self.err
expect_eq "cprof-report -o naming a profile of an input directory: status 2" 2 $?
expect_eq "cprof-report -o naming a profile of an input directory: says why" \
	"cprof-report: cannot write $input: it is one of the raw profiles read, which it would replace (choose another -o)" \
	"$(cat self.err)"
check "cprof-report -o naming a profile of an input directory: the profile is left as it was" cmp -s "$input" input.copy
ln -s "$input" alias.cprof
"$CPROF_REPORT" -o alias.cprof "$input" > /dev/null 2> alias.err
expect_eq "cprof-report -o naming an input file by a link: status 2" 2 $?
matches "cprof-report -o naming an input file by a link: names the input" \
	"^cprof-report: cannot write alias.cprof: it is $input, one of the raw profiles read" "$(cat alias.err)"
check "cprof-report -o naming an input file by a link: the profile is left as it was" cmp -s "$input" input.copy

# the same directory or file, named several ways: read once
"$CPROF_REPORT" keep > once.out 2> /dev/null
ln -s keep keep-link
"$CPROF_REPORT" keep keep/ ./keep keep-link "$input" > twice.out 2> twice.err
expect_eq "the same directory four ways and a file in it: status 0" 0 $?
expect_eq "the same directory four ways and a file in it: the report of one" "$(ncalls once.out addit)" \
	"$(ncalls twice.out addit)"
expect_eq "the same directory four ways and a file in it: each repeat said" \
	"cprof-report: warning: keep and keep/ are the same directory: its profiles are read once
cprof-report: warning: keep and ./keep are the same directory: its profiles are read once
cprof-report: warning: keep and keep-link are the same directory: its profiles are read once
cprof-report: warning: $input is given twice: it is read once" "$(cat twice.err)"
done_testing
