"""Gold annotations: reading them, checking them, and turning each into an Article.

The format is documented in ``docs/eval.md``. A file ending in ``.json`` holds one
document object (or a list of them); any other file is JSON lines, split on
``"\\n"`` only because some texts contain U+2028, which ``str.splitlines`` also
splits on.

>>> doc = parse_doc({"doc_id": "d1", "language": "en", "text": "Ford sued Tesla.",
...                  "entities": [{"label": "Ford", "type": "Company"},
...                               {"label": "Tesla", "type": "Company", "aliases": ["Tesla Inc"]}],
...                  "relations": [{"subject": "Ford", "type": "legal_dispute", "object": "Tesla",
...                                 "status": "asserted"}]})
>>> doc.entities[1].aliases, doc.relations[0].status
(('Tesla Inc',), 'asserted')
>>> article_for(doc).text
'Ford sued Tesla.'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.errors import ChoiceError, InputError
from kg.model import Article
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

__all__ = [
    "EXCLUDED_TYPE",
    "GoldDoc",
    "GoldEntity",
    "GoldRelation",
    "article_for",
    "load_gold",
    "parse_doc",
    "source_path",
]

# The CoNLL04 "Other" type (dates, nationalities, titles ...): kg never predicts it.
EXCLUDED_TYPE = "Other"
GOLD_ENTITY_TYPES = (*ENTITY_TYPES, EXCLUDED_TYPE)


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold entity: its canonical label, type, other surface forms and mention offsets."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One gold relation between two gold entities, named by their labels."""

    subject: str
    type: str
    object: str
    status: str
    attributed_to: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated document.

    ``text`` is the document itself; when it is ``None``, ``source_file`` names a
    file to read instead (see :func:`source_path`). ``gold_file`` is the file the
    annotation was read from, which relative ``source_file`` paths start from.
    """

    doc_id: str
    language: str | None
    text: str | None = None
    source_file: str | None = None
    published: str | None = None
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    optional_entities: tuple[GoldEntity, ...] = ()
    optional_relations: tuple[GoldRelation, ...] = ()
    forbidden_entities: tuple[str, ...] = ()
    gold_file: str | None = None

    def entity(self, label: str) -> GoldEntity | None:
        """The required, optional or excluded gold entity with this label, if any."""
        for e in self.entities + self.optional_entities:
            if e.label == label:
                return e
        return None


def _str(obj: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field {key!r} must be a non-empty string, got {value!r}")
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"field {key!r} must be a list, got {type(value).__name__}")
    return value


def _entity(raw: Any) -> GoldEntity:
    if not isinstance(raw, dict):
        raise ValueError(f"an entity must be an object, got {raw!r}")
    label, etype = _str(raw, "label"), _str(raw, "type")
    assert label is not None and etype is not None
    if etype not in GOLD_ENTITY_TYPES:
        raise ChoiceError("entity type", etype, GOLD_ENTITY_TYPES)
    aliases = tuple(a for a in _list(raw, "aliases") if isinstance(a, str) and a.strip())
    mentions = []
    for m in _list(raw, "mentions"):
        if not (isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int)):
            raise ValueError(f"entity {label!r}: a mention must be {{'start': int, 'end': int}}, got {m!r}")
        mentions.append((m["start"], m["end"]))
    return GoldEntity(label, etype, aliases, tuple(mentions))


def _relation(raw: Any) -> GoldRelation:
    if not isinstance(raw, dict):
        raise ValueError(f"a relation must be an object, got {raw!r}")
    subject, rtype, obj, status = (_str(raw, k) for k in ("subject", "type", "object", "status"))
    assert subject is not None and rtype is not None and obj is not None and status is not None
    if rtype not in RELATION_TYPES:
        raise ChoiceError("relation type", rtype, RELATION_TYPES)
    if status not in STATUSES:
        raise ChoiceError("status", status, STATUSES)
    return GoldRelation(subject, rtype, obj, status, _str(raw, "attributed_to", required=False),
                        _str(raw, "sector", required=False))


def _forbidden(raw: Any) -> str:
    # The format lists names; an entity object is accepted too, by its label.
    if isinstance(raw, dict):
        raw = raw.get("label")
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"a forbidden entity must be a name, got {raw!r}")
    return raw


def parse_doc(raw: Any, *, gold_file: str | None = None) -> GoldDoc:
    """One gold document from its JSON object; raises ``ValueError`` naming the bad field.

    >>> parse_doc({"doc_id": "x", "text": "t", "relations": [
    ...     {"subject": "A", "type": "partnership", "object": "B", "status": "asserted"}]})
    Traceback (most recent call last):
    ...
    ValueError: document 'x': relation subject 'A' is not the label of a gold entity

    A relation written twice in one document is one gold link:

    >>> rel = {"subject": "NRC", "type": "based_in", "object": "Rockville", "status": "asserted"}
    >>> doc = parse_doc({"doc_id": "y", "text": "NRC of Rockville", "relations": [rel, rel], "entities": [
    ...     {"label": "NRC", "type": "Organization"}, {"label": "Rockville", "type": "Place"}]})
    >>> len(doc.relations)
    1
    """
    if not isinstance(raw, dict):
        raise ValueError(f"a gold document must be a JSON object, got {type(raw).__name__}")
    doc_id = _str(raw, "doc_id")
    assert doc_id is not None
    try:
        text = raw.get("text")
        if text is not None and not isinstance(text, str):
            raise ValueError(f"field 'text' must be a string, got {type(text).__name__}")
        source_file = _str(raw, "source_file", required=False)
        if text is None and source_file is None:
            raise ValueError("needs 'text' or 'source_file'")
        doc = GoldDoc(
            doc_id=doc_id,
            language=_str(raw, "language", required=False),
            text=text,
            source_file=source_file,
            published=_str(raw, "published", required=False),
            entities=tuple(_entity(e) for e in _list(raw, "entities")),
            # A link written twice (CoNLL04 repeats one per mention pair: 5 of its 145 dev links) is
            # one link: kg states it once, so the copy could only ever count as missed.
            relations=tuple(dict.fromkeys(_relation(r) for r in _list(raw, "relations"))),
            optional_entities=tuple(_entity(e) for e in _list(raw, "optional_entities")),
            optional_relations=tuple(_relation(r) for r in _list(raw, "optional_relations")),
            forbidden_entities=tuple(_forbidden(f) for f in _list(raw, "forbidden_entities")),
            gold_file=gold_file,
        )
        # A relation naming no gold entity is a typo in the gold file; scoring it would
        # silently compare against a name nobody annotated.
        for r in doc.relations + doc.optional_relations:
            for role in ("subject", "object", "attributed_to", "sector"):
                label = getattr(r, role)
                if label is not None and doc.entity(label) is None:
                    raise ValueError(f"relation {role} {label!r} is not the label of a gold entity")
    except ValueError as exc:
        raise ValueError(f"document {doc_id!r}: {exc}") from None
    return doc


def _records(path: Path, data: str) -> Iterator[tuple[int | None, Any]]:
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"invalid JSON: {exc}") from None
        for item in obj if isinstance(obj, list) else [obj]:
            yield None, item
        return
    for n, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"invalid JSON: {exc}", line=n) from None


def load_gold(path: str | os.PathLike[str]) -> list[GoldDoc]:
    """Read a gold file: ``.json`` (one document or a list) or JSON lines.

    Raises :class:`~kg.errors.InputError` naming the file, the line and the
    problem: unreadable file, invalid JSON, a missing or bad field, an unknown
    type or status, a relation naming no gold entity, a repeated ``doc_id``.

    >>> load_gold("no/such/gold.jsonl")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no/such/gold.jsonl: cannot read gold file: No such file or directory
    """
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(str(path), f"cannot read gold file: {reason}") from None
    docs: list[GoldDoc] = []
    seen: dict[str, int | None] = {}
    for line, raw in _records(p, data):
        try:
            doc = parse_doc(raw, gold_file=str(p))
        except ValueError as exc:
            raise InputError(str(path), str(exc), line=line) from None
        if doc.doc_id in seen:
            raise InputError(str(path), f"doc_id {doc.doc_id!r} repeated (first on line {seen[doc.doc_id]})",
                             line=line)
        seen[doc.doc_id] = line
        docs.append(doc)
    return docs


def _bases(doc: GoldDoc) -> list[Path]:
    bases: list[Path] = []
    if doc.gold_file:
        gold_dir = Path(doc.gold_file).resolve().parent
        bases += [gold_dir, *gold_dir.parents]
    # Bundled gold names "examples/..." (relative to the repository) and the shared
    # seed names "shared/..." (relative to the folder the repository sits in).
    repo = Path(__file__).resolve().parent.parent.parent
    bases += [repo, repo.parent]
    return list(dict.fromkeys(bases))


def source_path(doc: GoldDoc) -> Path | None:
    """The file a document's ``source_file`` names, or ``None`` if none of the places has it.

    A relative path is tried against the gold file's folder and each folder above
    it, then the repository root and the folder above the repository.
    """
    if doc.source_file is None:
        return None
    rel = Path(doc.source_file)
    if rel.is_absolute():
        return rel if rel.is_file() else None
    for base in _bases(doc):
        if (base / rel).is_file():
            return base / rel
    return None


def article_for(doc: GoldDoc) -> Article | InputError:
    """The Article a gold document describes, or the error that stopped reading it.

    Inline ``text`` is used as is; a ``source_file`` is read with :func:`kg.readers.read`
    like any other input. The id is the ``doc_id`` and the gold ``language`` wins.
    """
    if doc.text is not None:
        return Article(id=doc.doc_id, text=doc.text, language=doc.language, published=doc.published,
                       origin=doc.gold_file)
    path = source_path(doc)
    if path is None:
        tried = ", ".join(str(b) for b in _bases(doc))
        return InputError(str(doc.source_file), f"source file of gold document {doc.doc_id!r} not found "
                          f"(looked under {tried})")
    from kg.readers import read

    for item in read([str(path)]):
        if isinstance(item, InputError):
            return item
        return replace(item, id=doc.doc_id, language=doc.language or item.language,
                       published=item.published or doc.published)
    return InputError(str(path), f"no article read from the source file of gold document {doc.doc_id!r}")
