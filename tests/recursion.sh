# Recursion is counted as cProfile counts it: ncalls as total/primitive,
# cumtime counted once.
. "$top_srcdir/tests/tap.sh"

"$CPROF" --mode=trace -d "$WORK/raw" "$PROGS/recurse" 10 > "$WORK/r.out" 2>&1
expect_eq "fib(10) and ping(10)" "55 10" "$(head -n 1 "$WORK/r.out")"
expect_eq "fib: 177 calls, 1 primitive" "177/1" "$(ncalls "$WORK/r.out" fib)"
expect_eq "ping: 6 calls, 1 primitive" "6/1" "$(ncalls "$WORK/r.out" ping)"
expect_eq "pong: 5 calls, 1 primitive" "5/1" "$(ncalls "$WORK/r.out" pong)"
expect_eq "header counts primitive calls" "(4 primitive calls)" \
	"$(sed -n 2p "$WORK/r.out" | grep -o '([0-9]* primitive calls)')"
# cumtime of a recursive function is counted once: not more than main's
fib=$(cumtime "$WORK/r.out" fib)
main=$(cumtime "$WORK/r.out" main)
check "fib's cumtime ($fib) is within main's ($main)" awk -v f="$fib" -v m="$main" 'BEGIN { exit !(f <= m) }'

# the callers of a recursive function, as pstats records them
"$CPROF_REPORT" -o "$WORK/r.pstats" "$WORK/raw"
py=$(pythons | tail -n 1 | cut -d' ' -f2)
if [ -n "$py" ]; then
	"$py" - "$WORK/r.pstats" > "$WORK/callers" <<'PY'
import marshal, sys
stats = marshal.load(open(sys.argv[1], "rb"))
byname = {k[2]: (k, v) for k, v in stats.items()}
fib_key, (cc, nc, tt, ct, callers) = byname["fib"]
main_key = byname["main"][0]
print(cc, nc, callers[main_key][:2], callers[fib_key][:2])
ping_key = byname["ping"][0]
pong_key = byname["pong"][0]
print(byname["ping"][1][4][pong_key][:2], byname["pong"][1][4][ping_key][:2])
PY
	# what cProfile records for the same functions in Python: fib<-fib has
	# 176 calls, 2 of them primitive for the pair (fib(10)->fib(9), then
	# fib(10)->fib(8) once the first has returned)
	expect_eq "fib's callers: main (1, 1) and fib (176, 2), as cProfile" "1 177 (1, 1) (176, 2)" \
		"$(sed -n 1p "$WORK/callers")"
	expect_eq "ping <- pong and pong <- ping" "(5, 1) (5, 1)" "$(sed -n 2p "$WORK/callers")"
else
	skip "no Python to read the pstats file"
	skip "no Python to read the pstats file"
fi

# deeper than the runtime's stack of frames (1048576): every call recorded
# or counted as lost, and the loss said
if sh -c 'ulimit -s unlimited' 2> /dev/null; then
	sh -c 'ulimit -s unlimited && exec "$@"' sh "$CPROF" --mode=trace "$PROGS/recurse" 1100000 deep > "$WORK/deep.out" \
		2> "$WORK/deep.err"
	expect_eq "1,100,000 calls deep: the program's result" 1100000 "$(cat "$WORK/deep.out")"
	lost=$(sed -n 's/^cprof: warning: \([0-9]*\) calls could not be recorded (calls nested deeper than 1048576.*/\1/p' \
		"$WORK/deep.err")
	p=$(ncalls "$WORK/deep.err" ping)
	q=$(ncalls "$WORK/deep.err" pong)
	expect_eq "1,100,000 calls deep: the calls recorded and those said lost add up to ping's and pong's 1,100,001" \
		1100001 $((${p%/*} + ${q%/*} + ${lost:-0}))
	check "1,100,000 calls deep: some said lost ($lost)" test "${lost:-0}" -gt 0
else
	skip "ulimit -s unlimited is not allowed here: no recursion a million calls deep"
fi

# a sampled stack deeper than the sampler unwinds (128 frames): its outer
# frames are cut, and a row says so, instead of a frame half-way down
# standing as where the thread began
"$CPROF" --mode=sample "$PROGS/recurse" 1001 spin > /dev/null 2> "$WORK/cut.out"
cut=$(cumtime "$WORK/cut.out" "outer frames of stacks deeper than 128, cut")
within "a 1000 deep stack, sampled: the cut frames' row has the time (s)" "$cut" 0.1 100
# (bottom's, and the few samples taken on the way down or up)
bottom=$(cumtime "$WORK/cut.out" bottom)
within "a 1000 deep stack, sampled: ... about as much as bottom, where it was spent" "$cut" "$bottom" \
	"$(awk -v b="$bottom" 'BEGIN { print b * 1.05 }')"
# (main shows only in samples taken on the way down or up, a few at most)
main=$(cumtime "$WORK/cut.out" main)
within "a 1000 deep stack, sampled: main, cut, has next to none of the time" "${main:-0}" 0 "$(awk -v c="$cut" 'BEGIN { print c / 20 }')"

done_testing
