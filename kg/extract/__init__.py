"""Extraction: one article in, its entities and relations (with status) out.

``extract(article)`` runs the default rule engine: language identification,
sentences, mentions (gazetteer, name patterns, context), coreference of
definite descriptions, then relation cues with status, speaker and sector.
Everything language-specific is read from ``ontology/lang/<code>/``.

>>> from kg.model import Article
>>> x = extract(Article(id="demo", text="Xiaomi membantah kabar kemitraan dengan Ford Motor Company.", language="id"))
>>> [(r.type, r.subject, r.object, r.status) for r in x.relations]
[('partnership', 'ford-motor-company', 'xiaomi', 'denied')]
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable

from kg.evaluate.casing import casing as text_casing
from kg.extract.acronymwords import without_common_acronyms
from kg.extract.activityplaces import activity_places, without_activity_places
from kg.extract.advisers import without_adviser_deals
from kg.extract.affiliation import split_person_of
from kg.extract.aliases import find_aliases, local_aliases
from kg.extract.assemble import assemble
from kg.extract.baresector import bare_sectors, held_out
from kg.extract.bodies import whole_bodies
from kg.extract.brandnouns import brand_names
from kg.extract.classified import Asked, asked_pairs, classified_relations
from kg.extract.context import type_by_context
from kg.extract.coref import find_descriptions, resolve_descriptions
from kg.extract.cueparties import find_cues
from kg.extract.demonymbodies import demonym_bodies
from kg.extract.engine import DEFAULT_ENGINE, LLM_ENGINES, Engine, as_engine
from kg.extract.factread import fact_statuses
from kg.extract.firmcopula import described_firms
from kg.extract.firmtails import firm_tails
from kg.extract.formernames import present_names
from kg.extract.found import Found
from kg.extract.gazindex import gaz_index
from kg.extract.jobclaims import claimed_people
from kg.extract.jobs import portfolios, refused_jobs
from kg.extract.language import detect
from kg.extract.learned import tagged_names, tagger_readings, unconfirmed_guesses
from kg.extract.lexicon import load_lexicon
from kg.extract.listedpieces import without_listed_pieces
from kg.extract.listing import listed_names
from kg.extract.listkind import list_kinds
from kg.extract.makersplit import split_makers
from kg.extract.mentions import Mention, find_names, names_currency
from kg.extract.namecountry import countries_in_names
from kg.extract.nameruns import connected_names, joined_pair, spaced_hyphens
from kg.extract.nearest import apposition_blocks
from kg.extract.outlets import cited_outlets
from kg.extract.ownbid import possessed_bids
from kg.extract.partnerfirms import partner_firms
from kg.extract.passingsector import passing_links, passing_sectors
from kg.extract.personedges import person_edges
from kg.extract.placechain import claimed_places, regional_links, split_addresses
from kg.extract.placehead import without_place_heads
from kg.extract.possessive import with_possessive
from kg.extract.productnum import name_numbers, product_numbers
from kg.extract.relations import find_relations
from kg.extract.sale import parent_blocks, sold_from
from kg.extract.sourceline import source_line
from kg.extract.spelled import spelled_acronyms
from kg.extract.text import split_sentences
from kg.extract.titleholder import holders_after_title
from kg.extract.typer import retyped, unread_sectors
from kg.extract.unitdeals import without_owner_deals
from kg.extract.vehicles import buying_vehicles
from kg.extract.wireplaces import state_abbreviations, venue_possessives
from kg.model import Article, Extraction
from kg.resources import languages
from kg.schema import RELATION_TYPES, link_key

__all__ = ["DEFAULT_ENGINE", "ENGINES", "LLM_ENGINES", "Engine", "extract", "language_of", "read"]


def _run(article: Article, language: str, engine: Engine, *, rules: bool = True, learned: bool = False) -> Extraction:
    mentions, found = read(article, language, engine, rules=rules, learned=learned)
    return assemble(article, language, mentions, found, models=engine.models)


def read(article: Article, language: str, engine: Engine, *, rules: bool = True, learned: bool = False
         ) -> tuple[list[Mention], list[Found]]:
    """The mentions and the sentence-level relations of one article, before :func:`assemble` makes them
    an Extraction (the LLM engine joins its own to the hybrid engine's here)."""
    lex = load_lexicon(language)
    gaz = gaz_index(language)
    models = engine.models  # a model folder (kg train), read instead of the shipped files it holds
    sentences = split_sentences(article.text, article.segments(), lex)
    # Pass 1: names from the gazetteer, patterns and context, sentence by sentence.
    hits = [find_cues(s, lex) for s in sentences]
    first: list[list[Mention]] = []
    headline = learned and text_casing(article.text[:1000]) == "title"
    readings = tagger_readings(sentences, language=language, models=models) if learned else []
    for s, h in zip(sentences, hits, strict=True):
        names = find_names(s, lex, gaz)
        names, bare = held_out(s, names, lex, gaz)  # "bank": read after the tagger (kg.extract.baresector)
        typed = type_by_context(s, lex, gaz, names, h)
        # a name found by context replaces the sector words inside it ("Media Group Network")
        names = [n for n in names if not any(t.i < n.j and n.i < t.j for t in typed)]
        if learned:
            # Precedence: gazetteer and pattern names, then products after a launch verb ("launched the
            # Atlas Mover"), then the tagger (better at people, places and organisations than guesses from
            # the neighbouring words), then the other context guesses.
            products = [t for t in typed if t.type == "Product"]
            reading = readings[s.index]
            tagged = tagged_names(s, gaz, names + products, language=language, models=models, reading=reading)
            # a pattern's name, or a list's name inside a longer one, gives way to a tagger's name the
            # model is sure of (tagged_names)
            names = [n for n in names if not (_overlaps(n, tagged) if n.source == "pattern" else _inside(n, tagged))]
            typed = products + [t for t in typed if t.type != "Product" and not _overlaps(t, tagged)] + tagged
            # a headline's capitalised run that only a pattern read as a name, and the tagger not at all
            gone = unconfirmed_guesses(s, names + typed, language=language, models=models, headline=headline,
                                       reading=reading)
            if gone:
                names = [n for n in names if n not in gone]
                typed = [t for t in typed if t not in gone]
        # "the Angolan Government": a country's adjective and a body's head word (kg.extract.demonymbodies)
        kept = demonym_bodies(s, names + typed, lex, gaz)
        # "Commission on Good Government": a body's name goes on after its head word (kg.extract.bodies)
        kept = whole_bodies(s, kept, lex, gaz)
        kept = venue_possessives(s, kept, lex)  # "Ford's Theater": a venue's name, not the company
        kept = with_possessive(s, kept, lex, gaz)  # "Sotheby's, director of ...": the "'s" is the name's
        kept = split_addresses(s, kept, gaz)  # "Springfield, Va." read as one place: a town and its state
        kept = split_person_of(s, kept, gaz)  # "Rosario Ilaqua of L.F. Rothschild" read as one person
        kept = list_kinds(s, kept, lex, gaz)  # "hewlett packard, dell, sony": a tagger's person among companies
        kept = brand_names(s, kept, lex, gaz)  # "the Charles Lefranc Cellars label": a brand, a product
        kept = spelled_acronyms(s, kept, lex)  # "Sambungan Langsung Jarak Jauh (SLJJ)": no name
        kept = firm_tails(s, kept, lex, gaz)  # "Masindo Artha Sekuritas": a firm's word ends its name
        kept = partner_firms(s, kept, lex, gaz)  # "Goldman, Sachs and Co": one firm, not a list
        kept = spaced_hyphens(s, kept, lex, gaz)  # "Prudential - Bache Securities": one name, tokenized apart
        kept = connected_names(s, kept, lex, gaz)  # "Petroles de Venezuela": a foreign name's connector
        kept = person_edges(s, kept, lex, gaz)  # "H. Neil Nichols": the initial; "Hurricane Hugo": no person
        kept = without_common_acronyms(s, kept, lex, gaz)  # "Safaricom CEO", "an MoU": a title, a common noun
        kept = countries_in_names(s, kept, lex, gaz)  # "Aluminum Co of America": the country word is the name's
        kept = product_numbers(s, kept, lex, gaz)  # "Windows Mobile 7": the number is the model's
        kept = name_numbers(s, kept, lex, gaz)  # "PT Angkasa Pura 2 .": the number is the unit's
        kept = cited_outlets(s, kept, lex, gaz)  # "dikutip the telegraph": the outlet quoted, a company
        kept = split_makers(s, kept, lex, gaz)  # "xiaomi redmi note 5": the maker, then its model
        kept = described_firms(s, kept, lex, gaz)  # "Pinewood merupakan perusahaan Inggris": a company
        kept = without_place_heads(s, kept, lex, gaz)  # "kota new york": the place is "new york"
        kept = passing_sectors(s, kept, lex)  # "the steel industry": a line of business in passing
        kept = bare_sectors(s, kept, bare, lex)  # "Saham Bank Jumbo": the class; "MNC Bank": part of a name
        kept = holders_after_title(s, kept, lex, gaz, h)  # "Direktur PT Telkom Guntur Siregar ditetapkan"
        kept = source_line(s, kept, gaz, lex)  # "Paris AFP": a wire story's place and source
        # "Portland, Ore.": the state, as AP abbreviates it (after the source line: "MEMPHIS , Tenn ." has none)
        kept = state_abbreviations(s, kept, lex, gaz)
        kept = without_listed_pieces(s, kept, lex)  # "Fitch" of "Fitch Ratings": a piece of a longer name
        # "US$", "U.S. dlrs", "Dolar AS": a currency, not a place
        # "Grab-Emtek", "Rusia-Ukraina": two names joined by a hyphen, not one
        kept = sorted((m for m in kept if not names_currency(s, m, lex) and not joined_pair(s, m, gaz, lex)),
                      key=lambda m: m.i)
        # "pengguna iphone": a product the tagger read as a company, retyped by its context (kg.extract.typer)
        first.append(retyped(s, kept, gaz, language=language, models=models) if learned else kept)
    # Pass 2: short forms of the names this article introduced, then descriptions.
    aliases = local_aliases(article.text, [m for ms in first for m in ms], gaz, lex.cue_words)
    mentions: list[Mention] = []
    for s, names in zip(sentences, first, strict=True):
        extra = find_aliases(s, names, aliases)
        if extra:
            names = [n for n in names if not any(a.i < n.j and n.i < a.j for a in extra)] + extra
        names = sorted(names, key=lambda m: m.i)
        mentions += sorted(names + find_descriptions(s, names, lex), key=lambda m: m.i)
    known_country = {m.key: m.country for m in mentions if m.country}
    mentions = resolve_descriptions(sentences, mentions, lex, known_country)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sent].append(m)
    found: list[Found] = []
    # a line of business read in passing (kg.extract.passingsector) is no party of a link: the constructions
    # next to a company read their own
    in_order = [sorted((m for m in by_sentence.get(s.index, []) if not (m.passing and m.source == "pattern")),
                       key=lambda m: (m.i, -m.j)) for s in sentences]
    lines = [[m for m in by_sentence.get(s.index, []) if m.passing and m.type == "Sector"] for s in sentences]
    asked: list[tuple[Asked, list[tuple[str | None, float]]]] = []
    if learned:
        from kg.extract.pairscore import classify_many

        # the pair classifier's questions of every sentence first, answered together (one numpy sum
        # for the article); what the rules read decides later which answers stand
        questions = [asked_pairs(s, ms, language=language) for s, ms in zip(sentences, in_order, strict=True)]
        answers = classify_many([(s.tokens, q.spans()) for s, q in zip(sentences, questions, strict=True)],
                                language=language, models=models)
        asked = list(zip(questions, answers, strict=True))
    for s, ms in zip(sentences, in_order, strict=True):
        here = list(find_relations(s, lex, ms, hits[s.index], learned=learned, models=models)) if rules else []
        if rules:
            here = without_activity_places(s, lex, ms, here)  # "shares rose in Canada after X's bid"
            # "USAir rejected TWA's offer": the bidder and the one other company (kg.extract.ownbid)
            here += possessed_bids(s, lex, ms, hits[s.index], here, learned=learned, models=models)
        if learned:
            # a pair a construction read whole ("no plans to sell its stake in Y": no acquisition of Y)
            # gets no other link from the classifier
            known = {link_key(f.type, f.subject.key, f.object.key) for f in here}
            known |= {link_key(t, a, b) for f in here if f.whole for a, b in ((f.subject.key, f.object.key),
                                                                          (f.object.key, f.subject.key))
                      for t in RELATION_TYPES}
            # a state the rules read as a party ("Indonesia sued X") acts in this sentence: it is not
            # where the other party is based
            known |= {link_key("based_in", a, b) for f in here if "Country" in (f.subject.type, f.object.type)
                      for a, b in ((f.subject.key, f.object.key), (f.object.key, f.subject.key))}
            known |= portfolios(s, lex, ms, hits[s.index])  # "Direktur Keuangan Pertamina": no one's job
            known |= refused_jobs(s, lex, ms, hits[s.index])  # "Kementerian BUMN Tunjuk X Jadi Dirut BRI"
            # "Heublein, a former subsidiary of RJR, was acquired by Z": no deal of Z with RJR
            known |= apposition_blocks(s, lex, ms, here)
            # "Tenvar said its wholly owned subsidiary, Lumeo, ...": a parent does not buy its own unit
            known |= parent_blocks(here)
            # "Irvine, Calif.-based AFG": a place the rules give to one organisation is no other's
            known |= claimed_places(s, ms, here)
            known |= claimed_people(s, ms, here)  # "Emery's chairman, John C. Emery": not Purolator's too
            known |= activity_places(s, lex, ms)  # "sued X in federal court in Boston": no one's base
            here += classified_relations(s, ms, known, language=language, models=models, hits=hits[s.index],
                                         read=asked[s.index])
        here = present_names(s, lex, ms, here)  # "X (formerly Y) ...": Y's links are X's
        here = listed_names(s, ms, here)  # "X (NYSE: LUV)": the ticker's links are X's, the exchange has none
        here = buying_vehicles(ms, here, language)  # "GenCorp ... General Acquisition Co's offer": the vehicle buys
        here = without_owner_deals(here)  # "X's unit Y agreed to buy Z": X does not buy Z
        here = without_adviser_deals(s, lex, ms, here)  # "First Boston as financial advisers on the offer"
        if rules and lines[s.index]:
            here += passing_links(s, lines[s.index], ms, lex)  # "another publishing firm, Harcourt Brace Inc"
        # "X of Toledo, Ohio": based in the town is based in its region too
        here += regional_links(s, ms, here)
        # "the acquisition of Y from X": Y was X's (kg.extract.sale.sold_from)
        here += sold_from(s, lex, ms, here)
        here = fact_statuses(s, lex, hits[s.index], here)  # "sold its shoe divisions": that business has ended
        found += here
    if learned:  # "Saham Banking ...": a sector word no link names and the typer reads as no sector
        mentions = unread_sectors(sentences, mentions, found, gaz, language=language, models=models)
    return mentions, found


# rules: lexicons and patterns only (the default: fast, explainable, no model files);
# model: the CRF tagger's names and the pair classifier's relations on top of the gazetteer;
# hybrid: both, the rules winning where they overlap.
def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.i < m.j and m.i < o.j for o in others)


def _inside(m: Mention, others: list[Mention]) -> bool:
    return any(o.i <= m.i and m.j <= o.j for o in others)


def _llm(article: Article, language: str, engine: Engine, *, hybrid: bool = False) -> Extraction:
    # imported here: nothing of the LLM engine loads unless it is chosen
    from kg.extract.llm import extract_llm

    return extract_llm(article, language, engine, hybrid=hybrid)


# An engine is called with the article, its language and the Engine value (name and settings).
# llm: a language model's reading (an OpenAI-compatible server, docs/llm.md), grounded in the text;
# llm+hybrid: its union with the hybrid engine, the rules' status winning where both read a link.
ENGINES: dict[str, Callable[[Article, str, Engine], Extraction]] = {
    "rules": functools.partial(_run, rules=True, learned=False),
    "model": functools.partial(_run, rules=False, learned=True),
    "hybrid": functools.partial(_run, rules=True, learned=True),
    "llm": functools.partial(_llm, hybrid=False),
    "llm+hybrid": functools.partial(_llm, hybrid=True),
}


def extract(article: Article, *, engine: str | Engine = DEFAULT_ENGINE) -> Extraction:
    """Extract entities and relations from one article.

    ``engine`` is a name of :data:`ENGINES` or an :class:`Engine` (a name with
    its settings: a model folder, an LLM server). The language is the article's
    own if kg has a lexicon for it, else detected from the text among kg's languages.
    """
    spec = as_engine(engine)
    return ENGINES[spec.name](article, language_of(article), spec)


def language_of(article: Article) -> str:
    """The language kg reads ``article`` in: its own if kg has a lexicon for it, else detected from the
    text among kg's languages."""
    lang = article.language if article.language in languages() else None
    if lang is None:
        lang = detect(" ".join(article.text[a:b] for a, b in article.segments()))
    return lang
