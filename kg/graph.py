"""The resolved knowledge graph: one node per real-world entity, one link per relation.

A :class:`KnowledgeGraph` is plain frozen data. Views are built on demand:
:meth:`KnowledgeGraph.to_networkx` for analysis and drawing,
:meth:`KnowledgeGraph.to_rdflib` for the RDF API, and :func:`kg.rdf.quads` for
fast bulk serialisation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from kg.model import Article, Evidence, Extraction
from kg.schema import RELATION_TYPES, SPEAKER_PROPERTY, strongest_status

T = TypeVar("T")

if TYPE_CHECKING:
    import networkx as nx
    import rdflib


@dataclass(frozen=True, slots=True)
class Node:
    """One real-world entity, merged across articles."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """What one article says about one link: its status, speaker and evidence."""

    article: str
    status: str
    attributed_to: str | None = None
    sector: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """One relation between two entities, with one claim per article that reports it.

    >>> c1 = Claim("a1", "rumored"); c2 = Claim("a2", "denied", attributed_to="xiaomi")
    >>> link = Link("partnership/ford--xiaomi", "partnership", "ford", "xiaomi", (c1, c2))
    >>> link.status, link.is_node
    ('denied', True)
    """

    id: str
    type: str
    subject: str
    object: str
    claims: tuple[Claim, ...] = ()

    @property
    def status(self) -> str:
        """The summary status over all claims (see ``kg.schema.STATUS_PRECEDENCE``)."""
        return strongest_status([c.status for c in self.claims])

    @property
    def statuses(self) -> tuple[str, ...]:
        return tuple(sorted({c.status for c in self.claims}))

    @property
    def sectors(self) -> tuple[str, ...]:
        return tuple(sorted({c.sector for c in self.claims if c.sector}))

    @property
    def is_node(self) -> bool:
        """True for the n-ary relationships (Partnership, Acquisition, ...) drawn as nodes."""
        return RELATION_TYPES[self.type].node_class is not None


@dataclass(frozen=True)
class KnowledgeGraph:
    """Extractions, entities and links, each sorted by id (so outputs are stable).

    ``extractions`` are the per-article results with entity ids already mapped to
    the resolved ids of ``entities``; they are the evidence base of the graph
    (``extractions.jsonl`` is written from them).
    """

    extractions: tuple[Extraction, ...] = ()
    entities: tuple[Node, ...] = ()
    links: tuple[Link, ...] = ()

    def __post_init__(self) -> None:
        # Indexes are derived, not stored twice: built once per (frozen) graph.
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entities})
        object.__setattr__(self, "_articles", {x.article.id: x.article for x in self.extractions})
        object.__setattr__(self, "_derived", {})

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, computed once per graph for ``key`` (views several exporters and the CLI share).

        What it returns is shared: treat it as read-only.

        >>> g = KnowledgeGraph()
        >>> g.derived("n", lambda: [1]) is g.derived("n", lambda: [2])
        True
        """
        cache: dict[Hashable, Any] = self._derived  # type: ignore[attr-defined]
        if key not in cache:
            cache[key] = make()
        return cache[key]

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(x.article for x in self.extractions)

    def entity(self, entity_id: str) -> Node:
        return self._by_id[entity_id]  # type: ignore[attr-defined]

    def article(self, article_id: str) -> Article:
        return self._articles[article_id]  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return len(self.entities) + len(self.links)

    def claim_records(self, link: Link) -> Iterator[dict[str, Any]]:
        """Each claim of a link with its article's metadata, as plain dicts."""
        for c in link.claims:
            a = self.article(c.article)
            yield {
                "article": a.id,
                "title": a.title,
                "source": a.source,
                "published": a.published,
                "url": a.url,
                "status": c.status,
                "attributed_to": c.attributed_to,
                "sector": c.sector,
                "confidence": c.confidence,
                "evidence": [e.to_json() for e in c.evidence],
            }

    def to_networkx(self, *, claims: bool = True, nodes: Collection[str] | None = None) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph view.

        Entities are nodes with ``kind="entity"``. Partnerships, acquisitions,
        investments, supply deals and legal disputes are nodes too
        (``kind="relation"``), joined to their parties by role edges, to their
        sector by a ``sector`` edge, and to each speaker by an edge named after
        what the speaker did (``denies``, ``asserts`` ...). The other relation
        types are direct edges. Every edge carries ``status`` and ``claims``.

        ``claims=False`` leaves the claim records out (the structure alone, for
        choosing what to draw of a large graph); ``nodes`` keeps only those nodes
        and the edges between them, as ``g.subgraph(nodes)`` would, without
        building the rest first.

        >>> from tests.sample import sample_graph
        >>> g = sample_graph().to_networkx(claims=False, nodes={"ford-motor-company", "xiaomi"})
        >>> sorted(g), g.number_of_edges()
        (['ford-motor-company', 'xiaomi'], 0)
        """
        import networkx as nx

        def kept(node: str) -> bool:
            return nodes is None or node in nodes

        def records(link: Link) -> list[dict[str, Any]]:
            return list(self.claim_records(link)) if claims else []

        g = nx.MultiDiGraph()
        for e in self.entities:
            if kept(e.id):
                g.add_node(
                    e.id, kind="entity", type=e.type, label=e.label, aliases=list(e.aliases),
                    wikidata=e.wikidata, articles=list(e.articles),
                )
        for link in self.links:
            rt = RELATION_TYPES[link.type]
            common = {"status": link.status, "statuses": list(link.statuses), "relation": link.id}
            if rt.node_class is None:
                if kept(link.subject) and kept(link.object):
                    g.add_edge(link.subject, link.object, key=link.type, type=link.type, claims=records(link), **common)
                continue
            if not kept(link.id):
                continue
            recs = records(link)
            g.add_node(
                link.id, kind="relation", type=rt.node_class, label=rt.node_class,
                relation_type=link.type, sectors=list(link.sectors), claims=recs, **common,
            )
            for role, party in zip(rt.roles, (link.subject, link.object), strict=True):
                if kept(party):
                    g.add_edge(link.id, party, key=f"{role}:{party}", type=role, claims=recs, **common)
            for sector in link.sectors:
                if kept(sector):
                    g.add_edge(link.id, sector, key="sector", type="sector", claims=recs, **common)
            for i, c in enumerate(link.claims):
                if c.attributed_to and kept(c.attributed_to):
                    prop = SPEAKER_PROPERTY[c.status]
                    g.add_edge(
                        c.attributed_to, link.id, key=f"{prop}:{c.article}", type=prop,
                        claims=recs[i : i + 1], relation=link.id, status=c.status, statuses=[c.status],
                    )
        return g

    def to_rdflib(self) -> rdflib.Dataset:
        """An rdflib Dataset: one named graph per article, provenance in the default graph."""
        from kg.rdf import to_rdflib

        return to_rdflib(self)
