"""URLs in notes: found with the right end, tracking parameters removed, only http(s)."""

from __future__ import annotations

import pytest

from dossier.index.sources import citation_text
from dossier.parse.links import clean_target, domain_of, find_links
from dossier.render.mdtext import safe_url


@pytest.mark.parametrize(("url", "clean"), [
    ("https://a.org/x?utm_source=chatgpt.com", "https://a.org/x"),
    ("https://a.org/x?id=5&utm_medium=mail&utm_campaign=c", "https://a.org/x?id=5"),
    ("https://a.org/x?fbclid=1&gclid=2&msclkid=3&mc_cid=4", "https://a.org/x"),
    ("https://www.sb.by/articles/vo-imya-mira-intervyu.html?amp=1", "https://www.sb.by/articles/vo-imya-mira-intervyu.html?amp=1"),
    ("https://a.org/x#part", "https://a.org/x#part"),
    ("https://a.org/x?q=a+b&utm_term=t#frag", "https://a.org/x?q=a+b#frag"),
])
def test_tracking_parameters_are_removed(url: str, clean: str) -> None:
    assert clean_target(url) == clean


@pytest.mark.parametrize(("text", "raw"), [
    ("online unter https://eir.news/2025/08/news/x/. Vgl. auch", "https://eir.news/2025/08/news/x/"),
    ("(siehe https://example.net/b).", "https://example.net/b"),
    ("https://de.wikipedia.org/wiki/Minsk_(Begriffskl%C3%A4rung), dort", "https://de.wikipedia.org/wiki/Minsk_(Begriffskl%C3%A4rung)"),
    ("„https://example.org/zitat“ steht da", "https://example.org/zitat"),
    ("ftp://example.org/x und mailto:a@b.c", None),
])
def test_url_ends_are_found(text: str, raw: str | None) -> None:
    links = find_links(text)
    assert [link.raw for link in links] == ([raw] if raw else [])


def test_domains_drop_www() -> None:
    assert domain_of("https://www.Spiegel.de/ausland/x") == "spiegel.de"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "JaVaScRiPt:x", "//evil.org"])
def test_only_http_urls_become_link_targets(url: str) -> None:
    assert safe_url(url) == ""


def test_link_targets_cannot_break_out_of_markdown() -> None:
    assert safe_url('https://a.org/x"onmouseover=1 (y) <z>') == \
        "https://a.org/x%22onmouseover=1%20%28y%29%20%3Cz%3E"


@pytest.mark.parametrize(("note", "context"), [
    ("Siehe „Titel“, bei NTV, 15.08.2025, online unter https://n-tv.de/x und „Zwei“, bei APA, online unter "
     "https://apa.at/y.", ["„Titel“, bei NTV, 15.08.2025", "„Zwei“, bei APA"]),
    ("Vgl. auch Simon Shuster: Talks With U.S. Envoy, bei Time, 08.08.2025, online unter https://time.com/z.",
     ["Simon Shuster: Talks With U.S. Envoy, bei Time, 08.08.2025"]),
    ("Erster Satz. Siehe https://example.org/a.", [""]),
])
def test_citation_text_describes_each_url(note: str, context: list[str]) -> None:
    assert [citation_text(note, link.start, link.end) for link in find_links(note)] == context
