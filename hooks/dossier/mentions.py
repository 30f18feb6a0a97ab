"""Annotate stage: actor mentions in every text of an article, resolved per article.

Texts: block text, caption titles and credits, footnote text (URLs excluded). A weak form
(surname) becomes a mention only when exactly one of its actors is named in full somewhere in
the same article (one sense per discourse): "Herbst" is John Herbst where John Herbst is
named, and the season elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .match import Hit, Matcher, scan
from .model import Article


@dataclass(frozen=True)
class Mention:
    article: str
    part: str          # "text", "title", "credit" of the block at `line`, or "note-N"
    line: int
    start: int
    end: int
    surface: str
    actor: str
    form: str          # the registry spelling it matched
    scheme: str | None
    source_form: str | None
    weak: bool


@dataclass(frozen=True)
class Segment:
    part: str
    line: int
    text: str
    skip: tuple[tuple[int, int], ...] = ()


def segments(article: Article) -> list[Segment]:
    found = []
    for block in article.blocks:
        found.append(Segment("text", block.line, block.text))
        if block.title:
            found.append(Segment("title", block.line, block.title))
        if block.credit:
            found.append(Segment("credit", block.line, block.credit))
    for note in article.footnotes:
        found.append(Segment(f"note-{note.number}", note.line, note.text,
                             tuple((link.start, link.end) for link in note.links)))
    return found


def find_mentions(matcher: Matcher, article: Article) -> list[Mention]:
    scanned = [(seg, hit) for seg in segments(article) for hit in scan(matcher, seg.text, seg.skip)]
    named = {f.actor for _, hit in scanned if not hit.weak for f in hit.forms}
    mentions = []
    for seg, hit in scanned:
        actors = [f for f in hit.forms if not hit.weak or f.actor in named]
        if len(actors) != 1:
            continue
        mentions.append(_mention(article.id, seg, hit, actors[0].actor))
    return mentions


def _mention(article: str, seg: Segment, hit: Hit, actor: str) -> Mention:
    form = next(f for f in hit.forms if f.actor == actor)
    return Mention(article, seg.part, seg.line, hit.start, hit.end, seg.text[hit.start:hit.end],
                   actor, form.variant.form, form.variant.scheme, form.variant.source_form, hit.weak)
