"""Diagnostics a contributor can read: one file repeating one problem thousands of times is one
line with its count, and a file with many different problems of one kind shows the first ones
and counts the rest. Unit tests of fold_repeats, and one corpus read."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project
from dossier.index.corpus import load_corpus
from dossier.model import MAX_PER_KIND, Diagnostic, fold_repeats


def diag(path: str, line: int, message: str, code: str = "c", severity: str = "warning") -> Diagnostic:
    return Diagnostic(path, line, severity, message, code)  # type: ignore[arg-type]


def test_different_problems_are_kept_in_their_order() -> None:
    given = [diag("a.txt", 3, "x"), diag("b.txt", 1, "x"), diag("a.txt", 1, "y"), diag("a.txt", 2, "x", "d")]
    assert fold_repeats(given) == given


def test_a_repeated_problem_is_one_line_with_its_count_and_first_lines() -> None:
    given = [diag("a.txt", n, "marker (1) has no note") for n in range(5, 5 + 3000)] + [diag("a.txt", 1, "other")]
    folded = fold_repeats(given)
    assert [d.line for d in folded] == [5, 1]
    assert folded[0].message == ("marker (1) has no note (3000 times in this file, lines 5, 6, 7, 8, 9, 10, 11, "
                                 "12 …)")
    assert folded[1] == given[-1]


def test_the_same_message_in_two_files_is_kept_for_each() -> None:
    given = [diag("a.txt", 1, "m"), diag("b.txt", 1, "m"), diag("a.txt", 2, "m")]
    assert [(d.path, d.message) for d in fold_repeats(given)] == [("a.txt", "m (2 times in this file, lines 1, 2)"),
                                                                  ("b.txt", "m")]


def test_many_different_problems_of_one_kind_show_the_first_and_count_the_rest() -> None:
    given = [diag("a.txt", n, f"marker ({n}) has no note", "footnote") for n in range(1, 1001)]
    given.append(diag("a.txt", 2000, "a date", "date"))
    folded = fold_repeats(given)
    assert folded[:MAX_PER_KIND] == given[:MAX_PER_KIND]
    rest = folded[MAX_PER_KIND]
    assert rest.line == MAX_PER_KIND + 1 and rest.code == "footnote" and rest.severity == "warning"
    assert rest.message.startswith(f"and {1000 - MAX_PER_KIND} more 'footnote' problems in this file")
    assert folded[MAX_PER_KIND + 1:] == [given[-1]] and len(folded) == MAX_PER_KIND + 2


def test_errors_and_warnings_are_folded_apart() -> None:
    """A fold never turns an error into a warning (or hides one behind it)."""
    given = [diag("a.txt", n, f"p{n}", "k", "warning") for n in range(40)]
    given += [diag("a.txt", n, f"p{n}", "k", "error") for n in range(40)]
    folded = fold_repeats(given)
    assert sum(d.severity == "error" for d in folded) == MAX_PER_KIND + 1
    assert sum(d.severity == "warning" for d in folded) == MAX_PER_KIND + 1


def test_a_pasted_block_repeating_a_dangling_marker_reports_it_once(tmp_path: Path) -> None:
    """One line without a break (a table pasted as one run), the same marker in it 3,000 times:
    it was 3,000 identical lines of output."""
    body = "Alexander Lukaschenko traf am 21. Juni 2025 Donald Trump (1) und sprach über Handel " * 3000
    corpus = load_corpus(make_project(tmp_path, {"a.txt": f"Ein Titel\n\n17.11.2025\n\n{body}\n"}))
    mine = [d.format() for d in corpus.diagnostics if d.path == "seeds/a.txt"]
    assert len(mine) <= 3, mine
    assert [d for d in mine if "(1)" in d] == ["seeds/a.txt:5: warning: footnote marker (1) has no note in the notes "
                                               "list (3000 times in this file, line 5)"], mine
