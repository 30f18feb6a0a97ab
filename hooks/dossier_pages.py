"""MkDocs' own work on each page, done on every core (part of the MkDocs adapter).

Plain MkDocs reads and renders one page after another on one core: three quarters of its
build. on_nav spreads that over forked worker processes (dossier/index/parallel.py), in page
order, and hands MkDocs the results, so its own loop finds the work done and the site is byte
for byte what MkDocs makes itself (tests/test_parallel.py holds it equal): each Page gets its
Markdown, metadata, HTML, table of contents, anchors and the log messages of its rendering
(re-logged where MkDocs would have logged them, so --strict counts them). With Material's
search plugin, the workers also make each page's search entries from the rendered HTML (a
tenth of a plain build), which the plugin's index takes when MkDocs builds the page.

The page templates stay with MkDocs: rendered on workers too (tried), they cost more than
they saved, the HTML of every page travelling back between processes.

Only where no plugin acts between reading and rendering a page (pre_page, page_read_source,
page_markdown, page_content: checked) and only for a plain `mkdocs build` of many pages: a
dirty build, `mkdocs serve` (its threads rule out forking; DOSSIER_WORKERS does not override
that here), a small site or any failure in a worker leave the work to MkDocs. The search
hand-over assumes, as this project's mkdocs.yml has it, that no plugin changes a page's
content, title or metadata between its rendering and Material's search plugin, which comes
first. Hand-written: no plugin does this for MkDocs 1.6.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from dossier.index.parallel import map_local, pool_pays, workers

log = get_plugin_logger("dossier")

_BETWEEN = ("pre_page", "page_read_source", "page_markdown", "page_content")
_dirty: list[bool] = [False]
_command: list[str] = [""]
# What the workers of the running pool need (forked, they inherit it).
_work: list[tuple[list[Page], MkDocsConfig, Files]] = []

Records = list[tuple[str, int, str]]        # logger name, level, message
# What a worker hands back for one page: markdown, meta, content, toc, title from the render,
# anchor ids, links to anchors (by target src_uri; None when MkDocs did not collect them), the
# log records and the page's search entries (None: not made).
Rendered = tuple[str, MutableMapping[str, Any], str, Any, str | None, set[str], dict[str, dict[str, str]] | None,
                 Records, list[dict[str, Any]] | None]


def on_startup(command: str, dirty: bool) -> None:
    _command[0], _dirty[0] = command, dirty


def building_once() -> bool:
    """A one-off `mkdocs build` (or gh-deploy), not `mkdocs serve` (whose first build, with
    --clean, also says "build", but before its server's threads start)."""
    return _command[0] in ("build", "gh-deploy") and threading.active_count() == 1


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: Records = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def _collected(config: MkDocsConfig, page: Page) -> Iterator[Records]:
    """In a worker: MkDocs' log records while working on `page`, kept instead of printed."""
    logger = logging.getLogger("mkdocs")
    handlers, collect = logger.handlers[:], _Collect()
    logger.handlers = [collect]
    config._current_page = page
    try:
        yield collect.records
    finally:
        config._current_page = None
        logger.handlers = handlers


def _relog(records: Records) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


def _search_index(config: MkDocsConfig) -> Any | None:
    """Material's search index, when its plugin is on and the index is the one this code knows
    (entries made by add_entry_from_context(page) from the rendered page alone)."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    enabled = getattr(getattr(plugin, "config", None), "enabled", False)
    known = type(index).__name__ == "SearchIndex" and isinstance(getattr(index, "entries", None), list)
    return index if enabled and known and hasattr(index, "config") else None


# --- on_nav: Markdown into HTML -------------------------------------------------------------

def _render_page(i: int) -> Rendered:
    pages, config, files = _work[0]
    page = pages[i]
    with _collected(config, page) as records:
        page.read_source(config)
        page.render(config, files)
    links = page.__dict__.get("links_to_anchors")
    # The page's search entries too: Material makes them from the rendered page in
    # on_page_context (parsing its HTML); here a fresh index of the same settings makes them.
    index, entries = _search_index(config), None
    if index is not None:
        fresh = type(index)(**index.config)
        fresh.add_entry_from_context(page)
        entries = fresh.entries
    return (page.markdown or "", page.meta, page.content or "", page.toc, page._title_from_render,
            page.present_anchor_ids or set(), None if links is None else {f.src_uri: v for f, v in links.items()},
            records, entries)


def _hand_over(page: Page, done: Rendered, files: Files) -> None:
    markdown, meta, content, toc, title, anchors, links, records, _ = done

    def read_source(config: MkDocsConfig) -> None:
        page.markdown, page.meta = markdown, meta

    def render(config: MkDocsConfig, files_: Files) -> None:
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
        if links is not None:
            page.links_to_anchors = {f: v for uri, v in links.items() if (f := files.get_file_from_path(uri))}
        _relog(records)

    setattr(page, "read_source", read_source)     # noqa: B010 (an instance attribute over the method)
    setattr(page, "render", render)               # noqa: B010


def _hand_over_search(index: Any, made: dict[str, list[dict[str, Any]] | None]) -> None:
    """Material's search index takes each page's entries made by a worker, in the order MkDocs
    builds the pages, and makes them itself for any page a worker did not."""
    own = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        entries = made.pop(page.file.src_uri, None)
        if entries is None:
            own(page)
        else:
            index.entries.extend(entries)
    setattr(index, "add_entry_from_context", add_entry_from_context)     # noqa: B010


def _documents(files: Files) -> list[File]:
    return list(files.documentation_pages(inclusion=InclusionLevel.is_included))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _dirty[0] or not building_once() or any(config.plugins.events.get(event) for event in _BETWEEN):
        return nav
    docs = _documents(files)
    if not pool_pays(len(docs)):
        return nav
    for file in docs:                   # as MkDocs' build loop does for pages not in the nav
        if file.page is None and file.inclusion.value <= InclusionLevel.NOT_IN_NAV.value:
            Page(None, file, config)
    pages = [file.page for file in docs if file.page is not None]
    _work[:] = [(pages, config, files)]
    try:
        done = map_local(_render_page, range(len(pages)))
    except Exception as exc:  # a page that fails: MkDocs renders it again and reports it its own way
        log.debug(f"pages left to MkDocs: {type(exc).__name__}: {exc}")
        return nav
    finally:
        _work.clear()
    for page, result in zip(pages, done, strict=True):
        _hand_over(page, result, files)
    index = _search_index(config)
    if index is not None:
        _hand_over_search(index, {page.file.src_uri: result[-1] for page, result in zip(pages, done, strict=True)})
    log.info(f"Markdown of {len(pages)} pages rendered on {workers()} processes")
    return nav
