"""Read one seed file: bytes -> checked text, optional YAML front matter, body with line offset.

Seeds arrive by pull request, so everything here assumes hostile or broken input and turns
each problem into a one-line Diagnostic naming the file and line. Nothing is ever written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from dossier.model import Diagnostic
from dossier.read.yamlfile import key_line, load_yaml

# Limits (README, CONTRIBUTING): one article at most 1 MiB, a metadata value one line of at
# most 300 characters, a publication date between 1900 and 2100 (date arithmetic on relative
# phrases stays far from the calendar's ends).
MAX_SEED_BYTES = 1024 * 1024
MAX_FIELD_CHARS = 300
MIN_YEAR, MAX_YEAR = 1900, 2100
FRONT_MATTER_KEYS = ("title", "date", "author", "outlet", "url", "language", "license")
LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class SeedText:
    """A decoded seed: `body` starts at file line `body_line` (1-based)."""

    path: str
    body: str
    body_line: int
    front_matter: dict[str, tuple[str, int]]


def _line_of_byte(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def decode(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text with Unix line ends; None plus an error when the bytes are unusable."""
    if len(data) > MAX_SEED_BYTES:
        size = len(data) / (1024 * 1024)
        return None, [Diagnostic(path, None, "error",
                                 f"file is {size:.1f} MiB; one article may be at most 1 MiB",
                                 "seed-too-large")]
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [Diagnostic(path, _line_of_byte(data, nul), "error",
                                 "file contains a NUL byte: is it a binary or UTF-16 file? "
                                 "Save it as UTF-8 text", "seed-nul")]
    notes: list[Diagnostic] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append(Diagnostic(path, 1, "info", "UTF-8 byte order mark ignored", "seed-bom"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of_byte(data, exc.start)
        byte = data[exc.start]
        return None, [Diagnostic(path, line, "error",
                                 f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8 "
                                 "(it looks like Windows-1252 or Latin-1)", "seed-encoding")]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append(Diagnostic(path, None, "info", "CR/CRLF line ends read as LF", "seed-crlf"))
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return None, notes + [Diagnostic(path, None, "error",
                                         "file is empty or holds only white space", "seed-empty")]
    return text, notes


_FENCE = re.compile(r"^---[ \t]*$")


def split_front_matter(path: str, text: str) -> tuple[SeedText | None, list[Diagnostic]]:
    """Separate an optional `---` … `---` YAML block from the body and validate its keys."""
    lines = text.split("\n")
    start = _fence_after_blank_lines(lines)
    if start is None:
        return SeedText(path, text, 1, {}), []
    end = next((i for i in range(start + 1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return None, [Diagnostic(path, start + 1, "error",
                                 "front matter starts with '---' but has no closing '---' line",
                                 "front-matter-unclosed")]
    fm, diags = _parse_front_matter(path, "\n".join(lines[start + 1:end]), start + 2)
    body = "\n".join(lines[end + 1:])
    if any(d.severity == "error" for d in diags):
        return None, diags
    if not body.strip():
        return None, diags + [Diagnostic(path, end + 1, "error",
                                         "the article has front matter but no text", "seed-empty")]
    return SeedText(path, body, end + 2, fm), diags


_KEY_LINE = re.compile(r"(?:" + "|".join(FRONT_MATTER_KEYS) + r")[ \t]*:")


def _fence_after_blank_lines(lines: list[str]) -> int | None:
    """The index of the line opening the front matter: the first line, or after blank lines
    (a paste that starts with an empty line) when a known key follows the fence; None when
    the text has no front matter (a "---" after blank lines may be a rule of the text)."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _FENCE.match(lines[start]):
        return None
    if start == 0:
        return 0
    following = next((line for line in lines[start + 1:] if line.strip()), "")
    return start if _KEY_LINE.match(following) else None


# Front matter is a handful of `key: value` lines, and ruamel.yaml's pure-Python parser takes
# most of the time of parsing a whole article for them (0.7 ms each). Lines of the plainest
# shapes are read here directly, with the value YAML gives them; anything else (another key,
# a duplicate, a comment, a number, a continuation line, an escape, a word YAML reads as true
# or null …) goes to ruamel as before, which also writes every diagnostic.
_SIMPLE_LINE = re.compile(r"(?P<key>" + "|".join(FRONT_MATTER_KEYS) + r"): +(?P<value>.*?) *")
_QUOTED = re.compile(r'"[^"\\]*"|\'[^\']*\'')
_PLAIN = re.compile(r"[^\W\d_](?:(?!: | #)[^\t])*(?<!:)")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def simple_front_matter(yaml_text: str) -> list[tuple[str, str, int]] | None:
    """(key, value, line in the block) for each line when every line has one of the plainest
    shapes (a known key, then a quoted text without escapes, a plain text that starts with a
    letter, or a date), else None: then YAML itself must read the block."""
    found: list[tuple[str, str, int]] = []
    for index, line in enumerate(yaml_text.split("\n")):
        if not line.strip(" "):
            continue
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None or not line.isprintable() or any(key == match["key"] for key, _, _ in found):
            return None
        value = match["value"]
        if _QUOTED.fullmatch(value):
            value = value[1:-1]
        elif not _DATE.fullmatch(value) and (not _PLAIN.fullmatch(value) or value.lower() in _YAML_WORDS):
            return None
        found.append((match["key"], value, index))
    return found or None


# YAML's two messages for the most common slip, a title holding ": " or starting with a quote.
_QUOTE_HINT = ("; a value that holds ': ', starts with a quote mark or holds ' #' must be quoted as a whole: "
               "title: \"Belarus: Lukaschenko lässt frei\"")
_TEXT_KEYS = ("title", "author", "outlet", "license")


def _parse_front_matter(path: str, yaml_text: str, first: int = 2
                        ) -> tuple[dict[str, tuple[str, int]], list[Diagnostic]]:
    """`first`: the file line of the block's first line."""
    simple = simple_front_matter(yaml_text)
    if simple is not None:
        result: dict[str, tuple[str, int]] = {}
        problems: list[Diagnostic] = []
        for key, value, index in simple:
            checked, problem = _check_value(key, value)
            problems += _empty(path, key, value, index + first)
            if problem:
                problems.append(Diagnostic(path, index + first, "error", problem, "front-matter-value"))
            elif checked is not None:
                result[key] = (checked, index + first)
        return result, problems
    data, diags = load_yaml(path, yaml_text, first_line=first)
    if diags:
        return {}, [replace(d, message="front matter: " + d.message
                            + (_QUOTE_HINT if d.code == "yaml" and "not valid YAML:" in d.message else ""),
                            code="front-matter-yaml")
                    for d in diags]
    if data is None:
        return {}, []
    if not isinstance(data, CommentedMap):
        return {}, [Diagnostic(path, first, "error",
                               "front matter must be a mapping of 'key: value' lines",
                               "front-matter-shape")]
    result = {}
    raw = yaml_text.split("\n")
    for key, value in data.items():
        line = key_line(data, key, first_line=first)
        if key not in FRONT_MATTER_KEYS:
            named = f"unknown front-matter key '{key}'" if key not in (None, "") else "a line with ':' but no key"
            diags.append(Diagnostic(path, line, "error", f"{named} (allowed: {', '.join(FRONT_MATTER_KEYS)})",
                                    "front-matter-key"))
            continue
        checked, problem = _check_value(str(key), value)
        diags += _empty(path, str(key), value, line)
        if problem:
            diags.append(Diagnostic(path, line, "error", problem, "front-matter-value"))
            continue
        if key in _TEXT_KEYS:
            written = raw[line - first] if 0 <= line - first < len(raw) else ""
            if slip := _text_slip(str(key), value, written):
                diags.append(Diagnostic(path, line, "warning", slip, "front-matter-unquoted"))
        if checked is not None:
            result[str(key)] = (checked, line)
    return result, diags


def _empty(path: str, key: str, value: object, line: int) -> list[Diagnostic]:
    """A warning for a key given as blank text (`title: ""`), which counts as not given."""
    if not isinstance(value, str) or value.strip():
        return []
    return [Diagnostic(path, line, "warning", f"'{key}' is empty, so it is read from the text as if not given; "
                       "write it or leave the key out", "front-matter-empty")]


def _text_slip(key: str, value: object, written: str) -> str | None:
    """A text value YAML read otherwise than written: a number ("1e3" became 1000.0) or one cut
    at " #", where a YAML comment starts ("Proteste in Minsk #Belarus")."""
    after = written.partition(":")[2].strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (f"'{key}: {after}' is read by YAML as the number {value!r}; put it in quotes "
                f"({key}: \"{after}\") to keep it as written")
    if isinstance(value, str) and after[:1] not in ("'", '"', "|", ">") and " #" in after:
        return (f"'{key}' is cut at ' #', where a YAML comment starts, and reads '{value}'; put the whole value "
                f"in quotes to keep '{after.partition(' #')[2].strip()}'")
    return None


def _check_value(key: str, value: object) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if key == "date":
        try:
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return None, f"date '{value}' is not a real calendar date in the form YYYY-MM-DD"
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            return None, f"date '{value}' lies outside the years {MIN_YEAR}–{MAX_YEAR} that a news article can have"
        return day.isoformat()[:10], None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None, f"'{key}' must be a single line of text"
    text = str(value).strip()
    if not text:
        return None, None        # as if not given; _empty() says so
    if "\n" in text:
        return None, f"'{key}' must be a single line of text"
    if len(text) > MAX_FIELD_CHARS:
        return None, f"'{key}' is {len(text)} characters long; at most {MAX_FIELD_CHARS} are allowed"
    if key == "language" and text not in LANGUAGES:
        return None, f"language '{text}' is not supported (use one of: {', '.join(LANGUAGES)})"
    if key == "url" and (problem := _url_problem(text)):
        return None, f"url '{text}' {problem}"
    return text, None


# Characters RFC 3986 does not allow in an address unless percent-encoded; a browser's address
# bar copies them encoded, so a raw one is a paste error (or an attempt to break out of an
# attribute).
_NOT_IN_URL = re.compile(r"[\s\"'<>\\^`{|}]")


def _url_problem(text: str) -> str | None:
    """Why `text` is not an http(s) address a reader can follow, or None."""
    if not re.match(r"https?://", text, re.I):
        return "must start with http:// or https://"
    bad = _NOT_IN_URL.search(text)
    if bad:
        char = "a space" if bad.group().isspace() else f"'{bad.group()}'"
        return f"contains {char}, which an address must write percent-encoded (%{ord(bad.group()):02X})"
    host = text.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    if not re.fullmatch(r"[\w.-]+(:\d{1,5})?|\[[0-9a-fA-F:.]+\](:\d{1,5})?", host) or not host.strip(".:"):
        return "has no valid host name after the '//'"
    return None


_SLUG_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slug_for(path: str) -> str:
    """URL slug from a seed's file name: ASCII, lower case, digits, '-' and '_' only."""
    stem = Path(path).name
    stem = stem[:-4] if stem.lower().endswith(".txt") else stem
    folded = unicodedata.normalize("NFKD", stem.translate(_SLUG_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9_]+", "-", ascii_only).strip("-_")


def read_seed(path: str, data: bytes) -> tuple[SeedText | None, list[Diagnostic]]:
    text, diags = decode(path, data)
    if text is None:
        return None, diags
    seed, more = split_front_matter(path, text)
    return seed, diags + more
