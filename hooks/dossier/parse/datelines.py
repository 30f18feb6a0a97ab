"""Dates the parser needs: a line that is only a date (the article's date line), and the
explicit day-precise dates of a text (for the "latest date mentioned" hint). Both use the
one date grammar in dateexpr.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.annotate.dates.expressions import DAY_RULES, find


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    words: str


def find_full_dates(text: str) -> list[FoundDate]:
    """Every explicit day-precise date in `text` ("17. September 2025", "08.08.2025", …)."""
    return [FoundDate(f.start, f.end, f.spec.fixed[0], f.words) for f in find(text, DAY_RULES)
            if f.spec.fixed is not None and not f.problem]


_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:stand|veröffentlicht( am)?|aktualisiert( am)?|published( on)?|updated( on)?|datum|date)"
    r"\s*:?\s*)?", re.IGNORECASE)


# "4 Min. Lesezeit", "Lesezeit: 3 Minuten", "5 min read": the reading time beside a date line.
_READING_TIME = re.compile(r"\b(?:(?:lesezeit|lesedauer|reading\s+time)\s*:?\s*)?\d+\s*(?:min(?:uten|utes?)?\.?|mins?)"
                           r"(?:\s*(?:lesezeit|lesedauer|read|reading\s+time))?", re.IGNORECASE)


def parse_date_line(line: str) -> dt.date | None:
    """The date when a whole line is just a date (optionally "Stand:", a weekday, a time)."""
    return read_date_line(line)[0]


def read_date_line(line: str) -> tuple[dt.date | None, str | None]:
    """(the date, None) when the whole line is a date line, (None, the date's words) when it is
    one whose date is no calendar date, else (None, None): one scan for both answers."""
    rest = _DATE_LINE_PREFIX.sub("", line.strip())
    found = find(rest, DAY_RULES)
    dates = [f for f in found if f.spec.fixed is not None and not f.problem]      # find_full_dates'
    if len(dates) == 1:
        fixed = dates[0].spec.fixed
        assert fixed is not None
        return (fixed[0] if _only_the_date(rest, dates[0].start, dates[0].end) else None), None
    if len(found) == 1 and found[0].problem and _only_the_date(rest, found[0].start, found[0].end):
        return None, found[0].words
    return None, None


def _only_the_date(rest: str, start: int, end: int) -> bool:
    """Nothing but a time, a weekday, a zone or a reading time beside the date."""
    leftover = rest[:start] + rest[end:]
    leftover = re.sub(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?uhr\b| ?[ap]\.?m\b\.?)?(?!\w)", "", leftover,
                      flags=re.IGNORECASE)
    leftover = _READING_TIME.sub("", leftover)
    leftover = re.sub(r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|"
                      r"tuesday|wednesday|thursday|friday|saturday|sunday|um|at|uhr|mez|mesz|cet|"
                      r"cest|utc|gmt|bst|est|edt|cst|cdt|pst|pdt|et|msk)\b", "", leftover, flags=re.IGNORECASE)
    return not re.sub(r"[\s,|·–-]", "", leftover)
