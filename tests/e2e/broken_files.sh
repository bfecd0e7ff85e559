# A register with broken complaint files (hand edits gone wrong, bad merges): commands that read
# the whole register name every broken file as FILE:LINE:COL, still show the rest, and exit 3.
source "$TESTS/e2e/lib.sh"
export COMPLAINTS_NOW=2026-03-10T12:00

c init reg --policy big-bums >/dev/null
cd reg

good=$(c add --name "Ann" --contact ann@example.org --channel email --summary "Door" \
  --received 2026-03-02T10:00 </dev/null)

# A healthy register: check is silent and exits 0.
expect_exit 0 check
expect_eq "$OUT" "" "check on a healthy register: stdout"
expect_eq "$ERR" "" "check on a healthy register: stderr"

# Two broken copies of the good file, each under its own ID (same day prefix as $good).
# 1. Malformed TOML: an unterminated string on the summary line.
bad_toml=${good:0:3}aaaaa
sed -e "s/^id = .*/id = \"$bad_toml\"/" -e 's/^summary = .*/summary = "Door/' \
  complaints/"$good".toml >complaints/"$bad_toml".toml
bad_toml_line=$(grep -n '^summary' complaints/"$bad_toml".toml | cut -d: -f1)
# 2. Valid TOML, but a key the format does not know (a typo for "contact").
bad_key=${good:0:3}bbbbb
sed -e "s/^id = .*/id = \"$bad_key\"/" -e 's/^contact = /contakt = /' \
  complaints/"$good".toml >complaints/"$bad_key".toml
bad_key_line=$(grep -n '^contakt' complaints/"$bad_key".toml | cut -d: -f1)
# Private, as the register's own files are (a world-readable file would add a warning).
chmod 600 complaints/*.toml

# FILE:LINE:COL: message, for each broken file, on stderr.
expect_located() { # TEXT FILE-ID LINE WHAT
  local pattern="$2\.toml:$3:[0-9]+: [^ ]"
  [[ "$1" =~ $pattern ]] || fail "$4: expected '$2.toml:$3:COL: message' in: $1"
}

for command in list check; do
  expect_exit 3 $command
  expect_located "$ERR" "$bad_toml" "$bad_toml_line" "$command: malformed TOML"
  expect_located "$ERR" "$bad_key" "$bad_key_line" "$command: unknown key"
  expect_contains "$ERR" "contakt" "$command names the unknown key"
  expect_not_contains "$ERR" "$good" "$command: the good file is not reported"
done
# list still shows the good complaint on stdout, and only that one.
expect_exit 3 list --format json
expect_eq "$(json "' '.join(x['id'] for x in d)" <<<"$OUT")" "$good" "list shows the good one"
expect_exit 3 list
expect_contains "$OUT" "$good" "list table shows the good one"
expect_not_contains "$OUT" "$bad_key" "list table skips the broken one"
# check prints nothing on stdout.
expect_exit 3 check
expect_eq "$OUT" "" "check: stdout"
expect_eq "$(grep -c . <<<"$ERR")" 2 "check: one line per broken file, got: $ERR"

# Reading the broken complaint on its own names the place too; the good one still works.
expect_exit 3 show "$bad_key"
expect_located "$ERR" "$bad_key" "$bad_key_line" "show: unknown key"
expect_exit 0 show "$good"

# Recording an event on a broken file is refused and leaves it as it was.
before=$(cat complaints/"$bad_toml".toml)
expect_exit 3 note "$bad_toml" "called Ann"
expect_eq "$(cat complaints/"$bad_toml".toml)" "$before" "broken file untouched"

# Fixed by hand: healthy again.
rm complaints/"$bad_toml".toml
sed -i 's/^contakt = /contact = /' complaints/"$bad_key".toml
expect_exit 0 check
expect_eq "$OUT$ERR" "" "check after the fix"
expect_exit 0 list --format json
expect_eq "$(json "len(d)" <<<"$OUT")" 2 "both complaints listed after the fix"

# A broken policy breaks every complaint pinned to it: reported once, at the policy's line.
cp policies/big-bums.toml ../big-bums.toml
sed -i '0,/^title = /s//titel = /' policies/big-bums.toml
title_line=$(grep -n '^titel' policies/big-bums.toml | cut -d: -f1)
expect_exit 3 check
expect_contains "$ERR" "policies/big-bums.toml:$title_line:1: unknown key 'titel'" "broken policy"
expect_eq "$(grep -c "unknown key 'titel'" <<<"$ERR")" 1 "a broken policy is reported once"
cp ../big-bums.toml policies/big-bums.toml
expect_exit 0 check

# register.toml goes through the same guarded reader: a heading that is no key is refused
# with its place, before the TOML parser sees it.
cp register.toml ../register.toml
printf '[\n' >>register.toml
line=$(wc -l <register.toml)
expect_exit 3 check
expect_contains "$ERR" "register.toml:$line:1: a table heading is a name in brackets" \
  "broken register.toml located"
cp ../register.toml register.toml
expect_exit 0 check

echo "ok"
