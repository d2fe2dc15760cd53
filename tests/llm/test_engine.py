"""The LLM engine against a stand-in server: grounding, the schema, the cache, fallbacks, failures, the key.

Every answer here is written by the test, so each check knows exactly what the model
"said"; tests/llm/test_server.py runs the same plumbing against a real llama.cpp server.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.extract import extract
from kg.extract.engine import Engine, LLMSettings
from kg.extract.llm import client
from kg.model import Article
from tests.conftest import ROOT
from tests.llm.stub import Stub, reply, user_text

TEXT = (
    "PT Nusa Sinyal Tbk menggandeng Orbita Networks untuk membangun menara di Papua. "
    "Direktur Utama Nusa Sinyal, Budi Santoso, mengatakan kerja sama itu diteken pada Senin."
)
DENIAL = "Xiaomi membantah kabar kemitraan dengan Ford Motor Company."


def _partnership(evidence: str, status: str = "asserted", **extra: Any) -> dict[str, Any]:
    return {"type": "partnership", "subject": "PT Nusa Sinyal Tbk", "object": "Orbita Networks", "status": status,
            "attributed_to": None, "sector": None, "evidence": evidence, **extra}


GOOD = {
    "entities": [
        {"name": "PT Nusa Sinyal Tbk", "type": "Company"},
        {"name": "orbita  networks", "type": "Company"},  # case and white space differ from the text
        {"name": "Budi Santoso", "type": "Person"},
        {"name": "Sinyal Raya Holdings", "type": "Company"},  # invented: not in the text
    ],
    "relations": [
        _partnership("PT Nusa Sinyal Tbk menggandeng Orbita Networks untuk membangun menara di Papua."),
        # invented quote: dropped
        {**_partnership("Nusa Sinyal membeli Orbita Networks senilai Rp 2 triliun."), "type": "acquisition"},
        # the schema: a person cannot acquire
        {"type": "acquisition", "subject": "Budi Santoso", "object": "Orbita Networks", "status": "asserted",
         "attributed_to": None, "sector": None, "evidence": TEXT.split(". ")[1]},
        # not a relation type
        {**_partnership(TEXT.split(". ")[0] + "."), "type": "friendship"},
        # a party that is not a grounded entity
        {**_partnership(TEXT.split(". ")[0] + "."), "object": "Sinyal Raya Holdings"},
    ],
}


@pytest.fixture
def settings(tmp_path: Path) -> LLMSettings:
    client.report()  # a fresh tally
    return LLMSettings(url="http://127.0.0.1:9/v1", model="stub", cache=str(tmp_path / "cache"), timeout=5)


def _with(settings: LLMSettings, stub: Stub, **changes: Any) -> Engine:
    from dataclasses import replace

    return Engine("llm", llm=replace(settings, url=stub.url, **changes))


def test_grounding_keeps_what_the_text_says_and_counts_the_rest(settings: LLMSettings) -> None:
    with Stub(lambda body: (200, reply(GOOD))) as stub:
        x = extract(Article("a", TEXT, language="id"), engine=_with(settings, stub))
    assert {e.label: e.type for e in x.entities} == {
        "PT Nusa Sinyal Tbk": "Company", "Orbita Networks": "Company", "Budi Santoso": "Person"}
    for e in x.entities:  # offsets point at the text itself
        assert e.mentions and all(TEXT[m.start : m.end] == m.text for m in e.mentions)
    assert [(r.type, r.status) for r in x.relations] == [("partnership", "asserted")]
    (ev,) = x.relations[0].evidence
    assert TEXT[ev.start : ev.end] == ev.text and ev.text.startswith("PT Nusa Sinyal Tbk menggandeng")
    stats = client.STATS
    assert dict(stats.dropped) == {"names not in the text": 1, "quotes not in the text": 1,
                                   "relations breaking the argument types": 1, "relations outside the schema": 1,
                                   "relations with an ungrounded party": 1}
    assert (stats.requests, stats.cache_hits, stats.tokens_in, stats.tokens_out) == (1, 0, 100, 20)


def test_a_quote_found_only_fuzzily_points_at_its_sentence(settings: LLMSettings) -> None:
    answer = {"entities": GOOD["entities"][:2],
              "relations": [_partnership("PT Nusa Sinyal Tbk menggandeng Orbita Network untuk membangun menara Papua")]}
    with Stub(lambda body: (200, reply(answer))) as stub:
        x = extract(Article("a", TEXT, language="id"), engine=_with(settings, stub))
    (ev,) = x.relations[0].evidence
    assert (ev.start, ev.text) == (0, TEXT.split(" Direktur")[0])


def test_requests_carry_the_schema_at_temperature_zero_and_fall_back_to_json_object(settings: LLMSettings) -> None:
    def answer(body: dict[str, Any]) -> tuple[int, Any]:
        if body["response_format"]["type"] == "json_schema":  # like llama.cpp's server
            return 500, {"error": "1 validation error: response_format"}
        return 200, reply(GOOD)

    with Stub(answer) as stub:
        engine = _with(settings, stub)
        extract(Article("a", TEXT, language="id"), engine=engine)
        extract(Article("b", TEXT + " Sekian.", language="id"), engine=engine)
    formats = [body["response_format"]["type"] for _, body in stub.seen]
    assert formats == ["json_schema", "json_object", "json_object"]  # the fallback is remembered
    from kg.extract.llm.prompt import answer_schema

    for _, body in stub.seen:
        fmt = body["response_format"]
        assert (fmt.get("schema") or fmt["json_schema"]["schema"]) == answer_schema()
        assert (body["temperature"], body["seed"], body["model"]) == (0, 0, "stub")
    # json_object servers also read the schema in the instructions
    assert "JSON Schema of the answer" in stub.seen[1][1]["messages"][0]["content"]
    assert "JSON Schema" not in stub.seen[0][1]["messages"][0]["content"]


def test_long_articles_go_in_overlapping_chunks_and_merge(settings: LLMSettings) -> None:
    sentences = [f"Perusahaan {n} Abadi menggandeng Orbita Networks di kota {n}." for n in
                 ("Alfa", "Beta", "Gama", "Delta", "Eko")]
    text = " ".join(sentences)

    def answer(body: dict[str, Any]) -> tuple[int, Any]:
        chunk = user_text(body)
        names = [w for w in ("Alfa", "Beta", "Gama", "Delta", "Eko") if f"Perusahaan {w} Abadi" in chunk]
        return 200, reply({"entities": [{"name": f"Perusahaan {w} Abadi", "type": "Company"} for w in names]
                           + [{"name": "Orbita Networks", "type": "Company"}], "relations": []})

    with Stub(answer) as stub:
        x = extract(Article("a", text, language="id"), engine=_with(settings, stub, chunk_chars=130))
    chunks = [user_text(body) for _, body in stub.seen]
    assert len(chunks) >= 3
    for before, after in itertools.pairwise(chunks):  # each repeats the last sentence of the one before
        assert before.rsplit(". ", 1)[-1] in after
    assert all(text.find(c) >= 0 for c in chunks)  # sentence-aligned: each chunk is a stretch of the text
    assert sorted(e.label for e in x.entities) == sorted(
        [f"Perusahaan {w} Abadi" for w in ("Alfa", "Beta", "Gama", "Delta", "Eko")] + ["Orbita Networks"])
    orbita = next(e for e in x.entities if e.label == "Orbita Networks")
    assert len(orbita.mentions) == 5  # one mention per sentence, however many chunks named it


def test_llm_hybrid_keeps_the_rules_status(settings: LLMSettings) -> None:
    # The model calls a denied partnership asserted; the rules read the denial.
    answer = {"entities": [{"name": "Xiaomi", "type": "Company"}, {"name": "Ford Motor Company", "type": "Company"}],
              "relations": [{"type": "partnership", "subject": "Xiaomi", "object": "Ford Motor Company",
                             "status": "asserted", "attributed_to": "Xiaomi", "sector": None, "evidence": DENIAL}]}
    article = Article("a", DENIAL, language="id")
    with Stub(lambda body: (200, reply(answer))) as stub:
        alone = extract(article, engine=_with(settings, stub))
        union = extract(article, engine=Engine("llm+hybrid", llm=_with(settings, stub).llm))
    assert [r.status for r in alone.relations] == ["asserted"]
    assert [r.status for r in union.relations] == ["denied"]
    hybrid = extract(article, engine="hybrid")
    assert [e.id for e in union.entities] == [e.id for e in hybrid.entities]


def test_a_rebuild_asks_nothing_and_writes_the_same_bytes(settings: LLMSettings, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    with Stub(lambda body: (200, reply(GOOD))) as stub:
        args = ["build", str(tmp_path / "in"), "--engine", "llm", "--llm-url", stub.url,
                "--llm-cache", settings.cache, "--format", "extractions", "--format", "turtle", "-q"]
        assert main([*args, "-o", str(tmp_path / "one")]) == 0
        assert len(stub.seen) == 1
        assert main([*args, "-o", str(tmp_path / "two")]) == 0
        assert len(stub.seen) == 1  # all from the cache
    for name in ("extractions.jsonl", "graph.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert b"Orbita Networks" in (tmp_path / "one" / "graph.ttl").read_bytes()


def test_the_summary_reports_requests_hits_tokens_and_drops(settings: LLMSettings, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Stub(lambda body: (200, reply(GOOD, tokens=(321, 45)))) as stub:
        args = ["extract", str(tmp_path / "a.txt"), "--engine", "llm", "--llm-url", stub.url, "--llm-cache",
                settings.cache]
        assert main(args) == 0
        first = capsys.readouterr().err
        assert main(args) == 0
        second = capsys.readouterr().err
    assert "kg: llm: 1 request (" in first and "0 cache hits, 321 tokens in, 45 out" in first
    assert "1 names not in the text" in first and "1 quotes not in the text" in first
    assert "kg: llm: 0 requests (0.0 s), 1 cache hit, 0 tokens in, 0 out" in second


def test_the_key_is_sent_but_never_printed_stored_or_reported(settings: LLMSettings, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sk-test-0123456789abcdef"
    monkeypatch.setenv("KG_LLM_API_KEY", secret)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(DENIAL, encoding="utf-8")

    def answer(body: dict[str, Any]) -> tuple[int, Any]:
        if "Xiaomi" in user_text(body):  # a server that echoes what it was sent in its error
            return 400, {"error": f"bad request; Authorization: Bearer {secret}"}
        return 200, reply(GOOD)

    with Stub(answer) as stub:
        code = main(["build", str(tmp_path / "in"), "--engine", "llm", "--llm-url", stub.url,
                     "--llm-cache", settings.cache, "-o", str(tmp_path / "out"), "--format", "extractions"])
    assert {h.get("Authorization") for h, _ in stub.seen} == {f"Bearer {secret}"}
    assert code == 1  # one article could not be read: an input error, the other was built
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "HTTP 400" in errors and "***" in errors
    out = capsys.readouterr()
    cached = b"".join(p.read_bytes() for p in Path(settings.cache).rglob("*") if p.is_file())
    for where in (out.out, out.err, errors, cached.decode()):
        assert secret not in where
    assert "--llm-api-key" not in subprocess.run([sys.executable, "-m", "kg.cli", "build", "--help"],
                                                 capture_output=True, text=True, cwd=ROOT, check=True).stdout


def test_an_unreachable_server_stops_the_build_with_exit_3(settings: LLMSettings, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "BACKOFF", 0.01)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    port = socket.socket()
    port.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    url = f"http://127.0.0.1:{port.getsockname()[1]}/v1"
    with port:
        code = main(["build", str(tmp_path / "a.txt"), "--engine", "llm", "--llm-url", url, "--llm-cache",
                     settings.cache, "-o", str(tmp_path / "out"), "--llm-timeout", "5"])
    assert code == 3
    err = capsys.readouterr().err
    assert "cannot use the language model at" in err and f"after {client.RETRIES + 1} attempts" in err
    assert not (tmp_path / "out").exists()


def test_a_stalled_server_meets_the_deadline(settings: LLMSettings, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "RETRIES", 1)
    monkeypatch.setattr(client, "BACKOFF", 0.01)
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:  # accepts every connection and never answers
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    try:
        code = main(["extract", str(tmp_path / "a.txt"), "--engine", "llm", "--llm-url",
                     f"http://127.0.0.1:{listener.getsockname()[1]}/v1", "--llm-cache", settings.cache,
                     "--llm-timeout", "0.5"])
    finally:
        stop.set()
        thread.join()
        for sock in held:
            sock.close()
        listener.close()
    assert code == 3
    assert len(held) == 2  # the request and its one retry, each cut at the deadline
    assert "no complete reply within the --llm-timeout of 0.5 s" in capsys.readouterr().err


def test_a_reply_cut_at_the_token_limit_keeps_its_complete_items(settings: LLMSettings) -> None:
    content = json.dumps(GOOD)[:-300]
    cut = {"choices": [{"message": {"content": content}, "finish_reason": "length"}], "usage": {}}
    with Stub(lambda body: (200, cut)) as stub:
        x = extract(Article("a", TEXT, language="id"), engine=_with(settings, stub))
    assert {e.label for e in x.entities} == {"PT Nusa Sinyal Tbk", "Orbita Networks", "Budi Santoso"}
    assert client.STATS.cut == 1


def test_a_reply_that_is_not_json_is_that_articles_input_error(settings: LLMSettings, tmp_path: Path) -> None:
    prose = {"choices": [{"message": {"content": "Sure! Here are the companies"}, "finish_reason": "stop"}]}
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Stub(lambda body: (200, prose)) as stub:
        code = main(["build", str(tmp_path / "a.txt"), "--engine", "llm", "--llm-url", stub.url, "--llm-cache",
                     settings.cache, "-o", str(tmp_path / "out"), "--allow-empty", "-q"])
    assert code == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert "not JSON" in error["error"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--engine", "llm"], "--engine llm needs a server: --llm-url URL or KG_LLM_URL"),
    (["--llm-url", "http://127.0.0.1:1/v1"], "--llm-url is an option of --engine llm or llm+hybrid"),
    (["--engine", "llm", "--llm-url", "http://user:pw@127.0.0.1/v1"], "must not hold credentials"),
    (["--engine", "llm+hybrid", "--llm-url", "http://127.0.0.1:1/v1", "--llm-concurrency", "0"],
     "--llm-concurrency must be more than 0"),
])
def test_engine_options_are_checked(argv: list[str], message: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_LLM_URL", raising=False)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_importing_kg_extract_loads_nothing_of_the_llm_engine() -> None:
    code = "import sys, kg.extract, kg.cli; print(sorted(m for m in sys.modules if m.startswith('kg.extract.llm')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]"


def test_the_store_key_names_the_model_prompt_and_schema() -> None:
    from kg.extract.llm.prompt import prompt_version, schema_version

    key = Engine("llm", llm=LLMSettings("http://127.0.0.1:8080/v1", model="m")).key
    assert key.startswith("llm+llm:m@http://127.0.0.1:8080/v1+prompt:")
    assert prompt_version() in key and schema_version() in key
    assert Engine("llm", llm=LLMSettings("http://h/v1", model="other")).key != key
