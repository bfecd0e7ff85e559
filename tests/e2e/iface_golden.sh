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

# The list-overdue, remind and export goldens. Figures worked out by hand from
# tests/golden/fixture.sh and the big-bums policy (local: resolve within 5 days of receipt;
# formal: acknowledge within 48 hours and resolve within 28 days of the stage start, which for a
# serious complaint is its receipt; review: meeting within 28 days of the request; due soon
# within 2 days), as of Monday 16 March 2026 09:00 GMT, and asserted on their own below:
# - 2a1m0003 received Fri 13 Mar 08:00, not acknowledged: due Sun 15 Mar 08:00, overdue by 1 day
#   (25 hours); resolve due Fri 10 Apr. No handler, so the formal stage's role names it:
#   Complaints Officer.
# - 2a1m0002 received Thu 12 Mar 09:30: resolve due Tue 17 Mar (13, 14, 15, 16, 17), 1 day
#   away, so due soon; handler Sarah Robb.
# - 2a1m0001 received Mon 2 Mar 10:00: acknowledge due Wed 4 Mar 10:00, met Tue 3 Mar 09:15;
#   resolve due Mon 30 Mar, open (14 days away: neither due soon nor within --due-within 1w).
# - 2a1m0004 received Sat 10 Jan 10:00: resolve due Thu 15 Jan, met Mon 12 Jan 14:00; resolved,
#   so it has no next deadline.
# - 2a1m0005 received Sun 1 Feb 10:00: acknowledge due Tue 3 Feb 10:00, met Mon 2 Feb;
#   resolve due Sun 1 Mar, met late on Tue 10 Mar; review asked for Wed 11 Mar: meeting due
#   Wed 8 Apr; handler Sarah Hall, assigned on 12 Mar.
# - So list-overdue --due-within 1w and remind: 1 overdue (2a1m0003), 1 due soon (2a1m0002);
#   remind groups them under Complaints Officer and Sarah Robb. The iCalendar export has one
#   event per open deadline: 2a1m0001 on 30 Mar, 2a1m0002 on 17 Mar, 2a1m0003 at 15 Mar 08:00Z
#   and on 10 Apr, 2a1m0005 on 8 Apr.
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

# The hand-worked figures above, from the commands' own output, so that regenerating a golden
# cannot bless a wrong one.
c list-overdue --due-within 1w --format json | python3 -c '
import json, sys
rows = [(r["id"], r["stage"] + "/" + r["milestone"], r["due"], r["state"], r["days_overdue"],
         r["handler"]) for r in json.load(sys.stdin)]
assert rows == [
    ("2a1m0003", "formal/acknowledge", "2026-03-15T08:00:00+00:00", "overdue", 1,
     "Complaints Officer"),
    ("2a1m0002", "local/resolve", "2026-03-17", "due-soon", 0, "Sarah Robb")], rows
' || fail "list-overdue --format json: a hand-worked figure differs"
expect_exit 0 remind
expect_contains "$OUT" "1 overdue, 1 due soon." "remind: counts"
# Dates as people write them in a mail: weekday, day, month; the time for an hour-based one.
expect_contains "$OUT" "was due Sunday 15 March, 08:00 (1 day overdue)" "remind: 2a1m0003"
expect_contains "$OUT" "due Tuesday 17 March" "remind: 2a1m0002"
expect_contains "$OUT" "Complaints to act on as of Monday 16 March 2026, 09:00" "remind: as of"
c export --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["as_of"] == "2026-03-16T09:00:00+00:00", d["as_of"]
got = {(c["id"], x["stage"] + "/" + x["milestone"]): (x["due"], x["state"], x["met_at"], x["late"])
       for c in d["complaints"] for x in c["deadlines"]}
assert got == {
    ("2a1m0001", "formal/acknowledge"):
        ("2026-03-04T10:00:00+00:00", "met", "2026-03-03T09:15:00+00:00", False),
    ("2a1m0001", "formal/resolve"): ("2026-03-30", "open", None, False),
    ("2a1m0002", "local/resolve"): ("2026-03-17", "due-soon", None, False),
    ("2a1m0003", "formal/acknowledge"): ("2026-03-15T08:00:00+00:00", "overdue", None, False),
    ("2a1m0003", "formal/resolve"): ("2026-04-10", "open", None, False),
    ("2a1m0004", "local/resolve"): ("2026-01-15", "met", "2026-01-12T14:00:00+00:00", False),
    ("2a1m0005", "formal/acknowledge"):
        ("2026-02-03T10:00:00+00:00", "met", "2026-02-02T10:00:00+00:00", False),
    ("2a1m0005", "formal/resolve"): ("2026-03-01", "met", "2026-03-10T10:00:00+00:00", True),
    ("2a1m0005", "review/meeting"): ("2026-04-08", "open", None, False),
}, got
people = {c["id"]: (c["stage"], c["status"], c["handler"]) for c in d["complaints"]}
assert people == {"2a1m0001": ("formal", "open", "Sarah Robb"),
                  "2a1m0002": ("local", "open", "Sarah Robb"),
                  "2a1m0003": ("formal", "open", "Complaints Officer"),
                  "2a1m0004": ("local", "resolved", "Sarah Robb"),
                  "2a1m0005": ("review", "open", "Sarah Hall")}, people
' || fail "export --format json: a hand-worked figure differs"
expect_exit 0 export --format ics
expect_eq "$(tr -d '\r' <<<"$OUT" | grep -E '^(UID|DTSTART)' | paste -sd' ')" \
  "UID:2a1m0001-formal-resolve-1@complaints DTSTART;VALUE=DATE:20260330 UID:2a1m0002-local-resolve-1@complaints DTSTART;VALUE=DATE:20260317 UID:2a1m0003-formal-acknowledge-1@complaints DTSTART:20260315T080000Z UID:2a1m0003-formal-resolve-1@complaints DTSTART;VALUE=DATE:20260410 UID:2a1m0005-review-meeting-1@complaints DTSTART;VALUE=DATE:20260408" \
  "export --format ics: one event per open deadline, on its due day"

# The report goldens. Figures worked out by hand from tests/golden/fixture.sh (big-bums: local
# resolution within 5 days of receipt; formal: acknowledge within 48 hours and resolve within 28
# days of the stage start, serious complaints start there on receipt; review: meeting within 28
# days of the request), as of Monday 16 March 2026 09:00 GMT, and asserted on their own below:
# - local/resolve: 2a1m0004 received Sat 10 Jan 10:00, resolved Mon 12 Jan 14:00: 2 days
#   (10 Jan is not counted; 11, 12), limit 5, on time. 2a1m0002 (received Thu 12 Mar, due Tue
#   17 Mar) is still running: not counted. 1 met: median 2, p90 2; 1 on time, rate 1.
# - formal/acknowledge: 2a1m0001 received Mon 2 Mar 10:00, acknowledged Tue 3 Mar 09:15: 23.25
#   hours; 2a1m0005 received Sun 1 Feb 10:00, acknowledged Mon 2 Feb 10:00: 24 hours; both
#   within 48. 2a1m0003 received Fri 13 Mar 08:00 was due Sun 15 Mar 08:00 and is still not
#   acknowledged: missed. Median (23.25 + 24) / 2 = 23.625, p90 23.25 + 0.9 * 0.75 = 23.925;
#   2 on time, 1 missed, rate 2/3.
# - formal/resolve: 2a1m0005 from Sun 1 Feb to Tue 10 Mar: 27 days to 28 Feb, + 10 = 37 days,
#   limit 28 (due Sun 1 Mar): late. 2a1m0001 (due 30 Mar) and 2a1m0003 (due 10 Apr) running.
# - review/meeting: 2a1m0005 asked for the review on Wed 11 Mar; due Wed 8 Apr, not met: none.
# - findings per stage: 2a1m0004 (minor: local) was resolved in local, upheld, with apology
#   and preventative-action; 2a1m0005 was resolved in formal with no finding: (not recorded),
#   with apology and explanation. Nothing resolved in review.
# - receipt to the last outcome, complaints no longer open: 2a1m0004 only (2a1m0005 is open
#   again in review): 10 Jan to 12 Jan, 2 days.
# - Sam Jones is named in 2a1m0001 and 2a1m0003: 1 person, and no name without --names.
# - report-2026-q1.csv: all five complaints were received in Q1 2026, so the same figures.
golden report.txt report
golden report-2026-q1.csv report --from 2026-01-01 --to 2026-03-31 --format csv
golden report.json report --format json
golden report.html report --format html

# The hand-worked figures, from the command's own output, so that regenerating a golden cannot
# bless a wrong one.
c report --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
def near(a, b, what):
    assert a is not None and abs(a - b) < 1e-9, "%s: expected %s, got %s" % (what, b, a)
assert d["schema"] == 2
assert d["organisation"] == "Big Bums and Little Bums Ltd"
assert [(p["id"], p["version"], p["title"], p["complaints"]) for p in d["policies"]] == \
    [("big-bums", "2024-03-05", "Complaints Procedure", 5)], d["policies"]
assert d["review_warnings"] == []
m = {x["milestone"]: x for x in d["milestones"]}
assert list(m) == ["local/resolve", "formal/acknowledge", "formal/resolve", "review/meeting"]
for name, unit, limit, count, median, p90, on_time, late, missed in [
        ("local/resolve", "days", 5, 1, 2, 2, 1, 0, 0),
        ("formal/acknowledge", "hours", 48, 2, 23.625, 23.925, 2, 0, 1),
        ("formal/resolve", "days", 28, 1, 37, 37, 0, 1, 0)]:
    x = m[name]
    assert x["limit"] == {"count": limit, "unit": unit}, (name, x["limit"])
    assert x["time"]["unit"] == unit and x["time"]["count"] == count, (name, x["time"])
    near(x["time"]["median"], median, name + " median")
    near(x["time"]["p90"], p90, name + " p90")
    assert (x["on_time"], x["late"], x["missed"]) == (on_time, late, missed), (name, x)
near(m["formal/acknowledge"]["rate"], 0.6667, "formal/acknowledge rate")
assert m["review/meeting"]["time"] == {"unit": "days", "count": 0, "median": None, "p90": None}
stages = {s["stage"]: (s["resolutions"], {f["key"]: f["count"] for f in s["findings"] if f["count"]})
          for s in d["findings_by_stage"]}
assert stages == {"local": (1, {"upheld": 1}), "formal": (1, {"(not recorded)": 1}),
                  "review": (0, {})}, stages
remedies = {f["finding"]: (f["resolutions"], {r["key"]: r["count"] for r in f["remedies"]})
            for f in d["remedies_by_finding"] if f["resolutions"]}
assert remedies == {"upheld": (1, {"apology": 1, "preventative-action": 1}),
                    "(not recorded)": (1, {"apology": 1, "explanation": 1})}, remedies
assert d["days_to_last_outcome"] == {"unit": "days", "count": 1, "median": 2, "p90": 2}
assert d["repeat_people_count"] == 1 and "repeat_people" not in d
' || fail "report --format json: a hand-worked figure differs"
expect_exit 0 report
expect_contains "$OUT" "Acknowledge the complaint (formal/acknowledge): met in a median of 23.6 hours from stage start (limit 48), 90th percentile 23.9 hours, 2 complaints" "report: time to acknowledge in hours"
expect_contains "$OUT" "1 person is named in more than one complaint" "report: people counted"

# Reports name no one by default, in any format: no complainant's name or contact, no person
# involved, no handler, no summary, details or outcome text. `--names` lists the people named in
# more than one complaint, and only them.
for format in text csv json html; do
  expect_exit 0 report --format "$format"
  for value in "Zoë" "Brien" "HYPERLINK" "Dash Person" "7700" "Ann Other" "ann@" "Bob Smith" \
      "bob@" "Sam Jones" "Sarah" "Door left" "Shouted" "Snack" "Session cancelled" "Apologised" \
      "Refund" "Called" "First time" "2 and 3 March"; do
    expect_not_contains "$OUT" "$value" "report --format $format names no one"
  done
  expect_exit 0 report --format "$format" --names
  expect_contains "$OUT" "Sam Jones" "report --format $format --names"
  expect_not_contains "$OUT" "Ann Other" "report --format $format --names lists only repeats"
done

# The JSON documents parse and carry the schema version (the report's is 2: docs/OUTPUT.md);
# the HTML report is self-contained.
for name in list-overdue.json:1 export.json:1 export-redacted.json:1 export-events.json:1 \
    report.json:2; do
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d if isinstance(d, list) else [d]
assert all(x["schema"] == int(sys.argv[2]) for x in items), "schema version"
' "$TESTS/golden/${name%:*}" "${name#*:}" || fail "tests/golden/${name%:*} is not JSON with its schema version"
done
html="$TESTS/golden/report.html"
grep -q '<svg' "$html" || fail "report.html has no chart"
! grep -qiE '<script|<link|<img|<iframe|src=|url\(' "$html" || fail "report.html loads something"
[ "$(grep -oE 'https?://[^"]*' "$html" | sort -u)" = "http://www.w3.org/2000/svg" ] ||
  fail "report.html names a web address other than the SVG namespace"
