"""Built actor pages, glossary, open data and search: the reader's view of issue 3."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from conftest import ROOT, Build, make_project, run_build
from dossier.index.corpus import load_corpus
from dossier.render.actor_links import linkable


def load(build: Build, name: str) -> Any:
    return json.loads((build.site / "data" / name).read_text(encoding="utf-8"))


def schema(name: str) -> Any:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


def test_actors_and_candidates_json_match_their_schemas(real_build: Build) -> None:
    actors = load(real_build, "actors.json")
    jsonschema.validate(actors, schema("actors.schema.json"))
    candidates = load(real_build, "candidates.json")
    jsonschema.validate(candidates, schema("candidates.schema.json"))
    people = load(real_build, "unknown-people.json")
    jsonschema.validate(people, schema("unknown-people.schema.json"))
    # each unknown person once, with every article that names them; the candidates refer to it
    by_person = {p["person"]: p for p in people}
    assert len(by_person) == len(people)
    unknown = [c for c in candidates if c["reason"] == "unknown-name"]
    assert {c["person"] for c in unknown} == set(by_person)
    assert all(c["article"] in by_person[c["person"]]["articles"] for c in unknown)
    assert all(p["entry"].startswith(f"- id: {p['person']}\n") for p in people)
    by_id = {a["id"]: a for a in actors}
    forms = {v["form"] for v in by_id["sergej-tichanowski"]["variants"]}
    assert {"Sergej Tichanowski", "Sergej Tichanowskij", "Sjarhej Zichanouski", "Siarhei Tsikhanouski",
            "Sergey Tikhanovsky"} <= forms
    assert {"Swetlana Tichanowskaja", "Swjatlana Zichanouskaja", "Sviatlana Tsikhanouskaya"} <= {
        v["form"] for v in by_id["swetlana-tichanowskaja"]["variants"]}
    assert {"form": "Alexander Lukashenko", "source_form": None, "language": None, "scheme": None} in \
        by_id["alexander-lukaschenko"]["variants"]
    articles = {a["id"] for a in load(real_build, "articles.json")}
    assert {m["article"] for a in actors for m in a["mentions"]} <= articles


def test_article_text_links_mentions_to_actor_pages(real_build: Build) -> None:
    page = real_build.page("artikel/000_150b3505b4883b8c")
    assert 'href="../../akteure/john-herbst/"' in page
    other = real_build.page("artikel/004_b82fb9a90bbfc716")
    assert 'href="../../akteure/john-herbst/"' not in other        # "vom Herbst 2014"
    assert "title=\"Sergej Tichanowski: belarussischer Oppositioneller" in other
    assert other.count('href="../../akteure/usa/"') == 1                 # states: first mention per article
    # People: first mention per section, never in headings.
    corpus = load_corpus(real_build.root)
    for article, html in (("000_150b3505b4883b8c", page), ("004_b82fb9a90bbfc716", other)):
        body = html.split('<article', 1)[1].split('<div class="footnote"', 1)[0]
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", body, re.S):
            assert "akteure/" not in heading
        for actor in ("donald-trump", "john-herbst"):
            sections = {m.section for m in corpus.mentions if m.article == article and m.actor == actor
                        and linkable(m)}
            assert body.count(f'href="../../akteure/{actor}/"') == len(sections)


def test_actor_page_shows_spellings_mentions_and_sources(real_build: Build) -> None:
    page = real_build.page("akteure/swetlana-tichanowskaja")
    for spelling in ("Tichanowskaja", "Zichanouskaja", "Tsikhanouskaya", "Cichanoŭskaja", "Святлана Ціханоўская"):
        assert spelling in page
    assert "Englisch (Presse, Reisepass)" in page and "Deutsch (de.wikipedia, belarussisch)" in page
    assert 'href="../../artikel/004_b82fb9a90bbfc716/#fn:11"' in page
    assert "lrt.lt" in page
    assert "Gemeinsam genannt mit" in page


def test_navigation_has_actors_and_glossary(real_build: Build) -> None:
    nav = real_build.page("quellen").split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "Akteure" in nav and "Glossar" in nav and "alexander-lukaschenko" not in nav


def test_search_for_a_variant_finds_the_actor_page(real_build: Build) -> None:
    index = json.loads((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = {d["location"].split("#")[0] for d in index["docs"] if "Tsikhanouski" in d["text"]}
    assert "akteure/sergej-tichanowski/" in hits and "glossar/" in hits
    glossary = real_build.page("glossar")
    assert "Tsikhanouski, Siarhei" in glossary and "Zichanouski, Sjarhej" in glossary
    actor_docs = [d for d in index["docs"] if d["location"].startswith("akteure/sergej-tichanowski/")]
    assert not any("Regimekritiker" in d["text"] for d in actor_docs)   # context snippets stay out


ENGLISH = """Belarus frees dissident after US envoy visit
June 22, 2025
By Jane Doe
Aliaksandr Lukashenka released Siarhei Tsikhanouski on Saturday. Sviatlana Tsikhanouskaya's office in Vilnius
welcomed the step; Tsikhanouski is her husband. Lukashenka’s spokesman declined to comment.
"""
GERMAN = """Lukaschenka lässt Zichanouski frei
Aljaksandr Lukaschenka hat Sjarhej Zichanouski begnadigt. Swjatlana Zichanouskaja dankte; Lukaschenkas Sprecher schwieg.
"""


def test_contributor_articles_link_without_registry_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"en.txt": ENGLISH, "de.txt": GERMAN})
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.log
    actors = {a["id"]: {m["article"]: m["count"] for m in a["mentions"]} for a in load(build, "actors.json")}
    # The German title line names both men too; it counts (it is never linked).
    assert actors["alexander-lukaschenko"] == {"en": 2, "de": 3}
    assert actors["sergej-tichanowski"] == {"en": 2, "de": 2}
    assert actors["swetlana-tichanowskaja"] == {"en": 1, "de": 1}
    assert 'href="../../akteure/sergej-tichanowski/"' in build.page("artikel/en")


def test_edit_buttons_open_the_file_to_change(real_build: Build) -> None:
    def edit_link(url: str) -> str:
        page = real_build.page(url)
        return page.split('class="md-content__button md-icon" rel="edit"')[0].rsplit('<a href="', 1)[1].split('"')[0]

    assert edit_link("artikel/004_b82fb9a90bbfc716").endswith("/edit/main/seeds/004_b82fb9a90bbfc716.txt")
    registry = (ROOT / "seeds" / "registry" / "actors.yml").read_text(encoding="utf-8").splitlines()
    actor = edit_link("akteure/john-herbst")
    assert "/edit/main/seeds/registry/actors.yml#L" in actor
    assert registry[int(actor.rsplit("#L", 1)[1]) - 1] == "- id: john-herbst"
    assert edit_link("ereignisse/sapad-2025").split("#L")[0].endswith("/edit/main/seeds/registry/events.yml")
    assert edit_link("methode").endswith("/edit/main/docs/methode.md")


def test_spelling_counts_include_genitives_and_surnames(real_build: Build) -> None:
    page = real_build.page("akteure/alexander-lukaschenko")
    row = page.split("<td>Alexander Lukaschenko</td>")[1].split("</tr>")[0]
    counted = int(row.rsplit("<td>", 1)[1].split(" Mal")[0])
    mentions = {a["id"]: sum(m["count"] for m in a["mentions"])
                for a in json.loads((real_build.site / "data" / "actors.json").read_text(encoding="utf-8"))}
    # "Alexander Lukaschenko" is named 8 times in full; its surname alone and "Lukaschenkos" count to it as well
    assert 8 < counted <= mentions["alexander-lukaschenko"]
