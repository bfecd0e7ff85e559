# SPSO model complaints handling procedure (examples/policies/spso.toml): worked examples
# counted by hand in Scottish working days (no Easter Monday; 2 January is a holiday). The
# stage 1 extension length is unverified, so no expectation depends on it.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2027-12-01T09:00

new_complaint() {
  c add --name "A Citizen" --contact "citizen@example.org" --summary "$1" --received "$2" "${@:3}"
}

c init --policy "$EXAMPLES/policies/spso.toml" >/dev/null

# --- Stage 1 over Christmas and New Year in Scotland ------------------------------------------
# Received Thursday 24 December 2026. Decision within 5 working days: Fri 25 Christmas Day,
# Sat 26, Sun 27, Mon 28 (Boxing Day substitute) skipped; Tue 29 (1), Wed 30 (2), Thu 31 (3);
# Fri 1 January 2027, Sat 2, Sun 3, Mon 4 (2 January substitute) skipped; Tue 5 (4),
# Wed 6 (5) -> 2027-01-06. (In England and Wales it would be Tuesday 5 January.)
a=$(new_complaint "Bin not collected" 2026-12-24T12:00)
expect_eq "$(deadline "$a" frontline decision due)" "2027-01-06" "stage 1 decision over the Scottish New Year"

# Received Thursday 2 April 2026: Good Friday is a holiday, Easter Monday is not (Scotland).
# Mon 6 (1), Tue 7, Wed 8, Thu 9 (4), Fri 10 (5) -> 2026-04-10.
b=$(new_complaint "Pothole" 2026-04-02T09:00)
expect_eq "$(deadline "$b" frontline decision due)" "2026-04-10" "Easter Monday is a working day in Scotland"
expect_eq "$(overdue_rows 2026-04-13T09:00)" "$b frontline decision 2026-04-10 3" "stage 1 decision overdue"

# --- Stage 2 on request -------------------------------------------------------------------------
# Decision given Wednesday 6 January 2027: the complainant then has 2 months to ask for
# stage 2 (a complainant window, never overdue for staff) -> 6 March 2027.
c resolve "$a" --outcome "Collection rearranged" --at 2027-01-06T15:00 >/dev/null
expect_eq "$(deadline "$a" frontline request-stage-2 due)" "2027-03-06" "window to ask for stage 2"
expect_eq "$(deadline "$a" frontline request-stage-2 party)" "complainant" "the window is the complainant's"

# Asked for stage 2 on Friday 8 January 2027. Acknowledge within 3 working days: Mon 11 (1),
# Tue 12 (2), Wed 13 (3) -> 2027-01-13. Respond within 20 working days of receipt at stage 2:
# Jan 11-15 (5), 18-22 (10), 25-29 (15), Feb 1-5 (20) -> 2027-02-05.
c escalate "$a" --requested 2027-01-08T10:00 --at 2027-01-08T10:30 >/dev/null
expect_eq "$(deadline "$a" frontline request-stage-2 state)" "met" "asking for stage 2 meets the window"
expect_eq "$(deadline "$a" investigation acknowledge due)" "2027-01-13" "stage 2 acknowledgement"
expect_eq "$(deadline "$a" investigation respond due)" "2027-02-05" "stage 2 response"
expect_eq "$(overdue_rows 2027-02-08T09:00 | grep "^$a ")" "$a investigation acknowledge 2027-01-13 26
$a investigation respond 2027-02-05 3" "stage 2 deadlines overdue"

# Longer only with a revised time limit given to the complainant: no fixed cap.
c extend "$a" --milestone respond --until 2027-03-31 --reason "revised time limit sent to complainant" \
  --at 2027-02-04T12:00 >/dev/null
expect_eq "$(deadline "$a" investigation respond due)" "2027-03-31" "revised time limit"

# --- Complex complaints start at stage 2 --------------------------------------------------------
# Received Monday 30 November 2026, St Andrew's Day (a Scottish bank holiday): acknowledge in
# 3 working days: Tue 1 (1), Wed 2 (2), Thu 3 (3) December -> 2026-12-03; respond in 20:
# Dec 1-4 (4), 7-11 (9), 14-18 (14), 21-24 (18), [25, 28 holidays], 29 (19), 30 (20) -> 2026-12-30.
x=$(new_complaint "Care package withdrawn" 2026-11-30T10:00 --severity complex)
expect_eq "$(c show "$x" --format json | json 'd["stage"]')" "investigation" "a complex complaint starts at stage 2"
expect_eq "$(deadline "$x" investigation acknowledge due)" "2026-12-03" "complex: acknowledgement"
expect_eq "$(deadline "$x" investigation respond due)" "2026-12-30" "complex: response"

# --- Stage 1 extension: at most 5 more working days, with a reason ----------------------------------
# Received Monday 7 September 2026: decision by Tue 8 (1), Wed 9, Thu 10, Fri 11 (4), Mon 14 (5)
# -> 2026-09-14. Six more working days are refused; five take it to Mon 21 September.
e=$(new_complaint "Library closed early" 2026-09-07T09:00)
expect_eq "$(deadline "$e" frontline decision due)" "2026-09-14" "stage 1 decision"
expect_exit 2 extend "$e" --milestone decision --for "6 working days" --reason "staff away" --at 2026-09-10T09:00
expect_contains "$ERR" "cap of 5 working days for 'decision' (max_extension in policy spso)" "stage 1 extension capped"
c extend "$e" --milestone decision --for "5 working days" --reason "staff away" --at 2026-09-10T09:00 >/dev/null
expect_eq "$(deadline "$e" frontline decision due)" "2026-09-21" "stage 1 decision extended by 5 working days"

# --- A late extension is recorded, and the missed deadline stays missed --------------------------
l=$(new_complaint "Grass not cut" 2026-09-07T09:00)
c extend "$l" --milestone decision --for "2 working days" --reason "contractor" --at 2026-09-15T10:00 >/dev/null
expect_eq "$(deadline "$l" frontline decision due)" "2026-09-14" "a late extension does not move the deadline"
expect_eq "$(deadline_as_of 2026-09-15T12:00 "$l" frontline decision state)" "overdue" "still overdue"
expect_contains "$(c explain "$l")" "recorded after it was due on 2026-09-14: the missed deadline stays" "explain says why"

# --- Asking for stage 2: 6 months of the event or 2 months of the response, whichever is later --
# The event was on 20 August 2026; stage 1 response on 10 September 2026. 2 months of the
# response end on 10 November 2026; 6 months of the event on 20 February 2027: the later applies.
f=$(new_complaint "School transport" 2026-09-07T09:00 --occurred 2026-08-20)
c resolve "$f" --outcome "Route restored" --at 2026-09-10T10:00 >/dev/null
expect_eq "$(deadline "$f" frontline request-stage-2 due)" "2027-02-20" "6 months of the event is later"
expect_contains "$(c explain "$f")" "6 months from known (2026-08-20) ends later, so that applies" "explain names the later limit"
# An event on 1 April 2026: 6 months end 1 October 2026, before the 2 months (10 November).
o=$(new_complaint "Parking fine" 2026-09-07T09:00 --occurred 2026-04-01)
c resolve "$o" --outcome "Fine cancelled" --at 2026-09-10T10:00 >/dev/null
expect_eq "$(deadline "$o" frontline request-stage-2 due)" "2026-11-10" "2 months of the response is later"

# --- Out of time: complain within 6 months ---------------------------------------------------------
expect_exit 0 add --name "A Citizen" --contact "citizen@example.org" --summary "Planning" \
  --occurred 2026-01-05 --received 2026-09-07T09:00
expect_contains "$ERR" "after policy spso's time limit of 6 months from when the matter happened (2026-01-05), which ended 2026-07-05" \
  "a complaint after 6 months is recorded with a warning"
