# Golden files: every output format of list-overdue, remind, export and report, for a fixed
# register and a fixed "now", compared byte for byte with tests/golden/. After an intended
# change, regenerate with UPDATE_GOLDEN=1 and review the diff.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

golden() { # NAME ARGS...: the tool's stdout must equal tests/golden/NAME, stderr empty
  local name=$1; shift
  expect_exit 0 "$@"
  [ -z "$ERR" ] || fail "complaints $*: unexpected stderr: $ERR"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$WORK/.out" "$TESTS/golden/$name"
  elif ! cmp -s "$WORK/.out" "$TESTS/golden/$name"; then
    diff -u "$TESTS/golden/$name" "$WORK/.out" >&2 || true
    fail "complaints $*: output differs from tests/golden/$name"
  fi
}

golden list-overdue.txt list-overdue --due-within 1w
golden list-overdue.csv list-overdue --due-within 1w --format csv
golden list-overdue.json list-overdue --due-within 1w --format json
golden remind.txt remind
golden export.csv export
golden export-redacted.csv export --redact
golden export.json export --format json
golden export-redacted.json export --format json --redact
golden export-events.csv export --events
golden export-events-redacted.csv export --events --redact
golden export-events.json export --events --format json
golden export.ics export --format ics
golden report.txt report
golden report-2026-q1.csv report --from 2026-01-01 --to 2026-03-31 --format csv
golden report.json report --format json
golden report.html report --format html

# The JSON documents parse and carry the schema version; the HTML report is self-contained.
for name in list-overdue.json export.json export-redacted.json export-events.json report.json; do
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d if isinstance(d, list) else [d]
assert all(x["schema"] == 1 for x in items), "schema version"
' "$TESTS/golden/$name" || fail "tests/golden/$name is not JSON with a schema version"
done
html="$TESTS/golden/report.html"
grep -q '<svg' "$html" || fail "report.html has no chart"
! grep -qiE '<script|<link|<img|<iframe|src=|url\(' "$html" || fail "report.html loads something"
[ "$(grep -oE 'https?://[^"]*' "$html" | sort -u)" = "http://www.w3.org/2000/svg" ] ||
  fail "report.html names a web address other than the SVG namespace"
