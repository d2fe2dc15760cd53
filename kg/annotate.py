"""An engine's reading as stand-off annotations (``kg annotate``): one unit per sentence.

Each sentence of an article (kg's sentence splitter, offsets into the article
text) becomes a :class:`kg.annotations.Unit`: the name mentions of the
extraction's entities inside it, and the relations read from it (their evidence
lies in the sentence) with both parties named in it. The records are those of
``annotations/`` plus ``source``, the input file, so that the text can be found
again (:func:`kg.annotations.materialise_sources`); they never hold text.

A sentence is left out, not written as a negative, when a relation read from it
cannot be written: a party that is only a description there ("the company",
"perseroan") or a mention hidden by an overlapping one. Writing it without the
relation would teach that the sentence holds none (the hand annotations make the
same choice, docs/annotations.md).

>>> from kg.extract import extract
>>> from kg.model import Article
>>> text = "Xiaomi membantah kemitraan dengan Ford Motor Company. Harga naik."
>>> done = annotate(extract(Article(id="a", text=text, language="id"), engine="rules"), source="a.txt")
>>> [(u.start, u.end, len(u.entities), [(r.type, r.status) for r in u.relations]) for u in done.units]
[(0, 53, 2, [('partnership', 'denied')]), (54, 65, 0, [])]
>>> annotate(extract(Article(id="a", text=text, language="id"), engine="rules"), source="a.txt",
...          skip_empty=True).skipped
1
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.annotations import Unit, parse_unit, unit_hash
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from kg.schema import ENTITY_TYPES

__all__ = ["Annotated", "annotate", "in_unit", "source_of"]


@dataclass(frozen=True, slots=True)
class Annotated:
    """One article's units, and how many sentences were not written (and why)."""

    units: tuple[Unit, ...]
    left_out: int = 0  # a relation read there could not be written (description, hidden mention)
    skipped: int = 0  # no entity, with ``skip_empty``


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: str
    type: str


def source_of(article: Article) -> str:
    """The input file an article was read from: its origin without a JSONL line number.

    >>> source_of(Article(id="b", text="x", origin="feeds/day.jsonl:12"))
    'feeds/day.jsonl'
    >>> source_of(Article(id="a", text="x", origin="news/a.txt"))
    'news/a.txt'
    """
    origin = article.origin or article.id
    head, sep, tail = origin.rpartition(":")
    if sep and tail.isdigit() and head.lower().endswith(".jsonl"):
        return head
    return origin


def _names(entity: Entity) -> set[str]:
    # A named mention's surface is the label or one of the aliases; a coreference description
    # ("the company") is neither, and the hand annotations never tag descriptions.
    return {" ".join(s.split()) for s in (entity.label, *entity.aliases)}


def _mentions(x: Extraction) -> list[_Mention]:
    """The name mentions of every entity, trimmed of white space, sorted by offset."""
    text = x.article.text
    out = []
    for entity in x.entities:
        if entity.type not in ENTITY_TYPES:
            continue
        names = _names(entity)
        for span in entity.mentions:
            start, end = span.start, span.end
            covered = text[start:end]
            if not covered.strip() or " ".join(covered.split()) not in names:
                continue
            start += len(covered) - len(covered.lstrip())
            end -= len(covered) - len(covered.rstrip())
            out.append(_Mention(start, end, entity.id, entity.type))
    return sorted(set(out), key=lambda m: (m.start, -m.end, m.entity))


def _disjoint(mentions: Sequence[_Mention]) -> list[_Mention]:
    """Leftmost, then longest, mentions that do not overlap (``mentions`` sorted so)."""
    kept: list[_Mention] = []
    for m in mentions:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _read_here(relation: Relation, start: int, end: int, present: set[str]) -> bool:
    """Whether a relation was read from the sentence ``[start, end)``.

    By its evidence; a relation without evidence (an engine may give none) is
    taken where both parties are named.
    """
    if relation.evidence:
        return any(start <= ev.start < end for ev in relation.evidence)
    return relation.subject in present and relation.object in present


def _index(entity: str | None, kept: Sequence[_Mention], relation: Relation) -> int | None:
    """The index of ``entity``'s mention among ``kept``: the one inside the evidence if any, else the first."""
    if entity is None:
        return None
    own = [i for i, m in enumerate(kept) if m.entity == entity]
    for i in own:
        if any(ev.start <= kept[i].start and kept[i].end <= ev.end for ev in relation.evidence):
            return i
    return own[0] if own else None


def _unit(x: Extraction, language: str, source: str, start: int, end: int,
          mentions: list[_Mention]) -> Unit | None:
    """The unit of the sentence ``[start, end)``, or None when a relation read there cannot be written."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    present = {m.entity for m in inside}
    kept = _disjoint(inside)
    relations: set[tuple[int, int, str, str, int | None]] = set()
    for rel in x.relations:
        if not _read_here(rel, start, end, present):
            continue
        subject, obj = _index(rel.subject, kept, rel), _index(rel.object, kept, rel)
        if subject is None or obj is None or subject == obj:
            return None
        relations.add((subject, obj, rel.type, rel.status, _index(rel.attributed_to, kept, rel)))
    record = {
        "doc_id": x.article.id,
        "unit": [start, end],
        "language": language,
        "unit_sha256": unit_hash(x.article.text[start:end]),
        "entities": [{"start": m.start, "end": m.end, "type": m.type} for m in kept],
        "relations": [
            {"subject": s, "object": o, "type": t, "status": st, "attributed_to": a}
            for s, o, t, st, a in sorted(relations, key=lambda r: (*r[:4], -1 if r[4] is None else r[4]))
        ],
        "negative": not relations,
        "source": source,
    }
    try:
        return parse_unit(record)
    except ValueError:  # a relation the schema does not allow between these mention types
        return None


def annotate(x: Extraction, *, source: str, skip_empty: bool = False) -> Annotated:
    """The units of one extraction's article, one per sentence, in text order.

    ``source`` is the input file the article was read from (:func:`source_of`);
    ``skip_empty`` leaves out the sentences with no entity (by default they are
    written, as negatives: what the engine saw no name in).
    """
    from kg.extract.language import detect
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences
    from kg.resources import languages

    language = x.article.language
    if language not in languages():  # an engine that did not record it: found as kg.extract.extract finds it
        language = detect(" ".join(x.article.text[a:b] for a, b in x.article.segments()))
    mentions = _mentions(x)
    units: list[Unit] = []
    left_out = skipped = 0
    for sentence in split_sentences(x.article.text, x.article.segments(), load_lexicon(language)):
        unit = _unit(x, language, source, sentence.start, sentence.end, mentions)
        if unit is None:
            left_out += 1
        elif skip_empty and not unit.entities:
            skipped += 1
        else:
            units.append(unit)
    return Annotated(tuple(units), left_out, skipped)


def in_unit(x: Extraction, start: int, end: int, *, doc_id: str | None = None) -> Extraction:
    """What an article's extraction says inside the unit ``[start, end)`` of its text, as the unit's own.

    The hand annotations are sentences of articles; scoring the whole article's
    reading sentence by sentence (``scripts/eval_annotations.py --context article``)
    keeps what only the article shows: a short name joined to the full name of an
    earlier sentence, with its type. Kept are the entities with a name mention in
    the unit (whole, with their label and aliases, as the scorer reads any entity:
    its gazetteer aliases match gold names in unit-by-unit extraction too; only the
    mentions there, shifted to the unit) and the relations read there
    (:func:`_read_here`) between two of them, as :func:`annotate` writes them; a
    speaker or sector named elsewhere is dropped.

    >>> text = "Hayes Micro Products Inc said so. Hayes sued Zenith Corp."
    >>> hayes = Entity("h", "Hayes Micro Products Inc", "Company", ("Hayes",),
    ...                mentions=(Span(0, 24, text[0:24]), Span(34, 39, "Hayes")))
    >>> zenith = Entity("z", "Zenith Corp", "Company", mentions=(Span(45, 56, text[45:56]),))
    >>> sued = Relation("r", "legal_dispute", "h", "z", "asserted", evidence=(Evidence(34, 57, text[34:57]),))
    >>> x = Extraction(Article("a", text), (hayes, zenith), (sued,))
    >>> unit = in_unit(x, 34, 57, doc_id="a:34")
    >>> unit.article.text, [(e.label, [m.text for m in e.mentions]) for e in unit.entities]
    ('Hayes sued Zenith Corp.', [('Hayes Micro Products Inc', ['Hayes']), ('Zenith Corp', ['Zenith Corp'])])
    >>> [(r.type, r.evidence[0].start, r.evidence[0].end) for r in unit.relations]
    [('legal_dispute', 0, 23)]
    >>> [e.label for e in in_unit(x, 0, 33).entities], in_unit(x, 0, 33).relations
    (['Hayes Micro Products Inc'], ())
    """
    here = [m for m in _mentions(x) if start <= m.start and m.end <= end]
    present = {m.entity for m in here}
    spans = {(m.entity, m.start, m.end) for m in here}
    text = x.article.text
    entities = tuple(
        replace(e, mentions=tuple(Span(a - start, b - start, text[a:b])
                                  for a, b in sorted({(m[1], m[2]) for m in spans if m[0] == e.id})))
        for e in x.entities if e.id in present
    )
    relations = tuple(
        replace(r, attributed_to=r.attributed_to if r.attributed_to in present else None,
                sector=r.sector if r.sector in present else None,
                evidence=tuple(Evidence(ev.start - start, min(ev.end, end) - start, text[ev.start:min(ev.end, end)])
                               for ev in r.evidence if start <= ev.start < end))
        for r in x.relations
        if r.subject in present and r.object in present and _read_here(r, start, end, present)
    )
    article = replace(x.article, id=doc_id or x.article.id, text=text[start:end], regions=())
    return Extraction(article, entities, relations, x.warnings)
