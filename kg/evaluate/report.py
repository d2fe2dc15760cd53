"""Running an extractor over gold documents, and the report of how well it did.

>>> from kg.evaluate.gold import parse_doc
>>> from kg.model import Entity, Extraction, Relation
>>> doc = parse_doc({"doc_id": "d", "language": "en", "text": "Ford denied a deal with Xiaomi.",
...     "entities": [{"label": "Ford", "type": "Company"}, {"label": "Xiaomi", "type": "Company"}],
...     "relations": [{"subject": "Xiaomi", "type": "partnership", "object": "Ford", "status": "denied"}]})
>>> def fake(article):
...     ents = (Entity("ford", "Ford", "Company"), Entity("xiaomi", "Xiaomi Inc", "Company"))
...     return Extraction(article, ents, (Relation("r", "partnership", "ford", "xiaomi", "asserted"),))
>>> report = evaluate([doc], fake)
>>> report.relations.f1, report.relations_with_status.f1
(1.0, 0.0)
>>> report.passed
False
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from kg.errors import InputError, KgError
from kg.evaluate.casing import CASINGS
from kg.evaluate.counts import Counts, macro
from kg.evaluate.gold import GoldDoc, article_for
from kg.evaluate.score import DocResult, Scheme, derive_scheme, score_document
from kg.model import Article, Extraction
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

__all__ = ["Report", "evaluate"]

Extractor = Callable[[Article], Extraction]
# (gold document, its article) -> (gold status, status kg reads) per gold pair (kg.evaluate.goldstatus)
PairReader = Callable[[GoldDoc, Article], tuple[tuple[str, str], ...]]


def _total(docs: Iterable[DocResult], attr: str) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for d in docs:
        for key, c in getattr(d, attr).items():
            out[key] = out.get(key, Counts()) + c
    order = {t: i for i, t in enumerate((*ENTITY_TYPES, *RELATION_TYPES))}
    return dict(sorted(out.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _agreement(agree: int, total: int) -> dict[str, Any]:
    return {"agree": agree, "total": total, "accuracy": round(agree / total, 4) if total else None}


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


@dataclass(frozen=True)
class Report:
    """Scores of one extractor on one gold set: micro and macro figures, per document details.

    Micro figures add the counts of every document and type, then divide; macro
    figures average the per-type figures (each type that occurs counts once).
    A document that could not be read or extracted is listed in ``failed`` and
    scored as an empty prediction: a crash costs recall, it is not skipped.
    """

    documents: tuple[DocResult, ...]
    scheme: Scheme
    gold: str | None = None
    system: str | None = None
    worst_n: int = 5
    # the status on gold pairs (kg.evaluate.goldstatus): None when the engine's reader was not asked
    gold_pairs: tuple[tuple[str, str], ...] | None = None
    gold_docs: tuple[GoldDoc, ...] = ()

    @property
    def failed(self) -> tuple[DocResult, ...]:
        return tuple(d for d in self.documents if d.error is not None)

    @property
    def entity_types(self) -> dict[str, Counts]:
        return _total(self.documents, "entity_counts")

    @property
    def relation_types(self) -> dict[str, Counts]:
        return _total(self.documents, "relation_counts")

    @property
    def status_types(self) -> dict[str, Counts]:
        return _total(self.documents, "status_counts")

    @property
    def entities(self) -> Counts:
        return sum(self.entity_types.values(), Counts())

    @property
    def entities_untyped(self) -> Counts:
        return sum((d.untyped for d in self.documents), Counts())

    @property
    def relations(self) -> Counts:
        return sum(self.relation_types.values(), Counts())

    @property
    def relations_with_status(self) -> Counts:
        return sum(self.status_types.values(), Counts())

    @property
    def status_confusion(self) -> dict[str, dict[str, int]]:
        """gold status -> predicted status -> matched relations."""
        pairs = Counter(p for d in self.documents for p in d.status_pairs)
        return {g: {p: pairs[g, p] for p in STATUSES if pairs[g, p]} for g in STATUSES
                if any(pairs[g, p] for p in STATUSES)}

    @property
    def status_on_gold_pairs(self) -> dict[str, Any] | None:
        """:func:`kg.evaluate.goldstatus.summary` of the gold pairs' statuses (None: not read)."""
        if self.gold_pairs is None:
            return None
        from kg.evaluate.goldstatus import summary

        return summary(self.gold_pairs, sum(len(d.relations) for d in self.gold_docs))

    @property
    def forbidden(self) -> tuple[tuple[str, str], ...]:
        """(doc_id, forbidden name) for every forbidden entity that was predicted."""
        return tuple((d.doc_id, name) for d in self.documents for name in d.forbidden)

    @property
    def excluded(self) -> dict[str, int]:
        out: Counter[str] = Counter()
        for d in self.documents:
            out.update(d.excluded)
        keys = ("gold_other_entities", "optional_entities_predicted", "entities_outside_scheme",
                "unmatched_role_labelled", "optional_relations_predicted", "relations_outside_scheme")
        return {k: out[k] for k in keys}

    @property
    def by_casing(self) -> dict[str, dict[str, Any]]:
        """casing -> documents, entities, relations and relations with status (micro counts), for
        each casing that occurs (sentence, title, upper: :mod:`kg.evaluate.casing`)."""
        out: dict[str, dict[str, Any]] = {}
        for c in CASINGS:
            docs = [d for d in self.documents if d.casing == c]
            if docs:
                out[c] = {"documents": len(docs),
                          "entities": sum((d.entities for d in docs), Counts()),
                          "relations": sum((d.relations for d in docs), Counts()),
                          "relations_with_status": sum((d.relations_with_status for d in docs), Counts())}
        return out

    @property
    def top_false_positives(self) -> tuple[tuple[str, int], ...]:
        """The ten most frequent false-positive entities (``"label (Type)"``, count), most frequent
        first, ties in alphabetical order: the junk a reader of the graph sees most."""
        n = Counter(s for d in self.documents for s in d.false_positives)
        return tuple(sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))[:10])

    @property
    def worst(self) -> tuple[DocResult, ...]:
        """Documents with any error, worst first: failed ones, then by lowest relation F1, relation
        F1 with status, entity F1 (a figure with nothing to score counts as perfect)."""

        def key(d: DocResult) -> tuple[bool, float, float, float, str]:
            rf, sf, ef = (1.0 if f is None else f
                          for f in (d.relations.f1, d.relations_with_status.f1, d.entities.f1))
            return (d.error is None, rf, sf, ef, d.doc_id)

        return tuple(sorted((d for d in self.documents if not d.flawless), key=key)[: self.worst_n])

    @property
    def passed(self) -> bool:
        """The seed criterion: every document read, every required entity found (by name), every
        required relation found with its gold status, and no forbidden entity predicted."""
        rs, ents = self.relations_with_status, self.entities_untyped
        return not self.failed and rs.fn == 0 and ents.fn == 0 and not self.forbidden

    @property
    def summary(self) -> str:
        """The one-line verdict, e.g. ``PASS: 7/7 required relations with their gold status, ...``."""
        rs, rel, ents = self.relations_with_status, self.relations, self.entities_untyped
        verdict = "PASS" if self.passed else "FAIL"
        line = (f"{verdict}: {rs.tp}/{rel.tp + rel.fn} required relations with their gold status, "
                f"{ents.tp}/{ents.tp + ents.fn} required entities, "
                f"{len(self.forbidden)} forbidden entities predicted")
        if self.failed:
            line += f", {_plural(len(self.failed), 'document')} failed"
        return line

    def to_json(self) -> dict[str, Any]:
        """Every figure of the report as plain JSON data, keys in a fixed order."""
        etypes, rtypes, stypes = self.entity_types, self.relation_types, self.status_types
        att = [sum(d.attributed_to[i] for d in self.documents) for i in (0, 1)]
        sec = [sum(d.sector[i] for d in self.documents) for i in (0, 1)]
        rs, rel = self.relations_with_status, self.relations
        return {
            "gold": self.gold,
            "system": self.system,
            "documents": len(self.documents),
            "failed": [{"doc_id": d.doc_id, "error": d.error} for d in self.failed],
            "scheme": self.scheme.to_json(),
            "entities": {
                "micro": self.entities.to_json(),
                "macro": macro(etypes.values()),
                "by_type": {t: c.to_json() for t, c in etypes.items()},
                "untyped": self.entities_untyped.to_json(),
                "precision_by_type": {t: c.to_json()["precision"] for t, c in etypes.items()},
                "top_false_positives": [{"entity": e, "count": n} for e, n in self.top_false_positives],
            },
            "by_casing": {c: {k: v if isinstance(v, int) else v.to_json() for k, v in figures.items()}
                          for c, figures in self.by_casing.items()},
            "relations": {
                "micro": rel.to_json(),
                "macro": macro(rtypes.values()),
                "by_type": {t: c.to_json() for t, c in rtypes.items()},
                "with_status": {
                    "micro": rs.to_json(),
                    "macro": macro(stypes.values()),
                    "by_type": {t: c.to_json() for t, c in stypes.items()},
                },
                "status_accuracy": _agreement(rs.tp, rel.tp),
                "status_confusion": self.status_confusion,
                "status_on_gold_pairs": self.status_on_gold_pairs,
                "attributed_to": _agreement(att[0], att[1]),
                "sector": _agreement(sec[0], sec[1]),
            },
            "forbidden": {"count": len(self.forbidden),
                          "predicted": [{"doc_id": d, "name": n} for d, n in self.forbidden]},
            "excluded": self.excluded,
            "passed": self.passed,
            "summary": self.summary,
            "worst": [d.to_json() for d in self.worst],
            "per_document": [d.to_json() for d in self.documents],
        }

    def dumps(self) -> str:
        """:meth:`to_json` as indented JSON text (what ``kg eval --json`` prints)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def format(self) -> str:
        """The report as a readable text table."""
        return "".join(self._lines())

    def _junk_lines(self, row: Callable[[str, Counts], str]) -> Iterator[str]:
        """Entity precision by predicted type, figures by casing and the most frequent junk."""
        shown = [f"{t} {_fmt(c.precision)} ({c.tp}/{c.tp + c.fp})"
                 for t, c in self.entity_types.items() if c.tp + c.fp]
        if shown:
            yield f"entity precision by predicted type: {', '.join(shown)}\n"
        for c, figures in self.by_casing.items():
            yield f"{c} case ({_plural(figures['documents'], 'document')}):\n"
            for what in ("entities", "relations", "relations_with_status"):
                yield row(f"  {what.replace('_', ' ')}", figures[what])
        if self.top_false_positives:
            yield "most frequent false-positive entities:\n"
            for e, n in self.top_false_positives:
                yield f"  {n:>6}  {e}\n"
        yield "\n"

    def _lines(self) -> Iterator[str]:
        head = f"kg eval: {_plural(len(self.documents), 'document')}"
        if self.gold:
            head += f" from {self.gold}"
        if self.system:
            head += f", {self.system}"
        yield head + "\n"
        s = self.scheme
        scheme = "kg's types" if s.name == "kg" else f"the gold set's types ({', '.join(s.entity_types)})"
        yield f"scored with {scheme}\n"
        if s.type_map:
            yield "predicted " + ", ".join(f"{a} counts as {b}" for a, b in s.type_map) + "\n"
        yield "\n"
        yield f"{'':34}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}\n"

        def row(name: str, c: Counts) -> str:
            figures = f"{_fmt(c.precision):>7}{_fmt(c.recall):>7}{_fmt(c.f1):>7}"
            return f"{name:34}{figures}{c.tp:>7}{c.fp:>7}{c.fn:>7}\n"

        def macro_row(name: str, counts: Iterable[Counts]) -> str:
            m = macro(counts)
            return f"{name:34}{_fmt(m['precision']):>7}{_fmt(m['recall']):>7}{_fmt(m['f1']):>7}" \
                   f"   ({m['types']} types)\n"

        for title, micro, types in (("entities", self.entities, self.entity_types),
                                    ("relations", self.relations, self.relation_types),
                                    ("relations with status", self.relations_with_status, self.status_types)):
            yield row(f"{title} (micro)", micro)
            yield macro_row(f"{title} (macro)", types.values())
            for t, c in types.items():
                yield row(f"  {t}", c)
            if title == "entities":
                yield row("entities by name only (micro)", self.entities_untyped)
            yield "\n"
        yield from self._junk_lines(row)
        rs, rel = self.relations_with_status, self.relations
        accuracy = _fmt(rs.tp / rel.tp if rel.tp else None)
        yield f"status accuracy: {accuracy} ({rs.tp}/{rel.tp} matched relations)\n"
        wrong = [f"{g}->{p} {n}" for g, ps in self.status_confusion.items() for p, n in ps.items() if g != p]
        if wrong:
            yield f"  status errors (gold->predicted): {', '.join(wrong)}\n"
        yield from _gold_pair_lines(self.status_on_gold_pairs)
        j = self.to_json()["relations"]
        for what in ("attributed_to", "sector"):
            a = j[what]
            if a["total"]:
                share = f"{a['agree']}/{a['total']}"
                yield f"{what} agreement: {_fmt(a['accuracy'])} ({share} annotated matched relations)\n"
        names = sorted({n for _, n in self.forbidden})
        listed = f" ({', '.join(names)})" if names else ""
        yield f"forbidden entities predicted: {len(self.forbidden)}{listed}\n"
        ex = self.excluded
        yield "not scored:\n"
        for key, what in (("gold_other_entities", "gold entities of type Other"),
                          ("optional_entities_predicted", "predicted optional (or Other) entities"),
                          ("optional_relations_predicted", "predicted optional relations"),
                          ("entities_outside_scheme", "predicted entities of types the gold lacks"),
                          ("unmatched_role_labelled", "predicted countries no gold name matches (the gold "
                                                      "labels a country only as a location)"),
                          ("relations_outside_scheme", "predicted relations of types the gold lacks")):
            yield f"  {ex[key]:>6}  {what}\n"
        for d in self.failed:
            yield f"failed: {d.doc_id}: {d.error}\n"
        if self.worst:
            n_bad = sum(not d.flawless for d in self.documents)
            yield f"\nworst documents ({len(self.worst)} of {n_bad} with errors):\n"
        for d in self.worst:
            if d.error is not None:
                yield f"  {d.doc_id}: failed\n"
                continue
            r, e = d.relations, d.entities
            yield (f"  {d.doc_id}: relations F1 {_fmt(r.f1)} (tp {r.tp} fp {r.fp} fn {r.fn}), "
                   f"with status {_fmt(d.relations_with_status.f1)}; "
                   f"entities F1 {_fmt(e.f1)} (tp {e.tp} fp {e.fp} fn {e.fn})\n")
            for label, items in (("missed relations", d.missed_relations),
                                 ("status errors", d.status_errors),
                                 ("spurious relations", d.spurious_relations),
                                 ("missed entities", d.missed_entities),
                                 ("type errors", d.type_errors),
                                 ("spurious entities", d.spurious_entities)):
                if items:
                    yield f"    {label}: {'; '.join(items)}\n"
        yield "\n" + self.summary + "\n"


def _extract_one(doc: GoldDoc, extractor: Extractor, scheme: Scheme,
                 pairs: PairReader | None = None) -> tuple[DocResult, tuple[tuple[str, str], ...]]:
    article = article_for(doc)
    if isinstance(article, InputError):
        return _failed(doc, scheme, str(article)), ()
    try:
        extraction = extractor(article)
        read = pairs(doc, article) if pairs is not None else ()
    except KgError:
        raise
    except Exception as exc:  # one document's failure must not cost the others
        return _failed(doc, scheme, f"extraction failed: {type(exc).__name__}: {exc}"), ()
    return score_document(doc, extraction, scheme), read


def _gold_pair_lines(g: dict[str, Any] | None) -> Iterator[str]:
    if g is None or not g["relations"]:
        return
    yield (f"status on gold pairs (the parties given): {_fmt(g['accuracy'])} ({g['read']} of "
           f"{g['relations']} gold relations with both parties in a sentence)\n")
    for gold, row in g["confusion"].items():
        read = ", ".join(f"{p} {n}" for p, n in row.items())
        yield f"  gold {gold:9} recall {_fmt(g['recall'][gold])}: read as {read}\n"


def _failed(doc: GoldDoc, scheme: Scheme, error: str) -> DocResult:
    nothing = Extraction(Article(id=doc.doc_id, text=""))
    return replace(score_document(doc, nothing, scheme), error=error)


def evaluate(
    gold_docs: Iterable[GoldDoc],
    extractor: Extractor | None = None,
    *,
    scheme: Scheme | None = None,
    gold: str | None = None,
    system: str | None = None,
    worst: int = 5,
    pairs: PairReader | None = None,
) -> Report:
    """Run ``extractor`` on every gold document and score it.

    Parameters
    ----------
    gold_docs
        From :func:`kg.evaluate.load_gold`.
    extractor
        ``Article -> Extraction``; default :func:`kg.extract.extract` (the rules engine).
    scheme
        The types to score and how kg's map to the gold's; default derived from
        the gold set (:func:`kg.evaluate.score.derive_scheme`).
    gold, system
        Names shown in the report (the gold file, the engine).
    worst
        How many of the worst documents the report lists.
    pairs
        The status reader on gold pairs (:func:`kg.evaluate.goldstatus.gold_pair_statuses`,
        bound to an engine); without it the report has no status on gold pairs.
    """
    docs = list(gold_docs)
    if extractor is None:
        from kg.extract import extract

        extractor = extract
    scheme = scheme or derive_scheme(docs)
    both = [_extract_one(d, extractor, scheme, pairs) for d in docs]
    return Report(tuple(r for r, _ in both), scheme, gold=gold, system=system, worst_n=worst,
                  gold_pairs=tuple(p for _, ps in both for p in ps) if pairs is not None else None,
                  gold_docs=tuple(docs))
