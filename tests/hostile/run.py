"""Running kg for the hostile tests: the real CLI in a subprocess (with its time and peak memory),
and a deadline for in-process calls that must not hang."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

__all__ = ["PEAK_RSS", "Run", "deadline", "kg", "measured"]

# The peak RSS of this program alone, in KiB. Linux keeps ru_maxrss across exec, so a child of a
# large test process would report at least the test process's size at fork time; VmHWM belongs to
# the new program's memory only.
PEAK_RSS = (
    "def peak_rss_kib():\n"
    "    try:\n"
    "        with open('/proc/self/status') as f:\n"
    "            return next(int(x.split()[1]) for x in f if x.startswith('VmHWM:'))\n"
    "    except (OSError, StopIteration):\n"
    "        import resource\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
)
# Runs kg's main() and reports the process's own peak RSS on the last line of stderr,
# so that other children of the test process (database servers) do not count.
_MEASURED = PEAK_RSS + (
    "import sys, time\n"
    "from kg.cli import main\n"
    "t = time.perf_counter()\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    rss = peak_rss_kib()\n"
    "    print(f'@measured {time.perf_counter() - t:.3f} {rss}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@dataclass
class Run:
    """A finished ``kg`` process."""

    code: int
    stdout: str
    stderr: str
    seconds: float = 0.0
    max_rss_mb: float = 0.0

    @property
    def errors(self) -> list[str]:
        """The ``kg: error: ...`` lines of stderr."""
        return [line for line in self.stderr.split("\n") if line.startswith("kg: error: ")]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def kg(*args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 120, stdin: bytes | None = None) -> Run:
    """``python -m kg.cli ARGS`` in a subprocess."""
    p = subprocess.run(
        [sys.executable, "-m", "kg.cli", *[os.fspath(a) for a in args]], cwd=cwd or ROOT, env=_env(), input=stdin,
        capture_output=True, timeout=timeout,
    )
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def measured(*args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 120) -> Run:
    """Like :func:`kg`, with the wall time of ``main()`` and the process's peak RSS."""
    p = subprocess.run(
        [sys.executable, "-c", _MEASURED, *[os.fspath(a) for a in args]], cwd=cwd or ROOT, env=_env(),
        capture_output=True, timeout=timeout,
    )
    stderr = p.stderr.decode("utf-8", "replace")
    head, _, last = stderr.rstrip("\n").rpartition("\n")
    assert last.startswith("@measured "), stderr[-2000:]
    _, seconds, rss_kb = last.split()
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), head + "\n", float(seconds), int(rss_kb) / 1024)


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block takes longer than ``seconds``.

    SIGALRM interrupts even a blocking ``open()`` of a FIFO. Main thread, POSIX only.
    """
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: kg hangs on this input")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        assert time.monotonic() - started < seconds + 1
