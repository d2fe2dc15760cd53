"""A person whose employer a construction of the rules reads ("Nicholas F. Brady, Purolator's chairman",
"Frank Bennack Jr, president and chief executive officer of Hearst") gets no other employer of the same
sentence from the pair classifier: with the out-of-fold relation models on the English train split, the
classifier's false works_for links most often crossed such pairs ("Emery's chairman, John C. Emery" read as
Purolator's too).
"""

from __future__ import annotations

from kg.extract.found import Found
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.schema import ORG_TYPES, link_key

__all__ = ["claimed_people"]


# What may stand between an employer's name and another name of it or of its unit
_JOINERS = frozenset({"(", ")"}) | POSSESSIVE


def claimed_people(s: Sentence, ms: list[Mention], found: list[Found]) -> set[tuple[str, str, str]]:
    """works_for links the pair classifier must not add: from a person the rules (``found``) give an employer
    to any other organisation of ``ms`` (not to another name of that employer or a unit of it:
    :func:`_same_body`).

    >>> from kg.extract.text import tokenize
    >>> s = Sentence(0, 0, 17, "Ann Lumeo Bo Vexo", tuple(tokenize("Ann Lumeo Bo Vexo")))
    >>> ann = Mention(0, 0, 1, 0, 0, "Ann", "Person", "ann", "Ann")
    >>> lumeo = Mention(0, 1, 2, 0, 0, "Lumeo", "Company", "lumeo", "Lumeo")
    >>> bo = Mention(0, 2, 3, 0, 0, "Bo", "Person", "bo", "Bo")
    >>> vexo = Mention(0, 3, 4, 0, 0, "Vexo", "Company", "vexo", "Vexo")
    >>> sorted(claimed_people(s, [ann, lumeo, bo, vexo], [Found("works_for", ann, lumeo, "asserted", s)]))
    [('works_for', 'ann', 'vexo')]
    """
    toks = s.tokens
    jobs = [f for f in found if f.type == "works_for"]
    if not jobs:
        return set()
    orgs = [m for m in ms if m.type in ORG_TYPES]
    out = set()
    named = [m for m in ms if m.type != "Sector"]
    for f in jobs:
        for o in orgs:
            lo, hi = min(f.object.j, o.j), max(f.object.i, o.i)
            # only across another name ("Purolator's chairman, Nicholas F. Brady, Emery's chairman"): with none
            # between, both may be the person's ("owner of Celeste Banks and the radio station Celeste FM")
            if any(lo <= m.i and m.j <= hi and m.key != f.subject.key for m in named) and \
                    not _same_body(toks, f.object, o):
                out.add(link_key("works_for", f.subject.key, o.key))
    # a person the rules give two employers keeps both
    return out - {link_key("works_for", f.subject.key, f.object.key) for f in jobs}


def _same_body(toks: tuple[Token, ...], a: Mention, b: Mention) -> bool:
    """Whether ``b`` may name the employer ``a`` too, or a part of it: the same key, a short form in brackets
    or a unit after a possessive right beside it ("CHP ( Republican People 's Party ) leader X", "Harvard
    University 's John F. Kennedy School"), or one name's last word in the other ("Edison spokesman X" of
    "Southern California Edison")."""
    if a.key == b.key:
        return True
    x, y = (a, b) if a.i < b.i else (b, a)
    if 1 <= y.i - x.j <= 2 and all(t.text in _JOINERS for t in toks[x.j : y.i]):
        return True
    wa, wb = {t.low for t in toks[a.i : a.j]}, {t.low for t in toks[b.i : b.j]}
    return toks[a.j - 1].low in wb or toks[b.j - 1].low in wa
