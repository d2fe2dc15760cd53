"""Resolution: one node per real-world entity across articles, one link per relation.

Entities from different articles are the same node when they share an id (ids
come from the gazetteer or from the normalised name, so "PT Bukit Asam Tbk" and
"Bukit Asam" agree), a Wikidata id, or a name that is another's alias ("BRI"
defined in one article as "Bank Rakyat Indonesia (BRI)"). Each article's
statement about a link becomes one :class:`~kg.graph.Claim`.

>>> from kg.model import Article, Entity, Extraction
>>> a = Extraction(Article("a", "x"), (Entity("bukit-asam", "PT Bukit Asam Tbk", "Company"),))
>>> b = Extraction(Article("b", "y"), (Entity("bukit-asam", "Bukit Asam", "Company", ("PTBA",)),))
>>> [(n.id, n.label, n.aliases, n.articles) for n in resolve([a, b]).entities]
[('bukit-asam', 'PT Bukit Asam Tbk', ('Bukit Asam', 'PTBA'), ('a', 'b'))]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Entity, Extraction, Relation
from kg.names import normalize
from kg.schema import ORG_TYPES, RELATION_TYPES, link_id, link_key, strongest_status

if TYPE_CHECKING:
    from kg.curation import Curation

_TYPE_ORDER = ("Company", "Organization", "Person", "Country", "Place", "Product", "Sector")
_SPEAKER_TYPES = ORG_TYPES | {"Person"}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _family(etype: str) -> str:
    return "org" if etype in ORG_TYPES else etype


def _known(e: Entity) -> str | None:
    """The gazetteer id of an entity extracted without one (a name the gazetteer knows)."""
    from kg.gazetteer import load

    hit = load().lookup(e.label)
    if hit is None or hit.id == e.id or _family(hit.type) != _family(e.type):
        return None
    return hit.id


def _groups(entities: list[Entity]) -> dict[str, list[Entity]]:
    """Union entity ids that name the same thing; returns root -> member records."""
    uf = _UnionFind()
    for e in entities:
        uf.find(e.id)
        known = _known(e)
        if known is not None:
            uf.union(e.id, known)
    by_qid: dict[str, str] = {}
    for e in entities:
        if e.wikidata:
            uf.union(e.id, by_qid.setdefault(e.wikidata, e.id))
    # A label equal to another entity's alias merges them, unless that alias is
    # claimed by entities with different Wikidata ids (then it is ambiguous).
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    qids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "Sector":
            continue
        for name in (e.label, *e.aliases):
            k = (_family(e.type), normalize(name))
            if k[1]:
                owners[k].add(e.id)
                if e.wikidata:
                    qids[k].add(e.wikidata)
    for k, ids in sorted(owners.items()):
        if len(ids) > 1 and len(qids[k]) <= 1:
            first, *rest = sorted(ids)
            for other in rest:
                uf.union(first, other)
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        groups[uf.find(e.id)].append(e)
    return groups


def _canonical(members: list[Entity], weight: dict[Entity, int], articles: dict[str, list[str]]) -> Node:
    """The node of one group of distinct entity records; ``weight`` counts each record's articles."""
    with_qid = sorted({e.id for e in members if e.wikidata})
    counts: Counter[str] = Counter()
    for e in members:
        counts[e.id] += weight[e]
    # A name that is another member's alias ("BRI" of "Bank Rakyat Indonesia") never gives the id,
    # unless the member whose alias it is (the first by id) is that entity itself.
    owner: dict[str, str] = {}
    for m in sorted(members, key=lambda m: m.id):
        for a in m.aliases:
            owner.setdefault(normalize(a), m.id)
    defined = {e.id for e in members if owner.get(key := normalize(e.label), e.id) != e.id and key in owner}
    candidates = [i for i in counts if i not in defined] or list(counts)
    ident = with_qid[0] if with_qid else sorted(candidates, key=lambda i: (-counts[i], -len(i), i))[0]
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for e in members:
        types[e.type] += weight[e]
        if e.id == ident:
            labels[e.label] += weight[e]
    label = sorted(labels, key=lambda lab: (-labels[lab], -len(lab), lab))[0]
    etype = sorted(types, key=lambda t: (-types[t], _TYPE_ORDER.index(t)))[0]
    if etype == "Organization" and types["Company"]:
        etype = "Company"
    names = {n for e in members for n in (e.label, *e.aliases)} - {label}
    qid = next((e.wikidata for e in sorted(members, key=lambda e: e.id) if e.wikidata), None)
    arts = sorted({a for i in {e.id for e in members} for a in articles[i]})
    return Node(ident, label, etype, tuple(sorted(names)), qid, tuple(arts))


def _fits(rtype: str, subject: Node | None, obj: Node | None) -> bool:
    """Whether a relation still joins types its schema allows once the entities took the type
    all articles give them (one article's "Aruna Capital Partners" typed Person works for a
    company; the graph's Aruna Capital Partners is a Company, and a company works for nobody)."""
    rt = RELATION_TYPES[rtype]
    return (subject is None or subject.type in rt.subject_types) and (obj is None or obj.type in rt.object_types)


def _remap_extraction(x: Extraction, to: dict[str, str], nodes: dict[str, Node]) -> Extraction:
    ents: dict[str, Entity] = {}
    for e in x.entities:
        gid = to[e.id]
        if gid not in nodes:  # dropped by a curation
            continue
        n = nodes[gid]
        old = ents.get(gid)
        mentions = tuple(sorted(set(e.mentions) | set(old.mentions if old else ())))
        ents[gid] = Entity(gid, n.label, n.type, n.aliases, n.wikidata, mentions)
    rels: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    for r in x.relations:
        s, o = to.get(r.subject, r.subject), to.get(r.object, r.object)
        if s == o or s not in nodes or o not in nodes or not _fits(r.type, nodes.get(s), nodes.get(o)):
            continue
        rels[link_key(r.type, s, o)].append(r)
    out = []
    for (t, s, o), rs in sorted(rels.items()):
        status = strongest_status([r.status for r in rs])
        best = next(r for r in rs if r.status == status)
        evidence = tuple(sorted({ev for r in rs for ev in r.evidence}))
        speaker = to.get(best.attributed_to, best.attributed_to) if best.attributed_to else None
        if speaker is not None and speaker in nodes and nodes[speaker].type not in _SPEAKER_TYPES:
            speaker = None
        sector = to.get(best.sector, best.sector) if best.sector else None
        speaker = speaker if speaker in nodes else None
        sector = sector if sector in nodes else None
        conf = max(r.confidence for r in rs)
        out.append(Relation(link_id(t, s, o), t, s, o, status, speaker, sector, conf, evidence))
    return replace(x, entities=tuple(sorted(ents.values(), key=lambda e: e.id)), relations=tuple(out))


def in_window(published: str | None, since: str | None = None, until: str | None = None) -> bool:
    """Whether an article published on ``published`` is known in the window ``since``..``until`` (inclusive).

    With no window every article is in it; with one, an undated article is not
    (it cannot be placed in time).

    >>> in_window("2026-03-02T10:00:00+07:00", until="2026-03-01"), in_window(None), in_window(None, since="2026")
    (False, True, False)
    """
    if since is None and until is None:
        return True
    from kg.exporters.flat import iso_date

    date = iso_date(published)
    if date is None:
        return False
    return (since is None or date >= since) and (until is None or date <= until)


def check_date(text: str) -> str:
    """``text`` as an ISO date (``--as-of``, ``--since``, ``--until``), or a UsageError.

    >>> check_date("2026-03-01")
    '2026-03-01'
    >>> check_date("March")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: not a date (YYYY-MM-DD): 'March'
    """
    from kg.errors import UsageError
    from kg.exporters.flat import iso_date

    date = iso_date(text)
    if date is None or len(text) != 10:
        raise UsageError(f"not a date (YYYY-MM-DD): {text!r}")
    return date


def resolve(
    extractions: Iterable[Extraction],
    *,
    since: str | None = None,
    until: str | None = None,
    curation: Curation | None = None,
) -> KnowledgeGraph:
    """Merge per-article extractions into one KnowledgeGraph (order of input does not matter).

    ``since`` and ``until`` (ISO dates, inclusive) keep only the articles published
    then: the graph as it was known at ``until`` (undated articles are left out).
    ``curation`` (:mod:`kg.curation`) merges, drops and retypes entities, vetoes
    and adds links; an entry naming an entity the graph does not have is an error,
    except in a time window (the entity may not be known yet).
    """
    from kg.exporters.flat import iso_date

    xs = [x for x in extractions if in_window(x.article.published, since, until)]
    strict = since is None and until is None
    if curation is not None:
        from kg import curation as cur

        xs += [x for x in cur.additions(curation, xs, strict=strict)
               if in_window(x.article.published, since, until)]
    xs.sort(key=lambda x: x.article.id)
    # Popular entities appear in thousands of articles: resolution works on the distinct
    # records (mentions aside), each weighted by the number of articles that have it.
    weight: dict[Entity, int] = Counter()
    articles: dict[str, list[str]] = defaultdict(list)
    for x in xs:
        for e in x.entities:
            articles[e.id].append(x.article.id)
            weight[replace(e, mentions=()) if e.mentions else e] += 1
    to: dict[str, str] = {}
    nodes: dict[str, Node] = {}
    groups = _groups(list(weight))
    if curation is not None:
        groups = cur.merge_groups(curation, groups, strict=strict)
    for members in groups.values():
        node = _canonical(members, weight, articles)
        if curation is not None:
            node = cur.curate_node(curation, node, members)
        nodes[node.id] = node
        for e in members:
            to[e.id] = node.id
    gone: set[str] = set()
    if curation is not None:
        gone = cur.dropped(curation, list(nodes.values()), strict=strict)
        for i in gone:
            del nodes[i]
    remapped = tuple(_remap_extraction(x, to, nodes) for x in xs)
    claims: dict[str, list[tuple[Relation, str, str | None]]] = defaultdict(list)
    for x in remapped:
        date = iso_date(x.article.published)
        for r in x.relations:
            claims[r.id].append((r, x.article.id, date))
    vetoed = cur.vetoes(curation, list(nodes.values()), strict=strict) if curation is not None else []
    links = []
    for lid, rs in sorted(claims.items()):
        t, s, o = rs[0][0].type, rs[0][0].subject, rs[0][0].object
        rs = [(r, art, date) for r, art, date in rs
              if not any(v[:3] == (t, s, o) and v[3] in (None, art) for v in vetoed)]
        if not rs:
            continue
        r0 = rs[0][0]
        # In date order (undated last): a link's history is its claims as they came.
        cs = tuple(sorted(
            (Claim(art, r.status, r.attributed_to, r.sector, r.confidence, r.evidence, date,
                   curation.mark if curation is not None and art.startswith("curation/") else None)
             for r, art, date in rs),
            key=Claim.order,
        ))
        links.append(Link(lid, r0.type, r0.subject, r0.object, cs))
    return KnowledgeGraph(remapped, tuple(sorted(nodes.values(), key=lambda n: n.id)), tuple(links))
