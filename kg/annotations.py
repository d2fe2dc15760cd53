"""Stand-off annotations: units of text named by document id and offsets, with labels, never the text.

One JSON object per line (docs/annotations.md): the document id, the unit's
character offsets into the document text, a short hash of the unit's text, the
entity mentions (absolute offsets and a ``kg.schema`` type), the relations between
them (indices into the entities, a type, a status, who said so) and whether the
unit has no relation (``negative``). Two kinds of files hold them:

* the hand annotations shipped under ``annotations/``, whose documents are records
  of ``../shared`` (``scripts/annotations.py`` adds the corpus-specific checks and
  joins them with the corpus through :func:`materialise`);
* the files ``kg annotate`` writes, whose records carry one more key, ``source``:
  the input file the article was read from, so that :func:`materialise_sources`
  can read the text again (the article id is the ``doc_id``).

>>> u = parse_unit({"doc_id": "a", "unit": [0, 12], "language": "id", "unit_sha256": unit_hash("Gandeng Ford"),
...                 "entities": [{"start": 8, "end": 12, "type": "Company"}], "relations": [],
...                 "negative": True, "source": "a.txt"})
>>> [x.entities for x in materialise([u], {"a": "Gandeng Ford"})]
[((8, 12, 'Company', 'Ford'),)]
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

if TYPE_CHECKING:
    from kg.model import Article

__all__ = [
    "KEYS",
    "TEST_FRACTION",
    "AnnotationError",
    "Entity",
    "Example",
    "Relation",
    "Unit",
    "materialise",
    "materialise_sources",
    "parse_unit",
    "read_units",
    "split_of",
    "unit_hash",
]

TEST_FRACTION = 0.2
#: The keys of every record; ``kg annotate``'s records add ``source``.
KEYS = ("doc_id", "unit", "language", "unit_sha256", "entities", "relations", "negative")
_HASH = re.compile(r"^[0-9a-f]{16}$")


class AnnotationError(ValueError):
    """An annotation record that breaks the format, or does not fit its text.

    >>> str(AnnotationError("a.jsonl", 3, "unknown entity type 'Firm'"))
    "a.jsonl:3: unknown entity type 'Firm'"
    """

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{path}:{line}: {reason}" if line is not None else f"{path}: {reason}")


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity mention: character offsets into the document text and a type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between two mentions of the unit (indices into its entities)."""

    subject: int
    object: int
    type: str
    status: str
    attributed_to: int | None


@dataclass(frozen=True, slots=True)
class Unit:
    """One annotated headline or sentence, as stored (offsets and labels only).

    ``source`` is the input file of a ``kg annotate`` record (None in the shipped
    files); ``origin`` is where the record was read (``file:line``), for messages.
    """

    doc_id: str
    start: int
    end: int
    language: str
    unit_sha256: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    negative: bool
    source: str | None = None
    origin: str | None = field(default=None, compare=False)

    @property
    def split(self) -> str:
        """``"train"`` or ``"test"``, from the document id."""
        return split_of(self.doc_id)

    def to_json(self) -> dict[str, Any]:
        """The record as stored (``source`` only when there is one).

        >>> Unit("a", 0, 4, "en", "0" * 16, (), (), True).to_json()["unit"]
        [0, 4]
        """
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "unit": [self.start, self.end],
            "language": self.language,
            "unit_sha256": self.unit_sha256,
            "entities": [{"start": e.start, "end": e.end, "type": e.type} for e in self.entities],
            "relations": [
                {"subject": r.subject, "object": r.object, "type": r.type, "status": r.status,
                 "attributed_to": r.attributed_to}
                for r in self.relations
            ],
            "negative": self.negative,
        }
        if self.source is not None:
            out["source"] = self.source
        return out

    def to_line(self) -> str:
        """The record as one line of a file (no line end): what ``kg annotate`` writes."""
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Example:
    """A unit joined with its text; entity offsets here are relative to ``text``."""

    unit: Unit
    text: str
    entities: tuple[tuple[int, int, str, str], ...]  # (start, end, type, covered text)

    @property
    def split(self) -> str:
        return self.unit.split

    def to_json(self) -> dict[str, Any]:
        """Plain data for training scripts (relations keep the unit's entity indices)."""
        return {
            "doc_id": self.unit.doc_id,
            "unit": [self.unit.start, self.unit.end],
            "language": self.unit.language,
            "split": self.split,
            "text": self.text,
            "entities": [{"start": s, "end": e, "type": t, "text": x} for s, e, t, x in self.entities],
            "relations": [
                {"subject": r.subject, "object": r.object, "type": r.type, "status": r.status,
                 "attributed_to": r.attributed_to}
                for r in self.unit.relations
            ],
            "negative": self.unit.negative,
        }


def split_of(doc_id: str, *, test_fraction: float = TEST_FRACTION) -> str:
    """The side of the train/test split a document falls on, from a hash of its id.

    >>> split_of("cnbc-0"), split_of("cnbc-3")
    ('train', 'test')
    """
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:8], "big") / 2**64 < test_fraction else "train"


def unit_hash(text: str) -> str:
    """The 16-hex-digit check value stored for a unit's text (not the text).

    >>> unit_hash("Gandeng Ford")
    'a2ed84471765bc52'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _int(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer, got {value!r}")
    return value


def _any_document(doc_id: object, language: object) -> None:
    """The check of a ``kg annotate`` record's id and language: any id, one of kg's languages."""
    from kg.resources import languages

    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError(f"doc_id must be a non-empty string, got {doc_id!r}")
    if language not in languages():
        raise ValueError(f"unknown language {language!r} (allowed: {', '.join(languages())})")


def parse_unit(record: Mapping[str, Any], *, check_document: Callable[[Any, Any], None] | None = None) -> Unit:
    """Check one record against the format and the kg.schema vocabularies.

    Needs no text: offsets are checked for order and nesting only. Raises
    ``ValueError`` naming the bad value (and the allowed ones where the set is closed).
    ``check_document(doc_id, language)`` checks the document id and language (raising
    ``ValueError``); by default any non-empty id and one of kg's languages.

    >>> parse_unit({"doc_id": "cnbc-1", "unit": [0, 9], "language": "id", "unit_sha256": "0" * 16,
    ...             "entities": [{"start": 0, "end": 3, "type": "Firm"}], "relations": [],
    ...             "negative": True})
    Traceback (most recent call last):
    ...
    ValueError: unknown entity type 'Firm' (allowed: Company, Country, Organization, Person, Place, Product, Sector)
    """
    keys = sorted(record) if isinstance(record, Mapping) else None
    if keys is None or keys not in (sorted(KEYS), sorted((*KEYS, "source"))):
        got = keys if keys is not None else type(record).__name__
        raise ValueError(f"a unit has exactly the keys {', '.join(KEYS)} (and source, in kg annotate's files); "
                         f"got {got}")
    source = record.get("source")
    if "source" in record and (not isinstance(source, str) or not source):
        raise ValueError(f"source must be the path of the input file, got {source!r}")
    (check_document or _any_document)(record["doc_id"], record["language"])
    doc_id, language = record["doc_id"], record["language"]
    span = record["unit"]
    if not isinstance(span, list) or len(span) != 2:
        raise ValueError(f"unit must be [start, end], got {span!r}")
    start, end = _int(span[0], "unit start"), _int(span[1], "unit end")
    if start >= end:
        raise ValueError(f"empty or reversed unit span {span!r}")
    check = record["unit_sha256"]
    if not isinstance(check, str) or not _HASH.match(check):
        raise ValueError(f"unit_sha256 must be 16 lowercase hex digits, got {check!r}")
    if not isinstance(record["entities"], list) or not isinstance(record["relations"], list):
        raise ValueError("entities and relations must be lists")
    entities = []
    for item in record["entities"]:
        if not isinstance(item, Mapping) or sorted(item) != ["end", "start", "type"]:
            raise ValueError(f"an entity has exactly the keys start, end, type; got {item!r}")
        if item["type"] not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {item['type']!r} (allowed: {', '.join(sorted(ENTITY_TYPES))})")
        ent = Entity(_int(item["start"], "entity start"), _int(item["end"], "entity end"), item["type"])
        if not start <= ent.start < ent.end <= end:
            raise ValueError(f"entity [{ent.start}, {ent.end}] is not inside the unit [{start}, {end}]")
        entities.append(ent)
    spans = [(e.start, e.end) for e in entities]
    if spans != sorted(spans) or len(set(spans)) != len(spans):
        raise ValueError(f"entities must be sorted by offset and distinct, got {spans}")
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        raise ValueError(f"entity spans overlap: {spans}")
    relations = [_relation(item, entities) for item in record["relations"]]
    if record["negative"] is not (not relations):
        raise ValueError(f"negative must be {not relations} for a unit with {len(relations)} relation(s)")
    return Unit(doc_id, start, end, language, check, tuple(entities), tuple(relations), record["negative"],
                source)


def _relation(item: object, entities: list[Entity]) -> Relation:
    if not isinstance(item, Mapping) or sorted(item) != ["attributed_to", "object", "status", "subject", "type"]:
        raise ValueError(f"a relation has exactly the keys subject, object, type, status, attributed_to; "
                         f"got {item!r}")
    rtype, status = item["type"], item["status"]
    if rtype not in RELATION_TYPES:
        raise ValueError(f"unknown relation type {rtype!r} (allowed: {', '.join(sorted(RELATION_TYPES))})")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r} (allowed: {', '.join(sorted(STATUSES))})")
    who = item["attributed_to"]
    for i in [item["subject"], item["object"]] + ([] if who is None else [who]):
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(entities):
            raise ValueError(f"relation index {i!r} is not one of the unit's {len(entities)} entities")
    rel = Relation(item["subject"], item["object"], rtype, status, who)
    if rel.subject == rel.object:
        raise ValueError(f"a {rtype} relation joins entity {rel.subject} to itself")
    spec = RELATION_TYPES[rtype]
    stype, otype = entities[rel.subject].type, entities[rel.object].type
    if stype not in spec.subject_types or otype not in spec.object_types:
        allowed_s, allowed_o = ", ".join(sorted(spec.subject_types)), ", ".join(sorted(spec.object_types))
        raise ValueError(f"{rtype} does not join {stype} -> {otype} (subject: {allowed_s}; object: {allowed_o})")
    return rel


def _files(source: Path) -> list[Path]:
    return sorted(source.glob("*.jsonl")) if source.is_dir() else [source]


def read_units(source: str | Path, *, parse: Callable[[Mapping[str, Any]], Unit] = parse_unit) -> list[Unit]:
    """Every unit of one annotation file, or of every ``*.jsonl`` in a folder.

    Raises :class:`AnnotationError` (file and line) on the first bad record, and on a
    unit stored twice. Lines are split on ``\\n`` only. ``parse`` checks one record
    (``scripts/annotations.py`` passes the stricter check of the shipped files).
    """
    units: list[Unit] = []
    seen: set[tuple[str | None, str, int, int]] = set()
    for path in _files(Path(source)):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            try:
                unit = parse(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise AnnotationError(path, number, str(exc)) from None
            key = (unit.source, unit.doc_id, unit.start, unit.end)
            if key in seen:
                raise AnnotationError(path, number, f"unit {unit.doc_id} [{unit.start}, {unit.end}] is stored twice")
            seen.add(key)
            units.append(dataclasses.replace(unit, origin=f"{path}:{number}"))
    return units


def _where(unit: Unit) -> str:
    """How messages name a unit: its file and line when known, its document and span."""
    name = f"{unit.doc_id} [{unit.start}, {unit.end}]"
    return f"{unit.origin}: unit {name}" if unit.origin else name


def _cuts_word(text: str, start: int, end: int) -> bool:
    # a mention starting or ending inside a word is an offset slip, not a name ("as" in "informasi")
    return ((start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            or (end < len(text) and text[end].isalnum() and text[end - 1].isalnum()))


def materialise(units: Iterable[Unit], corpus: Mapping[str, str]) -> Iterator[Example]:
    """Join units with their text, checking every offset against the documents' texts.

    Raises :class:`AnnotationError` when a document is missing, a span runs past the
    text, the unit's hash differs (another corpus version) or a mention is empty,
    starts or ends with white space, or starts or ends inside a word.
    """
    for unit in units:
        where = _where(unit)
        text = corpus.get(unit.doc_id)
        if text is None:
            raise AnnotationError(where, None, "document not in the corpus")
        if unit.end > len(text):
            raise AnnotationError(where, None, f"unit ends past the text ({len(text)} characters)")
        covered = text[unit.start:unit.end]
        if unit_hash(covered) != unit.unit_sha256:
            raise AnnotationError(where, None, "unit text does not match unit_sha256 (different corpus version?)")
        mentions = []
        for ent in unit.entities:
            span = text[ent.start:ent.end]
            if not span.strip() or span != span.strip():
                raise AnnotationError(where, None, f"mention [{ent.start}, {ent.end}] is empty or padded: {span!r}")
            if _cuts_word(text, ent.start, ent.end):
                raise AnnotationError(where, None, f"mention [{ent.start}, {ent.end}] cuts a word: {span!r}")
            mentions.append((ent.start - unit.start, ent.end - unit.start, ent.type, span))
        yield Example(unit, covered, tuple(mentions))


def _fits(text: str, units: Iterable[Unit]) -> bool:
    return all(u.end <= len(text) and unit_hash(text[u.start:u.end]) == u.unit_sha256 for u in units)


def _read_source(source: str, unit: Unit, root: Path | None) -> list[Article]:
    """The articles of one source file (``unit``: the first that names it, for messages)."""
    from kg.errors import InputError
    from kg.readers import read

    path = Path(source) if root is None or Path(source).is_absolute() else root / source
    if not path.is_file() and not Path(source).is_absolute() and unit.origin:
        # kg annotate run beside its output: the file is found from anywhere by the annotation file's folder
        beside = Path(unit.origin.rpartition(":")[0]).parent / source
        path = beside if beside.is_file() else path
    if not path.is_file():
        raise AnnotationError(_where(unit), None, f"source {source}: no such file")
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in read([path]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            articles.append(item)
    if not articles:
        reason = errors[0].reason if errors else "no article"
        raise AnnotationError(_where(unit), None, f"source {source}: {reason}")
    return articles


def _article_text(articles: list[Article], doc_id: str, units: list[Unit]) -> str:
    """The text of the article ``doc_id`` among ``articles``, read from ``units[0].source``."""
    for article in articles:
        if article.id == doc_id:
            return article.text
    # An id given by a folder walk ("news/a") or renamed as a duplicate ("a-2") is not the id
    # the file gets read alone: the article is then the one whose text fits every unit's hash.
    found = {a.text for a in articles if _fits(a.text, units)}
    if len(found) != 1:
        raise AnnotationError(_where(units[0]), None,
                              f"article {doc_id!r} is not in {units[0].source} (or its text changed)")
    return found.pop()


def materialise_sources(units: Iterable[Unit], *, root: str | Path | None = None) -> list[Example]:
    """Join ``kg annotate``'s units with the text of their articles, read again from their ``source`` files.

    Each distinct source is read once with :func:`kg.readers.read` (a relative path
    from ``root``, by default the working folder, else from the folder of the
    annotation file that names it) and the article found by its id;
    every offset and ``unit_sha256`` is checked as by :func:`materialise`. Raises
    :class:`AnnotationError` naming the annotation file, line and unit on a unit
    without a source, a missing or unreadable source, a missing article or a text
    that changed.
    """
    units = list(units)
    base = None if root is None else Path(root)
    of_doc: dict[tuple[str, str], list[Unit]] = {}
    for unit in units:
        if unit.source is None:
            raise AnnotationError(_where(unit), None, "no source: not a record written by kg annotate")
        of_doc.setdefault((unit.source, unit.doc_id), []).append(unit)
    articles: dict[str, list[Article]] = {}
    texts: dict[tuple[str, str], str] = {}
    out: list[Example] = []
    for unit in units:  # in order: the first bad unit of the file is the one reported
        assert unit.source is not None
        key = (unit.source, unit.doc_id)
        if key not in texts:
            if unit.source not in articles:
                articles[unit.source] = _read_source(unit.source, unit, base)
            texts[key] = _article_text(articles[unit.source], unit.doc_id, of_doc[key])
        out.extend(materialise([unit], {unit.doc_id: texts[key]}))
    return out
