"""Index stage for cited sources: every URL in every footnote, grouped by domain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.annotate.sentences import sentence_span
from dossier.model import Article
from dossier.parse.links import domain_of


@dataclass(frozen=True)
class Citation:
    article: str
    footnote: int
    context: str = ""   # what the note says about the address ("„Titel“, bei Medium, 15.08.2025")


@dataclass(frozen=True)
class Source:
    url: str
    domain: str
    cited_in: tuple[Citation, ...]


_LEAD_IN = re.compile(r"^(?:(?:und|and|siehe|vgl\.(?: auch)?|see|cf\.)(?:\s+|$))+", re.IGNORECASE)
_LEAD_OUT = re.compile(r"[\s,;:]*(?:online unter|abrufbar unter|unter|available at|at|online)?[\s,;:]*$",
                       re.IGNORECASE)


def citation_text(note: str, start: int, end: int, limit: int = 240) -> str:
    """The words of a note that describe the URL at note[start:end]: its sentence up to the
    URL, without "Siehe" in front and "online unter" behind."""
    left, _ = sentence_span(note, start, end)
    previous = max((link_end for link_end in _url_ends(note) if link_end <= start), default=0)
    text = note[max(left, previous):start].strip(" .,;")
    text = _LEAD_OUT.sub("", _LEAD_IN.sub("", text.lstrip(" .,;"))).strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _url_ends(note: str) -> list[int]:
    return [m.end() for m in re.finditer(r"https?://\S+", note)]


def citations_of(article: Article) -> tuple[tuple[str, Citation], ...]:
    """Each cleaned link target an article's notes cite, with the citation, once per note."""
    found: list[tuple[str, Citation]] = []
    seen: set[tuple[str, int]] = set()     # (url, note): a set, not a scan per citation
    for note in article.footnotes:
        for link in note.links:
            if (link.target, note.number) not in seen:
                seen.add((link.target, note.number))
                found.append((link.target, Citation(article.id, note.number,
                                                    citation_text(note.text, link.start, link.end))))
    return tuple(found)


def merge_sources(per_article: Iterable[tuple[tuple[str, Citation], ...]]) -> list[Source]:
    """One Source per cleaned link target, ordered by domain and URL; citations in article order."""
    cited: dict[str, list[Citation]] = {}
    for citations in per_article:
        for target, citation in citations:
            cited.setdefault(target, []).append(citation)
    return [Source(url, domain_of(url), tuple(cites))
            for url, cites in sorted(cited.items(), key=lambda kv: (domain_of(kv[0]), kv[0]))]


def collect_sources(articles: list[Article]) -> list[Source]:
    """One Source per cleaned link target, ordered by domain and URL; each citation once."""
    return merge_sources(citations_of(a) for a in articles)
