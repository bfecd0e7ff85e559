# Housing Ombudsman Complaint Handling Code 2024 (examples/policies/housing-ombudsman.toml):
# worked examples of its time limits, counted by hand in England and Wales working days.
# The stage 2 extension cap (20 working days) is unverified, so no expectation depends on it.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-06-01T09:00

# overdue AS_OF: one "ID STAGE MILESTONE DUE DAYS_OVERDUE" line per overdue staff deadline.
# milestones ID AS_OF: "stage/milestone" of every deadline `show` lists.
milestones() {
  c --as-of "$2" show "$1" --format json | json '" ".join(x["stage"] + "/" + x["milestone"] for x in d["deadlines"])'
}

c init --policy housing-ombudsman >/dev/null
expect_contains "$(c policy list)" "housing-ombudsman" "the shipped policy is in the register"

# --- Stage 1 over Christmas 2026 ---------------------------------------------------------
# Received Friday 18 December 2026. Acknowledge within 5 working days of receipt: Mon 21 (1),
# Tue 22 (2), Wed 23 (3), Thu 24 (4); Fri 25 Christmas Day, Sat 26, Sun 27, Mon 28 (Boxing Day
# substitute: 26 December is a Saturday) are skipped; Tue 29 (5) -> due 2026-12-29.
id=$(c add --name "A Resident" --contact "resident@example.org" --summary "Damp in bedroom" \
  --received 2026-12-18T10:00)
expect_eq "$(deadline "$id" stage-1 acknowledge due)" "2026-12-29" "stage 1 acknowledgement"
expect_eq "$(deadline "$id" stage-1 acknowledge within)" "5 working days" "stage 1 period"
# The response counts from the acknowledgement, so it has no date until there is one.
expect_eq "$(milestones "$id" 2026-12-21T09:00)" "stage-1/acknowledge" "no response deadline before the acknowledgement"
# Still on time on the last day; overdue the working morning after.
expect_eq "$(overdue_rows 2026-12-29T17:00)" "" "acknowledgement not overdue on its last day"
expect_eq "$(overdue_rows 2026-12-30T09:00)" "$id stage-1 acknowledge 2026-12-29 1" "acknowledgement overdue next day"

# Acknowledged Tuesday 22 December. Respond within 10 working days of the acknowledgement:
# Wed 23 (1), Thu 24 (2), [25-28 as above], Tue 29 (3), Wed 30 (4), Thu 31 (5), [Fri 1 January
# 2027 New Year's Day, Sat 2, Sun 3], Mon 4 (6), Tue 5 (7), Wed 6 (8), Thu 7 (9), Fri 8 (10)
# -> due 2027-01-08.
c ack "$id" --at 2026-12-22T15:00 >/dev/null
expect_eq "$(deadline "$id" stage-1 acknowledge state)" "met" "acknowledgement met"
expect_eq "$(deadline "$id" stage-1 respond due)" "2027-01-08" "stage 1 response"
expect_eq "$(deadline "$id" stage-1 respond from)" "acknowledgement" "response counts from the acknowledgement"

# Extension up to 10 working days, with reasons: from Fri 8 January, Mon 11 ... Fri 15 (5),
# Mon 18 ... Fri 22 (10) -> 2027-01-22.
c extend "$id" --milestone respond --for "10 working days" --reason "contractor survey booked" \
  --at 2027-01-06T12:00 >/dev/null
expect_eq "$(deadline "$id" stage-1 respond due)" "2027-01-22" "stage 1 response after 10 working days' extension"
# One more working day would take it past 10 working days: only with a good reason.
expect_exit 2 extend "$id" --milestone respond --for "1 working day" --reason "more time" --at 2027-01-07T12:00
expect_contains "$ERR" "beyond 10 working days needs a good reason" "extension beyond 10 working days needs a good reason"
expect_contains "$ERR" "extension_without_reason in policy housing-ombudsman" "the error names the rule and the policy"
expect_eq "$(overdue_rows 2027-01-25T09:00)" "$id stage-1 respond 2027-01-22 3" "extended response overdue"

c resolve "$id" --outcome "Repairs booked" --at 2027-01-21T16:00 >/dev/null
expect_eq "$(deadline "$id" stage-1 respond state)" "met" "stage 1 response met"
expect_eq "$(deadline "$id" stage-1 respond late)" "False" "stage 1 response on time"

# --- Stage 2, on the resident's request ------------------------------------------------------
# Asked for stage 2 on Monday 1 February 2027. Acknowledge within 5 working days of the
# request: Tue 2 (1), Wed 3, Thu 4, Fri 5, Mon 8 (5) -> 2027-02-08.
c escalate "$id" --to stage-2 --requested 2027-02-01T09:00 --at 2027-02-01T11:00 >/dev/null
expect_eq "$(deadline "$id" stage-2 acknowledge due)" "2027-02-08" "stage 2 acknowledgement"
# Acknowledged Friday 5 February. Respond within 20 working days of it (no holidays): Feb 8-12
# (5), 15-19 (10), 22-26 (15), Mar 1-5 (20) -> 2027-03-05.
c ack "$id" --at 2027-02-05T10:00 >/dev/null
expect_eq "$(deadline "$id" stage-2 respond due)" "2027-03-05" "stage 2 response"
expect_eq "$(overdue_rows 2027-03-05T23:00)" "" "stage 2 response not overdue on its last day"
expect_eq "$(overdue_rows 2027-03-08T09:00)" "$id stage-2 respond 2027-03-05 3" "stage 2 response overdue"

# --- Received on a bank-holiday weekend ----------------------------------------------------------
# Received Saturday 2 May 2026: day 1 is the first working day after it. Mon 4 May is the early
# May bank holiday; Tue 5 (1), Wed 6, Thu 7, Fri 8 (4), Mon 11 (5) -> 2026-05-11.
id2=$(c add --name "B Resident" --contact "b@example.org" --summary "Noise" --received 2026-05-02T13:00)
expect_eq "$(deadline "$id2" stage-1 acknowledge due)" "2026-05-11" "received on a Saturday before a bank holiday"

# --- Stage 2 final response: the resident's 12 months to go to the Housing Ombudsman ----------
# Final response on Tuesday 9 March 2027. The Ombudsman will not consider a complaint 12 months
# or more after it: the window is 12 months beginning with that day, so its last day is
# Wednesday 8 March 2028. A window for the resident, never staff overdue.
c resolve "$id" --outcome "Repairs completed; compensation offered" --at 2027-03-09T10:00 >/dev/null
expect_eq "$(deadline "$id" stage-2 ombudsman due)" "2028-03-08" "12 months to go to the Housing Ombudsman"
expect_eq "$(deadline "$id" stage-2 ombudsman party)" "complainant" "the window is the resident's"
expect_eq "$(overdue_rows 2028-03-09T09:00 | grep -c "^$id ")" "0" "a lapsed window is not staff overdue"

# --- "No more than 10 working days without good reason" -------------------------------------------
# Received Monday 1 March 2027, acknowledged Tuesday 2 March: respond within 10 working days ->
# Wed 3 (1), Thu 4, Fri 5 (3), Mon 8 - Fri 12 (8), Mon 15 (9), Tue 16 (10) -> 2027-03-16.
g=$(c add --name "C Resident" --contact "c@example.org" --summary "Boiler" --received 2027-03-01T10:00)
c ack "$g" --at 2027-03-02T10:00 >/dev/null
expect_eq "$(deadline "$g" stage-1 respond due)" "2027-03-16" "stage 1 response"
# 15 working days with a reason only: refused, naming the rule and the policy.
expect_exit 2 extend "$g" --milestone respond --for "15 working days" --reason "contractor survey" \
  --at 2027-03-10T12:00
expect_contains "$ERR" "an extension of 'respond' beyond 10 working days needs a good reason: pass --good-reason (extension_without_reason in policy housing-ombudsman)" \
  "15 working days need a good reason"
# With a good reason: Wed 17 (1), Thu 18, Fri 19 (3), Mon 22 - Thu 25 (7), [Good Friday 26 March
# and Easter Monday 29 March 2027], Tue 30 (8), Wed 31 (9), Thu 1 (10), Fri 2 (11), Mon 5 - Thu
# 8 April (15) -> 2027-04-08. The good reason is recorded with it.
c extend "$g" --milestone respond --for "15 working days" --reason "contractor survey" \
  --good-reason "the only damp specialist is booked until April" --at 2027-03-10T12:00 >/dev/null
expect_eq "$(deadline "$g" stage-1 respond due)" "2027-04-08" "15 working days with a good reason"
expect_contains "$(cat complaints/"$g".toml)" 'good_reason = "the only damp specialist is booked until April"' \
  "the good reason is in the record"
expect_eq "$(c show "$g" --format json | json '[e["good_reason"] for e in d["events"] if e["type"] == "extended"][0]')" \
  "the only damp specialist is booked until April" "show --format json gives the good reason"
expect_contains "$(c explain "$g")" "beyond 10 working days for good reason: the only damp specialist is booked until April" \
  "explain shows the good reason"

# --- An extension is agreed before the deadline --------------------------------------------------
# Same dates; the extension is recorded on Wednesday 17 March 2027, the day after the response
# was due: refused, and the deadline stays overdue.
h=$(c add --name "D Resident" --contact "d@example.org" --summary "Fence" --received 2027-03-01T10:00)
c ack "$h" --at 2027-03-02T10:00 >/dev/null
expect_exit 2 extend "$h" --milestone respond --for "5 working days" --reason "waiting for quotes" \
  --at 2027-03-17T09:00
expect_contains "$ERR" "an extension of 'respond' recorded after it was due on 2027-03-16: policy housing-ombudsman requires extensions to be agreed before the deadline (late_extension = \"refused\")" \
  "a late extension is refused"
expect_eq "$(overdue_rows 2027-03-17T10:00 | grep "^$h ")" "$h stage-1 respond 2027-03-16 1" "still overdue"

# --- Out of time: 12 months from when the matter happened or became known -------------------------
# The damp started on 20 November 2025: the 12 months ended on 20 November 2026. A complaint on
# 4 January 2027 is recorded (exit 0) with a warning; the landlord decides.
expect_exit 0 add --name "E Resident" --contact "e@example.org" --summary "Damp" \
  --occurred 2025-11-20 --received 2027-01-04T10:00
late=$OUT
expect_contains "$ERR" "$late: received 2027-01-04, after policy housing-ombudsman's time limit of 12 months from when the matter happened (2025-11-20), which ended 2026-11-20: recorded all the same" \
  "a late complaint is recorded with a warning"
expect_contains "$(cat complaints/"$late".toml)" "occurred_on = 2025-11-20" "the date is stored as a date"
# The resident only found out on 1 February 2026: in time, no warning.
expect_exit 0 add --name "F Resident" --contact "f@example.org" --summary "Damp" \
  --occurred 2025-11-20 --known 2026-02-01 --received 2027-01-04T10:00
expect_eq "$(grep -v "recorded as of" <<<"$ERR")" "" "in time from when it became known"
# When the matter happened is personal data: a redacted export leaves the dates out.
expect_not_contains "$(c export --redact --format json)" "2025-11-20" "a redacted export leaves out the dates"
expect_not_contains "$(c export --redact --format json)" "damp specialist" "and the good reason"
