"""Render stage for events: the "Chronik" timeline, one page per curated event, date links in
texts. Uncurated entries have no page of their own: they stand on the Chronik, grouped under
their year and month (or season, part of the year), each with its sources."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from itertools import groupby

from dossier.annotate.actors import Actor
from dossier.index.events import Event, EventMention, date_in_name
from dossier.model import Article, note_number
from dossier.render.articles import Annotator, footnote_anchor, page_meta
from dossier.render.bounds import MAX_LINKS, group_section, select
from dossier.render.german import count, format_when, number
from dossier.render.mdtext import Insert, escape_inline, heading_text, link_to

PRECISION_LABELS = {"day": "Tag", "week": "Woche", "month": "Monat", "part": "Teil eines Monats oder Jahres",
                    "season": "Jahreszeit", "year": "Jahr", "range": "Zeitraum", "decade": "Jahrzehnt",
                    "since": "seit einem Zeitpunkt"}
BASIS_LABELS = {"explicit": "ausdrücklich im Text", "article date": "aus dem Artikeldatum",
                "sentence year": "Jahr aus demselben Satz", "context year": "Jahr aus dem Zusammenhang erschlossen",
                "previous date": "vom zuvor genannten Datum aus"}


def event_path(event_id: str) -> str:
    return f"ereignisse/{event_id}.md"


# Which Chronik page holds each uncurated entry, by event id (docs-relative path); entries not
# in it stand on the one page chronik.md.
Chronik = dict[str, str]


def event_link(event: Event, chronik: Chronik | None = None) -> str:
    """Where an event is read, relative to the docs root: its page, or its entry on the Chronik."""
    if event.curated:
        return event_path(event.id)
    return f"{(chronik or {}).get(event.id, 'chronik.md')}#{event.id}"


# Bare years, decades, open intervals and long spans in running text are not linked.
MAX_LINKED_SPAN = dt.timedelta(days=92)


def linkable_precision(precision: str) -> bool:
    """Whether a date of this precision says when something happened (not "2025", "seit 2020")."""
    return precision not in ("year", "decade", "since")


def linkable(mention: EventMention) -> bool:
    return linkable_precision(mention.precision) and mention.last - mention.first <= MAX_LINKED_SPAN


def list_safe(markdown: str) -> str:
    """Markdown that starts a list item or line without becoming a list of its own:
    "20. Juni 2025: …" would be read as an ordered list starting at 20."""
    return re.sub(r"^(\d+)\.", r"\1\\.", markdown)


def when(event: Event) -> str:
    return format_when(event.first, event.last, event.precision)


def source_count(event: Event) -> int:
    return len({m.article for m in event.mentions})


def date_annotator(events: list[Event], prefix: str = "../", chronik: Chronik | None = None) -> Annotator:
    """Inserts linking each dated phrase to its event (the earliest, when it reports several)."""
    by_place: dict[tuple[str, str, int], dict[int, tuple[EventMention, Event]]] = defaultdict(dict)
    for event in events:
        for m in event.mentions:
            if linkable(m):
                by_place[(m.article, m.part, m.line)].setdefault(m.start, (m, event))

    def annotate(article: str, line: int, part: str, _text: str) -> list[Insert]:
        return [Insert(m.start, m.end, link_to(f"{prefix}{event_link(e, chronik)}", f"{when(e)}: {e.title}"))
                for m, e in by_place.get((article, part, line), {}).values()]
    return annotate


def _quote(mentions: list[EventMention]) -> str:
    """The sentence the mentions stand in, each one's date words in bold (in order)."""
    quote, out, pos = mentions[0].quote, [], 0
    for mention in mentions:
        at = quote.find(mention.words, pos)
        if at < 0 or not mention.words:
            continue
        out += [escape_inline(quote[pos:at]), f"**{escape_inline(mention.words)}**"]
        pos = at + len(mention.words)
    return "".join([*out, escape_inline(quote[pos:])])


def _same_sentence(shown: list[EventMention]) -> list[list[EventMention]]:
    """Reports in one sentence of one place, together: it is quoted once."""
    return [list(run) for _, run in groupby(shown, key=lambda m: (m.part, m.line, m.quote))]


def report_place(article: Article, mention: EventMention, prefix: str = "../") -> str:
    number = note_number(mention.part)
    if number is not None:
        return f"[Anm. {number}]({prefix}artikel/{article.id}.md#{footnote_anchor(article, number)})"
    return f"[Zeile {mention.line}]({prefix}artikel/{article.id}.md#zeile-{mention.line})"


def render_event(event: Event, articles: dict[str, Article], actors: dict[str, Actor]) -> str:
    sources = source_count(event)
    reports = len({(m.article, m.part, m.line, m.quote) for m in event.mentions})     # a sentence once
    # Uncurated events are titled with a quote from an article: they must not outrank the
    # article or the people it names in search.
    out = [page_meta(event.title, boost=None if event.curated else 0.05), f"# {heading_text(event.title)}", "",
           f"**{when(event)}** · Genauigkeit: {PRECISION_LABELS[event.precision]} · "
           f"{count(reports, 'Bericht', 'Berichte')} in {count(sources, 'Quelle', 'Quellen')}", ""]
    if event.description:
        out += [escape_inline(event.description), ""]
    if event.actors:
        out += ["**Akteure:** " + ", ".join(f"[{escape_inline(actors[a].name)}](../akteure/{a}.md)"
                                           for a in event.actors if a in actors), ""]
    out += ["## Berichte", "", '<div class="dossier-mentions" data-search-exclude markdown>', ""]
    # A much-reported event shows the articles reporting it most, a few places each; every
    # report is in the open data (events.json).
    chosen = select(sorted(event.mentions, key=lambda m: (m.article, m.line, m.start)), lambda m: m.article)
    if chosen.bounded:
        out += [f"Hier stehen die {count(len(chosen.groups), 'Artikel', 'Artikel')} mit den meisten Berichten, "
                f"mit ihren ersten Stellen. Alle {number(chosen.items)} Berichte aus "
                f"{number(chosen.articles)} Artikeln stehen in den [offenen Daten](../data/events.json) "
                f"(Eintrag „{escape_inline(event.id)}“).", ""]
    for group in chosen.groups:
        article = articles[group.article]
        lines = []
        for run in _same_sentence(list(group.shown)):
            hows = []
            for m in run:
                name = date_in_name(event, m)
                how = (f"„{escape_inline(m.words)}“, {BASIS_LABELS.get(m.basis, m.basis)}" if name is None
                       else f"„{escape_inline(m.words)}“ im Namen „{escape_inline(name)}“")
                if m.publication:
                    how += ", Erscheinungsdatum einer zitierten Quelle"
                hows.append(how)
            label = "Datum" if len(hows) == 1 else "Daten"
            lines.append(f"- „{_quote(run)}“ — {report_place(article, run[0])} <small>({label}: {'; '.join(hows)})"
                         "</small>")
        out += group_section(article, lines, group.more)
    others = chosen.articles - len(chosen.groups)
    if others:
        out += [f"{number(others)} {'weiterer Artikel berichtet' if others == 1 else 'weitere Artikel berichten'} "
                "davon; sie stehen in den [offenen Daten](../data/events.json).", ""]
    out += ["</div>", ""]
    return "\n".join(out)


EVENT_INDEX_PATH = "ereignisse/index.md"


def render_event_index(events: list[Event]) -> str:
    """The page at /ereignisse/: the curated events (a registry a person writes, so a list a
    person reads) with date and number of sources, pointing to the Chronik for every dated
    passage. It grows with the registry, not with the articles."""
    curated = sorted((e for e in events if e.curated), key=lambda e: (e.first, e.last, e.id))
    out = [page_meta("Ereignisse", boost=0.5), "# Ereignisse", "",
           f"{count(len(curated), 'kuratiertes Ereignis', 'kuratierte Ereignisse')} mit eigener Seite, "
           "nach Datum. Jedes ist aus dem Ereignisverzeichnis (`seeds/registry/events.yml`) und sammelt alle "
           "Berichte der Artikel darüber. Alle datierten Ereignisse "
           f"({number(len(events))}), auch die nur aus den Texten erkannten, stehen in der "
           "[Chronik](../chronik.md) und in den [offenen Daten](../data/events.json).",
           ""]
    if curated:
        out += ["| Datum | Ereignis | Quellen |", "|---|---|---|"]
        out += [f"| {escape_inline(when(e))} | [{escape_inline(e.title)}]({e.id}.md) | {number(source_count(e))} |"
                for e in curated]
    else:
        out.append("Noch kein Ereignis ist kuratiert; wie man eines einträgt, steht unter "
                   "[Mitwirken](../mitwirken.md).")
    return "\n".join([*out, ""])


def events_by_actor(events: list[Event]) -> dict[str, list[Event]]:
    """Each actor's events in date order: those naming the actor or reported next to it."""
    found: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for actor in dict.fromkeys([*event.actors, *(a for m in event.mentions for a in m.actors)]):
            found[actor].append(event)
    return found


def actor_events_section(events: list[Event], data: str | None = None, chronik: Chronik | None = None) -> list[str]:
    """The actor's events in date order; past MAX_LINKS the curated ones and those reported
    most, and a pointer to the rest (`data`: the actor's open-data file, below the docs root)."""
    if not events:
        return []
    shown = events
    if len(events) > MAX_LINKS:
        ranked = sorted(range(len(events)), key=lambda i: (not events[i].curated, -source_count(events[i]), i))
        shown = [events[i] for i in sorted(ranked[:MAX_LINKS])]
    out = ["## Ereignisse", "", '<div class="dossier-events" data-search-exclude markdown>', ""]
    out += [f"- {list_safe(when(e))}: [{escape_inline(e.title)}](../{event_link(e, chronik)})"
            + ("" if e.curated else " <small>(nicht kuratiert)</small>") for e in shown]
    if len(shown) < len(events):
        rest = len(events) - len(shown)
        where = "[Chronik](../chronik.md)" + (f" und in den [offenen Daten](../{data})" if data else "")
        out += ["", f"Gezeigt sind die kuratierten und die am häufigsten berichteten Ereignisse; "
                    f"{number(rest)} {'weiteres steht' if rest == 1 else 'weitere stehen'} in der {where}."]
    return out + ["", "</div>", ""]
