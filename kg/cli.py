"""The ``kg`` command: thin wrappers over the public functions.

Exit codes: 0 all inputs built, 1 some inputs failed (the rest was still built),
2 usage error (bad option, unknown format or engine).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.errors import InputError, UsageError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _default_out(inputs: Sequence[str]) -> Path:
    from kg.ids import slug

    first = inputs[0] if inputs else "stdin"
    name = "stdin" if first == "-" else slug(Path(first.rstrip("/")).stem or "graph")
    return Path("exports") / name


def _report(errors: Sequence[InputError]) -> None:
    for e in errors:
        print(f"kg: error: {e}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build

    started = time.perf_counter()
    out = Path(args.output) if args.output else _default_out(args.inputs)
    result = build(args.inputs, out=out, formats=args.format or None, engine=args.engine,
                   max_article_bytes=args.max_article_bytes)
    _report(result.errors)
    g = result.graph
    print(
        f"kg: built {len(g.extractions)} articles -> {len(g.entities)} entities, {len(g.links)} links "
        f"in {time.perf_counter() - started:.1f}s; wrote {len(result.written)} files to {out}"
        + (f"; {len(result.errors)} inputs failed (see {out / 'errors.jsonl'})" if result.errors else ""),
        file=sys.stderr,
    )
    return EXIT_OK if result.ok else EXIT_INPUT


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.build import extract_all
    from kg.exporters.jsonl import dumps

    failed = 0
    for item in extract_all(args.inputs, engine=args.engine, max_article_bytes=args.max_article_bytes):
        if isinstance(item, InputError):
            _report([item])
            failed += 1
        else:
            sys.stdout.write(dumps(item) + "\n")
    return EXIT_INPUT if failed else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.formats import export

    result = build(args.inputs, engine=args.engine, max_article_bytes=args.max_article_bytes)
    _report(result.errors)
    path = export(result.graph, args.output, format=args.format)
    print(f"kg: wrote {path}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INPUT


def cmd_formats(args: argparse.Namespace) -> int:
    from kg.formats import FORMATS

    for f in FORMATS.values():
        exts = ",".join(f.extensions) or "-"
        print(f"{f.name:12} {exts:14} {f.media_type:28} {f.filename}{' (default)' if f.default else ''}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg import evaluate

    return int(evaluate.run(args))


def _add_input_options(p: argparse.ArgumentParser) -> None:
    from kg.extract import ENGINES

    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files (.txt .md .html .htm .jsonl), directories (recursive), or - for stdin")
    p.add_argument("--engine", default="rules", choices=sorted(ENGINES), help="extraction engine (default: rules)")
    p.add_argument("--max-article-bytes", type=int, default=None, metavar="N",
                   help="skip (and report) inputs larger than N bytes (default: 20000000)")


def make_parser() -> argparse.ArgumentParser:
    from kg.formats import FORMATS

    parser = argparse.ArgumentParser(
        prog="kg",
        description="News articles in, a stance-aware industry knowledge graph out.",
        epilog="Exit codes: 0 all inputs built; 1 some inputs failed (the rest was built); 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build the graph and write every output into a folder",
                       description="Read articles, extract, resolve, and write RDF, JSONL and HTML outputs.")
    _add_input_options(p)
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: exports/<name of first input>)")
    p.add_argument("--format", action="append", choices=sorted(FORMATS), metavar="FORMAT",
                   help=f"write only these formats (repeatable; default: the default set). One of: {', '.join(FORMATS)}")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("extract", help="print one JSON object per article (schema in README)",
                       description="Extract entities and relations and print one JSON line per article, in input order.")
    _add_input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("export", help="build and write one output file in one format",
                       description="Build the graph and write it to one file; the format is guessed from the extension.")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.add_argument("--format", choices=sorted(FORMATS), metavar="FORMAT",
                   help=f"output format (default: from the extension). One of: {', '.join(FORMATS)}")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("formats", help="list the output formats", description="List the output formats.")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser("eval", help="score extraction against gold annotations",
                       description="Score extraction against gold annotations (format: docs/eval.md).")
    try:
        from kg import evaluate

        evaluate.add_arguments(p)
    except ImportError:  # pragma: no cover - evaluate ships with kg
        pass
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import logging

    # Readers report recoverable oddities (renamed duplicate ids, unreadable dates) as warnings.
    logging.basicConfig(format="kg: warning: %(message)s", level=logging.WARNING)
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `kg extract ... | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
