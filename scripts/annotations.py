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
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

# The format itself lives in the package (kg annotate writes it too); this script adds the corpus.
from kg.annotations import (  # noqa: E402
    KEYS,
    TEST_FRACTION,
    AnnotationError,
    Entity,
    Example,
    Relation,
    Unit,
    materialise,
    split_of,
    unit_hash,
)
from kg.annotations import parse_unit as _parse_unit  # noqa: E402
from kg.annotations import read_units as _read_units  # noqa: E402
from kg.schema import RELATION_TYPES, STATUSES  # noqa: E402

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
_DOC_ID = re.compile(r"^(" + "|".join(CORPUS_FILES) + r")-[0-9A-Za-z-]+$")


def _corpus_document(doc_id: object, language: object) -> None:
    """The shipped files' check: a document of a known corpus, in that corpus's language."""
    if not isinstance(doc_id, str) or not _DOC_ID.match(doc_id):
        raise ValueError(f"bad doc_id {doc_id!r} (expected PREFIX-N; prefixes: {', '.join(CORPUS_FILES)})")
    expected = CORPUS_FILES[doc_id.split("-")[0]][1]
    if language != expected:
        raise ValueError(f"language {language!r} does not match {doc_id} (expected {expected!r})")


def parse_unit(record: Mapping[str, Any]) -> Unit:
    """:func:`kg.annotations.parse_unit` with the checks of the shipped files (corpus ids, no ``source``)."""
    if isinstance(record, Mapping) and tuple(sorted(record)) != tuple(sorted(KEYS)):
        raise ValueError(f"a unit has exactly the keys {', '.join(KEYS)}; got {sorted(record)}")
    return _parse_unit(record, check_document=_corpus_document)


def read_units(source: str | Path = ANNOTATION_DIR) -> list[Unit]:
    """Every unit of one annotation file, or of every ``*.jsonl`` in a folder (see :func:`kg.annotations.read_units`).

    Raises :class:`AnnotationError` (file and line) on the first bad record, and on a
    unit stored twice.
    """
    return _read_units(source, parse=parse_unit)


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
