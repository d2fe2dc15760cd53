"""Scoring extraction against gold annotations (``kg eval``; format and figures in ``docs/eval.md``).

>>> from kg.model import Entity, Extraction
>>> docs = [parse_doc({"doc_id": "d", "text": "PT Bukit Asam Tbk naik.",
...                    "entities": [{"label": "PT Bukit Asam Tbk", "type": "Company"}],
...                    "forbidden_entities": ["Adaro"]})]
>>> report = evaluate(docs, lambda a: Extraction(a, (Entity("bukit-asam", "Bukit Asam", "Company"),)))
>>> report.entities.f1
1.0
>>> report.summary
'PASS: 0/0 required relations with their gold status, 1/1 required entities, 0 forbidden entities predicted'
"""

from __future__ import annotations

from kg.evaluate.command import add_arguments, run
from kg.evaluate.counts import Counts
from kg.evaluate.gold import GoldDoc, GoldEntity, GoldRelation, article_for, load_gold, parse_doc, source_path
from kg.evaluate.report import Report, evaluate
from kg.evaluate.score import DocResult, Scheme, derive_scheme, score_document

__all__ = [
    "Counts",
    "DocResult",
    "GoldDoc",
    "GoldEntity",
    "GoldRelation",
    "Report",
    "Scheme",
    "add_arguments",
    "article_for",
    "derive_scheme",
    "evaluate",
    "load_gold",
    "parse_doc",
    "run",
    "score_document",
    "source_path",
]
