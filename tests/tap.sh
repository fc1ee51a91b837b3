# tap.sh: TAP output and helpers for the integration tests (sourced).
# make check runs each tests/*.sh through automake's tap-driver.
set -u

: "${top_builddir:?run through make check}"
: "${top_srcdir:?run through make check}"
CPROF="$top_builddir/src/cprof"
CPROF_REPORT="$top_builddir/src/cprof-report"
CPROF_MPI="$top_builddir/src/cprof-mpi"
KERNELS="$top_builddir/kernels"
PROGS="$top_builddir/tests/progs"
# OpenMPI's mpiexec: Debian names it mpiexec.openmpi beside MPICH's
# mpiexec.mpich; mpiexec is the one its alternatives chose
OPENMPI_MPIEXEC=$(command -v mpiexec.openmpi || command -v mpiexec)

# A hung program fails its script, not the whole make check: the script
# runs in a session of its own (with nothing to read on its standard input,
# whatever make had), and if it is still running after
# CPROF_TEST_TIMEOUT seconds (600) it bails out, printing the processes of
# the session, which are then terminated (the script's cleanup runs) and
# killed.
if [ "$(ps -o sid= -p $$ | tr -d ' ')" != "$$" ]; then
	exec setsid -w "${TEST_SHELL:-/bin/sh}" "$0" "$@" < /dev/null
fi
tap_n=0
tap_failed=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-test.XXXXXX")
# cprof's temporary directories too, and those a failed report keeps: gone
# with the script's
TMPDIR=$WORK
export TMPDIR
tap_timeout=${CPROF_TEST_TIMEOUT:-600}
(
	trap '' TERM
	sleep "$tap_timeout" < /dev/null > /dev/null 2>&1 || exit 0 # killed: the script ended
	echo "Bail out! $(basename "$0") still running after $tap_timeout s; its processes:"
	ps -o pid,ppid,etimes,stat,wchan:24,args --forest -s $$ | sed 's/^/# /'
	pkill -TERM -s $$
	sleep 10
	rm -rf "$WORK"
	pkill -KILL -s $$
) &
tap_watchdog=$!
# at_exit COMMAND: run COMMAND (a string, as trap takes it) when the script
# ends, before what was given earlier
tap_at_exit='rm -rf "$WORK"; pkill -KILL -P $tap_watchdog; kill -KILL $tap_watchdog 2> /dev/null'
at_exit() { tap_at_exit="$1; $tap_at_exit"; trap "$tap_at_exit" EXIT; }
trap "$tap_at_exit" EXIT
trap 'exit 1' TERM

# Built with the sanitizers (make check sets their options then), the
# commands write what ASan finds, and the aborts UBSan's findings end in
# (tests/local.mk), to files here, which done_testing turns into a failed
# test: a finding fails the script whatever its tests look at.  (UBSan's
# log_path, in GCC's runtime, sets ASan's file: the two must be the same.)
if [ -n "${UBSAN_OPTIONS:-}" ]; then
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$WORK/sanitizer"
	UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$WORK/sanitizer"
	export ASAN_OPTIONS UBSAN_OPTIONS
fi
sanitizer_findings() {
	local f found=
	for f in "$WORK"/sanitizer.*; do
		[ -e "$f" ] || continue
		found="$found $(basename "$f")"
		diag "$(head -n 40 "$f")"
	done
	expect_eq "the sanitizers found nothing" "" "$found"
}

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
done_testing() {
	[ -z "${UBSAN_OPTIONS:-}" ] || sanitizer_findings
	echo "1..$tap_n"
	exit 0
}
# skip_all REASON: the whole script is skipped, by name (what the machine
# cannot give); before any test
skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# check DESCRIPTION COMMAND...: one test, passing when the command does
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "expected: $2" "     got: $3"
	fi
}

# matches DESCRIPTION EXTENDED-REGEX STRING
matches() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		ok "$1"
	else
		not_ok "$1"
		diag "expected to match: $2" "                got: $3"
	fi
}

# within DESCRIPTION VALUE LOW HIGH: LOW <= VALUE <= HIGH, as decimals
within() {
	if awk -v v="$2" -v lo="$3" -v hi="$4" 'BEGIN { exit !(v != "" && v >= lo && v <= hi) }'; then
		ok "$1 ($2 in [$3, $4])"
	else
		not_ok "$1"
		diag "expected a value in [$3, $4], got '$2'"
	fi
}

# column FILE NAME COLUMN: a column (ncalls, tottime, percall, cumtime,
# cumpercall) of the row of function NAME ("file:line(NAME)" or "{NAME}") in
# a cProfile table printed to FILE; the columns after ncalls are 8 wide.
column() {
	awk -v name="$2" -v col="$3" '
		match($0, /^ *[0-9\/]+ /) {
			rest = substr($0, RLENGTH + 1)
			fn = substr(rest, 37)
			if (fn !~ ("\\(" name "\\)$") && fn != "{" name "}") next
			if (col == "ncalls") { v = substr($0, 1, RLENGTH - 1); gsub(/ /, "", v) }
			else if (col == "tottime") v = substr(rest, 1, 8)
			else if (col == "percall") v = substr(rest, 10, 8)
			else if (col == "cumtime") v = substr(rest, 19, 8)
			else v = substr(rest, 28, 8)
			gsub(/ /, "", v)
			print v
			exit
		}' "$1"
}
# table_only FILE: a report without the lines before the table that say
# how it was sampled and what --count counted
table_only() {
	awk 'NR == 1 && /^(Sampled|Counted) / { skip = 1 } skip && /^$/ { skip = 0; next } !skip' "$1"
}

# split_processes FILE PREFIX: the tables of cprof --per-process, one per
# file PREFIX1, PREFIX2, ... in the order printed, and no other (an earlier
# report split at the same prefix, with more tables, left files that would
# be counted again: two CPythons of one version, Debian's and pyenv's, are
# run under the same names)
split_processes() {
	rm -f -- "$2"[0-9]*
	awk -v prefix="$2" '/^Process /{ n++ } n { print > (prefix n) }' "$1"
}

# shares_are PYTHON MEASURED SAMPLED CLOCK WHAT: one test for each function
# of a shares kernel (C or Python): its sampled share of the time is the
# one the program measured of itself in the same run, on CLOCK, within 5%
# (share.py)
shares_are() { # PYTHON MEASURED PSTATS CLOCK NAME [PERCENT]
	local f
	for f in work_a work_b work_c spin; do
		check "$5: $f's share of the time is what the program measured, within ${6:-5}%" \
			"$1" "$top_srcdir/tests/share.py" "$2" "$3" "$f" "$4" "$(awk -v p="${6:-5}" 'BEGIN { print p / 100 }')"
	done
}

# timed COMMAND...: runs it, its status kept, and sets $took to the seconds
# it took on the wall clock: the most a function of it can have taken, on
# a busy machine too (where a sleep of 1 s may last longer), the bound to
# test its time against
timed() {
	local t0 status
	t0=$(date +%s.%N)
	"$@"
	status=$?
	took=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
	return $status
}

# samples_in REPORT: the samples its header counts (at 1000 Hz)
samples_in() { sed -n 's/^Sampled [A-Za-z ]* at 1000 Hz: \([0-9]*\) samples.*/\1/p' "$1"; }

# rank_endings REPORT: the MPI section's ranks, each with how it ended
# where it did not end well: "0|1 killed by signal 15 (Terminated)|"
rank_endings() {
	awk '/^ +rank +host/ { on = 1; next } on && (NF == 0 || /^Missing:/) { exit }
		on { $2 = $3 = $4 = $5 = $6 = ""; print }' "$1" |
		sed 's/  */ /g; s/ $//' | tr '\n' '|'
}

# mpi_counts REPORT: each MPI function's calls and bytes, from the MPI
# section; then each call site's
mpi_counts() {
	awk '$1 ~ /^MPI_/ && NF == 10 { print $1, $2, $9, $10 }' "$1" | sort
	awk '$1 ~ /^MPI_/ && NF == 8 { print $1, $2, $6, $7, $8 }' "$1" | sort
}
# mpi_ncalls REPORT: the MPI functions' rows of the cProfile table
mpi_ncalls() { awk '$NF ~ /^\{MPI_/ { print $NF, $1 }' "$1" | sort; }
# counted_ncalls REPORT: the rows of the cProfile table with a call count
# (the functions traced, exactly), each with it
counted_ncalls() {
	awk 'NF == 6 && $2 ~ /^[0-9]+\.[0-9]+$/ && $4 ~ /^[0-9]+\.[0-9]+$/ && $1 != "0" { print $6, $1 }' "$1" | sort
}

ncalls() { column "$1" "$2" ncalls; }
tottime() { column "$1" "$2" tottime; }
cumtime() { column "$1" "$2" cumtime; }

# The CPython interpreters on this machine: Debian's and pyenv's 3.8 to 3.13.
pythons() {
	local p v
	for p in /usr/bin/python3 /root/.pyenv/versions/3.*/bin/python3 "${HOME:-/root}"/.pyenv/versions/3.*/bin/python3; do
		[ -x "$p" ] || continue
		v=$("$p" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
		case $v in 3.8 | 3.9 | 3.10 | 3.11 | 3.12 | 3.13) echo "$v $p" ;; esac
	done | sort -u -k2,2 | sort -t. -k1,1n -k2,2n
}

# wait_for FILE PATTERN [COUNT]: until FILE has COUNT lines matching (30 s)
wait_for() {
	local i=0 n
	while :; do
		# (a file not made yet, by a command just started in the
		# background, has no line: grep -c prints no count for it)
		n=$(grep -c -- "$2" "$1" 2> /dev/null)
		[ "${n:-0}" -lt "${3:-1}" ] && [ $i -lt 300 ] || break
		sleep 0.1
		i=$((i + 1))
	done
}

# cprof-dump's trees: frames FILE, the frames, one a line, without the
# sets; follows FILE A B, whether frame B comes right after frame A
frames() { sed -E -n '/^$/q; 1d; s/^ *(\[[^]]*\] [0-9]+ threads? +)?//p' "$1"; }
follows() { frames "$1" | awk -v a="$2" -v b="$3" 'prev == a && $0 == b { found = 1 } { prev = $0 } END { exit !found }'; }
# hang_dumped NAME FILE: the dump of tests/python/hang.py in FILE, as cprof-dump
# names its frames: one process, its two threads where the script waits
hang_dumped() {
	local hang="$top_srcdir/tests/python/hang.py"
	expect_eq "$1: one process, two threads" "1 pid, 2 threads" "$(head -n 1 "$2")"
	check "$1: inner called by outer" follows "$2" "$hang:17(outer)" "$hang:12(inner)"
	check "$1: outer called by the script" follows "$2" \
		"$(frames "$2" | grep -m 1 '/hang.py:[0-9]*(<module>)$')" "$hang:17(outer)"
	matches "$1: the second thread in waiter, from threading's run" "threading.py:[0-9]+\(run\)
$hang:8\(waiter\)" "$(frames "$2" | grep -A1 '(run)$')"
}

# with_each_mpi FUNCTION PROGRAM: FUNCTION NAME LAUNCHER PATH, with
# OpenMPI's mpiexec and tests/progs/PROGRAM, then with MPICH's and
# PROGRAM-mpich; skipped where cprof was not built with that MPI
with_each_mpi() {
	export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
	if [ -x "$PROGS/$2" ] && [ -n "$OPENMPI_MPIEXEC" ]; then
		"$1" OpenMPI "$OPENMPI_MPIEXEC --oversubscribe" "$PROGS/$2"
	else
		skip "OpenMPI: not built with it"
	fi
	if [ -x "$PROGS/$2-mpich" ] && command -v mpiexec.mpich > /dev/null; then
		"$1" MPICH mpiexec.mpich "$PROGS/$2-mpich"
	else
		skip "MPICH: not built with it"
	fi
}
