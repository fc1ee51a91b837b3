# cprof-dump DIR: the stacks of a run under cprof or cprof-mpi, written by
# the runtime inside each process when asked through the run's directory:
# no ptrace (it works for a user who may not ptrace the processes), no
# process stopped, no EINTR and no signal lost; the ranks that do not
# answer are named; bad input is told what to do.
. "$top_srcdir/tests/tap.sh"

CPROF_DUMP="$top_builddir/src/cprof-dump"
cd "$WORK" || exit 1

# answered FILE: the trailer's count of processes that answered
answered() { sed -n 's/^\([0-9]*\) process\(es\)\{0,1\} answered in [0-9.]* s, no process stopped .*/\1/p' "$1"; }

# A Python process blocked in time.sleep under two functions, and a thread
# of its own, under every CPython on the machine
while read -r v py; do
	name=$v
	[ "$py" != /usr/bin/python3 ] || name="$v (Debian)" v=$v-debian
	"$CPROF" --dump-poll=0.1 -d "py-$v" "$py" "$top_srcdir/tests/python/hang.py" > "py-$v.out" 2>&1 &
	pid=$!
	wait_for "py-$v.out" ready
	sleep 0.2 # from the print to the sleep
	"$CPROF_DUMP" "py-$v" > "py-$v.dump" 2> "py-$v.err"
	expect_eq "Python $name: exit status 0, nothing on standard error" "0 " "$? $(cat "py-$v.err")"
	hang_dumped "Python $name" "py-$v.dump"
	check "Python $name: time.sleep called by inner" follows "py-$v.dump" \
		"$top_srcdir/tests/python/hang.py:12(inner)" "{built-in method time.sleep}"
	expect_eq "Python $name: one answer" 1 "$(answered "py-$v.dump")"
	check "Python $name: still running" kill -0 "$pid"
	kill "$pid"
	wait "$pid" 2> /dev/null
done << EOF
$(pythons)
EOF

# Without sampling (-F 0) no thread is interrupted: each gives its traced
# calls, and where it waits
"$CPROF" -F 0 --dump-poll=0.1 -d unsampled python3 "$top_srcdir/tests/python/hang.py" > unsampled.out 2>&1 &
pid=$!
wait_for unsampled.out ready
sleep 0.2
"$CPROF_DUMP" unsampled > unsampled.dump 2>&1
matches "-F 0: both threads under the frame that says they were not interrupted" \
	'^\[[0-9]+\] 2 threads  \{not interrupted: its traced calls, and where it waits\}$' "$(sed -n 2p unsampled.dump)"
check "-F 0: inner called by outer" follows unsampled.dump \
	"$top_srcdir/tests/python/hang.py:17(outer)" "$top_srcdir/tests/python/hang.py:12(inner)"
matches "-F 0: the main thread waits in the C library's sleep" \
	"^\{built-in method time.sleep\}
(__select|select|clock_nanosleep|__clock_nanosleep)$" "$(frames unsampled.dump | grep -A1 -m 1 'time.sleep')"
kill "$pid"
wait "$pid" 2> /dev/null

# A native program dumped again and again, in a read, in a sleep, and
# while signals come: none of its calls fails with EINTR, it gets every
# signal, and ends as it would have
mkfifo in
"$CPROF" --dump-poll=0.05 -d native "$PROGS/dumpee" < in > dumpee.out 2> dumpee.err &
pid=$!
exec 3> in
wait_for dumpee.out ready
sleep 0.2
"$CPROF_DUMP" native > read.dump 2>&1
expect_eq "native: the main thread in read, from main" "main read" \
	"$(frames read.dump | grep -E '^(main|read|__libc_read)$' | sed 's/__libc_read/read/' | uniq | tr '\n' ' ' | sed 's/ $//')"
for i in 1 2 3 4 5; do
	echo s >&3
	"$CPROF_DUMP" -t 0.15 native > "sleep-$i.dump" 2>&1
	"$CPROF_DUMP" -t 0.15 native > /dev/null 2>&1
	wait_for dumpee.out "done s" "$i"
done
expect_eq "native: five sleeps dumped twice each, none cut short" 5 "$(grep -c '^done s$' dumpee.out)"
check "native: a sleep dumped in nanosleep" grep -qE '^ *(nanosleep|__GI___nanosleep|__clock_nanosleep|clock_nanosleep)$' \
	sleep-1.dump sleep-2.dump sleep-3.dump sleep-4.dump sleep-5.dump
for i in 1 2 3 4 5 6 7 8; do
	kill -USR1 "$pid"
	"$CPROF_DUMP" -t 0.15 native > /dev/null 2>&1
	echo c >&3
	wait_for dumpee.out "done c" "$i"
done
expect_eq "native: every signal came, once" "1 2 3 4 5 6 7 8" \
	"$(grep -E '^[0-9]+$' dumpee.out | tr '\n' ' ' | sed 's/ $//')"
exec 3>&-
wait "$pid"
expect_eq "native: exit status 0, no EINTR" "0 " "$? $(grep -E '^(read|nanosleep):' dumpee.out)"
matches "native: its profile written, the dumps none of it" "^ +[0-9]+ +[0-9.]+ .*\(main\)$" "$(cat dumpee.err)"

# Processes that fork and exec each answer
"$CPROF" --dump-poll=0.1 -d forked sh -c 'sleep 30 & sleep 30 & echo ready; wait' > forked.out 2>&1 &
pid=$!
wait_for forked.out ready
sleep 0.3
"$CPROF_DUMP" forked > forked.dump 2>&1
expect_eq "fork and exec: the shell and its two sleeps answer" "3 pids" "$(head -n 1 forked.dump | cut -d, -f1)"
pkill -s 0 -x sleep
wait "$pid"

# A request made before a process started is not its to answer
mkdir old old/dump-7
echo 7 > old/.dump-request
"$CPROF" --dump-poll=0.05 -d old sleep 1 > old.out 2>&1
expect_eq "an old request: not answered" "" "$(ls old/dump-7)"

# A hung MPI job: rank 0 in MPI_Recv, ranks 1-3 in MPI_Barrier
dump_job() { # NAME LAUNCHER PROGRAM
	# shellcheck disable=SC2086
	$2 -np 4 "$CPROF_MPI" --dump-poll=0.2 -d "$1" "$3" > "$1.out" 2>&1 &
	job=$!
	wait_for "$1.out" waiting 4
	sleep 0.5
	"$CPROF_DUMP" "$1" > "$1.dump" 2> "$1.err"
	expect_eq "$1: exit status 0, nothing on standard error" "0 " "$? $(cat "$1.err")"
	matches "$1: four ranks" "^4 ranks, [0-9]+ threads$" "$(head -n 1 "$1.dump")"
	matches "$1: rank 0 alone in MPI_Recv" '^ *\[0\] 1 thread +\{MPI_Recv\}$' "$(cat "$1.dump")"
	matches "$1: ranks 1-3 in MPI_Barrier" '^ *\[1-3\] 3 threads +\{MPI_Barrier\}$' "$(cat "$1.dump")"
	matches "$1: rank 0 a class of its own" '^  \[0\] 1 rank, ' "$(cat "$1.dump")"
	expect_eq "$1: every rank answered" 4 "$(answered "$1.dump")"
	"$CPROF_DUMP" -o "$1.html" "$1" 2> "$1-html.err"
	check "$1: as a web page, the viewer's, with the MPI calls" grep -q 'MPI_Recv' "$1.html"
	# a rank stopped (SIGSTOP) answers nothing: the others do, and it is named
	stopped=$(pgrep -f "^$3\$" | sed -n 3p) # (hydra's ranks are in a session of their own)
	kill -STOP "$stopped"
	"$CPROF_DUMP" -t 3 "$1" > "$1-stopped.dump" 2> "$1-stopped.err"
	kill -CONT "$stopped"
	matches "$1: a stopped rank named" "^cprof-dump: rank [0-3] of 4 did not answer in [0-9.]+ s: ended, stopped, or on a node that does not see $1$" \
		"$(cat "$1-stopped.err")"
	expect_eq "$1: the three others answered" 3 "$(answered "$1-stopped.dump")"
	kill "$job"
	wait "$job" 2> /dev/null
	pkill -KILL -s 0 -f "^$3\$"
}
with_each_mpi dump_job mpihang

# No ptrace: a user who may not trace the run's processes still gets their
# stacks through the directory
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
	"$CPROF" --dump-poll=0.1 -d shared python3 "$top_srcdir/tests/python/hang.py" > shared.out 2>&1 &
	pid=$!
	wait_for shared.out ready
	sleep 0.2
	chmod 755 "$WORK"
	chmod 777 shared
	python=$(pgrep -P "$pid" -f hang.py || pgrep -s 0 -f "python3 .*hang.py" | tail -n 1)
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$CPROF_DUMP" "$python" > nobody-pid.out 2>&1
	expect_eq "another user: ptrace refused" 1 "$?"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$CPROF_DUMP" -t 30 shared > nobody.dump 2> nobody.err
	expect_eq "another user: the run's stacks through its directory" "0 1 pid, 2 threads" \
		"$? $(head -n 1 nobody.dump)$(cat nobody.err)"
	kill "$pid"
	wait "$pid" 2> /dev/null
else
	skip "another user: needs root and setpriv"
fi

# cprof-dump PID of a process it cannot stop (a debugger holds it) that
# runs under cprof: asked through its run's directory instead
if command -v strace > /dev/null; then
	"$CPROF" --dump-poll=0.1 -d traced python3 "$top_srcdir/tests/python/hang.py" > traced.out 2>&1 &
	pid=$!
	wait_for traced.out ready
	python=$(pgrep -P "$pid")
	strace -p "$python" -o /dev/null > /dev/null 2>&1 &
	tracer=$!
	sleep 0.5
	"$CPROF_DUMP" "$python" > traced.dump 2> traced.err
	expect_eq "a process held by a debugger: exit status 0, the cause and what is done instead" \
		"0 cprof-dump: process $python is being traced by process $tracer (a debugger?): detach it first; it runs under cprof: asked through its run's directory $WORK/traced" \
		"$? $(cat traced.err)"
	expect_eq "a process held by a debugger: its two threads, through the directory" \
		"1 pid, 2 threads/1 process answered through its run's directory, not stopped" \
		"$(head -n 1 traced.dump)/$(tail -n 1 traced.dump)"
	kill "$tracer"
	wait "$tracer" 2> /dev/null
	kill "$pid"
	wait "$pid" 2> /dev/null
else
	skip "a process held by a debugger: no strace"
fi

# Bad input
"$CPROF_DUMP" nowhere > nodir.out 2>&1
expect_eq "not a directory: status 2, and what DIR is" \
	"2 cprof-dump: 'nowhere' is neither a process id nor a directory: cprof-dump PID..., or cprof-dump DIR (a run's directory: cprof -d DIR, cprof-mpi's cprof-<jobid>)" \
	"$? $(cat nodir.out)"
mkdir ended
"$CPROF_DUMP" -t 0.3 ended > ended.out 2>&1
matches "a run that has ended: status 1, and why it may be" \
	"^1 cprof-dump: no process of the run in ended answered in 0.[0-9] s: is it still running, started with --dump-poll" \
	"$? $(cat ended.out)"
expect_eq "a run that has ended: no answer directory left" "" "$(ls ended)"
"$CPROF_DUMP" -t x ended > badt.out 2>&1
expect_eq "-t not a time: status 2" "2 cprof-dump: -t takes seconds, more than 0 (2.5), not 'x'" "$? $(cat badt.out)"
"$CPROF" --dump-poll=1.2345 true > badpoll.out 2>&1
expect_eq "--dump-poll not a time: status 2" \
	"2 cprof: --dump-poll takes seconds, 0 (never) to 3600, to the millisecond (0.2), not '1.2345'" \
	"$? $(cat badpoll.out)"

done_testing
