# cprof as a launcher: the program keeps its input, output, environment,
# working directory and exit status; the options do what they say.
. "$top_srcdir/tests/tap.sh"

# streams, working directory, environment, exit status
mkdir "$WORK/cwd"
(cd "$WORK/cwd" && printf 'line one\nline two\n' | CPROF_TEST_VAR=kept "$CPROF" --mode=trace "$PROGS/io" 3 \
	> "$WORK/io.out" 2> "$WORK/io.err")
expect_eq "exit status of the program is cprof's" 3 $?
expect_eq "stdin reaches the program" "line one line two" "$(head -n 2 "$WORK/io.out" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "stdout is the program's alone" 5 "$(wc -l < "$WORK/io.out")"
expect_eq "stderr is the program's, first" "to stderr" "$(head -n 1 "$WORK/io.err")"
expect_eq "working directory is the program's" "cwd=$WORK/cwd" "$(sed -n 3p "$WORK/io.out")"
expect_eq "environment reaches the program" "var=kept" "$(sed -n 4p "$WORK/io.out")"
expect_eq "the report follows it on stderr" "2 function calls in" \
	"$(sed -n 2p "$WORK/io.err" | awk '{ print $1, $2, $3, $4 }')"

# the report never lands in the program's output: a gzip stream stays one
if command -v gzip > /dev/null; then
	seq 1 20000 > "$WORK/numbers"
	"$CPROF" gzip -c "$WORK/numbers" > "$WORK/numbers.gz" 2> "$WORK/gzip.err"
	expect_eq "gzip -c f > f.gz: exit status 0" 0 $?
	check "gzip -c f > f.gz: f.gz is gzip's stream alone" sh -c 'gzip -dc < "$1" | cmp -s - "$2"' sh "$WORK/numbers.gz" \
		"$WORK/numbers"
	matches "gzip -c f > f.gz: the report on stderr" "function calls in" "$(cat "$WORK/gzip.err")"
else
	skip "gzip is not installed"
fi

# --report FILE: the report there, nothing of cprof's on stderr
"$CPROF" --report "$WORK/rep.txt" --mode=trace "$KERNELS/faster" > /dev/null 2> "$WORK/rep.err"
expect_eq "--report FILE: exit status 0, nothing on stderr" "0 " "$? $(cat "$WORK/rep.err")"
expect_eq "--report FILE: the report in FILE" 1 "$(ncalls "$WORK/rep.txt" waithere)"
"$CPROF" --report "$WORK/none/rep.txt" "$KERNELS/faster" > "$WORK/repnone.out" 2> "$WORK/repnone.err"
expect_eq "--report into a missing directory: exit status 2, before the program runs" "2 " \
	"$? $(cat "$WORK/repnone.out")"
matches "--report into a missing directory: says why" \
	"^cprof: cannot write the report into $WORK/none/rep.txt: No such file or directory" "$(cat "$WORK/repnone.err")"
# --report FILE: what FILE held is kept when cprof stops before the
# report (a refused -d, a program not found), and replaced by a report
echo "the last report" > "$WORK/kept.txt"
ln -s "$WORK" "$WORK/dirlink"
"$CPROF" --report "$WORK/kept.txt" -d "$WORK/dirlink" "$KERNELS/faster" > /dev/null 2>&1
expect_eq "--report FILE, -d refused: exit status 2, FILE as it was" "2 the last report" "$? $(cat "$WORK/kept.txt")"
"$CPROF" --report "$WORK/kept.txt" "$WORK/no-such-program" > /dev/null 2>&1
expect_eq "--report FILE, no program: exit status 127, FILE as it was" "127 the last report" "$? $(cat "$WORK/kept.txt")"
"$CPROF" --report "$WORK/kept.txt" --mode=trace "$KERNELS/faster" > /dev/null 2>&1
expect_eq "--report FILE: the report replaces what FILE held" "1 0" \
	"$(ncalls "$WORK/kept.txt" waithere) $(grep -c 'the last report' "$WORK/kept.txt")"

# a report that cannot be written: the exit status says so, and the raw
# profiles are kept, with where they are
mkdir "$WORK/tmp3"
TMPDIR="$WORK/tmp3" "$CPROF" "$KERNELS/faster" > /dev/null 2> /dev/full
expect_eq "report into a full device: exit status 125" 125 $?
expect_eq "report into a full device: the raw profile kept" 1 "$(ls "$WORK"/tmp3/*/*.cprof | wc -l)"
TMPDIR="$WORK/tmp3" "$CPROF" --report /dev/full "$KERNELS/faster" > /dev/null 2> "$WORK/repfull.err"
expect_eq "--report /dev/full: exit status 125" 125 $?
matches "--report /dev/full: says why, and where the profiles are" \
	"cannot write the report into /dev/full: No space left on device.*the raw profiles are in $WORK/tmp3/" \
	"$(tr '\n' ' ' < "$WORK/repfull.err")"
TMPDIR="$WORK/tmp3" "$CPROF" "$KERNELS/faster" > /dev/null 2>&-
expect_eq "report into a closed stderr: exit status 125" 125 $?
"$CPROF" "$PROGS/exits" exit > /dev/null 2> /dev/full
expect_eq "report lost, the program failed: its own exit status (7)" 7 $?

# a program killed by a signal: cprof reports and ends by it (128+N to a shell)
"$CPROF" -d "$WORK/killed" "$PROGS/exits" term > "$WORK/term.out" 2>&1
expect_eq "killed by SIGTERM: exit status 143" 143 $?
expect_eq "killed by SIGTERM: still reported" 3 "$(ncalls "$WORK/term.out" work)"

# -o writes a pstats file and prints no table
"$CPROF" -o "$WORK/out.pstats" "$KERNELS/faster" > "$WORK/o.out" 2> "$WORK/o.err"
expect_eq "-o: prints only the program's output" 4 "$(wc -l < "$WORK/o.out")"
expect_eq "-o: and no table" "" "$(grep 'function calls' "$WORK/o.err")"
check "-o: writes the pstats file" test -s "$WORK/out.pstats"

# -s sorts as pstats does, abbreviations included
"$CPROF" --mode=trace -s calls "$KERNELS/faster" > /dev/null 2> "$WORK/calls.out"
expect_eq "-s calls: ordered by call count" "   Ordered by: call count" "$(sed -n 3p "$WORK/calls.out")"
expect_eq "-s calls: add2 first" "faster.c:10(add2)" "$(sed -n 6p "$WORK/calls.out" | awk '{ print $NF }')"
"$CPROF" --mode=trace -s tottime "$KERNELS/faster" > /dev/null 2> "$WORK/tt.out"
expect_eq "-s tottime: waithere first" "faster.c:3(waithere)" "$(sed -n 6p "$WORK/tt.out" | awk '{ print $NF }')"
"$CPROF" --mode=trace -s nfl "$KERNELS/faster" > /dev/null 2> "$WORK/nfl.out"
expect_eq "-s nfl: by name" "add2 main waithere" \
	"$(sed -n '6,8p' "$WORK/nfl.out" | sed 's/.*(\(.*\))$/\1/' | tr '\n' ' ' | sed 's/ $//')"
"$CPROF" --mode=trace -s stdn,line "$KERNELS/faster" > /dev/null 2> "$WORK/std.out"
expect_eq "-s with an abbreviation and two keys" "   Ordered by: standard name, line number" \
	"$(sed -n 3p "$WORK/std.out")"

# -d keeps the raw profiles; without it they go
"$CPROF" -d "$WORK/keep" "$KERNELS/basic" > /dev/null
expect_eq "-d keeps one raw profile per process" 3 "$(ls "$WORK/keep" | grep -c '\.cprof$')"
"$CPROF_REPORT" "$WORK/keep" > "$WORK/again.out"
expect_eq "cprof-report reads what -d kept" 4 "$(ncalls "$WORK/again.out" addit)"
TMPDIR="$WORK/tmp" && mkdir "$TMPDIR" && export TMPDIR
"$CPROF" "$KERNELS/faster" > /dev/null
expect_eq "without -d, the temporary directory is removed" "" "$(ls "$TMPDIR")"
TMPDIR=$WORK

# the report into a closed pipe: cprof still cleans up
mkdir "$WORK/tmp2"
TMPDIR="$WORK/tmp2" "$CPROF" "$KERNELS/computepi" 1000 2 2>&1 > /dev/null | true
expect_eq "report into a closed pipe: the temporary directory is removed" "" "$(ls "$WORK/tmp2")"

# a relative TMPDIR, and a program that changes directory before it starts another
mkdir "$WORK/rel"
(cd "$WORK/rel" && TMPDIR=. "$CPROF" sh -c 'cd / && exec "$0"' "$KERNELS/basic" > "$WORK/rel.out" 2>&1)
expect_eq "relative TMPDIR: the profiles are found" 4 "$(ncalls "$WORK/rel.out" addit)"

# -o naming a device: refused before the run (a pstats file is a regular one)
"$CPROF" -o /dev/full "$KERNELS/basic" > /dev/null 2> "$WORK/full.err"
expect_eq "-o /dev/full: exit status 2" 2 $?
expect_eq "-o /dev/full: says why" \
	"cprof: cannot write /dev/full: not a regular file (-o writes a new file or replaces a regular one)" \
	"$(cat "$WORK/full.err")"
check "-o /dev/full: the device is left alone" test -c /dev/full
# -o that cannot be written after the run: the run's status says so
mkdir "$WORK/gone"
"$CPROF" -o "$WORK/gone/out.pstats" sh -c 'rmdir "$0"' "$WORK/gone" > /dev/null 2> "$WORK/gone.err"
expect_eq "-o whose directory the program removed: exit status 125" 125 $?
expect_eq "-o whose directory the program removed: says why, and where the profiles are kept" \
	"cprof: cannot write $WORK/gone/out.pstats: No such file or directory|cprof: the raw profiles are in " \
	"$(sed 's/are in .*/are in /' "$WORK/gone.err" | tr '\n' '|' | sed 's/|$//')"

# SIGINT sent to cprof alone (not from the terminal) reaches the program
# (env: a background job starts with SIGINT ignored, and keeps it so)
env --default-signal=INT "$CPROF" sleep 10 > /dev/null 2>&1 &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
expect_eq "SIGINT sent to cprof is passed on: exit status 130" 130 $?

# a signal sent to cprof's process group, which the program is in too,
# reaches the program once, as without cprof, though cprof passes on what
# it gets: kill to the group (kill %1 does it), and timeout's kill(0, sig);
# one sent to cprof alone reaches it once too
for how in group timeout alone; do
	for p in "" "$CPROF"; do
		case $how in
		group) setsid $p "$PROGS/exits" count-term > "$WORK/term-$how" 2> /dev/null &
			pid=$!; sleep 1; kill -TERM -$pid; wait $pid ;;
		timeout) timeout -s TERM 1 $p "$PROGS/exits" count-term > "$WORK/term-$how" 2> /dev/null ;;
		alone) $p "$PROGS/exits" count-term > "$WORK/term-$how" 2> /dev/null &
			pid=$!; sleep 1; kill -TERM $pid; wait $pid ;;
		esac
		[ -n "$p" ] || plain=$(cat "$WORK/term-$how")
	done
	expect_eq "SIGTERM sent $how: the program has it once, as without cprof" "SIGTERM 1 times|SIGTERM 1 times" \
		"$plain|$(cat "$WORK/term-$how")"
done

# processes left running: cprof waits, and SIGINT or SIGTERM stops the waiting
for sig in INT TERM; do
	start=$(date +%s)
	env --default-signal=INT "$CPROF" sh -c 'sleep 30 > /dev/null 2>&1 &' > /dev/null 2> "$WORK/wait.err" &
	pid=$!
	sleep 1
	kill -$sig $pid
	wait $pid
	status=$?
	expect_eq "left-running processes: SIG$sig stops the waiting (exit status 0)" 0 $status
	check "left-running processes: SIG$sig stops it at once" test $(($(date +%s) - start)) -lt 10
	matches "left-running processes: cprof says it is waiting, then that it stopped" \
		"waiting for the processes the program left running.*stopped waiting" "$(tr '\n' ' ' < "$WORK/wait.err")"
done

# help and version
"$CPROF" --version > "$WORK/version"
expect_eq "--version" "cprof $(sed -n 's/^AC_INIT(\[cprof\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" \
	"$(cat "$WORK/version")"
"$CPROF" -h > "$WORK/help"
expect_eq "-h: usage on stdout, exit 0" "0 usage: cprof [options] [--] PROG [ARGS...]" "$? $(head -n 1 "$WORK/help")"
"$CPROF_MPI" -h > "$WORK/help-mpi"
expect_eq "cprof-mpi -h: its own usage" "0 usage: mpiexec [mpiexec options] cprof-mpi [options] [--] PROG [ARGS...]" \
	"$? $(head -n 1 "$WORK/help-mpi")"
expect_eq "-h: each program lists its own options (cprof -p, -t; cprof-mpi --gather, --per-rank, --wait)" \
	"cprof: -p -t; cprof-mpi: --gather --per-rank --wait" \
	"cprof: $(grep -o '^ *\(-[pt],\|--gather\|--per-rank\|--wait\)' "$WORK/help" | tr -d ' ,' | tr '\n' ' ' | sed 's/ $//'); cprof-mpi: $(grep -o '^ *\(-[pt],\|--gather\|--per-rank\|--wait\)' "$WORK/help-mpi" | tr -d ' ,' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "-h: every line of both helps within 79 columns" "" "$(cat "$WORK/help" "$WORK/help-mpi" | awk 'length > 79')"
"$CPROF" --wait 3 true 2> "$WORK/wait-opt.err"
expect_eq "cprof --wait 3: refused (exit 2), the option named, not its value" "2 cprof: --wait is cprof-mpi's option" \
	"$? $(cat "$WORK/wait-opt.err")"
"$CPROF" -- "$PROGS/io" 0 < /dev/null > "$WORK/dashdash.out" 2>/dev/null
expect_eq "-- ends cprof's options" 0 $?

# the CPROF_* variables: each of common/cprof-env.h's rows, and no other,
# in FORMAT.md's table
expect_eq "CPROF_* variables: FORMAT.md's table is cprof-env.h's" \
	"$(sed -n 's/^\tX(\([A-Z_]*\),.*/CPROF_\1/p' "$top_srcdir/common/cprof-env.h" | sort | tr '\n' ' ')" \
	"$(grep -o '^| `CPROF_[A-Z_]*`\(, `CPROF_[A-Z_]*`\)*' "$top_srcdir/docs/FORMAT.md" | grep -o 'CPROF_[A-Z_]*' | sort | tr '\n' ' ')"

# the runtime reads its settings once, as it starts: a program that
# changes CPROF_HZ afterwards changes nothing of its sampling
"$CPROF" -F 100 python3 -c 'import os; os.environ["CPROF_HZ"] = "0"; sum(range(30000000))' > /dev/null 2> "$WORK/hz.err"
matches "settings read once: sampled at 100 Hz whatever the program sets" "Sampled [a-z ]* at 100 Hz" "$(cat "$WORK/hz.err")"

# options after PROG are PROG's
"$CPROF" "$KERNELS/computepi" 1000 1 -s > "$WORK/late.out" 2>&1
expect_eq "options after PROG belong to PROG" 2 $?

done_testing
