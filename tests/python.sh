# Python: `cprof python3 script.py` is cProfile's table, for every CPython
# 3.8 to 3.13 on the machine.
. "$top_srcdir/tests/tap.sh"

cases="$top_srcdir/tests/python/cases.py"
found=0
while read -r v py; do
	found=1
	# the same script, the same way, under each
	(cd "$top_srcdir/tests/python" && "$CPROF" -o "$WORK/cprof-$v.pstats" "$py" cases.py) > "$WORK/out-$v" 2>&1
	expect_eq "$v: exit status 0, nothing printed" "0 " "$? $(cat "$WORK/out-$v")"
	(cd "$top_srcdir/tests/python" && "$py" -m cProfile -o "$WORK/cp-$v.pstats" cases.py)
	"$py" "$top_srcdir/tests/pstats_compare.py" "$WORK/cprof-$v.pstats" "$WORK/cp-$v.pstats" > "$WORK/cmp-$v"
	check "$v: cProfile's keys, cc, nc and callers ($(tail -n 1 "$WORK/cmp-$v"))" test $? -eq 0 || diag "$(head -n 20 "$WORK/cmp-$v")"

	# the printed table: cProfile's totals less its own two calls, its sort
	(cd "$top_srcdir/tests/python" && "$CPROF" "$py" cases.py) > "$WORK/t-$v"
	(cd "$top_srcdir/tests/python" && "$py" -m cProfile cases.py) > "$WORK/c-$v"
	theirs=$(tr -d '(' < "$WORK/c-$v" | awk 'NR <= 3 && /function calls/ { print $1 - 2, $4 - 2; exit }')
	mine=$(tr -d '(' < "$WORK/t-$v" | awk 'NR <= 3 && /function calls/ { print $1, $4; exit }')
	expect_eq "$v: the header counts cProfile's calls, less its own 2" "$theirs" "$mine"
	expect_eq "$v: cProfile's default sort" "$(grep 'Ordered by' "$WORK/c-$v")" "$(grep 'Ordered by' "$WORK/t-$v")"
	expect_eq "$v: fact, recursive: total/primitive" "30/1" "$(ncalls "$WORK/t-$v" fact)"

	# what cProfile loses, cprof keeps
	"$CPROF" "$py" -c 'import sys; sys.exit(3)' > /dev/null 2>&1
	expect_eq "$v: the exit status of sys.exit(3)" 3 $?
	"$CPROF" "$py" -c 'def f(): pass
f(); f()' > "$WORK/cmd-$v" 2>&1
	expect_eq "$v: python -c: its functions" 2 "$(ncalls "$WORK/cmd-$v" f)"
done <<EOF2
$(pythons)
EOF2
[ $found = 1 ] || skip "no CPython 3.8 to 3.13 found"
done_testing
