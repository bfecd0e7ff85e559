#!/usr/bin/python3
"""Property test: the dates in `complaints explain`'s sentences against an independent count.

Usage: /usr/bin/python3 explain_property.py COMPLAINTS GOVUK_JSON [COMPLAINTS_PER_RUN]

COMPLAINTS is the built binary; GOVUK_JSON the bank holidays GOV.UK publishes
(tests/data/uk-bank-holidays-govuk.json, England and Wales 2012-2027). The script
makes a register whose policy has one milestone for each kind of period (working days,
calendar days, weeks, months; 0 and more; with and without beginning_with, roll_forward and
from_working_day), adds complaints received on every bank holiday, the day before each, month
ends and random days, runs `explain --format json` on each, reads the dates out of each
deadline's sentences (counting, note, result) and its lists (first day, days not counted,
roll-forward), and checks every one against its own count. A wrong sentence fails.

How the count is independent of the code under test:
- Bank holidays come from GOV.UK's published list, not the rules in src/core/calendar.cpp.
- Working days are numpy's is_busday/busday_offset (Debian's python3-numpy), not our loop.
- Days, weeks and months are Python's datetime and calendar.monthrange, counted here as the
  rules in docs/POLICY.md state them: "day 1" first, then the rest of the period after it.
- Weekday and month names in each sentence are checked against datetime.
"""

import calendar
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

try:
    import numpy as np
except ImportError:
    sys.exit("explain_property: numpy is missing: install Debian's python3-numpy "
             "(tools/deps.sh) and run with /usr/bin/python3")

SEED = 20261201
WORKERS = 4
MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)
LONG = r"(?:%s) \d{1,2} (?:%s) \d{4}" % ("|".join(WEEKDAYS), "|".join(MONTHS))
UNIT_WORDS = {"wd": "working days", "d": "days", "w": "weeks", "m": "months"}


class Oracle:
    """Working days of England and Wales from GOV.UK's list, Monday to Friday."""

    def __init__(self, govuk_path):
        with open(govuk_path, encoding="utf-8") as f:
            events = json.load(f)["england-and-wales"]["events"]
        self.holidays = sorted({e["date"] for e in events})
        self.first = dt.date.fromisoformat(self.holidays[0][:4] + "-01-01")
        self.last = dt.date.fromisoformat(self.holidays[-1][:4] + "-12-31")
        self.np_holidays = np.array(self.holidays, dtype="datetime64[D]")

    def working(self, day):
        return bool(np.is_busday(np.datetime64(day.isoformat()), holidays=self.np_holidays))

    def working_on_or_after(self, day):
        return to_date(np.busday_offset(np.datetime64(day.isoformat()), 0, roll="forward",
                                        holidays=self.np_holidays))

    def working_days_on(self, day1, count):
        """The working day `count` working days after working day `day1`."""
        return to_date(np.busday_offset(np.datetime64(day1.isoformat()), count,
                                        holidays=self.np_holidays))


def to_date(value):
    return dt.date.fromisoformat(str(value))


def add_months(day, count):
    """(the corresponding day `count` months on, or that month's last; whether clamped)."""
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last)), day.day > last


def expected(oracle, received, unit, count, beginning_with, roll, from_working):
    """What the rules say about one period: anchor day, day 1, last day before rolling, due
    day, month facts."""
    anchor = oracle.working_on_or_after(received) if from_working else received
    out = {"anchor": anchor, "day1": None, "clamped": None, "corresponding": None}
    if count == 0:
        last = anchor
    elif unit in ("d", "w"):
        out["day1"] = anchor if beginning_with else anchor + dt.timedelta(days=1)
        last = out["day1"] + dt.timedelta(days=count * (7 if unit == "w" else 1) - 1)
    elif unit == "wd":
        start = anchor if beginning_with else anchor + dt.timedelta(days=1)
        out["day1"] = oracle.working_on_or_after(start)
        last = oracle.working_days_on(out["day1"], count - 1)
    else:
        out["day1"] = anchor if beginning_with else anchor + dt.timedelta(days=1)
        corresponding, clamped = add_months(anchor, count)
        out["clamped"], out["corresponding"] = clamped, corresponding
        last = corresponding - dt.timedelta(days=1) if beginning_with and not clamped \
            else corresponding
    if unit == "m" and count == 0:
        out["clamped"] = False
    out["unrolled"] = last
    out["due"] = oracle.working_on_or_after(last) if roll else last
    return out


def milestones():
    """(id, unit, count, beginning_with, roll_forward, from_working_day) for the policy."""
    out = []
    counts = {"wd": [0, 1, 2, 5, 10, 20], "d": [0, 1, 7, 28], "w": [0, 1, 8],
              "m": [0, 1, 3, 6, 12]}
    for unit, numbers in counts.items():
        for count in numbers:
            for beginning_with in (False, True):
                rolls = (False,) if unit == "wd" else (False, True)
                for roll in rolls:
                    out.append((unit, count, beginning_with, roll, False))
    for count in (1, 10):
        for beginning_with in (False, True):
            out.append(("wd", count, beginning_with, False, True))
            out.append(("d", count, beginning_with, False, True))
    return [(f"m{i}", *m) for i, m in enumerate(out)]


def policy_text(items):
    lines = ['[policy]', 'id = "counts"', 'version = "2026-01-01"', 'title = "Counts"',
             'organisation = "Counts"', '', '[calendar]', 'time_zone = "Europe/London"',
             'bank_holidays = "england-and-wales"', '', '[[stage]]', 'id = "first"',
             'title = "First"', 'entry = ["receipt"]']
    for ident, unit, count, beginning_with, roll, from_working in items:
        lines += ['', '  [[stage.milestone]]', f'  id = "{ident}"',
                  f'  within = "{count} {UNIT_WORDS[unit]}"', '  from = "receipt"',
                  '  met_by = "acknowledged"']
        for key, on in (("beginning_with", beginning_with), ("roll_forward", roll),
                        ("from_working_day", from_working)):
            if on:
                lines.append(f"  {key} = true")
    return "\n".join(lines) + "\n"


def receipt_days(oracle, random_days):
    """Every bank holiday and the day before it, month ends, and random days; all far enough
    from the end of GOV.UK's list for a year's period to stay inside it."""
    latest = oracle.last - dt.timedelta(days=400)
    days = set()
    for holiday in oracle.holidays:
        day = dt.date.fromisoformat(holiday)
        days.add(day)
        if day.year % 2 == 0:  # the day before: day 1 lands after the holiday
            days.add(day - dt.timedelta(days=1))
    for year in (2023, 2024):  # a leap year and another
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            days.update(dt.date(year, month, d) for d in range(29, last + 1))
    rng = random.Random(SEED)
    span = (latest - oracle.first).days
    days.update(oracle.first + dt.timedelta(days=rng.randrange(span)) for _ in range(random_days))
    return sorted(d for d in days if oracle.first <= d <= latest)


def dates_in(text):
    """Each long date in `text`, checked: the weekday named must be that date's."""
    found = []
    for match in re.finditer(LONG, text):
        weekday, day, month, year = match.group(0).split(" ")
        date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
        if WEEKDAYS[date.weekday()] != weekday:
            raise AssertionError(f"'{match.group(0)}' names the wrong weekday")
        found.append(date)
    return found


def one_date(pattern, text):
    """The dates of every match of `pattern` (with LONG in it as {d}) in `text`."""
    return [dates_in(m.group(1))[0] for m in re.finditer(pattern.format(d=f"({LONG})"), text)]


def check_deadline(oracle, received, item, d):
    _, unit, count, beginning_with, roll, from_working = item
    want = expected(oracle, received, unit, count, beginning_with, roll, from_working)
    counting, note, result = d["counting"], d["note"], d["result"]
    problems = []

    def expect(ok, what):
        if not ok:
            problems.append(what)

    for sentence in (counting, note, result):
        dates_in(sentence)  # weekday names
    # Day 1: said once, as the count says, or not at all for a period of no days.
    claims = one_date(r"Day 1 is {d}", counting) + one_date(r"{d} counts as day 1", counting)
    if want["day1"] is None:
        expect(claims == [], f"no day 1 for {count}, got {claims}")
        expect(one_date(r"itself \({d}\)", counting) == [want["anchor"]],
               f"ends on the anchor day {want['anchor']}")
        expect(d["first_day"] is None, "first_day null")
    else:
        expect(claims == [want["day1"]], f"day 1 {want['day1']}, said {claims}")
        expect(d["first_day"] == want["day1"].isoformat(), f"first_day {want['day1']}")
    for day in one_date(r"{d} counts as day 1", counting):
        expect(day == want["anchor"], "only the anchor day counts as day 1")
    for day in one_date(r"\({d}\) is not counted", counting) + \
            one_date(r"{d} is not a working day", counting):
        expect(day == want["anchor"] and day != want["day1"],
               f"{day} said not counted: the anchor day is {want['anchor']}, day 1 {want['day1']}")
    for day in one_date(r"{d} is not a working day", counting) + \
            one_date(r"was on {d}, not a working day", counting):
        expect(not oracle.working(day), f"{day} said not a working day")
    if from_working and want["anchor"] != received:
        expect(one_date(r"was on {d}", counting) == [received], f"received {received}")
        expect(one_date(r"counts as on {d}", counting) == [want["anchor"]],
               f"counts as on {want['anchor']}")
    else:
        expect("counts as on" not in counting, "no moved anchor")
    # The result and the day the count ended on before rolling forward.
    expect(one_date(r"Due by the end of {d}\.", result) == [want["due"]], f"due {want['due']}")
    expect(d["due"].startswith(want["due"].isoformat()), f"due field {want['due']}")
    rolled = want["unrolled"] if want["due"] != want["unrolled"] else None
    expect(d["rolled_forward_from"] == (rolled and rolled.isoformat()), f"rolled from {rolled}")
    # Months: a month without the day, and the day before the corresponding date.
    if unit == "m":
        missing = re.findall(r"(\w+) (\d{4}) has no day (\d+), so the period ends on its last day",
                             note)
        c = want["corresponding"] or want["anchor"]
        if want["clamped"]:
            expect(missing == [(MONTHS[c.month - 1], str(c.year), str(want["anchor"].day))],
                   f"note: {MONTHS[c.month - 1]} {c.year} has no day {want['anchor'].day}")
        else:
            expect(missing == [], "no missing day")
        before = re.findall(r"Beginning with (%s), .* the day before the corresponding date, "
                            r"(%s)\." % (LONG, LONG), note)
        if beginning_with and count > 0 and not want["clamped"]:
            expect([tuple(dates_in(" ".join(b))) for b in before] ==
                   [(want["anchor"], want["corresponding"])],
                   f"note: beginning with {want['anchor']}, before {want['corresponding']}")
        else:
            expect(before == [], "no corresponding-date note")
    else:
        expect(note == "", f"no note for {unit}")
    # Working days: every day not counted, and only those.
    if unit == "wd":
        start = want["anchor"] if beginning_with else want["anchor"] + dt.timedelta(days=1)
        days_off = [start + dt.timedelta(days=i) for i in range((want["unrolled"] - start).days + 1)]
        days_off = [x.isoformat() for x in days_off if not oracle.working(x)]
        expect([s["date"] for s in d["skipped"]] == days_off, f"days not counted {days_off}")
        for s in d["skipped"]:
            day = dt.date.fromisoformat(s["date"])
            if s["date"] in oracle.holidays:
                expect("bank holiday" in s["why"], f"{s['date']} is a bank holiday: {s['why']}")
            elif day.weekday() >= 5:
                expect(s["why"] == WEEKDAYS[day.weekday()], f"{s['date']}: {s['why']}")
    return problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, govuk = sys.argv[1], sys.argv[2]
    random_days = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    oracle = Oracle(govuk)
    items = milestones()
    env = dict(os.environ, TZ="America/Los_Angeles", LC_ALL="C.UTF-8")
    env.pop("COMPLAINTS_NOW", None)
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as work:
        policy = os.path.join(work, "counts.toml")
        with open(policy, "w", encoding="utf-8") as f:
            f.write(policy_text(items))
        # A few registers side by side: each command waits mostly on fsync, not on the CPU.
        registers = [os.path.join(work, f"register-{i}") for i in range(WORKERS)]
        for register in registers:
            subprocess.run([binary, "init", register, "--policy", policy], env=env, check=True,
                           capture_output=True, text=True, cwd=work)

        def explain(n, received):
            at = f"{received.isoformat()}T{('10:00', '00:30', '23:30')[n % 3]}"

            def run(*args):
                return subprocess.run([binary, "-C", registers[n % WORKERS], "--as-of", at, *args],
                                      env=env, check=True, capture_output=True, text=True).stdout

            ident = run("add", "--summary", f"Complaint {n}", "--received", at).strip()
            return at, received, json.loads(run("explain", ident, "--format", "json"))

        days = receipt_days(oracle, random_days)
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(explain, range(len(days)), days))
        for at, received, explained in results:
            by_id = {d["milestone"]: d for d in explained["deadlines"]}
            for item in items:
                checked += 1
                d = by_id[item[0]]
                problems = check_deadline(oracle, received, item, d)
                if problems:
                    failures.append(f"received {at}, {item}: " + "; ".join(problems) +
                                    f"\n    counting: {d['counting']}\n    note: {d['note']}"
                                    f"\n    result: {d['result']}")
    for failure in failures[:20]:
        print("FAIL:", failure)
    print(f"explain_property: {checked} deadlines checked, {len(failures)} wrong")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
