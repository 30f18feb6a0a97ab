"""Render stage for articles: one Markdown page per article and the article index.

Pages are plain Markdown strings; all seed text goes through mdtext (escaped), all markup is
the renderer's own. Anchors `zeile-N` name the seed line a block came from, so any place in
the dossier can link to the exact spot of an article.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from itertools import groupby

from dossier.annotate.dates.intervals import whole_month
from dossier.annotate.dates.vocabulary import MONTHS
from dossier.annotate.normalise import key
from dossier.model import Article, Block, Field, Footnote, RemovedLine, note_part
from dossier.parse.links import clean_target
from dossier.render.german import PROVENANCE, count, format_when, long_date
from dossier.render.mdtext import (
    Insert,
    compose,
    escape_block,
    escape_inline,
    fixed,
    heading_text,
    pieces,
    safe_url,
    tooltip_text,
)

LANGUAGE_NAMES = {"de": "Deutsch", "en": "Englisch"}
# Extra inline markup for a text, given (article id, block line, which text): later stages
# (actor mentions, dates) hand in a function that returns their Inserts.
Annotator = Callable[[str, int, str, str], list[Insert]]


def _no_annotations(_article: str, _line: int, _part: str, _text: str) -> list[Insert]:
    return []


def article_url(article_id: str) -> str:
    return f"artikel/{article_id}/"


def article_path(article_id: str) -> str:
    return f"artikel/{article_id}.md"


def page_meta(title: str, *, search: bool = True, boost: float | None = None) -> str:
    """YAML front matter for a generated page; JSON strings are valid YAML scalars.

    Material puts the page title into <title> and other places without escaping it, so the
    (untrusted) title is HTML-escaped here; browsers show the escaped form as the text."""
    lines = ["---", f"title: {json.dumps(html.escape(tooltip_text(title)), ensure_ascii=False)}"]
    if not search:
        lines += ["search:", "  exclude: true"]
    elif boost is not None:    # Material's search multiplies this page's scores by `boost`
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join(lines + ["---", ""])


def referenced_notes(article: Article) -> set[int]:
    """Notes with a reference on the page: in the text, or in a line removed while reading
    (an infobox row), whose reference then stands in the "Beim Einlesen entfernt" box."""
    return ({m.number for b in article.blocks for m in b.markers}
            | {m.number for r in article.removed for m in r.markers})


def footnote_anchor(article: Article, number: int) -> str:
    """The id of note `number` on its article page: Python-Markdown's `fn:N` for referenced
    notes, an own id for notes without a marker (which the footnotes extension would drop)."""
    return f"fn:{number}" if number in referenced_notes(article) else f"anmerkung-{number}"


def display_title(article: Article) -> str:
    return article.title.value or f"Ohne Titel ({article.path})"


def _provenance(field: Field) -> str:
    label = PROVENANCE[field.source]
    return f"{label}, Zeile {field.line}" if field.line else label


def _meta_row(name: str, value: str, field: Field) -> str:
    return f"| {name} | {value} | {_provenance(field)} |"


def _title_row(article: Article) -> str:
    """Which line became the title and by which rule (a category label above a headline, the
    line before the date line …), so a reader can see the choice and a contributor can fix it
    with `title:` in the front matter."""
    title = article.title
    if not title.value:
        return f"| Titel | **kein Titel gefunden** (Quelldatei `{article.path}`) | — |"
    where = _provenance(title)
    if article.title_rule:
        where += f"; gewählt als {escape_inline(article.title_rule)}"
    return f"| Titel | {escape_inline(title.value)} | {where} |"


def metadata_table(article: Article, author_page: str | None = None) -> str:
    date = article.date
    if date.value:
        date_text = long_date(date.value)
    else:
        date_text = "**Datum unbekannt**"
        if article.date_hint:
            hint = article.date_hint
            date_text += (f" · Hinweis: der späteste im Text genannte Tag ist der "
                          f"{long_date(hint.iso)} (Zeile {hint.line}); das ist nicht das "
                          "Erscheinungsdatum")
    author = escape_inline(article.author.value) if article.author.value else "unbekannt"
    if author_page and article.author.value:
        author = f"[{author}](../akteure/{author_page}.md)"
    if article.author_bio:
        author += f" — {escape_inline(article.author_bio)}"
    rows = [
        "| Angabe | Wert | Herkunft |",
        "|---|---|---|",
        _title_row(article),
        _meta_row("Datum", date_text, date),
        _meta_row("Autor", author, article.author),
        _meta_row("Medium", escape_inline(article.outlet.value or "unbekannt"), article.outlet),
        _meta_row("Sprache", LANGUAGE_NAMES.get(article.language.value or "", "unbekannt"),
                  article.language),
    ]
    if article.topics:
        rows.append(f"| Rubrik | {' › '.join(escape_inline(t) for t in article.topics)} | aus dem Text |")
    if article.url.value:
        shown = clean_target(article.url.value)
        target = safe_url(shown)
        rows.append(_meta_row("Original", f"[{escape_inline(shown)}]({target})"
                              if target else escape_inline(article.url.value), article.url))
    if article.license.value:
        rows.append(_meta_row("Lizenz", escape_inline(article.license.value), article.license))
    rows.append(f"| Quelldatei | `{article.path}` | |")
    return "\n".join(rows)


def _with_markers(block: Block, annotate: Annotator, article: Article, part: str) -> list[Insert]:
    inserts = annotate(article.id, block.line, part, block.text)
    for marker in block.markers:
        number = marker.number
        known = any(n.number == number for n in article.footnotes)
        inserts.append(Insert(marker.offset, marker.offset,
                              fixed(f"[^{number}]" if known else f" &#40;{number}&#41;")))
    return inserts


def _removed_text(line: RemovedLine) -> str:
    """A removed line as text; the notes it cited as footnote references (Python-Markdown
    footnotes work inside the box's list item), so the note's back-link leads here."""
    inserts = [Insert(m.offset, m.offset, fixed(f"[^{m.number}]")) for m in line.markers]
    return compose(line.text, inserts, block=False) if inserts else escape_inline(line.text)


def render_block(article: Article, block: Block, annotate: Annotator) -> str:
    anchor = f"zeile-{block.line}"
    # Headings reach the table of contents, which Material may show again as a tooltip.
    source = tooltip_text(block.text) if block.kind == "heading" else block.text
    inserts = _with_markers(block, annotate, article, "text")
    more = pieces(source, inserts) if block.kind in ("paragraph", "lead") else []
    if len(more) > 1:      # one enormous paragraph, rendered as several (mdtext.MAX_REFERENCES)
        css = ".dossier-lead" if block.kind == "lead" else ""
        first, *rest = (compose(piece, shifted) for piece, shifted in more)
        own = f"{{ {css} #{anchor} }}" if css else f"{{ #{anchor} }}"
        return "\n\n".join([f"{first}\n{own}", *(f"{p}\n{{ {css} }}" if css else p for p in rest)])
    text = compose(source, inserts)
    if block.kind == "heading":
        return f"## {text} {{ #{anchor} }}"
    if block.kind == "caption":
        parts = [f'<div class="dossier-caption" id="{anchor}" markdown>', ""]
        if block.title:
            title = compose(block.title, annotate(article.id, block.line, "title", block.title))
            parts += [f'<span class="dossier-caption-title">{title}</span>', ""]
        credit = ""
        if block.credit:
            credit_md = compose(block.credit, annotate(article.id, block.line, "credit", block.credit),
                                block=False)
            credit = (f' <span class="dossier-credit">{escape_inline(block.credit_label or "")}: '
                      f"{credit_md}</span>")
        parts += [f"{text}{credit}" if text else credit.strip(), "", "</div>"]
        return "\n".join(parts)
    css = ".dossier-lead " if block.kind == "lead" else ""
    return f"{text}\n{{ {css}#{anchor} }}"


def note_pieces(article: Article, note: Footnote, annotate: Annotator) -> list[str]:
    """A note's text as Markdown, in pieces when it is enormous (mdtext.MAX_REFERENCES); the
    caller sets them as paragraphs of one note."""
    inserts = annotate(article.id, note.line, note_part(note.number), note.text)
    for link in note.links:
        target = safe_url(link.target)
        if target:   # show the cleaned address (no tracking parameters), not the one pasted
            inserts.append(Insert(link.start, link.end, fixed(f"[{escape_inline(link.target)}]({target})")))
    # Block mode: a note is inline text, so "# Kopf" or "- x" at its start must not become a
    # heading or a list inside the footnote.
    texts = [compose(piece, shifted) for piece, shifted in pieces(note.text, inserts)]
    # A letter note ("[a]" in the text) keeps its label: the footnote number is only its place
    # in the list, the label is how the source cites it.
    if note.label:
        texts[0] = f'<span class="dossier-note-label">[{note.label}]</span> {texts[0]}'
    return texts


def render_footnote(article: Article, note: Footnote, annotate: Annotator) -> str:
    """A footnote definition's text: its further paragraphs indented under the first."""
    return "\n\n    ".join(note_pieces(article, note, annotate))


def byline(article: Article, author_page: str | None = None) -> str:
    """The one line under the title: date (or "Datum unbekannt"), outlet, author (a link to
    the author's actor page when the registry has them)."""
    parts = [long_date(article.date.value) if article.date.value else "Datum unbekannt"]
    parts += [v for v in (article.outlet.value,) if v]
    line = escape_block(" · ".join(parts))   # "17. September …" would otherwise start a list
    if article.author.value:
        author = escape_inline(article.author.value)
        line += f" · [{author}](../akteure/{author_page}.md)" if author_page else f" · {author}"
    return line


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" if line else "" for line in lines]


def _neighbour_links(neighbours: tuple[Article | None, Article | None]) -> list[str]:
    """Links to the article before and after this one in date order (undated ones last)."""
    earlier, later = neighbours
    if not earlier and not later:
        return []
    cells = []
    for article, label, css in ((earlier, "Vorheriger Artikel", "prev"), (later, "Nächster Artikel", "next")):
        if article is None:
            continue
        when = long_date(article.date.value) if article.date.value else "ohne Datum"
        cells.append(f'[<span class="dossier-neighbour-label">{label} · {when}</span> '
                     f"{escape_inline(display_title(article))}]({article.id}.md){{ .dossier-neighbour "
                     f".dossier-neighbour--{css} }}")
    return ['<nav class="dossier-neighbours" aria-label="Weitere Artikel" markdown>', "", "  \n".join(cells),
            "", "</nav>", ""]


# A paragraph the source wrote as a list item: a bullet ("- ", "* ", "• ", "– ", "· ", "•Text"),
# a number ("1. ", "2) ", "3.) ") or, inside a numbered list, a letter ("a) ").
_LIST_ITEM = re.compile(r"(?:[-*•–·][ \t\u00a0]+|•(?=[^\W\d_])|(?P<number>\d{1,3})(?:\.\)|[.)])[ \t\u00a0]+"
                        r"|(?P<letter>[a-z])\)[ \t\u00a0]+)(?=\S)")
# (block index, level: 0 an item, 1 a sub-item under the numbered item before it, marker length)
Item = tuple[int, int, int]


def list_runs(blocks: tuple[Block, ...] | list[Block]) -> list[tuple[bool, list[Item]]]:
    """Runs of consecutive paragraphs written as list items, to render as Markdown lists:
    (numbered, its items). A bulleted list needs two items at least (a lone "* Name geändert"
    is a note; "* * *", bullets only, a scene break). A numbered list needs numbers that count
    1, 2, 3 …, two at least: Markdown numbers a list from 1 whatever the source wrote, so "3."
    and "4." stay paragraphs with their own numbers, and so do a lone "1. FC Union" and a
    chronology's days ("1. Mai 2025: …"). Bullets and letters ("a)") after a numbered item are
    its sub-items."""
    runs: list[tuple[bool, list[Item]]] = []
    run: list[Item] = []
    numbers: list[int] = []          # of the run's numbered items; empty for a bulleted run

    def close() -> None:
        counts = numbers == list(range(1, len(numbers) + 1))       # true for a bulleted run
        if counts and len(numbers or run) >= 2:
            runs.append((bool(numbers), list(run)))
        run.clear()
        numbers.clear()
    for index, block in enumerate(blocks):
        match = _LIST_ITEM.match(block.text) if block.kind in ("paragraph", "lead") else None
        rest = block.text[match.end():] if match else ""
        if match and match["number"] and key(rest.split(maxsplit=1)[0].rstrip(".,:")) in MONTHS:
            match = None       # "1. Mai 2025: …", "2. Mai 2025: …": a chronology's days, not points
        if match is None or not rest.strip("-*•–· \t\u00a0"):
            close()            # no item, or bullets only ("* * *")
        elif match["number"]:
            if not numbers or match["number"] == "1":
                close()
            run.append((index, 0, match.end()))
            numbers.append(int(match["number"]))
        elif numbers:
            run.append((index, 1, match.end()))
        elif match["letter"]:
            close()            # "a)" outside a numbered list: a paragraph
        else:
            run.append((index, 0, match.end()))
    close()
    return runs


def _render_list(article: Article, blocks: list[Block], numbered: bool, items: list[Item],
                 annotate: Annotator) -> str | None:
    """The items as one tight Markdown list, each keeping its line anchor; None when an item
    is too large for one piece (mdtext.pieces) or has an insert inside its marker."""
    lines = []
    number = 0
    for index, level, length in items:
        block = blocks[index]
        inserts = _with_markers(block, annotate, article, "text")
        if any(i.start < length for i in inserts):
            return None
        text = block.text[length:]
        shifted = [Insert(i.start - length, i.end - length, i.render) for i in inserts]
        if len(pieces(text, shifted)) > 1:
            return None
        if level == 0:
            number += 1
        mark = f"{number}. " if numbered and not level else "- "
        indent = "    " * level
        # The attribute line continues the item's text (lazily): it sets the item's id.
        lines.append(f"{indent}{mark}{compose(text, shifted)}\n{indent}{' ' * len(mark)}{{ #zeile-{block.line} }}")
    return "\n".join(lines)


def render_article(article: Article, annotate: Annotator = _no_annotations,
                   neighbours: tuple[Article | None, Article | None] = (None, None),
                   author_page: str | None = None) -> str:
    """Title, one line of metadata, the text, its notes; then where each fact came from
    (folded) and the neighbouring articles."""
    out = [page_meta(display_title(article)), f"# {heading_text(display_title(article))}", "",
           f"{byline(article, author_page)}\n{{ .dossier-byline }}", ""]
    blocks = list(article.blocks)
    runs = {items[0][0]: (items[-1][0] + 1, numbered, items) for numbered, items in list_runs(blocks)}
    index, listed = 0, False
    while index < len(blocks):
        end, numbered, items = runs.get(index, (index + 1, False, []))
        shown = _render_list(article, blocks, numbered, items, annotate) if items else None
        if shown is not None:
            # Two lists in a row would be read as one: a comment between keeps them apart.
            out += [*(["<!-- -->", ""] if listed else []), shown, ""]
        else:
            out += [x for block in blocks[index:end] for x in (render_block(article, block, annotate), "")]
        index, listed = end, shown is not None
    referenced = referenced_notes(article)
    if article.footnotes:
        heading = escape_inline(article.notes_heading or "Anmerkungen")
        # The notes repeat names in every citation: they stay out of the search index, where
        # they would outrank the text and the people's own pages.
        out += [f"## {heading} {{ #anmerkungen data-search-exclude }}", ""]
        if referenced:
            out += ["///Footnotes Go Here///", ""]
        for note in article.footnotes:
            if note.number in referenced:
                out.append(f"[^{note.number}]: {render_footnote(article, note, annotate)}")
        out.append("")
        loose = [n for n in article.footnotes if n.number not in referenced]
        if loose:
            out += ["Anmerkungen ohne Verweis im Text:", ""]
            for n in loose:
                first, *rest = note_pieces(article, n, annotate)
                out.append(f'<p class="dossier-loose-note" id="{footnote_anchor(article, n.number)}" markdown>'
                           f"Anmerkung {n.number} (Zeile {n.line}): {first}</p>")
                out += [f'<p class="dossier-loose-note" markdown>{more}</p>' for more in rest]
            out.append("")
    out += ['??? info "Angaben zum Artikel und ihre Herkunft"', "",
            *_indented(metadata_table(article, author_page).split("\n")), ""]
    if article.removed:
        out += [f'??? note "Beim Einlesen entfernt: {count(len(article.removed), "Zeile", "Zeilen")} '
                'Seitennavigation"', ""]
        out += [f"    - Zeile {r.line}: {_removed_text(r)} ({r.reason})" for r in article.removed]
        out.append("")
    out += _neighbour_links(neighbours)
    return "\n".join(out)


def reading_order(articles: list[Article]) -> list[Article]:
    """Oldest first, articles of unknown date at the end: the order of previous/next links."""
    dated = [a for a in by_date(articles) if a.date.value]
    return dated[::-1] + [a for a in by_date(articles) if not a.date.value]


def by_date(articles: list[Article]) -> list[Article]:
    """Known dates first, newest first; then articles of unknown date, by title."""
    dated = sorted((a for a in articles if a.date.value), key=lambda a: (a.date.value or "", a.id),
                   reverse=True)
    undated = sorted((a for a in articles if not a.date.value), key=lambda a: (display_title(a), a.id))
    return dated + undated


# An article list of more rows than this is split, as the Chronik is: the overview
# (artikel/index.md) shows the newest articles and links one page per year
# (artikelliste/<year>.md), per month where a year alone holds more (artikelliste/<year>-<mm>.md,
# numbered parts past that), and artikelliste/ohne-datum.md; so no page grows with the corpus.
# The folder is not artikel/, where every name is a seed's address.
MAX_LISTED = 300
NEWEST = 50
LIST_HEADER = ["| Datum | Titel | Medium | Autor |", "|---|---|---|---|"]


def _list_row(article: Article, prefix: str = "") -> str:
    date = long_date(article.date.value) if article.date.value else "Datum unbekannt"
    return (f"| {date} | [{escape_inline(display_title(article))}]({prefix}{article.id}.md) | "
            f"{escape_inline(article.outlet.value or 'unbekannt')} | "
            f"{escape_inline(article.author.value or 'unbekannt')} |")


def _parts(stem: str, held: list[Article]) -> dict[str, list[Article]]:
    return {(f"{stem}.md" if not n else f"{stem}-teil-{n + 1}.md"): held[i:i + MAX_LISTED]
            for n, i in enumerate(range(0, len(held), MAX_LISTED))}


def article_list_pages(ordered: list[Article]) -> dict[str, list[Article]]:
    """The pages of a split article list, path -> its articles; empty when one page holds them
    all. `ordered`: the articles as by_date orders them (newest first, undated last)."""
    if len(ordered) <= MAX_LISTED:
        return {}
    pages: dict[str, list[Article]] = {}
    for year, in_year in groupby(ordered, key=lambda a: (a.date.value or "")[:4]):
        held = list(in_year)
        if not year:
            pages.update(_parts("artikelliste/ohne-datum", held))
        elif len(held) <= MAX_LISTED:
            pages[f"artikelliste/{year}.md"] = held
        else:
            for month, in_month in groupby(held, key=lambda a: (a.date.value or "")[5:7]):
                pages.update(_parts(f"artikelliste/{year}-{month}", list(in_month)))
    return pages


def _list_title(path: str) -> str:
    stem = path.removeprefix("artikelliste/").removesuffix(".md")
    stem, _, part = stem.partition("-teil-")
    suffix = f" (Teil {part})" if part else ""
    if stem == "ohne-datum":
        return f"Artikel ohne Datum{suffix}"
    year, _, month = stem.partition("-")
    if not month:
        return f"Artikel {year}{suffix}"
    return f"Artikel {format_when(*whole_month(int(year), int(month)), 'month')}{suffix}"


def render_article_index(articles: list[Article]) -> list[tuple[str, str]]:
    """(path, Markdown) of the article list: one page, or the overview and its parts."""
    ordered = by_date(articles)
    pages = article_list_pages(ordered)
    intro = (f"Das Dossier enthält {count(len(articles), 'Artikel', 'Artikel')}. Neueste zuerst; "
             "Artikel ohne bekanntes Datum stehen am Ende.")
    if not pages:
        rows = [_list_row(a) for a in ordered]
        return [("artikel/index.md", "\n".join([page_meta("Artikel", search=False), "# Artikel", "", intro, "",
                                                *LIST_HEADER, *rows]) + "\n")]
    out = [page_meta("Artikel", search=False), "# Artikel", "",
           f"Das Dossier enthält {count(len(articles), 'Artikel', 'Artikel')}; die Liste ist zu lang für eine "
           f"Seite und steht auf {count(len(pages), 'Seite', 'Seiten')} nach Zeitabschnitt. Hier die "
           f"{NEWEST} neuesten.", "", "## Alle Artikel nach Zeitabschnitt", ""]
    out += [f"- [{_list_title(path).removeprefix('Artikel ')}](../{path}): "
            f"{count(len(held), 'Artikel', 'Artikel')}" for path, held in pages.items()]
    out += ["", f"## Die {NEWEST} neuesten", "", *LIST_HEADER, *(_list_row(a) for a in ordered[:NEWEST])]
    files = [("artikel/index.md", "\n".join(out) + "\n")]
    for path, held in pages.items():
        title = _list_title(path)
        files.append((path, "\n".join([page_meta(title, search=False), f"# {title}", "",
                                       "Teil der [Artikelliste](../artikel/index.md), neueste zuerst.", "",
                                       *LIST_HEADER, *(_list_row(a, "../artikel/") for a in held)]) + "\n"))
    return files
