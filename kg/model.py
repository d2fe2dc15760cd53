"""Frozen records that flow through the pipeline: read -> extract -> resolve.

>>> a = Article(id="demo", text="Xiaomi membantah kemitraan dengan Ford.")
>>> a.segments()
((0, 39),)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, a JSONL line or stdin.

    ``text`` is what evidence offsets point into. ``regions`` are the spans of
    ``text`` that hold the article itself (title and body paragraphs); metadata
    lines and boilerplate such as "Baca Juga: ..." lie outside them. An empty
    ``regions`` means the whole text.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    origin: str | None = None
    regions: tuple[tuple[int, int], ...] = ()

    def segments(self) -> tuple[tuple[int, int], ...]:
        """The spans to extract from: ``regions``, or the whole text."""
        return self.regions or ((0, len(self.text)),)

    def metadata(self) -> dict[str, Any]:
        """The ``article`` object of the extraction JSON schema."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity as found in one article (before cross-article resolution).

    ``confidence`` is the calibrated probability that the entity is a name of its type
    (``kg.extract.confidence``); 1.0 for entities not made by extraction.
    """

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
            "mentions": [m.to_json() for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """The sentence a relation was read from, with offsets into ``Article.text``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation as one article states it (all its sentences merged).

    ``subject``, ``object``, ``attributed_to`` and ``sector`` are entity ids of
    the same :class:`Extraction`.
    """

    id: str
    type: str
    subject: str
    object: str
    status: str
    attributed_to: str | None = None
    sector: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "status": self.status,
            "attributed_to": self.attributed_to,
            "sector": self.sector,
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the unit ``kg extract`` prints."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON schema documented in the README."""
        return {
            "article": self.article.metadata(),
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
        }

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id.

        >>> x = Extraction(Article(id="a", text="Ford"), (Entity("ford", "Ford", "Company"),))
        >>> x.entity("ford").label
        'Ford'
        """
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)
