"""The main job: read inputs, extract, resolve, and write every output.

Bad inputs never stop a build: each becomes an :class:`~kg.errors.InputError`
reported in the result (and in ``errors.jsonl`` beside the outputs), and every
other article is still built.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, KgError
from kg.graph import KnowledgeGraph
from kg.io import atomic_write
from kg.model import Article, Extraction


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the graph, the files written and the inputs that failed."""

    graph: KnowledgeGraph
    errors: tuple[InputError, ...] = ()
    written: tuple[Path, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def extract_all(
    inputs: Iterable[str | os.PathLike[str]], *, engine: str = "rules", max_article_bytes: int | None = None
) -> Iterator[Extraction | InputError]:
    """Read and extract each input in order, yielding errors in place of failed articles."""
    from kg.readers import read

    kwargs = {} if max_article_bytes is None else {"max_article_bytes": max_article_bytes}
    for item in read(inputs, **kwargs):
        if isinstance(item, InputError):
            yield item
            continue
        yield from _extract_one(item, engine)


def _extract_one(article: Article, engine: str) -> Iterator[Extraction | InputError]:
    from kg.extract import extract

    try:
        yield extract(article, engine=engine)
    except KgError:
        raise
    except Exception as exc:
        yield InputError(article.origin or article.id, f"extraction failed: {type(exc).__name__}: {exc}")


def build(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    formats: Iterable[str] | None = None,
    engine: str = "rules",
    max_article_bytes: int | None = None,
    view: Mapping[str, object] | None = None,
) -> BuildResult:
    """Build a knowledge graph from ``inputs`` and, if ``out`` is given, write it there.

    ``formats`` defaults to the default rows of :data:`kg.formats.FORMATS`;
    ``view`` (``focus``, ``depth``, ``max_nodes``) limits what the HTML page and figures draw.
    ``errors.jsonl`` is written beside the outputs (empty when all went well).
    """
    from kg.formats import export_all
    from kg.resolve import resolve

    extractions: list[Extraction] = []
    errors: list[InputError] = []
    for item in extract_all(inputs, engine=engine, max_article_bytes=max_article_bytes):
        (errors if isinstance(item, InputError) else extractions).append(item)  # type: ignore[arg-type]
    graph = resolve(extractions)
    written: list[Path] = []
    if out is not None:
        written = export_all(graph, out, formats=formats, view=view)
        written.append(write_errors(errors, Path(out) / "errors.jsonl"))
    return BuildResult(graph, tuple(errors), tuple(written))


def write_errors(errors: Iterable[InputError], path: Path) -> Path:
    """One JSON object per failed input: ``{"path", "line", "error"}``."""
    return atomic_write(path, (json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in errors))
