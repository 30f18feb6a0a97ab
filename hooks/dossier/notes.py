"""Notes: the list after "Anmerkungen:" (and its siblings) and the "(n)" / "[n]" markers in the text.

General rules, for any outlet:
- a notes heading is a line that is only one of NOTES_HEADINGS (optionally with ':'),
  followed by at least one list item; the last such heading in a text wins;
- items are "- …", "* …", "• …", "1. …", "  1. …", "1) …", "(1) …" or "[1] …";
  bullets are numbered in order, explicit numbers are kept; an indented or unmarked line
  continues the previous item;
- markers are "(n)" or "[n]" (stacked "[4][5]" too) with n a known note number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .links import find_links
from .model import Diagnostic, Footnote, Marker

NOTES_HEADINGS = (
    "anmerkungen", "anmerkung", "einzelnachweise", "quellen", "quellenangaben", "fußnoten",
    "fussnoten", "endnoten", "belege", "nachweise", "literatur",
    "notes", "note", "endnotes", "footnotes", "references", "sources",
)
_HEADING = re.compile(r"^\s*(" + "|".join(NOTES_HEADINGS) + r")\s*:?\s*$", re.IGNORECASE)
# Up to four digits, so a note 1000 is its own note, not glued onto 999.
_ITEM = re.compile(r"^(?P<indent>\s*)(?:(?P<bullet>[-*•–])|(?P<num>\d{1,4})[.)]|\((?P<pnum>\d{1,4})\)"
                   r"|\[(?P<bnum>\d{1,4})\])\s+(?P<text>\S.*)$")
_MARKER = re.compile(r"(?:\s?)(?:\((?P<p>\d{1,4})\)|(?P<b>(?:\[\d{1,4}\])+))")


@dataclass(frozen=True)
class Line:
    text: str
    number: int


def is_notes_heading(text: str) -> bool:
    return bool(_HEADING.match(text))


def find_notes_start(lines: list[Line]) -> int | None:
    """Index of the last notes heading that is followed by a list item, or None."""
    for index in range(len(lines) - 1, -1, -1):
        if is_notes_heading(lines[index].text):
            following = next((ln for ln in lines[index + 1:] if ln.text.strip()), None)
            if following is not None and _ITEM.match(following.text):
                return index
    return None


def parse_items(path: str, lines: list[Line]) -> tuple[list[Footnote], list[Line], list[Diagnostic]]:
    """Footnotes from the lines after the heading; lines after the list are returned as rest."""
    items: list[tuple[int, list[str], int]] = []
    diags: list[Diagnostic] = []
    rest_from = len(lines)
    for index, line in enumerate(lines):
        if not line.text.strip():
            continue
        match = _ITEM.match(line.text)
        if match:
            explicit = match.group("num") or match.group("pnum") or match.group("bnum")
            number = int(explicit) if explicit else len(items) + 1
            if explicit and items and number != items[-1][0] + 1:
                diags.append(Diagnostic(path, line.number, "warning",
                                        f"note {number} follows note {items[-1][0]}: "
                                        "numbers should go up by one", "note-numbering"))
            items.append((number, [match.group("text").strip()], line.number))
        elif items and (line.text[:1].isspace() or not _looks_like_new_paragraph(line.text)):
            items[-1][1].append(line.text.strip())
        else:
            rest_from = index
            break
    seen: set[int] = set()
    notes = []
    for number, parts, line_no in items:
        if number in seen:
            diags.append(Diagnostic(path, line_no, "warning", f"note {number} is numbered twice; "
                                    "the second one is shown as written", "note-duplicate"))
            continue
        seen.add(number)
        text = " ".join(parts)
        notes.append(Footnote(number, text, line_no, find_links(text)))
    return notes, lines[rest_from:], diags


def _looks_like_new_paragraph(text: str) -> bool:
    """An unindented line after a list is a continuation unless it reads like a new paragraph."""
    return len(text) > 0 and text[0].isupper() and text.rstrip()[-1:] not in ",;"


def extract_markers(text: str, line: int, known: set[int], lenient: bool) -> tuple[str, tuple[Marker, ...]]:
    """Remove footnote markers from `text`; return the clean text and the markers' offsets.

    A marker is taken when its number is a known note. With `lenient` (the article has no
    notes at all, or the number is just past the last note) small numbers are taken too so
    that they can be reported as orphans instead of vanishing into the text unnoticed.
    """
    out: list[str] = []
    markers: list[Marker] = []
    pos = 0
    top = max(known, default=0)
    for match in _MARKER.finditer(text):
        numbers = ([int(match.group("p"))] if match.group("p")
                   else [int(n) for n in re.findall(r"\d+", match.group("b"))])
        start = match.start()
        if not match.group(0)[0].isspace() and start > 0 and text[start - 1].isalnum() \
                and match.group("p"):
            continue  # "5(1)" or "x(2)": a legal citation or formula, not a note marker
        # In an article with notes, "[n]" and "(n)" below 1000 are markers even without a note,
        # so that they are reported as orphans instead of staying in the text unnoticed
        # ("(1994)" is a year, not a marker).
        limit = 9999 if match.group("b") else 999
        if not all(n in known or (lenient and n <= 20) or (0 < n <= top + 3) or (top and 0 < n <= limit)
                   for n in numbers):
            continue
        out.append(text[pos:start])
        offset = sum(len(part) for part in out)
        markers.extend(Marker(offset, n, line) for n in numbers)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), tuple(markers)
