"""The company network and its analysis: centrality and communities.

:func:`company_network` collapses the relationship nodes and leaves people,
places, sectors and products out: organisations are the nodes, and each link
between two of them is one edge with its type, current status, claim count
(``weight``) and first and last date. :func:`analyse` computes degree and
betweenness centrality and Louvain communities on it (with a fixed seed: the same
graph always gives the same communities); the property-graph exports write them
as node attributes ``community``, ``degree`` and ``betweenness``.

>>> from tests.sample import sample_graph
>>> net = company_network(sample_graph(), statuses=("asserted", "denied"))
>>> sorted(net.edges(keys=True))[:2]
[('adaro', 'indika', 'competitor_of/adaro--indika'), ('adaro', 'indika', 'legal_dispute/adaro--indika')]
>>> a = analyse(sample_graph())
>>> a["bukit-asam"]["community"] == a["adaro"]["community"], a["xiaomi"]["degree"]
(True, 0.142857)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.schema import ORG_TYPES

if TYPE_CHECKING:
    from collections.abc import Collection

    import networkx as nx

    from kg.graph import KnowledgeGraph

__all__ = ["ANALYSIS_FIELDS", "BETWEENNESS_BUDGET", "LOUVAIN_SEED", "analyse", "company_network", "undirected"]

#: The seed of Louvain (and of the sampled betweenness of very large graphs).
LOUVAIN_SEED = 20240601

#: Betweenness costs one breadth-first search per source: it is exact while
#: sources x (nodes + edges) of the connected organisations stays under this budget,
#: and estimated from as many seeded sources as the budget allows (at least
#: ``MIN_SOURCES``) above it (exact betweenness of 100,000 nodes takes hours).
BETWEENNESS_BUDGET = 1_000_000
MIN_SOURCES = 16

#: The node attributes :func:`analyse` gives, with their (Neo4j) types.
ANALYSIS_FIELDS: dict[str, str] = {"community": "int", "degree": "float", "betweenness": "float"}


def company_network(graph: KnowledgeGraph, *, statuses: Collection[str] = ("asserted",)) -> nx.MultiDiGraph:
    """Organisations as nodes, one edge (subject to object, keyed by link id) per link between two of them.

    Only links whose current status is in ``statuses`` are kept. Edge attributes:
    ``type``, ``status``, ``weight`` (number of claims), ``first`` and ``last``
    (dates of the first and last dated claim, absent when none is dated),
    ``reversal``, ``relation`` (the link id).
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for e in graph.entities:
        if e.type in ORG_TYPES:
            g.add_node(e.id, kind="entity", type=e.type, label=e.label, aliases=list(e.aliases),
                       wikidata=e.wikidata, articles=list(e.articles))
    wanted = set(statuses)
    for link in graph.links:
        if link.subject not in g or link.object not in g or link.status not in wanted:
            continue
        dates = [c.published for c in link.claims if c.published]
        extra = {"first": min(dates), "last": max(dates)} if dates else {}
        g.add_edge(link.subject, link.object, key=link.id, type=link.type, status=link.status,
                   weight=len(link.claims), reversal=link.reversal, relation=link.id, **extra)
    return g


def undirected(network: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per pair of organisations, weighted by the claims of all their links."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(network))
    for u, v, w in sorted(network.edges(data="weight", default=1)):
        if u == v:
            continue
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    return g


def _betweenness(g: nx.Graph) -> dict[str, float]:
    """networkx's normalised betweenness of ``g``, computed on its non-isolated nodes (isolates have 0)."""
    import networkx as nx

    n = len(g)
    linked = g.subgraph([v for v in g if g.degree(v)])
    out = dict.fromkeys(g, 0.0)
    if n <= 2 or len(linked) <= 2:
        return out
    cost = len(linked) + linked.number_of_edges()
    k = max(MIN_SOURCES, BETWEENNESS_BUDGET // cost)
    sampled = k < len(linked)
    raw = nx.betweenness_centrality(linked, k=k if sampled else None, normalized=False,
                                    seed=LOUVAIN_SEED if sampled else None)
    # Undirected raw values count each pair once; networkx normalises by (n-1)(n-2)/2 of the whole graph.
    scale = 2 / ((n - 1) * (n - 2))
    out.update((v, b * scale) for v, b in raw.items())
    return out


def analyse(graph: KnowledgeGraph, *, statuses: Collection[str] = ("asserted",)) -> dict[str, dict[str, Any]]:
    """Degree and betweenness centrality and Louvain community of each organisation.

    Computed on :func:`undirected` of :func:`company_network` (``statuses``);
    centralities are networkx's normalised ones (unweighted: a link is a link,
    however often it was reported); communities use the claim counts as weights
    and are numbered from 0 by size (largest first, ties by smallest id).
    """
    import networkx as nx

    g = undirected(company_network(graph, statuses=statuses))
    if not len(g):
        return {}
    degree = nx.degree_centrality(g)
    betweenness = _betweenness(g)
    communities = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
    ranked = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    community = {n: i for i, members in enumerate(ranked) for n in members}
    return {
        n: {"community": community[n], "degree": round(degree[n], 6), "betweenness": round(betweenness[n], 6)}
        for n in sorted(g)
    }
