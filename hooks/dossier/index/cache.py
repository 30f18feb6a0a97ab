"""A content-addressed cache of per-article work (parse, annotate) for fast rebuilds.

An entry's key is a hash of everything its value depends on: the seed's bytes and path, and the
source code of every module of the core package, plus, for annotation, the registry files. A
changed seed, registry or parser gives a new key, so an entry is never stale; it is only ever
unused. The cache lives in `.cache/dossier/` at the project root (git-ignored), outside seeds/
and docs/, and is safe to delete at any time (`make clean` does). `DOSSIER_CACHE=0` turns it
off; `DOSSIER_CACHE_DIR` moves it.

Values are pickles of the core's frozen dataclasses. The folder is as trusted as the project's
own code (whoever can write it can edit hooks/ too); an unreadable or foreign entry is ignored
and recomputed, never an error. Hand-written because no well-kept library keys a cache by the
source of the code that computes it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1]   # the core package, hooks/dossier/
# The pinned versions of the libraries the core uses (word frequencies, YAML, schemas).
REQUIREMENTS = PACKAGE.parents[1] / "requirements.txt"
FOLDER = Path(".cache") / "dossier"
# Entries this run did not use are pruned once they outnumber the used ones by this factor
# (plus a margin), so editing under `mkdocs serve` cannot fill the disk.
PRUNE_FACTOR = 2
PRUNE_MARGIN = 50


@functools.cache
def code_version(*_entry: str) -> str:
    """A hash of the source of every module of the core package, with the Python version, the
    pickle protocol and the pinned libraries: any code change gives new keys (simple and
    safe; the `_entry` names say which step asks)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}:{pickle.HIGHEST_PROTOCOL}".encode())
    if REQUIREMENTS.is_file():
        digest.update(REQUIREMENTS.read_bytes())
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(module.relative_to(PACKAGE).as_posix().encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def folder_hash(folder: Path) -> str:
    """A hash of every file's name and bytes directly in `folder` (empty when missing)."""
    if not folder.is_dir():
        return key("no folder")
    parts: list[str | bytes] = []
    for file in sorted(folder.iterdir()):
        if file.is_file():
            try:
                parts += [file.name, file.read_bytes()]
            except OSError:
                parts += [file.name, "unreadable"]
    return key(*parts)


class Store:
    """One kind of entry (`kind` names a subfolder) under a project's cache folder."""

    def __init__(self, root: Path, kind: str) -> None:
        setting = os.environ.get("DOSSIER_CACHE", "1").strip().lower()
        self.enabled = setting not in ("0", "off", "no", "false")
        base = Path(os.environ["DOSSIER_CACHE_DIR"]) if os.environ.get("DOSSIER_CACHE_DIR") else root / FOLDER
        self.folder = base / kind
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def get(self, name: str) -> Any | None:
        """The value stored under `name`, or None (missing, disabled, unreadable)."""
        self.used.add(name)
        if not self.enabled:
            return None
        try:
            with open(self.folder / f"{name}.pickle", "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # missing, truncated or from another version: recompute
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, name: str, value: Any) -> None:
        """Store `value` atomically (write a temporary file, then rename); a folder that
        cannot be written only costs the speed-up."""
        if not self.enabled:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{name}.pickle")
        except OSError:
            return

    def prune(self) -> None:
        """Delete entries this run did not use once there are many of them."""
        if not self.enabled or not self.folder.is_dir():
            return
        try:
            names = os.listdir(self.folder)
            if len(names) <= PRUNE_FACTOR * len(self.used) + PRUNE_MARGIN:
                return
            for entry in names:
                if entry.removesuffix(".pickle") not in self.used:
                    (self.folder / entry).unlink(missing_ok=True)
        except OSError:
            return
