"""Score kg on its own annotated split of real news (annotations/, docs/annotations.md).

Each annotated unit (a headline or a sentence) becomes one gold document with its
text taken from ../shared/corpus at run time (the repository keeps offsets only),
and is scored by ``kg.evaluate`` exactly like ``kg eval``.

    python scripts/eval_annotations.py [--split test] [--language id|en] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


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


_ORGS = frozenset({"Company", "Organization"})


def bracketed_short_forms(text: str, entities: list[tuple[int, int, str, str]]) -> dict[str, str]:
    """The names annotated in round brackets right after a name of the same kind, mapped to that name:
    "PT Perusahaan Listrik Negara (PLN)". kg joins such a short form to the name as one entity (issue 11,
    item 4), while the annotations mark two names; one word, no spaces.

    >>> t = "PT Perusahaan Listrik Negara ( PLN ) dan Bank Indonesia (BI) serta Jokowi (Presiden)"
    >>> bracketed_short_forms(t, [(0, 28, "Company", "PT Perusahaan Listrik Negara"), (31, 34, "Company", "PLN"),
    ...                           (41, 55, "Organization", "Bank Indonesia"), (57, 59, "Company", "BI")])
    {'PLN': 'PT Perusahaan Listrik Negara', 'BI': 'Bank Indonesia'}
    """
    out: dict[str, str] = {}
    ents = sorted(entities)
    for (_, a_end, a_type, a_text), (b_start, b_end, b_type, b_text) in pairwise(ents):
        same_kind = a_type == b_type or {a_type, b_type} <= _ORGS
        if (same_kind and text[a_end:b_start].strip() == "(" and text[b_end:].lstrip().startswith(")")
                and " " not in b_text and b_text != a_text):
            out.setdefault(b_text, a_text)
    return out


def gold_records(split: str, language: str | None = None, *, acronym_aliases: bool = False) -> list[dict[str, Any]]:
    """The annotated units of ``split`` as gold documents (the format of docs/eval.md). With
    ``acronym_aliases`` a short form in brackets right after its name is an alias of that name's entity
    (:func:`bracketed_short_forms`), not an entity of its own; relations naming it still match it."""
    ann = annotations_module()
    out = []
    for ex in ann.examples(split):
        u = ex.unit
        if language and u.language != language:
            continue
        short = bracketed_short_forms(ex.text, list(ex.entities)) if acronym_aliases else {}
        names = [short.get(e[3], e[3]) for e in ex.entities]
        entities: dict[str, dict[str, Any]] = {}
        for _s, _e, etype, covered in ex.entities:
            if covered not in short:
                entities.setdefault(covered, {"label": covered, "type": etype, "aliases": []})
        for acronym, name in short.items():
            if acronym not in entities and acronym not in entities[name]["aliases"]:
                entities[name]["aliases"].append(acronym)
        relations = []
        for r in u.relations:
            rel = {"subject": names[r.subject], "type": r.type, "object": names[r.object], "status": r.status}
            if r.attributed_to is not None:
                rel["attributed_to"] = names[r.attributed_to]
            if not short or rel not in relations:  # one link written with the name and with its short form
                relations.append(rel)
        out.append({
            "doc_id": f"{u.doc_id}:{u.start}", "language": u.language, "text": ex.text,
            "entities": list(entities.values()), "relations": relations,
            "optional_entities": [], "optional_relations": [], "forbidden_entities": [],
        })
    return out


def main() -> int:
    from kg.evaluate import evaluate, parse_doc

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["train", "test"])
    ap.add_argument("--language", choices=["id", "en"])
    from kg.engine_cli import add_engine_options, engine_from_args

    add_engine_options(ap)  # --engine, --models and the LLM engines' options (docs/llm.md)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--acronym-aliases", action="store_true",
                    help="score a short form annotated in brackets right after its name as an alias of it")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="drop predictions below this confidence")
    args = ap.parse_args()
    from kg.extract import extract
    from kg.extract.confidence import above

    engine = engine_from_args(args)
    docs = [parse_doc(r) for r in gold_records(args.split, args.language, acronym_aliases=args.acronym_aliases)]
    from kg.evaluate.command import pair_reader

    report = evaluate(docs, lambda a: above(extract(a, engine=engine), args.min_confidence), pairs=pair_reader(engine))
    print(json.dumps(report.to_json(), indent=1) if args.json else report.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
