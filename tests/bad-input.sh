# Bad input gets a clear message that says what to do, and the right exit
# status; a broken raw profile never crashes the analysis.
. "$top_srcdir/tests/tap.sh"

# run DESCRIPTION STATUS MESSAGE-REGEX COMMAND...: exit status and stderr
run() {
	local desc=$1 status=$2 regex=$3 got
	shift 3
	"$@" > "$WORK/run.out" 2> "$WORK/run.err"
	got=$?
	expect_eq "$desc: exit status $status" "$status" "$got"
	matches "$desc: says so on stderr" "$regex" "$(cat "$WORK/run.err")"
}

# the command line
run "unknown option" 2 "^cprof: unknown option '--bogus'" "$CPROF" --bogus "$KERNELS/faster"
check "unknown option: the usage follows" grep -q '^usage: cprof \[options\]' "$WORK/run.err"
run "option without its argument" 2 "^cprof: option '-s' needs an argument" "$CPROF" -s
run "no program" 2 "no program given" "$CPROF"
run "unknown sort key" 2 "unknown sort key 'bogus' \(use one of: calls, cumtime" "$CPROF" -s bogus "$KERNELS/faster"
run "ambiguous sort abbreviation" 2 "unknown sort key 'c'" "$CPROF" -s c "$KERNELS/faster"
run "missing program" 127 "cprof: no-such-program-here: command not found" "$CPROF" no-such-program-here
run "missing path" 127 "cprof: $WORK/none: No such file or directory" "$CPROF" "$WORK/none"
printf '#!/no/such/shell -e\necho hi\n' > "$WORK/badinterp" && chmod 755 "$WORK/badinterp"
run "a script whose interpreter is missing" 127 "^cprof: $WORK/badinterp: bad interpreter /no/such/shell: No such file or directory" \
	"$CPROF" "$WORK/badinterp"
sed 's,/lib64/ld-linux-x86-64.so.2,/lib64/ld-nolnx-x86-64.so.2,' "$PROGS/io" > "$WORK/badloader" && chmod 755 "$WORK/badloader"
if grep -q ld-nolnx "$WORK/badloader"; then
	run "a program whose loader is missing" 127 "^cprof: $WORK/badloader: cannot execute: the loader it names .* is not on this system" \
		"$CPROF" "$WORK/badloader"
else
	skip "a program whose loader is missing: the test programs' loader is not /lib64/ld-linux-x86-64.so.2 here"
fi
printf '#!/bin/sh\n' > "$WORK/noexec" && chmod 644 "$WORK/noexec"
run "not executable" 126 "cprof: $WORK/noexec: Permission denied" "$CPROF" "$WORK/noexec"
run "a directory" 126 "cprof: $WORK: Permission denied" "$CPROF" "$WORK"
run "-d under /proc" 2 "cannot create /proc/cprof-test/raw: .*choose another directory with -d" "$CPROF" -d /proc/cprof-test/raw "$KERNELS/faster"
run "-d naming a file" 2 "$WORK/noexec is not a directory" "$CPROF" -d "$WORK/noexec" "$KERNELS/faster"
"$CPROF" -d "$WORK/used" "$KERNELS/faster" > /dev/null
run "-d holding an earlier run" 2 "already holds raw profiles.*choose another -d" "$CPROF" -d "$WORK/used" "$KERNELS/faster"
run "-o in a missing directory" 2 "cannot write $WORK/none/out.pstats" "$CPROF" -o "$WORK/none/out.pstats" "$KERNELS/faster"
run "cprof-report: no files" 2 "no profiles given" "$CPROF_REPORT"
run "cprof-report: bad --top" 2 "--top takes a number of rows, not 'x'" "$CPROF_REPORT" --top x "$WORK/used"

# broken raw profiles: a good one next to each, which is still reported
good=$(ls "$WORK/used"/*.cprof)
size=$(wc -c < "$good")
mkdir "$WORK/bad"
report_with() { # DESCRIPTION FILE-NAME STATUS REGEX
	rm -f "$WORK/bad"/*
	cp "$good" "$WORK/bad/good.cprof"
	cp "$WORK/broken" "$WORK/bad/$2"
	run "$1" "$3" "$4" "$CPROF_REPORT" "$WORK/bad"
	expect_eq "$1: the good profile is still reported" 2 "$(ncalls "$WORK/run.out" add2)"
}
head -c $((size / 2)) "$good" > "$WORK/broken"
report_with "truncated profile" t.partial 0 "warning: $WORK/bad/t.partial: truncated at offset [0-9]+: using the records before it"
head -c 100 /dev/urandom > "$WORK/broken"
report_with "random bytes" r.cprof 0 "$WORK/bad/r.cprof: not a cprof raw profile"
: > "$WORK/broken"
report_with "empty file" e.cprof 0 "$WORK/bad/e.cprof: empty \(its writer stopped before writing anything\)"
# patch(OFFSET, BYTES): a copy of the good profile with bytes replaced
patch() {
	cp "$good" "$WORK/broken"
	printf "$2" | dd of="$WORK/broken" bs=1 seek="$1" conv=notrunc status=none
}
patch 8 '\143\0\0\0'
report_with "a later format version" v.cprof 0 "$WORK/bad/v.cprof: raw format version 99; this cprof reads version 1"
# the offset of the first NODES record (type 4), walking the records
nodes=$(od -A n -t u4 -w4 -v "$good" | awk '
	{ u[NR - 1] = $1 }
	END {
		for (off = 16; off < 4 * NR; off += 8 + int((u[off / 4 + 1] + 7) / 8) * 8)
			if (u[off / 4] == 4) { print off; exit }
	}')
# its second node's parent made larger than the node's id
patch $((nodes + 8 + 16 + 32 + 8)) '\377\377\0\0'
report_with "a node whose parent is not before it" n.cprof 0 \
	"$WORK/bad/n.cprof: offset $nodes: thread 0: node 1 has a bad parent"
patch $((nodes + 4)) '\377\377\377\177'
report_with "a record longer than the file" l.cprof 0 "$WORK/bad/l.cprof: truncated at offset $nodes"

# a process that says it is rank 0 of 2^31 - 1: the missing ranks as one
# range, at once (the report made a list of 2^31 numbers)
patch 32 '\0\0\0\0\377\377\377\177'
timeout 60 "$CPROF_REPORT" "$WORK/broken" > "$WORK/huge.out" 2>&1
expect_eq "rank 0 of 2^31 - 1: the missing ranks, at once" \
	"Missing: 2147483646 of 2147483647 ranks wrote no profile: 1-2147483646" "$(grep '^Missing' "$WORK/huge.out")"

# every prefix of a profile reads without a crash
: > "$WORK/crashes"
for n in $(seq 0 7 "$size"); do
	head -c "$n" "$good" > "$WORK/prefix.cprof"
	"$CPROF_REPORT" "$WORK/prefix.cprof" > /dev/null 2>&1
	[ $? -ge 128 ] && echo "$n" >> "$WORK/crashes"
done
expect_eq "every prefix of a profile is read without a crash" "" "$(cat "$WORK/crashes")"

# the fuzzer (tests/unit/check_fuzz, which make check runs on profiles it
# builds) on profiles the runtime wrote: a native program's, a Python one's
py=$(pythons | tail -n 1 | cut -d' ' -f2)
if [ -x "$top_builddir/tests/unit/check_fuzz" ] && [ -n "$py" ]; then
	"$CPROF" -d "$WORK/py" "$py" -c 'def f(): pass
f()' > /dev/null 2>&1
	"$top_builddir/tests/unit/check_fuzz" "$good" "$WORK/py"/*.cprof > "$WORK/fuzz.out" 2>&1
	expect_eq "fuzzing the runtime's profiles: no crash, and a clear error for each refused" "1 passed, 0 failed" \
		"$(grep -c '^ok ' "$WORK/fuzz.out") passed, $(grep -c '^not ok ' "$WORK/fuzz.out") failed"
	grep -v '^ok \|^1\.\.' "$WORK/fuzz.out" | head -n 40 > "$WORK/fuzz.why"
	[ -s "$WORK/fuzz.why" ] && diag "$(cat "$WORK/fuzz.why")"
else
	skip "fuzzing the runtime's profiles needs Check (tests/unit/check_fuzz) and a CPython"
fi

head -c 64 /dev/urandom > "$WORK/garbage.cprof"
run "cprof-report: only broken files" 1 "no readable raw profile" "$CPROF_REPORT" "$WORK/garbage.cprof" "$WORK/none"
run "cprof-report: a missing path" 1 "$WORK/none: No such file or directory" "$CPROF_REPORT" "$WORK/none"
mkdir "$WORK/empty"
run "cprof-report: an empty directory" 1 "no readable raw profile" "$CPROF_REPORT" "$WORK/empty"

done_testing
