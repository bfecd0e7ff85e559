# Crash consistency: the tool is killed (SIGKILL) at random moments while it writes. Afterwards
# every file parses and holds either the old or the new content; temporary files left behind
# are ignored by readers and mentioned by `check`. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
details=$(printf 'A long account of what happened. %.0s' $(seq 1 300)) # bigger writes
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Crash test" \
  --details "$details" --severity minor </dev/null)
file=complaints/$id.toml

# kill_after MS ARGS...: start the tool, SIGKILL it after MS milliseconds, wait for it.
kill_after() {
  local ms=$1; shift
  "$COMPLAINTS" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '0.%03d' "$ms")"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

changed=0 unchanged=0
for round in $(seq 1 60); do
  before=$(cat "$file"; echo .)
  kill_after $((RANDOM % 20)) note "$id" "crash round $round"
  after=$(cat "$file"; echo .)
  if [ "$after" == "$before" ]; then
    unchanged=$((unchanged + 1))
  else
    changed=$((changed + 1))
    expect_eq "$(grep -c "\"crash round $round\"" "$file")" 1 "round $round: the new note line"
    expect_eq "$(grep -v "\"crash round $round\"" "$file"; echo .)" "$before" \
      "round $round: everything else in the file"
  fi
  expect_exit 0 show "$id" --format json
done
echo "note killed 60 times: $changed wrote the new content, $unchanged kept the old" >&2

files_before=$(ls complaints/*.toml | wc -l)
for round in $(seq 1 30); do
  kill_after $((RANDOM % 20)) add --name "Person $round" --contact "p$round@example.org" \
    --channel email --summary "Killed add $round" --severity minor
done
files_after=$(ls complaints/*.toml | wc -l)
echo "add killed 30 times: $((files_after - files_before)) complaints were created" >&2
for f in complaints/*.toml; do
  expect_exit 0 show "$(basename "$f" .toml)" --format json
  [ "$(tail -c 2 "$f")" == "]" ] || fail "$f does not end with the closing bracket"
done

# Whatever the kills left behind, readers ignore temporary files; check mentions them.
printf 'id = "half' >"complaints/.$id.toml.AbC123"
expect_exit 0 check
expect_contains "$ERR" "complaints/.$id.toml.AbC123:1:1: temporary file left by an interrupted write" \
  "check mentions a leftover temporary file"
expect_eq "$(c list --format json | json 'len(d)')" "$files_after" "list ignores temporary files"
expect_exit 0 note "$id" "after the crashes"
