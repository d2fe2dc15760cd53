"""The ``kg`` command: thin wrappers over the public functions.

Exit codes: 0 all inputs built, 1 some inputs failed (the rest was still built),
2 usage error (bad option, unknown format or engine), 3 the workers or the Dask
cluster could not do the work (nothing was written), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__
from kg.cli_common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    EXIT_WORKERS,
    _add_input_options,
    _nothing_built,
    _report,
    _report_view,
    _view,
    add_curation_option,
    add_time_options,
    company_view,
    finish,
    graph_file_options,
    load_curation,
    progress,
    scale_options,
    window,
)
from kg.engine_cli import engine_from_args, report_llm
from kg.errors import InputError, OutputError, UsageError, WorkerError, one_line, plural, say
from kg.io import check_writable, output_error

if TYPE_CHECKING:
    from kg.formats import Format


def _default_out(inputs: Sequence[str]) -> Path:
    from kg.ids import slug

    first = inputs[0] if inputs else "stdin"
    name = "stdin" if first == "-" else slug(Path(first.rstrip("/")).stem or "graph")
    return Path("exports") / name


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.formats import get_format
    from kg.view import summary

    if args.store:
        from kg import store_cli

        return int(store_cli.cmd_build_store(args))
    started = time.perf_counter()
    out = Path(args.output) if args.output else _default_out(args.inputs)
    curation = load_curation(args)  # checked before extracting: a bad file writes nothing
    with progress(args) as bar:
        result = build(
            args.inputs,
            out=out,
            formats=args.format or None,
            engine=engine_from_args(args),
            max_article_bytes=args.max_article_bytes,
            view=_view(args),
            progress=bar.update,
            allow_empty=args.allow_empty,
            min_confidence=args.min_confidence,
            **scale_options(args),
            **window(args),
            curation=curation,
        )
    _report(result.errors)
    if result.empty:
        return _nothing_built(result.errors, out)
    _report_view(result.graph, _view(args), [get_format(n) for n in args.format] if args.format else None)
    g = result.graph
    return finish(
        args,
        result.ok,
        f"kg: built {plural(len(g.extractions), 'article')} -> {summary(g)} "
        f"in {time.perf_counter() - started:.1f}s; wrote {plural(len(result.written), 'file')} to {out}"
        + (f"; {plural(len(result.errors), 'input')} failed (see {out / 'errors.jsonl'})" if result.errors else ""),
    )


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.build import extract_all
    from kg.exporters.jsonl import dumps

    failed = 0
    items = extract_all(
        args.inputs, engine=engine_from_args(args), max_article_bytes=args.max_article_bytes, slim=True,
        min_confidence=args.min_confidence, **scale_options(args)
    )
    with progress(args) as bar:
        for item in items:
            bar.update(item)
            if isinstance(item, InputError):
                _report([item])
                failed += 1
            else:
                sys.stdout.write(dumps(item) + "\n")
    return EXIT_INPUT if failed else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.formats import choose_format, export

    if args.store:
        from kg import store_cli

        return int(store_cli.cmd_export_store(args))
    if not args.inputs:
        raise UsageError("kg export needs INPUT files or --store DIR")
    fmt = choose_format(args.output, args.format)
    graph_file_options(args, [fmt])
    check_output_path(Path(args.output), fmt)
    curation = load_curation(args)
    with progress(args) as bar:
        result = build(
            args.inputs, engine=engine_from_args(args), max_article_bytes=args.max_article_bytes, progress=bar.update,
            allow_empty=True, min_confidence=args.min_confidence, **scale_options(args), **window(args),
            curation=curation,
        )
    _report(result.errors)
    if not result.graph.extractions and not args.allow_empty:
        return _nothing_built(result.errors, Path(args.output))
    graph = company_view(result.graph, args)
    _report_view(graph, _view(args), [fmt])
    try:
        path = export(graph, args.output, format=fmt.name, view=_view(args), options=graph_file_options(args))
    except OSError as exc:
        raise output_error(exc, Path(args.output).parent) from None
    return finish(args, result.ok, f"kg: wrote {path}")


def check_output_path(path: Path, fmt: Format) -> None:
    """Before building: the one output ``path`` of ``kg export`` can be written in ``fmt``."""
    if fmt.directory:
        check_writable(path)
    elif path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder (name a file, or a folder with kg build -o)")
    else:
        check_writable(path.parent)


def cmd_formats(args: argparse.Namespace) -> int:
    from kg.formats import FORMATS

    for f in FORMATS.values():
        exts = ",".join(f.extensions) or "-"
        print(f"{f.name:12} {exts:14} {f.media_type:28} {f.filename}{' (default)' if f.default else ''}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg import evaluate

    return int(evaluate.run(args))


def _add_allow_empty(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-empty", action="store_true",
                   help="write the outputs even when no article was built (default: write nothing, exit 1)")


def _add_view_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("drawing (graph.html, png, svg)")
    g.add_argument("--focus", metavar="NAME", help="draw only this entity (id, name or alias) and its neighbourhood")
    g.add_argument("--depth", type=int, metavar="N", help="hops around --focus (default 1)")
    g.add_argument(
        "--max-nodes",
        type=int,
        metavar="N",
        help="draw at most N nodes, the most connected (prints what it drops)",
    )


class _Parser(argparse.ArgumentParser):
    """kg's parser: an unknown option is reported with the usage of its sub-command, and near misses named."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        import difflib

        parsed, extra = self.parse_known_args(args, argparse.Namespace())
        if not extra:
            return parsed
        parser: argparse.ArgumentParser = self
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and parsed.command in action.choices:
                parser = action.choices[parsed.command]
        known = [o for a in parser._actions for o in a.option_strings]
        hints = []
        for word in extra:
            flag = word.split("=")[0]
            close = difflib.get_close_matches(flag, known, n=3, cutoff=0.6) if word[:1] == "-" else []
            # only the near misses about as close as the closest: "--maxnodes" is --max-nodes, not also --models
            ratio = {c: difflib.SequenceMatcher(None, flag, c).ratio() for c in close}
            close = [c for c in close if ratio[c] >= max(ratio.values()) - 0.1]
            if close:
                hints.append(f"{word}: did you mean {' or '.join(close)}?")
        parser.error(f"unrecognized arguments: {' '.join(extra)}" + ("".join(f"; {h}" for h in hints)))


def make_parser() -> argparse.ArgumentParser:
    from kg import evaluate, store_cli
    from kg.formats import FORMATS

    parser = _Parser(
        prog="kg",
        description="News articles in, a stance-aware industry knowledge graph out.",
        epilog="Exit codes: 0 all inputs built; 1 some inputs failed (the rest was built); 2 usage error; "
        "3 the workers or the Dask cluster failed (nothing written); 4 the outputs could not be written "
        "(previous outputs left as they were); 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="build the graph and write every output into a folder",
        description="Read articles, extract, resolve, and write RDF, JSONL and HTML outputs.",
    )
    _add_input_options(p)
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: exports/<name of first input>)")
    p.add_argument(
        "--format",
        action="append",
        choices=sorted(FORMATS),
        metavar="FORMAT",
        help=f"write only these formats (repeatable; default: the default set). One of: {', '.join(FORMATS)}",
    )
    store_cli.add_store_option(p)
    add_time_options(p)
    add_curation_option(p)
    p.add_argument("--replace", action="store_true",
                   help="with --store: let an article replace a stored one with its id from another file or line")
    _add_view_options(p)
    _add_allow_empty(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "extract",
        help="print one JSON object per article (schema in README)",
        description="Extract entities and relations and print one JSON line per article, in input order.",
    )
    _add_input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "export",
        help="build and write one output file in one format",
        description="Build the graph from INPUTs (or read it from --store) and write it to one file; "
        "the format is guessed from the extension.",
    )
    _add_input_options(p, optional=True)
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.add_argument(
        "--format",
        choices=sorted(FORMATS),
        metavar="FORMAT",
        help=f"output format (default: from the extension). One of: {', '.join(FORMATS)}",
    )
    store_cli.add_store_option(p)
    add_time_options(p)
    add_curation_option(p)
    p.add_argument("--view", dest="graph_view", choices=("full", "companies"), default="full",
                   help="full (default): entities and relationship nodes; companies: organisations joined by "
                   "one edge per asserted link, with community, degree and betweenness (property-graph formats)")
    _add_view_options(p)
    g = p.add_argument_group("property-graph files (graphml, gexf, cytoscape, csv, neo4j, cypher)")
    g.add_argument("--drop-isolated", action="store_true", help="leave out the entities that are in no link")
    g.add_argument("--dialect", choices=("neo4j", "memgraph", "falkordb"),
                   help="the Cypher of --format cypher: its schema statements differ (default: neo4j)")
    _add_allow_empty(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("formats", help="list the output formats", description="List the output formats.")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser(
        "eval",
        help="score extraction against gold annotations",
        description="Score extraction against gold annotations (format: docs/eval.md).",
    )
    evaluate.add_arguments(p)
    p.set_defaults(func=cmd_eval)
    store_cli.register(sub)
    from kg import annotate_cli, curation_cli, train_cli

    curation_cli.register(sub)
    annotate_cli.register(sub)
    train_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import logging

    # Readers report recoverable oddities (renamed duplicate ids, unreadable dates) as warnings.
    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return one_line(super().format(record))

    handler = logging.StreamHandler()
    handler.setFormatter(OneLine("kg: warning: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        try:
            return int(args.func(args))
        finally:
            report_llm(args)
    except UsageError as exc:
        say(f"kg: error: {exc}")
        return EXIT_USAGE
    except WorkerError as exc:
        say(f"kg: error: {exc}")
        return EXIT_WORKERS
    except OutputError as exc:
        say(f"kg: error: {exc}")
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        say("kg: interrupted; outputs already written are complete, none is half-written")
        return 130
    except BrokenPipeError:  # `kg extract ... | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
