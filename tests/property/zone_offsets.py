#!/usr/bin/python3
"""Writes tests/property/zone_offsets.txt: what Python's zoneinfo (an independent reading of
the same tzdata, footer rule included) says about moments around every change of the clocks
in 2026-2100, in zones chosen for their rules. tests/unit/zone_rule_test.cpp checks our
conversions against it. Run with Debian's /usr/bin/python3 (zoneinfo needs the system tzdata):

    /usr/bin/python3 tests/property/zone_offsets.py > tests/property/zone_offsets.txt

Lines:
    utc ZONE INSTANT LOCAL    the moment INSTANT (UTC) reads LOCAL (RFC 3339) in ZONE
    local ZONE WALL INSTANT   the wall-clock time WALL in ZONE is INSTANT; in a gap it is read
                              with the offset from before the gap, in an overlap as the
                              earlier moment (Python's fold=0, our documented rule)
"""

import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ZONES = [
    "Europe/London",        # GMT0BST,M3.5.0/1,M10.5.0
    "Europe/Paris",         # CET-1CEST,M3.5.0,M10.5.0/3
    "Europe/Dublin",        # IST-1GMT0,M10.5.0,M3.5.0/1: negative summer time (winter is "DST")
    "America/New_York",     # EST5EDT,M3.2.0,M11.1.0
    "America/Sao_Paulo",    # <-03>3: no summer time
    "America/Santiago",     # changes at 24:00 (M9.1.6/24)
    "America/Nuuk",         # changes at -1:00 (M3.5.0/-1)
    "Australia/Sydney",     # AEST-10AEDT,M10.1.0,M4.1.0/3: southern hemisphere
    "Australia/Lord_Howe",  # summer time of half an hour
    "Pacific/Auckland",     # NZST-12NZDT,M9.5.0,M4.1.0/3
    "Pacific/Chatham",      # offsets of +12:45 and +13:45
    "Africa/Casablanca",    # transitions listed to 2087, then a fixed offset
]
FIRST_YEAR, LAST_YEAR = 2026, 2100
UTC = timezone.utc


def offset(zone, instant):
    return instant.astimezone(zone).utcoffset()


def changes(zone, year):
    """The instants (UTC, whole seconds) at which the zone's offset changes in `year`."""
    out = []
    t = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=6)
    while t < end:
        if offset(zone, t) != offset(zone, t + step):
            lo, hi = t, t + step  # offset(lo) differs from offset(hi)
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) // 2
                mid = mid.replace(microsecond=0)
                if offset(zone, mid) == offset(zone, lo):
                    lo = mid
                else:
                    hi = mid
            out.append(hi)
        t += step
    return out


def rfc3339(moment):
    text = moment.isoformat()
    return text[:-6] + "+00:00" if text.endswith("+00:00") else text


def utc_line(name, zone, instant):
    return f"utc {name} {instant.strftime('%Y-%m-%dT%H:%M:%SZ')} {rfc3339(instant.astimezone(zone))}"


def local_line(name, zone, wall):
    instant = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    return f"local {name} {wall.strftime('%Y-%m-%dT%H:%M:%S')} {rfc3339(instant)}"


def main():
    lines = []
    for name in ZONES:
        zone = ZoneInfo(name)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for month in (1, 7):
                lines.append(utc_line(name, zone, datetime(year, month, 15, 12, tzinfo=UTC)))
            for change in changes(zone, year):
                for delta in (-1, 0, 1):
                    lines.append(utc_line(name, zone, change + timedelta(seconds=delta)))
                before = (change - timedelta(seconds=1)).astimezone(zone)  # last second before
                wall_before = before.replace(tzinfo=None)
                wall_after = change.astimezone(zone).replace(tzinfo=None)
                for wall in (wall_before - timedelta(minutes=30), wall_before,
                             wall_after, wall_after + timedelta(minutes=30),
                             min(wall_before, wall_after) + abs(wall_after - wall_before) / 2):
                    lines.append(local_line(name, zone, wall.replace(microsecond=0)))
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main()
