"""The rules of the date grammar: one handler per kind of expression, several patterns each,
in the order they are tried (ranges before single dates, full dates before parts, years last).

Handlers turn a match into a Spec; a ValueError means "no date here" (the next rule may try
the same words), an InvalidDate means "a date that does not exist" (reported, never guessed).
Patterns are compiled once, case-insensitively (datevocab keeps month and weekday names
capitalised).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import dossier.annotate.dates.intervals as iv
from dossier.annotate.dates.intervals import InvalidDate, Spec
from dossier.annotate.dates.vocabulary import (
    DECADE_WORDS,
    DIR,
    MA,
    NUM,
    NUMBERS,
    ORD,
    PART,
    PARTS,
    SEASON,
    UNIT,
    UNITS,
    WD,
    D,
    M,
    Y,
    direction,
    month_number,
)

Handler = Callable[[re.Match[str]], Spec]
RULES: list[tuple[re.Pattern[str], Handler]] = []

def rule(*patterns: str) -> Callable[[Handler], Handler]:
    """Register `handler` for each pattern (several spellings of one kind of expression)."""
    def register(handler: Handler) -> Handler:
        RULES.extend((re.compile(pattern, re.IGNORECASE), handler) for pattern in patterns)
        return handler
    return register


def _before(m: re.Match[str], width: int = 24) -> str:
    """The few characters before a match (a fixed window: constant work per hit)."""
    return m.string[max(0, m.start() - width):m.start()]


_FORWARD = re.compile(rf"\b(?:{'|'.join(('kommenden', 'nächsten', 'next', 'coming', 'upcoming', 'bevorstehenden'))})"
                      r"\s+(?:\w+\s+)?$", re.IGNORECASE)


def _spec(precision: str, y: str | None, make: Callable[[int], iv.Interval], m: re.Match[str]) -> Spec:
    """An absolute spec when the year is written, else a year-less one."""
    if y:
        return Spec(precision, fixed=make(int(y)), explicit_year=int(y))
    make(2000)  # a day that exists in no year (31 April) is invalid whatever the year; 29 February is not
    return Spec(precision, yearless=make, forward=bool(_FORWARD.search(_before(m))))


# --- ranges (before single dates, so their parts are not taken alone) ----------------------

@rule(rf"\b(?P<d1>{D})\.?\s*(?:und|bis|–|-|to|and|/)\s*(?P<d2>{D})\.?\s*(?P<m>{MA})(?:\s+(?P<y>{Y}))?\b",
      rf"\b(?P<m>{MA})\s+(?P<d1>{D})\s*(?:–|-|to|and|through)\s*(?P<d2>{D}),?(?:\s+(?P<y>{Y}))?\b")
def _day_range(m: re.Match[str]) -> Spec:
    month, first, last = month_number(m["m"]), int(m["d1"]), int(m["d2"])
    if last <= first:
        raise ValueError("not a range")

    def make(y: int) -> iv.Interval:
        return iv.day(y, month, first)[0], iv.day(y, month, last)[1]
    return _spec("range", m["y"], make, m)


@rule(rf"\b(?:zwischen\s+dem|vom|between|from)\s+(?P<d1>{D})\.?\s*(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s+"
      rf"(?:und\s+dem|bis\s+zum|bis|and|to|until)\s+(?P<d2>{D})\.?\s*(?P<m2>{M})(?:\s+(?P<y2>{Y}))?")
def _between(m: re.Match[str]) -> Spec:
    m1, m2, d1, d2 = month_number(m["m1"]), month_number(m["m2"]), int(m["d1"]), int(m["d2"])

    def make(y: int) -> iv.Interval:
        y2 = int(m["y2"] or y)
        y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if (m1, d1) > (m2, d2) else y2)
        return iv.day(y1, m1, d1)[0], iv.day(y2, m2, d2)[1]
    return _spec("range", m["y2"] or m["y1"], make, m)


@rule(rf"\b(?:(?P<pre>von|vom|from|zwischen|between)\s+)?(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s*"
      rf"(?:(?P<sep>/|–|-|bis|to|until|through|till)|(?P<and>und|and))\s*(?P<m2>{M})(?:\s+(?P<y2>{Y}))?\b")
def _month_range(m: re.Match[str]) -> Spec:
    """"Juni/Juli 2025", "Januar bis März 2025", "von August 1992 bis Januar 1994"."""
    if m["and"] and (m["pre"] or "").lower() not in ("zwischen", "between"):
        raise ValueError("'Juni und Juli' names two months")
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])

    def make(y: int) -> iv.Interval:
        y2 = int(m["y2"] or y)
        y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
        if (y1, m1) >= (y2, m2):
            raise ValueError("not a range")
        return iv.month_span(y1, m1, y2, m2)
    if not m["y2"] and not m["pre"] and m["sep"] != "/":
        raise ValueError("a year-less month range needs 'von' or a slash")
    return _spec("range", m["y2"] or m["y1"], make, m)


@rule(rf"\b(?:(?P<pre>von|vom|from|zwischen|between)\s+)?(?P<y1>{Y})\s*"
      rf"(?:(?P<sep>bis|–|-|to|through|until|till)|(?P<and>und|and))\s*(?P<y2>{Y}|\d\d)\b(?![.,’'/]?\d)")
def _year_range(m: re.Match[str]) -> Spec:
    """"1998 bis 2002", "1991 through 2000", "1975–77"; "2015 und 2020" are two years."""
    if m["and"] and (m["pre"] or "").lower() not in ("zwischen", "between"):
        raise ValueError("two years, not a range")
    first = int(m["y1"])
    last = int(m["y2"]) if len(m["y2"]) == 4 else (first // 100 * 100 + int(m["y2"]))
    if len(m["y2"]) == 2 and m["sep"] not in ("–", "-"):
        raise ValueError("a two-digit end year only after a dash")
    if last <= first:
        raise ValueError("not a range")
    return Spec("range", fixed=iv.years(first, last), explicit_year=last)


# --- full dates ---------------------------------------------------------------------------

@rule(rf"\b(?P<d>{D})\.\s*(?P<m>{MA})\s*(?P<y>{Y})\b",                          # 17. September 2025
      rf"\b(?P<d>{D}){ORD}\s+(?:of\s+)?(?P<m>{MA}),?\s+(?P<y>{Y})\b",             # 24 March 2020
      rf"\b(?P<m>{MA})\s+(?P<d>{D}){ORD},?\s+(?P<y>{Y})\b")                       # June 21, 2025; Nov 17, 2025
def _full(m: re.Match[str]) -> Spec:
    return Spec("day", fixed=iv.day(int(m["y"]), month_number(m["m"]), int(m["d"])), explicit_year=int(m["y"]))


@rule(r"(?<![\d.])\b(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d|\d\d)\b(?![.,]?\d)")
def _numeric(m: re.Match[str]) -> Spec:
    y = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    return Spec("day", fixed=_numeric_day(y, int(m["m"]), int(m["d"])), explicit_year=y)


def _numeric_day(y: int, month: int, d: int) -> iv.Interval:
    if not (1 <= month <= 12 and 1 <= d <= 31):
        raise ValueError("not a date")   # 45.13.2025: a number, not an impossible date
    return iv.day(y, month, d)


@rule(r"(?<![\d/])\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b(?!/)")
def _slash(m: re.Match[str]) -> Spec:
    """"17/11/2025" (day first) or "11/17/2025" (month first); when both fit, day first
    unless the text is English (Context.language decides at resolution)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 and b <= 12:
        return Spec("day", fixed=_numeric_day(y, b, a), explicit_year=y)
    if b > 12 and a <= 12:
        return Spec("day", fixed=_numeric_day(y, a, b), explicit_year=y)
    if a == b:
        return Spec("day", fixed=_numeric_day(y, a, b), explicit_year=y)
    return Spec("day", fixed=_numeric_day(y, b, a), explicit_year=y, month_first=_numeric_day(y, a, b))


@rule(rf"\b(?P<y>{Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
      r"(?:[T ](?P<time>\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z\b|[+-]\d\d:?\d\d)?))?(?![\d-])")
def _iso(m: re.Match[str]) -> Spec:
    return Spec("day", fixed=_numeric_day(int(m["y"]), int(m["m"]), int(m["d"])), explicit_year=int(m["y"]))


# --- relative expressions -----------------------------------------------------------------

@rule(rf"\b(?:(?P<d>{D})\.\s*|im\s+|in\s+)?(?P<m>{M})(?:\s+(?P<d2>{D}){ORD})?\s+"
      rf"(?:(?:des\s+)?(?P<dir>{DIR})\s+Jahres|of\s+(?P<en>this|last|next)\s+year)\b")
def _date_of_year(m: re.Match[str]) -> Spec:
    """"20. Januar dieses Jahres", "im Juni vergangenen Jahres", "June 5 of last year"."""
    month, d = month_number(m["m"]), m["d"] or m["d2"]
    offset = {"last": -1, "next": 1}.get(direction(m["dir"] or m["en"]), 0)
    if d:
        iv.day(2000, month, int(d))
        return Spec("day", relative=lambda a: iv.day(a[0].year + offset, month, int(d)))
    return Spec("month", relative=lambda a: iv.whole_month(a[0].year + offset, month))


@rule(rf"(?<!jeden\s)(?<!jeder\s)(?<!every\s)(?<!each\s)\b"
      rf"(?:(?:am|vom|on|since|seit|bis|until|ab|by)\s+|in\s+der\s+Nacht\s+(?:zum|auf\s+den)\s+)?"
      rf"(?:(?P<dir>{DIR})\s+)?(?P<wd>{WD})(?P<tod>abend|morgen|nachmittag|vormittag|mittag|nacht)?"
      r"(?:\s+(?P<entod>night|morning|evening|afternoon))?\b"
      rf"(?!,?\s+(?:den\s+|dem\s+|the\s+)?(?:{D}\.?\s*{M}|{MA}\s+{D}\b|{D}\.\d))")
def _weekday_rule(m: re.Match[str]) -> Spec:
    way = direction(m["dir"])
    return Spec("day", relative=iv.weekday(m["wd"], {"this": "near"}.get(way, way)))


@rule(rf"\b(?:in\s+der\s+|(?:earlier|later)\s+)?(?P<dir>{DIR})\s+(?P<u>Woche|week)\b|\bAnfang\s+der\s+Woche\b")
def _week_rule(m: re.Match[str]) -> Spec:
    way = direction(m["dir"])
    return Spec("week", relative=iv.week({"last": -1, "next": 1}.get(way, 0)))


@rule(rf"\b(?:(?:am|an\s+diesem|über\s+das|übers|on\s+the|over\s+the|at\s+the|this|last|next|past)\s+)?"
      rf"(?:(?P<dir>{DIR})\s+)?(?:Wochenende|weekend)\b")
def _weekend_rule(m: re.Match[str]) -> Spec:
    words = m.group(0).lower().split()
    if len(words) == 1:
        raise ValueError("'Wochenende' alone is no date")
    way = direction(m["dir"] or words[0])
    return Spec("range", relative=iv.weekend({"this": "near"}.get(way, way)))


@rule(rf"\b(?:im\s+|in\s+)?(?P<dir>{DIR})\s+(?P<m>{M})\b(?![.,]?\s*\d)")
def _month_relative(m: re.Match[str]) -> Spec:
    way = direction(m["dir"])
    return Spec("month", relative=iv.month_near(month_number(m["m"]), {"this": "near"}.get(way, way)))


@rule(rf"\b(?:im\s+|in\s+)?(?P<dir>{DIR})\s+(?P<s>{SEASON})\b")
def _season_relative(m: re.Match[str]) -> Spec:
    way = direction(m["dir"])
    return Spec("season", relative=iv.season_near(m["s"], {"this": "near"}.get(way, way)))


@rule(rf"\b(?P<part>{PART})\s*(?:des\s+|der\s+)?(?P<dir>{DIR})?\s*(?P<u>Monats|Jahres|month|year)\b")
def _part_relative(m: re.Match[str]) -> Spec:
    """"Ende des Jahres", "Anfang nächsten Monats", "end of last year"."""
    offset = {"last": -1, "next": 1}.get(direction(m["dir"]), 0)
    unit = "year" if m["u"].lower() in ("jahres", "year") else "month"
    return Spec("part", relative=iv.part_of(unit, offset, PARTS[_part(m["part"])]))


@rule(rf"\b(?:im\s+|in\s+|(?:earlier|later)\s+)?(?P<dir>{DIR})\s+(?P<u>Monat|Jahr|month|year)(?:es)?\b"
      r"|\b(?P<heuer>heuer)\b")
def _period_relative(m: re.Match[str]) -> Spec:
    """"letzten Monat", "im vergangenen Jahr", "letztes Jahr", "this year", "earlier this month", "heuer"."""
    if m["heuer"]:
        return Spec("year", relative=iv.years_from(0))
    offset = {"last": -1, "next": 1}.get(direction(m["dir"]), 0)
    if m["u"].lower() in ("monat", "month"):
        return Spec("month", relative=iv.months_from(offset))
    return Spec("year", relative=iv.years_from(offset))


@rule(rf"\bvor\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b|\b(?P<n2>{NUM})\s+(?P<u2>{UNIT})\s+ago\b")
def _ago(m: re.Match[str]) -> Spec:
    """"vor zwei Wochen", "vor drei Tagen", "two weeks ago" from the article's date."""
    n, unit = _count(m["n"] or m["n2"]), UNITS[(m["u"] or m["u2"]).lower()]
    return Spec({"day": "day", "week": "week", "month": "month", "year": "year"}[unit], relative=iv.ago(n, unit))


@rule(r"\b(?P<w>vorgestern|gestern|yesterday|(?-i:morgen)|übermorgen|tomorrow)"
      r"(?:\s*(?:abend|morgen|nachmittag|vormittag|früh|nacht)|\s+(?:night|morning|evening|afternoon))?\b"
      r"|\bthe\s+day\s+before\s+yesterday\b"
      r"|\b(?P<today>heute|this)\s+(?P<part>morgen|vormittag|mittag|nachmittag|abend|früh|nacht|morning|afternoon"
      r"|evening)\b|\b(?P<night>last\s+night|tonight)\b")
def _day_word(m: re.Match[str]) -> Spec:
    """"gestern", "vorgestern", "yesterday", "heute Abend", "this morning", "last night"."""
    if m["today"] or m["night"]:
        offset = -1 if (m["night"] or "").lower().startswith("last") else 0
        return Spec("day", relative=iv.days_from(offset))
    word = (m["w"] or "vorgestern").lower()
    offset = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "morgen": 1, "tomorrow": 1, "übermorgen": 2}[word]
    return Spec("day", relative=iv.days_from(offset))


@rule(rf"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s*(?P<dir>später|danach|darauf|zuvor|vorher|früher|later|after|before|earlier)\b"
      r"|\b(?:am\s+(?:Tag|Morgen)\s+(?P<d1>danach|darauf)|tags\s+darauf|am\s+Folgetag|am\s+nächsten\s+Tag"
      r"|the\s+(?:next|following)\s+day|the\s+day\s+after)\b")
def _from_previous(m: re.Match[str]) -> Spec:
    """"eine Woche später", "zwei Tage später", "am Tag darauf", "a week later": from the previous date."""
    if not m["u"]:
        return Spec("day", relative=iv.ago(1, "day", 1), anchor="previous")
    n, unit = _count(m["n"]), UNITS[m["u"].lower()]
    sign = -1 if m["dir"].lower() in ("zuvor", "vorher", "früher", "before", "earlier") else 1
    precision = {"day": "range", "week": "week", "month": "month", "year": "year"}[unit]
    return Spec(precision, relative=iv.ago(n, unit, sign), anchor="previous")


def _count(word: str) -> float:
    return int(word) if word.isdigit() else NUMBERS[re.sub(r"\s+", " ", word.lower())]


def _part(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().rstrip("-"))


# --- parts, seasons, decades, months, years -----------------------------------------------

@rule(rf"\b(?P<part>{PART})\s*(?P<m>{M})(?:\s+(?P<y>{Y}))?\b")
def _month_part_rule(m: re.Match[str]) -> Spec:
    part, month = PARTS[_part(m["part"])], month_number(m["m"])
    return _spec("part", m["y"], lambda y: iv.month_part(y, month, part), m)


@rule(rf"\b(?P<part>{PART})\s*(?:(?:des\s+Jahres|of)\s+)?(?P<y>{Y})\b(?![.,’'/]?\d)")
def _year_part_rule(m: re.Match[str]) -> Spec:
    return Spec("part", fixed=iv.year_part(int(m["y"]), PARTS[_part(m["part"])]), explicit_year=int(m["y"]))


@rule(r"\b(?:(?P<p1>anfang|mitte|ende|early|mid|late)\s+(?:der|the)\s+|(?:in\s+)?(?:the|den|der|die)\s+"
      r"(?:(?P<p2>early|mid|late)[\s-]+)?)?(?:(?P<dec>(?:1[89]|20)\d0)|(?P<short>[2-9]0))"
      r"(?:er(?:[\s-]*Jahren?\b|[\s-]*Jahre\b)?|'?s\b)",
      rf"\b(?:(?P<p1>anfang|mitte|ende)\s+der\s+|(?:in\s+)?(?:den|der|die)\s+)?"
      rf"(?P<word>{'|'.join(DECADE_WORDS)})(?:[\s-]*Jahren?\b|[\s-]*Jahre\b)")
def _decade(m: re.Match[str]) -> Spec:
    """"die 1990er Jahre", "Anfang der 2010er Jahre", "the early 2000s", "in den Achtzigerjahren"."""
    g = m.groupdict()
    if g.get("dec"):
        start = int(g["dec"])
    elif g.get("short"):
        if not re.search(r"(?i)er", m.group(0)):
            raise ValueError("'the 80s' may be an age or a temperature")
        start = 1900 + int(g["short"])
    else:
        start = 1900 + DECADE_WORDS[g["word"].lower()]
    word = g.get("p1") or g.get("p2")
    return Spec("decade", fixed=iv.decade(start, PARTS[word.lower()] if word else None), explicit_year=start)


@rule(rf"\b(?P<s>{SEASON})\s+(?:of\s+)?(?P<y>{Y})\b(?![.,’'/]?\d)")
def _season_rule(m: re.Match[str]) -> Spec:
    if m["s"].islower() and m["s"].lower() in ("herbst", "sommer", "winter", "frühjahr", "frühling"):
        raise ValueError("German seasons are capitalised")
    return Spec("season", fixed=iv.season(int(m["y"]), m["s"]), explicit_year=int(m["y"]))


@rule(rf"\b(?:im|in\s+the)\s+(?P<s>{SEASON})\b(?!\s*\d)")
def _season_yearless(m: re.Match[str]) -> Spec:
    return _spec("season", None, lambda y: iv.season(y, m["s"]), m)


@rule(rf"\b(?P<m>{MA})\s+(?P<y>{Y})\b(?![.,’'/]?\d)")
def _month_year(m: re.Match[str]) -> Spec:
    return Spec("month", fixed=iv.whole_month(int(m["y"]), month_number(m["m"])), explicit_year=int(m["y"]))


@rule(rf"\b(?P<d>{D})\.\s*(?P<m>{MA})\b(?!\.?\s*\d)",
      rf"\b(?P<d>{D}){ORD}\s+(?:of\s+)?(?P<m>{M})\b(?!\s*\d)",
      rf"\b(?P<m>{MA})\s+(?P<d>{D}){ORD}\b(?![.,:]?\d)",
      rf"\b(?:am|vom|bis|zum|ab|seit|dem|den)\s+(?P<d>{D})\.(?P<m>[01]?\d)\.(?![\d])")
def _day_month(m: re.Match[str]) -> Spec:
    month = int(m["m"]) if m["m"].isdigit() else month_number(m["m"])
    if not 1 <= month <= 12:
        raise ValueError("not a month")
    d = int(m["d"])
    return _spec("day", None, lambda y: iv.day(y, month, d), m)


@rule(rf"\b(?:im|in|seit|bis|ab|vom|zum|since|until|by|during|of|the|their|its|his|her|our|den|dem|des)\s+"
      rf"(?P<m>{M})\b(?!\s*\d)")
def _month_alone(m: re.Match[str]) -> Spec:
    month = month_number(m["m"])
    if m["m"].rstrip(".").lower() in ("may", "march") and not m["m"][0].isupper():
        raise ValueError("may, march")
    return _spec("month", None, lambda y: iv.whole_month(y, month), m)


_QUANTITY = re.compile(r"\b(?:rund|etwa|ca\.|circa|über|mehr\s+als|weniger\s+als|fast|knapp|mindestens|bis\s+zu|"
                       r"about|around|over|nearly|almost|some|more\s+than|fewer\s+than|less\s+than|at\s+least|"
                       r"up\s+to)\s+$", re.IGNORECASE)


@rule(rf"(?<![\d.,’'/])\b(?:(?:im\s+Jahre?|in|the\s+year)\s+)?(?P<y>{Y})\b(?![.,’'/]?\d)")
def _year_rule(m: re.Match[str]) -> Spec:
    if _QUANTITY.search(_before(m)):
        raise ValueError("a quantity: 'rund 2000 Soldaten'")
    return Spec("year", fixed=iv.year(int(m["y"])), explicit_year=int(m["y"]))


# Explicit day-precise dates only ("17. September 2025", "08.08.2025", "2025-06-21"): what the
# parser needs for date lines and the latest-date hint, at a fraction of the full grammar's cost.
DAY_RULES = [(pattern, handler) for pattern, handler in RULES if handler in (_full, _numeric, _slash, _iso)]

__all__ = ["DAY_RULES", "RULES", "Handler", "InvalidDate", "Spec"]
