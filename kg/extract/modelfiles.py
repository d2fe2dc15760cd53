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

from pathlib import Path

from kg.resources import ontology_dir

__all__ = ["CALIBRATION", "model_file", "shipped"]

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
