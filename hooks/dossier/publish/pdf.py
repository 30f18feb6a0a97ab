"""The offline PDF: HTML assembled from the built pages, typeset by WeasyPrint in parts.

Why from the built pages: they are exactly what readers see on the site (footnotes, links,
captions), so the PDF cannot drift from it. Each page's content is taken from Material's
<article>, its ids are prefixed with the page's key, and every link to another page of the
dossier becomes a link inside the PDF (an actor name in an article jumps to the actor's page
in the PDF); external links stay; links to pages not in the PDF become plain text. A link
to an anchor that no page of the PDF holds is dropped by the join and named in the log.

Why in parts: WeasyPrint keeps the layout of a whole document in memory (2.9 GB at 100
articles, past 8 GB at 1,000). So the pages are typeset in parts of bounded HTML size, each
numbered from where the previous one ended, written to a temporary file and freed before the
next; `pdfjoin` then joins the files and restores what crosses parts: links, named
destinations and the outline. The contents come first but are typeset last, with the page
numbers the parts produced (a first pass with placeholder numbers tells how long they are).
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import posixpath
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import tinyhtml5

from dossier.publish.pdfjoin import LINK_PREFIX, Anchor, Bookmark, Part, join, merged_anchors

CSS = Path(__file__).with_name("pdf.css")
SITE_CSS = Path(__file__).resolve().parents[3] / "docs" / "assets" / "dossier.css"
# HTML per part (the article markup, without styles): WeasyPrint's peak memory follows it;
# parts of this size peaked at 0.7-0.85 GB for the whole process (README "Scale"). A page
# larger than this is split (`split`).
PART_BYTES = 1_500_000
# Site chrome, and what pages mark as for the site only (dossier-web-only).
_DROP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-feedback", "dossier-web-only",
                 "dossier-neighbours"}


@dataclass(frozen=True)
class PdfPage:
    url: str          # directory URL below the site, e.g. "artikel/x/" ("" for the start page)
    title: str
    group: str = ""   # a heading in the contents above the first page of a group ("Personen")


@dataclass(frozen=True)
class PdfSection:
    title: str
    pages: tuple[PdfPage, ...]
    continuous: bool = False   # pages follow each other without a page break (registers)


@dataclass(frozen=True)
class PdfPlan:
    title: str
    built: dt.date
    facts: tuple[str, ...]                    # lines for the cover ("2 Artikel", …)
    sources: tuple[str, ...]                  # the source articles, one line each, for the cover
    sections: tuple[PdfSection, ...]


def page_key(url: str) -> str:
    return "p-" + (url.strip("/").replace("/", "-") or "start")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _content(page_html: str) -> ET.Element:
    document: ET.Element = tinyhtml5.parse(page_html)
    for element in document.iter():
        if isinstance(element.tag, str):   # comments and processing instructions have no name
            element.tag = _local(element.tag)
    article = next((e for e in document.iter("article")), None)
    if article is None:
        raise ValueError("no <article> element in the built page")
    return article


def _strip(parent: ET.Element) -> None:
    for child in list(parent):
        classes = set((child.get("class") or "").split())
        unwanted = child.tag in ("script", "form", "nav", "button") or bool(classes & _DROP_CLASSES)
        if not isinstance(child.tag, str) or unwanted:
            parent.remove(child)
        else:
            _strip(child)


def _target(page_url: str, href: str, keys: dict[str, str]) -> str | None:
    """The in-PDF anchor for a link on `page_url`, the link itself when external, or None."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto"):
        return href
    if parts.scheme:
        return None
    own = keys[page_url]
    if not parts.path:
        return f"#{own}--{unquote(parts.fragment)}" if parts.fragment else f"#{own}"
    path = posixpath.normpath(posixpath.join(page_url or ".", parts.path))
    path = "" if path == "." else path.strip("/") + "/"
    if path not in keys:
        return None
    return f"#{keys[path]}--{unquote(parts.fragment)}" if parts.fragment else f"#{keys[path]}"


def rewrite(article: ET.Element, page_url: str, keys: dict[str, str]) -> ET.Element:
    """Prefix ids with the page key and point links into the PDF (pure, for tests)."""
    own = keys[page_url]
    _strip(article)
    # WeasyPrint draws an SVG <a> as text, which would drop the circle inside a network
    # picture's linked node: there the link becomes a plain group (the page has text links).
    for picture in article.iter("svg"):
        for link in picture.iter("a"):
            link.tag = "g"
            link.attrib.pop("href", None)
    for element in article.iter():
        if element.get("id"):
            element.set("id", f"{own}--{element.get('id')}")
        if element.tag == "details":
            element.set("open", "open")
        if element.tag == "a" and element.get("href") is not None:
            target = _target(page_url, element.get("href") or "", keys)
            if target is None:
                del element.attrib["href"]
                element.set("class", (element.get("class") or "") + " dossier-nolink")
            else:
                element.set("href", target)
    article.tag = "section"
    article.attrib.clear()
    article.set("class", "page md-typeset")
    article.set("id", own)
    return article


def _size(element: ET.Element) -> int:
    return len(ET.tostring(element, encoding="unicode", method="html"))


def split(element: ET.Element, limit: int) -> list[ET.Element]:
    """`element` as consecutive copies each about `limit` characters of HTML or less, split
    between children, recursively into the largest (an actor page with a long list of
    mentions); only the first copy keeps the id, an ordered list goes on counting, a leaf
    larger than `limit` stays whole. A page below `limit` is returned as it is (pure, for tests)."""
    if len(element) == 0 or _size(element) <= limit:
        return [element]
    pieces: list[ET.Element] = []
    counted = int(element.get("start") or 1)

    def shell() -> ET.Element:
        copy = ET.Element(element.tag, dict(element.attrib))
        if pieces:
            copy.attrib.pop("id", None)
            copy.set("class", ((copy.get("class") or "") + " page--continued").strip())
            if element.tag == "ol":   # WeasyPrint 70 ignores `start`; the counter it reads
                copy.set("start", str(counted))
                copy.set("style", f"{copy.get('style') or ''}; counter-reset: list-item {counted - 1}".lstrip("; "))
        else:
            copy.text = element.text
        return copy

    current, size = shell(), 0
    for child in list(element):
        for sub in split(child, limit):
            length = _size(sub)
            if size and size + length > limit:
                pieces.append(current)
                current, size = shell(), 0
            current.append(sub)
            size += length
            counted += sub.tag == "li"
    pieces.append(current)
    pieces[-1].tail = element.tail
    return pieces


def _cover(plan: PdfPlan) -> str:
    facts = "".join(f"<li>{html.escape(f)}</li>" for f in plan.facts)
    sources = "".join(f"<li>{html.escape(s)}</li>" for s in plan.sources)
    return (f'<section class="cover"><h1 class="cover-title">{html.escape(plan.title)}</h1>'
            f'<p class="cover-date">Stand: {plan.built.day}.{plan.built.month:02d}.{plan.built.year}</p>'
            f'<ul class="cover-facts">{facts}</ul><h2 class="cover-sources-title">Quellenartikel</h2>'
            f'<ol class="cover-sources">{sources}</ol></section>')


def _toc(plan: PdfPlan, numbers: dict[str, int] | None) -> str:
    """The contents; `numbers` maps anchors to page numbers (None: placeholders of the widest
    number the document can have, for the pass that only measures the contents' length)."""
    wide = "9" * 6     # a million pages: wider than any real number

    def entry(anchor: str, title: str) -> str:
        number = wide if numbers is None else str(numbers.get(anchor, ""))
        return f'<a href="{LINK_PREFIX}{anchor}" data-page="{number}">{html.escape(title)}</a>'

    items = []
    for section in plan.sections:
        # A part of one page ("Glossar", "Quellen") lists no entry below it: it would repeat it.
        shown = section.pages if len(section.pages) > 1 else ()
        pages = "".join((f'<li class="toc-group">{html.escape(p.group)}</li>'
                         if p.group and (i == 0 or shown[i - 1].group != p.group) else "")
                        + f"<li>{entry(page_key(p.url), p.title)}</li>" for i, p in enumerate(shown))
        items.append(f'<li class="toc-section">{entry(_section_id(section), section.title)}<ul>{pages}</ul></li>')
    return f'<nav class="toc"><h1 class="toc-title">Inhalt</h1><ul>{"".join(items)}</ul></nav>'


def _drop_repeated_title(article: ET.Element, title: str) -> None:
    """The first page of a section titled like the section ("Chronik" under "Chronik") loses
    its own title: the part title just above says it, and twice reads as a mistake."""
    for heading in article.findall("h1"):
        if " ".join("".join(heading.itertext()).replace("¶", "").split()) == title:
            article.remove(heading)
        return


def _section_id(section: PdfSection) -> str:
    return "s-" + "".join(c if c.isalnum() else "-" for c in section.title.lower())


def _document(plan: PdfPlan, body: str, first_page: int) -> str:
    """One part as an HTML document. Its internal links start with LINK_PREFIX, not '#':
    WeasyPrint drops a link whose anchor is not in the same document, so it is kept as an
    address and `join` points it at the anchor, wherever that landed."""
    css = SITE_CSS.read_text(encoding="utf-8") + CSS.read_text(encoding="utf-8")
    # The cover's page has no running heads and no number; a later part's first page has
    # both, and goes on counting where the previous part ended.
    css += (f"@page :first {{ counter-reset: page {first_page}; }}" if first_page > 1 else
            "@page :first { @top-left { content: none; } @top-right { content: none; } "
            "@bottom-center { content: none; } }")
    created = plan.built.isoformat()
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(plan.title)}</title>'
            f'<meta name="dcterms.created" content="{created}"><meta name="dcterms.modified" content="{created}">'
            f'<meta name="generator" content="Dossier"><style>{css}</style></head><body>{body}</body></html>')


def _bodies(site: Path, plan: PdfPlan, progress: Callable[[str], None],
            limit: int) -> Iterator[str]:
    """The sections' pages as HTML bodies of about `limit` characters each, in reading order.
    A part that continues a section repeats nothing visible but sets the running head."""
    keys = {p.url: page_key(p.url) for s in plan.sections for p in s.pages}
    body: list[str] = []
    size = 0
    for section in plan.sections:
        started = time.perf_counter()
        single = len(section.pages) == 1   # a one-page part needs no title page of its own
        kind = " part--single" if single else " part--continuous" if section.continuous else ""
        title = "" if single else f'<h1 class="part-title">{html.escape(section.title)}</h1>'
        opening = f'<section class="part{kind}" id="{_section_id(section)}">{title}'
        if not section.pages:
            body.append(opening)
        for index, page in enumerate(section.pages):
            source = site / page.url / "index.html"
            article = rewrite(_content(source.read_text(encoding="utf-8")), page.url, keys)
            if index == 0 and not single:
                _drop_repeated_title(article, section.title)
            for link in article.iter("a"):
                if (link.get("href") or "").startswith("#"):
                    link.set("href", LINK_PREFIX + (link.get("href") or "")[1:])
            whole = ET.tostring(article, encoding="unicode", method="html")
            pieces = [whole] if len(whole) <= limit else [
                ET.tostring(element, encoding="unicode", method="html") for element in split(article, limit)]
            for piece, text in enumerate(pieces):
                if piece:      # a page too large for one part goes on under its running heads
                    text = (f'<div class="page-running">{html.escape(page.title)}</div>' + text)
                if size and size + len(text) > limit:
                    if index == 0 and piece == 0:    # the section starts the next part
                        yield "".join(body)
                        body = [opening]
                    else:                            # the section goes on in the next part
                        yield "".join(body) + "</section>"
                        running = page.title if single else section.title
                        body = [f'<section class="part part--continued{kind}">'
                                f'<div class="part-running">{html.escape(running)}</div>']
                    size = 0
                elif index == 0 and piece == 0:
                    body.append(opening)
                body.append(text)
                size += len(text)
        body.append("</section>")
        progress(f"{section.title}: {len(section.pages)} Seiten gesammelt ({time.perf_counter() - started:.1f} s)")
    if body:
        yield "".join(body)


def _render(document: str, base: Path, target: Path, offset: int) -> Part:
    """Typeset one part into `target`; what `join` needs of it, with pages counted from `offset`.
    The layout is freed before returning, so the peak is one part."""
    from weasyprint import HTML  # imported late: only the PDF needs it

    rendered = HTML(string=document, base_url=str(base)).render()
    anchors: dict[str, Anchor] = {}
    bookmarks: list[Bookmark] = []
    for number, page in enumerate(rendered.pages, start=offset):
        height = page.height
        for name, (x, y, *_rest) in page.anchors.items():
            anchors.setdefault(name, Anchor(number, x * 0.75, (height - y) * 0.75))
        for level, label, (x, y), state in page.bookmarks:
            bookmarks.append(Bookmark(level, label, Anchor(number, x * 0.75, (height - y) * 0.75), state == "open"))
    rendered.write_pdf(target, uncompressed_pdf=False)
    part = Part(target, len(rendered.pages), anchors, tuple(bookmarks))
    del rendered
    gc.collect()
    return part


def write_pdf(site: Path, plan: PdfPlan, target: Path, progress: Callable[[str], None] = lambda _m: None,
              limit: int = PART_BYTES) -> None:
    """The dossier's PDF from the built `site` into `target`, typeset part by part."""
    with tempfile.TemporaryDirectory(prefix="dossier-pdf-") as scratch:
        folder = Path(scratch)
        front = _render(_document(plan, _cover(plan) + _toc(plan, None), 1), site, folder / "front.pdf", 0)
        # The placeholders are as wide as any number can be, so the real contents take at most
        # as many pages; fewer, and blank pages keep the count (the parts need not be set again).
        for _attempt in range(3):
            parts: list[Part] = []
            offset = front.pages
            for index, body in enumerate(_bodies(site, plan, progress, limit)):
                started = time.perf_counter()
                part = _render(_document(plan, body, offset + 1), site, folder / f"part-{index:04d}.pdf", offset)
                parts.append(part)
                offset += part.pages
                progress(f"Teil {index + 1}: {part.pages} Seiten gesetzt ({time.perf_counter() - started:.1f} s)")
            numbers = {name: a.page + 1 for name, a in merged_anchors(parts).items()}
            counted, blank = front.pages, 0
            while True:
                front = _render(_document(plan, _cover(plan) + _toc(plan, numbers)
                                          + '<div class="blank-page"></div>' * blank, 1),
                                site, folder / "front.pdf", 0)
                if front.pages >= counted or blank > counted:
                    break
                blank = counted - front.pages + blank
            if front.pages == counted:
                break
        target.parent.mkdir(parents=True, exist_ok=True)
        dropped = join([front, *parts], target)
        if dropped:     # a page's link to an anchor that no page of the PDF holds: a reader's dead link
            shown = ", ".join(dropped[:5]) + (" …" if len(dropped) > 5 else "")
            progress(f"{len(dropped)} Verweise ohne Ziel im PDF entfernt: {shown}")
