"""The progress line: drawn on a terminal only, with rate, errors so far and ETA."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from kg.errors import InputError
from kg.progress import Progress
from kg.readers import count_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_drawn_on_a_terminal_with_rate_errors_and_eta() -> None:
    screen = _Terminal()
    with Progress(total=4, stream=screen) as p:
        for item in (object(), InputError("a.jsonl", "bad", line=2), object()):
            p.update(item)
    text = screen.getvalue()
    assert (p.done, p.errors) == (3, 1)
    assert "3/4" in text and "errors=1" in text and "articles/s" in text and "<" in text  # elapsed<remaining


def test_silent_off_a_terminal_or_when_quiet() -> None:
    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):
        with Progress(total=2, stream=stream, quiet=quiet) as p:
            p.update(object())
        assert stream.getvalue() == "" and p.done == 1


def test_count_articles(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Ford.")
    (tmp_path / "notes.csv").write_text("not an article")
    assert count_articles([tmp_path]) == 4
    assert count_articles(tmp_path / "feed.jsonl") == 3
    assert count_articles(["-"]) is None
    assert count_articles([tmp_path / "missing.txt"]) == 1  # still one result: its error


def _run_on_terminal(*args: str) -> str:
    """Run ``kg`` with stderr on a pseudo-terminal; return what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=120)
    os.close(master)
    return shown.decode("utf-8", "replace")


def test_cli_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    shown = _run_on_terminal("build", str(EXAMPLES), "-o", str(tmp_path / "a"), "--engine", "rules",
                             "--format", "nquads", "--workers", "1")
    assert "kg: extracting" in shown and "14/14" in shown and "articles/s" in shown and "errors=0" in shown
    quiet = _run_on_terminal("build", str(EXAMPLES), "-o", str(tmp_path / "b"), "--engine", "rules",
                             "--format", "nquads", "--quiet")
    assert "extracting" not in quiet and "kg: built" not in quiet
