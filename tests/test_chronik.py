"""Events, not sentences: which dated mentions reach the Chronik, how they read, and where they
stand. Throw-away projects through the core (no site build), plus the real seeds' properties."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project
from dossier.annotate.eventwords import is_event_word, matches_word
from dossier.annotate.normalise import key
from dossier.index.corpus import Corpus, load_corpus
from dossier.index.events import MAX_UNCURATED, Event, clause_around, find_event_mentions
from dossier.model import Article
from dossier.render.events import actor_events_section
from dossier.render.timeline import render_timeline

PRESS_RELEASE = """Senators Welcome Progress on Belarus Prisoners
Nov 17, 2025
WASHINGTON – Lawmakers today urged caution in future negotiations with the Lukashenka regime.

"We were very encouraged by the June 21, 2025 release of 14 political prisoners who had been unjustly held in Belarus," the lawmakers wrote.
"""


def corpus_of(tmp_path: Path, seeds: dict[str, bytes | str]) -> Corpus:
    return load_corpus(make_project(tmp_path, seeds))


def by_id(corpus: Corpus) -> dict[str, Event]:
    return {e.id: e for e in corpus.events}


def test_press_release_dated_nov_17_attaches_the_june_21_release(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"release.txt": PRESS_RELEASE})
    article = corpus.articles[0]
    assert article.date.value == "2025-11-17"
    release = by_id(corpus)["freilassung-tichanowski-2025-06"]
    assert [(m.article, m.words) for m in release.mentions] == [("release", "June 21, 2025")]
    assert not [e for e in corpus.events if not e.curated]


GERMAN = """Minsk lässt erneut Gefangene frei
17.11.2025
Am Donnerstagabend traf der US-Gesandte John Coale in Minsk mit Alexander Lukaschenko zusammen.
Vor zwei Wochen hatte Lukaschenko 30 Gefangene begnadigt, darunter Maria Kolesnikowa.
Seit 1994 regiert Alexander Lukaschenko das Land. Bei den Wahlen 2015 und 2020 ließ sich Lukaschenko bestätigen.
Im Herbst 2024 reiste Swetlana Tichanowskaja nach Washington, um dort Abgeordnete zu treffen.
Am Freitag, so hieß es aus dem Umfeld von Lukaschenko, sei nichts Neues zu erwarten gewesen.
Im Jahr 2021 hatte Lukaschenko, so die Zeitung, einen Freitag als Feiertag und den Handel als Methode gelobt.
Anmerkungen:
- Siehe „Lukaschenko trifft Coale in Minsk“, in: Die Zeit, 14.11.2025, online unter https://example.org/a.
- Siehe Bericht über Lukaschenko, 09.08.2025, bei Executive Intelligence Review, online unter https://example.org/b.
"""


def test_only_dated_events_with_an_actor_become_uncurated_entries(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"minsk.txt": GERMAN})
    auto = [e for e in corpus.events if not e.curated]
    got = {(e.first.isoformat(), e.precision): e.title for e in auto}
    assert set(got) == {("2025-11-13", "day"), ("2025-10-31", "week"), ("2024-09-01", "season")}, got
    assert got[("2025-11-13", "day")] == ("Am Donnerstagabend traf der US-Gesandte John Coale in Minsk mit "
                                          "Alexander Lukaschenko zusammen")
    for event in auto:
        assert "…" not in event.title and event.title[0].isupper()
        assert all(not m.part.startswith("note-") for m in event.mentions)
    # citation dates and bare years create nothing, whatever shape the reference has
    assert not any(e.first in (dt.date(2025, 11, 14), dt.date(2025, 8, 9)) for e in corpus.events)
    assert not any(e.precision in ("year", "since") for e in auto)


def test_chronik_places_seasons_as_seasons_and_links_no_uncurated_page(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"minsk.txt": GERMAN})
    page = render_timeline(list(corpus.events), {a.id: a for a in corpus.actors},
                           {a.id: a for a in corpus.articles})
    autumn = page.index('<p class="dossier-timeline-month">Herbst</p>')
    assert page.index("Swetlana Tichanowskaja nach Washington") > autumn
    assert "SEPTEMBER" not in page.upper()[autumn - 200:autumn]
    assert "ereignisse/datiert-" not in page
    assert re.search(r'id="datiert-2025-11-13-[0-9a-f]{6}"', page)
    assert "artikel/minsk.md#zeile-3" in page


def test_each_article_adds_at_most_the_cap_and_the_chronik_says_so(tmp_path: Path) -> None:
    days = [dt.date(2025, 1, 1) + dt.timedelta(days=3 * i) for i in range(MAX_UNCURATED + 5)]
    lines = [f"Am {d.day}. {('Januar', 'Februar')[d.month - 1]} 2025 traf Alexander Lukaschenko Gäste in Minsk."
             for d in days]
    corpus = corpus_of(tmp_path, {"many.txt": "Lukaschenko empfängt viele Gäste in Minsk\n17.03.2025\n\n"
                                             + "\n\n".join(lines) + "\n"})
    auto = [e for e in corpus.events if not e.curated]
    assert len(auto) == MAX_UNCURATED
    assert [n for e in auto for _, n in e.left_out] == [5]
    page = render_timeline(list(corpus.events), {a.id: a for a in corpus.actors}, {a.id: a for a in corpus.articles})
    assert "5 weitere Sätze" in page and f"höchstens {MAX_UNCURATED}" in page


@pytest.mark.parametrize(("word", "expected"), [
    ("Freitag", False), ("Handel", False), ("method", False), ("Methode", False), ("Jahr", False),
    ("frei", True), ("freigelassen", True), ("Treffen", True), ("Treffens", True), ("Gipfeltreffen", True),
    ("Präsidentschaftswahl", True), ("Militärmanöver", True), ("met", True), ("meeting", True),
    ("released", True), ("sanctions", True), ("telefonierte", True), ("arrested", True), ("verurteilt", True),
])
def test_event_words_are_words_with_inflections_not_prefixes(word: str, expected: bool) -> None:
    assert is_event_word(key(word)) is expected


@pytest.mark.parametrize(("word", "trigger", "expected"), [
    ("Freitag", "frei", False), ("Handel", "Hand", False), ("method", "met", False),
    ("freigelassenen", "freigelassen", True), ("Treffens", "Treffen", True), ("Hand", "Hand", True),
    ("releases", "release", True), ("met", "met", True),
])
def test_registry_triggers_match_words_not_prefixes(word: str, trigger: str, expected: bool) -> None:
    assert matches_word(key(word), trigger) is expected


def test_actor_event_list_keeps_whole_dates_in_markdown() -> None:
    event = Event("treffen", "Treffen in Minsk", dt.date(2025, 6, 20), dt.date(2025, 6, 20), None, "day", ())
    lines = actor_events_section([event])
    item = next(line for line in lines if "Treffen in Minsk" in line)
    assert item.startswith("- 20\\. Juni 2025:")
    import markdown
    html = markdown.markdown("\n".join(lines), extensions=["md_in_html"])
    assert "<ol" not in html and "20. Juni 2025:" in html


def test_registry_text_speaks_of_articles_not_files() -> None:
    text = (ROOT / "seeds" / "registry" / "events.yml").read_text(encoding="utf-8")
    readable = [line for line in text.splitlines() if re.match(r"\s*(title|description):", line)]
    assert readable and not [line for line in readable if re.search(r"(?i)\bseed\b|\.txt\b|seeds/", line)]


def test_an_impossible_date_is_one_clear_diagnostic(tmp_path: Path) -> None:
    text = "Treffen in Minsk\n17.11.2025\n\nAm 31. April 2025 traf Alexander Lukaschenko den Gesandten.\n"
    corpus = corpus_of(tmp_path, {"april.txt": text})
    found = [d for d in corpus.diagnostics if d.code == "date-invalid"]
    assert [d.format() for d in found] == [
        "seeds/april.txt:4: warning: '31. April 2025' is not a calendar date (day is out of range for month); "
        "it is left off the timeline"]
    assert not [e for e in corpus.events if not e.curated]


def test_a_report_published_online_is_still_an_event_in_running_text(tmp_path: Path) -> None:
    text = ("Interview in Minsk\n17.11.2025\n\nAm 8. November 2025 gab Alexander Lukaschenko ein Interview, "
            "das TIME online veröffentlichte.\n")
    corpus = corpus_of(tmp_path, {"online.txt": text})
    assert [e.first.isoformat() for e in corpus.events if not e.curated] == ["2025-11-08"]


def test_function_words_of_either_language_are_no_event_words() -> None:
    words = ("der die das den dem des ein eine und oder aber als wie wenn dass sei war ist hat wird wurde kann "
             "Land Lage Rat Zeit the a an and or but as when that was is has will would can may must it they "
             "this have be been do did go make take see say said")
    assert [w for w in words.split() if is_event_word(key(w))] == []


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("Am 21. Juni, nach langen Verhandlungen, kamen 14 Gefangene frei.", "21. Juni",
     "Am 21. Juni, nach langen Verhandlungen"),
    ("Noch im Februar waren Mitarbeiter des US-Außenministeriums nach Minsk geflogen, um zu verhandeln.",
     "im Februar", "Noch im Februar waren Mitarbeiter des US-Außenministeriums nach Minsk geflogen"),
    ("Er sagte am Dienstag, die Lage sei ruhig, und niemand werde festgenommen.", "am Dienstag",
     "Er sagte am Dienstag, die Lage sei ruhig, und niemand werde festgenommen"),
    ("„Wir begrüßen die Freilassung vom 21. Juni“, sagte er.", "21. Juni", "Wir begrüßen die Freilassung vom 21. Juni"),
    ("On Tuesday, envoy John Coale met Lukashenka in Minsk for three hours of talks about prisoners and sanctions "
     "relief for the national airline Belavia.", "On Tuesday",
     "On Tuesday, envoy John Coale met Lukashenka in Minsk for three hours of talks about prisoners"),
])
def test_uncurated_titles_are_whole_clauses(sentence: str, date: str, title: str) -> None:
    at = sentence.index(date)
    assert clause_around(sentence, at, at + len(date), (0, len(sentence))) == title


@pytest.mark.parametrize("sentence", [
    "Lukaschenko traf Coale in Minsk (Reuters, 14.11.2025).",
    "Lukaschenko traf Coale in Minsk (Quelle: dpa, 14. November 2025).",
    "Siehe „Lukaschenko trifft Coale am 14. November“, in: Die Zeit.",
    "Lukaschenko traf Coale in Minsk, berichtete die Zeit, 14.11.2025, online unter https://example.org.",
    "Treffen mit Coale (abgerufen am 14.11.2025).",
])
def test_dates_of_sources_in_running_text_create_no_entry(tmp_path: Path, sentence: str) -> None:
    text = f"Treffen in Minsk\n17.11.2025\n\nAlexander Lukaschenko empfing John Coale. {sentence}\n"
    corpus = corpus_of(tmp_path, {"quelle.txt": text})
    assert not [e for e in corpus.events if not e.curated]


def test_a_block_without_sentence_ends_keeps_quotes_short(tmp_path: Path) -> None:
    rows = " ; ".join(f"{d % 28 + 1}.{d % 12 + 1}.2024 Treffen von Alexander Lukaschenko in Minsk" for d in range(600))
    corpus = corpus_of(tmp_path, {"tabelle.txt": f"Tabelle der Treffen\n17.11.2025\n\n{rows}\n"})
    auto = [e for e in corpus.events if not e.curated]
    assert len(auto) == MAX_UNCURATED
    assert all(len(m.quote) <= 900 for e in auto for m in e.mentions)


def _one_article(tmp_path: Path, text: str) -> tuple[Corpus, Article]:
    corpus = corpus_of(tmp_path, {"one.txt": text})
    (article,) = corpus.articles
    return corpus, article


def test_a_datelines_date_dates_the_article_and_is_no_event_of_its_own(tmp_path: Path) -> None:
    corpus, article = _one_article(tmp_path, (
        "Lukaschenko lässt Gefangene frei\n\nMINSK, 12.09.2025 (AFP) – Alexander Lukaschenko hat am Donnerstag "
        "52 politische Gefangene freigelassen, wie die US-Botschaft mitteilte.\n\nDie Freilassung folgte "
        "Gesprächen mit einem US-Gesandten in Minsk.\n"))
    assert article.date.value == "2025-09-12"
    mentions = [m for e in corpus.events for m in e.mentions]
    # "am Donnerstag" resolves against the dateline's day; the dateline itself makes no entry
    assert {(m.words, m.first) for m in mentions} == {("am Donnerstag", dt.date(2025, 9, 11))}, mentions


def test_a_scene_set_on_a_day_years_back_stays_an_event_when_the_article_has_another_date(tmp_path: Path) -> None:
    _, article = _one_article(tmp_path, (
        "---\ndate: 2025-09-11\n---\nFünf Jahre danach\n\nMinsk, 9. August 2020. An diesem Abend erklärte sich "
        "Alexander Lukaschenko zum Sieger der Wahl, und Tausende protestierten.\n\nHeute sitzen viele von ihnen "
        "in Haft, sagen Menschenrechtler.\n"))
    assert article.date.value == "2025-09-11"
    found, _ = find_event_mentions(article, [])
    assert [(m.words, m.citation) for m in found] == [("9. August 2020", False)]
