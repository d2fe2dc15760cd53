"""All of kg's exceptions, in one place.

Every message names the bad value and, where there is a closed set, the allowed ones.

>>> str(InputError("news/a.jsonl", "missing required field 'text'", line=3))
"news/a.jsonl:3: missing required field 'text'"
>>> str(ChoiceError("format", "xml", ["ttl", "nt"]))
"unknown format 'xml' (allowed: nt, ttl)"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class OutputError(KgError):
    """The outputs cannot be written (a read-only or full disk, a file where a folder belongs): exit code 4."""


class UsageError(KgError):
    """The caller asked for something kg cannot do (exit code 2 on the CLI)."""


class ChoiceError(UsageError, ValueError):
    """A value outside a closed set of choices."""

    def __init__(self, what: str, value: object, allowed: Iterable[str]) -> None:
        self.what, self.value, self.allowed = what, value, sorted(allowed)
        super().__init__(f"unknown {what} {value!r} (allowed: {', '.join(self.allowed)})")


class InputError(KgError):
    """One input (a file, or one line of a JSONL file) could not be read.

    Readers yield these instead of raising, so the other articles are still built.
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None) -> None:
        self.path, self.reason, self.line = str(path), reason, line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors travel back from worker processes and Dask workers: pickle the arguments, not the message.
        return (_input_error, (self.path, self.reason, self.line))

    def to_json(self) -> dict[str, object]:
        """The record written to ``errors.jsonl``.

        >>> InputError("a.txt", "empty file").to_json()
        {'path': 'a.txt', 'line': None, 'error': 'empty file'}
        """
        return {"path": self.path, "line": self.line, "error": self.reason}


def _input_error(path: str, reason: str, line: int | None) -> InputError:
    return InputError(path, reason, line=line)


class WorkerError(KgError):
    """Worker processes or a Dask cluster could not do the work at all (not one article's fault)."""


class DataError(KgError):
    """A data file shipped under ``ontology/`` is malformed (a bug in kg's data)."""


class StoreError(UsageError):
    """A path that is not a kg store, a store in use, or a damaged store file."""


class ServerError(KgError):
    """A server refused a request (``status``: its HTTP status), or could not be reached after every retry
    (``status`` None)."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class PushError(ServerError):
    """The SPARQL server refused a request, or could not be reached after every retry."""


class LLMError(ServerError):
    """The language model's server refused a request, or could not be reached after every retry."""


# Line breaks, other control characters and bidi overrides in a file name (or a JSONL id) would let
# one error forge extra lines or reorder text on the terminal: they are shown escaped.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with control characters and bidi overrides escaped, so it prints as one line.

    >>> print(one_line("a\\nb\\u202ec.txt: binary file"))
    a\\nb\\u202ec.txt: binary file
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(message: str) -> None:
    """Print one message line for the user on stderr, escaped by :func:`one_line`.

    Every message kg prints goes through here (and kg's log lines through the same
    escaping), so a file name, an id or a server reply can neither forge extra report
    lines nor send terminal escapes (``ESC[2J``) to the user's terminal.
    """
    import sys

    print(one_line(message), file=sys.stderr)


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, with an ``s`` unless ``n`` is 1 (messages say "1 article", "2 articles").

    >>> plural(1, "article"), plural(0, "file"), plural(2, "entity")
    ('1 article', '0 files', '2 entities')
    """
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{n} {noun}s"
