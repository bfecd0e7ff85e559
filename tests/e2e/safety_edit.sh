# `edit` never saves a file that `check` would reject: the edited copy is read as `check` reads
# a complaint file (its policy version, calendar, state, and the policy's lists), and any error
# leaves the file as it was, exit 3, with the copy removed. (issue 11, point 1)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Door" \
  --severity minor --received 2026-01-02T09:00 </dev/null)
c resolve "$id" --at 2026-01-02T15:00 --outcome "Door fixed" --finding not-upheld \
  --remedy explanation >/dev/null
file=complaints/$id.toml
original=$(cat "$file")

# refused SED WHAT NEEDLE: an edit made by sed is refused with NEEDLE in the message, the file
# is unchanged, no copy is left, and `check` stays clean.
refused() {
  EDITOR="sed -i '$1'" expect_exit 3 edit "$id"
  expect_contains "$ERR" "$3" "$2: the reason"
  expect_contains "$ERR" "nothing was changed; the edit was discarded" "$2: says so"
  [[ "$ERR" =~ $file:[0-9]+:[0-9]+: ]] || fail "$2: expected $file:LINE:COL in: $ERR"
  expect_eq "$(cat "$file")" "$original" "$2: the file is as it was"
  expect_eq "$(ls -A | grep -c '^\.edit-' || true)" 0 "$2: no copy left"
  expect_exit 0 check
}

refused 's/^policy_version = .*/policy_version = "1999-01-01"/' "unknown policy version" \
  "1999-01-01"
refused 's/^severity = .*/severity = "catastrophic"/' "severity outside the policy" \
  "severity 'catastrophic' is not in policy big-bums"
refused 's/"explanation"/"a-free-holiday"/' "remedy outside the policy" \
  "remedy 'a-free-holiday' is not in policy big-bums"
refused 's/"not-upheld"/"vindicated"/' "finding outside the policy" \
  "finding 'vindicated' is not in policy big-bums"
refused 's/^channel = .*/channel = "carrier pigeon"/' "a new unusual channel" \
  "'carrier pigeon' is not one of the usual channels of policy big-bums (phone, email, in-person, writing): 'complaints amend $id --channel NAME' records it as given"
refused 's/^policy = .*/policy = "no-such-policy"/' "unknown policy" "no-such-policy"

# What `check` says of the same files written by hand: errors at their lines (exit 3). An
# unusual channel is recorded as given (as `add` and `amend` do), so `check` is quiet about it;
# `edit` refuses to type one in because only `amend` reads it through the policy's aliases.
cp "$file" "$WORK/saved.toml"
sed -i 's/^severity = .*/severity = "catastrophic"/; s/"explanation"/"a-free-holiday"/' "$file"
expect_exit 3 check
expect_contains "$ERR" "severity 'catastrophic' is not in policy big-bums" "check: severity"
expect_contains "$ERR" "remedy 'a-free-holiday' is not in policy big-bums" "check: remedy"
cp "$WORK/saved.toml" "$file"
sed -i 's/^channel = .*/channel = "carrier pigeon"/' "$file"
expect_exit 0 check

# An unusual channel the file already had does not stop an edit of something else.
EDITOR="sed -i 's/^summary = .*/summary = \"Fire door\"/'" expect_exit 0 edit "$id"
expect_contains "$(cat "$file")" 'summary = "Fire door"' "an edit beside an unusual channel"

# A valid edit still saves.
cp "$WORK/saved.toml" "$file"
EDITOR="sed -i 's/^severity = .*/severity = \"serious\"/'" expect_exit 0 edit "$id"
expect_contains "$OUT" "$id: saved" "a valid edit saves"
expect_exit 0 check
echo "ok"
