"""Score kg on its own annotated split of real news (annotations/, docs/annotations.md).

Each annotated unit (a headline or a sentence) becomes one gold document with its
text taken from ../shared/corpus at run time (the repository keeps offsets only),
and is scored by ``kg.evaluate`` exactly like ``kg eval``.

    python scripts/eval_annotations.py [--split test] [--language id|en] [--json] [--acronyms alias|separate]
        [--context unit|article] [--fold-models DIR]

``--split train --fold-models DIR`` scores the train split out of fold: each unit is extracted with the relation
classifier of the cross-validation fold that did not see it (``scripts/train_relations.py --save-folds DIR``;
:mod:`kg.train.relfolds`), every other model the shipped one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# This checkout's kg, not whichever one an editable install points at.
sys.path.insert(0, str(ROOT))


def annotations_module() -> Any:
    """``scripts/annotations.py`` (not a package: loaded by path), once; the other scripts use this too."""
    if "kg_annotations" in sys.modules:
        return sys.modules["kg_annotations"]
    spec = importlib.util.spec_from_file_location("kg_annotations", ROOT / "scripts" / "annotations.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["kg_annotations"] = mod
    spec.loader.exec_module(mod)
    return mod


ACRONYM_MODES = ("alias", "separate")
# A short form in brackets right after a name: "Perusahaan Listrik Negara (PLN)", "BNI (BBNI)".
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def bracket_aliases(ex: Any) -> dict[str, str]:
    """Surface -> the surface of the entity it is another name of, for short forms in brackets.

    The guideline (docs/annotations.md) tags a name and the acronym or ticker in brackets right
    after it (or, in Indonesian, after "atau": ``alias_words.txt``) as two mentions of one thing;
    kg joins them into one entity (issue 11, item 4). A
    bracketed entity of the same type as the name just before it, with no relation between the
    two (a relation says they are two things: "Grup Lippo (SILO)" is a subsidiary), is an alias.
    Surfaces join transitively; a join that would put both parties of a relation into one
    entity is refused.

    >>> from types import SimpleNamespace as NS
    >>> text = "Bank Negara Indonesia (BNI) gandeng PLN (Persero) dan Grup Lippo (SILO)"
    >>> spans = [(0, 21, "Company"), (23, 26, "Company"), (36, 39, "Company"), (54, 64, "Company"),
    ...          (66, 70, "Company")]
    >>> ex = NS(text=text, entities=[(s, e, t, text[s:e]) for s, e, t in spans],
    ...         unit=NS(relations=[NS(subject=4, object=3)], language="id"))
    >>> bracket_aliases(ex)
    {'BNI': 'Bank Negara Indonesia'}
    """
    from kg.resources import word_set

    ents, text = ex.entities, ex.text
    linked = {frozenset((ents[r.subject][3], ents[r.object][3])) for r in ex.unit.relations}
    # "PT Jakarta Propertindo atau Jakpro": a word of the language's alias_words.txt between two names
    # of one type says the second is another name of the first, as brackets do
    said = word_set(ex.unit.language, "alias_words.txt")
    head: dict[str, str] = {}  # surface -> the first name of its group
    groups: dict[str, set[str]] = {}  # first name -> every surface of the group
    for (_s0, e0, t0, name), (s1, e1, t1, short) in pairwise(ents):
        bracketed = _OPEN.fullmatch(text, e0, s1) is not None and _CLOSE.match(text, e1) is not None
        gap = text[e0:s1]
        if t0 != t1 or not (bracketed or (gap[:1].isspace() and gap[-1:].isspace() and gap.strip().lower() in said)):
            continue
        a, b = head.get(name, name), head.get(short, short)
        ga, gb = groups.get(a, {a}), groups.get(b, {b})
        if a == b or any(frozenset((x, y)) in linked for x in ga for y in gb):
            continue
        groups.pop(b, None)
        groups[a] = ga | gb
        head.update(dict.fromkeys(ga | gb, a))
    return {s: h for s, h in head.items() if s != h}


def gold_record(ex: Any, acronyms: str = "alias") -> dict[str, Any]:
    """One annotated unit (``annotations.Example``) as a gold document (the format of docs/eval.md).

    Each surface text is one gold entity (a name repeated in the unit is one thing); with
    ``acronyms="alias"`` a short form in brackets after a name is an alias of that name's entity
    (:func:`bracket_aliases`) and relations naming either surface name that entity;
    ``"separate"`` keeps every surface its own entity (the conversion before issue 11's fifth
    session).
    """
    if acronyms not in ACRONYM_MODES:
        raise ValueError(f"unknown acronyms mode {acronyms!r} (allowed: {', '.join(ACRONYM_MODES)})")
    u = ex.unit
    canon = bracket_aliases(ex) if acronyms == "alias" else {}
    names = [canon.get(e[3], e[3]) for e in ex.entities]
    entities: dict[str, dict[str, Any]] = {}
    for (_s, _e, etype, covered), label in zip(ex.entities, names, strict=True):
        entity = entities.setdefault(label, {"label": label, "type": etype, "aliases": []})
        if covered != label and covered not in entity["aliases"]:
            entity["aliases"].append(covered)
    relations: list[dict[str, Any]] = []
    for r in u.relations:
        rel = {"subject": names[r.subject], "type": r.type, "object": names[r.object], "status": r.status}
        if r.attributed_to is not None:
            rel["attributed_to"] = names[r.attributed_to]
        if rel not in relations or acronyms == "separate":  # the same link named by both surfaces: one link
            relations.append(rel)
    return {
        "doc_id": f"{u.doc_id}:{u.start}", "language": u.language, "text": ex.text,
        "entities": list(entities.values()), "relations": relations,
        "optional_entities": [], "optional_relations": [], "forbidden_entities": [],
    }


def gold_records(split: str, language: str | None = None, acronyms: str = "alias") -> list[dict[str, Any]]:
    """The annotated units of ``split`` as gold documents (:func:`gold_record`), in file order."""
    ann = annotations_module()
    return [gold_record(ex, acronyms) for ex in ann.examples(split) if not language or ex.unit.language == language]


def article_extractor(extractor: Callable[[Any], Any], texts: Mapping[str, str]) -> Callable[[Any], Any]:
    """An extractor for unit documents (:func:`gold_record`) that reads each unit's whole article.

    ``extractor`` runs once per article, on the corpus record's text (``texts``: document id ->
    text, as ``annotations.load_corpus`` gives); each unit gets what was read inside its span
    (:func:`kg.annotate.in_unit`). Units come in document order, so one article is kept at a time.
    """
    from kg.annotate import in_unit
    from kg.model import Article

    last: dict[str, Any] = {}

    def unit(article: Any) -> Any:
        doc_id, _, offset = article.id.rpartition(":")
        start, text = int(offset), texts[doc_id]
        end = start + len(article.text)
        if text[start:end] != article.text:
            raise ValueError(f"unit {article.id!r} is not the text of its article")
        if doc_id not in last:
            last.clear()
            whole = Article(id=doc_id, text=text, language=article.language, published=article.published)
            last[doc_id] = extractor(whole)
        return in_unit(last[doc_id], start, end, doc_id=article.id)

    return unit


def fold_extractor(extract_with: Callable[[Any, str | None], Any], folder: Path,
                   texts: Mapping[str, str] | None = None) -> Callable[[Any], Any]:
    """An extractor for unit documents (:func:`gold_record`) that reads each unit with the relation model
    of the fold that did not see it (:func:`kg.train.relfolds.unit_models`).

    ``extract_with(article, models)`` extracts with the model folder ``models``. With ``texts`` (document
    id -> text) each unit's whole article is read with its fold's model (:func:`article_extractor`). A unit
    no fold left out (the test split, or a unit added since the folds were written) is a usage error.
    """
    from kg.errors import UsageError
    from kg.train.relfolds import unit_key, unit_models

    models = unit_models(folder)
    per_folder: dict[str, Callable[[Any], Any]] = {}

    def unit(article: Any) -> Any:
        doc_id, _, offset = article.id.rpartition(":")
        folder_k = models.get(unit_key(doc_id, offset))
        if folder_k is None:
            raise UsageError(f"unit {article.id!r} is in no fold of {folder} (only the train split it was "
                             "trained on is scored out of fold)")
        if folder_k not in per_folder:
            def one(a: Any, m: str = folder_k) -> Any:
                return extract_with(a, m)

            per_folder[folder_k] = one if texts is None else article_extractor(one, texts)
        return per_folder[folder_k](article)

    return unit


def main() -> int:
    from kg.evaluate import evaluate, parse_doc

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["train", "test"])
    ap.add_argument("--language", choices=["id", "en"])
    from kg.engine_cli import add_engine_options, engine_from_args

    add_engine_options(ap)  # --engine, --models and the LLM engines' options (docs/llm.md)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="drop predictions below this confidence")
    ap.add_argument("--acronyms", choices=ACRONYM_MODES, default="alias",
                    help="a short form in brackets after a name: an alias of that entity (default, as the "
                         "guideline says) or a separate gold entity (the scoring before issue 11's fifth session)")
    ap.add_argument("--context", choices=["unit", "article"], default="unit",
                    help="extract each unit alone (default) or its whole article, scoring what was read in the "
                         "unit's span (short names joined to a full name in an earlier sentence)")
    ap.add_argument("--fold-models", type=Path, metavar="DIR",
                    help="score the train split out of fold: each unit with the relation model of the fold that "
                         "did not see it (scripts/train_relations.py --save-folds DIR)")
    args = ap.parse_args()
    if args.fold_models is not None and (args.split != "train" or args.models is not None):
        ap.error("--fold-models scores the train split (--split train) with the shipped models besides the "
                 "fold's relation model (no --models)")
    from kg.extract import extract
    from kg.extract.confidence import above

    engine = engine_from_args(args)
    docs = [parse_doc(r) for r in gold_records(args.split, args.language, args.acronyms)]
    from kg.evaluate.command import pair_reader

    def extractor(article: Any) -> Any:
        return above(extract(article, engine=engine), args.min_confidence)

    def extract_with(article: Any, models: str | None) -> Any:
        return above(extract(article, engine=replace(engine, models=models)), args.min_confidence)

    texts = annotations_module().load_corpus() if args.context == "article" else None
    if args.fold_models is not None:
        extractor = fold_extractor(extract_with, args.fold_models, texts)
    elif texts is not None:
        extractor = article_extractor(extractor, texts)
    report = evaluate(docs, extractor, pairs=pair_reader(engine))
    print(json.dumps(report.to_json(), indent=1) if args.json else report.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
