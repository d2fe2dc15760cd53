"""Worst-case extraction time: hostile text against plain text of the same size, one core.

Two inputs without a full stop, at growing sizes (issue 14, F20):

* plain: ordinary words, no names (the cheap case: sentences are cut at 200 tokens);
* deals: "PT AlphaN Tbk menggandeng PT BetaN Tbk dan ..." (and in English "AlphaN Inc
  agreed to acquire BetaN Corp and ...") repeated, so that every 200-token sentence
  is full of company names and deal words (the most pairs and cues a sentence can hold).

For each size it prints seconds and seconds per MB, and the ratio of the deals case
to the plain case measured in the same process. Linear means seconds per MB stay flat
as the size grows; the target is a small constant (deals within ~10x of plain).

    python benchmarks/bench_worst.py [--sizes 50000,100000,200000,400000] [--engine hybrid]
"""

from __future__ import annotations

import argparse
import os
import time

from kg.extract import DEFAULT_ENGINE, ENGINES, LLM_ENGINES, extract
from kg.model import Article

PLAIN_WORDS = ["harga", "saham", "naik", "tipis", "pada", "perdagangan", "pagi", "ini", "karena", "investor",
               "menunggu", "data", "ekonomi"]


def plain_text(size: int) -> str:
    words: list[str] = []
    n = 0
    while n < size:
        w = PLAIN_WORDS[len(words) % len(PLAIN_WORDS)]
        words.append(w)
        n += len(w) + 1
    return " ".join(words)[:size]


DEALS = {
    "id": "PT Alpha{i} Tbk menggandeng PT Beta{i} Tbk dan ",
    "en": "Alpha{i} Inc agreed to acquire Beta{i} Corp and ",
}


def deal_text(size: int, language: str = "id") -> str:
    parts: list[str] = []
    n = i = 0
    while n < size:
        chunk = DEALS[language].format(i=i)
        parts.append(chunk)
        n += len(chunk)
        i += 1
    return "".join(parts)[:size]


def seconds(text: str, engine: str, language: str = "id") -> float:
    article = Article(id="worst", text=text, language=language)
    t = time.perf_counter()
    extract(article, engine=engine)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="50000,100000,200000,400000")
    ap.add_argument("--engine", default=DEFAULT_ENGINE, choices=sorted(set(ENGINES) - LLM_ENGINES))
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    seconds("PT Alpha Tbk menggandeng PT Beta Tbk.", args.engine)  # load lexicons and models first
    print(f"{'bytes':>8} {'plain s':>8} {'plain s/MB':>10} {'lang':>4} {'deals s':>8} {'deals s/MB':>10} "
          f"{'ratio':>6}")
    for size in (int(s) for s in args.sizes.split(",")):
        p = seconds(plain_text(size), args.engine)
        mb = size / 1e6
        for language in DEALS:
            d = seconds(deal_text(size, language), args.engine, language)
            print(f"{size:8d} {p:8.2f} {p / mb:10.2f} {language:>4} {d:8.2f} {d / mb:10.2f} {d / p:5.1f}x")


if __name__ == "__main__":
    main()
