"""Recall and precision of actor mentions on the hand-counted evaluation set eval/names/.

    python scripts/evaluate_names.py [--verbose]

Each eval/names/texts/NAME.txt is a real public text pasted as a contributor would; beside it,
NAME.gold.tsv lists every mention of a registry actor (actor id, surface as written), counted by
hand. The registry is seeds/registry/actors.yml plus eval/names/actors.yml (people the seeds do
not name). The texts run through the real pipeline (parse, annotate) in a throw-away project.

A found mention is correct when a gold mention of the same actor is still unmatched and one
surface contains the other ("Belarus" inside "Republic of Belarus"); a possessive ’s and soft
hyphens are ignored. Prints per text and overall figures, exits 0.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.index.corpus import load_corpus  # noqa: E402
from dossier.read.seedfile import slug_for  # noqa: E402

EVAL = ROOT / "eval" / "names"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def _surface(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.translate(_INVISIBLE).strip())


def read_gold(path: Path) -> list[tuple[str, str]]:
    gold = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            actor, surface = raw.split("\t", 1)
            gold.append((actor.strip(), _surface(surface)))
    return gold


def score(gold: list[tuple[str, str]], found: list[tuple[str, str]]
          ) -> tuple[int, list[tuple[str, str]], list[tuple[str, str]]]:
    """(correct, missed gold, wrong found)."""
    open_gold: dict[str, list[str]] = defaultdict(list)
    for actor, surface in gold:
        open_gold[actor].append(surface)
    wrong = []
    correct = 0
    for actor, surface in found:
        pool = open_gold[actor]
        hit = next((i for i, g in enumerate(pool) if g == surface), None)
        if hit is None:
            hit = next((i for i, g in enumerate(pool) if surface in g or g in surface), None)
        if hit is None:
            wrong.append((actor, surface))
        else:
            pool.pop(hit)
            correct += 1
    missed = [(a, s) for a, pool in open_gold.items() for s in pool]
    return correct, missed, wrong


def build_project(tmp: Path) -> dict[str, str]:
    """A throw-away project with the evaluation texts as seeds; returns article id -> text name."""
    seeds = tmp / "seeds"
    (seeds / "registry").mkdir(parents=True)
    registry = (ROOT / "seeds" / "registry" / "actors.yml").read_text(encoding="utf-8")
    extra = (EVAL / "actors.yml").read_text(encoding="utf-8")
    (seeds / "registry" / "actors.yml").write_text(registry.rstrip() + "\n\n" + extra, encoding="utf-8")
    names = {}
    for text in sorted((EVAL / "texts").glob("*.txt")):
        shutil.copy(text, seeds / text.name)
        names[slug_for(f"seeds/{text.name}")] = text.stem
    return names


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    with tempfile.TemporaryDirectory() as tmp:
        names = build_project(Path(tmp))
        corpus = load_corpus(Path(tmp))
    errors = [d for d in corpus.diagnostics if d.severity == "error"]
    for diag in errors:
        print(diag.format())
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in corpus.mentions:
        found[names[m.article]].append((m.actor, _surface(m.surface)))
    totals = [0, 0, 0]
    print(f"{'text':44} {'gold':>5} {'found':>5} {'right':>5} {'recall':>7} {'precision':>9}")
    for name in sorted(names.values()):
        gold = read_gold(EVAL / "texts" / f"{name}.gold.tsv")
        correct, missed, wrong = score(gold, found[name])
        for i, n in enumerate((len(gold), len(found[name]), correct)):
            totals[i] += n
        print(f"{name:44} {len(gold):5} {len(found[name]):5} {correct:5} "
              f"{_pct(correct, len(gold)):>7} {_pct(correct, len(found[name])):>9}")
        if verbose:
            for actor, surface in missed:
                print(f"    missed  {actor}: {surface}")
            for actor, surface in wrong:
                print(f"    wrong   {actor}: {surface}")
    gold_n, found_n, correct = totals
    print(f"{'overall (' + str(len(names)) + ' texts)':44} {gold_n:5} {found_n:5} {correct:5} "
          f"{_pct(correct, gold_n):>7} {_pct(correct, found_n):>9}")
    return 0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
