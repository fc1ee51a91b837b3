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
