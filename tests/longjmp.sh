# A longjmp out of traced calls: the calls made afterwards are recorded
# under the function that made them, not under the frames jumped out of.
. "$top_srcdir/tests/tap.sh"

"$CPROF" -o "$WORK/j.pstats" "$PROGS/jump" > "$WORK/j.out"
expect_eq "the program runs as without cprof" "done" "$(cat "$WORK/j.out")"
py=$(pythons | tail -n 1 | cut -d' ' -f2)
if [ -z "$py" ]; then
	skip "no Python to read the pstats file"
	done_testing
fi
"$py" - "$WORK/j.pstats" > "$WORK/callers" <<'PY'
import marshal, sys
stats = marshal.load(open(sys.argv[1], "rb"))
by = {k[2]: v for k, v in stats.items()}
print(" ".join(sorted(k[2] for k in by["work"][4])))
print("%d %d %.1f" % (by["parse"][1], by["fail"][1], by["parse"][3]))
print("%.1f" % by["work"][3])
PY
expect_eq "work's only caller is main" "main" "$(sed -n 1p "$WORK/callers")"
expect_eq "parse and fail each called once, ending at the jump (no time)" "1 1 0.0" "$(sed -n 2p "$WORK/callers")"
within "work's cumtime is its own 0.2 s" "$(sed -n 3p "$WORK/callers")" 0.1 0.3
done_testing
