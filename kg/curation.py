"""Corrections that survive every rebuild: a TOML curation file applied at resolution.

A curation file (``--curation FILE`` on ``kg build``, ``kg export``, ``kg query``;
a store keeps a copy) holds five kinds of entry, each a TOML array of tables.
Entities are named by id or by any of their names (label or alias, compared as
:func:`kg.names.normalize` compares them)::

    [[merge]]                      # these are one entity
    names = ["TWA", "Trans World Airlines", "Transworld"]
    label = "Trans World Airlines" # optional: label, type, wikidata, id of the merged entity
    type = "Company"
    wikidata = "Q1754"

    [[drop]]                       # not an entity: it goes, with its links
    name = "Bank"                  # or id = "bank"

    [[retype]]
    name = "SEC"
    type = "Organization"

    [[veto]]                       # a link that is wrong (optionally only as one article says it)
    type = "partnership"
    subject = "Xiaomi"
    object = "Ford"
    article = "id/xiaomi-ford"

    [[add]]                        # a link the articles miss; the curator is its source
    type = "partnership"
    subject = "Vale Indonesia"
    object = "Hyundai"
    status = "asserted"
    date = "2026-03-02"
    note = "Signing confirmed by both companies' filings."

Every curated fact is marked with :attr:`Curation.mark` (the file's name and
SHA-256): ``curated`` on nodes and claims, ``prov:wasAttributedTo`` in RDF.
Mistakes raise :class:`CurationError` naming the file, the line and the entry.

>>> c = parse('[[merge]]\\nnames = ["TWA", "Trans World Airlines"]\\n', "c.toml")
>>> c.merges[0].names, c.merges[0].line, c.mark[:20]
(('TWA', 'Trans World Airlines'), 1, 'c.toml sha256:019152')
>>> parse('[[retype]]\\nname = "SEC"\\ntype = "Regulator"\\n', "c.toml")
Traceback (most recent call last):
...
kg.curation.CurationError: c.toml:1: [[retype]] #1: type 'Regulator' is not in the ontology \
(Company, Organization, Person, Country, Place, Sector, Product)
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import UsageError
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

__all__ = ["KINDS", "Curation", "CurationError", "Entry", "load", "parse"]

KINDS = ("merge", "drop", "retype", "veto", "add")

_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # kind -> (required, optional)
    "merge": ({"names"}, {"label", "type", "wikidata", "id", "note"}),
    "drop": (set(), {"name", "id", "note"}),
    "retype": ({"type"}, {"name", "id", "note"}),
    "veto": ({"type", "subject", "object"}, {"article", "note"}),
    "add": ({"type", "subject", "object", "status", "note"}, {"date", "speaker"}),
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CurationError(UsageError):
    """A curation file that cannot be applied: its file, line and entry are in the message."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry: its kind, its number among entries of that kind (from 1), its line and fields."""

    kind: str
    number: int
    line: int | None
    fields: tuple[tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        return dict(self.fields).get(name)

    @property
    def names(self) -> tuple[str, ...]:
        """The entity references of a merge (``names``), drop or retype (``name`` or ``id``)."""
        if self.kind == "merge":
            return tuple(self.get("names"))
        return tuple(str(v) for v in (self.get("id"), self.get("name")) if v)


@dataclass(frozen=True, slots=True)
class Curation:
    """A parsed, checked curation file."""

    path: str
    sha256: str
    entries: tuple[Entry, ...] = ()

    @property
    def mark(self) -> str:
        """What curated facts are attributed to: the file's name and hash."""
        return f"{Path(self.path).name} sha256:{self.sha256}"

    def of(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    @property
    def merges(self) -> tuple[Entry, ...]:
        return self.of("merge")

    def error(self, entry: Entry, message: str) -> CurationError:
        where = f"{self.path}:{entry.line}" if entry.line else self.path
        return CurationError(f"{where}: [[{entry.kind}]] #{entry.number}: {message}")


def _lines(text: str) -> dict[str, list[int]]:
    """The line of each ``[[kind]]`` header, in order, by kind."""
    out: dict[str, list[int]] = {k: [] for k in KINDS}
    for i, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]", line)
        if m and m.group(1) in out:
            out[m.group(1)].append(i)
    return out


def _check(c: Curation, e: Entry) -> None:
    required, optional = _FIELDS[e.kind]
    given = {k for k, _ in e.fields}
    if missing := sorted(required - given):
        raise c.error(e, f"missing {', '.join(missing)}")
    if unknown := sorted(given - required - optional):
        raise c.error(e, f"unknown field {', '.join(unknown)} (allowed: {', '.join(sorted(required | optional))})")
    for k, v in e.fields:
        if k == "names":
            if not isinstance(v, list) or len(v) < 2 or not all(isinstance(n, str) and n.strip() for n in v):
                raise c.error(e, "names must be a list of at least two names or ids")
        elif not isinstance(v, str) or not v.strip():
            raise c.error(e, f"{k} must be a non-empty string")
    if e.kind in ("drop", "retype") and not e.names:
        raise c.error(e, "name or id is required")
    etype = e.get("type")
    if e.kind in ("merge", "retype") and etype is not None and etype not in ENTITY_TYPES:
        raise c.error(e, f"type {etype!r} is not in the ontology ({', '.join(ENTITY_TYPES)})")
    if e.kind in ("veto", "add") and etype not in RELATION_TYPES:
        raise c.error(e, f"relation type {etype!r} is not in the ontology ({', '.join(RELATION_TYPES)})")
    if e.kind == "add":
        if e.get("status") not in STATUSES:
            raise c.error(e, f"status {e.get('status')!r} is not one of {', '.join(STATUSES)}")
        date = e.get("date")
        if date is not None and not _DATE.fullmatch(date):
            raise c.error(e, f"date {date!r} is not YYYY-MM-DD")


def _check_merges(c: Curation) -> None:
    """A name in two merges would chain them (a cycle, or two targets for one name): refused."""
    from kg.names import normalize

    seen: dict[str, Entry] = {}
    for e in c.merges:
        for name in e.names:
            key = normalize(name) or name
            other = seen.setdefault(key, e)
            if other is not e:
                raise c.error(e, f"{name!r} is already merged by [[merge]] #{other.number} (line {other.line}): "
                                 "a name may be in one merge only (merge the lists instead)")
    targets: dict[str, Entry] = {}
    for e in c.merges:
        if (ident := e.get("id")) and targets.setdefault(ident, e) is not e:
            raise c.error(e, f"id {ident!r} is the target of two merges")


def parse(text: str, path: str = "<curation>") -> Curation:
    """Parse and check a curation file's text (``path`` names it in errors)."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{path}: not valid TOML: {exc}") from None
    if unknown := sorted(set(data) - set(KINDS)):
        raise CurationError(f"{path}: unknown section {', '.join(unknown)} (allowed: {', '.join(KINDS)})")
    lines = _lines(text)
    c = Curation(path, hashlib.sha256(text.encode("utf-8")).hexdigest())
    entries: list[Entry] = []
    for kind in KINDS:
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise CurationError(f"{path}: {kind} must be an array of tables ([[{kind}]])")
        for i, item in enumerate(items, 1):
            line = lines[kind][i - 1] if i <= len(lines[kind]) else None
            entry = Entry(kind, i, line, tuple(sorted(item.items())) if isinstance(item, dict) else ())
            if not isinstance(item, dict):
                raise c.error(entry, "must be a table")
            _check(c, entry)
            entries.append(entry)
    entries.sort(key=lambda e: (e.line or 0, KINDS.index(e.kind), e.number))
    c = Curation(path, c.sha256, tuple(entries))
    _check_merges(c)
    return c


def load(path: str | os.PathLike[str]) -> Curation:
    """Read and check a curation file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"{p}: cannot read the curation file: {exc}") from None
    return parse(text, str(p))


# -- applying a curation (kg.resolve calls these) -------------------------------------------------


def matches(ref: str, ident: str, names: tuple[str, ...]) -> bool:
    """Whether ``ref`` names the entity with id ``ident`` and these names (label, aliases).

    >>> matches("TWA", "trans-world-airlines", ("Trans World Airlines", "TWA")), matches("twa", "twa", ())
    (True, True)
    """
    from kg.names import normalize

    if ref == ident:
        return True
    key = normalize(ref)
    return bool(key) and any(normalize(n) == key for n in names)


def _entity_names(e: Any) -> tuple[str, ...]:
    return (e.label, *e.aliases)


def _curated_type(c: Curation, e: Any) -> str:
    """An entity's type once the curation's retypes and typed merges are applied."""
    names = _entity_names(e)
    for entry in (*c.of("retype"), *c.merges):
        refs = [entry.get("name")] if entry.kind == "retype" else list(entry.get("names") or ())
        if entry.get("type") and any(ref and matches(ref, e.id, names) for ref in refs):
            return str(entry.get("type"))
    return str(e.type)


def _find(c: Curation, entry: Entry, ref: str, candidates: list[Any], strict: bool) -> Any | None:
    found = [x for x in candidates if matches(ref, x.id, _entity_names(x))]
    if not found:
        if strict:
            raise c.error(entry, f"unknown entity {ref!r} (no id, name or alias matches)")
        return None
    return min(found, key=lambda x: (x.id != ref, x.id))


def additions(c: Curation, extractions: list[Any], *, strict: bool = True) -> list[Any]:
    """One pseudo-article per ``[[add]]``: the curator's statement, with the note as its evidence."""
    from kg.model import Article, Entity, Evidence, Extraction, Relation

    records = sorted({e.id: e for x in extractions for e in x.entities}.values(), key=lambda e: e.id)
    out = []
    for entry in c.of("add"):
        parties = [_find(c, entry, entry.get(k), records, strict) for k in ("subject", "object")]
        speaker = _find(c, entry, entry.get("speaker"), records, strict) if entry.get("speaker") else None
        subj, obj = parties
        if subj is None or obj is None:
            continue
        spec = RELATION_TYPES[entry.get("type")]
        stype, otype = _curated_type(c, subj), _curated_type(c, obj)
        if stype not in spec.subject_types or otype not in spec.object_types:
            # Checked here, not left to the resolver: it would drop the link without a word.
            allowed_s, allowed_o = ", ".join(sorted(spec.subject_types)), ", ".join(sorted(spec.object_types))
            raise c.error(entry, f"{spec.name} does not join {stype} -> {otype} "
                                 f"(subject: {allowed_s}; object: {allowed_o})")
        note = entry.get("note")
        article = Article(
            f"curation/{c.sha256[:12]}/{entry.number}", note, title=f"{Path(c.path).name}: [[add]] #{entry.number}",
            source=c.mark, published=entry.get("date"), origin=c.path,
        )
        ents = {e.id: Entity(e.id, e.label, e.type, e.aliases, e.wikidata) for e in (subj, obj, speaker) if e}
        rel = Relation("curated", entry.get("type"), subj.id, obj.id, entry.get("status"),
                       speaker.id if speaker else None, None, 1.0, (Evidence(0, len(note), note),))
        out.append(Extraction(article, tuple(sorted(ents.values(), key=lambda e: e.id)), (rel,)))
    return out


def is_curated_article(article_id: str) -> bool:
    return article_id.startswith("curation/")


def merge_groups(c: Curation, groups: dict[str, list[Any]], *, strict: bool = True) -> dict[str, list[Any]]:
    """Join the groups of entity records that one ``[[merge]]`` names."""
    roots = sorted(groups)
    joined: dict[str, str] = {r: r for r in roots}
    for entry in c.merges:
        hit: list[str] = []
        for ref in entry.names:
            found = [r for r in roots if any(matches(ref, m.id, _entity_names(m)) for m in groups[r])]
            if not found and strict:
                raise c.error(entry, f"unknown entity {ref!r} (no id, name or alias matches)")
            hit.extend(joined[r] for r in found)
        if hit:
            target = min(hit)
            for r in roots:
                if joined[r] in hit:
                    joined[r] = target
    out: dict[str, list[Any]] = {}
    for r in roots:
        out.setdefault(joined[r], []).extend(groups[r])
    return out


def curate_node(c: Curation, node: Any, members: list[Any]) -> Any:
    """The node with what ``[[merge]]`` and ``[[retype]]`` say about it, marked curated if they say anything."""
    from dataclasses import replace

    def named(entry: Entry) -> bool:
        return any(matches(ref, m.id, _entity_names(m)) for ref in entry.names for m in members) or any(
            matches(ref, node.id, _entity_names(node)) for ref in entry.names)

    changes: dict[str, Any] = {}
    for entry in c.merges:
        if named(entry):
            changes["curated"] = c.mark
            for field in ("label", "type", "wikidata", "id"):
                if entry.get(field):
                    changes[field] = entry.get(field)
    for entry in c.of("retype"):
        if named(entry):
            changes.update(type=entry.get("type"), curated=c.mark)
    if "label" in changes and changes["label"] != node.label:
        changes["aliases"] = tuple(sorted(set(node.aliases) | {node.label} - {changes["label"]}))
    return replace(node, **changes) if changes else node


def dropped(c: Curation, nodes: list[Any], *, strict: bool = True) -> set[str]:
    """The ids of the nodes ``[[drop]]`` names."""
    out: set[str] = set()
    for entry in c.of("drop"):
        found = {n.id for ref in entry.names for n in nodes if matches(ref, n.id, _entity_names(n))}
        if not found and strict:
            raise c.error(entry, f"unknown entity {entry.names[0]!r} (no id, name or alias matches)")
        out |= found
    return out


def vetoes(c: Curation, nodes: list[Any], *, strict: bool = True) -> list[tuple[str, str, str, str | None]]:
    """``(type, subject id, object id, article or None)`` for each ``[[veto]]``."""
    from kg.schema import link_key

    out = []
    for entry in c.of("veto"):
        s = _find(c, entry, entry.get("subject"), nodes, strict)
        o = _find(c, entry, entry.get("object"), nodes, strict)
        if s is not None and o is not None:
            out.append((*link_key(entry.get("type"), s.id, o.id), entry.get("article")))
    return out
