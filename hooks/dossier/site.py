"""Assemble the generated part of the site: every page and data file as (path, content).

Pure function of the Corpus; the MkDocs adapter only turns the result into File objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .opendata import article_record, source_record, to_json
from .render_articles import article_path, render_article, render_article_index
from .render_home import Counts, render_home
from .render_sources import render_sources


@dataclass(frozen=True)
class Generated:
    path: str            # path below docs/, e.g. "artikel/x.md" or "data/articles.json"
    content: str
    edit_source: str | None = None   # repository file a contributor edits to change this page
    in_nav: bool = False             # section index pages are in the navigation, the rest not


SECTIONS = [
    ("Artikel", "artikel/index.md", "alle Artikel mit Datum, Medium und Autor"),
    ("Quellen", "quellen.md", "jede zitierte Adresse, nach Domain, mit Rückweg zur Fußnote"),
    ("Methode", "methode.md", "wie aus den Textdateien diese Seiten werden"),
]


def generate(corpus: Corpus) -> list[Generated]:
    articles = list(corpus.articles)
    by_id = {a.id: a for a in articles}
    sources = list(corpus.sources)
    counts = Counts(len(articles), len(sources), sum(len(a.footnotes) for a in articles))
    files = [
        Generated("index.md", render_home(counts, SECTIONS), in_nav=True),
        Generated("artikel/index.md", render_article_index(articles), in_nav=True),
        Generated("quellen.md", render_sources(sources, by_id), in_nav=True),
        Generated("data/articles.json", to_json([article_record(a) for a in articles])),
        Generated("data/sources.json", to_json([source_record(s) for s in sources])),
    ]
    files += [Generated(article_path(a.id), render_article(a), a.path) for a in articles]
    return files
