"""Parse one seed's text into an Article: metadata with provenance, blocks, footnotes.

The rules are general and describe the shapes that pasted web pages and clean manuscripts
take (German or English); none of them names a particular file or outlet. Every pass is
linear in the number of lines.

1. Units: every non-empty line is a unit, unless the text is hard-wrapped (most lines end
   near one width), then a line is joined to the one above when that one ended only because
   the word did not fit; a line that is indented deeper than the one before starts a new
   paragraph (archive records indent them). Each physical line is first judged by the chrome
   rules (chrome.py: skip links, menus, share bars, player residue, encyclopedia boilerplate,
   archive headers, page footers), except the rest of a wrapped sentence ("… declined to" /
   "comment."); edit-link residue is cut off headings. Every removed line is kept with its rule.
2. Context debris: a donation appeal at the top or bottom, a line repeated right after
   itself (duplicated captions), a table of contents, link-list appendices ("Weblinks",
   "See also"), the title repeated in the body (a player heading).
3. Notes: the run of notes sections at the end becomes footnotes (notes.py); a notes heading
   whose list nothing cites, with the article going on after it, is the text's own.
4. Head: the title is chosen by weighing the short lines before the first paragraph (the
   line before the date line, a line followed by an encyclopedia tagline, a line the page
   repeats, a headline below a category label; labels, menus and site names lose) and the
   rule that chose it is recorded. Lines above the title are page header (the one label
   directly above it is the topic); between title and first paragraph, a run of three or
   more short fragments is infobox residue, a short label is a topic, and the date line
   and byline are read. A date line needs to be a whole line, so a date inside a caption
   is never the article's date. Without a date line, the single date of an archive header
   is used, then the dateline opening the lead or, below a teaser, the next paragraph
   ("MINSK, 11.09.2025 (AFP) –"; with a year; without an agency or a place in capitals only
   when the text names no day more than a year later and the place is no person's name).
   A summary box ("Das Wichtigste in Kürze") keeps its short lines.
5. Tail: a last unit of the form "First Last <role words>" is the author line with a bio,
   unless the text already speaks of that person.
6. Body: a unit ending in a picture credit ("Bild: …", "Foto: …") is a caption, and a short
   title line in the same group directly above it is its title; short units without final
   punctuation followed by longer text are sub-headings (a date line too: a chronology's
   entry), list items never; the first paragraph is the lead.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dossier.annotate.dates.vocabulary import WEEKDAYS
from dossier.annotate.namewords import looks_like_given_name
from dossier.annotate.normalise import key
from dossier.model import Article, Block, DateHint, Diagnostic, Field, Footnote, RemovedLine
from dossier.parse.chrome import EDIT_LINK, TEASER, chrome_reason, strip_edit_residue
from dossier.parse.datelines import FoundDate, find_full_dates, read_date_line
from dossier.parse.notes import Line, extract_markers, find_notes_start, is_notes_heading, letter_markers, parse_items
from dossier.read.seedfile import SeedText, slug_for


@dataclass(frozen=True)
class Unit:
    text: str
    line: int
    group: int


# --- 1. units ----------------------------------------------------------------------------

def _wrap_width(lines: list[str]) -> int:
    """The width most lines that continue into another line share (a manuscript wrapped at
    ~72-100 columns: the lines of a paragraph must be joined), or 0 when the text is not
    hard-wrapped."""
    # a line followed by a deeper-indented one ends a paragraph (archive records), so its
    # length says nothing about the wrapping width
    inner = [len(a.rstrip()) for a, b in itertools.pairwise(lines)
             if a.strip() and b.strip() and not _indent(b) > _indent(a)]
    if len(inner) < 3 or max((len(x.rstrip()) for x in lines), default=0) > 140:
        return 0
    if sum(40 <= n <= 120 for n in inner) < 0.8 * len(inner):
        return 0
    return sorted(inner)[len(inner) // 2]


def _was_wrapped(previous: str, text: str, width: int) -> bool:
    """Whether `previous` ended only because `text`'s first word did not fit: a title line
    above its standfirst ends well short of the width."""
    return text[0].islower() or len(previous.rstrip()) + 1 + len(text.split()[0]) > 0.75 * width


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def split_units(body: str, first_line: int) -> tuple[list[Unit], list[RemovedLine]]:
    """Units of text and the lines removed as page chrome (with their rule)."""
    lines = body.split("\n")
    width = _wrap_width(lines)
    units: list[Unit] = []
    removed: list[RemovedLine] = []
    group = 0
    previous_indent = 0
    teaser_group = -1
    for index, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            group += 1
            continue
        number = first_line + index
        indent = _indent(raw)
        deeper = indent >= 2 and indent > previous_indent
        joins = (width > 0 and bool(units) and units[-1].group == group and not deeper
                 and not _starts_list_item(raw) and _was_wrapped(lines[index - 1], text, width))
        # the rest of a wrapped sentence ("… declined to" / "comment.") is no share button
        continues = joins and bool(_LETTER.search(text)) and (not units[-1].text.endswith(_SENTENCE_STOP)
                                                              or text[0].islower())
        reason = None if continues else chrome_reason(text)
        # a headline linked under "Mehr zum Thema" / "Related"; where the paste has no blank
        # lines, the short line right before a paragraph is that paragraph's sub-heading
        if (reason is None and not continues and teaser_group == group and not is_paragraph(text)
                and len(text) <= 120 and not is_paragraph(lines[index + 1].strip() if index + 1 < len(lines) else "")):
            reason = TEASER
        if reason:
            removed.append(RemovedLine(number, text, reason))
            if reason == TEASER:
                teaser_group = group
            continue
        teaser_group = -1
        text, residue = strip_edit_residue(text)
        if residue:
            removed.append(RemovedLine(number, residue, EDIT_LINK))
        previous_indent = indent
        if joins:
            units[-1] = replace(units[-1], text=units[-1].text + " " + text)
        else:
            units.append(Unit(text, number, group))
    return units, removed


_LETTER = re.compile(r"[^\W\d_]")  # "###" under a wrapped URL is an end mark, not words
# how a sentence (or a quoted one) ends
_SENTENCE_STOP = tuple(".!?:;\"”“»«'’)…")


def _starts_list_item(raw: str) -> bool:
    return bool(re.match(r"\s*([-*•]|\d{1,3}(?:\.\)|[.)])|\[\d{1,3}\])\s", raw))


# --- 2. debris that needs context ---------------------------------------------------------

_SENTENCE_END = tuple(".,;:")
# Asking to give: donating, or supporting or contributing to *us*, *our* work, *independent*
# journalism (a bare "unterstützt"/"supports" is the news itself: "Die EU unterstützt …").
# German past tenses report ("spendeten Beifall", "unterstützten sie"); an appeal asks now.
_APPEAL_GIVE = re.compile(r"\b(donat\w*|spende(?!te)\w*|gespendet|unterstützung"
                          r"|unterstütz(e|en|t)(?= ((?-i:Sie)|uns|unser\w*|unabhängig\w*|die arbeit)\b)"
                          r"|support (us|our|independent)|contribut\w* (to (us|our)|today|now)"
                          r"|make a contribution|become a (member|supporter|patron))\b", re.IGNORECASE)
# The reader addressed: English "you", German "du", "euch", and the polite "Sie", "Ihr",
# "Ihnen" only inside a sentence (as a sentence's first word they are "she", "they", "her":
# "Sie fordert Neuwahlen"); "Ihre Spende" is the reader's donation wherever it stands.
_APPEAL_YOU = re.compile(r"\b((?i:you|your)|euch|dich|dein\w*|du)\b|(?<=[\w,] )(Sie|Ihre?\w*|Ihnen)\b"
                         r"|\bIhre?[mnrs]? Spende")
_APPEAL_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# Someone quoted speaks to someone else ("„Wir glauben an dich!“", "'… you will see more
# releases,' the envoy said"); an appeal is the page speaking to its reader.
_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|“[^”“]*[”“]|\"[^\"]*\"|»[^«]*«|«[^»]*»|‚[^‘’]*[‘’]")
# The reader's "Unterstützung" alone asks only in a sentence; a headline that holds it ("Was
# Sie über die Unterstützung … wissen müssen") asks nothing.
_APPEAL_END = re.compile(r"[.!?…][\"”“»«'’)]*\s*$")
# Longer than the longest banner seen (Wikipedia's, about 1,000 characters).
APPEAL_LENGTH = 1500
_TOC_HEADING = re.compile(r"^(inhaltsverzeichnis|inhalt|contents|table of contents)\s*:?$",
                          re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^(?:[-*•·]\s*)?(?P<name>\S.{0,100}?)\s+\d{1,2}(?:\.\d{1,2})*$")
_TOC_ITEM = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+\S.{0,100}$")
_LINK_LIST = re.compile(r"^(see also|external links|other websites|siehe auch|weblinks"
                        r"|further links|links)\s*:?$", re.IGNORECASE)


_TRAILING_MARKERS = re.compile(r"(?:\s?(?:\[\w{1,3}\]|\(\d{1,3}\)))+$")


def _words(text: str) -> int:
    return len(text.split())


def is_paragraph(text: str) -> bool:
    """Running text rather than a title, label or fragment."""
    # a headline may end in "?" or "!", so only a full stop marks a short paragraph
    bare = _TRAILING_MARKERS.sub("", text).rstrip("\"”“»«'’)")
    return len(text) >= 120 or (bare.endswith((".", "…")) and _words(text) >= 5)


def is_appeal(text: str) -> bool:
    """A donation appeal: asks the reader ("you", "Sie") to give. A short text (a banner)
    anywhere; a longer one only where sentences that ask make up most of it, so a long
    paragraph that mentions donations once and addresses someone is no appeal."""
    text = _QUOTED.sub(lambda m: " " if _words(m.group(0)) >= 3 else m.group(0), text)  # „Jetzt spenden“ stays
    give = _APPEAL_GIVE.search(text)
    if not (give and _APPEAL_YOU.search(text)):
        return False
    if (give.group(0).casefold() == "unterstützung" and not _APPEAL_GIVE.search(text, give.end())
            and not _APPEAL_END.search(text)):
        return False
    if len(text) <= APPEAL_LENGTH:
        return True
    asking = sum(len(sentence) for sentence in _APPEAL_SENTENCE.split(text)
                 if _APPEAL_GIVE.search(sentence) and _APPEAL_YOU.search(sentence))
    return 2 * asking >= len(text.strip())


def drop_appeals(units: list[Unit], *, top: bool) -> tuple[list[Unit], list[RemovedLine]]:
    """Donation appeals at the top (before the first paragraph that is not one) or at the
    bottom of a page; the same words inside the article are left alone. The bottom is
    judged after the notes are taken out, so a note about donations is never an appeal."""
    drop: set[int] = set()
    if top:
        for index, unit in enumerate(units):
            if is_appeal(unit.text):
                drop.add(index)
            elif is_paragraph(unit.text):
                break
    else:
        for index in range(len(units) - 1, -1, -1):
            if not is_appeal(units[index].text):
                break
            drop.add(index)
    removed = [RemovedLine(units[i].line, units[i].text, "Spendenaufruf") for i in sorted(drop)]
    return [u for i, u in enumerate(units) if i not in drop], removed


def drop_repeats(units: list[Unit]) -> tuple[list[Unit], list[RemovedLine]]:
    """A unit identical to the one before it (a caption pasted twice, a title in an infobox)."""
    kept: list[Unit] = []
    removed: list[RemovedLine] = []
    for unit in units:
        if kept and kept[-1].text == unit.text:
            removed.append(RemovedLine(unit.line, unit.text, "Doppelte Zeile"))
        else:
            kept.append(unit)
    return kept, removed


def _toc_run(units: list[Unit], index: int, names: set[str]) -> int:
    """Length of a table of contents without its heading starting at `index`: entries
    "• 1991 through 2000 1" whose names are headings of the text (or notes and link-list
    headings), at least two in a row."""
    length = 0
    while index + length < len(units):
        match = _TOC_ENTRY.match(units[index + length].text)
        name = match.group("name") if match else None
        if name is None or not (name in names or is_notes_heading(name) or _LINK_LIST.match(name)):
            break
        length += 1
    return length if length >= 2 else 0


def _toc_items(units: list[Unit], index: int, names: set[str]) -> list[Unit]:
    """The numbered entries under a contents heading, when one of them names a heading of the
    text (a partial paste holds few), a notes or link-list section, or is numbered "1.1":
    "Inhalt" over a numbered list of an agreement's points is the text's own."""
    entries = list(itertools.takewhile(lambda u: _TOC_ITEM.match(u.text), units[index:]))
    for unit in entries:
        name = re.sub(r"^[\d.]+\s+", "", unit.text)
        if (name in names or is_notes_heading(name) or _LINK_LIST.match(name)
                or re.match(r"\d{1,2}\.\d", unit.text)):
            return entries
    return []


def _mid_body_word(units: list[Unit], index: int) -> bool:
    """A link-list heading that is an ordinary word too ("Links": left) and has running text
    after it: a heading of the text, not a link-list appendix."""
    return units[index].text.rstrip(": ").casefold() == "links" and _text_goes_on(u.text for u in units[index + 1:])


def _text_goes_on(texts: Iterable[str]) -> bool:
    """Whether running text follows a list: two paragraphs at least (one is often a closing
    author line, a licence or republication note), donation appeals not counted."""
    return sum(is_paragraph(t) and not is_appeal(t) for t in texts) >= 2


def drop_body_debris(units: list[Unit], title: str | None) -> tuple[list[Unit], list[RemovedLine]]:
    """Table of contents, link-list appendices and the title repeated inside the body."""
    kept: list[Unit] = []
    removed: list[RemovedLine] = []
    names = {u.text for u in units}
    index = 0
    while index < len(units):
        unit = units[index]
        toc = _toc_run(units, index, names) if _TOC_ENTRY.match(unit.text) else 0
        if toc:
            removed += [RemovedLine(u.line, u.text, "Inhaltsverzeichnis") for u in units[index:index + toc]]
            index += toc
            continue
        entries = _toc_items(units, index + 1, names) if _TOC_HEADING.match(unit.text) else []
        if entries:
            removed += [RemovedLine(u.line, u.text, "Inhaltsverzeichnis") for u in [unit, *entries]]
            index += 1 + len(entries)
            continue
        if _LINK_LIST.match(unit.text) and not _mid_body_word(units, index):
            removed.append(RemovedLine(unit.line, unit.text, "Linkliste"))
            index += 1
            while (index < len(units) and not is_paragraph(units[index].text)
                   and not is_notes_heading(units[index].text)
                   and len(units[index].text) <= 160):
                removed.append(RemovedLine(units[index].line, units[index].text, "Linkliste"))
                index += 1
            continue
        if title is not None and unit.text == title:
            removed.append(RemovedLine(unit.line, unit.text, "Wiederholter Titel"))
        else:
            kept.append(unit)
        index += 1
    return kept, removed


# --- 4.-5. head and tail ------------------------------------------------------------------

_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von|van|de|der|zu|[A-ZÄÖÜ][\w'’.-]+)){1,3}"
# "Von Thomas Latschan", "By: Jane Doe", "Von Diana Resnik & Donogh McCabe" (the first name is
# the author field; the line is consumed whole)
_BYLINE = re.compile(r"^(?i:von|by|text|autor|autorin|author)(?::\s*|\s+)(?P<name>" + _NAME + r")"
                     r"(?:\s*(?:&|(?i:und|and)|,)\s*" + _NAME + r")*\s*(?P<tail>[,|(].*)?$")
# "NED PRICE, DEPARTMENT SPOKESPERSON": a name in capitals with its office
_CAPS_BYLINE = re.compile(r"^(?P<name>[A-ZÄÖÜ][A-ZÄÖÜ.'’-]+(?:\s+[A-ZÄÖÜ][A-ZÄÖÜ.'’-]+){1,3}),\s+"
                          r"[A-ZÄÖÜ][A-ZÄÖÜ &,'’-]{3,80}$")
_ROLE = re.compile(r"(autor|redakteur|journalist|korrespondent|reporter|kolumnist|mitarbeiter|"
                   r"politolog|historiker|analyst|publizist|writer|editor|correspondent|"
                   r"columnist|author|contributor)", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜŁŚŽČŠ][\w'’.-]*$")
_BIO_LEAD = re.compile(r"^(ist|is|war|was|ein|eine|a|an|the|der|die|das|[a-zäöü].*|"
                       r"[A-ZÄÖÜ]\w*(er|e|es|en|em))$")
# "Political partyIndependent", "Children3": an infobox label glued to its value
_GLUED_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,3}[a-z](?:[A-Z][a-z]|\d)")
_UPDATE_LABEL = re.compile(r"^(?:letzte aktualisierung|zuletzt aktualisiert(?: am)?|last updated(?: on)?"
                           r"|erstellt(?: am)?|created|zuerst veröffentlicht(?: am)?|first published"
                           r"(?: on)?)\s*:?\s*", re.IGNORECASE)
_DATELINE_PLACE = re.compile(r"^[A-ZÄÖÜ][\w.'’ -]{1,30},\s+(?=\S)")


def _looks_like_title(text: str) -> bool:
    return (3 <= len(text) <= 200 and not text.endswith(_SENTENCE_END)
            and chrome_reason(text) is None and not (text.startswith("[") and text.endswith("]")))


def _split_glued(text: str) -> tuple[str, ...]:
    """"KonflikteBelarus" (breadcrumbs scraped without separators) -> ("Konflikte", "Belarus")."""
    parts = re.split(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])|\s*[|/›>»·]\s*", text)
    return tuple(p.strip() for p in parts if p.strip())


def date_of_line(text: str) -> str | None:
    """ISO date when the whole line is a date line ("17. September 2025", "SEPTEMBER 25,
    2022", "Washington, September 11, 2025", "Letzte Aktualisierung: 25.09.2023"); the date
    grammar itself is dates.py's."""
    return _date_line(text)[0]


# The reason a date line whose date is no calendar date is set aside (it is neither the
# title nor the date); parse_article warns about it.
BAD_DATE_LINE = "Datumszeile ohne gültiges Datum"


def bad_date_of_line(text: str) -> str | None:
    """The date's words when the line is a date line but its date is none ("31.02.2025")."""
    return _date_line(text)[1]


@functools.lru_cache(maxsize=4096)
def _date_line(text: str) -> tuple[str | None, str | None]:
    """(ISO date, None) for a date line, (None, the date's words) for a date line whose date
    is no calendar date, (None, None) for any other line. Every date line has a digit (its
    year); other lines, most of a page's head, are not scanned. Cached: the head is read
    line by line for both answers."""
    if not any(c.isdigit() for c in text):
        return None, None
    text = _UPDATE_LABEL.sub("", text).rstrip(",;")
    bad = None
    for candidate in (text, text.title() if text.isupper() else None, _DATELINE_PLACE.sub("", text)):
        day, words = read_date_line(candidate) if candidate else (None, None)
        if day:
            return day.isoformat(), None
        bad = bad or words
    return None, bad


def _byline(text: str) -> str | None:
    match = _BYLINE.match(text)
    if match:
        return match.group("name")
    caps = _CAPS_BYLINE.match(text)
    if caps and _words(caps.group("name")) >= 2:
        return caps.group("name").title()
    return None


def _is_label(text: str) -> bool:
    """A category label or section tag: one to three words, no sentence, no digits."""
    return (_words(text) <= 3 and len(text) <= 30 and _looks_like_title(text)
            and not any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def _is_fragment(text: str) -> bool:
    """An infobox row: short, no sentence, no list item ("- Belarus frees 52 prisoners" in a
    summary box is content)."""
    if re.match(r"[-*•–]\s|\d{1,2}(?:\.\)|[.)])\s", text):
        return False
    return (len(text) <= 90 and not text.rstrip().endswith((".", "!", "?"))) \
        or bool(_GLUED_LABEL.match(text))


def _comparable(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


@dataclass
class Head:
    title: Field = field(default_factory=Field)
    date: Field = field(default_factory=Field)
    author: Field = field(default_factory=Field)
    topics: tuple[str, ...] = ()
    body: list[Unit] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    rule: str | None = None


_TAGLINES = frozenset({"Enzyklopädie-Kopfzeile"})


@dataclass(frozen=True)
class _Marks:
    """What the page around the title candidates shows (see _title_score)."""

    dates: set[int]            # window indexes of date lines
    follows_tagline: set[int]  # unit lines followed by an encyclopedia tagline
    counts: Counter[str]       # how often each unit text occurs in the whole text
    breadcrumbs: list[str]     # removed breadcrumb lines ("Home | News | <title>")
    isolated: frozenset[int]   # unit lines with a blank line (or the text's edge) on both sides
    end: int                   # window index of the first paragraph


def _title_score(units: list[Unit], index: int, marks: _Marks) -> tuple[float, str]:
    """How much unit `index` reads like the page's headline, and the strongest reason."""
    text = units[index].text
    dates = marks.dates
    reasons: list[tuple[float, str]] = []
    after = [i for i in range(index + 1, min(index + 4, len(units)))]
    nearest = next((i for i in after if i in dates or not (_byline(units[i].text)
                                                           or _is_label(units[i].text))), None)
    if nearest in dates:
        reasons.append((4.0, "Zeile vor der Datumszeile"))
    elif index - 1 in dates:
        reasons.append((2.0, "Zeile nach der Datumszeile"))
    if units[index].line in marks.follows_tagline:
        reasons.append((5.0, "Zeile vor der Enzyklopädie-Kopfzeile"))
    if marks.counts[text] > 1 or any(b.endswith(text) for b in marks.breadcrumbs):
        reasons.append((2.0, "im Seitentext wiederholte Zeile"))
    isolated = units[index].line in marks.isolated
    if isolated:
        reasons.append((1.5, "freistehende Zeile"))
    # a category label directly above, and the headline leads into the article (it stands
    # alone, or the date line or first paragraph follows), not into more short fragments
    leads_in = isolated or index + 1 == marks.end or index + 1 in dates
    if index > 0 and _is_label(units[index - 1].text) and _words(text) > 3 and leads_in:
        reasons.append((1.0, "Überschrift unter einer Rubrikzeile"))
    # the marks decide; shape and position only break ties between equally marked lines
    score = sum(weight for weight, _ in reasons) - 0.05 * index
    words = _words(text)
    score += -1.0 if words == 1 else -0.3 if words <= 3 else 0.3 if words <= 25 else 0.0
    if text.isupper() and words >= 2:
        score -= 0.5
    if _GLUED_LABEL.match(text):
        score -= 3.0
    best = max(reasons, default=(0.0, ""))
    return score, best[1]


def read_head(units: list[Unit], removed: list[RemovedLine], counts: Counter[str],
              isolated: frozenset[int] = frozenset()) -> Head:
    """Title, date line, topics, byline and header debris at the top of the text."""
    head = Head()
    end = next((i for i, u in enumerate(units) if is_paragraph(u.text)), len(units))
    end = min(end, 60)
    window = units[:end]
    dates = {i for i, u in enumerate(window) if date_of_line(u.text)}
    bad_dates = {i for i, u in enumerate(window) if i not in dates and bad_date_of_line(u.text)}
    removed_by_line = {r.line: r.reason for r in removed}
    unit_lines = {u.line for u in window}
    follows_tagline = {u.line for u in window if _tagline_follows(u.line, removed_by_line, unit_lines)}
    breadcrumbs = [r.text for r in removed if r.reason == "Brotkrumen"]
    marks = _Marks(dates, follows_tagline, counts, breadcrumbs, isolated, end)
    # a summary box ("Das Wichtigste in Kürze") opens the body: the title stands above it
    summary = next((i for i, u in enumerate(window) if _SUMMARY_HEADING.match(u.text)), len(window))
    scored = [(_title_score(window, i, marks), i)
              for i, u in enumerate(window[:summary])
              if i not in dates and i not in bad_dates and _looks_like_title(u.text) and _byline(u.text) is None
              and not _starts_list_item(u.text)]
    if not scored:  # no title; a date line at the top is still the date
        first_date = min(dates, default=None)
        if first_date is not None:
            head.date = Field(date_of_line(window[first_date].text), "text", window[first_date].line)
        head.body = [u for i, u in enumerate(units) if i != first_date]
        return head
    if any(rule for (_, rule), _ in scored):
        (_, head.rule), t = max(scored, key=lambda s: (s[0][0], -s[1]))
    else:  # no line has a headline's marks: the first title-like line is the title
        t = scored[0][1]
        head.rule = "erste Zeile" if t == 0 else "erste titelartige Zeile"
    head.title = Field(window[t].text, "text", window[t].line)
    # above the title: the label right above it (nothing removed between them) is the topic,
    # the rest is page header
    for index, unit in enumerate(window[:t]):
        if index in bad_dates:
            head.removed.append(RemovedLine(unit.line, unit.text, BAD_DATE_LINE))
        elif (index == t - 1 and len(unit.text) <= 60 and _words(unit.text) <= 4 and index not in dates
                and _byline(unit.text) is None
                and not any(n in removed_by_line for n in range(unit.line + 1, window[t].line))):
            head.topics = _split_glued(re.sub(r"^(\d{1,2}[.)]|[-*•])\s+", "", unit.text))
        elif index in dates and not head.date.value:
            head.date = Field(date_of_line(unit.text), "text", unit.line)
        elif _byline(unit.text) and not head.author.value:
            head.author = Field(_byline(unit.text), "text", unit.line)
        else:
            head.removed.append(RemovedLine(unit.line, unit.text, "Seitenkopf vor dem Titel"))
    # between title and first paragraph: infobox runs, date line, byline, labels, subtitle
    region = list(range(t + 1, end))
    infobox = _infobox_runs(window, region, dates) if end < len(units) else set()
    body_started = False
    for index in region:
        unit = window[index]
        name = _byline(unit.text)
        if index in infobox:
            head.removed.append(RemovedLine(unit.line, unit.text, "Infobox"))
        elif index in bad_dates and not body_started:
            head.removed.append(RemovedLine(unit.line, unit.text, BAD_DATE_LINE))
        elif index in dates and not head.date.value:
            head.date = Field(date_of_line(unit.text), "text", unit.line)
        elif index in dates and not body_started:
            head.removed.append(RemovedLine(unit.line, unit.text, "Weitere Datumszeile"))
        elif name and not head.author.value:
            head.author = Field(name, "text", unit.line)
        elif not body_started and _is_label(unit.text) and not _SUMMARY_HEADING.match(unit.text):
            head.topics += (unit.text,)
        else:
            body_started = True
            head.body.append(unit)
    head.body += units[end:]
    if not head.author.value:  # a byline under the standfirst or a caption
        for index, unit in enumerate(head.body[:4]):
            match = _BYLINE.match(unit.text)
            if match and _is_byline_sentence(unit.text, match):
                match = None
            if match:
                head.author = Field(match.group("name"), "text", unit.line)
                del head.body[index]
                break
    return head


def _is_byline_sentence(text: str, match: re.Match[str]) -> bool:
    """A sentence that starts like a byline: "Von Lukaschenko (71) erwarten …", "By Christmas
    Eve, Lukashenko had …". A byline that ends in a full stop names a role or says little
    after the name ("Von Anna Meier, Korrespondentin in Washington.")."""
    tail = match.group("tail") or ""
    return is_paragraph(text) and _words(tail) > 4 and not _ROLE.search(tail)


def _tagline_follows(line: int, removed_by_line: dict[int, str], unit_lines: set[int]) -> bool:
    """True when an encyclopedia tagline follows `line`, with only blank or removed lines
    (a maintenance notice, "Page contents not supported …") between them."""
    for following in range(line + 1, line + 8):
        reason = removed_by_line.get(following)
        if reason in _TAGLINES:
            return True
        if following in unit_lines:
            return False
    return False


# The heading of an article's summary box, whose short lines are content, not infobox rows.
# (Phrases a menu or a category label does not use: not "Überblick", "Summary", "In Brief".)
_SUMMARY_HEADING = re.compile(r"^(das wichtigste( in kürze| im überblick)?|auf einen blick|kurz gesagt"
                             r"|key (points|takeaways|facts)|at a glance|what we know( so far)?"
                             r"|was wir wissen)\s*:?$", re.IGNORECASE)


def _infobox_runs(window: list[Unit], region: list[int], dates: set[int]) -> set[int]:
    """Indexes in runs of three or more infobox fragments; a date line or glued label
    between or next to such runs belongs to them."""
    runs: set[int] = set()
    current: list[int] = []
    for index in region + [-1]:
        text = window[index].text if index >= 0 else ""
        if index >= 0 and ((_is_fragment(text) and index not in dates and _byline(text) is None)
                           or _GLUED_LABEL.match(text)):
            current.append(index)
            continue
        # "Das Wichtigste in Kürze", "Key points:": the lines under it are the article's own
        if len(current) >= 3 and not _SUMMARY_HEADING.match(window[current[0]].text):
            runs.update(current)
        current = []
    for index in region:
        if index in dates and (index - 1 in runs or index + 1 in runs):
            runs.add(index)
    # a label inside a run ("Incumbent", "Signature") is part of it
    for index in region:
        if index - 1 in runs and index + 1 in runs:
            runs.add(index)
    return runs


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

_CREDIT_LABELS = ("Bild", "Bilder", "Foto", "Fotos", "Grafik", "Karte", "Video", "Photo", "Image", "Picture",
                  "Credit", "Illustration")
_CREDIT = re.compile(r"^(?P<caption>.*?)\s*(?P<label>" + "|".join(_CREDIT_LABELS)
                     + r")\s*:\s*(?P<credit>[^:]{2,120})$")
_SIGNS = ("©", "(c)", "Copyright")
# lowercase words a credit holds ("Sergei Gapon/AFP via Getty Images", "U.S. Department of State")
_CREDIT_JOINERS = frozenset({"via", "and", "und", "by", "of", "von", "for", "für", "/", "&"})
_CREDIT_SIGN = re.compile(r"^(?P<caption>.*?)\s*(?P<label>©|\(c\)|Copyright)\s*(?P<credit>[^©]{2,120})$")


def _may_end_in_credit(text: str) -> tuple[bool, bool]:
    """Whether _CREDIT and _CREDIT_SIGN can match at all, cheaply: a label credit has no colon,
    so its label stands right before the text's last colon; a sign credit needs its sign. (The
    patterns alone try every position of a long paragraph.)"""
    colon = text.rfind(":")
    return colon >= 0 and text[:colon].rstrip().endswith(_CREDIT_LABELS), any(s in text for s in _SIGNS)


def credit_of(match: re.Match[str] | None, pattern: re.Pattern[str]) -> tuple[str, str, str] | None:
    """(caption, label, credit) from a match of _CREDIT or _CREDIT_SIGN that is a credit: a
    source's name ("AP", "picture alliance/dpa"), not a sentence — neither two of them nor one
    of three words or more that ends like a sentence ("zeichnet ein klares Bild: Die Mehrheit
    … lehnt … ab.", "and (c) the release of 52 prisoners.")."""
    if match is None or re.search(r"[.!?]\s+[A-ZÄÖÜ]", match.group("credit")):
        return None
    credit = match.group("credit").strip()
    lowercase = [w for w in credit.split() if w[0].islower() and w not in _CREDIT_JOINERS]
    if credit.endswith((".", "!", "?")) and _words(credit) >= 3 and lowercase:
        return None
    label = match.group("label")
    caption = match.group("caption").strip()
    if not caption and pattern is not _CREDIT:
        return None
    return caption, label, credit


def split_credit(text: str) -> tuple[str, str, str] | None:
    """(caption, label, credit) when a unit ends in a picture credit; the credit must be short
    and hold no sentence, so running text that happens to contain "Bild:" is not a caption."""
    for pattern, possible in zip((_CREDIT, _CREDIT_SIGN), _may_end_in_credit(text), strict=True):
        found = credit_of(pattern.match(text), pattern) if possible else None
        if found:
            return found
    return None


def _is_heading(unit: Unit, following: Unit | None) -> bool:
    text = unit.text
    return (following is not None and len(text) <= 100 and len(text.split()) <= 14
            and not text.endswith(_SENTENCE_END) and len(following.text) > len(text)
            and (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'«»‚")
            and (not _starts_list_item(text) or date_of_line(text) is not None)  # "9. August 2020"
            and split_credit(text) is None)


def read_blocks(units: list[Unit]) -> list[tuple[Unit, str, str | None, tuple[str, str] | None]]:
    """Classify body units: (unit, kind, caption title, (credit label, credit))."""
    groups = Counter(u.group for u in units)
    result: list[tuple[Unit, str, str | None, tuple[str, str] | None]] = []
    skip = set()
    lead_done = False
    summary = False  # inside the short lines under a summary heading
    for index, unit in enumerate(units):
        if index in skip:
            continue
        if _SUMMARY_HEADING.match(unit.text):
            result.append((unit, "heading", None, None))
            summary = True
            continue
        summary = summary and not is_paragraph(unit.text)
        if summary:
            result.append((unit, "paragraph", None, None))
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


def _archive_date(removed: list[RemovedLine]) -> Field | None:
    """The one full date of an archive header ("[Congressional Record Volume 168, Number 116
    (Thursday, July 14, 2022)]") when the text has no date line."""
    for line in removed:
        if line.reason == "Archivkopf":
            found = find_full_dates(line.text)
            if len(found) == 1:
                return Field(found[0].date.isoformat(), "text", line.line)
    return None


# A dateline opening the lead, as news agencies and press offices write it: a place (up to
# three comma-separated parts: "VILNIUS, Lithuania,", "Frankfurt am Main,", "Halle (Saale),",
# "МИНСК,"), then a comma ("Berlin, den"), a dash, a bracket or a full stop ("MINSK."),
# a full date, a time, an agency in brackets or slashes, then a dash, colon or full stop:
# "MINSK, 11.09.2025 (AFP) –", "VILNIUS, Lithuania, September 11, 2025 (AP) —",
# "WASHINGTON, Sept. 11, 2025 /PRNewswire/ --", "Washington, D.C. (September 11, 2025) –".
_DATELINE_HEAD = re.compile(r"(?P<place>[^\W\d_][^,\n]{0,60}?(?:,[ \u00a0]*[^\W\d_][^,\n]{0,40}?){0,2})"
                            r"(?P<sep>,|[ \u00a0]+[–—-]|[ \u00a0]*\(|(?<=[^\W\d_]{2})\.)[ \u00a0]*(?:den[ \u00a0]+)?$")
# Space runs are bounded: unbounded ones side by side are tried in quadratically many splits
# of a long run of spaces.
_DATELINE_END = re.compile(r"\)?(?:,?[ \u00a0]{0,3}\d{1,2}[:.]\d{2}(?:[ \u00a0]{0,3}Uhr)?)?[ \u00a0]{0,3}"
                           r"(?P<agency>\([^()\n]{1,40}\)|/[^/\n]{1,30}/)?[ \u00a0]{0,3}"
                           r"(?:[–—:.]|--?)(?:[ \u00a0]|(?<=[–—-])(?=[^\W\d_]))")
# Words inside a place that are not capitalised: "Frankfurt am Main", "Rio de Janeiro".
_PARTICLE_WORDS = "am an der dem im ob bei upon on sur de del della di da do dos du la le les van von y"
_PLACE_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# What opens a correction, a label or a scene, not a place: "Update, 12. September 2025:",
# "Am Sonntag, 9. August 2020.", "Heute, …", "On Sunday, …".
_LABEL_WORDS = """update updated aktualisiert aktualisierung korrektur correction clarification stand
    editors editor note anmerkung hinweis nachtrag am im in an on at heute gestern morgen today yesterday
    tonight seit since bis until ab vom von from"""
_NO_PLACE = frozenset(_LABEL_WORDS.split())


def dateline(text: str) -> tuple[FoundDate, bool] | None:
    """The full date of a dateline opening `text` (a lead), and whether it has the wire's own
    marks (an agency, or a place in capitals) that no scene-setting opening has; None without
    one. A dateline without a year ("MINSK, Sept 11 (Reuters) -") has no date: nothing is
    guessed."""
    dates = find_full_dates(text[:160])
    if not dates:
        return None
    found = dates[0]
    head = _DATELINE_HEAD.match(text, 0, found.start)
    end = _DATELINE_END.match(text, found.end)
    if head is None or end is None:
        return None
    if (head["sep"].strip() == "(") != text[found.end:found.end + 1].startswith(")"):
        return None      # "Washington, D.C. (September 11, 2025) –": the bracket closes after the date
    parts = [p.strip() for p in head["place"].split(",")]
    for part in parts:
        words = re.sub(r"\([^()]*\)", "", part).split()
        if not words or len(words) > 4 or not all(w[:1].isupper() or w in _PLACE_PARTICLES for w in words):
            return None
    opening = parts[0].split()
    if key(opening[0]).rstrip(":") in _NO_PLACE or any(key(w) in WEEKDAYS for w in opening):
        return None      # the place comes first: a weekday after it is part of the date ("MINSK, Belarus, Thursday,")
    wire = bool(end["agency"]) or parts[0].isupper()
    return found, wire


def dateline_block(blocks: Iterable[Block]) -> tuple[Block, FoundDate, bool] | None:
    """The paragraph that opens with the article's dateline, its date and whether it has the
    wire's marks (dateline()): the lead, or the paragraph right after it when the lead is a
    teaser above the report and that paragraph's dateline has the wire's marks."""
    paragraphs = itertools.takewhile(lambda b: b.kind in ("lead", "paragraph"),
                                     itertools.dropwhile(lambda b: b.kind != "lead", blocks))
    for n, block in enumerate(itertools.islice(paragraphs, 2)):
        found = dateline(block.text)
        if found and (n == 0 or found[1]):
            return block, *found
    return None


def _dateline_date(blocks: list[Block], body: list[Unit]) -> Field | None:
    """The date of the article's dateline (dateline_block), when the text has no date line:
    the day the report was filed. One without the wire's marks (dateline()) might set a scene
    ("Minsk, 9. August 2020. An diesem Abend …" in a feature of 2025): it counts only when the
    text itself reports no day more than a year after it, and its place is no person's name
    ("Maria Kalesnikava, 9. August 2020: …")."""
    found = dateline_block(blocks)
    if found is None:
        return None
    lead, date, wire = found
    if not wire:
        later = date.date + dt.timedelta(days=366)
        if any(d.date > later for unit in body for d in find_full_dates(unit.text)):
            return None
        words = lead.text[:date.start].split(",")[0].split()      # the place's first part
        if len(words) >= 2 and words[1][:1].isupper() and looks_like_given_name(words[0]):
            return None
    return Field(date.date.isoformat(), "text", lead.line)


def parse_article(seed: SeedText) -> tuple[Article, list[Diagnostic]]:
    path = seed.path
    diags: list[Diagnostic] = []
    units, removed = split_units(seed.body, seed.body_line)
    counts = Counter(u.text for u in units)
    units, more_removed = drop_appeals(units, top=True)
    removed += more_removed
    units, more_removed = drop_repeats(units)
    removed += more_removed
    lines = [Line(u.text, u.line) for u in units]
    notes_at = find_notes_start(lines)
    footnotes: list[Footnote] = []
    notes_heading = None
    if notes_at is not None:
        letters = frozenset(letter for u in units[:notes_at] for letter in letter_markers(u.text))
        has_numbers = any(re.search(r"\[\d{1,3}\]|\(\d{1,3}\)", u.text) for u in units[:notes_at])
        raw_lines = seed.body.split("\n")
        chrome_lines = {r.line for r in removed  # whole lines, not residue cut off a heading
                        if r.text == raw_lines[r.line - seed.body_line].strip()}
        note_lines = [Line(raw, seed.body_line + i) for i, raw in enumerate(raw_lines)
                      if seed.body_line + i >= units[notes_at].line
                      and seed.body_line + i not in chrome_lines]
        footnotes, rest, more, sections = parse_items(path, note_lines, letters, has_numbers)
        if not (letters or has_numbers or _cites_loosely(units[:notes_at])) and _text_goes_on(
                ln.text.strip() for ln in rest):
            # nothing cites them and the article goes on: "Quellen" over a list of the regime's
            # sources of income, a "Note:" box, are the text's own
            footnotes = []
        else:
            diags += more
            notes_heading = " / ".join(dict.fromkeys(_heading_text(units, notes_at, s) for s in sections))
            rest_lines = {ln.number for ln in rest if ln.text.strip()}
            units = units[:notes_at] + [u for u in units[notes_at + 1:] if u.line in rest_lines]
    raw = seed.body.split("\n")
    blank = [not line.strip() for line in raw] + [True]
    isolated = frozenset(u.line for u in units
                         if blank[u.line - seed.body_line - 1 if u.line > seed.body_line else -1]
                         and blank[u.line - seed.body_line + 1])
    units, more_removed = drop_appeals(units, top=False)
    removed += more_removed
    head = read_head(units, removed, counts, isolated)
    given = seed.front_matter.get("title")
    if given and head.title.value and _comparable(head.title.value) != _comparable(given[0]):
        if units and head.title.line == units[0].line:
            # The text starts with its own title line: the front-matter title replaces it, and the
            # replaced line is listed with what was removed, never dropped unseen.
            head.removed.append(RemovedLine(units[0].line, units[0].text, "Titelzeile (Titel aus dem Front Matter)"))
        else:
            # A line further down is no title when front matter names one: it stays text, with
            # the labels read above it.
            consumed = {head.date.line, head.author.line} | {r.line for r in head.removed}
            assert head.title.line is not None
            returned = [u for u in units if u.line <= head.title.line and u.line not in consumed]
            head.body = sorted(returned + head.body, key=lambda u: u.line)
            head.topics = ()
        head.title = Field()
    removed += head.removed
    then = ("the front matter's date is used" if "date" in seed.front_matter
            else "the article's date stays unknown (give 'date:' in front matter)")
    diags += [Diagnostic(path, r.line, "warning", f"the date line's '{bad_date_of_line(r.text)}' is not a calendar "
                         f"date; {then}", "date-line-invalid")
              for r in head.removed if r.reason == BAD_DATE_LINE]
    body_units, more_removed = drop_body_debris(head.body, head.title.value)
    removed += more_removed
    author, bio = head.author, None
    if body_units and author.value is None:
        found = read_author_line(body_units[-1])
        # a person the text is about ("… ist der Politologe Artyom Schraibman.") is no author;
        # "Ein Kommentar von Thomas Meier" names the author, it does not discuss him
        if found and not _discussed(found[0], body_units[:-1]):
            author = Field(found[0], "text", body_units[-1].line)
            bio = found[1]
            body_units = body_units[:-1]
    known = {n.number for n in footnotes}
    letter_numbers = {n.label: n.number for n in footnotes if n.label}
    top = max((n.number for n in footnotes if not n.label), default=0)
    blocks: list[Block] = []
    for unit, kind, caption_title, credit in read_blocks(body_units):
        text, markers = extract_markers(unit.text, unit.line, known, lenient=not footnotes,
                                        letters=letter_numbers, top=top)
        blocks.append(Block(kind, text, unit.line, markers, caption_title,  # type: ignore[arg-type]
                            credit[1] if credit else None, credit[0] if credit else None))
    removed = [_with_removed_markers(r, known, letter_numbers, top) for r in removed]
    diags += _check_markers(path, blocks, footnotes, {m.number for r in removed for m in r.markers})
    diags += _past_the_last_number(path, seed, footnotes)
    if head.title.value is None and "title" not in seed.front_matter:
        diags.append(Diagnostic(path, seed.body_line, "warning",
                                "no title found: add 'title:' in front matter", "no-title"))
    all_text = " ".join(u.text for u in units)
    meta = {key: _front(seed, key) for key in ("title", "date", "author", "outlet", "url",
                                                "language", "license")}
    language = meta["language"] or Field(guess_language(all_text), "text", None)
    date = meta["date"] or head.date
    if date.value is None:
        date = _archive_date(removed) or _dateline_date(blocks, body_units) or date
    article = Article(
        id=slug_for(path), path=path,
        title=meta["title"] or head.title, date=date,
        author=meta["author"] or author, outlet=meta["outlet"] or Field(),
        url=meta["url"] or Field(), language=language, license=meta["license"] or Field(),
        topics=head.topics, author_bio=bio, blocks=tuple(blocks), footnotes=tuple(footnotes),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        date_hint=None if date.value else latest_date_hint(units, footnotes),
        notes_heading=notes_heading,
        title_rule=None if meta["title"] or head.title.value is None else head.rule,
    )
    return article, diags


# Note numbers have at most four digits (a five-digit number in brackets is more often a
# figure than a note): a notes list that runs past 9999 is cut there.
_FIVE_DIGIT_NOTE = re.compile(r"^[ \t]*(?:\d{5,}[.)]|\(\d{5,}\)|\[\d{5,}\])[ \t]+\S", re.MULTILINE)


# A note number pasted as a superscript or glued to the sentence ("angewiesen.¹", "years.1")
_LOOSE_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]|(?<=[^\W\d_][.,;:!?])\d{1,3}(?=\s|$)")


def _cites_loosely(units: list[Unit]) -> bool:
    return any(_LOOSE_MARKER.search(unit.text) for unit in units)


def _discussed(name: str, units: list[Unit]) -> bool:
    surname = re.compile(r"\b" + re.escape(name.split()[-1]) + r"\b")
    credit = re.compile(r"\b(?i:von|by)\s+" + re.escape(name) + r"\b")
    return any(surname.search(unit.text) and not credit.search(unit.text) and split_credit(unit.text) is None
               for unit in units)


def _past_the_last_number(path: str, seed: SeedText, notes: list[Footnote]) -> list[Diagnostic]:
    """One error when the notes reach 9999 and the list goes on: the rest would be read as part
    of note 9999 and their markers as plain text."""
    if not any(n.number == 9999 for n in notes):
        return []
    match = _FIVE_DIGIT_NOTE.search(seed.body)
    if not match:
        return []
    line = seed.body_line + seed.body.count("\n", 0, match.start())
    return [Diagnostic(path, line, "error", "the notes list goes past note 9999, the highest number read; "
                       "split the article", "too-many-notes")]


def _with_removed_markers(line: RemovedLine, known: set[int], letters: dict[str, int],
                          top: int) -> RemovedLine:
    """A removed line with the markers of known notes taken out, so that a note cited only in
    an infobox row still gets a reference (in the removed-lines box) and a back-link."""
    if not known or "[" not in line.text:
        return line
    text, markers = extract_markers(line.text, line.line, known,
                                    lenient=False, letters=letters, top=top)
    markers = tuple(m for m in markers if m.number in known)
    return RemovedLine(line.line, text, line.reason, markers) if markers else line


def _heading_text(units: list[Unit], notes_at: int, name: str) -> str:
    """The notes heading as the text writes it ("Einzelnachweise", "References")."""
    written = units[notes_at].text.rstrip(": ")
    return written if written.lower().startswith(name.lower()) else name.capitalize()


def _check_markers(path: str, blocks: list[Block], notes: list[Footnote],
                   cited_in_removed: frozenset[int] | set[int] = frozenset()) -> list[Diagnostic]:
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
        if note.number not in used and note.number not in cited_in_removed:
            diags.append(Diagnostic(path, note.line, "warning",
                                    f"note {note.number} has no marker in the text; "
                                    "it is shown below the notes", "orphan-note"))
    return diags
