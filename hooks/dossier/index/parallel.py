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
from typing import Any, TypeVar

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


def pool_pays(count: int, min_items: int | None = None) -> bool:
    """Whether map_in_order would use worker processes for `count` items."""
    threads_ok = threading.active_count() == 1 or "DOSSIER_WORKERS" in os.environ
    return workers() > 1 and count >= (MIN_ITEMS if min_items is None else min_items) and threads_ok


def map_in_order(function: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None,
                 chunksize: int = CHUNK, meanwhile: Callable[[bool], None] | None = None) -> list[R]:
    """`[function(item) for item in items]`, on several processes when the batch is large;
    forked workers see what this process set up before the call (the annotation's matcher).
    `meanwhile(True)` runs here while the workers work (this process would only wait), or
    `meanwhile(False)` after the plain loop; once either way."""
    if pool_pays(len(items), min_items):
        try:
            with ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("fork")) as pool:
                results = pool.map(function, items, chunksize=chunksize)
                if meanwhile:
                    meanwhile(True)
                    meanwhile = None
                return list(results)
        except BrokenProcessPool:       # a worker died (out of memory?): do it here instead
            pass
    done = [function(item) for item in items]
    if meanwhile:
        meanwhile(False)
    return done


# The function of the running map_local call: forked workers inherit it, so it need not be
# importable by name (a closure; a function of MkDocs' hooks file, loaded from a path).
_CALLING: list[Callable[[Any], Any]] = []


def _call(item: Any) -> Any:
    return _CALLING[-1](item)


def map_local(function: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None,
              chunksize: int = CHUNK, meanwhile: Callable[[bool], None] | None = None) -> list[R]:
    """map_in_order for a function that a worker could not import by its name (nor pickle:
    a closure over the data it works on, which the workers inherit instead of receiving)."""
    _CALLING.append(function)
    try:
        return map_in_order(_call, items, min_items=min_items, chunksize=chunksize, meanwhile=meanwhile)
    finally:
        _CALLING.pop()
