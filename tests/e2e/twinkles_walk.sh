# Twinkle's SEN Activity Days CIC, walked end to end: intake rules, a complaint received just
# before Easter, its resolution with the policy's remedies, the Board of Directors review and
# the complainant's one-month window to go to the CIC Regulator.
# Expected dates are worked out by hand from the policy (examples/policies/twinkles.toml) and
# the UK rules: the day of receipt is not counted; England and Wales bank holidays.
source "$TESTS/e2e/lib.sh"

c init reg --policy twinkles >/dev/null
cd reg

# --- Intake rules ----------------------------------------------------------------------------
# 4.1 says complaints "should include" name, contact information and details, and 4.2 records
# every complaint: one without them is recorded, and each gap is named as a task to chase.
expect_exit 0 add --summary "Noisy hall" --channel email --as-of 2026-04-02T16:00 </dev/null
gapped=$OUT
expect_contains "$ERR" "no name for the complainant yet" "missing name named"
expect_contains "$ERR" "no contact details yet" "missing contact named"
expect_contains "$ERR" "complaints amend $gapped --contact" "how to fill a gap"
expect_contains "$(c show "$gapped" --as-of 2026-04-02T16:30)" "Staff:       no contact details yet" \
  "show lists the gap as a task"
expect_eq "$(c show "$gapped" --format json --as-of 2026-04-02T16:30 | json "d['gaps']")" \
  "['name', 'contact', 'details']" "gaps in JSON"
expect_exit 0 check --as-of 2026-04-02T16:30 # the policy's annual review is overdue: a warning
expect_contains "$ERR" "1 open complaint with details to chase" "check counts the gaps"
# A contact given later fills the gap: only that line changes, and the change is logged.
before=$(cat "complaints/$gapped.toml")
expect_exit 0 amend "$gapped" --contact "01632 960000" --name "Sam Parent" --by sam \
  --as-of 2026-04-03T09:00
expect_eq "$(c show "$gapped" --format json --as-of 2026-04-03T09:00 | json "d['gaps']")" \
  "['details']" "amend filled two gaps"
expect_eq "$(diff <(echo "$before") "complaints/$gapped.toml" | grep -c '^>')" 3 \
  "amend added two intake lines and one event line"
rm "complaints/$gapped.toml"
# 4.1 channels: in person, verbally, in writing, by email. A phone call is a verbal complaint and
# a letter one in writing (aliases); a fax is not one of them, and is recorded all the same.
by_phone=$(c add --name "Alex Doe" --contact alex@example.org --channel phone \
  --details "The hall was too noisy" --as-of 2026-04-02T16:00 </dev/null)
expect_eq "$(c show "$by_phone" --format json --as-of 2026-04-02T16:00 | json "d['channel']")" \
  verbal "phone is verbal"
expect_exit 0 add --name "Alex Doe" --contact alex@example.org --channel fax \
  --details "The hall was too noisy" --as-of 2026-04-02T16:00 </dev/null
expect_contains "$ERR" "'fax' is not one of the usual channels" "an unusual channel is named"
expect_contains "$ERR" "in-person" "the usual channels are listed"
rm complaints/*.toml

# --- A complaint received just before Easter --------------------------------------------------
# Received Thursday 2 April 2026 at 16:00 BST. 4.2 "acknowledge receipt promptly, usually within
# 10 working days". Receipt day not counted. Fri 3 April is Good Friday and Mon 6 April Easter
# Monday (bank holidays in England and Wales), 4-5 April a weekend. Working days:
#   1 Tue 7, 2 Wed 8, 3 Thu 9, 4 Fri 10, 5 Mon 13, 6 Tue 14, 7 Wed 15, 8 Thu 16, 9 Fri 17,
#   10 Mon 20 April.
# So the acknowledgement is due by the end of Monday 20 April 2026 (Friday 17 April is only
# the ninth working day).
id=$(c add --name "Alex Doe" --contact alex@example.org --channel email \
  --summary "Noisy hall" --details "The hall was too noisy for my son on 28 March" \
  --occurred "2026-03-28 morning session" --person "session leader" --category activities \
  --received 2026-04-02T16:00 --as-of 2026-04-02T16:30 </dev/null)
[[ "$id" =~ ^[0-9a-z]+$ ]] || fail "add printed '$id', not an ID"
A=2026-04-02T17:00
expect_eq "$(field_as_of $A "$id" stage)" investigation "first stage"
expect_eq "$(field_as_of $A "$id" policy)" twinkles "policy pinned"
expect_eq "$(field_as_of $A "$id" policy_version)" 2024-03-05 "policy version pinned"
expect_eq "$(deadline_as_of $A "$id" investigation acknowledge due)" 2026-04-20 \
  "acknowledge due 10 working days after receipt, skipping Easter"
expect_eq "$(deadline_as_of $A "$id" investigation acknowledge state)" open "acknowledge state"
# due_soon = "2 working days": on Friday 17 April two working days reach Tuesday 21 April.
expect_eq "$(deadline_as_of 2026-04-17T09:00 "$id" investigation acknowledge state)" due-soon \
  "acknowledge due soon on 17 April"
expect_eq "$(overdue_as_of 2026-04-20T23:59)" "" "not overdue on the tenth working day"
expect_eq "$(overdue_as_of 2026-04-21T00:01)" "$id investigation/acknowledge 2026-04-20" \
  "overdue the day after the tenth working day"

# Acknowledged Thursday 16 April, in time.
c ack "$id" --at 2026-04-16T11:00 --by kim --note "emailed Alex" --as-of 2026-04-16T11:05 >/dev/null
A=2026-04-16T12:00
expect_eq "$(deadline_as_of $A "$id" investigation acknowledge state)" met "acknowledge met"
expect_eq "$(deadline_as_of $A "$id" investigation acknowledge met_at)" \
  2026-04-16T11:00:00+01:00 "acknowledge met_at"
expect_eq "$(overdue_as_of 2026-04-21T09:00)" "" "nothing overdue once acknowledged"

# 4.3 remedies: a remedy the policy does not name is refused, and nothing is recorded.
before=$(cat complaints/"$id".toml)
expect_exit 2 resolve "$id" --at 2026-04-24T10:00 --outcome "Refund" --remedy refund \
  --as-of 2026-04-24T10:05
expect_contains "$ERR" "refund" "the rejected remedy is named"
expect_contains "$ERR" "apology-or-explanation" "the policy's remedies are listed"
expect_eq "$(cat complaints/"$id".toml)" "$before" "a rejected resolve writes nothing"
c resolve "$id" --at 2026-04-24T10:00 --by kim --outcome "Quiet room arranged; apologised" \
  --remedy apology-or-explanation --remedy corrective-action --as-of 2026-04-24T10:05 >/dev/null
A=2026-04-24T11:00
expect_eq "$(field_as_of $A "$id" status)" resolved "status after resolve"
expect_eq "$(c show "$id" --format json --as-of $A |
  json "[e['remedies'] for e in d['events'] if e['type']=='resolved'][0]")" \
  "['apology-or-explanation', 'corrective-action']" "remedies recorded"

# --- 4.4 the Board of Directors review, on the complainant's request --------------------------
c escalate "$id" --requested 2026-04-28T09:00 --at 2026-04-28T14:00 --by kim \
  --reason "not satisfied with the proposed resolution" --as-of 2026-04-28T14:05 >/dev/null
A=2026-04-28T15:00
expect_eq "$(field_as_of $A "$id" stage)" board "stage after the request"
expect_eq "$(field_as_of $A "$id" status)" open "open while the board reviews"
# The Regulator window counts from the board's outcome: there is none yet.
expect_eq "$(c show "$id" --format json --as-of $A |
  json "[x for x in d['deadlines'] if x['milestone']=='regulator']")" "[]" \
  "no Regulator window before the board's outcome"

# The board's outcome is sent on Friday 29 May 2026. "within one month of receiving the outcome
# from the appeal": the corresponding date one month later is Monday 29 June, so the window
# closes at the end of 29 June 2026.
c resolve "$id" --at 2026-05-29T15:00 --by board --outcome "Board upheld the resolution" \
  --remedy apology-or-explanation --as-of 2026-05-29T15:05 >/dev/null
A=2026-05-29T16:00
expect_eq "$(field_as_of $A "$id" status)" resolved "status after the board's outcome"
expect_eq "$(deadline_as_of $A "$id" board regulator party)" complainant "Regulator window party"
expect_eq "$(deadline_as_of $A "$id" board regulator due)" 2026-06-29 \
  "Regulator window one month after the board's outcome"
expect_eq "$(deadline_as_of $A "$id" board regulator state)" open "window open"
expect_eq "$(deadline_as_of 2026-06-29T23:59 "$id" board regulator state)" open \
  "window open on its last day"
expect_eq "$(deadline_as_of 2026-06-30T00:01 "$id" board regulator state)" lapsed \
  "window lapsed the day after"
# A complainant's window is never a staff deadline: never listed as overdue or due soon.
for when in 2026-06-28T09:00 2026-06-30T00:01 2026-09-01T09:00; do
  expect_eq "$(overdue_as_of $when)" "" "list-overdue as of $when"
  expect_eq "$(c list-overdue --due-within 2m --format json --as-of $when)" "[]" \
    "list-overdue --due-within as of $when"
done

# The complainant went to the Regulator on 20 June: the window is met.
c refer "$id" --to "CIC Regulator" --at 2026-06-20T10:00 --note "ref 123" \
  --as-of 2026-07-01T09:00 >/dev/null
A=2026-07-01T10:00
expect_eq "$(deadline_as_of $A "$id" board regulator state)" met "window met by the referral"
expect_eq "$(deadline_as_of $A "$id" board regulator met_at)" 2026-06-20T10:00:00+01:00 \
  "referral time"
expect_eq "$(c show "$id" --format json --as-of $A |
  json "[e['body'] for e in d['events'] if e['type']=='referred'][0]")" "CIC Regulator" \
  "the outside body is recorded"

echo "ok"
