"""The statuses the rules read from a construction, which the status model does not overrule.

Most of the rules' statuses come from cue words in scope, and the status model may overrule them where
cross-validation trusts it more (:func:`kg.extract.status.combine`). A few come from a construction the
model's features do not see whole; :func:`construction` names it:

* ``post_governed``: a plan, rumour or denial cue at most two words before a post's title ("Budi akan
  menjadi Direktur Utama", "is expected to become chairman"; :data:`kg.extract.statusrules.POSTS`);
* ``handed_over``: a change of owner ends the seller's link ("acquired Lumeo from Zeta",
  :mod:`kg.extract.handover`);
* ``held_before``: a post held in the past ("X was president of Y", :mod:`kg.extract.pastpost`);
* ``disowned``: a party disowning the link after a contrast word
  (:func:`kg.extract.statusscope.disowned_after`).

:data:`GUARDED` holds those the model never overrules, chosen by cross-validation on the train
annotations (``docs/status.md``, "Rules vs model"). A planned post must stay planned: the person a new
holder replaces gets an ended job only beside an asserted one (:func:`kg.extract.jobs.predecessor`), and a
model that read "akan menjadi Direktur Utama ... menggantikan Andi Wijaya" as asserted ended Andi's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.found import outer_hits
from kg.extract.handover import handed_over
from kg.extract.pastpost import held_before
from kg.extract.statusrules import GOVERN, POSTS, rule_place, rule_status
from kg.extract.statusscope import disowned_after

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

__all__ = ["CONSTRUCTIONS", "GUARDED", "construction", "guarded"]

CONSTRUCTIONS = ("post_governed", "handed_over", "held_before", "disowned")
# Per language, chosen by 5-fold cross-validation on train over 5 partitions (docs/status.md, "Rules vs
# model"; counts of the train gold pairs each construction reads, rules right of all). Indonesian
# post_governed: 3 of 3 ("akan menjadi"), partition 0 out of fold 0.9067 -> 0.9098, the choice unchanged.
# English post_governed: 0 of 3 (a rumour cue next to a title: "speculated that TWA chairman X"; "named to
# join the board"): the model stays free there. English handed_over: 26 of 27; guarding it moved the shared
# C (1 -> 0.3) and lost Indonesian what it gained English (held out en +0.0008, id -0.0022): left free.
# held_before (English 7 of 7) and disowned (1 of 1): the model agreed anyway; guarded at no cost.
GUARDED: dict[str, frozenset[str]] = {
    "en": frozenset({"disowned", "held_before"}),
    "id": frozenset(CONSTRUCTIONS),
}
_HELD = frozenset({"planned", "rumored", "denied"})


def construction(s: Sentence, lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], relation: str,
                 lo: int, hi: int, parties: Sequence[tuple[int, int]], rule: str) -> str:
    """The construction (of :data:`CONSTRUCTIONS`) that gave the rules' answer ``rule``
    (:func:`kg.extract.statusrules.read_rules` of the same relation), "" when cue words gave it.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> from kg.extract.statusrules import read_rules
    >>> def read(text, lang, person, org):
    ...     lex, toks = load_lexicon(lang), tuple(tokenize(text))
    ...     s = Sentence(0, 0, len(text), text, toks)
    ...     hits = find_cues(s, lex)
    ...     h = next(h for h in hits if h.cue.relation == "works_for")
    ...     parties = [person, org]
    ...     rule = read_rules(s, lex, hits, (h.i, h.j), "works_for", 0, len(toks), parties)
    ...     return rule, construction(s, lex, hits, (h.i, h.j), "works_for", 0, len(toks), parties, rule)
    >>> read("Budi Santoso akan menjadi Direktur Utama Lumeo", "id", (0, 2), (6, 7))
    ('planned', 'post_governed')
    >>> read("Ana Diaz was the chief executive of Talon Ports", "en", (0, 2), (7, 9))
    ('ended', 'held_before')
    >>> read("Ana Diaz is the chief executive of Talon Ports", "en", (0, 2), (7, 9))
    ('asserted', '')
    """
    if rule == "asserted" or s.question:
        return ""
    tokens = s.tokens
    place, plo, phi = rule_place(s, lex, hits, anchor, relation, lo, hi, parties)
    if rule == "denied" and rule_status(tokens, lex, hits, place, plo, phi, question=False, relation=relation,
                                        parties=parties) != "denied" and disowned_after(s, lex, hits, phi,
                                                                                         relation, parties):
        return "disowned"
    if relation in POSTS and rule in _HELD and any(
            o.cue.status == rule and o.cue.near < 0 and plo <= o.i < phi and 0 <= place[0] - o.j <= GOVERN
            for o in outer_hits(hits)):
        return "post_governed"
    if rule == "ended":
        if handed_over(tokens, lex.code, hits, relation, parties, plo, phi):
            return "handed_over"
        if relation in POSTS and held_before(tokens, lex.code, place, parties, plo):
            return "held_before"
    return ""


def guarded(s: Sentence, lex: Lexicon, hits: Sequence[Hit], anchor: tuple[int, int], relation: str,
            lo: int, hi: int, parties: Sequence[tuple[int, int]], rule: str,
            guard: frozenset[str] | None = None) -> bool:
    """Whether the rules' answer ``rule`` comes from a construction of ``guard`` (default: the language's
    :data:`GUARDED`): the model is not asked.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Budi Santoso akan menjadi Direktur Utama Lumeo"
    >>> lex, toks = load_lexicon("id"), tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> hits = find_cues(s, lex)
    >>> h = next(h for h in hits if h.cue.relation == "works_for")
    >>> guarded(s, lex, hits, (h.i, h.j), "works_for", 0, len(toks), [(0, 2), (6, 7)], "planned")
    True
    """
    if guard is None:
        guard = GUARDED.get(lex.code, frozenset())
    return bool(guard) and construction(s, lex, hits, anchor, relation, lo, hi, parties, rule) in guard
