"""kg's own stand-off annotations of real news text: read, check, materialise, split.

The files under ``annotations/`` hold one JSON object per annotated unit (a CNBC
Indonesia headline or one sentence of a Reuters-21578 article) and never the text
itself: only the document id, character offsets into the corpus record's ``text``
field, a short hash of the unit's text and the labels (see ``docs/annotations.md``).
This module joins them with the corpus under ``../shared/corpus`` and yields
examples with the covered text, checking every offset on the way.

    python scripts/annotations.py --stats                 # counts per language/type/status/split
    python scripts/annotations.py --split train > train.jsonl   # materialised examples
    python scripts/annotations.py --check                 # exit 1 on any problem

The train/test split is by document (every unit of a document falls on the same
side), decided by a hash of the document id: no randomness, no list to keep.

>>> split_of("reuters-10"), split_of("cnbc-3")
('train', 'test')
>>> parse_unit({"doc_id": "cnbc-1", "unit": [0, 9], "language": "id", "unit_sha256": "0" * 16,
...             "entities": [{"start": 0, "end": 3, "type": "Company"}],
...             "relations": [], "negative": True}).entities[0].type
'Company'
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES  # noqa: E402

__all__ = [
    "ANNOTATION_DIR",
    "CORPUS_FILES",
    "DEFAULT_SHARED",
    "TEST_FRACTION",
    "AnnotationError",
    "Entity",
    "Example",
    "Relation",
    "Unit",
    "examples",
    "held_out",
    "held_out_key",
    "load_corpus",
    "materialise",
    "parse_unit",
    "read_units",
    "split_of",
    "stats",
    "unit_hash",
]

ANNOTATION_DIR = ROOT / "annotations"
DEFAULT_SHARED = ROOT.parent / "shared"
# Corpus file (relative to the shared folder) by document id prefix (the id up to its
# first "-"), and its language. Besides the unlabelled corpora, the texts of the
# training sets in ``../shared/train`` may be (re-)annotated with kg's labels; their
# records carry their id in ``doc_id`` rather than ``id``.
CORPUS_FILES: dict[str, tuple[str, str]] = {
    "cnbc": ("corpus/id/cnbc-indonesia-headlines.jsonl", "id"),
    "reuters": ("corpus/en/reuters-21578-acq.jsonl", "en"),
    "nerui": ("train/ner-id/ner-ui.gold.jsonl", "id"),
    "nergrit": ("train/ner-id/nergrit.gold.jsonl", "id"),
    "nerp": ("train/ner-id/nerp.gold.jsonl", "id"),
    "uds": ("train/factuality-en/uds-ih2.jsonl", "en"),
    "uw": ("train/factuality-en/uw.jsonl", "en"),
    "meantime": ("train/factuality-en/meantime.jsonl", "en"),
    "knowledgenet": ("train/relations-en/knowledgenet.gold.jsonl", "en"),
    "redocred": ("train/relations-en/redocred.gold.jsonl", "en"),
}
TEST_FRACTION = 0.2
_KEYS = ("doc_id", "unit", "language", "unit_sha256", "entities", "relations", "negative")
_DOC_ID = re.compile(r"^(" + "|".join(CORPUS_FILES) + r")-[0-9A-Za-z-]+$")
_HASH = re.compile(r"^[0-9a-f]{16}$")


class AnnotationError(ValueError):
    """An annotation record that breaks the format, or does not fit the corpus text.

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
    """One annotated headline or sentence, as stored (offsets and labels only)."""

    doc_id: str
    start: int
    end: int
    language: str
    unit_sha256: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    negative: bool

    @property
    def split(self) -> str:
        """``"train"`` or ``"test"``, from the document id."""
        return split_of(self.doc_id)


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

    >>> split_of("cnbc-0")
    'train'
    >>> split_of("cnbc-0") == split_of("cnbc-0")
    True
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


def parse_unit(record: Mapping[str, Any]) -> Unit:
    """Check one record against the format and the kg.schema vocabularies.

    Needs no corpus: offsets are checked for order and nesting only. Raises
    ``ValueError`` naming the bad value (and the allowed ones where the set is closed).

    >>> parse_unit({"doc_id": "cnbc-1", "unit": [0, 9], "language": "id", "unit_sha256": "0" * 16,
    ...             "entities": [{"start": 0, "end": 3, "type": "Firm"}], "relations": [],
    ...             "negative": True})
    Traceback (most recent call last):
    ...
    ValueError: unknown entity type 'Firm' (allowed: Company, Country, Organization, Person, Place, Product, Sector)
    """
    if not isinstance(record, Mapping) or tuple(sorted(record)) != tuple(sorted(_KEYS)):
        got = sorted(record) if isinstance(record, Mapping) else type(record).__name__
        raise ValueError(f"a unit has exactly the keys {', '.join(_KEYS)}; got {got}")
    doc_id = record["doc_id"]
    if not isinstance(doc_id, str) or not _DOC_ID.match(doc_id):
        raise ValueError(f"bad doc_id {doc_id!r} (expected PREFIX-N; prefixes: {', '.join(CORPUS_FILES)})")
    language = CORPUS_FILES[doc_id.split("-")[0]][1]
    if record["language"] != language:
        raise ValueError(f"language {record['language']!r} does not match {doc_id} (expected {language!r})")
    span = record["unit"]
    if not isinstance(span, list) or len(span) != 2:
        raise ValueError(f"unit must be [start, end], got {span!r}")
    start, end = _int(span[0], "unit start"), _int(span[1], "unit end")
    if start >= end:
        raise ValueError(f"empty or reversed unit span {span!r}")
    check = record["unit_sha256"]
    if not isinstance(check, str) or not _HASH.match(check):
        raise ValueError(f"unit_sha256 must be 16 lowercase hex digits, got {check!r}")
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
    relations = []
    for item in record["relations"]:
        if not isinstance(item, Mapping) or sorted(item) != ["attributed_to", "object", "status", "subject", "type"]:
            raise ValueError(f"a relation has exactly the keys subject, object, type, status, attributed_to; "
                             f"got {item!r}")
        rtype, status = item["type"], item["status"]
        if rtype not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {rtype!r} (allowed: {', '.join(sorted(RELATION_TYPES))})")
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r} (allowed: {', '.join(sorted(STATUSES))})")
        who = item["attributed_to"]
        indices = [item["subject"], item["object"]] + ([] if who is None else [who])
        for i in indices:
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
        relations.append(rel)
    if record["negative"] is not (not relations):
        raise ValueError(f"negative must be {not relations} for a unit with {len(relations)} relation(s)")
    return Unit(doc_id, start, end, language, check, tuple(entities), tuple(relations), record["negative"])


def _files(source: Path) -> list[Path]:
    return sorted(source.glob("*.jsonl")) if source.is_dir() else [source]


def read_units(source: str | Path = ANNOTATION_DIR) -> list[Unit]:
    """Every unit of one annotation file, or of every ``*.jsonl`` in a folder.

    Raises :class:`AnnotationError` (file and line) on the first bad record, and on a
    unit stored twice. Lines are split on ``\\n`` only.
    """
    units: list[Unit] = []
    seen: set[tuple[str, int, int]] = set()
    for path in _files(Path(source)):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            try:
                unit = parse_unit(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise AnnotationError(path, number, str(exc)) from None
            key = (unit.doc_id, unit.start, unit.end)
            if key in seen:
                raise AnnotationError(path, number, f"unit {unit.doc_id} [{unit.start}, {unit.end}] is stored twice")
            seen.add(key)
            units.append(unit)
    return units


def load_corpus(
    shared: str | Path = DEFAULT_SHARED, *, prefixes: Iterable[str] = tuple(CORPUS_FILES)
) -> dict[str, str]:
    """Document id -> ``text`` of the corpus records (JSONL split on ``\\n`` only)."""
    texts: dict[str, str] = {}
    for prefix in prefixes:
        path = Path(shared) / CORPUS_FILES[prefix][0]
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                record = json.loads(line)
                texts[record.get("id") or record["doc_id"]] = record["text"]
    return texts


def materialise(units: Iterable[Unit], corpus: Mapping[str, str]) -> Iterator[Example]:
    """Join units with their text, checking every offset against the corpus.

    Raises :class:`AnnotationError` when a document is missing, a span runs past the
    text, the unit's hash differs (another corpus version) or a mention is empty or
    starts or ends with white space.
    """
    for unit in units:
        where = f"{unit.doc_id} [{unit.start}, {unit.end}]"
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
            mentions.append((ent.start - unit.start, ent.end - unit.start, ent.type, span))
        yield Example(unit, covered, tuple(mentions))


def examples(split: str | None = None, *, shared: str | Path = DEFAULT_SHARED,
             source: str | Path = ANNOTATION_DIR) -> list[Example]:
    """The materialised examples of one split (``"train"``, ``"test"``) or all of them.

    >>> examples("dev")
    Traceback (most recent call last):
    ...
    ValueError: unknown split 'dev' (allowed: test, train)
    """
    if split not in (None, "train", "test"):
        raise ValueError(f"unknown split {split!r} (allowed: test, train)")
    units = read_units(source)
    done = list(materialise(units, load_corpus(shared)))
    if split is None:
        return done
    # The corpora repeat texts under other ids (the same headline twice, a wire story re-sent):
    # a text on the test side never trains, whatever its id.
    held_out = {held_out_key(x.text) for x in done if x.split == "test"}
    if split == "test":
        return [x for x in done if x.split == "test"]
    return [x for x in done if x.split == "train" and held_out_key(x.text) not in held_out]


def held_out(source: str | Path = ANNOTATION_DIR, *, shared: str | Path = DEFAULT_SHARED) -> tuple[set[str], set[str]]:
    """Document ids and text keys (:func:`held_out_key`) of the test side, to keep out of any training.

    The ``../shared/train`` files are training data for kg's models, but the sentences
    of theirs that kg's annotations put on the test side must not train anything: a
    training script drops a record whose id or text key is in these sets.
    """
    test = [x for x in examples(None, shared=shared, source=source) if x.split == "test"]
    return {x.unit.doc_id for x in test}, {held_out_key(x.text) for x in test}


def held_out_key(text: str) -> str:
    """The text with case, spacing and punctuation folded: two copies of one text share it.

    >>> held_out_key("Ford  Gandeng Xiaomi!") == held_out_key("ford gandeng xiaomi")
    True
    """
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def stats(units: Iterable[Unit]) -> dict[str, Any]:
    """Counts for the documentation: units, negatives, entities, relations by type and status.

    >>> stats([])["units"]
    0
    """
    units = list(units)
    by_lang: Counter[str] = Counter(u.language for u in units)
    out: dict[str, Any] = {
        "units": len(units),
        "documents": len({u.doc_id for u in units}),
        "units_by_language": dict(sorted(by_lang.items())),
        "negatives_by_language": dict(sorted(Counter(u.language for u in units if u.negative).items())),
        "entities_by_type": dict(sorted(Counter(e.type for u in units for e in u.entities).items())),
        "relations_by_type_status": {},
        "relations_by_language": dict(sorted(Counter(u.language for u in units for _ in u.relations).items())),
        "attributed": sum(r.attributed_to is not None for u in units for r in u.relations),
        "split_units": dict(sorted(Counter(u.split for u in units).items())),
        "split_documents": dict(sorted(Counter(split_of(d) for d in {u.doc_id for u in units}).items())),
    }
    table: Counter[tuple[str, str]] = Counter((r.type, r.status) for u in units for r in u.relations)
    out["relations_by_type_status"] = {
        t: {s: table[t, s] for s in STATUSES if table[t, s]} for t in RELATION_TYPES
    }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder holding corpus/")
    ap.add_argument("--annotations", type=Path, default=ANNOTATION_DIR, help="a file or folder of annotations")
    ap.add_argument("--split", choices=("train", "test"), help="only this side of the split")
    ap.add_argument("--stats", action="store_true", help="print counts as JSON instead of examples")
    ap.add_argument("--check", action="store_true", help="check everything, print a summary line")
    args = ap.parse_args(argv)
    try:
        units = read_units(args.annotations)
        if args.split:
            units = [u for u in units if u.split == args.split]
        if args.stats:
            print(json.dumps(stats(units), indent=2, ensure_ascii=False))
            return 0
        done = list(materialise(units, load_corpus(args.shared)))
    except (AnnotationError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        print(f"ok: {len(done)} units, {sum(len(x.entities) for x in done)} mentions checked against the corpus")
        return 0
    for example in done:
        sys.stdout.write(json.dumps(example.to_json(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
