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


def gold_records(split: str, language: str | None = None) -> list[dict[str, Any]]:
    """The annotated units of ``split`` as gold documents (the format of docs/eval.md)."""
    ann = annotations_module()
    out = []
    for ex in ann.examples(split):
        u = ex.unit
        if language and u.language != language:
            continue
        names = [e[3] for e in ex.entities]
        entities: dict[str, dict[str, Any]] = {}
        for _s, _e, etype, covered in ex.entities:
            entities.setdefault(covered, {"label": covered, "type": etype, "aliases": []})
        relations = []
        for r in u.relations:
            rel = {"subject": names[r.subject], "type": r.type, "object": names[r.object], "status": r.status}
            if r.attributed_to is not None:
                rel["attributed_to"] = names[r.attributed_to]
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
    ap.add_argument("--min-confidence", type=float, default=0.0, help="drop predictions below this confidence")
    args = ap.parse_args()
    from kg.extract import extract
    from kg.extract.confidence import above

    engine = engine_from_args(args)
    docs = [parse_doc(r) for r in gold_records(args.split, args.language)]
    from kg.evaluate.command import pair_reader

    report = evaluate(docs, lambda a: above(extract(a, engine=engine), args.min_confidence), pairs=pair_reader(engine))
    print(json.dumps(report.to_json(), indent=1) if args.json else report.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
