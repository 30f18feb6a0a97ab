"""Reading seed bytes and front matter: every bad input is one clear diagnostic."""

from __future__ import annotations

import pytest

from dossier.read import seedfile
from dossier.read.seedfile import MAX_SEED_BYTES, read_seed, simple_front_matter, slug_for
from dossier.read.yamlfile import key_line, load_yaml

P = "seeds/x.txt"


def errors(data: bytes) -> list[str]:
    _seed, diags = read_seed(P, data)
    return [d.format() for d in diags if d.severity == "error"]


def test_plain_utf8_is_read_unchanged() -> None:
    seed, diags = read_seed(P, "Titel\nText über Öl.\n".encode())
    assert seed is not None and seed.body == "Titel\nText über Öl.\n" and seed.body_line == 1
    assert diags == []


@pytest.mark.parametrize(("data", "expected"), [
    ("Titel\nZeile zwei ä\n".encode("cp1252"), "seeds/x.txt:2: error: not valid UTF-8 (byte 0xe4)"),
    (b"Titel\nA\x00B\n", "seeds/x.txt:2: error: file contains a NUL byte"),
    (b"", "seeds/x.txt: error: file is empty"),
    (b" \n\t\n  \n", "seeds/x.txt: error: file is empty"),
    (b"x" * (5 * 1024 * 1024), "seeds/x.txt: error: file is 5.0 MiB; one article may be at most 1 MiB"),
])
def test_unusable_bytes_give_one_error_with_file_and_line(data: bytes, expected: str) -> None:
    found = errors(data)
    assert len(found) == 1 and found[0].startswith(expected)


def test_limit_is_inclusive() -> None:
    assert errors(b"a" * MAX_SEED_BYTES) == []


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfTitel\nText.\n",
    b"Titel\r\nText.\r\n",
    b"Titel\rText.\r",
])
def test_bom_and_foreign_line_ends_are_accepted(data: bytes) -> None:
    seed, diags = read_seed(P, data)
    assert seed is not None and seed.body.split("\n")[:2] == ["Titel", "Text."]
    assert all(d.severity == "info" for d in diags)


def test_front_matter_is_split_and_lines_are_kept() -> None:
    seed, diags = read_seed(P, b"---\ntitle: T\ndate: 2025-09-17\noutlet: DW\n---\nErste Zeile\n")
    assert diags == [] and seed is not None
    assert seed.front_matter == {"title": ("T", 2), "date": ("2025-09-17", 3), "outlet": ("DW", 4)}
    assert seed.body == "Erste Zeile\n" and seed.body_line == 6


@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: [unclosed\n---\nText\n", "seeds/x.txt:2: error: front matter: not valid YAML"),
    ("---\ntitle: T\ncolour: red\n---\nText\n", "seeds/x.txt:3: error: unknown front-matter key 'colour'"),
    ("---\ndate: 2025-13-45\n---\nText\n", "seeds/x.txt:2: error: date '2025-13-45' is not a real"),
    ("---\ndate: 17.09.2025\n---\nText\n", "seeds/x.txt:2: error: date '17.09.2025' is not a real"),
    ("---\nlanguage: fr\n---\nText\n", "seeds/x.txt:2: error: language 'fr' is not supported"),
    ("---\nurl: javascript:alert(1)\n---\nText\n", "seeds/x.txt:2: error: url 'javascript:alert(1)' must start "
     "with http:// or https://"),
    ("---\nurl: 'https://a.org/x\" onmouseover=\"alert(1)'\n---\nText\n",
     "seeds/x.txt:2: error: url 'https://a.org/x\" onmouseover=\"alert(1)' contains '\"', which an address must "
     "write percent-encoded (%22)"),
    ("---\nurl: https://a.org/zwei Wörter\n---\nText\n", "seeds/x.txt:2: error: url 'https://a.org/zwei Wörter' "
     "contains a space"),
    ("---\nurl: https://a.org/<b>\n---\nText\n", "seeds/x.txt:2: error: url 'https://a.org/<b>' contains '<'"),
    ("---\nurl: https:///pfad\n---\nText\n", "seeds/x.txt:2: error: url 'https:///pfad' has no valid host"),
    ("---\ntitle: T\nText ohne Ende\n", "seeds/x.txt:1: error: front matter starts with '---' but has no"),
    ("---\n- a\n- b\n---\nText\n", "seeds/x.txt:2: error: front matter must be a mapping"),
    ("---\ntitle: T\n---\n\n", "seeds/x.txt:3: error: the article has front matter but no text"),
])
def test_broken_front_matter_names_file_and_line(text: str, expected: str) -> None:
    found = errors(text.encode())
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.parametrize(("name", "slug"), [
    ("seeds/000_150b3505b4883b8c.txt", "000_150b3505b4883b8c"),
    ("seeds/Mein Artikel über Öl.txt", "mein-artikel-ueber-oel"),
    ("seeds/a..b.txt", "a-b"),
    ("seeds/..txt", ""),
    ("seeds/Ціханоўскі.txt", ""),
])
def test_slugs_are_safe_page_addresses(name: str, slug: str) -> None:
    assert slug_for(name) == slug


RECEIVED = {  # SHA-256 of the two articles exactly as received (shared/seeds)
    "000_150b3505b4883b8c.txt": "61741c960e394fbcf60e19cec040919821ad971b4dd95fba5e17fc78f3c53605",
    "004_b82fb9a90bbfc716.txt": "11bf912128a8070291d9a2a135d8a1c411ea6611eb20c61d4efd3e5c30de7f9d",
}


@pytest.mark.parametrize("name", sorted(RECEIVED))
def test_received_text_is_kept_byte_for_byte_after_front_matter(name: str) -> None:
    import hashlib
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "seeds" / name).read_bytes()
    if data.startswith(b"---\n"):
        data = data[data.index(b"\n---\n", 3) + 5:]
    assert hashlib.sha256(data).hexdigest() == RECEIVED[name]


# Front-matter shapes, plain and odd: where the quick reader takes a block, it must read each
# value exactly as YAML does; everything else it leaves to YAML.
FRONT_MATTER_SHAPES = [
    "title: T\ndate: 2025-09-17\noutlet: DW",
    'title: "Er sagte: ja # nein"\nauthor: \'Jane Roe\'',
    "url: https://example.org/a#b?c=d:e\nlanguage: en",
    "title: Belarus [Update] {live}, 50% | more  \noutlet: Zeit Online ",
    "title: Ünïcödé — „Zitat“ «Guillemets» Лукашенко",
    "title: no", "title: Yes", "title: NULL", "title: true", "title: ~", "title: 1984", "title: 0x1F",
    "title: .inf", "title: -dash", "title: a: b", "title: a #b", "title: a#b", "title: ends:",
    "title: 'it''s'", 'title: "esc\\"aped"', "title: &anchor x", "title: *alias", "title: !tag x",
    "title: |\n  block", "title: >\n  folded", "title: first\n  continued", "title:x", "title : x",
    "Title: x", "colour: red", "title: a\ntitle: b", "# comment\ntitle: x", "title: x # comment",
    "title: tab\there", "title: x\u2028y", "title: x\u00a0", "title: [a, b]", "title: {a: b}", "",
    "\n\ntitle: x\n\n", "date: 2025-9-7", "date: 2025-13-45", "date: 2025-09-17T10:00:00Z",
    "title: \"\"", "title: ''", "title: \"two\" \"quotes\"", "url: ftp://x", "language: fr",
]


@pytest.mark.parametrize("block", FRONT_MATTER_SHAPES)
def test_quick_front_matter_reads_what_yaml_reads(block: str) -> None:
    quick = simple_front_matter(block)
    if quick is None:
        return
    data, diags = load_yaml("seeds/x.txt", block, first_line=2)
    assert diags == [] and data is not None
    assert {key: (str(value), key_line(data, key, 2)) for key, value in data.items()} == {
        key: (value, index + 2) for key, value, index in quick}


def test_quick_front_matter_takes_the_plain_shapes_and_leaves_the_rest() -> None:
    taken = [block for block in FRONT_MATTER_SHAPES if simple_front_matter(block) is not None]
    assert len(taken) >= 10
    assert simple_front_matter("title: no") is None and simple_front_matter("title: a: b") is None


@pytest.mark.parametrize("block", FRONT_MATTER_SHAPES)
def test_a_seed_reads_the_same_with_and_without_the_quick_reader(block: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = f"---\n{block}\n---\nText des Artikels.\n".encode()
    quick = read_seed("seeds/x.txt", data)
    monkeypatch.setattr(seedfile, "simple_front_matter", lambda _text: None)
    assert quick == read_seed("seeds/x.txt", data)


@pytest.mark.parametrize("block", [
    "title: x\ntopics: " + "[" * 1200 + "]" * 1200 + "\n",
    "title: x\nnotes:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 400)) + " " * 400 + "v: 1\n",
])
def test_yaml_nested_too_deep_names_the_line_where_it_goes_too_deep(block: str) -> None:
    """Python's recursion limit stopped the parser; the message said line 1 and RecursionError."""
    data, diags = load_yaml("seeds/x.txt", block, first_line=2)
    deepest = block.count("\n") if "k1:" in block else 2
    assert data is None and [(d.line, d.code) for d in diags] == [(deepest + 1, "yaml-too-deep")], diags
    assert "Recursion" not in diags[0].message


def test_front_matter_after_blank_lines_is_front_matter_with_its_lines() -> None:
    """A paste that starts with an empty line made the block article text: title '---'."""
    seed, diags = read_seed(P, b"\n\n---\ntitle: Sp\xc3\xa4t\ndate: 2025-06-01\n---\nErste Zeile\n")
    assert diags == [] and seed is not None
    assert seed.front_matter == {"title": ("Spät", 4), "date": ("2025-06-01", 5)}
    assert seed.body == "Erste Zeile\n" and seed.body_line == 7


def test_a_rule_after_blank_lines_stays_text() -> None:
    seed, diags = read_seed(P, b"\n\n---\nEin Absatz\n---\nmehr\n")
    assert diags == [] and seed is not None and seed.front_matter == {} and "Ein Absatz" in seed.body


@pytest.mark.parametrize(("block", "value", "expected"), [
    ("title: Proteste in Minsk #Belarus #Freiheit", "Proteste in Minsk", "cut at ' #', where a YAML comment starts"),
    ("title: 1e3", "1000.0", "read by YAML as the number 1000.0; put it in quotes (title: \"1e3\")"),
    ("author: 0x1F", "31", "as the number 31"),
    ("title: \"\"", None, "'title' is empty"),
    ("outlet: '   '", None, "'outlet' is empty"),
])
def test_text_that_yaml_reads_otherwise_than_written_is_a_warning(block: str, value: str | None,
                                                                   expected: str) -> None:
    seed, diags = read_seed(P, f"---\n{block}\n---\nText.\n".encode())
    assert seed is not None and [d.line for d in diags] == [2] and diags[0].severity == "warning"
    assert expected in diags[0].message, diags
    key = block.split(":")[0]
    assert seed.front_matter.get(key, (None,))[0] == value


@pytest.mark.parametrize("block", ["title: \"Proteste #Belarus\"", "title: Proteste#Belarus", "title: '1e3'"])
def test_quoted_or_plain_values_give_no_warning(block: str) -> None:
    seed, diags = read_seed(P, f"---\n{block}\n---\nText.\n".encode())
    assert seed is not None and diags == [], diags


@pytest.mark.parametrize(("block", "expected"), [
    ("title: Belarus: Lukaschenko lässt frei", "must be quoted as a whole"),
    ("title: 'Sapad' im Test", "must be quoted as a whole"),
    (": x", "a line with ':' but no key"),
])
def test_common_yaml_slips_say_how_to_fix_them(block: str, expected: str) -> None:
    found = errors(f"---\n{block}\n---\nText.\n".encode())
    assert len(found) == 1 and found[0].startswith("seeds/x.txt:2: error: ") and expected in found[0], found
