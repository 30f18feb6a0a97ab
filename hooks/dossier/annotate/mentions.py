"""Annotate stage: actor mentions in every text of an article, resolved per article.

Texts: the article's title line and topics, block text, caption titles and credits, footnote
text (URLs excluded). A name in the title counts as naming the actor in full.

A weak hit links by the revised rules 6 and 7 (shared/design/transliteration.md):
- a surname alone links (a) to the person last named in full with that surname before it,
  in reading order (no link where that was someone the registry does not know: "Hillary
  Clinton"), or, before any full name, where the article names exactly one of its actors in
  full (one sense per discourse), (b) where it is distinctive (one actor in the registry, or the one the
  registry marks with `surname_alone`) and not a common word of the text's language
  ("Putin's war", "the Lukashenka regime"), or (c) after a title or role word ("Secretary
  Rubio", "Präsident Lukaschenka");
- a surname that is a common word ("Herbst") links only after a title or by (a), never after
  an article or preposition ("der Herbst", "im Herbst"), before a number ("Herbst 2014"), or,
  outside German (where every noun is capitalised), as the first word of a sentence ("Small
  businesses …");
- a surname right after someone else's given name ("Hillary Clinton", "Eduard Babaryka") is
  not the registry person;
- a first name alone links only where the article names exactly one actor with that first
  name in full ("the release of Maryia").
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.annotate.match import Hit, Matcher, common_surname, scan
from dossier.annotate.normalise import atoms
from dossier.model import Article, Part, note_part, topic_part


@dataclass(frozen=True)
class Mention:
    article: str
    part: Part         # where in the article (model.Part): block text, title, credit, note N …
    line: int
    start: int
    end: int
    surface: str
    actor: str
    form: str          # the registry spelling it matched
    scheme: str | None
    source_form: str | None
    weak: bool
    how: str = "full"              # full, similar, surname, first, shared
    score: float | None = None     # similarity of an unseen spelling ("similar")
    section: int = 0               # number of headings before it (0: before the first heading)
    heading: bool = False          # inside a heading (counted, never linked)


@dataclass(frozen=True)
class Segment:
    part: Part
    line: int
    text: str
    skip: tuple[tuple[int, int], ...] = ()
    section: int = 0
    heading: bool = False


def segments(article: Article) -> list[Segment]:
    found = []
    section = 0
    for block in article.blocks:
        section += block.kind == "heading"
        found.append(Segment(Part("text"), block.line, block.text, section=section, heading=block.kind == "heading"))
        if block.title:
            found.append(Segment(Part("title"), block.line, block.title, section=section))
        if block.credit:
            found.append(Segment(Part("credit"), block.line, block.credit, section=section))
    for note in article.footnotes:
        found.append(Segment(note_part(note.number), note.line, note.text,
                             tuple((link.start, link.end) for link in note.links)))
    return found


def name_segments(article: Article) -> list[Segment]:
    """Every text that can name an actor: the title line and topics first, then segments()."""
    line = article.title.line or 1
    found = [Segment(Part("headline"), line, article.title.value, heading=True)] if article.title.value else []
    found += [Segment(topic_part(i), line, topic, heading=True) for i, topic in enumerate(article.topics, 1)]
    return found + segments(article)


def find_mentions(matcher: Matcher, article: Article) -> list[Mention]:
    scanned = [(seg, hit) for seg in name_segments(article) for hit in scan(matcher, seg.text, seg.skip)]
    named = {f.actor for _, hit in scanned if not hit.weak for f in hit.forms}
    language = article.language.value
    mentions = []
    # The person last named in full with each surname, in reading order; None where that was
    # someone the registry does not know ("Hillary Clinton" after "Bill Clinton").
    last: dict[str, str | None] = {}
    for seg, hit in scanned:
        surname = hit.forms[0].atoms[-1]
        actor = resolve(hit, named, language, matcher.bare, last.get(surname, UNSEEN))
        if hit.kind in ("full", "similar") and matcher.genders.get(hit.forms[0].actor):
            last[surname] = hit.forms[0].actor
        elif hit.kind == "surname" and hit.name_before:
            last[surname] = None
        if actor is not None:
            mentions.append(_mention(article.id, seg, hit, actor))
    return mentions + _unseen_surnames_again(article, scanned)


UNSEEN = "\0"   # no full name with this surname before the hit


def _unseen_surnames_again(article: Article, scanned: list[tuple[Segment, Hit]]) -> list[Mention]:
    """One sense per discourse for an unseen spelling: after "Sviatlana Tsihanouskaya" (linked
    by similarity), "Tsihanouskaya" alone in the same article is her too. One more pass over the
    words of the article's texts, and only in an article with such a link."""
    surnames: dict[str, Hit] = {}
    for seg, hit in scanned:
        if hit.kind == "similar":
            surnames.setdefault(atoms(seg.text[hit.start:hit.end])[-1][2], hit)
    if not surnames:
        return []
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for seg, hit in scanned:
        spans.setdefault((seg.part, seg.line), []).append((hit.start, hit.end))
    more = []
    for seg in name_segments(article):
        taken = iter(sorted(spans.get((seg.part, seg.line), [])))
        current = next(taken, None)
        for start, end, word in atoms(seg.text):
            while current is not None and current[1] <= start:
                current = next(taken, None)
            if current is not None and current[0] <= start:
                continue
            known = surnames.get(word) or surnames.get(word.removesuffix("s"))
            if known and seg.text[start:start + 1].isupper():
                again = Hit(start, end, known.forms, "similar", known.score)
                more.append(_mention(article.id, seg, again, known.forms[0].actor))
    return more


def resolve(hit: Hit, named: set[str], language: str | None, bare: frozenset[str],
            previous: str | None = UNSEEN) -> str | None:
    """The actor a hit names in an article that names `named` in full, or None. `previous`
    is the person last named in full with the hit's surname (None: someone unknown)."""
    actors = [f.actor for f in hit.forms]
    if not hit.weak:
        return actors[0]
    in_article = [a for a in actors if a in named]
    if hit.kind == "shared":
        return in_article[0] if len(in_article) == 1 else None
    if hit.name_before:
        return None
    common = common_surname(hit, language)
    if hit.kind == "first":
        return in_article[0] if len(in_article) == 1 and not common else None
    if common and not hit.title_before and (hit.lower_before or hit.digit_after):
        return None
    if common and hit.sentence_start and language != "de":
        return None   # "Small businesses …": outside German, only the sentence start capitalised it
    if len(in_article) > 1:
        return None   # two registry people with this surname named in full: ambiguous
    if previous != UNSEEN:
        return previous if previous in actors else None
    if in_article:
        return in_article[0] if len(in_article) == 1 else None
    meant = actors if len(actors) == 1 else [a for a in actors if a in bare]
    if len(meant) != 1:
        return None
    return meant[0] if hit.title_before or not common else None



def _mention(article: str, seg: Segment, hit: Hit, actor: str) -> Mention:
    form = next(f for f in hit.forms if f.actor == actor)
    return Mention(article, seg.part, seg.line, hit.start, hit.end, seg.text[hit.start:hit.end],
                   actor, form.variant.form, form.variant.scheme, form.variant.source_form, hit.weak,
                   hit.kind, hit.score, seg.section, seg.heading)
