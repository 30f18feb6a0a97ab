"""Whole-site builds: the real seeds, hostile seeds, open data against its schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, Build, make_project, run_build, snapshot
from dossier.index.corpus import load_corpus


def schema(name: str) -> Any:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


def data(build: Build, name: str) -> Any:
    return json.loads((build.site / "data" / name).read_text(encoding="utf-8"))


def test_real_build_is_strict_clean(real_build: Build) -> None:
    assert "WARNING" not in real_build.log and "ERROR" not in real_build.log, real_build.log


def test_articles_json_matches_schema_and_holds_the_facts(real_build: Build) -> None:
    articles = data(real_build, "articles.json")
    jsonschema.validate(articles, schema("articles.schema.json"))
    by_id = {a["id"]: a for a in articles}
    first, second = by_id["000_150b3505b4883b8c"], by_id["004_b82fb9a90bbfc716"]
    assert (first["date"], first["date_source"], first["author"]) == ("2025-09-17", "text", "Thomas Latschan")
    assert first["source"] == "seeds/000_150b3505b4883b8c.txt" and first["url"] == "artikel/000_150b3505b4883b8c/"
    assert (second["date"], second["date_source"], second["author"], second["outlet"]) == (None, None, None, None)
    assert [n["number"] for n in second["footnotes"]] == list(range(1, 16))


def test_sources_json_matches_schema_and_links_back(real_build: Build) -> None:
    sources = data(real_build, "sources.json")
    jsonschema.validate(sources, schema("sources.schema.json"))
    urls = {s["url"]: s for s in sources}
    lrt = next(u for u in urls if "lrt.lt" in u)
    assert "utm_" not in lrt and [(c["article"], c["footnote"]) for c in urls[lrt]["cited_in"]] == [
        ("004_b82fb9a90bbfc716", 11)]
    assert urls[lrt]["cited_in"][0]["context"].startswith("Jurga Bakaitė, Tomas Valkauskas: Does Lithuania fund")
    # Properties that hold for any corpus: every source is cited, and every address the seed's
    # notes cite is a source (seed 004's notes 2-8, 10, 11, 13-15 cite 20 distinct addresses).
    assert all(s["cited_in"] for s in sources)
    cited = {s["url"] for s in sources if any(c["article"] == "004_b82fb9a90bbfc716" for c in s["cited_in"])}
    assert len(cited) == 20
    page = real_build.page("quellen")
    assert 'href="../artikel/004_b82fb9a90bbfc716/#fn:11"' in page


def test_article_pages_have_footnotes_with_back_links_and_captions(real_build: Build) -> None:
    page = real_build.page("artikel/004_b82fb9a90bbfc716")
    for n in range(1, 16):
        assert f'id="fn:{n}"' in page and f'href="#fnref:{n}"' in page and f'href="#fn:{n}"' in page
    first = real_build.page("artikel/000_150b3505b4883b8c")
    assert first.count('class="dossier-caption"') == 6
    assert '<span class="dossier-credit">Bild: Russian Defence Ministry/AFP</span>' in first
    assert "beteiligtBild" not in first
    for chrome in ("Zum Inhalt springen", "Zur Hauptnavigation springen", "überspringen</p>"):
        assert chrome not in first.split("Beim Einlesen entfernt")[0]
    assert "Datum unbekannt" in page and "Datum unbekannt" not in first


def test_navigation_lists_sections_not_every_page(real_build: Build) -> None:
    page = real_build.page("artikel/000_150b3505b4883b8c")
    nav = page.split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "004_b82fb9a90bbfc716" not in nav and "Artikel" in nav


def test_no_third_party_requests(real_build: Build) -> None:
    for page in real_build.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            assert "fonts.googleapis" not in ref and "fonts.gstatic" not in ref
        assert not re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="https?://', text), page
        assert 'data-md-component="source"' not in text   # would fetch repository facts from the forge


def test_two_builds_are_identical(real_build: Build, tmp_path: Path) -> None:
    again = run_build(ROOT, tmp_path / "site")
    assert again.returncode == 0
    first, second = snapshot(real_build.site), snapshot(again.site)
    differing = [p for p in first if first[p] != second.get(p) and not p.endswith(".gz")]
    assert sorted(first) == sorted(second) and differing == []


def test_build_does_not_write_into_seeds_or_docs(real_build: Build) -> None:
    assert real_build.inputs_before and real_build.inputs_after == real_build.inputs_before


HOSTILE_SEED = """<script>alert('t')</script></title><script>alert(0)</script> Titel
Vorspann <img src=x onerror=alert(1)> [klick](javascript:alert(2)) *fett* `code` (1)
# keine Überschrift
{: onclick="alert(3)" }
---
<iframe src="https://evil.example"></iframe> <a href="javascript:alert(5)">a</a> <style>body{}</style>
Anmerkungen:
- <script>alert(6)</script> [x](javascript:alert(7)) https://ok.example/p?utm_source=x"onmouseover=alert(8)
"""


def test_hostile_seed_reaches_the_page_only_as_text(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"evil.txt": HOSTILE_SEED})
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = build.page("artikel/evil")
    article = page.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]
    assert not re.search(r"<(script|img|iframe|style)\b", article)
    assert not re.search(r"<[^>]+\son\w+\s*=", article)
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', article))
    assert 'href="https://ok.example/p"' in article
    assert "&lt;script&gt;alert(" in article and "&#42;fett&#42;" in article
    title = page.split("<title>")[1].split("</title>")[0]
    assert "<" not in title and title.startswith("‹script›alert(")
    assert not re.search(r"<script>alert", page)
    json.loads((build.site / "data" / "articles.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("seeds", "message"), [
    ({"bad.txt": "Titel\nZeile ä\n".encode("cp1252")}, "seeds/bad.txt:2: error: not valid UTF-8"),
    ({"nul.txt": b"Titel\x00\n"}, "seeds/nul.txt:1: error: file contains a NUL byte"),
    ({"empty.txt": b""}, "seeds/empty.txt: error: file is empty"),
    ({"fm.txt": "---\ndate: 2025-13-45\n---\nText\n"}, "seeds/fm.txt:2: error: date '2025-13-45'"),
    ({"blank.txt": b" \n\t\n"}, "seeds/blank.txt: error: file is empty or holds only white space"),
    ({"big.txt": b"Titel\n" + b"x" * (5 * 1024 * 1024)}, "seeds/big.txt: error: file is 5.0 MiB"),
    ({"yaml.txt": "---\ntitle: [kaputt\n---\nText\n"}, "seeds/yaml.txt:2: error: front matter: not valid YAML"),
    ({"key.txt": "---\ntitel: Tippfehler\n---\nText\n"}, "seeds/key.txt:2: error: unknown front-matter key 'titel'"),
    ({"..txt": "Titel\nText.\n"}, "seeds/..txt: error: file name may use only lower-case letters"),
    ({"a--b.txt": "Titel\nText.\n", "a-b.txt": "Titel\nText.\n"}, "seeds/a-b.txt: error: file name gives the same"),
])
def test_bad_seed_is_one_clear_error_and_the_rest_survives(tmp_path: Path, seeds: dict[str, bytes | str],
                                                           message: str) -> None:
    """Through the core a build uses: one error line for the bad file, the good one is kept."""
    corpus = load_corpus(make_project(tmp_path, {"ok.txt": "Titel\nEin Text.\n", **seeds}))
    errors = [d.format() for d in corpus.diagnostics if d.severity == "error"]
    assert len(errors) == 1 and errors[0].startswith(message), errors
    assert "ok" in {a.id for a in corpus.articles}


def test_bad_seed_fails_strict_build_with_one_clear_line(tmp_path: Path) -> None:
    """The same through real builds, once: strict fails with the line, lenient still builds."""
    root = make_project(tmp_path, {"ok.txt": "Titel\nEin Text.\n", "fm.txt": "---\ndate: 2025-13-45\n---\nText\n"})
    build = run_build(root, tmp_path / "site")
    assert build.returncode != 0
    assert "seeds/fm.txt:2: error: date '2025-13-45'" in build.log, build.log
    assert "Traceback" not in build.log
    assert build.inputs_after == build.inputs_before
    lenient = run_build(root, tmp_path / "site2", strict=False)
    assert lenient.returncode == 0 and (lenient.site / "artikel" / "ok" / "index.html").exists()


def test_odd_but_valid_seeds_build(tmp_path: Path) -> None:
    seeds: dict[str, bytes | str] = {
        "bom.txt": b"\xef\xbb\xbfTitel mit BOM\nText.\n",
        "crlf.txt": b"Titel CRLF\r\nText.\r\n",
        "cr.txt": b"Titel CR\rText.\r",
        "a--b_.txt": "Titel Striche\nText.\n",
    }
    root = make_project(tmp_path, seeds)
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log and build.inputs_after == build.inputs_before
    titles = {a["id"]: a["title"] for a in data(build, "articles.json")}
    assert titles == {"bom": "Titel mit BOM", "crlf": "Titel CRLF", "cr": "Titel CR", "a-b": "Titel Striche"}
    assert (build.site / "artikel" / "a-b" / "index.html").exists()
