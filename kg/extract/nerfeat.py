"""The features of kg's named-entity tagger (:mod:`kg.extract.ner`): what the CRF sees of a token.

Word form, shape and affixes, neighbours at -2..+2, the sentence's casing, and word
lists stored in the model file beside the weights (see ``docs/ner.md``). Per-word
features are cached: news repeats words, and this is what keeps tagging fast.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.extract.casing import casing_of
from kg.extract.text import Token, tokenize
from kg.resources import ontology_dir, read_lines

__all__ = ["Resources", "clusters_path", "features", "names_path", "read_clusters", "read_names", "sentence_casing",
           "sentence_texts", "word_pairs"]


def names_path() -> Path:
    """The fixed name and word lists copied into every model (``ontology/models/names.tsv``)."""
    return ontology_dir() / "models" / "names.tsv"


def clusters_path(language: str) -> Path:
    """The word clusters of ``language`` learnt from unlabelled text (``ontology/models/clusters-<language>.tsv``,
    written by ``scripts/build_clusters.py``); training copies them into the model file."""
    return ontology_dir() / "models" / f"clusters-{language}.tsv"


def read_clusters(language: str) -> dict[str, str]:
    """``lower-cased word -> "coarse/fine"`` of :func:`clusters_path` (none when the language has no file).

    >>> read_clusters("id")["jakarta"] == read_clusters("id")["surabaya"], read_clusters("xx")
    (True, {})
    """
    path = clusters_path(language)
    if not path.is_file():
        return {}
    return dict(line.split("\t", 1) for line in read_lines(path))


def read_names() -> list[tuple[str, str]]:
    """``(kind, name)`` rows of :func:`names_path`."""
    out = []
    for line in read_lines(names_path()):
        k, _, n = line.partition("\t")
        out.append((k, n))
    return out



_SHAPE = re.compile(r"(.)\1+")
# Word-list flags repeated on the neighbours (and, tied to title case, on the word itself).
_FLAGS = frozenset({"stop", "seenlow", "common", "hv", "mo=aff"})
_TC_FLAGS = _FLAGS | {"lx=first", "lx=last", "lx=place", "lx=org"}
_CACHE_LIMIT = 100_000
_NEAR = (-2, -1, 1, 2)  # the neighbours' places (Resources.neighbours)
# A token's shape (Resources.own): "X" upper case, "x" other letters, "d" digits, other characters as
# they are; an ASCII text is mapped by one translate (for ASCII the three tests are these ranges)
_ASCII_SHAPE = str.maketrans({**{chr(c): "X" for c in range(65, 91)}, **{chr(c): "x" for c in range(97, 123)},
                              **{chr(c): "d" for c in range(48, 58)}})


def _shape(text: str) -> str:
    """The shape of any text, one character at a time.

    >>> _shape("Élan-2"), "Elan-2".translate(_ASCII_SHAPE)
    ('Xxxx-d', 'Xxxx-d')
    """
    return "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in text)


class Resources:
    """The word lists the features look up; stored in the model file beside the weights.

    ``vocab``: words seen in lowercase (a capitalised word whose lowercase form is
    common is less likely a name); ``stop``: function words; ``token_type``: the
    entity type a capitalised token most often belongs to in the training data;
    ``names``: ``(kind, surface)`` entries (place, first name, last name, and the
    training data's entity names by type), matched case-sensitively on tokens;
    ``verbs``: words that are verbs in headlines (``ontology/lang/<code>/headline_verbs.txt``);
    ``prefixes``, ``suffixes``: affix rules ``"affix>replacement"`` (the lexicon's morphology),
    which with ``common`` (root words) mark affixed words such as ``Tegaskan`` (tegas + kan).
    ``caseless``: the lists of a model for text without capitals (:func:`kg.extract.casing.caseless`):
    its names and name tokens are lowercase, and ``seenlow`` and ``common`` mark every word, not
    only capitalised ones (there, "seen in lower case" means in cased training text).
    ``clusters``: lower-cased word -> ``"coarse/fine"`` word cluster learnt from unlabelled text
    (:func:`read_clusters`): a name unseen in training still shares its cluster with seen ones; a word
    without a cluster gets no cluster feature (and a model file without clusters none at all).
    """

    def __init__(self, *, vocab: Iterable[str] = (), stop: Iterable[str] = (), common: Iterable[str] = (),
                 token_type: Mapping[str, str] | None = None, names: Iterable[tuple[str, str]] = (),
                 verbs: Iterable[str] = (), prefixes: Iterable[str] = (), suffixes: Iterable[str] = (),
                 caseless: bool = False, clusters: Mapping[str, str] | None = None) -> None:
        self.caseless = caseless
        self.clusters = dict(clusters or {})
        self.vocab = frozenset(vocab)
        self.stop = frozenset(stop)
        self.common = frozenset(common)
        self.verbs = frozenset(verbs)
        self.prefixes = tuple(sorted(set(prefixes), key=lambda a: (-len(a), a)))
        self.suffixes = tuple(sorted(set(suffixes), key=lambda a: (-len(a), a)))
        self.token_type = dict(token_type or {})
        self.names = sorted(set(names))
        single: dict[str, set[str]] = {}
        multi: dict[tuple[str, ...], set[str]] = {}
        for kind, surface in self.names:
            # Plain names split on spaces exactly as the tokenizer would (and much faster).
            plain = surface.replace(" ", "").isalnum()
            toks = tuple(surface.split(" ") if plain else (t.text for t in tokenize(surface)))
            if len(toks) == 1:
                single.setdefault(toks[0], set()).add(kind)
            elif toks:
                multi.setdefault(toks, set()).add(kind)
        self._single = {k: tuple(sorted(v)) for k, v in single.items()}
        # Keyed by the first two tokens: thousands of names start with "PT" or "Bank", and a sentence
        # of such names must not compare each of them with every one of those.
        by_first: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for toks, kinds in multi.items():
            by_first.setdefault((toks[0], toks[1]), []).append((toks, tuple(sorted(kinds))))
        # Longest first: the longest name starting at a token marks it.
        self._multi = {k: sorted(v, key=lambda e: (-len(e[0]), e[0])) for k, v in by_first.items()}
        self._own: dict[str, tuple[str, ...]] = {}
        self._nb: dict[tuple[int, str], tuple[str, ...]] = {}
        self._tc: dict[str, tuple[str, ...]] = {}  # _title_case's, by token text

    def own(self, text: str) -> tuple[str, ...]:
        """Features of one token text on its own (cached: news repeats words).

        >>> r = Resources(vocab=["menteri"], names=[("place", "Bali")])
        >>> [f for f in r.own("Menteri") if "=" not in f or f.startswith("w=")]
        ['w=menteri', 'cap', 'title', 'seenlow']
        >>> "lx=place" in r.own("Bali"), "lx=place" in r.own("bali")
        (True, False)
        """
        hit = self._own.get(text)
        if hit is not None:
            return hit
        low = text.lower()
        shape = text.translate(_ASCII_SHAPE) if text.isascii() else _shape(text)
        out = ["w=" + low, "sh=" + _SHAPE.sub(r"\1", shape), "s=" + shape[:8], "p2=" + low[:2], "p3=" + low[:3],
               "p4=" + low[:4], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
        if text[0].isupper():
            out.append("cap")
            if len(text) > 1 and text.isupper():
                out.append("upper")
            elif text.istitle():
                out.append("title")
        if any(map(str.isdigit, text)):
            out.append("digit")
        if len(text) == 1 and not text.isalnum():
            out.append("punct")
        out.append("len=" + str(min(len(text), 6)))
        if low in self.stop:
            out.append("stop")
        flag = text[0].isupper() or self.caseless
        if flag and low in self.vocab:
            out.append("seenlow")
        if flag and low in self.common:
            out.append("common")
        if text in self.token_type:
            out.append("te=" + self.token_type[text])
        if low in self.verbs:
            out.append("hv")
        out += self._morph(low)
        out += ["lx=" + k for k in self._single.get(text, ())]
        cluster = self.clusters.get(low)
        if cluster is not None:
            out += ["cl=" + cluster.partition("/")[0], "cf=" + cluster]
        return remember(self._own, text, tuple(out))

    def neighbour(self, d: int, text: str) -> tuple[str, ...]:
        """Features saying that the token ``d`` places away (-2, -1, 1 or 2) is ``text`` (cached: on a
        miss, the four places' sets are made and kept at once, as training asks for each of them).

        >>> Resources(stop=["di"]).neighbour(-1, "di")
        ('-1w=di', '-1sh=x', '-1stop')
        """
        hit = self._nb.get((d, text))
        if hit is not None:
            return hit
        sets = self.neighbours(text)
        for near, got in zip(_NEAR, sets, strict=True):
            remember(self._nb, (near, text), got)
        return sets[_NEAR.index(d)]

    def neighbours(self, text: str) -> tuple[tuple[str, ...], ...]:
        """:meth:`neighbour` of ``text`` at -2, -1, +1 and +2, made at once and not cached (what a new
        word's emission rows read: :meth:`kg.extract.ner.Model._block`).

        The word's clusters go with it: both next to the token, the fine one two places away.

        >>> Resources(stop=["di"]).neighbours("di")[1:3]
        (('-1w=di', '-1sh=x', '-1stop'), ('+1w=di', '+1sh=x', '+1stop'))
        >>> Resources(clusters={"di": "3/41"}).neighbours("Di")[:2]
        (('-2w=di', '-2sh=Xx', '-2cf=3/41'), ('-1w=di', '-1sh=Xx', '-1cl=3', '-1cf=3/41'))
        """
        own = self.own(text)
        w, sh = own[0], own[1]
        flags = [f for f in own[9:] if f in _FLAGS or f.startswith(("lx=", "cl=", "cf="))]
        far = [f for f in own[9:] if f.startswith("cf=")]
        return tuple((p + w, p + sh, *(p + f for f in (flags if d in (-1, 1) else far)))
                     for d, p in zip(_NEAR, ("-2", "-1", "+1", "+2"), strict=True))

    def _morph(self, low: str) -> list[str]:
        """``mo=`` features of an affixed word whose root is a known word: ``menegaskan`` ->
        ``mo=p:men``, ``mo=s:kan``, ``mo=aff`` (root ``tegas``); the word itself must not be a root.

        >>> r = Resources(common=["tegas", "setuju"], prefixes=["men>t", "me>", "di>"], suffixes=["kan>", "i>"])
        >>> r._morph("menegaskan"), r._morph("disetujui"), r._morph("tegas"), r._morph("medan")
        (['mo=p:men', 'mo=s:kan', 'mo=aff'], ['mo=p:di', 'mo=s:i', 'mo=aff'], [], [])
        """
        if not self.prefixes or low in self.common or not low.isalpha():
            return []
        cands = [("", "", low)]
        for rule in self.prefixes:
            affix, _, repl = rule.partition(">")
            if low.startswith(affix) and len(low) - len(affix) >= 3:
                cands.append((affix, "", repl + low[len(affix):]))
        for pre, _, base in list(cands):
            for rule in self.suffixes:
                affix, _, repl = rule.partition(">")
                if base.endswith(affix) and len(base) - len(affix) >= 3:
                    cands.append((pre, affix, base[: len(base) - len(affix)] + repl))
        for pre, suf, root in cands:
            if (pre or suf) and root in self.common:
                return [*(["mo=p:" + pre] if pre else []), *(["mo=s:" + suf] if suf else []), "mo=aff"]
        return []

    def context(self, texts: Sequence[str], casing: str | None = None) -> list[list[str]]:
        """Features that depend on the sentence, not on one word: position, title case
        (then also the word lists' flags again, tied to title case: capitals say little
        there, so the flags must say more), word pairs, names of several tokens.
        ``casing``: ``casing_of(texts)`` when already known. Each token's are, in this order: title
        case, the sentence's first and last token, its word pairs (:func:`word_pairs`), its
        :meth:`context_marks`.

        >>> Resources().context(["Kata", "Anis"])
        [['BOS', 'w|+1w=kata|anis'], ['EOS', '-1w|w=kata|anis']]
        """
        n = len(texts)
        out: list[list[str]] = [[] for _ in range(n)]
        if (casing_of(texts) if casing is None else casing) != "as written":
            for i, t in enumerate(texts):
                out[i] += self._title_case(t)
        out[0].append("BOS")
        out[-1].append("EOS")
        for i, pair in enumerate(word_pairs(texts)):
            out[i + 1].append("-1w|w=" + pair)
            out[i].append("w|+1w=" + pair)
        for i, f in self.context_marks(texts):
            out[i].append(f)
        return out

    def _title_case(self, text: str) -> tuple[str, ...]:
        """A token's first features in a title-case sentence (:meth:`context`): ``titlecase`` and its
        word lists' flags again (cached per token text, as :meth:`own`: headlines repeat words)."""
        hit = self._tc.get(text)
        if hit is not None:
            return hit
        got = ("titlecase", *("tc|" + f for f in self.own(text)[9:] if f in _TC_FLAGS or f[:3] == "te="))
        return remember(self._tc, text, got)

    def context_marks(self, texts: Sequence[str]) -> list[tuple[int, str]]:
        """The last of :meth:`context`'s features, as ``(token, feature)`` in order: the names of
        several tokens that start at a token, on it, its other tokens and their neighbours."""
        n = len(texts)
        out: list[tuple[int, str]] = []
        multi = self._multi.get
        for i, first in enumerate(itertools.pairwise(texts)):
            for toks, kinds in multi(first, ()):
                m = len(toks)
                if tuple(texts[i : i + m]) == toks:
                    for k in kinds:
                        marks = [(i, "lxB=" + k)] + [(x, "lxI=" + k) for x in range(i + 1, i + m)]
                        for x, f in marks:
                            out.append((x, f))
                            if x > 0:
                                out.append((x - 1, "+1" + f))
                            if x + 1 < n:
                                out.append((x + 1, "-1" + f))
                    break
        return out


def word_pairs(texts: Sequence[str]) -> list[str]:
    """Each two neighbouring tokens, lowercased, as ``"first|second"`` (what the word-pair features
    name).

    >>> word_pairs(["Kata", "Anis", "di"])
    ['kata|anis', 'anis|di']
    """
    lows = [t.lower() for t in texts]
    return [a + "|" + b for a, b in itertools.pairwise(lows)]


def remember(cache: dict[Any, Any], key: object, value: Any) -> Any:
    """Remember ``value``; a full cache starts again (bounded memory on endless input)."""
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value

def sentence_texts(tokens: Sequence[Token], res: Resources) -> list[str]:
    """The token texts the features read: an upper-case sentence is read in title case
    (the models learn headline casing from title-cased copies of their training sentences),
    except short words that are no known word: those stay upper case (acronyms, as ``BRI``).

    >>> res = Resources(common=["siap"], stop=["dan"])
    >>> sentence_texts(tokenize("BRI DAN BNI SIAP SALURKAN KREDIT"), res)
    ['BRI', 'Dan', 'BNI', 'Siap', 'Salurkan', 'Kredit']
    """
    return sentence_casing(tokens, res)[0]


def sentence_casing(tokens: Sequence[Token], res: Resources) -> tuple[list[str], str]:
    """:func:`sentence_texts` and their ``casing_of`` (which :meth:`Resources.context` needs: worked
    out once).

    >>> sentence_casing(tokenize("BRI DAN BNI SIAP SALURKAN KREDIT"), Resources(common=["siap"]))[1]
    'title'
    >>> sentence_casing(tokenize("MEMPHIS , Tenn . ( AP ) The police said"), Resources())[0][:3]
    ['Memphis', ',', 'Tenn']
    """
    texts = [t.text for t in tokens]
    casing = casing_of(texts)
    known = (res.common, res.stop, res.verbs)

    def titled(t: str) -> str:
        return t[0] + t[1:].lower() if t.isupper() and (len(t) > 4 or any(t.lower() in k for k in known)) else t

    if casing != "upper":
        # a dateline ("MEMPHIS , Tenn .", "DES MOINES , Iowa ( AP )"): the upper-case run that opens a sentence
        # before its comma is read as an upper-case sentence is
        k = 0
        while k < len(texts) and texts[k].isupper() and any(c.isalpha() for c in texts[k]):
            k += 1
        if 0 < k < len(texts) - 1 and texts[k] == ",":
            texts = [*(titled(t) for t in texts[:k]), *texts[k:]]
        return texts, casing
    texts = [titled(t) for t in texts]
    return texts, casing_of(texts)


def features(tokens: Sequence[Token], res: Resources) -> list[list[str]]:
    """The CRF features of each token of one sentence (what the trainer sees).

    >>> f = features(tokenize("Kata Anis di Samarinda"), Resources(names=[("place", "Samarinda")]))
    >>> [x for x in f[1] if "w=" in x and "|" not in x]
    ['w=anis', '-1w=kata', '+1w=di', '+2w=samarinda']
    >>> "+2w=samarinda" in f[1] and "+1lx=place" in f[2] and "BOS" in f[0]
    True
    """
    if not tokens:
        return []
    texts, casing = sentence_casing(tokens, res)
    out = res.context(texts, casing)
    n = len(texts)
    for i, f in enumerate(out):
        f.append("bias")
        f += res.own(texts[i])
        for d in (-2, -1, 1, 2):
            if 0 <= i + d < n:
                f += res.neighbour(d, texts[i + d])
    return out
