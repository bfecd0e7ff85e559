# 50 parallel `add` and 50 parallel `note` on one complaint: every complaint and every note is
# there afterwards and `check` passes. A lock held by someone else: a clear message, exit 6,
# nothing changed. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
export COMPLAINTS_LOCK_WAIT=120 # a loaded test machine must not turn waiting into failure
shared=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email \
  --summary "Shared complaint" --severity minor </dev/null)

pids=()
for i in $(seq 1 50); do
  c add --name "Person $i" --contact "p$i@example.org" --channel email \
    --summary "Parallel complaint $i" --severity minor </dev/null >"$WORK/add.$i" 2>&1 &
  pids+=($!)
  c note "$shared" "parallel note $i" --by "staff$i" >"$WORK/note.$i" 2>&1 &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
[ "$failed" == 0 ] || fail "$failed of 100 parallel commands failed: $(cat "$WORK"/add.* "$WORK"/note.* | grep -v '^[0-9a-z]*$' | head -5)"

expect_exit 0 check
expect_eq "$ERR" "" "check after the parallel run"
expect_eq "$(ls complaints/*.toml | wc -l)" 51 "complaint files"
listed=$(c list --format json | json "'\n'.join(sorted(x['summary'] for x in d))")$'\n'
for i in $(seq 1 50); do
  expect_contains "$listed" "Parallel complaint $i"$'\n' "complaint $i"
  id=$(head -1 "$WORK/add.$i") # the ID, then "recorded as of" (COMPLAINTS_NOW) on stderr
  expect_contains "$(c show "$id")" "Parallel complaint $i" "complaint $i under its printed ID"
done
events=$(c show "$shared" --format json | json "'\n'.join(e.get('text', '') for e in d['events'])")$'\n'
for i in $(seq 1 50); do expect_contains "$events" "parallel note $i"$'\n' "note $i"; done
expect_eq "$(grep -c 'parallel note' complaints/"$shared".toml)" 50 "note lines in the file"
expect_eq "$(ls -A complaints | grep -vc '\.toml$' || true)" 0 "temporary files left behind"

# Busy: another process holds the lock; the command waits briefly, then exits 6.
before=$(cat complaints/"$shared".toml)
exec 9>>.lock
flock 9 # this shell holds the lock, as another complaints command would
COMPLAINTS_LOCK_WAIT=0.5 expect_exit 6 note "$shared" "blocked note"
expect_contains "$ERR" "register is busy" "busy message"
expect_contains "$ERR" "try again" "busy message says what to do"
exec 9>&- # released
expect_eq "$(cat complaints/"$shared".toml)" "$before" "file after a busy failure"
expect_exit 0 note "$shared" "after the lock is free"
