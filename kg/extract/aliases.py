"""Short forms of the names an article introduces, found again later in it.

A wire story names "Redgum Resources Ltd" once and then says "Redgum"; an
Indonesian one introduces "PT Nusantara Baterai Energi Tbk (NBET)" and then
writes "Nusantara Baterai" or "NBET". The gazetteer cannot know these, so each
article gets its own small list: every organisation name found by pattern,
without its legal forms, its first word when that word is distinctive, and the
acronym or ticker given in brackets right after it. A second, shorter name put right
after a name by a word of ``alias_words.txt`` ("PT Jakarta Propertindo atau Jakpro")
names the same thing (:func:`or_aliases`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.edges import is_ordinary_word
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import load_lexicon, sentence_starters
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.names import is_legal_form
from kg.resources import word_set
from kg.schema import ORG_TYPES
from kg.slotinit import replace  # dataclasses.replace, faster for a Mention

if TYPE_CHECKING:
    from collections.abc import Iterator


def local_aliases(
    text: str, names: list[Mention], gaz: GazIndex, lex_words: frozenset[str]
) -> dict[tuple[str, ...], Mention]:
    """Token tuples (original case) -> the mention whose entity they name."""
    starters = sentence_starters()  # with lex_words: words no short form is made of (two look-ups, not a
    # union of both sets per article)
    out: dict[tuple[str, ...], Mention] = {}
    for m in names:
        if m.source == "gazetteer" or m.type not in ORG_TYPES | {"Person"}:
            continue
        words = [w for w in m.text.replace(",", " ").split() if w not in ("(", ")")]
        core = [w for w in words if not is_legal_form(w)]
        forms = {tuple(core)} if core and core != words else set()
        if m.type in ORG_TYPES and len(core) > 2:
            # "Nusantara Baterai" for "PT Nusantara Baterai Energi Tbk"
            forms.update(tuple(core[:n]) for n in range(2, len(core)))
        if (m.type in ORG_TYPES and core and len(core[0]) >= 3 and core[0].lower() not in starters
                and core[0].lower() not in lex_words and len(core) > 1):
            first = core[0]
            # in text without capitals a first word that is a word of the language ("semen" of "pt semen
            # indonesia tbk") is that word elsewhere ("sektor semen"), not the company
            if gaz.lookup_name(first) is None and not first.isupper() and not (
                    first.islower() and is_ordinary_word(first, load_lexicon(gaz.language))):
                forms.add((first,))
        if (m.type == "Person" and len(core) >= 2 and core[-1].lower() not in starters
                and core[-1].lower() not in lex_words):
            forms.add((core[-1],))  # "Fiona McAllister ... McAllister said"
        tail = text[m.end : m.end + 12]
        if m.type in ORG_TYPES and tail.startswith(" (") and ")" in tail:
            acro = tail[2 : tail.index(")")]
            if acro.isupper() and 2 <= len(acro) <= 6 and acro.isalpha():
                forms.add((acro,))
        for f in forms:
            out.setdefault(f, m)
    return out


def find_aliases(s: Sentence, names: list[Mention], aliases: dict[tuple[str, ...], Mention]) -> list[Mention]:
    """Mentions of local aliases in one sentence, where no other name already stands."""
    if not aliases:
        return []
    toks = s.tokens
    taken = [False] * len(toks)
    for m in names:
        if m.type == "Sector":
            continue  # a name beats a sector word inside it ("Sinar Logistik" over "Logistik")
        for k in range(m.i, m.j):
            taken[k] = True
    # the tagger's names, which a longer alias may hold: "Jones and Vining Inc ... acquire Jones and Vining",
    # where the tagger read a Person "Jones" and a Company "Vining"
    tagged = [m for m in names if m.source == "ner" and m.type != "Sector"]
    longest = max(len(k) for k in aliases)
    firsts = {k[0] for k in aliases if k}  # no alias can start at another word: spare building its keys
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = None
        if not taken[i] and toks[i].text in firsts:
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(t.text for t in toks[i : i + n])
                found = aliases.get(key)
                free = not any(taken[i : i + n]) or (n > 1 and _over_tagged(names, tagged, i, i + n))
                if found is not None and free:
                    hit = (n, found)
                    break
        if hit is None:
            i += 1
            continue
        n, m = hit
        start, end = toks[i].start, toks[i + n - 1].end
        out.append(
            replace(
                m,
                sent=s.index,
                i=i,
                j=i + n,
                start=start,
                end=end,
                text=s.text[start - s.start : end - s.start],
                source="alias",
            )
        )
        i += n
    return out


def _over_tagged(names: list[Mention], tagged: list[Mention], i: int, j: int) -> bool:
    """Whether every name over tokens ``i:j`` is a tagger's name inside them (a longer alias replaces them);
    a sector word inside the alias does not count (:func:`find_aliases` lets a name beat it)."""
    over = [m for m in names if m.type != "Sector" and m.i < j and i < m.j]
    return all(m in tagged and i <= m.i and m.j <= j for m in over)


def or_aliases(mentions: list[Mention], text: str, language: str) -> Iterator[tuple[Mention, Mention]]:
    """(name, alias) pairs: a name of an organisation or a person, a word of the language's
    ``alias_words.txt`` and a name of the same kind with fewer words right after it ("PT Jakarta
    Propertindo atau Jakpro", "Basuki Tjahaja Purnama atau Ahok"). Two names of as many words are
    alternatives as often ("Grab atau Gojek") and stay apart.

    >>> from kg.extract.mentions import Mention
    >>> t = "melalui PT Jakarta Propertindo atau Jakpro , dan Grab atau Gojek"
    >>> def m(x, ty="Company"):
    ...     i = t.index(x)
    ...     return Mention(0, 0, 0, i, i + len(x), x, ty, x.lower(), x, "ner")
    >>> ms = [m("PT Jakarta Propertindo"), m("Jakpro"), m("Grab"), m("Gojek")]
    >>> [(a.text, b.text) for a, b in or_aliases(ms, t, "id")]
    [('PT Jakarta Propertindo', 'Jakpro')]
    """
    words = word_set(language, "alias_words.txt")
    if not words:
        return
    starts: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.source != "coref":
            starts.setdefault(m.start, []).append(m)
    for m in mentions:
        if m.source == "coref" or m.type not in ORG_TYPES | {"Person"}:
            continue
        gap = text[m.end : m.end + 12].split(maxsplit=2)
        if len(gap) < 2 or gap[0].lower() not in words or not text[m.end : m.end + 1].isspace():
            continue
        at = text.index(gap[1], m.end + 1 + len(gap[0]))
        for other in starts.get(at, []):
            same_kind = (other.type == "Person") == (m.type == "Person") and other.type in ORG_TYPES | {"Person"}
            if same_kind and other.key != m.key and len(other.text.split()) < len(m.text.split()):
                yield m, other
