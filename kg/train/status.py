"""Training kg's status model (``ontology/models/status.json``, read by :mod:`kg.extract.status`).

A factuality model (English event factuality: happened / uncertain / did not happen, read at
the event word) and a status model over the same context features plus the factuality model's
answer, learnt from annotated relations read where their status is read (the relation's cue,
or the words between its parties). Logistic regressions (scikit-learn, lbfgs, one BLAS
thread, sorted vocabulary, rounded weights: the same data give the same bytes); C and how far
the model may overrule the rules, per language and status, are chosen by 5-fold
cross-validation (folds by document hash, several partitions; :mod:`kg.train.statuscv`: accuracy first,
then denials, then the simplest). Used by ``kg train`` and ``scripts/train_status.py`` (which writes the
shipped model).

>>> PARTITIONS, C_GRID
(5, (0.3, 1.0, 3.0, 10.0, 30.0))
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract import status as S
from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.nearest import clause
from kg.extract.statusfeat import context_features
from kg.extract.statusguard import guarded
from kg.extract.statusrules import RuleReading
from kg.extract.text import Sentence, split_sentences, token_span, tokenize
from kg.schema import STATUSES
from kg.train.logreg import fit as _lr_fit

# the choice and the figures moved to kg.train.statuscv; re-exported for the scripts and tests that read them here
from kg.train.statuscv import _score, choose, out_of_fold, scores  # noqa: F401

# UW's terms are not stated ("research use"): it is left out of the shipped model (--with-uw adds it).
FACT_FILES = ("uds-ih2.jsonl", "meantime.jsonl")
LICENCES = {"uds-ih2.jsonl": "UDS-IH2, CC BY-SA 4.0 (decomp); via factuality_bert@03c67193240a",
            "meantime.jsonl": "MEANTIME, WikiNews text CC BY 2.5; via factuality_bert@03c67193240a",
            "uw.jsonl": "UW (Lee et al. 2015), terms not stated, research use; via factuality_bert@03c67193240a",
            # the texts the annotations label, with their own terms (../shared/train/README.md)
            "annotations": "kg's own stand-off annotations (annotations/, MIT), train split, of CNBC Indonesia "
                           "headlines, Reuters-21578 sentences (research use) and sentences of IndoLEM NER-UI "
                           "(CC BY 4.0), NERGRIT (credit its contributors), NERP (CC BY-SA 4.0), UW (terms not "
                           "stated, research use), MEANTIME (WikiNews, CC BY 2.5), UDS-IH2 (CC BY-SA 4.0), "
                           "KnowledgeNet (CC BY-SA 4.0) and Re-DocRED (MIT; Wikipedia text, CC BY-SA)"}
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
# Cross-validation averages this many partitions of the documents into five folds (docs/status.md: why)
PARTITIONS = 5
DIGITS = 4


@dataclass(frozen=True)
class Item:
    """One relation (or one factuality event) and the place its status is read."""

    doc: str
    language: str
    sentence: Sentence
    anchor: tuple[int, int]
    a: tuple[int, int]
    b: tuple[int, int]
    relation: str
    label: str  # a status, or a factuality class
    lo: int
    hi: int
    hits: tuple[Any, ...]


def _sentence(text: str, lang: str) -> Sentence:
    """The unit as one sentence (a question if any of its sentences is one)."""
    lex = load_lexicon(lang)
    parts = split_sentences(text, [(0, len(text))], lex)
    toks = tuple(tokenize(text))
    return Sentence(0, 0, len(text), text, toks, any(p.title_case for p in parts), any(p.question for p in parts))


def make_item(doc: str, lang: str, text: str, a: tuple[int, int], b: tuple[int, int], relation: str,
              label: str, s: Sentence | None = None, hits: tuple[Any, ...] | None = None) -> Item | None:
    """One relation between the characters ``a`` and ``b`` of ``text`` (None if a span has no token)."""
    lex = load_lexicon(lang)
    s = s or _sentence(text, lang)
    found = tuple(find_cues(s, lex)) if hits is None else hits
    ta, tb = token_span(s.tokens, *a), token_span(s.tokens, *b)
    if ta is None or tb is None:
        return None
    anchor = S.anchor_of(found, relation, ta, tb)
    lo, hi = clause(s, lex, anchor[0])
    return Item(doc, lang, s, anchor, ta, tb, relation, label, lo, hi, found)


def make_event(doc: str, text: str, start: int, end: int, score: float, s: Sentence | None = None,
               hits: tuple[Any, ...] | None = None) -> Item | None:
    """One English factuality event: happened (score > 1), not (< -1) or uncertain."""
    lex = load_lexicon("en")
    s = s or _sentence(text, "en")
    found = tuple(find_cues(s, lex)) if hits is None else hits
    span = token_span(s.tokens, start, end)
    if span is None:
        return None
    label = "happened" if score > 1 else "not" if score < -1 else "uncertain"
    lo, hi = clause(s, lex, span[0])
    return Item(doc, "en", s, span, span, span, "", label, lo, hi, found)


def example_items(examples: Iterable[Any]) -> list[Item]:
    """The relations of annotated examples (``kg.annotations.Example``), read where their status is read."""
    out = []
    for ex in examples:
        lang = ex.unit.language
        s = _sentence(ex.text, lang)
        hits = tuple(find_cues(s, load_lexicon(lang)))
        for r in ex.unit.relations:
            a, b = ex.entities[r.subject], ex.entities[r.object]
            it = make_item(ex.unit.doc_id, lang, ex.text, (a[0], a[1]), (b[0], b[1]), r.type, r.status, s, hits)
            if it is not None:
                out.append(it)
    return out


def read_factuality(shared: Path, files: Sequence[str] = FACT_FILES, ann: Any = None) -> list[Item]:
    """Every event of the English factuality files of the data folder ``shared`` (see :func:`make_event`).

    Sentences that kg's annotations (``ann``: ``scripts/annotations.py``) hold on their test side
    are left out (by id and by text).
    """
    held_ids, held_keys = ann.held_out(shared=shared) if ann is not None else (set(), set())
    out = []
    for name in files:
        for line in (shared / "train" / "factuality-en" / name).read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            raw = json.loads(line)
            if raw["doc_id"] in held_ids or (ann is not None and ann.held_out_key(raw["text"]) in held_keys):
                continue
            s = _sentence(raw["text"], "en")
            hits = tuple(find_cues(s, load_lexicon("en")))
            for ev in raw["events"]:
                it = make_event(raw["doc_id"], raw["text"], ev["start"], ev["end"], float(ev["factuality"]), s, hits)
                if it is not None:
                    out.append(it)
    return out


def rule_reading(it: Item) -> RuleReading:
    """The rule engine's status and the construction that set it, as :mod:`kg.extract.relations` reads it for
    this relation type."""
    lex = load_lexicon(it.language)
    toks = it.sentence.tokens
    if it.relation in S.NEGATION_ONLY:
        return RuleReading(S.fact_status(toks, lex, it.hits, it.anchor, it.lo, it.hi, it.relation, (it.a, it.b),
                                         question=it.sentence.question))
    return S.read_rules(it.sentence, lex, it.hits, it.anchor, it.relation, it.lo, it.hi, (it.a, it.b))


def rules(it: Item) -> str:
    """The rule engine's status (:func:`rule_reading`)."""
    return rule_reading(it).status


def context(it: Item) -> list[str]:
    lex = load_lexicon(it.language)
    return context_features(it.sentence.tokens, lex, it.hits, it.anchor, it.lo, it.hi,
                              question=it.sentence.question)


def is_guarded(it: Item, guard: frozenset[str] | None = None) -> bool:
    """Whether the rules read this relation by a construction of ``guard`` (default: the language's
    :func:`kg.extract.statusguard.guarded_constructions`): extraction never asks the model, so neither does
    cross-validation."""
    if it.relation in S.NEGATION_ONLY:
        return False
    return guarded(rule_reading(it), load_lexicon(it.language), guard)


def status_feats(it: Item, model: S.StatusModel | None) -> list[str]:
    lex = load_lexicon(it.language)
    return S.status_features(it.sentence.tokens, lex, it.hits, it.anchor, it.relation, it.lo, it.hi,
                             question=it.sentence.question, language=it.language, model=model,
                             rule=rules(it), parties=(it.a, it.b))


def linear_json(classes: list[str], vocab: list[str], w: Any, b: Any) -> dict[str, Any]:
    keep = [k for k in range(len(vocab)) if abs(w[k]).max() >= 10 ** -DIGITS]
    return {"labels": classes, "bias": [round(float(v), DIGITS) for v in b],
            "features": [vocab[k] for k in keep],
            "weights": [[round(float(v), DIGITS) for v in w[k]] for k in keep]}


def model_text(fact: dict[str, Any], status: dict[str, Any], trust: dict[str, dict[str, float]],
               meta: dict[str, Any]) -> str:
    data = {"format": S.FORMAT, "training": meta, "trust": trust,
            "factuality": fact, "status": status}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _fit(feats: Sequence[list[str]], labels: Sequence[str], c: float) -> dict[str, Any]:
    return linear_json(*_lr_fit(feats, labels, c))


def fact_model(items: Sequence[Item], c: float) -> dict[str, Any]:
    return _fit([context(it) for it in items], [it.label for it in items], c)


def _with_fact(fact: dict[str, Any]) -> S.StatusModel:
    empty = {"labels": list(STATUSES), "bias": [0.0] * len(STATUSES), "features": [], "weights": []}
    return S.StatusModel(json.loads(model_text(fact, empty, {}, {})), source="factuality")


def folds(items: Sequence[Item], k: int = 5, seed: int = 0) -> list[int]:
    """The fold of each relation, by the hash of its document (a document's relations share a fold); ``seed``
    > 0 salts the hash for another partition of the same documents (as :func:`kg.train.relations.folds_of`)."""
    salt = f"{seed}:" if seed else ""
    return [int(hashlib.sha256((salt + it.doc).encode()).hexdigest(), 16) % k for it in items]


def predict(lin: dict[str, Any], feats: Sequence[list[str]]) -> list[tuple[str, float]]:
    m = S.Linear(lin)
    out = []
    for f in feats:
        p = m.scores(f)
        k = max(range(len(p)), key=lambda i: (p[i], -i))
        out.append((m.labels[k], p[k]))
    return out


def oof_predictions(items: Sequence[Item], fact: dict[str, Any], partitions: int = PARTITIONS,
                    c_grid: Sequence[float] = C_GRID, guard: frozenset[str] | None = None) -> dict[str, Any]:
    """What cross-validation reads: the gold statuses, the rules' answers and, for each of ``partitions``
    partitions of the documents into five folds (:func:`folds`, seeds 0, 1, ...), the folds and, per C of
    ``c_grid``, the status model's out-of-fold answers (answer, probability) of ``items`` (the rules' answer,
    sure, where a construction of ``guard``, default the language's, gave it: :func:`is_guarded`)."""
    fm = _with_fact(fact) if fact else None
    feats = [status_feats(it, fm) for it in items]
    gold = [it.label for it in items]
    parts = []
    answers: list[list[tuple[str, float]]] = []  # every partition's and C's, for the guard below
    for seed in range(partitions):
        fold = folds(items, seed=seed)
        oofs: dict[float, list[tuple[str, float]]] = {}
        for c in c_grid:
            oof: list[tuple[str, float]] = [("", 0.0)] * len(items)
            for k in range(5):
                tr = [n for n in range(len(items)) if fold[n] != k]
                m = S.Linear(_fit([feats[n] for n in tr], [gold[n] for n in tr], c))
                for n in (n for n in range(len(items)) if fold[n] == k):
                    p = m.scores(feats[n])
                    best = max(range(len(p)), key=lambda i: (p[i], -i))
                    oof[n] = (m.labels[best], p[best])
            oofs[c] = oof
            answers.append(oof)
        parts.append({"fold": fold, "oofs": oofs})
    rule = [rules(it) for it in items]
    for n in (n for n, it in enumerate(items) if is_guarded(it, guard)):
        for oof in answers:
            oof[n] = (rule[n], 1.0)  # the model is not asked (kg.extract.statusguard)
    return {"gold": gold, "rule": rule, "parts": parts,
            "by_lang": {lang: [n for n, it in enumerate(items) if it.language == lang]
                        for lang in sorted({it.language for it in items})}}


def cross_validate(items: Sequence[Item], fact: dict[str, Any], partitions: int = PARTITIONS,
                   c_grid: Sequence[float] = C_GRID) -> dict[str, Any]:
    """C of the status model (of ``c_grid``) and, per language and status, how sure the model must be to
    overrule the rules' answer, by 5-fold cross-validation on train over ``partitions`` partitions
    (:func:`kg.train.statuscv.choose`)."""
    return choose(items, oof_predictions(items, fact, partitions, c_grid))


def train(fact_items: Sequence[Item], status_items: Sequence[Item], *, meta: dict[str, Any],
          fact_c: float = 1.0, partitions: int = PARTITIONS,
          c_grid: Sequence[float] = C_GRID) -> tuple[str, dict[str, Any]]:
    """The model file's text and the cross-validation facts (no factuality items: no factuality features;
    ``partitions``: fold partitions the cross-validation averages, :func:`kg.train.statuscv.choose`;
    ``c_grid``: the C tried, one to fix it)."""
    fact = fact_model(fact_items, fact_c) if fact_items else {}
    # the relations the rules read by negation alone never ask the model
    status_items = [it for it in status_items if it.relation not in S.NEGATION_ONLY]
    cv = cross_validate(status_items, fact, partitions, c_grid)
    fm = _with_fact(fact) if fact else None
    status = _fit([status_feats(it, fm) for it in status_items], [it.label for it in status_items], cv["c"])
    meta = {**meta, "status_c": cv["c"], "factuality_c": fact_c, "cv_score": cv["cv_score"],
            "minimum_backing": cv["minimum_backing"], "held_out_accuracy": cv["held_out_accuracy"],
            "cv_score_rules_only": cv["cv_score_rules_only"], "partitions": cv["partitions"],
            "examples": {"factuality": len(fact_items), "status": len(status_items)}}
    return model_text(fact, status, cv["trust"], meta), cv


def show(title: str, sc: dict[str, Any], *, confusion: bool = False) -> None:
    """Print one line of :func:`scores` (and, with ``confusion``, one line per gold status: what it was read as)."""
    rec = ", ".join(f"{g} {sc['recall'][g]} ({sc['support'][g]})" for g in STATUSES if sc["support"][g])
    print(f"{title}: accuracy {sc['accuracy']} on {sc['n']}; recall {rec}")
    if confusion:
        for g, row in sc["confusion"].items():
            print(f"    gold {g:8} -> " + ", ".join(f"{p} {n}" for p, n in row.items()))


def predict_items(model: S.StatusModel, items: Sequence[Item]) -> list[tuple[str, float]]:
    out = []
    for it in items:
        if it.relation in S.NEGATION_ONLY:
            out.append((rules(it), 1.0))
            continue
        if is_guarded(it):
            out.append((rules(it), 1.0))
            continue
        lex = load_lexicon(it.language)
        out.append(S.model_status(it.sentence.tokens, lex, it.hits, it.anchor, it.relation, it.lo, it.hi,
                                  question=it.sentence.question, model=model, rule=rules(it),
                                  parties=(it.a, it.b)))
    return out
