"""Names a deal sentence mentions that are not its parties: courts and regulators, countries used as
modifiers, rival bidders, the owner of a unit sold or the maker of a product bought, and loose supply cues.

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract.parts import part_or_product
from kg.extract.text import tokenize
from kg.extract.venues import authority
from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, status=False)


# --- courts and regulators -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Bancorp said the Federal Reserve Board approved its application to acquire Lumeo Savings Corp.",
        "Lumeo Corp said the Delaware Chancery Court denied a request to block the tender offer by Tenvar "
        "Industries Inc.",
    ],
)
def test_a_court_or_regulator_is_no_buyer_or_target(text):
    rels = _rels(text)
    bodies = {p for r in rels for p in r[1:3] if "Court" in p or "Reserve" in p}
    assert not {r for r in rels if r[0] == "acquisition" and {r[1], r[2]} & bodies}, rels


def test_authority_reads_the_words_of_an_organizations_name():
    assert authority("Delaware Chancery Court", "Organization", "en")
    assert authority("Securities and Exchange Commission", "Organization", "en")
    assert not authority("Reserve Petroleum Co", "Company", "en")  # a company's name may hold the word
    assert not authority("Tenvar Savings and Loan Association", "Organization", "en")
    assert not authority("Delaware Chancery Court", "Organization", "id")  # no word list in Indonesian


# --- countries that only qualify other words -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vexo Holdings Ltd, a Bermuda-based firm, said it bought 68,000 shares of Lumeo Corp.",
        "The Lumeo Corp order is worth US$ 6.8 billion, Tenvar Industries Inc said.",
        "Tenvar Industries Inc said further mergers within the Japanese oil industry with Lumeo Corp were possible.",
        "Tenvar Industries Inc has won a contract to supply the United Kingdom's Royal Air Force with tankers.",
    ],
)
def test_a_country_used_as_a_modifier_is_no_party(text):
    rels = _rels(text)
    deals = {p for r in rels if r[0] not in ("based_in", "operates_in") for p in r[1:3]}
    assert not {"Bermuda", "United States", "Japan", "United Kingdom"} & deals, rels


def test_a_demonym_before_government_is_the_state():
    rels = _rels("The Indonesian government signed a partnership with Tenvar Industries Inc.")
    assert any(r[0] == "partnership" and "Indonesia" in r[1:3] for r in rels), rels


# --- rival bidders are not competitors -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vexo Holdings Inc made a rival bid for Lumeo Corp on Monday.",
        "Lumeo Corp said Tenvar Industries Inc had won out over rival bidders.",
        "The Tenvar Industries Inc bid had been competing against a rival offer from Vexo Holdings Inc.",
    ],
)
def test_rival_bidders_are_not_competitors(text):
    assert not any(r[0] == "competitor_of" for r in _rels(text)), _rels(text)


def test_a_rival_in_a_market_is_a_competitor():
    rels = _rels("Tenvar Industries Inc is the main rival of Lumeo Corp in office furniture.")
    assert any(r[0] == "competitor_of" for r in rels), rels


# --- supply: a customer named, not anything provided ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc amended its offer to provide that the price will not be cut by Lumeo Corp's dividend.",
        "A court order requires Lumeo Corp to negotiate with Tenvar Industries Inc.",
        "Lumeo Corp, a supplier of disc drives for the Tenvar Industries Inc computer market, grew fast.",
    ],
)
def test_loose_supply_words_give_no_supply(text):
    assert not any(r[0] == "supply" for r in _rels(text)), _rels(text)


def test_an_agreement_to_provide_names_the_customer():
    rels = _rels("Tenvar Industries Inc signed an agreement to provide Lumeo Corp with voicemail systems.")
    assert ("supply", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels


# --- the owner of a part sold, the maker of a product bought -------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Tenvar Industries Inc agreed to acquire the plastic container business of Lumeo Corp.", "Lumeo Corp"),
        ("Tenvar Industries Inc said it acquired a hospital software business from Lumeo Corp.", "Lumeo Corp"),
        ("Tenvar Industries Inc completed the takeover of Lumeo Corp's mining machinery division.", "Lumeo Corp"),
        ("Vexo Airlines Ltd will purchase twenty new Airbus A320 jets.", "Airbus"),
        ("Vexo Airlines Ltd agreed to buy 12 used Tenvar Aerospace Corp 900s.", "Tenvar Aerospace Corp"),
        ("Vexo Airlines Ltd will also buy 20 of Tenvar Aerospace's larger 777 planes.", "Tenvar Aerospace"),
        ("Tenvar Industries Inc said it would buy Lumeo PLC <LUM.L>'s brewery division.", "Lumeo PLC"),
        ("Tenvar Bancorp said it acquired the customer account base of New York discount brokerage firm "
         "Lumeo Financial Inc.", "Lumeo Financial Inc"),
        ("Tenvar Realty SA is negotiating to buy the property assets of Lumeo Group Inc.", "Lumeo Group Inc"),
    ],
)
def test_the_owner_or_maker_of_what_is_bought_is_no_target(text, target):
    rels = _rels(text)
    assert not any(r[0] == "acquisition" and target in r[2] for r in rels), rels


def test_a_company_bought_whole_stays_the_target():
    rels = _rels("Tenvar Industries Inc agreed to acquire Lumeo Corp for 20 dlrs a share.")
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels


@pytest.mark.parametrize(
    "text",
    ["Vexo Airlines Ltd agreed to buy 12 used Tenvar Aerospace Corp 900s.",
     "Vexo Airlines Ltd will buy 20 of Tenvar Aerospace Corp's 777s."],
)
def test_a_count_of_products_bought_is_the_makers_supply(text):
    rels = _rels(text)
    assert ("supply", "Tenvar Aerospace Corp", "Vexo Airlines Ltd") in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc agreed to acquire all the assets of Lumeo Corp.",
        "Tenvar Industries Inc said it acquired the assets and customer base of Lumeo Corp.",
    ],
)
def test_all_the_assets_of_a_company_are_the_company(text):
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in _rels(text), _rels(text)


def test_a_count_of_shares_is_no_product():
    toks = tokenize("Tenvar has an option to acquire 588,300 of Lumeo's 1,774,326 shares outstanding")
    assert not part_or_product(toks, (0, 1), (9, 10), "en")


def test_part_or_product_needs_the_part_word_next_to_of():
    toks = tokenize("Tenvar said its unit agreed to acquire all of Lumeo")
    assert not part_or_product(toks, (0, 1), (9, 10), "en")
    toks = tokenize("Tenvar agreed to acquire the dairy business of Lumeo")
    assert part_or_product(toks, (0, 1), (8, 9), "en")
    assert not part_or_product(toks, (0, 1), (8, 9), "id")  # no word list in Indonesian


def test_the_classifier_may_place_a_company_in_a_modifier_country_but_not_deal_with_it(pair_classifier):
    # A stub classifier that links every company and country both ways: only based_in survives for a
    # country that merely says where ("in the U.S."), and a deal with it is dropped.
    def stub(tokens, a, b, *, language, models=None):
        if a[2] == "Company" and b[2] == "Country":
            return "based_in", 0.9
        if a[2] == "Country" and b[2] == "Company":
            return "supply", 0.9
        return None, 1.0

    pair_classifier(stub)
    rels = _rels("Tenvar Industries Inc, the largest copper producer in the U.S., reported a loss.")
    assert ("based_in", "Tenvar Industries Inc", "United States") in rels, rels
    assert not any(r[0] == "supply" for r in rels), rels


def test_in_indonesian_the_name_after_a_unit_cue_is_the_parent():
    rels = relations_of("Budi meneken kontrak dengan PT Sinar Logam, sebuah anak perusahaan PT Nusantara Baterai Tbk.",
                        "id", status=False)
    assert ("subsidiary_of", "PT Sinar Logam", "PT Nusantara Baterai Tbk") in rels, rels


def test_a_name_a_venue_frame_introduces_keeps_its_employer_and_seat_but_makes_no_deal(pair_classifier):
    # A stub classifier that links every person to every company and every company to every other:
    # the source after "according to" still works for her company, and the regulator a filing was made
    # with still has its seat, but neither buys anything.
    def stub(tokens, a, b, *, language, models=None):
        if a[2] == "Person" and b[2] == "Company":
            return "works_for", 0.9
        if a[2] in ("Company", "Organization") and b[2] in ("Company", "Organization"):
            return "acquisition", 0.9
        if a[2] == "Organization" and b[2] == "Place":
            return "based_in", 0.9
        return None, 1.0

    pair_classifier(stub)
    rels = _rels("The plant will close in May, according to Ana Dorval, director of Tenvar Industries Inc.")
    assert ("works_for", "Ana Dorval", "Tenvar Industries Inc") in rels, rels
    rels = _rels("In a filing with the Lumeo Securities Commission in Oslo, Tenvar Industries Inc said it bought "
                 "Vexo Corp.")
    assert ("based_in", "Lumeo Securities Commission", "Oslo") in rels, rels
    assert not {r for r in rels if r[0] == "acquisition" and "Lumeo Securities Commission" in r[1:]}, rels


# --- a part of another company that the sentence does not name ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp said its holders approved the merger with a wholly owned subsidiary of Tenvar Industries Inc.",
        "Lumeo Corp's valve business will be sold to a unit of Tenvar Industries Inc for cash.",
        "Lumeo Corp said it made an offer to acquire, through a wholly owned unit, all shares of Tenvar Inc.",
    ],
)
def test_an_unnamed_unit_of_a_company_is_no_party_of_subsidiary_of(text):
    rels = _rels(text)
    assert not any(r[0] == "subsidiary_of" for r in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp, a wholly owned subsidiary of Tenvar Industries Inc, said sales rose.",
        "Lumeo Corp is a valve maker and a unit of Tenvar Industries Inc.",
    ],
)
def test_a_unit_in_apposition_is_the_named_company(text):
    rels = _rels(text)
    assert ("subsidiary_of", "Lumeo Corp", "Tenvar Industries Inc") in rels, rels


# --- the seller after a verb of buying, and the agent of another verb ---------------------------------------


def _rule_links(text: str) -> set[tuple[str, str, str]]:
    from kg.extract import extract
    from kg.model import Article

    x = extract(Article(id="t", text=text, language="en"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Corp also acquired from Lumeo Inc various parcels of real estate in Ohio.",
        "Tenvar Corp said it agreed to buy eight retirement centers in six states from Lumeo Inc.",
    ],
)
def test_the_seller_after_from_is_no_target(text):
    assert not {r for r in _rule_links(text) if r[0] in ("acquisition", "investment") and r[2] == "Lumeo Inc"}


def test_a_target_before_from_is_still_read():
    assert ("acquisition", "Tenvar Corp", "Vexo Corp") in _rule_links(
        "Tenvar Corp said it bought Vexo Corp from Lumeo Inc for 20 mln dlrs.")


def test_the_agent_of_another_verb_after_the_target_is_no_party():
    links = _rule_links("Last year, Tenvar Corp's takeover offer to Lumeo Inc was rejected by Lumeo, analysts said.")
    assert ("acquisition", "Tenvar Corp", "Lumeo Inc") in links
    assert not {r for r in links if r[0] == "acquisition" and r[2] == "Tenvar Corp"}


def test_the_bidder_named_after_of_or_far_after_by_acquires():
    links = _rule_links("Lumeo Inc said its board decided not to accept the pending buyout proposal of Tenvar Corp.")
    assert ("acquisition", "Tenvar Corp", "Lumeo Inc") in links
    links = _rule_links("Lumeo Inc has decided to back the takeover bid by Swedish industrial gases group Tenvar AB.")
    assert ("acquisition", "Tenvar AB", "Lumeo Inc") in links


def test_an_offer_of_a_price_names_no_bidder():
    links = _rule_links("Tenvar Inc had made a hostile tender offer of 27 dlrs per share for Lumeo Corp.")
    assert ("acquisition", "Tenvar Inc", "Lumeo Corp") in links


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Corp said it has retained the investment banking firm Lumeo and Co to sell its furnace line.",
        "Last week Tenvar Corp rejected a bid by Lumeo Inc, an investment group headed by its vice chairman.",
    ],
)
def test_a_deal_noun_naming_a_kind_of_company_is_no_deal(text):
    assert not {r for r in _rule_links(text) if r[0] == "investment"}


def test_a_rival_group_is_still_a_rival():
    links = _rule_links("Tenvar Corp has opposed plans to merge with rival group Lumeo Inc.")
    assert any(r[0] == "competitor_of" for r in links)


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Group PLC's U.S. subsidiary has agreed to acquire jewelry retailer Lumeo Inc for 50 dlrs a share.",
        "Tenvar Corp said its unit would buy Lumeo Inc for 20 mln dlrs.",
    ],
)
def test_a_name_far_after_an_unnamed_unit_is_no_parent_or_child(text):
    assert not {r for r in _rule_links(text) if r[0] == "subsidiary_of"}


def test_a_unit_of_its_parent_is_still_read():
    assert ("subsidiary_of", "Lumeo Inc", "Tenvar Corp") in _rule_links(
        "Lumeo Inc, a unit of Tenvar Corp, said sales rose.")


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Partners Ltd, a Nevada investment partnership, said it lowered its stake in Tenvar Inc to 8.3 pct.",
        "Vexo Corp and a partnership headed by Tenvar Inc began negotiating a deal.",
    ],
)
def test_a_partnership_after_a_names_a_kind_of_firm(text):
    assert not {r for r in _rule_links(text) if r[0] == "partnership"}


def test_a_partnership_with_a_partner_is_still_read():
    assert any(r[0] == "partnership" for r in _rule_links("Tenvar Corp formed a partnership with Lumeo Inc."))


# --- a party described by an apposition ----------------------------------------------------------------


def test_a_former_units_old_parent_is_not_the_target():
    rels = _rels("Lumeo Foods Inc, a former subsidiary of Vexo Holdings Corp, was recently acquired by "
                 "Tenvar Industries PLC.")
    assert ("acquisition", "Tenvar Industries PLC", "Lumeo Foods Inc") in rels, rels
    assert not {r for r in rels if r[0] == "acquisition" and "Vexo Holdings Corp" in r[1:]}, rels


def test_the_name_an_apposition_describes_is_the_buyer():
    rels = _rels("Lumeo Foods Inc, the parent of Vexo Holdings Corp, agreed to acquire Tenvar Industries PLC.")
    assert ("acquisition", "Lumeo Foods Inc", "Tenvar Industries PLC") in rels, rels
    assert not {r for r in rels if r[0] == "acquisition" and "Vexo Holdings Corp" in r[1:]}, rels


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Acquisition Corp, an investor group formed by Vexo Holdings Inc <VXO> and Quarto Bank <QBK>, said "
        "it would raise its offer for all Tenvar Industries shares.",
        "Lumeo Partners, owned by Vexo Holdings Inc and Quarto Industries Inc, launched a 100 dlr per share "
        "tender offer for Tenvar Industries Inc.",
    ],
)
def test_the_members_of_a_bidding_group_are_not_the_bidder(text):
    rels = _rels(text)
    assert not {r for r in rels if r[0] == "acquisition" and r[1] in ("Quarto Bank", "Quarto Industries Inc")}, rels


# --- the bidder named after the bid --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Inc said its board rejected a 32 dlrs per share unsolicited tender offer for the company's stock "
        "from Tenvar Ltd.",
        "Lumeo Inc said it withdrew the proposals so that it could focus on responding to the takeover offer made "
        "last week by a partnership of Tenvar Ltd and Vexo Corp.",
    ],
)
def test_the_bidder_after_the_bid_acquires(text):
    rels = _rels(text)
    assert ("acquisition", "Tenvar Ltd", "Lumeo Inc") in rels, rels
    assert ("acquisition", "Lumeo Inc", "Tenvar Ltd") not in rels, rels


def test_an_offer_for_all_of_a_company_names_the_target():
    rels = _rels("Tenvar Partners said it may make a tender offer for some or all of Lumeo Inc's common shares.")
    assert ("acquisition", "Tenvar Partners", "Lumeo Inc") in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "The Lumeo board last week indicated that it might cancel the merger because of the Department of Justice "
        "requirement.",
        "The Ministry of Trade has urged the two rival firms to merge so Lumeo Corp would have only a single "
        "competitor.",
    ],
)
def test_a_department_or_ministry_is_no_partner_in_a_merger(text):
    rels = _rels(text)
    bodies = {p for r in rels for p in r[1:3] if "Ministry" in p or "Department" in p}
    assert not {r for r in rels if r[0] == "partnership" and {r[1], r[2]} & bodies}, rels


def test_the_seller_after_a_deal_noun_is_no_target():
    # the rules alone do not know the unit bought: the name after "from" is its seller
    from kg.extract import extract
    from kg.model import Article

    text = "Tenvar Industries Inc said it has closed the acquisition of the Lumeo casino hotel from Vexo Resources Inc."
    x = extract(Article(id="t", text=text, language="en"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    rels = {(r.type, label[r.subject], label[r.object]) for r in x.relations}
    assert ("acquisition", "Tenvar Industries Inc", "Vexo Resources Inc") not in rels, rels


def test_a_department_reviewing_a_takeover_is_no_buyer():
    rels = _rels("The Transportation Department on Friday rejected Tenvar's application to acquire Lumeo Corp.")
    assert not {r for r in rels if r[0] == "acquisition" and "Department" in r[1]}, rels
