"""German wording used on the pages: dates, counts, provenance labels."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember")
PROVENANCE = {"front matter": "aus dem Dateikopf", "text": "aus dem Text", None: "unbekannt"}


def long_date(iso: str) -> str:
    """'2025-09-17' -> '17. September 2025'."""
    date = dt.date.fromisoformat(iso)
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def number(n: int) -> str:
    """A whole number with the German thousands separator: 4812 -> '4.812'."""
    return f"{n:,}".replace(",", ".")
