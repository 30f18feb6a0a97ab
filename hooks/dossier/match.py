"""One matcher for all actors, built once per build and used on every text.

Forms are stored as tuples of atom keys (normalise.atoms) in buckets by their first atom, so
a scan is linear in the text: at each word only the forms starting with that word are tried,
longest first. Rules (shared/design/transliteration.md):
- every spelling of every actor is a strong form; for persons the surname of each full
  spelling is also a weak form, which links only where the article names that person in full;
- a first name alone is never a form;
- on a miss of the last word, one genitive "s" is stripped (Lukaschenkos, Lukashenka’s);
- hyphenated compounds are split (Lukaschenko-Regime), so their parts match;
- all-capital forms (NATO, US) match only all-capital text, so English "us" is not the USA;
- a spelling two actors share on purpose (`shared` in the registry) is weak for both.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .normalise import atoms, key
from .registry import Actor, Variant


@dataclass(frozen=True)
class Form:
    atoms: tuple[str, ...]
    actor: str
    variant: Variant
    weak: bool
    capitals: bool


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    forms: tuple[Form, ...]   # several only for a weak surname shared by several actors

    @property
    def weak(self) -> bool:
        return self.forms[0].weak


@dataclass(frozen=True)
class Matcher:
    buckets: dict[str, tuple[Form, ...]]


def _surname(actor: Actor, variant: Variant) -> str | None:
    if variant.scheme is None and actor.surname:
        return actor.surname
    words = variant.form.split()
    return words[-1] if len(words) >= 2 else None


def _forms(actor: Actor) -> list[Form]:
    forms = []
    for variant in actor.variants:
        capitals = variant.form.isupper() and len(variant.form) <= 6
        shared = key(variant.form) in actor.shared
        forms.append(Form(tuple(a for _, _, a in atoms(variant.form)), actor.id, variant, shared, capitals))
        surname = _surname(actor, variant) if actor.kind == "person" else None
        if surname:
            forms.append(Form(tuple(a for _, _, a in atoms(surname)), actor.id, variant, True, False))
    return forms


def build_matcher(actors: list[Actor]) -> Matcher:
    strong: dict[tuple[str, ...], Form] = {}
    weak: dict[tuple[str, ...], dict[str, Form]] = defaultdict(dict)
    for actor in actors:
        for form in _forms(actor):
            if not form.atoms:
                continue
            if form.weak:
                weak[form.atoms].setdefault(form.actor, form)
            else:
                strong.setdefault(form.atoms, form)
    buckets: dict[str, list[Form]] = defaultdict(list)
    for form in strong.values():
        buckets[form.atoms[0]].append(form)
    for atom_key, by_actor in weak.items():
        if atom_key in strong:
            continue  # a full spelling of someone always wins over a surname
        buckets[atom_key[0]].extend(by_actor.values())
    return Matcher({k: tuple(sorted(v, key=lambda f: (-len(f.atoms), f.weak, f.actor)))
                    for k, v in buckets.items()})


def _matches(form: Form, words: list[tuple[int, int, str]], i: int, text: str) -> int | None:
    """End offset when `form` matches the words from i on (last word may carry a genitive s)."""
    n = len(form.atoms)
    if i + n > len(words):
        return None
    for j, expected in enumerate(form.atoms):
        start, end, got = words[i + j]
        last = j == n - 1
        if got != expected and not (last and got.endswith("s") and got[:-1] == expected):
            return None
        if form.capitals and not text[start:end].rstrip("s’'").isupper():
            return None
    return words[i + n - 1][1]


def scan(matcher: Matcher, text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[Hit]:
    """Longest non-overlapping matches in `text`, outside the `skip` spans (URLs)."""
    words = [w for w in atoms(text) if not any(s <= w[0] < e for s, e in skip)]
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        candidates = matcher.buckets.get(words[i][2])
        if not candidates and words[i][2].endswith("s"):
            candidates = matcher.buckets.get(words[i][2][:-1])
        found: Hit | None = None
        for form in candidates or ():
            end = _matches(form, words, i, text)
            if end is None:
                continue
            if found is None:
                same = tuple(f for f in candidates or () if f.atoms == form.atoms and f.weak == form.weak)
                found = Hit(words[i][0], end, same)
            break
        if found:
            hits.append(found)
            i += sum(1 for w in words[i:] if w[0] < found.end)
        else:
            i += 1
    return hits

