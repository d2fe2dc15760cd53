"""Company or Organization for the tagger's Organization names: moved to :mod:`kg.train.company`
(kept so that ``scripts/train_ner.py`` and older notes still find it)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.train.company import MIN_COUNT, SMOOTH, Example, cross_validate, examples, fit, predict  # noqa: E402

__all__ = ["MIN_COUNT", "SMOOTH", "Example", "cross_validate", "examples", "fit", "predict"]
