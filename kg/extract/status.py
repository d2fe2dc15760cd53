"""The status of a relation a sentence states: asserted, denied, rumored, planned or ended.

Two readers, one answer:

* **Rules** (:func:`rule_status`, :mod:`kg.extract.statusrules`): the status cue phrases and constructions of
  ``ontology/lang/<code>/status/`` found around the relation's cue. Denial and plan
  cues reach forward (they must stand before the relation cue, or carry the
  ``either`` flag: "Kabar akuisisi X tidak benar"), rumour and ending cues reach
  either side, a negation right before the relation cue denies it, a question is a
  rumour. Completion and signing cues (``asserted.txt``) cancel a plan unless a plan
  cue governs them ("will sign", "akan meneken") or, for signing, the plan is what was
  signed ("signed a letter of intent to acquire").
* **Model** (:func:`model_status`): a logistic regression over the words and cue
  classes around the relation, and the output of a factuality model trained on
  English event-factuality data (UDS-IH2 and MEANTIME) read at the same place.
  Trained by ``scripts/train_status.py``, shipped as ``ontology/models/status.json``.

:func:`decide` joins them: what the combination is was decided by cross-validation
on the training annotations (``docs/status.md``).

The rules' examples run as doctests in :mod:`kg.extract.statusrules`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract.modelfiles import model_file, read_json_object
from kg.extract.statusfeat import context_features, party_features
from kg.extract.statusguard import guarded
from kg.extract.statusmodel import FORMAT, Linear, StatusModel
from kg.extract.statusrules import (
    ENDABLE_FACTS,
    NEGATION_ONLY,
    PRECEDENCE,
    fact_status,
    negation_status,
    read_rules,
    rule_cues,
    rule_status,
)

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

__all__ = [
    "ENDABLE_FACTS",
    "FORMAT",
    "MODEL_FILE",
    "NEGATION_ONLY",
    "PRECEDENCE",
    "Linear",
    "StatusModel",
    "anchor_of",
    "context_features",
    "decide",
    "fact_status",
    "load",
    "model_path",
    "model_status",
    "negation_status",
    "party_features",
    "read_rules",
    "rule_cues",
    "rule_status",
    "status_features",
]

MODEL_FILE = "status.json"


def anchor_of(hits: Sequence[Hit], relation: str, a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Where a relation read without its cue (the pair classifier's, or a gold pair) stands.

    The nearest cue of that relation type to the pair; else a cue of another relation type
    between the two mentions ("agreed to buy 50 pct of X": a stake read at "buy"); else the
    first word after the first mention. A cue word inside a party's name ("Giant Group Ltd",
    "Wallenberg group") is no place to read the relation at.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tuple(tokenize("Giant Group Ltd may buy 20 pct of Talon Ports"))
    >>> hits = find_cues(Sentence(0, 0, 45, "", toks), load_lexicon("en"))
    >>> anchor_of(hits, "investment", (0, 3), (8, 10))
    (4, 5)
    """
    lo, hi = min(a[0], b[0]), max(a[1], b[1])

    def dist(h: Hit) -> int:
        return 0 if lo <= h.i < hi else min(abs(h.i - lo), abs(h.i - hi))

    hits = [h for h in hits if not (a[0] <= h.i < a[1] or b[0] <= h.i < b[1])]
    same = [h for h in hits if h.cue.relation == relation]
    if same:
        best = min(same, key=lambda h: (dist(h), -h.i))
        return best.i, best.j
    inside = [h for h in hits if h.cue.relation is not None and lo <= h.i < hi]
    if inside:
        return inside[0].i, inside[0].j
    first = a if a[0] <= b[0] else b
    return first[1], first[1] + 1


# -- the learned reader -------------------------------------------------------------------------

def status_features(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int],
                    relation: str, lo: int, hi: int, *, question: bool, language: str,
                    model: StatusModel | None = None, rule: str | None = None,
                    parties: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The status model's features: the context, the relation type, the rules' answer (``rule``:
    :func:`rule_status`, when already known) and (given the model) the factuality model's answer at
    the same place, each also joined with the type."""
    ctx = context_features(tokens, lex, hits, anchor, lo, hi, question=question)
    if rule is None:
        rule = rule_status(tokens, lex, hits, anchor, lo, hi, question=question, relation=relation,
                           parties=parties)
    f = [*ctx, f"lang={language}", f"rel={relation}", f"rule={rule}", f"rule={rule}|{relation}"]
    f += [f"{x}|{relation}" for x in ctx if x.startswith(("cue=", "l=", "r=", "a="))]
    if len(parties) == 2 and lex.setting("status_party_features") is True:
        f += party_features(tokens, hits, parties, lo, hi, relation)
    if model is not None and model.fact is not None:
        p = model.fact.scores(ctx)
        for label, q in zip(model.fact.labels, p, strict=True):
            f.append(f"fact={label}|{min(int(q * 5), 4)}")
        top = model.fact.labels[max(range(len(p)), key=p.__getitem__)]
        f += [f"fact={top}", f"fact={top}|{relation}"]
    return list(dict.fromkeys(f))


def model_path(models: str | None = None) -> Path:
    """Where the status model is read from: the model folder ``models`` if it has one, else the shipped one.

    >>> from kg.resources import ontology_dir
    >>> model_path().relative_to(ontology_dir()).as_posix()
    'models/status.json'
    """
    return model_file(MODEL_FILE, models)


@functools.cache
def load(models: str | None = None) -> StatusModel | None:
    """The status model (of the model folder ``models`` when it has one), read once per process;
    ``None`` when none is shipped (rules only)."""
    path = model_path() if models is None else model_path(models)
    if not path.is_file():
        return None
    data = read_json_object(path, "status model", "rebuild it with scripts/train_status.py")
    return StatusModel(data, source=str(path))


def model_status(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int],
                 relation: str, lo: int, hi: int, *, question: bool, model: StatusModel,
                 rule: str | None = None, parties: Sequence[tuple[int, int]] = ()) -> tuple[str, float]:
    """The status model's answer and its probability (``rule``: :func:`rule_status`, when known)."""
    feats = status_features(tokens, lex, hits, anchor, relation, lo, hi, question=question,
                            language=lex.code, model=model, rule=rule, parties=parties)
    p = model.status.scores(feats)
    k = max(range(len(p)), key=lambda i: (p[i], -i))
    return model.status.labels[k], p[k]


def combine(rule: str, learned: str, p: float, trust: dict[str, float]) -> str:
    """The rules' answer where the rules are trusted with it, unless the model gives another answer
    with probability ``trust[rule]`` or more; else the model's answer.

    >>> trust = {"denied": 0.9}
    >>> combine("denied", "asserted", 0.6, trust), combine("denied", "asserted", 0.95, trust)
    ('denied', 'asserted')
    >>> combine("planned", "asserted", 0.6, trust)
    'asserted'
    """
    return rule if p < trust.get(rule, 0.0) else learned


def decide(s: Sentence, lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], relation: str,
           lo: int, hi: int, *, learned: bool = True, models: str | None = None,
           parties: Sequence[tuple[int, int]] = ()) -> str:
    """The status of the relation (between the token spans ``parties``) read at ``anchor``: rules and
    the status model (of the model folder ``models``, else the shipped one) combined as trained (the
    rules alone without ``learned`` or without a model)."""
    reading = read_rules(s, lex, hits, anchor, relation, lo, hi, parties)
    rule = reading.status
    # load() itself without a folder: the shipped model is the one object tests and training scripts patch
    model = None if not learned else load() if models is None else load(models)
    if model is None:
        return rule
    trust = model.trust_in_rules(lex.code)
    if trust.get(rule, 0.0) > 1.0 or guarded(reading, lex):
        return rule  # a construction's status (a planned post: kg.extract.statusguard) is the rules' own
    answer, p = model_status(s.tokens, lex, hits, anchor, relation, lo, hi, question=s.question, model=model,
                             rule=rule, parties=parties)
    return combine(rule, answer, p, trust)
