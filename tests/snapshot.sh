# --snapshot=SECS: a process killed with SIGKILL keeps the profile of its
# last snapshot, cprof-report reads a running job's directory, a run that
# ends well reports the same exact counts as without snapshots, and the
# program's own system calls never see EINTR.
. "$top_srcdir/tests/tap.sh"

RATE=20000 # calls of tick() a second

# progress FILE SECONDS: the calls the program says it made once it has run
# SECONDS ("SECONDS CALLS" lines), waiting for it (60 s at most)
progress() {
	local i=0 v
	while [ $i -lt 600 ]; do
		v=$(awk -v s="$2" '$1 ~ /^[0-9.]+$/ && $1 + 0 >= s { print $2; exit }' "$1")
		[ -n "$v" ] && { echo "$v"; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# traced_rows REPORT: the rows of functions traced (ncalls not 0), name and
# ncalls, sorted; but time.sleep's, whose calls snapshot.py makes as the
# clock says
traced_rows() {
	awk 'match($0, /^ *[0-9\/]+ /) && $1 != "0" && !/ function calls / && !/time.sleep}$/ { print $NF, $1 }' "$1" |
		sort
}

# killed WHAT DIR OUT LAUNCHER: the program whose progress goes to OUT,
# profiled into DIR by cprof of pid LAUNCHER, is reported while it runs,
# then killed with SIGKILL after 4 s and reported from its last snapshot
killed() {
	local what=$1 dir=$2 out=$3 pid n2 calls bounds
	n2=$(progress "$out" 2) || { not_ok "$what: the program runs"; return; }
	pid=$(sed -n 's/^pid //p' "$out")
	expect_eq "$what: one thread more, the runtime's, named cprof" 1 "$(cat /proc/"$pid"/task/*/comm | grep -cx cprof)"
	"$CPROF_REPORT" "$dir" > "$WORK/$what.running" 2>&1
	matches "$what: cprof-report on the running job's directory says it reads a snapshot of a running process" \
		"^Note: .*snapshot.*pid $pid .*still running" "$(cat "$WORK/$what.running")"
	calls=$(ncalls "$WORK/$what.running" tick)
	within "$what: tick()'s calls so far, while it runs" "$calls" 1 $((n2 + 2 * RATE))
	progress "$out" 4 > /dev/null || { not_ok "$what: the program runs 4 s"; return; }
	kill -KILL "$pid"
	wait "$4"
	"$CPROF_REPORT" "$dir" > "$WORK/$what.killed" 2>&1
	matches "$what: the report says the process is gone since its last snapshot" \
		"^Note: .*pid $pid .*snapshot at .*gone since" "$(cat "$WORK/$what.killed")"
	# at most RATE calls after the last line printed (one is printed every
	# RATE calls, even where the program falls behind the clock); at least
	# those of the line printed 2 s before it, a snapshot coming every
	# second (and the kill after the last line)
	bounds=$(awk '$1 ~ /^[0-9.]+$/ { t[n] = $1; c[n++] = $2 }
		END { lo = 0; for (i = 0; i < n; i++) if (t[i] <= t[n - 1] - 2) lo = c[i]; print lo, c[n - 1] + '$RATE' }' "$out")
	within "$what: tick()'s calls up to the last snapshot" "$(ncalls "$WORK/$what.killed" tick)" $bounds
	expect_eq "$what: its one profile, no half snapshot" "1 0" \
		"$(ls "$dir" | grep -c "\-$pid\.cprof\$") $(ls "$dir" | grep -c '\.partial$')"
}

# bad values
for v in 0 -1 abc 1.5 86401 ''; do
	"$CPROF" --snapshot="$v" true > /dev/null 2> "$WORK/bad.err"
	status=$?
	expect_eq "--snapshot='$v' is refused: exit status 2" 2 $status
	matches "--snapshot='$v': the error says what it takes" \
		"^cprof: --snapshot takes whole seconds between snapshots, 1 to 86400, not '$v'" "$(cat "$WORK/bad.err")"
done
"$CPROF_MPI" --snapshot=abc true > /dev/null 2> "$WORK/bad.err"
expect_eq "cprof-mpi --snapshot=abc is refused: exit status 2" 2 $?

# a native program
"$CPROF" --snapshot=1 -d "$WORK/native" "$PROGS/snapshot" loop $RATE > "$WORK/native.out" 2> "$WORK/native.err" &
killed native "$WORK/native" "$WORK/native.out" $!

# a child it forks: the runtime's thread does not survive fork, and is
# started again in the child
"$CPROF" --snapshot=1 -d "$WORK/fork" "$PROGS/snapshot" fork $RATE > "$WORK/fork.out" 2> "$WORK/fork.err" &
killed forked "$WORK/fork" "$WORK/fork.out" $!

# a process that ends by SIGTERM after snapshots: its final profile, written
# by the runtime's handler, replaces the last snapshot
"$CPROF" --snapshot=1 -d "$WORK/term" --per-process "$PROGS/snapshot" loop $RATE > "$WORK/term.out" \
	2> "$WORK/term.err" &
launcher=$!
if progress "$WORK/term.out" 2 > /dev/null; then
	kill -TERM "$(sed -n 's/^pid //p' "$WORK/term.out")"
	wait $launcher
	expect_eq "SIGTERM after snapshots: one profile, the final one, no snapshot left" "1 0" \
		"$(ls "$WORK/term" | grep -c '\.cprof$') $(ls "$WORK/term" | grep -c '\.next$')"
	matches "SIGTERM after snapshots: the report says how it ended, not a snapshot" \
		"^Process .*\[killed by signal 15" "$(grep '^Process' "$WORK/term.err")"
	within "SIGTERM after snapshots: tick()'s calls up to the end" "$(ncalls "$WORK/term.err" tick)" \
		"$(awk '$1 ~ /^[0-9.]+$/ { c = $2 } END { print c }' "$WORK/term.out")" $((10 * RATE))
else
	not_ok "SIGTERM after snapshots: the program runs"
fi

# a Python program
if [ -x /usr/bin/python3 ]; then
	"$CPROF" --snapshot=1 -d "$WORK/python" /usr/bin/python3 "$top_srcdir/tests/python/snapshot.py" $RATE \
		> "$WORK/python.out" 2> "$WORK/python.err" &
	killed python "$WORK/python" "$WORK/python.out" $!
	expect_eq "python: the runtime's thread is none of Python's" "threads 1" "$(grep '^threads' "$WORK/python.out")"
	/usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' &&
		diag "(on 3.12 and later, os.fork() warns of the runtime's thread: docs/PYTHON.md)"
else
	skip "python: no /usr/bin/python3"
fi

# a run that ends well: the same exact counts, with snapshots taken while
# two threads make calls as fast as they can (for about 3 s here: a run
# much shorter than 1 s may end before the first snapshot)
"$CPROF" "$PROGS/snapshot" busy 60000000 2> "$WORK/busy0.err"
CPROF_DEBUG=2 "$CPROF" --snapshot=1 "$PROGS/snapshot" busy 60000000 2> "$WORK/busy1.err"
within "busy: snapshots were taken while it ran" "$(grep -c 'snapshot written' "$WORK/busy1.err")" 1 1000
expect_eq "busy: the same exact counts with --snapshot=1 as without" "$(traced_rows "$WORK/busy0.err")" \
	"$(traced_rows "$WORK/busy1.err")"
expect_eq "busy: leaf()'s 120000000 calls" 120000000 "$(ncalls "$WORK/busy1.err" leaf)"
if [ -x /usr/bin/python3 ]; then
	"$CPROF" /usr/bin/python3 "$top_srcdir/tests/python/snapshot.py" $RATE 3 > /dev/null 2> "$WORK/py0.err"
	"$CPROF" --snapshot=1 /usr/bin/python3 "$top_srcdir/tests/python/snapshot.py" $RATE 3 > /dev/null \
		2> "$WORK/py1.err"
	expect_eq "python: the same exact counts with --snapshot=1 as without" "$(traced_rows "$WORK/py0.err")" \
		"$(traced_rows "$WORK/py1.err")"
	expect_eq "python: tick()'s $((3 * RATE)) calls" $((3 * RATE)) "$(ncalls "$WORK/py1.err" tick)"
fi

# the program's own system calls, blocked through snapshots, see no EINTR
"$CPROF" --snapshot=1 "$PROGS/snapshot" syscalls 3 > "$WORK/syscalls.out" 2> "$WORK/syscalls.err"
expect_eq "syscalls: exit status 0" 0 $?
expect_eq "syscalls: a read on a pipe and a nanosleep, each through 3 snapshots, end as without cprof" \
	"read 1 ok|nanosleep ok|" "$(tr '\n' '|' < "$WORK/syscalls.out")"

# the runtime's thread does not keep a process alive whose main thread
# called pthread_exit, when its other thread ends
timed timeout 60 "$CPROF" --snapshot=1 "$PROGS/snapshot" pexit 2 > /dev/null 2> "$WORK/pexit.err"
expect_eq "pexit: the process ends, status 0, when its last thread does" 0 $?
within "pexit: in the 2 s its thread lasts, and not much more" "$took" 2 20

done_testing
