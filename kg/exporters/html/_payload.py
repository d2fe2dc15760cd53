"""The data embedded in ``graph.html``: nodes, edges and claims as plain JSON.

The page draws and filters from this and nothing else. Every string in it is
data (article text included): the page puts it on screen with ``textContent``
only, and :func:`script_json` makes the JSON safe inside a ``<script>``.

>>> from tests.sample import sample_graph
>>> kg = sample_graph()
>>> p = build_payload(kg, kg.to_networkx())
>>> len(p["nodes"]), len(p["edges"]), p["meta"]["physics"]
(19, 23, True)
>>> script_json({"t": "</script><!-- \\u2028"})
'{"t":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kg.exporters._style import NODE_STYLE, STATUS_STYLE, UNKNOWN_NODE, humanize
from kg.exporters.flat import graph_analysis, status_spells
from kg.schema import ENTITY_TYPES, ORG_TYPES, RELATION_TYPES, STATUS_PRECEDENCE, STATUSES
from kg.view import PHYSICS_THRESHOLD, layout, summary

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph import KnowledgeGraph, Link

__all__ = ["build_payload", "safe_url", "script_json", "wikidata_url"]

_QID = re.compile(r"(Q[1-9][0-9]*)$")
_SIZE_BY = ("degree", "articles")


def safe_url(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL, else ``None`` (no ``javascript:`` links).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url("//x.org")
    ('https://example.org/a?b=1', None, None)
    """
    if not isinstance(url, str) or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def wikidata_url(qid: str | None) -> str | None:
    """The Wikidata page of an item id (a bare ``Q…`` or an entity IRI).

    >>> wikidata_url("Q148"), wikidata_url("http://www.wikidata.org/entity/Q148"), wikidata_url("x")
    ('https://www.wikidata.org/wiki/Q148', 'https://www.wikidata.org/wiki/Q148', None)
    """
    m = _QID.search(qid or "")
    return f"https://www.wikidata.org/wiki/{m.group(1)}" if m else None


def script_json(data: object) -> str:
    """JSON that cannot end or confuse the ``<script>`` element it sits in.

    ``<`` ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` and
    friends mean the same, so no ``</script>`` or ``<!--`` survives; U+2028/9
    are escaped for old JavaScript parsers.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _utf16(text: str, index: int) -> int:
    # The page slices strings in UTF-16 code units; Python offsets count code points.
    return len(text[:index].encode("utf-16-le")) // 2


class _Claims:
    """Claim records, each stored once and referred to by index (role edges share them)."""

    def __init__(self, kg: KnowledgeGraph, links: dict[str, Link]) -> None:
        self.kg, self.links = kg, links
        self.records: list[dict[str, Any]] = []
        self._index: dict[tuple[str, int], int] = {}
        self._party_names: dict[str, list[str]] = {}

    def _label(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        try:
            return self.kg.entity(entity_id).label
        except KeyError:
            return entity_id

    def _names(self, link_id: str) -> list[str]:
        """The names (labels and aliases) of the two parties of a link, longest first."""
        if link_id not in self._party_names:
            names: set[str] = set()
            link = self.links.get(link_id)
            for party in (link.subject, link.object) if link else ():
                try:
                    node = self.kg.entity(party)
                except KeyError:
                    continue
                names.update(n for n in (node.label, *node.aliases) if n.strip())
            self._party_names[link_id] = sorted(names, key=lambda n: (-len(n), n))
        return self._party_names[link_id]

    def marks(self, link_id: str, text: str) -> list[list[int]]:
        """Where the parties' names occur in ``text`` as whole words, as UTF-16 ``[start, end]`` pairs.

        Case is ignored; overlapping finds keep the leftmost, then the longest.

        >>> from tests.sample import sample_graph
        >>> kg = sample_graph()
        >>> c = _Claims(kg, {x.id: x for x in kg.links})
        >>> s = "Xiaomi membantah kemitraan dengan FORD Motor Company, bukan Fordham."
        >>> [s[a:b] for a, b in c.marks("partnership/ford-motor-company--xiaomi", s)]
        ['Xiaomi', 'FORD Motor Company']
        """
        names = self._names(link_id)
        if not names or not text:
            return []
        # One compiled regex per link costs 3 s on 5,000 nodes; plain find() on lowered text is
        # 30x faster. Lowering that changes lengths (rare: "İ") would shift offsets: use a regex then.
        low = text.lower()
        found: list[tuple[int, int]] = []
        if len(low) == len(text) and all(len(n.lower()) == len(n) for n in names):
            for name in names:
                needle, at = name.lower(), 0
                while (i := low.find(needle, at)) >= 0:
                    j = i + len(needle)
                    if not (i and _word(low[i - 1])) and not (j < len(low) and _word(low[j])):
                        found.append((i, j))
                    at = i + 1
        else:
            alternatives = "|".join(re.escape(n) for n in names)
            pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
            found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        out: list[list[int]] = []
        end = 0
        for i, j in sorted(found, key=lambda span: (span[0], -span[1])):
            if i >= end:
                out.append([_utf16(text, i), _utf16(text, j)])
                end = j
        return out

    def add(self, link_id: str, records: Sequence[dict[str, Any]]) -> list[int]:
        out = []
        for rec in records:
            # to_networkx gives the edges of one link the same record objects, and the view
            # keeps them alive, so identity finds the repeats without serialising each one.
            key = (link_id, id(rec))
            if key not in self._index:
                self._index[key] = len(self.records)
                self.records.append({
                    "relation": link_id,
                    "article": rec.get("article"),
                    "title": rec.get("title"),
                    "source": rec.get("source"),
                    "published": rec.get("published"),
                    "date": rec.get("date"),
                    "curated": rec.get("curated"),
                    "url": safe_url(rec.get("url")),
                    "status": rec.get("status"),
                    "by": self._label(rec.get("attributed_to")),
                    "sector": self._label(rec.get("sector")),
                    "confidence": rec.get("confidence"),
                    "evidence": [
                        {"text": ev.get("text") or "", "marks": self.marks(link_id, ev.get("text") or "")}
                        for ev in rec.get("evidence") or ()
                    ],
                })
            out.append(self._index[key])
        return out


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _short(label: str, n: int = 40) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _edge_words(etype: str) -> str:
    rt = RELATION_TYPES.get(etype)
    return humanize(rt.predicate) if rt else humanize(etype)


def _arrow(view: nx.MultiDiGraph, u: Hashable, etype: str) -> bool:
    rt = RELATION_TYPES.get(etype)
    if rt is not None:
        return not rt.symmetric
    if view.nodes[u].get("kind") == "relation":  # role or sector edge
        return etype not in ("party", "sector")
    return True  # a speaker edge: Xiaomi -denies-> Partnership


def _link_text(view: nx.MultiDiGraph, node: Hashable, u: Hashable, v: Hashable, etype: str,
               parties: dict[Hashable, list[str]]) -> str:
    """One line of a node's "links" list, from that node's side."""
    label = {n: str(view.nodes[n].get("label", n)) for n in (u, v)}
    words = _edge_words(etype)
    if view.nodes[u].get("kind") == "relation":
        if node == u:
            return f"{words}: {label[v]}"
        others = [p for p in parties.get(u, []) if p != label[v]]
        what = f"{humanize(label[u])}, as {words}" if etype != "sector" else f"sector of {humanize(label[u])}"
        return f"{what}, with {', '.join(others)}" if others else what
    if view.nodes[v].get("kind") == "relation":
        if node == v:
            return f"{label[u]} {words}"
        return f"{words} {humanize(label[v])} ({', '.join(parties.get(v, []))})"
    return f"{label[u]} {words} {label[v]}"


def _story(link: Link | None) -> dict[str, Any]:
    """A link's story for the timeline and a date slider: its status stretches and whether it turned round."""
    if link is None:
        return {}
    return {"spells": [list(s) for s in status_spells(link)], "reversal": link.reversal}


def vis_options(*, physics: bool, big: bool) -> dict[str, Any]:
    """vis-network options: physics to settle small graphs, straight cheap edges on big ones."""
    font = {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        } if physics else {"enabled": False},
        "interaction": {
            "hover": True, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False,
            "tooltipDelay": 200,
        },
        "nodes": {"font": {**font, "size": 14}, "borderWidth": 1, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "font": {**font, "size": 10, "align": "middle"},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
    }


def style_table() -> dict[str, Any]:
    """The drawing rules the page applies (the same table the figures use).

    >>> style_table()["reversals"]
    [['asserted', 'denied'], ['denied', 'asserted'], ['ended', 'asserted']]
    """
    from kg.graph import REVERSALS

    nodes = {t: {"shape": s.shape, "color": s.color, "label": humanize(t)} for t, s in NODE_STYLE.items()}
    return {
        "nodes": nodes,
        "unknown": {"shape": UNKNOWN_NODE.shape, "color": UNKNOWN_NODE.color, "label": "Other"},
        "status": {
            s: {"color": st.color, "dashes": list(st.dashes) if st.dashes else False, "width": st.width,
                "mark": st.mark, "meaning": st.meaning}
            for s, st in STATUS_STYLE.items()
        },
        "statuses": list(STATUSES),
        "precedence": list(STATUS_PRECEDENCE),
        "reversals": [list(r) for r in sorted(REVERSALS)],
        "entityTypes": list(ENTITY_TYPES),
        "orgTypes": sorted(ORG_TYPES),
        "relationTypes": [
            {"name": name, "label": humanize(rt.node_class) if rt.node_class else _edge_words(name),
             "nodeClass": rt.node_class}
            for name, rt in RELATION_TYPES.items()
        ],
    }


#: How many of the most connected nodes the page tries to label at the first view (it keeps those
#: whose labels do not overlap, at least 30 on a real corpus; the rest show their labels on zoom).
LABEL_CANDIDATES = 300


def _label_candidates(view: nx.MultiDiGraph, degree: dict[Hashable, int]) -> list[str]:
    """Entities to label at the first view, in the order the page tries them.

    The most connected entities first (half the candidates), then the most connected
    entity of each other component, largest component first: labels spread over
    the picture instead of piling up on its busiest part.
    """
    import networkx as nx

    def is_entity(n: Hashable) -> bool:
        return bool(view.nodes[n].get("kind", "entity") == "entity" and degree[n])

    def key(n: Hashable) -> tuple[int, str]:
        return (-degree[n], str(n))

    top = sorted((n for n in view if is_entity(n)), key=key)[: LABEL_CANDIDATES // 2]
    chosen = dict.fromkeys(top)
    parts = sorted((sorted(c, key=str) for c in nx.weakly_connected_components(view) if len(c) > 1),
                   key=lambda c: (-len(c), str(c[0])))
    for part in parts:
        if len(chosen) >= LABEL_CANDIDATES:
            break
        best = min((n for n in part if is_entity(n)), key=key, default=None)
        if best is not None:
            chosen.setdefault(best)
    return [str(n) for n in chosen]


def build_payload(
    kg: KnowledgeGraph,
    view: nx.MultiDiGraph,
    *,
    physics: bool | None = None,
    size_by: str = "degree",
    dropped: Sequence[Hashable] = (),
    focus: Hashable | None = None,
    depth: int | None = None,
    total: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data, in a stable order.

    ``view`` is (a part of) ``kg.to_networkx()``; ``physics=None`` turns vis
    physics on for graphs of at most :data:`kg.view.PHYSICS_THRESHOLD` nodes.
    Positions always come from :func:`kg.view.layout`, so physics only polishes them.
    """
    if size_by not in _SIZE_BY:
        from kg.errors import ChoiceError

        raise ChoiceError("size_by", size_by, _SIZE_BY)
    n_nodes = view.number_of_nodes()
    if physics is None:
        physics = 0 < n_nodes <= PHYSICS_THRESHOLD
    physics = bool(physics and n_nodes)
    big = n_nodes > PHYSICS_THRESHOLD
    links = {link.id: link for link in kg.links}
    claims = _Claims(kg, links)
    analysis = graph_analysis(kg)
    positions = layout(view)
    order = sorted(view, key=str)

    edges_sorted = sorted(view.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    parties: dict[Hashable, list[str]] = defaultdict(list)
    for u, v, _k, d in edges_sorted:
        if view.nodes[u].get("kind") == "relation" and d.get("type") != "sector":
            parties[u].append(str(view.nodes[v].get("label", v)))

    edges: list[dict[str, Any]] = []
    node_links: dict[Hashable, list[tuple[int, str, str]]] = defaultdict(list)
    parallel: dict[frozenset[Hashable], int] = defaultdict(int)
    for i, (u, v, _key, d) in enumerate(edges_sorted):
        eid = f"e{i}"
        etype = str(d.get("type", ""))
        link_id = str(d.get("relation", ""))
        link = links.get(link_id)
        status = str(d.get("status", "asserted"))
        pair = frozenset((u, v))
        edges.append({
            "id": eid, "from": str(u), "to": str(v), "type": etype, "label": _edge_words(etype),
            "rtype": link.type if link else etype, "relation": link_id, "status": status,
            "claims": claims.add(link_id, d.get("claims") or ()), "arrow": _arrow(view, u, etype),
            "curve": parallel[pair], **_story(link),
        })
        parallel[pair] += 1
        rank = STATUSES.index(status) if status in STATUSES else len(STATUSES)
        for n in dict.fromkeys((u, v)):
            node_links[n].append((rank, _link_text(view, n, u, v, etype, parties), eid))

    degree = dict(view.degree())
    nodes: list[dict[str, Any]] = []
    for n in order:
        d = view.nodes[n]
        kind = str(d.get("kind", "entity"))
        label = str(d.get("label", n)) if kind == "entity" else humanize(str(d.get("label", n)))
        x, y = positions[n]
        count = len(d.get("articles") or ()) if kind == "entity" else len(d.get("claims") or ())
        weight = degree[n] if size_by == "degree" else count
        node: dict[str, Any] = {
            "id": str(n), "label": label, "short": _short(label),
            "kind": kind, "type": str(d.get("type", "")), "x": x, "y": y,
            "size": round(10 + 4 * math.sqrt(weight), 1), "articles": count, "alone": degree[n] == 0,
            "links": [[STATUSES[r] if r < len(STATUSES) else "asserted", text, eid]
                      for r, text, eid in sorted(node_links[n])],
        }
        if kind == "relation":
            link_id = str(d.get("relation", n))
            node.update({
                "rtype": str(d.get("relation_type", "")), "status": str(d.get("status", "asserted")),
                "claims": claims.add(link_id, d.get("claims") or ()),
                "parties": parties.get(n, []), **_story(links.get(link_id)),
            })
        else:
            node.update({"aliases": [str(a) for a in d.get("aliases") or ()],
                         "wikidata": wikidata_url(d.get("wikidata"))})
            community = d.get("community", analysis.get(str(n), {}).get("community"))
            if community is not None:  # the view's own attribute, else kg.analysis
                node["community"] = int(community)
        nodes.append(node)

    dates = sorted({str(c["published"])[:10] for c in claims.records if c.get("published")})
    sources = sorted({c.get("source") or "" for c in claims.records})
    total_nodes, total_edges = total if total else (n_nodes, view.number_of_edges())
    labels = _label_candidates(view, degree)
    return {
        "meta": {
            "nodes": n_nodes, "edges": view.number_of_edges(), "totalNodes": total_nodes,
            "totalEdges": total_edges, "dropped": len(dropped), "physics": physics, "big": big,
            "focus": None if focus is None else str(focus), "depth": depth, "sizeBy": size_by,
            "dates": [dates[0], dates[-1]] if dates else None, "sources": sources,
            "summary": summary(kg), "isolated": sum(1 for n in order if not degree[n]),
            "labels": labels,
        },
        "style": style_table(),
        "options": vis_options(physics=physics, big=big),
        "nodes": nodes,
        "edges": edges,
        "claims": claims.records,
    }
