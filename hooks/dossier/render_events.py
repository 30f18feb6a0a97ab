"""Render stage for events: the "Chronik" timeline, one page per event, date links in texts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import groupby

from .events import Event, EventMention
from .german import MONTH_NAMES, count
from .mdtext import Insert, escape_inline, link_to
from .model import Article
from .registry import Actor
from .render_articles import Annotator, display_title, footnote_anchor, page_meta

PRECISION_LABELS = {"day": "Tag", "week": "Woche", "month": "Monat", "part": "Teil eines Monats oder Jahres",
                    "season": "Jahreszeit", "year": "Jahr", "range": "Zeitraum"}
BASIS_LABELS = {"explicit": "ausdrücklich im Text", "article date": "aus dem Artikeldatum",
                "sentence year": "Jahr aus demselben Satz", "context year": "Jahr aus dem Zusammenhang erschlossen",
                "previous date": "vom zuvor genannten Datum aus"}
SEASON_NAMES = {3: "Frühjahr", 6: "Sommer", 9: "Herbst", 12: "Winter"}


def event_path(event_id: str) -> str:
    return f"ereignisse/{event_id}.md"


def _day(date: dt.date) -> str:
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


def _month(date: dt.date) -> str:
    return f"{MONTH_NAMES[date.month - 1]} {date.year}"


def format_when(first: dt.date, last: dt.date, precision: str) -> str:
    """German wording of an interval at its precision: "21. Juni 2025", "Juni 2025",
    "Herbst 2014", "Ende Juli 2025", "27.–28. Februar 2019", "1998–2002"."""
    if precision == "day" or first == last:
        return _day(first)
    if precision == "month":
        return _month(first)
    if precision == "year":
        return str(first.year)
    if precision == "season":
        name = SEASON_NAMES.get(first.month, "")
        return f"{name} {first.year}" + (f"/{str(last.year)[2:]}" if last.year != first.year else "")
    if precision == "part":
        if first.month == last.month:
            part = {1: "Anfang", 11: "Mitte"}.get(first.day, "Ende")
            return f"{part} {_month(first)}"
        part = {1: "Anfang", 5: "Mitte"}.get(first.month, "Ende")
        return f"{part} {first.year}"
    if precision == "week" and first.weekday() == 0 and (last - first).days == 6:
        return f"Woche vom {first.day}. {MONTH_NAMES[first.month - 1]} bis {_day(last)}"
    if precision == "week":
        return f"um den {_day(first + (last - first) / 2)}"
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return f"{first.year}–{last.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}.–{_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def when(event: Event) -> str:
    return format_when(event.first, event.last, event.precision)


def source_count(event: Event) -> int:
    return len({m.article for m in event.mentions})


def date_annotator(events: list[Event], prefix: str = "../") -> Annotator:
    """Inserts linking each dated phrase to its event (the earliest, when it reports several)."""
    by_place: dict[tuple[str, str, int], dict[int, tuple[EventMention, Event]]] = defaultdict(dict)
    for event in events:
        for m in event.mentions:
            by_place[(m.article, m.part, m.line)].setdefault(m.start, (m, event))

    def annotate(article: str, line: int, part: str, _text: str) -> list[Insert]:
        return [Insert(m.start, m.end, link_to(f"{prefix}{event_path(e.id)}", f"{when(e)}: {e.title}"))
                for m, e in by_place.get((article, part, line), {}).values()]
    return annotate


def _quote(mention: EventMention) -> str:
    quote = mention.quote
    at = quote.find(mention.words)
    if at < 0:
        return escape_inline(quote)
    return (f"{escape_inline(quote[:at])}**{escape_inline(mention.words)}**"
            f"{escape_inline(quote[at + len(mention.words):])}")


def _place(article: Article, mention: EventMention) -> str:
    if mention.part.startswith("note-"):
        number = int(mention.part[5:])
        return f"[Anm. {number}](../artikel/{article.id}.md#{footnote_anchor(article, number)})"
    return f"[Zeile {mention.line}](../artikel/{article.id}.md#zeile-{mention.line})"


def render_event(event: Event, articles: dict[str, Article], actors: dict[str, Actor]) -> str:
    sources = source_count(event)
    # Uncurated events are titled with a quote from an article: they must not outrank the
    # article or the people it names in search.
    out = [page_meta(event.title, boost=None if event.curated else 0.05), f"# {escape_inline(event.title)}", "",
           f"**{when(event)}** · Genauigkeit: {PRECISION_LABELS[event.precision]} · "
           f"berichtet in {count(sources, 'Quelle', 'Quellen')}", ""]
    if event.description:
        out += [escape_inline(event.description), ""]
    if not event.curated:
        out += ['!!! note "Nicht kuratiert"', "",
                "    Dieses Ereignis ist automatisch aus datierten Sätzen zusammengefasst. Wer es kennt, "
                "kann es in `seeds/registry/events.yml` eintragen (siehe Mitwirken).", ""]
    if event.actors:
        out += ["**Akteure:** " + ", ".join(f"[{escape_inline(actors[a].name)}](../akteure/{a}.md)"
                                           for a in event.actors if a in actors), ""]
    out += ["## Berichte", "", '<div class="dossier-mentions" data-search-exclude markdown>', ""]
    for article_id, group in groupby(sorted(event.mentions, key=lambda m: (m.article, m.line, m.start)),
                                     key=lambda m: m.article):
        article = articles[article_id]
        out += [f"### [{escape_inline(display_title(article))}](../artikel/{article.id}.md)", ""]
        for m in group:
            how = f"„{escape_inline(m.words)}“, {BASIS_LABELS.get(m.basis, m.basis)}"
            if m.publication:
                how += ", Erscheinungsdatum einer zitierten Quelle"
            out.append(f"- „{_quote(m)}“ — {_place(article, m)} <small>(Datum: {how})</small>")
        out.append("")
    out += ["</div>", ""]
    return "\n".join(out)


def _card(event: Event, actors: dict[str, Actor]) -> str:
    names = ", ".join(escape_inline(actors[a].name) for a in event.actors[:5] if a in actors)
    more = f" und {len(event.actors) - 5} weitere" if len(event.actors) > 5 else ""
    css = "dossier-event" + ("" if event.curated else " dossier-event--auto")
    return "\n".join([
        f'<div class="{css}" markdown>', "",
        f'<span class="dossier-event-date">{when(event)}</span> '
        f"[{escape_inline(event.title)}](ereignisse/{event.id}.md)  ",
        f'<span class="dossier-event-meta">{names}{more}{" · " if names else ""}'
        f"{count(source_count(event), 'Quelle', 'Quellen')} · {PRECISION_LABELS[event.precision]}</span>",
        "", "</div>", ""])


def render_timeline(events: list[Event], actors: dict[str, Actor]) -> str:
    curated = sum(e.curated for e in events)
    out = [page_meta("Chronik", search=False), "# Chronik", "",
           f"{count(len(events), 'Ereignis', 'Ereignisse')} nach Jahr und Monat, {curated} davon kuratiert. "
           "Jedes Datum lässt sich bis zu dem Satz zurückverfolgen, aus dem es stammt. Hell dargestellte "
           "Einträge sind automatisch aus datierten Sätzen gebildet und noch nicht kuratiert.", "",
           '<div class="dossier-timeline" markdown>', ""]
    for year, in_year in groupby(events, key=lambda e: e.first.year):
        group = list(in_year)
        out += [f"## {year}", ""]
        whole = [e for e in group if e.precision in ("year", "range") and (e.last - e.first).days > 92]
        if whole:
            out += ['<p class="dossier-timeline-month">ganzes Jahr oder länger</p>', ""]
            out += [_card(e, actors) for e in whole]
        rest = [e for e in group if e not in whole]
        for month, in_month in groupby(rest, key=lambda e: e.first.month):
            out += [f'<p class="dossier-timeline-month">{MONTH_NAMES[month - 1]}</p>', ""]
            out += [_card(e, actors) for e in in_month]
    out += ["</div>", ""]
    return "\n".join(out)


def events_by_actor(events: list[Event]) -> dict[str, list[Event]]:
    """Each actor's events in date order: those naming the actor or reported next to it."""
    found: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for actor in dict.fromkeys([*event.actors, *(a for m in event.mentions for a in m.actors)]):
            found[actor].append(event)
    return found


def actor_events_section(events: list[Event]) -> list[str]:
    if not events:
        return []
    out = ["## Ereignisse", "", '<div class="dossier-events" data-search-exclude markdown>', ""]
    out += [f"- {when(e)}: [{escape_inline(e.title)}](../{event_path(e.id)})"
            + ("" if e.curated else " <small>(nicht kuratiert)</small>") for e in events]
    return out + ["", "</div>", ""]
