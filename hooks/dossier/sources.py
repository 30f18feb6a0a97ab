"""Index stage for cited sources: every URL in every footnote, grouped by domain."""

from __future__ import annotations

from dataclasses import dataclass

from .links import domain_of
from .model import Article


@dataclass(frozen=True)
class Citation:
    article: str
    footnote: int


@dataclass(frozen=True)
class Source:
    url: str
    domain: str
    cited_in: tuple[Citation, ...]


def collect_sources(articles: list[Article]) -> list[Source]:
    """One Source per cleaned link target, ordered by domain and URL; each citation once."""
    cited: dict[str, list[Citation]] = {}
    for article in articles:
        for note in article.footnotes:
            for link in note.links:
                citations = cited.setdefault(link.target, [])
                citation = Citation(article.id, note.number)
                if citation not in citations:
                    citations.append(citation)
    return [Source(url, domain_of(url), tuple(cites))
            for url, cites in sorted(cited.items(), key=lambda kv: (domain_of(kv[0]), kv[0]))]
