"""What relation reading produces: a cue found in a sentence (:class:`Hit`) and a relation read (:class:`Found`).

Their own module because every relation construction (``relations``, ``adjacent``,
``sale``, ``stake``, ``owners``, ``sectorphrase``, ``learned``) builds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.lexicon import Cue
from kg.extract.mentions import Mention
from kg.extract.text import Sentence

__all__ = ["Found", "Hit"]


@dataclass(frozen=True, slots=True)
class Found:
    """One relation read from one sentence."""

    type: str
    subject: Mention
    object: Mention
    status: str
    sentence: Sentence
    speaker: Mention | None = None
    sector: Mention | None = None
    confidence: float = 0.6
    # read by a construction that says everything about the pair (kg.extract.sale): the pair
    # classifier adds no other link between them
    whole: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    i: int
    j: int
    cue: Cue
