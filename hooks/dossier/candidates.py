"""Help for contributors: names the matcher did not link, and probable spelling variants.

- unknown names: capitalised words after a title (Präsident, Minister, Sondergesandter,
  Senator, envoy, …), and "First Last" pairs whose first word is a first name some registry
  person carries, that are not mentions of a known actor;
- probable variants: a capitalised word that is no mention but sounds like a known surname
  (same Kölner Phonetik code after folding ŭ/w to u) and is spelled alike (Jaro–Winkler).
Unknown names are hints (info); probable variants are warnings: add the spelling to the
registry as an alias, or fix the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import cologne_phonetics
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from .match import Matcher, scan
from .mentions import Mention, segments
from .model import Article, Diagnostic
from .normalise import key
from .registry import Actor

MIN_SIMILARITY = 0.85      # with the same phonetic code
MIN_SPELLING = 0.93        # without it (Kölner Phonetik misses ch/sch/kh, Lukachenko)
_TITLES = (r"(?:US-|Ex-)?(?:Präsident(?:in|en)?|Staatspräsident(?:in|en)?|Premierminister(?:in|s)?|"
           r"(?:Außen|Verteidigungs|Innen|Regierungs|Minister)?[Mm]inister(?:in|s)?|Kanzler(?:in|s)?|"
           r"Sondergesandte[nr]?|Gesandte[nr]?|Senator(?:in|s)?|Botschafter(?:in|s)?|Politolog(?:e|in|en)|"
           r"Oppositionelle[nr]?|Regimekritiker(?:in)?|Journalist(?:in|en)?|Sprecher(?:in)?|"
           r"President|Prime Minister|Minister|Senator|Ambassador|[Ee]nvoy|[Jj]ournalist|[Ss]pokes(?:man|woman))")
_NAME = r"[A-ZÄÖÜ][\w’'-]+"
_AFTER_TITLE = re.compile(rf"\b{_TITLES}\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})")
_PAIR = re.compile(rf"\b(?P<name>{_NAME}\s+{_NAME})")
_WORD = re.compile(rf"(?<![\w-]){_NAME}")


@dataclass(frozen=True)
class Candidate:
    article: str
    line: int
    surface: str
    reason: str                 # "unknown-name" or "probable-variant"
    actor: str | None = None
    variant: str | None = None
    score: float | None = None

    def diagnostic(self, path: str) -> Diagnostic:
        if self.reason == "probable-variant":
            return Diagnostic(path, self.line, "warning",
                              f"'{self.surface}' looks like a spelling of {self.actor} ('{self.variant}', "
                              f"similarity {self.score:.2f}); add it as an alias or correct it",
                              "probable-variant")
        return Diagnostic(path, self.line, "info", f"unknown name '{self.surface}': add it to "
                          "seeds/registry/actors.yml if it is an actor", "unknown-name")


@lru_cache(maxsize=1 << 16)
def _phonetic(word: str) -> str:
    folded = key(word).replace("ŭ", "u").replace("w", "u")
    return "".join(code for _, code in cologne_phonetics.encode(folded))


def _surname_index(actors: list[Actor]) -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for actor in actors:
        if actor.kind != "person":
            continue
        for variant in actor.variants:
            last = variant.form.split()[-1]
            if last.isascii() and len(last) >= 4:
                index[_phonetic(last)].append((last, actor.id))
    return index


def _closest(word: str, sounds: dict[str, list[tuple[str, str]]],
             surnames: dict[str, tuple[str, str]]) -> tuple[float, str, str] | None:
    """(score, known spelling, actor) of the nearest known surname, if near enough."""
    same_sound = max(((JaroWinkler.similarity(key(word), key(form)), form, actor)
                      for form, actor in sounds.get(_phonetic(word), [])), default=None)
    if same_sound and same_sound[0] >= MIN_SIMILARITY:
        return same_sound
    if len(word) < 6:
        return None
    spelled = process.extractOne(key(word), list(surnames), scorer=JaroWinkler.similarity,
                                 score_cutoff=MIN_SPELLING)
    # A near spelling of the same length (±1), not a word that merely starts like the name
    # ("Krieg" / "Krieger").
    if spelled and abs(len(spelled[0]) - len(key(word))) <= 1:
        form, actor = surnames[spelled[0]]
        return float(spelled[1]), form, actor
    return None


def find_candidates(matcher: Matcher, actors: list[Actor], articles: list[Article],
                    mentions: list[Mention]) -> list[Candidate]:
    first_names = {key(a.name.split()[0]) for a in actors if a.kind == "person" and " " in a.name}
    first_names |= {key(v.form.split()[0]) for a in actors if a.kind == "person"
                    for v in a.variants if " " in v.form}
    sounds = _surname_index(actors)
    surnames: dict[str, tuple[str, str]] = {}
    for entries in sounds.values():
        for form, actor in entries:
            surnames.setdefault(key(form), (form, actor))
    covered = defaultdict(list)
    for m in mentions:
        covered[(m.article, m.part, m.line)].append((m.start, m.end))
    found: dict[tuple[str, str], Candidate] = {}
    for article in articles:
        for seg in segments(article):
            spans = covered[(article.id, seg.part, seg.line)] + list(seg.skip)

            def free(start: int, end: int, spans: list[tuple[int, int]] = spans) -> bool:
                return not any(s < end and start < e for s, e in spans)

            names = [m for m in _AFTER_TITLE.finditer(seg.text) if free(m.start("name"), m.end("name"))]
            names += [m for m in _PAIR.finditer(seg.text) if free(m.start("name"), m.end("name"))
                      and key(m.group("name").split()[0]) in first_names]
            for match in names:
                surface = match.group("name")
                if scan(matcher, surface):
                    continue
                found.setdefault((article.id, surface), Candidate(article.id, seg.line, surface, "unknown-name"))
            for match in _WORD.finditer(seg.text):
                word = match.group(0)
                if len(word) < 5 or not free(match.start(), match.end()):
                    continue
                best = _closest(word, sounds, surnames)
                if best and key(word) != key(best[1]):
                    found.setdefault((article.id, word), Candidate(
                        article.id, seg.line, word, "probable-variant", best[2], best[1], round(best[0], 3)))
    return sorted(found.values(), key=lambda c: (c.article, c.line, c.surface))
