# Functions are named from DWARF whatever the compiler and DWARF version:
# gcc and clang, DWARF 4 and 5 (clang 14 writes no .debug_aranges, and in
# DWARF 5 names the source as file 0).
. "$top_srcdir/tests/tap.sh"

src="$top_srcdir/kernels/faster.c"
for cc in gcc clang; do
	if ! command -v $cc > /dev/null; then
		skip "$cc is not installed"
		continue
	fi
	for dwarf in 4 5; do
		$cc -g -gdwarf-$dwarf -O2 -finstrument-functions -o "$WORK/faster-$cc-$dwarf" "$src"
		"$CPROF" --mode=trace "$WORK/faster-$cc-$dwarf" > /dev/null 2> "$WORK/$cc-$dwarf.out"
		expect_eq "$cc, DWARF $dwarf: names with file and line" "faster.c:16(main) faster.c:3(waithere) faster.c:10(add2)" \
			"$(sed -n '6,8p' "$WORK/$cc-$dwarf.out" | awk '{ printf "%s%s", sep, $NF; sep = " " }')"
	done
	# no debug information: the symbol table names them
	$cc -O2 -finstrument-functions -o "$WORK/faster-$cc-nodebug" "$src"
	"$CPROF" "$WORK/faster-$cc-nodebug" > "$WORK/$cc-nodebug.out" 2>&1
	expect_eq "$cc, no debug information: object and symbol" "faster-$cc-nodebug:0(waithere)" \
		"$(awk '/\(waithere\)$/ { print $NF }' "$WORK/$cc-nodebug.out")"
done
done_testing
