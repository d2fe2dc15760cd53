"""``graph.html``: an interactive page of the graph, one self-contained file that works offline.

The page draws entities by type and links by status (asserted solid, denied
red dashed with ✕, rumoured dotted, planned dashed, ended grey), shows the
claims behind a link on hover or click, and filters by entity type, relation
type, status, source and date; a search box focuses one node and its
neighbourhood. A date slider replays the story (links appear, change
status and disappear; docs/history.md), the panel shows a link's claims as a
timeline with reversals flagged, and a toggle colours companies by community.
vis-network is inlined; nothing is fetched, and a Content-Security-Policy
forbids fetching anything.

Large graphs are drawn from a layout computed in Python (igraph) with
physics off; ``focus``/``depth`` and ``max_nodes`` cut the graph first
(see :mod:`kg.view`).

>>> from tests.sample import sample_graph
>>> page = "".join(generate_html(sample_graph()))
>>> page.startswith("<!DOCTYPE html>") and "<script>alert(1)" not in page
True
>>> a = "".join(generate_html(sample_graph(), focus="Xiaomi"))
>>> a == "".join(generate_html(sample_graph(), focus="xiaomi")) and len(a) < len(page)
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.io import atomic_write

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["generate_html", "write_html"]


def generate_html(
    graph: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    physics: bool | None = None,
    size_by: str = "degree",
    title: str = "kg knowledge graph",
) -> Iterator[str]:
    """Yield the page in chunks; the same graph and options give the same bytes.

    ``physics=None`` lets vis settle graphs of up to
    :data:`kg.view.PHYSICS_THRESHOLD` nodes and draws larger ones as laid
    out; ``size_by`` is ``"degree"`` or ``"articles"``.
    """
    from kg.exporters.html._page import page_chunks
    from kg.exporters.html._payload import build_payload, script_json
    from kg.view import select

    v = select(graph, focus=focus, depth=depth, max_nodes=max_nodes)
    payload = build_payload(
        graph, v.graph, physics=physics, size_by=size_by, dropped=v.dropped, focus=v.focus,
        depth=None if v.focus is None else (1 if depth is None else depth),
        total=(v.total_nodes, v.total_edges),
    )
    yield from page_chunks(script_json(payload), title=title)


def write_html(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int | None = None,
    max_nodes: int | None = None,
    physics: bool | None = None,
    size_by: str = "degree",
    title: str = "kg knowledge graph",
) -> Path:
    """Write the page to ``path`` atomically; return the path."""
    return atomic_write(path, generate_html(
        graph, focus=focus, depth=depth, max_nodes=max_nodes, physics=physics, size_by=size_by, title=title,
    ))
