"""Relations the learned pair classifier reads between the named mentions of one sentence
(:mod:`kg.extract.relmodel`), with the status the rules' cues and the status model give them where
the relation stands. The hybrid engine adds them to the rule engine's relations (:mod:`kg.extract`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.found import Found, Hit
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.stake import status_type
from kg.extract.text import Sentence
from kg.schema import link_key

if TYPE_CHECKING:
    from kg.extract.relmodel import Span

__all__ = ["Asked", "asked_pairs", "classified_relations", "pair_status", "status_at"]

# Parties further apart than this (in tokens) are not paired: long wire sentences would cost
# a classification per pair for almost no relations.
_MAX_PAIR_DISTANCE = 40
# Each name is paired with at most this many names on either side: a sentence packed with names
# ("PT A menggandeng PT B dan PT C dan ...") would otherwise cost a classification for every pair
# of them, quadratic in the names of a 200-token sentence; real sentences rarely hold more.
_MAX_NEIGHBOURS = 4

# What a name says about itself rather than a deal it takes part in: a venue may have these.
_NOT_DEALS = frozenset({"works_for", "based_in"})


@dataclass(frozen=True)
class Asked:
    """The pairs of named mentions of one sentence the pair classifier is asked about
    (:func:`asked_pairs`), with the ids of the mentions a venue frame introduces (``gone``) and of
    the country modifiers (``modifiers``), which :func:`classified_relations` reads again."""

    pairs: list[tuple[Mention, Mention]]
    gone: frozenset[int]
    modifiers: frozenset[int]

    def spans(self) -> list[tuple[Span, Span]]:
        """The pairs as the classifier reads them (:func:`kg.extract.pairscore.classify_pairs`)."""
        return [((a.i, a.j, a.type), (b.i, b.j, b.type)) for a, b in self.pairs]


def asked_pairs(s: Sentence, ms: list[Mention], *, language: str) -> Asked:
    """The pairs of the named mentions ``ms`` of ``s`` that :func:`classified_relations` asks the pair
    classifier about (near enough, not a venue with a deal partner), in order."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.relmodel import allowed
    from kg.extract.venues import country_modifiers, demonym, venues

    lex = load_lexicon(language)
    # "told Reuters", "approved by the Chinese government", "according to Ana Diaz, director of X": a
    # name a venue frame introduces is no party of a deal, but still works somewhere or is based
    # somewhere (who is speaking, where the regulator is)
    gone = frozenset(id(ms[k]) for k in venues(s, lex, ms))
    # "Chinese automaker X", "the largest producer in the U.S.": where X is, never a party of a deal;
    # a demonym in passing ("broadcast in Russian") not even that
    modifiers = frozenset(id(ms[k]) for k in country_modifiers(s, lex, ms))
    named = [m for k, m in enumerate(ms) if m.source != "coref" and m.type != "Sector"
             and not (id(m) in modifiers and demonym(m, lex))]
    pairs = ((a, b) for x, a in enumerate(named)
             for b in named[max(0, x - _MAX_NEIGHBOURS) : x] + named[x + 1 : x + 1 + _MAX_NEIGHBOURS])
    asked = [(a, b) for a, b in pairs
             if a.key != b.key and abs(a.i - b.i) <= _MAX_PAIR_DISTANCE
             # a venue and a name it could only deal with: not asked (as before)
             and not ((id(a) in gone or id(b) in gone) and _NOT_DEALS.isdisjoint(allowed(a.type, b.type)))]
    return Asked(asked, gone, modifiers)


# The deals the classifier reads only where the sentence speaks of one (deal_said)
_DEALS = frozenset({"acquisition", "investment"})
_DEAL_CUES = frozenset({"acquisition", "investment", "subsidiary_of"})


def deal_said(s: Sentence, lex: Lexicon, hits: Sequence[Hit]) -> bool:
    """Whether sentence ``s`` has a word of a deal: a cue of an acquisition, an investment or a unit
    (``hits``), a word of selling (``relations/sale.txt``), of a stake or its shares (``relations/stake.txt``),
    a bid word (``bid_words`` of ``language.toml``) or another word of ``relations/deal_words.txt``
    ("suitor"). "USX had no immediate plans to restructure its Marathon Oil Co" has none: the pair
    classifier's acquisition there is no deal. On kg's English train split, out of fold: acquisition and
    investment 12 false links fewer, no right one lost.
    """
    if any(h.cue.relation in _DEAL_CUES for h in hits):
        return True
    words = _deal_words(lex.code)
    return any(t.low in words for t in s.tokens)


@functools.cache
def _deal_words(language: str) -> frozenset[str]:
    from kg.extract.lexicon import load_lexicon
    from kg.resources import phrase_classes, word_set

    lex = load_lexicon(language)
    out = set(word_set(language, "relations/deal_words.txt"))
    out |= {k[0] for k, cls in phrase_classes(language, "relations/sale.txt").items() if cls in ("sale", "sold")}
    out |= {k[0] for k, cls in phrase_classes(language, "relations/stake.txt").items()
            if cls in ("stake", "count", "unit", "control")}
    return frozenset(out | lex.optional_words("bid_words"))


def classified_relations(s: Sentence, ms: list[Mention], known: set[tuple[str, str, str]], *,
                         language: str, models: str | None = None, hits: list[Hit] | None = None,
                         read: tuple[Asked, list[tuple[str | None, float]]] | None = None) -> list[Found]:
    """Relations the pair classifier reads between named mentions of one sentence (``hits``: its cues,
    :func:`kg.extract.cueparties.find_cues`, when already found; ``read``: :func:`asked_pairs` of ``s``
    and ``ms`` and the classifier's answers for them, when already asked, e.g. with the other
    sentences of the article by :func:`kg.extract.pairscore.classify_many`)."""
    from kg.extract.cueparties import find_cues
    from kg.extract.lexicon import load_lexicon
    from kg.extract.pairscore import classify_pairs

    lex = load_lexicon(language)
    if read is None:
        ask = asked_pairs(s, ms, language=language)
        read = ask, classify_pairs(s.tokens, ask.spans(), language=language, models=models)
    ask, answers = read
    asked, gone, modifiers = ask.pairs, ask.gone, ask.modifiers
    out = []
    seen: set[tuple[str, str, str]] = set()
    for (a, b), (rtype, p) in zip(asked, answers, strict=True):
        # The model answers only above its cross-validated threshold and for the types it is trusted
        # with in this language (kg.extract.pairscore.classify); no second threshold here.
        if rtype is None or (rtype != "based_in" and (id(a) in modifiers or id(b) in modifiers)):
            continue
        if rtype not in _NOT_DEALS and (id(a) in gone or id(b) in gone):
            continue
        key = link_key(rtype, a.key, b.key)
        if key in known or key in seen:
            continue
        if rtype in _DEALS:
            if hits is None:
                hits = find_cues(s, lex)
            if not deal_said(s, lex, hits):
                continue
        seen.add(key)
        if hits is None:
            hits = find_cues(s, lex)
        # read for the type the link will have: a stake below control is an investment (kg.extract.stake)
        st = pair_status(s, lex, hits, status_type(rtype, a, b, s.tokens, language), (a.i, a.j), (b.i, b.j),
                         models=models)
        out.append(Found(rtype, a, b, st, s, confidence=round(0.5 * p, 3)))
    return out


def pair_status(s: Sentence, lex: Lexicon, hits: Sequence[Hit], rtype: str, a: tuple[int, int],
                b: tuple[int, int], *, models: str | None = None, learned: bool = True) -> str:
    """The status of a relation ``rtype`` the pair classifier read between the token spans ``a`` and
    ``b`` of ``s``: the rules' status cues and the status model (:func:`kg.extract.status.decide`),
    read where the relation stands (``hits``: the sentence's cues, :func:`kg.extract.cueparties.find_cues`);
    the rules alone without ``learned``."""
    from kg.extract.status import anchor_of

    return status_at(s, lex, hits, rtype, anchor_of(hits, rtype, a, b), a, b, models=models, learned=learned)


def status_at(s: Sentence, lex: Lexicon, hits: Sequence[Hit], rtype: str, anchor: tuple[int, int],
              a: tuple[int, int], b: tuple[int, int], *, models: str | None = None, learned: bool = True) -> str:
    """:func:`pair_status` read at ``anchor`` (:func:`kg.extract.status.anchor_of` of the pair), in its clause:
    a line of business or a seat by its negation and sale cues alone (:func:`kg.extract.status.fact_status`)."""
    from kg.extract.nearest import clause
    from kg.extract.status import NEGATION_ONLY, decide, fact_status

    lo, hi = clause(s, lex, anchor[0])
    if rtype in NEGATION_ONLY:
        return fact_status(s.tokens, lex, hits, anchor, lo, hi, rtype, (a, b), question=s.question)
    return decide(s, lex, hits, anchor, rtype, lo, hi, learned=learned, models=models, parties=(a, b))
