"""The PDF typeset in parts (publish/pdf.py, publish/pdfjoin.py): page numbers, contents,
links, named destinations and the outline hold across part boundaries. Tiny hand-made sites,
no mkdocs build; a small part size forces many parts."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dossier.publish.pdf import PdfPage, PdfPlan, PdfSection, page_key, split, write_pdf

FILLER = " ".join(["Ein Satz, der die Seite füllt und keine Namen enthält."] * 40)


def page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Menü</nav>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PdfPlan]:
    root = tmp_path_factory.mktemp("site")
    pages: dict[str, str] = {}
    for i in range(4):
        # each article links to the last actor (a later part) and to its own footnote
        pages[f"artikel/a{i}/"] = page(f"Artikel Nummer {i}", f'<p>{FILLER} <a href="../../akteure/x3/">Person Drei</a>'
                                      f'<sup id="fnref:1"><a href="#fn:1">1</a></sup></p><p>{FILLER}</p>'
                                      f'<h2 id="grüße-{i}">Grüße</h2><p><a href="#gr%C3%BC%C3%9Fe-{i}">oben</a> <a href="#grüße-{i}">da</a></p>'
                                      f'<div class="footnote"><ol><li id="fn:1">Quelle {i}</li></ol></div>')
    for i in range(4):
        # each actor links back to the first article (an earlier part) and to a page not in the PDF
        pages[f"akteure/x{i}/"] = page(f"Person {i}", f'<p>Genannt in <a href="../../artikel/a0/#fnref:1">Artikel 0</a>, '
                                       f'<a href="../../nirgends/">anderswo</a>.</p><p>{FILLER[:600]}</p>')
    # one page far larger than a part: a long numbered list, its last item a link target
    items = "".join(f'<li id="m{i}">Erwähnung {i}: {FILLER[:150]}</li>' for i in range(60))
    pages["akteure/x3/"] = page("Person 3", f'<p>Lange Liste.</p><div class="mentions"><ol>{items}</ol></div>')
    # a network picture as the actor pages carry one: inline SVG, a node linking to an actor
    picture = ('<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">'
               '<line x1="40" y1="50" x2="160" y2="50" stroke="#888"/><a href="../akteure/x1/">'
               '<circle cx="40" cy="50" r="12" fill="#3f51b5"/><text x="40" y="80">Eins</text></a>'
               '<circle cx="160" cy="50" r="8" fill="#e91e63"/></svg><figcaption>Netz</figcaption></figure>')
    pages["methode/"] = page("Methode", f'<p>Wie das Dossier entsteht. <a href="../akteure/x3/#m59">Letzte</a></p>{picture}')
    for url, text in pages.items():
        (root / url).mkdir(parents=True)
        (root / url / "index.html").write_text(text, encoding="utf-8")
    plan = PdfPlan("Testdossier", dt.date(2025, 9, 17), ("4 Artikel",), ("Quelle A",), (
        PdfSection("Artikel", tuple(PdfPage(f"artikel/a{i}/", f"Artikel Nummer {i}") for i in range(4))),
        PdfSection("Akteure", tuple(PdfPage(f"akteure/x{i}/", f"Person {i}") for i in range(4)), continuous=True),
        PdfSection("Methode", (PdfPage("methode/", "Methode"),)),
    ))
    return root, plan


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                number = reader.get_destination_page_number(item)
                assert number is not None
                found.append((depth, item.title, number))
    walk(reader.outline, 0)
    return found


@pytest.fixture(scope="module")
def parted(site: tuple[Path, PdfPlan], tmp_path_factory: pytest.TempPathFactory) -> Path:
    messages: list[str] = []
    target = tmp_path_factory.mktemp("pdf") / "parted.pdf"
    write_pdf(site[0], site[1], target, messages.append, limit=3000)
    assert sum(m.startswith("Teil ") for m in messages) >= 5, messages    # really in parts
    assert not any("ohne Ziel" in m for m in messages), messages          # every link found its anchor
    return target


@pytest.fixture(scope="module")
def whole(site: tuple[Path, PdfPlan], tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "whole.pdf"
    write_pdf(site[0], site[1], target)       # the default part size: one part
    return target


def test_outline_nests_pages_under_their_section_across_parts(parted: Path) -> None:
    items = outline(PdfReader(parted))
    assert [(d, t) for d, t, _ in items] == [
        (0, "Artikel"), *((1, f"Artikel Nummer {i}") for i in range(4)),
        (0, "Akteure"), *((1, f"Person {i}") for i in range(4)), (0, "Methode")]
    pages = [p for _, _, p in items]
    assert pages == sorted(pages)


def test_page_numbers_run_on_and_the_contents_point_to_them(parted: Path) -> None:
    reader = PdfReader(parted)
    for index, pdf_page in enumerate(reader.pages[1:], start=2):          # the cover has no number
        assert pdf_page.extract_text().strip().endswith(str(index)), index
    contents = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    for _depth, title, number in outline(reader):
        assert re.search(rf"{re.escape(title)} ?\.+ ?{number + 1}\b", contents), (title, number + 1, contents)


def test_links_reach_anchors_in_other_parts(parted: Path) -> None:
    reader = PdfReader(parted)
    names = reader.named_destinations
    titles = {title: number for _d, title, number in outline(reader)}
    targets: dict[str, set[int]] = {}
    for pdf_page in reader.pages:
        for ref in pdf_page.get("/Annots", []):
            annot = ref.get_object()
            assert "/URI" not in annot.get("/A", {}) or not str(annot["/A"]["/URI"]).startswith("dossier-pdf:")
            if "/Dest" in annot:
                target = reader.get_destination_page_number(names[str(annot["/Dest"])])
                assert target is not None
                targets.setdefault(str(annot["/Dest"]), set()).add(target)
    actor = page_key("akteure/x3/")
    assert targets[actor] == {titles["Person 3"]}                          # forward, several parts on
    back = f"{page_key('artikel/a0/')}--fnref:1"
    assert targets[back] == {titles["Artikel Nummer 0"]}                   # backward
    assert targets[f"{page_key('artikel/a2/')}--grüße-2"] == {titles["Artikel Nummer 2"] + 1}   # not ASCII
    assert "anderswo" in reader.pages[titles["Person 0"]].extract_text()   # not in the PDF: plain text
    last = reader.pages[next(iter(targets[f"{actor}--m59"]))].extract_text()  # inside a split page
    assert "Erwähnung 59" in last and "\n60." in last          # numbered on across the split


def test_a_continued_section_keeps_its_running_head(parted: Path) -> None:
    reader = PdfReader(parted)
    titles = {title: number for _d, title, number in outline(reader)}
    assert "Akteure" in reader.pages[titles["Person 3"]].extract_text()


def test_parts_change_nothing_but_page_breaks_in_registers(parted: Path, whole: Path) -> None:
    """Articles start on a new page anyway: split or whole, they land on the same pages."""
    split, one = outline(PdfReader(parted)), outline(PdfReader(whole))
    assert [t for _d, t, _p in split] == [t for _d, t, _p in one]
    articles = [(t, p) for _d, t, p in split if t.startswith("Artikel Nummer")]
    assert articles == [(t, p) for _d, t, p in one if t.startswith("Artikel Nummer")]


def test_same_input_same_bytes_in_another_process(site: tuple[Path, PdfPlan], parted: Path, tmp_path: Path) -> None:
    """Set again in a fresh interpreter with another hash seed (set and dict orders, font
    subsets, ids): the same bytes. A build writes its PDF in its own process, so this is
    what reproducible means; the real site's PDF is not set a second time (half a minute)."""
    (tmp_path / "plan.pickle").write_bytes(pickle.dumps(site[1]))
    program = ("import pickle, sys; from pathlib import Path; from dossier.publish.pdf import write_pdf; "
               "write_pdf(Path(sys.argv[1]), pickle.loads(Path(sys.argv[2]).read_bytes()), Path(sys.argv[3]), "
               "limit=3000)")
    subprocess.run([sys.executable, "-c", program, str(site[0]), str(tmp_path / "plan.pickle"),
                    str(tmp_path / "again.pdf")], check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert (tmp_path / "again.pdf").read_bytes() == parted.read_bytes()


def test_split_cuts_a_large_page_between_children_and_keeps_counting() -> None:
    items = "".join(f'<li id="i{n}">Punkt {n} {"x" * 80}</li>' for n in range(50))
    page = ET.fromstring(f'<section id="p-a" class="page"><h1>T</h1><div><ol start="3">{items}</ol></div>'
                         f'<p>Ende</p></section>')
    whole = "".join(page.itertext())
    pieces = split(page, 1000)
    assert len(pieces) > 4
    assert all(len(ET.tostring(p, encoding="unicode")) <= 1000 + 200 for p in pieces)   # + the copied wrappers
    assert "".join("".join(p.itertext()) for p in pieces) == whole                  # nothing lost or doubled
    assert [p.get("id") for p in pieces] == ["p-a"] + [None] * (len(pieces) - 1)  # an id once
    starts = [int(ol.get("start") or 0) for p in pieces for ol in p.iter("ol")]
    lengths = [len(ol) for p in pieces for ol in p.iter("ol")]
    assert starts[0] == 3 and all(b == a + n for a, b, n in zip(starts, starts[1:], lengths, strict=False))
    small = ET.fromstring("<section><p>kurz</p></section>")
    assert split(small, 1000) == [small]


def test_join_writes_the_outline_counts_and_names_of_all_parts(tmp_path: Path) -> None:
    """pdfjoin on blank parts: three levels, a closed item (negative /Count, PDF 32000
    §12.3.3), leaves without /Count, destinations on the joined page numbers."""
    import pikepdf

    from dossier.publish.pdfjoin import LINK_PREFIX, Anchor, Bookmark, Part, join

    parts = []
    for index, count in enumerate((2, 3)):
        path = tmp_path / f"part-{index}.pdf"
        with pikepdf.new() as pdf:
            for _ in range(count):
                pdf.add_blank_page()
            link = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
                A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=f"{LINK_PREFIX}{'b' if index == 0 else 'nowhere'}")))
            pdf.pages[0].obj.Annots = pikepdf.Array([link])
            pdf.save(path)
        parts.append(path)
    marks = [(1, "A", 0, True), (2, "A1", 1, False), (3, "A1x", 1, True), (3, "A1y", 1, True), (1, "B", 2, True),
             (2, "B1", 4, True)]
    bookmarks = tuple(Bookmark(level, label, Anchor(page, 10, 20), state) for level, label, page, state in marks)
    target = tmp_path / "joined.pdf"
    join([Part(parts[0], 2, {"a": Anchor(0, 1, 2), "b": Anchor(3, 5, 6)}, bookmarks[:4]),
          Part(parts[1], 3, {"c": Anchor(4, 1, 2)}, bookmarks[4:])], target)
    reader = PdfReader(target)
    assert len(reader.pages) == 5
    assert outline(reader) == [
        (0, "A", 0), (1, "A1", 1), (2, "A1x", 1), (2, "A1y", 1), (0, "B", 2), (1, "B1", 4)]
    root: Any = reader.root_object["/Outlines"]
    first = root["/First"]
    assert root["/Count"] == 4                    # A, A1, B, B1: A1's children are hidden
    assert first["/Count"] == 1 and first["/First"]["/Count"] == -2
    assert "/Count" not in first["/First"]["/First"]
    assert first["/Next"]["/Title"] == "B" and first["/Next"]["/Prev"]["/Title"] == "A"
    names = reader.named_destinations
    assert set(names) == {"b"} and reader.get_destination_page_number(names["b"]) == 3   # only used names
    annots = [[a.get_object() for a in page.get("/Annots", [])] for page in reader.pages]
    assert [str(a["/Dest"]) for a in annots[0]] == ["b"] and "/A" not in annots[0][0]
    assert annots[2] == []                        # a link to no anchor is dropped


def test_join_sorts_the_name_tree_by_the_bytes_pdf_stores(tmp_path: Path) -> None:
    """Keys outside Latin-1 are stored in PDFDocEncoding (ł = 0x9B) or UTF-16BE (ć): the
    tree is sorted by those bytes (PDF 32000 §7.9.6), not by code point; a part's own named
    link (/Dest) keeps a destination in the new tree, with no warning from pikepdf; a link to
    an anchor no part holds is dropped and named."""
    import pikepdf

    from dossier.publish.pdfjoin import LINK_PREFIX, Anchor, Part, join

    names = ["p-b", "p-z", "p-über", "p-łukasz", "p-šimon", "p-a-ćosić", "Z-upper"]
    path = tmp_path / "part.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        links = [pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=f"{LINK_PREFIX}{name}"))) for name in [*names, "p-nirgends"]]
        links.append(pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10], Dest=pikepdf.String("own"))))
        pdf.pages[0].obj.Annots = pikepdf.Array(links)
        pdf.save(path)
    target = tmp_path / "joined.pdf"
    anchors = {name: Anchor(0, 1, 2) for name in [*names, "own", "unused"]}
    assert join([Part(path, 1, anchors, ())], target) == ["p-nirgends"]
    with pikepdf.open(target) as joined:
        assert len(joined.pages[0].obj.Annots) == len(names) + 1
        tree = list(joined.Root.Names.Dests.Names)
        keys = [bytes(key) for key in tree[::2]]
        assert keys == sorted(keys) and len(keys) == len(names) + 1
        assert {str(key) for key in tree[::2]} == {*names, "own"}
        assert keys != [bytes(pikepdf.String(name)) for name in sorted([*names, "own"])]   # code point order differs
