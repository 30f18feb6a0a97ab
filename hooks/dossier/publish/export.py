"""Write the whole site as plain Markdown files: docs/ plus every generated page and data file.

    python -m dossier.publish.export OUT [ROOT]

This is exactly what the MkDocs hooks feed MkDocs, as a folder of files, so any generator
that reads Markdown and `mkdocs.yml` can build it without running hooks (Zensical, Material's
successor, does not run them). OUT gets `docs/` and a `mkdocs.yml` that points at it without
the hooks. Nothing is written into ROOT.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from dossier.index.corpus import load_corpus
from dossier.render.site import generate


def export(root: Path, out: Path) -> tuple[int, list[str]]:
    """Write the Markdown site of `root` into `out`; returns the number of generated files and
    the contributor-file problems (`path:line: severity: message`) of the corpus."""
    target, source = out.resolve(), root.resolve()
    inside = target == source or (source in target.parents and target.relative_to(source).parts[0] in ("docs", "seeds"))
    if inside:
        raise ValueError(f"{out}: refusing to write into the sources")
    corpus = load_corpus(root)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / "docs", docs)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # The network pictures' links are raw HTML, spelt as the site's page addresses will be.
    generated = generate(corpus, directory_urls=not re.search(r"(?m)^use_directory_urls:\s*false\b", config))
    for item in generated:
        target = docs / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content, encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", out / "overrides", dirs_exist_ok=True)
    return len(generated), [d.format() for d in corpus.diagnostics if d.severity != "info"]


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m dossier.publish.export OUT [ROOT]", file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    count, problems = export(root, Path(argv[0]))
    print("\n".join(problems + [f"{argv[0]}: docs/ with {count} generated files and mkdocs.yml"]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
