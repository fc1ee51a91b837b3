# The reference kernels under cprof: their output is their own, and the
# report names every function with exact call counts.
. "$top_srcdir/tests/tap.sh"

# faster: main, waithere (1 s), add2 twice; traced only, for the exact table
"$KERNELS/faster" > "$WORK/plain.out"
timed "$CPROF" --mode=trace "$KERNELS/faster" > "$WORK/faster.prog" 2> "$WORK/faster.out"
expect_eq "faster: exit status 0" 0 $?
check "faster: the program's output is its own, unchanged" cmp -s "$WORK/plain.out" "$WORK/faster.prog"
matches "faster: the report on stderr, from its header line" '^         4 function calls in 1\.0[0-4][0-9] seconds$' \
	"$(sed -n 1p "$WORK/faster.out")"
expect_eq "faster: sorted by cumulative time" "   Ordered by: cumulative time" "$(sed -n 3p "$WORK/faster.out")"
expect_eq "faster: column header" "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)" \
	"$(sed -n 5p "$WORK/faster.out")"
expect_eq "faster: rows in order" "faster.c:16(main) faster.c:3(waithere) faster.c:10(add2)" \
	"$(sed -n '6,8p' "$WORK/faster.out" | awk '{ printf "%s%s", sep, $NF; sep = " " }')"
expect_eq "faster: main called once" 1 "$(ncalls "$WORK/faster.out" main)"
expect_eq "faster: waithere called once" 1 "$(ncalls "$WORK/faster.out" waithere)"
expect_eq "faster: add2 called twice" 2 "$(ncalls "$WORK/faster.out" add2)"
within "faster: waithere cumtime is its 1 s, and no more than the run's" "$(cumtime "$WORK/faster.out" waithere)" 1.000 \
	"$took"
within "faster: waithere's sleep is its own time" "$(tottime "$WORK/faster.out" waithere)" 1.000 "$took"
expect_eq "faster: nothing on stderr but the report" "" "$(sed -n '9,$p' "$WORK/faster.out" | grep -v '^$')"

# vector: the nested loop calls get_row for each pair plus each publication
"$CPROF" "$KERNELS/vector" 100 50 > "$WORK/vector.out" 2>&1
expect_eq "vector: exit status 0" 0 $?
expect_eq "vector: prints the two runtimes" "Nested-loop Runtime: Vectorized Runtime:" \
	"$(head -n 2 "$WORK/vector.out" | awk '{ printf "%s%s", sep, $1 " " $2; sep = " " }')"
expect_eq "vector: get_row per pair and per publication" 5100 "$(ncalls "$WORK/vector.out" get_row)"
expect_eq "vector: same_a per pair" 5000 "$(ncalls "$WORK/vector.out" same_a)"
expect_eq "vector: randint100 per value drawn" 450 "$(ncalls "$WORK/vector.out" randint100)"
expect_eq "vector: match_nested once" 1 "$(ncalls "$WORK/vector.out" match_nested)"
expect_eq "vector: match_hashed once" 1 "$(ncalls "$WORK/vector.out" match_hashed)"
expect_eq "vector: drop_duplicates twice" 2 "$(ncalls "$WORK/vector.out" drop_duplicates)"
"$CPROF" "$KERNELS/vector" 200 30 sort > "$WORK/vsort.out" 2>&1
expect_eq "vector sort: same_a per pair" 6000 "$(ncalls "$WORK/vsort.out" same_a)"
expect_eq "vector sort: match_sorted once" 1 "$(ncalls "$WORK/vsort.out" match_sorted)"

# computepi: 10..10^5 darts, serial and with two workers
"$KERNELS/computepi" 100000 > "$WORK/pi.plain"
"$CPROF" "$KERNELS/computepi" 100000 > "$WORK/pi.out" 2>&1
expect_eq "computepi: the estimates are the program's" "$(cut -d']' -f1 "$WORK/pi.plain")" \
	"$(head -n 1 "$WORK/pi.out" | cut -d']' -f1)"
expect_eq "computepi: pi_run per estimate" 5 "$(ncalls "$WORK/pi.out" pi_run)"
expect_eq "computepi: rng_random twice per dart" 222220 "$(ncalls "$WORK/pi.out" rng_random)"
"$CPROF" "$KERNELS/computepi" 100000 2 > "$WORK/pool.out" 2>&1
expect_eq "computepi pool: same estimates as serial" "$(cut -d']' -f1 "$WORK/pi.plain")" \
	"$(head -n 1 "$WORK/pool.out" | cut -d']' -f1)"
expect_eq "computepi pool: pi_run across the workers" 5 "$(ncalls "$WORK/pool.out" pi_run)"
expect_eq "computepi pool: rng_random across the workers" 222220 "$(ncalls "$WORK/pool.out" rng_random)"
expect_eq "computepi pool: one pool_worker per worker" 2 "$(ncalls "$WORK/pool.out" pool_worker)"
expect_eq "computepi pool: main counted once, not in the workers" 1 "$(ncalls "$WORK/pool.out" main)"
expect_eq "computepi pool: pool_map counted once" 1 "$(ncalls "$WORK/pool.out" pool_map)"

# basic: addit(4) in the parent, addit over [1, 2, 3] in two workers
"$CPROF" "$KERNELS/basic" > "$WORK/basic.out" 2>&1
expect_eq "basic: prints 5 and [2, 3, 4]" "5 [2, 3, 4]" "$(head -n 2 "$WORK/basic.out" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "basic: addit four times in all" 4 "$(ncalls "$WORK/basic.out" addit)"
expect_eq "basic: addit_task once per item" 3 "$(ncalls "$WORK/basic.out" addit_task)"
"$CPROF" --mode=trace --per-process "$KERNELS/basic" > "$WORK/basic.pp" 2>&1
expect_eq "basic --per-process: three processes" 3 "$(grep -c '^Process ' "$WORK/basic.pp")"
# the parent's table comes first (processes in order of start)
split_processes "$WORK/basic.pp" "$WORK/proc"
expect_eq "basic --per-process: the parent called addit once" 1 "$(ncalls "$WORK/proc1" addit)"
w1=$(ncalls "$WORK/proc2" addit_task)
w2=$(ncalls "$WORK/proc3" addit_task)
expect_eq "basic --per-process: the workers called addit_task 3 times" 3 $((${w1:-0} + ${w2:-0}))
expect_eq "basic --per-process: a worker's pool_map is inherited, not counted" 0 "$(ncalls "$WORK/proc2" pool_map)"

done_testing
