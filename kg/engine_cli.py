"""The command-line options that choose an engine and its settings, for every command that extracts.

One place for ``--engine`` and the options of the engines (``--models``), so
``kg build``, ``kg extract``, ``kg export``, ``kg eval`` and ``kg annotate`` offer
the same choices, and :func:`engine_from_args` turns them into one
:class:`~kg.extract.engine.Engine`.

>>> import argparse
>>> p = argparse.ArgumentParser(prog="kg")
>>> add_engine_options(p)
>>> engine_from_args(p.parse_args(["--engine", "rules"]))
Engine(name='rules', models=None, llm=None)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError

if TYPE_CHECKING:
    from kg.extract.engine import Engine

__all__ = ["add_engine_options", "engine_from_args"]


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """Add ``--engine`` and the engines' options to a (sub)parser."""
    from kg.extract import DEFAULT_ENGINE, ENGINES

    p.add_argument("--engine", default=DEFAULT_ENGINE, choices=sorted(ENGINES),
                   help=f"extraction engine (default: {DEFAULT_ENGINE})")
    p.add_argument("--models", metavar="DIR",
                   help="a model folder written by kg train, used instead of the shipped models")


def engine_from_args(args: argparse.Namespace) -> Engine:
    """The :class:`~kg.extract.engine.Engine` the parsed options ask for (a bad ``--models`` is a usage error)."""
    from kg.extract.engine import DEFAULT_ENGINE, Engine, as_engine

    models = getattr(args, "models", None)
    if models is not None and not Path(models).is_dir():
        raise UsageError(f"--models {models}: not a folder (kg train writes one)")
    return as_engine(Engine(name=getattr(args, "engine", None) or DEFAULT_ENGINE, models=models))
