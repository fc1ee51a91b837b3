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

# the descriptors a program can open: under a limit below 128, as many as
# without cprof, which then keeps none; above, all but the runtime's three
# (its thread's perf event and libunwind's pipe), at the top, out of the way
for limit in "-n 16:0" "-S -n 16:0" "-S -n 200:3"; do
	without=$(sh -c "ulimit ${limit%:*} && exec \"\$0\" count" "$fds" | cut -d' ' -f1)
	with=$(sh -c "ulimit ${limit%:*} && exec \"\$0\" \"\$@\" 2> /dev/null" "$CPROF" "$fds" count | head -n 1 | cut -d' ' -f1)
	expect_eq "ulimit ${limit%:*}: as many files open as without cprof, less ${limit#*:}" "$((without - ${limit#*:}))" "$with"
done
sh -c 'ulimit -S -n 16 && exec "$0" "$@"' "$CPROF" "$fds" count > "$WORK/soft" 2>&1
expect_eq "ulimit -S -n 16: the profile is written all the same" 1 "$(ncalls "$WORK/soft" count)"
matches "ulimit -S -n 16: sampled with a timer, and said why" "no room for perf events" "$(cat "$WORK/soft")"

done_testing
