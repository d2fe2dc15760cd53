"""A deal a unit makes is not its parent's too.

"North American Group Ltd's North American Acquisition Corp said it has a definitive agreement to buy ...
Pioneer Business Group Inc": the rules and the pair classifier read the buyer's parent as a buyer as well.
In kg's English train gold a unit (subsidiary_of in the same unit) is a party of 32 acquisitions and
investments, and its parent of the same link to the same company in none. :func:`without_owner_deals` drops
the parent's link where the sentence reads both.
"""

from __future__ import annotations

from kg.extract.found import Found

__all__ = ["without_owner_deals"]

_DEALS = frozenset({"acquisition", "investment"})


def without_owner_deals(found: list[Found]) -> list[Found]:
    """``found`` without a parent's acquisition or investment of a company its unit (a subsidiary_of link of
    ``found``) has the same link with.

    >>> from kg.extract.mentions import Mention
    >>> def m(key): return Mention(0, 0, 1, 0, 1, key, "Company", key, key, "t")
    >>> unit, parent, target = m("unit"), m("parent"), m("target")
    >>> found = [Found("subsidiary_of", unit, parent, "asserted", None), Found("acquisition", unit, target,
    ...          "planned", None), Found("acquisition", parent, target, "planned", None)]
    >>> [(f.type, f.subject.key, f.object.key) for f in without_owner_deals(found)]
    [('subsidiary_of', 'unit', 'parent'), ('acquisition', 'unit', 'target')]
    """
    parents = {(f.subject.key, f.object.key) for f in found if f.type == "subsidiary_of"}
    if not parents:
        return found
    deals = {(f.type, f.subject.key, f.object.key) for f in found if f.type in _DEALS}
    owners = {(t, p, o) for t, a, o in deals for c, p in parents if c == a and p != o}
    if not owners:
        return found
    return [f for f in found if (f.type, f.subject.key, f.object.key) not in owners]
