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
