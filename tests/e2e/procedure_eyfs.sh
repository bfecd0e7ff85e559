# EYFS complaints requirement (examples/policies/eyfs.toml): the outcome within 28 days of
# receiving the complaint. Calendar days: the day of receipt is not counted and a deadline on a
# weekend or bank holiday stays where it lands.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-12-01T09:00

new_complaint() {
  c add --name "A Parent" --contact "parent@example.org" --summary "$1" --received "$2"
}

c init --policy eyfs >/dev/null

# Received 1 March 2026: 28 days, the day of receipt not counted -> the end of 29 March.
a=$(new_complaint "Nappy changing" 2026-03-01T10:00)
expect_eq "$(deadline "$a" investigation outcome due)" "2026-03-29" "28 days from 1 March"
expect_eq "$(deadline "$a" investigation outcome within)" "28 days" "calendar days"

# Received at 23:59 on Friday 18 December 2026: 28 days -> Friday 15 January 2027, straight
# through Christmas and New Year (calendar days skip nothing).
b=$(new_complaint "Key person changed" 2026-12-18T23:59)
expect_eq "$(deadline "$b" investigation outcome due)" "2027-01-15" "28 calendar days over Christmas"

# Received at 00:00 on Saturday 28 February 2026 -> 28 March 2026, a Saturday: no roll forward.
d=$(new_complaint "Lost coat" 2026-02-28T00:00)
expect_eq "$(deadline "$d" investigation outcome due)" "2026-03-28" "due on a Saturday stays on the Saturday"

# Overdue from the day after: as of Monday 30 March both March complaints are late.
expect_eq "$(overdue_rows 2026-03-30T09:00)" "$d investigation outcome 2026-03-28 2
$a investigation outcome 2026-03-29 1" "overdue, soonest due first"
expect_eq "$(overdue_rows 2026-03-29T23:59 | grep -c "^$a ")" "0" "not overdue on its last day"

# Told the outcome on 29 March: met, on time; no longer listed.
c resolve "$a" --outcome "Procedure changed" --at 2026-03-29T18:00 >/dev/null
expect_eq "$(deadline "$a" investigation outcome state)" "met" "outcome sent"
expect_eq "$(deadline "$a" investigation outcome late)" "False" "outcome on time"
expect_eq "$(overdue_rows 2026-03-30T09:00)" "$d investigation outcome 2026-03-28 2" "only the late one is listed"

# --- The framework provides no extension: one recorded after the 28 days moves nothing -----------
c extend "$d" --milestone outcome --for "7 days" --reason "waiting for the key person" --at 2026-03-30T10:00 >/dev/null
expect_eq "$(deadline "$d" investigation outcome due)" "2026-03-28" "a late extension does not move the deadline"
expect_eq "$(overdue_rows 2026-03-31T09:00 | grep "^$d ")" "$d investigation outcome 2026-03-28 3" "still overdue"
# No time limit for making a complaint: an old matter is recorded without a warning.
expect_exit 0 add --name "A Parent" --contact "parent@example.org" --summary "Old matter" \
  --occurred 2020-01-01 --received 2026-03-02T09:00
expect_eq "$(grep -v "recorded as of" <<<"$ERR")" "" "no time limit, no warning"
