# Letters to the complainant (docs/LETTERS.md), on real registers of both seed procedures: the
# key facts of each kind, the formats, a register's own template, a template with an unknown
# placeholder, and letters written to files (0600, never overwritten without --force).
source "$TESTS/e2e/lib.sh"

# letter ARGS...: the letter as Markdown, one line per paragraph (the text format wraps).
letter() { c letter "$@" --format markdown; }

# --- Big Bums: who handles it and when the complainant will hear ------------------------------
c init bb --policy big-bums >/dev/null
cd bb
# A serious complaint starts at the formal stage: "Our Complaints Officer will contact you
# within 48 hours to acknowledge your complaint"; "We aim to resolve your complaint within 28
# days": received Thursday 2 April 2026, resolved by Thursday 30 April 2026.
serious=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email \
  --summary "Door left open" --severity serious --received 2026-04-02T09:30 \
  --as-of 2026-04-02T09:40 </dev/null)
c ack "$serious" --at 2026-04-03T09:00 --by sarah --as-of 2026-04-03T09:05 >/dev/null
out=$(letter "$serious" acknowledgement --as-of 2026-04-03T10:00)
expect_contains "$out" "Dear Jo Bloggs," "the complainant's name"
expect_contains "$out" "## Your complaint, reference $serious" "the reference"
expect_contains "$out" "which we received by email on Thursday 2 April 2026" "received, in words"
expect_contains "$out" "Your complaint, as we have recorded it: Door left open" "the summary"
expect_contains "$out" "is being handled by our Complaints Officer" "the formal stage's handler"
expect_contains "$out" "You will hear from us again by Thursday 30 April 2026" "the 28-day date"
expect_contains "$out" "please contact Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com" \
  "the contact the procedure names"
expect_contains "$out" "Big Bums and Little Bums Ltd" "the organisation"
expect_contains "$out" "Friday 3 April 2026" "dated as of --as-of"

# A minor complaint is resolved locally, with Sarah Robb, within 5 days: by Tuesday 7 April.
minor=$(c add --name "Ann Other" --contact ann@example.org --channel phone \
  --summary "Snack had nuts" --severity minor --received 2026-04-02T11:00 \
  --as-of 2026-04-02T11:10 </dev/null)
out=$(letter "$minor" acknowledgement --as-of 2026-04-02T12:00)
expect_contains "$out" "handled by Sarah Robb (Complaints contact)" "the local stage's handler"
expect_contains "$out" "by Tuesday 7 April 2026" "the 5-day date"

# An outcome letter before any outcome makes no sense: a usage error that says why.
expect_exit 2 letter "$serious" outcome --as-of 2026-04-03T10:00
expect_eq "$OUT" "" "no letter printed"
expect_contains "$ERR" "has no outcome recorded in its current stage (Formal complaint)" \
  "why the outcome letter is refused"
expect_exit 2 letter "$serious" escalation --as-of 2026-04-03T10:00
expect_contains "$ERR" "has not been escalated" "why the escalation letter is refused"

# The formal outcome, then the internal review the complainant asks for: "A meeting will then
# be arranged within 28 days" of the request (Thursday 23 April + 28 days = Thursday 21 May).
c resolve "$serious" --at 2026-04-20T09:00 --outcome "Apologised; latch fixed." \
  --remedy apology --remedy correction-of-error --by sarah --as-of 2026-04-20T09:05 >/dev/null
out=$(letter "$serious" outcome --as-of 2026-04-20T10:00)
expect_contains "$out" "What we decided: Apologised; latch fixed." "the outcome"
expect_contains "$out" "- apology" "a remedy in words"
expect_contains "$out" "- correction of error" "a remedy in words"
expect_contains "$out" "may ask for the next stage of our procedure: Internal review" \
  "the next route: the internal review"
expect_contains "$out" "To ask for it, please contact Sarah Robb, 07578 991211" "whom to ask"
c escalate "$serious" --to review --requested 2026-04-23T16:00 --at 2026-04-24T09:00 --by sarah \
  --as-of 2026-04-24T09:05 >/dev/null
out=$(letter "$serious" escalation --as-of 2026-04-24T10:00)
expect_contains "$out" "Thank you for your request of Thursday 23 April 2026" "the request"
expect_contains "$out" "moved from Formal complaint to the next stage" "the stage left"
expect_contains "$out" "Complaints Procedure: Internal review" "the stage entered"
expect_contains "$out" "handled by Sarah Hall and an independent representative" \
  "the review's handlers"
expect_contains "$out" "by Thursday 21 May 2026" "the meeting's date"
out=$(letter "$serious" update --as-of 2026-04-24T10:00)
expect_contains "$out" "Your complaint is still open" "an update says where it stands"
expect_contains "$out" "by Thursday 21 May 2026" "and when they will hear next"
cd ..

# --- Twinkle's: after the Board's outcome, the CIC Regulator within one month -----------------
c init tw --policy twinkles >/dev/null
cd tw
cat >complaints/2b1m0001.toml <<'TOML'
id = "2b1m0001"
policy = "twinkles"
policy_version = "2024-03-05"
received = 2026-04-02T10:00:00+01:00
channel = "verbal"
name = "*Jo* <b>Bloggs</b>"
contact = "07700 900123"
summary = "Trip cancelled at a day's notice"
details = "The trip on 1 April was cancelled the day before."
severity = "serious"

events = [
  { at = 2026-04-07T09:00:00+01:00, type = "acknowledged", by = "kim" },
  { at = 2026-05-01T09:00:00+01:00, type = "resolved", by = "kim", outcome = "We will refund the trip.", finding = "partly-upheld", remedies = ["apology-or-explanation", "compensation"] },
  { at = 2026-05-11T09:00:00+01:00, type = "escalated", by = "kim", stage = "board", from = "investigation", requested = 2026-05-09T12:00:00+01:00 },
  { at = 2026-06-30T15:00:00+01:00, type = "resolved", by = "board", outcome = "The Board agrees with the refund.", finding = "partly-upheld", remedies = ["compensation"] },
]
TOML
chmod 600 complaints/2b1m0001.toml
regulator_url="https://assets.publishing.service.gov.uk/media/64e74d5d1ff6f3000d70af23/cic-23-1092-complain-about-community-interest-companies.pdf"

# "Any external complaint should be done within one month of receiving the outcome from the
# appeal": the Board's outcome on Tuesday 30 June 2026, so by Thursday 30 July 2026.
out=$(letter 2b1m0001 outcome --as-of 2026-07-01T10:00)
expect_contains "$out" "Dear \\*Jo\\* \\<b\\>Bloggs\\</b\\>," "the name, escaped for Markdown"
expect_contains "$out" "Our finding: your complaint is partly upheld." "the finding"
expect_contains "$out" "What we decided: The Board agrees with the refund." "the Board's outcome"
expect_contains "$out" "you may complain to the CIC Regulator by Thursday 30 July 2026" \
  "the regulator and the date one month after the outcome"
expect_contains "$out" "Office of the Regulator of Community Interest Companies" "the body's name"
expect_contains "$out" "<$regulator_url>" "the regulator's link"
expect_not_contains "$out" "next stage of our procedure" "no stage after the Board"

# Plain text: no markup, the name as it is, the link's address whole on its own line.
text=$(c letter 2b1m0001 outcome --as-of 2026-07-01T10:00)
expect_contains "$text" "Dear *Jo* <b>Bloggs</b>," "the name, literal in text"
expect_contains "$text" $'\n'"$regulator_url"$'\n' "the address, uncut"
expect_not_contains "$text" "##" "no heading markup"
expect_not_contains "$text" "<https" "no link markup"
while IFS= read -r line; do
  [ ${#line} -le 72 ] || [ "$line" == "$regulator_url" ] || fail "line over 72 columns: $line"
done <<<"$text"

# HTML: a complete document, the name escaped, the regulator's address a link, no scripts.
html=$(c letter 2b1m0001 outcome --as-of 2026-07-01T10:00 --format html)
expect_contains "$html" "<!DOCTYPE html>" "a complete document"
expect_contains "$html" '<meta charset="utf-8">' "its charset"
expect_contains "$html" '<meta name="viewport"' "a viewport"
expect_contains "$html" "Dear *Jo* &lt;b&gt;Bloggs&lt;/b&gt;," "the name, escaped for HTML"
expect_contains "$html" "<a href=\"$regulator_url\">" "the regulator's link"
expect_not_contains "$html" "<script" "no scripts"
expect_not_contains "$html" "<b>" "no markup from a value"

# As of before the Board's outcome: the investigation's outcome, and the Board review to ask
# for. As of before any outcome: none, whatever the file holds later.
out=$(letter 2b1m0001 outcome --as-of 2026-05-02T10:00)
expect_contains "$out" "What we decided: We will refund the trip." "the investigation's outcome"
expect_contains "$out" "- apology or explanation" "its remedies"
expect_contains "$out" "may ask for the next stage of our procedure: Board of Directors review" \
  "the Board review on request"
expect_contains "$out" "please contact Twinkle's SEN Activity Days CIC, twinklessen@yahoo.com" \
  "whom to ask"
expect_not_contains "$out" "CIC Regulator" "the regulator's window is not open yet"
expect_not_contains "$out" "Board agrees" "nothing after --as-of"
expect_exit 2 letter 2b1m0001 outcome --as-of 2026-06-01T10:00
expect_contains "$ERR" "current stage (Board of Directors review)" "the Board has not decided yet"
out=$(letter 2b1m0001 escalation --as-of 2026-05-12T10:00)
expect_contains "$out" "moved from Investigation and resolution to the next stage" "escalation"
expect_contains "$out" "now handled by our Board of Directors" "the Board handles it"
out=$(letter 2b1m0001 acknowledgement --as-of 2026-04-07T10:00)
expect_contains "$out" "received verbally on Thursday 2 April 2026" "a verbal complaint"
expect_contains "$out" "handled by our complaints committee" "serious: the committee"

# --- A register's own template -----------------------------------------------------------------
mkdir templates
printf 'Dear {{complainant}},\n\nOur finding: **{{finding}}**. {{#routes}}By {{route_by}}.{{/routes}}\n' \
  >templates/outcome.md
out=$(c letter 2b1m0001 outcome --as-of 2026-07-01T10:00)
expect_eq "$out" $'Dear *Jo* <b>Bloggs</b>,\n\nOur finding: partly upheld. By Thursday 30 July 2026.' \
  "the register's template is used"
out=$(letter 2b1m0001 update --as-of 2026-07-01T10:00)
expect_contains "$out" "## An update on your complaint" "other kinds keep the default"

# An unknown placeholder is an error at its line and column, and no letter is printed.
printf 'Dear {{complainant}},\n\nOur finding: {{finidng}}.\n' >templates/outcome.md
expect_exit 3 letter 2b1m0001 outcome --as-of 2026-07-01T10:00
expect_eq "$OUT" "" "no letter from a template with an unknown placeholder"
expect_eq "$ERR" "complaints: error: templates/outcome.md:3:14: unknown placeholder 'finidng'; did you mean 'finding'? (the names are listed in docs/LETTERS.md)" \
  "the unknown placeholder, located"
printf 'Dear {{complainant}},\n{{#routes}}\nBy {{route_by}}.\n' >templates/outcome.md
expect_exit 3 letter 2b1m0001 outcome --as-of 2026-07-01T10:00
expect_contains "$ERR" "templates/outcome.md:2:1: section {{#routes}} is not closed" \
  "an unclosed section, located"
# A template that is a symbolic link is refused.
rm templates/outcome.md
ln -s ../complaints/2b1m0001.toml templates/outcome.md
expect_exit 3 letter 2b1m0001 outcome --as-of 2026-07-01T10:00
expect_contains "$ERR" "templates/outcome.md:1:1: is a symbolic link" "a linked template refused"
rm templates/outcome.md

# --- Letters written to files ------------------------------------------------------------------
umask 022
c letter 2b1m0001 outcome --as-of 2026-07-01T10:00 -o letter.txt
expect_eq "$(stat -c %a letter.txt)" 600 "a letter file is private"
expect_contains "$(cat letter.txt)" "Thursday 30 July 2026" "the letter is in the file"
expect_exit 2 letter 2b1m0001 update --as-of 2026-07-01T10:00 -o letter.txt
expect_contains "$ERR" "letter.txt: already exists; add --force to replace it" "no overwrite"
expect_contains "$(cat letter.txt)" "Our response to your complaint" "the file is unchanged"
c letter 2b1m0001 update --as-of 2026-07-01T10:00 -o letter.txt --force
expect_eq "$(stat -c %a letter.txt)" 600 "a replaced letter file is private"
expect_contains "$(cat letter.txt)" "An update on your complaint" "--force replaces it"
c letter 2b1m0001 outcome --as-of 2026-07-01T10:00 --format html -o letter.html
expect_eq "$(stat -c %a letter.html)" 600 "an HTML letter file is private"
touch target.txt
chmod 644 target.txt
ln -s target.txt linked.txt
expect_exit 2 letter 2b1m0001 outcome --as-of 2026-07-01T10:00 -o linked.txt --force
expect_contains "$ERR" "linked.txt: is a symbolic link" "never written through a link"
expect_eq "$(cat target.txt)" "" "the link's target is untouched"
echo "letters: ok"
