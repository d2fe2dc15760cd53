"""graph.html draws structure (issue 13, part 1): packed components, isolated entities hidden,
labels at the first view, in-page focus laid out again, measured in headless Chromium.

The measure is the page's own ``kg.layoutMeasure()``: the mean drawn edge length divided by
the mean distance between pairs of drawn nodes (a ring of nodes with every edge across the
middle is near 1; linked nodes drawn together make it small), and ``kg.labelsDrawn()``: the
labels vis draws at the current zoom inside the view.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from kg.exporters.html import write_html
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Extraction
from kg.view import layout
from tests.exporters.test_html import Opened, browser, page_of, payload  # noqa: F401  (browser: fixture)

REUTERS = Path(os.environ.get("KG_SHARED", "/work/shared")) / "corpus" / "en" / "reuters-21578-acq.jsonl"
MAX_RATIO = 0.25
MIN_LABELS = 25


def clusters(n_clusters: int = 60, size: int = 8, alone: int = 25) -> KnowledgeGraph:
    """``n_clusters`` separate deal clusters (a star and a chain of competitors, partnerships between
    neighbours) and ``alone`` entities in no link; about 600 drawn nodes, so physics is off."""
    article = Article("a", "text", title="T", source="S", published="2025-01-01")
    nodes: list[Node] = []
    links: list[Link] = []
    for c in range(n_clusters):
        ids = [f"k{c:03d}-{i}" for i in range(size)]
        nodes += [Node(i, f"Cluster {c} firm {i[-1]}", "Company", articles=("a",)) for i in ids]
        for i in range(1, size):
            links.append(Link(f"competitor_of/{ids[0]}--{ids[i]}", "competitor_of", ids[0], ids[i],
                              (Claim("a", "asserted"),)))
            if i % 2 == 0:
                a, b = sorted((ids[i - 1], ids[i]))
                links.append(Link(f"partnership/{a}--{b}", "partnership", a, b, (Claim("a", "asserted"),)))
    nodes += [Node(f"z-alone-{i:02d}", f"Alone {i}", "Company", articles=("a",)) for i in range(alone)]
    return KnowledgeGraph((Extraction(article),), tuple(nodes), tuple(sorted(links, key=lambda x: x.id)))


def test_components_are_packed_apart_and_isolated_nodes_sit_beside():
    g = clusters().to_networkx()
    pos = layout(g)
    linked = [n for n in g if g.degree(n)]
    alone = [n for n in g if not g.degree(n)]
    right = max(pos[n][0] for n in linked)
    assert all(pos[n][0] > right for n in alone)  # a grid to the right, never among the clusters
    # Every cluster is drawn apart: its nodes are nearer each other than any node of another cluster.
    cluster = {n: int(n.split("k", 1)[1][:3]) for n in linked}
    members = {c: [n for n in linked if cluster[n] == c] for c in range(60)}
    centre = {c: [sum(pos[n][k] for n in ms) / len(ms) for k in (0, 1)] for c, ms in members.items()}
    for n in linked:
        own = cluster[n]
        d_own = math.dist(pos[n], centre[own])
        assert all(d_own < math.dist(pos[n], centre[c]) for c in centre if c != own), n


def test_page_data_marks_isolated_nodes_and_label_candidates():
    data = payload(page_of(clusters()))
    alone = {n["id"] for n in data["nodes"] if n["alone"]}
    assert alone == {f"z-alone-{i:02d}" for i in range(25)} and data["meta"]["isolated"] == 25
    assert data["meta"]["labels"][0].endswith("-0")  # the star centres are the most connected
    assert not alone & set(data["meta"]["labels"])


@pytest.mark.browser
def test_structure_labels_isolated_toggle_and_focus(browser, tmp_path):  # noqa: F811
    o = Opened(browser, write_html(clusters(), tmp_path / "graph.html"))
    try:
        visible = o.visible()
        assert not any(n.startswith("z-alone") for n in visible) and len(visible) == 60 * 11
        m = o.js("kg.layoutMeasure()")
        assert m["ratio"] <= MAX_RATIO, m
        assert o.js("kg.labelsDrawn()") >= MIN_LABELS
        o.page.check("#kg-isolated")
        assert {f"z-alone-{i:02d}" for i in range(25)} <= o.visible()
        o.page.uncheck("#kg-isolated")
        assert not any(n.startswith("z-alone") for n in o.visible())

        before = o.js("kg.network.getPositions()")
        o.js("kg.focus('k007-0', 1)")
        near = o.visible()
        after = o.js("kg.network.getPositions()")
        centre = after["k007-0"]
        # The neighbourhood is drawn again around the focus: it in the middle, the rest in rings.
        assert (centre["x"], centre["y"]) == (0, 0)
        assert all(math.hypot(after[n]["x"], after[n]["y"]) >= 150 for n in near if n != "k007-0")
        assert len(near) > 8
        o.js("kg.clearFocus()")
        assert o.js("kg.network.getPositions()") == before  # "Show all" restores the whole view
        o.clean()
    finally:
        o.page.close()


def test_community_attributes_reach_the_page():
    from kg.exporters.html._payload import build_payload

    kg = clusters(2, 4, 0)
    view = kg.to_networkx()
    for i, n in enumerate(sorted(view)):
        if view.nodes[n]["kind"] == "entity":
            view.nodes[n]["community"] = i % 3
    data = build_payload(kg, view)
    assert {n["id"]: n["community"] for n in data["nodes"] if "community" in n} == {
        n: i % 3 for i, n in enumerate(sorted(view)) if view.nodes[n]["kind"] == "entity"}


@pytest.mark.browser
def test_companies_toggle_folds_deals_into_labelled_links(browser, tmp_path):  # noqa: F811
    kg = clusters(4, 6, 2)
    o = Opened(browser, write_html(kg, tmp_path / "graph.html"))
    try:
        all_edges = o.visible("edges")
        o.page.check("#kg-companies")
        nodes, edges = o.visible(), o.visible("edges")
        assert nodes == {n.id for n in kg.entities if not n.id.startswith("z-alone")}  # no relationship node
        folded = {e for e in edges if e.startswith("fold:")}
        assert folded == {"fold:" + link.id for link in kg.links if link.type == "partnership"}
        assert o.js("kg.edges.get('fold:partnership/k000-1--k000-2').label") == "Partnership"
        assert len(edges - folded) == sum(1 for link in kg.links if link.type == "competitor_of")
        o.page.uncheck("#kg-companies")
        assert o.visible("edges") == all_edges
        o.clean()
    finally:
        o.page.close()


@pytest.fixture(scope="module")
def reuters_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not REUTERS.is_file():
        pytest.skip(f"{REUTERS} is not here (the project's shared corpus)")
    from kg.build import build

    graph = build([str(REUTERS)], allow_empty=True).graph
    return write_html(graph, tmp_path_factory.mktemp("reuters") / "graph.html")


@pytest.mark.slow
@pytest.mark.browser
def test_reuters_acq_page_shows_structure_and_labels(browser, reuters_page):  # noqa: F811
    o = Opened(browser, reuters_page)
    try:
        m = o.js("kg.layoutMeasure()")
        labels = o.js("kg.labelsDrawn()")
        print(f"reuters acq: {m['nodes']} drawn nodes, {m['edges']} edges, ratio {m['ratio']:.3f}, "
              f"{labels} labels at the first view")
        assert m["ratio"] <= MAX_RATIO, m
        assert labels >= MIN_LABELS
        o.clean()
    finally:
        o.page.close()
