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
import posixpath
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import networkx as nx

from dossier.annotate.actors import Actor

MARGIN = 60
FONT_SIZE = 11
CHAR_WIDTH = 6.8        # a sans-serif letter at FONT_SIZE, on average, DejaVu Sans (the PDF) being the widest
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


def page_href(from_page: str, to_page: str, directory_urls: bool) -> str:
    """The relative link from one generated Markdown page to another as the built site spells
    it (`../sergej-tichanowski/` online, `sergej-tichanowski.html` in the offline copy). MkDocs
    rewrites `.md` links in Markdown, not in raw HTML such as the network picture."""
    def url(page: str) -> str:
        stem = page.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
    source, target = url(from_page), url(to_page)
    folder = source.rstrip("/") if directory_urls else posixpath.dirname(source)
    relative = posixpath.relpath(target.rstrip("/") or ".", folder or ".")
    if directory_urls:            # a folder address: "../b/", "../../", "./"
        return relative + "/"
    return relative


def _spread(values: Sequence[float]) -> list[float]:
    """Coordinates on 0..1, half by value and half by rank: a force layout packs a hub's
    neighbours into a knot and pushes loose ends far out; ranks spread the knot evenly while
    keeping who is next to whom."""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    rank = [0.0] * len(values)
    for place, index in enumerate(order):
        rank[index] = place / max(len(values) - 1, 1)
    return [0.5 * (v - low) / span + 0.5 * r for v, r in zip(values, rank, strict=True)]


Box = tuple[float, float, float, float]        # left, top, right, bottom


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(points: Sequence[tuple[float, float, float, int]], size: tuple[int, int]
                 ) -> list[tuple[float, float, str]]:
    """Where each label goes: `points` are (x, y, radius, letters), the most important first;
    each label takes the side of its circle (above, below, right, left) where it covers the
    fewest labels placed before it and circles, and stays inside the picture. Returns the text
    position and anchor of each. Written here because no library on the index places SVG
    labels (networkx draws with matplotlib)."""
    width, height = size
    circles: list[Box] = [(x - r, y - r, x + r, y + r) for x, y, r, _ in points]
    placed: list[Box] = []
    out: list[tuple[float, float, str]] = []
    for index, (x, y, r, letters) in enumerate(points):
        w, h = letters * CHAR_WIDTH, FONT_SIZE
        options = [(x, y - r - 3, "middle", (x - w / 2, y - r - 3 - h, x + w / 2, y - r - 3)),
                   (x, y + r + h, "middle", (x - w / 2, y + r + 1, x + w / 2, y + r + 1 + h)),
                   (x + r + 3, y + h / 3, "start", (x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2)),
                   (x - r - 3, y + h / 3, "end", (x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2))]

        def cost(box: Box, index: int = index, area: float = w * h) -> float:
            outside = area - _overlap(box, (0, 0, width, height))
            return (4 * outside + sum(_overlap(box, other) for other in placed)
                    + sum(_overlap(box, c) for i, c in enumerate(circles) if i != index))
        best = min(options, key=lambda option: cost(option[3]))      # ties keep the earlier side
        placed.append(best[3])
        out.append((round(best[0], 1), round(best[1], 1), best[2]))
    return out


def network_svg(nodes: set[str], cooccur: Mapping[str, Counter[str]], actors: Mapping[str, Actor],
                mentions: Mapping[str, int], *, center: str | None = None, title: str = "",
                size: tuple[int, int] = (720, 440), href: Callable[[str], str] | None = None) -> str:
    """An SVG of `nodes` and the co-occurrences among them; '' when there is nothing to draw.
    Node size follows the number of mentions, line width the number of shared texts; with
    `href` (actor id → link) every node but the centre links to its actor's page."""
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
    order = list(positions)
    xs, ys = _spread([positions[n][0] for n in order]), _spread([positions[n][1] for n in order])
    spot = {node: (round(MARGIN + x * (width_px - 2 * MARGIN), 1), round(MARGIN / 2 + y * (height_px - MARGIN), 1))
            for node, x, y in zip(order, xs, ys, strict=True)}

    def at(node: str) -> tuple[float, float]:
        return spot[node]

    weights: dict[tuple[str, str], int] = nx.get_edge_attributes(graph, "weight")
    heaviest = max(weights.values())
    most = max((mentions.get(n, 0) for n in graph.nodes), default=1) or 1
    label = html.escape(title or "Gemeinsam genannte Akteure")
    # With links inside, the picture is a group a screen reader can enter, not one image.
    role = "group" if href else "img"
    out = [f'<svg class="dossier-network-svg" viewBox="0 0 {width_px} {height_px}" role="{role}" '
           f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">', f"<title>{label}</title>"]
    for (a, b), weight in sorted(weights.items()):
        (x1, y1), (x2, y2) = at(a), at(b)
        width = round(0.6 + 3.4 * weight / heaviest, 1)
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#9fa8da" '
                   f'stroke-width="{width}" stroke-opacity="0.7"/>')
    radius = {node: round(4 + 10 * (mentions.get(node, 0) / most) ** 0.5, 1) for node in graph.nodes}
    # Labels are placed most important first: the centre, then by mentions.
    ranked = sorted(graph.nodes, key=lambda n: (n != center, -mentions.get(n, 0), n))
    labels = dict(zip(ranked, place_labels([(*at(n), radius[n], len(actors[n].name)) for n in ranked],
                                           (width_px, height_px)), strict=True))
    for node in sorted(graph.nodes):
        x, y = at(node)
        actor = actors[node]
        colour = KIND_COLOURS.get(actor.kind, "#757575")
        ring = ' stroke="#212121" stroke-width="2.5"' if node == center else ' stroke="#fff" stroke-width="1"'
        name = html.escape(actor.name)
        bold = ' font-weight="bold"' if node == center else ""
        tx, ty, anchor = labels[node]
        drawn = (f'<g><title>{name}</title><circle cx="{x}" cy="{y}" r="{radius[node]}" fill="{colour}"{ring}/>'
                 f'<text x="{tx}" y="{ty}" text-anchor="{anchor}" font-size="{FONT_SIZE}" '
                 f'font-family="sans-serif" fill="#212121"{bold}>{name}</text></g>')
        if href and node != center:
            drawn = f'<a href="{html.escape(href(node))}">{drawn}</a>'
        out.append(drawn)
    out.append("</svg>")
    return "".join(out)


def figure(svg: str, caption: str, *, wide: bool = False) -> list[str]:
    """Markdown lines placing `svg` as a raw HTML block (left untouched by Markdown). Kept out
    of search: its labels and tooltips repeat names the page's text carries already, and a
    search hit inside a drawing shows the reader a snippet of node labels."""
    if not svg:
        return []
    css = "dossier-network dossier-network--wide" if wide else "dossier-network"
    return [f'<figure class="{css}" data-search-exclude>', svg,
            f"<figcaption>{html.escape(caption)}</figcaption>", "</figure>", ""]
