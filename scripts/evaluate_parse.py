"""Parse evaluation: real pasted pages (eval/parse/) against hand-written expectations.

Prints, per text and overall: title right, date right, footnotes found / expected, debris
lines left in the text, repeated lines left, real lines lost. Exits 0 (it measures, the tests
in tests/test_parse_eval.py enforce).

    python scripts/evaluate_parse.py
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from ruamel.yaml import YAML  # noqa: E402

from dossier.model import Article  # noqa: E402
from dossier.parse.article import parse_article  # noqa: E402
from dossier.read.seedfile import read_seed  # noqa: E402
from dossier.render.articles import referenced_notes  # noqa: E402

EVAL = ROOT / "eval" / "parse"


@dataclass
class Result:
    name: str
    title_ok: bool
    date_ok: bool
    notes_found: int
    notes_expected: int
    notes_cited: int
    # Notes without a back-link whose marker ("[1]", "[a]") stands nowhere in the paste: the
    # page the contributor copied lost it, no parser can place it.
    notes_unmarked: list[str] = field(default_factory=list)
    debris_left: list[str] = field(default_factory=list)
    repeats_left: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    headings_wrong: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None


def load_gold() -> list[dict[str, Any]]:
    data = YAML(typ="safe").load((EVAL / "gold.yml").read_text(encoding="utf-8"))
    return list(data["texts"])


def parse_file(name: str) -> Article:
    path = EVAL / name
    seed, diags = read_seed(f"eval/parse/{name}", path.read_bytes())
    assert seed is not None, diags
    return parse_article(seed)[0]


def _contains(haystack: str, needle: str) -> bool:
    """Whole-word substring test (so 'Home' does not hit 'homeland')."""
    left = r"\b" if needle[:1].isalnum() else ""
    right = r"\b" if needle[-1:].isalnum() else ""
    return re.search(left + re.escape(needle) + right, haystack) is not None


def check(entry: dict[str, Any]) -> Result:
    name = str(entry["file"])
    article = parse_file(name)
    # The article text: blocks and caption titles. Topics (the "Rubrik" row of the metadata
    # table) are not text, so a category label kept as a topic is not debris left.
    texts = [b.text for b in article.blocks] + [b.title or "" for b in article.blocks]
    body = "\n".join(texts)
    debris = [str(d) for d in entry.get("debris") or []]
    keep = [str(k) for k in entry.get("keep") or []]
    once = [str(k) for k in entry.get("once") or []]
    headings = [str(h) for h in entry.get("headings") or []]
    found_headings = [b.text for b in article.blocks if b.kind == "heading"]
    expected_date = entry.get("date")
    raw = (EVAL / name).read_text(encoding="utf-8")
    cited = referenced_notes(article)
    return Result(
        name=name,
        title_ok=article.title.value == entry["title"],
        date_ok=article.date.value == (str(expected_date) if expected_date else None),
        notes_found=len(article.footnotes),
        notes_expected=int(str(entry["footnotes"])),
        # A note has a back-link where the page carries a reference to it: in the text, or in
        # the "Beim Einlesen entfernt" box for a line removed with its marker (an infobox row).
        notes_cited=len(cited & {n.number for n in article.footnotes}),
        notes_unmarked=[n.label or str(n.number) for n in article.footnotes
                        if n.number not in cited and f"[{n.label or n.number}]" not in raw],
        debris_left=[d for d in debris if any(_contains(t, d) for t in texts)],
        repeats_left=[o for o in once if body.count(o) != 1],
        lost=[k for k in keep if k not in body],
        headings_wrong=[h for h in headings if h not in found_headings],
        title=article.title.value, date=article.date.value,
    )


def main() -> int:
    results = [check(entry) for entry in load_gold()]
    print("Parse evaluation (eval/parse/, gold written by hand)")
    for r in results:
        print(f"- {r.name}: title {'ok' if r.title_ok else 'WRONG (' + repr(r.title) + ')'}, "
              f"date {'ok' if r.date_ok else 'WRONG (' + repr(r.date) + ')'}, "
              f"footnotes {r.notes_found}/{r.notes_expected} ({r.notes_cited} with back-link"
              + (f"; {', '.join(r.notes_unmarked)} cited nowhere in the paste" if r.notes_unmarked else "")
              + "), "
              f"debris left {len(r.debris_left)}, "
              f"repeats left {len(r.repeats_left)}, real lines lost {len(r.lost)}, "
              f"headings wrong {len(r.headings_wrong)}")
        for label, items in (("debris left", r.debris_left), ("repeated", r.repeats_left),
                             ("lost", r.lost), ("heading missing", r.headings_wrong)):
            for item in items:
                print(f"    {label}: {item}")
    n = len(results)
    debris_total = sum(len(e.get("debris") or []) for e in load_gold())
    notes_expected = sum(r.notes_expected for r in results)
    notes_right = sum(min(r.notes_found, r.notes_expected) for r in results)
    print(f"Overall: titles right {sum(r.title_ok for r in results)}/{n}, "
          f"dates right {sum(r.date_ok for r in results)}/{n}, "
          f"footnotes found {notes_right}/{notes_expected} "
          f"({sum(r.notes_cited for r in results)} with back-link, "
          f"{sum(len(r.notes_unmarked) for r in results)} cited nowhere in the paste), "
          f"debris lines left {sum(len(r.debris_left) for r in results)}/{debris_total}, "
          f"repeats left {sum(len(r.repeats_left) for r in results)}, "
          f"real lines lost {sum(len(r.lost) for r in results)}, "
          f"headings wrong {sum(len(r.headings_wrong) for r in results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
