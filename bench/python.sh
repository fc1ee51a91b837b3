#!/bin/sh
# bench/python.sh BUILDDIR: what profiling a call-heavy Python script costs,
# for cprof and its peers, in one run: bench/calls.py plain, under cprof
# (tracing: the interpreter's profile hook; and sampling the native code at
# 1000 Hz, its default), under `cprof -F 0` (tracing alone), under
# `python3 -m cProfile`, under yappi (`python3 -m yappi -c wall`, its
# builtins off as by default, where that Python has it), and under two
# floors.  The floor is hooks that do nothing, installed as cprof installs
# its own (bench/pyfloor.c, a module built here against that Python's
# headers): the interpreter's own cost of the hooks, which any profiler
# giving cProfile's table through them pays.  "floor + TSC" is the same
# hooks reading the TSC at each event and doing nothing else (x86-64):
# what a profiler that times the events with the TSC, as cprof does, pays.
#
# Each runs RUNS times (default 5), the variants taking turns; the median
# of each is kept, of its CPU time (user + system, of all its processes)
# and of its wall time.  Prints each one's added time and its ratio to
# cProfile's, and tracing's over each floor ((cprof -F 0 - floor) /
# (cProfile - floor)).  On a shared machine one run's times can vary by
# half: the ratio is also taken round by round (the variants' runs of a
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
# CALLGRIND="N1 N2" adds, for each, the instructions (valgrind's
# callgrind; they do not depend on the load) that each variant adds to a
# call: its count for calls.py N2 less its count for calls.py N1 (the
# start and the report cancel), over the calls cProfile counts more, the
# plain run's taken off.  cprof runs with -F 0 (no sampling), and every one
# with PYTHONHASHSEED=0 (a random seed moves the dicts' probes by tens of
# instructions a call from one run to the next).  With RUNS=0, that alone
# (no timing: no need to hold a shared machine still).
#
# Each interpreter's table ends with what a clock reading costs
# (bench/clockcost, built by make bench): cprof reads the TSC at each event,
# cProfile clock_gettime(CLOCK_MONOTONIC).
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
CALLGRIND=${CALLGRIND:-}
SCRIPT="$(dirname "$0")/calls.py"
FLOOR_C="$(dirname "$0")/pyfloor.c"
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

# floor_build PY DIR: bench/pyfloor.c built for PY into DIR; fails
# (saying why) if it cannot be
floor_build() {
	mkdir -p "$2"
	inc=$("$1" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
	ext=$("$1" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
	[ -f "$inc/Python.h" ] || { echo "(no $inc/Python.h)"; return 1; }
	${CC:-cc} -shared -fPIC -O2 -I"$inc" -o "$2/pyfloor$ext" "$FLOOR_C" > "$2/cc.out" 2>&1 ||
		{ echo "(pyfloor.c did not build: $2/cc.out)"; return 1; }
}

# The floors' runner, as cProfile's: the script compiled, then run as
# __main__ with the hooks on; python -c "$FLOOR_RUN" FLOORDIR START SCRIPT
# ARGS..., START pyfloor's start or start_tsc
FLOOR_RUN='
import os, sys
sys.path[0] = sys.argv[1]
import pyfloor
start = getattr(pyfloor, sys.argv[2])
sys.argv = sys.argv[3:]
sys.path[0] = os.path.dirname(sys.argv[0])
with open(sys.argv[0], "rb") as f:
    code = compile(f.read(), sys.argv[0], "exec")
start()
exec(code, {"__name__": "__main__", "__file__": sys.argv[0]})
pyfloor.stop()
'

# mid FILE: the median of FILE's numbers; least FILE: the least
mid() { sort -n "$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
least() { sort -n "$1" | head -n 1; }

# rounds TAG V [FROM]: V's CPU time over cProfile's, both less FROM's
# (default plain), round by round (the median, lowest and highest), and
# from the fastest runs
rounds() {
	from=${3:-plain}
	paste "$WORK/$1.$from.cpu" "$WORK/$1.$2.cpu" "$WORK/$1.cprofile.cpu" | awk '{ print ($2 - $1) / ($3 - $1) }' |
		sort -n | awk -v p="$(least "$WORK/$1.$from.cpu")" -v v="$(least "$WORK/$1.$2.cpu")" \
			-v c="$(least "$WORK/$1.cprofile.cpu")" '{ r[NR] = $1 }
			END { printf "%.2f %.2f %.2f %.2f\n", r[int((NR + 1) / 2)], r[1], r[NR], (v - p) / (c - p) }'
}

# label V: how the tables name variant V
label() {
	case $1 in
	plain) echo plain ;;
	base) echo "cprof, BASE" ;;
	cprof) echo cprof ;;
	trace) echo "cprof -F 0" ;;
	cprofile) echo "python -m cProfile" ;;
	yappi) echo "python -m yappi -c wall" ;;
	floor) echo "floor: empty hooks" ;;
	tsc) echo "floor + TSC" ;;
	esac
}

# fastest TAG V: the fastest repetition of each of V's runs with REPEAT, in
# the order of the runs
fastest() { for f in "$WORK/$1.r$2".*.out; do sed -n 's/^fastest: //p' "$f"; done; }

# repeated PY TAG: the cost of a call alone, from the fastest repetitions
repeated() {
	rpy=$1
	rtag=$2
	vs="plain cprof ${BASE:+base} cprofile"
	[ $have_floor = 0 ] || vs="$vs floor"
	[ $have_tsc = 0 ] || vs="$vs tsc"
	for i in $(seq "$RUNS"); do
		for v in $vs; do
			case $v in
			plain) set -- "$rpy" ;;
			floor) set -- "$rpy" -c "$FLOOR_RUN" "$floor" start ;;
			tsc) set -- "$rpy" -c "$FLOOR_RUN" "$floor" start_tsc ;;
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
		paste "$WORK/$rtag.rplain" "$WORK/$rtag.r$v" "$WORK/$rtag.rcprofile" | awk '{ print ($2 - $1) / ($3 - $1) }' | sort -n |
			awk -v l="$(label $v)" -v p="$(least "$WORK/$rtag.rplain")" -v t="$(least "$WORK/$rtag.r$v")" \
				-v c="$(least "$WORK/$rtag.rcprofile")" -v n="$calls" '{ r[NR] = $1 }
				END { printf "%-24s %9.4f %9.1f %18.2f  %.2f (%.2f-%.2f)\n", l, t, (t - p) / n * 1e9, (t - p) / (c - p),
					r[int((NR + 1) / 2)], r[1], r[NR] }'
	done
	fl=
	[ $have_floor = 0 ] || fl=$(least "$WORK/$rtag.rfloor")
	ts=
	[ $have_tsc = 0 ] || ts=$(least "$WORK/$rtag.rtsc")
	awk -v v="$("$rpy" -V 2>&1 | cut -d' ' -f2)" -v p="$(least "$WORK/$rtag.rplain")" -v t="$(least "$WORK/$rtag.rcprof")" \
		-v c="$(least "$WORK/$rtag.rcprofile")" -v b="${BASE:+$(least "$WORK/$rtag.rbase")}" -v f="$fl" -v s="$ts" \
		'function r(a, z) { return a == "" || z == "" ? "-" : sprintf("%.2f", (z - a) / (c - a)) }
		BEGIN { printf "%-8s %7.2f %7s %7s %8s %8s%s\n", v, (t - p) / (c - p), r(p, f), r(p, s), r(f, t), r(s, t),
			b == "" ? "" : sprintf("   BASE %.2f", (b - p) / (c - p)) }' \
		>> "$WORK/rsummary"
}

# cg_run NAME COMMAND...: COMMAND under callgrind; prints the instructions
# of all its processes, and those in libcprof.so's functions
cg_run() {
	cgname=$1
	shift
	rm -f "$WORK/cg.$cgname".*
	PYTHONHASHSEED=0 valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$WORK/cg.$cgname.%p" "$@" \
		> /dev/null 2>&1
	for f in "$WORK/cg.$cgname".*; do
		# (the lines of code inlined from another file name the function,
		# not its object)
		callgrind_annotate --auto=no --threshold=100 "$f" | awk '/ PROGRAM TOTALS/ { gsub(",", "", $1); all = $1 }
			/^ *[0-9,]+ \(.*:/ { gsub(",", "", $1); fn = $0; sub(/ \[[^]]*\]$/, "", fn); sub(/.*:/, "", fn); n[NR] = $1; f[NR] = fn }
			/libcprof\.so\]$/ { ours[fn] = 1 }
			END { for (i in f) if (f[i] in ours) own += n[i]; print all, own + 0 }'
	done | awk '{ all += $1; own += $2 } END { print all, own }'
}

# callgrind_one PY TAG: the instructions each variant adds to a call
callgrind_one() {
	cpy=$1
	ctag=$2
	vs="plain cprof ${BASE:+base} cprofile"
	[ $have_floor = 0 ] || vs="$vs floor"
	for n in $CALLGRIND; do
		for v in $vs; do
			case $v in
			plain) set -- "$cpy" ;;
			floor) set -- "$cpy" -c "$FLOOR_RUN" "$floor" start ;;
			cprof) set -- "$B/src/cprof" -F 0 -o "$WORK/cg.pstats" "$cpy" ;;
			base) set -- "$BASE/src/cprof" -F 0 -o "$WORK/cg.pstats" "$cpy" ;;
			cprofile) set -- "$cpy" -m cProfile -o "$WORK/cg.pstats" ;;
			esac
			cg_run "$ctag.$v" "$@" "$SCRIPT" "$n" > "$WORK/$ctag.cg.$v.$n"
		done
		"$cpy" -c 'import pstats, sys; print(pstats.Stats(sys.argv[1]).total_calls)' "$WORK/cg.pstats" > "$WORK/$ctag.cg.calls.$n"
	done
	set -- $CALLGRIND
	calls=$(($(cat "$WORK/$ctag.cg.calls.$2") - $(cat "$WORK/$ctag.cg.calls.$1")))
	echo
	echo "Under callgrind: each one's instructions for calls.py $2 less those for calls.py $1 ($calls calls more under cProfile)"
	printf '%-24s %12s %11s %16s %s\n' variant instructions "added/call" "added/cProfile's" "in libcprof.so/call"
	for v in $vs; do
		paste "$WORK/$ctag.cg.$v.$1" "$WORK/$ctag.cg.$v.$2" "$WORK/$ctag.cg.plain.$1" "$WORK/$ctag.cg.plain.$2" \
			"$WORK/$ctag.cg.cprofile.$1" "$WORK/$ctag.cg.cprofile.$2" | awk -v n="$calls" \
			'{ d = $3 - $1 - ($7 - $5); c = $11 - $9 - ($7 - $5)
			print $3 - $1, d / n, d / c, ($4 - $2) / n }' > "$WORK/$ctag.cg.$v"
		awk -v l="$(label "$v")" '{ printf "%-24s %12d %11.1f %16.2f %11.1f\n", l, $1, $2, $3, $4 }' "$WORK/$ctag.cg.$v"
	done
	[ $have_floor = 1 ] || return 0
	paste "$WORK/$ctag.cg.cprof" "$WORK/$ctag.cg.floor" "$WORK/$ctag.cg.cprofile" | awk -v v="$("$cpy" -V 2>&1 | cut -d' ' -f2)" \
		'{ printf "%-8s %8.1f %8.1f %8.1f %8.1f %8.2f %8.2f %8.2f\n", v, $6, $2, $10, $4, $3, $7, ($2 - $6) / ($10 - $6) }' \
		>> "$WORK/cgsummary"
	awk '{ printf "cprof over the floor: %.2f\n", $8 }' "$WORK/cgsummary" | tail -n 1
}

# over TAG V: cprof -F 0 over V's time (a floor): V's added ns a call and
# its share of cProfile's, then (cprof -F 0 - V) / (cProfile - V), from the
# medians and round by round (median, lowest, highest); "- - - - - -"
# without V
over() {
	if [ -f "$WORK/$1.$2.cpu" ]; then
		awk -v f="$(mid "$WORK/$1.$2.cpu")" -v t="$(mid "$WORK/$1.trace.cpu")" -v p="$plain" -v cp="$cp_added" \
			-v c="$calls" -v r="$(rounds "$1" trace "$2")" 'BEGIN { split(r, q, " ");
			printf "%.1f %.2f %.2f %.2f %.2f %.2f\n", (f - p) / c * 1e9, (f - p) / cp, (t - f) / (cp + p - f), q[1], q[2], q[3] }'
	else
		echo "- - - - - -"
	fi
}

# bench_one PY TAG: the table of one interpreter
bench_one() {
	py=$1
	tag=$2
	have_yappi=1
	"$py" -c 'import yappi' 2> /dev/null || have_yappi=0
	floor="$WORK/$tag.floor.d"
	have_floor=1
	nofloor=$(floor_build "$py" "$floor") || have_floor=0
	have_tsc=$have_floor
	[ $have_tsc = 0 ] || "$py" -c "import sys; sys.path[0] = sys.argv[1]; import pyfloor; pyfloor.start_tsc" "$floor" 2> /dev/null ||
		have_tsc=0
	if [ "$RUNS" = 0 ]; then
		[ -z "$CALLGRIND" ] || callgrind_one "$py" "$tag"
		return 0
	fi
	for i in $(seq "$RUNS"); do
		cputimed "$tag.plain" "$py" "$SCRIPT" "$N"
		cputimed "$tag.cprof" "$B/src/cprof" -o "$WORK/cprof.pstats" "$py" "$SCRIPT" "$N"
		cputimed "$tag.trace" "$B/src/cprof" -F 0 -o "$WORK/cprof.pstats" "$py" "$SCRIPT" "$N"
		[ -z "${BASE:-}" ] || cputimed "$tag.base" "$BASE/src/cprof" -o "$WORK/base.pstats" "$py" "$SCRIPT" "$N"
		cputimed "$tag.cprofile" "$py" -m cProfile -o "$WORK/cprofile.pstats" "$SCRIPT" "$N"
		[ $have_yappi = 0 ] || cputimed "$tag.yappi" "$py" -m yappi -c wall -o "$WORK/yappi.pstats" "$SCRIPT" "$N"
		[ $have_floor = 0 ] || cputimed "$tag.floor" "$py" -c "$FLOOR_RUN" "$floor" start "$SCRIPT" "$N"
		[ $have_tsc = 0 ] || cputimed "$tag.tsc" "$py" -c "$FLOOR_RUN" "$floor" start_tsc "$SCRIPT" "$N"
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
	for v in base cprof trace cprofile yappi floor tsc; do
		[ $v != base ] || [ -n "${BASE:-}" ] || continue
		if [ ! -f "$WORK/$tag.$v.cpu" ]; then
			case $v in
			floor) printf '%-24s %s\n' "$(label $v)" "$nofloor" ;;
			tsc) [ $have_floor = 0 ] || printf '%-24s %s\n' "$(label $v)" "(not on this machine)" ;;
			*) printf '%-24s %s\n' "$(label $v)" "(not installed)" ;;
			esac
			continue
		fi
		awk -v l="$(label $v)" -v t="$(mid "$WORK/$tag.$v.cpu")" -v w="$(mid "$WORK/$tag.$v.times")" -v p="$plain" \
			-v wp="$wplain" -v c="$calls" -v cp="$cp_added" -v wcp="$wcp_added" -v r="$(rounds "$tag" "$v")" \
			'BEGIN { split(r, q, " "); printf "%-24s %7.3f %7.3f %7.2fx %8.1f %21.2f %5.2f  %.2f (%.2f-%.2f)  %14.2f\n",
				l, t, w, t / p, (t - p) / c * 1e9, (t - p) / cp, (w - wp) / wcp, q[1], q[2], q[3], q[4] }'
	done
	base=
	[ -z "${BASE:-}" ] || base=$(awk -v t="$(mid "$WORK/$tag.base.cpu")" -v p="$plain" -v cp="$cp_added" \
		-v r="$(rounds "$tag" base)" 'BEGIN { split(r, q, " "); printf "   %.2f %.2f (%.2f-%.2f)", (t - p) / cp, q[1], q[2], q[3] }')
	ofl=$(over "$tag" floor)
	otsc=$(over "$tag" tsc)
	for o in "floor:$ofl" "floor + TSC:$otsc"; do
		echo "${o#*:}" | awk -v l="${o%%:*}" '$1 != "-" {
			printf "cprof -F 0 over the %s, (cprof -F 0 - it) / (cProfile - it): %.2f, by round %.2f (%.2f-%.2f)\n",
				l, $3, $4, $5, $6 }'
	done
	awk -v v="$("$py" -V 2>&1 | cut -d' ' -f2)" -v t="$(mid "$WORK/$tag.cprof.cpu")" -v p="$plain" -v cp="$cp_added" \
		-v c="$calls" -v r="$(rounds "$tag" cprof)" -v b="$base" -v o="$ofl" -v s="$otsc" \
		-v n="$(mid "$WORK/$tag.trace.cpu")" -v rn="$(rounds "$tag" trace)" \
		'BEGIN { split(r, q, " "); split(rn, qn, " "); split(o, f, " "); split(s, g, " ");
			printf "%-8s %6s %6s %6.1f %6.1f %6.1f %5.2f %.2f (%.2f-%.2f) %5.2f %.2f (%.2f-%.2f) %5s %5s %5s %5s%s\n",
			v, f[1], g[1], (t - p) / c * 1e9, (n - p) / c * 1e9, cp / c * 1e9, (t - p) / cp, q[1], q[2], q[3],
			(n - p) / cp, qn[1], qn[2], qn[3], f[2], g[2], f[3], g[3], b }' \
		>> "$WORK/summary"

	[ ! -x "$B/bench/clockcost" ] || "$B/bench/clockcost"
	[ "$REPEAT" = 0 ] || repeated "$py" "$tag"
	[ -z "$CALLGRIND" ] || callgrind_one "$py" "$tag"
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
if [ $k -gt 1 ] && [ "$RUNS" != 0 ]; then
	echo
	echo "Added CPU time per call (ns) of the floor, the floor + TSC, cprof, cprof -F 0 and cProfile; cprof's and"
	echo "cprof -F 0's over cProfile's (of the medians, and round by round: median, lowest-highest); the floors' over"
	echo "cProfile's; cprof -F 0's over cProfile's, both less the floor's (o/fl) or the floor + TSC's (o/+T);"
	echo "calls.py $N, $RUNS runs"
	printf '%-8s %6s %6s %6s %6s %6s %-23s %-23s %5s %5s %5s %5s%s\n' Python floor +TSC cprof "-F 0" cProf \
		"cprof/cP  by round" "-F 0/cP  by round" fl/cP +T/cP o/fl o/+T "${BASE:+   BASE/cP  by round}"
	cat "$WORK/summary"
	if [ "$REPEAT" != 0 ]; then
		echo
		echo "A call alone: cprof's, the floor's and the floor + TSC's added time over cProfile's, and cprof's over cProfile's"
		echo "both less a floor's, from the fastest of $REPEAT repetitions of calls.py $REPEAT_N in each of $RUNS processes"
		printf '%-8s %7s %7s %7s %8s %8s\n' Python cprof/cP floor/cP +TSC/cP "over fl." "over +TSC"
		cat "$WORK/rsummary"
	fi
fi
if [ $k -gt 1 ] && [ -f "$WORK/cgsummary" ]; then
	echo
	echo "Under callgrind, instructions added per call (calls.py $(echo $CALLGRIND | tr ' ' '-')): the floor's, cprof's, cProfile's,"
	echo "cprof's in libcprof.so; cprof's over cProfile's, the floor's, and cprof's over cProfile's both less the floor's"
	printf '%-8s %8s %8s %8s %8s %8s %8s %8s\n' Python floor cprof cProfile "own" "cprof/cP" "floor/cP" "over fl."
	cat "$WORK/cgsummary"
fi
