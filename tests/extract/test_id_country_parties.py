"""Indonesian partnerships with a country (``country_partners_country`` in language.toml, kg.extract.assemble).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def _rules(text: str) -> set[tuple[str, ...]]:
    x = extract(Article(id="t", text=text, language="id"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object]) for r in x.relations}


def test_a_country_partners_only_a_country():
    # a country named by a company's partnership says where it happens (country_partners_country)
    one = _rules("PT Tirta Loka Abadi menjalin kerja sama dengan Jepang untuk pasar ekspor.")
    assert not any(t == "partnership" for t, _a, _b in one), one
    two = _rules("Indonesia dan Jepang sepakat menjalin kerja sama perdagangan.")
    assert any(t == "partnership" for t, _a, _b in two), two


def test_the_state_named_as_such_partners_a_company():
    rels = _rules("Pemerintah Jepang meneken kerja sama dengan PT Tirta Loka Abadi.")
    assert any(t == "partnership" for t, _a, _b in rels), rels
