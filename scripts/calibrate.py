"""Fit ``ontology/calibration.json``: calibrated confidence of entities and relations (kg.extract.confidence).

Runs kg's default engine over the TRAIN split of kg's own annotations (never the
test split), records for every predicted entity its bucket (language, casing,
best evidence, one or more mentions) and for every relation its raw score, and
whether the scorer of ``kg eval`` counted it right (an entity: a gold name of its
type; a relation: a gold link with its gold status). A bucket's confidence is its
share of right predictions, smoothed towards the language's share with weight
``PRIOR`` (histogram binning; relation bins of the raw score likewise). Prints the
reliability table (bucket, predictions, right, confidence). Deterministic.

    python scripts/calibrate.py [--split train] [--check test]
    python scripts/calibrate.py --cv en=/tmp/cv-en --cv id=/tmp/cv-id --folds 3   # out of fold (the shipped way)

``--check test`` prints the reliability table of the fitted confidences on the test
split (for the documentation; nothing is fitted on it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
PRIOR = 5.0  # pseudo-predictions at the language's share
# Entities below this confidence that no relation names are not emitted (kg.extract.confidence.entity_floor).
# Chosen out of fold on id train (cased units read by the cv14 fold taggers, confidences cross-fitted by
# document, relation parties kept): P/R/F1 0.937/0.889/0.912 with no floor; 0.6: 0.942/0.879/0.909,
# 0.7: 0.950/0.865/0.906, 0.8: 0.951/0.858/0.902, 0.85: 0.956/0.841/0.895; relations unchanged (kept parties).
# Every floor costs F1 out of fold on train (0.912 with none), and the one test run with id 0.7 (evals.sh,
# 2026-12-07) gave test id P/R/F1 0.871/0.800/0.834 -> 0.877/0.785/0.828, idner dev 0.867/0.861/0.864 ->
# 0.901/0.795/0.845: no default floor; set one here (e.g. {"id": 0.7}) to trade recall for precision.
FLOOR: dict[str, float] = {}


def _eval_module() -> Any:
    spec = importlib.util.spec_from_file_location("kg_eval_annotations", ROOT / "scripts" / "eval_annotations.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def outcomes(split: str, language: str, *, raw: bool, folds: Path | None = None, k: int = 3,
             dump: list[dict[str, Any]] | None = None
             ) -> tuple[list[tuple[str, bool]], list[tuple[str, float, bool]]]:
    """(entity bucket, right?) and (relation bin, confidence, right?) for every scored prediction.

    With ``raw`` the shipped table is bypassed: buckets (``language|casing|evidence|mentions|type``)
    and raw scores are recorded instead. With ``folds`` (a folder of ``scripts/cv_hybrid.py`` fold models,
    ``f0`` .. ``f<k-1>``) each unit is read with the taggers of the fold that did not see it, so the
    buckets' shares are those of unseen text (the shipped taggers saw every train unit). ``dump``
    receives one record per scored entity and relation (for the cut analysis in ``docs/eval.md``).
    """
    from cv_hybrid import fold_of

    from kg.evaluate import evaluate, parse_doc
    from kg.extract import DEFAULT_ENGINE, extract
    from kg.extract import confidence as calib
    from kg.extract.engine import Engine, as_engine

    ent_keys: dict[tuple[str, str], str] = {}
    rel_raw: dict[tuple[str, str], float] = {}
    parts: dict[tuple[str, str], tuple[str, ...]] = {}
    real_entity: Callable[..., float] = calib.entity_confidence
    real_relation: Callable[[str, float], float] = calib.relation_confidence
    codes: list[str] = []
    raws: list[float] = []
    engines = [as_engine(Engine(name=DEFAULT_ENGINE, models=str(folds / f"f{f}"))) for f in range(k)] if folds else []

    def record_entity(key: str, models: str | None = None, etype: str | None = None) -> float:
        codes.append(f"{key}|{etype}" if etype else key)
        return float(len(codes) - 1) if raw else real_entity(key, None, etype)

    def record_relation(lang: str, score: float, models: str | None = None) -> float:
        raws.append(score)
        return float(len(raws) - 1) if raw else real_relation(lang, score)

    def extractor(article: Any) -> Any:
        codes.clear()
        raws.clear()
        x = extract(article, engine=engines[fold_of(article.id, k)] if engines else DEFAULT_ENGINE)
        for e in x.entities:
            ent_keys[article.id, e.id] = codes[int(e.confidence)] if raw else f"{e.confidence:.6f}"
        for r in x.relations:
            rel_raw[article.id, r.id] = raws[int(r.confidence)] if raw else r.confidence
            parts[article.id, r.id] = tuple(p for p in (r.subject, r.object, r.attributed_to, r.sector) if p)
        return x

    ev = _eval_module()
    docs = [parse_doc(r) for r in ev.gold_records(split, language)]
    real_floor = calib.entity_floor
    calib.entity_confidence = record_entity  # type: ignore[assignment]
    calib.relation_confidence = record_relation  # type: ignore[assignment]
    if raw:  # the fit sees every entity, also those the shipped floor would drop
        calib.entity_floor = lambda language, models=None: float("-inf")  # type: ignore[assignment]
    try:
        report = evaluate(docs, extractor)
    finally:
        calib.entity_confidence = real_entity  # type: ignore[assignment]
        calib.relation_confidence = real_relation  # type: ignore[assignment]
        calib.entity_floor = real_floor  # type: ignore[assignment]
    if report.failed:  # a fit over the documents that happened to work would be silently wrong
        raise SystemExit(f"calibrate: {len(report.failed)} documents failed, e.g. {report.failed[0].error}")
    ents = [(ent_keys[d.doc_id, eid], ok) for d in report.documents for eid, ok in d.entity_outcomes]
    rels = [(calib.relation_bin(language, rel_raw[d.doc_id, rid]) if raw else f"{rel_raw[d.doc_id, rid]:.3f}",
             rel_raw[d.doc_id, rid], ok)
            for d in report.documents for rid, ok in d.relation_outcomes]
    if dump is not None:
        for d in report.documents:
            dump.append({"doc": d.doc_id, "gold": {t: c.tp + c.fn for t, c in sorted(d.entity_counts.items())},
                         "relations_gold": sum(c.tp + c.fn for c in d.relation_counts.values())})
            dump.extend({"doc": d.doc_id, "entity": eid, "key": ent_keys[d.doc_id, eid], "ok": ok}
                        for eid, ok in d.entity_outcomes)
            dump.extend({"doc": d.doc_id, "relation": rid, "parts": parts[d.doc_id, rid], "ok": ok}
                        for rid, ok in d.relation_outcomes)
    return ents, rels


def _shares(items: list[tuple[str, bool]]) -> tuple[dict[str, tuple[int, int]], float]:
    n: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ok in items:
        n[key][0] += 1
        n[key][1] += ok
    prior = sum(ok for _, ok in items) / len(items) if items else 1.0
    return {k: (v[0], v[1]) for k, v in sorted(n.items())}, prior


def _smooth(total: int, right: int, prior: float) -> float:
    return round((right + PRIOR * prior) / (total + PRIOR), 3)


def fit(split: str, folds: dict[str, Path] | None = None, k: int = 3,
        dump: list[dict[str, Any]] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The table: per language its share, per bucket without type its share smoothed towards the
    language's, per bucket with type its share smoothed towards the typeless bucket's (a type seen
    a few times in a bucket moves it only a little), per relation bin its share."""
    folds = folds or {}
    how = "out-of-fold taggers (scripts/cv_hybrid.py)" if folds else "kg's default engine"
    table: dict[str, Any] = {"fitted_on": f"annotations/ {split} split, {how}",
                             "entity_prior": {}, "entities": {}, "relations": {}, "entity_floor": dict(FLOOR)}
    lines = ["bucket\tpredictions\tright\tconfidence"]
    for lang in ("en", "id"):
        ents, rels = outcomes(split, lang, raw=True, folds=folds.get(lang), k=k, dump=dump)
        typed, prior = _shares(ents)
        counts, _ = _shares([(key.rsplit("|", 1)[0], ok) for key, ok in ents])
        table["entity_prior"][lang] = round(prior, 3)
        for key, (total, right) in counts.items():
            table["entities"][key] = _smooth(total, right, prior)
            lines.append(f"{key}\t{total}\t{right}\t{table['entities'][key]}")
        for key, (total, right) in typed.items():
            table["entities"][key] = _smooth(total, right, table["entities"][key.rsplit("|", 1)[0]])
            lines.append(f"{key}\t{total}\t{right}\t{table['entities'][key]}")
        rcounts, rprior = _shares([(k, ok) for k, _, ok in rels])
        keys = sorted(rcounts, key=lambda k: float(k.split("|")[1]))
        # Histogram binning, not isotonic: the raw scores do not rank relations well (English bin
        # 0.45-0.55 is right 4 times in 5, bin 0.55-0.65 once in 7), and pooling would erase that.
        for key in keys:
            value = _smooth(*rcounts[key], rprior)
            table["relations"][key] = value
            lines.append(f"relation {key}\t{rcounts[key][0]}\t{rcounts[key][1]}\t{value}")
    return table, lines


def check(split: str) -> list[str]:
    """Reliability of the shipped confidences on ``split``: predictions, right and mean confidence per decile."""
    lines = ["what\tconfidence bin\tpredictions\tright share\tmean confidence"]
    for lang in ("en", "id"):
        ents, rels = outcomes(split, lang, raw=False)
        for what, items in (("entities", [(float(k), ok) for k, ok in ents]),
                            ("relations", [(c, ok) for _, c, ok in rels])):
            bins: dict[float, list[tuple[float, bool]]] = defaultdict(list)
            for c, ok in items:
                bins[min(0.9, int(c * 10) / 10)].append((c, ok))
            for b in sorted(bins):
                xs = bins[b]
                lines.append(f"{lang} {what}\t{b:.1f}-{b + 0.1:.1f}\t{len(xs)}\t"
                             f"{sum(ok for _, ok in xs) / len(xs):.3f}\t{sum(c for c, _ in xs) / len(xs):.3f}")
    return lines


def _folds(specs: list[str]) -> dict[str, Path]:
    out = {}
    for spec in specs:
        lang, _, folder = spec.partition("=")
        if lang not in ("en", "id") or not folder:
            raise SystemExit(f"calibrate: --cv wants LANGUAGE=FOLDER, not {spec!r}")
        out[lang] = Path(folder)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train"])
    ap.add_argument("--check", choices=["train", "test"], help="print the reliability on this split; fit nothing")
    ap.add_argument("--cv", action="append", default=[], metavar="LANGUAGE=FOLDER",
                    help="fit LANGUAGE on the out-of-fold taggers of this scripts/cv_hybrid.py folder")
    ap.add_argument("--folds", type=int, default=3, help="how many folds the --cv folders hold")
    ap.add_argument("--out", type=Path, default=ROOT / "ontology" / "calibration.json")
    ap.add_argument("--dump", type=Path, help="write every scored entity and relation here (JSON lines)")
    args = ap.parse_args()
    if args.check:
        print("\n".join(check(args.check)))
        return 0
    dump: list[dict[str, Any]] | None = [] if args.dump else None
    table, lines = fit(args.split, _folds(args.cv), args.folds, dump)
    args.out.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.dump and dump is not None:
        args.dump.write_text("".join(json.dumps(d, sort_keys=True) + "\n" for d in dump), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
