#!/bin/sh
# cprof-report --diff BASE NEW and --compare RUN...: runs compared
# function by function, each side a run's raw profiles or a pstats file
# (cprof's, or Python's cProfile's); --fail-above for CI.
. "$top_srcdir/tests/tap.sh"
cd "$WORK" || exit 1
PY=/usr/bin/python3

# threads, traced: work() called 2001 times, then 200001
"$CPROF" -F 0 -d small "$PROGS/threads" 2 1000 > /dev/null 2>&1
"$CPROF" -F 0 -d big "$PROGS/threads" 2 100000 > /dev/null 2>&1
"$CPROF_REPORT" --diff -s calls small big > calls.txt 2> calls.err
expect_eq "--diff: status 0, nothing said" "0 " "$? $(cat calls.err)"
expect_eq "--diff -s calls: work's calls, base and new, and the change" \
	"2001 200001 +198000 +9895.1% threads.c:14(work)" \
	"$(awk '/\(work\)$/ { print $1, $2, $3, $4, $NF }' calls.txt)"
expect_eq "--diff -s calls: the largest change first, then no change" \
	"threads.c:14(work) 0.0%" "$(awk '/^ +[0-9]/ { n++; if (n == 1) w = $NF; if (n == 2) c = $4 } END { print w, c }' calls.txt)"
matches "--diff: the header says both sides and the total's change" \
	"^base: .* 2005 function calls: small
new: .* 200005 function calls: big
change: \+[0-9.]+ seconds \(\+[0-9.]+%\), \+198000 function calls \(\+9875\.3%\)$" \
	"$(head -n 3 calls.txt | tr -s ' ')"

# --fail-above: the exit status a CI job fails on
"$CPROF_REPORT" --diff -s calls --fail-above 50 small big > /dev/null
expect_eq "--fail-above: grew past it, status 3" 3 $?
"$CPROF_REPORT" --diff -s calls --fail-above 50 big small > /dev/null
expect_eq "--fail-above: shrank, status 0" 0 $?
"$CPROF_REPORT" --diff -s calls --fail-above 50 small small > /dev/null
expect_eq "--fail-above: the same run, status 0" 0 $?

# --threshold hides what changed less
"$CPROF_REPORT" --diff -s calls --threshold 10 small big > thr.txt
expect_eq "--threshold: only work is shown, and it says how many are hidden" "1 3 functions hidden" \
	"$(grep -c '^ *[0-9].*(work)$' thr.txt) $(grep -o '[0-9]* functions hidden' thr.txt)"

# Python's cProfile as the base, cprof as the new run: the same functions,
# the same calls; cProfile's own calls (exec, disable) are gone
$PY -m cProfile -o py.pstats "$top_srcdir/kernels/python/faster.py" > /dev/null
"$CPROF" -F 0 -d pyrun $PY "$top_srcdir/kernels/python/faster.py" > /dev/null 2>&1
"$CPROF_REPORT" --diff -s calls py.pstats pyrun > py.txt 2> py.err
expect_eq "--diff cProfile's file against cprof's run: status 0" "0 " "$? $(cat py.err)"
expect_eq "--diff cProfile's file against cprof's run: the same calls of the program's functions" \
	"faster.py:13(add2) 2 2 0.0% faster.py:18(main) 1 1 0.0% faster.py:8(waithere) 1 1 0.0% {built-in method time.sleep} 1 1 0.0%" \
	"$(awk '/faster\.py:|time\.sleep/ { name = substr($0, index($0, $7)); print name, $1, $2, $4 }' py.txt | grep -v module | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "--diff: cProfile's own calls are gone" "2" "$(grep -c ' gone ' py.txt)"

# --compare: a column per run, the speedup over the first
"$CPROF_REPORT" --compare -s calls small big py.pstats > cmp.txt 2> cmp.err
expect_eq "--compare: status 0" "0 " "$? $(cat cmp.err)"
expect_eq "--compare -s calls: work in each run, '-' where absent" "2001 200001 - threads.c:14(work)" \
	"$(awk '/\(work\)$/ { print $1, $2, $3, $4 }' cmp.txt)"
expect_eq "--compare: the runs named, and the first's speedup 1.00x" "[1] small [2] big [3] py.pstats 1.00x" \
	"$(awk '/^ *\[[0-9]\] [a-z]/ { printf "%s %s ", $1, $2 } /speedup/ { print $1 }' cmp.txt)"

# the HTML report of a diff: the new run's flame graph with the base's
# totals beside each path, the rows with both sides' figures
"$CPROF_REPORT" --diff small big -o d.html
expect_eq "--diff -o FILE.html: status 0" 0 $?
expect_eq "--diff -o FILE.html: both runs, base totals per node, work's calls on both sides" \
	"small big True 2001 200001 0" "$($PY - d.html << 'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(re.search(r'<script id="cprof-data" type="application/json">(.*?)</script>', page, re.S).group(1))
v = d["views"][0]
t = v["tree"]
work = [r for r in v["rows"] if d["funcs"][r[0]]["name"] == "work"][0]
print(d["diff"]["base"], d["diff"]["new"], len(t["bt"]) == len(t["f"]) and t["bt"][0] > 0, work[7], work[2], work[10])
EOF
)"

# a run against itself: every path's base total is its own, functions of
# one name at two lines (two classes' __init__) each matched to itself
cat > two.py << 'EOF'
class A:
    def __init__(self):
        self.x = sum(range(20000))


class B:
    def __init__(self):
        self.x = 1


for _ in range(50):
    A()
    B()
EOF
"$CPROF" -d two $PY two.py > /dev/null 2>&1
"$CPROF_REPORT" --diff two two -o self.html
expect_eq "--diff RUN RUN -o FILE.html: every path's base total is its own" "True True" "$($PY - self.html << 'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(re.search(r'<script id="cprof-data" type="application/json">(.*?)</script>', page, re.S).group(1))
t = d["views"][0]["tree"]
inits = [i for i, f in enumerate(t["f"]) if f >= 0 and d["funcs"][f]["name"] == "__init__"]
print(t["bt"] == t["t"], len(inits) == 2)
EOF
)"
"$CPROF_REPORT" --diff --format=html two two > stdout.html
expect_eq "--diff --format=html without -o: printed" "0 <!doctype html>" "$? $(head -c 15 stdout.html | tr 'A-Z' 'a-z')"

# bad requests: said, status 2, before anything is read
"$CPROF_REPORT" --diff small > /dev/null 2> one.err
expect_eq "--diff with one run: status 2, says why" \
	"2 cprof-report: --diff compares two runs, BASE and NEW, not 1" "$? $(cat one.err)"
"$CPROF_REPORT" --threshold 5% small > /dev/null 2> thr.err
expect_eq "--threshold without --diff: status 2, says why" \
	"2 cprof-report: --threshold and --fail-above are --diff's options" "$? $(cat thr.err)"
"$CPROF_REPORT" --diff -o d.pstats small big > /dev/null 2> fmt.err
expect_eq "--diff -o FILE.pstats: status 2, says what it writes" \
	"2 cprof-report: --diff prints its table, or writes a web page (-o FILE.html): not pstats" "$? $(cat fmt.err)"
"$CPROF_REPORT" --diff --per-process small big > /dev/null 2> pp.err
expect_eq "--diff --per-process: status 2, says why" \
	"2 cprof-report: --diff compares the merged tables of two runs: drop --per-process" "$? $(cat pp.err)"
"$CPROF_REPORT" --diff -s name small big > /dev/null 2> key.err
matches "--diff -s name: status 2, says which keys" "^2 cprof-report: .*tottime, cumtime, calls" "$? $(cat key.err)"
# hostile pstats files: times that are no numbers, more primitive calls
# than calls
$PY -c 'import marshal; marshal.dump({("a.py", 1, "f"): (1, 1, float("nan"), 1.0, {})}, open("nan.pstats", "wb"))'
$PY -c 'import marshal; marshal.dump({("a.py", 1, "f"): (2, 1, 0.5, 1.0, {})}, open("cc.pstats", "wb"))'
"$CPROF_REPORT" --diff nan.pstats small > /dev/null 2> nan.err
expect_eq "--diff, a pstats file with a NaN time: status 1, says where" \
	"1 cprof-report: nan.pstats: offset 29: a function's tt is NaN, not a time" "$? $(head -n 1 nan.err)"
"$CPROF_REPORT" --diff cc.pstats small > /dev/null 2> cc.err
matches "--diff, a pstats file with cc > nc: status 1, says why" \
	"^1 cprof-report: cc\.pstats: offset [0-9]+: a function's cc \(2\) is more than its nc \(1\)" "$? $(head -n 1 cc.err)"
echo "not a profile" > junk.txt
"$CPROF_REPORT" --diff small junk.txt > /dev/null 2> junk.err
expect_eq "--diff with a side that is no profile: status 1" 1 $?
matches "--diff with a side that is no profile: names it" "junk\.txt" "$(cat junk.err)"
done_testing
