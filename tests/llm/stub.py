"""A stand-in chat-completions server for the LLM engine's plumbing tests (the real one: test_server.py).

It answers each request with ``answer(body)``: a status and a JSON object (the model's answer,
wrapped as a chat-completions reply), and records every request's headers and body.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[[dict[str, Any]], tuple[int, Any]]


def reply(answer: dict[str, Any], *, tokens: tuple[int, int] = (100, 20), finish: str = "stop") -> dict[str, Any]:
    """A chat-completions reply whose message is ``answer`` as JSON text."""
    return {
        "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(answer)},
                     "finish_reason": finish}],
        "usage": {"prompt_tokens": tokens[0], "completion_tokens": tokens[1]},
    }


class Stub:
    """A chat-completions server on 127.0.0.1 (``url`` is its base URL, like ``http://host:port/v1``)."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.seen: list[tuple[dict[str, str], dict[str, Any]]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                stub.seen.append((dict(self.headers), body))
                status, data = stub.answer(body)
                raw = data if isinstance(data, bytes) else json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Stub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def user_text(body: dict[str, Any]) -> str:
    """The article text a request sent."""
    return str(body["messages"][-1]["content"])
