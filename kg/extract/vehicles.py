"""A company formed to buy another one is the buyer, never the thing bought.

"North American Acquisition Corp", "Pizza Inn Acquiring Corp", "General Acquisition Co": a name with a word of
``ontology/lang/<code>/relations/vehicle_words.txt`` names a vehicle a buyer (or a management group) forms
for a deal. In kg's English train gold such a company is the buyer of all 22 acquisitions it is a party of and
the thing bought in none; the rules and the pair classifier read it as bought in 4, each the reverse of the
gold's link or a parent's own vehicle ("General Acquisition Co ... reiterated in a statement sent to GenCorp
... its earlier offer": GenCorp -> General Acquisition Co). :func:`buying_vehicles` turns such links round.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from kg.extract.found import Found
from kg.extract.mentions import Mention
from kg.resources import word_set
from kg.schema import link_key

__all__ = ["buying_vehicles", "is_vehicle"]


@functools.cache
def _words(language: str) -> frozenset[str]:
    return word_set(language, "relations/vehicle_words.txt")


def is_vehicle(m: Mention, language: str) -> bool:
    """Whether the name of ``m``'s entity (its label: a description's or pronoun's is its antecedent's) has a
    capitalised word of ``vehicle_words.txt`` after its first word.

    >>> name = Mention(0, 0, 3, 0, 23, "Tenvar Acquisition Corp", "Company", "t", "Tenvar Acquisition Corp", "t")
    >>> is_vehicle(name, "en"), is_vehicle(replace(name, label="Tenvar acquisition unit"), "en")
    (True, False)
    """
    words = _words(language)
    return any(w[:1].isupper() and w.lower() in words for w in m.label.split()[1:])


def buying_vehicles(ms: list[Mention], found: list[Found], language: str) -> list[Found]:
    """``found`` with each acquisition of a vehicle (:func:`is_vehicle`; any mention of ``ms`` with its key, so
    that "PC" is a vehicle after "PC Acquisition's") by a company that is not one turned
    round (the vehicle buys), none twice; dropped where the two are a parent and its unit ("North American
    Group Ltd's North American Acquisition Corp said it ... agreed to buy": a subsidiary_of link between them)."""
    if not _words(language) or not any(f.type == "acquisition" for f in found):
        return found
    vehicles = {m.key for m in ms if is_vehicle(m, language)}
    vehicles |= {m.key for f in found for m in (f.subject, f.object) if is_vehicle(m, language)}
    out: list[Found] = []
    have = {link_key(f.type, f.subject.key, f.object.key) for f in found}
    units = {frozenset((f.subject.key, f.object.key)) for f in found if f.type == "subsidiary_of"}
    for f in found:
        if f.type == "acquisition" and f.object.key in vehicles and f.subject.key not in vehicles:
            key = link_key(f.type, f.object.key, f.subject.key)
            if key in have or frozenset((f.subject.key, f.object.key)) in units:
                continue
            have.add(key)
            f = replace(f, subject=f.object, object=f.subject)
        out.append(f)
    return out
