# The runtime's layout (docs/ARCHITECTURE.md, "The runtime's layers"),
# read from its objects' symbols: only the sampler's files call one
# another, and the base reaches nothing above it.  A change that ties two more files into a loop fails here.
. "$top_srcdir/tests/tap.sh"

libs="$top_builddir/preload/.libs"
command -v nm > /dev/null || skip_all "no nm"
[ -f "$libs/libcprof.so" ] || skip_all "libcprof.so is not built here"
nm -D --defined-only "$libs/libcprof.so" | awk '{ print $3 }' > "$WORK/exported"
python3 "$top_srcdir/tests/layers.py" "$libs" "$WORK/exported" > "$WORK/layers" 2>&1
expect_eq "the objects were read" 0 $?
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok }" ;;
	"not ok "*) not_ok "${line#not ok }" ;;
	*) diag "$line" ;;
	esac
done < "$WORK/layers"
done_testing
