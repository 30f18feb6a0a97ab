"""Find http(s) URLs in running text and strip tracking parameters from link targets."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dossier.model import Link

# Stop at white space and at quotation marks that German and English texts put around URLs.
_URL = re.compile(r"https?://[^\s<>\"„“”‹›«»]+", re.IGNORECASE)
_TRAILING = ".,;:!?'’)]}"
_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_hsenc|_hsmi|mkt_tok|ocid|cmpid|s_cid|wt_mc|at_medium|at_campaign|ref_src|spm)$",
    re.IGNORECASE,
)


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence rather than the URL (keep balanced ')')."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def clean_target(url: str) -> str:
    """The URL without tracking query parameters; everything else is kept as written."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)]
    return urlunsplit(parts._replace(query=urlencode(kept, doseq=True)))


def find_links(text: str) -> tuple[Link, ...]:
    links = []
    for match in _URL.finditer(text):
        raw = _trim(match.group(0))
        if len(raw) <= len("https://"):
            continue
        links.append(Link(match.start(), match.start() + len(raw), raw, clean_target(raw)))
    return tuple(links)


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def without_tracking(text: str) -> str:
    """`text` with every URL in it shown as its cleaned target (for quotes of note texts)."""
    out, pos = [], 0
    for link in find_links(text):
        out += [text[pos:link.start], link.target]
        pos = link.end
    return "".join(out) + text[pos:]
