"""A place written with its region ("Toledo, Ohio", "Lyon, France", "Peoria, Ill."): whatever is based in
one of the two is based in both. The rules and the pair classifier each read the link to the name next to
their cue or features; this completes the chain, as CoNLL04 and most wire copy mean it.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.found import Found
from kg.extract.gazindex import GazIndex
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.extract.tokens import token_lows
from kg.schema import ORG_TYPES, link_key

__all__ = ["based_owners", "claimed_places", "place_chains", "regional_links", "split_addresses"]

_PLACES = frozenset({"Place", "Country"})


def split_addresses(s: Sentence, names: list[Mention], gaz: GazIndex) -> list[Mention]:
    """``names`` with each place read as one name across a comma ("Springfield, Va.", "Fort Worth , Texas":
    the tagger's reading) split into the town and its region, each a mention of its own, as the guideline
    has them (docs/annotations.md, "City, State"; with the cross-validated tagger on the English train
    split all 5 such names were one false Place and two missed ones). Each part must start with a capital.
    """
    toks = s.tokens
    if "," not in token_lows(toks):  # no comma: no place to split
        return list(names)
    out: list[Mention] = []
    for m in names:
        commas = [k for k in range(m.i + 1, m.j - 1) if toks[k].text == ","] if m.type in _PLACES else []
        if m.type not in _PLACES or len(commas) != 1 or not (toks[m.i].is_cap and toks[commas[0] + 1].is_cap):
            out.append(m)
            continue
        k = commas[0]
        out += [replace(_name_mention(s, m.i, k, "Place", gaz), source=m.source),
                replace(_name_mention(s, k + 1, m.j, "Place", gaz), source=m.source)]
    return out


def place_chains(s: Sentence, ms: list[Mention]) -> dict[str, list[Mention]]:
    """Each place mention's chain, by mention key: a town and its region, "A , B", where A is a Place
    (not a country: "France, Germany" lists two) and no third place or "and"/"or" follows B (a list of
    places, "Paris, Lyon and Nice", is no address). "Salem and Corvallis, Ore." chains Corvallis and Ore.
    """
    toks = s.tokens
    places = sorted((m for m in ms if m.type in _PLACES and m.source != "coref"), key=lambda m: m.i)
    chains: list[list[Mention]] = []
    for m in places:
        last = chains[-1][-1] if chains else None
        if last is not None and m.i == last.j + 1 and toks[last.j].text == "," and m.key != last.key:
            chains[-1].append(m)
        else:
            chains.append([m])
    out: dict[str, list[Mention]] = {}
    for c in chains:
        after = toks[c[-1].j].text.lower() if c[-1].j < len(toks) else ""
        if len(c) == 2 and c[0].type == "Place" and after not in ("and", "or", "&"):
            out[c[0].key] = out[c[1].key] = c
    return out


def regional_links(s: Sentence, ms: list[Mention], found: list[Found]) -> list[Found]:
    """based_in links to the other places of a chain (:func:`place_chains`) of a place something in
    ``found`` is based in, with that link's status and confidence; none that ``found`` already holds."""
    chains = place_chains(s, ms) if any(f.type == "based_in" for f in found) else {}
    if not chains:
        return []
    have = {link_key(f.type, f.subject.key, f.object.key) for f in found}
    out = []
    for f in found:
        if f.type != "based_in" or f.object.key not in chains:
            continue
        for p in chains[f.object.key]:
            key = link_key("based_in", f.subject.key, p.key)
            if key not in have and p.key != f.subject.key:
                have.add(key)
                out.append(replace(f, object=p))
    return out


def claimed_places(s: Sentence, ms: list[Mention], found: list[Found]) -> set[tuple[str, str, str]]:
    """based_in links the pair classifier must not add: a place a construction of the rules (``found``)
    gives to one organisation ("Irvine, Calif.-based AFG", "Lawrence Insurance, based in Albany, N.Y.") is
    not where another organisation of the sentence is, nor is any place of its chain (:func:`place_chains`).
    With the out-of-fold relation models on the English train split, most of the classifier's false based_in
    links gave such a place to another company of the sentence ("Wagner and Brown of Midland Texas and
    Irvine, Calif.-based AFG Industries": Wagner and Brown in Irvine).

    >>> from kg.extract.text import tokenize
    >>> text = "Brown of Texas and Irvine-based AFG Inc ."
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> brown = Mention(0, 0, 1, 0, 0, "Brown", "Company", "brown", "Brown")
    >>> irvine = Mention(0, 4, 5, 0, 0, "Irvine", "Place", "irvine", "Irvine")
    >>> afg = Mention(0, 5, 7, 0, 0, "AFG Inc", "Company", "afg", "AFG Inc")
    >>> sorted(claimed_places(s, [brown, irvine, afg], [Found("based_in", afg, irvine, "asserted", s)]))
    [('based_in', 'brown', 'irvine')]
    """
    owner: dict[str, set[str]] = {}
    for f in found:
        # a country before the name is a modifier that others share ("the U.S. National Aeronautics and Space
        # Administration and the Department of Defense"); "-based" is read below
        if f.type == "based_in" and f.object.type in _PLACES and not (f.object.type == "Country"
                                                                      and f.object.i < f.subject.i):
            owner.setdefault(f.object.key, set()).add(f.subject.key)
    for place, who in based_owners(s, ms):
        owner.setdefault(place.key, set()).add(who.key)
    if not owner:
        return set()
    chains = place_chains(s, ms)
    for key in list(owner):
        for p in chains.get(key, ()):
            owner.setdefault(p.key, set()).update(owner[key])
    orgs = {m.key for m in ms if m.type in ORG_TYPES}
    return {link_key("based_in", o, p) for p, held in owner.items() for o in orgs if o not in held}


# Words between "X-based" and the name it describes: "Toronto-based vaccine maker Connaught", "the London-based
# Swedish financier Erik Penser"; a longer run is rather a clause of its own.
_BASED_GAP = 4


def based_owners(s: Sentence, ms: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(place, owner) for each place written "X-based", "X - based" or "X based" and the name it describes:
    the first organisation or person after it with only words between ("Los Angeles based Northrop
    Grumman", "London-based Swedish financier Erik Penser"), or the description that holds it ("the
    Pittsburgh-based company"). The place is that name's, whoever else the sentence names.

    >>> from kg.extract.text import tokenize
    >>> text = "Miami - based Carnival Inc owes Waertsilae ."
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> miami = Mention(0, 0, 1, 0, 0, "Miami", "Place", "miami", "Miami")
    >>> carnival = Mention(0, 3, 5, 0, 0, "Carnival Inc", "Company", "carnival", "Carnival Inc")
    >>> [(p.text, o.text) for p, o in based_owners(s, [miami, carnival])]
    [('Miami', 'Carnival Inc')]
    """
    toks = s.tokens
    out = []
    for k, m in enumerate(ms):
        if m.type not in _PLACES:
            continue
        end = _based_end(toks, m.j)
        if end is None:
            continue
        held = next((o for o in ms if o.source == "coref" and o.i <= m.i and m.j <= o.j and o.type in ORG_TYPES), None)
        for o in ms[k + 1 :] if held is None else ():
            if o.i < end:
                continue
            if o.i - end > _BASED_GAP or not all(t.is_word for t in toks[end : o.i]):
                break
            if o.type in ORG_TYPES or o.type == "Person":
                held = o
            break
        if held is not None:
            out.append((m, held))
    return out


def _based_end(toks: tuple[Token, ...] | list[Token], j: int) -> int | None:
    """The token after "-based" / "- based" / "based" written right after a place ending at token ``j``
    ("Perth-based" is one token that ends the place), or None."""
    if toks[j - 1].low.endswith("-based"):
        return j
    if j < len(toks) and toks[j].low in ("based", "-based"):
        return j + 1
    if j + 1 < len(toks) and toks[j].text in ("-", "–") and toks[j + 1].low == "based":
        return j + 2
    return None
