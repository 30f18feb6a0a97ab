"""Corpus statistics about actors: spellings attested, mentions per article, who is named with whom."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dossier.annotate.actors import Actor
from dossier.annotate.mentions import Mention
from dossier.annotate.normalise import key
from dossier.model import Article


def attested_spellings(mentions: list[Mention]) -> Counter[str]:
    """How often each registry spelling was recognised, genitives and surname-only uses
    included: every mention records the spelling it matched."""
    return Counter(m.form for m in mentions)


def mentions_per_article(mentions: list[Mention]) -> dict[str, int]:
    """How often the mentions name something in each article, by article id (sorted)."""
    counted = Counter(m.article for m in mentions)
    return dict(sorted(counted.items()))


def cooccurrences(mentions: list[Mention]) -> dict[str, Counter[str]]:
    """For each actor, how many texts (paragraphs, captions, notes) also name each other actor."""
    by_text: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for m in mentions:
        by_text[(m.article, m.part, m.line)].add(m.actor)
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for names in by_text.values():
        for a in names:
            result[a].update(b for b in names if b != a)
    return result


# "A und B", "A, B & C", "A and B", "Von A" in a byline: each name on its own.
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\bund\b|\band\b|\bsowie\b|/)\s*", re.I)
_BY = re.compile(r"^(?:von|by)\s+", re.I)


def author_names(field: str) -> list[str]:
    """The names in a byline's author field."""
    return [name for part in _AUTHOR_SPLIT.split(field) if (name := _BY.sub("", part).strip())]


def authored_by(actors: list[Actor], articles: list[Article]) -> dict[str, list[str]]:
    """For each person in the registry, the ids of the articles whose author field names them
    in one of their spellings (the byline is metadata, not running text: it is no mention, but
    a reader of the author's page expects their articles). Articles in the order given."""
    persons: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "person":
            for variant in actor.variants:
                persons.setdefault(key(variant.form), actor.id)
    found: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if not article.author.value:
            continue
        named = {persons.get(key(name)) for name in author_names(article.author.value)}
        for actor_id in sorted(a for a in named if a):
            found[actor_id].append(article.id)
    return dict(found)
