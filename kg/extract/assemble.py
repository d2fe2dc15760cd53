"""From mentions and sentence-level relations to one article's Extraction.

Within an article, names are merged when one is a shorter form of another
("Nusantara Baterai" and "PT Nusantara Baterai Energi Tbk") or an acronym
defined in the text ("Bank Rakyat Indonesia (BRI)"). A relation read from
several sentences becomes one relation whose status follows
``kg.schema.STATUS_PRECEDENCE``. A directed relation read both ways in one
article ("A acquires B" in one sentence, "B acquires A" in another) keeps the
direction with the stronger evidence (:func:`one_direction`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.extract.mentions import Mention
from kg.extract.relations import Found
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from kg.names import normalize
from kg.schema import ORG_TYPES, RELATION_TYPES, link_id, link_key, strongest_status

_TYPE_ORDER = ("Company", "Organization", "Person", "Country", "Place", "Product", "Sector")


def _merge_map(mentions: list[Mention], text: str) -> dict[str, str]:
    """key -> canonical key for names that are shorter forms or acronyms of another."""
    names = [m for m in mentions if m.source == "pattern" and m.type in ORG_TYPES]
    full: dict[str, tuple[str, ...]] = {}
    for m in mentions:
        if m.source != "coref" and m.type in ORG_TYPES:
            toks = tuple(normalize(m.text).split())
            if len(toks) > len(full.get(m.key, ())):
                full[m.key] = toks
    out: dict[str, str] = {}
    for m in names:
        mine = tuple(normalize(m.text).split())
        best = None
        for key, toks in full.items():
            longer = key != m.key and len(toks) > len(mine) and toks[: len(mine)] == mine and mine
            if longer and (best is None or len(toks) > len(full[best])):
                best = key
        if best is not None:
            out[m.key] = best
    # Acronyms and tickers defined in brackets right after a name: "Bank Rakyat Indonesia (BRI)".
    for m in mentions:
        if m.source == "coref" or m.type not in ORG_TYPES:
            continue
        tail = text[m.end : m.end + 12]
        if tail.startswith(" (") and ")" in tail:
            acro = tail[2 : tail.index(")")]
            if acro.isupper() and 2 <= len(acro) <= 6:
                for other in mentions:
                    if other.text == acro and other.key != m.key:
                        out[other.key] = m.key
    return out


def assemble(article: Article, language: str, mentions: list[Mention], found: list[Found]) -> Extraction:
    from kg.extract.gazindex import gaz_index

    gaz = gaz_index(language)
    remap = _merge_map(mentions, article.text)

    def key(m: Mention) -> str:
        k = m.key
        while k in remap:
            k = remap[k]
        return k

    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.key:
            by_key[key(m)].append(m)

    groups: dict[tuple[str, str, str], list[Found]] = defaultdict(list)
    for f in found:
        s, o = key(f.subject), key(f.object)
        if s == o:
            continue
        groups[link_key(f.type, s, o)].append(f)
    groups = one_direction(groups)

    used: set[str] = set()
    relations = []
    for (rtype, s, o), fs in sorted(groups.items()):
        status = strongest_status([f.status for f in fs])
        speakers = [key(f.speaker) for f in fs if f.status == status and f.speaker is not None]
        sectors = Counter(key(f.sector) for f in fs if f.sector is not None)
        sector = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if sectors else None
        evidence = sorted({Evidence(f.sentence.start, f.sentence.end, f.sentence.text) for f in fs})
        conf = min(0.95, max(f.confidence for f in fs) + 0.05 * (len(evidence) - 1))
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
        used.update(x for x in (s, o, rel.attributed_to, sector) if x)

    entities = []
    for k, ms in sorted(by_key.items()):
        named = [m for m in ms if m.source != "coref"]
        if not named:
            continue
        first = named[0]
        if first.type == "Sector" and k not in used:
            continue  # a sector word in passing is not part of the story
        if first.source == "gazetteer" or any(m.source == "gazetteer" for m in named):
            g = next(m for m in named if m.source == "gazetteer")
            label, etype = g.label, g.type
        else:
            label = max((m.text for m in named), key=lambda t: (len(t), t))
            types = Counter(m.type for m in named)
            etype = sorted(types, key=lambda t: (-types[t], _TYPE_ORDER.index(t)))[0]
        known = gaz.get(k)
        surfaces = sorted(({m.text for m in named} | set(known.aliases if known else ())) - {label})
        wikidata = next((m.wikidata for m in named if m.wikidata), None)
        spans = tuple(sorted({Span(m.start, m.end, m.text) for m in ms}))
        entities.append(Entity(k, label, etype, tuple(surfaces), wikidata, spans))
    # Entities take their final (majority) type only here, so a relation read from mention types
    # can now join an entity of the wrong type ("PT Robert Tbk" and "Robert"): keep what the schema allows.
    final_type = {e.id: e.type for e in entities}
    relations = [
        r
        for r in relations
        if final_type.get(r.subject) in RELATION_TYPES[r.type].subject_types
        and final_type.get(r.object) in RELATION_TYPES[r.type].object_types
    ]
    art = article if article.language else _with_language(article, language)
    return Extraction(art, tuple(entities), tuple(relations))


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
    from dataclasses import replace

    return replace(article, language=language)
