"""English names kg must not emit, or must emit whole and with the right type (issue 11, entity precision).

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.surfaces import country_type
from kg.model import Article
from kg.resources import language_dir, languages


def _entities(text: str, language: str = "en") -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language=language))
    return {(e.label, e.type) for e in x.entities}


def _mentions(text: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    return {(" ".join(m.text.split()), e.type) for e in x.entities for m in e.mentions}


def test_a_dependent_territory_is_a_place_and_a_former_country_a_country():
    found = _entities("Lumeo Holdings Ltd of Hong Kong bought Vexo AG of West Germany and Tarsa Inc of Puerto Rico.")
    assert ("Hong Kong", "Place") in found
    assert ("Puerto Rico", "Place") in found
    assert ("West Germany", "Country") in found
    assert {"Soviet Union"} == {label for label, t in _entities("Vexo AG sold its unit to the USSR.") if t == "Country"}


@pytest.mark.parametrize("language", languages())
def test_territories_are_a_language_setting(language: str) -> None:
    # a dependent territory is a Place where the language lists it (territories.txt), a state a Country
    listed = (language_dir(language) / "territories.txt").is_file()
    assert country_type("HK", language) == ("Place" if listed else "Country")
    assert country_type("JP", language) == "Country"


def test_amp_is_the_ampersand_of_a_mangled_name():
    found = _entities("Harbor Federal Savings amp Loan Association said it agreed to buy Vexo Corp.")
    assert ("Harbor Federal Savings amp Loan Association", "Company") in found
    assert not {label for label, _ in found if label in ("Harbor Federal Savings", "Loan Association")}


def _tagged(text: str, runs: list[tuple[str, str]], language: str = "en") -> set[tuple[str, str]]:
    """What :func:`kg.extract.learned.tagged_names` keeps when the tagger reads ``runs`` (name text, type)
    in ``text``: the tagger's runs are given, so these tests do not depend on what the model learnt."""
    from kg.extract.gazindex import gaz_index
    from kg.extract.learned import TaggerReading, tagged_names
    from kg.extract.lexicon import load_lexicon
    from kg.extract.ner import tagger
    from kg.extract.text import split_sentences

    (s,) = split_sentences(text, [(0, len(text))], load_lexicon(language))
    starts = {t.start - s.start: k for k, t in enumerate(s.tokens)}
    ends = {t.end - s.start: k + 1 for k, t in enumerate(s.tokens)}
    spans = [(starts[text.index(name)], ends[text.index(name) + len(name)], etype) for name, etype in runs]
    model = tagger(language, None)
    reading = TaggerReading(model, model.emissions(s.tokens), spans)
    return {(m.text, m.type) for m in tagged_names(s, gaz_index(language), [], language=language, reading=reading)}


@pytest.mark.parametrize(
    ("text", "junk", "etype"),
    [
        ("They have been holding talks with other European companies on possible accords.", "European", "Place"),
        ("They have been holding talks with other Swedish companies on possible accords.", "Swedish", "Place"),
        ("Vexo Corp sold the stake to European investors last week.", "European", "Organization"),
        ("It said it will make a statement at 1100 EST concerning the report.", "EST", "Organization"),
        ("The players will cost 199 dlrs and 249 USD respectively.", "USD", "Organization"),
    ],
)
def test_region_adjectives_time_zones_and_currencies_name_nothing(text, junk, etype):
    assert _tagged(text, [(junk, etype)]) == set()
    assert _tagged(text.replace(junk, "Harwick"), [("Harwick", etype)])  # a name in the same place stays


def test_a_persons_label_has_no_title():
    from kg.extract.merging import untitled

    assert (untitled("Mrs. Higgins", "en"), untitled("Gen. Nhek Bunchhay", "en")) == ("Higgins", "Nhek Bunchhay")
    x = extract(Article(id="t", text="Mrs. Higgins works for the Pentagon, Lumeo Corp said.", language="en"))
    people = [e for e in x.entities if e.type == "Person"]
    assert [e.label for e in people] == ["Higgins"]
    # the text's own form stays a surface of the entity (a gold set that keeps titles still finds it)
    assert {m.text for e in people for m in e.mentions} | set(people[0].aliases) >= {"Mrs. Higgins"}


def test_an_agent_noun_keeps_its_line_of_business_before_a_name():
    found = _mentions("Lumeo Group said it agreed to acquire jewelry retailer Vexo Inc for 50 mln dlrs.")
    assert ("jewelry retailer", "Sector") in found
    assert ("acquire jewelry retailer", "Sector") not in found


def test_cross_validation_folds_keep_an_articles_sentences_together():
    from tests.scripts import load_script

    cv = load_script("scripts/cv_hybrid.py")
    ids = [f"reuters-{n}:{offset}" for n in range(40) for offset in (0, 215, 480)]
    folds = {doc: {cv.fold_of(i, 3) for i in ids if i.startswith(doc + ":")} for doc in {i.split(":")[0] for i in ids}}
    assert all(len(f) == 1 for f in folds.values())  # one fold per article
    assert {f for fs in folds.values() for f in fs} == {0, 1, 2}


def test_a_sector_word_that_modifies_another_noun_names_no_line_of_business():
    # "stock market rumors", "banking sources": the kind of the rumours and sources, not a company's business
    assert not {t for _, t in _entities("Vexo Corp shares rose on stock market rumors that Lumeo Inc may bid, "
                                        "banking sources said.") if t == "Sector"}
    # before a company word, a part of one or an industry it stays one ("operates_in")
    assert ("broadcasting", "Sector") in _mentions("Lumeo Inc agreed to buy Vexo Corp, the Ohio broadcasting company.")
    assert ("banking", "Sector") in _mentions("Lumeo Inc, the banking concern, bought Vexo Corp.")


def test_an_investment_firm_is_the_investment_sector_without_its_generic_head():
    # docs/annotations.md, sector spans: "a New York investment firm" -> "investment" ("steel industry" -> "steel")
    found = _mentions("Tarsa Partners, a Denver investment firm, said it raised its stake in Vexo Corp.")
    assert ("investment", "Sector") in found
    assert ("investment firm", "Sector") not in found


def test_a_listed_company_name_that_is_a_town_before_its_country_is_a_place():
    # "Zurich" is an insurer in the lists; "of Zurich, Switzerland" is the town
    found = _entities("Vexo Corp bought a stake in Tarsa Reinsurance Co of Zurich, Switzerland.")
    assert ("Zurich", "Place") in found and ("Zurich", "Company") not in found
    # before a country's possessive the comma opens an apposition: the insurer stays
    assert ("Zurich", "Company") in _entities("Vexo Corp, a unit of Zurich, Britain's biggest insurer, sold Lumeo Inc.")


def test_a_tagged_person_or_town_that_is_bought_is_a_company():
    # the tagger's runs are given: "Turco" as a town, "Harwick" as a person
    assert _tagged("Vexo Corp said it agreed to acquire Turco for 20 mln dlrs.", [("Turco", "Place")]) == {
        ("Turco", "Company")}
    assert _tagged("Vexo Corp made a bid for Harwick last week.", [("Harwick", "Person")]) == {("Harwick", "Company")}
    assert _tagged("Vexo Corp said Harwick would buy shares.", [("Harwick", "Person")]) == {("Harwick", "Person")}


def test_a_family_is_named_as_people_are():
    found = _tagged("Vexo Corp and the Harwick family hold the stake.", [("Harwick", "Place")])
    assert found == {("Harwick", "Person")}
    assert _tagged("Vexo Corp and Harwick hold the stake.", [("Harwick", "Place")]) == {("Harwick", "Place")}


def test_a_region_adjective_before_a_company_word_names_no_company():
    found = _entities("Lumeo Chemicals Inc is exploring the sale of its European subsidiary Lumeo Chemie AG.")
    assert "European" not in {label for label, _ in found}
    assert ("Lumeo Chemie AG", "Company") in found


@pytest.mark.parametrize("text,name,inside", [
    ("Vexo Ltd sold its unit to Tarsa Mining (Canada) Ltd for 12 mln dlrs.", "Tarsa Mining (Canada) Ltd", "Canada"),
    ('"It will pass," Lumeo Securities (Japan) Ltd analyst Ana Ruiz said.', "Lumeo Securities (Japan) Ltd", "Japan"),
    ("Ana Ruiz, a consultant for Brand Tarsa ( Japan ) Inc. , said no.", "Brand Tarsa ( Japan ) Inc", "Japan"),
])
def test_a_bracketed_place_before_a_legal_form_is_part_of_the_company(text: str, name: str, inside: str) -> None:
    found = _mentions(text)
    assert (name, "Company") in found
    assert not any(m == inside for m, _ in found)  # the place in brackets is no mention of its own


def test_a_bracket_after_a_whole_name_stays_apart() -> None:
    assert ("Canada", "Country") in _mentions("Lumeo Corp (Canada) said it sold the plant.")


def test_a_common_first_word_is_no_person_before_a_job_title() -> None:
    found = _mentions("Recently , analysts have said Vexo is weak.")
    assert not any(t == "Person" for _, t in found)
    assert ("Ana Ruiz", "Person") in _mentions("Ana Ruiz, an analyst at Vexo Corp, said no.")


def test_two_joined_initials_start_a_company_name() -> None:
    found = _mentions("Vexo Inc agreed to acquire Denver parts distributor K and W\nElectric Supply Co for cash.")
    assert ("K and W Electric Supply Co", "Company") in found


@pytest.mark.parametrize("text,name", [
    ("Vexo said the deal calls for Tarsi's, a major\nsupplier of sportswear, to work with it.", "Tarsi's"),
    ("Vexo Corp agreed to buy Tarsi's, the company said.", "Tarsi's"),
    ("Vexo Corp and Kelbrook Stores 's said they agreed to merge .", "Kelbrook Stores 's"),
    # a modal or auxiliary verb never follows a possessive (possessive_breakers.txt)
    ("Vexo Corp said Kelbrook's will buy the unit.", "Kelbrook's"),
    ("Analysts said Kelbrook's would consider an offer from Vexo Corp.", "Kelbrook's"),
])
def test_an_s_that_owns_nothing_ends_the_name(text: str, name: str) -> None:
    assert (name, "Company") in _mentions(text)


def test_a_possessive_s_stays_out_of_the_name() -> None:
    found = _mentions("Vexo Corp bought 20 pct of Tarsi's stock and Lumeo Inc's.")
    assert ("Tarsi", "Company") in found and ("Lumeo Inc", "Company") in found


@pytest.mark.parametrize("title", ["Rep.", "Captain", "Justice", "Judge"])
def test_a_title_before_a_persons_name_is_no_part_of_it(title: str) -> None:
    found = _entities(f"{title} Ana Ruiz said Vexo Corp broke the law.")
    assert ("Ana Ruiz", "Person") in found
    assert not any(label.startswith(title) for label, _ in found)


def test_united_starts_a_company_name() -> None:
    found = _mentions("United Tarsa (Canada) Ltd said it sold the mine to Vexo Corp.")
    assert ("United Tarsa (Canada) Ltd", "Company") in found


def test_a_tagger_run_cut_after_and_does_not_displace_the_legal_form_name() -> None:
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import find_names
    from kg.extract.taggerruns import front_cut
    from kg.extract.text import split_sentences

    lex, gaz = load_lexicon("en"), gaz_index("en")
    text = "Tarsa and Lumeo Hotels Ltd said it sold the stake."
    s = split_sentences(text, [(0, len(text))], lex)[0]
    walk = [m for m in find_names(s, lex, gaz) if m.source == "pattern"]
    assert [" ".join(m.text.split()) for m in walk] == ["Tarsa and Lumeo Hotels Ltd"]
    tail = (2, 5, "Organization")  # "Lumeo Hotels Ltd"
    assert front_cut(s, 2, 5, "Organization", walk, [tail])
    assert front_cut(s, 2, 5, "Organization", walk, [(0, 1, "Place"), tail])  # "Hongkong and ..."
    assert not front_cut(s, 2, 5, "Organization", walk, [(0, 1, "Person"), tail])  # a person and a company
    assert not front_cut(s, 2, 5, "Organization", walk, [(0, 1, "Organization"), tail])  # two companies
    assert not front_cut(s, 3, 5, "Organization", walk, [(3, 5, "Organization")])  # no "and" before it


def test_the_countries_of_the_united_kingdom_are_countries():
    # docs/annotations.md: "Leeds, England" -> Place + Country (constituent_countries.txt)
    found = _entities("Lumeo Holdings Ltd of Leeds, England, bought Vexo Ltd of Stirling, Scotland.")
    assert ("England", "Country") in found
    assert ("Scotland", "Country") in found
