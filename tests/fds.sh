# The program's descriptors are its own: the runtime's (perf events,
# libunwind's pipe) are where the program does not reach, and out of the
# way of its close().
. "$top_srcdir/tests/tap.sh"

fds="$PROGS/fds"

"$CPROF" "$fds" first > "$WORK/first" 2> /dev/null
expect_eq "the first open() gets 3, as without cprof" "$("$fds" first)" "$(head -n 1 "$WORK/first")"

# files on 3 and 4, copied one to the other, a little at a time: libunwind
# checks addresses through a pipe of its own, which was on 3 and 4
head -c 2000000 /dev/urandom > "$WORK/in"
timeout 120 "$CPROF" "$fds" copy "$WORK/in" "$WORK/out" > "$WORK/copy" 2>&1
expect_eq "fds copy: ends, with status 0" 0 $?
check "fds copy: the copy is the input, byte for byte" cmp -s "$WORK/in" "$WORK/out"
matches "fds copy: sampled" "Sampled wall time at 1000 Hz: [1-9][0-9]* samples" "$(cat "$WORK/copy")"
rm -f "$WORK/out"
timeout 120 "$CPROF" bash -c 'exec 3< "$1" 4> "$2"; cat <&3 >&4' bash "$WORK/in" "$WORK/out" > /dev/null 2>&1
check "bash's exec 3<in 4>out; cat <&3 >&4: the copy is the input" cmp -s "$WORK/in" "$WORK/out"

# a program that closes every descriptor: its next open() gets 0, and it
# is sampled all the same, also where libunwind needs its pipe (a function
# with no unwind information)
"$fds" closeall
plain=$?
"$CPROF" "$fds" closeall > "$WORK/closeall" 2>&1
expect_eq "closeall: open() after closing everything gets $plain, as without cprof" $plain $?
within "closeall: still sampled after closing everything (s in nocfi_spin)" \
	"$(tottime "$WORK/closeall" nocfi_spin)" 0.050 100

# the descriptors a program can open.  With room under the hard limit, as
# many as without cprof: the runtime's are above the program's limit
# (ulimit -S), where it can neither be given them nor name them.  Without
# (ulimit -n sets both): under a limit of 128, as many too, as the runtime
# keeps none; above, all but the runtime's, in the upper half (libunwind's
# pipe, and the thread's perf event where the kernel gives one: one event,
# which samples the kernel's time too)
runtime_fds() {
	if grep -q "CPU-time timer" "$1"; then echo 2
	else echo 3; fi
}
for limit in "-S -n 16" "-S -n 200" "-n 16" "-n 200"; do
	without=$(sh -c "ulimit $limit && exec \"\$0\" count" "$fds" | cut -d' ' -f1)
	sh -c "ulimit $limit && exec \"\$0\" \"\$@\"" "$CPROF" "$fds" count > "$WORK/limit.out" 2> "$WORK/limit.err"
	case $limit in "-n 200") less=$(runtime_fds "$WORK/limit.err") ;; *) less=0 ;; esac
	expect_eq "ulimit $limit: as many files open as without cprof, less $less" "$((without - less))" \
		"$(cut -d' ' -f1 "$WORK/limit.out")"
done
sh -c 'ulimit -S -n 16 && exec "$0" "$@"' "$CPROF" "$fds" count > /dev/null 2> "$WORK/soft"
expect_eq "ulimit -S -n 16: the profile is written all the same" 1 "$(ncalls "$WORK/soft" count)"
sh -c 'ulimit -n 16 && exec "$0" "$@"' "$CPROF" "$fds" first > /dev/null 2> "$WORK/hard"
matches "ulimit -n 16: sampled with a timer, and said why" "no room for perf events" "$(cat "$WORK/hard")"

# a program that takes the runtime's numbers (dup2 onto the upper half of
# its limit, closing them after): they are its own, as without cprof; the
# runtime lets them go
sh -c 'ulimit -n 200 && exec "$0" "$@"' "$CPROF" "$fds" take > "$WORK/take.out" 2> "$WORK/take.err"
expect_eq "dup2 onto the runtime's numbers, then close: as without cprof" "taken: all" "$(cat "$WORK/take.out")"
expect_eq "dup2 onto the runtime's numbers: the program is still reported" 1 "$(ncalls "$WORK/take.err" take)"

# a program started with standard error closed: the file it opens then is
# on 2, and is its data; the runtime's messages (CPROF_DEBUG=1 says where
# it writes the profile, as the process ends) do not go into it
"$fds" open "$WORK/open" 2>&-
plain=$(cat "$WORK/open")
rm -f "$WORK/open"
CPROF_DEBUG=1 "$CPROF" --report "$WORK/open.report" "$fds" open "$WORK/open" 2>&-
expect_eq "started with 2>&-, its file on 2 holds its data alone" "$plain" "$(cat "$WORK/open")"
expect_eq "started with 2>&-: reported all the same" 1 "$(ncalls "$WORK/open.report" open_file)"

done_testing
