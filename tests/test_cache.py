"""The cache of parsed and annotated articles: a cached corpus is the uncached corpus."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import wordfreq

from conftest import make_project
from dossier.annotate.candidates import Candidate, Sighting, find_candidates, find_sightings, group_candidates
from dossier.annotate.match import Matcher, build_matcher
from dossier.annotate.mentions import Mention, find_mentions
from dossier.index import cache, corpus
from dossier.index.corpus import load_corpus, read_and_parse
from dossier.model import Article, Diagnostic
from dossier.render.site import generate

FIXTURE = (Path(__file__).parent / "fixtures" / "articles" / "contributor_de.txt").read_text(encoding="utf-8")

# Shaped unlike the seeds: English, no front matter, a dateline, a note list with letters.
ENGLISH = """Minsk frees prisoners after envoy's visit

By Jane Roe

MINSK, June 21, 2025 — Alexander Lukashenko released Siarhei Tsikhanouski on Saturday after
a meeting with Keith Kellogg, the U.S. envoy.[a] Sviatlana Tsikhanouskaya welcomed the step.

On September 11, 2025, 52 more prisoners were freed.[b] Former adviser John Bolton and the
journalist Andrey Kuznechyk commented; Tsikhanouskya thanked Washington.

Notes
a. https://example.org/kellogg?utm_source=x
b. Press statement, September 11, 2025.
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DOSSIER_CACHE", raising=False)
    monkeypatch.delenv("DOSSIER_CACHE_DIR", raising=False)
    return make_project(tmp_path, {"beispiel.txt": FIXTURE, "english-note.txt": ENGLISH, "kaputt.txt": b"\xff\xfe"})


def uncached(root: Path, monkeypatch: pytest.MonkeyPatch) -> corpus.Corpus:
    monkeypatch.setenv("DOSSIER_CACHE", "0")
    try:
        return load_corpus(root)
    finally:
        monkeypatch.delenv("DOSSIER_CACHE")


def entries(root: Path) -> set[Path]:
    return set((root / cache.FOLDER).rglob("*.pickle"))


def test_cached_corpus_and_pages_equal_uncached(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = uncached(project, monkeypatch)
    assert not entries(project)                       # DOSSIER_CACHE=0 writes nothing
    first = load_corpus(project)                      # fills the cache
    assert entries(project)
    second = load_corpus(project)                     # reads it
    assert plain.articles and plain.mentions and plain.events
    assert any(d.code == "seed-encoding" for d in plain.diagnostics)
    assert first == plain
    assert second == plain
    assert generate(second) == generate(plain)


def test_warm_cache_parses_and_annotates_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = load_corpus(project)
    calls: list[str] = []

    def parse(rel: str, data: bytes) -> tuple[Article | None, list[Diagnostic]]:
        calls.append(rel)
        return read_and_parse(rel, data)

    def mentions(matcher: Matcher, article: Article) -> list[Mention]:
        calls.append(article.id)
        return find_mentions(matcher, article)

    monkeypatch.setattr(corpus, "read_and_parse", parse)
    monkeypatch.setattr(corpus, "find_mentions", mentions)
    assert load_corpus(project) == cold
    assert calls == []


def test_changed_seed_is_parsed_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus(project)
    seed = project / "seeds" / "english-note.txt"
    seed.write_text(ENGLISH.replace("52 more prisoners", "Maria Kalesnikava and 51 more prisoners"),
                    encoding="utf-8")
    parsed: list[str] = []

    def parse(rel: str, data: bytes) -> tuple[Article | None, list[Diagnostic]]:
        parsed.append(rel)
        return read_and_parse(rel, data)

    monkeypatch.setattr(corpus, "read_and_parse", parse)
    warm = load_corpus(project)
    assert parsed == ["seeds/english-note.txt"]
    monkeypatch.setattr(corpus, "read_and_parse", read_and_parse)
    assert warm == uncached(project, monkeypatch)
    assert any("Kalesnikava" in b.text for a in warm.articles for b in a.blocks)


def test_changed_registry_annotates_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = project / "seeds" / "registry" / "actors.yml"
    new = """
- id: test-envoy
  name: Quentin Probenbaum
  kind: person
  gender: m
  description: Testperson
"""
    seed = project / "seeds" / "english-note.txt"
    seed.write_text(ENGLISH + "\nQuentin Probenbaum, the envoy, was not present.\n", encoding="utf-8")
    before = load_corpus(project)           # the new text is cached, under the old registry
    registry.write_text(registry.read_text(encoding="utf-8") + new, encoding="utf-8")
    after = load_corpus(project)
    assert after == uncached(project, monkeypatch)
    assert "test-envoy" not in {m.actor for m in before.mentions}
    assert "test-envoy" in {m.actor for m in after.mentions}


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_lean_corpus_is_the_corpus_without_its_mentions(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        warm: bool) -> None:
    """`make check` loads lean: the same sources, events, candidates and diagnostics, the
    articles and mentions only counted; and a lean load leaves the full one whole (nothing
    pruned)."""
    if warm:
        load_corpus(project)
    full = uncached(project, monkeypatch)
    lean = load_corpus(project, lean=True)
    assert full.mentions and full.mention_count == len(full.mentions)
    assert lean.mentions == () and lean.mention_count == full.mention_count
    assert lean.articles == () and lean.article_count == full.article_count == len(full.articles) == 2
    assert lean == dataclasses.replace(full, mentions=(), articles=())
    assert load_corpus(project) == full


def test_warm_lean_load_reads_digests_not_articles(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a build, a check after one seed changed parses only that seed and unpickles no
    other article: each unchanged one is known from its digest (id, path, citations)."""
    load_corpus(project)
    full = uncached(project, monkeypatch)
    seed = project / "seeds" / "english-note.txt"
    seed.write_text(ENGLISH + "\nOne more paragraph.\n", encoding="utf-8")
    read: list[str] = []
    get = cache.Store.get

    def recording(store: cache.Store, name: str) -> object:
        read.append(store.folder.name)
        return get(store, name)

    parsed: list[str] = []

    def parse(rel: str, data: bytes) -> corpus.ParseResult:
        parsed.append(rel)
        return read_and_parse(rel, data)

    monkeypatch.setattr(cache.Store, "get", recording)
    monkeypatch.setattr(corpus, "read_and_parse", parse)
    lean = load_corpus(project, lean=True)
    assert parsed == ["seeds/english-note.txt"]
    assert read.count("digest") == 3 and read.count("parse") == 1     # one per seed; the changed one misses
    monkeypatch.setattr(cache.Store, "get", get)
    monkeypatch.setattr(corpus, "read_and_parse", read_and_parse)
    changed = uncached(project, monkeypatch)
    assert lean == dataclasses.replace(changed, mentions=(), articles=())
    assert changed != full


def test_broken_entries_are_recomputed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = uncached(project, monkeypatch)
    load_corpus(project)
    for entry in entries(project):
        entry.write_bytes(b"not a pickle")
    assert load_corpus(project) == plain


def test_cache_stays_out_of_seeds_and_docs(project: Path) -> None:
    load_corpus(project)
    assert all(cache.FOLDER.parts[0] == p.relative_to(project).parts[0] for p in entries(project))


def test_unused_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_CACHE", raising=False)
    monkeypatch.delenv("DOSSIER_CACHE_DIR", raising=False)
    store = cache.Store(tmp_path, "parse")
    for i in range(cache.PRUNE_MARGIN + 10):
        store.put(f"old{i}", i)
    fresh = cache.Store(tmp_path, "parse")
    fresh.put("new", 1)
    assert fresh.get("new") == 1
    fresh.prune()
    assert [p.name for p in store.folder.iterdir()] == ["new.pickle"]


def test_code_version_changes_with_any_module_of_the_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "dossier"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    cache.code_version.cache_clear()
    before = cache.code_version("parse")
    (package / "render" / "german.py").write_text("# changed\n", encoding="utf-8")
    cache.code_version.cache_clear()
    assert cache.code_version("parse") != before
    cache.code_version.cache_clear()


@pytest.mark.parametrize("parts", [("a", "bc"), ("ab", "c"), ("abc",), ("a", b"bc", "")])
def test_key_separates_parts(parts: tuple[str | bytes, ...]) -> None:
    others = [("a", "bc"), ("ab", "c"), ("abc",), ("a", b"bc", "")]
    assert sum(cache.key(*parts) == cache.key(*o) for o in others) == 1


def test_candidates_per_article_equal_candidates_of_all(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The annotation cache keeps each article's sightings; grouping them into people for the
    whole corpus must give what one call over the whole corpus gives."""
    whole = uncached(project, monkeypatch)
    matcher = build_matcher(list(whole.actors))
    together = find_candidates(matcher, list(whole.actors), list(whole.articles), list(whole.mentions))
    assert together
    assert list(whole.candidates) == together
    variants: list[Candidate] = []
    sightings: list[Sighting] = []
    for a in whole.articles:
        found = find_sightings(matcher, list(whole.actors), [a], [m for m in whole.mentions if m.article == a.id])
        variants += found[0]
        sightings += found[1]
    assert group_candidates(variants, sightings) == together


def test_a_new_person_is_counted_across_articles_when_one_article_changes(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts and article lists of a new person are corpus-wide, also when the cache holds
    every article but the changed one."""
    text = "Titel\n17. September 2025\nDie Aktivistin Walentina Kowalenko sprach mit Alexander Lukaschenko.\n"
    root = make_project(tmp_path, {"a.txt": text, "b.txt": text.replace("sprach", "stritt")})
    load_corpus(root)                                   # fills the cache
    (root / "seeds" / "b.txt").write_text(text.replace("sprach", "verhandelte"), encoding="utf-8")
    cached = [c for c in load_corpus(root).candidates if c.surface == "Walentina Kowalenko"]
    assert [(c.mentions, c.articles) for c in cached] == [(2, ("a", "b"))] * 2
    assert load_corpus(root).candidates == uncached(root, monkeypatch).candidates


def test_word_frequencies_come_from_the_cache_after_a_small_change(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed article whose words were seen before asks wordfreq nothing (loading its lists
    costs a second): the looked-up frequencies are kept in the cache, with wordfreq's values."""
    from dossier.annotate import namewords
    text = "Titel\n17. September 2025\nDie Aktivistin Walentina Kowalenko sprach mit Alexander Lukaschenko.\n"
    root = make_project(tmp_path, {"a.txt": text})
    first = load_corpus(root)
    assert namewords.ZIPF
    remembered = dict(namewords.ZIPF)
    namewords.ZIPF.clear()             # as in a new process: nothing looked up yet
    namewords.is_common_word.cache_clear()
    namewords.looks_like_given_name.cache_clear()

    def no_lookup(word: str, language: str) -> float:
        raise AssertionError(f"wordfreq asked about {word!r} ({language})")
    monkeypatch.setattr(wordfreq, "zipf_frequency", no_lookup)     # namewords imports it when it asks
    (root / "seeds" / "a.txt").write_text(text + "\nWalentina Kowalenko sprach.\n", encoding="utf-8")
    again = load_corpus(root)
    assert remembered == namewords.ZIPF
    assert [c.surface for c in again.candidates][:1] == [c.surface for c in first.candidates][:1]


def test_digests_survive_a_full_load_and_come_back_when_deleted(project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A full load (a build) keeps every seed's digest for the next `make check`, also when
    pruning is eager; a lean load writes any digest that is missing beside its parse."""
    monkeypatch.setattr(cache, "PRUNE_MARGIN", 0)
    load_corpus(project)
    folder = project / cache.FOLDER / "digest"
    assert len(list(folder.glob("*.pickle"))) == 3          # one per seed, the unreadable one too
    shutil.rmtree(folder)
    lean = load_corpus(project, lean=True)
    assert len(list(folder.glob("*.pickle"))) == 3
    assert load_corpus(project, lean=True) == lean
