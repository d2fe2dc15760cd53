"""Scoring kg's relation classifier on gold entity spans (``kg train``,
``scripts/train_relations.py``): every candidate pair of gold mentions is classified with
:func:`kg.extract.pairscore.classify`'s decision rule and matched by entity.

>>> prf({(0, "a", "works_for", "b")}, {(0, "a", "works_for", "b"), (1, "c", "based_in", "d")})["f1"]
0.667
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kg.extract import relmodel
from kg.schema import RELATION_TYPES
from kg.train.reldata import Doc, Pair, pairs_of


def feature_lists(docs: Sequence[Doc], pairs: Sequence[Pair], model: relmodel.Model) -> list[list[str]]:
    return [relmodel.features(docs[p.doc].tokens, (p.a.i, p.a.j, p.a.type), (p.b.i, p.b.j, p.b.type),
                              language=docs[p.doc].language, model=model) for p in pairs]


def decide(p: Pair, labels: Sequence[str], probs: Sequence[float], threshold: float,
           trusted: dict[str, float] | None = None) -> str:
    """:func:`kg.extract.pairscore.classify`'s decision rule, on precomputed probabilities (``trusted``: the
    relation types the model answers for in this pair's language; ``None``: all)."""
    fits = relmodel.allowed(p.a.type, p.b.type)
    best, best_p = "none", 0.0
    for label, q in zip(labels, probs, strict=True):
        if label in fits and q > best_p:
            best, best_p = label, q
    if trusted is not None and (best not in trusted or best_p < trusted[best]):
        return "none"
    return best if best_p >= threshold else "none"


def triples(docs: Sequence[Doc], pairs: Sequence[Pair], answers: Sequence[str]) -> tuple[set[Any], set[Any]]:
    """(predicted, gold) relations as (doc, subject, type, object); symmetric types in sorted order."""

    def key(d: int, s: str, t: str, o: str) -> tuple[int, str, str, str]:
        if RELATION_TYPES[t].symmetric and o < s:
            s, o = o, s
        return d, s, t, o

    # Types a gold set does not annotate are not scored (as in kg.evaluate).
    pred = {key(p.doc, p.a.label, t, p.b.label) for p, t in zip(pairs, answers, strict=True)
            if t != "none" and t in (docs[p.doc].only or RELATION_TYPES)}
    gold = {key(k, s, t, o) for k, d in enumerate(docs) for s, t, o, _ in d.relations}
    return pred, gold


def prf(pred: Iterable[Any], gold: Iterable[Any], rtype: str | None = None) -> dict[str, Any]:
    ps = {x for x in pred if rtype is None or x[2] == rtype}
    gs = {x for x in gold if rtype is None or x[2] == rtype}
    tp = len(ps & gs)
    p = tp / len(ps) if ps else 0.0
    r = tp / len(gs) if gs else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if tp else 0.0,
            "tp": tp, "fp": len(ps) - tp, "fn": len(gs) - tp}


def show(title: str, rows: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    for k, v in rows.items():
        print(f"  {k:<16} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}   tp {v['tp']} fp {v['fp']} fn {v['fn']}")


def eval_relations(name: str, docs: list[Doc], model: relmodel.Model) -> dict[str, Any]:
    pairs = pairs_of(docs)
    feats = feature_lists(docs, pairs, model)
    answers = [decide(p, model.labels, model.scores(f), model.threshold, model.trusted_types(docs[p.doc].language))
               for p, f in zip(pairs, feats, strict=True)]
    pred, gold = triples(docs, pairs, answers)
    types = sorted({x[2] for x in gold | pred})
    out = {"micro": prf(pred, gold), **{t: prf(pred, gold, t) for t in types}}
    show(f"{name}: relations with gold entity spans ({len(docs)} units, {len(pairs)} candidate pairs)", out)
    return out

