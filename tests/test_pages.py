"""Pages that do not grow with the corpus: bounded actor pages with the full list in the open
data, a Chronik split into parts past its bound, and search entries only for what is searched.
Throw-away projects through the core (no site build)."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, make_project
from dossier.annotate.sentences import context_span
from dossier.index.corpus import Corpus, load_corpus
from dossier.index.sources import Citation, Source
from dossier.render.actor_stats import author_names
from dossier.render.bounds import MAX_ARTICLES, MAX_LINKS, MAX_PLACES, MIN_PER_ARTICLE, select
from dossier.render.events import date_annotator, event_link, render_event
from dossier.render.german import number
from dossier.render.opendata import event_record, page_url
from dossier.render.site import Generated, generate, pdf_plan
from dossier.render.sources import render_sources
from dossier.render.timeline import chronik_links, chronik_pages, render_chronik, render_timeline

ACTOR = "alexander-lukaschenko"


def report(i: int, mentions: int) -> str:
    """An article of its own shape: a numbered headline, a date, `mentions` paragraphs naming
    Lukaschenko in different words and one naming nobody."""
    verbs = ("empfing Gäste", "sprach über Handel", "reiste nach Moskau", "kritisierte die Sanktionen",
             "lobte die Landwirtschaft", "traf einen Gesandten", "eröffnete ein Werk")
    paragraphs = [f"Absatz {j} von Bericht {i}: Alexander Lukaschenko {verbs[(i + j) % len(verbs)]}."
                  for j in range(mentions)]
    return "\n\n".join([f"Bericht {i} aus Minsk über den Präsidenten", "17.11.2025",
                        *paragraphs, "Ein Absatz ohne Namen schließt den Bericht."]) + "\n"


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, Generated]]:
    """More articles than an actor page shows, with different numbers of mentions each."""
    seeds = {f"bericht-{i:02d}.txt": report(i, 1 + (i * 7) % 9) for i in range(MAX_ARTICLES + 6)}
    corpus = load_corpus(make_project(tmp_path_factory.mktemp("large"), seeds))
    return corpus, {g.path: g for g in generate(corpus)}


def schema(name: str) -> Any:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


def test_select_shows_everything_below_the_bounds() -> None:
    items = [("b", 1), ("a", 1), ("a", 2), ("b", 2), ("b", 3)]
    chosen = select(items, lambda item: item[0])
    assert not chosen.bounded
    assert [(g.article, g.shown, g.more) for g in chosen.groups] == [("a", (("a", 1), ("a", 2)), 0),
                                                                     ("b", (("b", 1), ("b", 2), ("b", 3)), 0)]
    assert (chosen.articles, chosen.items) == (2, 5)


def test_select_keeps_the_articles_with_most_items_and_caps_each() -> None:
    # article "x3" has 3 items, "x5" 5 … ; ties go to the smaller id
    items = [(f"x{n}", k) for n in (3, 5, 5, 9, 1, 7) for k in range(n)]
    chosen = select(items, lambda item: item[0], max_articles=3, max_places=8, min_per_article=2)
    assert chosen.bounded and (chosen.articles, chosen.items) == (5, 30)
    assert [g.article for g in chosen.groups] == ["x5", "x7", "x9"]      # top three, shown in id order
    assert [len(g.shown) for g in chosen.groups] == [2, 2, 2]             # 8 // 3 places each
    assert [g.more for g in chosen.groups] == [8, 5, 7]
    assert chosen.groups[0].shown == (("x5", 0), ("x5", 1))              # the first places, in given order


def test_a_bounded_actor_page_shows_the_top_articles_and_links_every_mention(
        large: tuple[Corpus, dict[str, Generated]]) -> None:
    corpus, files = large
    mentions = [m for m in corpus.mentions if m.actor == ACTOR]
    per_article: dict[str, int] = {}
    for m in mentions:
        per_article[m.article] = per_article.get(m.article, 0) + 1
    assert len(per_article) > MAX_ARTICLES
    page = files[f"akteure/{ACTOR}.md"].content
    headings = re.findall(r"^### \[.*\]\(\.\./artikel/(.+)\.md\)(.*)$", page, re.M)
    assert len(headings) == MAX_ARTICLES
    assert all(attrs == " { data-search-exclude }" for _, attrs in headings)   # no search entry each
    top = sorted(per_article, key=lambda a: (-per_article[a], a))[:MAX_ARTICLES]
    assert sorted(a for a, _ in headings) == sorted(top)
    contexts = re.findall(r"^- „.*<small>\(erkannt als", page, re.M)
    assert MIN_PER_ARTICLE * MAX_ARTICLES <= len(contexts) <= MAX_PLACES
    assert f"[Alle {number(len(mentions))} Erwähnungen als JSON](../data/akteure/{ACTOR}.json)" in page
    left = len(per_article) - MAX_ARTICLES
    assert f"{left} weitere Artikel nennen Alexander Lukaschenko" in page
    data = json.loads(files[f"data/akteure/{ACTOR}.json"].content)
    jsonschema.validate(data, schema("actor-mentions.schema.json"))
    assert len(data["mentions"]) == len(mentions)
    assert {m["article"] for m in data["mentions"]} == set(per_article)
    assert all(m["url"].startswith(f"artikel/{m['article']}/#zeile-") for m in data["mentions"])


def test_context_sentences_are_cut_only_for_the_places_shown(
        large: tuple[Corpus, dict[str, Generated]], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, files = large
    calls = []

    def counting(text: str, start: int, end: int) -> tuple[int, int]:
        calls.append(start)
        return context_span(text, start, end)

    monkeypatch.setattr("dossier.render.actor_pages.context_span", counting)
    monkeypatch.setenv("DOSSIER_WORKERS", "1")     # counted here, not in forked workers
    regenerated = {g.path: g for g in generate(corpus)}
    assert regenerated[f"akteure/{ACTOR}.md"].content == files[f"akteure/{ACTOR}.md"].content
    shown = sum(len(re.findall(r"^- „.*<small>\(erkannt als", g.content, re.M))
                for path, g in regenerated.items() if path.startswith("akteure/"))
    assert len(calls) == shown < len(corpus.mentions)


def test_a_small_corpus_shows_every_mention_and_no_pointer(tmp_path: Path) -> None:
    corpus = load_corpus(make_project(tmp_path, {"a.txt": report(1, 5), "b.txt": report(2, 2)}))
    files = {g.path: g.content for g in generate(corpus)}
    page = files[f"akteure/{ACTOR}.md"]
    assert len(re.findall(r"^- „.*<small>\(erkannt als", page, re.M)) == 7
    assert "als JSON" not in page and "weitere Stelle" not in page
    assert len(json.loads(files[f"data/akteure/{ACTOR}.json"])["mentions"]) == 7


DATED = """Minsk empfängt Gäste aus Washington
17.11.2025
Am 3. März 2025 traf der US-Gesandte John Coale in Minsk mit Alexander Lukaschenko zusammen.

Am 12. April 2025 begnadigte Lukaschenko 30 Gefangene, darunter Maria Kolesnikowa.

Am 20. Mai 2024 reiste Swetlana Tichanowskaja nach Washington, um dort Abgeordnete zu treffen.

Am 7. Juni 2024 eröffnete Lukaschenko in Minsk ein neues Werk.
"""


def test_a_chronik_past_its_bound_is_split_and_every_link_finds_its_entry(tmp_path: Path) -> None:
    corpus = load_corpus(make_project(tmp_path, {"dated.txt": DATED}))
    events = list(corpus.events)
    actors = {a.id: a for a in corpus.actors}
    articles = {a.id: a for a in corpus.articles}
    auto = [e for e in events if not e.curated]
    assert len(auto) >= 3
    assert chronik_pages(events) == {}                         # below the bound: one page, as before
    assert render_chronik(events, actors, articles, {}) == [("chronik.md", render_timeline(events, actors, articles))]
    pages = chronik_pages(events, max_entries=1)               # every year too long: one page per month
    assert pages and all(re.fullmatch(r"chronik/\d{4}(-(\d\d|jahr))?\.md", p) for p in pages)
    assert sorted(e.id for held in pages.values() for e in held) == sorted(e.id for e in events)
    rendered = dict(render_chronik(events, actors, articles, pages))
    assert set(rendered) == {"chronik.md", *pages}
    links = chronik_links(pages)
    for event in auto:
        page = links[event.id]
        assert f'id="{event.id}"' in rendered[page]
        assert f"({page})" in rendered["chronik.md"]
        assert event_link(event, links) == f"{page}#{event.id}"
        assert event_record(event, links)["url"] == f"{page.removesuffix('.md')}/#{event.id}"
        jsonschema.validate([event_record(event, links)], schema("events.schema.json"))
    assert "../artikel/dated.md#zeile-" in rendered[links[auto[0].id]]
    annotate = date_annotator(events, chronik=links)
    linked = [i.render("x") for b in articles["dated"].blocks for i in annotate("dated", b.line, "text", b.text)]
    assert linked and all(re.search(r"\(\.\./(ereignisse/|chronik/\d{4})", md) for md in linked), linked


@pytest.mark.parametrize(("path", "url"), [("chronik.md", "chronik/"), ("chronik.md#x-1", "chronik/#x-1"),
                                           ("chronik/2022-06.md#a", "chronik/2022-06/#a"),
                                           ("ereignisse/gipfel.md", "ereignisse/gipfel/")])
def test_page_url(path: str, url: str) -> None:
    assert page_url(path) == url


def test_a_source_cited_everywhere_lists_its_first_citations_and_points_to_the_data(tmp_path: Path) -> None:
    seed = ("Quelle überall\n17.11.2025\n\nLukaschenko sprach (1).\n\nAnmerkungen:\n"
            "1. Siehe Bericht, online unter https://example.org/a.\n")
    corpus = load_corpus(make_project(tmp_path, {"q.txt": seed}))
    article = corpus.articles[0]
    many = Source("https://example.org/a", "example.org", tuple(Citation(article.id, 1) for _ in range(MAX_LINKS + 5)))
    page = render_sources([many], {article.id: article})
    assert page.count(", Anm. 1](artikel/q.md#") == MAX_LINKS
    assert "und 5 weitere Stellen (alle in [sources.json](data/sources.json))" in page
    few = render_sources([Source(many.url, many.domain, many.cited_in[:2])], {article.id: article})
    assert few.count(", Anm. 1](") == 2 and "weitere" not in few


def test_every_link_into_a_split_chronik_finds_its_entry_and_the_pdf_holds_every_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dossier.render.timeline.MAX_TIMELINE_ENTRIES", 1)
    corpus = load_corpus(make_project(tmp_path, {"dated.txt": DATED, "a.txt": report(1, 3)}))
    files = {g.path: g.content for g in generate(corpus)}
    parts = sorted(p for p in files if p.startswith("chronik/"))
    assert parts
    into_chronik = re.compile(r"\]\(([./a-z0-9-]*chronik[^)#\s]*)#([^)\s]+)")
    links = {(path, target, anchor) for path, content in files.items() if path.endswith(".md")
             for target, anchor in into_chronik.findall(content)}
    assert {source.split("/")[0] for source, _, _ in links} >= {"artikel", "akteure"}
    for source, target, anchor in links:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        assert f'id="{anchor}"' in files[resolved], (source, target, anchor)
    plan = pdf_plan(corpus, dt.date(2025, 1, 1))
    chronik = next(s for s in plan.sections if s.title == "Chronik")
    assert [p.url for p in chronik.pages] == ["chronik/", *(page_url(p) for p in parts)]


def release(i: int) -> str:
    """An English press release of its own shape reporting the curated June 2025 release."""
    return (f"Statement {i} on Belarus prisoners\nNov 17, 2025\n\nWASHINGTON – Office {i} welcomed progress.\n\n"
            f'"We were very encouraged by the June 21, 2025 release of {i + 2} political prisoners who had been '
            'unjustly held in Belarus," the lawmakers wrote.\n')


def test_a_much_reported_event_page_shows_the_top_articles_and_points_to_events_json(tmp_path: Path) -> None:
    seeds = {f"statement-{i:02d}.txt": release(i) for i in range(MAX_ARTICLES + 2)}
    corpus = load_corpus(make_project(tmp_path, seeds))
    event = next(e for e in corpus.events if e.id == "freilassung-tichanowski-2025-06")
    assert len({m.article for m in event.mentions}) == MAX_ARTICLES + 2
    page = render_event(event, {a.id: a for a in corpus.articles}, {a.id: a for a in corpus.actors})
    headings = re.findall(r"^### .*\{ data-search-exclude \}$", page, re.M)
    assert len(headings) == MAX_ARTICLES
    assert f"Alle {MAX_ARTICLES + 2} Berichte aus {MAX_ARTICLES + 2} Artikeln stehen in den " \
           "[offenen Daten](../data/events.json)" in page
    assert "2 weitere Artikel berichten davon" in page


def test_a_long_article_list_is_split_by_year_and_month_and_every_article_is_listed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_LISTED rows the list is an overview with the newest articles and one page per
    year (per month, in numbered parts, where a year holds more), undated ones apart; every
    link resolves and every article stands on exactly one part."""
    monkeypatch.setattr("dossier.render.articles.MAX_LISTED", 2)
    monkeypatch.setattr("dossier.render.articles.NEWEST", 2)
    dates = ["2024-03-01", "2025-01-05", "2025-01-20", "2025-01-28", "2025-02-02", None]
    seeds = {f"a{i}.txt": f"---\ndate: {d}\n---\n" + report(i, 1) if d else
             report(i, 1).replace("17.11.2025\n", "") for i, d in enumerate(dates)}
    corpus = load_corpus(make_project(tmp_path, seeds))
    files = {g.path: g for g in generate(corpus)}
    parts = sorted(p for p in files if p.startswith("artikelliste/"))
    assert parts == ["artikelliste/2024.md", "artikelliste/2025-01-teil-2.md", "artikelliste/2025-01.md",
                     "artikelliste/2025-02.md", "artikelliste/ohne-datum.md"]
    assert files["artikel/index.md"].in_nav and not any(files[p].in_nav for p in parts)
    listed = [target for p in parts for target in re.findall(r"\]\(\.\./artikel/([a-z0-9_-]+)\.md\)",
                                                             files[p].content)]
    assert sorted(t for t in listed if t != "index") == sorted(a.id for a in corpus.articles)   # index: the way back
    assert "# Artikel Januar 2025 (Teil 2)" in files["artikelliste/2025-01-teil-2.md"].content
    index = files["artikel/index.md"].content
    for target in re.findall(r"\]\(([^)\s]+\.md)\)", index):
        assert posixpath.normpath(posixpath.join("artikel", target)) in files, target
    assert index.count("\n| ") == 1 + 2         # the header and the two newest


def test_an_article_list_within_its_bound_is_one_page(tmp_path: Path) -> None:
    corpus = load_corpus(make_project(tmp_path, {"a.txt": report(1, 1), "b.txt": report(2, 1)}))
    paths = [g.path for g in generate(corpus)]
    assert "artikel/index.md" in paths and not any(p.startswith("artikelliste/") for p in paths)


def test_an_endless_sentence_does_not_make_the_actor_page_quote_all_of_it(tmp_path: Path) -> None:
    """A pasted block without sentence ends naming an actor thousands of times: each quote is a
    window around its mention, so the page stays small (it used to hold the block 120 times)."""
    run_on = "Alexander Lukaschenko traf am 21. Juni 2025 Donald Trump und sprach lange " * 2000
    corpus = load_corpus(make_project(tmp_path, {"a.txt": f"Ein Titel\n\n17.11.2025\n\n{run_on}\n"}))
    files = {g.path: g.content for g in generate(corpus)}
    page = files[f"akteure/{ACTOR}.md"]
    quotes = re.findall(r"^- „(.*)“ — ", page, re.M)
    assert len(quotes) == MAX_PLACES
    assert max(len(q) for q in quotes) < 1000
    assert len(page) < 200_000 and all(len(c) < 400_000 for p, c in files.items() if not p.startswith("artikel/"))


def test_a_sentence_naming_the_actor_twice_is_one_quote_with_both_in_bold(tmp_path: Path) -> None:
    seed = ("Ein Titel\n\n17.11.2025\n\nAlexander Lukaschenko sprach, und Lukaschenko blieb. "
            "Danach sprach Alexander Lukaschenko allein.\n")
    corpus = load_corpus(make_project(tmp_path, {"a.txt": seed}))
    page = {g.path: g.content for g in generate(corpus)}[f"akteure/{ACTOR}.md"]
    quotes = re.findall(r"^- „(.*)“ — .*<small>\(erkannt als (.*)\)</small>$", page, re.M)
    assert [q for q, _ in quotes] == ["**Alexander Lukaschenko** sprach, und **Lukaschenko** blieb.",
                                      "Danach sprach **Alexander Lukaschenko** allein."], quotes
    assert "Alexander Lukaschenko" in quotes[0][1] and "Lukaschenko, nur Nachname" in quotes[0][1], quotes
    assert "(3 Stellen in 1 Artikel)" in page


@pytest.mark.parametrize(("field", "names"), [
    ("Thomas Latschan", ["Thomas Latschan"]),
    ("Von Thomas Latschan", ["Thomas Latschan"]),
    ("Jane Roe und Thomas Latschan", ["Jane Roe", "Thomas Latschan"]),
    ("By Jane Roe, John Doe & Max Muster", ["Jane Roe", "John Doe", "Max Muster"]),
    ("Jane Roe and John Doe / dpa", ["Jane Roe", "John Doe", "dpa"]),
])
def test_author_names_are_split_from_the_byline(field: str, names: list[str]) -> None:
    assert author_names(field) == names


def test_an_author_in_the_registry_gets_their_articles_and_a_linked_byline(tmp_path: Path) -> None:
    """A byline is no mention, but the author's page must not say 'not mentioned' and nothing
    else: it lists the articles they wrote, and each byline links to it."""
    seeds = {"a.txt": "---\nauthor: Thomas Latschan\n---\nEin Titel\n\n17.11.2025\n\nAlexander Lukaschenko sprach.\n",
             "b.txt": "---\nauthor: Jane Roe und Thomas Latschan\n---\nZweiter Titel\n\n18.11.2025\n\nText.\n",
             "c.txt": "---\nauthor: Jane Roe\n---\nDritter Titel\n\n19.11.2025\n\nText.\n"}
    corpus = load_corpus(make_project(tmp_path, seeds))
    files = {g.path: g.content for g in generate(corpus)}
    page = files["akteure/thomas-latschan.md"]
    assert "Im Dossier Autor von 2 Artikeln, in den Texten nicht erwähnt." in page
    section = page.split("## Artikel von Thomas Latschan")[1].split("\n## ")[0]
    assert re.findall(r"\]\(\.\./artikel/([^.]+)\.md\)", section) == ["b", "a"]     # newest first
    assert "· [Thomas Latschan](../akteure/thomas-latschan.md)" in files["artikel/a.md"]
    assert "akteure/thomas-latschan" not in files["artikel/b.md"].split("\n{ .dossier-byline }")[0]
    assert "Autor von" not in files[f"akteure/{ACTOR}.md"]
    assert "## Erwähnungen" not in page and "## Erwähnungen" in files[f"akteure/{ACTOR}.md"]
