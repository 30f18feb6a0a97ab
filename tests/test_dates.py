"""Date expressions: one row per form, German and English, each tried at the start of a
sentence and inside one, with and without the article's date."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from dossier.annotate.dates import expressions, leads, prefilter
from dossier.annotate.dates.expressions import Context, resolve_text
from dossier.annotate.dates.rules import RULES
from dossier.parse.datelines import parse_date_line

ARTICLE = Context(dt.date(2025, 9, 17), 2025)      # a Wednesday
UNKNOWN = Context(None, 2025)                       # no article date; context year from the text
NOTHING = Context(None, None)

Row = tuple[str, str, str, str, str, str, str]     # language, phrase, words, precision, first, last, basis
E, A = "explicit", "article date"

FORMS: list[Row] = [
    # full dates
    ("de", "am 17. September 2025", "17. September 2025", "day", "2025-09-17", "2025-09-17", E),
    ("de", "am 11.September 2025", "11.September 2025", "day", "2025-09-11", "2025-09-11", E),
    ("de", "am 3. Sept. 2025", "3. Sept. 2025", "day", "2025-09-03", "2025-09-03", E),
    ("de", "am 17. 11. 2025", "17. 11. 2025", "day", "2025-11-17", "2025-11-17", E),
    ("de", "am 08.08.2025", "08.08.2025", "day", "2025-08-08", "2025-08-08", E),
    ("de", "am 15.08.25", "15.08.25", "day", "2025-08-15", "2025-08-15", E),
    ("de", "am 17/11/2025", "17/11/2025", "day", "2025-11-17", "2025-11-17", E),
    ("en", "on Nov 17, 2025", "Nov 17, 2025", "day", "2025-11-17", "2025-11-17", E),
    ("en", "on June 21, 2025", "June 21, 2025", "day", "2025-06-21", "2025-06-21", E),
    ("en", "on 24 March 2020", "24 March 2020", "day", "2020-03-24", "2020-03-24", E),
    ("en", "on SEPTEMBER 25, 2022", "SEPTEMBER 25, 2022", "day", "2022-09-25", "2022-09-25", E),
    ("en", "on 11/17/2025", "11/17/2025", "day", "2025-11-17", "2025-11-17", E),
    ("en", "at 2025-11-17T09:30:00Z", "2025-11-17T09:30:00Z", "day", "2025-11-17", "2025-11-17", E),
    # year-less days and months: the occurrence nearest the article's date
    ("de", "am 17.11.", "am 17.11.", "day", "2025-11-17", "2025-11-17", A),
    ("de", "am 21. Juni", "21. Juni", "day", "2025-06-21", "2025-06-21", A),
    ("de", "im Juni", "im Juni", "month", "2025-06-01", "2025-06-30", A),
    ("en", "on June 21", "June 21", "day", "2025-06-21", "2025-06-21", A),
    ("en", "on Sept. 25", "Sept. 25", "day", "2025-09-25", "2025-09-25", A),
    ("en", "in June", "in June", "month", "2025-06-01", "2025-06-30", A),
    ("en", "on Sunday, March 9", "March 9", "day", "2025-03-09", "2025-03-09", A),
    ("de", "am Montag, dem 5. Mai", "5. Mai", "day", "2025-05-05", "2025-05-05", A),
    # months and years
    ("de", "im Juni 2025", "Juni 2025", "month", "2025-06-01", "2025-06-30", E),
    ("en", "in Nov 2024", "Nov 2024", "month", "2024-11-01", "2024-11-30", E),
    ("de", "im Jahr 2021", "im Jahr 2021", "year", "2021-01-01", "2021-12-31", E),
    ("en", "in 2017", "in 2017", "year", "2017-01-01", "2017-12-31", E),
    # ranges
    ("de", "im Juni/Juli 2025", "Juni/Juli 2025", "range", "2025-06-01", "2025-07-31", E),
    ("de", "von Januar bis März 2025", "von Januar bis März 2025", "range", "2025-01-01", "2025-03-31", E),
    ("de", "von August 1992 bis Januar 1994", "von August 1992 bis Januar 1994", "range", "1992-08-01",
     "1994-01-31", E),
    ("en", "from January to March 2025", "from January to March 2025", "range", "2025-01-01", "2025-03-31", E),
    ("de", "Januar bis März 2025", "Januar bis März 2025", "range", "2025-01-01", "2025-03-31", E),
    ("de", "am 27. und 28. Februar 2019", "27. und 28. Februar 2019", "range", "2019-02-27", "2019-02-28", E),
    ("en", "on June 12–14, 2025", "June 12–14, 2025", "range", "2025-06-12", "2025-06-14", E),
    ("en", "from 12 to 14 June 2025", "12 to 14 June 2025", "range", "2025-06-12", "2025-06-14", E),
    ("de", "zwischen dem 15. Februar und dem 20. Juni", "zwischen dem 15. Februar und dem 20. Juni", "range",
     "2025-02-15", "2025-06-20", A),
    ("de", "in den Jahren 1998 bis 2002", "1998 bis 2002", "range", "1998-01-01", "2002-12-31", E),
    ("en", "in 1991 through 2000", "1991 through 2000", "range", "1991-01-01", "2000-12-31", E),
    ("en", "between 2015 and 2020", "between 2015 and 2020", "range", "2015-01-01", "2020-12-31", E),
    ("de", "von 1975–77", "von 1975–77", "range", "1975-01-01", "1977-12-31", E),
    # open intervals
    ("de", "seit 1994", "seit 1994", "since", "1994-01-01", "1994-12-31", E),
    ("de", "ab 2000", "ab 2000", "since", "2000-01-01", "2000-12-31", E),
    ("de", "von 2017 an", "von 2017 an", "since", "2017-01-01", "2017-12-31", E),
    ("de", "seit Juli 1994", "seit Juli 1994", "since", "1994-07-01", "1994-07-31", E),
    ("en", "since 1994", "since 1994", "since", "1994-01-01", "1994-12-31", E),
    # decades
    ("de", "Anfang der 2010er Jahre", "Anfang der 2010er Jahre", "decade", "2010-01-01", "2013-12-31", E),
    ("de", "in den 1990er Jahren", "in den 1990er Jahren", "decade", "1990-01-01", "1999-12-31", E),
    ("de", "in den 1990erJahren", "in den 1990erJahren", "decade", "1990-01-01", "1999-12-31", E),
    ("de", "in den Achtzigerjahren", "in den Achtzigerjahren", "decade", "1980-01-01", "1989-12-31", E),
    ("en", "in the 1990s", "in the 1990s", "decade", "1990-01-01", "1999-12-31", E),
    ("en", "in the early 2000s", "in the early 2000s", "decade", "2000-01-01", "2003-12-31", E),
    # seasons and parts
    ("de", "im Herbst 2014", "Herbst 2014", "season", "2014-09-01", "2014-11-30", E),
    ("de", "im Winter 2014", "Winter 2014", "season", "2014-12-01", "2015-02-28", E),
    ("en", "in spring 2024", "spring 2024", "season", "2024-03-01", "2024-05-31", E),
    ("de", "im Herbst", "im Herbst", "season", "2025-09-01", "2025-11-30", A),
    ("de", "Anfang 1994", "Anfang 1994", "part", "1994-01-01", "1994-04-30", E),
    ("de", "Mitte 2025", "Mitte 2025", "part", "2025-05-01", "2025-08-31", E),
    ("de", "Ende Juli 2025", "Ende Juli 2025", "part", "2025-07-21", "2025-07-31", E),
    ("de", "Ende Juli", "Ende Juli", "part", "2025-07-21", "2025-07-31", A),
    ("en", "in late July 2025", "late July 2025", "part", "2025-07-21", "2025-07-31", E),
    ("en", "in early September 2001", "early September 2001", "part", "2001-09-01", "2001-09-10", E),
    ("de", "Ende des Jahres", "Ende des Jahres", "part", "2025-09-01", "2025-12-31", A),
    ("en", "by the end of last year", "the end of last year", "part", "2024-09-01", "2024-12-31", A),
    # weekdays, weekends, days
    ("de", "am Dienstag", "am Dienstag", "day", "2025-09-16", "2025-09-16", A),
    ("de", "vergangenen Freitag", "vergangenen Freitag", "day", "2025-09-12", "2025-09-12", A),
    ("de", "kommenden Montag", "kommenden Montag", "day", "2025-09-22", "2025-09-22", A),
    ("de", "Donnerstagabend", "Donnerstagabend", "day", "2025-09-11", "2025-09-11", A),
    ("de", "am Wochenende", "am Wochenende", "range", "2025-09-13", "2025-09-14", A),
    ("de", "gestern", "gestern", "day", "2025-09-16", "2025-09-16", A),
    ("de", "vorgestern", "vorgestern", "day", "2025-09-15", "2025-09-15", A),
    ("en", "on Tuesday", "on Tuesday", "day", "2025-09-16", "2025-09-16", A),
    ("en", "last Friday", "last Friday", "day", "2025-09-12", "2025-09-12", A),
    ("en", "Thursday night", "Thursday night", "day", "2025-09-11", "2025-09-11", A),
    ("en", "over the weekend", "over the weekend", "range", "2025-09-13", "2025-09-14", A),
    ("en", "yesterday", "yesterday", "day", "2025-09-16", "2025-09-16", A),
    ("en", "this morning", "this morning", "day", "2025-09-17", "2025-09-17", A),
    ("en", "last night", "last night", "day", "2025-09-16", "2025-09-16", A),
    ("de", "heute Abend", "heute Abend", "day", "2025-09-17", "2025-09-17", A),
    ("de", "gestern Abend", "gestern Abend", "day", "2025-09-16", "2025-09-16", A),
    # ago, weeks, months, years
    ("de", "vor drei Tagen", "vor drei Tagen", "day", "2025-09-14", "2025-09-14", A),
    ("de", "vor zwei Wochen", "vor zwei Wochen", "week", "2025-08-31", "2025-09-06", A),
    ("de", "vor einem Monat", "vor einem Monat", "month", "2025-08-01", "2025-08-31", A),
    ("de", "vor zwei Jahren", "vor zwei Jahren", "year", "2023-01-01", "2023-12-31", A),
    ("de", "vor anderthalb Jahren", "vor anderthalb Jahren", "year", "2024-01-01", "2024-12-31", A),
    ("en", "two weeks ago", "two weeks ago", "week", "2025-08-31", "2025-09-06", A),
    ("en", "three days ago", "three days ago", "day", "2025-09-14", "2025-09-14", A),
    ("de", "in der vergangenen Woche", "in der vergangenen Woche", "week", "2025-09-08", "2025-09-14", A),
    ("en", "last week", "last week", "week", "2025-09-08", "2025-09-14", A),
    ("de", "letzten Monat", "letzten Monat", "month", "2025-08-01", "2025-08-31", A),
    ("en", "last month", "last month", "month", "2025-08-01", "2025-08-31", A),
    ("en", "earlier this month", "earlier this month", "month", "2025-09-01", "2025-09-30", A),
    ("de", "letztes Jahr", "letztes Jahr", "year", "2024-01-01", "2024-12-31", A),
    ("de", "im vergangenen Jahr", "im vergangenen Jahr", "year", "2024-01-01", "2024-12-31", A),
    ("de", "in diesem Jahr", "in diesem Jahr", "year", "2025-01-01", "2025-12-31", A),
    ("de", "heuer", "heuer", "year", "2025-01-01", "2025-12-31", A),
    ("en", "this year", "this year", "year", "2025-01-01", "2025-12-31", A),
    ("en", "last year", "last year", "year", "2024-01-01", "2024-12-31", A),
    ("de", "am 20. Januar dieses Jahres", "20. Januar dieses Jahres", "day", "2025-01-20", "2025-01-20", A),
    ("de", "im kommenden Oktober", "im kommenden Oktober", "month", "2025-10-01", "2025-10-31", A),
    ("en", "next October", "next October", "month", "2025-10-01", "2025-10-31", A),
    ("de", "letzten Sommer", "letzten Sommer", "season", "2025-06-01", "2025-08-31", A),
    # "later" without an earlier date counts from the article's date
    ("de", "eine Woche später", "eine Woche später", "week", "2025-09-21", "2025-09-27", A),
    ("en", "a week later", "a week later", "week", "2025-09-21", "2025-09-27", A),
]

FILLER = {"de": ("{} kam es zu dem Treffen.", "Wie berichtet wird, kam es {} zu dem Treffen."),
          "en": ("{} the meeting took place.", "Officials said the meeting took place {} in Minsk.")}


def _sentences(row: Row) -> list[str]:
    language, phrase = row[0], row[1]
    initial, inside = FILLER[language]
    return [initial.format(phrase[0].upper() + phrase[1:]), inside.format(phrase)]


def _one(text: str, ctx: Context) -> tuple[str, str, str | None, str | None, str]:
    found, _ = resolve_text(text, ctx, None)
    assert len(found) == 1, [f.words for f in found]
    e = found[0]
    return (e.words.lower(), e.precision, e.first.isoformat() if e.first else None,
            e.last.isoformat() if e.last else None, e.basis)


@pytest.mark.parametrize("row", FORMS, ids=[r[1] for r in FORMS])
@pytest.mark.parametrize("position", [0, 1], ids=["sentence-initial", "inside"])
def test_every_form_with_the_article_date(row: Row, position: int) -> None:
    _language, _phrase, words, precision, first, last, basis = row
    assert _one(_sentences(row)[position], ARTICLE) == (words.lower(), precision, first, last, basis)


@pytest.mark.parametrize("row", FORMS, ids=[r[1] for r in FORMS])
@pytest.mark.parametrize("position", [0, 1], ids=["sentence-initial", "inside"])
def test_every_form_without_an_article_date(row: Row, position: int) -> None:
    """Absolute dates keep their value; nothing relative or year-less is guessed."""
    _language, _phrase, words, precision, first, last, basis = row
    expected = (first, last, E) if basis == E else (None, None, "unresolved")
    assert _one(_sentences(row)[position], NOTHING) == (words.lower(), precision, *expected)


def test_yearless_date_goes_to_the_occurrence_nearest_the_article_date() -> None:
    january = Context(dt.date(2025, 1, 10), None)
    assert _one("Am 21. Dezember wurde er verhaftet.", january)[2] == "2024-12-21"
    assert _one("Am 3. Februar soll gewählt werden.", january)[2] == "2025-02-03"
    assert _one("The vote is set for the upcoming June 3.", ARTICLE)[2] == "2026-06-03"
    assert _one("The vote was on June 3.", ARTICLE)[2] == "2025-06-03"


def test_yearless_date_without_article_date_takes_the_context_year() -> None:
    assert _one("Am 21. Juni kam er frei.", UNKNOWN)[2:] == ("2025-06-21", "2025-06-21", "context year")
    assert _one("Am 21. Juni kam er frei.", NOTHING)[2:] == (None, None, "unresolved")


def test_yearless_date_takes_the_year_of_a_dated_phrase_in_its_sentence() -> None:
    found, _ = resolve_text("Im Juni 2024 und am 21. Juni traf man sich.", UNKNOWN, None)
    assert [(f.words, f.first.isoformat() if f.first else None, f.basis) for f in found] == [
        ("Juni 2024", "2024-06-01", "explicit"), ("21. Juni", "2024-06-21", "sentence year")]


def test_later_and_earlier_count_from_the_previous_date() -> None:
    found, _ = resolve_text("am 20. Januar dieses Jahres angedeutet. Nur eine Woche später kam sie frei.", ARTICLE, None)
    later = found[-1]
    assert (later.words, later.first, later.last, later.basis) == (
        "eine Woche später", dt.date(2025, 1, 24), dt.date(2025, 1, 30), "previous date")
    found, _ = resolve_text("Anfang September 2020 verschwand sie; zwei Tage später hieß es, sie sei in Haft.",
                            NOTHING, None)
    assert (found[-1].first, found[-1].last) == (dt.date(2020, 9, 3), dt.date(2020, 9, 12))
    found, _ = resolve_text("Am 4. August 2011 festgenommen und dreieinhalb Monate später verurteilt.", NOTHING, None)
    assert (found[-1].words, found[-1].first, found[-1].precision) == (
        "dreieinhalb Monate später", dt.date(2011, 11, 1), "month")
    found, _ = resolve_text("He was arrested on May 3, 2021. A day later he was charged.", NOTHING, None)
    assert (found[-1].words, found[-1].first) == ("A day later", dt.date(2021, 5, 4))


def test_two_years_joined_by_and_are_two_years() -> None:
    found, _ = resolve_text("bei den Wahlen 2015 und 2020 sowie 1999, 2000 und 2005", ARTICLE, None)
    assert [(f.words, f.precision) for f in found] == [("2015", "year"), ("2020", "year"), ("1999", "year"),
                                                       ("2000", "year"), ("2005", "year")]


@pytest.mark.parametrize("text", ["am 31. April 2025 begann", "On April 31, 2025 the", "am 30. Februar",
                                  "am 29.02.2025"])
def test_impossible_dates_are_reported_not_bent(text: str) -> None:
    found, _ = resolve_text(text, ARTICLE, None)
    assert [(f.basis, f.first) for f in found] == [("invalid", None)]
    assert found[0].problem


def test_ambiguous_slash_dates_follow_the_language() -> None:
    assert _one("am 05/06/2025", ARTICLE)[2] == "2025-06-05"
    assert _one("on 05/06/2025", Context(ARTICLE.article_date, 2025, "en"))[2] == "2025-05-06"


@pytest.mark.parametrize("text", ["100.000 Soldaten", "6000 belarussische und 1000 russische", "im Herbst war es kühl",
                                  "Herbst sagte", "122’929 Euro", "Seite 2025/08", "May I ask", "Freitag"[3:],
                                  "rund 2000 Soldaten", "more than 2000 people", "jeden Dienstag", "every Tuesday",
                                  "Das Wochenende", "they march on", "45.13.2025", "Version 3.2.1",
                                  "in the 80 seats", "Jan Schmidt sagte", "Aug. Meier"])
def test_no_false_dates(text: str) -> None:
    found, _ = resolve_text(text, NOTHING, None)
    assert [f.words for f in found if f.first is not None or f.basis == "invalid"] == []


def test_a_bare_year_later_in_the_sentence_does_not_lend_its_year() -> None:
    found, _ = resolve_text("Am 21. Juni kam der frei, der im Jahr 2021 verurteilt worden war.", UNKNOWN, None)
    assert [(f.words, f.first.year if f.first else None) for f in found] == [("21. Juni", 2025), ("im Jahr 2021", 2021)]


def test_search_is_linear_in_the_number_of_dates() -> None:
    text = " ".join(f"Am {d % 28 + 1}. Juni 2025 und seit {1990 + d % 30} traf man sich." for d in range(4000))
    found, _ = resolve_text(text, ARTICLE, None)
    assert len(found) == 8000


@pytest.mark.parametrize(("line", "expected"), [
    ("17. September 2025", "2025-09-17"),
    ("Stand: 17.09.2025, 14:30 Uhr", "2025-09-17"),
    ("Mittwoch, 17. September 2025", "2025-09-17"),
    ("September 17, 2025", "2025-09-17"),
    ("Nov 17, 2025", "2025-11-17"),
    ("SEPTEMBER 25, 2022", "2022-09-25"),
    ("Published on 2025-09-17", "2025-09-17"),
    ("2025-11-17T09:30:00+01:00", "2025-11-17"),
    ("17 November 2025 · 4 Min. Lesezeit", "2025-11-17"),
    ("17.11.2025 | Lesezeit: 3 Minuten", "2025-11-17"),
    ("Nov 17, 2025 · 5 min read", "2025-11-17"),
    ("Updated Nov 17, 2025 at 3:45 p.m. EST", "2025-11-17"),
    ("Monday, November 17, 2025, 09:30 MSK", "2025-11-17"),
    ("Am 17. September 2025 geschah etwas", None),
    ("17. September 2025 und 18. September 2025", None),
    ("Juni 2025", None),
])
def test_date_line(line: str, expected: str | None) -> None:
    found = parse_date_line(line)
    assert (found.isoformat() if found else None) == expected


# --- rules are tried only where the words they begin with stand (dates.leads) ----------------

TRICKY = ["am 1.2.2025 und 17. September 2025", "2025-06-21T09:30:00Z", "x2025 12025 2025x", "1998 bis 2002",
          "27. und 28. Februar 2019", "17/11/2025, 5/6/2025", "Nr. 12. 3. 2024", "３１. März 2025",
          "between 1 and 3 June", "the 21st of June", "21st June 2025", "0. Januar", "31. April 2025", "", "1",
          # upper case, words inside longer lead words, no space before a month, letters that
          # lower-casing lengthens or that the case-insensitive match equates with others
          "AM VERGANGENEN FREITAG UND IM JUNI 2025", "übers Wochenende, über das Wochenende", "27.-28Februar 2019",
          "one and a half weeks ago, a few days later", "İm Juni 2025 seit Montag", "ſeit Montag, dıeses Jahr",
          "Anfang der Woche, Ende des Jahres, the end of last year, Mitte der Achtzigerjahre",
          "vergangenenFreitag am Montagabend, am Tag darauf", "Mai 2025\n\nim\tJuni und im  Juli"]


def _texts() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    files = sorted([*root.glob("eval/**/*.txt"), *root.glob("tests/fixtures/**/*.txt"), *root.glob("seeds/*.txt")])
    return TRICKY + [part for file in files for part in file.read_text(encoding="utf-8").split("\n\n")]


def test_every_rule_of_the_grammar_has_words_it_begins_with() -> None:
    assert set(expressions._LEADS.group) == {pattern for pattern, _ in RULES}


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\b(?:am|vom)\s+(?P<wd>Montag)\b", {"am", "vom"}),
    (r"\b(?:(?:am|vom)\s+)?(?P<wd>Montag|Dienstag)", {"am", "vom", "montag", "dienstag"}),
    (r"\b(?:im|in)\s+Juni", {"im", "in"}),
    (r"(?<![\d.])\b(?P<d>[0-3]?\d)\.", {leads.DIGIT}),
    (r"\b(?:19|20)\d\d", {leads.DIGIT}),
    (r"\bAnfang\s+der\s+Woche\b|\b(?:letzte|next)\s+week", {"anfang", "letzte", "next"}),
    (r"\bÜBER(?:s|\s+das)", {"übers", "über"}),
])
def test_the_words_a_pattern_begins_with_are_read_from_it(pattern: str, words: set[str]) -> None:
    assert leads.leads(re.compile(pattern, re.IGNORECASE)) == frozenset(words)


@pytest.mark.parametrize("pattern", [r"Montag", r"\b\w+", r"\b(?:am\s+)?\w+", r"\b(?:am|)\s*x", r"x|\bam"])
def test_a_pattern_that_may_begin_anywhere_has_no_words(pattern: str) -> None:
    assert leads.leads(re.compile(pattern, re.IGNORECASE)) is None


def test_trying_each_rule_where_its_words_stand_finds_what_a_full_scan_finds() -> None:
    found = 0
    for text in _texts():
        places = expressions._LEADS.find(text)
        for pattern, _ in RULES:
            full = [m.span() for m in pattern.finditer(text)]
            group = expressions._LEADS.group[pattern]
            tried = pattern.finditer(text) if places is None else expressions._matches(pattern, text, places.of(group))
            assert [m.span() for m in tried] == full, (pattern.pattern[:40], text[:80])
            found += len(full)
    assert found > 500


def test_letters_that_lower_casing_does_not_equate_as_re_does_are_folded() -> None:
    import re._casefix as casefix  # type: ignore[import-not-found]
    letters = {char for word in expressions._LEADS.masks for char in word}
    extra = {chr(other) for code, others in casefix._EXTRA_CASES.items() if chr(code) in letters for other in others}
    assert extra <= {chr(code) for code in leads.FOLD}
    assert [chr(code) for code in range(0x110000) if len(chr(code).lower()) != 1] == ["İ"]
    assert "İ" in {chr(code) for code in leads.FOLD}


def test_a_rule_may_begin_inside_another_rules_longer_first_words() -> None:
    long, short = re.compile(r"\bone and a half\b"), re.compile(r"\ba half\b")
    index = leads.Index([long, short])
    text = "one and a half"
    places = index.find(text)
    assert places is not None
    assert [m.span() for m in expressions._matches(short, text, places.of(index.group[short]))] == [(8, 14)]


# --- which rules may match: the RE2 set (dates.prefilter) ------------------------------------

def _hostile_texts(count: int) -> list[str]:
    """Date words and digits in every case, with the letters and spaces where Python's and
    RE2's ideas of case, digits, words and spaces part ways."""
    rng = random.Random(5)
    pieces = ["17.", "3", "2025", "1990er", "90s", "Juni", "JUNI", "juni", "März", "MÄRZ", "Sept.", "am", "Am",
              "im", "İm", "ım", "ſeit", "seit", "Anfang", "Ende", "der", "the", "early", "letzten", "Freitag",
              "vor", "zwei", "Wochen", "ago", "bis", "und", "–", "-", "/", ",", ".", "'s", "’", "Jahre", "Jahren",
              "٢٠٢٥", "१७", "K", "\u00a0", "\u2009", "\u200b", "\u00ad", "\n", " ", " ", " ", "x", "é"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def test_every_rule_of_the_grammar_has_an_re2_pattern() -> None:
    assert expressions._POSSIBLE.always == 0
    assert all(prefilter.superset(pattern) for pattern, _ in RULES)


def test_the_set_names_every_rule_that_matches_somewhere() -> None:
    """The RE2 patterns match at least wherever the rules do: on every text the repository
    holds, the tricky ones and made-up ones, each rule that Python's re finds is named."""
    named = 0
    for text in _texts() + _hostile_texts(3000):
        possible = expressions._POSSIBLE.possible(text)
        for n, (pattern, _) in enumerate(RULES):
            if pattern.search(text):
                assert possible >> n & 1, (pattern.pattern[:60], text[:80])
                named += 1
    assert named > 500


def test_the_set_leaves_out_most_rules_of_a_paragraph() -> None:
    text = "Am 17. Juni 2025 traf er in Minsk den Gesandten; die Gespräche dauerten bis in den Abend."
    possible = expressions._POSSIBLE.possible(text)
    assert 0 < bin(possible).count("1") < len(RULES) // 3


def test_dates_found_with_the_set_are_those_found_without(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts() + _hostile_texts(1000)

    def seen(found: list[expressions.Found]) -> list[tuple[int, int, str, str, str]]:
        return [(f.start, f.end, f.words, f.spec.precision, f.problem) for f in found]
    with_set = [seen(expressions.find(text)) for text in texts]
    monkeypatch.setattr(expressions._POSSIBLE, "possible", lambda text: expressions._POSSIBLE.everything)
    assert [seen(expressions.find(text)) for text in texts] == with_set
    assert sum(map(len, with_set)) > 500


def test_the_set_that_cannot_answer_names_every_rule() -> None:
    everything = expressions._POSSIBLE.everything
    assert expressions._POSSIBLE.possible("am 17. Juni \udc80") == everything      # no valid UTF-8
    assert expressions._POSSIBLE.possible("") == expressions._POSSIBLE.always       # nothing, but it answered


@pytest.mark.parametrize(("pattern", "matching"), [
    (r"(?<![\d.])\b(?P<d>[0-3]?\d)\.(?!\d)", ["17.", "x 3. Mai"]),
    (r"\b(?:im|in)\s+(?-i:Juni)\b", ["im Juni", "IN\u00a0Juni", "in\u2009Juni"]),
    (r"(?P<y>\d{4})\b", ["٢٠٢٥", "2025"]),
    (r"\b\w+er\s+Jahre", ["neunziger Jahre", "ÄÖer\u3000jahre"]),
    (r"[^\d_\s-]++-(?:x|y)*+z", ["Ab-xxz", "é-z"]),
    (r"seit", ["ſeit", "SEIT"]),
])
def test_an_re2_pattern_matches_where_its_rule_does(pattern: str, matching: list[str]) -> None:
    import re2  # type: ignore[import-untyped]
    compiled = re.compile(pattern, re.IGNORECASE)
    written = prefilter.superset(compiled)
    assert written is not None
    for text in matching:
        assert compiled.search(text), text
        assert re2.search(written, text.translate(leads.FOLD)), (written, text)


@pytest.mark.parametrize("pattern", [r"(a)\1", r"[^\S]x", r"[^\W\d_]+", r"(?P<n>a)(?(n)b|c)"])
def test_a_pattern_re2_cannot_stand_in_for_is_always_tried(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert prefilter.superset(compiled) is None
    rules = prefilter.RuleSet([re.compile("juni", re.IGNORECASE), compiled])
    assert rules.possible("nichts") == 0b10 and rules.possible("Juni") == 0b11


def test_a_scan_for_some_groups_finds_their_places_as_the_scan_for_all() -> None:
    """find(text, groups) looks only for the words of some groups of rules: for each of them
    the same places as the scan for every word, whatever other words stand there."""
    index = expressions._LEADS
    rng = random.Random(3)
    # 400 texts (paragraphs of every text here, then hostile ones), two random choices of groups
    # each: about 4,000 places compared in under two seconds (traced by coverage, about four).
    texts = _texts()[:200] + _hostile_texts(200) + ["übers Wochenende, über das Wochenende", "one and a half years"]
    checked = 0
    for text in texts:
        every = index.find(text)
        assert every is not None
        for _ in range(2):
            groups = rng.getrandbits(len(index.groups))
            some = index.find(text, groups)
            assert some is not None
            for g in range(len(index.groups)):
                if groups >> g & 1:
                    assert some.of(g) == every.of(g), (g, text[:60])
                    checked += bool(every.of(g))
    assert checked > 1000
    nothing = index.find("am 17. Juni", 0)
    assert nothing is not None and nothing.words == []
