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

__all__ = ["ANALYSIS_FIELDS", "LOUVAIN_SEED", "SAMPLED_ABOVE", "analyse", "company_network", "undirected"]

#: The seed of Louvain (and of the sampled betweenness of very large graphs).
LOUVAIN_SEED = 20240601

#: Betweenness is exact up to this many nodes; above it, it is estimated from this
#: many seeded sources (exact betweenness of 100,000 nodes takes hours).
SAMPLED_ABOVE = 2000

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
    k = SAMPLED_ABOVE if len(g) > SAMPLED_ABOVE else None
    betweenness = nx.betweenness_centrality(g, k=k, seed=LOUVAIN_SEED if k else None)
    communities = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
    ranked = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    community = {n: i for i, members in enumerate(ranked) for n in members}
    return {
        n: {"community": community[n], "degree": round(degree[n], 6), "betweenness": round(betweenness[n], 6)}
        for n in sorted(g)
    }
