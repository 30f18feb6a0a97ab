"""Sentence boundaries in German and English running text (for quotes and year context).

A sentence ends at . ! ? … (optionally followed by a closing quote) before white space and
an upper-case letter or opening quote. A full stop after a one- or two-digit number is an
ordinal ("am 21. Juni"), not an end; after a year it is ("im Frühjahr 2015. Ein neues …").
Nor does a sentence end after a single letter ("U.S. Envoy", "J. Smith") or a common
abbreviation (Dr., Nr., vgl., bzw., ca., Mr.).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_ABBREVIATIONS = ("Dr", "Nr", "St", "ca", "vgl", "bzw", "usw", "Mr", "Mrs", "Ms", "Jr", "Prof", "Abs", "Art")
# The end mark comes first and the look-behinds after it, each widened by the mark it now
# follows: the same matches as the look-behinds before the mark, but the engine gives up on
# an ordinary character at once instead of testing sixteen look-behinds at every position.
_END = re.compile(r"[.!?…](?<!\b\w[.!?…])(?<!\b\d\d[.!?…])"
                  + "".join(rf"(?<!\b{a}[.!?…])" for a in _ABBREVIATIONS)
                  + r"[\"“”»«]?\s+(?=[A-ZÄÖÜ„\"«(])")


@lru_cache(maxsize=1 << 14)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where sentences begin; computed once per text, however many dates or names
    in it ask for their sentence."""
    return tuple(m.end() for m in _END.finditer(text))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end], found by bisection (no scan of
    the text's sentences per date or name)."""
    starts = sentence_starts(text)
    i = bisect_right(starts, start)
    j = bisect_left(starts, end + 1)
    return (starts[i - 1] if i else 0), (starts[j] if j < len(starts) else len(text))


# A quote is cut to this many characters on either side of what it quotes: a block without
# sentence ends (a pasted table, a list, one endless run-on line) must not make every name or
# date in it quote all of it, on every page that lists it.
MAX_CONTEXT = 400


def context_span(text: str, start: int, end: int, limit: int = MAX_CONTEXT) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end], cut at a word boundary to at most
    `limit` characters on either side of it."""
    s, e = sentence_span(text, start, end)
    if start - s > limit:
        s = text.find(" ", start - limit, start) + 1 or start - limit
    if e - end > limit:
        cut = text.rfind(" ", end, end + limit)
        e = cut if cut > end else end + limit
    return s, e
