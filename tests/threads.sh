# Every thread is traced: counts add up across threads, exactly.
. "$top_srcdir/tests/tap.sh"

"$CPROF" "$PROGS/threads" 4 1000 > "$WORK/t4.out" 2>&1
expect_eq "4 threads: exit status 0" 0 $?
expect_eq "4 threads: work() 4 x 1000 + 1" 4001 "$(ncalls "$WORK/t4.out" work)"
expect_eq "4 threads: thread_main once per thread" 4 "$(ncalls "$WORK/t4.out" thread_main)"
expect_eq "4 threads: the program's sum" "$((4 * 999 * 1000 / 2))" "$(head -n 1 "$WORK/t4.out")"

"$CPROF" "$PROGS/threads" 100 100 > "$WORK/t100.out" 2>&1
expect_eq "100 threads: work() 100 x 100 + 1" 10001 "$(ncalls "$WORK/t100.out" work)"
expect_eq "100 threads: thread_main once per thread" 100 "$(ncalls "$WORK/t100.out" thread_main)"

# 20000 short threads, 50 at a time: exited threads' structures are reused
"$CPROF" "$PROGS/threads" 50 10 400 > "$WORK/churn.out" 2>&1
expect_eq "20000 short threads: work() 20000 x 10 + 1" 200001 "$(ncalls "$WORK/churn.out" work)"
expect_eq "20000 short threads: thread_main once per thread" 20000 "$(ncalls "$WORK/churn.out" thread_main)"
"$PROGS/threads" 50 10 400 > "$WORK/churn.plain"
plain_maps=$(sed -n 2p "$WORK/churn.plain")
maps=$(sed -n 2p "$WORK/churn.out")
check "20000 short threads: mappings stay bounded ($maps under cprof, $plain_maps without)" \
	test "$maps" -lt $((plain_maps + 400))

"$CPROF" --per-process "$PROGS/threads" 2 10 > "$WORK/pp.out" 2>&1
expect_eq "threads stay in their process's table" 1 "$(grep -c '^Process ' "$WORK/pp.out")"

done_testing
