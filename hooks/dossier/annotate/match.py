"""One matcher for all actors, built once per build and used on every text.

Two kinds of knowledge, both indexed by a word's key (normalise.atoms) so that a scan is one
pass over the words of a text, with a bounded number of look-ups per word:

- *written forms*: every spelling of every actor as written (organisations, states, media, and
  each full spelling of a person), longest first;
- *name parts* of persons: first names, surnames (every variant of each), patronymics by shape.
  A person's name is any first-name variant + optional patronymic + any surname variant, in
  either order, with initials ("A. Lukaschenko"), mixing schemes freely ("Aliaksandr
  Lukashenko"). Cyrillic parts also match inflected ("Сергеем Тихановским"). An unseen spelling
  of a surname (same transliteration skeleton) after a first name of the same person links
  too, with its similarity score.

A surname or a first name alone becomes a *weak* hit; mentions.py decides per article whether
it links (rules 6 and 7 of shared/design/transliteration.md). The scan records what stands
around it: a title or role word before it, a foreign given name before it ("Hillary Clinton"),
a lowercase word before it, a number after it ("Herbst 2014").

Other rules kept from before: one genitive s is stripped on a miss (Lukaschenkos,
Lukashenka’s); hyphenated compounds are split (Lukaschenko-Regime); all-capital forms (NATO,
US) match only all-capital text; a spelling two actors share on purpose is weak for both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from dossier.annotate.actors import Actor, Variant
from dossier.annotate.namewords import (
    DETERMINERS,
    TITLES,
    is_common_word,
    looks_like_given_name,
    patronymic_gender,
    skeleton,
    split_full_name,
)
from dossier.annotate.normalise import atoms, key

Word = tuple[int, int, str]
MIN_SIMILAR = 0.8     # Jaro–Winkler of the keys, on top of an equal skeleton
MIN_TYPO = 0.92       # Jaro–Winkler alone, against the surnames of the person whose first name precedes


@dataclass(frozen=True)
class Form:
    atoms: tuple[str, ...]
    actor: str
    variant: Variant
    weak: bool
    capitals: bool = False


@dataclass(frozen=True)
class Part:
    atoms: tuple[str, ...]
    actor: str
    variant: Variant


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    forms: tuple[Form, ...]   # several only for a weak form that several actors share
    kind: str = "full"        # full, similar, surname, first, shared
    score: float | None = None
    title_before: bool = False
    name_before: bool = False
    lower_before: bool = False    # an article or preposition right before it ("im Herbst")
    digit_after: bool = False
    before_word: bool = False     # some word stands right before it (no punctuation between)
    sentence_start: bool = False  # first word of a sentence or of the text

    @property
    def weak(self) -> bool:
        return self.kind not in ("full", "similar")


@dataclass(frozen=True)
class Matcher:
    buckets: dict[str, tuple[Form, ...]]
    firsts: dict[str, tuple[Part, ...]]
    surnames: dict[str, tuple[Part, ...]]
    cyrillic: dict[str, tuple[tuple[Part, str], ...]]     # 4-letter prefix -> (part, role)
    skeletons: dict[str, tuple[Part, ...]]                 # surname skeleton -> parts
    first_skeletons: dict[str, tuple[Part, ...]]
    initials: dict[str, frozenset[str]]
    genders: dict[str, str | None]
    bare: frozenset[str]          # actors a bare surname means where several share it
    patronymics: dict[str, frozenset[str]]   # actor -> keys of its patronymic spellings
    surnames_of: dict[str, tuple[Part, ...]]  # actor -> its one-word Latin surname parts
    persons: frozenset[str] = frozenset()
    starts: frozenset[str] = frozenset()     # every key of buckets, firsts and surnames
    # Whether a word (key) can open a name (_Scan.openings), filled as words are met: a text
    # repeats its words, and so does a corpus. Not part of the matcher's value.
    opens: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def can_open(self, word: str) -> bool:
        """A known start, a single letter (an initial), a known start with a genitive s, or
        Cyrillic (inflected)."""
        known = (word in self.starts or len(word) == 1 or (word.endswith("s") and word[:-1] in self.starts)
                 or _is_cyrillic(word))
        self.opens[word] = known
        return known


def split_name(actor: Actor, variant: Variant) -> tuple[str, str] | None:
    """(first names, surname) of a person's spelling, or None for a single word. The registry's
    `surname` applies to the spellings written in the registry (generated ones follow the
    scheme's word order); the rule itself is namewords.split_full_name."""
    return split_full_name(variant.form, actor.surname if variant.scheme is None else None)


def _keys(text: str) -> tuple[str, ...]:
    return tuple(a for _, _, a in atoms(text))


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


def _by_actor(items: Iterable[tuple[str, Part]]) -> dict[str, tuple[Part, ...]]:
    found: dict[str, dict[tuple[str, ...], Part]] = defaultdict(dict)
    for _, part in items:
        found[part.actor].setdefault(part.atoms, part)
    return {actor: tuple(parts.values()) for actor, parts in found.items()}


def _group(items: Iterable[tuple[str, Part]]) -> dict[str, tuple[Part, ...]]:
    grouped: dict[str, dict[tuple[tuple[str, ...], str], Part]] = defaultdict(dict)
    for k, part in items:
        grouped[k].setdefault((part.atoms, part.actor), part)
    return {k: tuple(sorted(v.values(), key=lambda p: (-len(p.atoms), p.actor))) for k, v in grouped.items()}


def build_matcher(actors: list[Actor]) -> Matcher:
    strong: dict[tuple[str, ...], Form] = {}
    shared: dict[tuple[str, ...], dict[str, Form]] = defaultdict(dict)
    firsts: list[tuple[str, Part]] = []
    surnames: list[tuple[str, Part]] = []
    cyrillic: dict[str, list[tuple[Part, str]]] = defaultdict(list)
    skeletons: list[tuple[str, Part]] = []
    first_skeletons: list[tuple[str, Part]] = []
    initials: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for variant in actor.variants:
            keys = _keys(variant.form)
            if not keys:
                continue
            if key(variant.form) in actor.shared:
                shared[keys].setdefault(actor.id, Form(keys, actor.id, variant, True))
            else:
                capitals = variant.form.isupper() and len(variant.form) <= 6
                strong.setdefault(keys, Form(keys, actor.id, variant, False, capitals))
            parts = split_name(actor, variant) if actor.kind == "person" else None
            if not parts:
                continue
            first, surname = Part(_keys(parts[0]), actor.id, variant), Part(_keys(parts[1]), actor.id, variant)
            if not first.atoms or not surname.atoms:
                continue
            firsts.append((first.atoms[0], first))
            surnames.append((surname.atoms[0], surname))
            initials[first.atoms[0][0]].add(actor.id)
            for part, role in ((first, "first"), (surname, "surname")):
                if len(part.atoms) == 1 and _is_cyrillic(part.atoms[0]) and len(part.atoms[0]) >= 4:
                    cyrillic[part.atoms[0][:4]].append((part, role))
            if len(surname.atoms) == 1 and surname.atoms[0].isascii():
                skeletons.append((skeleton(surname.atoms[0]), surname))
            if len(first.atoms) == 1 and first.atoms[0].isascii():
                first_skeletons.append((skeleton(first.atoms[0]), first))
    buckets: dict[str, list[Form]] = defaultdict(list)
    for form in strong.values():
        buckets[form.atoms[0]].append(form)
    for keys, by_actor in shared.items():
        if keys not in strong:
            buckets[keys[0]].extend(by_actor.values())
    return Matcher(
        buckets={k: tuple(sorted(v, key=lambda f: (-len(f.atoms), f.weak, f.actor))) for k, v in buckets.items()},
        firsts=_group(firsts), surnames=_group(surnames),
        cyrillic={k: tuple(v) for k, v in cyrillic.items()},
        skeletons=_group(skeletons), first_skeletons=_group(first_skeletons),
        initials={k: frozenset(v) for k, v in initials.items()},
        genders={a.id: a.gender for a in actors},
        bare=frozenset(a.id for a in actors if a.surname_alone),
        patronymics={a.id: frozenset(key(p) for p in a.patronymics) for a in actors if a.patronymics},
        surnames_of=_by_actor(skeletons),
        persons=frozenset(a.id for a in actors if a.kind == "person"),
        starts=frozenset(buckets) | frozenset(k for k, _ in firsts) | frozenset(k for k, _ in surnames))


class _Scan:
    """One pass over the words of one text."""

    def __init__(self, matcher: Matcher, text: str, words: list[Word]) -> None:
        self.m, self.text, self.words = matcher, text, words
        self.caps = [text[start:start + 1].isupper() for start, _, _ in words]

    def known(self, i: int) -> bool:
        """Word i can start a name or a written form (exact, genitive, initial or Cyrillic)."""
        w, m = self.words[i][2], self.m
        if w in m.buckets or w in m.firsts or w in m.surnames or len(w) == 1 or _is_cyrillic(w):
            return True
        return w.endswith("s") and (w[:-1] in m.buckets or w[:-1] in m.firsts or w[:-1] in m.surnames)

    # --- word helpers -----------------------------------------------------------------------
    def surface(self, i: int) -> str:
        return self.text[self.words[i][0]:self.words[i][1]]

    def capitalised(self, i: int) -> bool:
        return self.caps[i]

    def adjacent(self, i: int, j: int) -> bool:
        """Words i and j (= i + 1) are separated by spaces only (no comma, no line break)."""
        gap = self.text[self.words[i][1]:self.words[j][0]]
        return gap.strip(" \u00a0") == "" and "\n" not in gap

    def joined(self, i: int, j: int) -> bool:
        """Words i and j belong to one name: spaces, a hyphen or an abbreviation dot between
        ("Kassym-Schomart", "U.S."), no comma, no line break."""
        gap = self.text[self.words[i][1]:self.words[j][0]]
        return gap.strip(" \u00a0-.\u2011") == "" and "\n" not in gap and len(gap) <= 3

    def _same(self, expected: str, i: int, last: bool) -> bool:
        got = self.words[i][2]
        if got == expected:
            return True
        if last and got.endswith("s") and got[:-1].rstrip("’'") == expected:
            return True
        return _is_cyrillic(got) and _inflected(got, expected)

    def part_end(self, part: Part, i: int) -> int | None:
        """Index after `part` when it matches from word i on."""
        n = len(part.atoms)
        if i + n > len(self.words):
            return None
        for j, expected in enumerate(part.atoms):
            if j and not self.joined(i + j - 1, i + j):
                return None
            if not self._same(expected, i + j, j == n - 1):
                return None
        return i + n

    def parts_at(self, table: dict[str, tuple[Part, ...]], role: str, i: int) -> list[tuple[Part, int]]:
        """Parts of `table` matching at word i, with their end index; Cyrillic also inflected."""
        word = self.words[i][2]
        candidates = table.get(word, ()) + (table.get(word[:-1], ()) if word.endswith("s") else ())
        found = [(p, e) for p in candidates if (e := self.part_end(p, i))]
        if not found and _is_cyrillic(word):
            found = [(p, i + 1) for p, r in self.m.cyrillic.get(word[:4], ()) if r == role
                     and _inflected(word, p.atoms[0])]
        return found

    # --- the pass ---------------------------------------------------------------------------
    def run(self) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        for k in self.openings():
            if k < i:
                continue
            found = self.at(k)
            if found is None:
                continue
            end, hit = found
            hits.append(hit)
            i = end
        return hits

    def openings(self) -> list[int]:
        """The words where `at` can find something, in order: a known word (known()), or a
        capitalised word before one. At every other word `at` returns None, so the pass skips
        them in one comprehension instead of a method call per word of the text."""
        opens, can_open = self.m.opens, self.m.can_open
        known = [opens[w] if w in opens else can_open(w) for _, _, w in self.words]
        last = len(known) - 1
        return [i for i, k in enumerate(known) if k or (self.caps[i] and i < last and known[i + 1])]

    def at(self, i: int) -> tuple[int, Hit] | None:
        if not self.caps[i]:
            return self.written(i)   # names need a capital; only written forms may not
        if not self.known(i):
            # Only an unseen spelling of a first name right before a known surname is left.
            if i + 1 < len(self.words) and self.known(i + 1):
                return self.full_name(i)
            return None
        best: tuple[int, Hit] | None = None
        written = self.written(i)
        name = self.full_name(i)
        for found in (written, name):
            if found and (best is None or found[0] > best[0]):
                best = found
        if best:
            return best
        return self.surname_alone(i) or self.first_alone(i)

    def written(self, i: int) -> tuple[int, Hit] | None:
        word = self.words[i][2]
        candidates = self.m.buckets.get(word) or (self.m.buckets.get(word[:-1]) if word.endswith("s") else None)
        for form in candidates or ():
            end = self.part_end(Part(form.atoms, form.actor, form.variant), i)
            if end is None:
                continue
            if form.capitals and not all(self.surface(j).rstrip("s’'").isupper() for j in range(i, end)):
                continue
            if form.actor not in self.m.persons and self.head_of_longer_name(end):
                return None
            same = tuple(f for f in candidates or () if f.atoms == form.atoms and f.weak == form.weak)
            kind = "shared" if form.weak else "full"
            return end, self.hit(i, end, same, kind)
        return None

    def head_of_longer_name(self, end: int) -> bool:
        """The written form ending before word `end` heads a longer proper name of the shape
        "X of (the) Y" whose Y is no known name: "Belarus of the Brain" (a Telegram channel) is
        not the state, while "Republic of Belarus", "Belarus’ opposition" and "the Belarus of
        Lukashenko" are. Only an English "of" with a capitalised word after it counts; a German
        genitive ("Belarus der Zukunft") stays ambiguous and keeps the link."""
        k = end
        if k >= len(self.words) or self.words[k][2] != "of" or not self.adjacent(k - 1, k) \
                or self.caps[k]:
            return False
        k += 1
        if k < len(self.words) and self.words[k][2] == "the" and self.adjacent(k - 1, k):
            k += 1
        return k < len(self.words) and self.adjacent(k - 1, k) and self.caps[k] and not self.known(k)

    def full_name(self, i: int) -> tuple[int, Hit] | None:
        """First name(s) or initial, optional patronymic, surname of the same person; or
        surname, first name, optional patronymic (Cyrillic lists, "Лукашенко Александр")."""
        if not self.capitalised(i):
            return None
        best: tuple[int, Hit] | None = None
        for actor, after_first in self._firsts(i):
            k = after_first
            if k < len(self.words) and self._patronymic(k, actor):
                k += 1
            if k >= len(self.words) or not self.capitalised(k) or not self.joined(k - 1, k):
                continue
            for part, end in self.parts_at(self.m.surnames, "surname", k):
                if part.actor == actor and (best is None or end > best[0]):
                    best = end, self.hit(i, end, (_form(part),), "full")
            if best is None:
                best = self._similar(i, k, actor) or best
        for part, end in self.parts_at(self.m.surnames, "surname", i):
            if end < len(self.words) and self.capitalised(end) and self.adjacent(end - 1, end):
                for first, first_end in self.parts_at(self.m.firsts, "first", end):
                    if first.actor == part.actor:
                        stop = first_end + (first_end < len(self.words) and self._patronymic(first_end, part.actor))
                        if best is None or stop > best[0]:
                            best = stop, self.hit(i, stop, (_form(part),), "full")
        return best

    def _firsts(self, i: int) -> list[tuple[str, int]]:
        found = [(p.actor, e) for p, e in self.parts_at(self.m.firsts, "first", i)]
        word = self.words[i][2]
        if len(word) == 1 and self.text[self.words[i][1]:self.words[i][1] + 1] == ".":
            found += [(actor, i + 1) for actor in self.m.initials.get(word, ())]
        if not found and word.isascii() and i + 1 < len(self.words):
            # An unseen spelling of a first name ("Syarhei") right before a known surname.
            found = [(p.actor, i + 1) for p in self.m.first_skeletons.get(skeleton(word), ())]
        return found

    def _patronymic(self, k: int, actor: str) -> bool:
        if self.words[k][2] in self.m.patronymics.get(actor, ()):
            return True
        gender = patronymic_gender(self.surface(k))
        return gender is not None and gender == self.m.genders.get(actor) and self.capitalised(k)

    def _similar(self, i: int, k: int, actor: str) -> tuple[int, Hit] | None:
        word = self.words[k][2]
        for candidate in dict.fromkeys((word, word.removesuffix("s"))):
            for part in self.m.skeletons.get(skeleton(candidate), ()):
                if part.actor == actor:
                    score = JaroWinkler.similarity(candidate, part.atoms[0])
                    if score >= MIN_SIMILAR:
                        return k + 1, self.hit(i, k + 1, (_form(part),), "similar", round(score, 3))
        # A typing error no scheme explains ("Tichanoswkaja"): very close to one of the
        # person's own surnames. Bounded: only this person's surname spellings are compared.
        if len(word) >= 6 and word.isascii():
            # Same ending (it carries gender and form: Kapustin is not Kapustina, Sekretov not
            # Sekreta), nearly the same length.
            scored = [(JaroWinkler.similarity(word, p.atoms[0]), p) for p in self.m.surnames_of.get(actor, ())
                      if abs(len(p.atoms[0]) - len(word)) <= 2 and p.atoms[0][-2:] == word[-2:]]
            best = max(scored, default=None, key=lambda t: t[0])
            if best and best[0] >= MIN_TYPO:
                return k + 1, self.hit(i, k + 1, (_form(best[1]),), "similar", round(best[0], 3))
        return None

    def surname_alone(self, i: int) -> tuple[int, Hit] | None:
        if not self.capitalised(i):
            return None   # weak forms match in their written case only ("trump card")
        parts = self.parts_at(self.m.surnames, "surname", i)
        if not parts:
            return None
        end = max(e for _, e in parts)
        forms = tuple({p.actor: _form(p) for p, e in parts if e == end}.values())
        return end, self.hit(i, end, forms, "surname")

    def first_alone(self, i: int) -> tuple[int, Hit] | None:
        if not self.capitalised(i):
            return None
        parts = self.parts_at(self.m.firsts, "first", i)
        if not parts:
            return None
        end = max(e for _, e in parts)
        if end < len(self.words) and self.capitalised(end) and self.adjacent(end - 1, end):
            return None   # "Sergei Dylevsky": a first name of someone else's full name
        forms = tuple({p.actor: _form(p) for p, e in parts if e == end}.values())
        return end, self.hit(i, end, forms, "first")

    def hit(self, i: int, end: int, forms: tuple[Form, ...], kind: str, score: float | None = None) -> Hit:
        start, stop = self.words[i][0], self.words[end - 1][1]
        before = i - 1 if i > 0 and self.adjacent(i - 1, i) else None
        prev = self.surface(before) if before is not None else ""
        following = self.text[stop:stop + 12].lstrip("’'s \u00a0")
        return Hit(start, stop, forms, kind, score,
                   title_before=before is not None and key(prev) in TITLES,
                   name_before=before is not None and looks_like_given_name(prev),
                   lower_before=key(prev) in DETERMINERS,
                   digit_after=following[:1].isdigit(), before_word=before is not None,
                   sentence_start=_sentence_start(self.text, start))


_OPENING = frozenset(" \u00a0\"'„“”‚‘’«»(")


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but spaces, quotes and brackets between text[start] and the text's beginning or
    a sentence end: `text[:start].rstrip(...)` without copying what stands before."""
    i = start
    while i and text[i - 1] in _OPENING:
        i -= 1
    return not i or text[i - 1] in ".!?\n"


def _form(part: Part) -> Form:
    return Form(part.atoms, part.actor, part.variant, True)


def _inflected(word: str, expected: str) -> bool:
    """A Cyrillic word that is an inflected form of `expected` (Сергеем / Сергей,
    Тихановским / Тихановский, Светланой / Светлана): same stem up to the last two letters."""
    if len(expected) < 4 or abs(len(word) - len(expected)) > 3:
        return False
    stem = len(expected) - 2
    return word[:stem] == expected[:stem] and word != expected[:stem]


def scan(matcher: Matcher, text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[Hit]:
    """Names in `text`, left to right, without overlaps, outside the `skip` spans (URLs)."""
    words = atoms(text)
    if skip:
        words = [w for w in words if not any(s <= w[0] < e for s, e in skip)]
    return _Scan(matcher, text, words).run()


def common_surname(hit: Hit, language: str | None) -> bool:
    """The surname of a weak hit is an ordinary word of the text's language ("Herbst")."""
    word = hit.forms[0].atoms[-1]
    languages = (language,) if language in ("de", "en", "fr", "es", "it", "nl", "pl") else ("de", "en")
    return any(is_common_word(word, lang) for lang in languages if lang)

