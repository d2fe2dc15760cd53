"""How a store keeps one article: a JSON record of the article and its extraction.

Records hold what :meth:`Extraction.to_json <kg.model.Extraction.to_json>` (the
public schema) leaves out: the full text, the regions, the origin, the exact
confidence and the warnings, so a record gives back an equal
:class:`~kg.model.Extraction`, and a store can re-resolve without re-reading
any article.

>>> record_name("id/xiaomi-ford")
'id-xiaomi-ford-8878ccc8e26f.json'
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kg.extract.engine import DEFAULT_ENGINE
from kg.ids import content_hash, slug
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span

__all__ = ["RECORD_VERSION", "article_hash", "extraction_from_record", "record", "record_name"]

RECORD_VERSION = 1


def article_hash(a: Article) -> str:
    """A hash of everything an article holds, metadata included (not ``origin``)."""
    body = json.dumps([a.id, a.text, a.title, a.source, a.url, a.published, a.language, a.regions])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def record(extraction: Extraction, *, engine: str = DEFAULT_ENGINE, source: Article | None = None) -> dict[str, Any]:
    """The JSON object a store keeps for one article.

    Unlike :meth:`Extraction.to_json <kg.model.Extraction.to_json>` (the public
    schema) it keeps the full text, the regions and the exact confidence, so
    :func:`extraction_from_record` gives back an equal :class:`~kg.model.Extraction`.
    ``source`` is the article as read, if the extractor changed it (filled in its
    language, say): reading the same input again must find it unchanged.

    >>> x = Extraction(Article("a", "Ford"), (Entity("ford", "Ford", "Company"),))
    >>> extraction_from_record(record(x)) == x
    True
    """
    a = extraction.article
    return {
        "kg_store_record": RECORD_VERSION,
        "engine": engine,
        "content_hash": content_hash((source or a).text),
        "article_hash": article_hash(source or a),
        "article": {
            "id": a.id,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published": a.published,
            "language": a.language,
            "origin": a.origin,
            "regions": [list(r) for r in a.regions],
            "text": a.text,
        },
        "entities": [e.to_json() for e in extraction.entities],
        "relations": [{**r.to_json(), "confidence": r.confidence} for r in extraction.relations],
        "warnings": list(extraction.warnings),
    }


def extraction_from_record(data: dict[str, Any]) -> Extraction:
    """The :class:`~kg.model.Extraction` a record holds (see :func:`record`)."""
    if data.get("kg_store_record") != RECORD_VERSION:
        raise ValueError(
            f"unknown record version {data.get('kg_store_record')!r} (allowed: {RECORD_VERSION})"
        )
    a = data["article"]
    article = Article(
        id=a["id"],
        text=a["text"],
        title=a.get("title"),
        source=a.get("source"),
        url=a.get("url"),
        published=a.get("published"),
        language=a.get("language"),
        origin=a.get("origin"),
        regions=tuple((int(s), int(e)) for s, e in a.get("regions", ())),
    )
    entities = tuple(
        Entity(
            e["id"],
            e["label"],
            e["type"],
            tuple(e.get("aliases", ())),
            e.get("wikidata"),
            tuple(Span(m["start"], m["end"], m["text"]) for m in e.get("mentions", ())),
            float(e.get("confidence", 1.0)),
        )
        for e in data.get("entities", ())
    )
    relations = tuple(
        Relation(
            r["id"],
            r["type"],
            r["subject"],
            r["object"],
            r["status"],
            r.get("attributed_to"),
            r.get("sector"),
            float(r.get("confidence", 0.5)),
            tuple(Evidence(v["start"], v["end"], v["text"]) for v in r.get("evidence", ())),
        )
        for r in data.get("relations", ())
    )
    return Extraction(article, entities, relations, tuple(data.get("warnings", ())))


def record_name(article_id: str) -> str:
    """The file name of an article's record: readable, and unique per id."""
    # Article ids come from users (paths, URLs): a slug keeps the name readable,
    # the hash keeps it unique ("a/b" and "a-b" slug alike).
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
    return f"{slug(article_id, max_len=60)}-{digest}.json"
