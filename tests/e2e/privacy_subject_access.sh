# `export --complainant` for a subject access request: every complaint and event of one person
# by name or contact, any case, as text or JSON; near misses named on stderr by ID only.
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

# Subject access: both of Jo's complaints (name, any case), every event; near misses named
# on stderr by ID only.
expect_exit 0 export --complainant "jo bloggs"
expect_contains "$OUT" "2 complaints" "both complaints by name, any case"
expect_contains "$OUT" "Complaint $old, received 2022-05-03" "the first"
expect_contains "$OUT" "Complaint $soon" "the second"
expect_contains "$OUT" "Outcome: Apologised to Jo" "with its events' words"
expect_not_contains "$OUT" "Sam Smith" "no one else's complaint"
expect_contains "$ERR" "left out $open (name is close)" "a near miss by name"
expect_contains "$ERR" "left out $other (named among the people involved)" "a person involved"
expect_not_contains "$ERR" "Sam" "near misses are named by ID, not by whose they are"
out=$(c export --complainant "JO@EXAMPLE.ORG" --format json)
expect_eq "$(json "[x['id'] for x in d['complaints']]" <<<"$out")" "['$old']" "by contact, as JSON"
expect_eq "$(json "d['subject']" <<<"$out")" "JO@EXAMPLE.ORG" "the subject asked about"
expect_exit 2 export --complainant jo --format csv
expect_contains "$ERR" "--complainant: everything about one person, --format text or json" \
  "not as CSV"

