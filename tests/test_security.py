"""Hostile input: every case ends in one clear `path:line: message` (or renders as literal
text), with nothing lost and no traceback. Through the same core a build uses; the browser
proof that no script runs is tests/test_browser_security.py."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from pathlib import Path

import markdown
import pytest

from conftest import ROOT, make_project
from dossier.index.corpus import Corpus, load_corpus
from dossier.index.events import MAX_UNCURATED
from dossier.model import Diagnostic
from dossier.read.yamlfile import load_yaml
from dossier.render.articles import page_meta, render_footnote
from dossier.render.mdtext import compose, heading_text, link_to, title_attribute, tooltip_text
from dossier.render.site import generate

XSS = "<img src=x onerror=alert(1)>"


def corpus_of(tmp_path: Path, seeds: Mapping[str, bytes | str], **registry: str) -> Corpus:
    root = make_project(tmp_path, seeds)
    for name, text in registry.items():
        (root / "seeds" / "registry" / f"{name}.yml").write_text(text, encoding="utf-8")
    return load_corpus(root)


def errors(corpus: Corpus) -> list[str]:
    return [d.format() for d in corpus.diagnostics if d.severity == "error"]


def one_line(diag: str) -> bool:
    return "\n" not in diag and "\r" not in diag and "Traceback" not in diag


# --- tooltips: titles are HTML for Material's script -------------------------------------------

@pytest.mark.parametrize("text", [XSS, "a <b>fett</b>", "<script>alert(1)</script>", "x<svg/onload=alert(1)>"])
def test_text_for_titles_and_headings_holds_no_tag(text: str) -> None:
    for safe in (tooltip_text(text), heading_text(text), title_attribute(text)):
        assert "<" not in safe and ">" not in safe


def test_link_title_with_quotes_and_parentheses_stays_one_link() -> None:
    md = compose("Am 4. März 2025 geschah es.", [])
    rendered = markdown.markdown(link_to("../x.md", "4. März: alert('x') \"q\" (y)")("4. März 2025") + " " + md)
    assert rendered.count("<a ") == 1
    title = re.search(r'title="([^"]*)"', rendered)
    assert title and html.unescape(title.group(1)) == "4. März: alert('x') \"q\" (y)"
    assert ">4. März 2025</a>" in rendered


def test_page_title_has_no_angle_brackets() -> None:
    meta = page_meta("Titel " + XSS)
    assert "<" not in meta and "onerror" in meta


# --- generated pages: no tag can reach any title --------------------------------------------

def _title_texts(markdown_page: str) -> list[str]:
    """Link titles, front-matter titles and headings of a generated Markdown page."""
    found = re.findall(r'\]\([^)\s]*\s+"([^"]*)"\)', markdown_page)
    found += re.findall(r"^title: (.*)$", markdown_page, re.MULTILINE)
    found += re.findall(r"^#+ (.*)$", markdown_page, re.MULTILINE)
    return found


def test_hostile_seed_and_registry_text_never_reaches_a_title_as_a_tag(tmp_path: Path) -> None:
    actors = (ROOT / "seeds/registry/actors.yml").read_text(encoding="utf-8").replace(
        "description: Präsident von Belarus,", f"description: {XSS} Präsident von Belarus,", 1)
    events = (ROOT / "seeds/registry/events.yml").read_text(encoding="utf-8").replace(
        "title: Zweiter Amtsantritt von Donald Trump", f'title: "{XSS} Amtsantritt"', 1)
    seeds = {
        "evt.txt": f"---\ndate: 2025-03-10\n---\nÜberschrift\n\nEtwas {XSS} geschah am 3. März 2025 in Minsk "
                   "bei einem Treffen mit Alexander Lukaschenko.\n\nZwischen {XSS} Titel\n\nMehr Text.\n",
        "titel.txt": f"---\ntitle: \"Ein langer Titel {XSS}\"\n---\nAlexander Lukaschenko traf am 3. März 2025 "
                     "Donald Trump.\n",
        "erste.txt": f"{XSS} als erste Zeile\n\nText über Alexander Lukaschenko.\n",
    }
    corpus = corpus_of(tmp_path, seeds, actors=actors, events=events)
    assert not errors(corpus)
    pages = generate(corpus)
    assert any(XSS.replace("<", "‹").replace(">", "›") in p.content for p in pages)
    for page in pages:
        if page.path.endswith(".md"):
            for text in _title_texts(page.content):
                assert "<" not in text.replace("&lt;", "<").replace("&#60;", "<") or "</" in text, (page.path, text)


# --- file names -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    'q" onmouseover="alert(1)" x=".txt', "zeile\nzwei.txt", "x.txt:1: error: y.txt", "Mein Artikel.txt",
    "über.txt", "UPPER.TXT", "index.txt", "a b.txt", "-x.txt", "x" * 120 + ".txt",
])
def test_file_names_outside_the_rule_are_one_clear_error(tmp_path: Path, name: str) -> None:
    corpus = corpus_of(tmp_path, {name: "Titel\n\nText.\n", "ok.txt": "Titel\n\nText.\n"})
    found = errors(corpus)
    assert len(found) == 1 and one_line(found[0]), found
    assert found[0].startswith("seeds/") and ": error: " in found[0]
    assert found[0].count(": error: ") == 1   # a colon in the name cannot forge a second location
    assert [a.id for a in corpus.articles] == ["ok"]


def test_symlinked_folder_and_unreadable_seeds_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Geheim\n\nText.\n", encoding="utf-8")
    root = make_project(tmp_path, {"gut.txt": "Titel\n\nText.\n", "kaputt.txt": "Titel\n\nText.\n"})
    (root / "seeds" / "link.txt").symlink_to(outside)
    (root / "seeds" / "ordner.txt").mkdir()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "kaputt.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = errors(load_corpus(root))
    assert len(found) == 3 and all(one_line(d) for d in found), found
    assert any(d.startswith("seeds/link.txt: error:") and "symbolic link" in d for d in found)
    assert any(d.startswith("seeds/ordner.txt: error:") and "not a regular file" in d for d in found)
    assert any(d.startswith("seeds/kaputt.txt: error: cannot be read") for d in found)


def test_symlinked_registry_is_not_followed(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": "Titel\n\nText.\n"})
    target = tmp_path / "elsewhere.yml"
    target.write_text((root / "seeds/registry/actors.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "seeds/registry/actors.yml").unlink()
    (root / "seeds/registry/actors.yml").symlink_to(target)
    found = errors(load_corpus(root))
    assert len(found) == 1 and "symbolic link" in found[0], found


def test_diagnostics_cannot_forge_lines_or_locations() -> None:
    diag = Diagnostic("seeds/a\nb:7: error: x.txt", 3, "warning", "text\nseeds/fake.txt:1: error: boom")
    line = diag.format()
    assert "\n" not in line and line.count(": warning: ") == 1 and ":7:" not in line


# --- reserved addresses -------------------------------------------------------------------------

def test_reserved_ids_are_errors(tmp_path: Path) -> None:
    actors = "- id: index\n  name: Index Person\n  kind: person\n  gender: m\n  description: nimmt die Seite\n"
    events = ("- id: datiert-2025-01-01-abcdef\n  title: Falsch\n  date: 2025-01-01\n  precision: day\n"
              "  actors: []\n")
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors=actors, events=events))
    assert len(found) == 2 and all("reserved" in d for d in found), found


# --- YAML: no aliases, no bad characters, no follow-on errors ---------------------------------

BILLION_LAUGHS = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                           + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
                              for i in range(9)]) + "\n"


@pytest.mark.parametrize(("text", "expected"), [
    (BILLION_LAUGHS, "anchors and aliases"),
    ("a: &k x\n*k : 1\n", "anchors and aliases"),
    ('title: "\\uD800"\n', "surrogate"),
    ('title: "a\\x07b"\n', "control character"),
    ("? [a, b]\n: 1\n", "must be a plain word"),
    ("a: !!omap [x: 1]\n", "tags ('!!omap')"),
    ("a: !!python/object/apply:os.system ['id']\n", "tags ('!!python/object/apply:os.system')"),
    ("- id: x\n  aliases: !!set {a, b}\n", "tags ('!!set')"),
    ("a: !eigen wert\n", "tags ('!eigen')"),
])
def test_hostile_yaml_is_one_error(text: str, expected: str) -> None:
    data, diags = load_yaml("seeds/registry/actors.yml", text)
    assert data is None and len(diags) == 1 and expected in diags[0].message, diags


def test_billion_laughs_registry_is_refused(tmp_path: Path) -> None:
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors=BILLION_LAUGHS))
    assert len(found) == 1 and "anchors and aliases" in found[0] and found[0].startswith("seeds/registry/actors.yml:")


def test_a_tagged_registry_is_one_error_with_its_line(tmp_path: Path) -> None:
    actors = ("- id: x-y\n  name: X Y\n  kind: person\n  gender: m\n  description: Test\n"
              "  aliases: !!omap [a: 1]\n")
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors=actors))
    assert found == ["seeds/registry/actors.yml:6: error: YAML tags ('!!omap') are not allowed here; write a "
                     "plain value (put text with '!' at its start in quotes)"], found


def test_exclamation_marks_in_plain_text_are_no_tags() -> None:
    data, diags = load_yaml("seeds/registry/actors.yml", "a: Achtung!\nb: 'Hallo!'\nc: \"!wichtig\"\n")
    assert diags == [] and data == {"a": "Achtung!", "b": "Hallo!", "c": "!wichtig"}



@pytest.mark.parametrize(("front", "expected"), [
    ('title: "\\uD800"', "surrogate"),
    ("date: 0001-01-01", "outside the years"),
    ("date: 9999-12-31", "outside the years"),
    ("title: " + "x" * 400, "at most 300"),
    ("a: &x 1\ntitle: *x", "anchors and aliases"),
    ("title: !!omap [a: 1]", "tags ('!!omap')"),
    ("topics: !!python/object/apply:os.system ['id']", "tags ('!!python"),
])
def test_hostile_front_matter_is_one_error(tmp_path: Path, front: str, expected: str) -> None:
    seed = f"---\n{front}\n---\nTitel\n\nAm vergangenen Freitag traf Alexander Lukaschenko Gäste.\n"
    found = errors(corpus_of(tmp_path, {"a.txt": seed}))
    assert len(found) == 1 and expected in found[0] and found[0].startswith("seeds/a.txt:"), found


def test_newline_in_registry_id_is_rejected(tmp_path: Path) -> None:
    actors = '- id: "x\\n"\n  name: X Y\n  kind: person\n  gender: m\n  description: Test\n'
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors=actors))
    assert found == ["seeds/registry/actors.yml:1: error: id: 'x\\n' must be lower-case letters and digits, "
                     "words joined by '-' (like 'swetlana-tichanowskaja')"], found


@pytest.mark.parametrize(("entry", "expected"), [
    ("  wikidata: 12345\n", "wikidata: 12345 is read by YAML as a number; it must be a Wikidata item id (like 'Q12345'), "
     "written in quotes"),
    ("  wikidata: Q-1\n", "wikidata: 'Q-1' must be a Wikidata item id (like 'Q12345')"),
])
def test_registry_form_errors_say_the_form_in_words(tmp_path: Path, entry: str, expected: str) -> None:
    actors = "- id: x-y\n  name: X Y\n  kind: person\n  gender: m\n  description: Test\n" + entry
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors=actors))
    assert found == [f"seeds/registry/actors.yml:6: error: {expected}"], found


@pytest.mark.parametrize("alias", ["Die", "Er", "will"])
def test_common_words_are_refused_as_aliases(tmp_path: Path, alias: str) -> None:
    actors = f"- id: x-y\n  name: X Y\n  kind: person\n  gender: m\n  description: Test\n  aliases: [{alias}]\n"
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nDie Sache.\n"}, actors=actors))
    assert len(found) == 1 and "most common words" in found[0], found


def test_broken_actor_registry_gives_no_follow_on_errors(tmp_path: Path) -> None:
    found = errors(corpus_of(tmp_path, {"a.txt": "Titel\n\nText.\n"}, actors="- id: [unclosed\n"))
    assert len(found) == 1 and found[0].startswith("seeds/registry/actors.yml:"), found


def test_front_matter_title_silences_the_no_title_warning(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"a.txt": "---\ntitle: Ein Titel\n---\nDies ist ein ganzer Satz, der beginnt.\n"})
    assert not [d for d in corpus.diagnostics if d.code == "no-title"]


# --- notes and markers ------------------------------------------------------------------------

def test_notes_render_as_inline_text_and_nothing_is_lost(tmp_path: Path) -> None:
    seed = ("Titel\n\n(1): Dieser Absatz beginnt wie eine Fußnote und muss bleiben.\n\nText mit Marker [2] "
            "und (999) ohne Anmerkung.\n\nAnmerkungen:\n1. # Kopf\n2. - x\n")
    corpus = corpus_of(tmp_path, {"a.txt": seed})
    article = corpus.articles[0]
    page = next(p.content for p in generate(corpus) if p.path == "artikel/a.md")
    out = markdown.markdown(page, extensions=["footnotes", "attr_list", "md_in_html", "tables"])
    assert "Dieser Absatz beginnt wie eine Fußnote und muss bleiben." in out
    assert "<h1>Kopf" not in out and "<ul>" not in out.split('class="footnote"')[-1]
    assert "# Kopf" in html.unescape(out) and "- x" in html.unescape(out)
    rendered = [render_footnote(article, n, lambda *_: []) for n in article.footnotes]
    assert all(not r.startswith(("#", "-")) for r in rendered)
    orphans = [d.message for d in corpus.diagnostics if d.code == "orphan-marker"]
    assert any("(999)" in m for m in orphans), corpus.diagnostics


def test_note_1000_is_its_own_note(tmp_path: Path) -> None:
    notes = "\n".join(f"{n}. Quelle {n}." for n in range(995, 1002))
    text = " ".join(f"Satz [{n}]." for n in range(995, 1002))
    corpus = corpus_of(tmp_path, {"a.txt": f"Titel\n\n{text}\n\nAnmerkungen:\n{notes}\n"})
    numbers = [n.number for n in corpus.articles[0].footnotes]
    assert numbers == list(range(995, 1002))
    assert corpus.articles[0].footnotes[-1].text == "Quelle 1001."


# --- denial of service ----------------------------------------------------------------------

def test_thousands_of_dated_lines_are_capped(tmp_path: Path) -> None:
    days = [f"Am {d}. März 2024 traf Alexander Lukaschenko in Minsk Gäste {i}." for i, d in
            enumerate(list(range(1, 29)) * 4)]
    corpus = corpus_of(tmp_path, {"viele.txt": "---\ndate: 2025-01-01\n---\nTitel\n\n" + "\n\n".join(days) + "\n"})
    uncurated = [e for e in corpus.events if not e.curated]
    assert 0 < len(uncurated) <= MAX_UNCURATED
    assert any(d.code == "too-many-events" and d.path == "seeds/viele.txt" for d in corpus.diagnostics)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file; the unreadable case is covered by a stub")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:  # pragma: no cover - only as a normal user
    root = make_project(tmp_path, {"a.txt": "Titel\n\nText.\n"})
    (root / "seeds" / "a.txt").chmod(0)
    assert any("cannot be read" in d for d in errors(load_corpus(root)))


def test_a_line_the_text_offers_as_title_is_never_lost_when_front_matter_names_the_title(tmp_path: Path) -> None:
    seed = "---\ntitle: Gegebener Titel\n---\nEin Vorspann ohne Namen.\n\nsustained support for Putin war in Ukraine\n"
    article = corpus_of(tmp_path, {"a.txt": seed}).articles[0]
    assert article.title.value == "Gegebener Titel"
    assert [b.text for b in article.blocks] == ["Ein Vorspann ohne Namen.", "sustained support for Putin war in Ukraine"]
    (tmp_path / "b").mkdir()
    first = corpus_of(tmp_path / "b", {"a.txt": "---\ntitle: Gegebener Titel\n---\nAlter Titel\n\nText.\n"}).articles[0]
    assert [b.text for b in first.blocks] == ["Text."] and [r.text for r in first.removed] == ["Alter Titel"]
