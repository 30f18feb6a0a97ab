"""Load every seed under a folder into Articles, with all diagnostics, in one pass."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

from dossier.annotate.actors import REGISTRY as ACTORS_REGISTRY
from dossier.annotate.actors import Actor, load_actors
from dossier.annotate.candidates import Candidate, find_candidates
from dossier.annotate.match import Matcher, build_matcher
from dossier.annotate.mentions import Mention, find_mentions
from dossier.index import cache
from dossier.index.events import MAX_UNCURATED, Event, EventMention, build_events, find_event_mentions, load_events
from dossier.index.events import REGISTRY as EVENTS_REGISTRY
from dossier.index.sources import Source, collect_sources
from dossier.model import Article, Diagnostic
from dossier.parse.article import parse_article
from dossier.read.registryfile import SCHEMAS, contributor_file_problem
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


# What a cached step's result depends on besides its input: the source of these modules and
# of every core module they import (see cache.py).
PARSE_CODE = ("source", "parse")
ANNOTATE_CODE = ("registry", "match", "mentions", "events", "candidates")


def read_and_parse(rel: str, data: bytes) -> tuple[Article | None, list[Diagnostic]]:
    """read_seed + parse_article: the article (None when unreadable) and every diagnostic,
    in the order the two steps report them."""
    seed, diags = read_seed(rel, data)
    if seed is None:
        return None, diags
    article, found = parse_article(seed)
    return article, diags + found


def load_articles(root: Path, keys: dict[str, str] | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """Every seed's Article and diagnostics; parses come from the cache when the seed's
    bytes, path and the parser's code are unchanged. `keys`, when given, receives each
    article's cache key (by article id) for the annotation cache."""
    store = cache.Store(root, "parse")
    version = cache.code_version(*PARSE_CODE)
    articles: list[Article] = []
    diags: list[Diagnostic] = []
    owners: dict[str, str] = {}
    for file in seed_files(root):
        rel = f"seeds/{file.name}"
        problem = _name_problem(file.name) or contributor_file_problem(root, file)
        slug = slug_for(rel)
        if not problem and slug in owners:
            problem = f"file name gives the same page address 'artikel/{slug}/' as {owners[slug]}; rename one of them"
        if problem:
            diags.append(Diagnostic(rel, None, "error", problem, "seed-name"))
            continue
        owners[slug] = rel
        try:
            data = file.read_bytes()
        except OSError as exc:
            diags.append(Diagnostic(rel, None, "error", f"cannot be read: {exc.strerror or exc}", "seed-unreadable"))
            continue
        name = cache.key(version, rel, data)
        hit = store.get(name)
        if hit is None:
            hit = read_and_parse(rel, data)
            store.put(name, hit)
        article, found = hit
        diags += found
        if article is None:
            continue
        articles.append(article)
        if keys is not None:
            keys[article.id] = name
    store.prune()
    return articles, diags


T = TypeVar("T")


def registry_key(root: Path, rel: str, code: tuple[str, ...], *extra: str) -> str | None:
    """The cache key of what loading the registry file `rel` gives, or None (do not cache)
    when the file is missing or is no plain file inside the project: then the loader's own
    checks run every time."""
    file = root / rel
    if not file.exists() or contributor_file_problem(root, file):
        return None
    try:
        data = file.read_bytes()
    except OSError:
        return None
    return cache.key(cache.code_version(*code), cache.folder_hash(SCHEMAS), rel, data, *extra)


# What this process already loaded, as pickles by cache key (the key covers the file's bytes,
# the schemas and the code): `mkdocs serve`, the tests and the benchmark load the same
# registries again and again, and parsing YAML is the slow part. Unpickling gives fresh
# objects, as the disk cache does. A handful of entries, oldest dropped.
_MEMO: dict[str, bytes] = {}
_MEMO_SIZE = 16


def cached(store: cache.Store, name: str | None, compute: Callable[[], T]) -> T:
    if name and name in _MEMO:
        return cast(T, pickle.loads(_MEMO[name]))
    hit = store.get(name) if name else None
    if hit is None:
        hit = compute()
        if name:
            store.put(name, hit)
    if name:
        _MEMO[name] = pickle.dumps(hit, protocol=pickle.HIGHEST_PROTOCOL)
        while len(_MEMO) > _MEMO_SIZE:
            del _MEMO[next(iter(_MEMO))]
    return cast(T, hit)


Annotated = tuple[list[Mention], list[EventMention], list[Diagnostic], list[Candidate]]


def annotate_articles(root: Path, articles: list[Article], matcher: Matcher, actors: list[Actor],
                      keys: dict[str, str], actors_key: str | None) -> list[Annotated]:
    """Per article: its actor mentions, its dated passages with their diagnostics, and its
    name candidates; from the cache when the article, the actor registry (`actors_key`, None:
    do not cache) and the annotating code are unchanged. Candidates are found per article
    (find_candidates keys them by article and surface), so one batch call over the articles
    the cache lacks gives each its own (tests/test_cache.py holds that equal to one call over
    all)."""
    store = cache.Store(root, "annotate")
    version = cache.key(cache.code_version(*ANNOTATE_CODE), actors_key or "")
    names = [cache.key(version, keys[a.id]) if actors_key and a.id in keys else None for a in articles]
    found: list[Annotated | None] = [store.get(name) if name else None for name in names]
    missing = [i for i, hit in enumerate(found) if hit is None]
    computed: dict[int, tuple[list[Mention], list[EventMention], list[Diagnostic]]] = {}
    for i in missing:
        mentions = find_mentions(matcher, articles[i])
        dated, diags = find_event_mentions(articles[i], mentions)
        computed[i] = (mentions, dated, diags)
    by_article: dict[str, list[Candidate]] = {articles[i].id: [] for i in missing}
    for candidate in find_candidates(matcher, actors, [articles[i] for i in missing],
                                     [m for i in missing for m in computed[i][0]]):
        by_article[candidate.article].append(candidate)
    for i in missing:
        hit = (*computed[i], by_article[articles[i].id])
        found[i] = hit
        if names[i]:
            store.put(names[i] or "", hit)
    store.prune()
    return [hit for hit in found if hit is not None]


def candidate_order(candidate: Candidate) -> tuple[str, int, str]:
    """The order of find_candidates' result, for the candidates of many articles together."""
    return candidate.article, candidate.line, candidate.surface


def load_corpus(root: Path) -> Corpus:
    """Parse every seed and the registry, then annotate all texts with one matcher."""
    keys: dict[str, str] = {}
    articles, diags = load_articles(root, keys)
    registries = cache.Store(root, "registry")
    actors_key = registry_key(root, ACTORS_REGISTRY, ("registry",))
    actors, more = cached(registries, actors_key, lambda: load_actors(root))
    diags += more
    matcher = build_matcher(actors)
    annotated = annotate_articles(root, articles, matcher, actors, keys, actors_key)
    mentions = [m for found, _, _, _ in annotated for m in found]
    candidates = sorted((c for *_, found in annotated for c in found), key=candidate_order)
    paths = {a.id: a.path for a in articles}
    diags += [c.diagnostic(paths[c.article]) for c in candidates]
    actors_readable = not any(d.path == ACTORS_REGISTRY and d.severity == "error" for d in diags)
    actor_ids = {a.id for a in actors} if actors_readable else None
    events_key = registry_key(root, EVENTS_REGISTRY, ("events",), repr(sorted(actor_ids) if actor_ids else actor_ids))
    curated, more = cached(registries, events_key, lambda: load_events(root, actor_ids))
    registries.prune()
    diags += more
    dated: list[EventMention] = []
    for _, found, more, _ in annotated:
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
