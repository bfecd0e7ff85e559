# A full disk (simulated with a file size limit, so write() fails with EFBIG) gives a clear
# error, exit 5, and loses nothing: the original file is untouched and no temporary file is
# left. Output to a full device exits non-zero. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
details=$(printf 'Plenty of detail to fill a kilobyte. %.0s' $(seq 1 60))
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Disk full" \
  --details "$details" --severity minor </dev/null)
file=complaints/$id.toml
[ "$(stat -c %s "$file")" -gt 2048 ] || fail "the complaint file should be over 2 KiB"
snapshot() { find . -path ./.lock -prune -o -path ./.cache -prune -o -type f -print0 | sort -z | xargs -0 sha256sum; }
before=$(snapshot)

# full_disk ARGS...: run the tool allowed to write files of at most 1 KiB; exit code in $RC.
full_disk() {
  RC=0
  (trap '' XFSZ; ulimit -f 1; exec "$COMPLAINTS" "$@") >"$WORK/.out" 2>"$WORK/.err" || RC=$?
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
}

full_disk note "$id" "this note does not fit"
expect_eq "$RC" 5 "note on a full disk: exit code"
expect_contains "$ERR" "cannot write: File too large" "note on a full disk: message"
expect_contains "$ERR" "complaints/.$id.toml." "the message names the file being written"
full_disk add --name "Sam" --contact sam@example.org --channel email --summary "No room" \
  --details "$details" --severity minor
expect_eq "$RC" 5 "add on a full disk: exit code"
expect_contains "$ERR" "cannot write: File too large" "add on a full disk: message"
expect_eq "$(snapshot)" "$before" "every file after the failed writes"
expect_eq "$(ls -A complaints)" "$id.toml" "no temporary file is left behind"
expect_exit 0 check
expect_eq "$ERR" "" "check after the failed writes"
expect_exit 0 note "$id" "fits once there is room"

# Output that cannot be written is an error, not a silent success.
for args in "list" "show $id" "list --format json" "--help"; do
  rc=0
  # shellcheck disable=SC2086
  "$COMPLAINTS" $args >/dev/full 2>"$WORK/.err" || rc=$?
  [ "$rc" != 0 ] || fail "complaints $args >/dev/full exited 0"
  expect_contains "$(cat "$WORK/.err")" "could not write output" "complaints $args >/dev/full"
done
