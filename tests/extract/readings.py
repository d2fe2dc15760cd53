"""What the default engine reads from one text, as labels the tests can compare."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def relations_of(text: str, language: str = "en", *, status: bool = True, lower: bool = False) -> set[tuple[str, ...]]:
    """``(type, subject label, object label[, status])`` of every relation extracted from ``text`` (labels
    lower-cased with ``lower``: the tests of caseless text name the parties in lower case)."""
    x = extract(Article(id="t", text=text, language=language))
    label = {e.id: e.label.lower() if lower else e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object], *((r.status,) if status else ())) for r in x.relations}
