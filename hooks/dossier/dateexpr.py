"""Date expressions in German and English running text, with precision and provenance.

Found (left to right, longest forms first, no overlaps):
- full dates and ranges: "17. September 2025", "am 11.September 2025", "June 21, 2025",
  "24 March 2020", "08.08.2025", "15.08.25", "27. und 28. Februar 2019", "June 12–14, 2025",
  "1998 bis 2002", "zwischen dem 15. Februar und dem 20. Juni";
- month and year, month alone, years: "Juni 2025", "im Juni", "in June", "2017", "im Jahr 2021";
- seasons and parts: "Frühjahr 2024", "Herbst 2014", "Ende Juli", "Anfang 1994", "late July";
- relative expressions: "am Dienstag", "vergangenen Freitag", "in der vergangenen Woche",
  "dieses Jahres", "letztes Jahr", "im kommenden Oktober", "eine Woche später",
  "on Tuesday", "last week", "this year", "a week later", "next October".

Resolution (resolve_all): a year-less date takes the year of an explicit date earlier in the
same sentence, else the article's year, else the context year (the latest year the article
states explicitly, labelled as such). Relative expressions need the article's date ("eine
Woche später": the previous resolved date); without it they stay unresolved and are
reported, never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .sentences import sentence_starts

Interval = tuple[dt.date, dt.date]

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

MONTH_NAMES = sorted((m for m in MONTHS if len(m) > 3 or m in ("mai", "may")), key=len, reverse=True)
_ABBREVIATIONS = ("jan", "feb", "mär", "mar", "apr", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec")
_MONTH_ALT = "|".join([m.capitalize() for m in MONTH_NAMES] + [a.capitalize() + r"\." for a in _ABBREVIATIONS])
M = rf"(?:{_MONTH_ALT})"
Y = r"(?:1[89]|20)\d\d"
D = r"[0-3]?\d"
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WD = "|".join(w.capitalize() for w in WEEKDAYS)
SEASONS = {"frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11), "winter": (12, 2),
           "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASON = "Frühjahr|Frühling|Sommer|Herbst|Winter|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter"
PARTS = {"anfang": "early", "mitte": "mid", "ende": "late", "early": "early", "mid": "mid", "late": "late",
         "beginning of": "early", "end of": "late"}
_PART = r"Anfang|Mitte|Ende|[Ee]arly|[Mm]id-?|[Ll]ate|[Bb]eginning of|[Ee]nd of"
NUMBERS = {"ein": 1, "eine": 1, "einer": 1, "a": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3,
           "vier": 4, "four": 4}


@dataclass(frozen=True)
class Spec:
    """What an expression says before resolution."""

    precision: str                                              # day, week, month, part, season, year, range
    fixed: Interval | None = None                               # absolute: the interval itself
    yearless: Callable[[int], Interval] | None = None           # needs a year
    relative: Callable[[dt.date], Interval] | None = None       # needs an anchor date
    anchor: str = "article"                                     # "article" or "previous"
    explicit_year: int | None = None


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    words: str
    precision: str
    first: dt.date | None          # None: unresolved
    last: dt.date | None
    basis: str                     # explicit, article date, sentence year, context year, previous date, unresolved
    relative: bool


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(y: int, m: int, d: int) -> Interval:
    date = dt.date(y, m, d)
    return date, date


def _whole_month(y: int, m: int) -> Interval:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _month_part(y: int, m: int, part: str) -> Interval:
    last = calendar.monthrange(y, m)[1]
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return dt.date(y, m, days[0]), dt.date(y, m, days[1])


def _year_part(y: int, part: str) -> Interval:
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return dt.date(y, months[0], 1), _whole_month(y, months[1])[1]


def _season(y: int, name: str) -> Interval:
    first, last = SEASONS[name.lower()]
    if first > last:  # winter: December of y to February of y + 1
        return dt.date(y, 12, 1), _whole_month(y + 1, last)[1]
    return dt.date(y, first, 1), _whole_month(y, last)[1]


def _year(y: int) -> Interval:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _short_year(y: str) -> int:
    return int(y) + (2000 if len(y) == 2 else 0)


def _weekday(name: str, direction: str) -> Callable[[dt.date], Interval]:
    """The named weekday nearest the anchor: on or before it ("am Dienstag"), strictly before
    ("vergangenen Freitag") or strictly after ("kommenden Freitag")."""
    target = WEEKDAYS[name.lower()]

    def resolve(anchor: dt.date) -> Interval:
        if direction == "next":
            delta = (target - anchor.weekday()) % 7 or 7
            date = anchor + dt.timedelta(days=delta)
        else:
            delta = (anchor.weekday() - target) % 7
            if direction == "last" and delta == 0:
                delta = 7
            date = anchor - dt.timedelta(days=delta)
        return date, date
    return resolve


def _week(offset: int) -> Callable[[dt.date], Interval]:
    def resolve(anchor: dt.date) -> Interval:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    return resolve


def _year_offset(offset: int) -> Callable[[dt.date], Interval]:
    return lambda anchor: _year(anchor.year + offset)


def _month_near(m: int, direction: str) -> Callable[[dt.date], Interval]:
    def resolve(anchor: dt.date) -> Interval:
        year = anchor.year
        if direction == "next" and m <= anchor.month:
            year += 1
        if direction == "last" and m >= anchor.month:
            year -= 1
        return _whole_month(year, m)
    return resolve


def _weeks_after(n: int, sign: int) -> Callable[[dt.date], Interval]:
    """"eine Woche später": about n weeks from the previous date, give or take three days."""
    def resolve(anchor: dt.date) -> Interval:
        middle = anchor + dt.timedelta(weeks=n * sign)
        return middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
    return resolve


Handler = Callable[[re.Match[str]], Spec]
RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(*patterns: str) -> Callable[[Handler], Handler]:
    """Register `handler` for each pattern (several spellings of one kind of expression)."""
    def register(handler: Handler) -> Handler:
        RULES.extend((re.compile(pattern), handler) for pattern in patterns)
        return handler
    return register


def _direction(word: str) -> str:
    word = word.lower()
    if word in ("vergangenen", "letzten", "vorigen", "last", "previous", "past"):
        return "last"
    if word in ("kommenden", "nächsten", "next", "coming"):
        return "next"
    return "near"


# --- ranges (before single dates, so their parts are not taken alone) ----------------------

@rule(rf"\b(?P<d1>{D})\.\s*(?:und|bis|–|-)\s*(?P<d2>{D})\.\s*(?P<m>{M})(?:\s+(?P<y>{Y}))?",
      rf"\b(?P<d1>{D})\s*(?:–|-|to|and)\s*(?P<d2>{D})\s+(?P<m>{M})(?:\s+(?P<y>{Y}))?",
      rf"\b(?P<m>{M})\s+(?P<d1>{D})\s*(?:–|-|to|and)\s*(?P<d2>{D}),?(?:\s+(?P<y>{Y}))?")
def _day_range(m: re.Match[str]) -> Spec:
    month, first, last = _month(m["m"]), int(m["d1"]), int(m["d2"])

    def make(y: int) -> Interval:
        return dt.date(y, month, first), dt.date(y, month, last)
    return Spec("range", fixed=make(int(m["y"])), explicit_year=int(m["y"])) if m["y"] else Spec("range", yearless=make)


@rule(rf"\b(?:[Zz]wischen dem|[Vv]om|[Bb]etween|[Ff]rom)\s+(?P<d1>{D})\.?\s*(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s+"
      rf"(?:und dem|bis zum|bis|and|to|until)\s+(?P<d2>{D})\.?\s*(?P<m2>{M})(?:\s+(?P<y2>{Y}))?")
def _between(m: re.Match[str]) -> Spec:
    m1, m2, d1, d2 = _month(m["m1"]), _month(m["m2"]), int(m["d1"]), int(m["d2"])
    year = m["y2"] or m["y1"]

    def make(y: int) -> Interval:
        return dt.date(int(m["y1"] or y), m1, d1), dt.date(int(m["y2"] or y), m2, d2)
    return Spec("range", fixed=make(int(year)), explicit_year=int(year)) if year else Spec("range", yearless=make)


@rule(rf"\b(?:(?:von|from|zwischen|between)\s+)?(?P<y1>{Y})\s*(?:bis|–|-|to|und|and)\s*(?P<y2>{Y})\b")
def _year_range(m: re.Match[str]) -> Spec:
    first, last = int(m["y1"]), int(m["y2"])
    if last <= first:
        raise ValueError("not a range")
    return Spec("range", fixed=(_year(first)[0], _year(last)[1]), explicit_year=last)


# --- full dates ---------------------------------------------------------------------------

@rule(rf"\b(?P<d>{D})\.\s*(?P<m>{M})\s+(?P<y>{Y})\b",                      # 17. September 2025
      rf"\b(?P<d>{D})\s+(?P<m>{M})\s+(?P<y>{Y})\b",                         # 24 March 2020
      rf"\b(?P<m>{M})\s+(?P<d>{D})(?:st|nd|rd|th)?,?\s+(?P<y>{Y})\b")       # June 21, 2025
def _full(m: re.Match[str]) -> Spec:
    return Spec("day", fixed=_day(int(m["y"]), _month(m["m"]), int(m["d"])), explicit_year=int(m["y"]))


@rule(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d|\d\d)\b")
def _numeric(m: re.Match[str]) -> Spec:
    year = _short_year(m["y"])
    return Spec("day", fixed=_day(year, int(m["m"]), int(m["d"])), explicit_year=year)


@rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m: re.Match[str]) -> Spec:
    return Spec("day", fixed=_day(int(m["y"]), int(m["m"]), int(m["d"])), explicit_year=int(m["y"]))


# --- relative expressions -----------------------------------------------------------------

@rule(rf"\b(?:(?P<d>{D})\.\s*|im\s+)(?P<m>{M})\s+(?:dieses|diesen|des\s+laufenden)\s+Jahres\b")
def _date_this_year(m: re.Match[str]) -> Spec:
    month = _month(m["m"])
    if m["d"]:
        day = int(m["d"])
        return Spec("day", relative=lambda a: _day(a.year, month, day))
    return Spec("month", relative=lambda a: _whole_month(a.year, month))


@rule(rf"\b(?:(?:am|vom|on|last|next|this)\s+)?(?:(?P<dir>vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?"
      rf"(?P<wd>{WD})\b")
def _weekday_rule(m: re.Match[str]) -> Spec:
    words = m.group(0).split()
    if len(words) == 1:
        raise ValueError("a bare weekday name is no date")
    direction = _direction(m["dir"] or words[0])
    return Spec("day", relative=_weekday(m["wd"], direction))


@rule(r"\b(?:in\s+der\s+)?(?P<dir>vergangenen|letzten|vorigen|kommenden|nächsten|dieser)\s+Woche\b"
      r"|\b(?P<en>last|next|this|past)\s+week\b")
def _week_rule(m: re.Match[str]) -> Spec:
    word = (m["dir"] or m["en"]).lower()
    return Spec("week", relative=_week({"dieser": 0, "this": 0}.get(word, -1 if _direction(word) != "next" else 1)))


@rule(r"\b(?:dieses|diesen|des\s+laufenden)\s+Jahres\b|\b(?:in\s+diesem|im\s+laufenden)\s+Jahr\b|\bthis\s+year\b")
def _this_year(m: re.Match[str]) -> Spec:
    return Spec("year", relative=_year_offset(0))


@rule(r"\b(?:(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Jahr(?:es)?|letztes\s+Jahr|vergangenes\s+Jahr"
      r"|voriges\s+Jahr|last\s+year)\b")
def _last_year(m: re.Match[str]) -> Spec:
    return Spec("year", relative=_year_offset(-1))


@rule(r"\b(?:(?:im\s+)?(?:kommenden|nächsten)\s+Jahr|nächstes\s+Jahr|next\s+year)\b")
def _next_year(m: re.Match[str]) -> Spec:
    return Spec("year", relative=_year_offset(1))


@rule(rf"\b(?:im\s+|in\s+)?(?P<dir>kommenden|nächsten|vergangenen|letzten|vorigen|next|last|this|coming)\s+(?P<m>{M})")
def _month_relative(m: re.Match[str]) -> Spec:
    direction = _direction(m["dir"])
    return Spec("month", relative=_month_near(_month(m["m"]), "near" if m["dir"] == "this" else direction))


@rule(r"\b(?P<n>eine|einer|zwei|drei|vier|a|one|two|three|four|\d)\s+Wochen?\s*(?P<dir>später|danach|darauf|zuvor|vorher|früher)\b"
      r"|\b(?P<en>a|one|two|three|four|\d)\s+weeks?\s+(?P<endir>later|after|before|earlier)\b")
def _weeks_relative(m: re.Match[str]) -> Spec:
    number = m["n"] or m["en"]
    n = int(number) if number.isdigit() else NUMBERS[number.lower()]
    sign = -1 if (m["dir"] or m["endir"]) in ("zuvor", "vorher", "früher", "before", "earlier") else 1
    return Spec("week", relative=_weeks_after(n, sign), anchor="previous")


# --- parts, seasons, months, years --------------------------------------------------------

@rule(rf"\b(?P<part>{_PART})\s*(?P<m>{M})(?:\s+(?P<y>{Y}))?")
def _month_part_rule(m: re.Match[str]) -> Spec:
    part, month = PARTS[m["part"].lower().rstrip("-")], _month(m["m"])
    if m["y"]:
        return Spec("part", fixed=_month_part(int(m["y"]), month, part), explicit_year=int(m["y"]))
    return Spec("part", yearless=lambda y: _month_part(y, month, part))


@rule(rf"\b(?P<part>{_PART})\s*(?P<y>{Y})\b")
def _year_part_rule(m: re.Match[str]) -> Spec:
    return Spec("part", fixed=_year_part(int(m["y"]), PARTS[m["part"].lower().rstrip("-")]), explicit_year=int(m["y"]))


@rule(rf"\b(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{Y})\b")
def _season_rule(m: re.Match[str]) -> Spec:
    return Spec("season", fixed=_season(int(m["y"]), m["s"]), explicit_year=int(m["y"]))


@rule(r"\b(?:im|in the)\s+(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer|autumn|fall|winter)\b(?!\s*\d)")
def _season_yearless(m: re.Match[str]) -> Spec:
    return Spec("season", yearless=lambda y: _season(y, m["s"]))


@rule(rf"\b(?P<m>{M})\s+(?P<y>{Y})\b")
def _month_year(m: re.Match[str]) -> Spec:
    return Spec("month", fixed=_whole_month(int(m["y"]), _month(m["m"])), explicit_year=int(m["y"]))


@rule(rf"\b(?P<d>{D})\.\s*(?P<m>{M})\b|\b(?P<d2>{D})\s+(?P<m2>{M})\b|\b(?P<m3>{M})\s+(?P<d3>{D})(?:st|nd|rd|th)?\b")
def _day_month(m: re.Match[str]) -> Spec:
    day, month = int(m["d"] or m["d2"] or m["d3"]), _month(m["m"] or m["m2"] or m["m3"])
    if day < 1 or day > 31:
        raise ValueError("no day")
    return Spec("day", yearless=lambda y: _day(y, month, day))


@rule(rf"\b(?:im|Im|seit|bis|in|In|since|until|Noch im|noch im)\s+(?P<m>{M})")
def _month_alone(m: re.Match[str]) -> Spec:
    month = _month(m["m"])
    return Spec("month", yearless=lambda y: _whole_month(y, month))


@rule(rf"(?<![\d.,’'/])\b(?:(?:im\s+Jahr(?:e)?|in)\s+)?(?P<y>{Y})\b(?![.,’'/]?\d)")
def _year_rule(m: re.Match[str]) -> Spec:
    return Spec("year", fixed=_year(int(m["y"])), explicit_year=int(m["y"]))


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    words: str
    spec: Spec


def find(text: str, rules: list[tuple[re.Pattern[str], Handler]] | None = None) -> list[Found]:
    """Every date expression in `text`, earlier rules winning over overlapping later ones;
    `rules` limits the search to some of them (DAY_RULES: explicit day-precise dates)."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for pattern, handler in RULES if rules is None else rules:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            try:
                spec = handler(match)
                if spec.fixed is not None:
                    _check(spec.fixed)
            except (ValueError, KeyError):
                continue
            taken.append((start, end))
            found.append(Found(start, end, match.group(0).strip(), spec))
    return sorted(found, key=lambda f: f.start)


# Explicit day-precise dates only ("17. September 2025", "08.08.2025", "2025-06-21"): what the
# parser needs for date lines and the latest-date hint, at a fraction of the full grammar's cost.
DAY_RULES = [(pattern, handler) for pattern, handler in RULES if handler in (_full, _numeric, _iso)]


def _check(interval: Interval) -> None:
    if interval[1] < interval[0]:
        raise ValueError("interval ends before it starts")


@dataclass(frozen=True)
class Context:
    article_date: dt.date | None
    context_year: int | None


def resolve_text(text: str, ctx: Context, previous: dt.date | None,
                 skip: tuple[tuple[int, int], ...] = ()) -> tuple[list[DateExpr], dt.date | None]:
    """Resolve the expressions of one text in reading order (outside the `skip` spans, URLs);
    returns them and the last date, the anchor for "eine Woche später" in the next text."""
    bounds = sentence_starts(text)
    result: list[DateExpr] = []
    sentence_year: tuple[int, int] | None = None   # (sentence start, year)
    for item in find(text):
        if any(s <= item.start < e for s, e in skip):
            continue
        sentence = max((b for b in bounds if b <= item.start), default=0)
        if sentence_year and sentence_year[0] != sentence:
            sentence_year = None
        spec = item.spec
        interval: Interval | None = None
        basis = "explicit"
        try:
            if spec.fixed:
                interval = spec.fixed
            elif spec.yearless:
                if sentence_year:
                    interval, basis = spec.yearless(sentence_year[1]), "sentence year"
                elif ctx.article_date:
                    interval, basis = spec.yearless(ctx.article_date.year), "article date"
                elif ctx.context_year:
                    interval, basis = spec.yearless(ctx.context_year), "context year"
            elif spec.relative:
                anchor = previous if spec.anchor == "previous" else ctx.article_date
                if spec.anchor == "previous" and anchor is None:
                    anchor = ctx.article_date
                if anchor:
                    interval = spec.relative(anchor)
                    basis = "previous date" if spec.anchor == "previous" else "article date"
        except ValueError:
            interval = None
        if spec.explicit_year and spec.precision != "year":
            # only a dated phrase lends its year ("im Juni 2025 … am 21. Juni"), not a bare
            # year that may belong to another event ("am 21. Juni … im Jahr 2021 verurteilt")
            sentence_year = (sentence, spec.explicit_year)
        if interval is None:
            result.append(DateExpr(item.start, item.end, item.words, spec.precision, None, None, "unresolved",
                                   spec.relative is not None))
            continue
        if spec.precision in ("day", "week", "range") or basis == "explicit":
            previous = interval[0]
        result.append(DateExpr(item.start, item.end, item.words, spec.precision, interval[0], interval[1], basis,
                               spec.relative is not None))
    return result, previous
