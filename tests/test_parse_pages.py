"""Pasted pages of many kinds: chrome by kind, title choice, reference lists.

The texts here are written for the tests and shaped unlike the evaluation set in eval/parse/
(other outlets, other orders of header lines), so a rule that only fits the evaluation pages
fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import Article, Diagnostic
from dossier.parse import chrome
from dossier.parse.article import is_appeal, parse_article
from dossier.parse.chrome import chrome_reason, strip_edit_residue
from dossier.parse.notes import Line, find_notes_start, parse_items
from dossier.read.seedfile import read_seed


def parse(text: str) -> tuple[Article, list[Diagnostic]]:
    seed, diags = read_seed("seeds/t.txt", text.encode())
    assert seed is not None, diags
    article, more = parse_article(seed)
    return article, diags + more


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


LEAD = ("Belarus released a group of political prisoners on Saturday after talks with a US envoy, "
        "officials in Vilnius said.")
BODY = "The release followed months of quiet contacts between Minsk and Washington, diplomats said."


@pytest.mark.parametrize("heading", [
    "Go to war over Belarus?", "Jump to conclusions: what the release means", "Skip the small talk",
    "Home rule for Minsk?", "Share of votes fell again", "Print media under pressure",
    "Search for the missing", "Contact group meets in Vilnius", "Live from the border",
    "Zur Sache: Was Minsk springen lässt", "Teilen und herrschen", "Spenden aus dem Westen",
    "Donate or leave? The exiles' dilemma", "Menu of sanctions", "Breaking the silence",
])
def test_headings_that_look_like_chrome_survive(heading: str) -> None:
    article, _ = parse(f"A Title For The Test Page\n{LEAD}\n{heading}\n{BODY}\n")
    assert ("heading", heading) in [(b.kind, b.text) for b in article.blocks]
    assert heading not in [r.text for r in article.removed]


@pytest.mark.parametrize(("line", "reason"), [
    ("Skip to main content", "Sprunglink"), ("Jump to navigation Jump to search", "Sprunglink"),
    ("Zum Hauptinhalt springen", "Sprunglink"), ("Accessibility links", "Sprunglink"),
    ("Startseite › Ausland › Europa", "Brotkrumen"), ("Log in", "Navigation"),
    ("Next Article", "Artikel-Navigation"), ("Eilmeldung", "Eilmeldungsleiste"),
    ("Diesen Artikel teilen", "Teilen-Schaltfläche"), ("Copy link", "Teilen-Schaltfläche"),
    ("Jetzt spenden", "Spendenaufruf"), ("Remind me later", "Spendenaufruf"),
    ("Bitte warten", "Medienspieler"), ("1:02 / 4:31", "Medienspieler"), ("# # #", "Endzeichen"),
    ("Official websites use .gov A .gov website belongs to an official government organization.",
     "Behördenbanner"),
    ("aus Wikipedia, der freien Enzyklopädie", "Enzyklopädie-Kopfzeile"),
    ("(Redirected from Tsikhanouskaya)", "Weiterleitungshinweis"),
    ("Dieser Artikel behandelt die Politikerin; zum Ort siehe Kopys.", "Begriffsklärungshinweis"),
    ("Edit this at Wikidata", "Infobox"), ("[change | change source]", "Bearbeiten-Link"),
    ("Hidden categories: Articles with short description", "Seitenfuß"),
    ("Normdaten (Person): GND: 123 | VIAF: 456", "Seitenfuß"),
    ("Posted by Embassy Minsk | 3 March, 2024 | Tags: Belarus, Human Rights", "Seiten-Metadaten"),
    ("[Pages H1021-H1022]", "Archivkopf"), ("[House of Representatives]", "Archivkopf"),
])
def test_chrome_rules_by_kind(line: str, reason: str) -> None:
    assert chrome_reason(line) == reason


def test_one_pattern_for_all_chrome_rules_matches_where_one_rule_does() -> None:
    """chrome_reason scans a line with all rules at once before it asks them one by one: the
    combined pattern must match exactly the lines some rule matches (every line of every
    evaluation text and fixture, chrome and content alike)."""
    root = Path(__file__).resolve().parents[1]
    lines = [line for file in sorted([*root.glob("eval/**/*.txt"), *root.glob("tests/fixtures/**/*.txt")])
             for line in file.read_text(encoding="utf-8", errors="replace").split("\n")]
    one_by_one = [any(p.match(line) for p, _ in chrome._COMPILED) for line in lines]
    assert sum(one_by_one) > 50
    assert [chrome._ANY.match(line) is not None for line in lines] == one_by_one


@pytest.mark.parametrize(("heading", "clean", "residue"), [
    ("Leben[Bearbeiten | Quelltext bearbeiten]", "Leben", "[Bearbeiten | Quelltext bearbeiten]"),
    ("Early life[edit]", "Early life", "[edit]"),
    ("Notes[change | change source]", "Notes", "[change | change source]"),
    ("Climate change", "Climate change", None),
    ("Artikel [1] bearbeiten", "Artikel [1] bearbeiten", None),
])
def test_edit_residue_is_cut_off_headings_only(heading: str, clean: str, residue: str | None) -> None:
    assert strip_edit_residue(heading) == (clean, residue)


NEWS_DE = """Zum Inhalt springen
Startseite › Ausland › Europa
Belarus
Lukaschenko lässt Oppositionelle frei
Stand: 13.12.2025 18:04 Uhr
Nach Gesprächen mit einem US-Gesandten hat Belarus 123 politische Gefangene freigelassen. Unter ihnen ist die Oppositionelle Maria Kolesnikowa.
Maria Kolesnikowa bei einer Kundgebung in Minsk am 9. August 2020. Bild: dpa
Die Freilassung folgte auf monatelange Gespräche zwischen Minsk und Washington, berichten Diplomaten.
Mehr zum Thema
Belarus: Wahl ohne Wahl
Diesen Artikel teilen
"""


def test_german_news_page_with_breadcrumb_topic_and_caption_date() -> None:
    article, diags = parse(NEWS_DE)
    assert (article.title.value, article.title.line) == ("Lukaschenko lässt Oppositionelle frei", 4)
    assert article.title_rule == "Zeile vor der Datumszeile"
    assert (article.date.value, article.date.line) == ("2025-12-13", 5)
    assert article.topics == ("Belarus",)
    assert [b.kind for b in article.blocks] == ["lead", "caption", "paragraph"]
    assert {r.text: r.reason for r in article.removed} == {
        "Zum Inhalt springen": "Sprunglink", "Startseite › Ausland › Europa": "Brotkrumen",
        "Mehr zum Thema": "Teaser", "Belarus: Wahl ohne Wahl": "Teaser",
        "Diesen Artikel teilen": "Teilen-Schaltfläche"}
    assert [d for d in diags if d.severity != "info"] == []


def test_in_a_paste_without_blank_lines_the_line_above_a_paragraph_after_teasers_is_a_heading() -> None:
    text = (f"Belarus lässt Gefangene frei\n{LEAD}\nMehr zum Thema\nTichanowskaja: „Wir sind nicht naiv“\n"
            f"Reaktionen aus Vilnius\n{BODY}\n")
    article, _ = parse(text)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("lead", LEAD), ("heading", "Reaktionen aus Vilnius"), ("paragraph", BODY)]
    assert [(r.text, r.reason) for r in article.removed] == [
        ("Mehr zum Thema", "Teaser"), ("Tichanowskaja: „Wir sind nicht naiv“", "Teaser")]


BROADCASTER = """Accessibility links
Skip to main content
Print Options:
Images
Multimedia
Belarus
Opposition Leader's Husband Freed After Five Years
June 21, 2025
By Anna Kovalenko
A photo taken on June 20, 2025 shows the prison gate in Minsk.
A photo taken on June 20, 2025 shows the prison gate in Minsk.
Siarhei Tsikhanouski walked free on Saturday after more than five years behind bars.
Go to war over Belarus?
Nobody in Washington argued for that, a senior official said after the release.
Share
Comments
"""


def test_broadcaster_page_with_print_options_repeated_caption_and_byline() -> None:
    article, _ = parse(BROADCASTER)
    assert article.title.value == "Opposition Leader's Husband Freed After Five Years"
    assert article.date.value == "2025-06-21" and article.author.value == "Anna Kovalenko"
    assert article.topics == ("Belarus",)
    assert texts(article)[0] == "A photo taken on June 20, 2025 shows the prison gate in Minsk."
    assert texts(article).count(texts(article)[0]) == 1
    assert ("heading", "Go to war over Belarus?") in [(b.kind, b.text) for b in article.blocks]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Images"] == reasons["Multimedia"] == "Seitenkopf vor dem Titel"
    assert reasons["Print Options:"] == "Teilen-Schaltfläche"


def test_category_label_above_headline_is_topic_not_title() -> None:
    article, _ = parse(f"Statement\n\nSecretary Welcomes the Release of Political Prisoners\n\n{LEAD}\n")
    assert article.title.value == "Secretary Welcomes the Release of Political Prisoners"
    assert article.topics == ("Statement",)


def test_a_date_inside_a_caption_is_never_the_article_date() -> None:
    text = (f"Prisoners Freed in Minsk\nThe prison in Minsk on 21 June 2025.\n{LEAD}\n")
    article, _ = parse(text)
    assert article.title.value == "Prisoners Freed in Minsk"
    assert article.date.value is None
    assert article.date_hint is not None and article.date_hint.iso == "2025-06-21"


def test_donation_appeal_before_the_title_goes_but_the_same_words_in_the_text_stay() -> None:
    text = ("Dear reader, please support our independent journalism: if you donate today, we can keep "
            "reporting from Minsk.\nSupport us\nExiles in Vilnius Face a Hard Winter\n"
            "The office is funded by donations from Western foundations, its staff said.\n"
            f"{BODY}\n")
    article, _ = parse(text)
    assert article.title.value == "Exiles in Vilnius Face a Hard Winter"
    assert texts(article)[0].startswith("The office is funded by donations")
    assert [r.reason for r in article.removed] == ["Spendenaufruf", "Spendenaufruf"]


@pytest.mark.parametrize("first, last", [
    # "Sie" opening a sentence is "she"/"they"; "unterstützt" alone is the news, not a request
    ("Die EU unterstützt die Opposition in Belarus seit Jahren. Sie fordert Neuwahlen und die "
     "Freilassung aller politischen Gefangenen, darunter Maria Kalesnikawa.",
     "The US supports the opposition. You can read more about the contributions of the State "
     "Department in the report that the embassy published on Friday."),
    ("Ihre Partei spendet nichts. Die Stiftung sammelt Spenden für das Büro in Vilnius, hieß es.",
     "Spendengelder westlicher Stiftungen finanzierten das Büro. Sie sind ein Beispiel für die Praxis "
     "des Westens, sagte der Verfasser."),
])
def test_the_first_and_last_paragraph_about_support_or_donations_stay(first: str, last: str) -> None:
    """An appeal asks the reader to give; a report about support or donations is text, also
    where it opens or ends the article (it was dropped as "Spendenaufruf")."""
    article, _ = parse(f"Unterstützung für das Exil\n{first}\n{BODY}\n{last}\n")
    assert texts(article) == [first, BODY, last]
    assert not article.removed


def test_a_closing_quote_that_addresses_someone_stays() -> None:
    last = "Sie dankte der US-Regierung. „Ich danke Ihnen für Ihre Unterstützung“, sagte sie."
    article, _ = parse(f"Tichanowskaja trifft Rubio\n{LEAD}\n{BODY}\n{last}\n")
    assert texts(article) == [LEAD, BODY, last]
    assert not article.removed


def test_a_long_paragraph_with_one_asking_sentence_stays_a_short_appeal_goes() -> None:
    """However long a paragraph, one sentence that asks for donations does not make it an
    appeal (a 900 KB paste lost its whole text); a banner-sized one still goes."""
    report = " ".join([BODY] * 30)
    long_one = f"If you donate today, we can keep reporting, the appeal said. {report}"
    appeal = "Dear reader, if you donate today, we can keep reporting from Minsk. Thank you."
    article, _ = parse(f"{appeal}\nExiles in Vilnius Face a Hard Winter\n{long_one}\n{BODY}\n")
    assert article.title.value == "Exiles in Vilnius Face a Hard Winter"
    assert texts(article) == [long_one, BODY]
    assert [r.reason for r in article.removed] == ["Spendenaufruf"]


@pytest.mark.parametrize(("text", "appeal"), [
    ("Unterstützen Sie jetzt unabhängigen Journalismus!", True),
    ("Spenden Sie heute, damit wir weiter berichten können.", True),
    ("Wir brauchen Ihre Unterstützung.", True),
    ("Ihre Spende hilft uns, aus Minsk zu berichten.", True),
    ("If you can, please donate to keep our newsroom open.", True),
    ("Please support our independent journalism. Thank you!", True),
    ("Die EU unterstützt die Opposition. Sie fordert Neuwahlen.", False),
    ("Die Stiftung sammelt Spenden. Sie zahlt die Miete.", False),
    ("Ihre Partei unterstützt den Kandidaten.", False),
    ("The US supports the opposition. You can read about its contributions below.", False),
    ("If you are a reader who has already donated, we thank you.", True),
    ("Unterstützen Sie uns mit Ihrer Spende – schon ab 5 Euro. Jetzt spenden →", True),
    ("Unterstützen Sie unabhängigen Journalismus mit Ihrer Spende", True),
    ("Liebe Leser, schon mit einem Spendenbeitrag von 5 Euro sichern Sie unsere Recherchen.", True),
    ("If you value our reporting, please support us with a donation today —", True),
    ("Mit einem Klick auf „Jetzt spenden“ helfen Sie uns, unabhängig zu berichten.", True),
    # quoted speech addresses someone else; past tenses report; a headline asks nothing
    ('"We will support our friends in Belarus, and you will see more releases," the envoy said.', False),
    ("Sie dankte. „Ich danke Ihnen für Ihre Unterstützung“, sagte sie nach dem Treffen.", False),
    ("Die Zuhörer spendeten lange Beifall. Eine Frau rief: „Wir glauben an dich!“", False),
    ("Er sagte, die USA unterstützten sie weiterhin. »Wir lassen euch nicht allein«, sagte er.", False),
    ("Gefangene gegen Sanktionen: Was Sie über die Unterstützung Washingtons wissen müssen", False),
])
def test_an_appeal_asks_the_reader_to_give(text: str, appeal: bool) -> None:
    assert is_appeal(text) is appeal


def test_title_repeated_above_a_player_is_removed_from_the_body() -> None:
    title = "Minsk Opens a New Channel"
    article, _ = parse(f"{title}\n{LEAD}\n{title}\nplease wait\n0:00 0:02:11 0:00\n{BODY}\n")
    assert article.title.value == title
    assert texts(article) == [LEAD, BODY]
    assert [r.reason for r in article.removed] == ["Wiederholter Titel", "Medienspieler",
                                                   "Medienspieler"]


def test_encyclopedia_infobox_and_table_of_contents_are_removed() -> None:
    text = """Viktar Babaryka
From Wikipedia, the free encyclopedia
Babaryka in 2020
Born
Viktar Dzmitryevich Babaryka
Political partyIndependent
Alma materBelarusian State University
Viktar Babaryka (born 1963) is a Belarusian banker and politician who sought to run for president in 2020.[1]
Contents
1 Career
2 Arrest
Career[edit]
He led Belgazprombank for twenty years before he announced his candidacy in May 2020.[2]
References[edit]
^ a b "Babaryka detained". RFE/RL. 18 June 2020.
^ "Belgazprombank head steps down". Reuters. 12 May 2020.
"""
    article, diags = parse(text)
    assert article.title.value == "Viktar Babaryka"
    assert [(b.kind, b.text) for b in article.blocks][:2] == [
        ("lead", "Viktar Babaryka (born 1963) is a Belarusian banker and politician who sought to "
                 "run for president in 2020."), ("heading", "Career")]
    reasons = [(r.line, r.reason) for r in article.removed]
    assert reasons[:6] == [(2, "Enzyklopädie-Kopfzeile"), (3, "Infobox"), (4, "Infobox"),
                           (5, "Infobox"), (6, "Infobox"), (7, "Infobox")]
    assert (9, "Inhaltsverzeichnis") in reasons and (11, "Inhaltsverzeichnis") in reasons
    assert [n.text for n in article.footnotes] == ['"Babaryka detained". RFE/RL. 18 June 2020.',
                                                   '"Belgazprombank head steps down". Reuters. 12 May 2020.']
    assert [d for d in diags if d.severity != "info"] == []


def test_hard_wrapped_record_with_indented_paragraphs_and_archive_header() -> None:
    line = "text of the record that was wrapped by the printing office at seventy"
    text = (f"[Congressional Record Volume 171, Number 40 (Tuesday, March 4, 2025)]\n[House]\n"
            f"[Page H900]\n\n            BELARUS HOSTAGES\n\n  Mr. SMITH. Madam Speaker, the {line}\n"
            f"{line}\n{line}\nand continues here.\n  A second paragraph of the {line}\n{line}\n"
            "ends here.\n")
    article, _ = parse(text)
    assert article.title.value == "BELARUS HOSTAGES"
    assert (article.date.value, article.date.line) == ("2025-03-04", 1)
    assert texts(article) == [f"Mr. SMITH. Madam Speaker, the {line} {line} {line} and continues here.",
                              f"A second paragraph of the {line} {line} ends here."]


# --- reference lists -----------------------------------------------------------------------

def notes_of(text: str) -> tuple[Article, list[Diagnostic]]:
    return parse(f"Ein Titel der Seite\n{text}")


def test_german_references_with_edit_residue_and_back_link_labels() -> None:
    article, diags = notes_of(
        "Sie wurde 2020 bekannt.[1] Sie lebt in Vilnius.[2] Sie reist viel.[1]\n"
        "Einzelnachweise[Bearbeiten | Quelltext bearbeiten]\n"
        "↑ a b Porträt. In: Die Zeit. 11. August 2020.\n↑ Exil in Litauen. In: FAZ. 12. August 2020.\n")
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "Porträt. In: Die Zeit. 11. August 2020."), (2, "Exil in Litauen. In: FAZ. 12. August 2020.")]
    assert article.notes_heading == "Einzelnachweise"
    assert texts(article) == ["Sie wurde 2020 bekannt. Sie lebt in Vilnius. Sie reist viel."]
    assert [d for d in diags if d.severity != "info"] == []


@pytest.mark.parametrize("heading", ["References change", "Notes[change | change source]",
                                     "Quellen[Bearbeiten]", "References[edit]"])
def test_notes_headings_with_edit_residue(heading: str) -> None:
    article, _ = notes_of(f"A sentence.[1]\n{heading}\n^ The source.\n")
    assert [n.text for n in article.footnotes] == ["The source."]


def test_dotted_back_link_labels_give_numbers_and_lists_may_start_above_one() -> None:
    article, diags = notes_of(
        "Text.[4] More text.[5] Again.[4]\nReferences\n↑ 4.0 4.1 Fourth source.\n↑ Fifth source.\n")
    assert [(n.number, n.text) for n in article.footnotes] == [(4, "Fourth source."), (5, "Fifth source.")]
    assert [m.number for m in article.blocks[0].markers] == [4, 5, 4]
    assert [d for d in diags if d.severity != "info"] == []


def test_firefox_numbered_copy_starting_above_one() -> None:
    article, _ = notes_of("Text.[7] More.[8]\nReferences\n7. ^ Jump up to: a b Seventh.\n8. ^ Eighth.\n")
    assert [(n.number, n.text) for n in article.footnotes] == [(7, "Seventh."), (8, "Eighth.")]


def test_letter_notes_are_their_own_group() -> None:
    article, diags = notes_of(
        "Lukashenko[a] was born in Kopys.[1] He served in the army.[b][2]\n"
        "Notes\n^ Belarusian spelling.\n^ Border troops.\n\n"
        "References\n^ First.\n^ Second.\n")
    notes = [(n.number, n.label, n.text) for n in article.footnotes]
    assert notes == [(1, None, "First."), (2, None, "Second."), (3, "a", "Belarusian spelling."),
                     (4, "b", "Border troops.")]
    assert [m.number for m in article.blocks[0].markers] == [3, 1, 4, 2]
    assert article.blocks[0].text == "Lukashenko was born in Kopys. He served in the army."
    assert article.notes_heading == "Notes / References"
    assert [d for d in diags if d.severity != "info"] == []


def test_explicit_letter_items_and_german_abbreviations_in_notes() -> None:
    article, _ = notes_of("Text[a] und mehr.[1]\nAnmerkungen\n[a] Eine Erläuterung.\n"
                          "Einzelnachweise\n1. Müller, a. a. O.,\na. a. O., S. 5.\n")
    assert [(n.number, n.label, n.text) for n in article.footnotes] == [
        (1, None, "Müller, a. a. O., a. a. O., S. 5."), (2, "a", "Eine Erläuterung.")]


def test_markers_before_punctuation_and_inside_lists() -> None:
    article, diags = notes_of("Erstens [1], zweitens[2].\n- ein Punkt[3]\n- noch einer [1]\n"
                              "Quellen\n1. Eins.\n2. Zwei.\n3. Drei.\n")
    assert texts(article) == ["Erstens, zweitens.", "- ein Punkt", "- noch einer"]
    assert [d for d in diags if d.severity != "info"] == []


def test_reference_cut_off_at_the_end_is_kept_and_reported() -> None:
    article, diags = notes_of("A.[1] B.[2]\nReferences\n^ First source. 2020.\n^ \"Second\". Reuters. 29 Aug\n")
    assert [n.text for n in article.footnotes][-1] == '"Second". Reuters. 29 Aug'
    assert [(d.code, d.line) for d in diags if d.severity == "warning"] == [("note-cut-off", 5)]


def test_reference_ending_in_a_year_or_url_is_not_reported_as_cut_off() -> None:
    for last in ("Abgerufen am 1. August 2020", "https://example.org/a"):
        _, diags = notes_of(f"A.[1]\nEinzelnachweise\n↑ {last}\n")
        assert [d for d in diags if d.severity != "info"] == []


def test_notes_region_joins_sections_only_when_the_earlier_one_is_a_list() -> None:
    lines = [Line(t, i) for i, t in enumerate(
        ["Notes", "A paragraph that is not a list item.", "References", "^ One."], start=1)]
    assert find_notes_start(lines) == 2
    lines = [Line(t, i) for i, t in enumerate(["Notes", "^ a.", "References", "^ One."], start=1)]
    assert find_notes_start(lines) == 0
    notes, rest, _, sections = parse_items("t", lines)
    assert [n.text for n in notes] == ["a.", "One."] and rest == [] and sections == ["Notes", "References"]


def test_summary_bullets_and_a_byline_above_the_title_are_kept() -> None:
    text = ("Ein Kommentar von Thomas Latschan\nVon Thomas Latschan\nBelarus und die USA: ein Deal\n"
            "17.09.2025\nDas Wichtigste in Kürze\n- Belarus lässt 52 Gefangene frei\n"
            "- USA lockern Sanktionen gegen Belavia\n- Opposition kritisiert den Handel\n"
            f"{LEAD}\n")
    article, _ = parse(text)
    assert article.title.value == "Belarus und die USA: ein Deal"
    assert article.author.value == "Thomas Latschan" and article.date.value == "2025-09-17"
    assert texts(article)[:4] == ["Das Wichtigste in Kürze", "- Belarus lässt 52 Gefangene frei",
                                  "- USA lockern Sanktionen gegen Belavia",
                                  "- Opposition kritisiert den Handel"]


@pytest.mark.parametrize("line", [
    "This article is about hope, and about the people who kept it alive in the prisons of Belarus.",
    "Spenden", "Dieser Artikel behandelt die Frage, warum Minsk gerade jetzt auf Washington zugeht.",
])
def test_sentences_like_hatnotes_or_buttons_stay(line: str) -> None:
    assert chrome_reason(line) is None


@pytest.mark.parametrize("line", ["Diesen Artikel teilen Kommentare", "Copy to clipboard Copied",
                                  "Newsletter Podcasts Videos Events Minskwire", "Share on X"])
def test_rows_of_controls_are_chrome(line: str) -> None:
    assert chrome_reason(line) in {"Bedienzeile", "Teilen-Schaltfläche"}


@pytest.mark.parametrize("line", ["Kommentar", "Videos zeigen Gewalt gegen Demonstranten",
                                  "Share the burden, says Vilnius", "Link to Moscow"])
def test_headings_made_of_everyday_words_are_not_control_rows(line: str) -> None:
    assert chrome_reason(line) is None


def test_magazine_page_with_numbered_breadcrumb_empty_date_labels_and_colon_byline() -> None:
    text = ("1. Startseite\n  2. Ausland\n\nNeue Hoffnung für die Exilanten\n\nErstellt: Aktualisiert:\n\n"
            "Von: Anna Petrowa & Jan Nowak\n\nKommentare\n\n"
            "Die Opposition im Exil sieht nach den Freilassungen wieder Spielraum für Gespräche.\n")
    article, _ = parse(text)
    assert article.title.value == "Neue Hoffnung für die Exilanten"
    assert article.topics == ("Ausland",) and article.author.value == "Anna Petrowa"
    assert texts(article) == ["Die Opposition im Exil sieht nach den Freilassungen wieder Spielraum "
                              "für Gespräche."]
    assert ("Erstellt: Aktualisiert:", "Leere Metadaten") in [(r.text, r.reason) for r in article.removed]


def test_update_labels_are_date_lines_and_a_page_without_title_keeps_its_date() -> None:
    text = ("Veröffentlicht: 14.09.2023,\nLetzte Aktualisierung: 25.09.2023\n\n"
            "Sie war 2020 in aller Munde, als ihr Mann kandidierte und verhaftet wurde.\n")
    article, diags = parse(text)
    assert article.title.value is None and "no-title" in [d.code for d in diags]
    assert (article.date.value, article.date.line) == ("2023-09-14", 1)


def test_encyclopedia_tagline_found_across_removed_notices() -> None:
    text = ("Jump to content\n\nTalk:Viktar Babaryka\n\nPage contents not supported in other languages.\n"
            "From Wikipedia, the free encyclopedia\n\nRequested move\n\n"
            "There is no source that uses this spelling of the name, so the page should move back.\n")
    article, _ = parse(text)
    assert article.title.value == "Talk:Viktar Babaryka"
    assert article.title_rule == "Zeile vor der Enzyklopädie-Kopfzeile"


def test_mirror_page_title_is_the_free_standing_line_not_a_longer_infobox_line() -> None:
    text = ("Open Library\nFlag as Inappropriate\nEmail this Article\n\nMaria Kalesnikava\n\n"
            "Belarusian musician and politician\nPortrait taken in Minsk in the summer\nBorn\n\n"
            f"{LEAD}\n")
    article, _ = parse(text)
    assert (article.title.value, article.title_rule) == ("Maria Kalesnikava", "freistehende Zeile")
    assert texts(article) == [LEAD]


def test_table_of_contents_without_heading_and_template_parameters() -> None:
    text = (f"Ales Bialiatski\n\nname = Ales Bialiatski\nbirth_date = 25 September 1962\n\n{LEAD}\n"
            "  • Early life 1\n  • Viasna 2\n  • References 3\n- Nobel Peace Prize 2022\n"
            f"Early life\n{BODY}\nViasna\n{BODY} Again.\n")
    article, _ = parse(text)
    reasons = [(r.text, r.reason) for r in article.removed]
    assert ("name = Ales Bialiatski", "Infobox") in reasons
    assert [r for r in reasons if r[1] == "Inhaltsverzeichnis"] == [
        ("• Early life 1", "Inhaltsverzeichnis"), ("• Viasna 2", "Inhaltsverzeichnis"),
        ("• References 3", "Inhaltsverzeichnis")]
    assert "- Nobel Peace Prize 2022" in texts(article)


def test_donation_appeal_after_the_notes_goes_but_a_note_about_donations_stays() -> None:
    article, _ = parse("Spenden für das Exil\nDas Büro wird aus Spenden finanziert.[1]\nQuellen\n"
                       "1. Bericht: Die Stiftung sammelt Spenden, sie zahlt die Miete. 2024.\n"
                       "Unterstützen Sie unabhängigen Journalismus mit Ihrer Spende!\n")
    assert [n.text for n in article.footnotes] == [
        "Bericht: Die Stiftung sammelt Spenden, sie zahlt die Miete. 2024."]
    assert [(r.reason, r.line) for r in article.removed] == [("Spendenaufruf", 5)]


def test_a_site_name_separated_from_the_title_by_removed_lines_is_no_topic() -> None:
    article, _ = parse(f"World Atlas\nFlag as Inappropriate\n\nExiles in Vilnius\n\n{LEAD}\n")
    assert article.title.value == "Exiles in Vilnius" and article.topics == ()
    assert ("World Atlas", "Seitenkopf vor dem Titel") in [(r.text, r.reason) for r in article.removed]


def test_a_note_cited_only_in_a_removed_infobox_row_keeps_its_reference_and_back_link() -> None:
    import markdown

    from dossier.render.articles import referenced_notes, render_article
    article, diags = parse("""Maryia Kalesnikava
From Wikipedia, the free encyclopedia
Born
Maryia Alyaksandrauna Kalesnikava[2]
Political partyTogether[3]
Maryia Kalesnikava (born 1982) is a Belarusian musician and political activist.[1]
References[edit]
^ "Kalesnikava sentenced". BBC News. 6 September 2021.
^ Belarusian: Марыя Аляксандраўна Калеснікава.
^ "Party founded". Reuters. 2021.
""")
    infobox = [r for r in article.removed if r.reason == "Infobox" and r.markers]
    assert [(r.text, [m.number for m in r.markers]) for r in infobox] == [
        ("Maryia Alyaksandrauna Kalesnikava", [2]), ("Political partyTogether", [3])]
    assert referenced_notes(article) == {1, 2, 3}
    assert [d.code for d in diags if d.code.startswith("orphan")] == []
    page = render_article(article)
    assert "Maryia Alyaksandrauna Kalesnikava[^2]" in page and "Political partyTogether[^3]" in page
    html = markdown.markdown(page, extensions=["footnotes", "attr_list", "md_in_html", "pymdownx.details",
                                               "admonition"])
    # Python-Markdown footnotes: a reference fnref:2 inside the box, the note's back-link to it
    assert 'id="fnref:2"' in html and 'href="#fnref:2"' in html and 'href="#fnref:3"' in html


def test_the_page_says_which_line_became_the_title_and_by_which_rule() -> None:
    from dossier.render.articles import metadata_table
    article, _ = parse(f"Statement\n\nSecretary Welcomes the Release of Political Prisoners\n\n{LEAD}\n")
    assert article.title_rule
    assert (f"| Titel | Secretary Welcomes the Release of Political Prisoners | aus dem Text, Zeile 3; "
            f"gewählt als {article.title_rule} |") in metadata_table(article).split("\n")
    given, _ = parse(f"---\ntitle: Freigelassen\n---\n{LEAD}\n")
    assert "| Titel | Freigelassen | aus dem Dateikopf, Zeile 2 |" in metadata_table(given).split("\n")


def test_a_letter_note_shows_its_label_on_the_page_and_in_the_open_data() -> None:
    import markdown

    from dossier.render.articles import render_article
    from dossier.render.opendata import article_record
    article, _ = notes_of("Lukashenko[a] was born in Kopys.[1]\nNotes\n^ Belarusian spelling.\n\n"
                          "References\n^ First.\n")
    html = markdown.markdown(render_article(article), extensions=["footnotes", "attr_list", "md_in_html",
                                                                  "pymdownx.details", "admonition", "tables"])
    assert '<span class="dossier-note-label">[a]</span> Belarusian spelling.' in html
    assert [(n["number"], n["label"]) for n in article_record(article)["footnotes"]] == [(1, None), (2, "a")]


# --- bylines and author lines that are sentences -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Von Alexander Lukaschenko (71) erwarten westliche Diplomaten dennoch keine Zugeständnisse.",
    "By Christmas Eve, Lukashenko had pardoned another 30 prisoners, according to the group.",
    "Autorin Swetlana Alexijewitsch (77) lebt seit fünf Jahren in Berlin.",
    "Author Svetlana Alexievich, who won the Nobel Prize in 2015, has lived in Berlin since 2020.",
])
def test_a_sentence_that_starts_like_a_byline_is_text(sentence: str) -> None:
    article, _ = parse(f"Was Minsk von Washington erwartet\n\n{LEAD}\n\n{sentence}\n\n{BODY}\n")
    assert article.author.value is None
    assert texts(article) == [LEAD, sentence, BODY]


@pytest.mark.parametrize("byline", ["Von Thomas Latschan, Berlin", "By Jane Doe | Reuters",
                                    "Von Thomas Latschan, Korrespondent in Washington.",
                                    "By Jane Doe, Washington correspondent, and John Roe in Vilnius.",
                                    "By Jane Doe and John Roe, Associated Press."])
def test_a_byline_under_the_lead_is_still_the_author(byline: str) -> None:
    article, _ = parse(f"Was Minsk von Washington erwartet\n\n{LEAD}\n\n{byline}\n\n{BODY}\n")
    assert article.author.value in {"Thomas Latschan", "Jane Doe"}
    assert texts(article) == [LEAD, BODY]


def test_a_closing_line_about_a_person_the_text_discusses_is_no_author_line() -> None:
    about = "Einer, der die Entwicklung verfolgt, ist der Politologe Artyom Schraibman. Er ist skeptisch."
    last = "Artyom Schraibman ist Politologe beim Carnegie Russia Eurasia Center in Berlin."
    article, _ = parse(f"Belarus und die USA\n\n{LEAD}\n\n{about}\n\n{last}\n")
    assert article.author.value is None and article.author_bio is None
    assert texts(article) == [LEAD, about, last]
    article, _ = parse(f"Belarus und die USA\n\n{LEAD}\n\n{BODY}\n\n{last}\n")
    assert (article.author.value, article.author_bio) == (
        "Artyom Schraibman", "ist Politologe beim Carnegie Russia Eurasia Center in Berlin.")


@pytest.mark.parametrize("heading", ["Das Wichtigste in Kürze", "Key points:", "Auf einen Blick"])
def test_the_short_lines_of_a_summary_box_are_content_not_infobox_rows(heading: str) -> None:
    points = ["Die USA heben Sanktionen gegen Belavia auf", "Belarus lässt 52 Gefangene frei",
              "Tichanowskaja warnt vor Naivität"]
    article, _ = parse("Belarus lässt Gefangene frei\n\n" + "\n\n".join([heading, *points, LEAD, BODY]) + "\n")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("heading", heading), *[("paragraph", p) for p in points], ("lead", LEAD), ("paragraph", BODY)]
    assert article.topics == () and not article.removed


def test_short_fragments_without_a_summary_heading_are_still_infobox_rows() -> None:
    rows = ["Assumed office", "Preceded byMyechyslaw Hryb", "Political partyIndependent", "Lukashenko in 2022"]
    article, _ = parse("Alexander Lukashenko\n\n" + "\n\n".join([*rows, LEAD, BODY]) + "\n")
    assert texts(article) == [LEAD, BODY]
    assert [r.reason for r in article.removed] == ["Infobox"] * 4


CHRONICLE = ("9. August 2020\n\nLukaschenko erklärt sich zum Sieger der Wahl. Die USA erkennen das nicht an.\n\n"
             "23. Mai 2021\n\nBelarus zwingt eine Ryanair-Maschine zur Landung. Die USA verhängen Sanktionen.\n\n"
             "11. September 2025\n\nNach dem Besuch eines US-Gesandten kommen 52 Gefangene frei.\n")


def test_date_lines_in_the_body_head_a_chronology_s_entries() -> None:
    article, _ = parse(f"Chronik: Belarus und die USA\n\n12. September 2025\n\n{LEAD}\n\n{CHRONICLE}")
    assert (article.date.value, article.date.line) == ("2025-09-12", 3)
    assert [b.text for b in article.blocks if b.kind == "heading"] == [
        "9. August 2020", "23. Mai 2021", "11. September 2025"]


AFTER = "Kritiker werfen der Regierung vor, sich auf ein Tauschgeschäft eingelassen zu haben."


@pytest.mark.parametrize(("heading", "items"), [
    ("Quellen", ["1. Kali-Exporte über Russland", "2. Raffinierte Ölprodukte"]),
    ("Sources", ["- Two US officials described the talks", "- A Belarusian intermediary confirmed it"]),
    ("Note:", ["- Belavia had been sanctioned since 2021 after the forced landing of a Ryanair flight."]),
])
def test_a_notes_heading_inside_the_text_over_a_list_nothing_cites_is_text(heading: str, items: list[str]) -> None:
    article, diags = parse("Wie finanziert sich das Regime?\n\n" + "\n\n".join([LEAD, heading, "\n".join(items), BODY,
                                                                                 AFTER]) + "\n")
    assert article.footnotes == () and article.notes_heading is None
    assert texts(article) == [LEAD, heading, *items, BODY, AFTER]
    assert "heading" not in [b.kind for b in article.blocks[2:]]  # list items are no headings
    assert [d for d in diags if d.severity != "info"] == []


def test_notes_that_end_the_text_stay_notes_even_when_nothing_cites_them() -> None:
    article, _ = parse(f"Wie finanziert sich das Regime?\n\n{LEAD}\n\nQuellen\n\n"
                       "1. Ein Bericht über die Finanzen des Regimes. Die Zeit, 11. August 2020.\n")
    assert [n.text for n in article.footnotes] == ["Ein Bericht über die Finanzen des Regimes. Die Zeit, 11. August 2020."]
    assert texts(article) == [LEAD]


def test_a_contents_heading_over_points_that_are_no_headings_is_text() -> None:
    points = ["1. Freilassung von 52 Gefangenen", "2. Aufhebung der Sanktionen gegen Belavia"]
    article, _ = parse("Was steht im Abkommen?\n\n" + "\n\n".join([LEAD, "Inhalt", "\n".join(points), BODY]) + "\n")
    assert texts(article) == [LEAD, "Inhalt", *points, BODY] and not article.removed
    toc = ["1. Vorgeschichte", "2. Folgen"]
    article, _ = parse("Was steht im Abkommen?\n\n" + "\n\n".join(
        [LEAD, "Inhalt", "\n".join(toc), "Vorgeschichte", BODY, "Folgen", BODY]) + "\n")
    assert [r.reason for r in article.removed] == ["Inhaltsverzeichnis"] * 3


def test_links_as_a_heading_inside_the_text_is_a_heading_at_the_end_a_link_list() -> None:
    left = "Die linken Gruppen setzen auf Gewerkschaften und Sozialpolitik"
    article, _ = parse("Die Opposition im Exil\n\n" + "\n\n".join([LEAD, "Links", left, "Rechts", BODY, AFTER]) + "\n")
    assert texts(article) == [LEAD, "Links", left, "Rechts", BODY, AFTER]
    article, _ = parse("Die Opposition im Exil\n\n" + "\n\n".join([LEAD, BODY, "Links", "Website der Partei"]) + "\n")
    assert texts(article) == [LEAD, BODY]
    assert [r.reason for r in article.removed] == ["Linkliste", "Linkliste"]


def test_notes_cited_by_glued_or_superscript_numbers_stay_notes_before_a_closing_paragraph() -> None:
    for cite in (".1", ".¹"):
        article, _ = parse(f"Wie Lukaschenko das Land finanziert\n\n{LEAD[:-1]}{cite} {BODY}\n\nAnmerkungen\n\n"
                           "1. Weltbank, Belarus Economic Update, Frühjahr 2024.\n\n"
                           "Abonnieren Sie unseren wöchentlichen Newsletter über Osteuropa und lesen Sie mehr.\n")
        assert [n.text for n in article.footnotes] == ["Weltbank, Belarus Economic Update, Frühjahr 2024."]


def test_a_closing_author_line_after_a_byline_with_the_same_name_is_the_author_line() -> None:
    last = "Thomas Meier ist Osteuropa-Korrespondent und lebt in Warschau."
    article, _ = parse(f"Was die Freilassungen bedeuten\n\n{LEAD}\n\n{BODY}\n\n"
                       f"Ein Kommentar von Thomas Meier, wie schon im Podcast „Meier fragt nach“ angekündigt.\n\n{last}\n")
    assert article.author.value == "Thomas Meier"


@pytest.mark.parametrize("earlier", ["Die Lage in Weißrussland bleibt angespannt, sagen Diplomaten.",
                                     "Weiß war im Bild. Foto: Anna Weiß"])
def test_a_surname_inside_another_word_or_in_the_author_s_photo_credit_is_no_discussion(earlier: str) -> None:
    last = "Anna Weiß ist Osteuropa-Korrespondentin und lebt in Warschau."
    article, _ = parse(f"Belarus und die USA\n\n{LEAD}\n\n{earlier.replace('Weiß war im Bild.', 'Ein Bild.')}"
                       f"\n\n{BODY}\n\n{last}\n")
    assert article.author.value == "Anna Weiß"


def test_a_sources_list_before_a_closing_author_line_stays_notes() -> None:
    article, _ = parse(f"Wie Lukaschenko das Land finanziert\n\n{LEAD}\n\nQuellen:\n- Weltbank, Frühjahr 2024.\n"
                       "- Reuters, 12. März 2024.\n\nAnna Meier ist Redakteurin im Ressort Ausland.\n")
    assert [n.text for n in article.footnotes] == ["Weltbank, Frühjahr 2024.", "Reuters, 12. März 2024."]


def test_a_partial_wikipedia_contents_list_is_still_removed() -> None:
    toc = ["1 Leben", "1.1 Herkunft", "2 Politik", "3 Einzelnachweise"]
    article, _ = parse("Swjatlana Zichanouskaja\n\n" + "\n\n".join([LEAD, "Inhaltsverzeichnis", "\n".join(toc), BODY])
                       + "\n")
    assert texts(article) == [LEAD, BODY]
    assert [r.reason for r in article.removed] == ["Inhaltsverzeichnis"] * 5


def test_a_category_label_that_sounds_like_a_summary_is_still_a_topic() -> None:
    article, _ = parse(f"In Brief\nBelarus frees 52 political prisoners after US talks\nSeptember 17, 2025\n{LEAD}\n")
    assert article.title.value == "Belarus frees 52 political prisoners after US talks"
    assert article.topics == ("In Brief",)
