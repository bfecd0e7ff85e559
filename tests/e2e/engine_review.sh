# A policy overdue for review (Twinkle's reviews annually; last reviewed 5 March 2024) is
# reported with its review date.
source "$(dirname "$0")/lib.sh"

c init --policy twinkles >/dev/null
expect_exit 0 policy show twinkles --as-of 2025-03-05
expect_contains "$OUT" "Review: last reviewed 2024-03-05, every 12 months, next due by 2025-03-05" "review line"
expect_eq "$ERR" "" "not overdue on the review date itself"
expect_exit 0 policy show twinkles --as-of 2025-03-06
expect_contains "$ERR" "warning: policy twinkles 2024-03-05 is overdue for review" "overdue the day after"
