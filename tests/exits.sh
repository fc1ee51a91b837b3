# Every way out of a process keeps its profile, and the program behaves as
# it does without cprof: same exit status, same handlers.
. "$top_srcdir/tests/tap.sh"
ulimit -c 0

# mode  exit status  calls of work()  raw profiles
while read -r mode status calls files; do
	dir="$WORK/$mode"
	("$PROGS/exits" "$mode" > "$WORK/$mode.plain") 2>/dev/null
	plain=$?
	"$CPROF" -d "$dir" "$PROGS/exits" "$mode" > "$WORK/$mode.out" 2> "$WORK/$mode.err"
	got=$?
	expect_eq "$mode: exit status $status, as without cprof ($plain)" "$status $status" "$got $plain"
	expect_eq "$mode: work() called $calls times" "$calls" "$(ncalls "$WORK/$mode.err" work)"
	expect_eq "$mode: $files raw profiles, none partial" "$files 0" \
		"$(ls "$dir" | grep -c '\.cprof$') $(ls "$dir" | grep -c '\.partial$')"
done <<'MODES'
return 0 3 1
exit 7 3 1
thread-exit 5 4 1
_exit 8 3 1
_Exit 9 3 1
abort 134 3 1
segv 139 3 1
term 143 3 1
int 130 3 1
hup 129 3 1
handler-exit 3 3 1
handler-continue 0 3 1
default-again 130 3 1
ignored 0 3 1
exec 0 6 2
exec-fail 0 3 1
fork 0 5 2
vfork 0 6 2
spawn 0 6 2
vfork-signal 0 3 2
siginterrupt 0 3 1
sigset 0 3 1
altstack 143 3 1
MODES

# a program that dies of a signal: cprof ends by the same signal, as its
# parent's wait would have seen the program end (a shell stops a loop at
# Ctrl-C only if the command died of SIGINT, not if it exited with 130)
waited() { python3 -c 'import subprocess, sys; print(subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))' "$@"; }
for mode in int term hup segv abort; do
	expect_eq "$mode: cprof's parent sees it end as the program's parent does" "$(waited "$PROGS/exits" $mode)" \
		"$(waited "$CPROF" -d "$WORK/waited-$mode" "$PROGS/exits" $mode)"
done

# the runtime's handling of a signal that ends the process, on a program's
# 8 KiB alternate stack, is not interrupted by samples, which would take
# the room its writer needs (at 20000 Hz, 251 runs in 300 crashed so)
ok=0
for i in $(seq 20); do
	rm -rf "$WORK/alt"
	"$CPROF" -F 20000 -d "$WORK/alt" "$PROGS/exits" altstack > /dev/null 2>&1
	[ $? = 143 ] && ok=$((ok + 1))
done
expect_eq "altstack at 20000 Hz: 20 runs in 20 end by SIGTERM, as without cprof" 20 $ok

expect_eq "a handler the program installed still runs" "handler ran" "$(head -n 1 "$WORK/handler-exit.out")"
expect_eq "sigaction reports the program's own handler" "handler ran" "$(head -n 1 "$WORK/handler-continue.out")"
expect_eq "the forked child's in_child is counted" 1 "$(ncalls "$WORK/fork.err" in_child)"
expect_eq "spawn with a fresh environment is still followed" 2 "$(ncalls "$WORK/spawn.err" main)"

"$CPROF" --per-process "$PROGS/exits" term > "$WORK/pp.out" 2>&1
expect_eq "the per-process heading says how the process ended" "[killed by signal 15: Terminated]" \
	"$(grep '^Process ' "$WORK/pp.out" | sed 's/.*\(\[killed.*\]\).*/\1/')"
"$CPROF" --per-process "$PROGS/exits" exec > "$WORK/ppexec.out" 2>&1
expect_eq "an image replaced by exec says so" 1 "$(grep -c '^Process .*\[replaced by exec\]' "$WORK/ppexec.out")"

# a profile that cannot be written does not change the exit status
# (stderr through a pipe: the limit would stop a write to a file too)
{ "$CPROF" -d "$WORK/fsize" sh -c 'ulimit -f 0; exec "$0" exit' "$PROGS/exits" 2>&1 > "$WORK/fsize.out"
	echo $? > "$WORK/fsize.status"; } | cat > "$WORK/fsize.err"
expect_eq "a profile over RLIMIT_FSIZE: the program's exit status stays 7" 7 "$(cat "$WORK/fsize.status")"
matches "a profile over RLIMIT_FSIZE: the runtime says why" "cannot write the profile .*: File too large" \
	"$(cat "$WORK/fsize.err")"

# a relative -d holds, whatever directory the program goes to
(cd "$WORK" && "$CPROF" -d rel "$PROGS/exits" chdir > /dev/null 2>&1)
expect_eq "relative -d and a program that changes directory" 1 "$(ls "$WORK/rel" | grep -c '\.cprof$')"

# a library initialised before the runtime starts programs from its constructor
"$CPROF" "$PROGS/early" > /dev/null 2>&1
expect_eq "exec and posix_spawn work before the runtime's constructor" 0 $?

# threads exiting while the profile is written are counted once
bad=""
for i in 1 2 3 4 5 6 7 8; do
	n=$("$CPROF" "$PROGS/race" 32 2>&1 > /dev/null | awk '/\(f\)$/ { print $1 }')
	[ "$n" = 32000 ] || bad="$bad $n"
done
expect_eq "32 threads exiting during exit(): f() counted 32000 times in 8 runs" "" "$bad"

done_testing
