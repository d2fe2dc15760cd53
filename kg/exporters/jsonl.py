"""``extractions.jsonl``: one JSON object per article, the schema of ``kg extract``.

>>> from tests.sample import sample_graph
>>> first = next(generate_extractions(sample_graph()))
>>> first.startswith('{"article": {"id": "en/bukit-asam"')
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.io import atomic_write

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.model import Extraction


def dumps(extraction: Extraction) -> str:
    """One extraction as one line of JSON (keys in schema order, non-ASCII kept)."""
    return json.dumps(extraction.to_json(), ensure_ascii=False)


def generate_extractions_from(extractions: Iterable[Extraction]) -> Iterator[str]:
    for x in extractions:
        yield dumps(x) + "\n"


def generate_extractions(graph: KnowledgeGraph) -> Iterator[str]:
    """Yield one line per article, sorted by article id."""
    return generate_extractions_from(graph.extractions)


def write_extractions(graph: KnowledgeGraph, path: Path) -> Path:
    return atomic_write(path, generate_extractions(graph))
