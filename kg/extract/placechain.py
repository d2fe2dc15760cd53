"""A place written with its region ("Toledo, Ohio", "Lyon, France", "Peoria, Ill."): whatever is based in
one of the two is based in both. The rules and the pair classifier each read the link to the name next to
their cue or features; this completes the chain, as CoNLL04 and most wire copy mean it.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.found import Found
from kg.extract.gazindex import GazIndex
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence
from kg.schema import link_key

__all__ = ["place_chains", "regional_links", "split_addresses"]

_PLACES = frozenset({"Place", "Country"})


def split_addresses(s: Sentence, names: list[Mention], gaz: GazIndex) -> list[Mention]:
    """``names`` with each place read as one name across a comma ("Springfield, Va.", "Fort Worth , Texas":
    the tagger's reading) split into the town and its region, each a mention of its own, as the guideline
    has them (docs/annotations.md, "City, State"; with the cross-validated tagger on the English train
    split all 5 such names were one false Place and two missed ones). Each part must start with a capital.
    """
    toks = s.tokens
    out: list[Mention] = []
    for m in names:
        commas = [k for k in range(m.i + 1, m.j - 1) if toks[k].text == ","]
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
