"""A progress line for long builds: articles done, articles/s, errors so far and the ETA.

Drawn by tqdm on stderr, and only on a terminal: a build whose stderr goes to a
file or a pipe (CI, ``nohup``, ``2> log``) prints no progress at all, nor does
``--quiet``.

>>> import io
>>> with Progress(total=2, quiet=True) as p:
...     p.update(object())
>>> p.done, p.errors
(1, 0)
>>> p.count_in_background(lambda: 5).join(); p.total
5
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import IO, Any

from kg.errors import InputError

__all__ = ["Progress"]


class Progress:
    """Counts results as they arrive; draws a bar when ``stream`` is a terminal and not ``quiet``.

    Parameters
    ----------
    total : int, optional
        The expected number of results (for the ETA); None when unknown (stdin).
    quiet : bool
        Never draw.
    stream : file, optional
        Where to draw (default ``sys.stderr``).
    """

    def __init__(self, total: int | None = None, *, quiet: bool = False, stream: IO[str] | None = None) -> None:
        self.total, self.done, self.errors = total, 0, 0
        self.stream = sys.stderr if stream is None else stream
        self.bar: Any = None
        if not quiet and _is_tty(self.stream):
            import shutil

            from tqdm import tqdm

            # A terminal that reports no size (a bare pty, some CI consoles) gets 0 columns and rows from
            # tqdm's own probe, and tqdm then draws nothing at all: ask with a fallback instead.
            size = shutil.get_terminal_size((100, 24))
            self.bar = tqdm(
                total=total, unit=" articles", file=self.stream, ncols=size.columns, nrows=size.lines, mininterval=0.5,
                smoothing=0.1, desc="kg: extracting", postfix={"errors": 0},
            )

    def count_in_background(self, count: Callable[[], int | None]) -> threading.Thread:
        """Set ``total`` from ``count()`` run in a daemon thread (the bar shows it from its next update)."""

        def run() -> None:
            total = count()
            self.total = total
            if self.bar is not None and total is not None:
                self.bar.total = total

        thread = threading.Thread(target=run, name="kg-count-articles", daemon=True)
        thread.start()
        return thread

    def update(self, item: object) -> None:
        """Count one result (an :class:`~kg.errors.InputError` counts as an error too)."""
        self.done += 1
        if isinstance(item, InputError):
            self.errors += 1
            if self.bar is not None:
                self.bar.set_postfix(errors=self.errors, refresh=False)
        if self.bar is not None:
            self.bar.update(1)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real file
        return False
