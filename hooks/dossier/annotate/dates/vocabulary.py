"""Words of the date grammar, German and English, and the regular-expression pieces built
from them. Patterns are compiled case-insensitively (sentence-initial "Am Dienstag", "Last
week", upper-case date lines); month and weekday names alone keep their capital ("May I",
"march", "dienstags" are no dates), either capitalised or all upper case.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    # German (with Austrian forms) and English, full names and common abbreviations.
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "feber": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_FULL = [m for m in MONTHS if len(m) > 4 or m in ("mai", "may", "juni", "june", "juli", "july", "märz", "maerz")]
_ABBREVIATIONS = [m for m in MONTHS if m not in _FULL]

WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6}

SEASONS: dict[str, tuple[int, int]] = {
    "frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11), "winter": (12, 2),
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

PARTS: dict[str, str] = {"anfang": "early", "mitte": "mid", "ende": "late", "early": "early", "mid": "mid",
                         "late": "late", "beginning of": "early", "end of": "late", "the end of": "late",
                         "the beginning of": "early", "the middle of": "mid", "middle of": "mid"}

NUMBERS: dict[str, float] = {
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5,
    "fünfeinhalb": 5.5, "one and a half": 1.5, "two and a half": 2.5, "three and a half": 3.5,
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "a": 1, "an": 1, "one": 1, "zwei": 2, "two": 2,
    "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7,
    "seven": 7, "acht": 8, "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
    "zwölf": 12, "twelve": 12, "einigen": 3, "ein paar": 2, "a few": 2, "several": 3, "mehreren": 3}

UNITS: dict[str, str] = {
    "tag": "day", "tage": "day", "tagen": "day", "day": "day", "days": "day",
    "woche": "week", "wochen": "week", "week": "week", "weeks": "week",
    "monat": "month", "monate": "month", "monaten": "month", "month": "month", "months": "month",
    "jahr": "year", "jahre": "year", "jahren": "year", "year": "year", "years": "year"}

# Words that point back, forward, or at the current period ("vergangenen Freitag", "next October").
LAST = ("vergangenen", "vergangene", "vergangener", "vergangenes", "letzten", "letzte", "letzter", "letztes",
        "vorigen", "vorige", "voriger", "voriges", "last", "previous", "past")
NEXT = ("kommenden", "kommende", "kommender", "kommendes", "nächsten", "nächste", "nächster", "nächstes",
        "next", "coming", "upcoming")
THIS = ("diesen", "dieses", "diesem", "diese", "dieser", "this", "laufenden")

DECADE_WORDS: dict[str, int] = {"zwanziger": 20, "dreißiger": 30, "vierziger": 40, "fünfziger": 50,
                                "sechziger": 60, "siebziger": 70, "achtziger": 80, "neunziger": 90}


def direction(word: str | None) -> str:
    """"last", "next", "this" or "near" for a direction word (or none)."""
    word = (word or "").lower().strip()
    word = word.split()[-1] if word else word
    if word in LAST:
        return "last"
    if word in NEXT:
        return "next"
    if word in THIS:
        return "this"
    return "near"


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _alternation(words: list[str], suffix: str = "") -> str:
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    return "|".join(f + suffix for f in forms)


def _any(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# A month name (full, or abbreviated with a full stop); MA also accepts "Nov", only where
# digits stand next to it ("Nov 17, 2025", "Nov 2025").
_DOT, _OPTIONAL_DOT = r"\.", r"\.?"
M = f"(?-i:{_alternation(_FULL)}|{_alternation(_ABBREVIATIONS, _DOT)})"
MA = f"(?-i:{_alternation(_FULL)}|{_alternation(_ABBREVIATIONS, _OPTIONAL_DOT)})"
Y = r"(?:1[89]|20)\d\d"
D = r"(?:[12]\d|3[01]|0?[1-9])"
WD = rf"(?-i:{_alternation(list(WEEKDAYS))})"
SEASON = _any(list(SEASONS))
PART = r"anfang|mitte|ende|early|mid-?|late|(?:the\s+)?beginning\s+of|(?:the\s+)?end\s+of|(?:the\s+)?middle\s+of"
LAST_RE, NEXT_RE, THIS_RE = _any(LAST), _any(NEXT), _any(THIS)
DIR = f"{LAST_RE}|{NEXT_RE}|{THIS_RE}"
NUM = rf"\d{{1,3}}|{_any(list(NUMBERS))}"
UNIT = _any(list(UNITS))
ORD = r"(?:st|nd|rd|th)?"
