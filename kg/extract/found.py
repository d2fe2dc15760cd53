"""What relation reading produces: a cue found in a sentence (:class:`Hit`) and a relation read (:class:`Found`).

Their own module because every relation construction (``relations``, ``adjacent``,
``sale``, ``stake``, ``owners``, ``sectorphrase``, ``learned``) builds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.lexicon import Cue
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.slotinit import fast_init

__all__ = ["Found", "Hit", "outer_hits"]


@fast_init  # slots set directly (kg.slotinit)
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


@fast_init  # slots set directly: every cue word of every sentence (kg.slotinit)
@dataclass(frozen=True, slots=True)
class Hit:
    i: int
    j: int
    cue: Cue


# The last hits outer_hits was asked about, and its answer. It is asked once per relation of a sentence
# with the sentence's hits (quadratic in cues: a sentence full of deal words has as many relations as
# cues); the same hits are the same objects, compared by identity first, never hashed. Replaced whole.
_OUTER: dict[str, tuple[tuple[Hit, ...], tuple[Hit, ...]]] = {}


def outer_hits(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    """The hits not inside a longer status cue's: "rule out" says denied, "not rule out" rumoured.

    >>> from kg.extract.lexicon import Cue
    >>> rule_out, not_rule_out = Cue(("rule", "out"), status="denied"), Cue(("not", "rule", "out"), status="rumored")
    >>> [h.cue.status for h in outer_hits([Hit(3, 6, not_rule_out), Hit(4, 6, rule_out)])]
    ['rumored']
    """
    key = tuple(hits)
    got = _OUTER.get("last")
    if got is None or got[0] != key:
        spans = [(o.i, o.j) for o in key if o.cue.status]
        got = _OUTER["last"] = (key, tuple(o for o in key if not any(i <= o.i and o.j <= j and j - i > o.j - o.i
                                                                      for i, j in spans)))
    return got[1]
