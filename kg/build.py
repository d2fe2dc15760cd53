"""The main job: read inputs, extract, resolve, and write every output.

Bad inputs never stop a build: each becomes an :class:`~kg.errors.InputError`
reported in the result (and in ``errors.jsonl`` beside the outputs), and every
other article is still built.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.extract.engine import DEFAULT_ENGINE, Engine
from kg.graph import KnowledgeGraph
from kg.io import all_or_nothing, atomic_write, check_writable, output_error
from kg.model import Extraction

if TYPE_CHECKING:
    from kg.curation import Curation


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the graph, the files written and the inputs that failed."""

    graph: KnowledgeGraph
    errors: tuple[InputError, ...] = ()
    written: tuple[Path, ...] = field(default=())
    #: True when no article was built and so nothing was written (``allow_empty`` was not given).
    empty: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.empty


def extract_all(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    engine: str | Engine = DEFAULT_ENGINE,
    max_article_bytes: int | None = None,
    workers: int = 1,
    dask: str | None = None,
    slim: bool = False,
    skip: Iterable[str | os.PathLike[str]] = (),
    min_confidence: float = 0.0,
) -> Iterator[Extraction | InputError]:
    """Read and extract each input in order, yielding errors in place of failed articles.

    ``workers`` and ``dask`` are those of :func:`kg.parallel.extract_many`: the
    results, and their order, are the same with any of them. ``skip``: folders
    not read when walking a folder input (see :func:`kg.readers.read`). Entities below
    ``min_confidence`` are dropped with their links, and relations below it
    (:func:`kg.extract.confidence.above`).
    """
    from kg.extract.confidence import above
    from kg.parallel import extract_many
    from kg.readers import read

    articles = (read(inputs, skip=skip) if max_article_bytes is None
                else read(inputs, skip=skip, max_article_bytes=max_article_bytes))
    for item in extract_many(articles, engine=engine, workers=workers, dask=dask, slim=slim):
        yield item if isinstance(item, InputError) else above(item, min_confidence)


def build(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    formats: Iterable[str] | None = None,
    engine: str | Engine = DEFAULT_ENGINE,
    max_article_bytes: int | None = None,
    view: Mapping[str, object] | None = None,
    workers: int = 1,
    dask: str | None = None,
    progress: Callable[[Extraction | InputError], object] | None = None,
    allow_empty: bool = False,
    min_confidence: float = 0.0,
    since: str | None = None,
    until: str | None = None,
    curation: Curation | None = None,
) -> BuildResult:
    """Build a knowledge graph from ``inputs`` and, if ``out`` is given, write it there.

    ``formats`` defaults to the default rows of :data:`kg.formats.FORMATS`;
    ``view`` (``focus``, ``depth``, ``max_nodes``) limits what the HTML page and figures draw.
    ``errors.jsonl`` is written beside the outputs (empty when all went well).
    Output problems raise :class:`~kg.errors.OutputError`: a folder that cannot be
    written is found before extracting, and a write that fails (a full disk) leaves
    every previous output in place. When no article at all was built (every input failed, an empty folder or
    stdin), nothing is written and ``result.empty`` is True, so a mistyped path
    does not replace the last good outputs with an empty graph; ``allow_empty``
    writes the empty graph anyway. The output folder ``out`` is never read as input.
    ``workers`` processes (or the Dask scheduler at ``dask``) extract; the
    outputs are byte-identical whatever they are. ``progress`` is called with
    each article's result as it comes in. ``min_confidence`` drops entities (with their links)
    and relations whose calibrated confidence is below it. ``since`` and ``until`` (ISO dates)
    build the graph as it was known then, from the articles published in that window.
    ``curation`` (:mod:`kg.curation`) applies hand corrections at resolution; a bad one
    raises :class:`~kg.curation.CurationError` before anything is written.

    Articles are streamed: each one's text is dropped once it is extracted, so
    memory grows with the entities and claims found, not with the text read.

    The graph does not depend on the order of ``inputs``: they are read sorted by
    path. (Read in the given order, two files with the same stem, ``a/x.txt`` and
    ``b/x.txt``, got the ids ``x`` and ``x-2`` by their order on the command line.)
    """
    from kg.formats import FORMATS, export_all, get_format
    from kg.resolve import resolve

    inputs = sorted([inputs] if isinstance(inputs, str | os.PathLike) else inputs, key=os.fspath)

    # Checked before the (long) extraction, not after it.
    chosen = [get_format(n) for n in formats] if formats is not None else [f for f in FORMATS.values() if f.default]
    if out is not None:
        names = [f.filename for f in chosen] + ["errors.jsonl"]
        # folder formats (csv/, neo4j-import/) are folders there, not files in the way
        check_writable(out, [f.filename for f in chosen if not f.directory] + ["errors.jsonl"])
        remove_stale_temps(Path(out), names)
    extractions: list[Extraction] = []
    errors: list[InputError] = []
    items = extract_all(
        inputs, engine=engine, max_article_bytes=max_article_bytes, workers=workers, dask=dask, slim=True,
        skip=() if out is None else (out,),
        min_confidence=min_confidence,
    )
    for item in items:
        if progress is not None:
            progress(item)
        (errors if isinstance(item, InputError) else extractions).append(item)  # type: ignore[arg-type]
    graph = resolve(extractions, since=since, until=until, curation=curation)
    extractions.clear()  # the graph holds its own (resolved) copies; these would double the memory
    written: list[Path] = []
    empty = not graph.extractions and not allow_empty
    if out is not None and not empty:
        try:
            with all_or_nothing():  # a full disk leaves the previous outputs, never a mix
                written = export_all(graph, out, formats=[f.name for f in chosen], view=view)
                written.append(write_errors(errors, Path(out) / "errors.jsonl"))
        except OSError as exc:
            raise output_error(exc, out) from None
    return BuildResult(graph, tuple(errors), tuple(written), empty)


def write_errors(errors: Iterable[InputError], path: Path) -> Path:
    """One JSON object per failed input: ``{"path", "line", "error"}``."""
    return atomic_write(path, (json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in errors))


def remove_stale_temps(directory: Path, names: Iterable[str]) -> list[Path]:
    """Delete the temporary files a killed build left for the outputs ``names`` in ``directory``.

    :func:`kg.io.atomic_write` writes ``.<name>.<random>.tmp`` beside its target and
    removes it on any error, but not when the process is killed (SIGKILL, power
    loss). The next build into the same folder removes them: beside each output
    file, and inside each output folder (csv/, neo4j-import/). Two builds must not
    write into one folder at the same time (the outputs would mix anyway).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / ".graph.ttl.k2j4_x.tmp").write_text("half")
    >>> _ = (d / ".notes.tmp").write_text("not ours")
    >>> [p.name for p in remove_stale_temps(d, ["graph.ttl"])], sorted(p.name for p in d.iterdir())
    (['.graph.ttl.k2j4_x.tmp'], ['.notes.tmp'])
    """
    if not directory.is_dir():
        return []
    found: list[Path] = []
    for name in names:
        found += directory.glob(f".{glob.escape(name)}.*.tmp")
        if (directory / name).is_dir():
            found += (directory / name).glob(".*.tmp")
    removed = []
    for path in sorted(found):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed
