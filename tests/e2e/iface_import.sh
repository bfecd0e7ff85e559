# complaints import: an export read back into a fresh register exports the same bytes;
# duplicates are refused; a spreadsheet comes in with its headings matched, UK dates read,
# every row checked first (a bad row at FILE:ROW:COLUMN, nothing imported), --dry-run, and an
# `imported` event on each complaint.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

# JSON: export, import into a fresh register, export again.
c export --format json >"$WORK/first.json"
c init "$WORK/fresh" --policy big-bums >/dev/null
expect_exit 0 -C "$WORK/fresh" import --format json "$WORK/first.json"
expect_eq "$(echo "$OUT" | wc -l)" 5 "import prints one ID per complaint"
c -C "$WORK/fresh" export --format json >"$WORK/second.json"
cmp "$WORK/first.json" "$WORK/second.json" || {
  diff "$WORK/first.json" "$WORK/second.json" | head -20 >&2
  fail "export, import, export: the bytes differ"
}
c -C "$WORK/fresh" export --format csv >"$WORK/fresh.csv"
c export --format csv >"$WORK/old.csv"
cmp "$WORK/old.csv" "$WORK/fresh.csv" || fail "the CSV export differs after a JSON round trip"

# Importing again refuses the duplicates and writes nothing.
expect_exit 3 -C "$WORK/fresh" import --format json "$WORK/first.json"
expect_contains "$ERR" "already in the register" "duplicates refused"
expect_eq "$(ls "$WORK/fresh/complaints" | wc -l)" 5 "nothing added by a refused import"

# The shipped example registers round-trip too.
for example in big-bums twinkles; do
  src="$EXAMPLES/$example-register"
  policy=$(sed -n 's/^policy = "\(.*\)"/\1/p' "$src/register.toml")
  c -C "$src" export --format json --as-of 2026-11-23T09:00 >"$WORK/$example-1.json"
  c init "$WORK/$example" --policy "$policy" >/dev/null
  c -C "$WORK/$example" import --format json "$WORK/$example-1.json" >/dev/null
  c -C "$WORK/$example" export --format json --as-of 2026-11-23T09:00 >"$WORK/$example-2.json"
  cmp "$WORK/$example-1.json" "$WORK/$example-2.json" || fail "$example: round trip differs"
done

# An export of events, a redacted one, or broken JSON is refused.
c export --format json --redact >"$WORK/redacted.json"
expect_exit 3 -C "$WORK/fresh" import --format json "$WORK/redacted.json"
expect_contains "$ERR" "--redact" "redacted export refused"
printf '{"complaints": [\n  {"id": }' >"$WORK/broken.json"
expect_exit 3 -C "$WORK/fresh" import --format json "$WORK/broken.json"
expect_contains "$ERR" "broken.json:2:10: not valid JSON" "broken JSON located"

# CSV: a spreadsheet register, headings in any case, a column mapped, one left out.
c init "$WORK/sheet" --policy twinkles >/dev/null
mkdir "$WORK/sheets"
cd "$WORK/sheets"
printf '\xef\xbb\xbfDate Received,Complainant,Email,Summary,Severity,Staff note\r\n' >old.csv
printf '27/02/2026 10:30,Jo Bloggs,jo@example.org,"Trip cancelled, again",Minor,called back\r\n' >>old.csv
printf '2026-03-02,"Zoë ""Z"" Smith",+44 7700 900000,"Fees\ncharged twice",serious,\r\n' >>old.csv
R=(-C "$WORK/sheet")
maps=(--map "Date Received=received" --map "Complainant=name" --map "Email=contact"
  --map "Staff note=")

expect_exit 3 "${R[@]}" import --format csv old.csv
expect_contains "$ERR" "old.csv:1:1: heading 'Date Received' is not an intake field" "unknown heading"

expect_exit 0 "${R[@]}" import --format csv old.csv "${maps[@]}" --dry-run
expect_contains "$OUT" "Trip cancelled, again" "dry run shows the rows"
expect_contains "$ERR" "dry run: 2 complaints would be imported; nothing was written" "dry run says so"
expect_eq "$(ls "$WORK/sheet/complaints" | wc -l)" 0 "dry run writes nothing"

expect_exit 0 "${R[@]}" import --format csv old.csv "${maps[@]}" --by sam
ids=($OUT)
expect_eq "${#ids[@]}" 2 "two complaints imported"
first=$(c "${R[@]}" show "${ids[0]}" --format json)
expect_eq "$(echo "$first" | json "(d['name'], d['received'], d['severity'])")" \
  "('Jo Bloggs', '2026-02-27T10:30:00+00:00', 'minor')" "UK date and severity in any case"
expect_eq "$(echo "$first" | json "[(e['type'], e['by'], e['text']) for e in d['events']]")" \
  "[('imported', 'sam', 'old.csv row 2')]" "an imported event"
second=$(c "${R[@]}" show "${ids[1]}" --format json)
expect_eq "$(echo "$second" | json "(d['name'], d['contact'], d['summary'])")" \
  "('Zoë \"Z\" Smith', '+44 7700 900000', 'Fees\\ncharged twice')" "quoted cells"
c "${R[@]}" check 2>check.err || true # the policy's own review is overdue: a warning
expect_not_contains "$(cat check.err)" "error" "check after a CSV import"

# A bad row anywhere: every problem at FILE:ROW:COLUMN, exit 3, nothing imported.
printf 'received,summary,severity\n2026-03-01,Fine,minor\n31/02/2026,Bad date,minor\n2026-03-03,Bad severity,awful\n' >bad.csv
before=$(ls "$WORK/sheet/complaints" | wc -l)
expect_exit 3 "${R[@]}" import --format csv bad.csv
expect_contains "$ERR" "bad.csv:3:1: '31/02/2026' is not a date" "bad date located"
expect_contains "$ERR" "bad.csv:4:3: severity 'awful' is not in policy twinkles" "bad severity located"
expect_contains "$ERR" "2 problems in the sheet; nothing was imported" "nothing imported"
expect_eq "$(ls "$WORK/sheet/complaints" | wc -l)" "$before" "a bad row imports nothing"
