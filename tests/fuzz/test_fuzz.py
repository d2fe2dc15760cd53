"""Time-bounded fuzzing of the readers and the extractor with hypothesis.

Each target runs in rounds of ``ROUND`` examples, round *n* with ``@seed(n)``.
By default (CI) exactly ``KG_FUZZ_ROUNDS`` rounds run (4), so every run tries the
same inputs; with ``KG_FUZZ_SECONDS`` set, rounds go on until that many seconds
have passed for each target. A failure prints the ``@seed`` that reproduces it.
For a long local run::

    KG_FUZZ_SECONDS=300 python -m pytest tests/fuzz -q -p no:cacheprovider -p no:logging

(docs/reliability.md records what such runs found.)
"""

from __future__ import annotations

import codecs
import json
import os
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from kg.extract import ENGINES, LLM_ENGINES
from tests.fuzz.targets import fuzz_decode, fuzz_extract, fuzz_jsonl, fuzz_push, fuzz_read
from tests.hostile.strategies import HOSTILE, hostile_strings, news_texts, unicode_text

# The strategies hold a 10,000-character name: hypothesis warns about the size of their repr.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
SECONDS = float(os.environ["KG_FUZZ_SECONDS"]) if os.environ.get("KG_FUZZ_SECONDS") else None
ROUNDS = int(os.environ.get("KG_FUZZ_ROUNDS", "4"))
ROUND = 25
_SETTINGS = settings(
    max_examples=ROUND, database=None, deadline=None, derandomize=False, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def run_for(seconds: float | None, test: Callable[[], None], *, rounds: int = ROUNDS) -> int:
    """Call the hypothesis ``test`` with seeds 0, 1, 2, ...: ``rounds`` times, or until ``seconds`` have passed
    (at least once); return how many rounds ran."""
    end = None if seconds is None else time.monotonic() + seconds
    done = 0
    while done == 0 or (done < rounds if end is None else time.monotonic() < end):
        seed(done)(test)()
        done += 1
    return done


# ------------------------------------------------------------------ inputs

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252")
_SAMPLE_DOCS = (
    "Selasa, 3 Februari 2026\nSelular.ID -\n\nXiaomi Bantah Isu Kemitraan\n\nXiaomi membantah kabar itu.\n",
    "---\ntitle: Ford dan Xiaomi\ndate: 2026-02-03\n---\n\n# Judul\n\n- butir\n\nFord menggandeng Xiaomi.\n",
    "<html><head><title>T</title><meta property='article:published_time' content='2026-02-03'></head>"
    "<body><article><p>Garuda Nikel menggandeng Sinar Logistik.</p><p>Baca Juga: x</p></article></body></html>",
)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply (position, delete length, insert) edits: truncations, splices, bit noise."""
    out = bytearray(data)
    for pos, delete, insert in edits:
        at = pos % (len(out) + 1)
        out[at : at + delete] = insert
    return bytes(out)


documents = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.one_of(hostile_strings(), news_texts(), st.sampled_from(_SAMPLE_DOCS)), st.sampled_from(_ENCODINGS))
    .map(lambda t: t[0].encode(t[1], "replace")),
    st.tuples(
        st.sampled_from(_SAMPLE_DOCS).map(str.encode),
        st.lists(st.tuples(st.integers(0, 400), st.integers(0, 8), st.binary(max_size=8)), max_size=4),
    ).map(lambda t: _mutate(*t)),
)

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_strings(),
                         news_texts(max_sentences=2))
_json_value = st.recursive(_json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                  st.dictionaries(st.text(max_size=5), inner,
                                                                                  max_size=3)),
                           max_leaves=6)
_FIELDS = ("id", "text", "title", "url", "published", "published_raw", "source", "language")
_record = st.dictionaries(st.sampled_from(_FIELDS), st.one_of(_json_value, news_texts(), hostile_strings()),
                          max_size=8)


def _line(value: object, raw: bool) -> bytes:
    text = json.dumps(value, ensure_ascii=raw)
    return text.encode("utf-8", "surrogatepass") if raw else text.encode("utf-8")


jsonl_files = st.tuples(
    st.lists(
        st.one_of(
            st.tuples(_record, st.booleans()).map(lambda t: _line(*t)),
            st.tuples(_json_value, st.booleans()).map(lambda t: _line(*t)),
            st.binary(max_size=40),
            st.sampled_from([b"", b"   ", b"{", b'{"text": "\\ud800"}', b'{"text": "a\\u0000b"}', b"[" * 2000,
                             b'{"text": "x", "n": ' + b"9" * 5000 + b"}", b"null"]),
        ),
        max_size=8,
    ),
    st.sampled_from([b"\n", b"\r\n", b"\n\n"]),
    st.sampled_from([b"", codecs.BOM_UTF8]),
    st.sampled_from(["utf-8", "utf-16"]),
).map(lambda t: _jsonl_bytes(*t))


def _jsonl_bytes(lines: list[bytes], newline: bytes, bom: bytes, encoding: str) -> bytes:
    data = bom + newline.join(lines)
    if encoding == "utf-16":
        try:
            return data.decode("utf-8").encode("utf-16")
        except UnicodeDecodeError:
            return data
    return data


# ------------------------------------------------------------------ targets


def test_fuzz_decode() -> None:
    @_SETTINGS
    @given(documents)
    def t(data: bytes) -> None:
        fuzz_decode(data)

    assert run_for(None if SECONDS is None else SECONDS / 4, t) >= 1


def test_fuzz_readers() -> None:
    @_SETTINGS
    @given(documents, st.sampled_from([".txt", ".md", ".html", ".htm"]))
    def t(data: bytes, extension: str) -> None:
        fuzz_read(data, extension)

    assert run_for(SECONDS, t) >= 1


def test_fuzz_jsonl_reader() -> None:
    @_SETTINGS
    @given(jsonl_files)
    def t(data: bytes) -> None:
        fuzz_jsonl(data)

    assert run_for(SECONDS, t) >= 1


def test_fuzz_extractor() -> None:
    @_SETTINGS
    @given(
        st.one_of(news_texts(), unicode_text(max_size=400), st.sampled_from(HOSTILE)),
        st.one_of(st.none(), hostile_strings()),
        st.sampled_from([None, "id", "en"]),
        st.sampled_from(sorted(set(ENGINES) - LLM_ENGINES)),  # the LLM engines need a server (tests/llm)
    )
    def t(text: str, title: str | None, language: str | None, engine: str) -> None:
        if text.strip():
            fuzz_extract(text, title=title, language=language, engine=engine)

    assert run_for(SECONDS, t) >= 1


def test_run_for_runs_fixed_rounds_or_until_the_time_is_up() -> None:
    calls: list[int] = []

    @settings(max_examples=3, database=None)
    @given(st.integers())
    def t(n: int) -> None:
        calls.append(n)

    assert run_for(0.0, t) == 1 and 1 <= len(calls) <= 3  # always one round
    assert run_for(None, t, rounds=3) == 3


_STATUS = st.one_of(st.integers(100, 599).map(lambda n: f"HTTP/1.1 {n} X\r\n".encode()),
                    st.sampled_from([b"HTTP/1.1 200\r\n", b"HTTP/9 200 OK\r\n", b"SSH-2.0-x\r\n", b"\r\n", b""]),
                    st.binary(max_size=30))
_HEADER = st.one_of(
    st.tuples(st.sampled_from([b"Content-Length", b"Location", b"WWW-Authenticate", b"Retry-After",
                               b"Transfer-Encoding", b"Content-Type"]),
              st.one_of(st.sampled_from([b"-1", b"99999999", b"chunked", b"Basic realm=x", b"Digest nonce=1",
                                         b"http://127.0.0.1:1/x", b"//elsewhere/x", b"0"]), st.binary(max_size=20)))
    .map(lambda t: t[0] + b": " + t[1] + b"\r\n"),
    st.binary(max_size=30),
)
http_replies = st.one_of(
    st.binary(max_size=300),
    st.tuples(_STATUS, st.lists(_HEADER, max_size=4), st.binary(max_size=200))
    .map(lambda t: t[0] + b"".join(t[1]) + b"\r\n" + t[2]),
)


def test_fuzz_push_client() -> None:
    @_SETTINGS
    @given(http_replies, st.sampled_from([None, "alice:s3cret-pw"]))
    def t(reply: bytes, auth: str | None) -> None:
        fuzz_push(reply, auth)

    assert run_for(None if SECONDS is None else SECONDS / 4, t) >= 1
