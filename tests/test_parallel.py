"""Per-article work on several processes gives exactly what one process gives."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_build
from dossier.index import parallel
from dossier.index.corpus import load_corpus
from dossier.index.parallel import map_in_order, workers
from dossier.render import site

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def _square_and_process(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.build     # starts worker processes: seconds
def test_the_pool_keeps_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    done = map_in_order(_square_and_process, list(range(50)), min_items=1)
    assert [square for square, _ in done] == [n * n for n in range(50)]
    assert {pid for _, pid in done} - {os.getpid()}          # the workers did it, not a fallback


@pytest.mark.parametrize(("setting", "expected"), [("1", 1), ("3", 3), ("0", 1)])
def test_workers_follow_the_setting(monkeypatch: pytest.MonkeyPatch, setting: str, expected: int) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", setting)
    assert workers() == expected


def _fixtures_three_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, bytes]]:
    """A project of every fixture article three times over; cache off, one process."""
    texts = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.txt"))}
    seeds = {f"{i:02d}-{name}": data for i in range(3) for name, data in texts.items()}
    monkeypatch.setenv("DOSSIER_CACHE", "0")
    monkeypatch.setenv("DOSSIER_WORKERS", "1")
    return make_project(tmp_path, seeds), seeds


@pytest.mark.build
def test_parallel_and_serial_corpora_are_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Spawned workers parse and annotate; the corpus equals the one-process corpus."""
    root, seeds = _fixtures_three_times(tmp_path, monkeypatch)
    serial = load_corpus(root)
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    assert load_corpus(root) == serial
    assert len(serial.articles) == len(seeds) and serial.mentions


_RENDER = site._render


def _render_and_note(pages: list[Callable[[], site.Generated]], span: tuple[int, int]) -> list[site.Generated]:
    """site._render, and a marker file naming the process that rendered the batch."""
    return [*_RENDER(pages, span), site.Generated(f"pid/{os.getpid()}", "")]


@pytest.mark.build
def test_pages_rendered_on_several_processes_equal_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The article and actor pages come from worker processes when there are many: the same
    files, in the same order, as rendered here."""
    root, seeds = _fixtures_three_times(tmp_path, monkeypatch)
    corpus = load_corpus(root)
    serial = site.generate(corpus)
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    monkeypatch.setattr(site, "RENDER_BATCH", 3)
    monkeypatch.setattr(site, "_render", _render_and_note)
    files = site.generate(corpus)
    pids = {int(f.path.split("/")[1]) for f in files if f.path.startswith("pid/")}
    assert [f for f in files if not f.path.startswith("pid/")] == serial
    assert pids - {os.getpid()}                  # workers rendered, not a fallback
    assert len(serial) > 3 * len(seeds)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build     # three builds of a few dozen pages
def test_markdown_rendered_in_workers_gives_mkdocs_own_site_and_warnings(tmp_path: Path) -> None:
    """The build hands MkDocs pages rendered on several processes: the site is byte for byte
    the one MkDocs renders itself, its warnings are the same, and --strict still fails on them."""
    texts = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.txt"))}
    root = make_project(tmp_path, {f"{i:02d}-{name}": data for i in range(3) for name, data in texts.items()})
    (root / "docs" / "kaputt.md").write_text("# Kaputt\n\nEin [Verweis](fehlt.md) ins Leere.\n", encoding="utf-8")
    serial = run_build(root, tmp_path / "serial", strict=False, env={"DOSSIER_WORKERS": "1"})
    spread = run_build(root, tmp_path / "spread", strict=False, env={"DOSSIER_WORKERS": "2"})
    assert serial.returncode == spread.returncode == 0, spread.log
    assert "rendered on 2 processes" in spread.log and "rendered on" not in serial.log
    assert _tree(spread.site) == _tree(serial.site)

    def warnings(log: str) -> list[str]:
        return [line for line in log.splitlines() if line.startswith("WARNING")]
    assert any("fehlt.md" in line for line in warnings(spread.log))
    assert warnings(spread.log) == warnings(serial.log)
    strict = run_build(root, tmp_path / "strict", env={"DOSSIER_WORKERS": "2"})
    assert strict.returncode != 0 and "fehlt.md" in strict.log and "rendered on 2 processes" in strict.log


def test_pages_are_left_to_mkdocs_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve --clean` announces a "build" too: with its server's threads running,
    the adapter must not fork (DOSSIER_WORKERS does not change that)."""
    import threading

    import dossier_pages
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    dossier_pages.on_startup(command="build", dirty=False)
    assert dossier_pages.building_once()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not dossier_pages.building_once()
    finally:
        stop.set()
        thread.join()
    dossier_pages.on_startup(command="serve", dirty=False)
    assert not dossier_pages.building_once()


def test_the_corpus_is_handed_back_to_the_cycle_collector_when_a_build_ends() -> None:
    import gc

    import dossier_hooks
    gc.freeze()
    dossier_hooks.on_build_error(RuntimeError("a build that failed"))
    assert gc.get_freeze_count() == 0
