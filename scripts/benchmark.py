"""Measure the build: corpus (parse, annotate, index), the plain site build, and the PDF step.

    python scripts/benchmark.py [RUNS]          the real seeds, median of RUNS (default 3)
    python scripts/benchmark.py --scale N       N articles (copies of the seeds under new names)

Run with `make benchmark`; figures go into the README. Timing belongs here, not in the tests.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.index.corpus import load_corpus  # noqa: E402


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def mkdocs(site: Path, root: Path = ROOT, **env: str) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=root,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=True, capture_output=True)


def scale(n: int) -> None:
    """A project with n articles: the seeds copied under new names (same text, new pages)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", root)
        shutil.copytree(ROOT / "docs", root / "docs")
        for folder in ("hooks", "overrides"):
            (root / folder).symlink_to(ROOT / folder)
        shutil.copytree(ROOT / "seeds" / "registry", root / "seeds" / "registry")
        for i in range(n):
            shutil.copy(seeds[i % len(seeds)], root / "seeds" / f"{i:05d}_{seeds[i % len(seeds)].name}")
        corpus = timed(lambda: load_corpus(root))
        build = timed(lambda: mkdocs(root / "site", root))
        site = root / "site"
        pages = list(site.rglob("*.html"))
        article = max((site / "artikel").rglob("index.html"), key=lambda p: p.stat().st_size)
        index = (site / "search" / "search_index.json").stat().st_size
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"{n} articles: corpus {corpus:.1f} s, site build {build:.1f} s, {len(pages)} HTML pages, "
              f"largest article page {article.stat().st_size / 1024:.0f} KB, "
              f"search index {index / 1024 / 1024:.1f} MB, "
              f"site {total / 1024 / 1024:.0f} MB")


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
    if sys.argv[1:2] == ["--scale"]:
        scale(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
