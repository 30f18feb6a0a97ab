"""Date expressions in German and English running text, with precision and provenance.

The grammar is split by concern: words and pattern pieces (datevocab), interval arithmetic
(dateintervals), the rules themselves (daterules); this module finds expressions in a text
and resolves them. Found (left to right, earlier rules winning, no overlaps):
- full dates and ranges: "17. September 2025", "Nov 17, 2025", "17. 11. 2025", "17/11/2025",
  "2025-11-17T09:30:00Z", "27. und 28. Februar 2019", "Juni/Juli 2025", "Januar bis März 2025",
  "1998 bis 2002", "1991 through 2000" (but "2015 und 2020" are two years);
- months, years, decades, seasons and parts: "im Juni", "2017", "die 1990er Jahre", "the early
  2000s", "Herbst 2014", "Ende Juli", "Anfang 1994";
- open intervals: "seit 1994", "ab 2000", "von 2017 an", "since June";
- relative expressions: "am Dienstag", "Donnerstagabend", "vergangenen Freitag", "am Wochenende",
  "gestern", "vor drei Tagen", "vor zwei Wochen", "letzten Monat", "letztes Jahr", "eine Woche
  später", "on Tuesday", "last week", "two weeks ago", "a week later".
A phrase shaped like a date that names no day ("31. April 2025") is reported as invalid.

Resolution (resolve_text): a year-less date takes the year of a dated phrase earlier in the
same sentence, else the year that puts it nearest the article's date (forward when the text
says "kommenden"/"next"), else the context year (the latest year the article states, labelled
as such). Relative expressions need the article's date ("eine Woche später": the previous
resolved date); without it they stay unresolved and are reported, never guessed.

Written by hand on purpose: `dateparser` (PyPI) normalises a phrase to one datetime, which
loses the precision (month, season, part, decade, open interval) and the words' span that the
timeline needs, and it does not find phrases in running text.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from dossier.annotate.dates.intervals import Interval, InvalidDate, Spec, nearest
from dossier.annotate.dates.leads import Index
from dossier.annotate.dates.prefilter import RuleSet
from dossier.annotate.dates.rules import DAY_RULES, RULES, Handler
from dossier.annotate.sentences import sentence_starts

__all__ = ["DAY_RULES", "RULES", "Context", "DateExpr", "Found", "Spec", "find", "resolve_text"]


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    words: str
    precision: str
    first: dt.date | None          # None: unresolved (or invalid)
    last: dt.date | None
    basis: str                     # explicit, article date, sentence year, context year, previous date,
    relative: bool                 # unresolved, invalid
    problem: str = ""              # why an invalid phrase names no date


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    words: str
    spec: Spec
    problem: str = ""              # set for a phrase that names no calendar date


_SINCE_BEFORE = re.compile(r"\b(?:seit|ab|since)\s+(?:(?:dem|den|der)\s+)?$", re.IGNORECASE)
_SINCE_WORDS = re.compile(r"(?:seit|ab|since)\s", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bvon\s+$", re.IGNORECASE)
_ON_AFTER = re.compile(r"\s+an\b", re.IGNORECASE)


# --- where rules are tried ---------------------------------------------------------------------
# Only the rules that can match somewhere in the text are tried (dates.prefilter: one RE2 pass
# for all of them), and each only where one of its first words begins (dates.leads reads them
# from its pattern: `match` at each such place, in order, as finditer would meet them) instead
# of at every character. tests/test_dates.py holds the matches equal to a full scan's.
_LEADS = Index(pattern for pattern, _ in RULES)
_POSSIBLE = RuleSet([pattern for pattern, _ in RULES])
_POSITION = {id(pattern): n for n, (pattern, _) in enumerate(RULES)}


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    group: int | None               # of rules with the same first words (_LEADS); None: tried everywhere
    bit: int                        # its bit in _POSSIBLE's answer; 0: not one of RULES, always tried


def _plan(rules: list[tuple[re.Pattern[str], Handler]]) -> list[_Rule]:
    """The rules with the group each belongs to, looked up once (a pattern hashes its whole
    compiled code each time it is a dictionary key)."""
    return [_Rule(pattern, handler, _LEADS.group.get(pattern),
                  1 << _POSITION[id(pattern)] if id(pattern) in _POSITION else 0) for pattern, handler in rules]


_PLANS = {id(RULES): _plan(RULES), id(DAY_RULES): _plan(DAY_RULES)}


def _matches(pattern: re.Pattern[str], text: str, places: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches can only begin at `places` (in order)."""
    pos = 0
    for at in places:
        if at < pos:
            continue
        match = pattern.match(text, at)
        if match:
            yield match
            pos = max(match.end(), at + 1)


def find(text: str, rules: list[tuple[re.Pattern[str], Handler]] | None = None) -> list[Found]:
    """Every date expression in `text`, earlier rules winning over overlapping later ones;
    `rules` limits the search to some of them (DAY_RULES: explicit day-precise dates).
    Linear in the text: one pass says which rules may match, one scan where they may begin,
    each is tried there; overlaps are checked by bisection."""
    starts: list[int] = []          # taken spans, sorted and disjoint
    ends: list[int] = []
    found: list[Found] = []
    chosen = RULES if rules is None else rules
    plan = _PLANS.get(id(chosen)) or _plan(chosen)
    possible = _POSSIBLE.possible(text)
    plan = [rule for rule in plan if not rule.bit or possible & rule.bit]
    if not plan:
        return []
    groups = 0
    for rule in plan:
        groups |= 0 if rule.group is None else 1 << rule.group
    leads = _LEADS.find(text, groups)     # where those rules' first words begin (None: anywhere)
    if leads is not None:         # only the rules whose first words stand in the text
        present = leads.present
        plan = [rule for rule in plan if rule.group is None or present >> rule.group & 1]
    for rule in plan:
        pattern, handler = rule.pattern, rule.handler
        places = None if leads is None or rule.group is None else leads.of(rule.group)
        if places == []:
            continue                    # none of the words it begins with stands in the text
        matches = pattern.finditer(text) if places is None else _matches(pattern, text, places)
        for match in matches:
            start, end = match.span()
            i = bisect_right(starts, start)
            if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
                continue
            problem = ""
            try:
                spec = handler(match)
            except InvalidDate as error:
                spec, problem = Spec("day"), str(error)
            except (ValueError, KeyError):
                continue
            starts.insert(i, start)
            ends.insert(i, end)
            found.append(Found(start, end, match.group(0).strip(), spec, problem))
    found.sort(key=lambda f: f.start)
    return [_open_interval(text, f) for f in found] if rules is None else found


def _open_interval(text: str, f: Found) -> Found:
    """"seit 1994", "ab 2000", "since June", "von 2017 an": an open interval from the date on."""
    if f.problem or f.spec.precision == "range":
        return f
    if _SINCE_WORDS.match(f.words):
        return replace(f, spec=replace(f.spec, precision="since"))
    before = text[max(0, f.start - 12):f.start]
    since = _SINCE_BEFORE.search(before)
    if since:
        start = f.start - (len(before) - since.start())
        return replace(f, start=start, words=text[start:f.end], spec=replace(f.spec, precision="since"))
    von = _FROM_BEFORE.search(before)
    after = _ON_AFTER.match(text, f.end)
    if von and after:
        start = f.start - (len(before) - von.start())
        return replace(f, start=start, end=after.end(), words=text[start:after.end()],
                       spec=replace(f.spec, precision="since"))
    return f


@dataclass(frozen=True)
class Context:
    article_date: dt.date | None
    context_year: int | None
    language: str | None = None    # "en" reads an ambiguous "05/06/2025" month first


def resolve_text(text: str, ctx: Context, previous: Interval | None,
                 skip: tuple[tuple[int, int], ...] = ()) -> tuple[list[DateExpr], Interval | None]:
    """Resolve the expressions of one text in reading order (outside the `skip` spans, URLs);
    returns them and the last resolved interval, the anchor for "eine Woche später" in the
    next text."""
    bounds = sentence_starts(text)
    result: list[DateExpr] = []
    sentence_year: tuple[int, int] | None = None   # (sentence start, year)
    skip_starts = [s for s, _ in skip]
    article = (ctx.article_date, ctx.article_date) if ctx.article_date else None
    for item in find(text):
        k = bisect_right(skip_starts, item.start)
        if k and skip[k - 1][0] <= item.start < skip[k - 1][1]:
            continue
        if item.problem:
            result.append(DateExpr(item.start, item.end, item.words, item.spec.precision, None, None, "invalid",
                                   False, item.problem))
            continue
        j = bisect_left(bounds, item.start + 1)
        sentence = bounds[j - 1] if j else 0
        if sentence_year and sentence_year[0] != sentence:
            sentence_year = None
        spec = item.spec
        interval: Interval | None = None
        basis = "explicit"
        try:
            if spec.fixed:
                english = (ctx.language or "").startswith("en")
                interval = spec.month_first if spec.month_first and english else spec.fixed
            elif spec.yearless:
                if sentence_year:
                    interval, basis = spec.yearless(sentence_year[1]), "sentence year"
                elif ctx.article_date:
                    interval, basis = nearest(spec.yearless, ctx.article_date, spec.forward), "article date"
                elif ctx.context_year:
                    interval, basis = spec.yearless(ctx.context_year), "context year"
            elif spec.relative:
                anchor = previous if spec.anchor == "previous" else article
                basis = "previous date" if spec.anchor == "previous" else "article date"
                if anchor is None:
                    anchor, basis = article, "article date"
                if anchor:
                    interval = spec.relative(anchor)
        except ValueError:
            interval = None
        if spec.explicit_year and spec.precision not in ("year", "decade", "since"):
            # only a dated phrase lends its year ("im Juni 2025 … am 21. Juni"), not a bare
            # year that may belong to another event ("am 21. Juni … im Jahr 2021 verurteilt")
            sentence_year = (sentence, spec.explicit_year)
        if interval is None:
            result.append(DateExpr(item.start, item.end, item.words, spec.precision, None, None, "unresolved",
                                   spec.relative is not None))
            continue
        if spec.precision in ("day", "week", "range", "part") or basis == "explicit":
            previous = interval
        result.append(DateExpr(item.start, item.end, item.words, spec.precision, interval[0], interval[1], basis,
                               spec.relative is not None))
    return result, previous
