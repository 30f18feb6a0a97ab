"""Recall and precision of the date grammar on hand-annotated public texts (eval/dates/).

Each `NAME.txt` is a text as a contributor would paste it; `NAME.gold.tsv` beside it lists,
in reading order, every date expression a reader sees (words, precision, resolved value),
counted by hand before the grammar was tuned. Header lines give source, licence and the
article's date ("none" when the page has none).

A found expression matches the first unmatched gold expression its span overlaps; a second
found expression on the same gold one (a date cut in two) counts as a false find.
Figures: found (recall, precision of spans), resolved (recall and precision of spans whose
first..last interval equals the gold value), and whether the article date is read from a
date line when the text has one.

Usage: python scripts/evaluate_dates.py [-v]   (-v lists misses and false finds)
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.annotate.dates.expressions import Context, DateExpr, resolve_text  # noqa: E402
from dossier.parse.datelines import find_full_dates, parse_date_line  # noqa: E402

EVAL = ROOT / "eval" / "dates"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    words: str
    precision: str
    first: dt.date
    last: dt.date


def _bound(value: str, last: bool) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if last else 1)
    return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)


def _interval(value: str) -> tuple[dt.date, dt.date]:
    first, _, last = value.partition("..")
    return _bound(first, False), _bound(last or first, True)


def load(name: str) -> tuple[str, list[Gold], dt.date | None]:
    text = (EVAL / f"{name}.txt").read_text(encoding="utf-8")
    gold: list[Gold] = []
    article_date: dt.date | None = None
    at = 0
    for line in (EVAL / f"{name}.gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# article_date:"):
            value = line.split(":", 1)[1].strip()
            article_date = None if value == "none" else dt.date.fromisoformat(value)
        if not line.strip() or line.startswith("#"):
            continue
        words, precision, value = line.split("\t")
        start = text.find(words, at)
        if start < 0:
            raise SystemExit(f"eval/dates/{name}.gold.tsv: '{words}' not found in the text after offset {at}")
        first, last = _interval(value)
        gold.append(Gold(start, start + len(words), words, precision, first, last))
        at = start + len(words)
    return text, gold, article_date


def run(text: str, article_date: dt.date | None) -> list[DateExpr]:
    """The grammar as the pipeline applies it: one text block (line) after another, the
    previous date carried over, the context year from the latest full date in the text."""
    latest = max((f.date for f in find_full_dates(text)), default=None)
    ctx = Context(article_date, latest.year if latest else None)
    found: list[DateExpr] = []
    previous = None
    offset = 0
    for line in text.split("\n"):
        exprs, previous = resolve_text(line, ctx, previous)
        found += [DateExpr(e.start + offset, e.end + offset, e.words, e.precision, e.first, e.last, e.basis,
                           e.relative) for e in exprs]
        offset += len(line) + 1
    return found


def main() -> int:
    verbose = "-v" in sys.argv
    names = sorted(p.name[:-len(".gold.tsv")] for p in EVAL.glob("*.gold.tsv"))
    totals = [0, 0, 0, 0, 0]  # gold, found, matched, resolved right, labels right
    lines_ok = lines_all = 0
    print(f"{'text':40} {'gold':>4} {'found':>5} {'recall':>7} {'prec.':>7} {'res.rec':>7} {'res.prec':>8}")
    for name in names:
        text, gold, article_date = load(name)
        # the date line, if the text has one, should give the article date
        date_line = next((d for d in (parse_date_line(li) for li in text.splitlines()[:8]) if d), None)
        text_lines = {li.strip() for li in text.splitlines()}
        if article_date and any(g.words in text_lines and g.precision == "day" for g in gold):
            lines_all += 1
            lines_ok += date_line == article_date
        found = run(text, article_date or date_line)
        taken: set[int] = set()
        matched = right = labels = 0
        misses: list[str] = []
        false: list[str] = []
        for f in found:
            g = next((i for i, g in enumerate(gold) if i not in taken and f.start < g.end and g.start < f.end), None)
            if g is None:
                false.append(f"'{f.words}'")
                continue
            taken.add(g)
            matched += 1
            if (f.first, f.last) == (gold[g].first, gold[g].last):
                right += 1
            else:
                misses.append(f"'{gold[g].words}' resolved {f.first}..{f.last}, gold {gold[g].first}..{gold[g].last}")
            labels += f.precision == gold[g].precision
        misses += [f"'{g.words}' not found" for i, g in enumerate(gold) if i not in taken]
        for i, n in enumerate((len(gold), len(found), matched, right, labels)):
            totals[i] += n
        print(f"{name:40} {len(gold):4} {len(found):5} {_pct(matched, len(gold)):>7} {_pct(matched, len(found)):>7} "
              f"{_pct(right, len(gold)):>7} {_pct(right, len(found)):>8}")
        if verbose:
            for item in misses + [f"false find {w}" for w in false]:
                print(f"    {item}")
    n_gold, n_found, n_matched, n_right, n_labels = totals
    print(f"{'overall':40} {n_gold:4} {n_found:5} {_pct(n_matched, n_gold):>7} {_pct(n_matched, n_found):>7} "
          f"{_pct(n_right, n_gold):>7} {_pct(n_right, n_found):>8}")
    print(f"dates found: recall {_pct(n_matched, n_gold)}, precision {_pct(n_matched, n_found)}; resolved values: "
          f"recall {_pct(n_right, n_gold)}, precision {_pct(n_right, n_found)}; precision labels right "
          f"{_pct(n_labels, n_matched)}; date lines read {lines_ok}/{lines_all}")
    return 0


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


if __name__ == "__main__":
    raise SystemExit(main())
