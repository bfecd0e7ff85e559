# Everyday manners (issue 14): what a staff member types first works. Filters find in any case
# and a value nothing knows is a usage error with the closest; check suits a git hook; one
# period syntax; who and when an event is recorded; suggestions for mistakes.
# Big Bums policy: local (5 days), formal (acknowledge within 48 hours, resolve within 28 days),
# review. Received Monday 2 March 2026 (Europe/London).
source "$TESTS/e2e/lib.sh"
export COMPLAINTS_NOW=2026-03-04T09:00
c init reg --policy big-bums >/dev/null
cd reg

add() { c add --contact x@example.org --channel email </dev/null "$@" 2>/dev/null; }
a=$(add --name Ann --summary "Door left open" --details "The gate too" --category Premises \
  --received 2026-03-02T10:00)
b=$(add --name Bob --summary "Snack" --category food --severity serious --received 2026-03-02T11:00)

# --- Filters that find ----------------------------------------------------------------------
ids() { json '" ".join(sorted(x["id"] for x in d))'; }
expect_exit 0 list --handler "sarah robb" --format json
expect_eq "$(ids <<<"$OUT")" "$a" "--handler in any case"
expect_exit 0 list --handler COMPLAINTS-CONTACT --format json
expect_eq "$(ids <<<"$OUT")" "$a" "--handler names a role of the policy"
expect_exit 0 list --category premises --format json
expect_eq "$(ids <<<"$OUT")" "$a" "--category in any case"
expect_exit 0 list --stage FORMAL --format json
expect_eq "$(ids <<<"$OUT")" "$b" "--stage in any case"
expect_exit 0 list --search "GATE" --format json
expect_eq "$(ids <<<"$OUT")" "$a" "--search finds text in the details, any case"
expect_exit 0 remind --handler "sarah robb" --due-within 5d
expect_contains "$OUT" "$a" "remind --handler in any case"

# A value nothing in the register or its policy knows: exit 2, the closest named, nothing on
# stdout.
expect_exit 2 list --stage nonsuch
expect_eq "$OUT" "" "list --stage UNKNOWN: nothing on stdout"
expect_contains "$ERR" "--stage: no stage is 'nonsuch'; known stages include:" "names the flag"
expect_contains "$ERR" "local" "names known stages"
expect_exit 2 list --stage fromal
expect_contains "$ERR" "known stages include: formal," "the closest first"
expect_exit 2 remind --handler "sarah robbb"
expect_contains "$ERR" "known handlers include: Sarah Robb" "a crontab's typo is named"
expect_exit 2 list-overdue --stage nonsuch
expect_exit 2 list --category fod
expect_contains "$ERR" "known categories include: food" "a category from the complaints"
# A known value with nothing to show is not a mistake; in a pipe it stays silent.
expect_exit 0 list --stage review
expect_eq "$ERR" "" "empty result in a pipe: silent"
expect_exit 0 remind --handler "sarah robb" --as-of 2026-03-02T10:30
expect_eq "$OUT$ERR" "" "remind with nothing due: silent"
# On a terminal an empty result says so, on stderr.
out=$(script -qec "'$COMPLAINTS' list-overdue --stage review" /dev/null)
expect_contains "$out" "No complaints match" "on a terminal: No complaints match"

# --- One period syntax ------------------------------------------------------------------------
# (--at takes yesterday: see "Who and when" below.)
expect_exit 0 ack "$b" --at yesterday --by sarah
expect_eq "$(c show "$b" --format json | json '[e["at"] for e in d["events"] if e["type"] == "acknowledged"][0]')" \
  "2026-03-03T09:00:00+00:00" "--at yesterday"
expect_exit 0 list-overdue --due-within 2wd
expect_exit 0 extend "$b" --milestone resolve --for 2wd --reason "waiting for the staff rota" \
  --by sarah
expect_exit 0 extend "$b" --milestone resolve --for 2d --reason "one more day" --by sarah
expect_exit 2 extend "$b" --milestone resolve --for 2x --reason "x" --by sarah
expect_contains "$ERR" "--for: bad period '2x': expected a number and a unit: 48h, 5d, 10wd" \
  "the error lists the forms"

# --- Who and when -------------------------------------------------------------------------------
# Without --by or COMPLAINTS_USER: git's user.name in the register, else the login name.
git init -q . && git config user.name "Reg Clerk"
expect_exit 0 note "$a" "called Ann"
expect_eq "$(c show "$a" --format json | json 'd["events"][-1]["by"]')" "Reg Clerk" \
  "--by defaults to git's user.name"
COMPLAINTS_USER=jo expect_exit 0 note "$a" "called again"
expect_eq "$(c show "$a" --format json | json 'd["events"][-1]["by"]')" "jo" "COMPLAINTS_USER first"
# A write as of a moment given on purpose says so, on stderr only.
expect_contains "$ERR" "recorded as of 2026-03-04T09:00:00+00:00 (set by COMPLAINTS_NOW)" \
  "COMPLAINTS_NOW: a write says when it is recorded as of"
expect_exit 0 note "$a" "later" --as-of 2026-03-04T10:00 --by sarah
expect_contains "$ERR" "recorded as of 2026-03-04T10:00:00+00:00 (set by --as-of)" "--as-of"
expect_eq "$OUT" "$a: note at 2026-03-04T10:00:00+00:00" "stdout unchanged"
# --at and --received take today, yesterday, HH:MM and -2d, in the policy's zone.
expect_exit 0 note "$b" "early" --at 08:15 --by sarah
expect_eq "$(c show "$b" --format json | json '[e["at"] for e in d["events"] if e.get("text") == "early"][0]')" \
  "2026-03-04T08:15:00+00:00" "--at HH:MM is today"
c_id=$(add --name Cy --summary "Late" --received -2d)
expect_eq "$(c show "$c_id" --format json | json 'd["received"]')" "2026-03-02T09:00:00+00:00" \
  "--received -2d"
expect_exit 2 note "$b" "x" --at tomorrow --by sarah
expect_contains "$ERR" "today, yesterday, HH:MM (today), -2d" "the error lists the forms"

# --- Mistakes meet suggestions ------------------------------------------------------------------
expect_exit 2 lsit
expect_contains "$ERR" "unknown command 'lsit'; did you mean 'list'?" "lsit: list"
expect_exit 2 list --formt csv
expect_contains "$ERR" "unknown flag '--formt' for 'list'; did you mean '--format'?" "--formt"
expect_contains "$ERR" "Run 'complaints list --help'" "points at the command's own --help"
expect_exit 0 -V
expect_contains "$OUT" "complaints " "-V is --version"

# --- The same words -----------------------------------------------------------------------------
# The resolve --help example works in every shipped policy.
example=$(c resolve --help | sed -n '/^Example:/,$p' | tail -n +2 | sed 's/\\$//' | tr -d '\n')
[[ "$example" == *"complaints resolve k7m2"* ]] || fail "resolve --help example: $example"
for policy in big-bums twinkles housing-ombudsman lgsco spso nhs-england fca-disp eyfs; do
  c init "$WORK/$policy" --policy "$policy" >/dev/null
  id=$(c -C "$WORK/$policy" add --name Jo --contact jo@example.org --channel email \
    --summary "Late reply" --received 2026-03-02T10:00 </dev/null 2>/dev/null)
  words=${example/complaints resolve k7m2/}
  eval "set -- $words"
  expect_exit 0 -C "$WORK/$policy" resolve "$id" "$@"
done
# An event's free text is --note; the older --reason is still read but no longer shown.
expect_exit 0 pause --help
expect_contains "$OUT" "--note" "pause --help shows --note"
expect_not_contains "$OUT" "--reason" "pause --help hides the older name"
expect_exit 0 note "$b" "checked" --by sarah
expect_exit 0 pause "$b" --reason "waiting for Bob" --by sarah
expect_eq "$(c show "$b" --format json | json 'd["events"][-1]["text"]')" "waiting for Bob" \
  "pause --reason still records the text"
expect_exit 0 resume "$b" --note "Bob called back" --by sarah
# show explains the states that are not plain dates.
expect_exit 0 escalate "$a" --by sarah --reason "not resolved locally" --as-of 2026-03-04T11:00
expect_exit 0 show "$a" --as-of 2026-03-04T11:00
expect_contains "$OUT" "(superseded: the stage ended before this was due" \
  "show's legend explains superseded"

echo "ok"
