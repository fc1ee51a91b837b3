# Stacks through a library that was unloaded, with another loaded where it
# was: the sampler's unwind rules, cached by address, are not the first
# library's (SAMPLING.md).  Wrong rules give its callers' samples to
# whatever the wrong frame address held.
. "$top_srcdir/tests/tap.sh"

"$CPROF" --mode=sample --clock=cpu -F 5000 "$PROGS/reload" "$PROGS/.libs/libreload-a.so" "$PROGS/.libs/libreload-b.so" \
	> "$WORK/r.out" 2> "$WORK/r.report"
expect_eq "the program runs as without cprof" 0 $?
if [ "$(cat "$WORK/r.out")" != "same address" ]; then
	skip "the loader did not put the second library where the first was: $(cat "$WORK/r.out")"
	done_testing
fi
# (0.3 s of CPU each.  With the first library's rules, the second's
# samples had no run_b under them: the program died, or they went to run_a)
within "run_a holds the first library's time (s)" "$(cumtime "$WORK/r.report" run_a)" 0.2 0.45
within "run_b holds the second's, at the first's addresses (s)" "$(cumtime "$WORK/r.report" run_b)" 0.2 0.45
within "both under main (s)" "$(cumtime "$WORK/r.report" main)" 0.5 0.9
done_testing
