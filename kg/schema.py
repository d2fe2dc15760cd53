"""The closed vocabularies of kg: entity types, relation types and statuses.

This table is the one source for them; ``ontology/kg.ttl`` names the same terms
(a test checks that the two agree).

>>> RELATION_TYPES["acquisition"].roles
('acquirer', 'target')
>>> RELATION_TYPES["partnership"].symmetric
True
>>> STATUS_PRECEDENCE.index("denied") < STATUS_PRECEDENCE.index("rumored")
True
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES: tuple[str, ...] = (
    "Company",
    "Organization",
    "Person",
    "Country",
    "Place",
    "Sector",
    "Product",
)

ORG_TYPES = frozenset({"Company", "Organization"})
PLACE_TYPES = frozenset({"Country", "Place"})
# Governments and states are parties in the news: a ministry signs a partnership, a
# state sues a company, a country buys from a supplier. Countries may therefore be
# parties of these deal types (but never acquire, own or employ).
PARTY_TYPES = ORG_TYPES | {"Country"}

STATUSES: tuple[str, ...] = ("asserted", "denied", "rumored", "planned", "ended")

# When one article reports the same link with several statuses, the claim takes the
# first of these that occurs: a report of a rumour followed by its denial is a denial,
# a plan later called off is ended, and talks that led to a signed deal are asserted.
STATUS_PRECEDENCE: tuple[str, ...] = ("denied", "ended", "asserted", "planned", "rumored")

# The property a speaker gets towards what they said, by status (``Xiaomi denies P``).
SPEAKER_PROPERTY: dict[str, str] = {
    "asserted": "asserts",
    "denied": "denies",
    "rumored": "rumors",
    "planned": "plans",
    "ended": "ends",
}


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type: its direction, the types it joins and its ontology terms.

    ``node_class`` is set for the n-ary relationships that become nodes of their own
    (a Partnership is a thing with parties and a sector); ``roles`` name the
    properties from that node to the subject and the object.
    """

    name: str
    predicate: str
    symmetric: bool
    subject_types: frozenset[str]
    object_types: frozenset[str]
    node_class: str | None = None
    roles: tuple[str, str] = ("party", "party")


RELATION_TYPES: dict[str, RelationType] = {
    r.name: r
    for r in (
        RelationType("partnership", "partnerOf", True, PARTY_TYPES, PARTY_TYPES, "Partnership"),
        RelationType(
            "acquisition", "acquired", False, ORG_TYPES, ORG_TYPES, "Acquisition", ("acquirer", "target")
        ),
        RelationType(
            "investment",
            "investedIn",
            False,
            PARTY_TYPES | {"Person"},
            ORG_TYPES,
            "Investment",
            ("investor", "investee"),
        ),
        RelationType("supply", "supplies", False, PARTY_TYPES, PARTY_TYPES, "SupplyDeal", ("supplier", "customer")),
        RelationType("subsidiary_of", "subsidiaryOf", False, ORG_TYPES, ORG_TYPES),
        RelationType("competitor_of", "competitorOf", True, ORG_TYPES, ORG_TYPES),
        RelationType("legal_dispute", "inLegalDisputeWith", True, PARTY_TYPES | {"Person"},
                     PARTY_TYPES | {"Person"}, "LegalDispute"),
        RelationType("based_in", "basedIn", False, ORG_TYPES, PLACE_TYPES),
        RelationType("operates_in", "operatesIn", False, ORG_TYPES, frozenset({"Sector"})),
        RelationType("launch", "launched", False, ORG_TYPES, frozenset({"Product"})),
        RelationType("works_for", "worksFor", False, frozenset({"Person"}), ORG_TYPES),
    )
}


def link_key(rtype: str, subject: str, obj: str) -> tuple[str, str, str]:
    """The identity of a link: symmetric types ignore the order of their parties.

    >>> link_key("partnership", "xiaomi", "ford-motor-company")
    ('partnership', 'ford-motor-company', 'xiaomi')
    >>> link_key("acquisition", "xiaomi", "ford-motor-company")
    ('acquisition', 'xiaomi', 'ford-motor-company')
    """
    if RELATION_TYPES[rtype].symmetric and obj < subject:
        subject, obj = obj, subject
    return rtype, subject, obj


def link_id(rtype: str, subject: str, obj: str) -> str:
    """The stable id of a link, from its key.

    >>> link_id("partnership", "xiaomi", "ford-motor-company")
    'partnership/ford-motor-company--xiaomi'
    """
    t, s, o = link_key(rtype, subject, obj)
    return f"{t}/{s}--{o}"


def strongest_status(statuses: list[str] | tuple[str, ...]) -> str:
    """The status one article's claim takes from all the statuses it reports.

    >>> strongest_status(["rumored", "denied", "asserted"])
    'denied'
    """
    return min(statuses, key=STATUS_PRECEDENCE.index)
