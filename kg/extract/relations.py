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
from dataclasses import dataclass

from kg.extract.lexicon import Cue, Lexicon
from kg.extract.mentions import Mention
from kg.extract.status import NEGATION_ONLY, decide, negation_status
from kg.extract.text import Sentence, Token
from kg.extract.venues import venues
from kg.schema import ORG_TYPES, PLACE_TYPES, RELATION_TYPES

_MAX_GAP = 14  # tokens between a cue and a party
# Forms of "to be" before a participle make a passive; "has/had acquired" is active.
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})


@dataclass(frozen=True, slots=True)
class Found:
    """One relation read from one sentence."""

    type: str
    subject: Mention
    object: Mention
    status: str
    sentence: Sentence
    speaker: Mention | None = None
    sector: Mention | None = None
    confidence: float = 0.6


@dataclass(frozen=True, slots=True)
class Hit:
    i: int
    j: int
    cue: Cue


def find_cues(s: Sentence, lex: Lexicon) -> list[Hit]:
    """Every cue occurrence (relation and status), longest first at each position."""
    toks = s.tokens
    hits: list[Hit] = []
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        for cue in lex.cues_starting(t.text):
            j = cue.match(toks, i, lex) if len(cue.words) > 1 else i + 1
            if j > 0:
                hits.append(Hit(i, j, cue))
    hits.sort(key=lambda h: (h.i, -(h.j - h.i)))
    return hits


def _clause(s: Sentence, lex: Lexicon, i: int) -> tuple[int, int]:
    """Token range of the clause around token ``i`` (split at ';' and contrast words)."""
    breaks = lex.words("clause_breaks")
    lo, hi = 0, len(s.tokens)
    for k, t in enumerate(s.tokens):
        if t.low in breaks:
            if k < i:
                lo = k + 1
            elif k > i:
                hi = k
                break
    return lo, hi


def _fits(m: Mention, types: frozenset[str]) -> bool:
    return m.type in types


def _left(
    ms: list[Mention],
    i: int,
    lo: int,
    types: frozenset[str],
    gap: int = _MAX_GAP,
    *,
    plain: Sequence[Token] | None = None,
) -> Mention | None:
    """The nearest mention of ``types`` ending before token ``i`` (given the sentence's tokens
    as ``plain``: only the nearest mention, and only if the words between are lowercase words,
    commas or a possessive)."""
    for m in reversed(ms):
        if m.j <= i and m.i >= lo and i - m.j <= gap and _fits(m, types):
            if plain is not None and not all(_plain(t) for t in plain[m.j : i]):
                return None
            return m
        if plain is not None and m.j <= i:
            return None
    return None


def _plain(t: Token) -> bool:
    return (t.is_word and not t.is_cap) or t.text in (",", "'s", "’s")


def _appositive_head(s: Sentence, ms: list[Mention], i: int, lo: int) -> Mention | None:
    """ "PT Karya Komponen Otomotif (KKO), produsen suku cadang asal Bekasi": the organisation
    whose appositive holds the cue."""
    toks = s.tokens
    for m in reversed(ms):
        if m.j > i or m.i < lo:
            continue
        if m.type not in ORG_TYPES:
            return None
        k = m.j
        if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
            k += 3
        if k < i and toks[k].text == "," and i - k <= 8 and all(_plain(t) for t in toks[k + 1 : i]):
            return m
        return None
    return None


def _right(
    ms: list[Mention],
    j: int,
    hi: int,
    types: frozenset[str],
    gap: int = _MAX_GAP,
    skip: Mention | None = None,
) -> Mention | None:
    for m in ms:
        if m.i >= j and m.j <= hi and m.i - j <= gap and _fits(m, types) and m is not skip:
            return m
    return None


def _speaker(s: Sentence, lex: Lexicon, ms: list[Mention], hits: list[Hit], lo: int, hi: int) -> Mention | None:
    """Who states or denies: the subject of a speech verb or denial cue in the clause."""
    speech = lex.words("speech_verbs")
    agents = lex.words("agent_markers")
    who = ORG_TYPES | {"Person"}
    positions = [k for k in range(lo, hi) if s.tokens[k].low in speech]
    positions += [o.i for o in hits if o.cue.status == "denied" and lo <= o.i < hi]
    for k in sorted(positions):
        m = _left(ms, k, lo, who, gap=6)
        if (
            m is None
            or (k + 1 < hi and s.tokens[k + 1].low in agents)
            or s.tokens[k].low in {"kata", "ujar", "tutur", "said"}
        ):
            after = k + 2 if k + 1 < hi and s.tokens[k + 1].low in agents else k + 1
            r = _right(ms, after, hi, who, gap=3)
            m = r or m
        if m is not None:
            return m
    return None


def _sector(ms: list[Mention], h: Hit) -> Mention | None:
    sectors = [m for m in ms if m.type == "Sector"]
    if not sectors:
        return None
    return min(sectors, key=lambda m: (0 if m.i >= h.j else 1, abs(m.i - h.j)))


def _passive(s: Sentence, lex: Lexicon, h: Hit) -> bool:
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


def _pair(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int, hi: int) -> tuple[Mention, Mention] | None:
    rt = RELATION_TYPES[h.cue.relation or ""]
    toks = s.tokens
    conj = lex.words("conjunctions")
    agents = lex.words("agent_markers")
    sub_t, obj_t = rt.subject_types, rt.object_types
    both = sub_t | obj_t
    left = _left(ms, h.i, lo, both)
    right = _right(ms, h.j, hi, both)
    if right is None:
        return None
    if left is None and rt.name == "subsidiary_of":
        # "unit Xiaomi EV, perusahaan ini ..." (child, then the parent as subject) or
        # "anak usaha Pertamina, Pertamina Hulu Energi, ..." (parent, then the child named).
        nxt = _right(ms, right.j, hi, both, gap=2, skip=right)
        if nxt is not None and nxt.key != right.key and toks[right.j].text == ",":
            return (right, nxt) if nxt.source == "coref" else (nxt, right)
        return None
    if (
        rt.name == "subsidiary_of"
        and h.cue.noun
        and not h.cue.passive
        and left is not None
        and (left.j == h.i or (left.j + 1 == h.i and toks[left.j].text in ("'s", "’s")))
        and h.cue.words[-1] not in lex.words("object_markers")
    ):
        # "Tenvar's unit Lumeo", "Alphabet unit Waymo", "its unit, Lumeo": the possessor is the
        # parent, and the child must be named right after the cue ("its unit would supply Lumeo"
        # names no child). "X, a unit of Y" and "bagian dari Y" are not possessives.
        gap = toks[h.j : right.i]
        return (right, left) if len(gap) <= 1 and all(t.text in (",", "the") for t in gap) else None
    if h.cue.passive and left is None:
        return None  # "dipimpin oleh X" with no investee in the clause
    if left is None or (h.cue.noun and right is not None and left.j < h.i - 6):
        # "kemitraan Xiaomi dan Ford", "merger between A and B", "gugatan A terhadap B"
        second = _right(ms, right.j, hi, both, gap=3, skip=right)
        if (
            second is not None
            and second.key != right.key
            and ({t.low for t in toks[right.j : second.i]} & (conj | lex.words("object_markers")))
        ):
            return right, second
        if left is None:
            return None
    assert left is not None
    passive = _passive(s, lex, h)
    agent = None
    for k in range(h.j, min(hi, right.j + 4)):
        if toks[k].low in agents:
            agent = _right(ms, k + 1, hi, both, gap=2)
            break
    if passive or (agent is not None and agent is not right):
        subj = agent or right
        if h.cue.passive and subj.type not in ORG_TYPES:
            return None  # "OpenAI, led by chief executive Sam Altman": management, not money
        return subj, left
    return left, right


def _types_ok(rtype: str, a: Mention, b: Mention) -> bool:
    rt = RELATION_TYPES[rtype]
    return a.key != b.key and a.type in rt.subject_types and b.type in rt.object_types


def _special(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int, hi: int) -> tuple[Mention, Mention] | None:
    """based_in, operates_in and works_for: the cue sits between the two parties in fixed ways."""
    rtype = h.cue.relation
    orgs = ORG_TYPES
    if rtype == "operates_in":
        # the sector right after the cue, or a sector phrase that starts with it ("industri otomotif")
        sec = next((m for m in ms if m.type == "Sector" and (h.j <= m.i <= h.j + 2 or m.i == h.i)), None)
        if sec is None:
            return None
        inside = next((m for m in ms if m.i <= h.i < m.j and m.type in orgs), None)
        org = inside or _left(ms, h.i, lo, frozenset({"Company"}), gap=8)
        return (org, sec) if org is not None and org.type == "Company" else None
    if rtype == "based_in":
        place = next((m for m in ms if m.type in PLACE_TYPES and h.j <= m.i <= h.j + 1), None)
        if place is None:
            return None
        inside = next((m for m in ms if m.i <= h.i < m.j and m.type in orgs and m.source == "coref"), None)
        org = inside or _left(ms, h.i, lo, orgs, gap=4) or _appositive_head(s, ms, h.i, lo)
        return (org, place) if org is not None else None
    if rtype == "works_for":
        person = frozenset({"Person"})
        person_right = _right(ms, h.j, hi, person, gap=6)
        org_right = _right(ms, h.j, hi, orgs, gap=3)
        person_left = _left(ms, h.i, lo, person, gap=2)
        # "Bank Arta corporate secretary Dewi", "Solvane's head of", "Microsoft, led by chief executive Satya"
        org_left = _left(ms, h.i, lo, orgs, gap=1) or _left(ms, h.i, lo, orgs, gap=4, plain=s.tokens)
        if person_left is not None and org_right is not None:
            return person_left, org_right
        if person_right is not None and org_right is not None and org_right.i < person_right.i:
            return person_right, org_right
        if person_right is not None and org_left is not None:
            return person_right, org_left
        if org_left is not None:
            # "Katrin Vogel, Solvane's head of procurement"
            before = _left(ms, org_left.i, lo, person, gap=1)
            if before is not None:
                return before, org_left
        return None
    return None


def _place_before_org(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """ "Australian miner Redgum", "Perth-based Redgum", "perusahaan Jepang Morimoto Shoji":
    a country word or an "X-based" place right before an organisation places it there."""
    toks = s.tokens
    preps = lex.words("object_markers") | lex.words("agent_markers") | {"in", "di", "ke", "at"}
    for k, m in enumerate(ms):
        if m.type not in PLACE_TYPES or (m.i > 0 and toks[m.i - 1].low in preps):
            continue
        based = toks[m.j - 1].low.endswith("-based")
        if m.type == "Place" and not based:
            continue
        for org in ms[k + 1 :]:
            if org.i < m.j:
                continue
            gap = toks[m.j : org.i]
            if org.i - m.j > 3 or any(t.is_cap or not (t.is_word or t.text in ("'s", "’s")) for t in gap):
                break
            if any(lex.cues_starting(t.text) for t in gap):
                break  # "Indonesia sued Tenvar": a verb between, not "Australian miner Redgum"
            if org.type in ORG_TYPES:
                if org.source != "coref" or based:
                    yield Found("based_in", org, m, "asserted", s, confidence=0.7)
                break


def _sector_next_to_org(s: Sentence, ms: list[Mention]) -> Iterator[Found]:
    """ "copper producer Kestrel", "perusahaan fintech Dompet Rakyat", "online marketplace Pasar Kilat"
    (a sector word just before a company name) and "Kestrel Copper SA, a copper producer" (just after)."""
    toks = s.tokens
    for k, m in enumerate(ms):
        if m.type != "Sector":
            continue
        nxt = next((o for o in ms[k + 1 :] if o.i >= m.j), None)
        if (
            nxt is not None
            and nxt.type == "Company"
            and nxt.source != "coref"
            and nxt.i - m.j <= 2
            and all(t.is_word and not t.is_cap for t in toks[m.j : nxt.i])
        ):
            yield Found("operates_in", nxt, m, "asserted", s, confidence=0.7)
            continue
        prev = next((o for o in reversed(ms[:k]) if o.j <= m.i), None)
        if prev is not None and prev.type == "Company" and prev.j < len(toks) and toks[prev.j].text == ",":
            gap = toks[prev.j + 1 : m.i]
            if len(gap) <= 3 and all(t.is_word and not t.is_cap for t in gap):
                yield Found("operates_in", prev, m, "asserted", s, confidence=0.65)


def _more_sectors(s: Sentence, lex: Lexicon, ms: list[Mention], pair: tuple[Mention, Mention]) -> Iterator[Found]:
    """ "produces iron ore and lithium": further sectors listed after the first one."""
    org, sec = pair
    conj = lex.words("conjunctions") | {","}
    last = sec
    for m in ms:
        if m.i < last.j or m.type != "Sector":
            continue
        gap = s.tokens[last.j : m.i]
        if not gap or len(gap) > 2 or not all(t.low in conj for t in gap):
            break
        yield Found("operates_in", org, m, "asserted", s, confidence=0.65)
        last = m


def _inside_descriptions(s: Sentence, ms: list[Mention]) -> Iterator[Found]:
    """ "the San Francisco-based artificial intelligence company" said of OpenAI: the place of
    origin and the sector named inside a resolved description are the antecedent's."""
    for d in ms:
        if d.source != "coref" or d.type not in ORG_TYPES:
            continue
        for m in ms:
            if m is d or m.i < d.i or m.j > d.j:
                continue
            if m.type in PLACE_TYPES and m.key == d.origin:
                yield Found("based_in", d, m, "asserted", s, confidence=0.65)
            elif m.type == "Sector" and d.type == "Company":
                yield Found("operates_in", d, m, "asserted", s, confidence=0.6)


def _country_modifiers(s: Sentence, lex: Lexicon, ms: list[Mention]) -> set[int]:
    """Positions in ``ms`` of country mentions that only say where something is from or is:
    inside another mention ("perusahaan asal Tiongkok itu"), after a place preposition ("in
    Japan", "asal Jepang"), or right before an organisation ("Chinese automaker BYD"). Only a
    country standing on its own ("Indonesia sued ...", "pemerintah Indonesia") may be a party."""
    toks = s.tokens
    preps = lex.words("origin_markers") | {"in", "di", "at", "based", "berbasis", "asal"}
    out: set[int] = set()
    for k, m in enumerate(ms):
        if m.type != "Country":
            continue
        nested = any(o is not m and o.i <= m.i and m.j <= o.j and (o.j - o.i) > (m.j - m.i) for o in ms)
        if nested or (m.i > 0 and toks[m.i - 1].low in preps):
            out.add(k)
        else:
            nxt = next((o for o in ms[k + 1 :] if o.i >= m.j), None)
            gap = toks[m.j : nxt.i] if nxt is not None else ()
            if (
                nxt is not None
                and nxt.type in ORG_TYPES
                and len(gap) <= 2
                and all(t.is_word and not t.is_cap and not lex.cues_starting(t.text) for t in gap)
            ):
                out.add(k)
    return out


def non_parties(s: Sentence, lex: Lexicon, ms: list[Mention]) -> set[int]:
    """Positions in ``ms`` of names that cannot be a party of a deal read from this sentence:
    venues (:func:`kg.extract.venues.venues`) and countries named only as an origin or place."""
    return venues(s, lex, ms) | _country_modifiers(s, lex, ms)


def find_relations(s: Sentence, lex: Lexicon, ms: list[Mention], hits: list[Hit] | None = None, *,
                   learned: bool = False, models: str | None = None) -> Iterator[Found]:
    """All relations in one sentence; ``ms`` are the sentence's mentions in order. With ``learned``
    the status model (of the model folder ``models``, else the shipped one) joins the status cues
    (:func:`kg.extract.status.decide`)."""
    speakers = ms
    gone = venues(s, lex, ms)
    if gone:
        ms = [m for k, m in enumerate(ms) if k not in gone]
    modifiers = _country_modifiers(s, lex, ms)
    parties = [m for k, m in enumerate(ms) if k not in modifiers] if modifiers else ms
    yield from _inside_descriptions(s, ms)
    yield from _place_before_org(s, lex, ms)
    yield from _sector_next_to_org(s, ms)
    if hits is None:  # the engine passes the cues it already found in pass 1
        hits = find_cues(s, lex)
    seen_spans: set[tuple[int, int]] = set()
    for h in hits:
        rtype = h.cue.relation
        if rtype is None or any(a <= h.i < b for a, b in seen_spans if (a, b) != (h.i, h.j)):
            continue
        lo, hi = _clause(s, lex, h.i)
        if rtype in ("operates_in", "based_in", "works_for"):
            pair = _special(s, lex, ms, h, lo, hi)
            conf = 0.7
        else:
            pair = _pair(s, lex, parties, h, lo, hi)
            conf = 0.6 if h.cue.noun else 0.7
        if pair is None or not _types_ok(rtype, *pair):
            continue
        if rtype == "operates_in":
            yield from _more_sectors(s, lex, ms, pair)
        seen_spans.add((h.i, h.j))
        subj, obj = pair
        if rtype in NEGATION_ONLY:
            status = negation_status(s.tokens, lex, (h.i, h.j), lo)
            speaker = None
        else:
            status = decide(s, lex, hits, (h.i, h.j), rtype, lo, hi, learned=learned, models=models)
            speaker = _speaker(s, lex, speakers, hits, lo, hi) if status != "asserted" or rtype != "works_for" else None
        sector = _sector(ms, h) if RELATION_TYPES[rtype].node_class else None
        if subj.source == "coref" or obj.source == "coref":
            conf -= 0.1
        yield Found(rtype, subj, obj, status, s, speaker, sector, round(conf, 2))
