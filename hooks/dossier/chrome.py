"""Web-page debris ("chrome") that scraped articles carry: skip links, share buttons, teasers.

Each rule is a regular expression that must match a whole line (after an optional list
number or bullet), with the reason shown on the article page. Rules are data: add a line
here when a new outlet's debris shows up, never a per-file special case.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, str], ...] = (
    (r"(zum|zur|zu den|zu weiteren|zurück zum|zurück zur)\b.{0,80}\bspringen", "Sprunglink"),
    (r"(skip|jump|go) to\b.{0,80}", "Sprunglink"),
    (r"den nächsten abschnitt\b.{0,80}\büberspringen", "Abschnitt überspringen"),
    (r"skip (the )?(next )?section\b.{0,80}", "Abschnitt überspringen"),
    (r"(artikel |seite )?(teilen|drucken|merken|versenden|kommentieren)"
     r"( (auf|per|via) [\w .-]{1,20})?", "Teilen-Schaltfläche"),
    (r"(share|print|tweet|e-?mail|copy link)( (on|via) [\w .-]{1,20})?( this( article)?)?",
     "Teilen-Schaltfläche"),
    (r"(werbung|anzeige|advertisement|sponsored( content)?)", "Werbung"),
    (r"(jetzt |hier )?(den )?newsletter (abonnieren|bestellen)|subscribe( now| to our newsletter)?"
     r"|sign up for (our|the) newsletter", "Newsletter"),
    (r"(mehr zum thema|lesen sie auch|das könnte sie auch interessieren|auch interessant"
     r"|related( articles| stories| content)?|read more|more on this (topic|story)|weiterlesen)",
     "Teaser"),
    (r"(diese (web)?seite (verwendet|nutzt) cookies|we use cookies).{0,200}", "Cookie-Hinweis"),
    (r"(startseite|zur startseite|home|menü|menu|navigation|suche|search|login|anmelden"
     r"|log in|sign in)", "Navigation"),
)
_LIST_PREFIX = r"^\s*(?:\d{1,2}[.)]|[-*•·])?\s*"
_COMPILED = tuple((re.compile(_LIST_PREFIX + rule + r"\s*[.:]?\s*$", re.IGNORECASE), reason)
                  for rule, reason in _RULES)


def chrome_reason(line: str) -> str | None:
    """Why `line` is page chrome, or None when it is content."""
    if len(line) > 240:
        return None
    for pattern, reason in _COMPILED:
        if pattern.match(line):
            return reason
    return None
