"""``kg train``: retrain kg's models on annotations (``kg annotate``'s) and write a model folder.

``kg train --annotations FILE... -o MODELS_DIR`` retrains (:mod:`kg.train.retrain`)
the CRF name tagger of every language the annotations hold, the relation classifier
when they hold relations and the status model when those carry two statuses, on
kg's training data (``--base full``) or on the annotations alone (``--base none``:
plus the word lists shipped with kg), prints the dev figures of the current and
the new models, and writes a folder that ``kg build --models MODELS_DIR`` reads
(:mod:`kg.extract.modelfiles`): the retrained files, copies of the other current
models, and a ``README.md`` naming the data. The same annotations and data give
the same bytes. Method and timings: ``docs/train.md``.

kg's training data is the data folder (``--data DIR``, else ``$KG_TRAIN_DATA``,
else ``../shared`` beside a repository checkout) with the public NER sets
(:data:`kg.train.ner_data.SOURCES`), plus kg's hand annotations when kg runs from
a checkout (``annotations/`` joined with the corpus by ``scripts/annotations.py``).

Dev figures: a dev set of the data folder when it has one for the model and
language (idner-news-2k dev and CoNLL04 dev for the taggers, CoNLL04 dev for
English relations); else the annotations of the documents that
:func:`kg.annotations.split_of` puts on the test side, which that model is then
not trained on.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError

if TYPE_CHECKING:
    import argparse


__all__ = ["cmd_train", "data_folder", "register"]

_ROOT = Path(__file__).resolve().parent.parent
EXTRA = "pip install 'kg[train]' (python-crfsuite, scikit-learn)"


def register(sub: Any) -> None:
    """Add ``train`` to ``kg``'s sub-commands."""
    p = sub.add_parser(
        "train", help="retrain the models on annotations (kg annotate's) into a model folder for --models",
        description="Retrain kg's name taggers, relation classifier and status model on kg's training data plus "
                    "annotations written by kg annotate; print dev figures before and after; write a model folder "
                    "for kg build --models DIR (docs/train.md).")
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


def _hand_annotations(data: Path) -> Any:
    """``scripts/annotations.py`` of a repository checkout (kg's hand annotations and their corpus
    join), or ``None`` in an installed kg or when the data folder lacks their corpus."""
    path = _ROOT / "scripts" / "annotations.py"
    if not (path.is_file() and (_ROOT / "annotations").is_dir()):
        return None
    mod = _load_script(path)
    try:
        mod.held_out(shared=data)  # reads the corpus the hand annotations need, and checks them against it
    except (OSError, ValueError) as exc:
        print(f"kg train: kg's hand annotations ({_ROOT / 'annotations'}) are left out: their texts are not in "
              f"the data folder {data} ({exc})")
        return None
    return mod


def _load_script(path: Path) -> Any:
    if "kg_annotations" in sys.modules:  # as scripts/eval_annotations.py loads it
        return sys.modules["kg_annotations"]
    spec = importlib.util.spec_from_file_location("kg_annotations", path)
    assert spec is not None and spec.loader is not None
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


def cmd_train(args: argparse.Namespace) -> int:
    """Run ``kg train``."""
    from kg.io import atomic_write
    from kg.resources import ontology_dir
    from kg.train.retrain import Settings, relation_models, status_model, tagger

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
    if out.resolve() == (ontology_dir() / "models").resolve():
        raise UsageError(f"-o {out}: the shipped models; write another folder and use it with --models "
                         "(scripts/train_*.py rebuild the shipped ones)")
    st = Settings(args.base, data, _hand_annotations(data) if args.base == "full" and data else None, tuple(named),
                  args.max_iterations)
    out.mkdir(parents=True, exist_ok=True)
    readme = ["# Models written by kg train", "", "Use: `kg build INPUT... --models <this folder>`.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        for lang in languages:
            readme += tagger(lang, examples, st, out, Path(tmp))
    retrained = {f"ner-{x}.tsv.gz" for x in languages}
    for retrain in (relation_models, status_model):
        lines, written = retrain(examples, st, out)
        readme += lines
        retrained |= set(written)
    # The other current models, so that the folder holds everything --models reads (and its digest,
    # which a store records, covers them all).
    copied = []
    for src in sorted((ontology_dir() / "models").iterdir()):
        if src.is_file() and src.name.endswith((".tsv.gz", ".json")) and src.name not in retrained:
            shutil.copyfile(src, out / src.name)
            copied.append(src.name)
    readme += ["", "Copied unchanged from kg's shipped models (ontology/models): " + ", ".join(copied or ["none"])]
    atomic_write(out / "README.md", ["\n".join(readme) + "\n"])
    print(f"kg train: wrote {out} (retrained: {', '.join(sorted(retrained))}; copied: {', '.join(copied) or 'none'})")
    return 0
