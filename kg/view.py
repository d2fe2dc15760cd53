"""Views of a large graph: a neighbourhood, the most connected part, a layout.

The functions work on the networkx view of a graph
(:meth:`kg.graph.KnowledgeGraph.to_networkx`) and return new graphs; the
HTML page and the static figures use them alike.

Relationship nodes (a Partnership, an Acquisition ...) do not count as a hop:
Xiaomi and Ford, joined through a Partnership node, are one hop apart.

>>> from tests.sample import sample_graph
>>> g = sample_graph().to_networkx()
>>> sorted(n for n in focus(g, "Xiaomi", 1) if g.nodes[n]["kind"] == "entity")
['china', 'electric-vehicles', 'ford-motor-company', 'xiaomi', 'xiaomi-ev']
>>> small, dropped = limit(g, 5)
>>> len(small), len(dropped)
(5, 14)
"""

from __future__ import annotations

import difflib
import math
from collections import deque
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from kg.errors import UsageError

if TYPE_CHECKING:
    import igraph
    import networkx as nx

    from kg.graph import KnowledgeGraph

__all__ = [
    "DRAW_LIMIT",
    "LAYOUT_SEED",
    "PHYSICS_THRESHOLD",
    "GraphView",
    "find_node",
    "focus",
    "layout",
    "limit",
    "neighbourhood",
    "select",
    "summary",
]

#: Above this many nodes the HTML page draws a layout computed in Python and
#: turns vis physics off (vis physics does not settle 1,000 nodes; see STACK.md).
PHYSICS_THRESHOLD = 300

#: With no ``max_nodes`` given, a view of a larger graph keeps this many nodes, the most
#: connected: a browser draws 5,000 nodes interactively in about 2 s (benchmarks/bench_html.py),
#: while the 150,000 nodes of a 100,000-article corpus make a 300 MB page no browser can use.
#: ``max_nodes`` set explicitly (``--max-nodes``) draws more.
DRAW_LIMIT = 5000

#: The seed of the layout, so that the same graph is drawn the same way each time.
LAYOUT_SEED = 20240601


def _is_relation(graph: nx.MultiDiGraph, node: Hashable) -> bool:
    return bool(graph.nodes[node].get("kind") == "relation")


def _stranded(graph: nx.MultiDiGraph, nodes: set[Hashable]) -> set[Hashable]:
    """The relationship nodes of ``nodes`` with fewer than two neighbours in ``nodes``.

    A Partnership with one party says nothing, so views leave such nodes out.
    Relationship nodes only link entities, so leaving one out never strands another.
    """
    return {
        n for n in nodes
        if _is_relation(graph, n) and len({*graph.successors(n), *graph.predecessors(n)} & nodes) < 2
    }


def find_node(graph: nx.MultiDiGraph, label_or_id: str) -> Hashable:
    """The node whose id, label or alias is ``label_or_id`` (labels ignore case).

    Ids win over labels and labels over aliases; among several nodes with the
    same label the most connected (then the smallest id) wins.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> find_node(g, "ford"), find_node(g, "TIONGKOK")
    ('ford-motor-company', 'china')
    >>> find_node(g, "Xiaomy")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: unknown node 'Xiaomy' (no id, label or alias matches; close: Xiaomi, Xiaomi EV)
    """
    if label_or_id in graph:
        return label_or_id
    wanted = label_or_id.casefold()
    by_label: list[Hashable] = []
    by_alias: list[Hashable] = []
    for n, attrs in graph.nodes(data=True):
        if str(attrs.get("label", "")).casefold() == wanted:
            by_label.append(n)
        elif any(str(a).casefold() == wanted for a in attrs.get("aliases") or ()):
            by_alias.append(n)
    for found in (by_label, by_alias):
        if found:
            return min(found, key=lambda n: (-graph.degree(n), str(n)))
    labels = sorted({str(a.get("label", n)) for n, a in graph.nodes(data=True) if not _is_relation(graph, n)})
    close = difflib.get_close_matches(label_or_id, labels, n=5, cutoff=0.6)
    hint = f"; close: {', '.join(sorted(close))}" if close else ""
    raise UsageError(f"unknown node {label_or_id!r} (no id, label or alias matches{hint})")


def neighbourhood(graph: nx.MultiDiGraph, start: Hashable, depth: int) -> dict[Hashable, int]:
    """Every node within ``depth`` hops of ``start``, with its distance.

    Edge direction is ignored. Stepping onto a relationship node costs nothing,
    so the parties of a Partnership are one hop from each other.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> d = neighbourhood(g, "xiaomi", 1)
    >>> d["ford-motor-company"], d["partnership/ford-motor-company--xiaomi"], "adaro" in d
    (1, 0, False)
    """
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    dist: dict[Hashable, int] = {start: 0}
    queue: deque[Hashable] = deque([start])
    # 0-1 breadth-first search: zero-cost steps go to the front of the queue.
    while queue:
        node = queue.popleft()
        d = dist[node]
        for other in sorted({*graph.successors(node), *graph.predecessors(node)}, key=str):
            cost = 0 if _is_relation(graph, other) else 1
            nd = d + cost
            if nd > depth or dist.get(other, math.inf) <= nd:
                continue
            dist[other] = nd
            if cost:
                queue.append(other)
            else:
                queue.appendleft(other)
    return dist


def focus(graph: nx.MultiDiGraph, label_or_id: str, depth: int = 1) -> nx.MultiDiGraph:
    """The part of ``graph`` within ``depth`` hops of one node (found by id, label or alias).

    Relationship nodes with only one neighbour inside the part are left out.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> sorted(focus(g, "china", 0))
    ['china']
    >>> len(focus(g, "Adaro", 1)), len(focus(g, "Adaro", 2))
    (7, 13)
    """
    start = find_node(graph, label_or_id)
    keep = set(neighbourhood(graph, start, depth))
    keep -= _stranded(graph, keep)
    return graph.subgraph([n for n in graph if n in keep]).copy()


def _partners(graph: nx.MultiDiGraph, node: Hashable, kept: set[Hashable]) -> list[Hashable]:
    """The nodes ``node`` needs to be drawn with a link: a relationship node's parties, an entity's
    strongest link (to the neighbour it shares most edges with; a relationship node brings its parties).
    Nothing when ``node`` already has a kept neighbour that is not a stranded relationship node."""
    def parties(rel: Hashable) -> list[Hashable]:
        return sorted((v for _, v, d in graph.out_edges(rel, data=True) if d.get("type") != "sector"), key=str)

    if _is_relation(graph, node):
        return [p for p in parties(node) if p not in kept]
    near = [*graph.successors(node), *graph.predecessors(node)]
    if any(m in kept and not _is_relation(graph, m) for m in near):
        return []
    if not near:
        return []
    weight = {m: graph.number_of_edges(node, m) + graph.number_of_edges(m, node) for m in set(near)}
    best = min(weight, key=lambda m: (-weight[m], -graph.degree(m), str(m)))
    group = [best] if best not in kept else []
    if _is_relation(graph, best):
        group += [p for p in parties(best) if p != node and p not in kept]
    return group


def limit(
    graph: nx.MultiDiGraph, max_nodes: int, *, keep: Iterable[Hashable] = ()
) -> tuple[nx.MultiDiGraph, list[Hashable]]:
    """Keep at most ``max_nodes`` nodes, the most connected with their strongest links; return the
    smaller graph and the dropped nodes.

    Nodes are ranked by degree (ties by id), after the nodes of ``keep``
    (such as the node a view is focused on). Each node is kept together with
    what it needs to show a link (:func:`_partners`): a node drawn alone says
    nothing, so nodes in no link are never kept (unless in ``keep``), and a
    relationship node comes with its parties. ``dropped`` lists the dropped
    nodes, most connected first.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> kept, dropped = limit(g, 3)
    >>> sorted(kept), dropped[:2]
    (['acquisition/bukit-asam--adaro', 'adaro', 'bukit-asam'], ['xiaomi', 'indika'])
    >>> sorted(limit(g, 2, keep=["china"])[0])
    ['china', 'xiaomi']
    >>> limit(g, 100)[1]
    []
    """
    if max_nodes < 0:
        raise UsageError(f"--max-nodes must be 0 or more, not {max_nodes}")
    first = set(keep)
    ranked = sorted(graph, key=lambda n: (n not in first, -graph.degree(n), str(n)))
    kept: set[Hashable] = set()
    for n in ranked:
        if len(kept) >= max_nodes:
            break
        if n in kept or (n not in first and graph.degree(n) == 0):
            continue
        group = [n, *_partners(graph, n, kept)]
        if len(kept) + len(group) <= max_nodes:
            kept.update(group)
        elif n in first:
            kept.add(n)
    kept -= _stranded(graph, kept)
    dropped = [n for n in ranked if n not in kept]
    return graph.subgraph([n for n in graph if n in kept]).copy(), dropped


def _component_layout(g: igraph.Graph, seed: int) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions of one connected igraph graph, seeded."""
    import random

    import igraph

    if g.vcount() == 1:
        return [(0.0, 0.0)]
    if g.vcount() == 2:
        return [(-0.5, 0.0), (0.5, 0.0)]
    # igraph draws from a process-wide generator: seed a private one, then put the default back.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        # The grid variant only repels nearby nodes: 0.16 s instead of 2.3 s at 1,000 nodes
        # (igraph switches to it by itself only above 1,000).
        grid = "grid" if g.vcount() > 200 else "nogrid"
        return [(c[0], c[1]) for c in g.layout_fruchterman_reingold(niter=500, grid=grid).coords]
    finally:
        igraph.set_random_number_generator(random)


def _pack(sizes: list[float], gap: float) -> list[tuple[float, float]]:
    """Centres for discs of radii ``sizes`` (largest first): the first in the middle, the others in rings.

    Each ring is filled around the circle in order, so the components read from the
    largest in the centre outwards by size; no two discs overlap.
    """
    if not sizes:
        return []
    centres = [(0.0, 0.0)]
    outer = sizes[0]  # the radius the next ring must clear
    i = 1
    while i < len(sizes):
        r_ring = outer + gap + sizes[i]
        angle = 0.0
        ring_outer = r_ring + sizes[i]
        while i < len(sizes):
            r = sizes[i]
            step = 2 * math.asin(min(1.0, (r + gap / 2) / r_ring))
            if angle + step > 2 * math.pi + 1e-9 and angle > 0:
                break
            a = angle + step / 2
            centres.append((r_ring * math.cos(a), r_ring * math.sin(a)))
            ring_outer = max(ring_outer, r_ring + r)
            angle += step
            i += 1
        outer = ring_outer
    return centres


def layout(
    graph: nx.MultiDiGraph, *, seed: int = LAYOUT_SEED, spacing: float = 120.0
) -> dict[Hashable, tuple[float, float]]:
    """Node positions that show structure, the same for the same graph.

    Each connected component is laid out on its own (Fruchterman-Reingold, igraph),
    scaled to a disc whose area grows with its number of nodes (``spacing`` sets
    the scale), and the components are packed: the largest in the centre, the others in rings around it by size.
    Nodes in no link (isolated) are not packed with them but set in a compact
    grid to the right, so a page can show or hide them without moving the rest.
    Coordinates are rounded to 0.1, so that they print the same on every run.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> pos = layout(g)
    >>> len(pos) == len(g) and pos == layout(g)
    True
    """
    import igraph

    nodes = sorted(graph, key=str)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v})
    whole = igraph.Graph(n=len(nodes), edges=pairs)
    linked = [c for c in whole.connected_components() if len(c) > 1]
    alone = sorted({*range(len(nodes))} - {i for c in linked for i in c})
    # Largest first; ties by the smallest node id, so the order does not depend on igraph's.
    linked.sort(key=lambda c: (-len(c), min(c)))
    coords: dict[int, tuple[float, float]] = {}
    shapes: list[tuple[list[int], list[tuple[float, float]], float]] = []
    for members in linked:
        sub = whole.induced_subgraph(members)
        raw = _component_layout(sub, seed)
        cx = sum(p[0] for p in raw) / len(raw)
        cy = sum(p[1] for p in raw) / len(raw)
        # Each component gets an area in proportion to its nodes (a dense core of a large
        # component would otherwise be a blot among rings of small ones).
        extent = max(math.hypot(p[0] - cx, p[1] - cy) for p in raw)
        scale = spacing * 0.6 * math.sqrt(len(raw)) / extent if extent > 0 else spacing
        local = [((p[0] - cx) * scale, (p[1] - cy) * scale) for p in raw]
        radius = max(math.hypot(*p) for p in local) + spacing / 4
        shapes.append((members, local, radius))
    centres = _pack([r for _, _, r in shapes], gap=spacing / 2)
    right = 0.0
    for (members, local, _), (ox, oy) in zip(shapes, centres, strict=True):
        for v, (x, y) in zip(members, local, strict=True):
            coords[v] = (x + ox, y + oy)
            right = max(right, x + ox)
    if alone:
        # A compact grid beside the graph, its rows centred on the graph's middle row.
        cols = max(1, math.ceil(math.sqrt(len(alone))))
        rows = math.ceil(len(alone) / cols)
        step = spacing / 2
        x0 = right + spacing * 2 if linked else 0.0
        for k, v in enumerate(alone):
            coords[v] = (x0 + (k % cols) * step, (k // cols - (rows - 1) / 2) * step)
    return {n: (round(coords[i][0], 1) + 0.0, round(coords[i][1], 1) + 0.0) for i, n in enumerate(nodes)}


def summary(graph: KnowledgeGraph) -> str:
    """What the graph holds, in the words the CLI and the page both use.

    Entities and links are kg's; a link of a relationship type (Partnership,
    Acquisition ...) is drawn as a node, and each speaker of a claim about it
    as one more edge, so the page's node and edge counts follow from these.

    >>> from tests.sample import sample_graph
    >>> summary(sample_graph())
    '13 entities, 13 links (6 relationship nodes; 2 speaker edges)'
    """
    from kg.errors import plural
    from kg.schema import SPEAKER_PROPERTY

    nodes = [link for link in graph.links if link.is_node]
    speakers = sum(
        len({(c.attributed_to, SPEAKER_PROPERTY[c.status], c.article) for c in link.claims if c.attributed_to})
        for link in nodes
    )
    return (f"{plural(len(graph.entities), 'entity')}, {plural(len(graph.links), 'link')} "
            f"({plural(len(nodes), 'relationship node')}; {plural(speakers, 'speaker edge')})")


class GraphView(NamedTuple):
    """The part of a graph to draw, and what was left out."""

    graph: nx.MultiDiGraph
    dropped: list[Hashable]
    focus: Hashable | None
    total_nodes: int
    total_edges: int


def select(
    graph: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
) -> GraphView:
    """The part of ``graph`` to draw, the nodes left out and the focus node.

    ``focus`` (an id, label or alias) keeps the nodes within ``depth`` hops
    (default 1); ``max_nodes`` then keeps the most connected nodes
    (default: :data:`DRAW_LIMIT` when there are more). The view is made once per
    graph and options, and shared: treat it as read-only.

    >>> from tests.sample import sample_graph
    >>> v = select(sample_graph(), focus="Ford", max_nodes=3)
    >>> v.focus, sorted(v.graph), len(v.dropped), v.total_nodes
    ('ford-motor-company', ['ford-motor-company', 'partnership/ford-motor-company--xiaomi', 'xiaomi'], 1, 19)
    >>> select(sample_graph(), depth=2)
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --depth 2 needs --focus (the node to count hops from)
    """
    # graph.html, the figures and the CLI's note on what was left out all ask for the same view.
    key = ("view", focus, depth, max_nodes, DRAW_LIMIT)
    return graph.derived(key, lambda: _select(graph, focus=focus, depth=depth, max_nodes=max_nodes))


def _select(graph: KnowledgeGraph, *, focus: str | None, depth: int | None, max_nodes: int | None) -> GraphView:
    # Chosen on the structure alone; only what is drawn gets its claim records
    # (on a large graph they are most of the memory).
    g = graph.to_networkx(claims=False)
    total = (g.number_of_nodes(), g.number_of_edges())
    start = None
    if focus is not None:
        start = find_node(g, focus)
        near = set(neighbourhood(g, start, 1 if depth is None else depth))
        near -= _stranded(g, near)
        g = g.subgraph([n for n in g if n in near]).copy()
    elif depth is not None:
        raise UsageError(f"--depth {depth} needs --focus (the node to count hops from)")
    if max_nodes is None and g.number_of_nodes() > DRAW_LIMIT:
        max_nodes = DRAW_LIMIT
    dropped: list[Hashable] = []
    if max_nodes is not None:
        g, dropped = limit(g, max_nodes, keep=[] if start is None else [start])
    kept = None if g.number_of_nodes() == total[0] else {str(n) for n in g}
    return GraphView(graph.to_networkx(nodes=kept), dropped, start, *total)
