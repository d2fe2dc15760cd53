"""The status of a relation a sentence states: asserted, denied, rumored, planned or ended.

Two readers, one answer:

* **Rules** (:func:`rule_status`): the status cue phrases and constructions of
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

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.cueparties import find_cues
>>> from kg.extract.text import Sentence, tokenize
>>> def rules(text, lang):
...     lex = load_lexicon(lang)
...     toks = tuple(tokenize(text))
...     s = Sentence(0, 0, len(text), text, toks)
...     hits = find_cues(s, lex)
...     h = next(h for h in hits if h.cue.relation)
...     return rule_status(toks, lex, hits, (h.i, h.j), 0, len(toks), question=False)
>>> rules("Xiaomi dismissed media reports that it will acquire Ford", "en")
'denied'
>>> rules("Xiaomi signed a partnership agreement with Ford", "en")
'asserted'
>>> rules("Kabar akuisisi Ford oleh Xiaomi tidak benar", "id")
'denied'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract.found import outer_hits
from kg.extract.handover import handed_over
from kg.extract.modelfiles import model_file, read_json_object
from kg.extract.nearest import clause
from kg.extract.pastpost import held_before
from kg.extract.statusfeat import context_features, party_features
from kg.extract.statusmodel import FORMAT, Linear, StatusModel
from kg.extract.statusscope import (
    cueless_place,
    disowned_after,
    further,
    island,
    modifies,
    negated,
    parties_clause_place,
    relative_clauses,
    shield_at,
    shielded,
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

# Where a company is based and what it does are facts, not events: only a negation right
# before the cue changes them ("bukan perusahaan otomotif").
NEGATION_ONLY = frozenset({"based_in", "operates_in"})
# ... save that a line of business can end: sold or closed (:func:`fact_status`)
# A post is held, not an event: a plan, rumour or denial reaches it only right before its cue ("to become
# chief executive of X"; a negation right before it still denies it); on train, 66 English and 18 Indonesian
# posts read planned/rumoured/denied by a cue elsewhere in the clause were asserted (or ended), none had the
# status the cue gave ("Akzo chairman X said the company will ...", "said TransCanada president X").
POSTS = frozenset({"works_for"})
_HELD = frozenset({"planned", "rumored", "denied"})
ENDABLE_FACTS = frozenset({"operates_in"})
_SOLD = 2  # an ending cue this close before a party ends it ("sold its shoe business")
# Within one sentence the most specific stance wins: a denied rumour of a plan is a denial.
PRECEDENCE = ("denied", "ended", "rumored", "planned", "asserted")
# A plan to change a holding (a shield verb, status/shield.txt, between the plan cue and the relation, after
# a party: the holder is named before the change) leaves the holding as it is: "X plans to sell its Y unit",
# "is seeking to sell". English train annotations, rules alone: 20 right, 1 wrong; every relation type (plans
# and rumours): 5 more right, 6 more wrong; without the party condition 2 more right, 4 more wrong ("will sell
# its stake in Y to Z" is Z's plan); rumours too ("may sell its stake"): rules 3 right, 1 wrong, but the
# cross-validated combination lost (en score 1.5073 -> 1.5071).
HOLDINGS = frozenset({"subsidiary_of", "investment", "works_for"})
_GOVERN = 2  # a plan cue ending this close before a signing cue governs it ("will sign")


def rule_cues(lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], lo: int, hi: int,
              tokens: Sequence[Token], relation: str = "", parties: Sequence[tuple[int, int]] = ()) -> set[str]:
    """The statuses whose cues are in scope of the relation cue at ``anchor`` within the clause ``lo:hi``
    (for a relation of type ``relation``: a cue flagged ``not=`` that type says nothing about it; between
    the token spans ``parties``: a modifier reaches the relation only through them,
    :func:`kg.extract.statusscope.modifies`)."""
    ai = anchor[0]
    found: set[str] = set()
    plans: list[Hit] = []
    signs: list[Hit] = []
    islands = relative_clauses(tokens, lex, lo, hi)
    for o in outer_hits(hits):
        st = o.cue.status
        if st is None or not (lo <= o.i < hi):
            continue
        # a plan word where the relation is read, or a plan noun right after its cue, governs it ("offer for",
        # "Tawarkan", "merger offers", "takeover bid", "acquisition proposal")
        before = o.i <= ai or (st == "planned" and (o.i < anchor[1] or (o.cue.noun and o.i == anchor[1])))
        if o.cue.scope == "next" and o.j != ai:
            continue
        if o.cue.near >= 0 and not modifies(o, tokens, hits, anchor, relation, parties):
            continue  # a modifier reaches only the words it modifies ("former chairman")
        if relation in o.cue.not_for:
            continue  # "sold its unit X to Y": Y's acquisition stands
        if relation in POSTS and st in _HELD and o.cue.near < 0 and not 0 <= ai - o.j <= _GOVERN:
            continue  # "Akzo chairman X said it will buy Y": the post is held ("to become chairman": planned)
        if islands and island(islands, ai) >= 0 and island(islands, o.i) != island(islands, ai):
            # a cue outside does not reach into a relative clause: "X denied any contact with Y, which
            # owns 20 pct of Z" (Y's stake stands); one inside may reach out ("X, which has said it may
            # seek control of Y, ...": on train, blocking that direction too gained as many as it lost)
            continue
        if st == "asserted":
            signs.append(o)
            continue
        if (st in ("denied", "planned") or o.cue.scope == "before") and not before and o.cue.scope != "either":
            continue
        if st == "denied" and before and shielded(tokens, lex, o.j, ai):
            continue  # "has no intention of raising its offer for Y": the offer stands
        if st == "planned" and before and relation in HOLDINGS and any(
                p[0] < shield_at(tokens, lex, o.j, ai) for p in parties):
            continue  # "X plans to sell its Y unit": Y is X's unit until then
        found.add(st)
        if st == "planned":
            plans.append(o)
    if negated(tokens, lex, hits, ai, lo):
        found.add("denied")
    if relation == "investment" and further(tokens, lex, anchor[1], parties):
        found -= {"denied", "planned"}  # "would not buy more Y stock": the increase is denied, the stake stands
    # "X, which had offered to buy Y, signed the deal", "completed its planned acquisition": done.
    # A plan that governs the signing stays one ("will sign", "akan meneken"), and so does a plan
    # named after a signing cue ("signed a letter of intent to acquire"); completion cues (flagged
    # "either") end plans on both sides.
    if (
        signs
        and plans
        and not any(0 <= s.i - p.j <= _GOVERN for s in signs for p in plans)
        and all(any(p.j <= s.i or s.cue.scope == "either" for s in signs) for p in plans)
    ):
        found.discard("planned")
    return found


def rule_status(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int],
                lo: int, hi: int, *, question: bool, relation: str = "",
                parties: Sequence[tuple[int, int]] = ()) -> str:
    """The rules' status of the relation (of type ``relation``; "": any; between the token spans
    ``parties``) whose cue spans ``anchor`` (see the module docstring)."""
    found = rule_cues(lex, hits, anchor, lo, hi, tokens, relation, parties)
    if question:
        found.add("rumored")
    elif handed_over(tokens, lex.code, hits, relation, parties, lo, hi):
        found.add("ended")  # "acquired Lumeo from Zeta": Zeta's unit no more
    elif relation in POSTS and held_before(tokens, lex.code, anchor, parties, lo):
        found.add("ended")  # "X was president of Y" (kg.extract.pastpost)
    return next((st for st in PRECEDENCE if st in found), "asserted")


def read_rules(s: Sentence, lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], relation: str, lo: int,
               hi: int, parties: Sequence[tuple[int, int]] = ()) -> str:
    """:func:`rule_status` of the relation read at ``anchor`` in the clause ``lo:hi``, save that a pair with
    no cue is read at the word before its later party, in that word's clause
    (:func:`kg.extract.statusscope.cueless_place`: "X does not intend to seek control of Y"). On the train
    annotations (5-fold cross-validation, rules and model): English accuracy 0.794 -> 0.800, denied 17 -> 19
    of 28; Indonesian 0.881 -> 0.895 (the model then also reads the rules' planned). So is a pair whose cue
    stands in another clause than both parties (:func:`kg.extract.statusscope.parties_clause_place`).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.nearest import clause
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Norvik said it does not intend to seek influence over Talon"
    >>> lex, toks = load_lexicon("en"), tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> hits = find_cues(s, lex)
    >>> parties = [(0, 1), (10, 11)]
    >>> anchor = anchor_of(hits, "investment", *parties)  # "said", after the first party
    >>> read_rules(s, lex, hits, anchor, "investment", *clause(s, lex, anchor[0]), parties)
    'denied'
    """
    place = cueless_place(hits, relation, parties)
    if place is None:
        place = parties_clause_place(s, lex, anchor, lo, hi, parties)
    if place is not None:
        anchor = place
        lo, hi = clause(s, lex, place[0])
    st = rule_status(s.tokens, lex, hits, anchor, lo, hi, question=s.question, relation=relation, parties=parties)
    if st != "denied" and not s.question and disowned_after(s, lex, hits, hi, relation, parties):
        return "denied"  # "X might try to acquire Y, but X told Reuters he is not interested"
    return st


def negation_status(tokens: Sequence[Token], lex: Lexicon, anchor: tuple[int, int], lo: int) -> str:
    """The status of a :data:`NEGATION_ONLY` relation: denied after a negation, else asserted."""
    ai = anchor[0]
    return "denied" if any(t.low in lex.negations for t in tokens[max(lo, ai - 2) : ai]) else "asserted"


def fact_status(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], lo: int,
                hi: int, relation: str, parties: Sequence[tuple[int, int]] = (), *, question: bool = False) -> str:
    """The status of a :data:`NEGATION_ONLY` relation: :func:`negation_status`, except that a line of
    business whose sale or closure the sentence reports has ended: an ending cue at most
    :data:`_SOLD` words before one of the parties, when the rules find an ending and no plan or rumour
    ("sold its shoe divisions", "completed the sale of its microfilm business"; not "is considering
    the sale of its land business", a plan).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> lex = load_lexicon("en")
    >>> def read(text, sector):
    ...     toks = tuple(tokenize(text))
    ...     hits = find_cues(Sentence(0, 0, len(text), text, toks), lex)
    ...     cue = (sector[1], sector[1] + 1)  # "business"
    ...     return fact_status(toks, lex, hits, cue, 0, len(toks), "operates_in", [(0, 1), sector])
    >>> read("Acme said it sold its shoe business to Zeta", (5, 6))
    'ended'
    >>> read("Acme is considering the sale of its shoe business", (7, 8))
    'asserted'
    """
    place = cueless_place(hits, relation, parties)  # no cue: the negation before the later party ("does not make")
    st = negation_status(tokens, lex, place if place and lo <= place[0] < hi else anchor, lo)
    if st != "asserted" or relation not in ENDABLE_FACTS or not any(
            o.cue.status == "ended" and lo <= o.i and any(0 <= i - o.j <= _SOLD for i, _ in parties)
            for o in outer_hits(hits)):
        return st
    found = rule_cues(lex, hits, anchor, lo, hi, tokens, relation, parties)
    return "ended" if "ended" in found and not question and found.isdisjoint(("planned", "rumored")) else st


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
    rule = read_rules(s, lex, hits, anchor, relation, lo, hi, parties)
    # load() itself without a folder: the shipped model is the one object tests and training scripts patch
    model = None if not learned else load() if models is None else load(models)
    if model is None:
        return rule
    trust = model.trust_in_rules(lex.code)
    if trust.get(rule, 0.0) > 1.0:
        return rule
    answer, p = model_status(s.tokens, lex, hits, anchor, relation, lo, hi, question=s.question, model=model,
                             rule=rule, parties=parties)
    return combine(rule, answer, p, trust)
