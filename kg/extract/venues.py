"""Venues: names that say where something was filed, said or reported, not who did it.

"In a filing with the SEC, Tenvar bought Lumeo": the SEC bought nothing. Regulators,
exchanges and news outlets are recognised here by construction, not by name: the
frames ("filing with", "told", "according to", "kepada" after a speech verb,
"dalam keterbukaan informasi di") are data in ``ontology/lang/<code>/relations/venues.txt``.
The relation readers leave the names these frames introduce out of the parties. A person is never a
venue: "menurut Thorsten Heins, CEO BlackBerry" names a speaker, who may hold a job.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.resources import language_dir, read_lines, word_set
from kg.schema import ORG_TYPES

__all__ = ["authority", "country_modifiers", "demonym", "demonym_words", "venues"]

# Relation types a court, regulator or legislature is never a party of (relations/authorities.txt).
NOT_AUTHORITY_TYPES = frozenset({"acquisition", "subsidiary_of", "competitor_of", "supply", "investment"})
# A government department or ministry reviews mergers and takeovers but is no party of one (no_party)
NOT_GOVERNMENT_TYPES = frozenset({"acquisition", "partnership"})


@functools.cache
def _venue_frames(code: str) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Venue frames of one language by first word: (the other words, speech flag)."""
    path = language_dir(code) / "relations" / "venues.txt"
    out: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for line in read_lines(path) if path.is_file() else []:
        phrase, _, flags = line.partition("\t")
        words = tuple(phrase.lower().split())
        out.setdefault(words[0], []).append((words[1:], flags.strip() == "speech"))
    return out


def _after_speech(toks: Sequence[Token], lex: Lexicon, i: int) -> bool:
    """Whether the nearest lowercase word before token ``i`` is a speech verb ("ujarnya",
    "kata Budi Santoso"): names and punctuation may stand between."""
    speech = lex.words("speech_verbs")
    for k in range(i - 1, max(-1, i - 10), -1):
        t = toks[k]
        if t.is_word and not t.is_cap:
            return bool(lex.stems(t.text) & speech)
    return False


def venues(s: Sentence, lex: Lexicon, ms: Sequence[Mention]) -> set[int]:
    """Positions in ``ms`` of the names a venue frame introduces, and the names joined to them.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "In a filing with the Securities and Exchange Commission, Tenvar said it bought Lumeo."
    >>> s = split_sentences(text, [(0, len(text))], load_lexicon("en"))[0]
    >>> def at(a, b): return Mention(0, a, b, 0, 0, "", "Company", "", "")
    >>> sorted(venues(s, load_lexicon("en"), [at(5, 9), at(10, 11), at(14, 15)]))
    [0]
    """
    if not ms:
        return set()
    toks = s.tokens
    starts = {m.i: k for k, m in enumerate(ms)}
    out: set[int] = set()
    for j in _frame_ends(toks, lex):
        # "with the SEC", "told Reuters", "kepada CNBC Indonesia": at most two lowercase words first
        k = j
        while k < len(toks) and k not in starts and k - j < 2 and toks[k].is_word and not toks[k].is_cap:
            if _job_title(toks, lex, k):
                break  # "menurut presiden direktur ahm": a speaker's job, as "Menurut Presiden Direktur AHM"
            k += 1
        n = starts.get(k)
        if n is not None and ms[n].type == "Person":
            # "menurut Thorsten Heins, CEO BlackBerry", "according to Jane Doe, a spokeswoman for X": a
            # person is a speaker, never a regulator, an exchange or an outlet, and may hold a job
            continue
        while n is not None and n not in out:
            out.add(n)
            # a name joined to it: adjacent, or an acronym in brackets ("(BEI)")
            nxt = ms[n].j
            if nxt < len(toks) and toks[nxt].text == "(":
                nxt += 1
            n = starts.get(nxt)
    return out


def _job_title(toks: Sequence[Token], lex: Lexicon, k: int) -> bool:
    """Whether a job title cue (works_for) starts at token ``k``: in lowercase text the title between a
    venue frame and a name ("menurut presiden direktur ahm , toshiyuki inuma") names the speaker's
    employer, which is no venue (the title-case "Menurut Presiden Direktur AHM" skips no words anyway).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tuple(tokenize("menurut presiden direktur ahm"))
    >>> _job_title(toks, load_lexicon("id"), 1), _job_title(toks, load_lexicon("id"), 0)
    (True, False)
    """
    return any(c.relation == "works_for" and c.match(toks, k, lex) > k for c in lex.cues_starting(toks[k].text))


# The venue frames of the last sentences read, by the id of their tokens: (the tokens, held so that
# the id cannot be reused, the lexicon, the frames' ends). Coreference, the pair classifier and the
# relation rules each ask for every sentence of an article in turn (three passes: a cache of the last
# sentence alone never hit); an entry is written whole and read once into a local, so threads never
# mix sentences. Cleared when full (bounded memory).
_RECENT: dict[int, tuple[Sequence[Token], Lexicon, tuple[int, ...]]] = {}
_RECENT_MAX = 256


def _frame_ends(toks: Sequence[Token], lex: Lexicon) -> tuple[int, ...]:
    """Where each venue frame of ``toks`` ends (one past its last token), in text order: the frames
    do not depend on the names, so they are found once per sentence."""
    got = _RECENT.get(id(toks))
    if got is not None and got[0] is toks and got[1] is lex:
        return got[2]
    frames = _venue_frames(lex.code)
    ends = []
    get = frames.get
    for i, t in enumerate(toks):
        for rest, speech in get(t.low, ()):
            j = i + 1 + len(rest)
            if j > len(toks) or any(toks[i + 1 + n].low != w for n, w in enumerate(rest)):
                continue
            if speech and not _after_speech(toks, lex, i):
                continue
            ends.append(j)
    if len(_RECENT) >= _RECENT_MAX:
        _RECENT.clear()
    got = _RECENT[id(toks)] = (toks, lex, tuple(ends))
    return got[2]


def _authority_words(code: str) -> frozenset[str]:
    return word_set(code, "relations/authorities.txt")


def authority(label: str, etype: str, code: str) -> bool:
    """Whether a name of type ``etype`` is a court, regulator or legislature (a word of
    ``ontology/lang/<code>/relations/authorities.txt`` in an Organization's name): it rules on
    deals but is never a party of :data:`NOT_AUTHORITY_TYPES`.

    >>> authority("Delaware Chancery Court", "Organization", "en"), authority("Reserve Petroleum Co", "Company", "en")
    (True, False)
    """
    if etype != "Organization":
        return False
    return _names_with(label, _authority_words(code))


def no_party(rtype: str, label: str, etype: str, code: str) -> bool:
    """Whether the entity ``label`` of type ``etype`` can be no party of a ``rtype`` link: a court or
    regulator (:func:`authority`) of :data:`NOT_AUTHORITY_TYPES`, or a government department or ministry
    (a word of ``ontology/lang/<code>/relations/government_bodies.txt`` in an Organization's name) of
    :data:`NOT_GOVERNMENT_TYPES`: "the Justice Department requirement", "the Ministry urged the two firms
    to merge" and "the Transportation Department rejected TWA's application to acquire USAir" name who
    rules on a deal.

    >>> no_party("partnership", "United States Department of Justice", "Organization", "en")
    True
    >>> no_party("supply", "Department of Defense", "Organization", "en")
    False
    >>> no_party("acquisition", "Department of Transportation", "Organization", "en")
    True
    """
    if rtype in NOT_AUTHORITY_TYPES and authority(label, etype, code):
        return True
    if rtype not in NOT_GOVERNMENT_TYPES or etype != "Organization":
        return False
    return _names_with(label, word_set(code, "relations/government_bodies.txt"))


def _names_with(label: str, words: frozenset[str]) -> bool:
    """Whether a word of ``label`` (hyphens split) is one of ``words``."""
    return bool(words) and any(w in words for w in label.lower().replace("-", " ").split())


def country_modifiers(s: Sentence, lex: Lexicon, ms: list[Mention]) -> set[int]:
    """Positions in ``ms`` of country mentions that only say where something is from or is:
    inside another mention ("perusahaan asal Tiongkok itu"), after a place preposition ("in
    Japan", "in the U.S.", "asal Jepang"), right before an organisation ("Chinese automaker BYD",
    "the United Kingdom's Royal Air Force"), or as a modifier: a demonym where demonyms are
    adjectives ("Japanese oil companies"; not "the Japanese government"), a compound
    ("Bermuda-based") or a currency ("US$"). Only a country standing on its own ("Indonesia sued
    ...", "pemerintah Indonesia") may be a party."""
    toks = s.tokens
    preps = lex.words("origin_markers") | lex.words("place_prepositions")
    adjectives = _demonym_adjectives(lex)
    heads = lex.settings.get("description_heads", {}) if adjectives else {}
    assert isinstance(heads, dict)
    currency = lex.words("currency_after")
    out: set[int] = set()
    for k, m in enumerate(ms):
        if m.type != "Country":
            continue
        nested = any(o is not m and o.i <= m.i and m.j <= o.j and (o.j - o.i) > (m.j - m.i) for o in ms)
        # "in Japan", "in the U.S.", "asal Jepang"
        before = m.i - 1 if m.i > 0 and toks[m.i - 1].low != "the" else m.i - 2
        if nested or (before >= 0 and toks[before].low in preps) or _attributive(toks, m, adjectives, heads, currency):
            out.add(k)
        else:
            nxt = next((o for o in ms[k + 1 :] if o.i >= m.j), None)
            gap = toks[m.j : nxt.i] if nxt is not None else ()
            # "Chinese automaker BYD", "the United Kingdom's Royal Air Force": the organisation is the party
            if (
                nxt is not None
                and nxt.type in ORG_TYPES
                and len(gap) <= 2
                and all(t.low in POSSESSIVE or (t.is_word and not t.is_cap and not lex.cues_starting(t.text))
                        for t in gap)
            ):
                out.add(k)
    return out




def _demonym_adjectives(lex: Lexicon) -> frozenset[str]:
    """The language's demonyms when they are adjectives only (``demonyms_are_adjectives``): "Japanese"
    names no country. Forms that are also a country's name ("U.S.") are not adjectives only."""
    if not lex.settings.get("demonyms_are_adjectives", False):
        return frozenset()
    return _adjectives_of(lex.code)


@functools.cache
def _adjectives_of(code: str) -> frozenset[str]:
    from kg import gazetteer

    names = {surface.lower() for c in gazetteer.load().countries() for surface, _ in c.surfaces(code)}
    return frozenset(demonym_words(code) - names)


@functools.cache
def demonym_words(language: str) -> frozenset[str]:
    """The language's demonyms (``demonyms.txt``, first column), lowercased; empty without the file."""
    path = language_dir(language) / "demonyms.txt"
    return frozenset(ln.partition("\t")[0].lower() for ln in read_lines(path)) if path.is_file() else frozenset()


def _attributive(
    toks: Sequence[Token], m: Mention, adjectives: frozenset[str], state_heads: dict[str, str], currency: frozenset[str]
) -> bool:
    """A country mention that only qualifies the words after it: a demonym ("Japanese oil
    companies", "Venezuelan businessman"), a compound ("Bermuda-based", "Japanese-made") or a
    currency (a word of the language's ``currency_after``: "US$ 6 billion")."""
    text = " ".join(m.text.split())
    nxt = toks[m.j] if m.j < len(toks) else None
    if text.lower() in adjectives:
        # "the Indonesian government", "the Japanese ministry": the state itself (an Organization head)
        return nxt is None or state_heads.get(nxt.low) != "Organization"
    if "-" in toks[m.j - 1].text[max(1, m.end - toks[m.j - 1].start):]:
        return True
    return nxt is not None and (nxt.low in currency or (nxt.text == "-" and nxt.start == toks[m.j - 1].end))


def demonym(m: Mention, lex: Lexicon) -> bool:
    """Whether ``m`` names its country only by an adjective ("Russian"; not "U.S.") where demonyms are
    adjectives: such a word places nothing by itself ("broadcast in Russian")."""
    return " ".join(m.text.split()).lower() in _demonym_adjectives(lex)
