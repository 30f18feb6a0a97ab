"""Where a date rule can begin: the words its matches start with, read from the pattern itself.

Python's `re` has no keyword index: `finditer` tries a case-insensitive pattern at every
character of a text, and forty of them over every paragraph were most of the date grammar's
cost. Nearly every rule begins, after a word boundary, with one of a few words ("am",
"vergangenen", a month, a weekday) or with a digit. So expressions.find scans the lower-cased
text once for all those words together and tries each rule (`match`) only where one of its
words begins, in order, as `finditer` would meet them: the same matches, found at a fraction
of the cost.

The words are read from each compiled pattern with Python's own regex parser (`re._parser`,
the module behind the deprecated public `sre_parse`), so a rule that is added or changed needs
no list kept by hand. A rule whose start cannot be read that way (or a Python whose parser
differs) keeps the full scan. tests/test_dates.py holds the matches equal to finditer's on
every text the repository holds and on texts made to trip it.

Written by hand: no library indexes the literal prefixes of Python regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

DIGIT = r"\d"      # the lead of a rule that can begin with a digit (any decimal digit, as \d)

# Letters a case-insensitive pattern equates with others beyond what str.lower() does
# (re._casefix), and the one letter whose str.lower() is two characters ("İ"): folded before
# the scan, so the lower-cased copy stays aligned and finds every place a rule may match
# (tests/test_dates.py checks the table against re._casefix for the letters of lead words).
FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_UNEVEN = re.compile("[" + "".join(map(chr, FOLD)) + "]")


def fold(text: str) -> str:
    """`text` with FOLD's letters folded (translate looks up every character: only when one stands)."""
    return text.translate(FOLD) if _UNEVEN.search(text) else text

try:  # Python's regex parser: private, so read defensively
    import re._parser as _parser  # type: ignore[import-not-found,unused-ignore]
    _AT, _ASSERTS = _parser.AT, (_parser.ASSERT, _parser.ASSERT_NOT)
    _LITERAL, _IN, _SUBPATTERN, _BRANCH = _parser.LITERAL, _parser.IN, _parser.SUBPATTERN, _parser.BRANCH
    _REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
    _BOUNDARY, _CATEGORY, _RANGE, _DIGITS = (_parser.AT_BOUNDARY, _parser.CATEGORY, _parser.RANGE,
                                             _parser.CATEGORY_DIGIT)
except (ImportError, AttributeError):   # pragma: no cover - another Python: every rule scans in full
    _parser = None

regex_parser = _parser      # for dates.prefilter, which reads the rules with it too (None: not here)


def _digits_only(members: list[tuple[Any, Any]]) -> bool:
    """A character class of digits only ([12], [0-3], \\d)."""
    return all((op is _CATEGORY and av is _DIGITS) or (op is _LITERAL and chr(av).isdecimal())
               or (op is _RANGE and chr(av[0]).isdecimal() and chr(av[1]).isdecimal()) for op, av in members)


def _heads(items: list[tuple[Any, Any]], prefix: str = "") -> set[str] | None:
    """The strings (lower case) one of which begins every match of `items` (DIGIT for a
    digit); None when some match may begin otherwise (or with nothing)."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is _LITERAL:
            prefix += chr(av).lower()
            continue
        if op is _IN and 1 < len(av) <= 8 and all(member is _LITERAL for member, _ in av):
            # a class of a few letters: the parser writes "im|in" as "i[mn]"
            return _union(_heads([(_LITERAL, char)] + rest, prefix) for _, char in av)
        if op is _SUBPATTERN:
            return _heads(list(av[3]) + rest, prefix)
        if op is _BRANCH:               # the parser writes "den|der|die" as "d(?:en|er|ie)"
            return _union(_heads(list(branch) + rest, prefix) for branch in av[1])
        if prefix:                      # the literal start ends here
            return {DIGIT if prefix[0].isdecimal() else prefix}
        if op is _AT or op in _ASSERTS:
            continue                    # zero-width: the match still begins at the next item
        if op in _REPEATS:
            low, _, sub = av
            first = _heads(list(sub))   # the first repetition (a repeated sub-pattern ends the literal start)
            return first if low else _union([first, _heads(rest)])
        if op is _IN and _digits_only(av):
            return {DIGIT}
        return None
    return {DIGIT if prefix[0].isdecimal() else prefix} if prefix else None


def _union(parts: Iterable[set[str] | None]) -> set[str] | None:
    result: set[str] = set()
    for part in parts:
        if part is None:
            return None
        result |= part
    return result


def _at_boundary(items: list[tuple[Any, Any]]) -> bool:
    """Every match begins at a word boundary (\\b before its first character)."""
    for op, av in items:
        if op is _AT and av is _BOUNDARY:
            return True
        if op is _AT or op in _ASSERTS:
            continue
        if op is _SUBPATTERN:
            return _at_boundary(list(av[3]))
        if op is _BRANCH:
            return all(_at_boundary(list(branch)) for branch in av[1])
        return False
    return False


def leads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The words (lower case, DIGIT for a digit) one of which begins, at a word boundary,
    every match of `pattern`; None when that cannot be read from it."""
    if _parser is None:     # pragma: no cover
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:       # pragma: no cover - a parser that reads differently: scan in full
        return None
    found = _heads(items) if _at_boundary(items) else None
    return frozenset(found) if found and all(found) else None


class Index:
    """The lead words of many rules, found in a text with one scan."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        words = {pattern: leads(pattern) for pattern in patterns}
        every = {word for found in words.values() if found for word in found}
        # Rules that begin with the same words share one list of places per text. The scan
        # reports the longest word at a place; a rule whose word is a prefix of it ("über" in
        # "übers") is tried there too.
        self.groups: list[frozenset[str]] = []
        self.group: dict[re.Pattern[str], int] = {}
        starts = {word: {word[:n] for n in range(1, len(word) + 1)} for word in every}
        for pattern, found in words.items():
            if found:
                keys = frozenset(word for word in every if not starts[word].isdisjoint(found))
                if keys not in self.groups:
                    self.groups.append(keys)
                self.group[pattern] = self.groups.index(keys)
        # Per word of the scan, the groups it may start a match of (one bit each).
        self.masks = {word: sum(1 << g for g, keys in enumerate(self.groups) if word in keys) for word in every}
        self.every = frozenset(every)
        self.scan = self._scan(self.every)
        self._scans: dict[int, re.Pattern[str] | None] = {}

    @staticmethod
    def _scan(words: frozenset[str]) -> re.Pattern[str] | None:
        """One look-ahead at each word boundary for all `words` (so a word inside a longer one,
        "a" in "one and a half", is found too); None for no words."""
        lead = [_trie(sorted(words - {DIGIT}))] if words - {DIGIT} else []
        lead += [r"\d"] if DIGIT in words or not lead else []
        return re.compile(r"\b(?=(" + "|".join(lead) + "))") if words else None

    def scan_for(self, groups: int) -> re.Pattern[str] | None:
        """The scan for the words of some groups only (bits): where a group's words stand, it
        finds the same words as the scan for all (the longest word at a place is one of the
        group's words or begins with none of them), at fewer places and a cheaper look-ahead."""
        if groups in self._scans:
            return self._scans[groups]
        if len(self._scans) > 1024:
            self._scans.clear()
        words = frozenset(word for g, keys in enumerate(self.groups) if groups >> g & 1 for word in keys)
        scan = self._scans[groups] = self.scan if words == self.every else self._scan(words)
        return scan

    def find(self, text: str, groups: int | None = None) -> Places | None:
        """Where the lead words begin in `text` (of `groups` only, bits; None: of all); None
        when a lower-cased copy cannot stand in for it (see FOLD: not known to happen)."""
        scan = self.scan if groups is None else self.scan_for(groups)
        if scan is None:
            return Places(self, [])
        lower = fold(text).lower()
        if len(lower) != len(text):     # pragma: no cover - str.lower() lengthens no other letter
            return None
        masks, digit = self.masks, self.masks.get(DIGIT, 0)
        return Places(self, [(match.start(), masks.get(match[1]) or digit) for match in scan.finditer(lower)])


class Places:
    """The lead words found in one text, and per group of rules where they may match."""

    __slots__ = ("index", "known", "present", "words")

    def __init__(self, index: Index, words: list[tuple[int, int]]) -> None:
        self.index = index
        self.words = words                              # (place, groups of its word), in order
        self.known: dict[int, list[int]] = {}           # by group
        self.present = 0
        for _, groups in words:
            self.present |= groups

    def of(self, group: int) -> list[int]:
        """Where the rules of `group` (Index.group) may match, in order (empty: nowhere)."""
        bit = 1 << group
        if not self.present & bit:
            return []
        places = self.known.get(group)
        if places is None:
            places = self.known[group] = [at for at, groups in self.words if groups & bit]
        return places


def _trie(words: list[str]) -> str:
    """One pattern for many words, their shared beginnings written once ("a(?:b|n)"): `re`
    tries an alternation branch by branch, so a flat list of 300 words costs four times as
    much per place. Greedy, so the longest word at a place is the one reported."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(below) for char, below in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return pattern(tree)
