"""`make check`: parse every seed and registry, print problems like a compiler, summarise.

    python -m dossier.check [ROOT]

Errors and warnings (both fail, as in a strict build) are printed as
`path:line: severity: message` so editors can jump to them; notes (info) follow; then a
summary of what the corpus holds. Exit status 1 when there is an error or a warning, else 0.
No site is built, so it answers within a second or two.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dossier.annotate.candidates import entries
from dossier.index.corpus import Corpus, load_corpus
from dossier.index.gcpause import paused_gc
from dossier.render.german import count

ORDER = {"error": 0, "warning": 1, "info": 2}


def summary(corpus: Corpus, seconds: float) -> str:
    spellings = sum(len(a.variants) for a in corpus.actors)
    curated = sum(e.curated for e in corpus.events)
    by = {s: sum(d.severity == s for d in corpus.diagnostics) for s in ORDER}
    def n(number: int, word: str) -> str:
        return f"{number} {word}" + ("" if number == 1 else "s")
    return (f"{n(corpus.article_count, 'article')}, {n(len(corpus.sources), 'cited source')}, "
            f"{n(len(corpus.actors), 'actor')} ({n(spellings, 'spelling')}), "
            f"{n(corpus.mention_count, 'actor mention')}, "
            f"{n(len(corpus.events), 'event')} ({curated} curated), {n(len(corpus.candidates), 'name candidate')}; "
            f"{n(by['error'], 'error')}, {n(by['warning'], 'warning')}, {n(by['info'], 'note')} ({seconds:.1f} s)")


def main(argv: list[str]) -> int:
    with paused_gc():     # a short run that builds many objects and frees them all at its end
        return _check(argv)


def _check(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    started = time.perf_counter()
    try:
        corpus = load_corpus(root, lean=True)     # only counts the mentions
    except Exception as exc:  # last guard: one line, never a traceback
        print(f"seeds: error: the corpus could not be read ({type(exc).__name__}: {exc}); please report this")
        return 1
    ordered = sorted(corpus.diagnostics, key=lambda d: (ORDER[d.severity], d.path, d.line or 0))
    if ordered:      # one write: thousands of notes in a large corpus
        print("\n".join(d.format().replace(": info: ", ": note: ") for d in ordered))
    suggested = entries(list(corpus.candidates))
    if suggested:
        print(f"\n# {count(len(suggested), 'new person', 'new people')} named in the articles: if one is an "
              "actor, paste the entry into seeds/registry/actors.yml,\n# check the gender, write the "
              "description and, for Belarusian or Russian names, the Cyrillic forms (ru:/be:).")
        print("\n\n".join(suggested) + "\n")
    print(summary(corpus, time.perf_counter() - started))
    # Like `mkdocs build --strict`: a warning fails too, so a contributor sees the same verdict
    # here as in CI.
    failing = sum(d.severity in ("error", "warning") for d in corpus.diagnostics)
    if failing:
        print(f"check failed: {count(failing, 'error or warning', 'errors or warnings')}", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
