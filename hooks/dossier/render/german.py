"""German wording used on the pages: dates, counts, provenance labels."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember")
SEASON_NAMES = {3: "Frühjahr", 6: "Sommer", 9: "Herbst", 12: "Winter"}
PROVENANCE = {"front matter": "aus dem Dateikopf", "text": "aus dem Text", None: "unbekannt"}


def long_date(iso: str) -> str:
    """'2025-09-17' -> '17. September 2025'."""
    date = dt.date.fromisoformat(iso)
    return format_when(date, date, "day")


# The one place where dates are worded for the reader: a day, a month, a season, a span.
def _day(date: dt.date) -> str:
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


def _month(date: dt.date) -> str:
    return f"{MONTH_NAMES[date.month - 1]} {date.year}"


def format_when(first: dt.date, last: dt.date, precision: str) -> str:
    """German wording of an interval at its precision: "21. Juni 2025", "Juni 2025",
    "Herbst 2014", "Ende Juli 2025", "27.–28. Februar 2019", "1998–2002"."""
    if precision == "since":
        return "seit " + format_when(first, last, _base_precision(first, last))
    if precision == "decade":
        start = first.year // 10 * 10
        if (first.year, last.year) == (start, start + 9):
            return f"{start}er Jahre"
        part = {0: "Anfang", 4: "Mitte"}.get(first.year - start, "Ende")
        return f"{part} der {start}er Jahre"
    if precision == "day" or first == last:
        return _day(first)
    if precision == "month":
        return _month(first)
    if precision == "year":
        return str(first.year)
    if precision == "season":
        name = SEASON_NAMES.get(first.month, "")
        return f"{name} {first.year}" + (f"/{str(last.year)[2:]}" if last.year != first.year else "")
    if precision == "part":
        if first.month == last.month:
            part = {1: "Anfang", 11: "Mitte"}.get(first.day, "Ende")
            return f"{part} {_month(first)}"
        part = {1: "Anfang", 5: "Mitte"}.get(first.month, "Ende")
        return f"{part} {first.year}"
    if precision == "week" and first.weekday() == 0 and (last - first).days == 6:
        return f"Woche vom {first.day}. {MONTH_NAMES[first.month - 1]} bis {_day(last)}"
    if precision == "week":
        return f"um den {_day(first + (last - first) / 2)}"
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return f"{first.year}–{last.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}.–{_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _base_precision(first: dt.date, last: dt.date) -> str:
    if first == last:
        return "day"
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and (first.year, first.month) == (last.year,
                                                                                                   last.month):
        return "month"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return "year" if first.year == last.year else "range"
    return "range"


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def number(n: int) -> str:
    """A whole number with the German thousands separator: 4812 -> '4.812'."""
    return f"{n:,}".replace(",", ".")
