# Bounded work for any input (docs/RELIABILITY.md "Bounded work", docs/POLICY.md "Closures"):
# a 27 KB policy of year-long closures passes `policy check`, and every command on a
# one-complaint register under it answers at once (each run under `timeout 5`; the slowest
# time is printed, and should be well under a second). A policy that closes every day for 11
# years is refused with a clear error, not a hang.
source "$(dirname "$0")/lib.sh"
export COMPLAINTS_NOW=2026-03-02T09:00 COMPLAINTS_USER=sam

# Twinkle's procedure (10 working days, idle stages, a month for the complainant) with every
# year from 2000 to 2499 closed but for 31 December: 500 closures, each nearly a year long.
closed_years() { # FIRST LAST LAST_DAY: one closure line per year
  for ((year = $1; year <= $2; year++)); do
    echo "  { from = $year-01-01, to = $year-$3, name = \"closed for $year\" },"
  done
}
with_closures() { # POLICY_FILE CLOSURE_LINES: the policy with those closures in its calendar
  python3 -c '
import sys
text = open(sys.argv[1]).read()
anchor = "due_soon = \"2 working days\"\n"
assert anchor in text
print(text.replace(anchor, anchor + "closures = [\n" + sys.argv[2] + "\n]\n", 1), end="")
' "$1" "$2"
}
with_closures "$EXAMPLES/policies/twinkles.toml" "$(closed_years 2000 2499 12-30)" >year-long.toml
size=$(stat -c %s year-long.toml)
[ "$size" -gt 27000 ] || fail "the policy of year-long closures should be over 27 KB ($size)"

slowest=0
slowest_command=
# timed EXPECTED ARGS...: run the tool under `timeout 5`, expect exit EXPECTED (a hang would be
# 124); stdout in $OUT, stderr in $ERR; keeps the slowest run's time in milliseconds.
timed() {
  local want=$1; shift
  local rc=0 started ended ms
  started=$(date +%s%N)
  timeout 5 "$COMPLAINTS" "$@" >"$WORK/.out" 2>"$WORK/.err" </dev/null || rc=$?
  ended=$(date +%s%N)
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
  [ "$rc" != 124 ] || fail "complaints $*: still working after 5 seconds"
  [ "$rc" == "$want" ] || fail "complaints $*: expected exit $want, got $rc; stderr: $ERR"
  ms=$(((ended - started) / 1000000))
  if ((ms > slowest)); then slowest=$ms; slowest_command="$*"; fi
}

timed 0 policy check year-long.toml
timed 0 init reg --policy "$WORK/year-long.toml"
cd reg
timed 0 add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Closed" \
  --details "The door was shut" --severity minor --received 2026-03-02T08:00
id=$OUT
# Ten working days from Monday 2 March 2026: one a year, each 31 December, from 2026 (2028,
# 2033 and 2034 fall on a weekend).
timed 0 show "$id" --format json
due=$(echo "$OUT" | json "[x['due'] for x in d['deadlines'] if x['milestone']=='acknowledge'][0]")
expect_eq "$due" "2038-12-31" "10 working days, one a year"
timed 0 explain "$id"
expect_contains "$OUT" "closure: closed for 2027" "explain names the closures skipped"
for command in show list list-overdue remind check calendar ids; do
  case $command in
    show) timed 0 show "$id" ;;
    check) timed 0 check ;; # the shipped policy is overdue for review: a warning, exit 0
    calendar) timed 0 calendar --year 2027 ;;
    ids) timed 0 ids ;;
    *) timed 0 "$command" ;;
  esac
done
for format in csv json ics; do timed 0 export --format "$format"; done
for format in text csv json html; do timed 0 report --format "$format"; done
for kind in acknowledgement update; do timed 0 letter "$id" "$kind"; done
timed 0 explain "$id" --format json
timed 0 list-overdue --due-within 3wd --format json
timed 0 policy list
timed 0 policy show twinkles
timed 0 extend "$id" --for "5 working days" --reason "Waiting for the trustees"
timed 0 ack "$id"
timed 0 note "$id" "Called back"
timed 0 assign "$id" "Sam Smith"
timed 0 amend "$id" --summary "Closed all year"
timed 0 pause "$id" --reason "Waiting for the complainant"
timed 0 resume "$id"
timed 0 update "$id"
timed 0 escalate "$id"
timed 0 meeting "$id"
timed 0 resolve "$id" --outcome "Apology sent" --finding upheld --remedy apology-or-explanation
timed 0 letter "$id" outcome
timed 0 refer "$id" --to "CIC Regulator"
timed 0 reopen "$id" --reason "New evidence"
timed 0 close "$id"
timed 0 report
EDITOR=true timed 0 edit "$id"
timed 0 policy repin "$id" --to "$(grep -m1 '^version' policies/*.toml | cut -d'"' -f2)"
timed 0 reopen "$id" --reason "Asked again"
timed 0 withdraw "$id"
echo "slowest command: ${slowest} ms (complaints $slowest_command)"

# Every day closed from 2026 to 2036: no working day within 10 years. `policy check` and `init`
# say so at the closures, and a register whose policy file was replaced by it says so too.
cd "$WORK"
with_closures "$EXAMPLES/policies/twinkles.toml" "$(closed_years 2026 2036 12-31)" >eleven.toml
message="the calendar has no working day from 2026-01-01 to 2037-01-01 ('closed for 2026' and "
message+="the closures after it): deadlines in working days could never be found; leave a "
message+="working day in every 10 years"
timed 3 policy check eleven.toml
expect_contains "$ERR" "eleven.toml:36:12: $message" "policy check names the file and why"
timed 3 init eleven --policy "$WORK/eleven.toml"
expect_contains "$ERR" "$message" "init refuses it"
cp eleven.toml reg/policies/"$(ls reg/policies)"
cd reg
timed 3 show "$id"
expect_contains "$ERR" "$message" "show says why"
timed 3 note "$id" "Not written"
expect_contains "$ERR" "$message" "note says why"
