"""benchmarks/bench_extract.py: the ``--fresh`` comparison on text neither checkout has read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "bench_extract.py"


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    # a process of its own: the benchmark pins itself to one core and swaps kg's modules in sys.modules
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)


def test_fresh_prints_both_sides_and_the_ratio_before_the_standard_figures():
    # this checkout against itself, on the bundled example articles (4 English, 5 Indonesian)
    en, id_ = ROOT / "examples" / "en", ROOT / "examples" / "id"
    done = _bench("--corpus", str(en), "--corpus", str(id_), "--baseline", str(ROOT), "--fresh",
                  "--warm", "2", "--chunk", "1", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    fresh = [ln for ln in lines if "unseen text" in ln]
    standard = [ln for ln in lines if "vs baseline" in ln]
    assert len(fresh) == 2 and len(standard) == 2
    pattern = r"CPU time: this \d+/s, baseline \d+/s, ratio \d+\.\d{3} \(after 2 read, chunks of 1;"
    for line, folder, n in zip(fresh, (en, id_), (2, 3), strict=True):
        assert line.startswith(f"{folder} hybrid unseen text")
        assert int(line.split()[4]) == n  # the articles after the warm-up, each timed once per side
        assert re.search(pattern, line)
        # each side's garbage collections in its timed chunks, then the per-chunk median (2-3 chunks: no quartiles)
        assert re.search(r"; GC this \d+\.\d\d s, baseline \d+\.\d\d s; median chunk ratio \d+\.\d{3} "
                         r"\(\d+ chunks\)$", line)
    # the unseen-text figures come first: the standard passes read every article
    assert lines.index(fresh[-1]) < lines.index(next(ln for ln in lines if ln.startswith("corpus and engine")))
    for line, folder in zip(standard, (en, id_), strict=True):
        assert line.startswith(f"{folder} hybrid vs baseline") and re.search(r"ratio \d+\.\d{3}", line)


def test_fresh_needs_a_baseline_and_skips_a_corpus_it_would_only_warm_up_on():
    done = _bench("--corpus", str(ROOT / "examples" / "en"), "--fresh")
    assert done.returncode == 2 and "--fresh compares two checkouts" in done.stderr
    done = _bench("--corpus", str(ROOT / "examples" / "en"), "--fresh", "--baseline", str(ROOT), "--warm", "0")
    assert done.returncode == 2 and "at least 1" in done.stderr
    done = _bench("--corpus", str(ROOT / "examples" / "en"), "--fresh", "--baseline", str(ROOT), "--warm", "4",
                  "--repeat", "1")  # 4 articles, all read in the warm-up
    assert done.returncode == 0, done.stderr
    assert "examples/en: 4 articles, none left after --warm 4" in done.stdout
    assert "unseen text" not in done.stdout and "vs baseline" in done.stdout


def test_core_must_be_one_the_process_may_run_on():
    done = _bench("--corpus", str(ROOT / "examples" / "en"), "--core", "4096")
    assert done.returncode == 2 and "--core 4096" in done.stderr
