"""The offline PDF: one HTML document assembled from the built pages, typeset by WeasyPrint.

Why from the built pages: they are exactly what readers see on the site (footnotes, links,
captions), so the PDF cannot drift from it. Each page's content is taken from Material's
<article>, its ids are prefixed with the page's key, and every link to another page of the
dossier becomes a link inside the PDF (an actor name in an article jumps to the actor's page
in the PDF); external links stay; links to pages not in the PDF become plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import tinyhtml5

CSS = Path(__file__).with_name("pdf.css")
SITE_CSS = Path(__file__).resolve().parents[3] / "docs" / "assets" / "dossier.css"
# Site chrome, and what pages mark as for the site only (dossier-web-only).
_DROP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-feedback", "dossier-web-only",
                 "dossier-neighbours"}


@dataclass(frozen=True)
class PdfPage:
    url: str          # directory URL below the site, e.g. "artikel/x/" ("" for the start page)
    title: str


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


def _cover(plan: PdfPlan) -> str:
    facts = "".join(f"<li>{html.escape(f)}</li>" for f in plan.facts)
    sources = "".join(f"<li>{html.escape(s)}</li>" for s in plan.sources)
    return (f'<section class="cover"><h1 class="cover-title">{html.escape(plan.title)}</h1>'
            f'<p class="cover-date">Stand: {plan.built.day}.{plan.built.month:02d}.{plan.built.year}</p>'
            f'<ul class="cover-facts">{facts}</ul><h2 class="cover-sources-title">Quellenartikel</h2>'
            f'<ol class="cover-sources">{sources}</ol></section>')


def _toc(plan: PdfPlan) -> str:
    items = []
    for section in plan.sections:
        pages = "".join(f'<li><a href="#{page_key(p.url)}">{html.escape(p.title)}</a></li>' for p in section.pages)
        items.append(f'<li class="toc-section"><a href="#{_section_id(section)}">{html.escape(section.title)}</a>'
                     f"<ul>{pages}</ul></li>")
    return f'<nav class="toc"><h1 class="toc-title">Inhalt</h1><ul>{"".join(items)}</ul></nav>'


def _section_id(section: PdfSection) -> str:
    return "s-" + "".join(c if c.isalnum() else "-" for c in section.title.lower())


def assemble(site: Path, plan: PdfPlan, progress: Callable[[str], None] = lambda _m: None) -> str:
    """The whole dossier as one HTML document for WeasyPrint."""
    keys = {p.url: page_key(p.url) for s in plan.sections for p in s.pages}
    body = [_cover(plan), _toc(plan)]
    for section in plan.sections:
        started = time.perf_counter()
        single = len(section.pages) == 1   # a one-page part needs no title page of its own
        kind = " part--single" if single else " part--continuous" if section.continuous else ""
        body.append(f'<section class="part{kind}" id="{_section_id(section)}">'
                    + ("" if single else f'<h1 class="part-title">{html.escape(section.title)}</h1>'))
        for page in section.pages:
            source = site / page.url / "index.html"
            article = rewrite(_content(source.read_text(encoding="utf-8")), page.url, keys)
            body.append(ET.tostring(article, encoding="unicode", method="html"))
        body.append("</section>")
        progress(f"{section.title}: {len(section.pages)} Seiten gesammelt ({time.perf_counter() - started:.1f} s)")
    css = SITE_CSS.read_text(encoding="utf-8") + CSS.read_text(encoding="utf-8")
    created = plan.built.isoformat()
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(plan.title)}</title>'
            f'<meta name="dcterms.created" content="{created}"><meta name="dcterms.modified" content="{created}">'
            f'<meta name="generator" content="Dossier"><style>{css}</style></head><body>{"".join(body)}</body></html>')


def write_pdf(document: str, base: Path, target: Path) -> None:
    """Typeset `document` into `target`. Imported late: WeasyPrint is only needed here."""
    from weasyprint import HTML

    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=document, base_url=str(base)).write_pdf(target, uncompressed_pdf=False)
