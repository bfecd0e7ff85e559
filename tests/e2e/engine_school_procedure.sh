# A procedure written from its text (tests/e2e/data/school-procedure.toml, a school's, in
# school days with holidays as closures): receipt in the holidays counts from the first school
# day, a stage 2 request recorded late still meets the window, and the panel's written outcome
# counts from the meeting.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-06-01T09:00

c init --policy "$TESTS/e2e/data/school-procedure.toml" >/dev/null
expect_exit 0 policy check "$TESTS/e2e/data/school-procedure.toml"
new_complaint() {
  c add --name "A Parent" --contact "parent@example.org" --summary "$1" --received "$2"
}

# Received Friday 18 December 2026, the last day of term: 5 and 10 school days skip the
# Christmas holidays (21 December to 1 January) and the bank holidays in them.
a=$(new_complaint "Nativity tickets" 2026-12-18T15:00)
expect_eq "$(deadline "$a" stage-1 acknowledge due)" "2027-01-08" "5 school days over Christmas"
expect_eq "$(deadline "$a" stage-1 outcome due)" "2027-01-15" "10 school days over Christmas"

# Received Wednesday 31 March 2027, in the Easter holidays: treated as received on Monday
# 12 April, the first school day, which is not counted.
b=$(new_complaint "Trip refund" 2027-03-31T10:00)
expect_eq "$(deadline "$b" stage-1 acknowledge due)" "2027-04-19" "5 school days from 12 April"
expect_eq "$(deadline "$b" stage-1 outcome due)" "2027-04-26" "10 school days from 12 April"
explained=$(c explain "$b")
expect_contains "$explained" "Receipt of the complaint was on Wednesday 31 March 2027, not a working day (closure: Easter holidays), so it counts as on Monday 12 April 2027." \
  "explain says why receipt counts from 12 April"

# Stage 1 outcome Friday 12 February 2027: the parent may ask for stage 2 until the end of
# Friday 26 February. They asked on the 26th; the clerk recorded it on 3 March. In time.
s2=$a
c resolve "$s2" --outcome "Tickets refunded" --at 2027-02-12T12:00 >/dev/null
expect_eq "$(deadline "$s2" stage-1 escalate-window due)" "2027-02-26" "10 school days to ask"
c escalate "$s2" --requested 2027-02-26T16:00 --at 2027-03-03T09:00 >/dev/null
expect_eq "$(deadline "$s2" stage-1 escalate-window state)" "met" "the request meets the window"
expect_eq "$(deadline "$s2" stage-1 escalate-window late)" "False" "asked in time, recorded later"
expect_eq "$(deadline "$s2" stage-2 acknowledge due)" "2027-03-05" "5 school days from the request"
# 20 school days from 26 February: the 20th would be Friday 26 March, but that is Good
# Friday, followed by Easter Monday and the Easter holidays: Monday 12 April.
expect_eq "$(deadline "$s2" stage-2 meeting due)" "2027-04-12" "20 school days from the request"

# No meeting yet: the written outcome is not running. The panel meets on Tuesday 23 March;
# 5 school days: Wednesday 24 and Thursday 25 March, then (after Good Friday, Easter Monday
# and the holidays) 12, 13 and 14 April.
expect_eq "$(c show "$s2" --format json | json "len([x for x in d['deadlines'] if x['stage']=='stage-2' and x['milestone']=='outcome'])")" "0" \
  "no outcome deadline before the meeting"
c meeting "$s2" --at 2027-03-23T16:00 --note "Panel met" >/dev/null
expect_eq "$(deadline "$s2" stage-2 outcome due)" "2027-04-14" "5 school days from the meeting"
expect_contains "$(c explain "$s2")" "within 5 working days of the meeting" "explain names the meeting"

# The review is due two years after 1 September 2025.
expect_exit 0 check --as-of 2027-08-31T09:00
expect_exit 0 check --as-of 2027-09-02T09:00
expect_contains "$ERR" "review" "review overdue after two years"
expect_exit 1 check --strict --as-of 2027-09-02T09:00

echo "ok"
