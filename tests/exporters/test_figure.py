from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import numpy as np
from matplotlib.collections import PathCollection

from kg.exporters.figure import draw, generate_png, generate_svg, write_png, write_svg
from kg.formats import export
from kg.graph import KnowledgeGraph

SVG = "{http://www.w3.org/2000/svg}"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_signature_size_and_determinism(graph, tmp_path):
    path = write_png(graph, tmp_path / "g.png")
    data = path.read_bytes()
    w, h = png_size(data)
    assert (w, h) == (1800, 1200)  # 12 x 8 inches at 150 dpi
    assert 20_000 < len(data) < 2_000_000
    assert data.endswith(b"IEND\xaeB`\x82")
    assert b"".join(generate_png(graph)) == data
    assert png_size(b"".join(generate_png(graph, width=6, height=4))) == (900, 600)


def test_svg_parses_and_is_deterministic(graph, tmp_path):
    path = write_svg(graph, tmp_path / "g.svg")
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert "<dc:date>" not in text  # no timestamp
    assert "".join(generate_svg(graph)) == text
    # A smaller view is a different picture, and again stable.
    focused = "".join(generate_svg(graph, focus="Xiaomi"))
    assert focused != text and focused == "".join(generate_svg(graph, focus="Xiaomi"))


def test_figure_draws_every_node_status_and_a_legend(graph):
    fig = draw(graph)
    ax = fig.axes[0]
    g = graph.to_networkx()
    drawn = sum(np.asarray(c.get_offsets()).shape[0] for c in ax.collections if isinstance(c, PathCollection))
    denied = sum(1 for _u, _v, d in g.edges(data=True) if d["status"] == "denied")
    assert drawn == g.number_of_nodes() + denied  # one marker per node, one ✕ per denied link
    assert len(ax.patches) == g.number_of_edges()  # few edges: one arrow each
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    wanted = {"Company", "Person", "Partnership", "asserted", "denied ✕", "rumored ?", "planned", "ended"}
    assert wanted <= set(legend)
    labels = {t.get_text() for t in ax.texts}
    assert {"Xiaomi", "Ford Motor Company", "✕ denies"} <= labels


def test_figure_of_a_view_and_an_empty_graph(graph, tmp_path):
    fig = draw(graph, max_nodes=5)
    assert "most connected of 19 nodes" in " ".join(t.get_text() for t in fig.texts)
    empty = b"".join(generate_png(KnowledgeGraph()))
    assert png_size(empty) == (1800, 1200)
    # The format table reaches these writers by extension.
    assert export(graph, tmp_path / "x.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert png_size(export(graph, tmp_path / "x.png").read_bytes()) == (1800, 1200)
