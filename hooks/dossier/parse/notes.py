"""Notes: the reference lists at the end of a text and the "(n)" / "[n]" / "[a]" markers in it.

General rules, for any outlet or encyclopedia:
- a notes heading is a line that is only one of NOTES_HEADINGS (optionally with ':'), after
  edit-link residue is stripped ("Einzelnachweise[Bearbeiten | Quelltext bearbeiten]",
  "References change"); it starts notes when a list item follows;
- several notes sections in a row ("Notes" with letter notes, then "References") are read as
  one notes region, each section its own group;
- items are "- …", "* …", "• …", "1. …", "1) …", "(1) …", "[1] …", "[a] …", "a. …", and the
  shapes encyclopedias give a browser copy: a back-link arrow "↑ …" / "^ …", optionally with
  "Jump up to:" and back-link labels for a note cited more than once ("↑ a b …", "^ 4.0 4.1 …";
  a dotted label also gives the note's number, so lists that start above 1 keep their numbers);
- unnumbered items are numbered in order; explicit numbers are kept;
- letter notes ("[a]" in the text) form their own group: they get numbers after the numbered
  notes (so footnote ids never clash) and keep their letter as `label`;
- an indented or unmarked line continues the previous item; a last item that stops mid-phrase
  at the end of the text is kept and reported as cut off;
- markers are "(n)" or "[n]" (stacked "[4][5]" too) with n a known note number, or "[a]" with
  a known letter note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.model import Diagnostic, Footnote, Marker
from dossier.parse.chrome import strip_edit_residue
from dossier.parse.links import find_links

NOTES_HEADINGS = (
    "anmerkungen", "anmerkung", "einzelnachweise", "quellen", "quellenangaben", "fußnoten",
    "fussnoten", "endnoten", "belege", "nachweise", "literatur", "quellen und anmerkungen",
    "notes", "note", "endnotes", "footnotes", "references", "sources", "citations",
    "notes and references", "references and notes", "explanatory notes",
)
_HEADING = re.compile(r"^\s*(" + "|".join(NOTES_HEADINGS) + r")(?:\s+(?:edit|change|bearbeiten)"
                      r"(?:\s+source)?)?\s*:?\s*$", re.IGNORECASE)
_BACK = (r"(?:[↑^]\s*(?:(?i:jump up to|hochspringen nach|springe nach oben|nach oben springen)"
         r"\s*:?\s*)?)")
_LABELS = r"(?:(?P<dotted>\d{1,3}[.,]\d{1,2}(?:\s+\d{1,3}[.,]\d{1,2})+)|(?P<letters>a(?:\s+[b-z])+))\s+"
_ITEM = re.compile(
    r"^(?P<indent>\s*)(?:(?P<num>\d{1,4})[.)]\s+|\((?P<pnum>\d{1,4})\)\s+|\[(?P<bnum>\d{1,4})\]\s+"
    r"|\[(?P<blet>[a-z])\]\s+|(?P<let>[a-z])[.)]\s+|(?P<bullet>[-*•–])\s+)?"
    r"(?P<back>" + _BACK + r"(?:" + _LABELS + r")?)?(?P<text>\S.*)$")
# Up to four digits, so a note 1000 is its own note, not glued onto note 999.
_MARKER = re.compile(r"\((?P<p>\d{1,4})\)|(?P<b>(?:\[(?:\d{1,4}|[a-z])\])+)")
# Where a marker can begin: "(" or "[" before a digit, "[x]". A paragraph has few of them, so
# _MARKER is tried there only, instead of at every character.
_MARKER_START = re.compile(r"[(\[](?:\d|[a-z]\])")
_CUT_OFF_END = re.compile(r"(?:[^\W\d_]|[,;:(\[–-])$")  # ends in a letter or mid-phrase sign


def _markers(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each marker in `text` with where it starts, a whitespace before it included (as
    an optional space before _MARKER would take it): what finditer of that pattern finds."""
    pos = 0
    for candidate in _MARKER_START.finditer(text):
        at = candidate.start()
        if at < pos:
            continue
        match = _MARKER.match(text, at)
        if match:
            yield (at - 1 if at and text[at - 1].isspace() else at), match
            pos = match.end()


@dataclass(frozen=True)
class Line:
    text: str
    number: int


def notes_heading_name(text: str) -> str | None:
    """"Einzelnachweise" for "Einzelnachweise[Bearbeiten | Quelltext bearbeiten]", else None."""
    cleaned, _residue = strip_edit_residue(text.strip())
    match = _HEADING.match(cleaned)
    return match.group(1) if match else None


def is_notes_heading(text: str) -> bool:
    return notes_heading_name(text) is not None


def _item(text: str) -> re.Match[str] | None:
    """A list item: it needs a list mark or a back-link arrow."""
    match = _ITEM.match(text)
    if match is None or not any(match.group(g) for g in ("num", "pnum", "bnum", "blet", "let",
                                                         "bullet", "back")):
        return None
    return match


def find_notes_start(lines: list[Line]) -> int | None:
    """Index of the first heading of the last run of notes sections, or None.

    The last notes heading followed by a list item starts the notes; an earlier notes heading
    whose section holds only list items (up to that heading) joins the region."""
    start = None
    for index in range(len(lines) - 1, -1, -1):
        if is_notes_heading(lines[index].text):
            following = next((ln for ln in lines[index + 1:] if ln.text.strip()), None)
            if following is not None and _item(following.text):
                start = index
                break
    if start is None:
        return None
    index = start - 1
    while index >= 0 and _item(lines[index].text):
        index -= 1
    while index >= 0 and is_notes_heading(lines[index].text) and index < start - 1:
        start = index
        index -= 1
        while index >= 0 and _item(lines[index].text):
            index -= 1
    return start


@dataclass
class _Item:
    number: int | None
    letter: str | None
    parts: list[str]
    line: int
    section: int


def parse_items(path: str, lines: list[Line], letters: frozenset[str] = frozenset(),
                has_numbers: bool = True,
                ) -> tuple[list[Footnote], list[Line], list[Diagnostic], list[str]]:
    """Footnotes from the lines after the first notes heading.

    Returns the notes, the lines after the list (the rest of the text), diagnostics and the
    names of the notes sections. `letters` are the letter markers the text uses and
    `has_numbers` whether it uses numbered markers: they decide which section is the
    letter-note group when the items themselves carry no labels."""
    items: list[_Item] = []
    diags: list[Diagnostic] = []
    sections: list[str] = []
    section = 0
    rest_from = len(lines)
    explicit_letters = 0
    last_text_line = max((i for i, ln in enumerate(lines) if ln.text.strip()), default=-1)
    for index, line in enumerate(lines):
        if not line.text.strip():
            continue
        heading = notes_heading_name(line.text)
        if heading is not None:
            sections.append(heading)
            section = len(sections)
            continue
        match = _item(line.text)
        letter = match and (match.group("let") or match.group("blet"))
        if letter and (letter not in letters or ord(letter) - ord("a") != explicit_letters):
            match = None  # "a. a. O., S. 5": letter items need "[a]" markers and go a, b, c
        elif letter:
            explicit_letters += 1
        if match:
            items.append(_read_item(match, line.number, section))
        elif items and (line.text[:1].isspace() or not _looks_like_new_paragraph(line.text)):
            items[-1].parts.append(line.text.strip())
        else:
            rest_from = index
            break
    _assign_letters(items, letters, has_numbers)
    notes = _number(path, items, diags)
    if items and rest_from > last_text_line:
        last = " ".join(items[-1].parts)
        if _CUT_OFF_END.search(last) and not find_links(last):
            name = items[-1].letter or items[-1].number
            diags.append(Diagnostic(path, items[-1].line, "warning",
                                    f"note {name} stops mid-phrase at the end of the text: was "
                                    "the paste cut off? It is kept as it stands", "note-cut-off"))
    return notes, lines[rest_from:], diags, sections


def _read_item(match: re.Match[str], line: int, section: int) -> _Item:
    explicit = match.group("num") or match.group("pnum") or match.group("bnum")
    letter = match.group("blet") or match.group("let")
    dotted = match.group("dotted")
    text = match.group("text").strip()
    if match.group("letters"):
        labels = match.group("letters").split()
        if labels != [chr(ord("a") + i) for i in range(len(labels))]:
            text = match.group("letters") + " " + text  # not a back-link sequence
    number = int(explicit) if explicit else (int(re.split(r"[.,]", dotted)[0]) if dotted else None)
    return _Item(number, letter, [text], line, section)


def _assign_letters(items: list[_Item], letters: frozenset[str], has_numbers: bool) -> None:
    """Mark the items of the letter-note section when the items carry no letters themselves."""
    if not letters or any(i.letter for i in items):
        return
    sections = sorted({i.section for i in items})
    counts = {s: sum(1 for i in items if i.section == s and i.number is None) for s in sections}
    if len(sections) == 1:
        chosen = sections[0] if not has_numbers else None
    else:
        chosen = next((s for s in sections if counts[s] == len(letters)), None)
        if chosen is None:
            chosen = next((s for s in sections[:-1] if counts[s]), None)
    if chosen is None:
        return
    position = 0
    for item in items:
        if item.section == chosen and item.number is None:
            item.letter = chr(ord("a") + position) if position < 26 else None
            position += 1


def _number(path: str, items: list[_Item], diags: list[Diagnostic]) -> list[Footnote]:
    notes: list[Footnote] = []
    seen: set[int] = set()
    previous = 0
    for item in items:
        if item.letter is not None:
            continue
        if item.number is None:
            item.number = previous + 1
        elif previous and item.number != previous + 1:
            diags.append(Diagnostic(path, item.line, "warning",
                                    f"note {item.number} follows note {previous}: "
                                    "numbers should go up by one", "note-numbering"))
        previous = item.number
        if item.number in seen:
            diags.append(Diagnostic(path, item.line, "warning", f"note {item.number} is numbered "
                                    "twice; the second one is shown as written", "note-duplicate"))
            continue
        seen.add(item.number)
        text = " ".join(item.parts)
        notes.append(Footnote(item.number, text, item.line, find_links(text)))
    top = max(seen, default=0)
    used_letters: set[str] = set()
    for item in items:
        if item.letter is None or item.letter in used_letters:
            continue
        used_letters.add(item.letter)
        top += 1
        text = " ".join(item.parts)
        notes.append(Footnote(top, text, item.line, find_links(text), label=item.letter))
    return notes


def _looks_like_new_paragraph(text: str) -> bool:
    """An unindented line after a list is a continuation unless it reads like a new paragraph."""
    return len(text) > 0 and text[0].isupper() and text.rstrip()[-1:] not in ",;"


def letter_markers(text: str) -> set[str]:
    """The letters of "[a]"-style markers in `text`."""
    return set(re.findall(r"\[([a-z])\]", text))


def extract_markers(text: str, line: int, known: set[int], lenient: bool,
                    letters: dict[str, int] | None = None,
                    top: int | None = None) -> tuple[str, tuple[Marker, ...]]:
    """Remove footnote markers from `text`; return the clean text and the markers' offsets.

    A marker is taken when its number is a known note (or its letter a known letter note).
    With `lenient` (the article has no notes at all, or the number is just past the last
    note) small numbers are taken too so that they can be reported as orphans instead of
    vanishing into the text unnoticed. `top` is the highest numbered (not lettered) note.
    """
    letters = letters or {}
    out: list[str] = []
    markers: list[Marker] = []
    pos = 0
    offset = 0       # the length of what `out` holds (summing it per marker was quadratic)
    if top is None:  # the highest numbered note; callers with many blocks pass it in
        lettered = set(letters.values())
        top = max((n for n in known if n not in lettered), default=0)
    for start, match in _markers(text):
        if match.group("p"):
            if start == match.start() and start > 0 and text[start - 1].isalnum():
                continue  # "5(1)" or "x(2)": a legal citation or formula, not a note marker
            numbers = [int(match.group("p"))]
        else:
            labels = re.findall(r"\[(\d{1,4}|[a-z])\]", match.group("b"))
            if any(label.isalpha() and label not in letters for label in labels):
                continue
            numbers = [letters[label] if label.isalpha() else int(label) for label in labels]
        # In an article with notes, "[n]" and "(n)" below 1000 are markers even without a note,
        # so that they are reported as orphans instead of staying in the text unnoticed
        # ("(1994)" is a year, not a marker).
        limit = 999 if match.group("p") else 9999
        if not all(n in known or (lenient and n <= 20) or (0 < n <= top + 3) or (top and 0 < n <= limit)
                   for n in numbers):
            continue
        out.append(text[pos:start])
        offset += start - pos
        markers.extend(Marker(offset, n, line) for n in numbers)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), tuple(markers)
