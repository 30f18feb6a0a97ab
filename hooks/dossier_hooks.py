"""MkDocs adapter: wires the pure-Python core (hooks/dossier/) into MkDocs events.

on_config: load and parse the corpus once per build, log its diagnostics through MkDocs'
logger (so `mkdocs build --strict` counts warnings); on_files: add the generated pages and
data files; on_serve: rebuild when a seed or registry file changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from dossier.corpus import Corpus, load_corpus
from dossier.site import generate

log = get_plugin_logger("dossier")
_state: dict[str, Corpus] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    corpus = load_corpus(_root(config))
    for diag in corpus.diagnostics:
        {"error": log.error, "warning": log.warning, "info": log.info}[diag.severity](diag.format())
    _state["corpus"] = corpus
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for item in generate(_state["corpus"]):
        file = File.generated(config, item.path, content=item.content)
        if not item.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        if item.edit_source and config.repo_url:
            file.edit_uri = f"../{item.edit_source}"
        files.append(file)
    return files


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_root(config) / "seeds"))
    return server
