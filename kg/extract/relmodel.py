"""A learned relation classifier: which relation (if any) joins two entity mentions of a sentence.

Rules need a cue word; many links have none ("Wang Ziqiang at the Institute of
Mechanics", "Sun Hung Kai Properties, a Hong Kong construction firm"). This
module scores an ordered pair of mentions with a multinomial logistic
regression over sparse features of the pair (entity types, order, distance,
the words between and around, cue words, apposition and ``-based`` shapes).

The model is trained by ``scripts/train_relations.py`` (or ``kg train``) and
shipped as plain JSON, ``ontology/models/relations.json``: a feature vocabulary,
a weight matrix and the cue words the features use. Loading is a JSON parse (no pickle); prediction is
a sum of weight rows with numpy. Method and figures: ``docs/relations-model.md``.

Spans are token spans over :func:`kg.extract.text.tokenize` tokens:
``(first token, one past the last token, entity type)``.

The decisions themselves, pair by pair or a sentence's pairs at once, are :mod:`kg.extract.pairscore`'s.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Maria Lopez, a spokeswoman for Tenvar Industries, declined to comment.")
>>> feats = features(toks, (0, 2, "Person"), (7, 9, "Company"), language="en")
>>> m = load()
>>> max(zip(m.scores(feats), m.labels))[1]
'works_for'
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ChoiceError, DataError
from kg.extract.modelfiles import model_file, read_json_object
from kg.extract.pairextra import between_roots, between_shape, dist_class, pair_extras, pair_head, pair_words
from kg.extract.relweights import probabilities, rows
from kg.extract.text import Token
from kg.schema import ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "FORMAT",
    "MODEL_FILE",
    "Cues",
    "Model",
    "allowed",
    "feature_parts",
    "features",
    "load",
    "model_path",
    "pair_reading",
]

MODEL_FILE = "relations.json"
FORMAT = "kg-relmodel/1"

Span = tuple[int, int, str]

# Coarse classes: CoNLL04-style gold does not tell companies from other organisations, nor
# countries from other places, so features speak of ORG and LOC only.
_COARSE = {
    "Company": "ORG",
    "Organization": "ORG",
    "Person": "PER",
    "Country": "LOC",
    "Place": "LOC",
    "Sector": "SEC",
    "Product": "PRD",
}
_DIGITS = re.compile(r"\d")
_MAX_BETWEEN = 12  # longer gaps keep their first and last six words


def model_path(name: str = MODEL_FILE, models: str | None = None) -> Path:
    """Where a model is read from: the model folder ``models`` if it has the file, else the shipped one.

    >>> from kg.resources import ontology_dir
    >>> model_path().relative_to(ontology_dir()).as_posix()
    'models/relations.json'
    """
    return model_file(name, models)


class Cues:
    """The cue phrases of one language, matched on words and their affix-stripped forms.

    A snapshot of the rule engine's lexicon (``ontology/lang/<code>/relations``
    and ``status``, and the language's affix rules) taken when the model was
    trained, so that a lexicon edit cannot shift a shipped model's features.

    >>> c = Cues([[["akuisisi"], "acquisition", False], [["ambil", "alih"], "acquisition", False]],
    ...          prefixes=[["meng", ""]], suffixes=[])
    >>> c.hits(["resmi", "mengakuisisi", "x"]), c.hits(["ambil", "alih"]), c.hits(["alih"])
    (['acquisition'], ['acquisition'], [])
    """

    def __init__(self, entries: Sequence[Sequence[Any]], *, prefixes: Sequence[Sequence[str]],
                 suffixes: Sequence[Sequence[str]]) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for words, cls, exact in entries:
            self.index.setdefault(words[0], []).append((tuple(words[1:]), str(cls), bool(exact)))
        self.prefixes = tuple((str(a), str(r)) for a, r in prefixes)
        self.suffixes = tuple((str(a), str(r)) for a, r in suffixes)
        self._forms: dict[str, tuple[str, ...]] = {}
        self._starting: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}

    def forms(self, low: str) -> tuple[str, ...]:
        """``low`` and what stripping one prefix and up to two suffixes leaves (as the rule engine does)."""
        got = self._forms.get(low)
        if got is not None:
            return got
        bases = {low} | {r + low[len(a) :] for a, r in self.prefixes if low.startswith(a) and len(low) - len(a) >= 3}
        forms, frontier = set(bases), set(bases)
        for _ in range(2):
            frontier = {b[: len(b) - len(a)] + r for b in frontier for a, r in self.suffixes
                        if b.endswith(a) and len(b) - len(a) >= 3}
            forms |= frontier
        out = (low, *sorted(forms - {low}))
        if len(self._forms) > 200_000:  # bounded memory in long runs
            self._forms.clear()
        self._forms[low] = out
        return out

    def hits(self, words: Sequence[str]) -> list[str]:
        """The cue classes (relation types, statuses, ``negation``) whose phrases occur in ``words``."""
        out: set[str] = set()
        starting = self._starting.get
        for k, w in enumerate(words):
            got = starting(w)
            for rest, cls in self._cues_at(w) if got is None else got:
                if not rest or tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
                    out.add(cls)
        return sorted(out)

    def _cues_at(self, w: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The (rest of the phrase, class) of the cues the word ``w`` can start (cached: words repeat)."""
        got = self._starting.get(w)
        if got is None:
            got = tuple((rest, cls) for form in self.forms(w) for rest, cls, exact in self.index.get(form, ())
                        if not exact or form == w)
            if len(self._starting) > 200_000:  # bounded memory in long runs
                self._starting.clear()
            self._starting[w] = got
        return got


class Model:
    """One trained linear model: feature vocabulary, weights per label, cue words.

    ``cues`` maps a language code to its :class:`Cues`, read from the language
    lexicons at training time so that the model carries everything its features need.
    """

    def __init__(self, data: dict[str, Any], *, source: str) -> None:
        import numpy as np

        try:
            if data.get("format") != FORMAT:
                raise DataError(f"{source}: format {data.get('format')!r} is not {FORMAT!r}")
            self.kind: str = data["kind"]
            self.labels: tuple[str, ...] = tuple(data["labels"])
            names: list[str] = data["features"]
            self.vocab: dict[str, int] = {f: i for i, f in enumerate(names)}
            self.weights = np.asarray(data["weights"], dtype=np.float64).reshape(len(names), len(self.labels))
            self.bias = np.asarray(data["bias"], dtype=np.float64).reshape(len(self.labels))
            self.cues = {lang: Cues(c["entries"], prefixes=c["prefixes"], suffixes=c["suffixes"])
                         for lang, c in data["cues"].items()}
            self.threshold = float(data.get("threshold", 0.5))
            # Per language, the relation types the model answers for and the probability each needs
            # (chosen at training time so that cross-validated precision reaches 0.70 through kg's own
            # pipeline); a model without the table answers for every type at ``threshold``.
            table = data.get("trusted")
            self.trusted: dict[str, dict[str, float]] | None = (
                None if table is None
                else {lang: {str(k): float(v) for k, v in ts.items()} for lang, ts in table.items()})
            self.meta: dict[str, Any] = data.get("training", {})
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{source}: malformed relation model ({exc!r})") from None

    def trusted_types(self, language: str) -> dict[str, float] | None:
        """The relation types this model may return in ``language``, with the probability each
        needs (``None``: every type, at ``threshold``)."""
        if self.trusted is None:
            return None
        return self.trusted.get(language, {})

    def scores(self, feats: Sequence[str]) -> list[float]:
        """Softmax probabilities of every label (in ``labels`` order) for one feature list."""
        return probabilities(self, [rows(self, feats)])[0]


@functools.cache
def load(name: str = MODEL_FILE, models: str | None = None) -> Model:
    """The model ``name`` of the model folder ``models`` (the shipped one, ``ontology/models/<name>``,
    without a folder or when the folder lacks it), read once per process.

    >>> load().kind
    'relation'
    >>> load("nothing.json")
    Traceback (most recent call last):
    ...
    kg.errors.DataError: relation model .../models/nothing.json is missing: rebuild it with scripts/train_relations.py
    """
    path = model_path(name) if models is None else model_path(name, models)
    if not path.is_file():
        raise DataError(f"relation model {path} is missing: rebuild it with scripts/train_relations.py")
    return Model(read_json_object(path, "relation model"), source=str(path))


@functools.cache
def allowed(a_type: str, b_type: str) -> tuple[str, ...]:
    """Relation types that may run from an entity of ``a_type`` to one of ``b_type``.

    >>> allowed("Person", "Company")
    ('investment', 'legal_dispute', 'works_for')
    >>> allowed("Place", "Company")
    ()
    """
    for t in (a_type, b_type):
        if t not in ENTITY_TYPES:
            raise ChoiceError("entity type", t, ENTITY_TYPES)
    return tuple(r.name for r in RELATION_TYPES.values() if a_type in r.subject_types and b_type in r.object_types)


_WORDS: dict[str, tuple[str, str, bool]] = {}


def _word(text: str) -> tuple[str, str, bool]:
    """(lowercased with digits as 0, crude English stem, capitalised) of a token text, cached: words repeat."""
    got = _WORDS.get(text)
    if got is None:
        if len(_WORDS) > 1 << 16:  # bounded memory in long runs
            _WORDS.clear()
        got = _WORDS[text] = _word_of(text)
    return got


def _word_of(text: str) -> tuple[str, str, bool]:
    low = text.lower()
    if any(map(str.isdigit, low)):
        low = _DIGITS.sub("0", low)
    stem = low
    # Enough to let "executives" and "executive" share a feature.
    for suf in ("'s", "ing", "ed", "es", "s"):
        if low.endswith(suf) and len(low) - len(suf) >= 3 and not low.endswith("ss"):
            stem = low[: -len(suf)]
            break
    return low, stem, text[:1].isupper()


def _trimmed(tokens: Sequence[Token], s: Span) -> Span:
    """``s`` without a last token that is a period: gold spans keep an abbreviation's or a sentence's
    final period ("Larami Corp.", "Philadelphia."), kg's names mostly do not, and the tokenizer splits
    "Corp." into "Corp" and ".". Features of the trimmed span read both alike, in training and in use."""
    if s[1] - s[0] > 1 and tokens[s[1] - 1].text == ".":
        return (s[0], s[1] - 1, s[2])
    return s


def features(tokens: Sequence[Token], a: Span, b: Span, *, language: str, model: Model | None = None) -> list[str]:
    """The features of the ordered pair ``a -> b`` (deduplicated, in a fixed order).

    ``model`` supplies the cue words; without one, cue features are left out.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Ana Diaz of Lumeo said")
    >>> f = features(toks, (0, 2, "Person"), (3, 4, "Company"), language="en")
    >>> [x for x in f if x.startswith(("T=", "B=", "bw="))]
    ['T=PER>ORG', 'B=of', 'bw=of']
    """
    own, parts = feature_parts(tokens, a, b, language=language, model=model)
    for p in parts:
        own += p
    return list(dict.fromkeys(own))


def feature_parts(tokens: Sequence[Token], a: Span, b: Span, *, language: str, model: Model | None = None
                  ) -> tuple[list[str], tuple[list[str], ...]]:
    """:func:`features` before deduplication, in two: the pair's own (a new list) and the parts
    shared with other pairs of the sentence (what lies around the pair, each span in its role, the
    cues), which are the same list objects for every pair that shares them: never change them."""
    got = pair_reading(tokens, a, b, language=language, model=model)
    ta, tb, forward, gap, (between, words, around, cued), roles = got
    pair, o, dist = f"{ta}>{tb}", "ab" if forward else "ba", dist_class(gap)
    f = pair_head(language, pair, o, dist)
    if gap < 0:
        f.append("overlap")
        return f, ()
    f += pair_words(pair, o, gap, words, between_shape(between) if 4 < gap <= 10 else "")
    f += pair_extras(pair, o, dist, language, cued)  # per language, and cues with the pair's types
    return f, (around, *roles, cued) if model is not None else (around, *roles)


_NOTHING: tuple[list[Any], list[str], list[str], list[str]] = ([], [], [], [])


def pair_reading(tokens: Sequence[Token], a: Span, b: Span, *, language: str, model: Model | None = None
                 ) -> tuple[str, str, bool, int, tuple[list[tuple[str, str, bool]], list[str], list[str], list[str]],
                            tuple[list[str], ...]]:
    """What the features of the pair ``a -> b`` are made of (:func:`feature_parts` makes the strings,
    :mod:`kg.extract.pairscore` their rows): coarse types, ``a`` first, words between (negative: the
    spans overlap, nothing else is read), :func:`_between`, role features (shared: never change them).

    >>> from kg.extract.text import tokenize
    >>> ta, tb, forward, gap, (_, words, _, _), _ = pair_reading(
    ...     tokenize("Ana Diaz of Lumeo said"), (3, 4, "Company"), (0, 2, "Person"), language="en")
    >>> ta, tb, forward, gap, words
    ('ORG', 'PER', False, 1, ['of'])
    """
    a, b = _trimmed(tokens, a), _trimmed(tokens, b)
    ta, tb = _COARSE[a[2]], _COARSE[b[2]]
    forward = a[0] <= b[0]
    left, right = (a, b) if forward else (b, a)
    lo, hi = left[1], right[0]
    if lo > hi:
        return ta, tb, forward, -1, _NOTHING, ()
    si = 1 if language == "en" else 0  # the suffix stripper is English; other languages use the word
    read = _read(tokens)
    # what lies between and around the two spans is the same for both directions of a pair: read once
    key = (left[0], lo, hi, right[1], si, language, model)
    got = read.spans.get(key)
    if got is None:
        got = read.spans[key] = _between(read, left, right, si, language, model)
    roles = (_role_features(read, "a", a[0], a[1], si), _role_features(read, "b", b[0], b[1], si))
    return ta, tb, forward, hi - lo, got, roles


def _between(read: _Reading, left: Span, right: Span, si: int, language: str, model: Model | None
             ) -> tuple[list[tuple[str, str, bool]], list[str], list[str], list[str]]:
    """What :func:`features` reads between and around the spans ``left`` and ``right`` (in text order)
    whichever is the pair's first: :func:`_word` of the words between, their lowercased forms, the
    features of those words and of the context ("bw=" to "R+1="), and the cue features."""
    lo, hi = left[1], right[0]
    wd, n = read.words, len(read.words)
    mid = range(lo, hi) if hi - lo <= _MAX_BETWEEN else [*range(lo, lo + 6), *range(hi - 6, hi)]
    between = [wd[k] for k in mid]
    words = [w[0] for w in between]
    f = [f"bw={w[si]}" for w in between]
    caps = [w[2] for w in between]
    runs = sum([c and not p for p, c in zip([False, *caps], caps, strict=False)])  # runs of capitalised words
    f += [f"caps={min(runs, 3)}", f"commas={min(words.count(','), 3)}"]
    after = wd[right[1]][0] if right[1] < n else "</s>"
    if after in ("-based", "based") or any(k in mid for k in read.based):
        f.append("based")
    if any(left[0] <= k < left[1] for k in read.based_text):
        f.append("left-based")
    # Context outside the pair, and next to each entity in its role.
    for d, k in (("L-1", left[0] - 1), ("L-2", left[0] - 2), ("R+2", right[1] + 1)):
        f.append(f"{d}={wd[k][0] if 0 <= k < n else '<s>'}")
    f.append(f"R+1={after}")
    cued: list[str] = []
    cues = model.cues.get(language) if model is not None else None
    if cues:
        cued += [f"cue_b={c}" for c in cues.hits(words)]
        near = [wd[k][0] for k in range(max(0, left[0] - 4), left[0])]
        near += [wd[k][0] for k in range(right[1], min(n, right[1] + 4))]
        cued += [f"cue_n={c}" for c in cues.hits(near)]
        f += between_roots(language, words, cues)
    return between, words, f, cued


@dataclass(frozen=True)
class _Reading:
    """What the features of every pair of one sentence read: its tokens (held, so that their id cannot
    be reused), :func:`_word` of each token, the tokens that say "based" (lowercased ``based`` or
    ``-based``; ``based_text``: as written, ``-based``), and the role features of its spans so far (a
    name is paired with up to 2 * kg.extract.classified._MAX_NEIGHBOURS others, in both roles, and its features do not
    depend on the pair)."""

    tokens: Any
    words: list[tuple[str, str, bool]]
    based: tuple[int, ...]
    based_text: tuple[int, ...]
    roles: dict[tuple[str, int, int, int], list[str]]
    # _between of the pairs so far, by their spans' offsets, the word form, the language and the model
    spans: dict[tuple[int, int, int, int, int, str, Any], Any]


# The last sentence's _Reading, replaced when another sentence comes. The entry is replaced whole and
# read once into a local, so threads (the LLM engines' workers) never mix sentences.
_LAST: dict[str, _Reading] = {}


def _read(tokens: Sequence[Token]) -> _Reading:
    got = _LAST.get("last")
    if got is None or got.tokens is not tokens:
        known = _WORDS.get
        words = [known(t.text) or _word(t.text) for t in tokens]
        based: tuple[int, ...] = ()
        based_text: tuple[int, ...] = ()
        # most sentences say no "based" at all: one look at their joined text spares two Python steps per
        # token; where it is (or a join makes it), the tokens are read one by one
        if "based" in " ".join(map(_TEXT, tokens)).lower():
            based = tuple(k for k, w in enumerate(words) if w[0] == "based" or w[0].endswith("-based"))
            based_text = tuple(k for k, t in enumerate(tokens) if t.text.endswith("-based"))
        got = _LAST["last"] = _Reading(tokens, words, based, based_text, {}, {})
    return got


_TEXT = operator.attrgetter("text")


def _role_features(read: _Reading, role: str, i: int, j: int, si: int) -> list[str]:
    """The features of the span ``tokens[i:j]`` of the sentence ``read`` in the pair role ``role`` ("a"
    or "b"): its words next to it, its head, its other words (index ``si`` of :func:`_word`), its
    length, an acronym."""
    tokens = read.tokens
    key = (role, i, j, si)
    got = read.roles.get(key)
    if got is None:
        n, wd = len(tokens), read.words
        got = [f"{role}-1={wd[i - 1][0] if i > 0 else '<s>'}",
               f"{role}+1={wd[j][0] if j < n else '</s>'}",
               f"{role}h={wd[j - 1][0]}",
               *(f"{role}nw={w[si]}" for w in wd[i : j - 1]),
               f"{role}len={min(j - i, 4)}"]
        if j - i == 1 and tokens[i].is_upper:
            got.append(f"{role}acro")
        read.roles[key] = got
    return got


def _check(tokens: Sequence[Token], a: Span, b: Span, language: str) -> None:
    for s in (a, b):
        if not (0 <= s[0] < s[1] <= len(tokens)):
            raise ValueError(f"span {s[:2]} is not within the {len(tokens)} tokens")
    allowed(a[2], b[2])  # validates the types
    if not language:
        raise ValueError("language is empty")
