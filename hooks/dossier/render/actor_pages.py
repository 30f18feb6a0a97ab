"""The actor pages: the index of actors by kind, and one page per actor with its summary,
spellings, a bounded set of mentions in context, events and sources (the full lists are in
the open data, data/akteure/<id>.json)."""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.annotate.actors import Actor, Variant
from dossier.annotate.mentions import Mention
from dossier.annotate.sentences import context_span
from dossier.model import Article, is_topic, note_number, note_part, topic_part
from dossier.parse.links import without_tracking
from dossier.render.actor_stats import attested_spellings
from dossier.render.articles import display_title, footnote_anchor, page_meta
from dossier.render.bounds import MAX_LINKS, group_section, select
from dossier.render.german import count, number
from dossier.render.glossary import joined_labels, scheme_label, source_label, spelling_rows, spellings_line
from dossier.render.mdtext import escape_inline, heading_text, safe_url

KIND_LABELS = {"person": ("Person", "Personen"), "organisation": ("Organisation", "Organisationen"),
               "state": ("Staat", "Staaten"), "medium": ("Medium", "Medien")}
GENDER_LABELS = {"m": "männlich", "f": "weiblich"}
HOW_LABELS = {"surname": ", nur Nachname", "first": ", nur Vorname", "shared": ", geteilte Schreibweise",
              "similar": ", ähnliche Schreibweise, Ähnlichkeit"}


def actor_data_path(actor_id: str) -> str:
    """The open-data file with every mention of the actor, below the docs root."""
    return f"data/akteure/{actor_id}.json"


def mention_anchor(article: Article, mention: Mention) -> str:
    number_ = note_number(mention.part)
    if number_ is not None:
        return footnote_anchor(article, number_)
    if mention.part == "headline" or is_topic(mention.part):
        return ""
    return f"zeile-{mention.line}"


def _place(mention: Mention) -> str:
    note = note_number(mention.part)
    place = f"Anm. {note}" if note is not None else f"Zeile {mention.line}"
    if mention.part in ("title", "credit"):
        place += ", Bildunterschrift" if mention.part == "title" else ", Bildnachweis"
    elif mention.part == "headline":
        place = "Titel"
    elif is_topic(mention.part):
        place = "Thema"
    return place


def _how(mention: Mention) -> str:
    how = escape_inline(mention.form)
    if mention.scheme:
        how += f", {scheme_label(Variant(mention.form, mention.source_form, None, mention.scheme))}"
    how += HOW_LABELS.get(mention.how, "")
    if mention.how == "similar" and mention.score is not None:
        how += f" {mention.score:.2f}".replace(".", ",")
    return how


def _context_line(article: Article, text: str, span: tuple[int, int], run: list[Mention]) -> str:
    """One quoted sentence (cut to a window) with every mention of the run in bold: a sentence
    naming the actor twice is one line, not the same quote twice."""
    s, e = span
    pieces, pos = [], s
    for m in run:
        pieces.append(escape_inline(without_tracking(text[pos:m.start])))
        pieces.append(f"**{escape_inline(without_tracking(text[m.start:m.end]))}**")
        pos = m.end
    pieces.append(escape_inline(without_tracking(text[pos:e])))
    quote = "".join(pieces).strip()
    how = "; ".join(dict.fromkeys(_how(m) for m in run))
    anchor = mention_anchor(article, run[0])
    target = f"../artikel/{article.id}.md" + (f"#{anchor}" if anchor else "")
    return f"- „{quote}“ — [{_place(run[0])}]({target}) <small>(erkannt als {how})</small>"


def _context_lines(article: Article, mentions: tuple[Mention, ...]) -> list[str]:
    """The lines for an article's shown mentions (in text order): mentions in the same quoted
    window share one line. Context windows are cut only for these mentions."""
    texts = _texts(article)
    lines: list[str] = []
    run: list[Mention] = []
    key: tuple[str, int, tuple[int, int]] | None = None
    for m in mentions:
        text = texts[(m.part, m.line)]
        here = (m.part, m.line, context_span(text, m.start, m.end))
        if run and here == key and m.start >= run[-1].end:
            run.append(m)
            continue
        if run and key:
            lines.append(_context_line(article, texts[(key[0], key[1])], key[2], run))
        run, key = [m], here
    if run and key:
        lines.append(_context_line(article, texts[(key[0], key[1])], key[2], run))
    return lines


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


def _spellings_table(actor: Actor, attested: Counter[str]) -> list[str]:
    out = ["| Schreibweise | Ausgangsform | Schema | im Dossier |", "|---|---|---|---|"]
    for form, variants in spelling_rows(actor.variants):
        seen = count(attested[form], "Mal", "Mal") if attested.get(form) else "—"
        out.append(f"| {escape_inline(form)} | {joined_labels(source_label(v) for v in variants)} | "
                   f"{joined_labels(scheme_label(v) for v in variants)} | {seen} |")
    return out


# Actor pages come first in search for any spelling of the actor (articles name them too).
ACTOR_SEARCH_BOOST = 100


def actor_summary(actor: Actor, mentions: list[Mention], authored: int = 0) -> str:
    """One paragraph under the title: who, role, how often named (and how many articles the
    actor wrote), every spelling. It is what search shows as the page's snippet and what a
    hover preview shows."""
    kind = KIND_LABELS[actor.kind][0]
    facts = " · ".join([kind] + ([GENDER_LABELS[actor.gender]] if actor.gender else []))
    text = [f"*{facts}* — {escape_inline(actor.description.rstrip('.'))}."]
    if actor.role:
        text.append(f"**Rolle im Dossier:** {escape_inline(actor.role.rstrip('.'))}.")
    articles = len({m.article for m in mentions})
    wrote = f"{'Autorin' if actor.gender == 'f' else 'Autor'} von {count(authored, 'Artikel', 'Artikeln')}"
    if mentions:
        text.append(f"Im Dossier {count(len(mentions), 'Erwähnung', 'Erwähnungen')} in "
                    f"{count(articles, 'Artikel', 'Artikeln')}" + (f"; {wrote}." if authored else "."))
    else:
        text.append(f"Im Dossier {wrote}, in den Texten nicht erwähnt." if authored
                    else "Im Dossier bisher nicht erwähnt.")
    text.append(f"**Schreibweisen:** {', '.join(escape_inline(f) for f in spellings_line(actor))}.")
    return " ".join(text) + "\n{ .dossier-summary }"


def mentions_section(actor: Actor, mentions: list[Mention], articles: dict[str, Article]) -> list[str]:
    """The mentions in context: every one in a small corpus; in a large one the articles naming
    the actor most, a few places each, and a link to the full list in the open data. Context
    sentences are cut only for the places shown. No section (no empty heading) without any."""
    if not mentions:
        return []
    ordered = sorted(mentions, key=lambda m: (m.article, m.line, m.start))
    chosen = select(ordered, lambda m: m.article)
    out = [f"## Erwähnungen ({count(len(mentions), 'Stelle', 'Stellen')} in "
           f"{count(chosen.articles, 'Artikel', 'Artikeln')}) {{ #erwahnungen data-search-exclude }}", "",
           '<div class="dossier-mentions" data-search-exclude markdown>', ""]
    if chosen.bounded:
        out += [f"Hier stehen die {count(len(chosen.groups), 'Artikel', 'Artikel')}, die "
                f"{escape_inline(actor.name)} am häufigsten nennen, mit ihren ersten Stellen. "
                f"[Alle {number(chosen.items)} Erwähnungen als JSON](../{actor_data_path(actor.id)}) "
                f"(Artikel, Zeile, Schreibweise, Adresse der Stelle).", ""]
    for group in chosen.groups:
        article = articles[group.article]
        out += group_section(article, _context_lines(article, group.shown), group.more)
    others = chosen.articles - len(chosen.groups)
    if others:
        rest = chosen.items - sum(len(g.shown) + g.more for g in chosen.groups)
        out += [f"{number(others)} {'weiterer Artikel nennt' if others == 1 else 'weitere Artikel nennen'} "
                f"{escape_inline(actor.name)} ({number(rest)} {'Erwähnung' if rest == 1 else 'Erwähnungen'}); "
                "sie stehen mit "
                f"jeder Stelle in den [offenen Daten](../{actor_data_path(actor.id)}).", ""]
    return out + ["</div>", ""]


def authored_section(actor: Actor, authored: list[Article]) -> list[str]:
    """The articles the actor wrote (their byline), newest first, at most MAX_LINKS."""
    if not authored:
        return []
    shown = sorted(authored, key=lambda a: (a.date.value or "", a.id), reverse=True)[:MAX_LINKS]
    out = [f"## Artikel von {heading_text(actor.name)} {{ #artikel-von data-search-exclude }}", "",
           *(f"- [{heading_text(display_title(a))}](../artikel/{a.id}.md)" for a in shown)]
    if len(authored) > len(shown):
        out.append(f"- … und {count(len(authored) - len(shown), 'weiterer', 'weitere')} im "
                   "[Artikelverzeichnis](../artikel/index.md)")
    return [*out, ""]


def render_actor(actor: Actor, mentions: list[Mention], articles: dict[str, Article],
                 cooccur: Counter[str], actors: dict[str, Actor], events_md: list[str] | None = None,
                 network: list[str] | None = None, authored: list[Article] | None = None) -> str:
    out = [page_meta(actor.name, boost=ACTOR_SEARCH_BOOST), f"# {heading_text(actor.name)}", "",
           actor_summary(actor, mentions, len(authored or [])), "", *(network or [])]
    if actor.wikidata:
        out += [f"**Wikidata:** [{actor.wikidata}](https://www.wikidata.org/wiki/{actor.wikidata})", ""]
    attested = attested_spellings(mentions)
    # Only the summary above is searched: the sections below name other actors (and list
    # every spelling again), which would put this page above theirs.
    # The PDF leaves the table out (dossier-web-only): the summary lists every spelling and
    # the Glossar gives each one's source and scheme.
    out += ['<div class="dossier-spellings dossier-web-only" markdown>', "",
            "## Schreibweisen { #schreibweisen data-search-exclude }", "",
            f"{count(len(spelling_rows(actor.variants)), 'Schreibweise', 'Schreibweisen')}, aus den kyrillischen "
            "Ausgangsformen erzeugt oder im Akteursverzeichnis eingetragen. Jede davon wird in allen Texten "
            "erkannt; „im Dossier“ zählt die Erwähnungen je Schreibweise, mit Genitiv und Nachname "
            "allein.", "", *_spellings_table(actor, attested), "", "</div>", ""]
    if events_md:
        out += ['<div class="dossier-actor-events" data-search-exclude markdown>', "", *events_md, "", "</div>", ""]
    out += authored_section(actor, authored or [])
    out += mentions_section(actor, mentions, articles)
    if cooccur:
        out += ["## Gemeinsam genannt mit { #gemeinsam-genannt-mit data-search-exclude }", "",
                ", ".join(f"[{escape_inline(actors[other].name)}]({other}.md) ({n})"
                          for other, n in sorted(cooccur.items(), key=lambda kv: (-kv[1], kv[0]))[:12]), ""]
    cited = cited_sources(mentions, articles)
    if cited:
        out += ["## Quellen, die den Akteur nennen { #quellen-die-den-akteur-nennen data-search-exclude }", ""]
        for url, a, note in cited[:MAX_LINKS]:
            where = f"../artikel/{a}.md#{footnote_anchor(articles[a], note)}"
            out.append(f"- [{escape_inline(url)}]({safe_url(url)}) — Anm. {note} in "
                       f"[{escape_inline(display_title(articles[a]))}]({where})")
        if len(cited) > MAX_LINKS:
            rest = len(cited) - MAX_LINKS
            data = f"../{actor_data_path(actor.id)}"
            out.append(f"- … und {number(rest)} {'weitere Quelle' if rest == 1 else 'weitere Quellen'}: alle im "
                       f"[Quellenverzeichnis](../quellen.md) und in den [offenen Daten]({data})")
        out.append("")
    return "\n".join(out)


def cited_sources(mentions: list[Mention], articles: dict[str, Article]) -> list[tuple[str, str, int]]:
    """(url, article id, note number) of every link in a note that names the actor."""
    notes = sorted({(m.article, n) for m in mentions if (n := note_number(m.part)) is not None})
    found = []
    for article_id, note_no in notes:
        note = next(n for n in articles[article_id].footnotes if n.number == note_no)
        found += [(link.target, article_id, note_no) for link in note.links]
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
