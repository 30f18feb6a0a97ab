"""The zipped offline copy: a folder built with Material's offline plugin, packed reproducibly
(entries sorted, fixed timestamps from SOURCE_DATE_EPOCH, fixed permissions)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

ROOT_FOLDER = "dossier-offline"


def zip_folder(folder: Path, target: Path, epoch: int) -> int:
    """Pack every file below `folder` into `target`; returns the number of files."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]   # zip cannot store dates before 1980
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in files:
            info = zipfile.ZipInfo(f"{ROOT_FOLDER}/{file.relative_to(folder).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    return len(files)
