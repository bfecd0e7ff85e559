# One reading of a local --as-of per command: in the register's zone (register.toml's
# time_zone, else the default policy's), the same for every complaint whatever its policy's
# zone; an explicit offset wins. show, list, list-overdue, report and explain agree.
source "$(dirname "$0")/lib.sh"

c init --policy twinkles >/dev/null
# The same policy kept in New York: a register whose policies use two zones.
sed -e 's/^id = "twinkles"/id = "twinkles-ny"/' \
  -e 's#^time_zone = "Europe/London"#time_zone = "America/New_York"#' \
  policies/twinkles.toml >policies/twinkles-ny.toml
grep -q 'America/New_York' policies/twinkles-ny.toml || fail "the New York copy of the policy"
use_policy() { sed -i "s/^policy = .*/policy = \"$1\"/" register.toml; }

# Both received on Monday 16 November 2026 at 10:00 local time: 10 working days end on
# Monday 30 November, at midnight in London (00:00 UTC on 1 December) and in New York
# (05:00 UTC).
add() {
  c add --name "P" --contact p@example.org --details "d" --summary "$1" \
    --received 2026-11-16T10:00 --as-of 2026-11-16T12:00
}
london=$(add "London")
use_policy twinkles-ny
york=$(add "New York")
use_policy twinkles
expect_eq "$(deadline_as_of 2026-11-20T12:00 "$london" investigation acknowledge due)" \
  "2026-11-30" "London due day"
expect_eq "$(deadline_as_of 2026-11-20T12:00 "$york" investigation acknowledge due)" \
  "2026-11-30" "New York due day"

# state AS_OF ID: the acknowledgement's state as show, list-overdue and explain see it.
state_by_show() { deadline_as_of "$1" "$2" investigation acknowledge state; }
overdue_ids() { c list-overdue --format json --as-of "$1" | json "' '.join(sorted(x['id'] for x in d))"; }
explain_state() { c explain "$2" --format json --as-of "$1" | json "d['deadlines'][0]['state']"; }
list_state() {
  c list --format json --as-of "$1" |
    json "[x for x in d if x['id']=='$2'][0]['deadlines'][0]['state']"
}
report_overdue() { c report --format json --as-of "$1" | json "$2"; }

# The register's zone is London (its default policy's): 02:00 is 02:00 UTC, after London's
# midnight and before New York's. Every command reads it so.
as_of=2026-12-01T02:00
expect_eq "$(state_by_show $as_of "$london")" "overdue" "show: London overdue"
expect_eq "$(state_by_show $as_of "$york")" "due-soon" "show: New York not yet overdue"
expect_eq "$(explain_state $as_of "$york")" "due-soon" "explain agrees with show"
expect_eq "$(overdue_ids $as_of)" "$london" "list-overdue: London only"
expect_eq "$(list_state $as_of "$london")" "overdue" "list: London overdue"
expect_eq "$(list_state $as_of "$york")" "$(state_by_show $as_of "$york")" \
  "list agrees with show for New York"
missed() {
  c report --format json --as-of "$1" |
    json "' '.join(sorted(f\"{m['policy']}={m['missed']}\" for m in d['milestones'] if m['milestone']=='investigation/acknowledge'))"
}
expect_eq "$(missed $as_of)" "twinkles-ny=0 twinkles=1" "report: London's missed, not New York's"
expect_eq "$(report_overdue $as_of "d['as_of']")" "2026-12-01T02:00:00+00:00" "report: as of in London"
# The order complaints are read in changes nothing: show New York first, then London.
expect_eq "$(COMPLAINTS_NOW=$as_of c show "$york" --format json | json "d['deadlines'][0]['state']")" \
  "due-soon" "show via COMPLAINTS_NOW"

# register.toml names New York as the register's zone: 02:00 is 07:00 UTC, after both
# midnights, for every command.
sed -i 's#^policy = .*#&\ntime_zone = "America/New_York"#' register.toml
expect_eq "$(state_by_show $as_of "$london")" "overdue" "show: London overdue (New York zone)"
expect_eq "$(state_by_show $as_of "$york")" "overdue" "show: New York overdue (New York zone)"
expect_eq "$(explain_state $as_of "$york")" "overdue" "explain: New York overdue (New York zone)"
expect_eq "$(overdue_ids $as_of)" "$(printf '%s\n' "$london" "$york" | sort | tr '\n' ' ' | sed 's/ $//')" \
  "list-overdue: both (New York zone)"
expect_eq "$(list_state $as_of "$york")" "overdue" "list: New York overdue (New York zone)"
expect_eq "$(missed $as_of)" "twinkles-ny=1 twinkles=1" "report: both missed (New York zone)"
expect_eq "$(report_overdue $as_of "d['as_of']")" "2026-12-01T02:00:00-05:00" "report: as of in New York"

# An explicit offset names the moment itself, whatever the register's zone.
exact=2026-12-01T02:00+00:00
expect_eq "$(state_by_show $exact "$york")" "due-soon" "offset wins: show"
expect_eq "$(overdue_ids $exact)" "$london" "offset wins: list-overdue"
expect_eq "$(missed $exact)" "twinkles-ny=0 twinkles=1" "offset wins: report"

# A zone the tz database does not know is refused where it is written, and changes nothing.
sed -i 's#^time_zone = .*#time_zone = "Mars/Olympus"#' register.toml
expect_exit 3 list --as-of $as_of
expect_contains "$ERR" "register.toml:3:13: unknown time zone 'Mars/Olympus'" "bad zone at its place"
