# `complaints explain`: every deadline with its rule, anchor, unit, the days not counted and
# why, changes (pauses, extensions) and the result, in text and JSON.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2026-04-10T09:00

c init --policy twinkles >/dev/null
# Received on Thursday 2 April 2026, the day before Good Friday: 10 working days skip Good
# Friday, Easter Monday and three weekends, so the acknowledgement is due on Monday 20 April.
id=$(c add --name "A Parent" --contact "parent@example.org" --details "No ramp at the venue" \
  --summary "Access" --received 2026-04-02T10:00)

text=$(c explain "$id")
expect_contains "$text" "investigation/acknowledge" "names the deadline"
expect_contains "$text" "Acknowledge receipt within 10 working days of receipt of the complaint" "the rule in words"
expect_contains "$text" "Counted from: receipt of the complaint, Thursday 2 April 2026 at 10:00 BST" "anchor event and time"
expect_contains "$text" "The day of receipt of the complaint (Thursday 2 April 2026) is not counted. Day 1 is Tuesday 7 April 2026." "anchor day not counted"
for skipped in "Friday 3 April 2026 *Good Friday (bank holiday)" "Saturday 4 April 2026 *Saturday" \
  "Sunday 5 April 2026 *Sunday" "Monday 6 April 2026 *Easter Monday (bank holiday)" \
  "Saturday 11 April 2026 *Saturday" "Sunday 19 April 2026 *Sunday"; do
  grep -q "$skipped" <<<"$text" || fail "explain should list '$skipped' as not counted: $text"
done
expect_contains "$text" "Result: Due by the end of Monday 20 April 2026. (2026-04-20)" "result"
expect_contains "$text" "State: Not yet due." "state"

json_out=$(c explain "$id" --format json)
expect_eq "$(json "d['schema']" <<<"$json_out")" "1" "schema version"
expect_eq "$(json "' '.join(x['date'] for x in d['deadlines'][0]['skipped'])" <<<"$json_out")" \
  "2026-04-03 2026-04-04 2026-04-05 2026-04-06 2026-04-11 2026-04-12 2026-04-18 2026-04-19" \
  "every day not counted, in order"
expect_eq "$(json "d['deadlines'][0]['skipped'][3]['why']" <<<"$json_out")" "Easter Monday (bank holiday)" "why"
expect_eq "$(json "d['deadlines'][0]['due']" <<<"$json_out")" "$(deadline "$id" investigation acknowledge due)" \
  "explain agrees with show"
expect_eq "$(json "d['deadlines'][0]['first_day']" <<<"$json_out")" "2026-04-07" "day 1"

# A pause pushes the deadline out; explain says by how much and the new date.
c pause "$id" --reason "waiting for the complainant" --at 2026-04-08T12:00 >/dev/null
c resume "$id" --at 2026-04-10T08:00 >/dev/null
text=$(c explain "$id")
expect_contains "$text" "Before changes: due by the end of Monday 20 April 2026." "base due kept"
expect_contains "$text" "paused from 2026-04-08T12:00:00+01:00 to 2026-04-10T08:00:00+01:00: 2 working days added" "pause in words"
expect_contains "$text" "Result: Due by the end of Wednesday 22 April 2026." "pushed out by two working days"

# Hours across the clock change: Big Bums' 48-hour acknowledgement.
mkdir bb && cd bb
c init --policy big-bums >/dev/null
serious=$(c add --name "B" --contact "b@example.org" --summary "Serious" --severity serious \
  --received 2026-03-27T10:00)
text=$(c explain "$serious" --as-of 2026-03-27T12:00)
expect_contains "$text" "Formal complaint: Acknowledge the complaint within 48 hours of the start of this stage" "hours rule"
expect_contains "$text" "Result: Due by 11:00 BST on Sunday 29 March 2026." "48 elapsed hours"
expect_contains "$text" "The clocks changed in between (GMT to BST)" "clock change explained"
expect_contains "$text" "calendar days, so weekends and bank holidays count" "calendar days say so"

expect_exit 4 explain zzzzzzzz
expect_exit 2 explain "$serious" --format yaml
