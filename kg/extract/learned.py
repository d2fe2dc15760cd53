"""The learned components joined to the rules: named entities from the CRF tagger
(:mod:`kg.extract.ner`, trained by ``scripts/train_ner.py``); the pair classifier's relations are
:mod:`kg.extract.classified`'s.

The rules keep the last word where both speak: a name the gazetteer or a pattern
found is not re-typed by the tagger (except a pattern's name the tagger is sure is a person
and that starts with a first name: "investor George Soros", whatever the cue says), and a
link the rules read is not re-read by the classifier (the rules know negation scope and
speakers; the classifier does not).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kg.extract.brands import brand_kind, cased_products, joined_brands, org_kind, product_pieces, version_end
from kg.extract.corporate import (
    acting_place,
    family_context,
    person_subject,
    place_context,
    thing_subject,
)
from kg.extract.cutshort import cut_short, stock_code
from kg.extract.gazindex import GazIndex
from kg.extract.mentions import Mention, _name_mention
from kg.extract.nameruns import ampersand_runs
from kg.extract.placeorg import BODY_OUTRANK, place_body, place_end, place_org_runs
from kg.extract.runcuts import lowercase_cuts
from kg.extract.taggerruns import (
    abbreviated_org,
    front_cut,
    holds_whole,
    initialled_name,
    is_business,
    legal_name,
    name_kind,
    spaced_dash,
)
from kg.extract.text import Sentence, bracketed_acronym
from kg.extract.venues import demonym_words
from kg.extract.websites import web_sites
from kg.resources import word_set
from kg.schema import PLACE_TYPES

if TYPE_CHECKING:
    from kg.extract.ner import Model

# The tagger's Organization covers companies: the model's Company-or-Organization choice (learnt from
# kg's annotations) decides which.
_NER_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place"}
_ORGS = frozenset({"Company", "Organization"})
# A tagger's name outranks a name only a pattern found (a legal form, an organisation cue), and a
# list's name it holds whole and extends ("Tom Ford International" over "Ford"), when its weakest
# token's marginal probability is at least this. Measured against never outranking (entity F1):
# idner dev 0.801 -> 0.809, CoNLL04 dev 0.834 -> 0.851, train split id 0.703 -> 0.719 and en
# 0.842 -> 0.857 (the tagger saw the train split: read those two as a direction). 0.5, 0.8 and 0.95
# were within 0.01 of each other everywhere. Dropping the tagger's names below 0.6 added about 0.015
# precision on idner and CoNLL04 dev but cost 10 % in speed (marginals for every sentence): not done.
# The same bar lets a headline's run of two or more dictionary words be a name ("Bank Mayapada",
# "Sari Roti"), which the title-case rules refuse (kg.extract.edges.trim): train split id entity
# recall 0.587 -> 0.590 for one more false positive (0.8, 0.9 and 0.95 alike).
# Those figures came from taggers that had seen the sentences they read, and so were sure of them; on unseen
# text a tagger is less sure, and a language may set its own bar for outranking (``tagger_outrank`` in
# language.toml; :func:`outrank_bar`).
OUTRANK = 0.8


@functools.cache
def outrank_bar(language: str) -> float:
    """How sure the tagger must be for its name to outrank a pattern's or a list's name in ``language``:
    ``tagger_outrank`` of the language's settings, else :data:`OUTRANK`.

    >>> outrank_bar("en"), outrank_bar("id")
    (0.8, 0.8)
    """
    from kg.extract.lexicon import load_lexicon

    bar = load_lexicon(language).settings.get("tagger_outrank", OUTRANK)
    return float(bar) if isinstance(bar, int | float) else OUTRANK


@functools.cache
def has_tagger(language: str, models: str | None = None, caseless: bool = False) -> bool:
    from kg.extract.ner import model_path

    return model_path(language, models, caseless=caseless).is_file()


@dataclass(frozen=True)
class TaggerReading:
    """One tagger's reading of one sentence: the model, its emission scores per token (for marginals)
    and its name runs ``(first token, one past the last, type)``. Made once per sentence and shared by
    :func:`tagged_names` and :func:`unconfirmed_guesses`, which would otherwise decode it twice."""

    model: Model
    rows: Any  # Model.emission_array
    runs: list[tuple[int, int, str]]


def _read(s: Sentence, model: Model, products: bool = False) -> TaggerReading:
    rows = model.emission_array(s.tokens)
    return TaggerReading(model, rows, model.spans(s.tokens, model.viterbi(rows), products=products))


def tagger_reading(s: Sentence, *, language: str, models: str | None = None) -> TaggerReading | None:
    """The tagger's reading of ``s`` (the caseless model for a sentence without capitals,
    :func:`kg.extract.casing.caseless`), or None when the language has no such model."""
    if not has_tagger(language, models, s.caseless):
        return None
    from kg.extract.ner import tagger

    return _read(s, tagger(language, models, caseless=s.caseless), cased_products(language))


def tagger_readings(sentences: Sequence[Sentence], *, language: str, models: str | None = None
                    ) -> list[TaggerReading | None]:
    """:func:`tagger_reading` of each of ``sentences`` (an article's), decoded side by side
    (:meth:`kg.extract.ner.Model.viterbi_many`): the same readings, in less time."""
    from kg.extract.ner import tagger
    from kg.extract.nerbatch import emission_arrays

    out: list[TaggerReading | None] = [None] * len(sentences)
    products = cased_products(language)
    for low in (False, True):
        todo = [k for k, s in enumerate(sentences) if s.caseless == low]
        if not todo or not has_tagger(language, models, low):
            continue
        model = tagger(language, models, caseless=low)
        rows = emission_arrays(model, [sentences[k].tokens for k in todo])
        for k, r, labels in zip(todo, rows, model.viterbi_many(rows), strict=True):
            out[k] = TaggerReading(model, r, model.spans(sentences[k].tokens, labels, products=products))
    return out


def tagged_names(s: Sentence, gaz: GazIndex, names: list[Mention], *, language: str,
                 models: str | None = None, reading: TaggerReading | None = None) -> list[Mention]:
    """The tagger's names in one sentence that no rule found.

    A tagger's name that overlaps a name only a pattern found (a legal form, an organisation cue),
    or that holds a list's name whole and is longer, is kept only when the model is sure of it
    (:data:`OUTRANK`, its weakest token's marginal probability); the caller then drops the rule's
    name. Otherwise the rules' names (and products) win overlaps. A headline's run made only of
    dictionary words, which the title-case rules refuse, is a name when the model is as sure of it.
    A sentence without capitals (:func:`kg.extract.casing.caseless`) is read by the caseless model,
    and its names are cut only at affixed verbs (lowercase words say nothing there).
    ``models``: a model folder (:mod:`kg.extract.modelfiles`), the shipped models without one;
    ``reading``: :func:`tagger_reading` of ``s``, when already made.
    """
    low = s.caseless
    if reading is None:
        reading = tagger_reading(s, language=language, models=models)
        if reading is None:
            return []

    soft = [False] * len(s.tokens)
    # a product after a launch verb is read from its context and is never displaced
    patterned = [m for m in names if m.source == "pattern" and m.type != "Product"]
    listed = [m for m in names if m.source != "pattern" or m.type == "Product"]
    for m in patterned:
        for k in range(m.i, m.j):
            soft[k] = True
    from kg.extract.edges import parts
    from kg.extract.lexicon import load_lexicon
    from kg.extract.ner import organization_word

    lex = load_lexicon(language)
    # the caseless tagger's "product or brand" runs, where its training text has that class (caseless_brands)
    brands = low and bool(lex.settings.get("caseless_brands", False))
    # the cased tagger's Product runs, where its training text has that class (cased_products)
    cased = not low and cased_products(language)
    regions, codes = word_set(language, "region_adjectives.txt"), word_set(language, "codes.txt")
    demonyms = demonym_words(language)
    out: list[Mention] = []
    said = lex.optional_words("headline_predicates")
    classes = lex.optional_words("class_acronyms")
    owners = lex.words("class_acronym_owners") if classes else frozenset()
    spans, need, bars = [], [], []
    sites = web_sites(s.tokens)
    outrank = outrank_bar(language)
    model, rows = reading.model, reading.rows
    runs = joined_brands(s.tokens, reading.runs) if brands else reading.runs
    runs = place_org_runs(s.tokens, runs, *(word_set(language, f"place_org_{w}.txt") for w in ("heads", "tails")))
    runs = lowercase_cuts(s, runs, lex)  # a run across lower-case words is weighed piece by piece
    for i, j, etype in ampersand_runs(s.tokens, runs, lex.words("name_ampersands")):
        if etype not in _NER_TYPES and not ((brands or cased) and etype == "Product"):
            continue
        if etype == "Product" and any(t.low.startswith("www.") or "@" in t.text for t in s.tokens[i:j]):
            continue  # an address ("www.detik.com", "info@abcd.co.id") names no brand
        end = j
        while end > i and not (s.tokens[end - 1].is_word or s.tokens[end - 1].text[:1].isalnum()):
            end -= 1
        if end == i:
            continue
        if any(a <= i and end <= b and b - a > end - i for a, b in sites):
            continue  # "kompas" of "kompas . com": the web site's name stands (kg.extract.websites)
        if stock_code(s, i, end):
            continue  # "Swedish Match <SMBS ST>": a stock code in Reuters' angle brackets names nothing new
        words = " ".join(t.low for t in s.tokens[i:end])
        if (etype == "Place" and words in demonyms) or words in regions or words in codes:
            # "European companies": an adjective names no place, nor a company ("its European subsidiary";
            # region_adjectives.txt); "at 1100 EST", "$ 249 USD": a time zone or a currency (codes.txt)
            continue
        if words in classes and not (i > 0 and s.tokens[i - 1].low in owners):
            continue  # "RUU BUMN": a class of businesses (class_acronyms); "Menteri BUMN" is the ministry
        if any(soft[i:end]) and spaced_dash(s, i, end):
            continue  # a byline and a pattern's name ("Jakarta Daily Ledger - Microsoft Corp"): the name stands
        if end < j and any(p.i == i and p.j == end for p in patterned):
            continue  # the pattern's name without the full stop ("... to Vexo Holdings Inc."): it stands
        inside = [m for m in listed if m.i < j and i < m.j]
        if inside and not holds_whole(s, i, j, inside):
            continue
        # a name with a legal form gives way only to a name of its kind ("PT X" is no person); an
        # organisation cue does not decide the kind ("investor George Soros")
        if any(p.i < j and i < p.j and name_kind(p.type) != name_kind(etype) and legal_name(s, p) for p in patterned):
            continue
        if front_cut(s, i, j, etype, patterned, runs):
            continue
        # the same name: the pattern's reading stands (no marginals needed), except that a person
        # whose first word is a known first name may outrank a cue's company ("investor George Soros");
        # without the first name, names such as "Morimoto Shoji" or "Kalimaya Cloud" became people
        if any(p.i == i and p.j == j and not (etype == "Person" and name_kind(p.type) != "Person"
                                              and "lx=first" in model.res.own(s.tokens[i].text))
               for p in patterned):
            continue
        spans.append((i, j, etype))
        need.append(bool(inside) or any(soft[i:j]))
        bars.append(BODY_OUTRANK if not any(soft[i:j]) and place_body(
            s.tokens, i, j, etype, [(m.i, m.j, m.type) for m in inside], lambda w: organization_word(w, language))
            else outrank)
    conf: list[float] | None = None
    if any(need):
        conf = model.span_confidence(s.tokens, spans, rows)
        keep = [c >= bar or not n for c, n, bar in zip(conf, need, bars, strict=True)]
        spans = [sp for sp, k in zip(spans, keep, strict=True) if k]
        conf = [c for c, k in zip(conf, keep, strict=True) if k]
    # Only the spans weighed against a bar carry the tagger's certainty (Mention.sure): computing it for every
    # span ranked confidences better (out-of-fold AUC 0.75 -> 0.80, session 14) but cost about 15 % of Reuters
    # time, and the speed target is further away than the calibration one.
    starts = {m.i for m in names} | {r[0] for r in runs}
    people = {m.i for m in names if m.type == "Person"} | {r[0] for r in runs if r[2] == "Person"}
    alone = not any(m.type in _ORGS for m in names) and all(e != "Organization" for _, _, e in reading.runs)
    for n, (i, j, etype) in enumerate(spans):
        # a tagger's run may hold a headline's verbs and nouns: cut and trim it (kg.extract.edges)
        whole = gaz.lookup_name(s.text[s.tokens[i].start - s.start : s.tokens[j - 1].end - s.start])
        known = whole is not None and (whole.type == _NER_TYPES.get(etype, etype) or {whole.type, etype} <= _ORGS
                                       or {whole.type, etype} <= PLACE_TYPES)
        # a list's name the run holds whole is not cut ("Kementerian pertahanan Rusia"); the run
        # replaces it only when the model is sure (OUTRANK above)
        held = [(m.i, m.j) for m in listed if i <= m.i and m.j <= j and m.j - m.i < j - i]
        if cased and etype == "Product":
            pieces = product_pieces(s.tokens, i, j, lex)
        else:
            pieces = [(i, j)] if known else parts(s.tokens, i, j, lex, title_case=s.title_case,
                                              person=etype == "Person", caseless=low, keep=held)
        if not pieces and s.title_case and j - i >= 2:
            # every word of the run is a dictionary word ("Bank Mayapada", "Sari Roti"): a name
            # only when the model, which learnt headline casing, is sure of it
            if conf is None:
                conf = model.span_confidence(s.tokens, spans, rows)
            if conf[n] >= OUTRANK:
                pieces = [p for p in parts(s.tokens, i, j, lex, title_case=False, person=etype == "Person")
                          if p[1] - p[0] >= 2]
        for a, b in pieces:
            if etype == "Place":
                b = place_end(s.tokens, a, b, said, s.title_case)  # "Wall Street Tumbang": the predicate is no place
            if b == a:
                continue
            if any(m.i < b and a < m.j and not (a <= m.i and m.j <= b and m.j - m.i < b - a) for m in listed):
                continue  # a piece that would cut a list's name, or is no longer than it
            if etype == "Product" and cased:
                kind = "Product"
            elif etype == "Product":
                kind = brand_kind(s.tokens, a, b, gaz, model, lex)
            else:
                kind = org_kind(model, s.tokens, a, b, lex) if etype == "Organization" else _NER_TYPES[etype]
            if kind in ("Person", "Place") and is_business(s, a, b, gaz, lex):
                kind = "Company"  # "shareholders of Hayes", "a Gemina spokeswoman" (kg.extract.corporate)
            elif kind == "Place" and acting_place(s.tokens, a, b, lex) and not gaz.is_place(s.tokens[a].text):
                kind = "Company"  # "Coloroll said", "Honeywell is now focusing" (kg.extract.corporate)
            elif kind in ("Person", "Organization") and thing_subject(s.tokens, a, b, lex, alone):
                kind = "Company"  # "..., Atcor said it is", "Pratt, which owns", "Service Corp International said its"
            elif kind in _ORGS and b - a == 1 and place_context(s.tokens, a, b, lex, gaz.is_place):
                kind = "Place"  # "Swiss Reinsurance Co of Zurich, Switzerland" (as mentions.find_names)
            if kind != "Person" and family_context(s.tokens, b, lex):
                kind = "Person"  # "the Kadoorie family"
            elif kind in _ORGS and person_subject(s.tokens, a, b, lex):
                kind = "Person"  # "Hammer said his group ...", "..., Hammer said his" (kg.extract.corporate)
            elif kind in _ORGS and initialled_name(s.tokens, a, b):
                kind = "Person"  # "Warren A. Stephens": a person's middle initial (kg.extract.taggerruns)
            if kind in _ORGS:
                kind = abbreviated_org(s, a, b, [*names, *out]) or kind
            elif kind == "Product" and low:
                b = version_end(s.tokens, b, [*names, *out])
            m = _name_mention(s, a, b, kind, gaz, source="ner")
            if conf is not None:
                m = replace(m, sure=round(conf[n], 3))
            if b == j and cut_short(s, a, b, m.type, starts, lex, people):
                continue  # "the Houston Post": the tagger's place is a piece of a longer name (kg.extract.cutshort)
            out.append(m)
    return out


def unconfirmed_guesses(s: Sentence, ms: Sequence[Mention], *, language: str, models: str | None = None,
                        headline: bool = False, reading: TaggerReading | None = None) -> list[Mention]:
    """The names in a headline (title case) that only a pattern or the neighbouring words found and the
    tagger does not read as a name at all: "Investor Jangan Panik!", "Asing Diam-diam Borong Saham".

    Where every word is capitalised, a capitalised run next to an organisation cue or a deal verb is
    often no name: kg's calibration measured such names at 0.22 precision on the Indonesian train split
    (``id|title|pattern|1``). The tagger learnt headline casing, so its word decides; a name with a
    legal form or a ticker in brackets after it ("Remala Abadi (DATA)"), and products, are not asked.
    ``headline``: the whole text is a headline (title case), though this sentence of it may be too short
    to tell ("Investor Jangan Panik!"). ``reading``: :func:`tagger_reading` of ``s``, when already made
    (the cased tagger's is asked: a caseless one is read again with it).
    """
    if not (s.title_case or headline) or not has_tagger(language, models):
        return []
    from kg.extract.ner import tagger

    toks = s.tokens
    asked = [m for m in ms if m.source == "pattern" and m.type not in ("Product", "Sector") and not legal_name(s, m)
             and not bracketed_acronym(toks, m.j)]
    if not asked:
        return []
    if reading is None or reading.model.res.caseless:
        reading = _read(s, tagger(language, models))
    return [m for m in asked if not any(i < m.j and m.i < j for i, j, _ in reading.runs)]
