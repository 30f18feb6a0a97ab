"""Parsing: golden files for fixed fixtures (copies of the two received seeds and a contributor's
article, in tests/fixtures/articles/), and one test per rule on texts of other shapes. The
fixtures are fixed on purpose: adding an article to seeds/ never touches these tests."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from dossier.model import Article, Diagnostic
from dossier.parse import article as parse_module
from dossier.parse import notes
from dossier.parse.article import Unit, parse_article, read_author_line, split_credit
from dossier.read.seedfile import read_seed

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = sorted(FIXTURES.glob("*.txt"))


def parse(text: str, name: str = "seeds/t.txt") -> tuple[Article, list[Diagnostic]]:
    seed, diags = read_seed(name, text.encode())
    assert seed is not None, diags
    article, more = parse_article(seed)
    return article, diags + more


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_structure_matches_golden_file(seed: Path) -> None:
    rel = f"seeds/{seed.name}"   # parsed as if it lay in seeds/
    parsed, diags = read_seed(rel, seed.read_bytes())
    assert parsed is not None
    article, more = parse_article(parsed)
    actual = {"article": dataclasses.asdict(article),
              "diagnostics": [d.format() for d in diags + more]}
    golden = GOLDEN / f"{seed.stem}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(json.dumps(actual)) == json.loads(golden.read_text(encoding="utf-8"))


def test_seed_000_metadata_comes_from_the_text() -> None:
    article, _ = parse((FIXTURES / "000_150b3505b4883b8c.txt").read_text(encoding="utf-8"))
    assert article.title.value == "In Sapads Schatten: Annäherung zwischen Belarus und den USA?"
    assert (article.date.value, article.date.source) == ("2025-09-17", "text")
    assert article.author.value == "Thomas Latschan"
    assert article.topics == ("Konflikte", "Belarus")
    assert [r.text for r in article.removed][-1].startswith("Den nächsten Abschnitt")
    captions = [b for b in article.blocks if b.kind == "caption"]
    assert len(captions) == 6 and all(c.credit and c.credit_label == "Bild" for c in captions)
    glued = next(c for c in captions if c.credit == "Russian Defence Ministry/AFP")
    assert glued.text.endswith("Sapad-2025 beteiligt")
    assert captions[0].title and captions[0].title.startswith("Juni 2025: Alexander Lukaschenko")


def test_seed_004_has_fifteen_notes_and_no_invented_metadata() -> None:
    article, diags = parse((FIXTURES / "004_b82fb9a90bbfc716.txt").read_text(encoding="utf-8"))
    assert [n.number for n in article.footnotes] == list(range(1, 16))
    assert sorted(m.number for b in article.blocks for m in b.markers) == list(range(1, 16))
    assert article.date.value is None and article.author.value is None and article.outlet.value is None
    assert article.date_hint is not None and article.date_hint.iso == "2025-08-16"
    assert [d for d in diags if d.severity != "info"] == []
    note11 = article.footnotes[10]
    assert note11.links[0].raw.endswith("?utm_source=chatgpt.com")
    assert "utm_" not in note11.links[0].target


ENGLISH = """Skip to content
Share on Facebook
Belarus frees US citizen after envoy's visit
June 21, 2025
By Jane Doe
Minsk released a prisoner on Saturday, officials said.[1][2]

A crowd gathered outside the embassy.
Photo: Example Agency/AP

What comes next
The release followed talks with the envoy.[3]

References
1. First source, https://example.org/a?utm_medium=x&id=7&fbclid=abc.
2. Second source.
  continued on an indented line.
3. Third source (https://example.net/b).
"""


def test_english_article_with_byline_numbered_references_and_stacked_markers() -> None:
    article, diags = parse(ENGLISH)
    assert article.title.value == "Belarus frees US citizen after envoy's visit"
    assert article.date.value == "2025-06-21" and article.author.value == "Jane Doe"
    assert article.language.value == "en"
    assert [r.reason for r in article.removed] == ["Sprunglink", "Teilen-Schaltfläche"]
    kinds = [(b.kind, b.text[:20]) for b in article.blocks]
    assert kinds == [("lead", "Minsk released a pri"), ("caption", "A crowd gathered out"),
                     ("heading", "What comes next"), ("paragraph", "The release followed")]
    assert [m.number for m in article.blocks[0].markers] == [1, 2]
    assert article.footnotes[1].text == "Second source. continued on an indented line."
    assert article.footnotes[0].links[0].target == "https://example.org/a?id=7"
    assert article.footnotes[2].links[0].raw == "https://example.net/b"
    assert [d for d in diags if d.severity != "info"] == []


def test_hard_wrapped_manuscript_paragraphs_are_joined() -> None:
    line = "Dies ist ein Satz, der in einem Manuskript umbrochen wurde und weitergeht"
    text = f"Titel des Textes\n\n{line}\n{line}\n{line}.\n\n{line}\n{line}.\n"
    article, _ = parse(text)
    assert [b.line for b in article.blocks] == [3, 7]
    assert article.blocks[0].text == f"{line} {line} {line}."


def test_an_end_mark_under_a_wrapped_url_is_still_an_end_mark() -> None:
    line = "Dies ist ein Satz, der in einem Manuskript umbrochen wurde und weitergeht"
    url = "https://example.org/presse/2025/belarus-politische-gefangene-freigelassen"  # near the width
    text = "Titel des Textes\n\n" + f"{line}\n" * 10 + f"Mehr unter\n{url}\n###\n"
    article, _ = parse(text)
    assert article.blocks[-1].text.endswith(url)
    assert [r.reason for r in article.removed] == ["Endzeichen"]


def test_a_title_and_standfirst_above_a_hard_wrapped_text_stay_two_lines() -> None:
    line = "Dies ist ein Satz, der in einem Manuskript umbrochen wurde und weitergeht"
    text = "Belarus lässt Gefangene frei\nDie Freilassung folgt auf einen Besuch\n\n" + f"{line}\n" * 5 + f"{line}.\n"
    article, _ = parse(text)
    assert article.title.value == "Belarus lässt Gefangene frei"
    assert [b.text for b in article.blocks] == ["Die Freilassung folgt auf einen Besuch", " ".join([line] * 6) + "."]


@pytest.mark.parametrize("last", ["comment.", "kommentieren.", "schließen.", "mehr.", "play.",
                                  "Share", "Navigation", "Mehr zum Thema"])
def test_the_last_line_of_a_wrapped_sentence_is_no_page_chrome(last: str) -> None:
    line = "Dies ist ein Satz, der in einem Manuskript umbrochen wurde und weitergeht"
    text = (f"Titel des Textes\n\n{line}\n{line} bis zum\n{last}\n\n{line}\n{line}.\n\n"
            "Teilen\n\nDrucken\n")
    article, _ = parse(text)
    assert article.blocks[0].text == f"{line} {line} bis zum {last}"
    assert [(r.line, r.reason) for r in article.removed] == [(10, "Teilen-Schaltfläche"),
                                                             (12, "Teilen-Schaltfläche")]


@pytest.mark.parametrize("heading", ["Anmerkungen:", "Einzelnachweise", "Quellen", "Fußnoten",
                                     "Notes", "References:"])
@pytest.mark.parametrize("item", ["- {t}", "1. {t}", "  1. {t}", "[1] {t}", "(1) {t}"])
def test_note_list_formats(heading: str, item: str) -> None:
    article, diags = parse(f"Titel\nEin Satz mit Verweis (1).\n{heading}\n{item.format(t='Die Quelle.')}\n")
    assert [(n.number, n.text) for n in article.footnotes] == [(1, "Die Quelle.")]
    assert article.blocks[0].text == "Ein Satz mit Verweis." and article.blocks[0].markers[0].number == 1
    assert [d for d in diags if d.severity != "info"] == []


def test_orphan_marker_and_orphan_note_are_reported_with_lines() -> None:
    text = "Titel\nErster Satz (1). Zweiter Satz (2).\nAnmerkungen:\n- Eins.\n- Zwei.\n- Drei.\n"
    article, diags = parse(text.replace("(2)", "(4)"))
    messages = [d.format() for d in diags]
    assert "seeds/t.txt:2: warning: footnote marker (4) has no note in the notes list" in messages
    assert any(m.startswith("seeds/t.txt:5: warning: note 2 has no marker") for m in messages)
    assert any(m.startswith("seeds/t.txt:6: warning: note 3 has no marker") for m in messages)
    assert len(article.footnotes) == 3


def test_markers_without_any_notes_are_orphans_not_silently_text() -> None:
    _article, diags = parse("Titel\nEin Satz (1) und noch einer [2].\n")
    assert [d.code for d in diags] == ["orphan-marker", "orphan-marker"]


def test_numbers_in_parentheses_that_are_no_markers_stay_text() -> None:
    article, diags = parse("Titel\nDonald Trump (79) sprach über Artikel 5(1) der Charta (2020).\n")
    assert article.blocks[0].text == "Donald Trump (79) sprach über Artikel 5(1) der Charta (2020)."
    assert diags == []


@pytest.mark.parametrize(("unit", "expected"), [
    ("Soldaten waren beteiligtBild: Russian Defence Ministry/AFP",
     ("Soldaten waren beteiligt", "Bild", "Russian Defence Ministry/AFP")),
    ("Putin in Moskau. Foto: Max Muster/dpa", ("Putin in Moskau.", "Foto", "Max Muster/dpa")),
    ("The envoy in Minsk Photo: Reuters", ("The envoy in Minsk", "Photo", "Reuters")),
    ("Ein Bild der Lage © Agentur X", ("Ein Bild der Lage", "©", "Agentur X")),
    ("Er sagte: Bild: das ist ein langer Satz. Und hier geht es weiter mit Text.", None),
    ("Kein Nachweis in diesem Satz.", None),
    ("Die Umfrage zeichnet ein klares Bild: Die Mehrheit lehnt eine Beteiligung am Krieg ab.", None),
    ("Im Zweifel spielt Lukaschenko immer dieselbe Karte: die Abhängigkeit Europas.", None),
    ("Das Präsidialamt veröffentlichte ein Video: Lukaschenko beim Händedruck.", None),
    ("The deal has three parts: (a) sanctions relief, (b) an embassy and (c) the release of 52 prisoners.",
     None),
    ("Lukaschenko am Dienstag in Minsk Bild: Pavel Bednyakov/AP", ("Lukaschenko am Dienstag in Minsk", "Bild",
                                                                   "Pavel Bednyakov/AP")),
    ("Polizisten nehmen einen Demonstranten in Minsk fest Foto: AP",
     ("Polizisten nehmen einen Demonstranten in Minsk fest", "Foto", "AP")),
    ("A protester is detained by riot police Photo: Reuters", ("A protester is detained by riot police", "Photo",
                                                               "Reuters")),
    ("Riot police detain a protester. Photo: Sergei Gapon/AFP via Getty Images.",
     ("Riot police detain a protester.", "Photo", "Sergei Gapon/AFP via Getty Images.")),
    ("Die Grenze bei Brest (Archivbild) Foto (c) dpa", ("Die Grenze bei Brest (Archivbild) Foto", "(c)", "dpa")),
])
def test_caption_credit_rule(unit: str, expected: tuple[str, str, str] | None) -> None:
    assert split_credit(unit) == expected


CREDIT_SHAPES = ["Bild : Agentur", "Foto\t:\tAgentur X", "Fotos:AP", "Karte: a: b", "Bild: a : b Foto: c",
                 "Caption (c) 2025 Reuters", "Copyright Jane Roe", "©", "Text Bilder :  x", "Video: ©AP",
                 "Foto: " + "x" * 121, "Foto: " + "x" * 120, "Bildung: Schulen", "Ein Bild:\nZweite Zeile",
                 "Illustration: Max Muster. Er kam. Dann ging er.", "Bild", ":", ""]


@pytest.mark.parametrize("unit", CREDIT_SHAPES)
def test_caption_credit_prefilter_changes_nothing(unit: str) -> None:
    """split_credit skips its patterns when a cheap test says they cannot match: the same
    answer as trying them always."""
    def reference(text: str) -> tuple[str, str, str] | None:
        for pattern in (parse_module._CREDIT, parse_module._CREDIT_SIGN):
            found = parse_module.credit_of(pattern.match(text), pattern)
            if found:
                return found
        return None
    assert split_credit(unit) == reference(unit)


@pytest.mark.parametrize(("line", "expected"), [
    ("Thomas Latschan Langjähriger Autor und Redakteur für Themen internationaler Politik",
     ("Thomas Latschan", "Langjähriger Autor und Redakteur für Themen internationaler Politik")),
    ("Anna Maria Schmidt ist Korrespondentin in Kiew.", ("Anna Maria Schmidt", "ist Korrespondentin in Kiew.")),
    ("Jane Doe is a correspondent based in Vilnius.", ("Jane Doe", "is a correspondent based in Vilnius.")),
    ("Der Autor dankt allen Beteiligten.", None),
    ("Die Regierung in Minsk reagierte gelassen auf den Bericht der Korrespondenten.", None),
])
def test_closing_author_line_rule(line: str, expected: tuple[str, str] | None) -> None:
    assert read_author_line(Unit(line, 1, 0)) == expected


def test_front_matter_wins_and_says_so() -> None:
    text = "---\ntitle: Eigener Titel\ndate: 2025-06-21\noutlet: Beispielzeitung\n---\nTitel im Text\nText.\n"
    article, _ = parse(text)
    assert (article.title.value, article.title.source, article.title.line) == ("Eigener Titel", "front matter", 2)
    assert article.title_rule is None  # no line of the text was chosen
    assert (article.date.value, article.date.source) == ("2025-06-21", "front matter")
    assert article.outlet.value == "Beispielzeitung"
    assert [(b.kind, b.text, b.line) for b in article.blocks] == [("lead", "Text.", 7)]


def test_markers_are_found_as_one_scan_with_an_optional_space_before_would_find_them() -> None:
    full = re.compile(r"(?:\s?)(?:\((?P<p>\d{1,4})\)|(?P<b>(?:\[(?:\d{1,4}|[a-z])\])+))")
    root = Path(__file__).resolve().parents[1]
    texts = ["Text.[1][2] und (3) x(4)  [a] \n(12345) [b][c] [ab] ([1]) ((2)) [\u0663]", "(1)", " [1]", "", "[x",
             *(p for f in sorted(root.glob("eval/**/*.txt")) for p in f.read_text(encoding="utf-8").split("\n"))]
    found = 0
    for text in texts:
        expected = [(m.start(), m.end()) for m in full.finditer(text)]
        assert [(start, m.end()) for start, m in notes._markers(text)] == expected, text
        found += len(expected)
    assert found > 40


@pytest.mark.parametrize("text", [
    "Titel C\n\nStand: 31.02.2025 18:04 Uhr\n\nText hier, ein ganzer Satz mit mehreren Wörtern darin.\n",
    "Stand: 31.02.2025 18:04 Uhr\n\nTitel C\n\nText hier, ein ganzer Satz mit mehreren Wörtern darin.\n",
    "Titel C\n\nFebruary 30, 2025\n\nThe text, a whole sentence with several words in it.\n",
])
def test_a_date_line_with_no_calendar_date_is_neither_title_nor_date_and_says_so(text: str) -> None:
    """"Stand: 31.02.2025 18:04 Uhr" became the title, "Titel C" the topic, with no word."""
    seed, _ = read_seed("seeds/t.txt", text.encode())
    assert seed is not None
    article, diags = parse_article(seed)
    assert article.title.value == "Titel C" and article.date.value is None
    line = next(i for i, t in enumerate(text.split("\n"), start=1) if "2025" in t)
    assert [(d.line, d.code) for d in diags] == [(line, "date-line-invalid")], diags
    assert [r.line for r in article.removed] == [line]        # listed with what was removed, not lost


def test_a_notes_list_past_9999_is_one_error_not_a_silent_cut() -> None:
    """Notes 10000 on were glued onto note 9999, their markers left as text, and the only word
    was a misleading "note 9999 stops mid-phrase"."""
    text = ("Titel\n\nDer Text nennt Quellen " + " ".join(f"({n})" for n in range(1, 10_003)) + ".\n\n"
            "Anmerkungen\n\n" + "".join(f"{n}. Quelle {n}.\n" for n in range(1, 10_003)))
    seed, _ = read_seed("seeds/t.txt", text.encode())
    assert seed is not None
    _, diags = parse_article(seed)
    errors = [d for d in diags if d.severity == "error"]
    assert [(d.line, d.code) for d in errors] == [(6 + 10_000, "too-many-notes")], errors


_REST = ("\n\nThe release followed talks with a US envoy in Minsk, officials said on the same day, "
         "and more releases were promised.\n")


@pytest.mark.parametrize(("lead", "date"), [
    ("MINSK, 11.09.2025 (AFP) – Belarus hat am Donnerstag 52 Gefangene freigelassen.", "2025-09-11"),
    ("VILNIUS, Lithuania, September 11, 2025 (AP) — Belarus freed 52 political prisoners.", "2025-09-11"),
    ("WASHINGTON, D.C., Sept. 11, 2025 — Belarus freed 52 political prisoners on Thursday.", "2025-09-11"),
    ("Berlin, 11. September 2025: Die Bundesregierung begrüßt die Freilassung der Gefangenen.", "2025-09-11"),
    ("Minsk, 11. September 2025. Die Regierung hat 52 politische Gefangene freigelassen.", "2025-09-11"),
    # a dateline names what is planned after it: still the day it was filed
    ("Minsk, 11.09.2025 (dpa) - Die Gefangenen sind frei. Ein Treffen folgt am 20. Oktober 2025.", "2025-09-11"),
    ("WASHINGTON, Sept. 11, 2025 /PRNewswire/ -- The Senator welcomed the release of 52 prisoners.", "2025-09-11"),
    ("Washington, D.C. (September 11, 2025) – Senator Smith welcomed the release of 52 prisoners.", "2025-09-11"),
    ("Frankfurt am Main, 11. September 2025 – Die Börse reagierte gelassen auf die Nachricht.", "2025-09-11"),
    ("Halle (Saale), 11.09.2025 – Die Universität begrüßt die Freilassung ihres früheren Studenten.", "2025-09-11"),
    ("Berlin, den 11. September 2025 – Die Bundesregierung begrüßt die Freilassung der Gefangenen.", "2025-09-11"),
    ("МИНСК, 11.09.2025 (БелТА) – Президент помиловал 52 осуждённых, сообщила пресс-служба.", "2025-09-11"),
    ("MINSK, 11.09.2025, 14:35 Uhr (dpa) –Belarus hat 52 Gefangene freigelassen.", "2025-09-11"),
    ("MINSK. Sept 11, 2025 (Interfax) - Belarus freed 52 political prisoners on Thursday.", "2025-09-11"),
    # the wire's marks (an agency, a place in capitals): a far later date in the text is planned
    ("MINSK, 11.09.2025 (AFP) – Ihar Losik, dessen Haftstrafe am 14. Juli 2027 geendet hätte, ist frei.",
     "2025-09-11"),
    # no year: the day is not guessed
    ("MINSK, Sept 11 (Reuters) - Belarus freed 52 political prisoners on Thursday.", None),
    # a correction, a weekday, a person: no place
    ("Update, 12. September 2025: Die Behörden haben inzwischen weitere Namen genannt.", None),
    ("Editor’s Note, September 12, 2025: This story has been updated to include the names.", None),
    ("Sonntag, 9. August 2020. Ich stehe am Platz und sehe die Menge, die auf die Ergebnisse wartet.", None),
    ("Maria Kalesnikava, 9. August 2020: Sie stand in der ersten Reihe, als die Polizei kam.", None),
    ("Am Sonntag, 9. August 2020. Ich stehe am Platz und sehe die Menge, die auf die Ergebnisse wartet.", None),
    ("On Sunday, August 9, 2020 – I stood in the square and watched the crowd wait for the results.", None),
    ("MINSK, Belarus, Thursday, September 11, 2025 (AP) — Belarus freed 52 political prisoners.", "2025-09-11"),
    # a date inside the sentence, or after a person's name and no dash: no dateline
    ("In Minsk, on September 11, 2025, Belarus freed 52 political prisoners.", None),
    ("Lukashenko, 11 September 2025, was said to be pleased with the deal.", None),
    # a scene set years before what the text reports
    ("Minsk, 9. August 2020. An diesem Abend gingen Zehntausende auf die Straße. Am 11. September 2025 "
     "kamen die ersten Gefangenen frei.", None),
])
def test_a_dateline_opening_the_lead_dates_the_article(lead: str, date: str | None) -> None:
    article, _ = parse(f"Belarus frees 52 prisoners\n\n{lead}{_REST}")
    assert article.date.value == date
    if date:
        assert (article.date.source, article.date.line) == ("text", 3) and article.date_hint is None
    else:       # nothing is invented: the date stays unknown, a full date in the text is only a hint
        assert article.date.source is None and article.date.line is None


@pytest.mark.parametrize(("second", "date"), [
    ("MINSK, 11.09.2025 (AFP) – Belarus hat am Donnerstag 52 politische Gefangene freigelassen.", "2025-09-11"),
    # without the wire's marks only the lead's own dateline counts
    ("Minsk, 9. August 2020. An diesem Abend gingen Zehntausende auf die Straße.", None),
])
def test_a_wire_dateline_below_a_teaser_dates_the_article(second: str, date: str | None) -> None:
    article, _ = parse("Belarus lässt Gefangene frei\n\nNach Gesprächen mit einem US-Gesandten kommen 52 politische "
                       f"Gefangene frei, darunter mehrere Ausländer.\n\n{second}{_REST}")
    assert article.date.value == date and (article.date.line == 5 if date else article.date.line is None)


def test_a_date_line_wins_over_a_dateline_in_the_lead() -> None:
    article, _ = parse("Belarus frees 52 prisoners\n\n12. September 2025\n\n"
                       f"MINSK, 11.09.2025 (AFP) – Belarus hat 52 Gefangene freigelassen.{_REST}")
    assert (article.date.value, article.date.line) == ("2025-09-12", 3)
