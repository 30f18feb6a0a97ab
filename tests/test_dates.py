"""Date expressions: one row per form, German and English, relative with and without a date."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.dateexpr import Context, resolve_text
from dossier.dates import parse_date_line

ARTICLE = Context(dt.date(2025, 9, 17), 2025)      # a Wednesday
UNKNOWN = Context(None, 2025)                       # no article date; context year from the text
NOTHING = Context(None, None)


def one(text: str, ctx: Context = ARTICLE) -> tuple[str, str, str | None, str | None, str]:
    found, _ = resolve_text(text, ctx, None)
    assert len(found) == 1, [f.words for f in found]
    e = found[0]
    return (e.words, e.precision, e.first.isoformat() if e.first else None,
            e.last.isoformat() if e.last else None, e.basis)


@pytest.mark.parametrize(("text", "words", "precision", "first", "last"), [
    # full dates
    ("am 17. September 2025 endete", "17. September 2025", "day", "2025-09-17", "2025-09-17"),
    ("am 11.September 2025 in Minsk", "11.September 2025", "day", "2025-09-11", "2025-09-11"),
    ("the June 21, 2025 release", "June 21, 2025", "day", "2025-06-21", "2025-06-21"),
    ("on 24 March 2020 it", "24 March 2020", "day", "2020-03-24", "2020-03-24"),
    ("bei EIR, 08.08.2025, online", "08.08.2025", "day", "2025-08-08", "2025-08-08"),
    ("bei APA, 15.08.25, online", "15.08.25", "day", "2025-08-15", "2025-08-15"),
    ("published 2025-06-21 at", "2025-06-21", "day", "2025-06-21", "2025-06-21"),
    ("am 3. Sept. 2025", "3. Sept. 2025", "day", "2025-09-03", "2025-09-03"),
    # month and year, month alone, years
    ("Das Muster wiederholte sich im Juni 2025", "Juni 2025", "month", "2025-06-01", "2025-06-30"),
    ("in June 2025 the", "June 2025", "month", "2025-06-01", "2025-06-30"),
    ("seit 2017 waren", "2017", "year", "2017-01-01", "2017-12-31"),
    ("im Jahr 2021 verurteilt", "im Jahr 2021", "year", "2021-01-01", "2021-12-31"),
    # seasons and parts
    ("im Frühjahr 2024 abgezeichnet", "Frühjahr 2024", "season", "2024-03-01", "2024-05-31"),
    ("vom Herbst 2014 und", "Herbst 2014", "season", "2014-09-01", "2014-11-30"),
    ("im Winter 2014 kalt", "Winter 2014", "season", "2014-12-01", "2015-02-28"),
    ("in spring 2024 the", "spring 2024", "season", "2024-03-01", "2024-05-31"),
    ("Anfang 1994 begann", "Anfang 1994", "part", "1994-01-01", "1994-04-30"),
    ("Ende Juli 2025 gab", "Ende Juli 2025", "part", "2025-07-21", "2025-07-31"),
    ("in late July 2025", "late July 2025", "part", "2025-07-21", "2025-07-31"),
    # ranges
    ("am 27. und 28. Februar 2019 in Hanoi", "27. und 28. Februar 2019", "range", "2019-02-27", "2019-02-28"),
    ("in den Jahren 1998 bis 2002 nicht", "1998 bis 2002", "range", "1998-01-01", "2002-12-31"),
    ("zwischen dem 15. Februar 2025 und dem 20. Juni 2025", "zwischen dem 15. Februar 2025 und dem 20. Juni 2025",
     "range", "2025-02-15", "2025-06-20"),
    ("from 12 to 14 June 2025", "12 to 14 June 2025", "range", "2025-06-12", "2025-06-14"),
    ("on June 12–14, 2025", "June 12–14, 2025", "range", "2025-06-12", "2025-06-14"),
])
def test_absolute_expressions(text: str, words: str, precision: str, first: str, last: str) -> None:
    assert one(text) == (words, precision, first, last, "explicit")


@pytest.mark.parametrize(("text", "words", "precision", "first", "last", "basis"), [
    # year-less dates take the article's year ...
    ("Schon im Juni begrüßte", "im Juni", "month", "2025-06-01", "2025-06-30", "article date"),
    ("Am 21. Juni kam er frei", "21. Juni", "day", "2025-06-21", "2025-06-21", "article date"),
    ("Ende Juli gab er", "Ende Juli", "part", "2025-07-21", "2025-07-31", "article date"),
    ("zwischen dem 15. Februar und dem 20. Juni", "zwischen dem 15. Februar und dem 20. Juni", "range",
     "2025-02-15", "2025-06-20", "article date"),
    ("on June 21 the", "June 21", "day", "2025-06-21", "2025-06-21", "article date"),
    # ... relative expressions resolve against the article's date
    ("beim Manöver am Dienstag, hätten", "am Dienstag", "day", "2025-09-16", "2025-09-16", "article date"),
    ("Gipfeltreffens vom vergangenen Freitag", "vom vergangenen Freitag", "day", "2025-09-12", "2025-09-12",
     "article date"),
    ("erst in der vergangenen Woche waren", "in der vergangenen Woche", "week", "2025-09-08", "2025-09-14",
     "article date"),
    ("am 20. Januar dieses Jahres", "20. Januar dieses Jahres", "day", "2025-01-20", "2025-01-20", "article date"),
    ("Treffen in diesem Jahr", "in diesem Jahr", "year", "2025-01-01", "2025-12-31", "article date"),
    ("war letztes Jahr naiv", "letztes Jahr", "year", "2024-01-01", "2024-12-31", "article date"),
    ("im kommenden Oktober", "im kommenden Oktober", "month", "2025-10-01", "2025-10-31", "article date"),
    ("on Tuesday, officials", "on Tuesday", "day", "2025-09-16", "2025-09-16", "article date"),
    ("last week the envoy", "last week", "week", "2025-09-08", "2025-09-14", "article date"),
    ("last Friday the", "last Friday", "day", "2025-09-12", "2025-09-12", "article date"),
    ("this year the", "this year", "year", "2025-01-01", "2025-12-31", "article date"),
    ("next October a", "next October", "month", "2025-10-01", "2025-10-31", "article date"),
])
def test_expressions_resolved_with_article_date(text: str, words: str, precision: str, first: str, last: str,
                                                basis: str) -> None:
    assert one(text) == (words, precision, first, last, basis)


@pytest.mark.parametrize("text", ["am Dienstag", "vergangenen Freitag", "in der vergangenen Woche", "dieses Jahres",
                                  "letztes Jahr", "im kommenden Oktober", "on Tuesday", "last week", "next October"])
def test_relative_expressions_stay_unresolved_without_article_date(text: str) -> None:
    words, _precision, first, last, basis = one(f"Er kam {text} an.", UNKNOWN)
    assert text.endswith(words.split()[-1])
    assert (first, last, basis) == (None, None, "unresolved")


def test_yearless_date_without_article_date_takes_the_context_year() -> None:
    assert one("Am 21. Juni kam er frei.", UNKNOWN)[2:] == ("2025-06-21", "2025-06-21", "context year")
    assert one("Am 21. Juni kam er frei.", NOTHING)[2:] == (None, None, "unresolved")


def test_yearless_date_takes_the_year_of_a_dated_phrase_in_its_sentence() -> None:
    found, _ = resolve_text("Im Juni 2024 und am 21. Juni traf man sich.", UNKNOWN, None)
    assert [(f.words, f.first.isoformat() if f.first else None, f.basis) for f in found] == [
        ("Juni 2024", "2024-06-01", "explicit"), ("21. Juni", "2024-06-21", "sentence year")]


def test_a_week_later_counts_from_the_previous_date() -> None:
    found, _ = resolve_text("am 20. Januar dieses Jahres angedeutet. Nur eine Woche später kam sie frei.", ARTICLE, None)
    later = found[-1]
    assert (later.words, later.first, later.last, later.basis) == (
        "eine Woche später", dt.date(2025, 1, 24), dt.date(2025, 1, 30), "previous date")


@pytest.mark.parametrize("text", ["100.000 Soldaten", "6000 belarussische und 1000 russische", "im Herbst war es kühl",
                                  "Herbst sagte", "122’929 Euro", "Seite 2025/08", "May I ask", "am Freitag"[3:]])
def test_no_false_dates(text: str) -> None:
    found, _ = resolve_text(text, NOTHING, None)
    assert [f for f in found if f.first is not None] == []


def test_invalid_days_fall_back_to_what_is_valid() -> None:
    found, _ = resolve_text("am 31. Februar 2025 und 45.13.2025", ARTICLE, None)
    assert [(f.words, f.precision) for f in found] == [("Februar 2025", "month")]


def test_a_bare_year_later_in_the_sentence_does_not_lend_its_year() -> None:
    found, _ = resolve_text("Am 21. Juni kam der frei, der im Jahr 2021 verurteilt worden war.", UNKNOWN, None)
    assert [(f.words, f.first.year if f.first else None) for f in found] == [("21. Juni", 2025), ("im Jahr 2021", 2021)]


@pytest.mark.parametrize(("line", "expected"), [
    ("17. September 2025", "2025-09-17"),
    ("Stand: 17.09.2025, 14:30 Uhr", "2025-09-17"),
    ("Mittwoch, 17. September 2025", "2025-09-17"),
    ("September 17, 2025", "2025-09-17"),
    ("Published on 2025-09-17", "2025-09-17"),
    ("Am 17. September 2025 geschah etwas", None),
    ("17. September 2025 und 18. September 2025", None),
    ("Juni 2025", None),
])
def test_date_line(line: str, expected: str | None) -> None:
    found = parse_date_line(line)
    assert (found.isoformat() if found else None) == expected
