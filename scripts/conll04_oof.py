"""CoNLL04 train read fully out of fold: neither the tagger nor the relation classifier saw the sentence.

``scripts/cv_idner.py --set conll04`` gives taggers that did not see a CoNLL04 train sentence, but its eval reads
relations with the shipped classifier, which was trained on CoNLL04 train: relation F1 about 0.71 there against
0.57 on CoNLL04 dev (session 14). Here each sentence is read with its tagger fold (sentence number mod k, as
``cv_idner.py``) and with the relation model of ``scripts/train_relations.py --save-folds DIR`` whose fold held it
out (:func:`kg.train.relations.folds_of` of its id, partition 0; the manifest lists only the annotated units, so the
fold is computed here). Out of fold, the figures are close to dev's (relation F1 0.583, P 0.669, R 0.516).

    python scripts/cv_idner.py train --set conll04 --folds 2 --dir /tmp/c04cv    # the tagger folds
    python scripts/conll04_oof.py --taggers /tmp/c04cv --relations /work/retrain13b/fold-models --out /tmp/c04oof

``--out`` receives one model folder per (tagger fold, relation fold), holding links to the two models (every other
model is the shipped one), and ``report.json`` (kg eval's JSON report, per_document included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def model_folder(doc_id: str, taggers: Path, relations: Path, out: Path, k: int) -> Path:
    """The folder of models that did not see ``doc_id``: links to its tagger fold (sentence number mod ``k``)
    and relation fold (:func:`kg.train.relations.folds_of`), made on first use."""
    from types import SimpleNamespace

    from kg.train.relations import folds_of

    f = int(doc_id.rsplit("-", 1)[1]) % k
    r = folds_of([SimpleNamespace(id=doc_id)])[0]
    d = out / f"t{f}-r{r}"
    if not d.is_dir():
        d.mkdir(parents=True)
        for src in (taggers / f"f{f}" / "ner-en.tsv.gz", taggers / f"f{f}" / "ner-en.crfsuite",
                    relations / f"fold{r}" / "relations.json"):
            if src.exists():
                os.symlink(src.resolve(), d / src.name)
    return d


def main(argv: list[str] | None = None) -> int:
    from kg.engine_cli import add_engine_options, engine_from_args
    from kg.evaluate.command import pair_reader
    from kg.evaluate.gold import load_gold
    from kg.evaluate.report import evaluate
    from kg.extract import extract

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--taggers", type=Path, required=True, help="cv_idner.py --set conll04 folder (f0, f1, ...)")
    ap.add_argument("--relations", type=Path, required=True, help="train_relations.py --save-folds folder")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=2, help="tagger folds (default 2)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    add_engine_options(ap)
    args = ap.parse_args(argv)
    engine = engine_from_args(args)
    docs = load_gold(str(args.shared / "eval" / "conll04" / "train.gold.jsonl"))

    def extractor(article):  # type: ignore[no-untyped-def]
        d = model_folder(article.id, args.taggers, args.relations, args.out, args.folds)
        return extract(article, engine=replace(engine, models=str(d)))

    report = json.loads(evaluate(docs, extractor, gold="conll04 train", system=f"out of fold {engine.key}",
                                 worst=0, pairs=pair_reader(engine)).dumps())
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    for part in ("entities", "relations"):
        for name, c in [("all", report[part]["micro"]), *sorted(report[part]["by_type"].items())]:
            print(f"{part} {name}: P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f} "
                  f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
