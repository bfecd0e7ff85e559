# `anonymise` (one complaint, --dry-run, in any state, again) and retention from the policy
# (`retention`, `anonymise --expired` with its confirmation, `remind`'s mention).
# (docs/PRIVACY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy eyfs >/dev/null
cd reg
export COMPLAINTS_NOW=2026-01-05T09:00 COMPLAINTS_USER=sarah

old=$(c add --name "Jo Bloggs" --contact "jo@example.org" --channel email \
  --summary "Nappy left on" --details "Found at pickup" --person "Lily (age 2)" \
  --received 2022-05-03T10:00)
c resolve "$old" --at 2022-05-20T10:00 --outcome "Apologised to Jo" --finding upheld >/dev/null
soon=$(c add --name "JO BLOGGS" --contact "07700 900123" --channel phone \
  --summary "Late pickup fee" --received 2022-12-01T10:00)
c resolve "$soon" --at 2023-01-20T10:00 --outcome "Fee refunded" --finding upheld >/dev/null
open=$(c add --name "Jo Blogs" --contact "jo.blogs@example.com" --channel email \
  --summary "Open complaint" --received 2026-01-02T10:00)
other=$(c add --name "Sam Smith" --contact "sam@example.org" --channel email \
  --summary "Trip" --person "Jo Bloggs" --received 2026-01-03T10:00)

# Retention: EYFS keeps records 3 years after closure. As of 5 January 2026 the complaint
# resolved on 20 May 2022 is past it; the one resolved on 20 January 2023 ends within a month.
expect_exit 0 retention
expect_eq "$(sed -n 2p <<<"$OUT" | awk '{print $1, $3, $4}')" "$old expired 2025-05-20" "past it"
expect_eq "$(sed -n 3p <<<"$OUT" | awk '{print $1, $3, $4}')" "$soon due-soon 2026-01-20" "soon"
expect_eq "$(wc -l <<<"$OUT")" 3 "open complaints are kept while open"
out=$(c retention --within 1w --format json)
expect_eq "$(json "[(x['id'], x['retention'], x['from_at']) for x in d]" <<<"$out")" \
  "[('$old', 'expired', '2022-05-20T10:00:00+01:00')]" "--within narrows the due-soon ones"
expect_contains "$(c remind)" "Due for anonymisation (past the policy's retention): $old" \
  "remind mentions records due for anonymisation"
expect_eq "$(c remind --as-of 2025-01-05T09:00)" "" "and is silent when none are (nor due)"

# anonymise --expired: asks on a terminal; without one, --yes is required.
expect_exit 0 anonymise --expired --dry-run
expect_eq "$OUT" "$old: would replace with [anonymised]: name, contact, summary, details, people, 1 event" \
  "--dry-run names the fields, not their values"
expect_exit 2 anonymise --expired </dev/null
expect_contains "$ERR" "--expired: 1 complaint is past retention; nothing changed (add --yes" \
  "no terminal, no --yes: nothing changed"
expect_contains "$(cat "complaints/$old.toml")" "Jo Bloggs" "still there"
expect_exit 0 anonymise --expired --yes
expect_contains "$OUT" "$old: anonymised name, contact, summary, details, people, 1 event" \
  "anonymised"
expect_eq "$ERR" "" "not a git register: no reminder about history"
file=$(cat "complaints/$old.toml")
for value in "Jo Bloggs" "jo@example.org" "Nappy" "Found at" "Lily" "Apologised"; do
  expect_not_contains "$file" "$value" "the file keeps no '$value'"
done
expect_contains "$file" 'finding = "upheld"' "the finding stays"
expect_contains "$file" 'type = "anonymised", by = "sarah"' "an event says when and by whom"
expect_contains "$file" "received = 2022-05-03T10:00:00+01:00" "dates stay"
expect_eq "$(c retention --as-of 2026-01-05T09:00 --within 1d)" "" "done: off the list"
expect_exit 0 anonymise "$old"
expect_eq "$OUT" "$old: holds no personal data to anonymise; nothing changed" "twice is harmless"

# One complaint, in any state: an open one, with --dry-run first.
before=$(cat "complaints/$open.toml")
expect_exit 0 anonymise "$open" --dry-run
expect_eq "$OUT" "$open: would replace with [anonymised]: name, contact, summary" "dry run"
expect_eq "$(cat "complaints/$open.toml")" "$before" "--dry-run changes nothing"
expect_exit 2 anonymise "$open" --by ""
expect_contains "$ERR" "--by: say who anonymises" "who is required"
expect_exit 2 anonymise
expect_contains "$ERR" "give the ID of the complaint to anonymise, or --expired" "what to do"
expect_exit 0 anonymise "$open" --at 2026-01-05T08:00
expect_eq "$(field_as_of 2026-01-05T09:00 "$open" status)" "open" "still open"
expect_eq "$(field_as_of 2026-01-05T09:00 "$open" name)" "[anonymised]" "name replaced"
c note "$open" Called back >/dev/null
expect_exit 0 check
