# The HTML report's viewer (analysis/viewer/viewer.html) in headless
# Chromium: the synthetic reports of tests/browser/make-sample.js opened,
# clicked, searched, sorted and timed by tests/browser/viewer.test.js.
# CPROF_SCREENSHOT names where its screenshot goes (the docs' picture).
. "$top_srcdir/tests/tap.sh"

BROWSER="$top_srcdir/tests/browser"
VIEWER="$top_srcdir/analysis/viewer/viewer.html"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

# What the file is, whatever the machine has
expect_eq "viewer: one line where the report's data goes" 1 "$(grep -c -x '<!--CPROF-DATA-->' "$VIEWER")"
size=$(wc -c < "$VIEWER")
within "viewer: a few tens of KB" "$size" 0 40960
expect_eq "viewer: names no address outside the file" "" "$(grep -Eo 'https?://[^ "]*|(src|href)="[^"d][^"]*"' "$VIEWER")"
expect_eq "viewer: writes no HTML from strings (names go through textContent)" "" \
	"$(grep -Eo 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc' "$VIEWER")"

# The browser tests need Chromium, node and the packages npm ci installs
browser_missing() { skip "the viewer in a browser: $*"; done_testing; }
[ -x "$CHROMIUM" ] || browser_missing "no Chromium at $CHROMIUM (Debian's chromium: scripts/setup installs it)"
command -v node > /dev/null 2>&1 || browser_missing "no node on PATH (Debian's nodejs: scripts/setup installs it)"
(cd "$BROWSER" && node -e 'require.resolve("playwright-core")') > /dev/null 2>&1 ||
	browser_missing "no playwright-core in $BROWSER/node_modules (scripts/setup runs npm ci there; or set NODE_PATH)"

node "$BROWSER/make-sample.js" "$WORK/samples" "$VIEWER" 2> "$WORK/sample.err"
status=$?
expect_eq "make-sample.js writes the reports" 0 "$status"
[ "$status" -eq 0 ] || diag "$(cat "$WORK/sample.err")"
# Reports cprof writes, each with what to look for in it (viewer.test.js)
real() { # NAME EXPECTATIONS-JSON COMMAND...: the report COMMAND writes
	local name=$1 want=$2
	shift 2
	"$@" > "$WORK/real-$name.out" 2>&1
	expect_eq "cprof writes real-$name.html" 0 $?
	[ -f "$WORK/samples/real-$name.html" ] && printf '%s\n' "$want" > "$WORK/samples/real-$name.json"
}
PY=/usr/bin/python3
real python '{"names": ["faster.py:18(main)", "faster.py:8(waithere)", "{built-in method time.sleep}"],
	"zoom": "faster.py:8(waithere)", "search": "add2"}' \
	"$CPROF" -o "$WORK/samples/real-python.html" $PY "$top_srcdir/kernels/python/faster.py"
real large '{"names": ["wide.py:1(f0)"], "search": "f3", "largest": true}' \
	"$CPROF" -F 0 -o "$WORK/samples/real-large.html" $PY "$top_srcdir/tests/python/wide.py"
# a dump of a Python process's stacks (cprof-dump)
$PY "$top_srcdir/tests/python/hang.py" > "$WORK/hang.out" 2>&1 &
hang=$!
i=0
while ! grep -q ready "$WORK/hang.out" && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.2
hangpy="$top_srcdir/tests/python/hang.py"
real dump "{\"drawn\": [\"[$hang] $hangpy:17(outer)\", \"[$hang] $hangpy:8(waiter)\"],
	\"zoom\": \"$hangpy:17(outer)\", \"search\": \"waiter\"}" \
	"$top_builddir/src/cprof-dump" -o "$WORK/samples/real-dump.html" "$hang"
kill $hang
"$CPROF" -F 0 -d "$WORK/small" "$top_builddir/tests/progs/threads" 2 1000 > /dev/null 2>&1
"$CPROF" -F 0 -d "$WORK/big" "$top_builddir/tests/progs/threads" 2 100000 > /dev/null 2>&1
real diff '{"names": ["threads.c:14(work)"], "diff": true}' \
	"$CPROF_REPORT" --diff -o "$WORK/samples/real-diff.html" "$WORK/small" "$WORK/big"
# an MPI job (the docs' picture): Python's, with numpy and mpi4py, where
# the machine has them; else the C kernel's
if [ -n "$OPENMPI_MPIEXEC" ] && [ -x "$CPROF_MPI" ] && [ -x "$KERNELS/mpi" ]; then
	if $PY -c 'import mpi4py, numpy' 2> /dev/null; then
		job="$PY $top_srcdir/kernels/python/mpi.py" names='"mpi.py:1(<module>)"'
	else
		job="$KERNELS/mpi" names='"mpi.c:58(main)"'
	fi
	real mpi "{\"names\": [$names], \"ranks\": [\"0\", \"1\", \"2\", \"3\"], \"screenshot\": true}" \
		env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 300 \
		"$OPENMPI_MPIEXEC" --oversubscribe -np 4 "$CPROF_MPI" -d "$WORK/job" -o "$WORK/samples/real-mpi.html" $job
else
	skip "real-mpi.html: no OpenMPI"
fi

shot=${CPROF_SCREENSHOT:-$WORK/viewer.png}
node "$BROWSER/viewer.test.js" "$WORK/samples" "$shot" > "$WORK/test.out" 2> "$WORK/test.err"
status=$?
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	"#"*) printf '%s\n' "$line" ;;
	*) diag "$line" ;;
	esac
done < "$WORK/test.out"
expect_eq "viewer.test.js ran to its end" 0 "$status"
[ "$status" -eq 0 ] || diag "$(tail -n 20 "$WORK/test.err")"
expect_eq "the screenshot is a PNG" "89504e47" "$(od -An -tx1 -N4 "$shot" 2> /dev/null | tr -d ' \n')"

done_testing
