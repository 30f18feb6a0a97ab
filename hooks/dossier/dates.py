"""Explicit calendar dates in German and English text ("17. September 2025", "June 21, 2025",
"08.08.2025", "15.08.25", "2025-06-21").

Used by the parser for date lines and for the "latest date mentioned" hint.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    # German (with Austrian forms) and English, full names and common abbreviations.
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "feber": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_FULL_PATTERNS = (
    re.compile(rf"\b{_DAY}\.\s*{_MONTH}\s+{_YEAR}\b", re.IGNORECASE),          # 17. September 2025
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b", re.IGNORECASE),            # 24 March 2020
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE),  # June 21, 2025
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)?\d\d)\b"),  # 08.08.2025
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),         # 2025-06-21
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    words: str


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mnum"])
    year = int(groups["year"])
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None


def find_full_dates(text: str) -> list[FoundDate]:
    """Every explicit day-precise date in `text`, left to right, without overlaps."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _FULL_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            date = _to_date(match)
            if date is not None:
                found.append(FoundDate(match.start(), match.end(), date, match.group(0)))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:stand|veröffentlicht( am)?|aktualisiert( am)?|published( on)?|updated( on)?|datum|date)"
    r"\s*:?\s*)?", re.IGNORECASE)


def parse_date_line(line: str) -> dt.date | None:
    """The date when a whole line is just a date (optionally "Stand:", a weekday, a time)."""
    rest = _DATE_LINE_PREFIX.sub("", line.strip())
    dates = find_full_dates(rest)
    if len(dates) != 1:
        return None
    leftover = rest[:dates[0].start] + rest[dates[0].end:]
    leftover = re.sub(r"\b\d{1,2}[:.]\d{2}( ?uhr| ?[ap]\.?m\.?)?\b", "", leftover, flags=re.IGNORECASE)
    leftover = re.sub(r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|"
                      r"tuesday|wednesday|thursday|friday|saturday|sunday|um|at|uhr|mez|mesz|cet|"
                      r"cest|utc)\b", "", leftover, flags=re.IGNORECASE)
    return dates[0].date if not re.sub(r"[\s,|·–-]", "", leftover) else None
