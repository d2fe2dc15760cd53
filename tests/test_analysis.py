"""The company network and its analysis, against networkx computed by hand on a small graph."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis import LOUVAIN_SEED, analyse, company_network
from kg.exporters.property_graph import generate_gexf, generate_graphml
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Extraction


def _link(rtype: str, s: str, o: str, *claims: tuple[str, str, str | None]) -> Link:
    return Link(f"{rtype}/{s}--{o}", rtype, s, o, tuple(Claim(a, st, published=d) for a, st, d in claims))


# Two clusters of companies joined by one bridge (c-d), a person, a place, a denied link.
NODES = tuple(Node(i, i.upper(), t) for i, t in (
    ("a", "Company"), ("b", "Company"), ("c", "Organization"), ("d", "Company"), ("e", "Company"),
    ("f", "Company"), ("jakarta", "Place"), ("p", "Person"), ("solo", "Company"),
))
LINKS = (
    _link("partnership", "a", "b", ("x1", "asserted", "2026-01-01"), ("x2", "asserted", "2026-02-01")),
    _link("partnership", "a", "c", ("x1", "asserted", "2026-01-01")),
    _link("supply", "b", "c", ("x3", "asserted", None)),
    _link("acquisition", "c", "d", ("x4", "asserted", "2026-03-01")),
    _link("competitor_of", "d", "e", ("x4", "asserted", "2026-03-01")),
    _link("partnership", "d", "f", ("x4", "asserted", "2026-03-01")),
    _link("partnership", "e", "f", ("x5", "asserted", "2026-03-05")),
    _link("subsidiary_of", "e", "f", ("x5", "asserted", "2026-03-05")),
    _link("partnership", "a", "e", ("x6", "denied", "2026-01-09")),
    _link("based_in", "a", "jakarta", ("x1", "asserted", "2026-01-01")),
    _link("works_for", "p", "a", ("x1", "asserted", "2026-01-01")),
)


@pytest.fixture(scope="module")
def small() -> KnowledgeGraph:
    dates = {c.article: c.published for link in LINKS for c in link.claims}
    articles = tuple(Extraction(Article(a, a, published=d)) for a, d in sorted(dates.items()))
    return KnowledgeGraph(articles, NODES, LINKS)


def by_hand() -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(["a", "b", "c", "d", "e", "f", "solo"])
    for u, v, w in [("a", "b", 2), ("a", "c", 1), ("b", "c", 1), ("c", "d", 1), ("d", "e", 1), ("d", "f", 1),
                    ("e", "f", 2)]:
        g.add_edge(u, v, weight=w)
    return g


def test_company_view_has_organisations_and_one_edge_per_asserted_link(small):
    net = small.to_networkx(view="companies")
    assert sorted(net) == ["a", "b", "c", "d", "e", "f", "solo"]
    assert net.number_of_edges() == 8  # the denied a-e partnership, based_in and works_for are not there
    ab = net.edges["a", "b", "partnership/a--b"]
    assert (ab["type"], ab["status"], ab["weight"], ab["first"], ab["last"]) == (
        "partnership", "asserted", 2, "2026-01-01", "2026-02-01")
    assert "first" not in net.edges["b", "c", "supply/b--c"]  # undated: no dates to give
    with_denied = small.to_networkx(view="companies", statuses=("asserted", "denied"))
    assert with_denied.has_edge("a", "e") and with_denied.edges["a", "e", "partnership/a--e"]["status"] == "denied"
    assert company_network(small).number_of_edges() == 8


def test_analysis_matches_networkx_by_hand(small):
    g = by_hand()
    degree, betweenness = nx.degree_centrality(g), nx.betweenness_centrality(g)
    communities = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
    got = analyse(small)
    assert set(got) == set(g)
    for n in g:
        assert got[n]["degree"] == pytest.approx(degree[n], abs=1e-6)
        assert got[n]["betweenness"] == pytest.approx(betweenness[n], abs=1e-6)
    found = {frozenset(n for n in got if got[n]["community"] == i) for i in {d["community"] for d in got.values()}}
    assert found == {frozenset(c) for c in communities}
    # The two clusters, joined by the c-d bridge; the largest community is number 0.
    assert got["a"]["community"] == got["b"]["community"] != got["e"]["community"] == got["f"]["community"]
    assert got["c"]["betweenness"] == pytest.approx(betweenness["c"]) and got["c"]["betweenness"] > 0.3
    assert got["solo"]["degree"] == 0.0


def test_same_input_same_communities(small):
    shuffled = dataclasses.replace(small, links=tuple(reversed(small.links)), entities=tuple(reversed(NODES)))
    assert analyse(shuffled) == analyse(small)


def test_attributes_load_back_from_graphml_and_gexf(small):
    want = analyse(small)
    for text, read in ((generate_graphml(small), nx.read_graphml), (generate_gexf(small), nx.read_gexf)):
        g = read(io.BytesIO("".join(text).encode()))
        for n, attrs in want.items():
            assert g.nodes[n]["community"] == attrs["community"]
            assert g.nodes[n]["degree"] == pytest.approx(attrs["degree"])
            assert g.nodes[n]["betweenness"] == pytest.approx(attrs["betweenness"])
        assert "community" not in g.nodes["p"]  # people are not in the company network


def test_company_view_exports_load_back(small):
    view = dataclasses.replace(small, view="companies")
    g = nx.read_graphml(io.BytesIO("".join(generate_graphml(view)).encode()), force_multigraph=True)
    assert sorted(g) == ["a", "b", "c", "d", "e", "f", "solo"]
    assert g.number_of_edges() == 8
    (ab,) = g.get_edge_data("a", "b").values()
    assert (ab["type"], ab["status"], ab["claims"], ab["first_published"]) == ("partnership", "asserted", 2,
                                                                                "2026-01-01")
    assert g.nodes["c"]["community"] == analyse(small)["c"]["community"]
    gexf = nx.read_gexf(io.BytesIO("".join(generate_gexf(view)).encode()))
    assert sorted(gexf) == sorted(g)


def test_kg_export_view_companies(tmp_path: Path):
    from kg.cli import main
    from kg.store import add_extractions
    from tests.test_history import story

    store = tmp_path / "store"
    add_extractions(store, story())
    out = tmp_path / "net.graphml"
    assert main(["export", "--store", str(store), "-o", str(out), "--view", "companies"]) == 0
    g = nx.read_graphml(out, force_multigraph=True)
    assert sorted(g) == ["hyundai", "vale-indonesia"]
    (edge,) = g.get_edge_data("hyundai", "vale-indonesia").values()
    assert edge["status"] == "asserted" and edge["reversal"] is True and edge["claims"] == 3
    cypher = tmp_path / "net.cypher"
    assert main(["export", "--store", str(store), "-o", str(cypher), "--view", "companies"]) == 0
    assert "PARTNER_OF" in cypher.read_text(encoding="utf-8")


def test_sampled_betweenness_is_seeded(small, monkeypatch: pytest.MonkeyPatch):
    import kg.analysis

    monkeypatch.setattr(kg.analysis, "BETWEENNESS_BUDGET", 1)
    monkeypatch.setattr(kg.analysis, "MIN_SOURCES", 3)  # 3 of the 6 linked organisations
    first = analyse(small)
    assert first == analyse(small)
    assert first["c"]["betweenness"] != pytest.approx(nx.betweenness_centrality(by_hand())["c"])
