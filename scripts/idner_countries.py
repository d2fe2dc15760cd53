"""How idner-news-2k labels countries, and kg's idner score without that convention.

idner tags a country as a location where the sentence places something in it ("di Indonesia",
"ke Israel", "dari Jepang") and mostly leaves it untagged where the country acts or owns
("Israel menyerang", "pemerintah Indonesia"). kg's guidelines tag every country
(docs/annotations.md): a state is an entity a researcher wants. This script

1. counts, on idner's *training* file, how often a country name is tagged, by the word before it;
2. with ``--write FILE``, writes a copy of a gold file in which every untagged mention of a country
   name is an optional entity (correct if found, not counted if not), so that
   ``kg eval FILE`` gives idner's figures with that one convention set aside.

    python scripts/idner_countries.py --write /tmp/idner-dev.countries-optional.jsonl
    python -m kg.cli eval /tmp/idner-dev.countries-optional.jsonl

With ``--spans`` each gold name also gets, as an alias, the label kg's guidelines would give it (no
trailing "(ACRONYM)", no leading lowercase noun such as "kota"), which measures idner's span
convention in the same way.

Country names are kg's own (``ontology/gazetteer/countries.tsv``: labels and aliases of both
languages), so nothing here is fitted to idner.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.io import atomic_write  # noqa: E402

# prepositions of place: what idner's convention turns on
PLACING = ("di", "ke", "dari")


def country_pattern() -> re.Pattern[str]:
    """Capitalised names of countries (three letters or more) in kg's gazetteer, longest first."""
    from kg import gazetteer

    names = set()
    for c in gazetteer.load().countries():
        for n in (c.label, c.label_id, *c.common, *(a for _, al in c.lang_aliases for a in al)):
            if n and len(n) > 2 and n[0].isupper():
                names.add(n)
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n)))) + r")\b")


def untagged_countries(rec: dict[str, Any], pat: re.Pattern[str]) -> Iterator[tuple[int, int, bool, str]]:
    """``(start, end, tagged, word before)`` of each country name not inside a longer gold name."""
    text = rec["text"]
    spans = [(m["start"], m["end"]) for e in rec["entities"] for m in e["mentions"]]
    for mo in pat.finditer(text):
        a, b = mo.span()
        if any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans):
            continue  # part of a longer name ("Bank Indonesia")
        before = text[:a].split()
        yield a, b, (a, b) in spans, before[-1].lower() if before else ""


def kg_labels(label: str) -> set[str]:
    """The label kg's guidelines give an idner name, where they differ: no trailing acronym in brackets
    ("Mahkamah Konstitusi (MK)"), no leading lowercase noun ("kota Bandung", "wilayah Jabotabek").

    >>> sorted(kg_labels("Mahkamah Konstitusi (MK)")), sorted(kg_labels("kota Bandung")), kg_labels("Bandung")
    (['Mahkamah Konstitusi'], ['Bandung'], set())
    """
    out = set()
    bare = re.sub(r"\s*\([^()]*\)$", "", label)
    if bare != label and bare:
        out.add(bare)
    words = label.split()
    if len(words) > 1 and words[0].islower():
        out.add(" ".join(words[1:]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, help="gold file to rewrite (default: idner dev)")
    ap.add_argument("--write", type=Path, help="where to write the gold with untagged countries optional")
    ap.add_argument("--spans", action="store_true",
                    help="also give each gold name the alias kg's guidelines would label it with: without a "
                         "trailing acronym in brackets ('Mahkamah Konstitusi (MK)') or a leading lowercase "
                         "noun ('kota Bandung')")
    args = ap.parse_args(argv)
    pat = country_pattern()
    counts: Counter[tuple[str, bool]] = Counter()
    for line in (args.shared / "eval/idner/train.gold.jsonl").read_text(encoding="utf-8").splitlines():
        for _a, _b, tagged, prev in untagged_countries(json.loads(line), pat):
            counts[("after di/ke/dari" if prev in PLACING else "elsewhere", tagged)] += 1
    for where in ("after di/ke/dari", "elsewhere"):
        n = counts[(where, True)] + counts[(where, False)]
        print(f"idner train, country names {where}: tagged {counts[(where, True)]} of {n}")
    if args.write:
        gold = args.gold or args.shared / "eval/idner/dev.gold.jsonl"
        out, added = [], 0
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            have = {e["label"] for e in rec.get("optional_entities", [])}
            extra = []
            for a, b, tagged, _ in untagged_countries(rec, pat):
                name = rec["text"][a:b]
                if not tagged and name not in have:
                    have.add(name)
                    extra.append({"label": name, "type": "Place", "aliases": []})
            if args.spans:
                for e in rec["entities"]:
                    e["aliases"] = sorted(set(e.get("aliases", [])) | kg_labels(e["label"]))
            added += len(extra)
            out.append(json.dumps({**rec, "optional_entities": rec.get("optional_entities", []) + extra},
                                  ensure_ascii=False) + "\n")
        atomic_write(args.write, out)
        print(f"{gold.name}: {added} untagged country names made optional -> {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
