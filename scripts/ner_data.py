"""The training and measuring data of kg's named-entity taggers: moved to :mod:`kg.train.ner_data`.

This script module keeps the old calls of ``scripts/train_ner.py``, with kg's hand
annotations (``annotations/``, joined with ``../shared/corpus`` by ``scripts/annotations.py``).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "scripts"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from eval_annotations import annotations_module  # noqa: E402

from kg.train import ner_data as _data  # noqa: E402
from kg.train.ner_data import (  # noqa: E402
    ANNOTATIONS,
    DEV,
    LABELS,
    SOURCES,
    Doc,
    covered,
    make_doc,
    read_gold,
    recased,
    records,
    sentences,
    title_copies,
)

__all__ = ["ANNOTATIONS", "DEV", "LABELS", "SOURCES", "Doc", "annotated", "annotated_ids", "annotated_units",
           "covered", "make_doc", "read_gold", "recased", "records", "sentences", "title_copies", "training_docs"]

Span = tuple[int, int, str]


def annotated(language: str, split: str, shared: Path) -> list[Doc]:
    """kg's annotated units of one language and split, as sentences."""
    return _data.annotated(annotations_module(), language, split, shared)


def annotated_units(language: str, split: str, shared: Path) -> list[tuple[str, list[Span]]]:
    """kg's annotated units as ``(text, [(start, end, kg's own type)])`` (Company, Country ... kept)."""
    return _data.annotated_units(annotations_module(), language, split, shared)


def annotated_ids() -> set[str]:
    """Document ids that kg's annotations cover, in any split."""
    return {u.doc_id for u in annotations_module().read_units()}


def training_docs(language: str, shared: Path, stats: Counter[str]) -> tuple[list[Doc], list[str]]:
    """All training sentences of ``language`` and the sources they came from (for the model header)."""
    return _data.training_docs(language, shared, stats, annotations_module())
