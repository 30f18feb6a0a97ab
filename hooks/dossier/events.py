"""Events: dated sentences in every text, attached to curated events or clustered.

1. Every resolved date expression (dateexpr) in a text is an event mention, with its sentence
   (the quote), the actors named in that sentence and in its paragraph.
2. A mention attaches to a curated event (seeds/registry/events.yml) when the dates overlap
   (a month-precise "Juni 2025" fits 21 June 2025) and either one of the event's names is in
   the sentence, or a trigger word is and the paragraph names one of the event's actors.
3. Mentions that attach to nothing are clustered by equal date interval and shared actors;
   each cluster is an uncurated event on the timeline and a candidate for the registry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .dateexpr import Context, DateExpr, resolve_text
from .mentions import Mention, segments
from .model import Article, Diagnostic
from .normalise import atoms, key
from .registryfile import load_registry_list, unique_entries
from .sentences import sentence_span
from .yamlload import key_line

REGISTRY = "seeds/registry/events.yml"
SCHEMA = "events-registry.schema.json"


@dataclass(frozen=True)
class EventMention:
    article: str
    part: str
    line: int
    start: int
    end: int
    words: str
    first: dt.date
    last: dt.date
    precision: str
    basis: str
    quote: str
    actors: tuple[str, ...]            # named in the sentence
    paragraph_actors: tuple[str, ...]  # named anywhere in the same text
    publication: bool = False          # the date of a cited work ("…, 08.08.2025, online unter …")


@dataclass(frozen=True)
class Event:
    """A curated event (from the registry, with names and triggers) or a cluster of dated
    mentions that attach to none (curated False)."""

    id: str
    title: str
    first: dt.date
    last: dt.date
    end: dt.date | None
    precision: str
    actors: tuple[str, ...]
    mentions: tuple[EventMention, ...] = ()
    curated: bool = True
    description: str = ""
    line: int | None = None
    names: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()


def _interval(date: str, end: str | None) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        first = dt.date(*parts)
    elif len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
    else:
        first = dt.date(parts[0], 1, 1)
    if end:
        return first, dt.date.fromisoformat(end)
    if len(parts) == 3:
        return first, first
    if len(parts) == 2:
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return first, dt.date(first.year, 12, 31)


def load_events(root: Path, actor_ids: set[str]) -> tuple[list[Event], list[Diagnostic]]:
    data, diags = load_registry_list(root, REGISTRY, SCHEMA, "events")
    if data is None:
        return [], diags
    events: list[Event] = []
    entries, more = unique_entries(data, REGISTRY)
    diags += more
    for entry, line in entries:
        for actor in entry["actors"]:
            if actor not in actor_ids:
                diags.append(Diagnostic(REGISTRY, key_line(entry, "actors"), "error",
                                        f"event '{entry['id']}' names actor '{actor}', which is not in "
                                        "seeds/registry/actors.yml", "event-unknown-actor"))
        try:
            first, last = _interval(str(entry["date"]), entry.get("end"))
        except ValueError:
            diags.append(Diagnostic(REGISTRY, key_line(entry, "date"), "error",
                                    f"date '{entry['date']}' is not a real calendar date", "event-date"))
            continue
        if last < first:
            diags.append(Diagnostic(REGISTRY, key_line(entry, "end"), "error", "end is before date", "event-date"))
            continue
        events.append(Event(
            entry["id"], entry["title"], first, last, dt.date.fromisoformat(entry["end"]) if entry.get("end") else None,
            entry["precision"], tuple(entry["actors"]), description=entry.get("description", ""), line=line,
            names=tuple(entry.get("names", [])), triggers=tuple(entry.get("triggers", []))))
    return events, diags


# --- mentions ------------------------------------------------------------------------------

# A date followed by "online unter", "abrufbar", or the URL itself dates a cited work.
_PUBLISHED = re.compile(r"^\s*[,.;]?\s*(online|abrufbar|available|retrieved|https?://|\(?abgerufen)", re.IGNORECASE)
# A trigger word alone needs a date no coarser than a season: "in diesem Jahr" names no event.
MAX_TRIGGER_SPAN = dt.timedelta(days=92)
def find_event_mentions(article: Article, mentions: list[Mention]) -> tuple[list[EventMention], list[Diagnostic]]:
    """Resolve the dates of every text of an article in reading order."""
    article_date = dt.date.fromisoformat(article.date.value) if article.date.value else None
    context_year = int(article.date_hint.iso[:4]) if article.date_hint else None
    ctx = Context(article_date, context_year)
    actors_at: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        actors_at[(m.part, m.line)].append(m)
    found: list[EventMention] = []
    diags: list[Diagnostic] = []
    previous: tuple[dt.date, dt.date] | None = None
    for seg in segments(article):
        exprs, previous = resolve_text(seg.text, ctx, previous, seg.skip)
        here = actors_at[(seg.part, seg.line)]
        for expr in exprs:
            if expr.first is None or expr.last is None:
                diags.append(_unresolved(article, seg.line, expr))
                continue
            s, e = sentence_span(seg.text, expr.start, expr.end)
            in_sentence = tuple(dict.fromkeys(m.actor for m in here if s <= m.start < e))
            publication = seg.part.startswith("note-") and bool(_PUBLISHED.match(seg.text[expr.end:expr.end + 30]))
            found.append(EventMention(article.id, seg.part, seg.line, expr.start, expr.end, expr.words, expr.first,
                                      expr.last, expr.precision, expr.basis, seg.text[s:e].strip(), in_sentence,
                                      tuple(dict.fromkeys(m.actor for m in here)), publication))
    return found, diags


def _unresolved(article: Article, line: int, expr: DateExpr) -> Diagnostic:
    return Diagnostic(article.path, line, "info",
                      f"'{expr.words}' is a relative date, but the article's date is unknown; add 'date:' to "
                      "its front matter to place it on the timeline", "date-unresolved")


# --- attaching and clustering ---------------------------------------------------------------

@lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    return tuple(a for _, _, a in atoms(text))


def _has_phrase(words: tuple[str, ...], phrase: str) -> bool:
    wanted = _words(phrase)
    n = len(wanted)
    return any(words[i:i + n] == wanted for i in range(len(words) - n + 1))


def _has_trigger(words: tuple[str, ...], trigger: str) -> bool:
    """A trigger matches a word that is the trigger or the trigger plus a short inflection."""
    t = key(trigger)
    return any(w == t or (w.startswith(t) and len(w) - len(t) <= 3) for w in words)


def attaches(event: Event, mention: EventMention) -> bool:
    if mention.last < event.first or mention.first > event.last:
        return False
    words = _words(mention.quote)
    if any(_has_phrase(words, name) for name in event.names):
        return True
    if mention.last - mention.first > MAX_TRIGGER_SPAN:
        return False
    shares_actor = bool(set(event.actors) & (set(mention.actors) | set(mention.paragraph_actors)))
    return shares_actor and any(_has_trigger(words, t) for t in event.triggers)


def _cluster_id(first: dt.date, last: dt.date, mentions: list[EventMention]) -> str:
    seed = "|".join(f"{m.article}:{m.part}:{m.line}:{m.start}" for m in mentions)
    return f"datiert-{first.isoformat()}-{hashlib.sha1(seed.encode()).hexdigest()[:6]}"


def _clusters(rest: list[EventMention]) -> list[Event]:
    by_interval: dict[tuple[dt.date, dt.date, str], list[EventMention]] = defaultdict(list)
    for m in rest:
        by_interval[(m.first, m.last, m.precision)].append(m)
    events: list[Event] = []
    for (first, last, precision), group in by_interval.items():
        clusters: list[list[EventMention]] = []
        for mention in group:
            home = next((c for c in clusters if mention.actors and
                         set(mention.actors) & {a for m in c for a in m.actors}), None)
            if home is None:
                clusters.append([mention])
            else:
                home.append(mention)
        for cluster in clusters:
            actors = tuple(dict.fromkeys(a for m in cluster for a in m.actors))
            title = _title_around(cluster[0])
            events.append(Event(_cluster_id(first, last, cluster), title, first, last,
                                last if last != first and precision == "range" else None, precision, actors,
                                tuple(cluster), curated=False))
    return events


def _title_around(mention: EventMention, before: int = 6, after: int = 5) -> str:
    """The words around the date phrase: "… bei den Präsidentschaftswahlen 2020 antreten wollen"."""
    at = mention.quote.find(mention.words)
    if at < 0:
        at = 0
    head = mention.quote[:at].split()
    tail = mention.quote[at + len(mention.words):].split()
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(head[-before:] + [mention.words] + tail[:after])).strip(" ,;:")
    return ("… " if len(head) > before else "") + text + (" …" if len(tail) > after else "")


def build_events(curated: list[Event], mentions: list[EventMention]) -> list[Event]:
    attached: dict[str, list[EventMention]] = {e.id: [] for e in curated}
    rest = []
    for mention in mentions:
        homes = [e for e in curated if attaches(e, mention)]
        for event in homes:
            attached[event.id].append(mention)
        if not homes and not mention.publication:
            rest.append(mention)
    events = [replace(e, mentions=tuple(attached[e.id])) for e in curated] + _clusters(rest)
    return sorted(events, key=lambda e: (e.first, e.last, not e.curated, e.id))
