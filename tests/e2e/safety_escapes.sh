# Every message is safe (issue 11, point 7): text from a file reaches the terminal with its
# control and bidi characters shown as escapes, never sent. Every intake key and event field
# holds ESC [31m, ESC ]8;; (a hyperlink), BEL, U+202E and CR; every command that prints them,
# errors included, is run, and no ESC byte (0x1b) may reach stdout or stderr. CSV is left out:
# it keeps text as it is, by RFC 4180's rules (iface_csv).
source "$TESTS/e2e/lib.sh"

bad=$'\e[31mred \e]8;;http://evil.example/\e\\link\e]8;;\e\\ \a bell \u202e reversed \r back'
export COMPLAINTS_NOW=2026-03-02T09:00

# clean WHAT: fails when the last command's stdout or stderr holds an ESC byte.
clean() {
  [[ "$OUT" != *$'\e'* ]] || fail "$1: ESC on stdout: $(printf %q "$OUT")"
  [[ "$ERR" != *$'\e'* ]] || fail "$1: ESC on stderr: $(printf %q "$ERR")"
}

# expect_exit_any ARGS...: runs the tool whatever its exit code; stdout in $OUT, stderr in $ERR.
expect_exit_any() {
  "$COMPLAINTS" "$@" >"$WORK/.out" 2>"$WORK/.err" || true
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
}

# run WANT ARGS...: runs the tool expecting exit WANT, then `clean`.
run() {
  local want=$1; shift
  expect_exit "$want" "$@"
  clean "complaints $*"
}

c init reg --policy big-bums >/dev/null
cd reg

# --- Every field a command takes -----------------------------------------------------------------
id=$(c add --name "$bad" --contact "$bad" --channel "$bad" --summary "$bad" --details "$bad" \
  --occurred "$bad" --person "$bad" --evidence "$bad" --severity serious --category "$bad" \
  --handler "$bad" --received 2026-02-02T09:00 2>/dev/null </dev/null)
run 0 ack "$id" --note "$bad" --by "$bad" --at 2026-02-02T10:00
run 0 note "$id" "$bad" --by "$bad" --at 2026-02-02T11:00
run 0 assign "$id" "$bad" --by "$bad" --at 2026-02-02T12:00
run 0 pause "$id" --reason "$bad" --by "$bad" --at 2026-02-03T09:00
run 0 resume "$id" --note "$bad" --by "$bad" --at 2026-02-04T09:00
run 0 extend "$id" --milestone resolve --for "10 days" --reason "$bad" --by "$bad" \
  --at 2026-02-05T09:00
run 0 meeting "$id" --note "$bad" --by "$bad" --at 2026-02-06T09:00
run 0 update "$id" --note "$bad" --by "$bad" --at 2026-02-07T09:00
run 0 delay-response "$id" --text "$bad" --by "$bad" --at 2026-02-08T09:00
run 0 resolve "$id" --outcome "$bad" --finding not-upheld --by "$bad" --at 2026-02-10T09:00
run 0 escalate "$id" --reason "$bad" --by "$bad" --at 2026-02-11T09:00
run 0 refer "$id" --to "$bad" --note "$bad" --by "$bad" --at 2026-02-12T09:00
other=$(c add --summary "$bad" --name "$bad" --received 2026-02-20T09:00 2>/dev/null </dev/null)
run 0 withdraw "$other" --reason "$bad" --by "$bad" --at 2026-02-21T09:00
run 0 reopen "$other" --reason "$bad" --by "$bad" --at 2026-02-22T09:00
run 0 close "$other" --reason "$bad" --by "$bad" --at 2026-02-23T09:00
run 0 amend "$other" --contact "$bad" --by "$bad" --at 2026-02-24T09:00
grep -q '\\u001b\|\\u001B' "complaints/$id.toml" || fail "the escapes are in the file as written"

# --- Every command that prints them --------------------------------------------------------------
for format in text json; do
  run 0 show "$id" --format "$format"
  run 0 explain "$id" --format "$format"
done
for format in table json; do
  run 0 list --format "$format"
  run 0 list-overdue --due-within "52 weeks" --format "$format"
done
run 0 remind --due-within "52 weeks"
for format in json ics; do run 0 export --format "$format"; done
run 0 export --format json --events
for format in text json html; do run 0 report --names --format "$format"; done
for kind in acknowledgement outcome escalation update; do
  for format in text markdown html; do
    expect_exit_any letter "$id" "$kind" --format "$format"
    clean "letter $kind --format $format"
  done
done
expect_exit_any check
clean "check"

# --- Errors that quote a file ------------------------------------------------------------------
# A value the policy lacks, a key nobody knows, a bad value: show's, note's and ack's errors
# and check's lines quote them.
broken=complaints/$id.toml
cp "$broken" "$WORK/good.toml"
sed -i 's/^policy_version = .*/policy_version = "\\u001b[31m2024\\u202e"/' "$broken"
for args in "show $id" "note $id hello" "ack $id" "explain $id" "letter $id update" "check"; do
  # shellcheck disable=SC2086
  expect_exit_any $args
  clean "$args (unknown policy version)"
  expect_contains "$ERR" '\x1b[31m2024\u202e' "$args: the version, shown"
done
cp "$WORK/good.toml" "$broken"
sed -i '2i "\\u001b[31mkey\\u0007" = "\\u001b]8;;x\\u001b\\\\"' "$broken"
for args in "show $id" "note $id hello" "ack $id" "list" "export --format json" "check"; do
  # shellcheck disable=SC2086
  expect_exit_any $args
  clean "$args (unknown key)"
done
cp "$WORK/good.toml" "$broken"
sed -i 's/^severity = .*/severity = "\\u001b[31mserious\\u202e"/' "$broken"
for args in "show $id" "note $id hello" "check" "list"; do
  # shellcheck disable=SC2086
  expect_exit_any $args
  clean "$args (severity outside the policy)"
done
cp "$WORK/good.toml" "$broken"

# A policy whose own words hold escapes: its errors and its text.
sed -i 's/^title = .*/title = "\\u001b[31mProcedure\\u202e"/' policies/big-bums.toml
for args in "show $id" "policy show big-bums" "policy list" "report" "letter $id update" "remind"; do
  # shellcheck disable=SC2086
  expect_exit_any $args
  clean "$args (policy title)"
done
printf '\n"\\u001b[31mnope" = 1\n' >>policies/big-bums.toml
for args in "show $id" "note $id hello" "policy check policies/big-bums.toml" "check"; do
  # shellcheck disable=SC2086
  expect_exit_any $args
  clean "$args (broken policy)"
done
echo "ok"
