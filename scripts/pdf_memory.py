"""Typeset the PDF of an already built site alone, and print its time and peak memory.

    PYTHONPATH=hooks python scripts/pdf_memory.py PROJECT SITE OUT.pdf [--limit BYTES]

PROJECT is a dossier project (seeds/ and registry; e.g. one kept by
`scripts/benchmark.py --keep DIR`), SITE its built site (`mkdocs build --site-dir SITE`, no
PDF), OUT the PDF to write. Prints one progress line per part with the peak resident memory
so far, then CPU and wall time and the peak of this process: what the PDF step costs without
the rest of the build (the benchmark's "build with PDF" includes the site build).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

from dossier.index.corpus import load_corpus
from dossier.publish.pdf import PART_BYTES, write_pdf
from dossier.render.site import pdf_plan


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024   # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=PART_BYTES, help=f"HTML per part (default {PART_BYTES})")
    args = parser.parse_args()
    plan = pdf_plan(load_corpus(args.project), dt.date(2025, 9, 17), "Dossier")
    cpu, wall = time.process_time(), time.perf_counter()
    write_pdf(args.site, plan, args.out, lambda m: print(f"{m}; peak so far {peak_mb()} MB", flush=True), args.limit)
    print(f"PDF: {time.process_time() - cpu:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall, "
          f"peak {peak_mb()} MB, {args.out.stat().st_size / 1024 / 1024:.1f} MB file")


if __name__ == "__main__":
    main()
