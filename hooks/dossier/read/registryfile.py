"""A curated registry file: a YAML list validated against a JSON Schema, errors with lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

from dossier.model import Diagnostic, printable
from dossier.read.yamlfile import item_line, key_line, load_yaml

# Registry schemas are part of the code (repository root/schemas), not of the built folder.
SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


def _error_line(data: Any, path: list[Any]) -> int:
    """Best line for a jsonschema error at `path` inside the ruamel document."""
    line = 1
    node = data
    for step in path:
        try:
            line = item_line(node, step) if isinstance(step, int) else key_line(node, step)
            node = node[step]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return line


def _message(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path if not isinstance(p, int))
    if error.validator == "additionalProperties":
        return f"unknown key: {error.message.split('(')[-1].rstrip(')')}"
    if error.validator == "not" and "gender" in str(error.schema):
        return "'gender' is only for persons"
    if error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("description"):
        # The schema's words for the form, not its regular expression.
        shown = printable(str(error.instance))[:80]
        return f"{where + ': ' if where else ''}'{shown}' must be {error.schema['description']}"
    if (error.validator == "type" and isinstance(error.instance, (int, float)) and not isinstance(error.instance, bool)
            and "string" in (error.validator_value if isinstance(error.validator_value, list)
                             else [error.validator_value])):
        # "date: 2025" is a number to YAML ("0999" even loses its zero): quotes keep it text.
        form = error.schema.get("description") if isinstance(error.schema, dict) else None
        return (f"{where + ': ' if where else ''}{error.instance} is read by YAML as a number; it must be "
                + (f"{form}, " if form else "") + "written in quotes")
    return f"{where + ': ' if where else ''}{error.message}"


def load_registry_list(root: Path, rel: str, schema: str, what: str) -> tuple[Any, list[Diagnostic]]:
    """The parsed list (ruamel, with lines) or None with errors; a missing file is empty."""
    file = root / rel
    if not file.exists() and not file.is_symlink():
        return [], []
    problem = contributor_file_problem(root, file)
    if problem:
        return None, [Diagnostic(rel, None, "error", problem, "registry-file")]
    try:
        data_bytes = file.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(rel, None, "error", f"cannot be read: {exc.strerror or exc}", "registry-file")]
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Diagnostic(rel, None, "error", "not valid UTF-8", "registry-encoding")]
    data, diags = load_yaml(rel, text)
    if diags:
        return None, diags
    if data is None:
        return [], []
    if not isinstance(data, list):
        return None, [Diagnostic(rel, 1, "error", f"must be a list of {what} ('- id: …')", "registry-shape")]
    import jsonschema  # here, not at the top: 50 ms of imports, needed only when no cache entry holds the result

    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        diags.append(Diagnostic(rel, _error_line(data, list(error.absolute_path)), "error", _message(error),
                                "registry-schema"))
    return (None, diags) if diags else (data, [])


def contributor_file_problem(root: Path, file: Path, resolved: dict[Path, Path] | None = None) -> str | None:
    """Why `file` may not be read as a contributor file, or None: it must be a regular file
    inside the repository, not a symbolic link (which could point anywhere on the machine).
    `resolved` remembers folders' real paths over one pass through many files."""
    if file.is_symlink():
        return "is a symbolic link; seeds and registries must be regular files in the repository"
    if not file.is_file():
        return "is not a regular file (a folder?); seeds and registries must be regular files"
    try:
        # not a link itself, so the file lies where its folder really is (one folder's
        # resolution serves all its files: a thousand seeds, one lookup)
        folders = {} if resolved is None else resolved
        for folder in (root, file.parent):
            if folder not in folders:
                folders[folder] = folder.resolve()
        folders[file.parent].relative_to(folders[root])
    except ValueError:
        return "lies outside the repository (a linked folder?); seeds and registries must be inside it"
    return None


# Addresses that section pages use: an entry may not take them over.
RESERVED_IDS = frozenset({"index"})


def unique_entries(data: Any, rel: str, reserved_prefixes: tuple[str, ...] = ()) -> tuple[
        list[tuple[Any, int]], list[Diagnostic]]:
    """(entry, line) for each entry whose id is not taken yet; a duplicate id is an error, and
    so is an id that a section page or generated page uses."""
    entries: list[tuple[Any, int]] = []
    diags: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        if entry["id"] in RESERVED_IDS or entry["id"].startswith(reserved_prefixes):
            diags.append(Diagnostic(rel, key_line(entry, "id"), "error",
                                    f"id '{entry['id']}' is reserved for a page the site makes itself; "
                                    "choose another id", "registry-reserved-id"))
            continue
        if entry["id"] in seen:
            diags.append(Diagnostic(rel, key_line(entry, "id"), "error",
                                    f"duplicate id '{entry['id']}' (first at line {seen[entry['id']]})",
                                    "registry-duplicate-id"))
            continue
        seen[entry["id"]] = key_line(entry, "id")
        entries.append((entry, item_line(data, index)))
    return entries, diags
