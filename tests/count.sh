# --count: exact call counts of uninstrumented code, with uprobes.
. "$top_srcdir/tests/tap.sh"

prog="$PROGS/counts"
if [ "$(id -u)" -ne 0 ]; then
	# the denial is what there is to test
	"$CPROF" --count=tick "$prog" > /dev/null 2> "$WORK/denied.err"
	expect_eq "not root: cprof refuses --count with status 2" 2 $?
	matches "not root: and says why" "^cprof: --count: cannot count calls: uprobes need root" "$(cat "$WORK/denied.err")"
	done_testing
fi

# root, and yet no uprobes: a kernel without them, a container that may
# not mount tracefs (cprof mounts it where nobody has)
if ! "$CPROF" --count=main -F 0 "$prog" > /dev/null 2> "$WORK/can.err" &&
	grep -q 'cannot count calls: ' "$WORK/can.err"; then
	skip_all "uprobes cannot count calls here: $(grep -o 'cannot count calls: .*' "$WORK/can.err")"
fi
"$CPROF" --count=tick,depth,unused,libc:strverscmp -F 0 "$prog" > "$WORK/c.out" 2> "$WORK/c.err"
expect_eq "exit status kept" 0 $?
expect_eq "the program's output, alone" "depth 5" "$(cat "$WORK/c.out")"
expect_eq "tick: 10 in main, 1000 in a thread, 100 in a forked child" 1110 "$(ncalls "$WORK/c.err" tick)"
expect_eq "depth: a recursion of 6 calls" 6 "$(ncalls "$WORK/c.err" depth)"
expect_eq "unused: never called, not shown" "" "$(ncalls "$WORK/c.err" unused)"
expect_eq "libc:strverscmp: 7 calls through a pointer, under the name its debug info gives" 7 \
	"$(ncalls "$WORK/c.err" __strverscmp)"
matches "without sampling, the header says what was counted" \
	"^Counted the calls of 3 functions with uprobes; sampling was off, so their times are 0\.$" \
	"$(sed -n 1p "$WORK/c.err")"

"$CPROF" --count='t?ck' --count=depth --per-process "$prog" > /dev/null 2> "$WORK/pp.out"
split_processes "$WORK/pp.out" "$WORK/pp."
expect_eq "per process: the parent's 1010 ticks" 1010 "$(ncalls "$WORK/pp.1" tick)"
expect_eq "per process: the child's 100" 100 "$(ncalls "$WORK/pp.2" tick)"
expect_eq "per process: depth only in the parent" "6 " "$(ncalls "$WORK/pp.1" depth) $(ncalls "$WORK/pp.2" depth)"
matches "with sampling, the header counts the counted functions" \
	"functions are estimates from them \(ncalls 0 but for the 2 whose calls uprobes counted\)" \
	"$(grep "^Sampled" "$WORK/pp.1")"

"$CPROF" --count=nosuch,libm:nosuch,tick -F 0 "$prog" > /dev/null 2> "$WORK/nm.out"
matches "a pattern that matched nothing is named, with a hint" \
	"^Note: --count: no function matched 'nosuch' \(a library's functions need LIBRARY:nosuch\)$" "$(cat "$WORK/nm.out")"
matches "a library pattern that matched nothing is named" \
	"^Note: --count: no function matched 'libm:nosuch' \(only libraries loaded at start are searched\)$" \
	"$(cat "$WORK/nm.out")"
expect_eq "the other patterns still count" 1110 "$(ncalls "$WORK/nm.out" tick)"

# where the code is traced, its traced counts stand
"$CPROF" --count='add*' -F 0 "$KERNELS/faster" > /dev/null 2> "$WORK/f.out"
expect_eq "traced code keeps its traced counts" 2 "$(ncalls "$WORK/f.out" add2)"
expect_eq "...and the header counts no function as counted" "" "$(grep 'uprobes counted' "$WORK/f.out")"

expect_eq "no probe is left behind in tracefs" "" \
	"$(grep cprof_ /sys/kernel/tracing/uprobe_events /sys/kernel/debug/tracing/uprobe_events 2>/dev/null)"

for bad in "" "," "a,,b" ":tick" "libm:" "a:b:c"; do
	"$CPROF" --count="$bad" "$prog" > /dev/null 2> "$WORK/bad.err"
	expect_eq "--count='$bad': status 2" 2 $?
	matches "--count='$bad': says what the syntax is" "^cprof: --count takes function names or globs, \[LIBRARY:\]GLOB" \
		"$(cat "$WORK/bad.err")"
done

# not permitted: the launcher refuses, and the runtime, started without it,
# says why in the report
if id nobody > /dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$prog" 2>/dev/null &&
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$CPROF" 2>/dev/null; then
	chmod 777 "$WORK"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$CPROF" --count=tick "$prog" > /dev/null 2> "$WORK/np.err"
	expect_eq "not permitted: cprof exits 2" 2 $?
	matches "not permitted: and says why and what to do" \
		"^cprof: --count: cannot count calls: uprobes need root .*: run cprof as root, or leave out --count$" \
		"$(cat "$WORK/np.err")"
	mkdir -m 777 "$WORK/np"
	setpriv --reuid=65534 --regid=65534 --clear-groups env LD_PRELOAD="$top_builddir/preload/.libs/libcprof.so" \
		CPROF_DIR="$WORK/np" CPROF_COUNT=tick "$prog" > /dev/null
	expect_eq "not permitted: the program runs as ever" 0 $?
	"$CPROF_REPORT" "$WORK/np" > "$WORK/np.out" 2>/dev/null
	matches "not permitted: the report says why" "^Note: --count: cannot count calls: uprobes need root" \
		"$(cat "$WORK/np.out")"
else
	skip "nobody cannot run the build tree's programs: the refusal is not tested"
fi
done_testing
