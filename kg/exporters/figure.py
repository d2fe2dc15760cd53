"""Static pictures of the graph (PNG, SVG) with a legend, for reports and the README.

The same view as the HTML page (:func:`kg.view.select`: ``focus``, ``depth``,
``max_nodes``), the same layout (:func:`kg.view.layout`) and the same visual
vocabulary (:mod:`kg.exporters._style`): entity types by colour and shape,
links by status (denied red dashed with a ✕ at the middle, rumoured dotted,
planned dashed, ended grey). Output is byte-identical for the same graph.

>>> from tests.sample import sample_graph
>>> png = b"".join(generate_png(sample_graph()))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
>>> svg = "".join(generate_svg(sample_graph(), focus="Xiaomi"))
>>> svg == "".join(generate_svg(sample_graph(), focus="Xiaomi"))
True
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.exporters._style import NODE_STYLE, STATUS_STYLE, edge_label, humanize, node_style
from kg.io import atomic_write
from kg.schema import RELATION_TYPES, STATUSES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kg.graph import KnowledgeGraph

__all__ = ["draw", "generate_png", "generate_svg", "write_png", "write_svg"]

# Beyond these sizes every label would be an unreadable smudge: label only the hubs.
_ALL_LABELS = 80
_EDGE_LABELS = 60
_HUB_LABELS = 30
_ARROWS = 300

# Fixed salt and no date: the SVG ids and metadata are the same on every run.
_RC: dict[Any, Any] = {
    "svg.hashsalt": "kg", "svg.fonttype": "path", "font.family": "DejaVu Sans", "path.simplify": True,
}


def draw(
    graph: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    width: float = 12.0,
    height: float = 8.0,
    title: str | None = "kg knowledge graph",
) -> Figure:
    """A matplotlib Figure of the graph (no pyplot, so no global state).

    >>> from tests.sample import sample_graph
    >>> fig = draw(sample_graph())
    >>> [t.get_text() for t in fig.legends[0].get_texts()][:2]
    ['Company', 'Organization']
    """
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    from kg.view import layout, select

    view = select(graph, focus=focus, depth=depth, max_nodes=max_nodes)
    g = view.graph
    pos = layout(g)
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0.01, 0.04, 0.84, 0.90))
    ax.set_axis_off()
    ax.set_aspect("equal")
    if title:
        fig.text(0.01, 0.975, title, fontsize=13, weight="bold", va="top")
    note = f"{g.number_of_nodes()} nodes, {g.number_of_edges()} links"
    if view.dropped:
        note += f" (the {g.number_of_nodes()} most connected of {view.total_nodes} nodes)"
    if view.focus is not None:
        note += f"; around {g.nodes[view.focus].get('label', view.focus)}"
    fig.text(0.01, 0.015, note, fontsize=8, color="#555555")
    if not len(g):
        ax.text(0.5, 0.5, "empty graph", ha="center", va="center", color="#777777", transform=ax.transAxes)

    degree = dict(g.degree())
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    few = len(edges) <= _ARROWS
    parallel: dict[frozenset[Hashable], int] = {}
    by_status: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = {s: [] for s in STATUSES}
    for u, v, _key, d in edges:
        status = d.get("status") if d.get("status") in STATUS_STYLE else "asserted"
        st = STATUS_STYLE[status]
        a, b = pos[u], pos[v]
        pair = frozenset((u, v))
        k = parallel[pair] = parallel.get(pair, -1) + 1
        rad = 0.0 if k == 0 or not few else (0.25 * math.ceil(k / 2) * (1 if k % 2 else -1))
        if few:
            rt = RELATION_TYPES.get(str(d.get("type")))
            arrow = not rt.symmetric if rt else d.get("type") not in ("party", "sector")
            ax.add_patch(FancyArrowPatch(
                a, b, arrowstyle="-|>" if arrow else "-", mutation_scale=8, shrinkA=7, shrinkB=7,
                connectionstyle=f"arc3,rad={rad}", color=st.color, linewidth=st.width * 0.7,
                linestyle=st.linestyle, zorder=1,
            ))
        else:
            by_status[status].append((a, b))
        # The middle of matplotlib's arc3 curve (a quadratic Bezier): the chord's middle, pushed sideways.
        mid = ((a[0] + b[0]) / 2 + rad * (b[1] - a[1]) / 2, (a[1] + b[1]) / 2 - rad * (b[0] - a[0]) / 2)
        if status == "denied":
            ax.scatter([mid[0]], [mid[1]], marker="x", s=30, c=st.color, linewidths=1.5, zorder=4)
        if len(edges) <= _EDGE_LABELS:
            ax.text(mid[0], mid[1], edge_label(str(d.get("type", "")), status), fontsize=6, color=st.color,
                    ha="center", va="bottom", zorder=5,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    for status, segments in by_status.items():
        if segments:
            st = STATUS_STYLE[status]
            ax.add_collection(LineCollection(segments, colors=st.color, linewidths=st.width * 0.5,
                                             linestyles=[st.linestyle], zorder=1))

    order = sorted(g, key=str)
    for ntype in sorted({str(g.nodes[n].get("type", "")) for n in order}):
        members = [n for n in order if str(g.nodes[n].get("type", "")) == ntype]
        style = node_style(ntype)
        sizes = [(6 + 2.5 * math.sqrt(degree[n])) ** 2 for n in members]
        ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members], s=sizes, marker=style.marker,
                   c=style.color, edgecolors="#333333", linewidths=0.6, zorder=3)

    labelled = order if len(order) <= _ALL_LABELS else sorted(
        (n for n in order if g.nodes[n].get("kind") != "relation"), key=lambda n: (-degree[n], str(n))
    )[:_HUB_LABELS]
    for n in labelled:
        attrs = g.nodes[n]
        relation = attrs.get("kind") == "relation"
        label = humanize(str(attrs.get("label", n))) if relation else str(attrs.get("label", n))
        ax.annotate(label if len(label) <= 30 else label[:29] + "…", pos[n], xytext=(0, -9),
                    textcoords="offset points", ha="center", va="top", fontsize=6 if relation else 7.5,
                    color="#444444" if relation else "#111111", zorder=6)
    if pos:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        pad = max(max(xs) - min(xs), max(ys) - min(ys), 1.0) * 0.06
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)

    handles: list[Any] = []
    present = {str(g.nodes[n].get("type", "")) for n in g}
    for ntype, style in NODE_STYLE.items():
        if ntype in present:
            handles.append(Line2D([], [], linestyle="none", marker=style.marker, markersize=8,
                                  markerfacecolor=style.color, markeredgecolor="#333333",
                                  label=humanize(ntype)))
    statuses = {str(d.get("status")) for _u, _v, d in g.edges(data=True)}
    for status, st in STATUS_STYLE.items():
        if status in statuses:
            mark = f" {st.mark}" if st.mark else ""
            linestyle: Any = st.linestyle
            handles.append(Line2D([], [], color=st.color, linewidth=st.width, linestyle=linestyle,
                                  label=f"{status}{mark}"))
    if handles:
        fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.86, 0.5), fontsize=8,
                   frameon=False, handlelength=3)
    return fig


def _render(graph: KnowledgeGraph, fmt: str, options: dict[str, Any]) -> bytes:
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(_RC):
        fig = draw(graph, **options)
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=150, metadata=metadata, facecolor="white")
    return buf.getvalue()


def generate_png(
    graph: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    width: float = 12.0,
    height: float = 8.0,
    title: str | None = "kg knowledge graph",
) -> Iterator[bytes]:
    """Yield the PNG (one chunk); the options are those of :func:`draw`."""
    options = dict(focus=focus, depth=depth, max_nodes=max_nodes, width=width, height=height, title=title)
    yield _render(graph, "png", options)


def generate_svg(
    graph: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    width: float = 12.0,
    height: float = 8.0,
    title: str | None = "kg knowledge graph",
) -> Iterator[str]:
    """Yield the SVG text (one chunk); the options are those of :func:`draw`."""
    options = dict(focus=focus, depth=depth, max_nodes=max_nodes, width=width, height=height, title=title)
    yield _render(graph, "svg", options).decode("utf-8")


def write_png(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    width: float = 12.0,
    height: float = 8.0,
    title: str | None = "kg knowledge graph",
) -> Path:
    """Write a PNG picture of ``graph`` atomically; return the path."""
    return atomic_write(path, generate_png(graph, focus=focus, depth=depth, max_nodes=max_nodes, width=width,
                                           height=height, title=title))


def write_svg(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    width: float = 12.0,
    height: float = 8.0,
    title: str | None = "kg knowledge graph",
) -> Path:
    """Write an SVG picture of ``graph`` atomically; return the path."""
    return atomic_write(path, generate_svg(graph, focus=focus, depth=depth, max_nodes=max_nodes, width=width,
                                           height=height, title=title))
