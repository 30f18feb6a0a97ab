"""Headless Chromium for tests that only a browser can answer (tooltips, dialogs, search).

Drives Debian's `chromium` through Playwright's protocol client (the browser is the system's,
Playwright downloads nothing). `chromium()` is None where the browser or Playwright is
missing; tests then skip with a message that `make test` prints loudly.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if chromium_path() is None:
        return "Chromium is not installed (run `make browser` or `apt-get install -y chromium`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:  # pragma: no cover - playwright is in the dev lock
        return "playwright is not installed"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What happened while a page was open: dialogs that fired, hosts contacted."""

    dialogs: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        try:
            context = instance.new_context(viewport={"width": width, "height": height})
            yield context
        finally:
            instance.close()


def open_page(context: Any, url: str, visit: Visit) -> Any:
    page = context.new_page()

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(f"{page.url}: {dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda request: visit.hosts.add(urlsplit(request.url).hostname or urlsplit(request.url).scheme))
    page.on("pageerror", lambda exc: visit.errors.append(f"{page.url}: {exc}"))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)
    return page


# Every link (footnote references show the note as a tooltip), everything Material turns into a
# tooltip (an element's title, which it moves into a tooltip with innerHTML on hover or focus),
# and the header and navigation titles it shows the same way when they are cut off.
_POINTABLE = "a, [title], abbr, .md-header__topic, .md-ellipsis"


_MARK = """([selector, markers]) => {
  for (const el of document.querySelectorAll(selector)) {
    let text = (el.getAttribute("title") || "") + " " + el.textContent;
    const href = el.getAttribute("href") || "";
    if (href.startsWith("#") && href.length > 1) {      // a footnote reference shows its note
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        if (target) text += " " + target.textContent;
    }
    if (markers.some((m) => text.includes(m))) el.setAttribute("data-hostile-test", "");
  }
}"""


def hover_everything(page: Any, markers: tuple[str, ...] = (), limit: int = 400, pause_ms: int = 80) -> int:
    """Point at and focus every element that can show a tooltip, as a reader with a mouse and a
    keyboard would; returns how many were touched. With `markers`, only the elements whose
    tooltip text (title, text, or the note a reference points to) holds one of them: the
    hostile ones, which is what a script-injection test needs, at a tenth of the time."""
    if markers:
        page.evaluate(_MARK, [_POINTABLE, list(markers)])
    handles = page.query_selector_all("[data-hostile-test]" if markers else _POINTABLE)[:limit]
    for handle in handles:
        with contextlib.suppress(Exception):  # an element hidden on this screen size is skipped
            handle.hover(force=True, timeout=1000)
            page.wait_for_timeout(pause_ms)
            handle.focus()
    page.wait_for_timeout(300)
    return len(handles)
