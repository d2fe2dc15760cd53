"""The embedded store: a folder that keeps a graph between runs and grows by article.

A store folder holds

* ``extractions/<name>.json``: one file per article, the article (text and
  metadata) with what was extracted from it *before* cross-article resolution.
  These files are the store's truth; each is written atomically, so a saved file
  means that article is done (an interrupted build resumes without redoing it).
* ``oxigraph/``: an Oxigraph database with the RDF of the resolved graph (one
  named graph per article, see :mod:`kg.rdf`), for SPARQL queries and pushing.
  It is derived data: rebuilt from the extractions whenever they change.
* ``kg-store.json``: the store's marker and state (whether the RDF is in step
  with the extractions, and counts).

Why the extractions are files beside the database rather than a named graph in
it: queries and pushes then see exactly kg's RDF and nothing else, the files are
readable and diffable, and a lost or incompatible database (a new pyoxigraph
storage format) is rebuilt from them without re-reading any article.

Resolution is global (whether "BRI" is "Bank Rakyat Indonesia" may depend on
another article), so every change re-resolves all stored extractions, which is
cheap next to extraction, and rewrites the RDF. Before touching the
extractions the state is marked out of step; it is marked in step only after the
RDF is rewritten, so a run killed at any point is repaired by the next one.

>>> import tempfile
>>> from kg.model import Article, Entity, Extraction, Relation
>>> x = Extraction(
...     Article("a1", "Xiaomi membantah kemitraan dengan Ford.", language="id"),
...     (Entity("xiaomi", "Xiaomi", "Company"), Entity("ford", "Ford", "Company")),
...     (Relation("partnership/ford--xiaomi", "partnership", "ford", "xiaomi", "denied"),),
... )
>>> d = tempfile.mkdtemp() + "/store"
>>> r = add_extractions(d, [x])
>>> r.added, r.articles
(('a1',), 1)
>>> add_extractions(d, [x]).unchanged  # same article again: nothing to do
('a1',)
>>> [link.status for link in load_graph(d).links]
['denied']
>>> remove(d, ["a1"]).articles
0
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.build import remove_stale_temps
from kg.errors import InputError, StoreError, one_line
from kg.extract.engine import DEFAULT_ENGINE, Engine, as_engine
from kg.ids import content_hash
from kg.io import atomic_write
from kg.model import Article, Extraction
from kg.store_records import article_hash, extraction_from_record, record, record_name

log = logging.getLogger("kg.store")

if TYPE_CHECKING:
    import pyoxigraph

    from kg.curation import Curation
    from kg.graph import KnowledgeGraph

__all__ = [
    "RECORD_DIR",
    "STATE_FILE",
    "StoreError",
    "StoreResult",
    "add",
    "add_articles",
    "add_extractions",
    "export",
    "extraction_from_record",
    "is_store",
    "load_extractions",
    "load_graph",
    "open_rdf",
    "record",
    "remove",
]

STATE_FILE = "kg-store.json"
RECORD_DIR = "extractions"
RDF_DIR = "oxigraph"
#: The store's curation file (kg.curation): a copy of the one last given with --curation.
CURATION_FILE = "curation.toml"
# Changing how records are written bumps this. The RDF is rebuilt when it or kg's
# version changes (a new kg may map to RDF differently).
_STATE_VERSION = 1


@dataclass(frozen=True)
class StoreResult:
    """What a change to a store did.

    ``added`` are the articles extracted and saved (new, or new versions);
    ``replaced`` the previously stored articles they overwrote (same id) or
    superseded (the same text under another id, now gone); ``unchanged`` the
    inputs already stored as they are; ``errors`` the inputs that failed (the
    others were still stored).
    ``graph`` is the resolved graph of the whole store after the change.
    """

    graph: KnowledgeGraph
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    errors: tuple[InputError, ...] = field(default=())
    quads: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def articles(self) -> int:
        return len(self.graph.extractions)


@dataclass(frozen=True, slots=True)
class _Stored:
    path: Path
    article_id: str
    content_hash: str
    article_hash: str
    engine: str
    extraction: Extraction


def _same_origin(a: str, b: str) -> bool:
    """Whether two origins (``path`` or ``path:line``) name the same file and line, wherever run from."""
    def key(origin: str) -> tuple[str, str]:
        path, sep, line = origin.rpartition(":")
        if not (sep and line.isdigit()):
            path, line = origin, ""
        return (path if path.startswith("<") else os.path.realpath(path)), line

    return key(a) == key(b)


def _read_record(path: Path) -> _Stored:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        x = extraction_from_record(data)
        return _Stored(path, x.article.id, data["content_hash"], data["article_hash"], data["engine"], x)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"damaged store file {path}: {type(exc).__name__}: {exc} (remove it and add that article again)"
        ) from None


# -- the folder ---------------------------------------------------------------------------------


def is_store(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is a folder holding a kg store."""
    return (Path(path) / STATE_FILE).is_file()


def _read_state(root: Path) -> dict[str, Any]:
    try:
        state = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(
            f"{root} is not a kg store (no {STATE_FILE}; create one with kg build --store)"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"damaged store file {root / STATE_FILE}: {exc}") from None
    if not isinstance(state, dict) or state.get("kg_store") is None:
        raise StoreError(f"{root / STATE_FILE} is not a kg store state file")
    return state


def _kg_version() -> str:
    from kg import __version__

    return __version__


def _write_state(root: Path, *, synced: bool, articles: int = 0, quads: int = 0) -> None:
    state = {
        "kg_store": _STATE_VERSION,
        "kg_version": _kg_version(),
        "rdf_synced": synced,
        "articles": articles,
        "quads": quads,
    }
    atomic_write(root / STATE_FILE, [json.dumps(state, indent=1) + "\n"])


def _in_step(state: dict[str, Any]) -> bool:
    return (
        state.get("kg_store") == _STATE_VERSION
        and state.get("kg_version") == _kg_version()
        and state.get("rdf_synced") is True
    )


class _DamagedIndex(StoreError):
    """The Oxigraph database cannot be opened (corrupt files): it is rebuilt from the records."""


def _open_oxigraph(root: Path, *, read_only: bool = False) -> pyoxigraph.Store:
    import pyoxigraph

    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(root / RDF_DIR))
        return pyoxigraph.Store(str(root / RDF_DIR))
    except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
        if "lock" in str(exc).lower():
            raise StoreError(
                f"store {root} is in use by another kg process; try again when it is done"
            ) from None
        if isinstance(exc, RuntimeError) or "corrupt" in str(exc).lower():
            raise _DamagedIndex(f"the RDF index of store {root} is damaged ({one_line(str(exc))})") from None
        raise StoreError(f"cannot open the RDF database of store {root}: {exc}") from None


def _open_or_rebuild(root: Path) -> tuple[pyoxigraph.Store, bool]:
    """Open the store's RDF index for writing; a damaged one is set aside and made anew.

    The index holds nothing the records do not (it is derived from them), so a
    damaged one costs a rebuild, never data. Returns the store and whether the
    index was replaced (and so must be filled again).
    """
    try:
        return _open_oxigraph(root), False
    except _DamagedIndex as exc:
        aside = root / f"{RDF_DIR}.damaged"
        shutil.rmtree(aside, ignore_errors=True)
        (root / RDF_DIR).rename(aside)
        log.warning("%s; it is derived from the records, so kg rebuilds it (the damaged copy is in %s)",
                    exc, one_line(str(aside)))
        return _open_oxigraph(root), True


class _Session:
    """An open store: its records, and the Oxigraph database (whose lock keeps others out)."""

    def __init__(self, root: str | os.PathLike[str], *, create: bool) -> None:
        self.root = Path(root)
        if create and not is_store(self.root):
            if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
                raise StoreError(
                    f"{self.root} is not a kg store and not an empty folder: refusing to write into it"
                )
            self.root.mkdir(parents=True, exist_ok=True)
            _write_state(self.root, synced=False)
        self.state = _read_state(self.root)
        had_rdf = (self.root / RDF_DIR).is_dir()
        self.rdf, rebuilt = _open_or_rebuild(self.root)
        had_rdf = had_rdf and not rebuilt
        (self.root / RECORD_DIR).mkdir(exist_ok=True)
        # A run killed while saving a record leaves its temporary file (the record itself is whole or absent).
        remove_stale_temps(self.root, [RECORD_DIR])
        self.records: dict[str, _Stored] = {}
        # ids by text hash: the same text under another id is found without reading every record
        self._by_text: dict[str, set[str]] = {}
        for path in sorted((self.root / RECORD_DIR).glob("*.json")):
            stored = _read_record(path)
            if stored.article_id in self.records or path.name != record_name(stored.article_id):
                raise StoreError(
                    f"store file {path} does not belong under that name (article "
                    f"{stored.article_id!r}); remove it and add that article again"
                )
            self._keep(stored)
        self.dirty = not (had_rdf and _in_step(self.state))

    def _keep(self, stored: _Stored) -> None:
        old = self.records.get(stored.article_id)
        if old is not None:
            self._forget_text(old)
        self.records[stored.article_id] = stored
        self._by_text.setdefault(stored.content_hash, set()).add(stored.article_id)

    def _forget_text(self, stored: _Stored) -> None:
        ids = self._by_text[stored.content_hash]
        ids.discard(stored.article_id)
        if not ids:
            del self._by_text[stored.content_hash]

    def _touch(self) -> None:
        if not self.dirty:
            _write_state(self.root, synced=False)
            self.dirty = True

    def unchanged(self, article: Article, engine: str) -> bool:
        old = self.records.get(article.id)
        return old is not None and old.article_hash == article_hash(article) and old.engine == engine

    def twin(self, article: Article) -> str | None:
        """The id of a stored article with the same text under an id that sorts first, if any.

        Of several ids with one text the store keeps the first in id order, whatever
        order they arrive in, so a corpus that holds a text twice is "unchanged" when
        added again (it used to replace A by B and B by A on every run).
        """
        found = [i for i in self._by_text.get(content_hash(article.text), ()) if i < article.id]
        return min(found) if found else None

    def foreign_origin(self, article: Article) -> str | None:
        """The origin of the stored article with this id when it came from another file (or line)."""
        old = self.records.get(article.id)
        if old is None or not old.extraction.article.origin or not article.origin:
            return None
        before, now = old.extraction.article.origin, article.origin
        return None if _same_origin(before, now) else before

    def put(self, x: Extraction, engine: str, source: Article | None = None) -> list[str]:
        """Save one extraction; returns the ids of the stored articles it replaces."""
        self._touch()
        text_hash = content_hash((source or x.article).text)
        replaced = sorted(self._by_text.get(text_hash, set()) | ({x.article.id} & self.records.keys()))
        # Delete the other-id copy first: a run killed in between has lost an
        # article that re-running the same command adds back, never a duplicate.
        for article_id in replaced:
            if article_id != x.article.id:
                self.delete(article_id)
        path = self.root / RECORD_DIR / record_name(x.article.id)
        data = record(x, engine=engine, source=source)
        atomic_write(path, [json.dumps(data, ensure_ascii=False) + "\n"])
        self._keep(_Stored(path, x.article.id, data["content_hash"], data["article_hash"], engine, x))
        return replaced

    def delete(self, article_id: str) -> None:
        self._touch()
        stored = self.records.pop(article_id)
        self._forget_text(stored)
        stored.path.unlink(missing_ok=True)

    def sync(self, curation: Curation | None = None) -> tuple[KnowledgeGraph, int]:
        """Re-resolve every stored extraction; rewrite the RDF if anything changed.

        ``curation``, if given and it resolves, replaces the store's curation file.
        """
        import pyoxigraph

        from kg.rdf import nquads, statements_by_graph
        from kg.resolve import resolve

        graph = resolve((s.extraction for s in self.records.values()),
                        curation=curation or stored_curation(self.root))
        if curation is not None and set_curation(self.root, curation):
            self.dirty = True
        if not self.dirty:
            return graph, int(self.state.get("quads", 0))
        parts = statements_by_graph(graph)
        count = sum(len(statements) for _, statements in parts)
        self.rdf.clear()
        # One transactional load; the state says "out of step" until it is flushed.
        self.rdf.load(nquads(parts), format=pyoxigraph.RdfFormat.N_QUADS)
        self.rdf.flush()
        _write_state(self.root, synced=True, articles=len(graph.extractions), quads=count)
        self.dirty = False
        return graph, count


# -- public operations --------------------------------------------------------------------------


def add_articles(
    store_dir: str | os.PathLike[str],
    articles: Iterable[Article | InputError],
    *,
    engine: str | Engine = DEFAULT_ENGINE,
    workers: int = 1,
    dask: str | None = None,
    progress: Callable[[object], object] | None = None,
    replace: bool = False,
    curation: Curation | None = None,
) -> StoreResult:
    """Extract and store articles (creating the store if needed), then update its RDF.

    ``curation`` becomes the store's curation file once the graph resolves with it
    (a bad one raises :class:`~kg.curation.CurationError` and changes neither the
    curation nor the RDF; the new extractions are kept).

    An article already stored with the same id, text and metadata (and engine)
    is not extracted again; one with the same id, or the same text under another
    id, replaces the stored one. :class:`~kg.errors.InputError` items are
    reported in the result, and every other article is still stored.
    ``workers`` and ``dask`` are those of :func:`kg.parallel.extract_many`.

    An article whose id is stored from another file or line (``2026-01/story.txt``
    and ``2026-02/story.txt`` both have the id ``story``) is refused with an error
    naming both, unless ``replace``: it is most often another story. One text under
    several ids is stored once, under the id that sorts first (a text whose stored
    twin is not among this run's inputs replaces it: a renamed file).
    """
    from kg.parallel import extract_many

    spec = as_engine(engine)
    key = spec.key  # what the store records: a new model folder or LLM means a new extraction
    added: list[str] = []
    replaced: set[str] = set()
    unchanged: list[str] = []
    errors: list[InputError] = []
    session = _Session(store_dir, create=True)
    # Articles are read ahead of the results (workers need work queued), so the
    # "unchanged" test is made twice: when read, to skip extraction, and again in
    # input order, because an earlier article of this run may have replaced it.
    order: deque[tuple[bool, Article | InputError]] = deque()

    seen: set[str] = set()
    twins: list[tuple[Article, str]] = []

    def queue() -> Iterator[Article | InputError]:
        for item in articles:
            skip = False
            if isinstance(item, Article):
                seen.add(item.id)
                skip = session.unchanged(item, key)
                before = None if replace or skip else session.foreign_origin(item)
                if before is not None:
                    item = InputError(item.origin or item.id, (
                        f"article id {item.id!r} is already in the store from {before}; not replaced "
                        "(give the article an id of its own, or --replace to replace it)"))
                elif not skip and (twin := session.twin(item)) is not None:
                    twins.append((item, twin))
                    continue
            order.append((skip, item))
            if not skip:
                yield item

    def settle(x: Extraction | InputError, source: Article | InputError) -> None:
        if progress is not None:
            progress(x)
        if isinstance(x, InputError):
            errors.append(x)
            return
        if isinstance(source, Article) and (twin := session.twin(source)) is not None and twin in seen:
            unchanged.append(source.id)  # an earlier article of this run stored its text under the first id
            return
        replaced.update(session.put(x, key, source if isinstance(source, Article) else None))
        added.append(x.article.id)

    def skipped_until_next() -> None:
        while order and order[0][0]:
            item = order.popleft()[1]
            assert isinstance(item, Article)
            if session.unchanged(item, key):
                unchanged.append(item.id)
                if progress is not None:
                    progress(item)
            else:
                settle(next(extract_many([item], engine=spec)), item)

    for x in extract_many(queue(), engine=spec, workers=workers, dask=dask):
        skipped_until_next()
        settle(x, order.popleft()[1])
    skipped_until_next()
    for item, twin in twins:
        if twin in seen and twin in session.records:
            unchanged.append(item.id)  # its text is stored under the first id
            if progress is not None:
                progress(item)
        else:
            settle(next(extract_many([item], engine=spec)), item)
    graph, count = session.sync(curation)
    return StoreResult(
        graph, tuple(added), tuple(sorted(replaced)), tuple(unchanged), (), tuple(errors), count
    )


def add(
    store_dir: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]],
    *,
    engine: str | Engine = DEFAULT_ENGINE,
    max_article_bytes: int | None = None,
    workers: int = 1,
    dask: str | None = None,
    progress: Callable[[object], object] | None = None,
    replace: bool = False,
    curation: Curation | None = None,
) -> StoreResult:
    """Read ``inputs`` (files, folders, ``-``) and add their articles to the store.

    This is ``kg build INPUT... --store DIR``; see :func:`add_articles`.
    """
    from kg.readers import read

    articles = read(inputs) if max_article_bytes is None else read(inputs, max_article_bytes=max_article_bytes)
    return add_articles(
        store_dir, articles, engine=engine, workers=workers, dask=dask, progress=progress, replace=replace,
        curation=curation,
    )


def add_extractions(
    store_dir: str | os.PathLike[str], extractions: Iterable[Extraction], *, engine: str | Engine = DEFAULT_ENGINE
) -> StoreResult:
    """Store ready-made extractions (from another engine, a test, ``kg extract`` output)."""
    key = engine.key if isinstance(engine, Engine) else engine
    added: list[str] = []
    replaced: set[str] = set()
    unchanged: list[str] = []
    session = _Session(store_dir, create=True)
    for x in extractions:
        if session.unchanged(x.article, key) and session.records[x.article.id].extraction == x:
            unchanged.append(x.article.id)
            continue
        replaced.update(session.put(x, key))
        added.append(x.article.id)
    graph, count = session.sync()
    return StoreResult(graph, tuple(added), tuple(sorted(replaced)), tuple(unchanged), quads=count)


def remove(store_dir: str | os.PathLike[str], article_ids: Iterable[str]) -> StoreResult:
    """Remove articles, with their claims and the entities nothing else mentions.

    Ids not in the store are reported as errors; the others are still removed.
    """
    session = _Session(store_dir, create=False)
    removed: list[str] = []
    errors: list[InputError] = []
    for article_id in article_ids:
        if article_id in session.records:
            session.delete(article_id)
            removed.append(article_id)
        elif article_id not in removed:
            errors.append(InputError(article_id, "no article with this id in the store"))
    graph, count = session.sync()
    return StoreResult(graph, removed=tuple(removed), errors=tuple(errors), quads=count)


def load_extractions(store_dir: str | os.PathLike[str]) -> list[Extraction]:
    """The stored extractions (before resolution), sorted by article id."""
    root = Path(store_dir)
    _read_state(root)
    records = [_read_record(p) for p in sorted((root / RECORD_DIR).glob("*.json"))]
    return [s.extraction for s in sorted(records, key=lambda s: s.article_id)]


def stored_curation(store_dir: str | os.PathLike[str]) -> Curation | None:
    """The store's curation (``curation.toml`` in the store folder), if it has one."""
    from kg.curation import load

    path = Path(store_dir) / CURATION_FILE
    return load(path) if path.is_file() else None


def set_curation(store_dir: str | os.PathLike[str], curation: Curation) -> bool:
    """Keep ``curation`` as the store's; returns True if it changed (the RDF is then re-resolved on next sync)."""
    root = Path(store_dir)
    old = stored_curation(root) if is_store(root) else None
    if old is not None and old.sha256 == curation.sha256:
        return False
    if not is_store(root):
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise StoreError(f"{root} is not a kg store and not an empty folder: refusing to write into it")
        root.mkdir(parents=True, exist_ok=True)
    atomic_write(root / CURATION_FILE, [Path(curation.path).read_text(encoding="utf-8")])
    _write_state(root, synced=False)
    return True


def load_graph(
    store_dir: str | os.PathLike[str],
    *,
    since: str | None = None,
    until: str | None = None,
    curation: Curation | None = None,
) -> KnowledgeGraph:
    """The resolved graph of everything in the store (what ``kg export --store`` writes).

    ``since``/``until`` keep the articles published then (see :func:`kg.resolve.resolve`);
    ``curation`` replaces the store's own curation file for this graph.
    """
    from kg.resolve import resolve

    return resolve(load_extractions(store_dir), since=since, until=until,
                   curation=curation or stored_curation(store_dir))


def export(
    store_dir: str | os.PathLike[str], out: str | os.PathLike[str], *, formats: Iterable[str] | None = None
) -> list[Path]:
    """Write the store's graph into folder ``out`` in each format (default: the default set)."""
    from kg.formats import export_all

    return export_all(load_graph(store_dir), out, formats=formats)


_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.S)
_MAX_ENTITIES = 200


def check_xml_entities(path: Path) -> None:
    """Refuse an XML file whose DOCTYPE could expand without bound, before any parser sees it.

    Entities that name other entities ("billion laughs": 1 KB that expands to
    gigabytes and aborted the process), external and parameter entities are refused;
    the plain namespace abbreviations OWL tools write (``<!ENTITY owl "http://...#">``)
    are fine.
    """
    with path.open("rb") as f:
        head = f.read(1 << 20)
    start = head.find(b"<!DOCTYPE")
    if start < 0:
        return
    entities = list(_ENTITY.finditer(head, start))
    if head.count(b"<!ENTITY", start) != len(entities):
        raise StoreError(f"{path}: refusing an XML DOCTYPE with entity declarations kg cannot check")
    for m in entities:
        value = m.group(2)
        if m.group(1) or value in (b"SYSTEM", b"PUBLIC") or b"&" in value or b"%" in value:
            raise StoreError(
                f"{path}: refusing an XML DOCTYPE with nested, parameter or external entities "
                "(they can expand without bound)"
            )
    if len(entities) > _MAX_ENTITIES:
        raise StoreError(f"{path}: refusing an XML DOCTYPE with more than {_MAX_ENTITIES} entities")


@contextlib.contextmanager
def open_rdf(source: str | os.PathLike[str]) -> Iterator[pyoxigraph.Store]:
    """A pyoxigraph Store with the RDF of ``source``: a kg store folder or an RDF file.

    A store whose RDF is out of step (an interrupted run) is brought in step
    first. An RDF file (``.trig``, ``.nq``, ``.ttl``, ``.nt``, ``.jsonld``,
    ``.rdf``) is loaded into an in-memory store.
    """
    import pyoxigraph

    path = Path(source)
    if path.is_dir():
        if _in_step(_read_state(path)) and (path / RDF_DIR).is_dir():
            try:
                ro = _open_oxigraph(path, read_only=True)
            except _DamagedIndex:
                pass  # rebuilt below, from the records
            else:
                yield ro
                return
        session = _Session(path, create=False)
        session.sync()
        yield session.rdf
        return
    if not path.is_file():
        raise StoreError(f"{path} is neither a kg store folder nor an RDF file")
    ext = path.suffix.lstrip(".").lower()
    fmt = pyoxigraph.RdfFormat.RDF_XML if ext == "owl" else pyoxigraph.RdfFormat.from_extension(ext)
    if fmt is None:
        allowed = ".jsonld, .n3, .nq, .nt, .owl, .rdf, .trig, .ttl"
        raise StoreError(f"cannot tell the RDF format of {path} from its extension (allowed: {allowed})")
    if fmt == pyoxigraph.RdfFormat.RDF_XML:
        check_xml_entities(path)
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path} is not valid {fmt.name}: {exc}") from None
    yield store
