# Reports name no one, and the redacting flags print no personal value: a register whose every
# personal value holds "xyzzy" (and one matter dated 2025-11-17), then every output of every
# command that is meant to travel, in every format, scanned for them. Then every complaint is
# anonymised and every output of every command, redacting or not, is scanned again; the
# report's figures are the same as before. Report files written with -o are 0600.
source "$TESTS/e2e/lib.sh"

umask 022
c init reg --policy big-bums >/dev/null
cd reg
export COMPLAINTS_NOW=2026-03-16T09:00 COMPLAINTS_USER=sarah

a=$(c add --name "Quentin Xyzzy-Alpha" --contact "qxa@xyzzy.example" --channel email \
  --summary "Xyzzy summary alpha" --details "Xyzzy details alpha" --occurred 2025-11-17 \
  --person "Xyzzy Child One" --evidence "xyzzy-evidence-a.pdf" --severity serious \
  --category safeguarding --received 2026-03-02T10:00 --handler "Sarah Robb")
c ack "$a" --at 2026-03-03T09:00 --note "Xyzzy ack note" >/dev/null
c note "$a" --at 2026-03-04T09:00 Xyzzy note text >/dev/null
c extend "$a" --at 2026-03-05T09:00 --for "5 days" --reason "Xyzzy extend reason" >/dev/null
b=$(c add --name "Rhoda Xyzzy-Beta" --contact "rxb@xyzzy.example" --channel phone \
  --summary "Xyzzy summary beta" --person "Xyzzy Child One" --severity minor --category fees \
  --received 2026-01-05T10:00 --handler "Sarah Robb")
c resolve "$b" --at 2026-01-07T10:00 --outcome "Xyzzy outcome beta" --finding upheld \
  --remedy explanation --remedy correction-of-error \
  --remedy apology >/dev/null
d=$(c add --name "Xyzzy Delta" --contact "07700 900999 xyzzy" --channel email \
  --summary "Xyzzy summary delta" --severity minor --category fees \
  --received 2026-03-10T10:00 --handler "Sarah Robb")
c pause "$d" --at 2026-03-11T09:00 --reason "Xyzzy pause reason" >/dev/null
c resume "$d" --at 2026-03-12T09:00 --note "Xyzzy resume note" >/dev/null

# scan WHAT: reads stdin and fails when it holds any personal value ($personal, a pattern).
personal='xyzzy|2025-11-17'
scan() {
  local text
  text=$(cat)
  if grep -qiE "$personal" <<<"$text"; then
    fail "$1 printed a personal value: $(grep -iE "$personal" <<<"$text" | head -3)"
  fi
}
# run_scan ARGS...: the command's stdout and stderr, scanned.
run_scan() { { c "$@" 2>&1 || true; } | scan "complaints $*"; }

travelling() {
  for format in text csv json html; do run_scan report --format "$format"; done
  for format in csv json ics; do run_scan export --redact --format "$format"; done
  for format in csv json; do run_scan export --redact --events --format "$format"; done
  run_scan remind --redact --due-within 4w
  for format in table csv json; do
    run_scan list-overdue --redact --due-within 4w --format "$format"
  done
  run_scan retention --as-of 2030-01-01 --within 1m
  run_scan retention --as-of 2030-01-01 --format json
  run_scan remind --redact --as-of 2030-01-01
  run_scan anonymise --expired --dry-run --as-of 2030-01-01
  run_scan policy list
  run_scan policy show big-bums
  run_scan calendar --year 2026
  run_scan check
  run_scan --help
}
travelling
# The lists are not empty: IDs, stages, dates and handlers stay.
out=$(c list-overdue --redact --due-within 4w --format json)
expect_contains "$out" "\"id\": \"$a\"" "a redacted list-overdue keeps IDs"
expect_contains "$out" '"handler": "Sarah Robb"' "and handlers"
expect_contains "$(c remind --redact --due-within 4w)" "$a" "a redacted remind keeps IDs"
expect_contains "$(c report)" "1 person is named in more than one complaint" "repeats counted"
expect_contains "$(c report --names)" "Xyzzy Child One" "named with --names only"

# report -o: a file of its own, 0600 whatever the umask, never replaced without --force.
c report --format html -o report.html
expect_eq "$(stat -c %a report.html)" 600 "a report file is private"
expect_exit 2 report -o report.html
expect_contains "$ERR" "report.html: already exists; add --force to replace it" "-o keeps a file"
c report --format json -o report.html --force
expect_eq "$(stat -c %a report.html)" 600 "a replaced report file is private"
scan "report -o" <report.html

# Anonymised, every command may print anything it likes: nothing personal is left to print.
# Everything but the repeats: anonymised people can no longer be told apart.
figures() { c report --format json | json "{k: v for k, v in d.items() if not k.startswith('repeat_')}"; }
before=$(figures)
for id in "$a" "$b" "$d"; do c anonymise "$id" --at 2026-03-16T08:00 >/dev/null; done
expect_eq "$(figures)" "$before" "the report adds up the same after anonymisation"
grep -riE 'xyzzy' complaints/ && fail "a complaint file kept a personal value"
# When the matter happened stays (a date alone names no one; time limits count from it), and
# is still left out of redacted output.
expect_contains "$(cat "complaints/$a.toml")" "occurred_on = 2025-11-17" "the matter's date stays"
travelling
personal='xyzzy'
for id in "$a" "$b" "$d"; do
  for format in text json; do run_scan show "$id" --format "$format"; done
  for format in text json; do run_scan explain "$id" --format "$format"; done
  for kind in acknowledgement outcome update; do
    for format in text markdown html; do run_scan letter "$id" "$kind" --format "$format"; done
  done
done
for format in table csv json; do run_scan list --format "$format"; done
for format in csv json ics; do run_scan export --format "$format"; done
for format in csv json; do run_scan export --events --format "$format"; done
for format in text csv json html; do run_scan report --names --format "$format"; done
run_scan remind --due-within 4w
for format in table csv json; do run_scan list-overdue --due-within 4w --format "$format"; done
expect_contains "$(c export --complainant "Quentin Xyzzy-Alpha")" "0 complaints" \
  "an anonymised complainant is no longer found"
