"""Parse one seed's text into an Article: metadata with provenance, blocks, footnotes.

The rules are general and describe the shapes that scraped web pages and clean manuscripts
take (German or English); none of them names a particular file or outlet.

1. Units: every non-empty line is a unit, unless the text is hard-wrapped (most lines end
   near one width), then the lines of a blank-line separated group are joined.
2. Chrome lines (skip links, share buttons, teasers; see chrome.py) are dropped and listed.
3. Notes: the last notes heading followed by list items starts the notes (notes.py).
4. Head: a date line (a unit that is only a date) near the top marks the unit before it as the
   title and the short units before that as topic lines; without a date line the first unit
   is the title when it reads like one. A "Von …"/"By …" line is the author.
5. Tail: a last unit of the form "First Last <role words>" is the author line with a bio.
6. Body: a unit ending in a picture credit ("Bild: …", "Foto: …") is a caption, and a short
   title line in the same group directly above it is its title; short units without final
   punctuation followed by longer text are sub-headings; the first paragraph is the lead.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from .chrome import chrome_reason
from .dates import find_full_dates, parse_date_line
from .model import Article, Block, DateHint, Diagnostic, Field, Footnote, RemovedLine
from .notes import Line, extract_markers, find_notes_start, parse_items
from .source import SeedText, slug_for


@dataclass(frozen=True)
class Unit:
    text: str
    line: int
    group: int


# --- 1. units ----------------------------------------------------------------------------

def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines that continue into another line share one width (a manuscript
    wrapped at ~72-100 columns), so lines of a paragraph must be joined."""
    inner = [len(a) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    if len(inner) < 3 or max((len(x) for x in lines), default=0) > 140:
        return False
    return sum(40 <= n <= 120 for n in inner) >= 0.8 * len(inner)


def split_units(body: str, first_line: int) -> list[Unit]:
    lines = body.split("\n")
    wrapped = _is_hard_wrapped(lines)
    units: list[Unit] = []
    group = 0
    for index, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            group += 1
            continue
        number = first_line + index
        if wrapped and units and units[-1].group == group and not _starts_list_item(raw):
            units[-1] = replace(units[-1], text=units[-1].text + " " + text)
        else:
            units.append(Unit(text, number, group))
    return units


def _starts_list_item(raw: str) -> bool:
    return bool(re.match(r"\s*([-*•]|\d{1,3}[.)]|\[\d{1,3}\])\s", raw))


# --- 2.-3. chrome and notes ---------------------------------------------------------------

def drop_chrome(units: list[Unit]) -> tuple[list[Unit], list[RemovedLine]]:
    kept, removed = [], []
    for unit in units:
        reason = chrome_reason(unit.text)
        if reason:
            removed.append(RemovedLine(unit.line, unit.text, reason))
        else:
            kept.append(unit)
    return kept, removed


# --- 4.-5. head and tail ------------------------------------------------------------------

_SENTENCE_END = tuple(".,;:")
_BYLINE = re.compile(r"^(?i:von|by|text:|autor:|autorin:|author:)\s+(?P<name>[A-ZÄÖÜ][\w'’.-]+"
                     r"(?:\s+(?:von|van|de|der|zu|[A-ZÄÖÜ][\w'’.-]+)){1,3})\s*(?:[,|(].*)?$")
_ROLE = re.compile(r"(autor|redakteur|journalist|korrespondent|reporter|kolumnist|mitarbeiter|"
                   r"politolog|historiker|analyst|publizist|writer|editor|correspondent|"
                   r"columnist|author|contributor)", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜŁŚŽČŠ][\w'’.-]*$")
_BIO_LEAD = re.compile(r"^(ist|is|war|was|ein|eine|a|an|the|der|die|das|[a-zäöü].*|"
                       r"[A-ZÄÖÜ]\w*(er|e|es|en|em))$")


def _looks_like_title(text: str) -> bool:
    return 3 <= len(text) <= 200 and not text.endswith(_SENTENCE_END) and chrome_reason(text) is None


def _split_glued(text: str) -> tuple[str, ...]:
    """"KonflikteBelarus" (breadcrumbs scraped without separators) -> ("Konflikte", "Belarus")."""
    parts = re.split(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])|\s*[|/›>»·]\s*", text)
    return tuple(p.strip() for p in parts if p.strip())


@dataclass(frozen=True)
class Head:
    title: Field
    date: Field
    author: Field
    topics: tuple[str, ...]
    consumed: int


def read_head(units: list[Unit]) -> Head:
    """Title, date line, topic lines and byline at the top of the text."""
    title, date, author = Field(), Field(), Field()
    topics: tuple[str, ...] = ()
    consumed = 0
    date_index = next((i for i, u in enumerate(units[:5]) if parse_date_line(u.text)), None)
    if date_index is not None:
        found = parse_date_line(units[date_index].text)
        assert found is not None
        date = Field(found.isoformat(), "text", units[date_index].line)
        consumed = date_index + 1
        if date_index >= 1 and _looks_like_title(units[date_index - 1].text):
            title_unit = units[date_index - 1]
            title = Field(title_unit.text, "text", title_unit.line)
            topics = tuple(t for u in units[:date_index - 1] if len(u.text) <= 60
                           for t in _split_glued(u.text))
    elif units and _looks_like_title(units[0].text):
        title = Field(units[0].text, "text", units[0].line)
        consumed = 1
    for index in range(consumed, min(consumed + 2, len(units))):
        match = _BYLINE.match(units[index].text)
        if match:
            author = Field(match.group("name"), "text", units[index].line)
            consumed = index + 1
            break
    return Head(title, date, author, topics, consumed)


def read_author_line(unit: Unit) -> tuple[str, str] | None:
    """("Thomas Latschan", "Langjähriger Autor und …") from a closing author line, or None."""
    if len(unit.text) > 250:
        return None
    tokens = unit.text.split()
    role = next((i for i, t in enumerate(tokens[:8]) if _ROLE.search(t)), None)
    if role is None or role < 2:
        return None
    start = role
    while start - 1 >= 2 and _BIO_LEAD.match(tokens[start - 1]):
        start -= 1
    name = tokens[:start]
    if not 2 <= len(name) <= 4 or not all(_NAME_TOKEN.match(t) for t in name):
        return None
    bio = " ".join(tokens[start:])
    if unit.text.endswith(".") and not re.search(r"\b(ist|is)\b", bio):
        return None
    return " ".join(name), bio


# --- 6. body blocks -----------------------------------------------------------------------

_CREDIT = re.compile(r"^(?P<caption>.*?)\s*(?P<label>Bild|Bilder|Foto|Fotos|Grafik|Karte|Video|Photo|"
                     r"Image|Picture|Credit|Illustration)\s*:\s*(?P<credit>[^:]{2,120})$")
_CREDIT_SIGN = re.compile(r"^(?P<caption>.*?)\s*(?P<label>©|\(c\))\s*(?P<credit>[^©]{2,120})$")


def split_credit(text: str) -> tuple[str, str, str] | None:
    """(caption, label, credit) when a unit ends in a picture credit; the credit must be short
    and hold no sentence, so running text that happens to contain "Bild:" is not a caption."""
    for pattern in (_CREDIT, _CREDIT_SIGN):
        match = pattern.match(text)
        if match and not re.search(r"[.!?]\s+[A-ZÄÖÜ]", match.group("credit")):
            caption = match.group("caption").strip()
            if caption or pattern is _CREDIT:
                return caption, match.group("label"), match.group("credit").strip()
    return None


def _is_heading(unit: Unit, following: Unit | None) -> bool:
    text = unit.text
    return (following is not None and len(text) <= 100 and len(text.split()) <= 14
            and not text.endswith(_SENTENCE_END) and len(following.text) > len(text)
            and (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'«»‚")
            and split_credit(text) is None)


def read_blocks(units: list[Unit]) -> list[tuple[Unit, str, str | None, tuple[str, str] | None]]:
    """Classify body units: (unit, kind, caption title, (credit label, credit))."""
    groups = Counter(u.group for u in units)
    result: list[tuple[Unit, str, str | None, tuple[str, str] | None]] = []
    skip = set()
    lead_done = False
    for index, unit in enumerate(units):
        if index in skip:
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        credit = split_credit(unit.text)
        if credit:
            result.append((replace(unit, text=credit[0]), "caption", None, (credit[1], credit[2])))
            continue
        following_credit = split_credit(following.text) if following else None
        if (following is not None and following_credit and following.group == unit.group
                and groups[unit.group] == 2):
            label_credit = (following_credit[1], following_credit[2])
            if not following_credit[0]:
                # caption text on one line, its credit alone on the next
                result.append((unit, "caption", None, label_credit))
                skip.add(index + 1)
                continue
            if _looks_like_title(unit.text):
                # picture title line above a caption that ends in its credit
                caption_unit = replace(following, text=following_credit[0])
                result.append((caption_unit, "caption", unit.text, label_credit))
                skip.add(index + 1)
                continue
        if lead_done and _is_heading(unit, following):
            result.append((unit, "heading", None, None))
            continue
        result.append((unit, "paragraph" if lead_done else "lead", None, None))
        lead_done = True
    return result


# --- language, hint, assembly -------------------------------------------------------------

_DE = frozenset({"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "im", "auf",
                 "für", "sich", "dass", "ein", "eine", "auch"})
_EN = frozenset({"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "as", "by",
                 "it", "an", "this", "are", "from"})


def guess_language(text: str) -> str:
    words = Counter(w.lower() for w in re.findall(r"[A-Za-zäöüß]+", text))
    german = sum(words[w] for w in _DE)
    english = sum(words[w] for w in _EN)
    return "en" if english > german else "de"


def latest_date_hint(units: list[Unit], notes: list[Footnote]) -> DateHint | None:
    best: DateHint | None = None
    texts = [(u.text, u.line) for u in units] + [(n.text, n.line) for n in notes]
    for text, line in texts:
        for found in find_full_dates(text):
            if best is None or found.date.isoformat() > best.iso:
                best = DateHint(found.date.isoformat(), found.words, line)
    return best


def _front(seed: SeedText, key: str) -> Field | None:
    if key in seed.front_matter:
        value, line = seed.front_matter[key]
        return Field(value, "front matter", line)
    return None


def parse_article(seed: SeedText) -> tuple[Article, list[Diagnostic]]:
    path = seed.path
    diags: list[Diagnostic] = []
    units, removed = drop_chrome(split_units(seed.body, seed.body_line))
    lines = [Line(u.text, u.line) for u in units]
    notes_at = find_notes_start(lines)
    footnotes: list[Footnote] = []
    notes_heading = None
    if notes_at is not None:
        notes_heading = units[notes_at].text.rstrip(": ")
        raw_lines = seed.body.split("\n")
        note_lines = [Line(raw, seed.body_line + i) for i, raw in enumerate(raw_lines)
                      if seed.body_line + i > units[notes_at].line]
        footnotes, rest, more = parse_items(path, note_lines)
        diags += more
        rest_lines = {ln.number for ln in rest if ln.text.strip()}
        units = units[:notes_at] + [u for u in units[notes_at + 1:] if u.line in rest_lines]
    head = read_head(units)
    body_units = units[head.consumed:]
    author, bio = head.author, None
    if body_units and author.value is None:
        found = read_author_line(body_units[-1])
        if found:
            author = Field(found[0], "text", body_units[-1].line)
            bio = found[1]
            body_units = body_units[:-1]
    known = {n.number for n in footnotes}
    blocks: list[Block] = []
    for unit, kind, caption_title, credit in read_blocks(body_units):
        text, markers = extract_markers(unit.text, unit.line, known, lenient=not footnotes)
        blocks.append(Block(kind, text, unit.line, markers, caption_title,  # type: ignore[arg-type]
                            credit[1] if credit else None, credit[0] if credit else None))
    diags += _check_markers(path, blocks, footnotes)
    if head.title.value is None and "title" not in seed.front_matter:
        diags.append(Diagnostic(path, seed.body_line, "warning",
                                "no title found: add 'title:' in front matter", "no-title"))
    all_text = " ".join(u.text for u in units)
    meta = {key: _front(seed, key) for key in ("title", "date", "author", "outlet", "url",
                                                "language", "license")}
    language = meta["language"] or Field(guess_language(all_text), "text", None)
    article = Article(
        id=slug_for(path), path=path,
        title=meta["title"] or head.title, date=meta["date"] or head.date,
        author=meta["author"] or author, outlet=meta["outlet"] or Field(),
        url=meta["url"] or Field(), language=language, license=meta["license"] or Field(),
        topics=head.topics, author_bio=bio, blocks=tuple(blocks), footnotes=tuple(footnotes),
        removed=tuple(removed),
        date_hint=None if (meta["date"] or head.date).value else latest_date_hint(units, footnotes),
        notes_heading=notes_heading,
    )
    return article, diags


def _check_markers(path: str, blocks: list[Block], notes: list[Footnote]) -> list[Diagnostic]:
    diags = []
    known = {n.number for n in notes}
    used = {m.number for b in blocks for m in b.markers}
    for block in blocks:
        for marker in block.markers:
            if marker.number not in known:
                diags.append(Diagnostic(path, marker.line, "warning",
                                        f"footnote marker ({marker.number}) has no note "
                                        "in the notes list", "orphan-marker"))
    for note in notes:
        if note.number not in used:
            diags.append(Diagnostic(path, note.line, "warning",
                                    f"note {note.number} has no marker in the text; "
                                    "it is shown below the notes", "orphan-note"))
    return diags
