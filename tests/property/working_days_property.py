#!/usr/bin/python3
"""Property test: WorkingCalendar::add_working_days against an independent oracle.

Usage: /usr/bin/python3 working_days_property.py PROBE [CASES [WEEKMASK]]

PROBE is the built working_days_probe: it reads "YYYY-MM-DD N" lines and prints the day that
is N working days after that day (England and Wales bank holidays; the working week is
WEEKMASK, numpy's seven 0s and 1s from Monday: 1111100, Monday to Friday, by default, or
1111110 for Monday to Saturday).
This script draws CASES random (start day 2000-2040, N 0-60) pairs with a fixed seed, plus
every bank holiday of the range as a start day, and compares each answer with numpy's
busday_offset.

How the oracle is independent of the code under test:
- Counting is numpy's busday_offset (Debian's python3-numpy), not our loop.
- Easter is computed here by Gauss's method in Lichtenberg's form, not the
  Meeus/Jones/Butcher algorithm of src/core/calendar.cpp, and checked against a table of
  published Easter dates.
- The first and last Mondays of a month are found with numpy (busday_offset with a
  Monday-only week mask), not with the date library.
- Substitute days are written out case by case from the rules in UK-RULES.md (Christmas on
  a Saturday: Monday 27 and Tuesday 28; on a Sunday: Boxing Day Monday 26, Christmas
  Tuesday 27; ...), not by the C++ "next free weekday" loop.
- The one-off and moved holidays are typed in again here from the proclamations.
- Six- and seven-day weeks (docs/POLICY.md): New Year's Day, Christmas Day and Boxing Day are
  days off on their own day whatever the weekday, and their substitute days are days off too.
  So the oracle's holidays are the substitute days above plus 1 January, 25 and 26 December
  themselves; numpy ignores the ones that fall outside the week mask.

Matching the counting rule: our start day is never counted, and N = 0 returns the start day
itself. numpy's busday_offset first rolls a start that is not a business day, then moves N
business days. With roll='backward' a weekend or holiday start moves back to the previous
business day, and N business days after that is the N-th business day after the start, as
ours: so for N >= 1 ours(start, N) == busday_offset(start, N, roll='backward'). (roll=
'forward' would count the next business day as day 0 and land one day late when the start
is not a working day.) For N = 0 numpy would still roll, so the expected answer is the start
day itself.
"""

import random
import subprocess
import sys

try:
    import numpy as np
except ImportError:
    sys.exit("working_days_property: numpy is missing: install Debian's python3-numpy "
             "(tools/deps.sh) and run with /usr/bin/python3")

SEED = 20261223
FIRST_YEAR, LAST_YEAR = 2000, 2040
MAX_N = 60

# Published Easter Sundays, to check the Easter computation below.
KNOWN_EASTERS = {
    2000: "2000-04-23", 2002: "2002-03-31", 2008: "2008-03-23", 2011: "2011-04-24",
    2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05",
    2027: "2027-03-28", 2038: "2038-04-25",
}

# One-off changes (proclamations), England and Wales: (moved from or None, to).
ONE_OFFS = [
    ("2002-05-27", "2002-06-04"),  # spring holiday moved for the Golden Jubilee
    (None, "2002-06-03"),          # Queen's Golden Jubilee
    (None, "2011-04-29"),          # Royal Wedding
    ("2012-05-28", "2012-06-04"),  # spring holiday moved
    (None, "2012-06-05"),          # Queen's Diamond Jubilee
    ("2020-05-04", "2020-05-08"),  # early May holiday moved to VE day
    ("2022-05-30", "2022-06-02"),  # spring holiday moved
    (None, "2022-06-03"),          # Platinum Jubilee
    (None, "2022-09-19"),          # State Funeral of Queen Elizabeth II
    (None, "2023-05-08"),          # Coronation of King Charles III
]


def easter_sunday(year):
    """Gauss's Easter method, Lichtenberg's form (Gregorian)."""
    k = year // 100
    m = 15 + (3 * k + 3) // 4 - (8 * k + 13) // 25
    s = 2 - (3 * k + 3) // 4
    a = year % 19
    d = (19 * a + m) % 30
    r = (d + a // 11) // 29
    og = 21 + d - r
    sz = 7 - (year + year // 4 + s) % 7
    oe = 7 - (og - sz) % 7
    march_day = og + oe  # day of March; 32 means 1 April
    return np.datetime64(f"{year}-03-01") + np.timedelta64(march_day - 1, "D")


def weekday(day):
    """0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday)."""
    return int((day.astype("int64") + 3) % 7)


def first_monday(year, month):
    return np.busday_offset(f"{year}-{month:02d}", 0, roll="forward", weekmask="Mon")


def last_monday(year, month):
    following = f"{year + (month == 12)}-{month % 12 + 1:02d}"
    return np.busday_offset(following, -1, roll="forward", weekmask="Mon")


def new_year(year):
    day = np.datetime64(f"{year}-01-01")
    return day + np.timedelta64({5: 2, 6: 1}.get(weekday(day), 0), "D")


def christmas_and_boxing_day(year):
    christmas = np.datetime64(f"{year}-12-25")
    offsets = {
        4: (0, 3),  # Friday 25: Boxing Day Saturday -> Monday 28
        5: (2, 3),  # Saturday 25: Monday 27 and Tuesday 28
        6: (2, 1),  # Sunday 25: Boxing Day Monday 26, Christmas Tuesday 27
    }.get(weekday(christmas), (0, 1))
    return [christmas + np.timedelta64(offset, "D") for offset in offsets]


def bank_holidays(year):
    easter = easter_sunday(year)
    days = [
        new_year(year),
        easter - np.timedelta64(2, "D"),  # Good Friday
        easter + np.timedelta64(1, "D"),  # Easter Monday
        first_monday(year, 5),            # early May
        last_monday(year, 5),             # spring
        last_monday(year, 8),             # summer
        *christmas_and_boxing_day(year),
    ]
    # The fixed dates themselves: a day off in any week that includes their weekday.
    days += [np.datetime64(f"{year}-{month_day}") for month_day in ("01-01", "12-25", "12-26")]
    for moved_from, to in ONE_OFFS:
        if int(to[:4]) != year:
            continue
        if moved_from is not None:
            days.remove(np.datetime64(moved_from))
        days.append(np.datetime64(to))
    return days


def check_easter():
    for year, known in KNOWN_EASTERS.items():
        if easter_sunday(year) != np.datetime64(known):
            sys.exit(f"oracle's Easter {year} is {easter_sunday(year)}, published {known}")


def make_cases(count, holidays):
    rng = random.Random(SEED)
    first = np.datetime64(f"{FIRST_YEAR}-01-01")
    span = int((np.datetime64(f"{LAST_YEAR}-12-31") - first).astype(int))
    cases = [(first + np.timedelta64(rng.randint(0, span), "D"), rng.randint(0, MAX_N))
             for _ in range(count)]
    in_range = [h for h in holidays if FIRST_YEAR <= h.astype(object).year <= LAST_YEAR]
    cases += [(h, rng.randint(0, MAX_N)) for h in in_range]
    return cases


def run_probe(probe, cases, weekmask):
    text = "".join(f"{start} {n}\n" for start, n in cases)
    done = subprocess.run([probe, weekmask], input=text, capture_output=True, text=True,
                          timeout=60)
    if done.returncode != 0:
        sys.exit(f"probe failed with exit {done.returncode}: {done.stderr}")
    answers = done.stdout.split()
    if len(answers) != len(cases):
        sys.exit(f"probe gave {len(answers)} answers for {len(cases)} cases")
    return answers


def expected(cases, holidays, weekmask):
    starts = np.array([start for start, _ in cases], dtype="datetime64[D]")
    counts = np.array([n for _, n in cases])
    moved = np.busday_offset(starts, counts, roll="backward", holidays=holidays,
                             weekmask=weekmask)
    return np.where(counts == 0, starts, moved)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    weekmask = sys.argv[3] if len(sys.argv) > 3 else "1111100"
    check_easter()
    holidays = np.array(sorted(h for year in range(FIRST_YEAR - 1, LAST_YEAR + 2)
                               for h in bank_holidays(year)), dtype="datetime64[D]")
    cases = make_cases(count, holidays)
    answers = run_probe(sys.argv[1], cases, weekmask)
    failures = [(start, n, got, str(want)) for (start, n), got, want
                in zip(cases, answers, expected(cases, holidays, weekmask)) if got != str(want)]
    for start, n, got, want in failures[:20]:
        print(f"FAIL: {start} + {n} working days: ours {got}, numpy {want}")
    print(f"{len(cases) - len(failures)} passed, {len(failures)} failed "
          f"(seed {SEED}, week {weekmask}, {len(holidays)} oracle holidays)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
