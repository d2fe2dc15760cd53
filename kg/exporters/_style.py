"""The visual vocabulary shared by the HTML page and the static figures.

One table says how each entity type, relationship node and status is drawn,
so the page, the figure and both legends agree.

>>> STATUS_STYLE["denied"].mark, STATUS_STYLE["denied"].color
('✕', '#d62728')
>>> from kg.schema import ENTITY_TYPES
>>> sorted(NODE_STYLE) == sorted(ENTITY_TYPES + RELATION_NODE_CLASSES)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.schema import RELATION_TYPES, STATUSES

__all__ = [
    "NODE_STYLE",
    "RELATION_NODE_CLASSES",
    "STATUS_STYLE",
    "UNKNOWN_NODE",
    "EdgeStyle",
    "NodeStyle",
    "edge_label",
    "humanize",
    "node_style",
    "relation_label",
]

RELATION_NODE_CLASSES: tuple[str, ...] = tuple(
    rt.node_class for rt in RELATION_TYPES.values() if rt.node_class is not None
)


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of node is drawn: vis.js shape, matplotlib marker, fill colour."""

    shape: str
    marker: str
    color: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How a link with one status is drawn.

    ``dashes`` is the vis.js dash pattern (``None`` for a solid line) and
    ``mark`` is put before the edge label, so that a denial reads as one even
    without colour.
    """

    color: str
    dashes: tuple[int, ...] | None
    width: float
    mark: str
    meaning: str

    @property
    def linestyle(self) -> str | tuple[int, tuple[int, ...]]:
        """The matplotlib line style with the same dash pattern."""
        return "solid" if self.dashes is None else (0, self.dashes)


# Colour-blind-safe Tableau 10 fills; shapes differ too, so no type relies on colour alone.
NODE_STYLE: dict[str, NodeStyle] = {
    "Company": NodeStyle("dot", "o", "#4e79a7"),
    "Organization": NodeStyle("hexagon", "h", "#59a14f"),
    "Person": NodeStyle("triangle", "^", "#f28e2b"),
    "Country": NodeStyle("square", "s", "#e15759"),
    "Place": NodeStyle("triangleDown", "v", "#b07aa1"),
    "Sector": NodeStyle("star", "*", "#edc948"),
    "Product": NodeStyle("diamond", "D", "#76b7b2"),
    # Relationship nodes are labelled boxes in light tints, so they read as "about" the entities.
    "Partnership": NodeStyle("box", "p", "#c6dbef"),
    "Acquisition": NodeStyle("box", "p", "#fdd0a2"),
    "Investment": NodeStyle("box", "p", "#c7e9c0"),
    "SupplyDeal": NodeStyle("box", "p", "#dadaeb"),
    "LegalDispute": NodeStyle("box", "p", "#fcbba1"),
}

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

UNKNOWN_NODE = NodeStyle("dot", "o", "#bab0ac")

STATUS_STYLE: dict[str, EdgeStyle] = {
    "asserted": EdgeStyle("#3b3b3b", None, 1.5, "", "reported as fact"),
    "denied": EdgeStyle("#d62728", (6, 4), 2.0, "✕", "denied by a party: not a link"),
    "rumored": EdgeStyle("#9467bd", (2, 4), 1.5, "?", "rumoured or unconfirmed"),
    "planned": EdgeStyle("#1f77b4", (10, 6), 1.5, "", "planned or announced, not done"),
    "ended": EdgeStyle("#a0a0a0", None, 1.5, "", "ended or called off"),
}
assert tuple(STATUS_STYLE) == STATUSES


def humanize(name: str) -> str:
    """A type or predicate name as words.

    >>> humanize("SupplyDeal"), humanize("subsidiaryOf"), humanize("based_in")
    ('Supply deal', 'subsidiary of', 'based in')
    """
    words = _CAMEL.sub(" ", name).replace("_", " ")
    return words[:1] + words[1:].lower()


def node_style(node_type: str) -> NodeStyle:
    return NODE_STYLE.get(node_type, UNKNOWN_NODE)


def relation_label(rtype: str) -> str:
    """A relation type as words.

    >>> relation_label("subsidiary_of")
    'subsidiary of'
    """
    return rtype.replace("_", " ")


def edge_label(edge_type: str, status: str) -> str:
    """The label drawn on an edge: its type, marked by its status.

    >>> edge_label("denies", "denied"), edge_label("based_in", "asserted")
    ('✕ denies', 'based in')
    """
    mark = STATUS_STYLE[status].mark if status in STATUS_STYLE else ""
    words = relation_label(edge_type)
    return f"{mark} {words}" if mark else words
