"""Train kg's status model and measure status on gold relations (rules, model, and how they combine).

Data (train parts are learnt from; the test split only gives the figures):

* English event factuality (``../shared/train/factuality-en/``: UDS-IH2, UW, MEANTIME; a
  score in [-3, 3] per event word): a factuality model (happened / uncertain / did not
  happen) read at the event word, over the same context features the status model uses.
* kg's own stand-off annotations (``annotations/`` through ``scripts/annotations.py``,
  train/test split by document hash): the status of every relation, read at the
  relation's cue (or the words between its parties when it has none), with the
  factuality model's answer at that place as features.

Logistic regressions (scikit-learn, lbfgs, one BLAS thread, sorted vocabulary, rounded
weights: the same data give the same bytes). C and the way rules and model combine are
chosen by 5-fold cross-validation on train (folds by document hash), averaged over several partitions of
the documents into folds: per language the most accurate setting within one standard error, then the most
denials, then the simplest (docs/status.md, kg.train.statuscv). Writes
``ontology/models/status.json``.

    python scripts/train_status.py                  # train, write, print figures
    python scripts/train_status.py --no-write       # figures only
    python scripts/train_status.py --no-write --no-test   # tuning: cross-validation on train only, test never read
    python scripts/train_status.py --out /tmp/m/status.json   # write elsewhere (a folder for --models)
    python scripts/train_status.py --rules-only     # figures of the rules alone (no training)
    python scripts/train_status.py --json figures.json
    python scripts/train_status.py --no-write --no-test --partitions 1   # quicker, noisier choice
    python scripts/train_status.py --no-write --no-test --c 10   # C fixed (trust still chosen)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import annotations  # noqa: E402  (scripts/annotations.py: kg's hand annotations and their corpus)
from kg.extract import status as S  # noqa: E402

# The data, training and scoring live in the package (kg train uses them too); re-exported here.
from kg.train.logreg import MIN_COUNT  # noqa: E402, F401
from kg.train.status import (  # noqa: E402, F401
    C_GRID,
    DIGITS,
    FACT_FILES,
    LICENCES,
    PARTITIONS,
    Item,
    context,
    cross_validate,
    example_items,
    fact_model,
    folds,
    linear_json,
    make_event,
    make_item,
    model_text,
    predict,
    predict_items,
    rules,
    scores,
    show,
    status_feats,
    token_span,
    train,
)
from kg.train.status import read_factuality as _read_factuality  # noqa: E402
from kg.train.statustrust import MIN_GRID, NEVER, TRUST_GRID  # noqa: E402, F401

DEFAULT_SHARED = ROOT.parent / "shared"


def read_annotations(split: str, shared: Path = DEFAULT_SHARED) -> list[Item]:
    """The relations of kg's annotated units of one split, read where their status is read."""
    return example_items(annotations.examples(split, shared=shared))


def read_factuality(shared: Path = DEFAULT_SHARED, files: Sequence[str] = FACT_FILES) -> list[Item]:
    """Every event of the English factuality files, without the sentences kg's annotations hold
    on their test side (by id and by text)."""
    return _read_factuality(shared, files, annotations)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _sha_dir(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.jsonl")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def _dump(path: Path, items: Sequence[Item], cv: tuple[list[tuple[str, float]], dict[str, Any]] | None) -> None:
    """The train relations the rules, the model (out of fold, partition 0) or the combination get wrong, one JSON
    object a line (:func:`kg.train.statusdump.row`); with ``cv`` None (``--rules-only``), the rules' errors."""
    from kg.train.statusdump import row

    asked = iter(cv[0]) if cv is not None else None
    lines = []
    for it in items:
        rule = rules(it)
        learned = (rule, 1.0)
        if asked is not None and it.relation not in S.NEGATION_ONLY:
            learned = next(asked)
        both = rule if cv is None else S.combine(rule, *learned, cv[1].get(it.language, {}))
        if it.label != rule or it.label != learned[0] or it.label != both:
            lines.append(json.dumps(row(it, rule, learned, both), ensure_ascii=False, sort_keys=True))
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{path}: {len(lines)} relations some reader gets wrong")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--rules-only", action="store_true", help="figures of the rules alone, no training")
    ap.add_argument("--with-uw", action="store_true", help="also learn from UW (terms not stated)")
    ap.add_argument("--no-factuality", action="store_true", help="ablation: no factuality features")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--no-test", action="store_true",
                    help="never read the test split (for tuning: train and cross-validation figures only)")
    ap.add_argument("--out", type=Path, help="write the model here instead of the shipped ontology/models/status.json")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--dump", type=Path,
                    help="write the train relations some reader gets wrong here (JSON lines: where the rules read "
                         "each, the construction, the rules', model's (out of fold) and combined answers)")
    ap.add_argument("--partitions", type=int, default=PARTITIONS,
                    help=f"fold partitions the cross-validation averages (default {PARTITIONS}; 1: the old single "
                         "partition, quicker but noisier)")
    ap.add_argument("--c", type=float, action="append",
                    help="the status model's C (repeat for a grid; default: cross-validation picks from "
                         f"{', '.join(f'{c:g}' for c in C_GRID)}): judge a rule change at a fixed C")
    args = ap.parse_args(argv)
    figures: dict[str, Any] = {}
    # tuning runs must not see the test split at all, not even its confusion tables
    splits = ("train",) if args.no_test else ("train", "test")
    data = {sp: read_annotations(sp, args.shared) for sp in splits}
    model: S.StatusModel | None = None
    if not args.rules_only:
        files = (*FACT_FILES, "uw.jsonl") if args.with_uw else FACT_FILES
        fact_items = [] if args.no_factuality else read_factuality(args.shared, files)
        meta = {"data": {f: {"sha256": _sha(args.shared / "train" / "factuality-en" / f), "licence": LICENCES[f]}
                         for f in files} | {"annotations": {"licence": LICENCES["annotations"], "sha256": _sha_dir(
                             ROOT / "annotations")}}}
        text, cv = train(fact_items, data["train"], meta=meta, partitions=args.partitions,
                         c_grid=tuple(args.c or C_GRID))
        answers = cv.pop("answers")
        figures["cv"] = cv
        print(f"cross-validation on train ({cv['partitions']} partitions): C={cv['c']} minimum backing "
              f"{cv['minimum_backing']} (held-out accuracy {cv['held_out_accuracy']}) trust in the rules "
              f"{cv['trust']} (score by language {cv['cv_scores']}, rules alone {cv['cv_scores_rules_only']})")
        for lang, table in cv["table"]["held out by setting"].items():
            print(f"  held out, {lang}: " + "; ".join(f"{s} {v['accuracy']} ({v['denied']} denied)"
                                                     for s, v in table.items()))
        for lang, figs in cv["out_of_fold"].items():
            for reader, sc in figs.items():
                show(f"cross-validation (out of fold), train, {lang}, {reader}", sc, confusion=reader == "combined")
        model = S.StatusModel(json.loads(text), source="fresh")
        out = args.out or S.model_path()
        print(f"{S.MODEL_FILE}: {len(text.encode())} bytes, sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]}")
        if not args.no_write:
            out.write_text(text, encoding="utf-8")
    for sp, items in data.items():
        for lang in ("en", "id"):
            its = [it for it in items if it.language == lang]
            gold = [it.label for it in its]
            rule = [rules(it) for it in its]
            sc = scores(gold, rule)
            figures[f"rules_{sp}_{lang}"] = sc
            show(f"rules, {sp}, {lang}", sc, confusion=args.rules_only)
            if model is not None:
                learned = predict_items(model, its)
                figures[f"model_{sp}_{lang}"] = sc = scores(gold, [m for m, _ in learned])
                show(f"model, {sp}, {lang}", sc)
                both = [S.combine(r, m, p, model.trust_in_rules(lang))
                        for r, (m, p) in zip(rule, learned, strict=True)]
                figures[f"combined_{sp}_{lang}"] = sc = scores(gold, both)
                show(f"combined, {sp}, {lang}", sc, confusion=sp == "test")
    if args.dump:
        _dump(args.dump, data["train"], None if model is None else (answers, figures["cv"]["trust"]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
