"""Where a model file is read from: a model folder given with ``--models``, else the shipped one.

``kg train`` writes a folder holding the files it retrained (and copies of the others);
``kg build --models DIR`` (:class:`kg.extract.engine.Engine`) reads each model from that
folder, and a file the folder lacks from ``ontology/models/`` (the calibration table from
``ontology/calibration.json``), so a folder with only ``ner-id.tsv.gz`` is a valid one.

>>> model_file("status.json", None).relative_to(ontology_dir()).as_posix()
'models/status.json'
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "status.json").write_text("{}")
>>> model_file("status.json", str(d)) == d / "status.json", model_file("relations.json", str(d)).parent.name
(True, 'models')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.resources import ontology_dir

__all__ = ["CALIBRATION", "model_file", "read_json_object", "shipped"]

# The calibration table sits beside the models in a model folder, in ontology/ when shipped.
CALIBRATION = "calibration.json"


def shipped(name: str) -> Path:
    """The shipped file ``name`` (``ontology/models/<name>``; the calibration table in ``ontology/``)."""
    return ontology_dir() / name if name == CALIBRATION else ontology_dir() / "models" / name


def model_file(name: str, models: str | None) -> Path:
    """``<models>/<name>`` if the folder has that file, else the shipped one."""
    if models is not None:
        path = Path(models) / name
        if path.is_file():
            return path
    return shipped(name)


def read_json_object(path: Path, what: str, rebuild: str = "") -> dict[str, Any]:
    """A model file holding one JSON object; a DataError naming the file (and ``rebuild``, how to
    make it again) when it is not JSON, not UTF-8, or not an object. Missing files are the caller's.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"; _ = p.write_text("[1]")
    >>> read_json_object(p, "status model")
    Traceback (most recent call last):
    ...
    kg.errors.DataError: .../m.json: malformed status model (not a JSON object)
    """
    try:
        data = json.loads(path.read_bytes())
    except ValueError as exc:  # not UTF-8 included
        raise DataError(f"{path}: not JSON ({exc})" + (f"; {rebuild}" if rebuild else "")) from None
    if not isinstance(data, dict):
        raise DataError(f"{path}: malformed {what} (not a JSON object)")
    return data
