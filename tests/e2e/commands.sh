# The command line as staff and scripts use it: help, exit codes, IDs, dates, list filters,
# finding the register, "now", event rules, edit, pause/resume and extensions.
# Big Bums policy: local resolution within 5 calendar days of receipt (day of receipt not
# counted, due at the end of the fifth day, Europe/London).
source "$TESTS/e2e/lib.sh"
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# --- Help: every command, with an example ------------------------------------------------------
expect_exit 0 --help
commands=$(sed -n '/^Subcommands:/,/^$/p' <<<"$OUT" | awk 'NR > 1 && NF { print $1 }')
[ "$(wc -w <<<"$commands")" -ge 20 ] || fail "too few commands in --help: $commands"
for command in $commands; do
  expect_exit 0 "$command" --help
  expect_contains "$OUT" "Example" "$command --help"
done
expect_exit 2 frobnicate
expect_exit 2

c init reg --policy big-bums >/dev/null
cd reg

# --- add, stdin not a terminal -----------------------------------------------------------------
# Nothing at all to record, with stdin a pipe: no prompt, no waiting for input, exit 2.
rc=0
echo "Jo" | timeout 10 "$COMPLAINTS" add --severity minor --as-of 2026-03-02T10:00 \
  >"$WORK/.out" 2>"$WORK/.err" || rc=$?
expect_eq "$rc" 2 "add with nothing to record and stdin a pipe"
expect_contains "$(cat "$WORK/.err")" "nothing to record" "add says why"
expect_not_contains "$(cat "$WORK/.err")" "name: " "add prompted"
expect_eq "$(ls -A complaints)" "" "nothing written"

add() { c add --contact x@example.org --channel email </dev/null "$@"; }
# Two complaints on Monday 2 March 2026 (same day: their IDs share the three-character day
# prefix), one on Tuesday 10 March.
a=$(add --name "Ann" --summary "Door" --category premises --handler "Sarah Robb" \
  --received 2026-03-02T10:00 --as-of 2026-03-02T10:05)
b=$(add --name "Bob" --summary "Staff" --category staff --handler "Sarah Hall" \
  --received 2026-03-02T11:00 --as-of 2026-03-02T11:05)
d=$(add --name "Dee" --summary "Snacks" --category food --severity serious \
  --received 2026-03-10T09:00 --as-of 2026-03-10T09:05)
expect_eq "${a:0:3}" "${b:0:3}" "same-day IDs share the day prefix"
# The day in an ID is the local day of receipt: 00:30 BST on 1 April is still 31 March in UTC,
# but it is 1 April's complaint, and shares its prefix with one received at noon that day.
early=$(add --name "Early" --summary "x" --received 2026-04-01T00:30 --as-of 2026-04-01T12:00)
noon=$(add --name "Noon" --summary "y" --received 2026-04-01T12:00 --as-of 2026-04-01T12:00)
expect_eq "${early:0:3}" "${noon:0:3}" "ID day prefix is the local day"
rm complaints/"$early".toml complaints/"$noon".toml

# --- IDs: unknown, ambiguous, prefix, suffix ---------------------------------------------------
export COMPLAINTS_NOW=2026-03-11T12:00
expect_exit 4 show zzzzzzzz
expect_contains "$ERR" "zzzzzzzz" "unknown ID named"
expect_exit 4 show "${a:0:3}"
expect_contains "$ERR" "$a" "ambiguous prefix lists candidates"
expect_contains "$ERR" "$b" "ambiguous prefix lists candidates"
expect_eq "$(c show "${a:0:7}" --format json | json "d['id']")" "$a" "an ID prefix"
expect_eq "$(c show "${a:4:4}" --format json | json "d['id']")" "$a" "an ID suffix"
expect_eq "$(c show "${a^^}" --format json | json "d['id']")" "$a" "an ID in capitals"

# --- Dates -------------------------------------------------------------------------------------
expect_exit 2 show "$a" --as-of 2026-02-30
expect_eq "$(wc -l <<<"$ERR")" 1 "bad --as-of: one line, got: $ERR"
expect_contains "$ERR" "2026-02-30" "bad --as-of names the value"
expect_exit 2 list --as-of "2026-03-01 junk"
COMPLAINTS_NOW=tomorrow expect_exit 2 list
expect_contains "$ERR" "COMPLAINTS_NOW" "a bad COMPLAINTS_NOW is named"

# COMPLAINTS_NOW is "now": a complaint added without --received is received then.
e=$(COMPLAINTS_NOW=2026-03-11T09:15 add --name "Eve" --summary "Parking")
expect_eq "$(field_as_of 2026-03-11T12:00 "$e" received)" 2026-03-11T09:15:00+00:00 \
  "COMPLAINTS_NOW as the time of receipt"
c note "$e" "called Eve" >/dev/null
expect_eq "$(c show "$e" --format json | json "d['events'][-1]['at']")" \
  2026-03-11T12:00:00+00:00 "COMPLAINTS_NOW as the time of an event"
# --as-of wins over COMPLAINTS_NOW.
expect_eq "$(deadline_as_of 2026-03-20T09:00 "$e" local resolve state)" overdue "--as-of wins"
# Received 11 March: local resolve due at the end of 16 March.
expect_eq "$(deadline "$e" local resolve state)" open "COMPLAINTS_NOW (11 March) as now"
expect_eq "$(COMPLAINTS_NOW=2026-03-17T00:01 deadline "$e" local resolve state)" overdue \
  "COMPLAINTS_NOW (17 March) as now"

# As of a moment before a complaint was received, it did not exist yet: list, list-overdue
# and export leave it out.
expect_contains "$(c list --format csv)" "$e" "received 11 March: listed on 11 March"
expect_not_contains "$(c list --format csv --as-of 2026-03-11T09:00)" "$e" \
  "not listed as of before its receipt"
expect_not_contains "$(c list-overdue --as-of 2026-03-11T09:00 --due-within 30d)" "$e" \
  "not due as of before its receipt"
expect_not_contains "$(c export --format csv --as-of 2026-03-11T09:00)" "$e" \
  "not exported as of before its receipt"
expect_contains "$(c export --format csv --as-of 2026-03-11T09:15)" "$e" \
  "exported as of the moment of receipt"

# --at in the future is refused.
expect_exit 2 ack "$a" --at 2026-03-12T09:00
expect_contains "$ERR" "future" "--at in the future"
expect_exit 2 add --name F --summary F --received 2026-03-12T09:00 </dev/null
expect_exit 2 escalate "$a" --requested 2026-03-12T09:00
expect_contains "$ERR" "--requested" "a request in the future"

# --- note text that looks like a command --------------------------------------------------------
c note "$a" list --at 2026-03-03T09:00 >/dev/null
expect_eq "$(c show "$a" --format json | json "d['events'][-1]['text']")" list \
  "note text 'list' kept"
c note "$a" called Ann, no answer --at 2026-03-03T09:05 >/dev/null
expect_eq "$(c show "$a" --format json | json "d['events'][-1]['text']")" \
  "called Ann, no answer" "note words joined"

# --- Finding the register -------------------------------------------------------------------------
mkdir -p deep/er
(cd deep/er && expect_eq "$(c show "$a" --format json | json "d['id']")" "$a" "found upward")
(cd "$WORK" && expect_eq "$(c -C reg show "$a" --format json | json "d['id']")" "$a" "-C DIR")
(cd "$WORK" && expect_eq "$(c --register reg list --format json | json "len(d)")" 4 "--register")
(cd "$WORK" && expect_exit 4 list)

# --- Events after close, reopen -------------------------------------------------------------
c resolve "$b" --outcome "Apologised" --remedy apology --at 2026-03-04T10:00 >/dev/null
c close "$b" --reason "done" --at 2026-03-05T10:00 >/dev/null
before=$(cat complaints/"$b".toml)
expect_exit 2 ack "$b" --at 2026-03-06T10:00
expect_contains "$ERR" "reopen" "event after close says to reopen"
expect_eq "$(cat complaints/"$b".toml)" "$before" "a refused event writes nothing"
# Reopened on Monday 9 March, after the first deadline (end of 7 March) had passed. The clock
# restarts at the reopening: 5 days after 9 March is 14 March, so it is not overdue at once.
c reopen "$b" --reason "Bob called again" --at 2026-03-09T11:00 >/dev/null
A=2026-03-09T12:00
expect_eq "$(field_as_of $A "$b" status)" open "reopened"
expect_eq "$(deadline_as_of $A "$b" local resolve due)" 2026-03-14 "deadline after reopening"
expect_eq "$(deadline_as_of $A "$b" local resolve state)" open "not overdue on reopening"
expect_eq "$(overdue_as_of $A | grep "$b" || true)" "" "a reopened complaint is not overdue at once"
c ack "$b" --at 2026-03-09T12:00 >/dev/null
expect_eq "$(c show "$b" --format json | json "d['events'][-1]['type']")" acknowledged \
  "event after reopen"
c resolve "$b" --outcome "Apologised again" --remedy apology --at 2026-03-10T10:00 >/dev/null
c close "$b" --at 2026-03-10T11:00 >/dev/null

# --- list: filters and formats ------------------------------------------------------------------
ids() { c list --format json "$@" | json "' '.join(sorted(x['id'] for x in d))"; }
sorted() { tr ' ' '\n' <<<"$*" | sort | xargs; }
expect_eq "$(ids)" "$(sorted "$a" "$b" "$d" "$e")" "list"
expect_eq "$(ids --open)" "$(sorted "$a" "$d" "$e")" "list --open"
expect_eq "$(ids --closed)" "$b" "list --closed"
expect_eq "$(ids --stage formal)" "$d" "list --stage formal (serious starts there)"
# $a was given to Sarah Robb at intake; $e has no intake handler, so its first stage's handler
# from the policy (the complaints contact, Sarah Robb) holds it.
expect_eq "$(ids --handler "Sarah Robb")" "$(sorted "$a" "$e")" "list --handler"
expect_eq "$(ids --category staff)" "$b" "list --category"
expect_eq "$(ids --from 2026-03-03)" "$(sorted "$d" "$e")" "list --from"
expect_eq "$(ids --to 2026-03-02)" "$(sorted "$a" "$b")" "list --to (inclusive)"
expect_eq "$(ids --from 2026-03-10 --to 2026-03-10)" "$d" "list --from --to one day"
expect_exit 2 list --from 2026-13-01
expect_exit 2 list --format xml
csv=$(c list --format csv --category premises)
expect_eq "$(head -1 <<<"$csv" | cut -d, -f1-4)" "id,received,age_days,status" "csv header"
expect_eq "$(wc -l <<<"$csv")" 2 "csv: header and one row"
# Received Monday 2 March; as of Wednesday 11 March it is 9 days old.
expect_eq "$(sed -n 2p <<<"$csv" | cut -d, -f1-3)" "$a,2026-03-02,9" "csv row with its age"
table=$(c list)
expect_contains "$table" "$a" "table lists the complaint"
expect_contains "$(head -1 <<<"$table")" "AGE" "the table has an AGE column"
expect_contains "$(grep "^$a" <<<"$table")" " 9d " "the age in days"
# --handler matches a role, its title or a name, whatever the case.
expect_eq "$(ids --handler "sarah robb")" "$(sorted "$a" "$e")" "list --handler in any case"
expect_eq "$(ids --handler complaints-contact)" "$(sorted "$a" "$e")" "list --handler a role"
expect_eq "$(ids --handler "complaints officer")" "$d" "list --handler a role's title"
expect_contains "$(c list --format json | json "d[0]['schema']")" 1 "json schema version"

# --- pause and resume -----------------------------------------------------------------------------
# Ann's complaint: received Monday 2 March, local resolve due end of Saturday 7 March.
# Paused Tuesday 3 March 10:00 until Thursday 5 March 10:00: two days, so due 9 March.
expect_eq "$(deadline_as_of 2026-03-03T09:30 "$a" local resolve due)" 2026-03-07 "before pause"
c pause "$a" --reason "waiting for photos from Ann" --at 2026-03-03T10:00 >/dev/null
expect_eq "$(field_as_of 2026-03-04T10:00 "$a" paused)" True "paused"
c resume "$a" --at 2026-03-05T10:00 >/dev/null
expect_eq "$(field_as_of 2026-03-05T11:00 "$a" paused)" False "resumed"
expect_eq "$(deadline_as_of 2026-03-05T11:00 "$a" local resolve due)" 2026-03-09 \
  "two paused days added"
expect_exit 2 resume "$a" --at 2026-03-05T12:00
expect_exit 2 pause "$a" --at 2026-03-05T12:00

# --- extend -----------------------------------------------------------------------------------------
expect_exit 2 extend "$a" --for "3 days" --at 2026-03-06T09:00
expect_exit 2 extend "$a" --reason "r" --at 2026-03-06T09:00
expect_exit 2 extend "$a" --reason "r" --for "3 fortnights" --at 2026-03-06T09:00
# 9 March + 3 days = 12 March.
c extend "$a" --for "3 days" --reason "Ann is away" --at 2026-03-06T09:00 >/dev/null
expect_eq "$(deadline_as_of 2026-03-06T10:00 "$a" local resolve due)" 2026-03-12 "extend --for"
c extend "$a" --milestone resolve --until 2026-03-20 --reason "waiting for the landlord" \
  --at 2026-03-06T09:30 >/dev/null
expect_eq "$(deadline_as_of 2026-03-06T10:00 "$a" local resolve due)" 2026-03-20 "extend --until"
expect_eq "$(deadline_as_of 2026-03-21T00:01 "$a" local resolve state)" overdue \
  "overdue after the extended date"
expect_exit 2 extend "$a" --milestone meeting --for "1 day" --reason r --at 2026-03-06T09:40

# --- edit -------------------------------------------------------------------------------------------
file=complaints/$a.toml
original=$(cat "$file")
EDITOR=true expect_exit 0 edit "$a"
expect_contains "$ERR" "unchanged" "unchanged edit"
expect_eq "$(cat "$file")" "$original" "unchanged edit leaves the file"

# The editor command is run by the shell, as git does, so it may carry arguments.
EDITOR="sed -i 's/^summary = \"Door\"/summary = \"Fire door\"/'" expect_exit 0 edit "$a"
expect_eq "$(c show "$a" --format json | json "d['summary']")" "Fire door" "valid edit saved"
expect_eq "$(ls -A "$TMPDIR")" "" "nothing written to the temporary folder"
expect_eq "$(ls -A | grep -c '^\.edit-' || true)" 0 "no copy left after a saved edit"
edited=$(cat "$file")

# The copy of a refused edit is removed too: it holds personal data (reliability_rewrite).
EDITOR="sed -i 's/^summary = .*/summary = \"unterminated/'" expect_exit 3 edit "$a"
line=$(grep -n '^summary' "$file" | cut -d: -f1)
[[ "$ERR" =~ :$line:[0-9]+: ]] || fail "bad edit: expected FILE:$line:COL in: $ERR"
expect_eq "$(cat "$file")" "$edited" "invalid edit leaves the file as it was"
expect_contains "$ERR" "nothing was changed; the edit was discarded" "the message says so"
expect_eq "$(ls -A | grep -c '^\.edit-' || true)" 0 "no copy left after an invalid edit"

# An edit that parses but makes no sense (received after its own events) is refused too.
EDITOR="sed -i 's/^received = .*/received = 2026-03-20T10:00:00Z/'" expect_exit 3 edit "$a"
expect_contains "$ERR" "before the complaint was received" "nonsense edit explained"
expect_eq "$(cat "$file")" "$edited" "nonsense edit leaves the file"

echo "ok"
