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
