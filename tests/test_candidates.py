"""Candidates: unknown people grouped across articles with a ready-to-paste registry entry,
probable spelling variants, and the contributor's round trip (paste the entries, get pages)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import make_project
from dossier.annotate.candidates import entries, guess_gender
from dossier.check import main as check_main
from dossier.index.corpus import load_corpus
from dossier.render.site import generate

# Senator Welch, 13 Dec 2025 (public domain), shortened; five people the registry does not know.
RELEASE = """---
title: Welch Welcomes Release of 123 Political Prisoners in Belarus
language: en
---
WASHINGTON, D.C. – U.S. Senators Peter Welch and John Curtis welcomed the release of political prisoners.

In their letter, the lawmakers urged the State Department to prioritize the release of Uladzimir Labkovich
and Marfa Rabkova. Other political prisoners include Dzyanis Ivashyn.

Senator Welch also met advocates. U.S. President Bill Clinton visited Minsk in 1994.
"""
FOLLOW_UP = """---
title: Labkovich freed
language: en
---
Human rights defender Uladzimir Labkovich was freed on Saturday, Senator Welch said.
"""


def test_unknown_people_are_grouped_by_person_across_articles(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": RELEASE, "b.txt": FOLLOW_UP})
    corpus = load_corpus(root)
    people = {c.person: c for c in corpus.candidates if c.reason == "unknown-name"}
    assert {"peter-welch", "john-curtis", "uladzimir-labkovich", "marfa-rabkova", "dzyanis-ivashyn",
            "bill-clinton"} <= set(people)
    assert people["uladzimir-labkovich"].articles == ("a", "b")
    assert people["peter-welch"].mentions == 3          # full name, then "Senator Welch" twice
    assert not any("Minsk" in c.surface or "Clinton Minsk" in c.surface for c in corpus.candidates)
    assert people["marfa-rabkova"].gender == "f" and people["uladzimir-labkovich"].gender == "m"


def test_open_data_lists_each_unknown_person_once(tmp_path: Path) -> None:
    """candidates.json: one record per article and name, pointing to the person; the person's
    articles and registry entry stand once, in unknown-people.json (not in every record)."""
    files = {f.path: json.loads(f.content) for f in generate(load_corpus(
        make_project(tmp_path, {"a.txt": RELEASE, "b.txt": FOLLOW_UP}))) if f.path.startswith("data/")}
    people = {p["person"]: p for p in files["data/unknown-people.json"]}
    assert len(people) == len(files["data/unknown-people.json"])
    assert people["uladzimir-labkovich"]["articles"] == ["a", "b"]
    assert people["uladzimir-labkovich"]["entry"].startswith("- id: uladzimir-labkovich\n")
    records = [c for c in files["data/candidates.json"] if c["person"] == "uladzimir-labkovich"]
    assert {c["article"] for c in records} == {"a", "b"}
    assert not any("articles" in c or "entry" in c for c in files["data/candidates.json"])


def test_gender_guess_reads_name_endings() -> None:
    assert guess_gender("Maryia", "Kalesnikava") == "f" and guess_gender("Viktar", "Babaryka") == "m"
    assert guess_gender("Sviatlana", "Tsikhanouskaya") == "f" and guess_gender("Dzyanis", "Ivashyn") == "m"


def test_an_unseen_spelling_without_a_first_name_is_a_probable_variant(tmp_path: Path) -> None:
    text = "---\ntitle: Opposition\nlanguage: en\n---\nThe opposition met in Vilnius.\n\nTsihanouskaya spoke first.\n"
    corpus = load_corpus(make_project(tmp_path, {"a.txt": text}))
    variants = [c for c in corpus.candidates if c.reason == "probable-variant"]
    assert [(c.surface, c.actor) for c in variants] == [("Tsihanouskaya", "swetlana-tichanowskaja")]
    assert variants[0].score is not None and variants[0].score > 0.85


def test_pasting_the_printed_entries_gives_an_actor_page_per_person(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path, {"a.txt": RELEASE, "b.txt": FOLLOW_UP})
    assert check_main([str(root)]) == 0
    printed = capsys.readouterr().out
    first = load_corpus(root)
    suggested = entries(list(first.candidates))
    assert all(entry in printed for entry in suggested)
    registry = root / "seeds" / "registry" / "actors.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n" + "\n\n".join(suggested) + "\n",
                        encoding="utf-8")
    corpus = load_corpus(root)
    assert [d.format() for d in corpus.diagnostics if d.severity == "error"] == []
    new = {c.person for c in first.candidates if c.reason == "unknown-name"}
    mentioned = {m.actor for m in corpus.mentions}
    assert new <= mentioned
    pages = {g.path for g in generate(corpus)}
    assert {f"akteure/{person}.md" for person in new} <= pages
    assert not [c for c in corpus.candidates if c.person in new]


def test_country_and_city_names_are_no_person_candidates(tmp_path: Path) -> None:
    english = ("---\ntitle: Vote\nlanguage: en\n---\nBurkina Faso and Sri Lanka voted against the resolution; "
               "Sierra Leone abstained. Ambassador Julie Fisher met Uladzimir Labkovich in Buenos Aires.\n")
    german = ("---\ntitle: Abstimmung\nlanguage: de\n---\nBurkina Faso und Costa Rica stimmten zu, "
              "während Marfa Rabkova aus der Haft schrieb.\n")
    corpus = load_corpus(make_project(tmp_path, {"a.txt": english, "b.txt": german}))
    surfaces = {c.surface for c in corpus.candidates if c.reason == "unknown-name"}
    assert {"Julie Fisher", "Uladzimir Labkovich", "Marfa Rabkova"} <= surfaces
    assert not surfaces & {"Burkina Faso", "Sri Lanka", "Sierra Leone", "Costa Rica", "Buenos Aires"}
