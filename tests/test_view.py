from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import UsageError
from kg.view import find_node, focus, layout, limit, neighbourhood, select


@pytest.fixture()
def g(graph):
    return graph.to_networkx()


def chain(n: int) -> nx.MultiDiGraph:
    """e0 - e1 - ... with a Partnership node between e0 and e1."""
    h = nx.MultiDiGraph()
    for i in range(n):
        h.add_node(f"e{i}", kind="entity", type="Company", label=f"E{i}", aliases=[f"alias{i}"])
    h.add_node("p01", kind="relation", type="Partnership", label="Partnership")
    h.add_edge("p01", "e0", key="party:e0", type="party")
    h.add_edge("p01", "e1", key="party:e1", type="party")
    for i in range(1, n - 1):
        h.add_edge(f"e{i}", f"e{i + 1}", key="based_in", type="based_in")
    return h


def test_relation_nodes_are_not_a_hop():
    h = chain(5)
    assert neighbourhood(h, "e0", 1) == {"e0": 0, "p01": 0, "e1": 1}
    assert set(focus(h, "e0", 2)) == {"e0", "p01", "e1", "e2"}
    # From the other side the relationship node is reached at the party's distance.
    assert neighbourhood(h, "e2", 1) == {"e2": 0, "e1": 1, "e3": 1, "p01": 1}


def test_focus_depth_grows_and_keeps_edges(g):
    sizes = [len(focus(g, "Adaro", d)) for d in range(4)]
    assert sizes == sorted(sizes) and sizes[0] == 1 and sizes[2] > sizes[1]
    sub = focus(g, "Xiaomi", 1)
    assert set(sub) == {
        "xiaomi", "china", "xiaomi-ev", "electric-vehicles", "ford-motor-company",
        "partnership/ford-motor-company--xiaomi",
    }
    # The denial and its speaker edge survive with their attributes.
    denies = [d for u, v, d in sub.edges(data=True) if d["type"] == "denies"]
    assert len(denies) == 1 and denies[0]["status"] == "denied" and denies[0]["claims"]
    assert sub.number_of_edges() == g.subgraph(sub.nodes).number_of_edges()


def test_focus_does_not_touch_the_input(g):
    before = (g.number_of_nodes(), g.number_of_edges())
    sub = focus(g, "china", 0)
    sub.add_node("new")
    assert (g.number_of_nodes(), g.number_of_edges()) == before


def test_find_node_by_id_label_alias_and_errors(g):
    assert find_node(g, "bukit-asam") == "bukit-asam"
    assert find_node(g, "bukit asam") == "bukit-asam"
    assert find_node(g, "PT Bukit Asam Tbk") == "bukit-asam"
    with pytest.raises(UsageError, match="'Ford Motors Inc'"):
        find_node(g, "Ford Motors Inc")
    with pytest.raises(UsageError, match="depth"):
        neighbourhood(g, "xiaomi", -1)


def test_limit_keeps_the_most_connected_with_their_links(g):
    for n in range(3, len(g) + 1):
        kept, dropped = limit(g, n)
        assert n - 2 <= len(kept) <= n  # a node comes with its link: at most 3 at once
        assert set(kept) | set(dropped) == set(g) and not set(kept) & set(dropped)
        assert "bukit-asam" in kept  # degree 6, the hub
        # Every kept node is drawn with a link: none is left alone on the page (issue 13).
        assert all(kept.degree(node) > 0 for node in kept), n


def test_limit_never_keeps_a_node_in_no_link_unless_asked():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("lone", kind="entity")
    g.add_edge("a", "b", type="competitor_of")
    nx.set_node_attributes(g, "entity", "kind")
    assert sorted(limit(g, 3)[0]) == ["a", "b"]
    assert sorted(limit(g, 3, keep=["lone"])[0]) == ["a", "b", "lone"]


def test_limit_never_strands_a_relationship_node(g):
    for n in range(len(g) + 1):
        kept, dropped = limit(g, n)
        assert len(kept) <= n and len(kept) + len(dropped) == len(g)
        for node, attrs in kept.nodes(data=True):
            if attrs["kind"] == "relation":
                assert len(set(kept.successors(node)) | set(kept.predecessors(node))) >= 2


def test_limit_keeps_requested_nodes_and_rejects_negative(g):
    kept, _ = limit(g, 1, keep=["ba-1-loader"])
    assert list(kept) == ["ba-1-loader"]
    assert limit(g, 0)[0].number_of_nodes() == 0
    with pytest.raises(UsageError):
        limit(g, -1)


def test_layout_is_deterministic_and_spread(g):
    pos = layout(g)
    assert pos == layout(g.copy())
    assert len(set(pos.values())) == len(g)
    assert layout(g, seed=1) != pos
    assert layout(nx.MultiDiGraph()) == {}


def test_select_combines_focus_and_limit(graph):
    v = select(graph, focus="Indika", depth=1, max_nodes=4)
    assert v.focus == "indika" and "indika" in v.graph and len(v.graph) <= 4
    assert v.total_nodes == graph.to_networkx().number_of_nodes()
    full = select(graph)
    assert full.dropped == [] and full.focus is None and len(full.graph) == v.total_nodes
    with pytest.raises(UsageError, match="needs --focus"):
        select(graph, depth=1)


def test_large_graphs_are_drawn_by_their_most_connected_nodes(monkeypatch, graph, tmp_path, capsys):  # type: ignore[no-untyped-def]
    from kg import cli, view

    monkeypatch.setattr(view, "DRAW_LIMIT", 6)
    v = view.select(graph)
    assert v.graph.number_of_nodes() <= 6 and len(v.dropped) >= v.total_nodes - 6
    assert view.select(graph, max_nodes=100).dropped == []  # an explicit limit wins
    view_options = {"focus": None, "depth": None, "max_nodes": None}
    cli._report_view(graph, view_options)
    said = capsys.readouterr().err
    assert "--max-nodes 6 dropped" in said and "Partnership (" in said  # relationship nodes by name, not id
    from kg.formats import get_format

    cli._report_view(graph, view_options, [get_format("nquads")])  # nothing drawn, nothing to say
    assert capsys.readouterr().err == ""
