"""Reading seed bytes and front matter: every bad input is one clear diagnostic."""

from __future__ import annotations

import pytest

from dossier.read.seedfile import MAX_SEED_BYTES, read_seed, slug_for

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
    ("---\ntitle: [unclosed\n---\nText\n", "seeds/x.txt:2: error: front matter is not valid YAML"),
    ("---\ntitle: T\ncolour: red\n---\nText\n", "seeds/x.txt:3: error: unknown front-matter key 'colour'"),
    ("---\ndate: 2025-13-45\n---\nText\n", "seeds/x.txt:2: error: date '2025-13-45' is not a real"),
    ("---\ndate: 17.09.2025\n---\nText\n", "seeds/x.txt:2: error: date '17.09.2025' is not a real"),
    ("---\nlanguage: fr\n---\nText\n", "seeds/x.txt:2: error: language 'fr' is not supported"),
    ("---\nurl: javascript:alert(1)\n---\nText\n", "seeds/x.txt:2: error: url 'javascript:alert(1)'"),
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
