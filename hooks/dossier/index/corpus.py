"""Load every seed under a folder into Articles, with all diagnostics, in one pass."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

from dossier.annotate import namewords
from dossier.annotate.actors import REGISTRY as ACTORS_REGISTRY
from dossier.annotate.actors import Actor, load_actors
from dossier.annotate.candidates import Candidate, Sighting, find_sightings, group_candidates
from dossier.annotate.match import Matcher, build_matcher
from dossier.annotate.mentions import Mention, find_mentions
from dossier.index import cache
from dossier.index.events import MAX_UNCURATED, Event, EventMention, build_events, find_event_mentions, load_events
from dossier.index.events import REGISTRY as EVENTS_REGISTRY
from dossier.index.gcpause import paused_gc
from dossier.index.parallel import map_in_order
from dossier.index.sources import Citation, Source, citations_of, merge_sources
from dossier.model import Article, Diagnostic, fold_repeats
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
    # How many actor mentions the texts hold: len(mentions), also when a lean load (`make
    # check`) leaves the mentions themselves out.
    mention_count: int = 0
    # How many articles: len(articles), also when a lean load leaves the articles out.
    article_count: int = 0


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


def unread_files(root: Path) -> list[Diagnostic]:
    """A note for each file a contributor may expect to be read that is not: an article saved
    as .md or in a subfolder, a third registry. Hidden files (.gitkeep) are left alone."""
    folder, found = root / "seeds", []
    if not folder.is_dir():
        return []
    registries = {ACTORS_REGISTRY.rsplit("/", 1)[1], EVENTS_REGISTRY.rsplit("/", 1)[1]}
    for entry in sorted(folder.iterdir()):
        rel = f"seeds/{entry.name}"
        if entry.name.startswith(".") or entry.name.lower().endswith(".txt"):
            continue
        if entry.name == "registry" and entry.is_dir():
            found += [Diagnostic(f"{rel}/{f.name}", None, "info", "not read: the registries are "
                                 f"{' and '.join(sorted(registries))}", "registry-ignored")
                      for f in sorted(entry.iterdir()) if not f.name.startswith(".") and f.name not in registries]
        elif entry.is_dir():
            found.append(Diagnostic(rel, None, "info", "folder not read: articles are .txt files directly in "
                                    "seeds/", "seed-ignored"))
        else:
            suggested = slug_for(f"seeds/{Path(entry.name).stem}.txt") or "artikel"
            found.append(Diagnostic(rel, None, "info", "not read: articles are .txt files directly in seeds/ "
                                    f"(rename it to '{suggested}.txt' if it is one)", "seed-ignored"))
    return found


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


ParseResult = tuple[Article | None, list[Diagnostic]]


def _parse(item: tuple[str, bytes]) -> ParseResult:
    return read_and_parse(*item)


@dataclass(frozen=True)
class Digest:
    """What the corpus-wide steps of a lean load (`make check`) need of an article besides its
    annotation: id, path and the addresses it cites. Cached beside the parse, so a warm check
    unpickles this instead of every Article."""

    id: str
    path: str
    citations: tuple[tuple[str, Citation], ...]


def digest_of(article: Article) -> Digest:
    return Digest(article.id, article.path, citations_of(article))


def _digested(result: ParseResult) -> tuple[Digest | None, list[Diagnostic]]:
    article, diags = result
    return (digest_of(article) if article else None), diags


# A seed that could not be taken (its diagnostic), or one that could: (path, bytes, cache key).
SeedEntry = Diagnostic | tuple[str, bytes, str]


def _seed_entries(root: Path) -> list[SeedEntry]:
    """Every seed in file order: its name checked, its bytes read, its parse cache key."""
    version = cache.code_version(*PARSE_CODE)
    files: list[SeedEntry] = []
    owners: dict[str, str] = {}
    folders: dict[Path, Path] = {}
    for file in seed_files(root):
        rel = f"seeds/{file.name}"
        problem = _name_problem(file.name) or contributor_file_problem(root, file, folders)
        slug = slug_for(rel)
        if not problem and slug in owners:
            problem = f"file name gives the same page address 'artikel/{slug}/' as {owners[slug]}; rename one of them"
        if problem:
            files.append(Diagnostic(rel, None, "error", problem, "seed-name"))
            continue
        owners[slug] = rel
        try:
            data = file.read_bytes()
        except OSError as exc:
            files.append(Diagnostic(rel, None, "error", f"cannot be read: {exc.strerror or exc}", "seed-unreadable"))
            continue
        files.append((rel, data, cache.key(version, rel, data)))
    return files


class _Parses:
    """The parse cache (and its digests, kept beside it): `results` gives each seed's
    ParseResult, from the cache or parsed as one batch (on every core when it is large)."""

    def __init__(self, root: Path) -> None:
        self.store, self.digests = cache.Store(root, "parse"), cache.Store(root, "digest")

    def results(self, entries: list[tuple[str, bytes, str]],
                meanwhile: Callable[[bool], None] | None = None) -> list[ParseResult]:
        """`meanwhile`: see map_in_order (the rest of the corpus set-up, while workers parse)."""
        found: list[ParseResult | None] = [self.store.get(name) for _, _, name in entries]
        missing = [(rel, data) for (rel, data, _), hit in zip(entries, found, strict=True) if hit is None]
        parsed = iter(map_in_order(_parse, missing, meanwhile=meanwhile))
        done: list[ParseResult] = []
        for (_, _, name), hit in zip(entries, found, strict=True):
            if hit is None:
                hit = next(parsed)
                self.store.put(name, hit)
                self.digests.put(name, _digested(hit))
            self.digests.used.add(name)          # written with the parse: keep it
            done.append(hit)
        return done

    def prune(self) -> None:
        self.store.prune()
        self.digests.prune()


def _in_order(entries: list[SeedEntry], results: list[tuple[T | None, list[Diagnostic]]],
              keys: dict[str, str] | None, ident: Callable[[T], str]) -> tuple[list[T], list[Diagnostic]]:
    """The loaded values and every diagnostic in file order; `keys` receives each value's key."""
    values: list[T] = []
    diags: list[Diagnostic] = []
    taken = iter(results)
    for entry in entries:
        if isinstance(entry, Diagnostic):
            diags.append(entry)
            continue
        value, found = next(taken)
        diags += found
        if value is None:
            continue
        values.append(value)
        if keys is not None:
            keys[ident(value)] = entry[2]
    return values, diags


def load_articles(root: Path, keys: dict[str, str] | None = None, *,
                  meanwhile: Callable[[bool], None] | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """Every seed's Article and diagnostics; parses come from the cache when the seed's
    bytes, path and the parser's code are unchanged. `keys`, when given, receives each
    article's cache key (by article id) for the annotation cache; `meanwhile` runs while
    workers parse (map_in_order)."""
    entries = _seed_entries(root)
    parses = _Parses(root)
    results = parses.results([e for e in entries if not isinstance(e, Diagnostic)], meanwhile)
    parses.prune()
    return _in_order(entries, results, keys, lambda a: a.id)


def load_digests(root: Path, keys: dict[str, str], *, meanwhile: Callable[[bool], None] | None = None
                 ) -> tuple[list[Digest], list[Diagnostic], Callable[[list[str]], list[Article]]]:
    """load_articles for a lean load: each seed's Digest, from the cache when it holds one, and
    a function that gives articles by id (cached or parsed), for those that must be annotated."""
    entries = _seed_entries(root)
    parses = _Parses(root)
    taken = [e for e in entries if not isinstance(e, Diagnostic)]
    stored: list[tuple[Digest | None, list[Diagnostic]] | None] = [parses.digests.get(e[2]) for e in taken]
    missing = [e for e, hit in zip(taken, stored, strict=True) if hit is None]
    fresh = dict(zip((name for _, _, name in missing), parses.results(missing, meanwhile), strict=True))
    for name, result in fresh.items():       # a parse cached without its digest: add it
        parses.digests.put(name, _digested(result))
    results = [hit if hit is not None else _digested(fresh[e[2]]) for e, hit in zip(taken, stored, strict=True)]
    parses.store.used.update(name for _, _, name in taken)    # a lean load reads few of them: keep them
    parses.prune()
    digests, diags = _in_order(entries, results, keys, lambda d: d.id)
    by_key = {name: (rel, data, name) for rel, data, name in taken}

    def articles_of(ids: list[str]) -> list[Article]:
        wanted = [keys[i] for i in ids]
        known = {name: hit for name in wanted if (hit := fresh.get(name))}
        known.update(zip((n for n in wanted if n not in known),
                         parses.results([by_key[n] for n in wanted if n not in known]), strict=True))
        return [cast(Article, known[name][0]) for name in wanted]
    return digests, diags, articles_of


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


# Per article: actor mentions, dated passages, their diagnostics, probable variants of known
# names, sightings of unknown names (grouped into people for the whole corpus afterwards).
Annotated = tuple[list[Mention], list[EventMention], list[Diagnostic], list[Candidate], list[Sighting]]

# The matcher and actors of the running annotation, in this process or in a forked worker.
_ANNOTATING: list[tuple[Matcher, list[Actor]]] = []
# Articles per batch: one find_sightings call (it sets up a finder) and one unit of work for a
# worker process.
BATCH = 20


def _annotate(batch: list[Article]) -> tuple[list[Annotated], list[tuple[tuple[str, str], float]]]:
    """Each article's Annotated (candidates found for the batch at once; each article gets
    its own), and the word frequencies looked up meanwhile (a forked worker hands them back
    for the cache)."""
    matcher, actors = _ANNOTATING[0]
    before = len(namewords.ZIPF)
    done = []
    for article in batch:
        mentions = find_mentions(matcher, article)
        dated, diags = find_event_mentions(article, mentions)
        done.append((mentions, dated, diags))
    variants, sightings = find_sightings(matcher, actors, batch, [m for mentions, _, _ in done for m in mentions])
    own: dict[str, tuple[list[Candidate], list[Sighting]]] = {a.id: ([], []) for a in batch}
    for variant in variants:
        own[variant.article][0].append(variant)
    for sighting in sightings:
        own[sighting.article][1].append(sighting)
    looked_up = list(namewords.ZIPF.items())[before:]
    return [(*hit, *own[article.id]) for article, hit in zip(batch, done, strict=True)], looked_up


def annotate_articles(root: Path, ids: list[str], articles_of: Callable[[list[str]], list[Article]],
                      matcher: Matcher, actors: list[Actor], keys: dict[str, str], actors_key: str | None, *,
                      lean: bool = False) -> tuple[list[Annotated], int]:
    """Per article: its actor mentions, its dated passages with their diagnostics, and its
    name candidates, and the number of mentions in all (`articles_of` gives the articles of
    ids, for those not in the cache); from the cache when the article, the
    actor registry (`actors_key`, None: do not cache) and the annotating code are unchanged.
    Candidates are found per article (find_candidates keys them by article and surface), so a
    call over a batch of articles gives each its own (tests/test_cache.py holds that equal to
    one call over all).

    The mentions are cached apart from the rest: they are most of an entry's objects, and a
    `lean` load (`make check`, which only counts them) leaves them out of the result, so a
    warm check does not unpickle them."""
    store, stored_mentions = cache.Store(root, "annotate"), cache.Store(root, "mentions")
    version = cache.key(cache.code_version(*ANNOTATE_CODE), actors_key or "")
    names = [cache.key(version, keys[i]) if actors_key and i in keys else None for i in ids]
    found: list[Annotated | None] = []
    counts: list[int] = []
    for name in names:
        rest = store.get(name) if name else None
        mentions = [] if rest is None or lean else stored_mentions.get(name or "")
        found.append(None if rest is None or mentions is None else (mentions, *rest[1:]))
        counts.append(rest[0] if rest else 0)
    missing = [i for i, hit in enumerate(found) if hit is None]
    _ANNOTATING[:] = [(matcher, actors)]       # for _annotate, here or in forked workers
    todo = articles_of([ids[i] for i in missing])
    batches = [todo[n:n + BATCH] for n in range(0, len(todo), BATCH)]
    results: list[Annotated] = []
    for hits, looked_up in map_in_order(_annotate, batches, min_items=2, chunksize=1):
        results += hits
        namewords.ZIPF.update(looked_up)
    for i, hit in zip(missing, results, strict=True):
        found[i], counts[i] = (([], *hit[1:]) if lean else hit), len(hit[0])
        if names[i]:
            store.put(names[i] or "", (len(hit[0]), *hit[1:]))
            stored_mentions.put(names[i] or "", hit[0])
    store.prune()
    if not lean:     # a lean load used none of the stored mentions: it may not prune them
        stored_mentions.prune()
    return [hit for hit in found if hit is not None], sum(counts)


def candidate_order(candidate: Candidate) -> tuple[str, int, str]:
    """The order of find_candidates' result, for the candidates of many articles together."""
    return candidate.article, candidate.line, candidate.surface


def load_corpus(root: Path, *, lean: bool = False) -> Corpus:
    """Parse every seed and the registry, then annotate all texts with one matcher. A `lean`
    corpus (for `make check`) has no articles and no mentions, only their counts
    (`article_count`, `mention_count`)."""
    with paused_gc():
        return _load_corpus(root, lean)


@dataclass(frozen=True)
class _Setup:
    """The registry side of a corpus load: the actors, their diagnostics and the matcher."""

    actors: list[Actor]
    diagnostics: list[Diagnostic]
    matcher: Matcher
    actors_key: str | None
    stored_words: int           # word frequencies the cache held
    places_stored: bool         # whether it held the place names


def _set_up(root: Path, registries: cache.Store, workers_parse: bool) -> _Setup:
    """Load the actor registry, build the matcher and take what earlier runs looked up; when
    worker processes parse meanwhile (a large cold load), also load what the annotating
    workers would each load on their own: the German and English word frequencies and the
    place names (forked afterwards, they inherit them)."""
    actors_key = registry_key(root, ACTORS_REGISTRY, ("registry",))
    actors, more = cached(registries, actors_key, lambda: load_actors(root))
    matcher = build_matcher(actors)
    # The word frequencies earlier runs looked up (namewords.ZIPF): a few KB instead of loading
    # seven frequency lists for the words of one changed article.
    stored = registries.get(_words_key()) or {}
    namewords.ZIPF.update(stored)
    # Likewise the place names a name candidate is checked against (built from Babel's data).
    places = registries.get(_places_key())
    if places is not None and not namewords.PLACES:
        namewords.PLACES.append(places)
    if workers_parse:
        namewords.preload(("de", "en"))
    return _Setup(actors, more, matcher, actors_key, len(stored), places is not None)


def _words_key() -> str:
    return cache.key(cache.code_version("words"), "zipf")


def _places_key() -> str:
    return cache.key(cache.code_version("places"), "places")


def _load_corpus(root: Path, lean: bool) -> Corpus:
    keys: dict[str, str] = {}
    registries = cache.Store(root, "registry")
    setup: list[_Setup] = []

    def meanwhile(workers_parse: bool) -> None:
        setup.append(_set_up(root, registries, workers_parse))
    if lean:        # what the corpus-wide steps need of each article, not the articles
        digests, diags, articles_of = load_digests(root, keys, meanwhile=meanwhile)
        articles: list[Article] = []
    else:
        articles, diags = load_articles(root, keys, meanwhile=meanwhile)
        digests = [digest_of(a) for a in articles]
        by_id = {a.id: a for a in articles}

        def articles_of(ids: list[str]) -> list[Article]:
            return [by_id[i] for i in ids]
    ids = [d.id for d in digests]
    diags += unread_files(root)
    actors, matcher, actors_key = setup[0].actors, setup[0].matcher, setup[0].actors_key
    diags += setup[0].diagnostics
    annotated, mention_count = annotate_articles(root, ids, articles_of, matcher, actors, keys, actors_key,
                                                  lean=lean)
    mentions = [m for found, *_ in annotated for m in found]
    actors_readable = not any(d.path == ACTORS_REGISTRY and d.severity == "error" for d in diags)
    paths = {d.id: d.path for d in digests}
    if actors_readable:
        candidates = group_candidates([c for *_, variants, _ in annotated for c in variants],
                                      [n for *_, sightings in annotated for n in sightings])
        diags += [c.diagnostic(paths[c.article]) for c in candidates]
    else:
        # Without the registry every known name looks unknown: advice to add Lukaschenko to
        # it would bury the one error that matters.
        candidates = []
    actor_ids = {a.id for a in actors} if actors_readable else None
    events_key = registry_key(root, EVENTS_REGISTRY, ("events",), repr(sorted(actor_ids) if actor_ids else actor_ids))
    curated, more = cached(registries, events_key, lambda: load_events(root, actor_ids))
    if len(namewords.ZIPF) > setup[0].stored_words:      # this process knows more than the cache
        registries.put(_words_key(), dict(namewords.ZIPF))
    if namewords.PLACES and not setup[0].places_stored:  # built here (a forked worker's copy stays there)
        registries.put(_places_key(), namewords.PLACES[0])
    registries.prune()
    diags += more
    dated: list[EventMention] = []
    for _, found, more, *_ in annotated:
        dated += found
        diags += more
    events = build_events(curated, dated)
    # Over the per-article cap of timeline entries: one warning per article (the Chronik says
    # so too), so a file of thousands of dated lines can neither flood the site nor pass unseen.
    diags += [Diagnostic(paths[article], None, "warning",
                         f"{n} more dated passages match no curated event; at most {MAX_UNCURATED} per "
                         "article reach the timeline", "too-many-events")
              for event in events for article, n in event.left_out]
    return Corpus(tuple(articles), tuple(merge_sources(d.citations for d in digests)), tuple(fold_repeats(diags)),
                  tuple(actors),
                  tuple(mentions), tuple(candidates), tuple(events), mention_count, len(digests))
