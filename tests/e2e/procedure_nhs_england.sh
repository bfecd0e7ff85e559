# NHS and social services complaints, England (SI 2009/309; examples/policies/nhs-england.toml):
# worked examples counted by hand. A working day is not a Saturday, Sunday, Christmas Day, Good
# Friday or a bank holiday in England and Wales.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-12-01T09:00

new_complaint() {
  c add --name "A Patient" --contact "patient@example.org" --channel writing --summary "$1" --received "$2"
}

c init --policy "$EXAMPLES/policies/nhs-england.toml" >/dev/null

# Received Friday 18 December 2026. Acknowledge no later than 3 working days after the day of
# receipt: Mon 21 (1), Tue 22 (2), Wed 23 (3) -> 2026-12-23.
a=$(new_complaint "Discharge letter" 2026-12-18T16:30)
expect_eq "$(deadline "$a" local acknowledge due)" "2026-12-23" "acknowledgement before Christmas"

# Received Thursday 2 April 2026, before Easter. Good Friday (3 April) and Easter Monday
# (6 April) are not working days: Tue 7 (1), Wed 8 (2), Thu 9 (3) -> 2026-04-09.
b=$(new_complaint "Appointment cancelled" 2026-04-02T11:00)
expect_eq "$(deadline "$b" local acknowledge due)" "2026-04-09" "acknowledgement over Easter"

# Received on Christmas Eve, Thursday 24 December 2026 at 23:59. Fri 25 Christmas Day, Sat,
# Sun, Mon 28 (Boxing Day substitute) are skipped: Tue 29 (1), Wed 30 (2), Thu 31 (3).
c2=$(new_complaint "Late night" 2026-12-24T23:59)
expect_eq "$(deadline "$c2" local acknowledge due)" "2026-12-31" "received at 23:59 on Christmas Eve"

# Received on Good Friday itself, 3 April 2026 at 00:00: day 1 is the first working day after
# it. Mon 6 is Easter Monday: Tue 7 (1), Wed 8 (2), Thu 9 (3) -> 2026-04-09.
d=$(new_complaint "Pharmacy" 2026-04-03T00:00)
expect_eq "$(deadline "$d" local acknowledge due)" "2026-04-09" "received on Good Friday"

# Regulation 14: 6 months beginning with the day of receipt. Received 2 November 2026: day 1 is
# 2 November, so the period ends on 1 May 2027 (not 2 May, as "6 months after" would give).
e=$(new_complaint "Care home fees" 2026-11-02T10:00)
expect_eq "$(deadline "$e" local respond due)" "2027-05-01" "6 months beginning with receipt"
expect_eq "$(deadline "$e" local respond within)" "6 months" "response period"

# The Easter complaint: acknowledged on its last day, response overdue after its 6 months
# (2 April 2026 + 6 months beginning with it -> 1 October 2026), listed with how many days.
c ack "$b" --at 2026-04-09T16:00 >/dev/null
expect_eq "$(deadline "$b" local acknowledge late)" "False" "acknowledged on the last day is on time"
expect_eq "$(deadline "$b" local respond due)" "2026-10-01" "Easter complaint response"
expect_eq "$(overdue_rows 2026-10-05T09:00 | grep "^$b ")" "$b local respond 2026-10-01 4" "response overdue after 6 months"

# An acknowledgement sent after its day is late; before, list-overdue shows it as overdue.
expect_eq "$(overdue_rows 2026-12-24T09:00 | grep "^$a ")" "$a local acknowledge 2026-12-23 1" "acknowledgement overdue"
c ack "$a" --at 2026-12-24T09:30 >/dev/null
expect_eq "$(deadline "$a" local acknowledge late)" "True" "acknowledged a day late"

# --- Regulation 14: the response, or a letter explaining the delay, by the 6-month point ----------
# Received Monday 2 November 2026: due 1 May 2027. A letter explaining the delay on 28 April
# meets it; the response can follow.
c delay-response "$e" --text "The investigation needs records from the trust; we expect to reply by June" \
  --at 2027-04-28T10:00 >/dev/null
expect_eq "$(deadline "$e" local respond state)" "met" "a delay letter meets the 6-month point"
expect_eq "$(deadline "$e" local respond late)" "False" "sent in time"
expect_eq "$(overdue_rows 2027-05-04T09:00 | grep -c "^$e local respond ")" "0" "not overdue after the delay letter"
expect_eq "$(c show "$e" --format json | json 'd["status"]')" "open" "the complaint stays open for the response"

# --- A longer period agreed after the 6 months had passed: recorded, the deadline stays missed ----
c extend "$b" --milestone respond --until 2026-11-30 --reason "agreed with the complainant" \
  --at 2026-10-05T10:00 >/dev/null
expect_eq "$(deadline "$b" local respond due)" "2026-10-01" "a late extension does not move the deadline"
expect_eq "$(overdue_rows 2026-10-06T09:00 | grep "^$b ")" "$b local respond 2026-10-01 5" "still overdue"

# --- Regulation 12: within 12 months of the matter ---------------------------------------------------
expect_exit 0 add --name "A Patient" --contact "patient@example.org" --channel writing --summary "Surgery" \
  --occurred 2025-09-01 --received 2026-11-02T10:00
expect_contains "$ERR" "after policy nhs-england's time limit of 12 months from when the matter happened (2025-09-01), which ended 2026-09-01" \
  "a complaint after 12 months is recorded with a warning"
