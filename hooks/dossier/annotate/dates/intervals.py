"""Interval arithmetic of the date grammar: every expression means an interval of days
(first, last), at a precision; these functions build them."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dossier.annotate.dates.vocabulary import SEASONS, WEEKDAYS

Interval = tuple[dt.date, dt.date]


class InvalidDate(ValueError):
    """A phrase shaped like a date that names no calendar day ("31. April 2025")."""


@dataclass(frozen=True)
class Spec:
    """What an expression says before resolution: exactly one of fixed, yearless, relative."""

    precision: str                                              # day, week, month, part, season, year, decade,
    fixed: Interval | None = None                               # range, since
    yearless: Callable[[int], Interval] | None = None           # needs a year
    relative: Callable[[Interval], Interval] | None = None      # needs an anchor interval
    anchor: str = "article"                                     # "article" or "previous"
    explicit_year: int | None = None
    forward: bool = False                                       # a year-less date the text points ahead to
    month_first: Interval | None = None                         # "05/06/2025" read the English way


def day(y: int, m: int, d: int) -> Interval:
    try:
        date = dt.date(y, m, d)
    except ValueError as error:
        raise InvalidDate(str(error)) from None
    return date, date


def whole_month(y: int, m: int) -> Interval:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def month_span(y1: int, m1: int, y2: int, m2: int) -> Interval:
    return whole_month(y1, m1)[0], whole_month(y2, m2)[1]


def month_part(y: int, m: int, part: str) -> Interval:
    last = calendar.monthrange(y, m)[1]
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return dt.date(y, m, days[0]), dt.date(y, m, days[1])


def year_part(y: int, part: str) -> Interval:
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return dt.date(y, months[0], 1), whole_month(y, months[1])[1]


def season(y: int, name: str) -> Interval:
    first, last = SEASONS[name.lower()]
    if first > last:  # winter: December of y to February of y + 1
        return dt.date(y, 12, 1), whole_month(y + 1, last)[1]
    return dt.date(y, first, 1), whole_month(y, last)[1]


def year(y: int) -> Interval:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def years(y1: int, y2: int) -> Interval:
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31)


def decade(start: int, part: str | None) -> Interval:
    """"die 1990er Jahre": 1990-1999; early, mid, late: 0-3, 4-6, 7-9."""
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}[part]
    return years(start + first, start + last)


def shift_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def weekday(name: str, way: str) -> Callable[[Interval], Interval]:
    """The named weekday nearest the anchor: on or before it ("am Dienstag"), strictly before
    ("vergangenen Freitag") or strictly after ("kommenden Freitag")."""
    target = WEEKDAYS[name.lower()]

    def resolve(anchor: Interval) -> Interval:
        a = anchor[0]
        if way == "next":
            date = a + dt.timedelta(days=(target - a.weekday()) % 7 or 7)
        else:
            delta = (a.weekday() - target) % 7
            if way == "last" and delta == 0:
                delta = 7
            date = a - dt.timedelta(days=delta)
        return date, date
    return resolve


def week(offset: int) -> Callable[[Interval], Interval]:
    def resolve(anchor: Interval) -> Interval:
        monday = anchor[0] - dt.timedelta(days=anchor[0].weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    return resolve


def weekend(way: str) -> Callable[[Interval], Interval]:
    """Saturday and Sunday: the latest on or before the anchor ("am Wochenende"), the one before
    the anchor's week ("vergangenes Wochenende") or the next one ("kommendes Wochenende")."""
    def resolve(anchor: Interval) -> Interval:
        a = anchor[0]
        saturday = a - dt.timedelta(days=(a.weekday() - 5) % 7)
        if way == "next":
            saturday = a + dt.timedelta(days=(5 - a.weekday()) % 7 or 7)
        elif way == "last" and a.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)
        return saturday, saturday + dt.timedelta(days=1)
    return resolve


def months_from(offset: int) -> Callable[[Interval], Interval]:
    def resolve(anchor: Interval) -> Interval:
        return whole_month(*shift_months(anchor[0], offset))
    return resolve


def years_from(offset: int) -> Callable[[Interval], Interval]:
    return lambda anchor: year(anchor[0].year + offset)


def days_from(offset: int) -> Callable[[Interval], Interval]:
    def resolve(anchor: Interval) -> Interval:
        date = anchor[0] + dt.timedelta(days=offset)
        return date, date
    return resolve


def month_near(m: int, way: str) -> Callable[[Interval], Interval]:
    def resolve(anchor: Interval) -> Interval:
        a = anchor[0]
        y = a.year
        if way == "next" and m <= a.month:
            y += 1
        if way == "last" and m >= a.month:
            y -= 1
        return whole_month(y, m)
    return resolve


def season_near(name: str, way: str) -> Callable[[Interval], Interval]:
    """"letzten Sommer", "this autumn", "im kommenden Frühjahr" from the anchor."""
    def resolve(anchor: Interval) -> Interval:
        a = anchor[0]
        here = season(a.year - (1 if name.lower() == "winter" and a.month <= 2 else 0), name)
        if way == "last" and here[0] > a - dt.timedelta(days=1):
            return season(here[0].year - 1, name)
        if way == "next" and here[0] <= a:
            return season(here[0].year + 1, name)
        return here
    return resolve


def part_of(unit: str, offset: int, part: str) -> Callable[[Interval], Interval]:
    """"Ende des Jahres", "Anfang nächsten Monats", "end of last year"."""
    def resolve(anchor: Interval) -> Interval:
        if unit == "year":
            return year_part(anchor[0].year + offset, part)
        return month_part(*shift_months(anchor[0], offset), part)
    return resolve


def ago(n: float, unit: str, sign: int = -1) -> Callable[[Interval], Interval]:
    """"vor drei Tagen", "two weeks ago" (sign -1); "zwei Tage später", "dreieinhalb Monate
    später" from a previous date (+1). Days shift the anchor; weeks give the day n weeks off,
    give or take three days; months and years give the whole month or year they land in."""
    def resolve(anchor: Interval) -> Interval:
        if unit == "day":
            delta = dt.timedelta(days=sign * round(n))
            return anchor[0] + delta, anchor[1] + delta
        if unit == "week":
            middle = anchor[0] + dt.timedelta(days=sign * round(7 * n))
            return middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
        if unit == "month":
            y, m = shift_months(anchor[0], sign * int(n))
            landed = dt.date(y, m, min(anchor[0].day, calendar.monthrange(y, m)[1]))
            landed += dt.timedelta(days=sign * round(30 * (n - int(n))))
            return whole_month(landed.year, landed.month)
        return year((anchor[0] + dt.timedelta(days=sign * round(365.25 * n))).year)
    return resolve


def nearest(make: Callable[[int], Interval], article: dt.date, forward: bool) -> Interval:
    """A year-less date ("am 21. Dezember") in the year that puts it nearest the article's date:
    news mostly looks back, so a date ahead must be less than half as far to win; a text that
    points forward ("kommenden") takes the first occurrence on or after the article's date."""
    candidates = []
    for y in (article.year - 1, article.year, article.year + 1):
        try:
            candidates.append(make(y))
        except ValueError:
            continue
    if not candidates:
        raise InvalidDate("no such day in any year near the article's date")
    if forward:
        ahead = [c for c in candidates if c[1] >= article]
        if ahead:
            return min(ahead)

    def distance(c: Interval) -> int:
        if c[0] > article:
            return 2 * (c[0] - article).days
        return max(0, (article - c[1]).days)
    return min(candidates, key=lambda c: (distance(c), -c[0].toordinal()))
