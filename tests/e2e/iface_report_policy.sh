# `complaints report` names the organisation and the policy versions it covers, warns in every
# format when the policy is overdue for its own review, and keeps each milestone's figures per
# policy version when the versions set different limits.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2026-03-16T09:00

# Twinkle's reviews its policy every 12 months and last did on 5 March 2024: overdue since
# 6 March 2025.
mkdir twinkles && cd twinkles
c init --policy twinkles >/dev/null
for format in text csv json html; do
  expect_exit 0 report --format "$format"
  expect_contains "$OUT" "SEN Activity Days CIC" "report --format $format names the organisation"
  expect_contains "$OUT" "Managing Complaints Policy" "report --format $format names the policy"
  expect_contains "$OUT" "policy twinkles 2024-03-05 is overdue for review: last reviewed 2024-03-05, to be reviewed every 12 months, so due by 2025-03-05" \
    "report --format $format warns that the policy's review is overdue"
  expect_exit 0 report --format "$format" --as-of 2025-03-05T12:00
  expect_not_contains "$OUT" "overdue for review" "report --format $format: not overdue on the day"
done
expect_exit 0 report
expect_contains "$OUT" "Policy: Managing Complaints Policy (twinkles, version 2024-03-05), 0 complaints" "text names the version"
cd ..

# Big Bums, with a newer version of its policy that acknowledges within 24 hours instead of 48.
mkdir big-bums && cd big-bums
c init --policy big-bums >/dev/null
older=$(c add --name "A" --contact "a@example.org" --summary "Older" --severity serious \
  --received 2026-03-02T10:00)
sed -e 's/^version = "2024-03-05"/version = "2026-01-01"/' \
  -e 's/^  within = "48 hours"$/  within = "24 hours"/' \
  policies/big-bums.toml >policies/big-bums-2026.toml
grep -q '"24 hours"' policies/big-bums-2026.toml || fail "test setup: limit not changed"
newer=$(c add --name "B" --contact "b@example.org" --summary "Newer" --severity serious \
  --received 2026-03-09T10:00)
c ack "$older" --at 2026-03-03T16:00 --by sam >/dev/null 2>&1 # 30 hours (limit 48)
c ack "$newer" --at 2026-03-10T06:00 --by sam >/dev/null 2>&1 # 20 hours (limit 24)

expect_exit 0 report
expect_contains "$OUT" "Policies:
  Complaints Procedure (big-bums, version 2026-01-01), 1 complaint (the register's policy)
  Complaints Procedure (big-bums, version 2024-03-05), 1 complaint" "text names both versions"
expect_contains "$OUT" "met in a median of 30 hours from stage start (limit 48), 90th percentile 30 hours, 1 complaint [big-bums 2024-03-05]" "48 hours under the older version"
expect_contains "$OUT" "met in a median of 20 hours from stage start (limit 24), 90th percentile 20 hours, 1 complaint [big-bums 2026-01-01]" "24 hours under the newer one"
c report --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert [(p["version"], p["complaints"], p["current"]) for p in d["policies"]] == \
    [("2026-01-01", 1, True), ("2024-03-05", 1, False)], d["policies"]
acks = [(m["versions"], m["limit"]["count"], m["time"]["median"])
        for m in d["milestones"] if m["milestone"] == "formal/acknowledge"]
assert acks == [(["2024-03-05"], 48, 30), (["2026-01-01"], 24, 20)], acks
resolve = [m["versions"] for m in d["milestones"] if m["milestone"] == "formal/resolve"]
assert resolve == [["2024-03-05", "2026-01-01"]], resolve  # the same 28 days: one figure
' || fail "report --format json: figures per policy version"
