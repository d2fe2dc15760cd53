"""Cue occurrences in a sentence and the two parties each relation cue links.

:func:`find_cues` lists every relation and status cue; :func:`cue_parties` finds the
subject and object of a general relation cue (nearest fitting mentions on either side,
passive forms swapped, parties joined by a conjunction after a noun cue) and
:func:`fixed_parties` those of based_in, operates_in and works_for, whose cue sits
between the parties in fixed ways. :mod:`kg.extract.relations` builds on this module.

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import Sentence, tokenize
>>> text = "Lumeo was acquired by Tenvar."
>>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
>>> lex = load_lexicon("en")
>>> [(h.i, h.j, h.cue.relation, is_passive(s, lex, h)) for h in find_cues(s, lex)]
[(2, 3, 'acquisition', True)]
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.edges import is_affixed_verb
from kg.extract.found import Hit
from kg.extract.jobs import job_pair
from kg.extract.joins import appositive_comma, joined_before
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import (
    APPOSED_TYPES,
    apposed,
    appositive_head,
    left_party,
    possessed_child_owner,
    possessor,
    present_name,
    right_party,
)
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.resources import word_set
from kg.schema import ORG_TYPES, PLACE_TYPES, RELATION_TYPES

# Forms of "to be" before a participle make a passive; "has/had acquired" is active.
PRODUCT_TYPES = frozenset({"Product"})
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def _verb(s: Sentence, lex: Lexicon, h: Hit) -> bool:
    """Whether the cue ``h`` is one verb (a headline verb of ``headline_verbs.txt`` or an affixed verb form):
    the names joined after it are its objects ("Salip A dan B"), not the two parties of a noun ("kerja sama
    A dan B").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> lex = load_lexicon("id")
    >>> text = "Salip Lumeo dan Tenvar, kerja sama Lumeo dan Tenvar"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> [(s.tokens[h.i].text, _verb(s, lex, h)) for h in find_cues(s, lex) if h.cue.relation]
    [('Salip', True), ('kerja', False)]
    """
    if h.cue.noun or h.j - h.i != 1:
        return False
    low = s.tokens[h.i].low
    return low in word_set(lex.code, "headline_verbs.txt") or is_affixed_verb(low, lex)


def find_cues(s: Sentence, lex: Lexicon) -> list[Hit]:
    """Every cue occurrence (relation and status), longest first at each position."""
    toks = s.tokens
    n = len(toks)
    hits: list[Hit] = []
    known = lex.known_starts.get
    for i, t in enumerate(toks):
        text = t.text
        if not text[0].isalnum():  # Token.is_word, without a property call a token
            continue
        cues = known(text)
        if cues is None:
            cues = lex.cues_starting(text)
        after: frozenset[str] | None = None  # the next token's stems, made once for the cues starting here
        for cue in cues:
            words = cue.words
            if len(words) > 1:
                # Most phrases fail at their second word ("to be", "not in", "said to" start at common words:
                # about 70 of the 90 Cue.match calls of a Reuters article): a literal second word must be the
                # next token (Cue.match's first step, read here without the call)
                w = words[1]
                if w != "*" and w != "...":
                    if i + 1 >= n:
                        continue
                    if cue.exact:
                        if toks[i + 1].low != w:
                            continue
                    else:
                        if after is None:
                            after = lex.stems(toks[i + 1].text)
                        if w not in after:
                            continue
                j = cue.match(toks, i, lex)
            else:
                j = cue.match(toks, i, lex) if cue.after else i + 1
            if j > 0:
                hits.append(Hit(i, j, cue))
    hits.sort(key=_longest_first)
    return hits


def _longest_first(h: Hit) -> tuple[int, int]:
    return h.i, h.i - h.j


def is_passive(s: Sentence, lex: Lexicon, h: Hit) -> bool:
    """Whether the cue ``h`` is read in the passive ("acquired by", "diakuisisi"), so its parties swap."""
    toks = s.tokens
    if h.cue.passive:
        return True
    if lex.is_passive(toks[h.i].text, h.cue.words[0]):
        return True
    agents = lex.words("agent_markers")
    if lex.code == "en":
        if h.i > 0 and toks[h.i - 1].low in _BE and toks[h.i].low.endswith(("ed", "en", "ought", "old")):
            return True
        return h.j < len(toks) and toks[h.j].low in agents
    return False


def _bid_for(toks: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether "from" at ``k`` ends a bid's object: "an offer for the company's stock from X" (X bids;
    "its purchase of Y from X" names a seller)."""
    m = k - 1
    while m > 0 and k - m <= 5 and ((toks[m].is_word and not toks[m].is_cap) or toks[m].text in POSSESSIVE):
        if toks[m].low == "for":
            return toks[m - 1].low in lex.words("bid_words")
        m -= 1
    return False


def _participle(toks: Sequence[Token], j: int, k: int) -> bool:
    """Whether the words from a noun cue's end ``j`` to its agent marker at ``k`` are at most a short
    participle phrase: "the offer by X", "the takeover offer made last week by X" (lowercase words)."""
    return k - j <= 2 or (k - j <= 4 and all(t.is_word and not t.is_cap for t in toks[j:k]))


def cue_parties(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int,
                hi: int) -> tuple[Mention, Mention] | None:
    """Subject and object of the general relation cue ``h`` in the clause ``lo:hi``, or None."""
    rt = RELATION_TYPES[h.cue.relation or ""]
    toks = s.tokens
    conj = lex.words("conjunctions")
    agents = lex.words("agent_markers")
    sub_t, obj_t = rt.subject_types, rt.object_types
    both = sub_t | obj_t
    left = left_party(ms, h.i, lo, both)
    if left is not None and rt.name in APPOSED_TYPES:
        # "Heublein, a former subsidiary of RJR Nabisco, was acquired by Z": Heublein is the party
        left = apposed(s, lex, ms, left, lo)
    if rt.name == "subsidiary_of" and h.cue.noun and not h.cue.passive and left is not None and (
            h.j >= len(toks) or toks[h.j].low not in lex.words("object_markers")):
        # "AMR Corp's American Airlines unit said": the possessor owns the child named before the cue
        owner = possessed_child_owner(toks, ms, left, h.i)
        if owner is not None:
            return left, owner
    right = right_party(ms, h.j, hi, both)
    if right is not None and right.type in ORG_TYPES and rt.object_types == PRODUCT_TYPES:
        # "meluncurkan skutik premium, yakni Honda SH150i": the maker's brand stands before the model's
        # name, and what is launched is the model
        right = next((m for m in ms if m.i == right.j and m.type in PRODUCT_TYPES), right)
    if right is not None and left is not None and rt.symmetric and "," in {t.text for t in toks[h.j : right.i]}:
        # "NOBU & Bank MNC Tak Kunjung Merger, OJK Nyerah?": two parties joined before the cue, and a
        # name past a comma after it that belongs to the next clause
        pair = joined_before(s, lex, ms, left, lo)
        if pair is not None:
            return pair
    if right is None and left is not None and rt.symmetric:
        # "Tenvar and Lumeo formed a joint venture", "Tenvar and Lumeo agreed to merge": both
        # parties before the cue, joined by a conjunction
        first = left_party(ms, left.i, lo, both, gap=2)
        if first is not None and first.key != left.key and {t.low for t in toks[first.j : left.i]} & conj:
            return first, left
    if right is None:
        # "Apple dan Samsung saling menggugat", "NOBU & Bank MNC Tak Kunjung Merger": both parties
        # of a symmetric link named before its cue, joined by a conjunction.
        return joined_before(s, lex, ms, left, lo) if rt.symmetric and left is not None else None
    if left is None and rt.name == "subsidiary_of":
        # "unit Xiaomi EV, perusahaan ini ..." (child, then the parent as subject) or
        # "anak usaha Pertamina, Pertamina Hulu Energi, ..." (parent, then the child named).
        # "Anak perusahaan PT PLN (Persero), PT Icon+", "Anak usaha PT Telkom Tbk yang bergerak di jasa
        # seluler, PT Telkomsel": a bracket or a relative clause may stand before the comma.
        comma = appositive_comma(toks, right.j, lex.words("relativizers"))
        nxt = right_party(ms, comma + 1, hi, both, gap=1, skip=right) if comma >= 0 else None
        if nxt is not None and nxt.key != right.key:
            return (right, nxt) if nxt.source == "coref" else (nxt, right)
        return None
    direct = len(toks[h.j : right.i]) <= 1 and all(t.text in (",", "the", "<", "(") for t in toks[h.j : right.i])
    if (
        rt.name == "subsidiary_of"
        and h.cue.noun
        and not h.cue.passive
        and left is not None
        and direct
        and lex.setting("child_after_unit_cue")
        and h.cue.words[-1] not in lex.words("object_markers")
    ):
        # "Tenvar said its German subsidiary, Lumeo, ...", "Tenvar's big electronics unit, Lumeo":
        # the unit named right after the cue is the child, whoever owns it ("X, a unit of Y" has "of")
        return right, left
    if rt.name == "subsidiary_of" and h.cue.noun and h.cue.passive and left is not None and direct:
        # "AMC's French parent Renault", "Airbus parent company EADS", "resources for parent company Tenvar":
        # the name right after "parent" is the parent (train en gold: 9 of 9 so named), the party before the
        # child; "the parent of Lumeo" has "of"
        return left, right
    if (
        rt.name in ("subsidiary_of", "investment")
        and h.cue.noun
        and left is not None
        and possessor(toks, left, h.i)
        and h.cue.words[-1] not in lex.words("object_markers")
    ):
        # "Tenvar's unit Lumeo", "Alphabet unit Waymo", "its unit, Lumeo", "Tenvar's health care
        # subsidiary Lumeo", "Tenvar Inc <TNV> unit Lumeo": the possessor is the parent (the child of
        # a passive cue: "Lumeo parent Tenvar"), and the other party must be named right after the
        # cue ("its unit would supply Lumeo" names no child). "X, a unit of Y" is no possessive.
        # The same for a holder: "Lumeo's largest shareholder, Tenvar" (Tenvar invests), "Tenvar's
        # affiliate Lumeo" (passive: Tenvar invests).
        gap = toks[h.j : right.i]
        if len(gap) > 1 or not all(t.text in (",", "the", "<", "(") for t in gap):
            return None
        return (left, right) if h.cue.passive else (right, left)
    if h.cue.passive and left is None:
        return None  # "dipimpin oleh X" with no investee in the clause
    gap_words = {t.low for t in toks[h.j : right.i]}
    if rt.name in ("acquisition", "investment") and gap_words & lex.words("seller_markers") and (
            not h.cue.noun or not ({h.cue.words[-1]} | gap_words) & lex.words("bid_words")):
        # "acquired from Golden Nugget various parcels", "completed the acquisition of the Golden Nugget
        # Casino Hotel from Golden Nugget Inc": the seller, not what was bought ("an offer from X" bids)
        return None
    # "merger of A and B", "Merger NOBU dan MNC Bank": a symmetric noun's parties named right after it
    named_after = (rt.symmetric and h.cue.noun and h.j < len(toks)
                   and (toks[h.j].low in lex.words("symmetric_noun_markers") or right.i == h.j))
    if named_after and h.i > 0 and toks[h.i - 1].low in lex.words("topic_markers"):
        # "Bos Sinar Mas Buka Suara Soal Merger EXCL dan FREN": who speaks about a merger of two others is
        # no party of it ("X Soal Kepemilikan Saham Y" may well be X's stake)
        left = None
    if left is None or named_after or (h.cue.noun and right is not None and left.j < h.i - 6):
        # "kemitraan Xiaomi dan Ford", "merger between A and B", "gugatan A terhadap B"; and "the
        # regulator rejected the merger of A and B": the parties named after the noun, not the regulator
        second = right_party(ms, right.j, hi, both, gap=3, skip=right)
        between = {t.low for t in toks[right.j : second.i]} if second is not None else set()
        # "kemitraan Xiaomi dan Ford", "gugatan A terhadap B": two parties after the cue; "Borong Saham
        # BBRI & BMRI" lists two objects of a one-way link, not its two parties. After a verb the names
        # joined by a conjunction are its objects, and the subject comes elsewhere ("Salip McDonald's dan
        # Starbucks, Mixue Jadi Raja F&B", "Gandeng A dan B, C ...").
        if (second is not None and second.key != right.key and not rt.symmetric and h.cue.noun
                and h.cue.words[-1] in lex.words("bid_words") and toks[right.i - 1].low == "for"
                and toks[second.i - 1].low in lex.optional_words("bid_from_markers")
                and _bid_for(toks, second.i - 1, lex)):
            return second, right  # "a tender offer for the company's stock from X": X bids
        if (
            second is not None
            and second.key != right.key
            and (between & lex.words("object_markers") or (rt.symmetric and between & conj and not _verb(s, lex, h)))
        ):
            return right, second
        if left is None:
            # "Akuisisi Gojek oleh Grab", "the acquisition of Talon by Norvik": a noun phrase whose
            # agent follows the party it acts on.
            if second is not None and second.key != right.key and toks[right.j].low in agents and not rt.symmetric:
                return second, right
            return None
    assert left is not None
    passive = is_passive(s, lex, h)
    agent, agent_at = None, hi
    bidder = lex.words("noun_agent_markers") if h.cue.noun else frozenset()
    for k in range(h.j, min(hi, right.j + 4)):
        if k >= right.j and toks[k].low in _BE:
            break  # "X's takeover offer to Y was rejected by Z": the agent of another verb, not of the cue
        # "a takeover offer from X", "a buyout proposal from X": the bidder (but "its purchase of
        # Y from X" names the seller)
        bid = toks[k].low in bidder and (toks[k - 1].low in lex.words("bid_words") or (
            toks[k].low in lex.optional_words("bid_from_markers") and _bid_for(toks, k, lex)))
        if toks[k].low in agents or bid:
            agent, agent_at = right_party(ms, k + 1, hi, both, gap=2), k
            if agent is None and h.cue.noun and right.i > k and toks[k].low in agents:
                # "the takeover bid by Swedish industrial gases group Aga AB", "the takeover offer made last
                # week by a partnership of AFG": the first name after the marker, however far, is the agent
                agent = right
            passive = passive or (bid and agent is not None)
            break
    # "the acquisition of Y by X" (the agent after the party acted on) and "Y rejected an acquisition
    # bid by X", "Y's takeover by X" (a noun cue's agent right after it is the party named after it)
    if (not passive and agent is not None and agent is not right and right.i - h.j <= 1
            and 0 <= agent_at - right.j <= 1 and rt.name != "subsidiary_of" and not rt.symmetric):
        # "... permasalahan akuisisi Danamon oleh DBS", "the acquisition of Talon by Norvik": the party named
        # right after the noun is acted on, whoever stands before it
        return agent, right
    if passive or (agent is not None and (agent is not right or (h.cue.noun and _participle(toks, h.j, agent_at)))):
        subj = agent or right
        if h.cue.passive and subj.type not in ORG_TYPES and not h.cue.owner:
            return None  # "OpenAI, led by chief executive Sam Altman": management, not money
        if rt.name == "subsidiary_of" and not h.cue.passive:
            return left, subj  # "Lumeo, wholly owned by Tenvar": the owner is the parent
        return subj, left
    if rt.name == "subsidiary_of" and h.cue.noun and not h.cue.passive and lex.setting("child_after_unit_cue") \
            and h.j < len(toks) and toks[h.j].low not in lex.words("object_markers"):
        # "Ratners Group PLC's U.S. subsidiary has agreed to acquire Y": a unit cue names its child right after
        # it (read above) or its parent after "of"; a name further on is neither (Indonesian "anak usaha X"
        # names the parent X)
        return None
    return left, right


def fixed_parties(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int,
                  hi: int) -> tuple[Mention, Mention] | None:
    """based_in, operates_in and works_for: the cue sits between the two parties in fixed ways."""
    rtype = h.cue.relation
    orgs = ORG_TYPES
    if rtype == "operates_in":
        # the sector right after the cue, or a sector phrase that starts with it ("industri otomotif")
        sec = next((m for m in ms if m.type == "Sector" and (h.j <= m.i <= h.j + 2 or m.i == h.i)), None)
        if sec is None:
            return None
        inside = next((m for m in ms if m.i <= h.i < m.j and m.type in orgs), None)
        org = inside or present_name(s, lex, ms, left_party(ms, h.i, lo, frozenset({"Company"}), gap=8), lo)
        return (org, sec) if org is not None and org.type == "Company" else None
    if rtype == "based_in":
        place = next((m for m in ms if m.type in PLACE_TYPES and h.j <= m.i <= h.j + 1), None)
        if place is None:
            return None
        toks = s.tokens
        after = right_party(ms, place.j + 1, hi, orgs, gap=0) if toks[place.j : place.j + 1] and \
            toks[place.j].text == "," else None
        if after is not None and h.i > 0 and toks[h.i - 1].is_word and not toks[h.i - 1].is_cap:
            # "pabrikan mobil asal Prancis, Renault", "pabrik asal Taiwan, Pegatron": the description
            # comes first and the company it describes right after the comma
            return after, place
        inside = next((m for m in ms if m.i <= h.i < m.j and m.type in orgs and m.source == "coref"), None)
        org = inside or present_name(s, lex, ms, left_party(ms, h.i, lo, orgs, gap=4), lo) \
            or appositive_head(s, ms, h.i, lo)
        return (org, place) if org is not None else None
    if rtype == "works_for":
        return job_pair(s, lex, ms, h, lo, hi)
    return None
