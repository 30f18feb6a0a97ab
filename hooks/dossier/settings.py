"""Configuration in one typed place: the `extra: dossier:` block of mkdocs.yml and the site
title, with environment variables able to override for the Makefile and CI.

    extra:
      dossier:
        pdf: false          # write downloads/dossier.pdf after the build   (DOSSIER_PDF=1)
        offline_dir: null   # zip this offline build into the downloads     (DOSSIER_OFFLINE_DIR=path)

A wrong value is one clear message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    title: str                       # mkdocs.yml `site_name`: the start page and the PDF cover
    pdf: bool = False
    offline_dir: str | None = None


ENVIRONMENT = {"pdf": "DOSSIER_PDF", "offline_dir": "DOSSIER_OFFLINE_DIR"}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def read_settings(title: str, block: Any, env: Mapping[str, str]) -> tuple[Settings | None, str | None]:
    """Settings from the `extra.dossier` block and the environment, or None and the problem."""
    if block is None:
        block = {}
    if not isinstance(block, Mapping):
        return None, "mkdocs.yml: 'extra: dossier:' must be a mapping of settings"
    unknown = sorted(set(map(str, block)) - set(ENVIRONMENT))
    if unknown:
        return None, f"mkdocs.yml: unknown setting 'extra: dossier: {unknown[0]}' (known: {', '.join(ENVIRONMENT)})"
    pdf: Any = block.get("pdf", False)
    offline: Any = block.get("offline_dir")
    if ENVIRONMENT["pdf"] in env:
        value = env[ENVIRONMENT["pdf"]].strip().lower()
        if value not in _TRUE + _FALSE:
            return None, f"{ENVIRONMENT['pdf']}={env[ENVIRONMENT['pdf']]!r}: use 1 or 0"
        pdf = value in _TRUE
    if env.get(ENVIRONMENT["offline_dir"]):
        offline = env[ENVIRONMENT["offline_dir"]]
    if not isinstance(pdf, bool):
        return None, f"mkdocs.yml: 'extra: dossier: pdf' must be true or false, not {pdf!r}"
    if offline is not None and (not isinstance(offline, str) or not offline.strip()):
        return None, f"mkdocs.yml: 'extra: dossier: offline_dir' must be a folder path, not {offline!r}"
    if not title.strip():
        return None, "mkdocs.yml: 'site_name' must not be empty"
    return Settings(title.strip(), pdf, offline), None
