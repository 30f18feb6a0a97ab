"""Who acts with whom: co-occurring actors drawn as an inline SVG at build time.

The layout comes from networkx (force-directed, fixed seed, so builds are reproducible); this
module only turns positions into SVG. The picture is inline markup with no script and no
outside reference, so it shows the same on the site, in the offline copy and in the PDF.
Every label is registry text and is escaped.
"""

from __future__ import annotations

import functools
import html
import math
from collections import Counter
from collections.abc import Mapping

import networkx as nx

from dossier.annotate.actors import Actor

MARGIN = 60
KIND_COLOURS = {"person": "#3f51b5", "organisation": "#00897b", "state": "#ef6c00", "medium": "#757575"}


def neighbourhood(center: str, cooccur: Mapping[str, Counter[str]], limit: int = 12) -> set[str]:
    """The actor and the `limit` actors named most often with it."""
    ranked = sorted(cooccur.get(center, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return {center} | {other for other, _ in ranked}


@functools.lru_cache(maxsize=256)
def _layout(nodes: tuple[str, ...], edges: tuple[tuple[str, str, float], ...]) -> dict[str, tuple[float, float]]:
    """Node positions of a graph (deterministic: a fixed seed), computed once per graph in a
    process: a site draws the same neighbourhood on several pages, `serve` and the tests
    draw the same graphs again."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges, weight="pull")
    positions = nx.spring_layout(graph, seed=7, weight="pull", iterations=300, k=4 / max(len(nodes), 1) ** 0.5)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def network_svg(nodes: set[str], cooccur: Mapping[str, Counter[str]], actors: Mapping[str, Actor],
                mentions: Mapping[str, int], *, center: str | None = None, title: str = "",
                size: tuple[int, int] = (720, 440)) -> str:
    """An SVG of `nodes` and the co-occurrences among them; '' when there is nothing to draw.
    Node size follows the number of mentions, line width the number of shared texts."""
    width_px, height_px = size
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    for a in sorted(nodes):
        for b, weight in sorted(cooccur.get(a, Counter()).items()):
            if b in nodes and a < b:
                # pull grows slowly with the count, so hubs do not collapse into one spot
                graph.add_edge(a, b, weight=weight, pull=1 + math.log(weight))
    if graph.number_of_nodes() < 3 or graph.number_of_edges() == 0:
        return ""      # one line between two names says no more than the text does
    edges: list[tuple[str, str, float]] = list(graph.edges(data="pull"))
    positions = _layout(tuple(graph.nodes), tuple(edges))
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def at(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return (round(MARGIN + (x - min(xs)) / span_x * (width_px - 2 * MARGIN), 1),
                round(MARGIN / 2 + (y - min(ys)) / span_y * (height_px - MARGIN), 1))

    weights: dict[tuple[str, str], int] = nx.get_edge_attributes(graph, "weight")
    heaviest = max(weights.values())
    most = max((mentions.get(n, 0) for n in graph.nodes), default=1) or 1
    label = html.escape(title or "Gemeinsam genannte Akteure")
    out = [f'<svg class="dossier-network-svg" viewBox="0 0 {width_px} {height_px}" role="img" '
           f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">', f"<title>{label}</title>"]
    for (a, b), weight in sorted(weights.items()):
        (x1, y1), (x2, y2) = at(a), at(b)
        width = round(0.6 + 3.4 * weight / heaviest, 1)
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#9fa8da" '
                   f'stroke-width="{width}" stroke-opacity="0.7"/>')
    for node in sorted(graph.nodes):
        x, y = at(node)
        actor = actors[node]
        radius = round(4 + 10 * (mentions.get(node, 0) / most) ** 0.5, 1)
        colour = KIND_COLOURS.get(actor.kind, "#757575")
        ring = ' stroke="#212121" stroke-width="2.5"' if node == center else ' stroke="#fff" stroke-width="1"'
        name = html.escape(actor.name)
        bold = ' font-weight="bold"' if node == center else ""
        out.append(f'<g><title>{name}</title><circle cx="{x}" cy="{y}" r="{radius}" fill="{colour}"{ring}/>'
                   f'<text x="{x}" y="{round(y - radius - 3, 1)}" text-anchor="middle" font-size="11" '
                   f'font-family="sans-serif" fill="#212121"{bold}>{name}</text></g>')
    out.append("</svg>")
    return "".join(out)


def figure(svg: str, caption: str) -> list[str]:
    """Markdown lines placing `svg` as a raw HTML block (left untouched by Markdown). Kept out
    of search: its labels and tooltips repeat names the page's text carries already, and a
    search hit inside a drawing shows the reader a snippet of node labels."""
    if not svg:
        return []
    return ['<figure class="dossier-network" data-search-exclude>', svg,
            f"<figcaption>{html.escape(caption)}</figcaption>", "</figure>", ""]
