"""Properties that hold for any valid corpus, checked on the real seeds plus articles a
contributor might add (the German contributor fixture and an English press statement).
Adding a well-formed article to seeds/ must keep every one of them true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project
from dossier.index.corpus import Corpus, load_corpus
from dossier.render.site import generate

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
EXTRA = ("contributor_de.txt", "en_statement.txt")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The real seeds and registries plus two contributed articles, in a throw-away project."""
    seeds: dict[str, bytes | str] = {p.name: p.read_bytes() for p in (ROOT / "seeds").glob("*.txt")}
    seeds.update({name: (FIXTURES / name).read_bytes() for name in EXTRA})
    return load_corpus(make_project(tmp_path_factory.mktemp("grown"), seeds))


@pytest.fixture(scope="module")
def real() -> Corpus:
    return load_corpus(ROOT)


@pytest.mark.parametrize("which", ["real", "grown"])
def test_corpus_properties(which: str, request: pytest.FixtureRequest) -> None:
    corpus: Corpus = request.getfixturevalue(which)
    assert not [d.format() for d in corpus.diagnostics if d.severity in ("error", "warning")]
    ids = {a.id for a in corpus.articles}
    actors = {a.id for a in corpus.actors}
    assert all(m.article in ids and m.actor in actors for m in corpus.mentions)
    assert all(c.article in ids for s in corpus.sources for c in s.cited_in) and all(s.cited_in for s in corpus.sources)
    for event in corpus.events:
        assert all(m.article in ids for m in event.mentions)
        assert event.curated or event.mentions
    pages = generate(corpus)
    assert len({p.path for p in pages}) == len(pages)
    for page in pages:
        if page.path.startswith("artikel/") and page.path != "artikel/index.md":
            defined = set(re.findall(r"^\[\^(\d+)\]:", page.content, re.MULTILINE))
            used = set(re.findall(r"\[\^(\d+)\](?!:)", page.content))
            assert defined == used, page.path   # every footnote has its marker, so a back-link


def test_contributed_articles_join_the_corpus(grown: Corpus, real: Corpus) -> None:
    assert {a.id for a in grown.articles} == {a.id for a in real.articles} | {"contributor_de", "en_statement"}
    statement = next(a for a in grown.articles if a.id == "en_statement")
    assert statement.title.value == "Statement on the Release of Political Prisoners in Belarus"
    named = {m.actor for m in grown.mentions if m.article == "en_statement"}
    assert {"sergej-tichanowski", "swetlana-tichanowskaja", "keith-kellogg", "marco-rubio"} <= named
    release = next(e for e in grown.events if e.id == "freilassung-tichanowski-2025-06")
    assert {"004_b82fb9a90bbfc716", "en_statement"} <= {m.article for m in release.mentions}
