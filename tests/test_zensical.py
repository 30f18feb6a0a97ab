"""The generated site as plain files builds with Zensical (Material's successor, no hooks)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ENV, ROOT
from dossier.index.corpus import load_corpus
from dossier.publish.export import export

ZENSICAL = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")


def test_export_refuses_to_write_into_the_sources(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export(ROOT, ROOT)
    with pytest.raises(ValueError):
        export(ROOT, ROOT / "docs" / "x")


@pytest.mark.build
@pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed (it is in requirements-dev.txt)")
def test_exported_markdown_builds_with_zensical(tmp_path: Path) -> None:
    out = tmp_path / "plain"
    export(ROOT, out)
    assert "hooks:" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    proc = subprocess.run([str(ZENSICAL), "build"], cwd=out, env=ENV, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = out / "site"
    corpus = load_corpus(ROOT)
    pages = ([f"artikel/{a.id}" for a in corpus.articles] + [f"akteure/{a.id}" for a in corpus.actors]
             + [f"ereignisse/{e.id}" for e in corpus.events if e.curated])
    for page in pages:
        assert (site / page / "index.html").is_file(), page
    linked = 0
    for article in corpus.articles:
        url = f"artikel/{article.id}/"
        html = (site / url / "index.html").read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#]*akteure/[^"#]*)"', html):
            target = urljoin(url, href).rstrip("/")
            assert (site / target / "index.html").is_file() or (site / target).is_file(), href
            linked += 1
    assert linked > 0
