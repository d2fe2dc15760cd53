"""What the ``kg`` sub-command modules share: the input, time, curation and scale options,
the exit codes, and the reporting of errors, summaries and what a drawing leaves out.

:mod:`kg.cli` builds the parser and runs the commands; the modules it registers
(:mod:`kg.store_cli`, :mod:`kg.annotate_cli`, ...) take these from here, so no
command module imports another.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from kg.errors import InputError, UsageError, plural, say

if TYPE_CHECKING:
    from kg.curation import Curation
    from kg.formats import Format
    from kg.graph import KnowledgeGraph
    from kg.progress import Progress

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_WORKERS, EXIT_OUTPUT = 0, 1, 2, 3, 4


def _report(errors: Sequence[InputError]) -> None:
    for e in errors:
        say(f"kg: error: {e}")


def add_time_options(p: argparse.ArgumentParser) -> None:
    """``--as-of``, ``--since``, ``--until``: the graph as it was known at a date."""
    from kg.resolve import check_date

    def date(text: str) -> str:
        try:
            return check_date(text)
        except UsageError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    g = p.add_argument_group("time (the graph as it was known then; undated articles are left out)")
    g.add_argument("--as-of", type=date, metavar="DATE", help="only articles published on or before DATE")
    g.add_argument("--since", type=date, metavar="DATE", help="only articles published on or after DATE")
    g.add_argument("--until", type=date, metavar="DATE", help="the same as --as-of")


def add_curation_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--curation", metavar="FILE",
                   help="apply this TOML curation file (merge, drop, retype, veto, add; see docs/curation.md); "
                   "with --store, the store keeps it")


def load_curation(args: argparse.Namespace) -> Curation | None:
    """The checked curation file of ``--curation`` (a bad one is a usage error, exit 2), or None."""
    from kg.curation import load

    path = getattr(args, "curation", None)
    return load(path) if path else None


class Window(TypedDict):
    since: str | None
    until: str | None


def window(args: argparse.Namespace) -> Window:
    """``since`` and ``until`` from the parsed time options (``--as-of`` and ``--until`` must agree)."""
    as_of, until = getattr(args, "as_of", None), getattr(args, "until", None)
    if as_of and until and as_of != until:
        raise UsageError(f"--as-of {as_of} and --until {until} disagree (they are the same option)")
    return Window(since=getattr(args, "since", None), until=as_of or until)


def _view(args: argparse.Namespace) -> dict[str, object]:
    # getattr: store_cli passes namespaces made by other parsers (and tests) without the drawing options.
    return {k: getattr(args, k, None) for k in ("focus", "depth", "max_nodes")}


def _report_view(graph: KnowledgeGraph, view: dict[str, object], formats: Sequence[Format] | None = None) -> None:
    """Say what the drawing leaves out, so a limited page is never mistaken for the whole graph.

    ``formats`` are those written (default: the default set); nothing is said when none draws.
    """
    from kg.formats import FORMATS
    from kg.schema import RELATION_TYPES
    from kg.view import DRAW_LIMIT, select

    if not any(f.view for f in (formats if formats is not None else [f for f in FORMATS.values() if f.default])):
        return
    drawn = len(graph.entities) + sum(1 for link in graph.links if link.is_node)
    if view["focus"] is None and view["max_nodes"] is None and drawn <= DRAW_LIMIT:
        return

    v = select(graph, focus=view["focus"], depth=view["depth"], max_nodes=view["max_nodes"])  # type: ignore[arg-type]
    shown = v.graph.number_of_nodes()
    if v.dropped or shown < v.total_nodes:
        labels = {e.id: e.label for e in graph.entities}
        # A relationship node is named by what it is and who its parties are, not by its id.
        labels.update(
            (link.id, f"{RELATION_TYPES[link.type].node_class} ({labels.get(link.subject, link.subject)}, "
                      f"{labels.get(link.object, link.object)})")
            for link in graph.links if link.is_node
        )
        names = [labels.get(str(n), str(n)) for n in v.dropped[:10]]
        more = f" and {len(v.dropped) - 10} more" if len(v.dropped) > 10 else ""
        say(f"kg: the drawing shows {shown} of {v.total_nodes} nodes"
            + (f"; --max-nodes {view['max_nodes'] or DRAW_LIMIT} dropped {len(v.dropped)}: "
               f"{', '.join(names)}{more}" if v.dropped else ""))


def _nothing_built(errors: Sequence[InputError], out: Path) -> int:
    failed = f"{plural(len(errors), 'input')} failed" if errors else "no article found"
    say(f"kg: error: nothing was built ({failed}); nothing written, so {out} keeps its "
        "previous outputs (--allow-empty writes an empty graph)")
    return EXIT_INPUT


def finish(args: argparse.Namespace, ok: bool, summary: str) -> int:
    """Print a command's one-line summary (not with ``--quiet``); return the exit code for ``ok``."""
    if not getattr(args, "quiet", False):
        say(summary)
    return EXIT_OK if ok else EXIT_INPUT


def company_view(graph: KnowledgeGraph, args: argparse.Namespace) -> KnowledgeGraph:
    """The graph to export for ``--view`` (``companies``: the company network, kg.analysis)."""
    from dataclasses import replace

    chosen = getattr(args, "graph_view", None) or "full"
    return graph if chosen == graph.view else replace(graph, view=chosen)


def graph_file_options(args: argparse.Namespace, formats: Sequence[Format] = ()) -> dict[str, object]:
    """``--drop-isolated`` and ``--dialect`` as writer options.

    ``--dialect`` with no cypher among ``formats`` is refused.
    """
    dialect = getattr(args, "dialect", None)
    if dialect and formats and not any("dialect" in f.options for f in formats):
        raise UsageError(f"--dialect {dialect} applies to --format cypher only")
    return {"drop_isolated": getattr(args, "drop_isolated", False) or None, "dialect": dialect}


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def _add_input_options(p: argparse.ArgumentParser, *, optional: bool = False) -> None:
    from kg.engine_cli import add_engine_options

    p.add_argument(
        "inputs",
        nargs="*" if optional else "+",
        metavar="INPUT",
        help="files (.txt .md .html .htm .jsonl), directories (recursive), or - for stdin",
    )
    add_engine_options(p)
    p.add_argument(
        "--max-article-bytes",
        type=int,
        default=None,
        metavar="N",
        help="skip (and report) inputs larger than N bytes (default: 20000000)",
    )
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="P",
        help="drop entities (with their links) and relations whose calibrated confidence is below P, "
             "0 to 1 (default: 0, keep all; docs/eval.md)",
    )
    g = p.add_argument_group("scale (same results whatever is chosen)")
    g.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="extract with N processes (default: every core this process may use)",
    )
    g.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); see docs/scale.md",
    )
    g.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary (errors still print)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return value


class Scale(TypedDict):
    workers: int
    dask: str | None


def scale_options(args: argparse.Namespace) -> Scale:
    """``workers`` and ``dask`` for :func:`kg.build.build` and friends, from the parsed options."""
    from kg.parallel import default_workers

    workers = getattr(args, "workers", None)
    dask = getattr(args, "dask", None)
    if dask is not None:
        from kg.parallel import check_address

        check_address(dask)  # before anything is read or written
    return Scale(workers=workers or default_workers(), dask=dask)


def progress(args: argparse.Namespace) -> Progress:
    """A progress line for these inputs (drawn only on a terminal, never with ``--quiet``)."""
    from kg.progress import Progress
    from kg.readers import count_articles

    quiet = bool(getattr(args, "quiet", False)) or not sys.stderr.isatty()
    bar = Progress(quiet=quiet)
    if not quiet:
        # Counting the lines of a 10 GB feed takes seconds: the build starts meanwhile, the ETA follows.
        bar.count_in_background(lambda: count_articles(args.inputs))
    return bar
