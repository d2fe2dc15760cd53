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


def limit(
    graph: nx.MultiDiGraph, max_nodes: int, *, keep: Iterable[Hashable] = ()
) -> tuple[nx.MultiDiGraph, list[Hashable]]:
    """Keep the ``max_nodes`` most connected nodes; return the smaller graph and the dropped nodes.

    Nodes are ranked by degree (ties by id), after the nodes of ``keep``
    (such as the node a view is focused on). A relationship node left with
    fewer than two of its neighbours is dropped as well: a Partnership with
    one party says nothing. ``dropped`` lists the dropped nodes, most
    connected first.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> kept, dropped = limit(g, 3)
    >>> sorted(kept), dropped[:2]
    (['adaro', 'bukit-asam', 'xiaomi'], ['indika', 'partnership/ford-motor-company--xiaomi'])
    >>> sorted(limit(g, 2, keep=["china"])[0])
    ['bukit-asam', 'china']
    >>> limit(g, 100)[1]
    []
    """
    if max_nodes < 0:
        raise UsageError(f"--max-nodes must be 0 or more, not {max_nodes}")
    first = set(keep)
    ranked = sorted(graph, key=lambda n: (n not in first, -graph.degree(n), str(n)))
    kept: set[Hashable] = set()
    taken = 0
    while True:
        while len(kept) < max_nodes and taken < len(ranked):
            kept.add(ranked[taken])
            taken += 1
        stranded = _stranded(graph, kept)
        if not stranded:
            break
        kept -= stranded
    dropped = [n for n in ranked if n not in kept]
    return graph.subgraph([n for n in graph if n in kept]).copy(), dropped


def layout(
    graph: nx.MultiDiGraph, *, seed: int = LAYOUT_SEED, spacing: float = 120.0
) -> dict[Hashable, tuple[float, float]]:
    """Node positions by Fruchterman-Reingold (igraph), the same for the same graph.

    Coordinates are scaled so that the median edge is ``spacing`` long and
    rounded to 0.1, so that they print the same on every run.

    >>> from tests.sample import sample_graph
    >>> g = sample_graph().to_networkx()
    >>> pos = layout(g)
    >>> len(pos) == len(g) and pos == layout(g)
    True
    """
    import random

    import igraph

    nodes = sorted(graph, key=str)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v})
    g = igraph.Graph(n=len(nodes), edges=pairs)
    # igraph draws from a process-wide generator: seed a private one, then put the default back.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        # The grid variant only repels nearby nodes: 0.16 s instead of 2.3 s at 1,000 nodes
        # (igraph switches to it by itself only above 1,000).
        grid = "grid" if len(nodes) > 200 else "nogrid"
        coords = g.layout_fruchterman_reingold(niter=500, grid=grid).coords
    finally:
        igraph.set_random_number_generator(random)
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    median = lengths[len(lengths) // 2] if lengths else 1.0
    scale = spacing / median if median > 0 else spacing
    cx = sum(c[0] for c in coords) / len(coords)
    cy = sum(c[1] for c in coords) / len(coords)
    return {n: (round((c[0] - cx) * scale, 1) + 0.0, round((c[1] - cy) * scale, 1) + 0.0)
            for n, c in zip(nodes, coords, strict=True)}


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
