"""Extraction throughput on real news: articles/s and MB/s on one core.

Runs the local engines over the Reuters-21578 acquisition articles and the CNBC
Indonesia headlines from ../shared/corpus, and, as a baseline in the same
process, sentence splitting alone (the cheapest thing any extractor must do), so
the ratio shows what entity, coreference and relation rules cost on top.
Target (issue 3): >= 200 Reuters-size articles/s per core.

Articles/s are given by wall-clock time and by CPU time (``time.process_time``):
on a machine shared with other jobs the CPU time is the steadier figure. With
``--baseline DIR`` (another kg checkout, e.g. main) that checkout's default engine
runs in the same process, interleaved with this one's, and the ratio of their CPU
times is printed: the comparison to trust on a busy machine.

The standard figures are the best of ``--repeat`` passes over the same articles,
so a cache keyed on text already read (a sentence, a word) looks like a speed-up
that a stream of news nobody has seen would not get. ``--fresh`` (with
``--baseline``) therefore first times both checkouts on text neither has read:
both read the first ``--warm`` articles of each corpus untimed (models, lexicons
and caches of ordinary words), then each later chunk of ``--chunk`` articles is
read exactly once by each side, alternating which side goes first, and the
summed CPU times give articles/s for both sides and their ratio, with the median
(and quartiles) of the per-chunk ratios beside it, which a burst of load on one
side's chunk does not move. These run before any standard pass, which would
otherwise have read every article already.

Every timed run starts from the same garbage-collector state (``_settle``:
collect, then freeze the survivors), so a run pays for collecting its own garbage
and not for full collections over both checkouts' models that the other side's
allocations made due. ``--core`` picks the core to pin to.
``--corpus FILE`` (repeatable) measures other articles instead of the two corpora.

    python benchmarks/bench_extract.py [--shared ../shared] [--repeat 3] [--baseline ../main]
    python benchmarks/bench_extract.py --baseline ../main --fresh [--warm 800] [--chunk 100]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from kg.extract import DEFAULT_ENGINE, ENGINES, LLM_ENGINES, extract
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences
from kg.model import Article
from kg.readers import read

# the engines that run here (the LLM engines need a server and are measured by their own summary line)
LOCAL = sorted(set(ENGINES) - LLM_ENGINES)

CORPORA = {
    "reuters-acq (en)": "corpus/en/reuters-21578-acq.jsonl",
    "cnbc-headlines (id)": "corpus/id/cnbc-indonesia-headlines.jsonl",
}


def _settle() -> None:
    """Start a timed run from the same garbage-collector state, whichever side ran before: collect what
    earlier runs left, then freeze every surviving object (models, lexicons, caches of both checkouts)
    into the permanent generation, which collections skip.

    Without this the full collections (a walk over every object of both checkouts, about 0.2 s each)
    fell wherever the allocation counters happened to cross their thresholds, and the run charged was
    mostly the one under test: about 1.0 s against 0.2 s per 1,410 Reuters articles, 3-8 % of its
    time (up to 30 % on CNBC). A run now pays for collecting its own garbage only.
    """
    gc.collect()
    gc.freeze()


# CPU time spent in garbage collections (total, start of the current one, within the last timed _run),
# kept by _gc_clock once main() installs it: --fresh prints each side's, which _settle keeps about equal
_GC = [0.0, 0.0, 0.0]


def _gc_clock(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _GC[1] = time.process_time()
    else:
        _GC[0] += time.process_time() - _GC[1]


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The shortest wall-clock and the shortest CPU time of ``repeat`` runs of ``fn``."""
    wall, cpu = [], []
    for _ in range(repeat):
        _settle()
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


def _kg_modules() -> dict[str, ModuleType]:
    return {k: m for k, m in sys.modules.items() if k == "kg" or k.startswith("kg.")}


def _use(mods: dict[str, ModuleType]) -> None:
    """Make ``mods`` (one checkout's kg modules) the kg of ``sys.modules``: the functions that import
    lazily then find their own checkout's modules, or import them from it."""
    for k in _kg_modules():
        del sys.modules[k]
    sys.modules.update(mods)


def _load_baseline(tree: Path, arts: list[Article]) -> tuple[Callable[..., object], dict[str, ModuleType]]:
    """The ``extract`` of the kg checkout ``tree`` and its modules, imported beside this one's and
    warmed up on ``arts`` (this checkout's modules are put back afterwards)."""
    ours = _kg_modules()
    _use({})
    sys.path.insert(0, str(tree))
    try:
        fn = importlib.import_module("kg.extract").extract
        for a in arts:
            fn(a, engine=DEFAULT_ENGINE)  # lexicons, models and lazily imported modules, outside the timing
        theirs = _kg_modules()
    finally:
        sys.path.remove(str(tree))
        _use(ours)
    return fn, theirs


Side = tuple[Callable[..., object], dict[str, ModuleType]]


def _run(side: Side, arts: list[Article]) -> float:
    """CPU time of one checkout's default engine (``side``: its ``extract`` and kg modules) over ``arts``;
    the run sees that checkout's modules, and modules it first imports are recorded as that checkout's."""
    fn, mods = side
    _use(mods)
    _settle()
    g, c = _GC[0], time.process_time()
    for a in arts:
        fn(a, engine=DEFAULT_ENGINE)
    took = time.process_time() - c
    _GC[2] = _GC[0] - g
    mods.update(_kg_modules())
    return took


def _ab(arts: list[Article], base: Side, ours: dict[str, ModuleType], repeat: int) -> tuple[float, float]:
    """Shortest CPU times of this checkout's (modules ``ours``) and the baseline's default engine over
    ``arts``, interleaved; each run sees its own modules."""
    sides = {"ours": (extract, ours), "base": base}
    _run(base, arts)  # one untimed run, as this checkout's engines had before
    best = {"ours": float("inf"), "base": float("inf")}
    for r in range(2 * repeat):
        who = "ours" if r % 2 == 0 else "base"
        best[who] = min(best[who], _run(sides[who], arts))
    _use(ours)
    return best["ours"], best["base"]


def _fresh(arts: list[Article], base: Side, ours: dict[str, ModuleType], warm: int,
           chunk: int) -> tuple[float, float, list[float], dict[str, float]]:
    """Summed CPU times of this checkout's and the baseline's default engine over ``arts[warm:]``, text
    neither has read, and the ratio (baseline over this) of each chunk: both first read ``arts[:warm]``
    untimed, then each chunk of ``chunk`` articles is read once by each side, the side that goes first
    alternating from chunk to chunk (so neither always finds the processor's caches warmed by the other).
    The per-chunk ratios are robust to a burst of load from other jobs that hits one side's chunk; the
    last value is each side's CPU time in garbage collections during its timed chunks."""
    sides = {"ours": (extract, ours), "base": base}
    for side in sides.values():
        _run(side, arts[:warm])
    total = {"ours": 0.0, "base": 0.0}
    collecting = {"ours": 0.0, "base": 0.0}
    ratios = []
    rest = arts[warm:]
    for k, start in enumerate(range(0, len(rest), chunk)):
        took = {}
        for who in ("ours", "base") if k % 2 == 0 else ("base", "ours"):
            took[who] = _run(sides[who], rest[start:start + chunk])
            total[who] += took[who]
            collecting[who] += _GC[2]
        if took["ours"] > 0:
            ratios.append(took["base"] / took["ours"])
    _use(ours)
    return total["ours"], total["base"], ratios, collecting


def _spread(ratios: list[float]) -> str:
    """The median of per-chunk ratios and, from 4 chunks on, their quartiles.

    >>> _spread([1.0, 1.1, 0.9, 1.2, 1.05])
    'median chunk ratio 1.050 (quartiles 0.950-1.150, 5 chunks)'
    >>> _spread([1.0])
    'median chunk ratio 1.000 (1 chunks)'
    """
    if not ratios:
        return "no chunk timed"
    med = f"median chunk ratio {statistics.median(ratios):.3f}"
    if len(ratios) < 4:
        return f"{med} ({len(ratios)} chunks)"
    q1, _, q3 = statistics.quantiles(ratios, n=4)
    return f"{med} (quartiles {q1:.3f}-{q3:.3f}, {len(ratios)} chunks)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--corpus", type=Path, action="append",
                    help="articles to measure instead of the two corpora of --shared (repeatable)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another kg checkout whose default engine is compared "
                                                  "with this one's in the same process (CPU time)")
    ap.add_argument("--fresh", action="store_true", help="also compare on text neither checkout has "
                                                         "read (needs --baseline)")
    ap.add_argument("--warm", type=int, default=800, help="--fresh: articles of each corpus read untimed")
    ap.add_argument("--chunk", type=int, default=100, help="--fresh: articles timed per side in turn")
    ap.add_argument("--core", type=int, help="the core to pin to (default: the first allowed; pick another "
                                             "when other benchmarks run on that one)")
    args = ap.parse_args()
    if args.fresh and not args.baseline:
        ap.error("--fresh compares two checkouts: give --baseline")
    if args.warm < 1 or args.chunk < 1:
        ap.error("--warm and --chunk must be at least 1 (models load in the untimed warm-up)")
    if hasattr(os, "sched_setaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        if args.core is not None and args.core not in allowed:
            ap.error(f"--core {args.core}: this process may run on {allowed}")
        os.sched_setaffinity(0, {allowed[0] if args.core is None else args.core})  # one core, as the target says
    corpora = ({str(p): p for p in args.corpus} if args.corpus
               else {name: Path(args.shared) / rel for name, rel in CORPORA.items()})
    gc.callbacks.append(_gc_clock)
    texts = {name: [a for a in read([path]) if isinstance(a, Article)] for name, path in corpora.items()}
    base = None
    if args.baseline:
        # a few articles load the baseline's models; no more than --fresh warms both sides up on
        base = _load_baseline(args.baseline, [a for arts in texts.values() for a in arts[:min(5, args.warm)]])
    mine = _kg_modules()
    if args.fresh and base is not None:
        # before any standard pass: those read every article, and text read once is no longer unseen
        for name, arts in texts.items():
            if len(arts) <= args.warm:
                print(f"{name}: {len(arts)} articles, none left after --warm {args.warm}")
                continue
            ours, theirs, ratios, collecting = _fresh(arts, base, mine, args.warm, args.chunk)
            n = len(arts) - args.warm
            print(f"{name + ' ' + DEFAULT_ENGINE + ' unseen text':30} {n:8d} CPU time: this {n / ours:.0f}/s, "
                  f"baseline {n / theirs:.0f}/s, ratio {theirs / ours:.3f} (after {args.warm} read, "
                  f"chunks of {args.chunk}; {args.baseline}); GC this {collecting['ours']:.2f} s, baseline "
                  f"{collecting['base']:.2f} s; {_spread(ratios)}", flush=True)
    print(f"{'corpus and engine':30} {'articles':>8} {'MB':>6} {'split only':>12} {'extract':>12} "
          f"{'CPU time':>12} {'MB/s':>6} {'ratio':>6}")
    for name, arts in texts.items():
        mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
        for a in arts[:5]:
            for engine in LOCAL:
                extract(a, engine=engine)  # load lexicons, gazetteer and models outside the timing
        mine.update(_kg_modules())  # modules the engines import lazily are this checkout's (see _use)
        lexes = {a.language: load_lexicon(a.language or "en") for a in arts}

        def split(arts: list[Article] = arts, lexes: dict = lexes) -> None:
            for a in arts:
                split_sentences(a.text, a.segments(), lexes[a.language])

        t_split, _ = _best(split, args.repeat)
        for engine in LOCAL:

            def full(arts: list[Article] = arts, engine: str = engine) -> None:
                for a in arts:
                    extract(a, engine=engine)

            t_full, c_full = _best(full, args.repeat)
            print(f"{name + ' ' + engine:30} {len(arts):8d} {mb:6.2f} {len(arts) / t_split:9.0f}/s "
                  f"{len(arts) / t_full:9.0f}/s {len(arts) / c_full:9.0f}/s {mb / t_full:6.2f} "
                  f"{t_full / t_split:5.1f}x")
        if base is not None:
            ours, theirs = _ab(arts, base, mine, args.repeat)
            print(f"{name + ' ' + DEFAULT_ENGINE + ' vs baseline':30} {len(arts):8d} CPU time: this "
                  f"{len(arts) / ours:.0f}/s, baseline {len(arts) / theirs:.0f}/s, ratio {theirs / ours:.3f} "
                  f"({args.baseline})", flush=True)
    gc.unfreeze()


if __name__ == "__main__":
    main()
