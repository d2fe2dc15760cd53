"""A line of business named in words next to a company (operates_in).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, status=False)


IN_WORDS = [
    ("Lumeo Corp, a maker of circuit boards, had higher sales in 2025.", "Lumeo Corp", "circuit boards"),
    ("Lumeo Corp, a hosiery manufacturer, had higher sales in 2025.", "Lumeo Corp", "hosiery"),
    ("Lumeo Corp, a Denver investment advisor, raised its stake.", "Lumeo Corp", "investment advisor"),
    ("Tenvar Industries Inc bought the valve maker Lumeo Corp.", "Lumeo Corp", "valve"),
    ("Denver-based overnight messenger Lumeo Corp said sales rose.", "Lumeo Corp", "overnight messenger"),
    ("Lumeo Corp, the largest valve maker in Ohio, said sales rose.", "Lumeo Corp", "valve"),
    ("Lumeo Corp agreed to sell its industrial chemicals business to a group of investors.", "Lumeo Corp",
     "industrial chemicals"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp, a unit of Tenvar Industries Inc, had higher sales.",
        "Lumeo Corp, a major shareholder, raised its stake.",
        "Tenvar Industries Inc hired Lumeo Corp, Vexo Holdings Inc's financial advisor.",
        "Lumeo Corp, a publicly held shell company, said it acquired a stake.",
        "Lumeo Corp said the plan provides just 1.1 cents a share.",
        "Analysts asked whether Lumeo Corp would sell.",
        "Tenvar Industries Inc tried to take over Lumeo Corp.",
        "Lumeo Corp's parent company Tenvar Industries Inc said so.",
        # two companies before "its": whose business it is stays unread
        "Lumeo Corp said Tenvar Industries Inc would sell its valve business.",
    ],
)
def test_no_line_of_business_named(text):
    rels = _rels(text)
    assert not any(r[0] == "operates_in" for r in rels), rels


def test_a_vocabulary_word_inside_a_longer_line_of_business_is_read_as_part_of_it():
    # "banking" alone is a sector of kg's vocabulary; the company's line of business is "mortgage banking"
    rels = _rels("Lumeo Mortgage Corp, a mortgage banking company, said it agreed to be acquired.")
    assert {r for r in rels if r[0] == "operates_in"} == {("operates_in", "Lumeo Mortgage Corp", "mortgage banking")}


IN_REUTERS_WRITING = [
    # Reuters writes names in brackets, and a ticker may follow
    ("Tenvar Industries Inc said the mortgage banking company <Lumeo Mortgage> was sold.", "Lumeo Mortgage",
     "mortgage banking"),
    ("Tenvar Industries Inc bought 80 pct of (Lumeo Inc), a U.S. insurance broker, for cash.", "Lumeo Inc",
     "insurance broker"),
    ("Tenvar Industries Inc bought <Lumeo Corp> <LUM.N>, a maker of circuit boards.", "Lumeo Corp",
     "circuit boards"),
    # "it" read as the company by coreference is not a second company before "its"
    ("Lumeo Corp said it agreed to sell its industrial chemicals business.", "Lumeo Corp", "industrial chemicals"),
    ("Lumeo Corp's valve business was sold to a group of investors.", "Lumeo Corp", "valve"),
    # an ownership word before the line of business is not part of it
    ("Tenvar Industries Inc bought the state-owned valve maker Lumeo Corp.", "Lumeo Corp", "valve"),
    ("Lumeo Corp said it would sell its existing cable television business.", "Lumeo Corp", "cable television"),
    # the object of a verb of making or providing right after the company
    ("Lumeo Corp manufactures and distributes wallcoverings and showed a profit.", "Lumeo Corp", "wallcoverings"),
    ("Lumeo Corp, which provides data processing services to banks, said sales rose.", "Lumeo Corp",
     "data processing services"),
    # a rank, a place and "one of" before the line of business in an apposition
    ("Tenvar Industries Inc bid for Lumeo Corp, one of the largest U.S. valve companies.", "Lumeo Corp", "valve"),
    ("Lumeo AG is Europe's second largest tire producer.", "Lumeo AG", "tire"),
    ("Tenvar Industries Inc bid for Lumeo Inc, a closely held theater operator.", "Lumeo Inc", "theater operator"),
]


@pytest.mark.parametrize(("text", "company", "sector"), IN_WORDS + IN_REUTERS_WRITING)
def test_a_line_of_business_in_words(text, company, sector):
    rels = _rels(text)
    assert ("operates_in", company, sector) in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc said it would sell its foodservice unit, Lumeo Corp, to investors.",
        "Talks went on through Tenvar Industries Inc's foodservice subsidiary <Lumeo Corp>, he said.",
    ],
)
def test_a_part_named_after_its_line_of_business_is_the_company_that_operates_in_it(text):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "foodservice")}, rels


def test_a_list_of_vocabulary_sectors_before_a_company_gives_each_sector():
    rels = {r for r in _rels("Swedish construction and real estate company Lumeo AB said it will sell.")
            if r[0] == "operates_in"}
    assert len(rels) == 2 and all(r[1] == "Lumeo AB" for r in rels), rels
    assert {r[2].lower() for r in rels} == {"construction", "real estate"}, rels


def test_a_provider_after_a_vocabulary_sector_leaves_the_vocabulary_sector():
    # "provider" only says "supplies it" (docs/annotations.md): the line of business is the vocabulary's
    rels = {r for r in _rels("Indonesian cloud computing provider Lumeo Cloud launched a new service.")
            if r[0] == "operates_in"}
    # (the vocabulary names it by its own label)
    assert len(rels) == 1 and all(r[1] == "Lumeo Cloud" and "provider" not in r[2].lower() for r in rels), rels


@pytest.mark.parametrize(
    ("text", "company", "sectors"),
    [
        # an "and" after a head or agent noun joins two lines of business, each with its own head
        ("Lumeo AS is a Norwegian valve manufacturer and pipeline contractor based in Bergen.", "Lumeo AS",
         {"valve", "pipeline contractor"}),
        ("Lumeo Corp, a seafood wholesaler and garden tools maker, said sales rose.", "Lumeo Corp",
         {"seafood wholesaler", "garden tools"}),
    ],
)
def test_two_lines_of_business_each_with_its_own_head(text, company, sectors):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert rels == {("operates_in", company, s) for s in sectors}, rels


@pytest.mark.parametrize(
    ("text", "company", "sectors"),
    [
        # a list under one head: each line of business its own (docs/annotations.md, "Sector conventions")
        ("Tenvar Industries Inc took a stake in quilting and ceramics group Lumeo AB.", "Lumeo AB",
         {"quilting", "ceramics"}),
        ("Lumeo Corp, a kite and lantern maker, said sales rose.", "Lumeo Corp", {"kite", "lantern"}),
        # a term of the trade stays whole
        ("Lumeo AB, a pulp and paper maker, said sales rose.", "Lumeo AB", {"pulp and paper"}),
    ],
)
def test_a_list_of_lines_of_business_under_one_head(text, company, sectors):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert {r[1] for r in rels} == {company} and {r[2].lower() for r in rels} == sectors, rels


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The order went to German airline Lumeo Air, a spokesman said.", "Lumeo Air"),
        ("Tenvar Industries Inc acquired game publisher Lumeo Interactive in April.", "Lumeo Interactive"),
        ("Tenvar said Sydney broker Lumeo Securities Ltd advised it.", "Lumeo Securities Ltd"),
    ],
)
def test_one_agent_noun_before_a_name_is_its_trade(text, company):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert len(rels) == 1 and next(iter(rels))[1] == company, rels


def test_a_noun_shared_by_two_words_keeps_one_line_of_business():
    rels = {r for r in _rels("Lumeo Corp, a ski and tennis equipment maker, said sales rose.") if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "ski and tennis equipment")}, rels


def test_a_provider_after_a_line_of_business_in_words_is_dropped():
    rels = {r for r in _rels("Tenvar Industries Inc acquired translation services provider Lumeo Corp.")
            if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "translation services")}, rels


@pytest.mark.parametrize(
    ("text", "company", "sector"),
    [
        # a verb before the line of business is not part of it
        ("Tenvar Industries Inc said it bought mortgage banking company <Lumeo Mortgage> for cash.",
         "Lumeo Mortgage", "mortgage banking"),
        ("Tenvar Industries Inc agreed to acquire valve company Lumeo Corp.", "Lumeo Corp", "valve"),
        # nor is a word of reach or habit
        ("Lumeo Corp is a Danish multinational hearing aid company based in Aarhus.", "Lumeo Corp", "hearing aid"),
    ],
)
def test_words_before_a_line_of_business_that_are_not_part_of_it(text, company, sector):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert rels == {("operates_in", company, sector)}, rels


def test_a_part_of_a_company_named_by_its_line_of_business_operates_in_it():
    # the apposition names the unit's line of business, not its parent's
    rels = {r for r in _rels("Tenvar Inc took a stake in Lumeo Corp, an investment banking unit of Vexo Inc.")
            if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "investment banking")}, rels


def test_a_word_in_er_that_names_no_trade_gives_no_line_of_business():
    # "newsletter" ends like an agent noun but names none: only the listed agent nouns keep a line of business
    rels = {r for r in _rels("Jon Vale, editor of Lumeo Digest Inc, a trade newsletter, said so.")
            if r[0] == "operates_in"}
    assert rels == set(), rels
    rels = {r for r in _rels("Lumeo Corp, a video game developer, said sales rose.") if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "video game developer")}, rels


MORE_WORDS = [
    # a "giant" is a word for the company, like "group"
    ("Italian chemical giant Lumeo SpA raised its offer.", "Lumeo SpA", "chemical"),
    # a service, house or bank after a line of business names the trade and stays with it
    ("The sale of Lumeo Express, Canada's second largest courier service, was completed.", "Lumeo Express",
     "courier service"),
    ("Lumeo Corp, a credit rating service, said sales rose.", "Lumeo Corp", "credit rating service"),
    ("Japanese trading house Lumeo Corp raised its stake.", "Lumeo Corp", "trading house"),
    # two agent nouns share the "of"
    ("Lumeo Corp, a leading maker and marketer of dental products, said sales rose.", "Lumeo Corp",
     "dental products"),
    # a size word before the place is passed over
    ("Lumeo Corp, a large Swedish valve company, said sales rose.", "Lumeo Corp", "valve"),
    # a town and its region, each closed by a comma, before the line of business
    ("Lumeo Corp, a Belfast, Northern Ireland, valve company, said sales rose.", "Lumeo Corp", "valve"),
    ("Tenvar Inc bought Lumeo Co, a Cairo, Ga., propane gas distributor, for cash.", "Lumeo Co",
     "propane gas distributor"),
]


@pytest.mark.parametrize(("text", "company", "sector"), MORE_WORDS)
def test_more_words_of_a_line_of_business(text, company, sector):
    assert ("operates_in", company, sector) in _rels(text)


def test_a_hyphenated_rank_is_no_part_of_the_line_of_business():
    rels = _rels("Lumeo Bank Corp, the second-largest bank in Ohio, said sales rose.")
    assert not any(r[0] == "operates_in" and "second" in r[2] for r in rels)


def test_a_line_of_business_after_a_former_name_is_the_present_companys():
    rels = _rels("Lumeo Games LLC (formerly Vexo Studios) is an American video game developer based in Dallas.")
    assert ("operates_in", "Lumeo Games LLC", "video game developer") in rels
    assert not {r for r in rels if r[0] == "operates_in" and r[1] == "Vexo Studios"}


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc signed an accord with the state industrial company Lumeo Corp.",
        "Lumeo Corp said it sold three of its industrial units to Tenvar Industries Inc.",
    ],
)
def test_a_vague_word_alone_is_no_line_of_business(text):
    # "industrial" names no line of business on its own (sector_phrases.txt, class vague)
    rels = _rels(text)
    assert not any(r[0] == "operates_in" for r in rels), rels


def test_a_vague_word_inside_a_longer_line_of_business_stays():
    rels = {r for r in _rels("Lumeo Corp agreed to sell its industrial gases business to Tenvar Industries Inc.")
            if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", "industrial gases")}, rels


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # a generic head of sector_apposition_heads ends the line when more lowercase words follow
        ("Lumeo Corp, a Texas-based valve company founded by Jon Vale, said sales rose.", "valve"),
        ("Lumeo Corp, Japan's largest hosiery company and the parent of Vexo Inc, said so.", "hosiery"),
        # a hyphen written apart joins the line
        ("Lumeo Corp, a fast - food company, said sales rose.", "fast - food"),
    ],
)
def test_a_generic_head_ends_the_line_of_an_apposition(text, sector):
    rels = {r for r in _rels(text) if r[0] == "operates_in"}
    assert rels == {("operates_in", "Lumeo Corp", sector)}, rels


def test_a_head_before_and_a_second_line_goes_on_to_it():
    rels = {r for r in _rels("Lumeo Corp, a valve manufacturer and pipeline contractor, said sales rose.")
            if r[0] == "operates_in"}
    assert ("operates_in", "Lumeo Corp", "pipeline contractor") in rels, rels
