"""Output failures (issue 14 F6): found before extracting, their own exit code, never a mix of old and new.

Full and read-only file systems are real ones: a small tmpfs mounted in a private mount
namespace (``unshare -m``, as root, which CI is), so nothing outside the test sees them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import kg

ARTICLE = "PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n"


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    r = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
    return r.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount() and not os.environ.get("CI"),
                                 reason="needs root and unshare to mount a small tmpfs")


def _in_namespace(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG": f"{sys.executable} -m kg.cli"}
    return subprocess.run(["unshare", "-m", "sh", "-euc", script], capture_output=True, text=True, env=env,
                          timeout=600)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_mount
def test_a_full_disk_leaves_the_previous_outputs_whole(tmp_path: Path) -> None:
    small, out = tmp_path / "small", tmp_path / "out"
    small.mkdir()
    (small / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # Room for one small build (about 0.75 MB) and a little more: a second, larger build cannot fit
    # beside it, and must then leave the first one's files exactly as they were.
    r = _in_namespace(
        f"mkdir -p {out}; mount -t tmpfs -o size=1200k tmpfs {out}\n"
        f"$KG build {small} -o {out} -q\n"
        f"cd {out} && sha256sum * > {tmp_path}/before.txt && cd /\n"
        f"set +e; $KG build {ROOT / 'examples'} -o {out} -q; echo \"exit=$?\"; set -e\n"
        f"cd {out} && sha256sum * > {tmp_path}/after.txt && ls -A {out} > {tmp_path}/listing.txt\n"
    )
    assert r.returncode == 0, r.stderr
    assert "exit=4" in r.stdout
    assert "cannot write the outputs into" in r.stderr and "(the disk is full)" in r.stderr
    assert "previous outputs there were left as they were" in r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "after.txt").read_text() == (tmp_path / "before.txt").read_text()
    assert not [n for n in (tmp_path / "listing.txt").read_text().split() if n.endswith(".tmp")]


@needs_mount
def test_a_read_only_output_folder_is_refused_before_extracting(tmp_path: Path) -> None:
    news, out = tmp_path / "news", tmp_path / "ro"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = _in_namespace(
        f"mkdir -p {out}; mount -t tmpfs -o ro tmpfs {out}\n"
        f"set +e; $KG build {news} -o {out}/x; echo \"exit=$?\"\n"
        f"$KG build {news} --store {out}/store; echo \"exit=$?\"\n"
    )
    assert r.stdout.split() == ["exit=4", "exit=4"], r.stderr
    assert f"kg: error: cannot write to output folder {out}/x: Read-only file system" in r.stderr
    assert "Traceback" not in r.stderr


def test_outputs_that_are_not_folders_or_are_folders_where_files_belong(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "out" / "graph.ttl").mkdir(parents=True)
    cases = [
        (["build", str(news), "-o", str(tmp_path / "a-file")], "is a file, not a folder"),
        (["build", str(news), "-o", str(tmp_path / "out")], "graph.ttl: it is a folder"),
        (["export", str(news), "-o", str(tmp_path / "out" / "graph.ttl")], "graph.ttl: it is a folder"),
    ]
    for argv, message in cases:
        r = kg(*argv)
        assert r.returncode == 4 and message in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert _digest(tmp_path / "out") == {}
