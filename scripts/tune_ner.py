"""Tune the CRF settings of a named-entity tagger on one held-out fold of kg's train units.

The features are computed once (the jackknifed word lists of :func:`kg.train.ner.train`, the same sentences
and title-cased copies), then one CRF is trained per setting on everything except the held-out fold of
``scripts/cv_hybrid.py`` (by document) and scored alone (span P/R/F1 per type, :func:`kg.train.ner.score`)
on the held-out units as written. The held-out units also go to crfsuite as its holdout group, so its
log (``<dir>/<setting>.log``, JSON lines) shows the label figures at every iteration (still learning at 150?).
Nothing is written to ``ontology/``: models go to ``--dir``.

    python scripts/tune_ner.py --language id --dir /tmp/tune --grid 0.1,0.01,150 0.02,0.1,150
    python scripts/tune_ner.py --language id --dir /tmp/tune --score /tmp/cv14-id/f0/ner-id.tsv.gz
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def folds(language: str, k: int, fold: int, shared: Path) -> tuple[list, list, dict | None]:  # type: ignore[type-arg]
    """The training sentences less the held-out fold, the held-out units, and the company classifier."""
    from cv_hybrid import fold_company, fold_of
    from eval_annotations import gold_records
    from ner_data import annotated_units, training_docs

    recs = gold_records("train", language)
    stats: Counter[str] = Counter()
    docs, _ = training_docs(language, shared, stats)
    n = stats["annotations"]
    units = annotated_units(language, "train", shared)
    held = {i for i in range(n) if fold_of(recs[i]["doc_id"], k) == fold}
    company = fold_company(units, held, language)
    return [x for i, x in enumerate(docs) if i not in held], [docs[i] for i in sorted(held)], company


def figures(counts: dict) -> dict[str, list[float]]:  # type: ignore[type-arg]
    from kg.extract.ner import TYPES
    from kg.train.ner import prf

    return {t: [round(x, 4) for x in prf(*counts["span"][t])] for t in (*TYPES, "micro")}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--language", default="id", choices=["en", "id"])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--grid", nargs="*", default=[], help="c1,c2,iterations ...")
    ap.add_argument("--score", nargs="*", default=[], type=Path, help="score these model files too")
    args = ap.parse_args(argv)

    import pycrfsuite

    from kg.extract.ner import Model, features
    from kg.train.ner import JACKKNIFE, PARAMS, labels, predictor, read_names, resources, score
    from kg.train.ner_data import title_copies

    args.dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    train_docs, held, company = folds(args.language, args.folds, args.fold, args.shared)
    print(f"{len(train_docs)} training sentences, {len(held)} held-out units ({time.time() - t0:.0f} s)", flush=True)
    for path in args.score:
        fig = figures(score(held, predictor(Model.read(path))))
        print(json.dumps({"model": str(path), "span": fig}), flush=True)
    if not args.grid:
        return 0
    names = read_names()
    t0 = time.time()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for part in range(JACKKNIFE):
        res = resources([d for n, d in enumerate(train_docs) if n % JACKKNIFE != part], names, args.language)
        for n, d in enumerate(train_docs):
            if n % JACKKNIFE == part and d.tokens:
                for x in [d, *title_copies([d])]:
                    trainer.append(features(x.tokens, res), labels(x), 0)
    full = resources(train_docs, names, args.language)
    for d in held:
        if d.tokens:
            trainer.append(features(d.tokens, full), labels(d), 1)
    print(f"features: {time.time() - t0:.0f} s", flush=True)
    for setting in args.grid:
        c1, c2, iters = setting.split(",")
        params = {**PARAMS, "c1": float(c1), "c2": float(c2), "max_iterations": int(iters)}
        trainer.set_params(params)
        tag = f"c1={c1}_c2={c2}_it={iters}"
        t0 = time.time()
        crf = args.dir / f"{tag}.crfsuite"
        trainer.train(str(crf), holdout=1)
        took = time.time() - t0
        log = [json.dumps(it, default=str) for it in trainer.logparser.iterations]
        (args.dir / f"{tag}.log").write_text("\n".join(log) + "\n", encoding="utf-8")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(crf))
        info = tagger.info()
        labs = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
        model = Model(args.language, labs, info.transitions, info.state_features, full, company)
        out = model.write(args.dir / f"{tag}.tsv.gz", [tag])
        fig = figures(score(held, predictor(model)))
        print(json.dumps({"setting": tag, "seconds": round(took), "size": out.stat().st_size,
                          "features": len(info.state_features), "span": fig}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
