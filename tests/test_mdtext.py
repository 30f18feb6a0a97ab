"""Untrusted text through the same Markdown extensions as the site renders as that text."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from dossier.render.mdtext import MAX_REFERENCES, Insert, compose, escape_block, fixed, link_to, one_space, pieces

EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc",
              "abbr"]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "text {: onclick=\"alert(1)\" }",
    "{#id .class onclick=x}",
    "# heading",
    "## heading ##",
    "*emphasis* and __strong__ and `code`",
    "---",
    "***",
    "1. list",
    "- item",
    "+ item",
    "> quote",
    "    indented code",
    "!!! danger \"Admonition\"",
    "??? note",
    "| a | b |",
    "[^1]: footnote definition",
    "[ref]: https://evil.example",
    "<!-- comment -->",
    "&lt;script&gt; entity",
    "<https://autolink.example>",
    "--8<-- \"mkdocs.yml\"",
    "Term\n: definition",
    "==mark== ^^ins^^ ~~del~~ {++add++}",
    "<div markdown>*x*</div>",
    "\\*escaped\\*",
]


def render(md: str) -> str:
    return str(markdown.markdown(md, extensions=EXTENSIONS))


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_one_paragraph_of_the_same_text(text: str) -> None:
    out = render(escape_block(text))
    assert re.fullmatch(r"<p>.*</p>", out, re.DOTALL), out
    shown = html.unescape(re.sub(r"</?p>", "", out))
    assert shown == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_compose_keeps_own_markup_and_escapes_the_rest(text: str) -> None:
    source = f"Vorher {text} nachher"
    inserts = [Insert(0, 6, link_to("https://example.org/")), Insert(len(source), len(source), fixed("[^1]"))]
    out = render(compose(source, inserts) + "\n\n[^1]: Anmerkung")
    assert out.count("<a ") == 3  # our link, the footnote reference and its back-link
    assert '<a href="https://example.org/">Vorher</a>' in out
    assert "<script" not in out and "onerror=" not in out and "javascript:" not in out.split('href="')[0]


@pytest.mark.parametrize("text", ["", " ", "\n", "a", " a ", "a \t b\n\nc", "\u00a0x\u2009y\u3000", "x\x1c\x1dy\x85",
                                  "Zeile eins\r\nZeile zwei  ", "\u1680\u2028\u2029"])
def test_one_space_is_the_whitespace_regex(text: str) -> None:
    assert one_space(text) == re.sub(r"\s+", " ", text)


def test_one_space_knows_every_whitespace_character() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert one_space(f"a{every}b") == re.sub(r"\s+", " ", f"a{every}b")


def _references(markdown_text: str) -> int:
    return markdown_text.count("&") + markdown_text.count("[^") + markdown_text.count("](")


@pytest.mark.parametrize("seed", range(40))
def test_pieces_cut_only_between_inserts_and_keep_every_character(seed: int) -> None:
    """An enormous paragraph is cut into pieces Python-Markdown renders in linear time; the
    pieces hold the same text and the same markup, in order."""
    import random

    rng = random.Random(seed)
    n = rng.randint(0, 4000)
    text = "".join(rng.choice("ab <[] *c\u00e4") for _ in range(n))
    inserts = []
    for _ in range(rng.randint(0, 600)):
        a = rng.randint(0, n)
        b = min(n, a + rng.choice([0, 0, 1, 3, 8]))
        inserts.append(Insert(a, b, link_to("x.md") if b > a else fixed("[^1]")))
    cut = pieces(text, inserts)
    assert "".join(piece for piece, _ in cut) == text
    assert sum(len(held) for _, held in cut) == len(inserts)
    joined = "".join(compose(piece, held, block=False) for piece, held in cut)
    assert joined.replace(" ", "") == compose(text, inserts, block=False).replace(" ", "")
    for piece, held in cut:
        assert all(0 <= i.start <= i.end <= len(piece) for i in held)
        if len(cut) > 1:
            assert _references(compose(piece, held, block=False)) <= 3 * MAX_REFERENCES


def test_ordinary_paragraphs_stay_whole() -> None:
    text = "Ein Satz mit <Klammern> & [eckigen] Zeichen. " * 20
    inserts = [Insert(0, 3, link_to("a.md"))]
    assert pieces(text, inserts) == [(text, inserts)]


def test_a_run_of_footnote_markers_at_one_place_is_cut_too() -> None:
    """300,000 markers in an empty paragraph: pieces of empty text, the markers shared out."""
    markers = [Insert(0, 0, fixed(" &#40;1&#41;"))] * 30_000
    cut = pieces("", markers)
    assert len(cut) > 10 and sum(len(held) for _, held in cut) == 30_000
    assert all(piece == "" and len(held) <= MAX_REFERENCES for piece, held in cut)
