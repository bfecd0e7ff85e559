# A fixed register for the interface tests (sourced after tests/e2e/lib.sh): five complaints
# under the big-bums policy, written as files so their IDs and every byte are known, and a
# fixed "now" (Monday 16 March 2026, 09:00 London). Names, contacts and summaries hold the
# awkward cases: commas, quotes, newlines, non-ASCII, leading = + - @, escapes and bidi.
export COMPLAINTS_NOW=2026-03-16T09:00
c init reg --policy big-bums >/dev/null
cd reg

complaint() { # ID: writes complaints/ID.toml from stdin
  cat >"complaints/$1.toml"
  chmod 600 "complaints/$1.toml"
}

complaint 2a1m0001 <<'TOML'
id = "2a1m0001"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-03-02T10:00:00+00:00
channel = "email"
name = "Zoë O'Brien, Jr."
contact = "=HYPERLINK(\"http://example.org\")"
summary = "Door left \"open\", twice"
details = "First time on Monday.\nSecond time, Tuesday; nobody noticed."
occurred = "2 and 3 March"
people = ["Sam Jones"]
severity = "serious"
category = "safeguarding"
handler = "Sarah Robb"

events = [
  { at = 2026-03-03T09:15:00+00:00, type = "acknowledged", by = "sarah" },
  { at = 2026-03-04T11:00:00+00:00, type = "note", by = "sarah", text = "Called, left a message;\nwill try again, after 3pm" },
]
TOML

complaint 2a1m0002 <<'TOML'
id = "2a1m0002"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-03-12T09:30:00+00:00
channel = "phone"
name = "-Dash Person"
contact = "+44 7700 900123"
summary = "@fees: charged twice for March"
severity = "minor"
category = "fees"
handler = "Sarah Robb"

events = [
]
TOML

complaint 2a1m0003 <<'TOML'
id = "2a1m0003"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-03-13T08:00:00+00:00
channel = "email"
name = "Zoë O'Brien, Jr."
contact = "=HYPERLINK(\"http://example.org\")"
summary = "Shouted at \u001b[31mred\u202e reversed"
people = ["Sam Jones"]
severity = "serious"
category = "safeguarding"

events = [
]
TOML

complaint 2a1m0004 <<'TOML'
id = "2a1m0004"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-01-10T10:00:00+00:00
channel = "phone"
name = "Ann Other"
contact = "ann@example.org"
summary = "Snack had nuts"
severity = "minor"
category = "food"
handler = "Sarah Robb"

events = [
  { at = 2026-01-12T14:00:00+00:00, type = "resolved", by = "sarah", outcome = "Apologised, and changed the snack list", finding = "upheld", remedies = ["apology", "preventative-action"] },
]
TOML

complaint 2a1m0005 <<'TOML'
id = "2a1m0005"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-02-01T10:00:00+00:00
channel = "email"
name = "Bob Smith"
contact = "bob@example.org"
summary = "Session cancelled without notice"
severity = "serious"
category = "fees"
handler = "Sarah Robb"

events = [
  { at = 2026-02-02T10:00:00+00:00, type = "acknowledged", by = "sarah" },
  { at = 2026-03-10T10:00:00+00:00, type = "resolved", by = "sarah", outcome = "Refund offered", remedies = ["apology", "explanation"] },
  { at = 2026-03-12T10:00:00+00:00, type = "escalated", by = "sarah", stage = "review", requested = 2026-03-11T16:00:00+00:00 },
  { at = 2026-03-12T10:05:00+00:00, type = "assigned", by = "sarah", handler = "Sarah Hall" },
]
TOML
