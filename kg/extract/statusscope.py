"""Where a status cue reaches in a clause (:mod:`kg.extract.status`): relative clauses, modifiers,
negation right before the relation cue and the shield verbs that stop a denial.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.found import outer_hits
from kg.extract.nearest import clause

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

_NEG_REACH = 3  # a negation this many tokens before the relation cue denies it


def relative_clauses(tokens: Sequence[Token], lex: Lexicon, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """The relative clauses of the clause ``lo:hi``: from a relative word after a comma (", which",
    ", yang") to the next comma or the clause's end.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("X denied talks with Y, which owns Z, and said so")
    >>> relative_clauses(toks, load_lexicon("en"), 0, len(toks))
    ((6, 9),)
    """
    if not lex.relatives:
        return ()
    out = []
    k = lo + 1
    while k < hi:
        if tokens[k].low in lex.relatives and tokens[k - 1].text == ",":
            end = next((m for m in range(k + 1, hi) if tokens[m].text == ","), hi)
            out.append((k, end))
            k = end
        k += 1
    return tuple(out)


def island(islands: Sequence[tuple[int, int]], k: int) -> int:
    """Which relative clause token ``k`` stands in (-1: none)."""
    return next((n for n, (i, j) in enumerate(islands) if i <= k < j), -1)


def modifies(o: Hit, tokens: Sequence[Token], hits: Sequence[Hit], anchor: tuple[int, int], relation: str,
              parties: Sequence[tuple[int, int]]) -> bool:
    """Whether the modifier cue ``o`` (flag ``near=N``: "former", "ex", "mantan") modifies the relation
    read at ``anchor``: it ends at most N words from it, the cue there is of the relation's own type
    ("against former chairman X": the chairmanship ended, not the lawsuit), and in sentence case a
    name right after it is a party's ("former Red Bull managing director X" of
    Suso: Red Bull's post ended, not Suso's; "former Carling Ltd chief executive X": Carling's did).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tuple(tokenize("Suso is run by former Red Bull managing director Harry Drnec"))
    >>> hits = find_cues(Sentence(0, 0, 60, "", toks), load_lexicon("en"))
    >>> o = next(h for h in hits if h.cue.status)
    >>> modifies(o, toks, hits, (8, 9), "works_for", [(0, 1), (9, 11)])
    False
    >>> modifies(o, toks, hits, (8, 9), "works_for", [(5, 7), (9, 11)])
    True
    """
    ai, aj = anchor
    if (ai - o.j if o.j <= ai else o.i - aj if o.i >= aj else 0) > o.cue.near:
        return False
    if relation and any((h.i, h.j) == anchor and h.cue.relation not in (None, relation) for h in hits):
        return False
    k = o.j  # the word it modifies, when that is not the relation cue: a name of a party or a title
    if parties and k < ai and tokens[o.i].text[:1].islower() and tokens[k].text[:1].isupper():
        return any(i <= k < j for i, j in parties) or any(h.i <= k < h.j and h.cue.relation for h in hits)
    return True


def negated(tokens: Sequence[Token], lex: Lexicon, hits: Sequence[Hit], ai: int, lo: int) -> bool:
    """A negation within reach before token ``ai`` that is no part of a status cue ("no longer",
    "tidak lagi", "tak kunjung": the cue says what the negation means there)."""
    for k in range(max(lo, ai - _NEG_REACH), ai):
        if (tokens[k].low in lex.negations and not any(o.cue.status and o.i <= k < o.j for o in hits)
                and not shielded(tokens, lex, k + 1, ai)):
            return True
    return False


def shielded(tokens: Sequence[Token], lex: Lexicon, i: int, j: int) -> bool:
    """A shield verb among tokens ``i:j`` (between a denial and the relation cue): what is denied is the
    change it names, not the relation ("did not raise its offer", "will not delay the merger").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> shielded(tokenize("has no intention of raising its offer"), load_lexicon("en"), 3, 6)
    True
    """
    return shield_at(tokens, lex, i, j) >= 0


def shield_at(tokens: Sequence[Token], lex: Lexicon, i: int, j: int) -> int:
    """The first shield verb (``status/shield.txt``) among tokens ``i:j``, or -1.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> shield_at(tokenize("Norvik plans to sell its Talon unit"), load_lexicon("en"), 1, 6)
    3
    >>> shield_at(tokenize("Norvik plans to buy Talon"), load_lexicon("en"), 1, 4)
    -1
    """
    if lex.shields:
        for k in range(i, j):
            if not lex.shields.isdisjoint(lex.stems(tokens[k].text)):
                return k
    return -1


def cueless_place(hits: Sequence[Hit], relation: str, parties: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the rules read a relation of type ``relation`` between the token spans ``parties`` that has
    no cue: the word right before the later party, when no cue of that type stands outside the parties,
    none of another type between them (where :func:`kg.extract.status.anchor_of` falls back to the word
    after the first party) and a word stands between them; else None (read where the relation stands).

    What the sentence says of the second party is said between the two: "X does not intend to seek
    control of Y" (a denial), "X plans to subscribe for shares of Y" (a plan); read after the first party
    the negation and the plan came after the place and were out of their reach.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tuple(tokenize("Norvik said it does not intend to seek control of Talon"))
    >>> hits = find_cues(Sentence(0, 0, 55, "", toks), load_lexicon("en"))
    >>> cueless_place(hits, "investment", [(0, 1), (10, 11)])
    (9, 10)
    >>> cueless_place(hits, "acquisition", [(0, 1), (1, 2)]) is None  # nothing between
    True
    """
    if len(parties) != 2:
        return None
    (ai, aj), (bi, bj) = sorted(parties)
    if bi <= aj:
        return None
    for h in hits:
        if ai <= h.i < aj or bi <= h.i < bj or h.cue.relation is None:
            continue
        if h.cue.relation == relation or aj <= h.i < bi:
            return None
    return bi - 1, bi


def parties_clause_place(s: Sentence, lex: Lexicon, anchor: tuple[int, int], lo: int, hi: int,
                         parties: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the rules read a relation between the token spans ``parties`` whose cue (``anchor``, in the clause
    ``lo:hi``) stands in a clause holding neither party, when both parties stand in one clause with a word
    between them: the word right before the later party, as :func:`cueless_place` (else None). What the
    sentence says of the pair is said in their clause: "X has no plans to seek control of Y, but would not
    rule out a takeover try" (the pair's acquisition denied; English train, rules alone: 3 pairs right, none
    wrong).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.nearest import clause
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Norvik has no plans to seek control of Talon , but would not rule out a takeover try"
    >>> lex, toks = load_lexicon("en"), tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> parties_clause_place(s, lex, (15, 16), *clause(s, lex, 15), [(0, 1), (8, 9)])
    (7, 8)
    """
    if len(parties) != 2:
        return None
    (ai, aj), (bi, _) = sorted(parties)
    if bi <= aj or any(lo <= i < hi for i, _ in parties):
        return None
    plo, phi = clause(s, lex, bi)
    return (bi - 1, bi) if plo <= ai and not plo <= anchor[0] < phi else None


def disowned_after(s: Sentence, lex: Lexicon, hits: Sequence[Hit], hi: int, relation: str,
                   parties: Sequence[tuple[int, int]]) -> bool:
    """Whether the clause after the clause ending at token ``hi`` (a contrast word there: "but", "while")
    opens with the pair's first party, by a word of its name or a subject pronoun, and holds a denial
    cue of the relation's type (no shield verb after it): the party itself disowns the link the clause
    before reported or guessed at. "X might try to acquire Y, but X told Reuters he is not interested".

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Norvik might buy Talon , but Norvik said it is not interested"
    >>> lex, toks = load_lexicon("en"), tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> disowned_after(s, lex, find_cues(s, lex), 5, "acquisition", [(0, 1), (3, 4)])
    True
    >>> disowned_after(s, lex, find_cues(s, lex), 5, "acquisition", [(3, 4), (7, 8)])  # Talon is not the subject
    False
    """
    toks = s.tokens
    if len(parties) != 2 or hi + 1 >= len(toks) or not toks[hi].text[:1].isalpha():
        return False
    (ai, aj), _ = sorted(parties)
    subject = toks[hi + 1]
    pronouns = lex.optional_words("company_context_subject_pronouns") | lex.optional_words(
        "person_context_subject_pronouns")
    # a clause with no subject of its own goes on with the sentence's subject ("X bought Y shares, but does not
    # intend to seek control of Y"): only a denial that reaches both sides (flag "either") is taken there
    bare = subject.low in lex.optional_words("subjectless_clause_openers") and ai == 0
    if not bare and subject.low not in pronouns and subject.text not in {t.text for t in toks[ai:aj]}:
        return False
    lo2, hi2 = clause(s, lex, hi + 1)
    return any(o.cue.status == "denied" and lo2 <= o.i < hi2 and relation not in o.cue.not_for
               and o.cue.scope != "next" and (not bare or o.cue.scope == "either")
               and not shielded(toks, lex, o.j, hi2) for o in outer_hits(hits))


_MORE_REACH = 2  # "more Y stock", "any additional Y shares"


def further(tokens: Sequence[Token], lex: Lexicon, j: int, parties: Sequence[tuple[int, int]]) -> bool:
    """Whether a word of ``status/more.txt`` stands within :data:`_MORE_REACH` words from token ``j`` (right
    after a stake's cue), right before a party: what is bought is a further stake in it ("buy more Y
    stock"; not "buy more than $15 million of Y", an amount).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Norvik agreed not to acquire any additional Talon shares")
    >>> further(toks, load_lexicon("en"), 5, [(0, 1), (7, 8)]), further(toks, load_lexicon("en"), 7, [(0, 1), (7, 8)])
    (True, False)
    """
    starts = {i for i, _ in parties}
    return any(tokens[k].low in lex.increments and k + 1 in starts for k in range(j, min(j + _MORE_REACH, len(tokens))))
