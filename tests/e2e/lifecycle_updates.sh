# A repeating milestone ("keep the complainant informed"): each `update` meets one and starts
# the next; list-overdue shows the one not sent, once; explain shows each in turn.
source "$(dirname "$0")/lib.sh"

cat >updates.toml <<'EOF'
[policy]
id = "riverside"
version = "2026-01-01"
title = "Complaints procedure"
organisation = "Riverside Nursery"

[calendar]
time_zone = "Europe/London"
bank_holidays = "england-and-wales"

[[stage]]
id = "formal"
title = "Formal complaint"
handler = "Manager"

  [[stage.milestone]]
  id = "resolve"
  within = "3 months"
  met_by = "resolved"
  max_extension = "10 working days"
  extension_needs_reason = true

  [[stage.milestone]]
  id = "update"
  title = "Keep the complainant informed"
  within = "5 working days"
  every = "10 working days"
  met_by = "update"
EOF

c init --policy ./updates.toml >/dev/null
# June and early July 2026 have no bank holidays in England; 1 June is a Monday.
export COMPLAINTS_NOW=2026-06-01T09:00
id=$(c add --name "A" --contact "a@example.org" --summary "Lost coat" --received 2026-06-01T09:00)

# update_field INDEX FIELD AS-OF: a field of the INDEX-th update deadline (from 0).
update_field() {
  c show "$id" --format json --as-of "$3" |
    json "[x['$2'] for x in d['deadlines'] if x['milestone']=='update'][$1]"
}
updates_as_of() {
  c show "$id" --format json --as-of "$1" |
    json "' '.join(x['due'] + '/' + x['state'] for x in d['deadlines'] if x['milestone']=='update')"
}

# The first is due 5 working days after receipt; nothing else yet.
expect_eq "$(updates_as_of 2026-06-02T09:00)" "2026-06-08/open" "first update, 5 working days"

# Each update sent meets the one running, and the next is due 10 working days after it.
COMPLAINTS_NOW=2026-06-05T10:00 c update "$id" --note "spoke to the room leader" >/dev/null
COMPLAINTS_NOW=2026-06-18T10:00 c update "$id" --note "statements taken" >/dev/null
COMPLAINTS_NOW=2026-07-01T10:00 c update "$id" --note "waiting for CCTV" >/dev/null
expect_eq "$(updates_as_of 2026-07-02T09:00)" \
  "2026-06-08/met 2026-06-19/met 2026-07-02/met 2026-07-15/open" "three met, the fourth running"
expect_eq "$(update_field 1 state 2026-06-10T09:00)" "open" "before the second update was sent"

# Not overdue on its last day; listed once, as the one not sent, the day after.
expect_eq "$(overdue_as_of 2026-07-15T17:00)" "" "nothing overdue on 15 July"
expect_eq "$(overdue_as_of 2026-07-16T09:00)" "$id formal/update 2026-07-15" "the unsent update"
expect_exit 1 list-overdue --exit-status --as-of 2026-07-16T09:00
expect_eq "$(grep -cE "^$id +formal +update " <<<"$OUT")" "1" "listed once"

# An update sent late meets it, late, and the next counts from then.
COMPLAINTS_NOW=2026-07-17T11:00 c update "$id" --note "sorry for the delay" >/dev/null
expect_eq "$(update_field 3 state 2026-07-20T09:00)" "met" "late update meets it"
expect_eq "$(update_field 3 late 2026-07-20T09:00)" "True" "and says it was late"
expect_eq "$(update_field 4 due 2026-07-20T09:00)" "2026-07-31" "next counts from the late one"
expect_eq "$(overdue_as_of 2026-07-20T09:00)" "" "nothing overdue after the late update"

# explain shows each occurrence, counted from the update before it.
out=$(c explain "$id" --as-of 2026-07-20T09:00)
expect_eq "$(grep -c '^formal/update' <<<"$out")" "5" "five update deadlines explained"
expect_contains "$out" "then again every 10 working days after each time it is done" "the rule"
expect_contains "$out" "Friday 5 June 2026 at 10:00 BST" "counted from the first update"
expect_contains "$out" "Result: Due by the end of Friday 19 June 2026." "second due"
expect_contains "$out" "Unit: 10 working days" "repeats count the every period"
expect_contains "$out" "Unit: 5 working days" "the first counts the within period"
expect_eq "$(c explain "$id" --format json --as-of 2026-07-20T09:00 |
  json "len([x for x in d['deadlines'] if x['milestone']=='update'])")" "5" "explain json"

# The procedure asks for a reason with every extension of 'resolve'.
expect_exit 2 extend "$id" --milestone resolve --for "5 working days" --reason " " \
  --as-of 2026-07-20T09:00
expect_contains "$ERR" "--reason" "extend asks for a reason"
expect_exit 2 extend "$id" --milestone resolve --for "5 working days" --as-of 2026-07-20T09:00
# A hand-edited file with a reasonless extension still reads: the extension is set aside (the
# due day does not move) and check warns at its line.
file=complaints/$id.toml
line='  {at = 2026-07-20T10:00:00+01:00, type = "extended", milestone = "resolve", extend_by = "5 working days"},'
python3 - "$file" "$line" <<'PY'
import sys
path, line = sys.argv[1], sys.argv[2]
text = open(path).read()
at = text.rindex("\n]")
open(path, "w").write(text[:at] + "\n" + line + text[at:])
PY
expect_exit 0 show "$id" --as-of 2026-07-21T09:00
expect_exit 0 check --as-of 2026-07-21T09:00
expect_contains "$ERR" "an extension of 'resolve' needs a reason: add --reason" "reason needed"
expect_contains "$ERR" "$file:" "located in the file"
expect_contains "$ERR" "(kept in the file, not counted)" "set aside, not counted"
