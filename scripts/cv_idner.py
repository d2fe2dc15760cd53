"""kg's default engine on idner-news-2k *train*, read by taggers that never saw the sentences they read.

The shipped Indonesian tagger is trained on idner train, so ``kg eval`` on that file flatters the
tagger (entity F1 0.91 there, 0.81 on idner dev). Here fold f's tagger is trained (``kg.train.ner.train``,
the settings of ``scripts/train_ner.py``) on every Indonesian training sentence except idner train's
fold f (sentence number mod k), and the default engine reads fold f with it (``--models``); the other
models stay the shipped ones. ``train`` writes the k taggers and the k gold files (also a copy in which
untagged country names are optional, ``scripts/idner_countries.py``); ``eval`` scores them.

    python scripts/cv_idner.py train --folds 2 --dir /tmp/idcv    # about 3 min per fold on a quiet machine
    python scripts/cv_idner.py eval --folds 2 --dir /tmp/idcv

``--set conll04`` does the same for CoNLL04 train and the English tagger (no country copy; the eval also
prints relation figures, read with the shipped relation classifier, which saw CoNLL04 train):

    python scripts/cv_idner.py train --set conll04 --folds 2 --dir /tmp/c04cv   # 5-25 min per fold (load)
    python scripts/cv_idner.py eval --folds 2 --dir /tmp/c04cv
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PREFIX = "idner-train-"
# the sets whose train file can be cross-validated: language and gold file under the shared folder
SETS = {"idner": ("id", "eval/idner/train.gold.jsonl"), "conll04": ("en", "eval/conll04/train.gold.jsonl")}


def fold_of(doc_id: str, k: int, prefix: str = PREFIX) -> int | None:
    """The fold of a train sentence of the set (its number mod ``k``); ``None`` for any other sentence.

    >>> fold_of("idner-train-7", 2), fold_of("conll04-train-7", 2), fold_of("conll04-train-7", 2, "conll04-train-")
    (1, None, 1)
    """
    return int(doc_id.rsplit("-", 1)[1]) % k if doc_id.startswith(prefix) else None


def train_folds(k: int, out: Path, shared: Path, params: dict[str, object] | None = None,
                name: str = "idner") -> None:
    import ner_company
    from idner_countries import main as countries
    from ner_data import annotated_units, training_docs

    from kg.train.ner import PARAMS, read_names, train

    language, rel = SETS[name]
    prefix = f"{name}-train-"
    gold = shared / rel
    files = [("asis", gold)]
    if name == "idner":
        optional = out / "countries-optional.jsonl"
        countries(["--shared", str(shared), "--gold", str(gold), "--write", str(optional)])
        files.append(("copt", optional))
    for kind, path in files:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for f in range(k):
            (out / f"{kind}-f{f}.jsonl").write_text(
                "".join(x for x in lines if fold_of(json.loads(x)["doc_id"], k, prefix) == f), encoding="utf-8")
    stats: Counter[str] = Counter()
    docs, _ = training_docs(language, shared, stats)
    orgs = ner_company.examples(annotated_units(language, "train", shared), language)
    acc, major = ner_company.cross_validate(orgs)
    company = ner_company.fit(orgs)
    if acc <= major:
        company = {"bias": company["bias"]}
    for f in range(k):
        d = out / f"f{f}"
        d.mkdir(parents=True, exist_ok=True)
        model, _ = train([x for x in docs if fold_of(x.id, k, prefix) != f], language, read_names(),
                         params or PARAMS, d, company=company)
        model.write(d / f"ner-{language}.tsv.gz", [f"{name} train fold {f} of {k} held out (scripts/cv_idner.py)"])
        print(f"fold {f}: {sum(fold_of(x.id, k, prefix) == f for x in docs)} {name} train sentences held out",
              flush=True)


def evaluate(k: int, out: Path) -> None:
    kinds = (("asis", "as annotated"), ("copt", "untagged countries optional"))
    for name, title in [(n, t) for n, t in kinds if (out / f"{n}-f0.jsonl").is_file()]:
        total: Counter[str] = Counter()
        rels: Counter[str] = Counter()
        by_type: dict[str, Counter[str]] = {}
        for f in range(k):
            run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(out / f"{name}-f{f}.jsonl"),
                                  "--models", str(out / f"f{f}"), "--json"],
                                 capture_output=True, text=True, check=False, cwd=ROOT)
            rep = json.loads(run.stdout)
            total.update({x: rep["entities"]["micro"][x] for x in ("tp", "fp", "fn")})
            rels.update({x: rep["relations"]["micro"][x] for x in ("tp", "fp", "fn")})
            (out / f"{name}-f{f}.report.json").write_text(run.stdout, encoding="utf-8")
            for t, v in rep["entities"]["by_type"].items():
                by_type.setdefault(t, Counter()).update({x: v[x] for x in ("tp", "fp", "fn")})
        print(f"{k}-fold taggers, {title}: entities {_prf(total)}; relations {_prf(rels)}")
        for t, c in sorted(by_type.items()):
            print(f"  {t}: {_prf(c)}")


def _prf(c: Counter[str]) -> str:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f} (FP {c['fp']}, FN {c['fn']})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("step", choices=("train", "eval"))
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--set", default="idner", choices=sorted(SETS), help="whose train file is cross-validated")
    args = ap.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.step == "train":
        train_folds(args.folds, args.dir, args.shared, name=args.set)
    else:
        evaluate(args.folds, args.dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
