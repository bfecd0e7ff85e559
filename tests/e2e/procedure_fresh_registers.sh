# A fresh register of each shipped policy passes `complaints check` with nothing to say, except
# a warning the organisation can act on (Twinkle's own procedure is overdue for its own review).
# A published code (review_starts_on_adoption) starts its review cycle on the day of `init`.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2026-11-30T10:00

for policy in housing-ombudsman lgsco spso nhs-england fca-disp eyfs big-bums; do
  c init "$policy" --policy "$policy" >/dev/null
  expect_exit 0 -C "$policy" check
  expect_eq "$OUT$ERR" "" "a fresh $policy register checks clean"
done

# Twinkle's reviews its own procedure every 12 months and last did on 5 March 2024: a warning
# Twinkle's can act on, and the only one. A warning alone exits 0 (`check && git commit`
# still commits); --strict makes it exit 1, for a hook that should stop on it.
c init twinkles --policy twinkles >/dev/null
expect_exit 0 -C twinkles check
expect_eq "$ERR" "complaints: warning: policy twinkles 2024-03-05 is overdue for review: last reviewed 2024-03-05, to be reviewed every 12 months, so due by 2025-03-05" \
  "twinkles: only its own review"
expect_eq "$OUT" "" "twinkles: warnings go to stderr only"
expect_exit 1 -C twinkles check --strict
expect_contains "$ERR" "policy twinkles 2024-03-05 is overdue for review" "--strict: the same warning"
(cd twinkles && git init -q . && git add -A && git -c user.name=t -c user.email=t@example.org \
  commit -qm start) || fail "git commit in the twinkles register"
echo "x" > twinkles/hook-check
(cd twinkles && "$COMPLAINTS" check 2>/dev/null && git add hook-check && \
  git -c user.name=t -c user.email=t@example.org commit -qm "after check") ||
  fail "'complaints check && git commit' commits on a register with only warnings"

# The Housing Ombudsman's Code is dated 1 April 2024, reviewed every 12 months. Adopted on
# 30 November 2026, the register's copy is last reviewed then: due by 30 November 2027.
copy=housing-ombudsman/policies/housing-ombudsman.toml
expect_contains "$(cat "$copy")" "last_reviewed = 2026-11-30" "the adoption day is the review start"
expect_contains "$(cat "$copy")" "(it was last_reviewed = 2024-04-01)" "the code's own date is kept in a comment"
expect_exit 0 -C housing-ombudsman --as-of 2027-11-30T12:00 check
expect_eq "$ERR" "" "not due for review on the anniversary of adoption"
expect_exit 0 -C housing-ombudsman --as-of 2027-12-01T09:00 check
expect_contains "$ERR" "policy housing-ombudsman 2024-04-01 is overdue for review: last reviewed 2026-11-30" \
  "due a year after adoption"
# Adopting by file path works the same way; a policy of the organisation's own is copied as it is.
c init by-path --policy "$EXAMPLES/policies/lgsco.toml" >/dev/null
expect_contains "$(cat by-path/policies/lgsco.toml)" "last_reviewed = 2026-11-30" "adopted by path"
cmp -s twinkles/policies/twinkles.toml "$EXAMPLES/policies/twinkles.toml" || fail "twinkles copied unchanged"
