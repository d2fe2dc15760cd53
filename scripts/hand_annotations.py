"""Turn hand-written labels into stand-off annotation records (docs/annotations.md).

An annotator reads a unit (a headline or a sentence) and writes down what it says,
by surface string, in a working file kept OUTSIDE the repository (it holds corpus
text). This script finds the offsets, checks every label against the format and
``kg.schema``, and merges the stand-off records (ids, offsets, labels, a hash; no
text) into an annotation file, sorted by document and offset.

One hand record per line::

    {"doc": "cnbc-12", "unit": null,
     "e": [["Bank Mandiri", "Company"], ["BRI", "Company"], ["Mandiri", "Company", 2]],
     "r": [[0, "partnership", 1, "denied", 0]]}

* ``doc``: the document id (``cnbc-N``, ``reuters-N``, or an id of a ``../shared/train`` file).
* ``unit``: ``null`` for the whole text, the exact text of the unit (it must occur once
  in the document), or ``[start, end]``.
* ``e``: entities as ``[surface, type]`` or ``[surface, type, k]`` for the k-th
  occurrence of the surface inside the unit (1-based; default 1).
* ``r``: relations ``[subject, type, object, status, attributed_to or null]`` with
  indices into ``e`` as written.

Usage::

    python scripts/hand_annotations.py HAND.jsonl --into annotations/id-cnbc-headlines.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

from eval_annotations import annotations_module  # noqa: E402


def _whole(haystack: str, at: int, needle: str) -> bool:
    """Whether ``needle`` at ``at`` is not part of a longer word (an annotator writing "as" means the word
    "as", not the letters inside "informasi")."""
    before = haystack[at - 1] if at > 0 else " "
    after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
    return not ((needle[0].isalnum() and before.isalnum()) or (needle[-1].isalnum() and after.isalnum()))


def _find(haystack: str, needle: str, k: int, where: str) -> int:
    at, seen = -1, 0
    while seen < k:
        at = haystack.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{where}: {needle!r} does not occur {k} time(s) as a whole word")
        seen += _whole(haystack, at, needle)
    return at


def to_record(hand: dict[str, Any], text: str, language: str, ann: Any) -> dict[str, Any]:
    """One hand record -> one stand-off record (validated by ``annotations.parse_unit``)."""
    doc = hand["doc"]
    unit = hand.get("unit")
    if unit is None:
        start, end = 0, len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
    elif isinstance(unit, str):
        start = text.find(unit)
        if start < 0:
            raise ValueError(f"{doc}: unit text not found")
        if text.find(unit, start + 1) >= 0:
            raise ValueError(f"{doc}: unit text occurs twice; give [start, end]")
        end = start + len(unit)
    else:
        start, end = int(unit[0]), int(unit[1])
    body = text[start:end]
    spans = []
    for item in hand.get("e", []):
        surface, etype = item[0], item[1]
        k = int(item[2]) if len(item) > 2 else 1
        at = start + _find(body, surface, k, doc)
        spans.append((at, at + len(surface), etype))
    order = sorted(range(len(spans)), key=lambda i: spans[i][:2])
    new_index = {old: new for new, old in enumerate(order)}
    relations = []
    for rel in hand.get("r", []):
        s, rtype, o, status, who = rel
        relations.append({"subject": new_index[s], "object": new_index[o], "type": rtype, "status": status,
                          "attributed_to": None if who is None else new_index[who]})
    record = {
        "doc_id": doc,
        "unit": [start, end],
        "language": language,
        "unit_sha256": ann.unit_hash(body),
        "entities": [{"start": spans[i][0], "end": spans[i][1], "type": spans[i][2]} for i in order],
        "relations": relations,
        "negative": not relations,
    }
    ann.parse_unit(record)
    return record


def _natural(doc_id: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", doc_id)]


def merge(records: list[dict[str, Any]], into: Path, *, replace: bool = False) -> int:
    """Merge records into ``into`` (sorted by document and offset); returns how many were new."""
    existing: dict[tuple[str, int, int], dict[str, Any]] = {}
    if into.exists():
        for line in into.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                r = json.loads(line)
                existing[(r["doc_id"], *r["unit"])] = r
    new = 0
    for r in records:
        key = (r["doc_id"], *r["unit"])
        if key in existing and existing[key] != r and not replace:
            raise ValueError(f"{key} is already annotated differently in {into} (use --replace)")
        new += key not in existing
        existing[key] = r
    ordered = sorted(existing.values(), key=lambda r: (_natural(r["doc_id"]), r["unit"]))
    into.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered), encoding="utf-8")
    return new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("hand", type=Path, help="hand records (JSON lines), kept outside the repository")
    ap.add_argument("--into", type=Path, required=True, help="the annotation file to merge into")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--replace", action="store_true", help="let a hand record replace a stored unit")
    args = ap.parse_args(argv)
    ann = annotations_module()
    hands = []
    for number, line in enumerate(args.hand.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            hands.append((number, json.loads(line)))
    prefixes = sorted({h["doc"].split("-")[0] for _, h in hands})
    corpus = ann.load_corpus(args.shared, prefixes=prefixes)
    records, errors = [], 0
    for number, hand in hands:
        try:
            doc = hand["doc"]
            if doc not in corpus:
                raise ValueError(f"unknown document {doc!r}")
            language = ann.CORPUS_FILES[doc.split("-")[0]][1]
            records.append(to_record(hand, corpus[doc], language, ann))
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            errors += 1
            print(f"{args.hand}:{number}: {exc}", file=sys.stderr)
    if errors:
        print(f"{errors} bad hand record(s); nothing merged", file=sys.stderr)
        return 1
    new = merge(records, args.into, replace=args.replace)
    print(f"{len(records)} record(s), {new} new, merged into {args.into}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
