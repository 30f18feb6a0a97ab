"""What a reader sees: German interface, rendered guides, clean addresses, article headers,
search ranking and the offline copy (the last two in a real browser)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar
from xml.etree import ElementTree

import markdown
import pytest

from browser.harness import Visit, browser, open_page, serve
from conftest import ENV, MKDOCS, ROOT, Build
from dossier.annotate.actors import Actor, expand_variants
from dossier.annotate.mentions import Mention
from dossier.annotate.namewords import sorted_name
from dossier.model import Article, Part
from dossier.parse.article import parse_article
from dossier.publish.offline import ROOT_FOLDER, zip_folder
from dossier.read.seedfile import read_seed
from dossier.render.actor_pages import actor_summary, render_actor
from dossier.render.articles import display_title, reading_order, render_article
from dossier.render.glossary import render_glossary, scheme_label
from dossier.render.mdtext import Insert, link_to
from dossier.render.network import CHAR_WIDTH, FONT_SIZE, figure, neighbourhood, network_svg, page_href, place_labels

# Interface strings Material, Python-Markdown or our own renderers produce in English unless
# configured; none may reach a page of a German site.
ENGLISH_UI = ("Jump back to footnote", "Permanent link", "Made with", "404 - Not found", "Not found",
              "Registry (", "Front Matter", "Skip to content", "Back to top", "Initializing search",
              "Type to start searching", "Edit this page", "Copy to clipboard", "Table of contents",
              "Last update", "Search</", ">Previous<", ">Next<")


def parse(text: str, name: str = "seeds/t.txt") -> Article:
    seed, diags = read_seed(name, text.encode())
    assert seed is not None, diags
    return parse_article(seed)[0]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_english_interface_string_on_any_page(real_build: Build) -> None:
    pages = html_pages(real_build.site)
    assert any(p.name == "404.html" for p in pages)
    found = [(p.relative_to(real_build.site).as_posix(), s) for p in pages
             for s in ENGLISH_UI if s in p.read_text(encoding="utf-8")]
    assert not found, found


def test_the_not_found_page_links_home_on_this_host(real_build: Build) -> None:
    """The 404 page is served at any missing address, so its home link is absolute to the site;
    "//" (what base_url + "/" gave) is a protocol-relative address of no host at all."""
    page = (real_build.site / "404.html").read_text(encoding="utf-8")
    home = re.findall(r'<a href="([^"]*)">Zur Startseite</a>', page)
    assert home == ["/"], home


def test_footnote_back_links_and_permalinks_are_german(real_build: Build) -> None:
    page = real_build.page("artikel/004_b82fb9a90bbfc716")
    assert 'title="Zurück zur Stelle von Fußnote 3 im Text"' in page
    assert 'title="Link zu diesem Abschnitt"' in page
    assert "Erstellt mit" in page


def test_contributor_guide_renders_code_blocks(real_build: Build) -> None:
    page = real_build.page("mitwirken")
    assert "```" not in page and '<div class="highlight"><pre>' in page
    toc = re.findall(r'<a href="#[^"]*" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', page)
    assert toc and not any("`" in entry or entry.lower() in ("yaml", "text") for entry in toc), toc


def test_footnote_shows_the_address_without_tracking_parameters() -> None:
    article = parse("Ein Titel\n\nDer Text nennt eine Quelle (1) und noch eine (2).\n\nAnmerkungen:\n"
                    "1. Bericht unter https://example.org/a?id=7&utm_source=newsletter&fbclid=XYZ.\n"
                    "2. Siehe http://news.example.net/b?utm_medium=social#teil-2 dazu.\n")
    rendered = markdown.markdown(render_article(article), extensions=["meta", "footnotes", "attr_list", "md_in_html",
                                                                       "tables", "pymdownx.details", "toc"])
    assert "utm_" not in rendered and "utm&#95;" not in rendered and "fbclid" not in rendered
    shown = html.unescape(rendered)
    assert ">https://example.org/a?id=7</a>" in shown and ">http://news.example.net/b#teil-2</a>" in shown


def _article_html(article: Article, annotate: Any = None) -> str:
    page = render_article(article, annotate) if annotate else render_article(article)
    return markdown.markdown(page, extensions=["meta", "footnotes", "attr_list", "md_in_html", "tables",
                                               "pymdownx.details", "toc"])


_LIST_TEXT = ("Belarus lässt Gefangene frei\n\nDie Regierung hat am Donnerstag politische Gefangene "
              "freigelassen, darunter mehrere Ausländer, wie die Botschaft mitteilte.\n\nDie Forderungen:\n\n"
              "{items}\nDie Regierung wies die Forderungen zurück und verwies auf die Souveränität des "
              "Landes, wie ein Sprecher am Abend sagte.\n")


@pytest.mark.parametrize(("items", "tag", "texts"), [
    ("- Freilassung aller Gefangenen\n- Neuwahlen\n- 12 Medien frei\n", "ul",
     ["Freilassung aller Gefangenen", "Neuwahlen", "12 Medien frei"]),
    ("• Erstens dies\n• Zweitens das\n", "ul", ["Erstens dies", "Zweitens das"]),
    ("* Ein Punkt\n* Noch einer\n", "ul", ["Ein Punkt", "Noch einer"]),
    ("– Gedankenstrich\n– als Aufzählung\n", "ul", ["Gedankenstrich", "als Aufzählung"]),
    ("•Ohne Abstand\n•Auch so\n", "ul", ["Ohne Abstand", "Auch so"]),
    ("1. Freilassung\n2. Neuwahlen\n3) Pressefreiheit\n", "ol", ["Freilassung", "Neuwahlen", "Pressefreiheit"]),
    ("1.) Freilassung\n2.) Neuwahlen\n", "ol", ["Freilassung", "Neuwahlen"]),
])
def test_list_items_of_the_source_are_a_list_whose_items_keep_their_line_anchors(
        items: str, tag: str, texts: list[str]) -> None:
    article = parse(_LIST_TEXT.format(items=items))
    shown = html.unescape(_article_html(article))
    found = re.search(rf"<{tag}>(.*?)</{tag}>", shown, re.S)
    assert found, shown
    got = re.findall(r'<li id="zeile-(\d+)">(.*?)</li>', found[1])
    assert [text for _, text in got] == texts
    assert [int(line) for line, _ in got] == list(range(7, 7 + len(texts)))
    assert "Die Forderungen:" in shown and "wies die Forderungen zurück" in shown


@pytest.mark.parametrize("items", [
    "3. Freilassung\n4. Neuwahlen\n",         # Markdown would number them 1 and 2
    "9. August 2020: Wahl\n",                  # a date, not the first point
    "1. Freilassung\n3. Neuwahlen\n",
    "1. FC Union Berlin gewinnt\n",            # one number is no list
    "* Name von der Redaktion geändert.\n",    # one asterisk is a note
    "* * *\n",                                 # a scene break
    "1. Mai 2025: Demonstration\n2. Mai 2025: Festnahmen\n",   # a chronology's days
])
def test_lone_items_and_numbers_that_do_not_count_from_one_stay_paragraphs(items: str) -> None:
    shown = html.unescape(_article_html(parse(_LIST_TEXT.format(items=items))))
    assert "<ol>" not in shown and "<li" not in shown.split("Angaben zum Artikel")[0]
    for line in items.splitlines():
        assert f">{line}</p>" in shown


def test_bullets_and_letters_after_a_numbered_item_are_its_sub_items() -> None:
    shown = html.unescape(_article_html(parse(_LIST_TEXT.format(
        items="1. Freilassung aller Gefangenen\n- darunter Maria\na) und Ihar\n2. Neuwahlen\n- eins\nb) zwei\n"))))
    assert re.search(r'<ol>\s*<li id="zeile-7">Freilassung aller Gefangenen<ul>\s*<li id="zeile-8">darunter Maria</li>'
                     r'\s*<li id="zeile-9">und Ihar</li>\s*</ul>\s*</li>\s*<li id="zeile-10">Neuwahlen<ul>'
                     r'\s*<li id="zeile-11">eins</li>\s*<li id="zeile-12">zwei</li>\s*</ul>\s*</li>\s*</ol>', shown), shown


def test_a_scene_break_ends_a_list_and_stays_a_paragraph() -> None:
    shown = html.unescape(_article_html(parse(_LIST_TEXT.format(items="- eins\n- zwei\n* * *\n- drei\n- vier\n"))))
    assert re.search(r"<ul>\s*<li[^>]*>eins</li>\s*<li[^>]*>zwei</li>\s*</ul>\s*<p[^>]*>\* \* \*</p>"
                     r"\s*<ul>\s*<li[^>]*>drei</li>", shown), shown


@pytest.mark.parametrize("item", ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{: onclick=alert(1) }",
                                  "```", "    eingerückt", "1. 2. verschachtelt", "- - doppelt", "> Zitat"])
def test_list_items_are_text_whatever_they_hold(item: str) -> None:
    shown = _article_html(parse(_LIST_TEXT.format(items=f"- {item}\n- normal\n")))
    body = shown.split("Angaben zum Artikel")[0]
    items = re.findall(r"<li[^>]*>(.*?)</li>", body, re.S)
    assert [html.unescape(i) for i in items] == [item.strip(), "normal"], body
    assert "<img" not in body and "javascript:" not in body.replace("javascript:alert(1))", "") \
        and "onclick" not in re.sub(r"<li[^>]*>.*?</li>", "", body, flags=re.S)


def test_an_item_with_markup_inside_its_marker_stays_a_paragraph() -> None:
    article = parse(_LIST_TEXT.format(items="- eins\n- zwei\n"))

    def annotate(_article: str, _line: int, _part: str, text: str) -> list[Insert]:
        return [Insert(0, 1, link_to("x.md"))] if text.startswith("- eins") else []
    body = html.unescape(_article_html(article, annotate)).split("Angaben zum Artikel")[0]
    assert "<li" not in body and '<a href="x.md">-</a> eins' in body, body


def test_a_list_that_opens_the_text_is_a_list_from_its_first_item() -> None:
    article = parse("Das Wichtigste in Kürze\n\n- Belarus hat 52 Gefangene freigelassen.\n- Die USA lockern "
                    "Sanktionen.\n- Weitere Freilassungen sind angekündigt.\n\nDie Regierung in Minsk hat am "
                    "Donnerstag 52 politische Gefangene freigelassen, wie die US-Botschaft mitteilte.\n")
    shown = html.unescape(_article_html(article))
    assert re.findall(r"<li[^>]*>(.*?)</li>", shown.split("Angaben zum Artikel")[0]) == [
        "Belarus hat 52 Gefangene freigelassen.", "Die USA lockern Sanktionen.",
        "Weitere Freilassungen sind angekündigt."], shown


def test_a_bulleted_and_a_numbered_list_in_a_row_stay_two_lists_and_names_link_inside_items() -> None:
    article = parse(_LIST_TEXT.format(items="- Freilassung von Anna Meier\n- Neuwahlen\n1. Eins\n2. Zwei\n"))

    def annotate(_article: str, _line: int, _part: str, text: str) -> list[Insert]:
        at = text.find("Anna Meier")
        return [Insert(at, at + 10, link_to("../akteure/anna-meier.md"))] if at >= 0 else []
    shown = html.unescape(_article_html(article, annotate))
    assert re.search(r"<ul>\s*<li[^>]*>Freilassung von <a href=\"../akteure/anna-meier.md\">Anna Meier</a></li>",
                     shown), shown
    assert re.search(r"</ul>\s*<!-- -->\s*<ol>\s*<li id=\"zeile-9\">Eins</li>", shown), shown


def test_no_tracking_parameter_is_visible_on_any_page(real_build: Build) -> None:
    tracking = re.compile(r"(utm|utm&#95;)_?[a-z]+(=|&#61;)|fbclid=", re.IGNORECASE)
    found = [p.relative_to(real_build.site).as_posix() for p in html_pages(real_build.site)
             if tracking.search(p.read_text(encoding="utf-8"))]
    assert not found, found
    assert not tracking.search((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pasted", ["https://example.org/x?utm_source=a", "https://example.org/x?fbclid=1&utm_term=b"])
def test_article_origin_is_shown_cleaned(pasted: str) -> None:
    article = parse(f"---\ntitle: T\nurl: {pasted}\n---\nText eins.\n")
    assert "utm" not in render_article(article) and "fbclid" not in render_article(article)


# --- the offline copy -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a reader gets: the offline build, zipped as the site does it, and unzipped."""
    out = tmp_path_factory.mktemp("offline")
    proc = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(out / "build"), "-f", str(ROOT / "mkdocs.yml")],
                          cwd=ROOT, env={**ENV, "DOSSIER_OFFLINE": "true"}, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zip_folder(out / "build", out / "copy.zip", 1758067200)
    with zipfile.ZipFile(out / "copy.zip") as archive:
        archive.extractall(out / "unzipped")
    return out / "unzipped" / ROOT_FOLDER


class _Fetches(HTMLParser):
    """Every address a page makes the browser load (not links a reader may follow)."""

    LOADING: ClassVar[dict[str, str]] = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
               "embed": "src", "object": "data", "link": "href", "track": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        wanted = [self.LOADING.get(tag), "srcset", "poster", "background"] + (["action"] if tag == "form" else [])
        self.found += [v for name in wanted if name and (v := values.get(name))]
        self.found += re.findall(r"url\(([^)]*)\)", values.get("style") or "")


def outside(address: str) -> bool:
    return bool(re.match(r"\s*['\"]?(https?:)?//", address, re.IGNORECASE))


def test_no_offline_page_loads_anything_from_outside(offline_copy: Path) -> None:
    loads: list[str] = []
    for page in html_pages(offline_copy):
        parser = _Fetches()
        parser.feed(page.read_text(encoding="utf-8"))
        loads += [f"{page.name}: {a}" for a in parser.found if outside(a)]
    for sheet in offline_copy.rglob("*.css"):
        loads += [f"{sheet.name}: {a}" for a in re.findall(r"url\(([^)]*)\)", sheet.read_text(encoding="utf-8"))
                  if outside(a)]
    assert not loads, loads[:10]
    assert (offline_copy / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    # Material's bundle names unpkg.com only for polyfills of old browsers and for Mermaid
    # diagrams (none here); the pages themselves must not.
    assert not [p.name for p in html_pages(offline_copy) if "unpkg.com" in p.read_text(encoding="utf-8")]


@pytest.mark.browser
def test_a_browser_without_resize_observer_fetches_no_polyfill(real_build: Build) -> None:
    """Material loads a ResizeObserver polyfill from unpkg.com where the browser has none; the
    dossier's stand-in keeps such a reader's pages free of third-party requests."""
    visit = Visit()
    with serve(real_build.site) as base, browser() as context:
        context.add_init_script("delete window.ResizeObserver;")
        page = open_page(context, base + "akteure/alexander-lukaschenko/", visit)
        assert page.evaluate("() => typeof ResizeObserver") == "function"
        results = search(page, "Lukaschenko")
    assert results and visit.hosts == {"127.0.0.1"}, visit.hosts
    assert not visit.errors, visit.errors


def test_no_page_holds_a_diagram_that_would_fetch_mermaid(real_build: Build) -> None:
    """The bundle's other outside address: Mermaid, fetched for an element of class mermaid."""
    assert not [p.name for p in html_pages(real_build.site)
                if re.search(r'class="[^"]*\bmermaid\b', p.read_text(encoding="utf-8"))]


def search(page: Any, query: str) -> list[str]:
    """Type `query` into Material's search box; the result addresses, best first."""
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")      # Material reads the query on key events; fill() alone sends none
    page.wait_for_selector(".md-search-result__item a, .md-search-result__meta", timeout=20000)
    page.wait_for_timeout(400)
    return [a.get_attribute("href") or "" for a in page.query_selector_all(".md-search-result__item > a")]


@pytest.mark.browser
def test_offline_copy_searches_from_file_without_network(offline_copy: Path) -> None:
    visit = Visit()
    with browser() as context:
        context.set_offline(True)
        page = open_page(context, (offline_copy / "index.html").as_uri(), visit)
        results = search(page, "Tsikhanouski")
        assert any("akteure/" in r or "artikel/" in r for r in results), results
    assert visit.hosts <= {"file"}, visit.hosts
    assert not visit.errors, visit.errors


# --- article pages --------------------------------------------------------------------------

def test_article_starts_with_title_one_line_and_the_text() -> None:
    article = parse("---\ntitle: Ein Treffen in Minsk\noutlet: Beispiel-Zeitung\nauthor: Erika Muster\n---\n"
                    "3. März 2025\n\nDer erste Absatz des Textes.\n\nDer zweite Absatz.\n")
    page = render_article(article)
    body = page.split("---\n", 2)[2]
    lines = [line for line in body.splitlines() if line.strip()]
    assert lines[0] == "# Ein Treffen in Minsk"
    assert html.unescape(lines[1]).startswith("3. März 2025 · Beispiel-Zeitung · Erika Muster")
    assert markdown.markdown(lines[1]).startswith("<p>")               # a line, not a numbered list
    assert "Der erste Absatz" in lines[3]
    assert body.index("Der zweite Absatz") < body.index('??? info "Angaben zum Artikel')   # facts folded, below
    assert "    | Datum | 3. März 2025 |" in body


def test_article_of_unknown_date_says_so_in_its_byline() -> None:
    page = render_article(parse("Ohne Datum\n\nEin Text ohne Datum.\n"))
    assert "\nDatum unbekannt\n{ .dossier-byline }" in page


def test_previous_and_next_articles_follow_date_order() -> None:
    texts = {"b": "B-Titel\n\n2. Mai 2025\n\nText.\n", "a": "A-Titel\n\n1. Januar 2025\n\nText.\n",
             "c": "C-Titel\n\n9. Juli 2025\n\nText.\n", "u": "U-Titel\n\nText ohne Datum.\n"}
    articles = [parse(t, f"seeds/{n}.txt") for n, t in texts.items()]
    order = reading_order(articles)
    assert [display_title(a) for a in order] == ["A-Titel", "B-Titel", "C-Titel", "U-Titel"]
    middle = render_article(order[1], neighbours=(order[0], order[2]))
    assert "Vorheriger Artikel · 1. Januar 2025</span> A-Titel]" in middle
    assert "Nächster Artikel · 9. Juli 2025</span> C-Titel]" in middle
    last = render_article(order[3], neighbours=(order[2], None))
    assert "Nächster Artikel" not in last and "Vorheriger Artikel · 9. Juli 2025" in last


def test_generated_pages_highlight_their_section(real_build: Build) -> None:
    def active(url: str) -> list[str]:
        return re.findall(r'md-nav__item--active">\s*<a href="([^"]*)"', real_build.page(url))
    article = next(p.parent.name for p in (real_build.site / "artikel").glob("*/index.html"))
    assert active(f"artikel/{article}") == ["../"]
    assert active("akteure/alexander-lukaschenko") == ["../"]
    event = next(p.parent.name for p in (real_build.site / "ereignisse").glob("*/index.html"))
    assert active(f"ereignisse/{event}") == ["../"]          # the events overview, in the navigation
    assert active("glossar") == []          # a page in the navigation marks itself, as before


# --- search -------------------------------------------------------------------------------

def _actor(**extra: Any) -> Actor:
    fields: dict[str, Any] = {"id": "maryja-kalesnikava", "name": "Maryja Kalesnikava", "kind": "person",
                              "description": "belarussische Musikerin und Oppositionelle.", "path": "r.yml",
                              "line": 3, "gender": "f"}
    fields.update(extra)
    variants = expand_variants(fields["name"], "Мария Колесникова", "Марыя Калеснікава", ["Maria Kolesnikowa"])
    return Actor(**fields, variants=variants)


def _mention(article: str, form: str) -> Mention:
    return Mention(article, Part("text"), 3, 0, len(form), form, "maryja-kalesnikava", form, None, None, False)


def test_actor_summary_says_who_how_often_and_every_spelling_on_one_line() -> None:
    actor = _actor(role="Sprecherin des Koordinationsrats")
    summary = actor_summary(actor, [_mention("a", "Maryja Kalesnikava"), _mention("b", "Maria Kolesnikowa"),
                                    _mention("b", "Maria Kolesnikowa")])
    assert "\n" in summary and summary.endswith("{ .dossier-summary }")
    line = summary.split("\n")[0]
    assert line.startswith("*Person · weiblich* — belarussische Musikerin und Oppositionelle.")
    assert "Rolle im Dossier:** Sprecherin des Koordinationsrats." in line
    assert "Im Dossier 3 Erwähnungen in 2 Artikeln." in line
    shown = line.split("Schreibweisen:** ")[1].rstrip(".").split(", ")
    assert set(shown) == {v.form for v in actor.variants} and len(shown) == len(set(shown))
    assert shown[-2:] == ["Мария Колесникова", "Марыя Калеснікава"]       # Cyrillic last
    assert "Im Dossier bisher nicht erwähnt." in actor_summary(_actor(), [])


def test_actor_page_is_boosted_and_only_its_summary_is_searched() -> None:
    page = render_actor(_actor(), [_mention("a", "Maryja Kalesnikava")], {"a": parse("T\n\nMaryja Kalesnikava.\n")},
                        Counter({"x": 1}), {"x": _actor(id="x", name="Anderer Mensch")}, ["## Ereignisse", "", "- e"])
    assert "search:\n  boost: " in page
    outside_divs = re.sub(r"<div [^>]*data-search-exclude[^>]*>.*?</div>", "", page, flags=re.DOTALL)
    for heading in re.findall(r"^## .*$", outside_divs, re.MULTILINE):
        assert "data-search-exclude" in heading, heading
    assert '<div class="dossier-actor-events" data-search-exclude markdown>' in page


def _table_rows(page: str, header: str) -> list[list[str]]:
    lines = page.split("\n")
    start = lines.index(header) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_each_spelling_is_one_row_with_all_its_schemes_and_no_stray_dash() -> None:
    """A spelling that is the registry name and also a romanisation in several schemes is one
    row, naming its source form and every scheme; a dash only where nothing is known."""
    actor = _actor()
    page = render_actor(actor, [], {}, Counter(), {})
    rows = _table_rows(page, "| Schreibweise | Ausgangsform | Schema | im Dossier |")
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)) == len({v.form for v in actor.variants})
    by_form = {v.form: [w for w in actor.variants if w.form == v.form] for v in actor.variants}
    assert any(len(vs) > 1 for vs in by_form.values())          # the case this is about exists
    glossary = render_glossary([actor], [])
    by_form |= {sorted_name(form, actor.surname): vs for form, vs in by_form.items()}   # "Surname, First"
    for table in (rows, [r[:1] + r[2:4] for r in _table_rows(glossary, "| Schreibweise | Akteur | Ausgangsform "
                                                                       "| Schema | belegt |")]):
        for form, source, scheme, *_ in table:
            assert "; —" not in source and "—;" not in source and "; —" not in scheme, (form, source)
            if any(v.source_form for v in by_form[form]):
                assert source != "—", form
            assert scheme.count(";") == len({scheme_label(v) for v in by_form[form]}) - 1, (form, scheme)


def test_article_notes_stay_out_of_search() -> None:
    page = render_article(parse("Titel\n\nText (1).\n\nAnmerkungen:\n1. Siehe Lukashenko, Interview.\n"))
    assert "{ #anmerkungen data-search-exclude }" in page


SPELLINGS = [("Tsikhanouski", "sergej-tichanowski"), ("Zichanouski", "sergej-tichanowski"),
             ("Tichanowskij", "sergej-tichanowski"), ("Тихановский", "sergej-tichanowski"),
             ("Lukashenko", "alexander-lukaschenko"), ("Lukaschenka", "alexander-lukaschenko"),
             ("Khrenin", "viktor-chrenin")]


@pytest.mark.browser
def test_search_puts_the_actor_page_first_for_any_spelling(real_build: Build) -> None:
    visit, first = Visit(), {}
    with serve(real_build.site) as base, browser() as context:
        page = open_page(context, base, visit)
        for query, _ in SPELLINGS:
            results = search(page, query)
            first[query] = results[0].removeprefix(base).split("?")[0] if results else None
    assert first == {query: f"akteure/{actor}/" for query, actor in SPELLINGS}
    assert visit.hosts == {"127.0.0.1"}, visit.hosts


# The widest tables a reader meets, by page (each holds at least one).
TABLE_PAGES = ("glossar/", "akteure/", "akteure/alexander-lukaschenko/", "ereignisse/", "artikel/")
_TABLE_FIT = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => ({
  over: w.scrollWidth - w.clientWidth,
  cue: getComputedStyle(w).backgroundImage.includes('radial-gradient'),
}))"""


@pytest.mark.browser
def test_tables_on_a_phone_fit_or_show_that_they_scroll(real_build: Build) -> None:
    """A phone hides scroll bars: a table wider than the screen clipped its last column with no
    sign that more was there. Tables now wrap to the width; one that cannot shows a shadow."""
    width, found = 390, {}
    with serve(real_build.site) as base, browser(width, 844) as context:
        for url in TABLE_PAGES:
            found[url] = open_page(context, base + url, Visit()).evaluate(_TABLE_FIT)
    assert all(found.values()), found
    clipped = {u: t for u, tables in found.items() for t in tables if t["over"] > 1 and not t["cue"]}
    assert not clipped, clipped


# --- who acts with whom ---------------------------------------------------------------------

def test_network_picture_is_reproducible_escaped_svg() -> None:
    actors = {i: _actor(id=i, name=n) for i, n in (("a", "Anna <script>alert(1)</script>"), ("b", "Boris & Co"),
                                                     ("c", "Cäcilie"), ("d", "Dmitri"))}
    together = {"a": Counter({"b": 3, "c": 1}), "b": Counter({"a": 3}), "c": Counter({"a": 1}), "d": Counter()}
    named = {"a": 5, "b": 3, "c": 1, "d": 1}
    svg = network_svg(neighbourhood("a", together), together, actors, named, center="a", title="T")
    assert svg == network_svg(neighbourhood("a", together), together, actors, named, center="a", title="T")
    root = ElementTree.fromstring(svg)                       # well-formed, so the PDF can use it too
    names = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sorted(names) == ["Anna <script>alert(1)</script>", "Boris & Co", "Cäcilie"]   # as text, not markup
    assert "<script" not in svg and "Dmitri" not in svg and len(root.findall("{http://www.w3.org/2000/svg}line")) == 2
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")   # nothing loaded from outside
    assert network_svg({"d"}, together, actors, named) == "" and figure("", "x") == []


def test_network_picture_on_actor_pages_and_the_actor_index(real_build: Build) -> None:
    assert ('<figure class="dossier-network dossier-network--wide" data-search-exclude><svg class="dossier-network-svg"'
            in real_build.page("akteure").replace("\n", ""))
    actor = real_build.page("akteure/alexander-lukaschenko")
    assert actor.count('class="dossier-network-svg"') == 1 and ">Alexander Lukaschenko</text>" in actor


def test_network_pictures_are_not_searched(real_build: Build) -> None:
    """Node labels and the caption would be search snippets of their own on every actor page."""
    index = json.loads((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    caption = [d["location"] for d in index["docs"] if "Wer mit wem genannt wird" in d["text"] + d["title"]]
    assert not caption, caption


def test_network_pictures_are_in_the_offline_copy(offline_copy: Path) -> None:
    assert 'class="dossier-network-svg"' in (offline_copy / "akteure" / "index.html").read_text(encoding="utf-8")
    pictures = [p for p in (offline_copy / "akteure").glob("*.html")
                if 'class="dossier-network-svg"' in p.read_text(encoding="utf-8")]
    assert len(pictures) > 1


@pytest.mark.parametrize(("source", "target", "directory_urls", "href"), [
    ("akteure/a.md", "akteure/b.md", True, "../b/"),
    ("akteure/a.md", "akteure/b.md", False, "b.html"),
    ("akteure/index.md", "akteure/b.md", True, "b/"),
    ("akteure/index.md", "akteure/b.md", False, "b.html"),
    ("index.md", "akteure/b.md", True, "akteure/b/"),
    ("akteure/a.md", "index.md", True, "../../"),
    ("akteure/a.md", "index.md", False, "../index.html"),
    ("akteure/b.md", "akteure/index.md", True, "../"),
    ("akteure/a.md", "akteure/a.md", True, "./"),
])
def test_links_in_raw_html_are_spelt_as_the_built_site_addresses_pages(
        source: str, target: str, directory_urls: bool, href: str) -> None:
    assert page_href(source, target, directory_urls) == href


def _label_box(x: float, y: float, anchor: str, letters: int) -> tuple[float, float, float, float]:
    width = letters * CHAR_WIDTH
    left = {"middle": x - width / 2, "start": x, "end": x - width}[anchor]
    return left, y - FONT_SIZE, left + width, y


def test_labels_of_close_nodes_do_not_cover_each_other_and_stay_in_the_picture() -> None:
    # A knot of five nodes 14 px apart with long names (every label above would collide),
    # and one at the left edge whose centred label would be cut off.
    points = [(300.0 + 14 * i, 200.0 + (i % 2) * 14, 5.0, 22) for i in range(5)] + [(8.0, 100.0, 5.0, 20)]
    placed = place_labels(points, (720, 440))
    boxes = [_label_box(x, y, anchor, p[3]) for (x, y, anchor), p in zip(placed, points, strict=True)]
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if min(boxes[i][2], boxes[j][2]) - max(boxes[i][0], boxes[j][0]) > 1
                and min(boxes[i][3], boxes[j][3]) - max(boxes[i][1], boxes[j][1]) > 1]
    assert len(overlaps) <= 1, (overlaps, placed)          # five labels, four sides: at most one pair meets
    assert boxes[-1][0] >= 0 and placed[-1][2] == "start", placed[-1]
    assert place_labels(points, (720, 440)) == placed       # reproducible


def test_network_nodes_link_to_their_actors_but_the_centre() -> None:
    actors = {i: _actor(id=i, name=n) for i, n in (("a", "Anna"), ("b", "Boris"), ("c", "Cäcilie"))}
    together = {"a": Counter({"b": 3, "c": 1}), "b": Counter({"a": 3, "c": 1}), "c": Counter({"a": 1, "b": 1})}
    svg = network_svg({"a", "b", "c"}, together, actors, {"a": 5, "b": 3, "c": 1}, center="a",
                      href=lambda other: f'../{other}/"><script>')
    root = ElementTree.fromstring(svg)
    links = {"".join(a.itertext()).strip(): a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")}
    assert links == {"BorisBoris": '../b/"><script>', "CäcilieCäcilie": '../c/"><script>'}   # escaped, kept as text
    assert root.get("role") == "group"                # a screen reader can reach the links
    plain = ElementTree.fromstring(network_svg({"a", "b", "c"}, together, actors, {"a": 5, "b": 3, "c": 1}))
    assert plain.get("role") == "img" and not list(plain.iter("{http://www.w3.org/2000/svg}a"))


def _network_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    pictures = re.findall(r'<svg class="dossier-network-svg".*?</svg>', text, re.DOTALL)
    return [html.unescape(h) for picture in pictures for h in re.findall(r'<a href="([^"]*)"', picture)]


def test_every_network_node_leads_to_its_actor_page_online(real_build: Build) -> None:
    pages = [real_build.site / "akteure" / "index.html",
             *sorted((real_build.site / "akteure").glob("*/index.html"))]
    checked = 0
    for page in pages:
        for href in _network_links(page):
            assert href.endswith("/") and (page.parent / href / "index.html").is_file(), (page, href)
            checked += 1
    assert checked > 20, checked


def test_every_network_node_leads_to_its_actor_page_offline(offline_copy: Path) -> None:
    checked = 0
    for page in sorted((offline_copy / "akteure").glob("*.html")):
        for href in _network_links(page):
            assert href.endswith(".html") and (page.parent / href).is_file(), (page, href)
            checked += 1
    assert checked > 20, checked


@pytest.mark.browser
def test_clicking_a_network_node_opens_that_actor(real_build: Build) -> None:
    with serve(real_build.site) as base, browser() as context:
        page = open_page(context, base + "akteure/alexander-lukaschenko/", Visit())
        node = page.locator("svg.dossier-network-svg a").first
        target = node.get_attribute("href")
        node.locator("circle").click()
        page.wait_for_url("**/akteure/**")
        assert page.url == base + "akteure/" + target.removeprefix("../"), (page.url, target)


# --- the start page ---------------------------------------------------------------------------

def test_the_start_page_overview_is_bounded_newest_first_and_escaped() -> None:
    from dossier.index.events import Event
    from dossier.render.home import at_a_glance

    articles = [parse(f"---\ntitle: Bericht *{n}* [x](javascript:alert(1))\ndate: 2025-03-{n:02d}\n"
                      f"outlet: Blatt {n}\n---\nText über Minsk.\n", f"seeds/a{n:02d}.txt") for n in range(1, 29)]
    actors = [_actor(id=f"p{n}", name=f"Person <b>{n}</b>") for n in range(20)]
    named = Counter({f"p{n}": 100 - n for n in range(20)})
    events = [Event(f"e{n}", f"Treffen {n}", dt.date(2025, 3, n), dt.date(2025, 3, n), None, "day", ())
              for n in range(1, 29)]
    events += [Event("plan", "Gipfel später", dt.date(2025, 12, 1), dt.date(2025, 12, 1), None, "day", ()),
               Event("jahr", "Das Jahr", dt.date(2025, 1, 1), dt.date(2025, 12, 31), None, "year", ())]
    lines = at_a_glance(articles, actors, named, events)
    text = "\n".join(lines)
    listed = re.findall(r"\(artikel/(a\d+)\.md\)", text)
    assert listed == ["a28", "a27", "a26", "a25", "a24"]                 # five, newest first
    assert "28. März 2025" in text and "Blatt 28" in text
    assert re.findall(r"\(akteure/(p\d+)\.md\) \((\d+)\)", text)[:2] == [("p0", "100"), ("p1", "99")]
    assert len(re.findall(r"\(akteure/", text)) == 10
    shown = re.findall(r"\[Treffen (\d+)\]", text)
    assert shown == ["28", "27", "26", "25", "24"]                       # the latest events up to the newest article
    assert "Gipfel später" not in text and "Das Jahr" not in text        # no forecast, no bare year
    assert "28\\. März 2025:" in text                                   # not an ordered list starting at 28
    rendered = markdown.markdown(text)
    assert "<b>" not in rendered and "<em>" not in rendered and 'href="javascript' not in rendered
    assert at_a_glance([], [], Counter(), []) == []


def test_an_enormous_paragraph_is_rendered_as_several_each_of_bounded_markup() -> None:
    """A 900 KB one-line paste of "[1]" kept `mkdocs build` busy for minutes: Python-Markdown's
    inline pass is quadratic in the character references of one paragraph."""
    from dossier.render.mdtext import MAX_REFERENCES

    article = parse("Titel\n\nVorspann " + "<b>&" * 1500 + "\n\nText " + "[1] " * 1500 + "Ende.\n\n"
                    "Anmerkungen\n\n1. Eine Anmerkung " + "<i>" * 1500 + " Schluss.\n")
    page = render_article(article)
    body = page.split("## Anmerkungen")[0]
    paragraphs = [p for p in body.split("\n\n") if "&lt;" in p or "[^1]" in p]
    assert len(paragraphs) >= 8, len(paragraphs)
    assert all(p.count("&") + p.count("[^") <= 3 * MAX_REFERENCES for p in paragraphs)
    assert body.count("{ .dossier-lead #zeile-3 }") == 1 and body.count("[^1]") == 1500
    html_page = markdown.markdown(page, extensions=["attr_list", "footnotes"])
    shown = re.sub(r"<[^>]*>|\s", "", html_page)         # the text, whatever the paragraphs
    assert "Vorspann" + "&lt;b&gt;&amp;" * 1500 + "Text" in shown
    assert "EineAnmerkung" + "&lt;i&gt;" * 1500 + "Schluss." in shown


def test_the_whole_network_shows_the_most_named_actors_only(tmp_path: Path) -> None:
    """Hundreds of actors in one picture are a knot, and its labels cost quadratic time."""
    from conftest import make_project
    from dossier.index.corpus import load_corpus
    from dossier.render.site import MAX_WHOLE_NETWORK, generate

    names = [f"Person{chr(97 + i // 26)}{chr(97 + i % 26)} Testowski{chr(97 + i // 26)}{chr(97 + i % 26)}"
             for i in range(MAX_WHOLE_NETWORK + 10)]
    registry = "".join(f"- id: p-{i}\n  name: {n}\n  kind: person\n  gender: m\n  description: eine Testperson\n"
                       for i, n in enumerate(names))
    text = "Titel\n\n" + "\n\n".join(f"{n} und {names[0]} trafen sich. " * (1 + (i < 5)) for i, n in enumerate(names))
    root = make_project(tmp_path, {"a.txt": text + "\n"})
    (root / "seeds" / "registry" / "actors.yml").write_text(registry, encoding="utf-8")
    page = next(g.content for g in generate(load_corpus(root)) if g.path == "akteure/index.md")
    svg = re.search(r"<svg.*?</svg>", page, re.DOTALL)
    assert svg is not None
    assert svg.group(0).count("<circle") == MAX_WHOLE_NETWORK, svg.group(0).count("<circle")
    assert f"Die {MAX_WHOLE_NETWORK} meistgenannten von {MAX_WHOLE_NETWORK + 10} Akteuren" in page
    assert ">" + names[1] + "</text>" in svg.group(0)        # named twice: among the shown


@pytest.mark.browser
def test_search_answers_text_that_arrives_without_key_events(real_build: Build) -> None:
    """Material reads the query on key events: Cyrillic inserted by an on-screen or IME
    keyboard (no key codes) showed "Suchbegriff eingeben" or the first letter's results."""
    with serve(real_build.site) as base, browser() as context:
        page = open_page(context, base, Visit())
        page.click("label.md-search__icon, .md-search__input", timeout=5000)
        page.locator("input.md-search__input").focus()
        for letter in "Тихановский":
            page.keyboard.insert_text(letter)       # an input event, no keydown or keyup
            page.wait_for_timeout(60)
        page.wait_for_selector(".md-search-result__item a", timeout=20000)
        page.wait_for_timeout(400)
        results = [a.get_attribute("href") or "" for a in page.query_selector_all(".md-search-result__item > a")]
    assert results and "akteure/sergej-tichanowski/" in results[0], results


def test_an_actor_page_counts_the_spellings_its_table_lists(real_build: Build) -> None:
    """'16 Schreibweisen' stood above a table of 12 rows: the count was of spelling and scheme pairs."""
    checked = 0
    for page in sorted((real_build.site / "akteure").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        stated = re.search(r"(\d+) Schreibweisen?, aus den kyrillischen", text)
        if not stated:
            continue
        section = text[stated.end():].split("</table>")[0]
        rows = section.split("<tbody>")[1].count("<tr>")
        assert int(stated.group(1)) == rows, (page.parent.name, stated.group(1), rows)
        checked += 1
    assert checked > 20, checked


def test_the_not_found_page_finds_its_styles_under_a_sub_path(tmp_path: Path) -> None:
    """GitHub project pages serve the site under /repo/: without site_url the 404 page, served
    at any depth, loaded /assets/… and showed unstyled."""
    site = tmp_path / "site"
    proc = subprocess.run([*MKDOCS, "build", "--site-dir", str(site), "-f", str(ROOT / "mkdocs.yml")], cwd=ROOT,
                          env={**ENV, "DOSSIER_SITE_URL": "https://owner.github.io/dossier/"},
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (site / "404.html").read_text(encoding="utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]*)"', page)
    assert sheets and all(s.startswith("/dossier/assets/") for s in sheets), sheets
    assert re.findall(r'<a href="([^"]*)">Zur Startseite</a>', page) == ["https://owner.github.io/dossier/"]


@pytest.mark.browser
def test_network_labels_stay_legible_on_a_phone_and_a_line_link_marks_its_paragraph(real_build: Build) -> None:
    """At 390 px the whole network shrank to 3 px labels; a "Zeile N" link landed on an
    unmarked paragraph."""
    sizes = "() => [...document.querySelectorAll('svg.dossier-network-svg')].map(s => " \
            "s.getBoundingClientRect().width / s.viewBox.baseVal.width * 11)"
    article = next(p.parent.name for p in (real_build.site / "artikel").glob("*/index.html"))
    with serve(real_build.site) as base, browser(390, 844) as context:
        for url in ("akteure/", "akteure/alexander-lukaschenko/"):
            page = open_page(context, base + url, Visit())
            assert all(size >= 8 for size in page.evaluate(sizes)), (url, page.evaluate(sizes))
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 390    # the box scrolls, not the page
        page = open_page(context, f"{base}artikel/{article}/#zeile-5", Visit())
        marked = page.evaluate("() => getComputedStyle(document.getElementById('zeile-5')).backgroundColor")
        plain = page.evaluate("() => getComputedStyle(document.getElementById('zeile-5').nextElementSibling)"
                              ".backgroundColor")
    assert marked != plain, (marked, plain)
