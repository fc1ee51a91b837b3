# A pstats file written with -o loads in every CPython 3.8-3.13 on the
# machine; pstats prints from it the very table cprof prints.
. "$top_srcdir/tests/tap.sh"

"$CPROF" -d "$WORK/pi" "$KERNELS/computepi" 10000 2 > /dev/null
"$CPROF" -d "$WORK/rec" "$PROGS/recurse" 12 > /dev/null
"$CPROF" -d "$WORK/vec" "$KERNELS/vector" > /dev/null
pythons > "$WORK/pythons"
[ -s "$WORK/pythons" ] || { skip "no CPython 3.8-3.13 found"; done_testing; }
for v in 3.8 3.9 3.10 3.11 3.12 3.13; do
	grep -q "^$v " "$WORK/pythons" || skip "CPython $v is not installed"
done

for run in pi rec vec; do
	"$CPROF_REPORT" -o "$WORK/$run.pstats" "$WORK/$run"
	for sort in cumulative tottime,name calls nfl stdname pcalls line; do
		"$CPROF_REPORT" -s "$sort" "$WORK/$run" > "$WORK/$run.$sort.report"
		table_only "$WORK/$run.$sort.report" > "$WORK/$run.$sort.cprof"
		while read -r version py; do
			if "$py" "$top_srcdir/tests/pstats_print.py" "$WORK/$run.pstats" "$sort" \
				> "$WORK/$run.$sort.$version" 2> "$WORK/$run.$sort.$version.callers"; then
				check "$run -s $sort: CPython $version ($py) prints cprof's table" \
					cmp -s "$WORK/$run.$sort.cprof" "$WORK/$run.$sort.$version"
			else
				not_ok "$run -s $sort: CPython $version ($py) cannot load the file"
				diag "$(tail -n 3 "$WORK/$run.$sort.$version.callers")"
			fi
		done < "$WORK/pythons"
	done
done
# print_callers and print_callees work on the file
line() { grep -n "^[a-z].*[ *]$1(" "$top_srcdir/tests/progs/recurse.c" | cut -d: -f1; }
fib="recurse.c:$(line fib)(fib)" ping="recurse.c:$(line ping)(ping)" main="recurse.c:$(line main)(main)"
while read -r version py; do
	f="$WORK/rec.cumulative.$version.callers"
	expect_eq "CPython $version: print_callers gives fib's callers" "464/2 $fib 1 $main" \
		"$(grep -A1 '(fib) *<-' "$f" | head -n 2 | sed 's/.*<-//' | awk '{ printf "%s%s %s", sep, $1, $NF; sep = " " }')"
	expect_eq "CPython $version: print_callees gives main's callees" "1 $fib 1 $ping" \
		"$(grep -A1 '(main) *->' "$f" | head -n 2 | sed 's/.*->//' | awk '{ printf "%s%s %s", sep, $1, $NF; sep = " " }')"
done < "$WORK/pythons"

done_testing
