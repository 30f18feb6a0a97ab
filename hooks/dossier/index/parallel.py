"""Per-article work on every core: a process pool for large batches, in order, or a plain loop.

Parsing and annotating one article does not depend on any other, so a large batch (a cold
build of hundreds of articles) is split over worker processes; a small one (a few changed
articles, `make check` with a warm cache, the tests) runs in this process, where starting
workers would cost more than it saves. Results come back in input order, so the output is the
same either way (tests/test_parallel.py holds them equal).

Workers are forked, so they start at once with the parent's state (the matcher, loaded word
lists) and import nothing. Forking a process that runs other threads is unsafe, so the pool is
used only when this is the only thread (a build or `make check`; `mkdocs serve` watches files
on other threads and works in this process), unless `DOSSIER_WORKERS` asks for it. A pool that
breaks falls back to the plain loop. `DOSSIER_WORKERS` sets the number of workers (1 turns the
pool off); by default one per core, at most 8.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool does not pay: forking and sending results back cost more than
# the work (one article takes about 30 ms).
MIN_ITEMS = 40
CHUNK = 16


def workers() -> int:
    """How many processes per-article work may use (DOSSIER_WORKERS, else the cores, up to 8)."""
    wanted = os.environ.get("DOSSIER_WORKERS", "").strip()
    if wanted.isdigit():
        return max(1, int(wanted))
    return max(1, min(8, os.cpu_count() or 1))


def map_in_order(function: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None,
                 chunksize: int = CHUNK) -> list[R]:
    """`[function(item) for item in items]`, on several processes when the batch is large;
    forked workers see what this process set up before the call (the annotation's matcher)."""
    count = workers()
    threads_ok = threading.active_count() == 1 or "DOSSIER_WORKERS" in os.environ
    if count > 1 and len(items) >= (MIN_ITEMS if min_items is None else min_items) and threads_ok:
        try:
            with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(function, items, chunksize=chunksize))
        except BrokenProcessPool:       # a worker died (out of memory?): do it here instead
            pass
    return [function(item) for item in items]
