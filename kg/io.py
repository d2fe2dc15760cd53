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
import contextvars
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import OutputError

# The renames of the files written inside ``all_or_nothing()``, done when it ends well.
_PENDING: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar("_PENDING", default=None)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], chunks: Iterable[str | bytes], *, executable: bool = False) -> Path:
    """Write ``chunks`` (all str or all bytes) to ``path`` atomically; return the path.

    Text is written as UTF-8 with ``\\n`` line ends whatever the platform. ``executable``
    sets the execute bits (before the file takes its name, so inside :func:`all_or_nothing`
    too).
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
        os.chmod(tmp, (0o777 if executable else 0o666) & ~_umask())
        pending = _PENDING.get()
        if pending is None:
            os.replace(tmp, target)
        else:
            pending.append((tmp, target))
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Files written with :func:`atomic_write` inside this block replace their targets together.

    Each file is written whole to a temporary file first; only when every one of
    them is written are they all renamed into place. A failure on the way (a full
    disk) removes the temporary files and leaves every previous output as it was,
    never a mix of new and old files.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = atomic_write(d / "a.txt", ["old"])
    >>> try:
    ...     with all_or_nothing():
    ...         _ = atomic_write(d / "a.txt", ["new"])
    ...         raise OSError(28, "No space left on device")
    ... except OSError:
    ...     pass
    >>> (d / "a.txt").read_text(), sorted(p.name for p in d.iterdir())
    ('old', ['a.txt'])
    """
    pending: list[tuple[str, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        _PENDING.reset(token)
    for tmp, target in pending:
        os.replace(tmp, target)


def check_writable(directory: str | os.PathLike[str], files: Iterable[str] = ()) -> None:
    """Fail early, before a long extraction, when ``directory`` cannot take the output ``files``.

    Raises :class:`~kg.errors.OutputError` naming the folder and the reason: it is a
    file, it cannot be created or written, or one of ``files`` (names of single-file
    outputs) is a folder there.
    """
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"output folder {folder} is a file, not a folder")
    if folder.is_dir():
        try:
            fd, probe = tempfile.mkstemp(prefix=".kg-write-check.", suffix=".probe", dir=folder)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise OutputError(f"cannot write to output folder {folder}: {exc.strerror or exc}") from None
    else:
        # Not made yet (nothing is created before there is something to write): the nearest
        # existing folder above it must let it be made. access() knows a read-only mount.
        above = folder.parent
        while not above.exists() and above != above.parent:
            above = above.parent
        if not above.is_dir():
            raise OutputError(f"cannot create output folder {folder}: {above} is a file, not a folder")
        if not os.access(above, os.W_OK | os.X_OK):
            reason = "Read-only file system" if _read_only(above) else "Permission denied"
            raise OutputError(f"cannot write to output folder {folder}: {reason}")
    for name in files:
        if (folder / name).is_dir():
            raise OutputError(f"cannot write {folder / name}: it is a folder")


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def output_error(exc: OSError, directory: str | os.PathLike[str]) -> OutputError:
    """The message for an OSError met while writing outputs into ``directory``."""
    full = " (the disk is full)" if exc.errno == errno.ENOSPC else ""
    return OutputError(f"cannot write the outputs into {directory}: {exc.strerror or exc}{full}; "
                       "the previous outputs there were left as they were")
