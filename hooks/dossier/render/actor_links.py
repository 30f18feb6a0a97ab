"""Links from article texts to actor pages: which mentions become links, and the inserts."""

from __future__ import annotations

from collections import defaultdict

from dossier.annotate.actors import Actor
from dossier.annotate.mentions import Mention
from dossier.model import is_topic, note_number
from dossier.render.articles import Annotator
from dossier.render.mdtext import Insert, link_to


def actor_path(actor_id: str) -> str:
    return f"akteure/{actor_id}.md"


# Where a mention is counted but never linked: headings (and the title line and topics, which
# the article page renders itself), picture credits (photographers are credited, not
# discussed), and notes, whose text is mostly cited titles ("Trump lobt Lukaschenko").
UNLINKED_PARTS = ("credit", "headline")


def linkable(mention: Mention) -> bool:
    return not (mention.heading or mention.part in UNLINKED_PARTS or note_number(mention.part) is not None
                or is_topic(mention.part))


def annotator(mentions: list[Mention], actors: dict[str, Actor], prefix: str = "../") -> Annotator:
    """Inserts linking each actor where a reader expects a link: people at their first mention
    in each section (a heading starts a section), states, organisations and media at their first
    mention in the article; never in headings, credits or notes. The link title (shown as a
    tooltip) names and describes the actor. Every mention still counts on the actor page."""
    chosen: set[tuple[str, str, int, int]] = set()
    done: set[tuple[str, str, int]] = set()
    for m in sorted(mentions, key=lambda m: (m.article, m.line, m.part, m.start)):
        if not linkable(m):
            continue
        scope = m.section if actors[m.actor].kind == "person" else -1
        if (m.article, m.actor, scope) not in done:
            done.add((m.article, m.actor, scope))
            chosen.add((m.article, m.part, m.line, m.start))
    by_place: dict[tuple[str, str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        if (m.article, m.part, m.line, m.start) in chosen:
            by_place[(m.article, m.part, m.line)].append(m)

    def annotate(article: str, line: int, part: str, _text: str) -> list[Insert]:
        inserts = []
        for m in by_place.get((article, part, line), []):
            actor = actors[m.actor]
            inserts.append(Insert(m.start, m.end, link_to(f"{prefix}{actor_path(actor.id)}",
                                                          f"{actor.name}: {actor.description}")))
        return inserts
    return annotate
