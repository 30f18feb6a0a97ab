"""How dates are worded for the reader: one function, every precision."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.render.german import format_when, long_date

D = dt.date


@pytest.mark.parametrize(("first", "last", "precision", "words"), [
    (D(2025, 6, 21), D(2025, 6, 21), "day", "21. Juni 2025"),
    (D(2025, 6, 1), D(2025, 6, 30), "month", "Juni 2025"),
    (D(2025, 1, 1), D(2025, 12, 31), "year", "2025"),
    (D(2014, 9, 1), D(2014, 11, 30), "season", "Herbst 2014"),
    (D(2014, 12, 1), D(2015, 2, 28), "season", "Winter 2014/15"),
    (D(2025, 7, 21), D(2025, 7, 31), "part", "Ende Juli 2025"),
    (D(2025, 7, 1), D(2025, 7, 10), "part", "Anfang Juli 2025"),
    (D(2025, 1, 1), D(2025, 4, 30), "part", "Anfang 2025"),
    (D(2019, 2, 27), D(2019, 2, 28), "range", "27.–28. Februar 2019"),
    (D(1998, 1, 1), D(2002, 12, 31), "range", "1998–2002"),
    (D(2025, 6, 28), D(2025, 7, 2), "range", "28. Juni 2025 – 2. Juli 2025"),
    (D(1990, 1, 1), D(1999, 12, 31), "decade", "1990er Jahre"),
    (D(1997, 1, 1), D(1999, 12, 31), "decade", "Ende der 1990er Jahre"),
    (D(1994, 7, 1), D(1994, 7, 31), "since", "seit Juli 1994"),
    (D(1994, 1, 1), D(1994, 12, 31), "since", "seit 1994"),
    (D(2020, 8, 9), D(2020, 8, 9), "since", "seit 9. August 2020"),
    (D(2025, 3, 3), D(2025, 3, 9), "week", "Woche vom 3. März bis 9. März 2025"),
])
def test_dates_are_worded_at_their_precision(first: dt.date, last: dt.date, precision: str, words: str) -> None:
    assert format_when(first, last, precision) == words


def test_long_date_is_the_day_wording() -> None:
    assert long_date("2025-09-17") == "17. September 2025" == format_when(D(2025, 9, 17), D(2025, 9, 17), "day")
