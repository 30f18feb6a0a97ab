"""Turn untrusted seed text into Markdown that renders as exactly that text.

Seed text arrives by pull request. Every character that Python-Markdown or an enabled
extension could read as markup is written as an HTML character reference, so `<script>`,
`[x](javascript:…)`, `{: onclick=… }`, `*emphasis*`, `# heading` and `---` all show up
literally. Only the renderer itself adds markup (links, footnote references), around
escaped text, through `compose`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

# Inline syntax: emphasis, code, links, attribute lists, tables, footnotes, critic/mark/caret/
# tilde extensions, raw HTML and character references.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|~^=!$"}
_INLINE.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")


def one_space(text: str) -> str:
    r"""Every run of white space as one space, as `re.sub(r"\s+", " ", text)` gives it (str.split
    splits at exactly the characters `\s` matches), in a third of the time."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def escape_inline(text: str) -> str:
    """Escape text that sits inside a line (not at its start)."""
    return _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], one_space(text))


def escape_block(text: str) -> str:
    """Escape text that starts a Markdown line: also neutralise block syntax (lists, headings,
    quotes, rules, admonitions, indented code) by encoding a leading non-letter."""
    text = escape_inline(text).strip()
    if text and not text[0].isalpha() and not text.startswith("&"):
        text = f"&#{ord(text[0])};" + text[1:]
    return text


# Material re-inserts some texts as HTML: a `title` attribute becomes a tooltip through
# innerHTML (content.tooltips), and so do a cut-off header title and navigation entries.
# Attribute escaping does not help there, because the browser decodes it before the script
# reads it. So untrusted text that can reach a title, a heading or a page title carries no
# angle brackets at all: they become the look-alike quotation marks ‹ ›, which no HTML parser
# reads as a tag. "&" can stay: innerHTML reads "&lt;" as the text "<", never as a tag.
_TOOLTIP = str.maketrans({"<": "‹", ">": "›"})


def tooltip_text(text: str) -> str:
    """Text that stays text when a script inserts it as HTML (titles, tooltips, headings)."""
    return text.translate(_TOOLTIP)


def heading_text(text: str) -> str:
    """Untrusted text for a Markdown heading or a link inside one: escaped, and safe when
    Material shows it again as a tooltip (table of contents, header)."""
    return escape_inline(tooltip_text(text))


# A Markdown link title sits in `(target "title")`: quotes and parentheses inside would end it.
_TITLE_CHARS = str.maketrans({'"': "&quot;", "'": "&#39;", "(": "&#40;", ")": "&#41;"})


@lru_cache(maxsize=4096)
def title_attribute(text: str) -> str:
    """Untrusted text for a Markdown link title (Material shows it as an HTML tooltip); the
    same few titles (an actor's description, an event's name) recur on every page."""
    return escape_inline(tooltip_text(text)).translate(_TITLE_CHARS)


def safe_url(url: str) -> str:
    """An http(s) URL made safe for a Markdown link target; anything else becomes ''."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        return ""
    return quote(url, safe="/:?#&=%+,;@!~$'-._")


@dataclass(frozen=True)
class Insert:
    """Markup placed over text[start:end]; `render` gets the escaped covered text."""

    start: int
    end: int
    render: Callable[[str], str]


def fixed(markup: str) -> Callable[[str], str]:
    """A renderer that places `markup` (for zero-width inserts such as footnote references)."""
    return lambda _covered: markup


def link_to(target: str, title: str = "") -> Callable[[str], str]:
    """A renderer that turns the covered (escaped) text into a Markdown link to `target`."""
    suffix = f' "{title_attribute(title)}"' if title else ""
    return lambda covered: f"[{covered}]({target}{suffix})"


# Python-Markdown's inline pass re-slices a paragraph's text once per character reference it
# finds: quadratic past about 2,000 of them in one paragraph (a 900 KB one-line paste of "[1]"
# kept a build busy for minutes). A paragraph with more is rendered as several.
MAX_REFERENCES = 1000
INSERT_WEIGHT = 3          # a link or footnote reference: its own markup, references in a tooltip


def pieces(text: str, inserts: list[Insert]) -> list[tuple[str, list[Insert]]]:
    """`text` with its inserts, cut so that each piece holds at most about MAX_REFERENCES
    escaped characters and inserts (an insert counts as INSERT_WEIGHT): in plain text at the
    last space before the limit where there is one, or right before an insert, never inside
    one; inserts are shifted to their piece. Ordinary text is one piece, returned as it is.
    Pieces may be empty text with inserts only (300,000 footnote markers in a row)."""
    if len(text) + INSERT_WEIGHT * len(inserts) <= MAX_REFERENCES:
        return [(text, inserts)]
    escaped = [m.start() for m in _INLINE_RE.finditer(text)]
    if len(escaped) + INSERT_WEIGHT * len(inserts) <= MAX_REFERENCES:
        return [(text, inserts)]
    out: list[tuple[str, list[Insert]]] = []
    start, weight, cursor = 0, 0, 0          # the open piece's start and weight; end of covered text
    held: list[Insert] = []

    def close(at: int) -> None:
        nonlocal start, weight, held
        if at > start or held:
            out.append((text[start:at], [Insert(i.start - start, i.end - start, i.render) for i in held]))
        start, weight, held = at, 0, []

    def plain(upto: int) -> None:
        """Text from the cursor to `upto`, cut where the open piece fills up."""
        nonlocal weight, cursor
        while True:
            first, last = bisect_left(escaped, cursor), bisect_left(escaped, upto)
            if weight + last - first <= MAX_REFERENCES:
                weight += last - first
                cursor = max(cursor, upto)
                return
            limit = escaped[first + MAX_REFERENCES - weight]
            cut = text.rfind(" ", max(start, cursor) + 1, limit) + 1 or limit
            close(cut)
            cursor = cut

    for insert in sorted(inserts, key=lambda i: (i.start, -(i.end - i.start))):
        if insert.start >= cursor:            # (one inside an earlier insert is skipped by compose)
            plain(insert.start)
            covered = bisect_left(escaped, insert.end) - bisect_left(escaped, insert.start)
            if weight + INSERT_WEIGHT + covered > MAX_REFERENCES and (held or insert.start > start):
                close(insert.start)
            weight += INSERT_WEIGHT + covered
            cursor = insert.end
        held.append(insert)
    plain(len(text))
    close(len(text))
    return out


def compose(text: str, inserts: list[Insert], *, block: bool = True) -> str:
    """Escape `text` and splice in the renderer's own markup. Overlapping inserts: the first
    one (by start, then longest) wins and later ones inside it are skipped."""
    out: list[str] = []
    pos = 0
    for ins in sorted(inserts, key=lambda i: (i.start, -(i.end - i.start))):
        if ins.start < pos:
            continue
        out.append(escape_inline(text[pos:ins.start]))
        out.append(ins.render(escape_inline(text[ins.start:ins.end])))
        pos = ins.end
    out.append(escape_inline(text[pos:]))
    result = "".join(out).strip()
    if block and result and not result[0].isalpha() and result[0] not in "&[<":
        result = f"&#{ord(result[0])};" + result[1:]
    if block and result.startswith("[^"):
        # A footnote reference at a line start followed by ":" would be read as a footnote
        # definition and swallow the paragraph; a word joiner keeps it inline.
        result = "&#8288;" + result
    return result
