"""A person named first after a passive cue is the one it speaks of: in "Kementerian BUMN menunjuk Budi
Santoso menjadi Direktur Utama PT X" Budi is appointed, and PT X, named after him, is his employer, not a
firm the ministry appointed (the supply cue "menunjuk" reads "A menunjuk B" as B serving A). Called by
:func:`kg.extract.relations.find_relations`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.mentions import Mention


def person_first(ms: list[Mention], h: Hit, subject: Mention, rtype: str) -> bool:
    """Whether a person stands between the passive cue ``h`` and the ``subject`` named after it, for a
    relation type a person cannot be a party of (``supply``).

    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.found import Hit
    >>> from kg.extract.lexicon import Cue
    >>> hit = Hit(2, 3, Cue(("menunjuk",), relation="supply", passive=True))
    >>> budi = Mention(0, 3, 5, 0, 0, "Budi Santoso", "Person", "Budi Santoso", "Budi Santoso", "ner")
    >>> firm = Mention(0, 8, 10, 0, 0, "PT X", "Company", "PT X", "PT X", "ner")
    >>> person_first([budi, firm], hit, firm, "supply")
    True
    >>> person_first([firm], hit, firm, "supply")
    False
    """
    if rtype != "supply" or not h.cue.passive or subject.i < h.j:
        return False
    return any(m.type == "Person" and h.j <= m.i and m.j <= subject.i for m in ms)
