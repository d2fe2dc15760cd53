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
import logging
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError, StoreError
from kg.extract.engine import DEFAULT_ENGINE, Engine, as_engine
from kg.model import Article, Extraction
from kg.store_folder import (
    CURATION_FILE,
    RDF_DIR,
    RECORD_DIR,
    STATE_FILE,
    _DamagedIndex,
    _in_step,
    _open_oxigraph,
    _read_record,
    _read_state,
    _Session,
    is_store,
    set_curation,
    stored_curation,
)
from kg.store_records import extraction_from_record, record

log = logging.getLogger("kg.store")

if TYPE_CHECKING:
    import pyoxigraph

    from kg.curation import Curation
    from kg.graph import KnowledgeGraph

__all__ = [
    "CURATION_FILE",
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
    "set_curation",
    "stored_curation",
]



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
