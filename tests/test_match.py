"""Matcher rules, one test each, on the real registry and on texts of our own."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from dossier.annotate.actors import Actor, Variant, expand_variants, load_actors
from dossier.annotate.match import _sentence_start, build_matcher
from dossier.annotate.mentions import Mention, find_mentions
from dossier.annotate.normalise import _WORD, atoms, key
from dossier.index.corpus import load_corpus
from dossier.parse.article import parse_article
from dossier.read.seedfile import read_seed

ROOT = Path(__file__).resolve().parents[1]
ACTORS, _ = load_actors(ROOT)
MATCHER = build_matcher(ACTORS)


def mentions(text: str) -> list[Mention]:
    seed, _ = read_seed("seeds/t.txt", f"Titel\n{text}\n".encode())
    assert seed is not None
    article, _ = parse_article(seed)
    return find_mentions(MATCHER, article)


def linked(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.actor) for m in mentions(text)]


def test_every_generated_spelling_links() -> None:
    assert linked("Siarhei Tsikhanouski und Sjarhej Zichanouski und Sergey Tikhanovsky.") == [
        ("Siarhei Tsikhanouski", "sergej-tichanowski"), ("Sjarhej Zichanouski", "sergej-tichanowski"),
        ("Sergey Tikhanovsky", "sergej-tichanowski")]


def test_normalisation_ignores_case_diacritics_and_stress_accents() -> None:
    assert linked("SIARHIEJ CICHANOUSKI traf Александр Лука́шенко.") == [
        ("SIARHIEJ CICHANOUSKI", "sergej-tichanowski"), ("Александр Лука́шенко", "alexander-lukaschenko")]


def test_genitives_german_and_english() -> None:
    text = "Alexander Lukaschenko, Swetlana Tichanowskaja: Lukaschenkos Plan, Tichanowskajas Stab, Lukashenka’s aim."
    assert [m.actor for m in mentions(text)] == ["alexander-lukaschenko", "swetlana-tichanowskaja",
                                                  "alexander-lukaschenko", "swetlana-tichanowskaja",
                                                  "alexander-lukaschenko"]


def test_hyphenated_compounds_are_split() -> None:
    assert linked("Alexander Lukaschenko und das Lukaschenko-Regime.")[1] == ("Lukaschenko", "alexander-lukaschenko")


def test_longest_match_wins() -> None:
    found = mentions("Der Internationale Strafgerichtshof und das US-Außenministerium.")
    assert [m.actor for m in found] == ["us-aussenministerium"]
    assert found[0].surface == "US-Außenministerium"


def test_surname_alone_links_only_where_the_full_name_appears() -> None:
    assert linked("Im Herbst 2014 war es kalt.") == []
    assert linked("John Herbst sagt, so Herbst, dies.") == [("John Herbst", "john-herbst"), ("Herbst", "john-herbst")]


def test_shared_surname_resolves_to_the_person_named_in_full() -> None:
    assert linked("Nikolai Lukaschenko ist der Sohn; Lukaschenko junior.") == [
        ("Nikolai Lukaschenko", "nikolai-lukaschenko"), ("Lukaschenko", "nikolai-lukaschenko")]
    assert linked("Nikolai Lukaschenko und Alexander Lukaschenko; Lukaschenko sagte.")[-1][0] != "Lukaschenko"


def test_first_name_alone_never_links() -> None:
    assert linked("Sergej Tichanowski und seine Frau Swetlana; Wladimir sagte nichts.") == [
        ("Sergej Tichanowski", "sergej-tichanowski")]


def test_men_and_women_are_different_actors() -> None:
    assert [m.actor for m in mentions("Sergej Tichanowski und Swetlana Tichanowskaja; Tichanowski, Tichanowskaja.")] \
        == ["sergej-tichanowski", "swetlana-tichanowskaja", "sergej-tichanowski", "swetlana-tichanowskaja"]


def test_acronyms_match_only_in_capitals() -> None:
    assert linked("He told us that the US and NATO agree.") == [("US", "usa"), ("NATO", "nato")]


def test_urls_in_notes_are_not_mentions() -> None:
    found = mentions("Alexander Lukaschenko sprach (1).\nAnmerkungen:\n- Siehe https://n-tv.de/Trump-lobt-Lukaschenko-article1.html")
    assert [m.part for m in found] == ["text"]


def test_every_mention_is_explained() -> None:
    found = mentions("Aljaksandr Lukaschenka sprach.")[0]
    assert (found.form, found.scheme, found.source_form, found.start, found.end) == (
        "Aljaksandr Lukaschenka", "be-de", "Аляксандр Лукашэнка", 0, 22)


def test_seed_mentions_count_toward_the_right_actor() -> None:
    corpus = load_corpus(ROOT)
    per = Counter((m.article, m.actor) for m in corpus.mentions)
    second = "004_b82fb9a90bbfc716"
    assert per[(second, "sergej-tichanowski")] == 5     # 2x Tichanowskij, Zichanouski (n. 9), 2x in n. 10
    # text (full name, and "Seine Gattin Swetlana": first name alone, named in full in the
    # article), n. 9, Tichanowskajas + Tsikhanouskaya’s (n. 11)
    assert per[(second, "swetlana-tichanowskaja")] == 5
    assert per[("000_150b3505b4883b8c", "john-herbst")] == 4
    assert per[(second, "john-herbst")] == 0            # "vom Herbst 2014"
    note8 = [m for m in corpus.mentions if m.article == second and m.part == "note-8"]
    assert [m.surface for m in note8] == ["Trump", "Lukaschenko", "Trump", "Lukaschenko"]
    assert {m.surface for m in corpus.mentions if m.actor == "alexander-lukaschenko"} >= {
        "Lukaschenko", "Lukashenko", "Alexander Lukaschenko", "Alexander Lukashenko", "Александр Лукашенко",
        "Lukaschenkos"}


@pytest.mark.parametrize(("text", "actor"), [
    ("Aljaksandr Lukaschenka met Sviatlana Tsikhanouskaya's team.", "alexander-lukaschenko"),
    ("Sviatlana Tsikhanouskaya's office in Vilnius; Tsikhanouskaya said.", "swetlana-tichanowskaja"),
    ("Wiktor Chrenin, Belarus' defence minister, met Viktor Khrenin's staff.", "viktor-chrenin"),
])
def test_unregistered_spellings_link_without_registry_changes(text: str, actor: str) -> None:
    found = mentions(text)
    assert actor in {m.actor for m in found}
    spellings = {v.form for a in ACTORS for v in a.variants if v.scheme is None}
    assert any(m.surface.rstrip("'s") not in spellings for m in found if m.actor == actor)


def test_expand_variants_keeps_source_and_scheme() -> None:
    variants = expand_variants("X", None, "Ціханоўскі", [])
    assert ("Zichanouski", "Ціханоўскі", "be", "be-de") in [(v.form, v.source_form, v.language, v.scheme) for v in variants]


def test_registry_has_both_source_forms_for_belarusians() -> None:
    by_id: dict[str, Actor] = {a.id: a for a in ACTORS}
    for person in ("alexander-lukaschenko", "sergej-tichanowski", "swetlana-tichanowskaja", "viktor-chrenin"):
        assert by_id[person].ru and by_id[person].be


def test_a_shared_spelling_links_only_where_one_claimant_is_named_in_full() -> None:
    first = Actor("anna-b", "Anna B", "person", "x", "r", 1, gender="f",
                  variants=(Variant("Anna B"), Variant("A. B.")), shared=frozenset({"a. b."}))
    second = Actor("arno-b", "Arno B", "person", "y", "r", 2, gender="m",
                   variants=(Variant("Arno B"), Variant("A. B.")), shared=frozenset({"a. b."}))
    matcher = build_matcher([first, second])

    def who(text: str) -> list[tuple[str, str]]:
        seed, _ = read_seed("seeds/t.txt", f"Titel\n{text}\n".encode())
        assert seed is not None
        article, _ = parse_article(seed)
        return [(m.surface, m.actor) for m in find_mentions(matcher, article)]

    assert who("Laut A. B. kam es so.") == []
    assert who("Arno B sagte das; A. B. bestätigte.") == [("Arno B", "arno-b"), ("A. B", "arno-b")]


def test_sentence_start_looks_back_over_openers_only() -> None:
    """A hit starts a sentence when only spaces, quotes and brackets stand between it and the
    text's beginning or a sentence end: the same answer as stripping everything before it,
    without copying that (a long block made every hit copy all before it)."""
    rng = random.Random(7)
    chars = " \u00a0\"'„“”‚‘’«»(.!?\nab,"
    for _ in range(3000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 10)))
        for start in range(len(text) + 1):
            stripped = text[:start].rstrip(" \u00a0\"'„“”‚‘’«»(")[-1:]
            assert _sentence_start(text, start) == (stripped in ("", ".", "!", "?", "\n")), (text, start)
    assert _sentence_start("Er sagte: „ (Lukaschenko", 13) is False
    assert _sentence_start("Ende. „Lukaschenko", 7) is True


def test_words_are_the_matches_of_the_word_pattern_with_their_keys() -> None:
    """atoms cuts a text at its words in one split and sums lengths for the offsets: the same
    (start, end, key) as one match object per word, whatever stands around and inside words
    (hyphens, apostrophes, soft hyphens, zero-width characters, stress accents, digits)."""
    rng = random.Random(11)
    chars = "ab Zä-’'\u00ad\u200b\u0301 1.\n,Тиé_ł"
    for _ in range(5000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        expected = [(m.start(), m.end(), key(m.group(0))) for m in _WORD.finditer(text)]
        assert atoms(text) == expected, repr(text)
    assert atoms("Lukaschenko-Regime, Lukashenka’s") == [(0, 11, "lukaschenko"), (12, 18, "regime"),
                                                         (20, 32, "lukashenkas")]
