# cprof-dump PID...: the stacks of running processes not started under
# cprof, native and Python, merged by rank or pid; each process goes on as
# before (no EINTR, no lost signal); a refusal says why and what to do.
. "$top_srcdir/tests/tap.sh"

CPROF_DUMP="$top_builddir/src/cprof-dump"
cd "$WORK" || exit 1
[ "$(cat /proc/sys/kernel/yama/ptrace_scope 2> /dev/null || echo 0)" != 3 ] ||
	skip_all "ptrace is forbidden on this machine (kernel.yama.ptrace_scope is 3)"

# stopped FILE: how long the process was stopped, in ms
stopped() { sed -n 's/^each process was stopped for at most \([0-9.]*\) ms$/\1/p' "$1"; }

# A Python process blocked in time.sleep under two functions, and a thread
# of its own, under every CPython on the machine
while read -r v py; do
	name=$v
	[ "$py" != /usr/bin/python3 ] || name="$v (Debian)" v=$v-debian
	"$py" "$top_srcdir/tests/python/hang.py" > "py-$v.out" 2>&1 &
	pid=$!
	wait_for "py-$v.out" ready
	sleep 0.2 # from the print to the sleep
	"$CPROF_DUMP" "$pid" > "py-$v.dump" 2> "py-$v.err"
	expect_eq "Python $name: exit status 0, nothing on standard error" "0 " "$? $(cat "py-$v.err")"
	hang_dumped "Python $name" "py-$v.dump"
	matches "Python $name: both threads in the C library's sleep" \
		"^(__select|select|clock_nanosleep|__clock_nanosleep), (__select|select|clock_nanosleep|__clock_nanosleep)$" \
		"$(sed -n 's/.* 2 threads each, in: //p' "py-$v.dump")"
	within "Python $name: stopped for at most 50 ms" "$(stopped "py-$v.dump")" 0 50
	check "Python $name: still running" kill -0 "$pid"
	kill "$pid"
	wait "$pid" 2> /dev/null
done << EOF
$(pythons)
EOF

# A native program stopped again and again, in a read, in a sleep, 2000
# calls deep, and while signals come: none of its calls fails with EINTR,
# it gets every signal, and ends as it would have
mkfifo in
"$PROGS/dumpee" < in > dumpee.out 2>&1 &
pid=$!
exec 3> in
wait_for dumpee.out ready
"$CPROF_DUMP" "$pid" > read.dump 2>&1
expect_eq "native: the main thread in read, from main" "main read" \
	"$(frames read.dump | grep -E '^(main|read|__libc_read)$' | sed 's/__libc_read/read/' | tr '\n' ' ' | sed 's/ $//')"
for i in 1 2 3 4 5; do
	echo s >&3
	"$CPROF_DUMP" "$pid" > "sleep-$i.dump" 2>&1
	"$CPROF_DUMP" "$pid" > /dev/null 2>&1
	wait_for dumpee.out "done s" "$i"
done
expect_eq "native: five sleeps stopped twice each, none cut short" 5 "$(grep -c '^done s$' dumpee.out)"
echo d >&3
wait_for dumpee.out bottom
"$CPROF_DUMP" "$pid" > deep.dump 2>&1
wait_for dumpee.out "done d"
deep=$(frames deep.dump | grep -Ec '^deep(\.|$)')
within "native: 2000 calls deep, the innermost 512 frames unwound" "$deep" 505 512
expect_eq "native: 2000 calls deep, the cut said" "(outer frames not read: the stack is deeper than cprof-dump reads)" \
	"$(frames deep.dump | head -n 1)"
for i in 1 2 3 4 5 6 7 8; do
	kill -USR1 "$pid"
	"$CPROF_DUMP" "$pid" > /dev/null 2>&1
	echo c >&3
	wait_for dumpee.out "done c" "$i"
done
expect_eq "native: every signal that came while it was stopped was handed back" "1 2 3 4 5 6 7 8" \
	"$(grep -E '^[0-9]+$' dumpee.out | tr '\n' ' ' | sed 's/ $//')"
exec 3>&-
wait "$pid"
expect_eq "native: exit status 0, no EINTR" "0 " "$? $(grep -E '^(read|nanosleep):' dumpee.out)"

# A hung MPI job: rank 0 in MPI_Recv, ranks 1-3 in MPI_Barrier
dump_job() { # NAME LAUNCHER PROGRAM
	# shellcheck disable=SC2086
	$2 -np 4 "$3" > "$1.out" 2>&1 &
	job=$!
	wait_for "$1.out" waiting 4
	sleep 1
	# shellcheck disable=SC2046
	"$CPROF_DUMP" $(pgrep -f "^$3\$") > "$1.dump" 2> "$1.err"
	expect_eq "$1: exit status 0, nothing on standard error" "0 " "$? $(cat "$1.err")"
	matches "$1: four ranks" "^4 ranks, [0-9]+ threads$" "$(head -n 1 "$1.dump")"
	matches "$1: rank 0 alone in MPI_Recv" '^ *\[0\] 1 thread +P?MPI_Recv$' "$(cat "$1.dump")"
	matches "$1: ranks 1-3 in MPI_Barrier" '^ *\[1-3\] 3 threads +P?MPI_Barrier$' "$(cat "$1.dump")"
	# (ranks 1-3 poll, each somewhere in the progress engine: they may
	# make more than one class)
	matches "$1: rank 0 a class of its own" '^  \[0\] 1 rank, ' "$(cat "$1.dump")"
	kill "$job"
	wait "$job" 2> /dev/null
	pkill -KILL -s 0 -f "^$3\$"
}
with_each_mpi dump_job mpihang

# Refusals
"$CPROF_DUMP" > none.out 2>&1
expect_eq "no pid: status 2 and how to find one" \
	"2 cprof-dump: no process given: cprof-dump PID... (pgrep -f NAME finds the pids)" "$? $(cat none.out)"
"$CPROF_DUMP" 12x > bad.out 2>&1
expect_eq "not a pid: status 2" "2 cprof-dump: '12x' is neither a process id nor a directory: cprof-dump PID..., or cprof-dump DIR (a run's directory: cprof -d DIR, cprof-mpi's cprof-<jobid>)" "$? $(cat bad.out)"
sh -c 'exit 0' &
gone=$!
wait $gone
"$CPROF_DUMP" "$gone" > gone.out 2>&1
expect_eq "a process that has ended: status 1" "1 cprof-dump: no process $gone" "$? $(cat gone.out)"
if [ "$(cat /proc/2/comm 2> /dev/null)" = kthreadd ]; then
	"$CPROF_DUMP" 2 > kthread.out 2>&1
	expect_eq "a thread of the kernel's: status 1" \
		"1 cprof-dump: process 2 is a thread of the kernel's: it has no stack of a program" "$? $(cat kthread.out)"
else
	skip "a thread of the kernel's: pid 2 is not kthreadd here (a container)"
fi
sleep 600 &
rootpid=$!
at_exit "kill $rootpid 2> /dev/null"
if [ "$(id -u)" != 0 ] || ! command -v setpriv > /dev/null ||
	! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$CPROF_DUMP" 2> /dev/null; then
	skip "another user's process: needs root, setpriv, and the build readable by nobody"
else
	setpriv --reuid=65534 --regid=65534 --clear-groups "$CPROF_DUMP" "$rootpid" > eperm.out 2>&1
	expect_eq "another user's process: status 1, the cause and the fix" \
		"1 cprof-dump: process $rootpid belongs to user 0, and you are user 65534: run this as that user, or as root" \
		"$? $(cat eperm.out)"
fi
"$CPROF_DUMP" -o tree.txt "$rootpid" > o.out 2>&1
expect_eq "-o FILE: the tree in it, nothing printed" "0 1 pid, 1 thread" "$? $(cat o.out)$(head -n 1 tree.txt)"

done_testing
