"""Sentence boundaries: the rules of annotate/sentences.py, and the fast pattern equal to the
plain one it replaced."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from dossier.annotate.sentences import _ABBREVIATIONS, _END, context_span, sentence_span, sentence_starts

ROOT = Path(__file__).resolve().parents[1]
# The pattern as first written: look-behinds before the end mark (slow: they run at every
# character). The fast one must find exactly the same ends.
PLAIN = re.compile(r"(?<!\b\w)(?<!\b\d\d)" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
                   + r"[.!?…][\"“”»«]?\s+(?=[A-ZÄÖÜ„\"«(])")


@pytest.mark.parametrize(("text", "sentences"), [
    ("Er kam. Sie ging.", ["Er kam. ", "Sie ging."]),
    ("Am 21. Juni kam er. Dann ging er.", ["Am 21. Juni kam er. ", "Dann ging er."]),
    ("Im Frühjahr 2015. Ein neues Jahr.", ["Im Frühjahr 2015. ", "Ein neues Jahr."]),
    ("The U.S. Envoy met J. Smith. He left!", ["The U.S. Envoy met J. Smith. ", "He left!"]),
    ("Dr. Müller und Prof. Weber, vgl. Abs. 3. Danach", ["Dr. Müller und Prof. Weber, vgl. Abs. 3. Danach"]),
    ("Er sagte: „Ja.“ Dann „Nein?“ (Später.) Ende", ["Er sagte: „Ja.“ ", "Dann „Nein?“ ", "(Später.) Ende"]),
    ("Warum? Darum… Und so.", ["Warum? ", "Darum… ", "Und so."]),
])
def test_sentences_end_where_a_reader_sees_an_end(text: str, sentences: list[str]) -> None:
    starts = [0, *sentence_starts(text), len(text)]
    assert [text[a:b] for a, b in pairwise(starts)] == sentences


def test_sentence_span_finds_the_sentence_of_a_phrase() -> None:
    text = "Er kam am 21. Juni. Sie ging am 22. Juni. Ende."
    start = text.index("Sie")
    assert text[slice(*sentence_span(text, start, start + 3))] == "Sie ging am 22. Juni. "


def test_context_span_is_the_sentence_when_it_is_short() -> None:
    text = "Er kam am 21. Juni. Sie ging am 22. Juni. Ende."
    start = text.index("Sie")
    assert context_span(text, start, start + 3) == sentence_span(text, start, start + 3)


def test_context_span_cuts_an_endless_sentence_at_words_around_the_phrase() -> None:
    words = [f"wort{i}" for i in range(3000)]
    text = " ".join(words[:1500] + ["Lukaschenko"] + words[1500:])
    start = text.index("Lukaschenko")
    s, e = context_span(text, start, start + 11, limit=100)
    assert start - 100 <= s <= start and start + 11 <= e <= start + 111
    quote = text[s:e]
    assert "Lukaschenko" in quote and quote.split()[0] in words and quote.split()[-1] in words
    assert text[s - 1] == " " and text[e] == " "     # whole words only



def test_the_fast_end_pattern_finds_what_the_plain_one_finds() -> None:
    files = sorted([*ROOT.glob("eval/**/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt"), *ROOT.glob("seeds/*.txt")])
    texts = [part for file in files for part in file.read_text(encoding="utf-8", errors="replace").split("\n\n")]
    texts += ["Dr. X. Y kam. ca. 5. Danach", "Mr. A! B", "St. Paul? C", "1. Juni. D", "99. E", "x. Y", "… Z"]
    ends = [[m.span() for m in _END.finditer(text)] for text in texts]
    assert sum(map(len, ends)) > 100
    assert ends == [[m.span() for m in PLAIN.finditer(text)] for text in texts]
