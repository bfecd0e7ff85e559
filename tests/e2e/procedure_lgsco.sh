# LGSCO Complaint Handling Code (examples/policies/lgsco.toml): worked examples counted by hand
# in England and Wales working days. The stage 2 extension cap (20 working days) is unverified,
# so no expectation depends on it.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-12-01T09:00

new_complaint() {
  c add --name "A Resident" --contact "resident@example.org" --summary "$1" --received "$2"
}

c init --policy lgsco >/dev/null

# --- Stage 1 over Easter 2026 -----------------------------------------------------------------
# Received Thursday 2 April 2026. Acknowledge within 5 working days: Fri 3 Good Friday, Mon 6
# Easter Monday skipped; Tue 7 (1), Wed 8, Thu 9, Fri 10 (4), Mon 13 (5) -> 2026-04-13.
a=$(new_complaint "Blue badge refused" 2026-04-02T15:00)
expect_eq "$(deadline "$a" stage-1 acknowledge due)" "2026-04-13" "stage 1 acknowledgement over Easter"

# Acknowledged Thursday 9 April. Respond within 10 working days of it: Fri 10 (1),
# Mon 13 - Fri 17 (6), Mon 20 - Thu 23 (10) -> 2026-04-23.
c ack "$a" --at 2026-04-09T10:00 >/dev/null
expect_eq "$(deadline "$a" stage-1 respond due)" "2026-04-23" "stage 1 response"

# Extension up to 10 working days: Fri 24 (1), Mon 27 - Thu 30 (5), Fri 1 May (6), Mon 4 May
# early May bank holiday skipped, Tue 5 - Fri 8 (10) -> 2026-05-08.
c extend "$a" --milestone respond --for "10 working days" --reason "waiting for the assessor" \
  --at 2026-04-22T09:00 >/dev/null
expect_eq "$(deadline "$a" stage-1 respond due)" "2026-05-08" "stage 1 response, extended"
expect_exit 2 extend "$a" --milestone respond --until 2026-05-11 --reason "more" --at 2026-04-23T09:00
expect_contains "$ERR" "beyond 10 working days needs a good reason" "extension past 10 working days needs a good reason"
expect_eq "$(overdue_rows 2026-05-11T09:00)" "$a stage-1 respond 2026-05-08 3" "extended response overdue"
c resolve "$a" --outcome "Decision upheld" --at 2026-05-06T12:00 >/dev/null
expect_eq "$(deadline "$a" stage-1 respond state)" "met" "stage 1 response met"

# --- Stage 2 -------------------------------------------------------------------------------------
# Moved to stage 2 on Wednesday 20 May 2026 (no request time recorded: counts from the move).
# Acknowledge within 5 working days: Thu 21 (1), Fri 22 (2), Mon 25 spring bank holiday
# skipped, Tue 26 (3), Wed 27 (4), Thu 28 (5) -> 2026-05-28.
c escalate "$a" --to stage-2 --reason "not satisfied" --at 2026-05-20T10:00 >/dev/null
expect_eq "$(deadline "$a" stage-2 acknowledge due)" "2026-05-28" "stage 2 acknowledgement"
# Acknowledged Wednesday 27 May. Respond within 20 working days: Thu 28 (1), Fri 29 (2),
# Jun 1-5 (7), 8-12 (12), 15-19 (17), Mon 22 - Wed 24 (20) -> 2026-06-24.
c ack "$a" --at 2026-05-27T09:00 >/dev/null
expect_eq "$(deadline "$a" stage-2 respond due)" "2026-06-24" "stage 2 response"
expect_eq "$(overdue_rows 2026-06-26T09:00)" "$a stage-2 respond 2026-06-24 2" "stage 2 response overdue"

# --- Received at midnight on a bank holiday --------------------------------------------------------
# Received 00:00 on Monday 31 August 2026 (summer bank holiday): Tue 1 September (1), Wed 2,
# Thu 3, Fri 4 (4), Mon 7 (5) -> 2026-09-07.
b=$(new_complaint "Parking permit" 2026-08-31T00:00)
expect_eq "$(deadline "$b" stage-1 acknowledge due)" "2026-09-07" "received on a bank holiday"

# --- Beyond 10 working days with a good reason --------------------------------------------------
# Received Monday 1 June 2026, acknowledged Tuesday 2 June: respond by Wed 3 (1), Thu 4, Fri 5
# (3), Mon 8 - Fri 12 (8), Mon 15 (9), Tue 16 (10) -> 2026-06-16. Extended by 12 working days
# with a good reason: Wed 17 (1), Thu 18, Fri 19 (3), Mon 22 - Fri 26 (8), Mon 29 (9), Tue 30
# (10), Wed 1 July (11), Thu 2 July (12) -> 2026-07-02.
g=$(new_complaint "Care assessment delayed" 2026-06-01T10:00)
c ack "$g" --at 2026-06-02T10:00 >/dev/null
expect_eq "$(deadline "$g" stage-1 respond due)" "2026-06-16" "stage 1 response"
c extend "$g" --milestone respond --for "12 working days" --reason "assessor on leave" \
  --good-reason "the only qualified assessor is on leave until 29 June" --at 2026-06-15T09:00 >/dev/null
expect_eq "$(deadline "$g" stage-1 respond due)" "2026-07-02" "12 working days with a good reason"

# --- A late extension is refused ---------------------------------------------------------------
h=$(new_complaint "Housing benefit" 2026-06-01T10:00)
c ack "$h" --at 2026-06-02T10:00 >/dev/null
expect_exit 2 extend "$h" --milestone respond --for "5 working days" --reason "more time" --at 2026-06-17T09:00
expect_contains "$ERR" "recorded after it was due on 2026-06-16: policy lgsco requires extensions to be agreed before the deadline" \
  "an extension after the deadline is refused"
expect_eq "$(overdue_rows 2026-06-17T10:00 | grep "^$h ")" "$h stage-1 respond 2026-06-16 1" "the deadline stays overdue"

# --- Time limits: 12 months from when the complainant became aware ------------------------------
# The matter ran from January to March 2025: the 12 months from its last day, 31 March 2025,
# ended on 31 March 2026. A complaint on 15 April 2026 is recorded with a warning.
expect_exit 0 add --name "A Resident" --contact "r@example.org" --summary "Roadworks" \
  --occurred 2025-01-01..2025-03-31 --received 2026-04-15T10:00
expect_contains "$ERR" "received 2026-04-15, after policy lgsco's time limit of 12 months from when the matter happened (2025-03-31), which ended 2026-03-31" \
  "a complaint out of time is recorded with a warning"
expect_contains "$(c show "$OUT" --format json | json 'd["occurred"]')" "2025-01-01..2025-03-31" "the range is shown"
# Became aware on 10 January 2026: the complainant's window to go to the Ombudsman is 12 months
# beginning with that day, to 9 January 2027.
k=$(c add --name "A Resident" --contact "r@example.org" --summary "Bins" --occurred 2025-12-01 \
  --known 2026-01-10 --received 2026-02-02T10:00)
c escalate "$k" --to stage-2 --at 2026-03-02T10:00 >/dev/null
expect_eq "$(deadline "$k" stage-2 ombudsman due)" "2027-01-09" "12 months beginning with the day they became aware"
expect_eq "$(deadline "$k" stage-2 ombudsman party)" "complainant" "the Ombudsman window is the complainant's"
