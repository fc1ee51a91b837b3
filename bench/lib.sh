# bench/lib.sh: what the benchmarks share (sourced after set -eu): a work
# directory, removed at exit unless the caller sets its own trap, and timed
# runs whose medians are compared.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }

# timed NAME COMMAND...: runs it once, appending its wall time to
# $WORK/NAME.times, and its CPU time (user and system: the shell's `times`,
# to the clock tick) to $WORK/NAME.cpu; its output goes to $WORK/NAME.out,
# and $OUT names a fresh directory, $WORK/NAME.dir, for the files it writes
timed() {
	name=$1
	shift
	rm -rf "$WORK/$name.dir" && mkdir "$WORK/$name.dir"
	times > "$WORK/cpu0"
	t0=$(now)
	OUT="$WORK/$name.dir" "$@" > "$WORK/$name.out" 2>&1
	t1=$(now)
	times > "$WORK/cpu1"
	echo "$t0 $t1" | awk '{ printf "%.6f\n", $2 - $1 }' >> "$WORK/$name.times"
	# (the second line: the children's user and system time, 1m2.5s)
	cat "$WORK/cpu0" "$WORK/cpu1" | awk 'NR % 2 == 0 { gsub(/[ms]/, " "); c[NR] = $1 * 60 + $2 + $3 * 60 + $4 }
		END { printf "%.3f\n", c[4] - c[2] }' >> "$WORK/$name.cpu"
}

# median NAME [cpu]: the median of NAME's wall times, or CPU times
median() { sort -n "$WORK/$1.${2:-times}" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
