"""Help to curate: ``kg entities`` (list, search, suspects) and ``kg merge`` / ``kg drop`` (append to a file).

Suspects are of two kinds. Likely duplicates: two entities of one family
(organisations, people, ...) whose normalised names are nearly the same, one of
whose names is the other's alias, or one of which is the other's acronym ("TWA",
"Trans World Airlines"). Likely junk: names that look like amounts or dates,
all-lowercase names (proper names are capitalised; a lowercase "name" is most
often a verb or a common noun), and single words found in one headline only.

>>> from tests.sample import sample_graph
>>> [r.id for r in rows(sample_graph(), search="xiao")]
['xiaomi', 'xiaomi-ev']
>>> print(toml_entry("merge", names=["TWA", 'Trans "World"']), end="")
[[merge]]
names = ["TWA", "Trans \\"World\\""]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["Row", "duplicates", "junk", "load_any", "register", "rows", "toml_entry"]

_AMOUNT = re.compile(r"^[\W\d]*\d[\d.,]*\s*(%|persen|percent|[A-Za-z]{0,3})?$|^(rp|us\$|\$|€|£)\s*\d", re.I)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^(19|20)\d{2}$")


@dataclass(frozen=True, slots=True)
class Row:
    """One entity as ``kg entities`` lists it."""

    id: str
    type: str
    label: str
    articles: int
    links: int
    aliases: tuple[str, ...]


def rows(graph: KnowledgeGraph, *, search: str | None = None) -> list[Row]:
    """The entities, most linked first; ``search`` keeps those whose id, label or an alias contains it."""
    degree: dict[str, int] = defaultdict(int)
    for link in graph.links:
        degree[link.subject] += 1
        degree[link.object] += 1
    wanted = (search or "").casefold()
    out = [
        Row(e.id, e.type, e.label, len(e.articles), degree[e.id], e.aliases)
        for e in graph.entities
        if not wanted or any(wanted in n.casefold() for n in (e.id, e.label, *e.aliases))
    ]
    return sorted(out, key=lambda r: (-r.links, -r.articles, r.id))


def _family(etype: str) -> str:
    from kg.schema import ORG_TYPES

    return "org" if etype in ORG_TYPES else etype


def _acronym(label: str) -> str:
    words = [w for w in re.split(r"[\s\-&]+", label) if w]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def duplicates(graph: KnowledgeGraph, *, cutoff: float = 0.88) -> list[tuple[str, str, str]]:
    """``(id, id, why)`` for likely duplicates (sorted; each pair once)."""
    from kg.names import normalize

    ents = [e for e in graph.entities if e.type != "Sector"]
    found: dict[tuple[str, str], str] = {}

    def note(a: str, b: str, why: str) -> None:
        if a != b:
            found.setdefault((min(a, b), max(a, b)), why)

    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in ents:
        for n in {normalize(x) for x in (e.label, *e.aliases)} - {""}:
            by_name[_family(e.type), n].append(e.id)
    for (_, n), ids in sorted(by_name.items()):
        for other in sorted(set(ids))[1:]:
            note(min(ids), other, f"share the name {n!r}")
    acronyms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in ents:
        if a := _acronym(e.label):
            acronyms[_family(e.type), a].append(e.id)
    for e in ents:
        if e.label.isupper() and 2 <= len(e.label) <= 6:
            for other in acronyms.get((_family(e.type), e.label), []):
                note(e.id, other, f"{e.label!r} is an acronym of the other")
    # Near-identical names, or one the start of the other ("Transworld", "Trans World Airlines"), spaces
    # aside: compared within buckets of the same family and first letter, each with its next 50 in order.
    buckets: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for e in ents:
        key = normalize(e.label).replace(" ", "")
        if key:
            buckets[_family(e.type), key[0]].append((key, e.id))
    for members in buckets.values():
        members.sort()
        for i, (ka, ia) in enumerate(members):
            for kb, ib in members[i + 1 : i + 50]:
                if ka == kb:
                    continue
                if len(ka) >= 6 and kb.startswith(ka):
                    note(ia, ib, f"{ka!r} begins {kb!r}")
                elif difflib.SequenceMatcher(None, ka, kb).ratio() >= cutoff:
                    note(ia, ib, f"names {ka!r} and {kb!r} are nearly the same")
    return sorted((a, b, why) for (a, b), why in found.items())


def junk(graph: KnowledgeGraph) -> list[tuple[str, str]]:
    """``(id, why)`` for likely non-entities."""
    titles = {a.id: a.title or "" for a in graph.articles}
    # Where each entity is mentioned in its articles: "in the headline only" means every mention is in it.
    mentions = {(x.article.id, e.id): e.mentions for x in graph.extractions for e in x.entities}

    def headline_only(e: Any) -> bool:
        (article,) = e.articles
        title, spans = titles.get(article, ""), mentions.get((article, e.id), ())
        return bool(title and spans) and all(m.text in title and m.end <= len(title) + 2 for m in spans)

    out = []
    for e in graph.entities:
        label = e.label.strip()
        if _DATE.search(label):
            out.append((e.id, "looks like a date"))
        elif _AMOUNT.search(label):
            out.append((e.id, "looks like an amount"))
        elif label and label == label.lower() and any(c.isalpha() for c in label) and e.type != "Sector":
            out.append((e.id, "all lowercase: a verb or a common noun, not a name"))
        elif " " not in label and len(e.articles) == 1 and e.type != "Sector" and headline_only(e):
            out.append((e.id, "a single word, in one headline only"))
    return sorted(out)


def toml_value(value: Any) -> str:
    """A TOML basic string (JSON's escapes are TOML's) or an array of them."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def toml_entry(kind: str, **fields: Any) -> str:
    """One ``[[kind]]`` table."""
    return f"[[{kind}]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in fields.items() if v is not None)


def load_any(source: str, curation: str | None = None) -> KnowledgeGraph:
    """The graph of a store folder, or of a build folder (its ``extractions.jsonl``), curated if asked."""
    from kg.curation import load
    from kg.resolve import resolve
    from kg.store import is_store, load_graph
    from kg.store_records import RECORD_VERSION, extraction_from_record

    cur = load(curation) if curation else None
    if is_store(source):
        return load_graph(source, curation=cur)
    path = Path(source)
    path = path / "extractions.jsonl" if path.is_dir() else path
    if not path.is_file():
        raise UsageError(f"{source} is neither a kg store nor a build folder with extractions.jsonl")
    xs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            data["article"] = {**data["article"], "text": ""}
            xs.append(extraction_from_record({**data, "kg_store_record": RECORD_VERSION}))
    return resolve(xs, curation=cur)


def cmd_entities(args: argparse.Namespace) -> int:
    graph = load_any(args.source, args.curation)
    labels = {e.id: e.label for e in graph.entities}
    if args.suspects:
        dups, bad = duplicates(graph), junk(graph)
        if args.toml:
            for a, b, why in dups:
                print(f"# {why}\n" + toml_entry("merge", names=[a, b]))
            for i, why in bad:
                print(f"# {labels[i]!r}: {why}\n" + toml_entry("drop", id=i))
        else:
            for a, b, why in dups:
                print(f"duplicate  {a} ({labels[a]}) = {b} ({labels[b]}): {why}")
            for i, why in bad:
                print(f"junk       {i} ({labels[i]}): {why}")
        return 0
    found = rows(graph, search=args.search)
    if args.toml:
        for r in found:
            print(f"# {r.type}, {r.articles} articles, {r.links} links\n" + toml_entry("drop", id=r.id, name=r.label))
        return 0
    print(f"{'id':30} {'type':12} {'articles':>8} {'links':>6}  label (aliases)")
    for r in found:
        aliases = f" ({'; '.join(r.aliases)})" if r.aliases else ""
        print(f"{r.id:30} {r.type:12} {r.articles:8} {r.links:6}  {r.label}{aliases}")
    return 0


def _append(path: str, text: str) -> None:
    """Append an entry, after checking the whole file still parses (a bad entry is never written)."""
    from kg.curation import parse
    from kg.io import atomic_write

    p = Path(path)
    old = p.read_text(encoding="utf-8") if p.is_file() else ""
    new = old + ("\n" if old and not old.endswith("\n\n") else "") + text
    parse(new, str(p))
    atomic_write(p, [new])


def cmd_merge(args: argparse.Namespace) -> int:
    _append(args.curation, toml_entry("merge", names=[*args.names], label=args.label, type=args.type))
    return 0


def cmd_drop(args: argparse.Namespace) -> int:
    for name in args.names:
        _append(args.curation, toml_entry("drop", name=name))
    return 0


def register(sub: Any) -> None:
    """Add ``entities``, ``merge`` and ``drop`` to ``kg``'s sub-commands."""
    p = sub.add_parser("entities", help="list entities (with --search, --suspects) to help write a curation file",
                       description="List the entities of a store or a build folder: type, articles, links, aliases.")
    p.add_argument("source", metavar="STORE|BUILD_DIR")
    p.add_argument("--search", metavar="TEXT", help="only entities whose id, label or an alias contains TEXT")
    p.add_argument("--suspects", action="store_true", help="likely duplicates and likely junk")
    p.add_argument("--toml", action="store_true", help="print TOML entries ready to paste into a curation file")
    p.add_argument("--curation", metavar="FILE", help="list the graph as this curation file leaves it")
    p.set_defaults(func=cmd_entities)
    p = sub.add_parser("merge", help="append a [[merge]] to a curation file",
                       description="Append a [[merge]] of these names or ids to the curation file.")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--curation", required=True, metavar="FILE")
    p.add_argument("--label", help="the label of the merged entity")
    p.add_argument("--type", help="the type of the merged entity")
    p.set_defaults(func=cmd_merge)
    p = sub.add_parser("drop", help="append a [[drop]] to a curation file",
                       description="Append a [[drop]] of each name or id to the curation file.")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--curation", required=True, metavar="FILE")
    p.set_defaults(func=cmd_drop)
