"""The Glossar page, and how a spelling is described: its transliteration scheme and its
Cyrillic source form."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby

from dossier.annotate.actors import CYRILLIC_SCHEME, Actor, Variant
from dossier.annotate.mentions import Mention
from dossier.annotate.namewords import sorted_name
from dossier.annotate.normalise import key
from dossier.annotate.translit import SCHEME_LABELS
from dossier.render.actor_stats import attested_spellings
from dossier.render.articles import page_meta
from dossier.render.mdtext import escape_inline

LANGUAGE_LABELS = {"ru": "russisch", "be": "belarussisch"}


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


def joined_labels(labels: Iterable[str]) -> str:
    """Several labels of one spelling in one cell, each once; a dash only when none says more
    (a spelling both in the registry and derived from a Cyrillic form is not "X; —")."""
    unique = sorted(set(labels))
    return "; ".join([label for label in unique if label != "—"] or unique)


def spelling_rows(variants: Iterable[Variant]) -> list[tuple[str, list[Variant]]]:
    """The variants grouped by spelling, first appearance first: one table row per spelling,
    however many schemes produce it."""
    rows: dict[str, list[Variant]] = {}
    for variant in variants:
        rows.setdefault(variant.form, []).append(variant)
    return list(rows.items())


def spellings_line(actor: Actor) -> list[str]:
    """Every spelling of the actor once, registry order, Cyrillic source forms last."""
    forms = [v.form for v in actor.variants] + [v.source_form for v in actor.variants if v.source_form]
    unique = list(dict.fromkeys(f for f in forms if f))
    return sorted(unique, key=lambda f: any("\u0400" <= c <= "\u04ff" for c in f))


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
        actor = by_id[actor_id]
        return sorted_name(form, actor.surname) if actor.kind == "person" else form

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
            schemes = joined_labels(scheme_label(v) for v in variants)
            sources = joined_labels(source_label(v) for v in variants)
            seen = attested.get(variants[0].form, 0)
            out.append(f"| {escape_inline(form)} | [{escape_inline(by_id[actor_id].name)}](akteure/{actor_id}.md) | "
                       f"{sources} | {schemes} | {seen or '—'} |")
        out.append("")
    return "\n".join(out)
