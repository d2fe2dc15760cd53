"""Calibrated confidence of entities and relations, and the ``--min-confidence`` cut.

A confidence is the share of predictions *like this one* that were right on the
TRAIN split of kg's own annotations (``annotations/``, ``docs/annotations.md``):

- an entity is like another when it has the same language, article casing
  (:func:`kg.evaluate.casing.casing`: sentence, title, upper), best evidence (``gazetteer``
  beats ``pattern``, then ``alias``, then ``ner``: the tagger alone, then ``ner-unsure``: the
  tagger alone, its weakest token's marginal probability below :data:`SURE`) and whether it is
  mentioned once or more; and, where the table has the finer bucket, the entity's type
  (a tagger-only Product is right far less often than a tagger-only Person). A typed
  bucket is smoothed towards its typeless one, which is smoothed towards the language;
- a relation is like another when it has the same language and its raw confidence
  (the rules' or the pair classifier's score) falls in the same bin (histogram binning:
  the raw scores do not rank relations monotonically, so isotonic pooling would flatten them).

The table may also set a floor per language (``entity_floor``, :func:`entity_floor`): an entity
below it that no relation names is not emitted at all (:mod:`kg.extract.assemble`).

A right entity is a gold name of its type; a right relation is a gold link with its
gold status. Shares are smoothed towards the whole language's share (a bin with
few predictions says little). The table is fitted by ``scripts/calibrate.py`` and
shipped as ``ontology/calibration.json``; its reliability table is in ``docs/eval.md``.

>>> from kg.model import Article, Entity, Extraction, Relation
>>> x = Extraction(Article("a", "t"), (Entity("a", "A", "Company", confidence=0.9),
...                                    Entity("b", "B", "Person", confidence=0.3)),
...                (Relation("r", "works_for", "b", "a", "asserted", confidence=0.8),))
>>> y = above(x, 0.5)
>>> [e.id for e in y.entities], y.relations
(['a'], ())
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kg.model import Extraction

__all__ = ["RELATION_BINS", "SOURCES", "SURE", "above", "entity_confidence", "entity_features", "entity_floor",
           "evidence", "relation_bin", "relation_confidence"]

# Best evidence first.
SOURCES = ("gazetteer", "pattern", "alias", "ner", "ner-unsure")
# A tagger's name whose weakest token's marginal probability is below this is ``ner-unsure``. Out of fold
# on id train (cased units, scripts/calibrate.py --cv) tagger-only names at 0.9 or more were right 0.97 of
# the time, below it 0.64 (title case 500/511 and 84/128); the ranking (AUC of the confidence) rose from
# 0.748 (type) to 0.803 (type and this bar); 0.6, 0.7 and 0.8 gave 0.773, 0.779, 0.795.
SURE = 0.9
# Upper edges of the raw relation confidence bins.
RELATION_BINS = (0.3, 0.45, 0.55, 0.65, 0.75, 1.01)


@functools.cache
def _table(models: str | None = None) -> dict[str, Any]:
    from kg.extract.modelfiles import CALIBRATION, model_file, read_json_object

    path = model_file(CALIBRATION, models)
    if not path.is_file():
        return {}
    return read_json_object(path, "calibration table", "rebuild it with scripts/calibrate.py")


def entity_features(language: str, casing: str, sources: Iterable[str], mentions: int) -> str:
    """The bucket key of an entity, e.g. ``"id|title|ner|1"``."""
    have = set(sources)
    best = next((s for s in SOURCES if s in have), "ner")
    return f"{language}|{casing}|{best}|{'1' if mentions <= 1 else '2+'}"


def evidence(mentions: Iterable[Any]) -> list[str]:
    """The evidence of each mention: its ``source``, and ``ner-unsure`` for a tagger's name the tagger
    is not sure of (``Mention.sure`` below :data:`SURE`).

    >>> from types import SimpleNamespace as M
    >>> evidence([M(source="ner", sure=0.95), M(source="ner", sure=0.5), M(source="pattern", sure=1.0)])
    ['ner', 'ner-unsure', 'pattern']
    """
    return ["ner-unsure" if m.source == "ner" and m.sure < SURE else m.source for m in mentions]


def entity_floor(language: str, models: str | None = None) -> float:
    """The confidence below which an entity that no relation names is not emitted at all (0 when the
    table sets none): ``entity_floor`` of ``ontology/calibration.json``, chosen by ``scripts/calibrate.py``.

    >>> entity_floor("xx")
    0.0
    """
    return float(_table(models).get("entity_floor", {}).get(language, 0.0))


def relation_bin(language: str, raw: float) -> str:
    """The bucket key of a relation, e.g. ``"en|0.65"`` (the bin's upper edge)."""
    edge = next(b for b in RELATION_BINS if raw < b)
    return f"{language}|{edge:g}"


def entity_confidence(key: str, models: str | None = None, etype: str | None = None) -> float:
    """The calibrated confidence of an entity bucket (1.0 when nothing was fitted); the table of the
    model folder ``models`` when it has one (:mod:`kg.extract.modelfiles`).

    With ``etype`` the typed bucket ``key|etype`` is read first, then ``key``, then the language's share
    (a table fitted without types, or a bucket too rare to be fitted, falls back).

    >>> entity_confidence("xx|title|ner|1", etype="Product")  # a language nothing was fitted for
    1.0
    """
    table = _table(models)
    t = table.get("entities", {})
    if etype is not None and f"{key}|{etype}" in t:
        return float(t[f"{key}|{etype}"])
    if key in t:
        return float(t[key])
    return float(table.get("entity_prior", {}).get(key.split("|")[0], 1.0))


def relation_confidence(language: str, raw: float, models: str | None = None) -> float:
    """The calibrated confidence of a relation with raw score ``raw`` (``raw`` when nothing was fitted)."""
    t = _table(models).get("relations", {})
    return float(t.get(relation_bin(language, raw), raw))


def above(x: Extraction, min_confidence: float) -> Extraction:
    """``x`` without the entities below ``min_confidence`` and the relations touching them, and
    without the relations below it. The same extraction when ``min_confidence`` is 0."""
    if min_confidence <= 0:
        return x
    entities = tuple(e for e in x.entities if e.confidence >= min_confidence)
    kept = {e.id for e in entities}
    relations = tuple(
        r for r in x.relations
        if r.confidence >= min_confidence and r.subject in kept and r.object in kept
        and (r.attributed_to is None or r.attributed_to in kept) and (r.sector is None or r.sector in kept)
    )
    return replace(x, entities=entities, relations=relations)
