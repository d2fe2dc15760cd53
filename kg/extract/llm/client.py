"""One small client for OpenAI-compatible chat completions, with a cache on disk and a tally.

Requests go through :class:`kg.http_client.Client` (bounded retries with backoff on
429, 5xx and lost connections, a total deadline per request, a bounded reply). The
answer's JSON Schema goes in ``response_format``: as ``json_schema`` (OpenAI, vLLM),
or, where a server refuses that, as ``json_object`` with the schema beside it
(llama.cpp's server) and in the prompt; which one an endpoint took is remembered
(in this process and in the cache folder). Temperature 0 and a fixed seed make a
server as deterministic as it can be; the cache makes a rerun byte-identical.

The cache holds one file per request, named by a digest of what decides the answer
(endpoint, model, prompt version, schema version, language, the chunk's text, the
token limit and extra parameters), holding the model's reply and its token counts:
never the API key, which is read from ``KG_LLM_API_KEY`` when a request is made and
redacted from every message.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import LLMError, WorkerError, plural
from kg.extract.engine import LLMSettings

__all__ = ["KEY_ENV", "STATS", "Stats", "ask", "chat_url", "report"]

#: Where the API key comes from (never an option, never printed, never cached).
KEY_ENV = "KG_LLM_API_KEY"
#: Bytes read of a reply at most.
REPLY_LIMIT = 8 * 1024 * 1024
RETRIES = 5
BACKOFF = 1.0
SEED = 0
# Statuses with which a server says it cannot take a json_schema response_format.
_NO_SCHEMA = frozenset({400, 404, 415, 422, 500, 501})
_RETRY = frozenset({408, 425, 429, 500, 502, 503, 504})
_PROBE_RETRY = _RETRY - {500}
# Statuses after which no request to this endpoint can succeed: the build stops (exit 3)
# when the endpoint never answered; otherwise the article is an input error.
_FATAL = frozenset({401, 403, 404, 405, 407})


@dataclass
class Stats:
    """What the LLM engines cost in this process: requests, cache hits, tokens, time, what grounding dropped."""

    requests: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0
    cut: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    reached: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def drop(self, counts: Counter[str]) -> None:
        with self.lock:
            self.dropped.update(counts)

    def line(self) -> str:
        """The summary line, e.g. ``llm: 3 requests (1.2 s), 2 cache hits, 900 tokens in, 120 out; ...``."""
        drops = ", ".join(f"{n} {why}" for why, n in sorted(self.dropped.items()) if n)
        return (
            f"llm: {plural(self.requests, 'request')} ({self.seconds:.1f} s), {plural(self.cache_hits, 'cache hit')}, "
            f"{self.tokens_in} tokens in, {self.tokens_out} out"
            + (f", {plural(self.cut, 'reply')} cut at --llm-max-tokens" if self.cut else "")
            + f"; grounding dropped {drops or 'nothing'}"
        )


#: The tally of this process (threads share it).
STATS = Stats()
_MODES: dict[str, str] = {}
_MODES_LOCK = threading.Lock()


def report() -> str | None:
    """The summary line of what the LLM engines did since the last call (None if nothing), and a fresh tally."""
    global STATS
    stats, STATS = STATS, Stats()
    if not (stats.requests or stats.cache_hits or stats.dropped):
        return None
    return stats.line()


def chat_url(url: str) -> str:
    """The chat-completions URL of a server's base URL (given whole, it is kept).

    >>> chat_url("http://127.0.0.1:8080/v1/")
    'http://127.0.0.1:8080/v1/chat/completions'
    >>> chat_url("https://api.example.com/v1/chat/completions")
    'https://api.example.com/v1/chat/completions'
    """
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else url + "/chat/completions"


def _digest(data: object) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def ask(settings: LLMSettings, language: str, text: str) -> dict[str, Any]:
    """The model's answer (a JSON object) for one chunk of text, from the cache or the server.

    Raises :class:`~kg.errors.LLMError` when the server refused or could not answer this
    request, and :class:`~kg.errors.WorkerError` when it could not be reached at all
    (no request to it has succeeded in this run).
    """
    from kg.extract.llm.prompt import prompt_version, schema_version

    endpoint = chat_url(settings.url)
    key = {
        "endpoint": endpoint, "model": settings.model, "prompt": prompt_version(), "schema": schema_version(),
        "language": language, "text": hashlib.sha256(text.encode()).hexdigest(), "max_tokens": settings.max_tokens,
        "extra": [list(kv) for kv in settings.extra],
    }
    path = Path(settings.cache) / (name := _digest(key))[:2] / f"{name}.json" if settings.cache else None
    record = _read_cached(path)
    if record is not None:
        with STATS.lock:
            STATS.cache_hits += 1
    else:
        record = _request(settings, endpoint, language, text)
        record = {**key, **record}
        if path is not None:
            from kg.io import atomic_write

            atomic_write(path, [json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1) + "\n"])
    return _parse(str(record["content"]), record.get("finish_reason"), endpoint)


def _read_cached(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None  # a damaged entry is asked again (and replaced)
    return record if isinstance(record, dict) and isinstance(record.get("content"), str) else None


def _request(settings: LLMSettings, endpoint: str, language: str, text: str) -> dict[str, Any]:
    from kg.extract.llm.prompt import answer_schema, messages
    from kg.http_client import Client

    secret = os.environ.get(KEY_ENV, "")
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    known = _mode(settings, endpoint)
    modes = [known] if known else ["json_schema", "json_object"]
    for k, mode in enumerate(modes):
        probing = k < len(modes) - 1
        body: dict[str, Any] = {
            "messages": messages(language, text, schema_in_prompt=mode == "json_object"),
            "temperature": 0, "seed": SEED, "max_tokens": settings.max_tokens,
            "response_format": (
                {"type": "json_schema", "json_schema": {"name": "kg_extraction", "strict": True,
                                                        "schema": answer_schema()}}
                if mode == "json_schema" else {"type": "json_object", "schema": answer_schema()}
            ),
        }
        if settings.model:
            body["model"] = settings.model
        for name, value in settings.extra:
            body[name] = _value(value)
        client = Client(
            None, RETRIES, BACKOFF, settings.timeout, error=LLMError, secrets=(secret,) if secret else (),
            timeout_option="--llm-timeout",
            # a server refusing json_schema answers 500 (llama.cpp): not worth a retry while probing
            retry_status=_PROBE_RETRY if probing else _RETRY,
        )
        began = time.monotonic()
        try:
            raw = client.request("POST", endpoint, json.dumps(body).encode(), headers, limit=REPLY_LIMIT)
        except LLMError as exc:
            if probing and exc.status in _NO_SCHEMA:
                continue
            _fail(endpoint, exc)
        with STATS.lock:
            STATS.reached.add(endpoint)
            STATS.requests += 1
            STATS.seconds += time.monotonic() - began
        _remember(settings, endpoint, mode)
        return _reply(raw, endpoint)
    raise AssertionError("unreachable")  # pragma: no cover  (the last mode returns or raises)


def _fail(endpoint: str, exc: LLMError) -> None:
    with STATS.lock:
        reached = endpoint in STATS.reached
    if not reached and (exc.status is None or exc.status in _FATAL or exc.status >= 500):
        raise WorkerError(f"cannot use the language model at {endpoint}: {exc}") from None
    raise exc


def _reply(raw: bytes, endpoint: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
        choice = data["choices"][0]
        content = choice["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("no text content")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError(f"POST {endpoint}: not a chat-completions reply ({type(exc).__name__}: {exc!s:.80})") from None
    usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
    tokens_in, tokens_out = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    with STATS.lock:
        STATS.tokens_in += tokens_in
        STATS.tokens_out += tokens_out
    return {"content": content, "finish_reason": choice.get("finish_reason"),
            "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out}}


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _mode_file(settings: LLMSettings, endpoint: str) -> Path | None:
    return Path(settings.cache) / "endpoints" / f"{_digest(endpoint)[:16]}.json" if settings.cache else None


def _mode(settings: LLMSettings, endpoint: str) -> str | None:
    with _MODES_LOCK:
        if endpoint in _MODES:
            return _MODES[endpoint]
    path = _mode_file(settings, endpoint)
    try:
        mode = json.loads(path.read_text(encoding="utf-8")).get("response_format") if path else None
    except (OSError, ValueError, AttributeError):
        mode = None
    return mode if mode in ("json_schema", "json_object") else None


def _remember(settings: LLMSettings, endpoint: str, mode: str) -> None:
    with _MODES_LOCK:
        if _MODES.get(endpoint) == mode:
            return
        _MODES[endpoint] = mode
    path = _mode_file(settings, endpoint)
    if path is not None:
        from kg.io import atomic_write

        atomic_write(path, [json.dumps({"endpoint": endpoint, "response_format": mode}, sort_keys=True) + "\n"])


def _parse(content: str, finish: object, endpoint: str) -> dict[str, Any]:
    try:
        answer = json.loads(content)
    except json.JSONDecodeError:
        answer = _complete_items(content) if finish == "length" else None
        if answer is None:
            why = "cut at --llm-max-tokens" if finish == "length" else "not JSON"
            raise LLMError(f"POST {endpoint}: the model's answer is {why}: {content[:80]!r}") from None
        with STATS.lock:
            STATS.cut += 1
    if not isinstance(answer, dict):
        raise LLMError(f"POST {endpoint}: the model's answer is not a JSON object: {content[:80]!r}")
    return answer


def _complete_items(content: str) -> dict[str, Any] | None:
    """A reply cut at the token limit, with its complete items: cut after the last ``}`` that makes
    it valid once the open brackets are closed.

    >>> _complete_items('{"entities": [{"name": "A", "type": "Company"}, {"name": "B", "ty')
    {'entities': [{'name': 'A', 'type': 'Company'}]}
    """
    opened: list[str] = []
    states: list[tuple[int, str]] = []
    in_string = escaped = False
    for k, c in enumerate(content):
        if in_string:
            in_string = not (c == '"' and not escaped)
            escaped = c == "\\" and not escaped
            continue
        if c == '"':
            in_string = True
        elif c in "[{":
            opened.append("]" if c == "[" else "}")
        elif c in "]}" and opened:
            opened.pop()
            if c == "}":
                states.append((k + 1, "".join(reversed(opened))))
    for end, closing in reversed(states[-200:]):
        try:
            answer = json.loads(content[:end] + closing)
        except json.JSONDecodeError:
            continue
        return answer if isinstance(answer, dict) else None
    return None
