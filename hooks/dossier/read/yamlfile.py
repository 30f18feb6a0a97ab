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
from ruamel.yaml.events import AliasEvent, NodeEvent

from dossier.model import Diagnostic


class _PlainScalars(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as the strings they were written as."""


_PlainScalars.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


# Contributor YAML is small and plain. Anchors and aliases are refused: they add nothing a
# contributor needs, and nested aliases ("billion laughs") expand a 1 KB file into gigabytes.
# So are tags ("!!omap", "!!python/object/apply:…", "!custom"): they build values no check
# here expects (ordered maps, tagged objects), and plain YAML says everything a registry holds.
MAX_YAML_CHARS = 512 * 1024


def _line(mark: Any, first_line: int) -> int:
    return int(mark.line) + first_line if mark is not None else first_line


def _refuse_anchors_and_tags(path: str, yaml: YAML, text: str, first_line: int) -> Diagnostic | None:
    """One pass over the event stream (linear in the text, nothing is expanded or built)."""
    for event in yaml.parse(text):
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            return Diagnostic(path, _line(event.start_mark, first_line), "error",
                              "YAML anchors and aliases ('&name', '*name') are not allowed here; "
                              "write the value out", "yaml-alias")
        written = getattr(event, "tag", None) if isinstance(event, NodeEvent) else None
        if written:
            tag = str(written).replace("tag:yaml.org,2002:", "!!")
            return Diagnostic(path, _line(event.start_mark, first_line), "error",
                              f"YAML tags ('{tag[:60]}') are not allowed here; write a plain value "
                              "(put text with '!' at its start in quotes)", "yaml-tag")
    return None


def _bad_character(text: str) -> str | None:
    """A description of the first character no contributor file may hold, or None."""
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return f"an unpaired surrogate (U+{code:04X})"
        if (code < 0x20 and char not in "\t\n") or 0x7F <= code < 0xA0:
            return f"a control character (U+{code:04X})"
    return None


def _check_strings(path: str, node: Any, line: int, first_line: int) -> Diagnostic | None:
    """Every key and string value: no surrogates or control characters (a newline only in
    block text). Walks the loaded data once."""
    items: list[tuple[Any, Any, int]] = []
    if isinstance(node, dict):
        items = [(k, v, key_line(node, k, first_line) if hasattr(node, "lc") else line) for k, v in node.items()]
    elif isinstance(node, list):
        items = [(None, v, item_line(node, i, first_line) if hasattr(node, "lc") else line)
                 for i, v in enumerate(node)]
    for key, value, where in items:
        if key is not None and not isinstance(key, str):
            return Diagnostic(path, where, "error", f"key {key!r} must be a plain word", "yaml-key")
        for text in (key, value):
            if isinstance(text, str) and (problem := _bad_character(text)):
                return Diagnostic(path, where, "error", f"text contains {problem}; remove it", "yaml-character")
        found = _check_strings(path, value, where, first_line)
        if found:
            return found
    return None


def load_yaml(path: str, text: str, first_line: int = 1) -> tuple[Any, list[Diagnostic]]:
    """Parse `text` (which starts at file line `first_line`); None plus an error on failure."""
    if len(text) > MAX_YAML_CHARS:
        return None, [Diagnostic(path, first_line, "error",
                                 f"YAML block is {len(text) // 1024} KB; at most {MAX_YAML_CHARS // 1024} KB "
                                 "are read", "yaml-too-large")]
    yaml = YAML(typ="rt")
    yaml.Constructor = _PlainScalars
    yaml.allow_duplicate_keys = False
    try:
        # Anchors, aliases and tags need "&", "*" or "!": only then is the event stream scanned
        # (a second parse), so most front matter is parsed once.
        refused = (_refuse_anchors_and_tags(path, yaml, text, first_line)
                   if ("&" in text or "*" in text or "!" in text) else None)
        if refused:
            return None, [refused]
        data = yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Diagnostic(path, _line(mark, first_line), "error", f"not valid YAML: {problem}", "yaml")]
    except RecursionError:
        line, depth = _deepest(text)
        return None, [Diagnostic(path, line + first_line - 1, "error",
                                 f"nested {depth} levels deep here, too deep to read; a dossier file needs "
                                 "only a few levels", "yaml-too-deep")]
    except (TypeError, ValueError) as exc:  # e.g. a list used as a mapping key
        return None, [Diagnostic(path, first_line, "error", f"not valid YAML here: {type(exc).__name__}: "
                                 f"{str(exc)[:120]}", "yaml")]
    problem = _check_strings(path, data, first_line, first_line)
    return (None, [problem]) if problem else (data, [])


def _deepest(text: str) -> tuple[int, int]:
    """The line (1-based) where `text` nests deepest, and how deep: open flow brackets plus
    block levels (indentation steps and "- " items). Rough on purpose (quotes only skipped),
    and only run after the parser gave up on the depth."""
    best, flow, indents = (1, 0), 0, [0]
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.lstrip(" ")
        if content and not content.startswith("#") and not flow:
            indent = len(line) - len(content)
            while indents[-1] > indent:
                indents.pop()
            if indent > indents[-1]:
                indents.append(indent)
        dashes = len(content) - len(content.lstrip("- ")) if content.startswith("- ") else 0
        quote = ""
        for char in content:
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char in "[{":
                flow += 1
                best = max(best, (number, flow + len(indents) + dashes // 2), key=lambda b: b[1])
            elif char in "]}":
                flow = max(flow - 1, 0)
        best = max(best, (number, len(indents) + dashes // 2), key=lambda b: b[1])
    return best


def key_line(mapping: Any, key: str, first_line: int = 1) -> int:
    """File line of `key` in a ruamel mapping (the mapping's own line if ruamel kept none)."""
    try:
        return int(mapping.lc.key(key)[0]) + first_line
    except (AttributeError, KeyError, TypeError, IndexError):
        return int(getattr(getattr(mapping, "lc", None), "line", 0) or 0) + first_line


def item_line(sequence: Any, index: int, first_line: int = 1) -> int:
    return int(sequence.lc.item(index)[0]) + first_line


def entry_item_line(mapping: Any, key: str, index: int) -> int:
    """File line of item `index` of the list under `key`; the key's line if ruamel kept none."""
    try:
        return item_line(mapping[key], index)
    except (AttributeError, KeyError, TypeError, IndexError):
        return key_line(mapping, key)
