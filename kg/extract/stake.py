"""A stake is not an acquisition: "bought 9.5 pct of Y" is an investment.

kg's guideline (docs/annotations.md) calls a deal an acquisition when it takes
control (all shares, a majority, a unit bought outright) and an investment when it
buys a stake below control. Acquisition cues ("buy", "acquire", "stake in") and the
pair classifier do not see the difference, so every acquisition read from a sentence
is checked here: the words between the buyer and the target (and the two after the
target: "the Husky stake") are read from the target backwards, up to the first other
name, with the word classes of ``ontology/lang/<code>/relations/stake.txt``. A control
word ("all", "remaining", "tender offer") or a percentage above 50 keeps it an
acquisition; else a percentage of at most 50, a stake word or a counted number of
shares ("258,591 shares") makes it an investment.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Lifetime Corp agreed to buy five mln shares, or 16 pct, of Nippon Lace Co Ltd")
>>> below_control(toks, (0, 2), (12, 16), "en")
True
>>> toks = tokenize("Tenvar agreed to acquire all the shares of Lumeo")
>>> below_control(toks, (0, 1), (7, 8), "en")
False
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kg.extract.parts import described
from kg.extract.text import Token
from kg.resources import phrase_classes
from kg.schema import RELATION_TYPES

if TYPE_CHECKING:
    from kg.extract.found import Found
    from kg.extract.mentions import Mention

_CONTROL_ABOVE = 50.0  # a share above half is control; "50 pct" of a joint company is not
_AFTER = 3  # words after the target that still describe the stake ("the Y stake", "Y common shares outstanding")


def _classes(language: str) -> dict[tuple[str, ...], str]:
    return phrase_classes(language, "relations/stake.txt")


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _quantity(tokens: Sequence[Token], k: int, classes: dict[tuple[str, ...], str]) -> bool:
    """A number or a number word within the three words before token ``k`` ("five mln common shares")."""
    return any(_number(t.text) is not None or classes.get((t.low,)) == "amount" for t in tokens[max(0, k - 3) : k])


def _signals(tokens: Sequence[Token], lo: int, hi: int, classes: dict[tuple[str, ...], str]) -> set[str]:
    """The signals read over ``tokens[lo:hi]``: "stake", "percent-stake", "percent-control", "whole", "control",
    "more" (shares counted by "additional" or "more": a stake where the sentence names no control, :func:`_read`)."""
    out: set[str] = set()
    get = classes.get
    k = lo
    while k < hi:
        # the two-word phrase at k, else the word (two key tuples a token, no generator: most words are
        # neither, and this reads whole sentences)
        low = tokens[k].low
        cls, n = (get((low, tokens[k + 1].low)) if k + 1 < len(tokens) else None), 2
        if cls is None:
            cls, n = get((low,)), 1
            if cls is None:
                k += 1
                continue
        if cls in ("control", "whole", "stake"):
            out.add(cls)
        elif cls == "count" and _quantity(tokens, k, classes):
            out.add("stake")
        elif cls == "count" and any(classes.get((t.low,)) == "more" for t in tokens[max(0, k - 3) : k]):
            out.add("more")
        elif cls == "unit" and k > 0:
            value = _number(tokens[k - 1].text)
            if value is not None:
                out.add("percent-control" if value > _CONTROL_ABOVE else "percent-stake")
        k += n
    return out


def _below(signals: set[str]) -> bool:
    # control words first ("the remaining 49 pct"), then a percentage, then a stake word or a count of shares
    if "control" in signals or "percent-control" in signals:
        return False
    if "percent-stake" in signals:
        return True
    return "stake" in signals and "whole" not in signals


def below_control(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int], language: str) -> bool:
    """Whether the words between ``buyer`` and ``target`` (token spans) describe a stake below control."""
    return _below(_read(tokens, buyer, target, language))


def _read(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int], language: str) -> set[str]:
    classes = _classes(language)
    if not classes:
        return set()
    if buyer[0] < target[0]:
        lo, hi = buyer[1], target[0]
        # from the target back to the nearest other name ("Paris-based" is no name); a description of the
        # target names no one ("a 30 pct stake in Europe's largest copper producer, Y", "a stake in Italian
        # car maker <Y>")
        k = hi
        while k > lo and tokens[k - 1].text in ("<", ","):
            k -= 1
        k = described(tokens, lo, k, language) if k < hi else hi
        while k > lo and not (tokens[k - 1].is_cap and not tokens[k - 1].low.endswith("-based")):
            k -= 1
        after = min(len(tokens), target[1] + _AFTER)
        signals = _signals(tokens, k, hi, classes) | _signals(tokens, target[1], after, classes)
    else:  # "the Husky stake that Union Faith bought"
        signals = _signals(tokens, target[1], buyer[0], classes)
    if "more" in signals:
        # "buying additional shares of Y" is a stake unless the sentence speaks of control elsewhere
        signals.discard("more")
        if not {"control", "percent-control"} & _signals(tokens, 0, len(tokens), classes):
            signals.add("stake")
    return signals


def becomes_investment(rtype: str, subject: Mention, obj: Mention, tokens: Sequence[Token], language: str) -> bool:
    """Whether a relation ``rtype`` between ``subject`` and ``obj`` is an acquisition of a stake below control,
    which :func:`as_investment` makes an investment."""
    if rtype != "acquisition" or subject.sent != obj.sent or obj.type not in RELATION_TYPES["investment"].object_types:
        return False
    return below_control(tokens, (subject.i, subject.j), (obj.i, obj.j), language)


def status_type(rtype: str, subject: Mention, obj: Mention, tokens: Sequence[Token], language: str) -> str:
    """The type a relation's status is read for: the type it will have. An acquisition of a stake below control
    becomes an investment (:func:`as_investment`), so its status is read as the investment's, as the status
    cues' scope and the status model read gold investments: "bought the Y stake ... and has no intention of
    seeking control of it" (the stake asserted; the denial is of control, flag ``not=``), "would not buy more Y
    stock" (the stake stands, :func:`kg.extract.statusscope.further`). English train, with the relation
    models out of fold (``scripts/eval_annotations.py``): see docs/status.md.

    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Norvik bought the Talon stake")
    >>> def m(i, name):
    ...     return Mention(0, i, i + 1, 0, 0, name, "Company", name.lower(), name, "ner")
    >>> status_type("acquisition", m(0, "Norvik"), m(3, "Talon"), toks, "en")
    'investment'
    >>> status_type("acquisition", m(0, "Norvik"), m(3, "Talon"), tokenize("Norvik bought all of Talon"), "en")
    'acquisition'
    """
    return "investment" if becomes_investment(rtype, subject, obj, tokens, language) else rtype


def as_investment(found: Found, language: str) -> Found:
    """``found`` as an investment if it is an acquisition of a stake below control, else unchanged.

    (An investment is never made an acquisition here: the annotations call a holding of more
    than half, "owns 56 pct of Y", an investment too.)
    """
    if not becomes_investment(found.type, found.subject, found.object, found.sentence.tokens, language):
        return found
    return dataclasses.replace(found, type="investment")


_DEALS = ("acquisition", "investment")


def _control(found: Found, language: str) -> bool:
    s, o = found.subject, found.object
    if s.sent != o.sent:
        return False
    return bool({"control", "percent-control"} & _read(found.sentence.tokens, (s.i, s.j), (o.i, o.j), language))


def one_deal_type(found: Sequence[Found], language: str, key: Callable[[Mention], str]) -> list[Found]:
    """``found`` with one of acquisition and investment for a pair where one sentence gave it both with the
    same status (a cue "buy" and a cue "shares", or the pair classifier on the same words): the acquisition
    where the words between the parties name control (a control word or a share above half), else the
    investment ("barred from buying additional USAir shares", "would not buy more USAir stock"). ``key``
    gives a mention's entity. Two statuses are two claims and both stay ("bought the stake ... no intention
    of seeking control": a stake asserted, an acquisition denied), as do pairs read in different sentences.
    On the English train split: 17 false links fewer, 1 right link more and 2 lost (2,419 gold links);
    deciding also where the statuses differ lost 12 right links for 23 false ones.
    """
    def pair(f: Found) -> tuple[int, frozenset[str], str]:
        return f.sentence.index, frozenset((key(f.subject), key(f.object))), f.status

    types: dict[tuple[int, frozenset[str], str], set[str]] = defaultdict(set)
    for f in found:
        if f.type in _DEALS:
            types[pair(f)].add(f.type)
    mixed = {k for k, v in types.items() if len(v) > 1}
    if not mixed:
        return list(found)
    control = {pair(f) for f in found if f.type == "acquisition" and pair(f) in mixed and _control(f, language)}
    return [f for f in found if f.type not in _DEALS or pair(f) not in mixed
            or f.type == ("acquisition" if pair(f) in control else "investment")]
