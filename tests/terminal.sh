# What the profiled program names (its functions, files and arguments) and
# the names of raw profiles reach the terminal with what a terminal would
# act on escaped: no escape sequence retitles or clears it, no newline forges
# a row.  A pstats file keeps the names as they are.
. "$top_srcdir/tests/tap.sh"

py=$(pythons | tail -n 1 | cut -d' ' -f2)
if [ -z "$py" ]; then
	skip "no CPython 3.8-3.13 found"
	done_testing
fi
esc=$(printf '\033')
script="$top_srcdir/tests/python/escapes.py"

# controls FILE: the C0 controls but newline, DEL and the C1 controls
# (UTF-8 or bare) in FILE, and whether the rest is valid UTF-8
controls() {
	"$py" -c 'import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.findall(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", data)
try:
    data.decode("utf-8")
    valid = "valid UTF-8"
except UnicodeDecodeError:
    valid = "not UTF-8"
print(len(bad), valid)' "$1"
}

# missing FILE STRING...: the strings not found in FILE, as they are
missing() {
	local file=$1 s
	shift
	for s; do
		grep -qF -- "$s" "$file" || printf '%s\n' "$s"
	done
}

"$CPROF" --no-native --per-process -d "$WORK/raw" "$py" "$script" "arg$esc[31m" > "$WORK/out" 2>&1
expect_eq "the program runs" 0 $?
expect_eq "no control character in the report" "0 valid UTF-8" "$(controls "$WORK/out")"
expect_eq "each name and argument shown escaped, and UTF-8 as it is" "" "$(missing "$WORK/out" \
	'escapes.py:6(clear\x1b[2J)' \
	'escapes.py:6(row\n   999    0.000    0.000    0.000    0.000 forged.py:1(forged))' \
	'escapes.py:6(title\x1b]0;pwned\x07)' \
	'escapes.py:6(csi\u009b31m)' \
	'escapes.py:6(ret\rurn)' \
	'file\nname.py:6(tab\tdel\x7f)' \
	'escapes.py:6(café_函数)' \
	"escapes.py arg\\x1b[31m")"
# between the column names and the blank line after them, rows only
rows=$(awk '/ncalls  tottime/ { table = 1; next } table && /^$/ { exit }
	table && !/^ +[0-9\/]+ +[0-9.]+ +[0-9.]* +[0-9.]+ +[0-9.]* +[^ ]/ { print "not a row: " $0 }' "$WORK/out")
expect_eq "no line in the table but its rows" "" "$rows"

"$CPROF" --no-native -o "$WORK/e.pstats" "$py" "$script" > /dev/null 2>&1
names=$("$py" -c 'import marshal, sys
stats = marshal.load(open(sys.argv[1], "rb"))
want = {("escapes.py", 6, "clear\x1b[2J"), ("escapes.py", 6, "title\x1b]0;pwned\x07"),
        ("escapes.py", 6, "csi\u009b31m"), ("escapes.py", 6, "ret\rurn"),
        ("file\nname.py", 6, "tab\tdel\x7f"), ("escapes.py", 6, "caf\u00e9_\u51fd\u6570")}
print(ascii(sorted(want - set(stats))))' "$WORK/e.pstats")
expect_eq "the pstats file keeps the names as they are" "[]" "$names"

# a raw profile whose name holds an escape sequence, cut short: the warning
# names it escaped
good=$(ls "$WORK/raw"/*.cprof | head -n 1)
head -c 200 "$good" > "$WORK/raw/bad$esc]0;pwned$(printf '\007').cprof"
"$CPROF_REPORT" "$WORK/raw" > /dev/null 2> "$WORK/err"
expect_eq "no control character in the warning" "0 valid UTF-8" "$(controls "$WORK/err")"
matches "the warning names the file, escaped" 'raw/bad\\x1b]0;pwned\\x07\.cprof: ' "$(cat "$WORK/err")"
done_testing
