# Python: `cprof python3 script.py` is cProfile's table, for every CPython
# 3.8 to 3.13 on the machine.
. "$top_srcdir/tests/tap.sh"

cases="$top_srcdir/tests/python/cases.py"
found=0
while read -r v py; do
	found=1
	# (two of one version, Debian's and pyenv's: told apart in the tests' names)
	name=$v
	[ "$py" != /usr/bin/python3 ] || name="$v (Debian)"
	# the same script, the same way, under each
	(cd "$top_srcdir/tests/python" && "$CPROF" --no-native -o "$WORK/cprof-$v.pstats" "$py" cases.py) > "$WORK/out-$v" 2>&1
	expect_eq "$name: exit status 0, nothing printed" "0 " "$? $(cat "$WORK/out-$v")"
	(cd "$top_srcdir/tests/python" && "$py" -m cProfile -o "$WORK/cp-$v.pstats" cases.py)
	(cd "$top_srcdir/tests/python" && "$py" ../pstats_compare.py "$WORK/cprof-$v.pstats" "$WORK/cp-$v.pstats") > "$WORK/cmp-$v"
	status=$?
	check "$name: cProfile's keys, cc, nc and callers ($(tail -n 1 "$WORK/cmp-$v"))" test $status -eq 0 || diag "$(head -n 20 "$WORK/cmp-$v")"

	# the printed table: cProfile's totals less its own two calls, its sort
	(cd "$top_srcdir/tests/python" && "$CPROF" --no-native "$py" cases.py) > "$WORK/t-$v" 2>&1
	(cd "$top_srcdir/tests/python" && "$py" -m cProfile cases.py) > "$WORK/c-$v"
	theirs=$(tr -d '(' < "$WORK/c-$v" | awk 'NR <= 3 && /function calls/ { print $1 - 2, $4 - 2; exit }')
	mine=$(tr -d '(' < "$WORK/t-$v" | awk 'NR <= 3 && /function calls/ { print $1, $4; exit }')
	expect_eq "$name: the header counts cProfile's calls, less its own 2" "$theirs" "$mine"
	expect_eq "$name: cProfile's default sort" "$(grep 'Ordered by' "$WORK/c-$v")" "$(grep 'Ordered by' "$WORK/t-$v")"
	expect_eq "$name: fact, recursive: total/primitive" "30/1" "$(ncalls "$WORK/t-$v" fact)"
	# code objects of one label are one row, their calls added up (cProfile
	# keeps the last one's: docs/PYTHON.md)
	"$CPROF" --no-native "$py" -c 'fs = [eval("lambda: 1") for _ in range(3)]
for f in fs: f()' > /dev/null 2> "$WORK/lambda-$v"
	expect_eq "$name: three lambdas of one label: one row, 3 calls" 3 "$(ncalls "$WORK/lambda-$v" '<lambda>')"
	# a code object freed, another made at its address: a function of its own
	"$CPROF" --no-native "$py" "$top_srcdir/tests/python/reused.py" > /dev/null 2> "$WORK/reused-$v"
	expect_eq "$name: code objects made where freed ones were: each its own function" "100 100 100" \
		"$(ncalls "$WORK/reused-$v" f0) $(ncalls "$WORK/reused-$v" f1) $(ncalls "$WORK/reused-$v" f2)"

	# what cProfile loses, cprof keeps
	"$CPROF" "$py" -c 'import sys; sys.exit(3)' > /dev/null 2>&1
	expect_eq "$name: the exit status of sys.exit(3)" 3 $?
	"$CPROF" "$py" -c 'def f(): pass
f(); f()' > "$WORK/cmd-$v" 2>&1
	expect_eq "$name: python -c: its functions" 2 "$(ncalls "$WORK/cmd-$v" f)"
	# threads: every one, on every version
	"$CPROF" "$py" "$top_srcdir/tests/python/threads.py" > "$WORK/th-$v" 2>&1
	expect_eq "$name: threads: work called 5 times in each of 3 threads and 2 in main" 17 "$(ncalls "$WORK/th-$v" work)"
	expect_eq "$name: threads: worker in each" 4 "$(ncalls "$WORK/th-$v" worker)"
	# the program's audit hooks see nothing of cprof's giving each thread
	# its profile function, and may refuse profilers
	"$CPROF" --no-native --report "$WORK/au-$v" "$py" "$top_srcdir/tests/python/audited.py" > "$WORK/au-out-$v" 2>&1
	expect_eq "$name: audit hook: status, the program's own output, its threads traced" \
		"0 $("$py" "$top_srcdir/tests/python/audited.py" 2>&1) 3" "$? $(cat "$WORK/au-out-$v") $(ncalls "$WORK/au-$v" work)"
	expect_eq "$name: audit hook: the profile function it refused took nothing from cprof's (no note)" 0 \
		"$(grep -c 'profile function of its own' "$WORK/au-$v")"
	# the program's own profilers: before 3.12 they take cprof's place in
	# their threads, and the report says so; from 3.12 they do not
	"$CPROF" --no-native --report "$WORK/own-$v" "$py" "$top_srcdir/tests/python/own_profiler.py" > "$WORK/own-out-$v" 2>&1
	status=$?
	case $v in 3.8 | 3.9 | 3.10 | 3.11) before312=1 ;; *) before312=0 ;; esac
	if [ $before312 = 1 ]; then
		# (the thread that ended may not have ended for the runtime yet:
		# named then as a thread of its own, or with those that ended)
		expect_eq "$name: the program's own profilers: its output, work traced until the first, the note naming the main thread and the other" \
			"0 done 5 2" \
			"$status $(cat "$WORK/own-out-$v") $(ncalls "$WORK/own-$v" work) $(grep 'profile function of its own (sys.setprofile, cProfile, a debugger) in thread [0-9]* (python[0-9.]*) of pid [0-9]*, .*: it took the place of cprof' "$WORK/own-$v" | grep -o 'of pid' | wc -l | tr -d ' ')"
	else
		expect_eq "$name: the program's own profilers: its output, every work call traced, no note" "0 done 19 0" \
			"$status $(cat "$WORK/own-out-$v") $(ncalls "$WORK/own-$v" work) $(grep -c 'profile function of its own' "$WORK/own-$v")"
	fi

	# pool workers of every start method, and workers that leave abruptly
	for m in fork spawn forkserver; do
		"$CPROF" --per-process "$py" "$top_srcdir/kernels/python/basic.py" $m > "$WORK/pool-$v-$m" 2>&1
		expect_eq "$name: basic.py with $m: the program's output" "5
[2, 3, 4]" "$(head -n 2 "$WORK/pool-$v-$m")"
		split_processes "$WORK/pool-$v-$m" "$WORK/pp-$v-$m."
		total=0 workers=0
		for f in "$WORK/pp-$v-$m".*; do
			n=$(ncalls "$f" addit)
			[ -n "$n" ] || continue
			total=$((total + n))
			[ "$f" = "$WORK/pp-$v-$m.1" ] || workers=$((workers + n))
		done
		expect_eq "$name: basic.py with $m: addit in the parent once, 3 times across the workers" "4 3" "$total $workers"
		"$CPROF" "$py" "$top_srcdir/tests/python/ends.py" $m > "$WORK/ends-$v-$m" 2>&1
		expect_eq "$name: $m workers that os._exit (2), are SIGTERM'd (3), and the parent (1)" "2 3 1" \
			"$(ncalls "$WORK/ends-$v-$m" leave) $(ncalls "$WORK/ends-$v-$m" spin) $(ncalls "$WORK/ends-$v-$m" quick)"
	done
	# children SIGTERM'd as they are forked, as Pool.terminate may end a
	# worker that has not run yet: each leaves its profile, and none holds
	# the parent's calls (the signal, arriving while the child was made a
	# process of its own, wrote the parent's tree as the child's, or
	# nothing; a pool once counted 5 calls of addit for 4)
	"$CPROF" --per-process "$py" "$top_srcdir/tests/python/forked.py" 40 > "$WORK/forked-$v" 2>&1
	expect_eq "$name: 40 children SIGTERM'd as they are forked: a table for each, and the parent's" 41 \
		"$(grep -c '^Process ' "$WORK/forked-$v")"
	split_processes "$WORK/forked-$v" "$WORK/fk-$v."
	with=0
	for f in "$WORK/fk-$v".*; do
		[ -z "$(ncalls "$f" before)" ] || with=$((with + 1))
	done
	expect_eq "$name: ... and the parent's call before the forks is in its table only" "1 1" \
		"$(ncalls "$WORK/fk-$v.1" before) $with"
	# --mode=sample: the frames read from the interpreter at each sample
	"$CPROF" --mode=sample -s tottime "$py" "$top_srcdir/tests/python/shares.py" 0.3 > "$WORK/ms-$v" 2>&1
	expect_eq "$name: --mode=sample: the program's functions, estimated (no calls)" "0 0 0 0" \
		"$(ncalls "$WORK/ms-$v" work_a) $(ncalls "$WORK/ms-$v" work_b) $(ncalls "$WORK/ms-$v" spin) $(ncalls "$WORK/ms-$v" main)"
	expect_eq "$name: --mode=sample: nothing of the interpreter's start" "" "$(grep -E 'importlib|site.py' "$WORK/ms-$v")"
	"$CPROF" --mode=sample "$py" "$top_srcdir/tests/python/threads.py" > "$WORK/mst-$v" 2>&1
	expect_eq "$name: --mode=sample with threads: the program runs as ever" 0 $?
	matches "$name: --mode=sample with threads: and is reported" "function calls in" "$(cat "$WORK/mst-$v")"
	# python -m: the module's calls, from its top-level code on (runpy,
	# which runs it, is the interpreter's)
	(cd "$top_srcdir/tests/python" && "$CPROF" --mode=sample "$py" -m shares 0.3) > /dev/null 2> "$WORK/msm-$v"
	within "$name: --mode=sample python -m: the module's function sampled (s)" "$(cumtime "$WORK/msm-$v" work_a)" 0.05 100
	expect_eq "$name: --mode=sample python -m: nothing of runpy's" "" "$(grep runpy "$WORK/msm-$v")"
	# the walk over the interpreter's frames is bounded: a frame being
	# pushed can point back into the chain (3.12 hung one run in 15 at
	# 10 kHz, every run at 50 kHz)
	runs=1 hung=0
	case $v in 3.11 | 3.12 | 3.13) runs=3 ;; esac
	for i in $(seq $runs); do
		timeout -k 5 120 "$CPROF" --mode=sample -F 50000 "$py" "$top_srcdir/tests/python/imports.py" > "$WORK/imp-$v" 2>&1
		[ $? = 124 ] && hung=$((hung + 1)) && pkill -KILL -s 0 -f "tests/python/imports.py" # (this script's session only)
	done
	expect_eq "$name: --mode=sample at 50 kHz through imports: no run hangs, of $runs" 0 $hung
	matches "$name: --mode=sample at 50 kHz through imports: the report" "function calls in" "$(cat "$WORK/imp-$v")"
	case $v in 3.8 | 3.13)
		# (against what the program measured of itself in the same run, as
		# in sampling.sh)
		"$CPROF" --mode=sample -o "$WORK/sampled-$v.pstats" -d "$WORK/sampled-$v" "$py" \
			"$top_srcdir/tests/python/shares.py" 3 > "$WORK/sampled-$v.measured" 2> /dev/null
		"$CPROF_REPORT" "$WORK/sampled-$v" > "$WORK/sampled-$v.out"
		samples=$(samples_in "$WORK/sampled-$v.out")
		check "$name: --mode=sample: at least 2000 samples ($samples)" test "${samples:-0}" -ge 2000
		shares_are "$py" "$WORK/sampled-$v.measured" "$WORK/sampled-$v.pstats" wall "$name: --mode=sample"
		;;
	esac
done <<EOF2
$(pythons)
EOF2
for v in 3.8 3.9 3.10 3.11 3.12 3.13; do
	pythons | grep -q "^$v " || skip "CPython $v is not installed here"
done
[ $found = 1 ] || skip "no CPython 3.8 to 3.13 found"

# the seed's vector.py, with Debian's python3 and its pandas: the script's
# functions and pandas' iterrows and isin, as cProfile counts them (not the
# imports: cProfile has imported modules of its own first)
if /usr/bin/python3 -c 'import pandas' 2> /dev/null; then
	vector="$top_srcdir/kernels/python/vector.py"
	"$CPROF" --no-native -o "$WORK/vector.pstats" /usr/bin/python3 "$vector" > "$WORK/vector.out" 2>&1
	matches "vector.py: both runtimes printed" "^Vectorized Runtime: " "$(cat "$WORK/vector.out")"
	/usr/bin/python3 -m cProfile -o "$WORK/vector-cp.pstats" "$vector" > /dev/null
	pick='import marshal, sys
for path in sys.argv[1:]:
    s = marshal.load(open(path, "rb"))
    print(sorted((k[0].rsplit("/", 1)[-1], k[2], v[0], v[1]) for k, v in s.items()
                 if k[0].endswith("vector.py") or k[2] in ("iterrows", "isin")))'
	/usr/bin/python3 -c "$pick" "$WORK/vector.pstats" "$WORK/vector-cp.pstats" > "$WORK/vector.cmp"
	expect_eq "vector.py: its functions, iterrows and isin counted as cProfile counts them" \
		"$(sed -n 2p "$WORK/vector.cmp")" "$(sed -n 1p "$WORK/vector.cmp")"
else
	skip "vector.py: Debian's python3-pandas is not installed"
fi

# python -m: the module's own code, from its top level (its package's
# __init__ runs first, as the interpreter's import, not the program)
mkdir -p "$WORK/m/pkg"
printf 'def setup():\n    pass\nsetup()\n' > "$WORK/m/pkg/__init__.py"
printf 'def f():\n    pass\nf()\nf()\n' > "$WORK/m/pkg/mod.py"
(cd "$WORK/m" && "$CPROF" --no-native /usr/bin/python3 -m pkg.mod) > "$WORK/m.out" 2>&1
expect_eq "python -m pkg.mod: its function, from its top-level code on" "2 1 " \
	"$(ncalls "$WORK/m.out" f) $(ncalls "$WORK/m.out" '<module>') $(ncalls "$WORK/m.out" setup)"
# python -m pkg: the package's __main__ module is the program (python -m
# mpi4py, pytest, unittest, pip)
printf 'def g():\n    pass\ng()\ng()\ng()\n' > "$WORK/m/pkg/__main__.py"
(cd "$WORK/m" && "$CPROF" --no-native /usr/bin/python3 -m pkg) > "$WORK/mmain.out" 2>&1
expect_eq "python -m pkg: its __main__.py, from its top-level code on" "3 1 " \
	"$(ncalls "$WORK/mmain.out" g) $(ncalls "$WORK/mmain.out" '<module>') $(ncalls "$WORK/mmain.out" setup)"

# mpi4py under mpiexec: every rank is a Python process of the tree
if [ -n "$OPENMPI_MPIEXEC" ] && /usr/bin/python3 -c 'import mpi4py' 2> /dev/null; then
	OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "$CPROF" --no-native -s calls \
		"$OPENMPI_MPIEXEC" --oversubscribe -np 2 /usr/bin/python3 "$top_srcdir/kernels/python/mpi.py" 3 > "$WORK/mpi.out" 2>&1
	expect_eq "mpi.py under mpiexec -np 2: status 0" 0 $?
	expect_eq "mpi.py: hello, ring and allreduce once in each rank" "2 2 2" \
		"$(ncalls "$WORK/mpi.out" hello) $(ncalls "$WORK/mpi.out" ring) $(ncalls "$WORK/mpi.out" allreduce)"
	expect_eq "mpi.py: 3 receives in each rank's ring" 6 "$(ncalls "$WORK/mpi.out" "method 'recv' of 'mpi4py.MPI.Comm' objects")"
else
	skip "mpi.py: OpenMPI's mpiexec or Debian's python3-mpi4py is not installed"
fi

# native code under Python (the default): time in libraries shows as
# native functions under the Python call that ran them
timed "$CPROF" -o "$WORK/faster.pstats" /usr/bin/python3 "$top_srcdir/kernels/python/faster.py" > "$WORK/faster.out"
native='import marshal, sys
s = marshal.load(open(sys.argv[1], "rb"))
def row(name):
    return [(k, v) for k, v in s.items() if k[2] == name][0]
k, v = row(sys.argv[2])
print("%.3f %s" % (v[2], " ".join(sorted(c[2] for c in v[4]))))'
nat=$(/usr/bin/python3 -c "$native" "$WORK/faster.pstats" clock_nanosleep)
within "faster.py: libc's clock_nanosleep has the second of sleep (no more than the run's)" "${nat%% *}" 0.970 "$took"
expect_eq "faster.py: ... under the built-in that called it" "<built-in method time.sleep>" "${nat#* }"
sleep_row=$(/usr/bin/python3 -c 'import marshal, sys
v = marshal.load(open(sys.argv[1], "rb"))[("~", 0, "<built-in method time.sleep>")]
print("%d %.3f" % (v[1], v[2]))' "$WORK/faster.pstats")
expect_eq "faster.py: time.sleep is still counted" 1 "${sleep_row%% *}"
# (its own time is what the samples under it did not cover: 0 within the
# samples' error)
within "faster.py: time.sleep's own time is about 0" "${sleep_row#* }" 0 0.030
if /usr/bin/python3 -c 'import numpy' 2> /dev/null; then
	"$CPROF" -o "$WORK/native.pstats" /usr/bin/python3 "$top_srcdir/tests/python/native.py"
	shares='import marshal, sys
s = marshal.load(open(sys.argv[1], "rb"))
blas = [v for k, v in s.items() if k[2] == "blas"][0]
native = sum(v[2] for k, v in s.items() if ".so" in k[0])
print("%.2f %.2f" % (native / blas[3], blas[2] / blas[3]))'
	r=$(/usr/bin/python3 -c "$shares" "$WORK/native.pstats")
	within "numpy: native functions (BLAS, numpy's) take most of blas()'s time" "${r%% *}" 0.6 1.1
	within "numpy: blas()'s own time is not theirs" "${r#* }" 0 0.2
else
	skip "numpy: Debian's python3-numpy is not installed"
fi
done_testing
