"""Render stage for actors: index by kind, one page per actor, the glossary of spellings, and
the inserts that turn mentions in article texts into links."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import groupby

from dossier.annotate.actors import CYRILLIC_SCHEME, Actor, Variant
from dossier.annotate.mentions import Mention
from dossier.annotate.normalise import key
from dossier.annotate.sentences import sentence_span
from dossier.annotate.translit import SCHEME_LABELS
from dossier.model import Article, is_topic, note_number, note_part, topic_part
from dossier.parse.links import without_tracking
from dossier.render.articles import Annotator, display_title, footnote_anchor, page_meta
from dossier.render.german import count
from dossier.render.mdtext import Insert, escape_inline, heading_text, link_to, safe_url

KIND_LABELS = {"person": ("Person", "Personen"), "organisation": ("Organisation", "Organisationen"),
               "state": ("Staat", "Staaten"), "medium": ("Medium", "Medien")}
GENDER_LABELS = {"m": "männlich", "f": "weiblich"}
LANGUAGE_LABELS = {"ru": "russisch", "be": "belarussisch"}


def actor_path(actor_id: str) -> str:
    return f"akteure/{actor_id}.md"


def scheme_label(variant: Variant) -> str:
    if variant.scheme is None:
        return "Verzeichnis (Name oder eigene Schreibweise)"
    if variant.scheme == CYRILLIC_SCHEME:
        return "kyrillische Ausgangsform"
    return SCHEME_LABELS[variant.scheme]


def source_label(variant: Variant) -> str:
    if variant.source_form is None:
        return "—"
    return f"{escape_inline(variant.source_form)} ({LANGUAGE_LABELS[variant.language or '']})"


def mention_anchor(article: Article, mention: Mention) -> str:
    number = note_number(mention.part)
    if number is not None:
        return footnote_anchor(article, number)
    if mention.part == "headline" or is_topic(mention.part):
        return ""
    return f"zeile-{mention.line}"


# Where a mention is counted but never linked: headings (and the title line and topics, which
# the article page renders itself), picture credits (photographers are credited, not
# discussed), and notes, whose text is mostly cited titles ("Trump lobt Lukaschenko").
UNLINKED_PARTS = ("credit", "headline")


def linkable(mention: Mention) -> bool:
    return not (mention.heading or mention.part in UNLINKED_PARTS or note_number(mention.part) is not None
                or is_topic(mention.part))


def annotator(mentions: list[Mention], actors: dict[str, Actor], prefix: str = "../") -> Annotator:
    """Inserts linking each actor where a reader expects a link: people at their first mention
    in each section (a heading starts a section), states, organisations and media at their first
    mention in the article; never in headings, credits or notes. The link title (shown as a
    tooltip) names and describes the actor. Every mention still counts on the actor page."""
    chosen: set[tuple[str, str, int, int]] = set()
    done: set[tuple[str, str, int]] = set()
    for m in sorted(mentions, key=lambda m: (m.article, m.line, m.part, m.start)):
        if not linkable(m):
            continue
        scope = m.section if actors[m.actor].kind == "person" else -1
        if (m.article, m.actor, scope) not in done:
            done.add((m.article, m.actor, scope))
            chosen.add((m.article, m.part, m.line, m.start))
    by_place: dict[tuple[str, str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        if (m.article, m.part, m.line, m.start) in chosen:
            by_place[(m.article, m.part, m.line)].append(m)

    def annotate(article: str, line: int, part: str, _text: str) -> list[Insert]:
        inserts = []
        for m in by_place.get((article, part, line), []):
            actor = actors[m.actor]
            inserts.append(Insert(m.start, m.end, link_to(f"{prefix}{actor_path(actor.id)}",
                                                          f"{actor.name}: {actor.description}")))
        return inserts
    return annotate


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end], and the mention's offsets within it."""
    left, right = sentence_span(text, start, end)
    sentence = text[left:right]
    lead = len(sentence) - len(sentence.lstrip())
    return sentence.strip(), start - left - lead, end - left - lead


def _context_line(article: Article, text: str, mention: Mention) -> str:
    sentence, s, e = sentence_around(text, mention.start, mention.end)
    before, name, after = (without_tracking(part) for part in (sentence[:s], sentence[s:e], sentence[e:]))
    quote = f"{escape_inline(before)}**{escape_inline(name)}**{escape_inline(after)}"
    place = f"Anm. {note_number(mention.part)}" if note_number(mention.part) is not None else f"Zeile {mention.line}"
    if mention.part in ("title", "credit"):
        place += ", Bildunterschrift" if mention.part == "title" else ", Bildnachweis"
    elif mention.part == "headline":
        place = "Titel"
    elif is_topic(mention.part):
        place = "Thema"
    how = escape_inline(mention.form)
    if mention.scheme:
        how += f", {scheme_label(Variant(mention.form, mention.source_form, None, mention.scheme))}"
    how += HOW_LABELS.get(mention.how, "")
    if mention.how == "similar" and mention.score is not None:
        how += f" {mention.score:.2f}".replace(".", ",")
    anchor = mention_anchor(article, mention)
    target = f"../artikel/{article.id}.md" + (f"#{anchor}" if anchor else "")
    return f"- „{quote}“ — [{place}]({target}) <small>(erkannt als {how})</small>"


HOW_LABELS = {"surname": ", nur Nachname", "first": ", nur Vorname", "shared": ", geteilte Schreibweise",
              "similar": ", ähnliche Schreibweise, Ähnlichkeit"}


def _texts(article: Article) -> dict[tuple[str, int], str]:
    texts: dict[tuple[str, int], str] = {}
    line = article.title.line or 1
    if article.title.value:
        texts[("headline", line)] = article.title.value
    for i, topic in enumerate(article.topics, 1):
        texts[(topic_part(i), line)] = topic
    for block in article.blocks:
        texts[("text", block.line)] = block.text
        if block.title:
            texts[("title", block.line)] = block.title
        if block.credit:
            texts[("credit", block.line)] = block.credit
    for note in article.footnotes:
        texts[(note_part(note.number), note.line)] = note.text
    return texts


def attested_spellings(mentions: list[Mention]) -> Counter[str]:
    """How often each registry spelling was recognised, genitives and surname-only uses
    included: every mention records the spelling it matched."""
    return Counter(m.form for m in mentions)


def _spellings_table(actor: Actor, attested: Counter[str]) -> list[str]:
    out = ["| Schreibweise | Ausgangsform | Schema | im Dossier |", "|---|---|---|---|"]
    for variant in actor.variants:
        seen = attested.get(variant.form, 0)
        out.append(f"| {escape_inline(variant.form)} | {source_label(variant)} | {scheme_label(variant)} | "
                   f"{count(seen, 'Mal', 'Mal') if seen else '—'} |")
    return out


# Actor pages come first in search for any spelling of the actor (articles name them too).
ACTOR_SEARCH_BOOST = 100


def spellings_line(actor: Actor) -> list[str]:
    """Every spelling of the actor once, registry order, Cyrillic source forms last."""
    forms = [v.form for v in actor.variants] + [v.source_form for v in actor.variants if v.source_form]
    unique = list(dict.fromkeys(f for f in forms if f))
    return sorted(unique, key=lambda f: any("\u0400" <= c <= "\u04ff" for c in f))


def actor_summary(actor: Actor, mentions: list[Mention]) -> str:
    """One paragraph under the title: who, role, how often named, every spelling. It is what
    search shows as the page's snippet and what a hover preview shows."""
    kind = KIND_LABELS[actor.kind][0]
    facts = " · ".join([kind] + ([GENDER_LABELS[actor.gender]] if actor.gender else []))
    text = [f"*{facts}* — {escape_inline(actor.description.rstrip('.'))}."]
    if actor.role:
        text.append(f"**Rolle im Dossier:** {escape_inline(actor.role.rstrip('.'))}.")
    articles = len({m.article for m in mentions})
    text.append(f"Im Dossier {count(len(mentions), 'Erwähnung', 'Erwähnungen')} in "
                f"{count(articles, 'Artikel', 'Artikeln')}." if mentions else "Im Dossier bisher nicht erwähnt.")
    text.append(f"**Schreibweisen:** {', '.join(escape_inline(f) for f in spellings_line(actor))}.")
    return " ".join(text) + "\n{ .dossier-summary }"


def render_actor(actor: Actor, mentions: list[Mention], articles: dict[str, Article],
                 cooccur: Counter[str], actors: dict[str, Actor], events_md: list[str] | None = None,
                 network: list[str] | None = None) -> str:
    out = [page_meta(actor.name, boost=ACTOR_SEARCH_BOOST), f"# {heading_text(actor.name)}", "",
           actor_summary(actor, mentions), "", *(network or [])]
    if actor.wikidata:
        out += [f"**Wikidata:** [{actor.wikidata}](https://www.wikidata.org/wiki/{actor.wikidata})", ""]
    attested = attested_spellings(mentions)
    # Only the summary above is searched: the sections below name other actors (and list
    # every spelling again), which would put this page above theirs.
    # The PDF leaves the table out (dossier-web-only): the summary lists every spelling and
    # the Glossar gives each one's source and scheme.
    out += ['<div class="dossier-spellings dossier-web-only" markdown>', "",
            "## Schreibweisen { #schreibweisen data-search-exclude }", "",
            f"{count(len(actor.variants), 'Schreibweise', 'Schreibweisen')}, aus den kyrillischen "
            "Ausgangsformen erzeugt oder im Akteursverzeichnis eingetragen. Jede davon wird in allen Texten "
            "erkannt; „im Dossier“ zählt die Erwähnungen je Schreibweise, mit Genitiv und Nachname "
            "allein.", "", *_spellings_table(actor, attested), "", "</div>", ""]
    if events_md:
        out += ['<div class="dossier-actor-events" data-search-exclude markdown>', "", *events_md, "", "</div>", ""]
    in_articles = sorted({m.article for m in mentions})
    out += [f"## Erwähnungen ({count(len(mentions), 'Stelle', 'Stellen')} in "
            f"{count(len(in_articles), 'Artikel', 'Artikeln')}) {{ #erwahnungen data-search-exclude }}", "",
            '<div class="dossier-mentions" data-search-exclude markdown>', ""]
    for article_id, group in groupby(sorted(mentions, key=lambda m: (m.article, m.line, m.start)),
                                     key=lambda m: m.article):
        article = articles[article_id]
        texts = _texts(article)
        out += [f"### [{heading_text(display_title(article))}](../artikel/{article.id}.md)", ""]
        out += [_context_line(article, texts[(m.part, m.line)], m) for m in group]
        out.append("")
    out += ["</div>", ""]
    if cooccur:
        out += ["## Gemeinsam genannt mit { #gemeinsam-genannt-mit data-search-exclude }", "",
                ", ".join(f"[{escape_inline(actors[other].name)}]({other}.md) ({n})"
                          for other, n in sorted(cooccur.items(), key=lambda kv: (-kv[1], kv[0]))[:12]), ""]
    cited = _cited_sources(mentions, articles)
    if cited:
        out += ["## Quellen, die den Akteur nennen { #quellen-die-den-akteur-nennen data-search-exclude }", ""]
        for url, a, number in cited:
            where = f"../artikel/{a}.md#{footnote_anchor(articles[a], number)}"
            out.append(f"- [{escape_inline(url)}]({safe_url(url)}) — Anm. {number} in "
                       f"[{escape_inline(display_title(articles[a]))}]({where})")
        out.append("")
    return "\n".join(out)


def _cited_sources(mentions: list[Mention], articles: dict[str, Article]) -> list[tuple[str, str, int]]:
    notes = sorted({(m.article, n) for m in mentions if (n := note_number(m.part)) is not None})
    found = []
    for article_id, number in notes:
        note = next(n for n in articles[article_id].footnotes if n.number == number)
        found += [(link.target, article_id, number) for link in note.links]
    return found


def render_actor_index(actors: list[Actor], mentions: list[Mention], network: list[str] | None = None) -> str:
    counts = Counter(m.actor for m in mentions)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        articles_of[m.actor].add(m.article)
    in_articles = {a.id: len(articles_of[a.id]) for a in actors}
    out = [page_meta("Akteure", search=False), "# Akteure", "",
           f"{count(len(actors), 'Akteur', 'Akteure')} mit {count(len(mentions), 'Erwähnung', 'Erwähnungen')}. "
           "Jede Schreibweise zählt: siehe das [Glossar](../glossar.md).", "", *(network or [])]
    for kind, (_, plural) in KIND_LABELS.items():
        group = sorted((a for a in actors if a.kind == kind), key=lambda a: (-counts[a.id], a.name))
        if not group:
            continue
        # The PDF lists every actor in its contents and sets each entry after this page.
        out += ['<div class="dossier-web-only" markdown>', "", f"## {plural}", "",
                "| Name | Beschreibung | Erwähnungen | Artikel |", "|---|---|---|---|"]
        out += [f"| [{escape_inline(a.name)}]({a.id}.md) | {escape_inline(a.description)} | "
                f"{counts[a.id]} | {in_articles[a.id]} |" for a in group]
        out += ["", "</div>", ""]
    return "\n".join(out)


def render_glossary(actors: list[Actor], mentions: list[Mention]) -> str:
    attested = attested_spellings(mentions)
    rows: dict[tuple[str, str], list[Variant]] = defaultdict(list)
    for actor in actors:
        for variant in actor.variants:
            rows[(variant.form, actor.id)].append(variant)
    by_id = {a.id: a for a in actors}

    def letter(form: str) -> str:
        first = key(form)[:1].upper()
        return first if "A" <= first <= "Z" else ("Kyrillisch" if "\u0400" <= first <= "\u04ff" else "#")

    def shown(form: str, actor_id: str) -> str:
        """People by surname ("Tsikhanouski, Siarhei"), everything else as written."""
        words = form.split()
        if by_id[actor_id].kind == "person" and len(words) >= 2:
            return f"{words[-1]}, {' '.join(words[:-1])}"
        return form

    entries = sorted(((shown(form, actor_id), actor_id, variants) for (form, actor_id), variants in rows.items()),
                     key=lambda e: (letter(e[0]) == "Kyrillisch", key(e[0]), e[1]))
    # A listing of every spelling: searchable, but below the actor pages it points to.
    out = [page_meta("Glossar der Schreibweisen", boost=0.3), "# Glossar der Schreibweisen", "",
           "Jede Schreibweise eines Namens, die das Dossier kennt, mit ihrem Akteur, ihrer "
           "kyrillischen Ausgangsform und dem Transliterationsschema, aus dem sie stammt. "
           "Russische und belarussische Namen werden im Deutschen und Englischen verschieden "
           "geschrieben: *Tichanowski* (deutsch, aus dem Russischen), *Zichanouski* (deutsch, aus "
           "dem Belarussischen), *Tsikhanouski* (englische Presse) und *Тихановский* sind ein Mann.", ""]
    for first, group in groupby(entries, key=lambda e: letter(e[0])):
        out += [f"## {first}", "", "| Schreibweise | Akteur | Ausgangsform | Schema | belegt |",
                "|---|---|---|---|---|"]
        for form, actor_id, variants in group:
            schemes = "; ".join(sorted({scheme_label(v) for v in variants}))
            sources = "; ".join(sorted({source_label(v) for v in variants}))
            seen = attested.get(variants[0].form, 0)
            out.append(f"| {escape_inline(form)} | [{escape_inline(by_id[actor_id].name)}](akteure/{actor_id}.md) | "
                       f"{sources} | {schemes} | {seen or '—'} |")
        out.append("")
    return "\n".join(out)


def cooccurrences(mentions: list[Mention]) -> dict[str, Counter[str]]:
    """For each actor, how many texts (paragraphs, captions, notes) also name each other actor."""
    by_text: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for m in mentions:
        by_text[(m.article, m.part, m.line)].add(m.actor)
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for names in by_text.values():
        for a in names:
            result[a].update(b for b in names if b != a)
    return result
