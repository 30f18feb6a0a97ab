"""Corpus statistics about actors: spellings attested, mentions per article, who is named with whom."""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.annotate.mentions import Mention


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
