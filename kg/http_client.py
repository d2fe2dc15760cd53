"""HTTP for ``kg push`` and the LLM engine: one request with bounded retries, a total deadline and a bounded reply.

Only the standard library (``urllib``, ``http.client``). A request is retried a bounded
number of times when its failure may pass (connection errors, timeouts, HTTP 408,
425, 429, 500, 502, 503, 504); the whole request, from connecting to the last byte,
must finish within its timeout; at most a given number of reply bytes is read, and a
reply shorter than its ``Content-Length`` is a failure; redirects are followed within
the endpoint's own origin only; credentials never appear in what is reported.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.errors import PushError, ServerError, UsageError, one_line

__all__ = ["AUTH_ENV", "REPLY_LIMIT", "Client", "check_endpoint"]

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_MAX_MESSAGE = 500
#: Bytes read of a reply to PUT, POST and DROP: only the status matters.
REPLY_LIMIT = 64 * 1024
#: Where credentials may also come from (never printed).
AUTH_ENV = "KG_PUSH_AUTH"


@dataclass(frozen=True)
class Client:
    """Requests to one server: ``auth`` (``user:password``, Basic or Digest), bounded ``retries`` with
    exponential ``backoff``, and a total ``timeout`` in seconds per request.

    Failures raise ``error`` (a :class:`~kg.errors.ServerError` with the HTTP status, if any);
    ``secrets`` (a bearer token sent in a header) are redacted from its message like the
    credentials; ``timeout_option`` names the option that sets the deadline, in its message.
    """

    auth: str | None
    retries: int
    backoff: float
    timeout: float
    sleep: Callable[[float], None] = time.sleep
    error: type[ServerError] = PushError
    secrets: tuple[str, ...] = field(default=(), repr=False)
    timeout_option: str = "--timeout"
    retry_status: frozenset[int] = _RETRY_STATUS

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
                with (_Deadline(self.timeout, self.timeout_option) as deadline,
                      opener.open(req, timeout=self.timeout) as response):
                    return _read_reply(response, limit, deadline)
            except urllib.error.HTTPError as exc:
                message = self._redact(_server_message(exc))
                if exc.code in self.retry_status and attempt <= self.retries:
                    self.sleep(self._delay(attempt, exc.headers.get("Retry-After") if exc.headers else None))
                    continue
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise self.error(
                    f"{method} {url} was refused{tries}: HTTP {exc.code} {exc.reason}"
                    + (f": {message}" if message else ""), status=exc.code
                ) from None
            except _CrossOrigin as exc:
                raise self.error(f"{method} {url}: {exc}") from None
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
                if attempt <= self.retries:
                    self.sleep(self._delay(attempt, None))
                    continue
                reason = getattr(exc, "reason", None) or _describe(exc)
                why = self._redact(str(reason))
                raise self.error(f"{method} {url} failed after {attempt} attempts: {why}") from None
            except ValueError as exc:  # urllib's word for a challenge it cannot answer (an unknown auth scheme)
                raise self.error(f"{method} {url} failed: {self._redact(str(exc))}") from None

    def _redact(self, text: str) -> str:
        """``text`` without the credentials (the password, ``user:password`` and its Base64) and ``secrets``."""
        secrets = list(self.secrets)
        if self.auth:
            password = self.auth.partition(":")[2]
            secrets += [self.auth, base64.b64encode(self.auth.encode("utf-8")).decode("ascii"), password]
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

    def __init__(self, seconds: float, option: str = "--timeout") -> None:
        self.seconds = seconds
        self.option = option
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
        # a read that timed out (the socket's timeout is the same number of seconds) is the same event as
        # the timer firing: whichever of the two a loaded machine runs first, the message is the deadline's
        timed_out = self.expired or isinstance(exc[1], TimeoutError)
        if timed_out and exc[0] is not None and not isinstance(exc[1], urllib.error.HTTPError):
            raise TimeoutError(f"no complete reply within the {self.option} of {self.seconds:g} s") from None

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


def check_endpoint(url: str, option: str = "--endpoint", credentials: str = f"--auth or {AUTH_ENV}") -> str:
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
        raise UsageError(f"{option} must not hold credentials (user:password@); give them with {credentials}")
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
