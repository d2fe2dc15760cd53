"""Atomic output: write to a temporary file beside the target, then rename.

A build killed half-way leaves the previous output intact, never half a file.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write(d / "x.txt", ["a", "b\\n"]).name
'x.txt'
>>> (d / "x.txt").read_text()
'ab\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], chunks: Iterable[str | bytes]) -> Path:
    """Write ``chunks`` (all str or all bytes) to ``path`` atomically; return the path.

    Text is written as UTF-8 with ``\\n`` line ends whatever the platform.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates the file 0600; outputs are shared (Neo4j reads the CSVs as its own user).
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target
