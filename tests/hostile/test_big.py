"""A 200 MB single-line file: refused by the size limit at once, and bounded when the limit is raised.

Measured here (2 cores): refused in about 1 s of ``main()`` and 100 MB peak RSS
(the file is never read); with ``max_article_bytes`` above its size the reader
takes about 3 s and 0.8 GB (the bytes, the decoded text and one copy of the
line) where it took 56 s and 3.3 GB before boilerplate detection skipped long
lines. Extraction of such an article is another matter: see docs/reliability.md.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.model import Article
from tests.hostile.corpus import ID_BODY, ID_TITLE, write_big_line
from tests.hostile.run import PEAK_RSS, measured

SIZE = 200 * 1024 * 1024
DEFAULT_LIMIT = 20_000_000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("big")
    path = write_big_line(folder / "big.txt", SIZE)
    (folder / "big.jsonl").hardlink_to(path)  # the same 200 MB, read as one JSONL line
    yield folder
    for p in folder.iterdir():
        p.unlink()


@pytest.mark.slow
def test_a_200_mb_line_is_refused_quickly_without_being_read(big: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"{ID_TITLE}\n\n{ID_BODY}\n", encoding="utf-8")
    out = tmp_path / "out"
    r = measured("build", big / "big.txt", big / "big.jsonl", good, "-o", out, "--format", "ntriples")
    assert r.code == 1, r.stderr
    limit = f"larger than the limit of {DEFAULT_LIMIT} bytes (max_article_bytes)"
    assert r.errors == [  # inputs are read sorted by path
        f"kg: error: {big / 'big.jsonl'}:1: line is {limit}",
        f"kg: error: {big / 'big.txt'}: file is {SIZE} bytes, {limit}",
    ]
    assert "kg: built 1 article -> " in r.stderr
    # The .txt is refused from its size; the JSONL line is skipped in 1 MiB pieces, never held whole.
    assert r.seconds < 15, r.seconds
    # Memory is compared with a build of the good article alone (models, lexicons and libraries
    # dominate the peak): holding the 200 MB line would add at least 200 MB.
    base = measured("build", good, "-o", tmp_path / "base", "--format", "ntriples")
    assert r.max_rss_mb < base.max_rss_mb + 100, (r.max_rss_mb, base.max_rss_mb)


_READ = PEAK_RSS + """
import sys, time
from kg.readers import read
t = time.perf_counter()
kinds = [type(x).__name__ for x in read([sys.argv[1]], max_article_bytes=int(sys.argv[2]))]
rss = peak_rss_kib() / 1024
print(kinds, round(time.perf_counter() - t, 2), round(rss))
"""


@pytest.mark.slow
@pytest.mark.parametrize(("name", "kind"), [("big.txt", "Article"), ("big.jsonl", "InputError")])
def test_with_a_raised_limit_the_reader_stays_bounded(big: Path, name: str, kind: str) -> None:
    p = subprocess.run(
        [sys.executable, "-c", _READ, str(big / name), str(SIZE + 1)], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert p.returncode == 0, p.stderr
    kinds, seconds, rss = p.stdout.rsplit(" ", 2)
    assert kinds == f"['{kind}']"  # the JSONL "line" is not JSON: one error, no crash
    assert float(seconds) < 20, seconds
    assert float(rss) < 5 * SIZE / 2**20, rss  # a few copies of the text, not dozens


def _extract_seconds(text: str, *, repeat: int = 3) -> float:
    from kg.extract import extract

    a = Article("big", text, language="id")
    best = float("inf")
    for _ in range(repeat):
        # The cyclic collector is off while timing: its full passes scan every live object, so their cost
        # grows with the heap the larger text builds, and one pause in the large run read as 18.8x at 8x
        # the text (16x bound) on a quiet machine. The growth of kg's own work is what is asserted.
        gc.collect()
        gc.disable()
        try:
            # CPU time of this process, not wall time: on a machine shared by other jobs the wall clock
            # counts their work too (a loaded run failed the 16x bound at 8x the text), the CPU clock does not.
            t = time.process_time()
            extract(a)
            best = min(best, time.process_time() - t)
        finally:
            gc.enable()
    return best


def _growth(unit: str, n: int) -> tuple[float, float]:
    """Extraction CPU time of ``unit * n`` and of 8 times as much text, each the best of 3 runs (a
    pause in one run must not pass for quadratic growth, nor a lucky small run for it either)."""
    return _extract_seconds(unit * n), _extract_seconds(unit * 8 * n)


@pytest.mark.slow
def test_extraction_time_grows_linearly_with_plain_text() -> None:
    small, large = _growth("lorem ipsum dolor sit amet ", 1500)  # 40 KB and 320 KB, no full stop
    assert large < 16 * max(small, 0.005), (small, large)  # 8x the text: linear is 8x, quadratic 64x


@pytest.mark.slow
def test_extraction_time_grows_linearly_with_one_long_sentence_of_cues() -> None:
    # 10 KB and 80 KB without a full stop; measured 0.19 s and 3.5 s (18x)
    small, large = _growth("PT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia dan ", 160)
    assert large < 16 * max(small, 0.005), (small, large)
