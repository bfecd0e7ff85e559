# export --format ics: an RFC 5545 calendar of open staff deadlines, parsed back here with a
# small unfolding parser: CRLF line ends, lines of at most 75 octets, one VEVENT per open
# deadline with a stable UID, all-day events for day-based deadlines, UTC times otherwise.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

c export --format ics >feed.ics
c --as-of 2026-03-16T17:00 export --format ics >later.ics

python3 - <<'PY' || fail "the iCalendar feed did not parse back (see above)"
import datetime, re, sys

def fail(msg):
    sys.exit("FAIL: " + msg)

def parse(path):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        fail(f"{path}: every line must end in CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail(f"{path}: line longer than 75 octets: {line!r}")
    text = raw.decode("utf-8")  # folding must not split a UTF-8 character
    text = re.sub(r"\r\n[ \t]", "", text)  # unfold (RFC 5545 3.1)
    stack, events, current = [], [], None
    for line in text.split("\r\n")[:-1]:
        name, _, value = line.partition(":")
        prop, *params = name.split(";")
        if prop == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif prop == "END":
            if not stack or stack.pop() != value:
                fail(f"unbalanced END:{value}")
            if value == "VEVENT":
                events.append(current)
        elif current is not None and stack[-1] == "VEVENT":
            current[prop] = (params, value)
        elif current is not None and stack[-2:] == ["VEVENT", "VALARM"]:
            current.setdefault("VALARM", {})[prop] = value
    if stack:
        fail(f"unclosed {stack}")
    return text, events

def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)

text, events = parse("feed.ics")
if not text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"):
    fail("calendar header")
uids = [e["UID"][1] for e in events]
if len(set(uids)) != len(uids):
    fail(f"duplicate UIDs {uids}")
want = {"2a1m0001-formal-resolve-1@complaints", "2a1m0002-local-resolve-1@complaints",
        "2a1m0003-formal-acknowledge-1@complaints", "2a1m0003-formal-resolve-1@complaints",
        "2a1m0005-review-meeting-1@complaints"}
if set(uids) != want:
    fail(f"UIDs: expected {sorted(want)}, got {sorted(uids)}")
by_uid = {e["UID"][1]: e for e in events}
for e in events:
    for prop in ("DTSTAMP", "DTSTART", "SUMMARY"):
        if prop not in e:
            fail(f"{e['UID'][1]} has no {prop}")
    if e["DTSTAMP"][1] != "20260316T090000Z":
        fail(f"DTSTAMP must be the as-of moment in UTC, got {e['DTSTAMP'][1]}")
day = by_uid["2a1m0001-formal-resolve-1@complaints"]
if day["DTSTART"] != (["VALUE=DATE"], "20260330") or day["DTEND"] != (["VALUE=DATE"], "20260331"):
    fail(f"all-day event: {day}")
timed = by_uid["2a1m0003-formal-acknowledge-1@complaints"]
# An hour-based deadline: a half-hour event from its due moment, an alarm an hour before.
if timed["DTSTART"] != ([], "20260315T080000Z") or timed["DTEND"] != ([], "20260315T083000Z"):
    fail(f"timed event: {timed}")
if timed.get("VALARM", {}).get("TRIGGER") != "-PT1H" or timed["VALARM"].get("ACTION") != "DISPLAY":
    fail(f"timed event's alarm: {timed}")
if "VALARM" in day:
    fail(f"an all-day event has no alarm: {day}")
summary = unescape(timed["SUMMARY"][1])
if summary != "OVERDUE: Acknowledge the complaint (2a1m0003)":
    fail(f"summary: {summary!r}")
description = unescape(by_uid["2a1m0001-formal-resolve-1@complaints"]["DESCRIPTION"][1])
if "Complaint: Door left \"open\", twice" not in description or "\nStage: Formal complaint" not in description:
    fail(f"description did not unescape to the text: {description!r}")
if "\x1b" in text or "\u202e" in text:
    fail("control or bidi character in the feed")

# The same register later the same day: same UIDs, so calendars update rather than duplicate.
_, later = parse("later.ics")
if sorted(e["UID"][1] for e in later) != sorted(uids):
    fail("UIDs changed between two exports")
PY

# Same register and --as-of, same bytes.
c export --format ics | cmp -s - feed.ics || fail "the feed is not deterministic"
expect_exit 2 export --format ics --events
