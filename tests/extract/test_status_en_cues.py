"""English status cues and scopes of session 13 (s13-enstatus5): negated light-verb bids, offers not received,
control guessed at, disputes ended, bids blocked, a subjectless "but" clause that disowns control.

Every sentence here is written for these tests (no corpus text); company names are fictional. Each relation is
read as a gold pair is read (:func:`kg.train.status.make_item`, :func:`kg.train.status.rules`).
"""

from __future__ import annotations

import pytest

from kg.train.status import make_item, rules


def _status(text: str, a: str, b: str, relation: str) -> str:
    """The rules' status of the ``relation`` between the first ``a`` and the first ``b`` of ``text``."""
    ia, ib = text.index(a), text.index(b)
    it = make_item("t", "en", text, (ia, ia + len(a)), (ib, ib + len(b)), relation, "asserted")
    assert it is not None
    return rules(it)


CASES = [
    # a bid named by a light verb under negation, beyond a bare negation's three words
    ("Norvik Shipping said it would not make an unsolicited takeover proposal for Talon Ports.",
     "Norvik Shipping", "Talon Ports", "acquisition", "denied"),
    ("Norvik Shipping said it would make an unsolicited takeover proposal for Talon Ports.",
     "Norvik Shipping", "Talon Ports", "acquisition", "planned"),
    # an offer not received: the bid is denied, the holder's stake stands
    ("Talon Ports said it has not received any takeover offer from Norvik Shipping.",
     "Norvik Shipping", "Talon Ports", "acquisition", "denied"),
    ("Vexo Holdings has not received any offers for its stake in Talon Ports.",
     "Vexo Holdings", "Talon Ports", "investment", "asserted"),
    # control guessed at after a stake bought: the takeover is a rumour, the stake stands
    ("Norvik Shipping said it bought a 9.8 pct stake in Talon Ports and might seek control.",
     "Norvik Shipping", "Talon Ports", "acquisition", "rumored"),
    ("Norvik Shipping said it bought a 9.8 pct stake in Talon Ports and might seek control.",
     "Norvik Shipping", "Talon Ports", "investment", "asserted"),
    # a dispute settled, resolved, dropped or lost has ended; a settlement only talked about has not
    ("Norvik Shipping has settled its patent dispute with Talon Ports.",
     "Norvik Shipping", "Talon Ports", "legal_dispute", "ended"),
    ("Norvik Shipping and Talon Ports resolve trademark dispute",
     "Norvik Shipping", "Talon Ports", "legal_dispute", "ended"),
    ("Norvik Shipping loses court case against Talon Ports",
     "Norvik Shipping", "Talon Ports", "legal_dispute", "ended"),
    ("Norvik Shipping has settled its patent dispute with Talon Ports.",
     "Norvik Shipping", "Talon Ports", "partnership", "asserted"),
    # a bid blocked has ended; one a party seeks to block has not
    ("Regulators blocked Norvik Shipping's bid to acquire Talon Ports.",
     "Norvik Shipping", "Talon Ports", "acquisition", "ended"),
    ("Unions seek to block Norvik Shipping's bid to acquire Talon Ports.",
     "Norvik Shipping", "Talon Ports", "acquisition", "planned"),
    # a clause with no subject of its own, after "but", goes on with the first party: a denial flagged either
    # there disowns the control (the stake stays bought); a plain denial there does not reach the pair
    ("Norvik Shipping said it bought the stock for investment, but does not intend to seek control of Talon Ports.",
     "Norvik Shipping", "Talon Ports", "acquisition", "denied"),
    ("Norvik Shipping is weighing an offer for Talon Ports, but has no interest in its preferred shares.",
     "Norvik Shipping", "Talon Ports", "acquisition", "rumored"),
]


@pytest.mark.parametrize(("text", "a", "b", "relation", "status"), CASES,
                         ids=[f"{c[3]}-{c[4]}-{k}" for k, c in enumerate(CASES)])
def test_english_cues_of_session_13(text: str, a: str, b: str, relation: str, status: str) -> None:
    assert _status(text, a, b, relation) == status


def test_a_settlement_only_talked_about_ends_nothing() -> None:
    text = "Norvik Shipping, which has a suit pending against Talon Ports, discussed the possibility of settlement."
    assert _status(text, "Norvik Shipping", "Talon Ports", "legal_dispute") != "ended"
