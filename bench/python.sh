#!/bin/sh
# bench/python.sh BUILDDIR: what profiling a call-heavy Python script costs,
# for cprof and its peers, in one run: bench/calls.py plain, under cprof
# (tracing: the interpreter's profile hook), under `python3 -m cProfile` and
# under yappi (`python3 -m yappi -c wall`, its builtins off as by default,
# where that Python has it).  Each runs RUNS times (default 5), the variants
# taking turns; the median of each is kept, of its CPU time (user + system,
# of all its processes) and of its wall time.  Prints each one's added time
# and its ratio to cProfile's.  On a shared machine one run's times can vary
# by half: the ratio is also taken round by round (the variants' runs of a
# round see about the same load) and its median given, with its lowest and
# highest, and from each variant's fastest run (the least disturbed).
#
# PY names the interpreters, separated by spaces (default Debian's
# /usr/bin/python3); PY=all is Debian's and every CPython from 3.8 under
# ${PYENV_ROOT:-$HOME/.pyenv}/versions.  With several, a summary of the
# ratios ends the output.  BASE=BUILDDIR adds another build's cprof to
# each round, to compare two versions of cprof in the same go.
#
# REPEAT=K adds, for each, the cost of a call alone (no start, no report):
# calls.py REPEAT_N (default 22) K times in one process, under each variant,
# RUNS times taking turns; the fastest repetition of each process, the
# least disturbed, gives the added time per call, and the fastest process
# of each variant the ratio to cProfile's (and round by round, the median).
#
# Then the low-overhead mode, for each: calls.py SAMPLE_N (default 31, some
# seconds) plain and under `cprof --mode=sample` (-F 1000), and the samples
# per second it took; SAMPLE_N=0 leaves it out.
set -eu
B=${1:?usage: python.sh BUILDDIR}
RUNS=${RUNS:-5}
N=${N:-25}
SAMPLE_N=${SAMPLE_N:-31}
REPEAT=${REPEAT:-0}
REPEAT_N=${REPEAT_N:-22}
PY=${PY:-/usr/bin/python3}
SCRIPT="$(dirname "$0")/calls.py"
. "$(dirname "$0")/lib.sh"

if [ "$PY" = all ]; then
	PY=/usr/bin/python3
	for p in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3 2> /dev/null | sort -V); do
		[ -x "$p" ] && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 8))' 2> /dev/null && PY="$PY $p"
	done
fi

# cputimed NAME COMMAND...: runs it once, appending its wall and CPU times
# (seconds) to $WORK/NAME.times and $WORK/NAME.cpu; its output goes to
# $WORK/NAME.out.  The CPU time is its processes' (getrusage of the
# children, in the runner), not the runner's.
cputimed() {
	name=$1
	shift
	/usr/bin/python3 -c '
import resource, subprocess, sys, time
with open(sys.argv[1], "w") as out:
    t0 = time.perf_counter()
    subprocess.run(sys.argv[4:], stdout=out, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[2], "a") as f:
    print("%.6f" % wall, file=f)
with open(sys.argv[3], "a") as f:
    print("%.6f" % (ru.ru_utime + ru.ru_stime), file=f)
' "$WORK/$name.out" "$WORK/$name.times" "$WORK/$name.cpu" "$@"
}

# mid FILE: the median of FILE's numbers; least FILE: the least
mid() { sort -n "$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
least() { sort -n "$1" | head -n 1; }

# rounds TAG V: V's added CPU time over cProfile's, round by round (the
# median, lowest and highest), and from the fastest runs
rounds() {
	paste "$WORK/$1.plain.cpu" "$WORK/$1.$2.cpu" "$WORK/$1.cprofile.cpu" | awk '{ print ($2 - $1) / ($3 - $1) }' |
		sort -n | awk -v p="$(least "$WORK/$1.plain.cpu")" -v v="$(least "$WORK/$1.$2.cpu")" \
			-v c="$(least "$WORK/$1.cprofile.cpu")" '{ r[NR] = $1 }
			END { printf "%.2f %.2f %.2f %.2f\n", r[int((NR + 1) / 2)], r[1], r[NR], (v - p) / (c - p) }'
}

# fastest TAG V: the fastest repetition of each of V's runs with REPEAT, in
# the order of the runs
fastest() { for f in "$WORK/$1.r$2".*.out; do sed -n 's/^fastest: //p' "$f"; done; }

# repeated PY TAG: the cost of a call alone, from the fastest repetitions
repeated() {
	rpy=$1
	rtag=$2
	vs="plain cprof ${BASE:+base} cprofile"
	for i in $(seq "$RUNS"); do
		for v in $vs; do
			case $v in
			plain) set -- "$rpy" ;;
			cprof) set -- "$B/src/cprof" -o "$WORK/r.pstats" "$rpy" ;;
			base) set -- "$BASE/src/cprof" -o "$WORK/r.pstats" "$rpy" ;;
			cprofile) set -- "$rpy" -m cProfile -o "$WORK/r.pstats" ;;
			esac
			cputimed "$rtag.r$v.$i" "$@" "$SCRIPT" "$REPEAT_N" "$REPEAT"
		done
	done
	for v in $vs; do fastest "$rtag" $v > "$WORK/$rtag.r$v"; done
	calls=$("$rpy" -c 'import pstats, sys; s = pstats.Stats(sys.argv[1]); print(s.total_calls // int(sys.argv[2]))' \
		"$WORK/r.pstats" "$REPEAT")
	echo
	echo "calls.py $REPEAT_N ($calls calls), $REPEAT times in one process: the fastest time of each of $RUNS processes"
	printf '%-24s %9s %9s %s\n' variant "fastest s" "ns/call" "added/cProfile's: fastest  by round (low-high)"
	for v in $vs; do
		case $v in
		plain) label=plain ;;
		cprof) label=cprof ;;
		base) label="cprof, BASE" ;;
		cprofile) label="python -m cProfile" ;;
		esac
		paste "$WORK/$rtag.rplain" "$WORK/$rtag.r$v" "$WORK/$rtag.rcprofile" | awk '{ print ($2 - $1) / ($3 - $1) }' | sort -n |
			awk -v l="$label" -v p="$(least "$WORK/$rtag.rplain")" -v t="$(least "$WORK/$rtag.r$v")" \
				-v c="$(least "$WORK/$rtag.rcprofile")" -v n="$calls" '{ r[NR] = $1 }
				END { printf "%-24s %9.4f %9.1f %18.2f  %.2f (%.2f-%.2f)\n", l, t, (t - p) / n * 1e9, (t - p) / (c - p),
					r[int((NR + 1) / 2)], r[1], r[NR] }'
	done
	awk -v v="$("$rpy" -V 2>&1 | cut -d' ' -f2)" -v p="$(least "$WORK/$rtag.rplain")" -v t="$(least "$WORK/$rtag.rcprof")" \
		-v c="$(least "$WORK/$rtag.rcprofile")" -v b="${BASE:+$(least "$WORK/$rtag.rbase")}" \
		'BEGIN { printf "%-8s %7.2f%s\n", v, (t - p) / (c - p), b == "" ? "" : sprintf("   BASE %.2f", (b - p) / (c - p)) }' \
		>> "$WORK/rsummary"
}

# bench_one PY TAG: the table of one interpreter
bench_one() {
	py=$1
	tag=$2
	have_yappi=1
	"$py" -c 'import yappi' 2> /dev/null || have_yappi=0
	for i in $(seq "$RUNS"); do
		cputimed "$tag.plain" "$py" "$SCRIPT" "$N"
		cputimed "$tag.cprof" "$B/src/cprof" -o "$WORK/cprof.pstats" "$py" "$SCRIPT" "$N"
		[ -z "${BASE:-}" ] || cputimed "$tag.base" "$BASE/src/cprof" -o "$WORK/base.pstats" "$py" "$SCRIPT" "$N"
		cputimed "$tag.cprofile" "$py" -m cProfile -o "$WORK/cprofile.pstats" "$SCRIPT" "$N"
		[ $have_yappi = 0 ] || cputimed "$tag.yappi" "$py" -m yappi -c wall -o "$WORK/yappi.pstats" "$SCRIPT" "$N"
	done
	calls=$("$py" -c 'import pstats, sys; s = pstats.Stats(sys.argv[1]); print(s.total_calls)' "$WORK/cprofile.pstats")

	echo "calls.py $N ($calls calls under cProfile); $("$py" -V) ($py); median of $RUNS runs, the variants taking turns; $(nproc) CPUs, $(uname -r)"
	printf '%-24s %7s %7s %8s %8s %-22s %s\n' variant "cpu s" "wall s" slowdown ns/call "added/cProfile's: cpu" \
		"wall  by round (low-high)  fastest"
	plain=$(mid "$WORK/$tag.plain.cpu")
	wplain=$(mid "$WORK/$tag.plain.times")
	cp_added=$(awk -v t="$(mid "$WORK/$tag.cprofile.cpu")" -v p="$plain" 'BEGIN { print t - p }')
	wcp_added=$(awk -v t="$(mid "$WORK/$tag.cprofile.times")" -v p="$wplain" 'BEGIN { print t - p }')
	printf '%-24s %7.3f %7.3f %8s %8s\n' plain "$plain" "$wplain" - -
	for v in base cprof cprofile yappi; do
		[ $v != base ] || [ -n "${BASE:-}" ] || continue
		case $v in
		base) label="cprof, BASE" ;;
		cprof) label="cprof" ;;
		cprofile) label="python -m cProfile" ;;
		yappi) label="python -m yappi -c wall" ;;
		esac
		[ -f "$WORK/$tag.$v.cpu" ] || { printf '%-24s %7s\n' "$label" "(not installed)"; continue; }
		awk -v l="$label" -v t="$(mid "$WORK/$tag.$v.cpu")" -v w="$(mid "$WORK/$tag.$v.times")" -v p="$plain" \
			-v wp="$wplain" -v c="$calls" -v cp="$cp_added" -v wcp="$wcp_added" -v r="$(rounds "$tag" "$v")" \
			'BEGIN { split(r, q, " "); printf "%-24s %7.3f %7.3f %7.2fx %8.1f %21.2f %5.2f  %.2f (%.2f-%.2f)  %14.2f\n",
				l, t, w, t / p, (t - p) / c * 1e9, (t - p) / cp, (w - wp) / wcp, q[1], q[2], q[3], q[4] }'
	done
	base=
	[ -z "${BASE:-}" ] || base=$(awk -v t="$(mid "$WORK/$tag.base.cpu")" -v p="$plain" -v cp="$cp_added" \
		-v r="$(rounds "$tag" base)" 'BEGIN { split(r, q, " "); printf "%8.2f   %.2f (%.2f-%.2f)", (t - p) / cp, q[1], q[2], q[3] }')
	awk -v v="$("$py" -V 2>&1 | cut -d' ' -f2)" -v t="$(mid "$WORK/$tag.cprof.cpu")" -v p="$plain" -v cp="$cp_added" \
		-v c="$calls" -v r="$(rounds "$tag" cprof)" -v b="$base" \
		'BEGIN { split(r, q, " "); printf "%-8s %9.1f %9.1f %8.2f   %.2f (%.2f-%.2f)  %7.2f %s\n", v, (t - p) / c * 1e9, cp / c * 1e9,
			(t - p) / cp, q[1], q[2], q[3], q[4], b }' \
		>> "$WORK/summary"

	[ "$REPEAT" = 0 ] || repeated "$py" "$tag"
	[ "$SAMPLE_N" != 0 ] || return 0
	for i in $(seq "$RUNS"); do
		cputimed "$tag.splain" "$py" "$SCRIPT" "$SAMPLE_N"
		rm -rf "$WORK/sraw"
		cputimed "$tag.sample" "$B/src/cprof" --mode=sample -d "$WORK/sraw" "$py" "$SCRIPT" "$SAMPLE_N"
	done
	"$B/src/cprof-report" "$WORK/sraw" > "$WORK/sample.report" 2> /dev/null
	samples=$(sed -n 's/^Sampled [A-Za-z ]* at 1000 Hz: \([0-9]*\) samples.*/\1/p' "$WORK/sample.report")
	echo
	echo "calls.py $SAMPLE_N; median of $RUNS runs, taking turns (wall time)"
	printf '%-26s %8s %9s %10s\n' variant seconds slowdown samples/s
	splain=$(mid "$WORK/$tag.splain.times")
	printf '%-26s %8.3f %9s %10s\n' plain "$splain" - -
	awk -v t="$(mid "$WORK/$tag.sample.times")" -v p="$splain" -v s="${samples:-0}" \
		'BEGIN { printf "%-26s %8.3f %8.2f%% %10.0f\n", "cprof --mode=sample", t, (t / p - 1) * 100, s / p }'
}

k=0
for py in $PY; do
	[ $k = 0 ] || echo
	bench_one "$py" "py$k"
	k=$((k + 1))
done
if [ $k -gt 1 ]; then
	echo
	echo "cprof's added CPU time per call, cProfile's, and their ratio; calls.py $N, $RUNS runs"
	printf '%-8s %9s %9s %8s   %s%s\n' Python "cprof ns" "cProf. ns" medians "by round (low-high)  fastest" \
		"${BASE:+   BASE: medians, by round}"
	cat "$WORK/summary"
	if [ "$REPEAT" != 0 ]; then
		echo
		echo "A call alone: cprof's added time over cProfile's, from the fastest of $REPEAT repetitions of calls.py $REPEAT_N in each of $RUNS processes"
		cat "$WORK/rsummary"
	fi
fi
