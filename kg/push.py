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

import base64
import contextlib
import http.client
import json
import math
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg import ids
from kg.errors import PushError, UsageError, one_line

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

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_MAX_MESSAGE = 500
#: Bytes read of a reply to PUT, POST and DROP (only the status matters) and of the prune listing.
REPLY_LIMIT = 64 * 1024
LISTING_LIMIT = 64 * 1024 * 1024
#: Where credentials may also come from (never printed).
AUTH_ENV = "KG_PUSH_AUTH"


@dataclass(frozen=True)
class PushResult:
    """What a push sent: graphs, triples, HTTP requests, and the graphs dropped by pruning."""

    graphs: int = 0
    triples: int = 0
    requests: int = 0
    dropped: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Client:
    auth: str | None
    retries: int
    backoff: float
    timeout: float
    sleep: Callable[[float], None] = time.sleep

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        *,
        limit: int = REPLY_LIMIT,
    ) -> bytes:
        """Send one request, retrying failures that may pass; return the response body.

        The whole request (connect, headers, body) must finish within ``timeout``
        seconds: a server that drips one byte at a time is cut off, not waited for.
        At most ``limit`` bytes of the reply are read; a reply shorter than its
        ``Content-Length`` is a failed request, never a success.
        """
        opener = _opener(url, self.auth)
        attempt = 0
        while True:
            attempt += 1
            req = urllib.request.Request(url, data=body, headers=dict(headers or {}), method=method)
            try:
                with _Deadline(self.timeout) as deadline, opener.open(req, timeout=self.timeout) as response:
                    return _read_reply(response, limit, deadline)
            except urllib.error.HTTPError as exc:
                message = self._redact(_server_message(exc))
                if exc.code in _RETRY_STATUS and attempt <= self.retries:
                    self.sleep(self._delay(attempt, exc.headers.get("Retry-After") if exc.headers else None))
                    continue
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise PushError(
                    f"{method} {url} was refused{tries}: HTTP {exc.code} {exc.reason}"
                    + (f": {message}" if message else "")
                ) from None
            except _CrossOrigin as exc:
                raise PushError(f"{method} {url}: {exc}") from None
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
                if attempt <= self.retries:
                    self.sleep(self._delay(attempt, None))
                    continue
                reason = getattr(exc, "reason", None) or _describe(exc)
                why = self._redact(str(reason))
                raise PushError(f"{method} {url} failed after {attempt} attempts: {why}") from None
            except ValueError as exc:  # urllib's word for a challenge it cannot answer (an unknown auth scheme)
                raise PushError(f"{method} {url} failed: {self._redact(str(exc))}") from None

    def _redact(self, text: str) -> str:
        """``text`` without the credentials: the password, ``user:password`` and its Base64."""
        if not self.auth:
            return text
        password = self.auth.partition(":")[2]
        secrets = [self.auth, base64.b64encode(self.auth.encode("utf-8")).decode("ascii"), password]
        for secret in sorted(filter(None, secrets), key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), 60.0)
        return min(self.backoff * 2 ** (attempt - 1), 30.0)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return f"the reply ended after {len(exc.partial)} bytes, before its Content-Length"
    if isinstance(exc, http.client.BadStatusLine):
        return f"the server did not answer in HTTP ({exc.__class__.__name__}: {exc!s:.80})"
    return f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__


class _Deadline:
    """Close every socket this thread opens when ``seconds`` have passed.

    A socket timeout bounds each read, not a request: a server sending one byte
    every half second held a push for as long as it liked. The sockets are found
    through :class:`_Connection`, which registers each one as it connects.
    """

    _local = threading.local()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def _expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        _Deadline._local.current = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _Deadline._local.current = None
        if self.expired and exc[0] is not None and not isinstance(exc[1], urllib.error.HTTPError):
            raise TimeoutError(f"no complete reply within the --timeout of {self.seconds:g} s") from None

    @classmethod
    def register(cls, sock: socket.socket | None) -> None:
        current = getattr(cls._local, "current", None)
        if current is not None and sock is not None:
            current.sockets.append(sock)
            if current.expired:
                current._expire()


class _Connection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _Deadline.register(self.sock)


class _TLSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _Deadline.register(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_TLSConnection, req)


class _CrossOrigin(Exception):
    pass


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the endpoint's own origin (scheme, host, port).

    A redirect elsewhere would send the query (and the credentials) to a server the
    user never named.
    """

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if _origin(newurl) != _origin(req.full_url):
            raise _CrossOrigin(f"refusing to follow a redirect (HTTP {code}) to another server: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _read_reply(response: http.client.HTTPResponse, limit: int, deadline: _Deadline) -> bytes:
    """At most ``limit`` bytes of a reply; one shorter than its Content-Length raises IncompleteRead."""
    chunks: list[bytes] = []
    size = 0
    while size < limit and (chunk := response.read1(min(65536, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    data = b"".join(chunks)
    declared = response.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and size < min(int(declared), limit):
        raise http.client.IncompleteRead(data, int(declared) - size)
    return data


def _opener(url: str, auth: str | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_HTTPHandler(), _HTTPSHandler(), _SameOriginRedirects()]
    # A proxy cannot reach the user's own machine: loopback goes direct even
    # when http_proxy is set; other hosts honour the environment's proxies.
    if (urllib.parse.urlsplit(url).hostname or "") in _LOOPBACK:
        handlers.append(urllib.request.ProxyHandler({}))
    if auth:
        user, _, password = auth.partition(":")
        passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
        passwords.add_password(None, url, user, password, is_authenticated=True)
        # Basic goes with the first request; Digest (Virtuoso's -auth endpoints)
        # answers the server's challenge.
        handlers += [
            urllib.request.HTTPBasicAuthHandler(passwords),
            urllib.request.HTTPDigestAuthHandler(passwords),
        ]
    return urllib.request.build_opener(*handlers)


def check_endpoint(url: str, option: str = "--endpoint") -> str:
    """An http(s) URL with a host and a numeric port (if any), no credentials, no spaces.

    >>> check_endpoint("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/store'
    >>> check_endpoint("http://user:secret@127.0.0.1/store")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --endpoint must not hold credentials (user:password@); give them with --auth or KG_PUSH_AUTH
    """
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise UsageError(f"{option} must be a URL without spaces or control characters, got {one_line(url)!r}")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError as exc:
        raise UsageError(f"{option} is not a valid URL ({exc}): {url!r}") from None
    if parts.scheme not in ("http", "https"):
        raise UsageError(f"{option} must be an http:// or https:// URL, got {url!r}")
    if "@" in parts.netloc:
        raise UsageError(f"{option} must not hold credentials (user:password@); give them with --auth or {AUTH_ENV}")
    if not parts.hostname:
        raise UsageError(f"{option} names no host: {url!r}")
    return url


def _server_message(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read(4096)
    except Exception:  # the status alone is still worth reporting
        return ""
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text if len(text) <= _MAX_MESSAGE else text[:_MAX_MESSAGE] + "…"


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
    client = _Client(auth, retries, backoff, timeout)
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

    client = _Client(auth, retries, backoff, timeout)
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

    client = _Client(auth, retries, backoff, timeout)

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
    client: _Client,
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
