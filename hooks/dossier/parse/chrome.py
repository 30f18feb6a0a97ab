"""Web-page debris ("chrome") that pasted pages carry, recognised by kind, never by site.

Each rule is a regular expression that must match a whole line (after an optional list
number or bullet); its kind is the reason shown in the "Beim Einlesen entfernt" box. A rule
describes one kind of page furniture that many sites share: skip links, menus, share bars,
media-player residue, donation buttons, encyclopedia boilerplate, archive headers, page
footers. Rules are data: add a line here when a new kind of debris shows up, never a
per-file case, and add a heading that looks like the debris to the tests (a real heading such
as "Go to war over Belarus?" must survive every rule).

Rules that need context (a run of infobox lines, a table of contents, a donation appeal at
the top of the page, a repeated caption) live in parse.py; this module only judges single lines.
"""

from __future__ import annotations

import re

SKIP_LINK = "Sprunglink"
EDIT_LINK = "Bearbeiten-Link"
TEASER = "Teaser"

# Targets that skip links jump to: a skip link is "skip/jump to" plus only these words.
_SKIP_TARGET = (r"(?:the\s+)?(?:main\s+)?(?:content|navigation|search|menu|footer|page\s+content"
                r"|top|article|main|section|bottom)")
_EDIT_WORDS = r"(?:quelltext\s+bearbeiten|bearbeiten|edit\s+source|edit|change\s+source|change)"
# "[Bearbeiten | Quelltext bearbeiten]", "[edit]", "[change | change source]"
# No leading white space in the pattern: searched, "\s*\[" would scan every run of spaces once
# from each of its positions (quadratic in a long run); the caller strips what stands before.
EDIT_RESIDUE = re.compile(r"\[\s*" + _EDIT_WORDS + r"(?:\s*\|\s*" + _EDIT_WORDS + r")*\s*\]\s*$",
                          re.IGNORECASE)
# "Mar 3, 2025", "0:00 0:03:34 0:00": player time stamps only
_TIMES = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:/\s*)?(?:\d{1,2}:)?\d{1,2}:\d{2})*"

_RULES: tuple[tuple[str, str], ...] = (
    # navigation and accessibility links
    (r"(zum|zur|zu den|zu weiteren|zurück zum|zurück zur)\b.{0,80}\bspringen"
     r"(\s+(zum|zur)\b.{0,40}\bspringen)*", SKIP_LINK),
    (r"((skip|jump)( to)?:?\s+" + _SKIP_TARGET + r"(\s*,\s*" + _SKIP_TARGET + r")*\s*)+", SKIP_LINK),
    (r"accessibility links|barrierefreiheit|toggle (the )?(navigation|menu|table of contents)",
     SKIP_LINK),
    (r"den nächsten abschnitt\b.{0,80}\büberspringen", "Abschnitt überspringen"),
    (r"skip (the )?(next )?section\b.{0,80}", "Abschnitt überspringen"),
    (r"(startseite|zur startseite|home|menü|menu|main menu|hauptmenü|navigation|suche|search"
     r"|login|anmelden|log in|sign in|create account|benutzerkonto erstellen|konto erstellen"
     r"|contact( us)?|kontakt|about( us)?|über uns|newsroom|services|impressum|datenschutz"
     r"|privacy policy|sitemap|more|mehr|close|schließen|back to top|nach oben|top)", "Navigation"),
    (r"(home|startseite)\s*[|›>»/].{1,200}", "Brotkrumen"),
    (r"(next|previous|prev|nächster|vorheriger) (article|story|post|artikel|beitrag)"
     r"|zurück zur übersicht|back to (all )?(news|articles|press releases)", "Artikel-Navigation"),
    (r"(breaking news|eilmeldung|breaking|live ticker|liveticker)", "Eilmeldungsleiste"),
    # date labels whose values were images or scripts ("Erstellt: Aktualisiert:")
    (r"((zuerst |zuletzt )?(erstellt|aktualisiert|veröffentlicht|published|updated|first published"
     r"|last updated)( am| on)?\s*:?\s*){1,4}", "Leere Metadaten"),
    (r"(folgen sie uns|finden sie uns|follow us)( (auf|on) .{1,40})?", "Navigation"),
    # share bars and print buttons
    (r"(artikel |seite |diesen artikel )?(teilen|drucken|merken|versenden|kommentieren|kommentare)"
     r"( (auf|per|via) [\w .-]{1,20})?", "Teilen-Schaltfläche"),
    (r"(share|print|tweet|e-?mail|copy link|comments?|print options:?|copy to clipboard|copied)"
     r"( (on|via) [\w .-]{1,20})?( this( article| page| story)?)?", "Teilen-Schaltfläche"),
    # advertising, newsletters, teasers, cookies
    (r"(werbung|anzeige|advertisement|sponsored( content)?)", "Werbung"),
    (r"(jetzt |hier )?(den )?newsletter (abonnieren|bestellen)|subscribe( now| to our newsletter)?"
     r"|sign up for (our|the) newsletter", "Newsletter"),
    (r"(mehr zum thema|lesen sie auch|das könnte sie auch interessieren|auch interessant"
     r"|related( articles| stories| content)?|read more|more on this (topic|story)|weiterlesen)",
     TEASER),
    (r"(diese (web)?seite (verwendet|nutzt) cookies|we use cookies).{0,200}", "Cookie-Hinweis"),
    # donation buttons (the appeal itself is judged in context by parse.py)
    (r"(donate( now| today)?|jetzt spenden|maybe later|vielleicht später"
     r"|i already donated|ich habe (bereits|schon) gespendet|support us|unterstützen sie uns"
     r"|remind me (later|in (an )?e-?mail))", "Spendenaufruf"),
    # media-player residue
    (r"(please wait|bitte warten|loading( \.\.\.|…)?|loader|wird geladen|no media source currently available"
     r"|video (abspielen|ansehen)|play( video| audio)?|pause|mute|embed( share)?|"
     + _TIMES + r")", "Medienspieler"),
    # end marks of press releases
    (r"(#\s*){3}|-\s*30\s*-|-\s*ende\s*-", "Endzeichen"),
    # official-site banners
    (r"an official website of the united states government|here'?s how you know"
     r"|official websites use \.gov.{0,200}|secure \.gov websites use https.{0,200}",
     "Behördenbanner"),
    # encyclopedia boilerplate
    (r"(from|aus) (simple english )?wikipedia, (the free encyclopedia|der freien enzyklopädie)",
     "Enzyklopädie-Kopfzeile"),
    (r"\((weitergeleitet von|redirected from) [^()]{1,120}\)", "Weiterleitungshinweis"),
    (r"[\"“„]?[^\"“”„]{1,80}[\"“”]? (redirects here|leitet hierher weiter)\b.{0,200}",
     "Weiterleitungshinweis"),
    # hatnotes: they point elsewhere ("see", "siehe"), or are one short line
    (r"(this article is about|dieser artikel (behandelt|beschreibt|befasst sich))\b"
     r"(.{0,200}\b(see|siehe)\b.{0,200}|.{0,40})"
     r"|(for other uses, see|zu weiteren bedeutungen siehe)\b.{0,200}", "Begriffsklärungshinweis"),
    (r"(this\s*(article|section)\s*(needs|has multiple issues|relies|may (need|require))"
     r"|find sources:|(\([^()]{1,30}\)\s*)?\(?learn how and when to remove this (message|template message)\)?"
     r"|dies ist eine alte version dieser seite|this is an old revision of this page"
     r"|page contents not supported in other languages|diese seite existiert in keiner anderen"
     r"|dieser artikel (ist nicht hinreichend mit belegen|oder nachfolgende abschnitt)).{0,400}",
     "Wartungshinweis"),
    (r"edit (this )?at wikidata|daten bei wikidata bearbeiten|bearbeiten auf wikidata", "Infobox"),
    # infobox template parameters flattened into text ("term_start = 20 July 1994")
    (r"[a-z][a-z_]{2,30}[0-9]?\s*=(\s.{0,200})?", "Infobox"),
    (r"(commons|wikimedia commons)( has media related to)?:? .{1,120}"
     r"(sammlung von bildern|media related to|bilder, videos und audiodateien).{0,120}",
     "Enzyklopädie-Verweis"),
    (r"\[\s*" + _EDIT_WORDS + r"(\s*\|\s*" + _EDIT_WORDS + r")*\s*\]", EDIT_LINK),
    # page footers of encyclopedias and blogs
    (r"(retrieved from|abgerufen von)\s*[\"“„].{1,300}", "Seitenfuß"),
    (r"(hidden )?categor(y|ies)\s*:.{1,500}|(versteckte )?kategorien?\s*:.{1,500}", "Seitenfuß"),
    (r"(this page was last (edited|modified) on|diese seite wurde zuletzt am)\b.{0,120}",
     "Seitenfuß"),
    (r"(text is available under the creative commons|der text ist unter der lizenz"
     r"|content is available under).{0,300}", "Seitenfuß"),
    (r"(normdaten|authority control( databases)?)\b.{0,300}", "Seitenfuß"),
    (r"(privacy policy|datenschutz)\s+(about|über) .{0,200}", "Seitenfuß"),
    (r".{0,120}\|\s*(topics|tags|themen|schlagw(ö|oe)rter|filed under|kategorie)\s*:.{0,200}",
     "Seiten-Metadaten"),
    # archive and provenance headers (Congressional Record, GPO documents)
    (r"\[(congressional record|congressional bills)\b[^\]]{0,160}\]"
     r"|\[pages? [a-z]{0,2}\d+(\s*-\s*[a-z]{0,2}\d+)?\]"
     r"|\[(senate|house( of representatives)?|extensions of remarks|daily digest)\]"
     r"|\[?from the u\.s\. government (publishing|printing) office\]?"
     r"|from the congressional record online\b.{0,160}|<doc>", "Archivkopf"),
)
_LIST_PREFIX = r"^\s*(?:\d{1,2}[.)]|[-*•·])?\s*"
_COMPILED = tuple((re.compile(_LIST_PREFIX + "(?:" + rule + r")\s*[.:]?\s*$", re.IGNORECASE), reason)
                  for rule, reason in _RULES)
# All rules in one pattern: it matches exactly when one of them does (an alternation tries
# every branch), so the line is scanned once, and only a chrome line goes through the rules in
# order to learn which one it is.
_ANY = re.compile(_LIST_PREFIX + "(?:" + "|".join(f"(?:{rule})" for rule, _ in _RULES) + r")\s*[.:]?\s*$",
                  re.IGNORECASE)


# Words of buttons, menus and share bars: a short line made only of them is a row of
# controls ("Diesen Artikel teilen Kommentare", "Copy to clipboard Copied").
_UI_TEXT = (
    "share teilen diesen dieses artikel article this print drucken comments kommentare close "
    "schließen button copy kopieren link to clipboard copied kopiert embed einbetten video videos "
    "des den zum the email e-mail mail facebook twitter x whatsapp telegram linkedin reddit "
    "bluesky threads mastodon messenger save speichern merken listen anhören vorlesen audio "
    "follow folgen us uns newsletter newsletters podcasts events veranstaltungen menu menü search "
    "suche login loader more mehr top home startseite flag report melden inappropriate as"
)
_UI_WORDS = frozenset(_UI_TEXT.split())


def _ui_row(line: str) -> bool:
    words = re.findall(r"[\w-]+", line.lower())
    if not 2 <= len(words) <= 12 or re.search(r"[.!?]$", line.strip()):
        return False
    return sum(w not in _UI_WORDS for w in words) <= (1 if len(words) >= 5 else 0)


def chrome_reason(line: str) -> str | None:
    """Why `line` is page chrome, or None when it is content."""
    if len(line) > 600:
        return None
    for pattern, reason in _COMPILED if _ANY.match(line) else ():
        if pattern.match(line):
            return reason
    if _ui_row(line):
        return "Bedienzeile"
    return None


def strip_edit_residue(text: str) -> tuple[str, str | None]:
    """("Leben", "[Bearbeiten | Quelltext bearbeiten]") for a heading that carries edit links."""
    match = EDIT_RESIDUE.search(text) if "[" in text else None
    head = text[:match.start()].rstrip() if match else ""
    if match is None or not head:
        return text, None
    return head, match.group(0).strip()
