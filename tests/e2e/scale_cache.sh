#!/bin/bash
# The cache of what each complaint file says (`.cache/readings`, docs/PERFORMANCE.md) never
# gives another answer than the files: every whole-register command answers byte for byte as
# with COMPLAINTS_CACHE=off, before and after an edited (even with its old modified time put
# back), replaced, deleted or git-checked-out file, a policy edit, an earlier --as-of, and a
# damaged, foreign or misplaced cache, which is ignored without a word and made again. The
# cache is private, ignored by git, and safe under concurrent commands and a kill.
source "$(dirname "$0")/lib.sh"
: "${COMPLAINTS_SYNTH:?set COMPLAINTS_SYNTH to the built generator}"
export COMPLAINTS_NOW=2026-11-30T23:59:59Z

"$COMPLAINTS_SYNTH" --count 600 --seed 3 --as-of 2026-11-30 --policies "$EXAMPLES/policies" \
  reg >/dev/null
cd reg
git init -q . && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm start
# Files changed in the last second are not recorded (their times could still repeat): age them.
sleep 1.2
cache=.cache/readings

commands=("list-overdue" "list-overdue --format json --due-within 2wd" "list --format json"
  "list" "remind" "report --format json" "export --format csv --events" "export --format json")
# same_answers WHAT: every command answers as it does reading the files alone, one at a time on
# one core (taskset): complaints are read and worked out on every core the process may use.
same_answers() {
  local i=0 command
  for command in "${commands[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    COMPLAINTS_CACHE=off taskset -c 0 "$COMPLAINTS" $command >"want$i" 2>"want$i.err" || true
    # shellcheck disable=SC2086
    "$COMPLAINTS" $command >"got$i" 2>"got$i.err" || true
    cmp -s "want$i" "got$i" || fail "$1: '$command' answers differently through the cache on every core"
    cmp -s "want$i.err" "got$i.err" || fail "$1: '$command' says something else on stderr: $(cat "got$i.err")"
  done
  rm -f want* got*
}
# files_read [COMMAND...]: how many complaint files a command (list-overdue) opens.
files_read() {
  # LeakSanitizer cannot run under ptrace: in a sanitizer build, the traced run goes without it.
  ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0" strace -f -e trace=openat -o ../trace.txt "$COMPLAINTS" "${@:-list-overdue}" >/dev/null 2>&1
  grep -c 'complaints/[a-z0-9]\{8\}\.toml"' ../trace.txt || true
}

same_answers "the first run, which makes the cache"
[ -f $cache ] || fail "no cache was made"
expect_eq "$(stat -c %a .cache) $(stat -c %a $cache)" "700 600" "modes of the cache folder and file"
[ -z "$(git status --porcelain)" ] || fail "git sees the cache: $(git status --porcelain)"
git check-ignore -q $cache || fail "git does not ignore $cache"
grep -q 'Signature: 8a477f597d28d172789f06886806bc55' .cache/CACHEDIR.TAG ||
  fail "the cache folder is not tagged for backup tools"
same_answers "answered from the cache"
read=$(files_read)
[ "$read" -lt 300 ] || fail "list-overdue read $read of 600 files with a cache in place"
# remind reads each file once, for the deadlines of the open complaints and the retention of
# every one.
read=$(COMPLAINTS_CACHE=off files_read remind)
expect_eq "$read" 600 "complaint files remind opens, without the cache"
# A mistyped --as-of is refused before any complaint is read, by every whole-register command.
rm -f $cache
for command in list list-overdue export report check; do
  expect_exit 2 $command --as-of 2026-11-31
  expect_contains "$ERR" "--as-of" "$command names the flag it refuses"
  read=$(files_read $command --as-of 2026-11-31)
  expect_eq "$read" 0 "complaint files '$command' read before refusing a bad --as-of"
done

# An open complaint named by list-overdue, and one that is finished (resolved or closed).
open_id=$(COMPLAINTS_CACHE=off "$COMPLAINTS" list-overdue --format json | json 'd[0]["id"]')
finished_id=$("$COMPLAINTS" list --format json | json '[c["id"] for c in d if c["status"] != "open"][0]')

# Edited in place to the same size, with its modified time put back.
file=complaints/$open_id.toml
stamp=$(stat -c %y "$file")
python3 - "$file" <<'EOF'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start = text.index('summary = "') + len('summary = "')
with open(path, "r+", encoding="utf-8") as f:
    f.seek(len(text[:start].encode()))
    f.write("Z")
EOF
touch -d "$stamp" "$file"
expect_eq "$(stat -c %y "$file")" "$stamp" "the modified time put back"
same_answers "after an edit in place"
expect_exit 0 list-overdue --format json
expect_contains "$OUT" '"summary": "Z' "the edited summary"

# Replaced by another file (a new inode), as an editor that saves by rename does.
sed 's/^summary = "Z/summary = "Y/' "$file" >replacement && mv replacement "$file"
same_answers "after a replacement"
# Deleted.
rm complaints/"$(ls complaints | sed -n 300p)"
same_answers "after a deletion"

# A finished complaint that git checks out as it was while still open. Let the cache record it
# finished first (a second run, once its file has settled).
expect_exit 0 reopen "$finished_id" --note "asked again" --by sam
git add -A && git -c user.name=t -c user.email=t@example.org commit -qm reopened
expect_exit 0 resolve "$finished_id" --outcome "answered again" --finding not-upheld --by sam
sleep 1.2
same_answers "after reopening and resolving again"
same_answers "with the resolution recorded in the cache"
git checkout -q HEAD -- "complaints/$finished_id.toml"
same_answers "after git checked out the open version"
expect_exit 0 list-overdue --due-within 10y --format json
expect_contains "$OUT" "\"$finished_id\"" "the checked-out open complaint listed"
git checkout -q HEAD~1 -- complaints && same_answers "after checking out the first commit"
git checkout -q HEAD -- complaints

# A policy edit: what "finished" means may change, so nothing is left out on the old word.
sleep 1.2
same_answers "before the policy edit"
echo "# edited" >>policies/twinkles.toml
same_answers "after a policy edit"
# An earlier --as-of: complaints finished later were open then. (Once the edit has settled, the
# cache is marked again under the edited policy, and list-overdue leaves finished ones unread.)
sleep 1.2
"$COMPLAINTS" list-overdue >/dev/null
read=$(files_read)
[ "$read" -lt 300 ] || fail "list-overdue read $read of 600 files after the policy settled"
early=$("$COMPLAINTS" list --format json |
  json '[c["received"][:10] for c in d if c["status"] != "open"][1]')
early_id=$("$COMPLAINTS" list --format json | json '[c["id"] for c in d if c["status"] != "open"][1]')
early=$(date -d "$early + 1 day" +%F)
expect_exit 0 list-overdue --as-of "$early" --due-within 10y
expect_contains "$OUT" "$early_id" "a complaint finished later, open on $early"
commands+=("list-overdue --as-of $early --due-within 10y" "remind --as-of $early"
  "list-overdue --as-of 2025-06-01")
same_answers "as of an earlier day"

# A damaged, foreign or misplaced cache is ignored, silently, and made again (the commands that
# read it differently: skipping finished complaints, and reading every one).
commands=("list-overdue" "list --format json" "export --format csv --events")
sleep 1.2
"$COMPLAINTS" list-overdue >/dev/null
cp $cache ../good
good_size=$(stat -c %s ../good)
damage() { # WHAT COMMAND...: damage the cache with COMMAND, then every answer is the files'
  local what=$1; shift
  cp ../good $cache && chmod 600 $cache
  "$@"
  same_answers "with $what"
  [ -f $cache ] && [ ! -L $cache ] || fail "with $what: no cache was made again"
  expect_eq "$(stat -c '%a %s' $cache)" "600 $good_size" "the cache made again after $what"
}
poke() { printf "$2" | dd of=$cache bs=1 seek="$1" conv=notrunc status=none; }
half=$((good_size / 2))
damage "a cache cut in half" truncate -s $half $cache
damage "an empty cache" truncate -s 0 $cache
damage "a byte changed in a record" poke 200 '\x7f'
damage "a byte changed in the index" poke $((good_size - 100)) '\x01'
damage "a byte changed in the header" poke 3 X
damage "random bytes" sh -c "head -c $good_size /dev/urandom >$cache"
damage "a cache others may read" chmod 644 $cache
damage "a link to another file" sh -c "rm $cache && ln -s ../good $cache"
rm -f $cache && ln -s /dev/zero $cache
same_answers "a cache that is a link to a device"
rm -f $cache
# A cache folder that is a link, or open to others, is not used at all (nor written through).
mv .cache ../elsewhere && ln -s ../elsewhere .cache
same_answers "a cache folder that is a link"
rm .cache && mv ../elsewhere .cache && chmod 755 .cache
same_answers "a cache folder others may open"
[ ! -e $cache ] || fail "a cache was written into a folder others may open"
chmod 700 .cache

# Concurrent readers and writers: every command succeeds, the last answer is the files', and
# no temporary file is left.
export COMPLAINTS_LOCK_WAIT=120 # a loaded machine may hold the lock longer than 5 s
pids=()
for i in 1 2 3 4 5 6; do "$COMPLAINTS" list-overdue >/dev/null 2>"par$i" & pids+=($!); done
for i in 1 2 3; do "$COMPLAINTS" note "$open_id" "call back $i" --by sam >/dev/null 2>"note$i" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid" || fail "a concurrent command failed: $(cat par* note* | head -3)"; done
rm -f par* note*
unset COMPLAINTS_LOCK_WAIT
same_answers "after concurrent commands"
expect_exit 0 show "$open_id"
expect_contains "$OUT" "call back 3" "every concurrent note kept"

# Killed at any moment while making the cache: nothing is left behind, the next answer is right.
for delay in 0.005 0.01 0.02 0.03 0.04 0.05 0.06 0.08 0.1 0.15; do
  rm -f $cache
  "$COMPLAINTS" list-overdue >/dev/null 2>&1 & pid=$!
  sleep $delay; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  leftovers=$(find .cache -name '.readings*')
  [ -z "$leftovers" ] || fail "a killed command left $leftovers"
done
same_answers "after kills"

# Anonymising leaves no copy of the personal data in the cache. The notes above may be less
# than a second old, and so not yet recorded: aged first.
sleep 1.2
"$COMPLAINTS" list-overdue >/dev/null
contact=$("$COMPLAINTS" show "$open_id" --format json | json 'd["contact"]')
[ "$(grep -c "$contact" complaints/*.toml | grep -vc ':0$')" = 1 ] || fail "$contact is in other files too"
grep -qF "$contact" $cache || fail "the cache does not hold $contact: the check below proves nothing"
expect_exit 0 anonymise "$open_id" --by sam
if [ -f $cache ] && grep -qF "$contact" $cache; then fail "the cache still holds $contact after anonymise"; fi
"$COMPLAINTS" list-overdue >/dev/null
if grep -qF "$contact" $cache; then fail "the cache made again holds $contact"; fi

# COMPLAINTS_CACHE takes on or off; anything else is a usage error naming it.
export COMPLAINTS_CACHE=maybe
expect_exit 2 list-overdue
unset COMPLAINTS_CACHE
expect_contains "$ERR" "COMPLAINTS_CACHE" "the error names the variable"
echo "cache: $read of 600 files read with the cache in place"
