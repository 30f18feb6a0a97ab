"""Matching keys for names: one normal form for every spelling and every surface in a text.

NFKD, combining marks dropped (diacritics and Cyrillic stress accents, U+0301), ł -> l,
ß -> ss, apostrophes and BGN's middle dot dropped, case folded. The same function serves the
registry side and the text side, so both always agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

# Apostrophes and BGN's middle dot; soft hyphen (U+00AD) and zero-width characters, which
# scraped text carries inside words ("Lukash\u00adenko").
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = dict.fromkeys(map(ord, "’'ʹʺ·”`´ʼ" + INVISIBLE), None)
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


class _Dropped(dict[int, "int | None"]):
    """str.translate table: _DROP, and every combining mark (looked up once per character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROPPED = _Dropped(_DROP)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    if text.isascii():          # nothing to fold or decompose (most words)
        return _SPACES.sub(" ", text.translate(_DROP)).strip().lower()
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return _SPACES.sub(" ", folded.translate(_DROPPED)).strip().casefold()


# Letters and digits, plus combining marks (a stress accent U+0301 sits inside Cyrillic words).
# Soft hyphens and zero-width characters count as part of a word, so they never split a name.
# Written as runs of each kind, possessive (nothing after them can fail): a fifth faster than
# one alternation per character, the same words.
_LETTERS = r"(?:[^\W_]++|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]++)++"
_WORD = re.compile(rf"{_LETTERS}(?:['’ʼ]{_LETTERS})*+['’]?")


def atoms(text: str) -> list[tuple[int, int, str]]:
    """Words of `text` split at spaces and hyphens, with apostrophes kept inside a word:
    (start, end, key) for "Lukaschenko-Regime" gives two atoms, "Lukashenka’s" one."""
    return list(_atoms(text))


# The text cut at the words, keeping them: [gap, word, gap, word, ..., gap] (_WORD has no
# group of its own). Where each word begins and ends is the running sum of the lengths, so no
# match object is made per word (a third of this function's time).
_AROUND_WORDS = re.compile(f"({_WORD.pattern})")


# A paragraph is split into words by the name matcher, the mention pass, the candidate finder
# and the event finder in turn: once is enough.
@lru_cache(maxsize=1 << 12)
def _atoms(text: str) -> tuple[tuple[int, int, str], ...]:
    parts = _AROUND_WORDS.split(text)
    bounds = list(accumulate(map(len, parts)))      # bounds[2k]: word k's start, bounds[2k + 1]: its end
    return tuple(zip(bounds[0:-1:2], bounds[1::2], map(key, parts[1::2]), strict=True))
