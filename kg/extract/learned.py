"""The learned components joined to the rules: named entities from the CRF tagger
(:mod:`kg.extract.ner`) and relations from the pair classifier
(:mod:`kg.extract.relmodel`), both trained by scripts in ``scripts/``.

The rules keep the last word where both speak: a name the gazetteer or a pattern
found is not re-typed by the tagger, and a link the rules read is not re-read by
the classifier (the rules know negation scope and speakers; the classifier does not).
"""

from __future__ import annotations

import functools

from kg.extract.gazindex import GazIndex
from kg.extract.mentions import Mention, _name_mention
from kg.extract.relations import Found, Hit
from kg.extract.text import Sentence
from kg.schema import PLACE_TYPES, link_key

# The tagger's Organization covers companies: the model's Company-or-Organization choice (learnt from
# kg's annotations) decides which.
_NER_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place"}
_ORGS = frozenset({"Company", "Organization"})
# Parties further apart than this (in tokens) are not paired: long wire sentences would cost
# a classification per pair for almost no relations.
_MAX_PAIR_DISTANCE = 40
# Each name is paired with at most this many names on either side: a sentence packed with names
# ("PT A menggandeng PT B dan PT C dan ...") would otherwise cost a classification for every pair
# of them, quadratic in the names of a 200-token sentence; real sentences rarely hold more.
_MAX_NEIGHBOURS = 4


@functools.cache
def has_tagger(language: str, models: str | None = None) -> bool:
    from kg.extract.ner import model_path

    return model_path(language, models).is_file()


def tagged_names(s: Sentence, gaz: GazIndex, names: list[Mention], *, language: str,
                 models: str | None = None) -> list[Mention]:
    """The tagger's names in one sentence that no rule found (the rules' names win overlaps);
    ``models``: a model folder (:mod:`kg.extract.modelfiles`), the shipped models without one."""
    tagger = has_tagger(language) if models is None else has_tagger(language, models)
    if not tagger or not any(t.is_cap for t in s.tokens):
        return []  # names are capitalised in both languages: nothing to tag in a lowercase sentence
    from kg.extract.ner import org_kind, tag

    taken = [False] * len(s.tokens)
    for m in names:
        for k in range(m.i, m.j):
            taken[k] = True
    from kg.extract.edges import parts
    from kg.extract.lexicon import load_lexicon

    lex = load_lexicon(language)
    out = []
    for i, j, etype in tag(s.tokens, language=language, models=models):
        if etype in _NER_TYPES and not any(taken[i:j]):
            # a tagger's run may hold a headline's verbs and nouns: cut and trim it (kg.extract.edges)
            whole = gaz.lookup_name(s.text[s.tokens[i].start - s.start : s.tokens[j - 1].end - s.start])
            known = whole is not None and (whole.type == _NER_TYPES[etype] or {whole.type, etype} <= _ORGS
                                           or {whole.type, etype} <= PLACE_TYPES)
            spans = [(i, j)] if known else parts(s.tokens, i, j, lex, title_case=s.title_case,
                                                      person=etype == "Person")
            for a, b in spans:
                kind = (org_kind(s.tokens, a, b, language=language, models=models) if etype == "Organization"
                        else _NER_TYPES[etype])
                out.append(_name_mention(s, a, b, kind, gaz, source="ner"))
    return out


def classified_relations(s: Sentence, ms: list[Mention], known: set[tuple[str, str, str]], *,
                         language: str, models: str | None = None) -> list[Found]:
    """Relations the pair classifier reads between named mentions of one sentence."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.relations import _clause, find_cues, non_parties
    from kg.extract.relmodel import classify
    from kg.extract.status import NEGATION_ONLY, anchor_of, decide, negation_status

    gone = non_parties(s, load_lexicon(language), ms)  # "told Reuters", "Chinese automaker X": not parties
    named = [m for k, m in enumerate(ms) if m.source != "coref" and m.type != "Sector" and k not in gone]
    out = []
    seen: set[tuple[str, str, str]] = set()
    hits: list[Hit] | None = None
    lex = load_lexicon(language)
    pairs = ((a, b) for x, a in enumerate(named)
             for b in named[max(0, x - _MAX_NEIGHBOURS) : x] + named[x + 1 : x + 1 + _MAX_NEIGHBOURS])
    for a, b in pairs:
        if a.key == b.key or abs(a.i - b.i) > _MAX_PAIR_DISTANCE:
            continue
        rtype, p = classify(s.tokens, (a.i, a.j, a.type), (b.i, b.j, b.type), language=language, models=models)
        # The model answers only above its cross-validated threshold and for the types it is trusted
        # with in this language (kg.extract.relmodel.classify); no second threshold here.
        if rtype is None:
            continue
        key = link_key(rtype, a.key, b.key)
        if key in known or key in seen:
            continue
        seen.add(key)
        if hits is None:
            hits = find_cues(s, lex)
        # the rules' status cues and the status model, read where this relation stands
        anchor = anchor_of(hits, rtype, (a.i, a.j), (b.i, b.j))
        lo, hi = _clause(s, lex, anchor[0])
        if rtype in NEGATION_ONLY:
            st = negation_status(s.tokens, lex, anchor, lo)
        else:
            st = decide(s, lex, hits, anchor, rtype, lo, hi, models=models)
        out.append(Found(rtype, a, b, st, s, confidence=round(0.5 * p, 3)))
    return out
