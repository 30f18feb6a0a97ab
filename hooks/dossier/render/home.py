"""Render stage for the start page: what the dossier is, what it holds, where to go."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dossier.annotate.actors import Actor
from dossier.index.events import Event
from dossier.model import Article
from dossier.render.articles import article_path, by_date, display_title, page_meta
from dossier.render.events import Chronik, event_link, linkable_precision, list_safe, source_count, when
from dossier.render.german import count, long_date, number
from dossier.render.mdtext import escape_inline, heading_text

# The start page's overview is bounded: it does not grow with the corpus.
GLANCE_ARTICLES, GLANCE_ACTORS, GLANCE_EVENTS = 5, 10, 5


@dataclass(frozen=True)
class Counts:
    articles: int
    sources: int
    footnotes: int
    actors: int = 0
    events: int = 0
    curated: int = 0          # of the events, those with a page (the Ereignisse list)


def at_a_glance(articles: list[Article], actors: list[Actor], named: Counter[str], events: list[Event],
                chronik: Chronik | None = None) -> list[str]:
    """Markdown for the start page: the newest articles, the actors named most often and the
    latest dated events (up to the newest article's date: a text's plans and forecasts are
    not news), each a few lines with a link; [] for an empty dossier."""
    out: list[str] = []
    newest = by_date(articles)[:GLANCE_ARTICLES]
    if newest:
        out += ["### Neueste Artikel { data-search-exclude }", ""]
        for article in newest:
            where = ", ".join(escape_inline(v) for v in (article.outlet.value,
                              long_date(article.date.value) if article.date.value else None) if v)
            out.append(f"- [{escape_inline(display_title(article))}]({article_path(article.id)})"
                       + (f" – {where}" if where else ""))
        out.append("")
    by_id = {a.id: a for a in actors}
    ranked = sorted((i for i in named if i in by_id and named[i]), key=lambda i: (-named[i], by_id[i].name))
    if ranked:
        out += ["### Meistgenannte Akteure { data-search-exclude }", "",
                " · ".join(f"[{escape_inline(by_id[i].name)}](akteure/{i}.md) ({named[i]})"
                           for i in ranked[:GLANCE_ACTORS]), ""]
    latest = max((a.date.value for a in articles if a.date.value), default=None)
    dated = [e for e in events if linkable_precision(e.precision) and (latest is None or e.first.isoformat() <= latest)]
    dated.sort(key=lambda e: (e.last, e.first, e.id), reverse=True)
    if dated:
        out += ["### Jüngste Ereignisse { data-search-exclude }", ""]
        out += [f"- {list_safe(escape_inline(when(e)))}: [{escape_inline(e.title)}]({event_link(e, chronik)})"
                f" · {count(source_count(e), 'Quelle', 'Quellen')}" for e in dated[:GLANCE_EVENTS]]
        out.append("")
    # Out of search: these are titles and names whose own pages a search finds.
    return ["## Auf einen Blick { data-search-exclude }", "", *out] if out else []


def render_home(counts: Counts, sections: list[tuple[str, str, str]],
                downloads: tuple[tuple[str, str, str], ...] = (), title: str = "Dossier",
                glance: list[str] | None = None) -> str:
    """`sections`: (label, page path, one-line description) for each section of the site;
    `downloads`: (label, file path, description) of the offline files this build writes. They
    are raw HTML links: the files are written after MkDocs checks links."""
    out = [page_meta("Start"), f"# {heading_text(title)}", "",
           "Dieses Dossier verknüpft Presseartikel über die Beziehungen zwischen Belarus und den "
           "Vereinigten Staaten im Jahr 2025: jeder Artikel als bereinigte Seite mit echten "
           "Fußnoten, dazu die zitierten Quellen, die handelnden Personen und Organisationen, "
           "die Ereignisse und die Schreibweisen ihrer Namen.", "",
           f"**Umfang:** {count(counts.articles, 'Artikel', 'Artikel')}, "
           f"{count(counts.footnotes, 'Anmerkung', 'Anmerkungen')}, "
           f"{count(counts.sources, 'zitierte Quelle', 'zitierte Quellen')}"
           + (f", {count(counts.actors, 'Akteur', 'Akteure')}" if counts.actors else "")
           + (f", {count(counts.events, 'Ereignis', 'Ereignisse')}" if counts.events else "")
           + (f" ({number(counts.curated)} kuratiert)" if counts.events and counts.curated != counts.events else "")
           + ".", "", *(glance or []), "## Bereiche", ""]
    out += [f"- [{label}]({path}): {text}" for label, path, text in sections]
    if downloads:
        out += ["", "## Zum Mitnehmen", ""]
        out += [f'- <a href="{path}" download>{label}</a>: {text}' for label, path, text in downloads]
    out += ["", "## Offene Daten", "",
            "Alle Inhalte gibt es auch maschinenlesbar als JSON unter `data/` "
            "(z. B. [`data/articles.json`](data/articles.json)), beschrieben durch JSON-Schemas "
            "unter `data/schemas/` (z. B. [`articles.schema.json`](data/schemas/articles.schema.json)).", ""]
    return "\n".join(out)
