#!/bin/bash
# Rebuilds the two example registers from scratch with the complaints binary ($1, default
# build/complaints). The complaint IDs are random, so the files change each time; the
# committed registers are one such run. Dates are chosen so that, as of 2026-11-23, each
# register has overdue, due-soon, met and closed deadlines to show.
set -euo pipefail
cd "$(dirname "$0")"
bin=$(realpath "${1:-../build/complaints}")
export COMPLAINTS_NOW=2026-11-23T09:00
rm -rf big-bums-register twinkles-register

c() { "$bin" -C big-bums-register "$@"; }
"$bin" init big-bums-register --policy policies/big-bums.toml >/dev/null
# A minor complaint left at stage 1 past its 5 days.
mat=$(c add --name "Priya Shah" --contact "07700 900123" --channel in-person \
  --summary "Changing mat not cleaned between children" --severity minor --category hygiene \
  --received 2026-11-10T10:15 --handler "Sarah Robb")
c note "$mat" --at 2026-11-12T09:00 --by "Sarah Robb" Spoke to the volunteers on duty
# A serious complaint: formal from receipt, 48-hour acknowledgement missed.
door=$(c add --name "Tom Evans" --contact tom.evans@example.org --channel email \
  --summary "Toddler walked out of the hall unnoticed" --severity serious \
  --category safeguarding --received 2026-11-20T15:30 \
  --details "My son was found in the car park at 11:20 on Thursday's session." \
  --occurred "Thursday 19 November 2026, about 11:20" --person "Sarah Robb" \
  --evidence "emails/tom-evans-2026-11-20.eml")
# Resolved locally within 5 days.
snack=$(c add --name "Alex Green" --contact "07700 900456" --channel phone \
  --summary "Snack contained nuts despite allergy notice" --severity minor --category food \
  --received 2026-10-01T11:00 --handler "Sarah Robb")
c resolve "$snack" --at 2026-10-03T16:00 --by "Sarah Robb" --finding upheld \
  --outcome "Apologised; snack list now checked against allergy notices" \
  --remedy apology --remedy explanation --remedy correction-of-error \
  --remedy preventative-action >/dev/null
# Formal, resolved, then an internal review requested; the meeting is overdue.
fees=$(c add --name "Morgan Lee" --contact morgan@example.org --channel email \
  --summary "Charged for sessions that were cancelled" --severity minor --category fees \
  --received 2026-09-01T09:30 --handler "Sarah Robb")
c escalate "$fees" --at 2026-09-08T10:00 --by "Sarah Robb" --reason "Not resolved locally" >/dev/null
c ack "$fees" --at 2026-09-09T12:00 --by "Sarah Robb" >/dev/null
c resolve "$fees" --at 2026-10-01T15:00 --by "Sarah Robb" --finding partly-upheld --outcome "Refund of two sessions offered" \
  --remedy explanation --remedy correction-of-error >/dev/null
c escalate "$fees" --to review --at 2026-10-20T09:00 --requested 2026-10-19T18:00 \
  --by "Sarah Robb" --reason "Complainant asked for an internal review" >/dev/null

t() { "$bin" -C twinkles-register "$@"; }
"$bin" init twinkles-register --policy policies/twinkles.toml >/dev/null
# Not acknowledged within 10 working days.
trip=$(t add --name "Dana Okafor" --contact dana@example.org --channel email \
  --summary "Trip cancelled with one day's notice" --details "The zoo trip was cancelled the day before." \
  --severity minor --category activities --received 2026-11-02T19:45)
# Received last week; acknowledgement due soon.
hoist=$(t add --name "Sam Patel" --contact "07700 900789" --channel in-person \
  --summary "Hoist not available at the swimming session" \
  --details "No hoist at Saturday's session; my daughter could not swim." \
  --severity serious --category accessibility --received 2026-11-18T13:00 --handler "Activities lead")
# Through the board; the complainant's window for the CIC Regulator is open.
staff=$(t add --name "Chris Ward" --contact chris.ward@example.org --channel writing \
  --summary "Staff member spoke rudely to my son" \
  --details "At the 12 September session a staff member shouted at my son." \
  --severity serious --category staff-conduct --received 2026-09-14T10:00)
t ack "$staff" --at 2026-09-16T10:00 --by "Activities lead" >/dev/null
t resolve "$staff" --at 2026-10-05T12:00 --by "Activities lead" --finding upheld \
  --outcome "Apology and staff retraining" --remedy apology-or-explanation --remedy corrective-action >/dev/null
t escalate "$staff" --at 2026-10-12T09:00 --by "Activities lead" --reason "Asked for a board review" >/dev/null
t resolve "$staff" --at 2026-11-02T17:00 --by "Board of Directors" --finding upheld \
  --outcome "Board upheld the outcome; no further action" --remedy apology-or-explanation >/dev/null
# Withdrawn by the complainant.
parking=$(t add --name "Lee Brown" --contact "07700 900321" --channel phone \
  --summary "No parking near the venue" --details "Parking was full at the October session." \
  --severity minor --category venue --received 2026-10-10T10:00)
t withdraw "$parking" --at 2026-10-12T10:00 --reason "Found parking nearby" >/dev/null
echo "made: big-bums-register ($mat $door $snack $fees), twinkles-register ($trip $hoist $staff $parking)"
