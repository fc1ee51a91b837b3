# bench/lib.sh: what the benchmarks share (sourced after set -eu): a work
# directory, removed at exit unless the caller sets its own trap, and timed
# runs whose medians are compared.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cprof-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }

# timed NAME COMMAND...: runs it once, appending its wall time to
# $WORK/NAME.times; its output goes to $WORK/NAME.out, and $OUT names a fresh
# directory, $WORK/NAME.dir, for the files it writes
timed() {
	name=$1
	shift
	rm -rf "$WORK/$name.dir" && mkdir "$WORK/$name.dir"
	t0=$(now)
	OUT="$WORK/$name.dir" "$@" > "$WORK/$name.out" 2>&1
	t1=$(now)
	echo "$t0 $t1" | awk '{ printf "%.6f\n", $2 - $1 }' >> "$WORK/$name.times"
}

# median NAME: the median of NAME's times
median() { sort -n "$WORK/$1.times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
