"""Entity typing from context: a small classifier second-guesses the type of a mention kg already found.

The tagger and the rules type a name mostly by its own words and the lists; in lower-case text
("pengguna iphone", "meluncurkan playstation vr") the lists say little and a product reads as a
company. This step reads each mention once (per entity, not per token) with a multinomial logistic
regression over the mention's words (head, affixes, shape, casing, digits, the gazetteer's type for
it) and its neighbours (two words either side, a bag of the four words before it: the verb or the
noun that governs it), trained by ``scripts/train_typer.py`` (``kg.train.typer``) on the gold mentions
of the team's train split and the typed NER training sets (docs/ner.md, "Typing from context").

The model file (``ontology/models/typer-<language>.json``) also holds the decision, chosen out of
fold on the train split: the classifier overrules the type only between the type pairs listed for the
sentence's casing (with or without capitals), when its probability for the other type beats the current
type's by that pair's margin; a mention whose type the gazetteer vouches for (a Wikidata id, a legal
form) is never retyped. A Sector mention whose "not a sector reading" probability reaches ``drop`` (per
casing) is dropped once the links are read, if no link names it (:func:`unread_sectors`).
No model file for a language: the step does nothing.

>>> from kg.extract.text import tokenize
>>> [f for f in features(tokenize("pengguna iphone baru"), 1, 2, caseless=True, known=None) if f[:2] in ("h=", "L1")]
['h=iphone', 'L1=pengguna']
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from kg.errors import DataError
from kg.extract.found import Found
from kg.extract.gazindex import GazIndex
from kg.extract.mentions import Mention
from kg.extract.modelfiles import model_file
from kg.extract.text import Sentence
from kg.extract.tokens import Token

NONE = "None"  # the label of a sector word that is no sector reading (trained on the lists' sector surfaces)
FORMAT = "kg-typer/1"


def model_name(language: str) -> str:
    """The model file of ``language``.

    >>> model_name("id")
    'typer-id.json'
    """
    return f"typer-{language}.json"


def _shape(word: str) -> str:
    """Character classes with runs folded: "iPhone" -> "xXx", "X5" -> "Xd".

    >>> _shape("iPhone"), _shape("X5"), _shape("PT.")
    ('xXx', 'Xd', 'X.')
    """
    out: list[str] = []
    for c in word:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def _casing(words: Sequence[str]) -> str:
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters:
        return "none"
    if all(w.islower() for w in letters):
        return "lower"
    if all(w.isupper() for w in letters):
        return "upper"
    if all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) for w in letters):
        return "title"
    return "mixed"


def features(tokens: Sequence[Token], i: int, j: int, *, caseless: bool, known: str | None,
             gaz: GazIndex | None = None) -> list[str]:
    """Feature names of the mention ``tokens[i:j]`` (``known``: the gazetteer's type for its text; ``gaz``:
    the index that types its single words, "microsoft" in "microsoft garage")."""
    words = [t.text for t in tokens[i:j]]
    lows = [w.lower() for w in words]
    head, first = lows[-1], lows[0]
    out = [f"h={head}", f"f={first}", f"h3={head[-3:]}", f"h2={head[-2:]}", f"p3={first[:3]}",
           f"shape={_shape(words[-1])}", f"case={_casing(words)}", f"n={min(j - i, 4)}",
           f"gaz={known}", f"sent={'caseless' if caseless else 'cased'}"]
    out += [f"w={w}" for w in sorted(set(lows))]
    if any(c.isdigit() for w in words for c in w):
        out.append("digit")
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isupper():
        out.append("acronym")
    n = len(tokens)
    for k, name in ((i - 1, "L1"), (i - 2, "L2"), (j, "R1"), (j + 1, "R2")):
        out.append(f"{name}={tokens[k].text.lower() if 0 <= k < n else '<s>'}")
    out += [f"Lw={w}" for w in sorted({t.text.lower() for t in tokens[max(0, i - 4):i]})]
    out += [f"Rw={w}" for w in sorted({t.text.lower() for t in tokens[j:j + 3]})]
    if gaz is not None and j - i > 1:
        for k, w in enumerate(words):
            hit = gaz.lookup_name(w) if w[:1].isalnum() else None
            if hit is not None:
                out.append(f"{'first' if k == 0 else 'last' if k == len(words) - 1 else 'mid'}:gaz={hit.type}")
    out.append(f"h|L1={head}|{tokens[i - 1].text.lower() if i else '<s>'}")
    return out


def mention_features(s: Sentence, m: Mention, gaz: GazIndex) -> list[str]:
    """:func:`features` of a mention kg found, with the gazetteer's type for its text."""
    known = gaz.lookup_name(m.text)
    return features(s.tokens, m.i, m.j, caseless=s.caseless, known=known.type if known else None, gaz=gaz)


CASINGS = ("caseless", "cased")


def casing_of(s: Sentence) -> str:
    """The decision's casing group of a sentence: ``"caseless"`` (no capital letter) or ``"cased"``."""
    return CASINGS[0] if s.caseless else CASINGS[1]


@dataclass(frozen=True)
class Typer:
    """A typing model: labels, weights by feature, bias, and the decision chosen out of fold."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    # (current type, new type, casing) -> the margin by which the new type's probability must beat the current's
    pairs: dict[tuple[str, str, str], float]
    drop: dict[str, float]  # casing -> a Sector mention goes when P(None) reaches this

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        """Softmax over the labels (pure Python: a few dozen features, a handful of labels)."""
        z = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {lab: v / total for lab, v in zip(self.labels, e, strict=True)}

    @property
    def active(self) -> bool:
        """Whether the decision changes anything (a model written before its decision was chosen does not)."""
        return bool(self.pairs or self.drop)

    @functools.cached_property
    def asked(self) -> frozenset[tuple[str, str]]:
        """(type, casing) of the mentions the decision may change: only those are read (speed)."""
        return frozenset((a, c) for a, _, c in self.pairs)


def parse(data: dict[str, Any], where: str = "typer model") -> Typer:
    """A :class:`Typer` from its JSON object (``kg.train.typer.model_json`` writes it).

    >>> t = parse({"format": FORMAT, "labels": ["A", "B"], "bias": [0, 0], "weights": {"x": [0, 1]},
    ...            "pairs": [["A", "B", "cased", 0.2]], "drop": {}})
    >>> round(t.probabilities(["x"])["B"], 3), t.pairs
    (0.731, {('A', 'B', 'cased'): 0.2})
    """
    try:
        if data.get("format") != FORMAT:
            raise DataError(f"{where}: not a typer model ({FORMAT})")
        return Typer(tuple(str(x) for x in data["labels"]),
                     {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()},
                     tuple(float(x) for x in data["bias"]),
                     {(str(a), str(b), str(c)): float(m) for a, b, c, m in data.get("pairs", [])},
                     {str(c): float(d) for c, d in data.get("drop", {}).items()})
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{where}: malformed typer model ({exc})") from None


@functools.lru_cache(maxsize=8)
def load(language: str, models: str | None = None) -> Typer | None:
    """The typing model of ``language`` (a model folder's own first), or None when there is none."""
    path = model_file(model_name(language), models)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_bytes())
    except ValueError as exc:
        raise DataError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DataError(f"{path}: malformed typer model (not a JSON object)")
    return parse(data, str(path))


def vouched(s: Sentence, m: Mention, gaz: GazIndex) -> bool:
    """The gazetteer vouches for the mention's type: a Wikidata id, or a legal form ending the name."""
    if m.wikidata or s.tokens[m.j - 1].text.strip(".") in gaz.legal_forms:
        return True
    known = gaz.lookup_name(m.text)
    return known is not None and known.wikidata is not None and known.type == m.type


def decide(model: Typer, current: str, probs: dict[str, float], casing: str) -> str:
    """The type the classifier gives a mention typed ``current`` in a sentence of ``casing``: ``current``,
    another type (the likeliest of those its pairs allow whose margin is met), or :data:`NONE` (drop).

    >>> t = Typer(("Company", "Product", NONE), {}, (0, 0, 0), {("Company", "Product", "caseless"): 0.3},
    ...           {"cased": 0.8})
    >>> decide(t, "Company", {"Company": 0.2, "Product": 0.7, NONE: 0.1}, "caseless")
    'Product'
    >>> decide(t, "Company", {"Company": 0.4, "Product": 0.6, NONE: 0.0}, "caseless")
    'Company'
    >>> decide(t, "Company", {"Company": 0.2, "Product": 0.7, NONE: 0.1}, "cased")
    'Company'
    """
    if current == "Sector" and probs.get(NONE, 0.0) >= model.drop.get(casing, 2.0):
        return NONE
    here = probs.get(current, 0.0)
    fired = [(probs[lab], lab) for lab in model.labels if lab != NONE and (current, lab, casing) in model.pairs
             and probs[lab] - here >= model.pairs[(current, lab, casing)]]
    return max(fired)[1] if fired else current


def askable(m: Mention, casing: str, model: Typer) -> bool:
    """Whether the decision may retype the mention: a (type, casing) it has pairs for, not a coreference
    description."""
    return (m.type, casing) in model.asked and m.source != "coref" and m.j > m.i


def retyped(s: Sentence, mentions: Sequence[Mention], gaz: GazIndex, *, language: str,
            models: str | None = None) -> list[Mention]:
    """The mentions of one sentence with the types the classifier overrules (and unread sectors gone)."""
    model = load(language, models)
    if model is None or not mentions or not model.active:
        return list(mentions)
    casing = casing_of(s)
    out: list[Mention] = []
    for m in mentions:
        if not askable(m, casing, model) or vouched(s, m, gaz):
            out.append(m)
            continue
        new = decide(model, m.type, model.probabilities(mention_features(s, m, gaz)), casing)
        if new == NONE:  # a sector word goes only after the links are read (unread_sectors)
            new = m.type
        out.append(m if new == m.type else replace(m, type=new, sector=None if new != "Sector" else m.sector))
    return out


def unread_sectors(sentences: Sequence[Sentence], mentions: Sequence[Mention], found: Sequence[Found],
                   gaz: GazIndex, *, language: str, models: str | None = None) -> list[Mention]:
    """The mentions of an article without the sector words the classifier reads as no sector reading.

    Asked after the links are read: a sector word a link names ("maskapai - maskapai Citilink, Batik Air":
    the airlines' line of business) is a sector reading whatever the classifier says.
    """
    model = load(language, models)
    if model is None or not model.drop:
        return list(mentions)
    linked = {m.key for f in found for m in (f.subject, f.object, f.sector) if m is not None}
    out: list[Mention] = []
    for m in mentions:
        s = sentences[m.sent]
        casing = casing_of(s)
        if m.type == "Sector" and casing in model.drop and m.key not in linked and m.source != "coref" and m.j > m.i \
                and model.probabilities(mention_features(s, m, gaz)).get(NONE, 0.0) >= model.drop[casing]:
            continue
        out.append(m)
    return out
