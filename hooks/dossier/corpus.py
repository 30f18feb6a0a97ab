"""Load every seed under a folder into Articles, with all diagnostics, in one pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .candidates import Candidate, find_candidates
from .events import Event, EventMention, build_events, find_event_mentions, load_events
from .match import build_matcher
from .mentions import Mention, find_mentions
from .model import Article, Diagnostic
from .parse import parse_article
from .registry import Actor, load_actors
from .source import read_seed, slug_for
from .sources import Source, collect_sources


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    sources: tuple[Source, ...]
    diagnostics: tuple[Diagnostic, ...]
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    events: tuple[Event, ...] = ()


def seed_files(root: Path) -> list[Path]:
    """Every *.txt directly in root/seeds, sorted by name (symlinks are not followed)."""
    folder = root / "seeds"
    return sorted(p for p in folder.glob("*.txt") if p.is_file() and not p.is_symlink())


def load_articles(root: Path) -> tuple[list[Article], list[Diagnostic]]:
    articles: list[Article] = []
    diags: list[Diagnostic] = []
    owners: dict[str, str] = {}
    for file in seed_files(root):
        rel = file.relative_to(root).as_posix()
        slug = slug_for(rel)
        if not slug:
            diags.append(Diagnostic(rel, None, "error", "file name gives an empty page address; "
                                    "use letters, digits, '-' or '_'", "seed-name"))
            continue
        if slug in owners:
            diags.append(Diagnostic(rel, None, "error", f"file name gives the same page address "
                                    f"'artikel/{slug}/' as {owners[slug]}; rename one of them",
                                    "seed-collision"))
            continue
        owners[slug] = rel
        seed, found = read_seed(rel, file.read_bytes())
        diags += found
        if seed is None:
            continue
        article, found = parse_article(seed)
        diags += found
        articles.append(article)
    return articles, diags


def load_corpus(root: Path) -> Corpus:
    """Parse every seed and the registry, then annotate all texts with one matcher."""
    articles, diags = load_articles(root)
    actors, more = load_actors(root)
    diags += more
    matcher = build_matcher(actors)
    mentions = [m for a in articles for m in find_mentions(matcher, a)]
    candidates = find_candidates(matcher, actors, articles, mentions)
    paths = {a.id: a.path for a in articles}
    diags += [c.diagnostic(paths[c.article]) for c in candidates]
    curated, more = load_events(root, {a.id for a in actors})
    diags += more
    by_article: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for mention in mentions:
        by_article[mention.article].append(mention)
    dated: list[EventMention] = []
    for article in articles:
        found, more = find_event_mentions(article, by_article[article.id])
        dated += found
        diags += more
    return Corpus(tuple(articles), tuple(collect_sources(articles)), tuple(diags), tuple(actors),
                  tuple(mentions), tuple(candidates), tuple(build_events(curated, dated)))
