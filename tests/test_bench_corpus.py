"""benchmarks/corpus.py: synthetic corpora for scale benchmarks, made from ../shared/corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import InputError
from kg.model import Article
from kg.readers import read
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

if not (SHARED / "corpus").is_dir():
    pytest.skip(f"{SHARED / 'corpus'} is missing: the generator replicates its articles", allow_module_level=True)


C = load_script("benchmarks/corpus.py")
# The names articles up to 1,000 can draw (pools grow by a few names per article).
SYNTHETIC = {C._en_entity(k, 0)[1] for k in range(5000)} | {C._id_entity(k, 0)[1] for k in range(5000)}


def _synthetic_names(arts: list[dict]) -> set[str]:
    text = "\n".join(a["text"] for a in arts)
    words = set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)) | set(re.findall(r"[A-Z][a-z]+", text))
    return words & SYNTHETIC


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory) -> Path:
    return C.write_jsonl(tmp_path_factory.mktemp("syn") / "syn200.jsonl", 200, shared=SHARED)


def test_same_arguments_same_bytes(jsonl, tmp_path):
    again = C.write_jsonl(tmp_path / "again.jsonl", 200, shared=SHARED)
    assert again.read_bytes() == jsonl.read_bytes()
    other = C.write_jsonl(tmp_path / "other.jsonl", 200, shared=SHARED, seed=1)
    assert other.read_bytes() != jsonl.read_bytes()


def test_prefix_of_a_larger_corpus(jsonl):
    # Article i depends on (i, seed) only: a benchmark at 10k measures a superset of the one at 1k.
    first = [json.dumps(a, ensure_ascii=False) for a in C.generate(200, shared=SHARED)]
    assert first[:50] == [json.dumps(a, ensure_ascii=False) for a in C.generate(50, shared=SHARED)]


def test_the_kg_reader_reads_every_article(jsonl):
    items = list(read([jsonl]))
    assert not [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 200
    assert len({a.id for a in arts}) == 200 and arts[0].id.startswith("syn-")
    assert all(a.published and a.published.startswith("2025-") for a in arts)
    assert {a.language for a in arts} == {"en", "id"}


def test_distinct_names_grow_with_the_corpus():
    small = list(C.generate(200, shared=SHARED))
    large = list(C.generate(1000, shared=SHARED))
    n_small, n_large = len(_synthetic_names(small)), len(_synthetic_names(large))
    assert n_small >= 100
    assert n_large >= 2.5 * n_small  # new companies keep appearing ...
    assert n_large < 3 * sum(a["language"] == "en" for a in large)  # ... and popular ones recur


def test_folder_of_text_files(tmp_path, monkeypatch):
    monkeypatch.setattr(C, "FOLDER_SIZE", 20)
    out = C.write_folder(tmp_path / "folder", 50, shared=SHARED)
    assert sorted(p.name for p in out.iterdir()) == ["0000", "0001", "0002"]
    assert max(len(list(p.iterdir())) for p in out.iterdir()) == 20
    items = list(read([out]))
    assert not [i for i in items if isinstance(i, InputError)]
    want = {a["id"]: a for a in C.generate(50, shared=SHARED)}
    got = {a.id.rsplit("/", 1)[-1]: a for a in items if isinstance(a, Article)}  # ids are "0001/syn-000025"
    assert got.keys() == want.keys()
    for aid, a in got.items():
        assert (a.title, a.published, a.language) == (want[aid]["title"], want[aid]["published"], want[aid]["language"])


def test_build_finds_the_synthetic_companies(jsonl):
    graph = build([jsonl], engine="rules").graph
    companies = [e for e in graph.entities if e.type == "Company"]
    found = {e.label for e in companies if {e.label.split()[0], " ".join(e.label.split()[:2])} & SYNTHETIC}
    assert len(found) >= 0.5 * len(companies)
    linked = [lk for lk in graph.links if {lk.subject, lk.object} <= {e.id for e in companies if e.label in found}]
    assert len(linked) >= 50
