"""Relations with status, speaker and sector, read sentence by sentence from cue lexicons.

For each relation cue the parties are the nearest fitting mentions on either
side within the clause (or two parties joined by a conjunction after a noun cue:
"kemitraan Xiaomi dan Ford"); passive forms ("diakuisisi oleh", "acquired by",
cues flagged ``passive``) swap them. The status comes from status cues in scope:
denial and plan cues before the relation cue, rumour and ending cues on either
side, negation right before it, and questions are never assertions.

A name in a venue frame ("a filing with the SEC", "told Reuters", "kepada CNBC
Indonesia", ``ontology/lang/<code>/relations/venues.txt``) says where something
was filed or reported and is never a party (:func:`venues`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.extract.adjacent import (
    inside_descriptions,
    maker_before_model,
    more_sectors,
    place_before_org,
    sector_next_to_org,
)
from kg.extract.affiliation import affiliations
from kg.extract.appointed import person_first
from kg.extract.cueparties import cue_parties, find_cues, fixed_parties, is_passive
from kg.extract.dateline import dateline_agency
from kg.extract.found import Found, Hit
from kg.extract.jobclauses import presented_holders, relative_holder
from kg.extract.jobs import headline_job, job_status_span, listed_holders, predecessor
from kg.extract.joins import fronted, joined_before, listed_before, listed_parties
from kg.extract.lexicon import Lexicon
from kg.extract.lonemaker import lone_maker
from kg.extract.makermodel import described_makers
from kg.extract.mentions import Mention
from kg.extract.namedas import named_product
from kg.extract.nearest import (
    clause,
    left_party,
    owner_of_unnamed_part,
    right_party,
    stands_for_another,
    types_ok,
    unnamed_part,
)
from kg.extract.origin import origins
from kg.extract.owners import ownership
from kg.extract.ranked import ranked_in
from kg.extract.sale import sales
from kg.extract.spokenparty import spoken_subject
from kg.extract.stake import status_type
from kg.extract.status import NEGATION_ONLY, decide, fact_status
from kg.extract.text import Sentence, Token
from kg.extract.titlechain import title_chain
from kg.extract.titlehead import modified_title
from kg.extract.venues import country_modifiers, venues
from kg.schema import ORG_TYPES, RELATION_TYPES


def _speaker(s: Sentence, lex: Lexicon, ms: list[Mention], hits: list[Hit], lo: int, hi: int) -> Mention | None:
    """Who states or denies: the subject of a speech verb or denial cue in the clause."""
    speech = lex.words("speech_verbs")
    agents = lex.words("agent_markers")
    who = ORG_TYPES | {"Person"}
    positions = [k for k in range(lo, hi) if s.tokens[k].low in speech]
    positions += [o.i for o in hits if o.cue.status == "denied" and lo <= o.i < hi]
    for k in sorted(positions):
        m = left_party(ms, k, lo, who, gap=6)
        if (
            m is None
            or (k + 1 < hi and s.tokens[k + 1].low in agents)
            or s.tokens[k].low in {"kata", "ujar", "tutur", "said"}
        ):
            after = k + 2 if k + 1 < hi and s.tokens[k + 1].low in agents else k + 1
            r = right_party(ms, after, hi, who, gap=3)
            m = r or m
        if m is not None:
            return m
    return None


def _sector(ms: list[Mention], h: Hit) -> Mention | None:
    sectors = [m for m in ms if m.type == "Sector"]
    if not sectors:
        return None
    return min(sectors, key=lambda m: (0 if m.i >= h.j else 1, abs(m.i - h.j)))


def _contest(toks: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether a contest word (``contest_words``: bid, bidders, offer) follows a competitor cue ending
    at ``k`` within four words and before any name ("rival bidders", "competing against a rival offer")."""
    words = lex.words("contest_words")
    for t in toks[k : k + 4]:
        if t.is_cap or not t.is_word:
            return False
        if t.low in words:
            return True
    return False


def _firm_kind(toks: Sequence[Token], lex: Lexicon, h: Hit) -> bool:
    """Whether the partnership noun cue ``h`` names a kind of firm: after "a" with up to three words between
    ("a Nevada investment partnership", "a partnership headed by X") and with no ``partner_markers`` word
    after it ("a partnership with X" names a partner), where the word before the article
    (``firm_kind_before``: a comma, "and", a preposition, a be-form) makes it a description of a party:
    after a verb it is the deal itself ("X and Y formed a joint venture.").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> lex = load_lexicon("en")
    >>> def firm(text):
    ...     toks = tuple(tokenize(text))
    ...     h = [h for h in find_cues(Sentence(0, 0, len(text), "", toks), lex) if h.cue.relation == "partnership"]
    ...     return _firm_kind(toks, lex, h[-1])
    >>> firm("Lumeo Partners, a Nevada investment partnership, said"), firm("X and Y signed a partnership.")
    (True, False)
    """
    articles = lex.words("unnamed_part_articles")
    k = h.i - 1
    while k >= 0 and h.i - k <= 4 and toks[k].is_word and toks[k].low not in articles:
        k -= 1
    if k < 1 or toks[k].low not in articles or toks[k - 1].low not in lex.words("firm_kind_before"):
        return False
    return h.j >= len(toks) or toks[h.j].low not in lex.words("partner_markers")


def find_relations(s: Sentence, lex: Lexicon, ms: list[Mention], hits: list[Hit] | None = None, *,
                   learned: bool = False, models: str | None = None) -> Iterator[Found]:
    """All relations in one sentence; ``ms`` are the sentence's mentions in order. With ``learned``
    the status model (of the model folder ``models``, else the shipped one) joins the status cues
    (:func:`kg.extract.status.decide`)."""
    from kg.evaluate.casing import casing
    from kg.extract.sectorphrase import sector_phrases  # (sectorphrase.py builds on this module)

    speakers = ms
    # "Lumeo Corp, a maker of circuit boards"; a vocabulary sector word inside a longer line of business
    # ("a mortgage banking company") is read as part of it only
    phrases = list(sector_phrases(s, ms, lex.code))
    longer = [f.object for f in phrases if f.object.source == "pattern"]
    gone = venues(s, lex, ms)
    if longer:
        gone |= {k for k, m in enumerate(ms) if m.type == "Sector" and m.source != "pattern"
                 and any(p.i <= m.i and m.j <= p.j and (p.i, p.j) != (m.i, m.j) for p in longer)}
    if gone:
        ms = [m for k, m in enumerate(ms) if k not in gone]
    modifiers = country_modifiers(s, lex, ms)
    parties = [m for k, m in enumerate(ms) if k not in modifiers] if modifiers else ms
    yield from inside_descriptions(s, ms)
    yield from place_before_org(s, lex, ms)
    yield from origins(s, lex, ms)
    yield from ranked_in(s, lex, ms)  # "Peabody, the largest coal producer in the U.S."
    yield from ownership(s, lex, ms, [*sector_next_to_org(s, lex, ms), *maker_before_model(s, ms, lex),
                                      *described_makers(s, lex, ms)], phrases)
    if hits is None:  # the engine passes the cues it already found in pass 1
        hits = find_cues(s, lex)
    yield from affiliations(s, lex, ms, hits, learned=learned, models=models)
    yield from lone_maker(s, lex, parties, hits, learned=learned, models=models)  # "Lewat AgenBRILink, BRI ..."
    # "sell its stake in Y to Z": the sale construction reads the cues inside it ("stake in")
    sold, sold_spans = sales(s, lex, parties, hits)
    yield from sold
    seen_spans: set[tuple[int, int]] = set(sold_spans)
    headline = lex.setting("headline_comma_ends_clause") is True and casing(s.text) == "title"
    for h in hits:
        rtype = h.cue.relation
        if rtype is None or any(a <= h.i < b for a, b in seen_spans if (a, b) != (h.i, h.j)):
            continue
        if h.cue.noun and rtype != "competitor_of" and h.j < len(s.tokens) and \
                s.tokens[h.j].low in lex.words("cue_modifier_heads"):
            # "the investment banking firm X", "an investment group led by": a kind of company, no deal
            # ("merge with rival group X" names the rival)
            continue
        if rtype == "partnership" and h.cue.noun and _firm_kind(s.tokens, lex, h):
            continue  # "X, a Nevada investment partnership, said": a kind of firm, no partner named
        if rtype == "competitor_of" and _contest(s.tokens, h.j, lex):
            continue  # "a rival bid", "competing against a rival offer": rivals for one deal, not in a market
        lo, hi = clause(s, lex, h.i)
        if headline and rtype not in ("operates_in", "based_in", "works_for"):
            # "Danantara Bakal Danai Proyek Hilirisasi, Bank Mandiri Ikut Serta": in a title-case headline
            # a comma after the cue starts the next clause
            hi = next((k for k in range(h.j, hi) if s.tokens[k].text == ","), hi)
        presented: list[Mention] = []
        if rtype in ("operates_in", "based_in", "works_for"):
            # "Ani, Keponakan Budi yang Jadi Komisaris X": the apposition's relative clause is Ani's job
            pair = (relative_holder(s, lex, ms, h, lo, hi) if rtype == "works_for" else None) \
                or fixed_parties(s, lex, ms, h, lo, hi)
            if pair is None and rtype == "works_for":
                # the cue widened: "X, wakil presiden dan analis industri di Y" (the titles joined before this one
                # are one job); "X, social media manager Y" (an English title's modifiers before its head)
                for wide in (title_chain(s, lex, hits, h), modified_title(s, lex, ms, h)):
                    if wide is None:
                        continue
                    wlo = clause(s, lex, wide.i)[0]
                    pair = fixed_parties(s, lex, ms, wide, wlo, hi)
                    if pair is not None:
                        h, lo = wide, wlo
                        break
            if pair is None and rtype == "works_for" and headline:
                # "BNI Rombak Total Jajaran Komisaris, Omar Sjawaldy Anwar Jadi Komut"
                pair = headline_job(s, lex, ms, h, lo, hi)
                if pair is None and (shown := presented_holders(s, lex, ms, h, lo, hi)):
                    # "Ini Jajaran Komisaris XLSmart, Ada Retno hingga Arsjad"
                    pair, presented = shown[0], [a for a, _ in shown[1:]]
            conf = 0.7
            comma = next((k for k in range(h.j, hi) if s.tokens[k].text == ","), -1) if headline else -1
            if pair is None and rtype == "operates_in" and comma > 0:
                # "Pasca Tutup Bisnis E-Commerce, Ini Kabar Penting dari Bukalapak": the company after the comma
                pair = fronted(s, lex, ms, (h.i, h.j), lo, comma, frozenset({"Sector"}), passive=False,
                               after_types=frozenset({"Company"}))
        else:
            pair = cue_parties(s, lex, parties, h, lo, hi)
            conf = 0.6 if h.cue.noun else 0.7
            if pair is None and headline and hi < len(s.tokens):
                # "Gandeng Bank Raya, DPLK BRI Pacu ...": the subject after the comma
                rt = RELATION_TYPES[rtype]
                pair = fronted(s, lex, parties, (h.i, h.j), lo, hi, rt.subject_types | rt.object_types,
                               passive=is_passive(s, lex, h))
        if pair is not None and rtype == "launch" and not h.cue.passive:
            # "mempersiapkan ponsel Android ... bernama Galaxy Pocket": the product the marker names
            pair = (pair[0], named_product(s, lex, parties, h, pair[1], hi))
        if pair is None or not types_ok(rtype, *pair) or stands_for_another(s, lex, hits, pair[0], rtype) or \
                spoken_subject(s, lex, h, pair[0]) or any(dateline_agency(s, m) for m in pair) or \
                person_first(ms, h, pair[0], rtype) or (
                rtype == "subsidiary_of" and h.cue.noun and unnamed_part(s, lex, h)):
            continue
        if rtype == "partnership" and any(owner_of_unnamed_part(s, lex, hits, m) for m in pair):
            continue  # "merge with a subsidiary of Y": the unnamed subsidiary is the partner, not Y
        if (h.cue.owner or rtype == "subsidiary_of") and h.j < len(s.tokens) and \
                s.tokens[h.j].low in lex.words("owner_kind_words"):
            continue  # "badan usaha milik negara Dahlan Iskan": a state-owned enterprise, then a name
        if rtype == "investment" and pair[0].type in ORG_TYPES and any(
                o.cue.relation == "subsidiary_of" and (o.i, o.j) == (h.i, h.j) for o in hits):
            continue  # "X milik Y": an organisation that owns is a parent (subsidiary_of), a person invests
        if rtype == "operates_in":
            yield from more_sectors(s, lex, ms, pair)
        seen_spans.add((h.i, h.j))
        subj, obj = pair
        if rtype in NEGATION_ONLY:
            status = fact_status(s.tokens, lex, hits, (h.i, h.j), lo, hi, rtype, ((subj.i, subj.j), (obj.i, obj.j)),
                                 question=s.question)
            speaker = None
        else:
            slo, shi = lo, hi
            if rtype == "works_for":
                slo, shi = job_status_span(s, lex, ms, h, subj, obj, lo, hi)
            # read for the type the link will have: a stake below control is an investment (kg.extract.stake)
            status = decide(s, lex, hits, (h.i, h.j), status_type(rtype, subj, obj, s.tokens, lex.code), slo, shi,
                            learned=learned, models=models, parties=((subj.i, subj.j), (obj.i, obj.j)))
            speaker = _speaker(s, lex, speakers, hits, lo, hi) if status != "asserted" or rtype != "works_for" else None
        sector = _sector(ms, h) if RELATION_TYPES[rtype].node_class else None
        if subj.source == "coref" or obj.source == "coref":
            conf -= 0.1
        yield Found(rtype, subj, obj, status, s, speaker, sector, round(conf, 2))
        if rtype == "works_for":
            # "para pebalap KTM, yakni Pol Espargaro dan Bradley Smith": everyone listed holds the title
            holders = [*presented, *listed_holders(s, lex, ms, h, subj)]
            if rtype in lex.optional_words("joined_subjects") and subj.j <= h.i:
                # "A, B & C Jadi Dewan Penasihat X": the people listed before the holder hold the title too
                holders += listed_before(s, lex, ms, subj, lo, accompanied=False)
            for holder in holders:
                yield Found(rtype, holder, obj, status, s, speaker, sector, round(conf - 0.05, 2))
        if rtype == "works_for" and status == "asserted":
            # "X Jadi Komut Bank Mandiri Gantikan Y": Y held the job before X
            before = predecessor(s, lex, ms, h, subj, obj, hi)
            if before is not None:
                yield Found(rtype, before, obj, "ended", s, None, None, round(conf - 0.1, 2))
        if rtype not in ("operates_in", "based_in", "works_for"):
            more = list(listed_parties(s, lex, parties, pair, h.j))
            for a, b in more:
                yield Found(rtype, a, b, status, s, speaker, sector, round(conf - 0.05, 2))
            if rtype in lex.optional_words("joined_subjects") and subj.j <= h.i and not h.cue.passive:
                # "Walt Disney Pictures dan Pixar merilis X": every name listed before the subject acts too
                objects = [obj, *(b for a, b in more if a is subj)]
                for actor in listed_before(s, lex, parties, subj, lo):
                    for o in objects:
                        yield Found(rtype, actor, o, status, s, speaker, sector, round(conf - 0.05, 2))
        elif rtype == "operates_in":
            # "Pegadaian & BSI Jadi Bank Emas": a company joined to the subject by a conjunction is in it too
            other = joined_before(s, lex, ms, subj, lo)
            if other is not None and other[0].type == "Company":
                yield Found(rtype, other[0], obj, status, s, speaker, sector, round(conf - 0.05, 2))
