"""Measure the build: corpus (parse, annotate, index), the plain site build, and the PDF step.

Run with `make benchmark`. Prints the median of N runs (default 3) for each step; figures go
into the README. Timing belongs here, not in the tests.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.corpus import load_corpus  # noqa: E402


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def mkdocs(site: Path, **env: str) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=ROOT,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=True, capture_output=True)


def main(runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        steps = {
            "corpus (parse, match, events)": lambda: load_corpus(ROOT),
            "site build without PDF": lambda: mkdocs(Path(tmp) / "plain"),
            "site build with PDF": lambda: mkdocs(Path(tmp) / "pdf", DOSSIER_PDF="1"),
        }
        results = {name: [timed(step) for _ in range(runs)] for name, step in steps.items()}
    for name, times in results.items():
        print(f"{name:32s} median {statistics.median(times):6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})")
    pdf = statistics.median(results["site build with PDF"]) - statistics.median(results["site build without PDF"])
    print(f"{'PDF step alone (difference)':32s} median {pdf:6.2f} s  on {os.cpu_count()} cores")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
