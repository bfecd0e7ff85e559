# Bad input: every file in tests/corpus/ (complaint/ and policy/) is refused with the message its
# first line names ("# expect: TEXT": stderr holds "FILE:TEXT"), and no file changes. Also huge
# files, symlinks, files outside the register, IDs with / or .., and bad command-line values.
# (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
ok=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "A good one" \
  --severity minor </dev/null)
# The register's files; not the lock, nor the cache (docs/PERFORMANCE.md), which any command
# that reads the whole register may write again and which holds nothing of its own.
snapshot() {
  find . -mindepth 1 -path ./.cache -prune -o -not -name .lock -printf '%p %m %T@\n' | sort
  find . -path ./.cache -prune -o -type f -not -name .lock -print0 | sort -z | xargs -0 sha256sum
}
id=275k2qx9
file=complaints/$id.toml

# refused TEXT COMMAND...: the command fails (not with a usage error) saying TEXT; no file
# changes.
refused() {
  local want=$1; shift
  local before rc=0
  before=$(snapshot)
  "$COMPLAINTS" "$@" >"$WORK/.out" 2>"$WORK/.err" || rc=$?
  ERR=$(cat "$WORK/.err")
  [ "$rc" == 3 ] || [ "$rc" == 4 ] || fail "complaints $*: expected exit 3 or 4, got $rc: $ERR"
  expect_contains "$ERR" "$want" "complaints $*"
  expect_eq "$(snapshot)" "$before" "files after complaints $*"
}

expected() { head -1 "$1" | sed 's/^# expect: //'; }

count=0
for case in "$TESTS"/corpus/complaint/*.toml; do
  cp "$case" "$file"
  want="$file:$(expected "$case")"
  refused "$want" check
  refused "$want" show "$id"
  refused "$want" note "$id" "a note on a broken file"
  rm "$file"
  count=$((count + 1))
done
# Events out of order (a merge or a hand edit can leave them, corpus/anomaly/): by rule the
# complaint still reads, the event is kept in the file and not counted, and check warns at its
# line ("# warns: TEXT"). (docs/FORMAT.md "Events out of order")
for case in "$TESTS"/corpus/anomaly/*.toml; do
  cp "$case" "$file"
  want="$file:$(head -1 "$case" | sed 's/^# warns: //') (kept in the file, not counted)"
  expect_exit 0 check
  expect_contains "$ERR" "$want" "check on $(basename "$case")"
  expect_exit 1 check --strict
  for command in "show $id" "show $id --format json" "list" "export --events" "explain $id"; do
    expect_exit 0 $command
  done
  rm "$file"
done

for case in "$TESTS"/corpus/policy/*.toml; do
  cp "$case" policies/broken.toml
  want="policies/broken.toml:$(expected "$case")"
  refused "$want" check
  refused "${want#*: }" note "$ok" "a note while a policy is broken" # the message, located
  rm policies/broken.toml
  count=$((count + 1))
done
echo "$count corpus files refused" >&2
[ "$count" -ge 40 ] || fail "only $count corpus files"

# A huge file is refused before it is parsed.
{ cat "$TESTS/corpus/complaint/empty.toml"; head -c 1100000 /dev/zero | tr '\0' '#'; } >"$file"
refused "$file:1:1: file is larger than 1 MiB" check
refused "$file:1:1: file is larger than 1 MiB" note "$id" "on a huge file"
rm "$file"

# A complaint file that is a symlink, even to a good complaint outside the register, is not read.
sed "s/$ok/$id/" "complaints/$ok.toml" >"$WORK/outside.toml"
ln -s "$WORK/outside.toml" "$file"
refused "$file:1:1: is a symbolic link; refusing to follow it" check
refused "$file:1:1: is a symbolic link; refusing to follow it" note "$id" "through a link"
refused "$file:1:1: is a symbolic link; refusing to follow it" show "$id"
rm "$file"

# IDs that try to leave the complaints folder are usage errors.
for bad in ../register "../../$ok" "a/b" "$ok/.." .. /etc/passwd; do
  before=$(snapshot)
  expect_exit 2 note "$bad" "escape"
  expect_contains "$ERR" "is not a complaint ID" "note $bad"
  expect_exit 2 show "$bad"
  expect_eq "$(snapshot)" "$before" "files after note $bad"
done

# A complaints folder that is a link to somewhere else is refused.
mv complaints "$WORK/elsewhere"
ln -s "$WORK/elsewhere" complaints
refused "complaints:1:1: must be a folder, not a link or a file" show "$ok"
refused "complaints:1:1: must be a folder, not a link or a file" check
refused "complaints:1:1: must be a folder, not a link or a file" note "$ok" "through a link"
rm complaints
mv "$WORK/elsewhere" complaints

# Bad values on the command line: usage errors, nothing written.
before=$(snapshot)
expect_exit 2 add --name Sam --contact s@example.org --channel email --summary x \
  --severity minor --received 2026-02-30T10:00
expect_contains "$ERR" "--received" "an impossible date names its flag"
expect_exit 2 note "$ok" "x" --at 2026-13-01T10:00
expect_exit 2 list --as-of 99999999999999999999
expect_exit 2 note "$ok" "x" --at "2026-01-04T10:00 trailing"
expect_eq "$(snapshot)" "$before" "files after bad command-line values"
expect_exit 0 check
