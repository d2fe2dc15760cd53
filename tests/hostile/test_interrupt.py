"""No work lost: ``kg build`` killed with SIGKILL, during extraction and in the middle of the export.

Every output file goes through :func:`kg.io.atomic_write` (a temporary
``.<name>.<random>.tmp`` beside it, then a rename), so each file of the output
folder is always a whole file: its previous version, or its new version once that
is complete. The folder is not replaced as a set: a build killed mid-export leaves
some files new and some old. The temporary files of a killed build are removed by
the next build into the folder (kg.build.remove_stale_temps).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.corpus import write_feed
from tests.hostile.run import kg

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

N_ARTICLES = 300  # about 2 s of extraction and 3 s of export here
FORMATS = ["--format", "turtle", "--format", "nquads", "--format", "extractions", "--format", "html",
           "--format", "csv"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every final (non-temporary) file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".tmp")
    }


def temps(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob(".*.tmp"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small feed's outputs (the "previous" build), a big feed, and the big feed's complete outputs."""
    root = tmp_path_factory.mktemp("interrupt")
    small, big = write_feed(root / "small.jsonl", 20, seed=1), write_feed(root / "big.jsonl", N_ARTICLES, seed=2)
    for feed, out in ((small, root / "previous"), (big, root / "complete")):
        r = kg("build", feed, "-o", out, *FORMATS, timeout=300)
        assert r.code == 0, r.stderr
    return {"big": big, "previous": root / "previous", "complete": root / "complete"}


def _kill_when(args: list[str], condition: Callable[[float], bool], *, timeout: float = 120) -> float:
    """Start ``kg ARGS``, SIGKILL it as soon as ``condition(elapsed)`` holds; return when it was killed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while True:
            elapsed = time.monotonic() - started
            assert proc.poll() is None, "the build finished before it could be killed: make the input bigger"
            assert elapsed < timeout
            if condition(elapsed):
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return elapsed


def _fresh_copy(builds: dict[str, Path], tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    shutil.copytree(builds["previous"], out)
    return out, snapshot(out)


def test_killed_while_extracting_changes_nothing(builds: dict[str, Path], tmp_path: Path) -> None:
    out, before = _fresh_copy(builds, tmp_path)
    seen: list[str] = []

    def extracting(elapsed: float) -> bool:
        seen.extend(temps(out))
        return elapsed > 1.5 or bool(seen)

    _kill_when(["build", str(builds["big"]), "-o", str(out), *FORMATS], extracting)
    assert seen == [], "the export had begun: kill earlier"
    assert snapshot(out) == before  # byte-identical
    assert temps(out) == []


def test_killed_mid_export_leaves_whole_files_and_the_next_build_cleans_up(
    builds: dict[str, Path], tmp_path: Path
) -> None:
    out, before = _fresh_copy(builds, tmp_path)
    complete = snapshot(builds["complete"])

    def mid_export(elapsed: float) -> bool:
        return bool(temps(out))  # the outputs are being written

    _kill_when(["build", str(builds["big"]), "-o", str(out), *FORMATS], mid_export)
    left = temps(out)
    assert left, "no temporary file was left: the kill did not land inside a write"
    # The outputs replace the previous ones together, once all are written (issue 14 F6): a build
    # killed while writing them leaves every previous output exactly as it was, never a mix.
    assert snapshot(out) == before
    assert complete != before
    # The next build into the folder removes what the killed one left, and completes the outputs.
    r = kg("build", builds["big"], "-o", out, *FORMATS, timeout=300)
    assert r.code == 0, r.stderr
    assert temps(out) == []
    assert snapshot(out) == complete


def test_an_interrupted_store_build_resumes_without_duplicates(builds: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    records = store / "extractions"

    def some_saved(elapsed: float) -> bool:
        return records.is_dir() and sum(1 for _ in records.glob("*.json")) >= N_ARTICLES // 3

    _kill_when(["build", str(builds["big"]), "--store", str(store)], some_saved)
    saved = sum(1 for _ in records.glob("*.json"))
    assert N_ARTICLES // 3 <= saved < N_ARTICLES
    r = kg("build", builds["big"], "--store", store, timeout=300)
    assert r.code == 0, r.stderr
    # Articles stored before the kill are not extracted again.
    assert f"{N_ARTICLES - saved} added" in r.stderr or f"{N_ARTICLES - saved + 1} added" in r.stderr, r.stderr
    assert sum(1 for _ in records.glob("*.json")) == N_ARTICLES
    # The store's RDF is exactly what a direct build of the same feed gives: no duplicate, nothing missing.
    r = kg("export", "--store", store, "-o", tmp_path / "store.nq")
    assert r.code == 0, r.stderr
    direct = (builds["complete"] / "graph.nq").read_bytes()
    assert (tmp_path / "store.nq").read_bytes() == direct
    lines = direct.decode("utf-8").splitlines()
    assert len(lines) == len(set(lines))
    from kg.store import open_rdf

    with open_rdf(store) as db:
        assert len(db) == len(lines)
    assert [p.name for p in records.iterdir() if not p.name.endswith(".json")] == [], "stale temporary records"
