"""Events: dated mentions in every text, attached to curated events, or grouped as uncurated
entries of the Chronik when something happens in them.

1. Every resolved date expression (dateexpr) in a text is a mention, with its sentence (the
   quote), the clause around it, the actors named in that sentence, in its paragraph and in
   the article, and whether it sits in a reference (a note, a cited title, "…, 09.08.2025,
   bei X, online unter …").
2. A mention attaches to a curated event (seeds/registry/events.yml) when the dates overlap
   (a month-precise "Juni 2025" fits 21 June 2025) and either one of the event's names is in
   the sentence, or a trigger word is (as a word, not a prefix) and the paragraph names one of
   the event's actors (for a day-precise date: the article does). References support curated
   events this way.
3. A mention that attaches to nothing becomes an uncurated entry only when its clause holds an
   event word (eventwords), an actor is named in its sentence, it is no reference, and its
   date is no coarser than a season (bare years, decades, "seit 1994" never are). Entries
   with equal dates and shared actors are merged; at most MAX_UNCURATED per article, the
   rest counted in `left_out` for the Chronik's note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier.annotate.dates.expressions import Context, DateExpr, resolve_text
from dossier.annotate.eventwords import entry_key, event_words, stems_of
from dossier.annotate.mentions import Mention, segments
from dossier.annotate.namewords import COMMON_WORD_ZIPF, common_word_problem
from dossier.annotate.normalise import INVISIBLE, atoms
from dossier.annotate.sentences import context_span
from dossier.model import Article, Diagnostic, note_number
from dossier.parse.article import dateline_block
from dossier.read.registryfile import load_registry_list, unique_entries
from dossier.read.yamlfile import entry_item_line, key_line

REGISTRY = "seeds/registry/events.yml"
UNCURATED_PREFIX = "datiert-"   # ids of events the build finds itself; curated ids may not use it
SCHEMA = "events-registry.schema.json"


@dataclass(frozen=True)
class EventMention:
    article: str
    part: str
    line: int
    start: int
    end: int
    words: str
    first: dt.date
    last: dt.date
    precision: str
    basis: str
    quote: str
    actors: tuple[str, ...]            # named in the sentence
    paragraph_actors: tuple[str, ...]  # named anywhere in the same text
    publication: bool = False          # the date of a cited work ("…, 08.08.2025, online unter …")
    citation: bool = False             # in a note or a cited title: supports curated events only
    clause: str = ""                   # the clause around the date: an uncurated entry's title
    happening: bool = False            # the clause holds an event word
    article_actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A curated event (from the registry, with names and triggers) or a cluster of dated
    mentions that attach to none (curated False)."""

    id: str
    title: str
    first: dt.date
    last: dt.date
    end: dt.date | None
    precision: str
    actors: tuple[str, ...]
    mentions: tuple[EventMention, ...] = ()
    curated: bool = True
    description: str = ""
    line: int | None = None
    names: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    left_out: tuple[tuple[str, int], ...] = ()   # (article, uncurated mentions over the cap)


def _interval(date: str, end: str | None) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        first = dt.date(*parts)
    elif len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
    else:
        first = dt.date(parts[0], 1, 1)
    if end:
        return first, dt.date.fromisoformat(end)
    if len(parts) == 3:
        return first, first
    if len(parts) == 2:
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return first, dt.date(first.year, 12, 31)


def _precision_problem(date: str, end: str | None, precision: str) -> str | None:
    """A precision the date does not have: "2025" with precision day would show as 1 January."""
    digits = {"day": 3, "month": 2}.get(precision)
    if digits and len(date.split("-")) < digits:
        form = "YYYY-MM-DD" if precision == "day" else "YYYY-MM"
        return f"precision '{precision}' needs a date written {form}, not '{date}'"
    if end and precision != "range":
        return f"an event with an end has precision 'range', not '{precision}'"
    if precision == "range" and not end:
        return "precision 'range' needs an 'end' (the last day)"
    return None


FUNCTION_WORD_ZIPF = 6.5      # "und", "the", "in", "war", "ist": in nearly every sentence


def _word_problems(entry: Any) -> list[Diagnostic]:
    """Names and triggers that would attach every report: blank, a common word ("und")."""
    found = []
    for field, label in (("names", "name"), ("triggers", "trigger")):
        for index, word in enumerate(entry.get(field, [])):
            text = str(word)
            visible = [c for c in text if not c.isspace() and c not in INVISIBLE]
            # A trigger counts only beside a fitting date and an actor, so an ordinary word
            # ("call", "Treffen") is fine; a function word ("und", "the") is not.
            threshold = FUNCTION_WORD_ZIPF if field == "triggers" else COMMON_WORD_ZIPF
            problem = f"{label} '{text}' is blank" if not visible else common_word_problem(text, label, threshold)
            if problem:
                found.append(Diagnostic(REGISTRY, entry_item_line(entry, field, index), "error", problem,
                                        "event-word"))
    if len(set(entry["actors"])) < len(entry["actors"]):
        found.append(Diagnostic(REGISTRY, key_line(entry, "actors"), "error", "an actor is listed twice",
                                "event-actors"))
    return found


def load_events(root: Path, actor_ids: set[str] | None) -> tuple[list[Event], list[Diagnostic]]:
    """Curated events. `actor_ids` None means the actor registry could not be read: its ids are
    then not checked, so one broken file gives its own errors, not dozens of follow-on ones."""
    data, diags = load_registry_list(root, REGISTRY, SCHEMA, "events")
    if data is None:
        return [], diags
    events: list[Event] = []
    entries, more = unique_entries(data, REGISTRY, reserved_prefixes=(UNCURATED_PREFIX,))
    diags += more
    for entry, line in entries:
        for actor in entry["actors"]:
            if actor_ids is not None and actor not in actor_ids:
                diags.append(Diagnostic(REGISTRY, key_line(entry, "actors"), "error",
                                        f"event '{entry['id']}' names actor '{actor}', which is not in "
                                        "seeds/registry/actors.yml", "event-unknown-actor"))
        try:
            first, last = _interval(str(entry["date"]), entry.get("end"))
        except ValueError:
            diags.append(Diagnostic(REGISTRY, key_line(entry, "date"), "error",
                                    f"date '{entry['date']}' is not a real calendar date", "event-date"))
            continue
        if last < first:
            diags.append(Diagnostic(REGISTRY, key_line(entry, "end"), "error", "end is before date", "event-date"))
            continue
        if problem := _precision_problem(str(entry["date"]), entry.get("end"), entry["precision"]):
            diags.append(Diagnostic(REGISTRY, key_line(entry, "precision"), "error", problem, "event-precision"))
            continue
        diags += _word_problems(entry)
        events.append(Event(
            entry["id"], entry["title"], first, last, dt.date.fromisoformat(entry["end"]) if entry.get("end") else None,
            entry["precision"], tuple(entry["actors"]), description=entry.get("description", ""), line=line,
            names=tuple(entry.get("names", [])), triggers=tuple(entry.get("triggers", []))))
    return events, diags


# --- mentions ------------------------------------------------------------------------------

# A date followed by "online unter", "abrufbar", "retrieved", or the URL itself, even after an
# outlet ("…, 09.08.2025, bei Executive Intelligence Review, online unter …"), dates a cited work.
_PUBLISHED = re.compile(r"[^.!?\n]{0,80}?(?:\b(?:online\s+(?:unter|at|verfügbar|abrufbar)|abrufbar|abgerufen|"
                        r"retrieved|accessed|available\s+(?:at|online|from)|archiviert|archived|URL)\b|https?://|www\.)",
                        re.IGNORECASE)
_ACCESSED = re.compile(r"\b(?:abgerufen(?:\s+am)?|zuletzt\s+aufgerufen(?:\s+am)?|accessed(?:\s+on)?|"
                       r"retrieved(?:\s+on)?|Stand:?)\s*$", re.IGNORECASE)
# A source in parentheses: "(Reuters, 17.11.2025)", "(Quelle: dpa, 17. November 2025)".
_SOURCE_BEFORE = re.compile(r"\(\s*(?:quelle:?\s*|source:?\s*|via\s+)?[^()\d,]{1,50},\s*(?:vom\s+|from\s+)?$",
                            re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"\s*\)")
# (Patterns used with .match(text, pos) carry no "^": it would only match at the text's start.)
# A cited title: a quotation whose closing mark is followed by "in:", ", bei", "(2025)" …
_OPEN, _CLOSE = "„“\"«‚", "“”\"»‘"
_AFTER_TITLE = re.compile(r"\s*[,.]?\s*(?:in:|bei\s|erschienen|published|\(\d{4}\)|\d{1,2}\.\d{1,2}\.\d{2,4})",
                          re.IGNORECASE)
# A trigger word alone needs a date no coarser than a season: "in diesem Jahr" names no event.
MAX_TRIGGER_SPAN = dt.timedelta(days=92)
# Uncurated entries one article may add to the Chronik.
MAX_UNCURATED = 12
# Clause delimiters inside a sentence.
_DELIMITER = re.compile(r"[,;:()–—„“”\"«»]|\s-\s")
_TITLE_WORDS = 18
_DANGLING_WORDS = """und oder aber sowie der die das den dem des ein eine einer einem eines zu zum zur von vom
mit für in im an am auf bei nach um dass als and or but the a an of for to in on at by with from as that
which who whom whose"""
_DANGLING = frozenset(_DANGLING_WORDS.split())
_CONJUNCTIONS = frozenset(["und", "oder", "aber", "sowie", "doch", "and", "or", "but", "yet"])


def _is_citation(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[bool, bool]:
    """(a reference, the publication date of one) for the date at text[start:end]."""
    published = bool(_PUBLISHED.match(text, end, min(len(text), end + 120)))
    if published or _ACCESSED.search(text, max(0, start - 30), start):
        return True, published
    if _SOURCE_BEFORE.search(text, max(0, start - 60), start) and _SOURCE_AFTER.match(text, end):
        return True, True     # "(Reuters, 17.11.2025)", "(Quelle: dpa, 17. November 2025)"
    s, e = sentence
    opening = max(text.rfind(q, s, start) for q in _OPEN)
    if opening >= 0:
        closing = min((i for i in (text.find(q, end, e) for q in _CLOSE) if i >= 0), default=-1)
        if closing >= 0 and _AFTER_TITLE.match(text, closing + 1, min(e + 40, len(text))):
            return True, False
    return False, False


def clause_around(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The clause holding text[start:end], widened by neighbouring clauses (right first) while
    it has fewer than four words besides the date or no event word, and cut to whole words
    around the date. Punctuation inside stays as written."""
    s, e = sentence
    cuts_left = [m.start() for m in _DELIMITER.finditer(text, s, start)]      # nearest last
    cuts_right = [m.end() for m in _DELIMITER.finditer(text, end, e)]         # nearest first
    a = cuts_left.pop() + 1 if cuts_left else s
    b = cuts_right.pop(0) - 1 if cuts_right else e

    def short() -> bool:   # too few words, or nothing happens in it yet
        size = len(text[a:b].split()) - len(text[start:end].split())
        return size < 4 or (size < _TITLE_WORDS and not event_words(text[a:b]))
    while short() and (cuts_left or cuts_right or a > s or b < e):
        if b < e:
            b = cuts_right.pop(0) - 1 if cuts_right else e
        else:
            a = cuts_left.pop() + 1 if cuts_left else s
    head, date, tail = text[a:start].split(), text[start:end].split(), text[end:b].split()
    room = max(0, _TITLE_WORDS - len(date))
    keep_tail = min(len(tail), max(room - len(head), room // 2))
    keep_head = min(len(head), room - keep_tail)
    tail = tail[:keep_tail]
    while tail and tail[-1].lower().strip(",;:") in _DANGLING:   # a cut clause ends on a content word
        tail.pop()
    head = head[len(head) - keep_head:]
    while head and head[0].lower().strip(",;:") in _CONJUNCTIONS:      # "And on 28 December …"
        head.pop(0)
    clause = re.sub(r"\s+([,.;:!?“”»])", r"\1", " ".join(head + date + tail))
    clause = clause.strip(" ,;:.-–—()„“”\"«»")
    return clause[:1].upper() + clause[1:]


def find_event_mentions(article: Article, mentions: list[Mention]) -> tuple[list[EventMention], list[Diagnostic]]:
    """Resolve the dates of every text of an article in reading order."""
    article_date = dt.date.fromisoformat(article.date.value) if article.date.value else None
    context_year = int(article.date_hint.iso[:4]) if article.date_hint else None
    ctx = Context(article_date, context_year, article.language.value)
    actors_at: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        actors_at[(m.part, m.line)].append(m)
    in_article = tuple(dict.fromkeys(m.actor for m in mentions))
    found: list[EventMention] = []
    diags: list[Diagnostic] = []
    previous: tuple[dt.date, dt.date] | None = None
    # The dateline's date ("MINSK, 11.09.2025 (AFP) –") is the day the report was filed, not
    # something that happened: a reference, like a cited source's date.
    # Only when it is the article's date: a scene set on a day years back is a real event.
    filed = dateline_block(article.blocks)
    filed_at = (filed[0].line, filed[1].start) if filed and filed[1].date == article_date else None
    for seg in segments(article):
        exprs, previous = resolve_text(seg.text, ctx, previous, seg.skip)
        here = sorted(actors_at[(seg.part, seg.line)], key=lambda m: m.start)
        starts = [m.start for m in here]
        in_paragraph = tuple(dict.fromkeys(m.actor for m in here))
        for expr in exprs:
            if expr.basis == "invalid":
                diags.append(Diagnostic(article.path, seg.line, "warning",
                                        f"'{expr.words}' is not a calendar date ({expr.problem}); it is left "
                                        "off the timeline", "date-invalid"))
                continue
            if expr.first is None or expr.last is None:
                diags.append(_unresolved(article, seg.line, expr))
                continue
            s, e = context_span(seg.text, expr.start, expr.end)
            in_sentence = tuple(dict.fromkeys(m.actor for m in here[bisect_left(starts, s):bisect_left(starts, e)]))
            citation, publication = _is_citation(seg.text, expr.start, expr.end, (s, e))
            citation = (citation or note_number(seg.part) is not None or seg.part == "credit"
                        or (seg.part == "text" and (seg.line, expr.start) == filed_at))
            clause = clause_around(seg.text, expr.start, expr.end, (s, e))
            found.append(EventMention(article.id, seg.part, seg.line, expr.start, expr.end, expr.words, expr.first,
                                      expr.last, expr.precision, expr.basis, seg.text[s:e].strip(), in_sentence,
                                      in_paragraph, publication, citation, clause,
                                      bool(event_words(clause)), in_article))
    return found, diags


def _unresolved(article: Article, line: int, expr: DateExpr) -> Diagnostic:
    return Diagnostic(article.path, line, "info",
                      f"'{expr.words}' is a relative date, but the article's date is unknown; add 'date:' to "
                      "its front matter to place it on the timeline", "date-unresolved")


# --- attaching and clustering ---------------------------------------------------------------

@lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    return tuple(a for _, _, a in atoms(text))


def _has_phrase(words: tuple[str, ...], phrase: str) -> bool:
    wanted = _words(phrase)
    n = len(wanted)
    if not n or wanted[0] not in words:
        return False
    return any(words[i:i + n] == wanted for i in range(len(words) - n + 1))


def date_in_name(event: Event, mention: EventMention) -> str | None:
    """The event's name that the mention's date words are part of, as the quote writes it
    ("2025" in "Sapad 2025"): the report names the event, its year is no date of its own."""
    quote, words = mention.quote.casefold(), mention.words.casefold()
    return next((name for name in event.names if words in name.casefold() and name.casefold() in quote), None)


def attaches(event: Event, mention: EventMention, words: tuple[str, ...] | None = None) -> bool:
    """`words`: the mention's quote as words, when the caller has them already."""
    if mention.last < event.first or mention.first > event.last:
        return False
    words = _words(mention.quote) if words is None else words
    if any(_has_phrase(words, name) for name in event.names):
        return True
    if mention.last - mention.first > MAX_TRIGGER_SPAN:
        return False
    near = set(mention.actors) | set(mention.paragraph_actors)
    if mention.precision == "day" and event.first <= mention.first and mention.last <= event.last:
        near |= set(mention.article_actors)   # the very day, reported with a trigger word
    if not set(event.actors) & near:
        return False
    stems = stems_of(words)
    return any(entry_key(t) in stems for t in event.triggers)


def _cluster_id(first: dt.date, last: dt.date, mentions: list[EventMention]) -> str:
    seed = "|".join(f"{m.article}:{m.part}:{m.line}:{m.start}" for m in mentions)
    return f"{UNCURATED_PREFIX}{first.isoformat()}-{hashlib.sha1(seed.encode()).hexdigest()[:6]}"


def creates_entry(mention: EventMention) -> bool:
    """Something happens (an event word in the clause), someone takes part (an actor in the
    sentence), the date is no reference, no guess and no coarser than a season."""
    return (mention.happening and bool(mention.actors) and not mention.citation
            and mention.precision not in ("year", "decade", "since") and mention.basis != "context year"
            and mention.last - mention.first <= MAX_TRIGGER_SPAN)


def _clusters(rest: list[EventMention]) -> list[Event]:
    by_interval: dict[tuple[dt.date, dt.date, str], list[EventMention]] = defaultdict(list)
    for m in rest:
        by_interval[(m.first, m.last, m.precision)].append(m)
    events: list[Event] = []
    for (first, last, precision), group in by_interval.items():
        # The first cluster sharing an actor, found by looking up each actor's first cluster
        # instead of scanning every cluster's actors.
        clusters: list[list[EventMention]] = []
        of_actor: dict[str, int] = {}
        for mention in group:
            home = min((of_actor[a] for a in mention.actors if a in of_actor), default=None)
            if home is None:
                home = len(clusters)
                clusters.append([])
            clusters[home].append(mention)
            for actor in mention.actors:      # the first (lowest) cluster that holds the actor
                of_actor[actor] = min(of_actor.get(actor, home), home)
        for cluster in clusters:
            actors = tuple(dict.fromkeys(a for m in cluster for a in m.actors))
            events.append(Event(_cluster_id(first, last, cluster), cluster[0].clause or cluster[0].words, first,
                                last, last if last != first and precision == "range" else None, precision, actors,
                                tuple(cluster), curated=False))
    return events


def build_events(curated: list[Event], mentions: list[EventMention]) -> list[Event]:
    attached: dict[str, list[EventMention]] = {e.id: [] for e in curated}
    rest: list[EventMention] = []
    per_article: dict[str, int] = defaultdict(int)
    over: dict[str, int] = defaultdict(int)
    # Curated events by start date: a mention is compared only with those that begin before it
    # ends (bisect), and its quote is split into words once, not once per event.
    by_start = sorted(curated, key=lambda e: e.first)
    starts = [e.first for e in by_start]
    longest = max((e.last - e.first for e in curated), default=dt.timedelta(0))
    for mention in mentions:
        words: tuple[str, ...] | None = None
        homes = []
        low = bisect_left(starts, mention.first - longest)
        for event in by_start[low:bisect_right(starts, mention.last)]:
            if event.last < mention.first:
                continue
            words = _words(mention.quote) if words is None else words
            if attaches(event, mention, words):
                homes.append(event)
        homes.sort(key=curated.index)
        for event in homes:
            attached[event.id].append(mention)
        if homes or not creates_entry(mention):
            continue
        if per_article[mention.article] >= MAX_UNCURATED:
            over[mention.article] += 1
            continue
        per_article[mention.article] += 1
        rest.append(mention)
    clusters = _clusters(rest)
    if over:   # the note travels on the article's last entry
        last_of: dict[str, int] = {}
        for i, event in enumerate(clusters):
            for m in event.mentions:
                last_of[m.article] = i
        for article, n in over.items():
            i = last_of[article]
            clusters[i] = replace(clusters[i], left_out=(*clusters[i].left_out, (article, n)))
    events = [replace(e, mentions=tuple(attached[e.id])) for e in curated] + clusters
    return sorted(events, key=lambda e: (e.first, e.last, not e.curated, e.id))
