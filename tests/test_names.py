from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.names import is_legal_form, legal_forms, normalize
from kg.resources import language_dir, languages, read_lines


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PT Bukit Asam Tbk", "Bukit Asam"),
        ("PT. Bukit Asam (Persero) Tbk.", "bukit asam"),
        ("Ford Motor Company", "Ford Motor"),
        ("Ford Motor Co.", "FORD MOTOR"),
        ("PT Bank Rakyat Indonesia (Persero) Tbk", "Bank Rakyat Indonesia"),
        ("Xiaomi Corporation", "Xiaomi Inc."),
        ("Volkswagen AG", "Volkswagen"),
        ("Siemens Energy SE", "Siemens Energy"),
        ("Royal Dutch Shell plc", "Royal Dutch Shell"),
        ("Sime Darby Berhad", "Sime Darby Bhd"),
        ("Société Générale S.A.", "Societe Generale"),
        ("McDonald's Corp", "McDonalds"),
        ("U.S. Steel", "US Steel"),
        ("The Coca-Cola Company", "Coca Cola"),
        ("  GoTo   Gojek Tokopedia ", "GoTo Gojek Tokopedia"),
    ],
)
def test_same_company(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bank Negara Indonesia", "Bank Rakyat Indonesia"),
        ("Ford Motor Company", "Ford"),  # a brand is not a normalised name; the gazetteer links them
        ("Astra International", "Astra Agro Lestari"),
        ("Bank Mandiri", "Bank Mandiri Taspen"),
        ("PT Timah Tbk", "PT Timah Investasi Mineral"),
        ("Semen Indonesia", "Semen Baturaja"),
    ],
)
def test_different_companies(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_legal_forms_inside_a_name_stay() -> None:
    assert normalize("The Boston Company Asset Management") == "boston company asset management"
    assert normalize("Bank Group Holdings Bank") == "bank group holdings bank"


@pytest.mark.parametrize("name", ["The Group", "PT", "Inc.", "Holdings Ltd", "(Persero)", "Co"])
def test_never_reduced_to_nothing(name: str) -> None:
    assert normalize(name)
    assert normalize(name) == " ".join(normalize(name).split())


def test_legal_forms_cover_both_languages() -> None:
    forms = legal_forms()
    assert {"PT", "Tbk", "Persero", "Inc", "Corp", "Corporation", "Ltd", "Limited", "Co", "Company", "Group",
            "Holdings", "LLC", "PLC", "AG", "SA", "NV", "BV", "GmbH", "Bhd", "Pte"} <= forms
    # "AS" is the United States in Indonesian text: never a legal form to strip
    assert "AS" not in forms
    for code in languages():
        assert set(read_lines(language_dir(code) / "legal_forms.txt")) <= forms


@pytest.mark.parametrize(
    ("token", "expected"),
    [("Tbk.", True), ("(Persero)", True), ("GMBH", True), ("N.V.", True), ("Bank", False), ("AS", False),
     ("", False)],
)
def test_is_legal_form(token: str, expected: bool) -> None:
    assert is_legal_form(token) is expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Tbk.", "inc", "INC", "Bank", "(Persero)", "S.A.", "", "Ford"]) | st.text(max_size=8),
                max_size=12))
def test_is_legal_form_cache_answers_as_the_rule(tokens: list[str]) -> None:
    # cached (the rules ask about the same words again and again): in any order of questions, asked
    # twice, each answer is the uncached rule's
    for t in tokens + tokens:
        assert is_legal_form(t) is is_legal_form.__wrapped__(t)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_normalize_is_idempotent_and_tidy(name: str) -> None:
    key = normalize(name)
    assert normalize(key) == key
    assert key == key.strip() and "  " not in key
    if any(c.isalnum() for c in name):
        assert key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ.,'’ -é_1")), max_size=20))
def test_fold_without_a_dot_skips_the_dotted_pattern_with_the_same_key(name: str) -> None:
    # _fold tries the dotted-abbreviation pattern only on text with a dot: the same key as always trying it
    from kg.names import _DOTTED

    assert "." in name or _DOTTED.search(name) is None
