#!/bin/sh
# bench/python.sh BUILDDIR: what profiling a call-heavy Python script costs,
# for cprof and its peers, in one run: bench/calls.py with Debian's python3,
# plain, under cprof (tracing: the interpreter's profile hook), under
# `python3 -m cProfile` and under yappi (`python3 -m yappi -c wall`, its
# builtins off as by default).  Each runs RUNS times (default 5), the variants
# taking turns; the median wall time is kept.  Prints each one's added time
# and its ratio to cProfile's.
#
# Then the low-overhead mode: calls.py SAMPLE_N (default 31, some seconds)
# plain and under `cprof --mode=sample` (-F 1000), and the samples per
# second it took.
#
# Needs: python3-yappi.
set -eu
B=${1:?usage: python.sh BUILDDIR}
RUNS=${RUNS:-5}
N=${N:-25}
PY=${PY:-/usr/bin/python3}
SCRIPT="$(dirname "$0")/calls.py"
. "$(dirname "$0")/lib.sh"

have_yappi=1
"$PY" -c 'import yappi' 2> /dev/null || have_yappi=0
for i in $(seq "$RUNS"); do
	timed plain "$PY" "$SCRIPT" "$N"
	timed cprof "$B/src/cprof" -o "$WORK/cprof.pstats" "$PY" "$SCRIPT" "$N"
	timed cprofile "$PY" -m cProfile -o "$WORK/cprofile.pstats" "$SCRIPT" "$N"
	[ $have_yappi = 0 ] || timed yappi "$PY" -m yappi -c wall -o "$WORK/yappi.pstats" "$SCRIPT" "$N"
done
SAMPLE_N=${SAMPLE_N:-31}
for i in $(seq "$RUNS"); do
	timed splain "$PY" "$SCRIPT" "$SAMPLE_N"
	rm -rf "$WORK/sraw"
	timed sample "$B/src/cprof" --mode=sample -d "$WORK/sraw" "$PY" "$SCRIPT" "$SAMPLE_N"
done
"$B/src/cprof-report" "$WORK/sraw" > "$WORK/sample.report" 2>/dev/null
samples=$(sed -n 's/^Sampled [A-Za-z ]* at 1000 Hz: \([0-9]*\) samples.*/\1/p' "$WORK/sample.report")
calls=$("$PY" -c 'import pstats, sys; s = pstats.Stats(sys.argv[1]); print(s.total_calls)' "$WORK/cprofile.pstats")

echo "calls.py $N ($calls calls under cProfile); $("$PY" -V); median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
printf '%-26s %8s %9s %10s %12s\n' variant seconds slowdown ns/call "added/cProfile's"
plain=$(median plain)
cp_added=$(awk -v t="$(median cprofile)" -v p="$plain" 'BEGIN { print t - p }')
printf '%-26s %8.3f %9s %10s %12s\n' plain "$plain" - - -
for v in cprof cprofile yappi; do
	[ -f "$WORK/$v.times" ] || { printf '%-26s %8s\n' "$v" "(not installed)"; continue; }
	case $v in
	cprof) label="cprof" ;;
	cprofile) label="python3 -m cProfile" ;;
	yappi) label="python3 -m yappi -c wall" ;;
	esac
	t=$(median $v)
	awk -v l="$label" -v t="$t" -v p="$plain" -v c="$calls" -v cp="$cp_added" \
		'BEGIN { printf "%-26s %8.3f %8.2fx %10.1f %12.2f\n", l, t, t / p, (t - p) / c * 1e9, (t - p) / cp }'
done

echo
echo "calls.py $SAMPLE_N; median of $RUNS runs, taking turns"
printf '%-26s %8s %9s %10s\n' variant seconds slowdown samples/s
splain=$(median splain)
printf '%-26s %8.3f %9s %10s\n' plain "$splain" - -
awk -v t="$(median sample)" -v p="$splain" -v s="${samples:-0}" \
	'BEGIN { printf "%-26s %8.3f %8.2f%% %10.0f\n", "cprof --mode=sample", t, (t / p - 1) * 100, s / p }'
