"""What the default engine reads from one text, as labels the tests can compare."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def relations_of(text: str, language: str = "en", *, status: bool = True) -> set[tuple[str, ...]]:
    """``(type, subject label, object label[, status])`` of every relation extracted from ``text``."""
    x = extract(Article(id="t", text=text, language=language))
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object], *((r.status,) if status else ())) for r in x.relations}
