"""The Chronik, the timeline of every dated event: one page, or past a bound an overview with
the curated events and one page per year (or month), so no page grows with the corpus."""

from __future__ import annotations

from itertools import groupby

from dossier.annotate.actors import Actor
from dossier.annotate.dates.intervals import whole_month
from dossier.index.events import MAX_UNCURATED, Event
from dossier.model import Article
from dossier.render.articles import display_title, page_meta
from dossier.render.bounds import MAX_LINKS
from dossier.render.events import PRECISION_LABELS, Chronik, event_path, report_place, source_count, when
from dossier.render.german import MONTH_NAMES, count, format_when, number
from dossier.render.mdtext import escape_inline


def _card(event: Event, actors: dict[str, Actor], prefix: str = "") -> str:
    names = ", ".join(escape_inline(actors[a].name) for a in event.actors[:5] if a in actors)
    more = f" und {count(len(event.actors) - 5, 'weiterer Akteur', 'weitere Akteure')}" if len(event.actors) > 5 else ""
    return "\n".join([
        '<div class="dossier-event" markdown>', "",
        f'<span class="dossier-event-date">{when(event)}</span> '
        f"[{escape_inline(event.title)}]({prefix}{event_path(event.id)})  ",
        f'<span class="dossier-event-meta">{names}{more}{" · " if names else ""}'
        f"{count(source_count(event), 'Quelle', 'Quellen')} · Genauigkeit: {PRECISION_LABELS[event.precision]}</span>",
        "", "</div>", ""])


def _entry(event: Event, actors: dict[str, Actor], articles: dict[str, Article], prefix: str = "") -> str:
    """An uncurated entry: its date, its clause, who takes part, and where each report stands."""
    names = ", ".join(escape_inline(actors[a].name) for a in event.actors[:5] if a in actors)
    sources = []
    for m in sorted(event.mentions, key=lambda m: (m.article, m.line, m.start)):
        article = articles.get(m.article)
        if article is not None:
            sources.append(f"{escape_inline(display_title(article))}, {report_place(article, m, prefix)}")
    return "\n".join([
        f'<div class="dossier-event dossier-event--auto" id="{event.id}" markdown>', "",
        f'<span class="dossier-event-date">{when(event)}</span> {escape_inline(event.title)}  ',
        f'<span class="dossier-event-meta">nicht kuratiert{" · " + names if names else ""} · '
        f"Genauigkeit: {PRECISION_LABELS[event.precision]}</span>  ",
        f'<span class="dossier-event-meta">{"; ".join(sources)}</span>' if sources else "",
        "", "</div>", ""])


SEASON_OF_MONTH = {3: "Frühjahr", 6: "Sommer", 9: "Herbst", 12: "Winter"}
PART_OF_YEAR = {1: "Anfang des Jahres", 5: "Mitte des Jahres", 9: "Ende des Jahres"}


def _place_in_year(event: Event) -> tuple[int, int, str]:
    """Where an entry stands within its year: (month, order, heading). Seasons and parts of a
    year stand under their own heading at their first month, not under that month."""
    first = event.first
    if event.precision in ("year", "decade", "since") or (event.last - first).days > 92:
        return 0, 0, "ganzes Jahr oder länger"
    if event.precision == "season":
        return first.month, 1, SEASON_OF_MONTH.get(first.month, "Jahreszeit")
    if event.precision == "part" and (event.last - first).days > 31:
        return first.month, 1, PART_OF_YEAR.get(first.month, "Teil des Jahres")
    if event.precision == "week":   # "um den 3. November": under the month of its middle day
        middle = first + (event.last - first) / 2
        if middle.year == first.year:
            first = middle
    return first.month, 0, MONTH_NAMES[first.month - 1]


def _intro(events: list[Event], articles: dict[str, Article]) -> list[str]:
    curated = sum(e.curated for e in events)
    out = [f"{count(len(events), 'Ereignis', 'Ereignisse')} nach Jahr und Monat, {curated} davon "
           "[kuratiert](ereignisse/index.md). "
           "Jedes Datum lässt sich bis zu dem Satz zurückverfolgen, aus dem es stammt. Gestrichelt umrandete "
           "Einträge sind automatisch aus Sätzen gebildet, in denen etwas geschieht, und noch nicht kuratiert; "
           "sie haben keine eigene Seite.", ""]
    left_out = [(a, n) for e in events for a, n in e.left_out]
    if left_out:
        out += ['!!! note "Nicht alle datierten Sätze aufgenommen"', "",
                f"    Aus einem Artikel kommen höchstens {MAX_UNCURATED} nicht kuratierte Einträge in die Chronik."]
        for article_id, n in left_out[:MAX_LINKS]:
            title = display_title(articles[article_id]) if article_id in articles else article_id
            out.append(f"    Aus „{escape_inline(title)}“ sind {count(n, 'weiterer Satz', 'weitere Sätze')} "
                       "mit Datum und Ereignis nicht aufgenommen; sie stehen im Artikel.")
        if len(left_out) > MAX_LINKS:
            rest = len(left_out) - MAX_LINKS
            out.append(f"    Ebenso aus {number(rest)} {'weiterem Artikel' if rest == 1 else 'weiteren Artikeln'}.")
        out.append("")
    return out


def _body(events: list[Event], actors: dict[str, Actor], articles: dict[str, Article], prefix: str = "") -> list[str]:
    out = ['<div class="dossier-timeline" markdown>', ""]
    for year, in_year in groupby(events, key=lambda e: e.first.year):
        out += [f"## {year}", ""]
        placed = sorted(in_year, key=lambda e: (_place_in_year(e)[:2], e.first, e.last, not e.curated, e.id))
        for (_month, _order, heading), group in groupby(placed, key=_place_in_year):
            out += [f'<p class="dossier-timeline-month">{heading}</p>', ""]
            out += [_card(e, actors, prefix) if e.curated else _entry(e, actors, articles, prefix) for e in group]
    return out + ["</div>", ""]


def render_timeline(events: list[Event], actors: dict[str, Actor], articles: dict[str, Article] | None = None) -> str:
    """The whole Chronik on one page."""
    articles = articles or {}
    out = [page_meta("Chronik", search=False), "# Chronik", "", *_intro(events, articles),
           *_body(events, actors, articles)]
    return "\n".join(out)


# A Chronik of more entries than this is split: an overview (chronik.md) with the curated events,
# and one page per year (chronik/<year>.md), or per month where a year alone holds more
# (chronik/<year>-<mm>.md; entries spanning a year or longer: chronik/<year>-jahr.md).
MAX_TIMELINE_ENTRIES = 150


def _month_page(year: int, event: Event) -> str:
    month = _place_in_year(event)[0]
    return f"chronik/{year}-{month:02d}.md" if month else f"chronik/{year}-jahr.md"


def chronik_pages(events: list[Event], max_entries: int | None = None) -> dict[str, list[Event]]:
    """The pages of a split Chronik, path -> its events in date order; empty when one page holds
    all (at most `max_entries`, default MAX_TIMELINE_ENTRIES). `events` in date order (as the
    corpus keeps them)."""
    max_entries = MAX_TIMELINE_ENTRIES if max_entries is None else max_entries
    if len(events) <= max_entries:
        return {}
    pages: dict[str, list[Event]] = {}
    for year, in_year in groupby(events, key=lambda e: e.first.year):
        group = list(in_year)
        if len(group) <= max_entries:
            pages[f"chronik/{year}.md"] = group
            continue
        by_month: dict[str, list[Event]] = {}
        for event in sorted(group, key=lambda e: (_place_in_year(e)[0], e.first, e.last, e.id)):
            by_month.setdefault(_month_page(year, event), []).append(event)
        pages.update(by_month)
    return pages


def chronik_links(pages: dict[str, list[Event]]) -> Chronik:
    """Where each uncurated entry stands, for links to it (event_link)."""
    return {e.id: path for path, events in pages.items() for e in events if not e.curated}


def _page_title(path: str) -> str:
    stem = path.removeprefix("chronik/").removesuffix(".md")
    year, _, part = stem.partition("-")
    if not part:
        return f"Chronik {year}"
    if part == "jahr":
        return f"Chronik {year}: ganzes Jahr oder länger"
    return f"Chronik {format_when(*whole_month(int(year), int(part)), 'month')}"


def render_chronik(events: list[Event], actors: dict[str, Actor], articles: dict[str, Article],
                   pages: dict[str, list[Event]]) -> list[tuple[str, str]]:
    """(path, Markdown) of every Chronik page: one page, or the overview and its parts."""
    if not pages:
        return [("chronik.md", render_timeline(events, actors, articles))]
    out = [page_meta("Chronik", search=False), "# Chronik", "", *_intro(events, articles),
           f"Die Chronik ist zu lang für eine Seite: Hier stehen die kuratierten Ereignisse, die "
           f"{number(sum(not e.curated for e in events))} nicht kuratierten Einträge auf "
           f"{count(len(pages), 'Seite', 'Seiten')} nach Zeitabschnitt.", ""]
    for year, paths in groupby(pages, key=lambda p: p.removeprefix("chronik/")[:4]):
        out += [f"## {year}", ""]
        for path in paths:
            held = pages[path]
            curated = sum(e.curated for e in held)
            out.append(f"- [{_page_title(path).removeprefix('Chronik ')}]({path}): "
                       f"{count(len(held), 'Eintrag', 'Einträge')}" + (f", {curated} kuratiert" if curated else ""))
        out.append("")
        cards = [e for path in pages if path.removeprefix("chronik/")[:4] == year for e in pages[path] if e.curated]
        if cards:
            out += ['<div class="dossier-timeline" markdown>', "", *(_card(e, actors) for e in cards), "</div>", ""]
    files = [("chronik.md", "\n".join(out))]
    for path, held in pages.items():
        title = _page_title(path)
        page = [page_meta(title, search=False), f"# {title}", "",
                "Teil der [Chronik](../chronik.md): alle Ereignisse dieses Zeitabschnitts, "
                "jedes mit den Stellen, an denen es berichtet wird.", "", *_body(held, actors, articles, "../")]
        files.append((path, "\n".join(page)))
    return files


def chronik_titles(events: list[Event]) -> list[tuple[str, str]]:
    """(path, title) of the parts of a split Chronik, in order; none when it is one page."""
    return [(path, _page_title(path)) for path in chronik_pages(events)]
