"""Extraction in parallel: worker processes on this machine, or a Dask cluster.

Articles are read in the calling process (readers hand out article ids, which
must not depend on who extracts), cut into batches and extracted elsewhere;
results come back **in input order**, so a build with any number of workers,
or on a cluster, writes the same bytes as a build with one. At most a few
batches per worker are in flight at once: reading never runs ahead of
extraction by more than that, which is what keeps memory flat on corpora of
any size (``ProcessPoolExecutor.map`` and ``Pool.imap`` would read the whole
input first).

A batch whose worker dies (killed, out of memory, a crash in a C extension) is
extracted again one article per task, so only the article that kills a worker
is lost, and it is reported as an :class:`~kg.errors.InputError`.

>>> from kg.model import Article
>>> arts = [Article(id=f"a{i}", text="Xiaomi membantah kemitraan dengan Ford.", language="id") for i in range(3)]
>>> [x.article.id for x in extract_many(arts, engine="rules")]
['a0', 'a1', 'a2']
>>> next(extract_many(arts, engine="rules", slim=True)).article.text
''
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Any

from kg.errors import InputError, KgError, ServerError, UsageError, WorkerError
from kg.extract.engine import DEFAULT_ENGINE, LLM_ENGINES, Engine
from kg.model import Article, Extraction

__all__ = ["default_workers", "extract_many", "worker_info"]

Item = Article | InputError
Result = Extraction | InputError

#: Articles per task on worker processes: large enough that pickling and
#: scheduling cost little next to extraction (~5 ms per Reuters article), small
#: enough that the last batches do not leave a core idle for long.
CHUNK_SIZE = 32
#: Articles per task on a Dask cluster, whose scheduler costs about 1 ms per task.
DASK_CHUNK_SIZE = 128
#: A batch is closed early at this much text, so one batch never holds a corpus of huge articles.
CHUNK_BYTES = 4_000_000
#: How long to keep trying to reach a Dask scheduler (Dask retries a refused connection until then).
CONNECT_TIMEOUT = "10s"
#: Batches in flight per worker: enough to keep every worker busy while results are collected.
WINDOW_PER_WORKER = 3


def default_workers() -> int:
    """The cores this process may run on (``--workers`` default).

    >>> default_workers() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _slim(x: Extraction) -> Extraction:
    # The graph needs an article's metadata, never its text again: evidence
    # sentences and mentions carry their own text. Dropping it is what makes a
    # build's memory grow with entities and claims, not with the text read.
    return replace(x, article=replace(x.article, text="", regions=()))


def _extract_item(item: Item, engine: Engine, slim: bool) -> Result:
    from kg.extract import extract

    if isinstance(item, InputError):
        return item
    try:
        x = extract(item, engine=engine)
    except ServerError as exc:  # a language model's server refused or could not answer this article
        return InputError(item.origin or item.id, f"extraction failed: {exc}")
    except KgError:
        raise
    except Exception as exc:  # one article's failure must not cost the others
        return InputError(item.origin or item.id, f"extraction failed: {type(exc).__name__}: {exc}")
    return _slim(x) if slim else x


def extract_batch(items: Sequence[Item], engine: str | Engine = DEFAULT_ENGINE, slim: bool = False) -> list[Result]:
    """Extract a batch of articles (the task a worker runs); errors pass through in place."""
    from kg.extract.engine import as_engine

    spec = as_engine(engine)
    return [_extract_item(item, spec, slim) for item in items]


@functools.cache
def _data_digest() -> str:
    from kg.resources import ontology_dir

    h = hashlib.sha256()
    root = ontology_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def worker_info() -> dict[str, str]:
    """What decides a worker's results: kg's version, its data and Python's version.

    >>> sorted(worker_info())
    ['data', 'kg', 'python']
    """
    from kg import __version__

    return {"kg": __version__, "data": _data_digest(), "python": "{}.{}".format(*sys.version_info[:2])}


def _warm(engine: Engine) -> None:
    # Load lexicons, gazetteer and models once per worker, before timing starts to matter.
    from kg.resources import languages

    for code in languages():
        _extract_item(Article(id="warm-up", text="Ford Motor Company.", language=code), engine, True)


def _start_worker(engine: Engine, parent: int) -> None:
    """Initialise a local worker process: exit with the build that started it, then warm up."""
    # Ctrl-C reaches the whole process group: the build handles it (exit 130) and stops its
    # pool; a worker's own KeyboardInterrupt traceback only buried that one line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), name="kg-parent-watch", daemon=True).start()
    _settle(engine)


def _settle(engine: Engine) -> None:
    """Warm a worker up, then freeze what the warm-up loaded out of the garbage collector's reach."""
    _warm(engine)
    # Lexicons, gazetteer and taggers live as long as the worker; without the freeze every full
    # collection walks them again (1.4 % of a worker's CPU in steady chunks, 5.4 % around a full
    # collection, session 14's profile).
    gc.collect()
    gc.freeze()


# Articles read in this process before what they loaded is frozen (_freeze_loaded): by then every language
# of the input has loaded its lexicons and models, and a short run never pays for the collection.
FREEZE_AFTER = 50


def _freeze_loaded() -> None:
    """Freeze what a one-process run has loaded, once per process, as the workers do (:func:`_settle`).

    Without it every full collection of a one-process run walks the lexicons, gazetteer and taggers again
    (about 280,000 objects, 0.16 s each): 600 Reuters articles spent 18 % of their CPU time collecting
    garbage, 5 % with the freeze (session 16). Freezing is once per process: what a caller holds is
    collected first and stays freed by reference counting as before; only reference cycles formed among the
    frozen objects later wait for :func:`gc.unfreeze`.
    """
    if gc.get_freeze_count():
        return
    gc.collect()
    gc.freeze()


def _exit_with(parent: int) -> None:
    # A build killed outright (SIGKILL, the OOM killer) cannot tell its pool to stop, and
    # pool workers never see their queue close (each holds both ends): without this they
    # would idle forever, 120 MB each. The workers' parent is the forkserver, not the
    # build, so the build's pid is watched.
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to another user's process: ours is gone
            os._exit(1)


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    text = 0
    for item in items:
        batch.append(item)
        text += len(item.text) if isinstance(item, Article) else 0
        if len(batch) >= size or text >= CHUNK_BYTES:
            yield batch
            batch, text = [], 0
    if batch:
        yield batch


class _Runner:
    """Submits batches to an executor (a process pool or a Dask client) and collects them in order."""

    def __init__(
        self, submit: Callable[..., Future[list[Result]]], died: tuple[type[BaseException], ...],
        restart: Callable[[], None], window: int,
    ) -> None:
        self.submit_to, self.died, self.restart, self.window = submit, died, restart, window

    def _submit(self, batch: list[Item], engine: Engine, slim: bool) -> Future[list[Result]]:
        try:
            return self.submit_to(extract_batch, batch, engine, slim)
        except self.died as exc:  # the pool broke before this batch got in: it fails like the others
            failed: Future[list[Result]] = Future()
            failed.set_exception(exc)
            return failed

    def run(self, batches: Iterator[list[Item]], engine: Engine, slim: bool) -> Iterator[Result]:
        pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch, engine, slim)))
            if len(pending) >= self.window:
                yield from self._collect(pending, engine, slim)
        while pending:
            yield from self._collect(pending, engine, slim)

    def _collect(self, pending: deque[tuple[list[Item], Future[list[Result]]]], engine: Engine, slim: bool
                 ) -> Iterator[Result]:
        batch, future = pending.popleft()
        try:
            results = future.result()
        except self.died:
            # Every batch in flight is lost with the pool: redo them one article per task.
            lost = [item for b in [batch, *(b for b, _ in pending)] for item in b]
            pending.clear()
            self.restart()
            yield from self._singles(lost, engine, slim)
            return
        yield from results

    def _singles(self, items: list[Item], engine: Engine, slim: bool) -> Iterator[Result]:
        pending = deque((item, self._submit([item], engine, slim)) for item in items)
        while pending:
            item, future = pending.popleft()
            try:
                yield from future.result()
                continue
            except self.died:
                pass
            # This article, or another one running beside it, killed the pool: alone, it tells.
            rest = [i for i, _ in pending]
            pending.clear()
            self.restart()
            try:
                yield from self._submit([item], engine, slim).result()
            except self.died:
                self.restart()
                where = (item.origin or item.id) if isinstance(item, Article) else item.path
                yield InputError(where, "the worker extracting this article died (killed, out of memory or crashed)")
            pending.extend((i, self._submit([i], engine, slim)) for i in rest)


def _local(items: Iterator[list[Item]], *, engine: Engine, slim: bool, workers: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: workers start from a clean process, not a fork of one that may run
    # threads (a progress bar's, a server's); spawn where there is no forkserver.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pool: list[ProcessPoolExecutor] = []

    def start() -> None:
        if pool:
            pool.pop().shutdown(wait=False, cancel_futures=True)
        pool.append(ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(engine, os.getpid())
        ))
        # A pool that cannot even start (no memory, or a calling script that starts
        # workers again when they import it) must stop the build, not be retried
        # article by article.
        try:
            pool[0].submit(os.getpid).result()  # any task: only that a worker runs it matters
        except BrokenProcessPool:
            pool.pop().shutdown(wait=False, cancel_futures=True)
            raise WorkerError(
                f"the {workers} worker processes died while starting; a script that calls kg with workers > 1 "
                "must guard its top level with `if __name__ == '__main__':` (or use workers=1)"
            ) from None

    try:
        start()
        runner = _Runner(lambda *a: pool[0].submit(*a), (BrokenProcessPool,), start, workers * WINDOW_PER_WORKER)
        yield from runner.run(items, engine, slim)
    except KeyboardInterrupt:
        # The workers ignore SIGINT (the build says the one line): a Ctrl-C while they still load their
        # models, or run a long article, must not wait for them, so they are stopped, not drained.
        if pool:
            _stop_now(pool[0])
        raise
    finally:
        if pool:
            pool[0].shutdown(wait=True, cancel_futures=True)


def _stop_now(pool: Any) -> None:
    # concurrent.futures has no public way to end its workers before Python 3.14
    # (ProcessPoolExecutor.terminate_workers); their processes are in _processes.
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _threads(items: Iterator[list[Item]], *, engine: Engine, slim: bool, threads: int) -> Iterator[Result]:
    # The LLM engines wait on a server, not on a core: threads of this process send up to
    # --llm-concurrency requests at once and share one tally (kg.extract.llm.client.STATS).
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(threads, thread_name_prefix="kg-llm")
    runner = _Runner(pool.submit, (), lambda: None, threads * WINDOW_PER_WORKER)
    try:
        yield from runner.run(items, engine, slim)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def check_address(address: str) -> None:
    """Refuse a ``--dask`` value that is no scheduler address, before anything connects.

    A malformed address used to surface as a traceback from deep in distributed
    and then a 20 s wait while the half-made client closed.

    >>> check_address("tcp://127.0.0.1:8786")
    >>> check_address("notaurl")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --dask 'notaurl' is not a scheduler address (expected tcp://HOST:PORT ...
    """
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise UsageError(
            f"--dask {address!r} is not a scheduler address (expected tcp://HOST:PORT or HOST:PORT: {exc})"
        ) from None


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError(
            "--dask needs Dask's distributed scheduler client: pip install 'kg[dask]' (or dask[distributed])"
        ) from exc
    check_address(address)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise WorkerError(f"cannot reach the Dask scheduler at {address!r}: {exc}") from exc


def _check_workers(client: Any, address: str) -> int:
    here = worker_info()
    try:
        seen = client.run(worker_info)
    except ImportError as exc:
        raise WorkerError(f"kg is not installed on the Dask workers of {address!r}: {exc}") from exc
    if not seen:
        raise WorkerError(f"the Dask cluster at {address!r} has no workers")
    for worker, info in sorted(seen.items()):
        if info != here:
            # A different kg, lexicon or model would give different results than a local build.
            raise WorkerError(f"Dask worker {worker} runs {info}, not what this kg runs: {here}")
    return sum(client.nthreads().values()) or len(seen)


def _dask(items: Iterator[list[Item]], *, engine: Engine, slim: bool, address: str) -> Iterator[Result]:
    from distributed import KilledWorker

    client = _connect(address)
    try:
        threads = _check_workers(client, address)
        client.run(_warm, engine)
        runner = _Runner(
            lambda fn, *a: client.submit(fn, *a, pure=False, retries=0), (KilledWorker,), lambda: None,
            max(2, threads * WINDOW_PER_WORKER),
        )
        yield from runner.run(items, engine, slim)
    finally:
        with contextlib.suppress(Exception):
            client.close()


def extract_many(
    items: Iterable[Item],
    *,
    engine: str | Engine = DEFAULT_ENGINE,
    workers: int = 1,
    dask: str | None = None,
    slim: bool = False,
    chunk_size: int | None = None,
) -> Iterator[Result]:
    """Extract every article of ``items``, in order, with ``workers`` processes or on a Dask cluster.

    Parameters
    ----------
    items : iterable of Article or InputError
        What :func:`kg.readers.read` yields; errors are passed through in place.
    engine : str or Engine
        An extraction engine (a name of ``kg.extract.ENGINES``, or an
        :class:`~kg.extract.engine.Engine` with its settings).
    workers : int
        Worker processes on this machine; 1 extracts in this process.
    dask : str, optional
        Address of a Dask scheduler (``tcp://host:8786``); overrides ``workers``.
        Every worker must run the same kg, data and Python version (checked).
    slim : bool
        Drop each article's text from its extraction once extracted (what a
        build keeps needs only its metadata).
    chunk_size : int, optional
        Articles per task (default :data:`CHUNK_SIZE`, :data:`DASK_CHUNK_SIZE` on Dask).

    Yields
    ------
    Extraction or InputError
        One per item, in the order of ``items``: the same with any ``workers``.

    Notes
    -----
    When the whole input fits in the first batches given to the workers
    (two per worker), it is extracted here: starting processes would take
    longer than the work. The LLM engines (``kg.extract.LLM_ENGINES``) run in
    ``engine.llm.concurrency`` threads of this process whatever ``workers`` is.
    """
    from kg.extract.engine import as_engine

    engine = as_engine(engine)
    if workers < 1:
        raise UsageError(f"workers must be 1 or more, not {workers}")
    size = (DASK_CHUNK_SIZE if dask else CHUNK_SIZE) if chunk_size is None else chunk_size
    if size < 1:
        raise UsageError(f"chunk_size must be 1 or more, not {size}")
    if engine.llm is not None and engine.name in LLM_ENGINES:
        if dask is not None:
            raise UsageError(f"--dask does not run --engine {engine.name}: its requests run in threads of this "
                             "process (--llm-concurrency)")
        yield from _threads(_batches(items, 1), engine=engine, slim=slim, threads=max(1, engine.llm.concurrency))
        return
    if dask is None and workers == 1:
        # One article at a time: each result is out (and, in a store, saved) before the next is read.
        for n, item in enumerate(items):
            yield _extract_item(item, engine, slim)
            if n == FREEZE_AFTER:
                _freeze_loaded()
        return
    batches = _batches(items, size)
    head: list[list[Item]] = []
    if dask is None:
        for batch in batches:
            head.append(batch)
            if len(head) >= 2 * workers:
                break
        else:
            for item in itertools.chain.from_iterable(head):
                yield _extract_item(item, engine, slim)
            return
    rest = itertools.chain(head, batches)
    if dask is not None:
        yield from _dask(rest, engine=engine, slim=slim, address=dask)
    else:
        yield from _local(rest, engine=engine, slim=slim, workers=workers)

