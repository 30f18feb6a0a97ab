"""Unit tests for the plain-files export and the reproducible zip (no build needed)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, make_project
from dossier.publish.export import export, main
from dossier.publish.offline import ROOT_FOLDER, zip_folder


def test_export_writes_docs_generated_pages_and_a_config_without_hooks(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": "Titel\n\nAlexander Lukaschenko sprach.\n"})
    out = tmp_path / "plain"
    count, problems = export(root, out)
    assert count > 10 and problems == []
    assert (out / "docs" / "artikel" / "a.md").read_text(encoding="utf-8").startswith("---\n")
    assert (out / "docs" / "akteure" / "alexander-lukaschenko.md").is_file()
    assert (out / "docs" / "methode.md").is_file() and (out / "docs" / "data" / "articles.json").is_file()
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "site_name:" in config
    assert export(root, out)[0] == count   # a second run replaces, never mixes


def test_export_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    root = make_project(tmp_path, {"a.txt": "Titel\n\nText.\n"})
    assert main([str(tmp_path / "out"), str(root)]) == 0
    assert "generated files" in capsys.readouterr().out


def test_export_reports_problems_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {"a.txt": "---\ndate: 0001-01-01\n---\nTitel\n\nText.\n"})
    assert main([str(tmp_path / "out"), str(root)]) == 1
    assert "seeds/a.txt:2: error: date" in capsys.readouterr().out


def test_export_never_writes_into_docs_or_seeds(tmp_path: Path) -> None:
    for target in (ROOT, ROOT / "docs" / "x", ROOT / "seeds" / "x"):
        with pytest.raises(ValueError):
            export(ROOT, target)


def test_zip_is_sorted_stamped_and_reproducible(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "z.html").write_text("z", encoding="utf-8")
    (folder / "a.html").write_text("a", encoding="utf-8")
    first, second = tmp_path / "1.zip", tmp_path / "out" / "2.zip"
    assert zip_folder(folder, first, 0) == 2 and zip_folder(folder, second, 0) == 2
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [f"{ROOT_FOLDER}/a.html", f"{ROOT_FOLDER}/b/z.html"]
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
