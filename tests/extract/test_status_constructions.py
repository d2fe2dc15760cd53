"""Status constructions of session 15 (s15-status): a product named with its maker, a relation named as done
("pasca akuisisi", "after its acquisition"), "declined to", "pulled out of", a rumour denied in headline form
("Tepis Isu"), a line of business closed ("Tutup Lapak X"), a settlement cancelled or a duty failed in a dispute.

Every sentence here is written for these tests (no corpus text); company and product names are fictional. Each
relation is read as a gold pair is read (:func:`kg.train.status.make_item`, :func:`kg.train.status.rules`); each
construction has a control sentence the rule must leave alone.
"""

from __future__ import annotations

import pytest

from kg.train.status import make_item, rules


def _status(lang: str, text: str, a: str, b: str, relation: str) -> str:
    """The rules' status of the ``relation`` between the first ``a`` and the first ``b`` of ``text``."""
    ia, ib = text.index(a), text.index(b)
    it = make_item("t", lang, text, (ia, ia + len(a)), (ib, ib + len(b)), relation, "asserted")
    assert it is not None
    return rules(it)


CASES = [
    # a product named with its maker is a name: a rumour or plan elsewhere in the clause is not about the launch
    ("id", "Norvik Zeta 5 disebut-sebut sebagai penantang paling serius untuk ponsel Talon.",
     "Norvik", "Zeta 5", "launch", "asserted"),
    ("id", "Untuk mengatasi rumor yang mendera Norvik Zeta 5, perusahaan memperbarui perangkat lunaknya.",
     "Norvik", "Zeta 5", "launch", "asserted"),
    ("en", "Analysts expect sales of the Norvik Zeta 5 to rise next year.", "Norvik", "Zeta 5", "launch", "asserted"),
    # ... but a plan or rumour about the launch itself stays one
    ("id", "Norvik dikabarkan akan meluncurkan Zeta 5 bulan depan.", "Norvik", "Zeta 5", "launch", "rumored"),
    ("en", "Norvik plans to launch the Zeta 5 next year.", "Norvik", "Zeta 5", "launch", "planned"),
    # a relation named as done ("pasca", "usai", "after"): the plan is about what comes after it
    ("id", "Talon Ungkap Rencana Bisnis Pasca Akuisisi Norvik", "Talon", "Norvik", "acquisition", "asserted"),
    ("id", "Talon Ungkap Rencana Usai Caplok Norvik", "Talon", "Norvik", "acquisition", "asserted"),
    ("id", "Talon Ungkap Rencana Akuisisi Norvik", "Talon", "Norvik", "acquisition", "planned"),
    ("en", "Talon Ports outlined plans to cut costs after its acquisition of Norvik Shipping.",
     "Talon Ports", "Norvik Shipping", "acquisition", "asserted"),
    ("en", "Talon Ports outlined plans for the acquisition of Norvik Shipping.",
     "Talon Ports", "Norvik Shipping", "acquisition", "planned"),
    # "declined to" right before the relation cue denies it, as "refused to"; declining to comment denies nothing
    ("en", "Norvik Shipping declined to bid for Talon Ports.", "Norvik Shipping", "Talon Ports", "acquisition",
     "denied"),
    ("en", "Norvik Shipping declined to comment on its bid for Talon Ports.", "Norvik Shipping", "Talon Ports",
     "acquisition", "planned"),
    # a party that pulled out of a deal has ended it
    ("en", "Norvik Shipping pulled out of its deal to buy Talon Ports.", "Norvik Shipping", "Talon Ports",
     "acquisition", "ended"),
    # a rumour denied in headline form is one denial: it denies what follows, not the link named before it
    ("id", "Anak Usaha Norvik, Talon, Tepis Isu IPO Tahun Ini", "Talon", "Norvik", "subsidiary_of", "asserted"),
    ("id", "Norvik Tepis Isu Akuisisi Talon", "Norvik", "Talon", "acquisition", "denied"),
    # a line of business closed: the ending cue before the later party is read where the pair is read
    ("id", "Ini Alasan Norvik (NRVK) Tutup Lapak Jualan Online", "Norvik", "Jualan Online", "operates_in", "ended"),
    ("id", "Norvik Ungkap Nasib Karyawan Usai Tutup E-Commerce", "Norvik", "E-Commerce", "operates_in", "ended"),
    ("id", "Ini Alasan Norvik (NRVK) Buka Lapak Jualan Online", "Norvik", "Jualan Online", "operates_in", "asserted"),
    # what is cancelled or fails in a dispute is not the dispute
    ("id", "Perdamaian Norvik dengan Talon Batal", "Norvik", "Talon", "legal_dispute", "asserted"),
    ("id", "Norvik Batal Akuisisi Talon", "Norvik", "Talon", "acquisition", "ended"),
    ("en", "Talon Ports sued Norvik Shipping, saying its managers failed to disclose their holdings.",
     "Talon Ports", "Norvik Shipping", "legal_dispute", "asserted"),
    ("en", "Norvik Shipping failed in its bid for Talon Ports.", "Norvik Shipping", "Talon Ports", "acquisition",
     "ended"),
]


@pytest.mark.parametrize(("lang", "text", "a", "b", "relation", "status"), CASES,
                         ids=[f"{c[0]}-{c[4]}-{c[5]}-{k}" for k, c in enumerate(CASES)])
def test_status_constructions_of_session_15(lang: str, text: str, a: str, b: str, relation: str,
                                            status: str) -> None:
    assert _status(lang, text, a, b, relation) == status
