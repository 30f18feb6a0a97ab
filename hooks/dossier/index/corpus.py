"""Load every seed under a folder into Articles, with all diagnostics, in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dossier.annotate.actors import REGISTRY as ACTORS_REGISTRY
from dossier.annotate.actors import Actor, load_actors
from dossier.annotate.candidates import Candidate, find_candidates
from dossier.annotate.match import build_matcher
from dossier.annotate.mentions import Mention, find_mentions
from dossier.index.events import MAX_UNCURATED, Event, EventMention, build_events, find_event_mentions, load_events
from dossier.index.sources import Source, collect_sources
from dossier.model import Article, Diagnostic
from dossier.parse.article import parse_article
from dossier.read.registryfile import contributor_file_problem
from dossier.read.seedfile import read_seed, slug_for


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    sources: tuple[Source, ...]
    diagnostics: tuple[Diagnostic, ...]
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    events: tuple[Event, ...] = ()


# The CONTRIBUTING rule for seed file names: the name becomes the page address, so it is
# checked, never trusted (no quotes, spaces, colons or line breaks that could reach an
# attribute, a URL or an error message).
SEED_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}\.txt")
RESERVED_SLUGS = frozenset({"index"})   # artikel/index/ is the article list


def seed_files(root: Path) -> list[Path]:
    """Every entry directly in root/seeds whose name ends in .txt (any case), sorted by name;
    `load_articles` checks each (symlinks and folders are reported, never followed)."""
    folder = root / "seeds"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.lower().endswith(".txt"))


def _name_problem(name: str) -> str | None:
    if not SEED_NAME.fullmatch(name):
        suggestion = slug_for(name)
        hint = f", for example '{suggestion}.txt'" if suggestion else ""
        return ("file name may use only lower-case letters a-z, digits, '-' and '_' before '.txt' "
                f"(at most 100 characters){hint}; rename it")
    if name[:-4] in RESERVED_SLUGS:
        return f"file name '{name}' would take the address of the article list; rename it"
    return None


def load_articles(root: Path) -> tuple[list[Article], list[Diagnostic]]:
    articles: list[Article] = []
    diags: list[Diagnostic] = []
    owners: dict[str, str] = {}
    for file in seed_files(root):
        rel = f"seeds/{file.name}"
        problem = _name_problem(file.name) or contributor_file_problem(root, file)
        if not problem and slug_for(rel) in owners:
            problem = (f"file name gives the same page address 'artikel/{slug_for(rel)}/' as "
                       f"{owners[slug_for(rel)]}; rename one of them")
        if problem:
            diags.append(Diagnostic(rel, None, "error", problem, "seed-name"))
            continue
        owners[slug_for(rel)] = rel
        try:
            data = file.read_bytes()
        except OSError as exc:
            diags.append(Diagnostic(rel, None, "error", f"cannot be read: {exc.strerror or exc}", "seed-unreadable"))
            continue
        seed, found = read_seed(rel, data)
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
    actors_readable = not any(d.path == ACTORS_REGISTRY and d.severity == "error" for d in diags)
    curated, more = load_events(root, {a.id for a in actors} if actors_readable else None)
    diags += more
    by_article: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for mention in mentions:
        by_article[mention.article].append(mention)
    dated: list[EventMention] = []
    for article in articles:
        found, more = find_event_mentions(article, by_article[article.id])
        dated += found
        diags += more
    events = build_events(curated, dated)
    # Over the per-article cap of timeline entries: one warning per article (the Chronik says
    # so too), so a file of thousands of dated lines can neither flood the site nor pass unseen.
    diags += [Diagnostic(paths[article], None, "warning",
                         f"{n} more dated passages match no curated event; at most {MAX_UNCURATED} per "
                         "article reach the timeline", "too-many-events")
              for event in events for article, n in event.left_out]
    return Corpus(tuple(articles), tuple(collect_sources(articles)), tuple(diags), tuple(actors),
                  tuple(mentions), tuple(candidates), tuple(events))
