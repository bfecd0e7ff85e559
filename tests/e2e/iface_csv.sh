# export --format csv read back with Python's csv module: every field round-trips, including
# commas, quotes, newlines and non-ASCII; cells a spreadsheet would run as formulas are
# neutralised with a leading '; --redact leaves the personal columns out.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

c export >export.csv
c export --events >events.csv
c export --redact >redacted.csv
c list-overdue --due-within 1w --format csv >overdue.csv

python3 - <<'PY' || fail "CSV did not read back as written (see above)"
import csv, sys

def read(path):
    raw = open(path, "rb").read()
    assert raw.endswith(b"\r\n"), f"{path}: rows must end in CRLF"
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))

def check(got, want, what):
    if got != want:
        sys.exit(f"FAIL: {what}: expected {want!r}, got {got!r}")

rows = {r["id"]: r for r in read("export.csv")}
check(sorted(rows), ["2a1m0001", "2a1m0002", "2a1m0003", "2a1m0004", "2a1m0005"], "one row per complaint")
a = rows["2a1m0001"]
check(a["name"], "Zoë O'Brien, Jr.", "non-ASCII name with comma and apostrophe")
check(a["contact"], "'=HYPERLINK(\"http://example.org\")", "formula neutralised")
check(a["summary"], 'Door left "open", twice', "quotes and comma")
check(a["received"], "2026-03-02T10:00:00+00:00", "received")
check((a["status"], a["stage"], a["next_milestone"], a["next_due"], a["next_state"]),
      ("open", "formal", "formal/resolve", "2026-03-30", "open"), "current stage and next deadline")
check(a["acknowledged_at"], "2026-03-03T09:15:00+00:00", "acknowledged_at")
b = rows["2a1m0002"]
check((b["name"], b["contact"], b["summary"]),
      ("'-Dash Person", "'+44 7700 900123", "'@fees: charged twice for March"), "leading - + @")
d = rows["2a1m0004"]
check((d["status"], d["resolved_at"], d["outcome"], d["remedies"]),
      ("resolved", "2026-01-12T14:00:00+00:00", "Apologised, and changed the snack list",
       "apology; preventative-action"), "resolution")
e = rows["2a1m0005"]
check((e["handler"], e["stage"], e["next_milestone"]), ("Sarah Hall", "review", "review/meeting"),
      "after escalation and assignment")

events = read("events.csv")
check(len(events), 5 + 7, "one row per event plus each receipt")
note = [r for r in events if r["type"] == "note"][0]
check(note["text"], "Called, left a message;\nwill try again, after 3pm", "newline in a cell")
esc = [r for r in events if r["type"] == "escalated"][0]
check((esc["stage"], esc["requested"]), ("review", "2026-03-11T16:00:00+00:00"), "escalation")

redacted = read("redacted.csv")
check(len(redacted), 5, "redacted rows")
for column in ("name", "contact", "summary", "outcome"):
    if column in redacted[0]:
        sys.exit(f"FAIL: --redact kept column {column}")
check(redacted[0]["category"], "safeguarding", "redacted export keeps categories")

overdue = read("overdue.csv")
check([(r["id"], r["milestone"], r["state"]) for r in overdue],
      [("2a1m0003", "acknowledge", "overdue"), ("2a1m0002", "resolve", "due-soon")],
      "list-overdue csv, soonest first")
check(overdue[0]["summary"], "Shouted at \x1b[31mred\u202e reversed", "csv keeps text as it is")
PY

# The redacted files hold none of the personal text anywhere.
for needle in "O'Brien" "HYPERLINK" "Door left" "snack list" "Called"; do
  ! grep -q "$needle" redacted.csv || fail "--redact leaked '$needle'"
done
c export --format json --redact >redacted.json
c export --events --redact >redacted-events.csv
for needle in "O'Brien" "HYPERLINK" "Door left" "snack list" "Called" "First time" "Sam Jones"; do
  ! grep -q "$needle" redacted.json redacted-events.csv || fail "--redact leaked '$needle'"
done

# For scripts, --raw leaves cells as recorded (still RFC 4180); for Excel, --excel puts a
# UTF-8 byte-order mark first and keeps the guard; neither goes with another format.
c export --raw >raw.csv
expect_contains "$(cat raw.csv)" ",+44 7700 900123," "--raw: a phone number as recorded"
expect_contains "$(cat raw.csv)" '"=HYPERLINK(""http://example.org"")"' "--raw: no guard"
c export --excel >excel.csv
expect_eq "$(head -c 3 excel.csv | od -An -tx1 | tr -d ' ')" "efbbbf" "--excel: byte-order mark"
expect_eq "$(tail -c +4 excel.csv)" "$(cat export.csv)" "--excel: otherwise the guarded CSV"
expect_exit 2 export --raw --excel
expect_exit 2 export --format json --raw
expect_contains "$ERR" "--raw: only with --format csv" "--raw refused with json"
