"""Render stage for the "Quellen" page: every cited URL by domain, linked to its footnotes."""

from __future__ import annotations

from itertools import groupby

from dossier.index.sources import Source
from dossier.model import Article
from dossier.render.articles import display_title, footnote_anchor, page_meta
from dossier.render.bounds import MAX_LINKS
from dossier.render.german import count, number
from dossier.render.mdtext import escape_inline, heading_text, safe_url


def _citation(article: Article, footnote: int) -> str:
    return (f"[{escape_inline(display_title(article))}, Anm. {footnote}]"
            f"(artikel/{article.id}.md#{footnote_anchor(article, footnote)})")


def render_sources(sources: list[Source], articles: dict[str, Article]) -> str:
    domains = len({s.domain for s in sources})
    out = [page_meta("Quellen", search=False), "# Quellen", "",
           f"{count(len(sources), 'zitierte Adresse', 'zitierte Adressen')} aus "
           f"{count(domains, 'Domain', 'Domains')}, gesammelt aus den Anmerkungen aller Artikel. "
           "Tracking-Parameter (etwa `utm_source`) sind aus den Links entfernt.", ""]
    for domain, group in groupby(sources, key=lambda s: s.domain):
        out += [f"## {heading_text(domain)}", ""]
        for source in group:
            # A source cited across a large corpus lists its first citations; all are in sources.json.
            cites = ", ".join(_citation(articles[c.article], c.footnote) for c in source.cited_in[:MAX_LINKS])
            rest = len(source.cited_in) - MAX_LINKS
            if rest > 0:
                cites += (f" und {number(rest)} {'weitere Stelle' if rest == 1 else 'weitere Stellen'}"
                          " (alle in [sources.json](data/sources.json))")
            about = next((c.context for c in source.cited_in if c.context), "")
            line = f"- [{escape_inline(source.url)}]({safe_url(source.url)})"
            if about:
                line += f"  \n  {escape_inline(about)}"
            out.append(f"{line}  \n  zitiert in: {cites}")
        out.append("")
    return "\n".join(out)
