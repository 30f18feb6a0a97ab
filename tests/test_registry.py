"""Registry validation: every mistake is one error with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.annotate.actors import load_actors

ROOT = Path(__file__).resolve().parents[1]
GOOD = """- id: a-b
  name: Anna B
  kind: person
  gender: f
  description: eine Person
- id: nato
  name: NATO
  kind: organisation
  description: Bündnis
"""


def errors(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "seeds" / "registry").mkdir(parents=True)
    (tmp_path / "seeds" / "registry" / "actors.yml").write_text(text, encoding="utf-8")
    _, diags = load_actors(tmp_path)
    return [d.format() for d in diags if d.severity == "error"]


def test_good_registry_has_no_errors(tmp_path: Path) -> None:
    assert errors(tmp_path, GOOD) == []


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD + "- id: a-b\n  name: Anna C\n  kind: person\n  gender: f\n  description: x y z\n",
     "seeds/registry/actors.yml:10: error: duplicate id 'a-b' (first at line 1)"),
    (GOOD.replace("  gender: f\n", "  gender: f\n  colour: red\n"),
     "seeds/registry/actors.yml:1: error: unknown key: 'colour' was unexpected"),
    (GOOD.replace("kind: organisation", "kind: club"), "seeds/registry/actors.yml:8: error: kind: 'club' is not one of"),
    (GOOD.replace("  gender: f\n", ""), "seeds/registry/actors.yml:1: error: 'gender' is a required property"),
    (GOOD + "  be: Сергей Тихановский\n", "seeds/registry/actors.yml:10: error: 'Сергей Тихановский' is not Belarusian"),
    (GOOD + "  ru: Ціханоўскі\n", "seeds/registry/actors.yml:10: error: 'Ціханоўскі' is not Russian"),
    (GOOD + "- id: x\n  name: Anna B\n  kind: person\n  gender: f\n  description: eine andere\n",
     "seeds/registry/actors.yml:10: error: spelling 'Anna B' of 'x' is also a spelling of 'a-b' (line 1"),
    ("- id: a\n  name: [unclosed\n", "seeds/registry/actors.yml:3: error: not valid YAML"),
    ("id: a\n", "seeds/registry/actors.yml:1: error: must be a list of actors"),
])
def test_registry_errors_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    found = errors(tmp_path, text)
    assert any(e.startswith(expected) for e in found), found


def test_real_registry_is_valid() -> None:
    actors, diags = load_actors(ROOT)
    assert diags == [] and len(actors) > 50


SHARED = GOOD + """- id: c-d
  name: Carl D
  kind: person
  gender: m
  description: ein Mann
  shared: [Anna B]
"""


def test_a_spelling_both_actors_mark_as_shared_is_no_conflict(tmp_path: Path) -> None:
    one_sided = errors(tmp_path / "one", SHARED)
    assert any("spelling 'Anna B' of 'c-d' is also a spelling of 'a-b'" in e for e in one_sided)
    both = SHARED.replace("  gender: f\n  description: eine Person\n",
                          "  gender: f\n  description: eine Person\n  shared: [Anna B]\n")
    assert errors(tmp_path / "both", both) == []


def test_empty_cyrillic_fields_and_surname_alone_are_valid(tmp_path: Path) -> None:
    text = GOOD.replace("  gender: f\n", "  gender: f\n  ru:\n  be:\n  surname_alone: true\n")
    assert errors(tmp_path, text) == []
    actors, _ = load_actors(tmp_path)
    assert actors[0].surname_alone and actors[0].ru is None and actors[1].surname_alone is False


def test_surname_alone_must_be_a_boolean(tmp_path: Path) -> None:
    found = errors(tmp_path, GOOD.replace("  gender: f\n", "  gender: f\n  surname_alone: ja\n"))
    assert len(found) == 1 and "surname_alone" in found[0]


@pytest.mark.parametrize(("entry", "line", "expected"), [
    ("  name: Bild\n  kind: medium\n", 11, "name 'Bild' is one of the most common words of German"),
    ("  name: Dies\n  kind: organisation\n", 11, "name 'Dies' is one of the most common words"),
    ("  name: Test AG\n  kind: organisation\n  aliases:\n    - TAG\n    - C++\n", 15, "alias 'C++' holds '+'"),
    ("  name: Test AG\n  kind: organisation\n  aliases: [AT&T]\n", 13, "alias 'AT&T' holds '&'"),
    ("  name: Deutsche Welle (DW)\n  kind: medium\n", 11, "holds '(' ')'"),
    ("  name: Test AG\n  kind: organisation\n  shared: ['Per*Stern']\n", 13, "shared spelling 'Per*Stern' holds '*'"),
    ("  name: '  '\n  kind: organisation\n", 11, "name is blank"),
    ("  name: Test AG\n  kind: organisation\n  aliases: ['T.']\n", 13, "shorter than two letters"),
])
def test_spellings_that_would_link_wrong_words_are_refused_at_their_line(
        tmp_path: Path, entry: str, line: int, expected: str) -> None:
    """Found by hostile testing: "Bild" linked "Das Bild zeigt", "C++" linked every "C"."""
    found = errors(tmp_path, GOOD + "- id: test\n" + entry + "  description: ein Test\n")
    assert len(found) == 1 and found[0].startswith(f"seeds/registry/actors.yml:{line}: error: ") \
        and expected in found[0], found


@pytest.mark.parametrize("entry", [
    "  name: Russland\n  kind: state\n",                  # states are common words by nature
    "  name: Kreml\n  kind: organisation\n",
    "  name: U.S. Army\n  kind: organisation\n  aliases: [\"O’Brien-Stiftung\", \"Kassym-Schomart\"]\n",
])
def test_ordinary_names_with_dots_hyphens_and_apostrophes_pass(tmp_path: Path, entry: str) -> None:
    assert errors(tmp_path, GOOD + "- id: test\n" + entry + "  description: ein Test\n") == []


def test_a_blank_description_is_refused(tmp_path: Path) -> None:
    found = errors(tmp_path, GOOD + "- id: test\n  name: Test AG\n  kind: medium\n  description: '    '\n")
    assert found and "not blank" in found[0], found
