"""The actor registry (seeds/registry/actors.yml): load, validate, expand into spellings.

Validation reports every problem as a Diagnostic with file and line: YAML syntax, schema
(unknown or missing keys, wrong types), duplicate ids, Cyrillic forms in the wrong script,
and one spelling claimed by two actors (with both positions).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate.namewords import COMMON_NAME_ZIPF, COMMON_WORD_ZIPF, common_word_problem, spelling_problem
from dossier.annotate.normalise import key
from dossier.annotate.translit import is_script, romanisations
from dossier.model import Diagnostic
from dossier.read.registryfile import load_registry_list, unique_entries
from dossier.read.yamlfile import entry_item_line, key_line

REGISTRY = "seeds/registry/actors.yml"
SCHEMA = "actors-registry.schema.json"
CYRILLIC_SCHEME = "cyrillic"


@dataclass(frozen=True)
class Variant:
    """One spelling of an actor: `scheme` None means a manual alias or the display name."""

    form: str
    source_form: str | None = None
    language: str | None = None
    scheme: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: str
    path: str
    line: int
    gender: str | None = None
    role: str | None = None
    ru: str | None = None
    be: str | None = None
    surname: str | None = None
    wikidata: str | None = None
    variants: tuple[Variant, ...] = ()
    shared: frozenset[str] = frozenset()   # keys of spellings another actor may claim too
    surname_alone: bool = False            # a bare surname several actors share means this one
    patronymics: tuple[str, ...] = ()      # every spelling of the patronymic, generated from Cyrillic


def expand_variants(name: str, ru: str | None, be: str | None, aliases: list[str]) -> tuple[Variant, ...]:
    """The display name, the aliases, each Cyrillic form and its romanisation in every scheme."""
    found: list[Variant] = [Variant(name)] + [Variant(a) for a in aliases]
    for language, source in (("ru", ru), ("be", be)):
        if source:
            found.append(Variant(source, source, language, CYRILLIC_SCHEME))
            found += [Variant(form, source, language, scheme)
                      for scheme, form in romanisations(source, language)]
    unique: dict[tuple[str, str | None, str | None], Variant] = {}
    for variant in found:
        unique.setdefault((variant.form, variant.source_form, variant.scheme), variant)
    return tuple(unique.values())




def patronymic_spellings(sources: dict[str, str]) -> tuple[str, ...]:
    """The Cyrillic patronymics of the registry ({ru: Григорьевич, be: Рыгоравіч}) and their
    romanisation in every scheme (Grigorjewitsch, Grigoryevich, Ryhorawitsch, Ryhoravič …)."""
    found: list[str] = []
    for language, source in sources.items():
        if source:
            found += [str(source)] + [form for _, form in romanisations(str(source), language)]
    return tuple(dict.fromkeys(found))


def load_actors(root: Path) -> tuple[list[Actor], list[Diagnostic]]:
    data, diags = load_registry_list(root, REGISTRY, SCHEMA, "actors")
    if data is None:
        return [], diags
    actors: list[Actor] = []
    entries, diags = unique_entries(data, REGISTRY)
    for entry, line in entries:
        for language in ("ru", "be"):
            if entry.get(language) and not is_script(entry[language], language):
                diags.append(Diagnostic(REGISTRY, key_line(entry, language), "error",
                                        f"'{entry[language]}' is not {'Russian' if language == 'ru' else 'Belarusian'} "
                                        "Cyrillic (check letters such as и/і, щ/ў, ъ/’)", "registry-script"))
        aliases = [str(a) for a in entry.get("aliases", [])]
        diags += [Diagnostic(REGISTRY, key_line(entry, "aliases"), "error", problem, "registry-common-alias")
                  for problem in map(common_word_problem, aliases) if problem]
        name = str(entry["name"])
        threshold = COMMON_WORD_ZIPF if entry["kind"] == "state" else COMMON_NAME_ZIPF
        if problem := common_word_problem(name, "name", threshold):
            diags.append(Diagnostic(REGISTRY, key_line(entry, "name"), "error", problem, "registry-common-name"))
        diags += _spelling_problems(entry, name, aliases)
        actors.append(Actor(
            id=entry["id"], name=entry["name"], kind=entry["kind"], description=entry["description"],
            path=REGISTRY, line=line, gender=entry.get("gender"), role=entry.get("role"),
            ru=entry.get("ru"), be=entry.get("be"), surname=entry.get("surname"),
            wikidata=entry.get("wikidata"), surname_alone=bool(entry.get("surname_alone", False)),
            patronymics=patronymic_spellings(entry.get("patronymic") or {}),
            variants=expand_variants(entry["name"], entry.get("ru"), entry.get("be"),
                                     aliases + [str(a) for a in entry.get("shared", [])]),
            shared=frozenset(key(str(a)) for a in entry.get("shared", []))))
    diags += _claim_conflicts(actors, data)
    return actors, diags


def _spelling_problems(entry: Any, name: str, aliases: list[str]) -> list[Diagnostic]:
    """Spellings name matching cannot read as written ("C++", "AT&T", "  "), each at its line."""
    found = []
    if problem := spelling_problem(name, "name"):
        found.append(Diagnostic(REGISTRY, key_line(entry, "name"), "error", problem, "registry-spelling"))
    for field, label, forms in (("aliases", "alias", aliases), ("shared", "shared spelling", entry.get("shared", []))):
        for index, form in enumerate(forms):
            if problem := spelling_problem(str(form), label):
                found.append(Diagnostic(REGISTRY, entry_item_line(entry, field, index), "error", problem,
                                        "registry-spelling"))
    return found


def _claim_conflicts(actors: list[Actor], data: Any) -> list[Diagnostic]:
    """Two actors must not claim the same spelling (after normalisation), unless both mark it
    as `shared`; a shared spelling then links only where the article names one of them in full."""
    owner: dict[str, tuple[Actor, str]] = {}
    diags = []
    for actor in actors:
        for variant in actor.variants:
            k = key(variant.form)
            if k in owner and owner[k][0].id != actor.id and not (k in actor.shared and k in owner[k][0].shared):
                first, form = owner[k]
                diags.append(Diagnostic(REGISTRY, actor.line, "error",
                                        f"spelling '{variant.form}' of '{actor.id}' is also a spelling of "
                                        f"'{first.id}' (line {first.line}, as '{form}')",
                                        "registry-spelling-conflict"))
            owner.setdefault(k, (actor, variant.form))
    return diags
