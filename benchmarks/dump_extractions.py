"""Every extraction of real news and of the bundled examples, one JSON line each: for checking that a
change leaves the output byte-identical (a speed-up, a refactoring).

Run it once per checkout and compare the files (``cmp``)::

    PYTHONPATH=../main python benchmarks/dump_extractions.py /tmp/main.jsonl
    PYTHONPATH=. python benchmarks/dump_extractions.py /tmp/branch.jsonl
    cmp /tmp/main.jsonl /tmp/branch.jsonl

Reads the Reuters-21578 acquisition articles and the CNBC Indonesia headlines of
../shared/corpus (``--limit`` of each) and the bundled examples of this checkout.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.extract import DEFAULT_ENGINE, extract
from kg.model import Article
from kg.readers import read

CORPORA = ("corpus/en/reuters-21578-acq.jsonl", "corpus/id/cnbc-indonesia-headlines.jsonl",
           "corpus/id/selular-xiaomi-ford.txt")


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--limit", type=int, default=3000, help="articles of each corpus (default 3000)")
    ap.add_argument("--engine", default=DEFAULT_ENGINE)
    args = ap.parse_args()
    sources = [(args.shared / rel, args.limit) for rel in CORPORA if (args.shared / rel).is_file()]
    sources += [(p, args.limit) for p in sorted((root / "examples").rglob("*")) if p.is_file()]
    with args.out.open("w", encoding="utf-8") as out:
        for path, limit in sources:
            for a in [a for a in read([path]) if isinstance(a, Article)][:limit]:
                x = extract(a, engine=args.engine)
                out.write(json.dumps({**x.to_json(), "warnings": list(x.warnings)}, ensure_ascii=False,
                                     sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
