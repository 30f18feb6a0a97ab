"""Open data: the corpus as JSON documents (described by the schemas in schemas/)."""

from __future__ import annotations

import json
from typing import Any

from .model import Article
from .render_articles import article_url, display_title
from .sources import Source


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
        "footnotes": [{"number": n.number, "text": n.text, "line": n.line,
                       "urls": [link.target for link in n.links]} for n in article.footnotes],
    }


def source_record(source: Source) -> dict[str, Any]:
    return {"url": source.url, "domain": source.domain,
            "cited_in": [{"article": c.article, "footnote": c.footnote} for c in source.cited_in]}


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
