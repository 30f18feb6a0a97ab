"""Offline reading: the PDF (outline, text, internal links) and the zipped offline copy."""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pypdf import PageObject, PdfReader

import dossier_hooks
from conftest import ENV, MKDOCS, ROOT, untraced
from dossier.index.corpus import load_corpus
from dossier.publish.offline import zip_folder


def make_site(root: Path, out: Path, epoch: str = "1758067200") -> Path:
    """What `make site` does: the offline copy, then the site with PDF and zip."""
    env = {**ENV, "SOURCE_DATE_EPOCH": epoch}
    offline, site = out / "offline", out / "site"
    for extra, target in (({"DOSSIER_OFFLINE": "true"}, offline),
                          ({"DOSSIER_PDF": "1", "DOSSIER_OFFLINE_DIR": str(offline)}, site)):
        proc = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(target), "-f", str(root / "mkdocs.yml")],
                              cwd=root, env={**env, **extra}, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return site


@pytest.fixture(scope="session")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(ROOT, tmp_path_factory.mktemp("full"))


@pytest.fixture(scope="session")
def reader(full_site: Path) -> PdfReader:
    return PdfReader(full_site / "downloads" / "dossier.pdf")


@pytest.fixture(scope="session")
def texts(reader: PdfReader) -> list[str]:
    """Each page's text, extracted once (pypdf takes seconds for the whole PDF), untraced."""
    with untraced():
        return [page.extract_text() for page in reader.pages]


def outline_titles(reader: PdfReader) -> dict[str, int]:
    found: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                found[item.title] = page
    walk(reader.outline)
    return found


def data(site: Path, name: str) -> Any:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_start_page_links_both_downloads(full_site: Path) -> None:
    start = (full_site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/dossier.pdf"' in start and 'href="downloads/dossier-offline.zip"' in start


def test_outline_has_every_section_article_actor_and_event(full_site: Path, reader: PdfReader) -> None:
    titles = outline_titles(reader)
    for section in ("Artikel", "Akteure", "Glossar der Schreibweisen", "Chronik", "Ereignisse", "Quellen", "Methode"):
        assert section in titles
    for kind, field in (("articles.json", "title"), ("actors.json", "name"), ("events.json", "title")):
        for item in data(full_site, kind):
            if item.get("curated", True):   # uncurated entries stand on the Chronik, without a page
                assert item[field] in titles, item[field]


def test_pdf_text_holds_titles_and_notes(full_site: Path, texts: list[str]) -> None:
    text = re.sub(r"\s+", " ", " ".join(texts))
    text = text.replace("\u2010 ", "").replace("- ", "-")   # WeasyPrint's hyphenation at line ends
    for article in data(full_site, "articles.json"):
        assert article["title"] in text
    assert "Donald Trump traf den nordkoreanischen Machthaber Kim Jong-un dreimal persönlich" in text
    assert "Bild: Russian Defence Ministry/AFP" in text


def test_internal_links_jump_to_the_right_page(reader: PdfReader, texts: list[str]) -> None:
    titles = outline_titles(reader)
    article_page = titles["Auf der Suche nach persönlichen Vorteilen: Händeschütteln statt Isolation"]
    checked = 0
    for annot in reader.pages[article_page].get("/Annots", []):
        link = annot.get_object()
        dest = link.get("/Dest")
        if not isinstance(dest, str) or not dest.startswith("p-akteure-") or "--" in dest:
            continue
        target = reader.get_destination_page_number(reader.named_destinations[dest])
        assert target is not None
        actor = next(t for t, page in titles.items() if page == target and t not in ("Akteure",))
        assert actor.split()[-1].lower() in texts[target].lower()
        checked += 1
    assert checked >= 3


def test_pdf_has_page_numbers_running_heads_and_a_toc(texts: list[str]) -> None:
    toc = texts[1]
    assert toc.startswith("Inhalt") and re.search(r"Artikel\s*\.+\s*\d+", toc)
    page = texts[4].strip()   # running heads and folio come last in the text
    assert "Artikel In Sapads Schatten" in page and page.endswith("5")


def test_offline_zip_links_html_files_and_embeds_search(full_site: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO((full_site / "downloads" / "dossier-offline.zip").read_bytes()))
    names = set(archive.namelist())
    assert "dossier-offline/index.html" in names and "dossier-offline/search/search_index.js" in names
    page = archive.read("dossier-offline/artikel/004_b82fb9a90bbfc716.html").decode("utf-8")
    links = re.findall(r'href="(\.\./[^"#]+)"', page)
    assert links and all(link.endswith((".html", ".css", ".js", ".svg", ".png", ".ico")) for link in links), links
    index = archive.read("dossier-offline/search/search_index.js").decode("utf-8")
    assert index.startswith("var __index = ") and "Tichanowski" in index     # loaded without a server
    assert not any(n.endswith(("dossier.pdf", ".zip")) for n in names)


def test_zip_is_reproducible(full_site: Path, tmp_path: Path) -> None:
    """The offline folder zipped again with the build's SOURCE_DATE_EPOCH gives the same bytes
    (that two builds give the same pages is test_build.test_two_builds_are_identical; that the
    PDF set again in another process is the same is test_pdf_parts)."""
    epoch = int(ENV["SOURCE_DATE_EPOCH"])
    zip_folder(full_site.parent / "offline", tmp_path / "again.zip", epoch)
    assert (tmp_path / "again.zip").read_bytes() == (full_site / "downloads" / "dossier-offline.zip").read_bytes()


def test_pdf_failure_is_one_clear_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    dossier_hooks._state["corpus"] = load_corpus(ROOT)
    with caplog.at_level(logging.INFO):
        dossier_hooks._build_pdf(tmp_path / "no-site")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "PDF could not be written: FileNotFoundError" in errors[0]
    assert "Traceback" not in caplog.text and not (tmp_path / "no-site").exists()   # nothing half-written


def test_pdf_fonts_are_embedded(reader: PdfReader) -> None:
    fonts = {}
    for page in reader.pages[:6]:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font: Any = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


def test_pdf_actor_pages_keep_whole_event_dates(reader: PdfReader, texts: list[str]) -> None:
    """"20. Juni 2025: …" at the start of a list item must not become an ordered list ("a.", "1.")."""
    titles = outline_titles(reader)
    page = re.sub(r"\s+", " ", texts[titles["Keith Kellogg"]])
    assert "20. Juni 2025: Treffen von Keith Kellogg" in page


HYPHENS = "-\u2010\u00ad"


def agreeing(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def test_no_address_is_hyphenated_in_the_pdf(full_site: Path, texts: list[str]) -> None:
    """Every cited address, wherever the PDF shows it, reads as the address: a line may break
    inside it, but no hyphen is added (a page break may interrupt it: running heads follow)."""
    urls = [s["url"] for s in data(full_site, "sources.json")]
    hosts = {urlsplit(u).hostname for u in urls}
    checked, hyphenated = 0, []
    for page in texts:
        text = page.replace("\n", "")
        for match in re.finditer(r"https?://([^/\s]+)", text):
            if match.group(1) not in hosts:
                continue
            shown = text[match.start():]
            best = max(urls, key=lambda u: agreeing(u, shown))
            agree = agreeing(best, shown)
            checked += 1
            if agree < len(best) and agree < len(shown) and shown[agree] in HYPHENS and best[agree] not in HYPHENS:
                hyphenated.append(shown[:agree + 12])
    assert checked >= len(urls) and not hyphenated, hyphenated


def test_registers_run_on_without_a_page_per_entry(full_site: Path, reader: PdfReader, texts: list[str]) -> None:
    """Actors and events follow each other; only articles and parts start a new page, so at
    most those leave a page short (the last page of each)."""
    titles = outline_titles(reader)
    for kind, field in (("actors.json", "name"), ("events.json", "title")):
        entries = [item[field] for item in data(full_site, kind) if item.get("curated", True)]   # uncurated: Chronik only
        if len(entries) > 3:
            assert len({titles[e] for e in entries}) < len(entries), kind
    short = sum(1 for page in texts if len(page.splitlines()) <= 25)
    articles = len(data(full_site, "articles.json"))
    assert short <= articles + 7 + 2, short     # one per article and part, cover and contents


def test_network_pictures_are_in_the_pdf(reader: PdfReader) -> None:
    titles = outline_titles(reader)
    start = titles["Akteure"]
    overview = " ".join(page.extract_text() for page in reader.pages[start:start + 2])
    assert "Das ganze Netz" in overview and "Alexander Lukaschenko" in overview    # drawn labels are text


def placed_lines(page: PageObject) -> list[tuple[float, str]]:
    """A page's text pieces with their distance from the top, top first (pypdf's extraction
    order is not the reading order)."""
    lines: list[tuple[float, str]] = []
    page.extract_text(visitor_text=lambda text, _cm, tm, _font, _size:
                      lines.append((tm[5], text.strip())) if text.strip() else None)
    return sorted(lines)


def test_a_section_opening_page_does_not_repeat_the_section_title(reader: PdfReader) -> None:
    """The part title "Akteure" was followed by the page's own "Akteure" right below it."""
    titles = outline_titles(reader)
    with untraced():
        for title in ("Akteure", "Chronik", "Quellen"):
            lines = placed_lines(reader.pages[titles[title]])
            running_head = min(top for top, text in lines if text == title)
            assert [text for top, text in lines if top > running_head].count(title) == 1, (title, lines[:5])


def test_a_month_heading_never_ends_a_pdf_page(reader: PdfReader) -> None:
    """The Chronik's "JULI" sat alone at the foot of a page, its entries on the next. Text is
    ordered by its place on the page (pypdf's extraction order is not the reading order): the
    lowest line is the page number, the one above it must not be a month."""
    months = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
              "oktober", "november", "dezember"}
    checked = 0
    titles = outline_titles(reader)
    later = [n for t, n in titles.items() if n > titles["Chronik"] and t in ("Ereignisse", "Quellen", "Methode")]
    with untraced():      # the Chronik's pages only: reading every page's positions takes seconds
        for number in range(titles["Chronik"] + 1, min(later, default=len(reader.pages)) + 1):
            lines = placed_lines(reader.pages[number - 1])
            if len(lines) > 2:
                checked += any(text.lower() in months for _, text in lines)
                assert lines[-2][1].lower() not in months, (number, lines[-3:])
    assert checked, "no page with a month heading: the Chronik is missing from the PDF"


def test_linked_network_nodes_keep_their_circles_in_the_pdf() -> None:
    """WeasyPrint draws an SVG <a> as text: a linked node would lose its circle."""
    from dossier.publish.pdf import _content, rewrite

    page = ('<html><body><article><p><a href="../b/">Boris</a></p><svg xmlns="http://www.w3.org/2000/svg">'
            '<a href="../b/"><g><title>Boris</title><circle r="4"/><text>Boris</text></g></a></svg>'
            '</article></body></html>')
    article = rewrite(_content(page), "akteure/a/", {"akteure/a/": "p-a", "akteure/b/": "p-b"})
    picture = next(article.iter("svg"))
    assert not list(picture.iter("a")) and len(list(picture.iter("circle"))) == 1
    assert [a.get("href") for a in article.iter("a")] == ["#p-b"]     # the text link still leads there


def test_the_pdf_contents_group_the_actors_by_kind(texts: list[str]) -> None:
    """One flat list ran "Xi Jinping" into "Atlantic Council"."""
    contents = "\n".join(texts[1:4])
    headings = [line.strip() for line in contents.splitlines()
                if line.strip() in ("PERSONEN", "ORGANISATIONEN", "STAATEN", "MEDIEN")]
    assert headings == ["PERSONEN", "ORGANISATIONEN", "STAATEN", "MEDIEN"], headings
    assert contents.index("PERSONEN") < contents.index("Alexander Lukaschenko") < contents.index("ORGANISATIONEN")
