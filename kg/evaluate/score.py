"""Scoring one document: match predicted entities and relations to gold ones by name.

A predicted entity's names are its label, aliases and mention texts; a gold
entity's are its label, aliases and (for inline text) mention texts. Two names
match when :func:`kg.names.normalize` gives the same key (case, punctuation and
legal forms such as PT, Tbk, Inc, Corp ... do not count). Each gold item is
matched to at most one prediction: a maximum matching, first among pairs that
also agree on type (entities) or status (relations), then among the rest.

>>> Counts(tp=3, fp=1, fn=2).to_json()
{'precision': 0.75, 'recall': 0.6, 'f1': 0.6667, 'tp': 3, 'fp': 1, 'fn': 2}
>>> Counts().f1 is None  # nothing to score
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.evaluate.casing import casing
from kg.evaluate.counts import Counts
from kg.evaluate.gold import EXCLUDED_TYPE, GoldDoc, GoldEntity, GoldRelation
from kg.evaluate.matching import two_stage
from kg.model import Entity, Extraction, Relation
from kg.names import normalize
from kg.schema import ENTITY_TYPES, RELATION_TYPES

__all__ = ["DocResult", "Scheme", "derive_scheme", "score_document"]

# kg's own distinctions: a gold set that uses either follows kg's scheme.
_KG_ONLY_TYPES = frozenset({"Company", "Country"})
# Coarser schemes (CoNLL04, idner) fold these kg types into a broader one.
_COARSER = (("Company", "Organization"), ("Country", "Place"))
# kg types that a coarser scheme labels only in some roles: a prediction of one that matches no gold name is not
# scored. idner (and the location types of such schemes) tags a country where something is placed in it, rarely
# where it acts ("Israel menyerang": idner train tags 63 of 231 such mentions), while kg tags every state.
_ROLE_LABELLED = ("Country",)


@dataclass(frozen=True, slots=True)
class Scheme:
    """What a gold set annotates: the entity and relation types scored, and how kg's map onto them.

    ``name`` is ``"kg"`` for gold written in kg's own scheme, ``"gold"`` for a
    coarser one derived from the gold types (CoNLL04, idner).
    """

    name: str
    entity_types: tuple[str, ...]
    relation_types: tuple[str, ...]
    type_map: tuple[tuple[str, str], ...] = ()
    # kg types whose predictions are scored only when they match a gold name (see _ROLE_LABELLED)
    role_labelled: tuple[str, ...] = ()

    def map_type(self, etype: str) -> str:
        """The gold type a predicted type counts as.

        >>> Scheme("gold", ("Organization",), (), (("Company", "Organization"),)).map_type("Company")
        'Organization'
        """
        return dict(self.type_map).get(etype, etype)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "entity_types": list(self.entity_types),
                "relation_types": list(self.relation_types), "type_map": dict(self.type_map),
                "role_labelled": list(self.role_labelled)}


def derive_scheme(docs: Sequence[GoldDoc]) -> Scheme:
    """The scheme of a gold set, from the types its annotators used.

    Gold that uses Company or Country (or no types at all) is in kg's scheme:
    every kg type and relation type is scored. Otherwise the gold set follows a
    coarser scheme: only the types it uses are scored, Company counts as
    Organization and Country as Place when those exist, and only the relation
    types it annotates are scored (predictions of other types are ignored, not
    counted as errors, because the gold could never contain them). A Country
    counted as Place is scored only when it matches a gold name: such schemes
    label a country where something is placed in it, not where it acts.

    >>> from kg.evaluate.gold import GoldEntity
    >>> s = derive_scheme([GoldDoc("s1", "en", "x", entities=(GoldEntity("Paris", "Place"),
    ...                                                      GoldEntity("Acme", "Organization")))])
    >>> s.name, s.entity_types, s.relation_types, s.map_type("Company"), s.map_type("Country")
    ('gold', ('Organization', 'Place'), (), 'Organization', 'Place')
    >>> s.role_labelled
    ('Country',)
    """
    types = {e.type for d in docs for e in d.entities + d.optional_entities} - {EXCLUDED_TYPE}
    if not types or types & _KG_ONLY_TYPES:
        return Scheme("kg", ENTITY_TYPES, tuple(RELATION_TYPES))
    rtypes = {r.type for d in docs for r in d.relations + d.optional_relations}
    type_map = tuple((k, v) for k, v in _COARSER if v in types)
    return Scheme(
        "gold",
        tuple(t for t in ENTITY_TYPES if t in types),
        tuple(t for t in RELATION_TYPES if t in rtypes),
        type_map,
        tuple(k for k, _ in type_map if k in _ROLE_LABELLED),
    )


@dataclass(frozen=True)
class DocResult:
    """The score of one document, with the items behind every error.

    ``entity_counts`` and ``relation_counts`` map a type to its counts;
    ``status_counts`` does the same for relations matched with their status too.
    ``status_pairs`` holds (gold status, predicted status) for every matched relation;
    ``attributed_to`` and ``sector`` hold (agreeing, annotated) matched relations.
    ``casing`` is the document's (:func:`kg.evaluate.casing.casing`); ``false_positives``
    holds ``"label (Type)"`` for every predicted entity counted as a false positive
    (spurious, duplicate, forbidden or wrongly typed).
    """

    doc_id: str
    error: str | None = None
    casing: str = "sentence"
    false_positives: tuple[str, ...] = ()
    # (predicted id, right?) for every scored prediction: what confidence calibration is fitted on
    entity_outcomes: tuple[tuple[str, bool], ...] = ()
    relation_outcomes: tuple[tuple[str, bool], ...] = ()
    entity_counts: Mapping[str, Counts] = field(default_factory=dict)
    untyped: Counts = field(default_factory=Counts)
    relation_counts: Mapping[str, Counts] = field(default_factory=dict)
    status_counts: Mapping[str, Counts] = field(default_factory=dict)
    status_pairs: tuple[tuple[str, str], ...] = ()
    attributed_to: tuple[int, int] = (0, 0)
    sector: tuple[int, int] = (0, 0)
    missed_entities: tuple[str, ...] = ()
    spurious_entities: tuple[str, ...] = ()
    type_errors: tuple[str, ...] = ()
    missed_relations: tuple[str, ...] = ()
    spurious_relations: tuple[str, ...] = ()
    status_errors: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    excluded: Mapping[str, int] = field(default_factory=dict)

    @property
    def entities(self) -> Counts:
        return sum(self.entity_counts.values(), Counts())

    @property
    def relations(self) -> Counts:
        return sum(self.relation_counts.values(), Counts())

    @property
    def relations_with_status(self) -> Counts:
        return sum(self.status_counts.values(), Counts())

    @property
    def flawless(self) -> bool:
        return self.error is None and not (self.missed_entities or self.spurious_entities or self.type_errors
                                           or self.missed_relations or self.spurious_relations
                                           or self.status_errors or self.forbidden)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "error": self.error,
            "casing": self.casing,
            "entities": self.entities.to_json(),
            "entities_untyped": self.untyped.to_json(),
            "relations": self.relations.to_json(),
            "relations_with_status": self.relations_with_status.to_json(),
            "missed_entities": list(self.missed_entities),
            "spurious_entities": list(self.spurious_entities),
            "type_errors": list(self.type_errors),
            "missed_relations": list(self.missed_relations),
            "spurious_relations": list(self.spurious_relations),
            "status_errors": list(self.status_errors),
            "forbidden": list(self.forbidden),
        }


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (normalize(n) for n in names) if k)


def _pred_keys(e: Entity) -> frozenset[str]:
    return _keys([e.label, *e.aliases, *(m.text for m in e.mentions)])


def _gold_keys(e: GoldEntity, text: str | None) -> frozenset[str]:
    surfaces = [text[a:b] for a, b in e.mentions if 0 <= a < b <= len(text)] if text is not None else []
    return _keys([e.label, *e.aliases, *surfaces])


def _show_rel(subject: str, rtype: str, obj: str, status: str) -> str:
    return f"{subject} -{rtype}-> {obj} [{status}]"


def _score_entities(doc: GoldDoc, x: Extraction, scheme: Scheme, out: dict[str, Any]) -> None:
    text = doc.text
    gold = [e for e in doc.entities if e.type != EXCLUDED_TYPE]
    gold_keys = [_gold_keys(e, text) for e in gold]
    neutral = set().union(*(_gold_keys(e, text) for e in doc.optional_entities),
                          *(_gold_keys(e, text) for e in doc.entities if e.type == EXCLUDED_TYPE))
    forbidden = {k: f for f in doc.forbidden_entities if (k := normalize(f))}
    preds = list(x.entities)
    keys = [_pred_keys(e) for e in preds]
    ptypes = [scheme.map_type(e.type) for e in preds]
    banned = {i: sorted({forbidden[k] for k in keys[i] if k in forbidden}) for i in range(len(preds))}
    edges: dict[int, list[int]] = {}
    preferred: dict[int, list[int]] = {}
    for i, ks in enumerate(keys):
        if banned[i]:
            continue
        # Candidates whose label itself matches come first: they are the likelier pair.
        cands = sorted((j for j, gk in enumerate(gold_keys) if ks & gk),
                       key=lambda j: (normalize(gold[j].label) not in ks, j))
        edges[i] = cands
        preferred[i] = [j for j in cands if gold[j].type == ptypes[i]]
    match = two_stage(len(preds), len(gold), edges, preferred)

    counts: dict[str, Counts] = defaultdict(Counts)
    untyped = Counts(tp=len(match))
    spurious, type_errors, violations = [], [], []
    false_pos: list[str] = []
    outcomes: list[tuple[str, bool]] = []
    excluded = {"gold_other_entities": len(doc.entities) - len(gold), "optional_entities_predicted": 0,
                "entities_outside_scheme": 0, "unmatched_role_labelled": 0}
    for i, e in enumerate(preds):
        shown = f"{e.label} ({e.type})"
        before = len(false_pos)
        if i in match:
            g = gold[match[i]]
            outcomes.append((e.id, g.type == ptypes[i]))
            if g.type == ptypes[i]:
                counts[g.type] += Counts(tp=1)
            else:
                counts[ptypes[i]] += Counts(fp=1)
                counts[g.type] += Counts(fn=1)
                type_errors.append(f"{g.label}: gold {g.type}, predicted {e.type}")
                false_pos.append(shown)
        elif banned[i]:
            counts[ptypes[i]] += Counts(fp=1)
            untyped += Counts(fp=1)
            violations += banned[i]
            spurious.append(f"{shown}: forbidden")
            false_pos.append(shown)
        elif keys[i] & neutral:
            excluded["optional_entities_predicted"] += 1
        elif any(keys[i] & gk for gk in gold_keys):
            counts[ptypes[i]] += Counts(fp=1)
            untyped += Counts(fp=1)
            spurious.append(f"{shown}: duplicate")
            false_pos.append(shown)
        elif ptypes[i] not in scheme.entity_types:
            excluded["entities_outside_scheme"] += 1
        elif e.type in scheme.role_labelled:
            excluded["unmatched_role_labelled"] += 1
        else:
            counts[ptypes[i]] += Counts(fp=1)
            untyped += Counts(fp=1)
            spurious.append(shown)
            false_pos.append(shown)
        if i not in match and len(false_pos) > before:
            outcomes.append((e.id, False))  # counted as a false positive just above
    matched_gold = set(match.values())
    missed = [f"{g.label} ({g.type})" for j, g in enumerate(gold) if j not in matched_gold]
    for j, g in enumerate(gold):
        if j not in matched_gold:
            counts[g.type] += Counts(fn=1)
    untyped += Counts(fn=len(missed))
    out.update(entity_counts=dict(sorted(counts.items())), untyped=untyped, missed_entities=tuple(missed),
               spurious_entities=tuple(spurious), type_errors=tuple(type_errors),
               false_positives=tuple(false_pos), entity_outcomes=tuple(outcomes),
               forbidden=tuple(sorted(set(violations))), excluded=excluded)


def _score_relations(doc: GoldDoc, x: Extraction, scheme: Scheme, out: dict[str, Any]) -> None:
    by_id = {e.id: e for e in x.entities}
    key_cache: dict[str, frozenset[str]] = {}

    def pkeys(entity_id: str | None) -> frozenset[str]:
        if entity_id is None:
            return frozenset()
        if entity_id not in key_cache:
            e = by_id.get(entity_id)
            key_cache[entity_id] = _pred_keys(e) if e else _keys([entity_id])
        return key_cache[entity_id]

    def plabel(entity_id: str) -> str:
        e = by_id.get(entity_id)
        return e.label if e else entity_id

    def gkeys(label: str | None) -> frozenset[str]:
        if label is None:
            return frozenset()
        e = doc.entity(label)
        return _gold_keys(e, doc.text) if e else _keys([label])

    def same(p: Relation, g: GoldRelation) -> bool:
        if p.type != g.type:
            return False
        ps, po, gs, go = pkeys(p.subject), pkeys(p.object), gkeys(g.subject), gkeys(g.object)
        if ps & gs and po & go:
            return True
        return RELATION_TYPES[g.type].symmetric and bool(ps & go and po & gs)

    preds, gold = list(x.relations), list(doc.relations)
    edges = {i: [j for j, g in enumerate(gold) if same(p, g)] for i, p in enumerate(preds)}
    preferred = {i: [j for j in js if preds[i].status == gold[j].status] for i, js in edges.items()}
    match = two_stage(len(preds), len(gold), edges, preferred)

    counts: dict[str, Counts] = defaultdict(Counts)
    status: dict[str, Counts] = defaultdict(Counts)
    pairs, spurious, status_errors = [], [], []
    outcomes: list[tuple[str, bool]] = []
    att, sec = [0, 0], [0, 0]
    excluded = {"optional_relations_predicted": 0, "relations_outside_scheme": 0}
    for i, p in enumerate(preds):
        shown = _show_rel(plabel(p.subject), p.type, plabel(p.object), p.status)
        if i in match:
            g = gold[match[i]]
            counts[g.type] += Counts(tp=1)
            pairs.append((g.status, p.status))
            outcomes.append((p.id, g.status == p.status))
            if g.status == p.status:
                status[g.type] += Counts(tp=1)
            else:
                status[g.type] += Counts(fp=1, fn=1)
                shown_gold = _show_rel(g.subject, g.type, g.object, g.status)
                status_errors.append(f"{shown_gold}: predicted {p.status}")
            for tally, gold_label, pred_id in ((att, g.attributed_to, p.attributed_to),
                                               (sec, g.sector, p.sector)):
                if gold_label is not None:
                    tally[1] += 1
                    tally[0] += bool(gkeys(gold_label) & pkeys(pred_id))
        elif any(same(p, g) for g in doc.optional_relations):
            excluded["optional_relations_predicted"] += 1
        elif edges[i]:
            counts[p.type] += Counts(fp=1)
            status[p.type] += Counts(fp=1)
            spurious.append(f"{shown}: duplicate")
            outcomes.append((p.id, False))
        elif p.type not in scheme.relation_types:
            excluded["relations_outside_scheme"] += 1
        else:
            counts[p.type] += Counts(fp=1)
            status[p.type] += Counts(fp=1)
            spurious.append(shown)
            outcomes.append((p.id, False))
    matched_gold = set(match.values())
    missed = []
    for j, g in enumerate(gold):
        if j not in matched_gold:
            counts[g.type] += Counts(fn=1)
            status[g.type] += Counts(fn=1)
            missed.append(_show_rel(g.subject, g.type, g.object, g.status))
    out.update(relation_counts=dict(sorted(counts.items())), status_counts=dict(sorted(status.items())),
               status_pairs=tuple(pairs), attributed_to=(att[0], att[1]), sector=(sec[0], sec[1]),
               missed_relations=tuple(missed), spurious_relations=tuple(spurious),
               status_errors=tuple(status_errors), excluded=out["excluded"] | excluded,
               relation_outcomes=tuple(outcomes))


def score_document(doc: GoldDoc, extraction: Extraction, scheme: Scheme) -> DocResult:
    """Score one extraction against its gold document.

    >>> from kg.evaluate.gold import parse_doc
    >>> from kg.model import Article
    >>> doc = parse_doc({"doc_id": "d", "text": "PT Bukit Asam Tbk ...", "entities": [
    ...     {"label": "PT Bukit Asam Tbk", "type": "Company"}]})
    >>> x = Extraction(Article("d", "..."), (Entity("bukit-asam", "Bukit Asam", "Company"),))
    >>> score_document(doc, x, derive_scheme([doc])).entities
    Counts(tp=1, fp=0, fn=0)
    """
    out: dict[str, Any] = {"casing": casing(doc.text if doc.text is not None else extraction.article.text)}
    _score_entities(doc, extraction, scheme, out)
    _score_relations(doc, extraction, scheme, out)
    return DocResult(doc_id=doc.doc_id, **out)
