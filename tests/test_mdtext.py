"""Untrusted text through the same Markdown extensions as the site renders as that text."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from dossier.render.mdtext import Insert, compose, escape_block, fixed, link_to, one_space

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
