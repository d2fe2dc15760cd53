"""Status of relations: cue constructions in both languages, their scope, the status model.

Every sentence here is written for these tests (no corpus text); company names are fictional.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.extract import extract
from kg.extract import status as S
from kg.extract.cueparties import find_cues
from kg.extract.lexicon import Cue, _read_cues, load_lexicon
from kg.extract.nearest import clause
from kg.extract.text import Sentence, tokenize
from kg.model import Article
from kg.schema import STATUSES

ROOT = Path(__file__).resolve().parents[2]


def _rule(lang: str, text: str, cue: str, relation: str | None = None) -> str:
    """The rules' status of the relation whose cue starts with the word ``cue`` (of the cue's type,
    unless ``relation`` names another: a gold pair read at that cue)."""
    lex = load_lexicon(lang)
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks, question=text.rstrip().endswith("?"))
    hits = find_cues(s, lex)
    h = next(h for h in hits if h.cue.relation and toks[h.i].low == cue)
    lo, hi = clause(s, lex, h.i)
    return S.rule_status(toks, lex, hits, (h.i, h.j), lo, hi, question=s.question,
                         relation=relation or h.cue.relation or "")


CASES = [
    # English: denials, a report called false, refusals
    ("en", "Norvik Shipping dismissed recent media reports that it will acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping denied reports it was in talks to buy Talon Ports.", "buy", "denied"),
    ("en", "Reports that Norvik Shipping would acquire Talon Ports are baseless, a spokesman said.", "acquire",
     "denied"),
    ("en", "Talk of a merger between Norvik Shipping and Talon Ports is a hoax, the companies said.", "merger",
     "denied"),
    ("en", "Norvik Shipping has no plans to take a stake in Talon Ports.", "stake", "denied"),
    # a stake raised or not is still held (docs/annotations.md): the denial is of the raise
    ("en", "Norvik Shipping has no plans to raise its stake in Talon Ports.", "stake", "asserted"),
    ("en", "Norvik Shipping refused to invest in Talon Ports.", "invest", "denied"),
    ("en", "Norvik Shipping is not in talks to acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping has not agreed to any purchase of Talon Ports.", "purchase", "denied"),
    ("en", "Norvik Shipping won't buy Talon Ports, its chairman said.", "buy", "denied"),
    ("en", "Norvik Shipping ruled out a takeover of Talon Ports.", "takeover", "denied"),
    # English: a report dismissed, played down or called speculation; never having talked
    ("en", "Norvik Shipping dismisses talk of a merger with Talon Ports", "merger", "denied"),
    ("en", "Norvik Shipping played down speculation that it will acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping shoots down rumours of a takeover of Talon Ports", "takeover", "denied"),
    ("en", "Norvik Shipping brushed aside reports it would buy Talon Ports.", "buy", "denied"),
    ("en", "Talk that Norvik Shipping will acquire Talon Ports is pure speculation, a spokesman said.", "acquire",
     "denied"),
    ("en", "Norvik Shipping said it never held talks to acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping is not in discussions to buy Talon Ports.", "buy", "denied"),
    # English: no intent, never approached, a report called just a rumour, a gap before "talks"
    ("en", "Norvik Shipping said it does not intend to acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping does not presently intend to acquire Talon Ports.", "acquire", "denied"),
    ("en", "Norvik Shipping has not been approached about a merger with Talon Ports.", "merger", "denied"),
    ("en", "Norvik Shipping called a report that it bought a stake in Talon Ports just a rumour.", "stake",
     "denied"),
    ("en", "Norvik Shipping said there are no merger talks with Talon Ports.", "merger", "denied"),
    ("en", "Norvik Shipping has no current plans to buy Talon Ports.", "buy", "denied"),
    ("en", "Norvik Shipping is not among the groups seeking to acquire Talon Ports.", "acquire", "denied"),
    # English: a headline that only reports a report, talks, hedges
    ("en", "Norvik Shipping in talks to buy Talon Ports -sources", "buy", "rumored"),
    ("en", "Norvik Shipping reportedly plans to acquire Talon Ports.", "acquire", "rumored"),
    ("en", "Norvik Shipping is said to be weighing a takeover of Talon Ports.", "takeover", "rumored"),
    ("en", "Norvik Shipping weighs purchase of Talon Ports", "purchase", "rumored"),
    ("en", "Norvik Shipping eyes stake in Talon Ports", "stake", "rumored"),
    ("en", "Norvik Shipping explores merger with Talon Ports", "merger", "rumored"),
    ("en", "Norvik Shipping is considering an acquisition of Talon Ports.", "acquisition", "rumored"),
    ("en", "Norvik Shipping did not rule out an acquisition of Talon Ports.", "acquisition", "rumored"),
    ("en", "Norvik Shipping may bid for Talon Ports, a report says", "bid", "rumored"),
    ("en", "Norvik Shipping plans to buy Talon Ports, citing people familiar with the matter", "buy", "rumored"),
    ("en", "Norvik Shipping will acquire Talon Ports, people close to the deal said.", "acquire", "rumored"),
    ("en", "Norvik Shipping declined to confirm it will buy Talon Ports.", "buy", "rumored"),
    # a report cue after a preposition or a denial verb is a report; after the reporting party it is not
    ("en", "Shares rose on reports that Norvik Shipping bought Talon Ports.", "bought", "rumored"),
    ("en", "Norvik Shipping reports that it bought Talon Ports in March.", "bought", "asserted"),
    # English: plans, and completion or signing (asserted)
    ("en", "Norvik Shipping to acquire Talon Ports for 300 mln dlrs", "acquire", "planned"),
    ("en", "Norvik Shipping signed a letter of intent to acquire Talon Ports.", "acquire", "planned"),
    ("en", "Norvik Shipping will sign a partnership agreement with Talon Ports next week.", "partnership",
     "planned"),
    ("en", "Norvik Shipping signed a partnership agreement with Talon Ports on Monday.", "partnership",
     "asserted"),
    ("en", "Norvik Shipping completed its planned acquisition of Talon Ports.", "acquisition", "asserted"),
    # English: endings
    ("en", "Norvik Shipping walked away from its merger with Talon Ports.", "merger", "ended"),
    ("en", "Norvik Shipping no longer supplies Talon Ports.", "supplies", "ended"),
    # Indonesian: denials and hoaxes
    ("id", "PT Samudra Niaga membantah kabar akuisisi PT Pelabuhan Talon.", "akuisisi", "denied"),
    ("id", "PT Samudra Niaga Menepis Isu Merger dengan PT Pelabuhan Talon", "merger", "denied"),
    ("id", "Kabar akuisisi PT Pelabuhan Talon oleh PT Samudra Niaga tidak benar.", "akuisisi", "denied"),
    ("id", "Isu merger PT Samudra Niaga dan PT Pelabuhan Talon dipastikan hoaks.", "merger", "denied"),
    ("id", "PT Samudra Niaga belum ada rencana mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "denied"),
    ("id", "PT Samudra Niaga Bantah Akuisisi PT Pelabuhan Talon", "akuisisi", "denied"),
    ("id", "Kabar Akuisisi PT Pelabuhan Talon oleh PT Samudra Niaga Cuma Rumor", "akuisisi", "denied"),
    ("id", "PT Samudra Niaga belum pernah bekerja sama dengan PT Pelabuhan Talon.", "bekerja", "denied"),
    ("id", "PT Samudra Niaga Ogah Akuisisi PT Pelabuhan Talon", "akuisisi", "denied"),
    ("id", "PT Samudra Niaga tidak ada niat untuk mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "denied"),
    ("id", "Kabar merger PT Samudra Niaga dan PT Pelabuhan Talon tidak berdasar.", "merger", "denied"),
    ("id", "PT Samudra Niaga menepis rumor akuisisi PT Pelabuhan Talon.", "akuisisi", "denied"),
    ("id", "PT Samudra Niaga enggan mengonfirmasi rencana akuisisi PT Pelabuhan Talon.", "akuisisi", "rumored"),
    # Indonesian: rumours and talks
    ("id", "PT Samudra Niaga kabarnya akan mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "rumored"),
    ("id", "PT Samudra Niaga dikabarkan mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "rumored"),
    ("id", "PT Samudra Niaga dan PT Pelabuhan Talon dalam pembicaraan merger.", "merger", "rumored"),
    ("id", "PT Samudra Niaga dilaporkan tengah menyiapkan akuisisi PT Pelabuhan Talon.", "akuisisi", "rumored"),
    ("id", "Menurut sumber internal, PT Samudra Niaga akan mengakuisisi PT Pelabuhan Talon.", "mengakuisisi",
     "rumored"),
    # Indonesian: plans, signing, endings
    ("id", "PT Samudra Niaga menjajaki akuisisi PT Pelabuhan Talon.", "akuisisi", "planned"),
    ("id", "PT Samudra Niaga berencana mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "planned"),
    ("id", "PT Samudra Niaga akan meneken kerja sama dengan PT Pelabuhan Talon.", "kerja", "planned"),
    ("id", "PT Samudra Niaga resmi menandatangani kerja sama dengan PT Pelabuhan Talon.", "kerja", "asserted"),
    ("id", "Rencana akuisisi PT Pelabuhan Talon rampung, PT Samudra Niaga meneken akta akuisisi.", "akuisisi",
     "asserted"),
    ("id", "PT Samudra Niaga batal mengakuisisi PT Pelabuhan Talon.", "mengakuisisi", "ended"),
    ("id", "PT Samudra Niaga putus kerja sama dengan PT Pelabuhan Talon.", "kerja", "ended"),
    ("id", "Kerja sama PT Samudra Niaga dan PT Pelabuhan Talon berakhir.", "kerja", "ended"),
    ("id", "PT Samudra Niaga tidak lagi memasok PT Pelabuhan Talon.", "memasok", "ended"),
    # English: a unit sold, litigation dismissed: the seller's ownership and the dispute ended
    ("en", "Norvik Shipping sold its Talon Ports unit to Vexo Holdings.", "unit", "ended"),
    ("en", "Norvik Shipping completed the sale of its Talon Ports subsidiary.", "subsidiary", "ended"),
    ("en", "Talon Ports, previously a subsidiary of Norvik Shipping, was listed in May.", "subsidiary", "ended"),
    ("en", "Norvik Shipping agreed to dismiss all pending litigation against Talon Ports.", "litigation", "ended"),
    ("en", "Norvik Shipping said its Talon Ports unit will expand.", "unit", "asserted"),
]


@pytest.mark.parametrize(("lang", "text", "cue", "status"), CASES,
                         ids=[f"{c[0]}-{c[3]}-{k}" for k, c in enumerate(CASES)])
def test_rule_constructions(lang: str, text: str, cue: str, status: str) -> None:
    assert _rule(lang, text, cue) == status


def test_denial_and_plan_cues_reach_forward_only() -> None:
    # "denied" after the relation cue does not deny it; "tidak benar" (flagged either) does
    assert _rule("en", "Norvik Shipping bought Talon Ports, which denied wrongdoing.", "bought") == "asserted"
    assert _rule("en", "Norvik Shipping bought Talon Ports and will expand.", "bought") == "asserted"
    assert _rule("id", "PT Samudra Niaga mengakuisisi PT Pelabuhan Talon, kabar itu tidak benar.",
                 "mengakuisisi") == "denied"


def test_a_status_cue_does_not_cross_a_relative_clause() -> None:
    # the denial is of the contact, not of the stake the relative clause states; a relative clause that
    # states the party's own stance still bears on the main clause
    assert _rule("en", "Norvik Shipping denied any contact with Talon Ports, which holds a stake in Arvo Bank.",
                 "stake") == "asserted"
    assert _rule("en", "Norvik Shipping, which is reportedly weighing its options, will buy Talon Ports.",
                 "buy") == "rumored"
    assert _rule("en", "Norvik Shipping denied that it bought Talon Ports.", "bought") == "denied"
    assert _rule("id", "PT Samudra Niaga membantah kabar kerja sama dengan PT Arvo, yang mengakuisisi PT Talon.",
                 "mengakuisisi") == "asserted"
    assert _rule("id", "PT Samudra Niaga membantah kabar akuisisi PT Pelabuhan Talon.", "akuisisi") == "denied"


def test_a_denied_change_leaves_the_relation_standing() -> None:
    # the denial is of raising or delaying, not of the offer or the merger; without the shield verb it denies
    assert _rule("en", "Norvik Shipping has no intention of raising its stake in Talon Ports.", "stake") == "asserted"
    assert _rule("en", "Norvik Shipping has no intention of taking a stake in Talon Ports.", "stake") == "denied"
    assert _rule("en", "The court ruling will not delay the merger of Norvik Shipping and Talon Ports.",
                 "merger") == "asserted"
    assert _rule("en", "Norvik Shipping will not merge with Talon Ports.", "merge") == "denied"
    assert _rule("id", "PT Samudra Niaga tidak menunda merger dengan PT Pelabuhan Talon.", "merger") == "asserted"
    assert _rule("id", "PT Samudra Niaga tidak merger dengan PT Pelabuhan Talon.", "merger") == "denied"


def test_after_condition(tmp_path: Path) -> None:
    p = tmp_path / "rumored.txt"
    p.write_text("# Source: test\nreports that\tafter=on|deny\n", encoding="utf-8")
    (cue,) = _read_cues(p, status="rumored")
    assert cue.after == {"on", "deny"}
    lex = load_lexicon("en")
    assert cue.match(tokenize("X denied reports that"), 2, lex) == 4  # "denied" is a form of "deny"
    assert cue.match(tokenize("shares rose on reports that"), 3, lex) == 5
    assert cue.match(tokenize("Norvik reports that"), 1, lex) == -1
    assert cue.match(tokenize("reports that"), 0, lex) == -1  # nothing before it
    p.write_text("reports that\tafter=\n", encoding="utf-8")
    with pytest.raises(DataError, match="names no word"):
        _read_cues(p, status="rumored")


def test_modifiers_reach_only_what_they_modify() -> None:
    # "former" ends the post it stands before, not a deal elsewhere in the clause
    assert _rule("en", "Ana Diaz, former chairman of Talon Ports, said Norvik Shipping bought Vexo Holdings.",
                 "chairman") == "ended"
    assert _rule("en", "Ana Diaz, former chairman of Talon Ports, said Norvik Shipping bought Vexo Holdings.",
                 "bought") == "asserted"
    assert _rule("id", "Mantan Dirut PT Talon, Budi Santoso, bilang PT Samudra Niaga mengakuisisi PT Vexo.",
                 "mengakuisisi") == "asserted"


def test_verbs_of_weighing_reach_forward_only() -> None:
    # the stake stands; what is weighed is the bid that follows
    assert _rule("en", "Norvik Shipping, which holds a stake in Talon Ports, is considering a bid.",
                 "stake") == "asserted"
    assert _rule("en", "Norvik Shipping holds a stake in Talon Ports and is considering a bid.", "stake") == "asserted"
    assert _rule("en", "Norvik Shipping is considering buying Talon Ports.", "buying") == "rumored"


def test_a_sale_ends_the_sellers_link_not_the_buyers() -> None:
    text = "Norvik Shipping completed the sale of its Talon Ports unit to Vexo Holdings."
    assert _rule("en", text, "unit") == "ended"
    assert _rule("en", text, "unit", relation="acquisition") == "asserted"


def test_an_offer_withdrawn_or_failed_has_ended() -> None:
    assert _rule("en", "Norvik Shipping said it has withdrawn its offer to acquire Talon Ports.", "acquire") == "ended"
    assert _rule("en", "Norvik Shipping unsuccessfully bid for Talon Ports last year.", "bid") == "ended"
    assert _rule("en", "Norvik Shipping and Talon Ports suspended negotiations on a merger.", "merger") == "ended"
    assert _rule("en", "Norvik Shipping is discontinuing its efforts to negotiate a purchase of Talon Ports.",
                 "purchase") == "ended"
    # without the ending the offer stands
    assert _rule("en", "Norvik Shipping said it has made an offer to acquire Talon Ports.", "acquire") == "planned"


def test_potential_buyers_are_a_rumour_of_the_deal_only() -> None:
    text = "Norvik Shipping, a unit of Vexo Holdings, is a potential buyer that may acquire Talon Ports."
    assert _rule("en", text, "acquire") == "rumored"
    assert _rule("en", text.replace("a potential buyer", "a company"), "acquire") == "asserted"
    assert _rule("en", text, "unit") == "asserted"  # the unit's parent is no rumour (not=subsidiary_of)


def test_a_newspaper_as_the_source_is_a_rumour() -> None:
    assert _rule("en", "Norvik Shipping will buy Talon Ports, a Jakarta newspaper said.", "buy") == "rumored"
    assert _rule("en", "Norvik Shipping will buy Talon Ports, the company said.", "buy") == "planned"


def _pair(lang: str, text: str, a: tuple[int, int], b: tuple[int, int], relation: str) -> str:
    """The rules' status of a gold pair (token spans ``a`` and ``b``), read where :func:`S.anchor_of` reads it
    (one without a cue at the word before its later party, :func:`S.read_rules`)."""
    lex = load_lexicon(lang)
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    hits = find_cues(s, lex)
    anchor = S.anchor_of(hits, relation, a, b)
    lo, hi = clause(s, lex, anchor[0])
    if relation in S.NEGATION_ONLY:
        return S.fact_status(toks, lex, hits, anchor, lo, hi, relation, (a, b))
    return S.read_rules(s, lex, hits, anchor, relation, lo, hi, (a, b)).status


def test_a_modifier_reaches_only_the_post_it_modifies() -> None:
    # "former" before another firm's title ends that firm's post, not the one of the relation read
    text = "Talon Ports is run by former Norvik managing director Ana Diaz."
    assert _pair("en", text, (9, 11), (0, 2), "works_for") == "asserted"
    assert _pair("en", text, (9, 11), (6, 7), "works_for") == "ended"
    assert _pair("en", "Talon Ports named former Norvik chief executive Ana Diaz as chairman.", (7, 9), (4, 5),
                 "works_for") == "ended"
    # a title modified is a post, not a lawsuit against its holder or a stake he holds
    text = "Talon Ports started proceedings against former chairman Ana Diaz."
    assert _pair("en", text, (0, 2), (7, 9), "legal_dispute") == "asserted"
    assert _pair("en", text, (7, 9), (0, 2), "works_for") == "ended"


def test_the_model_reads_the_parties_where_the_language_says_so() -> None:
    # English: the parties' surroundings are features, and the shipped model has weights for them;
    # Indonesian (status_party_features = false): none
    text = "Talon Ports is run by former Norvik managing director Ana Diaz."
    toks = tuple(tokenize(text))
    parties = ((9, 11), (6, 7))
    for lang, on in (("en", True), ("id", False)):
        lex = load_lexicon(lang)
        hits = find_cues(Sentence(0, 0, len(text), text, toks), lex)
        f = S.status_features(toks, lex, hits, (8, 9), "works_for", 0, len(toks), question=False, language=lang,
                              parties=parties)
        assert ("pcue=ended" in f) is on and ("p1-1=former" in f) is on and ("p2-1=director" in f) is on
        assert "btw=managing" in f if on else not any(x.startswith("btw=") for x in f)
    m = S.load()
    assert m is not None and any(x.startswith("pcue=") for x in m.status.vocab)


def test_a_line_of_business_sold_has_ended() -> None:
    # operates_in is a fact (negation only), but a business sold or closed is no longer operated
    assert _pair("en", "Norvik Shipping sold its shoe business to Talon Ports.", (0, 2), (4, 5),
                 "operates_in") == "ended"
    assert _pair("en", "Norvik Shipping completed the sale of its shoe business.", (0, 2), (7, 8),
                 "operates_in") == "ended"
    # a sale only considered or planned leaves the business where it is
    assert _pair("en", "Norvik Shipping is considering the sale of its shoe business.", (0, 2), (8, 9),
                 "operates_in") == "asserted"
    assert _pair("en", "Norvik Shipping plans to sell its shoe business.", (0, 2), (6, 7), "operates_in") == "asserted"
    assert _pair("en", "Norvik Shipping makes shoes and sold a plant last year.", (0, 2), (3, 4),
                 "operates_in") == "asserted"


def test_a_plan_word_at_the_place_of_reading_governs_it() -> None:
    # the plan word is where the relation is read: the relation cue itself ("offer for"), or the word
    # after the first party when the pair has no cue ("Tawarkan" offers, "Siapkan" prepares)
    assert _rule("en", "Norvik Shipping made an offer for Talon Ports.", "offer") == "planned"
    assert _pair("id", "Budi Santoso Tawarkan Tender Offer PT Talon", (0, 2), (5, 7), "investment") == "planned"
    assert _pair("id", "PT Samudra Niaga Siapkan Kartu Talon untuk Nasabah", (0, 3), (4, 6), "launch") == "planned"
    assert _pair("id", "PT Samudra Niaga Luncurkan Kartu Talon", (0, 3), (4, 6), "launch") == "asserted"


def test_a_post_left_has_ended() -> None:
    assert _rule("id", "Budi Santoso Purnatugas dari Direktur PT Talon", "direktur") == "ended"


def test_a_decision_is_no_ending() -> None:
    # "keputusan" (a decision) and "memutuskan" (to decide) share the root of "putus" (to break off)
    assert _rule("id", "Berdasarkan keputusan rapat, Budi Santoso menjadi direktur PT Talon.", "direktur") == "asserted"
    assert _rule("id", "PT Samudra Niaga memutuskan bermitra dengan PT Talon.", "bermitra") == "asserted"
    assert _rule("id", "PT Samudra Niaga putus kontrak kerja sama dengan PT Talon.", "kerja") == "ended"


def test_a_gold_pair_is_read_at_the_cue_nearest_the_second_party() -> None:
    # "founder and former chief executive of X": the post the pair holds is the one next to X
    text = "Ana Diaz is the founder and former chief executive of Talon Ports."
    toks = tuple(tokenize(text))
    lex = load_lexicon("en")
    hits = find_cues(Sentence(0, 0, len(text), text, toks), lex)
    anchor = S.anchor_of(hits, "works_for", (0, 2), (10, 12))
    assert toks[anchor[0]].low == "executive"
    assert S.rule_status(toks, lex, hits, anchor, 0, len(toks), question=False, relation="works_for") == "ended"


def test_negation_inside_a_cue_is_the_cue() -> None:
    # "no longer" is an ending, not a denial; "not in talks" a denial, not a rumour
    assert _rule("en", "Norvik Shipping is no longer a partner of Talon Ports.", "partner") == "ended"
    assert _rule("en", "Norvik Shipping is not in talks over a merger with Talon Ports.", "merger") == "denied"


def test_question_is_a_rumour() -> None:
    assert _rule("id", "PT Samudra Niaga Akuisisi PT Pelabuhan Talon?", "akuisisi") == "rumored"


def test_gap_constructions() -> None:
    lex = load_lexicon("en")
    gap = Cue(("dismissed", "...", "reports"), status="denied")
    one = Cue(("said", "*", "be"), status="rumored")
    toks = tokenize("X dismissed the recent media reports")
    assert gap.match(toks, 1, lex) == 6
    assert gap.match(tokenize("X dismissed one two three four reports"), 1, lex) == -1  # a gap of four
    assert gap.match(tokenize("X dismissed it, reports say"), 1, lex) == -1  # never over a comma
    assert one.match(tokenize("X said to be"), 1, lex) == 4
    assert one.match(tokenize("X said be"), 1, lex) == -1


def test_cue_file_format(tmp_path: Path) -> None:
    p = tmp_path / "denied.txt"
    p.write_text("# Source: test\nno plans\texact\nreport ... false\teither\nto\tnext\n", encoding="utf-8")
    cues = _read_cues(p, status="denied")
    assert [(c.words, c.exact, c.scope) for c in cues] == [
        (("no", "plans"), True, ""), (("report", "...", "false"), False, "either"), (("to",), False, "next")]
    p.write_text("... false\n", encoding="utf-8")
    with pytest.raises(DataError, match="starts and ends with a word"):
        _read_cues(p, status="denied")
    p.write_text("false\tsideways\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown flag"):
        _read_cues(p, status="denied")
    p.write_text("former\tnear=3\nsold its\tnot=acquisition|investment\nweighing\texact,before\n", encoding="utf-8")
    cues = _read_cues(p, status="ended")
    assert [(c.near, c.not_for, c.scope, c.exact) for c in cues] == [
        (3, frozenset(), "", False), (-1, frozenset({"acquisition", "investment"}), "", False),
        (-1, frozenset(), "before", True)]
    for bad, message in (("former\tnear=x", "one number"), ("sold\tnot=purchase", "no relation type")):
        p.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(DataError, match=message):
            _read_cues(p, status="ended")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Norvik Shipping Ltd dismissed media reports that it will acquire Talon Ports Inc.",
     ("acquisition", "denied")),
    ("en", "Norvik Shipping Ltd signed a partnership agreement with Talon Ports Inc on Monday.",
     ("partnership", "asserted")),
    ("id", "PT Samudra Niaga Tbk membantah kabar akuisisi PT Pelabuhan Talon.", ("acquisition", "denied")),
    ("id", "PT Samudra Niaga Tbk resmi meneken kerja sama dengan PT Pelabuhan Talon.", ("partnership", "asserted")),
])
def test_whole_engine(lang: str, text: str, expected: tuple[str, str]) -> None:
    x = extract(Article(id="t", text=text, language=lang))
    assert {(r.type, r.status) for r in x.relations} >= {expected}


def test_a_sold_unit_is_ended_and_the_buyer_holds_it() -> None:
    """The seller's link ends; the buyer's, read by the sale reader at the same words, stands."""
    text = "Norvik Shipping Ltd sold its Talon Ports Inc unit to Vexo Holdings Inc."
    x = extract(Article(id="t", language="en", text=text))
    got = {(r.type, r.status) for r in x.relations}
    assert ("subsidiary_of", "ended") in got and ("acquisition", "asserted") in got


@pytest.mark.parametrize(("lang", "text", "a", "b", "relation", "expected"), [
    # "Group" is a line-of-business cue: inside a party's name it is no place to read an investment at
    ("en", "Giant Group Ltd may buy 20 pct of Talon Ports", (0, 3), (8, 10), "investment", "buy"),
    ("en", "Vexo Group said Talon Ports is its unit", (0, 2), (3, 5), "subsidiary_of", "unit"),
    ("id", "PT Asuransi Samudra bermitra dengan PT Talon Energi", (0, 3), (5, 8), "partnership", "bermitra"),
])
def test_a_cue_inside_a_party_is_no_anchor(lang: str, text: str, a: tuple[int, int], b: tuple[int, int],
                                            relation: str, expected: str) -> None:
    toks = tuple(tokenize(text))
    hits = find_cues(Sentence(0, 0, len(text), text, toks), load_lexicon(lang))
    i, _ = S.anchor_of(hits, relation, a, b)
    assert toks[i].text == expected


def test_reportedly_is_no_police_report() -> None:
    """ "dilaporkan tengah ..." is "reportedly": a rumour, and no legal dispute between the parties;
    the headline verb "Laporkan" still is one."""
    x = extract(Article(id="t", language="id",
                        text="PT Samudra Niaga Tbk dilaporkan tengah menjajaki akuisisi PT Pelabuhan Talon."))
    assert {(r.type, r.status) for r in x.relations} == {("acquisition", "rumored")}
    x = extract(Article(id="t", language="id", text="PT Samudra Niaga Tbk Laporkan PT Pelabuhan Talon ke Polisi"))
    assert {r.type for r in x.relations} == {"legal_dispute"}


def test_shipped_model_names_its_data() -> None:
    m = S.load()
    assert m is not None and set(m.status.labels) <= set(STATUSES) and m.fact is not None
    data = m.meta["data"]
    assert "annotations" in data and all("licence" in v for v in data.values())
    assert "uds-ih2.jsonl" in data
    assert set(m.trust) == {"en", "id"} and all(set(t) <= set(STATUSES) for t in m.trust.values())
    assert m.trust_in_rules("xx") == {st: 2.0 for st in STATUSES[1:]}  # unknown language: the rules decide


def test_malformed_model_is_a_data_error() -> None:
    with pytest.raises(DataError, match="format"):
        S.StatusModel({"format": "other"}, source="x.json")
    with pytest.raises(DataError, match="malformed"):
        S.StatusModel({"format": S.FORMAT, "factuality": {}}, source="x.json")


def _train_script():  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_status", ROOT / "scripts" / "train_status.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_status"] = mod
    spec.loader.exec_module(mod)
    return mod


def _tiny(T):  # type: ignore[no-untyped-def]
    """A tiny fixed training set written for this test: three statuses, a few factuality events."""
    a, b = "Norvik Shipping", "Talon Ports"
    templates = {
        "asserted": ["{a} bought {b} last year.", "{a} acquired {b} in {n}.", "{a} completed the purchase of {b}."],
        "denied": ["{a} denied it would buy {b}.", "{a} has no plans to acquire {b}.", "{a} will not buy {b}."],
        "planned": ["{a} plans to buy {b}.", "{a} agreed to acquire {b}.", "{a} will acquire {b} in {n}."],
    }
    items = []
    for status, texts in sorted(templates.items()):
        for k, t in enumerate(texts * 2):
            text = t.format(a=a, b=b, n=2000 + k)
            it = T.make_item(f"doc-{status}-{k}", "en", text, (0, len(a)),
                             (text.index(b), text.index(b) + len(b)), "acquisition", status)
            items.append(it)
    events = []
    for k, (text, word, score) in enumerate([
        ("The board approved the deal.", "approved", 3.0), ("The board did not approve the deal.", "approve", -3.0),
        ("The board may approve the deal.", "approve", 0.0), ("The firm sold the unit.", "sold", 2.5),
        ("The firm never sold the unit.", "sold", -2.5), ("The firm might sell the unit.", "sell", 0.5),
    ]):
        events.append(T.make_event(f"ev-{k}", text, text.index(word), text.index(word) + len(word), score))
    return events, items


def test_retraining_on_a_tiny_input_gives_the_same_bytes() -> None:
    T = _train_script()
    events, items = _tiny(T)
    one, cv = T.train(events, items, meta={"data": {"tiny": {"licence": "test"}}})
    two, _ = T.train(events, items, meta={"data": {"tiny": {"licence": "test"}}})
    assert one == two
    model = S.StatusModel(json.loads(one), source="tiny")
    assert set(model.status.labels) == {"asserted", "denied", "planned"}
    assert cv["c"] in T.C_GRID


def test_rules_engine_never_asks_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # a model that always answers "ended", trusted over every rule answer
    always = S.StatusModel({"format": S.FORMAT, "factuality": {}, "trust": {"id": {}},
                            "status": {"labels": ["asserted", "ended"], "features": [], "weights": [],
                                       "bias": [0.0, 5.0]}}, source="always-ended")
    monkeypatch.setattr(S, "load", lambda: always)
    text = "PT Samudra Niaga Tbk membantah kabar akuisisi PT Pelabuhan Talon."

    def statuses(engine: str) -> set[str]:
        x = extract(Article(id="t", text=text, language="id"), engine=engine)
        return {r.status for r in x.relations if r.type == "acquisition"}

    assert statuses("rules") == {"denied"}
    assert statuses("hybrid") == {"ended"}


def test_a_post_is_held_whatever_the_clause_plans_or_denies() -> None:
    # a title next to its holder names a post held: the clause's plan, rumour or denial is about something else
    text = "Talon Ports chairman Ana Diaz said the company will buy Norvik Shipping."
    assert _pair("en", text, (3, 5), (0, 2), "works_for") == "asserted"
    assert _pair("en", text, (0, 2), (10, 12), "acquisition") == "planned"
    text = "Talon Ports has refused to negotiate with Norvik, said Talon Ports president Ana Diaz."
    assert _pair("en", text, (13, 15), (10, 12), "works_for") == "asserted"
    assert _pair("en", "Talon Ports chairman Ana Diaz is reportedly in talks to buy Norvik.", (3, 5), (0, 2),
                 "works_for") == "asserted"
    # a plan or rumour right before the post governs it; endings and "former" still reach it
    assert _pair("en", "Ana Diaz will become chairman of Talon Ports.", (0, 2), (6, 8), "works_for") == "planned"
    assert _pair("en", "Ana Diaz resigned as chairman of Talon Ports.", (0, 2), (6, 8), "works_for") == "ended"


def test_a_denied_sale_or_restructuring_leaves_the_holding() -> None:
    # "sell", "restructure", "remove" are shield verbs: the denial is of the change, the unit stays
    text = "Norvik Shipping has no plans to restructure its Talon Ports unit."
    assert _pair("en", text, (8, 10), (0, 2), "subsidiary_of") == "asserted"
    text = "Norvik Shipping has no plans to buy Talon Ports."
    assert _pair("en", text, (0, 2), (6, 8), "acquisition") == "denied"


def test_a_plan_to_sell_a_holding_leaves_it_held() -> None:
    # the holder named before the sale: its unit is its unit until the sale
    text = "Norvik Shipping said it plans to sell its Talon Ports unit."
    assert _pair("en", text, (9, 11), (0, 2), "subsidiary_of") == "asserted"
    text = "Norvik Shipping said it agreed to sell its stake in Talon Ports."
    assert _pair("en", text, (0, 2), (11, 13), "investment") == "asserted"
    # the buyer named after the sale: its holding is the plan
    text = "Norvik Shipping said it will sell its stake in Talon Ports to Arvo Group."
    assert _pair("en", text, (14, 16), (11, 13), "investment") == "planned"
    # a plan to buy is a plan, and only holdings are shielded
    text = "Norvik Shipping said it plans to buy a stake in Talon Ports."
    assert _pair("en", text, (0, 2), (10, 12), "investment") == "planned"


def test_a_post_held_in_the_past_has_ended() -> None:
    # kg/extract/pastpost.py: a past verb of holding the post between the person and the title
    assert _pair("en", "Ana Diaz was the chief executive of Talon Ports until 2019.", (0, 2), (7, 9),
                 "works_for") == "ended"
    assert _pair("en", "Ana Diaz served as president of Talon Ports.", (0, 2), (6, 8), "works_for") == "ended"
    # a post taken, and an employer named before the verb, are not the past post
    assert _pair("en", "Ana Diaz was named chief executive of Talon Ports.", (0, 2), (7, 9), "works_for") == "asserted"
    assert _pair("en", "Before joining Talon Ports, Ana Diaz was president of Norvik.", (5, 7), (2, 4),
                 "works_for") == "asserted"


def test_a_bid_or_offer_after_the_deal_noun_is_a_plan() -> None:
    # an offer, bid or proposal named right after the deal noun is outstanding: planned (a rebuffed or
    # rejected bid too, docs/annotations.md); a merger agreement is agreed, not closed
    assert _rule("en", "Talon Ports received a revised merger offer from Norvik Shipping.", "merger") == "planned"
    assert _rule("en", "Talon Ports rebuffed a takeover proposal from Norvik Shipping.", "takeover") == "planned"
    assert _rule("en", "Talon Ports rejected the takeover bid by Norvik Shipping.", "takeover") == "planned"
    assert _rule("en", "Talon Ports and Norvik Shipping extended their merger agreement.", "merger") == "planned"
    # a plan verb after the cue belongs to the party named there, not to the relation
    assert _rule("en", "Norvik Shipping said its Talon Ports unit will expand.", "unit") == "asserted"


def test_approval_before_a_deal_noun_is_a_plan() -> None:
    assert _rule("en", "Talon Ports said shareholders approved the acquisition by Norvik Shipping.",
                 "acquisition") == "planned"
    # not the unit the deal makes
    assert _rule("en", "Vexo shareholders approved the merger agreement, making Talon Ports a unit of "
                 "Norvik Shipping.", "unit") == "asserted"


def test_control_disowned_denies_the_acquisition_not_the_stake() -> None:
    text = ("Norvik Shipping said it bought the Talon Ports stake for investment purposes and has no "
            "intention of seeking control of the company.")
    assert _rule("en", text, "bought", "acquisition") == "denied"
    assert _rule("en", text, "bought", "investment") == "asserted"


def test_a_further_stake_denied_or_planned_leaves_the_stake() -> None:
    def stake(text: str, cue: str, target: tuple[int, int]) -> str:
        lex, toks = load_lexicon("en"), tuple(tokenize(text))
        s = Sentence(0, 0, len(text), text, toks)
        hits = find_cues(s, lex)
        h = next(h for h in hits if h.cue.relation and toks[h.i].low == cue)
        return S.rule_status(toks, lex, hits, (h.i, h.j), *clause(s, lex, h.i), question=False,
                             relation="investment", parties=[(0, 2), target])

    assert stake("Norvik Shipping said it would not buy more Talon Ports stock.", "buy", (8, 10)) == "asserted"
    assert stake("Norvik Shipping agreed not to acquire any additional Talon Ports shares.", "acquire",
                 (8, 10)) == "asserted"
    assert stake("Norvik Shipping said it would not buy Talon Ports stock.", "buy", (7, 9)) == "denied"
    # an amount is no further stake
    assert stake("Norvik Shipping plans to buy more than 5 pct of Talon Ports.", "buy", (10, 12)) == "planned"


def test_a_refusal_denies_only_the_relation_it_governs() -> None:
    assert _rule("en", "Norvik Shipping refused to invest in Talon Ports.", "invest") == "denied"
    text = "Talon Ports has refused to negotiate with Norvik Shipping over its offer to buy the company."
    assert _rule("en", text, "buy", "acquisition") != "denied"


def test_a_pair_is_read_in_its_own_clause_when_the_cue_stands_in_another() -> None:
    from kg.extract.statusscope import parties_clause_place

    text = "Norvik Shipping has no plans to seek control of Talon Ports, but would not rule out a takeover try."
    lex, toks = load_lexicon("en"), tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    hits = find_cues(s, lex)
    h = next(h for h in hits if toks[h.i].low == "takeover")
    lo, hi = clause(s, lex, h.i)
    pa, pb = (0, 2), (9, 11)
    assert parties_clause_place(s, lex, (h.i, h.j), lo, hi, [pa, pb]) == (8, 9)
    assert S.read_rules(s, lex, hits, (h.i, h.j), "acquisition", lo, hi, [pa, pb]).status == "denied"
    assert S.rule_status(toks, lex, hits, (h.i, h.j), lo, hi, question=False, relation="acquisition",
                         parties=[pa, pb]) == "rumored"


def test_train_script_no_test_never_reads_the_test_split(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # tuning runs (--no-test) must not read or print the test split, not even its confusion tables
    T = _train_script()
    _, items = _tiny(T)
    read: list[str] = []

    def fake(split: str, shared: object = None) -> list[object]:
        read.append(split)
        return items

    monkeypatch.setattr(T, "read_annotations", fake)
    assert T.main(["--rules-only", "--no-test"]) == 0
    assert read == ["train"]
    assert "test" not in capsys.readouterr().out
    assert T.main(["--rules-only"]) == 0
    assert read == ["train", "train", "test"]
    assert "rules, test, en" in capsys.readouterr().out


def test_a_party_disowning_the_link_in_a_contrast_clause_denies_it() -> None:
    # the pair's first party, named again or as a pronoun after "but", says it is not interested
    text = "Ana Diaz might try to acquire Talon Ports, but Diaz told Reuters he is not interested."
    assert _pair("en", text, (0, 2), (6, 8), "acquisition") == "denied"
    text = "Ana Diaz might try to acquire Talon Ports, but he said he was not interested."
    assert _pair("en", text, (0, 2), (6, 8), "acquisition") == "denied"
    # the other party, or a change of the holding (a shield verb), is no denial of the link
    text = "Ana Diaz might try to acquire Talon Ports, but Talon Ports said it is not interested."
    assert _pair("en", text, (0, 2), (6, 8), "acquisition") != "denied"
    text = "Ana Diaz holds a stake in Talon Ports, but she has no intention of selling it."
    assert _pair("en", text, (0, 2), (6, 8), "investment") == "asserted"


def test_a_fact_without_a_cue_is_denied_by_a_negation_before_its_later_party() -> None:
    assert _pair("en", "Norvik Shipping does not make supercomputers.", (0, 2), (5, 6), "operates_in") == "denied"
    assert _pair("en", "Norvik Shipping makes supercomputers.", (0, 2), (3, 4), "operates_in") == "asserted"


def _named(text: str, a: str, b: str, relation: str) -> str:
    """:func:`_pair` of the English parties named ``a`` and ``b`` (their first occurrences)."""
    toks = [t.text for t in tokenize(text)]

    def span(name: str) -> tuple[int, int]:
        w = name.split()
        i = next(i for i in range(len(toks)) if toks[i : i + len(w)] == w)
        return i, i + len(w)

    return _pair("en", text, span(a), span(b), relation)


def test_talks_after_both_parties_are_about_another_deal() -> None:
    # rumour cues flagged "within" (talks, speculation, bidders) do not reach back over both parties
    text = "Norvik Shipping made a bid for Talon Ports and Talon Ports said it is in talks with two other companies."
    assert _named(text, "Norvik Shipping", "Talon Ports", "acquisition") == "planned"
    text = "Norvik Shipping , which holds a stake in Talon Ports , said it had discussions with Zeta Holdings ."
    assert _named(text, "Norvik Shipping", "Talon Ports", "investment") == "asserted"
    # before the parties, or before the relation cue, they still do
    assert _named("Norvik Shipping is in talks to buy Talon Ports.", "Norvik Shipping", "Talon Ports",
                  "acquisition") == "rumored"
    assert _named("Norvik Shipping is negotiating for the acquisition of Talon Ports.", "Norvik Shipping",
                  "Talon Ports", "acquisition") == "rumored"
    # a bare "sources said" after both parties attributes a fact; a report stays a rumour
    assert _named("Norvik Shipping holds a 20 pct stake in Talon Ports, banking sources said.", "Norvik Shipping",
                  "Talon Ports", "investment") == "asserted"
    assert _named("Norvik Shipping holds a 20 pct stake in Talon Ports, a newspaper reported.", "Norvik Shipping",
                  "Talon Ports", "investment") == "rumored"



def test_a_sale_does_not_end_the_buyers_links() -> None:
    text = "Zeta Holdings sold its 20 pct stake in Talon Ports to Norvik Shipping."
    assert _named(text, "Norvik Shipping", "Talon Ports", "investment") == "asserted"
    assert _named(text, "Zeta Holdings", "Talon Ports", "investment") == "ended"
    text = "Zeta Holdings sold its shoe unit to Talon Ports, a subsidiary of Norvik Shipping."
    assert _named(text, "Talon Ports", "Norvik Shipping", "subsidiary_of") == "asserted"


def test_a_deal_planned_around_a_unit_leaves_its_parent() -> None:
    text = "Norvik Shipping agreed to buy Talon Ports from Zeta Holdings."
    assert _named(text, "Talon Ports", "Zeta Holdings", "subsidiary_of") == "asserted"
    assert _named(text, "Norvik Shipping", "Talon Ports", "acquisition") == "planned"
    text = "Norvik Shipping agreed to take a 15 pct stake in Talon Ports, a subsidiary of Zeta Holdings."
    assert _named(text, "Talon Ports", "Zeta Holdings", "subsidiary_of") == "asserted"
    assert _named(text, "Norvik Shipping", "Talon Ports", "investment") == "planned"
    # no other deal between the plan and the parties: the unit itself is planned
    assert _named("Talon Ports will become a subsidiary of Zeta Holdings.", "Talon Ports", "Zeta Holdings",
                  "subsidiary_of") == "planned"
