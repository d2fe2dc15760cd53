"""Where a relation's parties are looked for: the clause around a cue and the nearest fitting names on
either side of it. Shared by the rule engine (:mod:`kg.extract.relations`) and the constructions built
on it (jobs, sales, the pair classifier's clause), so none of them imports another's internals.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.found import Found, Hit
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token, ticker_end
from kg.extract.tokens import POSSESSIVE
from kg.schema import ORG_TYPES, RELATION_TYPES, link_key

# Types whose party before the cue is the name an apposition describes, not one inside it (apposed)
APPOSED_TYPES = frozenset({"acquisition", "investment", "partnership", "supply", "legal_dispute", "competitor_of"})

MAX_GAP = 14  # tokens between a cue and a party
_SMALL_GAP = POSSESSIVE | {","}  # marks a short gap between a name and a cue may hold
_APOSTROPHES = POSSESSIVE | {"'", "’"}
_RUN_MARKS = POSSESSIVE | {"-"}


def clause(s: Sentence, lex: Lexicon, i: int) -> tuple[int, int]:
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


def left_party(
    ms: list[Mention],
    i: int,
    lo: int,
    types: frozenset[str],
    gap: int = MAX_GAP,
    *,
    plain: Sequence[Token] | None = None,
) -> Mention | None:
    """The nearest mention of ``types`` ending before token ``i`` (given the sentence's tokens
    as ``plain``: only the nearest mention, and only if the words between are lowercase words,
    commas or a possessive)."""
    for m in reversed(ms):
        if m.j <= i and m.i >= lo and i - m.j <= gap and _fits(m, types):
            if plain is not None and not all(plain_token(t) for t in plain[m.j : i]):
                return None
            return m
        if plain is not None and m.j <= i:
            return None
    return None


def plain_token(t: Token) -> bool:
    return (t.is_word and not t.is_cap) or t.text in _SMALL_GAP


def possessor(toks: Sequence[Token], left: Mention, i: int) -> bool:
    """Whether the name ``left`` possesses the cue at token ``i``: right before it (a ticker in
    brackets between: "Tenvar Inc <TNV> unit"), or a possessive ("Tenvar's", "its") with up to
    three lowercase words between ("Tenvar's wholly owned unit"; "Tenvar merupakan anak usaha"
    is no possessive)."""
    k = left.j
    owned = left.source == "coref" and left.text.lower() in ("its", "their")
    if k < i and toks[k].text in _APOSTROPHES:
        k += 1
        owned = True
    if k < i and toks[k].text in ("<", "(") and k + 2 < i and toks[k + 2].text in (">", ")"):
        k += 3
    return k == i or (owned and i - k <= 3 and all(t.is_word and not t.is_cap for t in toks[k:i]))


def possessed_child_owner(toks: Sequence[Token], ms: list[Mention], child: Mention, i: int) -> Mention | None:
    """The owner of ``child`` when a possessive names both right before the unit cue at token ``i``:
    "AMR Corp's American Airlines unit", "Philip Morris Co.'s Miller Brewing unit", "<Federal Industries
    Ltd>'s Russelsteel Inc unit", "Hawker Siddeley Group Plc's <HSID.L> <Brook Crompton Ltd> unit" (a
    ticker or brackets may stand between); None otherwise. (A name right before the cue is otherwise
    read as the parent: "Alphabet unit Waymo".)

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("AMR Corp's American Airlines unit said")
    >>> def name(i, j):
    ...     return Mention(0, i, j, toks[i].start, toks[j - 1].end, "", "Company", str(i), "")
    >>> possessed_child_owner(toks, [name(0, 2), name(3, 5)], name(3, 5), 5).i
    0
    """
    if child.type not in ORG_TYPES:
        return None
    k = child.j
    if k < i and toks[k].text == ">":
        k += 1  # "<Brook Crompton Ltd> unit"
    if k < i and toks[k].text in ("<", "(") and k + 2 < i and toks[k + 2].text in (">", ")"):
        k += 3  # "Russelsteel Inc <RUS> unit"
    if k != i:
        return None
    b = child.i - 1
    if b >= 0 and toks[b].text == "<":
        b -= 1
    if b >= 2 and toks[b].text == ">" and toks[b - 2].text == "<":
        b -= 3  # "Plc's <HSID.L> <Brook ...": the owner's ticker
    if b < 1 or toks[b].text not in POSSESSIVE:
        return None
    return next((m for m in ms if m.type in ORG_TYPES and m.j <= b and m.key != child.key
                 and all(t.text in (">", ".") for t in toks[m.j : b])), None)


def appositive_head(s: Sentence, ms: list[Mention], i: int, lo: int) -> Mention | None:
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
        if k < i and toks[k].text == "," and i - k <= 8 and all(plain_token(t) for t in toks[k + 1 : i]):
            return m
        return None
    return None


_APPOSITION = 16  # tokens an apposition may span before the name inside it


def apposed(s: Sentence, lex: Lexicon, ms: list[Mention], m: Mention, lo: int) -> Mention:
    """The name whose apposition holds ``m``, else ``m``: "Heublein, a former subsidiary of RJR
    Nabisco <RJR>, was acquired by Z" (Heublein for RJR Nabisco), "CYACQ Corp, an investor group
    formed by Audio/Video Affiliates and Citicorp, said it would raise its offer" (CYACQ Corp for
    Citicorp): a name, a comma, lowercase words with one of ``apposition_of`` ("of", "by"), other
    names joined by "and" or commas, then ``m`` and a comma (tickers in brackets allowed).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Lumeo, a former subsidiary of Vexo Corp, was acquired by Tenvar"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 0, 1, 0, 5, "Lumeo", "Company", "lumeo", "Lumeo", "test"),
    ...       Mention(0, 6, 8, 30, 39, "Vexo Corp", "Company", "vexo", "Vexo Corp", "test")]
    >>> apposed(s, load_lexicon("en"), ms, ms[1], 0).text
    'Lumeo'
    """
    toks = s.tokens
    of = lex.optional_words("apposition_of")
    end = ticker_end(toks, m.j)
    if not of or m.i < lo + 3 or end >= len(toks) or toks[end].text != ",":
        return m
    starts = {x.i: x for x in ms if x.i >= lo and x.j <= m.i}
    linked = False
    k = m.i - 1
    while k > lo and m.i - k <= _APPOSITION:
        t = toks[k]
        inner = next((x for x in ms if x.j == k + 1 and x.i >= lo and x is not m), None)
        if t.text == ",":
            head = next((x for x in ms if x.i >= lo and ticker_end(toks, x.j) == k), None)
            if head is not None and linked and head.type in ORG_TYPES and head.key != m.key:
                return head
            k -= 1
        elif inner is not None and inner.i in starts:
            k = inner.i - 1  # another name of the apposition ("formed by A and B")
        elif t.text in (">", ")") and k >= 2 and toks[k - 2].text in ("<", "("):
            k -= 3
        elif (t.is_word and not t.is_cap) or t.text in _RUN_MARKS:
            linked = linked or t.low in of
            k -= 1
        else:
            return m
    return m


def apposition_blocks(s: Sentence, lex: Lexicon, ms: list[Mention],
                      found: Sequence[Found]) -> set[tuple[str, str, str]]:
    """Links the pair classifier must not add: for a deal the rules read with a party an apposition
    describes ("Heublein, a former subsidiary of RJR Nabisco, was acquired by Z": Z acquires Heublein),
    the same deal, either way, with the name inside the apposition (RJR Nabisco) instead."""
    out: set[tuple[str, str, str]] = set()
    deals = [f for f in found if f.type in APPOSED_TYPES and f.subject.sent == f.object.sent == s.index]
    if not deals or not lex.optional_words("apposition_of"):
        return out
    for m in ms:
        head = apposed(s, lex, ms, m, 0)
        if head is m:
            continue
        for f in deals:
            for party, other in ((f.subject, f.object), (f.object, f.subject)):
                if party.key == head.key and other.key != m.key:
                    out |= {link_key(f.type, m.key, other.key), link_key(f.type, other.key, m.key)}
    return out


def present_name(s: Sentence, lex: Lexicon, ms: list[Mention], m: Mention | None, lo: int) -> Mention | None:
    """The company whose former name ``m`` is ("X (formerly Y) is ... based in Z": X), else ``m``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Lumeo LLC (formerly Vexo Studios) is based in Dallas"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 0, 2, 0, 9, "Lumeo LLC", "Company", "lumeo", "Lumeo LLC", "test"),
    ...       Mention(0, 4, 6, 21, 33, "Vexo Studios", "Company", "vexo", "Vexo Studios", "test")]
    >>> present_name(s, load_lexicon("en"), ms, ms[1], 0).text
    'Lumeo LLC'
    """
    toks = s.tokens
    if m is None or m.i == 0 or toks[m.i - 1].low not in lex.words("former_name_words"):
        return m
    k = m.i - 1
    if k > 0 and toks[k - 1].text in ("(", ","):
        k -= 1
    return left_party(ms, k, lo, ORG_TYPES, gap=1) or m


def right_party(
    ms: list[Mention],
    j: int,
    hi: int,
    types: frozenset[str],
    gap: int = MAX_GAP,
    skip: Mention | None = None,
) -> Mention | None:
    for m in ms:
        if m.i >= j and m.j <= hi and m.i - j <= gap and _fits(m, types) and m is not skip:
            return m
    return None


def types_ok(rtype: str, a: Mention, b: Mention) -> bool:
    rt = RELATION_TYPES[rtype]
    return a.key != b.key and a.type in rt.subject_types and b.type in rt.object_types


def stands_for_another(s: Sentence, lex: Lexicon, hits: Sequence[Hit], subj: Mention, rtype: str) -> bool:
    """Whether the subject's name only says whose relative or officer acts: "Putra Aguan Borong Saham X"
    (``kin_words``), and for a stake "Wadirut Hermina Borong Saham X" (a job title before the name: the
    officer buys for himself). Never for symmetric links or works_for."""
    if RELATION_TYPES[rtype].symmetric or rtype in ("works_for", "operates_in", "based_in") or subj.i == 0:
        return False
    if s.tokens[subj.i - 1].low in lex.words("kin_words"):
        return True
    return rtype == "investment" and any(o.j == subj.i and o.cue.relation == "works_for" for o in hits)


def unnamed_part(s: Sentence, lex: Lexicon, h: Hit) -> bool:
    """Whether a part noun of subsidiary_of at ``h`` names a part the sentence does not name: "merge with a
    subsidiary of Y", "sold to a unit of Y", "through a wholly owned unit". The party before it is then no
    part of Y. An apposition or a predicate names it ("X, a unit of Y", "X is a wholly owned subsidiary of Y").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import split_sentences
    >>> lex = load_lexicon("en")
    >>> def read(text):
    ...     s = split_sentences(text, [(0, len(text))], lex)[0]
    ...     return [unnamed_part(s, lex, h) for h in find_cues(s, lex) if h.cue.relation == "subsidiary_of"]
    >>> read("Lumeo Corp agreed to merge with a subsidiary of Tenvar Inc.")
    [True]
    >>> read("Lumeo Corp, a subsidiary of Tenvar Inc, said.")
    [False]
    """
    articles = lex.words("unnamed_part_articles")
    if not articles:
        return False
    toks = s.tokens
    k = h.i - 1
    while k >= 0 and h.i - k <= 4 and toks[k].is_word and not toks[k].is_cap and toks[k].low not in articles:
        k -= 1  # "a wholly owned unit", "a new subsidiary"
    if h.j + 1 < len(toks) and toks[h.j].text == "," and (toks[h.j + 1].is_cap or toks[h.j + 1].text in "<("):
        return False  # "a major publishing arm, Lumeo Music": named right after
    return k > 0 and toks[k].low in articles and toks[k - 1].low not in lex.words("part_apposition_words")


def owner_of_unnamed_part(s: Sentence, lex: Lexicon, hits: Sequence[Hit], m: Mention) -> bool:
    """Whether ``m`` owns a part the sentence does not name, right before it: "merge with a subsidiary of
    Y", "sold to a unit of Y" (:func:`unnamed_part`). Y is then no party of the deal; the part is.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import split_sentences
    >>> from types import SimpleNamespace as NS
    >>> lex = load_lexicon("en")
    >>> def owner(text, i):
    ...     s = split_sentences(text, [(0, len(text))], lex)[0]
    ...     return owner_of_unnamed_part(s, lex, find_cues(s, lex), NS(i=i))
    >>> owner("Lumeo Corp agreed to merge with a subsidiary of Tenvar Inc.", 9)
    True
    >>> owner("Lumeo Corp, a subsidiary of Tenvar Inc, agreed to merge with Kestrel.", 5)
    False
    """
    if m.i < 2 or s.tokens[m.i - 1].low != "of":
        return False
    return any(h.j == m.i - 1 and h.cue.relation == "subsidiary_of" and h.cue.noun and unnamed_part(s, lex, h)
               for h in hits)
