"""Open data: the corpus as JSON documents (described by the schemas in schemas/)."""

from __future__ import annotations

import json
from typing import Any

from dossier.annotate.actors import Actor
from dossier.annotate.candidates import Candidate
from dossier.annotate.mentions import Mention
from dossier.index.events import Event
from dossier.index.sources import Source
from dossier.model import Article
from dossier.render.actor_pages import cited_sources, mention_anchor
from dossier.render.articles import article_url, display_title
from dossier.render.events import Chronik, event_link


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": display_title(article),
        "title_source": article.title.source,
        "url": article_url(article.id),
        "source": article.path,
        "date": article.date.value,
        "date_source": article.date.source,
        "date_hint": ({"date": article.date_hint.iso, "words": article.date_hint.words,
                       "line": article.date_hint.line} if article.date_hint else None),
        "author": article.author.value,
        "author_source": article.author.source,
        "outlet": article.outlet.value,
        "language": article.language.value,
        "license": article.license.value,
        "topics": list(article.topics),
        "footnotes": [{"number": n.number, "label": n.label, "text": n.text, "line": n.line,
                       "urls": [link.target for link in n.links]} for n in article.footnotes],
    }


def source_record(source: Source) -> dict[str, Any]:
    return {"url": source.url, "domain": source.domain,
            "cited_in": [{"article": c.article, "footnote": c.footnote, "context": c.context}
                         for c in source.cited_in]}


def page_url(path: str) -> str:
    """The address of a generated page (directory URLs), anchor kept: 'chronik/2022.md#x' -> 'chronik/2022/#x'."""
    page, hash_, anchor = path.partition("#")
    return f"{page.removesuffix('.md')}/{hash_}{anchor}"


def to_json(data: object) -> str:
    """A list as one record per line (still one JSON array: readable in a diff, and written by
    json's C encoder, which an indented dump does not use); anything else indented."""
    if isinstance(data, list):
        if not data:
            return "[]\n"
        return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in data) + "\n]\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def actor_record(actor: Actor, mentions: list[Mention]) -> dict[str, Any]:
    per_article: dict[str, int] = {}
    for m in mentions:
        per_article[m.article] = per_article.get(m.article, 0) + 1
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "gender": actor.gender,
        "description": actor.description, "role": actor.role, "wikidata": actor.wikidata,
        "url": f"akteure/{actor.id}/", "source_forms": {k: v for k, v in (("ru", actor.ru), ("be", actor.be)) if v},
        "variants": [{"form": v.form, "source_form": v.source_form, "language": v.language, "scheme": v.scheme}
                     for v in actor.variants],
        "mentions": [{"article": a, "count": n} for a, n in sorted(per_article.items())],
    }


def candidate_record(candidate: Candidate, articles: dict[str, Article]) -> dict[str, Any]:
    return {"article": candidate.article, "source": articles[candidate.article].path, "line": candidate.line,
            "surface": candidate.surface, "reason": candidate.reason, "actor": candidate.actor,
            "variant": candidate.variant, "score": candidate.score, "person": candidate.person,
            "name": candidate.name, "gender": candidate.gender, "sentence": candidate.sentence,
            "mentions": candidate.mentions}


def unknown_people_records(candidates: tuple[Candidate, ...] | list[Candidate]) -> list[dict[str, Any]]:
    """One record per unknown person (by suggested id): every article naming them and the
    registry entry to paste. Kept apart from the candidates, which would otherwise repeat a
    person's whole list of articles in each of those articles' records (quadratic in how
    widely a name is spread: 77 MB at 1,000 synthetic articles)."""
    first: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.reason == "unknown-name" and candidate.person:
            first.setdefault(candidate.person, candidate)
    return [{"person": person, "name": c.name, "gender": c.gender, "mentions": c.mentions,
             "articles": list(c.articles), "entry": c.entry()} for person, c in sorted(first.items())]


def event_record(event: Event, chronik: Chronik | None = None) -> dict[str, Any]:
    return {
        "id": event.id, "title": event.title, "date": event.first.isoformat(),
        "end": event.end.isoformat() if event.end else None, "last": event.last.isoformat(),
        "precision": event.precision,
        "url": page_url(event_link(event, chronik)), "curated": event.curated,
        "actors": list(event.actors),
        "mentions": [{"article": m.article, "quote": m.quote, "words": m.words, "line": m.line, "part": m.part,
                      "date": m.first.isoformat(), "last": m.last.isoformat(), "precision": m.precision,
                      "basis": m.basis} for m in event.mentions],
    }


def to_compact_json(data: object) -> str:
    """JSON without indentation, for files whose size grows with the corpus."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def actor_mentions_record(actor: Actor, mentions: list[Mention], articles: dict[str, Article],
                          events: list[str]) -> dict[str, Any]:
    """Everything the actor page shows only in part: every mention with the place it links to,
    the actor's events and the cited sources whose notes name it (data/akteure/<id>.json)."""
    ordered = sorted(mentions, key=lambda m: (m.article, m.line, m.start))
    records = []
    for m in ordered:
        anchor = mention_anchor(articles[m.article], m)
        records.append({"article": m.article, "part": m.part, "line": m.line, "start": m.start, "end": m.end,
                        "surface": m.surface, "form": m.form, "how": m.how, "scheme": m.scheme, "score": m.score,
                        "url": article_url(m.article) + (f"#{anchor}" if anchor else "")})
    return {
        "id": actor.id, "name": actor.name, "url": f"akteure/{actor.id}/", "mentions": records, "events": events,
        "sources": [{"url": url, "article": a, "footnote": n} for url, a, n in cited_sources(ordered, articles)],
    }
