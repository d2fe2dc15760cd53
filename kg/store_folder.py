"""The store's folder: its records, its state file and its Oxigraph database (see :mod:`kg.store`).

:class:`_Session` is one open store: it reads the records once, answers whether an
article is already stored (by id, text hash or origin), writes and deletes records,
and brings the RDF in step with them (:meth:`_Session.sync`). The public operations
over it are in :mod:`kg.store`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.build import remove_stale_temps
from kg.errors import StoreError, one_line
from kg.ids import content_hash
from kg.io import atomic_write
from kg.model import Article, Extraction
from kg.store_records import article_hash, extraction_from_record, record, record_name

log = logging.getLogger("kg.store")

if TYPE_CHECKING:
    import pyoxigraph

    from kg.curation import Curation
    from kg.graph import KnowledgeGraph

STATE_FILE = "kg-store.json"
RECORD_DIR = "extractions"
RDF_DIR = "oxigraph"
#: The store's curation file (kg.curation): a copy of the one last given with --curation.
CURATION_FILE = "curation.toml"
# Changing how records are written bumps this. The RDF is rebuilt when it or kg's
# version changes (a new kg may map to RDF differently).
_STATE_VERSION = 1


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
