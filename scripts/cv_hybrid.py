"""kg's default engine scored on its own train split with cross-validated taggers (entity errors not
flattered by a tagger that saw the sentences).

The shipped tagger was trained on the train split, so ``scripts/eval_annotations.py --split train`` shows
far fewer tagger errors than unseen text has (English: entity P 0.94 on train, 0.87 on test). Here the
tagger of fold f is trained (``kg.train.ner.train``, the settings of ``scripts/train_ner.py``) on all
training sentences except fold f's annotated units (folds by document, so the sentences of one article stay
together), and the default engine reads fold f with it (``--models``). The other models stay the shipped ones.

    python scripts/cv_hybrid.py train --language en --folds 3 --dir /tmp/cv     # k taggers (minutes each)
    python scripts/cv_hybrid.py eval --language en --folds 3 --dir /tmp/cv --json cv.json

With ``--caseless`` the folds' caseless taggers (``ner-<language>-lower``) are trained instead; the engine reads
sentences without capitals with them (and the rest with the shipped cased tagger, which saw every unit: score
the lowercase units for a fair figure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def fold_of(doc_id: str, k: int) -> int:
    """The fold of a gold unit ``<document>:<offset>``: by document, stable across runs."""
    return int(hashlib.sha256(doc_id.rsplit(":", 1)[0].encode()).hexdigest(), 16) % k


def fold_company(units: Sequence[object], held: set[int], language: str) -> dict[str, object]:
    """The Company-or-Organisation model of a fold: fitted on the units it does not hold out, and only its
    bias when cross-validation says it does no better than always answering the majority type."""
    import ner_company

    orgs = ner_company.examples([u for i, u in enumerate(units) if i not in held], language)
    acc, major = ner_company.cross_validate(orgs)
    company: dict[str, object] = ner_company.fit(orgs)
    return company if acc > major else {"bias": company["bias"]}


def train_folds(language: str, k: int, out: Path, shared: Path, caseless: bool = False) -> None:
    from eval_annotations import gold_records
    from ner_data import annotated_units, training_docs

    from kg.train.ner import PARAMS, read_names, train

    recs = gold_records("train", language)
    stats: Counter[str] = Counter()
    docs, _ = training_docs(language, shared, stats)
    n = stats["annotations"]  # the annotated units come first, in the order of gold_records
    units = annotated_units(language, "train", shared)
    assert n == len(recs) == len(units), (n, len(recs), len(units))
    for f in range(k):
        held = {i for i in range(n) if fold_of(recs[i]["doc_id"], k) == f}
        company = fold_company(units, held, language)
        d = out / f"f{f}"
        d.mkdir(parents=True, exist_ok=True)
        model, _ = train([x for i, x in enumerate(docs) if i not in held], language, read_names(), PARAMS, d,
                         augment=not caseless, company=company, caseless=caseless)
        suffix = "-lower" if caseless else ""
        model.write(d / f"ner-{language}{suffix}.tsv.gz", [f"cross-validation fold {f} of {k} (scripts/cv_hybrid.py)"])
        print(f"fold {f}: {len(held)} units held out", flush=True)


def evaluate_folds(language: str, k: int, out: Path) -> dict[str, object]:
    from eval_annotations import gold_records

    from kg.evaluate import evaluate, parse_doc
    from kg.evaluate.command import pair_reader
    from kg.extract import extract
    from kg.extract.engine import Engine, as_engine

    engines = [as_engine(Engine(name="hybrid", models=str(out / f"f{f}"))) for f in range(k)]
    recs = gold_records("train", language)
    fold = {r["doc_id"]: fold_of(r["doc_id"], k) for r in recs}
    report = evaluate([parse_doc(r) for r in recs], lambda a: extract(a, engine=engines[fold[a.id]]),
                      pairs=pair_reader(engines[0]))
    return report.to_json()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("step", choices=["train", "eval"])
    ap.add_argument("--language", default="en", choices=["en", "id"])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--dir", type=Path, required=True, help="folder of the fold models")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, help="write kg eval's JSON report here")
    ap.add_argument("--caseless", action="store_true",
                    help="train the caseless taggers (ner-<language>-lower) of the folds instead of the cased ones")
    args = ap.parse_args(argv)
    if args.step == "train":
        train_folds(args.language, args.folds, args.dir, args.shared, args.caseless)
        return 0
    report = evaluate_folds(args.language, args.folds, args.dir)
    ents = report["entities"]
    assert isinstance(ents, dict)
    print(json.dumps({"micro": ents["micro"], "precision_by_type": ents["precision_by_type"],
                      "top_false_positives": ents["top_false_positives"]}, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
