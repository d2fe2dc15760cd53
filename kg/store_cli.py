"""The store commands of ``kg``: ``query``, ``remove``, ``push``, and ``--store`` for build/export.

:func:`register` adds the ``query``, ``remove`` and ``push`` sub-commands to
``kg``'s parser; ``kg build --store`` and ``kg export --store`` call
:func:`cmd_build_store` and :func:`cmd_export_store`. Exit codes as for every
kg command: 0 done, 1 some inputs (or the push) failed, 2 usage error.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="kg")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["query", "--store", "st", "asserted-partnerships", "--format", "csv"])
>>> args.func is cmd_query, args.format, args.query
(True, 'csv', 'asserted-partnerships')
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any

from kg.cli_common import (
    EXIT_INPUT,
    EXIT_OK,
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
from kg.errors import UsageError, plural, say
from kg.http_client import AUTH_ENV
from kg.io import all_or_nothing, check_writable, output_error

__all__ = [
    "add_store_option",
    "cmd_build_store",
    "cmd_export_store",
    "cmd_push",
    "cmd_query",
    "cmd_remove",
    "register",
]





def _counts(result: Any) -> str:
    from kg.view import summary

    return f"{plural(result.articles, 'article')} -> {summary(result.graph)}, {plural(result.quads, 'quad')}"


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = False, files: bool = False) -> None:
    """Add ``--store`` to a parser (``files``: an RDF file is accepted too)."""
    what = (
        "a kg store folder, or an RDF file (.trig .nq .ttl .nt .jsonld .rdf)"
        if files
        else "a kg store folder"
    )
    parser.add_argument("--store", required=required, metavar="DIR|FILE" if files else "DIR", help=what)


def cmd_build_store(args: argparse.Namespace) -> int:
    """``kg build INPUT... --store DIR [-o OUT] [--format F]``: add articles to a store.

    Uses ``args.store``, ``args.inputs``, ``args.engine``, ``args.max_article_bytes``
    and, when ``args.output`` is set, writes the store's whole graph there
    (``args.format``: the formats, default the default set) with ``errors.jsonl``.
    """
    from kg.engine_cli import engine_from_args
    from kg.store import add

    started = time.perf_counter()
    check_writable(args.store)  # before extracting: a store folder that cannot be written is exit 4
    if getattr(args, "output", None):
        check_writable(args.output)
    curation = load_curation(args)  # checked before extracting
    with progress(args) as bar:
        result = add(
            args.store,
            args.inputs,
            engine=engine_from_args(args),
            max_article_bytes=getattr(args, "max_article_bytes", None),
            progress=bar.update,
            replace=getattr(args, "replace", False),
            curation=curation,
            **scale_options(args),
        )
    _report(result.errors)
    written = ""
    if getattr(args, "output", None):
        from kg.build import write_errors
        from kg.formats import export_all
        from kg.store import load_graph

        span = window(args)
        graph = load_graph(args.store, **span, curation=curation) if any(span.values()) else result.graph
        try:
            with all_or_nothing():
                files = export_all(graph, args.output, formats=getattr(args, "format", None) or None)
                files.append(write_errors(result.errors, Path(args.output) / "errors.jsonl"))
        except OSError as exc:
            raise output_error(exc, args.output) from None
        written = f"; wrote {plural(len(files), 'file')} to {args.output}"
    replaced = f" ({len(result.replaced)} replacing stored versions)" if result.replaced else ""
    return finish(
        args,
        result.ok,
        f"kg: store {args.store}: {len(result.added)} added{replaced}, {len(result.unchanged)} unchanged; "
        f"{_counts(result)} in {time.perf_counter() - started:.1f}s{written}"
        + (f"; {plural(len(result.errors), 'input')} failed" if result.errors else ""),
    )


def cmd_export_store(args: argparse.Namespace) -> int:
    """``kg export --store DIR -o OUT [--format F ...]``: write the store's graph.

    If ``OUT`` ends with a format's extension (``graph.ttl``, ``graph.html``) and
    at most one format is given, one file is written; otherwise ``OUT`` is a
    folder that receives every chosen format (default: the default set).
    """
    from kg.formats import choose_format, export, export_all, get_format, guess_format
    from kg.store import load_graph

    out = Path(args.output)
    chosen = args.format
    formats: list[str] = [chosen] if isinstance(chosen, str) else list(chosen or [])
    try:
        single = len(formats) <= 1 and bool(out.suffix) and guess_format(out) is not None
    except UsageError:
        single = False
    # One format named, and a folder format (csv, neo4j): its files go into OUT itself.
    single = single or (len(formats) == 1 and get_format(formats[0]).directory)
    fmts = [choose_format(out, formats[0] if formats else None)] if single else [get_format(f) for f in formats]
    options = graph_file_options(args, fmts)
    graph = company_view(load_graph(args.store, **window(args), curation=load_curation(args)), args)
    view = _view(args)
    if single:
        _report_view(graph, view, fmts)
        path = export(graph, out, format=fmts[0].name, view=view, options=options)
        say(f"kg: wrote {path}")
    else:
        _report_view(graph, view, fmts or None)
        paths = export_all(graph, out, formats=formats or None, view=view, options=options)
        say(f"kg: wrote {plural(len(paths), 'file')} to {out}")
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import entity_binding, format_results, parse_binding, query_summary, query_text, run, shipped_queries
    from kg.store import open_rdf

    if args.list:
        for name, path in shipped_queries().items():
            print(f"{name:34} {query_summary(path.read_text(encoding='utf-8'))}")
        return EXIT_OK
    if not args.store or not args.query:
        raise UsageError("kg query needs --store DIR|FILE and a QUERY (or --list)")
    sparql = query_text(args.query)
    bindings = dict(parse_binding(b) for b in args.bind or ())
    with _windowed(args) or open_rdf(args.store) as store:
        for name, value in bindings.items():
            bindings[name], note = entity_binding(store, value)
            if note:
                say(f"kg: --bind {name}={value}: {note}")
        results = run(store, sparql, bindings=bindings, allow_service=args.allow_service)
        for chunk in format_results(results, args.format, max_width=args.max_width):
            sys.stdout.write(chunk)
    sys.stdout.flush()
    return EXIT_OK


def _windowed(args: argparse.Namespace) -> contextlib.AbstractContextManager[Any] | None:
    """With ``--as-of``/``--since``/``--until`` or ``--curation``: the store's graph so, in memory (else None)."""
    from kg.store import is_store, load_graph

    span = window(args)
    curation = load_curation(args)
    if not any(span.values()) and curation is None:
        return None
    if not is_store(args.store):
        raise UsageError("--as-of, --since, --until and --curation need a kg store folder (an RDF file has no "
                         "articles kg can re-resolve)")
    import pyoxigraph

    from kg.rdf import quads

    store = pyoxigraph.Store()
    store.extend(quads(load_graph(args.store, **span, curation=curation)))
    return contextlib.nullcontext(store)


def cmd_remove(args: argparse.Namespace) -> int:
    from kg.store import remove

    result = remove(args.store, args.article_ids)
    _report(result.errors)
    say(f"kg: store {args.store}: {len(result.removed)} removed; {_counts(result)}")
    return EXIT_OK if result.ok else EXIT_INPUT


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import PushError, push

    auth = args.auth or os.environ.get(AUTH_ENV) or None
    if auth is not None and ":" not in auth:
        raise UsageError(f"--auth needs user:password (or set {AUTH_ENV}), got a value without ':'")
    started = time.perf_counter()
    try:
        result = push(
            args.store,
            args.endpoint,
            graph=args.graph,
            default_graph=args.default_graph,
            auth=auth,
            batch_size=args.batch_size,
            retries=args.retries,
            timeout=args.timeout,
            content_type=args.content_type,
            prune=args.prune,
            query_endpoint=args.query_endpoint,
            update_endpoint=args.update_endpoint,
        )
    except PushError as exc:
        say(f"kg: error: {exc}")
        return EXIT_INPUT
    dropped = f", dropped {len(result.dropped)} graphs" if args.prune else ""
    say(f"kg: pushed {result.triples} triples in {result.graphs} graphs to {args.endpoint} "
        f"({result.requests} requests{dropped}) in {time.perf_counter() - started:.1f}s")
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``query``, ``remove`` and ``push`` sub-commands to ``kg``'s parser."""
    from kg.query import QUERY_FORMATS

    p = subparsers.add_parser(
        "query",
        help="run a SPARQL query over a store or an RDF file",
        description="Run a SPARQL 1.1 query. QUERY is the query text, @FILE.rq, - (stdin) or the name of a "
        "shipped query (kg query --list). The prefixes kg, entity, rdfs, schema, prov, oa, skos, "
        "owl, xsd, dcterms and wd are predeclared.",
        epilog="Example: kg query --store kgstore company-links --bind company=entity:xiaomi",
    )
    add_store_option(p, files=True)
    p.add_argument(
        "query", nargs="?", metavar="QUERY", help="SPARQL text, @file.rq, - or a shipped query name"
    )
    p.add_argument(
        "--format",
        default="table",
        choices=QUERY_FORMATS,
        help="table (default), csv, tsv, json (SPARQL 1.1 results JSON) or xml; "
        "ttl or nt for CONSTRUCT/DESCRIBE",
    )
    p.add_argument(
        "--bind",
        action="append",
        metavar="NAME=VALUE",
        help="pre-bind ?NAME to VALUE: <iri>, prefix:name (entity:xiaomi) or text (repeatable)",
    )
    p.add_argument(
        "--max-width",
        type=int,
        default=60,
        metavar="N",
        help="cut table cells longer than N characters (0: never; default 60)",
    )

    add_time_options(p)
    add_curation_option(p)
    p.add_argument("--list", action="store_true", help="list the shipped queries and exit")
    p.add_argument("--allow-service", action="store_true",
                   help="let the query call other endpoints with SERVICE (over the network; refused by default)")
    p.set_defaults(func=cmd_query)

    p = subparsers.add_parser(
        "remove",
        help="remove articles (and their claims) from a store",
        description="Remove articles by id, with their claims and the entities no other article mentions; "
        "the store's RDF is rewritten. Unknown ids are reported (exit 1); the others are removed.",
    )
    add_store_option(p, required=True)
    p.add_argument("article_ids", nargs="+", metavar="ARTICLE_ID")
    p.set_defaults(func=cmd_remove)

    p = subparsers.add_parser(
        "push",
        help="upload a store's RDF to a SPARQL server (Graph Store Protocol)",
        description="Upload every graph (default graph and one named graph per article) with the SPARQL 1.1 "
        "Graph Store HTTP Protocol: PUT replaces each graph, further batches are POSTed. "
        "Failures that may pass are retried with backoff; a refusal stops with the HTTP status "
        "and the server's message (exit 1). See docs/store.md for Oxigraph, Fuseki, GraphDB "
        "and Virtuoso URLs.",
        epilog=f"Credentials: --auth user:password, or the {AUTH_ENV} environment variable "
        "(keeps the password out of the process list).",
    )
    add_store_option(p, required=True, files=True)
    p.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph)",
    )
    p.add_argument("--graph", metavar="IRI", help="put every triple into this one named graph instead")
    p.add_argument(
        "--default-graph",
        metavar="IRI",
        help="put the default graph's triples (entities, article metadata) into this named graph "
        "(for Virtuoso, which has no unnamed default graph)",
    )
    p.add_argument("--auth", metavar="USER:PASS", help="HTTP Basic or Digest credentials")
    p.add_argument(
        "--batch-size", type=int, default=10000, metavar="N", help="triples per request (default 10000)"
    )
    p.add_argument(
        "--retries",
        type=int,
        default=3,
        metavar="N",
        help="retries of a failed request that may pass (default 3)",
    )
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="per request (default 60)")
    p.add_argument(
        "--content-type",
        default="text/turtle",
        metavar="TYPE",
        help="media type of the bodies, which are N-Triples: text/turtle (default) or application/n-triples",
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="also drop the server's per-article graphs that the store no longer has "
        "(SPARQL Update DROP GRAPH; only graphs under https://w3id.org/kg/resource/graph/)",
    )
    p.add_argument(
        "--query-endpoint",
        metavar="URL",
        help="SPARQL query URL for --prune (guessed for Oxigraph /store and Fuseki /data)",
    )
    p.add_argument(
        "--update-endpoint", metavar="URL", help="SPARQL update URL for --prune (guessed likewise)"
    )
    p.set_defaults(func=cmd_push)
