"""A bid named by its bidder: "USAir rejected TWA's offer", "USAir might reject the TWA offer".

A bid word (``bid_words`` of ``language.toml``: "offer", "bid", "proposal") after a company's name in the
possessive ("TWA's offer", "TWA's revised takeover bid") or after "the" and the name ("the TWA offer") says
that company bids; what it bids for is often named only as the other party of the sentence ("USAir rejected
TWA's offer"), where no cue ("offer for", "bid for") reads it. When the sentence names exactly one other
company, that company is the target: an acquisition (an investment when a person bids, as kg.extract.sale
reads a buyer: "Caesars World rejected the Sosnoff takeover bid"), its status read at the bid word like any cue's
("rejected" leaves a planned bid planned; "withdrew" ends it). The markers are data
(``bid_possessor_markers`` and ``bid_name_articles`` of ``language.toml``; a language without them has no
such construction).

On kg's English train split (gold units with a company's "'s offer/bid/proposal" or "the X offer" and exactly
one other company or organisation): the gold has the bidder acquire the other in 15 of 17. Out of fold on train
(tp/fp with status): acquisition +7/+4 (3 of the 4 a right pair with another status), investment +3/+1.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.found import Found, Hit
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import clause, types_ok
from kg.extract.status import decide
from kg.extract.text import Sentence
from kg.schema import ORG_TYPES

_BIDDERS = ORG_TYPES | {"Person"}  # a person's bid is an investment (as kg.extract.sale reads a buyer)
_MODIFIERS = 3  # lowercase words between the bidder and the bid word ("TWA's revised takeover offer")


def _bidder(s: Sentence, ms: Sequence[Mention], k: int, markers: frozenset[str], articles: frozenset[str]
            ) -> Mention | None:
    """The company whose bid the bid word at token ``k`` is ("TWA's offer", "the TWA offer"), else None."""
    toks = s.tokens
    m = k
    while m > 0 and k - m < _MODIFIERS and toks[m - 1].low.isalpha() and not toks[m - 1].is_cap:
        m -= 1
    # the bidder ends right before the modifiers, after a possessive marker (a ticker in brackets may
    # stand before it: "TWA <TWA>'s offer") or with "the" before it
    end = m
    possessive = end > 0 and toks[end - 1].low in markers
    if possessive:
        end -= 1
        if end > 0 and toks[end - 1].text == ">":
            end = next((x for x in range(end - 1, -1, -1) if toks[x].text == "<"), end)
    for b in ms:
        if b.j == end and b.type in _BIDDERS and (possessive or (b.i > 0 and toks[b.i - 1].low in articles)):
            return b
    return None


def possessed_bids(s: Sentence, lex: Lexicon, ms: Sequence[Mention], hits: Sequence[Hit],
                   found: Sequence[Found], *, learned: bool = False, models: str | None = None) -> list[Found]:
    """The acquisitions (a person's: investments) that bids named by their bidder state, where the sentence
    names one other company and ``found`` (the sentence's other relations) has no deal between the two.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> text = "USAir earlier today rejected TWA's offer."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> def name(i, j):
    ...     t = " ".join(x.text for x in s.tokens[i:j])
    ...     return Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end, t, "Company", t.lower(), t)
    >>> ms = [name(0, 1), name(4, 5)]
    >>> [(f.type, f.subject.text, f.object.text, f.status) for f in possessed_bids(s, lex, ms, find_cues(s, lex), [])]
    [('acquisition', 'TWA', 'USAir', 'planned')]
    """
    markers = lex.optional_words("bid_possessor_markers")
    if not markers:
        return []
    bids = lex.words("bid_words")
    toks = s.tokens
    out: list[Found] = []
    for k, t in enumerate(toks):
        if t.low not in bids:
            continue
        bidder = _bidder(s, ms, k, markers, lex.optional_words("bid_name_articles"))
        if bidder is None:
            continue
        others = {m.key: m for m in ms if m.type in ORG_TYPES and m.key != bidder.key}
        if len(others) != 1:
            continue  # no one else, or several (which of them is bid for is not said)
        target = next(iter(others.values()))
        rtype = "acquisition" if bidder.type in ORG_TYPES else "investment"
        if target.type != "Company" or not types_ok(rtype, bidder, target):
            continue
        if any(f.type in ("acquisition", "investment") and {f.subject.key, f.object.key} == {bidder.key, target.key}
               for f in [*found, *out]):
            continue
        lo, hi = clause(s, lex, k)
        status = decide(s, lex, hits, (k, k + 1), rtype, lo, hi, learned=learned, models=models,
                        parties=((bidder.i, bidder.j), (target.i, target.j)))
        # a bid is a plan until it is read as ended, denied or rumoured (the bid word is the anchor, so its
        # own planned cue is not read)
        out.append(Found(rtype, bidder, target, "planned" if status == "asserted" else status, s,
                         confidence=0.6))
    return out
