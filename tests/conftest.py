"""Shared fixtures: build the real repository, or a throw-away project with given seeds."""

from __future__ import annotations

import contextlib
import inspect
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The builds of one test run share one cache folder (index/cache.py; keyed by content, so a
# shared folder changes no result, which tests/test_cache.py holds): a throw-away project with
# the real registry then skips the registry checks' word-frequency lists, 3 of a small build's
# 6 s. Its first build, and every build with a registry of its own, still runs cold;
# tests/test_cache.py and test_parallel.py choose their cache themselves. One folder per run:
# the controlling process names it before xdist starts its workers, which inherit the name;
# it goes when the run ends (pytest_unconfigure).
if "DOSSIER_TEST_CACHE" not in os.environ:
    os.environ["DOSSIER_TEST_CACHE"] = tempfile.mkdtemp(prefix="dossier-test-cache-")
CACHE = Path(os.environ["DOSSIER_TEST_CACHE"])
ENV = {"DOSSIER_CACHE_DIR": str(CACHE), **os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1758067200"}


@dataclass(frozen=True)
class Build:
    root: Path
    site: Path
    returncode: int
    log: str
    inputs_before: dict[str, bytes]
    inputs_after: dict[str, bytes]

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


@contextlib.contextmanager
def untraced() -> Iterator[None]:
    """Run a block without the coverage tracer (under `make test`, else as it is). For blocks
    that spend their time in other people's code (WeasyPrint typesetting, pypdf reading a PDF),
    whose millions of calls the tracer slows by half: measured, the PDF tests took 17 s longer.
    What of the dossier such a block runs, other tests cover."""
    import coverage

    measuring = coverage.Coverage.current()
    if measuring is None:
        yield
        return
    measuring.stop()
    try:
        yield
    finally:
        measuring.start()


def run_build(root: Path, site: Path, *, strict: bool = True, env: Mapping[str, str] | None = None) -> Build:
    cmd = [*MKDOCS, "build", "--site-dir", str(site), "--config-file", str(root / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    before = _inputs(root)
    proc = subprocess.run(cmd, cwd=root, env={**ENV, **(env or {})}, capture_output=True, text=True, timeout=300)
    return Build(root, site, proc.returncode, proc.stdout + proc.stderr, before, _inputs(root))


def _inputs(root: Path) -> dict[str, bytes]:
    """Every file under seeds/ and docs/ (what a build must never write to)."""
    return {**snapshot(root / "seeds"), **{f"docs/{k}": v for k, v in snapshot(root / "docs").items()}}


def make_project(tmp: Path, seeds: Mapping[str, bytes | str], *, registry: bool = True) -> Path:
    """A copy of the project's configuration and docs with `seeds` as its only articles."""
    root = tmp / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "hooks").symlink_to(ROOT / "hooks")
    (root / "overrides").symlink_to(ROOT / "overrides")
    (root / "seeds").mkdir()
    if registry and (ROOT / "seeds" / "registry").is_dir():
        shutil.copytree(ROOT / "seeds" / "registry", root / "seeds" / "registry")
    for name, content in seeds.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "seeds" / name).write_bytes(data)
    return root


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the repository's real seeds, into a temporary site folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = run_build(ROOT, site)
    assert build.returncode == 0, build.log
    return build


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


_BUILD_FIXTURES = {"real_build", "hostile_build", "full_site", "offline_copy", "parted", "whole"}


def _runs_a_build(item: pytest.Item) -> bool:
    """A test that runs mkdocs, typesets a PDF, or runs the contributor check or another process
    (slow: seconds)."""
    if _BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    function = getattr(item, "function", None)
    try:
        source = inspect.getsource(function) if function else ""
    except (OSError, TypeError):
        return False
    return any(call in source for call in ("run_build(", "make_site(", "subprocess.", "check(root", "check(ROOT",
                                              "write_pdf(", "_build_pdf("))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that build are marked `build` (so `pytest -m "not build"` answers in seconds);
    browser tests skip where Chromium is missing, and the run says so at the end."""
    from browser.harness import missing_reason

    for item in items:
        if _runs_a_build(item):
            item.add_marker(pytest.mark.build)
    reason = missing_reason()
    if reason is None:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"BROWSER TEST SKIPPED: {reason}"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counted from the skip reports, so it also works when xdist workers ran the tests."""
    skipped = [report for report in terminalreporter.stats.get("skipped", [])
               if "BROWSER TEST SKIPPED" in str(getattr(report, "longrepr", ""))]
    if skipped:
        terminalreporter.write_sep("!", f"{len(skipped)} BROWSER TESTS SKIPPED: Chromium is not installed "
                                   "(run `make browser`); tooltips, dialogs and search were NOT checked", red=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's shared cache folder goes when the run ends, in the controlling process (the
    workers use the controller's folder)."""
    if not hasattr(config, "workerinput"):
        shutil.rmtree(CACHE, ignore_errors=True)
