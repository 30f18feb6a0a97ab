"""Sentence boundaries in German and English running text (for quotes and year context).

A sentence ends at . ! ? … (optionally followed by a closing quote) before white space and
an upper-case letter or opening quote. A full stop after a one- or two-digit number is an
ordinal ("am 21. Juni"), not an end; after a year it is ("im Frühjahr 2015. Ein neues …").
Nor does a sentence end after a single letter ("U.S. Envoy", "J. Smith") or a common
abbreviation (Dr., Nr., vgl., bzw., ca., Mr.).
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREVIATIONS = ("Dr", "Nr", "St", "ca", "vgl", "bzw", "usw", "Mr", "Mrs", "Ms", "Jr", "Prof", "Abs", "Art")
_END = re.compile(r"(?<!\b\w)(?<!\b\d\d)" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
                  + r"[.!?…][\"“”»«]?\s+(?=[A-ZÄÖÜ„\"«(])")


@lru_cache(maxsize=1 << 12)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where sentences begin; computed once per text, however many dates or names
    in it ask for their sentence."""
    return tuple(m.end() for m in _END.finditer(text))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end]."""
    ends = sentence_starts(text)
    return max((e for e in ends if e <= start), default=0), min((e for e in ends if e > end), default=len(text))
