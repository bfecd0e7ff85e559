# FCA DISP 1 (examples/policies/fca-disp.toml): worked examples counted by hand. Business days
# exclude weekends and England and Wales bank holidays (Christmas Day and Good Friday included).
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-12-01T09:00

new_complaint() {
  c add --name "A Customer" --contact "customer@example.org" --summary "$1" --received "$2" "${@:3}"
}

c init --policy fca-disp >/dev/null

# --- Final response by the end of 8 weeks after receipt --------------------------------------------
# Received Monday 2 March 2026: 8 weeks = 56 days, the day of receipt not counted -> Monday
# 27 April 2026 (Easter in between changes nothing: these are calendar weeks).
a=$(new_complaint "Charges on account" 2026-03-02T14:00 --category general)
expect_eq "$(deadline "$a" complaint final-response due)" "2026-04-27" "8 weeks from 2 March"
# Received Friday 18 December 2026 -> Friday 12 February 2027.
b=$(new_complaint "Card declined abroad" 2026-12-18T09:00)
expect_eq "$(deadline "$b" complaint final-response due)" "2027-02-12" "8 weeks over Christmas"
expect_eq "$(overdue_rows 2026-04-28T09:00 | grep "^$a ")" "$a complaint final-response 2026-04-27 1" "final response overdue"

# The complainant has 6 months from the final response to go to the Financial Ombudsman: a
# window shown on the complaint, never listed as overdue. Final response 20 April 2026 ->
# 20 October 2026.
c resolve "$a" --outcome "Charges refunded" --remedy redress --at 2026-04-20T10:00 >/dev/null
expect_eq "$(deadline "$a" complaint ombudsman due)" "2026-10-20" "Financial Ombudsman window"
expect_eq "$(deadline "$a" complaint ombudsman party)" "complainant" "the window is the complainant's"
expect_eq "$(COMPLAINTS_NOW=2026-10-21T09:00 deadline "$a" complaint ombudsman state)" "lapsed" "window lapsed"
expect_eq "$(overdue_rows 2026-10-21T09:00 | grep -c "^$a ")" "0" "a lapsed window is not staff overdue"

# --- Summary resolution communication (no milestone: see the policy's comments) -----------------
# Resolved by the third business day: closed with an SRC, recorded as a remedy.
s=$(new_complaint "Statement address" 2026-04-02T10:00)
c resolve "$s" --outcome "Address corrected" --remedy summary-resolution --at 2026-04-09T16:00 >/dev/null
expect_eq "$(c show "$s" --format json | json 'd["status"]')" "resolved" "SRC recorded"

# --- Payment services: 15 business days, exceptionally 35 -----------------------------------------
# Received Thursday 2 April 2026. Fri 3 Good Friday, Mon 6 Easter Monday skipped: Tue 7 (1),
# Wed 8, Thu 9, Fri 10 (4), Mon 13 - Fri 17 (9), Mon 20 - Fri 24 (14), Mon 27 (15)
# -> 2026-04-27.
p=$(new_complaint "Payment not received" 2026-04-02T11:00 --category payment-services)
expect_eq "$(c show "$p" --format json | json 'd["stage"]')" "payment-services" "payment services complaints start at their own stage"
expect_eq "$(deadline "$p" payment-services final-response due)" "2026-04-27" "15 business days"
expect_eq "$(overdue_rows 2026-04-28T09:00 | grep "^$p ")" "$p payment-services final-response 2026-04-27 1" "15 business days passed"

# Holding reply by day 15: extended by 20 business days, to 35 after receipt: Tue 28 (16),
# Wed 29, Thu 30 (18), Fri 1 May (19), [Mon 4 May bank holiday], Tue 5 - Fri 8 (23),
# Mon 11 - Fri 15 (28), Mon 18 - Fri 22 (33), [Mon 25 spring bank holiday], Tue 26 (34),
# Wed 27 (35) -> 2026-05-27.
c extend "$p" --milestone final-response --for "20 business days" \
  --reason "holding reply sent: waiting for the receiving bank" --at 2026-04-24T15:00 >/dev/null
expect_eq "$(deadline "$p" payment-services final-response due)" "2026-05-27" "35 business days with a holding reply"
expect_exit 2 extend "$p" --milestone final-response --for "1 business day" --reason "more" --at 2026-04-27T10:00
expect_contains "$ERR" "cap of 20 working days" "no more than 35 business days in all"
expect_eq "$(overdue_rows 2026-05-28T09:00 | grep "^$p ")" "$p payment-services final-response 2026-05-27 1" "35 business days passed"

# --- DISP 1.6.2R: a written delay response by the end of 8 weeks meets the deadline -----------------
c delay-response "$b" --text "We need the card scheme's records; you may refer to the Financial Ombudsman now" \
  --at 2027-02-10T10:00 >/dev/null
expect_eq "$(deadline "$b" complaint final-response state)" "met" "a delay response meets the 8 weeks"
expect_eq "$(overdue_rows 2027-02-15T09:00 | grep -c "^$b ")" "0" "not overdue after a delay response"

# --- No extension after the deadline ---------------------------------------------------------------
# Received Monday 2 March 2026: 8 weeks end Monday 27 April. An extension a week later is refused.
w=$(new_complaint "Mortgage arrears" 2026-03-02T09:00)
expect_exit 2 extend "$w" --milestone final-response --for "2 weeks" --reason "more time" --at 2026-05-04T09:00
expect_contains "$ERR" "recorded after it was due on 2026-04-27: policy fca-disp requires extensions to be agreed before the deadline" \
  "a late extension is refused"
# Payment services: the holding reply's extension must be recorded by day 15 (27 April 2026).
q=$(new_complaint "Transfer lost" 2026-04-02T11:00 --category payment-services)
expect_exit 2 extend "$q" --milestone final-response --for "20 business days" --reason "holding reply sent" \
  --at 2026-04-28T10:00
expect_contains "$ERR" "recorded after it was due on 2026-04-27" "a holding reply after day 15 is refused"

# --- DISP 2.8.2R: 6 years (72 months) from the event -------------------------------------------------------------
expect_exit 0 add --name "A Customer" --contact "customer@example.org" --summary "Mis-sold policy" \
  --occurred 2019-05-01 --received 2026-03-02T09:00
expect_contains "$ERR" "after policy fca-disp's time limit of 72 months from when the matter happened (2019-05-01), which ended 2025-05-01" \
  "a complaint after 6 years is recorded with a warning"
expect_exit 0 add --name "A Customer" --contact "customer@example.org" --summary "Pension transfer" \
  --occurred 2019-05-01 --known 2024-01-10 --received 2026-03-02T09:00
expect_eq "$(grep -v "recorded as of" <<<"$ERR")" "" "3 years from becoming aware end later than 6 years from the event: no warning"
expect_exit 0 add --name "A Customer" --contact "customer@example.org" --summary "Endowment" \
  --occurred 2019-05-01 --known 2021-06-01 --received 2026-03-02T09:00
expect_contains "$ERR" "time limit of 72 months from when the matter happened (2019-05-01), which ended 2025-05-01" \
  "aware 2021: 3 years from then ended before 6 years from the event, so the 6 years decide"

# --- Dates given later: amend --occurred and --known count as add's do -------------------------------
late=$(new_complaint "Annuity rate" 2026-03-02T09:00)
expect_exit 0 amend "$late" --occurred "2019-04-01..2019-04-30" --at 2026-03-03T09:00
expect_contains "$OUT" "$late: amended occurred_on, occurred_until" "the range is recorded as dates"
expect_contains "$ERR" "time limit of 72 months from when the matter happened (2019-04-30), which ended 2025-04-30" \
  "a date given later puts the complaint out of time: a warning, as in add"
expect_exit 0 amend "$late" --known 2024-01-10 --at 2026-03-03T09:05
expect_eq "$(grep -v "recorded as of" <<<"$ERR")" "" "aware in 2024: in time"
expect_exit 0 show "$late" --format json
expect_contains "$OUT" '"occurred": "2019-04-01..2019-04-30; became known 2024-01-10"' \
  "show holds the range and the day it became known"
expect_exit 2 amend "$late" --known "last spring"
expect_contains "$ERR" "--known:" "a known date must be a date"
