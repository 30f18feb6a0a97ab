"""MkDocs adapter: wires the pure-Python core (hooks/dossier/) into MkDocs events.

on_config: load and parse the corpus once per build, log its diagnostics through MkDocs'
logger (so `mkdocs build --strict` counts warnings); on_files: add the generated pages and
data files; on_nav: MkDocs' own reading and rendering of each page on every core (dossier_pages.py);
on_post_build: the offline downloads; on_serve: rebuild when a seed changes.

Settings come from `extra: dossier:` in mkdocs.yml, read once into a typed `Settings`
(`dossier/settings.py`); the environment overrides them (the Makefile sets these):
- DOSSIER_PDF=1 (`pdf: true`): write site/downloads/dossier.pdf after the build;
- DOSSIER_OFFLINE_DIR=path (`offline_dir:`): zip that folder (a build with
  DOSSIER_OFFLINE=true, which turns on Material's offline plugin) into the downloads.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import dossier_pages
from dossier.index.corpus import Corpus, load_corpus
from dossier.publish.offline import zip_folder
from dossier.publish.pdf import write_pdf
from dossier.render.site import generate, pdf_plan
from dossier.settings import Settings, read_settings

PDF_PATH = "downloads/dossier.pdf"
ZIP_PATH = "downloads/dossier-offline.zip"

log = get_plugin_logger("dossier")
_state: dict[str, Corpus] = {}
_settings: list[Settings] = [Settings("Dossier")]   # replaced in on_config


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extra: dict[str, Any] = dict(config.extra or {})
    settings, problem = read_settings(config.site_name, extra.get("dossier"), os.environ)
    if settings is None:
        raise PluginError(problem or "mkdocs.yml: wrong settings")
    _settings[:] = [settings]
    try:
        corpus = load_corpus(_root(config))
    except Exception as exc:  # last guard: a contributor file must never crash the build or stop `serve`
        log.error(f"seeds: the corpus could not be read ({type(exc).__name__}: {exc}); "
                  "please report this with the file you changed")
        corpus = Corpus((), (), ())
    for diag in corpus.diagnostics:
        {"error": log.error, "warning": log.warning, "info": log.info}[diag.severity](diag.format())
    _state["corpus"] = corpus
    # The corpus lives until the build ends and forms no cycles: the cycle collector need not
    # walk it again during MkDocs' rendering, in this process or in its forked workers (whose
    # collections would copy every page of it they touch). Frozen objects are still freed when
    # no longer referenced; at the build's end (or failure) everything is handed back to the
    # collector, so the rebuilds of `mkdocs serve` leave no frozen garbage behind.
    gc.freeze()
    return config


def _downloads() -> tuple[tuple[str, str, str], ...]:
    found = []
    if _settings[0].pdf:
        found.append(("PDF herunterladen", PDF_PATH, "das ganze Dossier mit Inhaltsverzeichnis, Fußnoten und "
                      "Querverweisen zum Lesen, Drucken und Archivieren"))
    if _settings[0].offline_dir:
        found.append(("Offline-Kopie (ZIP)", ZIP_PATH, "die ganze Website zum Entpacken; öffnen Sie "
                      "dossier-offline/index.html im Browser, die Suche funktioniert ohne Internet"))
    return tuple(found)


def _epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for item in generate(_state["corpus"], _downloads(), _settings[0].title,
                         directory_urls=config.use_directory_urls):
        file = File.generated(config, item.path, content=item.content)
        if not item.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        if item.edit_source and config.repo_url:
            file.edit_uri = f"../{quote(item.edit_source, safe='/#')}"
        files.append(file)
    return files


def on_build_error(error: Exception) -> None:
    gc.unfreeze()


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()
    site = Path(config.site_dir)
    offline = _settings[0].offline_dir
    if offline:
        folder = Path(offline) if Path(offline).is_absolute() else _root(config) / offline
        if not (folder / "index.html").exists():
            log.error(f"{offline}: no offline build there; run 'make site' (it builds it first)")
        else:
            count = zip_folder(folder, site / ZIP_PATH, _epoch())
            log.info(f"Offline-Kopie: {count} Dateien nach {ZIP_PATH}")
    if _settings[0].pdf:
        _build_pdf(site)


def _build_pdf(site: Path) -> None:
    started = time.perf_counter()
    built = dt.datetime.fromtimestamp(_epoch(), dt.UTC).date()
    try:
        plan = pdf_plan(_state["corpus"], built, _settings[0].title)
        write_pdf(site, plan, site / PDF_PATH, lambda m: log.info(f"PDF: {m}"))
    except Exception as exc:  # any failure becomes one clear line; --strict then fails the build
        log.error(f"PDF could not be written: {type(exc).__name__}: {exc}")
        return
    size = (site / PDF_PATH).stat().st_size / 1024 / 1024
    log.info(f"PDF: {PDF_PATH} geschrieben ({size:.1f} MB) in {time.perf_counter() - started:.1f} s")


# Generated pages are not in the navigation; highlight the section they belong to instead.
SECTION_OF = (("artikel/", "artikel/index.md"), ("artikelliste/", "artikel/index.md"),
              ("akteure/", "akteure/index.md"), ("ereignisse/", "ereignisse/index.md"))
_highlighted: list[Page] = []


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    section = next((index for prefix, index in SECTION_OF if page.file.src_uri.startswith(prefix)), None)
    if section and section != page.file.src_uri:
        for item in nav.pages:
            if item.file.src_uri == section:
                item.active = True
                _highlighted.append(item)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    while _highlighted:
        _highlighted.pop().active = False
    return output


# MkDocs' reading and rendering of each page's Markdown, on every core.
on_startup, on_nav = dossier_pages.on_startup, dossier_pages.on_nav


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_root(config) / "seeds"))
    return server
