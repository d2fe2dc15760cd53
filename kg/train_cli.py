"""``kg train``: retrain kg's name taggers on annotations (``kg annotate``'s) and write a model folder.

``kg train --annotations FILE... -o MODELS_DIR`` retrains the CRF name tagger
(:mod:`kg.train.ner`) of every language the annotations hold, on kg's training
data (``--base full``) or on the annotations alone (``--base none``: plus the
word lists shipped with kg), prints the dev figures of the current and the new
tagger, and writes a folder that ``kg build --models MODELS_DIR`` reads
(:mod:`kg.extract.modelfiles`): the retrained ``ner-<language>.tsv.gz``, copies of
the other current models, and a ``README.md`` naming the data. The same
annotations and data give the same bytes. Method and timings: ``docs/train.md``.

kg's training data is the data folder (``--data DIR``, else ``$KG_TRAIN_DATA``,
else ``../shared`` beside a repository checkout) with the public NER sets
(:data:`kg.train.ner_data.SOURCES`), plus kg's hand annotations when kg runs from
a checkout (``annotations/`` joined with the corpus by ``scripts/annotations.py``).

Dev figures: the dev set of the language in the data folder (idner-news-2k dev
for ``id``, CoNLL04 dev for ``en``) when there is one; else the annotations of
the documents that :func:`kg.annotations.split_of` puts on the test side, which
are then not trained on.

>>> import argparse
>>> p = argparse.ArgumentParser(prog="kg")
>>> register(p.add_subparsers(dest="command"))
>>> a = p.parse_args(["train", "--annotations", "a.jsonl", "-o", "m", "--base", "none"])
>>> a.func is cmd_train, a.annotations, a.base
(True, ['a.jsonl'], 'none')
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError

if TYPE_CHECKING:
    import argparse

    from kg.train.ner_data import Doc

__all__ = ["cmd_train", "data_folder", "register"]

_ROOT = Path(__file__).resolve().parent.parent
EXTRA = "pip install 'kg[train]' (python-crfsuite, scikit-learn)"


def register(sub: Any) -> None:
    """Add ``train`` to ``kg``'s sub-commands."""
    p = sub.add_parser(
        "train", help="retrain the name taggers on annotations (kg annotate's) into a model folder",
        description="Retrain kg's name taggers on kg's training data plus annotations written by kg annotate; "
                    "write a model folder for kg build --models DIR (docs/train.md).")
    p.add_argument("--annotations", nargs="+", required=True, metavar="FILE",
                   help="annotation files (kg annotate's format: docs/annotations.md)")
    p.add_argument("-o", "--output", required=True, metavar="MODELS_DIR", help="the model folder to write")
    p.add_argument("--base", choices=("full", "none"), default="full",
                   help="full: kg's training data plus the annotations (minutes per language); "
                        "none: the annotations alone (default: full)")
    p.add_argument("--data", metavar="DIR",
                   help="kg's training data folder (default: $KG_TRAIN_DATA, else ../shared beside the repository)")
    p.add_argument("--max-iterations", type=int, default=None, metavar="N",
                   help="L-BFGS iterations of the CRF (default: as the shipped models)")
    p.set_defaults(func=cmd_train)


def data_folder(given: str | None) -> Path | None:
    """The training data folder: ``given``, else ``$KG_TRAIN_DATA``, else ``../shared`` beside the
    repository when there is one; ``None`` when none exists."""
    for candidate in (given, os.environ.get("KG_TRAIN_DATA"), str(_ROOT.parent / "shared")):
        if candidate:
            if Path(candidate).is_dir():
                return Path(candidate)
            if candidate is given:
                raise UsageError(f"--data {given}: not a folder")
    return None


def _hand_annotations() -> Any:
    """``scripts/annotations.py`` of a repository checkout (kg's hand annotations and their corpus
    join), or ``None`` in an installed kg."""
    path = _ROOT / "scripts" / "annotations.py"
    if not (path.is_file() and (_ROOT / "annotations").is_dir()):
        return None
    if "kg_annotations" in sys.modules:  # as scripts/eval_annotations.py loads it
        return sys.modules["kg_annotations"]
    spec = importlib.util.spec_from_file_location("kg_annotations", path)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["kg_annotations"] = mod
    spec.loader.exec_module(mod)
    return mod


def _need_extras() -> None:
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        raise UsageError(f"kg train needs the training extras: {EXTRA}") from None


def _read_annotations(files: list[str]) -> tuple[list[Any], list[str]]:
    """The examples of every file, and one line per file for the model headers (name, units, hash)."""
    from kg.annotations import AnnotationError, materialise_sources, read_units

    examples: list[Any] = []
    named: list[str] = []
    for name in files:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"--annotations {name}: no such file")
        try:
            units = read_units(path)
            got = materialise_sources(units)
        except AnnotationError as exc:
            raise UsageError(f"--annotations {name}: {exc}") from None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        named.append(f"{path.name} ({len(units)} units, sha256 {digest})")
        examples += got
    return examples, named


def _summary(title: str, docs: list[Doc], model: Any) -> str:
    from kg.train.ner import predictor, prf, score

    c = score(docs, predictor(model))
    parts = []
    for typ in ("Organization", "Person", "Place", "micro"):
        tp, npred, ngold = c["span"][typ]
        if ngold or npred:
            parts.append(f"{typ} {prf(tp, npred, ngold)[2]:.3f}")
    return f"  {title:8} span F1: " + ", ".join(parts)


def _company_weights(units: list[tuple[str, list[tuple[int, int, str]]]]) -> tuple[dict[str, float], str]:
    from kg.train import company as co

    orgs = co.examples(units)
    acc, major = co.cross_validate(orgs)
    weights = co.fit(orgs)
    if acc <= major:  # the words do not beat the prior: keep the prior alone
        weights = {"bias": weights["bias"]}
    return weights, f"{len(orgs)} annotated names, 5-fold CV accuracy {acc:.3f} (majority type {major:.3f})"


def _train_language(lang: str, examples: list[Any], named: list[str], args: argparse.Namespace,
                    data: Path | None, out: Path, tmp: Path) -> list[str]:
    """Retrain the tagger of ``lang``; print figures; return the README lines."""
    from kg.annotations import split_of
    from kg.extract.ner import Model, model_path
    from kg.train.ner import PARAMS, read_names, train
    from kg.train.ner_data import DEV, example_docs, example_units, read_gold, training_docs

    dev_file = data / DEV[lang] if data is not None and lang in DEV else None
    if dev_file is not None and dev_file.is_file():
        dev, dev_name = read_gold(dev_file), f"{DEV[lang]} of the data folder"
        new = examples
    else:
        dev = example_docs([x for x in examples if split_of(x.unit.doc_id) == "test"], lang)
        dev_name = "the annotations' held-out documents (kg.annotations.split_of; not trained on)"
        new = [x for x in examples if split_of(x.unit.doc_id) != "test"]
    docs = example_docs(new, lang, source="kg train annotations")
    units = example_units(new, lang)
    used = [f"annotations given to kg train: {len(docs)} units of {', '.join(named)}"]
    if args.base == "full":
        ann = _hand_annotations()
        assert data is not None
        base, base_used = training_docs(lang, data, Counter(), ann)
        docs = base + docs
        used = base_used + used
        if ann is not None:
            from kg.train.ner_data import annotated_units

            units = annotated_units(ann, lang, "train", data) + units
    params = dict(PARAMS)
    if args.max_iterations is not None:
        params["max_iterations"] = args.max_iterations
    company, company_note = _company_weights(units)
    print(f"kg train: {lang}: {len(docs)} training sentences (base: {args.base}); Company or Organization: "
          f"{company_note}", flush=True)
    t0 = time.perf_counter()
    model, _ = train(docs, lang, read_names(), params, tmp, company=company)
    secs = time.perf_counter() - t0
    header = [f"Named-entity model of kg for language {lang!r}, trained by kg train (--base {args.base}) on:",
              *(f"  {u}" for u in used), "  plus title-cased copies of the sentences that carry capitals.",
              f"Settings: {params}."]
    target = model.write(out / f"ner-{lang}.tsv.gz", header)
    print(f"kg train: {lang}: trained in {secs:.1f} s -> {target}")
    if dev:
        print(f"kg train: {lang}: dev figures on {dev_name} ({len(dev)} sentences)")
        print(_summary("before", dev, Model.read(model_path(lang))))
        print(_summary("after", dev, model))
    else:
        print(f"kg train: {lang}: no dev figures (no dev set in the data folder, no held-out annotations)")
    return [f"- `ner-{lang}.tsv.gz`: retrained (--base {args.base}); its header names the data:",
            *(f"  - {u}" for u in used)]


def cmd_train(args: argparse.Namespace) -> int:
    """Run ``kg train``."""
    _need_extras()
    data = data_folder(args.data)
    if args.base == "full" and data is None:
        raise UsageError("kg train --base full needs kg's training data: --data DIR or KG_TRAIN_DATA "
                         "(docs/train.md), or --base none to train on the annotations alone")
    examples, named = _read_annotations(args.annotations)
    languages = sorted({x.unit.language for x in examples})
    if not languages:
        raise UsageError("the annotation files hold no unit")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: not a folder")
    out.mkdir(parents=True, exist_ok=True)
    readme = ["# Models written by kg train", "", "Use: `kg build INPUT... --models <this folder>`.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        for lang in languages:
            readme += _train_language(lang, examples, named, args, data, out, Path(tmp))
    from kg.io import atomic_write
    from kg.resources import ontology_dir

    # The other current models, so that the folder holds everything --models reads (and its digest,
    # which a store records, covers them all).
    retrained = {f"ner-{x}.tsv.gz" for x in languages}
    copied = []
    for src in sorted((ontology_dir() / "models").iterdir()):
        if src.is_file() and src.name.endswith((".tsv.gz", ".json")) and src.name not in retrained:
            shutil.copyfile(src, out / src.name)
            copied.append(src.name)
    readme += ["", "Copied unchanged from kg's shipped models (ontology/models): " + ", ".join(copied or ["none"])]
    atomic_write(out / "README.md", ["\n".join(readme) + "\n"])
    print(f"kg train: wrote {out} (retrained: {', '.join(f'ner-{x}' for x in languages)}; "
          f"copied: {len(copied)} files)")
    return 0
