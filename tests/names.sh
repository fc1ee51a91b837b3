# Functions are named as perf and gdb name them: C++ ones demangled and
# qualified, overloads apart (two overloads defined on one line, which DWARF
# gives the same file, line and bare name), with and without debug
# information, traced and sampled, from g++ and clang++; C names as they
# are.  Code without symbols (a stripped program) is one row per function,
# not one per address, named by where the function starts: the start of
# its FDE in .eh_frame.
. "$top_srcdir/tests/tap.sh"

src="$top_srcdir/tests/progs/shapes.cc"

# calls_of FILE FUNCTION: ncalls of the row of exactly FUNCTION
# ("file:line(name)") in a cProfile table printed to FILE; nothing if none
calls_of() {
	awk -v fn="$2" 'match($0, /^ *[0-9\/]+ /) && substr($0, RLENGTH + 37) == fn {
		v = substr($0, 1, RLENGTH - 1); gsub(/ /, "", v); print v; exit }' "$1"
}
line_of() { grep -n -F -- "$1" "$src" | head -n 1 | cut -d: -f1; }

relax_line=$(line_of 'void Grid::relax(long units)')
grid_line=$(line_of 'Grid::Grid(long unit)')
settle_line=$(line_of 'long settle(long unit)')

# named LINE NAME: the row of a function of the shapes program just built,
# with debug information (file and line) or without (the program, line 0)
named() {
	case $how in
	*-g) echo "shapes.cc:$1($2)" ;;
	*) echo "$(basename "$exe"):0($2)" ;;
	esac
}

# shapes_names COMPILER: the shapes program built four ways and profiled
shapes_names() {
	local flags what long double
	for how in traced-g traced plain-g plain; do
		case $how in
		traced-g) flags="-g -finstrument-functions" ;;
		traced) flags="-finstrument-functions" ;;
		plain-g) flags="-g" ;;
		plain) flags="" ;;
		esac
		what="$1 -O2${flags:+ $flags}"
		exe="$WORK/shapes-$(basename "${1%% *}")-$how"
		if ! $1 -O2 $flags -o "$exe" "$src"; then
			not_ok "$what: shapes.cc builds"
			continue
		fi
		"$CPROF" "$exe" > /dev/null 2> "$exe.out"
		long=$(named "$relax_line" 'shapes::Grid::relax(long)')
		double=$(named "$relax_line" 'shapes::Grid::relax(double)')
		case $how in
		traced*)
			expect_eq "$what: the overloads are two rows, by qualified name, 10 calls each" "10 10" \
				"$(calls_of "$exe.out" "$long") $(calls_of "$exe.out" "$double")"
			expect_eq "$what: the constructor is qualified, the extern \"C\" function is as it is" "1 1" \
				"$(calls_of "$exe.out" "$(named "$grid_line" 'shapes::Grid::Grid(long)')") $(calls_of "$exe.out" "$(named "$settle_line" settle)")"
			;;
		plain*)
			# sampled: 0 calls, but each overload has rows of its own
			expect_eq "$what: the overloads are two rows, by qualified name" "0 0" \
				"$(calls_of "$exe.out" "$long") $(calls_of "$exe.out" "$double")"
			;;
		esac
		expect_eq "$what: no name is left mangled" "" "$(grep -o '(_Z[^)]*' "$exe.out")"
		[ "$how" = traced-g ] && pstats_keys "$1"
	done
}

# pstats_keys COMPILER: a pstats file keys the overloads (file, line,
# qualified name)
pstats_keys() {
	if ! command -v python3 > /dev/null; then
		skip "$1: pstats keys: python3 is not installed"
		return
	fi
	"$CPROF" -o "$exe.pstats" "$exe" > /dev/null 2>&1
	expect_eq "$1: pstats keys are (file, line, qualified name)" \
		"shapes.cc $relax_line shapes::Grid::relax(double) 10|shapes.cc $relax_line shapes::Grid::relax(long) 10|" \
		"$(python3 -c '
import os, pstats, sys
for (f, l, n), v in sorted(pstats.Stats(sys.argv[1]).stats.items()):
    if "relax" in n:
        print(os.path.basename(f), l, n, v[1])' "$exe.pstats" | tr '\n' '|')"
}

for cxx in "${CXX:-g++}" clang++; do
	if ! grep -q '^#define HAVE_CXA_DEMANGLE 1' "$top_builddir/config.h"; then
		skip "C++ names from $cxx: cprof was configured with --disable-demangle"
		continue
	fi
	if ! command -v "${cxx%% *}" > /dev/null; then
		skip "C++ names from $cxx: it is not installed"
		continue
	fi
	shapes_names "$cxx"
done

# hex_rows FILE MODULE: the addresses that name the rows of MODULE's code
# without symbols, sorted
hex_rows() { grep -o -- "$2:0(0x[0-9a-f]*)" "$1" | sed 's/.*(\(0x[0-9a-f]*\))/\1/' | sort -u; }
# fde_starts FILE: the starts of the FDEs of an ELF file
fde_starts() {
	readelf --debug-dump=frames "$1" 2> /dev/null |
		sed -n 's/.* FDE .* pc=0*\([0-9a-f][0-9a-f]*\)\.\..*/0x\1/p' | sort -u
}
# func_starts FILE: the starts of the functions of its symbol table
func_starts() { nm "$1" | awk '$2 ~ /^[tTwW]$/ { sub(/^0*/, "", $1); print "0x" $1 }' | sort -u; }
start_of() { nm "$1" | awk -v f="$2" '$3 == f { sub(/^0*/, "", $1); print "0x" $1 }'; }

if ! command -v strip > /dev/null || ! command -v nm > /dev/null || ! command -v readelf > /dev/null; then
	skip "stripped programs: binutils (strip, nm, readelf) are not installed"
	done_testing
fi

# shares-plain, stripped: work_a, work_b, work_c and spin are each one row,
# at their start
strip -o "$WORK/shares-stripped" "$KERNELS/shares-plain"
"$CPROF" "$WORK/shares-stripped" 0.5 > /dev/null 2> "$WORK/stripped.out"
rows=$(hex_rows "$WORK/stripped.out" shares-stripped)
func_starts "$KERNELS/shares-plain" > "$WORK/funcs"
fde_starts "$WORK/shares-stripped" > "$WORK/fdes"
expect_eq "a stripped program: each row starts a function of the unstripped one (nm)" "" \
	"$(echo "$rows" | comm -23 - "$WORK/funcs")"
expect_eq "a stripped program: each row starts an FDE (readelf)" "" "$(echo "$rows" | comm -23 - "$WORK/fdes")"
for f in spin work_a work_b work_c; do
	start=$(start_of "$KERNELS/shares-plain" $f)
	expect_eq "a stripped program: $f is the row at its start, $start" "$start" \
		"$(echo "$rows" | grep -x -- "$start")"
done
diag "stripped shares-plain's rows: $(echo $rows)"

# gzip, as Debian ships it (stripped): its rows are FDE starts
gzip=$(command -v gzip)
if [ -z "$gzip" ] || readelf -S "$gzip" | grep -q '\.symtab'; then
	skip "a stripped gzip: ${gzip:-gzip is not installed}${gzip:+ has a symbol table here}"
else
	head -c 3000000 /dev/urandom | base64 > "$WORK/data"
	"$CPROF" "$gzip" -c "$WORK/data" > /dev/null 2> "$WORK/gzip.out"
	rows=$(hex_rows "$WORK/gzip.out" gzip)
	if [ -z "$rows" ]; then
		skip "a stripped gzip: its functions have names here (debug information)"
	else
		fde_starts "$gzip" > "$WORK/gzip.fdes"
		expect_eq "gzip: each of its $(echo "$rows" | wc -l) rows starts an FDE" "" \
			"$(echo "$rows" | comm -23 - "$WORK/gzip.fdes")"
	fi
fi
done_testing
