# remind: the cron digest. Silent (stdout and stderr) with exit 0 when nothing is due;
# otherwise grouped by handler, overdue before due soon, with what to do next.
source "$TESTS/e2e/lib.sh"

# An empty register, then one whose only complaint is resolved: nothing at all, exit 0.
c init quiet --policy big-bums >/dev/null
out=$(c -C quiet remind 2>&1; echo "rc=$?")
expect_eq "$out" "rc=0" "remind on an empty register"
id=$(c -C quiet add --name Jo --contact jo@example.org --channel email --summary "Noise" \
  --severity minor --received 2026-01-02T10:00)
c -C quiet resolve "$id" --at 2026-01-03T10:00 --outcome "Sorted" --remedy apology >/dev/null
out=$(c -C quiet remind 2>&1; echo "rc=$?")
expect_eq "$out" "rc=0" "remind with nothing open"
# Due in 5 days is not "due soon" under the policy's 2 days...
id=$(c -C quiet add --name Al --contact al@example.org --channel phone --summary "Late start" \
  --severity minor --received 2026-01-05T08:00)
out=$(c -C quiet remind 2>&1; echo "rc=$?")
expect_eq "$out" "rc=0" "remind with a deadline not yet due soon"
# ... but it is within --due-within 1w.
expect_exit 0 -C quiet remind --due-within 1w
expect_contains "$OUT" "Due soon:" "remind --due-within"
expect_contains "$OUT" "Next: resolve the complaint locally and tell the complainant" "action"

# The fixed register: grouped by handler (alphabetical), overdue before due soon.
source "$TESTS/golden/fixture.sh"
expect_exit 0 remind
expect_eq "$ERR" "" "remind stderr"
expect_contains "$OUT" "1 overdue, 1 due soon." "remind totals"
handlers=$(grep '^== ' <<<"$OUT" | tr '\n' '|')
expect_eq "$handlers" "== Complaints Officer ==|== Sarah Robb ==|" "remind groups (the stage's handler when none is recorded)"
expect_contains "$OUT" "Next: contact the complainant to acknowledge the complaint" "action text"
expect_contains "$OUT" "\\x1b[31mred\\u202e" "control characters shown, not sent"
[[ "$OUT" != *$'\e'* ]] || fail "remind printed a raw escape character"
# --handler narrows it, in any case; a handler with nothing due gets silence; a handler nobody
# knows is a usage error naming the closest (a typo in a crontab must not mean silence).
expect_exit 0 remind --handler "Sarah Robb"
expect_not_contains "$OUT" "Complaints Officer" "remind --handler"
expect_exit 0 remind --handler "sarah robb"
expect_contains "$OUT" "== Sarah Robb ==" "remind --handler in any case"
out=$(c remind --handler "review-panel" 2>&1; echo "rc=$?")
expect_eq "$out" "rc=0" "remind for a handler with nothing due"
expect_exit 2 remind --handler "Nobody"
expect_contains "$ERR" "--handler: no handler is 'Nobody'; known handlers include:" \
  "remind for a handler nobody knows"
# A broken complaint file is not silence: it is reported, and the exit code says so.
echo 'id = ' >complaints/2a1m0009.toml
expect_exit 3 remind --handler "review-panel"
expect_contains "$ERR" "2a1m0009.toml" "remind reports a broken file"
