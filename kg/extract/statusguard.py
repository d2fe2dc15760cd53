"""The statuses the rules read from a construction, which the status model does not overrule.

Most of the rules' statuses come from cue words in scope, and the status model may overrule them where
cross-validation trusts it more (:func:`kg.extract.status.combine`). A few come from a construction the
model's features do not see whole; :func:`kg.extract.statusrules.read_rules` names it with the status
(``RuleReading.construction``):

* ``post_governed``: a plan, rumour or denial cue at most two words before a post's title ("Budi akan
  menjadi Direktur Utama", "is expected to become chairman"; :data:`kg.extract.statusrules.POSTS`);
* ``handed_over``: a change of owner ends the seller's link ("acquired Lumeo from Zeta",
  :mod:`kg.extract.handover`);
* ``held_before``: a post held in the past ("X was president of Y", :mod:`kg.extract.pastpost`);
* ``disowned``: a party disowning the link after a contrast word
  (:func:`kg.extract.statusscope.disowned_after`).
* ``asked``: a rumour read from a yes/no question about the link ("X Akuisisi Y, Benarkah?"; a wh-question is no
  question: ``wh_question_words``, :func:`kg.extract.text.split_sentences`).

``status_guarded`` in each language.toml holds those the model never overrules, chosen by cross-validation on the train
annotations (``docs/status.md``, "Rules vs model"). A planned post must stay planned: the person a new
holder replaces gets an ended job only beside an asserted one (:func:`kg.extract.jobs.predecessor`), and a
model that read "akan menjadi Direktur Utama ... menggantikan Andi Wijaya" as asserted ended Andi's job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import DataError

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.statusrules import RuleReading

__all__ = ["CONSTRUCTIONS", "guarded", "guarded_constructions"]

# the names kg.extract.statusrules.read_rules gives the constructions it reads (RuleReading.construction)
CONSTRUCTIONS = ("post_governed", "handed_over", "held_before", "disowned", "asked")


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


def guarded(reading: RuleReading, lex: Lexicon, guard: frozenset[str] | None = None) -> bool:
    """Whether the rules' ``reading`` (:func:`kg.extract.statusrules.read_rules`) comes from a construction of
    ``guard`` (default: the language's :func:`guarded_constructions`): the model is not asked.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.statusrules import read_rules
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Budi Santoso akan menjadi Direktur Utama Lumeo"
    >>> lex, toks = load_lexicon("id"), tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> hits = find_cues(s, lex)
    >>> h = next(h for h in hits if h.cue.relation == "works_for")
    >>> reading = read_rules(s, lex, hits, (h.i, h.j), "works_for", 0, len(toks), [(0, 2), (6, 7)])
    >>> reading
    RuleReading(status='planned', construction='post_governed')
    >>> guarded(reading, lex), guarded(reading, load_lexicon("en"))
    (True, False)
    """
    if not reading.construction:
        return False
    return reading.construction in (guarded_constructions(lex) if guard is None else guard)
