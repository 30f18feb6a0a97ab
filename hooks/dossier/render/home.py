"""Render stage for the start page: what the dossier is, what it holds, where to go."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.render.articles import page_meta
from dossier.render.german import count
from dossier.render.mdtext import heading_text


@dataclass(frozen=True)
class Counts:
    articles: int
    sources: int
    footnotes: int
    actors: int = 0
    events: int = 0


def render_home(counts: Counts, sections: list[tuple[str, str, str]],
                downloads: tuple[tuple[str, str, str], ...] = (), title: str = "Dossier") -> str:
    """`sections`: (label, page path, one-line description) for each section of the site;
    `downloads`: (label, file path, description) of the offline files this build writes. They
    are raw HTML links: the files are written after MkDocs checks links."""
    out = [page_meta("Start"), f"# {heading_text(title)}", "",
           "Dieses Dossier verknüpft Presseartikel über die Beziehungen zwischen Belarus und den "
           "Vereinigten Staaten im Jahr 2025: jeder Artikel als bereinigte Seite mit echten "
           "Fußnoten, dazu die zitierten Quellen, die handelnden Personen und Organisationen, "
           "die Ereignisse und die Schreibweisen ihrer Namen.", "",
           f"**Umfang:** {count(counts.articles, 'Artikel', 'Artikel')}, "
           f"{count(counts.footnotes, 'Anmerkung', 'Anmerkungen')}, "
           f"{count(counts.sources, 'zitierte Quelle', 'zitierte Quellen')}"
           + (f", {count(counts.actors, 'Akteur', 'Akteure')}" if counts.actors else "")
           + (f", {count(counts.events, 'Ereignis', 'Ereignisse')}" if counts.events else "")
           + ".", "", "## Bereiche", ""]
    out += [f"- [{label}]({path}): {text}" for label, path, text in sections]
    if downloads:
        out += ["", "## Zum Mitnehmen", ""]
        out += [f'- <a href="{path}" download>{label}</a>: {text}' for label, path, text in downloads]
    out += ["", "## Offene Daten", "",
            "Alle Inhalte gibt es auch maschinenlesbar als JSON unter `data/` "
            "(z. B. [`data/articles.json`](data/articles.json)), beschrieben durch JSON-Schemas "
            "unter `data/schemas/` (z. B. [`articles.schema.json`](data/schemas/articles.schema.json)).", ""]
    return "\n".join(out)
