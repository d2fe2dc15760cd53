"""What relation reading produces: a cue found in a sentence (:class:`Hit`) and a relation read (:class:`Found`).

Their own module because every relation construction (``relations``, ``adjacent``,
``sale``, ``stake``, ``owners``, ``sectorphrase``, ``learned``) builds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from kg.extract.lexicon import Cue
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.schema import link_key
from kg.slotinit import fast_init

__all__ = ["Found", "Hit", "moved_parties", "outer_hits"]


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


def moved_parties(found: Iterable[Found], moved: Mapping[str, Mention | None]) -> list[Found]:
    """``found`` with each party whose key ``moved`` maps given to the mention it maps to, and the links of a
    party it maps to ``None`` dropped; none twice, none between a name and itself. For the rules that say a
    link belongs to another name of the sentence (a former name's to the present one, a ticker's to its
    company: :mod:`kg.extract.formernames`, :mod:`kg.extract.listing`).

    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Lumeo bought Vexo from Zeta"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> def m(i, name):
    ...     return Mention(0, i, i + 1, 0, 0, name, "Company", name.lower(), name, "ner")
    >>> lumeo, vexo, zeta = m(0, "Lumeo"), m(2, "Vexo"), m(4, "Zeta")
    >>> links = [Found("acquisition", lumeo, vexo, "asserted", s), Found("acquisition", zeta, vexo, "asserted", s)]
    >>> [(f.subject.text, f.object.text) for f in moved_parties(links, {"zeta": lumeo})]
    [('Lumeo', 'Vexo')]
    >>> [(f.subject.text, f.object.text) for f in moved_parties(links, {"zeta": None})]
    [('Lumeo', 'Vexo')]
    """
    out: list[Found] = []
    have: set[tuple[str, str, str]] = set()
    for f in found:
        subj = moved.get(f.subject.key, f.subject)
        obj = moved.get(f.object.key, f.object)
        if subj is None or obj is None:
            continue
        key = link_key(f.type, subj.key, obj.key)
        if subj.key == obj.key or key in have:
            continue
        have.add(key)
        out.append(f if (subj, obj) == (f.subject, f.object) else replace(f, subject=subj, object=obj))
    return out


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
