"""Pause Python's cycle collector while the core builds its large, acyclic structures.

Loading a corpus creates hundreds of thousands of small objects (mentions, dated passages,
blocks) in one go; each batch of new objects sets off the cycle collector, whose full runs
walk every object alive. None of these objects form cycles (frozen dataclasses of strings,
numbers and tuples), so plain reference counting frees them anyway: pausing the collector
for the duration saves a tenth of a warm `make check` and changes no result. Nested pauses
are fine; the collector runs again (and catches up) when the outermost pause ends, also in a
long-lived `mkdocs serve`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
