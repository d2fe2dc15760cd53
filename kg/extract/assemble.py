"""From mentions and sentence-level relations to one article's Extraction.

Within an article, names are merged when one is a shorter form of another
("Nusantara Baterai" and "PT Nusantara Baterai Energi Tbk", "Hyundai" and "Hyundai
Motor Company"), a person's surname with or without a title ("Icahn", "Mr. Icahn"
and "Carl Icahn"), or an acronym of it ("Bank Rakyat Indonesia (BRI)", "BRI" after
"Bank Rakyat Indonesia"): :mod:`kg.extract.merging` says which. Labels are normalised: white space and line breaks
collapsed, no trailing "(ACRONYM)" or ticker. A relation read from several sentences
becomes one relation whose status follows ``kg.schema.STATUS_PRECEDENCE``. A directed relation read both ways in one
article ("A acquires B" in one sentence, "B acquires A" in another) keeps the
direction with the stronger evidence (:func:`one_direction`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.merging import clean_label, majority_type, merge_map, resolves, untitled
from kg.extract.parts import bought_instead
from kg.extract.stake import as_investment, one_deal_type
from kg.extract.typecheck import checked_type
from kg.extract.venues import demonym_words, no_party
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from kg.schema import RELATION_TYPES, link_id, link_key, strongest_status


def _deals(found: list[Found], language: str, text: str, lex: Lexicon) -> list[Found]:
    """``found`` as deals: "bought 9.5 pct of Y" a stake, not control (kg.extract.stake); "acquired the
    container business of Y" dropped (Y sold a part, Y was not bought); "the purchase of 22 new Lumeo 787
    jets" the maker's supply to the buyer with the deal's status (kg.extract.parts); a country named in
    passing is no party."""
    out = []
    for f in found:
        bought = bought_instead(f, language)
        if bought == "part" or _country_in_passing(f, text, lex):
            continue
        if bought == "product":
            f = replace(f, type="supply", subject=f.object, object=f.subject, whole=False)
        out.append(as_investment(f, language))
    return out


def assemble(article: Article, language: str, mentions: list[Mention], found: list[Found], *,
             models: str | None = None) -> Extraction:
    from kg.evaluate.casing import casing
    from kg.extract import confidence as calib
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon

    case = casing(article.text[:1000])  # the head decides: a headline, or an article's first paragraphs
    # a party only a relation construction named ("a maker of circuit boards") is a mention too
    have = {(m.sent, m.i, m.j, m.key) for m in mentions}
    for f in found:
        for m in (f.subject, f.object):
            if (m.sent, m.i, m.j, m.key) not in have:
                have.add((m.sent, m.i, m.j, m.key))
                mentions = [*mentions, m]
    gaz = gaz_index(language)
    lex = load_lexicon(language)
    apart = frozenset(frozenset((f.subject.key, f.object.key)) for f in found if f.whole)
    remap = merge_map(mentions, article.text, language, apart)

    def key(m: Mention) -> str:
        return resolves(m.key, remap)

    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.key:
            by_key[key(m)].append(m)

    groups: dict[tuple[str, str, str], list[Found]] = defaultdict(list)
    deals = _deals(found, language, article.text, lex)
    for f in one_deal_type(deals, language, key):  # "buying additional USAir shares": not acquisition too
        s, o = key(f.subject), key(f.object)
        if s == o:
            continue
        groups[link_key(f.type, s, o)].append(f)
    groups = one_direction(groups)

    used: set[str] = set()
    parties: set[str] = set()  # the parties of links other than based_in: a state may act ("the Indonesian government")
    relations = []
    for (rtype, s, o), fs in sorted(groups.items()):
        status = strongest_status([f.status for f in fs])
        speakers = [key(f.speaker) for f in fs if f.status == status and f.speaker is not None]
        sectors = Counter(key(f.sector) for f in fs if f.sector is not None)
        sector = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if sectors else None
        evidence = sorted({Evidence(f.sentence.start, f.sentence.end, f.sentence.text) for f in fs})
        raw = min(0.95, max(f.confidence for f in fs) + 0.05 * (len(evidence) - 1))
        conf = calib.relation_confidence(language, raw, models)
        rel = Relation(
            link_id(rtype, s, o),
            rtype,
            s,
            o,
            status,
            speakers[0] if speakers else None,
            sector,
            round(conf, 3),
            tuple(evidence),
        )
        relations.append(rel)
        used.update(x for x in (s, o, rel.attributed_to) if x)
        if rtype != "based_in":
            parties.update((s, o))
        if sector and lex.settings.get("sector_attribute_is_entity", True):
            used.add(sector)

    last_sent = max((m.sent for m in mentions), default=0)
    # a language whose passing sectors are read only before a generic head keeps each ("the steel industry")
    every_passing = lex.settings.get("passing_sectors_salient", False) is True
    # and one whose passing lines in words are kept only where a company is linked to them
    linked_only = lex.settings.get("passing_lines_linked_only", False) is True
    floor = calib.entity_floor(language, models)
    entities = []
    for k, ms in sorted(by_key.items()):
        named = [m for m in ms if m.source != "coref"]
        if not named:
            continue
        first = named[0]
        if (first.type == "Sector" and k not in used and not _salient_sector(named, last_sent)
                and not (every_passing and any(m.passing for m in named))):
            continue  # a sector word in passing is not part of the story (unless the language says it is)
        if (linked_only and first.type == "Sector" and k not in used
                and all(m.passing and m.source == "pattern" for m in named)):
            continue  # a line of business read in passing in words only, which no company operates in
        own = [m for m in named if m.key == k] or named  # the full name's own mentions decide
        if any(m.source == "gazetteer" for m in own):
            g = next(m for m in own if m.source == "gazetteer")
            label, etype = g.label, g.type
        else:
            label = clean_label(max((" ".join(m.text.split()) for m in own), key=lambda t: (len(t), t)))
            types = Counter(m.type for m in own)
            etype = checked_type(majority_type(types), own, lex)
            if etype == "Person" and lex.settings.get("person_label_drops_titles", False):
                label = untitled(label, language)  # "Mr. Pesch" is Pesch; the mention keeps what the text says
        known = gaz.get(k)
        if (etype == "Country" and k not in parties
                and _adjectives_only(named, lex, (known.label, *known.aliases) if known else ())):
            # "Canadian" names no country, not even where it places a company ("Australian miner Redgum"):
            # the annotation guidelines leave adjectives untagged (docs/annotations.md), so the based_in it
            # reads goes with it (a relation needs both its entities, below). A state that acts ("the
            # Indonesian government signed ...") stays.
            continue
        surfaces = sorted(({m.text for m in named} | set(known.aliases if known else ())) - {label})
        wikidata = next((m.wikidata for m in named if m.wikidata), None)
        spans = tuple(sorted({Span(m.start, m.end, m.text) for m in ms}))
        bucket = calib.entity_features(language, case, calib.evidence(named), len(named))
        conf = calib.entity_confidence(bucket, models, etype)
        if conf < floor and k not in used:
            continue  # a name more often wrong than the table's floor, which no relation needs (kg.extract.confidence)
        entities.append(Entity(k, label, etype, tuple(surfaces), wikidata, spans, conf))
    # Entities take their final (majority) type only here, so a relation read from mention types
    # can now join an entity of the wrong type ("PT Robert Tbk" and "Robert"): keep what the schema allows.
    final_type = {e.id: e.type for e in entities}
    # A court or regulator rules on a deal but is not its buyer, target or investor, a ministry is no
    # partner in a merger (kg.extract.venues).
    by_id = {e.id: e for e in entities}
    relations = [
        r if r.sector is None or r.sector in final_type else replace(r, sector=None)
        for r in relations
        if final_type.get(r.subject) in RELATION_TYPES[r.type].subject_types
        and final_type.get(r.object) in RELATION_TYPES[r.type].object_types
        and not any(no_party(r.type, by_id[x].label, by_id[x].type, language) for x in (r.subject, r.object))
    ]
    art = article if article.language else _with_language(article, language)
    return Extraction(art, tuple(entities), tuple(relations))


def _salient_sector(named: list[Mention], last_sent: int) -> bool:
    """Whether a sector no relation links is part of the story: a sector word that stands alone
    (``Mention.passing``) in a headline or a short text, or named twice. In a long article a sector
    named once in passing ("... integrasi kecerdasan buatan, serta manufaktur") is background."""
    alone = [m for m in named if m.passing]
    return bool(alone) and (last_sent <= 1 or len(named) >= 2 or any(m.sent == 0 for m in alone))


def _adjectives_only(named: list[Mention], lex: object, names: tuple[str, ...]) -> bool:
    """Every mention is a demonym that is not also one of the country's names ("U.S." is both)."""
    settings = getattr(lex, "settings", {})
    if not settings.get("demonyms_are_adjectives", False):
        return False
    own = {n.lower() for n in names}
    demonyms = demonym_words(getattr(lex, "code", "en")) - own
    return all(" ".join(m.text.split()).lower() in demonyms for m in named)


def one_direction(groups: dict[tuple[str, str, str], list[Found]]) -> dict[tuple[str, str, str], list[Found]]:
    """Keep one direction per directed link: the one more sentences (weighted by confidence) read;
    on a tie, the one read first (the headline and lead state the deal most plainly).

    Wire text rarely states a deal backwards, but a parse can: a passive missed in one sentence
    ("B, which was bought by A") must not make the article claim both "A acquired B" and
    "B acquired A".
    """
    out = dict(groups)
    for (rtype, s, o), fs in groups.items():
        back = (rtype, o, s)
        if RELATION_TYPES[rtype].symmetric or back not in out or (rtype, s, o) not in out:
            continue
        rs = groups[back]
        mine = (sum(f.confidence for f in fs), -min(f.sentence.start for f in fs))
        theirs = (sum(f.confidence for f in rs), -min(f.sentence.start for f in rs))
        # Equal weight and the same first sentence: the key order decides, so the outcome is stable.
        if (mine, s) > (theirs, o):
            del out[back]
        else:
            del out[rtype, s, o]
    return out


def _with_language(article: Article, language: str) -> Article:
    return replace(article, language=language)


def _country_in_passing(f: Found, text: str, lex: Lexicon) -> bool:
    """Where a language says so (``country_partners_country``: Indonesian partnership), a country named on its
    own is a party of such a link only with another country ("kerja sama RI dan Swiss"); with a company it is
    where the link happens or whose customers it serves ("kerja sama ini ... fans di Indonesia"), unless named
    as the state ("Pemerintah Indonesia meneken kerja sama dengan X": an Organization head before it)."""
    if "country_partners_country" not in lex.settings or f.type not in lex.words("country_partners_country"):
        return False
    sub, obj = f.subject.type == "Country", f.object.type == "Country"
    if sub == obj:
        return False
    country = f.subject if sub else f.object
    heads = lex.settings.get("description_heads", {})
    assert isinstance(heads, dict)
    before = text[: country.start].split()[-1:]
    return not (before and heads.get(before[0].lower()) == "Organization")
