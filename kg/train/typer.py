"""Training the context typer (``ontology/models/typer-<language>.json``, read by :mod:`kg.extract.typer`).

Examples are mentions with their sentence's tokens:

- the gold mentions of kg's annotations, TRAIN split (kg's own seven types), and, labelled
  :data:`kg.extract.typer.NONE`, the lists' sector surfaces in those units that no gold mention covers
  (a sector word that is no sector reading);
- the typed NER training sets kg's tagger uses (:func:`kg.train.ner_data.training_docs`, the units kg's
  annotations cover left out), whose coarser types are mapped: Person and Product as they are (NERP's
  Product is product or brand), Place to Country when the gazetteer knows the name as a country,
  Organization to the gazetteer's Company or Organization for the name, else left out (the sets do not
  tell a company from another organisation); only the types of :data:`EXTERNAL_TYPES` are kept. They weigh
  ``external`` each (kg's own weigh 1).

A multinomial L2 logistic regression (:mod:`kg.train.logreg`: lbfgs, one thread, sorted vocabulary, rounded
weights: the same data give the same bytes). The decision (which type pairs it may change, the margin, the
sector drop) is chosen on out-of-fold probabilities (folds by document hash, :func:`fold_of`) of the
mentions kg's engine finds on the train units, with the step switched off (:func:`choose`); the shipped model's
engine read each unit with the taggers of ``scripts/cv_hybrid.py``'s fold that left it out (the same folds),
since the shipped taggers learnt the train units and type them better than new text.

>>> fold_of("cnbc-12"), fold_of("cnbc-12") == fold_of("cnbc-12")
(3, True)
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kg.extract.bio import align
from kg.extract.casing import caseless as _caseless
from kg.extract.gazindex import GazIndex
from kg.extract.text import Token, tokenize
from kg.extract.typer import FORMAT, NONE, features

FOLDS = 5
DIGITS = 4
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
DROPS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# The NER sets' types taken: out of fold on the train split, their mapped Organization and Product mentions made
# the classifier worse at kg's Company (NERP's Product is product or brand: "apple", "twitter"; an
# Organization is taken only when the gazetteer knows it, so mostly companies): 0.844 of kg's Company mentions
# typed right with them, 0.954 without (docs/ner.md, "Typing from context").
EXTERNAL_TYPES = ("Country", "Person", "Place")
MIN_GAIN = 2
# A feature none of whose weights reaches this is left out of the file: out of fold the decision and its gains
# were the same with all 34,000 features and with the 14,800 left (2.9 MB -> 1.2 MB, and faster to load)
MIN_WEIGHT = 0.1  # a type pair is allowed only when out of fold it fixes at least this many more than it breaks


@dataclass(frozen=True)
class Example:
    """One training mention: its features, label, weight, and the document it came from (for folds)."""

    doc: str
    feats: tuple[str, ...]
    label: str
    weight: float = 1.0


def fold_of(doc_id: str, k: int = FOLDS) -> int:
    """The fold of an annotated unit by a hash of its article's id (as :func:`kg.train.relations.folds_of`
    with partition 0: the relation classifier's fold models left out the same units).

    >>> fold_of("nerp-train-7@0") == fold_of("nerp-train-7")
    True
    """
    article = doc_id.split("@")[0].split("#")[0]
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % k


def mention_examples(doc: str, tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]], gaz: GazIndex,
                     *, weight: float = 1.0, negatives: bool = False) -> list[Example]:
    """Examples of the token spans ``(i, j, type)`` of one sentence; with ``negatives``, the lists' sector
    surfaces no span covers, labelled :data:`NONE`."""
    spans = list(spans)
    text_of = _texts(tokens)
    caseless = _caseless([t.text for t in tokens])
    out = []
    for i, j, t in spans:
        known = gaz.lookup_name(text_of(i, j))
        feats = features(tokens, i, j, caseless=caseless, known=known.type if known else None, gaz=gaz)
        out.append(Example(doc, tuple(feats), t, weight))
    if negatives:
        for i, j, k in gaz.scan(tokens, caseless=caseless):
            if k.type == "Sector" and not any(a < j and i < b for a, b, _ in spans):
                known = gaz.lookup_name(text_of(i, j))
                out.append(Example(doc, tuple(features(tokens, i, j, caseless=caseless,
                                                       known=known.type if known else None, gaz=gaz)), NONE, weight))
    return out


def _texts(tokens: Sequence[Token]) -> Any:
    def text_of(i: int, j: int) -> str:
        # the mention's words joined as the text has them (spaces kept where the text has them)
        out = tokens[i].text
        for a, b in zip(tokens[i:j - 1], tokens[i + 1:j], strict=True):
            out += (" " if b.start > a.end else "") + b.text
        return out
    return text_of


def annotation_examples(examples: Iterable[Any], language: str, gaz: GazIndex) -> list[Example]:
    """The gold mentions (kg's own types) of annotated units, and their unread sector words."""
    out = []
    for ex in examples:
        if ex.unit.language != language:
            continue
        toks = tokenize(ex.text)
        spans, _, _ = align(toks, [(a, b, t) for a, b, t, _ in ex.entities])
        out += mention_examples(f"{ex.unit.doc_id}@{ex.unit.start}", toks, spans, gaz, negatives=True)
    return out


def mapped_type(coarse: str, known: str | None) -> str | None:
    """kg's type for a mention a coarser scheme typed ``coarse`` (``known``: the gazetteer's type for it).

    >>> mapped_type("Organization", "Company"), mapped_type("Organization", None), mapped_type("Place", "Country")
    ('Company', None, 'Country')
    """
    if coarse == "Organization":
        return known if known in ("Company", "Organization") else None
    if coarse == "Place":
        return "Country" if known == "Country" else "Place"
    return coarse if coarse in ("Person", "Product") else None


def external_examples(docs: Iterable[Any], gaz: GazIndex, weight: float,
                      types: Sequence[str] = EXTERNAL_TYPES) -> list[Example]:
    """Examples of the NER training sets (``kg.train.ner_data.Doc``, coarse types mapped by :func:`mapped_type`),
    those of ``types`` only."""
    out = []
    for d in docs:
        text_of = _texts(d.tokens)
        spans, _, _ = align(d.tokens, d.gold)
        typed: list[tuple[int, int, str]] = []
        for i, j, t in spans:
            known = gaz.lookup_name(text_of(i, j))
            new = mapped_type(t, known.type if known else None)
            if new is not None and new in types:
                typed.append((i, j, new))
        out += mention_examples(d.id, d.tokens, typed, gaz, weight=weight)
    return out


def fit(examples: Sequence[Example], c: float) -> dict[str, Any]:
    """The model of ``examples`` as its JSON object (no decision yet: :func:`with_decision`)."""
    from kg.train.logreg import fit as lr_fit

    labels, vocab, w, b = lr_fit([list(e.feats) for e in examples], [e.label for e in examples], c,
                                 [e.weight for e in examples])
    weights = {}
    for k, f in enumerate(vocab):
        row = [round(float(x), DIGITS) for x in w[k]]
        if max(abs(x) for x in row) >= MIN_WEIGHT:
            weights[f] = row
    return {"format": FORMAT, "labels": labels, "bias": [round(float(x), DIGITS) for x in b], "weights": weights,
            "pairs": [], "drop": {}}


def with_decision(model: dict[str, Any], decision: dict[str, Any], meta: dict[str, Any] | None = None) -> str:
    """The model file's text: the weights, the chosen decision, and what it was trained on."""
    data = {**model, **decision, **(meta or {})}
    return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"


@dataclass(frozen=True)
class Candidate:
    """A mention kg's engine found on a train unit, with the step off: its type, what the gold calls its span
    (None: not a gold mention), the casing of its sentence, and the out-of-fold probabilities for it."""

    current: str
    gold: str | None
    casing: str
    probs: dict[str, float]


Pairs = dict[tuple[str, str, str], float]


def gains(cands: Sequence[Candidate], pairs: Pairs, drop: dict[str, float] | None = None) -> Counter[tuple[str, str]]:
    """Net fixes (typed right after minus typed right before) of the changes the decision makes, by type pair.

    >>> c = [Candidate("Company", "Product", "cased", {"Company": 0.1, "Product": 0.9}),
    ...      Candidate("Company", "Company", "cased", {"Company": 0.3, "Product": 0.7})]
    >>> gains(c, {("Company", "Product", "cased"): 0.3}), gains(c, {("Company", "Product", "cased"): 0.5})
    (Counter({('Company', 'Product'): 0}), Counter({('Company', 'Product'): 1}))
    """
    from kg.extract.typer import Typer, decide

    out: Counter[tuple[str, str]] = Counter()
    typers: dict[tuple[str, ...], Typer] = {}
    for cd in cands:
        labels = tuple(sorted(cd.probs))
        if labels not in typers:
            typers[labels] = Typer(labels, {}, (0.0,) * len(labels), pairs, drop or {})
        new = decide(typers[labels], cd.current, cd.probs, cd.casing)
        if new == cd.current:
            continue
        before = int(cd.gold == cd.current)
        # a drop fixes a false positive (no gold mention) and breaks a true one
        after = int(cd.gold is None) if new == NONE else int(cd.gold == new)
        out[(cd.current, new)] += after - before
    return out


def choose(cands: Sequence[Candidate]) -> dict[str, Any]:
    """The decision: each (type, other type but Sector, casing) whose best margin gains at least :data:`MIN_GAIN`
    out of fold, with that margin; per casing, the sector drop threshold that gains most (none under MIN_GAIN)."""
    from kg.extract.typer import CASINGS

    pairs: Pairs = {}
    drop: dict[str, float] = {}
    for casing in CASINGS:
        here = [c for c in cands if c.casing == casing]
        currents = sorted({c.current for c in here})
        labels = sorted({lab for c in here for lab in c.probs if lab != NONE})
        for a in currents:
            mine = [c for c in here if c.current == a]
            for b in labels:
                # no pair into Sector: a sector word is output only when a link names it (kg.extract.assemble), which
                # the candidates do not know, so its fixes cannot be counted here (out of fold, Company -> Sector
                # "fixed" 2 of 3 and made "Bank Lumeo" in "Bank Lumeo Siapkan Kartu Zorvax" vanish)
                if b in (a, "Sector"):
                    continue
                # the largest margin of those that gain most: as many fixes with fewer changes
                g, m = max((gains(mine, {(a, b, casing): m})[(a, b)], m) for m in MARGINS)
                if g >= MIN_GAIN:
                    pairs[(a, b, casing)] = m
        sectors = [c for c in here if c.current == "Sector"]
        scored_drops = [(gains(sectors, {}, {casing: d})[("Sector", NONE)], d) for d in DROPS]
        g, d = max(scored_drops)
        if g >= MIN_GAIN:
            drop[casing] = d
    return {"pairs": [[a, b, c, m] for (a, b, c), m in sorted(pairs.items())], "drop": dict(sorted(drop.items())),
            "chosen_gain": dict(sorted((f"{a}->{b}", g) for (a, b), g in gains(cands, pairs, drop).items()))}
