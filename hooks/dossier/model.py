"""Value objects that flow between the pipeline stages (parse -> annotate -> index -> render).

Every object here is frozen: a stage returns new data and never mutates what an earlier
stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, NewType

Severity = Literal["error", "warning", "info"]
Provenance = Literal["front matter", "text"]
BlockKind = Literal["lead", "paragraph", "heading", "caption"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a contributor's file, reported with file and line."""

    path: str
    line: int | None
    severity: Severity
    message: str
    code: str = ""

    def format(self) -> str:
        """One line `path:line: severity: message`; a path or message can never forge a
        second line or another location (file names are checked, but this is the last guard)."""
        path = printable(self.path, also=":")
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {printable(self.message)}"


# One file repeating one problem (a pasted page with a marker on every line, a run-on block
# with the same bad date) gets one line that counts the repeats, not thousands: the rest of the
# report must stay readable. Past this many different messages of one kind in one file, the
# others of that kind are counted in one line too.
MAX_PER_KIND = 25


def fold_repeats(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics in their order, each message once per file with the number and first
    lines of its repeats, and at most MAX_PER_KIND different messages per file and code, the
    rest counted in one line at the first of them. Linear in the diagnostics."""
    key_of: dict[tuple[str, Severity, str, str], Diagnostic] = {}
    lines: dict[tuple[str, Severity, str, str], list[int | None]] = {}
    for d in diagnostics:
        key = (d.path, d.severity, d.code, d.message)
        if key not in lines:
            key_of[key] = d
            lines[key] = []
        lines[key].append(d.line)
    kinds: dict[tuple[str, str, str], int] = {}
    folded: dict[tuple[str, str, str], list[int]] = {}
    out: list[Diagnostic] = []
    for key, first in key_of.items():
        kind = (first.path, first.severity, first.code or first.message)
        kinds[kind] = kinds.get(kind, 0) + 1
        if kinds[kind] > MAX_PER_KIND and first.code:
            if kind not in folded:
                folded[kind] = [len(out), 0]
                out.append(first)
            folded[kind][1] += len(lines[key])
            continue
        seen = lines[key]
        if len(seen) > 1:
            where = [str(n) for n in dict.fromkeys(x for x in seen if x)]
            lines_ = f", line{'s' if len(where) > 1 else ''} {', '.join(where[:8])}" if where else ""
            more = f" ({len(seen)} times in this file{lines_}"
            more += (" …" if len(where) > 8 else "") + ")"
            first = replace(first, message=first.message + more)
        out.append(first)
    for (_, _, code), (at, n) in folded.items():
        out[at] = replace(out[at], message=f"and {n} more '{code}' {'problem' if n == 1 else 'problems'} in this "
                          f"file (from line {out[at].line}); fix the first ones, then check again")
    return out


def printable(text: str, also: str = "") -> str:
    """`text` with control characters, line breaks (and the characters in `also`) written as
    escapes, so it stays on one line and reads unambiguously."""
    if text.isprintable() and not any(c in text for c in also):
        return text                     # the common case, without a loop over characters
    return "".join(f"\\x{ord(c):02x}" if c in also else c.encode("unicode_escape").decode("ascii")
                   if not c.isprintable() else c for c in text)


@dataclass(frozen=True)
class Field:
    """One metadata value with where it came from (`source` None means unknown)."""

    value: str | None = None
    source: Provenance | None = None
    line: int | None = None


@dataclass(frozen=True)
class Marker:
    """A footnote marker such as "(3)" or "[3]", removed from the text at `offset`."""

    offset: int
    number: int
    line: int


@dataclass(frozen=True)
class Link:
    """An http(s) URL found in a text: `raw` as written, `target` with tracking removed."""

    start: int
    end: int
    raw: str
    target: str


@dataclass(frozen=True)
class Block:
    """One unit of running text. For captions, `title` is the image title line and
    `credit` the picture credit ("Bild: …"); `text` is the caption proper."""

    kind: BlockKind
    text: str
    line: int
    markers: tuple[Marker, ...] = ()
    title: str | None = None
    credit: str | None = None
    credit_label: str | None = None


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    line: int
    links: tuple[Link, ...] = ()
    # The note's own label when it is not its number: "a" for a letter note ("[a]" markers).
    # Letter notes are numbered after the numbered notes so footnote ids never clash.
    label: str | None = None


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped as web-page chrome, kept so the page can say what was removed."""

    line: int
    text: str
    reason: str
    # Footnote markers the removed line carried ("[6]" in an infobox row), taken out of `text`:
    # the "Beim Einlesen entfernt" box shows them as footnote references, so every note keeps a
    # reference and its back-link.
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class DateHint:
    """The latest full date a text mentions: shown as a labelled hint, never as the date."""

    iso: str
    words: str
    line: int


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: Field
    date: Field
    author: Field
    outlet: Field
    url: Field
    language: Field
    license: Field
    topics: tuple[str, ...] = ()
    author_bio: str | None = None
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    date_hint: DateHint | None = None
    notes_heading: str | None = None
    # Why the title line was chosen ("Zeile vor der Datumszeile", …); None with front matter.
    title_rule: str | None = None


# Where in an article a text sits: "text", "title" or "credit" of the block at a line, the
# article's "headline", topic N ("topic-N") or note N ("note-N"). One type and one place that
# builds and reads the numbered ones, so no stage parses these strings itself.
Part = NewType("Part", str)


def note_part(number: int) -> Part:
    return Part(f"note-{number}")


def topic_part(number: int) -> Part:
    return Part(f"topic-{number}")


def note_number(part: str) -> int | None:
    """The note number of a "note-N" part, else None."""
    return int(part[5:]) if part.startswith("note-") else None


def is_topic(part: str) -> bool:
    return part.startswith("topic-")
