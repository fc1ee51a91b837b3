# cprof -p PID: a running process not started under cprof, sampled from
# outside with perf_event, never stopped: the same table as a sampled run,
# shares as the program measured them, Python's calls in it, and the
# process ends as it would have.
. "$top_srcdir/tests/tap.sh"

cd "$WORK" || exit 1
paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2> /dev/null || echo 2)
if [ "$(id -u)" != 0 ] && [ "$paranoid" -gt 2 ]; then
	skip_all "perf_event_paranoid is $paranoid: sampling another process needs 2 or less (or root)"
fi
py=$(pythons | tail -n 1 | cut -d' ' -f2)

# A native program, from soon after its start to its end: the shares it
# measured of itself, within 10%
"$KERNELS/shares-plain" 3 > native.measured &
pid=$!
sleep 0.2
"$CPROF" -p "$pid" -o native.pstats 2> native.err
expect_eq "native: exit status 0, nothing said" "0 " "$? $(cat native.err)"
wait "$pid"
expect_eq "native: the program ends as it would have, its output whole" "0 5" \
	"$? $(grep -c '^measured ' native.measured)"
if [ -n "$py" ]; then
	shares_are "$py" native.measured native.pstats cpu "native, sampled from outside" 10
else
	skip "no Python to read the pstats file"
fi

# A while of a program that goes on: -t, the header, the process untouched
"$KERNELS/computepi-plain" 1000000000000 > /dev/null &
pid=$!
at_exit "kill $pid 2> /dev/null"
sleep 0.2
timed "$CPROF" -p "$pid" -t 1 2> long.out
expect_eq "-t 1: exit status 0" 0 $?
within "-t 1: about a second" "$took" 0.9 3
samples=$(sed -n 's/^Sampled CPU time at 1000 Hz: \([0-9]*\) samples.*/\1/p' long.out)
within "-t 1: up to 1000 samples of its CPU time" "${samples:-0}" 100 1100
matches "-t 1: the report says how it was sampled" "^Note: sampled from outside \(cprof -p\)$" "$(cat long.out)"
matches "-t 1: pi_run sampled, named from its debug information" "computepi.c:[0-9]+\(pi_run\)$" "$(cat long.out)"
check "-t 1: the process goes on" kill -0 "$pid"

# A signal to cprof (SIGTERM; Ctrl-C's SIGINT, which a background job of
# this script ignores) ends the sampling, and the report is made
"$CPROF" -p "$pid" > term.out 2>&1 &
cprof=$!
sleep 1
kill -TERM "$cprof"
wait "$cprof"
expect_eq "SIGTERM: exit status 0" 0 $?
matches "SIGTERM: the report is made" "computepi.c:[0-9]+\(pi_run\)$" "$(cat term.out)"
check "SIGTERM: the process goes on" kill -0 "$pid"

# Python: its calls, not the interpreter's, with a thread of its own
if [ -n "$py" ]; then
	cat > threads.py << 'EOF'
import threading
def leaf(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
def work():
    while True:
        leaf(10000)
def other():
    while True:
        leaf(1000)
threading.Thread(target=other, daemon=True).start()
print("ready", flush=True)
work()
EOF
	while read -r v p; do
		"$p" threads.py > "py-$v.out" &
		ppid=$!
		wait_for "py-$v.out" ready
		"$CPROF" -p "$ppid" -t 1 -s cumulative 2> "py-$v.rep"
		expect_eq "Python $v: exit status 0" 0 $?
		kill "$ppid"
		matches "Python $v: work calls leaf, under the script" "threads.py:[0-9]+\(work\)" "$(cat "py-$v.rep")"
		matches "Python $v: the second thread's calls too" "threads.py:[0-9]+\(other\)" "$(cat "py-$v.rep")"
		# (a thread caught between two frames by the reader, which does not
		# stop it, keeps the interpreter's frames of that sample)
		share=$(awk '/^ +ncalls/ { on = 1; next } on && NF { all += $2; if ($NF !~ /\.py:|</) c += $2 }
			END { printf "%.3f", all ? c / all : 1 }' "py-$v.rep")
		within "Python $v: the interpreter's C, at most 5% of the time" "$share" 0 0.05
	done << EOF
$(pythons)
EOF
fi

# Refusals
"$CPROF" -p abc > bad.out 2>&1
expect_eq "-p abc: status 2" "2 cprof: -p takes a process id, not 'abc' (pgrep -f NAME finds it)" "$? $(cat bad.out)"
"$CPROF" -p "$pid" true > both.out 2>&1
expect_eq "-p with a program: status 2" "2 cprof: cprof -p PID samples a running process: give no program" \
	"$? $(cat both.out)"
"$CPROF" -t 2 true > t.out 2>&1
expect_eq "-t without -p: status 2" "2 cprof: -t is for -p: cprof -p PID -t SECONDS" "$? $(cat t.out)"
"$CPROF" -p "$pid" --mode=trace > trace.out 2>&1
expect_eq "-p --mode=trace: status 2" \
	"2 cprof: -p samples: tracing (--mode) needs the program started under cprof" "$? $(cat trace.out)"
sh -c 'exit 0' &
gone=$!
wait $gone
"$CPROF" -p "$gone" > gone.out 2>&1
expect_eq "a process that has ended: status 1" "1 cprof: no process $gone" "$? $(cat gone.out)"
if [ "$(id -u)" != 0 ] || ! command -v setpriv > /dev/null ||
	! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$CPROF" 2> /dev/null; then
	skip "another user's process: needs root, setpriv, and the build readable by nobody"
else
	setpriv --reuid=65534 --regid=65534 --clear-groups env TMPDIR=/tmp "$CPROF" -p "$pid" -t 1 > eperm.out 2>&1
	expect_eq "another user's process: status 1, the cause and the fix" \
		"1 cprof: process $pid belongs to user 0, and you are user 65534: run this as that user, or as root" \
		"$? $(cat eperm.out)"
fi

done_testing
