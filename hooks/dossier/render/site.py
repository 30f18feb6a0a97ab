"""Assemble the generated part of the site: every page and data file as (path, content).

Pure function of the Corpus; the MkDocs adapter only turns the result into File objects.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from dossier.annotate.actors import REGISTRY as REGISTRY_PATH
from dossier.annotate.actors import Actor
from dossier.annotate.mentions import Mention
from dossier.index.corpus import Corpus
from dossier.index.events import REGISTRY as EVENTS_PATH
from dossier.index.gcpause import paused_gc
from dossier.index.parallel import map_local
from dossier.publish.pdf import PdfPage, PdfPlan, PdfSection
from dossier.read.registryfile import SCHEMAS
from dossier.render.actor_links import actor_path, annotator
from dossier.render.actor_pages import KIND_LABELS, actor_data_path, render_actor, render_actor_index
from dossier.render.actor_stats import author_names, authored_by, cooccurrences
from dossier.render.articles import (
    article_path,
    article_url,
    by_date,
    display_title,
    reading_order,
    render_article,
    render_article_index,
)
from dossier.render.events import (
    EVENT_INDEX_PATH,
    actor_events_section,
    date_annotator,
    event_path,
    events_by_actor,
    render_event,
    render_event_index,
)
from dossier.render.german import count, long_date
from dossier.render.glossary import render_glossary
from dossier.render.home import Counts, at_a_glance, render_home
from dossier.render.mdtext import Insert
from dossier.render.network import figure, neighbourhood, network_svg, page_href
from dossier.render.opendata import (
    actor_mentions_record,
    actor_record,
    article_record,
    candidate_record,
    event_record,
    page_url,
    source_record,
    to_compact_json,
    to_json,
    unknown_people_records,
)
from dossier.render.sources import render_sources
from dossier.render.timeline import chronik_links, chronik_pages, chronik_titles, render_chronik


@dataclass(frozen=True)
class Generated:
    path: str            # path below docs/, e.g. "artikel/x.md" or "data/articles.json"
    content: str
    edit_source: str | None = None   # repository file a contributor edits to change this page
    in_nav: bool = False             # section index pages are in the navigation, the rest not


# The Akteure page's network shows at most this many actors (the most named): past it the
# picture is a knot no one reads, and its labels are placed in time quadratic in their number.
MAX_WHOLE_NETWORK = 60
EXPLAINED = ("Linien verbinden Akteure, die im selben Absatz, in derselben Bildunterschrift oder Anmerkung "
             "vorkommen (je dicker, desto öfter); Kreise wachsen mit der Zahl der Erwähnungen; Farben: Personen "
             "blau, Organisationen grün, Staaten orange, Medien grau; ein Kreis führt zur Seite des Akteurs")

SECTIONS = [
    ("Artikel", "artikel/index.md", "alle Artikel mit Datum, Medium und Autor"),
    ("Akteure", "akteure/index.md", "Personen, Organisationen, Staaten und Medien mit allen Erwähnungen"),
    ("Chronik", "chronik.md", "alle datierten Ereignisse als Zeitleiste, jedes bis zum Satz belegt"),
    ("Ereignisse", "ereignisse/index.md", "die kuratierten Ereignisse, jedes mit allen Berichten der Artikel"),
    ("Glossar", "glossar.md", "jede Schreibweise jedes Namens, mit Ausgangsform und Schema"),
    ("Quellen", "quellen.md", "jede zitierte Adresse, nach Domain, mit Rückweg zur Fußnote"),
    ("Methode", "methode.md", "wie aus den Textdateien diese Seiten werden"),
    ("Mitwirken", "mitwirken.md", "wie man Artikel, Namen und Ereignisse beiträgt"),
]


def pdf_plan(corpus: Corpus, built: dt.date, title: str = "Dossier") -> PdfPlan:
    """What the PDF holds, in reading order: every generated page a reader can reach."""
    articles = by_date(list(corpus.articles))
    events = list(corpus.events)
    kinds = list(KIND_LABELS)
    actors = sorted(corpus.actors, key=lambda a: (kinds.index(a.kind), a.name))
    sections = (
        PdfSection("Artikel", tuple(PdfPage(article_url(a.id), display_title(a)) for a in articles)),
        PdfSection("Akteure", (PdfPage("akteure/", "Alle Akteure und wer mit wem genannt wird"),
                               *(PdfPage(f"akteure/{a.id}/", a.name, KIND_LABELS[a.kind][1])
                                 for a in actors)), continuous=True),
        PdfSection("Glossar", (PdfPage("glossar/", "Glossar der Schreibweisen"),)),
        PdfSection("Chronik", (PdfPage("chronik/", "Chronik"),
                               *(PdfPage(page_url(path), title) for path, title in chronik_titles(events)))),
        PdfSection("Ereignisse", tuple(PdfPage(f"ereignisse/{e.id}/", e.title) for e in corpus.events
                                       if e.curated), continuous=True),
        PdfSection("Quellen", (PdfPage("quellen/", "Quellen"),)),
        PdfSection("Methode", (PdfPage("methode/", "Methode"),)),
    )
    facts = (count(len(articles), "Artikel", "Artikel"),
             count(len(corpus.sources), "zitierte Quelle", "zitierte Quellen"),
             count(len(corpus.actors), "Akteur", "Akteure"), count(len(corpus.events), "Ereignis", "Ereignisse"))
    sources = tuple(f"{display_title(a)} — {a.outlet.value or 'Medium unbekannt'}, "
                    f"{long_date(a.date.value) if a.date.value else 'Datum unbekannt'}" for a in articles)
    return PdfPlan(title, built, facts, sources, sections)


# Pages per unit of work: a worker sends back a batch of pages at a time.
RENDER_BATCH = 25


def _render(pages: list[Callable[[], Generated]], span: tuple[int, int]) -> list[Generated]:
    return [pages[i]() for i in range(*span)]


def generate(corpus: Corpus, downloads: tuple[tuple[str, str, str], ...] = (),
             title: str = "Dossier", *, directory_urls: bool = True) -> list[Generated]:
    """Every generated page and data file; `title` is the site's name (mkdocs.yml site_name),
    `directory_urls` how the built site spells page addresses (mkdocs.yml; the offline copy
    has none), for the links inside raw HTML that MkDocs does not rewrite."""
    with paused_gc():
        return _generate(corpus, downloads, title, directory_urls)


def _generate(corpus: Corpus, downloads: tuple[tuple[str, str, str], ...], title: str,
              directory_urls: bool) -> list[Generated]:
    articles = list(corpus.articles)
    by_id = {a.id: a for a in articles}
    sources = list(corpus.sources)
    actors = list(corpus.actors)
    actors_by_id = {a.id: a for a in actors}
    mentions = list(corpus.mentions)
    by_actor: dict[str, list[Mention]] = {a.id: [] for a in actors}
    for mention in mentions:
        by_actor[mention.actor].append(mention)
    events = list(corpus.events)
    counts = Counts(len(articles), len(sources), sum(len(a.footnotes) for a in articles), len(actors),
                    len(events), sum(e.curated for e in events))
    pages = chronik_pages(events)
    chronik = chronik_links(pages)
    names, dates = annotator(mentions, actors_by_id), date_annotator(events, chronik=chronik)

    def annotate(article: str, line: int, part: str, text: str) -> list[Insert]:
        return names(article, line, part, text) + dates(article, line, part, text)

    together = cooccurrences(mentions)
    named = Counter(m.actor for m in mentions)

    def actor_network(actor: Actor) -> list[str]:
        svg = network_svg(neighbourhood(actor.id, together), together, actors_by_id, named, center=actor.id,
                          title=f"Mit {actor.name} am häufigsten genannte Akteure",
                          href=lambda other: page_href(actor_path(actor.id), actor_path(other), directory_urls))
        return figure(svg, f"Wer mit wem genannt wird: {EXPLAINED}.")

    actor_events = events_by_actor(events)
    authors = authored_by(actors, articles)
    # The byline links to the author's page when it names one author, a registry person.
    author_page = {i: actor for actor, ids in authors.items() for i in ids
                   if len(author_names(by_id[i].author.value or "")) == 1}
    order = reading_order(articles)
    # The pages of each article and each actor (and its full mention list) are most of the
    # rendering and independent of each other: rendered on every core (index/parallel.py),
    # in this order, so the result is the same either way.
    pages_of: list[Callable[[], Generated]] = [
        *(partial(lambda i, a: Generated(article_path(a.id), render_article(
            a, annotate, (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None),
            author_page.get(a.id)), a.path), i, a)
          for i, a in enumerate(order)),
        *(partial(lambda a: Generated(actor_path(a.id), render_actor(
            a, by_actor[a.id], by_id, together[a.id], actors_by_id,
            actor_events_section(actor_events[a.id], actor_data_path(a.id), chronik), actor_network(a),
            [by_id[i] for i in authors.get(a.id, ())]),
            f"{REGISTRY_PATH}#L{a.line}"), a) for a in actors),
        # Every mention of each actor, which its page shows only in part once the corpus is large.
        *(partial(lambda a: Generated(actor_data_path(a.id), to_compact_json(actor_mentions_record(
            a, by_actor[a.id], by_id, [e.id for e in actor_events[a.id]]))), a) for a in actors),
    ]
    files: list[Generated] = []

    def overview(_workers: bool) -> None:
        """The overview pages, data files and event pages, here while workers render the rest."""
        connected = sorted((a for a in named if together.get(a)), key=lambda a: (-named[a], a))
        shown = set(connected[:MAX_WHOLE_NETWORK])
        complete = len(shown) == len(connected)
        opening = ("Das ganze Netz" if complete else
                   f"Die {len(shown)} meistgenannten von {len(connected)} Akteuren (alle stehen in der Liste unten)")
        whole = figure(network_svg(shown, together, actors_by_id, named,
                                   title=("Alle" if complete else "Die meistgenannten")
                                   + " Akteure und wer mit wem genannt wird", size=(1000, 680),
                                   href=lambda other: page_href("akteure/index.md", actor_path(other), directory_urls)),
                       f"{opening}: {EXPLAINED}.", wide=True)
        files.extend([
            Generated("index.md", render_home(counts, SECTIONS, downloads, title,
                                              at_a_glance(articles, actors, named, events, chronik)), in_nav=True),
            *(Generated(path, content, in_nav=path == "artikel/index.md")
              for path, content in render_article_index(articles)),
            Generated("quellen.md", render_sources(sources, by_id), in_nav=True),
            Generated("data/articles.json", to_json([article_record(a) for a in articles])),
            Generated("data/sources.json", to_json([source_record(s) for s in sources])),
        ])
        files.extend([
            Generated("akteure/index.md", render_actor_index(actors, mentions, whole), in_nav=True),
            Generated("glossar.md", render_glossary(actors, mentions), in_nav=True),
            Generated("data/actors.json", to_json([actor_record(a, by_actor[a.id]) for a in actors])),
            Generated("data/candidates.json", to_json([candidate_record(c, by_id) for c in corpus.candidates])),
            Generated("data/unknown-people.json", to_json(unknown_people_records(corpus.candidates))),
            Generated("data/events.json", to_json([event_record(e, chronik) for e in events])),
        ])
        files.extend(Generated(path, content, in_nav=path == "chronik.md")
                     for path, content in render_chronik(events, actors_by_id, by_id, pages))
        # The schemas travel with the data, so a consumer of site/data/ can validate it.
        for name in ("articles", "sources", "actors", "actor-mentions", "events", "candidates", "unknown-people"):
            schema = f"{name}.schema.json"
            files.append(Generated(f"data/schemas/{schema}", (SCHEMAS / schema).read_text(encoding="utf-8")))
        # uncurated entries stand on the Chronik only: no page each, however many dated sentences
        files.extend(Generated(event_path(e.id), render_event(e, by_id, actors_by_id), f"{EVENTS_PATH}#L{e.line}")
                     for e in events if e.curated)
        files.append(Generated(EVENT_INDEX_PATH, render_event_index(events), EVENTS_PATH, in_nav=True))

    spans = [(n, min(n + RENDER_BATCH, len(pages_of))) for n in range(0, len(pages_of), RENDER_BATCH)]
    rendered = map_local(partial(_render, pages_of), spans, min_items=2, chunksize=1, meanwhile=overview)
    for done in rendered:
        files += done
    return files
