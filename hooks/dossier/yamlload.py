"""YAML with line numbers for contributor files (front matter, registries).

ruamel.yaml's round-trip loader keeps the line of every key and item, so errors can name
`path:line`. Timestamps are kept as strings: ruamel would build a date itself and fail with
a bare ValueError on "2025-13-45"; our own validation reports such values with their line.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError

from .model import Diagnostic


class _PlainScalars(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as the strings they were written as."""


_PlainScalars.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def load_yaml(path: str, text: str, first_line: int = 1) -> tuple[Any, list[Diagnostic]]:
    """Parse `text` (which starts at file line `first_line`); None plus an error on failure."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _PlainScalars
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text), []
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Diagnostic(path, line, "error", f"not valid YAML: {problem}", "yaml")]


def key_line(mapping: Any, key: str, first_line: int = 1) -> int:
    """File line of `key` in a ruamel mapping."""
    return int(mapping.lc.key(key)[0]) + first_line


def item_line(sequence: Any, index: int, first_line: int = 1) -> int:
    return int(sequence.lc.item(index)[0]) + first_line
