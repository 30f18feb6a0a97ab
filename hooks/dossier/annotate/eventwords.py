"""Words that say something happened: a general German and English lexicon of event words
(meetings, visits, releases, arrests, trials and sentences, elections, exercises, calls,
sanctions, agreements, interviews, protests, …), matched as whole words with their
inflections, never as prefixes: "frei" is not "Freitag", "Hand" not "Handel", "met" not
"method".

A word matches an entry when it is the entry plus one of the language's inflection endings;
German nouns (capitalised entries) also match as the head of a compound ("Gipfeltreffen",
"Präsidentschaftswahl"). Irregular forms (traf, getroffen, met, held) are entries of their own.
Written by hand: no maintained package offers such a lexicon for news in both languages.
"""

from __future__ import annotations

from functools import lru_cache

from dossier.annotate.normalise import atoms, key

# German verbs and participles, English verbs in their irregular forms; regular endings below.
_WORDS = """
treffen traf trafen getroffen begegnen begegnete empfangen empfing empfingen besuchen besuchte besucht
reisen reiste gereist fliegen flog geflogen eingetroffen angekommen verhandeln verhandelt
freilassen freigelassen frei freikommen freigekommen entlassen entließ begnadigen begnadigt
festnehmen festgenommen verhaften verhaftet inhaftieren inhaftiert entführen entführt verschleppt
abschieben abgeschoben ausweisen ausgewiesen verschwand verschwunden verlassen verließ fliehen floh geflohen flüchtete
verurteilen verurteilt angeklagt anklagen freigesprochen
wählen gewählt wiedergewählt abstimmen abgestimmt kandidieren kandidierte
telefonieren telefoniert anrufen angerufen
sanktionieren sanktioniert verhängen verhängt lockern gelockert aufheben aufgehoben verlängert verschärft
unterzeichnen unterzeichnet vereinbaren vereinbart geeinigt geschlossen eröffnen eröffnet
anerkennen anerkannt abberufen zurückgerufen
landen landete gelandet umleiten umgeleitet
protestieren protestiert demonstrieren demonstriert
angreifen angegriffen überfallen einmarschieren annektiert
sterben starb gestorben töten getötet
ankündigen angekündigt verkünden verkündet
meet met visit travel travelled traveled arrive release freed pardon
arrest detain abduct kidnap deport expel disappear vanish fled flee
sentence convict charged indict acquit
elect vote polls
phone phoned spoke talk
sanction impose imposed lift eased extend tighten
signed agree opened reopen recognize recognise establish recall
landed divert
protest demonstrate rally
attack invade invaded annex
died kill killed
interview announce inaugurate sworn host hosted
"""

# German nouns: also the head of a compound.
_NOUNS = """
Treffen Gipfel Gipfeltreffen Begegnung Empfang Besuch Reise Staatsbesuch Visite
Freilassung Entlassung Begnadigung Haftentlassung Austausch
Festnahme Verhaftung Inhaftierung Entführung Abschiebung Ausweisung
Urteil Verurteilung Prozess Anklage Gerichtsverfahren Freispruch
Wahl Wahlen Abstimmung Referendum Volksabstimmung Kandidatur
Manöver Übung Militärübung
Telefonat Anruf Gespräch Gespräche Verhandlung Verhandlungen Konferenz Sitzung Rede
Sanktion Sanktionen Abkommen Vereinbarung Vertrag Einigung Deal
Eröffnung Schließung Anerkennung
Landung Zwangslandung Umleitung
Protest Proteste Demonstration Kundgebung
Angriff Anschlag Invasion Einmarsch Annexion
Tod Interview Amtsantritt Amtseinführung Vereidigung Ankündigung Unterzeichnung
"""

_ENGLISH_NOUNS = """
meeting summit visit talks negotiations conference speech release exchange swap arrest detention
abduction deportation expulsion trial verdict sentence conviction election elections vote referendum
exercise exercises drill drills sanctions sanction agreement treaty accord deal
closure recognition landing diversion protest protests demonstration rally attack invasion
annexation death interview inauguration announcement ceremony
"""

_GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em", "n", "s", "t", "te", "ten", "et", "st", "est", "nen")
_ENGLISH_ENDINGS = ("", "s", "es", "ed", "d", "ing", "ings")

_VERBS = frozenset(key(w) for w in _WORDS.split())
_COMPOUND_HEADS = frozenset(key(w) for w in _NOUNS.split())
_PLAIN = _VERBS | _COMPOUND_HEADS | frozenset(key(w) for w in _ENGLISH_NOUNS.split())


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> frozenset[str]:
    """Every way to read `word` as an entry plus an ending."""
    found = set()
    for ending in (*_GERMAN_ENDINGS, *_ENGLISH_ENDINGS):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            found.add(word[:len(word) - len(ending)] if ending else word)
    if word.endswith("ing") and len(word) > 5:          # doubled consonant: "meeting" is whole, "planning"
        found.add(word[:-4])
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def is_event_word(word: str) -> bool:
    """`word` (a normalised key) is an event word, inflected or as a compound's head."""
    stems = _stems(word)
    if stems & _PLAIN:
        return True
    # a compound: "gipfeltreffen" = "gipfel" + "treffen"
    return any(_stems(word[i:]) & _COMPOUND_HEADS for i in range(3, len(word) - 2))


def event_words(text: str) -> list[str]:
    """The event words of a text, in order."""
    return [a for _, _, a in atoms(text) if is_event_word(a)]


def matches_word(word: str, entry: str) -> bool:
    """A registry trigger ("Freilassung", "met") matches `word` as itself plus an inflection
    ending, never as a prefix of a longer word."""
    return entry_key(entry) in _stems(word)


@lru_cache(maxsize=1 << 12)
def entry_key(entry: str) -> str:
    """A registry trigger as the key matches_word compares (the same few, asked often)."""
    return key(entry)


@lru_cache(maxsize=1 << 14)
def stems_of(words: tuple[str, ...]) -> frozenset[str]:
    """Every stem of every word: a trigger matches one of `words` (matches_word) exactly
    when its entry_key is in this set; one set lookup per trigger instead of one per word."""
    return frozenset().union(*map(_stems, words))
