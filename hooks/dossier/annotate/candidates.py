"""Help for contributors: people the registry does not know yet, and probable spelling variants.

- New people: a given name (a first name of a registry person, or a capitalised word that
  looks like a given name) followed by one or two surname-like words, or a title or role word
  followed by a surname ("Ambassador Boehler"), that no mention covers. Occurrences are grouped
  by person across all articles (same surname skeleton, compatible first name); each person
  gets a ready-to-paste registry entry (id, name, kind, a gender guess, the sentence it came
  from, empty ru/be for the Cyrillic forms). No junk spans: a name never runs over a word that
  looks like another given name, a title, a place already linked, or a line break.
- Probable variants: a capitalised word that is no mention but has the transliteration
  skeleton or the Kölner Phonetik code of a known surname, and is spelled alike
  (Jaro–Winkler) — "Lukachenko", "Tsihanouskaya" without a first name.
Each look-up is a dictionary access per word, so the pass is linear in the corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import cologne_phonetics
from rapidfuzz.distance import JaroWinkler

from dossier.annotate.actors import Actor
from dossier.annotate.match import Matcher, Part
from dossier.annotate.mentions import Mention, name_segments
from dossier.annotate.namewords import (
    DETERMINERS,
    TITLES,
    is_common_word,
    is_place_name,
    looks_like_given_name,
    skeleton,
    split_full_name,
)
from dossier.annotate.normalise import atoms, key
from dossier.annotate.sentences import context_span
from dossier.model import Article, Diagnostic

MIN_SIMILARITY = 0.85      # Jaro–Winkler with the same skeleton or phonetic code


@dataclass(frozen=True)
class Candidate:
    article: str
    line: int
    surface: str
    reason: str                 # "unknown-name" or "probable-variant"
    actor: str | None = None
    variant: str | None = None
    score: float | None = None
    person: str | None = None   # suggested registry id (unknown names)
    name: str | None = None     # the fullest spelling seen for that person
    gender: str | None = None   # a guess from name endings, for the contributor to check
    sentence: str | None = None
    mentions: int = 1           # occurrences of that person in the whole corpus
    articles: tuple[str, ...] = ()

    def diagnostic(self, path: str) -> Diagnostic:
        if self.reason == "probable-variant":
            return Diagnostic(path, self.line, "warning",
                              f"'{self.surface}' looks like a spelling of {self.actor} ('{self.variant}', "
                              f"similarity {self.score:.2f}); add it as an alias or correct it",
                              "probable-variant")
        more = f" ({self.mentions} mentions in {len(self.articles)} articles)" if self.mentions > 1 else ""
        return Diagnostic(path, self.line, "info", f"unknown name '{self.surface}'{more}: if it is an actor, "
                          f"add '{self.person}' to seeds/registry/actors.yml (`make check` prints the entry)",
                          "unknown-name")

    def entry(self) -> str:
        """A registry entry a contributor can paste into seeds/registry/actors.yml."""
        where = f"{', '.join(self.articles[:3])}{' …' if len(self.articles) > 3 else ''}"
        quote = (self.sentence or "").replace('"', "'")
        return "\n".join([
            f"- id: {self.person}",
            f"  name: {json.dumps(self.name, ensure_ascii=False)}",
            "  kind: person",
            f"  gender: {self.gender}   # guessed from the name: check it",
            f"  description: TODO   # seen in {where}: \"{quote[:160]}\"",
            "  ru:   # Russian Cyrillic, if the name comes from Russian (or delete the line)",
            "  be:   # Belarusian Cyrillic, if the name comes from Belarusian (or delete the line)",
        ])


@lru_cache(maxsize=1 << 16)
def _phonetic(word: str) -> str:
    folded = key(word).replace("ŭ", "u").replace("w", "u")
    return "".join(code for _, code in cologne_phonetics.encode(folded)) if folded.isascii() else ""


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "person"


_FEMALE_ENDINGS = ("aja", "aya", "ova", "owa", "eva", "ewa", "ina", "ska", "skaja", "skaya", "ava", "awa",
                   "ienė", "aitė", "ytė")


def guess_gender(first: str | None, surname: str) -> str:
    """'f' or 'm' from the endings of the name; the entry marks it as a guess."""
    if key(surname).endswith(_FEMALE_ENDINGS):
        return "f"
    if (first and key(first).endswith(("a", "ia", "ja")) and not key(first).endswith(("ja", "ka"))) or \
            (first and key(first) in ("maryia", "maryja", "nasta", "marfa")):
        return "f"
    return "m"


@dataclass(frozen=True)
class Sighting:
    """An unknown full name or surname where it stands; grouped into people corpus-wide."""

    article: str
    line: int
    first: str | None
    surname: str
    surface: str
    text: str          # the segment it stands in; the sentence is cut out only for the one
    start: int         # occurrence an entry quotes (context_span scans the text)
    stop: int

    @property
    def sentence(self) -> str:
        left, right = context_span(self.text, self.start, self.stop)
        return " ".join(self.text[left:right].split())


def _word_ok(text: str, start: int, end: int, language: str | None) -> bool:
    return _name_word(text[start:end], language)


@lru_cache(maxsize=1 << 16)
def _name_word(word: str, language: str | None) -> bool:
    """A capitalised word that can be part of a name (no title, article, number or common
    word). Cached: a corpus repeats the same capitalised words in every article."""
    if not word[:1].isupper() or word.isupper() or any(c.isdigit() for c in word):
        return False
    k = key(word)
    if k in TITLES or k in DETERMINERS or len(k) < 2:
        return False
    return not any(is_common_word(word, lang) for lang in ((language,) if language else ("de", "en")))


class _Finder:
    def __init__(self, matcher: Matcher, actors: list[Actor]) -> None:
        self.matcher = matcher
        self.persons = {a.id for a in actors if a.kind == "person"}
        self.phonetic: dict[str, list[Part]] = defaultdict(list)
        for parts in matcher.surnames.values():
            for part in parts:
                if len(part.atoms) == 1 and part.atoms[0].isascii() and len(part.atoms[0]) >= 4:
                    self.phonetic[_phonetic(part.atoms[0])].append(part)

    def known_first(self, k: str) -> bool:
        return k in self.matcher.firsts

    def near(self, word: str) -> tuple[float, Part] | None:
        k = key(word)
        if k in self.matcher.surnames or len(k) < 5 or not k.isascii():
            return None
        pool = list(self.matcher.skeletons.get(skeleton(k), ())) + self.phonetic.get(_phonetic(k), [])
        best = max(((JaroWinkler.similarity(k, p.atoms[0]), p) for p in pool), default=None, key=lambda t: t[0])
        return best if best and best[0] >= MIN_SIMILARITY else None


def find_sightings(matcher: Matcher, actors: list[Actor], articles: list[Article],
                   mentions: list[Mention]) -> tuple[list[Candidate], list[Sighting]]:
    """Per article (the cache keeps them per article): probable variants of known names, and
    the unknown names as they stand, not yet grouped into people (group_candidates does that
    for the whole corpus)."""
    finder = _Finder(matcher, actors)
    covered: dict[tuple[str, str, int], list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        covered[(m.article, m.part, m.line)].append((m.start, m.end))
    names: list[Sighting] = []
    variants: dict[tuple[str, str], Candidate] = {}
    for article in articles:
        language = article.language.value
        for seg in name_segments(article):
            text = seg.text
            spans = sorted(covered[(article.id, seg.part, seg.line)] + list(seg.skip))
            words = atoms(text)
            # Names begin with a capital: only those words are looked at (and only theirs
            # need to be free; a lower-case word fails _word_ok whatever it is).
            capitals = [i for i, (start, _, _) in enumerate(words) if text[start].isupper()]
            free = _free_words(words, spans, capitals)
            after = 0
            for i in capitals:
                if i < after:
                    continue
                found = _name_at(text, words, free, i, finder, language)
                if found:
                    first, surname, after = found
                    start, stop = words[i][0], words[after - 1][1]
                    names.append(Sighting(article.id, seg.line, first, surname, text[start:stop].rstrip("’'s")
                                       if text[start:stop].endswith(("’s", "'s")) else text[start:stop],
                                       text, start, stop))
                    continue
                if free[i] and _word_ok(text, words[i][0], words[i][1], language):
                    near = finder.near(text[words[i][0]:words[i][1]])
                    if near:
                        word = text[words[i][0]:words[i][1]]
                        variants.setdefault((article.id, word), Candidate(
                            article.id, seg.line, word, "probable-variant", near[1].actor,
                            " ".join(near[1].atoms).title() if near[1].atoms[0].isascii() else near[1].variant.form,
                            round(near[0], 3)))
    return list(variants.values()), names


def group_candidates(variants: list[Candidate], names: list[Sighting]) -> list[Candidate]:
    """The candidates of a corpus: the variants, and the sightings grouped into people across
    all articles (counts and article lists are corpus-wide, so this runs after the cache)."""
    return sorted(variants + _people(names), key=lambda c: (c.article, c.line, c.surface))


def find_candidates(matcher: Matcher, actors: list[Actor], articles: list[Article],
                    mentions: list[Mention]) -> list[Candidate]:
    return group_candidates(*find_sightings(matcher, actors, articles, mentions))


def _free_words(words: list[tuple[int, int, str]], spans: list[tuple[int, int]], which: list[int]) -> list[bool]:
    """For each word of `which` (indices, in order), whether no span covers it: one merge of
    two sorted lists. Other words are False."""
    free, j = [False] * len(words), 0
    for i in which:
        start, end, _ = words[i]
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        free[i] = not (j < len(spans) and spans[j][0] < end)
    return free


def _adjacent(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Spaces only between the words: no hyphen ("Helsinki-Schlussakte"), comma or line break."""
    gap = text[a[1]:b[0]]
    return gap.strip(" \u00a0") == "" and "\n" not in gap


# Adjectives of nationality and place ("Belarusian", "Lithuanian", "Polish", "belarussische"):
# they stand before names but are none.
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|isch|ische|ischen|ischer)$")


# Surname endings of Belarusian, Russian and Ukrainian names (-ich, -ski, -ova, -enko …): a
# capitalised pair ending in one of them is a name even when its first name is unknown.
_SLAVIC_SURNAME = re.compile(r"(?:[iy]ch|[iy]c|vič|ski|sky|skyi|ska|skaya|skaja|[oae]va|[oae]wa|[iy]na|[iy]n|"
                             r"[oe]v|[oe]w|enko|uk|yk|ka|ko)$")
_ADJECTIVE = re.compile(r"(?:isch|ische|ischen|ischer|lichen|liche|lich|en|er|es|em|an)$")
# A capitalised word after these is a place, not a given name ("in Minsk Kalesnikawa").
_PLACE_BEFORE = frozenset({"in", "im", "nach", "aus", "bei", "near"})


def _name_at(text: str, words: list[tuple[int, int, str]], free: list[bool], i: int, finder: _Finder,
             language: str | None) -> tuple[str | None, str, int] | None:
    """(first name, surname, end index) of an unknown person's name starting at word i."""
    if not free[i]:
        return None
    word = text[words[i][0]:words[i][1]]
    if not _word_ok(text, words[i][0], words[i][1], language) or _DEMONYM.search(key(word)):
        return None
    prev = key(text[words[i - 1][0]:words[i - 1][1]]) if i > 0 and _adjacent(text, words[i - 1], words[i]) else ""
    if prev in _PLACE_BEFORE:
        return None
    end = i + 1
    while end < len(words) and end - i < 3 and free[end] and _adjacent(text, words[end - 1], words[end]) \
            and _word_ok(text, words[end][0], words[end][1], language):
        end += 1
    surname = re.sub(r"['’]s$", "", text[words[end - 1][0]:words[end - 1][1]])
    if is_place_name(tuple(w for _, _, w in words[i:end])):
        return None   # "Burkina Faso", "Sri Lanka", "Neuseeland"
    if end > i + 1:
        given = finder.known_first(words[i][2]) or looks_like_given_name(word)
        second = text[words[i + 1][0]:words[i + 1][1]]
        if not given and (finder.known_first(words[i + 1][2]) or looks_like_given_name(second)):
            return None   # "First Lady Hillary Clinton": the name starts at the next word
        slavic = bool(_SLAVIC_SURNAME.search(key(surname))) and not _ADJECTIVE.search(key(word))
        if given or slavic or prev in TITLES:
            split = split_full_name(text[words[i][0]:words[end - 1][1]])
            return (split[0], re.sub(r"['’]s$", "", split[1]), end) if split else (word, surname, end)
        return None
    if prev in TITLES and not looks_like_given_name(word):
        return None, surname, end
    return None


def _people(names: list[Sighting]) -> list[Candidate]:
    """One candidate per person, across articles: full names grouped by surname skeleton and
    first name; a surname alone joins the person with that surname seen most often."""
    groups: dict[tuple[str, str], list[Sighting]] = defaultdict(list)
    for n in names:
        if n.first:
            groups[(skeleton(n.surname), skeleton(n.first))].append(n)
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in groups:
        by_surname[k[0]].append(k)
    for n in names:
        if not n.first:
            options = by_surname.get(skeleton(n.surname))
            if options:
                groups[max(options, key=lambda k: len(groups[k]))].append(n)
            else:
                groups[(skeleton(n.surname), "")].append(n)
    found = []
    for members in groups.values():
        full = [n for n in members if n.first] or members
        # The longest form, the earliest on a tie (positions by identity: list.index compared
        # dataclasses one by one, quadratic in a person's number of sightings).
        position = {id(n): i for i, n in enumerate(members)}
        best = max(full, key=lambda n: (len(n.surface), -position[id(n)]))
        name = f"{best.first} {best.surname}" if best.first else best.surname
        articles = tuple(dict.fromkeys(n.article for n in members))
        sentence, person, gender = best.sentence, slug(name), guess_gender(best.first, best.surname)
        found += [Candidate(n.article, n.line, n.surface, "unknown-name", person=person, name=name, gender=gender,
                            sentence=sentence, mentions=len(members), articles=articles) for n in members]
    return found


def entries(candidates: list[Candidate]) -> list[str]:
    """One registry entry per new person, most often named first."""
    seen: dict[str, Candidate] = {}
    for c in candidates:
        if c.reason == "unknown-name" and c.person and c.person not in seen:
            seen[c.person] = c
    return [c.entry() for c in sorted(seen.values(), key=lambda c: (-c.mentions, c.person or ""))]
