"""Same inputs, any order, any folder name, any hash seed -> byte-identical outputs.

Article ids come from paths *relative to the input given* (``en/x`` for the
folder ``examples``, ``x`` for the file ``examples/en/x.txt``), so a folder
and its files passed one by one give different ids, but the name of the folder
and where it lives never matter. ``errors.jsonl`` names inputs as they were
given, so it differs between roots when there are errors (examples/ has none).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.formats import FORMATS
from tests.conftest import ROOT
from tests.hostile.checks import TEXT_FORMATS
from tests.hostile.corpus import EN_BODY, ID_BODY

EXAMPLES = ROOT / "examples"
TEXT = [f.name for f in TEXT_FORMATS]


def snapshot(folder: Path) -> dict[str, bytes]:
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    assert files
    return files


def built(inputs: list[Path], out: Path, formats: list[str] = TEXT) -> dict[str, bytes]:
    result = build(inputs, out=out, formats=formats)
    assert result.errors == (), result.errors
    return snapshot(out)


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".md", ".html", ".jsonl"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference")
    files = built([EXAMPLES], out)
    assert len(files) > len(TEXT)  # csv/ and neo4j-import/ are folders of several files
    return files


def test_the_same_folder_twice(reference: dict[str, bytes], tmp_path: Path) -> None:
    assert built([EXAMPLES], tmp_path / "again") == reference


def test_the_folder_under_another_name_and_root(reference: dict[str, bytes], tmp_path: Path) -> None:
    copy = tmp_path / "somewhere else" / "Nama Lain ☃"
    shutil.copytree(EXAMPLES, copy)
    assert built([copy], tmp_path / "out") == reference


def test_subfolders_in_any_order(tmp_path: Path) -> None:
    folders = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
    first = built(folders, tmp_path / "sorted")
    assert built(folders[::-1], tmp_path / "reversed") == first


def test_files_one_by_one_in_any_order(tmp_path: Path) -> None:
    files = example_files()
    first = built(files, tmp_path / "sorted")
    for seed in (1, 2):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        assert shuffled != files
        assert built(shuffled, tmp_path / f"shuffled-{seed}") == first


def test_same_stem_in_two_folders_in_either_order(tmp_path: Path) -> None:
    # Both are "x": which one becomes "x-2" must not depend on the order given.
    a, b = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for path, body in ((a, ID_BODY), (b, EN_BODY)):
        path.parent.mkdir()
        path.write_text(f"Judul\n\n{body}\n", encoding="utf-8")
    assert built([a, b], tmp_path / "ab") == built([b, a], tmp_path / "ba")


def _cli_build(out: Path, seed: str) -> subprocess.Popen[bytes]:
    formats = [arg for f in FORMATS for arg in ("--format", f)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(EXAMPLES), "-o", str(out), *formats],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_every_format_under_other_hash_seeds(reference: dict[str, bytes], tmp_path: Path) -> None:
    # Set and dict order of strings changes with the hash seed: nothing may depend on it.
    # The drawings (png, svg) are included; the two processes run side by side.
    runs = {seed: _cli_build(tmp_path / seed, seed) for seed in ("1", "2")}
    for proc in runs.values():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    one, two = snapshot(tmp_path / "1"), snapshot(tmp_path / "2")
    assert one == two
    assert {k: v for k, v in one.items() if k in reference} == reference
    assert {"graph.png", "graph.svg"} <= set(one)
