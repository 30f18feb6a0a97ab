"""Join PDF parts typeset separately into one file, with what crosses parts made whole.

WeasyPrint writes each part with its own outline and named destinations, and cannot point a
link at an anchor in another part. So the parts come with what their layout recorded (pdf.py
`_render`): anchor positions, bookmarks, page counts; internal links are written as addresses
starting with LINK_PREFIX. Here the pages are appended with pypdf (the parts' outlines and
names are left behind), every such link becomes a link to a named destination (/Dest, as WeasyPrint writes
them), the names are written once as one sorted name tree, and the outline is built from all
parts' bookmarks. Written by hand because neither WeasyPrint nor pypdf resolves links across
documents. Same parts in, same bytes out: no random file identifier, no dates but the parts'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

LINK_PREFIX = "dossier-pdf:#"   # an internal link inside a part, resolved by `join`


@dataclass(frozen=True)
class Anchor:
    page: int        # page index in the joined PDF, from 0
    x: float         # PDF points from the page's bottom left
    y: float


@dataclass(frozen=True)
class Bookmark:
    level: int
    label: str
    at: Anchor
    open: bool


@dataclass(frozen=True)
class Part:
    path: Path                       # the part's PDF
    pages: int
    anchors: dict[str, Anchor]       # every id in the part, pages counted in the joined PDF
    bookmarks: tuple[Bookmark, ...]


def _destination(writer: PdfWriter, at: Anchor) -> ArrayObject:
    page = writer.pages[at.page].indirect_reference
    return ArrayObject([page, NameObject("/XYZ"), FloatObject(round(at.x, 6)), FloatObject(round(at.y, 6)),
                        NumberObject(0)])


def _links(writer: PdfWriter, anchors: dict[str, Anchor]) -> set[str]:
    """Point every prefixed link at its named destination; drop those whose anchor exists
    nowhere (as WeasyPrint does). Returns the names used."""
    used: set[str] = set()
    for page in writer.pages:
        annots: Any = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots:
            annot: Any = ref.get_object()
            action = annot.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if not uri.startswith(LINK_PREFIX):
                kept.append(ref)
                continue
            name = uri[len(LINK_PREFIX):]
            name = name if name in anchors else unquote(name)   # WeasyPrint may %-encode the address
            if name in anchors:
                del annot["/A"]
                annot[NameObject("/Dest")] = TextStringObject(name)
                used.add(name)
                kept.append(ref)
        page[NameObject("/Annots")] = kept
    return used


def _names(writer: PdfWriter, anchors: dict[str, Anchor], used: set[str]) -> None:
    """One name tree node holding every used destination, sorted (PDF 32000 §7.9.6)."""
    names = ArrayObject()
    for name in sorted(used):
        names.extend([TextStringObject(name), _destination(writer, anchors[name])])
    dests = DictionaryObject({NameObject("/Names"): names})
    writer.root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/Dests"): writer._add_object(dests)})


def _outline(writer: PdfWriter, bookmarks: list[Bookmark]) -> None:
    """The parts' bookmarks as one tree: each under the last bookmark of a lower level."""
    stack: list[tuple[int, IndirectObject | None]] = [(0, None)]
    for mark in bookmarks:
        while stack[-1][0] >= mark.level:
            stack.pop()
        item = writer.add_outline_item(title=mark.label, page_number=mark.at.page, parent=stack[-1][1],
                                       is_open=mark.open, fit=Fit.xyz(round(mark.at.x, 6), round(mark.at.y, 6), 0))
        stack.append((mark.level, item))


def join(parts: list[Part], target: Path) -> None:
    """Write `parts`, in order, into `target` as one PDF; metadata from the first part."""
    writer = PdfWriter()
    for part in parts:
        # Page by page, not PdfWriter.append: that also copies every named destination of the
        # part, inserting each into a sorted list (quadratic in the anchors of a large dossier).
        for page in PdfReader(part.path).pages:
            writer.add_page(page)
    anchors: dict[str, Anchor] = {}
    for part in parts:
        for name, at in part.anchors.items():
            anchors.setdefault(name, at)
    _names(writer, anchors, _links(writer, anchors))
    _outline(writer, [mark for part in parts for mark in part.bookmarks])
    first = PdfReader(parts[0].path)
    if first.metadata is not None:
        writer.add_metadata(dict(first.metadata))
    if "/Lang" in first.root_object:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(first.root_object["/Lang"]))
    with target.open("wb") as stream:
        writer.write(stream)
