"""Which date rules can match somewhere in a text: one pass of RE2's multi-pattern Set.

A paragraph holds two or three date expressions, and of the grammar's 35 rules only the
rules of those can match; yet each rule was tried at every place where one of its first words stands
("der", "in", "the", a digit), most of the grammar's cost. RE2 (`google-re2`) runs a whole set
of patterns over a text in one automaton pass and says which of them match anywhere. So each
rule is also written as an RE2 pattern that matches *at least* wherever the rule matches, and
expressions.find tries only the rules the set names; the matches themselves still come from
Python's `re`, so they are the same as without the set (tests/test_dates.py holds them equal
on every text the repository holds and on texts made to trip it).

"At least": RE2 lacks look-arounds, possessive repeats and Unicode word boundaries, so the
RE2 pattern drops them (a condition fewer can only match more), and every pattern is
case-insensitive as a whole (a case-sensitive part matches more then, never less). Character
classes keep their meaning: \\d is Unicode's Nd, \\w letters, numbers and "_", \\s Python's
whitespace. Three letters that Python's case folding equates with "i" and "s" and RE2's does
not ("İ", "ı", "ſ") are folded in the text first (leads.FOLD). A rule whose pattern uses
anything else (a back-reference, a negated class of categories) is tried in every text, as
is every rule when the set cannot answer (a text that is no valid UTF-8, an automaton out of
memory: an always-matching sentinel pattern tells).

Written by hand: no library translates Python's regular expressions into RE2's syntax; the
patterns are read with Python's own parser (re._parser, as leads.py does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import re2  # type: ignore[import-untyped]

from dossier.annotate.dates.leads import fold
from dossier.annotate.dates.leads import regex_parser as _parser  # None: every rule is tried


class _Unsupported(Exception):
    """A piece of a pattern with no RE2 equivalent that matches at least as much."""


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{{{code:x}}}"


if _parser is not None:
    _CATEGORIES = {
        _parser.CATEGORY_DIGIT: r"\p{Nd}",
        _parser.CATEGORY_WORD: r"\p{L}\p{N}_",
        _parser.CATEGORY_SPACE: r"\t\n\x{b}\f\r\x{1c}-\x{1f}\x{85}\p{Z}",
        # outside a negated class a wider class is safe: RE2's ASCII \D, \W, \S hold more
        _parser.CATEGORY_NOT_DIGIT: r"\D",
        _parser.CATEGORY_NOT_WORD: r"\W",
        _parser.CATEGORY_NOT_SPACE: r"\S",
    }
    _EXACT = {_parser.CATEGORY_DIGIT, _parser.CATEGORY_WORD, _parser.CATEGORY_SPACE}


def _class(members: list[tuple[Any, Any]]) -> str:
    negated = any(op is _parser.NEGATE for op, _ in members)
    parts = []
    for op, av in members:
        if op is _parser.NEGATE:
            continue
        if op is _parser.LITERAL:
            parts.append(_char(av))
        elif op is _parser.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _parser.CATEGORY and av in _CATEGORIES and (not negated or av in _EXACT):
            parts.append(_CATEGORIES[av])
        else:       # a negated class must stay exact: what it leaves out, it must leave out
            raise _Unsupported(op)
    return "[" + ("^" if negated else "") + "".join(parts) + "]"


def _pattern(items: Iterable[tuple[Any, Any]]) -> str:
    out = []
    for op, av in items:
        if op is _parser.LITERAL:
            out.append(_char(av))
        elif op is _parser.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is _parser.ANY:
            out.append("(?s:.)")
        elif op is _parser.IN:
            out.append(_class(list(av)))
        elif op is _parser.SUBPATTERN:
            out.append(f"(?:{_pattern(av[3])})")
        elif op is _parser.BRANCH:
            out.append("(?:" + "|".join(_pattern(branch) for branch in av[1]) + ")")
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            low, high, sub = av
            if low > 1000 or (high is not _parser.MAXREPEAT and high > 1000):
                raise _Unsupported("a repeat count above RE2's limit")
            out.append(f"(?:{_pattern(sub)}){{{low},{'' if high is _parser.MAXREPEAT else high}}}")
        elif op is _parser.AT or op in (_parser.ASSERT, _parser.ASSERT_NOT):
            continue                    # a boundary or look-around: dropped, matching more
        elif op is getattr(_parser, "ATOMIC_GROUP", None):
            out.append(f"(?:{_pattern(av)})")
        else:
            raise _Unsupported(op)
    return "".join(out)


def superset(pattern: re.Pattern[str]) -> str | None:
    """An RE2 pattern that matches somewhere in every text where `pattern` does (text folded
    with FOLD); None when this module cannot write one."""
    if _parser is None:     # pragma: no cover - another Python: no prefilter
        return None
    try:
        return "(?i)" + _pattern(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:       # a piece with no RE2 equivalent (_Unsupported), or a parser that reads differently
        return None


class RuleSet:
    """The rules that may match in a text, as a bit mask over their positions in `patterns`."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        options = re2.Options()
        options.max_mem = 64 << 20
        self.set = re2.Set.SearchSet(options)
        self.bits: dict[int, int] = {}          # RE2 index -> 1 << rule position
        self.always = 0                         # rules RE2 cannot stand in for
        for position, pattern in enumerate(patterns):
            written = superset(pattern)
            if written is None:
                self.always |= 1 << position
                continue
            try:
                self.bits[self.set.Add(written)] = 1 << position
            except re2.error:
                self.always |= 1 << position
        self.sentinel = self.set.Add("")        # matches every text: missing, the set failed
        self.set.Compile()
        self.everything = (1 << len(patterns)) - 1

    def possible(self, text: str) -> int:
        """Bits of the rules that may match in `text` (all of them when the set cannot tell)."""
        try:
            found = self.set.Match(fold(text).encode("utf-8"))
        except (UnicodeEncodeError, re2.error):
            return self.everything
        if not found or self.sentinel not in found:
            return self.everything
        bits, mask = self.bits, self.always
        for index in found:
            mask |= bits.get(index, 0)
        return mask
