"""Push a store's RDF to a SPARQL server (Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso).

Uploads use the SPARQL 1.1 Graph Store HTTP Protocol: each graph of the
source (the default graph, and one named graph per article) is sent to
``ENDPOINT?default`` or ``ENDPOINT?graph=IRI``. The first request for a graph is
a ``PUT`` (it replaces what the server held in that graph, so pushing twice does
not duplicate anything); further batches of the same graph are ``POST`` (added).
Bodies are N-Triples, sorted, sent as ``text/turtle`` by default (N-Triples is a
subset of Turtle, the one syntax every Graph Store server reads).

With ``prune``, named graphs on the server under kg's graph namespace
(``https://w3id.org/kg/resource/graph/``) that the source no longer has
(articles removed with ``kg remove``) are dropped with SPARQL Update
``DROP SILENT GRAPH``; graphs outside that namespace are never touched.

Only the standard library is used (``urllib``). Failed requests are retried a
bounded number of times with exponential backoff when the failure may pass
(connection errors, timeouts, HTTP 408, 425, 429, 500, 502, 503, 504); any other
refusal stops the push at once with a :class:`PushError` naming the method, the
URL, the HTTP status and the server's message.

>>> endpoints_for("http://127.0.0.1:7878/store")
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
>>> endpoints_for("http://localhost:3030/ds/data")
('http://localhost:3030/ds/query', 'http://localhost:3030/ds/update')
>>> endpoints_for("http://example.org/rdf-graphs/service")
(None, None)
"""

from __future__ import annotations

import json
import math
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg import ids
from kg.errors import PushError, UsageError
from kg.http_client import Client, check_endpoint

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "GRAPH_NAMESPACE",
    "PushError",
    "PushResult",
    "drop_graphs",
    "endpoints_for",
    "push",
    "remote_graphs",
]

#: Named graphs kg writes (one per article) live under this IRI.
GRAPH_NAMESPACE = ids.RESOURCE + "graph/"

#: The prune listing is read up to this many bytes (kg.http_client.REPLY_LIMIT for other replies).
LISTING_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class PushResult:
    """What a push sent: graphs, triples, HTTP requests, and the graphs dropped by pruning."""

    graphs: int = 0
    triples: int = 0
    requests: int = 0
    dropped: tuple[str, ...] = ()


def _with_query(endpoint: str, query: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def endpoints_for(endpoint: str) -> tuple[str | None, str | None]:
    """The SPARQL query and update URLs beside a Graph Store URL, where the server's layout tells.

    Oxigraph serves ``/store``, ``/query`` and ``/update``; Fuseki
    ``/DATASET/data``, ``/DATASET/query`` and ``/DATASET/update``. For other
    servers pass the URLs explicitly.
    """
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        return None, None

    def beside(name: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{head}/{name}", "", ""))

    return beside("query"), beside("update")


def _batches(lines: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(lines), size):
        yield lines[start : start + size]


def _graph_lines(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode | pyoxigraph.DefaultGraph) -> list[str]:
    import pyoxigraph

    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    return sorted(line for line in data.decode("utf-8").split("\n") if line)


def _has_blank_nodes(lines: list[str]) -> bool:
    # Blank node labels are scoped to one request: a graph that has any is sent
    # whole, or its nodes would split in two. kg's own RDF has none.
    return any(line.startswith("_:") or " _:" in line for line in lines)


def remote_graphs(
    query_endpoint: str,
    *,
    namespace: str = GRAPH_NAMESPACE,
    auth: str | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
) -> list[str]:
    """The named graphs the server holds whose IRI starts with ``namespace``, sorted."""
    client = Client(auth, retries, backoff, timeout)
    escaped = namespace.replace("\\", "\\\\").replace('"', '\\"')
    sparql = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{escaped}")) }}'
    body = urllib.parse.urlencode({"query": sparql}).encode("ascii")
    raw = client.request(
        "POST",
        query_endpoint,
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
        limit=LISTING_LIMIT + 1,
    )
    if len(raw) > LISTING_LIMIT:
        raise PushError(f"POST {query_endpoint}: the list of graphs is larger than {LISTING_LIMIT} bytes; not pruning")
    try:
        bindings = json.loads(raw)["results"]["bindings"]
        found = {b["g"]["value"] for b in bindings if "g" in b}
    except (ValueError, KeyError, TypeError) as exc:
        raise PushError(f"POST {query_endpoint} did not answer with SPARQL JSON results: {exc}") from None
    # The FILTER is the server's to honour; the namespace promise is kept here, whatever it answers.
    return sorted(g for g in found if isinstance(g, str) and g.startswith(namespace) and len(g) > len(namespace))


def drop_graphs(
    update_endpoint: str,
    graphs: Iterable[str],
    *,
    auth: str | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
    batch_size: int = 100,
) -> int:
    """Drop named graphs with SPARQL Update ``DROP SILENT GRAPH``; returns the requests sent."""
    import pyoxigraph

    client = Client(auth, retries, backoff, timeout)
    iris = sorted(set(graphs))
    requests = 0
    for chunk in _batches(iris, batch_size):
        # NamedNode validates each IRI, so nothing but an IRI reaches the update text.
        try:
            update = " ;\n".join(f"DROP SILENT GRAPH <{pyoxigraph.NamedNode(iri).value}>" for iri in chunk)
        except ValueError as exc:
            raise PushError(f"refusing to drop a graph whose name is not a valid IRI: {exc}") from None
        client.request(
            "POST", update_endpoint, update.encode("utf-8"), {"Content-Type": "application/sparql-update"}
        )
        requests += 1
    return requests


def push(
    source: str | os.PathLike[str] | pyoxigraph.Store,
    endpoint: str,
    *,
    graph: str | None = None,
    default_graph: str | None = None,
    auth: str | None = None,
    batch_size: int = 10000,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 60.0,
    content_type: str = "text/turtle",
    prune: bool = False,
    query_endpoint: str | None = None,
    update_endpoint: str | None = None,
) -> PushResult:
    """Send the RDF of ``source`` (a store folder, an RDF file or a pyoxigraph Store) to a server.

    ``endpoint`` is the server's Graph Store Protocol URL (Oxigraph:
    ``http://HOST:7878/store``; Fuseki: ``http://HOST:3030/DATASET/data``;
    GraphDB: ``http://HOST:7200/repositories/REPO/rdf-graphs/service``; Virtuoso:
    ``http://HOST:8890/sparql-graph-crud-auth``). ``graph`` sends every triple
    into that one named graph instead of keeping the source's graphs. ``auth``
    is ``user:password`` for HTTP Basic authentication. ``batch_size`` is the
    number of triples per request; ``retries`` and ``backoff`` bound the retries
    of failures that may pass.
    """
    import pyoxigraph

    if batch_size < 1:
        raise UsageError(f"batch size must be at least 1, got {batch_size}")
    if retries < 0:
        raise UsageError(f"retries must be 0 or more, got {retries}")
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise UsageError(f"--timeout must be a positive number of seconds, got {timeout!r}")
    if any(c in content_type for c in "\r\n\x00") or not content_type.strip():
        raise UsageError(f"--content-type must be one media type on one line, got {content_type!r}")
    check_endpoint(endpoint)
    for option, value in (("--query-endpoint", query_endpoint), ("--update-endpoint", update_endpoint)):
        if value is not None:
            check_endpoint(value, option)
    for option, value in (("--graph", graph), ("--default-graph", default_graph)):
        if value is not None:
            try:
                pyoxigraph.NamedNode(value)
            except ValueError:
                raise UsageError(f"{option} must be an absolute IRI, got {value!r}") from None
    if graph is not None and default_graph is not None:
        raise UsageError("--graph puts everything into one graph; it cannot be combined with --default-graph")
    if prune:
        if graph is not None:
            raise UsageError("--prune drops per-article graphs; it cannot be combined with --graph")
        guessed_query, guessed_update = endpoints_for(endpoint)
        query_endpoint = query_endpoint or guessed_query
        update_endpoint = update_endpoint or guessed_update
        if not (query_endpoint and update_endpoint):
            raise UsageError(
                f"--prune needs the server's SPARQL query and update URLs: cannot guess them from "
                f"{endpoint}; pass --query-endpoint and --update-endpoint"
            )

    client = Client(auth, retries, backoff, timeout)

    def send(store: pyoxigraph.Store) -> PushResult:
        return _push_store(
            store,
            endpoint,
            client,
            graph=graph,
            default_graph=default_graph,
            batch_size=batch_size,
            content_type=content_type,
            prune=prune,
            query_endpoint=query_endpoint,
            update_endpoint=update_endpoint,
        )

    if isinstance(source, pyoxigraph.Store):
        return send(source)
    from kg.store import open_rdf

    with open_rdf(source) as store:
        return send(store)


def _push_store(
    store: pyoxigraph.Store,
    endpoint: str,
    client: Client,
    *,
    graph: str | None,
    default_graph: str | None,
    batch_size: int,
    content_type: str,
    prune: bool,
    query_endpoint: str | None,
    update_endpoint: str | None,
) -> PushResult:
    import pyoxigraph

    names = sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
    sources: list[tuple[str | None, list[str]]] = [
        (None, _graph_lines(store, pyoxigraph.DefaultGraph())),
        *((name, _graph_lines(store, pyoxigraph.NamedNode(name))) for name in names),
    ]
    if graph is not None:
        merged = sorted({line for _, lines in sources for line in lines})
        sources = [(graph, merged)]
    elif default_graph is not None:
        sources[0] = (default_graph, sources[0][1])
    requests = triples = graphs = 0
    for name, lines in sources:
        if not lines and name is None:
            continue
        target = _with_query(endpoint, "default" if name is None else urllib.parse.urlencode({"graph": name}))
        size = len(lines) if _has_blank_nodes(lines) else batch_size
        method = "PUT"
        for batch in _batches(lines, size) if lines else iter([[]]):
            body = ("\n".join(batch) + "\n").encode("utf-8") if batch else b""
            client.request(method, target, body, {"Content-Type": content_type})
            method = "POST"
            requests += 1
        graphs += 1
        triples += len(lines)
    dropped: list[str] = []
    if prune:
        assert query_endpoint and update_endpoint
        local = set(names) | ({default_graph} if default_graph else set())
        dropped = [
            g
            for g in remote_graphs(
                query_endpoint,
                auth=client.auth,
                timeout=client.timeout,
                retries=client.retries,
                backoff=client.backoff,
            )
            if g not in local
        ]
        if dropped:
            requests += drop_graphs(
                update_endpoint,
                dropped,
                auth=client.auth,
                timeout=client.timeout,
                retries=client.retries,
                backoff=client.backoff,
            )
        requests += 1
    return PushResult(graphs, triples, requests, tuple(dropped))
