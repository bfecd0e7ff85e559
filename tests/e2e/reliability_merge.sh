# git merges: two clones of a register add complaints and record events on the same complaint
# while apart; after `git pull` there are no conflicts, nothing is lost, events read in time
# order and `check` passes. Both clones editing the same intake line is caught by `check`,
# with the line. (docs/FORMAT.md "Merges", docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK # no personal git configuration
g() { git -c init.defaultBranch=main -c commit.gpgsign=false "$@"; }

g init -q --bare origin.git
c init alice --policy big-bums >/dev/null
(cd alice && g init -q && c merge-file --install >/dev/null && g add . && g commit -qm "register" &&
  g remote add origin ../origin.git && g push -q origin main)
cd alice
shared=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email \
  --summary "Shared complaint" --severity minor --received 2026-01-02T09:00 </dev/null)
g add . && g commit -qm "shared complaint" && g push -q origin main
cd ..
umask 022 # as on a typical machine: the clone comes back readable by others
g clone -q origin.git bob
umask 077

# Apart: each clone adds a complaint and records two events on the shared one.
cd alice
a_new=$(c add --name "Alice's complainant" --contact a@example.org --channel phone \
  --summary "Added by Alice" --severity minor </dev/null)
c note "$shared" "Alice called Jo" --by alice --at 2026-01-04T10:00 >/dev/null
c ack "$shared" --by alice --at 2026-01-04T11:00 >/dev/null
g add . && g commit -qm "alice's work" && g push -q origin main
cd ../bob
b_new=$(c add --name "Bob's complainant" --contact b@example.org --channel email \
  --summary "Added by Bob" --severity minor </dev/null)
c note "$shared" "Bob wrote to Jo" --by bob --at 2026-01-03T15:00 >/dev/null
c note "$shared" "Bob filed the letter" --by bob --at 2026-01-05T08:00 >/dev/null
g add . && g commit -qm "bob's work"

out=$(g pull -q --no-rebase origin main 2>&1) || fail "git pull failed: $out"
expect_not_contains "$(cat complaints/*.toml)" "<<<<<<<" "conflict markers"
expect_eq "$(g status --porcelain)" "" "nothing left to resolve after the pull"
expect_exit 0 check
expect_not_contains "$ERR" "error" "check after the merge"
expect_contains "$ERR" "other users of this machine can read it" \
  "check warns that the clone made with umask 022 is readable by others"
expect_contains "$ERR" "this clone does not merge complaint files with 'complaints merge-file'" \
  "check warns that a fresh clone merges by keeping both sides' lines (the fallback used here)"
expect_exit 0 merge-file --install
chmod -R go-rwx .
expect_exit 0 check
expect_eq "$ERR" "" "check once the clone is private"

for id in "$shared" "$a_new" "$b_new"; do expect_exit 0 show "$id"; done
events=$(c show "$shared" --format json |
  json "'\n'.join(e['at'][:16] + ' ' + e['type'] + ' ' + e['by'] for e in d['events'])")
expect_eq "$events" "2026-01-03T15:00 note bob
2026-01-04T10:00 note alice
2026-01-04T11:00 acknowledged alice
2026-01-05T08:00 note bob" "events after the merge, in time order"
g push -q origin main
cd ../alice && g pull -q --no-rebase origin main && expect_exit 0 check
expect_eq "$(c show "$shared" --format json | json 'len(d["events"])')" 4 "events in Alice's clone"

# A complaint that a .gitignore rule hides from git would never be shared: check says so.
hidden=$(c add --name "Hidden" --contact h@example.org --channel email --summary "Ignored" \
  --severity minor </dev/null)
echo "complaints/$hidden.toml" >>.git/info/exclude
expect_exit 3 check
expect_contains "$ERR" "complaints/$hidden.toml:1:1: git ignores this file" "check finds it"
sed -i "/$hidden/d" .git/info/exclude
expect_exit 0 check
g add . && g commit -qm "hidden no more"

# Both clones change the same intake line: the merge driver keeps this clone's value, records
# the other's in the file's conflicts list, and check says where; the complaint still reads.
sed -i 's/^summary = .*/summary = "Alice'"'"'s wording"/' "complaints/$shared.toml"
g commit -qam "alice edits the summary" && g push -q origin main
cd ../bob
sed -i 's/^summary = .*/summary = "Bob'"'"'s wording"/' "complaints/$shared.toml"
c note "$shared" "Bob's note, same merge" --by bob --at 2026-01-05T08:30 >/dev/null
g commit -qam "bob edits the summary"
out=$(g pull -q --no-rebase origin main 2>&1) || fail "git pull failed: $out"
expect_contains "$out" "both clones changed summary" "the driver says what it could not settle"
expect_eq "$(g status --porcelain)" "" "the merge is committed"
line=$(grep -n '{ key = "summary"' "complaints/$shared.toml" | cut -d: -f1)
expect_exit 0 check
expect_contains "$ERR" "complaints/$shared.toml:$line:3: merge conflict: both clones changed summary" \
  "check names the conflict at its line"
expect_contains "$ERR" "the other had Alice's wording" "check shows the other clone's value"
expect_eq "$(c show "$shared" --format json | json 'd["summary"]')" "Bob's wording" \
  "this clone's value is kept"
expect_contains "$(c show "$shared")" "Bob's note, same merge" "events of both sides are kept"
expect_exit 0 note "$shared" "while the conflict waits"
sed -i '/^conflicts = \[/,/^]/d' "complaints/$shared.toml" # settled: Bob's wording stays
expect_exit 0 check
g commit -qam "summary settled" && g push -q origin main
cd ../alice && g pull -q --no-rebase origin main
expect_eq "$(c show "$shared" --format json | json 'd["summary"]')" "Bob's wording" \
  "both clones agree once settled"

# An event line edited on one side (a typo fixed) replaces its old version, not duplicated.
sed -i 's/Alice called Jo/Alice phoned Jo/' "complaints/$shared.toml"
g commit -qam "typo" && g push -q origin main
cd ../bob
c note "$shared" "Bob again" --by bob --at 2026-01-05T08:45 >/dev/null
g commit -qam "bob again"
out=$(g pull -q --no-rebase origin main 2>&1) || fail "git pull failed: $out"
expect_eq "$(grep -c 'Alice .* Jo' "complaints/$shared.toml")" 1 "the edited event once"
expect_contains "$(cat "complaints/$shared.toml")" "Alice phoned Jo" "in its edited form"
expect_exit 0 check
g push -q origin main

# Events that make no sense together once merged: both clones resolve, one withdraws, both
# pause. The union merge keeps every line; the complaint still reads everywhere (the fold is
# total), the first resolution and the first pause count, and check names each event it set
# aside, at its line. (docs/FORMAT.md "Events out of order")
both=$(c add --name "Sam Both" --contact sam@example.org --channel email \
  --summary "Resolved on both sides" --severity minor --received 2026-01-02T12:00 </dev/null)
g add . && g commit -qm "both" && g push -q origin main
cd ../alice && g pull -q --no-rebase origin main
c resolve "$both" --at 2026-01-03T10:00 --by alice --finding upheld --outcome "Apologised" \
  --remedy apology --remedy explanation --remedy correction-of-error >/dev/null
c pause "$both" --at 2026-01-03T11:00 --by alice --reason "Waiting for Sam" >/dev/null
g commit -qam "alice resolves" && g push -q origin main
cd ../bob
c withdraw "$both" --at 2026-01-03T09:30 --by bob --reason "Sam withdrew by phone" >/dev/null
g commit -qam "bob: withdrawn"
out=$(g pull -q --no-rebase origin main 2>&1) || fail "git pull failed: $out"
file=complaints/$both.toml
for command in "show $both" "show $both --format json" "list" "export --events" "explain $both"
do
  expect_exit 0 $command
done
expect_eq "$(c show "$both" --format json | json 'd["status"]')" withdrawn \
  "the withdrawal, first in time, counts"
line=$(grep -n 'type = "resolved"' "$file" | cut -d: -f1)
expect_exit 0 check
expect_contains "$ERR" "$file:$line:3: 'resolved' after the complaint was withdrawn" \
  "check names the resolution it set aside"
expect_contains "$ERR" "(kept in the file, not counted)" "check says what the rule did"
expect_exit 0 reopen "$both" --reason "Sam changed their mind"
expect_exit 2 pause "$both" --reason "twice" --at 2026-01-03T12:00
expect_contains "$ERR" "'paused' after the complaint was withdrawn" "a new event out of order"

# An event dated in the future (a clock set wrong on another machine): not counted until its
# time, and check says so at its line.
sed -i "s/^]$/  { at = 2027-03-01T09:00:00+00:00, type = \"note\", by = \"bob\", text = \"ahead\" },\n]/" \
  "$file"
line=$(grep -n '2027-03-01' "$file" | cut -d: -f1)
expect_exit 0 check
expect_contains "$ERR" "$file:$line:3: 'note' is dated in the future (2027-03-01T09:00:00+00:00): not counted until then" \
  "check names the event dated in the future"
expect_exit 0 show "$both"
