"""The status reader's context features: what the words around a relation's cue and its two
parties say about whether the thing happened (shared by the factuality and status models;
:func:`kg.extract.status.status_features` joins them with the relation and the rules' answer)."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.found import outer_hits
from kg.extract.statusscope import negated

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Token

_WINDOW_LEFT = 8  # words before the relation cue whose presence is a feature
_WINDOW_RIGHT = 5
_LOW = operator.attrgetter("low")


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def context_features(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int],
                     lo: int, hi: int, *, question: bool) -> list[str]:
    """What says whether the thing named at ``anchor`` happened: the words there and around it,
    the status cues in the clause (by status, side and distance, and by phrase), negation
    right before it, a question. Shared by the factuality model and the status model.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tuple(tokenize("Xiaomi has no plans to buy Ford"))
    >>> lex = load_lexicon("en")
    >>> f = context_features(toks, lex, find_cues(Sentence(0, 0, 31, "", toks), lex), (5, 6), 0, 7,
    ...                      question=False)
    >>> [x for x in f if x.startswith(("a=", "cue="))]
    ['a=buy', 'cue=denied|L', 'cue=planned|L']
    """
    ai, aj = anchor
    n = len(tokens)
    f = ["bias", f"a={tokens[ai].low}" if ai < n else "a=</s>"]
    for d in (1, 2, 3):
        k = ai - d
        f.append(f"w-{d}={tokens[k].low if k >= lo else '<s>'}")
    f.append(f"w+1={tokens[aj].low if aj < hi else '</s>'}")
    f += [f"l={t.low}" for t in tokens[max(lo, ai - _WINDOW_LEFT) : ai] if t.is_word]
    f += [f"r={t.low}" for t in tokens[aj : min(hi, aj + _WINDOW_RIGHT)] if t.is_word]
    for o in outer_hits(hits):
        st = o.cue.status
        if st is None or not (lo <= o.i < hi):
            continue
        side = "L" if o.i < ai else "A" if o.i < aj else "R"
        dist = ai - o.j if side == "L" else o.i - aj if side == "R" else 0
        f += [f"cue={st}|{side}", f"cued={st}|{side}|{_bucket(dist)}", f"cuew={' '.join(o.cue.words)}|{side}"]
    if negated(tokens, lex, hits, ai, lo):
        f.append("neg")
    if not lex.negations.isdisjoint(map(_LOW, tokens[lo:hi])):  # (no generator step per token)
        f.append("neg-clause")
    if question:
        f.append("question")
    return list(dict.fromkeys(f))


_BETWEEN = 6  # words after the first party and before the second whose presence is a feature


def party_features(tokens: Sequence[Token], hits: Sequence[Hit], parties: Sequence[tuple[int, int]], lo: int,
                   hi: int, relation: str) -> list[str]:
    """What the two parties' own surroundings say, wherever the relation is read: the word before
    each, the words between them, and the status cues that stand right before a party ("former
    Carling chief executive X") or between the two.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tuple(tokenize("X named former Carling chief executive Y as chairman"))
    >>> hits = find_cues(Sentence(0, 0, 52, "", toks), load_lexicon("en"))
    >>> [x for x in party_features(toks, hits, [(6, 7), (3, 4)], 0, 9, "works_for") if "cue" in x]
    ['pcue=ended', 'pcue=ended|works_for']
    """
    (ai, aj), (bi, _) = sorted(parties)
    f = [f"p1-1={tokens[ai - 1].low if ai > lo else '<s>'}", f"p2-1={tokens[bi - 1].low if bi > lo else '<s>'}"]
    gap = [t.low for t in tokens[aj:bi] if t.is_word]
    f += [f"btw={w}" for w in (gap if len(gap) <= 2 * _BETWEEN else gap[:_BETWEEN] + gap[-_BETWEEN:])]
    f.append(f"gap={_bucket(bi - aj)}")
    for o in outer_hits(hits):
        st = o.cue.status
        if st is None or not (lo <= o.i < hi):
            continue
        if any(0 <= i - o.j <= 1 for i, _ in parties):
            f += [f"pcue={st}", f"pcue={st}|{relation}"]
        if aj <= o.i and o.j <= bi:
            f.append(f"bcue={st}")
    return list(dict.fromkeys(f))
