"""A hand-made KnowledgeGraph covering every relation type and status.

Tests of exporters use it so that they do not depend on the extractor's quality.
"""

from __future__ import annotations

from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.schema import link_id, link_key

ID_TEXT = (
    "Xiaomi Bantah Isu Kemitraan EV dengan Ford\n\n"
    "Xiaomi secara resmi membantah rumor kemitraan kendaraan listrik dengan Ford Motor Company. "
    "Perusahaan teknologi asal Tiongkok itu fokus pada unit Xiaomi EV."
)
EN_TEXT = (
    "Bukit Asam to buy stake in Adaro\n\n"
    'PT Bukit Asam Tbk said it completed the acquisition of "Adaro" <script>alert(1)</script>. '
    "Danantara is reportedly in talks to invest in Bukit Asam. "
    "United Tractors plans to supply trucks to Bukit Asam. "
    "The coal deal between Adaro and Indika was called off. "
    "Arsjad Rasjid, CEO of Indika, said Indika competes with Adaro. "
    "Indika sued Adaro. Bukit Asam launched the BA-1 loader and operates in coal mining."
)

ARTICLES = (
    Article("id/xiaomi-ford", ID_TEXT, title="Xiaomi Bantah Isu Kemitraan EV dengan Ford", source="Selular.ID",
            url="https://example.org/xiaomi", published="2026-02-03", language="id"),
    Article("en/bukit-asam", EN_TEXT, title="Bukit Asam to buy stake in Adaro <b>now</b>", source="Example Wire",
            url=None, published="2025-06-01", language="en"),
)

ENTITIES = (
    Node("adaro", "Adaro", "Company", ("PT Adaro Andalan Indonesia Tbk",), None, ("en/bukit-asam",)),
    Node("arsjad-rasjid", "Arsjad Rasjid", "Person", (), None, ("en/bukit-asam",)),
    Node("ba-1-loader", "BA-1 loader", "Product", (), None, ("en/bukit-asam",)),
    Node("bukit-asam", "Bukit Asam", "Company", ("PT Bukit Asam Tbk",), "Q12501931", ("en/bukit-asam",)),
    Node("china", "China", "Country", ("Tiongkok",), "Q148", ("id/xiaomi-ford",)),
    Node("coal-mining", "Coal mining", "Sector", ("batu bara",), None, ("en/bukit-asam",)),
    Node("danantara", "Danantara", "Organization", (), None, ("en/bukit-asam",)),
    Node("electric-vehicles", "Electric vehicles", "Sector", ("kendaraan listrik", "EV"), None, ("id/xiaomi-ford",)),
    Node("ford-motor-company", "Ford Motor Company", "Company", ("Ford",), "Q44294", ("id/xiaomi-ford",)),
    Node("indika", "Indika", "Company", (), None, ("en/bukit-asam",)),
    Node("united-tractors", "United Tractors", "Company", (), None, ("en/bukit-asam",)),
    Node("xiaomi", "Xiaomi", "Company", ("Xiaomi Corporation",), "Q1636958", ("id/xiaomi-ford",)),
    Node("xiaomi-ev", "Xiaomi EV", "Company", (), None, ("id/xiaomi-ford",)),
)


def _ev(text: str, needle: str) -> tuple[Evidence, ...]:
    start = text.index(needle)
    return (Evidence(start, start + len(needle), needle),)


_ID_S1 = "Xiaomi secara resmi membantah rumor kemitraan kendaraan listrik dengan Ford Motor Company."
_ID_S2 = "Perusahaan teknologi asal Tiongkok itu fokus pada unit Xiaomi EV."

# (article, type, subject, object, status, attributed_to, sector, sentence)
_RELATIONS = (
    ("id/xiaomi-ford", "partnership", "xiaomi", "ford-motor-company", "denied", "xiaomi", "electric-vehicles", _ID_S1),
    ("id/xiaomi-ford", "based_in", "xiaomi", "china", "asserted", None, None, _ID_S2),
    ("id/xiaomi-ford", "subsidiary_of", "xiaomi-ev", "xiaomi", "asserted", None, None, _ID_S2),
    ("id/xiaomi-ford", "operates_in", "xiaomi", "electric-vehicles", "asserted", None, None, _ID_S1),
    ("en/bukit-asam", "acquisition", "bukit-asam", "adaro", "asserted", "bukit-asam", None,
     'PT Bukit Asam Tbk said it completed the acquisition of "Adaro" <script>alert(1)</script>.'),
    ("en/bukit-asam", "investment", "danantara", "bukit-asam", "rumored", None, None,
     "Danantara is reportedly in talks to invest in Bukit Asam."),
    ("en/bukit-asam", "supply", "united-tractors", "bukit-asam", "planned", None, None,
     "United Tractors plans to supply trucks to Bukit Asam."),
    ("en/bukit-asam", "partnership", "adaro", "indika", "ended", None, "coal-mining",
     "The coal deal between Adaro and Indika was called off."),
    ("en/bukit-asam", "works_for", "arsjad-rasjid", "indika", "asserted", None, None,
     "Arsjad Rasjid, CEO of Indika, said Indika competes with Adaro."),
    ("en/bukit-asam", "competitor_of", "indika", "adaro", "asserted", "arsjad-rasjid", None,
     "Arsjad Rasjid, CEO of Indika, said Indika competes with Adaro."),
    ("en/bukit-asam", "legal_dispute", "indika", "adaro", "asserted", None, None, "Indika sued Adaro."),
    ("en/bukit-asam", "launch", "bukit-asam", "ba-1-loader", "asserted", None, None,
     "Bukit Asam launched the BA-1 loader and operates in coal mining."),
    ("en/bukit-asam", "operates_in", "bukit-asam", "coal-mining", "asserted", None, None,
     "Bukit Asam launched the BA-1 loader and operates in coal mining."),
)


def sample_graph() -> KnowledgeGraph:
    """The sample graph: 2 articles, 13 entities, 13 links (every type, every status)."""
    texts = {a.id: a.text for a in ARTICLES}
    dates = {a.id: a.published for a in ARTICLES}
    links: dict[str, Link] = {}
    rels: dict[str, list[Relation]] = {a.id: [] for a in ARTICLES}
    for art, rtype, subj, obj, status, speaker, sector, sentence in _RELATIONS:
        ev = _ev(texts[art], sentence)
        lid = link_id(rtype, subj, obj)
        _, s, o = link_key(rtype, subj, obj)
        claim = Claim(art, status, speaker, sector, 0.9, ev, dates[art])
        old = links.get(lid)
        links[lid] = Link(lid, rtype, s, o, ((old.claims if old else ()) + (claim,)))
        rels[art].append(Relation(lid, rtype, s, o, status, speaker, sector, 0.9, ev))
    extractions = []
    for a in ARTICLES:
        ents = tuple(
            Entity(n.id, n.label, n.type, n.aliases, n.wikidata, ()) for n in ENTITIES if a.id in n.articles
        )
        extractions.append(Extraction(a, ents, tuple(rels[a.id])))
    return KnowledgeGraph(
        tuple(sorted(extractions, key=lambda x: x.article.id)),
        ENTITIES,
        tuple(sorted(links.values(), key=lambda link: link.id)),
    )
