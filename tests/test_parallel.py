"""Parallel extraction: worker processes and a real Dask LocalCluster give the results of one process."""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from kg import parallel
from kg.build import build, extract_all
from kg.errors import InputError, UsageError, WorkerError
from kg.model import Article, Extraction
from kg.readers import read

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _corpus(path: Path, copies: int = 15) -> Path:
    """Every bundled example article ``copies`` times, each copy its own id and date, plus one bad line."""
    originals = [a for a in read([EXAMPLES]) if isinstance(a, Article)]
    with path.open("w", encoding="utf-8") as f:
        for n in range(copies):
            for a in originals:
                day = f"2026-{1 + n % 12:02d}-{1 + n:02d}"
                # Each copy its own text too: a store treats the same text under a new id as a replacement.
                text = f"{a.text}\n\n(Diperbarui / updated {day}.)"
                record = {"id": f"{a.id}-{n:02d}", "title": a.title, "text": text, "published": day}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
            if n == 7:
                f.write('{"id": "broken", "text": 42}\n')
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl")


def _same_tree(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert (mismatch, errors) == ([], []), f"files differ: {mismatch + errors}"


def test_workers_give_the_same_results_in_the_same_order(corpus: Path) -> None:
    one = list(extract_all([corpus], engine="rules"))
    two = list(parallel.extract_many(read([corpus]), engine="rules", workers=2, chunk_size=8))
    assert len(one) == len(two) == 15 * 14 + 1
    assert [type(x) for x in one] == [type(x) for x in two]
    assert [x.to_json() if isinstance(x, Extraction) else str(x) for x in one] == [
        x.to_json() if isinstance(x, Extraction) else str(x) for x in two
    ]
    broken = [i for i, x in enumerate(two) if isinstance(x, InputError)]
    assert broken == [8 * 14] and two[broken[0]].line == 8 * 14 + 1


def test_slim_results_drop_the_text_but_nothing_exported(corpus: Path) -> None:
    full = [x for x in extract_all([corpus], engine="rules") if isinstance(x, Extraction)][:20]
    slim = [x for x in extract_all([corpus], engine="rules", slim=True) if isinstance(x, Extraction)][:20]
    assert all(x.article.text == "" and x.article.regions == () for x in slim)
    assert all(x.article.text for x in full)
    assert [x.to_json() for x in full] == [x.to_json() for x in slim]


def test_cli_build_with_two_workers_writes_the_bytes_of_one(corpus: Path, tmp_path: Path) -> None:
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        r = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--engine", "rules",
             "--workers", workers, "--format", "nquads", "--format", "extractions", "--format", "turtle"],
            capture_output=True, text=True, timeout=300,
        )
        assert r.returncode == 1, r.stderr  # the one broken line
        assert "news.jsonl:113: field 'text' must be a string" in r.stderr
        assert "\r" not in r.stderr  # no progress line when stderr is not a terminal
        outs.append(out)
    _same_tree(*outs)
    errors = (outs[1] / "errors.jsonl").read_text().splitlines()
    assert [json.loads(e)["line"] for e in errors] == [113]


def test_small_inputs_are_extracted_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for three articles")

    monkeypatch.setattr(parallel, "_local", no_pool)
    arts = [Article(id=f"a{i}", text="Ford menggandeng Xiaomi.", language="id") for i in range(3)]
    assert [x.article.id for x in parallel.extract_many(arts, engine="rules", workers=8)] == ["a0", "a1", "a2"]


@pytest.mark.parametrize(("option", "value"), [("workers", 0), ("chunk_size", 0), ("engine", "magic")])
def test_bad_options_name_the_value(option: str, value: object) -> None:
    with pytest.raises(UsageError, match=repr(value) if option == "engine" else str(value)):
        list(parallel.extract_many([], **{option: value}))  # type: ignore[arg-type]


def test_cli_rejects_zero_workers(corpus: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--workers", "0"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "--workers: must be a whole number of 1 or more, not '0'" in r.stderr


class _Future(Future):  # type: ignore[type-arg]
    """Computed when asked for, unless its pool died first."""

    def __init__(self, pool: _DyingPool, generation: int, call: tuple) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.pool, self.generation, self.call = pool, generation, call

    def result(self, timeout: float | None = None):  # type: ignore[no-untyped-def]
        if self.generation in self.pool.dead:
            raise BrokenProcessPool("a worker died")
        fn, *args = self.call
        return fn(*args)


class _DyingPool:
    """A pool in this process; a "poison" article kills it, and with it every task not yet collected."""

    def __init__(self) -> None:
        self.generation, self.dead, self.restarts = 0, set[int](), 0

    def submit(self, fn, batch, *args):  # type: ignore[no-untyped-def]
        if self.generation in self.dead:
            raise BrokenProcessPool("submitted to a dead pool")
        if any(isinstance(a, Article) and "poison" in a.id for a in batch):
            self.dead.add(self.generation)
        return _Future(self, self.generation, (fn, batch, *args))

    def restart(self) -> None:
        self.generation += 1
        self.restarts += 1


def test_a_dead_worker_costs_only_the_article_that_killed_it() -> None:
    # The worst case: the poison article takes every article in flight down with it, those before it too.
    arts: list[Article | InputError] = [
        Article(id=f"{'poison' if i == 5 else 'ok'}-{i}", text="Ford menggandeng Xiaomi.", language="id",
                origin=f"f{i}")
        for i in range(16)
    ]
    pool = _DyingPool()
    runner = parallel._Runner(pool.submit, (BrokenProcessPool,), pool.restart, window=3)
    out = list(runner.run(parallel._batches(arts, 4), "rules", True))
    assert len(out) == 16
    assert [x.article.id for x in out if isinstance(x, Extraction)] == [f"ok-{i}" for i in range(16) if i != 5]
    assert isinstance(out[5], InputError) and out[5].path == "f5" and "worker" in out[5].reason
    assert pool.restarts <= 16


def test_workers_that_cannot_start_stop_the_build_with_a_hint(corpus: Path, tmp_path: Path) -> None:
    # A script without a __main__ guard: every worker process runs it again on import and dies.
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        from kg.build import build
        build([{str(corpus)!r}], engine="rules", workers=2)
    """))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert r.returncode != 0
    assert "WorkerError" in r.stderr and "if __name__ == '__main__':" in r.stderr


def test_worker_error_exit_code(monkeypatch: pytest.MonkeyPatch, corpus: Path, capsys: pytest.CaptureFixture[str]
                                ) -> None:
    from kg import cli

    def fail(*args: object, **kwargs: object) -> None:
        raise WorkerError("the 2 worker processes died while starting")

    monkeypatch.setattr("kg.build.build", fail)
    assert cli.main(["build", str(corpus), "--workers", "2", "-o", "x"]) == cli.EXIT_WORKERS
    assert "worker processes died" in capsys.readouterr().err


def test_input_errors_survive_pickling() -> None:
    import pickle

    e = InputError("news.jsonl", "bad JSON", line=7)
    back = pickle.loads(pickle.dumps(e))
    assert (back.path, back.reason, back.line, str(back)) == ("news.jsonl", "bad JSON", 7, "news.jsonl:7: bad JSON")


# --- Dask -----------------------------------------------------------------------------------------

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    # Real worker processes (not threads), as on a cluster: kg is imported and run in each.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as c:
        yield c


def test_dask_build_is_byte_identical_to_the_local_build(cluster, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    formats = ["nquads", "turtle", "extractions", "html"]
    local = build([corpus], out=tmp_path / "local", formats=formats, engine="rules", workers=1)
    remote = build([corpus], out=tmp_path / "dask", formats=formats, engine="rules", dask=cluster.scheduler_address)
    assert len(remote.graph.entities) == len(local.graph.entities) > 50
    assert [str(e) for e in remote.errors] == [str(e) for e in local.errors] != []
    _same_tree(tmp_path / "local", tmp_path / "dask")
    # The work really ran on the cluster's worker processes.
    with distributed.Client(cluster.scheduler_address) as client:
        counts = client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count)
    assert all(n > 0 for n in counts.values()), counts


def test_dask_cli(cluster, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(corpus), "--engine", "rules",
         "--dask", cluster.scheduler_address],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 1 and "news.jsonl:113" in r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(lines) == 15 * 14 and lines[0]["article"]["id"].endswith("-00")


def test_dask_workers_must_run_the_same_kg() -> None:
    class Client:
        def run(self, fn):  # type: ignore[no-untyped-def]
            return {"tcp://10.0.0.5:4000": {**fn(), "kg": "0.0.1"}}

        def nthreads(self):  # type: ignore[no-untyped-def]
            return {"tcp://10.0.0.5:4000": 4}

    with pytest.raises(WorkerError, match=r"Dask worker tcp://10\.0\.0\.5:4000 runs .*'kg': '0\.0\.1'"):
        parallel._check_workers(Client(), "tcp://10.0.0.1:8786")


def test_unreachable_scheduler_is_named(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    with pytest.raises(WorkerError, match=f"cannot reach the Dask scheduler at '{address}'"):
        list(parallel.extract_many([Article(id="a", text="Ford.")] * 3, engine="rules", dask=address))
    from kg import cli

    assert cli.main(["extract", str(EXAMPLES), "--engine", "rules", "--dask", address]) == cli.EXIT_WORKERS
    assert f"kg: error: cannot reach the Dask scheduler at '{address}'" in capsys.readouterr().err


def test_store_with_workers_stores_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    from kg.store import add, load_extractions

    one = add(tmp_path / "one", [corpus], engine="rules", workers=1)
    two = add(tmp_path / "two", [corpus], engine="rules", workers=2)
    assert one.added == two.added and len(two.added) == 15 * 14
    assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
    assert load_extractions(tmp_path / "one") == load_extractions(tmp_path / "two")
    again = add(tmp_path / "two", [corpus], engine="rules", workers=2)
    assert again.added == () and len(again.unchanged) == 15 * 14


def test_store_settles_articles_in_input_order(tmp_path: Path) -> None:
    # "y" is stored; this run first adds its text under "x" (which replaces "y": one text is kept under
    # the id that sorts first), then "y" again: read ahead, "y" looked unchanged, but by its turn it
    # is gone, so it is settled again, and then found to be a twin of "x" (issue 14 F19).
    from kg.store import add_articles, load_extractions

    text = "PT Nusa Sinyal Tbk menggandeng Orbita Networks untuk membangun menara 5G."
    add_articles(tmp_path / "s", [Article(id="y", text=text, language="id")], engine="rules")
    r = add_articles(tmp_path / "s", [Article(id="x", text=text, language="id"),
                                      Article(id="y", text=text, language="id")], engine="rules")
    assert r.added == ("x",) and r.replaced == ("y",) and r.unchanged == ("y",)
    assert [x.article.id for x in load_extractions(tmp_path / "s")] == ["x"]
    again = add_articles(tmp_path / "s", [Article(id="x", text=text, language="id"),
                                          Article(id="y", text=text, language="id")], engine="rules")
    assert again.added == () and again.unchanged == ("x", "y")


@pytest.mark.parametrize("workers", [1, 2])
def test_reading_never_runs_far_ahead_of_extraction(workers: int) -> None:
    # Streaming: a corpus of any size is read only a few batches ahead of what was extracted.
    pulled = 0

    def articles():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield Article(id=f"a{i}", text="Ford menggandeng Xiaomi.", language="id")

    results = parallel.extract_many(articles(), engine="rules", workers=workers, chunk_size=4)
    for n, _ in enumerate(results, 1):
        if n == 40:
            break
    ahead = 4 * max(2 * workers, workers * parallel.WINDOW_PER_WORKER) + 4
    assert 40 <= pulled <= 40 + ahead, pulled
    results.close()  # type: ignore[attr-defined]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the thread ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _grandchildren() -> list[int]:
    """Processes two levels below this one: the pool's workers (children of the forkserver)."""
    return [g for c in _children(os.getpid()) for g in _children(c)]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
def test_a_worker_killed_mid_run_loses_no_article(corpus: Path) -> None:
    expected = [x.to_json() if isinstance(x, Extraction) else str(x) for x in extract_all([corpus], engine="rules")]
    results = parallel.extract_many(read([corpus]), engine="rules", workers=2, chunk_size=4)
    got = [next(results)]
    victims = _grandchildren()
    assert victims, "no worker processes found"
    os.kill(victims[0], signal.SIGKILL)  # as the kernel's OOM killer would
    got += list(results)
    assert [x.to_json() if isinstance(x, Extraction) else str(x) for x in got] == expected


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        kids = _children(todo.pop())
        found.update(kids)
        todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
def test_workers_exit_when_the_build_is_killed(corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text(corpus.read_text(encoding="utf-8") * 20, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "-o", str(tmp_path / "out"),
                             "--engine", "rules", "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(workers := _descendants(proc.pid)) < 3 and time.monotonic() < deadline:  # forkserver + 2
        time.sleep(0.05)
    assert len(workers) >= 3, "the workers never started"
    proc.send_signal(signal.SIGKILL)  # no chance to shut the pool down
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)], "worker processes outlived the killed build"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
def test_ctrl_c_during_a_parallel_build_is_one_line_and_exit_130(corpus: Path, tmp_path: Path) -> None:
    # Issue 14 (cosmetic): Ctrl-C early in a --workers 2 build printed each worker's traceback.
    # A shell's background job ignores SIGINT and its children inherit that (`.ci/run &`); a handler here is
    # reset to the default in the child, as a terminal's build has it.
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(tmp_path / "out"),
                                 "--workers", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        signal.signal(signal.SIGINT, old)
    deadline = time.monotonic() + 60
    while len([g for c in _children(proc.pid) for g in _children(c)]) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # until the workers exist: the terminal's Ctrl-C then reaches them too
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


def test_a_warmed_worker_freezes_what_it_loaded() -> None:
    import gc

    from kg.extract.engine import as_engine

    before = gc.get_freeze_count()
    try:
        parallel._settle(as_engine(parallel.DEFAULT_ENGINE))
        # the lexicons, gazetteer and taggers the warm-up loaded are no longer walked by full collections
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_a_one_process_run_freezes_what_it_loaded_once() -> None:
    # in a child: freezing is for the whole process, and this one is pytest's
    code = (
        "import gc\n"
        "from kg.model import Article\n"
        "from kg.parallel import FREEZE_AFTER, extract_many\n"
        "text = 'Ford Motor Co bought Delta Corp.'\n"
        "arts = [Article(id=f'a{i}', text=text, language='en') for i in range(FREEZE_AFTER + 3)]\n"
        "out = list(extract_many(arts[:FREEZE_AFTER], workers=1))\n"
        "before = gc.get_freeze_count()\n"
        "out += list(extract_many(arts, workers=1))\n"
        "first = gc.get_freeze_count()\n"
        "out += list(extract_many(arts, workers=1))\n"
        "print(len(out), before, first > 0, gc.get_freeze_count() == first)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    # a call of FREEZE_AFTER articles freezes nothing; the first longer one freezes, a later one not again
    assert done.stdout.split() == [str(50 + 2 * 53), "0", "True", "True"]
