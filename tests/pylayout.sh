# common/pylayout.h, where each CPython keeps its frames (read by the
# runtime's --mode=sample and by cprof-dump and cprof -p), checked against
# each installed interpreter's own headers: tests/pylayout.c built with
# them.  A new version is a row in the table, which this checks.
. "$top_srcdir/tests/tap.sh"

found=0
while read -r v py; do
	found=1
	name=$v
	[ "$py" != /usr/bin/python3 ] || name="$v (Debian)" v=$v-debian
	inc=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
	if [ ! -f "$inc/Python.h" ] || [ ! -d "$inc/internal" ]; then
		skip "Python $name: its headers are not installed (python3-dev, or a build from source)"
		continue
	fi
	if ! ${CC:-cc} -I"$top_srcdir/common" -I"$inc" -I"$inc/internal" -o "$WORK/pylayout-$v" \
		"$top_srcdir/tests/pylayout.c" > "$WORK/cc-$v" 2>&1; then
		not_ok "Python $name: tests/pylayout.c builds with its headers"
		diag "$(head -n 20 "$WORK/cc-$v")"
		continue
	fi
	"$WORK/pylayout-$v" > "$WORK/out-$v"
	expect_eq "Python $name: common/pylayout.h's row is what its headers say" "0 " "$? $(cat "$WORK/out-$v")"
done << EOF
$(pythons)
EOF
[ $found = 1 ] || skip "no CPython 3.8 to 3.13 on this machine"
done_testing
