"""The sale construction: who sells what to whom.

"Tenvar agreed to sell its Lumeo unit to Vexo" says three things: Vexo acquires Lumeo
(planned), and Lumeo is Tenvar's subsidiary, still (the sale is only planned). Once the
sale is done ("completed the sale of its Lumeo unit") the subsidiary link has ended; a
denied or rumoured sale leaves it asserted ("has no plans to sell its stake in Lumeo":
the stake stays). A stake sold is an investment rather than a subsidiary; the buyer's
side goes through :mod:`kg.extract.stake` like any acquisition. The words are data:
``ontology/lang/<code>/relations/sale.txt`` (a language without the file has no sale
construction).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from kg.extract.found import Found, Hit
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import clause, left_party, types_ok
from kg.extract.stake import below_control
from kg.extract.status import decide
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.resources import phrase_classes
from kg.schema import ORG_TYPES, link_key

_THING_GAP = 6  # words between the sale word and the thing sold ("its 20 pct stake in")
_BUYER_GAP = 4  # words between the thing and "to" ("Lumeo unit, for 40 mln dlrs, to")
_SELLER_GAP = 10


def _words(language: str) -> dict[tuple[str, ...], str]:
    return phrase_classes(language, "relations/sale.txt")


def _classes(tokens: Sequence[Token], lo: int, hi: int, words: dict[tuple[str, ...], str]) -> set[str]:
    out = set()
    for k in range(lo, hi):
        cls = words.get((tokens[k].low,))
        if cls == "part" and not (k + 1 < len(tokens) and tokens[k + 1].low == "of"):
            continue  # "its 50 pct stake" is the whole stake; "10 pct of its unit" is part of it
        if cls is not None:
            out.add(cls)
    return out


@functools.cache
def _sale_starts(language: str) -> frozenset[str]:
    return frozenset(k[0] for k, cls in _words(language).items() if cls in ("sale", "sold"))


def _sale_words(tokens: Sequence[Token], words: dict[tuple[str, ...], str], language: str) -> Iterator[tuple[int, int]]:
    starts = _sale_starts(language)
    for i, t in enumerate(tokens):
        if t.low not in starts:
            continue  # (most words: spare the look-ups)
        for n in (2, 1):
            key = tuple(x.low for x in tokens[i : i + n])
            if len(key) == n and words.get(key) in ("sale", "sold"):
                yield i, i + n
                break


def sales(s: Sentence, lex: Lexicon, ms: list[Mention], hits: list[Hit]) -> tuple[list[Found], list[tuple[int, int]]]:
    """The relations the sale constructions of one sentence state, and the token spans they read
    (from the sale word to the thing sold: relation cues inside, such as "stake in", are read here)."""
    words = _words(lex.code)
    if not words:
        return [], []
    toks = s.tokens
    out: list[Found] = []
    spans: list[tuple[int, int]] = []
    for i, j in _sale_words(toks, words, lex.code):
        lo, hi = clause(s, lex, i)
        # the thing sold is named ("its" and "the company" before it are the seller's)
        thing = next((m for m in ms if j <= m.i <= j + _THING_GAP and m.j <= hi and m.type in ORG_TYPES
                      and any(t.is_cap for t in toks[m.i : m.j])), None)
        to = next((k for k in range(j, thing.i if thing else min(hi, j + _THING_GAP))
                   if words.get((toks[k].low,)) == "buyer"), None)
        if to is not None:
            # "sold three units to Vexo": Vexo is the buyer, the thing sold is not named (and the
            # units are no relation cue of the seller's)
            spans.append((i, to))
            continue
        if thing is None or any(t.is_cap or not (t.is_word or t.text in ("%", "-", "<")) for t in toks[j : thing.i]):
            continue
        about = _classes(toks, j, thing.i, words) | _classes(toks, thing.j, min(hi, thing.j + 2), words)
        if "asset" in about:
            continue  # "the assets of its Lumeo unit": Lumeo itself is not sold
        # the seller: the nearest party before the sale word ("Tenvar's chairman Ana Diaz sold his stake")
        seller = left_party(ms, i, lo, ORG_TYPES | {"Person"}, gap=_SELLER_GAP)
        buyer = None
        for k in range(thing.j, min(hi, thing.j + _BUYER_GAP + 1)):
            if words.get((toks[k].low,)) == "buyer":
                buyer = next((m for m in ms if k < m.i <= k + 2 and m.type in ORG_TYPES | {"Person"}), None)
                if buyer is not None and buyer.j < len(toks) and toks[buyer.j].text in POSSESSIVE:
                    buyer = None  # "to Vexo's Lumeo unit": the buyer is Vexo's unit
                break
        # the rules' status cues: "sold" is done, "agreed to sell" planned, "no plans to sell" denied
        sale = decide(s, lex, hits, (i, j), "", lo, hi, learned=False)  # the sale itself, of no one relation
        completed = any(h.cue.status == "asserted" and lo <= h.i < i for h in hits)
        done = sale == "asserted" and (words.get(tuple(t.low for t in toks[i:j])) == "sold" or completed)
        if sale == "ended" and any(h.cue.status == "ended" and h.i <= i < h.j for h in hits):
            sale, done = "asserted", True  # "sold off", "divested": the ending is the sale itself
        # what the seller keeps: ended once all of it is sold, else (a plan, a denial, part of it) asserted
        held = "ended" if done and not ("part" in about and "whole" not in about) else "asserted"
        if sale == "asserted" and not done:
            sale = "planned"  # "could sell", "to sell": not done
        stake = "stake" in about  # a stake sold (investment) rather than a unit (subsidiary_of)
        found = False
        if seller is not None and seller.key != thing.key and about & {"own", "stake"}:
            rtype, pair = ("investment", (seller, thing)) if stake else ("subsidiary_of", (thing, seller))
            if types_ok(rtype, *pair):
                out.append(Found(rtype, pair[0], pair[1], held, s, confidence=0.65, whole=True))
                found = True
        if buyer is not None and buyer.key not in (thing.key, seller.key if seller else ""):
            partial = stake or "part" in about
            control = not below_control(toks, (i, j), (thing.i, thing.j), lex.code) if partial else True
            rtype = "acquisition" if control and buyer.type in ORG_TYPES else "investment"
            if types_ok(rtype, buyer, thing):
                out.append(Found(rtype, buyer, thing, sale, s, confidence=0.65, whole=True))
                found = True
        if found:
            spans.append((i, thing.j))
    return out, spans


# deals the pair classifier must not read of a parent in its own unit (parent_blocks)
_PARENT_DEALS = ("acquisition", "investment")


def parent_blocks(found: Sequence[Found]) -> set[tuple[str, str, str]]:
    """Links the pair classifier must not add: a deal of a parent in its own unit, where the rules read the
    unit as the parent's ("Waste Management said its wholly owned subsidiary, WMX Acquisition Corp, ended its
    tender offer": no acquisition of WMX by Waste Management). On kg's English train split, out of fold,
    the classifier's deals on such pairs were 5 wrong and none right.

    >>> from kg.extract.text import tokenize
    >>> text = "Tenvar said its unit, Lumeo, agreed to buy Vexo."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> def name(i, j):
    ...     t = " ".join(x.text for x in s.tokens[i:j])
    ...     return Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end, t, "Company", t.lower(), t)
    >>> sorted(parent_blocks([Found("subsidiary_of", name(5, 6), name(0, 1), "asserted", s)]))
    [('acquisition', 'tenvar', 'lumeo'), ('investment', 'tenvar', 'lumeo')]
    """
    return {link_key(t, f.object.key, f.subject.key) for f in found
            if f.type == "subsidiary_of" and f.status == "asserted" for t in _PARENT_DEALS}


# words between what was bought and "from" ("the Golden Nugget Casino Hotel in Atlantic City, New Jersey from")
_FROM_GAP = 12


def sold_from(s: Sentence, lex: Lexicon, ms: list[Mention], found: list[Found]) -> list[Found]:
    """The seller's subsidiary_of for every acquisition in ``found`` whose target is followed by a
    ``seller_markers`` word and the seller: "UtiliCorp completed the acquisition of West Virginia Power
    from Dominion Resources" (West Virginia Power was Dominion's: ended once bought), "agreed to buy
    Occidental Life from TransAmerica Corp" (still TransAmerica's while the purchase is planned, denied
    or rumoured). Not after a bid word ("an offer for Lumeo from Tenvar" names the bidder), nor across
    another organisation, a price or a stake ("Lumeo shares from Tenvar"). On kg's English train split the gold
    gives 10 of 10 such sellers this subsidiary_of, ended when the purchase is asserted.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Vexo completed the acquisition of Lumeo from Tenvar Corp."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> def name(i, j):
    ...     t = " ".join(x.text for x in s.tokens[i:j])
    ...     return Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end, t, "Company", t.lower(), t)
    >>> ms = [name(0, 1), name(5, 6), name(7, 9)]
    >>> bought = Found("acquisition", ms[0], ms[1], "asserted", s)
    >>> [(f.type, f.subject.text, f.object.text, f.status) for f in sold_from(s, load_lexicon("en"), ms, [bought])]
    [('subsidiary_of', 'Lumeo', 'Tenvar Corp', 'ended')]
    """
    markers = lex.optional_words("seller_markers")
    if not markers or not any(f.type == "acquisition" for f in found):
        return []
    toks = s.tokens
    words = _words(lex.code)
    stops = lex.words("bid_words")
    have = {(f.type, f.subject.key, f.object.key) for f in found}
    out: list[Found] = []
    for f in found:
        if f.type != "acquisition":
            continue
        thing, buyer = f.object, f.subject
        at = next((k for k in range(thing.j, min(len(toks), thing.j + _FROM_GAP + 1)) if toks[k].low in markers), None)
        # not after a bid ("the counter-bid from X" names a bidder), a stake or a price ("Lumeo shares from
        # X", "for 35 dlrs a share, and from X"), nor of a part bought ("49 pct of Lumeo ... from X": X
        # held a stake in it)
        if at is None or any(toks[k].low.rsplit("-", 1)[-1] in stops or any(c.isdigit() for c in toks[k].text)
                             or words.get((toks[k].low,)) in ("stake", "sale", "sold") for k in range(thing.j, at)):
            continue
        if any(words.get((t.low,)) in ("part", "stake") for t in toks[max(0, thing.i - 3) : thing.i]):
            continue
        if any(m.type in ORG_TYPES and thing.j <= m.i < at for m in ms):
            continue  # "Lumeo and its Vexo unit from Tenvar": another party stands between
        k = at + 1 if at + 1 < len(toks) and toks[at + 1].text == "<" else at
        seller = next((m for m in ms if m.i == k + 1 and m.type in ORG_TYPES), None)
        if seller is None or seller.key in (thing.key, buyer.key):
            continue
        rel = ("subsidiary_of", thing.key, seller.key)
        if rel in have or not types_ok("subsidiary_of", thing, seller):
            continue
        have.add(rel)
        out.append(Found("subsidiary_of", thing, seller, "ended" if f.status == "asserted" else "asserted", s,
                         confidence=0.6))
    return out
