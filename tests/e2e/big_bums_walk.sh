# Big Bums and Little Bums Ltd, walked end to end: a minor complaint through local resolution,
# the formal stage and the internal review; and a serious complaint that starts at the formal
# stage, whose 48 hours cross the change to summer time.
# Expected dates are worked out by hand from the procedure (examples/policies/big-bums.toml) and
# the UK counting rule (the day of the anchor event is not counted; a day-based period ends at
# the end of its last day, Europe/London).
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg

# --- A minor complaint: stage 1, local resolution -------------------------------------------
# Received Sunday 1 March 2026 at 10:00 GMT. "resolve it locally within 5 days": days 2, 3, 4,
# 5, 6 March are counted, so the deadline is the end of Friday 6 March.
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email \
  --summary "Buggy park blocked" --severity minor --received 2026-03-01T10:00 \
  --as-of 2026-03-01T10:05 </dev/null)
[[ "$id" =~ ^[0-9a-z]+$ ]] || fail "add printed '$id', not an ID"

expect_eq "$(field_as_of 2026-03-02T09:00 "$id" stage)" local "minor complaint starts at local"
expect_eq "$(field_as_of 2026-03-02T09:00 "$id" status)" open "new complaint is open"
expect_eq "$(deadline_as_of 2026-03-02T09:00 "$id" local resolve due)" 2026-03-06 "local resolve due"
expect_eq "$(deadline_as_of 2026-03-02T09:00 "$id" local resolve party)" staff "local resolve party"
expect_eq "$(deadline_as_of 2026-03-02T09:00 "$id" local resolve state)" open \
  "local resolve on 2 March (more than the 2-day warning away)"
# due_soon = "2 days": on 5 March the end of 7 March is past the due date, so it is due soon.
expect_eq "$(deadline_as_of 2026-03-05T12:00 "$id" local resolve state)" due-soon \
  "local resolve on 5 March"

# Not overdue during the last day (6 March), overdue from the first moment of day 6 (7 March).
expect_eq "$(overdue_as_of 2026-03-06T23:59)" "" "list-overdue on the evening of day 5"
expect_eq "$(overdue_as_of 2026-03-06T12:00)" "" "list-overdue during day 5"
expect_eq "$(overdue_as_of 2026-03-07T00:01)" "$id local/resolve 2026-03-06" \
  "list-overdue on day 6"
expect_eq "$(deadline_as_of 2026-03-07T09:00 "$id" local resolve state)" overdue \
  "local resolve on 7 March"

# --- Stage 2: formal complaint, escalated by staff ------------------------------------------
# Escalated Monday 9 March at 10:00 GMT. "contact you within 48 hours to acknowledge": 48
# elapsed hours later, Wednesday 11 March 10:00 GMT. "resolve your complaint within 28 days" of
# the start of the formal stage: 9 March + 28 days = 6 April (22 days left in March, then 6).
out=$(c escalate "$id" --at 2026-03-09T10:00 --by sarah --reason "not resolved locally" \
  --as-of 2026-03-09T10:30)
expect_contains "$out" "now in stage formal" "escalate confirmation"
A=2026-03-09T11:00
expect_eq "$(field_as_of $A "$id" stage)" formal "stage after escalation"
expect_eq "$(field_as_of $A "$id" status)" open "status after escalation"
expect_eq "$(deadline_as_of $A "$id" formal acknowledge due)" 2026-03-11T10:00:00+00:00 \
  "formal acknowledge due (48 hours after the escalation)"
expect_eq "$(deadline_as_of $A "$id" formal resolve due)" 2026-04-06 \
  "formal resolve due (28 days after the escalation)"
expect_eq "$(deadline_as_of $A "$id" local resolve state)" missed \
  "the local deadline passed unmet before the stage ended"
expect_eq "$(overdue_as_of $A)" "" "a missed deadline of a past stage is not listed as overdue"
expect_eq "$(overdue_as_of 2026-03-11T10:30)" "$id formal/acknowledge 2026-03-11T10:00:00+00:00" \
  "unacknowledged 48 hours later"

# Acknowledged Tuesday 10 March 15:00, within the 48 hours.
c ack "$id" --at 2026-03-10T15:00 --by sarah --note "phoned Jo" --as-of 2026-03-10T15:10 >/dev/null
A=2026-03-10T16:00
expect_eq "$(deadline_as_of $A "$id" formal acknowledge state)" met "acknowledge state"
expect_eq "$(deadline_as_of $A "$id" formal acknowledge met_at)" 2026-03-10T15:00:00+00:00 \
  "acknowledge met_at"
expect_eq "$(deadline_as_of $A "$id" formal acknowledge late)" False "acknowledged in time"
expect_eq "$(deadline_as_of $A "$id" formal resolve state)" open "formal resolve still open"

# Resolved Friday 20 March.
c resolve "$id" --at 2026-03-20T12:00 --by sarah --outcome "Apologised; buggy park cleared" \
  --remedy apology --remedy preventative-action --as-of 2026-03-20T12:05 >/dev/null
A=2026-03-20T13:00
expect_eq "$(field_as_of $A "$id" status)" resolved "status after resolve"
expect_eq "$(field_as_of $A "$id" stage)" formal "stage after resolve"
expect_eq "$(deadline_as_of $A "$id" formal resolve state)" met "formal resolve state"
expect_eq "$(deadline_as_of $A "$id" formal resolve met_at)" 2026-03-20T12:00:00+00:00 \
  "formal resolve met_at"

# --- Stage 3: internal review, on the complainant's request ---------------------------------
# Jo asked for an internal review on Wednesday 25 March; staff record it the next day. "A
# meeting will then be arranged within 28 days" of the request: 25 March + 28 days = 22 April
# (6 days left in March, then 22). The date stands although the clocks change on 29 March.
out=$(c escalate "$id" --requested 2026-03-25T09:00 --at 2026-03-26T10:00 --by sarah \
  --reason "not satisfied with the outcome" --as-of 2026-03-26T10:05)
expect_contains "$out" "now in stage review" "escalate after resolution"
A=2026-03-26T11:00
expect_eq "$(field_as_of $A "$id" stage)" review "stage after the request"
expect_eq "$(field_as_of $A "$id" status)" open "a review reopens the complaint"
expect_eq "$(deadline_as_of $A "$id" review meeting due)" 2026-04-22 \
  "review meeting due (28 days after the request, not the recording)"
expect_eq "$(deadline_as_of $A "$id" review meeting state)" open "review meeting state"
expect_eq "$(deadline_as_of $A "$id" formal resolve state)" met "formal resolve stays met"
expect_eq "$(overdue_as_of 2026-04-22T23:59)" "" "review meeting not overdue on its last day"
expect_eq "$(overdue_as_of 2026-04-23T00:01)" "$id review/meeting 2026-04-22" \
  "review meeting overdue the day after"

# The meeting is held on Wednesday 15 April (BST); then the complaint is closed.
c meeting "$id" --at 2026-04-15T14:00 --by sarah --note "met Jo, Sarah Robb and the rep" \
  --as-of 2026-04-15T16:00 >/dev/null
A=2026-04-15T17:00
expect_eq "$(deadline_as_of $A "$id" review meeting state)" met "review meeting state"
expect_eq "$(deadline_as_of $A "$id" review meeting met_at)" 2026-04-15T14:00:00+01:00 \
  "review meeting met_at (summer time)"
c close "$id" --at 2026-04-16T09:00 --reason "review concluded" --as-of 2026-04-16T09:05 >/dev/null
A=2026-05-30T09:00
expect_eq "$(field_as_of $A "$id" status)" closed "status after close"
expect_eq "$(field_as_of $A "$id" stage)" review "stage after close"
expect_eq "$(overdue_as_of $A)" "" "nothing overdue once closed"

# --- A serious complaint starts at the formal stage; its 48 hours cross into summer time ---
# Received Friday 27 March 2026 at 10:00 GMT (= 10:00 UTC). The clocks go forward at 01:00 UTC
# on Sunday 29 March. 48 elapsed hours end at 10:00 UTC on 29 March, which is 11:00 BST.
serious=$(c add --name "Sam Smith" --contact "07700 900123" --channel phone \
  --summary "Child left unattended" --severity serious --received 2026-03-27T10:00 \
  --as-of 2026-03-27T10:30 </dev/null)
A=2026-03-27T11:00
expect_eq "$(field_as_of $A "$serious" stage)" formal "serious complaint starts at formal"
expect_eq "$(c show "$serious" --format json --as-of $A | json "[x['stage'] for x in d['deadlines']]")" \
  "['formal', 'formal']" "a serious complaint has no local deadline"
expect_eq "$(deadline_as_of $A "$serious" formal acknowledge due)" 2026-03-29T11:00:00+01:00 \
  "acknowledge due 48 elapsed hours later, in summer time"
# 28 days after 27 March: 4 days left in March, then 24 April.
expect_eq "$(deadline_as_of $A "$serious" formal resolve due)" 2026-04-24 "formal resolve due"

# --as-of is local time in the policy's zone (not the machine's, TZ=America/Los_Angeles here).
expect_eq "$(overdue_as_of 2026-03-29T10:59 | grep "$serious" || true)" "" \
  "not overdue at 10:59 BST on 29 March"
expect_eq "$(deadline_as_of 2026-03-29T10:59 "$serious" formal acknowledge state)" due-soon \
  "acknowledge due soon at 10:59 BST"
expect_eq "$(overdue_as_of 2026-03-29T11:30 | grep "$serious")" \
  "$serious formal/acknowledge 2026-03-29T11:00:00+01:00" "overdue at 11:30 BST on 29 March"
# An explicit offset means the same instant: 10:30 UTC is 11:30 BST.
expect_eq "$(deadline_as_of 2026-03-29T10:30:00Z "$serious" formal acknowledge state)" overdue \
  "an --as-of with an offset"

echo "ok"
