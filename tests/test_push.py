"""``kg push`` against a real Oxigraph server on 127.0.0.1, and against servers that refuse.

The Oxigraph server is the ``oxigraph`` binary from the ``oxigraph`` PyPI
package (a test dependency). Without it the server tests skip, except under CI
(``CI`` set), where they fail.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph
import pytest

from kg import ids
from kg.errors import UsageError
from kg.graph import KnowledgeGraph
from kg.push import PushError, push
from kg.store import add_extractions, open_rdf, remove
from tests.dbs import free_port, unavailable

DENIED_CLAIM = ids.claim_iri("id/xiaomi-ford", "partnership/ford-motor-company--xiaomi")


def _oxigraph_binary() -> Path | None:
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    beside = Path(sys.executable).parent / "oxigraph"  # a venv's bin/ need not be on PATH
    return beside if beside.is_file() else None


@contextlib.contextmanager
def oxigraph_server(timeout: float = 30.0) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free port in a temporary folder; yield its base URL; always stop it."""
    binary = _oxigraph_binary()
    if binary is None:
        unavailable("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
        return
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as tmp:
        port = free_port()
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [str(binary), "serve", "--location", str(Path(tmp) / "db"), "--bind", f"127.0.0.1:{port}"],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    pytest.fail(
                        f"oxigraph serve exited with {proc.returncode}: {log.read_text(errors='replace')}"
                    )
                try:
                    with _direct().open(f"{base}/query?query=ASK%7B%7D", timeout=2) as r:
                        if r.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"oxigraph serve did not answer in {timeout:.0f} s: {log.read_text(errors='replace')}"
                    )
                time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _direct() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with oxigraph_server() as base:
        yield base


@pytest.fixture
def store(tmp_path: Path, graph: KnowledgeGraph) -> Path:
    path = tmp_path / "store"
    add_extractions(path, graph.extractions)
    return path


def local_quads(source: Path) -> set[str]:
    with open_rdf(source) as st:
        data = st.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""
    return {line for line in data.decode("utf-8").split("\n") if line}


def server_quads(base: str) -> set[str]:
    """The whole dataset the server holds, read back over the Graph Store Protocol and parsed."""
    req = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with _direct().open(req, timeout=30) as r:
        data = r.read()
    parsed = pyoxigraph.Store()
    parsed.load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    out = parsed.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""
    return {line for line in out.decode("utf-8").split("\n") if line}


def server_ask(base: str, sparql: str) -> bool:
    body = urllib.parse.urlencode({"query": sparql}).encode()
    req = urllib.request.Request(
        f"{base}/query",
        data=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    with _direct().open(req, timeout=30) as r:
        return bool(pyoxigraph.parse_query_results(r.read(), format=pyoxigraph.QueryResultsFormat.JSON))


def clear(base: str) -> None:
    req = urllib.request.Request(
        f"{base}/update", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
    )
    with _direct().open(req, timeout=30):
        pass


def count(base: str) -> int:
    body = urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"}
    ).encode()
    req = urllib.request.Request(
        f"{base}/query",
        data=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    with _direct().open(req, timeout=30) as r:
        results = pyoxigraph.parse_query_results(r.read(), format=pyoxigraph.QueryResultsFormat.JSON)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    (row,) = results
    return int(row["n"].value)


DENIED_ASK = (
    f"PREFIX kg: <{ids.ONTOLOGY}> ASK {{ GRAPH <{ids.graph_iri('id/xiaomi-ford')}> {{ "
    f"<{DENIED_CLAIM}> kg:status kg:denied ; "
    f"kg:about <{ids.link_iri('partnership/ford-motor-company--xiaomi')}> }} }}"
)


# -- a real Oxigraph server ------------------------------------------------------------------------


def test_push_sends_every_quad(server: str, store: Path) -> None:
    clear(server)
    expected = local_quads(store)
    result = push(store, f"{server}/store", batch_size=40)
    assert result.triples == len(expected) > 200 and result.graphs == 3
    assert result.requests > result.graphs  # batches of 40: several requests per graph
    assert server_quads(server) == expected
    assert count(server) == len(expected)
    assert server_ask(server, DENIED_ASK)
    # Pushing again replaces each graph (PUT) instead of adding a second copy.
    push(store, f"{server}/store")
    assert server_quads(server) == expected


def test_push_prune_drops_removed_articles(server: str, store: Path) -> None:
    clear(server)
    push(store, f"{server}/store")
    # A graph outside kg's namespace on the same server must survive pruning.
    other = urllib.request.Request(
        f"{server}/store?graph=" + urllib.parse.quote("http://example.org/theirs", safe=""),
        data=b'<http://example.org/a> <http://example.org/b> "c" .\n',
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    with _direct().open(other, timeout=30):
        pass
    remove(store, ["id/xiaomi-ford"])
    result = push(store, f"{server}/store", prune=True)
    assert result.dropped == (ids.graph_iri("id/xiaomi-ford"),)
    held = server_quads(server)
    assert {q for q in held if "http://example.org/theirs" not in q} == local_quads(store)
    assert any("<http://example.org/theirs>" in q for q in held)
    assert not server_ask(server, DENIED_ASK)


def test_push_into_one_graph(server: str, store: Path) -> None:
    clear(server)
    target = "http://example.org/kg-all"
    result = push(store, f"{server}/store", graph=target, content_type="application/n-triples")
    with open_rdf(store) as st:
        triples = {str(q.triple) for q in st}
    assert result.graphs == 1 and result.triples == len(triples)
    held = server_quads(server)
    assert all(q.endswith(f" <{target}> .") for q in held)
    assert {q.removesuffix(f" <{target}> .") for q in held} == triples


def test_default_graph_into_a_named_graph(server: str, store: Path) -> None:
    clear(server)
    home = "https://w3id.org/kg/resource/graph/"  # inside kg's namespace: pruning must keep it
    result = push(store, f"{server}/store", default_graph=home, prune=True)
    assert result.dropped == ()
    held = server_quads(server)
    local = local_quads(store)
    defaults = {q for q in local if q.count(" <https://w3id.org/kg/resource/graph/") == 0}
    assert {q.removesuffix(f" <{home}> .") + " ." for q in held if q.endswith(f" <{home}> .")} == defaults
    assert held - {q for q in held if q.endswith(f" <{home}> .")} == local - defaults
    assert len(held) == len(local)


def test_push_command_and_refusals(
    server: str, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clear(server)
    assert kg_push(["--store", str(store), "--endpoint", f"{server}/store"]) == 0
    assert "pushed" in capsys.readouterr().err and server_ask(server, DENIED_ASK)
    # An RDF file works as the source too.
    trig = tmp_path / "g.trig"
    with open_rdf(store) as st:
        trig.write_bytes(st.dump(format=pyoxigraph.RdfFormat.TRIG) or b"")
    clear(server)
    assert kg_push(["--store", str(trig), "--endpoint", f"{server}/store"]) == 0
    assert server_quads(server) == local_quads(store)
    # A URL the server does not serve: a clear error naming the status and the server's words.
    assert kg_push(["--store", str(store), "--endpoint", f"{server}/nope"]) == 1
    err = capsys.readouterr().err
    assert "PUT" in err and f"{server}/nope?default" in err and "HTTP 404" in err and "not supported" in err


# -- servers that refuse ---------------------------------------------------------------------------


class _Stub:
    """A tiny HTTP server that answers from a script of (status, body[, headers]) and records requests.

    The last entry of the script answers every further request.
    """

    def __init__(self, script: list[tuple[int, bytes] | tuple[int, bytes, dict[str, str]]]) -> None:
        self.script = list(script)
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                stub.seen.append((self.command, self.path, dict(self.headers), body))
                status, reply, *extra = stub.script.pop(0) if len(stub.script) > 1 else stub.script[0]
                self.send_response(status)
                for name, value in (extra[0] if extra else {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_PUT = do_POST = do_GET = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/store"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Stub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_rejecting_server_stops_at_once_with_its_message(store: Path) -> None:
    with _Stub([(400, b"Parser error at line 3: unexpected '<'")]) as stub, pytest.raises(PushError) as err:
        push(store, stub.url, backoff=0)
    assert len(stub.seen) == 1  # a 400 is not retried
    text = str(err.value)
    assert "PUT" in text and "HTTP 400" in text and "Parser error at line 3" in text


def test_failures_that_may_pass_are_retried_with_a_bound(store: Path) -> None:
    with _Stub([(503, b"busy"), (503, b"busy"), (204, b"")]) as stub:
        result = push(store, stub.url, backoff=0, retries=3)
    assert result.graphs == 3 and len(stub.seen) == 2 + 3
    with _Stub([(503, b"overloaded, try later")]) as stub, pytest.raises(PushError) as err:
        push(store, stub.url, backoff=0, retries=2)
    assert len(stub.seen) == 3
    assert (
        "HTTP 503" in str(err.value)
        and "after 3 attempts" in str(err.value)
        and "overloaded" in str(err.value)
    )


def test_an_unreachable_server_fails_after_the_retries(store: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(PushError, match="failed after 2 attempts"):
        push(store, url, backoff=0, retries=1, timeout=5)


def test_credentials_go_in_a_basic_auth_header_and_nowhere_else(store: Path) -> None:
    with _Stub([(401, b"who are you")]) as stub, pytest.raises(PushError) as err:
        push(store, stub.url, auth="alice:s3cret", backoff=0)
    headers = stub.seen[0][2]
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert "s3cret" not in str(err.value) and "HTTP 401" in str(err.value)


def test_digest_authentication_answers_the_challenge(store: Path) -> None:
    challenge = {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="6e1df3ed", qop="auth", algorithm="MD5"'}
    with _Stub([(401, b"", challenge), (204, b"")]) as stub:
        push(store, stub.url, auth="dba:secret", backoff=0)
    first, second = stub.seen[0][2]["Authorization"], stub.seen[1][2]["Authorization"]
    assert first.startswith("Basic ")
    assert second.startswith('Digest username="dba", realm="SPARQL", nonce="6e1df3ed"')
    assert "secret" not in second
    assert stub.seen[0][3] == stub.seen[1][3]  # the body is sent again with the answer


def test_bodies_are_sorted_ntriples_and_each_graph_is_put_first(store: Path) -> None:
    with _Stub([(204, b"")]) as stub:
        push(store, stub.url, batch_size=100)
    methods = [(m, urllib.parse.unquote(p.split("?", 1)[1])) for m, p, _, _ in stub.seen]
    targets = [t for _, t in methods]
    assert targets[0] == "default" and f"graph={ids.graph_iri('en/bukit-asam')}" in targets
    for target in dict.fromkeys(targets):
        ms = [m for m, t in methods if t == target]
        assert ms[0] == "PUT" and set(ms[1:]) <= {"POST"}
    for _, _, headers, body in stub.seen:
        assert headers["Content-Type"] == "text/turtle"
        lines = body.decode("utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) <= 100
        list(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES))  # valid N-Triples


def test_usage_errors(store: Path) -> None:
    with pytest.raises(UsageError, match="batch size"):
        push(store, "http://127.0.0.1:1/store", batch_size=0)
    with pytest.raises(UsageError, match="http:// or https://"):
        push(store, "ftp://example.org/store")
    with pytest.raises(UsageError, match="cannot guess them"):
        push(store, "http://127.0.0.1:1/repositories/x/rdf-graphs/service", prune=True)
    with pytest.raises(UsageError, match="absolute IRI"):
        push(store, "http://127.0.0.1:1/store", graph="not an iri")


def kg_push(argv: list[str]) -> int:
    from kg.store_cli import register

    parser = argparse.ArgumentParser(prog="kg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["push", *argv])
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2


# -- hostile servers (issue 14: F7-F11) ---------------------------------------------------------------


class _RawServer:
    """A TCP server on 127.0.0.1 that answers every connection with ``respond(sock)`` (bounded, then closes)."""

    def __init__(self, respond: Callable[[socket.socket], None]) -> None:
        self.respond = respond
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/store"
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            with contextlib.suppress(OSError):
                _read_request(conn)
                self.respond(conn)

    def __enter__(self) -> _RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


def _read_request(conn: socket.socket) -> None:
    """Read one whole request (headers and Content-Length body): closing a socket with unread data
    makes the kernel reset the connection, and the client would see a reset, not the reply under test."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        body += chunk


def _drip(sock: socket.socket, data: bytes, every: float, stop_after: float) -> None:
    end = time.monotonic() + stop_after
    for byte in data:
        if time.monotonic() > end:
            return
        sock.sendall(bytes([byte]))
        time.sleep(every)


@pytest.mark.parametrize(
    ("respond", "expected"),
    [
        (lambda s: s.sendall(b"SSH-2.0-OpenSSH_9.2\r\n"), "did not answer in HTTP"),
        (lambda s: s.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"), "before its Content-Length"),
        (lambda s: _drip(s, b"HTTP/1.1 204 No Content\r\n\r\n", 0.3, 8.0), "within the --timeout of 1 s"),
    ],
    ids=["not-http", "truncated-200", "one-byte-every-0.3s"],
)
def test_broken_replies_are_retried_then_one_error(store: Path, respond: Callable[[socket.socket], None],
                                                    expected: str) -> None:
    with _RawServer(respond) as srv, pytest.raises(PushError) as err:
        started = time.monotonic()
        push(store, srv.url, backoff=0, retries=1, timeout=1)
    assert expected in str(err.value) and "failed after 2 attempts" in str(err.value)
    assert srv.connections == 2 and time.monotonic() - started < 6  # two bounded attempts, not 8 s of drip


def test_an_endless_reply_is_read_only_a_little(store: Path) -> None:
    # Issue 14 F9: an endless 200 body grew kg push to 1.6 GB in 2 s.
    sent: list[int] = []

    def endless(sock: socket.socket) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\n\r\n")
        chunk = b"x" * 65536
        with contextlib.suppress(OSError):
            for _ in range(2000):  # up to 128 MB, stopped by the client closing the connection
                sock.sendall(chunk)
                sent.append(len(chunk))

    with _RawServer(endless) as srv:
        result = push(store, srv.url, backoff=0, retries=0, timeout=10)
    assert result.graphs == 3  # each reply was cut at kg.http_client.REPLY_LIMIT and the push went on
    assert sum(sent) < 3 * 16 * 2**20  # the client hung up long before 128 MB per reply


def test_prune_never_drops_outside_kg_namespace_nor_follows_redirects_elsewhere(store: Path) -> None:
    foreign = "http://example.org/their-graph"
    ours = ids.graph_iri("gone/article")
    rows = [{"g": {"type": "uri", "value": g}} for g in (foreign, ours)]
    listing = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": rows}}).encode()
    with _Stub([(204, b"")]) as gsp, _Stub([(200, listing)]) as query, _Stub([(204, b"")]) as update:
        result = push(store, gsp.url, prune=True, query_endpoint=query.url, update_endpoint=update.url, backoff=0)
    assert result.dropped == (ours,)  # the server ignored the FILTER; the client did not
    assert foreign not in update.seen[0][3].decode()
    with _Stub([(204, b"")]) as elsewhere:
        moved = {"Location": elsewhere.url.replace("127.0.0.1", "localhost")}
        with _Stub([(302, b"", moved)]) as query, _Stub([(204, b"")]) as gsp, \
                pytest.raises(PushError, match="refusing to follow a redirect"):
            push(store, gsp.url, prune=True, query_endpoint=query.url, update_endpoint=gsp.url, backoff=0)
    assert elsewhere.seen == []


def test_credentials_never_reach_the_url_or_a_message(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError, match="must not hold credentials"):
        push(store, "http://alice:s3cret@127.0.0.1:1/store")
    token = base64.b64encode(b"alice:s3cret").decode()
    echo = f"bad login s3cret {token} alice:s3cret".encode()
    with _Stub([(403, echo)]) as stub, pytest.raises(PushError) as err:
        push(store, stub.url, auth="alice:s3cret", backoff=0)
    assert "s3cret" not in str(err.value) and token not in str(err.value) and "***" in str(err.value)
    challenge = {"WWW-Authenticate": 'Negotiate realm="x"'}
    with _Stub([(401, b"", challenge)]) as stub, pytest.raises(PushError) as err:
        push(store, stub.url, auth="alice:s3cret", backoff=0)
    assert "HTTP 401" in str(err.value) or "not support" in str(err.value)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--endpoint", "http://[::1/x"], "not a valid URL"),
        (["--endpoint", "http://127.0.0.1:7878/my store"], "without spaces"),
        (["--endpoint", "http://127.0.0.1:port/store"], "not a valid URL"),
        (["--endpoint", "http://u:p@127.0.0.1:1/store"], "must not hold credentials"),
        (["--endpoint", "http://127.0.0.1:1/store", "--timeout", "-1"], "--timeout must be a positive number"),
        (["--endpoint", "http://127.0.0.1:1/store", "--timeout", "nan"], "--timeout must be a positive number"),
        (["--endpoint", "http://127.0.0.1:1/store", "--content-type", "text/turtle\r\nX-Evil: 1"],
         "--content-type must be one media type"),
    ],
)
def test_bad_push_options_are_usage_errors(store: Path, argv: list[str], expected: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert kg_push(["--store", str(store), *argv]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
