"""How much of a long list a page shows: the articles that report most, a bounded number of
places in each; the rest stays in the open data. Keeps actor and event pages small however
large the corpus grows, while a corpus of a few articles shows everything."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from dossier.model import Article
from dossier.render.articles import display_title
from dossier.render.german import count
from dossier.render.mdtext import heading_text

T = TypeVar("T")

# At most MAX_ARTICLES articles with their places on one page, at most MAX_PLACES places in all,
# but never fewer than MIN_PER_ARTICLE per article shown. With 25 articles that is 4 places each
# (about 100 quoted sentences, some 60 KB of HTML); with two articles, up to 60 places each.
MAX_ARTICLES = 25
MAX_PLACES = 120
MIN_PER_ARTICLE = 3
# Lists of links (events of an actor, sources naming it): at most this many on the page.
MAX_LINKS = 40


@dataclass(frozen=True)
class Group(Generic[T]):
    """One article's places on a page: those shown, and how many more the article holds."""

    article: str
    shown: tuple[T, ...]
    more: int


@dataclass(frozen=True)
class Selection(Generic[T]):
    groups: tuple[Group[T], ...]     # in article-id order
    articles: int                    # articles holding any item
    items: int                       # items in all

    @property
    def bounded(self) -> bool:
        """True when the page leaves something out."""
        return len(self.groups) < self.articles or any(g.more for g in self.groups)


def select(items: Sequence[T], article_of: Callable[[T], str], max_articles: int = MAX_ARTICLES,
           max_places: int = MAX_PLACES, min_per_article: int = MIN_PER_ARTICLE) -> Selection[T]:
    """The articles with the most items (ties: article id), each with its first items in the
    order given; linear in the number of items."""
    by_article: dict[str, list[T]] = defaultdict(list)
    for item in items:
        by_article[article_of(item)].append(item)
    top = sorted(by_article, key=lambda a: (-len(by_article[a]), a))[:max_articles]
    per_article = max(min_per_article, max_places // max(1, len(top)))
    groups = tuple(Group(a, tuple(by_article[a][:per_article]), max(0, len(by_article[a]) - per_article))
                   for a in sorted(top))
    return Selection(groups, len(by_article), len(items))


def group_section(article: Article, lines: list[str], more: int) -> list[str]:
    """One article's group on a bounded actor or event page: its heading (kept out of search:
    each would be an entry of its own), the places shown, and how many more it has."""
    out = [f"### [{heading_text(display_title(article))}](../artikel/{article.id}.md) {{ data-search-exclude }}",
           "", *lines]
    if more:
        out.append(f"- … und {count(more, 'weitere Stelle', 'weitere Stellen')} "
                   f"[in diesem Artikel](../artikel/{article.id}.md)")
    return [*out, ""]
