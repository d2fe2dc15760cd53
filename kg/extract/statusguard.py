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

``status_guarded`` in each language.toml holds those the model never overrules, chosen by cross-validation on the train
annotations (``docs/status.md``, "Rules vs model"). A planned post must stay planned: the person a new
holder replaces gets an ended job only beside an asserted one (:func:`kg.extract.jobs.predecessor`), and a
model that read "akan menjadi Direktur Utama ... menggantikan Andi Wijaya" as asserted ended Andi's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.errors import DataError
from kg.extract.found import outer_hits
from kg.extract.handover import handed_over
from kg.extract.pastpost import held_before
from kg.extract.statusrules import GOVERN, POSTS, rule_place, rule_status
from kg.extract.statusscope import disowned_after

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

__all__ = ["CONSTRUCTIONS", "construction", "guarded", "guarded_constructions"]

CONSTRUCTIONS = ("post_governed", "handed_over", "held_before", "disowned")
_HELD = frozenset({"planned", "rumored", "denied"})


def guarded_constructions(lex: Lexicon) -> frozenset[str]:
    """The constructions whose status the model never overrules in ``lex``'s language (``status_guarded`` in its
    language.toml, chosen by cross-validation on the train split; none when the language sets none).

    >>> from kg.extract.lexicon import load_lexicon
    >>> sorted(guarded_constructions(load_lexicon("en")))
    ['disowned', 'held_before']
    """
    guard = lex.optional_words("status_guarded")
    unknown = sorted(guard - set(CONSTRUCTIONS))
    if unknown:
        raise DataError(f"ontology/lang/{lex.code}/language.toml: status_guarded names {unknown}; the constructions"
                        f" are {list(CONSTRUCTIONS)}")
    return guard


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
    :func:`guarded_constructions`): the model is not asked.

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
        guard = guarded_constructions(lex)
    return bool(guard) and construction(s, lex, hits, anchor, relation, lo, hi, parties, rule) in guard
