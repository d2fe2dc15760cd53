"""The resolved knowledge graph: one node per real-world entity, one link per relation.

A :class:`KnowledgeGraph` is plain frozen data. Views are built on demand:
:meth:`KnowledgeGraph.to_networkx` for analysis and drawing,
:meth:`KnowledgeGraph.to_rdflib` for the RDF API, and :func:`kg.rdf.quads` for
fast bulk serialisation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from kg.model import Article, Evidence, Extraction
from kg.schema import RELATION_TYPES, SPEAKER_PROPERTY, STATUS_PRECEDENCE, strongest_status

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
    #: The curation file (name and hash) that merged, relabelled or retyped it, if one did.
    curated: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """What one article says about one link: its status, speaker and evidence."""

    article: str
    status: str
    attributed_to: str | None = None
    sector: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    #: The article's publication date (``YYYY-MM-DD``), None when it has none that parses.
    published: str | None = None
    #: Who stated the claim when it is not an article: the curation file that added it.
    curated: str | None = None

    def order(self) -> tuple[bool, str, int, str]:
        """The sort key of a link's history: by date, undated last.

        Within a date the status that wins (``kg.schema.STATUS_PRECEDENCE``) comes last, as the latest word.
        """
        return (self.published is None, self.published or "", -STATUS_PRECEDENCE.index(self.status), self.article)


#: The status changes that make a link's story a reversal: denied or ended, then asserted; asserted, then denied.
REVERSALS = frozenset({("denied", "asserted"), ("ended", "asserted"), ("asserted", "denied")})


@dataclass(frozen=True, slots=True)
class Link:
    """One relation between two entities, with one claim per article that reports it.

    >>> c1 = Claim("a1", "rumored"); c2 = Claim("a2", "denied", attributed_to="xiaomi")
    >>> link = Link("partnership/ford--xiaomi", "partnership", "ford", "xiaomi", (c1, c2))
    >>> link.status, link.is_node
    ('denied', True)

    With dates, the latest word counts: a denial in January, a signing in March.

    >>> d = Claim("a1", "denied", published="2026-01-10"); s = Claim("a2", "asserted", published="2026-03-02")
    >>> later = Link("partnership/ford--xiaomi", "partnership", "ford", "xiaomi", (d, s))
    >>> later.status, later.reversal, [c.status for c in later.superseding()[0]]
    ('asserted', True, ['asserted', 'denied'])
    """

    id: str
    type: str
    subject: str
    object: str
    claims: tuple[Claim, ...] = ()

    @property
    def status(self) -> str:
        """The current status: that of the latest dated claim.

        Claims of the same (latest) date, or a link with no dated claim at all, take
        the first status of ``kg.schema.STATUS_PRECEDENCE``.
        """
        dated = [c for c in self.claims if c.published]
        if not dated:
            return strongest_status([c.status for c in self.claims])
        last = max(c.published or "" for c in dated)
        return strongest_status([c.status for c in dated if c.published == last])

    def history(self) -> tuple[Claim, ...]:
        """The claims in date order (within a date by status precedence, then article); undated last."""
        return tuple(sorted(self.claims, key=Claim.order))

    @property
    def undated(self) -> int:
        """How many claims have no date (they cannot be placed in the story: flagged, not ordered)."""
        return sum(1 for c in self.claims if not c.published)

    def superseding(self) -> tuple[tuple[Claim, Claim], ...]:
        """``(later, earlier)`` for each pair of consecutive dated claims whose status differs."""
        dated = [c for c in self.history() if c.published]
        return tuple((b, a) for a, b in pairwise(dated) if a.status != b.status)

    @property
    def reversal(self) -> bool:
        """True when the dated story turns round: denied or ended, later asserted; or asserted, later denied."""
        by_date: dict[str, list[str]] = {}
        for c in self.claims:
            if c.published:
                by_date.setdefault(c.published, []).append(c.status)
        seen: set[str] = set()
        for date in sorted(by_date):
            status = strongest_status(by_date[date])
            if any((s, status) in REVERSALS for s in seen):
                return True
            seen.add(status)
        return False

    def timeline(self) -> list[dict[str, Any]]:
        """The history as plain records: date, status, article, speaker (and the curator, if curated)."""
        return [
            {"date": c.published, "status": c.status, "article": c.article, "speaker": c.attributed_to,
             **({"curated": c.curated} if c.curated else {})}
            for c in self.history()
        ]

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
    #: What the property-graph exports draw: "full" (entities and relationship nodes) or
    #: "companies" (organisations joined by one edge per link, see :meth:`to_networkx`).
    view: str = "full"

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
                "date": c.published,
                "curated": c.curated,
            }

    def to_networkx(
        self,
        *,
        claims: bool = True,
        nodes: Collection[str] | None = None,
        view: str = "full",
        statuses: Collection[str] = ("asserted",),
    ) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph view.

        ``view="companies"`` gives the company network instead (see
        :func:`kg.analysis.company_network`): organisations as nodes, one edge per
        link between two of them whose current status is in ``statuses``.

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

        if view == "companies":
            from kg.analysis import company_network

            return company_network(self, statuses=statuses)
        if view != "full":
            from kg.errors import ChoiceError

            raise ChoiceError("view", view, ("full", "companies"))

        def kept(node: str) -> bool:
            return nodes is None or node in nodes

        def records(link: Link) -> list[dict[str, Any]]:
            return list(self.claim_records(link)) if claims else []

        g = nx.MultiDiGraph()
        for e in self.entities:
            if kept(e.id):
                g.add_node(
                    e.id, kind="entity", type=e.type, label=e.label, aliases=list(e.aliases),
                    wikidata=e.wikidata, articles=list(e.articles), curated=e.curated,
                )
        for link in self.links:
            rt = RELATION_TYPES[link.type]
            common = {"status": link.status, "statuses": list(link.statuses), "relation": link.id,
                      "reversal": link.reversal, "undated": link.undated}
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
