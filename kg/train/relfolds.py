"""Out-of-fold relation models: the cross-validation's fold models saved, and the train units scored with them.

``scripts/train_relations.py --save-folds DIR`` writes, besides the shipped model, the five models of its
cross-validation (each fitted without one fold of :func:`kg.train.relations.folds_of`, partition 0) with the
final model's threshold and trust table, one model folder each (``DIR/fold0`` ... ``DIR/fold4``, holding only
``relations.json``: every other model is the shipped one), and ``DIR/folds.json`` naming the fold of every
training unit. ``scripts/eval_annotations.py --split train --fold-models DIR`` then extracts each train unit
with the model that did not see it (:func:`unit_models`), so that a rule change is judged on links of a
classifier that did not learn from those very units (the shipped one did).

The trust table averages the held-out counts of several partitions (:func:`mean_rows`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.train.reltrust import Rows

MANIFEST = "folds.json"
FORMAT = "kg-relfolds/1"


def mean_rows(rows: Mapping[float, tuple[float, float, float]], partitions: int) -> Rows:
    """Counts summed over ``partitions`` partitions as their mean (what one partition would count).

    >>> mean_rows({0.6: (9, 3, 6), 2.0: (6, 0, 9)}, 3)
    {0.6: (3.0, 1.0, 2.0), 2.0: (2.0, 0.0, 3.0)}
    """
    return {t: (tp / partitions, fp / partitions, fn / partitions) for t, (tp, fp, fn) in rows.items()}


def fold_dir(k: int) -> str:
    """The folder of fold ``k``'s model (relative to the ``--save-folds`` folder).

    >>> fold_dir(3)
    'fold3'
    """
    return f"fold{k}"


def unit_key(doc_id: str, start: int | str) -> str:
    """A training unit's id as the relation data names an annotated unit (``kg.train.reldata.annotation_docs``).

    >>> unit_key("cnbc-123", 0)
    'cnbc-123@0'
    """
    return f"{doc_id}@{start}"


def write_folds(out: Path, texts: Sequence[str], units: Iterable[tuple[str, int]], meta: dict[str, Any]) -> None:
    """Write the fold models ``texts`` (fold order) into ``out/fold<k>/relations.json`` and the manifest
    ``out/folds.json``: ``units`` (training unit id, fold) sorted by id, and ``meta`` (what they were trained
    from). The same inputs give the same bytes.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_folds(d, ["{}\\n", "{}\\n"], [("b@0", 1), ("a@5", 0)], {"model": "x"})
    >>> sorted(p.name for p in d.iterdir()), json.loads((d / MANIFEST).read_text())["units"]
    (['fold0', 'fold1', 'folds.json'], {'a@5': 0, 'b@0': 1})
    """
    from kg.extract.relmodel import MODEL_FILE

    for k, text in enumerate(texts):
        (out / fold_dir(k)).mkdir(parents=True, exist_ok=True)
        (out / fold_dir(k) / MODEL_FILE).write_text(text, encoding="utf-8")
    data = {"format": FORMAT, "folds": len(texts), **meta, "units": dict(sorted(units))}
    (out / MANIFEST).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def unit_models(folder: Path) -> dict[str, str]:
    """Training unit id -> the model folder that did not see it, from a ``--save-folds`` folder.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_folds(d, ["{}\\n", "{}\\n"], [("b@0", 1)], {})
    >>> Path(unit_models(d)["b@0"]).name
    'fold1'
    >>> unit_models(d / "fold0")
    Traceback (most recent call last):
    ...
    kg.errors.DataError: .../fold0/folds.json is missing: write the folds with scripts/train_relations.py --save-folds
    """
    path = folder / MANIFEST
    if not path.is_file():
        raise DataError(f"{path} is missing: write the folds with scripts/train_relations.py --save-folds")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(f"{path}: not a fold manifest ({FORMAT})")
    return {unit: str(folder / fold_dir(int(k))) for unit, k in data["units"].items()}
