"""Definite descriptions and what they refer to.

"pabrikan otomotif asal Amerika Serikat itu", "perusahaan tersebut", "the
Jakarta-based lender" name no entity themselves; they point back to one. The
antecedent is the most salient earlier organisation that fits: recent, a
sentence subject, often mentioned, of a compatible country of origin, and not a
co-argument of the description in the same sentence ("Xiaomi dengan pabrikan
... itu" cannot be Xiaomi).

Pronouns ("it", "its", "perseroan"; ``ontology/lang/<code>/relations/pronouns.txt``)
are resolved only where the antecedent is clear: the one organisation named
earlier in the sentence, the subject of a speech verb right before the pronoun
("Tenvar said it would buy Lumeo"), or else the one organisation (or the
sentence-initial one) of the closest earlier sentence that names any.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token
from kg.extract.venues import venues
from kg.resources import language_dir, read_lines
from kg.schema import ORG_TYPES, PLACE_TYPES
from kg.slotinit import replace  # dataclasses.replace, faster for a Mention

_MAX_BACK = 3  # sentences


@functools.cache
def _heads(lex: Lexicon) -> dict[tuple[str, ...], str]:
    heads = lex.setting("description_heads")
    assert isinstance(heads, dict)
    return {tuple(k.lower().split()): str(v) for k, v in heads.items()}


@functools.cache
def _head_starts(lex: Lexicon) -> frozenset[str]:
    return frozenset(k[0] for k in _heads(lex) if k)


def find_descriptions(s: Sentence, names: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unresolved description mentions in one sentence (key and label left empty)."""
    toks = s.tokens
    heads = _heads(lex)
    dets = lex.words("determiners")
    bare = lex.words("bare_heads_at_start")
    origin_markers = lex.words("origin_markers")
    max_len = int(lex.setting("max_description_tokens"))  # type: ignore[call-overload]
    after = bool(lex.setting("determiner_after_head"))
    speech = lex.words("speech_verbs")
    named_at = {k: m for m in names for k in range(m.i, m.j)}
    out: list[Mention] = []
    sector_heads = bool(lex.setting("sector_words_head_descriptions"))

    def sector_heads_ok(k: int) -> bool:
        return sector_heads and named_at[k].type == "Sector"

    def based(m: Mention) -> bool:
        """ "Perth-based", or "Redmond, Washington-based" (the first place of the pair)."""
        if toks[m.j - 1].low.endswith("-based"):
            return True
        nxt = named_at.get(m.j + 1)
        return m.j < len(toks) and toks[m.j].text == "," and nxt is not None and toks[nxt.j - 1].low.endswith("-based")

    def place_inside(i: int, j: int) -> str | None:
        for k in range(i, j):
            m = named_at.get(k)
            if m is not None and m.type in PLACE_TYPES and based(m):
                return m.key
            if (
                m is not None
                and m.type in PLACE_TYPES
                and k > i
                and (
                    toks[k - 1].low in origin_markers
                    or toks[min(k + (m.j - m.i), j - 1)].low in origin_markers
                    or (m.j < len(toks) and toks[m.j].text.startswith("-"))
                )
            ):
                return m.key
        return None

    stop = lex.words("description_stop")

    def plain(k: int) -> bool:
        t = toks[k]
        if t.low in stop or t.low in speech:
            return False
        # "The Redmond, Washington-based software maker": places may be listed with commas.
        comma_between_places = t.text == "," and k > 0 and k - 1 in named_at and named_at[k - 1].type in PLACE_TYPES
        return (
            (t.is_word and not t.is_cap)
            or (k in named_at and named_at[k].type in PLACE_TYPES | {"Sector"})
            or t.text == "-"
            or comma_between_places
        )

    starts = _head_starts(lex)
    i = 0
    while i < len(toks):
        if toks[i].low not in starts:
            i += 1  # no head starts with this word: spare building the word tuples
            continue
        matched = False
        for n in (2, 1):
            head = tuple(t.low for t in toks[i : i + n])
            # a sector word may head a description where the language says so ("maskapai tersebut")
            if head not in heads or (toks[i].is_cap and i > 0) or (i in named_at and not sector_heads_ok(i)):
                continue
            etype = heads[head]
            if after:
                j = i + n
                while j < len(toks) and j - i <= max_len and toks[j].low not in dets and plain(j):
                    j += 1
                if j < len(toks) and toks[j].low in dets and not (j + 1 < len(toks) and toks[j + 1].is_cap):
                    out.append(_desc(s, i, j + 1, etype, place_inside(i, j)))
                    i, matched = j + 1, True
                elif i == 0 and n == 1 and head[0] in bare and len(toks) > 1 and not toks[1].is_cap:
                    out.append(_desc(s, 0, 1, etype, None))
                    i, matched = 1, True
            else:
                b = i - 1
                while b >= 0 and i - b <= max_len and toks[b].low not in dets and plain(b):
                    b -= 1
                if b >= 0 and toks[b].low in dets and not (i + n < len(toks) and toks[i + n].is_cap):
                    out.append(_desc(s, b, i + n, etype, place_inside(b, i + n)))
                    i, matched = i + n, True
            if matched:
                break
        if not matched:
            i += 1
    return out + _find_pronouns(s, names, out, lex)


@functools.cache
def _pronoun_words(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(pronouns, forms of "to be", expletive continuations) of one language; the pronouns are an
    organisation's and a person's ("he", "her": flag ``person``)."""
    kinds = _pronoun_kinds(code)
    return kinds[""] | kinds["person"], kinds["be"], kinds["expletive"]


@functools.cache
def _pronoun_kinds(code: str) -> dict[str, frozenset[str]]:
    path = language_dir(code) / "relations" / "pronouns.txt"
    kinds: dict[str, set[str]] = {"": set(), "person": set(), "be": set(), "expletive": set()}
    for line in read_lines(path) if path.is_file() else []:
        word, _, flag = line.partition("\t")
        kinds.setdefault(flag.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def _find_pronouns(s: Sentence, names: list[Mention], descs: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unresolved pronoun mentions of one sentence (outside names and descriptions, not expletive)."""
    words, be, expletive = _pronoun_words(lex.code)
    if not words:
        return []
    toks = s.tokens
    hits = [k for k, t in enumerate(toks) if t.low in words]
    if not hits:
        return []
    taken = {k for m in (*names, *descs) for k in range(m.i, m.j)}
    out = []
    for k in hits:
        t = toks[k]
        if k in taken or (t.is_cap and k > 0 and toks[k - 1].text not in ('"', "'", "“", "(")):
            continue  # a capitalised "Perseroan" mid-sentence may be part of a name the tagger missed
        if k + 2 < len(toks) and toks[k + 1].low in be and toks[k + 2].low in expletive:
            continue  # "it is expected that ...": refers to nothing
        person = t.low in _pronoun_kinds(lex.code)["person"]
        out.append(_desc(s, k, k + 1, "Person" if person else "Organization", None))
    return out


def _venue_ids(sentences: list[Sentence], mentions: list[Mention], lex: Lexicon) -> set[int]:
    """ids of the names that a venue frame introduces ("a filing with the SEC"): never what "it" means."""
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.source != "coref":
            by_sent.setdefault(m.sent, []).append(m)
    out: set[int] = set()
    for si, ms in by_sent.items():
        out |= {id(ms[k]) for k in venues(sentences[si], lex, ms)}
    return out


def _is_pronoun(m: Mention, lex: Lexicon) -> bool:
    return m.j - m.i == 1 and m.text.lower() in _pronoun_words(lex.code)[0]


def _pronoun_antecedent(m: Mention, out: list[Mention], sentences: list[Sentence], lex: Lexicon) -> Mention | None:
    """The organisation (or, for "he" and "she", the person) a pronoun clearly stands for, or
    ``None`` when it is not clear."""
    toks = sentences[m.sent].tokens
    types = frozenset({"Person"}) if m.type == "Person" else ORG_TYPES
    if m.type == "Person":
        out = [c for c in out if c.source != "coref" or c.type == "Person"]
    here = [c for c in out if c.sent == m.sent and c.start < m.start and c.type in types and c.key]
    # "Tenvar said it would buy Lumeo", "In a filing with the SEC, Tenvar said on Monday it ...": a
    # pronoun a few words after a speech verb is that verb's subject, the name right before the verb;
    # when kg did not recognise that name, the pronoun stays unresolved (not "the SEC").
    speech = lex.words("speech_verbs")
    for k in range(m.i - 1, max(-1, m.i - 5), -1):
        if lex.stems(toks[k].text) & speech:
            subject = [c for c in here if c.j <= k and k - c.j <= 1]
            return subject[-1] if subject else None
    if here:
        return here[0] if len({c.key for c in here}) == 1 else None
    for back in range(1, _MAX_BACK):
        prev = [c for c in out if c.sent == m.sent - back and c.type in types and c.key]
        if prev:
            # one name, or the sentence's subject (an organisation: "he" or "she" with two people
            # before it is not clear)
            unique = len({c.key for c in prev}) == 1
            return prev[0] if unique or (prev[0].i <= 1 and m.type != "Person") else None
    return None


def _desc(s: Sentence, i: int, j: int, etype: str, origin: str | None) -> Mention:
    start, end = s.tokens[i].start, s.tokens[j - 1].end
    return Mention(
        s.index,
        i,
        j,
        start,
        end,
        s.text[start - s.start : end - s.start],
        etype,
        "",
        "",
        "coref",
        origin=origin,
    )


def _closes_apposition(toks: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether what follows a description ends an apposition ("X, the company behind Y, ...")
    rather than starting a predicate ("Melalui unit X, perusahaan ini mengembangkan ...")."""
    if k >= len(toks):
        return True
    nxt = toks[k].low
    return nxt in {",", ".", ")", ";", "behind", "that", "which", "whose", "yang"} or nxt in lex.words("object_markers")


def resolve_descriptions(
    sentences: list[Sentence], mentions: list[Mention], lex: Lexicon, known_country: dict[str, str]
) -> list[Mention]:
    """Give each description the key of its antecedent; drop those with none.

    ``mentions`` holds names and unresolved descriptions, in text order.
    ``known_country`` maps entity keys to ISO country codes known beforehand;
    country mentions' keys map to their own code.
    """
    conj = lex.words("conjunctions")
    speech = lex.words("speech_verbs")
    counts: Counter[str] = Counter()
    out: list[Mention] = []
    venue_ids: set[int] | None = None  # computed on the first pronoun
    # "Dixons ... the U.K.-based firm ... the Pittsburgh-based company": a description's place tells its
    # antecedent's country to the descriptions after it (a British firm is not the Pittsburgh-based one)
    known_country = dict(known_country)
    for m in mentions:
        if m.source != "coref":
            out.append(m)
            if m.type in ORG_TYPES:
                counts[m.key] += 1
            continue
        best: tuple[float, str] | None = None
        chosen: Mention | None = None
        if _is_pronoun(m, lex):
            if venue_ids is None:
                venue_ids = _venue_ids(sentences, mentions, lex)
            chosen = _pronoun_antecedent(m, [c for c in out if id(c) not in venue_ids], sentences, lex)
            if chosen is not None:
                out.append(replace(m, key=chosen.key, label=chosen.label, type=chosen.type, wikidata=chosen.wikidata,
                                   country=chosen.country, sector=chosen.sector))
                counts[chosen.key] += 1
            continue
        excluded: set[str] = set()
        s_toks = sentences[m.sent].tokens
        for c in out:
            if c.sent == m.sent and c.start < m.start and c.type in ORG_TYPES:
                between = {t.low for t in s_toks[c.j : m.i]}
                if between & conj and not between & speech:
                    excluded.add(c.key)
        for c in reversed(out):
            if c.sent < m.sent - _MAX_BACK:
                break
            if c.type not in ORG_TYPES or c.start >= m.start or c.key in excluded or not c.key:
                continue
            if m.type == "Company" and c.type != "Company":
                continue
            d = m.sent - c.sent
            score = -1.0 * d
            if d == 0 and c.j + 1 == m.i and s_toks[c.j].text == "," and _closes_apposition(s_toks, m.j, lex):
                score += 10.0  # apposition: "OpenAI, the San Francisco-based ... company, ..."
            if d == 0:
                between = {t.low for t in s_toks[c.j : m.i]}
                score -= 0 if between & speech else 2.5
            first_in_sentence = next((x for x in out if x.sent == c.sent and x.type in ORG_TYPES), None)
            if first_in_sentence is not None and first_in_sentence.key == c.key:
                score += 0.8
            score += 0.3 * math.log1p(counts[c.key])
            if m.origin:
                have = known_country.get(c.key)
                want = known_country.get(m.origin)
                if have and want:
                    score += 2.0 if have == want else -5.0
            if best is None or score > best[0] or (score == best[0] and c.key < best[1]):
                best, chosen = (score, c.key), c
        if chosen is not None and best is not None and best[0] > -4:
            if m.origin and m.origin in known_country:
                known_country.setdefault(chosen.key, known_country[m.origin])
            out.append(
                replace(
                    m,
                    key=chosen.key,
                    label=chosen.label,
                    type=chosen.type,
                    wikidata=chosen.wikidata,
                    country=chosen.country,
                    sector=chosen.sector,
                )
            )
            counts[chosen.key] += 1
    return out
