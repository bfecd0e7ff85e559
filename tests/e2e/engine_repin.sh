# `complaints policy repin ID --to VERSION`: shows the deadline changes; --yes rewrites only the
# complaint's policy_version line.
source "$(dirname "$0")/lib.sh"

c init --policy big-bums >/dev/null
id=$(c add --name "A" --contact "a@example.org" --summary "Serious" --severity serious \
  --received 2026-01-05T09:00)
# A new version of the policy: the formal resolution becomes 10 working days.
sed -e 's/^version = "2024-03-05"/version = "2026-01-01"/' \
  -e 's/^  within = "28 days"\(.*\)$/  within = "10 working days"/' \
  policies/big-bums.toml >policies/big-bums-2026.toml
grep -q '"2026-01-01"' policies/big-bums-2026.toml || fail "test setup: version not changed"
expect_eq "$(c policy list | grep -c big-bums)" "2" "two versions held"
expect_eq "$(deadline "$id" formal resolve due)" "2026-02-02" "28 days under the pinned version"

file=complaints/$id.toml
cp "$file" before.toml
out=$(c policy repin "$id" --to 2026-01-01)
expect_contains "$out" "$id: policy big-bums 2024-03-05 -> 2026-01-01" "what would change"
grep -Eq "^formal/resolve +2026-02-02 open +2026-01-19 open +moved" <<<"$out" ||
  fail "preview should show 2026-02-02 -> 2026-01-19: $out"
grep -Eq "^formal/acknowledge .* unchanged" <<<"$out" || fail "acknowledge unchanged: $out"
cmp -s before.toml "$file" || fail "preview must not change the file"
expect_eq "$(c show "$id" --format json | json "d['policy_version']")" "2024-03-05" "still pinned"

c policy repin "$id" --to 2026-01-01 --yes >/dev/null 2>err.txt
expect_contains "$(cat err.txt)" "now pinned to big-bums 2026-01-01" "confirmation on stderr"
expect_eq "$(c show "$id" --format json | json "d['policy_version']")" "2026-01-01" "repinned"
expect_eq "$(deadline "$id" formal resolve due)" "2026-01-19" "new deadline"
expect_eq "$(diff before.toml "$file" | grep -c '^[<>]')" "2" "exactly one line changed"
expect_eq "$(diff before.toml "$file" | grep '^>')" '> policy_version = "2026-01-01"' "the version line"

expect_exit 0 policy repin "$id" --to 2026-01-01
expect_contains "$ERR" "already pinned" "nothing to do"
expect_exit 4 policy repin "$id" --to 1999-01-01
expect_exit 2 policy repin "$id"
