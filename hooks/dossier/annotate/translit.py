"""Romanise Russian and Belarusian Cyrillic names with named schemes.

Russian standard schemes come from `iuliia` (Wikipedia-English, BGN/PCGN, ICAO 9303,
scientific). No maintained library does German-for-Russian (Duden / de.wikipedia),
German-for-Belarusian, Belarusian national 2007, Łacinka, BGN/PCGN 1979 Belarusian or the
English press/passport form of Belarusian names, so those are written here by hand: each is a
table of letters, where a letter maps to a string or to a small set of context rules
(word start, after a vowel, after a consonant, between vowels, before a soft vowel, …).
Tables follow shared/design/transliteration.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import iuliia

Rule = str | Mapping[str, str]

RU_VOWELS = frozenset("аеёиоуыэюя")
BE_VOWELS = frozenset("аеёіоуыэюя")
# After these a iotated vowel keeps its j-sound: vowels, signs, ў and apostrophes.
_OPENERS = frozenset("ьъў'’ʼ")
_SIBILANTS = frozenset("жчшщ")
_SOFTENERS = frozenset("ьеёюяі")


@dataclass(frozen=True)
class Scheme:
    id: str
    language: str          # "ru" or "be": the source form it romanises
    label: str             # German name of the scheme, shown on the site
    letters: Mapping[str, Rule]
    clusters: Mapping[str, str] = field(default_factory=dict)
    finals: Mapping[str, str] = field(default_factory=dict)
    soften: Mapping[str, str] = field(default_factory=dict)  # consonant + ь -> one letter

    def romanise(self, text: str) -> str:
        return _romanise(self, text)


def _letter_context(word: str, i: int, vowels: frozenset[str]) -> set[str]:
    prev = word[i - 1] if i > 0 else ""
    nxt = word[i + 1] if i + 1 < len(word) else ""
    ctx = {"default"}
    if not prev:
        ctx.add("initial")
    if prev and (prev in vowels or prev in _OPENERS):
        ctx.add("after_vowel")
    if prev and prev not in vowels and prev not in _OPENERS:
        ctx.add("after_consonant")
    if prev in _SIBILANTS:
        ctx.add("after_sibilant")
    if prev == "л":
        ctx.add("after_l")
    if prev == "ь":
        ctx.add("after_soft_sign")
    if prev in vowels and nxt in vowels:
        ctx.add("between_vowels")
    if nxt in vowels:
        ctx.add("before_vowel")
    if nxt in _SOFTENERS:
        ctx.add("before_soft")
    return ctx


# Order in which context rules are tried; the first one present in a rule and true wins.
_PRECEDENCE = ("initial", "after_sibilant", "after_l", "after_soft_sign", "between_vowels",
               "after_vowel", "after_consonant", "before_soft", "before_vowel", "default")


def _apply(rule: Rule, ctx: set[str]) -> str:
    if isinstance(rule, str):
        return rule
    for key in _PRECEDENCE:
        if key in rule and key in ctx:
            return rule[key]
    return rule.get("default", "")


def _romanise_word(scheme: Scheme, word: str) -> str:
    vowels = BE_VOWELS if scheme.language == "be" else RU_VOWELS
    lower = word.lower()
    for ending, replacement in scheme.finals.items():
        if lower.endswith(ending) and len(lower) > len(ending):
            return _romanise_word(scheme, word[: -len(ending)]) + replacement
    out: list[str] = []
    i = 0
    while i < len(lower):
        pair = lower[i:i + 2]
        if pair in scheme.clusters:
            out.append(scheme.clusters[pair])
            i += 2
            continue
        char = lower[i]
        if char == "ь" and scheme.soften and i > 0 and lower[i - 1] in scheme.soften and out:
            out[-1] = scheme.soften[lower[i - 1]]
        elif char in scheme.letters:
            out.append(_apply(scheme.letters[char], _letter_context(lower, i, vowels)))
        elif char not in "'’ʼ":
            out.append(char)
        i += 1
    return "".join(out)


def _romanise(scheme: Scheme, text: str) -> str:
    parts = re.split(r"([\s\-]+)", text)
    words = [_romanise_word(scheme, p) if p.strip(" -") else p for p in parts]
    return "".join(_restore_case(w, p) for w, p in zip(words, parts, strict=True))


def _restore_case(latin: str, cyrillic: str) -> str:
    if cyrillic[:1].isupper() and latin:
        return latin[0].upper() + latin[1:]
    return latin


# --- Russian -> German (Duden / de.wikipedia) ----------------------------------------------

_RU_DE_BASE: dict[str, Rule] = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d",
    "е": {"initial": "je", "after_vowel": "je", "default": "e"},
    "ё": {"after_sibilant": "o", "default": "jo"},
    "ж": "sch", "з": "s",
    "и": {"after_soft_sign": "ji", "default": "i"},
    "й": {"initial": "j", "before_vowel": "j", "default": "i"},
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": {"between_vowels": "ss", "default": "s"},
    "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
    "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}
RU_DE_DUDEN = Scheme("ru-de-duden", "ru", "Deutsch (Duden, de.wikipedia)", _RU_DE_BASE,
                     finals={"ий": "i", "ый": "y"})
RU_DE_PRESS = Scheme("ru-de-press", "ru", "Deutsch (Presseschreibung)",
                     {**_RU_DE_BASE, "й": "j"}, finals={"ий": "ij", "ый": "yj"})

# --- Belarusian schemes --------------------------------------------------------------------

_BE_COMMON: dict[str, Rule] = {
    "а": "a", "б": "b", "д": "d", "і": "i", "к": "k", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "т": "t", "у": "u", "ф": "f", "ы": "y", "э": "e", "ґ": "g", "л": "l",
    "з": "z", "с": "s", "в": "v", "г": "h", "'": "", "’": "",
}
BE_DE = Scheme("be-de", "be", "Deutsch (de.wikipedia, belarussisch)", {
    **_BE_COMMON, "в": "w", "ж": "sch", "з": "s",
    "е": {"initial": "je", "after_vowel": "je", "default": "e"},
    "ё": "jo", "ю": "ju", "я": "ja", "й": "j",
    "с": {"between_vowels": "ss", "default": "s"},
    "ў": "u", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "ь": "",
}, clusters={"дз": "ds", "дж": "dsch"})
BE_NATIONAL = Scheme("be-national-2007", "be", "Belarussisch, nationale Norm 2007", {
    **_BE_COMMON, "ж": "ž",
    "е": {"after_consonant": "ie", "default": "je"},
    "ё": {"after_consonant": "io", "default": "jo"},
    "ю": {"after_consonant": "iu", "default": "ju"},
    "я": {"after_consonant": "ia", "default": "ja"},
    "й": "j", "ў": "ŭ", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ь": "",
}, soften={"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"})
BE_LACINKA = Scheme("be-lacinka", "be", "Łacinka (klassisch)", {
    **_BE_COMMON, "ж": "ž",
    "л": {"before_soft": "l", "default": "ł"},
    "е": {"after_l": "e", "after_consonant": "ie", "default": "je"},
    "ё": {"after_l": "o", "after_consonant": "io", "default": "jo"},
    "ю": {"after_l": "u", "after_consonant": "iu", "default": "ju"},
    "я": {"after_l": "a", "after_consonant": "ia", "default": "ja"},
    "й": "j", "ў": "ŭ", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ь": "",
}, soften={"з": "ź", "л": "l", "н": "ń", "с": "ś", "ц": "ć"})
BE_BGN = Scheme("be-bgn-pcgn-1979", "be", "BGN/PCGN 1979 (belarussisch)", {
    **_BE_COMMON, "ж": "zh", "е": "ye", "ё": "yo", "ю": "yu", "я": "ya", "й": "y",
    "ў": "w", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ь": "’",
})
BE_PRESS = Scheme("be-en-press", "be", "Englisch (Presse, Reisepass)", {
    **_BE_COMMON, "ж": "zh", "е": "e",
    "ё": {"after_consonant": "io", "default": "yo"},
    "ю": {"after_consonant": "iu", "default": "yu"},
    "я": {"after_consonant": "ia", "default": "ya"},
    "й": "i", "ў": "u", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ь": "",
})
BE_ICAO = Scheme("be-icao-9303", "be", "ICAO Doc 9303 (belarussisch)", {
    **_BE_COMMON, "ж": "zh", "е": "e", "ё": "io", "ю": "iu", "я": "ia", "й": "i",
    "ў": "u", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ь": "",
})


@dataclass(frozen=True)
class LibraryScheme:
    """A Russian scheme taken from iuliia."""

    id: str
    language: str
    label: str
    schema_name: str

    def romanise(self, text: str) -> str:
        return str(iuliia.schemas.get(self.schema_name).translate(text))


RU_LIBRARY = (
    LibraryScheme("ru-wikipedia", "ru", "Englisch (Wikipedia)", "wikipedia"),
    LibraryScheme("ru-bgn-pcgn", "ru", "BGN/PCGN", "bgn_pcgn"),
    LibraryScheme("ru-icao-9303", "ru", "ICAO Doc 9303 (Reisepass)", "icao_doc_9303"),
    LibraryScheme("ru-scientific", "ru", "Wissenschaftliche Transliteration", "scientific"),
)

SCHEMES: tuple[Scheme | LibraryScheme, ...] = (
    RU_DE_DUDEN, RU_DE_PRESS, *RU_LIBRARY,
    BE_DE, BE_NATIONAL, BE_LACINKA, BE_BGN, BE_PRESS, BE_ICAO,
)
SCHEME_LABELS = {s.id: s.label for s in SCHEMES}


def romanisations(source: str, language: str) -> list[tuple[str, str]]:
    """(scheme id, spelling) for every scheme of `language` ("ru" or "be")."""
    return [(s.id, s.romanise(source)) for s in SCHEMES if s.language == language]


def is_script(text: str, language: str) -> bool:
    """True when `text` is Cyrillic of the given language (letters і/ў are Belarusian only,
    и/щ/ъ Russian only)."""
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters or not all("\u0400" <= c <= "\u04ff" for c in letters):
        return False
    if language == "be":
        return not set(letters) & set("иъщ")
    return not set(letters) & set("іў")
