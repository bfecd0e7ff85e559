#!/usr/bin/python3
"""Differential test: the bank holidays `complaints calendar` lists against an oracle.

Usage: /usr/bin/python3 bank_holidays_differential.py COMPLAINTS ORACLE DIFFERENCES

COMPLAINTS is the built binary. For each division and year it runs
`complaints calendar --year Y --division D --format json` outside any register (so Monday to
Friday, no closures) and compares the days listed with the oracle's weekdays:

- govuk: GOV.UK's published bank holidays, 2012-2027 (tests/data/uk-bank-holidays-govuk.json,
  Open Government Licence v3.0).
- python-holidays: Debian's python3-holidays (England, Scotland, NorthernIreland, with observed
  days), 1971-2030.

DIFFERENCES (tests/data/bank-holiday-differences.toml) lists every known, decided difference
with the reason from the Acts and proclamations: `[[difference]]` tables with `oracle`,
`division`, `only_in` ("complaints" or the oracle's name), `dates` and `reason`. The test fails
on a difference that is not listed (naming the division, the date and who lists it), and on a
listed difference that no longer occurs, so the file stays true.
"""

import json
import os
import subprocess
import sys
import tempfile
import tomllib

DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")
HERE = os.path.dirname(os.path.abspath(__file__))
GOVUK_FILE = os.path.join(HERE, "..", "data", "uk-bank-holidays-govuk.json")


def ours(binary, division, year, where):
    done = subprocess.run(
        [binary, "calendar", "--year", str(year), "--division", division, "--format", "json"],
        capture_output=True, text=True, cwd=where, timeout=30,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"})
    if done.returncode != 0:
        sys.exit(f"complaints calendar --year {year} --division {division} failed with exit "
                 f"{done.returncode}: {done.stderr.strip()}")
    return {day["date"] for day in json.loads(done.stdout)["days"]}


def govuk():
    """{division: {year: set of dates}} from GOV.UK's published lists, 2012-2027."""
    with open(GOVUK_FILE, encoding="utf-8") as file:
        data = json.load(file)
    out = {}
    for division in DIVISIONS:
        years = {int(year): set() for year in data["snapshot_of_year"][division]}
        for event in data[division]["events"]:
            year = int(event["date"][:4])
            if year in years:
                years[year].add(event["date"])
        out[division] = years
    return out


def python_holidays():
    """{division: {year: set of weekday dates}} from python3-holidays, 1971-2030."""
    try:
        import holidays
    except ImportError:
        sys.exit("bank_holidays_differential: python3-holidays is missing: install Debian's "
                 "python3-holidays (tools/deps.sh) and run with /usr/bin/python3")
    classes = {"england-and-wales": holidays.England, "scotland": holidays.Scotland,
               "northern-ireland": holidays.NorthernIreland}
    out = {}
    for division, cls in classes.items():
        out[division] = {}
        for year in range(1971, 2031):
            days = cls(years=year, observed=True)
            out[division][year] = {day.isoformat() for day in days
                                   if day.year == year and day.weekday() < 5}
    return out


def known_differences(path, oracle):
    """{(division, date, only_in): reason} for `oracle`, and problems with the file."""
    with open(path, "rb") as file:
        data = tomllib.load(file)
    known, problems = {}, []
    for number, entry in enumerate(data.get("difference", []), start=1):
        if entry.get("oracle") != oracle:
            continue
        reason = entry.get("reason", "").strip()
        if not reason:
            problems.append(f"{path}: difference {number} has no reason")
        for day in entry["dates"]:
            key = (entry["division"], day.isoformat(), entry["only_in"])
            if key in known:
                problems.append(f"{path}: {key} is listed twice")
            known[key] = reason
    return known, problems


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("govuk", "python-holidays"):
        sys.exit(__doc__)
    binary, oracle, differences = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    theirs = govuk() if oracle == "govuk" else python_holidays()
    known, problems = known_differences(differences, oracle)
    found = set()
    compared = 0
    with tempfile.TemporaryDirectory() as where:
        for division in DIVISIONS:
            for year, their_days in sorted(theirs[division].items()):
                our_days = ours(binary, division, year, where)
                compared += len(our_days | their_days)
                found |= {(division, day, "complaints") for day in our_days - their_days}
                found |= {(division, day, oracle) for day in their_days - our_days}
    for division, day, only_in in sorted(found - set(known)):
        problems.append(f"NEW DIFFERENCE: {division} {day} is listed only by {only_in}")
    for division, day, only_in in sorted(set(known) - found):
        problems.append(f"STALE: {division} {day} (only in {only_in}) is in {differences} "
                        f"but both now agree; remove it")
    for problem in problems:
        print(problem)
    print(f"{oracle}: {compared} days compared, {len(found)} known differences, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
