"""Join PDF parts typeset separately into one file, with what crosses parts made whole.

WeasyPrint writes each part with its own outline and named destinations, and cannot point a
link at an anchor in another part. So the parts come with what their layout recorded (pdf.py
`_render`): anchor positions, bookmarks, page counts; internal links are written as addresses
starting with LINK_PREFIX. Here the pages are appended with pikepdf (qpdf; the parts' outlines
and names are left behind), every such link becomes a link to a named destination (/Dest, as
WeasyPrint writes them), the names are written once as one sorted name tree, and the outline is
built from all parts' bookmarks. Written by hand because neither WeasyPrint nor qpdf resolves
links across documents.

qpdf copies a page's objects but reads their stream data (page contents, fonts, images: most
of a PDF's bytes) from the part's file only while it writes the joined one. What it holds is
its model of every other object, mostly the pages' link annotations: about 125 KB a page,
linear in pages (1,000 synthetic articles: 4,256 pages from 17 parts, 0.53 GB and 3.9 s on
their own, where pypdf, used before, kept every object of every part with its streams: 0.84 GB
and 17.5 s, and wrote no object streams: 37 MB instead of 21.7 MB). Same parts in, same bytes
out: the file identifier is derived from the content, no dates but the parts'.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import unquote

import pikepdf
from pikepdf import Array, Dictionary, Name, String

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


def merged_anchors(parts: list[Part]) -> dict[str, Anchor]:
    """Every part's anchors by name; the first of a name wins, as within one WeasyPrint document."""
    anchors: dict[str, Anchor] = {}
    for part in parts:
        for name, at in part.anchors.items():
            anchors.setdefault(name, at)
    return anchors


def _destination(pages: Sequence[pikepdf.Object], at: Anchor) -> Array:
    return Array([pages[at.page], Name.XYZ, round(at.x, 6), round(at.y, 6), 0])


def _links(pages: Sequence[pikepdf.Object], anchors: dict[str, Anchor]) -> tuple[set[str], set[str]]:
    """Point every prefixed link at its named destination; drop those whose anchor exists
    nowhere (as WeasyPrint does). Returns the names used and the names dropped."""
    used: set[str] = set()
    dropped: set[str] = set()
    for page in pages:
        annots = page.get(Name.Annots)
        if annots is None:
            continue
        kept: list[pikepdf.Object] = []
        for annot in annots:
            action = annot.get(Name.A)
            uri = str(action.get(Name.URI, "")) if action is not None else ""
            if not uri.startswith(LINK_PREFIX):
                dest = annot.get(Name.Dest)          # a part's own named link: keep its name
                if isinstance(dest, String) and str(dest) in anchors:
                    used.add(str(dest))
                kept.append(annot)
                continue
            name = uri[len(LINK_PREFIX):]
            name = name if name in anchors else unquote(name)   # WeasyPrint may %-encode the address
            if name in anchors:
                del annot[Name.A]
                annot[Name.Dest] = String(name)
                used.add(name)
                kept.append(annot)
            else:
                dropped.add(name)
        page[Name.Annots] = Array(kept)
    return used, dropped


def _names(pdf: pikepdf.Pdf, pages: Sequence[pikepdf.Object], anchors: dict[str, Anchor], used: set[str]) -> None:
    """One name tree node holding every used destination, sorted (PDF 32000 §7.9.6: by the
    bytes of the keys as written, PDFDocEncoding or UTF-16BE, not by code point)."""
    keys = sorted((String(name) for name in used), key=bytes)
    names = Array([item for key in keys for item in (key, _destination(pages, anchors[str(key)]))])
    pdf.Root.Names = Dictionary(Dests=pdf.make_indirect(Dictionary(Names=names)))


def _outline(pdf: pikepdf.Pdf, pages: Sequence[pikepdf.Object], bookmarks: list[Bookmark]) -> None:
    """The parts' bookmarks as one tree: each under the last bookmark of a lower level, as
    outline dictionaries (PDF 32000 §12.3.3); /Count is the number of visible descendants,
    for a closed item negated: those that would be visible were it opened."""
    root = pdf.make_indirect(Dictionary(Type=Name.Outlines))
    # per item: its dictionary, its children, whether it is open; item 0 is the outline root
    items: list[tuple[pikepdf.Object, list[int], bool]] = [(root, [], True)]
    stack: list[tuple[int, int]] = [(0, 0)]       # (level, item index); bookmark levels start at 1
    for mark in bookmarks:
        while len(stack) > 1 and stack[-1][0] >= mark.level:
            stack.pop()
        parent, siblings, _ = items[stack[-1][1]]
        item = pdf.make_indirect(Dictionary(Title=String(mark.label), Parent=parent,
                                            Dest=_destination(pages, mark.at)))
        siblings.append(len(items))
        stack.append((mark.level, len(items)))
        items.append((item, [], mark.open))

    def link(holder: pikepdf.Object, children: list[int]) -> int:
        """Chain `children` under `holder`; the number of items visible below it when open."""
        visible = 0
        for n, child in enumerate(children):
            item, below, is_open = items[child]
            if n:
                item.Prev = items[children[n - 1]][0]
            if n + 1 < len(children):
                item.Next = items[children[n + 1]][0]
            count = link(item, below)
            if below:
                item.Count = count if is_open else -count
            visible += 1 + (count if is_open else 0)
        if children:
            holder.First, holder.Last = items[children[0]][0], items[children[-1]][0]
        return visible
    # children are linked before their parents' counts are read: recursion depth = outline depth
    top = items[0][1]
    count = link(root, top)
    if top:
        root.Count = count
        pdf.Root.Outlines = root


def join(parts: list[Part], target: Path) -> list[str]:
    """Write `parts`, in order, into `target` as one PDF; metadata from the first part.
    Returns the anchors that links pointed at but no part holds (those links are dropped)."""
    with ExitStack() as opened, pikepdf.new() as pdf:
        # The parts stay open until the joined file is written: their stream data is read then.
        sources = [opened.enter_context(pikepdf.open(part.path)) for part in parts]
        with warnings.catch_warnings():
            # pikepdf warns that a page's named links need the part's name tree (which
            # add_pages_from would copy, with the part's outline): join writes its own tree.
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
            for source in sources:
                pdf.pages.extend(source.pages)
        pages = [page.obj for page in pdf.pages]
        anchors = merged_anchors(parts)
        used, dropped = _links(pages, anchors)
        _names(pdf, pages, anchors, used)
        _outline(pdf, pages, [mark for part in parts for mark in part.bookmarks])
        first = sources[0]
        pdf.docinfo = cast(Dictionary, pdf.copy_foreign(first.docinfo))
        if Name.Lang in first.Root:
            pdf.Root.Lang = String(str(first.Root.Lang))
        pdf.save(target, min_version=max(source.pdf_version for source in sources), deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return sorted(dropped)
