# Sampling: any binary, wall or CPU time, and the program behaves as it
# does without cprof.
. "$top_srcdir/tests/tap.sh"

# an uninstrumented faster: waithere sleeps 1 s on the wall clock (which a
# busy machine may make longer: the run's own length bounds it)
timed "$CPROF" "$KERNELS/faster-plain" > "$WORK/fp.prog" 2> "$WORK/fp.out"
expect_eq "faster-plain: exit status 0" 0 $?
expect_eq "faster-plain: the program's output, alone" "$("$KERNELS/faster-plain")" "$(cat "$WORK/fp.prog")"
matches "faster-plain: the header says what was sampled" "^Sampled wall time at 1000 Hz: [0-9]+ samples on CPU" \
	"$(sed -n 1p "$WORK/fp.out")"
within "faster-plain: waithere's cumtime is its 1 s, and no more than the run's" "$(cumtime "$WORK/fp.out" waithere)" \
	0.970 "$took"
expect_eq "faster-plain: a sampled function has no call count" 0 "$(ncalls "$WORK/fp.out" waithere)"
expect_eq "faster-plain: sleep, as libc's, is where the time went" "libc.so.6:0(sleep)" \
	"$(awk '/\(sleep\)$/ { print $NF }' "$WORK/fp.out")"
within "faster-plain: sleep's tottime is its 1 s, and no more than the run's" "$(tottime "$WORK/fp.out" sleep)" \
	0.970 "$took"
"$CPROF" --clock=cpu "$KERNELS/faster-plain" > /dev/null 2> "$WORK/fpc.out"
c=$(cumtime "$WORK/fpc.out" waithere)
within "faster-plain on the CPU clock: waithere takes (almost) no time" "${c:-0}" 0 0.010

# traced and sampled together: exact where traced, sleep sampled
timed "$CPROF" "$KERNELS/faster" > /dev/null 2> "$WORK/f.out"
expect_eq "faster, traced and sampled: waithere counted" 1 "$(ncalls "$WORK/f.out" waithere)"
within "faster, traced and sampled: waithere's cumtime exact" "$(cumtime "$WORK/f.out" waithere)" 1.000 "$took"
within "faster, traced and sampled: its sleep is not its own time" "$(tottime "$WORK/f.out" waithere)" 0 0.030
matches "faster, traced and sampled: the header says which is which" \
	"[0-9]+ of [0-9]+ functions are estimates from them \(ncalls 0\); the others were traced, exactly" \
	"$(sed -n 1p "$WORK/f.out")"

py=$(pythons | tail -n 1 | cut -d' ' -f2)

# known shares: the sampled ones (plain build), each of the work (or of
# main, for spin), against what the program measured of itself in the same
# run, on the same clock, within 5%: a busy machine moves time between the
# functions, in the program's clocks as in the samples (a reference from
# other runs, which it moved otherwise, failed so)
for clock in cpu wall; do
	"$CPROF" --mode=sample --clock=$clock -o "$WORK/$clock.pstats" -d "$WORK/$clock.raw" "$KERNELS/shares-plain" 2.5 \
		> "$WORK/$clock.measured"
	"$CPROF_REPORT" "$WORK/$clock.raw" > "$WORK/$clock.out"
	samples=$(samples_in "$WORK/$clock.out")
	check "$clock clock: at least 2000 samples ($samples)" test "${samples:-0}" -ge 2000
	if [ -n "$py" ]; then
		shares_are "$py" "$WORK/$clock.measured" "$WORK/$clock.pstats" $clock "$clock clock"
	else
		skip "no Python to read the pstats files"
	fi
done

# time in the kernel goes to the stack that entered it: a program reads
# /dev/zero for 0.3 s (system calls), touches fresh pages for 0.3 s (page
# faults), computes 0.3 s and sleeps 0.3 s; each phase's share of main is
# what the program measured of itself, within 5%, on both clocks; the
# kernel's time is under a row that says why it was there, called from the
# function that was.  And the header tells the time in the kernel from the
# time off the CPU: the program's system time (getrusage) is the kernel's
# (less what it spent before cprof began, more what it spent after it
# measured), on both clocks
for clock in wall cpu; do
	timed "$CPROF" --clock=$clock -o "$WORK/kernel.$clock.pstats" -d "$WORK/kernel.$clock.raw" "$PROGS/kernel" 0.3 \
		> "$WORK/kernel.$clock"
	"$CPROF_REPORT" "$WORK/kernel.$clock.raw" > "$WORK/kernel.$clock.out"
	if grep -q 'cannot sample .*time in the kernel' "$WORK/kernel.$clock.out"; then
		skip "$clock clock: time in the kernel: $(sed -n 's/.*Note: //p' "$WORK/kernel.$clock.out" | head -n 1)"
	elif [ -z "$py" ]; then
		skip "no Python to read the pstats files"
	else
		for f in read_zeros touch_pages compute; do
			check "$clock clock: $f's share of main is what the program measured, within 5%" \
				"$py" "$top_srcdir/tests/share.py" "$WORK/kernel.$clock" "$WORK/kernel.$clock.pstats" $f $clock
		done
		# the time each phase spent in the kernel, called from where
		# it entered, and the phase's time
		"$py" - "$WORK/kernel.$clock.pstats" > "$WORK/kernel.$clock.edges" <<'PY'
import marshal, sys
stats = marshal.load(open(sys.argv[1], "rb"))
def edge(callee, caller):
    return sum(cv[3] for k, v in stats.items() if k[2] == callee for c, cv in v[4].items() if c[2] == caller)
def cum(name):
    return sum(v[3] for k, v in stats.items() if k[2] == name)
print("%.4f %.4f" % (edge("<system call>", "__libc_read"), cum("read_zeros")))
print("%.4f %.4f" % (edge("<page fault or interrupt>", "touch_pages"), cum("touch_pages")))
PY
		set -- $(cat "$WORK/kernel.$clock.edges")
		within "$clock clock: read_zeros' time is its reads' system calls', from read" "$1" \
			"$(awk -v t="$2" 'BEGIN { printf "%.4f", t * 0.95 }')" "$2"
		within "$clock clock: touch_pages' time is mostly its page faults', from touch_pages" "$3" \
			"$(awk -v t="$4" 'BEGIN { printf "%.4f", t * 0.6 }')" "$4"
	fi
	stime=$(sed -n 's/^stime //p' "$WORK/kernel.$clock")
	header=$(sed -n 1p "$WORK/kernel.$clock.out")
	[ $clock = wall ] && wall_took=$took
	within "$clock clock: the time in the kernel is the program's system time, $stime s" \
		"$(echo "$header" | sed -n 's/.* \([0-9.]*\) s in the kernel.*/\1/p')" \
		"$(awk -v s="$stime" 'BEGIN { printf "%.3f", s - 0.02 }')" \
		"$(awk -v s="$stime" 'BEGIN { printf "%.3f", s * 1.1 + 0.02 }')"
done
within "wall clock: the time off the CPU holds the 0.3 s sleep, and no more than the run's" \
	"$(sed -n '1s/.* \([0-9.]*\) s off the CPU.*/\1/p' "$WORK/kernel.wall.out")" 0.295 "$wall_took"

# the blocking calls wait as long as they would, whatever interrupts them
for source in task-clock cpu-timer; do
	"$CPROF" -F 10000 -e $source -d "$WORK/block-$source" "$PROGS/blocking" 3 > "$WORK/block-$source.out" 2>&1
	expect_eq "blocking calls under -F 10000 -e $source: none ended early or failed" 0 $?
	grep '^FAIL' "$WORK/block-$source.out" | while read -r line; do diag "$line"; done
done
"$CPROF_REPORT" "$WORK/block-task-clock" > "$WORK/block.report"
within "blocking: a wrapped call's time goes to the stack that made it" "$(cumtime "$WORK/block.report" t_nanosleep)" 0.085 0.200

# a program that profiles itself, keeps its own alarm, and has a deaf thread
"$CPROF" "$PROGS/ownsig" 1 > "$WORK/own.out" 2>&1
expect_eq "own SIGPROF and SIGALRM handlers keep getting their signals" "1 1" "$(head -n 1 "$WORK/own.out")"
within "a thread blocking every signal still runs, and the others are sampled" "$(cumtime "$WORK/own.out" spin_for)" 0.9 3.0

# a thread started with every signal blocked, as liblzma starts its
# workers, is sampled all the same: the sampler's signals are not the
# program's to block.  The program still reads back the mask it set, and a
# SIGPROF it raises there stays pending until it waits for it.
"$PROGS/masks" > "$WORK/masks.plain"
for clock in wall cpu; do
	timed "$CPROF" --clock=$clock "$PROGS/masks" > "$WORK/masks.$clock.prog" 2> "$WORK/masks.$clock.out"
	expect_eq "$clock clock: a thread that blocks every signal sees its mask, and its SIGPROF, as without cprof" \
		"$(cat "$WORK/masks.plain")" "$(cat "$WORK/masks.$clock.prog")"
	within "$clock clock: a thread that blocks every signal is sampled all the same (its 0.3 s of CPU)" \
		"$(cumtime "$WORK/masks.$clock.out" worker_spin)" 0.270 "$took"
	expect_eq "$clock clock: ... and no note of a blocked signal" "" \
		"$(grep 'blocked the sampling signal' "$WORK/masks.$clock.out")"
done

# ... and in what it does with them, as without cprof: a SIGPROF raised
# while blocked ends it when unblocked; one sent to the process reaches the
# thread that waits for it; one it handles with SA_NODEFER waits until it
# is unblocked; the children it starts (posix_spawn, vfork, fork, system)
# start with the mask it set, and a vfork child's mask is the child's own;
# its handlers never start with a context inside cprof's code
for mode in unblock sigwait nodefer children context; do
	"$PROGS/masks" $mode > "$WORK/masks.$mode.plain" 2> /dev/null
	plain=$?
	"$CPROF" "$PROGS/masks" $mode > "$WORK/masks.$mode.prog" 2> /dev/null
	expect_eq "masks $mode: the same exit status as without cprof" $plain $?
	expect_eq "masks $mode: the same output as without cprof" "$(cat "$WORK/masks.$mode.plain")" \
		"$(cat "$WORK/masks.$mode.prog")"
done

# a program with a small alternate stack (Rust sets one up on every
# thread): sampled all the same (its samples, taken on that stack, were all
# dropped), and its handlers on it, at 20000 Hz, never crash (a sample set
# up on top took the room they had)
timed "$CPROF" -F 20000 "$PROGS/masks" altstack > "$WORK/alt.prog" 2> "$WORK/alt.out"
expect_eq "an 8 KiB alternate stack: the program's handlers run, as without cprof" "handled 50" "$(cat "$WORK/alt.prog")"
within "an 8 KiB alternate stack: the program is sampled all the same (its 0.3 s of CPU)" \
	"$(cumtime "$WORK/alt.out" worker_spin)" 0.270 "$took"

# a signal that cannot carry samples (the kernel's own, for a fault) is
# not taken for the sampler's: SIGPROF instead, and a note says so
CPROF_SIGNAL=5 "$CPROF" "$KERNELS/computepi-plain" 20000000 > /dev/null 2> "$WORK/sig5.out"
expect_eq "CPROF_SIGNAL=5 (SIGTRAP): the program ends as without cprof" 0 $?
matches "CPROF_SIGNAL=5: a note says SIGPROF carries the samples instead" \
	'^Note: CPROF_SIGNAL=5 cannot carry samples .*; SIGPROF does$' "$(grep '^Note: CPROF_SIGNAL' "$WORK/sig5.out")"

# forking in a tight loop, sampled all along
start=$(date +%s)
"$CPROF" -d "$WORK/forks" "$PROGS/forks" 300 > "$WORK/forks.out" 2>&1
expect_eq "300 forks in a row under sampling all succeed" 300 "$(head -n 1 "$WORK/forks.out")"
check "300 forks in a row do not livelock (under 60 s)" test $(($(date +%s) - start)) -lt 60
expect_eq "every forked child wrote its profile" 301 "$(ls "$WORK/forks" | grep -c '\.cprof$')"

# threads holding the loader's lock (dl_iterate_phdr, dlopen) beside threads
# sampled at 10 kHz: a sample that unwinds then can stop the program for
# good (docs/SAMPLING.md); three runs of 2 s (each of them hung at once
# before)
for run in 1 2 3; do
	timeout -k 5 60 "$CPROF" -F 10000 "$PROGS/loader" 2 > "$WORK/loader.out" 2>&1
	expect_eq "loader's lock held by other threads, run $run: the program ends, status 0" "0 loader: done" \
		"$? $(head -n 1 "$WORK/loader.out")"
done

# -e: a counter this machine lacks falls back, and says so
"$CPROF" -e cycles "$KERNELS/shares-plain" 0.2 > "$WORK/cycles.out" 2>&1
if grep -q '^Note: ' "$WORK/cycles.out"; then
	matches "-e cycles without counters: the note says why and what instead" \
		"^Note: perf_event_open\(cycles\).*; sampling task-clock instead" "$(grep '^Note: ' "$WORK/cycles.out")"
else
	matches "-e cycles: sampled" "^Sampled " "$(head -n 2 "$WORK/cycles.out" | tail -n 1)"
fi
"$CPROF" -e bogus "$KERNELS/faster-plain" > "$WORK/bogus.out" 2>&1
matches "-e with an unknown event: status 2, and the events there are" \
	"^2 cprof: -e takes one of these events, not 'bogus': task-clock cpu-clock .* cpu-timer$" "$? $(cat "$WORK/bogus.out")"
# (the runtime's own check, of a variable set by hand)
mkdir "$WORK/handset"
env CPROF_DIR="$WORK/handset" CPROF_EVENT=bogus LD_PRELOAD="$top_builddir/preload/.libs/libcprof.so" \
	"$KERNELS/faster-plain" > /dev/null 2>&1
"$CPROF_REPORT" "$WORK/handset" > "$WORK/handset.out" 2>&1
matches "CPROF_EVENT set by hand to an unknown event: the note says so" \
	"^Note: unknown event bogus; sampling task-clock instead" "$(grep '^Note: ' "$WORK/handset.out")"

# pstats' callers work on sampled profiles
"$CPROF" -o "$WORK/fp.pstats" "$KERNELS/faster-plain" > /dev/null
if [ -n "$py" ]; then
	"$py" -c 'import pstats, sys; pstats.Stats(sys.argv[1]).strip_dirs().print_callers("waithere")' \
		"$WORK/fp.pstats" > "$WORK/callers" 2>&1
	check "print_callers on a sampled profile names waithere's caller" grep -q 'waithere).*<-.*faster.c:16(main)' "$WORK/callers"
else
	skip "no Python to read the pstats file"
fi

# traced and sampled frames make one graph: a traced function called from
# code that is not traced (main, a thread's start routine) has the sampled
# frame that called it as its caller, with its exact calls, and that
# frame's cumtime holds the traced time once
graph() {
	"$py" - "$@" <<'PY'
import pstats, sys
path, callee, caller = sys.argv[1:4]
s = pstats.Stats(path)
s.print_callers("\\(%s\\)" % callee)
s.print_callees("\\(%s\\)" % caller)
byname = {k[2]: (k, v) for k, v in s.stats.items()}
ck, (cc, nc, tt, ct, callers) = byname[callee]
edge = [v for k, v in callers.items() if k[2] == caller]
print("callers:", " ".join(sorted(k[2] for k in callers)))
print("edge:", *(edge[0][:2] if edge else ()))
print("cumtime:", ct, byname[caller][1][3])
PY
}
# less_ns SECONDS: a nanosecond less, which samples, counted in whole
# nanoseconds, may round away
less_ns() { awk -v s="$1" 'BEGIN { printf "%.9f", s - 1e-9 }'; }
if [ -n "$py" ]; then
	timed "$CPROF" -o "$WORK/graph.pstats" "$KERNELS/faster" > /dev/null
	graph "$WORK/graph.pstats" main __libc_start_call_main > "$WORK/graph" 2>&1
	check "faster: print_callers('main') names __libc_start_call_main" \
		grep -q '(main) *<- *1 .*(__libc_start_call_main)$' "$WORK/graph"
	check "faster: print_callees('__libc_start_call_main') names main" \
		grep -q '(__libc_start_call_main) *-> *1 .*(main)$' "$WORK/graph"
	expect_eq "faster: main's one caller, one call" "callers: __libc_start_call_main|edge: 1 1" \
		"$(grep -E '^(callers|edge):' "$WORK/graph" | tr '\n' '|' | sed 's/|$//')"
	set -- $(sed -n 's/^cumtime: //p' "$WORK/graph")
	within "faster: main's cumtime is its traced 1 s" "$1" 1.000 "$took"
	within "faster: __libc_start_call_main's cumtime holds main's once" "$2" "$(less_ns "$1")" \
		"$(awk -v m="$1" -v t="$took" 'BEGIN { printf "%.3f", m + 0.1 < t ? m + 0.1 : t }')"
	"$py" -c 'import pstats, sys; pstats.Stats(sys.argv[1]).print_callers("waithere")' "$WORK/graph.pstats" \
		> "$WORK/waithere" 2>&1
	check "faster: waithere's tottime from main is not its sleep's" \
		grep -q '(waithere) *<- *1 *0\.000 *1\.0[0-9]* .*(main)$' "$WORK/waithere"
	"$CPROF" -o "$WORK/threads.pstats" "$PROGS/threads" 4 300000 > /dev/null
	graph "$WORK/threads.pstats" thread_main start_thread > "$WORK/tgraph" 2>&1
	expect_eq "threads: thread_main's caller is the sampled start_thread, 4 calls" \
		"callers: start_thread|edge: 4 4" "$(grep -E '^(callers|edge):' "$WORK/tgraph" | tr '\n' '|' | sed 's/|$//')"
	set -- $(sed -n 's/^cumtime: //p' "$WORK/tgraph")
	within "threads: start_thread's cumtime holds thread_main's once" "$2" "$(less_ns "$1")" \
		"$(awk -v m="$1" 'BEGIN { printf "%.3f", m * 1.05 + 0.05 }')"
else
	skip "no Python to read the pstats files"
fi

done_testing
