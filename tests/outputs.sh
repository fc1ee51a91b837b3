#!/bin/sh
# The report's formats (docs/OUTPUTS.md): -o picks one by the file's name,
# --format by its own; collapsed stacks and speedscope's JSON hold the call
# trees the table is made of, the HTML report all of it, with every name
# escaped.  (tests/browser.sh opens the HTML in a browser.)
. "$top_srcdir/tests/tap.sh"
cd "$WORK" || exit 1
PY=/usr/bin/python3

# threads, traced (-F 0): 3 threads calling work() 1000 times each
"$CPROF" -F 0 -d raw "$PROGS/threads" 3 1000 > /dev/null 2> text.err
expect_eq "threads: profiled" 0 $?
"$CPROF_REPORT" -o t.pstats raw 2> /dev/null
total=$($PY -c 'import pstats, sys; print("%.6f" % pstats.Stats(sys.argv[1]).total_tt)' t.pstats)

# collapsed stacks
"$CPROF_REPORT" -o t.folded raw 2> folded.err
expect_eq "folded: -o FILE.folded, status 0, nothing said" "0 " "$? $(cat folded.err)"
check "folded: every line is a stack, a space and a count" \
	awk '!/^[^ ]+ [0-9]+$/ { bad = 1 } END { exit bad }' t.folded
expect_eq "folded: the worker threads' calls of work, under thread_main" \
	"threads.c:19(thread_main);threads.c:14(work)" "$(grep -o '^threads.c:19(thread_main);threads.c:14(work)' t.folded)"
check "folded: no other paths than the program's" \
	awk '{ sub(/ [0-9]+$/, ""); if ($0 !~ /^threads\.c:(39\(main\)|19\(thread_main\))(;threads\.c:(14\(work\)|26\(mappings\)))?$/) exit 1 }' t.folded
within "folded: the counts add up to the table's total (ns)" \
	"$(awk -v t="$total" '{ s += $NF } END { printf "%.0f", (s - t * 1e9) / 1000 }' t.folded)" -5 5
"$CPROF_REPORT" --format=folded raw > stdout.folded
expect_eq "folded: --format=folded prints the same" "" "$(cmp t.folded stdout.folded 2>&1)"

# speedscope's JSON: a profile per thread (the threads that ended are one)
"$CPROF_REPORT" -o t.speedscope.json raw 2> /dev/null
expect_eq "speedscope: the profiles, their frames and weights" \
	"main: ['threads.c:39(main)', 'threads.c:39(main)/threads.c:26(mappings)'] ended: ['threads.c:19(thread_main)', 'threads.c:19(thread_main)/threads.c:14(work)']" \
	"$($PY - t.speedscope.json << 'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["$schema"] == "https://www.speedscope.app/file-format-schema.json"
frames = [f["name"] for f in d["shared"]["frames"]]
out = []
for p in d["profiles"]:
    assert p["type"] == "sampled" and p["unit"] == "seconds" and p["startValue"] == 0
    assert len(p["samples"]) == len(p["weights"])
    assert abs(sum(p["weights"]) - p["endValue"]) < 1e-9
    paths = sorted("/".join(frames[i] for i in s) for s in p["samples"])
    # main's one call of work can take less than the file's precision
    paths = [x for x in paths if x != "threads.c:39(main)/threads.c:14(work)"]
    out.append(("ended: " if p["name"].startswith("threads that ended") else "main: ") + str(paths))
print(" ".join(sorted(out, reverse=True)))
EOF
)"
if [ -d "$top_srcdir/tests/browser/node_modules/ajv" ] && command -v node > /dev/null; then
	expect_eq "speedscope: valid by speedscope's own schema" "valid" \
		"$(NODE_PATH="$top_srcdir/tests/browser/node_modules" node "$top_srcdir/tests/browser/speedscope-schema.js" t.speedscope.json 2>&1)"
else
	skip "speedscope: valid by speedscope's own schema (no node, or ajv not installed: scripts/setup)"
fi

# the format: by the name, by --format, and bad ones refused before the run
"$CPROF" -o p.prof "$KERNELS/basic" > /dev/null 2> prof.err
expect_eq "-o FILE.prof: a pstats file, nothing printed" "4 " \
	"$($PY -c 'import pstats, sys; s = pstats.Stats(sys.argv[1]); print(sum(v[1] for k, v in s.stats.items() if k[2] == "addit"))' p.prof) $(cat prof.err)"
"$CPROF" -o r.html "$KERNELS/basic" > /dev/null 2>&1
expect_eq "-o FILE.html: a web page" "<!doctype html>" "$(head -c 15 r.html | tr 'A-Z' 'a-z')"
"$CPROF" --format=folded -o r.out "$KERNELS/basic" > /dev/null 2>&1
matches "--format=folded -o FILE: collapsed stacks whatever the name" '^[^ ]*basic\.c:18\(main\)[^ ]* [0-9]+$' "$(cat r.out)"
"$CPROF" --format=html sh -c 'touch ran' > /dev/null 2> noo.err
expect_eq "cprof --format=html without -o: refused before the run (stderr is the program's)" \
	"2 no cprof: --format=html writes a file: give -o FILE (or --report FILE)" \
	"$? $(test -e ran && echo yes || echo no) $(cat noo.err)"
"$CPROF" --format=bogus sh -c 'touch ran' > /dev/null 2> bogus.err
expect_eq "--format=bogus: status 2, the program not run" "2 no" "$? $(test -e ran && echo yes || echo no)"
expect_eq "--format=bogus: says which there are" \
	"cprof: unknown format 'bogus' (use one of: text, pstats, html, speedscope, folded)" "$(cat bogus.err)"
"$CPROF_REPORT" --format=bogus raw > /dev/null 2> bogus2.err
expect_eq "cprof-report --format=bogus: status 2, says why" \
	"2 cprof-report: unknown format 'bogus' (use one of: text, pstats, html, speedscope, folded)" "$? $(cat bogus2.err)"
"$CPROF_REPORT" raw > printed.txt 2> /dev/null
"$CPROF_REPORT" --format=text -o written.txt raw 2> /dev/null
expect_eq "--format=text -o FILE: the report as printed" "" "$(cmp printed.txt written.txt 2>&1)"

# the HTML report's data: one JSON block, every name escaped; names from
# outside (a Python file named like markup) cannot end the script element
mkdir -p py
cat > 'py/<img src=x onerror=alert(1)>;a b.py' << 'EOF'
def f():
    return sum(range(1000))
for _ in range(3):
    f()
EOF
"$CPROF" -F 0 -o h.html $PY 'py/<img src=x onerror=alert(1)>;a b.py' > /dev/null 2>&1
expect_eq "html: the data block, its names as written, markup escaped" "ok 3 <img src=x onerror=alert(1)>;a b.py" \
	"$($PY - h.html << 'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r'<script id="cprof-data" type="application/json">(.*?)</script>', page, re.S)
assert len(blocks) == 1, len(blocks)
assert "<img" not in blocks[0]
d = json.loads(blocks[0])
funcs = d["funcs"]
rows = {funcs[r[0]]["name"]: r for r in d["views"][0]["rows"]}
f = rows["f"]
print("ok", f[2], funcs[f[0]]["file"].split("/")[-1])
EOF
)"
"$CPROF" -F 0 -o h.folded $PY 'py/<img src=x onerror=alert(1)>;a b.py' > /dev/null 2>&1
matches "folded: ';' and spaces in names made '_'" '^[^ ]*;<img_src=x_onerror=alert\(1\)>_a_b\.py:1\(f\) [0-9]+$' "$(cat h.folded)"

# an MPI job: the ranks, and each function's spread across them
if [ -n "$OPENMPI_MPIEXEC" ] && [ -x "$CPROF_MPI" ] && [ -x "$KERNELS/mpi" ]; then
	OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 120 \
		"$OPENMPI_MPIEXEC" --oversubscribe -np 2 "$CPROF_MPI" -d job -o job.html "$KERNELS/mpi" > /dev/null 2>&1
	expect_eq "html, MPI: 2 ranks, their views, the spread of main" "2 ['rank 0', 'rank 1'] 2" \
		"$($PY - job.html << 'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(re.search(r'<script id="cprof-data" type="application/json">(.*?)</script>', page, re.S).group(1))
ranks = sorted(v["label"] for v in d["views"] if v["kind"] == "rank")
main = [s for s in d["mpi"]["spread"] if d["funcs"][s[0]]["name"] == "main"][0]
print(len(d["mpi"]["ranks"]), ranks, len({main[4], main[8]} | {0, 1}))
EOF
)"
else
	skip "html, MPI (no OpenMPI)"
fi
done_testing
