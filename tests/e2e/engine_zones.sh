# Time zones: summer time in years after the last change the zone files list (2037 in
# Debian's), working-day deadlines across a change of the clocks in 2040, offsets with seconds
# (Monrovia until 1972), and only IANA zone names in a policy.
source "$TESTS/e2e/lib.sh"

c init --policy twinkles >/dev/null # Europe/London; acknowledge within 10 working days
add() { c add --name "Ann" --contact x@example.org --channel email --summary "x" </dev/null "$@"; }
received_line() { grep '^received = ' "complaints/$1.toml"; }

# Midday UTC on 1 July 2038 is 13:00 BST, and is stored so.
id=$(add --received 2038-07-01T12:00Z --as-of 2038-07-01T12:05Z)
expect_eq "$(received_line "$id")" "received = 2038-07-01T13:00:00+01:00" "BST in 2038"
expect_eq "$(field_as_of 2038-07-01T12:05Z "$id" received)" "2038-07-01T13:00:00+01:00" "show"

# Received 00:30 BST on Tuesday 23 October 2040 (Monday 23:30 UTC): Tuesday's complaint.
# Ten working days, the day of receipt not counted, through the change back to GMT on
# Sunday 28 October: Wednesday 24 October is the first, Tuesday 6 November the tenth.
id=$(add --received 2040-10-23T00:30 --as-of 2040-10-23T09:00)
expect_eq "$(received_line "$id")" "received = 2040-10-23T00:30:00+01:00" "BST in 2040"
expect_eq "$(deadline_as_of 2040-10-23T09:00 "$id" investigation acknowledge due)" "2040-11-06" \
  "10 working days across the October 2040 change"
# The end of that day is midnight GMT, 00:00 UTC.
expect_eq "$(deadline_as_of 2040-11-06T23:59 "$id" investigation acknowledge state)" "due-soon" \
  "still due at 23:59 GMT"
expect_eq "$(deadline_as_of 2040-11-07T00:00 "$id" investigation acknowledge state)" "overdue" \
  "overdue at midnight GMT"

# Before 1 December 1847 London kept local mean time, 1 minute 15 seconds behind Greenwich;
# such a moment is before the bank holidays the calendar knows (from 1971), so it is refused
# with the reason and nothing is written.
expect_exit 2 add --name "Ann" --contact x@example.org --channel email --summary "x" \
  --received 1840-01-01T12:00 --as-of 1840-01-02T09:00
expect_contains "$ERR" "1971" "a moment before 1971 refused"
# Monrovia kept 44 minutes 30 seconds behind Greenwich until 7 January 1972: an offset with
# seconds, which RFC 3339 cannot write, so the moment is stored in UTC and reads back the same.
sed 's|^time_zone = .*|time_zone = "Africa/Monrovia"|' policies/twinkles.toml >"$WORK/monrovia.toml"
c init monrovia --policy "$WORK/monrovia.toml" >/dev/null
id=$(cd monrovia && add --received 1971-06-01T12:00 --as-of 1971-06-02T09:00)
expect_eq "$(grep '^received = ' "monrovia/complaints/$id.toml")" \
  "received = 1971-06-01T12:44:30Z" "an offset with seconds in UTC"
expect_eq "$(cd monrovia && field_as_of 1971-06-02T09:00 "$id" received)" "1971-06-01T12:44:30Z" \
  "read back"
(cd monrovia && c check >/dev/null) || fail "check after a moment with an offset in seconds"

# A policy naming a file of this machine rather than a zone: FILE:LINE:COL, exit 3.
sed 's|^time_zone = .*|time_zone = "localtime"|' policies/twinkles.toml >"$WORK/local.toml"
line=$(grep -n '^time_zone' "$WORK/local.toml" | cut -d: -f1)
expect_exit 3 policy check "$WORK/local.toml"
expect_contains "$ERR" "local.toml:$line:13: time zone 'localtime' is not an IANA zone name" \
  "localtime refused"
