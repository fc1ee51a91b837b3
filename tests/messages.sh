# When there is nothing to report, cprof says why, and what to do: the real
# cause, told apart from the others.
. "$top_srcdir/tests/tap.sh"

# nothing sampled: too short a run for the rate
"$CPROF" -F 100 true > /dev/null 2> "$WORK/short.err"
matches "a run shorter than a sample period: says so, with its CPU time" \
	"^cprof: nothing was sampled: the program ran [0-9.]+ ms of CPU in all, hardly more than the 10\.000 ms between samples: raise -F" \
	"$(cat "$WORK/short.err")"

# nothing sampled: the program blocks the sampler's signal, which it
# handles itself (one it does not handle, it cannot block: sampling.sh).
# Its SIGPROF is the signal of the CPU-time timer's samples (and of the
# perf event's before Linux 6.11); since, they come with the kernel's
# SIGTRAP, which it does not handle: it is sampled all the same
"$CPROF" "$PROGS/ownsig" 0.3 deaf > /dev/null 2> "$WORK/trap.err"
if grep -q -e "cannot sample .*time in the kernel" -e "CPU-time timer" "$WORK/trap.err"; then
	skip "a program that blocks every signal but handles SIGPROF, not SIGTRAP: $(sed -n 's/^Note: //p' "$WORK/trap.err" | head -n 1)"
else
	matches "a program that blocks every signal but handles SIGPROF, not SIGTRAP: still sampled" \
		"^Sampled wall time at 1000 Hz: [1-9][0-9]* samples" "$(cat "$WORK/trap.err")"
fi
"$CPROF" -e cpu-timer "$PROGS/ownsig" 0.3 deaf > /dev/null 2> "$WORK/deaf.err"
matches "a program that blocks every signal: says that it kept the samples out" \
	"^cprof: nothing was sampled: the program blocked the sampling signal in the threads that ran \([0-9.]+ s of CPU\)" \
	"$(cat "$WORK/deaf.err")"
matches "a program that blocks every signal: the note names the thread" \
	"^Note: the program blocked the sampling signal in 1 thread, .* \(thread [0-9]+ \(ownsig\) of pid [0-9]+: [0-9.]+ s\)$" \
	"$(cat "$WORK/deaf.err")"
"$CPROF" -e cpu-timer "$PROGS/ownsig" 0.5 > /dev/null 2> "$WORK/own.err"
matches "a thread that blocks every signal beside others: a note says so, and which" \
	"^Note: the program blocked the sampling signal in 1 thread, which ran [0-9.]+ s of CPU so: no sample saw that time \(threads that ended, of pid [0-9]+: [0-9.]+ s\)$" \
	"$(cat "$WORK/own.err")"
# (it spins for 0.5 s of the wall clock: its CPU time is what the busy
# machine gave it)
within "... and how long it went unsampled (s of CPU)" \
	"$(sed -n 's/^Note: the program blocked .*, which ran \([0-9.]*\) s of CPU so.*/\1/p' "$WORK/own.err")" 0.005 0.6

# ... and only where it did: forked workers computing are not taken for
# threads that block it (the runtime blocks it around fork itself)
"$CPROF" "$KERNELS/computepi" 1000000 2 > /dev/null 2> "$WORK/pool.err"
expect_eq "a pool of forked workers: no note of a blocked signal" "" "$(grep 'blocked the sampling signal' "$WORK/pool.err")"

# nothing traced, sampling off
"$CPROF" --mode=trace true > /dev/null 2> "$WORK/off.err"
matches "nothing traced and sampling off: says both" \
	"^cprof: nothing was traced, and sampling was off \(-F 0 or --mode=trace\): build the program with -finstrument-functions" \
	"$(cat "$WORK/off.err")"

# a truncated profile
"$CPROF" -d "$WORK/whole" "$KERNELS/faster" > /dev/null 2>&1
head -c 900 "$WORK"/whole/*.cprof > "$WORK/cut.cprof"
"$CPROF_REPORT" "$WORK/cut.cprof" > /dev/null 2> "$WORK/cut.err"
matches "a profile cut short: says it is truncated, not that nothing ran" \
	"^cprof-report: nothing to report: 1 of the 1 profiles read are truncated" "$(cat "$WORK/cut.err")"

# no profile at all: killed by SIGKILL
"$CPROF" sh -c 'kill -9 $$' > /dev/null 2> "$WORK/kill.err"
expect_eq "SIGKILL: cprof's exit status is the program's (137)" 137 $?
matches "SIGKILL: says that no process can write anything then" \
	"^cprof: no profile was written: sh was killed by SIGKILL, which ends a process before it can write anything" \
	"$(cat "$WORK/kill.err")"

# a static program
if printf 'int main(void) { return 0; }\n' | cc -static -x c -o "$WORK/static" - 2> /dev/null; then
	"$CPROF" "$WORK/static" > /dev/null 2> "$WORK/static.err"
	expect_eq "a static program: exit status 125 (no report)" 125 $?
	matches "a static program: says it is, and that LD_PRELOAD cannot reach it" \
		"^cprof: no profile was written: $WORK/static is statically linked, and takes no library from LD_PRELOAD" \
		"$(cat "$WORK/static.err")"
else
	skip "no static C library to link a static program with"
fi

# a process that could not write its profile says why: no descriptor left
# (where the writer may raise the hard limit, root with CAP_SYS_RESOURCE,
# it writes the profile; run as nobody there, who may not)
as=""
if sh -c 'ulimit -n 16 && ulimit -n 32' 2> /dev/null; then
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	$as test -x "$CPROF" 2> /dev/null && chmod 777 "$WORK" || as=none
fi
if [ "$as" != none ]; then
	(cd "$WORK" && $as sh -c 'ulimit -n 16 && exec "$@"' sh "$CPROF" "$PROGS/fds" count > /dev/null 2> "$WORK/nofd.err")
	expect_eq "every descriptor used (ulimit -n 16): exit status 125 (no report)" 125 $?
	matches "every descriptor used (ulimit -n 16): the process's word of it, and what to do" \
		"^cprof: warning: no profile from .*: Too many open files: the process ended with every descriptor its limit allows open: raise the limit \(ulimit -n\)" \
		"$(cat "$WORK/nofd.err")"
else
	skip "every descriptor used: root here may raise the hard limit, and nobody cannot run the build tree"
fi

# none left for cprof itself
# (4: the loader can open cprof's libraries, one at a time, on 3)
sh -c 'exec 3>&- && ulimit -n 4 && exec "$@"' sh "$CPROF" true > /dev/null 2> "$WORK/none.err"
expect_eq "no descriptor for cprof (ulimit -n 4): exit status 126" 126 $?
matches "no descriptor for cprof (ulimit -n 4): says so, and what to do" \
	"^cprof: cannot start true: its limit of 4 descriptors \(ulimit -n\) leaves cprof too few: raise the limit" \
	"$(cat "$WORK/none.err")"

# ... a full disk
mkdir "$WORK/tiny"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$WORK/tiny" 2> /dev/null; then
	at_exit 'umount "$WORK/tiny" 2> /dev/null'
	dd if=/dev/zero of="$WORK/tiny/fill" bs=4k count=64 2> /dev/null
	"$CPROF" -d "$WORK/tiny/run" "$KERNELS/faster" > /dev/null 2> "$WORK/full.err"
	expect_eq "a full disk: exit status 125 (no report)" 125 $?
	matches "a full disk: the process's word of it, and what to do" \
		"^cprof: warning: no profile from $WORK/tiny/run/[^ ]*: No space left on device: free some space" \
		"$(cat "$WORK/full.err")"
	umount "$WORK/tiny"
else
	skip "a full disk: a small tmpfs cannot be mounted here (root only)"
fi

done_testing
