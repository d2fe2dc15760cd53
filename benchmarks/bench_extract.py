"""Extraction throughput on real news: articles/s and MB/s on one core.

Runs the rule engine over the Reuters-21578 acquisition articles and the CNBC
Indonesia headlines from ../shared/corpus, and, as a baseline in the same
process, sentence splitting alone (the cheapest thing any extractor must do), so
the ratio shows what entity, coreference and relation rules cost on top.
Target (issue 3): >= 200 Reuters-size articles/s per core.

    python benchmarks/bench_extract.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from kg.extract import ENGINES, LLM_ENGINES, extract
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


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    print(f"{'corpus and engine':30} {'articles':>8} {'MB':>6} {'split only':>12} {'extract':>12} {'MB/s':>6} "
          f"{'ratio':>6}")
    for name, rel in CORPORA.items():
        arts = [a for a in read([Path(args.shared) / rel]) if isinstance(a, Article)]
        mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
        for a in arts[:5]:
            for engine in LOCAL:
                extract(a, engine=engine)  # load lexicons, gazetteer and models outside the timing
        lexes = {a.language: load_lexicon(a.language or "en") for a in arts}

        def split(arts: list[Article] = arts, lexes: dict = lexes) -> None:  # type: ignore[type-arg]
            for a in arts:
                split_sentences(a.text, a.segments(), lexes[a.language])

        t_split = _best(split, args.repeat)
        for engine in LOCAL:

            def full(arts: list[Article] = arts, engine: str = engine) -> None:
                for a in arts:
                    extract(a, engine=engine)

            t_full = _best(full, args.repeat)
            print(f"{name + ' ' + engine:30} {len(arts):8d} {mb:6.2f} {len(arts) / t_split:9.0f}/s "
                  f"{len(arts) / t_full:9.0f}/s {mb / t_full:6.2f} {t_full / t_split:5.1f}x")


if __name__ == "__main__":
    main()
