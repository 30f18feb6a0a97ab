"""What a word next to a name says: common words, titles, patronymics, spelling skeletons.

- A *common word* of a language is one that is frequent there and much rarer in the other
  languages: "Herbst" in German, "small" in English. Names are frequent everywhere or nowhere
  ("Putin", "Trump", "Clinton" have similar frequencies across languages), so the ratio
  separates them without a hand list. Frequencies come from `wordfreq` (a maintained list).
- A *given-name-like* word is a capitalised word that is frequent in English (wordfreq covers
  names from news and subtitles) but is not a common word of any of the languages: "Hillary",
  "Eduard". "Hillary Clinton" is then not a surname-only mention of Bill Clinton.
- Title and role words that make a following surname a reference to a person ("President",
  "Präsident", "Machthaber", "Secretary", "Mr."). A closed list of job titles: no library
  lists them for German and English, so it is written here.
- Patronymics are recognised by shape (-owitsch, -ovich, -ovna, -auna, Cyrillic -вич/-вна …).
- *Place names* (countries and territories, and the cities of the time-zone database, in German
  and English) come from CLDR via Babel and from the IANA zone names: "Burkina Faso" is no
  person even though "Burkina" looks like a given name.
- A transliteration *skeleton* folds the letters that schemes write differently
  (kh/ch/h, ts/z/c/s, w/v/ŭ, j/y/i, -ij/-yj/-i/-y, doubled letters), so an unseen spelling of a
  known surname ("Tsihanouskaya") has the same skeleton as a generated one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from statistics import median

from dossier.annotate.normalise import key

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl")
COMMON_MIN = 3.0        # zipf: about once in 10^6 words, or more often
COMMON_MARGIN = 1.0     # ten times more frequent than the median of the other languages


# Word frequencies already looked up, by (word, language). wordfreq loads a whole frequency
# list (about 0.15 s each, seven languages) at a word's first lookup; the corpus loader keeps
# this table in the cache (index/corpus.py), so a `make check` after a small change asks
# wordfreq only about words it has never seen. The values are wordfreq's own.
ZIPF: dict[tuple[str, str], float] = {}


def zipf_frequency(word: str, language: str) -> float:
    """wordfreq's zipf frequency of `word` in `language`, looked up once."""
    found = ZIPF.get((word, language))
    if found is None:
        # imported here: wordfreq and what it loads take 0.1 s to import, which a `make check`
        # whose words are all in the cached table never needs
        from wordfreq import zipf_frequency as wordfreq_zipf

        found = ZIPF[(word, language)] = wordfreq_zipf(word, language)
    return found


def preload(languages: tuple[str, ...]) -> None:
    """Load wordfreq's frequency lists of `languages` and the place names now: a process
    that forks workers afterwards hands them down instead of each worker loading its own."""
    from wordfreq import zipf_frequency as wordfreq_zipf
    for language in languages:
        wordfreq_zipf("und", language)       # any lookup loads the language's whole list
    place_names()


@lru_cache(maxsize=1 << 16)
def is_common_word(word: str, language: str) -> bool:
    """True when `word` is an ordinary word of `language` ("herbst" in de, "small" in en)."""
    lower = key(word)
    here = zipf_frequency(lower, language)
    if here < COMMON_MIN:
        return False
    others = [zipf_frequency(lower, other) for other in LANGUAGES if other != language]
    return here - median(others) >= COMMON_MARGIN


@lru_cache(maxsize=1 << 16)
def looks_like_given_name(word: str) -> bool:
    """A capitalised, known, non-common word: a given name of someone not in the registry."""
    if not word[:1].isupper() or word.isupper() or len(word) < 3:
        return False
    lower = key(word)
    if zipf_frequency(lower, "en") < 2.5 or lower in TITLES:
        return False
    return not any(is_common_word(word, language) for language in LANGUAGES)


# Job titles and forms of address that stand before a surname, in German and English (keys).
def _words(text: str) -> frozenset[str]:
    return frozenset(key(w) for w in text.split())


TITLES = _words("""
    president präsident präsidenten präsidentin staatspräsident staatspräsidenten staatschef
    staatschefs machthaber machthabers langzeitherrscher diktator diktators autokrat autokraten
    herrscher herrschers regierungschef kanzler kanzlerin premier premierminister ministerpräsident
    minister ministerin außenminister außenministerin verteidigungsminister innenminister
    senator senatorin senators abgeordnete abgeordneten botschafter botschafterin sondergesandte
    sondergesandten gesandte gesandten oppositionsführerin oppositionsführer oppositionelle
    oppositionellen oppositionspolitiker oppositionspolitikerin bürgerrechtlerin bürgerrechtler
    menschenrechtler menschenrechtlerin blogger bloggerin journalist journalistin vizepräsident
    secretary senator senators representative rep sen ambassador envoy chairman chairwoman
    minister leader strongman dictator autocrat governor general admiral pope king queen prince
    premier chancellor spokesman spokeswoman spokesperson adviser advisor director
    mr mrs ms dr prof herr frau
""")


# Articles, prepositions and determiners that make the next word a common noun ("im Herbst",
# "der Herbst", "last fall"): a closed grammatical class, so a short list.
DETERMINERS = _words("""
    der die das des dem den ein eine einem einen einer eines im am vom zum zur beim ins ans
    seit bis ab nach vor über unter jeden jedem jeder dieses diesem diesen dieser jenem
    letzten letzter nächsten kommenden vergangenen frühen späten mitten
    the a an this that these those last next every each of in since until by during early late
""")


# Patronymic endings, on keys (diacritics already dropped: -avič -> -avic, -аўна -> -ауна).
_PATRONYMIC_M = re.compile(r"(?:[aoe]vi[cč]h?|[aoe]witsch|[aoe]wicz|[aoe]vych|вич|віч)$")
_PATRONYMIC_F = re.compile(r"(?:[aoe]vna|[aoe]wna|[aoe]una|ichna|ична|вна|уна)$")


def patronymic_gender(word: str) -> str | None:
    """'m' or 'f' when `word` has the shape of a patronymic, else None."""
    k = key(word)
    if len(k) < 6:
        return None
    if _PATRONYMIC_M.search(k):
        return "m"
    if _PATRONYMIC_F.search(k):
        return "f"
    return None


_SKELETON_STEPS = (
    (r"x", "ks"),                     # Maxim / Maksim, Alexander / Aleksandr
    (r"(?:shch|schtsch)", "S"),
    (r"(?:tsch|tch|č|ć)", "H"),       # ч: German tsch, English ch (folded with х, see below)
    (r"(?:sch|sh|zh|ž|š)", "S"),
    (r"(?:kh|ch|h)", "H"),          # х: German ch, English kh, a bare h in some texts
    (r"(?:ts|tz|z|c|ś|ź|s)", "Z"),
    (r"(?:w|v|ŭ)", "V"),
    (r"(?<=[aeiouy])u", "V"),                          # -ou- / -ov- (Zichanouski, Tikhanovsky)
    (r"(?:ij|yj|iy|yi|ii|j|y)", "i"),
    (r"(.)\1+", r"\1"),                                # doubled letters (Protassewitsch)
)


def split_full_name(form: str, surname: str | None = None) -> tuple[str, str] | None:
    """(given names, surname) of a person's full name; None for a single word. The one place
    that decides what a surname is, for the registry (matcher) and for unknown names
    (candidates): the registry's `surname` where the form ends or starts with it ("Kim
    Jong-un", "Hans van der Berg"); else the last word, skipping a patronymic before it
    ("Aljaksandr Ryhorawitsch Lukaschenka" -> Aljaksandr, Lukaschenka)."""
    form = " ".join(form.split())
    if surname and form.endswith(" " + surname):
        return form[: -len(surname)].strip(), surname
    if surname and form.startswith(surname + " "):
        return form[len(surname):].strip(), surname   # family name first: Kim Jong-un
    words = form.split()
    if len(words) < 2:
        return None
    if len(words) >= 3 and patronymic_gender(words[-2]):
        return " ".join(words[:-2]), words[-1]
    return " ".join(words[:-1]), words[-1]


def sorted_name(form: str, surname: str | None = None) -> str:
    """A person's name as a register lists it, by split_full_name: the surname first, then
    every other word as written ("Tsikhanouski, Siarhei", "Lukaschenka, Aljaksandr
    Ryhorawitsch")."""
    parts = split_full_name(form, surname)
    if parts is None:
        return form
    words, last = " ".join(form.split()), parts[1]
    rest = words[: -len(last)] if words.endswith(" " + last) else words[len(last):]
    return f"{last}, {rest.strip()}"


# The place names once built (place_names); the corpus loader keeps them in the cache next to
# the word frequencies, so a `make check` does not open Babel's locale data for them.
PLACES: list[frozenset[tuple[str, ...]]] = []


def place_names() -> frozenset[tuple[str, ...]]:
    """Names of countries, territories and big cities in German and English, as tuples of word
    keys ("burkina", "faso"). Built once: CLDR territory and exemplar-city names (Babel) and the
    city part of the IANA time-zone ids ("Europe/Minsk")."""
    if PLACES:
        return PLACES[0]
    from zoneinfo import available_timezones

    from babel import Locale

    from dossier.annotate.normalise import atoms

    names: set[str] = set()
    for language in ("de", "en"):
        locale = Locale.parse(language)
        names.update(name for code, name in locale.territories.items() if not code.isdigit())
        names.update(str(zone["city"]) for zone in locale.time_zones.values() if "city" in zone)
    names.update(zone.rsplit("/", 1)[-1].replace("_", " ") for zone in available_timezones() if "/" in zone)
    PLACES.append(frozenset(keys for name in names if (keys := tuple(a for _, _, a in atoms(name)))))
    return PLACES[0]


def is_place_name(words: tuple[str, ...]) -> bool:
    """The word keys `words` are a whole country, territory or city name ("burkina", "faso")."""
    return words in place_names()


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Transliteration-blind form of a Latin name: Tsikhanouskaya, Tsihanouskaya, Zichanouskaja
    and Tikhanovskaya all give the same skeleton."""
    # German ch is х (Chrenin), English ch is ч (Chernobyl): schemes disagree on exactly this
    # letter, so х and ч share one skeleton letter.
    out = key(word)
    for pattern, repl in _SKELETON_STEPS:
        out = re.sub(pattern, repl, out)
    return out


# A hand-typed alias that is one of the most frequent words of German or English ("Die",
# "Er", "Will") would link in nearly every sentence. Frequencies come from wordfreq (Zipf scale:
# 6 = once per thousand words); 5.5 catches function words but not names such as "China".
COMMON_WORD_ZIPF = 5.5


# A one-word name of a person, organisation or medium that is this common a word: German
# capitalises every noun, so "Bild" would link "Das Bild zeigt …". (States are common words
# by nature: "Russland", "China".)
COMMON_NAME_ZIPF = 5.0


def common_word_problem(alias: str, field: str = "alias", threshold: float = COMMON_WORD_ZIPF) -> str | None:
    if " " in alias.strip() or alias.isupper():
        return None  # several words, or an acronym (matched in capitals only)
    for language, name in (("de", "German"), ("en", "English")):
        if zipf_frequency(alias, language) >= threshold:
            return (f"{field} '{alias}' is one of the most common words of {name}; it would link "
                    "in almost every text. Use a longer form")
    return None


# What a spelling may hold besides letters and digits: the separators name matching reads
# ("Kassym-Schomart", "U.S.", "O’Brien"). Anything else it skips, so "C++" would link every "C"
# and "AT&T" would never match.
_SPELLING_MARKS = frozenset(" -.'’\u2011\u00a0")


def spelling_problem(form: str, field: str) -> str | None:
    """Why a registry spelling cannot be matched as written, or None."""
    odd = sorted({c for c in form if not c.isalnum() and c not in _SPELLING_MARKS})
    if odd:
        shown = " ".join(f"'{c}'" for c in odd)
        return (f"{field} '{form}' holds {shown}, which name matching skips: it would link other words or "
                "never match as written. Use letters, digits, spaces, hyphens, dots and apostrophes only "
                "(an abbreviation in brackets goes into 'aliases')")
    letters = sum(c.isalnum() for c in form)
    if not letters:
        return f"{field} is blank; write the name"
    if letters < 2:
        return f"{field} '{form}' is shorter than two letters; it would link every such letter"
    return None
