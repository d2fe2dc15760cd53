"""A statistical named-entity recogniser: a linear-chain CRF over kg's own tokens.

One model per language, trained by ``scripts/train_ner.py`` (python-crfsuite) on
kg's own annotations and the public NER sets of that language, with title-cased
copies of their sentences so that headline casing is learnt; shipped as
``ontology/models/ner-<language>.tsv.gz`` with the word lists its features use
(:mod:`kg.extract.nerfeat`; ``ontology/models/README.md``, ``docs/ner.md``).
Decoding (Viterbi, forward-backward) is plain numpy (:mod:`kg.extract.crfdecode`), so tagging needs no
CRF library.

Tokens are :func:`kg.extract.text.tokenize`'s, so spans line up with the rule
engine's. Features never look at whitespace: training sentences are
pre-tokenised, real articles are not.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Presiden Joko Widodo meresmikan bandara baru di Kulon Progo, Yogyakarta.")
>>> [(" ".join(t.text for t in toks[i:j]), k) for i, j, k in tag(toks, language="id")]
[('Joko Widodo', 'Person'), ('Kulon Progo', 'Place'), ('Yogyakarta', 'Place')]
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.errors import ChoiceError, DataError
from kg.extract import crfdecode, nerfile
from kg.extract.bio import bio_to_spans
from kg.extract.modelfiles import model_file
from kg.extract.nerfeat import Resources, features, sentence_casing
from kg.extract.nerpairs import pair_ids
from kg.extract.text import Token
from kg.resources import languages, word_set

__all__ = [
    "CASELESS_TYPES",
    "TYPES",
    "Model",
    "Resources",
    "features",
    "model_path",
    "org_features",
    "org_kind",
    "tag",
    "tagger",
]

TYPES = ("Organization", "Person", "Place")
# A caseless model also returns its Product runs: in NERP (lowercased, most of its training text) IND marks
# brands, companies, media and clubs alike ("micom", "yamaha", "chelsea"); kg.extract.learned types them.
CASELESS_TYPES = (*TYPES, "Product")
FORMAT = nerfile.FORMAT
# Token texts whose score rows (their own and as a neighbour) are kept per model before the cache
# starts again.
_ROWS = 20_000



def model_path(language: str, models: str | None = None, *, caseless: bool = False) -> Path:
    """Where the model of ``language`` is read from: the model folder ``models`` if it has one
    (:func:`kg.extract.modelfiles.model_file`), else the shipped one; ``caseless``: the model for
    text without capitals (:func:`kg.extract.casing.caseless`).

    >>> model_path("id").name, model_path("en", caseless=True).name
    ('ner-id.tsv.gz', 'ner-en-lower.tsv.gz')
    """
    return model_file(f"ner-{language}{'-lower' if caseless else ''}.tsv.gz", models)


def window_sums(g: Any) -> Any:
    """Each token's emission scores from one gather ``g`` (``g[i, d]``: token i's row d): its own row plus
    its neighbours' rows (-2, -1, +1, +2), summed in place in this order (the same floats as adding them
    token by token); a neighbour beyond the rows adds nothing. Zero rows between sentences
    (:mod:`kg.extract.nerbatch`) add 0.0."""
    emit = g[:, 0]
    emit[2:] += g[:-2, 1]
    emit[1:] += g[:-1, 2]
    emit[:-1] += g[1:, 3]
    emit[:-2] += g[2:, 4]
    return emit


class Model:
    """CRF weights, labels and the word lists; decodes with Viterbi."""

    def __init__(self, language: str, labels: Sequence[str], transitions: Mapping[tuple[str, str], float],
                 weights: Mapping[tuple[str, str], float], res: Resources,
                 company: Mapping[str, float] | None = None) -> None:
        self.language = language
        # Log-odds of Company over Organization per name feature (org_features), with "bias".
        self.company = dict(company or {})
        self.labels = tuple(labels)
        idx = {lab: k for k, lab in enumerate(self.labels)}
        import numpy as np

        # trans_to[c, p]: score of moving from label p to label c.
        self.trans_to = np.array([[transitions.get((p, c), 0.0) for p in self.labels] for c in self.labels],
                                 dtype=float)
        sparse: dict[str, list[tuple[int, float]]] = {}
        for (attr, lab), w in weights.items():
            sparse.setdefault(attr, []).append((idx[lab], w))
        self.weights = {a: tuple(sorted(v)) for a, v in sparse.items()}
        self.transitions = dict(transitions)
        self.res = res
        self._zero = (0.0,) * len(self.labels)
        # Each token text's scores, cached as a block of five rows of _table: its own scores (with
        # "bias") and its scores as the neighbour 2 and 1 places before and 1 and 2 places after a
        # token. _vec maps a text to its block (from 1: block 0 is never used), so that a sentence's
        # scores are one dict lookup per token and one numpy gather; _used counts the blocks.
        self._vec: dict[str, int] = {}
        self._used = 0
        self._table = np.zeros((256, 5, len(self.labels)))
        self._index = idx
        self._exp_trans: Any = None
        self._pair_rows: Any = None  # _pair_table, made on first use

    def _score(self, attrs: Iterable[str], base: Sequence[float] | None = None) -> tuple[float, ...]:
        v = list(self._zero if base is None else base)
        get = self.weights.get
        for a in attrs:
            for k, w in get(a, ()):
                v[k] += w
        return tuple(v)

    def _block(self, text: str) -> int:
        """The block of ``_table`` of the token text ``text`` (made and cached on its first sight)."""
        if self._used >= len(self._table) - 1:
            import numpy as np

            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        self._used += 1
        res = self.res
        # the five rows ("bias" is on every token) written in one assignment, the neighbours' feature sets made
        # at once: a new word costs this (about 9 an article)
        self._table[self._used] = [self._score(attrs) for attrs in (("bias", *res.own(text)), *res.neighbours(text))]
        self._vec[text] = self._used
        return self._used

    def _pair_table(self) -> tuple[dict[str, int], Any, Any]:
        """The word-pair features' weights as dense rows: a word pair's index (from 1; row 0 is
        zeros), its "w|+1w=" rows (what it adds to its first word) and its "-1w|w=" rows (to its
        second). A label without a weight adds 0.0, which changes no sum."""
        if self._pair_rows is None:
            import numpy as np

            heads = ("w|+1w=", "-1w|w=")
            pairs = sorted({a[6:] for a in self.weights if a[:6] in heads})
            index = {p: k for k, p in enumerate(pairs, 1)}
            tables = np.zeros((2, len(pairs) + 1, len(self.labels)))
            for side, head in enumerate(heads):
                for p, k in index.items():
                    for lab, w in self.weights.get(head + p, ()):
                        tables[side, k, lab] = w
            self._pair_rows = (index, tables[0], tables[1])
        return self._pair_rows

    def emissions(self, tokens: Sequence[Token]) -> list[list[float]]:
        """Each token's score per label (state features only)."""
        got = self._emit(tokens)
        return got if isinstance(got, list) else got.tolist()

    def emission_array(self, tokens: Sequence[Token], casing: tuple[list[str], str] | None = None) -> Any:
        """:meth:`emissions` as a numpy array of shape (tokens, labels), the same floats (what
        :meth:`viterbi_many` and :meth:`marginals` read, without a list of lists in between);
        ``casing``: ``sentence_casing(tokens, self.res)`` when already known."""
        import numpy as np

        got = self._emit(tokens, casing)
        return np.array(got, dtype=float).reshape(len(got), len(self.labels)) if isinstance(got, list) else got

    def _emit(self, tokens: Sequence[Token], casing_read: tuple[list[str], str] | None = None) -> Any:
        """:meth:`emissions`: lists (a headline's, built token by token) or an array."""
        texts, casing = sentence_casing(tokens, self.res) if casing_read is None else casing_read
        n = len(texts)
        if not n:
            return []
        if self._used + n > _ROWS:
            self._vec.clear()  # a full cache starts again (bounded memory); never within a sentence
            self._used = 0
        get, make = self._vec.get, self._block
        ids = [get(t) or make(t) for t in texts]
        # one gather (after _block may have grown the table): g[i, d] is token i's row d; take() is indexing
        # by the list, the same copy, at half the cost (no fancy-index parsing of a list)
        g = self._table.take(ids, axis=0)
        emit = window_sums(g)
        get_w, res = self.weights.get, self.res
        if casing != "as written":  # headlines: title-case features on every token
            rows: list[list[float]] = emit.tolist()
            for row, attrs in zip(rows, res.context(texts, casing), strict=True):
                for ws in map(get_w, attrs):
                    if ws:  # most word pairs have no weights
                        for k, w in ws:
                            row[k] += w
            return rows
        # Resources.context's features added to each row in the same order (first and last
        # token, word pairs, marks), without making each token's list of them
        for i, f in ((0, "BOS"), (n - 1, "EOS")):
            for k, w in get_w(f, ()):
                emit[i, k] += w
        if n > 1:
            # a token's pair with the word before it, then its pair with the word after it
            _, after, before = self._pair_table()
            ids = pair_ids(self, tokens, texts)
            emit[1:] += before.take(ids, axis=0)
            emit[:-1] += after.take(ids, axis=0)
        for i, f in res.context_marks(texts):
            for k, w in get_w(f, ()):
                emit[i, k] += w
        return emit

    def labels_of(self, tokens: Sequence[Token]) -> list[str]:
        """The best BIO label of each token."""
        if not tokens:
            return []
        return self.viterbi(self.emissions(tokens))

    def viterbi(self, rows: Sequence[Sequence[float]]) -> list[str]:
        """The best BIO label of each token, given the sentence's :meth:`emissions`."""
        return self.viterbi_many([rows])[0]

    def viterbi_many(self, sentences: Sequence[Sequence[Sequence[float]]]) -> list[list[str]]:
        """:meth:`viterbi` of each of several sentences' :meth:`emissions` (an article's), decoded side
        by side (:func:`kg.extract.crfdecode.viterbi_many`)."""
        return crfdecode.viterbi_many(self.trans_to, self.labels, sentences)

    def marginals(self, tokens: Sequence[Token], rows: Sequence[Sequence[float]] | None = None) -> Any:
        """Each token's probability of each label, an array of shape (tokens, labels): forward-backward
        over the same scores as :meth:`labels_of` (``rows``: :meth:`emissions`, when already made;
        :func:`kg.extract.crfdecode.marginals`)."""
        import numpy as np

        if self._exp_trans is None:
            self._exp_trans = np.exp(self.trans_to.T)  # [p, c]: from label p to label c
        return crfdecode.marginals(self.emissions(tokens) if rows is None else rows, self._exp_trans)

    def span_confidence(self, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]],
                        rows: Sequence[Sequence[float]] | None = None) -> list[float]:
        """For each of ``spans`` (spans of :meth:`tag`), the smallest marginal probability of its
        tokens' labels (B- then I- of its type): how sure the model is of the span's weakest token.
        ``rows`` are the sentence's :meth:`emissions` when already made."""
        if not spans:
            return []
        post = self.marginals(tokens, rows)
        idx = self._index
        return [float(min([post[i, idx["B-" + etype]]] + [post[k, idx["I-" + etype]] for k in range(i + 1, j)]))
                for i, j, etype in spans]

    def tag(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Entity spans ``(first token, one past the last, type)``, types in :data:`TYPES` (a caseless
        model's in :data:`CASELESS_TYPES`).

        A span whose first word is all lowercase is dropped, except by a caseless model: names are
        capitalised in cased text, but NERP (lowercased text) taught the models that some are not.
        So is one that starts with punctuation (NERP's stray "</org>" tags taught it "/ org").
        """
        return self.spans(tokens, self.labels_of(tokens))

    def spans(self, tokens: Sequence[Token], labels: Sequence[str], *, products: bool = False
              ) -> list[tuple[int, int, str]]:
        """:meth:`tag`'s spans of the BIO ``labels`` of ``tokens``; with ``products`` (always for a caseless
        model) its Product runs too."""
        low = self.res.caseless
        kept = CASELESS_TYPES if low or products else TYPES
        return [s for s in bio_to_spans(labels)
                if s[2] in kept and (low or not tokens[s[0]].text.islower()) and tokens[s[0]].text[0].isalnum()]

    def org_kind(self, tokens: Sequence[Token], i: int, j: int) -> str:
        """``"Company"`` or ``"Organization"`` for the Organization name ``tokens[i:j]`` (naive Bayes
        over :func:`org_features`, learnt from kg's annotations); Organization without weights."""
        if not self.company:
            return "Organization"
        feats = org_features(tokens, i, j, self.language)
        score = self.company.get("bias", 0.0) + sum(self.company.get(f, 0.0) for f in feats)
        return "Company" if score > 0 else "Organization"

    def lines(self, header: Sequence[str] = ()) -> Iterator[str]:
        """The model file's lines (:func:`kg.extract.nerfile.model_lines`)."""
        return nerfile.model_lines(self.language, self.labels, self.transitions, self.weights, self.company,
                                   self.res, header)

    def write(self, path: Path, header: Sequence[str] = ()) -> Path:
        """Write the model gzip-compressed, without a timestamp (same model, same bytes)."""
        from kg.io import atomic_write

        data = "".join(self.lines(header)).encode("utf-8")
        return atomic_write(path, [gzip.compress(data, compresslevel=9, mtime=0)])

    @classmethod
    def read(cls, path: Path) -> Model:
        """Load a model file written by :meth:`write`."""
        language, labels, trans, weights, res, company = nerfile.read_parts(path)
        try:
            return cls(language, labels, trans, weights, res, company)
        except KeyError as e:
            raise DataError(f"{path}: weight for an undeclared label {e}") from e


@functools.cache
def _model(language: str, models: str | None, caseless: bool) -> Model:
    return Model.read(model_path(language, models, caseless=caseless))


def tagger(language: str, models: str | None = None, *, caseless: bool = False) -> Model:
    """The name tagger of ``language`` (``caseless``: for text without capitals; from the model folder
    ``models`` when it has one), read once per process: for callers that need more than :func:`tag`
    (emissions, marginals, :meth:`Model.org_kind`).

    >>> tagger("en") is tagger("en", None)
    True
    >>> tagger("en").language, tagger("en", caseless=True).res.caseless
    ('en', True)
    """
    # the one caller of the cached _model: all arguments always given, so one cache entry per model
    return _model(language, models, caseless)


def tag(tokens: Sequence[Token], *, language: str, models: str | None = None) -> list[tuple[int, int, str]]:
    """Entity spans of one sentence: ``(first token, one past the last token, type)``.

    Types are ``Person``, ``Organization`` and ``Place``; the models also learn
    ``Product`` (so that products are not read as companies), which is not returned.
    An upper-case sentence is read as title case. The model of ``language`` (from the
    model folder ``models`` when it has one) is loaded once per process.

    >>> from kg.extract.text import tokenize
    >>> tag(tokenize("The United Nations sent Mary Robinson to Nairobi."), language="en")
    [(1, 3, 'Organization'), (4, 6, 'Person'), (7, 8, 'Place')]
    >>> tag([], language="en")
    []
    >>> tag(tokenize("Hola"), language="es")
    Traceback (most recent call last):
    ...
    kg.errors.ChoiceError: unknown language 'es' (allowed: en, id)
    """
    if language not in languages():
        raise ChoiceError("language", language, languages())
    if not tokens:
        return []
    return tagger(language, models).tag(tokens)


def org_features(tokens: Sequence[Token], i: int, j: int, language: str | None = None) -> list[str]:
    """What tells a company from another organisation: the name's first and last words (the head
    comes first in Indonesian, "Kementerian Keuangan"; last in English, "Trade Commission"), and,
    given the ``language``, ``orgword`` when any word of the name is one of its
    ``organization_words.txt`` (a body's head noun in the middle of a name, or one the annotated
    names never had first or last: "Perhimpunan Bank Perkreditan Rakyat Indonesia").

    >>> from kg.extract.text import tokenize
    >>> org_features(tokenize("kata Kementerian Keuangan RI"), 1, 4)
    ['first=kementerian', 'last=ri']
    >>> org_features(tokenize("kata Ikatan Ahli Perencanaan Indonesia"), 1, 5, "id")
    ['first=ikatan', 'last=indonesia', 'orgword']
    """
    out = ["first=" + tokens[i].text.lower(), "last=" + tokens[j - 1].text.lower()]
    if language is not None and any(organization_word(t.text, language) for t in tokens[i:j]):
        out.append("orgword")
    return out


def organization_word(word: str, language: str) -> bool:
    """Whether ``word`` is one of the language's ``organization_words.txt``, or a blend starting with one of
    its prefixes (the entries ending in "-": "kemen-" for "Kemenhub", "Kemenkominfo").

    >>> organization_word("Kemenhub", "id"), organization_word("Badan", "id"), organization_word("Bandung", "id")
    (True, True, False)
    """
    low = word.lower().strip(".")
    words = word_set(language, "organization_words.txt")
    return low in words or any(low.startswith(w[:-1]) and len(low) > len(w) for w in _prefixes(words))


@functools.cache
def _prefixes(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(w for w in words if w.endswith("-") and len(w) > 2))


def org_kind(tokens: Sequence[Token], i: int, j: int, *, language: str, models: str | None = None) -> str:
    """``"Company"`` or ``"Organization"`` for an Organization name the tagger found (see :meth:`Model.org_kind`)."""
    return tagger(language, models).org_kind(tokens, i, j)
