# `complaints calendar`: a year's non-working weekdays (bank holidays and closures) by name;
# the register's calendar.toml adds proclaimed holidays and removes cancelled ones.
source "$(dirname "$0")/lib.sh"

dates() { json "' '.join(x['date'] for x in d['days'])"; }

# Outside a register, --division is enough. England and Wales 2026: eight bank holidays, the
# Boxing Day substitute on Monday 28 December (26 December is a Saturday).
out=$(c calendar --year 2026 --division england-and-wales --format json)
expect_eq "$(dates <<<"$out")" \
  "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28" \
  "England and Wales 2026"
expect_eq "$(json "d['days'][7]['why']" <<<"$out")" "Boxing Day (substitute day) (bank holiday)" "named"
expect_eq "$(json "d['days'][7]['weekday']" <<<"$out")" "Monday" "weekday"
# Northern Ireland adds St Patrick's Day and the Boyne holiday (12 July 2026 is a Sunday).
out=$(c calendar --year 2026 --division northern-ireland --format json)
expect_contains "$(dates <<<"$out")" "2026-03-17 2026-04-03" "St Patrick's Day"
expect_contains "$(dates <<<"$out")" "2026-07-13" "Boyne substitute Monday"
expect_eq "$(json "len(d['days'])" <<<"$out")" "10" "Northern Ireland 2026"

expect_exit 2 calendar --year 2026 --division wales
expect_contains "$ERR" "unknown division 'wales'" "division named"
expect_exit 4 calendar --year 2026

# In a register: the policy's division, and the year of --as-of / COMPLAINTS_NOW (2026).
c init --policy twinkles >/dev/null
out=$(c calendar)
expect_eq "$(grep -c '^2026-' <<<"$out")" "8" "the register's calendar, this year"
expect_contains "$out" "2026-04-03  Friday" "date and weekday"
expect_contains "$out" "Good Friday (bank holiday)" "name"
expect_eq "$(c calendar --as-of 2027-06-01 --format json | json "d['year']")" "2027" "year from --as-of"

# A new proclamation and a cancelled holiday, without a new release.
cat >calendar.toml <<'TOML'
[[add]]
date = 2026-06-08
name = "Proclaimed holiday"

[[remove]]
date = 2026-05-25
TOML
out=$(c calendar --format json)
expect_eq "$(dates <<<"$out")" \
  "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-06-08 2026-08-31 2026-12-25 2026-12-28" \
  "added and removed"
expect_eq "$(json "d['days'][4]['why']" <<<"$out")" "Proclaimed holiday (bank holiday)" "proclamation named"

printf '[[add]]\ndate = 2026-06-08\nnmae = "x"\n' >calendar.toml
expect_exit 3 calendar
expect_contains "$ERR" "calendar.toml:3:1: unknown key 'nmae' in [[add]]; did you mean 'name'?" "FILE:LINE:COL"

# Bank holidays are known from 1971 (the Banking and Financial Dealings Act): earlier years are
# refused, with the reason. 1971 itself has no New Year's Day or Early May holiday in England
# and Wales (from 1974 and 1978); Christmas 1971 is a Saturday, so Monday 27 and Tuesday 28.
rm -f calendar.toml
expect_exit 2 calendar --year 1970 --division england-and-wales
expect_contains "$ERR" "--year 1970: bank holidays are known from 1971" "years before 1971 refused"
expect_eq "$OUT" "" "nothing printed for a refused year"
expect_exit 2 calendar --as-of 1969-06-01
expect_contains "$ERR" "the year of --as-of, 1969: bank holidays are known from 1971" "--as-of year"
out=$(c calendar --year 1971 --division england-and-wales --format json)
expect_eq "$(dates <<<"$out")" \
  "1971-04-09 1971-04-12 1971-05-31 1971-08-30 1971-12-27 1971-12-28" "England and Wales 1971"
# The one-offs since 1971 are in the shipped data: Princess Anne's wedding, 1973.
out=$(c calendar --year 1973 --division scotland --format json)
expect_contains "$(dates <<<"$out")" "1973-11-14" "1973 royal wedding, Scotland too"
# Years after the data keep the standing rules: 2099, Christmas on a Friday.
out=$(c calendar --year 2099 --division england-and-wales --format json)
expect_contains "$(dates <<<"$out")" "2099-12-25 2099-12-28" "standing rules beyond the data"

# A complaint received before 1971 is refused, and nothing is written.
before=$(ls complaints | wc -l)
expect_exit 2 add --name "A" --contact "a@example.org" --summary "Old" --received 1970-12-31T10:00
expect_contains "$ERR" "--received 1970-12-31 is before 1971: bank holidays are known from 1971" \
  "pre-1971 receipt refused"
expect_eq "$(ls complaints | wc -l)" "$before" "nothing written"

# A six-day week (Monday to Saturday): Christmas Day on Saturday 25 December 2021 is a day off,
# and so are its substitute days, Monday 27 and Tuesday 28. One working day after Friday 24
# December is Wednesday 29 December, not Saturday 25 or Monday 27.
sed -i -e 's/^working_week = \[\(.*\)"friday"\]/working_week = [\1"friday", "saturday"]/' \
  -e '0,/^  within = "10 working days"/s//  within = "1 working day"/' policies/twinkles.toml
grep -q '"saturday"' policies/twinkles.toml || fail "test setup: no Saturday in the week"
grep -q '"1 working day"' policies/twinkles.toml || fail "test setup: acknowledge not changed"
id=$(c add --name "A" --contact "a@example.org" --summary "Christmas Eve" \
  --received 2021-12-24T10:00 2>/dev/null)
expect_eq "$(deadline "$id" investigation acknowledge due)" "2021-12-29" \
  "six-day week: 24 Dec 2021 + 1 working day"
out=$(c calendar --year 2021 --format json)
expect_contains "$(dates <<<"$out")" "2021-12-25 2021-12-27 2021-12-28" \
  "six-day week lists Saturday's Christmas Day and both substitutes"
expect_contains "$(json "[x['why'] for x in d['days'] if x['date'] == '2021-12-25'][0]" <<<"$out")" \
  "Christmas Day (bank holiday)" "named on its own day"
# A Saturday that is no holiday is a working day: Friday 26 March 2021 + 1 is Saturday 27.
id=$(c add --name "B" --contact "b@example.org" --summary "Friday" \
  --received 2021-03-26T10:00 2>/dev/null)
expect_eq "$(deadline "$id" investigation acknowledge due)" "2021-03-27" "Saturday counts"

# A complaint file whose receipt is edited to before 1971 is bad data, naming the file.
sed -i 's/^received = "\?2021-03-26/received = 1969-03-26/' "complaints/$id.toml"
grep -q '^received = 1969-03-26' "complaints/$id.toml" ||
  fail "test setup: receipt not edited: $(grep '^received' "complaints/$id.toml")"
expect_exit 3 show "$id"
expect_contains "$ERR" "$id.toml" "names the file"
expect_contains "$ERR" "1969-03-26 is before 1971" "says why"
